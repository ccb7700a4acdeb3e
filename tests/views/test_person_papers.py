"""Printing a person's paper from the person page: the PDF lands in the chosen folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services import person_papers, person_queries
from desktop.services.errors import ValidationError
from desktop.services.person_views import PersonView
from desktop.views.context import AppContext
from desktop.views.person.papers_dialog import PersonPaperDialog
from tests.reports.report_helpers import pdf_pages
from tests.views.test_person_page import FakeNav, make_page


def managed(ctx: AppContext) -> PersonView:
    person = person_queries.list_people(ctx.db, ctx.actor, status="managed")[0]
    return person_queries.get_person(ctx.db, ctx.actor, person.id, ctx.today()).person


def dialog_for(qtbot: QtBot, ctx: AppContext, folder: Path) -> PersonPaperDialog:
    dialog = PersonPaperDialog(ctx, managed(ctx))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(folder))
    return dialog


def choose(dialog: PersonPaperDialog, code: str) -> None:
    index = next(i for i in range(dialog.paper.count())
                 if dialog.paper.itemData(i).code == code)
    dialog.paper.setCurrentIndex(index)


def test_the_information_sheet_is_written_and_names_the_person(
        ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    dialog = dialog_for(qtbot, ctx, tmp_path)
    choose(dialog, "HCD-02")
    assert not dialog.quarter.isVisible()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    files = list(tmp_path.glob("*.pdf"))
    assert len(files) == 1
    assert files[0].name.isascii()
    assert files[0].name.startswith("HCD-02_")
    text = "\n".join(pdf_pages(files[0].read_bytes(), tmp_path))
    assert dialog.person.full_name in text
    assert str(files[0]) in shown[0]


def test_hcd08_asks_for_the_quarter_and_prints_it(
        ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    dialog = dialog_for(qtbot, ctx, tmp_path)
    choose(dialog, "HCD-08")
    assert dialog.quarter.isVisible()
    dialog.quarter.setCurrentIndex(1)
    label = dialog.quarter.currentText()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    (pdf,) = tmp_path.glob("HCD-08_*.pdf")
    text = " ".join(" ".join(pdf_pages(pdf.read_bytes(), tmp_path)).split())
    assert label.split()[-1] in text  # the year of the chosen quarter


def test_an_unwritable_folder_is_said_in_the_dialog(
        ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    dialog = dialog_for(qtbot, ctx, blocker / "inside")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "Không ghi được" in dialog.general_error.text()


def test_only_person_papers_are_printed_here(ctx: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ValidationError):
        person_papers.produce_person_paper(ctx.db, ctx.actor, "HCD-13", managed(ctx).id, out)
    assert not out.exists()


def test_leaders_may_print_papers_too(leader_ctx: AppContext, qtbot: Any) -> None:
    page = make_page(qtbot, leader_ctx, FakeNav(), managed(leader_ctx).id)
    assert not page.print_button.isHidden()
