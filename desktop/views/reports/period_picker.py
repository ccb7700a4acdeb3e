"""Choosing a reporting period: its kind, the year and which month, quarter or half — or a
custom range between two dates — with the dates it resolves to in the unit's convention.

The picker only builds the period's code ("2026-Q3", "2021-03-22..2025-10-31"); what the
code means is the rules' business (`services.reporting.resolve_period`), so the dates
shown here are the dates the report will use.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktop.formatting import format_date
from desktop.rules.periods import Period, PeriodKind
from desktop.services import reporting
from desktop.services.errors import ValidationError
from desktop.views.forms import ERROR_STYLE, HINT_STYLE, DateEdit

_ROMAN = ("I", "II", "III", "IV")


class PeriodPicker(QWidget):
    """Kind, year and index (or two dates); `period_code()` is what the engine reads."""

    changed = Signal()

    def __init__(self, convention: str, year_start_month: int, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.convention, self.year_start_month, self.today = convention, year_start_month, today
        self.kind = QComboBox()
        self.kind.setObjectName("period_kind")
        self.year = QSpinBox()
        self.year.setObjectName("period_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.index = QComboBox()
        self.index.setObjectName("period_index")
        self.index.setMinimumContentsLength(14)
        self.start = DateEdit(date(today.year, 1, 1))
        self.start.setObjectName("period_start")
        self.end = DateEdit(today)
        self.end.setObjectName("period_end")
        self.dates = QLabel()
        self.dates.setObjectName("period_dates")
        self.dates.setWordWrap(True)
        self._build()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.year.valueChanged, self.index.currentIndexChanged,
                       self.start.dateChanged, self.end.dateChanged):
            signal.connect(self._update)

    def _build(self) -> None:
        self.to_label = QLabel(self.tr("to"))
        block, dates = QHBoxLayout(), QHBoxLayout()
        parts: list[tuple[QHBoxLayout, QWidget]] = [
            (block, self.kind), (block, self.year), (block, self.index),
            (dates, self.start), (dates, self.to_label), (dates, self.end)]
        for row, widget in parts:
            row.addWidget(widget)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for line in (block, dates):
            line.addStretch(1)
            line.setContentsMargins(0, 0, 0, 0)
            column.addLayout(line)
        column.addWidget(self.dates)

    def _kind_names(self) -> dict[str, str]:
        return {"month": self.tr("Month"), "quarter": self.tr("Quarter"),
                "half": self.tr("6 months"), "year": self.tr("Year"),
                "custom": self.tr("From a date to a date")}

    def set_kinds(self, kinds: Sequence[PeriodKind]) -> None:
        """Offer the kinds a form takes, keeping the current one when it still fits."""
        current = self.kind.currentData()
        names = self._kind_names()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in kinds:
            self.kind.addItem(names[kind], kind)
        found = self.kind.findData(current)
        self.kind.setCurrentIndex(max(found, 0))
        self.kind.blockSignals(False)
        if found < 0:  # a new kind: start on the period containing today
            self._kind_changed()
        else:  # the same kind (another form, or a refresh): keep what the user chose
            self._update()

    def set_convention(self, convention: str, year_start_month: int) -> None:
        """The unit's settings changed: resolve the same choice again."""
        self.convention, self.year_start_month = convention, year_start_month
        self._update()

    def _indices(self, kind: PeriodKind) -> list[str]:
        if kind == "month":
            return [self.tr("Month {0}").format(m) for m in range(1, 13)]
        if kind == "quarter":
            return [self.tr("Quarter {0}").format(r) for r in _ROMAN]
        if kind == "half":
            return [self.tr("First half"), self.tr("Second half")]
        return []

    def _kind_changed(self) -> None:
        kind: PeriodKind = self.kind.currentData() or "quarter"
        custom = kind == "custom"
        for dated in (self.start, self.to_label, self.end):
            dated.setVisible(custom)
        self.year.setVisible(not custom)
        names = self._indices(kind)
        self.index.setVisible(bool(names))
        for widget in (self.year, self.index):
            widget.blockSignals(True)
        self.index.clear()
        self.index.addItems(names)
        if not custom:  # start on the period that contains today
            current = reporting.current_period(kind, self.today, self.convention,
                                               self.year_start_month)
            self.year.setValue(int(current.code[:4]))
            if names:
                self.index.setCurrentIndex(int(current.code[6:]) - 1)
        for widget in (self.year, self.index):
            widget.blockSignals(False)
        self._update()

    def select(self, kind: PeriodKind, year: int, index: int = 1) -> None:
        """Choose a period directly (the dashboard's "reports due", tests)."""
        found = self.kind.findData(kind)
        if found >= 0:
            self.kind.setCurrentIndex(found)
        self.year.setValue(year)
        if self.index.count():
            self.index.setCurrentIndex(index - 1)

    def select_range(self, start: date, end: date) -> None:
        """Choose a custom range (when the form takes one)."""
        self.select("custom", start.year)
        self.start.set_date(start)
        self.end.set_date(end)

    def period_code(self) -> str:
        """The chosen period as the engine writes it; ValidationError when it is not valid
        in the unit's convention (an end before the start, a year out of range)."""
        kind: PeriodKind = self.kind.currentData() or "quarter"
        code = reporting.period_text(kind, self.year.value(), self.index.currentIndex() + 1,
                                     self.start.date_value(), self.end.date_value())
        reporting.resolve_period(code, self.convention, self.year_start_month)
        return code

    def period(self) -> Period | None:
        """The chosen period's dates in the unit's convention; None when it is invalid."""
        try:
            return reporting.resolve_period(self.period_code(), self.convention,
                                            self.year_start_month)
        except ValidationError:
            return None

    def _update(self) -> None:
        try:
            period = reporting.resolve_period(self.period_code(), self.convention,
                                              self.year_start_month)
        except ValidationError as exc:
            self.dates.setStyleSheet(ERROR_STYLE)
            self.dates.setText(exc.message)
        else:
            self.dates.setStyleSheet(HINT_STYLE)
            self.dates.setText(f"{format_date(period.start)} – {format_date(period.end)}"
                               f"  ({self._convention_note()})")
        self.changed.emit()

    def _convention_note(self) -> str:
        if self.convention == "calendar":
            return self.tr("calendar months")
        return self.tr("figures closed on the 14th, Decree 09/2019")
