"""Today's work: every dashboard list with hand-built people, exact contents and order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, update

from desktop.db import Database
from desktop.models import (
    ContactLog,
    Evaluation,
    ExcusedWeek,
    Judgment,
    ReportRecord,
    TeamMember,
    Unit,
    Violation,
)
from desktop.reports.figures import compute_figures
from desktop.rules.periods import parse_period
from desktop.services.access import Actor
from desktop.services.dashboard import dashboard
from desktop.services.errors import PermissionDenied
from desktop.services.person_queries import get_person
from tests.conftest import UNIT_CODE

AddPerson = Callable[..., str]
TODAY = date(2026, 11, 26)  # a Thursday; its ISO week is 2026-W48 (Mon 23/11 … Sun 29/11)


def add(db: Database, model: type[Any], person_id: str, **fields: Any) -> None:
    with db.transaction() as s:
        s.add(model(person_id=person_id, unit_code=UNIT_CODE, **fields))


def contact(db: Database, person_id: str, on: date) -> None:
    add(db, ContactLog, person_id, contact_date=on)


def set_unit(db: Database, **fields: Any) -> None:
    with db.transaction() as s:
        s.execute(update(Unit).where(Unit.code == UNIT_CODE).values(**fields))


def names(rows: Any) -> list[str]:
    return [r.full_name for r in rows]


# --- weekly contact --------------------------------------------------------------------


@pytest.fixture
def contact_people(db: Database, add_person: AddPerson) -> dict[str, str]:
    """People in every contact situation, as of TODAY (all received long ago unless said)."""
    ids = {
        "never": add_person("Lê Văn Chưa", received_on=date(2026, 10, 1)),
        "old": add_person("Phạm Văn Cũ"),
        "recent": add_person("Hoàng Văn Vừa"),
        "met": add_person("Vũ Văn Gặp"),
        "last_week": add_person("Đỗ Văn Tuần"),
        "excused": add_person("Bùi Văn Miễn"),
        "absent": add_person("Ngô Văn Vắng", status="absent", absent_on=date(2026, 3, 1)),
        "ended": add_person("Dương Văn Hết", status="ended", ended_on=date(2026, 5, 1),
                            end_reason="moved"),
        "new": add_person("Lý Văn Mới", status="received", received_on=date(2026, 11, 24),
                          managed_on=None),
    }
    contact(db, ids["old"], date(2026, 11, 2))
    contact(db, ids["recent"], date(2026, 11, 10))
    contact(db, ids["met"], date(2026, 11, 12))
    contact(db, ids["met"], date(2026, 11, 24))
    contact(db, ids["last_week"], date(2026, 11, 21))
    contact(db, ids["excused"], date(2026, 10, 1))
    add(db, ExcusedWeek, ids["excused"], week="2026-W48", reason="Đi làm xa")
    contact(db, ids["absent"], date(2026, 2, 1))
    return ids


def test_overdue_people_oldest_contact_first(
    db: Database, officer: Actor, contact_people: dict[str, str]
) -> None:
    board = dashboard(db, officer, TODAY)

    # Never met: counted from the reception (01/10), then the oldest contacts.
    assert [(r.full_name, r.last_contact, r.since, r.days_since) for r in board.overdue] == [
        ("Lê Văn Chưa", None, date(2026, 10, 1), 56),
        ("Phạm Văn Cũ", date(2026, 11, 2), date(2026, 11, 2), 24),
        ("Hoàng Văn Vừa", date(2026, 11, 10), date(2026, 11, 10), 16),
    ]
    assert board.overdue[0].person_id == contact_people["never"]
    assert board.week_code == "2026-W48"


def test_due_this_week_excludes_covered_overdue_absent_and_partial_weeks(
    db: Database, officer: Actor, contact_people: dict[str, str]
) -> None:
    board = dashboard(db, officer, TODAY)

    # Met on Saturday of last week: due again this week, not overdue (5 days ago).
    # Met this week, excused this week, absent, ended, received mid-week: none of them.
    assert [(r.full_name, r.last_contact) for r in board.due_this_week] == [
        ("Đỗ Văn Tuần", date(2026, 11, 21)),
    ]


def test_the_units_contact_interval_decides_who_is_overdue(
    db: Database, officer: Actor, contact_people: dict[str, str]
) -> None:
    set_unit(db, contact_interval_days=20)

    board = dashboard(db, officer, TODAY)

    assert board.contact_interval_days == 20
    assert names(board.overdue) == ["Lê Văn Chưa", "Phạm Văn Cũ"]
    # Met 16 days ago: within 20 days, so only due, after the one met longer ago.
    assert names(board.due_this_week) == ["Hoàng Văn Vừa", "Đỗ Văn Tuần"]


def test_contacts_after_today_and_deleted_contacts_do_not_count(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    pid = add_person("Phạm Văn Cũ")
    contact(db, pid, date(2026, 11, 2))
    contact(db, pid, date(2026, 11, 27))  # tomorrow: typed ahead, not a meeting yet
    add(db, ContactLog, pid, contact_date=date(2026, 11, 24),
        deleted_at=datetime(2026, 11, 25, tzinfo=UTC))

    board = dashboard(db, officer, TODAY)

    assert [(r.full_name, r.last_contact) for r in board.overdue] == [
        ("Phạm Văn Cũ", date(2026, 11, 2))]


# --- evaluations -----------------------------------------------------------------------


@pytest.fixture
def evaluation_people(db: Database, add_person: AddPerson) -> None:
    """2026-Q3 in the cut-off convention runs 15/06 … 14/09; HCD-08 is due on 19/09."""
    done = add_person("Trần Văn Xong")
    add(db, Evaluation, done, quarter="2026-Q3", classification="A",
        evaluated_on=date(2026, 9, 16))
    add_person("Nguyễn Văn Thiếu")
    add_person("Lê Văn Sau", received_on=date(2026, 9, 15))  # came after the quarter
    add_person("Phạm Văn Trước", status="ended", ended_on=date(2026, 9, 1),
               end_reason="moved")
    add_person("Đinh Văn Chuyển", status="ended", ended_on=date(2026, 10, 5),
               end_reason="moved")  # managed at 14/09: still owes the report
    add_person("Mai Văn Vắng", status="absent", absent_on=date(2026, 8, 1))


def test_evaluations_due_for_the_quarter_just_ended(
    db: Database, officer: Actor, evaluation_people: None
) -> None:
    board = dashboard(db, officer, date(2026, 9, 17))

    assert board.evaluation_quarter.code == "2026-Q3"
    assert board.evaluation_deadline == date(2026, 9, 19)
    assert [(r.full_name, r.quarter_code, r.deadline, r.late)
            for r in board.evaluations_due] == [
        ("Đinh Văn Chuyển", "2026-Q3", date(2026, 9, 19), False),
        ("Nguyễn Văn Thiếu", "2026-Q3", date(2026, 9, 19), False),
        ("Mai Văn Vắng", "2026-Q3", date(2026, 9, 19), False),
    ]


def test_evaluations_after_the_deadline_are_late_and_match_hcd09_missing(
    db: Database, officer: Actor, evaluation_people: None
) -> None:
    board = dashboard(db, officer, TODAY)

    assert all(r.late for r in board.evaluations_due)
    assert names(board.evaluations_due) == ["Đinh Văn Chuyển", "Nguyễn Văn Thiếu",
                                            "Mai Văn Vắng"]
    with db.reading() as s:
        figures = compute_figures(s, parse_period("2026-Q3"), UNIT_CODE).values
    assert figures["class_missing"] == len(board.evaluations_due)


def test_evaluations_follow_the_units_calendar_convention(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    set_unit(db, period_convention="calendar")
    add_person("Nguyễn Văn Thiếu")

    board = dashboard(db, officer, date(2026, 10, 3))

    assert (board.evaluation_quarter.start, board.evaluation_quarter.end) == (
        date(2026, 7, 1), date(2026, 9, 30))
    assert board.evaluation_deadline == date(2026, 10, 5)
    assert [r.late for r in board.evaluations_due] == [False]


# --- arrivals, absences, teams ---------------------------------------------------------


def test_expected_arrivals_by_release_date_with_their_deadlines(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    common: dict[str, Any] = {"status": "expected", "received_on": None, "managed_on": None}
    add_person("Phan Văn Sau", release_date=date(2027, 1, 18),
               notice_received_on=date(2026, 11, 17), **common)
    add_person("Trịnh Văn Trễ", release_date=date(2026, 11, 20),
               notice_received_on=date(2026, 9, 18), **common)
    add_person("Hồ Văn Chưa", release_date=None, notice_received_on=None, **common)

    board = dashboard(db, officer, TODAY)

    assert [(r.full_name, r.release_date, r.released, [(d.key, d.due) for d in r.deadlines])
            for r in board.expected] == [
        # The prison's notice opens the address check: 3 working days.
        ("Trịnh Văn Trễ", date(2026, 11, 20), True, [("address_check", date(2026, 9, 23))]),
        ("Phan Văn Sau", date(2027, 1, 18), False, [("address_check", date(2026, 11, 20))]),
        ("Hồ Văn Chưa", None, False, []),
    ]


def test_absent_people_longest_absent_first(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    add_person("Ngô Văn Mới", status="absent", absent_on=date(2026, 10, 1))
    add_person("Ngô Văn Lâu", status="absent", absent_on=date(2023, 3, 3))

    board = dashboard(db, officer, TODAY)

    assert [(r.full_name, r.absent_on) for r in board.absent] == [
        ("Ngô Văn Lâu", date(2023, 3, 3)), ("Ngô Văn Mới", date(2026, 10, 1))]


def test_received_people_wait_for_a_team_with_the_assignment_deadline(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    add_person("Lý Văn Mới", status="received", received_on=date(2026, 11, 23),
               managed_on=None)
    add_person("Lý Văn Quá", status="received", received_on=date(2026, 11, 16),
               managed_on=None)

    board = dashboard(db, officer, TODAY)

    # 3 working days; 24/11 (Vietnamese Culture Day) is a day off since 2025.
    assert [(r.full_name, r.deadline.key, r.deadline.due, r.days_overdue)
            for r in board.awaiting_team] == [
        ("Lý Văn Quá", "team_assign", date(2026, 11, 19), 7),
        ("Lý Văn Mới", "team_assign", date(2026, 11, 27), 0),
    ]


def test_incomplete_teams_name_the_missing_core_roles(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    start = date(2024, 1, 10)

    def team(pid: str, *roles: str, to_date: date | None = None) -> None:
        for role in roles:
            add(db, TeamMember, pid, role=role, name=f"Thành viên {role}", from_date=start,
                to_date=to_date)

    full = add_person("Trần Văn Đủ")
    team(full, "police", "mass_org", "party_member", "family")
    short = add_person("Trần Văn Thiếu")
    team(short, "police", "mass_org", "other")
    team(short, "family", to_date=date(2026, 11, 1))  # left: no longer counts
    add_person("Trần Văn Chưa")  # nobody at all
    team(add_person("Trần Văn Nhận", status="received", managed_on=None), "police")

    board = dashboard(db, officer, TODAY)

    assert [(r.full_name, r.missing_roles, r.missing_role_labels)
            for r in board.incomplete_teams] == [
        ("Trần Văn Chưa", ("police", "mass_org", "party_member", "family"),
         ("Cán bộ Công an", "Đại diện tổ chức chính trị - xã hội",
          "Đảng viên chi bộ khu dân cư", "Đại diện gia đình")),
        ("Trần Văn Thiếu", ("party_member", "family"),
         ("Đảng viên chi bộ khu dân cư", "Đại diện gia đình")),
    ]


# --- expungement -----------------------------------------------------------------------


def test_expungements_within_90_days_match_the_person_page(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    def released(name: str, on: date, **person: Any) -> str:
        pid = add_person(name, release_date=on, received_on=on + timedelta(days=2), **person)
        # 48 months in prison, Chapter XVI: Art. 70, two years after release.
        add(db, Judgment, pid, main_penalty="prison", prison_months=48, chapter=16)
        return pid

    soon = released("Võ Văn Sắp", date(2024, 12, 26))  # → 26/12/2026
    released("Võ Văn Xa", date(2025, 6, 1))  # → 01/06/2027: beyond 90 days
    released("Võ Văn Đến", date(2024, 9, 18))  # → 18/09/2026, still managed
    released("Võ Văn Hết", date(2024, 12, 20), status="ended",
             ended_on=date(2026, 2, 1), end_reason="moved")
    again = released("Võ Văn Tái", date(2024, 12, 1))
    add(db, Violation, again, violation_date=date(2025, 5, 1), kind="new_crime")
    add_person("Võ Văn Không")  # no judgment recorded

    board = dashboard(db, officer, TODAY)

    assert [(r.full_name, r.expected_on, r.reached, r.by_court_decision)
            for r in board.expungements] == [
        ("Võ Văn Đến", date(2026, 9, 18), True, False),
        ("Võ Văn Sắp", date(2026, 12, 26), False, False),
    ]
    page = get_person(db, officer, soon, today=TODAY).expungement
    assert page is not None
    assert page.expected_on == board.expungements[1].expected_on


# --- reports ---------------------------------------------------------------------------


def report(db: Database, form: str, code: str, signed: bool = False) -> None:
    period = parse_period(code)
    with db.transaction() as s:
        s.add(ReportRecord(
            unit_code=UNIT_CODE, form=form, period_code=code, period_start=period.start,
            period_end=period.end, snapshot_json="{}", snapshot_sha256="0" * 64,
            produced_by="canbo", signature_state="signed" if signed else "unsigned",
            signed_at=datetime(2026, 11, 20, tzinfo=UTC) if signed else None))


def test_report_of_the_month_just_ended_and_whether_it_was_produced(
    db: Database, officer: Actor
) -> None:
    board = dashboard(db, officer, TODAY)
    assert [(r.form, r.period_code, r.period_label, r.days_left, r.produced, r.signed)
            for r in board.reports_due] == [
        ("HCD-12", "2026-M11", "tháng 11 năm 2026", -12, False, False),
    ]

    report(db, "HCD-12", "2026-M11", signed=True)
    report(db, "HCD-12", "2026-M10")  # another period: irrelevant

    board = dashboard(db, officer, TODAY)
    assert [(r.form, r.period_code, r.produced, r.signed) for r in board.reports_due] == [
        ("HCD-12", "2026-M11", True, True),
    ]


def test_year_end_brings_month_quarter_half_and_year_reports(
    db: Database, officer: Actor
) -> None:
    report(db, "HCD-09", "2026-Q4")

    board = dashboard(db, officer, date(2026, 12, 10))

    # Every period ends on 14/12 in the cut-off convention; 14/11 is 26 days back.
    assert [(r.form, r.period_code, r.period_end, r.days_left, r.produced)
            for r in board.reports_due] == [
        ("HCD-12", "2026-M12", date(2026, 12, 14), 4, False),
        ("HCD-13", "2026-Q4", date(2026, 12, 14), 4, False),
        ("HCD-09", "2026-Q4", date(2026, 12, 14), 4, True),
        ("HCD-13", "2026-H2", date(2026, 12, 14), 4, False),
        ("HCD-13", "2026-Y", date(2026, 12, 14), 4, False),
    ]


def test_a_period_ten_days_ahead_is_due_eleven_days_is_not(
    db: Database, officer: Actor
) -> None:
    assert [r.period_code for r in dashboard(db, officer, date(2026, 10, 4)).reports_due
            ] == ["2026-M10"]  # ends 14/10: 10 days ahead (M09 ended 20 days ago)
    assert dashboard(db, officer, date(2026, 10, 3)).reports_due == ()  # M09: 19 days


# --- charts ----------------------------------------------------------------------------


def test_month_series_are_the_report_figures_of_the_last_12_months(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    add_person("Nguyễn Văn Lâu")
    late = add_person("Nguyễn Văn Mới", received_on=date(2026, 7, 1))
    add_person("Nguyễn Văn Đi", status="ended", ended_on=date(2026, 3, 1), end_reason="moved")
    for monday in (date(2026, 11, 16), date(2026, 11, 9)):
        contact(db, late, monday)

    board = dashboard(db, officer, TODAY)

    assert [m.short_label for m in board.months] == [
        "01/26", "02/26", "03/26", "04/26", "05/26", "06/26", "07/26", "08/26", "09/26",
        "10/26", "11/26", "12/26"]
    # Months end on the 14th: gone on 01/03 leaves 03/26, arrived on 01/07 counts in 07/26.
    assert [m.managed_at_end for m in board.months] == [2, 2, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]
    current = board.months[-1]
    assert (current.start, current.end) == (date(2026, 11, 15), TODAY)  # cut at today
    # Only the week of 16/11 lies wholly inside 15/11 … 26/11: one person of two met.
    assert current.coverage_pct == 50.0
    with db.reading() as s:
        october = compute_figures(s, parse_period("2026-M10"), UNIT_CODE).values
    assert board.months[-3].managed_at_end == october["managed_at_end"]
    assert board.months[-3].coverage_pct == october["contact_coverage_pct"]


def test_quarter_series_counts_classifications_of_the_last_four_ended_quarters(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    a, b = add_person("Nguyễn Văn Một"), add_person("Nguyễn Văn Hai")
    add(db, Evaluation, a, quarter="2026-Q3", classification="A",
        evaluated_on=date(2026, 9, 15))
    add(db, Evaluation, b, quarter="2026-Q3", classification="C",
        evaluated_on=date(2026, 9, 15))
    add(db, Evaluation, b, quarter="2026-Q1", classification="D",
        evaluated_on=date(2026, 3, 15))

    board = dashboard(db, officer, TODAY)

    assert [(q.short_label, dict(q.counts), q.missing) for q in board.quarters] == [
        ("Q4/25", {"A": 0, "B": 0, "C": 0, "D": 0}, 2),
        ("Q1/26", {"A": 0, "B": 0, "C": 0, "D": 1}, 1),
        ("Q2/26", {"A": 0, "B": 0, "C": 0, "D": 0}, 2),
        ("Q3/26", {"A": 1, "B": 0, "C": 1, "D": 0}, 0),
    ]


# --- who sees what ---------------------------------------------------------------------


def test_other_units_people_and_deleted_people_are_not_shown(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    add_person("Người Xã Khác", unit_code="99999")
    add_person("Người Đã Xóa", deleted_at=datetime(2026, 1, 1, tzinfo=UTC))

    board = dashboard(db, officer, TODAY)

    assert board.overdue == ()
    assert board.incomplete_teams == ()


def test_leaders_read_the_same_dashboard_and_unknown_roles_are_refused(
    db: Database, officer: Actor, leader: Actor, contact_people: dict[str, str]
) -> None:
    assert dashboard(db, leader, TODAY) == dashboard(db, officer, TODAY)
    stranger = Actor(username="x", full_name="X", role="guest", unit_code=UNIT_CODE)
    with pytest.raises(PermissionDenied):
        dashboard(db, stranger, TODAY)


def test_the_people_lists_cost_the_same_queries_for_many_people(
    db: Database, officer: Actor, add_person: AddPerson
) -> None:
    def count_queries() -> int:
        seen: list[str] = []

        def record(*args: Any) -> None:
            seen.append(args[2])

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            dashboard(db, officer, TODAY)
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        return len(seen)

    add_person("Người Một")
    few = count_queries()
    for n in range(20):
        pid = add_person(f"Người Số {n}")
        contact(db, pid, date(2026, 11, 2))
        add(db, TeamMember, pid, role="police", name="Cán bộ", from_date=date(2024, 1, 10))
        add(db, Judgment, pid, main_penalty="prison", prison_months=48, chapter=16)
    assert count_queries() == few
