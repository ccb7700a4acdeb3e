"""What can be done with the report selected in the list: sign it (leaders), open its file
to print, copy its PDF and XLSX to a USB stick. The box also says which report it is, whether
it is signed and which of its files are in the folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import reporting
from desktop.services.access import Action
from desktop.services.locking import ReportRecordInfo
from desktop.services.reporting import ReportFiles
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.forms import WrappedLabel
from desktop.views.reports.report_list import signature_text
from desktop.views.reports.sign_dialog import SignDialog
from desktop.views.worker import run_job


class ReportActions(QGroupBox):
    """Sign…, Open and Copy to USB… for one stored report; `show_report` selects it."""

    signed = Signal(object)  # SignedReport
    status = Signal(str, bool)  # message, is it an error

    def __init__(self, ctx: AppContext, folder_of: Callable[[str], Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("3. Sign, print, hand on"))
        self.ctx, self.folder_of = ctx, folder_of
        self.current: ReportRecordInfo | None = None
        self.sign_dialog: SignDialog | None = None
        self.summary = WrappedLabel("summary", "")
        self.sign_button = QPushButton(self.tr("&Sign…"))
        self.sign_button.setObjectName("sign")
        self.sign_button.setVisible(ctx.may(Action.SIGN_REPORTS))
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("open")
        self.open_button.setToolTip(self.tr("Open the file to read or print it"))
        self.open_button.clicked.connect(self.open_file)
        self.copy_button = QPushButton(self.tr("Copy to &USB…"))
        self.copy_button.setObjectName("copy")
        self.copy_button.clicked.connect(self.copy_to_usb)
        buttons = QHBoxLayout()
        for button in (self.sign_button, self.open_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addLayout(buttons)
        self.show_report(None)

    def files(self, info: ReportRecordInfo) -> ReportFiles:
        """Where the report's files are (or would be written)."""
        return reporting.report_files(info, self.folder_of(info.id))

    def present(self) -> list[Path]:
        """The selected report's files on disk: the signed PDF (else the PDF), the XLSX."""
        if self.current is None:
            return []
        files = self.files(self.current)
        pdf = files.signed_pdf if files.signed_pdf.exists() else files.pdf
        return [p for p in (pdf, files.xlsx) if p.exists()]

    def show_report(self, info: ReportRecordInfo | None) -> None:
        """Describe the report and enable what can be done with it."""
        self.current = info
        present = self.present()
        self.sign_button.setEnabled(info is not None and not info.signed)
        self.open_button.setEnabled(bool(present))
        self.copy_button.setEnabled(bool(present))
        if info is None:
            self.summary.setText(self.tr("Produce a report, or select one in the list below."))
            return
        text = self.tr("{0}, {1}, revision {2}: {3}.").format(
            info.form, info.period.label_vi, info.revision, signature_text(info))
        if present:
            text += "\n" + self.tr("Files: {0}").format(", ".join(p.name for p in present))
        else:
            text += "\n" + self.tr("No file of this report in {0}.").format(
                self.files(info).pdf.parent)
        self.summary.setText(text)

    def open_sign_dialog(self) -> None:
        """Ask for the key and its password, then sign the selected report."""
        info = self.current
        if info is None or info.signed:
            return
        has_certificate = reporting.has_unit_certificate(self.ctx.db)
        dialog = SignDialog(self.ctx, info, self.files(info).pdf, has_certificate, self)
        dialog.accepted.connect(lambda: self.signed.emit(dialog.result_value))
        self.sign_dialog = dialog
        dialog.open()

    def open_file(self) -> None:
        """Open the report's PDF (the signed one if any) in the system viewer, to print."""
        present = self.present()
        if not present:
            QMessageBox.information(self, self.tr("Open"), self.summary.text())
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(present[0])))

    def copy_to_usb(self) -> None:
        """Copy the report's PDF and XLSX into a folder the user chooses (a USB stick)."""
        present = self.present()
        if not present:
            return
        target = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the USB stick or folder to copy to"))
        if target:
            self.copy_into(present, Path(target))

    def copy_into(self, files: list[Path], target: Path) -> None:
        """Copy on a worker thread; the status line says where the copies are."""
        run_job(self, lambda _progress: reporting.copy_files(files, target),
                lambda copies: self.status.emit(self.tr("Copied {0} files to {1}.").format(
                    len(copies), target), False),
                lambda exc: show_error(self, exc), title=self.tr("Copying…"))

