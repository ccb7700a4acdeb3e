"""Form building blocks: date and money fields, and a dialog that shows errors beside fields.

Every dialog that calls a service derives from `FormDialog`: a `ValidationError` is shown
in red under the field it names and focus moves there; the dialog stays open, so nothing
the user typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_int
from desktop.services.errors import PeriodLocked, ServiceError, ValidationError
from desktop.views.errors import show_error

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #555;"
_NULL_DATE = QDate(1900, 1, 1)


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class DateEdit(QDateEdit):
    """A `dd/MM/yyyy` date field with a calendar; optionally empty (shown blank)."""

    def __init__(self, value: date | None = None, optional: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        if optional:
            # Qt has no empty date: the minimum date stands for "none" and shows blank.
            self.setMinimumDate(_NULL_DATE)
            self.setSpecialValueText(" ")
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        if value is None:
            self.setDate(_NULL_DATE if self.optional else QDate.currentDate())
        else:
            self.setDate(to_qdate(value))

    def date_value(self) -> date | None:
        if self.optional and self.date() == _NULL_DATE:
            return None
        return from_qdate(self.date())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Qt ignores digits typed over the blank "no date": start from today with the day
        # selected, so typing "15102026" gives 15/10/2026 as in a filled field.
        if self.optional and self.date() == _NULL_DATE and event.text().isdigit():
            self.setDate(QDate.currentDate())
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)
        super().keyPressEvent(event)


class MoneyEdit(QLineEdit):
    """An amount in đồng typed with or without dots: "1.500.000" → 1500000."""

    def __init__(self, value: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(r"[0-9.\s]{0,15}", self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0 ₫")
        self.editingFinished.connect(self._reformat)
        self.set_amount(value)

    def amount(self) -> int | None:
        digits = "".join(ch for ch in self.text() if ch.isdigit())
        return int(digits) if digits else None

    def set_amount(self, value: int | None) -> None:
        self.setText(format_int(value))

    def _reformat(self) -> None:
        self.set_amount(self.amount())


def fit_height(label: QLabel) -> None:
    """Give a word-wrapped label the height its text needs at its present width.

    Qt sizes a dialog without asking wrapped labels nested in form rows how tall they are
    at their real width, so their last lines would be cut off.
    """
    needed = label.heightForWidth(label.width())
    if needed > 0 and needed != label.minimumHeight():
        label.setMinimumHeight(needed)


class WrappedLabel(QLabel):
    """A word-wrapped note that takes the whole width of its row and all the lines it needs."""

    def __init__(self, object_name: str, style: str = HINT_STYLE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setStyleSheet(style)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        fit_height(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_height(self)


class FormDialog(QDialog):
    """A dialog of labelled fields whose errors appear under the field they concern."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value: Any = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._reason: QLineEdit | None = None

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        """Add a labelled row; `name` is the service's field name for error routing.

        The error line under a short field (a date, a list) takes the row's full width and
        every line it needs; the label's Alt+letter focuses the field itself.
        """
        error = WrappedLabel(f"error_{name}", ERROR_STYLE)
        error.hide()
        error.installEventFilter(self)  # re-fit its height whenever its width changes
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        if not widget.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal:
            column.setAlignment(widget, Qt.AlignmentFlag.AlignLeft)
        box.setFocusProxy(widget)
        widget.setObjectName(name)
        self.form.addRow(label, box)
        self._fields[name] = (widget, error)
        return widget

    def row_box(self, name: str) -> QWidget:
        """The widget holding a field and its error line (what the form's row contains)."""
        box = self._fields[name][0].parentWidget()
        assert box is not None, "add_field always wraps the field in a box"
        return box

    def set_row_visible(self, name: str, visible: bool) -> None:
        """Show or hide a whole row (label, field and its error)."""
        self.form.setRowVisible(self.row_box(name), visible)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLabel):
            fit_height(watched)
        return super().eventFilter(watched, event)

    def _relayout(self) -> None:
        # QFormLayout caches row heights: without this a new error line overlaps its field
        # until the dialog is resized.
        self.form.invalidate()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def field(self, name: str) -> QWidget:
        return self._fields[name][0]

    def error_text(self, name: str) -> str:
        """The error currently shown under a field ("" when none)."""
        label = self._fields[name][1]
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        self.general_error.hide()
        for _, error in self._fields.values():
            error.hide()
        self._relayout()

    def show_validation(self, exc: ValidationError) -> None:
        """Show the message under its field (or on top if the field is not on this form)."""
        entry = self._fields.get(exc.field)
        if entry is None:
            self.general_error.setText(exc.message)
            self.general_error.show()
        else:
            widget, error = entry
            error.setText(exc.message)
            error.show()
            fit_height(error)
            widget.setFocus()
        self._relayout()

    def adjustment_reason(self) -> str | None:
        """The reason typed for changing a signed period; None until a lock asked for one.

        Dialogs whose service guards signed periods pass it as `adjustment_reason`."""
        if self._reason is None:
            return None
        return self._reason.text().strip() or None

    def _ask_reason(self) -> None:
        """A signed period was hit: add the reason row once, below the fields, and focus it."""
        if self._reason is None:
            self._reason = QLineEdit()
            self._reason.setPlaceholderText(self.tr("e.g. missed when the book was typed in"))
            self.add_field("adjustment_reason", self.tr("Reason for the adjustment"),
                           self._reason)
            hint = WrappedLabel("adjustment_hint")
            hint.setText(self.tr(
                "The report of this period is already signed, so the signed figures stay as "
                "they are. The change is saved with this reason and listed under "
                "“adjustments” in the unit's next report."))
            self.form.addRow("", hint)
            # Children added to a visible dialog are shown only on the next event loop turn.
            self.row_box("adjustment_reason").show()
            hint.show()
        self._reason.setFocus()
        self._relayout()

    def run_service(self, call: Callable[[], Any]) -> bool:
        """Call the service; on success keep its result and close, else show why and stay.

        A signed period asks for a reason (`adjustment_reason`) instead of only refusing."""
        self.clear_errors()
        try:
            self.result_value = call()
        except PeriodLocked as exc:
            self.show_validation(exc)
            self._ask_reason()
            return False
        except ValidationError as exc:
            self.show_validation(exc)
            return False
        except ServiceError as exc:
            self.general_error.setText(exc.message)
            self.general_error.show()
            return False
        except Exception as exc:  # a bug: crash dialog, but the form stays open
            show_error(self, exc)
            return False
        self.accept()
        return True

    def submit(self) -> None:
        """Subclasses call `self.run_service(lambda: service(...))` here."""
        raise NotImplementedError
