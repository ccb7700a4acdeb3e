"""When the app backs itself up, how it restores, and the local copy of a database on a USB
stick (SPEC §8) — the policy around `services.backup`'s mechanisms.

- Automatic backups go to the per-user data folder's `backups/` (`config.backups_dir`),
  on exit and once a day, keeping the newest `backups_kept` (a setting, default 10). They
  run without a user (no audit entry: they change nothing) and their failures are the
  caller's to log — a backup must never stop the app.
- Restoring replaces the open database, so `restore_backup` checks the backup, audits the
  request in the database being replaced, closes it (releasing the single-instance lock
  that `backup.restore` insists on) and only then swaps the files. The caller must quit
  afterwards: every page still points at the closed database.
- A database found on removable media is never opened live; `copy_to_local` makes the
  copy the start-up screen offers to open instead.
"""

from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from filelock import FileLock, Timeout

from desktop.config import backups_dir, data_dir, default_db_path
from desktop.db import Database
from desktop.security.keyfile import keyfile_path
from desktop.services import settings
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.backup import (
    BACKUP_PREFIX,
    BACKUP_SUFFIX,
    BackupError,
    BackupResult,
    automatic_backup,
    backup_to,
    is_removable_path,
    list_backups,
    restore,
    verify_backup,
)

__all__ = [
    "DAY", "BackupError", "BackupInfo", "BackupResult", "RestoreFailed", "RestoreResult",
    "automatic_backups", "backup_due", "backup_to", "backups_dir", "copy_to_local",
    "is_removable_path", "keep_count", "local_copy_target", "restore_backup",
    "run_automatic_backup", "verify_backup",
]

DAY = timedelta(days=1)
STALE_TMP = 3600  # seconds: a temporary copy older than this was left by an interrupted run
_STAMP = re.compile(re.escape(BACKUP_PREFIX) + r"(\d{8}-\d{6})-\d{6}" + re.escape(BACKUP_SUFFIX))


class RestoreFailed(BackupError):
    """A restore that failed after the open database was closed: the app must quit."""


@dataclass(frozen=True)
class BackupInfo:
    """One automatic backup file: when it was made (local time) and its size."""

    path: Path
    made_at: datetime
    size: int


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: the database replaced, the backup used, the old copy kept."""

    db_path: Path
    backup_path: Path
    kept: Path | None


def _made_at(path: Path) -> datetime:
    # The name is the time the backup was made (local time), written by automatic_backup.
    found = _STAMP.fullmatch(path.name)
    if found is not None:
        return datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
    return datetime.fromtimestamp(path.stat().st_mtime)


def automatic_backups(folder: Path | None = None) -> list[BackupInfo]:
    """The automatic backups in `folder` (default: the per-user one), newest first."""
    found = []
    for path in list_backups(folder or backups_dir()):
        try:
            found.append(BackupInfo(path, _made_at(path), path.stat().st_size))
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
    """One automatic backup into `folder` (default: the per-user one), keeping the newest N."""
    target = Path(folder or backups_dir())
    _remove_stale_copies(target)
    return automatic_backup(db, target, keep_count(db))


def restore_backup(db: Database, actor: Actor, backup_path: Path) -> RestoreResult:
    """Replace the open database by a checked backup; `db` is CLOSED afterwards.

    Refused (BackupError, nothing changed, `db` still open) when the backup fails its
    integrity check. The request is audited in the database being replaced, which is kept
    beside the restored one (`<name>.before-restore-<time>`).
    """
    require(actor, Action.BACKUP)
    backup_path = Path(backup_path)
    if backup_path.resolve() == db.path.resolve():
        raise BackupError("Tệp sao lưu phải khác tệp cơ sở dữ liệu đang dùng.")
    # A database keeps its key for life: its backups open with the key it is open with.
    size = verify_backup(backup_path, db.key)
    with db.transaction() as session:
        write_audit(session, actor, "restore", "database", None,
                    {"file": (None, str(backup_path)), "bytes": (None, size)})
    key = db.key
    db.close()
    try:
        kept = restore(db.path, backup_path, key=key)
    except (BackupError, OSError) as exc:
        reason = exc.message if isinstance(exc, BackupError) else str(exc)
        raise RestoreFailed(f"{reason} Chưa khôi phục được; cơ sở dữ liệu cũ vẫn nguyên vẹn "
                            "nhưng đã được đóng: HoaNhap sẽ đóng lại, hãy mở lại chương "
                            "trình.") from exc
    return RestoreResult(db.path, backup_path, kept)


def local_copy_target(source: Path) -> Path:
    """Where the local copy of a database found on a USB stick goes: the default database
    file when there is none yet (so the next start opens it), else a new name beside it."""
    default = default_db_path()
    if not default.exists():
        return default
    return data_dir() / f"{Path(source).stem}-{datetime.now():%Y%m%d-%H%M%S}.db"


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
