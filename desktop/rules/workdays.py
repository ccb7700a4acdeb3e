"""Vietnamese working days, for deadlines counted "trong … ngày làm việc" (SPEC §3).

The holiday calendar comes from the maintained `holidays` package, never from a list of our
own: it knows the lunar dates of Tết and Hùng Kings' day, the observed days when a holiday
falls on a weekend, and the Government's yearly swaps (a weekday off in exchange for a
Saturday worked — such a Saturday counts as a working day here, as it does in the office).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from desktop.rules.errors import RuleInputError

if TYPE_CHECKING:
    import holidays

_DAY = timedelta(days=1)


@lru_cache(maxsize=64)
def _calendar(year: int) -> holidays.HolidayBase:
    # Building a year's calendar computes lunar dates; deadline lists ask for the same few
    # years thousands of times, so each year is built once. The package loads here, on the
    # first deadline computed, rather than before the main window is shown.
    import holidays

    return holidays.country_holidays("VN", years=year)


def is_working_day(d: date) -> bool:
    """Monday–Friday (or a swapped Saturday) that is not a Vietnamese public holiday."""
    return bool(_calendar(d.year).is_working_day(d))


def add_working_days(start: date, n: int) -> date:
    """The `n`-th working day after `start`; `start` itself is not counted (n = 0 → start)."""
    if n < 0:
        raise RuleInputError("working_days", f"Số ngày làm việc ({n}) không được âm.")
    day = start
    while n > 0:
        day += _DAY
        if is_working_day(day):
            n -= 1
    return day


def working_days_between(a: date, b: date) -> int:
    """Working days in (a, b]: `add_working_days(a, n)` is the day this reaches n.

    When b is before a the count is negative, so the result always says how far b is
    from a in working days.
    """
    if b < a:
        return -working_days_between(b, a)
    count = 0
    day = a
    while day < b:
        day += _DAY
        count += is_working_day(day)
    return count
