"""Checking the audit trail from the Settings page: does the hash chain hold, and if not,
which entry is the first one that was changed, removed or inserted (SPEC §8).

`hoanhap check` runs the same `verify_chain`; this use case adds what a person needs to
find the entry: when it was written, by whom, and what it recorded (as now stored).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.db import Database
from desktop.models import AuditEntry
from desktop.services.access import Action, Actor, require
from desktop.services.audit import audit_count, verify_chain


@dataclass(frozen=True)
class BrokenEntry:
    """The first entry where the chain does not hold."""

    seq: int
    reason: str  # Vietnamese, from verify_chain
    at: datetime | None  # None when the entry itself is missing
    actor: str
    action: str
    entity: str


@dataclass(frozen=True)
class AuditCheck:
    """The outcome: how many entries there are, and the first broken one (None: intact)."""

    entries: int
    broken: BrokenEntry | None

    @property
    def intact(self) -> bool:
        return self.broken is None


def check_audit_trail(db: Database, actor: Actor) -> AuditCheck:
    """Walk the whole chain (every role may: it only reads, and tampering concerns all)."""
    require(actor, Action.READ)
    with db.reading() as session:
        entries = audit_count(session)
        found = verify_chain(session)
        if found is None:
            return AuditCheck(entries, None)
        row = session.scalar(select(AuditEntry).where(AuditEntry.seq == found.seq))
        if row is None:
            return AuditCheck(entries, BrokenEntry(found.seq, found.reason, None, "", "", ""))
        return AuditCheck(entries, BrokenEntry(found.seq, found.reason, row.at, row.actor,
                                               row.action, row.entity))
