"""The sender sees which of its packages were confirmed by a receipt (HANDOFF.md §4.8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.services import exchange
from desktop.views.context import AppContext
from desktop.views.handoff.common import row_texts
from tests.handoff.helpers import Office
from tests.views.handoff.conftest import PASSPHRASE, make_page

JOB_MS = 60_000

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_a_package_waits_for_its_receipt_then_shows_it(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any],
        sender: Office) -> None:
    page, _nav = make_page(qtbot, ctx)
    tab = page.export
    assert tab is not None
    assert tab.sent.rowCount() == 0
    tab.set_output_folder(usb)
    tab.protection.passphrase.setText(PASSPHRASE)
    tab.protection.repeat.setText(PASSPHRASE)
    with qtbot.waitSignal(tab.exported, timeout=JOB_MS) as done:
        tab.write_button.click()
    written = done.args[0]
    assert tab.sent.rowCount() == 1
    assert row_texts(tab.sent, 0)[3] == "chưa có"

    # The other office imports it and writes a receipt; the receipt comes back here.
    taken = exchange.import_package(sender.db, sender.actor, written.path, PASSPHRASE,
                                    accept_new_key=True)
    assert taken.applied
    receipt = exchange.write_receipt(sender.db, sender.actor, [written.package_id], usb,
                                     passphrase=PASSPHRASE)
    exchange.import_package(ctx.db, ctx.actor, receipt.path, PASSPHRASE, accept_new_key=True)
    page.refresh()
    assert row_texts(tab.sent, 0)[3].startswith("đã nhận")
