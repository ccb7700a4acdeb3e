"""One section of the Settings page: an introduction, a form, and its own Save button.

A section saves only its own fields, so what was typed in another section is neither
saved by accident nor lost. Outcomes go to the page's status line through `status`;
validation errors stay under their field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.errors import ServiceError, ValidationError
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.settings.fields import FieldForm

# Wide enough for Vietnamese labels and a long unit name; wider forms are hard to read.
FORM_MAX_WIDTH = 820


class Section(QWidget):
    """Base of the page's sections; subclasses build fields, `load` and `apply`."""

    status = Signal(str, bool)  # message, is_error

    def __init__(self, ctx: AppContext, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = editable
        self.fields = FieldForm()
        self._loaded: dict[str, object] | None = None  # None until first loaded
        self.intro = QLabel()  # subclasses set the text: tr() needs the initialised widget
        self.intro.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(editable)
        self.body = QVBoxLayout()
        self.body.addWidget(self.intro)
        self.body.addSpacing(6)
        self.body.addWidget(self.fields)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        outer = QHBoxLayout(self)
        self.holder = QWidget()
        self.holder.setLayout(self.body)
        self.holder.setMaximumWidth(FORM_MAX_WIDTH)
        # The form grows with the window up to its maximum; the rest stays empty on the right.
        outer.addWidget(self.holder, 10)
        outer.addStretch(1)

    # What subclasses provide ------------------------------------------------------------
    def apply(self) -> str:
        """Save the section's values through its service; returns the success message."""
        raise NotImplementedError

    # Shared behaviour --------------------------------------------------------------------
    def finish_loading(self) -> None:
        """Call after filling the fields: what is shown now counts as unchanged."""
        self.fields.set_editable(self.editable)
        self.fields.clear_errors()
        self._loaded = self.fields.values()

    def is_dirty(self) -> bool:
        """Whether the user changed something not yet saved (a refresh must keep it)."""
        return self._loaded is not None and self.fields.values() != self._loaded

    def save(self) -> None:
        self.run(self.apply)

    def run(self, call: Callable[[], Any]) -> bool:
        """Run a service call; show its outcome under the field or in the status line."""
        self.fields.clear_errors()
        try:
            message = call()
        except ValidationError as exc:
            if not self.fields.show_validation(exc):
                self.status.emit(exc.message, True)
            return False
        except ServiceError as exc:
            self.status.emit(exc.message, True)
            return False
        except Exception as exc:  # a bug: crash dialog; the typed values stay
            show_error(self, exc)
            return False
        if message:
            self.status.emit(message, False)
        return True
