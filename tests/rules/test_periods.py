"""Reporting periods, REPORTS.md §2: calendar and cut-off (Decree 09/2019) conventions."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.errors import RuleInputError
from desktop.rules.periods import (
    Convention,
    Period,
    half_of,
    month_of,
    next_quarter,
    parse_period,
    period_code_for_quarter,
    previous_quarter,
    quarter_of,
    quarters_ending_in,
    year_of,
    year_slices,
)

CAL = Convention.CALENDAR
CUT = Convention.CUTOFF


def span(p: Period) -> tuple[date, date]:
    return p.start, p.end


# --- parsing, cut-off convention (the default) ------------------------------------------


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2026-M07", date(2026, 6, 15), date(2026, 7, 14)),
        ("2026-M01", date(2025, 12, 15), date(2026, 1, 14)),
        ("2026-M12", date(2026, 11, 15), date(2026, 12, 14)),
        ("2026-Q1", date(2025, 12, 15), date(2026, 3, 14)),
        ("2026-Q2", date(2026, 3, 15), date(2026, 6, 14)),
        ("2026-Q3", date(2026, 6, 15), date(2026, 9, 14)),
        ("2026-Q4", date(2026, 9, 15), date(2026, 12, 14)),
        ("2026-H1", date(2025, 12, 15), date(2026, 6, 14)),
        ("2026-H2", date(2026, 6, 15), date(2026, 12, 14)),
        ("2026-Y", date(2025, 12, 15), date(2026, 12, 14)),
    ],
)
def test_cutoff_periods_decree_09_2019(code: str, start: date, end: date) -> None:
    """Decree 09/2019: month = 15th of M−1 … 14th of M; year = 15/12 … 14/12."""
    p = parse_period(code)
    assert (p.code, span(p)) == (code, (start, end))


def test_cutoff_february_of_a_leap_year() -> None:
    """Cut-off 2024-M03 spans 29/02/2024; calendar 2024-M02 ends on the leap day."""
    assert span(parse_period("2024-M03", CUT)) == (date(2024, 2, 15), date(2024, 3, 14))
    assert span(parse_period("2024-M02", CAL)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert span(parse_period("2025-M02", CAL)) == (date(2025, 2, 1), date(2025, 2, 28))
    assert month_of(date(2024, 2, 29), CUT).code == "2024-M03"


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2024-Y", date(2023, 11, 15), date(2024, 11, 14)),
        ("2024-H1", date(2023, 11, 15), date(2024, 5, 14)),
        ("2024-H2", date(2024, 5, 15), date(2024, 11, 14)),
        ("2024-Q1", date(2023, 11, 15), date(2024, 2, 14)),
        ("2024-Q4", date(2024, 8, 15), date(2024, 11, 14)),
        # A month does not depend on the year start: it is always 15th of M−1 … 14th of M.
        ("2024-M12", date(2024, 11, 15), date(2024, 12, 14)),
    ],
)
def test_november_year_start_bac_giang_2024(code: str, start: date, end: date) -> None:
    """Bắc Giang 2024 plan: year 15/11/2023 … 14/11/2024, first half 15/11 … 14/05."""
    assert span(parse_period(code, CUT, year_start_month=11)) == (start, end)


# --- parsing, calendar convention --------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2026-M07", date(2026, 7, 1), date(2026, 7, 31)),
        ("2026-M12", date(2026, 12, 1), date(2026, 12, 31)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
        ("2026-Y", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_calendar_periods(code: str, start: date, end: date) -> None:
    assert span(parse_period(code, CAL)) == (start, end)


def test_calendar_convention_ignores_year_start_month() -> None:
    assert span(parse_period("2026-Q1", CAL, 11)) == (date(2026, 1, 1), date(2026, 3, 31))


def test_custom_range_includes_both_ends() -> None:
    p = parse_period("2021-03-22..2025-10-31")
    assert (p.kind, span(p)) == ("custom", (date(2021, 3, 22), date(2025, 10, 31)))
    assert p.contains(date(2021, 3, 22))
    assert p.contains(date(2025, 10, 31))
    assert not p.contains(date(2021, 3, 21))
    assert not p.contains(date(2025, 11, 1))


def test_a_one_day_custom_range() -> None:
    p = parse_period("2026-02-28..2026-02-28")
    assert span(p) == (date(2026, 2, 28), date(2026, 2, 28))
    assert [(s.code, span(s)) for s in year_slices(p)] == [("2026-Y", span(p))]


def test_codes_are_canonicalised() -> None:
    assert parse_period(" 2026-q3 ").code == "2026-Q3"
    assert parse_period("2026-M7").code == "2026-M07"
    assert parse_period("2026-y").code == "2026-Y"


def test_convention_may_be_given_as_the_stored_setting_string() -> None:
    assert parse_period("2026-Q1", "calendar") == parse_period("2026-Q1", CAL)


# --- refused input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-M13", "Tháng 13"),
        ("2026-M00", "Tháng 0"),
        ("2026-Q5", "Quý 5"),
        ("2026-Q0", "Quý 0"),
        ("2026-H3", "H3"),
        ("2025-10-31..2021-03-22", "Ngày kết thúc 22/03/2021 trước ngày bắt đầu 31/10/2025"),
        ("2025-02-30..2025-03-01", "2025-02-30"),
        ("quý 3", "không đúng định dạng"),
        ("", "không đúng định dạng"),
        ("2026", "không đúng định dạng"),
        ("2026-W05", "không đúng định dạng"),
        ("0999-Y", "Năm 999 nằm ngoài khoảng hỗ trợ"),
    ],
)
def test_bad_periods_are_refused_naming_the_problem(text: str, words: str) -> None:
    with pytest.raises(RuleInputError) as caught:
        parse_period(text)
    assert caught.value.field == "period"
    assert words in caught.value.message


def test_bad_convention_or_year_start_is_refused() -> None:
    with pytest.raises(RuleInputError) as caught:
        parse_period("2026-Y", "fiscal")
    assert caught.value.field == "convention"
    with pytest.raises(RuleInputError) as caught:
        parse_period("2026-Y", CUT, year_start_month=13)
    assert caught.value.field == "year_start_month"


def test_period_refuses_end_before_start() -> None:
    with pytest.raises(RuleInputError):
        Period("x", "custom", date(2026, 1, 2), date(2026, 1, 1))


# --- labels ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("2026-M07", "tháng 7 năm 2026"),
        ("2026-Q3", "quý III năm 2026"),
        ("2026-Q4", "quý IV năm 2026"),
        ("2026-H1", "6 tháng đầu năm 2026"),
        ("2026-H2", "6 tháng cuối năm 2026"),
        ("2026-Y", "năm 2026"),
        ("2021-03-22..2025-10-31", "từ ngày 22/03/2021 đến ngày 31/10/2025"),
    ],
)
def test_vietnamese_labels(code: str, label: str) -> None:
    assert parse_period(code).label_vi == label


def test_dates_in_words() -> None:
    assert parse_period("2026-Q1").dates_vi == "từ ngày 15/12/2025 đến ngày 14/03/2026"


# --- the period containing a date ----------------------------------------------------------


def test_quarter_of_across_the_year_boundary_in_cutoff() -> None:
    """Cut-off Q1 = 15/12 … 14/03: 15 December already belongs to next year's Q1."""
    assert quarter_of(date(2025, 12, 14), CUT).code == "2025-Q4"
    assert quarter_of(date(2025, 12, 15), CUT).code == "2026-Q1"
    assert quarter_of(date(2026, 3, 14), CUT).code == "2026-Q1"
    assert quarter_of(date(2026, 3, 15), CUT).code == "2026-Q2"
    assert quarter_of(date(2025, 12, 15), CAL).code == "2025-Q4"


def test_month_half_and_year_of_a_date() -> None:
    assert month_of(date(2026, 7, 14), CUT).code == "2026-M07"
    assert month_of(date(2026, 7, 15), CUT).code == "2026-M08"
    assert month_of(date(2025, 12, 20), CUT).code == "2026-M01"
    assert month_of(date(2026, 7, 15), CAL).code == "2026-M07"
    assert half_of(date(2026, 6, 14), CUT).code == "2026-H1"
    assert half_of(date(2026, 6, 15), CUT).code == "2026-H2"
    assert year_of(date(2024, 11, 15), CUT, 11).code == "2025-Y"
    assert year_of(date(2024, 11, 14), CUT, 11).code == "2024-Y"


def test_previous_and_next_quarter() -> None:
    q1 = parse_period("2026-Q1")
    assert previous_quarter(q1) == parse_period("2025-Q4")
    assert span(previous_quarter(q1)) == (date(2025, 9, 15), date(2025, 12, 14))
    assert next_quarter(q1) == parse_period("2026-Q2")
    assert previous_quarter(parse_period("2026-Q1", CAL), CAL).code == "2025-Q4"


def test_period_code_for_quarter() -> None:
    assert period_code_for_quarter(2026, 3) == "2026-Q3"
    with pytest.raises(RuleInputError):
        period_code_for_quarter(2026, 5)


# --- year slices and quarter ends ------------------------------------------------------------


def test_year_slices_of_a_five_year_summary() -> None:
    """REPORTS §2: one column per year, first and last clipped to the custom range."""
    slices = year_slices(parse_period("2021-03-22..2025-10-31"), CUT)
    assert [(s.code, s.kind, s.start, s.end) for s in slices] == [
        ("2021-Y", "year", date(2021, 3, 22), date(2021, 12, 14)),
        ("2022-Y", "year", date(2021, 12, 15), date(2022, 12, 14)),
        ("2023-Y", "year", date(2022, 12, 15), date(2023, 12, 14)),
        ("2024-Y", "year", date(2023, 12, 15), date(2024, 12, 14)),
        ("2025-Y", "year", date(2024, 12, 15), date(2025, 10, 31)),
    ]


def test_year_slices_in_calendar_convention_and_november_start() -> None:
    cal = year_slices(parse_period("2021-03-22..2025-10-31"), CAL)
    assert [(s.code, s.start, s.end) for s in cal][1] == (
        "2022-Y",
        date(2022, 1, 1),
        date(2022, 12, 31),
    )
    nov = year_slices(parse_period("2023-12-01..2024-12-01"), CUT, 11)
    assert [(s.code, s.start, s.end) for s in nov] == [
        ("2024-Y", date(2023, 12, 1), date(2024, 11, 14)),
        ("2025-Y", date(2024, 11, 15), date(2024, 12, 1)),
    ]


def test_year_slices_of_a_quarter_is_one_clipped_year() -> None:
    q = parse_period("2026-Q3")
    assert [(s.code, span(s)) for s in year_slices(q)] == [("2026-Y", span(q))]


def test_quarters_ending_in_a_year() -> None:
    """HCD-09 counts: the four quarter-ends of 2026 (cut-off): 14/03, 14/06, 14/09, 14/12."""
    ends = [q.end for q in quarters_ending_in(parse_period("2026-Y"))]
    assert ends == [date(2026, 3, 14), date(2026, 6, 14), date(2026, 9, 14), date(2026, 12, 14)]


def test_quarters_ending_in_a_custom_range() -> None:
    quarters = quarters_ending_in(parse_period("2026-03-14..2026-09-13"))
    assert [q.code for q in quarters] == ["2026-Q1", "2026-Q2"]
    assert quarters_ending_in(parse_period("2026-03-15..2026-06-13")) == []
    assert [q.code for q in quarters_ending_in(parse_period("2026-M09", CAL), CAL)] == ["2026-Q3"]


# --- properties ----------------------------------------------------------------------------------

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
conventions = st.sampled_from([CAL, CUT])
year_starts = st.integers(min_value=1, max_value=12)


@given(dates, dates, conventions, year_starts)
def test_year_slices_tile_any_range(a: date, b: date, conv: Convention, ysm: int) -> None:
    """The slices' union is exactly the range, in order, without gap or overlap."""
    start, end = min(a, b), max(a, b)
    slices = year_slices(Period("custom", "custom", start, end), conv, ysm)
    assert slices[0].start == start
    assert slices[-1].end == end
    for before, after in itertools.pairwise(slices):
        assert after.start == before.end + timedelta(days=1)
    assert len({s.code for s in slices}) == len(slices)
    for s in slices:
        assert year_of(s.start, conv, ysm).code == s.code == year_of(s.end, conv, ysm).code


@given(dates, conventions, year_starts)
def test_the_period_of_a_date_contains_it(d: date, conv: Convention, ysm: int) -> None:
    for p in (month_of(d, conv, ysm), quarter_of(d, conv, ysm), half_of(d, conv, ysm)):
        assert p.contains(d)
        assert parse_period(p.code, conv, ysm) == p
    year = year_of(d, conv, ysm)
    assert year.contains(d)
    assert year.contains(quarter_of(d, conv, ysm).start)


@given(dates, conventions, year_starts)
def test_quarters_follow_each_other(d: date, conv: Convention, ysm: int) -> None:
    q = quarter_of(d, conv, ysm)
    assert next_quarter(q, conv, ysm).start == q.end + timedelta(days=1)
    assert previous_quarter(q, conv, ysm).end == q.start - timedelta(days=1)
    assert 89 <= (q.end - q.start).days + 1 <= 92
