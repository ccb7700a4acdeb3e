"""Record a violation by the person (administrative, new crime, other) and how it was handled.

A violation weighs on the quarter's classification and blocks a loan for a while, so the
dialog asks for the date and what happened; the service checks the date lies in the care.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.models import VIOLATION_KINDS
from desktop.services import violations
from desktop.services.labels import VIOLATION_KIND_LABELS
from desktop.services.violations import ViolationView
from desktop.views.context import AppContext
from desktop.views.forms import DateEdit, FormDialog
from desktop.views.person.dialogs.common import (
    CodeCombo,
    NoteEdit,
    add_save_shortcut,
    date_of,
    guard_read_only,
    person_name,
)


class ViolationDialog(FormDialog):
    """Record a new violation, or correct `violation`."""

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None,
                 violation: ViolationView | None = None) -> None:
        super().__init__("", parent)
        self.ctx, self.person_id, self.violation = ctx, person_id, violation
        title = self.tr("Edit violation – {0}") if violation else self.tr("New violation – {0}")
        self.setWindowTitle(title.format(person_name(ctx, person_id)))
        self.setMinimumWidth(520)
        self.kind = CodeCombo(VIOLATION_KINDS, VIOLATION_KIND_LABELS)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.violation_date = DateEdit(violation.violation_date if violation else ctx.today())
        self.add_field("violation_date", self.tr("&Date"), self.violation_date)
        self.description = NoteEdit(violation.description if violation else "", lines=4)
        self.description.setPlaceholderText(self.tr("What happened, where, who reported it"))
        self.add_field("description", self.tr("D&escription"), self.description)
        self.handling = NoteEdit(violation.handling if violation else "", lines=3)
        self.handling.setPlaceholderText(self.tr("Fine, warning, case passed to the "
                                                 "investigation agency…"))
        self.add_field("handling", self.tr("&Handling"), self.handling)
        if violation is not None:
            self.kind.set_code(violation.kind)
        add_save_shortcut(self)
        guard_read_only(self, ctx)
        self.kind.setFocus()

    def submit(self) -> None:
        """Save the violation; errors appear under their field."""
        ctx = self.ctx
        kind, day = self.kind.code(), date_of(self.violation_date)
        text, handling = self.description.text(), self.handling.text()
        why = self.adjustment_reason()
        if self.violation is None:
            self.run_service(lambda: violations.record_violation(
                ctx.db, ctx.actor, self.person_id, kind, day, text, handling, ctx.today(),
                why))
        else:
            violation_id = self.violation.id
            self.run_service(lambda: violations.update_violation(
                ctx.db, ctx.actor, violation_id, kind, day, text, handling, ctx.today(),
                why))
