"""Merging two records of one person from the People page: choose, confirm, nothing lost.

A demo person (no ID number) is recorded a second time with an ID number and a phone, and
a contact is logged on that second record; the officer keeps the demo record, takes the
ID number and phone from the other, and confirms.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.models import AuditEntry, ContactLog, Person
from desktop.services import contacts, persons
from desktop.services.errors import ValidationError
from desktop.services.merge_people import records_to_move
from desktop.services.person_input import PersonInput
from desktop.services.person_queries import list_people
from desktop.views.context import AppContext
from desktop.views.intake.merge_dialog import MergePeopleDialog
from desktop.views.people.page import PeoplePage
from desktop.views.person import common
from tests.views.people_helpers import make_page

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NAME = "Trần Minh Thắng"  # a demo person recorded without an ID number
NEW_ID = "025089123456"  # male, born in 1989
PHONE = "0912345678"


@pytest.fixture
def twice(ctx: AppContext) -> tuple[str, str]:
    """(demo record, second record) of the same person; the second has one contact."""
    (demo,) = list_people(ctx.db, ctx.actor, NAME)
    second = persons.register_walk_in(
        ctx.db, ctx.actor,
        PersonInput(full_name=NAME, gender="male", birth_date="1989", id_number=NEW_ID,
                    phone=PHONE, place_of_origin="Hoàng Văn Thụ, Ninh Bình",
                    release_date=date(2026, 11, 1)),
        None, date(2026, 11, 20), today=ctx.today())
    contacts.log_contact(ctx.db, ctx.actor, second.id,
                         contacts.ContactInput(contact_date=date(2026, 11, 24)),
                         today=ctx.today())
    return demo.id, second.id


def select_both(page: PeoplePage) -> None:
    page.search.setText(NAME)
    assert page.people.rowCount() == 2
    selection = page.table.selectionModel()
    page.table.selectRow(0)
    selection.select(page.people.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)


def drive(monkeypatch: pytest.MonkeyPatch, fill: Callable[[MergePeopleDialog], None],
          answer: bool = True) -> list[MergePeopleDialog]:
    """The dialog filled by `fill` and saved; the question answered `answer`."""
    seen: list[MergePeopleDialog] = []

    def fake_exec(dialog: QDialog) -> bool:
        assert isinstance(dialog, MergePeopleDialog)
        seen.append(dialog)
        fill(dialog)
        dialog.submit()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(common, "exec_dialog", fake_exec)
    monkeypatch.setattr(common, "confirm", lambda *_args: answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    return seen


def live_ids(ctx: AppContext) -> list[str]:
    return [r.id for r in list_people(ctx.db, ctx.actor, NAME)]


def contact_count(ctx: AppContext, person_id: str) -> int:
    with ctx.db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(ContactLog).where(
            ContactLog.person_id == person_id, ContactLog.deleted_at.is_(None))) or 0)


def test_merge_keeps_one_record_with_everything_and_the_chosen_values(
        qtbot: QtBot, ctx: AppContext, twice: tuple[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    demo, second = twice
    page, nav = make_page(qtbot, ctx)
    assert not page.merge_button.isEnabled()
    select_both(page)
    assert page.merge_button.isEnabled()
    demo_before, moved = contact_count(ctx, demo), records_to_move(ctx.db, ctx.actor, second)
    with ctx.db.reading() as s:
        demo_row = s.get(Person, demo)
        assert demo_row is not None
        demo_area = demo_row.residential_area

    def fill(dialog: MergePeopleDialog) -> None:
        # The demo record has more on it: proposed as the one to keep.
        assert dialog.keep_id() == demo
        assert dialog.counts[second] == moved
        differing = {f.key for f in dialog.merge_fields if f.differs}
        assert {"id_number", "phone", "residential_area"} <= differing
        dialog.choose("id_number", "drop")
        dialog.choose("phone", "drop")
        dialog.choose("residential_area", "keep")

    seen = drive(monkeypatch, fill)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert live_ids(ctx) == [demo]
    assert nav.opened == [demo]
    assert nav.changes == 1
    with ctx.db.reading() as s:
        kept = s.get(Person, demo)
        dropped = s.get(Person, second)
        assert kept is not None
        assert dropped is not None
        assert (kept.id_number, kept.phone, kept.residential_area) == (NEW_ID, PHONE,
                                                                       demo_area)
        assert dropped.deleted_at is not None
        merges = s.scalars(select(AuditEntry.entity_id).where(
            AuditEntry.action == "merge", AuditEntry.entity == "person_merges")).all()
    assert merges == [demo]
    assert contact_count(ctx, demo) == demo_before + moved["contacts"] == demo_before + 1


def test_keeping_the_other_record_swaps_the_sides_of_hand_made_choices(
        qtbot: QtBot, ctx: AppContext, twice: tuple[str, str]) -> None:
    demo, second = twice
    dialog = MergePeopleDialog(ctx, demo, second)
    qtbot.addWidget(dialog)
    assert dialog.keep_id() == demo
    # By hand: the second record's empty residential area rather than the demo one's.
    dialog.choose("residential_area", "drop")
    dialog.keep_second.setChecked(True)
    assert (dialog.keep_id(), dialog.drop_id()) == (second, demo)
    area = next(f for f in dialog.merge_fields if f.key == "residential_area")
    assert area.keep == ""  # the second record's, now the kept one
    assert area.default == "drop"  # what would be proposed for the new pair…
    assert dialog.choices["residential_area"] == "keep"  # …but the hand-made choice stays
    assert dialog.choices["phone"] == "keep"  # untouched: the proposal, the kept phone
    phone = next(f for f in dialog.merge_fields if f.key == "phone")
    assert phone.keep == PHONE


def test_saying_no_to_the_question_merges_nothing(
        qtbot: QtBot, ctx: AppContext, twice: tuple[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    page, nav = make_page(qtbot, ctx)
    select_both(page)
    seen = drive(monkeypatch, lambda _dialog: None, answer=False)
    page.merge_selected()
    assert len(seen) == 1
    assert sorted(live_ids(ctx)) == sorted(twice)
    assert nav.opened == []
    assert nav.changes == 0


def test_one_row_selected_cannot_be_merged(qtbot: QtBot, ctx: AppContext,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    page, _ = make_page(qtbot, ctx)
    page.table.selectRow(0)
    assert not page.merge_button.isEnabled()
    opened: list[Any] = []
    monkeypatch.setattr(common, "exec_dialog", opened.append)
    page.merge_selected()
    assert opened == []


def test_a_signed_period_asks_for_the_reason_and_passes_it_on(
        qtbot: QtBot, ctx: AppContext, twice: tuple[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.views.intake import merge_dialog

    demo, second = twice
    calls: list[str | None] = []
    locked = "Kỳ báo cáo tháng 11/2026 đã ký và khóa; chỉ được điều chỉnh kèm lý do."

    def merge(*_args: Any, adjustment_reason: str | None = None, **_kw: Any) -> Any:
        calls.append(adjustment_reason)
        if not adjustment_reason:
            raise ValidationError("received_on", locked)
        return None

    monkeypatch.setattr(merge_dialog, "merge_people", merge)
    monkeypatch.setattr(common, "confirm", lambda *_args: True)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    dialog = MergePeopleDialog(ctx, demo, second)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.field("adjustment_reason").isVisible()
    dialog.submit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.field("adjustment_reason").isVisible()
    assert dialog.error_text("adjustment_reason") == locked
    dialog.field("adjustment_reason").setText("Trùng hồ sơ do nhập từ danh sách trại giam")
    dialog.submit()
    assert calls == [None, "Trùng hồ sơ do nhập từ danh sách trại giam"]
    assert dialog.result() == QDialog.DialogCode.Accepted
