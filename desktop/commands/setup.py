"""`hoanhap init` and `hoanhap demo`: create an office database or a demo one."""

from __future__ import annotations

import argparse
from datetime import date

from desktop.commands.errors import CommandError
from desktop.db import Database, open_database
from desktop.demo import DemoOptions, generate_demo
from desktop.services import units


def read_secret(path: object) -> str:
    """A password from a file: the first line, without its line ending."""
    from pathlib import Path

    text = Path(str(path)).read_text(encoding="utf-8")
    secret = text.splitlines()[0] if text else ""
    if not secret:
        raise CommandError(f"Tệp mật khẩu {path} trống.")
    return secret


def _open_for_init(args: argparse.Namespace) -> Database:
    """A new encrypted database (the default), or with --plain a plain one; an existing
    encrypted database is refused here, as set-up refuses any database set up already."""
    from desktop.services import encryption

    state = encryption.database_state(args.db)
    if state == "encrypted":
        raise CommandError(f"Cơ sở dữ liệu {args.db} đã được thiết lập (và mã hóa); không "
                           "thể thiết lập lại.")
    if args.plain or state == "plain":
        return open_database(args.db)
    return encryption.begin_setup(args.db)


def init(args: argparse.Namespace) -> int:
    """Create (or open) the database, the home unit and the first admin account; unless
    --plain, the database is encrypted and the recovery code is printed once."""
    password = read_secret(args.admin_password_file)
    db = _open_for_init(args)
    code = None
    try:
        units.initialize(
            db, unit_code=args.unit_code, unit_name=args.unit_name, province=args.province,
            admin_username=args.admin, admin_full_name=args.admin_full_name,
            admin_password=password, place_name=args.place_name,
            recipient_name=args.recipient_name,
        )
        if db.key is not None:
            from desktop.security.keyfile import new_recovery_code
            from desktop.services.encryption import finish_setup

            code = new_recovery_code()
            finish_setup(db, code)
    finally:
        db.close()
    lock = "đã mã hóa" if code is not None else "KHÔNG mã hóa"
    print(f"Đã khởi tạo {args.db} ({lock}): đơn vị {args.unit_code} – {args.unit_name}, "
          f"tài khoản quản trị {args.admin}.")
    if code is not None:
        from desktop.commands.encryption_cmd import print_recovery_code

        print_recovery_code(code)
    return 0


def _positive(name: str, value: int, upper: int) -> int:
    if not 1 <= value <= upper:
        raise CommandError(f"--{name} phải từ 1 đến {upper} (đã cho {value}).")
    return value


def demo(args: argparse.Namespace) -> int:
    """Create a fresh demo database; refuses to touch an existing file."""
    if args.db.exists():
        raise CommandError(f"Tệp {args.db} đã tồn tại; dữ liệu mẫu chỉ tạo vào tệp mới.")
    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        raise CommandError(f"--today phải có dạng YYYY-MM-DD (đã cho {args.today}).") from None
    options = DemoOptions(persons=_positive("persons", args.persons, 10_000),
                          units=_positive("units", args.units, 200),
                          years=_positive("years", args.years, 10), seed=args.seed, today=today)
    db = open_database(args.db)
    try:
        summary = generate_demo(db, options)
    finally:
        db.close()
    print(f"Đã tạo dữ liệu mẫu trong {args.db}: {summary.persons} người, đơn vị "
          f"{', '.join(summary.unit_codes)}. Tài khoản: {', '.join(summary.usernames)} "
          f"(mật khẩu {summary.password}).")
    return 0
