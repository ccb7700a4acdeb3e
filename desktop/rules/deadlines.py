"""Deadlines of the reception and management steps, computed from a rule set (SPEC §3).

Step deadlines are counted in working days (`workdays`); the HCD-08 quarterly report is
due on a calendar day, the `evaluation_due_day`-th day after the quarter ends, because the
circular says "within the first 5 days of each quarter", not 5 working days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.rules.periods import Period
from desktop.rules.ruleset import RuleSet
from desktop.rules.workdays import add_working_days


@dataclass(frozen=True)
class Deadline:
    """One dated obligation of the commune police, with its legal basis."""

    key: str
    label: str
    due: date
    basis: str


def _workday_deadline(key: str, label: str, start: date, workdays: int, rs: RuleSet) -> Deadline:
    return Deadline(key, label, add_working_days(start, workdays), rs.deadline_basis[key])


def address_check_deadline(notice_received_on: date, rs: RuleSet) -> Deadline:
    """Verify the person's address within N working days of the prison's notice."""
    label = f"Xác minh nơi cư trú trong {rs.address_check_workdays} ngày làm việc"
    return _workday_deadline(
        "address_check", label, notice_received_on, rs.address_check_workdays, rs
    )


def team_assignment_deadline(received_on: date, rs: RuleSet) -> Deadline:
    """Propose and assign the support team within N working days of reception."""
    forms = f"{rs.form_codes['hcd06']}, {rs.form_codes['hcd07']}"
    label = f"Phân công tổ giúp đỡ ({forms}) trong {rs.team_assign_workdays} ngày làm việc"
    return _workday_deadline("team_assign", label, received_on, rs.team_assign_workdays, rs)


def case_file_deadline(received_on: date, rs: RuleSet) -> Deadline:
    """Open the person's case file within N working days of reception."""
    label = (
        f"Lập hồ sơ quản lý ({rs.form_codes['hcd01']}) trong {rs.case_file_workdays} ngày làm việc"
    )
    return _workday_deadline("case_file", label, received_on, rs.case_file_workdays, rs)


def transfer_takeover_deadline(transfer_on: date, rs: RuleSet) -> Deadline:
    """The receiving commune takes over a transferred person within N working days."""
    label = f"Tiếp nhận người chuyển đến trong {rs.transfer_takeover_workdays} ngày làm việc"
    return _workday_deadline(
        "transfer_takeover", label, transfer_on, rs.transfer_takeover_workdays, rs
    )


def conditional_report_deadline(release_date: date, rs: RuleSet) -> Deadline:
    """A conditionally released person reports to the commune within N working days."""
    label = (
        "Người được tha tù trước thời hạn có điều kiện trình diện trong"
        f" {rs.conditional_report_workdays} ngày làm việc"
    )
    return _workday_deadline(
        "conditional_report", label, release_date, rs.conditional_report_workdays, rs
    )


def evaluation_deadline(quarter: Period, rs: RuleSet) -> Deadline:
    """The helper's quarterly report (HCD-08) is due within the first days of the next quarter."""
    label = f"Nộp báo cáo {rs.form_codes['hcd08']} {quarter.label_vi}"
    due = quarter.end + timedelta(days=rs.evaluation_due_day)
    return Deadline("evaluation", label, due, rs.deadline_basis["evaluation"])


def reception_deadlines(
    notice_on: date | None, received_on: date | None, rs: RuleSet
) -> list[Deadline]:
    """The deadlines a reception opens, soonest first: the address check needs the notice,
    the team and the case file need the reception date."""
    deadlines: list[Deadline] = []
    if notice_on is not None:
        deadlines.append(address_check_deadline(notice_on, rs))
    if received_on is not None:
        deadlines.append(team_assignment_deadline(received_on, rs))
        deadlines.append(case_file_deadline(received_on, rs))
    return sorted(deadlines, key=lambda d: d.due)


def days_overdue(deadline: Deadline, today: date) -> int:
    """Calendar days past the due date (0 on or before it): what the dashboard shows."""
    return max(0, (today - deadline.due).days)
