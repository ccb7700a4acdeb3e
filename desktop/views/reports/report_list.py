"""The reports already produced: form, period, unit, revision, who made them and when,
and whether they are signed (a signed report locks its period)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop.formatting import format_date, format_datetime
from desktop.services.locking import ReportRecordInfo

SIGNED_COLOUR = QColor("#1b5e20")


def signature_text(info: ReportRecordInfo) -> str:
    """"đã ký (name, time)" or "chưa ký", as the list and the page's summary say it."""
    if not info.signed:
        return QCoreApplication.translate("ReportList", "not signed")
    return QCoreApplication.translate("ReportList", "signed ({0}, {1})").format(
        info.signer or "", format_datetime(info.signed_at))


class ReportList(QTableWidget):
    """One row per stored report, latest period first; `selected` follows the current row."""

    selected = Signal(object)  # ReportRecordInfo | None

    def __init__(self) -> None:
        super().__init__(0, 7)
        self.setObjectName("reports")
        self.setHorizontalHeaderLabels([
            self.tr("Form"), self.tr("Period"), self.tr("Unit"), self.tr("Revision"),
            self.tr("Produced by"), self.tr("Produced at"), self.tr("Signature")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setMinimumHeight(5 * (self.fontMetrics().height() + 8))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.reports: list[ReportRecordInfo] = []
        self.itemSelectionChanged.connect(self._selection_changed)

    def set_reports(self, reports: list[ReportRecordInfo], keep: str | None = None) -> None:
        """Show `reports`; select the one with id `keep` (else the current one) if listed."""
        current = self.current()
        keep = keep or (current.id if current is not None else None)
        self.blockSignals(True)
        self.reports = list(reports)
        self.setRowCount(len(self.reports))
        for row, info in enumerate(self.reports):
            self._fill(row, info)
        self.blockSignals(False)
        self.select(keep)

    def _fill(self, row: int, info: ReportRecordInfo) -> None:
        period = info.period
        values = [info.form, period.label_vi, info.unit_code, str(info.revision),
                  info.produced_by, format_datetime(info.produced_at), signature_text(info)]
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            if column == 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, column, item)
        dates = f"{format_date(period.start)} – {format_date(period.end)}"
        items = [self.item(row, c) for c in (1, 6)]
        if items[0] is not None:
            items[0].setToolTip(dates)
        if info.signed and items[1] is not None:
            items[1].setForeground(SIGNED_COLOUR)

    def current(self) -> ReportRecordInfo | None:
        """The selected report, if any."""
        rows = self.selectionModel().selectedRows()
        return self.reports[rows[0].row()] if rows else None

    def select(self, report_id: str | None) -> None:
        """Select the report with this id (or nothing) and announce it."""
        rows = [r for r, info in enumerate(self.reports) if info.id == report_id]
        self.blockSignals(True)
        if rows:
            self.selectRow(rows[0])
        else:
            self.clearSelection()
        self.blockSignals(False)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.selected.emit(self.current())
