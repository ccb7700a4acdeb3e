"""Weekly contact coverage and overdue contacts (SPEC §4, REPORTS.md §3 weeks_*)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.coverage import (
    NO_WEEKS,
    WeekCoverage,
    due_this_week,
    is_overdue,
    iso_week_code,
    monday_of,
    parse_iso_week,
    week_coverage,
    week_is_due,
    weeks_in_iso_year,
    weeks_wholly_inside,
)
from desktop.rules.errors import RuleInputError

# --- ISO weeks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "code"),
    [
        (date(2026, 1, 1), "2026-W01"),  # a Thursday: week 1 holds the year's first Thursday
        (date(2026, 1, 26), "2026-W05"),
        (date(2026, 12, 28), "2026-W53"),
        (date(2027, 1, 3), "2026-W53"),  # Sunday of 2026's week 53
        (date(2027, 1, 4), "2027-W01"),
        (date(2024, 12, 30), "2025-W01"),  # a Monday in December already in 2025's week 1
    ],
)
def test_iso_week_code(d: date, code: str) -> None:
    assert iso_week_code(d) == code


def test_parse_iso_week_gives_the_monday() -> None:
    assert parse_iso_week("2026-W05") == date(2026, 1, 26)
    assert parse_iso_week("2026-W53") == date(2026, 12, 28)
    assert parse_iso_week("2025-W01") == date(2024, 12, 30)
    assert parse_iso_week(" 2020-w53 ") == date(2020, 12, 28)


def test_years_with_53_weeks() -> None:
    assert [y for y in range(2015, 2033) if weeks_in_iso_year(y) == 53] == [2015, 2020, 2026, 2032]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("2025-W53", "Năm 2025 không có tuần 53 (năm này có 52 tuần)"),
        ("2026-W00", "không có tuần 0"),
        ("2026-W54", "không có tuần 54"),
        ("2026-W5", "không đúng dạng"),
        ("2026-05", "không đúng dạng"),
        ("", "không đúng dạng"),
    ],
)
def test_bad_week_codes_are_refused(code: str, words: str) -> None:
    with pytest.raises(RuleInputError) as caught:
        parse_iso_week(code)
    assert caught.value.field == "week"
    assert words in caught.value.message


def test_monday_of() -> None:
    assert monday_of(date(2026, 2, 1)) == date(2026, 1, 26)
    assert monday_of(date(2026, 1, 26)) == date(2026, 1, 26)


def test_weeks_wholly_inside_a_month() -> None:
    """January 2026 (Thu 1 … Sat 31): only the weeks of 05, 12 and 19 lie wholly inside."""
    mondays = weeks_wholly_inside(date(2026, 1, 1), date(2026, 1, 31))
    assert mondays == [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19)]
    assert weeks_wholly_inside(date(2026, 1, 5), date(2026, 1, 11)) == [date(2026, 1, 5)]
    assert weeks_wholly_inside(date(2026, 1, 5), date(2026, 1, 10)) == []
    assert weeks_wholly_inside(date(2026, 1, 6), date(2026, 1, 18)) == [date(2026, 1, 12)]


# --- due weeks ------------------------------------------------------------------------------


def test_a_week_is_due_only_when_managed_all_seven_days() -> None:
    mon = date(2026, 2, 2)
    assert week_is_due(mon, date(2026, 2, 2), None)  # received on the Monday
    assert not week_is_due(mon, date(2026, 2, 3), None)  # received mid-week
    assert not week_is_due(mon, None, None)
    assert week_is_due(mon, date(2026, 1, 1), date(2026, 2, 9))  # ended the next Monday
    assert not week_is_due(mon, date(2026, 1, 1), date(2026, 2, 8))  # ended on the Sunday
    assert not week_is_due(mon, date(2026, 1, 1), date(2026, 2, 4))  # ended mid-week


def test_week_coverage_counts_due_covered_excused_and_missed() -> None:
    """Received Wed 07/01/2026, Jan–Feb 2026: 7 whole weeks, 6 due (arrival week is not)."""
    cov = week_coverage(
        received_on=date(2026, 1, 7),
        ended_on=None,
        contact_dates=[
            date(2026, 1, 7),  # arrival week, not due: does not count
            date(2026, 1, 14),
            date(2026, 1, 15),  # same week twice: one covered week
            date(2026, 2, 1),  # a Sunday: covers W05
            date(2026, 2, 20),
            date(2026, 3, 2),  # after the period
        ],
        excused_weeks=["2026-W06", "2026-W08", "2026-W02"],  # W08 also has a contact
        start=date(2026, 1, 1),
        end=date(2026, 2, 28),
    )
    assert cov == WeekCoverage(due=6, covered=4, excused=1, missed=("2026-W04", "2026-W07"))
    assert cov.pct == 66.7


def test_ended_mid_week_leaves_that_week_not_due() -> None:
    """Ended Wed 11/02/2026: the week of 09/02 is not due, the week of 02/02 is."""
    cov = week_coverage(
        date(2026, 1, 5), date(2026, 2, 11), [], [], date(2026, 1, 1), date(2026, 2, 28)
    )
    assert cov.due == 5
    assert cov.missed == ("2026-W02", "2026-W03", "2026-W04", "2026-W05", "2026-W06")
    assert cov.covered == 0
    assert cov.pct == 0.0


def test_ended_on_sunday_or_monday() -> None:
    """The end date is the first day no longer managed: ending on Sunday 08/02/2026 leaves
    the week of 02/02 not due; ending on Monday 09/02 leaves it due."""
    period = (date(2026, 1, 26), date(2026, 2, 15))
    assert week_coverage(date(2026, 1, 1), date(2026, 2, 8), [], [], *period).due == 1
    assert week_coverage(date(2026, 1, 1), date(2026, 2, 9), [], [], *period).due == 2
    assert week_coverage(date(2026, 2, 2), date(2026, 2, 9), [], [], *period).missed == (
        "2026-W06",
    )


def test_week_53_and_the_year_boundary() -> None:
    """2026-W53 runs 28/12/2026 … 03/01/2027; a contact on 02/01/2027 covers it."""
    cov = week_coverage(
        date(2026, 12, 1),
        None,
        [date(2026, 12, 9), date(2027, 1, 2)],
        [],
        date(2026, 12, 1),
        date(2027, 1, 10),
    )
    assert cov.due == 5
    assert cov.covered == 2
    assert cov.missed == ("2026-W51", "2026-W52", "2027-W01")


def test_only_weeks_wholly_inside_the_period_count() -> None:
    """Cut-off month 15/01–14/02/2026 (Thu–Sat) holds 3 whole weeks: 19/01, 26/01, 02/02."""
    cov = week_coverage(
        date(2020, 1, 1), None, [date(2026, 1, 15)], [], date(2026, 1, 15), date(2026, 2, 14)
    )
    assert (cov.due, cov.covered) == (3, 0)
    assert cov.missed == ("2026-W04", "2026-W05", "2026-W06")


def test_nothing_is_due_without_reception_or_after_the_end() -> None:
    period = (date(2026, 1, 1), date(2026, 3, 31))
    assert week_coverage(None, None, [date(2026, 1, 6)], [], *period) == NO_WEEKS
    assert week_coverage(date(2026, 4, 1), None, [], [], *period) == NO_WEEKS
    assert week_coverage(date(2025, 1, 1), date(2025, 12, 1), [], [], *period) == NO_WEEKS
    assert NO_WEEKS.pct is None


def test_bad_excused_week_code_is_reported() -> None:
    with pytest.raises(RuleInputError):
        week_coverage(date(2026, 1, 5), None, [], ["2026-53"], date(2026, 1, 1), date(2026, 1, 31))


def test_pct_rounds_half_up_to_one_decimal() -> None:
    """REPORTS §3: 1 decimal; 1/16 = 6.25 % is printed 6.3, not 6.2 (banker's rounding)."""
    assert WeekCoverage(16, 1, 0).pct == 6.3
    assert WeekCoverage(3, 2, 0).pct == 66.7
    assert WeekCoverage(8, 8, 2).pct == 100.0


def test_coverages_add_up_to_a_total_without_week_codes() -> None:
    a = WeekCoverage(4, 3, 1, ("2026-W02",))
    b = WeekCoverage(2, 1, 0, ("2026-W09",))
    assert a + b == WeekCoverage(6, 4, 1, ())
    assert sum([a, b]) == a + b
    assert sum([a, b], NO_WEEKS) == a + b


# --- overdue (SPEC §4) ------------------------------------------------------------------------

TODAY = date(2026, 1, 15)  # a Thursday; its week starts Monday 12/01


def overdue(**changes: object) -> bool:
    args: dict[str, object] = {
        "today": TODAY,
        "received_on": date(2025, 12, 1),
        "ended_on": None,
        "last_contact": date(2026, 1, 7),
        "contacted_this_week": False,
        "excused_this_week": False,
        "interval_days": 7,
    }
    args.update(changes)
    return is_overdue(**args)  # type: ignore[arg-type]


def test_overdue_when_week_due_uncovered_and_last_contact_too_old() -> None:
    assert overdue()  # last contact 8 days ago


def test_not_overdue_when_last_contact_within_interval() -> None:
    assert not overdue(last_contact=date(2026, 1, 8))  # exactly 7 days: not *more* than
    assert overdue(last_contact=date(2026, 1, 8), interval_days=6)


def test_not_overdue_when_this_week_is_covered() -> None:
    assert not overdue(contacted_this_week=True)
    assert not overdue(excused_this_week=True)


def test_not_overdue_when_this_week_is_not_due() -> None:
    assert not overdue(received_on=date(2026, 1, 13), last_contact=None)  # arrived this week
    assert not overdue(ended_on=date(2026, 1, 16))  # leaves this week
    assert not overdue(received_on=None, last_contact=None)


def test_never_met_counts_from_reception() -> None:
    assert overdue(received_on=date(2026, 1, 5), last_contact=None)  # 10 days since reception
    assert not overdue(today=date(2026, 1, 12), received_on=date(2026, 1, 5), last_contact=None)


def test_due_this_week() -> None:
    assert due_this_week(TODAY, date(2026, 1, 12), None)
    assert not due_this_week(TODAY, date(2026, 1, 13), None)
    assert not due_this_week(TODAY, date(2025, 1, 1), date(2026, 1, 18))
    assert due_this_week(TODAY, date(2025, 1, 1), date(2026, 1, 19))


# --- properties ----------------------------------------------------------------------------------


def reference_coverage(
    received_on: date | None,
    ended_on: date | None,
    contacts: list[date],
    excused: list[str],
    start: date,
    end: date,
) -> WeekCoverage:
    """Day-by-day reading of SPEC §4, to check the week arithmetic against."""

    def managed(d: date) -> bool:
        return received_on is not None and received_on <= d and (ended_on is None or d < ended_on)

    due = covered = excused_count = 0
    missed: list[str] = []
    monday = start
    while monday + timedelta(days=6) <= end:
        days = [monday + timedelta(days=i) for i in range(7)]
        if monday.weekday() == 0 and all(managed(d) for d in days):
            due += 1
            has_contact = any(c in days for c in contacts)
            has_excuse = iso_week_code(monday) in excused
            covered += has_contact or has_excuse
            excused_count += has_excuse and not has_contact
            if not (has_contact or has_excuse):
                missed.append(iso_week_code(monday))
        monday += timedelta(days=1)
    return WeekCoverage(due, covered, excused_count, tuple(missed))


# A short window around 2026-W53 so that receptions, ends, contacts and periods overlap.
window = st.dates(min_value=date(2026, 11, 20), max_value=date(2027, 2, 10))


@given(
    st.none() | window,
    st.none() | window,
    st.lists(window, max_size=30),
    st.lists(window.map(iso_week_code), max_size=8),
    window,
    window,
)
def test_week_coverage_matches_a_day_by_day_reading(
    received_on: date | None,
    ended_on: date | None,
    contacts: list[date],
    excused: list[str],
    a: date,
    b: date,
) -> None:
    start, end = min(a, b), max(a, b)
    expected = reference_coverage(received_on, ended_on, contacts, excused, start, end)
    assert week_coverage(received_on, ended_on, contacts, excused, start, end) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_week_codes_round_trip(d: date) -> None:
    assert parse_iso_week(iso_week_code(d)) == monday_of(d)

