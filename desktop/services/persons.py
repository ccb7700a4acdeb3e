"""Creating and editing people: from a prison notice, as a walk-in, profile and judgment edits.

Each use case checks the role, validates the whole input before writing anything, and runs
in one transaction; creation also opens the person's status history. The lifecycle steps
after creation are in `lifecycle`, the reads (person page, table, duplicates) in
`person_queries`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.models import Judgment, Person
from desktop.services import records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.errors import ServiceError
from desktop.services.lifecycle import log_status
from desktop.services.person_input import (
    JudgmentInput,
    PersonInput,
    check_unique_id,
    judgment_before_release,
    validate_judgment,
    validate_person,
)
from desktop.services.person_queries import live_judgment
from desktop.services.person_views import JudgmentView, PersonView, judgment_view, person_view

__all__ = [
    "JudgmentInput", "PersonInput", "check_expectation", "check_reception", "create_person",
    "expect_person", "register_walk_in", "release_fits_case", "set_judgment", "update_person",
    "validate_person_and_judgment",
]


def validate_person_and_judgment(
        person: PersonInput, judgment: JudgmentInput | None,
        today: date) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Column values of a new person and judgment, or the first ValidationError."""
    values = validate_person(person, today)
    if judgment is None:
        return values, None
    judgment_values = validate_judgment(judgment, today)
    judgment_before_release(judgment_values["judgment_date"], values["release_date"])
    return values, judgment_values


def create_person(session: Session, actor: Actor, values: dict[str, Any],
                  judgment_values: dict[str, Any] | None, on_date: date,
                  note: str = "") -> PersonView:
    """Insert the person (and judgment) and open the status history (`note` on its first
    step, e.g. the Excel file a person was imported from)."""
    check_unique_id(session, actor, values["id_number"])
    person = records.create(session, actor, Person, **values)
    if judgment_values is not None:
        records.create(session, actor, Judgment, person_id=person.id, **judgment_values)
    log_status(session, actor, person, None, on_date, note=note)
    return person_view(person)


def check_expectation(notice_received_on: date, expected_on: date, release_date: date,
                      today: date) -> None:
    """An expected arrival: notice not in the future, arrival after notice and release."""
    validation.not_future("notice_received_on", notice_received_on, today)
    validation.not_before("expected_on", expected_on, notice_received_on, "ngày nhận thông báo")
    validation.not_before("expected_on", expected_on, release_date, "ngày ra trại")


def expect_person(db: Database, actor: Actor, person: PersonInput,
                  judgment: JudgmentInput | None, notice_received_on: date, expected_on: date,
                  today: date | None = None) -> PersonView:
    """Record a person announced by the prison's notice (status "expected").

    The release date may lie ahead: the notice comes about two months before release
    (Luật THAHS 2019 Art. 46).
    """
    require(actor, Action.EDIT_RECORDS)
    day = today or date.today()
    values, judgment_values = validate_person_and_judgment(person, judgment, day)
    check_expectation(notice_received_on, expected_on, values["release_date"], day)
    values.update(status="expected", notice_received_on=notice_received_on,
                  expected_on=expected_on)
    with db.transaction() as session:
        return create_person(session, actor, values, judgment_values, notice_received_on)


def check_reception(received_on: date, release_date: date, today: date) -> None:
    """A reception: release and reception not in the future, reception after release."""
    validation.not_future("release_date", release_date, today)
    validation.not_future("received_on", received_on, today)
    validation.not_before("received_on", received_on, release_date, "ngày ra trại")


def register_walk_in(db: Database, actor: Actor, person: PersonInput,
                     judgment: JudgmentInput | None, received_on: date,
                     today: date | None = None) -> PersonView:
    """Record a person who reported without a prior notice (status "received" at once)."""
    require(actor, Action.EDIT_RECORDS)
    day = today or date.today()
    values, judgment_values = validate_person_and_judgment(person, judgment, day)
    check_reception(received_on, values["release_date"], day)
    values.update(status="received", received_on=received_on)
    with db.transaction() as session:
        return create_person(session, actor, values, judgment_values, received_on)


def _check_version(row: Person, expected_version: int | None) -> None:
    if expected_version is not None and row.version != expected_version:
        raise ServiceError(
            f"Hồ sơ của {row.full_name} đã được người khác sửa trong lúc bạn đang sửa "
            f"(bạn mở phiên bản {expected_version}, hiện tại là phiên bản {row.version}). "
            "Hãy tải lại hồ sơ rồi nhập lại thay đổi của bạn."
        )


def release_fits_case(row: Person, release_date: date, today: date) -> None:
    """Once a person has come home, the release date is in the past and before reception."""
    if row.status != "expected":
        validation.not_future("release_date", release_date, today)
    if row.received_on is not None:
        validation.not_after("release_date", release_date, row.received_on, "ngày tiếp nhận")
    elif row.expected_on is not None:
        validation.not_after("release_date", release_date, row.expected_on, "ngày dự kiến về")


def update_person(db: Database, actor: Actor, person_id: str, person: PersonInput,
                  expected_version: int | None = None, today: date | None = None) -> PersonView:
    """Save an edited profile; `expected_version` guards against overwriting another edit."""
    require(actor, Action.EDIT_RECORDS)
    day = today or date.today()
    values = validate_person(person, day)
    with db.transaction() as session:
        row = records.get_owned(session, Person, person_id, actor)
        _check_version(row, expected_version)
        release_fits_case(row, values["release_date"], day)
        current = live_judgment(session, row.id)
        if current is not None:
            judgment_before_release(current.judgment_date, values["release_date"])
        check_unique_id(session, actor, values["id_number"], exclude_id=row.id)
        records.update(session, actor, row, values)
        return person_view(row)


def set_judgment(db: Database, actor: Actor, person_id: str, judgment: JudgmentInput,
                 today: date | None = None) -> JudgmentView:
    """Create or replace the fields of the person's single judgment."""
    require(actor, Action.EDIT_RECORDS)
    values = validate_judgment(judgment, today or date.today())
    with db.transaction() as session:
        row = records.get_owned(session, Person, person_id, actor)
        judgment_before_release(values["judgment_date"], row.release_date)
        current = live_judgment(session, row.id)
        if current is None:
            current = records.create(session, actor, Judgment, person_id=row.id, **values)
        else:
            records.update(session, actor, current, values)
        return judgment_view(current)
