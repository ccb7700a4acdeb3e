"""Display formats: dd/MM/yyyy dates and money with dots and the đồng sign."""

from __future__ import annotations

from datetime import date

from desktop.formatting import format_date, format_decimal, format_int, format_vnd, parse_date_vn


def test_dates_have_leading_zeros() -> None:
    assert format_date(date(2026, 1, 5)) == "05/01/2026"
    assert format_date(None) == ""


def test_money_uses_dots_and_dong_sign() -> None:
    assert format_vnd(1_500_000) == "1.500.000 ₫"
    assert format_vnd(0) == "0 ₫"
    assert format_int(100_000_000) == "100.000.000"


def test_decimal_comma() -> None:
    assert format_decimal(87.5) == "87,5"
    assert format_decimal(None) == ""


def test_parse_vietnamese_dates() -> None:
    assert parse_date_vn("05/01/2026") == date(2026, 1, 5)
    assert parse_date_vn("5/1/2026") == date(2026, 1, 5)
    assert parse_date_vn("31/02/2026") is None
    assert parse_date_vn("2026-01-05") is None
