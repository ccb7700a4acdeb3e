"""`hoanhap encrypt` and `hoanhap recover`: converting a plain database, and using the
recovery code to give an account a new password.

The recovery code is printed once (`print_recovery_code`), framed so it stands out: the
office prints or copies it and keeps it locked away. It is not written anywhere else.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.errors import CommandError
from desktop.commands.setup import read_secret
from desktop.db import open_database
from desktop.services import encryption, users


def print_recovery_code(code: str) -> None:
    """The recovery code, once, with what to do with it."""
    rule = "=" * 60
    print(rule)
    print("MÃ KHÔI PHỤC (chỉ hiện một lần):")
    print(f"    {code}")
    print("Hãy in hoặc chép mã này, cất nơi an toàn của đơn vị (tủ khóa). Khi quên mọi mật "
          "khẩu, chỉ mã này mở lại được cơ sở dữ liệu; ai có mã này cùng tệp dữ liệu thì "
          "đọc được toàn bộ hồ sơ.")
    print(rule)


def encrypt(args: argparse.Namespace) -> int:
    """Convert a plain database to an encrypted one (an administrator's password)."""
    path = Path(args.db)
    if encryption.database_state(path) in ("encrypted", "setup"):
        raise CommandError(f"Cơ sở dữ liệu {path} đã được mã hóa.")
    password = read_secret(args.password_file)
    db = open_database(path, create=False)
    try:
        actor = users.login(db, args.user, password)
        result = encryption.encrypt_database(db, actor, password)
    finally:
        db.close()
    print(f"Đã mã hóa {path}; tệp khóa {path.name}.keys nằm cạnh nó (sao lưu cả hai).")
    print(f"Bản CHƯA mã hóa được giữ tại {result.kept_plain}: sau khi mở thử thành công, hãy "
          "xóa hẳn tệp đó và các bản sao lưu chưa mã hóa.")
    if result.need_new_password:
        print("Các tài khoản sau cần quản trị viên đặt lại mật khẩu trước khi đăng nhập: "
              f"{', '.join(result.need_new_password)}.")
    print_recovery_code(result.recovery_code)
    return 0


def recover(args: argparse.Namespace) -> int:
    """Open an encrypted database with the recovery code and set a user's new password."""
    new_password = read_secret(args.new_password_file)
    db = encryption.open_with_recovery(Path(args.db), read_secret(args.recovery_code_file))
    try:
        view = encryption.recover_access(db, args.user, new_password)
    finally:
        db.close()
    print(f"Đã đặt mật khẩu mới cho tài khoản {view.username}; tài khoản đang hoạt động và "
          "đã được mở khóa.")
    return 0
