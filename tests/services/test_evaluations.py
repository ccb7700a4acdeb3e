"""Quarterly evaluations in the unit's period convention, and the pre-filled draft."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from desktop.db import Database
from desktop.models import Evaluation, Unit
from desktop.rules.coverage import WeekCoverage
from desktop.services import contacts, evaluations, supports, violations
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

# Cut-off convention (the unit's default): 2026-Q3 runs 15/06/2026–14/09/2026 and its
# HCD-08 report is due 5 days later, on 19/09/2026.
Q3 = evaluations.EvaluationInput(
    quarter="2026-Q3", classification="a", evaluated_on=date(2026, 9, 16),
    helper_report="Chấp hành tốt", law_compliance="Không vi phạm", work="Phụ hồ",
)


def q3(**changes: Any) -> evaluations.EvaluationInput:
    return replace(Q3, **changes)


def set_convention(db: Database, convention: str) -> None:
    with db.transaction() as s:
        s.execute(update(Unit).where(Unit.code == "26001")
                  .values(period_convention=convention))


def test_record_evaluation_stores_the_quarter_and_audits(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    seq = last_seq(db)

    e = evaluations.record_evaluation(db, officer, pid, q3(quarter=" 2026-q3 "), today=TODAY)

    assert (e.quarter, e.starts_on, e.ends_on, e.quarter_label) == (
        "2026-Q3", date(2026, 6, 15), date(2026, 9, 14), "quý III năm 2026")
    assert e.classification == "A"
    assert e.classification_label.startswith("Loại A")
    assert (e.evaluated_on, e.work, e.version) == (date(2026, 9, 16), "Phụ hồ", 1)
    assert row(db, Evaluation, e.id).quarter == "2026-Q3"
    [(action, entity, entity_id, _)] = audit_since(db, seq)
    assert (action, entity, entity_id) == ("create", "evaluations", e.id)
    assert chain_ok(db)


def test_a_second_evaluation_of_the_quarter_corrects_the_first(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    first = evaluations.record_evaluation(db, officer, pid, Q3, today=TODAY)
    seq = last_seq(db)

    second = evaluations.record_evaluation(db, officer, pid, q3(classification="B"),
                                           today=TODAY)

    assert second.id == first.id
    assert second.classification == "B"
    assert second.version == 2
    [(action, _, _, changes)] = audit_since(db, seq)
    assert action == "update"
    assert changes == {"classification": ["A", "B"]}
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Evaluation)) == 1


def test_a_deleted_evaluation_is_restored_not_duplicated(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    first = evaluations.record_evaluation(db, officer, pid, Q3, today=TODAY)
    with db.transaction() as s:  # as a package import from the owner would leave it
        s.execute(update(Evaluation).values(deleted_at=datetime(2026, 10, 1, tzinfo=UTC)))
    assert evaluations.list_evaluations(db, officer, pid) == []

    again = evaluations.record_evaluation(db, officer, pid, q3(classification="C"),
                                          today=TODAY)

    assert again.id == first.id
    assert again.classification == "C"
    assert [e.id for e in evaluations.list_evaluations(db, officer, pid)] == [first.id]
    assert audit_since(db, last_seq(db) - 1)[0][0] == "restore"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"classification": "E"}, "classification"),
        ({"classification": ""}, "classification"),
        ({"quarter": "2026-M07"}, "quarter"),
        ({"quarter": "2026-Q5"}, "quarter"),
        ({"quarter": "quý 3"}, "quarter"),
        ({"quarter": "2023-Q4"}, "quarter"),  # ended 14/12/2023, before reception 08/01/2024
        ({"evaluated_on": date(2026, 6, 14)}, "evaluated_on"),  # before the quarter
        ({"evaluated_on": date(2026, 9, 20)}, "evaluated_on"),  # after the HCD-08 deadline
        ({"quarter": "2026-Q4", "evaluated_on": date(2026, 11, 27)}, "evaluated_on"),
        ({"helper_report": "x" * 4001}, "helper_report"),
    ],
)
def test_record_evaluation_rejects_bad_input(
    db: Database, officer: Actor, add_person: Callable[..., str], changes: dict[str, Any],
    field: str,
) -> None:
    pid = add_person()
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        evaluations.record_evaluation(db, officer, pid, q3(**changes), today=TODAY)
    assert err.value.field == field
    assert err.value.message
    assert snapshot(db) == before


def test_a_quarter_outside_the_care_is_named_in_the_message(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    with pytest.raises(ValidationError) as err:
        evaluations.record_evaluation(db, officer, pid, q3(quarter="2023-Q4",
                                                           evaluated_on=date(2023, 12, 1)),
                                      today=TODAY)
    assert err.value.message == "Quý IV năm 2023 kết thúc trước ngày tiếp nhận (08/01/2024)."


def test_the_deadline_day_itself_is_accepted(db: Database, officer: Actor,
                                             add_person: Callable[..., str]) -> None:
    pid = add_person()
    e = evaluations.record_evaluation(db, officer, pid, q3(evaluated_on=date(2026, 9, 19)),
                                      today=TODAY)
    assert e.evaluated_on == date(2026, 9, 19)


def test_quarters_follow_the_units_calendar_convention(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    set_convention(db, "calendar")

    e = evaluations.record_evaluation(db, officer, pid, q3(evaluated_on=date(2026, 10, 5)),
                                      today=TODAY)

    assert (e.starts_on, e.ends_on) == (date(2026, 7, 1), date(2026, 9, 30))
    with pytest.raises(ValidationError) as err:
        evaluations.record_evaluation(db, officer, pid, q3(evaluated_on=date(2026, 10, 6)),
                                      today=TODAY)
    assert err.value.field == "evaluated_on"


def test_writes_refused_for_leader_other_units_and_expected_people(
    db: Database, officer: Actor, leader: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    foreign = add_person(unit_code=OTHER_UNIT)
    expected = add_person("Trần Văn Chờ", status="expected", received_on=None)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        evaluations.record_evaluation(db, leader, pid, Q3, today=TODAY)
    with pytest.raises(NotFound):
        evaluations.record_evaluation(db, officer, foreign, Q3, today=TODAY)
    with pytest.raises(NotFound):
        evaluations.evaluation_draft(db, officer, foreign, "2026-Q3", today=TODAY)
    with pytest.raises(ServiceError):
        evaluations.record_evaluation(db, officer, expected, Q3, today=TODAY)
    assert snapshot(db) == before


def test_list_evaluations_latest_quarter_first(db: Database, officer: Actor, leader: Actor,
                                               add_person: Callable[..., str]) -> None:
    pid = add_person()
    evaluations.record_evaluation(db, officer, pid, q3(quarter="2026-Q2",
                                                       evaluated_on=date(2026, 6, 16)),
                                  today=TODAY)
    evaluations.record_evaluation(db, officer, pid, Q3, today=TODAY)
    assert [e.quarter for e in evaluations.list_evaluations(db, leader, pid)] == [
        "2026-Q3", "2026-Q2"]


# --- the draft --------------------------------------------------------------------------

def weekly(db: Database, actor: Actor, pid: str, first: date, last: date,
           **notes: Any) -> None:
    """One contact each Wednesday from the week of `first` to the week of `last`."""
    day = first + timedelta(days=(2 - first.weekday()) % 7)
    while day <= last:
        contacts.log_contact(db, actor, pid, contacts.ContactInput(contact_date=day, **notes),
                             today=TODAY)
        day += timedelta(days=7)


def draft(db: Database, actor: Actor, pid: str,
          quarter: str = "2026-Q3") -> evaluations.EvaluationInput:
    return evaluations.evaluation_draft(db, actor, pid, quarter, today=TODAY)


def test_draft_suggests_a_when_every_week_was_covered_without_trouble(
    db: Database, officer: Actor, leader: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    weekly(db, officer, pid, date(2026, 6, 15), date(2026, 9, 13), work="Phụ hồ",
           family="Sống cùng mẹ")
    before = snapshot(db)

    d = draft(db, leader, pid)

    assert snapshot(db) == before  # a draft is not saved
    assert (d.quarter, d.classification, d.evaluated_on) == ("2026-Q3", "A", date(2026, 9, 19))
    assert "đã gặp gỡ 13 lần (đến nhà 13 lần)" in d.helper_report
    assert "13/13 tuần phải gặp (100,0%)" in d.helper_report
    assert "Không ghi nhận dấu hiệu nguy cơ." in d.helper_report
    assert d.law_compliance == "Không vi phạm pháp luật trong quý."
    assert (d.work, d.family) == ("Phụ hồ", "Sống cùng mẹ")


def test_draft_suggests_c_when_a_risk_sign_was_logged_in_the_quarter(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    weekly(db, officer, pid, date(2026, 6, 15), date(2026, 9, 13))
    contacts.log_contact(db, officer, pid, contacts.ContactInput(
        contact_date=date(2026, 8, 14), form="phone", risk_signs=("substance_use",)),
        today=TODAY)

    d = draft(db, officer, pid)

    assert d.classification == "C"
    assert ("sử dụng rượu bia, chất kích thích (1 lần, gần nhất ngày 14/08/2026)"
            in d.helper_report)
    assert "qua điện thoại 1 lần" in d.helper_report


def test_draft_ignores_risk_signs_of_other_quarters(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    weekly(db, officer, pid, date(2026, 6, 15), date(2026, 9, 13))
    contacts.log_contact(db, officer, pid, contacts.ContactInput(
        contact_date=date(2026, 6, 14), risk_signs=("conflict",)), today=TODAY)
    assert draft(db, officer, pid).classification == "A"


def test_draft_suggests_b_for_missed_weeks_or_hardship_aid(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    missed = add_person()
    weekly(db, officer, missed, date(2026, 6, 15), date(2026, 9, 6))  # last week missed
    d = draft(db, officer, missed)
    assert d.classification == "B"
    assert "12/13 tuần phải gặp (92,3%)" in d.helper_report

    aided = add_person("Trần Văn Khó")
    weekly(db, officer, aided, date(2026, 6, 15), date(2026, 9, 13))
    supports.record_support(db, officer, aided, supports.SupportInput(
        kind="hardship_aid", support_date=date(2026, 7, 1), amount_vnd=1_500_000,
        provider="UBND phường"), today=TODAY)
    d = draft(db, officer, aided)
    assert d.classification == "B"
    assert ("Hỗ trợ đã nhận trong quý: Trợ cấp khó khăn 1.500.000 đồng, UBND phường, "
            "ngày 01/07/2026.") in d.helper_report


def test_excused_weeks_count_as_covered_in_the_draft(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    weekly(db, officer, pid, date(2026, 6, 15), date(2026, 9, 6))
    contacts.add_excused_week(db, officer, pid, "2026-W37", "Nằm viện", today=TODAY)
    d = draft(db, officer, pid)
    assert d.classification == "A"
    assert "13/13 tuần phải gặp (100,0%), trong đó 1 tuần được miễn." in d.helper_report


def test_draft_suggests_d_after_a_new_crime_and_c_after_another_violation(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    weekly(db, officer, pid, date(2026, 6, 15), date(2026, 9, 13))
    violations.record_violation(db, officer, pid, "administrative", date(2026, 7, 3),
                                "Đánh bạc", today=TODAY)
    d = draft(db, officer, pid)
    assert d.classification == "C"
    assert d.law_compliance == "Có 1 vi phạm trong quý: Vi phạm hành chính ngày 03/07/2026: " \
                               "Đánh bạc."

    violations.record_violation(db, officer, pid, "new_crime", date(2026, 9, 1),
                                "Trộm cắp tài sản", today=TODAY)
    assert draft(db, officer, pid).classification == "D"


def test_draft_of_the_quarter_in_progress_counts_only_the_weeks_gone_by(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    # 2026-Q4 runs 15/09–14/12/2026; today is 26/11/2026.
    weekly(db, officer, pid, date(2026, 9, 21), date(2026, 11, 22))
    d = draft(db, officer, pid, "2026-Q4")
    assert (d.classification, d.evaluated_on) == ("A", TODAY)
    assert "9/9 tuần phải gặp" in d.helper_report  # not 9/11: weeks ahead are not missed


def test_draft_returns_the_saved_evaluation_when_there_is_one(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    evaluations.record_evaluation(db, officer, pid, q3(classification="B", proposals="Vay vốn"),
                                  today=TODAY)
    d = draft(db, officer, pid, "2026-q3")
    assert d == q3(classification="B", proposals="Vay vốn")


def test_draft_refuses_a_quarter_not_yet_begun(db: Database, officer: Actor,
                                               add_person: Callable[..., str]) -> None:
    pid = add_person()
    with pytest.raises(ValidationError) as err:
        draft(db, officer, pid, "2027-Q2")
    assert err.value.field == "quarter"


@pytest.mark.parametrize(
    ("kinds", "risk", "due", "covered", "aid", "group"),
    [
        ((), False, 13, 13, False, "A"),
        ((), False, 0, 0, False, "A"),  # no due week: nothing was missed
        ((), False, 13, 12, False, "B"),
        ((), False, 13, 13, True, "B"),
        ((), True, 13, 12, True, "C"),
        (("other",), False, 13, 13, False, "C"),
        (("administrative", "new_crime"), True, 13, 13, False, "D"),
    ],
)
def test_suggest_classification(kinds: tuple[str, ...], risk: bool, due: int, covered: int,
                                aid: bool, group: str) -> None:
    coverage = WeekCoverage(due, covered, 0)
    assert evaluations.suggest_classification(kinds, risk, coverage, aid) == group
