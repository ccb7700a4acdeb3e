"""ID numbers (12-digit căn cước, legacy 9-digit CMND) and dates of birth (SPEC §3 Person)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.errors import RuleInputError
from desktop.rules.identity import (
    GENDERS,
    BirthDate,
    IdCheck,
    check_id_number,
    parse_birth_date,
)

# --- ID numbers ------------------------------------------------------------------------------


def test_valid_cccd_with_separators() -> None:
    """Circular 07/2016: 001 Hà Nội, digit 4 = 0 (man, 20th century), 90 = born 1990."""
    assert check_id_number(" 001.090-123 456 ", "male", 1990) == IdCheck("001090123456", False, ())


def test_valid_cccd_of_a_woman_born_in_2005() -> None:
    assert check_id_number("079305000123", "female", 2005).problems == ()


def test_digit_4_contradicting_gender() -> None:
    r = check_id_number("001090123456", "female", 1990)
    assert r.problems == (
        "Chữ số thứ 4 của số CCCD (0) chỉ nam sinh thế kỷ 20, nhưng giới tính là nữ.",
    )
    r = check_id_number("001190123456", "male", 1990)
    assert r.problems == (
        "Chữ số thứ 4 của số CCCD (1) chỉ nữ sinh thế kỷ 20, nhưng giới tính là nam.",
    )


def test_digit_4_contradicting_the_century() -> None:
    r = check_id_number("001290123456", "male", 1990)
    assert r.problems == (
        "Chữ số thứ 4 của số CCCD (2) chỉ người sinh thế kỷ 21 (2000–2099),"
        " nhưng năm sinh là 1990.",
    )


def test_digits_5_6_contradicting_the_birth_year() -> None:
    r = check_id_number("001086123456", "male", 1985)
    assert r.problems == (
        "Chữ số thứ 5–6 của số CCCD (86) không khớp với năm sinh 1985 (phải là 85).",
    )


def test_every_problem_is_listed() -> None:
    r = check_id_number("097386123456", "male", 1985)
    assert len(r.problems) == 4
    assert r.problems[0] == (
        "Ba chữ số đầu của số CCCD (097) không phải mã tỉnh, thành phố (từ 001 đến 096)."
    )


@pytest.mark.parametrize(
    ("prefix", "ok"), [("000", False), ("001", True), ("096", True), ("097", False)]
)
def test_province_codes_001_to_096(prefix: str, ok: bool) -> None:
    assert (check_id_number(prefix + "090123456", None, None).problems == ()) is ok


def test_unknown_gender_and_birth_year_are_not_checked() -> None:
    assert check_id_number("001790123456", None, None).problems == ()


def test_legacy_9_digit_cmnd_is_accepted_and_flagged() -> None:
    assert check_id_number("012 345 678", "male", 1970) == IdCheck("012345678", True, ())


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", "Chưa nhập số CCCD/CMND."),
        (
            "0010901234567",
            "Số CCCD phải có 12 chữ số (CMND cũ: 9 chữ số), nhưng số đã nhập có 13 chữ số.",
        ),
        ("12345", "Số CCCD phải có 12 chữ số (CMND cũ: 9 chữ số), nhưng số đã nhập có 5 chữ số."),
        ("00109012345A", "Số CCCD/CMND chỉ gồm chữ số, nhưng có ký tự “A”."),
        ("００１090123456", "Số CCCD/CMND chỉ gồm chữ số, nhưng có ký tự “０”."),
    ],
)
def test_malformed_numbers(raw: str, problem: str) -> None:
    r = check_id_number(raw, "male", 1990)
    assert (r.legacy, r.problems) == (False, (problem,))


def test_unknown_gender_value_is_refused() -> None:
    with pytest.raises(RuleInputError) as caught:
        check_id_number("001090123456", "m", 1990)
    assert caught.value.field == "gender"


CENTURY_DIGIT = {1800: 8, 1900: 0, 2000: 2, 2100: 4, 2200: 6}


@given(
    st.integers(min_value=1, max_value=96),
    st.sampled_from(GENDERS),
    st.integers(min_value=1800, max_value=2299),
    st.integers(min_value=0, max_value=999_999),
)
def test_well_formed_numbers_have_no_problems(
    province: int, gender: str, year: int, serial: int
) -> None:
    digit = CENTURY_DIGIT[year // 100 * 100] + (gender == "female")
    number = f"{province:03d}{digit}{year % 100:02d}{serial:06d}"
    assert check_id_number(number, gender, year) == IdCheck(number, False, ())


# --- dates of birth -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["1990-03-05", "05/03/1990", "5/3/1990", "05.03.1990", " 05-03-1990 "]
)
def test_full_birth_dates(text: str) -> None:
    b = parse_birth_date(text)
    assert (b.year, b.month, b.day) == (1990, 3, 5)
    assert (b.iso, b.display) == ("1990-03-05", "05/03/1990")


def test_year_only_birth_date() -> None:
    b = parse_birth_date("1990")
    assert b == BirthDate(1990, None, None)
    assert (b.iso, b.display) == ("1990", "1990")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("31/02/1990", "Ngày sinh 31/02/1990 không có trong lịch."),
        ("1990-13-01", "không có trong lịch"),
        ("abc", "Ngày sinh “abc” không hợp lệ."),
        ("", "không hợp lệ"),
        ("03/1990", "không hợp lệ"),
        ("1850", "Năm sinh 1850 không hợp lệ."),
    ],
)
def test_bad_birth_dates_are_refused(text: str, words: str) -> None:
    with pytest.raises(RuleInputError) as caught:
        parse_birth_date(text)
    assert caught.value.field == "birth_date"
    assert words in caught.value.message


def test_day_without_month_is_refused() -> None:
    with pytest.raises(RuleInputError):
        BirthDate(1990, None, 5)


def test_age_turns_on_the_birthday() -> None:
    b = BirthDate(1990, 3, 5)
    assert b.age_at(date(2026, 3, 4)) == 35
    assert b.age_at(date(2026, 3, 5)) == 36


def test_year_only_birth_counts_from_1_january() -> None:
    b = BirthDate(1990)
    assert b.age_at(date(2025, 12, 31)) == 35
    assert b.age_at(date(2026, 1, 1)) == 36


def test_born_on_29_february() -> None:
    b = parse_birth_date("29/02/2008")
    assert b.age_at(date(2026, 2, 28)) == 17
    assert b.age_at(date(2026, 3, 1)) == 18


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_birth_dates_round_trip(d: date) -> None:
    b = BirthDate(d.year, d.month, d.day)
    assert parse_birth_date(b.iso) == b == parse_birth_date(b.display)
    assert b.age_at(d) == 0
