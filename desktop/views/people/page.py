"""The People screen (SPEC §5.2): everyone in the unit, searched and filtered as you type.

The whole unit is loaded once per refresh (`services.people_index`); typing and filtering
then work in memory on precomputed keys, so the table stays fluid with thousands of rows.
Double-click or Enter opens the person; "Receive a person…" (officers only) starts the
reception wizard, "Import from Excel…" the import wizard, and "Merge two records…" (with
two rows selected) the dialog merging a person recorded twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_int
from desktop.models import STATUSES
from desktop.services.access import Action
from desktop.services.labels import CLASSIFICATION_SHORT_LABELS, STATUS_LABELS
from desktop.services.people_index import PeopleIndexRow, area_sort_key, people_index
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.intake.merge_dialog import MergePeopleDialog
from desktop.views.intake.wizard import ImportWizard
from desktop.views.navigation import Navigator
from desktop.views.people.model import NOT_EVALUATED, Column, PeopleFilter, PeopleTableModel
from desktop.views.people.reception import ReceptionWizard
from desktop.views.people.table import PeopleTable
from desktop.views.person import common

# Sample contents that size each column (the header's own text counts too).
_COLUMN_SAMPLES = {
    Column.NAME: "Nguyễn Thị Phương Thảo", Column.BIRTH: "00/00/0000", Column.GENDER: "Nữ",
    Column.ID_NUMBER: "000000000000", Column.STATUS: "Kết thúc quản lý",
    Column.AREA: "Tổ dân phố 10", Column.CLASSIFICATION: "A",
    Column.LAST_CONTACT: "00/00/0000", Column.OVERDUE: "Overdue",
}


class PeoplePage(QWidget):
    """Search box, filters, count, the table and the reception button."""

    def __init__(self, ctx: AppContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.nav = ctx, nav
        self.model = PeopleTableModel(self)
        self.people = PeopleFilter(self)
        self.people.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading())
        layout.addLayout(self._filters())
        self.table = self._table()
        layout.addWidget(self.table, 1)
        # Said in the middle of the empty table, where the eye looks for the rows.
        self.empty_note = QLabel(self.table.viewport())
        self.empty_note.setObjectName("empty_note")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet("color: palette(mid); font-size: 11pt;")
        self.table.viewport().installEventFilter(self)
        self.search.installEventFilter(self)  # Down: to the results
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self.refresh()

    # Building ------------------------------------------------------------------------------
    def _heading(self) -> QHBoxLayout:
        title = QLabel(self.tr("People"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.count_label = QLabel()
        self.count_label.setObjectName("people_count")
        self._count_width_for: int | None = None
        self.receive_button = QPushButton(self.tr("Receive a person…"))
        self.receive_button.setObjectName("receive_person")
        self.receive_button.clicked.connect(self.receive_person)
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.setObjectName("import_excel")
        self.import_button.clicked.connect(self.import_from_excel)
        self.merge_button = QPushButton(self.tr("Merge two records…"))
        self.merge_button.setObjectName("merge_people")
        self.merge_button.setToolTip(self.tr(
            "Select the two records of one person (Ctrl+click), then merge them."))
        self.merge_button.clicked.connect(self.merge_selected)
        self.merge_button.setEnabled(False)  # until two rows are selected
        # Leaders are read-only on records: what they may not do is not offered.
        for button in (self.receive_button, self.import_button, self.merge_button):
            button.setVisible(self.ctx.may(Action.EDIT_RECORDS))
        row = QHBoxLayout()
        row.addWidget(title)
        row.addSpacing(12)
        row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        row.addWidget(self.merge_button)
        row.addWidget(self.import_button)
        row.addWidget(self.receive_button)
        return row

    def _filters(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setObjectName("people_search")
        self.search.setPlaceholderText(self.tr("Search by name or ID number (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._to_table)
        self.status_filter = self._combo("status_filter", self.tr("All statuses"),
                                         [(STATUS_LABELS[s], s) for s in STATUSES])
        self.area_filter = self._combo("area_filter", self.tr("All areas"), [])
        groups = [(label, code) for code, label in CLASSIFICATION_SHORT_LABELS.items()]
        self.group_filter = self._combo("group_filter", self.tr("All groups"),
                                        [*groups, (self.tr("Not evaluated yet"),
                                                   NOT_EVALUATED)])
        self.overdue_only = QCheckBox(self.tr("Overdue contact only"))
        self.overdue_only.setObjectName("overdue_only")
        self.overdue_only.toggled.connect(self._filters_changed)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.clicked.connect(self.clear_filters)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        for widget in (self.status_filter, self.area_filter, self.group_filter):
            row.addWidget(widget)
        row.addWidget(self.overdue_only)
        row.addWidget(self.clear_button)
        return row

    def _combo(self, name: str, everything: str,
               items: Sequence[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, "")
        for label, code in items:
            combo.addItem(label, code)
        # Long labels ("Loại D – đang bị tạm giữ…") show in full in the open list only.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    def _table(self) -> PeopleTable:
        table = PeopleTable(self.people)
        table.setObjectName("people_table")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Ctrl/Shift+click) only to merge two records; opening takes one.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # Fixed row heights: Qt then never measures rows it does not show.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        # The name takes the room left, so no column hides behind a horizontal scroll.
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        table.setSortingEnabled(True)
        table.doubleClicked.connect(lambda index: self._open(index.row()))
        table.open_row.connect(self._open)
        self._size_columns(table)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _size_columns(self, table: QTableView) -> None:
        """Widths from sample contents and the (translated) headers, never by measuring
        thousands of rows."""
        metrics = table.fontMetrics()
        header = table.horizontalHeader()
        for column, sample in _COLUMN_SAMPLES.items():
            # The header's own hint counts its margins and the sort arrow: no more, so the
            # name (which stretches) keeps room for "Nguyễn Thị Phương Thảo" at 1280 px.
            table.setColumnWidth(column, max(metrics.horizontalAdvance(sample) + 16,
                                             header.sectionSizeHint(column)))

    # Data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload everyone (after a change elsewhere); search, filters and selection stay."""
        current = self.current_person_id()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rows = people_index(self.ctx.db, self.ctx.actor, self.ctx.today())
        except Exception as exc:
            show_error(self, exc)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.model.reset(rows)
        self._fill_areas(rows)
        self._after_filtering(current)

    def _fill_areas(self, rows: Sequence[PeopleIndexRow]) -> None:
        chosen = self.area_filter.currentData()
        areas = sorted({r.residential_area for r in rows if r.residential_area},
                       key=area_sort_key)
        self.area_filter.blockSignals(True)
        self.area_filter.clear()
        self.area_filter.addItem(self.tr("All areas"), "")
        for area in areas:
            self.area_filter.addItem(area, area)
        self.area_filter.setCurrentIndex(max(0, self.area_filter.findData(chosen)))
        self.area_filter.blockSignals(False)
        self.people.set_area(self.area_filter.currentData())

    # Filtering -----------------------------------------------------------------------------
    def _search_changed(self, text: str) -> None:
        current = self.current_person_id()
        self.people.set_search(text)
        self._after_filtering(current)

    def _filters_changed(self) -> None:
        current = self.current_person_id()
        self.people.set_status(self.status_filter.currentData())
        self.people.set_area(self.area_filter.currentData())
        self.people.set_classification(self.group_filter.currentData())
        self.people.set_overdue_only(self.overdue_only.isChecked())
        self._after_filtering(current)

    def clear_filters(self) -> None:
        for combo in (self.status_filter, self.area_filter, self.group_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.overdue_only.blockSignals(True)
        self.overdue_only.setChecked(False)
        self.overdue_only.blockSignals(False)
        self.search.clear()  # filters again through textChanged
        self._filters_changed()

    def _after_filtering(self, current: str | None) -> None:
        """Keep the same person selected when still shown; update the count and notes."""
        row = None if current is None else self.people.proxy_row_of(current)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.people.index(row, 0))
        shown, total = self.people.rowCount(), self.people.total_count()
        if shown == total:
            self._show_count(self.tr("{0} people").format(format_int(total)), total)
        else:
            self._show_count(self.tr("{0} of {1} people").format(
                format_int(shown), format_int(total)), total)
        self.clear_button.setEnabled(self._filtering())
        self._update_empty_note(shown, total)

    def _show_count(self, text: str, total: int) -> None:
        """The count, in a label sized once per total for its longest form: a label whose
        size changes re-lays out the whole window, a third of a keystroke's time."""
        if self._count_width_for != total:
            longest = self.tr("{0} of {1} people").format(format_int(total), format_int(total))
            metrics = self.count_label.fontMetrics()
            self.count_label.setFixedSize(metrics.horizontalAdvance(longest) + 8,
                                          metrics.height() + 2)
            self._count_width_for = total
        self.count_label.setText(text)

    def _filtering(self) -> bool:
        return bool(self.search.text().strip() or self.overdue_only.isChecked()
                    or any(c.currentIndex() > 0 for c in (self.status_filter, self.area_filter,
                                                          self.group_filter)))

    def _update_empty_note(self, shown: int, total: int) -> None:
        if total == 0:
            text = self.tr("No one has been recorded yet.")
            if self.receive_button.isVisibleTo(self):
                text += " " + self.tr("Use “Receive a person…” to add the first one.")
        elif shown == 0:
            text = self.tr("No one matches. Check the spelling, or clear the filters.")
        else:
            text = ""
        self.empty_note.setText(text)
        self.empty_note.setVisible(bool(text))

    # Keyboard ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _to_table(self) -> None:
        """Enter or Down in the search box: go to the results, first one selected."""
        if self.people.rowCount() == 0:
            return
        if not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_note.setGeometry(self.table.viewport().rect().adjusted(40, 0, -40, 0))
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down):
            self._to_table()
            return True
        return super().eventFilter(watched, event)

    # Actions -------------------------------------------------------------------------------
    def current_person_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.people.person_id(rows[0].row()) if rows else None

    def selected_person_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.people.person_id(r) for r in rows]

    def _selection_changed(self) -> None:
        self.merge_button.setEnabled(len(self.selected_person_ids()) == 2)

    def _open(self, proxy_row: int) -> None:
        if 0 <= proxy_row < self.people.rowCount():
            self.nav.open_person(self.people.person_id(proxy_row))

    def receive_person(self) -> ReceptionWizard:
        """Open the reception wizard (window-modal); returns it for tests to drive."""
        wizard = ReceptionWizard(self.ctx, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(lambda result: self._reception_finished(wizard, result))
        wizard.open()
        return wizard

    def _reception_finished(self, wizard: ReceptionWizard, result: int) -> None:
        if result != ReceptionWizard.DialogCode.Accepted:
            return
        if wizard.created_person_id is not None:
            self.nav.data_changed()
            self.nav.open_person(wizard.created_person_id)
        elif wizard.existing_person_id is not None:
            self.nav.open_person(wizard.existing_person_id)

    def import_from_excel(self) -> ImportWizard:
        """Open the import wizard (window-modal); returns it for tests to drive."""
        wizard = ImportWizard(self.ctx, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(lambda _result: self._import_finished(wizard))
        wizard.open()
        return wizard

    def _import_finished(self, wizard: ImportWizard) -> None:
        if wizard.import_result is not None:
            self.nav.data_changed()

    def merge_selected(self) -> None:
        """Merge the two selected records of one person, then open the one kept."""
        ids = self.selected_person_ids()
        if len(ids) != 2:
            return
        try:
            dialog = MergePeopleDialog(self.ctx, ids[0], ids[1], self)
        except Exception as exc:
            show_error(self, exc)
            return
        if common.exec_dialog(dialog):
            self.nav.data_changed()
            self.nav.open_person(dialog.kept_id)
