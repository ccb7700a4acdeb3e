"""Changing one's own password: open to every signed-in user, whatever their role."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.services import users
from desktop.services.errors import ValidationError
from desktop.views.context import AppContext
from desktop.views.settings.section import Section


def password_edit() -> QLineEdit:
    """A line edit that hides what is typed."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaximumWidth(320)
    return edit


def check_repeated(password: str, repeated: str, field: str = "password_repeat") -> None:
    """The second typing must match the first: a typo would lock the user out."""
    if password != repeated:
        raise ValidationError(field, QCoreApplication.translate(
            "Settings", "The two passwords are not the same. Type the new password again."))


class PasswordSection(Section):
    """The signed-in user's own password: the current one, then the new one twice."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, True, parent)
        self.intro.setText(self.tr(
            "Change the password you sign in with ({0}). You need your current password; "
            "if you have forgotten it, ask an administrator to reset it.")
            .format(ctx.actor.username))
        self.save_button.setText(self.tr("Change password"))
        self.holder.setMaximumWidth(560)  # three short fields: keep the button near them
        self.fields.add_field("old_password", self.tr("Current password"), password_edit())
        self.fields.add_field("new_password", self.tr("New password"), password_edit(),
                              self.tr("At least {0} characters.")
                              .format(users.MIN_PASSWORD_LEN))
        self.fields.add_field("password_repeat", self.tr("New password again"),
                              password_edit())
        self.finish_loading()

    def apply(self) -> str:
        values = self.fields.values()
        check_repeated(str(values["new_password"]), str(values["password_repeat"]))
        users.change_password(self.ctx.db, self.ctx.actor, self.ctx.actor.username,
                              str(values["old_password"]), str(values["new_password"]))
        # Passwords never stay on screen once used.
        self.fields.set_values(dict.fromkeys(self.fields.names(), ""))
        self.finish_loading()
        return self.tr("Your password was changed. Use the new one from your next sign-in.")
