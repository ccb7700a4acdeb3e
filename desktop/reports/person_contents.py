"""What each paper about one person carries (HCD-02, 05, 07, 08, 10, 11), and the day or
period it is about, gathered once when the paper is produced (`snapshot.produce_snapshot`).

The period a person's paper is stored under: the book's range for HCD-02 (by default from
the reception to today, or to the end of management), the quarter for HCD-08, and for the
others the one day the paper is about — the reception (HCD-05), the team decision
(HCD-07), the end of management (HCD-10, HCD-11).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.formatting import format_date
from desktop.models import END_REASONS, ContactLog, Evaluation, Person, Unit
from desktop.reports import person_data as blocks
from desktop.reports.catalog import FormDef
from desktop.rules.periods import Period, parse_period
from desktop.services import validation
from desktop.services.access import Actor
from desktop.services.casework import person_in_care, unit_rule_set
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.labels import END_REASON_LABELS, TEAM_ROLE_LABELS
from desktop.services.team import missing_core_roles

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class PersonRequest:
    """The person a paper is about and what the officer chose for it.

    `reason` and `end_date` serve HCD-10/HCD-11 (by default the end of management recorded
    on the person); `today` is the day taken as today (the end of HCD-02's default range).
    """

    person_id: str
    reason: str | None = None
    end_date: date | None = None
    today: date | None = None


@dataclass(frozen=True)
class _Job:
    """One paper being gathered: where to read, about whom, what was asked."""

    session: Session
    unit: Unit
    person: Person
    form: FormDef
    period: str | Period | None
    request: PersonRequest

    @property
    def today(self) -> date:
        """The day taken as today (the request's, else the clock's)."""
        return self.request.today or date.today()


def one_day(d: date) -> Period:
    """A paper about one day (a reception, a decision) is stored under that day."""
    return Period(f"{d.isoformat()}..{d.isoformat()}", "custom", d, d)


def legal_basis(unit: Unit, on: date) -> list[str]:
    """The texts a decision is based on ("Căn cứ …"), from the rule set in force that day:
    the law, the decree and the circular on reintegration (not the Penal Code, not the
    credit decision)."""
    return [b for b in unit_rule_set(unit, on).legal_basis
            if not b.startswith(("Bộ luật", "Quyết định"))]


def _no_period(job: _Job) -> None:
    if job.period is not None:
        raise ValidationError("period", f"Mẫu {job.form.code} không lập theo kỳ báo cáo: "
                                        "hãy bỏ kỳ báo cáo (--period).")


def _common(job: _Job) -> JsonDict:
    return {"person_id": job.person.id, "person": blocks.person_block(job.person),
            "judgment": blocks.judgment_block(job.session, job.person.id)}


def _received_on(job: _Job) -> date:
    person = job.person
    if person.received_on is None:
        raise ServiceError(f"{person.full_name} chưa được tiếp nhận về địa phương: chưa lập "
                           f"được mẫu {job.form.code}.")
    return person.received_on


def _requested_period(job: _Job, kinds: tuple[str, ...]) -> Period:
    """The period the officer typed, read in the unit's convention and checked."""
    assert job.period is not None
    period = job.period if isinstance(job.period, Period) else validation.rule(
        parse_period, job.period, job.unit.period_convention, job.unit.year_start_month)
    if period.kind not in kinds:
        raise ValidationError("period", f"Mẫu {job.form.code} lập theo quý (ví dụ 2026-Q3); "
                                        f"kỳ {period.code} không phù hợp.")
    return period


def _book_period(job: _Job) -> Period:
    """HCD-02: the range asked for, or from the reception to today (or to the end)."""
    if job.period is not None:
        return _requested_period(job, ("month", "quarter", "half", "year", "custom"))
    start = _received_on(job)
    end = min(job.today, job.person.ended_on or job.today)
    end = max(end, start)
    return Period(f"{start.isoformat()}..{end.isoformat()}", "custom", start, end)


def _book(job: _Job, period: Period) -> JsonDict:
    s, pid = job.session, job.person.id
    return {"contacts": blocks.contacts_block(s, pid, period),
            "excused": blocks.excused_block(s, pid, period),
            "evaluations": blocks.evaluations_block(s, job.unit, pid, period),
            "supports": blocks.supports_block(s, pid, period),
            "violations": blocks.violations_block(s, pid, period)}


def _hcd02(job: _Job) -> tuple[Period, JsonDict]:
    """The information sheet and the progress book of the period."""
    period = _book_period(job)
    book = _book(job, period)
    coverage = blocks.coverage_block(job.session, job.person, period)
    figures = {key: len(book[key]) for key in ("contacts", "evaluations", "supports",
                                                "violations")}
    team_day = min(period.end, job.today)
    team = blocks.team_block(job.session, job.person.id, team_day)
    missing = [TEAM_ROLE_LABELS[r] for r in missing_core_roles(m["role"] for m in team)]
    return period, {**_common(job), "team": team, "team_on": team_day.isoformat(),
                    "team_missing": missing, "book": book,
                    "figures": {**figures, **coverage}}


def _hcd05(job: _Job) -> tuple[Period, JsonDict]:
    """The commitment made at the reception."""
    _no_period(job)
    received = _received_on(job)
    return one_day(received), {**_common(job), "figures": {},
                               "contact_interval_days": job.unit.contact_interval_days}


def _hcd07(job: _Job) -> tuple[Period, JsonDict]:
    """The decision assigning the team: the members serving on the decision's date."""
    _no_period(job)
    _received_on(job)
    person = job.person
    on = person.team_decision_date or job.today
    team = blocks.team_block(job.session, person.id, on)
    if not team:
        raise ServiceError(f"{person.full_name} chưa có thành viên tổ giúp đỡ vào ngày "
                           f"{format_date(on)}: hãy thêm thành viên trước khi lập quyết "
                           "định phân công (HCD-07).")
    return one_day(on), {**_common(job), "team": team, "basis": legal_basis(job.unit, on),
                         "contact_interval_days": job.unit.contact_interval_days,
                         "figures": {"team_members": len(team)}}


def _helper(team: list[JsonDict]) -> JsonDict | None:
    """Who reports: the member directly responsible, else the police member, else anyone."""
    for wanted in (lambda m: m["responsible"], lambda m: m["role"] == "police",
                   lambda m: True):
        found = next((m for m in team if wanted(m)), None)
        if found is not None:
            return found
    return None


def _hcd08(job: _Job) -> tuple[Period, JsonDict]:
    """The helper's report of one quarter, from that quarter's evaluation and records."""
    if job.period is None:
        raise ValidationError("period", "Mẫu HCD-08 cần quý báo cáo (ví dụ 2026-Q3).")
    quarter = _requested_period(job, ("quarter",))
    person = job.person
    evaluation = blocks.evaluation_of(job.session, job.unit, person.id, quarter.code)
    if evaluation is None:
        raise ServiceError(f"Chưa có đánh giá {quarter.label_vi} của {person.full_name}: "
                           "hãy ghi đánh giá quý trước khi lập báo cáo HCD-08.")
    book = _book(job, quarter)
    team = blocks.team_block(job.session, person.id, min(quarter.end, job.today))
    forms = Counter(c["form_label"] for c in book["contacts"])
    coverage = blocks.coverage_block(job.session, person, quarter)
    figures = {"contacts": len(book["contacts"]), "supports": len(book["supports"]),
               "violations": len(book["violations"]),
               "classification": evaluation["classification"], **coverage}
    return quarter, {**_common(job), "evaluation": evaluation, "helper": _helper(team),
                     "contact_forms": [{"label": f, "count": n} for f, n in
                                       forms.most_common()],
                     "supports": book["supports"], "violations": book["violations"],
                     "figures": figures}


def _reason(job: _Job) -> str:
    code = job.request.reason or job.person.end_reason
    if not code:
        raise ValidationError("reason", f"Chưa có lý do kết thúc quản lý của "
                                        f"{job.person.full_name}: hãy chọn lý do (--reason).")
    if code not in END_REASONS:
        choices = ", ".join(f"{c} ({END_REASON_LABELS[c].lower()})" for c in END_REASONS)
        raise ValidationError("reason", f"Lý do kết thúc “{code}” không hợp lệ; chọn một "
                                        f"trong: {choices}.")
    return code


def _care_summary(job: _Job, until: date) -> JsonDict:
    """How the management went: contacts logged and the last quarter's classification."""
    s, pid = job.session, job.person.id
    contacts = s.scalar(select(func.count()).select_from(ContactLog).where(
        ContactLog.person_id == pid, ContactLog.deleted_at.is_(None),
        ContactLog.contact_date <= until)) or 0
    last = s.scalar(select(Evaluation.quarter).where(
        Evaluation.person_id == pid, Evaluation.deleted_at.is_(None))
        .order_by(Evaluation.quarter.desc()).limit(1))
    evaluation = blocks.evaluation_of(s, job.unit, pid, last) if last else None
    return {"contacts": int(contacts), "last_evaluation": evaluation}


def _ending(job: _Job) -> tuple[Period, JsonDict]:
    """HCD-10/HCD-11: the reason and day of the end, the basis, how management went."""
    _no_period(job)
    received = _received_on(job)
    code = _reason(job)
    end = job.request.end_date or job.person.ended_on
    if end is not None:
        validation.not_before("end_date", end, received, "ngày tiếp nhận",
                              label="Ngày kết thúc quản lý")
    on = end or job.today
    summary = _care_summary(job, on)
    return one_day(on), {
        **_common(job), "reason": code, "reason_label": END_REASON_LABELS[code],
        "end_date": end.isoformat() if end else None, "basis": legal_basis(job.unit, on),
        "care": summary, "figures": {"contacts": summary["contacts"]},
    }


_BUILDERS: dict[str, Callable[[_Job], tuple[Period, JsonDict]]] = {
    "HCD-02": _hcd02, "HCD-05": _hcd05, "HCD-07": _hcd07, "HCD-08": _hcd08,
    "HCD-10": _ending, "HCD-11": _ending,
}


def _record_id(session: Session, actor: Actor, key: str) -> str:
    """The person's record id: `key` itself, or the record of the unit's person with that
    ID number (officers know a person's CCCD, not a record id)."""
    digits = "".join(key.split())
    if digits.isdigit():
        found = list(session.scalars(select(Person.id).where(
            Person.unit_code == actor.unit_code, Person.deleted_at.is_(None),
            Person.id_number == digits)))
        if len(found) == 1:
            return found[0]
    return key


def collect_person(session: Session, actor: Actor, form: FormDef, unit: Unit,
                   period: str | Period | None,
                   request: PersonRequest) -> tuple[Period, JsonDict]:
    """The period a person's paper is stored under, and what it carries."""
    person = person_in_care(session, actor, _record_id(session, actor, request.person_id),
                            doing=f"lập mẫu {form.code}")
    builder = _BUILDERS.get(form.code)
    if builder is None:
        raise ValidationError("form", f"Mẫu {form.code} không phải giấy tờ về một người.")
    return builder(_Job(session, unit, person, form, period, request))
