"""Known errors become a clear message; bugs reach the crash dialog and the log file."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.db import DatabaseInUseError
from desktop.services.errors import ValidationError
from desktop.views import errors


def test_known_errors_have_their_message() -> None:
    assert errors.known_message(ValidationError("id_number", "Số CCCD sai")) == "Số CCCD sai"
    assert errors.known_message(DatabaseInUseError("Đang mở ở cửa sổ khác")) == \
        "Đang mở ở cửa sổ khác"
    full = OSError(errno.ENOSPC, "No space left on device")
    assert "đĩa" in (errors.known_message(full) or "").lower()


def test_a_bug_is_not_a_known_error() -> None:
    assert errors.known_message(KeyError("x")) is None


def test_crash_is_logged_and_shown(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(errors, "log_dir", lambda: tmp_path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()) or 0)
    try:
        raise ZeroDivisionError("lỗi thử")
    except ZeroDivisionError as exc:
        errors.report_crash(type(exc), exc, exc.__traceback__)
    logs = list(tmp_path.glob("crash-*.log"))
    assert len(logs) == 1
    assert "ZeroDivisionError: lỗi thử" in logs[0].read_text(encoding="utf-8")
    assert "ZeroDivisionError" in shown[0]
