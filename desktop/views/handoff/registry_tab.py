"""Units and their keys: this unit's own, and every other unit's accepted by a person, with
the key cards that carry them from one office to another."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.formatting import format_datetime, format_int
from desktop.services import exchange_registry
from desktop.services.access import Action
from desktop.services.exchange_registry import RegistryEntry
from desktop.views.context import AppContext
from desktop.views.errors import known_message, show_error
from desktop.views.forms import WrappedLabel
from desktop.views.handoff import keys
from desktop.views.handoff.common import StatusLine, cell, read_only_table
from desktop.views.reports.page import default_output_dir

HALF = 8  # fingerprint groups per line: two lines keep the unit's name readable


class RegistryTab(QWidget):
    """The key registry as a table, and the key card buttons."""

    changed = Signal()  # a key card was imported: the registry differs

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[RegistryEntry] = []
        self.folder = default_output_dir()
        self.status = StatusLine()
        intro = WrappedLabel("registry_intro")
        intro.setText(self.tr(
            "Every unit whose key this computer knows. A unit's key is registered when a "
            "person confirms its fingerprint — on its first package, or by importing its key "
            "card. With the receiving key known, packages to that unit are encrypted to it "
            "automatically. Give your own key card to the offices you send packages to."))
        self.table = read_only_table([
            self.tr("Code"), self.tr("Unit"), self.tr("Key fingerprint"),
            self.tr("Receiving key"), self.tr("Registered"), self.tr("By"),
            self.tr("Packages received"), self.tr("Last received")], "registry", stretch=1)
        self.export_button = QPushButton(self.tr("&Export this unit's key card…"))
        self.export_button.setObjectName("export_card")
        self.export_button.clicked.connect(self.export_card)
        self.import_button = QPushButton(self.tr("&Import a key card…"))
        self.import_button.setObjectName("import_card")
        self.import_button.clicked.connect(self.import_card)
        may = ctx.may(Action.EXCHANGE)
        self.export_button.setVisible(may)
        self.import_button.setVisible(may)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def load(self) -> list[RegistryEntry]:
        """Reload the registry; returns it for the other tabs."""
        try:
            self.entries = exchange_registry.list_registry(self.ctx.db, self.ctx.actor)
        except Exception as exc:
            show_error(self, exc)
            return self.entries
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            name = entry.unit_name + (self.tr(" (this unit)") if entry.own else "")
            receiving = self.tr("known") if entry.age_recipient else self.tr("not known")
            values = [entry.unit_code, name, keys.fingerprint_lines(entry.fingerprint_display,
                                                                    HALF),
                      receiving,
                      format_datetime(entry.accepted_at), entry.accepted_by,
                      "" if entry.own else format_int(entry.packages_received),
                      format_datetime(entry.last_received_at)]
            for column, text in enumerate(values):
                self.table.setItem(row, column, cell(
                    text, bold=entry.own, number=column == 6,
                    tooltip=(entry.age_recipient or "") if column == 3 else ""))
        self.table.resizeRowsToContents()
        return self.entries

    def _show_failure(self, exc: BaseException) -> None:
        message = known_message(exc)
        if message is None:
            show_error(self, exc)
        else:
            self.status.show_message(message, error=True)

    def export_card(self) -> None:
        try:
            written = keys.export_card(self, self.ctx, self.folder)
        except Exception as exc:
            self._show_failure(exc)
            return
        if written is None:
            return
        self.folder = written.path.parent
        self.status.show_message(self.tr(
            "Key card written: {0}. Give it to the other office and read them this "
            "fingerprint by phone: {1}").format(written.path, written.fingerprint_display))
        self.load()
        self.changed.emit()

    def import_card(self) -> None:
        try:
            result = keys.import_card(self, self.ctx, self.folder)
        except Exception as exc:
            self._show_failure(exc)
            return
        if result is None:
            return
        self.status.show_message(result.message)
        self.load()
        self.changed.emit()
