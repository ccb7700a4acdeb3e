"""The blocks of a person's papers (HCD-02 … HCD-11), read once into their snapshot.

Each block is one or two SELECTs whatever the length of the person's history, and comes
back as plain JSON (ISO dates, codes with their Vietnamese labels already resolved), so
a stored snapshot prints the same forever even if the labels or the records change later.
The rows are read through the services' own views (`person_view`, `contact_view`…), so a
paper never shows a field differently from the person page.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import ContactLog, Evaluation, ExcusedWeek, Person, Unit
from desktop.rules.coverage import parse_iso_week
from desktop.rules.periods import Period
from desktop.services.contacts import contact_view, coverage_in
from desktop.services.evaluations import evaluation_view
from desktop.services.person_queries import live_judgment
from desktop.services.person_views import judgment_view, person_view
from desktop.services.supports import support_view, supports_between
from desktop.services.team import active_members, member_view
from desktop.services.violations import violation_view, violations_between

JsonDict = dict[str, Any]

# The profile fields a paper prints (never the photo, the version or the folded name).
PERSON_FIELDS = (
    "id", "full_name", "other_names", "gender", "gender_label", "birth_date",
    "birth_display", "ethnicity", "religion", "id_number", "place_of_origin",
    "permanent_address", "current_address", "residential_area", "phone", "education",
    "occupation", "family_situation", "status", "status_label", "received_on", "managed_on",
    "ended_on", "end_reason", "end_reason_label", "release_date", "release_type",
    "release_type_label", "prison", "certificate_number", "team_decision_number",
    "team_decision_date",
)
JUDGMENT_FIELDS = (
    "court", "judgment_number", "judgment_date", "offences", "penal_articles",
    "main_penalty", "main_penalty_label", "prison_months", "probation_until",
    "supplementary", "supplementary_until", "obligations", "obligations_done_on",
    "prior_convictions",
)


def _json(value: Any) -> Any:
    """Dates as ISO text, tuples as lists: what JSON stores."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    return value


def pick(view: object, names: tuple[str, ...]) -> JsonDict:
    """The named attributes of a view, JSON-ready."""
    return {name: _json(getattr(view, name)) for name in names}


def day(data: Mapping[str, Any], key: str) -> date | None:
    """A stored ISO date back as a date (None when blank)."""
    value = data.get(key)
    return date.fromisoformat(value) if value else None


def person_block(person: Person) -> JsonDict:
    """Identity, addresses, family, release and case dates, with labels."""
    return pick(person_view(person), PERSON_FIELDS)


def judgment_block(session: Session, person_id: str) -> JsonDict | None:
    """The judgment the person came home from, or None when none is recorded."""
    judgment = live_judgment(session, person_id)
    return None if judgment is None else pick(judgment_view(judgment), JUDGMENT_FIELDS)


def team_block(session: Session, person_id: str, on: date) -> list[JsonDict]:
    """The team serving on `on`: the responsible member first, then by role."""
    return [pick(member_view(m), ("role", "role_label", "organisation", "name", "phone",
                                  "position", "from_date", "to_date", "responsible"))
            for m in active_members(session, person_id, on)]


def contacts_block(session: Session, person_id: str, period: Period) -> list[JsonDict]:
    """The contact log of the period, oldest first (the book's order)."""
    rows = session.scalars(select(ContactLog).where(
        ContactLog.person_id == person_id, ContactLog.deleted_at.is_(None),
        ContactLog.contact_date.between(period.start, period.end),
    ).order_by(ContactLog.contact_date, ContactLog.created_at))
    return [pick(contact_view(c), ("contact_date", "form", "form_label", "members_present",
                                   "work", "health", "family", "attitude", "mood",
                                   "risk_sign_labels", "advice", "summary"))
            for c in rows]


def excused_block(session: Session, person_id: str, period: Period) -> list[JsonDict]:
    """Weeks excused from contact that overlap the period, oldest first."""
    rows = session.scalars(select(ExcusedWeek).where(
        ExcusedWeek.person_id == person_id, ExcusedWeek.deleted_at.is_(None),
    ).order_by(ExcusedWeek.week))
    found = []
    for row in rows:
        monday = parse_iso_week(row.week)
        if monday <= period.end and monday + timedelta(days=6) >= period.start:
            found.append({"week": row.week, "starts_on": monday.isoformat(),
                          "ends_on": (monday + timedelta(days=6)).isoformat(),
                          "reason": row.reason})
    return found


def coverage_block(session: Session, person: Person, period: Period) -> JsonDict:
    """Due, covered and excused weeks and the percentage (SPEC §4's one definition)."""
    coverage = coverage_in(session, person, period.start, period.end)
    return {"weeks_due": coverage.due, "weeks_covered": coverage.covered,
            "weeks_excused": coverage.excused, "contact_coverage_pct": coverage.pct}


EVALUATION_FIELDS = (
    "quarter", "quarter_label", "starts_on", "ends_on", "classification",
    "classification_label", "evaluated_on", "helper_report", "law_compliance", "work",
    "family", "community", "obligations", "proposals",
)


def evaluations_block(session: Session, unit: Unit, person_id: str,
                      period: Period) -> list[JsonDict]:
    """The evaluations of the quarters that overlap the period, oldest first."""
    rows = session.scalars(select(Evaluation).where(
        Evaluation.person_id == person_id, Evaluation.deleted_at.is_(None),
    ).order_by(Evaluation.quarter))
    views = [evaluation_view(e, unit) for e in rows]
    return [pick(v, EVALUATION_FIELDS) for v in views
            if v.starts_on <= period.end and v.ends_on >= period.start]


def evaluation_of(session: Session, unit: Unit, person_id: str,
                  quarter: str) -> JsonDict | None:
    """The person's evaluation of one quarter, or None."""
    row = session.scalar(select(Evaluation).where(
        Evaluation.person_id == person_id, Evaluation.deleted_at.is_(None),
        Evaluation.quarter == quarter))
    return None if row is None else pick(evaluation_view(row, unit), EVALUATION_FIELDS)


def supports_block(session: Session, person_id: str, period: Period) -> list[JsonDict]:
    """Support given in the period, oldest first, each with its one-line description."""
    return [pick(support_view(s), ("support_date", "kind", "kind_label", "provider",
                                   "outcome", "amount_vnd", "description"))
            for s in supports_between(session, person_id, period.start, period.end)]


def violations_block(session: Session, person_id: str, period: Period) -> list[JsonDict]:
    """Violations dated in the period, oldest first."""
    return [pick(violation_view(v), ("violation_date", "kind", "kind_label", "description",
                                     "handling"))
            for v in violations_between(session, person_id, period.start, period.end)]
