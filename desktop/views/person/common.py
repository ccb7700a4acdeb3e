"""What the person page's tabs share: record tables, action buttons, dialogs and confirmations.

Dialogs are shown through `exec_dialog` and questions asked through `confirm`, both looked
up on this module at call time, so GUI tests can drive the real dialogs (fill the fields,
press Save) without a modal event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.access import Action
from desktop.views.context import AppContext

# Property set on every button that changes records: a read-only role never sees them.
EDITS_PROPERTY = "edits_records"
WARNING_COLOR = "#b00020"
MUTED_STYLE = "color: #555;"


def exec_dialog(dialog: QDialog) -> bool:
    """Show `dialog` modally; True when the user saved it."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask before an irreversible-looking step (deleting, ending); No is the default."""
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def column_of(dialog: QDialog) -> QVBoxLayout:
    """The vertical layout of a FormDialog, to insert a line above its fields or buttons."""
    layout = dialog.layout()
    assert isinstance(layout, QVBoxLayout)
    return layout


def edit_button(ctx: AppContext, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    """A button that changes records: hidden for a role that may only read them."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setProperty(EDITS_PROPERTY, True)
    button.clicked.connect(slot)
    button.setVisible(ctx.may(Action.EDIT_RECORDS))
    return button


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """The buttons side by side, left-aligned (the order a reader scans them)."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class RecordTable(QTableWidget):
    """A read-only table of records; each row remembers its record id."""

    def __init__(self, name: str, headers: Sequence[str], stretch: int, wrap: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        # One line per row reads fastest (the full text is in the tooltip); a table of
        # sentences (the history) wraps instead, its rows growing with the column width.
        self.wrap = wrap
        self.setWordWrap(wrap)
        if wrap:
            header.sectionResized.connect(lambda *_: self.resizeRowsToContents())
        else:
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def set_rows(self, rows: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Replace the contents with (record id, cell texts) rows, keeping the selection."""
        kept = self.selected_id()
        self.setRowCount(len(rows))
        for r, (record_id, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if len(text) > 40 else "")
                item.setData(Qt.ItemDataRole.UserRole, record_id)
                self.setItem(r, c, item)
            if record_id == kept:
                self.selectRow(r)
        if self.wrap:
            self.resizeRowsToContents()

    def mark(self, row: int, column: int, color: str = WARNING_COLOR) -> None:
        """Draw one cell in a warning colour (risk signs, violations)."""
        item = self.item(row, column)
        if item is not None:
            item.setForeground(QBrush(QColor(color)))

    def selected_id(self) -> str | None:
        """The record id of the selected row, None when nothing is selected."""
        rows = self.selectionModel().selectedRows()
        return self._id_at(rows[0].row()) if rows else None

    def _id_at(self, row: int) -> str | None:
        item = self.item(row, 0)
        value = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return None if value is None else str(value)

    def select_id(self, record_id: str) -> None:
        """Select the row of `record_id` (after a save, so the user sees what changed)."""
        for r in range(self.rowCount()):
            if self._id_at(r) == record_id:
                self.selectRow(r)
                return


def selection_buttons(table: RecordTable, buttons: Sequence[QPushButton]) -> None:
    """Enable `buttons` only while a row is selected (Edit, Delete need one)."""
    def update() -> None:
        chosen = table.selected_id() is not None
        for button in buttons:
            button.setEnabled(chosen)

    table.itemSelectionChanged.connect(update)
    update()


def placeholder(text: str) -> str:
    """A dash for an empty value, so a blank cell is not mistaken for a missing column."""
    return text if text else "–"


def months_text(months: int | None) -> str:
    """A prison term as people say it: "4 năm 6 tháng" is read as "4 years 6 months"."""
    if months is None:
        return ""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(QCoreApplication.translate("PersonPage", "{0} years").format(years))
    if rest or not years:
        parts.append(QCoreApplication.translate("PersonPage", "{0} months").format(rest))
    return " ".join(parts)
