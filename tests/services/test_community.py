"""Community models and exemplary individuals: registering, ending, listing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from desktop.db import Database
from desktop.models import CommunityModel
from desktop.services import community
from desktop.services.access import Actor
from desktop.services.errors import NotFound, PermissionDenied, ValidationError
from tests.services.care_helpers import (
    OTHER_UNIT,
    TODAY,
    audit_since,
    chain_ok,
    last_seq,
    row,
    snapshot,
)


def add_model(db: Database, actor: Actor, **changes: Any) -> community.CommunityModelView:
    values: dict[str, Any] = {"kind": "model", "name": "Câu lạc bộ Hòa nhập tổ 5",
                              "start_date": date(2025, 3, 1), "members": "12 hội viên",
                              **changes}
    return community.add_community_model(db, actor, today=TODAY, **values)


def test_add_model_stores_it_and_audits(db: Database, officer: Actor) -> None:
    seq = last_seq(db)

    m = add_model(db, officer)

    assert (m.kind, m.kind_label, m.name, m.status, m.status_label, m.end_date) == (
        "model", "Mô hình", "Câu lạc bộ Hòa nhập tổ 5", "active", "Đang hoạt động", None)
    assert (m.person_id, m.person_name, m.members) == (None, "", "12 hội viên")
    assert row(db, CommunityModel, m.id).unit_code == "26001"
    [(action, entity, entity_id, _)] = audit_since(db, seq)
    assert (action, entity, entity_id) == ("create", "models", m.id)
    assert chain_ok(db)


def test_an_exemplary_individual_names_a_person_of_the_unit(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person("Hoàng Văn Tiến")

    m = add_model(db, officer, kind="exemplary", name="Điển hình vươn lên làm kinh tế",
                  person_id=pid, start_date=date(2026, 1, 15))

    assert (m.kind_label, m.person_id, m.person_name) == ("Điển hình cá nhân", pid,
                                                          "Hoàng Văn Tiến")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "club"}, "kind"),
        ({"name": "  "}, "name"),
        ({"start_date": date(2026, 11, 27)}, "start_date"),  # tomorrow
        ({"kind": "exemplary"}, "person_id"),  # nobody named
        ({"kind": "exemplary", "person_id": "PERSON", "start_date": date(2024, 1, 7)},
         "start_date"),  # before that person's reception on 08/01/2024
    ],
)
def test_add_model_rejects_bad_input(
    db: Database, officer: Actor, add_person: Callable[..., str], changes: dict[str, Any],
    field: str,
) -> None:
    if changes.get("person_id") == "PERSON":
        changes = {**changes, "person_id": add_person()}
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        add_model(db, officer, **changes)
    assert err.value.field == field
    assert snapshot(db) == before


def test_exemplary_person_of_another_unit_is_not_found(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    foreign = add_person(unit_code=OTHER_UNIT)
    before = snapshot(db)
    with pytest.raises(NotFound):
        add_model(db, officer, kind="exemplary", person_id=foreign)
    assert snapshot(db) == before


def test_leader_may_list_but_not_change_models(db: Database, officer: Actor,
                                               leader: Actor) -> None:
    m = add_model(db, officer)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        add_model(db, leader)
    with pytest.raises(PermissionDenied):
        community.end_community_model(db, leader, m.id, TODAY, today=TODAY)
    with pytest.raises(PermissionDenied):
        community.delete_community_model(db, leader, m.id)
    assert snapshot(db) == before
    assert [x.id for x in community.list_community_models(db, leader)] == [m.id]


def test_end_model_records_its_last_day(db: Database, officer: Actor,
                                        add_person: Callable[..., str]) -> None:
    pid = add_person("Hoàng Văn Tiến")
    m = add_model(db, officer, kind="exemplary", person_id=pid)
    before = snapshot(db)
    for bad in (date(2025, 2, 28), date(2026, 11, 27)):  # before the start; tomorrow
        with pytest.raises(ValidationError) as err:
            community.end_community_model(db, officer, m.id, bad, today=TODAY)
        assert err.value.field == "end_date"
    assert snapshot(db) == before

    ended = community.end_community_model(db, officer, m.id, date(2026, 6, 30), today=TODAY)

    assert (ended.status, ended.end_date, ended.version, ended.person_name) == (
        "ended", date(2026, 6, 30), 2, "Hoàng Văn Tiến")
    with pytest.raises(ValidationError, match="30/06/2026"):
        community.end_community_model(db, officer, m.id, TODAY, today=TODAY)


def test_list_filters_by_kind_and_by_the_day_models_were_active(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person("Hoàng Văn Tiến")
    club = add_model(db, officer, start_date=date(2025, 3, 1))
    ended = add_model(db, officer, name="Tổ tự quản", start_date=date(2024, 5, 1))
    community.end_community_model(db, officer, ended.id, date(2025, 12, 31), today=TODAY)
    person = add_model(db, officer, kind="exemplary", name="Điển hình", person_id=pid,
                       start_date=date(2026, 2, 1))
    mistake = add_model(db, officer, name="Nhập nhầm")
    community.delete_community_model(db, officer, mistake.id, "trùng")

    def ids(**kw: Any) -> list[str]:
        return [m.id for m in community.list_community_models(db, officer, **kw)]

    assert ids() == [person.id, club.id, ended.id]
    assert ids(active_on=TODAY) == [person.id, club.id]
    assert ids(active_on=date(2025, 12, 31)) == [club.id, ended.id]
    assert ids(kind="exemplary") == [person.id]
    assert community.list_community_models(db, officer, kind="exemplary")[0].person_name == (
        "Hoàng Văn Tiến")
    with pytest.raises(ValidationError):
        ids(kind="club")
