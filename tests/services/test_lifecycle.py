"""The case lifecycle: each step's dates, allowed starting states, history and audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.models import Person, StatusChange
from desktop.services import lifecycle
from desktop.services.access import Actor
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from tests.services.people_helpers import (
    RECEIVED,
    TODAY,
    audit_actions,
    chain_ok,
    expected,
    history,
    last_seq,
    managed,
    received,
    snapshot,
)

MANAGED_ON = date(2026, 9, 8)


def person_row(db: Database, person_id: str) -> Person:
    with db.transaction() as s:
        row = s.get(Person, person_id)
        assert row is not None
        return row


def last_change(db: Database, person_id: str) -> StatusChange:
    with db.transaction() as s:
        row = s.scalars(select(StatusChange).where(StatusChange.person_id == person_id)
                        .order_by(StatusChange.created_at.desc()).limit(1)).first()
        assert row is not None
        return row


# --- receive_person --------------------------------------------------------------------

def test_receive_an_expected_person(db: Database, officer: Actor) -> None:
    before = expected(db, officer)
    seq = last_seq(db)

    view = lifecycle.receive_person(db, officer, before.id, RECEIVED, today=TODAY)

    assert (view.status, view.status_label, view.received_on) == (
        "received", "Đã tiếp nhận", RECEIVED)
    assert view.version == before.version + 1
    assert person_row(db, view.id).received_on == RECEIVED
    assert history(db, view.id)[-1] == ("expected", "received", RECEIVED, "canbo")
    assert audit_actions(db, seq) == [("receive", "persons"), ("create", "status_changes")]
    assert chain_ok(db)


@pytest.mark.parametrize(
    "received_on", [date(2026, 8, 31), date(2026, 11, 27)], ids=["before-release", "future"]
)
def test_receive_rejects_impossible_dates(
    db: Database, officer: Actor, received_on: date
) -> None:
    p = expected(db, officer)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        lifecycle.receive_person(db, officer, p.id, received_on, today=TODAY)
    assert err.value.field == "received_on"
    assert snapshot(db) == before


def test_a_received_person_cannot_be_received_again(db: Database, officer: Actor) -> None:
    p = received(db, officer)
    before = snapshot(db)
    with pytest.raises(ServiceError) as err:
        lifecycle.receive_person(db, officer, p.id, RECEIVED, today=TODAY)
    assert "Đã tiếp nhận" in err.value.message
    assert "Nguyễn Văn An" in err.value.message
    assert snapshot(db) == before


def test_a_no_show_who_turns_up_later_is_received(db: Database, officer: Actor) -> None:
    p = expected(db, officer)
    lifecycle.mark_absent(db, officer, p.id, date(2026, 9, 10), "Không trình diện",
                          today=TODAY)
    view = lifecycle.receive_person(db, officer, p.id, date(2026, 10, 1), today=TODAY)
    assert (view.status, view.received_on) == ("received", date(2026, 10, 1))


def test_a_returning_absentee_keeps_the_first_reception_date(
    db: Database, officer: Actor
) -> None:
    p = managed(db, officer)
    lifecycle.mark_absent(db, officer, p.id, date(2026, 10, 1), "Bỏ đi không báo",
                          today=TODAY)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        lifecycle.receive_person(db, officer, p.id, date(2026, 9, 30), today=TODAY)
    assert err.value.field == "received_on"
    assert "ngày vắng mặt" in err.value.message
    assert snapshot(db) == before

    view = lifecycle.receive_person(db, officer, p.id, date(2026, 10, 20), today=TODAY)

    assert (view.status, view.received_on) == ("received", RECEIVED)
    assert history(db, p.id)[-1] == ("absent", "received", date(2026, 10, 20), "canbo")


# --- start_management ------------------------------------------------------------------

def test_start_management_records_the_team_decision(db: Database, officer: Actor) -> None:
    p = received(db, officer)
    seq = last_seq(db)

    view = lifecycle.start_management(db, officer, p.id, MANAGED_ON, " 12/QĐ-UBND ",
                                      date(2026, 9, 7), today=TODAY)

    assert (view.status, view.managed_on) == ("managed", MANAGED_ON)
    assert (view.team_decision_number, view.team_decision_date) == (
        "12/QĐ-UBND", date(2026, 9, 7))
    assert view.version == p.version + 1
    assert history(db, p.id)[-1] == ("received", "managed", MANAGED_ON, "canbo")
    assert audit_actions(db, seq) == [("start_management", "persons"),
                                      ("create", "status_changes")]
    assert chain_ok(db)


@pytest.mark.parametrize(
    ("managed_on", "decision_number", "decision_date", "field"),
    [
        (date(2026, 9, 3), "", None, "managed_on"),
        (date(2026, 11, 27), "", None, "managed_on"),
        (MANAGED_ON, "", date(2026, 9, 3), "decision_date"),
        (MANAGED_ON, "", date(2026, 11, 27), "decision_date"),
        (MANAGED_ON, "x" * 51, None, "decision_number"),
    ],
)
def test_start_management_rejects_bad_input(
    db: Database, officer: Actor, managed_on: date, decision_number: str,
    decision_date: date | None, field: str,
) -> None:
    p = received(db, officer)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        lifecycle.start_management(db, officer, p.id, managed_on, decision_number,
                                   decision_date, today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before


def test_an_expected_person_must_be_received_before_management(
    db: Database, officer: Actor
) -> None:
    p = expected(db, officer)
    before = snapshot(db)
    with pytest.raises(ServiceError) as err:
        lifecycle.start_management(db, officer, p.id, MANAGED_ON, today=TODAY)
    assert "Chờ tiếp nhận" in err.value.message
    assert snapshot(db) == before


# --- mark_absent -----------------------------------------------------------------------

def test_mark_absent_for_a_no_show(db: Database, officer: Actor) -> None:
    p = expected(db, officer)
    seq = last_seq(db)
    view = lifecycle.mark_absent(db, officer, p.id, date(2026, 9, 10),
                                 "  Không trình diện  ", today=TODAY)
    assert (view.status, view.absent_on) == ("absent", date(2026, 9, 10))
    assert view.version == p.version + 1
    assert person_row(db, p.id).status == "absent"
    assert audit_actions(db, seq) == [("mark_absent", "persons"), ("create", "status_changes")]
    change = last_change(db, p.id)
    assert (change.from_status, change.to_status, change.note) == (
        "expected", "absent", "Không trình diện")
    assert chain_ok(db)


def test_mark_absent_for_a_managed_person_who_left(db: Database, officer: Actor) -> None:
    p = managed(db, officer)
    view = lifecycle.mark_absent(db, officer, p.id, date(2026, 10, 1), today=TODAY)
    assert view.status == "absent"
    assert history(db, p.id)[-1] == ("managed", "absent", date(2026, 10, 1), "canbo")


@pytest.mark.parametrize(
    ("maker", "absent_on", "words"),
    [
        ("expected", date(2026, 8, 31), "ngày ra trại"),
        ("received", date(2026, 9, 3), "ngày tiếp nhận"),
        ("received", date(2026, 11, 27), "hôm nay"),
    ],
)
def test_mark_absent_rejects_impossible_dates(
    db: Database, officer: Actor, maker: str, absent_on: date, words: str
) -> None:
    p = expected(db, officer) if maker == "expected" else received(db, officer)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        lifecycle.mark_absent(db, officer, p.id, absent_on, today=TODAY)
    assert err.value.field == "absent_on"
    assert words in err.value.message
    assert snapshot(db) == before


# --- end_management --------------------------------------------------------------------

def test_end_management_records_reason_and_note(db: Database, officer: Actor) -> None:
    p = managed(db, officer)
    seq = last_seq(db)

    view = lifecycle.end_management(db, officer, p.id, date(2026, 11, 20), "moved",
                                    "Chuyển về xã Phúc Xuân", today=TODAY)

    assert (view.status, view.ended_on, view.end_reason) == (
        "ended", date(2026, 11, 20), "moved")
    assert view.end_reason_label == "Chuyển nơi cư trú"
    assert view.version == p.version + 1
    assert person_row(db, p.id).ended_on == date(2026, 11, 20)
    change = last_change(db, p.id)
    assert (change.from_status, change.to_status, change.reason, change.note) == (
        "managed", "ended", "moved", "Chuyển về xã Phúc Xuân")
    assert audit_actions(db, seq) == [("end_management", "persons"),
                                      ("create", "status_changes")]
    assert chain_ok(db)


def test_an_absentee_never_received_can_be_ended(db: Database, officer: Actor) -> None:
    p = expected(db, officer)
    lifecycle.mark_absent(db, officer, p.id, date(2026, 9, 10), today=TODAY)
    with pytest.raises(ValidationError) as err:
        lifecycle.end_management(db, officer, p.id, date(2026, 8, 31), "missing", today=TODAY)
    assert "ngày ra trại" in err.value.message
    view = lifecycle.end_management(db, officer, p.id, date(2026, 11, 1), "missing",
                                    today=TODAY)
    assert (view.status, view.end_reason) == ("ended", "missing")


@pytest.mark.parametrize(
    ("ended_on", "reason", "field"),
    [
        (date(2026, 11, 20), "released", "end_reason"),
        (date(2026, 9, 3), "died", "ended_on"),
        (date(2026, 11, 27), "died", "ended_on"),
    ],
)
def test_end_management_rejects_bad_input(
    db: Database, officer: Actor, ended_on: date, reason: str, field: str
) -> None:
    p = managed(db, officer)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        lifecycle.end_management(db, officer, p.id, ended_on, reason, today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before


def test_an_expected_person_cannot_be_ended(db: Database, officer: Actor) -> None:
    p = expected(db, officer)
    before = snapshot(db)
    with pytest.raises(ServiceError) as err:
        lifecycle.end_management(db, officer, p.id, date(2026, 11, 1), "moved", today=TODAY)
    assert "Chờ tiếp nhận" in err.value.message
    assert snapshot(db) == before


def test_an_ended_case_stays_ended(db: Database, officer: Actor) -> None:
    p = received(db, officer)
    lifecycle.end_management(db, officer, p.id, date(2026, 10, 1), "died", today=TODAY)
    before = snapshot(db)
    with pytest.raises(ServiceError):
        lifecycle.end_management(db, officer, p.id, date(2026, 11, 1), "moved", today=TODAY)
    with pytest.raises(ServiceError):
        lifecycle.mark_absent(db, officer, p.id, date(2026, 11, 1), today=TODAY)
    with pytest.raises(ServiceError):
        lifecycle.start_management(db, officer, p.id, date(2026, 11, 1), today=TODAY)
    assert snapshot(db) == before


# --- permissions and ownership ---------------------------------------------------------

def test_a_leader_may_not_move_a_case(db: Database, officer: Actor, leader: Actor) -> None:
    waiting = expected(db, officer)
    here = received(db, officer, id_number="", full_name="Trần Văn Bình")
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        lifecycle.receive_person(db, leader, waiting.id, RECEIVED, today=TODAY)
    with pytest.raises(PermissionDenied):
        lifecycle.start_management(db, leader, here.id, MANAGED_ON, today=TODAY)
    with pytest.raises(PermissionDenied):
        lifecycle.mark_absent(db, leader, here.id, date(2026, 10, 1), today=TODAY)
    with pytest.raises(PermissionDenied):
        lifecycle.end_management(db, leader, here.id, date(2026, 10, 1), "died", today=TODAY)
    assert snapshot(db) == before


def test_unknown_people_are_not_found(db: Database, officer: Actor) -> None:
    with pytest.raises(NotFound):
        lifecycle.receive_person(db, officer, "no-such-id", RECEIVED, today=TODAY)
