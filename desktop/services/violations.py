"""Violations of a person under care: administrative violations, new crimes, other breaches.

They weigh on the quarterly classification, block a loan for a while (QĐ 22/2023) and a new
crime restarts the expungement wait, so their dates are checked as carefully as contacts'.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.models import VIOLATION_KINDS, Person, Violation
from desktop.services import locking, records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.casework import (
    dated_between,
    delete_dated_record,
    free_text,
    label,
    person_in_care,
    today_or,
    within_care,
)
from desktop.services.labels import VIOLATION_KIND_LABELS


@dataclass(frozen=True)
class ViolationView:
    """One violation, with the Vietnamese label of its kind."""

    id: str
    person_id: str
    version: int
    kind: str
    kind_label: str
    violation_date: date
    description: str
    handling: str


def violation_view(v: Violation) -> ViolationView:
    """The plain view of a violation row."""
    return ViolationView(id=v.id, person_id=v.person_id, version=v.version, kind=v.kind,
                         kind_label=label(VIOLATION_KIND_LABELS, v.kind),
                         violation_date=v.violation_date, description=v.description,
                         handling=v.handling)


def _validate(kind: str, violation_date: date, description: str, handling: str,
              today: date) -> dict[str, Any]:
    return {
        "kind": validation.one_of("kind", kind, VIOLATION_KINDS, VIOLATION_KIND_LABELS,
                                  label="Loại vi phạm"),
        "violation_date": validation.not_future("violation_date", violation_date, today),
        "description": validation.text("description", description, required=True,
                                       max_len=4000, multiline=True),
        "handling": free_text("handling", handling),
    }


def last_violation_on(session: Session, person_id: str, on_or_before: date) -> date | None:
    """The date of the person's latest live violation up to `on_or_before`."""
    return session.scalar(select(func.max(Violation.violation_date)).where(
        Violation.person_id == person_id, Violation.deleted_at.is_(None),
        Violation.violation_date <= on_or_before,
    ))


def record_violation(db: Database, actor: Actor, person_id: str, kind: str,
                     violation_date: date, description: str, handling: str = "",
                     today: date | None = None,
                     adjustment_reason: str | None = None) -> ViolationView:
    """Record a violation dated within the person's time under care."""
    require(actor, Action.EDIT_RECORDS)
    values = _validate(kind, violation_date, description, handling, today_or(today))
    with db.transaction() as session:
        person = person_in_care(session, actor, person_id, doing="ghi vi phạm")
        within_care("violation_date", violation_date, person)
        lock = locking.guard(session, actor, adjustment_reason,
                             ("violation_date", violation_date))
        row = records.create(session, actor, Violation, person_id=person.id, **values)
        lock.record(session, actor, row, "create")
        return violation_view(row)


def update_violation(db: Database, actor: Actor, violation_id: str, kind: str,
                     violation_date: date, description: str, handling: str = "",
                     today: date | None = None,
                     adjustment_reason: str | None = None) -> ViolationView:
    """Correct a recorded violation; the same checks as when it was recorded."""
    require(actor, Action.EDIT_RECORDS)
    values = _validate(kind, violation_date, description, handling, today_or(today))
    with db.transaction() as session:
        row = records.get_owned(session, Violation, violation_id, actor)
        person = person_in_care(session, actor, row.person_id, doing="sửa vi phạm")
        within_care("violation_date", violation_date, person)
        lock = locking.guard(session, actor, adjustment_reason,
                             ("violation_date", row.violation_date),
                             ("violation_date", violation_date))
        if records.update(session, actor, row, values):
            lock.record(session, actor, row, "update")
        return violation_view(row)


def delete_violation(db: Database, actor: Actor, violation_id: str, reason: str = "",
                     adjustment_reason: str | None = None) -> None:
    """Remove a violation recorded by mistake (kept in the database, marked deleted)."""
    delete_dated_record(db, actor, Violation, violation_id, reason, adjustment_reason,
                        lambda row: [("violation_date", row.violation_date)])


def violations_between(session: Session, person_id: str, start: date,
                       end: date) -> list[Violation]:
    """The person's live violations dated in [start, end], oldest first."""
    return dated_between(session, Violation, Violation.violation_date, person_id, start,
                         end)


def list_violations(db: Database, actor: Actor, person_id: str) -> list[ViolationView]:
    """The person's violations, newest first."""
    require(actor, Action.READ)
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        rows = session.scalars(select(Violation).where(
            Violation.person_id == person.id, Violation.deleted_at.is_(None),
        ).order_by(Violation.violation_date.desc(), Violation.created_at.desc()))
        return [violation_view(v) for v in rows]
