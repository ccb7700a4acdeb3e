"""Reading people: the person page, the people table with its search, and duplicate checks.

The table query selects only the columns a row shows, in one statement (no query per
person, no photo bytes), and search is diacritic-insensitive through `name_folded`:
"nguyen van a" finds "Nguyễn Văn A" (SPEC §5).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Row, Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.models import STATUSES, Judgment, Person, StatusChange, Unit, Violation
from desktop.rules.deadlines import reception_deadlines
from desktop.rules.errors import RuleInputError
from desktop.rules.expungement import ExpungementResult, expected_expungement_of_case
from desktop.rules.identity import BirthDate, parse_birth_date
from desktop.rules.ruleset import DEFAULT_RULE_SET_NAME, RuleSet, resolve_rule_set
from desktop.services import records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.labels import STATUS_LABELS
from desktop.services.person_input import PersonInput
from desktop.services.person_views import (
    PersonDetail,
    PersonRow,
    judgment_view,
    person_row,
    person_view,
    status_change_view,
)
from desktop.text import fold, name_sort_key

# The columns of a PersonRow, in the order `person_row` takes them.
ROW_COLUMNS = (
    Person.id, Person.full_name, Person.name_folded, Person.gender, Person.birth_date,
    Person.id_number, Person.status, Person.residential_area, Person.received_on,
    Person.ended_on,
)
_ID_SEPARATORS = re.compile(r"[\s.\-]")


def live_judgments(session: Session, person_ids: Collection[str]) -> dict[str, Judgment]:
    """Each person's judgment, by person id (a person has at most one live judgment; should
    there be two, the first recorded counts). One SELECT for any number of people."""
    found: dict[str, Judgment] = {}
    rows = session.scalars(
        select(Judgment).where(Judgment.person_id.in_(person_ids), Judgment.deleted_at.is_(None))
        .order_by(Judgment.created_at)
    )
    for judgment in rows:
        found.setdefault(judgment.person_id, judgment)
    return found


def live_judgment(session: Session, person_id: str) -> Judgment | None:
    """The person's judgment (a person has at most one live judgment)."""
    return live_judgments(session, [person_id]).get(person_id)


def _rule_set(session: Session, actor: Actor, day: date) -> RuleSet:
    name = session.scalar(select(Unit.rule_set_name).where(Unit.code == actor.unit_code))
    return validation.rule(resolve_rule_set, name or DEFAULT_RULE_SET_NAME, day)


def first_new_crimes(session: Session, person_ids: Collection[str]) -> dict[str, date]:
    """The first new crime after release, by person id: it restarts the expungement waiting
    period. People without one are left out. One SELECT for any number of people."""
    first: dict[str, date] = {}
    rows = session.execute(
        select(Violation.person_id, func.min(Violation.violation_date))
        .join(Person, Person.id == Violation.person_id)
        .where(Violation.person_id.in_(person_ids), Violation.kind == "new_crime",
               Violation.deleted_at.is_(None),
               or_(Person.release_date.is_(None),
                   Violation.violation_date >= Person.release_date))
        .group_by(Violation.person_id)
    )
    for person_id, on in rows:
        first[person_id] = on
    return first


def expungement_of(person: Person, j: Judgment, first_new_crime: date | None,
                   rs: RuleSet) -> ExpungementResult:
    """The expected expungement of `person` under judgment `j` (person page and dashboard)."""
    return validation.rule(
        expected_expungement_of_case, main_penalty=j.main_penalty,
        prison_months=j.prison_months, chapter=j.chapter, release_type=person.release_type,
        release_date=person.release_date, probation_until=j.probation_until,
        supplementary=j.supplementary, supplementary_until=j.supplementary_until,
        obligations=j.obligations, obligations_done_on=j.obligations_done_on,
        first_new_crime=first_new_crime, rs=rs,
    )


def _expungement(session: Session, person: Person, j: Judgment,
                 rs: RuleSet) -> ExpungementResult:
    first_new_crime = first_new_crimes(session, [person.id]).get(person.id)
    return expungement_of(person, j, first_new_crime, rs)


def get_person(db: Database, actor: Actor, person_id: str,
               today: date | None = None) -> PersonDetail:
    """The person page: profile, judgment, dated history, deadlines, expected expungement."""
    require(actor, Action.READ)
    day = today or date.today()
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        judgment = live_judgment(session, person.id)
        history = session.scalars(
            select(StatusChange).where(StatusChange.person_id == person.id,
                                       StatusChange.deleted_at.is_(None))
            .order_by(StatusChange.on_date, StatusChange.created_at)
        )
        # Deadlines follow the law in force when the step started, not today's.
        started = person.received_on or person.notice_received_on or day
        deadlines = reception_deadlines(person.notice_received_on, person.received_on,
                                        _rule_set(session, actor, started))
        expungement = None if judgment is None else _expungement(
            session, person, judgment, _rule_set(session, actor, day))
        return PersonDetail(
            person=person_view(person),
            judgment=None if judgment is None else judgment_view(judgment),
            history=tuple(status_change_view(c) for c in history),
            deadlines=tuple(deadlines), expungement=expungement,
        )


def _unit_people(actor: Actor, *columns: Any) -> Select[Any]:
    return select(*columns).where(Person.unit_code == actor.unit_code,
                                  Person.deleted_at.is_(None))


def _search(query: Select[Any], text: str) -> Select[Any]:
    """Folded name contains the text, or the ID number starts with it."""
    key = fold(text)
    if not key:
        return query
    matches = [Person.name_folded.contains(key, autoescape=True)]
    digits = _ID_SEPARATORS.sub("", text)
    if digits.isdigit():
        matches.append(Person.id_number.startswith(digits, autoescape=True))
    return query.where(or_(*matches))


def _rows(session: Session, query: Select[Any]) -> list[PersonRow]:
    rows = [person_row(*r) for r in session.execute(query)]
    rows.sort(key=lambda r: name_sort_key(r.full_name))
    return rows


def list_people(db: Database, actor: Actor, query: str = "", status: str | None = None,
                residential_area: str | None = None) -> list[PersonRow]:
    """The people table, in Vietnamese name order, filtered by search text and filters."""
    require(actor, Action.READ)
    select_rows = _search(_unit_people(actor, *ROW_COLUMNS), query)
    if status:
        select_rows = select_rows.where(
            Person.status == validation.one_of("status", status, STATUSES, STATUS_LABELS))
    if residential_area:
        area = validation.text("residential_area", residential_area, max_len=100)
        select_rows = select_rows.where(Person.residential_area == area)
    with db.reading() as session:
        return _rows(session, select_rows)


def _parse_birth(text: str) -> BirthDate | None:
    try:
        return parse_birth_date(text)
    except RuleInputError:
        return None


def _same_birth(a: BirthDate | None, b: BirthDate | None) -> bool:
    """Same full date when both are known to the day; same year when either is a year only."""
    if a is None or b is None:
        return False
    if a.day is not None and b.day is not None:
        return a == b
    return a.year == b.year


@dataclass(frozen=True)
class Identity:
    """What duplicate detection compares: ID number, folded name, birth, folded origin."""

    id_number: str | None
    name_key: str
    birth: BirthDate | None
    origin_key: str


def identity_of(person: PersonInput) -> Identity:
    """The identity of a person as typed (or read from an Excel row)."""
    return Identity(_ID_SEPARATORS.sub("", person.id_number) or None, fold(person.full_name),
                    _parse_birth(person.birth_date), fold(person.place_of_origin))


def _row_identity(row: Row[Any]) -> Identity:
    return Identity(row.id_number, row.name_folded, _parse_birth(row.birth_date),
                    fold(row.place_of_origin))


def same_person(a: Identity, b: Identity) -> bool:
    """Same ID number, or same name and birth (and same place of origin when both are
    known): the one definition of "may be the same person" (reception, Excel intake)."""
    if a.id_number and a.id_number == b.id_number:
        return True
    if a.name_key != b.name_key or not _same_birth(a.birth, b.birth):
        return False
    return not a.origin_key or not b.origin_key or a.origin_key == b.origin_key


# Bound parameters per IN list: well under SQLite's limit, whatever its build.
_CHUNK = 400


def _candidates(session: Session, actor: Actor,
                wanted: Sequence[Identity]) -> dict[str, Row[Any]]:
    """Live people of the unit sharing a folded name or an ID number with any of `wanted`,
    by id: one SELECT per 400 names and per 400 ID numbers, not one per person."""
    names = sorted({w.name_key for w in wanted})
    ids = sorted({w.id_number for w in wanted if w.id_number})
    found: dict[str, Row[Any]] = {}
    base = _unit_people(actor, *ROW_COLUMNS, Person.place_of_origin)
    for column, keys in ((Person.name_folded, names), (Person.id_number, ids)):
        for start in range(0, len(keys), _CHUNK):
            for row in session.execute(base.where(column.in_(keys[start:start + _CHUNK]))):
                found[row.id] = row
    return found


def match_people(session: Session, actor: Actor,
                 people: Sequence[PersonInput]) -> list[list[PersonRow]]:
    """For each input, the live people of the unit who may be that person, in name order.

    Set-based, so a whole Excel file is checked with a handful of SELECTs.
    """
    wanted = [identity_of(p) for p in people]
    by_name: dict[str, list[Row[Any]]] = defaultdict(list)
    by_id: dict[str, list[Row[Any]]] = defaultdict(list)
    for row in _candidates(session, actor, wanted).values():
        by_name[row.name_folded].append(row)
        if row.id_number:
            by_id[row.id_number].append(row)
    result = []
    for w in wanted:
        near = {r.id: r for r in [*by_name.get(w.name_key, []),
                                  *by_id.get(w.id_number or "", [])]}
        rows = [person_row(*r[:len(ROW_COLUMNS)]) for r in near.values()
                if same_person(_row_identity(r), w)]
        rows.sort(key=lambda r: name_sort_key(r.full_name))
        result.append(rows)
    return result


def find_duplicates(db: Database, actor: Actor, person: PersonInput) -> list[PersonRow]:
    """Live people of the unit who may be this person: same ID number, or same name and
    birth (and same place of origin when both are known). Run before creating a record."""
    require(actor, Action.READ)
    with db.reading() as session:
        return match_people(session, actor, [person])[0]
