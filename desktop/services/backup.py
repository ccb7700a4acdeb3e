"""Backups and restore (SPEC §8): SQLite's online backup API, rotation, checked restore.

- `backup_to` copies the live database page by page inside one read transaction, so the
  copy is consistent even while the app (or another connection) is writing; the copy is
  checked (`PRAGMA integrity_check`) before it is renamed into place, and it is a single
  self-contained file (rollback journal, not WAL) that can sit on a USB stick.
- `automatic_backup` writes `hoanhap-YYYYMMDD-HHMMSS-ffffff.db` into a folder and keeps
  the newest N; the names sort by time, so rotation needs no dates from the file system.
- `restore` installs a backup only after its integrity check passes, only while no
  process holds the database's lock, keeps the replaced database beside it
  (`<name>.before-restore-<time>`), removes the old WAL (frames of another database must
  never be replayed into the restored one) and renames the checked copy into place.
- The live database belongs on a local disk (SPEC §8): `is_removable_path` and
  `refuse_removable` let callers of `open_database` refuse a USB stick and offer a copy.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from filelock import FileLock, Timeout

from desktop.db import Database
from desktop.handoff.manifest import known_schema_versions
from desktop.models import utcnow
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import ServiceError

BACKUP_PREFIX = "hoanhap-"
BACKUP_SUFFIX = ".db"
# Mount points where Linux desktops put USB sticks and memory cards (udisks2 uses
# /media/<user> or /run/media/<user>; /mnt is where people mount them by hand).
REMOVABLE_ROOTS_LINUX = ("/media", "/run/media", "/mnt")
REMOVABLE_ROOTS_MAC = ("/Volumes",)
DRIVE_REMOVABLE = 2  # GetDriveTypeW: floppy, USB stick, memory card
_WSL_DRIVE = re.compile(r"/mnt/[a-z](/|$)")


class BackupError(ServiceError):
    """A backup or restore that could not be done; the database was not changed."""


@dataclass(frozen=True)
class BackupResult:
    """A finished backup file."""

    path: Path
    size: int
    created_at: datetime


def _integrity(path: Path) -> list[str]:
    """`PRAGMA integrity_check` of a database file opened read-only; ["ok"] when sound."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    if rows == ["ok"] and (revision is None or revision[0] not in known_schema_versions()):
        return [f"cấu trúc dữ liệu {revision[0] if revision else '?'} không được phiên bản "
                "HoaNhap này hỗ trợ"]
    return rows


def _copy_online(source: Path, target: Path, *, read_only: bool) -> None:
    """Copy `source` into a fresh `target` with the backup API; target ends self-contained."""
    uri = f"{source.resolve().as_uri()}{'?mode=ro' if read_only else ''}"
    with closing(sqlite3.connect(uri, uri=True)) as src, \
            closing(sqlite3.connect(target)) as dst:
        # One step copies every page under a single read snapshot: consistent under WAL.
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


def _checked_copy(source: Path, dest: Path, *, read_only: bool) -> Path:
    """A verified copy of `source` in a temporary file beside `dest` (caller renames it)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        _copy_online(source, tmp, read_only=read_only)
        problems = _integrity(tmp)
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems != ["ok"]:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"Tệp {source} bị hỏng hoặc không phải cơ sở dữ liệu HoaNhap "
                          f"({'; '.join(problems[:2])}); không dùng được.")
    return tmp


def _backup(db: Database, dest: Path) -> BackupResult:
    tmp = _checked_copy(db.path, dest, read_only=False)
    os.replace(tmp, dest)
    return BackupResult(dest, dest.stat().st_size, utcnow())


def backup_to(db: Database, actor: Actor, dest_path: Path) -> BackupResult:
    """A consistent, checked copy of the open database at `dest_path` (audited)."""
    require(actor, Action.BACKUP)
    dest = Path(dest_path)
    if dest.resolve() == db.path.resolve():
        raise BackupError("Tệp sao lưu phải khác tệp cơ sở dữ liệu đang dùng.")
    result = _backup(db, dest)
    with db.transaction() as session:
        write_audit(session, actor, "backup", "database", None,
                    {"file": (None, str(dest)), "bytes": (None, result.size)})
    return result


def automatic_backup(db: Database, folder: Path, keep: int = 10) -> BackupResult:
    """A timestamped backup in `folder`, deleting all but the newest `keep` ones."""
    if keep < 1:
        raise ValueError("keep must be at least 1")
    folder = Path(folder)
    name = f"{BACKUP_PREFIX}{datetime.now():%Y%m%d-%H%M%S-%f}{BACKUP_SUFFIX}"
    result = _backup(db, folder / name)
    for old in list_backups(folder)[:-keep]:
        old.unlink(missing_ok=True)
    return result


def list_backups(folder: Path) -> list[Path]:
    """The automatic backups in `folder`, oldest first."""
    if not Path(folder).is_dir():
        return []
    return sorted(p for p in Path(folder).iterdir()
                  if p.name.startswith(BACKUP_PREFIX) and p.name.endswith(BACKUP_SUFFIX))


@contextmanager
def _exclusive(db_path: Path) -> Iterator[None]:
    lock = FileLock(str(db_path) + ".lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise BackupError(f"Cơ sở dữ liệu {db_path} đang được mở bởi HoaNhap; hãy đóng "
                          "chương trình rồi khôi phục.") from None
    try:
        yield
    finally:
        lock.release()


def _keep_previous(db_path: Path) -> Path | None:
    """Copy the database being replaced (with its WAL content) beside it."""
    if not db_path.exists():
        return None
    kept = db_path.with_name(f"{db_path.name}.before-restore-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        _copy_online(db_path, kept, read_only=False)
    except sqlite3.DatabaseError:  # damaged: keep its bytes as they are
        shutil.copy2(db_path, kept)
    return kept


def restore(db_path: Path, backup_path: Path) -> Path | None:
    """Replace the database at `db_path` by a checked copy of `backup_path`.

    Refused (BackupError, nothing changed) when the backup fails its integrity check or
    another process has the database open. Returns where the replaced database was kept.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    if not backup_path.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {backup_path}.")
    with _exclusive(db_path):
        tmp = _checked_copy(backup_path, db_path, read_only=True)
        kept = _keep_previous(db_path)
        # Remove the WAL before renaming: a crash in between leaves the old database
        # without its last frames (kept above), never a new one with foreign frames.
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, db_path)
    return kept


def is_removable_path(path: Path) -> bool:
    """Whether `path` is on a removable drive (a heuristic, see the module docstring).

    Windows asks the drive type (GetDriveTypeW == DRIVE_REMOVABLE; USB hard disks report
    as fixed and are not caught). Linux and macOS look at where the path is mounted:
    /media, /run/media, /mnt (except WSL's /mnt/c-style Windows drives), /Volumes.
    """
    resolved = Path(path).resolve()
    if sys.platform == "win32":
        import ctypes

        root = resolved.anchor or str(resolved)[:3]
        drive_type = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))
        return int(drive_type) == DRIVE_REMOVABLE
    roots = REMOVABLE_ROOTS_MAC if sys.platform == "darwin" else REMOVABLE_ROOTS_LINUX
    posix = PurePosixPath(resolved.as_posix())
    if _WSL_DRIVE.match(posix.as_posix()):
        return False  # /mnt/c/… is a Windows fixed disk seen from WSL
    return any(posix.is_relative_to(root) and posix != PurePosixPath(root) for root in roots)


def refuse_removable(path: Path) -> None:
    """Raise BackupError when the live database would sit on a removable drive."""
    if is_removable_path(path):
        raise BackupError(f"Cơ sở dữ liệu {path} nằm trên USB hoặc thẻ nhớ. Dữ liệu đang "
                          "dùng phải ở ổ đĩa của máy: hãy chép tệp về máy rồi mở bản chép.")
