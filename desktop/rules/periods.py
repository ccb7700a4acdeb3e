"""Reporting periods (REPORTS.md §2): months, quarters, halves, years and custom ranges.

Two conventions. CALENDAR uses ordinary calendar months. CUTOFF (Decree 09/2019, the
default) closes figures on the 14th: month M runs from the 15th of M−1 to the 14th of M,
and the reporting year starts on the 15th of `year_start_month` of the previous year
(December by default, November where a provincial plan says so); quarters and halves are
counted from that start. Every period is a closed range [start, end].

Each kind of period is "a block of N months from an anchor": the anchor is 1 January for
the calendar convention and the 15th of the start month of the previous year for the
cut-off convention. One arithmetic serves all kinds and both conventions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal

from desktop.formatting import format_date
from desktop.rules.dates import shift_month
from desktop.rules.errors import RuleInputError

PeriodKind = Literal["month", "quarter", "half", "year", "custom"]
BlockKind = Literal["month", "quarter", "half", "year"]

_SPAN: dict[BlockKind, int] = {"month": 1, "quarter": 3, "half": 6, "year": 12}
_LETTER: dict[BlockKind, str] = {"month": "M", "quarter": "Q", "half": "H", "year": "Y"}
_ROMAN = ("I", "II", "III", "IV")
_MIN_YEAR, _MAX_YEAR = 1900, 2200
_DAY = timedelta(days=1)

_BLOCK_RE = re.compile(r"(\d{4})-(?:(M|Q|H)(\d{1,2})|Y)")
_RANGE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})")
_FORMAT_HINT = (
    "Hãy nhập theo mẫu: 2026-M07 (tháng), 2026-Q3 (quý), 2026-H1 hoặc 2026-H2 (6 tháng),"
    " 2026-Y (năm) hoặc 2021-03-22..2025-10-31 (từ ngày đến ngày)."
)


class Convention(StrEnum):
    """How months are cut: calendar months, or the 15th-to-14th government cut-off."""

    CALENDAR = "calendar"
    CUTOFF = "cutoff"


@dataclass(frozen=True)
class Period:
    """A reporting period: a closed date range with its code ("2026-Q3") and kind."""

    code: str
    kind: PeriodKind
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise RuleInputError("period", _end_before_start(self.start, self.end))

    def contains(self, d: date) -> bool:
        """Whether `d` lies in the period, both ends included."""
        return self.start <= d <= self.end

    @property
    def dates_vi(self) -> str:
        """The range in words: "từ ngày 15/12/2025 đến ngày 14/03/2026"."""
        return f"từ ngày {format_date(self.start)} đến ngày {format_date(self.end)}"

    @property
    def label_vi(self) -> str:
        """How a report names the period: "quý III năm 2026", "6 tháng đầu năm 2026"…"""
        if self.kind == "custom":
            return self.dates_vi
        year = self.code[:4]
        if self.kind == "year":
            return f"năm {year}"
        index = int(self.code[6:])
        if self.kind == "month":
            return f"tháng {index} năm {year}"
        if self.kind == "quarter":
            return f"quý {_ROMAN[index - 1]} năm {year}"
        return f"6 tháng {'đầu' if index == 1 else 'cuối'} năm {year}"


def _end_before_start(start: date, end: date) -> str:
    return f"Ngày kết thúc {format_date(end)} trước ngày bắt đầu {format_date(start)}."


def _check_convention(convention: str, year_start_month: int) -> Convention:
    """The convention as an enum; settings pass plain strings, so refuse unknown ones."""
    if not 1 <= year_start_month <= 12:
        raise RuleInputError(
            "year_start_month",
            f"Tháng bắt đầu năm báo cáo ({year_start_month}) phải từ 1 đến 12.",
        )
    try:
        return Convention(convention)
    except ValueError:
        raise RuleInputError(
            "convention",
            f"Cách tính kỳ “{convention}” không hợp lệ:"
            " chọn theo lịch hoặc theo ngày chốt số liệu.",
        ) from None


def _anchor(kind: BlockKind, year: int, conv: Convention, ysm: int) -> tuple[int, int, int]:
    """(year, month, day) where reporting year `year` starts for blocks of this kind.

    Cut-off months always start on 15 December whatever the year start, because month M
    is defined on its own as the 15th of M−1 to the 14th of M.
    """
    if conv is Convention.CALENDAR:
        return year, 1, 1
    return year - 1, 12 if kind == "month" else ysm, 15


def _block(kind: BlockKind, year: int, index: int, conv: Convention, ysm: int) -> Period:
    """The `index`-th block (1-based) of `kind` in reporting year `year`."""
    span = _SPAN[kind]
    ay, am, day = _anchor(kind, year, conv, ysm)
    sy, sm = shift_month(ay, am, span * (index - 1))
    ey, em = shift_month(ay, am, span * index)
    return Period(_code(kind, year, index), kind, date(sy, sm, day), date(ey, em, day) - _DAY)


def _code(kind: BlockKind, year: int, index: int) -> str:
    if kind == "year":
        return f"{year}-Y"
    if kind == "month":
        return f"{year}-M{index:02d}"
    return f"{year}-{_LETTER[kind]}{index}"


def _block_containing(d: date, kind: BlockKind, conv: Convention, ysm: int) -> Period:
    """The block of `kind` that contains `d`; RuleInputError outside the years a period
    code can name (so every block returned parses back from its code)."""
    _check_year(d.year)
    _, am, day = _anchor(kind, d.year, conv, ysm)
    # In the cut-off convention the days from the anchor on belong to the next year's
    # reporting year (15/12/2025 is in 2026-Y, 2026-Q1 and 2026-M01).
    next_year = conv is Convention.CUTOFF and (d.month, d.day) >= (am, day)
    year = d.year + 1 if next_year else d.year
    _check_year(year)
    ay, am, day = _anchor(kind, year, conv, ysm)
    months = (d.year * 12 + d.month) - (ay * 12 + am) - (1 if d.day < day else 0)
    return _block(kind, year, months // _SPAN[kind] + 1, conv, ysm)


def _parse_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise RuleInputError("period", f"Ngày “{text}” không có trong lịch.") from None
    _check_year(day.year)
    return day


def _check_year(year: int) -> None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise RuleInputError(
            "period", f"Năm {year} nằm ngoài khoảng hỗ trợ ({_MIN_YEAR}–{_MAX_YEAR})."
        )


def _check_index(kind: BlockKind, index: int) -> None:
    """Refuse month 13, quarter 5, half 3, naming what the user typed."""
    if kind == "month" and not 1 <= index <= 12:
        raise RuleInputError("period", f"Tháng {index} không hợp lệ: tháng phải từ 01 đến 12.")
    if kind == "quarter" and not 1 <= index <= 4:
        raise RuleInputError("period", f"Quý {index} không hợp lệ: quý phải từ 1 đến 4.")
    if kind == "half" and not 1 <= index <= 2:
        raise RuleInputError(
            "period",
            f"Kỳ H{index} không hợp lệ: chỉ có H1 (6 tháng đầu năm) và H2 (6 tháng cuối năm).",
        )


_KIND_OF_LETTER: dict[str, BlockKind] = {"M": "month", "Q": "quarter", "H": "half"}


def parse_period(
    text: str, convention: str = Convention.CUTOFF, year_start_month: int = 12
) -> Period:
    """The period a code names: 2026-M07, 2026-Q3, 2026-H1, 2026-Y or 2021-03-22..2025-10-31."""
    conv = _check_convention(convention, year_start_month)
    cleaned = text.strip().upper()
    if match := _RANGE_RE.fullmatch(cleaned):
        start, end = _parse_date(match[1]), _parse_date(match[2])
        if end < start:
            raise RuleInputError("period", _end_before_start(start, end))
        return Period(f"{start.isoformat()}..{end.isoformat()}", "custom", start, end)
    match = _BLOCK_RE.fullmatch(cleaned)
    if match is None:
        raise RuleInputError(
            "period", f"Kỳ báo cáo “{text.strip()}” không đúng định dạng. {_FORMAT_HINT}"
        )
    year = int(match[1])
    _check_year(year)
    if match[2] is None:
        return _block("year", year, 1, conv, year_start_month)
    kind, index = _KIND_OF_LETTER[match[2]], int(match[3])
    _check_index(kind, index)
    return _block(kind, year, index, conv, year_start_month)


def month_of(d: date, convention: str = Convention.CUTOFF, year_start_month: int = 12) -> Period:
    """The reporting month containing `d` (in the cut-off convention 15/12/2025 is 2026-M01)."""
    return _block_containing(d, "month", _check_convention(convention, year_start_month), 12)


def quarter_of(d: date, convention: str = Convention.CUTOFF, year_start_month: int = 12) -> Period:
    """The reporting quarter containing `d`."""
    conv = _check_convention(convention, year_start_month)
    return _block_containing(d, "quarter", conv, year_start_month)


def half_of(d: date, convention: str = Convention.CUTOFF, year_start_month: int = 12) -> Period:
    """The reporting half-year containing `d`."""
    conv = _check_convention(convention, year_start_month)
    return _block_containing(d, "half", conv, year_start_month)


def year_of(d: date, convention: str = Convention.CUTOFF, year_start_month: int = 12) -> Period:
    """The reporting year containing `d`."""
    conv = _check_convention(convention, year_start_month)
    return _block_containing(d, "year", conv, year_start_month)


def period_code_for_quarter(year: int, q: int) -> str:
    """The code of quarter `q` of `year`: (2026, 3) → "2026-Q3"."""
    _check_year(year)
    _check_index("quarter", q)
    return _code("quarter", year, q)


def previous_quarter(
    p: Period, convention: str = Convention.CUTOFF, year_start_month: int = 12
) -> Period:
    """The reporting quarter just before the one `p` starts in."""
    return quarter_of(p.start - _DAY, convention, year_start_month)


def next_quarter(
    p: Period, convention: str = Convention.CUTOFF, year_start_month: int = 12
) -> Period:
    """The reporting quarter just after the one `p` ends in."""
    return quarter_of(p.end + _DAY, convention, year_start_month)


def year_slices(
    period: Period, convention: str = Convention.CUTOFF, year_start_month: int = 12
) -> list[Period]:
    """`period` cut into reporting years, first and last clipped (one column per year).

    Each slice keeps its year's code ("2022-Y") even when clipped, so a multi-year report
    can head its columns with the year; the slices tile the period without gap or overlap.
    """
    slices: list[Period] = []
    day = period.start
    while day <= period.end:
        year = year_of(day, convention, year_start_month)
        slices.append(Period(year.code, "year", day, min(year.end, period.end)))
        day = year.end + _DAY
    return slices


def quarters_ending_in(
    period: Period, convention: str = Convention.CUTOFF, year_start_month: int = 12
) -> list[Period]:
    """The reporting quarters whose last day lies in `period` (quarterly classification)."""
    quarters: list[Period] = []
    quarter = quarter_of(period.start, convention, year_start_month)
    while quarter.end <= period.end:
        quarters.append(quarter)
        quarter = next_quarter(quarter, convention, year_start_month)
    return quarters
