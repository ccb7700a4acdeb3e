"""Finding the header of an office's list: which row, which labels, where the data starts.

Lists made by hand rarely start at row 1: a title, the unit's name and a date come first.
The header row is the row among the first 20 whose cells name the most known fields
(`mapping.match_header`); the user may name another. A merged header cell names every
column it covers. Two-level headers, common in Vietnamese forms ("Năm sinh" over "Nam" and
"Nữ", "Bản án" over "Tội danh" and "Mức án"), give each column a label and a group. The
row of column numbers "(1) (2) (3)…" that forms print under the header is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from desktop.intake.mapping import match_header
from desktop.intake.workbook import CellValue, Sheet, shown
from desktop.services.errors import ValidationError

SEARCH_ROWS = 20
MIN_SCORE = 2  # fewer known headers than this is not a header row
_NUMBERING = re.compile(r"\(?\s*(\d{1,3})\s*\)?")


def column_letter(number: int) -> str:
    """Excel's name of the 1-based column `number`: 1 → "A", 27 → "AA".

    Written here rather than taken from openpyxl, whose import costs the application's
    start half a second (this module is imported by the people screen).
    """
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Column:
    """One column of the list: its label and, under a two-level header, its group."""

    index: int  # 0-based
    label: str
    group: str = ""

    @property
    def letter(self) -> str:
        """The column's letter in Excel ("A", "B"… "Z", "AA"…)."""
        return column_letter(self.index + 1)

    @property
    def text(self) -> str:
        """The header as messages quote it: "Năm sinh – Nam", or "Cột F" when blank."""
        if self.group and self.label:
            return f"{self.group} – {self.label}"
        return self.label or self.group or f"Cột {self.letter}"


@dataclass(frozen=True)
class Header:
    """The header rows (one or two, Excel numbers), the columns and the first data row."""

    rows: tuple[int, ...]
    columns: tuple[Column, ...]
    data_start: int

    @property
    def row(self) -> int:
        """The top header row, the number a user gives to override the detection."""
        return self.rows[0]

    @property
    def labels(self) -> tuple[tuple[str, str], ...]:
        """(label, group) of every column, what the mapping is guessed and remembered from."""
        return tuple((c.label, c.group) for c in self.columns)


def _filled(sheet: Sheet, row: int) -> list[CellValue]:
    """Row `row` with every merged range's value copied to all the cells it covers."""
    values = list(sheet.rows[row - 1]) if 1 <= row <= len(sheet.rows) else []
    for m in sheet.merged:
        if m.min_row <= row <= m.max_row:
            anchor = sheet.cell(m.min_row, m.min_col)
            for col in range(m.min_col, min(m.max_col, len(values)) + 1):
                values[col - 1] = anchor
    return values


def _texts(sheet: Sheet, row: int) -> list[str]:
    return [shown(v) for v in _filled(sheet, row)]


def _score(sheet: Sheet, row: int) -> int:
    """How many distinct fields the row's cells name."""
    return len({f for t in _texts(sheet, row) if (f := match_header(t)) is not None})


def best_score(sheet: Sheet) -> int:
    """The score of the sheet's likeliest header row (chooses the sheet of a workbook)."""
    rows = range(1, min(len(sheet.rows), SEARCH_ROWS) + 1)
    return max((_score(sheet, r) for r in rows), default=0)


def _is_two_level(sheet: Sheet, top: int) -> bool:
    """Whether row `top + 1` holds sub-headers of groups merged across columns in `top`.

    A data row under a merged header also has text under it, so the test is that the row
    below has text ONLY under such groups: a data row fills the other columns too.
    """
    groups = [m for m in sheet.merged
              if m.min_row == m.max_row == top and m.max_col > m.min_col]
    below = {c: v for c, v in enumerate(sheet.rows[top] if top < len(sheet.rows) else (), 1)
             if v is not None and shown(v)}
    if not groups or not below:
        return False

    def in_group(col: int) -> bool:
        return any(g.min_col <= col <= g.max_col for g in groups)

    return all(isinstance(v, str) and in_group(c) for c, v in below.items())


def _is_numbering(sheet: Sheet, row: int) -> bool:
    """Whether the row is the "(1) (2) (3)…" column numbering printed under a header."""
    if row > len(sheet.rows):
        return False
    numbers = []
    for value in sheet.rows[row - 1]:
        text = shown(value)
        if not text:
            continue
        match = _NUMBERING.fullmatch(text)
        if match is None:
            return False
        numbers.append(int(match[1]))
    return len(numbers) >= 3 and all(a < b for a, b in pairwise(numbers))


def _columns(sheet: Sheet, rows: tuple[int, ...]) -> tuple[Column, ...]:
    top = _texts(sheet, rows[0])
    if len(rows) == 1:
        return tuple(Column(i, t) for i, t in enumerate(top))
    bottom = _texts(sheet, rows[1])
    columns = []
    for i, (upper, lower) in enumerate(zip(top, bottom, strict=True)):
        # A cell merged down over both rows shows the same text twice: one label.
        if lower and lower != upper:
            columns.append(Column(i, lower, upper))
        else:
            columns.append(Column(i, upper))
    return tuple(columns)


def _find_top(sheet: Sheet) -> int | None:
    rows = range(1, min(len(sheet.rows), SEARCH_ROWS) + 1)
    scored = [(_score(sheet, r), -r) for r in rows]
    if not scored or max(scored)[0] < MIN_SCORE:
        return None
    best = -max(scored)[1]
    # The sub-header row of a two-level header may name more fields than its top row.
    return best - 1 if best > 1 and _is_two_level(sheet, best - 1) else best


def detect_header(sheet: Sheet, header_row: int | None = None) -> Header | None:
    """The sheet's header (top row `header_row` when given), or None when none is found."""
    if header_row is None:
        top = _find_top(sheet)
        if top is None:
            return None
    elif not 1 <= header_row <= len(sheet.rows):
        raise ValidationError("header_row", f"Trang «{sheet.name}» không có dòng {header_row} "
                                            f"(chỉ có {len(sheet.rows)} dòng).")
    else:
        top = header_row
    rows = (top, top + 1) if _is_two_level(sheet, top) else (top,)
    start = rows[-1] + 1
    if _is_numbering(sheet, start):
        start += 1
    return Header(rows, _columns(sheet, rows), start)
