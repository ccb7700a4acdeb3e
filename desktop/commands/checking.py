"""`hoanhap check`: SQLite integrity, foreign keys, migration level and the audit chain."""

from __future__ import annotations

import argparse

from desktop.commands.opening import open_db
from desktop.db import current_revision, head_revision, integrity_problems
from desktop.services.audit import audit_count, verify_chain


def check(args: argparse.Namespace) -> int:
    """Print each check's result; exit 0 only when every one holds."""
    db = open_db(args)
    try:
        problems = integrity_problems(db)
        revision = current_revision(db.engine)
        if revision != head_revision():
            problems.append(f"Lược đồ ở phiên bản {revision}, cần {head_revision()}")
        with db.session() as s:
            broken = verify_chain(s)
            entries = audit_count(s)
    finally:
        db.close()
    if broken is not None:
        problems.append(f"Nhật ký kiểm tra bị phá vỡ tại mục số {broken.seq}: {broken.reason}")
    for line in problems:
        print(f"LỖI: {line}")
    if problems:
        return 1
    print(f"Toàn vẹn: tốt. Khóa ngoại: tốt. Nhật ký kiểm tra: {entries} mục, chuỗi băm nguyên vẹn.")
    return 0
