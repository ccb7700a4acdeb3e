"""Calendar arithmetic in months and years, as Vietnamese law counts them.

Civil Code 2015 Art. 148(4)-(5): a period counted in months or years ends on the
corresponding day of the last month; when that month has no such day (31st, or 29 February
in a common year) it ends on the last day of that month. `add_months` implements exactly
that, so 29/02/2024 + 1 year = 28/02/2025 (not 01/03/2025, which would lengthen the period
by a day the law does not give).
"""

from __future__ import annotations

import calendar
from datetime import date


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) that lies `months` months after (year, month); negative goes back."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_months(d: date, months: int) -> date:
    """`d` moved by whole months, clamped to the month's last day (Civil Code Art. 148(4))."""
    year, month = shift_month(d.year, d.month, months)
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last_day))


def add_years(d: date, years: int) -> date:
    """`d` moved by whole years; 29 February lands on 28 February in a common year."""
    return add_months(d, 12 * years)
