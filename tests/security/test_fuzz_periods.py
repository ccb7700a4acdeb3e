"""Fuzzing period parsing (issue #7 part 5): any text gives a Period or RuleInputError (a
ValueError with a Vietnamese message), and every valid period round-trips through its code.

The same holds for the functions that find the period containing a date, over the whole
range of dates Python has (the services pass them dates typed by users).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.rules.errors import RuleInputError
from desktop.rules.periods import (
    Convention,
    Period,
    half_of,
    month_of,
    parse_period,
    quarter_of,
    year_of,
)

FUZZ = settings(max_examples=100, deadline=None)
conventions = st.sampled_from([Convention.CUTOFF, Convention.CALENDAR])
year_starts = st.sampled_from([11, 12]) | st.integers(min_value=-3, max_value=15)
years = st.integers(min_value=-5, max_value=12000)
codes = st.one_of(
    st.builds(lambda y, i: f"{y}-M{i:02d}", years, st.integers(-1, 14)),
    st.builds(lambda y, i: f"{y}-Q{i}", years, st.integers(-1, 6)),
    st.builds(lambda y, i: f"{y}-H{i}", years, st.integers(-1, 3)),
    st.builds(lambda y: f"{y}-Y", years),
    st.builds(lambda a, b: f"{a.isoformat()}..{b.isoformat()}", st.dates(), st.dates()),
    st.builds(lambda a, b, c: f"{a}-{b:02d}-{c:02d}..2026-01-01", years, st.integers(0, 13),
              st.integers(0, 32)),
)
texts = st.text(max_size=40) | st.text(alphabet="0123456789-MQHY.. mqhy/", max_size=30)


def _parsed_or_refused(text: str, convention: str, year_start: int) -> Period | None:
    """The period, or None after a clean refusal (a ValueError that says why)."""
    try:
        return parse_period(text, convention, year_start)
    except RuleInputError as exc:
        refusal = exc
    assert isinstance(refusal, ValueError)
    assert refusal.message.strip()
    return None


@FUZZ
@given(texts | codes, conventions | st.text(max_size=8), year_starts)
def test_any_text_is_a_period_or_a_clean_refusal(text: str, convention: str,
                                                 year_start: int) -> None:
    period = _parsed_or_refused(text, convention, year_start)
    if period is not None:
        assert period.start <= period.end
        assert period.label_vi  # every period can be named in a report


@FUZZ
@given(codes, conventions, st.sampled_from([11, 12]))
def test_valid_periods_round_trip_through_their_code(text: str, convention: str,
                                                     year_start: int) -> None:
    period = _parsed_or_refused(text, convention, year_start)
    if period is None:
        return
    again = parse_period(period.code, convention, year_start)
    assert again == period
    assert parse_period(f"  {period.code.lower()} ", convention, year_start) == period


@FUZZ
@given(st.dates(), conventions, st.sampled_from([11, 12]))
def test_the_period_containing_any_date(day: date, convention: str, year_start: int) -> None:
    for find in (month_of, quarter_of, half_of, year_of):
        try:
            period = find(day, convention, year_start)
        except RuleInputError:
            continue  # outside the years a report can name
        assert period.contains(day)
        assert parse_period(period.code, convention, year_start) == period


@pytest.mark.parametrize("day", [date.min, date(1, 12, 15), date(1899, 12, 31),
                                 date(2200, 12, 20), date(9999, 12, 14), date.max])
def test_dates_outside_the_named_years_are_refused_cleanly(day: date) -> None:
    # Found by the fuzzing above: year 1 and 9999 raised a bare ValueError deep in date
    # arithmetic, and 1899 or 2201 gave a period whose code could not be parsed back.
    for find in (month_of, quarter_of, half_of, year_of):
        with pytest.raises(RuleInputError):
            find(day)
