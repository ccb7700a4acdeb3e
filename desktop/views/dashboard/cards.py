"""A dashboard card: a titled box with a count, an optional note and a compact list.

Each line carries a key (a person id, or a report's form and period); double-click or
Enter on it emits `activated(key)`. An empty list shows a friendly line instead of an
empty table, so "nothing to do" is never mistaken for "not loaded".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

ALERT_COLOUR = QColor("#b00020")
NOTE_STYLE = "color: #555;"
ALERT_NOTE_STYLE = "color: #b00020; font-weight: bold;"
EMPTY_STYLE = "color: #1b5e20; padding: 12px;"
KEY_ROLE = Qt.ItemDataRole.UserRole


def bold_title(box: QGroupBox, *children: QWidget) -> None:
    """Make a group box's title bold while its `children` keep the normal font.

    A style sheet would cascade the bold into the lists, so the fonts are set directly.
    """
    bold = QFont(box.font())
    bold.setBold(True)
    box.setFont(bold)
    for child in children:
        normal = QFont(child.font())
        normal.setBold(False)  # set explicitly, or the child would inherit the bold
        child.setFont(normal)


@dataclass(frozen=True)
class CardRow:
    """One line: its key, the texts of its cells, the cells to show in red, tooltips."""

    key: str
    cells: tuple[str, ...]
    alert: frozenset[int] = frozenset()
    tooltip: str = ""
    bold: bool = False
    extra: dict[int, str] = field(default_factory=dict)  # per-cell tooltips


class DashboardCard(QGroupBox):
    """A titled list of what to do; the title ends with the number of lines."""

    activated = Signal(str)

    def __init__(self, key: str, title: str, headers: Sequence[str], stretch: int = 0,
                 parent: QWidget | None = None) -> None:
        """`title` is a translated template with {0} for the count; `stretch` is the
        column that takes the spare width (the others fit their contents)."""
        super().__init__(parent)
        self.setObjectName(f"card_{key}")
        self._title = title
        self._count = 0
        self.note = QLabel()
        self.note.setObjectName(f"note_{key}")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.tree = self._make_tree(key, headers, stretch)
        self.empty = QLabel()
        self.empty.setObjectName(f"empty_{key}")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(EMPTY_STYLE)
        bold_title(self, self.note, self.tree, self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(3)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        self.set_loading()

    def _make_tree(self, key: str, headers: Sequence[str], stretch: int) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName(f"list_{key}")
        tree.setHeaderLabels(list(headers))
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setAllColumnsShowFocus(True)
        header = tree.header()
        header.setStretchLastSection(False)
        for column in range(len(headers)):
            mode = (QHeaderView.ResizeMode.Stretch if column == stretch
                    else QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(column, mode)
        # itemActivated covers both double-click and Enter, whatever the platform style.
        tree.itemActivated.connect(self._activated)
        return tree

    @property
    def count(self) -> int:
        """How many lines the card lists (the number in its title)."""
        return self._count

    def set_loading(self) -> None:
        """Before the first load: say so rather than show an empty list."""
        self.setTitle(self._title.format("…"))
        self.empty.setText(self.tr("Loading…"))
        self.tree.setVisible(False)
        self.empty.setVisible(True)

    def set_note(self, text: str, alert: bool = False) -> None:
        """A line above the list (the quarter and deadline of the evaluations…)."""
        self.note.setText(text)
        self.note.setStyleSheet(ALERT_NOTE_STYLE if alert else NOTE_STYLE)
        self.note.setVisible(bool(text))

    def set_rows(self, rows: Sequence[CardRow]) -> None:
        """Replace the lines; the title's count follows."""
        self._count = len(rows)
        self.setTitle(self._title.format(len(rows)))
        self.tree.clear()
        self.tree.addTopLevelItems([self._item(row) for row in rows])
        self.empty.setText(self.tr("✓ Nothing to do"))
        self.tree.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def _item(self, row: CardRow) -> QTreeWidgetItem:
        item = QTreeWidgetItem(list(row.cells))
        item.setData(0, KEY_ROLE, row.key)
        for column in range(len(row.cells)):
            tip = row.extra.get(column, row.tooltip)
            if tip:
                item.setToolTip(column, tip)
            if column in row.alert:
                item.setForeground(column, QBrush(ALERT_COLOUR))
            if row.bold:
                font = item.font(column)
                font.setBold(True)
                item.setFont(column, font)
        return item

    def row_keys(self) -> list[str]:
        """The keys of the lines, top to bottom."""
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item.data(0, KEY_ROLE) for item in items if item is not None]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.activated.emit(item.data(0, KEY_ROLE))
