"""`hoanhap export` and `hoanhap import`: USB handoff packages from the command line.

A refused import prints one Vietnamese line, exits 1 and writes nothing — not even an
audit entry — which is why `import` has no --user: logging in is itself audited.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.errors import CommandError
from desktop.commands.opening import open_db
from desktop.commands.setup import read_secret
from desktop.db import Database
from desktop.formatting import format_datetime
from desktop.handoff.container import EXTENSION
from desktop.handoff.preview import ImportPreview
from desktop.services import exchange, units, users
from desktop.services.access import Actor

KIND_LABELS = {"full": "đầy đủ", "changes": "thay đổi", "transfer": "chuyển hồ sơ",
               "receipt": "xác nhận đã nhận"}
COLUMNS = (("new", "mới"), ("changed", "cập nhật"), ("unchanged", "không đổi"),
           ("older", "cũ hơn"), ("conflicting", "xung đột"), ("skipped", "chỉ trong gói"))


def cli_actor(db: Database, user: str | None, password_file: Path | None,
              role: str = "officer") -> Actor:
    """The logged-in account (--user/--password-file), else the command line acting for
    the home unit with `role`."""
    if user:
        if password_file is None:
            raise CommandError("Thiếu --password-file cho tài khoản --user.")
        return users.login(db, user, read_secret(password_file))
    home = units.home_unit(db)
    if home is None:
        raise CommandError("Cơ sở dữ liệu chưa có đơn vị: hãy chạy hoanhap init trước.")
    return Actor(username="cli", full_name="Dòng lệnh HoaNhap", role=role, unit_code=home.code)


def _destination(out: Path) -> tuple[Path, str | None]:
    if out.suffix.lower() == EXTENSION:
        if not out.parent.is_dir():
            raise CommandError(f"Không có thư mục {out.parent} để ghi gói.")
        return out.parent, out.name
    if not out.is_dir():
        raise CommandError(f"--out phải là thư mục có sẵn hoặc tệp có đuôi {EXTENSION} "
                           f"(đã cho {out}).")
    return out, None


def export(args: argparse.Namespace) -> int:
    """Write a full or changes package of the home unit."""
    out_dir, name = _destination(args.out)
    passphrase = read_secret(args.passphrase_file) if args.passphrase_file else None
    db = open_db(args)
    try:
        actor = cli_actor(db, args.user, args.password_file)
        result = exchange.export_package(
            db, actor, out_dir, args.kind, args.to, passphrase=passphrase,
            recipient_key=args.recipient_key, plain=args.plain, file_name=name)
    finally:
        db.close()
    total = sum(result.counts.values())
    lock = "đã mã hóa" if result.encrypted else "KHÔNG mã hóa"
    print(f"Đã xuất gói {KIND_LABELS[result.kind]} ({lock}): {result.path} — {total} bản ghi. "
          f"Mã gói {result.package_id}.")
    return 0


def import_(args: argparse.Namespace) -> int:
    """Preview and apply a package; a new signing key needs --accept-new-key."""
    passphrase = read_secret(args.passphrase_file) if args.passphrase_file else None
    db = open_db(args)
    try:
        actor = cli_actor(db, None, None)
        result = exchange.import_package(db, actor, args.file, passphrase,
                                         accept_new_key=args.accept_new_key,
                                         dry_run=args.dry_run)
    except exchange.UnknownSigningKey as exc:
        raise CommandError(f"{exc.message} Sau khi xác nhận, chạy lại với --accept-new-key.")\
            from None
    finally:
        db.close()
    print_preview(result.preview)
    print(result.message)
    return 0


def print_preview(preview: ImportPreview) -> None:
    """The package header, a table of counts per table, then the warnings."""
    print(f"Gói {KIND_LABELS.get(preview.kind, preview.kind)} của {preview.unit_code} – "
          f"{preview.unit_name}, lập {format_datetime(preview.created_at)} bởi {preview.created_by}"
          f" (mã gói {preview.package_id}).")
    if preview.tables:
        print(_row("Bảng", [label for _, label in COLUMNS]))
        for table in preview.tables:
            counts = table.as_dict()
            print(_row(table.table, [str(counts[key]) for key, _ in COLUMNS]))
    for warning in preview.warnings:
        print(f"Lưu ý: {warning}")
    for report in preview.reports:
        print(f"Báo cáo kèm theo: {report}")


def _row(first: str, cells: list[str]) -> str:
    # Each column as wide as its Vietnamese heading, numbers right-aligned under it.
    widths = [len(label) + 2 for _, label in COLUMNS]
    return f"{first:15}" + "".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True))
