"""`hoanhap backup` and `hoanhap restore`: a checked copy of the database, and putting one back.

Without --user the command line acts as the home unit's administrator for `backup`: it
runs with direct access to the database file, which it could copy anyway; the online
backup API just makes that copy consistent and checked.
"""

from __future__ import annotations

import argparse

from desktop.commands.exchange_cmd import cli_actor
from desktop.commands.opening import database_key, open_db
from desktop.db import is_encrypted_file
from desktop.formatting import format_int
from desktop.security.keyfile import keyfile_path
from desktop.services import backup as backups


def backup(args: argparse.Namespace) -> int:
    """Copy the database to --out with SQLite's online backup API."""
    db = open_db(args)
    try:
        actor = cli_actor(db, args.user, args.password_file, role="admin")
        result = backups.backup_to(db, actor, args.out)
    finally:
        db.close()
    print(f"Đã sao lưu {args.db} vào {result.path} ({format_int(result.size)} byte, đã kiểm "
          "tra toàn vẹn).")
    return 0


def _backup_key(args: argparse.Namespace) -> bytes | None:
    """An encrypted backup's key: unwrapped from the key file beside the backup, else the
    one beside the database (a database keeps its key for life)."""
    keys = next((k for k in (keyfile_path(args.file), keyfile_path(args.db)) if k.exists()),
                None)
    if not is_encrypted_file(args.file) or keys is None:
        return None  # plain, or damaged: the restore's check says which
    return database_key(args.db, args, keys)


def restore(args: argparse.Namespace) -> int:
    """Replace the database by a backup that passes the integrity check."""
    kept = backups.restore(args.db, args.file, key=_backup_key(args))
    where = f"; bản cũ được giữ tại {kept}" if kept is not None else ""
    print(f"Đã khôi phục {args.db} từ {args.file}{where}.")
    return 0
