"""Command line: no arguments opens the GUI; sub-commands run headless jobs.

Exit codes: 0 success, 1 a user error (one Vietnamese line on stderr), 2 a usage error,
3 an unexpected internal error (details written to the log file, never a traceback).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from desktop import __version__
from desktop.commands import dispatch
from desktop.commands.errors import USER_ERRORS, UsageError, user_message

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

log = logging.getLogger("hoanhap")


class VietnameseParser(argparse.ArgumentParser):
    """argparse with its error line in Vietnamese (exit 2, as for any usage error)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"hoanhap: lỗi cú pháp lệnh: {message}\n")


def _db_arg(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--db", type=Path, required=required, metavar="PATH",
                   help="tệp cơ sở dữ liệu")


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """`argv` parsed; `command` is None for the GUI.

    Without a word that could name a command (a double-click, `--demo`, `--self-test`),
    the sub-commands' parsers are not built: they are a tenth of the time before the GUI's
    first window, and such a line parses the same without them."""
    argv = list(argv)
    wants_commands = any(not a.startswith("-") or a in ("-h", "--help") for a in argv)
    return build_parser(commands=wants_commands).parse_args(argv)


def build_parser(commands: bool = True) -> VietnameseParser:
    """The options; all sub-commands and theirs unless `commands` is False."""
    parser = VietnameseParser(prog="hoanhap", description="HoaNhap — quản lý người chấp hành "
                              "xong án phạt tù tái hòa nhập cộng đồng")
    parser.add_argument("--version", action="version", version=f"HoaNhap {__version__}")
    _db_arg(parser, required=False)
    parser.add_argument("--demo", action="store_true", help="mở giao diện trên dữ liệu mẫu")
    parser.add_argument("--self-test", action="store_true",
                        help="tự kiểm tra bản cài đặt trên dữ liệu tạm rồi thoát (0: đạt)")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", parser_class=VietnameseParser)

    p = sub.add_parser("init", help="khởi tạo cơ sở dữ liệu, đơn vị và tài khoản quản trị")
    _db_arg(p)
    p.add_argument("--unit-code", required=True)
    p.add_argument("--unit-name", required=True)
    p.add_argument("--province", required=True)
    p.add_argument("--admin", required=True, metavar="NAME", help="tên đăng nhập quản trị")
    p.add_argument("--admin-full-name", default="Quản trị hệ thống")
    p.add_argument("--admin-password-file", required=True, type=Path, metavar="F")
    p.add_argument("--place-name", default="")
    p.add_argument("--recipient-name", default="")
    p.add_argument("--plain", action="store_true",
                   help="không mã hóa cơ sở dữ liệu (mặc định: mã hóa, in mã khôi phục)")

    p = sub.add_parser("demo", help="tạo cơ sở dữ liệu mẫu")
    _db_arg(p)
    p.add_argument("--persons", type=int, default=40, help="số người mỗi đơn vị")
    p.add_argument("--units", type=int, default=1)
    p.add_argument("--years", type=int, default=3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--today", metavar="YYYY-MM-DD", help="ngày coi là hôm nay (tái lập)")

    p = sub.add_parser("figures", help="in bộ số liệu báo cáo của một kỳ")
    _db_arg(p)
    p.add_argument("--period", required=True, metavar="P",
                   help="2026-M07, 2026-Q3, 2026-H1, 2026-Y, 2021-03-22..2025-10-31")
    p.add_argument("--unit", metavar="CODE")
    p.add_argument("--by-year", action="store_true")
    p.add_argument("--json", action="store_true")

    _report_parser(sub)

    p = sub.add_parser("check", help="kiểm tra toàn vẹn, khóa ngoại và chuỗi nhật ký")
    _db_arg(p)

    p = sub.add_parser("verify", help="kiểm tra chữ ký số của một báo cáo PDF")
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    _db_arg(p, required=False)
    _exchange_parsers(sub)
    _backup_parsers(sub)
    _intake_parsers(sub)
    _encryption_parsers(sub)
    for name, command in sub.choices.items():
        if name not in ("init", "demo", "encrypt", "recover") and \
                "--db" in command._option_string_actions:
            _unlock_args(command)
    return parser


def _unlock_args(p: argparse.ArgumentParser) -> None:
    """How a command opens an encrypted database (see desktop/commands/opening.py)."""
    if "--user" not in p._option_string_actions:
        p.add_argument("--user", metavar="NAME",
                       help="tài khoản (cơ sở dữ liệu mã hóa: mật khẩu của nó mở khóa)")
    if "--password-file" not in p._option_string_actions:
        p.add_argument("--password-file", type=Path, metavar="F")
    p.add_argument("--recovery-code-file", type=Path, metavar="F",
                   help="mở cơ sở dữ liệu mã hóa bằng mã khôi phục (dòng đầu của tệp)")


def _encryption_parsers(sub: argparse._SubParsersAction[VietnameseParser]) -> None:
    p = sub.add_parser("encrypt", help="mã hóa một cơ sở dữ liệu đang không mã hóa "
                       "(in mã khôi phục một lần)")
    _db_arg(p)
    p.add_argument("--user", required=True, metavar="NAME", help="tài khoản quản trị")
    p.add_argument("--password-file", required=True, type=Path, metavar="F")

    p = sub.add_parser("recover", help="dùng mã khôi phục đặt mật khẩu mới cho một tài khoản "
                       "của cơ sở dữ liệu mã hóa")
    _db_arg(p)
    p.add_argument("--recovery-code-file", required=True, type=Path, metavar="F")
    p.add_argument("--user", required=True, metavar="NAME", help="tài khoản cần mật khẩu mới")
    p.add_argument("--new-password-file", required=True, type=Path, metavar="F")


def _login_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", metavar="NAME", help="tài khoản thực hiện")
    p.add_argument("--password-file", type=Path, metavar="F")


def _exchange_parsers(sub: argparse._SubParsersAction[VietnameseParser]) -> None:
    p = sub.add_parser("export", help="xuất gói dữ liệu (.hnp) để chép sang USB")
    _db_arg(p)
    p.add_argument("--out", required=True, type=Path, metavar="FILE_OR_DIR",
                   help="thư mục, hoặc tệp .hnp")
    p.add_argument("--kind", choices=("full", "changes"), default="full",
                   help="full: toàn bộ; changes: các thay đổi từ gói trước gửi cùng đơn vị")
    p.add_argument("--to", metavar="UNIT_CODE", help="mã đơn vị nhận")
    lock = p.add_mutually_exclusive_group(required=True)
    lock.add_argument("--passphrase-file", type=Path, metavar="F", help="mật khẩu của gói")
    lock.add_argument("--recipient-key", metavar="KEY", help="khóa nhận gói age1… của đơn vị nhận")
    lock.add_argument("--plain", action="store_true", help="không mã hóa (chỉ để thử nghiệm)")
    _login_args(p)

    p = sub.add_parser("import", help="xem trước và nhập một gói dữ liệu (.hnp)")
    _db_arg(p)
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--passphrase-file", type=Path, metavar="F")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    p.add_argument("--accept-new-key", action="store_true",
                   help="chấp nhận khóa ký mới sau khi đã đối chiếu vân tay qua điện thoại")

    p = sub.add_parser("key-card", help="xuất thẻ khóa của đơn vị, hoặc nhập thẻ khóa của "
                       "đơn vị khác")
    _db_arg(p)
    card = p.add_mutually_exclusive_group(required=True)
    card.add_argument("--out", type=Path, metavar="FILE_OR_DIR",
                      help="ghi thẻ khóa của đơn vị này (thư mục, hoặc tệp .json)")
    card.add_argument("--import", dest="import_file", type=Path, metavar="FILE",
                      help="nhập thẻ khóa của đơn vị khác")
    p.add_argument("--accept-new-key", action="store_true",
                   help="chấp nhận khóa của đơn vị mới sau khi đã đối chiếu vân tay")
    _login_args(p)


def _backup_parsers(sub: argparse._SubParsersAction[VietnameseParser]) -> None:
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (đang mở vẫn sao lưu được)")
    _db_arg(p)
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    _login_args(p)

    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ bản sao lưu đã kiểm tra")
    _db_arg(p)
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--allow-unencrypted", action="store_true",
                   help="cho khôi phục bản sao lưu chưa mã hóa đè lên cơ sở dữ liệu đã mã hóa "
                        "(sau đó cơ sở dữ liệu KHÔNG còn mã hóa: chạy hoanhap encrypt)")


def _intake_parsers(sub: argparse._SubParsersAction[VietnameseParser]) -> None:
    p = sub.add_parser("import-excel", help="xem trước và nhập danh sách người từ tệp Excel")
    _db_arg(p)
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--sheet", metavar="NAME", help="tên trang tính (mặc định: tự tìm)")
    p.add_argument("--header-row", type=int, metavar="N",
                   help="dòng tiêu đề (mặc định: tự tìm trong 20 dòng đầu)")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    p.add_argument("--rejected-out", type=Path, metavar="FILE.xlsx",
                   help="ghi các dòng bị từ chối (kèm cột «Lỗi») để sửa rồi nhập lại")
    _login_args(p)

    p = sub.add_parser("excel-template", help="ghi tệp Excel mẫu để điền danh sách người")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")


def _report_parser(sub: argparse._SubParsersAction[VietnameseParser]) -> None:
    p = sub.add_parser("report", help="lập báo cáo (PDF/XLSX), có thể ký số và khóa kỳ")
    _db_arg(p)
    p.add_argument("--form", required=True, metavar="MẪU",
                   help="hcd13, hcd12, hcd09, form01; về một người: hcd02, hcd05, hcd07, "
                        "hcd08, hcd10, hcd11")
    p.add_argument("--period", metavar="P",
                   help="2026-M07, 2026-Q3, 2026-H1, 2026-Y, 2021-03-22..2025-10-31 "
                        "(hcd05, hcd07, hcd10, hcd11: không dùng; hcd02: mặc định từ ngày "
                        "tiếp nhận)")
    p.add_argument("--person", metavar="MÃ", help="mã hồ sơ hoặc số CCCD của người (mẫu "
                                                 "hcd02, hcd05, hcd07, hcd08, hcd10, hcd11)")
    p.add_argument("--reason", metavar="LÝ_DO", help="hcd10, hcd11: lý do kết thúc quản lý "
                   "(expunged, moved, abroad, missing, died, new_sentence; mặc định: đã ghi)")
    p.add_argument("--end-date", metavar="YYYY-MM-DD",
                   help="hcd10, hcd11: ngày kết thúc quản lý (mặc định: đã ghi)")
    p.add_argument("--unit", metavar="CODE", help="đơn vị (mặc định: đơn vị của máy)")
    p.add_argument("--all-units", action="store_true", help="bản tổng hợp mọi đơn vị")
    p.add_argument("--out", required=True, action="append", type=Path, metavar="FILE",
                   help="tệp .pdf hoặc .xlsx; nhắc lại để ghi cả hai từ cùng một số liệu")
    p.add_argument("--number", default="", metavar="SỐ", help="số văn bản (để trống: viết tay)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="ngày ghi trên văn bản (mặc định: hôm nay)")
    p.add_argument("--user", metavar="NAME", help="tài khoản lập/ký báo cáo")
    p.add_argument("--password-file", type=Path, metavar="F")
    p.add_argument("--sign-p12", type=Path, metavar="FILE", help="chứng thư số .p12/.pfx")
    p.add_argument("--sign-pass-file", type=Path, metavar="F")


def _run_guarded(action: Callable[[], int]) -> int:
    try:
        return action()
    except UsageError as exc:
        print(f"hoanhap: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except USER_ERRORS as exc:
        print(f"hoanhap: {user_message(exc)}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("hoanhap: đã dừng theo yêu cầu.", file=sys.stderr)
        return EXIT_USER
    except Exception:
        from desktop.commands.errors import log_crash

        where = log_crash()
        print(f"hoanhap: lỗi không mong đợi; chi tiết đã ghi vào {where}", file=sys.stderr)
        return EXIT_INTERNAL


def _utf8_output() -> None:
    """Print Vietnamese (and ✓) whatever the console's code page: on Windows, output sent
    to a file or pipe is otherwise encoded in the ANSI code page, which cannot hold most
    Vietnamese letters, and a command would fail after its work, before saying so."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or ""
        if hasattr(stream, "reconfigure") and encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `hoanhap` console script."""
    _utf8_output()
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.self_test:  # before the GUI: it must work on a PC nobody has set up yet
        from desktop.selftest import main as self_test

        return _run_guarded(self_test)
    if args.command is None:
        return _run_guarded(lambda: dispatch.gui(args))
    return _run_guarded(lambda: dispatch.run(args))


if __name__ == "__main__":
    sys.exit(main())
