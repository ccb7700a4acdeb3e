"""Checking the digital signature of a PDF received from another office (REPORTS.md §5).

One line says what the user needs to know — valid, altered, unknown signer or not signed —
in the colour of the answer; below it the signer, the certificate, the signing time as the
signer's computer claimed it, whether the signature covers the whole file, and every
problem found. The check runs on a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_datetime
from desktop.services import reporting
from desktop.services.errors import ServiceError
from desktop.services.reporting import VerificationResult
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.forms import WrappedLabel
from desktop.views.worker import run_job

STATUS_COLOURS = {"valid": "#1b5e20", "unknown": "#8a4b00", "altered": "#b00020",
                  "unsigned": "#555555"}


def status_of(result: VerificationResult) -> str:
    """valid / unknown / altered / unsigned: which answer the headline gives."""
    if not result.signed:
        return "unsigned"
    if not result.valid:
        return "altered"
    return "unknown" if result.known_signer is False else "valid"


def grouped(fingerprint: str, size: int = 8) -> str:
    """64 hex digits in groups, so the line can wrap and two fingerprints can be compared."""
    return " ".join(fingerprint[i:i + size] for i in range(0, len(fingerprint), size))


class VerifyDialog(QDialog):
    """Choose a PDF; see whether its signature holds and who made it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verify_dialog")
        self.setWindowTitle(self.tr("Verify a signed PDF"))
        self.setMinimumWidth(640)
        self.ctx = ctx
        self.verification: VerificationResult | None = None
        self.file_label = WrappedLabel("file")
        self.file_label.setText(self.tr(
            "Choose the PDF file you received to check its digital signature."))
        self.choose = QPushButton(self.tr("&Choose a PDF…"))
        self.choose.setObjectName("choose")
        self.choose.clicked.connect(self._choose)
        self.headline = WrappedLabel("headline", "font-size: 13pt; font-weight: bold;")
        self.details = QFormLayout()
        self.values: dict[str, QLabel] = {}
        self.problems = WrappedLabel("problems", "color: #b00020;")
        self._layout()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignTop)
        for key, title in (("signer", self.tr("Signer")),
                           ("certificate", self.tr("Certificate")),
                           ("time", self.tr("Signed at (signer's clock)")),
                           ("whole", self.tr("Covers the whole file")),
                           ("known", self.tr("Known signer")),
                           ("fingerprint", self.tr("Fingerprint (SHA-256)"))):
            value = WrappedLabel(key, "")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.details.addRow(title, value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addLayout(self.details)
        layout.addWidget(self.problems)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._show_details(None)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a signed PDF"), "",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.verify(Path(path))

    def verify(self, path: Path) -> None:
        """Check `path` on a worker thread and show the answer."""
        self.verification = None
        self.file_label.setText(self.tr("File: {0}").format(path))
        self.headline.setStyleSheet("font-size: 13pt; font-weight: bold; color: #555555;")
        self.headline.setText(self.tr("Checking the signature…"))
        self._show_details(None)
        db = self.ctx.db
        run_job(self, lambda _progress: reporting.verify_file(db, path), self._verified,
                self._failed)

    def _verified(self, result: VerificationResult) -> None:
        self.verification = result
        status = status_of(result)
        headlines = {
            "valid": self.tr("Valid: the signature is intact and covers the whole file."),
            "unknown": self.tr("Unknown signer: the file is intact, but the signer is not "
                               "among the signers this office knows."),
            "altered": self.tr("Altered: the file was changed after it was signed. Do not "
                               "rely on its contents."),
            "unsigned": self.tr("Not signed: the file has no digital signature."),
        }
        self._headline(headlines[status], STATUS_COLOURS[status])
        self._show_details(result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError):
            self._headline(exc.message, STATUS_COLOURS["altered"])
        else:
            show_error(self, exc)

    def _headline(self, text: str, colour: str) -> None:
        self.headline.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {colour};")
        self.headline.setText(text)

    def _yes_no(self, value: bool | None) -> str:
        if value is None:
            return self.tr("not checked")
        return self.tr("yes") if value else self.tr("no")

    def _show_details(self, result: VerificationResult | None) -> None:
        signed = result is not None and result.signed
        for label in self.values.values():
            self.details.setRowVisible(label, signed)
        self.problems.setVisible(result is not None and bool(result.problems))
        if result is None or not signed:
            self.problems.setText("\n".join(result.problems) if result else "")
            return
        cert = result.certificate
        issuer = self.tr("self-issued") if cert is None or cert.self_signed \
            else self.tr("issued by {0}").format(cert.issuer_common_name)
        self.values["signer"].setText(result.signer_name)
        self.values["certificate"].setText(
            f"{cert.common_name} — {cert.organisation} ({issuer})" if cert else "")
        self.values["time"].setText(format_datetime(result.signing_time))
        self.values["whole"].setText(self._yes_no(result.covers_whole_file))
        self.values["known"].setText(self._yes_no(result.known_signer))
        self.values["fingerprint"].setText(grouped(result.signer_fingerprint))
        self.problems.setText("\n".join(f"• {p}" for p in result.problems))
