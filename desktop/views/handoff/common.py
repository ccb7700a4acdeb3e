"""What the exchange screens share: names of tables and package kinds, read-only tables,
the status line under a tab, and the output folder they start in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from desktop.views.forms import ERROR_STYLE, WrappedLabel
from desktop.views.tables import emphasise
from desktop.views.tables import read_only_table as read_only_table  # the screens import it here

HEADING_STYLE = "font-size: 16pt; font-weight: bold;"
SUCCESS_STYLE = "color: #1b5e20;"
WARNING_STYLE = "color: #8a4b00;"
PLAIN_WARNING_STYLE = "color: #b00020; font-weight: bold;"
FINGERPRINT_STYLE = "font-family: monospace; font-size: 13pt; font-weight: bold;"
MISSING_BACKGROUND = QColor("#fdecea")
DIFFERS_BACKGROUND = QColor("#fff3c4")
MISSING_FOREGROUND = QColor("#b00020")


def table_label(table: str) -> str:
    """A package table in words ("persons" → "People")."""
    labels = {
        "units": QCoreApplication.translate("Exchange", "Units"),
        "persons": QCoreApplication.translate("Exchange", "People"),
        "judgments": QCoreApplication.translate("Exchange", "Judgments"),
        "status_changes": QCoreApplication.translate("Exchange", "Status changes"),
        "team_members": QCoreApplication.translate("Exchange", "Support team members"),
        "contacts": QCoreApplication.translate("Exchange", "Contacts"),
        "excused_weeks": QCoreApplication.translate("Exchange", "Excused weeks"),
        "evaluations": QCoreApplication.translate("Exchange", "Evaluations"),
        "supports": QCoreApplication.translate("Exchange", "Support given"),
        "violations": QCoreApplication.translate("Exchange", "Violations"),
        "models": QCoreApplication.translate("Exchange", "Community models"),
        "reports": QCoreApplication.translate("Exchange", "Reports"),
        "adjustments": QCoreApplication.translate("Exchange", "Report adjustments"),
        "audit": QCoreApplication.translate("Exchange", "Audit trail"),
        "receipts": QCoreApplication.translate("Exchange", "Receipts"),
    }
    return labels.get(table, table)


def kind_label(kind: str) -> str:
    """A package kind in words."""
    labels = {
        "full": QCoreApplication.translate("Exchange", "full"),
        "changes": QCoreApplication.translate("Exchange", "changes"),
        "transfer": QCoreApplication.translate("Exchange", "transfer of a person"),
        "receipt": QCoreApplication.translate("Exchange", "receipt"),
    }
    return labels.get(kind, kind)


def cell(text: str, *, number: bool = False, bold: bool = False,
         background: QColor | None = None, foreground: QColor | None = None,
         tooltip: str = "") -> QTableWidgetItem:
    """One cell; numbers right-aligned."""
    item = QTableWidgetItem(text)
    align = Qt.AlignmentFlag.AlignRight if number else Qt.AlignmentFlag.AlignLeft
    item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    emphasise(item, bold=bold, background=background, foreground=foreground)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def row_texts(table: QTableWidget, row: int) -> list[str]:
    """The texts of one row (tests and copy-paste read them)."""
    texts = []
    for column in range(table.columnCount()):
        item = table.item(row, column)
        texts.append(item.text() if item is not None else "")
    return texts


class StatusLine(WrappedLabel):
    """The line under a tab saying what just happened, or why it could not."""

    def __init__(self, object_name: str = "status") -> None:
        super().__init__(object_name)

    def show_message(self, text: str, error: bool = False) -> None:
        self.setStyleSheet(ERROR_STYLE if error else SUCCESS_STYLE)
        self.setText(text)
