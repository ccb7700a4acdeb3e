"""Showing a recovery code once: the first-run wizard's page and a dialog for later codes.

`RecoveryCodeView` shows the code large, offers a PDF sheet to print (the bundle has no
Qt print support; the system's PDF viewer prints it) and asks the user to confirm that
the code is written down; nothing moves on before that. The code is never stored in
clear anywhere: once this screen closes, only the printed sheet holds it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.security.recovery_sheet import recovery_sheet_pdf
from desktop.views.forms import WrappedLabel


class RecoveryCodeView(QWidget):
    """The code, a button to save the printable sheet, and the "written down" box."""

    confirmed_changed = Signal(bool)

    def __init__(self, code: str, unit_name: str, database: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code, self.unit_name, self.database = code, unit_name, database
        explain = WrappedLabel("recovery_explain", "")
        explain.setText(self.tr(
            "The database on this computer is encrypted: without a password, or this "
            "recovery code, nobody can read it — not even with the file copied to another "
            "computer. If every administrator forgets their password, this code is the only "
            "way back in. It is shown only now."))
        self.code_label = QLabel(code)
        self.code_label.setObjectName("recovery_code")
        font = QFont("Courier New")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(18)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setFrameShape(QFrame.Shape.Box)
        self.code_label.setMargin(12)
        keep = WrappedLabel("recovery_keep", "")
        keep.setText(self.tr(
            "Print it or write it on paper and keep it locked away in the office, e.g. in the "
            "safe. Do not photograph it, send it by message or stick it to the computer: "
            "anyone holding the code and a copy of the database can read every record."))
        self.print_button = QPushButton(self.tr("Save a sheet to print (PDF)…"))
        self.print_button.setObjectName("print_recovery")
        self.print_button.clicked.connect(self.save_sheet)
        self.saved = QLabel()
        self.saved.setObjectName("sheet_saved")
        self.saved.setWordWrap(True)
        self.confirm = QCheckBox(self.tr(
            "I have printed or written down the recovery code and will keep it locked away."))
        self.confirm.setObjectName("written_down")
        self.confirm.toggled.connect(self.confirmed_changed)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(explain)
        layout.addSpacing(8)
        layout.addWidget(self.code_label)
        layout.addSpacing(8)
        layout.addWidget(keep)
        layout.addLayout(row)
        layout.addWidget(self.saved)
        layout.addSpacing(8)
        layout.addWidget(self.confirm)

    def confirmed(self) -> bool:
        return self.confirm.isChecked()

    def sheet_pdf(self) -> bytes:
        return recovery_sheet_pdf(self.code, self.unit_name, self.database, date.today())

    def save_sheet(self) -> None:
        """Write the sheet where the user says, then open it in the PDF viewer to print."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery sheet"), str(Path.home() / "ma-khoi-phuc.pdf"),
            self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            Path(path).write_bytes(self.sheet_pdf())
        except OSError as exc:
            self.saved.setText(self.tr("Could not save {0}: {1}").format(path, exc.strerror))
            return
        self.saved.setText(self.tr(
            "Saved to {0}. Print it, then delete the file: the paper is the copy to keep.")
            .format(path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))


class RecoveryCodeDialog(QDialog):
    """A new recovery code (after encrypting a database, or replacing the code)."""

    def __init__(self, code: str, unit_name: str, database: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("HoaNhap – Recovery code"))
        self.setMinimumWidth(620)
        self.view = RecoveryCodeView(code, unit_name, database)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.view.confirmed_changed.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    def reject(self) -> None:
        """Escape does not close it before the code is written down."""
        if self.view.confirmed():
            super().reject()
