"""Weekly contact coverage (SPEC §4, REPORTS.md §3): the one definition every screen uses.

Weeks are ISO weeks, Monday to Sunday, coded "2026-W05". A person is under management on
day d when ``received_on <= d`` and (``ended_on is None`` or ``d < ended_on``): the end date
is the first day no longer managed. A week is *due* when the person is under management on
all seven days, so the week of arrival and the week of departure are due only when they
are whole. A due week is *covered* by a contact or an excuse falling in it.

Counting works on week numbers (days since a fixed Monday // 7), not day by day, so a
person's five years cost O(weeks + contacts): the reports run this for thousands of people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from desktop.rules.errors import RuleInputError

_WEEK_RE = re.compile(r"(\d{4})-W(\d{2})")
_EPOCH = date(1, 1, 1)  # a Monday: week numbers are days since it // 7


def iso_week_code(d: date) -> str:
    """The ISO week of `d`: 01/01/2026 → "2026-W01", 03/01/2027 → "2026-W53"."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def weeks_in_iso_year(year: int) -> int:
    """52 or 53: 28 December always lies in the ISO year's last week."""
    return date(year, 12, 28).isocalendar().week


def parse_iso_week(code: str) -> date:
    """The Monday of an ISO week code; refuses "2025-W53" because 2025 has 52 weeks."""
    match = _WEEK_RE.fullmatch(code.strip().upper())
    if match is None:
        raise RuleInputError(
            "week", f"Mã tuần “{code}” không đúng dạng năm-Wsố tuần (ví dụ 2026-W05)."
        )
    year, week = int(match[1]), int(match[2])
    if year < 1 or not 1 <= week <= weeks_in_iso_year(year):
        raise RuleInputError(
            "week", f"Năm {year} không có tuần {week} (năm này có {weeks_in_iso_year(year)} tuần)."
        )
    return date.fromisocalendar(year, week, 1)


def monday_of(d: date) -> date:
    """The Monday that starts the ISO week of `d`."""
    return d - timedelta(days=d.weekday())


def _week_no(d: date) -> int:
    return (d - _EPOCH).days // 7  # = (d.toordinal() - 1) // 7, as week_coverage inlines it


def _monday_of_week_no(n: int) -> date:
    return _EPOCH + timedelta(weeks=n)


def _first_whole_week(start: date) -> int:
    """Number of the first week that starts on or after `start`."""
    return _week_no(start + timedelta(days=6))


def _last_whole_week(end: date) -> int:
    """Number of the last week that ends on or before `end`."""
    return _week_no(end + timedelta(days=1)) - 1


def weeks_wholly_inside(start: date, end: date) -> list[date]:
    """Mondays of the ISO weeks whose seven days all lie in [start, end]."""
    first, last = _first_whole_week(start), _last_whole_week(end)
    return [_monday_of_week_no(n) for n in range(first, last + 1)]


def _due_span(received_on: date | None, ended_on: date | None, start: date, end: date) -> range:
    """Week numbers that are wholly inside [start, end] and wholly under management."""
    if received_on is None:
        return range(0)
    first = max(_first_whole_week(start), _first_whole_week(received_on))
    last = _last_whole_week(end)
    if ended_on is not None:
        last = min(last, _last_whole_week(ended_on - timedelta(days=1)))
    return range(first, last + 1)


def week_is_due(monday: date, received_on: date | None, ended_on: date | None) -> bool:
    """Whether the person is under management on all seven days of the week of `monday`."""
    first_day = monday_of(monday)
    week = _due_span(received_on, ended_on, first_day, first_day + timedelta(days=6))
    return _week_no(first_day) in week


def due_this_week(today: date, received_on: date | None, ended_on: date | None) -> bool:
    """Whether the week containing `today` is due for the person (SPEC §4)."""
    return week_is_due(monday_of(today), received_on, ended_on)


def is_overdue(
    today: date,
    received_on: date | None,
    ended_on: date | None,
    last_contact: date | None,
    contacted_this_week: bool,
    excused_this_week: bool,
    interval_days: int = 7,
) -> bool:
    """SPEC §4: this week is due and not covered, and the last contact (or, for someone never
    met, the reception) was more than `interval_days` ago."""
    if not due_this_week(today, received_on, ended_on):
        return False
    if contacted_this_week or excused_this_week:
        return False
    since = last_contact if last_contact is not None else received_on
    return since is not None and (today - since).days > interval_days


@dataclass(frozen=True)
class WeekCoverage:
    """Due, covered and excused week counts; `missed` lists the due weeks left uncovered.

    Adding coverages gives a total (across people, as the reports need) that keeps the
    counts and drops `missed`: a week code without its person says nothing, and
    concatenating codes would make summing thousands of people quadratic.
    """

    due: int
    covered: int
    excused: int
    missed: tuple[str, ...] = ()

    @property
    def pct(self) -> float | None:
        """100 × covered / due to one decimal, rounded half up as reports do; None if no week."""
        if self.due == 0:
            return None
        ratio = Decimal(100 * self.covered) / Decimal(self.due)
        return float(ratio.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

    def __add__(self, other: WeekCoverage) -> WeekCoverage:
        return WeekCoverage(
            self.due + other.due,
            self.covered + other.covered,
            self.excused + other.excused,
        )

    def __radd__(self, other: int) -> WeekCoverage:
        # Lets sum() start from its default 0.
        if other == 0:
            return self
        return NotImplemented


NO_WEEKS = WeekCoverage(0, 0, 0)


def week_coverage(
    received_on: date | None,
    ended_on: date | None,
    contact_dates: Iterable[date],
    excused_weeks: Iterable[str],
    start: date,
    end: date,
) -> WeekCoverage:
    """One person's weekly contact coverage over the ISO weeks wholly inside [start, end]."""
    due = _due_span(received_on, ended_on, start, end)
    if not due:
        return NO_WEEKS
    # _week_no inlined: a province's yearly report runs this for ~300,000 contacts.
    contacted = {w for d in contact_dates if (w := (d.toordinal() - 1) // 7) in due}
    excused = {w for code in excused_weeks if (w := _week_no(parse_iso_week(code))) in due}
    covered = contacted | excused
    missed = tuple(iso_week_code(_monday_of_week_no(w)) for w in due if w not in covered)
    return WeekCoverage(len(due), len(covered), len(excused - contacted), missed)
