"""The case lifecycle: receive, start management, mark absent, end management (SPEC §3).

expected → received → managed → ended, with `absent` for a person who did not report or
left without notice. Every transition updates the person (version, audit) and adds a
dated StatusChange row naming who made it, so the history can be printed as it happened.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.models import END_REASONS, Person, StatusChange
from desktop.services import locking, records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.errors import ServiceError
from desktop.services.labels import END_REASON_LABELS, STATUS_LABELS
from desktop.services.person_views import PersonView, person_view


def log_status(session: Session, actor: Actor, person: Person, from_status: str | None,
               on_date: date, *, reason: str | None = None, note: str = "") -> None:
    """Add the dated history row for the step that brought `person` to its current status."""
    records.create(session, actor, StatusChange, person_id=person.id, from_status=from_status,
                   to_status=person.status, on_date=on_date, by_user=actor.username,
                   reason=reason, note=note)


def _transition(session: Session, actor: Actor, person: Person, to_status: str,
                on_date: date, values: dict[str, Any], *, action: str,
                reason: str | None = None, note: str = "") -> None:
    """Move `person` to `to_status` with `values`, and log the step in its history."""
    from_status = person.status
    records.update(session, actor, person, {"status": to_status, **values}, action=action)
    log_status(session, actor, person, from_status, on_date, reason=reason, note=note)


def _require_status(person: Person, allowed: tuple[str, ...], doing: str) -> None:
    if person.status not in allowed:
        current = STATUS_LABELS.get(person.status, person.status)
        wanted = ", ".join(f"“{STATUS_LABELS[s]}”" for s in allowed)
        raise ServiceError(
            f"Không thể {doing} {person.full_name}: hồ sơ đang ở trạng thái “{current}”, "
            f"chỉ làm được khi ở trạng thái {wanted}."
        )


def receive_person(db: Database, actor: Actor, person_id: str, received_on: date,
                   today: date | None = None,
                   adjustment_reason: str | None = None) -> PersonView:
    """An expected (or absent) person reported to the commune on `received_on`."""
    require(actor, Action.EDIT_RECORDS)
    validation.not_future("received_on", received_on, today or date.today())
    with db.transaction() as session:
        person = records.get_owned(session, Person, person_id, actor)
        _require_status(person, ("expected", "absent"), "tiếp nhận")
        if person.release_date is not None:
            validation.not_before("received_on", received_on, person.release_date,
                                  "ngày ra trại")
        if person.status == "absent" and person.absent_on is not None:
            validation.not_before("received_on", received_on, person.absent_on,
                                  "ngày vắng mặt")
        # A person coming back from an absence keeps the first reception date: reports
        # count a reception once (REPORTS.md §3); the return is in the status history.
        values = {} if person.received_on is not None else {"received_on": received_on}
        # Only a first reception changes the figures (`received_on` is kept on a return).
        lock = locking.guard(session, actor, adjustment_reason,
                             ("received_on", values.get("received_on")))
        _transition(session, actor, person, "received", received_on, values,
                          action="receive")
        lock.record(session, actor, person, "receive")
        return person_view(person)


def start_management(db: Database, actor: Actor, person_id: str, managed_on: date,
                     decision_number: str = "", decision_date: date | None = None,
                     today: date | None = None) -> PersonView:
    """A received person is put under management (team decision HCD-07, when known)."""
    require(actor, Action.EDIT_RECORDS)
    day = today or date.today()
    number = validation.text("decision_number", decision_number, max_len=50)
    validation.not_future("managed_on", managed_on, day)
    if decision_date is not None:
        validation.not_future("decision_date", decision_date, day)
    with db.transaction() as session:
        person = records.get_owned(session, Person, person_id, actor)
        _require_status(person, ("received",), "đưa vào quản lý")
        if person.received_on is not None:
            validation.not_before("managed_on", managed_on, person.received_on,
                                  "ngày tiếp nhận")
            if decision_date is not None:
                validation.not_before("decision_date", decision_date, person.received_on,
                                      "ngày tiếp nhận")
        values = {"managed_on": managed_on, "team_decision_number": number,
                  "team_decision_date": decision_date}
        _transition(session, actor, person, "managed", managed_on, values,
                          action="start_management")
        return person_view(person)


def _since(person: Person) -> tuple[date, str] | None:
    """The date a later step may not precede: reception, or release if never received."""
    if person.received_on is not None:
        return person.received_on, "ngày tiếp nhận"
    if person.release_date is not None:
        return person.release_date, "ngày ra trại"
    return None


def mark_absent(db: Database, actor: Actor, person_id: str, absent_on: date,
                note: str = "", today: date | None = None) -> PersonView:
    """The person did not report, or left without notice (HCD-04)."""
    require(actor, Action.EDIT_RECORDS)
    clean_note = validation.text("note", note, max_len=2000, multiline=True)
    validation.not_future("absent_on", absent_on, today or date.today())
    with db.transaction() as session:
        person = records.get_owned(session, Person, person_id, actor)
        _require_status(person, ("expected", "received", "managed"), "ghi nhận vắng mặt cho")
        if (since := _since(person)) is not None:
            validation.not_before("absent_on", absent_on, *since)
        _transition(session, actor, person, "absent", absent_on,
                          {"absent_on": absent_on}, action="mark_absent", note=clean_note)
        return person_view(person)


def end_management(db: Database, actor: Actor, person_id: str, ended_on: date, reason: str,
                   note: str = "", today: date | None = None,
                   adjustment_reason: str | None = None) -> PersonView:
    """Management ends for one of the legal reasons (HCD-10/HCD-11, Decree 49 Art. 14)."""
    require(actor, Action.EDIT_RECORDS)
    code = validation.one_of("end_reason", reason, END_REASONS, END_REASON_LABELS)
    clean_note = validation.text("note", note, max_len=2000, multiline=True)
    validation.not_future("ended_on", ended_on, today or date.today())
    with db.transaction() as session:
        person = records.get_owned(session, Person, person_id, actor)
        _require_status(person, ("received", "managed", "absent"), "kết thúc quản lý")
        if (since := _since(person)) is not None:
            validation.not_before("ended_on", ended_on, *since)
        lock = locking.guard(session, actor, adjustment_reason, ("ended_on", ended_on))
        _transition(session, actor, person, "ended", ended_on,
                          {"ended_on": ended_on, "end_reason": code}, action="end_management",
                          reason=code, note=clean_note)
        lock.record(session, actor, person, "end_management")
        return person_view(person)
