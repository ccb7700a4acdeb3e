"""Support records, and loans checked against QĐ 22/2023 limits and eligibility."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import update

from desktop.db import Database
from desktop.models import Support, Unit
from desktop.services import lifecycle, supports, violations
from desktop.services.access import Actor
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from tests.services.care_helpers import (
    OTHER_UNIT,
    TODAY,
    audit_since,
    chain_ok,
    last_seq,
    row,
    snapshot,
)

COUNSEL = supports.SupportInput(kind="counselling", support_date=date(2026, 11, 2),
                                provider="Hội Liên hiệp Phụ nữ phường",
                                outcome="Ổn định tâm lý")
LOAN = supports.SupportInput(kind="loan", support_date=TODAY, amount_vnd=50_000_000,
                             loan_purpose="business", loan_months=36)


def loan(**changes: Any) -> supports.SupportInput:
    return replace(LOAN, **changes)


def test_record_support_stores_it_and_audits(db: Database, officer: Actor,
                                             add_person: Callable[..., str]) -> None:
    pid = add_person()
    seq = last_seq(db)

    s = supports.record_support(db, officer, pid, COUNSEL, today=TODAY)

    assert (s.kind, s.kind_label, s.support_date, s.provider, s.amount_vnd) == (
        "counselling", "Tư vấn tâm lý", date(2026, 11, 2), "Hội Liên hiệp Phụ nữ phường", None)
    assert s.description == "Tư vấn tâm lý, Hội Liên hiệp Phụ nữ phường, ngày 02/11/2026"
    assert row(db, Support, s.id).outcome == "Ổn định tâm lý"
    [(action, entity, entity_id, _)] = audit_since(db, seq)
    assert (action, entity, entity_id) == ("create", "supports", s.id)
    assert chain_ok(db)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "money"}, "kind"),
        ({"support_date": date(2026, 11, 27)}, "support_date"),  # tomorrow
        ({"support_date": date(2024, 1, 7)}, "support_date"),  # before reception
        ({"amount_vnd": -1}, "amount_vnd"),
        ({"kind": "hardship_aid"}, "amount_vnd"),  # aid without an amount
        ({"kind": "hardship_aid", "amount_vnd": 0}, "amount_vnd"),
        ({"provider": "x" * 201}, "provider"),
    ],
)
def test_record_support_rejects_bad_input(
    db: Database, officer: Actor, add_person: Callable[..., str], changes: dict[str, Any],
    field: str,
) -> None:
    pid = add_person()
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        supports.record_support(db, officer, pid, replace(COUNSEL, **changes), today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before


def test_loan_fields_of_another_kind_are_dropped(db: Database, officer: Actor,
                                                 add_person: Callable[..., str]) -> None:
    pid = add_person()
    s = supports.record_support(db, officer, pid, loan(kind="hardship_aid",
                                                       amount_vnd=2_000_000), today=TODAY)
    stored = row(db, Support, s.id)
    assert (stored.amount_vnd, stored.loan_purpose, stored.loan_months, stored.loan_status) == (
        2_000_000, None, None, None)
    assert s.description == "Trợ cấp khó khăn 2.000.000 đồng, ngày 26/11/2026"


def test_a_loan_within_limits_for_an_eligible_person(db: Database, officer: Actor,
                                                     add_person: Callable[..., str]) -> None:
    pid = add_person()

    s = supports.record_support(db, officer, pid, LOAN, today=TODAY)

    assert (s.loan_purpose, s.loan_status, s.loan_bank, s.loan_months) == (
        "business", "requested", supports.DEFAULT_LOAN_BANK, 36)
    assert (s.loan_purpose_label, s.loan_status_label) == ("Sản xuất, kinh doanh",
                                                           "Đã đề nghị vay")
    assert s.description == ("Vay vốn (sản xuất, kinh doanh) 50.000.000 đồng, "
                             "đã đề nghị vay, ngày 26/11/2026")


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"amount_vnd": 100_000_001}, "amount_vnd", "100.000.000"),
        ({"loan_months": 121}, "amount_vnd", "120 tháng"),
        ({"amount_vnd": None}, "amount_vnd", "số tiền"),
        ({"loan_months": None}, "loan_months", "thời hạn"),
        ({"loan_purpose": None}, "loan_purpose", "Mục đích vay"),
        ({"loan_purpose": "house"}, "loan_purpose", "Mục đích vay"),
        ({"loan_status": "lost"}, "loan_status", "Tình trạng"),
        ({"loan_decision_on": date(2026, 11, 27)}, "loan_decision_on", "26/11/2026"),
        # Training: 4.000.000 đồng per month of the course at most.
        ({"loan_purpose": "training", "amount_vnd": 24_000_001, "loan_months": 6},
         "amount_vnd", "24.000.000"),
    ],
)
def test_loan_limits_and_required_fields(
    db: Database, officer: Actor, add_person: Callable[..., str], changes: dict[str, Any],
    field: str, words: str,
) -> None:
    pid = add_person()
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        supports.record_support(db, officer, pid, loan(**changes), today=TODAY)
    assert err.value.field == field
    assert words in err.value.message
    assert snapshot(db) == before


def test_a_training_loan_at_the_monthly_cap_is_accepted(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    s = supports.record_support(db, officer, pid, loan(loan_purpose="training",
                                                       amount_vnd=24_000_000, loan_months=6),
                                today=TODAY)
    assert s.amount_vnd == 24_000_000


def _refused(db: Database, actor: Actor, pid: str, data: supports.SupportInput,
             field: str) -> str:
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        supports.record_support(db, actor, pid, data, today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before
    return err.value.message


def test_loan_refused_5_years_and_1_day_after_release(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    late = add_person(release_date=date(2021, 11, 25), received_on=date(2021, 11, 30),
                      managed_on=date(2021, 12, 1))
    message = _refused(db, officer, late, LOAN, "kind")
    assert "quá 5 năm" in message
    assert "25/11/2026" in message

    on_time = add_person("Trần Văn Kịp", release_date=date(2021, 11, 26),
                         received_on=date(2021, 11, 30), managed_on=date(2021, 12, 1))
    assert supports.record_support(db, officer, on_time, LOAN, today=TODAY).kind == "loan"


def test_loan_refused_after_a_violation_11_months_ago(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    violations.record_violation(db, officer, pid, "administrative", date(2025, 12, 26),
                                "Đánh bạc", today=TODAY)
    assert "12 tháng" in _refused(db, officer, pid, LOAN, "kind")

    clean = add_person("Trần Văn Sạch")
    violations.record_violation(db, officer, clean, "administrative", date(2025, 10, 26),
                                "Đánh bạc", today=TODAY)  # 13 months ago
    assert supports.record_support(db, officer, clean, LOAN, today=TODAY).kind == "loan"


def test_an_open_business_loan_blocks_another_business_loan_only(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    first = supports.record_support(db, officer, pid, loan(support_date=date(2026, 3, 2),
                                                           loan_status="disbursed"),
                                    today=TODAY)

    message = _refused(db, officer, pid, LOAN, "loan_purpose")
    assert "chưa tất toán" in message

    training = supports.record_support(
        db, officer, pid, loan(loan_purpose="training", amount_vnd=12_000_000, loan_months=3),
        today=TODAY)
    assert training.loan_purpose == "training"

    supports.update_support(db, officer, first.id, loan(support_date=date(2026, 3, 2),
                                                        loan_status="repaid"), today=TODAY)
    assert supports.record_support(db, officer, pid, LOAN, today=TODAY).loan_status == (
        "requested")


def test_a_person_not_yet_under_management_cannot_borrow(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person(status="received", managed_on=None)
    assert "đang được quản lý" in _refused(db, officer, pid, LOAN, "kind")


def test_loan_status_can_follow_the_loan_after_management_ends(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    june = loan(support_date=date(2026, 6, 1))
    s = supports.record_support(db, officer, pid, june, today=TODAY)
    lifecycle.end_management(db, officer, pid, date(2026, 11, 20), "moved", today=TODAY)
    seq = last_seq(db)

    updated = supports.update_support(
        db, officer, s.id, replace(june, loan_status="repaid", loan_decision_on=date(2026, 6, 20)),
        today=TODAY)

    assert (updated.loan_status, updated.version) == ("repaid", 2)
    [(action, _, _, changes)] = audit_since(db, seq)
    assert action == "update"
    assert changes["loan_status"] == ["requested", "repaid"]


def test_moving_a_loan_to_another_date_judges_eligibility_again(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    s = supports.record_support(db, officer, pid, loan(support_date=date(2026, 6, 1)),
                                today=TODAY)
    violations.record_violation(db, officer, pid, "administrative", date(2026, 10, 1),
                                "Gây rối", today=TODAY)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        supports.update_support(db, officer, s.id, loan(support_date=date(2026, 11, 2)),
                                today=TODAY)
    assert err.value.field == "kind"
    assert snapshot(db) == before


def test_loan_eligibility_for_lists_every_reason(
    db: Database, officer: Actor, leader: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person(release_date=date(2020, 1, 2), received_on=date(2020, 1, 6))
    assert supports.loan_eligibility_for(db, leader, add_person("Hà Văn Đủ"), "business",
                                         today=TODAY).eligible
    violations.record_violation(db, officer, pid, "other", date(2026, 8, 1), "Bỏ đi",
                                today=TODAY)

    verdict = supports.loan_eligibility_for(db, leader, pid, "training", today=TODAY)

    assert not verdict.eligible
    assert len(verdict.reasons) == 2
    with pytest.raises(ValidationError) as err:
        supports.loan_eligibility_for(db, leader, pid, "house", today=TODAY)
    assert err.value.field == "loan_purpose"


def test_the_unit_setting_shortens_the_violation_free_time(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    violations.record_violation(db, officer, pid, "administrative", date(2026, 6, 1),
                                "Gây rối", today=TODAY)
    assert not supports.loan_eligibility_for(db, officer, pid, "business", today=TODAY).eligible
    with db.transaction() as s:
        s.execute(update(Unit).where(Unit.code == "26001").values(loan_violation_free_months=3))
    assert supports.loan_eligibility_for(db, officer, pid, "business", today=TODAY).eligible


def test_writes_refused_for_leader_other_units_and_expected_people(
    db: Database, officer: Actor, leader: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    s = supports.record_support(db, officer, pid, COUNSEL, today=TODAY)
    foreign = add_person(unit_code=OTHER_UNIT)
    expected = add_person("Trần Văn Chờ", status="expected", received_on=None)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        supports.record_support(db, leader, pid, COUNSEL, today=TODAY)
    with pytest.raises(PermissionDenied):
        supports.update_support(db, leader, s.id, COUNSEL, today=TODAY)
    with pytest.raises(PermissionDenied):
        supports.delete_support(db, leader, s.id)
    with pytest.raises(NotFound):
        supports.record_support(db, officer, foreign, COUNSEL, today=TODAY)
    with pytest.raises(NotFound):
        supports.loan_eligibility_for(db, officer, foreign, "business", today=TODAY)
    with pytest.raises(ServiceError):
        supports.record_support(db, officer, expected, COUNSEL, today=TODAY)
    assert snapshot(db) == before


def test_update_delete_and_list(db: Database, officer: Actor,
                                add_person: Callable[..., str]) -> None:
    pid = add_person()
    january = replace(COUNSEL, support_date=date(2026, 1, 5))
    older = supports.record_support(db, officer, pid, january, today=TODAY)
    newer = supports.record_support(db, officer, pid, COUNSEL, today=TODAY)

    edited = supports.update_support(db, officer, older.id,
                                     replace(january, outcome="Đã có việc làm"), today=TODAY)
    assert (edited.outcome, edited.version) == ("Đã có việc làm", 2)
    assert [s.id for s in supports.list_supports(db, officer, pid)] == [newer.id, older.id]

    supports.delete_support(db, officer, newer.id, "trùng")

    assert [s.id for s in supports.list_supports(db, officer, pid)] == [older.id]
    assert row(db, Support, newer.id).deleted_at is not None
