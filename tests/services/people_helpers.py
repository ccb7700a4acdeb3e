"""Inputs and database snapshots shared by the tests of the person services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import func, select

from desktop.db import Database
from desktop.models import AuditEntry, Judgment, Person, StatusChange
from desktop.services import lifecycle, persons
from desktop.services.access import Actor
from desktop.services.audit import verify_chain
from desktop.services.person_views import PersonView

TODAY = date(2026, 11, 26)
RELEASE = date(2026, 9, 1)
NOTICE = date(2026, 7, 1)
EXPECTED = date(2026, 9, 3)
RECEIVED = date(2026, 9, 4)

PERSON = persons.PersonInput(
    full_name="nguyễn  văn an", gender="male", birth_date="12/04/1985",
    id_number="001085012345", place_of_origin="Xã Tân Cương, Thái Nguyên",
    current_address="Tổ 5, phường Thanh Bình", residential_area="Tổ 5",
    release_date=RELEASE, release_type="completed", prison="Trại giam Phú Sơn 4",
)
JUDGMENT = persons.JudgmentInput(
    court="Tòa án nhân dân tỉnh Thái Nguyên", judgment_number="25/2022/HS-ST",
    judgment_date=date(2022, 3, 15), offences="Trộm cắp tài sản", penal_articles="173",
    chapter=16, main_penalty="prison", prison_months=48, obligations="Án phí 200.000 đồng",
    obligations_done_on=date(2022, 6, 1),
)


def person(**changes: Any) -> persons.PersonInput:
    """The standard person with some fields changed."""
    return replace(PERSON, **changes)


def judgment(**changes: Any) -> persons.JudgmentInput:
    """The standard judgment with some fields changed."""
    return replace(JUDGMENT, **changes)


def snapshot(db: Database) -> tuple[int, ...]:
    """Row counts and version sums: any write to people, judgments or history changes it."""
    with db.transaction() as s:
        def count(model: Any) -> int:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)

        def versions(model: Any) -> int:
            return int(s.scalar(select(func.coalesce(func.sum(model.version), 0))) or 0)

        return (count(Person), count(Judgment), count(StatusChange), count(AuditEntry),
                versions(Person), versions(Judgment))


def audit_actions(db: Database, since_seq: int = 0) -> list[tuple[str, str]]:
    """(action, entity) of the audit entries after `since_seq`, in order."""
    with db.transaction() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.entity)
                         .where(AuditEntry.seq > since_seq).order_by(AuditEntry.seq))
        return [(a, e) for a, e in rows]


def last_seq(db: Database) -> int:
    with db.transaction() as s:
        return int(s.scalar(select(func.max(AuditEntry.seq))) or 0)


def chain_ok(db: Database) -> bool:
    with db.transaction() as s:
        return verify_chain(s) is None


def history(db: Database, person_id: str) -> list[tuple[str | None, str, date, str]]:
    """(from, to, date, by) of a person's status changes, oldest first."""
    with db.transaction() as s:
        rows = s.execute(
            select(StatusChange.from_status, StatusChange.to_status, StatusChange.on_date,
                   StatusChange.by_user)
            .where(StatusChange.person_id == person_id)
            .order_by(StatusChange.on_date, StatusChange.created_at))
        return [(a, b, c, d) for a, b, c, d in rows]


def expected(db: Database, actor: Actor, **changes: Any) -> PersonView:
    """A person announced by the prison, not yet arrived."""
    return persons.expect_person(db, actor, person(**changes), JUDGMENT, NOTICE, EXPECTED,
                                 today=NOTICE)


def received(db: Database, actor: Actor, **changes: Any) -> PersonView:
    """A person who walked in on RECEIVED."""
    return persons.register_walk_in(db, actor, person(**changes), JUDGMENT, RECEIVED,
                                    today=TODAY)


def managed(db: Database, actor: Actor, **changes: Any) -> PersonView:
    """A received person under management since 08/09/2026."""
    p = received(db, actor, **changes)
    return lifecycle.start_management(db, actor, p.id, date(2026, 9, 8), today=TODAY)
