"""The key of a backup made by another database (e.g. the old PC's), asked before restoring it.

Such a backup is encrypted with its own key, wrapped in the key file beside it
(`<backup>.keys`) for the accounts and the recovery code of the database it was made from.
`BackupKeyDialog` asks for one of them; `key` holds the unwrapped key once accepted
(`services.backup_schedule.unlock_backup` checks it opens the backup).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

from desktop.security.keyfile import keyfile_path
from desktop.services import backup_schedule
from desktop.services.errors import ValidationError
from desktop.views.forms import FormDialog, WrappedLabel
from desktop.views.settings.password import password_edit


class BackupKeyDialog(FormDialog):
    """A user name and password of the backup's own database, or its recovery code."""

    def __init__(self, backup: Path, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Backup of another database"))
        self.setMinimumWidth(560)
        self.backup = backup
        self.key: bytes | None = None
        note = WrappedLabel("backup_key_note", "")
        note.setText(self.tr(
            "The backup {0} is encrypted with the key of another database (for example the "
            "old computer's), not with the key of the database open now. Its key file {1} "
            "is beside it.\n\nType the user name and password of an account of that "
            "database, as they were when the backup was made — or leave them empty and type "
            "its recovery code.").format(backup.name, keyfile_path(backup).name))
        self.form.addRow(note)
        self.username = QLineEdit()
        self.password = password_edit()
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.add_field("username", self.tr("User name"), self.username)
        self.add_field("password", self.tr("Password"), self.password)
        self.add_field("recovery_code", self.tr("or the recovery code"), self.code)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Open the backup"))

    def submit(self) -> None:
        self.run_service(self._unlock)

    def _unlock(self) -> None:
        if self.code.text().strip():
            self.key = backup_schedule.unlock_backup_with_recovery(self.backup,
                                                                   self.code.text())
            return
        if not self.username.text().strip() or not self.password.text():
            raise ValidationError("username", self.tr(
                "Type a user name and its password, or the recovery code."))
        self.key = backup_schedule.unlock_backup(self.backup, self.username.text(),
                                                 self.password.text())
