"""The people behind the figures: the HCD-13 annex and the HCD-09 classification list.

Both list the people under management at the end of a day, which is exactly the
`managed_at_end` figure's definition (received on or before the day, not ended by it), so
the list's length always equals the figure printed above it. Three SELECTs whatever the
number of people: persons, their judgments, their evaluations of one quarter.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from desktop.models import Evaluation, Judgment, Person
from desktop.rules.classification import validate_classification
from desktop.rules.errors import RuleInputError
from desktop.text import name_sort_key

MISSING = "missing"  # managed at the quarter's end without a (valid) evaluation


@dataclass(frozen=True)
class AnnexRow:
    """One person as the annex prints them; `classification` is A–D or "missing"."""

    full_name: str
    birth_year: str
    residence: str
    offences: str
    received_on: str  # ISO date: the snapshot is JSON
    classification: str

    def to_json(self) -> dict[str, str]:
        """The row as stored in the report snapshot."""
        return asdict(self)


def _managed_at(unit_code: str, day: date) -> Select[Person]:
    return select(Person).where(
        Person.unit_code == unit_code, Person.deleted_at.is_(None),
        Person.received_on.is_not(None), Person.received_on <= day,
        or_(Person.ended_on.is_(None), Person.ended_on > day),
    )


def _offences(session: Session, ids: Select[str]) -> dict[str, str]:
    """The offences of each person's latest judgment (by date, then newest row)."""
    rows = session.execute(
        select(Judgment.person_id, Judgment.offences, Judgment.judgment_date,
               Judgment.created_at)
        .where(Judgment.deleted_at.is_(None), Judgment.person_id.in_(ids))
    )
    latest: dict[str, tuple[tuple[date, datetime], str]] = {}
    for person_id, offences, judged_on, created_at in rows:
        rank = (judged_on or date.min, created_at)
        if person_id not in latest or latest[person_id][0] < rank:
            latest[person_id] = (rank, offences)
    return {person_id: offences for person_id, (_, offences) in latest.items()}


def _classes(session: Session, ids: Select[str], quarter: str | None) -> dict[str, str]:
    if quarter is None:
        return {}
    rows = session.execute(
        select(Evaluation.person_id, Evaluation.classification).where(
            Evaluation.deleted_at.is_(None), Evaluation.quarter == quarter,
            Evaluation.person_id.in_(ids),
        )
    )
    return {person_id: _class_of(code) for person_id, code in rows}


def _class_of(code: str) -> str:
    # The same reading as the classification figures: an invalid code counts as missing.
    try:
        return validate_classification(code)
    except RuleInputError:
        return MISSING


def _residence(p: Person) -> str:
    return p.current_address or p.permanent_address or p.residential_area


def people_managed_at(session: Session, unit_code: str, day: date,
                      quarter: str | None) -> list[AnnexRow]:
    """The unit's people under management at the end of `day`, in Vietnamese name order,
    each with the classification of `quarter` (a quarter code; None prints none)."""
    persons = list(session.scalars(_managed_at(unit_code, day)))
    ids = _managed_at(unit_code, day).with_only_columns(Person.id)
    offences = _offences(session, ids)
    classes = _classes(session, ids, quarter)
    persons.sort(key=lambda p: name_sort_key(p.full_name))
    return [
        AnnexRow(
            full_name=p.full_name, birth_year=p.birth_date[:4], residence=_residence(p),
            offences=offences.get(p.id, ""),
            received_on=p.received_on.isoformat() if p.received_on else "",
            classification=classes.get(p.id, MISSING),
        )
        for p in persons
    ]
