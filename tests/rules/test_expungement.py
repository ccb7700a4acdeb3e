"""Expected expungement, Penal Code 2015 (amended 2017) Art. 70 and 71 (SPEC §2, §4)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.dates import add_years
from desktop.rules.errors import RuleInputError
from desktop.rules.expungement import (
    MAIN_PENALTIES,
    MISSING_MAIN_COMPLETED,
    MISSING_OBLIGATIONS,
    MISSING_PRISON_TERM,
    MISSING_PROBATION_END,
    MISSING_SUPPLEMENTARY,
    ExpungementResult,
    expected_expungement,
    penal_code_chapter,
    sentence_band,
    waiting_years,
)
from desktop.rules.ruleset import THAHS_2019

DONE = date(2025, 3, 12)


def simple(
    main_penalty: str, prison_months: int | None = None, chapter: int | None = 14
) -> ExpungementResult:
    """A judgment whose only part is the main penalty, completed on 12/03/2025."""
    return expected_expungement(
        main_penalty, prison_months, chapter, DONE, False, None, False, None
    )


# --- Art. 70(2): the four bands ---------------------------------------------------------------


@pytest.mark.parametrize("penalty", ["warning", "fine", "non_custodial", "suspended"])
def test_art_70_2_a_light_penalties_wait_1_year(penalty: str) -> None:
    """Art. 70(2)(a): warning, fine, non-custodial reform, suspended sentence → 1 year."""
    r = simple(penalty)
    assert (r.article, r.waiting_years, r.expected_on) == ("70", 1, date(2026, 3, 12))


def test_art_70_2_b_prison_of_exactly_5_years_waits_2_years() -> None:
    """Art. 70(2)(b): prison up to 5 years (60 months) → 2 years."""
    r = simple("prison", 60)
    assert (r.waiting_years, r.expected_on) == (2, date(2027, 3, 12))
    assert r.label_vi == "dự kiến 12/03/2027"
    assert r.missing == ()
    assert not r.by_court_decision


def test_art_70_2_c_prison_of_61_months_waits_3_years() -> None:
    """Art. 70(2)(c): over 5 up to 15 years → 3 years; 61 months is over 5 years."""
    assert simple("prison", 61).expected_on == date(2028, 3, 12)
    assert simple("prison", 180).waiting_years == 3


def test_art_70_2_d_prison_over_15_years_waits_5_years() -> None:
    """Art. 70(2)(d): over 15 years (181 months), life, commuted death → 5 years."""
    assert simple("prison", 181).expected_on == date(2030, 3, 12)
    assert simple("life").waiting_years == 5
    assert simple("death_commuted").waiting_years == 5


def test_short_prison_terms() -> None:
    assert simple("prison", 1).waiting_years == 2
    assert simple("prison", 0).waiting_years == 2


# --- Art. 71: Chapters XIII and XXVI ----------------------------------------------------


def test_art_71_chapter_13_prison_up_to_5_years_waits_3_years() -> None:
    """Art. 71(2)(b): Chapter XIII, prison up to 5 years → 3 years, by court decision."""
    r = simple("prison", 60, chapter=13)
    assert (r.article, r.waiting_years, r.expected_on) == ("71", 3, date(2028, 3, 12))
    assert r.by_court_decision
    assert r.label_vi == "dự kiến 12/03/2028 (do Tòa án quyết định)"


def test_chapter_14_stays_under_art_70() -> None:
    r = simple("prison", 60, chapter=14)
    assert (r.article, r.waiting_years) == ("70", 2)


@pytest.mark.parametrize(
    ("penalty", "months", "years"),
    [
        ("warning", None, 1),
        ("prison", 60, 3),
        ("prison", 61, 5),
        ("prison", 180, 5),
        ("prison", 181, 7),
        ("life", None, 7),
    ],
)
def test_art_71_2_bands_for_chapter_26(penalty: str, months: int | None, years: int) -> None:
    """Art. 71(2): 1 / 3 / 5 / 7 years."""
    assert waiting_years(penalty, months, 26) == years


def test_unknown_chapter_is_treated_as_art_70() -> None:
    assert simple("prison", 60, chapter=None).article == "70"


# --- completion of every part of the judgment --------------------------------------------


def test_waiting_counts_from_the_latest_completion() -> None:
    """Art. 70(2): from the day main, supplementary penalties and obligations are all done."""
    r = expected_expungement(
        "prison", 24, 16, date(2025, 1, 10), True, date(2026, 5, 20), True, date(2025, 8, 1)
    )
    assert r.expected_on == date(2028, 5, 20)
    r = expected_expungement(
        "prison", 24, 16, date(2025, 1, 10), True, date(2025, 2, 1), True, date(2025, 8, 1)
    )
    assert r.expected_on == date(2027, 8, 1)


def test_dates_of_parts_the_judgment_does_not_have_are_ignored() -> None:
    r = expected_expungement(
        "prison", 24, 16, date(2025, 1, 10), False, date(2030, 1, 1), False, date(2031, 1, 1)
    )
    assert r.expected_on == date(2027, 1, 10)


def test_unpaid_obligations_leave_the_date_unknown() -> None:
    r = expected_expungement("prison", 24, 16, DONE, False, None, True, None)
    assert r.expected_on is None
    assert r.missing == (MISSING_OBLIGATIONS,)
    assert r.label_vi == (
        "chưa xác định: chưa chấp hành xong nghĩa vụ dân sự (tiền phạt, bồi thường, án phí)"
    )
    assert r.waiting_years == 2


def test_every_missing_condition_is_named() -> None:
    r = expected_expungement("suspended", None, 16, None, True, None, True, None)
    assert r.missing == (MISSING_PROBATION_END, MISSING_SUPPLEMENTARY, MISSING_OBLIGATIONS)
    assert r.label_vi == (
        "chưa xác định: thiếu ngày hết thời gian thử thách; chưa hết hình phạt bổ sung;"
        " chưa chấp hành xong nghĩa vụ dân sự (tiền phạt, bồi thường, án phí)"
    )


def test_missing_main_completion_and_prison_term() -> None:
    r = expected_expungement("prison", None, 16, None, False, None, False, None)
    assert r.missing == (MISSING_MAIN_COMPLETED, MISSING_PRISON_TERM)
    assert (r.expected_on, r.waiting_years) == (None, None)


# --- leap day and new crimes ----------------------------------------------------------------------


def test_completion_on_29_february_ends_on_28_february() -> None:
    """Civil Code Art. 148: no 29/02 in the final year → the month's last day, 28/02."""
    r = expected_expungement("fine", None, 16, date(2024, 2, 29), False, None, False, None)
    assert r.expected_on == date(2025, 2, 28)
    r = expected_expungement("life", None, 16, date(2024, 2, 29), False, None, False, None)
    assert r.expected_on == date(2029, 2, 28)
    r = expected_expungement("prison", 200, 13, date(2024, 2, 29), False, None, False, None)
    assert r.expected_on == date(2031, 2, 28)  # Art. 71: 7 years


def test_new_crime_within_the_waiting_period_restarts_it() -> None:
    r = expected_expungement(
        "prison", 24, 16, DONE, False, None, False, None, reoffended_on=date(2026, 6, 1)
    )
    assert r.expected_on is None
    assert r.missing == (
        "phạm tội mới ngày 01/06/2026: thời hạn tính lại từ khi chấp hành xong bản án mới",
    )
    on_last_day = expected_expungement(
        "prison", 24, 16, DONE, False, None, False, None, reoffended_on=date(2027, 3, 12)
    )
    assert on_last_day.expected_on is None


def test_new_crime_after_the_waiting_period_does_not_revive_the_record() -> None:
    r = expected_expungement(
        "prison", 24, 16, DONE, False, None, False, None, reoffended_on=date(2027, 3, 13)
    )
    assert r.expected_on == date(2027, 3, 12)


def test_new_crime_is_named_even_when_other_things_are_missing() -> None:
    r = expected_expungement(
        "prison", 24, 16, DONE, False, None, True, None, reoffended_on=date(2026, 6, 1)
    )
    assert r.missing[0] == MISSING_OBLIGATIONS
    assert r.missing[1].startswith("phạm tội mới")


# --- inputs and helpers --------------------------------------------------------------------------


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(RuleInputError) as caught:
        simple("exile")
    assert caught.value.field == "main_penalty"
    with pytest.raises(RuleInputError) as caught:
        simple("prison", -1)
    assert caught.value.field == "prison_months"


def test_sentence_bands() -> None:
    assert [sentence_band("prison", m) for m in (60, 61, 180, 181)] == [
        "upto5",
        "5to15",
        "5to15",
        "over15",
    ]
    assert sentence_band("prison", None) is None
    assert sentence_band("life", None) == "over15"
    assert sentence_band("suspended", 36) == "light"


@pytest.mark.parametrize(
    ("article", "chapter"),
    [
        (107, None),
        (108, 13),
        (122, 13),
        (123, 14),
        (173, 16),
        (249, 20),
        (420, 25),
        (421, 26),
        (425, 26),
        (426, None),
    ],
)
def test_penal_code_chapter_of_an_article(article: int, chapter: int | None) -> None:
    """Penal Code 2015: Chapter XIII is Art. 108–122, Chapter XXVI Art. 421–425."""
    assert penal_code_chapter(article) == chapter


@given(
    st.sampled_from(MAIN_PENALTIES),
    st.integers(min_value=0, max_value=400),
    st.sampled_from([13, 14, 16, 26, None]),
    st.lists(
        st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)), min_size=3, max_size=3
    ),
)
def test_expected_date_is_latest_completion_plus_waiting_years(
    penalty: str, months: int, chapter: int | None, dates: list[date]
) -> None:
    main, supp, oblig = dates
    r = expected_expungement(penalty, months, chapter, main, True, supp, True, oblig, rs=THAHS_2019)
    assert r.waiting_years is not None
    assert r.expected_on == add_years(max(dates), r.waiting_years)
    assert r.article == ("71" if chapter in (13, 26) else "70")
    assert r.waiting_years in (1, 2, 3, 5, 7)


def test_case_suspended_sentence_counts_from_end_of_probation() -> None:
    """Penal Code Art. 70(2): 'hết thời gian thử thách án treo' — a suspended sentence is
    served when probation ends, not on any release date; 1-year waiting period (Art. 70(2)(a))."""
    from desktop.rules.expungement import expected_expungement_of_case
    from desktop.rules.ruleset import THAHS_2025

    result = expected_expungement_of_case(
        main_penalty="suspended", prison_months=24, chapter=16, release_type="completed",
        release_date=date(2024, 1, 10), probation_until=date(2026, 3, 1), supplementary="",
        supplementary_until=None, obligations="", obligations_done_on=None,
        first_new_crime=None, rs=THAHS_2025)
    assert result.expected_on == date(2027, 3, 1)


def test_case_supplementary_penalty_written_only_as_a_date_still_counts() -> None:
    """Art. 70(3): a supplementary penalty longer than the waiting period moves the date."""
    from desktop.rules.expungement import expected_expungement_of_case
    from desktop.rules.ruleset import THAHS_2025

    result = expected_expungement_of_case(
        main_penalty="prison", prison_months=36, chapter=16, release_type="completed",
        release_date=date(2024, 1, 10), probation_until=None, supplementary="",
        supplementary_until=date(2025, 6, 30), obligations="", obligations_done_on=None,
        first_new_crime=None, rs=THAHS_2025)
    # Waiting 2 years (prison up to 5 years) from the latest completion, 30/06/2025.
    assert result.expected_on == date(2027, 6, 30)
