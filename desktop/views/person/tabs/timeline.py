"""Every change to the person and their records, newest first, in Vietnamese sentences."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.person_views import PersonDetail
from desktop.services.timeline import TimelineEntry, person_timeline
from desktop.views.context import AppContext
from desktop.views.person.common import MUTED_STYLE, RecordTable
from desktop.views.person.tabs import PersonTab


class TimelineTab(PersonTab):
    """The audit history told as sentences: when, who, what."""

    def __init__(self, ctx: AppContext, changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, changed, parent)
        self.entries: list[TimelineEntry] = []
        note = QLabel(self.tr("Every change is kept in the audit trail; nothing here can be "
                              "edited."))
        note.setStyleSheet(MUTED_STYLE)
        note.setWordWrap(True)
        self.table = RecordTable("timeline_table", [
            self.tr("When"), self.tr("Who"), self.tr("What happened"),
        ], stretch=2, wrap=True)
        column = QVBoxLayout(self)
        column.addWidget(note)
        column.addWidget(self.table)

    def title(self) -> str:
        return self.tr("History")

    def load(self, detail: PersonDetail) -> None:
        self.detail = detail
        self.entries = person_timeline(self.ctx.db, self.ctx.actor, detail.person.id)
        self.table.set_rows([(str(e.seq), [e.when, e.who, e.text]) for e in self.entries])
