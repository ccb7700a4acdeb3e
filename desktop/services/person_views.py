"""Plain views of people, judgments and status history, as the person services return them.

Widgets never hold ORM rows (ARCHITECTURE.md): every use case about people hands back one of
these frozen dataclasses, with the Vietnamese labels of its codes already filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from desktop.models import Judgment, Person, StatusChange
from desktop.rules.deadlines import Deadline
from desktop.rules.errors import RuleInputError
from desktop.rules.expungement import ExpungementResult
from desktop.rules.identity import parse_birth_date
from desktop.services.labels import (
    END_REASON_LABELS,
    GENDER_LABELS,
    PENALTY_LABELS,
    RELEASE_TYPE_LABELS,
    STATUS_LABELS,
)


def birth_display(stored: str) -> str:
    """A stored birth date ("1985-04-12" or "1985") as shown: "12/04/1985" or "1985"."""
    try:
        return parse_birth_date(stored).display
    except RuleInputError:
        # Imported or legacy data in an unexpected shape is shown as it is, not hidden.
        return stored


def _label(labels: dict[str, str], code: str | None) -> str:
    return labels.get(code, code) if code else ""


@dataclass(frozen=True)
class PersonView:
    """A person's profile and case dates, without the photo bytes."""

    id: str
    unit_code: str
    version: int
    created_at: datetime
    updated_at: datetime
    full_name: str
    name_folded: str
    other_names: str
    gender: str
    gender_label: str
    birth_date: str
    birth_display: str
    ethnicity: str
    religion: str
    id_number: str | None
    id_legacy: bool
    place_of_origin: str
    permanent_address: str
    current_address: str
    residential_area: str
    phone: str
    education: str
    occupation: str
    family_situation: str
    has_photo: bool
    status: str
    status_label: str
    notice_received_on: date | None
    expected_on: date | None
    received_on: date | None
    managed_on: date | None
    absent_on: date | None
    ended_on: date | None
    end_reason: str | None
    end_reason_label: str
    release_date: date | None
    release_type: str
    release_type_label: str
    prison: str
    certificate_number: str
    team_decision_number: str
    team_decision_date: date | None


_PERSON_DERIVED = frozenset({
    "gender_label", "birth_display", "has_photo", "status_label", "end_reason_label",
    "release_type_label",
})


def person_view(p: Person) -> PersonView:
    """The view of a person row."""
    values: dict[str, Any] = {
        f.name: getattr(p, f.name) for f in fields(PersonView) if f.name not in _PERSON_DERIVED
    }
    return PersonView(
        **values, gender_label=_label(GENDER_LABELS, p.gender),
        birth_display=birth_display(p.birth_date), has_photo=p.photo is not None,
        status_label=_label(STATUS_LABELS, p.status),
        end_reason_label=_label(END_REASON_LABELS, p.end_reason),
        release_type_label=_label(RELEASE_TYPE_LABELS, p.release_type),
    )


@dataclass(frozen=True)
class JudgmentView:
    """The judgment the person came home from."""

    id: str
    person_id: str
    version: int
    court: str
    judgment_number: str
    judgment_date: date | None
    offences: str
    penal_articles: str
    chapter: int | None
    main_penalty: str
    main_penalty_label: str
    prison_months: int | None
    probation_until: date | None
    supplementary: str
    supplementary_until: date | None
    obligations: str
    obligations_done_on: date | None
    prior_convictions: int


def judgment_view(j: Judgment) -> JudgmentView:
    """The view of a judgment row."""
    values: dict[str, Any] = {
        f.name: getattr(j, f.name) for f in fields(JudgmentView)
        if f.name != "main_penalty_label"
    }
    return JudgmentView(**values, main_penalty_label=_label(PENALTY_LABELS, j.main_penalty))


@dataclass(frozen=True)
class StatusChangeView:
    """One dated step of the case lifecycle and who recorded it."""

    id: str
    from_status: str | None
    from_label: str
    to_status: str
    to_label: str
    on_date: date
    by_user: str
    reason: str | None
    reason_label: str
    note: str
    created_at: datetime


def status_change_view(c: StatusChange) -> StatusChangeView:
    """The view of a status change row."""
    return StatusChangeView(
        id=c.id, from_status=c.from_status, from_label=_label(STATUS_LABELS, c.from_status),
        to_status=c.to_status, to_label=_label(STATUS_LABELS, c.to_status),
        on_date=c.on_date, by_user=c.by_user, reason=c.reason,
        reason_label=_label(END_REASON_LABELS, c.reason), note=c.note, created_at=c.created_at,
    )


@dataclass(frozen=True)
class PersonDetail:
    """Everything the person page shows about the case itself."""

    person: PersonView
    judgment: JudgmentView | None
    history: tuple[StatusChangeView, ...]
    deadlines: tuple[Deadline, ...]
    # None when there is no judgment to compute from; otherwise the date or what is missing.
    expungement: ExpungementResult | None


@dataclass(frozen=True)
class PersonRow:
    """One row of the people table (kept small: the table may hold thousands)."""

    id: str
    full_name: str
    name_folded: str
    gender: str
    birth_display: str
    id_number: str | None
    status: str
    status_label_vi: str
    residential_area: str
    received_on: date | None
    ended_on: date | None


def person_row(id: str, full_name: str, name_folded: str, gender: str, birth_date: str,
               id_number: str | None, status: str, residential_area: str,
               received_on: date | None, ended_on: date | None) -> PersonRow:
    """A table row from the columns `person_queries.ROW_COLUMNS` selects, in that order."""
    return PersonRow(
        id=id, full_name=full_name, name_folded=name_folded, gender=gender,
        birth_display=birth_display(birth_date), id_number=id_number, status=status,
        status_label_vi=_label(STATUS_LABELS, status), residential_area=residential_area,
        received_on=received_on, ended_on=ended_on,
    )
