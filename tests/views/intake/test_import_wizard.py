"""The Excel import wizard, driven page by page on a private copy of the demo database.

Assertions read data (row numbers, names, counts shown as numbers, files written, database
contents), never translated text. The list is built in each test with openpyxl.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.models import AuditEntry, Person
from desktop.services import persons
from desktop.services.person_input import PersonInput
from desktop.services.person_queries import list_people
from desktop.views.context import AppContext
from desktop.views.intake.analysis_page import AnalysisPage
from desktop.views.intake.wizard import ImportWizard
from tests.intake.sheets import row_counts
from tests.views.intake.helpers import (
    DEMO_NAMESAKE,
    DEMO_TWIN,
    cell_texts,
    import_now,
    next_page,
    save_to,
    to_analysis,
    to_mapping,
    write_list,
)
from tests.views.people_helpers import FakeNavigator, make_page

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def listing(tmp_path: Path) -> Path:
    return write_list(tmp_path / "danh_sach_trai_giam.xlsx")


def open_wizard(qtbot: QtBot, ctx: AppContext) -> tuple[ImportWizard, FakeNavigator]:
    page, nav = make_page(qtbot, ctx)
    assert page.import_button.isVisibleTo(page)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    wizard = page.findChild(ImportWizard)
    assert wizard is not None
    qtbot.waitExposed(wizard)
    return wizard, nav


def person_id(ctx: AppContext, name: str) -> str:
    (row,) = list_people(ctx.db, ctx.actor, name)
    return row.id


def live(ctx: AppContext, name: str) -> list[Person]:
    with ctx.db.reading() as s:
        return list(s.scalars(select(Person).where(Person.full_name == name,
                                                   Person.deleted_at.is_(None))))


def number(label: object) -> int:
    return int(label.text())  # type: ignore[attr-defined]


def decide(page: AnalysisPage, row_number: int, data: str) -> None:
    combo = page.findChild(QComboBox, f"decision_{row_number}")
    assert combo is not None
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_import_with_a_changed_mapping_and_decisions(
        qtbot: QtBot, ctx: AppContext, listing: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard, nav = open_wizard(qtbot, ctx)
    before = row_counts(ctx.db)
    twin, namesake = person_id(ctx, DEMO_TWIN[0]), person_id(ctx, DEMO_NAMESAKE[0])

    # Sheet and header row: found under the title, on the list's sheet.
    wizard.file_page.path_edit.setText(str(listing))
    next_page(qtbot, wizard)
    sheet = wizard.sheet_page
    assert sheet.sheet_combo.currentText() == "Danh sách"
    assert [sheet.sheet_combo.itemText(i) for i in range(sheet.sheet_combo.count())] == [
        "Danh sách", "Ghi chú"]
    assert sheet.header_spin.value() == 3
    assert sheet.grid.item(2, 1).text() == "Họ và tên"
    assert QFont(sheet.grid.item(2, 1).font()).bold()
    assert not QFont(sheet.grid.item(3, 1).font()).bold()

    # Columns: the unknown one is not imported until the officer says what it is.
    next_page(qtbot, wizard)
    mapping = wizard.mapping_page
    assert cell_texts(mapping.table, mapping.TITLE)[8] == "Việc đang làm"
    assert mapping.mapping().fields == (None, "full_name", "birth_date", "gender", "id_number",
                                        "place_of_origin", "sentence", "release_date", None)
    mapping.set_target("I", "occupation")

    # The check: every row with its status, the problems, the record a row may be.
    to_analysis(qtbot, wizard)
    page = wizard.analysis_page
    analysis = wizard.state.analysis
    assert analysis is not None
    assert cell_texts(page.rows, page.ROW) == ["4", "5", "6", "7", "8"]
    assert cell_texts(page.rows, page.NAME) == [
        "Lò Văn Tèo", "Đinh Thị Mai", DEMO_TWIN[0], "Lê Văn Cường", DEMO_NAMESAKE[0]]
    assert cell_texts(page.rows, page.ID_NUMBER)[0] == "025085999001"  # the zero restored
    assert [(r.row_number, r.status) for r in analysis.rows] == [
        (4, "new"), (5, "new"), (6, "duplicate"), (7, "rejected"), (8, "duplicate")]
    assert page.problems.rowCount() == 1
    assert [page.problems.item(0, c).text() for c in range(3)] == ["7", "Ngày sinh",
                                                                   "31/02/1985"]
    assert "ngày không tồn tại" in page.problems.item(0, page.P_PROBLEM).text()
    page.rows.setCurrentCell(page.row_index(6), 0)
    assert page.candidates.isVisibleTo(page)
    shown = [[page.candidates.item(r, c).text() for c in range(1, 5)]
             for r in range(page.candidates.rowCount())]
    assert shown[1] == [DEMO_TWIN[0], DEMO_TWIN[1], DEMO_TWIN[2], "025087438053"]

    # Decisions: skip a new row, link the known person, create the namesake anyway.
    skip_mai = page.rows.item(page.row_index(5), page.DECISION)
    skip_mai.setCheckState(Qt.CheckState.Unchecked)
    decide(page, 6, f"link:{twin}")
    decide(page, 8, "create")

    # The rejected rows to correct, with what is wrong with them.
    rejected_file = tmp_path / "sua_lai.xlsx"
    save_to(monkeypatch, rejected_file)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    sheet_rows = list(openpyxl.load_workbook(rejected_file).active.iter_rows(values_only=True))
    assert sheet_rows[0][-1] == "Lỗi"
    assert len(sheet_rows) == 2
    assert sheet_rows[1][1] == "Lê Văn Cường"
    assert "ngày không tồn tại" in sheet_rows[1][-1]

    # Confirmation: still nothing written.
    next_page(qtbot, wizard)
    confirm = wizard.confirm_page
    assert [number(x) for x in (confirm.to_create, confirm.to_link, confirm.to_skip,
                                confirm.rejected)] == [2, 1, 1, 1]
    assert row_counts(ctx.db) == before

    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=30000)
    result = wizard.result_page
    created, linked = number(result.created), number(result.linked)
    assert (created, number(result.expected), linked, number(result.skipped),
            number(result.rejected)) == (2, 2, 1, 1, 1)
    after = row_counts(ctx.db)
    assert after["persons"] - before["persons"] == created
    (teo,) = live(ctx, "Lò Văn Tèo")
    assert (teo.id_number, teo.occupation, teo.status) == ("025085999001", "Thợ hồ",
                                                            "expected")
    assert live(ctx, "Đinh Thị Mai") == []
    assert len(live(ctx, DEMO_NAMESAKE[0])) == 2
    assert {p.id for p in live(ctx, DEMO_NAMESAKE[0])} >= {namesake}
    with ctx.db.reading() as s:
        linked_to = s.scalars(select(AuditEntry.entity_id).where(
            AuditEntry.action == "import_excel", AuditEntry.entity == "persons",
            AuditEntry.changes.contains("dòng 6"))).all()
    assert linked_to == [twin]

    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert nav.changes == 1  # the People page and others refresh

    # The same file again: the changed mapping is proposed; nothing new is created.
    again, _ = open_wizard(qtbot, ctx)
    to_mapping(qtbot, again, listing)
    assert again.state.columns is not None
    assert again.state.columns.remembered
    assert again.mapping_page.mapping().fields[8] == "occupation"


def test_a_second_import_of_the_same_file_creates_nothing(
        qtbot: QtBot, ctx: AppContext, listing: Path) -> None:
    first, _ = open_wizard(qtbot, ctx)
    to_mapping(qtbot, first, listing)
    to_analysis(qtbot, first)
    import_now(qtbot, first)
    assert number(first.result_page.created) == 2  # rows 4 and 5; the rest skipped
    first.button(QWizard.WizardButton.FinishButton).click()
    before = row_counts(ctx.db)

    second, _ = open_wizard(qtbot, ctx)
    to_mapping(qtbot, second, listing)
    to_analysis(qtbot, second)
    analysis = second.state.analysis
    assert analysis is not None
    assert analysis.counts.new == 0
    assert second.analysis_page.decisions() == {4: "skip", 5: "skip", 6: "skip",
                                               7: "skip", 8: "skip"}
    import_now(qtbot, second)
    assert number(second.result_page.created) == 0
    after = row_counts(ctx.db)
    for table in ("persons", "judgments", "status_changes"):
        assert after[table] == before[table]


def test_cancelling_writes_nothing(qtbot: QtBot, ctx: AppContext, listing: Path) -> None:
    wizard, nav = open_wizard(qtbot, ctx)
    before = row_counts(ctx.db)
    to_mapping(qtbot, wizard, listing)
    wizard.mapping_page.set_target("I", "occupation")
    to_analysis(qtbot, wizard)
    decide(wizard.analysis_page, 8, "create")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.confirm_page
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton),
                     Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    assert wizard.import_result is None
    assert row_counts(ctx.db) == before  # not even the mapping is remembered
    assert nav.changes == 0


def test_the_template_button_writes_the_template(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard, _ = open_wizard(qtbot, ctx)
    target = tmp_path / "mau"
    save_to(monkeypatch, target)
    qtbot.mouseClick(wizard.file_page.template_button, Qt.MouseButton.LeftButton)
    written = target.with_name("mau.xlsx")  # the extension is added
    assert str(written) in wizard.file_page.template_status.text()
    sheet = openpyxl.load_workbook(written)["Danh sách"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD/CMND"]
    assert "Ngày ra trại" in header
    assert sheet.cell(2, 1).value == "Nguyễn Văn An"  # the example row
    assert sheet.max_row == 2


def test_a_file_that_is_not_excel_is_refused_on_the_first_page(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    wizard, _ = open_wizard(qtbot, ctx)
    fake = tmp_path / "danh_sach.xlsx"
    fake.write_text("Họ và tên;Ngày sinh\n", encoding="utf-8")
    wizard.file_page.path_edit.setText(str(fake))
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.isVisibleTo(wizard.file_page)
    assert "không phải tệp Excel" in wizard.file_page.error.text()


def test_choosing_another_header_row_changes_the_columns(
        qtbot: QtBot, ctx: AppContext, listing: Path) -> None:
    wizard, _ = open_wizard(qtbot, ctx)
    to_mapping(qtbot, wizard, listing)
    wizard.back()
    grid = wizard.sheet_page.grid
    spot = grid.visualRect(grid.model().index(3, 1)).center()  # the officer clicks row 4
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert wizard.sheet_page.header_spin.value() == 4
    assert QFont(grid.item(3, 1).font()).bold()
    assert not QFont(grid.item(2, 1).font()).bold()
    next_page(qtbot, wizard)
    titles = cell_texts(wizard.mapping_page.table, wizard.mapping_page.TITLE)
    assert titles[1] == "Lò Văn Tèo"
    assert wizard.mapping_page.missing.isVisibleTo(wizard.mapping_page)


def test_leaders_see_neither_import_nor_merge(qtbot: QtBot, leader_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, leader_ctx)
    assert not page.import_button.isVisibleTo(page)
    assert not page.merge_button.isVisibleTo(page)


def test_someone_recorded_meanwhile_stops_the_import_whole(
        qtbot: QtBot, ctx: AppContext, listing: Path) -> None:
    wizard, _ = open_wizard(qtbot, ctx)
    to_mapping(qtbot, wizard, listing)
    to_analysis(qtbot, wizard)
    next_page(qtbot, wizard)
    # Another officer records row 4's person while this one reads the confirmation.
    persons.register_walk_in(
        ctx.db, ctx.actor,
        PersonInput(full_name="Lò Văn Tèo", gender="male", birth_date="12/04/1985",
                    release_date=date(2024, 1, 5)),
        None, date(2024, 1, 8), today=ctx.today())
    before = row_counts(ctx.db)
    next_page(qtbot, wizard)
    confirm = wizard.confirm_page
    qtbot.waitUntil(lambda: not confirm.busy, timeout=30000)
    assert wizard.currentPage() is confirm
    assert confirm.error.isVisibleTo(confirm)
    assert "Dòng 4" in confirm.error.text()
    assert row_counts(ctx.db) == before
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    # Back to the check, run it again: row 4 is now found on record.
    wizard.back()
    qtbot.mouseClick(wizard.analysis_page.recheck_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.analysis_page.isComplete, timeout=30000)
    analysis = wizard.state.analysis
    assert analysis is not None
    assert analysis.row(4).status == "duplicate"
