"""The people table's item models: all rows keyed by id, and a fast filter-and-sort proxy.

`PeopleTableModel` follows Anki's browser model: it keeps the ordered person ids and the
plain rows, and formats a row's cells only when a view first asks for them (then caches
them), so thousands of rows cost nothing until scrolled into view.

`PeopleFilter` filters and sorts in plain Python over the precomputed keys of
`services.people_index` (folded search key, Vietnamese name key…) and maps rows through
two lists. A `QSortFilterProxyModel` would call back into Python once per row to filter and
once per comparison to sort — tens of thousands of calls per keystroke at 6,000 people —
whereas one list comprehension and one keyed sort stay well under a frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.formatting import format_date
from desktop.models import STATUSES
from desktop.services.labels import CLASSIFICATION_SHORT_LABELS
from desktop.services.people_index import (
    PeopleIndexRow,
    area_sort_key,
    query_key,
)

Index = QModelIndex | QPersistentModelIndex
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NOT_EVALUATED = "-"  # classification filter value: people with no evaluation yet
OVERDUE_COLOUR = QColor("#b00020")
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class Column(IntEnum):
    """The table's columns, in display order."""

    NAME = 0
    BIRTH = 1
    GENDER = 2
    ID_NUMBER = 3
    STATUS = 4
    AREA = 5
    CLASSIFICATION = 6
    LAST_CONTACT = 7
    OVERDUE = 8


_COLUMNS = len(Column)  # asked for each painted cell: len() of an Enum is slow

class PeopleTableModel(QAbstractTableModel):
    """Every person of the unit; cells are formatted lazily and cached per person id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self._rows: dict[str, PeopleIndexRow] = {}
        self._cells: dict[str, tuple[str, ...]] = {}
        self._headers = (
            self.tr("Full name"), self.tr("Date of birth"), self.tr("Gender"),
            self.tr("ID number"), self.tr("Status"), self.tr("Residential area"),
            self.tr("Group"), self.tr("Last contact"), self.tr("Overdue"),
        )

    # Data in -----------------------------------------------------------------------------
    def reset(self, rows: Sequence[PeopleIndexRow]) -> None:
        """Replace every row (after a reload); formatted cells are dropped."""
        self.beginResetModel()
        self._ids = [r.id for r in rows]
        self._rows = {r.id: r for r in rows}
        self._cells = {}
        self.endResetModel()

    def rows(self) -> list[PeopleIndexRow]:
        """The rows in source order (the filter computes its keys from them)."""
        return [self._rows[pid] for pid in self._ids]

    def row_at(self, row: int) -> PeopleIndexRow:
        return self._rows[self._ids[row]]

    def person_id(self, row: int) -> str:
        return self._ids[row]

    # Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        return self.data_at(index.row(), index.column(), role)

    def data_at(self, row: int, column: int, role: int) -> Any:
        """`data()` by row and column: the filter calls it without building indexes.

        Qt asks for about seven roles per painted cell, so the common answers come first."""
        pid = self._ids[row]
        if role == _DISPLAY:
            return self._cells_of(pid)[column]
        if role == PERSON_ID_ROLE:
            return pid
        if role == _TOOLTIP:
            return self._tooltip(self._rows[pid], column)
        if role == _FOREGROUND and column == Column.OVERDUE:
            return QBrush(OVERDUE_COLOUR)
        return None

    def cell_text(self, row: int, column: int) -> str:
        """The text of a source cell (formatted once per person, then cached)."""
        return self._cells_of(self._ids[row])[column]

    def _cells_of(self, pid: str) -> tuple[str, ...]:
        cells = self._cells.get(pid)
        if cells is None:
            cells = self._cells[pid] = self._format(self._rows[pid])
        return cells

    def _format(self, r: PeopleIndexRow) -> tuple[str, ...]:
        return (
            r.full_name, r.birth_display, r.gender_label, r.id_number or "", r.status_label,
            r.residential_area, r.classification or "", format_date(r.last_contact),
            self.tr("Overdue") if r.overdue else "",
        )

    def _tooltip(self, r: PeopleIndexRow, column: int) -> str | None:
        if column == Column.NAME and r.other_names:
            return self.tr("Also known as: {0}").format(r.other_names)
        if column == Column.CLASSIFICATION and r.classification:
            label = CLASSIFICATION_SHORT_LABELS.get(r.classification, r.classification)
            return f"{label} ({r.classification_quarter})"
        if column == Column.OVERDUE and r.overdue:
            return self.tr("This week has no contact yet and the last one was too long ago.")
        return None


def _sort_keys() -> dict[Column, Callable[[PeopleIndexRow], Any]]:
    """Per column, the key that orders it "as a person would": dates as dates, the name
    the Vietnamese way, statuses along the lifecycle, areas in natural order. A key of
    None means "missing" and always sorts last."""
    status_rank = {s: i for i, s in enumerate(STATUSES)}
    return {
        Column.NAME: lambda r: r.sort_key,
        Column.BIRTH: lambda r: r.birth_date or None,
        Column.GENDER: lambda r: r.gender_label,
        Column.ID_NUMBER: lambda r: r.id_number,
        Column.STATUS: lambda r: status_rank.get(r.status, len(status_rank)),
        Column.AREA: lambda r: area_sort_key(r.residential_area) if r.residential_area
        else None,
        Column.CLASSIFICATION: lambda r: r.classification,
        Column.LAST_CONTACT: lambda r: r.last_contact,
        # Ascending puts the people who need attention first.
        Column.OVERDUE: lambda r: not r.overdue,
    }


SORT_KEYS = _sort_keys()


def sorted_rows(rows: Sequence[PeopleIndexRow], base: Sequence[int], column: Column,
                descending: bool) -> list[int]:
    """Row numbers of `base` ordered by `column`; ties keep `base`'s order, missing last."""
    key = SORT_KEYS[column]
    keys = {i: key(rows[i]) for i in base}
    present = [i for i in base if keys[i] is not None]
    missing = [i for i in base if keys[i] is None]
    # Python's sort is stable even when reversed, so ties stay in name order.
    present.sort(key=keys.__getitem__, reverse=descending)
    return present + missing


class PeopleFilter(QAbstractProxyModel):
    """The rows that match the search and filters, in the chosen order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model: PeopleTableModel | None = None
        self._rows: list[PeopleIndexRow] = []
        self._by_name: list[int] = []  # source rows in Vietnamese name order
        self._ordered: list[int] = []  # source rows in the current sort order
        self._visible: list[int] = []  # …of which those that pass the filters
        self._proxy_row: dict[int, int] | None = {}  # source → shown row; built when asked
        # The rows matching the last search key, in order: typing one more letter only
        # narrows them, so the next search scans these instead of everyone.
        self._searched: tuple[str, list[int]] = ("", [])
        self._source_row: dict[str, int] = {}
        self._search_keys: list[str] = []
        self._sort = (Column.NAME, False)
        self._key = ""
        self._status: str | None = None
        self._area: str | None = None
        self._classification: str | None = None
        self._overdue_only = False

    def setSourceModel(self, source: QAbstractTableModel) -> None:  # type: ignore[override]
        self.beginResetModel()
        super().setSourceModel(source)
        assert isinstance(source, PeopleTableModel)
        self._model = source
        # The source only ever resets (a reload), so that is all there is to follow.
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._source_reset)
        self._reload()
        self.endResetModel()

    def source(self) -> PeopleTableModel:
        assert self._model is not None
        return self._model

    # Criteria -----------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        """Keep the people whose name, other names or ID number contain `text`."""
        self._change("_key", query_key(text))

    def set_status(self, status: str | None) -> None:
        self._change("_status", status or None)

    def set_area(self, area: str | None) -> None:
        self._change("_area", area or None)

    def set_classification(self, group: str | None) -> None:
        """A–D, NOT_EVALUATED, or None for every group."""
        self._change("_classification", group or None)

    def set_overdue_only(self, on: bool) -> None:
        self._change("_overdue_only", bool(on))

    def total_count(self) -> int:
        return len(self._rows)

    def row_at(self, proxy_row: int) -> PeopleIndexRow:
        return self._rows[self._visible[proxy_row]]

    def person_id(self, proxy_row: int) -> str:
        return self.row_at(proxy_row).id

    def proxy_row_of(self, person_id: str) -> int | None:
        """Where a person is shown now (None when filtered out or unknown)."""
        source_row = self._source_row.get(person_id)
        return None if source_row is None else self._proxy_rows().get(source_row)

    def _proxy_rows(self) -> dict[int, int]:
        if self._proxy_row is None:
            self._proxy_row = {source: proxy for proxy, source in enumerate(self._visible)}
        return self._proxy_row

    def _change(self, attribute: str, value: object) -> None:
        if getattr(self, attribute) == value:
            return
        self.beginResetModel()
        setattr(self, attribute, value)
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        # One list comprehension per active criterion over precomputed keys: a Python
        # call per row and criterion would cost ten times as much at 6,000 people.
        rows, chosen = self._rows, self._ordered
        if self._key:
            key, keys = self._key, self._search_keys
            last_key, last_rows = self._searched
            if last_key and last_key in key:  # a longer key: a subset of the last matches
                chosen = last_rows
            chosen = [i for i in chosen if key in keys[i]]  # people_index.matches, inlined
            self._searched = (key, chosen)
        if self._status is not None:
            status = self._status
            chosen = [i for i in chosen if rows[i].status == status]
        if self._area is not None:
            area = self._area
            chosen = [i for i in chosen if rows[i].residential_area == area]
        if self._classification is not None:
            group = None if self._classification == NOT_EVALUATED else self._classification
            chosen = [i for i in chosen if rows[i].classification == group]
        if self._overdue_only:
            chosen = [i for i in chosen if rows[i].overdue]
        self._visible = list(chosen)
        self._proxy_row = None

    def _reload(self) -> None:
        self._rows = self.source().rows()
        self._source_row = {r.id: i for i, r in enumerate(self._rows)}
        self._search_keys = [r.search_key for r in self._rows]
        self._by_name = sorted_rows(self._rows, range(len(self._rows)), Column.NAME, False)
        self._resort()

    def _resort(self) -> None:
        column, descending = self._sort
        self._ordered = (self._by_name if column == Column.NAME and not descending
                         else sorted_rows(self._rows, self._by_name, column, descending))
        self._searched = ("", [])  # in the old order (or of the old rows)
        self._refilter()

    def _source_reset(self) -> None:
        self._reload()
        self.endResetModel()

    # Qt proxy -----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        wanted = (Column(column), order == Qt.SortOrder.DescendingOrder)
        if wanted == self._sort:
            return
        self.layoutAboutToBeChanged.emit()
        before = [(self.person_id(i.row()), i) for i in self.persistentIndexList()]
        self._sort = wanted
        self._resort()
        self._move_persistent(before)
        self.layoutChanged.emit()

    def _move_persistent(self, before: list[tuple[str, QModelIndex]]) -> None:
        """Keep the view's selection and current row on the same people after a sort."""
        for person_id, old in before:
            row = self.proxy_row_of(person_id)
            new = QModelIndex() if row is None else self.index(row, old.column())
            self.changePersistentIndex(old, new)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Straight to the source row: the base class would build a source index through
        # mapToSource for each of the ~2,000 cells × roles a repaint asks for.
        row, model = index.row(), self._model
        if model is None or not 0 <= row < len(self._visible):
            return None
        return model.data_at(self._visible[row], index.column(), role)

    def display_text(self, row: int, column: int) -> str | None:
        """What the cell at (shown row, column) says; None outside the table."""
        model = self._model
        if model is None or not 0 <= row < len(self._visible):
            return None
        return model.cell_text(self._visible[row], column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Every row is enabled and selectable; answered here rather than through the
        # source for each painted cell.
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._visible):
            return QModelIndex()
        return self.source().index(self._visible[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._proxy_rows().get(source_index.row())
        return QModelIndex() if row is None else self.index(row, source_index.column())

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._visible) and 0 <= column < _COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index | None = None) -> Any:
        if child is None:  # QObject.parent(), which this overload hides
            return super().parent()
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._visible)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The base class maps headers through row 0, which is gone when nothing matches.
        if orientation == Qt.Orientation.Horizontal:
            return self.source().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._visible):
            return str(section + 1)
        return None
