"""A wizard page of labelled fields whose errors appear under the field they concern.

The wizard equivalent of `forms.FormDialog`: each field is registered under the name the
service uses, so a `ValidationError(field, message)` can be routed to the page holding that
field and shown beneath it. Going back never clears what was typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.views.forms import ERROR_STYLE


def form_layout() -> QFormLayout:
    """A form whose fields take the width they are given."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"error_{name}")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FieldsPage(QWizardPage):
    """Fields registered by service field name, each with an error line beneath it."""

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.general_error = error_label("general")
        self.general_error.setObjectName("general_error")

    def add_field(self, form: QFormLayout, name: str, label: str,
                  widget: QWidget) -> QWidget:
        """Add a labelled row; `name` is the service's field name for error routing."""
        error = error_label(name)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        widget.setObjectName(name)
        form.addRow(label, box)
        self._fields[name] = (widget, error)
        return widget

    def add_line(self, form: QFormLayout, name: str, label: str,
                 placeholder: str = "") -> QLineEdit:
        """Add a one-line text field."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self.add_field(form, name, label, edit)
        return edit

    def has_field(self, name: str) -> bool:
        return name in self._fields

    def widget(self, name: str) -> QWidget:
        return self._fields[name][0]

    def error_text(self, name: str) -> str:
        """The error shown under a field ("" when none)."""
        label = self._fields[name][1]
        return label.text() if not label.isHidden() else ""

    def show_field_error(self, name: str, message: str) -> None:
        widget, error = self._fields[name]
        error.setText(message)
        error.show()
        widget.setFocus()

    def show_general_error(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def clear_errors(self) -> None:
        self.general_error.hide()
        for _, error in self._fields.values():
            error.hide()

    def cleanupPage(self) -> None:
        """Going back keeps what was typed (Qt would reset registered fields)."""
