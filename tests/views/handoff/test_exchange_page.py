"""The Data exchange screen as an officer uses it: write a package, import one (passphrase,
new key confirmed by its fingerprint, preview, apply, receipt), import it again, refusals.

Every prompt (file, folder, yes/no, passphrase, dialogs) is answered through the `answers`
fixture; the work runs on real worker threads and real databases.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.formatting import format_int
from desktop.models import AuditEntry, ImportedPackage, Person, SentPackage, UnitKey
from desktop.services import exchange
from desktop.views.context import AppContext
from desktop.views.handoff.common import row_texts, table_label
from desktop.views.handoff.keys import KeyConfirmDialog
from desktop.views.handoff.package_dialogs import ReceiptDialog
from tests.handoff.helpers import Office, count
from tests.views.handoff.conftest import PASSPHRASE, make_page

JOB_MS = 60_000

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _persons(ctx: AppContext) -> int:
    with ctx.db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(Person)) or 0)


def _package_from(sender: Office, usb: Path, ctx: AppContext, **protection: Any) -> Path:
    result = exchange.export_package(sender.db, sender.actor, usb, "full", ctx.unit.code,
                                     **protection)
    return result.path


# --- export ---------------------------------------------------------------------------

def test_export_writes_an_encrypted_package_and_shows_what_it_carries(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any],
        sender: Office) -> None:
    page, _nav = make_page(qtbot, ctx)
    tab = page.export
    assert tab is not None
    tab.set_output_folder(usb)
    tab.protection.passphrase.setText(PASSPHRASE)
    tab.protection.repeat.setText(PASSPHRASE)
    with qtbot.waitSignal(tab.exported, timeout=JOB_MS) as done:
        tab.write_button.click()
    result = done.args[0]
    assert result.path.parent == usb
    assert result.path.exists()
    assert result.encrypted
    assert str(result.path) in tab.summary.text()
    assert result.package_id in tab.summary.text()
    shown = {row_texts(tab.counts, r)[0]: row_texts(tab.counts, r)[1]
             for r in range(tab.counts.rowCount())}
    assert len(shown) == len(result.counts)
    assert str(result.counts["persons"]) in shown.values()
    # The period chosen on screen travels in the manifest: the province can file it.
    opened = exchange.open_for_import(sender.db, sender.actor, result.path.read_bytes(),
                                      PASSPHRASE)
    assert opened.opened.manifest.period == tab.picker.period_code()


def test_two_different_passphrases_write_nothing(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any]) -> None:
    page, _nav = make_page(qtbot, ctx)
    tab = page.export
    assert tab is not None
    tab.set_output_folder(usb)
    tab.protection.passphrase.setText(PASSPHRASE)
    tab.protection.repeat.setText(PASSPHRASE + "x")
    tab.write_button.click()
    assert tab.protection.error.isVisible()
    assert tab.protection.error.text()
    assert list(usb.iterdir()) == []


def test_an_unencrypted_package_is_written_only_after_saying_yes(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any]) -> None:
    page, _nav = make_page(qtbot, ctx)
    tab = page.export
    assert tab is not None
    tab.set_output_folder(usb)
    tab.protection.use_plain.setChecked(True)
    assert tab.protection.plain_warning.isVisible()
    answers["ask"] = False
    tab.write_button.click()
    assert len(answers["asked"]) == 1
    assert list(usb.iterdir()) == []
    answers["ask"] = True
    with qtbot.waitSignal(tab.exported, timeout=JOB_MS) as done:
        tab.write_button.click()
    assert not done.args[0].encrypted


def test_without_a_known_receiving_key_the_key_choice_is_refused(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any]) -> None:
    page, _nav = make_page(qtbot, ctx)
    tab = page.export
    assert tab is not None
    tab.set_output_folder(usb)
    tab.recipient.setEditText("T01")
    assert not tab.recipient.key_known()
    tab.protection.use_key.setChecked(True)
    tab.write_button.click()
    assert tab.protection.error.isVisible()
    assert list(usb.iterdir()) == []


# --- import ---------------------------------------------------------------------------

def _confirm_keys(seen: list[str]) -> Any:
    """A dialog handler accepting a key after recording the fingerprint it showed."""
    def handle(dialog: Any) -> bool:
        assert isinstance(dialog, KeyConfirmDialog)
        seen.append(dialog.fingerprint.text())
        return True
    return handle


def test_import_previews_confirms_the_new_key_applies_and_says_so_the_second_time(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any],
        sender: Office) -> None:
    package = _package_from(sender, usb, ctx, passphrase=PASSPHRASE)
    page, nav = make_page(qtbot, ctx)
    tab = page.import_
    assert tab is not None
    page.show_tab("import")
    before = _persons(ctx)
    answers["passphrases"] = ["sai-mat-khau-roi", PASSPHRASE]  # a typo first
    with qtbot.waitSignal(tab.previewed, timeout=JOB_MS) as shown:
        tab.open_file(package)
    preview = shown.args[0]
    assert answers["passphrases"] == []  # asked again after the wrong one
    assert tab.from_unit.text() == f"{sender.code} – {preview.unit_name}"
    assert tab.package_code.text() == preview.package_id
    rows = {row_texts(tab.table, r)[0]: row_texts(tab.table, r)
            for r in range(tab.table.rowCount())}
    new_people = preview.counts()["persons"]["new"]
    assert new_people > 0
    assert rows[table_label("persons")][1] == format_int(new_people)
    assert preview.key_status == "new"
    assert preview.fingerprint[:4].upper() in tab.key.text()
    assert tab.apply_button.isEnabled()
    assert _persons(ctx) == before  # nothing written by the preview

    seen: list[str] = []
    answers["dialog"] = _confirm_keys(seen)
    with qtbot.waitSignal(tab.imported, timeout=JOB_MS) as applied:
        tab.apply_button.click()
    result = applied.args[0]
    assert result.applied
    assert seen
    assert seen[0].split() == [preview.fingerprint.upper()[i:i + 4] for i in range(0, 64, 4)]
    assert _persons(ctx) == before + new_people
    assert count(ctx.db, AuditEntry, AuditEntry.action == "key_accepted") == 1
    assert result.message in tab.status.text()
    assert nav.changes == 1
    assert tab.receipt_button.isEnabled()

    with qtbot.waitSignal(tab.previewed, timeout=JOB_MS):
        answers["passphrases"] = [PASSPHRASE]
        tab.open_file(package)
    assert tab.already.isVisible()
    assert not tab.apply_button.isEnabled()
    assert count(ctx.db, ImportedPackage) == 1


def test_a_receipt_is_written_for_the_sender(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any],
        sender: Office, tmp_path: Path) -> None:
    package = _package_from(sender, usb, ctx, plain=True)
    page, _nav = make_page(qtbot, ctx)
    tab = page.import_
    assert tab is not None
    page.show_tab("import")
    with qtbot.waitSignal(tab.previewed, timeout=JOB_MS):
        tab.open_file(package)
    answers["dialog"] = _confirm_keys([])
    with qtbot.waitSignal(tab.imported, timeout=JOB_MS):
        tab.apply_button.click()
    back = tmp_path / "back"
    back.mkdir()

    def fill_receipt(dialog: Any) -> bool:
        assert isinstance(dialog, ReceiptDialog)
        dialog.folder.set_path(back)
        dialog.protection.passphrase.setText(PASSPHRASE)
        dialog.protection.repeat.setText(PASSPHRASE)
        dialog.submit()
        return dialog.result() == ReceiptDialog.DialogCode.Accepted

    answers["dialog"] = fill_receipt
    tab.write_receipt()
    [receipt] = list(back.iterdir())
    assert str(receipt) in tab.status.text()
    taken = exchange.import_package(sender.db, sender.actor, receipt, PASSPHRASE,
                                    accept_new_key=True)
    assert taken.applied
    with sender.db.reading() as s:
        sent = s.scalars(select(SentPackage)).one()
    assert sent.receipt_at is not None


def test_declining_the_new_key_imports_nothing(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any],
        sender: Office) -> None:
    package = _package_from(sender, usb, ctx, plain=True)
    page, _nav = make_page(qtbot, ctx)
    tab = page.import_
    assert tab is not None
    page.show_tab("import")
    with qtbot.waitSignal(tab.previewed, timeout=JOB_MS):
        tab.open_file(package)
    answers["dialog"] = lambda dialog: False
    tab.apply_button.click()
    assert count(ctx.db, ImportedPackage) == 0
    assert count(ctx.db, AuditEntry, AuditEntry.action == "key_accepted") == 0
    assert tab.result is None


def test_a_damaged_package_is_refused_with_the_reason(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any],
        sender: Office) -> None:
    package = _package_from(sender, usb, ctx, plain=True)
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    package.write_bytes(bytes(data))
    page, _nav = make_page(qtbot, ctx)
    tab = page.import_
    assert tab is not None
    page.show_tab("import")
    with qtbot.waitSignal(tab.refused, timeout=JOB_MS) as refused:
        tab.open_file(package)
    assert refused.args[0] in tab.status.text()
    assert "gói" in refused.args[0].lower() or "tệp" in refused.args[0].lower()
    assert not tab.apply_button.isEnabled()
    assert count(ctx.db, ImportedPackage) == 0


def test_a_changed_key_is_refused(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any],
        sender: Office) -> None:
    first = _package_from(sender, usb, ctx, plain=True)
    exchange.import_package(ctx.db, ctx.actor, first, accept_new_key=True)
    with sender.db.transaction() as s:  # the sender reinstalled: new keys
        row = s.get(UnitKey, sender.code)
        assert row is not None
        s.delete(row)
    second = exchange.export_package(sender.db, sender.actor, usb, "full", ctx.unit.code,
                                     plain=True, file_name="second.hnp").path
    page, _nav = make_page(qtbot, ctx)
    tab = page.import_
    assert tab is not None
    page.show_tab("import")
    with qtbot.waitSignal(tab.refused, timeout=JOB_MS) as refused:
        tab.open_file(second)
    assert "đã thay đổi" in refused.args[0]
    assert count(ctx.db, ImportedPackage) == 1


def test_a_leader_sees_only_what_reads(qtbot: QtBot, leader_ctx: AppContext) -> None:
    page, nav = make_page(qtbot, leader_ctx)
    assert page.export is None
    assert page.import_ is None
    assert page.conflicts is None
    assert page.tabs.count() == 2
    assert not page.registry.export_button.isVisibleTo(page)
    page.submissions.report_button.click()  # the consolidated report is on Reports
    assert nav.pages == ["reports"]


def test_reports_sent_with_the_data_can_be_saved_at_the_other_end(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any],
        sender: Office, tmp_path: Path) -> None:
    report = tmp_path / "bao-cao-quy-4.pdf"
    report.write_bytes(b"%PDF-1.7 signed report")
    package = exchange.export_package(sender.db, sender.actor, usb, "full", ctx.unit.code,
                                      plain=True, reports=[report]).path
    page, _nav = make_page(qtbot, ctx)
    tab = page.import_
    assert tab is not None
    page.show_tab("import")
    with qtbot.waitSignal(tab.previewed, timeout=JOB_MS):
        tab.open_file(package)
    assert "bao-cao-quy-4.pdf" in tab.attached.text()
    folder = tmp_path / "received"
    folder.mkdir()
    answers["folder"] = folder
    tab.reports_button.click()
    assert (folder / "bao-cao-quy-4.pdf").read_bytes() == b"%PDF-1.7 signed report"


def test_the_export_tab_writes_the_package_with_the_attached_reports(
        qtbot: QtBot, ctx: AppContext, usb: Path, answers: dict[str, Any],
        tmp_path: Path) -> None:
    report = tmp_path / "bieu-tong-hop.xlsx"
    report.write_bytes(b"PK\x03\x04 workbook")
    page, _nav = make_page(qtbot, ctx)
    tab = page.export
    assert tab is not None
    answers["files"] = [report]
    add = tab.findChild(QPushButton, "add_reports")
    assert add is not None
    add.click()
    assert tab.reports.count() == 1
    tab.set_output_folder(usb)
    tab.protection.use_plain.setChecked(True)
    with qtbot.waitSignal(tab.exported, timeout=JOB_MS) as done:
        tab.write_button.click()
    opened = exchange.open_for_import(ctx.db, ctx.actor, done.args[0].path.read_bytes())
    assert opened.preview.reports == ("bieu-tong-hop.xlsx",)
