"""Encrypted databases as use cases: set-up, unlocking, recovery code, conversion.

A database is encrypted or plain by its file (`database_state`: a plain SQLite file starts
with "SQLite format 3"; anything else beside a key file is encrypted). The key file
(desktop/security/keyfile.py) is consulted only for encrypted databases, so a stale key
file beside a plain database changes nothing.

- First run (GUI wizard and `hoanhap init`): `begin_setup` writes a key file holding the
  new key in the clear and creates the empty encrypted database; set-up creates the
  administrator (whose password then wraps the key, through `users.store_key_wrap`);
  `finish_setup` wraps the key for the recovery code and drops the clear copy. Until then
  the database holds no records, so an interrupted set-up just resumes (`"setup"` state).
- Signing in: `unlock` unwraps the key with the user's password (counting failures in the
  key file), opens the database with it, then runs the ordinary `users.login` (role,
  disabled accounts, the database's own lock-out) and copies the lock-out settings into
  the key file for next time.
- Recovery: `open_with_recovery` opens the database with the printed code alone;
  `recover_access` then sets a user's new password, as the office's administrator would.
- Conversion: `encrypt_database` exports the open plain database into a new encrypted file
  (`sqlcipher_export`), checks it table by table, writes the key file, keeps the plain
  file beside it (`<name>.before-encryption-<time>`) and renames the encrypted one into
  place, then switches the open `Database` to it.
"""

from __future__ import annotations

import os
import shutil
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from sqlcipher3 import dbapi2 as sqlcipher

from desktop.db import (
    Database,
    DatabaseError,
    connect_file,
    is_encrypted_file,
    open_database,
)
from desktop.security import keyfile
from desktop.security.errors import KeyFileError
from desktop.security.keyfile import LockoutPolicy, keyfile_path
from desktop.services import units, users
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import PermissionDenied, ServiceError

DatabaseState = Literal["missing", "plain", "encrypted", "setup"]
RECOVERY_ACTOR = "ma-khoi-phuc"  # who the audit trail says acted with the recovery code


@dataclass(frozen=True)
class Unlocked:
    """An encrypted database opened by a user's password, and that user signed in."""

    db: Database
    actor: Actor


@dataclass(frozen=True)
class EncryptionResult:
    """A finished conversion: the plain copy kept, the code to print, and the accounts
    whose passwords must be reset before they can sign in (their passwords are unknown)."""

    kept_plain: Path
    recovery_code: str
    need_new_password: list[str]


def database_state(path: Path) -> DatabaseState:
    """What is at `path`: nothing yet, a plain database, an encrypted one, or an encrypted
    one whose first-run set-up has not finished."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return "missing"
    if not is_encrypted_file(path):
        return "plain"
    try:
        pending = keyfile.pending_key(keyfile_path(path))
    except KeyFileError:
        return "encrypted"  # the problem is reported when someone tries to unlock it
    return "setup" if pending is not None else "encrypted"


def begin_setup(path: Path) -> Database:
    """Create (or resume) a new encrypted database for the first-run set-up."""
    path = Path(path)
    keys = keyfile_path(path)
    state = database_state(path)
    if state == "setup":
        key = keyfile.pending_key(keys)
        assert key is not None  # that is what "setup" means
    elif state == "missing":
        if keys.exists():
            # A key file without its database: kept, in case the database was only moved.
            os.replace(keys, keys.with_name(f"{keys.name}.old-{datetime.now():%Y%m%d-%H%M%S}"))
        key = keyfile.new_database_key()
        keyfile.create_pending(keys, key)
    else:
        raise ServiceError(f"Cơ sở dữ liệu {path} đã có; không tạo lại.")
    return open_database(path, key=key)


def finish_setup(db: Database, recovery_code: str) -> None:
    """The last step of set-up: the recovery code wraps the key, the clear copy goes."""
    if db.key is None or db.keyfile is None:
        return  # a plain database has no key to protect
    keyfile.finish_setup(db.keyfile, db.key, recovery_code)


def setup_pending(db: Database) -> bool:
    """Whether this encrypted database still waits for `finish_setup`."""
    return db.keyfile is not None and keyfile.pending_key(db.keyfile) is not None


def discard_setup(db: Database) -> None:
    """Close and delete a database whose set-up was abandoned before any unit existed."""
    if units.home_unit(db) is not None:
        raise ServiceError("Cơ sở dữ liệu đã được thiết lập; không xóa.")
    keys = db.keyfile
    db.close()
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db.path}{suffix}").unlink(missing_ok=True)
    if keys is not None:
        keys.unlink(missing_ok=True)


def _copy_lockout_policy(db: Database) -> None:
    assert db.keyfile is not None
    with db.reading() as session:
        policy = LockoutPolicy(users.setting_int(session, "max_failed_logins"),
                               users.setting_int(session, "lockout_minutes"))
    keyfile.set_lockout(db.keyfile, policy)


def unlock(path: Path, username: str, password: str, *, migrate: bool = True) -> Unlocked:
    """Open an encrypted database with a user's password and sign that user in.

    Errors (all with a Vietnamese `message`): KeyFileError subclasses (wrong password,
    locked, key file missing or damaged), DatabaseError (the key does not open this file),
    AuthenticationError (e.g. the account is disabled). The database file is not written
    unless the database opened.
    """
    path = Path(path)
    if not path.exists():
        raise DatabaseError(f"Không tìm thấy cơ sở dữ liệu {path}.")
    key = keyfile.unwrap(keyfile_path(path), username, password)
    db = open_database(path, create=False, migrate=migrate, key=key)
    try:
        actor = users.login(db, username, password)
        _copy_lockout_policy(db)
    except BaseException:
        db.close()
        raise
    return Unlocked(db, actor)


def open_with_recovery(path: Path, recovery_code: str, *, migrate: bool = True) -> Database:
    """Open an encrypted database with the office's recovery code alone."""
    path = Path(path)
    if not path.exists():
        raise DatabaseError(f"Không tìm thấy cơ sở dữ liệu {path}.")
    key = keyfile.unwrap_with_recovery(keyfile_path(path), recovery_code)
    db = open_database(path, create=False, migrate=migrate, key=key)
    db.unlocked_by_recovery = True
    return db


def recovery_actor(db: Database) -> Actor:
    """The administrator acting through the recovery code (audited under that name)."""
    home = units.home_unit(db)
    if home is None:
        raise ServiceError("Cơ sở dữ liệu chưa được thiết lập.")
    return Actor(username=RECOVERY_ACTOR, full_name="Mã khôi phục", role="admin",
                 unit_code=home.code)


def recover_access(db: Database, username: str, new_password: str) -> users.UserView:
    """With the database opened by the recovery code: give `username` a new password (which
    also unlocks the key file), re-enable the account and lift any lock-out. Refused on a
    database opened any other way: a signed-in user changes passwords as themselves."""
    if not db.unlocked_by_recovery:
        raise PermissionDenied("Chỉ đặt lại mật khẩu theo cách này sau khi mở cơ sở dữ liệu "
                               "bằng mã khôi phục.")
    actor = recovery_actor(db)
    view = users.change_password(db, actor, username, None, new_password)
    if not view.active:
        view = users.set_user_active(db, actor, username, True)
    if db.keyfile is not None:
        keyfile.reset_failures(db.keyfile, username)
    return view


def new_recovery_code(db: Database, actor: Actor) -> str:
    """Replace the recovery code (administrators only); the old printed code stops
    working. Returns the new code, to show once."""
    require(actor, Action.MANAGE_USERS)
    if db.key is None or db.keyfile is None:
        raise ServiceError("Cơ sở dữ liệu này chưa được mã hóa nên không có mã khôi phục.")
    code = keyfile.new_recovery_code()
    with db.transaction() as session:
        keyfile.set_recovery_code(db.keyfile, db.key, code)
        write_audit(session, actor, "new_recovery_code", "database", None, {})
    return code


# --- converting a plain database -------------------------------------------------------

def _table_counts(conn: Any) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in names}


def _export_encrypted(source: Path, target: Path, key: bytes) -> dict[str, int]:
    """Write an encrypted copy of the plain database `source` to `target`; returns the
    row count of each table, read inside the same connection."""
    target.unlink(missing_ok=True)
    # sqlcipher3 reads plain files too; it alone has sqlcipher_export. Nothing else in this
    # process has the file open (the caller disposed its engine and holds the lock).
    with closing(sqlcipher.connect(str(source), isolation_level=None)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = _table_counts(conn)
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), f"x'{key.hex()}'"))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    return counts


def _verify_copy(target: Path, key: bytes, counts: dict[str, int]) -> None:
    with closing(connect_file(target, key, read_only=True)) as conn:
        ok = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        copied = _table_counts(conn)
    if ok != ["ok"] or copied != counts:
        differ = sorted(t for t in counts.keys() | copied.keys()
                        if counts.get(t) != copied.get(t))
        raise ServiceError("Bản mã hóa không khớp với cơ sở dữ liệu gốc "
                           f"({'; '.join(map(str, ok[:2]))}; bảng {', '.join(differ)}); "
                           "cơ sở dữ liệu gốc không bị thay đổi.")


def _keep_plain(path: Path) -> Path:
    """A second name for the plain file, so replacing `path` leaves it where it was."""
    kept = path.with_name(f"{path.name}.before-encryption-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        os.link(path, kept)
    except OSError:  # file systems without hard links (FAT): a copy of the idle file
        shutil.copy2(path, kept)
    return kept


def encrypt_database(db: Database, actor: Actor, password: str) -> EncryptionResult:
    """Convert the open plain database to an encrypted one, in place (administrators only).

    `password` is the administrator's own, asked again: it wraps the new key. Everyone
    else needs a new password from the administrator afterwards (their passwords are
    known only as hashes). Nothing is changed when a check fails.
    """
    require(actor, Action.MANAGE_USERS)
    if db.key is not None:
        raise ServiceError("Cơ sở dữ liệu này đã được mã hóa.")
    users.login(db, actor.username, password)  # the password that will wrap the key
    others = [u.username for u in users.list_users(db, actor)
              if u.active and u.username != actor.username]
    path, key, code = db.path, keyfile.new_database_key(), keyfile.new_recovery_code()
    tmp = path.with_name(f".{path.name}.encrypting")
    db.engine.dispose()  # our own connections closed: the file is idle and checkpointed
    try:
        _verify_copy(tmp, key, _export_encrypted(path, tmp, key))
        # Key file first: should the rename below never happen, the database at `path`
        # is still the plain one, which ignores a key file beside it.
        keyfile.create_keyfile(keyfile_path(path), key, actor.username, password, code)
        kept = _keep_plain(path)
        for suffix in ("-wal", "-shm"):  # frames of the plain file must never be replayed
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    db.switch_to_key(key)
    with db.transaction() as session:
        write_audit(session, actor, "encrypt_database", "database", None,
                    {"kept_plain": (None, kept.name)})
    return EncryptionResult(kept, code, others)
