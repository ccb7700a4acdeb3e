"""Database snapshots and audit reads shared by the tests of the care-record services."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import func, select

from desktop.db import Database
from desktop.models import (
    AuditEntry,
    CommunityModel,
    ContactLog,
    Evaluation,
    ExcusedWeek,
    Person,
    Support,
    TeamMember,
    Violation,
)
from desktop.services.audit import verify_chain

TODAY = date(2026, 11, 26)  # a Thursday; the person of conftest.add_person came home 08/01/2024
OTHER_UNIT = "99999"

_TABLES = (Person, TeamMember, ContactLog, ExcusedWeek, Evaluation, Support, Violation,
           CommunityModel)


def snapshot(db: Database) -> tuple[int, ...]:
    """Row counts, version sums and the audit length: any write to a care record changes it."""
    with db.transaction() as s:
        counts = [int(s.scalar(select(func.count()).select_from(m)) or 0) for m in _TABLES]
        versions = [int(s.scalar(select(func.coalesce(func.sum(m.version), 0))) or 0)
                    for m in _TABLES]
        audit = int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)
        return (*counts, *versions, audit)


def last_seq(db: Database) -> int:
    """The sequence number of the newest audit entry (0 when there is none)."""
    with db.transaction() as s:
        return int(s.scalar(select(func.max(AuditEntry.seq))) or 0)


def audit_since(db: Database, seq: int) -> list[tuple[str, str, str | None, dict[str, Any]]]:
    """(action, entity, entity id, changes) of the entries after `seq`, in order."""
    with db.transaction() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id,
                                AuditEntry.changes)
                         .where(AuditEntry.seq > seq).order_by(AuditEntry.seq))
        return [(a, e, i, json.loads(c)) for a, e, i, c in rows]


def chain_ok(db: Database) -> bool:
    """Whether the audit chain still verifies."""
    with db.transaction() as s:
        return verify_chain(s) is None


def row(db: Database, model: Any, row_id: str) -> Any:
    """A detached copy of one row, read in its own transaction."""
    with db.transaction() as s:
        found = s.get(model, row_id)
        assert found is not None
        s.expunge(found)
        return found
