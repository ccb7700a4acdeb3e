"""Report figures (REPORTS.md §3) on small hand-built datasets, numbers worked out here."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop.db import Database, open_database
from desktop.models import (
    END_REASONS,
    SUPPORT_KINDS,
    CommunityModel,
    ContactLog,
    Evaluation,
    ExcusedWeek,
    Judgment,
    Person,
    Support,
    TeamMember,
    Unit,
    Violation,
)
from desktop.reports.figures import (
    FIGURE_KEYS,
    compute_figures,
    compute_figures_by_unit,
    compute_figures_by_year,
)
from desktop.rules.periods import Convention, Period, parse_period

DELETED = datetime(2026, 1, 2, tzinfo=UTC)
CAL = Convention.CALENDAR


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "t.db")
    yield database
    database.close()


def d(text: str) -> date:
    return date.fromisoformat(text)


def add_unit(s: Session, code: str, convention: str = "calendar", year_start: int = 12) -> None:
    s.add(
        Unit(
            unit_code=code, code=code, name=f"Xã {code}", province="Tỉnh",
            period_convention=convention, year_start_month=year_start,
        )
    )


def add_person(s: Session, unit: str = "U1", **fields: Any) -> str:
    """A person with harmless defaults; returns the id."""
    values: dict[str, Any] = {
        "full_name": "Nguyễn Văn A", "name_folded": "nguyen van a", "gender": "male",
        "birth_date": "1990-05-05", "status": "managed",
    }
    values.update(fields)
    person = Person(unit_code=unit, **values)
    s.add(person)
    s.flush()
    return person.id


def add(s: Session, model: type[Any], person_id: str, unit: str = "U1", **fields: Any) -> None:
    s.add(model(unit_code=unit, person_id=person_id, **fields))


def figures(db: Database, period: Period, unit: str | None = "U1") -> dict[str, Any]:
    with db.session() as s:
        return compute_figures(s, period, unit).values


def custom(start: str, end: str) -> Period:
    return parse_period(f"{start}..{end}")


Q3 = parse_period("2026-Q3", CAL)  # 2026-07-01 .. 2026-09-30


# --- movement: received, ended, managed at start/end -------------------------------------


def test_received_ended_and_managed_across_boundary_days(db: Database) -> None:
    assert (Q3.start, Q3.end) == (d("2026-07-01"), d("2026-09-30"))
    with db.transaction() as s:
        add_unit(s, "U1")
        # Before S and still managed: at start and at end.
        add_person(s, received_on=d("2026-03-01"))
        # Received exactly on S (amnesty): received, at end, not at start.
        add_person(s, received_on=Q3.start, release_type="amnesty")
        # Ended exactly on E (moved): at start, ended, not at end.
        add_person(s, received_on=d("2026-05-01"), ended_on=Q3.end, end_reason="moved")
        # Ended exactly on S (died): still at start (not ended before S), ended.
        add_person(s, received_on=d("2026-05-01"), ended_on=Q3.start, end_reason="died")
        # Ended the day before S: gone before the period, counted nowhere.
        add_person(s, received_on=d("2026-05-01"), ended_on=d("2026-06-30"),
                   end_reason="expunged")
        # Received exactly on E (conditional): received, at end.
        add_person(s, received_on=Q3.end, release_type="conditional")
        # Received the day after E: counted nowhere.
        add_person(s, received_on=d("2026-10-01"))
        # Received and ended inside: counted in received and in ended, not at end.
        add_person(s, received_on=d("2026-08-01"), ended_on=d("2026-08-20"),
                   end_reason="new_sentence")
        # Soft-deleted: ignored although received inside.
        add_person(s, received_on=d("2026-08-01"), deleted_at=DELETED)
        # Another unit: not ours.
        add_person(s, "U2", received_on=d("2026-08-01"))
    v = figures(db, Q3)
    # at start: 03-01, ended-on-E, ended-on-S = 3
    assert v["managed_at_start"] == 3
    # received: on S (amnesty), on E (conditional), 08-01 (completed) = 3
    assert (v["received"], v["received_completed"], v["received_amnesty"],
            v["received_conditional"]) == (3, 1, 1, 1)
    # ended: moved on E, died on S, new sentence on 08-20 = 3
    assert v["ended"] == 3
    assert {r: v[f"ended_{r}"] for r in END_REASONS} == {
        "expunged": 0, "moved": 1, "abroad": 0, "missing": 0, "died": 1, "new_sentence": 1,
    }
    # at end: 03-01, received on S, received on E = 3 = 3 + 3 − 3
    assert v["managed_at_end"] == 3
    assert v["managed_during"] == 6


def test_expected_not_arrived(db: Database) -> None:
    with db.transaction() as s:
        notice: dict[str, Any] = {"notice_received_on": d("2026-08-01"), "status": "expected"}
        # Released before E, never received: a no-show.
        add_person(s, release_date=d("2026-09-15"), **notice)
        # Released on E, received after E: not arrived by E.
        add_person(s, release_date=Q3.end, received_on=d("2026-10-03"), **notice)
        # Released after E: not yet expected.
        add_person(s, release_date=d("2026-10-05"), **notice)
        # Released and received before E: arrived.
        add_person(s, release_date=d("2026-09-01"), received_on=d("2026-09-03"), **notice)
        # Died before arriving (ended on or before E): no longer expected.
        add_person(s, release_date=d("2026-09-01"), ended_on=d("2026-09-20"),
                   end_reason="died", **notice)
        # No prison notice: not counted whatever the dates.
        add_person(s, release_date=d("2026-09-01"), status="expected")
    v = figures(db, Q3)
    assert v["expected_not_arrived"] == 2
    # Only the one received on 09-03 is received and managed; the one who died before
    # arriving has an end date but was never managed, so is not "ended".
    assert (v["received"], v["ended"], v["managed_at_end"]) == (1, 0, 1)


# --- breakdowns of managed_at_end and complete teams ----------------------------------------


def test_breakdowns_of_managed_at_end(db: Database) -> None:
    jan = d("2026-01-10")
    with db.transaction() as s:
        # Age at E = 2026-09-30: born 2008-10-01 is one day short of 18 → "<18".
        p1 = add_person(s, received_on=jan, gender="male", birth_date="2008-10-01")
        # Two live judgments: the latest by judgment date counts (ch. 16, 36 months → ≤5 y);
        # a newer soft-deleted one (ch. 14, life) is ignored.
        add(s, Judgment, p1, judgment_date=d("2019-01-01"), chapter=22, prison_months=72)
        add(s, Judgment, p1, judgment_date=d("2022-01-01"), chapter=16, prison_months=36)
        add(s, Judgment, p1, judgment_date=d("2023-01-01"), chapter=14, main_penalty="life",
            deleted_at=DELETED)
        # 30 exactly on E → "18-30"; 180 months is still ">5-15y".
        p2 = add_person(s, received_on=jan, gender="female", birth_date="1996-09-30")
        add(s, Judgment, p2, chapter=22, prison_months=180)
        # 31 → "31-45"; 181 months → ">15y_or_life".
        p3 = add_person(s, received_on=jan, gender="male", birth_date="1995-09-30")
        add(s, Judgment, p3, chapter=14, prison_months=181)
        # Year-only 1966: 2026 − 1966 = 60 → "46-60"; life → ">15y_or_life".
        p4 = add_person(s, received_on=jan, gender="female", birth_date="1966")
        add(s, Judgment, p4, chapter=14, main_penalty="life")
        # 61 → ">60"; suspended sentence → "other"; no chapter → "unknown".
        p5 = add_person(s, received_on=jan, gender="male", birth_date="1965-09-30")
        add(s, Judgment, p5, main_penalty="suspended")
        # No judgment at all: "unknown" offence, "other" length; 36 → "31-45".
        add_person(s, received_on=jan, gender="male", birth_date="1990-05-05")
        # Ended before E: not in managed_at_end, so in no breakdown.
        p7 = add_person(s, received_on=jan, ended_on=d("2026-08-01"), end_reason="moved",
                        gender="female", birth_date="1980-01-01")
        add(s, Judgment, p7, chapter=14, prison_months=12)
    v = figures(db, Q3)
    assert v["managed_at_end"] == 6
    assert v["by_gender"] == {"male": 4, "female": 2}
    assert v["by_age_group"] == {"<18": 1, "18-30": 1, "31-45": 2, "46-60": 1, ">60": 1}
    offences = v["by_offence_group"]
    assert (offences["chapter_14"], offences["chapter_16"], offences["chapter_22"],
            offences["unknown"]) == (2, 1, 1, 2)
    # Every chapter key is present (stable columns), the others at 0.
    assert len(offences) == 15
    assert sum(offences.values()) == 6
    assert v["by_sentence_length"] == {"<=5y": 1, ">5-15y": 1, ">15y_or_life": 2, "other": 2}


def test_teams_complete_needs_four_core_roles_active_at_end(db: Database) -> None:
    jan, e = d("2026-01-10"), Q3.end

    def team(s: Session, pid: str, **override: Any) -> None:
        for role in ("police", "mass_org", "party_member", "family"):
            fields = {"from_date": jan, "to_date": None, **override.get(role, {})}
            add(s, TeamMember, pid, role=role, name=f"Thành viên {role}", **fields)

    with db.transaction() as s:
        # Complete: a member leaving exactly on E and one joining exactly on E are active.
        team(s, add_person(s, received_on=jan),
             mass_org={"to_date": e}, party_member={"from_date": e})
        # Family member left the day before E: incomplete.
        team(s, add_person(s, received_on=jan), family={"to_date": d("2026-09-29")})
        # Family member joins the day after E: incomplete.
        team(s, add_person(s, received_on=jan), family={"from_date": d("2026-10-01")})
        # Party member soft-deleted: incomplete ("other" members do not replace it).
        pid = add_person(s, received_on=jan)
        team(s, pid, party_member={"deleted_at": DELETED})
        add(s, TeamMember, pid, role="other", name="Hàng xóm", from_date=jan)
        # Complete team but ended before E: not in managed_at_end.
        team(s, add_person(s, received_on=jan, ended_on=d("2026-09-01"), end_reason="died"))
    v = figures(db, Q3)
    assert (v["managed_at_end"], v["teams_complete"]) == (4, 1)


# --- weekly contact coverage -----------------------------------------------------------------


def test_weekly_coverage_with_excused_week_and_mid_week_reception(db: Database) -> None:
    # 2026-06-01 is a Monday and 06-28 a Sunday: four whole ISO weeks W23 … W26.
    june = custom("2026-06-01", "2026-06-28")
    may = d("2026-05-01")
    with db.transaction() as s:
        # P1, managed all along: W23 two contacts, W24 excused, W25 contacted AND excused
        # (counts as a contact, not as excused), W26 only a soft-deleted contact → missed.
        # Due 4, covered 3, excused 1.
        p1 = add_person(s, received_on=may)
        for day in ("2026-05-30", "2026-06-02", "2026-06-03", "2026-06-17"):
            add(s, ContactLog, p1, contact_date=d(day))
        add(s, ContactLog, p1, contact_date=d("2026-06-23"), deleted_at=DELETED)
        add(s, ExcusedWeek, p1, week="2026-W24", reason="Đi làm xa")
        add(s, ExcusedWeek, p1, week="2026-W25", reason="Nằm viện")
        # P2 received on Wednesday 06-10 (W24): W24 is not whole, so due W25, W26 = 2; the
        # W24 contact covers nothing, W26 is covered, W25's excuse is soft-deleted → missed.
        # Due 2, covered 1.
        p2 = add_person(s, received_on=d("2026-06-10"))
        add(s, ContactLog, p2, contact_date=d("2026-06-11"))
        add(s, ContactLog, p2, contact_date=d("2026-06-26"))
        add(s, ExcusedWeek, p2, week="2026-W25", reason="x", deleted_at=DELETED)
        # P3 ended on Sunday 06-21 (the first day no longer managed): W25 is not whole, so
        # due W23, W24 = 2, covered 0.
        add_person(s, received_on=may, ended_on=d("2026-06-21"), end_reason="moved")
        # P4 contacted every week: due 4, covered 4.
        p4 = add_person(s, received_on=may)
        for day in ("2026-06-01", "2026-06-14", "2026-06-15", "2026-06-28"):
            add(s, ContactLog, p4, contact_date=d(day))
    v = figures(db, june)
    # due 4 + 2 + 2 + 4 = 12; covered 3 + 1 + 0 + 4 = 8; excused 1; 8/12 = 66.66… → 66.7
    assert (v["weeks_due"], v["weeks_covered"], v["weeks_excused"]) == (12, 8, 1)
    assert v["contact_coverage_pct"] == 66.7


def test_empty_unit_gives_blank_percentages_and_zero_breakdowns(db: Database) -> None:
    v = figures(db, Q3, "NOBODY")
    assert (v["contact_coverage_pct"], v["reoffending_rate_pct"]) == (None, None)
    assert (v["weeks_due"], v["managed_during"]) == (0, 0)
    assert v["by_age_group"] == {"<18": 0, "18-30": 0, "31-45": 0, "46-60": 0, ">60": 0}


# --- quarterly classification ----------------------------------------------------------------


def test_classification_over_two_quarters_with_missing_evaluations(db: Database) -> None:
    h1 = parse_period("2026-H1", CAL)  # quarters ending inside: Q1 (03-31) and Q2 (06-30)
    old = d("2025-06-01")
    with db.transaction() as s:
        add_unit(s, "U1", "calendar")
        p1 = add_person(s, received_on=old)
        add(s, Evaluation, p1, quarter="2025-Q4", classification="C", evaluated_on=old)
        add(s, Evaluation, p1, quarter="2026-Q1", classification="A", evaluated_on=old)
        add(s, Evaluation, p1, quarter="2026-Q2", classification="B", evaluated_on=old)
        p2 = add_person(s, received_on=old)  # no Q2 evaluation → missing in Q2
        add(s, Evaluation, p2, quarter="2026-Q1", classification="C", evaluated_on=old)
        # Received after the Q1 end: only Q2 counts (its stray Q1 evaluation is ignored).
        p3 = add_person(s, received_on=d("2026-04-10"))
        add(s, Evaluation, p3, quarter="2026-Q1", classification="A", evaluated_on=old)
        add(s, Evaluation, p3, quarter="2026-Q2", classification="D", evaluated_on=old)
        # Ended on the Q1 end day: not managed at that quarter's end, counted in neither.
        p4 = add_person(s, received_on=old, ended_on=d("2026-03-31"), end_reason="moved")
        add(s, Evaluation, p4, quarter="2026-Q1", classification="A", evaluated_on=old)
        # Q1 evaluation soft-deleted → missing in Q1.
        p5 = add_person(s, received_on=d("2026-01-10"))
        add(s, Evaluation, p5, quarter="2026-Q1", classification="A", evaluated_on=old,
            deleted_at=DELETED)
        add(s, Evaluation, p5, quarter="2026-Q2", classification="C", evaluated_on=old)
    v = figures(db, h1)
    # Q1 (managed at 03-31: p1, p2, p5): A p1, C p2, missing p5.
    # Q2 (managed at 06-30: p1, p2, p3, p5): B p1, missing p2, D p3, C p5.
    assert [v[f"class_{c}"] for c in ("A", "B", "C", "D", "missing")] == [1, 1, 2, 1, 2]


def test_classification_quarters_follow_each_units_convention(db: Database) -> None:
    # Same people in a calendar unit and a cut-off unit, over the same custom range.
    # Calendar quarters ending inside: 2026-Q1 ends 03-31, 2026-Q2 ends 06-30.
    # Cut-off quarters ending inside: 2026-Q1 ends 03-14, 2026-Q2 ends 06-14.
    half = custom("2026-01-01", "2026-06-30")
    with db.transaction() as s:
        add_unit(s, "CAL", "calendar")
        add_unit(s, "CUT", "cutoff")
        for unit in ("CAL", "CUT"):
            # X arrives 03-20: managed at 03-31 but not at 03-14.
            x = add_person(s, unit, received_on=d("2026-03-20"))
            add(s, Evaluation, x, unit, quarter="2026-Q1", classification="A",
                evaluated_on=d("2026-03-25"))
            add(s, Evaluation, x, unit, quarter="2026-Q2", classification="B",
                evaluated_on=d("2026-06-10"))
            # Y leaves 06-20: managed at 06-14 but not at 06-30; no Q2 evaluation.
            y = add_person(s, unit, received_on=d("2025-01-01"), ended_on=d("2026-06-20"),
                           end_reason="moved")
            add(s, Evaluation, y, unit, quarter="2026-Q1", classification="C",
                evaluated_on=d("2026-03-10"))

    def classes(values: dict[str, Any]) -> list[int]:
        return [values[f"class_{c}"] for c in ("A", "B", "C", "D", "missing")]

    # Calendar: Q1 X→A, Y→C; Q2 X→B (Y gone).  Cut-off: Q1 Y→C (X not yet); Q2 X→B, Y missing.
    assert classes(figures(db, half, "CAL")) == [1, 1, 1, 0, 0]
    assert classes(figures(db, half, "CUT")) == [0, 1, 1, 0, 1]
    # All units: each unit's own convention for its persons, so the sum of both.
    assert classes(figures(db, half, None)) == [1, 2, 2, 0, 1]
    with db.session() as s:
        by_unit = compute_figures_by_unit(s, half)
    assert classes(by_unit["CAL"].values) == [1, 1, 1, 0, 0]
    assert classes(by_unit["CUT"].values) == [0, 1, 1, 0, 1]
    # The cut-off quarter 2026-Q1 on its own: 2025-12-15 … 2026-03-14, Y only.
    q1 = parse_period("2026-Q1", Convention.CUTOFF)
    assert (q1.start, q1.end) == (d("2025-12-15"), d("2026-03-14"))
    assert classes(figures(db, q1, "CUT")) == [0, 0, 1, 0, 0]


# --- supports, loans, violations -------------------------------------------------------------


def test_supports_loans_and_hardship_aid(db: Database) -> None:
    old = d("2025-01-01")
    with db.transaction() as s:
        p1 = add_person(s, received_on=old)
        add(s, Support, p1, kind="counselling", support_date=Q3.start)
        add(s, Support, p1, kind="counselling", support_date=Q3.end)
        add(s, Support, p1, kind="counselling", support_date=d("2026-06-30"))  # before S
        add(s, Support, p1, kind="counselling", support_date=d("2026-08-10"),
            deleted_at=DELETED)
        add(s, Support, p1, kind="loan", support_date=d("2026-08-01"), amount_vnd=50_000_000)
        add(s, Support, p1, kind="hardship_aid", support_date=d("2026-08-02"),
            amount_vnd=2_000_000)
        p2 = add_person(s, received_on=old)
        add(s, Support, p2, kind="counselling", support_date=d("2026-08-15"))
        add(s, Support, p2, kind="loan", support_date=d("2026-08-20"))  # amount unknown → 0
        add(s, Support, p2, kind="hardship_aid", support_date=d("2026-09-01"),
            amount_vnd=3_000_000)
        add(s, Support, p2, kind="job_referral", support_date=d("2026-10-01"))  # after E
        p3 = add_person(s, received_on=old, deleted_at=DELETED)  # whole person deleted
        add(s, Support, p3, kind="counselling", support_date=d("2026-08-01"))
    v = figures(db, Q3)
    # counselling: p1 on S and on E, p2 once = 3 records, 2 people
    assert (v["support_counselling"], v["support_counselling_people"]) == (3, 2)
    assert (v["support_loan"], v["support_loan_people"]) == (2, 2)
    assert (v["loan_count"], v["loan_amount_vnd"]) == (2, 50_000_000)
    # hardship: 2,000,000 + 3,000,000
    assert (v["support_hardship_aid"], v["hardship_amount_vnd"]) == (2, 5_000_000)
    others = [k for k in SUPPORT_KINDS if k not in ("counselling", "loan", "hardship_aid")]
    assert all(v[f"support_{k}"] == 0 and v[f"support_{k}_people"] == 0 for k in others)


def test_violations_and_reoffending_rate(db: Database) -> None:
    old = d("2025-01-01")
    with db.transaction() as s:
        p1 = add_person(s, received_on=old)
        add(s, Violation, p1, kind="new_crime", violation_date=d("2026-08-01"))
        add(s, Violation, p1, kind="new_crime", violation_date=d("2026-09-01"))  # same person
        add(s, Violation, p1, kind="administrative", violation_date=Q3.start)
        p2 = add_person(s, received_on=old)
        add(s, Violation, p2, kind="administrative", violation_date=Q3.end)
        add(s, Violation, p2, kind="administrative", violation_date=d("2026-06-30"))  # before
        add(s, Violation, p2, kind="other", violation_date=d("2026-08-01"))
        p3 = add_person(s, received_on=old)
        add(s, Violation, p3, kind="new_crime", violation_date=d("2026-10-01"))  # after E
        add(s, Violation, p3, kind="new_crime", violation_date=d("2026-08-01"),
            deleted_at=DELETED)
    v = figures(db, Q3)
    assert (v["violations_admin"], v["reoffended"], v["managed_during"]) == (2, 1, 3)
    assert v["reoffending_rate_pct"] == 33.33  # 100 × 1 / 3 = 33.333…


def test_reoffending_rate_rounds_half_up(db: Database) -> None:
    with db.transaction() as s:
        pids = [add_person(s, received_on=d("2025-01-01")) for _ in range(32)]
        add(s, Violation, pids[0], kind="new_crime", violation_date=d("2026-08-01"))
    # 100 × 1 / 32 = 3.125 exactly: half up gives 3.13 (round() would give 3.12).
    assert figures(db, Q3)["reoffending_rate_pct"] == 3.13


# --- expected expungement ----------------------------------------------------------------------


def test_expunged_expected_in_the_90_days_after_end(db: Database) -> None:
    # E = 2026-09-30, so the window is 2026-10-01 … 2026-12-29 (E + 90 days).
    def released(s: Session, on: str, judgment: dict[str, Any] | None = None,
                 **person: Any) -> str:
        pid = add_person(s, release_date=d(on), received_on=d(on) + timedelta(days=2),
                         **person)
        add(s, Judgment, pid, **{"chapter": 16, "prison_months": 36, **(judgment or {})})
        return pid

    with db.transaction() as s:
        # Art. 70: ≤ 5 years of prison → 2 years after completion.
        released(s, "2024-10-15")  # → 2026-10-15: inside
        released(s, "2024-09-30")  # → 2026-09-30 = E: not after E
        released(s, "2024-12-29")  # → 2026-12-29 = E + 90: inside
        released(s, "2024-12-30")  # → 2026-12-30: too late
        # Conditional release: counted from the end of probation 2024-11-01 → 2026-11-01.
        released(s, "2023-05-01", {"probation_until": d("2024-11-01")},
                 release_type="conditional")
        # New crime after release: the waiting period restarts, no date.
        pid = released(s, "2024-10-15")
        add(s, Violation, pid, kind="new_crime", violation_date=d("2025-03-01"))
        # Unpaid court fees: unknown.
        released(s, "2024-10-15", {"obligations": "Án phí 200.000 đồng"})
        # Supplementary penalty until 2025-10-20: counted from then → 2027-10-20.
        released(s, "2024-10-15", {"supplementary": "Cấm cư trú",
                                   "supplementary_until": d("2025-10-20")})
        # No longer managed at E.
        released(s, "2024-10-15", ended_on=d("2026-09-01"), end_reason="moved")
        # Art. 71 (chapter XIII): 3 years → 2023-10-20 + 3 = 2026-10-20: inside.
        released(s, "2023-10-20", {"chapter": 13})
    assert figures(db, Q3)["expunged_expected_next_90d"] == 4


# --- community models and exemplary people ---------------------------------------------------


def test_models_active_at_end_and_exemplary_people_in_period(db: Database) -> None:
    def model(s: Session, start: str, unit: str = "U1", **fields: Any) -> None:
        s.add(CommunityModel(unit_code=unit, name="Mô hình", start_date=d(start), **fields))

    with db.transaction() as s:
        model(s, "2025-01-01")  # active
        model(s, "2026-09-30")  # started on E: active
        model(s, "2026-10-01")  # not started yet
        model(s, "2025-01-01", end_date=d("2026-09-30"))  # ended on E: not active at E
        model(s, "2025-01-01", end_date=d("2026-10-01"))  # ends after E: active
        model(s, "2025-01-01", status="dissolved")
        model(s, "2025-01-01", deleted_at=DELETED)
        model(s, "2025-01-01", "U2")  # another unit
        model(s, "2026-07-01", kind="exemplary")  # on S
        model(s, "2026-09-30", kind="exemplary")  # on E
        model(s, "2026-06-30", kind="exemplary")  # before S
        gone = add_person(s, deleted_at=DELETED)
        model(s, "2026-08-01", kind="exemplary", person_id=gone)  # person deleted
    v = figures(db, Q3)
    assert (v["models_active"], v["exemplary_people"]) == (3, 2)


# --- soft deletion, units, years ----------------------------------------------------------


def _person_with_everything(s: Session, unit: str, **fields: Any) -> str:
    pid = add_person(s, unit, received_on=d("2026-01-10"), **fields)
    add(s, Judgment, pid, unit, judgment_date=d("2020-01-01"), chapter=16, prison_months=24)
    for role in ("police", "mass_org", "party_member"):
        add(s, TeamMember, pid, unit, role=role, name=role, from_date=d("2026-01-10"))
    add(s, ContactLog, pid, unit, contact_date=d("2026-08-05"))
    add(s, ExcusedWeek, pid, unit, week="2026-W35", reason="x")
    add(s, Evaluation, pid, unit, quarter="2026-Q3", classification="B",
        evaluated_on=d("2026-09-20"))
    add(s, Support, pid, unit, kind="loan", support_date=d("2026-08-01"), amount_vnd=9)
    add(s, Violation, pid, unit, kind="new_crime", violation_date=d("2026-08-01"))
    add(s, Violation, pid, unit, kind="administrative", violation_date=d("2026-08-02"))
    return pid


def test_soft_deleted_person_and_rows_change_nothing(db: Database) -> None:
    # U1 and U2 hold the same live people; U1 also holds soft-deleted things that would
    # change every figure if they counted. Both must give identical figures.
    with db.transaction() as s:
        live = {unit: _person_with_everything(s, unit) for unit in ("U1", "U2")}["U1"]
        for unit in ("U1", "U2"):
            # Received 09-20: managed at the calendar Q3 end (09-30) but not at the cut-off
            # one (09-14), so the deleted Units row below would change class_missing.
            add_person(s, unit, received_on=d("2026-09-20"))
        # A soft-deleted Units row: U1 falls back to the cut-off default, like U2.
        s.add(Unit(unit_code="U1", code="U1", name="x", province="y",
                   period_convention="calendar", deleted_at=DELETED))
        # A soft-deleted person with every kind of row.
        _person_with_everything(s, "U1", deleted_at=DELETED)
        gone = add_person(s, "U1", received_on=d("2026-08-01"), deleted_at=DELETED)
        add(s, Support, gone, kind="counselling", support_date=d("2026-08-03"))
        # Soft-deleted rows on a live person.
        rows: list[tuple[type[Any], dict[str, Any]]] = [
            (Judgment, {"judgment_date": d("2026-01-01"), "main_penalty": "life"}),
            (TeamMember, {"role": "family", "name": "x", "from_date": d("2026-01-01")}),
            (ContactLog, {"contact_date": d("2026-08-12")}),
            (ExcusedWeek, {"week": "2026-W34", "reason": "x"}),
            (Support, {"kind": "hardship_aid", "support_date": d("2026-08-01"),
                       "amount_vnd": 5}),
            (Violation, {"kind": "administrative", "violation_date": d("2026-08-01")}),
        ]
        for model, fields in rows:
            add(s, model, live, deleted_at=DELETED, **fields)
    assert figures(db, Q3, "U1") == figures(db, Q3, "U2")


def test_two_units_are_separated_and_by_unit_matches(db: Database) -> None:
    with db.transaction() as s:
        add_unit(s, "U1", "calendar")
        add_unit(s, "U2", "cutoff")
        add_unit(s, "U3", "calendar")  # owns no person: not in compute_figures_by_unit
        a = add_person(s, "U1", received_on=d("2026-07-05"), release_type="amnesty")
        add(s, Support, a, "U1", kind="counselling", support_date=d("2026-07-06"))
        for _ in range(2):
            b = add_person(s, "U2", received_on=d("2026-02-01"))
            add(s, Support, b, "U2", kind="loan", support_date=d("2026-08-01"),
                amount_vnd=10_000_000)
            add(s, Evaluation, b, "U2", quarter="2026-Q3", classification="A",
                evaluated_on=d("2026-09-01"))
        s.add(CommunityModel(unit_code="U2", name="CLB", start_date=d("2026-01-01")))
    with db.session() as s:
        by_unit = compute_figures_by_unit(s, Q3)
        singles = {u: compute_figures(s, Q3, u) for u in ("U1", "U2")}
        everyone = compute_figures(s, Q3)
    assert list(by_unit) == ["U1", "U2"]
    for unit, single in singles.items():
        assert by_unit[unit] == single
        assert single.unit_code == unit
    u1: dict[str, Any] = singles["U1"].values
    u2: dict[str, Any] = singles["U2"].values
    assert (u1["received_amnesty"], u1["support_counselling"], u1["loan_count"]) == (1, 1, 0)
    assert (u2["managed_at_start"], u2["loan_amount_vnd"], u2["models_active"]) == (
        2, 20_000_000, 1)
    # U2 is cut-off: Q3 (calendar 07-01 … 09-30) holds the end of its 2026-Q3 (09-14),
    # where both its people have an A. U1's person is managed at 09-30 unevaluated.
    assert (u2["class_A"], u2["class_missing"], u1["class_A"], u1["class_missing"]) == (
        2, 0, 0, 1)
    # All units together: every count is the sum of the units' counts.
    assert everyone.unit_code is None
    for key in FIGURE_KEYS:
        total = everyone.values[key]
        if isinstance(total, dict):
            assert total == {k: u1[key][k] + u2[key][k] for k in total}, key
        elif not key.endswith("_pct"):
            assert total == u1[key] + u2[key], key


def test_by_year_slices_of_a_custom_range_add_up(db: Database) -> None:
    whole = custom("2021-03-22", "2025-10-31")
    with db.transaction() as s:
        add_unit(s, "U1", "cutoff")
        add_person(s, received_on=d("2021-03-21"))  # before the range: managed at its start
        first = add_person(s, received_on=d("2021-03-22"), ended_on=d("2022-12-14"),
                           end_reason="moved")
        add_person(s, received_on=d("2021-12-14"))  # last day of reporting year 2021
        add_person(s, received_on=d("2021-12-15"))  # first day of reporting year 2022
        add_person(s, received_on=d("2023-06-01"))
        add_person(s, received_on=d("2024-12-15"))  # first day of 2025
        add_person(s, received_on=d("2025-10-31"))  # last day of the range
        add_person(s, received_on=d("2025-11-01"))  # after the range
        add(s, Support, first, kind="counselling", support_date=d("2022-12-14"))
        add(s, Support, first, kind="counselling", support_date=d("2022-12-15"))
    with db.session() as s:
        years = compute_figures_by_year(s, whole, "U1", Convention.CUTOFF, 12)
        total = compute_figures(s, whole, "U1").values
    assert [(f.period.code, f.period.start, f.period.end) for f in years] == [
        ("2021-Y", d("2021-03-22"), d("2021-12-14")),
        ("2022-Y", d("2021-12-15"), d("2022-12-14")),
        ("2023-Y", d("2022-12-15"), d("2023-12-14")),
        ("2024-Y", d("2023-12-15"), d("2024-12-14")),
        ("2025-Y", d("2024-12-15"), d("2025-10-31")),
    ]
    received: list[Any] = [f.values["received"] for f in years]
    assert received == [2, 1, 1, 0, 2]
    assert sum(received) == total["received"] == 6
    assert [f.values["ended"] for f in years] == [0, 1, 0, 0, 0]
    # The support on 2022-12-14 is in 2022, the one on 12-15 in 2023.
    assert [f.values["support_counselling"] for f in years] == [0, 1, 1, 0, 0]
    # Each year starts with what the previous one ended with.
    assert [f.values["managed_at_start"] for f in years] == [1, 3, 3, 4, 4]
    for before, after in pairwise(years):
        assert before.values["managed_at_end"] == after.values["managed_at_start"]
    assert years[-1].values["managed_at_end"] == total["managed_at_end"] == 6


# --- keys, snapshot, query count ----------------------------------------------------------


def test_values_follow_figure_keys_and_snapshot_is_json(db: Database) -> None:
    expected_start = [
        "managed_at_start", "received", "received_completed", "received_amnesty",
        "received_conditional", "expected_not_arrived", "ended", "ended_expunged",
        "ended_moved", "ended_abroad", "ended_missing", "ended_died", "ended_new_sentence",
        "managed_at_end", "managed_during", "by_gender", "by_age_group", "by_offence_group",
        "by_sentence_length", "teams_complete", "weeks_due", "weeks_covered", "weeks_excused",
        "contact_coverage_pct", "class_A", "class_B", "class_C", "class_D", "class_missing",
        "support_counselling", "support_counselling_people",
    ]
    expected_end = [
        "support_other", "support_other_people", "loan_count", "loan_amount_vnd",
        "hardship_amount_vnd", "violations_admin", "reoffended", "reoffending_rate_pct",
        "expunged_expected_next_90d", "models_active", "exemplary_people",
    ]
    assert list(FIGURE_KEYS[: len(expected_start)]) == expected_start
    assert list(FIGURE_KEYS[-len(expected_end):]) == expected_end
    assert len(FIGURE_KEYS) == len(set(FIGURE_KEYS)) == 29 + 2 * len(SUPPORT_KINDS) + 9
    with db.transaction() as s:
        add_person(s, received_on=d("2026-08-01"))
    with db.session() as s:
        result = compute_figures(s, Q3, "U1")
    assert list(result.values) == list(FIGURE_KEYS)
    snapshot = json.loads(json.dumps(result.to_json_dict()))
    assert snapshot["unit_code"] == "U1"
    assert snapshot["period"] == {"code": "2026-Q3", "start": "2026-07-01", "end": "2026-09-30"}
    assert list(snapshot["figures"]) == list(FIGURE_KEYS)
    assert snapshot["figures"]["received"] == 1
    assert snapshot["figures"]["by_gender"] == {"male": 1, "female": 0}


def test_query_count_does_not_grow_with_persons_units_or_years(db: Database) -> None:
    statements: list[str] = []

    def count(*args: Any) -> None:
        if args[2].lstrip().upper().startswith("SELECT"):
            statements.append(args[2])

    def run(call: Any) -> int:
        statements.clear()
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            with db.session() as s:
                call(s)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(statements)

    whole = custom("2021-03-22", "2025-10-31")
    small = run(lambda s: compute_figures(s, Q3, "U1"))
    with db.transaction() as s:
        for unit in ("U1", "U2", "U3"):
            add_unit(s, unit)
            for _ in range(10):
                _person_with_everything(s, unit)
    assert run(lambda s: compute_figures(s, Q3, "U1")) == small
    assert run(lambda s: compute_figures(s, Q3)) == small
    assert run(lambda s: compute_figures_by_unit(s, Q3)) == small
    assert run(lambda s: compute_figures_by_year(s, whole, "U1")) == small
    assert small <= 10  # one SELECT per table read


# --- the identity, over random data ---------------------------------------------------------


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("identity") / "t.db")
    yield database
    database.close()


DAY0 = date(2026, 1, 1)
offsets = st.integers(min_value=0, max_value=120)
people = st.lists(
    st.fixed_dictionaries(
        {
            "unit": st.sampled_from(["U1", "U2"]),
            "received": st.none() | offsets,
            # May lie before reception, or exist without one: bad data must not break it.
            "ended": st.none() | offsets,
            "reason": st.none() | st.sampled_from(END_REASONS),
            "deleted": st.booleans(),
        }
    ),
    max_size=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(persons=people, start=offsets, length=st.integers(min_value=0, max_value=100))
def test_identity_holds_on_random_data(
    shared_db: Database, persons: list[dict[str, Any]], start: int, length: int
) -> None:
    def day(offset: int | None) -> date | None:
        return None if offset is None else DAY0 + timedelta(days=offset)

    period = custom(str(day(start)), str(day(start + length)))
    with shared_db.session() as s:
        for p in persons:
            add_person(s, p["unit"], received_on=day(p["received"]), ended_on=day(p["ended"]),
                       end_reason=p["reason"], deleted_at=DELETED if p["deleted"] else None)
        results = [compute_figures(s, period), *compute_figures_by_unit(s, period).values()]
        results += compute_figures_by_year(s, period, "U1", CAL, 1)
        s.rollback()
    for result in results:
        v: dict[str, Any] = result.values
        assert v["managed_at_end"] == v["managed_at_start"] + v["received"] - v["ended"]
        assert v["managed_during"] == v["managed_at_start"] + v["received"]
        assert sum(v["by_gender"].values()) == v["managed_at_end"]
