"""What the import wizard's pages share: the state built step by step, tables, saving files.

The wizard keeps everything in one `ImportState`; each page reads what the earlier pages
chose and clears what a new choice makes stale (a new file forgets the sheet, a new header
forgets the mapping, a new mapping forgets the analysis). Nothing is written to the
database before the confirmation page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.intake.analysis import Decision, IntakeAnalysis, IntakeResult
from desktop.services.intake import ColumnMapping, SheetColumns, SheetPreview
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.tables import emphasise, read_only_table

XLSX_FILTER = "Excel (*.xlsx)"
WARNING_COLOR = QColor("#b00020")
DUPLICATE_COLOR = QColor("#8a5a00")
HEADER_FILL = QColor("#dcebf7")
MUTED_COLOR = QColor("#777777")


@dataclass
class ImportState:
    """What the officer has chosen so far, and what the services made of it."""

    ctx: AppContext
    path: Path | None = None
    preview: SheetPreview | None = None
    sheet: str | None = None
    header_row: int | None = None
    columns: SheetColumns | None = None
    mapping: ColumnMapping | None = None
    analysis: IntakeAnalysis | None = None
    origins: dict[str, str] = field(default_factory=dict)  # candidate id → place of origin
    decisions: dict[int, Decision] = field(default_factory=dict)
    result: IntakeResult | None = None

    def forget_from_sheet(self) -> None:
        """A new file: every later choice starts again."""
        self.preview, self.sheet, self.header_row = None, None, None
        self.forget_from_columns()

    def forget_from_columns(self) -> None:
        """A new sheet or header row: the columns and what depends on them start again."""
        self.columns, self.mapping = None, None
        self.forget_analysis()

    def forget_analysis(self) -> None:
        self.analysis, self.origins, self.decisions = None, {}, {}


def item(text: str, tooltip: bool = False) -> QTableWidgetItem:
    """A read-only cell; `tooltip` repeats long text, which a narrow column cuts."""
    cell = QTableWidgetItem(text)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip and len(text) > 30:
        cell.setToolTip(text)
    return cell


def paint(cell: QTableWidgetItem | None, color: QColor | None = None, bold: bool = False,
          fill: QColor | None = None) -> None:
    """Draw a cell in a colour, bold, or on a background."""
    if cell is None:
        return
    emphasise(cell, bold=bold, background=fill, foreground=color)


def make_table(name: str, headers: Sequence[str], stretch: int | None = None) -> QTableWidget:
    """A read-only table, one line per row, selected by rows, columns the user can drag."""
    return read_only_table(headers, name, stretch, interactive=True)


def size_columns(table: QTableWidget, samples: dict[int, str]) -> None:
    """Widths from sample Vietnamese contents (and each header's own text), so a column
    never cuts a typical value and never needs measuring thousands of rows."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for column, sample in samples.items():
        table.setColumnWidth(column, max(metrics.horizontalAdvance(sample) + 24,
                                         header.sectionSizeHint(column)))


def save_bytes(parent: QWidget, title: str, suggested: Path, data: bytes) -> Path | None:
    """Ask where to save an .xlsx and write it; the path written, or None if not saved."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), XLSX_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    try:
        path.write_bytes(data)
    except OSError as exc:
        show_error(parent, exc, QCoreApplication.translate("Intake", "The file was not saved"))
        return None
    return path
