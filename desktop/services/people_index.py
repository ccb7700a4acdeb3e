"""The people table's data: one precomputed row per live person, for instant search and sort.

The People screen (SPEC §5.2) must stay fluid with thousands of people, so it loads the
whole unit once and filters in memory. Each row therefore carries what filtering and
sorting need, computed here once: the folded search key ("nguyen van a" finds
"Nguyễn Văn A"), the Vietnamese name sort key, the latest classification and whether the
person is overdue today. Loading costs a fixed number of SELECTs whatever the head count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import ScalarSelect, Select, select

from desktop.db import Database
from desktop.models import Evaluation, Person
from desktop.services.access import Action, Actor, require
from desktop.services.labels import GENDER_LABELS, STATUS_LABELS
from desktop.services.overdue import (
    MET_WEEKLY,
    contact_interval,
    contact_state,
    excused_this_week_column,
    last_contact_column,
    overdue_today,
)
from desktop.services.person_views import birth_display
from desktop.text import NameKey, fold, name_sort_key

_ID_SEPARATORS = re.compile(r"[\s.\-]")
_DIGIT_RUNS = re.compile(r"(\d+)")
# Separates the parts of a search key: a query never contains it (fold makes every
# whitespace a space), so a search cannot match across the end of one part.
_PART_SEPARATOR = "\n"
_QUARTER_LEN = len("2026-Q3")

_PERSON_COLUMNS = (
    Person.id, Person.full_name, Person.other_names, Person.gender, Person.birth_date,
    Person.id_number, Person.status, Person.residential_area, Person.received_on,
)


@dataclass(frozen=True)
class PeopleIndexRow:
    """One person as the people table shows, searches and sorts them."""

    id: str
    full_name: str
    other_names: str
    search_key: str  # folded name and other names, and the ID number
    sort_key: NameKey  # given name, then family name (text.name_sort_key)
    gender: str
    gender_label: str
    birth_date: str  # as stored, "YYYY-MM-DD" or "YYYY": sorts chronologically as text
    birth_display: str
    id_number: str | None
    status: str
    status_label: str
    residential_area: str
    classification: str | None  # A–D from the latest quarterly evaluation
    classification_quarter: str | None
    last_contact: date | None
    overdue: bool
    received_on: date | None


# Many people share a name or a birth date, and a refresh meets the same ones again:
# remembering these per text saves most of the cost of loading thousands of rows.
_CACHE_SIZE = 1 << 15
_sort_key = lru_cache(maxsize=_CACHE_SIZE)(name_sort_key)
_fold = lru_cache(maxsize=_CACHE_SIZE)(fold)
_birth_display = lru_cache(maxsize=_CACHE_SIZE)(birth_display)


def search_key(full_name: str, other_names: str, id_number: str | None) -> str:
    """What a search is matched against: folded names and the bare ID number."""
    parts = (_fold(full_name), _fold(other_names) if other_names else "", id_number or "")
    return _PART_SEPARATOR.join(p for p in parts if p)


def query_key(text: str) -> str:
    """The typed search as it is compared: folded, and an ID typed "025 086.098" bare."""
    bare = _ID_SEPARATORS.sub("", text)
    return bare if bare.isdigit() else fold(text)


def matches(row: PeopleIndexRow, key: str) -> bool:
    """Whether a row matches a `query_key` (the empty key matches everyone)."""
    return key in row.search_key


@lru_cache(maxsize=4096)  # a unit has few areas; sorting 6,000 rows asks for each often
def area_sort_key(area: str) -> tuple[tuple[str | int, ...], str]:
    """Residential areas in natural order: "Tổ dân phố 2" before "Tổ dân phố 10"."""
    chunks = _DIGIT_RUNS.split(fold(area))
    # split() alternates text and digit runs, so equal positions compare like with like.
    natural = tuple(int(c) if i % 2 else c for i, c in enumerate(chunks))
    return natural, area


def _latest_evaluation() -> ScalarSelect[Any]:
    """Per person: their latest live evaluation as "2026-Q3" + "A", else NULL.

    One subquery instead of two (quarter, classification) saves a tenth of the load at
    thousands of people; quarter codes always have seven characters, so it splits back.
    """
    return (
        select(Evaluation.quarter + Evaluation.classification)
        .where(Evaluation.person_id == Person.id, Evaluation.deleted_at.is_(None))
        .order_by(Evaluation.quarter.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )


def _index_query(actor: Actor, today: date) -> Select[Any]:
    """The people with everything a row needs, in one SELECT (subqueries use indexes)."""
    columns: tuple[Any, ...] = (
        *_PERSON_COLUMNS, Person.ended_on, last_contact_column(today),
        excused_this_week_column(today), _latest_evaluation(),
    )
    return select(*columns).where(Person.unit_code == actor.unit_code,
                                  Person.deleted_at.is_(None))


def _row(values: Sequence[Any], today: date, interval: int) -> PeopleIndexRow:
    """A table row from the columns `_index_query` selects, in that order."""
    (pid, name, others, gender, birth, id_number, status, area, received_on, ended_on,
     last_contact, excused, evaluation) = values
    quarter = evaluation[:_QUARTER_LEN] if evaluation else None
    group = evaluation[_QUARTER_LEN:] if evaluation else None
    state = contact_state(last_contact, excused, today)
    return PeopleIndexRow(
        id=pid, full_name=name, other_names=others,
        search_key=search_key(name, others, id_number), sort_key=_sort_key(name),
        gender=gender, gender_label=GENDER_LABELS.get(gender, gender),
        birth_date=birth, birth_display=_birth_display(birth), id_number=id_number,
        status=status, status_label=STATUS_LABELS.get(status, status),
        residential_area=area, classification=group, classification_quarter=quarter,
        last_contact=last_contact, received_on=received_on,
        overdue=(status in MET_WEEKLY
                 and overdue_today(state, received_on, ended_on, today, interval)),
    )


def people_index(db: Database, actor: Actor, today: date) -> list[PeopleIndexRow]:
    """Every live person of the actor's unit, in Vietnamese name order; two SELECTs."""
    require(actor, Action.READ)
    with db.reading() as session:
        interval = contact_interval(session, actor, today)
        rows = [_row(values, today, interval)
                for values in session.execute(_index_query(actor, today))]
    rows.sort(key=lambda r: r.sort_key)
    return rows


def residential_areas(db: Database, actor: Actor) -> list[str]:
    """The residential areas (thôn, tổ dân phố) the unit's people live in, natural order."""
    require(actor, Action.READ)
    with db.reading() as session:
        found = session.scalars(
            select(Person.residential_area).distinct()
            .where(Person.unit_code == actor.unit_code, Person.deleted_at.is_(None),
                   Person.residential_area != ""))
        return sorted(found, key=area_sort_key)
