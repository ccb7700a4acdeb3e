"""Deadlines from the rule set (SPEC §3), in Vietnamese working days where the law says so."""

from __future__ import annotations

from datetime import date

from desktop.rules.deadlines import (
    Deadline,
    address_check_deadline,
    case_file_deadline,
    conditional_report_deadline,
    days_overdue,
    evaluation_deadline,
    reception_deadlines,
    team_assignment_deadline,
    transfer_takeover_deadline,
)
from desktop.rules.periods import Convention, parse_period
from desktop.rules.ruleset import THAHS_2019, THAHS_2025


def test_address_check_within_3_working_days_across_tet_2026() -> None:
    """TT 10/2024: address verified within 3 working days of the notice; Tết 16–20/02 skipped."""
    d = address_check_deadline(date(2026, 2, 12), THAHS_2019)
    assert (d.key, d.due) == ("address_check", date(2026, 2, 24))
    assert d.label == "Xác minh nơi cư trú trong 3 ngày làm việc"
    assert d.basis == "Thông tư 10/2024/TT-BCA"


def test_team_assignment_within_3_working_days_across_30_4() -> None:
    """Received Tue 28/04/2026: 29/04, (30/04, 01/05 holidays), 04/05, 05/05."""
    d = team_assignment_deadline(date(2026, 4, 28), THAHS_2019)
    assert (d.key, d.due) == ("team_assign", date(2026, 5, 5))
    assert "HCD-06, HCD-07" in d.label


def test_case_file_within_5_working_days_across_national_day() -> None:
    """Received Thu 27/08/2026: 28/08, then 31/08–02/09 off, 03, 04, 07, 08/09."""
    d = case_file_deadline(date(2026, 8, 27), THAHS_2019)
    assert (d.key, d.due) == ("case_file", date(2026, 9, 8))
    assert "HCD-01" in d.label


def test_transfer_takeover_within_5_working_days_across_new_year() -> None:
    """ND 49/2020 Art. 15: transfer on Wed 30/12/2026; 01/01/2027 is a holiday."""
    d = transfer_takeover_deadline(date(2026, 12, 30), THAHS_2025)
    assert (d.key, d.due) == ("transfer_takeover", date(2027, 1, 7))
    assert d.basis == "Nghị định 49/2020/NĐ-CP, Điều 15"


def test_conditional_release_report_luat_thahs_2019_art_59() -> None:
    """Art. 59 "05 ngày" counted as working days: released Thu 12/02/2026 → Thu 26/02/2026."""
    d = conditional_report_deadline(date(2026, 2, 12), THAHS_2019)
    assert d.due == date(2026, 2, 26)
    assert d.basis.startswith("Luật THAHS 2019, Điều 59")
    assert conditional_report_deadline(date(2026, 1, 30), THAHS_2019).due == date(2026, 2, 6)
    later = conditional_report_deadline(date(2026, 7, 1), THAHS_2025)
    assert later.basis.startswith("Luật THAHS số 127/2025/QH15")


def test_hcd08_due_within_the_first_5_days_of_the_next_quarter() -> None:
    """TT 10/2024 HCD-08: cut-off Q3 ends 14/09 → due 19/09; calendar Q3 → 05/10."""
    cut = evaluation_deadline(parse_period("2026-Q3"), THAHS_2025)
    assert (cut.key, cut.due) == ("evaluation", date(2026, 9, 19))
    assert cut.label == "Nộp báo cáo HCD-08 quý III năm 2026"
    cal = evaluation_deadline(parse_period("2026-Q3", Convention.CALENDAR), THAHS_2025)
    assert cal.due == date(2026, 10, 5)
    q4 = evaluation_deadline(parse_period("2026-Q4", Convention.CALENDAR), THAHS_2025)
    assert q4.due == date(2027, 1, 5)


def test_reception_deadlines_depend_on_the_known_dates() -> None:
    assert reception_deadlines(None, None, THAHS_2019) == []
    only_notice = reception_deadlines(date(2026, 2, 12), None, THAHS_2019)
    assert [d.key for d in only_notice] == ["address_check"]
    walk_in = reception_deadlines(None, date(2026, 3, 2), THAHS_2019)
    assert [(d.key, d.due) for d in walk_in] == [
        ("team_assign", date(2026, 3, 5)),
        ("case_file", date(2026, 3, 9)),
    ]


def test_reception_deadlines_are_sorted_soonest_first() -> None:
    both = reception_deadlines(date(2026, 3, 10), date(2026, 3, 2), THAHS_2019)
    assert [(d.key, d.due) for d in both] == [
        ("team_assign", date(2026, 3, 5)),
        ("case_file", date(2026, 3, 9)),
        ("address_check", date(2026, 3, 13)),
    ]


def test_days_overdue_counts_calendar_days_after_the_due_date() -> None:
    d = Deadline("case_file", "x", date(2026, 2, 24), "y")
    assert days_overdue(d, date(2026, 2, 20)) == 0
    assert days_overdue(d, date(2026, 2, 24)) == 0
    assert days_overdue(d, date(2026, 2, 25)) == 1
    assert days_overdue(d, date(2026, 3, 3)) == 7
