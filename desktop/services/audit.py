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
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    payload = {k: [_jsonable(old), _jsonable(new)] for k, (old, new) in (changes or {}).items()}
    now = utcnow()
    entry = AuditEntry(
        seq=seq, at=now, actor=actor.username, action=action, entity=entity,
        entity_id=entity_id, unit_code=unit_code or actor.unit_code,
        changes=json.dumps(payload, sort_keys=True, ensure_ascii=False),
        prev_hash=prev, created_at=now, updated_at=now,
    )
    entry.id = new_id()
    entry.entry_hash = entry_digest(entry)
    session.add(entry)
    session.flush()
    return entry


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
