"""Changing a record dated in a signed period from the GUI: the dialog asks for the reason
(REPORTS.md §3 adjustments) instead of leaving the officer stuck on a refusal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.models.admin import Adjustment
from desktop.reports.snapshot import mark_signed, produce_snapshot
from desktop.services import contacts, person_queries, users
from desktop.views.context import AppContext
from desktop.views.person import common
from desktop.views.person.dialogs import ContactDialog
from tests.views.test_person_page import FakeNav, make_page

Q3 = "2026-Q3"  # cut-off convention: 15/06/2026 … 14/09/2026
IN_Q3 = date(2026, 8, 10)


def sign_q3(ctx: AppContext) -> None:
    leader = users.login(ctx.db, "lanhdao", "hoanhap-demo")
    snap = produce_snapshot(ctx.db, ctx.actor, "HCD-13", Q3)
    mark_signed(ctx.db, leader, snap.report_id, "Trần Văn Trưởng",
                datetime(2026, 9, 20, tzinfo=UTC), "a" * 64)


def managed_person(ctx: AppContext) -> str:
    people = person_queries.list_people(ctx.db, ctx.actor, status="managed")
    person = next(p for p in people if p.received_on and p.received_on < date(2026, 6, 1))
    return person.id


def adjustments(ctx: AppContext) -> list[tuple[str, str, str]]:
    with ctx.db.reading() as s:
        return [(a.entity, a.action, a.reason) for a in s.scalars(select(Adjustment))]


def test_contact_in_a_signed_quarter_asks_for_a_reason_then_saves(
        ctx: AppContext, qtbot: QtBot) -> None:
    sign_q3(ctx)
    pid = managed_person(ctx)
    before = len(contacts.list_contacts(ctx.db, ctx.actor, pid))
    dialog = ContactDialog(ctx, pid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.contact_date.set_date(IN_Q3)
    dialog.summary.setPlainText("Ghi bổ sung buổi gặp bị sót.")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    save.click()

    assert dialog.isVisible()  # refused, but not a dead end
    assert "đã ký" in dialog.error_text("contact_date")
    reason = dialog.field("adjustment_reason")
    assert isinstance(reason, QLineEdit)
    assert reason.isVisible()
    assert len(contacts.list_contacts(ctx.db, ctx.actor, pid)) == before

    reason.setText("Sổ giấy ghi buổi gặp này, máy bị sót")
    save.click()

    assert not dialog.isVisible()
    assert len(contacts.list_contacts(ctx.db, ctx.actor, pid)) == before + 1
    assert adjustments(ctx) == [("contacts", "create",
                                 "Sổ giấy ghi buổi gặp này, máy bị sót")]


def test_contact_outside_signed_periods_shows_no_reason_row(
        ctx: AppContext, qtbot: QtBot) -> None:
    sign_q3(ctx)
    pid = managed_person(ctx)
    dialog = ContactDialog(ctx, pid)
    qtbot.addWidget(dialog)
    dialog.summary.setPlainText("Gặp bình thường.")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result_value is not None
    assert dialog.adjustment_reason() is None
    assert adjustments(ctx) == []


def test_deleting_a_contact_in_a_signed_quarter_asks_for_the_reason(
        qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = managed_person(ctx)
    contacts.log_contact(ctx.db, ctx.actor, pid, contacts.ContactInput(IN_Q3),
                         today=ctx.today())
    sign_q3(ctx)
    page = make_page(qtbot, ctx, FakeNav(), pid)
    tab = page.contacts_tab
    row = next(r for r in range(tab.table.rowCount())
               if tab.table.item(r, 0).text() == "10/08/2026")
    tab.table.selectRow(row)
    monkeypatch.setattr(common, "confirm", lambda *args: True)
    asked: list[str] = []

    def cancel(_parent: Any, _title: str, label: str, *_: Any) -> tuple[str, bool]:
        asked.append(label)
        return "", False

    monkeypatch.setattr(QInputDialog, "getText", cancel)
    tab.delete.click()
    assert "đã ký" in asked[0]
    assert adjustments(ctx) == []  # cancelled: nothing deleted

    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *args: ("Nhập trùng buổi gặp", True))
    tab.delete.click()
    assert adjustments(ctx) == [("contacts", "delete", "Nhập trùng buổi gặp")]
    assert IN_Q3 not in [c.contact_date for c in contacts.list_contacts(ctx.db, ctx.actor, pid)]
