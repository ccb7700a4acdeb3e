"""Merging two records of one person: field choices, every child row moved, nothing lost."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.models import (
    AuditEntry,
    CommunityModel,
    ContactLog,
    Evaluation,
    ExcusedWeek,
    Judgment,
    Person,
    StatusChange,
    Support,
    TeamMember,
    Violation,
)
from desktop.services.access import Actor
from desktop.services.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.merge_people import merge_people, merge_preview, records_to_move
from tests.conftest import UNIT_CODE
from tests.services.care_helpers import chain_ok

AddPerson = Callable[..., str]
TODAY = date(2026, 11, 26)
CHILDREN: tuple[Any, ...] = (Judgment, StatusChange, TeamMember, ContactLog, ExcusedWeek,
                             Evaluation, Support, Violation, CommunityModel)


def _add(db: Database, *rows: Any) -> None:
    with db.transaction() as s:
        for row in rows:
            row.unit_code = UNIT_CODE
            s.add(row)


def _records(db: Database, person_id: str, *, week: str, quarters: tuple[str, ...],
             responsible: bool, prison_months: int) -> None:
    """One of every child record, as the officer's work on this record left them."""
    _add(db,
         Judgment(person_id=person_id, main_penalty="prison", prison_months=prison_months,
                  offences="Trộm cắp tài sản"),
         StatusChange(person_id=person_id, to_status="received", on_date=date(2024, 1, 8),
                      by_user="canbo"),
         TeamMember(person_id=person_id, role="police", name="Cán bộ " + person_id[:4],
                    from_date=date(2024, 1, 10), responsible=responsible),
         ContactLog(person_id=person_id, contact_date=date(2024, 2, 1)),
         ContactLog(person_id=person_id, contact_date=date(2024, 2, 8)),
         ExcusedWeek(person_id=person_id, week=week, reason="Đi làm xa"),
         *[Evaluation(person_id=person_id, quarter=q, classification="A",
                      evaluated_on=date(2024, 7, 1), helper_report=f"{q} {person_id}")
           for q in quarters],
         Support(person_id=person_id, kind="counselling", support_date=date(2024, 3, 1)),
         Violation(person_id=person_id, kind="administrative",
                   violation_date=date(2024, 4, 1)),
         CommunityModel(name="Mô hình " + person_id[:4], start_date=date(2024, 1, 1),
                        person_id=person_id))


@pytest.fixture
def pair(db: Database, add_person: AddPerson) -> tuple[str, str]:
    keep = add_person("Nguyễn Văn An", id_number=None, phone="", place_of_origin="")
    drop = add_person("Nguyễn Văn An", id_number="001085012345", phone="0912345678",
                      place_of_origin="Xã Tân Cương", occupation="Thợ hồ")
    _records(db, keep, week="2024-W10", quarters=("2024-Q2",), responsible=True,
             prison_months=42)
    _records(db, drop, week="2024-W10", quarters=("2024-Q2", "2024-Q1"), responsible=True,
             prison_months=40)
    _add(db, ExcusedWeek(person_id=drop, week="2024-W11", reason="Ốm"))
    return keep, drop


def _counts(db: Database) -> dict[str, int]:
    with db.reading() as s:
        return {m.__tablename__: int(s.scalar(select(func.count()).select_from(m)) or 0)
                for m in (Person, *CHILDREN)}


def _owned(db: Database, model: Any, person_id: str) -> list[Any]:
    with db.reading() as s:
        return list(s.scalars(select(model).where(model.person_id == person_id)))


def test_merge_moves_every_child_record_and_loses_nothing(
        db: Database, officer: Actor, pair: tuple[str, str]) -> None:
    keep, drop = pair
    before = _counts(db)
    view = merge_people(db, officer, keep, drop, {"occupation": "keep"}, today=TODAY)
    assert _counts(db) == before  # no row deleted, no row added
    # Empty on the kept record: taken from the other one by default.
    assert (view.id_number, view.phone, view.place_of_origin) == (
        "001085012345", "0912345678", "Xã Tân Cương")
    assert view.occupation == ""  # explicitly kept
    for model in (StatusChange, TeamMember, ContactLog, Support, Violation, CommunityModel,
                  Judgment):
        assert _owned(db, model, drop) == [], model
    # Clashing quarter and week: the kept person's rows stay; the others stay put, deleted.
    kept_q2 = [e for e in _owned(db, Evaluation, keep) if e.quarter == "2024-Q2"]
    assert [(e.helper_report, e.deleted_at) for e in kept_q2] == [(f"2024-Q2 {keep}", None)]
    assert {e.quarter for e in _owned(db, Evaluation, keep)} == {"2024-Q1", "2024-Q2"}
    (apart,) = _owned(db, Evaluation, drop)
    assert apart.quarter == "2024-Q2"
    assert apart.deleted_at is not None
    assert {w.week for w in _owned(db, ExcusedWeek, keep)} == {"2024-W10", "2024-W11"}
    # One judgment in force (the kept one), the other preserved, deleted.
    judgments = _owned(db, Judgment, keep)
    assert sorted((j.prison_months, j.deleted_at is None) for j in judgments) == [
        (40, False), (42, True)]
    # One directly responsible team member: the kept person's.
    responsible = [m for m in _owned(db, TeamMember, keep) if m.responsible]
    assert len(responsible) == 1
    assert responsible[0].name == "Cán bộ " + keep[:4]
    with db.reading() as s:
        dropped = s.get(Person, drop)
        assert dropped is not None
        assert dropped.deleted_at is not None
        assert dropped.id_number == "001085012345"  # the row itself is kept as it was
    assert chain_ok(db)


def test_the_audit_keeps_a_snapshot_of_the_dropped_record(
        db: Database, officer: Actor, pair: tuple[str, str]) -> None:
    keep, drop = pair
    merge_people(db, officer, keep, drop, today=TODAY)
    with db.reading() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "merge",
                                                  AuditEntry.entity == "person_merges",
                                                  AuditEntry.entity_id == keep))
    assert entry is not None
    changes = json.loads(entry.changes)
    assert changes["merged_from"] == [None, drop]
    snapshot = changes["dropped_record"][1]
    assert snapshot["person"]["id"] == drop
    assert snapshot["person"]["occupation"] == "Thợ hồ"  # a value the merge did not keep
    assert snapshot["person"]["release_date"] == "2024-01-05"
    assert [j["prison_months"] for j in snapshot["judgments"]] == [40]
    assert changes["choices"][1]["occupation"] == "drop"  # default: kept one was empty
    assert len(changes["moved"][1]["contacts"]) == 2
    assert len(changes["moved"][1]["evaluations_kept_apart"]) == 1


def test_choosing_the_other_judgment_and_case(db: Database, officer: Actor,
                                              pair: tuple[str, str]) -> None:
    keep, drop = pair
    with db.transaction() as s:
        other = s.get(Person, drop)
        assert other is not None
        other.status, other.managed_on = "received", None
    view = merge_people(db, officer, keep, drop, {"judgment": "drop", "case": "drop"},
                        today=TODAY)
    assert view.status == "received"
    assert view.managed_on is None
    live = [j for j in _owned(db, Judgment, keep) if j.deleted_at is None]
    assert [j.prison_months for j in live] == [40]


def test_preview_lists_both_values_and_defaults(db: Database, officer: Actor,
                                                pair: tuple[str, str]) -> None:
    keep, drop = pair
    fields = {f.key: f for f in merge_preview(db, officer, keep, drop)}
    assert (fields["id_number"].keep, fields["id_number"].drop) == ("", "001085012345")
    assert fields["id_number"].default == "drop"
    assert not fields["full_name"].differs
    assert fields["full_name"].default == "keep"
    assert fields["judgment"].differs
    # Each date of the case is named, so the officer can tell the two histories apart.
    for side in (fields["case"].keep, fields["case"].drop):
        assert side.split(" · ")[0] in {"Chờ tiếp nhận", "Đã tiếp nhận", "Đang quản lý"}
        assert all(part.split(" ")[0] in {"nhận", "dự", "tiếp", "quản", "vắng", "chấm"}
                   for part in side.split(" · ")[1:])


@pytest.mark.parametrize(
    ("choices", "message"),
    [({"password": "keep"}, "password"), ({"phone": "both"}, "both"),
     ({"gender": "drop", "id_number": "drop"}, None)],
)
def test_bad_choices_change_nothing(db: Database, officer: Actor, add_person: AddPerson,
                                    choices: dict[str, str], message: str | None) -> None:
    keep = add_person("Nguyễn Văn An", id_number="001085012345")
    drop = add_person("Nguyễn Thị An", gender="female", id_number="001185012345")
    before = _counts(db)
    # The last case: a man's ID with a woman's gender fails the profile's own validation.
    with pytest.raises(ValidationError, match=message or "Chữ số thứ 4"):
        merge_people(db, officer, keep, drop,
                     {**choices, "id_number": "keep"} if message is None else choices,
                     today=TODAY)
    assert _counts(db) == before
    with db.reading() as s:
        assert s.get(Person, drop).deleted_at is None  # type: ignore[union-attr]


def test_merge_is_refused_for_the_same_record_and_for_leaders(
        db: Database, officer: Actor, leader: Actor, pair: tuple[str, str]) -> None:
    keep, drop = pair
    with pytest.raises(ValidationError):
        merge_people(db, officer, keep, keep, today=TODAY)
    with pytest.raises(PermissionDenied):
        merge_people(db, leader, keep, drop, today=TODAY)


def test_the_kept_persons_timeline_reads_well(db: Database, officer: Actor,
                                              pair: tuple[str, str]) -> None:
    from desktop.services.timeline import person_timeline

    keep, drop = pair
    merge_people(db, officer, keep, drop, today=TODAY)
    texts = [e.text for e in person_timeline(db, officer, keep)]
    assert any("001085012345" in t for t in texts)  # the ID taken from the other record
    assert not any("merged_from" in t or "dropped_record" in t for t in texts)


def test_records_to_move_counts_the_live_records_a_merge_moves(
        db: Database, officer: Actor, leader: Actor, pair: tuple[str, str]) -> None:
    keep, drop = pair
    counts = records_to_move(db, officer, drop)
    assert counts == {"judgments": 1, "status_changes": 1, "team_members": 1, "contacts": 2,
                      "supports": 1, "violations": 1, "models": 1, "evaluations": 2,
                      "excused_weeks": 2}
    assert records_to_move(db, leader, drop) == counts  # reading is allowed to leaders
    merge_people(db, officer, keep, drop, today=TODAY)
    moved = records_to_move(db, officer, keep)
    # The dropped person's clashing quarter and week are kept aside, not counted live.
    assert moved["contacts"] == 4
    assert (moved["evaluations"], moved["excused_weeks"]) == (2, 2)
    with pytest.raises(NotFound):
        records_to_move(db, officer, drop)
