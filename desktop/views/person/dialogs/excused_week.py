"""Excuse one week from contact (working far away, in hospital…): it then counts as covered.

The officer picks any day of the week; the dialog shows at once which ISO week that is and
its Monday–Sunday dates, because week numbers mean little to anyone but the reports.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSizePolicy, QVBoxLayout, QWidget

from desktop.formatting import format_date
from desktop.rules.coverage import iso_week_code, monday_of
from desktop.services import contacts
from desktop.views.context import AppContext
from desktop.views.forms import DateEdit, FormDialog, WrappedLabel
from desktop.views.person.dialogs.common import (
    date_of,
    guard_read_only,
    person_name,
)

# Stored as typed (they are data, not UI text): the reasons officers write most often.
COMMON_REASONS = (
    "Đi làm ăn xa có báo cáo",
    "Nằm viện điều trị",
    "Ốm đau, điều trị tại nhà",
    "Đi học nghề xa địa phương có báo cáo",
    "Việc gia đình đột xuất có báo cáo",
    "Thiên tai, lũ lụt không gặp được",
)


class WeekPicker(QWidget):
    """A date field and, under it, the ISO week it falls in with its Monday and Sunday."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = DateEdit(ctx.today())
        self.day.setObjectName("week_day")
        self.range_label = WrappedLabel("week_range")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.day, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.range_label)
        self.setFocusProxy(self.day)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.day.dateChanged.connect(self._show_range)
        self._show_range()

    def code(self) -> str:
        """The ISO week code ("2026-W48") of the chosen day."""
        return iso_week_code(date_of(self.day))

    def _show_range(self) -> None:
        monday = monday_of(date_of(self.day))
        self.range_label.setText(self.tr("Week {0}: Monday {1} – Sunday {2}").format(
            iso_week_code(monday), format_date(monday),
            format_date(monday + timedelta(days=6))))


class ExcusedWeekDialog(FormDialog):
    """Excuse one ISO week of the person's contact schedule, for a stated reason."""

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.ctx, self.person_id = ctx, person_id
        self.setWindowTitle(self.tr("Week excused from contact – {0}").format(
            person_name(ctx, person_id)))
        self.setMinimumWidth(540)
        self.week = WeekPicker(ctx)
        self.add_field("week", self.tr("&Week (any day in it)"), self.week)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(COMMON_REASONS)
        self.reason.setCurrentIndex(-1)
        self.reason.setMinimumWidth(320)
        line = self.reason.lineEdit()
        assert line is not None, "an editable combo has a line edit"
        line.setPlaceholderText(self.tr("Choose or type the reason"))
        self.add_field("reason", self.tr("&Reason"), self.reason)
        guard_read_only(self, ctx)
        self.week.setFocus()

    def submit(self) -> None:
        """Save the excuse; a future week or one outside the care is refused under Week."""
        ctx, code, reason = self.ctx, self.week.code(), self.reason.currentText()
        why = self.adjustment_reason()
        self.run_service(lambda: contacts.add_excused_week(ctx.db, ctx.actor, self.person_id,
                                                           code, reason, ctx.today(), why))
