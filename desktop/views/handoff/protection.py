"""How a package is locked, chosen by the person writing it (HANDOFF.md §1).

Three ways: the receiving unit's key (automatic once its key card was imported, or a key
pasted here), a passphrase typed twice and given to the other office by phone, or — for
tests only — no encryption at all, which is said in red.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import ValidationError
from desktop.views.forms import ERROR_STYLE, HINT_STYLE, WrappedLabel
from desktop.views.handoff.common import PLAIN_WARNING_STYLE

MIN_PASSPHRASE = 8
INDENT = 24  # under a radio button's text, not its circle


@dataclass(frozen=True)
class Protection:
    """The service arguments: exactly one of them is set."""

    passphrase: str | None = None
    recipient_key: str | None = None
    plain: bool = False


def _indented(widget: QWidget) -> QWidget:
    widget.setContentsMargins(INDENT, 0, 0, 0)
    return widget


class ProtectionChooser(QWidget):
    """Radio buttons for the three ways, each with what it needs beneath it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protection")
        # As wide as the form allows: the notes under the choices wrap at a readable length.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.use_key = QRadioButton(self.tr("Encrypt to the receiving unit's key"))
        self.use_key.setObjectName("protect_key")
        self.key_note = WrappedLabel("key_note")
        self.pasted_key = QLineEdit()
        self.pasted_key.setObjectName("recipient_key")
        self.pasted_key.setPlaceholderText(self.tr("age1… (paste the receiving key here)"))
        self.use_passphrase = QRadioButton(self.tr("Encrypt with a passphrase"))
        self.use_passphrase.setObjectName("protect_passphrase")
        self.passphrase = self._password("passphrase", self.tr("Passphrase"))
        self.repeat = self._password("passphrase_repeat", self.tr("The same passphrase again"))
        self.passphrase_note = WrappedLabel("passphrase_note")
        self.passphrase_note.setText(self.tr(
            "At least {0} characters. Tell it to the receiving office by phone — never "
            "write it on the USB stick.").format(MIN_PASSPHRASE))
        self.use_plain = QRadioButton(self.tr("Do not encrypt (for tests only)"))
        self.use_plain.setObjectName("protect_plain")
        self.plain_warning = WrappedLabel("plain_warning", PLAIN_WARNING_STYLE)
        self.plain_warning.setText(self.tr(
            "Anyone who finds the USB stick can read every record in the package."))
        self.error = WrappedLabel("protection_error", ERROR_STYLE)
        self.error.hide()
        self.group = QButtonGroup(self)
        for button in (self.use_key, self.use_passphrase, self.use_plain):
            self.group.addButton(button)
        self._layout()
        self.group.buttonToggled.connect(self._toggled)
        self.set_key_known(False, "")

    def _password(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setPlaceholderText(placeholder)
        edit.setMaximumWidth(360)
        return edit

    def _layout(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        parts: list[QWidget] = [
            self.use_key, _indented(self.key_note), _indented(self.pasted_key),
            self.use_passphrase, _indented(self.passphrase), _indented(self.repeat),
            _indented(self.passphrase_note), self.use_plain, _indented(self.plain_warning),
            self.error]
        for part in parts:
            column.addWidget(part)

    def set_key_known(self, known: bool, unit: str) -> None:
        """Say whether the receiving unit's key is registered; pick the natural choice."""
        self._known = known
        if known:
            self.key_note.setText(self.tr(
                "The receiving key of {0} is registered: the package is encrypted to it "
                "and only that office can open it.").format(unit))
        elif unit:
            self.key_note.setText(self.tr(
                "No receiving key is registered for {0}. Import its key card under “Units "
                "and keys”, paste its key below, or use a passphrase.").format(unit))
        else:
            self.key_note.setText(self.tr(
                "Choose a receiving unit whose key card was imported, or paste its key below."))
        self.key_note.setStyleSheet(HINT_STYLE)
        if known:
            self.use_key.setChecked(True)
        elif not self.pasted_key.text().strip() and not self.use_plain.isChecked():
            self.use_passphrase.setChecked(True)
        self._toggled()

    def mode(self) -> str:
        """"key", "passphrase" or "plain"."""
        if self.use_key.isChecked():
            return "key"
        return "plain" if self.use_plain.isChecked() else "passphrase"

    def _toggled(self, *_args: object) -> None:
        mode = self.mode()
        self.pasted_key.setEnabled(mode == "key")
        for edit in (self.passphrase, self.repeat):
            edit.setEnabled(mode == "passphrase")
        self.plain_warning.setVisible(mode == "plain")
        self.clear_error()
        self.changed.emit()

    def clear_error(self) -> None:
        self.error.hide()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def protection(self) -> Protection:
        """The chosen protection; ValidationError (field "protection") when incomplete."""
        mode = self.mode()
        if mode == "plain":
            return Protection(plain=True)
        if mode == "key":
            pasted = self.pasted_key.text().strip()
            if pasted:
                return Protection(recipient_key=pasted)
            if not self._known:
                raise ValidationError("protection", self.tr(
                    "No receiving key is registered for this unit: paste its key, or use a "
                    "passphrase."))
            return Protection()  # the service encrypts to the registered key
        text = self.passphrase.text()
        if len(text.strip()) < MIN_PASSPHRASE:
            raise ValidationError("protection", self.tr(
                "The passphrase must have at least {0} characters.").format(MIN_PASSPHRASE))
        if text != self.repeat.text():
            raise ValidationError("protection", self.tr(
                "The two passphrases are not the same. Type them again."))
        return Protection(passphrase=text)

