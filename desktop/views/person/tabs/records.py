"""Support given and violations: two lists of dated records with add, edit and delete.

Both tabs work the same way, so `RecordListTab` holds the table, the buttons and the
delete confirmation; each subclass says how to list, show, edit and delete its records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.formatting import format_date, format_vnd
from desktop.services import supports, violations
from desktop.services.person_views import PersonDetail
from desktop.services.supports import SupportView
from desktop.services.violations import ViolationView
from desktop.views.context import AppContext
from desktop.views.person import common
from desktop.views.person.common import (
    RecordTable,
    button_row,
    edit_button,
    placeholder,
    selection_buttons,
)
from desktop.views.person.tabs import PersonTab


class RecordListTab(PersonTab):
    """A table of one kind of record with Add…, Edit… and Delete."""

    key = ""  # object-name prefix: "<key>_table", "<key>_add", …

    def __init__(self, ctx: AppContext, changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, changed, parent)
        self.rows: dict[str, Any] = {}
        self.table = RecordTable(f"{self.key}_table", self.headers(), stretch=self.stretch())
        self.add = edit_button(ctx, self.tr("Add…"), f"{self.key}_add", self._add)
        self.edit = edit_button(ctx, self.tr("Edit…"), f"{self.key}_edit", self._edit)
        self.delete = edit_button(ctx, self.tr("Delete"), f"{self.key}_delete", self._delete)
        selection_buttons(self.table, [self.edit, self.delete])
        self.table.doubleClicked.connect(self._edit)
        column = QVBoxLayout(self)
        column.addLayout(button_row(self.add, self.edit, self.delete))
        column.addWidget(self.table)

    # What a subclass defines ------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def stretch(self) -> int:
        """The column that takes the spare width (the longest text)."""
        raise NotImplementedError

    def fetch(self, person_id: str) -> Sequence[Any]:
        raise NotImplementedError

    def cells(self, record: Any) -> list[str]:
        raise NotImplementedError

    def dialog(self, record: Any | None) -> QDialog:
        raise NotImplementedError

    def remove(self, record: Any, adjustment_reason: str | None) -> None:
        raise NotImplementedError

    def delete_question(self, record: Any) -> str:
        raise NotImplementedError

    # Shared behaviour --------------------------------------------------------------------
    def load(self, detail: PersonDetail) -> None:
        self.detail = detail
        records = self.fetch(detail.person.id)
        self.rows = {r.id: r for r in records}
        self.table.set_rows([(r.id, self.cells(r)) for r in records])
        self.add.setEnabled(detail.person.status != "expected")

    def _add(self) -> None:
        if self.detail is not None:
            saved = self.run_dialog(self.dialog(None))
            if saved is not None:
                self.table.select_id(saved.id)  # type: ignore[attr-defined]

    def _edit(self) -> None:
        record = self.rows.get(self.table.selected_id() or "")
        if record is not None and self.can_edit:
            self.run_dialog(self.dialog(record))

    def _delete(self) -> None:
        record = self.rows.get(self.table.selected_id() or "")
        if record is not None and common.confirm(self, self.tr("Delete record"),
                                                 self.delete_question(record)):
            self.run_delete(lambda why: self.remove(record, why))


class SupportsTab(RecordListTab):
    """Support given (Decree 49/2020 Art. 10–11): counselling, papers, jobs, loans, aid."""

    key = "support"

    def title(self) -> str:
        return self.tr("Support ({0})").format(len(self.rows))

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Kind"), self.tr("Amount"), self.tr("Details"),
                self.tr("Provided by"), self.tr("Outcome")]

    def stretch(self) -> int:
        return 5

    def fetch(self, person_id: str) -> Sequence[SupportView]:
        return supports.list_supports(self.ctx.db, self.ctx.actor, person_id)

    def cells(self, s: SupportView) -> list[str]:
        loan = [s.loan_purpose_label, s.loan_status_label,
                self.tr("{0} months").format(s.loan_months) if s.loan_months else "",
                s.loan_bank]
        details = ", ".join(t for t in [*loan, s.note.replace("\n", " ")] if t)
        return [format_date(s.support_date), s.kind_label, placeholder(format_vnd(s.amount_vnd)),
                placeholder(details), placeholder(s.provider), placeholder(s.outcome)]

    def dialog(self, record: SupportView | None) -> QDialog:
        from desktop.views.person.dialogs import SupportDialog

        return SupportDialog(self.ctx, self.person_id, self, support=record)

    def remove(self, record: SupportView, adjustment_reason: str | None) -> None:
        supports.delete_support(self.ctx.db, self.ctx.actor, record.id,
                                adjustment_reason=adjustment_reason)

    def delete_question(self, record: SupportView) -> str:
        return self.tr("Delete “{0}” of {1}? It stays in the history as deleted.").format(
            record.kind_label, format_date(record.support_date))


class ViolationsTab(RecordListTab):
    """Violations: administrative, new crimes, other breaches."""

    key = "violation"

    def title(self) -> str:
        return self.tr("Violations ({0})").format(len(self.rows))

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Kind"), self.tr("Description"), self.tr("Handling")]

    def stretch(self) -> int:
        return 2

    def fetch(self, person_id: str) -> Sequence[ViolationView]:
        return violations.list_violations(self.ctx.db, self.ctx.actor, person_id)

    def cells(self, v: ViolationView) -> list[str]:
        return [format_date(v.violation_date), v.kind_label, v.description.replace("\n", " "),
                placeholder(v.handling.replace("\n", " "))]

    def load(self, detail: PersonDetail) -> None:
        super().load(detail)
        for r in range(self.table.rowCount()):
            self.table.mark(r, 1)

    def dialog(self, record: ViolationView | None) -> QDialog:
        from desktop.views.person.dialogs import ViolationDialog

        return ViolationDialog(self.ctx, self.person_id, self, violation=record)

    def remove(self, record: ViolationView, adjustment_reason: str | None) -> None:
        violations.delete_violation(self.ctx.db, self.ctx.actor, record.id,
                                    adjustment_reason=adjustment_reason)

    def delete_question(self, record: ViolationView) -> str:
        return self.tr("Delete the violation of {0}? It stays in the history as deleted.") \
            .format(format_date(record.violation_date))
