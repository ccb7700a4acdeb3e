"""The conflict log (HANDOFF.md §4 rule 6): records an import could not apply, both versions
side by side, field by field with the differences highlighted, and the choice between them.

Resolving goes through `exchange.resolve_conflict` (checked, one transaction, audited);
the version not chosen stays in the log.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_datetime, format_int
from desktop.services import conflict_views, exchange
from desktop.services.conflict_views import ConflictRow
from desktop.views.context import AppContext
from desktop.views.errors import known_message, show_error
from desktop.views.forms import WrappedLabel
from desktop.views.handoff import prompts
from desktop.views.handoff.common import (
    DIFFERS_BACKGROUND,
    StatusLine,
    cell,
    read_only_table,
    table_label,
)


class ConflictsTab(QWidget):
    """The list of conflicts above, the comparison of the selected one below."""

    count_changed = Signal(int)  # open conflicts
    resolved = Signal(object)  # ConflictView

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ConflictRow] = []
        self.status = StatusLine()
        self.intro = WrappedLabel("conflicts_intro")
        self.intro.setText(self.tr(
            "A conflict is a record that arrived in a package but could not replace the one "
            "on this computer (both were changed, or it belongs to another unit). Both "
            "versions are kept. Compare them and choose which one stays; the other remains "
            "in the log."))
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self._list_box())
        split.addWidget(self._compare_box())
        split.setSizes([220, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def _list_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Open conflicts"))
        self.show_resolved = QCheckBox(self.tr("Show resolved conflicts too"))
        self.show_resolved.setObjectName("show_resolved")
        self.show_resolved.toggled.connect(lambda _on: self.load())
        self.list = read_only_table([
            self.tr("Table"), self.tr("Record"), self.tr("Unit"), self.tr("Found on"),
            self.tr("Fields that differ"), self.tr("State")], "conflicts", stretch=1)
        self.list.itemSelectionChanged.connect(self._selected)
        column = QVBoxLayout(box)
        column.addWidget(self.show_resolved)
        column.addWidget(self.list, 1)
        return box

    def _compare_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Both versions"))
        self.reason = WrappedLabel("conflict_reason", "")
        self.only_differences = QCheckBox(self.tr("Only the fields that differ"))
        self.only_differences.setObjectName("only_differences")
        self.only_differences.setChecked(True)  # what there is to decide; all on request
        self.only_differences.toggled.connect(lambda _on: self._selected())
        self.compare = read_only_table([self.tr("Field"), self.tr("On this computer"),
                                        self.tr("In the package")], "compare")
        self.compare.setWordWrap(True)
        self.keep_local = QPushButton(self.tr("&Keep this computer's version"))
        self.keep_local.setObjectName("keep_local")
        self.keep_local.clicked.connect(lambda: self.resolve("local"))
        self.take_incoming = QPushButton(self.tr("&Take the package's version"))
        self.take_incoming.setObjectName("take_incoming")
        self.take_incoming.clicked.connect(lambda: self.resolve("incoming"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.only_differences)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_local)
        buttons.addWidget(self.take_incoming)
        column = QVBoxLayout(box)
        column.addWidget(self.reason)
        column.addWidget(self.compare, 1)
        column.addLayout(buttons)
        return box

    # loading ---------------------------------------------------------------------------
    def load(self) -> None:
        """Reload the log; keep the selected conflict when it is still listed."""
        current = self.current()
        keep = current.conflict.id if current is not None else None
        try:
            self.rows = conflict_views.conflict_rows(
                self.ctx.db, self.ctx.actor, include_resolved=self.show_resolved.isChecked())
        except Exception as exc:
            show_error(self, exc)
            return
        self.list.blockSignals(True)
        self.list.setRowCount(len(self.rows))
        for row, item in enumerate(self.rows):
            self._fill(row, item)
        self.list.blockSignals(False)
        ids = [r.conflict.id for r in self.rows]
        target = ids.index(keep) if keep in ids else 0
        if self.rows:
            self.list.selectRow(target)
        self._selected()
        self.count_changed.emit(sum(r.conflict.resolved_at is None for r in self.rows))

    def _state(self, row: ConflictRow) -> str:
        c = row.conflict
        if c.resolved_at is None:
            return self.tr("open")
        kept = self.tr("this computer's") if c.resolution == "local" \
            else self.tr("the package's")
        return self.tr("kept {0} version ({1}, {2})").format(
            kept, c.resolved_by or "", format_datetime(c.resolved_at))

    def _fill(self, row: int, item: ConflictRow) -> None:
        c = item.conflict
        values = [table_label(c.table_name), item.subject, c.unit_code,
                  format_datetime(c.detected_at), format_int(item.differing),
                  self._state(item)]
        for column, text in enumerate(values):
            self.list.setItem(row, column, cell(text, number=column == 4,
                                                tooltip=c.reason if column == 1 else ""))

    def current(self) -> ConflictRow | None:
        rows = self.list.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _selected(self) -> None:
        item = self.current()
        open_one = item is not None and item.conflict.resolved_at is None
        self.keep_local.setEnabled(open_one)
        self.take_incoming.setEnabled(open_one)
        if item is None:
            self.reason.setText(self.tr("No conflict selected.") if not self.rows
                                else "")
            self.compare.setRowCount(0)
            return
        c = item.conflict
        self.reason.setText(self.tr("{0} · from a package of {1} · {2}").format(
            item.subject, c.unit_code, c.reason))
        self.compare.setHorizontalHeaderLabels([
            self.tr("Field"),
            self.tr("On this computer (version {0})").format(c.local_version),
            self.tr("In the package (version {0})").format(c.incoming_version)])
        shown = [f for f in item.fields if f.differs or not self.only_differences.isChecked()]
        self.compare.setRowCount(len(shown))
        for row, field in enumerate(shown):
            background = DIFFERS_BACKGROUND if field.differs else None
            self.compare.setItem(row, 0, cell(field.label, bold=field.differs,
                                              background=background))
            self.compare.setItem(row, 1, cell(field.local, background=background))
            self.compare.setItem(row, 2, cell(field.incoming, background=background))
        self.compare.resizeRowsToContents()

    # resolving -------------------------------------------------------------------------
    def resolve(self, keep: str) -> None:
        """Keep one version of the selected conflict, after asking."""
        item = self.current()
        if item is None:
            return
        if keep == "local":
            question = self.tr("Keep this computer's version of {0}? The package's version "
                               "stays in the conflict log.").format(item.subject)
        else:
            question = self.tr("Replace this computer's version of {0} by the package's? "
                               "This computer's version stays in the conflict log."
                               ).format(item.subject)
        if not prompts.ask(self, self.tr("Resolve the conflict"), question):
            return
        try:
            done = exchange.resolve_conflict(self.ctx.db, self.ctx.actor, item.conflict.id,
                                             keep)  # type: ignore[arg-type]
        except Exception as exc:
            message = known_message(exc)
            if message is None:
                show_error(self, exc)
            else:
                self.status.show_message(message, error=True)
            return
        self.status.show_message(self.tr("Resolved: {0} now holds {1} version.").format(
            item.subject, self.tr("this computer's") if keep == "local"
            else self.tr("the package's")))
        self.load()
        self.resolved.emit(done)
