"""Pieces the person dialogs share: coded choices, note boxes, the save shortcut.

Stored codes ("home_visit", "loan") never reach the screen: a `CodeCombo` shows their
Vietnamese labels from `services.labels` and hands the code back to the service.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import person_queries
from desktop.services.access import Action
from desktop.views.context import AppContext
from desktop.views.forms import DateEdit, FormDialog, WrappedLabel

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # Return is the main key, Enter the keypad's


def person_name(ctx: AppContext, person_id: str) -> str:
    """The person's full name, for the dialog title (so nobody writes in the wrong file)."""
    return person_queries.get_person(ctx.db, ctx.actor, person_id, ctx.today()).person.full_name


class CodeCombo(QComboBox):
    """A choice among stored codes, shown by their labels."""

    def __init__(self, codes: Iterable[str], labels: Mapping[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code in codes:
            self.addItem(labels.get(code, code), code)

    def code(self) -> str:
        return str(self.currentData())

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)


class NoteEdit(QPlainTextEdit):
    """A multi-line note: Enter starts a new line, Tab moves on to the next field."""

    def __init__(self, text: str = "", lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setPlainText(text)
        self._lines = lines

    def _height(self) -> int:
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        return self.fontMetrics().lineSpacing() * self._lines + frame + 8

    # Qt's own hints ask ~5 lines for every box; a note asks for the lines it was given.
    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height())

    def text(self) -> str:
        return self.toPlainText()


def date_of(edit: DateEdit) -> date:
    """The value of a date field that cannot be empty."""
    value = edit.date_value()
    assert value is not None, "only optional DateEdits are ever empty"
    return value


def add_hint(dialog: FormDialog, text: str) -> QLabel:
    """A grey line just above the buttons (keyboard hints, notes for newcomers)."""
    hint = WrappedLabel("hint")
    hint.setText(text)
    layout = dialog.layout()
    assert isinstance(layout, QVBoxLayout), "FormDialog stacks error, form and buttons"
    layout.insertWidget(layout.indexOf(dialog.buttons), hint)
    return hint


def add_save_shortcut(dialog: FormDialog) -> None:
    """Ctrl+Enter saves from any field, multi-line notes included."""
    for key in SAVE_KEYS:
        QShortcut(QKeySequence(key), dialog, dialog.submit)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setToolTip(QCoreApplication.translate("PersonDialogs", "Save (Ctrl+Enter)"))


def guard_read_only(dialog: FormDialog, ctx: AppContext) -> None:
    """Say at once, not after typing, that this account may only read records."""
    if ctx.may(Action.EDIT_RECORDS):
        return
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
    # Literal strings (no wrapper) so lupdate finds them.
    dialog.general_error.setText(QCoreApplication.translate(
        "PersonDialogs", "Your account may read these records but not change them. Ask an "
        "officer to enter this."))
    dialog.general_error.show()
