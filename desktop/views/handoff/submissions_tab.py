"""Submissions per period, for the province or district: which units sent their data for a
reporting period, when, signed with which key — and, highlighted, who has not.

The period is chosen as on the Reports screen (`PeriodPicker`, the home unit's
convention); the figures come from `services.submissions`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_date, format_datetime
from desktop.services.errors import ValidationError
from desktop.services.submissions import SubmissionRow, Submissions, submissions
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.forms import WrappedLabel
from desktop.views.handoff.common import (
    MISSING_BACKGROUND,
    MISSING_FOREGROUND,
    StatusLine,
    cell,
    kind_label,
    read_only_table,
)
from desktop.views.reports.period_picker import PeriodPicker

SHORT_GROUPS = 4


class SubmissionsTab(QWidget):
    """A period above; one row per unit below, the missing ones first and in red."""

    reports_requested = Signal()  # "Consolidated report…": the Reports screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: Submissions | None = None
        self.status = StatusLine()
        intro = WrappedLabel("submissions_intro")
        intro.setText(self.tr(
            "Which units sent their data for a reporting period. A package counts for the "
            "period chosen when it was written (or, if none was, the period it was written "
            "in). Every unit registered here — by its key card or a first package — is "
            "expected; those that sent nothing are listed first, in red."))
        unit = ctx.unit
        self.picker = PeriodPicker(unit.period_convention, unit.year_start_month, ctx.today())
        self.picker.set_kinds(("month", "quarter", "half", "year", "custom"))
        self.picker.kind.setCurrentIndex(self.picker.kind.findData("quarter"))
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("show_submissions")
        self.show_button.clicked.connect(self.load)
        self.report_button = QPushButton(self.tr("Consolidated report…"))
        self.report_button.setObjectName("consolidated_report")
        self.report_button.setToolTip(self.tr(
            "The Reports screen offers the consolidated forms once other units' data has "
            "been imported."))
        self.report_button.clicked.connect(self.reports_requested)
        choose = QHBoxLayout()
        choose.addWidget(self.picker)
        choose.addWidget(self.show_button)
        choose.addStretch(1)
        choose.addWidget(self.report_button)
        box = QGroupBox(self.tr("Period"))
        box.setLayout(choose)
        self.summary = WrappedLabel("submissions_summary", "font-weight: bold;")
        self.table = read_only_table([
            self.tr("Code"), self.tr("Unit"), self.tr("Received"), self.tr("Kind"),
            self.tr("Written on"), self.tr("Imported on"), self.tr("Signature"),
            self.tr("Key fingerprint")], "submissions", stretch=1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def set_convention(self, convention: str, year_start_month: int) -> None:
        self.picker.set_convention(convention, year_start_month)

    def load(self) -> None:
        """Show the submissions of the chosen period."""
        try:
            code = self.picker.period_code()
            found = submissions(self.ctx.db, self.ctx.actor, code)
        except ValidationError as exc:
            self.status.show_message(exc.message, error=True)
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.status.show_message("")
        self.show_submissions(found)

    def show_submissions(self, found: Submissions) -> None:
        self.shown = found
        p = found.period
        when = f"{p.label_vi} ({format_date(p.start)} – {format_date(p.end)})"
        if not found.rows:
            self.summary.setText(self.tr(
                "{0}: no other unit is registered on this computer yet. Import the key cards "
                "of the units that report here under “Units and keys”.").format(when))
        else:
            self.summary.setText(self.tr("{0}: {1} of {2} units sent their data; {3} missing.")
                                 .format(when, found.received, len(found.rows), found.missing))
        self.table.setRowCount(len(found.rows))
        for row, item in enumerate(found.rows):
            for column, widget in enumerate(self._cells(item)):
                self.table.setItem(row, column, widget)

    def _signature(self, item: SubmissionRow) -> str:
        texts = {
            "verified": self.tr("valid"),
            "key_replaced": self.tr("valid; key replaced since"),
            "key_forgotten": self.tr("valid; key no longer registered"),
            "none": "",
        }
        return texts[item.signature]

    def _short(self, fingerprint: str) -> str:
        # The first groups tell keys apart at a glance; the tooltip and "Units and keys"
        # show all of it for comparing by phone.
        groups = fingerprint.split()
        return " ".join(groups[:SHORT_GROUPS]) + (" …" if len(groups) > SHORT_GROUPS else "")

    def _cells(self, item: SubmissionRow) -> list[QTableWidgetItem]:
        package = item.package
        background = MISSING_BACKGROUND if item.missing else None
        if package is None:
            fingerprint = item.registered_fingerprint_display or ""
            values = [item.unit_code, item.unit_name, self.tr("nothing received"), "", "", "",
                      "", self._short(fingerprint) if fingerprint
                      else self.tr("not registered")]
        else:
            received = self.tr("yes ({0} packages)").format(item.packages_in_period) \
                if item.packages_in_period > 1 else self.tr("yes")
            values = [item.unit_code, item.unit_name, received, kind_label(package.kind),
                      format_datetime(package.created_at),
                      format_datetime(package.imported_at), self._signature(item),
                      self._short(package.fingerprint_display)]
            fingerprint = package.fingerprint_display
        tips = {1: item.unit_name, 7: fingerprint}
        if package is not None:
            tips[2] = self.tr("Package {0}, file {1}").format(package.package_id,
                                                              package.file_name)
        return [cell(text, background=background, bold=item.missing and column == 2,
                     foreground=MISSING_FOREGROUND if item.missing and column == 2 else None,
                     tooltip=tips.get(column, "")) for column, text in enumerate(values)]
