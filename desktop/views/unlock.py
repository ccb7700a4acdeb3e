"""Opening the office database at start-up, encrypted or not (docs/security.md).

`open_office` decides from the file (`encryption.database_state`):

- nothing there yet, or a set-up that was interrupted → a new encrypted database and the
  first-run wizard (its recovery-code page included); abandoning the wizard deletes the
  empty database and its key file again;
- set-up finished but the recovery code never wrapped (a crash in between) → a new code is
  shown (`RecoveryCodeDialog`), then the usual login on the open database;
- encrypted → `UnlockDialog`: the login dialog whose password first unwraps the key and
  opens the database; "Forgot your password?" opens `RecoveryDialog` (recovery code →
  new password);
- plain → as before: the first-run wizard if no unit exists yet, else the login dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database, DatabaseError, open_database
from desktop.security.errors import KeyFileError
from desktop.security.keyfile import new_recovery_code
from desktop.services import encryption, units, users
from desktop.services.access import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.views.forms import FormDialog, WrappedLabel
from desktop.views.login import LoginDialog
from desktop.views.settings.password import check_repeated, password_edit


class RecoveryDialog(FormDialog):
    """The recovery code opens the database; the user then gets a new password and is
    signed in. `db` and `actor` are set on success."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("HoaNhap – Recovery code"))
        self.setMinimumWidth(520)
        self.path = path
        self.db: Database | None = None
        self.actor: Actor | None = None
        note = WrappedLabel("recovery_note", "")
        note.setText(self.tr(
            "Type the recovery code printed when the database was set up, the user name "
            "that needs a new password (e.g. the administrator's), and the new password."))
        self.form.addRow(note)
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.username = QLineEdit()
        self.password, self.repeat = password_edit(), password_edit()
        self.add_field("recovery_code", self.tr("Recovery code"), self.code)
        self.add_field("username", self.tr("User name"), self.username)
        self.add_field("new_password", self.tr("New password"), self.password)
        self.add_field("password_repeat", self.tr("Password again"), self.repeat)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Set the new password"))

    def submit(self) -> None:
        self.run_service(self._recover)

    def _recover(self) -> None:
        check_repeated(self.password.text(), self.repeat.text())
        users.check_password("new_password", self.password.text())
        try:
            db = encryption.open_with_recovery(self.path, self.code.text())
        except KeyFileError as exc:
            raise ValidationError("recovery_code", exc.message) from None
        except DatabaseError as exc:
            raise ServiceError(exc.message) from None
        try:
            encryption.recover_access(db, self.username.text(), self.password.text())
            self.actor = users.login(db, self.username.text(), self.password.text())
        except BaseException:
            db.close()
            raise
        self.db = db


class UnlockDialog(LoginDialog):
    """Login for an encrypted database: the password unwraps its key, then the database
    opens and the user signs in. `db` and `actor` are set after accept()."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(None, QCoreApplication.translate("UnlockDialog", "Encrypted database"),
                         parent)
        self.path = path
        where = QLabel(self.tr("File: {0}").format(path))
        where.setObjectName("database_path")
        where.setWordWrap(True)
        self.forgot = QPushButton(self.tr("Forgot your password? Use the recovery code…"))
        self.forgot.setObjectName("use_recovery_code")
        self.forgot.setFlat(True)
        self.forgot.setStyleSheet("text-align: left; color: #0b57d0;")
        self.forgot.clicked.connect(self.use_recovery_code)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, where)
        layout.insertWidget(layout.count() - 1, self.forgot)

    def authenticate(self, username: str, password: str) -> Actor:
        unlocked = encryption.unlock(self.path, username, password)
        self.db = unlocked.db
        return unlocked.actor

    def use_recovery_code(self) -> None:
        dialog = RecoveryDialog(self.path, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.db is not None:
            self.db, self.actor = dialog.db, dialog.actor
            self.accept()


def _first_run(db: Database, parent: QWidget | None) -> Actor | None:
    from desktop.views.setup_wizard import FirstRunWizard

    wizard = FirstRunWizard(db, parent)
    return wizard.actor if wizard.exec() == QDialog.DialogCode.Accepted else None


def _login(db: Database, parent: QWidget | None) -> Actor | None:
    unit = units.home_unit(db)
    assert unit is not None
    dialog = LoginDialog(db, unit.name, parent)
    return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


def _finish_interrupted_setup(db: Database, parent: QWidget | None) -> bool:
    """Set-up wrote the unit but not the recovery code: show a new one and wrap it."""
    from desktop.views.recovery_code import RecoveryCodeDialog

    unit = units.home_unit(db)
    code = new_recovery_code()
    dialog = RecoveryCodeDialog(code, unit.name if unit else "", db.path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    encryption.finish_setup(db, code)
    return True


def _new_database(path: Path, parent: QWidget | None) -> tuple[Database, Actor] | None:
    db = encryption.begin_setup(path)
    if units.home_unit(db) is not None:
        actor = _login(db, parent) if _finish_interrupted_setup(db, parent) else None
    else:
        actor = _first_run(db, parent)
        if actor is None:
            encryption.discard_setup(db)  # nothing was set up: leave no empty database
            return None
    if actor is None:
        db.close()
        return None
    return db, actor


def open_office(path: Path, parent: QWidget | None = None) -> tuple[Database, Actor] | None:
    """Open the database at `path` and sign someone in; None when the user gave up.
    The dialogs open over `parent` (the main window, shown before anyone signs in).

    Known problems raise DatabaseError (the caller shows its message and exits)."""
    state = encryption.database_state(path)
    if state in ("missing", "setup"):
        return _new_database(path, parent)
    if state == "encrypted":
        dialog = UnlockDialog(path, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return None
        assert dialog.db is not None
        return dialog.db, dialog.actor
    db = open_database(path)
    actor = _first_run(db, parent) if units.home_unit(db) is None else _login(db, parent)
    if actor is None:
        db.close()
        return None
    return db, actor
