"""What an Excel intake found (the preview) and what it did (the result), as plain data.

The wizard shows an `IntakeAnalysis` row by row, lets the officer decide for each row,
and passes the decisions to `services.intake.commit`. Nothing here holds a database
session or an ORM row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from desktop.intake.header import Header
from desktop.intake.mapping import ColumnMapping
from desktop.intake.parsing import RowProblem
from desktop.intake.workbook import CellValue, shown
from desktop.services.person_input import JudgmentInput, PersonInput
from desktop.services.person_views import PersonRow

RowStatus = Literal["new", "duplicate", "rejected"]
# What to do with a row: create a person, skip it, or link it to an existing person
# (fills that person's empty fields from the row; never overwrites).
Decision = Literal["create", "skip"] | tuple[Literal["link"], str]

STATUS_LABELS: dict[str, str] = {"new": "mới", "duplicate": "trùng", "rejected": "bị từ chối"}


@dataclass(frozen=True)
class IntakeRow:
    """One data row of the sheet and what the intake makes of it."""

    row_number: int  # Excel's row number
    cells: tuple[CellValue, ...]  # as read, one per column of the header
    status: RowStatus
    person: PersonInput | None  # None when rejected for a cell that cannot be read
    judgment: JudgmentInput | None
    received_on: date | None
    note: str  # kept on the person's first history step
    problems: tuple[RowProblem, ...]  # why it is rejected
    notes: tuple[str, ...]  # readings the officer should know of (not blocking)
    existing: tuple[PersonRow, ...]  # people already recorded who may be this person
    same_as_rows: tuple[int, ...]  # earlier rows of this file that may be this person

    @property
    def shown_cells(self) -> tuple[str, ...]:
        """The cells as Excel shows them (for the preview table)."""
        return tuple(shown(c) for c in self.cells)

    @property
    def default_decision(self) -> Decision:
        """New rows are created; duplicates and rejected rows are skipped."""
        return "create" if self.status == "new" else "skip"

    @property
    def explanation(self) -> str:
        """Why the row has its status, in one Vietnamese line."""
        if self.problems:
            return "; ".join(p.message for p in self.problems)
        parts = [f"trùng dòng {n} trong tệp" for n in self.same_as_rows]
        parts += [f"trùng hồ sơ {p.full_name} (sinh {p.birth_display}"
                  + (f", CCCD/CMND {p.id_number}" if p.id_number else "") + ")"
                  for p in self.existing]
        return f"Dòng {self.row_number}: " + "; ".join(parts) if parts else ""


@dataclass(frozen=True)
class IntakeCounts:
    """How many rows are new, duplicates, rejected."""

    new: int
    duplicate: int
    rejected: int


@dataclass(frozen=True)
class IntakeAnalysis:
    """The preview of one sheet: nothing has been written yet."""

    path: Path
    file_sha256: str
    sheet: str
    sheet_names: tuple[str, ...]
    header: Header
    mapping: ColumnMapping
    mapping_remembered: bool  # the mapping came from an earlier import of this layout
    rows: tuple[IntakeRow, ...]
    remarks: tuple[str, ...]  # about the whole file (missing columns, imported before…)
    today: date

    @property
    def counts(self) -> IntakeCounts:
        """Rows by status."""
        statuses = [r.status for r in self.rows]
        return IntakeCounts(statuses.count("new"), statuses.count("duplicate"),
                            statuses.count("rejected"))

    def row(self, row_number: int) -> IntakeRow:
        """The row with this Excel row number."""
        for r in self.rows:
            if r.row_number == row_number:
                return r
        raise KeyError(row_number)

    def of_status(self, status: RowStatus) -> tuple[IntakeRow, ...]:
        """The rows with this status, in file order."""
        return tuple(r for r in self.rows if r.status == status)


@dataclass(frozen=True)
class IntakeResult:
    """What `commit` wrote, in one transaction."""

    created: tuple[str, ...]  # ids of the people created
    expected: int  # of them, recorded as expected (no reception date in the file)
    received: int  # of them, recorded as received on the file's reception date
    linked: tuple[str, ...]  # ids of existing people rows were linked to
    skipped: tuple[int, ...]  # row numbers skipped (duplicates, or by decision)
    rejected: tuple[int, ...]  # row numbers not importable
