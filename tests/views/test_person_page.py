"""The person page: header and tabs show what the services return; lifecycle, team and
contact actions go through their dialogs; a leader is offered no edits."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QPushButton

from desktop.formatting import format_date
from desktop.services import (
    contacts,
    evaluations,
    person_queries,
    persons,
    supports,
    team,
    timeline,
    violations,
)
from desktop.services.labels import STATUS_LABELS
from desktop.services.person_input import PersonInput
from desktop.views.context import AppContext
from desktop.views.person import common
from desktop.views.person.page import PersonPage

TODAY = date(2026, 11, 26)  # tests/views/conftest.DEMO_TODAY


class FakeNav:
    """Records what the page asks of the main window."""

    def __init__(self) -> None:
        self.pages: list[str] = []
        self.changes = 0

    def open_person(self, person_id: str) -> None:
        raise AssertionError("the person page never opens another person")

    def show_page(self, key: str) -> None:
        self.pages.append(key)

    def data_changed(self) -> None:
        self.changes += 1


@pytest.fixture
def nav() -> FakeNav:
    return FakeNav()


def make_page(qtbot: Any, ctx: AppContext, nav: FakeNav, person_id: str) -> PersonPage:
    page = PersonPage(ctx, nav)
    qtbot.addWidget(page)
    page.resize(1070, 760)
    page.show_person(person_id)
    return page


def person_with(ctx: AppContext, status: str,
                accept: Callable[[str], bool] = lambda _: True) -> str:
    """The id of the first demo person in `status` that `accept` takes."""
    rows = person_queries.list_people(ctx.db, ctx.actor, status=status)
    return next(r.id for r in rows if accept(r.id))


def drive_dialogs(monkeypatch: pytest.MonkeyPatch,
                  fill: Callable[[Any], None]) -> list[Any]:
    """Replace the modal `exec` by: fill the dialog, press Save. Returns the dialogs seen."""
    seen: list[Any] = []

    def fake_exec(dialog: QDialog) -> bool:
        seen.append(dialog)
        fill(dialog)
        dialog.submit()  # type: ignore[attr-defined]
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(common, "exec_dialog", fake_exec)
    return seen


def texts_of_timeline(ctx: AppContext, person_id: str) -> list[str]:
    return [e.text for e in timeline.person_timeline(ctx.db, ctx.actor, person_id)]


def cell(table: Any, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return str(item.text())


def edit_buttons(page: PersonPage) -> list[QPushButton]:
    return [b for b in page.findChildren(QPushButton) if b.property(common.EDITS_PROPERTY)]


# --- what is shown ---------------------------------------------------------------------

def test_header_shows_the_person(qtbot: Any, ctx: AppContext, nav: FakeNav) -> None:
    pid = person_with(ctx, "managed")
    detail = person_queries.get_person(ctx.db, ctx.actor, pid, TODAY)
    page = make_page(qtbot, ctx, nav, pid)
    p = detail.person

    assert page.header.name.text() == p.full_name
    assert page.header.status.text() == p.status_label == "Đang quản lý"
    identity = page.header.identity.text()
    assert p.birth_display in identity
    assert p.id_number is not None
    assert p.id_number in identity
    assert p.residential_area in identity
    assert format_date(p.managed_on) in page.header.dates.text()
    assert detail.expungement is not None
    assert detail.expungement.label_vi in page.header.expungement.text()
    assert page.header.deadlines.isHidden()  # reception deadlines are history once managed
    shown = {k for k, b in page.lifecycle_buttons.items() if not b.isHidden()}
    assert shown == {"mark_absent", "end_management"}


def test_tabs_show_what_the_services_return(qtbot: Any, ctx: AppContext,
                                            nav: FakeNav) -> None:
    pid = person_with(ctx, "managed")
    db, actor = ctx.db, ctx.actor
    page = make_page(qtbot, ctx, nav, pid)
    detail = person_queries.get_person(db, actor, pid, TODAY)
    log = contacts.list_contacts(db, actor, pid)
    coverage = contacts.person_coverage(db, actor, pid, date(2026, 1, 1), TODAY)

    assert page.profile_tab.profile.values["full_name"].text() == detail.person.full_name
    assert page.profile_tab.history.rowCount() == len(detail.history)
    assert page.team_tab.members.rowCount() == len(team.team_of(db, actor, pid, TODAY).members)
    assert page.contacts_tab.table.rowCount() == len(log) > 0
    assert cell(page.contacts_tab.table, 0, 0) == format_date(log[0].contact_date)
    assert page.contacts_tab.excused.rowCount() == len(contacts.list_excused_weeks(db, actor,
                                                                                   pid))
    assert (page.contacts_tab.coverage.property("covered"),
            page.contacts_tab.coverage.property("due")) == (coverage.covered, coverage.due)
    assert page.evaluations_tab.table.rowCount() == len(
        evaluations.list_evaluations(db, actor, pid))
    assert page.supports_tab.table.rowCount() == len(supports.list_supports(db, actor, pid))
    assert page.violations_tab.table.rowCount() == len(
        violations.list_violations(db, actor, pid))
    assert page.timeline_tab.table.rowCount() == len(timeline.person_timeline(db, actor, pid))
    assert page.tabs.tabText(2).endswith(f"({len(log)})")


def test_back_button_returns_to_the_people_list(qtbot: Any, ctx: AppContext,
                                                nav: FakeNav) -> None:
    page = make_page(qtbot, ctx, nav, person_with(ctx, "managed"))
    page.header.back.click()
    assert nav.pages == ["people"]


# --- lifecycle -------------------------------------------------------------------------

def test_start_management_changes_the_status_and_writes_history(
        qtbot: Any, ctx: AppContext, nav: FakeNav, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person_with(ctx, "received")
    page = make_page(qtbot, ctx, nav, pid)
    assert not page.lifecycle_buttons["start_management"].isHidden()

    def fill(dialog: Any) -> None:
        dialog.decision_number.setText("12/QĐ-UBND")
        dialog.decision_date.set_date(TODAY)

    seen = drive_dialogs(monkeypatch, fill)
    page.lifecycle_buttons["start_management"].click()

    assert len(seen) == 1
    assert page.header.status.text() == STATUS_LABELS["managed"]
    assert person_queries.get_person(ctx.db, ctx.actor, pid, TODAY).person.status == "managed"
    assert page.lifecycle_buttons["start_management"].isHidden()
    assert "12/QĐ-UBND" in page.team_tab.decision.text()
    assert nav.changes == 1
    expected = "Chuyển trạng thái: Đã tiếp nhận → Đang quản lý (ngày 26/11/2026)"
    assert expected in texts_of_timeline(ctx, pid)
    shown = [cell(page.timeline_tab.table, r, 2)
             for r in range(page.timeline_tab.table.rowCount())]
    assert expected in shown


def test_end_management_in_the_future_is_refused_under_the_date(
        qtbot: Any, ctx: AppContext, nav: FakeNav, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person_with(ctx, "managed")
    page = make_page(qtbot, ctx, nav, pid)
    before = person_queries.get_person(ctx.db, ctx.actor, pid, TODAY).person
    seen = drive_dialogs(monkeypatch,
                         lambda d: d.ended_on.set_date(TODAY + timedelta(days=1)))

    page.lifecycle_buttons["end_management"].click()

    [dialog] = seen
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "26/11/2026" in dialog.error_text("ended_on")
    assert dialog.error_text("end_reason") == ""
    after = person_queries.get_person(ctx.db, ctx.actor, pid, TODAY).person
    assert (after.status, after.version) == (before.status, before.version)
    assert page.header.status.text() == STATUS_LABELS["managed"]
    assert nav.changes == 0


def test_a_lifecycle_dialog_cancelled_changes_nothing(
        qtbot: Any, ctx: AppContext, nav: FakeNav, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person_with(ctx, "managed")
    page = make_page(qtbot, ctx, nav, pid)
    monkeypatch.setattr(common, "exec_dialog", lambda dialog: False)
    page.lifecycle_buttons["mark_absent"].click()
    assert person_queries.get_person(ctx.db, ctx.actor, pid, TODAY).person.status == "managed"
    assert nav.changes == 0


# --- team ------------------------------------------------------------------------------

def _incomplete(ctx: AppContext) -> Callable[[str], bool]:
    return lambda pid: not team.team_of(ctx.db, ctx.actor, pid, TODAY).complete


def test_adding_the_missing_role_completes_the_team(
        qtbot: Any, ctx: AppContext, nav: FakeNav, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person_with(ctx, "managed", _incomplete(ctx))
    before = team.team_of(ctx.db, ctx.actor, pid, TODAY)
    [missing] = before.missing_roles
    page = make_page(qtbot, ctx, nav, pid)
    banner = page.team_tab.banner
    assert banner.property("complete") is False
    assert before.missing_role_labels[0] in banner.text()

    def fill(dialog: Any) -> None:
        assert dialog.role.code() == missing  # the dialog offers the missing role first
        dialog.name.setText("Lê Thị Hoa")
        dialog.organisation.setEditText("Hội Liên hiệp Phụ nữ")

    drive_dialogs(monkeypatch, fill)
    page.team_tab.add.click()

    assert banner.property("complete") is True
    assert page.team_tab.members.rowCount() == len(before.members) + 1
    assert team.team_of(ctx.db, ctx.actor, pid, TODAY).complete
    assert nav.changes == 1


def test_ending_a_member_moves_them_to_past_members(
        qtbot: Any, ctx: AppContext, nav: FakeNav, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person_with(ctx, "managed", lambda p: team.team_of(ctx.db, ctx.actor, p,
                                                              TODAY).complete)
    page = make_page(qtbot, ctx, nav, pid)
    tab = page.team_tab
    past = tab.past.rowCount()
    tab.members.selectRow(tab.members.rowCount() - 1)
    drive_dialogs(monkeypatch, lambda d: d.to_date.set_date(TODAY - timedelta(days=1)))

    tab.end.click()

    assert tab.past.rowCount() == past + 1
    assert tab.banner.property("complete") is False


# --- contacts and profile --------------------------------------------------------------

def test_delete_contact_asks_first(qtbot: Any, ctx: AppContext, nav: FakeNav,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person_with(ctx, "managed")
    page = make_page(qtbot, ctx, nav, pid)
    table = page.contacts_tab.table
    rows = table.rowCount()
    table.selectRow(0)
    monkeypatch.setattr(common, "confirm", lambda *args: False)
    page.contacts_tab.delete.click()
    assert table.rowCount() == rows

    monkeypatch.setattr(common, "confirm", lambda *args: True)
    page.contacts_tab.delete.click()

    assert table.rowCount() == rows - 1
    assert len(contacts.list_contacts(ctx.db, ctx.actor, pid)) == rows - 1
    assert nav.changes == 1


@pytest.mark.skipif(importlib.util.find_spec("desktop.views.person.dialogs") is None,
                    reason="the record dialogs are not there yet")
def test_log_contact_adds_a_row(qtbot: Any, ctx: AppContext, nav: FakeNav,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person_with(ctx, "managed")
    page = make_page(qtbot, ctx, nav, pid)
    rows = page.contacts_tab.table.rowCount()
    drive_dialogs(monkeypatch, lambda d: d.summary.setPlainText("Gặp tại nhà, ổn định"))

    page.log_contact()  # what Ctrl+N does

    assert page.tabs.currentWidget() is page.contacts_tab
    assert page.contacts_tab.table.rowCount() == rows + 1
    assert "Gặp tại nhà, ổn định" in cell(page.contacts_tab.table, 0, 3)


def test_edit_profile_saves_and_a_concurrent_edit_is_refused(
        qtbot: Any, ctx: AppContext, nav: FakeNav, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person_with(ctx, "managed")
    page = make_page(qtbot, ctx, nav, pid)
    drive_dialogs(monkeypatch, lambda d: d.lines["current_address"].setText("Số 7, tổ 3"))

    page.profile_tab.edit_profile.click()

    assert page.profile_tab.profile.values["current_address"].text() == "Số 7, tổ 3"
    assert texts_of_timeline(ctx, pid)[0].startswith("Sửa nơi ở hiện tại:")

    def someone_else_saves_first(dialog: Any) -> None:
        p = person_queries.get_person(ctx.db, ctx.actor, pid, TODAY).person
        data = replace(dialog.value(), current_address="Số 9, tổ 1")
        persons.update_person(ctx.db, ctx.actor, pid, data, p.version, TODAY)
        dialog.lines["current_address"].setText("Số 8, tổ 2")

    seen = drive_dialogs(monkeypatch, someone_else_saves_first)
    page.profile_tab.edit_profile.click()

    assert not seen[0].general_error.isHidden()
    assert person_queries.get_person(ctx.db, ctx.actor, pid, TODAY).person.current_address \
        == "Số 9, tổ 1"
    assert isinstance(seen[0].value(), PersonInput)


# --- roles -----------------------------------------------------------------------------

def test_leader_sees_every_tab_and_no_edit_button(qtbot: Any, leader_ctx: AppContext,
                                                  nav: FakeNav) -> None:
    pid = person_with(leader_ctx, "managed")
    page = make_page(qtbot, leader_ctx, nav, pid)

    buttons = edit_buttons(page)
    assert len(buttons) >= 20
    assert [b.objectName() for b in buttons if not b.isHidden()] == []
    assert all(b.isHidden() for b in page.lifecycle_buttons.values())
    assert page.tabs.count() == 7
    assert page.contacts_tab.table.rowCount() > 0


def test_officer_is_offered_the_edits(qtbot: Any, ctx: AppContext, nav: FakeNav) -> None:
    page = make_page(qtbot, ctx, nav, person_with(ctx, "managed"))
    visible = {b.objectName() for b in edit_buttons(page) if not b.isHidden()}
    assert {"edit_profile", "edit_judgment", "team_add", "contact_add", "contact_delete",
            "evaluation_add", "support_add", "violation_add"} <= visible


def test_an_expected_person_gets_no_records_yet(qtbot: Any, ctx: AppContext,
                                                nav: FakeNav) -> None:
    pid = person_with(ctx, "expected")
    page = make_page(qtbot, ctx, nav, pid)

    assert not page.contacts_tab.add.isEnabled()
    assert not page.team_tab.add.isEnabled()
    assert not page.header.deadlines.isHidden()  # the address check is due
    shown = {k for k, b in page.lifecycle_buttons.items() if not b.isHidden()}
    assert shown == {"receive", "mark_absent"}
