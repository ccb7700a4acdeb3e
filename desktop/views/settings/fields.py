"""Labelled fields inside a page, each with a hint and an error label under it.

The same pattern as `forms.FormDialog`, for forms that live on a page rather than in a
dialog: a field is registered under the service's field name, so a `ValidationError`
lands under the widget it concerns. Values are read and written through one pair of
functions for every widget kind the Settings screen uses.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import ValidationError
from desktop.views.forms import (
    ERROR_STYLE,
    HINT_STYLE,
)

# Read-only text looks like text on the page, not like a box waiting to be typed in.
READ_ONLY_STYLE = "background: palette(window);"


class ChoiceGroup(QWidget):
    """Radio buttons, each with an explanation under it; `value()` is the chosen key."""

    changed = Signal(str)

    def __init__(self, choices: list[tuple[str, str, str]], parent: QWidget | None = None):
        """`choices`: (key, label, explanation) in display order."""
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for key, label, explanation in choices:
            button = QRadioButton(label)
            button.setObjectName(f"choice_{key}")
            self.group.addButton(button)
            self.buttons[key] = button
            column.addWidget(button)
            note = hint_label(explanation)
            note.setContentsMargins(24, 0, 0, 6)  # under the button's text, not its circle
            column.addWidget(note)
        self.group.buttonToggled.connect(self._toggled)

    def value(self) -> str:
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return ""

    def set_value(self, key: str) -> None:
        if key in self.buttons:
            self.buttons[key].setChecked(True)

    def _toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.changed.emit(self.value())


def hint_label(text: str) -> QLabel:
    """Grey explanatory text that wraps."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def read_value(widget: QWidget) -> object:
    """The value a field widget holds, in the type its service expects."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentData()
    if isinstance(widget, ChoiceGroup):
        return widget.value()
    raise TypeError(f"no value for {type(widget).__name__}")


def write_value(widget: QWidget, value: object) -> None:
    """Show `value` in a field widget (the inverse of `read_value`)."""
    if isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))  # type: ignore[call-overload]
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index >= 0:
            widget.setCurrentIndex(index)
        elif widget.isEditable():
            widget.setEditText(str(value))
    elif isinstance(widget, ChoiceGroup):
        widget.set_value(str(value))
    else:
        raise TypeError(f"cannot show a value in {type(widget).__name__}")


def set_editable(widget: QWidget, editable: bool) -> None:
    """Read-only where Qt allows it (text stays selectable), disabled otherwise."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
        widget.setReadOnly(not editable)
        widget.setStyleSheet("" if editable else READ_ONLY_STYLE)
        if isinstance(widget, QAbstractSpinBox):
            widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows if editable
                                    else QAbstractSpinBox.ButtonSymbols.NoButtons)
    else:
        widget.setEnabled(editable)


class FieldForm(QWidget):
    """A form whose fields show their hint and their validation error beneath them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._labels: dict[str, str] = {}

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        """Add a row; `name` is the service's field name, so its errors show here."""
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        # The row always takes the form's full width so its hint wraps at a readable
        # length; compact widgets (choices, numbers) keep their natural width inside it.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(widget, QComboBox | QAbstractSpinBox | QCheckBox):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            column.addWidget(widget)
        if hint:
            column.addWidget(hint_label(hint))
        column.addWidget(error)
        widget.setObjectName(name)
        self.form.addRow(label, box)
        self._fields[name] = (widget, error)
        self._labels[name] = label
        return widget

    def add_row(self, label: str, widget: QWidget) -> None:
        """A row that is not a saved field (a read-only code, an explanation)."""
        self.form.addRow(label, widget)

    def field(self, name: str) -> QWidget:
        return self._fields[name][0]

    def label(self, name: str) -> str:
        """The text shown beside a field."""
        return self._labels[name]

    def names(self) -> list[str]:
        return list(self._fields)

    def values(self) -> dict[str, object]:
        return {name: read_value(widget) for name, (widget, _) in self._fields.items()}

    def set_values(self, values: dict[str, object]) -> None:
        for name, value in values.items():
            write_value(self._fields[name][0], value)

    def set_editable(self, editable: bool) -> None:
        for widget, _ in self._fields.values():
            set_editable(widget, editable)

    def error_text(self, name: str) -> str:
        """The error shown under a field ("" when none)."""
        label = self._fields[name][1]
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        for _, error in self._fields.values():
            error.hide()
        self._relayout()

    def _relayout(self) -> None:
        # QFormLayout caches the height of rows holding word-wrapped labels; without this
        # a message shown under a field overlaps it until the window is next resized.
        self.form.invalidate()

    def show_validation(self, exc: ValidationError) -> bool:
        """Show the message under its field; False when the field is not on this form."""
        entry = self._fields.get(exc.field)
        if entry is None:
            return False
        widget, error = entry
        error.setText(exc.message)
        error.show()
        self._relayout()
        widget.setFocus()
        return True
