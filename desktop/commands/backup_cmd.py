"""`hoanhap backup` and `hoanhap restore`: a checked copy of the database, and putting one back.

Without --user the command line acts as the home unit's administrator for `backup`: it
runs with direct access to the database file, which it could copy anyway; the online
backup API just makes that copy consistent and checked.

`restore` opens an encrypted backup with its own key file (`FILE.keys`, unwrapped with
--user/--password-file or --recovery-code-file of the backup's database), so another PC's
backup restores too. A plain backup over an encrypted database is refused unless
--allow-unencrypted is given; the command then warns that the database is unencrypted.
"""

from __future__ import annotations

import argparse

from desktop.commands.exchange_cmd import cli_actor
from desktop.commands.opening import database_key, open_db
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


def _backup_key(args: argparse.Namespace) -> tuple[bytes | None, bool]:
    """An encrypted backup's key, and whether it came from the backup's own key file: it is
    unwrapped from the key file beside the backup, else from the one beside the database
    (its own backups open with its key)."""
    if backups.file_kind(args.file) != "encrypted":
        return None, False  # plain, or damaged: the restore's check says which
    own = keyfile_path(args.file)
    keys = own if own.exists() else keyfile_path(args.db)
    if not keys.exists():
        return None, False  # the restore says that the backup's key file is missing
    return database_key(args.file, args, keys), keys == own


def restore(args: argparse.Namespace) -> int:
    """Replace the database by a backup that passes the integrity check; a plain backup over
    an encrypted database only with --allow-unencrypted."""
    key, own_key = _backup_key(args)
    was_encrypted = backups.is_encrypted_database(args.db)
    try:
        kept = backups.restore(args.db, args.file, key=key, own_key=own_key,
                               allow_plain=args.allow_unencrypted)
    except backups.PlainBackupRefused as exc:
        raise backups.PlainBackupRefused(
            f"{exc.message} Nếu vẫn phải khôi phục bản này, chạy lại lệnh với "
            "--allow-unencrypted rồi mã hóa lại bằng `hoanhap encrypt`.") from None
    where = f"; bản cũ được giữ tại {kept}" if kept is not None else ""
    print(f"Đã khôi phục {args.db} từ {args.file}{where}.")
    if was_encrypted and not backups.is_encrypted_database(args.db):
        print(f"Cảnh báo: cơ sở dữ liệu {args.db} giờ KHÔNG được mã hóa; hãy mã hóa lại ngay: "
              f"hoanhap encrypt --db {args.db} --user TÊN --password-file TỆP_MẬT_KHẨU.")
    elif own_key:
        print("Cơ sở dữ liệu đã khôi phục mở bằng tài khoản, mật khẩu và mã khôi phục của "
              "bản sao lưu.")
    return 0
