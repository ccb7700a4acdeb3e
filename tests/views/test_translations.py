"""The UI is Vietnamese: every source string is translated, Qt's own buttons included."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from desktop.views.i18n import qt_tool, translations_dir, update_ts


def unfinished(ts: Path) -> list[str]:
    """Source texts whose translation is missing, empty or marked unfinished."""
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "missing"
            if kind in ("obsolete", "vanished"):
                continue
            if tr is None or kind == "unfinished" or (not (tr.text or "").strip() \
                    and not list(tr)):
                problems.append(f"{name}: {message.findtext('source')!r}")
    return problems


@pytest.mark.parametrize("catalogue", ["hoanhap_vi.ts", "qt_vi.ts"])
def test_catalogues_are_complete(catalogue: str) -> None:
    assert unfinished(translations_dir() / catalogue) == []


@pytest.mark.skipif(qt_tool("lupdate") is None, reason="PySide6 lupdate is not installed")
def test_every_string_in_the_source_is_translated(tmp_path: Path) -> None:
    # Re-extract from today's sources into a copy: a new untranslated string shows up as
    # unfinished, which is what this test exists to catch.
    copy = tmp_path / "hoanhap_vi.ts"
    shutil.copy(translations_dir() / "hoanhap_vi.ts", copy)
    update_ts(copy)
    assert unfinished(copy) == []


def test_qt_standard_buttons_are_vietnamese(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == ["Hủy", "Đồng ý"]
    wizard = QWizard()
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Tiếp >"
