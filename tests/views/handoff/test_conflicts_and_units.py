"""The Conflicts, Submissions and Units-and-keys tabs: both versions compared and one kept,
the missing units highlighted, key cards out and in with the fingerprint confirmed."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.handoff import merge
from desktop.handoff.records import line_of
from desktop.models import AuditEntry, Conflict, Person, UnitKey
from desktop.services import exchange, key_cards
from desktop.services.report_preview import current_period
from desktop.views.context import AppContext
from desktop.views.handoff.common import DIFFERS_BACKGROUND, MISSING_BACKGROUND, row_texts
from desktop.views.handoff.keys import KeyConfirmDialog
from tests.handoff.helpers import Office, count, line, opened
from tests.views.handoff.conftest import make_page

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

OTHER = "27002"


def _managed_person(ctx: AppContext) -> tuple[str, str]:
    with ctx.db.reading() as s:
        person = s.scalars(select(Person).where(Person.status == "managed")
                           .order_by(Person.full_name)).first()
        assert person is not None
        return person.id, person.full_name


def _conflict(ctx: AppContext, occupation: str) -> str:
    """Log a conflict on a person of ours: another unit claims it with another occupation."""
    person_id, _name = _managed_person(ctx)
    with ctx.db.reading() as s:
        values = line(line_of("persons", merge.load_local(s, "persons", [person_id])
                              [person_id]))
    rival = {**values, "unit_code": OTHER, "occupation": occupation}
    merge.apply_import(ctx.db, ctx.actor, opened({"persons": [rival]}, OTHER,
                                                 package_id=str(uuid.uuid4())), "goi.hnp")
    return person_id


def _occupation(ctx: AppContext, person_id: str) -> str:
    with ctx.db.reading() as s:
        person = s.get(Person, person_id)
        assert person is not None
        return person.occupation


# --- conflicts ------------------------------------------------------------------------

def test_conflicts_are_listed_compared_and_resolved(
        qtbot: QtBot, ctx: AppContext, answers: dict[str, Any]) -> None:
    person_id = _conflict(ctx, "Lái xe khách")
    _, name = _managed_person(ctx)
    page, nav = make_page(qtbot, ctx)
    tab = page.conflicts
    assert tab is not None
    page.show_tab("conflicts")
    assert tab.list.rowCount() == 1
    assert name in row_texts(tab.list, 0)
    assert "(1)" in page.tabs.tabText(page.tabs.indexOf(tab))
    assert tab.compare.rowCount() == 2  # first only what differs: occupation, owning unit
    tab.only_differences.setChecked(False)
    compare = {row_texts(tab.compare, r)[0]: r for r in range(tab.compare.rowCount())}
    occupation_row = compare["Nghề nghiệp"]
    assert row_texts(tab.compare, occupation_row)[2] == "Lái xe khách"
    highlighted = tab.compare.item(occupation_row, 1)
    assert highlighted is not None
    assert highlighted.background().color() == DIFFERS_BACKGROUND
    same = tab.compare.item(compare["Họ và tên"], 1)
    assert same is not None
    assert same.background().color() != DIFFERS_BACKGROUND
    assert tab.compare.rowCount() > 10  # every field of the record

    answers["ask"] = False
    tab.keep_local.click()
    assert count(ctx.db, Conflict, Conflict.resolved_at.is_(None)) == 1

    answers["ask"] = True
    tab.keep_local.click()
    assert tab.list.rowCount() == 0
    assert _occupation(ctx, person_id) != "Lái xe khách"
    with ctx.db.reading() as s:
        resolved = s.scalars(select(Conflict)).one()
    assert (resolved.resolution, resolved.resolved_by) == ("local", ctx.actor.username)
    assert count(ctx.db, AuditEntry, AuditEntry.action == "resolve_conflict") == 1
    assert nav.changes == 1
    tab.show_resolved.setChecked(True)
    assert tab.list.rowCount() == 1
    assert not tab.keep_local.isEnabled()


def test_taking_the_packages_version_replaces_the_record(
        qtbot: QtBot, ctx: AppContext, answers: dict[str, Any]) -> None:
    """A person of another unit held here, sent twice with the same version."""
    person_id, _name = _managed_person(ctx)
    with ctx.db.reading() as s:
        values = line(line_of("persons", merge.load_local(s, "persons", [person_id])
                              [person_id]))
    foreign = {**values, "id": str(uuid.uuid4()), "unit_code": OTHER, "version": 2}
    for version in (foreign, {**foreign, "occupation": "Thợ hàn"}):
        merge.apply_import(ctx.db, ctx.actor, opened({"persons": [version]}, OTHER,
                                                     package_id=str(uuid.uuid4())), "g.hnp")
    page, _nav = make_page(qtbot, ctx)
    tab = page.conflicts
    assert tab is not None
    page.show_tab("conflicts")
    assert tab.list.rowCount() == 1
    tab.take_incoming.click()
    assert _occupation(ctx, str(foreign["id"])) == "Thợ hàn"
    assert tab.list.rowCount() == 0
    with ctx.db.reading() as s:
        assert s.scalars(select(Conflict)).one().resolution == "incoming"


# --- key cards and the registry -------------------------------------------------------

def test_key_cards_go_out_and_come_in_with_the_fingerprint_confirmed(
        qtbot: QtBot, ctx: AppContext, answers: dict[str, Any], sender: Office,
        usb: Path) -> None:
    page, _nav = make_page(qtbot, ctx)
    registry = page.registry
    page.show_tab("registry")
    answers["folder"] = usb
    registry.export_button.click()
    [own_card] = list(usb.iterdir())
    assert own_card.name == f"{ctx.unit.code}_the-khoa.json"
    assert registry.table.rowCount() == 1
    own_print = " ".join(row_texts(registry.table, 0)[2].split())
    assert own_print in registry.status.text()

    card = key_cards.export_key_card(sender.db, sender.actor, usb / "theirs.json")
    answers["file"] = card.path
    shown: list[KeyConfirmDialog] = []

    def confirm(dialog: Any) -> bool:
        shown.append(dialog)
        return True

    answers["dialog"] = confirm
    registry.import_button.click()
    [dialog] = shown
    assert dialog.fingerprint.text().split() == card.fingerprint_display.split()
    assert sender.code in dialog.unit.text()
    rows = {row_texts(registry.table, r)[0]: row_texts(registry.table, r)
            for r in range(registry.table.rowCount())}
    assert rows[sender.code][2].split() == card.fingerprint_display.split()
    with ctx.db.reading() as s:
        key = s.get(UnitKey, sender.code)
        assert key is not None
        assert key.age_recipient == card.age_recipient
    # The export tab now offers the unit, with its receiving key known.
    export = page.export
    assert export is not None
    export.recipient.set_code(sender.code)
    assert export.recipient.key_known()
    assert export.protection.use_key.isChecked()


def test_a_key_card_declined_registers_nothing(
        qtbot: QtBot, ctx: AppContext, answers: dict[str, Any], sender: Office,
        usb: Path) -> None:
    page, _nav = make_page(qtbot, ctx)
    card = key_cards.export_key_card(sender.db, sender.actor, usb)
    answers["file"] = card.path
    answers["dialog"] = lambda dialog: False
    page.registry.import_button.click()
    assert count(ctx.db, UnitKey, UnitKey.unit_code == sender.code) == 0


def test_a_forged_key_card_is_refused_on_screen(
        qtbot: QtBot, ctx: AppContext, answers: dict[str, Any], sender: Office,
        usb: Path) -> None:
    card = key_cards.export_key_card(sender.db, sender.actor, usb)
    text = card.path.read_text(encoding="utf-8").replace(card.unit_name, "Đơn vị giả")
    card.path.write_text(text, encoding="utf-8")
    page, _nav = make_page(qtbot, ctx)
    page.show_tab("registry")
    answers["file"] = card.path
    page.registry.import_button.click()
    assert "Chữ ký của thẻ khóa không đúng" in page.registry.status.text()
    assert answers["dialogs"] == []


# --- submissions ----------------------------------------------------------------------

def test_submissions_highlight_the_units_that_sent_nothing(
        qtbot: QtBot, ctx: AppContext, answers: dict[str, Any], sender: Office,
        usb: Path) -> None:
    # The sender is registered by its key card and sends its quarter; another unit,
    # registered too, sends nothing.
    card = key_cards.export_key_card(sender.db, sender.actor, usb)
    key_cards.import_key_card(ctx.db, ctx.actor, card.path.read_bytes(),
                              accept_new_key=True)
    quarter = current_period("quarter", ctx.today(), ctx.unit.period_convention,
                             ctx.unit.year_start_month).code
    package = exchange.export_package(sender.db, sender.actor, usb, "full", ctx.unit.code,
                                      period=quarter, plain=True)
    exchange.import_package(ctx.db, ctx.actor, package.path)  # its key came on the card
    with ctx.db.transaction() as s:  # a third unit known only by its key
        own = s.get(UnitKey, sender.code)
        assert own is not None
        s.add(UnitKey(unit_code="19999", unit_name="Công an xã Im Lặng", status="accepted",
                      signing_public_key=own.signing_public_key, fingerprint="f" * 64,
                      accepted_at=own.accepted_at, accepted_by="canbo"))
    page, _nav = make_page(qtbot, ctx)
    page.show_tab("submissions")
    tab = page.submissions
    tab.picker.select("quarter", int(quarter[:4]), int(quarter[-1]))
    tab.show_button.click()
    assert tab.shown is not None
    assert (tab.shown.received, tab.shown.missing) == (1, 1)
    first = row_texts(tab.table, 0)
    assert first[0] == "19999"  # missing first
    missing_cell = tab.table.item(0, 2)
    assert missing_cell is not None
    assert missing_cell.background().color() == MISSING_BACKGROUND
    second = row_texts(tab.table, 1)
    assert second[0] == sender.code
    received = tab.table.item(1, 2)
    assert received is not None
    assert received.background().color() != MISSING_BACKGROUND
    fingerprint = tab.table.item(1, 7)
    assert fingerprint is not None
    assert fingerprint.toolTip() == card.fingerprint_display
    assert second[7].startswith(card.fingerprint_display[:19])
