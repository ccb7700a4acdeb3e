"""Quarterly evaluations (HCD-08 helper's report, HCD-09 classification A/B/C/D).

A quarter is a reporting quarter of the home unit's convention (calendar, or the 15th-to-14th
cut-off), so "2026-Q1" may run from 15/12/2025 to 14/03/2026. There is one evaluation per
person and quarter: recording it again corrects it. `evaluation_draft` pre-fills the form
from that quarter's contacts, support and violations (SPEC §3).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.formatting import format_date, format_decimal
from desktop.models import ContactLog, Evaluation, Person, Support, Unit, Violation
from desktop.rules.classification import validate_classification
from desktop.rules.coverage import WeekCoverage
from desktop.rules.deadlines import evaluation_deadline
from desktop.rules.periods import Period, parse_period
from desktop.services import locking, records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.casework import (
    free_text,
    home_unit,
    label,
    person_in_care,
    today_or,
    unit_rule_set,
)
from desktop.services.contacts import coverage_in, split_risk_signs
from desktop.services.errors import ValidationError
from desktop.services.labels import CONTACT_FORM_LABELS, RISK_SIGN_LABELS, VIOLATION_KIND_LABELS
from desktop.services.supports import describe, supports_between
from desktop.services.violations import violations_between

_NOTES = ("helper_report", "law_compliance", "work", "family", "community", "obligations",
          "proposals")


@dataclass(frozen=True)
class EvaluationInput:
    """The evaluation form: quarter code ("2026-Q3"), group A–D and the criteria notes."""

    quarter: str
    classification: str
    evaluated_on: date
    helper_report: str = ""
    law_compliance: str = ""
    work: str = ""
    family: str = ""
    community: str = ""
    obligations: str = ""
    proposals: str = ""


@dataclass(frozen=True)
class EvaluationView:
    """One quarterly evaluation with its quarter's dates and the rule set's group label."""

    id: str
    person_id: str
    version: int
    quarter: str
    quarter_label: str
    starts_on: date
    ends_on: date
    classification: str
    classification_label: str
    evaluated_on: date
    helper_report: str
    law_compliance: str
    work: str
    family: str
    community: str
    obligations: str
    proposals: str


def _quarter(unit: Unit, code: str) -> Period:
    """The unit's reporting quarter named by `code`; anything but a quarter is refused."""
    try:
        period = validation.rule(parse_period, code, unit.period_convention,
                                 unit.year_start_month)
    except ValidationError as exc:
        raise ValidationError("quarter", exc.message) from exc
    if period.kind != "quarter":
        raise ValidationError("quarter", f"“{code.strip()}” không phải là một quý: hãy nhập "
                                         "theo mẫu năm-Q số quý, ví dụ 2026-Q3.")
    return period


def _capital(text: str) -> str:
    """`text` starting a sentence ("quý III năm 2026" → "Quý III năm 2026")."""
    return text[:1].upper() + text[1:]


def _deadline(unit: Unit, period: Period) -> date:
    """The HCD-08 due date, from the rule set in force when the quarter ends."""
    return evaluation_deadline(period, unit_rule_set(unit, period.end)).due


def evaluation_view(e: Evaluation, unit: Unit) -> EvaluationView:
    """The plain view of an evaluation row, its quarter read in the unit's convention."""
    period = _quarter(unit, e.quarter)
    labels = unit_rule_set(unit, period.end).classification_labels
    return EvaluationView(
        id=e.id, person_id=e.person_id, version=e.version, quarter=e.quarter,
        quarter_label=period.label_vi, starts_on=period.start, ends_on=period.end,
        classification=e.classification,
        classification_label=labels.get(e.classification, e.classification),
        evaluated_on=e.evaluated_on, **{name: getattr(e, name) for name in _NOTES},
    )


def _validate(data: EvaluationInput, today: date) -> dict[str, Any]:
    """The columns that need no database: group, date and notes."""
    values: dict[str, Any] = {name: free_text(name, getattr(data, name)) for name in _NOTES}
    values["classification"] = validation.rule(validate_classification, data.classification)
    values["evaluated_on"] = validation.not_future("evaluated_on", data.evaluated_on, today)
    return values


def _check_dates(unit: Unit, person: Person, period: Period, evaluated_on: date) -> None:
    """The quarter overlaps the person's care; the evaluation is made during the quarter or
    by the HCD-08 deadline just after it."""
    if person.received_on is not None and period.end < person.received_on:
        raise ValidationError("quarter", f"{_capital(period.label_vi)} kết thúc trước ngày "
                                         f"tiếp nhận ({format_date(person.received_on)}).")
    if person.ended_on is not None and period.start > person.ended_on:
        raise ValidationError("quarter", f"{_capital(period.label_vi)} bắt đầu sau ngày "
                                         f"kết thúc quản lý ({format_date(person.ended_on)}).")
    validation.not_before("evaluated_on", evaluated_on, period.start, "ngày bắt đầu quý")
    if person.received_on is not None:
        validation.not_before("evaluated_on", evaluated_on, person.received_on, "ngày tiếp nhận")
    validation.not_after("evaluated_on", evaluated_on, _deadline(unit, period),
                         "hạn nộp báo cáo quý (HCD-08)")


def _find(session: Session, person_id: str, quarter: str) -> Evaluation | None:
    """The person's evaluation row for the quarter, deleted or not (the pair is unique)."""
    return session.scalar(select(Evaluation).where(Evaluation.person_id == person_id,
                                                   Evaluation.quarter == quarter))


def _save(session: Session, actor: Actor, person: Person, period: Period,
          values: dict[str, Any], lock: locking.Guard) -> Evaluation:
    """Create, restore or correct the quarter's row; an actual change to a locked quarter
    is recorded as an adjustment."""
    row = _find(session, person.id, period.code)
    if row is None:
        row = records.create(session, actor, Evaluation, person_id=person.id,
                             quarter=period.code, **values)
        lock.record(session, actor, row, "create")
    elif row.deleted_at is not None:
        records.update(session, actor, row, {"deleted_at": None, **values}, action="restore")
        lock.record(session, actor, row, "update")
    elif records.update(session, actor, row, values):
        lock.record(session, actor, row, "update")
    return row


def record_evaluation(db: Database, actor: Actor, person_id: str, data: EvaluationInput,
                      today: date | None = None,
                      adjustment_reason: str | None = None) -> EvaluationView:
    """Save the person's evaluation of a quarter; a second save for that quarter corrects it.

    The quarter's last day decides which report counts the classification, so it is
    checked against locked periods together with the evaluation date.
    """
    require(actor, Action.EDIT_RECORDS)
    values = _validate(data, today_or(today))
    with db.transaction() as session:
        unit = home_unit(session, actor)
        period = _quarter(unit, data.quarter)
        person = person_in_care(session, actor, person_id, doing="ghi đánh giá quý")
        _check_dates(unit, person, period, values["evaluated_on"])
        old = _find(session, person.id, period.code)
        lock = locking.guard(session, actor, adjustment_reason, ("quarter", period.end),
                             ("evaluated_on", old.evaluated_on if old else None),
                             ("evaluated_on", values["evaluated_on"]))
        return evaluation_view(_save(session, actor, person, period, values, lock), unit)


def list_evaluations(db: Database, actor: Actor, person_id: str) -> list[EvaluationView]:
    """The person's evaluations, latest quarter first."""
    require(actor, Action.READ)
    with db.reading() as session:
        unit = home_unit(session, actor)
        person = records.get_owned(session, Person, person_id, actor)
        rows = session.scalars(select(Evaluation).where(
            Evaluation.person_id == person.id, Evaluation.deleted_at.is_(None),
        ).order_by(Evaluation.quarter.desc()))
        return [evaluation_view(e, unit) for e in rows]


# --- the pre-filled form ---------------------------------------------------------------

def suggest_classification(violation_kinds: Iterable[str], risk_signs_seen: bool,
                           coverage: WeekCoverage, hardship_aid: bool) -> str:
    """A starting point for the group, never a decision.

    The classification is the judgement of the team and the steering committee (HCD-09);
    the form only offers the group the quarter's records point to, for them to confirm or
    change: D after a new crime, C after any violation or risk sign, B when weeks were
    missed or hardship aid was needed, A otherwise.
    """
    kinds = set(violation_kinds)
    if "new_crime" in kinds:
        return "D"
    if kinds or risk_signs_seen:
        return "C"
    missed_weeks = coverage.due > 0 and coverage.covered < coverage.due
    return "B" if missed_weeks or hardship_aid else "A"


def _contacts_sentence(period: Period, contacts: Sequence[ContactLog],
                       coverage: WeekCoverage) -> str:
    if not contacts:
        text = f"Trong {period.label_vi}, tổ giúp đỡ chưa ghi nhận lần gặp gỡ nào."
    else:
        forms = Counter(c.form for c in contacts)
        by_form = ", ".join(f"{label(CONTACT_FORM_LABELS, f).lower()} {n} lần"
                            for f, n in forms.most_common())
        text = f"Trong {period.label_vi}, tổ giúp đỡ đã gặp gỡ {len(contacts)} lần ({by_form})."
    if coverage.pct is not None:
        text += (f" Số tuần có gặp gỡ: {coverage.covered}/{coverage.due} tuần phải gặp "
                 f"({format_decimal(coverage.pct)}%)")
        text += f", trong đó {coverage.excused} tuần được miễn." if coverage.excused else "."
    return text


def _risk_sentence(contacts: Sequence[ContactLog]) -> str:
    seen: Counter[str] = Counter()
    last: dict[str, date] = {}
    for c in contacts:
        for sign in split_risk_signs(c.risk_signs):
            seen[sign] += 1
            last[sign] = max(last.get(sign, c.contact_date), c.contact_date)
    if not seen:
        return "Không ghi nhận dấu hiệu nguy cơ."
    items = "; ".join(f"{label(RISK_SIGN_LABELS, s).lower()} ({n} lần, gần nhất ngày "
                      f"{format_date(last[s])})" for s, n in seen.most_common())
    return f"Dấu hiệu nguy cơ đã ghi nhận: {items}."


def _supports_sentence(supports: Sequence[Support]) -> str:
    if not supports:
        return "Trong quý chưa có hoạt động hỗ trợ nào được ghi nhận."
    return "Hỗ trợ đã nhận trong quý: " + "; ".join(describe(s) for s in supports) + "."


def _violations_sentence(violations: Sequence[Violation]) -> str:
    if not violations:
        return "Không vi phạm pháp luật trong quý."
    items = "; ".join(f"{label(VIOLATION_KIND_LABELS, v.kind)} ngày "
                      f"{format_date(v.violation_date)}: {v.description}" for v in violations)
    return f"Có {len(violations)} vi phạm trong quý: {items}."


def _latest(contacts: Sequence[ContactLog], attribute: str) -> str:
    """The most recent non-empty note of that kind (work, family) from the quarter's log."""
    notes = [getattr(c, attribute) for c in contacts if getattr(c, attribute)]
    return str(notes[-1]) if notes else ""


def _draft(session: Session, unit: Unit, person: Person, period: Period,
           today: date) -> EvaluationInput:
    """The form filled from the quarter's records (up to today for a quarter in progress)."""
    end = min(period.end, today)
    contacts = list(session.scalars(select(ContactLog).where(
        ContactLog.person_id == person.id, ContactLog.deleted_at.is_(None),
        ContactLog.contact_date.between(period.start, end),
    ).order_by(ContactLog.contact_date, ContactLog.created_at)))
    supports = supports_between(session, person.id, period.start, end)
    violations = violations_between(session, person.id, period.start, end)
    coverage = coverage_in(session, person, period.start, end)
    group = suggest_classification(
        (v.kind for v in violations), any(c.risk_signs for c in contacts), coverage,
        any(s.kind == "hardship_aid" for s in supports))
    report = " ".join((_contacts_sentence(period, contacts, coverage),
                       _risk_sentence(contacts), _supports_sentence(supports)))
    evaluated_on = max(period.start, min(today, _deadline(unit, period)))
    return EvaluationInput(
        quarter=period.code, classification=group, evaluated_on=evaluated_on,
        helper_report=report, law_compliance=_violations_sentence(violations),
        work=_latest(contacts, "work"), family=_latest(contacts, "family"),
    )


def _as_input(e: Evaluation) -> EvaluationInput:
    values = {f.name: getattr(e, f.name) for f in fields(EvaluationInput)}
    return EvaluationInput(**values)


def evaluation_draft(db: Database, actor: Actor, person_id: str, quarter: str,
                     today: date | None = None) -> EvaluationInput:
    """The evaluation form of a quarter: the saved evaluation when there is one (so opening
    it again never discards what was written), otherwise a draft from the quarter's records."""
    require(actor, Action.READ)
    day = today_or(today)
    with db.reading() as session:
        unit = home_unit(session, actor)
        period = _quarter(unit, quarter)
        person = person_in_care(session, actor, person_id, doing="lập đánh giá quý")
        if period.start > day:
            raise ValidationError("quarter", f"{_capital(period.label_vi)} chưa bắt đầu "
                                             f"(từ ngày {format_date(period.start)}).")
        saved = _find(session, person.id, period.code)
        if saved is not None and saved.deleted_at is None:
            return _as_input(saved)
        return _draft(session, unit, person, period, day)
