"""What the care-record services share: the person's care window and the home unit's rules.

Team members, contacts, excused weeks, evaluations, support and violations all belong to a
person who has come home and is (or was) under the commune's care. These helpers give them
one answer to "may this person have such a record, on this date?" and one way to read the
unit's settings, so the six services cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.db import Database
from desktop.models import Person, RecordMixin, Unit
from desktop.rules.ruleset import RuleSet, resolve_rule_set
from desktop.services import locking, records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.errors import NotFound, ServiceError
from desktop.services.labels import STATUS_LABELS

# Words for the free-text fields that validation.FIELD_LABELS does not name.
FIELD_WORDS: dict[str, str] = {
    "work": "Việc làm", "health": "Sức khỏe", "family": "Gia đình", "attitude": "Thái độ",
    "mood": "Tâm lý", "advice": "Nội dung tuyên truyền, giúp đỡ",
    "helper_report": "Báo cáo của người giúp đỡ", "law_compliance": "Chấp hành pháp luật",
    "community": "Tham gia hoạt động cộng đồng", "proposals": "Đề xuất, kiến nghị",
    "outcome": "Kết quả", "members": "Thành viên",
}

LONG_TEXT = 4000


def today_or(today: date | None) -> date:
    """The day a use case treats as today: tests pass one, the application uses the clock."""
    return today or date.today()


def free_text(field: str, value: str | None, *, max_len: int = LONG_TEXT) -> str:
    """A multi-line note field (contact situation, evaluation criteria…), cleaned."""
    return validation.text(field, value, max_len=max_len, multiline=True,
                           label=FIELD_WORDS.get(field))


def label(labels: dict[str, str], code: str | None) -> str:
    """The Vietnamese label of a code; an unknown code (imported data) is shown as it is."""
    return labels.get(code, code) if code else ""


def person_in_care(session: Session, actor: Actor, person_id: str,
                   *, doing: str, allow_ended: bool = True) -> Person:
    """The actor's live person who has come home (not `expected`); NotFound otherwise.

    `allow_ended` lets late entries about the time before the end of management be
    recorded, which officers do when the book is filled in after the fact.
    """
    person = records.get_owned(session, Person, person_id, actor)
    refused = ("expected",) if allow_ended else ("expected", "ended")
    if person.status in refused:
        status = STATUS_LABELS.get(person.status, person.status)
        raise ServiceError(
            f"Không thể {doing} cho {person.full_name}: hồ sơ đang ở trạng thái “{status}”."
        )
    return person


def within_care(field: str, d: date, person: Person) -> date:
    """`d` unless it lies before the reception or after the end of management."""
    if person.received_on is not None:
        validation.not_before(field, d, person.received_on, "ngày tiếp nhận")
    if person.ended_on is not None:
        validation.not_after(field, d, person.ended_on, "ngày kết thúc quản lý")
    return d


def home_unit(session: Session, actor: Actor) -> Unit:
    """The unit the actor works for, whose settings (periods, rule set) apply."""
    unit = session.scalar(
        select(Unit).where(Unit.code == actor.unit_code, Unit.deleted_at.is_(None))
    )
    if unit is None:
        raise NotFound(f"Không tìm thấy đơn vị {actor.unit_code} của tài khoản này.")
    return unit


def unit_rule_set(unit: Unit, day: date) -> RuleSet:
    """The rule set in force on `day` for `unit`, with the unit's own settings applied.

    The unit may shorten or lengthen the violation-free time before a loan and the contact
    interval (SPEC §4 "setting"); everything else comes from the law's rule set.
    """
    rs = validation.rule(resolve_rule_set, unit.rule_set_name, day)
    return replace(rs, loan_violation_free_months=unit.loan_violation_free_months,
                   contact_interval_days=unit.contact_interval_days)


R = TypeVar("R", bound=RecordMixin)


def delete_dated_record(db: Database, actor: Actor, model: type[R], record_id: str,
                        reason: str, adjustment_reason: str | None,
                        dated: Callable[[R], Sequence[tuple[str, date | None]]]) -> None:
    """Remove a care record entered by mistake: it stays in the database marked deleted,
    and one dated inside a signed period needs an adjustment reason (`dated` names the
    (field, date) pairs the period lock checks)."""
    require(actor, Action.EDIT_RECORDS)
    why = validation.text("reason", reason, max_len=500)
    with db.transaction() as session:
        row = records.get_owned(session, model, record_id, actor)
        lock = locking.guard(session, actor, adjustment_reason, *dated(row))
        records.soft_delete(session, actor, row, why)
        lock.record(session, actor, row, "delete")


def dated_between(session: Session, model: type[R], day: InstrumentedAttribute[date],
                  person_id: str, start: date, end: date) -> list[R]:
    """The person's live records of `model` whose `day` lies in [start, end], oldest first."""
    return list(session.scalars(select(model).where(
        model.person_id == person_id, model.deleted_at.is_(None),  # type: ignore[attr-defined]
        day.between(start, end),
    ).order_by(day, model.created_at)))
