"""`hoanhap key-card`: write this unit's key card, or register another unit's from its card.

    hoanhap key-card --db PATH --out FILE_OR_DIR
    hoanhap key-card --db PATH --import FILE [--accept-new-key]

Like `import`, a card of a unit not yet registered is refused until the fingerprint was
compared by phone and the command is run again with --accept-new-key.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.errors import CommandError
from desktop.commands.exchange_cmd import cli_actor
from desktop.commands.opening import open_db
from desktop.services import key_cards


def key_card(args: argparse.Namespace) -> int:
    """Export (--out) or import (--import) a key card."""
    if args.out is not None:  # argparse makes sure exactly one of the two is given
        return _export(args)
    return _import(args)


def _export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not out.is_dir() and not out.parent.is_dir():
        raise CommandError(f"Không có thư mục {out.parent} để ghi thẻ khóa.")
    db = open_db(args)
    try:
        written = key_cards.export_key_card(db, cli_actor(db, args.user, args.password_file),
                                            out)
    finally:
        db.close()
    print(f"Đã ghi thẻ khóa của {written.unit_name} ({written.unit_code}): {written.path}")
    print(f"Vân tay: {written.fingerprint_display}")
    print(f"Khóa nhận gói: {written.age_recipient}")
    return 0


def _import(args: argparse.Namespace) -> int:
    path = Path(args.import_file)
    data = path.read_bytes()
    db = open_db(args)
    try:
        result = key_cards.import_key_card(db, cli_actor(db, args.user, args.password_file),
                                           data, path.name,
                                           accept_new_key=args.accept_new_key)
    except key_cards.UnknownCardKey as exc:
        raise CommandError(f"{exc.message} Sau khi xác nhận, chạy lại với --accept-new-key.")\
            from None
    finally:
        db.close()
    print(result.message)
    print(f"Vân tay: {result.preview.fingerprint_display}")
    return 0
