"""The person page, the people table (search, filters, order) and duplicate detection."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event

from desktop.db import Database
from desktop.models import Violation
from desktop.services import lifecycle, persons
from desktop.services.access import Actor
from desktop.services.errors import NotFound, ValidationError
from desktop.services.person_queries import find_duplicates, get_person, list_people
from tests.services.people_helpers import (
    RECEIVED,
    TODAY,
    expected,
    judgment,
    person,
)

AddPerson = Callable[..., str]


# --- get_person ------------------------------------------------------------------------

def test_person_page_has_profile_judgment_history_and_deadlines(
    db: Database, officer: Actor, leader: Actor
) -> None:
    p = expected(db, officer)
    lifecycle.receive_person(db, officer, p.id, RECEIVED, today=TODAY)
    lifecycle.start_management(db, officer, p.id, date(2026, 9, 8), today=TODAY)

    detail = get_person(db, leader, p.id, today=TODAY)  # leaders read everything

    assert detail.person.full_name == "Nguyễn Văn An"
    assert detail.person.status == "managed"
    assert detail.judgment is not None
    assert detail.judgment.judgment_number == "25/2022/HS-ST"
    assert [(h.from_label, h.to_label, h.on_date) for h in detail.history] == [
        ("", "Chờ tiếp nhận", date(2026, 7, 1)),
        ("Chờ tiếp nhận", "Đã tiếp nhận", RECEIVED),
        ("Đã tiếp nhận", "Đang quản lý", date(2026, 9, 8)),
    ]
    # Working days: 01/07 (Wed) + 3 → 06/07; 04/09 (Fri) + 3 and + 5 → 09/09 and 11/09.
    assert [(d.key, d.due) for d in detail.deadlines] == [
        ("address_check", date(2026, 7, 6)), ("team_assign", date(2026, 9, 9)),
        ("case_file", date(2026, 9, 11)),
    ]


def test_expected_expungement_counts_from_release_and_obligations(
    db: Database, officer: Actor
) -> None:
    # 48 months of prison (≤ 5 years): Art. 70, two years after release on 01/09/2026.
    detail = get_person(db, officer, expected(db, officer).id, today=TODAY)
    assert detail.expungement is not None
    assert (detail.expungement.expected_on, detail.expungement.article) == (
        date(2028, 9, 1), "70")
    assert detail.expungement.label_vi == "dự kiến 01/09/2028"


def _walk_in(db: Database, officer: Actor, **judgment_changes: Any) -> str:
    view = persons.register_walk_in(db, officer, person(**judgment_changes.pop("p", {})),
                                    judgment(**judgment_changes), RECEIVED, today=TODAY)
    return view.id


def test_unfinished_obligations_leave_expungement_unknown(
    db: Database, officer: Actor
) -> None:
    pid = _walk_in(db, officer, obligations_done_on=None)
    result = get_person(db, officer, pid, today=TODAY).expungement
    assert result is not None
    assert result.expected_on is None
    assert any("nghĩa vụ dân sự" in m for m in result.missing)


def test_conditional_release_counts_from_the_end_of_probation(
    db: Database, officer: Actor
) -> None:
    pid = _walk_in(db, officer, probation_until=date(2027, 3, 1),
                   p={"release_type": "conditional"})
    result = get_person(db, officer, pid, today=TODAY).expungement
    assert result is not None
    assert result.expected_on == date(2029, 3, 1)


def test_chapter_13_offences_wait_longer_for_a_court_decision(
    db: Database, officer: Actor
) -> None:
    pid = _walk_in(db, officer, chapter=13)
    result = get_person(db, officer, pid, today=TODAY).expungement
    assert result is not None
    assert (result.expected_on, result.by_court_decision) == (date(2029, 9, 1), True)


def test_a_new_crime_after_release_suspends_the_expected_date(
    db: Database, officer: Actor
) -> None:
    pid = _walk_in(db, officer)
    with db.transaction() as s:
        s.add(Violation(person_id=pid, unit_code=officer.unit_code, kind="new_crime",
                        violation_date=date(2026, 10, 15)))
    result = get_person(db, officer, pid, today=TODAY).expungement
    assert result is not None
    assert result.expected_on is None
    assert any("15/10/2026" in m for m in result.missing)


def test_without_a_judgment_there_is_no_expungement(db: Database, officer: Actor) -> None:
    view = persons.register_walk_in(db, officer, person(), None, RECEIVED, today=TODAY)
    detail = get_person(db, officer, view.id, today=TODAY)
    assert detail.judgment is None
    assert detail.expungement is None
    assert [d.key for d in detail.deadlines] == ["team_assign", "case_file"]


def test_another_units_person_is_not_found(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    other = add_person("Người Xã Khác", unit_code="99999")
    with pytest.raises(NotFound):
        get_person(db, officer, other, today=TODAY)


# --- list_people -----------------------------------------------------------------------

@pytest.fixture
def people(add_person: AddPerson) -> dict[str, str]:
    """Five people of the unit, one deleted, one of another unit."""
    ids = {
        "an": add_person("Nguyễn Văn An", id_number="001085012345", residential_area="Tổ 5"),
        "anh": add_person("Nguyễn Văn Anh", status="received", residential_area="Tổ 7"),
        "binh": add_person("Trần Văn Bình", id_number="019090000001",
                           residential_area="Tổ 5"),
        "dong": add_person("Đặng Văn Đông", status="ended", ended_on=date(2025, 1, 1)),
        "an_le": add_person("Lê Thị An", gender="female", status="expected"),
    }
    add_person("Nguyễn Văn Xóa", deleted_at=datetime(2026, 1, 1, tzinfo=UTC))
    add_person("Nguyễn Văn Khác", unit_code="99999")
    return ids


def names(rows: list[Any]) -> list[str]:
    return [r.full_name for r in rows]


def test_people_are_listed_by_given_name_then_family_name(
    db: Database, officer: Actor, people: dict[str, str]
) -> None:
    assert names(list_people(db, officer)) == [
        "Lê Thị An", "Nguyễn Văn An", "Nguyễn Văn Anh", "Trần Văn Bình", "Đặng Văn Đông",
    ]


@pytest.mark.parametrize(
    ("query", "expected_names"),
    [
        ("nguyen van a", ["Nguyễn Văn An", "Nguyễn Văn Anh"]),
        ("NGUYỄN VĂN  AN", ["Nguyễn Văn An", "Nguyễn Văn Anh"]),
        ("dang", ["Đặng Văn Đông"]),
        ("dong", ["Đặng Văn Đông"]),
        ("0010", ["Nguyễn Văn An"]),
        ("019 090", ["Trần Văn Bình"]),
        ("085012345", []),  # ID numbers match from the start only
        ("%", []),
        ("xyz", []),
    ],
)
def test_search_ignores_diacritics_and_matches_id_prefixes(
    db: Database, officer: Actor, people: dict[str, str], query: str,
    expected_names: list[str],
) -> None:
    assert names(list_people(db, officer, query)) == expected_names


def test_filters_by_status_and_residential_area(
    db: Database, officer: Actor, people: dict[str, str]
) -> None:
    assert names(list_people(db, officer, status="managed")) == [
        "Nguyễn Văn An", "Trần Văn Bình"]
    assert names(list_people(db, officer, residential_area=" Tổ 5 ")) == [
        "Nguyễn Văn An", "Trần Văn Bình"]
    assert names(list_people(db, officer, "nguyen", status="managed",
                             residential_area="Tổ 5")) == [
        "Nguyễn Văn An"]
    with pytest.raises(ValidationError) as err:
        list_people(db, officer, status="gone")
    assert err.value.field == "status"


def test_rows_carry_what_the_table_shows(
    db: Database, leader: Actor, people: dict[str, str]
) -> None:
    row = next(r for r in list_people(db, leader, "dang"))
    assert (row.id, row.name_folded, row.gender, row.birth_display) == (
        people["dong"], "dang van dong", "male", "12/04/1985")
    assert (row.status, row.status_label_vi, row.ended_on) == (
        "ended", "Kết thúc quản lý", date(2025, 1, 1))


@pytest.fixture
def selects(db: Database) -> Iterator[list[str]]:
    """The SELECT statements the engine runs while the test is inside the block."""
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", listen)
    yield seen
    event.remove(db.engine, "before_cursor_execute", listen)


def test_the_table_is_one_query_whatever_the_number_of_people(
    db: Database, officer: Actor, people: dict[str, str], selects: list[str]
) -> None:
    rows = list_people(db, officer)
    assert len(rows) == 5
    assert len(selects) == 1
    assert "photo" not in selects[0]


# --- find_duplicates -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("changes", "found"),
    [
        ({"full_name": "Tên Khác Hẳn", "birth_date": "1970"}, True),  # same ID number
        ({"id_number": "", "full_name": "nguyen van an"}, True),  # same name and birth
        ({"id_number": "", "birth_date": "1985"}, True),  # year only on one side
        ({"id_number": "", "birth_date": "13/04/1985"}, False),  # another day
        ({"id_number": "", "birth_date": "1986"}, False),
        ({"id_number": "", "place_of_origin": "xa tan cuong, thai nguyen"}, True),
        ({"id_number": "", "place_of_origin": "Hà Giang"}, False),
        ({"id_number": "", "place_of_origin": ""}, True),
        ({"id_number": "", "full_name": "Nguyễn Văn Anh"}, False),
        ({"id_number": "", "birth_date": "không rõ"}, False),
    ],
)
def test_find_duplicates(
    db: Database, officer: Actor, add_person: AddPerson, changes: dict[str, str],
    found: bool,
) -> None:
    existing = add_person("Nguyễn Văn An", id_number="001085012345",
                          place_of_origin="Xã Tân Cương, Thái Nguyên")
    rows = find_duplicates(db, officer, person(**changes))
    assert [r.id for r in rows] == ([existing] if found else [])


def test_deleted_and_foreign_people_are_not_duplicates(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    add_person("Nguyễn Văn An", id_number="001085012345",
               deleted_at=datetime(2026, 1, 1, tzinfo=UTC))
    add_person("Nguyễn Văn An", id_number="001085012345", unit_code="99999")
    assert find_duplicates(db, officer, person()) == []
