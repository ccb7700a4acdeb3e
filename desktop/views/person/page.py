"""The person page (SPEC §5.3): header with lifecycle actions, and one tab per kind of record.

The page holds the person's id and the plain views the services return, nothing else.
After any saved change it reloads itself and tells the main window (`data_changed`), so
the dashboard and the people table are fresh when next shown. Dialogs are imported when
opened: the page stays usable even if one dialog module fails to load.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.services import person_queries
from desktop.services.access import Action
from desktop.services.errors import NotFound
from desktop.services.person_views import PersonDetail
from desktop.views import errors
from desktop.views.context import AppContext
from desktop.views.navigation import Navigator
from desktop.views.person import common
from desktop.views.person.header import PersonHeader
from desktop.views.person.tabs import PersonTab
from desktop.views.person.tabs.contacts import ContactsTab
from desktop.views.person.tabs.evaluations import EvaluationsTab
from desktop.views.person.tabs.profile import ProfileTab
from desktop.views.person.tabs.records import SupportsTab, ViolationsTab
from desktop.views.person.tabs.team import TeamTab
from desktop.views.person.tabs.timeline import TimelineTab


@dataclass(frozen=True)
class LifecycleStep:
    """A lifecycle action and the statuses it starts from (as `services.lifecycle` allows)."""

    key: str
    from_statuses: tuple[str, ...]


# Mirrors the `_require_status` checks of services.lifecycle, which refuse anything else.
LIFECYCLE_STEPS = (
    LifecycleStep("receive", ("expected", "absent")),
    LifecycleStep("start_management", ("received",)),
    LifecycleStep("mark_absent", ("expected", "received", "managed")),
    LifecycleStep("end_management", ("received", "managed", "absent")),
)


class PersonPage(QWidget):
    """One person's case: header, lifecycle actions and the record tabs."""

    def __init__(self, ctx: AppContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_page")
        self.ctx, self.nav = ctx, nav
        self.person_id: str | None = None
        self.detail: PersonDetail | None = None
        self.header = PersonHeader()
        self.header.back.clicked.connect(lambda: nav.show_page("people"))
        self.lifecycle_buttons = self._lifecycle_buttons()
        self.print_button = QPushButton(self.tr("Print paper…"))
        self.print_button.setObjectName("print_paper")
        self.print_button.setToolTip(self.tr(
            "HCD-02 information sheet, HCD-05, HCD-07 team decision, HCD-08 quarterly "
            "result, HCD-10/11 end of management"))
        self.print_button.clicked.connect(self.print_paper)
        self.print_button.setVisible(ctx.may(Action.PRODUCE_REPORTS))
        self.header.action_row.addWidget(self.print_button)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("person_tabs")
        self.tabs.setDocumentMode(True)
        changed = self.after_change
        self.profile_tab = ProfileTab(ctx, changed)
        self.team_tab = TeamTab(ctx, changed)
        self.contacts_tab = ContactsTab(ctx, changed)
        self.evaluations_tab = EvaluationsTab(ctx, changed)
        self.supports_tab = SupportsTab(ctx, changed)
        self.violations_tab = ViolationsTab(ctx, changed)
        self.timeline_tab = TimelineTab(ctx, changed)
        for tab in self.all_tabs():
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        if ctx.may(Action.EDIT_RECORDS):
            shortcut = QShortcut(QKeySequence("Ctrl+N"), self, self.log_contact)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def all_tabs(self) -> list[PersonTab]:
        return [self.profile_tab, self.team_tab, self.contacts_tab, self.evaluations_tab,
                self.supports_tab, self.violations_tab, self.timeline_tab]

    def _lifecycle_buttons(self) -> dict[str, QPushButton]:
        texts = {"receive": self.tr("Receive…"),
                 "start_management": self.tr("Start management…"),
                 "mark_absent": self.tr("Mark absent…"),
                 "end_management": self.tr("End management…")}
        buttons = {}
        for step in LIFECYCLE_STEPS:
            button = common.edit_button(self.ctx, texts[step.key], f"action_{step.key}",
                                        self._step_slot(step.key))
            self.header.action_row.addWidget(button)
            buttons[step.key] = button
        return buttons

    def _step_slot(self, key: str) -> Callable[[], None]:
        return lambda: self.run_step(key)

    # Showing ------------------------------------------------------------------------------
    def show_person(self, person_id: str) -> None:
        """Show `person_id`, starting on the profile tab."""
        self.person_id = person_id
        self.tabs.setCurrentIndex(0)
        self.refresh()

    def refresh(self) -> None:
        """Reload the person and every tab from the services."""
        if self.person_id is None:
            return
        try:
            self.detail = person_queries.get_person(self.ctx.db, self.ctx.actor, self.person_id,
                                                    self.ctx.today())
            self.header.show_detail(self.detail, self.ctx.today())
            for index, tab in enumerate(self.all_tabs()):
                tab.load(self.detail)
                self.tabs.setTabText(index, tab.title())
        except NotFound as exc:  # deleted or moved meanwhile: back to the list
            errors.show_error(self, exc)
            self.nav.show_page("people")
            return
        self._show_steps(self.detail.person.status)

    def _show_steps(self, status: str) -> None:
        may_edit = self.ctx.may(Action.EDIT_RECORDS)
        for step in LIFECYCLE_STEPS:
            self.lifecycle_buttons[step.key].setVisible(may_edit and status in step.from_statuses)

    def after_change(self) -> None:
        """A dialog saved something: reload here, and mark the other pages stale."""
        self.refresh()
        self.nav.data_changed()

    # Actions ------------------------------------------------------------------------------
    def run_step(self, key: str) -> None:
        """Open the dialog of a lifecycle step; on save refresh everything."""
        from desktop.views.person import lifecycle_dialogs as dialogs

        if self.detail is None:
            return
        kinds = {"receive": dialogs.ReceiveDialog,
                 "start_management": dialogs.StartManagementDialog,
                 "mark_absent": dialogs.MarkAbsentDialog,
                 "end_management": dialogs.EndManagementDialog}
        if common.exec_dialog(kinds[key](self.ctx, self.detail.person, self)):
            self.after_change()

    def print_paper(self) -> None:
        """Write one of the person's papers as a PDF (a new stored revision of it)."""
        from desktop.views.person.papers_dialog import PersonPaperDialog

        if self.detail is not None and common.exec_dialog(
                PersonPaperDialog(self.ctx, self.detail.person, self)):
            self.nav.data_changed()  # the Reports page lists the new revision

    def log_contact(self) -> None:
        """Ctrl+N: go to the contacts tab and open a new contact."""
        if self.detail is None:
            return
        self.tabs.setCurrentWidget(self.contacts_tab)
        self.contacts_tab.log_contact()
