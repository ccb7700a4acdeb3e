"""Quarterly evaluations (HCD-08 report, HCD-09 group A–D), latest quarter first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.formatting import format_date
from desktop.services import evaluations
from desktop.services.evaluations import EvaluationView
from desktop.services.person_views import PersonDetail
from desktop.services.timeline import excerpt
from desktop.views.context import AppContext
from desktop.views.person.common import (
    RecordTable,
    button_row,
    edit_button,
    placeholder,
    selection_buttons,
)
from desktop.views.person.tabs import PersonTab

# Groups that call for attention in the table (not law-abiding, or in detention).
ATTENTION_GROUPS = ("C", "D")


class EvaluationsTab(PersonTab):
    """One row per evaluated quarter; a quarter is evaluated (or corrected) in a dialog."""

    def __init__(self, ctx: AppContext, changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, changed, parent)
        self.rows: dict[str, EvaluationView] = {}
        self.table = RecordTable("evaluations_table", [
            self.tr("Quarter"), self.tr("Group"), self.tr("Classification"),
            self.tr("Evaluated on"), self.tr("Helper's report"),
        ], stretch=4)
        self.add = edit_button(ctx, self.tr("Evaluate quarter…"), "evaluation_add",
                               self._evaluate)
        self.open = edit_button(ctx, self.tr("Open…"), "evaluation_open", self._open)
        selection_buttons(self.table, [self.open])
        self.table.doubleClicked.connect(self._open)
        column = QVBoxLayout(self)
        column.addLayout(button_row(self.add, self.open))
        column.addWidget(self.table)

    def title(self) -> str:
        return self.tr("Evaluations ({0})").format(len(self.rows))

    def load(self, detail: PersonDetail) -> None:
        self.detail = detail
        views = evaluations.list_evaluations(self.ctx.db, self.ctx.actor, detail.person.id)
        self.rows = {e.id: e for e in views}
        self.table.set_rows([(e.id, [
            e.quarter_label, e.classification, e.classification_label,
            format_date(e.evaluated_on), placeholder(excerpt(e.helper_report, 160)),
        ]) for e in views])
        for r, e in enumerate(views):
            if e.classification in ATTENTION_GROUPS:
                self.table.mark(r, 1)
        self.add.setEnabled(detail.person.status != "expected")

    def _evaluate(self, quarter: str | None = None) -> None:
        from desktop.views.person.dialogs import EvaluationDialog

        if self.detail is not None and self.can_edit:
            self.run_dialog(EvaluationDialog(self.ctx, self.person_id, quarter=quarter,
                                             parent=self))

    def _open(self) -> None:
        evaluation = self.rows.get(self.table.selected_id() or "")
        if evaluation is not None:
            self._evaluate(evaluation.quarter)
