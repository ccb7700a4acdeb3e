"""The contact log (nhật ký gặp gỡ), excused weeks and one person's weekly coverage.

The team meets the person at least once a week (SPEC §2, "4+" model). Entering a contact
must take seconds, so `contact_defaults` fills the form the way it is usually filled.
Coverage is never computed here: `person_coverage` feeds the stored contacts and excuses
to `rules.coverage.week_coverage`, the one definition the dashboard and reports use too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.formatting import format_date
from desktop.models import CONTACT_FORMS, RISK_SIGNS, ContactLog, ExcusedWeek, Person
from desktop.rules.coverage import WeekCoverage, iso_week_code, monday_of, parse_iso_week
from desktop.rules.coverage import week_coverage as rule_week_coverage
from desktop.services import locking, records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.casework import (
    delete_dated_record,
    free_text,
    home_unit,
    label,
    person_in_care,
    today_or,
    within_care,
)
from desktop.services.errors import ValidationError
from desktop.services.labels import CONTACT_FORM_LABELS, RISK_SIGN_LABELS
from desktop.services.team import active_members

_NOTES = ("work", "health", "family", "attitude", "mood", "advice", "summary")


@dataclass(frozen=True)
class ContactInput:
    """What the officer types for one contact; risk signs are codes of RISK_SIGNS."""

    contact_date: date
    form: str = "home_visit"
    members_present: str = ""
    work: str = ""
    health: str = ""
    family: str = ""
    attitude: str = ""
    mood: str = ""
    risk_signs: tuple[str, ...] = ()
    advice: str = ""
    summary: str = ""
    next_planned_on: date | None = None


@dataclass(frozen=True)
class ContactView:
    """One logged contact, with the Vietnamese labels of its codes."""

    id: str
    person_id: str
    version: int
    contact_date: date
    form: str
    form_label: str
    members_present: str
    work: str
    health: str
    family: str
    attitude: str
    mood: str
    risk_signs: tuple[str, ...]
    risk_sign_labels: tuple[str, ...]
    advice: str
    summary: str
    next_planned_on: date | None


@dataclass(frozen=True)
class ContactDefaults:
    """How a new contact form opens: today, the usual form, the police member present."""

    contact_date: date
    form: str
    police_member: str
    next_planned_on: date


@dataclass(frozen=True)
class ExcusedWeekView:
    """A week excused from contact, with its Monday and Sunday."""

    id: str
    person_id: str
    version: int
    week: str
    starts_on: date
    ends_on: date
    reason: str


def split_risk_signs(stored: str) -> tuple[str, ...]:
    """The risk-sign codes of the stored comma-separated column."""
    return tuple(code for code in stored.split(",") if code)


def contact_view(c: ContactLog) -> ContactView:
    """The plain view of a contact row."""
    signs = split_risk_signs(c.risk_signs)
    return ContactView(
        id=c.id, person_id=c.person_id, version=c.version, contact_date=c.contact_date,
        form=c.form, form_label=label(CONTACT_FORM_LABELS, c.form),
        members_present=c.members_present, work=c.work, health=c.health, family=c.family,
        attitude=c.attitude, mood=c.mood, risk_signs=signs,
        risk_sign_labels=tuple(label(RISK_SIGN_LABELS, s) for s in signs),
        advice=c.advice, summary=c.summary, next_planned_on=c.next_planned_on,
    )


def excused_view(e: ExcusedWeek) -> ExcusedWeekView:
    """The plain view of an excused week row."""
    monday = parse_iso_week(e.week)
    return ExcusedWeekView(id=e.id, person_id=e.person_id, version=e.version, week=e.week,
                           starts_on=monday, ends_on=monday + timedelta(days=6),
                           reason=e.reason)


def _risk_signs(codes: tuple[str, ...]) -> str:
    """Checked codes, stored once each in the fixed RISK_SIGNS order (comparable, countable)."""
    chosen = {validation.one_of("risk_signs", c, RISK_SIGNS, RISK_SIGN_LABELS,
                                label="Dấu hiệu nguy cơ") for c in codes}
    return ",".join(c for c in RISK_SIGNS if c in chosen)


def _validate_contact(data: ContactInput, today: date) -> dict[str, Any]:
    """Every column of the contact, checked before the transaction opens."""
    values: dict[str, Any] = {name: free_text(name, getattr(data, name)) for name in _NOTES}
    values.update(
        form=validation.one_of("form", data.form, CONTACT_FORMS, CONTACT_FORM_LABELS),
        contact_date=validation.not_future("contact_date", data.contact_date, today),
        members_present=validation.text("members_present", data.members_present,
                                        max_len=500),
        risk_signs=_risk_signs(data.risk_signs), next_planned_on=data.next_planned_on,
    )
    if data.next_planned_on is not None and data.next_planned_on <= data.contact_date:
        raise ValidationError("next_planned_on", (
            f"Ngày gặp tiếp theo ({format_date(data.next_planned_on)}) phải sau ngày gặp "
            f"({format_date(data.contact_date)})."))
    return values


def log_contact(db: Database, actor: Actor, person_id: str, data: ContactInput,
                today: date | None = None,
                adjustment_reason: str | None = None) -> ContactView:
    """Add one contact to the person's log.

    A person who has not come home has no contacts yet; one whose management ended may
    still get contacts dated up to the end (the book is often completed afterwards).
    A date in a signed report's period needs `adjustment_reason` (services.locking).
    """
    require(actor, Action.EDIT_RECORDS)
    values = _validate_contact(data, today_or(today))
    with db.transaction() as session:
        person = person_in_care(session, actor, person_id, doing="ghi nhật ký gặp gỡ")
        within_care("contact_date", data.contact_date, person)
        lock = locking.guard(session, actor, adjustment_reason,
                             ("contact_date", data.contact_date))
        row = records.create(session, actor, ContactLog, person_id=person.id, **values)
        lock.record(session, actor, row, "create")
        return contact_view(row)


def update_contact(db: Database, actor: Actor, contact_id: str, data: ContactInput,
                   today: date | None = None,
                   adjustment_reason: str | None = None) -> ContactView:
    """Correct a logged contact; the same checks as when it was logged."""
    require(actor, Action.EDIT_RECORDS)
    values = _validate_contact(data, today_or(today))
    with db.transaction() as session:
        contact = records.get_owned(session, ContactLog, contact_id, actor)
        person = person_in_care(session, actor, contact.person_id, doing="sửa nhật ký gặp gỡ")
        within_care("contact_date", data.contact_date, person)
        lock = locking.guard(session, actor, adjustment_reason,
                             ("contact_date", contact.contact_date),
                             ("contact_date", data.contact_date))
        if records.update(session, actor, contact, values):
            lock.record(session, actor, contact, "update")
        return contact_view(contact)


def delete_contact(db: Database, actor: Actor, contact_id: str, reason: str = "",
                   adjustment_reason: str | None = None) -> None:
    """Remove a contact logged by mistake (kept in the database, marked deleted)."""
    delete_dated_record(db, actor, ContactLog, contact_id, reason, adjustment_reason,
                        lambda row: [("contact_date", row.contact_date)])


def _live_contacts(person_id: str) -> Select[ContactLog]:
    return select(ContactLog).where(ContactLog.person_id == person_id,
                                    ContactLog.deleted_at.is_(None))


def list_contacts(db: Database, actor: Actor, person_id: str) -> list[ContactView]:
    """The person's contact log, newest first."""
    require(actor, Action.READ)
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        rows = session.scalars(_live_contacts(person.id).order_by(
            ContactLog.contact_date.desc(), ContactLog.created_at.desc()))
        return [contact_view(c) for c in rows]


def _police_member(session: Session, person_id: str, on: date) -> str:
    """The active police member's name (the responsible one when there are several)."""
    police = [m for m in active_members(session, person_id, on) if m.role == "police"]
    return police[0].name if police else ""


def contact_defaults(db: Database, actor: Actor, person_id: str,
                     today: date | None = None) -> ContactDefaults:
    """Pre-filled values for a new contact so most entries need only the situation typed:
    today, the form used last time, the police member, the next meeting one interval on."""
    require(actor, Action.READ)
    day = today_or(today)
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        last_form = session.scalar(_live_contacts(person.id).with_only_columns(ContactLog.form)
                                   .order_by(ContactLog.contact_date.desc(),
                                             ContactLog.created_at.desc()).limit(1))
        interval = home_unit(session, actor).contact_interval_days
        return ContactDefaults(
            contact_date=day, form=last_form or "home_visit",
            police_member=_police_member(session, person.id, day),
            next_planned_on=day + timedelta(days=interval),
        )


def _check_week(monday: date, person: Person, today: date) -> None:
    """An excuse covers a past or the current week of the time under care."""
    code = iso_week_code(monday)
    if monday > monday_of(today):
        raise ValidationError("week", f"Tuần {code} (bắt đầu {format_date(monday)}) chưa "
                                      "đến: chỉ ghi miễn cho tuần này hoặc các tuần đã qua.")
    if person.received_on is not None and monday < monday_of(person.received_on):
        raise ValidationError("week", f"Tuần {code} ở trước tuần tiếp nhận "
                                      f"({format_date(person.received_on)}).")
    if person.ended_on is not None and monday > person.ended_on:
        raise ValidationError("week", f"Tuần {code} ở sau ngày kết thúc quản lý "
                                      f"({format_date(person.ended_on)}).")


def _save_excuse(session: Session, actor: Actor, person: Person, code: str,
                 reason: str) -> ExcusedWeek:
    """Create the excuse, or restore a deleted one: (person, week) is unique in the table."""
    row = session.scalar(select(ExcusedWeek).where(ExcusedWeek.person_id == person.id,
                                                   ExcusedWeek.week == code))
    if row is None:
        return records.create(session, actor, ExcusedWeek, person_id=person.id, week=code,
                              reason=reason)
    if row.deleted_at is None:
        raise ValidationError("week", f"Tuần {code} đã được ghi miễn gặp (lý do: {row.reason}).")
    records.update(session, actor, row, {"deleted_at": None, "reason": reason},
                   action="restore")
    return row


def _week_days(monday: date) -> tuple[tuple[str, date], tuple[str, date]]:
    """Both ends of an excused week: a week counts in a period only when wholly inside it,
    so either end falling in a locked period may change a signed figure."""
    return ("week", monday), ("week", monday + timedelta(days=6))


def add_excused_week(db: Database, actor: Actor, person_id: str, week: str, reason: str,
                     today: date | None = None,
                     adjustment_reason: str | None = None) -> ExcusedWeekView:
    """Excuse one ISO week ("2026-W05") from contact for a recorded reason."""
    require(actor, Action.EDIT_RECORDS)
    monday = validation.rule(parse_iso_week, week)
    why = validation.text("reason", reason, required=True, max_len=500)
    with db.transaction() as session:
        person = person_in_care(session, actor, person_id, doing="ghi tuần được miễn gặp")
        _check_week(monday, person, today_or(today))
        lock = locking.guard(session, actor, adjustment_reason, *_week_days(monday))
        row = _save_excuse(session, actor, person, iso_week_code(monday), why)
        lock.record(session, actor, row, "create")
        return excused_view(row)


def remove_excused_week(db: Database, actor: Actor, excused_id: str, reason: str = "",
                        adjustment_reason: str | None = None) -> None:
    """Withdraw an excuse: the week counts as due and uncovered again."""
    delete_dated_record(db, actor, ExcusedWeek, excused_id, reason, adjustment_reason,
                        lambda row: _week_days(parse_iso_week(row.week)))


def list_excused_weeks(db: Database, actor: Actor, person_id: str) -> list[ExcusedWeekView]:
    """The person's excused weeks, newest first."""
    require(actor, Action.READ)
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        rows = session.scalars(select(ExcusedWeek).where(
            ExcusedWeek.person_id == person.id, ExcusedWeek.deleted_at.is_(None),
        ).order_by(ExcusedWeek.week.desc()))
        return [excused_view(e) for e in rows]


def coverage_in(session: Session, person: Person, start: date, end: date) -> WeekCoverage:
    """The person's weekly coverage over [start, end], from the stored log and excuses."""
    dates = session.scalars(_live_contacts(person.id).with_only_columns(ContactLog.contact_date)
                            .where(ContactLog.contact_date.between(start, end)))
    weeks = session.scalars(select(ExcusedWeek.week).where(
        ExcusedWeek.person_id == person.id, ExcusedWeek.deleted_at.is_(None)))
    return rule_week_coverage(person.received_on, person.ended_on, list(dates), list(weeks),
                              start, end)


def person_coverage(db: Database, actor: Actor, person_id: str, start: date,
                    end: date) -> WeekCoverage:
    """Due, covered and excused weeks of the person between `start` and `end` (included)."""
    require(actor, Action.READ)
    validation.not_before("end_date", end, start, "ngày bắt đầu")
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        return coverage_in(session, person, start, end)
