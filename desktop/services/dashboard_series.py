"""The dashboard's periodic part: reports falling due and the three chart series (SPEC §5.1).

Every chart number comes from `reports.figures` itself, for the unit's own reporting
months and quarters, so a chart point and the HCD-12 / HCD-13 / HCD-09 of the same period
always show the same figure. The 12 months and the 4 quarters are each computed from one
load (`compute_figures_for_periods`): about twenty SELECTs for the whole chart row,
whatever the number of people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import ReportRecord, Unit
from desktop.reports.figures import FigureValue, compute_figures_for_periods
from desktop.rules.classification import CLASSIFICATIONS
from desktop.rules.periods import (
    Period,
    half_of,
    month_of,
    previous_quarter,
    quarter_of,
    year_of,
)
from desktop.services.casework import unit_rule_set
from desktop.services.locking import SIGNED

CHART_MONTHS = 12
CHART_QUARTERS = 4
# A report shows while its period ends within the next 10 days or ended in the last 15.
REPORT_DUE_AHEAD = timedelta(days=10)
REPORT_DUE_BEHIND = timedelta(days=15)
# The forms each kind of period is reported on (REPORTS.md §1), as rule-set form keys.
FORMS_BY_KIND: dict[str, tuple[str, ...]] = {
    "month": ("hcd12",),
    "quarter": ("hcd13", "hcd09"),
    "half": ("hcd13",),
    "year": ("hcd13",),
}
_DAY = timedelta(days=1)
_PERIOD_OF: dict[str, Callable[[date, str, int], Period]] = {
    "month": month_of, "quarter": quarter_of, "half": half_of, "year": year_of,
}


@dataclass(frozen=True)
class ReportDue:
    """One report the unit owes for a period that ends soon or has just ended."""

    form: str  # the rule set's form code, as reports are recorded: "HCD-12"
    period_code: str
    period_label: str  # Period.label_vi: "tháng 11 năm 2026"
    period_start: date
    period_end: date
    days_left: int  # days until the period ends; negative once it has ended
    produced: bool  # a report record exists for this form and period
    signed: bool  # signed in the sense of services.locking: its period is locked


@dataclass(frozen=True)
class MonthPoint:
    """People under management and weekly-contact coverage for one reporting month."""

    period_code: str
    short_label: str  # "07/26"
    start: date
    end: date  # the current month is cut at today
    managed_at_end: int
    coverage_pct: float | None  # None when no week was due


@dataclass(frozen=True)
class QuarterClasses:
    """Classification counts at the end of one reporting quarter (HCD-09)."""

    period_code: str
    short_label: str  # "Q3/26"
    counts: tuple[tuple[str, int], ...]  # ("A", n) … ("D", n), in CLASSIFICATIONS order
    missing: int  # managed at the quarter end without an evaluation


def _period_of(kind: str, day: date, unit: Unit) -> Period:
    return _PERIOD_OF[kind](day, unit.period_convention, unit.year_start_month)


def _due_periods(unit: Unit, today: date) -> list[Period]:
    """Current and previous periods of each kind whose end falls in the reporting window."""
    periods: list[Period] = []
    for kind in FORMS_BY_KIND:
        current = _period_of(kind, today, unit)
        previous = _period_of(kind, current.start - _DAY, unit)
        periods += [p for p in (previous, current)
                    if today - REPORT_DUE_BEHIND <= p.end <= today + REPORT_DUE_AHEAD]
    return periods


def reports_due(session: Session, unit: Unit, today: date) -> tuple[ReportDue, ...]:
    """Reports whose period ends soon or just ended, with whether each was produced/signed."""
    periods = _due_periods(unit, today)
    produced: dict[tuple[str, str], bool] = {}
    for form, code, state in session.execute(
        select(ReportRecord.form, ReportRecord.period_code, ReportRecord.signature_state).where(
            ReportRecord.unit_code == unit.code, ReportRecord.deleted_at.is_(None),
            ReportRecord.period_code.in_([p.code for p in periods]))
    ):
        key = (form, code)
        produced[key] = produced.get(key, False) or state == SIGNED
    rows: list[ReportDue] = []
    for period in periods:
        codes = unit_rule_set(unit, period.end).form_codes
        for form_key in FORMS_BY_KIND[period.kind]:
            form = codes[form_key]
            rows.append(ReportDue(
                form=form, period_code=period.code, period_label=period.label_vi,
                period_start=period.start, period_end=period.end,
                days_left=(period.end - today).days,
                produced=(form, period.code) in produced,
                signed=produced.get((form, period.code), False),
            ))
    rows.sort(key=lambda r: r.period_end)  # stable: forms keep their listed order
    return tuple(rows)


def _int(values: dict[str, FigureValue], key: str) -> int:
    value = values[key]
    assert isinstance(value, int), key
    return value


def _pct(values: dict[str, FigureValue], key: str) -> float | None:
    value = values[key]
    assert value is None or isinstance(value, (int, float)), key
    return None if value is None else float(value)


def _short_label(period: Period) -> str:
    """"2026-M07" → "07/26", "2026-Q3" → "Q3/26": what fits under a chart column."""
    year = period.code[2:4]
    if period.kind == "month":
        return f"{period.code[6:8]}/{year}"
    return f"{period.code[5:]}/{year}"


def month_series(session: Session, unit: Unit, today: date) -> tuple[MonthPoint, ...]:
    """The last 12 reporting months, oldest first; the current one runs up to today."""
    months = [_period_of("month", today, unit)]
    while len(months) < CHART_MONTHS:
        months.append(_period_of("month", months[-1].start - _DAY, unit))
    # A future end would count weeks not lived yet as due and missed.
    cuts = [Period(m.code, m.kind, m.start, min(m.end, today)) for m in reversed(months)]
    points: list[MonthPoint] = []
    for month, figures in zip(reversed(months), compute_figures_for_periods(
            session, cuts, unit.code), strict=True):
        values, cut = figures.values, figures.period
        points.append(MonthPoint(month.code, _short_label(month), cut.start, cut.end,
                                 _int(values, "managed_at_end"),
                                 _pct(values, "contact_coverage_pct")))
    return tuple(points)


def quarter_series(session: Session, unit: Unit, today: date) -> tuple[QuarterClasses, ...]:
    """Classification of the last 4 ended reporting quarters, oldest first."""
    quarters = [previous_quarter(_period_of("quarter", today, unit),
                                 unit.period_convention, unit.year_start_month)]
    while len(quarters) < CHART_QUARTERS:
        quarters.append(previous_quarter(quarters[-1], unit.period_convention,
                                         unit.year_start_month))
    rows: list[QuarterClasses] = []
    for figures in compute_figures_for_periods(session, quarters[::-1], unit.code):
        quarter, values = figures.period, figures.values
        counts = tuple((c, _int(values, f"class_{c}")) for c in CLASSIFICATIONS)
        rows.append(QuarterClasses(quarter.code, _short_label(quarter), counts,
                                   _int(values, "class_missing")))
    return tuple(rows)
