"""Signing a stored report (REPORTS.md §5): with the unit's certificate, an officer's
.p12/.pfx file or a USB token, after a warning that signing locks the period.

The signature is made on a worker thread (`run_job`); the dialog stays open until it is
done, so a wrong password is shown under the password field and nothing typed is lost.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop.formatting import format_date
from desktop.services import reporting
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.locking import ReportRecordInfo
from desktop.services.reporting import SignedReport, SignerChoice
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.forms import FormDialog, WrappedLabel
from desktop.views.worker import run_job

WARNING_STYLE = "color: #8a4b00;"


class PathField(QWidget):
    """A file path typed or chosen with "Browse…"."""

    def __init__(self, caption: str, file_filter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption, self.file_filter = caption, file_filter
        self.edit = QLineEdit()
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        self.setFocusProxy(self.edit)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.caption, self.edit.text(),
                                              self.file_filter)
        if path:
            self.edit.setText(path)

    def text(self) -> str:
        """The path as typed or chosen, without surrounding spaces."""
        return self.edit.text().strip()


class SignDialog(FormDialog):
    """Choose the key, type its password or PIN, sign; `result_value` is the SignedReport."""

    def __init__(self, ctx: AppContext, info: ReportRecordInfo, pdf_path: Path,
                 has_unit_certificate: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sign the report"), parent)
        self.setObjectName("sign_dialog")
        self.ctx, self.info, self.pdf_path = ctx, info, pdf_path
        self.new_certificate = not has_unit_certificate
        self.setMinimumWidth(620)
        self._intro()
        self._build_fields()
        sign = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        sign.setText(self.tr("&Sign"))
        sign.setObjectName("sign")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _intro(self) -> None:
        period = self.info.period
        about = WrappedLabel("about", "font-weight: bold;")
        about.setText(self.tr("{0}, {1} ({2} – {3}), revision {4}.").format(
            self.info.form, period.label_vi, format_date(period.start),
            format_date(period.end), self.info.revision))
        warning = WrappedLabel("lock_warning", WARNING_STYLE)
        warning.setText(self.tr(
            "Signing locks this period for your unit: records dated in it can then only be "
            "changed with a reason, and this report can no longer be produced again."))
        layout = self.layout()
        assert layout is not None
        layout.insertWidget(0, about)  # type: ignore[attr-defined]
        layout.insertWidget(1, warning)  # type: ignore[attr-defined]

    def _build_fields(self) -> None:
        self.kind = QComboBox()
        self.kind.addItem(self.tr("The unit's certificate"), "unit")
        self.kind.addItem(self.tr("A certificate file (.p12, .pfx)"), "p12")
        self.kind.addItem(self.tr("A USB token (PKCS#11)"), "token")
        self.add_field("signer_kind", self.tr("Sign &with"), self.kind)
        self.p12 = PathField(self.tr("Choose the certificate file"),
                             self.tr("Certificates (*.p12 *.pfx)"))
        self.add_field("p12_path", self.tr("Certificate &file"), self.p12)
        self.token_lib = PathField(self.tr("Choose the token's PKCS#11 library"),
                                   self.tr("Libraries (*.dll *.so *.dylib)"))
        self.add_field("token_lib", self.tr("Token &library"), self.token_lib)
        self.token_label = QLineEdit()
        self.add_field("token_label", self.tr("Token &name"), self.token_label)
        self.key_label = QLineEdit()
        self.add_field("key_label", self.tr("&Key name"), self.key_label)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("secret", self.tr("&Password"), self.secret)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("confirm", self.tr("&Repeat the password"), self.confirm)
        self.new_note = WrappedLabel("new_certificate_note")
        self.new_note.setText(self.tr(
            "Your unit has no certificate yet: one is created now and protected by this "
            "password. Keep the password safe; without it nobody can sign with the unit's "
            "certificate."))
        self.form.addRow("", self.new_note)

    def choice(self) -> SignerChoice:
        """The key the user chose, as the service takes it."""
        kind = self.kind.currentData()
        return SignerChoice(kind, p12_path=Path(self.p12.text()) if self.p12.text() else None,
                            token_lib=self.token_lib.text(),
                            token_label=self.token_label.text().strip(),
                            key_label=self.key_label.text().strip())

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.set_row_visible("p12_path", kind == "p12")
        for name in ("token_lib", "token_label", "key_label"):
            self.set_row_visible(name, kind == "token")
        creating = kind == "unit" and self.new_certificate
        self.set_row_visible("confirm", creating)
        self.form.setRowVisible(self.new_note, creating)
        label = self.form.labelForField(self.row_box("secret"))
        if label is not None:
            label.setText(self.tr("&PIN") if kind == "token" else self.tr("&Password"))  # type: ignore[attr-defined]
        self._relayout()
        self.adjustSize()  # fewer rows shown: no empty band above the buttons

    def submit(self) -> None:
        """Check what can be checked here, then sign on a worker thread."""
        self.clear_errors()
        creating = self.kind.currentData() == "unit" and self.new_certificate
        if creating and self.confirm.text() != self.secret.text():
            self.show_validation(ValidationError(
                "confirm", self.tr("The two passwords are not the same.")))
            return
        ctx, info, choice, secret = self.ctx, self.info, self.choice(), self.secret.text()
        self.buttons.setEnabled(False)
        run_job(self, lambda progress: reporting.sign(
                    ctx.db, ctx.actor, info.id, self.pdf_path, choice, secret,
                    progress_cb=progress.report),
                self._signed, self._failed, title=self.tr("Signing the report…"))

    def _signed(self, signed: SignedReport) -> None:
        self.buttons.setEnabled(True)
        self.result_value = signed
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            # A new unit certificate's password is checked as "password": it is typed here.
            field = "secret" if exc.field == "password" else exc.field
            self.show_validation(ValidationError(field, exc.message))
        elif isinstance(exc, ServiceError):
            self.general_error.setText(exc.message)
            self.general_error.show()
            self._relayout()
        else:
            show_error(self, exc)
