"""Signing in: wrong passwords are refused with a message, the right one gives the actor."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.views.context import AppContext
from desktop.views.login import LoginDialog


def test_wrong_password_is_refused_and_cleared(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(ctx.db, ctx.unit.name)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "username").setText("canbo")
    dialog.findChild(QLineEdit, "password").setText("sai-mat-khau")
    dialog.try_login()
    assert dialog.actor is None
    assert dialog.findChild(QLabel, "message").text() != ""
    assert dialog.findChild(QLineEdit, "password").text() == ""
    assert dialog.result() != LoginDialog.DialogCode.Accepted


def test_right_password_signs_in(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(ctx.db, ctx.unit.name)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "username").setText("lanhdao")
    dialog.findChild(QLineEdit, "password").setText("hoanhap-demo")
    dialog.try_login()
    assert dialog.actor is not None
    assert dialog.actor.role == "leader"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_unlock_dialog_keeps_the_locked_user(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(ctx.db, ctx.unit.name, locked_user="canbo")
    qtbot.addWidget(dialog)
    username = dialog.findChild(QLineEdit, "username")
    assert username.text() == "canbo"
    assert username.isReadOnly()
