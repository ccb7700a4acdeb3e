"""The Data exchange screen: packages out and in on a USB stick, the conflicts imports left,
the submissions an aggregator received per period, and the units' keys (HANDOFF.md).

Roles that may exchange (officer, administrator) see every tab; a leader sees the
submissions and the key registry, which only read.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.services.access import Action
from desktop.views.context import AppContext
from desktop.views.forms import WrappedLabel
from desktop.views.handoff.common import HEADING_STYLE
from desktop.views.handoff.conflicts_tab import ConflictsTab
from desktop.views.handoff.export_tab import ExportTab
from desktop.views.handoff.import_tab import ImportTab
from desktop.views.handoff.registry_tab import RegistryTab
from desktop.views.handoff.submissions_tab import SubmissionsTab
from desktop.views.navigation import Navigator


class ExchangePage(QWidget):
    """Hosts the exchange tabs; `refresh()` reloads what the database may have changed."""

    def __init__(self, ctx: AppContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchange_page")
        self.ctx, self.nav = ctx, nav
        self.tabs = QTabWidget()
        self.tabs.setObjectName("exchange_tabs")
        self.export: ExportTab | None = None
        self.import_: ImportTab | None = None
        self.conflicts: ConflictsTab | None = None
        may_exchange = ctx.may(Action.EXCHANGE)
        if may_exchange:
            self.export = ExportTab(ctx)
            self.import_ = ImportTab(ctx)
            self.conflicts = ConflictsTab(ctx)
            self.tabs.addTab(self.export, self.tr("Export"))
            self.tabs.addTab(self.import_, self.tr("Import"))
            self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
            self.import_.imported.connect(self._imported)
            self.conflicts.count_changed.connect(self._show_conflict_count)
            self.conflicts.resolved.connect(lambda _c: self.nav.data_changed())
        self.submissions = SubmissionsTab(ctx)
        self.registry = RegistryTab(ctx)
        self.tabs.addTab(self.submissions, self.tr("Submissions"))
        self.tabs.addTab(self.registry, self.tr("Units and keys"))
        self.registry.changed.connect(self._registry_changed)
        self.submissions.reports_requested.connect(lambda: self.nav.show_page("reports"))
        heading = QLabel(self.tr("Data exchange"))
        heading.setStyleSheet(HEADING_STYLE)
        note = WrappedLabel("read_only_note")
        note.setText(self.tr("Your role may look at the submissions and the units' keys; "
                             "exporting and importing packages is for officers and "
                             "administrators."))
        note.setVisible(not may_exchange)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 4)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def refresh(self) -> None:
        """Reload the registry, the conflicts and the submissions shown."""
        self.submissions.ctx = self.registry.ctx = self.ctx
        self.submissions.set_convention(self.ctx.unit.period_convention,
                                        self.ctx.unit.year_start_month)
        self._registry_changed()
        if self.conflicts is not None:
            self.conflicts.ctx = self.ctx
            self.conflicts.load()
        if self.export is not None:
            self.export.load_moved()
            self.export.load_sent()
        self.submissions.load()

    def _registry_changed(self) -> None:
        entries = self.registry.load()
        if self.export is not None:
            self.export.ctx = self.ctx
            self.export.set_registry(entries)
        if self.import_ is not None:
            self.import_.ctx = self.ctx

    def _show_conflict_count(self, count: int) -> None:
        if self.conflicts is None:
            return
        index = self.tabs.indexOf(self.conflicts)
        title = self.tr("Conflicts ({0})").format(count) if count else self.tr("Conflicts")
        self.tabs.setTabText(index, title)

    def _imported(self, _result: object) -> None:
        """An import changed records: reload here, and the other pages when next shown."""
        self.refresh()
        self.nav.data_changed()

    def show_tab(self, key: str) -> None:
        """Bring a tab to the front: "export", "import", "conflicts", "submissions",
        "registry"."""
        tab = {"export": self.export, "import": self.import_, "conflicts": self.conflicts,
               "submissions": self.submissions, "registry": self.registry}.get(key)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
