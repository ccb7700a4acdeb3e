"""The lifecycle steps of a case (SPEC §3): receive, start management, mark absent, end.

Each dialog names the person and the status change it will make, asks only what the step
needs, and calls the `lifecycle` service; a refused date shows under its field.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.models import END_REASONS
from desktop.services import lifecycle
from desktop.services.labels import END_REASON_LABELS, STATUS_LABELS
from desktop.services.person_views import PersonView
from desktop.views.context import AppContext
from desktop.views.forms import DateEdit, FormDialog
from desktop.views.person.common import MUTED_STYLE, column_of
from desktop.views.person.dialogs.common import (
    CodeCombo,
    NoteEdit,
    add_save_shortcut,
    date_of,
    guard_read_only,
)


class LifecycleDialog(FormDialog):
    """A step that moves `person` to `to_status`; subclasses add their fields."""

    to_status = ""

    def __init__(self, ctx: AppContext, person: PersonView,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.ctx, self.person = ctx, person
        self.setMinimumWidth(500)
        explain = QLabel(self.tr("Status: {0} → {1}").format(
            person.status_label, STATUS_LABELS[self.to_status]))
        explain.setObjectName("status_change")
        explain.setStyleSheet(MUTED_STYLE)
        column_of(self).insertWidget(0, explain)

    def finish(self, title: str) -> None:
        """Shared last steps of the subclasses' constructors; `title` has {0} for the name."""
        self.setWindowTitle(title.format(self.person.full_name))
        add_save_shortcut(self)
        guard_read_only(self, self.ctx)


class ReceiveDialog(LifecycleDialog):
    """The person reported to the commune (after the prison's notice, or after an absence)."""

    to_status = "received"

    def __init__(self, ctx: AppContext, person: PersonView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, person, parent)
        self.received_on = DateEdit(ctx.today())
        self.add_field("received_on", self.tr("&Reported on"), self.received_on)
        self.finish(self.tr("Receive – {0}"))

    def submit(self) -> None:
        ctx, pid, day = self.ctx, self.person.id, date_of(self.received_on)
        why = self.adjustment_reason()
        self.run_service(lambda: lifecycle.receive_person(ctx.db, ctx.actor, pid, day,
                                                          ctx.today(), adjustment_reason=why))


class StartManagementDialog(LifecycleDialog):
    """A received person is put under management, with the team decision (HCD-07)."""

    to_status = "managed"

    def __init__(self, ctx: AppContext, person: PersonView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, person, parent)
        self.managed_on = DateEdit(ctx.today())
        self.add_field("managed_on", self.tr("&Managed from"), self.managed_on)
        self.decision_number = QLineEdit()
        self.decision_number.setPlaceholderText(self.tr("e.g. 12/QĐ-UBND (may be added later)"))
        self.add_field("decision_number", self.tr("Team &decision number"),
                       self.decision_number)
        self.decision_date = DateEdit(None, optional=True)
        self.add_field("decision_date", self.tr("Decision d&ate"), self.decision_date)
        self.finish(self.tr("Start management – {0}"))

    def submit(self) -> None:
        ctx, pid = self.ctx, self.person.id
        day, number = date_of(self.managed_on), self.decision_number.text()
        decided = self.decision_date.date_value()
        self.run_service(lambda: lifecycle.start_management(
            ctx.db, ctx.actor, pid, day, number, decided, ctx.today()))


class MarkAbsentDialog(LifecycleDialog):
    """The person did not report, or left without notice (HCD-04)."""

    to_status = "absent"

    def __init__(self, ctx: AppContext, person: PersonView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, person, parent)
        self.absent_on = DateEdit(ctx.today())
        self.add_field("absent_on", self.tr("&Absent since"), self.absent_on)
        self.note = NoteEdit(lines=3)
        self.note.setPlaceholderText(self.tr("What is known: did not report, left for…"))
        self.add_field("note", self.tr("&Note"), self.note)
        self.finish(self.tr("Mark absent – {0}"))

    def submit(self) -> None:
        ctx, pid = self.ctx, self.person.id
        day, note = date_of(self.absent_on), self.note.text()
        self.run_service(lambda: lifecycle.mark_absent(ctx.db, ctx.actor, pid, day, note,
                                                       ctx.today()))


class EndManagementDialog(LifecycleDialog):
    """Management ends for one of the legal reasons (HCD-10/HCD-11)."""

    to_status = "ended"

    def __init__(self, ctx: AppContext, person: PersonView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, person, parent)
        self.end_reason = CodeCombo(END_REASONS, END_REASON_LABELS)
        self.add_field("end_reason", self.tr("&Reason"), self.end_reason)
        self.ended_on = DateEdit(ctx.today())
        self.add_field("ended_on", self.tr("&Ended on"), self.ended_on)
        self.note = NoteEdit(lines=3)
        self.note.setPlaceholderText(self.tr("Decision number, where the person moved…"))
        self.add_field("note", self.tr("&Note"), self.note)
        self.finish(self.tr("End management – {0}"))

    def submit(self) -> None:
        ctx, pid = self.ctx, self.person.id
        day, reason, note = date_of(self.ended_on), self.end_reason.code(), self.note.text()
        why = self.adjustment_reason()
        saved = self.run_service(lambda: lifecycle.end_management(
            ctx.db, ctx.actor, pid, day, reason, note, ctx.today(), adjustment_reason=why))
        if saved and reason == "moved":  # the case file can follow the person now
            from desktop.views.handoff.transfer import offer_transfer

            offer_transfer(ctx, pid, self.person.full_name, self.parentWidget())
