"""The reception wizard's last step: people already on record who may be this person.

Shown before anything is created (SPEC §5.4). When candidates exist the user must say
which it is — open the existing record, or create a new one for a different person — so a
duplicate is never created silently.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from desktop.services.errors import ServiceError
from desktop.services.people_index import query_key
from desktop.services.person_views import PersonRow
from desktop.views.people.wizard_fields import FieldsPage


class DuplicatesPage(FieldsPage):
    """Lists possible duplicates; the choice decides what Finish does."""

    def __init__(
        self,
        lookup: Callable[[], list[PersonRow]],
        summary: Callable[[], str],
        typed_id: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Reception", "Already on record?"),
            QCoreApplication.translate(
                "Reception", "Checked by ID number, and by name with date of birth."
            ),
            parent,
        )
        self._lookup, self._summary, self._typed_id = lookup, summary, typed_id
        self.candidates: list[PersonRow] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setObjectName("duplicates_verdict")
        self.verdict.setWordWrap(True)
        self.table = self._candidate_table()
        self.open_existing = QRadioButton(
            QCoreApplication.translate(
                "Reception", "It is the same person: open the selected record (nothing is created)"
            )
        )
        self.open_existing.setObjectName("open_existing")
        self.create_new = QRadioButton(
            QCoreApplication.translate("Reception", "It is a different person: create a new record")
        )
        self.create_new.setObjectName("create_new")
        self.same_id_note = QLabel()
        self.same_id_note.setObjectName("same_id_note")
        self.same_id_note.setWordWrap(True)
        self.same_id_note.setContentsMargins(26, 0, 0, 0)
        self._choice = QButtonGroup(self)
        for button in (self.open_existing, self.create_new):
            self._choice.addButton(button)
            button.toggled.connect(self._choice_changed)
        layout = QVBoxLayout(self)
        for widget in (
            self.general_error,
            self.summary,
            self.verdict,
            self.table,
            self.open_existing,
            self.create_new,
            self.same_id_note,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

    def _candidate_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setObjectName("duplicate_candidates")
        table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Reception", "Full name"),
                QCoreApplication.translate("Reception", "Date of birth"),
                QCoreApplication.translate("Reception", "ID number"),
                QCoreApplication.translate("Reception", "Status"),
                QCoreApplication.translate("Reception", "Residential area"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemSelectionChanged.connect(self.completeChanged)
        # Room for five candidates: rarely more, and the choice below stays in sight.
        rows = 5 * table.verticalHeader().defaultSectionSize()
        table.setMaximumHeight(
            rows + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        )
        return table

    def initializePage(self) -> None:
        """Look again each time: what was typed may have changed since the last visit."""
        self.summary.setText(self._summary())
        try:
            self.candidates = self._lookup()
        except ServiceError as exc:
            self.candidates = []
            self.show_general_error(exc.message)
        self._fill()
        # A fresh list needs a fresh decision: never carry a "create" over silently.
        self._choice.setExclusive(False)
        self.open_existing.setChecked(False)
        self.create_new.setChecked(False)
        self._choice.setExclusive(True)
        self._choice_changed()

    def _fill(self) -> None:
        found = bool(self.candidates)
        self.table.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            cells = (
                c.full_name,
                c.birth_display,
                c.id_number or "",
                c.status_label_vi,
                c.residential_area,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if found:
            self.table.selectRow(0)
            self.verdict.setText(
                QCoreApplication.translate(
                    "Reception",
                    "These records look like the same person. Compare them with the papers "
                    "in front of you, then choose below.",
                )
            )
        else:
            self.verdict.setText(
                QCoreApplication.translate(
                    "Reception",
                    "No record has this ID number, or this name with this date of birth.",
                )
            )
        for widget in (self.table, self.open_existing, self.create_new):
            widget.setVisible(found)
        self._refuse_same_id()

    def _refuse_same_id(self) -> None:
        """Two live records may not share an ID number (the service refuses it), so the
        choice to create is not offered; a mistyped number is corrected on going back."""
        typed = query_key(self._typed_id())  # the number without spaces or dots
        owner = next((c for c in self.candidates if c.id_number and c.id_number == typed), None)
        self.create_new.setEnabled(owner is None)
        self.same_id_note.setVisible(owner is not None)
        if owner is not None:
            self.same_id_note.setText(
                QCoreApplication.translate(
                    "Reception",
                    "A new record cannot be created: {0} already has the ID number {1}. If the "
                    "number was mistyped, go back and correct it.",
                ).format(owner.full_name, typed)
            )

    def _choice_changed(self) -> None:
        opening = self.open_existing.isChecked()
        self.setButtonText(
            QWizard.WizardButton.FinishButton,
            QCoreApplication.translate("Reception", "Open the record")
            if opening
            else QCoreApplication.translate("Reception", "Create the record"),
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if not self.candidates:
            return True
        if self.open_existing.isChecked():
            return bool(self.table.selectionModel().selectedRows())
        return self.create_new.isChecked()

    def chosen_existing(self) -> str | None:
        """The record the user chose to open instead of creating one, if any."""
        if not self.candidates or not self.open_existing.isChecked():
            return None
        rows = self.table.selectionModel().selectedRows()
        return self.candidates[rows[0].row()].id if rows else None
