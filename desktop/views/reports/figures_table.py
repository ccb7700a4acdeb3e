"""The previewed figures as the report prints them: section titles across the table, then
number, label, unit of count and one right-aligned value column per period column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop.formatting import format_decimal, format_int, format_vnd
from desktop.services.reporting import FigureLine, Kind, ReportPreview

SECTION_BACKGROUND = QColor("#eeeeee")
_FIXED_COLUMNS = 3  # number, label, unit of count
MIN_LABEL_WIDTH = 200  # below this the labels wrap into unreadable columns: scroll instead


def format_figure(value: int | float | None, kind: Kind) -> str:
    """A figure as the table shows it, as the PDF prints it: 1.234 (people, or đồng — the
    unit column says which), 87,5 for a percentage, blank when there is none."""
    if value is None:
        return ""
    if kind in ("pct1", "pct2"):
        return format_decimal(float(value), 1 if kind == "pct1" else 2)
    return format_int(int(value))


def figure_tooltip(value: int | float | None, kind: Kind) -> str:
    """Money in full in the tooltip (1.500.000 ₫); nothing for other figures."""
    return format_vnd(int(value)) if kind == "vnd" and value is not None else ""


def two_lines(header: str, width: int = 7) -> str:
    """A long column header ("Năm 2024", "Công an phường Phú Lâm") on two balanced lines, so a
    column per year or unit stays about as narrow as its numbers."""
    words = header.split()
    if len(header) <= width or len(words) < 2:
        return header
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i]))
                                                    - len(" ".join(words[i:]))))
    return f"{' '.join(words[:cut])}\n{' '.join(words[cut:])}"


def _item(text: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return item


class FiguresTable(QTableWidget):
    """Read-only table of a `ReportPreview`; `value_text(key)` reads a shown figure back."""

    def __init__(self) -> None:
        super().__init__(0, _FIXED_COLUMNS + 1)
        self.setObjectName("figures")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Long labels wrap rather than being cut when several value columns need the room.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._rows: dict[str, int] = {}
        self._headers([self.tr("Figures")])
        self.horizontalHeader().sectionResized.connect(self._label_resized)

    def _headers(self, columns: list[str]) -> None:
        self.setColumnCount(_FIXED_COLUMNS + len(columns))
        self.setHorizontalHeaderLabels([self.tr("No."), self.tr("Item"), self.tr("Unit"),
                                        *(two_lines(c) for c in columns)])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in range(_FIXED_COLUMNS, self.columnCount()):
            item = self.horizontalHeaderItem(column)
            if item is not None:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)

    def show_preview(self, preview: ReportPreview) -> None:
        """Fill the table with the preview's sections and lines."""
        self.clearSpans()
        self.setRowCount(0)
        self._rows = {}
        self._headers(list(preview.columns))
        count = sum(1 + len(s.lines) for s in preview.sections)
        self.setRowCount(count)
        row = 0
        for section in preview.sections:
            self._section_row(row, section.title)
            row += 1
            for line in section.lines:
                self._line_row(row, line, preview.labels.get(line.key, line.label))
                row += 1
        self.fit_label_column()

    def fit_label_column(self) -> None:
        """The label takes the width the value columns leave, but never less than
        MIN_LABEL_WIDTH: with many columns (years, units) the table scrolls sideways."""
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(self.columnCount()) if c != 1)
        room = self.viewport().width() - others
        if room >= MIN_LABEL_WIDTH:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(1, MIN_LABEL_WIDTH)
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_label_column()

    def _label_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 1:
            self.resizeRowsToContents()

    def _section_row(self, row: int, title: str) -> None:
        item = _item(title)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setBackground(QBrush(SECTION_BACKGROUND))
        self.setItem(row, 0, item)
        self.setSpan(row, 0, 1, self.columnCount())

    def _line_row(self, row: int, line: FigureLine, full_label: str) -> None:
        indent = "      " if line.level else ""
        label = _item(indent + line.label)
        label.setToolTip(full_label)
        if not line.key:
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        self.setItem(row, 0, _item(line.number))
        self.setItem(row, 1, label)
        self.setItem(row, 2, _item(line.unit))
        for offset, value in enumerate(line.values):
            cell = _item(format_figure(value, line.kind), Qt.AlignmentFlag.AlignRight)
            cell.setToolTip(figure_tooltip(value, line.kind))
            self.setItem(row, _FIXED_COLUMNS + offset, cell)
        if line.key:
            self._rows[line.key] = row

    def value_text(self, key: str, column: int = -1) -> str:
        """The text shown for a figure key in a value column (the last one by default)."""
        col = self.columnCount() + column if column < 0 else _FIXED_COLUMNS + column
        item = self.item(self._rows[key], col)
        return item.text() if item is not None else ""
