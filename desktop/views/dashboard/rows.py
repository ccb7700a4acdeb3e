"""The lines of each dashboard card, made from the service's rows.

Dates are `format_date` (dd/MM/yyyy), labels and period names come from the service
(Vietnamese data from the rule set); only the few words of our own go through
`QCoreApplication.translate("Dashboard", …)`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from desktop.formatting import format_date
from desktop.services.dashboard import (
    AbsentPerson,
    AwaitingTeam,
    ContactDue,
    EvaluationDue,
    ExpectedArrival,
    IncompleteTeam,
    OverdueContact,
    ReportDue,
    UpcomingExpungement,
)
from desktop.views.dashboard.cards import CardRow

REPORT_KEY_SEPARATOR = "|"


def _date_or(d: date | None, missing: str) -> str:
    return missing if d is None else format_date(d)


def overdue_rows(rows: tuple[OverdueContact, ...]) -> list[CardRow]:
    never = QCoreApplication.translate("Dashboard", "never met")
    return [
        CardRow(
            r.person_id,
            (r.full_name, r.residential_area, _date_or(r.last_contact, never), str(r.days_since)),
            alert=frozenset({3}),
            extra={}
            if r.last_contact
            else {
                2: QCoreApplication.translate(
                    "Dashboard", "Not met since the reception on {0}"
                ).format(format_date(r.since))
            },
        )
        for r in rows
    ]


def due_rows(rows: tuple[ContactDue, ...]) -> list[CardRow]:
    never = QCoreApplication.translate("Dashboard", "never met")
    return [
        CardRow(r.person_id, (r.full_name, r.residential_area, _date_or(r.last_contact, never)))
        for r in rows
    ]


def evaluation_rows(rows: tuple[EvaluationDue, ...]) -> list[CardRow]:
    return [
        CardRow(
            r.person_id,
            (r.full_name, r.residential_area),
            alert=frozenset({0}) if r.late else frozenset(),
        )
        for r in rows
    ]


def expected_rows(rows: tuple[ExpectedArrival, ...]) -> list[CardRow]:
    result = []
    for r in rows:
        first = r.deadlines[0] if r.deadlines else None
        check = format_date(first.due) if first else ""
        result.append(
            CardRow(
                r.person_id,
                (r.full_name, _date_or(r.release_date, "?"), check),
                alert=frozenset({1}) if r.released else frozenset(),
                extra={2: f"{first.label} ({first.basis})"} if first else {},
                tooltip=QCoreApplication.translate("Dashboard", "Released, not reported yet")
                if r.released
                else "",
            )
        )
    return result


def absent_rows(rows: tuple[AbsentPerson, ...]) -> list[CardRow]:
    return [
        CardRow(r.person_id, (r.full_name, r.residential_area, _date_or(r.absent_on, "?")))
        for r in rows
    ]


def awaiting_rows(rows: tuple[AwaitingTeam, ...]) -> list[CardRow]:
    result = []
    for r in rows:
        late = r.days_overdue > 0
        tip = f"{r.deadline.label} ({r.deadline.basis})"
        if late:
            tip = (
                QCoreApplication.translate("Dashboard", "{0} days late").format(r.days_overdue)
                + " · "
                + tip
            )
        result.append(
            CardRow(
                r.person_id,
                (r.full_name, _date_or(r.received_on, "?"), format_date(r.deadline.due)),
                alert=frozenset({2}) if late else frozenset(),
                extra={2: tip},
            )
        )
    return result


def team_rows(rows: tuple[IncompleteTeam, ...]) -> list[CardRow]:
    return [
        CardRow(
            r.person_id,
            (r.full_name, ", ".join(r.missing_role_labels)),
            tooltip="\n".join(r.missing_role_labels),
        )
        for r in rows
    ]


def expungement_rows(rows: tuple[UpcomingExpungement, ...]) -> list[CardRow]:
    result = []
    for r in rows:
        notes = []
        if r.reached:
            notes.append(QCoreApplication.translate("Dashboard", "date reached"))
        if r.by_court_decision:
            notes.append(QCoreApplication.translate("Dashboard", "court decides"))
        result.append(
            CardRow(
                r.person_id,
                (r.full_name, format_date(r.expected_on), ", ".join(notes)),
                bold=r.reached,
                tooltip=r.residential_area,
            )
        )
    return result


def report_key(r: ReportDue) -> str:
    """The key of a report line: form and period ("HCD-12|2026-M11")."""
    return f"{r.form}{REPORT_KEY_SEPARATOR}{r.period_code}"


def report_rows(rows: tuple[ReportDue, ...]) -> list[CardRow]:
    result = []
    for r in rows:
        if r.signed:
            state = QCoreApplication.translate("Dashboard", "signed")
        elif r.produced:
            state = QCoreApplication.translate("Dashboard", "not signed")
        else:
            state = QCoreApplication.translate("Dashboard", "not produced")
        late = r.days_left < 0 and not r.signed
        if r.days_left < 0:
            when = QCoreApplication.translate("Dashboard", "ended {0} days ago").format(
                -r.days_left
            )
        else:
            when = QCoreApplication.translate("Dashboard", "ends in {0} days").format(r.days_left)
        dates = f"{format_date(r.period_start)} – {format_date(r.period_end)} ({when})"
        result.append(
            CardRow(
                report_key(r),
                (r.form, r.period_label, state),
                alert=frozenset({2}) if late else frozenset(),
                tooltip=dates,
            )
        )
    return result
