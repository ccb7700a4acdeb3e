"""User accounts (administrators only): the list, adding, password reset, (de)activation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_datetime
from desktop.services import users
from desktop.services.access import ROLE_LABELS
from desktop.services.errors import ServiceError
from desktop.services.users import UserView
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.forms import FormDialog
from desktop.views.settings.password import check_repeated, password_edit


def is_locked(user: UserView, now: datetime | None = None) -> bool:
    """Locked out after too many wrong passwords, and the lock has not run out yet."""
    return user.locked_until is not None and user.locked_until > (now or datetime.now(UTC))


class AddUserDialog(FormDialog):
    """A new account of the administrator's unit."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Add a user"))
        self.setMinimumWidth(460)
        self.ctx = ctx
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. nguyenvana (no accents or spaces)"))
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for key, label in ROLE_LABELS.items():
            self.role.addItem(label, key)
        self.password, self.repeat = password_edit(), password_edit()
        self.add_field("username", self.tr("User name"), self.username)
        self.add_field("full_name", self.tr("Full name"), self.full_name)
        self.add_field("role", self.tr("Role"), self.role)
        self.add_field("password", self.tr("Password"), self.password)
        self.add_field("password_repeat", self.tr("Password again"), self.repeat)

    def submit(self) -> None:
        def create() -> UserView:
            check_repeated(self.password.text(), self.repeat.text())
            return users.create_user(self.ctx.db, self.ctx.actor, self.username.text(),
                                     self.full_name.text(), self.role.currentData(),
                                     self.password.text())
        self.run_service(create)


class ResetPasswordDialog(FormDialog):
    """A new password for someone who forgot theirs (it also lifts a lock-out)."""

    def __init__(self, ctx: AppContext, user: UserView, parent: QWidget | None = None):
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Reset password"))
        self.setMinimumWidth(460)
        self.ctx, self.user = ctx, user
        note = QLabel(self.tr("New password for {0} ({1}). Give it to them in person and ask "
                              "them to change it under “My password”.")
                      .format(user.full_name, user.username))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.password, self.repeat = password_edit(), password_edit()
        self.add_field("new_password", self.tr("New password"), self.password)
        self.add_field("password_repeat", self.tr("Password again"), self.repeat)

    def submit(self) -> None:
        def reset() -> UserView:
            check_repeated(self.password.text(), self.repeat.text())
            return users.change_password(self.ctx.db, self.ctx.actor, self.user.username,
                                         None, self.password.text())
        self.run_service(reset)


class UsersSection(QWidget):
    """The unit's accounts; every change goes through `services.users` (admins only)."""

    status = Signal(str, bool)  # message, is_error

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.users: list[UserView] = []
        self.dialog: FormDialog | None = None  # the open dialog, for tests and re-entry
        intro = QLabel(self.tr(
            "Who may sign in on this computer. Officers keep the records, leaders review "
            "and sign reports, administrators manage users and settings. Accounts are "
            "disabled, never deleted, so the history of their work stays readable."))
        intro.setWordWrap(True)
        self.table = self._make_table()
        self.add_button = self._button("add_user", self.tr("Add user…"), self.add_user)
        self.reset_button = self._button("reset_password", self.tr("Reset password…"),
                                         self.reset_password)
        self.toggle_button = self._button("toggle_active", self.tr("Disable"),
                                          self.toggle_active)
        self.unlock_button = self._button("unlock", self.tr("Unlock"), self.unlock)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.toggle_button,
                       self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setObjectName("users_table")
        table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Full name"),
                                         self.tr("Role"), self.tr("Status"),
                                         self.tr("Locked until")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # Loading -------------------------------------------------------------------------------
    def load(self) -> None:
        """Reload the list, keeping the selected account selected."""
        chosen = self.selected()
        self.users = users.list_users(self.ctx.db, self.ctx.actor)
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            cells = (user.username, user.full_name, user.role_label,
                     self.tr("Active") if user.active else self.tr("Disabled"),
                     format_datetime(user.locked_until) if is_locked(user) else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if chosen is not None and user.username == chosen.username:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def select(self, username: str) -> None:
        for row, user in enumerate(self.users):
            if user.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected()
        self.reset_button.setEnabled(user is not None)
        self.toggle_button.setEnabled(user is not None
                                      and user.username != self.ctx.actor.username)
        self.toggle_button.setText(self.tr("Enable") if user is not None and not user.active
                                   else self.tr("Disable"))
        self.unlock_button.setEnabled(user is not None and is_locked(user))

    # Actions -------------------------------------------------------------------------------
    def add_user(self) -> None:
        self._open(AddUserDialog(self.ctx, self), self.tr("User {0} was added."))

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None:
            self._open(ResetPasswordDialog(self.ctx, user, self),
                       self.tr("The password of {0} was reset."))

    def _open(self, dialog: FormDialog, done: str) -> None:
        """Non-blocking, so the page stays responsive and tests can fill the dialog in."""
        def accepted() -> None:
            self.load()
            user = dialog.result_value
            self.select(user.username)
            self.status.emit(done.format(user.username), False)
        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            done = (self.tr("{0} can no longer sign in.") if user.active
                    else self.tr("{0} can sign in again."))
            self._change(lambda: users.set_user_active(self.ctx.db, self.ctx.actor,
                                                       user.username, not user.active), done)

    def unlock(self) -> None:
        user = self.selected()
        if user is not None:
            self._change(lambda: users.set_user_active(self.ctx.db, self.ctx.actor,
                                                       user.username, True),
                         self.tr("{0} is unlocked and can sign in again."))

    def _change(self, call: Callable[[], UserView], done: str) -> None:
        try:
            user = call()
        except ServiceError as exc:  # e.g. the last administrator cannot be disabled
            self.status.emit(exc.message, True)
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.load()
        self.status.emit(done.format(user.username), False)
