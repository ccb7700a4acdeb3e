"""Ending management because the person moved offers the transfer package right away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.models import Person, SentPackage
from desktop.services import exchange, person_queries
from desktop.views.context import AppContext
from desktop.views.handoff.package_dialogs import TransferDialog
from desktop.views.person.lifecycle_dialogs import EndManagementDialog
from tests.handoff.helpers import Office
from tests.views.handoff.conftest import PASSPHRASE, make_page

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _managed(ctx: AppContext) -> str:
    with ctx.db.reading() as s:
        person_id = s.scalar(select(Person.id).where(Person.status == "managed")
                             .order_by(Person.full_name).limit(1))
    assert person_id is not None
    return person_id


def _end(qtbot: QtBot, ctx: AppContext, person_id: str, reason: str) -> EndManagementDialog:
    person = person_queries.get_person(ctx.db, ctx.actor, person_id, ctx.today()).person
    dialog = EndManagementDialog(ctx, person)
    qtbot.addWidget(dialog)
    dialog.end_reason.set_code(reason)
    dialog.submit()
    assert dialog.result() == EndManagementDialog.DialogCode.Accepted
    return dialog


def _fill_transfer(to_unit: str, folder: Path) -> Any:
    def fill(dialog: Any) -> bool:
        assert isinstance(dialog, TransferDialog)
        dialog.to_unit.setEditText(to_unit)
        dialog.protection.passphrase.setText(PASSPHRASE)
        dialog.protection.repeat.setText(PASSPHRASE)
        dialog.folder.set_path(folder)
        dialog.submit()
        return dialog.result() == TransferDialog.DialogCode.Accepted
    return fill


def test_moving_away_offers_the_transfer_package_and_writes_it(
        qtbot: QtBot, ctx: AppContext, answers: dict[str, Any], usb: Path,
        sender: Office) -> None:
    person_id = _managed(ctx)
    answers["dialog"] = _fill_transfer(sender.code, usb)
    _end(qtbot, ctx, person_id, "moved")
    assert len(answers["asked"]) == 1  # the offer
    [package] = list(usb.iterdir())
    assert str(package) in answers["informed"][0]
    with ctx.db.reading() as s:
        sent = s.scalars(select(SentPackage)).one()
    assert (sent.kind, sent.recipient_code) == ("transfer", sender.code)
    # The receiving commune opens the case from it.
    taken = exchange.import_package(sender.db, sender.actor, package, PASSPHRASE,
                                    accept_new_key=True)
    assert taken.applied
    assert taken.preview.counts()["persons"]["new"] == 1


def test_a_transfer_needs_the_receiving_commune(
        qtbot: QtBot, ctx: AppContext, answers: dict[str, Any], usb: Path) -> None:
    person_id = _managed(ctx)
    shown: list[TransferDialog] = []

    def leave_empty(dialog: Any) -> bool:
        shown.append(dialog)
        dialog.protection.passphrase.setText(PASSPHRASE)
        dialog.protection.repeat.setText(PASSPHRASE)
        dialog.folder.set_path(usb)
        dialog.submit()
        return dialog.result() == TransferDialog.DialogCode.Accepted

    answers["dialog"] = leave_empty
    _end(qtbot, ctx, person_id, "moved")
    [dialog] = shown
    assert dialog.error_text("to_unit")
    assert list(usb.iterdir()) == []


def test_other_reasons_offer_nothing(qtbot: QtBot, ctx: AppContext,
                                     answers: dict[str, Any]) -> None:
    _end(qtbot, ctx, _managed(ctx), "died")
    assert answers["asked"] == []


def test_declining_the_offer_writes_nothing_and_the_page_offers_it_later(
        qtbot: QtBot, ctx: AppContext, answers: dict[str, Any], usb: Path,
        sender: Office) -> None:
    person_id = _managed(ctx)
    answers["ask"] = False
    _end(qtbot, ctx, person_id, "moved")
    assert answers["dialogs"] == []
    page, _nav = make_page(qtbot, ctx)
    tab = page.export
    assert tab is not None
    ids = [tab.moved.itemData(i) for i in range(tab.moved.count())]
    assert person_id in ids
    tab.moved.setCurrentIndex(ids.index(person_id))
    answers["dialog"] = _fill_transfer(sender.code, usb)
    tab.transfer_button.click()
    [package] = list(usb.iterdir())
    assert str(package) in tab.status.text()
