"""The support team: members, completeness of the four core roles, responsibility, HCD-07."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from desktop.db import Database
from desktop.models import Person, TeamMember
from desktop.services import team
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

JOINED = date(2024, 1, 10)


def add(db: Database, actor: Actor, pid: str, role: str = "police", name: str = "Lê Văn Công",
        **kw: Any) -> team.TeamMemberView:
    kw.setdefault("from_date", JOINED)
    if role == "mass_org":
        kw.setdefault("organisation", "Hội Liên hiệp Phụ nữ")
    return team.add_team_member(db, actor, pid, role, name, today=TODAY, **kw)


def test_add_member_stores_it_and_audits(db: Database, officer: Actor,
                                         add_person: Callable[..., str]) -> None:
    pid = add_person()
    seq = last_seq(db)

    m = add(db, officer, pid, "mass_org", "  Phạm  Thị Hoa ", phone="0912 345 678",
            position="Chi hội trưởng", responsible=True)

    assert (m.role, m.role_label, m.name, m.organisation, m.from_date, m.to_date) == (
        "mass_org", "Đại diện tổ chức chính trị - xã hội", "Phạm Thị Hoa",
        "Hội Liên hiệp Phụ nữ", JOINED, None)
    assert m.responsible
    assert m.version == 1
    assert m.person_id == pid
    stored = row(db, TeamMember, m.id)
    assert (stored.name, stored.unit_code, stored.phone) == ("Phạm Thị Hoa", "26001",
                                                             "0912 345 678")
    [(action, entity, entity_id, changes)] = audit_since(db, seq)
    assert (action, entity, entity_id) == ("create", "team_members", m.id)
    assert changes["organisation"] == [None, "Hội Liên hiệp Phụ nữ"]
    assert chain_ok(db)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"role": "neighbour"}, "role"),
        ({"role": "mass_org", "organisation": "  "}, "organisation"),
        ({"name": " "}, "name"),
        ({"name": "A" * 201}, "name"),
        ({"phone": "0" * 31}, "phone"),
        ({"from_date": date(2024, 1, 7)}, "from_date"),  # before reception on 08/01/2024
        ({"from_date": date(2026, 11, 27)}, "from_date"),  # tomorrow
    ],
)
def test_add_member_rejects_bad_input_and_writes_nothing(
    db: Database, officer: Actor, add_person: Callable[..., str], changes: dict[str, Any],
    field: str,
) -> None:
    pid = add_person()
    before = snapshot(db)
    values: dict[str, Any] = {"role": "police", "name": "Lê Văn Công", "from_date": JOINED,
                              **changes}
    with pytest.raises(ValidationError) as err:
        team.add_team_member(db, officer, pid, today=TODAY, **values)
    assert err.value.field == field
    assert err.value.message
    assert snapshot(db) == before


@pytest.mark.parametrize("status", ["expected", "ended"])
def test_no_member_for_a_person_not_home_or_no_longer_managed(
    db: Database, officer: Actor, add_person: Callable[..., str], status: str,
) -> None:
    pid = add_person(status=status, ended_on=date(2025, 1, 1) if status == "ended" else None)
    before = snapshot(db)
    with pytest.raises(ServiceError, match="trạng thái"):
        add(db, officer, pid)
    assert snapshot(db) == before


def test_other_units_or_deleted_people_are_not_found(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    foreign = add_person(unit_code=OTHER_UNIT)
    deleted = add_person("Trần Văn Xóa", deleted_at=datetime(2025, 1, 1, tzinfo=UTC))
    before = snapshot(db)
    for pid in (foreign, deleted):
        with pytest.raises(NotFound):
            add(db, officer, pid)
        with pytest.raises(NotFound):
            team.team_of(db, officer, pid, TODAY)
    assert snapshot(db) == before


def test_a_leader_may_read_the_team_but_change_nothing(
    db: Database, officer: Actor, leader: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    m = add(db, officer, pid)
    before = snapshot(db)
    writes: list[Callable[[], object]] = [
        lambda: add(db, leader, pid, "family", "Nguyễn Thị Mẹ"),
        lambda: team.end_team_member(db, leader, m.id, TODAY, today=TODAY),
        lambda: team.replace_team_member(db, leader, m.id, TODAY, "Hà Văn Mới", today=TODAY),
        lambda: team.set_responsible(db, leader, m.id),
        lambda: team.delete_team_member(db, leader, m.id),
        lambda: team.set_team_decision(db, leader, pid, "12/QĐ-UBND", JOINED, today=TODAY),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied):
            write()
    assert snapshot(db) == before
    assert [x.id for x in team.team_of(db, leader, pid, TODAY).members] == [m.id]


def test_team_is_complete_only_when_all_four_core_roles_are_active(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    add(db, officer, pid, "police", "Lê Văn Công")
    add(db, officer, pid, "mass_org", "Phạm Thị Hoa")
    add(db, officer, pid, "party_member", "Đỗ Văn Đảng")
    add(db, officer, pid, "other", "Vũ Văn Hàng Xóm")  # helps, but fills no core role

    three = team.team_of(db, officer, pid, TODAY)
    assert not three.complete
    assert three.missing_roles == ("family",)
    assert three.missing_role_labels == ("Đại diện gia đình",)
    assert len(three.members) == 4

    add(db, officer, pid, "family", "Nguyễn Thị Mẹ", from_date=date(2026, 11, 20))

    four = team.team_of(db, officer, pid, TODAY)
    assert four.complete
    assert four.missing_roles == ()
    assert four.missing_role_labels == ()
    # On a day before the family member joined, the team was still short of that role.
    assert team.team_of(db, officer, pid, date(2026, 11, 19)).missing_roles == ("family",)


def test_team_of_a_past_day_shows_the_members_serving_then(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    m = add(db, officer, pid)
    team.end_team_member(db, officer, m.id, date(2025, 6, 30), today=TODAY)

    assert [x.name for x in team.team_of(db, officer, pid, date(2025, 6, 30)).members] == [
        "Lê Văn Công"]  # the last day served still counts
    after = team.team_of(db, officer, pid, date(2025, 7, 1))
    assert after.members == ()
    assert after.missing_roles == team.missing_core_roles(())
    assert team.team_of(db, officer, pid, date(2024, 1, 9)).members == ()


def test_a_new_responsible_member_takes_the_flag_from_the_previous_one(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    first = add(db, officer, pid, "police", "Lê Văn Công", responsible=True)
    seq = last_seq(db)

    second = add(db, officer, pid, "mass_org", "Phạm Thị Hoa", responsible=True)

    old = row(db, TeamMember, first.id)
    assert not old.responsible
    assert old.version == 2
    view = team.team_of(db, officer, pid, TODAY)
    assert view.responsible is not None
    assert view.responsible.id == second.id
    assert [m.id for m in view.members if m.responsible] == [second.id]
    assert [(a, e, i, c) for a, e, i, c in audit_since(db, seq)][:1] == [
        ("update", "team_members", first.id, {"responsible": [True, False]})]
    assert [a for a, *_ in audit_since(db, seq)] == ["update", "create"]


def test_set_responsible_moves_the_flag_and_refuses_an_ended_member(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    first = add(db, officer, pid, "police", "Lê Văn Công", responsible=True)
    second = add(db, officer, pid, "family", "Nguyễn Thị Mẹ")

    moved = team.set_responsible(db, officer, second.id)

    assert moved.responsible
    assert moved.version == 2
    assert not row(db, TeamMember, first.id).responsible
    team.end_team_member(db, officer, first.id, date(2026, 1, 1), today=TODAY)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        team.set_responsible(db, officer, first.id)
    assert err.value.field == "responsible"
    assert snapshot(db) == before


def test_end_member_records_the_last_day_and_refuses_bad_dates(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    m = add(db, officer, pid)
    before = snapshot(db)
    for bad in (date(2024, 1, 9), date(2026, 11, 27)):  # before joining; tomorrow
        with pytest.raises(ValidationError) as err:
            team.end_team_member(db, officer, m.id, bad, today=TODAY)
        assert err.value.field == "to_date"
    assert snapshot(db) == before

    ended = team.end_team_member(db, officer, m.id, date(2026, 3, 31), today=TODAY)

    assert ended.to_date == date(2026, 3, 31)
    assert ended.version == 2
    with pytest.raises(ValidationError, match="31/03/2026") as again:
        team.end_team_member(db, officer, m.id, TODAY, today=TODAY)
    assert again.value.field == "to_date"


def test_replace_member_ends_the_old_and_adds_the_new_in_one_step(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    old = add(db, officer, pid, "mass_org", "Phạm Thị Hoa", responsible=True)
    seq = last_seq(db)

    new = team.replace_team_member(db, officer, old.id, date(2026, 5, 1), "Bùi Thị Lan",
                                   phone="0988 111 222", today=TODAY)

    assert (new.role, new.organisation, new.from_date, new.responsible) == (
        "mass_org", "Hội Liên hiệp Phụ nữ", date(2026, 5, 1), True)
    ended = row(db, TeamMember, old.id)
    assert ended.to_date == date(2026, 4, 30)
    assert ended.responsible  # it still records who was responsible until then
    assert [m.name for m in team.team_of(db, officer, pid, date(2026, 4, 30)).members] == [
        "Phạm Thị Hoa"]
    assert [m.name for m in team.team_of(db, officer, pid, date(2026, 5, 1)).members] == [
        "Bùi Thị Lan"]
    assert [(a, e) for a, e, *_ in audit_since(db, seq)] == [
        ("end", "team_members"), ("create", "team_members")]


@pytest.mark.parametrize(
    ("on", "name", "field"),
    [
        (JOINED, "Bùi Thị Lan", "from_date"),  # the same day the old member joined
        (date(2026, 11, 27), "Bùi Thị Lan", "from_date"),  # tomorrow
        (date(2026, 5, 1), "", "name"),
    ],
)
def test_replace_member_refused_leaves_the_old_member_in_place(
    db: Database, officer: Actor, add_person: Callable[..., str], on: date, name: str,
    field: str,
) -> None:
    pid = add_person()
    old = add(db, officer, pid)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        team.replace_team_member(db, officer, old.id, on, name, today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before
    assert row(db, TeamMember, old.id).to_date is None


def test_delete_member_entered_by_mistake(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    m = add(db, officer, pid)
    seq = last_seq(db)

    team.delete_team_member(db, officer, m.id, "nhập nhầm")

    assert team.team_of(db, officer, pid, TODAY).members == ()
    assert team.team_history(db, officer, pid) == []
    assert row(db, TeamMember, m.id).deleted_at is not None
    [(action, _, _, changes)] = audit_since(db, seq)
    assert action == "delete"
    assert changes["reason"] == [None, "nhập nhầm"]
    with pytest.raises(NotFound):
        team.end_team_member(db, officer, m.id, TODAY, today=TODAY)


def test_team_history_lists_every_member_newest_first(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    old = add(db, officer, pid, name="Lê Văn Công")
    team.replace_team_member(db, officer, old.id, date(2025, 2, 1), "Hà Văn Mới", today=TODAY)

    assert [(m.name, m.to_date) for m in team.team_history(db, officer, pid)] == [
        ("Hà Văn Mới", None), ("Lê Văn Công", date(2025, 1, 31))]


def test_set_team_decision_stores_hcd07_number_and_date(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    seq = last_seq(db)

    view = team.set_team_decision(db, officer, pid, " 15/QĐ-UBND ", date(2024, 1, 11),
                                  today=TODAY)

    assert (view.decision_number, view.decision_date) == ("15/QĐ-UBND", date(2024, 1, 11))
    person = row(db, Person, pid)
    assert (person.team_decision_number, person.version) == ("15/QĐ-UBND", 2)
    [(action, entity, _, changes)] = audit_since(db, seq)
    assert (action, entity) == ("update", "persons")
    assert changes["team_decision_date"] == [None, "2024-01-11"]


@pytest.mark.parametrize(
    ("number", "day", "field"),
    [
        ("", date(2024, 1, 11), "decision_number"),
        ("15/QĐ-UBND", date(2024, 1, 7), "decision_date"),  # before reception
        ("15/QĐ-UBND", date(2026, 11, 27), "decision_date"),  # tomorrow
    ],
)
def test_set_team_decision_rejects_bad_input(
    db: Database, officer: Actor, add_person: Callable[..., str], number: str, day: date,
    field: str,
) -> None:
    pid = add_person()
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        team.set_team_decision(db, officer, pid, number, day, today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before
