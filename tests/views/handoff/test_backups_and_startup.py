"""Keeping the database safe: the keys and backups in Settings, automatic backups on start,
daily and on close, restore after a check (then the app closes), and the start-up guard
against a database on a USB stick."""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desktop import config
from desktop.db import open_database
from desktop.models import AuditEntry
from desktop.services import backup_schedule, encryption, settings
from desktop.services.backup import automatic_backup, list_backups
from desktop.services.exchange_registry import home_keys
from desktop.views import app as app_module
from desktop.views.context import AppContext
from desktop.views.handoff import removable
from desktop.views.handoff.autobackup import AutoBackups
from desktop.views.handoff.settings_sections import BackupsSection, KeysSection
from desktop.views.settings.page import SettingsPage
from tests.handoff.helpers import count
from tests.security.encrypted import ADMIN, PASSWORD, make_office, use_cheap_kdf
from tests.views.handoff.conftest import FakeNav

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
JOB_MS = 60_000


def _people(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM persons").fetchone()[0])


# --- keys in Settings -----------------------------------------------------------------

def test_settings_show_the_units_fingerprint_and_receiving_key(
        qtbot: QtBot, ctx: AppContext, answers: dict[str, Any]) -> None:
    section = KeysSection(ctx)
    qtbot.addWidget(section)
    section.load()
    assert not section.none_yet.isHidden()
    section.make_button.click()
    assert section.none_yet.isHidden()
    keys = home_keys(ctx.db, ctx.actor)
    assert keys is not None
    assert section.fingerprint.text().split() == keys.fingerprint_display.split()
    assert section.recipient.text() == keys.age_recipient
    section.copy_recipient.click()
    clipboard = QApplication.clipboard()
    assert clipboard is not None
    assert clipboard.text() == keys.age_recipient


def test_a_leader_sees_the_keys_but_cannot_make_them(
        qtbot: QtBot, leader_ctx: AppContext) -> None:
    section = KeysSection(leader_ctx)
    qtbot.addWidget(section)
    section.load()
    assert not section.make_button.isVisibleTo(section)
    assert not section.card_button.isVisibleTo(section)


# --- backups in Settings --------------------------------------------------------------

def test_settings_list_the_automatic_backups_and_back_up_to_a_stick(
        qtbot: QtBot, admin_ctx: AppContext, answers: dict[str, Any], tmp_path: Path,
        usb: Path) -> None:
    folder = tmp_path / "backups"
    for _ in range(2):
        automatic_backup(admin_ctx.db, folder, keep=5)
    section = BackupsSection(admin_ctx, folder=folder)
    qtbot.addWidget(section)
    section.load()
    assert section.table.rowCount() == 2
    assert section.where.text() == str(folder)
    kept = settings.setting_value(admin_ctx.db, "backups_kept")
    assert str(kept) in section.intro.text()

    answers["folder"] = usb
    with qtbot.waitSignal(section.status, timeout=JOB_MS) as said:
        section.backup_button.click()
    [copy] = list(usb.iterdir())
    assert str(copy) in said.args[0]
    assert _people(copy) == _people(admin_ctx.db.path)


def test_an_officer_cannot_back_up_or_restore(qtbot: QtBot, ctx: AppContext) -> None:
    section = BackupsSection(ctx)
    qtbot.addWidget(section)
    for button in (section.backup_button, section.restore_selected, section.restore_file):
        assert not button.isVisibleTo(section)


def test_restore_checks_asks_restores_and_closes_the_app(
        qtbot: QtBot, admin_ctx: AppContext, answers: dict[str, Any], tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    automatic_backup(admin_ctx.db, folder, keep=5)
    people_then = _people(admin_ctx.db.path)
    with admin_ctx.db.transaction() as s:
        s.execute(text("UPDATE persons SET occupation = 'đã sửa sau sao lưu'"))
    window = QMainWindow()
    qtbot.addWidget(window)
    page = SettingsPage(admin_ctx, FakeNav())
    window.setCentralWidget(page)
    page.show_section("backups")
    section = page.backups
    section.folder = folder
    section.load()
    window.show()
    answers["ask"] = True
    with qtbot.waitSignal(section.restored, timeout=JOB_MS) as done:
        section.restore_selected.click()
    result = done.args[0]
    assert result.kept is not None
    assert result.kept.exists()
    assert not window.isVisible()  # HoaNhap closes after a restore
    assert str(result.kept) in answers["informed"][0]
    reopened = open_database(admin_ctx.db.path)
    try:
        with reopened.reading() as s:
            edited = s.execute(text("SELECT count(*) FROM persons WHERE occupation = "
                                    "'đã sửa sau sao lưu'")).scalar()
        assert edited == 0
        assert _people(admin_ctx.db.path) == people_then
    finally:
        reopened.close()
    # The request was audited in the database that was replaced (kept beside it).
    kept = open_database(result.kept)
    try:
        assert count(kept, AuditEntry, AuditEntry.action == "restore") == 1
    finally:
        kept.close()


def test_a_damaged_backup_is_refused_before_anything_is_asked(
        qtbot: QtBot, admin_ctx: AppContext, answers: dict[str, Any], tmp_path: Path) -> None:
    bad = tmp_path / "hong.db"
    bad.write_bytes(b"not a database at all" * 100)
    section = BackupsSection(admin_ctx, folder=tmp_path / "none")
    qtbot.addWidget(section)
    answers["file"] = bad
    with qtbot.waitSignal(section.status, timeout=JOB_MS) as said:
        section.restore_file.click()
    assert said.args[1] is True
    assert "hong.db" in said.args[0]
    assert answers["asked"] == []
    assert count(admin_ctx.db, AuditEntry, AuditEntry.action == "restore") == 0
    assert _people(admin_ctx.db.path) > 0  # the database is still open and untouched


# --- automatic backups ----------------------------------------------------------------

def test_a_backup_is_made_at_start_when_due_and_on_close(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    window = QMainWindow()
    qtbot.addWidget(window)
    backups = AutoBackups(window, ctx.db, folder)
    with qtbot.waitSignal(backups.finished, timeout=JOB_MS) as first:
        backups.start()
    assert first.args[0] is not None
    assert len(list_backups(folder)) == 1
    started = backups._thread
    backups.run_if_due()  # the newest is seconds old: not due again
    assert backups._thread is started
    window.show()
    window.close()
    assert len(list_backups(folder)) == 2
    backups.on_exit()  # quitting after closing does not back up twice
    assert len(list_backups(folder)) == 2


def test_rotation_keeps_the_configured_number(
        qtbot: QtBot, admin_ctx: AppContext, tmp_path: Path) -> None:
    settings.update_settings(admin_ctx.db, admin_ctx.actor, backups_kept=2)
    folder = tmp_path / "auto"
    for _ in range(3):
        backup_schedule.run_automatic_backup(admin_ctx.db, folder)
    assert len(list_backups(folder)) == 2


def test_due_means_older_than_a_day(tmp_path: Path, ctx: AppContext) -> None:
    folder = tmp_path / "auto"
    assert backup_schedule.backup_due(folder)
    made = backup_schedule.run_automatic_backup(ctx.db, folder)
    [info] = backup_schedule.automatic_backups(folder)
    assert info.path == made.path
    assert not backup_schedule.backup_due(folder, info.made_at + timedelta(hours=23))
    assert backup_schedule.backup_due(folder, info.made_at + timedelta(hours=24))


def test_a_failing_backup_is_logged_and_the_app_goes_on(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x")
    window = QMainWindow()
    qtbot.addWidget(window)
    backups = AutoBackups(window, ctx.db, blocked)
    with caplog.at_level(logging.ERROR, logger="hoanhap"), \
            qtbot.waitSignal(backups.finished, timeout=JOB_MS) as done:
        backups._start()
    assert done.args[0] is None
    assert "automatic backup" in caplog.text


def test_stale_temporary_copies_are_cleaned(tmp_path: Path, ctx: AppContext) -> None:
    folder = tmp_path / "auto"
    folder.mkdir()
    stale = folder / ".hoanhap-20260101-000000-000000.db.tmp"
    stale.write_bytes(b"half a copy")
    old = (datetime.now() - timedelta(days=2)).timestamp()
    os.utime(stale, (old, old))
    backup_schedule.run_automatic_backup(ctx.db, folder)
    assert not stale.exists()


# --- the start-up guard ---------------------------------------------------------------

@pytest.fixture
def on_a_stick(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every path counts as removable; the local copy goes to tmp_path/local/hoanhap.db."""
    monkeypatch.setattr(backup_schedule, "is_removable_path", lambda _path: True)
    target = tmp_path / "local" / "hoanhap.db"
    monkeypatch.setattr(backup_schedule, "local_copy_target", lambda _source: target)
    return target


def test_a_database_on_a_stick_is_copied_to_the_local_disk_when_the_user_agrees(
        ctx: AppContext, on_a_stick: Path, answers: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[tuple[Path, Path]] = []
    monkeypatch.setattr(removable, "offer_copy",
                        lambda source, target: offered.append((source, target)) or True)
    source = ctx.db.path
    ctx.db.close()  # nobody has the database on the stick open
    opened = removable.local_database_path(source)
    assert opened == on_a_stick
    assert offered == [(source, on_a_stick)]
    assert _people(on_a_stick) == _people(source)
    assert str(on_a_stick) in answers["informed"][0]


def test_quitting_instead_of_copying_opens_nothing(
        tmp_path: Path, on_a_stick: Path, answers: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "usb.db"
    source.write_bytes(b"x")
    monkeypatch.setattr(removable, "offer_copy", lambda _s, _t: False)
    assert removable.local_database_path(source) is None
    assert not on_a_stick.exists()


def test_a_database_on_a_fixed_disk_is_opened_where_it_is(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setattr(backup_schedule, "is_removable_path", lambda _path: False)
    path = tmp_path / "hoanhap.db"
    assert removable.local_database_path(path) == path


def test_start_up_never_opens_a_database_on_a_stick(
        tmp_path: Path, on_a_stick: Path, monkeypatch: pytest.MonkeyPatch,
        answers: dict[str, Any]) -> None:
    source = tmp_path / "usb.db"
    source.write_bytes(b"x")
    monkeypatch.setattr(removable, "offer_copy", lambda _s, _t: False)
    monkeypatch.setattr(app_module, "setup_logging", lambda: None)
    monkeypatch.setattr(app_module, "install_excepthook", lambda: None)
    import desktop.views.unlock as unlock

    def never(path: Path, parent: object = None) -> None:
        raise AssertionError(f"opened {path}")

    monkeypatch.setattr(unlock, "open_office", never)
    assert app_module.run_gui(source, demo=False) == 0


# --- backups of another database, plain backups of an encrypted one ---------------------

@pytest.fixture
def old_pc_backup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A backup of another (encrypted) office, with its key file, as brought on a stick."""
    use_cheap_kdf(monkeypatch)
    (tmp_path / "old").mkdir()
    old = make_office(tmp_path / "old" / "hoanhap.db")
    unlocked = encryption.unlock(old.path, ADMIN, PASSWORD)
    try:
        return backup_schedule.backup_to(unlocked.db, unlocked.actor,
                                         tmp_path / "usb-old" / "may-cu.db").path
    finally:
        unlocked.db.close()


def test_another_pcs_backup_asks_for_its_account_then_restores_with_its_key(
        qtbot: QtBot, admin_ctx: AppContext, answers: dict[str, Any],
        old_pc_backup: Path) -> None:
    tries = iter([(ADMIN, "not-the-password"), (ADMIN, PASSWORD)])
    errors: list[str] = []

    def sign_in(dialog: Any) -> bool:
        for user, password in tries:
            dialog.username.setText(user)
            dialog.password.setText(password)
            dialog.submit()
            if dialog.key is not None:
                return True
            errors.append(dialog.error_text("password"))
        return False

    answers["dialog"] = sign_in
    answers["file"] = old_pc_backup
    window = QMainWindow()
    qtbot.addWidget(window)
    section = BackupsSection(admin_ctx, folder=old_pc_backup.parent / "none")
    window.setCentralWidget(section)
    window.show()
    with qtbot.waitSignal(section.restored, timeout=JOB_MS) as done:
        section.restore_file.click()
    assert len(answers["dialogs"]) == 1
    assert errors  # the wrong password, shown under its field
    assert "không đúng" in errors[0]
    assert done.args[0].own_key
    assert len(answers["asked"]) == 1
    assert len(answers["informed"]) == 1
    assert not window.isVisible()
    # The database now opens with the old PC's account, through the key file that came along.
    reopened = encryption.unlock(admin_ctx.db.path, ADMIN, PASSWORD)
    reopened.db.close()


def test_an_encrypted_backup_without_its_key_file_says_so(
        qtbot: QtBot, admin_ctx: AppContext, answers: dict[str, Any],
        old_pc_backup: Path) -> None:
    Path(f"{old_pc_backup}.keys").unlink()
    section = BackupsSection(admin_ctx, folder=old_pc_backup.parent / "none")
    qtbot.addWidget(section)
    answers["file"] = old_pc_backup
    with qtbot.waitSignal(section.status, timeout=JOB_MS) as said:
        section.restore_file.click()
    message, is_error = said.args
    assert is_error
    assert "thiếu tệp khóa may-cu.db.keys đặt cạnh bản sao lưu" in message
    assert "bị hỏng" not in message
    assert answers["dialogs"] == []
    assert answers["asked"] == []


def test_plain_backups_of_an_encrypted_database_are_marked_and_not_restored(
        qtbot: QtBot, admin_ctx: AppContext, answers: dict[str, Any], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    use_cheap_kdf(monkeypatch)
    folder = tmp_path / "backups"
    plain = automatic_backup(admin_ctx.db, folder, keep=5).path
    encryption.encrypt_database(admin_ctx.db, admin_ctx.actor, "hoanhap-demo")
    encrypted = automatic_backup(admin_ctx.db, folder, keep=5).path
    section = BackupsSection(admin_ctx, folder=folder)
    qtbot.addWidget(section)
    section.load()
    items = [section.table.item(row, 2) for row in range(section.table.rowCount())]
    shown = {item.toolTip(): item.text() for item in items if item is not None}
    assert shown[str(encrypted)] == encrypted.name
    assert shown[str(plain)] != plain.name  # marked …
    assert plain.name in shown[str(plain)]
    assert [b.path for b in section.backups] == [encrypted, plain]  # newest first
    section.table.selectRow(1)
    with qtbot.waitSignal(section.status, timeout=JOB_MS) as said:
        section.restore_selected.click()
    assert said.args[1] is True
    assert "chưa được mã hóa" in said.args[0]
    assert answers["asked"] == []
    assert encryption.database_state(admin_ctx.db.path) == "encrypted"
    assert Path(f"{admin_ctx.db.path}.keys").exists()


# --- each database's own backups ------------------------------------------------------

def test_the_backups_tab_lists_only_the_open_databases_backups(
        qtbot: QtBot, admin_ctx: AppContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "data_dir", lambda: tmp_path / "data")
    usual = config.backups_dir()
    usual.mkdir(parents=True)
    (usual / "hoanhap-20260101-000000-000000.db").write_bytes(b"the office's backup")
    window = QMainWindow()
    qtbot.addWidget(window)
    backups = AutoBackups(window, admin_ctx.db)
    with qtbot.waitSignal(backups.finished, timeout=JOB_MS) as made:
        backups.start()
    own = made.args[0].path
    assert own.parent == config.backups_dir(admin_ctx.db.path) != usual
    section = BackupsSection(admin_ctx)
    qtbot.addWidget(section)
    section.load()
    assert [b.path for b in section.backups] == [own]
    assert list_backups(usual) == [usual / "hoanhap-20260101-000000-000000.db"]


# --- the copy from a stick: which database the next start opens ---------------------------

@pytest.fixture
def stick_and_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every path counts as removable; the per-user data folder is tmp_path/data."""
    monkeypatch.setattr(backup_schedule, "is_removable_path", lambda _path: True)
    monkeypatch.setattr(config, "data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr(removable, "offer_copy", lambda _source, _target: True)
    return tmp_path / "data"


def test_a_stick_copy_becomes_the_usual_database_when_there_is_none(
        ctx: AppContext, stick_and_data: Path, answers: dict[str, Any]) -> None:
    source = ctx.db.path
    ctx.db.close()
    opened = removable.local_database_path(source)
    assert opened == config.default_db_path()  # what every later normal start opens
    assert _people(opened) == _people(source)
    [told] = answers["informed"]
    assert str(opened) in told


def test_a_stick_copy_beside_the_usual_database_says_the_next_start_opens_the_usual_one(
        ctx: AppContext, stick_and_data: Path, answers: dict[str, Any]) -> None:
    usual = config.default_db_path()
    usual.parent.mkdir(parents=True)
    usual.write_bytes(b"the office's own database")
    source = ctx.db.path
    ctx.db.close()
    opened = removable.local_database_path(source)
    assert opened is not None
    assert opened != usual
    assert opened.parent == usual.parent
    assert usual.read_bytes() == b"the office's own database"
    [told] = answers["informed"]
    assert str(opened) in told  # this session's copy …
    assert str(usual) in told  # … and the database the next normal start opens
