"""Form 01 of Decision 22/2023/QĐ-TTg: the month's loan requests of eligible people.

A request is a loan support record with status "requested" dated in the month. It is on
the list when the person was eligible on the request's date (`rules.loans.loan_eligibility`:
released within the window, under management, no recent violation, no other open loan for
the same purpose); the others are kept in the snapshot with the reasons, for the officer,
but never printed on the list the chairperson confirms.

Five SELECTs whatever the number of requests: the requests with their people, then the
status history, the violations and the open loans of those people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Person, StatusChange, Support, Unit, Violation
from desktop.rules.errors import RuleInputError
from desktop.rules.loans import LoanEligibility, loan_eligibility
from desktop.rules.periods import Period
from desktop.services.casework import unit_rule_set
from desktop.services.labels import LOAN_PURPOSE_LABELS
from desktop.services.supports import OPEN_LOAN_STATUSES
from desktop.text import name_sort_key

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class _History:
    """What eligibility needs to know about the requesting people, by person id."""

    statuses: dict[str, list[tuple[date, datetime, str]]]
    violations: dict[str, list[date]]
    open_loans: dict[str, list[tuple[str, str | None, date]]]  # (support id, purpose, date)


def _requests(session: Session, unit: Unit, period: Period) -> list[tuple[Support, Person]]:
    rows = session.execute(
        select(Support, Person).join(Person, Person.id == Support.person_id).where(
            Person.unit_code == unit.code, Person.deleted_at.is_(None),
            Support.deleted_at.is_(None), Support.kind == "loan",
            Support.loan_status == "requested",
            Support.support_date.between(period.start, period.end),
        ).order_by(Support.support_date, Support.created_at))
    return [(s, p) for s, p in rows]


def _history(session: Session, ids: Sequence[str]) -> _History:
    statuses: dict[str, list[tuple[date, datetime, str]]] = defaultdict(list)
    for pid, on, at, to in session.execute(
            select(StatusChange.person_id, StatusChange.on_date, StatusChange.created_at,
                   StatusChange.to_status)
            .where(StatusChange.person_id.in_(ids), StatusChange.deleted_at.is_(None))):
        statuses[pid].append((on, at, to))
    violations: dict[str, list[date]] = defaultdict(list)
    for pid, on in session.execute(select(Violation.person_id, Violation.violation_date).where(
            Violation.person_id.in_(ids), Violation.deleted_at.is_(None))):
        violations[pid].append(on)
    loans: dict[str, list[tuple[str, str | None, date]]] = defaultdict(list)
    for sid, pid, purpose, on in session.execute(
            select(Support.id, Support.person_id, Support.loan_purpose, Support.support_date)
            .where(Support.person_id.in_(ids), Support.deleted_at.is_(None),
                   Support.kind == "loan", Support.loan_status.in_(OPEN_LOAN_STATUSES))):
        loans[pid].append((sid, purpose, on))
    return _History(dict(statuses), dict(violations), dict(loans))


def status_on(changes: Iterable[tuple[date, datetime, str]], on: date, current: str) -> str:
    """The person's status at the end of `on` from the dated history; a record without
    history (imported, or entered before history was kept) has only its current status."""
    before = sorted(c for c in changes if c[0] <= on)
    if before:
        return before[-1][2]
    return current


def _verdict(history: _History, unit: Unit, support: Support,
             person: Person) -> LoanEligibility:
    """The rule's verdict on the request's date; the request itself is not "another open
    loan", and a loan requested later did not exist yet."""
    on, pid = support.support_date, person.id
    last = max((d for d in history.violations.get(pid, []) if d <= on), default=None)
    others = [p for sid, p, d in history.open_loans.get(pid, [])
              if sid != support.id and d <= on and p is not None]
    status = status_on(history.statuses.get(pid, []), on, person.status)
    try:
        return loan_eligibility(on, status, person.release_date, last, others,
                                support.loan_purpose or "", unit_rule_set(unit, on))
    except RuleInputError as exc:  # an imported record with no valid purpose
        return LoanEligibility(False, (exc.message,))


def _residence(p: Person) -> str:
    return p.current_address or p.permanent_address or p.residential_area


def _row(support: Support, person: Person) -> JsonDict:
    purpose = support.loan_purpose or ""
    return {
        "person_id": person.id, "full_name": person.full_name,
        "birth_year": person.birth_date[:4], "id_number": person.id_number or "",
        "address": _residence(person),
        "release_date": person.release_date.isoformat() if person.release_date else "",
        "purpose": purpose, "purpose_label": LOAN_PURPOSE_LABELS.get(purpose, purpose),
        "amount_vnd": support.amount_vnd or 0, "months": support.loan_months,
        "requested_on": support.support_date.isoformat(), "note": support.note,
    }


def collect_loan_list(session: Session, unit: Unit, period: Period) -> JsonDict:
    """The Form 01 snapshot: eligible requests in Vietnamese name order, the excluded
    requests with their reasons, and the totals."""
    requests = _requests(session, unit, period)
    history = _history(session, sorted({p.id for _, p in requests}))
    listed: list[JsonDict] = []
    excluded: list[JsonDict] = []
    for support, person in requests:
        verdict = _verdict(history, unit, support, person)
        row = _row(support, person)
        if verdict.eligible:
            listed.append(row)
        else:
            excluded.append({**row, "reasons": list(verdict.reasons)})
    listed.sort(key=lambda r: (name_sort_key(r["full_name"]), r["requested_on"]))
    figures = {"requests": len(requests), "loans": len(listed),
               "people": len({r["person_id"] for r in listed}),
               "amount_vnd": sum(r["amount_vnd"] for r in listed), "excluded": len(excluded)}
    return {"figures": figures, "loans": listed, "excluded": excluded}
