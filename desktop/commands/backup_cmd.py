"""`hoanhap backup` and `hoanhap restore`: a checked copy of the database, and putting one back.

Without --user the command line acts as the home unit's administrator for `backup`: it
runs with direct access to the database file, which it could copy anyway; the online
backup API just makes that copy consistent and checked.
"""

from __future__ import annotations

import argparse

from desktop.commands.exchange_cmd import cli_actor
from desktop.db import open_database
from desktop.formatting import format_int
from desktop.services import backup as backups


def backup(args: argparse.Namespace) -> int:
    """Copy the database to --out with SQLite's online backup API."""
    db = open_database(args.db, create=False)
    try:
        actor = cli_actor(db, args.user, args.password_file, role="admin")
        result = backups.backup_to(db, actor, args.out)
    finally:
        db.close()
    print(f"Đã sao lưu {args.db} vào {result.path} ({format_int(result.size)} byte, đã kiểm "
          "tra toàn vẹn).")
    return 0


def restore(args: argparse.Namespace) -> int:
    """Replace the database by a backup that passes the integrity check."""
    kept = backups.restore(args.db, args.file)
    where = f"; bản cũ được giữ tại {kept}" if kept is not None else ""
    print(f"Đã khôi phục {args.db} từ {args.file}{where}.")
    return 0
