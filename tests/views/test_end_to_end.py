"""One case from the first visit to the quarterly evaluation, through the real main window.

A fresh installation (one unit, one officer, nobody recorded) with today pinned to
Thursday 26/11/2026, ISO week 2026-W48 (Monday 23/11 – Sunday 29/11):

- 29/10/2026 (Thursday, W44): Đinh Văn Khải walks in, released on 15/10. W44 is not
  wholly under management, so the first due week is W45 (02/11 – 08/11).
- 02/11/2026: management starts; the team of four serves from that day.
- Contacts on 05/11 (W45) and 17/11 (W47); W46 (09/11 – 15/11) is missed.
- Up to today the whole weeks W45, W46, W47 are due: 2 of 3 covered (66,7 %). The current
  week W48 is due but not whole yet, so the person page's coverage does not count it.
- Last contact 17/11, 9 days ago (> 7) and nothing in W48: overdue, 9 days.
- Evaluation of quarter 2026-Q4 (cut-off convention: 15/09 – 14/12/2026): 2 contacts,
  2/3 weeks covered, suggested group B (a missed week), saved as B.
- A contact today covers W48: no longer overdue nor due this week; coverage stays 2/3.

Every step goes through the widgets an officer uses; modal dialogs are shown and filled
(common.exec_dialog is replaced so the test, not a nested event loop, presses Save).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from desktop.db import open_database
from desktop.services import contacts, evaluations, person_queries, team, units, users
from desktop.services.labels import TEAM_ROLE_LABELS
from desktop.views.context import AppContext
from desktop.views.dashboard.cards import DashboardCard
from desktop.views.main_window import MainWindow
from desktop.views.people.model import Column
from desktop.views.people.page import PeoplePage
from desktop.views.people.reception import ReceptionWizard
from desktop.views.person import common
from desktop.views.person.page import PersonPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 11, 26)
NAME = "Đinh Văn Khải"
ID_NUMBER = "019090123457"  # Thái Nguyên (019), a man born in the 1900s (0), in 1990 (90)
RECEIVED = date(2026, 10, 29)
MANAGED = date(2026, 11, 2)
LOAD_TIMEOUT_MS = 20_000
TEAM = [  # role the dialog should offer next, name, organisation, responsible
    ("police", "Trần Quốc Bảo", "", True),
    ("mass_org", "Lê Thị Hoa", "Hội Liên hiệp Phụ nữ", False),
    ("party_member", "Phạm Văn Đức", "", False),
    ("family", "Đinh Thị Lan", "", False),
]


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[AppContext]:
    """An initialised installation with one officer and nobody recorded."""
    db = open_database(tmp_path / "fresh.db")
    admin = units.initialize(db, unit_code="05950", unit_name="Công an xã Tân Cương",
                             province="Tỉnh Thái Nguyên", admin_username="quantri",
                             admin_full_name="Quản Trị Viên", admin_password="quantri-2026")
    users.create_user(db, admin, "canbo", "Nguyễn Văn Cán", "officer", "canbo-2026")
    unit = units.home_unit(db)
    assert unit is not None
    yield AppContext(db=db, actor=users.login(db, "canbo", "canbo-2026"), unit=unit,
                     today_override=TODAY)
    db.close()


# --- helpers ------------------------------------------------------------------------------

def type_text(widget: QWidget, text: str) -> None:
    """Key by key, each key carrying its (Vietnamese) character, as a keyboard sends it."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_date(qtbot: QtBot, edit: QWidget, ddmmyyyy: str) -> None:
    """Click into a date field and type the digits; the sections advance by themselves."""
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused() is edit, "the window holding the field is not active"
    qtbot.keyClicks(edit, ddmmyyyy)


def drive_dialogs(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                  fill: Callable[[Any], None]) -> list[QDialog]:
    """Each dialog the page opens is shown, filled by `fill`, which must save it."""
    seen: list[QDialog] = []

    def shown_and_filled(dialog: QDialog) -> bool:
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: dialog.isActiveWindow())
        fill(dialog)
        assert not dialog.isVisible(), errors_shown(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(common, "exec_dialog", shown_and_filled)
    return seen


def errors_shown(dialog: QDialog) -> list[str]:
    """The error lines a dialog shows, to say why it stayed open."""
    return [label.text() for label in dialog.findChildren(QLabel)
            if label.objectName().endswith("error") or label.objectName().startswith("error_")
            if label.isVisibleTo(dialog)]


def press_save(qtbot: QtBot, dialog: Any) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def show(qtbot: QtBot, window: MainWindow, key: str) -> QWidget:
    """Switch pages with the navigation list, as a click on it does; wait for the figures."""
    page = window.pages[key]
    row = list(window.pages).index(key)
    centre = window.nav.visualItemRect(window.nav.item(row)).center()

    def click() -> None:
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=centre)

    if key == "dashboard":  # reloaded on a worker thread after any change
        with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):  # type: ignore[attr-defined]
            click()
    else:
        click()
    assert window.stack.currentWidget() is page
    return page


def card(window: MainWindow, key: str) -> DashboardCard:
    found = window.pages["dashboard"].findChild(DashboardCard, f"card_{key}")
    assert found is not None
    return found


def cells(tree: QTreeWidget, row: int) -> list[str]:
    item = tree.topLevelItem(row)
    assert item is not None
    return [item.text(c) for c in range(tree.columnCount())]


def people_row(page: PeoplePage, person_id: str) -> list[str]:
    row = page.people.proxy_row_of(person_id)
    assert row is not None
    return [page.people.index(row, c).data() for c in range(len(Column))]


def coverage_of(page: PersonPage) -> tuple[int, int]:
    label = page.contacts_tab.coverage
    return label.property("covered"), label.property("due")


# --- the steps ----------------------------------------------------------------------------

def receive_walk_in(qtbot: QtBot, window: MainWindow) -> str:
    people = show(qtbot, window, "people")
    assert isinstance(people, PeoplePage)
    assert people.people.total_count() == 0
    qtbot.mouseClick(people.receive_button, Qt.MouseButton.LeftButton)
    wizard = people.findChild(ReceptionWizard)
    assert wizard is not None
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    nxt = wizard.button(QWizard.WizardButton.NextButton)

    wizard.source_page.walk_in.setChecked(True)
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    identity = wizard.identity
    assert wizard.currentPage() is identity
    identity.full_name.setFocus()
    type_text(identity.full_name, NAME)
    identity.gender.setCurrentIndex(identity.gender.findData("male"))
    qtbot.keyClicks(identity.birth_date, "03/07/1990")
    qtbot.keyClicks(identity.id_number, ID_NUMBER)
    type_text(identity.permanent_address, "Xóm Nam Đồng, xã Tân Cương")
    identity.residential_area.setCurrentText("Xóm Nam Đồng")
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)

    judgment = wizard.judgment
    assert wizard.currentPage() is judgment, identity.error_text("id_number")
    type_text(judgment.offences, "Trộm cắp tài sản")
    judgment.chapter.setValue(16)
    judgment.prison_months.years.setValue(3)
    type_date(qtbot, judgment.release_date, "15102026")
    assert judgment.release_date.date_value() == date(2026, 10, 15)
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)

    assert wizard.currentPage() is wizard.dates
    assert not wizard.dates.walk_in_box.isHidden()
    type_date(qtbot, wizard.dates.received_on, "29102026")
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)

    assert wizard.currentPage() is wizard.duplicates
    assert wizard.duplicates.candidates == []  # nobody else is recorded
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                     Qt.MouseButton.LeftButton)
    person_id = wizard.created_person_id
    assert person_id is not None
    return person_id


def start_management(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    page = window.person_page

    def fill(dialog: Any) -> None:
        type_date(qtbot, dialog.managed_on, "02112026")
        dialog.decision_number.setFocus()
        type_text(dialog.decision_number, "15/QĐ-UBND")
        type_date(qtbot, dialog.decision_date, "02112026")
        press_save(qtbot, dialog)

    seen = drive_dialogs(monkeypatch, qtbot, fill)
    qtbot.mouseClick(page.lifecycle_buttons["start_management"], Qt.MouseButton.LeftButton)
    assert len(seen) == 1


def assign_team(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = window.person_page.team_tab
    window.person_page.tabs.setCurrentWidget(tab)
    offered: list[str] = []

    for _role, name, organisation, responsible in TEAM:
        def fill(dialog: Any, name: str = name, organisation: str = organisation,
                 responsible: bool = responsible) -> None:
            offered.append(dialog.role.code())  # the first role still missing
            assert focused() is dialog.name
            type_text(dialog.name, name)
            if organisation:
                assert dialog.organisation.isVisibleTo(dialog)
                dialog.organisation.setEditText(organisation)
            else:
                assert not dialog.organisation.isVisibleTo(dialog)
            type_date(qtbot, dialog.from_date, "02112026")
            dialog.responsible.setChecked(responsible)
            press_save(qtbot, dialog)

        drive_dialogs(monkeypatch, qtbot, fill)
        assert tab.banner.property("complete") is False
        qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    assert offered == [role for role, *_ in TEAM]


def log_contact(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                day: str | None, summary: str) -> QDialog:
    """Ctrl+N on the person page, the summary typed, Ctrl+Enter to save."""
    page = window.person_page

    def fill(dialog: Any) -> None:
        assert focused() is dialog.summary
        assert dialog.members.text() == TEAM[0][1]  # the police member, pre-filled
        type_text(focused(), summary)
        if day is not None:
            type_date(qtbot, dialog.contact_date, day)
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    seen = drive_dialogs(monkeypatch, qtbot, fill)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.tabs.setCurrentWidget(page.profile_tab)
    page.tabs.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1, "Ctrl+N opened no contact dialog"
    assert page.tabs.currentWidget() is page.contacts_tab
    return seen[0]


def evaluate(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    page = window.person_page
    page.tabs.setCurrentWidget(page.evaluations_tab)

    def fill(dialog: Any) -> None:
        assert dialog.quarter.currentData() == "2026-Q4"
        report = dialog.notes["helper_report"].text()
        assert "đã gặp gỡ 2 lần" in report
        assert "2/3 tuần phải gặp (66,7%)" in report
        assert dialog.classification.code() == "B"  # suggested: a week was missed
        dialog.notes["proposals"].setFocus()
        type_text(dialog.notes["proposals"], "Tiếp tục gặp gỡ hằng tuần.")
        qtbot.mouseClick(dialog.classification.buttons["B"], Qt.MouseButton.LeftButton)
        press_save(qtbot, dialog)

    seen = drive_dialogs(monkeypatch, qtbot, fill)
    qtbot.mouseClick(page.evaluations_tab.add, Qt.MouseButton.LeftButton)
    assert len(seen) == 1


# --- the test -----------------------------------------------------------------------------

def test_a_person_from_reception_to_evaluation(qtbot: QtBot, fresh: AppContext,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = fresh
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.pages["dashboard"].loaded,  # type: ignore[attr-defined]
                          timeout=LOAD_TIMEOUT_MS):
        window.show()
    qtbot.waitExposed(window)
    assert card(window, "overdue").count == 0

    # Reception: the wizard creates the person and the window opens their page.
    pid = receive_walk_in(qtbot, window)
    page = window.person_page
    assert window.stack.currentWidget() is page
    assert page.header.name.text() == NAME
    assert page.lifecycle_buttons["start_management"].isVisibleTo(page)
    detail = person_queries.get_person(ctx.db, ctx.actor, pid, TODAY)
    assert (detail.person.status, detail.person.received_on) == ("received", RECEIVED)

    # Never met since the reception 28 days ago: overdue at once; waiting for a team.
    show(qtbot, window, "dashboard")
    assert card(window, "overdue").row_keys() == [pid]
    assert cells(card(window, "overdue").tree, 0)[3] == "28"
    assert card(window, "awaiting_team").row_keys() == [pid]
    assert card(window, "due_week").count == 0

    # The dashboard line opens the person (Enter on it, as double-click does).
    tree = card(window, "overdue").tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page
    assert page.person_id == pid

    start_management(qtbot, window, monkeypatch)
    assert person_queries.get_person(ctx.db, ctx.actor, pid, TODAY).person.managed_on == MANAGED
    assert page.lifecycle_buttons["start_management"].isHidden()
    assert "15/QĐ-UBND" in page.team_tab.decision.text()
    banner = page.team_tab.banner
    assert banner.property("complete") is False
    core_roles = [TEAM_ROLE_LABELS[role] for role, *_ in TEAM]
    assert all(label in banner.text() for label in core_roles)  # all four missing

    assign_team(qtbot, window, monkeypatch)
    assert banner.property("complete") is True
    assert not any(label in banner.text() for label in core_roles)
    assert page.team_tab.members.rowCount() == 4
    members = team.team_of(ctx.db, ctx.actor, pid, TODAY).members
    assert sorted((m.role, m.name, m.from_date, m.responsible) for m in members) == sorted(
        (role, name, MANAGED, responsible) for role, name, _, responsible in TEAM)

    # Coverage before any contact: W45, W46, W47 due, none covered.
    assert coverage_of(page) == (0, 3)
    missed = page.contacts_tab.missed.text()
    assert all(week in missed for week in ("2026-W45", "2026-W46", "2026-W47"))

    log_contact(qtbot, window, monkeypatch, "05112026", "Gặp tại nhà, đã có việc phụ hồ.")
    assert coverage_of(page) == (1, 3)
    assert "33,3%" in page.contacts_tab.coverage.text()
    log_contact(qtbot, window, monkeypatch, "17112026", "Gặp tại nhà, sức khỏe ổn định.")
    assert coverage_of(page) == (2, 3)
    assert "66,7%" in page.contacts_tab.coverage.text()
    missed = page.contacts_tab.missed.text()
    assert "2026-W46" in missed
    assert "2026-W45" not in missed
    assert "2026-W47" not in missed
    log = contacts.list_contacts(ctx.db, ctx.actor, pid)
    assert [c.contact_date for c in log] == [date(2026, 11, 17), date(2026, 11, 5)]
    assert page.contacts_tab.table.rowCount() == 2
    assert page.tabs.tabText(2).endswith("(2)")

    evaluate(qtbot, window, monkeypatch)
    [saved] = evaluations.list_evaluations(ctx.db, ctx.actor, pid)
    assert (saved.quarter, saved.classification, saved.proposals) == (
        "2026-Q4", "B", "Tiếp tục gặp gỡ hằng tuần.")
    table = page.evaluations_tab.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in (0, 1)] == [saved.quarter_label, "B"]
    assert page.tabs.tabText(3).endswith("(1)")

    # Dashboard: overdue (last met 17/11, 9 days ago), team complete, no longer waiting.
    show(qtbot, window, "dashboard")
    assert card(window, "overdue").row_keys() == [pid]
    assert cells(card(window, "overdue").tree, 0)[:4] == [NAME, "Xóm Nam Đồng", "17/11/2026",
                                                           "9"]
    assert card(window, "due_week").count == 0  # overdue people are listed once
    assert card(window, "teams").count == 0
    assert card(window, "awaiting_team").count == 0
    assert card(window, "evaluations").count == 0  # not managed at the end of 2026-Q3

    # People list: found without diacritics, group B, last contact, flagged overdue.
    people = show(qtbot, window, "people")
    assert isinstance(people, PeoplePage)
    people.search.setFocus()
    qtbot.keyClicks(people.search, "dinh van khai")
    assert people.people.rowCount() == 1
    row = people_row(people, pid)
    assert row[Column.NAME] == NAME
    assert row[Column.CLASSIFICATION] == "B"
    assert row[Column.LAST_CONTACT] == "17/11/2026"
    assert row[Column.OVERDUE] != ""
    # Enter goes from the search to the result, Enter again opens the person.
    qtbot.keyClick(people.search, Qt.Key.Key_Return)
    qtbot.keyClick(people.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page

    # A contact today covers this week: off the overdue list, not "due this week" either.
    dialog = log_contact(qtbot, window, monkeypatch, None, "Gặp tại nhà, bình thường.")
    assert dialog.result_value.contact_date == TODAY  # type: ignore[attr-defined]
    # W48 is not over yet: the whole-week coverage up to today is unchanged.
    assert coverage_of(page) == (2, 3)
    assert page.contacts_tab.table.rowCount() == 3
    show(qtbot, window, "dashboard")
    assert card(window, "overdue").count == 0
    assert card(window, "due_week").count == 0
    people = show(qtbot, window, "people")
    assert isinstance(people, PeoplePage)
    row = people_row(people, pid)
    assert (row[Column.LAST_CONTACT], row[Column.OVERDUE]) == ("26/11/2026", "")
