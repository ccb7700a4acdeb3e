"""The people table's view: painted row by row in one Python call per repaint.

Every keystroke in the search box repaints the ~270 visible cells. `QTableView` paints a
cell with three calls from C++ into Python — the model's `index()` and `flags()` and the
delegate's `paint()` — and Qt's delegate lays the text out twice through QTextLayout (to
measure, then to draw): about 40 µs a cell on the benchmark PC, more than a 60 Hz frame
for the whole table (benchmarks/RESULTS.md, scenario d). So `PeopleTable.paintEvent` walks
the visible rows itself: it fills the alternate rows, draws each plain cell's text from a
`QStaticText` shaped once per text and width (`CellTexts`), and draws the grid as
QTableView does. The few selected or current cells still go through the delegate and the
style, so selection and focus look exactly as in every other table. Only under a style
whose look the tests compared (Fusion, the one used here and in the user guide's pictures)
does the table paint itself; under any other, Qt's own painting is used, slower but right.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.views.people.model import OVERDUE_COLOUR, Column, PeopleFilter

Index = QModelIndex | QPersistentModelIndex
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
_OVERDUE_COLUMN = int(Column.OVERDUE)
# QCommonStyle's text margin in a view item: PM_FocusFrameHMargin (2) + 1.
_TEXT_MARGIN = 3
_TEXT_CACHE_LIMIT = 50_000
_NO_TRANSFORM = QTransform()
# Styles under which tests/views/test_people_table.py finds our painting identical to Qt's.
_VERIFIED_STYLES = frozenset({"fusion"})


class PeopleDelegate(QStyledItemDelegate):
    """Selected and current cells: the style's painting, with the filter's cached text
    (one call instead of Qt's seven `data()` calls, one per role)."""

    def __init__(self, people: PeopleFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = people

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        column = index.column()
        text = self._people.display_text(index.row(), column)
        if text:
            option.text = text
            option.features |= _HAS_DISPLAY
        if column == _OVERDUE_COLUMN:
            palette = QPalette(option.palette)
            palette.setColor(QPalette.ColorRole.Text, OVERDUE_COLOUR)
            option.palette = palette


class CellTexts:
    """Cell texts laid out once, by text and cell width; elided with "…" like Qt's."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, int], QStaticText] = {}

    def get(self, text: str, width: int, font: QFont) -> QStaticText:
        static = self._texts.get((text, width))
        if static is None:
            if len(self._texts) > _TEXT_CACHE_LIMIT:  # column widths changed many times
                self._texts.clear()
            room = max(width - 2 * _TEXT_MARGIN, 0)
            static = _prepared(text, font)
            if static.size().width() > room:  # its size is the layout just made
                static = _prepared(_elided(text, font, room), font)
            self._texts[(text, width)] = static
        return static

    def clear(self) -> None:
        """Forget every layout (the font changed)."""
        self._texts.clear()


def _prepared(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(_NO_TRANSFORM, font)
    return static


def _elided(text: str, font: QFont, room: int) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, room)


class PeopleTable(QTableView):
    """The table; Enter opens the current person, as double-click does."""

    open_row = Signal(int)

    def __init__(self, people: PeopleFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self._texts = CellTexts()
        self._own_painting = self._style_verified()
        self.setModel(people)
        self.setItemDelegate(PeopleDelegate(people, self))

    def _style_verified(self) -> bool:
        """Whether our painting is known to match this style's pixel for pixel (tested);
        under any other (a native Windows style, a style sheet) Qt paints as usual."""
        return self.style().name().lower() in _VERIFIED_STYLES

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._texts.clear()  # laid out with the old font: lay them out anew
            self._own_painting = self._style_verified()
        super().changeEvent(event)

    # Painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        rows = self._people.rowCount()
        if rows == 0 or not self.isEnabled() or not self._own_painting:
            super().paintEvent(event)  # nothing to draw, cells greyed, or another style
            return
        area = event.rect()
        header = self.verticalHeader()
        first = max(header.visualIndexAt(area.top()), 0)
        last = header.visualIndexAt(area.bottom())
        last = rows - 1 if last < 0 else last
        columns = self._columns(area)
        if not columns:
            return
        painter = QPainter(self.viewport())
        try:
            bottom = self._paint_rows(painter, first, last, columns)
            if self.showGrid():
                self._paint_grid(painter, area, first, last, columns, bottom)
        finally:
            painter.end()

    def _columns(self, area: QRect) -> list[tuple[int, int, int]]:
        """(logical column, x, width without the grid line) of the columns in `area`."""
        header = self.horizontalHeader()
        grid = 1 if self.showGrid() else 0
        found = []
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if header.isSectionHidden(column):
                continue
            x, width = self.columnViewportPosition(column), self.columnWidth(column)
            if x + width > area.left() and x <= area.right():
                found.append((column, x, width - grid))
        return found

    def _paint_rows(self, painter: QPainter, first: int, last: int,
                    columns: list[tuple[int, int, int]]) -> int:
        """Backgrounds and texts of the visual rows first…last; returns the last row's bottom."""
        people, texts = self._people, self._texts
        palette, font = self.palette(), self.font()
        # As the style decides for a view item: "active" only while the table has focus.
        group = (QPalette.ColorGroup.Active if self.hasFocus() and self.isActiveWindow()
                 else QPalette.ColorGroup.Inactive)
        text_colour = palette.color(group, QPalette.ColorRole.Text)
        alternate = palette.brush(group, QPalette.ColorRole.AlternateBase)
        alternating = self.alternatingRowColors()
        selection, current = self.selectionModel(), self.currentIndex()
        grid = 1 if self.showGrid() else 0
        left = columns[0][1]
        right = columns[-1][1] + columns[-1][2]
        # Fixed row heights (the page sets them): one vertical offset for every row's text.
        text_top = (self.verticalHeader().defaultSectionSize() - grid
                    - QFontMetrics(font).height()) // 2
        painter.setFont(font)
        y = height = 0
        for row in range(first, last + 1):
            y = self.rowViewportPosition(row)
            height = self.rowHeight(row) - grid
            odd = alternating and row & 1
            if odd:
                painter.fillRect(QRect(left, y, right - left, height), alternate)
            styled = (selection.isRowSelected(row, QModelIndex())
                      or (current.isValid() and current.row() == row))
            if styled:
                self._paint_styled_row(painter, row, y, height, columns, bool(odd))
                continue
            for column, x, width in columns:
                text = people.display_text(row, column)
                if not text:
                    continue
                painter.setPen(OVERDUE_COLOUR if column == _OVERDUE_COLUMN else text_colour)
                painter.drawStaticText(x + _TEXT_MARGIN, y + text_top,
                                       texts.get(text, width, font))
        return y + height

    def _paint_styled_row(self, painter: QPainter, row: int, y: int, height: int,
                          columns: list[tuple[int, int, int]], odd: bool) -> None:
        """A selected or current row, cell by cell through the style and the delegate."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        state = option.state
        if odd:
            option.features |= _ALTERNATE
        selected = self.selectionModel().isRowSelected(row, QModelIndex())
        current = self.currentIndex()
        focus = (self.hasFocus() or self.viewport().hasFocus()) and current.isValid()
        delegate = self.itemDelegate()
        for column, x, width in columns:
            index = self._people.index(row, column)
            option.rect = QRect(x, y, width, height)
            cell_state = state
            if selected:
                cell_state |= QStyle.StateFlag.State_Selected
            if focus and index == current:
                cell_state |= QStyle.StateFlag.State_HasFocus
            option.state = cell_state
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, option,
                                       painter, self)
            delegate.paint(painter, option, index)

    def _paint_grid(self, painter: QPainter, area: QRect, first: int, last: int,
                    columns: list[tuple[int, int, int]], bottom: int) -> None:
        """The grid lines as QTableView draws them: under each row, right of each column,
        down to the last row only."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        colour = QColor.fromRgba(self.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor,
                                                        option, self) & 0xFFFFFFFF)
        painter.setPen(QPen(colour, 1, self.gridStyle()))
        right = min(area.right(), columns[-1][1] + columns[-1][2])
        for row in range(first, last + 1):
            line_y = self.rowViewportPosition(row) + self.rowHeight(row) - 1
            painter.drawLine(area.left(), line_y, right, line_y)
        end = min(area.bottom(), bottom)
        for _column, x, width in columns:
            painter.drawLine(x + width, area.top(), x + width, end)
