"""Creating people (prison notice, walk-in), editing the profile and the judgment."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.models import AuditEntry, Judgment, Person
from desktop.services import persons
from desktop.services.access import Actor
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from tests.services.people_helpers import (
    EXPECTED,
    JUDGMENT,
    NOTICE,
    RECEIVED,
    RELEASE,
    TODAY,
    audit_actions,
    chain_ok,
    expected,
    history,
    judgment,
    last_seq,
    person,
    received,
    snapshot,
)


def person_row(db: Database, person_id: str) -> Person:
    with db.transaction() as s:
        row = s.get(Person, person_id)
        assert row is not None
        return row


def judgments_of(db: Database, person_id: str) -> list[Judgment]:
    with db.transaction() as s:
        return list(s.scalars(select(Judgment).where(Judgment.person_id == person_id)))


# --- expect_person ---------------------------------------------------------------------

def test_expect_person_records_person_judgment_and_history(
    db: Database, officer: Actor
) -> None:
    view = persons.expect_person(db, officer, person(), JUDGMENT, NOTICE, EXPECTED,
                                 today=NOTICE)

    assert (view.full_name, view.name_folded, view.gender_label) == (
        "Nguyễn Văn An", "nguyen van an", "Nam")
    assert (view.birth_date, view.birth_display) == ("1985-04-12", "12/04/1985")
    assert (view.id_number, view.id_legacy) == ("001085012345", False)
    assert (view.status, view.status_label) == ("expected", "Chờ tiếp nhận")
    assert (view.notice_received_on, view.expected_on, view.received_on) == (
        NOTICE, EXPECTED, None)
    assert view.release_date == RELEASE
    assert view.version == 1
    assert view.unit_code == officer.unit_code
    row = person_row(db, view.id)
    assert (row.full_name, row.status, row.residential_area) == (
        "Nguyễn Văn An", "expected", "Tổ 5")
    [j] = judgments_of(db, view.id)
    assert (j.judgment_number, j.prison_months, j.chapter) == ("25/2022/HS-ST", 48, 16)
    assert history(db, view.id) == [(None, "expected", NOTICE, "canbo")]
    assert audit_actions(db) == [("create", "persons"), ("create", "judgments"),
                                 ("create", "status_changes")]
    assert chain_ok(db)


def test_expect_person_without_a_judgment(db: Database, officer: Actor) -> None:
    view = persons.expect_person(db, officer, person(), None, NOTICE, EXPECTED, today=NOTICE)
    assert judgments_of(db, view.id) == []


def test_a_legacy_cmnd_is_accepted_and_flagged(db: Database, officer: Actor) -> None:
    view = persons.register_walk_in(db, officer, person(id_number="123 456 789"), None,
                                    RECEIVED, today=TODAY)
    assert (view.id_number, view.id_legacy) == ("123456789", True)
    assert person_row(db, view.id).id_legacy


def test_an_empty_id_number_is_allowed(db: Database, officer: Actor) -> None:
    view = persons.register_walk_in(db, officer, person(id_number="  "), None, RECEIVED,
                                    today=TODAY)
    assert view.id_number is None


def test_a_year_only_birth_date_is_stored_as_the_year(db: Database, officer: Actor) -> None:
    view = persons.register_walk_in(db, officer, person(birth_date="1985"), None, RECEIVED,
                                    today=TODAY)
    assert (view.birth_date, view.birth_display) == ("1985", "1985")


PERSON_ERRORS: list[tuple[dict[str, Any], str, str]] = [
    ({"full_name": "  "}, "full_name", "Họ và tên"),
    ({"gender": "other"}, "gender", "Giới tính"),
    ({"birth_date": ""}, "birth_date", "Ngày sinh"),
    ({"birth_date": "31/02/1985"}, "birth_date", "31/02/1985"),
    ({"birth_date": "ngày 12"}, "birth_date", "Ngày sinh"),
    ({"birth_date": "2027", "id_number": ""}, "birth_date", "sau ngày hôm nay"),
    ({"birth_date": "01/10/2012", "id_number": ""}, "birth_date", "13 tuổi"),
    ({"birth_date": "1925", "id_number": ""}, "birth_date", "101 tuổi"),
    ({"id_number": "001185012345"}, "id_number", "thứ 4"),
    ({"id_number": "001086012345"}, "id_number", "thứ 5–6"),
    ({"id_number": "0010850123"}, "id_number", "10 chữ số"),
    ({"id_number": "00108501234A"}, "id_number", "chỉ gồm chữ số"),
    ({"phone": "gọi ông Tư"}, "phone", "Số điện thoại"),
    ({"phone": "0912"}, "phone", "Số điện thoại"),
    ({"release_date": None}, "release_date", "Ngày ra trại"),
    ({"release_type": "pardon"}, "release_type", "Hình thức ra trại"),
    ({"place_of_origin": "x" * 301}, "place_of_origin", "300 ký tự"),
]


@pytest.mark.parametrize(("changes", "field", "words"), PERSON_ERRORS)
def test_expect_person_rejects_bad_profiles_and_writes_nothing(
    db: Database, officer: Actor, changes: dict[str, Any], field: str, words: str
) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        persons.expect_person(db, officer, person(**changes), JUDGMENT, NOTICE, EXPECTED,
                              today=NOTICE)
    assert err.value.field == field
    assert words in err.value.message
    assert snapshot(db) == before


def test_a_female_digit_for_a_man_is_explained(db: Database, officer: Actor) -> None:
    with pytest.raises(ValidationError) as err:
        persons.register_walk_in(db, officer, person(id_number="001185012345"), None,
                                 RECEIVED, today=TODAY)
    assert "Chữ số thứ 4 của số CCCD (1)" in err.value.message
    assert "giới tính là nam" in err.value.message


JUDGMENT_ERRORS: list[tuple[dict[str, Any], str]] = [
    ({"main_penalty": "jail"}, "main_penalty"),
    ({"prison_months": None}, "prison_months"),
    ({"prison_months": 0}, "prison_months"),
    ({"prison_months": 361}, "prison_months"),
    ({"main_penalty": "life", "prison_months": 240}, "prison_months"),
    ({"chapter": 0}, "chapter"),
    ({"chapter": 27}, "chapter"),
    ({"prior_convictions": -1}, "prior_convictions"),
    ({"judgment_date": date(2026, 7, 2)}, "judgment_date"),
    ({"obligations_done_on": date(2022, 3, 14)}, "obligations_done_on"),
    ({"obligations_done_on": date(2026, 7, 2)}, "obligations_done_on"),
    ({"supplementary_until": date(2021, 1, 1)}, "supplementary_until"),
    ({"probation_until": date(2022, 3, 1)}, "probation_until"),
    ({"offences": "x" * 2001}, "offences"),
]


@pytest.mark.parametrize(("changes", "field"), JUDGMENT_ERRORS)
def test_expect_person_rejects_bad_judgments_and_writes_nothing(
    db: Database, officer: Actor, changes: dict[str, Any], field: str
) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        persons.expect_person(db, officer, person(), judgment(**changes), NOTICE, EXPECTED,
                              today=NOTICE)
    assert err.value.field == field
    assert snapshot(db) == before


def test_a_judgment_pronounced_after_the_release_is_refused(
    db: Database, officer: Actor
) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        persons.register_walk_in(
            db, officer, person(),
            judgment(judgment_date=date(2026, 9, 2), obligations_done_on=None),
            RECEIVED, today=TODAY)
    assert err.value.field == "judgment_date"
    assert "02/09/2026" in err.value.message
    assert "01/09/2026" in err.value.message
    assert snapshot(db) == before


def test_life_imprisonment_has_no_months(db: Database, officer: Actor) -> None:
    view = persons.expect_person(db, officer, person(),
                                 judgment(main_penalty="life", prison_months=None),
                                 NOTICE, EXPECTED, today=NOTICE)
    [j] = judgments_of(db, view.id)
    assert (j.main_penalty, j.prison_months) == ("life", None)


@pytest.mark.parametrize(
    ("notice", "expected_on", "field"),
    [
        (date(2026, 7, 2), EXPECTED, "notice_received_on"),
        (NOTICE, date(2026, 6, 30), "expected_on"),
        (NOTICE, date(2026, 8, 31), "expected_on"),  # before the release date
    ],
)
def test_expect_person_checks_the_notice_dates(
    db: Database, officer: Actor, notice: date, expected_on: date, field: str
) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        persons.expect_person(db, officer, person(), JUDGMENT, notice, expected_on,
                              today=NOTICE)
    assert err.value.field == field
    assert snapshot(db) == before


def test_an_id_number_already_in_use_names_the_other_person(
    db: Database, officer: Actor, add_person: Callable[..., str]
) -> None:
    add_person("Trần Văn Bình", id_number="001085012345", birth_date="1985")
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        expected(db, officer)
    assert err.value.field == "id_number"
    assert "Trần Văn Bình" in err.value.message
    assert "1985" in err.value.message
    assert snapshot(db) == before


def test_deleted_people_and_other_units_do_not_block_an_id_number(
    db: Database, officer: Actor, add_person: Callable[..., str]
) -> None:
    add_person("Người Đã Xóa", id_number="001085012345",
               deleted_at=datetime(2026, 1, 1, tzinfo=UTC))
    add_person("Người Xã Khác", id_number="001085012345", unit_code="99999")
    assert expected(db, officer).id_number == "001085012345"


def test_a_leader_may_not_create_people(db: Database, leader: Actor) -> None:
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        persons.expect_person(db, leader, person(), JUDGMENT, NOTICE, EXPECTED, today=NOTICE)
    with pytest.raises(PermissionDenied):
        persons.register_walk_in(db, leader, person(), JUDGMENT, RECEIVED, today=TODAY)
    assert snapshot(db) == before


# --- register_walk_in ------------------------------------------------------------------

def test_register_walk_in_creates_a_received_person(db: Database, officer: Actor) -> None:
    view = persons.register_walk_in(db, officer, person(), JUDGMENT, RECEIVED, today=TODAY)

    assert (view.status, view.received_on, view.notice_received_on) == (
        "received", RECEIVED, None)
    assert person_row(db, view.id).status == "received"
    assert len(judgments_of(db, view.id)) == 1
    assert history(db, view.id) == [(None, "received", RECEIVED, "canbo")]
    assert audit_actions(db)[0] == ("create", "persons")
    assert chain_ok(db)


@pytest.mark.parametrize(
    ("release", "received_on", "field"),
    [
        (date(2026, 11, 27), date(2026, 11, 27), "release_date"),
        (RELEASE, date(2026, 11, 27), "received_on"),
        (RELEASE, date(2026, 8, 31), "received_on"),
    ],
)
def test_register_walk_in_checks_release_and_reception_dates(
    db: Database, officer: Actor, release: date, received_on: date, field: str
) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        persons.register_walk_in(db, officer, person(release_date=release), JUDGMENT,
                                 received_on, today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before


# --- update_person ---------------------------------------------------------------------

def test_update_person_saves_changes_bumps_version_and_audits_only_changes(
    db: Database, officer: Actor
) -> None:
    original = received(db, officer)
    seq = last_seq(db)

    view = persons.update_person(
        db, officer, original.id,
        person(full_name="Nguyễn Văn Ân", current_address="Tổ 7, phường Thanh Bình"),
        expected_version=original.version, today=TODAY,
    )

    assert (view.full_name, view.name_folded) == ("Nguyễn Văn Ân", "nguyen van an")
    assert view.version == original.version + 1
    assert person_row(db, view.id).current_address == "Tổ 7, phường Thanh Bình"
    assert audit_actions(db, seq) == [("update", "persons")]
    with db.transaction() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.seq == seq + 1))
        assert entry is not None
        assert set(json.loads(entry.changes)) == {"full_name", "current_address"}
    assert chain_ok(db)


def test_saving_an_unchanged_profile_changes_nothing(db: Database, officer: Actor) -> None:
    original = received(db, officer)
    before = snapshot(db)
    view = persons.update_person(db, officer, original.id, person(), today=TODAY)
    assert view.version == original.version
    assert snapshot(db) == before


def test_a_stale_version_is_refused(db: Database, officer: Actor) -> None:
    original = received(db, officer)
    persons.update_person(db, officer, original.id, person(phone="0912345678"), today=TODAY)
    before = snapshot(db)
    with pytest.raises(ServiceError) as err:
        persons.update_person(db, officer, original.id, person(phone="0987654321"),
                              expected_version=original.version, today=TODAY)
    assert "đã được người khác sửa" in err.value.message
    assert snapshot(db) == before
    assert person_row(db, original.id).phone == "0912345678"


def test_update_person_keeps_id_numbers_unique(
    db: Database, officer: Actor, add_person: Callable[..., str]
) -> None:
    add_person("Lê Thị Hoa", gender="female", birth_date="1990", id_number="001190000001")
    me = received(db, officer)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        persons.update_person(db, officer, me.id, person(
            gender="female", birth_date="1990", id_number="001190000001"), today=TODAY)
    assert err.value.field == "id_number"
    assert "Lê Thị Hoa" in err.value.message
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("release", "field"),
    [(date(2026, 9, 5), "release_date"), (date(2026, 11, 27), "release_date"),
     (date(2022, 3, 14), "judgment_date")],
)
def test_update_person_keeps_the_release_date_consistent(
    db: Database, officer: Actor, release: date, field: str
) -> None:
    me = received(db, officer)  # received 04/09/2026, judgment of 15/03/2022
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        persons.update_person(db, officer, me.id, person(release_date=release), today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before


def test_update_person_rejects_bad_profiles(db: Database, officer: Actor) -> None:
    me = received(db, officer)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        persons.update_person(db, officer, me.id, person(id_number="001086012345"),
                              today=TODAY)
    assert err.value.field == "id_number"
    assert snapshot(db) == before


def test_people_of_other_units_cannot_be_edited(
    db: Database, officer: Actor, add_person: Callable[..., str]
) -> None:
    other = add_person("Người Xã Khác", unit_code="99999")
    with pytest.raises(NotFound):
        persons.update_person(db, officer, other, person(), today=TODAY)
    with pytest.raises(NotFound):
        persons.set_judgment(db, officer, other, JUDGMENT, today=TODAY)


def test_a_leader_may_not_edit_people(db: Database, officer: Actor, leader: Actor) -> None:
    me = received(db, officer)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        persons.update_person(db, leader, me.id, person(phone="0912345678"), today=TODAY)
    with pytest.raises(PermissionDenied):
        persons.set_judgment(db, leader, me.id, JUDGMENT, today=TODAY)
    assert snapshot(db) == before


# --- set_judgment ----------------------------------------------------------------------

def test_set_judgment_creates_then_updates_the_single_judgment(
    db: Database, officer: Actor
) -> None:
    me = persons.register_walk_in(db, officer, person(), None, RECEIVED, today=TODAY)

    created = persons.set_judgment(db, officer, me.id, JUDGMENT, today=TODAY)
    assert (created.person_id, created.version, created.main_penalty_label) == (
        me.id, 1, "Tù có thời hạn")
    seq = last_seq(db)

    updated = persons.set_judgment(db, officer, me.id, judgment(prison_months=72),
                                   today=TODAY)

    assert (updated.id, updated.version, updated.prison_months) == (created.id, 2, 72)
    assert [j.prison_months for j in judgments_of(db, me.id)] == [72]
    assert audit_actions(db, seq) == [("update", "judgments")]
    assert chain_ok(db)


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"judgment_date": date(2026, 9, 2), "obligations_done_on": None}, "judgment_date"),
     ({"chapter": 30}, "chapter"),
     ({"main_penalty": "prison", "prison_months": None}, "prison_months")],
)
def test_set_judgment_rejects_bad_input(
    db: Database, officer: Actor, changes: dict[str, Any], field: str
) -> None:
    me = received(db, officer)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        persons.set_judgment(db, officer, me.id, judgment(**changes), today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before
