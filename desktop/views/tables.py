"""Read-only tables shared by the exchange screens and the Excel import wizard."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def read_only_table(headers: Sequence[str], name: str, stretch: int | None = None, *,
                    interactive: bool = False) -> QTableWidget:
    """A table the user reads and selects rows in, never edits.

    Columns fit their contents, or with `interactive` keep a width the user can drag (long
    Excel cells would otherwise push the table wider than the screen); `stretch` names the
    column that takes the spare width (the last one when None, for fitted columns)."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    # Fixed row heights: Qt then never measures rows it does not show.
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + (12 if interactive else 10))
    header = table.horizontalHeader()
    if interactive:
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive if interactive
                                else QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    elif not interactive:
        header.setStretchLastSection(True)
    return table


def emphasise(item: QTableWidgetItem, *, bold: bool = False,
              background: QColor | None = None, foreground: QColor | None = None) -> None:
    """Draw a cell bold, on a background, or in a colour."""
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    if background is not None:
        item.setBackground(QBrush(background))
    if foreground is not None:
        item.setForeground(QBrush(foreground))
