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
- Encrypted databases (docs/security.md): the copy is made with the same key (SQLCipher's
  backup API copies the encrypted pages), and the key file is copied beside it first
  (`<backup>.keys`), so a backup opens with the passwords and the recovery code of the
  day it was made. `restore` needs the key (`key=`) for an encrypted backup, installs the
  backup's key file with it and keeps the replaced one (`<kept>.keys`). A backup of
  another database (an old PC's) has another key: it is unwrapped from the backup's own
  key file with an account or the recovery code of that database (`BackupKeyNeeded`
  says so), and the restored database then keeps that key and key file.
- A plain backup is never restored over an encrypted database unless the caller says so
  (`allow_plain`): it predates the encryption, and restoring it would leave every record
  unencrypted (`PlainBackupRefused`).
- The live database belongs on a local disk (SPEC §8): `is_removable_path` and
  `refuse_removable` let callers of `open_database` refuse a USB stick and offer a copy.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Literal

from filelock import FileLock, Timeout

from desktop.db import (
    DBAPI_DATABASE_ERRORS,
    SQLITE_HEADER,
    Database,
    connect_file,
    is_encrypted_file,
)
from desktop.handoff.manifest import known_schema_versions
from desktop.models import utcnow
from desktop.security import keyfile
from desktop.security.keyfile import keyfile_path
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
# Bytes 21-23 of every plain SQLite header (payload fractions 64, 32, 32); in a SQLCipher
# file they are ciphertext. Their presence after a damaged start means a damaged plain file.
_SQLITE_FRACTIONS = (slice(21, 24), b"\x40\x20\x20")
_MIN_PAGE = 512  # SQLite and SQLCipher files are whole pages of 512 bytes or a multiple

FileKind = Literal["plain", "encrypted", "unreadable"]


class BackupError(ServiceError):
    """A backup or restore that could not be done; the database was not changed."""


class BackupKeyNeeded(BackupError):
    """An encrypted backup the key at hand does not open, with its own key file beside it:
    an account (or the recovery code) of the database it was made from unwraps its key."""

    def __init__(self, message: str, keys: Path) -> None:
        super().__init__(message)
        self.keys = keys


class PlainBackupRefused(BackupError):
    """A plain backup to restore over an encrypted database: it would undo the encryption."""


@dataclass(frozen=True)
class BackupResult:
    """A finished backup file."""

    path: Path
    size: int
    created_at: datetime


def _integrity(path: Path, key: bytes | None = None) -> list[str]:
    """`PRAGMA integrity_check` of a database file opened read-only; ["ok"] when sound."""
    try:
        with closing(connect_file(path, key, read_only=True)) as conn:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except DBAPI_DATABASE_ERRORS as exc:
        return [str(exc)]
    if rows == ["ok"] and (revision is None or revision[0] not in known_schema_versions()):
        return [f"cấu trúc dữ liệu {revision[0] if revision else '?'} không được phiên bản "
                "HoaNhap này hỗ trợ"]
    return rows


def file_kind(path: Path) -> FileKind:
    """What a database file looks like from its bytes: a plain SQLite file, a SQLCipher one
    (a random start, no SQLite header structure, whole pages), or neither (damaged)."""
    try:
        with open(path, "rb") as f:
            head = f.read(100)
        size = Path(path).stat().st_size
    except OSError:
        return "unreadable"
    if head.startswith(SQLITE_HEADER):
        return "plain"
    where, fractions = _SQLITE_FRACTIONS
    if size == 0 or size % _MIN_PAGE or head[where] == fractions:
        return "unreadable"
    return "encrypted"


def _opens(path: Path, key: bytes) -> bool:
    """Whether `key` decrypts the first page of the encrypted file at `path` (damage further
    on is the integrity check's to report)."""
    try:
        with closing(connect_file(path, key, read_only=True)) as conn:
            conn.execute("PRAGMA user_version").fetchone()  # page 1 only, not the schema
    except DBAPI_DATABASE_ERRORS:
        return False
    return True


def require_key_opens(path: Path, key: bytes | None, *, own_key: bool = False) -> None:
    """Refuse, saying why, an encrypted backup that `key` does not open: its key file is
    missing beside it; it needs its own key (`BackupKeyNeeded`); or — `own_key`: the key
    came from that very key file — the backup or its key file is damaged."""
    if key is not None and _opens(path, key):
        return
    keys = keyfile_path(path)
    if own_key:
        raise BackupError(f"Bản sao lưu {path} không mở được bằng khóa trong tệp khóa "
                          f"{keys.name} đặt cạnh nó: bản sao lưu bị hỏng, hoặc tệp khóa đó "
                          "không phải của nó.")
    if not keys.exists():
        raise BackupError(f"Bản sao lưu {path} được mã hóa nhưng thiếu tệp khóa {keys.name} "
                          "đặt cạnh bản sao lưu nên không mở được. Hãy chép tệp khóa đi kèm "
                          "bản sao lưu (cùng tên, thêm đuôi .keys) vào cùng thư mục với nó "
                          "rồi thử lại.")
    raise BackupKeyNeeded(
        f"Bản sao lưu {path} được mã hóa bằng khóa của một cơ sở dữ liệu khác (ví dụ của máy "
        "cũ), không phải khóa của cơ sở dữ liệu đang mở: cần tên đăng nhập và mật khẩu của "
        "một tài khoản trong bản sao lưu đó, hoặc mã khôi phục của nó, để mở tệp khóa "
        f"{keys.name} đặt cạnh nó.", keys)


def is_encrypted_database(db_path: Path) -> bool:
    """Whether the database at `db_path` is an encrypted one (SQLCipher file + key file)."""
    return file_kind(db_path) == "encrypted" and keyfile_path(db_path).exists()


def refuse_plain_over_encrypted(db_path: Path, backup_path: Path) -> None:
    """PlainBackupRefused when restoring the plain `backup_path` would decrypt `db_path`."""
    if file_kind(backup_path) == "plain" and is_encrypted_database(db_path):
        raise PlainBackupRefused(
            f"Bản sao lưu {backup_path} chưa được mã hóa: nó được tạo trước khi cơ sở dữ liệu "
            "được mã hóa. Khôi phục nó sẽ để toàn bộ hồ sơ ở dạng không mã hóa, nên HoaNhap "
            "không khôi phục. Hãy chọn một bản sao lưu được tạo sau khi mã hóa.")


def _copy_online(source: Path, target: Path, *, read_only: bool,
                 key: bytes | None = None) -> None:
    """Copy `source` into a fresh `target` with the backup API; target ends self-contained
    (and encrypted with `key`, the key `source` is encrypted with, if any)."""
    with closing(connect_file(source, key, read_only=read_only)) as src, \
            closing(connect_file(target, key)) as dst:
        # One step copies every page under a single read snapshot: consistent under WAL.
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


def _checked_copy(source: Path, dest: Path, *, read_only: bool,
                  key: bytes | None = None) -> Path:
    """A verified copy of `source` in a temporary file beside `dest` (caller renames it)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        _copy_online(source, tmp, read_only=read_only, key=key)
        problems = _integrity(tmp, key)
    except DBAPI_DATABASE_ERRORS as exc:
        problems = [str(exc)]
    if problems != ["ok"]:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"Tệp {source} bị hỏng hoặc không phải cơ sở dữ liệu HoaNhap "
                          f"({'; '.join(problems[:2])}); không dùng được.")
    return tmp


def _backup(db: Database, dest: Path) -> BackupResult:
    tmp = _checked_copy(db.path, dest, read_only=False, key=db.key)
    if db.keyfile is not None:
        # The key file first: a backup must never exist without the means to open it.
        keyfile.write_keyfile(keyfile_path(dest), keyfile.read_keyfile(db.keyfile))
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
        keyfile_path(old).unlink(missing_ok=True)
    return result


def list_backups(folder: Path) -> list[Path]:
    """The automatic backups in `folder`, oldest first (not those of other databases, which
    are in folders of their own inside it: see `config.backups_dir`)."""
    if not Path(folder).is_dir():
        return []
    return sorted(p for p in Path(folder).iterdir()
                  if p.name.startswith(BACKUP_PREFIX) and p.name.endswith(BACKUP_SUFFIX)
                  and p.is_file())


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


def _keep_previous(db_path: Path, key: bytes | None) -> Path | None:
    """Copy the database being replaced (with its WAL content) and its key file beside it;
    `key` is the key it is encrypted with, if known."""
    if not db_path.exists():
        return None
    kept = db_path.with_name(f"{db_path.name}.before-restore-{datetime.now():%Y%m%d-%H%M%S}")
    # When the key does not open it (another database's backup restored without its key
    # at hand, a damaged file), its bytes are kept as they are.
    current_key = key if is_encrypted_file(db_path) else None
    try:
        _copy_online(db_path, kept, read_only=False, key=current_key)
    except DBAPI_DATABASE_ERRORS:
        kept.unlink(missing_ok=True)
        shutil.copy2(db_path, kept)
        wal = Path(f"{db_path}-wal")
        if wal.exists():  # frames not yet in the file: they open with the kept copy
            shutil.copy2(wal, f"{kept}-wal")
    if keyfile_path(db_path).exists():
        shutil.copy2(keyfile_path(db_path), keyfile_path(kept))
    return kept


def _install_keyfile(db_path: Path, backup_path: Path, encrypted: bool) -> None:
    """The restored database's key file: the backup's own, when it has one beside it."""
    source, target = keyfile_path(backup_path), keyfile_path(db_path)
    if encrypted and source.exists():
        keyfile.write_keyfile(target, keyfile.read_keyfile(source))
    elif not encrypted:
        target.unlink(missing_ok=True)  # kept above; a plain database has no key file


def verify_backup(backup_path: Path, key: bytes | None = None, *,
                  own_key: bool = False) -> int:
    """Check a backup file without changing anything (the screen's step before restoring);
    `key` opens an encrypted one: the open database's (its own backups), or — `own_key` —
    the one unwrapped from the backup's key file.

    Returns its size in bytes; BackupError when it is missing, damaged, not a HoaNhap
    database, or of a data structure this version does not know; BackupKeyNeeded when it
    is encrypted with another key and its key file is beside it.
    """
    path = Path(backup_path)
    if not path.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {path}.")
    encrypted = file_kind(path) == "encrypted"
    if encrypted:
        require_key_opens(path, key, own_key=own_key)
    problems = _integrity(path, key if encrypted else None)
    if problems != ["ok"]:
        raise BackupError(f"Tệp {path} bị hỏng hoặc không phải cơ sở dữ liệu HoaNhap "
                          f"({'; '.join(problems[:2])}); không dùng được.")
    return path.stat().st_size


def restore(db_path: Path, backup_path: Path, key: bytes | None = None, *,
            own_key: bool = False, current_key: bytes | None = None,
            allow_plain: bool = False) -> Path | None:
    """Replace the database at `db_path` by a checked copy of `backup_path` (opened with
    `key` when the backup is encrypted — `own_key`: unwrapped from the backup's own key
    file; its key file, if beside it, comes along). `current_key` is the key of the
    database replaced, when it differs from `key` (another database's backup).

    Refused (BackupError, nothing changed) when the backup fails its integrity check, is
    encrypted and `key` does not open it, is plain while the database is encrypted (unless
    `allow_plain`: the restored database is then unencrypted), or another process has the
    database open. Returns where the replaced database was kept.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    if not backup_path.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {backup_path}.")
    # Neither plain nor encrypted-looking: damaged, which the integrity check reports.
    encrypted = file_kind(backup_path) == "encrypted"
    if encrypted:
        require_key_opens(backup_path, key, own_key=own_key)
    elif not allow_plain:
        refuse_plain_over_encrypted(db_path, backup_path)
    with _exclusive(db_path):
        tmp = _checked_copy(backup_path, db_path, read_only=True,
                            key=key if encrypted else None)
        kept = _keep_previous(db_path, current_key or key)
        _install_keyfile(db_path, backup_path, encrypted)
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
