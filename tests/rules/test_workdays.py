"""Vietnamese working days from the `holidays` package (SPEC §3: deadlines in working days)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.errors import RuleInputError
from desktop.rules.workdays import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize("day", [16, 17, 18, 19, 20])
def test_tet_2026_is_not_worked(day: int) -> None:
    """Lunar New Year 2026: Monday 16 to Friday 20 February are public holidays."""
    assert not is_working_day(date(2026, 2, day))


@pytest.mark.parametrize(
    "d",
    [
        date(2026, 1, 1),  # New Year's Day
        date(2026, 4, 27),  # Hùng Kings' day (26/04, a Sunday) observed on Monday
        date(2026, 4, 30),  # Reunification Day
        date(2026, 5, 1),  # Labour Day
        date(2026, 9, 1),  # National Day holiday
        date(2026, 9, 2),  # National Day
        date(2025, 9, 2),
        date(2025, 1, 29),  # Tết 2025
    ],
)
def test_public_holidays_are_not_working_days(d: date) -> None:
    assert d.weekday() < 5
    assert not is_working_day(d)


def test_ordinary_days() -> None:
    assert is_working_day(date(2026, 2, 23))  # Monday after Tết
    assert is_working_day(date(2026, 4, 29))  # Wednesday between two holidays
    assert not is_working_day(date(2026, 2, 21))  # Saturday
    assert not is_working_day(date(2026, 3, 1))  # Sunday


def test_swapped_saturday_is_worked_and_its_weekday_is_not() -> None:
    """2026: Monday 31/08 is taken off in exchange for working Saturday 22/08."""
    assert is_working_day(date(2026, 8, 22))
    assert not is_working_day(date(2026, 8, 31))


def test_add_working_days_skips_tet_2026() -> None:
    """Friday 13/02/2026 + 1 working day: the weekend and Tết 14–22/02 are skipped."""
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert add_working_days(date(2026, 2, 12), 3) == date(2026, 2, 24)


def test_add_working_days_skips_30_april_and_1_may() -> None:
    """Wednesday 29/04/2026 + 1: Thu 30/04 and Fri 01/05 are holidays → Monday 04/05."""
    assert add_working_days(date(2026, 4, 29), 1) == date(2026, 5, 4)
    assert add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)


def test_add_working_days_skips_national_day() -> None:
    """Friday 28/08/2026 + 1: weekend, 31/08 (swapped), 01/09 and 02/09 → Thursday 03/09."""
    assert add_working_days(date(2026, 8, 28), 1) == date(2026, 9, 3)
    assert add_working_days(date(2025, 8, 29), 1) == date(2025, 9, 3)


def test_start_is_not_counted() -> None:
    assert add_working_days(date(2026, 3, 2), 0) == date(2026, 3, 2)
    assert add_working_days(date(2026, 3, 2), 1) == date(2026, 3, 3)
    assert add_working_days(date(2026, 3, 7), 1) == date(2026, 3, 9)  # from a Saturday


def test_negative_count_is_refused() -> None:
    with pytest.raises(RuleInputError):
        add_working_days(date(2026, 3, 2), -1)


def test_working_days_between() -> None:
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert working_days_between(date(2026, 2, 23), date(2026, 2, 13)) == -1
    assert working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0
    # January 2026: 22 weekdays minus New Year's Day = 21.
    assert working_days_between(date(2025, 12, 31), date(2026, 1, 31)) == 21


@given(
    st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
    st.integers(min_value=0, max_value=40),
)
def test_add_and_count_agree(start: date, n: int) -> None:
    due = add_working_days(start, n)
    assert working_days_between(start, due) == n
    if n > 0:
        assert is_working_day(due)
        assert due - start >= timedelta(days=n)
