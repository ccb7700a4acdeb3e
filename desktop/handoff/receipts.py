"""Receipts (HANDOFF.md §4 rule 8): the recipient's signed confirmation, carried back.

A `receipt` package has one table, `data/receipts.jsonl`, one line per package received:

    {"id": <package_id received>, "unit_code": <receiving unit>, "version": 1,
     "updated_at": <imported_at>, "deleted_at": null, "package_kind": "full",
     "sender_code": <unit that sent it>, "imported_at": "…+00:00",
     "imported_by": "…", "counts": {table: {"new": n, "changed": n, …}}}

Applying a receipt marks our `sent_packages.receipt_at`; a line for a package we did not
send (or sent to another unit) is skipped, never an error.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from desktop.handoff.container import OpenedPackage
from desktop.handoff.manifest import PackageRejected
from desktop.handoff.preview import TablePlan
from desktop.handoff.records import Line
from desktop.models import ImportedPackage, SentPackage
from desktop.services.errors import ServiceError

TABLE = "receipts"
_FIELDS = ("id", "unit_code", "version", "updated_at", "deleted_at", "package_kind",
           "sender_code", "imported_at", "imported_by", "counts")


def receipt_lines(session: Session, home: str,
                  package_ids: Sequence[str]) -> tuple[str, list[Line]]:
    """(sender unit, lines) confirming `package_ids`, all imported here from one unit."""
    rows = list(session.scalars(select(ImportedPackage)
                                .where(ImportedPackage.package_id.in_(package_ids))))
    missing = sorted(set(package_ids) - {r.package_id for r in rows})
    if missing:
        raise ServiceError(f"Gói {missing[0]} chưa được nhập ở máy này; không lập được "
                           "giấy xác nhận cho gói đó.")
    senders = sorted({r.unit_code for r in rows})
    if len(senders) != 1:
        raise ServiceError("Một giấy xác nhận chỉ dành cho các gói của cùng một đơn vị gửi "
                           f"(đang chọn gói của {', '.join(senders)}).")
    lines: list[Line] = [{
        "id": r.package_id, "unit_code": home, "version": 1,
        "updated_at": r.imported_at.astimezone(UTC).isoformat(), "deleted_at": None,
        "package_kind": r.kind, "sender_code": r.unit_code,
        "imported_at": r.imported_at.astimezone(UTC).isoformat(),
        "imported_by": r.imported_by, "counts": json.loads(r.counts_json),
    } for r in sorted(rows, key=lambda r: r.package_id)]
    return senders[0], lines


def _fault(number: int, text: str) -> PackageRejected:
    return PackageRejected(f"Tệp data/{TABLE}.jsonl, dòng {number}: {text}.")


def _parse(line: Mapping[str, object], number: int) -> tuple[str, datetime]:
    if sorted(line) != sorted(_FIELDS):
        raise _fault(number, "các trường không đúng mẫu giấy xác nhận")
    package_id, imported_at = line["id"], line["imported_at"]
    if not isinstance(package_id, str) or not _is_uuid(package_id):
        raise _fault(number, "trường “id” phải là UUID dạng chuẩn")
    try:
        moment = datetime.fromisoformat(str(imported_at)) if isinstance(imported_at, str) \
            else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise _fault(number, "trường “imported_at” phải là thời điểm ISO 8601 có múi giờ")
    if not isinstance(line["counts"], dict):
        raise _fault(number, "trường “counts” phải là một đối tượng JSON")
    return package_id, moment.astimezone(UTC)


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def plan_receipt(session: Session, opened: OpenedPackage) -> TablePlan:
    """Which of our sent packages the receipt confirms (updates), already did, or skips."""
    confirmer = opened.manifest.unit.code
    parsed = [_parse(line, n) for n, line in enumerate(opened.tables.get(TABLE, []), start=1)]
    ids = [package_id for package_id, _ in parsed]
    sent = {p.package_id: p for p in session.scalars(
        select(SentPackage).where(SentPackage.package_id.in_(ids)))}
    plan = TablePlan(TABLE)
    for package_id, received_at in parsed:
        row = sent.get(package_id)
        if row is None or row.recipient_code not in (None, confirmer):
            plan.skipped += 1
        elif row.receipt_at is not None:
            plan.unchanged += 1
        else:
            plan.updates.append({"package_id": package_id, "receipt_at": received_at})
    return plan


def write_receipts(session: Session, plan: TablePlan) -> None:
    """Mark the confirmed packages as received (one bulk UPDATE)."""
    if not plan.updates:
        return
    # Core, not ORM: an executemany UPDATE with its own WHERE needs no session bookkeeping.
    table = cast(Table, SentPackage.__table__)
    stmt = update(table).where(table.c.package_id == bindparam("match_id")).values(
        receipt_at=bindparam("at"))
    session.execute(stmt, [{"match_id": v["package_id"], "at": v["receipt_at"]}
                           for v in plan.updates])
