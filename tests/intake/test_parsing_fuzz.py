"""Fuzzing the cell parsers: whatever a cell holds, they return a value or a clean
`CellError` with a Vietnamese message — never another exception."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.intake.parsing import (
    CellError,
    parse_birth,
    parse_date,
    parse_gender,
    parse_id,
    parse_name,
    parse_phone,
    parse_release_type,
    parse_sentence,
)
from desktop.intake.workbook import CellValue

from .sheets import TODAY

# Text made of what lists contain (digits, separators, Vietnamese words) and anything else.
_ALPHABET = "0123456789/.-, :nămthángàyNữữđĐ'" + "abcdefghijklmnopqrstuvwxyz"
cells: st.SearchStrategy[CellValue] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(alphabet=_ALPHABET, max_size=30),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(),
    st.times(),
    st.timedeltas(max_value=timedelta(days=10**6)),
)

PARSERS: dict[str, Callable[[CellValue], Any]] = {
    "birth": lambda v: parse_birth(v, TODAY),
    "date": lambda v: parse_date(v, TODAY),
    "gender": parse_gender,
    "id": parse_id,
    "name": parse_name,
    "phone": parse_phone,
    "release_type": lambda v: parse_release_type(v, "Đặc xá"),
    "sentence": lambda v: parse_sentence(v, "Thời hạn tù (tháng)"),
}


def _only_clean_rejections(value: CellValue) -> None:
    messages = []
    for parse in PARSERS.values():
        try:
            parse(value)
        except CellError as exc:
            messages.append(exc.message)
    # A rejection always says something, in words a user can read.
    assert all(m and m == m.strip() for m in messages), messages


@settings(max_examples=600, deadline=None)
@given(cells)
def test_parsers_never_raise_anything_else(value: CellValue) -> None:
    _only_clean_rejections(value)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=99),
       st.integers(min_value=0, max_value=9999), st.sampled_from(["/", "-", ".", " / "]))
def test_date_like_text_never_raises_anything_else(day: int, month: int, year: int,
                                                   sep: str) -> None:
    _only_clean_rejections(f"{day}{sep}{month}{sep}{year}")
    _only_clean_rejections(f"{year}{sep}{month}{sep}{day}")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_written_date_reads_back(day: date) -> None:
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year}", TODAY)[0] == day
    assert parse_date(day.isoformat(), TODAY)[0] == day
    assert parse_date(datetime.combine(day, time(0)), TODAY)[0] == day
