"""The people table's own painting and the narrowing search (benchmarks scenario d).

`PeopleTable.paintEvent` draws the plain cells itself, for speed; these tests hold it to
QTableView's look pixel for pixel — alternate rows, grid, elided names, the overdue colour,
the selected and the current row — and check that searching within the last matches (one
more letter typed) gives exactly the rows of a fresh search.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyleFactory,
    QTableView,
)
from pytestqt.qtbot import QtBot

from desktop.services.people_index import matches, query_key
from desktop.views.context import AppContext
from desktop.views.people.model import Column, PeopleFilter, PeopleTableModel
from desktop.views.people.page import PeoplePage
from desktop.views.people.table import PeopleDelegate
from tests.views.people_helpers import make_page
from tests.views.test_people import synthetic_rows

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def qt_table_like(page: PeoplePage, qtbot: QtBot) -> QTableView:
    """A plain QTableView set up as the page's table, sharing its model and selection."""
    table = page.table
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(page.people)
    view.setItemDelegate(PeopleDelegate(page.people, view))
    view.setSelectionModel(table.selectionModel())
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
    view.resize(table.size())
    for column in Column:
        view.setColumnWidth(column, table.columnWidth(column))
    return view


def differing_rows(a: QImage, b: QImage, same_size: bool = True) -> list[int]:
    """Pixel rows that differ (over the common area when `same_size` is False)."""
    if same_size:
        assert a.size() == b.size()
    a = a.copy(0, 0, min(a.width(), b.width()), min(a.height(), b.height()))
    return [y for y in range(a.height())
            if any(a.pixel(x, y) != b.pixel(x, y) for x in range(a.width()))]


def grab_focused(qtbot: QtBot, view: QTableView) -> QImage:
    window = view.window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return view.viewport().grab().toImage()


@pytest.mark.parametrize("width", [1070, 560])  # 560: long names are cut with "…"
def test_table_paints_exactly_as_qt_does(qtbot: QtBot, ctx: AppContext, width: int) -> None:
    page, _ = make_page(qtbot, ctx)
    page.resize(width, 760)
    page.table.selectRow(3)
    overdue = [r for r in range(page.people.rowCount())
               if page.people.display_text(r, Column.OVERDUE)]
    assert overdue  # the red text is on screen too
    assert page.table._own_painting
    ours = grab_focused(qtbot, page.table)
    page.hide()
    view = qt_table_like(page, qtbot)
    qts = grab_focused(qtbot, view)
    assert differing_rows(ours, qts) == []


def test_unfocused_table_with_a_selection_paints_as_qt_does(qtbot: QtBot,
                                                            ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    qtbot.keyClicks(page.search, "nguy")
    page.table.selectRow(1)
    page.search.setFocus()  # the officer is still typing: the selection is "inactive"
    view = qt_table_like(page, qtbot)
    view.show()
    qtbot.waitExposed(view)
    assert not page.table.hasFocus()
    assert not view.hasFocus()
    assert differing_rows(page.table.viewport().grab().toImage(),
                          view.viewport().grab().toImage()) == []


def test_a_few_rows_leave_the_rest_of_the_table_empty_as_qt_does(qtbot: QtBot,
                                                                 ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    qtbot.keyClicks(page.search, "tran")
    assert 0 < page.people.rowCount() < 8
    view = qt_table_like(page, qtbot)
    view.show()
    qtbot.waitExposed(view)
    assert differing_rows(page.table.viewport().grab().toImage(),
                          view.viewport().grab().toImage()) == []


def test_narrowing_search_gives_the_rows_of_a_fresh_search() -> None:
    """Typing, erasing, re-sorting and filtering in any order: the rows and their order
    always equal those of a new filter given the same criteria at once."""
    model = PeopleTableModel()
    people = PeopleFilter()
    people.setSourceModel(model)
    rows = synthetic_rows(1200, seed=11)
    model.reset(rows)
    rng = random.Random(5)
    # What an officer types: the start of a real name or ID number, letter by letter.
    targets = [r.full_name for r in rows[:40]] + [r.id_number or "" for r in rows[:10]]
    target = rng.choice(targets)
    typed, order, status = "", (Column.NAME, Qt.SortOrder.AscendingOrder), None
    narrowed = rows_seen = 0
    for step in range(300):
        if typed and rng.random() < 0.3:
            typed = typed[:-1]  # backspace: wider than the last search
        elif len(typed) < len(target):
            typed = target[:len(typed) + 1]
            narrowed += 1
        else:
            typed, target = "", rng.choice(targets)
        if step % 50 == 25:  # a new order in the middle of typing
            order = (rng.choice(list(Column)), rng.choice(list(Qt.SortOrder)))
            people.sort(*order)
        if step % 70 == 35:
            status = rng.choice([None, "managed"])
            people.set_status(status)
        people.set_search(typed)
        fresh = PeopleFilter()
        fresh.setSourceModel(model)
        fresh.sort(*order)
        fresh.set_status(status)
        fresh.set_search(typed)
        shown = [people.person_id(i) for i in range(people.rowCount())]
        assert shown == [fresh.person_id(i) for i in range(fresh.rowCount())], typed
        key = query_key(typed)
        assert all(matches(people.row_at(i), key) for i in range(people.rowCount()))
        rows_seen = max(rows_seen, len(shown))
    assert narrowed > 120
    assert rows_seen > 100


def test_a_new_font_lays_the_texts_out_anew(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    page.resize(560, 760)  # names cut with "…": where they are cut depends on the font
    page.table.viewport().grab()  # the texts laid out with the first font
    font = page.table.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    page.table.setFont(font)
    view = qt_table_like(page, qtbot)
    view.setFont(font)
    view.show()
    qtbot.waitExposed(view)
    # The headers grow with the font, the two layouts by a few pixels apart: the rows
    # are compared where both tables show them.
    assert differing_rows(page.table.viewport().grab().toImage(),
                          view.viewport().grab().toImage(), same_size=False) == []


def test_under_another_style_qt_paints_the_table(qtbot: QtBot, ctx: AppContext) -> None:
    """Our painting is only checked against Fusion: under the Windows style (or a style
    sheet) the table leaves its cells to Qt, and looks exactly like Qt's table."""
    page, _ = make_page(qtbot, ctx)
    windows = QStyleFactory.create("Windows")
    assert windows is not None
    windows.setParent(QApplication.instance())  # outlives both tables (they do not own it)
    page.table.setStyle(windows)
    page.table.selectRow(2)
    view = qt_table_like(page, qtbot)
    view.setStyle(windows)
    view.show()
    qtbot.waitExposed(view)
    assert not page.table._own_painting
    assert differing_rows(page.table.viewport().grab().toImage(),
                          view.viewport().grab().toImage(), same_size=False) == []
    page.table.setStyleSheet("QTableView { gridline-color: #888; }")
    assert not page.table._own_painting
