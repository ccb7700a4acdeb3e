"""Encryption at rest (issue #7): what a thief, a wrong password, a damaged key file and the
recovery code each get, on a real encrypted database file."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desktop.db import (
    DatabaseDamagedError,
    DatabaseEncryptedError,
    DatabaseKeyError,
    current_revision,
    head_revision,
    integrity_problems,
    open_database,
)
from desktop.demo import DemoOptions, generate_demo
from desktop.reports.figures import compute_figures_by_unit
from desktop.rules.periods import parse_period
from desktop.security import keyfile
from desktop.security.errors import AccountLocked, KeyFileDamaged, KeyFileMissing, WrongSecret
from desktop.services import backup, backup_schedule, encryption, units, users
from desktop.services.errors import AuthenticationError, PermissionDenied, ValidationError
from tests.security.encrypted import (
    ADMIN,
    PASSWORD,
    Office,
    file_hashes,
    make_office,
    use_cheap_kdf,
)


@pytest.fixture(autouse=True)
def _cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    use_cheap_kdf(monkeypatch)


@pytest.fixture
def office(tmp_path: Path) -> Office:
    return make_office(tmp_path / "office.db")


# --- what someone who copies the file gets ---------------------------------------------

def test_the_plain_sqlite3_module_reads_file_is_not_a_database(office: Office) -> None:
    conn = sqlite3.connect(office.path)
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
    assert b"Thanh B" not in office.path.read_bytes()  # no readable text either
    assert b"quantri" not in office.path.read_bytes()


def test_the_sqlite3_shell_reads_file_is_not_a_database(office: Office) -> None:
    shell = shutil.which("sqlite3")
    if shell is None:
        pytest.skip("the sqlite3 shell is not installed on this machine")
    result = subprocess.run([shell, str(office.path), "SELECT name FROM units;"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode != 0
    assert "file is not a database" in result.stderr
    assert "Thanh" not in result.stdout


def test_the_key_file_holds_no_key_and_no_password_in_the_clear(office: Office) -> None:
    text = office.keys.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["pending_key"] is None
    assert {(w["kind"], w["name"]) for w in data["wraps"]} == {("user", ADMIN),
                                                               ("recovery", "")}
    assert PASSWORD not in text
    assert office.recovery_code not in text


# --- the right password, a wrong one, a damaged key file -------------------------------

def test_the_right_password_opens_everything(office: Office) -> None:
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    try:
        assert unlocked.actor.role == "admin"
        unit = units.home_unit(unlocked.db)
        assert unit is not None
        assert unit.name == "Công an phường Thanh Bình"
        assert integrity_problems(unlocked.db) == []
    finally:
        unlocked.db.close()


def test_a_wrong_password_is_refused_clearly_and_never_touches_the_database(
        office: Office) -> None:
    before = file_hashes(office.path)
    with pytest.raises(WrongSecret, match=r"không đúng\. Còn 4 lần thử"):
        encryption.unlock(office.path, ADMIN, "mat-khau-sai")
    with pytest.raises(WrongSecret, match="không đúng"):
        encryption.unlock(office.path, "nobody", PASSWORD)
    assert file_hashes(office.path) == before


def test_repeated_wrong_passwords_lock_the_user_out_even_with_the_right_one_after(
        office: Office) -> None:
    for _ in range(4):
        with pytest.raises(WrongSecret):
            encryption.unlock(office.path, ADMIN, "mat-khau-sai")
    with pytest.raises(AccountLocked, match="bị khóa"):
        encryption.unlock(office.path, ADMIN, "mat-khau-sai")
    with pytest.raises(AccountLocked):
        encryption.unlock(office.path, ADMIN, PASSWORD)


def test_a_database_without_its_key_or_with_another_key_is_refused_unchanged(
        office: Office) -> None:
    before = file_hashes(office.path)
    with pytest.raises(DatabaseEncryptedError, match="được mã hóa: cần tên đăng nhập"):
        open_database(office.path)
    with pytest.raises(DatabaseKeyError, match="không bị thay đổi"):
        open_database(office.path, key=keyfile.new_database_key())
    office.keys.rename(office.keys.with_name("elsewhere.keys"))
    with pytest.raises(DatabaseDamagedError, match=r"cần chép tệp khóa office\.db\.keys"):
        open_database(office.path)
    with pytest.raises(KeyFileMissing, match="Không tìm thấy tệp khóa"):
        encryption.unlock(office.path, ADMIN, PASSWORD)
    assert file_hashes(office.path) == before


@pytest.mark.parametrize("damage", ["truncated", "flipped_wrap", "not_json"])
def test_a_damaged_key_file_gives_a_clear_message_and_never_touches_the_database(
        office: Office, damage: str) -> None:
    raw = office.keys.read_text(encoding="utf-8")
    if damage == "truncated":
        office.keys.write_text(raw[: len(raw) // 2], encoding="utf-8")
    elif damage == "flipped_wrap":
        data = json.loads(raw)
        wrapped = data["wraps"][0]["wrapped_key"]
        data["wraps"][0]["wrapped_key"] = ("B" if wrapped[0] == "A" else "A") + wrapped[1:]
        office.keys.write_text(json.dumps(data), encoding="utf-8")
    else:
        office.keys.write_bytes(b"\x00\xff garbage")
    before = file_hashes(office.path, office.keys)
    with pytest.raises(KeyFileDamaged, match="bị hỏng nên không mở được"):
        encryption.unlock(office.path, ADMIN, PASSWORD)
    with pytest.raises(KeyFileDamaged):
        encryption.open_with_recovery(office.path, office.recovery_code)
    assert file_hashes(office.path, office.keys) == before


def test_a_wrap_moved_to_another_name_does_not_open(office: Office) -> None:
    """The user name is bound into each wrap: renaming one in the file is useless."""
    kf = keyfile.read_keyfile(office.keys)
    wrap = kf.user_wrap(ADMIN)
    assert wrap is not None
    forged = keyfile.KeyFile(kf.file_id, (*kf.wraps, keyfile.Wrap(
        "user", "keotrom", wrap.params, wrap.salt, wrap.nonce, wrap.wrapped)))
    keyfile.write_keyfile(office.keys, forged)  # with a valid checksum: a deliberate edit
    with pytest.raises(WrongSecret):
        keyfile.unwrap(office.keys, "keotrom", PASSWORD)


# --- the recovery code ------------------------------------------------------------------

def test_the_recovery_code_alone_opens_the_database_and_sets_a_new_password(
        office: Office) -> None:
    typed = office.recovery_code.lower().replace("-", " ")  # as someone might type it
    db = encryption.open_with_recovery(office.path, typed)
    try:
        view = encryption.recover_access(db, ADMIN, "mat-khau-moi-123")
        assert view.active
    finally:
        db.close()
    with pytest.raises(WrongSecret):
        encryption.unlock(office.path, ADMIN, PASSWORD)
    unlocked = encryption.unlock(office.path, ADMIN, "mat-khau-moi-123")
    unlocked.db.close()


def test_a_password_unlock_cannot_reset_passwords_as_the_recovery_code(
        office: Office) -> None:
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    try:
        with pytest.raises(PermissionDenied, match="mã khôi phục"):
            encryption.recover_access(unlocked.db, ADMIN, "mat-khau-moi-123")
    finally:
        unlocked.db.close()
    encryption.unlock(office.path, ADMIN, PASSWORD).db.close()  # the password still works


def test_a_mistyped_or_wrong_recovery_code_is_refused(office: Office) -> None:
    code = office.recovery_code
    typo = code[:5] + ("Z" if code[5] != "Z" else "Y") + code[6:]
    with pytest.raises(WrongSecret, match="gõ sai"):
        encryption.open_with_recovery(office.path, typo)
    with pytest.raises(WrongSecret, match="không đúng"):
        encryption.open_with_recovery(office.path, keyfile.new_recovery_code())


def test_recovery_codes_avoid_lookalikes_and_accept_them_typed(office: Office) -> None:
    code = keyfile.new_recovery_code()
    assert len(code) == 34
    assert code.count("-") == 6
    assert not set(code) & set("ILOU")
    assert keyfile.normalize_recovery_code(code.replace("0", "o").replace("1", "l")) == code


def test_a_new_recovery_code_replaces_the_old_one(office: Office) -> None:
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    try:
        new = encryption.new_recovery_code(unlocked.db, unlocked.actor)
    finally:
        unlocked.db.close()
    with pytest.raises(WrongSecret):
        encryption.open_with_recovery(office.path, office.recovery_code)
    encryption.open_with_recovery(office.path, new).close()


# --- users and the key file stay in step --------------------------------------------------

def test_changing_a_password_rewraps(office: Office) -> None:
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    try:
        users.change_password(unlocked.db, unlocked.actor, ADMIN, PASSWORD, "doi-mat-khau-1")
    finally:
        unlocked.db.close()
    with pytest.raises(WrongSecret):
        encryption.unlock(office.path, ADMIN, PASSWORD)
    encryption.unlock(office.path, ADMIN, "doi-mat-khau-1").db.close()


def test_new_users_get_a_wrap_and_disabling_one_removes_it(office: Office) -> None:
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    db, admin = unlocked.db, unlocked.actor
    try:
        users.create_user(db, admin, "canbo", "Nguyễn Văn Cán", "officer", "mat-khau-can-bo")
        assert keyfile.read_keyfile(office.keys).usernames() == ["canbo", ADMIN]
        users.set_user_active(db, admin, "canbo", False)
        assert keyfile.read_keyfile(office.keys).usernames() == [ADMIN]
        users.set_user_active(db, admin, "canbo", True)
        assert not users.has_key_wrap(db, "canbo")  # re-enabled: needs a new password
    finally:
        db.close()
    with pytest.raises(WrongSecret):
        encryption.unlock(office.path, "canbo", "mat-khau-can-bo")
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    try:
        users.change_password(unlocked.db, unlocked.actor, "canbo", None, "mat-khau-moi-cb")
    finally:
        unlocked.db.close()
    officer = encryption.unlock(office.path, "canbo", "mat-khau-moi-cb")
    officer.db.close()
    assert officer.actor.role == "officer"


def test_a_disabled_account_with_a_stale_wrap_still_cannot_sign_in(office: Office) -> None:
    """Belt and braces: the database's own login refuses what the key file let through."""
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    db, admin = unlocked.db, unlocked.actor
    try:
        users.create_user(db, admin, "canbo", "Nguyễn Văn Cán", "officer", "mat-khau-can-bo")
        stale = office.keys.read_bytes()
        users.set_user_active(db, admin, "canbo", False)
    finally:
        db.close()
    office.keys.write_bytes(stale)  # someone put back an old key file
    with pytest.raises(AuthenticationError, match="vô hiệu hóa"):
        encryption.unlock(office.path, "canbo", "mat-khau-can-bo")


# --- set-up, migrations, conversion, backups ------------------------------------------------

def test_an_interrupted_set_up_resumes_and_an_abandoned_one_leaves_nothing(
        tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    db = encryption.begin_setup(path)
    key = db.key
    db.close()
    assert encryption.database_state(path) == "setup"
    db = encryption.begin_setup(path)
    assert db.key == key
    encryption.discard_setup(db)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_migrations_run_on_an_encrypted_database(tmp_path: Path) -> None:
    key = keyfile.new_database_key()
    path = tmp_path / "old.db"
    db = open_database(path, key=key, migrate=False)
    assert current_revision(db.engine) is None
    db.close()
    db = open_database(path, key=key)
    try:
        assert current_revision(db.engine) == head_revision()
        assert integrity_problems(db) == []
    finally:
        db.close()


def _figures(db_path: Path, key: bytes | None) -> dict[str, object]:
    db = open_database(db_path, create=False, key=key)
    try:
        with db.session() as s:
            result: dict[str, object] = {}
            for code in ("2025-Y", "2026-Q3", "2024-01-01..2026-11-26"):
                period = parse_period(code)
                result[code] = repr(sorted(compute_figures_by_unit(s, period).items()))
            return result
    finally:
        db.close()


def test_converting_a_plain_demo_database_keeps_every_figure(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    db = open_database(path)
    generate_demo(db, DemoOptions(persons=12, units=2, seed=3, today=date(2026, 11, 26)))
    db.close()
    before = _figures(path, None)
    db = open_database(path)
    try:
        admin = users.login(db, "admin", "hoanhap-demo")
        result = encryption.encrypt_database(db, admin, "hoanhap-demo")
        assert db.key is not None
        assert units.home_unit(db) is not None
    finally:
        db.close()
    assert result.need_new_password == ["canbo", "lanhdao"]
    assert encryption.database_state(path) == "encrypted"
    assert encryption.database_state(result.kept_plain) == "plain"
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT 1 FROM sqlite_master").fetchone()
    key = keyfile.unwrap(keyfile.keyfile_path(path), "admin", "hoanhap-demo")
    assert _figures(path, key) == before
    assert keyfile.unwrap_with_recovery(keyfile.keyfile_path(path), result.recovery_code) == key


def test_conversion_with_a_wrong_password_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    db = open_database(path)
    generate_demo(db, DemoOptions(persons=5, seed=3, today=date(2026, 11, 26)))
    try:
        admin = users.login(db, "admin", "hoanhap-demo")
        with pytest.raises(AuthenticationError):
            encryption.encrypt_database(db, admin, "not-the-password")
    finally:
        db.close()
    assert encryption.database_state(path) == "plain"
    assert not keyfile.keyfile_path(path).exists()


def test_backup_and_restore_of_an_encrypted_database(office: Office, tmp_path: Path) -> None:
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    db, admin = unlocked.db, unlocked.actor
    try:
        copy = backup.backup_to(db, admin, tmp_path / "usb" / "copy.db").path
        users.create_user(db, admin, "canbo", "Nguyễn Văn Cán", "officer", "mat-khau-can-bo")
        key = db.key
    finally:
        db.close()
    assert keyfile.keyfile_path(copy).exists()
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(copy).execute("SELECT 1 FROM sqlite_master").fetchone()
    # The backup opens by itself, with the passwords of its day.
    assert keyfile.unwrap(keyfile.keyfile_path(copy), ADMIN, PASSWORD) == key
    with pytest.raises(backup.BackupError, match="được mã hóa"):
        backup.restore(office.path, copy)
    kept = backup.restore(office.path, copy, key=key)
    assert kept is not None
    assert keyfile.keyfile_path(kept).exists()
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    try:
        assert [u.username for u in users.list_users(unlocked.db, unlocked.actor)] == [ADMIN]
    finally:
        unlocked.db.close()
    with pytest.raises(WrongSecret):  # canbo came after the backup: gone with it
        encryption.unlock(office.path, "canbo", "mat-khau-can-bo")


def test_automatic_backups_take_their_key_files_and_rotation_removes_them(
        office: Office, tmp_path: Path) -> None:
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    folder = tmp_path / "backups"
    try:
        for _ in range(3):
            backup.automatic_backup(unlocked.db, folder, keep=2)
    finally:
        unlocked.db.close()
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 4
    assert all(n.endswith((".db", ".db.keys")) for n in names)
    for kept in backup.list_backups(folder):
        assert keyfile.keyfile_path(kept).exists()


# --- restoring another database's backup, and plain backups --------------------------------

def _backup_of(office: Office, folder: Path, *, extra_user: str | None = None) -> Path:
    """A backup (with its key file) of the office, optionally after adding an account."""
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    try:
        if extra_user is not None:
            users.create_user(unlocked.db, unlocked.actor, extra_user, "Nguyễn Văn Cũ",
                              "officer", "mat-khau-may-cu")
        return backup.backup_to(unlocked.db, unlocked.actor, folder / "copy.db").path
    finally:
        unlocked.db.close()


def test_another_pcs_backup_is_restored_with_its_own_key_file_and_accounts(
        office: Office, tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    old_pc = make_office(tmp_path / "old" / "hoanhap.db")
    copy = _backup_of(old_pc, tmp_path / "usb", extra_user="canbocu")
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    db, admin = unlocked.db, unlocked.actor
    try:
        with pytest.raises(backup.BackupKeyNeeded, match="khóa của một cơ sở dữ liệu khác") \
                as needed:
            backup_schedule.check_backup(db, copy)
        assert "bị hỏng" not in needed.value.message
        with pytest.raises(ValidationError) as wrong:
            backup_schedule.unlock_backup(copy, "canbocu", "not-the-password")
        assert wrong.value.field == "password"
        key = backup_schedule.unlock_backup(copy, "canbocu", "mat-khau-may-cu")
        assert backup_schedule.unlock_backup_with_recovery(copy, old_pc.recovery_code) == key
        result = backup_schedule.restore_backup(db, admin, copy, key=key)
    finally:
        db.close()
    assert result.own_key
    assert result.kept is not None
    # From now on the old PC's accounts and recovery code open the database; this PC's
    # former recovery code does not, and the replaced database is kept with its key file.
    restored = encryption.unlock(office.path, "canbocu", "mat-khau-may-cu")
    restored.db.close()
    assert keyfile.unwrap_with_recovery(office.keys, old_pc.recovery_code) == key
    with pytest.raises(WrongSecret):
        keyfile.unwrap_with_recovery(office.keys, office.recovery_code)
    kept_key = keyfile.unwrap(keyfile.keyfile_path(result.kept), ADMIN, PASSWORD)
    kept = open_database(result.kept, create=False, key=kept_key)
    kept.close()


def test_an_encrypted_backup_without_its_key_file_says_the_key_file_is_missing(
        office: Office, tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    old_pc = make_office(tmp_path / "old" / "hoanhap.db")
    copy = _backup_of(old_pc, tmp_path / "usb")
    keyfile.keyfile_path(copy).unlink()
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    try:
        with pytest.raises(backup.BackupError, match=r"thiếu tệp khóa copy\.db\.keys đặt cạnh "
                                                     "bản sao lưu") as missing:
            backup_schedule.restore_backup(unlocked.db, unlocked.actor, copy)
        assert not isinstance(missing.value, backup.BackupKeyNeeded)
        assert "bị hỏng" not in missing.value.message
    finally:
        unlocked.db.close()
    with pytest.raises(backup.BackupError, match="thiếu tệp khóa"):
        backup.restore(office.path, copy)


def test_a_damaged_encrypted_backup_is_called_damaged_not_another_key(
        office: Office, tmp_path: Path) -> None:
    copy = _backup_of(office, tmp_path / "usb")
    data = bytearray(copy.read_bytes())
    for spot in range(8192, len(data), 4096):  # every page after the first two
        data[spot:spot + 32] = bytes(32)
    copy.write_bytes(bytes(data))
    unlocked = encryption.unlock(office.path, ADMIN, PASSWORD)
    try:
        with pytest.raises(backup.BackupError, match="bị hỏng") as damaged:
            backup_schedule.check_backup(unlocked.db, copy)
        assert not isinstance(damaged.value, backup.BackupKeyNeeded)
    finally:
        unlocked.db.close()
    # Beside it, another database's key file (same account names): its key is refused.
    (tmp_path / "other").mkdir()
    keyfile.keyfile_path(copy).write_bytes(keyfile.keyfile_path(
        _backup_of(make_office(tmp_path / "other" / "x.db"), tmp_path / "other")).read_bytes())
    with pytest.raises(backup.BackupError, match="tệp khóa đó không phải của nó"):
        backup_schedule.unlock_backup(copy, ADMIN, PASSWORD)


def _plain_backup_then_encrypt(tmp_path: Path) -> tuple[Path, Path]:
    """A plain demo database backed up, then converted to encrypted: (database, backup)."""
    path = tmp_path / "demo.db"
    db = open_database(path)
    generate_demo(db, DemoOptions(persons=5, seed=3, today=date(2026, 11, 26)))
    try:
        admin = users.login(db, "admin", "hoanhap-demo")
        plain = backup.backup_to(db, admin, tmp_path / "usb" / "plain.db").path
        encryption.encrypt_database(db, admin, "hoanhap-demo")
    finally:
        db.close()
    return path, plain


def test_a_plain_backup_is_not_restored_over_an_encrypted_database(tmp_path: Path) -> None:
    path, plain = _plain_backup_then_encrypt(tmp_path)
    unlocked = encryption.unlock(path, "admin", "hoanhap-demo")
    try:
        with pytest.raises(backup.PlainBackupRefused, match="chưa được mã hóa"):
            backup_schedule.restore_backup(unlocked.db, unlocked.actor, plain)
        assert units.home_unit(unlocked.db) is not None  # refused before closing anything
    finally:
        unlocked.db.close()
    before = file_hashes(path, keyfile.keyfile_path(path))
    with pytest.raises(backup.PlainBackupRefused, match="không mã hóa"):
        backup.restore(path, plain)
    assert file_hashes(path, keyfile.keyfile_path(path)) == before
    assert encryption.database_state(path) == "encrypted"


def test_a_plain_backup_restored_when_allowed_leaves_a_plain_database(tmp_path: Path) -> None:
    path, plain = _plain_backup_then_encrypt(tmp_path)
    kept = backup.restore(path, plain, allow_plain=True)
    assert encryption.database_state(path) == "plain"
    assert not keyfile.keyfile_path(path).exists()
    assert kept is not None
    assert encryption.database_state(kept) == "encrypted"
    assert keyfile.keyfile_path(kept).exists()


def test_automatic_backups_made_before_encryption_are_listed_as_not_encrypted(
        tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    db = open_database(path)
    generate_demo(db, DemoOptions(persons=5, seed=3, today=date(2026, 11, 26)))
    folder = tmp_path / "backups"
    try:
        backup.automatic_backup(db, folder)
        encryption.encrypt_database(db, users.login(db, "admin", "hoanhap-demo"),
                                    "hoanhap-demo")
        backup.automatic_backup(db, folder)
    finally:
        db.close()
    newest, oldest = backup_schedule.automatic_backups(folder)
    assert (newest.encrypted, oldest.encrypted) == (True, False)
