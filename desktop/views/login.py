"""The login dialog, also used to unlock after the idle lock.

`authenticate` is the one step that differs for an encrypted database: `UnlockDialog`
(desktop/views/unlock.py) opens the database with the password there.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database, DatabaseError
from desktop.security.errors import KeyFileError
from desktop.services import users
from desktop.services.access import Actor
from desktop.services.errors import AuthenticationError


class LoginDialog(QDialog):
    """Asks for user name and password; `actor` holds the result after accept()."""

    def __init__(self, db: Database | None, unit_name: str, parent: QWidget | None = None,
                 locked_user: str | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("HoaNhap – Sign in"))
        self.setMinimumWidth(380)
        heading = QLabel(f"<b>{unit_name}</b>")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if locked_user:
            note = QLabel(self.tr("The screen was locked after a period without "
                                  "activity. Enter your password to continue."))
            note.setWordWrap(True)
            layout.addWidget(note)
            self.username.setText(locked_user)
            self.username.setReadOnly(True)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password if locked_user else self.username).setFocus()

    def authenticate(self, username: str, password: str) -> Actor:
        """Check the credentials against the open database."""
        assert self.db is not None  # only UnlockDialog starts without one
        return users.login(self.db, username, password)

    def try_login(self) -> None:
        try:
            self.actor = self.authenticate(self.username.text(), self.password.text())
        except (AuthenticationError, KeyFileError, DatabaseError) as exc:
            self.message.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
