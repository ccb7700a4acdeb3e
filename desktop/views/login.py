"""The login dialog, also used to unlock after the idle lock."""

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

from desktop.db import Database
from desktop.services import users
from desktop.services.access import Actor
from desktop.services.errors import AuthenticationError


class LoginDialog(QDialog):
    """Asks for user name and password; `actor` holds the result after accept()."""

    def __init__(self, db: Database, unit_name: str, parent: QWidget | None = None,
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

    def try_login(self) -> None:
        try:
            self.actor = users.login(self.db, self.username.text(), self.password.text())
        except AuthenticationError as exc:
            self.message.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
