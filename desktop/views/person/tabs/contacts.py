"""The contact log (nhật ký gặp gỡ), this year's weekly coverage, and excused weeks.

Coverage is `contacts.person_coverage` — the one definition the dashboard and the reports
use — over 1 January to today.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.formatting import format_date, format_decimal
from desktop.rules.coverage import WeekCoverage, parse_iso_week
from desktop.services import contacts
from desktop.services.contacts import ContactView, ExcusedWeekView
from desktop.services.person_views import PersonDetail
from desktop.views.context import AppContext
from desktop.views.person import common
from desktop.views.person.common import (
    MUTED_STYLE,
    RecordTable,
    button_row,
    edit_button,
    placeholder,
    selection_buttons,
)
from desktop.views.person.tabs import PersonTab

# The situation notes that, after the summary, say most about how the person is doing.
SITUATION_NOTES = ("work", "health", "family", "attitude", "mood")


def situation_text(c: ContactView) -> str:
    """Summary first, then the situation notes, in one line."""
    notes = [c.summary, *(getattr(c, name) for name in SITUATION_NOTES)]
    return " · ".join(n.replace("\n", " ") for n in notes if n)


class ContactsTab(PersonTab):
    """Log of contacts, newest first, with coverage and the weeks excused from contact."""

    def __init__(self, ctx: AppContext, changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, changed, parent)
        self.contacts: dict[str, ContactView] = {}
        self.coverage = QLabel()
        self.coverage.setObjectName("coverage")
        self.missed = QLabel()
        self.missed.setObjectName("missed_weeks")
        self.missed.setWordWrap(True)
        self.missed.setStyleSheet(MUTED_STYLE)
        self.table = RecordTable("contacts_table", [
            self.tr("Date"), self.tr("Form"), self.tr("Members present"),
            self.tr("Summary / situation"), self.tr("Risk signs"),
        ], stretch=3)
        self.excused = RecordTable("excused_table", [
            self.tr("Week"), self.tr("Dates"), self.tr("Reason"),
        ], stretch=2)
        self._buttons(ctx)
        self._lay_out()

    def _buttons(self, ctx: AppContext) -> None:
        self.add = edit_button(ctx, self.tr("Log contact… (Ctrl+N)"), "contact_add",
                               self.log_contact)
        self.edit = edit_button(ctx, self.tr("Edit…"), "contact_edit", self._edit)
        self.delete = edit_button(ctx, self.tr("Delete"), "contact_delete", self._delete)
        selection_buttons(self.table, [self.edit, self.delete])
        self.table.doubleClicked.connect(self._edit)
        self.add_excused = edit_button(ctx, self.tr("Excuse a week…"), "excused_add",
                                       self._add_excused)
        self.remove_excused = edit_button(ctx, self.tr("Remove"), "excused_remove",
                                          self._remove_excused)
        selection_buttons(self.excused, [self.remove_excused])

    def _lay_out(self) -> None:
        log = QWidget()
        column = QVBoxLayout(log)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.coverage)
        column.addWidget(self.missed)
        column.addLayout(button_row(self.add, self.edit, self.delete))
        column.addWidget(self.table)
        excused = QGroupBox(self.tr("Weeks excused from contact"))
        box = QVBoxLayout(excused)
        box.addLayout(button_row(self.add_excused, self.remove_excused))
        box.addWidget(self.excused)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(log)
        split.addWidget(excused)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 200])  # room for a few excused weeks without scrolling
        QVBoxLayout(self).addWidget(split)

    def title(self) -> str:
        return self.tr("Contacts ({0})").format(len(self.contacts))

    def load(self, detail: PersonDetail) -> None:
        self.detail = detail
        ctx, pid, today = self.ctx, detail.person.id, self.ctx.today()
        rows = contacts.list_contacts(ctx.db, ctx.actor, pid)
        self.contacts = {c.id: c for c in rows}
        self.table.set_rows([(c.id, self._cells(c)) for c in rows])
        for r, c in enumerate(rows):
            if c.risk_signs:
                self.table.mark(r, 4)
        excused = contacts.list_excused_weeks(ctx.db, ctx.actor, pid)
        self.excused.set_rows([(e.id, self._excused_cells(e)) for e in excused])
        start = date(today.year, 1, 1)
        self._show_coverage(contacts.person_coverage(ctx.db, ctx.actor, pid, start, today),
                            today.year)
        # Nothing is recorded for a person who has not come home yet (services refuse it).
        at_home = detail.person.status != "expected"
        self.add.setEnabled(at_home)
        self.add_excused.setEnabled(at_home)

    def _cells(self, c: ContactView) -> list[str]:
        return [format_date(c.contact_date), c.form_label, placeholder(c.members_present),
                placeholder(situation_text(c)), ", ".join(c.risk_sign_labels)]

    def _excused_cells(self, e: ExcusedWeekView) -> list[str]:
        return [e.week, f"{format_date(e.starts_on)} – {format_date(e.ends_on)}", e.reason]

    def _show_coverage(self, cov: WeekCoverage, year: int) -> None:
        self.coverage.setProperty("covered", cov.covered)
        self.coverage.setProperty("due", cov.due)
        if cov.due == 0:
            self.coverage.setText(self.tr("{0}: no week of contact was due yet.").format(year))
            self.missed.hide()
            return
        text = self.tr("{0}: covered {1} of {2} weeks ({3}%)").format(
            year, cov.covered, cov.due, format_decimal(cov.pct))
        if cov.excused:
            text += " · " + self.tr("{0} excused").format(cov.excused)
        self.coverage.setText(f"<b>{text}</b>")
        weeks = [f"{code} ({format_date(parse_iso_week(code))})" for code in cov.missed]
        self.missed.setText(self.tr("Weeks without contact: {0}").format(", ".join(weeks))
                            if weeks else self.tr("No week without contact."))
        self.missed.show()

    def log_contact(self) -> None:
        """Open the contact dialog for a new contact (also Ctrl+N on the page)."""
        from desktop.views.person.dialogs import ContactDialog

        if self.detail is None or not self.add.isEnabled() or not self.can_edit:
            return
        saved = self.run_dialog(ContactDialog(self.ctx, self.person_id, self))
        if isinstance(saved, ContactView):
            self.table.select_id(saved.id)

    def _edit(self) -> None:
        from desktop.views.person.dialogs import ContactDialog

        contact = self.contacts.get(self.table.selected_id() or "")
        if contact is not None and self.can_edit:
            self.run_dialog(ContactDialog(self.ctx, self.person_id, self, contact=contact))

    def _delete(self) -> None:
        contact = self.contacts.get(self.table.selected_id() or "")
        if contact is None:
            return
        question = self.tr("Delete the contact of {0}? It stays in the history as deleted.")
        if common.confirm(self, self.tr("Delete contact"),
                          question.format(format_date(contact.contact_date))):
            self.run_delete(lambda why: contacts.delete_contact(
                self.ctx.db, self.ctx.actor, contact.id, adjustment_reason=why))

    def _add_excused(self) -> None:
        from desktop.views.person.dialogs import ExcusedWeekDialog

        if self.detail is not None:
            self.run_dialog(ExcusedWeekDialog(self.ctx, self.person_id, self))

    def _remove_excused(self) -> None:
        week_id = self.excused.selected_id()
        if week_id is None:
            return
        question = self.tr("Remove this excuse? The week then counts as due again.")
        if common.confirm(self, self.tr("Remove excused week"), question):
            self.run_delete(lambda why: contacts.remove_excused_week(
                self.ctx.db, self.ctx.actor, week_id, adjustment_reason=why))
