"""When the app backs itself up, how it restores, and the local copy of a database on a USB
stick (SPEC §8) — the policy around `services.backup`'s mechanisms.

- Automatic backups go to the per-user data folder's `backups/` (`config.backups_dir`;
  a database other than the usual one has its own folder inside it, so each database
  lists and rotates only its own backups), on exit and once a day, keeping the newest
  `backups_kept` (a setting, default 10). They run without a user (no audit entry: they
  change nothing) and their failures are the caller's to log — a backup must never stop
  the app.
- Restoring replaces the open database, so `restore_backup` checks the backup, audits the
  request in the database being replaced, closes it (releasing the single-instance lock
  that `backup.restore` insists on) and only then swaps the files. The caller must quit
  afterwards: every page still points at the closed database. A backup of another
  database (another PC's) is opened with its own key file: `unlock_backup` (an account of
  that database) or `unlock_backup_with_recovery` (its recovery code) give the key, and
  the restored database keeps that key file, so its accounts sign in afterwards. A plain
  backup is refused over an encrypted database (made before the encryption; restoring it
  would undo it): the Backups tab marks such backups.
- A database found on removable media is never opened live; `copy_to_local` makes the
  copy the start-up screen offers to open instead: at the usual database's place when
  there is none yet, else beside it under a new name (`local_copy_target`).
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from filelock import FileLock, Timeout

from desktop.config import backups_dir, default_db_path, is_default_database
from desktop.db import Database
from desktop.security import keyfile
from desktop.security.errors import AccountLocked, KeyFileError, WrongSecret
from desktop.security.keyfile import keyfile_path
from desktop.services import settings
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.backup import (
    BACKUP_PREFIX,
    BACKUP_SUFFIX,
    BackupError,
    BackupKeyNeeded,
    BackupResult,
    PlainBackupRefused,
    automatic_backup,
    backup_to,
    file_kind,
    is_removable_path,
    list_backups,
    refuse_plain_over_encrypted,
    require_key_opens,
    restore,
    verify_backup,
)
from desktop.services.errors import ValidationError

__all__ = [
    "DAY", "BackupError", "BackupInfo", "BackupKeyNeeded", "BackupResult",
    "PlainBackupRefused", "RestoreFailed", "RestoreResult", "automatic_backups",
    "backup_due", "backup_to", "backups_dir", "check_backup", "copy_to_local",
    "is_default_database", "is_removable_path", "keep_count", "local_copy_target",
    "restore_backup", "run_automatic_backup", "unlock_backup", "unlock_backup_with_recovery",
    "verify_backup",
]

DAY = timedelta(days=1)
STALE_TMP = 3600  # seconds: a temporary copy older than this was left by an interrupted run
_STAMP = re.compile(re.escape(BACKUP_PREFIX) + r"(\d{8}-\d{6}-\d{6})" + re.escape(BACKUP_SUFFIX))


class RestoreFailed(BackupError):
    """A restore that failed after the open database was closed: the app must quit."""


@dataclass(frozen=True)
class BackupInfo:
    """One automatic backup file: when it was made (local time), its size, and whether it
    is encrypted (an unencrypted one of an encrypted database predates the encryption)."""

    path: Path
    made_at: datetime
    size: int
    encrypted: bool = False


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: the database replaced, the backup used, the old copy kept;
    `own_key`: the backup came with its own key (another database's), so the restored
    database opens with its accounts and recovery code, not the replaced one's."""

    db_path: Path
    backup_path: Path
    kept: Path | None
    own_key: bool = False


def _made_at(path: Path) -> datetime:
    # The name is the time the backup was made (local time), written by automatic_backup.
    found = _STAMP.fullmatch(path.name)
    if found is not None:
        # Down to the microsecond: two backups within a second still sort newest first.
        return datetime.strptime(found.group(1), "%Y%m%d-%H%M%S-%f")
    return datetime.fromtimestamp(path.stat().st_mtime)


def automatic_backups(folder: Path | None = None) -> list[BackupInfo]:
    """The automatic backups in `folder` (default: the per-user one), newest first."""
    found = []
    for path in list_backups(folder or backups_dir()):
        try:
            found.append(BackupInfo(path, _made_at(path), path.stat().st_size,
                                    file_kind(path) == "encrypted"))
        except OSError:  # deleted meanwhile (rotation by another run)
            continue
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def backup_due(folder: Path | None = None, now: datetime | None = None,
               every: timedelta = DAY) -> bool:
    """Whether the newest automatic backup is older than `every` (or there is none)."""
    newest = automatic_backups(folder)
    return not newest or (now or datetime.now()) - newest[0].made_at >= every


def keep_count(db: Database) -> int:
    """How many automatic backups to keep (the `backups_kept` setting)."""
    return int(settings.setting_value(db, "backups_kept"))


def _remove_stale_copies(folder: Path) -> None:
    """Delete temporary copies an interrupted backup left (a closed app, a power cut)."""
    if not folder.is_dir():
        return
    limit = time.time() - STALE_TMP
    for tmp in folder.glob(f".{BACKUP_PREFIX}*{BACKUP_SUFFIX}.tmp"):
        try:
            if tmp.stat().st_mtime < limit:
                tmp.unlink()
        except OSError:
            continue


def run_automatic_backup(db: Database, folder: Path | None = None) -> BackupResult:
    """One automatic backup into `folder` (default: this database's folder of backups),
    keeping the newest N."""
    target = Path(folder or backups_dir(db.path))
    _remove_stale_copies(target)
    return automatic_backup(db, target, keep_count(db))


def _backup_key(backup_path: Path, unwrap: Callable[[Path], bytes], field: str) -> bytes:
    """The key unwrapped from the backup's own key file, checked against the backup."""
    backup_path = Path(backup_path)
    keys = keyfile_path(backup_path)
    try:
        key = unwrap(keys)
    except (WrongSecret, AccountLocked) as exc:
        raise ValidationError(field, exc.message) from None
    except KeyFileError as exc:
        raise BackupError(exc.message) from None
    except OSError as exc:  # the wrong-password count could not be written (read-only stick)
        raise BackupError(f"Không đọc/ghi được tệp khóa {keys}: {exc.strerror or exc}") from None
    require_key_opens(backup_path, key, own_key=True)
    return key


def unlock_backup(backup_path: Path, username: str, password: str) -> bytes:
    """The key of an encrypted backup, unwrapped from its own key file (`<backup>.keys`) with
    the password of one of the accounts of the database it was made from.

    ValidationError on "password" for a wrong user name or password (counted in that key
    file) or a locked account; BackupError when the key file is missing or damaged or its
    key does not open the backup.
    """
    return _backup_key(backup_path, lambda keys: keyfile.unwrap(keys, username, password),
                       "password")


def unlock_backup_with_recovery(backup_path: Path, recovery_code: str) -> bytes:
    """The key of an encrypted backup, unwrapped from its own key file with the recovery code
    of the database it was made from (errors as `unlock_backup`, on "recovery_code")."""
    return _backup_key(backup_path,
                       lambda keys: keyfile.unwrap_with_recovery(keys, recovery_code),
                       "recovery_code")


def check_backup(db: Database, backup_path: Path, *, key: bytes | None = None,
                 allow_plain: bool = False) -> int:
    """Check a backup before restoring it over the open database, changing nothing: sound,
    openable (with the open database's key, or `key`: its own, from `unlock_backup`), and
    not a plain backup over an encrypted database (unless `allow_plain`).

    Returns its size in bytes; BackupError (BackupKeyNeeded, PlainBackupRefused) says why not.
    """
    backup_path = Path(backup_path)
    if backup_path.resolve() == db.path.resolve():
        raise BackupError("Tệp sao lưu phải khác tệp cơ sở dữ liệu đang dùng.")
    own_key = key is not None
    size = verify_backup(backup_path, key if own_key else db.key, own_key=own_key)
    if not allow_plain:
        refuse_plain_over_encrypted(db.path, backup_path)
    return size


def restore_backup(db: Database, actor: Actor, backup_path: Path, *,
                   key: bytes | None = None, allow_plain: bool = False) -> RestoreResult:
    """Replace the open database by a checked backup; `db` is CLOSED afterwards.

    `key` is the backup's own key (`unlock_backup`), for a backup of another database;
    without it the backup must open with the open database's key (its own backups). A
    plain backup over an encrypted database is refused unless `allow_plain`.

    Refused (BackupError, nothing changed, `db` still open) when the backup fails its
    integrity check, needs its own key (BackupKeyNeeded) or is plain over an encrypted
    database (PlainBackupRefused). The request is audited in the database being replaced,
    which is kept beside the restored one (`<name>.before-restore-<time>`).
    """
    require(actor, Action.BACKUP)
    backup_path = Path(backup_path)
    size = check_backup(db, backup_path, key=key, allow_plain=allow_plain)
    own_key = key is not None
    changes: dict[str, tuple[object, object]] = {"file": (None, str(backup_path)),
                                                 "bytes": (None, size)}
    if own_key:
        changes["own_key_file"] = (None, str(keyfile_path(backup_path)))
    with db.transaction() as session:
        write_audit(session, actor, "restore", "database", None, changes)
    current = db.key
    db.close()
    try:
        kept = restore(db.path, backup_path, key=key if own_key else current,
                       own_key=own_key, current_key=current, allow_plain=allow_plain)
    except (BackupError, OSError) as exc:
        reason = exc.message if isinstance(exc, BackupError) else str(exc)
        raise RestoreFailed(f"{reason} Chưa khôi phục được; cơ sở dữ liệu cũ vẫn nguyên vẹn "
                            "nhưng đã được đóng: HoaNhap sẽ đóng lại, hãy mở lại chương "
                            "trình.") from exc
    return RestoreResult(db.path, backup_path, kept, own_key)


def local_copy_target(source: Path) -> Path:
    """Where the local copy of a database found on a USB stick goes: the usual database's
    place when there is none yet (so every later start opens it), else a dated name beside
    it (opened for this session only: the next normal start opens the usual database)."""
    default = default_db_path()
    if not default.exists():
        return default
    return default.with_name(f"{Path(source).stem}-{datetime.now():%Y%m%d-%H%M%S}.db")


def copy_to_local(source: Path, target: Path) -> Path:
    """Copy the database file `source` (with its WAL and key file, if any) to `target`.

    The bytes are copied as they are, under the source's lock so no HoaNhap process writes
    meanwhile: an encrypted database stays encrypted with its own key file, and opening
    the copy runs the usual integrity check.
    """
    source, target = Path(source), Path(target)
    if target.exists():
        raise BackupError(f"Đã có tệp {target}; không chép đè lên.")
    if not source.is_file():
        raise BackupError(f"Không tìm thấy tệp {source}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(f"{source}.lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise BackupError(f"Cơ sở dữ liệu {source} đang được mở bởi HoaNhap; hãy đóng "
                          "chương trình đó trước.") from None
    try:
        pairs = [(Path(f"{source}-wal"), Path(f"{target}-wal")),
                 (keyfile_path(source), keyfile_path(target)), (source, target)]
        for origin, copy in pairs:  # the database last: its presence means a whole copy
            if origin.exists():
                shutil.copy2(origin, copy)
    finally:
        lock.release()
    return target
