"""The people table's rows: search keys, Vietnamese order, classification, overdue, cost."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event, update

from desktop.db import Database
from desktop.models import ContactLog, Evaluation, ExcusedWeek, Unit
from desktop.rules.coverage import is_overdue
from desktop.services.access import Actor
from desktop.services.errors import PermissionDenied
from desktop.services.people_index import (
    PeopleIndexRow,
    area_sort_key,
    matches,
    people_index,
    query_key,
    residential_areas,
)
from tests.conftest import UNIT_CODE

TODAY = date(2026, 11, 26)  # a Thursday; its ISO week is 2026-W48 (Monday 23/11)
AddPerson = Callable[..., str]


def _add(db: Database, *rows: Any) -> None:
    with db.transaction() as s:
        s.add_all(rows)


def contact(person_id: str, on: date, **fields: Any) -> ContactLog:
    return ContactLog(person_id=person_id, contact_date=on, unit_code=UNIT_CODE, **fields)


def evaluation(person_id: str, quarter: str, group: str, **fields: Any) -> Evaluation:
    return Evaluation(person_id=person_id, quarter=quarter, classification=group,
                      evaluated_on=date(2026, 10, 2), unit_code=UNIT_CODE, **fields)


def by_id(db: Database, actor: Actor) -> dict[str, PeopleIndexRow]:
    return {r.id: r for r in people_index(db, actor, TODAY)}


def found(db: Database, actor: Actor, typed: str) -> list[str]:
    key = query_key(typed)
    return [r.full_name for r in people_index(db, actor, TODAY) if matches(r, key)]


# --- which people, in which order ------------------------------------------------------

def test_lists_live_people_of_the_unit_only(db: Database, officer: Actor,
                                            add_person: AddPerson) -> None:
    add_person("Nguyễn Văn An")
    add_person("Lê Văn Gone", deleted_at=datetime(2026, 1, 1, tzinfo=UTC))
    add_person("Trần Thị Khác", unit_code="99999")
    assert [r.full_name for r in people_index(db, officer, TODAY)] == ["Nguyễn Văn An"]


def test_vietnamese_order_by_given_name_then_family_name(db: Database, officer: Actor,
                                                         add_person: AddPerson) -> None:
    for name in ("Trần Văn Bình", "Phạm Đức Đạt", "Lê Thị Ánh", "Đỗ Văn Dũng",
                 "Nguyễn Văn An", "Bùi Văn An"):
        add_person(name)
    assert [r.full_name for r in people_index(db, officer, TODAY)] == [
        "Bùi Văn An", "Nguyễn Văn An", "Lê Thị Ánh", "Trần Văn Bình", "Đỗ Văn Dũng",
        "Phạm Đức Đạt",
    ]


def test_labels_and_birth_shown_as_users_read_them(db: Database, officer: Actor,
                                                   add_person: AddPerson) -> None:
    pid = add_person("Vũ Thị Hoa", gender="female", birth_date="1990", status="received")
    row = by_id(db, officer)[pid]
    assert (row.gender_label, row.birth_display, row.status_label) == (
        "Nữ", "1990", "Đã tiếp nhận")
    other = add_person("Hà Văn Tú", birth_date="1985-04-12")
    assert by_id(db, officer)[other].birth_display == "12/04/1985"


# --- search ----------------------------------------------------------------------------

def test_search_ignores_diacritics_case_and_d_stroke(db: Database, officer: Actor,
                                                     add_person: AddPerson) -> None:
    add_person("Nguyễn Văn An")
    add_person("Đặng Thị Đào")
    add_person("Trần Văn Bình")
    assert found(db, officer, "nguyen van a") == ["Nguyễn Văn An"]
    assert found(db, officer, "NGUYỄN  văn") == ["Nguyễn Văn An"]
    assert found(db, officer, "dang thi dao") == ["Đặng Thị Đào"]
    assert found(db, officer, "đặng") == found(db, officer, "dang") == ["Đặng Thị Đào"]
    assert len(found(db, officer, "")) == 3


def test_search_finds_other_names_and_id_numbers(db: Database, officer: Actor,
                                                 add_person: AddPerson) -> None:
    add_person("Nguyễn Văn An", other_names="Tèo", id_number="001085012345")
    add_person("Trần Văn Bình", id_number="001086099999")
    assert found(db, officer, "teo") == ["Nguyễn Văn An"]
    assert found(db, officer, "001 085.012") == ["Nguyễn Văn An"]
    assert found(db, officer, "0010") == ["Nguyễn Văn An", "Trần Văn Bình"]


def test_search_does_not_match_across_name_and_id(db: Database, officer: Actor,
                                                  add_person: AddPerson) -> None:
    add_person("Nguyễn Văn An", id_number="001085012345")
    assert found(db, officer, "an 001") == []


# --- classification and contacts -------------------------------------------------------

def test_latest_live_evaluation_gives_the_classification(db: Database, officer: Actor,
                                                         add_person: AddPerson) -> None:
    pid, never = add_person("Nguyễn Văn An"), add_person("Trần Văn Bình")
    _add(db, evaluation(pid, "2026-Q2", "C"), evaluation(pid, "2026-Q3", "A"),
         evaluation(pid, "2026-Q4", "D", deleted_at=datetime(2026, 11, 1, tzinfo=UTC)))
    rows = by_id(db, officer)
    assert (rows[pid].classification, rows[pid].classification_quarter) == ("A", "2026-Q3")
    assert rows[never].classification is None


def test_last_contact_ignores_deleted_and_later_contacts(db: Database, officer: Actor,
                                                         add_person: AddPerson) -> None:
    pid = add_person("Nguyễn Văn An")
    _add(db, contact(pid, date(2026, 11, 10)), contact(pid, date(2026, 11, 5)),
         contact(pid, date(2026, 11, 20), deleted_at=datetime(2026, 11, 21, tzinfo=UTC)),
         contact(pid, date(2026, 12, 3)))
    assert by_id(db, officer)[pid].last_contact == date(2026, 11, 10)


# --- overdue: the SPEC §4 rule with the unit's interval ---------------------------------

@pytest.mark.parametrize(("last", "excused", "overdue"), [
    (date(2026, 11, 16), False, True),   # 10 days ago, nothing this week
    (date(2026, 11, 23), False, False),  # Monday of this week: covered
    (date(2026, 11, 16), True, False),   # this week excused
    (date(2026, 11, 20), False, False),  # 6 days ago: within the interval
    (None, False, True),                 # never met since the 2024 reception
])
def test_overdue_follows_the_rule(db: Database, officer: Actor, add_person: AddPerson,
                                  last: date | None, excused: bool, overdue: bool) -> None:
    pid = add_person("Nguyễn Văn An")
    if last is not None:
        _add(db, contact(pid, last))
    if excused:
        _add(db, ExcusedWeek(person_id=pid, week="2026-W48", reason="Đi làm xa",
                             unit_code=UNIT_CODE))
    assert by_id(db, officer)[pid].overdue is overdue
    assert overdue is is_overdue(TODAY, date(2024, 1, 8), None, last,
                                 last is not None and last >= date(2026, 11, 23), excused)


def test_overdue_uses_the_units_contact_interval(db: Database, officer: Actor,
                                                 add_person: AddPerson) -> None:
    pid = add_person("Nguyễn Văn An")
    _add(db, contact(pid, date(2026, 11, 16)))
    with db.transaction() as s:
        s.execute(update(Unit).where(Unit.code == UNIT_CODE).values(contact_interval_days=14))
    assert by_id(db, officer)[pid].overdue is False


def test_only_people_met_weekly_can_be_overdue(db: Database, officer: Actor,
                                              add_person: AddPerson) -> None:
    """Received and managed people are met weekly; an absent one cannot be met (the
    dashboard lists them apart), an ended or expected one is not managed."""
    ended = add_person("Nguyễn Văn An", status="ended", ended_on=date(2026, 6, 1))
    expected = add_person("Trần Văn Bình", status="expected", received_on=None,
                          managed_on=None)
    absent = add_person("Lê Văn Cường", status="absent", absent_on=date(2026, 10, 1))
    received = add_person("Phạm Văn Dũng", status="received", managed_on=None)
    _add(db, *(contact(pid, date(2026, 9, 30)) for pid in (ended, absent, received)))
    rows = by_id(db, officer)
    assert [rows[p].overdue for p in (ended, expected, absent, received)] == [
        False, False, False, True]


# --- cost and permissions --------------------------------------------------------------

@contextmanager
def counting_selects(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _person_with_history(db: Database, add_person: AddPerson, n: int) -> None:
    pid = add_person(f"Người Thứ {n}")
    _add(db, contact(pid, date(2026, 11, 2)), contact(pid, date(2026, 11, 9)),
         evaluation(pid, "2026-Q3", "B"))


def test_a_fixed_number_of_selects_whatever_the_head_count(db: Database, officer: Actor,
                                                           add_person: AddPerson) -> None:
    _person_with_history(db, add_person, 0)
    with counting_selects(db) as few:
        assert len(people_index(db, officer, TODAY)) == 1
    for n in range(1, 30):
        _person_with_history(db, add_person, n)
    with counting_selects(db) as many:
        assert len(people_index(db, officer, TODAY)) == 30
    assert len(many) == len(few) <= 2


def test_every_role_may_read_an_unknown_role_may_not(db: Database, leader: Actor,
                                                     add_person: AddPerson) -> None:
    add_person("Nguyễn Văn An")
    assert len(people_index(db, leader, TODAY)) == 1
    stranger = Actor("x", "X", "visitor", UNIT_CODE)
    with pytest.raises(PermissionDenied):
        people_index(db, stranger, TODAY)
    with pytest.raises(PermissionDenied):
        residential_areas(db, stranger)


# --- residential areas -----------------------------------------------------------------

def test_residential_areas_distinct_in_natural_order(db: Database, officer: Actor,
                                                     add_person: AddPerson) -> None:
    for area in ("Tổ dân phố 10", "Tổ dân phố 2", "Thôn Đông", "Tổ dân phố 2", ""):
        add_person("Nguyễn Văn An", residential_area=area)
    add_person("Trần Văn Bình", residential_area="Xóm Khác", unit_code="99999")
    assert residential_areas(db, officer) == ["Thôn Đông", "Tổ dân phố 2", "Tổ dân phố 10"]


def test_area_sort_key_orders_numbers_as_numbers() -> None:
    areas = ["Tổ 10", "tổ 9", "Thôn B", "Tổ 1"]
    assert sorted(areas, key=area_sort_key) == ["Thôn B", "Tổ 1", "tổ 9", "Tổ 10"]


def test_query_key_folds_text_and_strips_id_separators() -> None:
    assert query_key("  Nguyễn   VĂN ") == "nguyen van"
    assert query_key("025 086-098.418") == "025086098418"
    assert query_key("Đ") == "d"


def test_rows_are_frozen(db: Database, officer: Actor, add_person: AddPerson) -> None:
    add_person()
    row = people_index(db, officer, TODAY)[0]
    with pytest.raises(AttributeError):
        row.full_name = "x"  # type: ignore[misc]

