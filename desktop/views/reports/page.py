"""The Reports screen (SPEC §5.5): choose form and period → preview the figures → write the
PDF and XLSX → sign → open for printing or copy to a USB stick; verify a received PDF.

Figures, files and signatures come from `services.reporting`; every computation, rendering,
signature and copy runs on a worker thread (`run_job`). The list at the bottom holds every
stored report; the one selected there is what Sign, Open and Copy act on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_date
from desktop.services import reporting
from desktop.services.errors import ValidationError
from desktop.services.reporting import FormChoice, ProducedReport, ReportPreview, SignedReport
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.forms import ERROR_STYLE, WrappedLabel
from desktop.views.navigation import Navigator
from desktop.views.reports.actions import ReportActions
from desktop.views.reports.figures_table import FiguresTable
from desktop.views.reports.period_picker import PeriodPicker
from desktop.views.reports.report_list import ReportList
from desktop.views.reports.verify_dialog import VerifyDialog
from desktop.views.worker import run_job

HEADING_STYLE = "font-size: 16pt; font-weight: bold;"
SUCCESS_STYLE = "color: #1b5e20;"
STALE_STYLE = "color: #8a4b00;"
PANEL_WIDTH = 430
ALL_UNITS = "all"


def default_output_dir() -> Path:
    """Documents/HoaNhap: where an officer looks for what the app wrote."""
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "HoaNhap"


class ReportsPage(QWidget):
    """Produce, sign and hand on the unit's statistical reports."""

    previewed = Signal()  # the figure table shows a new preview
    produced = Signal()  # files were written (or signed)

    def __init__(self, ctx: AppContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports_page")
        self.ctx, self.nav = ctx, nav
        self.forms: list[FormChoice] = []
        self.preview_data: ReportPreview | None = None
        self.last_produced: ProducedReport | None = None
        self.out_dir = default_output_dir()
        self._folders: dict[str, Path] = {}  # where this session wrote each report's files
        self.verify_dialog: VerifyDialog | None = None
        self._build()
        self.refresh()

    # layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        top = QSplitter(Qt.Orientation.Horizontal)
        top.setChildrenCollapsible(False)
        top.addWidget(self._panel())
        top.addWidget(self._figures_box())
        top.setStretchFactor(1, 1)
        top.setSizes([PANEL_WIDTH, 10 * PANEL_WIDTH])  # the figures get what is left
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(self._list_box())
        split.setStretchFactor(0, 1)
        split.setSizes([560, 190])
        self.status = WrappedLabel("status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 4)
        layout.addLayout(self._header())
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def _header(self) -> QHBoxLayout:
        heading = QLabel(self.tr("Reports"))
        heading.setStyleSheet(HEADING_STYLE)
        self.verify_button = QPushButton(self.tr("&Verify a PDF…"))
        self.verify_button.setObjectName("verify")
        self.verify_button.setToolTip(self.tr(
            "Check the digital signature of a report received from another office"))
        self.verify_button.clicked.connect(self.open_verify_dialog)
        row = QHBoxLayout()
        row.addWidget(heading)
        row.addStretch(1)
        row.addWidget(self.verify_button)
        return row

    def _panel(self) -> QWidget:
        panel = QWidget()
        panel.setMinimumWidth(PANEL_WIDTH)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(self._choice_box())
        column.addWidget(self._files_box())
        self.selection = ReportActions(self.ctx, lambda report_id: self._folders.get(
            report_id, self.out_dir))
        self.selection.signed.connect(self._signed)
        self.selection.status.connect(self.show_status)
        column.addWidget(self.selection)
        column.addStretch(1)
        return panel

    def _choice_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("1. Choose the report"))
        self.form_combo = QComboBox()
        self.form_combo.setObjectName("form")
        self.form_combo.setMinimumContentsLength(24)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unit")
        self.unit_combo.setMinimumContentsLength(24)
        unit = self.ctx.unit
        self.picker = PeriodPicker(unit.period_convention, unit.year_start_month,
                                   self.ctx.today())
        self.preview_button = QPushButton(self.tr("&Preview the figures"))
        self.preview_button.setObjectName("preview")
        self.preview_button.clicked.connect(self.run_preview)
        form = QFormLayout(box)
        form.addRow(self.tr("&Form"), self.form_combo)
        form.addRow(self.tr("&Unit"), self.unit_combo)
        form.addRow(self.tr("Period"), self.picker)
        form.addRow("", self.preview_button)
        self.form_combo.currentIndexChanged.connect(self._form_changed)
        for signal in (self.form_combo.currentIndexChanged,
                       self.unit_combo.currentIndexChanged, self.picker.changed):
            signal.connect(self._choice_changed)
        return box

    def _files_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("2. Write the files"))
        self.folder = QLineEdit(str(self.out_dir))
        self.folder.setObjectName("folder")
        self.folder.setReadOnly(True)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.want_pdf = QCheckBox(self.tr("PDF (to print and sign)"))
        self.want_xlsx = QCheckBox(self.tr("XLSX (for the next level)"))
        for check in (self.want_pdf, self.want_xlsx):
            check.setChecked(True)
        self.produce_button = QPushButton(self.tr("P&roduce the report"))
        self.produce_button.setObjectName("produce")
        self.produce_button.clicked.connect(self.run_produce)
        form = QFormLayout(box)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Files"), self.want_pdf)
        form.addRow("", self.want_xlsx)
        form.addRow("", self.produce_button)
        return box

    def _figures_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Figures"))
        self.caption = WrappedLabel("caption", "font-weight: bold;")
        self.caption.setText(self.tr(
            "Choose a form and a period, then press “Preview the figures”."))
        self.stale = WrappedLabel("stale", STALE_STYLE)
        self.stale.setText(self.tr(
            "These figures are for an earlier choice: press “Preview the figures” again."))
        self.stale.hide()
        self.table = FiguresTable()
        column = QVBoxLayout(box)
        column.addWidget(self.caption)
        column.addWidget(self.stale)
        column.addWidget(self.table, 1)
        return box

    def _list_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reports produced"))
        self.list = ReportList()
        self.list.selected.connect(lambda info: self.selection.show_report(info))
        column = QVBoxLayout(box)
        column.addWidget(self.list)
        return box

    # loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the forms offered (units may have been imported) and the report list."""
        try:
            self.forms = reporting.available_forms(self.ctx.db, self.ctx.actor)
        except Exception as exc:  # a damaged database: say so rather than show nothing
            show_error(self, exc)
            return
        self.selection.ctx = self.ctx  # the window replaces ctx when the unit is saved
        self.picker.set_convention(self.ctx.unit.period_convention,
                                   self.ctx.unit.year_start_month)
        self._fill_forms()
        self._load_list()

    def _fill_forms(self) -> None:
        current = self.form_combo.currentData()
        self.form_combo.blockSignals(True)
        self.form_combo.clear()
        for choice in self.forms:
            if not choice.consolidated:
                self.form_combo.addItem(choice.label, choice.code)
        self.form_combo.setCurrentIndex(max(self.form_combo.findData(current), 0))
        self.form_combo.blockSignals(False)
        self._form_changed()

    def _form_changed(self) -> None:
        base = self.form_combo.currentData()
        choice = next((f for f in self.forms if f.code == base), None)
        if choice is None:
            return
        consolidated = any(f.consolidated and f.base == choice.base for f in self.forms)
        was_all = self.unit_combo.currentData() == ALL_UNITS
        self.unit_combo.clear()
        self.unit_combo.addItem(self.ctx.unit.name, None)
        if consolidated:
            self.unit_combo.addItem(self.tr("All units held (consolidated report)"), ALL_UNITS)
            self.unit_combo.setCurrentIndex(1 if was_all else 0)
        self.unit_combo.setEnabled(consolidated)
        self.picker.set_kinds(choice.kinds)

    def _load_list(self, keep: str | None = None) -> None:
        try:
            reports = reporting.produced_reports(self.ctx.db, self.ctx.actor)
        except Exception as exc:
            show_error(self, exc)
            return
        self.list.set_reports(reports, keep)

    def chosen_form(self) -> str:
        """The form code the choices stand for: HCD-13, or HCD-13-TH for all units."""
        base = self.form_combo.currentData()
        if self.unit_combo.currentData() == ALL_UNITS:
            return next(f.code for f in self.forms if f.consolidated and f.base == base)
        return str(base)

    def _period_code(self) -> str | None:
        try:
            return self.picker.period_code()
        except ValidationError as exc:
            self.show_status(exc.message, error=True)
            return None

    def show_status(self, text: str, error: bool = False) -> None:
        """A line under the page: what just happened, or why it could not."""
        self.status.setStyleSheet(ERROR_STYLE if error else SUCCESS_STYLE)
        self.status.setText(text)

    # preview ---------------------------------------------------------------------------
    def run_preview(self) -> None:
        """Compute the chosen report's figures (nothing is stored) and show them."""
        period = self._period_code()
        if period is None:
            return
        db, actor, form = self.ctx.db, self.ctx.actor, self.chosen_form()
        self.preview_button.setEnabled(False)
        run_job(self, lambda _progress: reporting.preview(db, actor, form, period),
                self._previewed, self._failed, title=self.tr("Computing the figures…"))

    def _previewed(self, preview: ReportPreview) -> None:
        self.preview_button.setEnabled(True)
        self.preview_data = preview
        unit = preview.unit_name if preview.unit_code else self.tr("all units held")
        period = preview.period
        when = period.label_vi if period.kind == "custom" else \
            f"{period.label_vi} ({format_date(period.start)} – {format_date(period.end)})"
        self.caption.setText(f"{preview.form} · {unit} · {when}")
        self.table.show_preview(preview)
        self._choice_changed()
        self.show_status("")
        self.previewed.emit()

    def _choice_changed(self) -> None:
        """Say so when the table no longer shows the chosen form and period."""
        shown = self.preview_data
        if shown is None:
            return
        try:
            same = (shown.form, shown.period.code) == (self.chosen_form(),
                                                        self.picker.period_code())
        except ValidationError:
            same = False
        self.stale.setVisible(not same)

    def _failed(self, exc: BaseException) -> None:
        for button in (self.preview_button, self.produce_button):
            button.setEnabled(True)
        if isinstance(exc, ValidationError):  # the choice itself: say so beside it
            self.show_status(exc.message, error=True)
        else:
            show_error(self, exc)

    # producing -------------------------------------------------------------------------
    def set_output_folder(self, folder: Path) -> None:
        """Where new files go (Documents/HoaNhap until the user chooses another)."""
        self.out_dir = folder
        self.folder.setText(str(folder))
        self.selection.show_report(self.selection.current)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the output folder"),
                                                  str(self.out_dir))
        if chosen:
            self.set_output_folder(Path(chosen))

    def run_produce(self) -> None:
        """Store the report (a new revision) and write the chosen files from it."""
        period = self._period_code()
        if period is None:
            return
        formats = {f for f, box in (("pdf", self.want_pdf), ("xlsx", self.want_xlsx))
                   if box.isChecked()}
        db, actor, form, folder = self.ctx.db, self.ctx.actor, self.chosen_form(), self.out_dir
        self.produce_button.setEnabled(False)
        run_job(self, lambda progress: reporting.produce(
                    db, actor, form, period, None, folder, formats,
                    progress_cb=progress.report),
                self._produced, self._failed, title=self.tr("Producing the report…"))

    def _produced(self, made: ProducedReport) -> None:
        self.produce_button.setEnabled(True)
        self.last_produced = made
        folder = (made.pdf_path or made.xlsx_path or self.out_dir).parent
        self._folders[made.info.id] = folder
        self._load_list(keep=made.info.id)
        self.show_status(self.tr("Report {0}, {1} (revision {2}) written to {3}.").format(
            made.info.form, made.period_label, made.info.revision, folder))
        self.produced.emit()
        self.nav.data_changed()

    def _signed(self, signed: SignedReport) -> None:
        self._folders[signed.info.id] = signed.path.parent
        self._load_list(keep=signed.info.id)
        self.show_status(self.tr(
            "Signed by {0}. The signed file is {1}; the period is now locked.").format(
            signed.signer_name, signed.path))
        self.produced.emit()
        self.nav.data_changed()


    def open_verify_dialog(self) -> None:
        """Check the signature of a PDF received from elsewhere."""
        self.verify_dialog = VerifyDialog(self.ctx, self)
        self.verify_dialog.open()
