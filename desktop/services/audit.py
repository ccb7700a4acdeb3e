"""The append-only, hash-chained audit trail: writing entries and verifying the chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import AuditEntry, new_id, utcnow
from desktop.services.access import Actor

GENESIS_HASH = "0" * 64


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def entry_digest(entry: AuditEntry) -> str:
    """SHA-256 over the entry's content and the previous hash, canonical JSON."""
    body = {
        "seq": entry.seq, "id": entry.id, "unit_code": entry.unit_code,
        "at": entry.at.isoformat(), "actor": entry.actor, "action": entry.action,
        "entity": entry.entity, "entity_id": entry.entity_id, "changes": entry.changes,
        "prev_hash": entry.prev_hash,
    }
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Change:
    """One change to append to the audit trail."""

    action: str
    entity: str
    entity_id: str | None
    changes: dict[str, tuple[Any, Any]] | None = None
    at: datetime | None = None  # when it happened: now, unless back-filled (demo data)


def append_changes(session: Session, actor: Actor, items: list[Change],
                   unit_code: str | None = None) -> list[AuditEntry]:
    """Append entries to the chain in order, inside the caller's transaction, one flush."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0], last[1]) if last else (0, GENESIS_HASH)
    now = utcnow()
    entries = []
    for item in items:
        seq += 1
        payload = {k: [_jsonable(old), _jsonable(new)]
                   for k, (old, new) in (item.changes or {}).items()}
        entry = AuditEntry(
            id=new_id(), seq=seq, at=item.at or now, actor=actor.username,
            action=item.action, entity=item.entity, entity_id=item.entity_id,
            unit_code=unit_code or actor.unit_code,
            changes=json.dumps(payload, sort_keys=True, ensure_ascii=False),
            prev_hash=prev, created_at=now, updated_at=now,
        )
        entry.entry_hash = prev = entry_digest(entry)
        entries.append(entry)
    session.add_all(entries)
    session.flush()
    return entries


def write_audit(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: str | None,
    changes: dict[str, tuple[Any, Any]] | None = None,
    unit_code: str | None = None,
) -> AuditEntry:
    """Append one entry to the chain, inside the caller's transaction."""
    return append_changes(session, actor, [Change(action, entity, entity_id, changes)],
                          unit_code)[0]


@dataclass(frozen=True)
class ChainBreak:
    """The first audit entry whose hash or link does not hold."""

    seq: int
    reason: str


def verify_chain(session: Session) -> ChainBreak | None:
    """Walk the chain in order; None when every link and hash holds."""
    prev = GENESIS_HASH
    expected_seq = 1
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    for entry in rows:
        if entry.seq != expected_seq:
            return ChainBreak(expected_seq, f"thiếu mục nhật ký số {expected_seq}")
        if entry.prev_hash != prev:
            return ChainBreak(entry.seq, "liên kết với mục trước bị sai")
        if entry_digest(entry) != entry.entry_hash:
            return ChainBreak(entry.seq, "nội dung đã bị sửa")
        prev = entry.entry_hash
        expected_seq += 1
    return None


def audit_count(session: Session) -> int:
    """Number of entries in the chain."""
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
