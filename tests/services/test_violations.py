"""Recording, correcting, removing and listing a person's violations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from desktop.db import Database
from desktop.models import Violation
from desktop.services import violations
from desktop.services.access import Actor
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from tests.services.care_helpers import (
    OTHER_UNIT,
    TODAY,
    audit_since,
    chain_ok,
    last_seq,
    row,
    snapshot,
)

FINED: dict[str, Any] = {"kind": "administrative", "violation_date": date(2026, 10, 2),
         "description": "Gây rối trật tự công cộng", "handling": "Phạt 750.000 đồng"}


def record(db: Database, actor: Actor, pid: str, **changes: Any) -> violations.ViolationView:
    return violations.record_violation(db, actor, pid, today=TODAY, **{**FINED, **changes})


def test_record_violation_stores_it_and_audits(db: Database, officer: Actor,
                                               add_person: Callable[..., str]) -> None:
    pid = add_person()
    seq = last_seq(db)

    v = record(db, officer, pid, description="  Gây rối  trật tự\ncông cộng ")

    assert (v.kind, v.kind_label, v.violation_date, v.description, v.handling) == (
        "administrative", "Vi phạm hành chính", date(2026, 10, 2),
        "Gây rối trật tự\ncông cộng", "Phạt 750.000 đồng")
    assert row(db, Violation, v.id).person_id == pid
    [(action, entity, entity_id, _)] = audit_since(db, seq)
    assert (action, entity, entity_id) == ("create", "violations", v.id)
    assert chain_ok(db)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "traffic"}, "kind"),
        ({"violation_date": date(2026, 11, 27)}, "violation_date"),  # tomorrow
        ({"violation_date": date(2024, 1, 7)}, "violation_date"),  # before reception
        ({"description": "  "}, "description"),
    ],
)
def test_record_violation_rejects_bad_input(
    db: Database, officer: Actor, add_person: Callable[..., str], changes: dict[str, Any],
    field: str,
) -> None:
    pid = add_person()
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        record(db, officer, pid, **changes)
    assert err.value.field == field
    assert snapshot(db) == before


def test_no_violation_after_the_end_of_management_or_before_coming_home(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    ended = add_person(status="ended", ended_on=date(2026, 9, 30), end_reason="moved")
    expected = add_person("Trần Văn Chờ", status="expected", received_on=None)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        record(db, officer, ended)
    assert err.value.field == "violation_date"
    with pytest.raises(ServiceError):
        record(db, officer, expected)
    assert snapshot(db) == before


def test_leader_is_refused_and_other_units_are_not_found(
    db: Database, officer: Actor, leader: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    foreign = add_person(unit_code=OTHER_UNIT)
    v = record(db, officer, pid)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        record(db, leader, pid)
    with pytest.raises(PermissionDenied):
        violations.update_violation(db, leader, v.id, today=TODAY, **FINED)
    with pytest.raises(PermissionDenied):
        violations.delete_violation(db, leader, v.id)
    with pytest.raises(NotFound):
        record(db, officer, foreign)
    with pytest.raises(NotFound):
        violations.list_violations(db, officer, foreign)
    assert snapshot(db) == before
    assert [x.id for x in violations.list_violations(db, leader, pid)] == [v.id]


def test_update_violation_bumps_the_version(db: Database, officer: Actor,
                                            add_person: Callable[..., str]) -> None:
    pid = add_person()
    v = record(db, officer, pid)
    seq = last_seq(db)

    updated = violations.update_violation(db, officer, v.id, today=TODAY,
                                          **{**FINED, "kind": "new_crime"})

    assert (updated.kind, updated.kind_label, updated.version) == (
        "new_crime", "Phạm tội mới", 2)
    [(action, _, _, changes)] = audit_since(db, seq)
    assert action == "update"
    assert changes == {"kind": ["administrative", "new_crime"]}
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        violations.update_violation(db, officer, v.id, today=TODAY,
                                    **{**FINED, "description": ""})
    assert err.value.field == "description"
    assert snapshot(db) == before


def test_delete_and_list_newest_first(db: Database, officer: Actor,
                                      add_person: Callable[..., str]) -> None:
    pid = add_person()
    old = record(db, officer, pid, violation_date=date(2025, 3, 1))
    new = record(db, officer, pid, violation_date=date(2026, 3, 1))
    mistake = record(db, officer, pid, violation_date=date(2025, 9, 1))

    violations.delete_violation(db, officer, mistake.id, "nhầm người")

    assert [v.id for v in violations.list_violations(db, officer, pid)] == [new.id, old.id]
    assert row(db, Violation, mistake.id).deleted_at is not None
