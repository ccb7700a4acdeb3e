"""Settings → Security → database encryption: whether the database is encrypted, and for
an administrator the one action that fits — encrypt it now, or replace the recovery code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import encryption
from desktop.services.access import Action
from desktop.services.encryption import EncryptionResult
from desktop.views.context import AppContext
from desktop.views.forms import FormDialog, WrappedLabel
from desktop.views.recovery_code import RecoveryCodeDialog
from desktop.views.settings.password import password_edit


class ConfirmPasswordDialog(FormDialog):
    """Encrypting asks for the administrator's password again: it becomes the key's lock."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Encrypt the database"))
        self.setMinimumWidth(520)
        self.ctx = ctx
        note = WrappedLabel("encrypt_note", "")
        note.setText(self.tr(
            "The database is copied into an encrypted file, checked, and put in place of "
            "the plain one, which is kept beside it until you delete it. Your password "
            "opens the encrypted database; every other user needs a new password from you "
            "afterwards. A recovery code is shown at the end: have paper ready."))
        self.form.addRow(note)
        self.password = password_edit()
        self.add_field("password", self.tr("Your password"), self.password)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Encrypt"))

    def submit(self) -> None:
        def encrypt() -> EncryptionResult:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                return encryption.encrypt_database(self.ctx.db, self.ctx.actor,
                                                   self.password.text())
            finally:
                QApplication.restoreOverrideCursor()
        self.run_service(encrypt)


class EncryptionBox(QGroupBox):
    """The encryption status line and its administrator's action."""

    status = Signal(str, bool)  # message, is_error (the page's status line)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Database encryption"))
        self.ctx = ctx
        self.state = WrappedLabel("encryption_state", "")
        self.encrypt_button = QPushButton(self.tr("Encrypt this database…"))
        self.encrypt_button.setObjectName("encrypt_database")
        self.encrypt_button.clicked.connect(self.encrypt)
        self.code_button = QPushButton(self.tr("New recovery code…"))
        self.code_button.setObjectName("new_recovery_code")
        self.code_button.clicked.connect(self.new_code)
        row = QHBoxLayout()
        row.addWidget(self.encrypt_button)
        row.addWidget(self.code_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(row)
        self.update_state()

    def update_state(self) -> None:
        encrypted = self.ctx.db.key is not None
        keys = self.ctx.db.keyfile
        if encrypted and keys is not None:
            self.state.setText(self.tr(
                "This database is encrypted. It opens only with a user's password or the "
                "recovery code, and only with its key file {0} beside it: always copy both "
                "files together.").format(keys.name))
        else:
            self.state.setText(self.tr(
                "This database is not encrypted: anyone who copies the file {0} can read "
                "every record with common tools.").format(self.ctx.db.path.name))
        admin = self.ctx.may(Action.MANAGE_USERS)
        self.encrypt_button.setVisible(admin and not encrypted)
        self.code_button.setVisible(admin and encrypted)

    def encrypt(self) -> None:
        dialog = ConfirmPasswordDialog(self.ctx, self)
        if dialog.exec() != FormDialog.DialogCode.Accepted:
            return
        result: EncryptionResult = dialog.result_value
        RecoveryCodeDialog(result.recovery_code, self.ctx.unit.name, self.ctx.db.path,
                           self).exec()
        self.update_state()
        lines = [self.tr("The database is now encrypted. The plain copy was kept as {0}: "
                         "once HoaNhap has opened the encrypted database without trouble, "
                         "delete it, and delete old backups that are not encrypted.")
                 .format(result.kept_plain)]
        if result.need_new_password:
            lines.append(self.tr("Set a new password (Users → Reset password) for: {0}.")
                         .format(", ".join(result.need_new_password)))
        QMessageBox.information(self, self.tr("Database encrypted"), "\n\n".join(lines))
        self.status.emit(self.tr("The database is encrypted."), False)

    def new_code(self) -> None:
        answer = QMessageBox.question(self, self.tr("New recovery code"), self.tr(
            "Make a new recovery code? The code printed before stops working at once."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            code = encryption.new_recovery_code(self.ctx.db, self.ctx.actor)
        except Exception as exc:  # ServiceError, or a key file that cannot be written
            self.status.emit(getattr(exc, "message", str(exc)), True)
            return
        RecoveryCodeDialog(code, self.ctx.unit.name, self.ctx.db.path, self).exec()
        self.status.emit(self.tr("The new recovery code is in force."), False)
