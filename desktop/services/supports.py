"""Support given to a person (Decree 49/2020 Art. 10–11), Social Policy Bank loans included.

A loan is checked twice over by the rule set (QĐ 22/2023): its amount and term by
`check_loan_amount`, and the person's eligibility on the loan's date by `loan_eligibility`
— release within the window, under management, no recent violation, no open loan for the
same purpose. This module only gathers the facts those rules need from the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.formatting import format_date, format_int
from desktop.models import LOAN_PURPOSES, LOAN_STATUSES, SUPPORT_KINDS, Person, Support, Unit
from desktop.rules.loans import LoanEligibility, check_loan_amount, loan_eligibility
from desktop.services import locking, records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.casework import (
    dated_between,
    delete_dated_record,
    free_text,
    home_unit,
    label,
    person_in_care,
    today_or,
    unit_rule_set,
    within_care,
)
from desktop.services.errors import ValidationError
from desktop.services.labels import LOAN_PURPOSE_LABELS, LOAN_STATUS_LABELS, SUPPORT_KIND_LABELS
from desktop.services.violations import last_violation_on

# A loan still owed (or about to be) blocks another loan for the same purpose.
OPEN_LOAN_STATUSES = ("requested", "approved", "disbursed")
DEFAULT_LOAN_BANK = "Ngân hàng Chính sách xã hội"


@dataclass(frozen=True)
class SupportInput:
    """What the officer types for one act of support; loan fields matter for loans only."""

    kind: str
    support_date: date
    provider: str = ""
    outcome: str = ""
    amount_vnd: int | None = None
    loan_purpose: str | None = None
    loan_bank: str = ""
    loan_months: int | None = None
    loan_decision_on: date | None = None
    loan_status: str | None = None
    note: str = ""


@dataclass(frozen=True)
class SupportView:
    """One act of support, with labels and a one-line Vietnamese description."""

    id: str
    person_id: str
    version: int
    kind: str
    kind_label: str
    support_date: date
    provider: str
    outcome: str
    amount_vnd: int | None
    loan_purpose: str | None
    loan_purpose_label: str
    loan_bank: str
    loan_months: int | None
    loan_decision_on: date | None
    loan_status: str | None
    loan_status_label: str
    note: str
    description: str


def describe(s: Support) -> str:
    """The support as a sentence fragment: "Vay vốn (sản xuất, kinh doanh) 50.000.000 đồng,
    đã giải ngân, ngày 05/08/2026" — used in lists and in the evaluation draft."""
    parts = [label(SUPPORT_KIND_LABELS, s.kind)]
    if s.kind == "loan" and s.loan_purpose:
        parts[0] += f" ({label(LOAN_PURPOSE_LABELS, s.loan_purpose).lower()})"
    if s.amount_vnd is not None:
        parts[0] += f" {format_int(s.amount_vnd)} đồng"
    if s.loan_status:
        parts.append(label(LOAN_STATUS_LABELS, s.loan_status).lower())
    if s.provider:
        parts.append(s.provider)
    parts.append(f"ngày {format_date(s.support_date)}")
    return ", ".join(parts)


def support_view(s: Support) -> SupportView:
    """The plain view of a support row."""
    return SupportView(
        id=s.id, person_id=s.person_id, version=s.version, kind=s.kind,
        kind_label=label(SUPPORT_KIND_LABELS, s.kind), support_date=s.support_date,
        provider=s.provider, outcome=s.outcome, amount_vnd=s.amount_vnd,
        loan_purpose=s.loan_purpose, loan_purpose_label=label(LOAN_PURPOSE_LABELS,
                                                              s.loan_purpose),
        loan_bank=s.loan_bank, loan_months=s.loan_months, loan_decision_on=s.loan_decision_on,
        loan_status=s.loan_status, loan_status_label=label(LOAN_STATUS_LABELS, s.loan_status),
        note=s.note, description=describe(s),
    )


def _common(data: SupportInput, today: date) -> dict[str, Any]:
    """The columns every kind has; loan columns are emptied here and filled by `_loan`.

    Loan fields typed before the officer switched the kind away from "loan" are dropped:
    kept, they would count a phantom loan in the reports.
    """
    kind = validation.one_of("kind", data.kind, SUPPORT_KINDS, SUPPORT_KIND_LABELS,
                             label="Loại hỗ trợ")
    amount = validation.non_negative_amount("amount_vnd", data.amount_vnd)
    if kind == "hardship_aid" and not amount:
        raise ValidationError("amount_vnd", "Trợ cấp khó khăn phải ghi số tiền (lớn hơn 0 đồng).")
    return {
        "kind": kind, "amount_vnd": amount,
        "support_date": validation.not_future("support_date", data.support_date, today),
        "provider": validation.text("provider", data.provider, max_len=200),
        "outcome": free_text("outcome", data.outcome), "note": free_text("note", data.note),
        "loan_purpose": None, "loan_bank": "", "loan_months": None, "loan_decision_on": None,
        "loan_status": None,
    }


def _loan(data: SupportInput, today: date) -> dict[str, Any]:
    """The loan columns, checked for presence and form (amounts are checked by the rules)."""
    if data.amount_vnd is None:
        raise ValidationError("amount_vnd", "Khoản vay phải ghi số tiền vay.")
    if data.loan_months is None:
        raise ValidationError("loan_months", "Khoản vay phải ghi thời hạn vay (tháng).")
    decided = data.loan_decision_on
    if decided is not None:
        validation.not_future("loan_decision_on", decided, today)
    return {
        "loan_purpose": validation.one_of("loan_purpose", data.loan_purpose, LOAN_PURPOSES,
                                          LOAN_PURPOSE_LABELS),
        "loan_status": validation.one_of("loan_status", data.loan_status or "requested",
                                         LOAN_STATUSES, LOAN_STATUS_LABELS),
        "loan_bank": validation.text("loan_bank", data.loan_bank, max_len=200,
                                     label="Ngân hàng cho vay") or DEFAULT_LOAN_BANK,
        "loan_months": data.loan_months, "loan_decision_on": decided,
    }


def _validate(data: SupportInput, today: date) -> dict[str, Any]:
    values = _common(data, today)
    if values["kind"] == "loan":
        values.update(_loan(data, today))
    return values


def _open_loan_purposes(session: Session, person_id: str, on: date,
                        exclude_id: str | None) -> list[str]:
    """Purposes of the person's open loans dated up to `on` (a later loan did not exist yet)."""
    query = select(Support.loan_purpose).where(
        Support.person_id == person_id, Support.deleted_at.is_(None), Support.kind == "loan",
        Support.loan_status.in_(OPEN_LOAN_STATUSES), Support.support_date <= on,
    )
    if exclude_id is not None:
        query = query.where(Support.id != exclude_id)
    return [p for p in session.scalars(query) if p is not None]


def _eligibility(session: Session, unit: Unit, person: Person, purpose: str, on: date,
                 exclude_id: str | None = None) -> tuple[LoanEligibility, list[str]]:
    """The rule's verdict on `on`, and the open-loan purposes it was given."""
    open_purposes = _open_loan_purposes(session, person.id, on, exclude_id)
    verdict = validation.rule(
        loan_eligibility, on, person.status, person.release_date,
        last_violation_on(session, person.id, on), open_purposes, purpose,
        unit_rule_set(unit, on))
    return verdict, open_purposes


def _check_loan(session: Session, actor: Actor, person: Person, values: dict[str, Any],
                exclude_id: str | None, eligibility: bool) -> None:
    """Amount and term, then (when asked) the person's eligibility on the loan's date."""
    unit = home_unit(session, actor)
    on, purpose = values["support_date"], values["loan_purpose"]
    # `_loan` admitted only LOAN_PURPOSES, which are exactly the rule's two literals.
    problems = validation.rule(check_loan_amount, cast(Literal["business", "training"], purpose),
                               values["amount_vnd"], values["loan_months"],
                               unit_rule_set(unit, on))
    if problems:
        raise ValidationError("amount_vnd", " ".join(problems))
    if not eligibility:
        return
    verdict, open_purposes = _eligibility(session, unit, person, purpose, on, exclude_id)
    if not verdict.eligible:
        # Only an open loan for this purpose is fixed by choosing another purpose.
        only_open = len(verdict.reasons) == 1 and purpose in open_purposes
        raise ValidationError("loan_purpose" if only_open else "kind",
                              f"Không đủ điều kiện vay vốn: {'; '.join(verdict.reasons)}.")


def record_support(db: Database, actor: Actor, person_id: str, data: SupportInput,
                   today: date | None = None,
                   adjustment_reason: str | None = None) -> SupportView:
    """Record an act of support; a loan must fit the limits and the person be eligible."""
    require(actor, Action.EDIT_RECORDS)
    values = _validate(data, today_or(today))
    with db.transaction() as session:
        person = person_in_care(session, actor, person_id, doing="ghi hỗ trợ")
        within_care("support_date", values["support_date"], person)
        if values["kind"] == "loan":
            _check_loan(session, actor, person, values, None, eligibility=True)
        lock = locking.guard(session, actor, adjustment_reason,
                             ("support_date", values["support_date"]))
        row = records.create(session, actor, Support, person_id=person.id, **values)
        lock.record(session, actor, row, "create")
        return support_view(row)


def _is_new_claim(row: Support, values: dict[str, Any]) -> bool:
    """Whether an edit turns the record into a different loan request.

    Updating the status of an existing loan (approved, repaid…) must stay possible after
    the person stops being eligible, so eligibility is judged only for a changed request.
    """
    return any(getattr(row, f) != values[f] for f in ("kind", "loan_purpose", "support_date"))


def update_support(db: Database, actor: Actor, support_id: str, data: SupportInput,
                   today: date | None = None,
                   adjustment_reason: str | None = None) -> SupportView:
    """Correct a support record, or follow a loan's status (approved, disbursed, repaid)."""
    require(actor, Action.EDIT_RECORDS)
    values = _validate(data, today_or(today))
    with db.transaction() as session:
        row = records.get_owned(session, Support, support_id, actor)
        person = person_in_care(session, actor, row.person_id, doing="sửa hỗ trợ")
        within_care("support_date", values["support_date"], person)
        if values["kind"] == "loan":
            _check_loan(session, actor, person, values, row.id, _is_new_claim(row, values))
        lock = locking.guard(session, actor, adjustment_reason,
                             ("support_date", row.support_date),
                             ("support_date", values["support_date"]))
        if records.update(session, actor, row, values):
            lock.record(session, actor, row, "update")
        return support_view(row)


def delete_support(db: Database, actor: Actor, support_id: str, reason: str = "",
                   adjustment_reason: str | None = None) -> None:
    """Remove a support record entered by mistake (kept in the database, marked deleted)."""
    delete_dated_record(db, actor, Support, support_id, reason, adjustment_reason,
                        lambda row: [("support_date", row.support_date)])


def supports_between(session: Session, person_id: str, start: date,
                     end: date) -> list[Support]:
    """The person's live support records dated in [start, end], oldest first."""
    return dated_between(session, Support, Support.support_date, person_id, start, end)


def list_supports(db: Database, actor: Actor, person_id: str) -> list[SupportView]:
    """The person's support records, newest first."""
    require(actor, Action.READ)
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        rows = session.scalars(select(Support).where(
            Support.person_id == person.id, Support.deleted_at.is_(None),
        ).order_by(Support.support_date.desc(), Support.created_at.desc()))
        return [support_view(s) for s in rows]


def loan_eligibility_for(db: Database, actor: Actor, person_id: str, purpose: str,
                         today: date | None = None) -> LoanEligibility:
    """Whether the person may be put on this month's Form 01 list for `purpose`, and why not."""
    require(actor, Action.READ)
    code = validation.one_of("loan_purpose", purpose, LOAN_PURPOSES, LOAN_PURPOSE_LABELS)
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        verdict, _ = _eligibility(session, home_unit(session, actor), person, code,
                                  today_or(today))
        return verdict
