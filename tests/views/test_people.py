"""The People screen: instant diacritic-insensitive search, filters, Vietnamese order, opening.

Runs on a private copy of the 25-person demo database (seed 1) with today pinned to
26/11/2026. Assertions read data (ids, names, codes, row counts), never translated text.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop.formatting import parse_date_vn
from desktop.models import STATUSES
from desktop.services import persons
from desktop.services.labels import GENDER_LABELS, STATUS_LABELS
from desktop.services.people_index import (
    PeopleIndexRow,
    matches,
    people_index,
    query_key,
    search_key,
)
from desktop.text import fold, name_sort_key
from desktop.views.context import AppContext
from desktop.views.people.model import NOT_EVALUATED, Column, PeopleFilter, PeopleTableModel
from desktop.views.people.page import PeoplePage
from tests.views.people_helpers import active, make_page, shown_names

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def shown_ids(page: PeoplePage) -> list[str]:
    return [page.people.person_id(r) for r in range(page.people.rowCount())]


def choose(combo_owner: PeoplePage, name: str, code: str) -> None:
    combo = getattr(combo_owner, name)
    index = combo.findData(code)
    assert index > 0, code
    combo.setCurrentIndex(index)


# --- search ----------------------------------------------------------------------------

def test_typing_nguyen_finds_every_nguyen(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    everyone = shown_names(page)
    qtbot.keyClicks(page.search, "nguyen")
    nguyens = [n for n in everyone if "Nguyễn" in n]
    assert len(nguyens) >= 10
    assert shown_names(page) == nguyens


@pytest.mark.parametrize(("with_marks", "without"), [
    ("Nguyễn Văn", "nguyen van"), ("Đức", "duc"), ("Đ", "d"), ("hoàng", "HOANG"),
])
def test_search_with_or_without_diacritics_gives_the_same_rows(
        qtbot: QtBot, ctx: AppContext, with_marks: str, without: str) -> None:
    page, _ = make_page(qtbot, ctx)
    page.search.setText(with_marks)
    marked = shown_ids(page)
    page.search.setText(without)
    assert marked
    assert shown_ids(page) == marked
    assert len(marked) < page.people.total_count()


def test_search_finds_an_id_number_typed_with_spaces(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    page.search.setText("025 069.166")
    assert shown_names(page) == ["Trần Đức An"]


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    active(qtbot, page)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search.hasFocus)


# --- order -----------------------------------------------------------------------------

def test_names_sort_by_given_name_then_family_name(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    names = shown_names(page)
    # An < Bình whatever the family name; D before Đ; Hoa before Hoàng; then the family name.
    for earlier, later in [("Trần Đức An", "Nguyễn Văn Bình"),
                           ("Nguyễn Đức Dũng", "Nguyễn Đức Đạt"),
                           ("Vũ Ngọc Hoa", "Bùi Minh Hoàng"),
                           ("Bùi Minh Hoàng", "Đặng Văn Hoàng")]:
        assert names.index(earlier) < names.index(later), (earlier, later)


def test_clicking_the_name_header_reverses_the_order(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    before = shown_ids(page)
    header = page.table.horizontalHeader()
    spot = QPoint(header.sectionViewportPosition(Column.NAME) + 20, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    keys = [name_sort_key(name) for name in shown_names(page)]
    assert keys == sorted(keys, reverse=True)
    assert shown_ids(page)[0] == before[-1]


def test_last_contact_sorts_as_dates_missing_last(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    page.table.sortByColumn(Column.LAST_CONTACT, Qt.SortOrder.AscendingOrder)
    shown = [page.people.index(r, Column.LAST_CONTACT).data()
             for r in range(page.people.rowCount())]
    dates = [parse_date_vn(text) for text in shown if text]
    assert dates == sorted(d for d in dates if d is not None)
    assert shown != sorted(shown)  # as text, "13/01/2025" would come before "26/…/2024"
    assert all(not text for text in shown[len(dates):])


def test_sorting_keeps_the_selected_person(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    page.table.selectRow(3)
    chosen = page.current_person_id()
    page.table.sortByColumn(Column.BIRTH, Qt.SortOrder.DescendingOrder)
    assert page.current_person_id() == chosen


# --- filters and count -----------------------------------------------------------------

def test_status_filter_shows_only_that_status(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    rows = people_index(ctx.db, ctx.actor, ctx.today())
    choose(page, "status_filter", "managed")
    managed = [r.id for r in rows if r.status == "managed"]
    assert 0 < len(managed) < len(rows)
    assert shown_ids(page) == managed
    assert page.status_filter.currentText() == STATUS_LABELS["managed"]


def test_area_group_and_overdue_filters_combine(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    rows = people_index(ctx.db, ctx.actor, ctx.today())
    choose(page, "area_filter", "Thôn Đoài")
    assert shown_ids(page) == [r.id for r in rows if r.residential_area == "Thôn Đoài"]
    choose(page, "group_filter", "A")
    assert shown_ids(page) == [r.id for r in rows
                               if r.residential_area == "Thôn Đoài" and r.classification == "A"]
    page.clear_filters()
    page.overdue_only.setChecked(True)
    overdue = [r.id for r in rows if r.overdue]
    assert overdue
    assert shown_ids(page) == overdue


def test_not_evaluated_filter(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    choose(page, "group_filter", NOT_EVALUATED)
    assert shown_names(page)
    assert all(page.people.row_at(r).classification is None
               for r in range(page.people.rowCount()))


def test_area_filter_lists_each_area_once(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    areas = [page.area_filter.itemData(i) for i in range(1, page.area_filter.count())]
    assert areas == ["Thôn Đoài", "Thôn Đông", "Tổ dân phố 1", "Tổ dân phố 2",
                     "Tổ dân phố 3", "Tổ dân phố 5", "Tổ dân phố 7", "Xóm Mới"]


def test_count_label_says_how_many_of_how_many(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    assert "25" in page.count_label.text()
    page.search.setText("nguyen van")
    shown = page.people.rowCount()
    assert 0 < shown < 25
    numbers = [w for w in page.count_label.text().split() if w.isdigit()]
    assert numbers == [str(shown), "25"]


def test_nothing_matches_says_so_and_clear_brings_everyone_back(qtbot: QtBot,
                                                                ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    assert page.empty_note.isHidden()
    assert not page.clear_button.isEnabled()
    page.search.setText("zzzz")
    assert page.people.rowCount() == 0
    assert page.empty_note.isVisible()
    assert page.clear_button.isEnabled()
    page.clear_button.click()
    assert page.search.text() == ""
    assert page.people.rowCount() == 25
    assert page.empty_note.isHidden()


def test_refresh_keeps_search_and_selection(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    page.search.setText("nguyen")
    page.table.selectRow(2)
    chosen = page.current_person_id()
    page.refresh()
    assert page.search.text() == "nguyen"
    assert page.current_person_id() == chosen
    assert all("Nguyễn" in n for n in shown_names(page))


def test_refresh_shows_a_person_added_meanwhile(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    persons.register_walk_in(
        ctx.db, ctx.actor,
        persons.PersonInput(full_name="Lò Văn Ánh", gender="male", birth_date="1990",
                            residential_area="Xóm Mới", release_date=date(2026, 10, 1)),
        None, date(2026, 10, 5), today=ctx.today())
    page.refresh()
    page.search.setText("lo van anh")
    assert shown_names(page) == ["Lò Văn Ánh"]
    assert "26" in page.count_label.text()


# --- opening and roles -----------------------------------------------------------------

def test_double_click_opens_the_person(qtbot: QtBot, ctx: AppContext) -> None:
    page, nav = make_page(qtbot, ctx)
    spot = page.table.visualRect(page.people.index(2, Column.STATUS)).center()
    # A real double-click starts with a press; QTest's double-click event alone does not.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert nav.opened == []
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert nav.opened == [page.people.person_id(2)]


def test_enter_opens_the_person_and_search_leads_to_the_table(qtbot: QtBot,
                                                              ctx: AppContext) -> None:
    page, nav = make_page(qtbot, ctx)
    active(qtbot, page)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "thang")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    thang = next(r.id for r in page.model.rows() if r.full_name == "Trần Minh Thắng")
    assert nav.opened == [thang]


def test_officer_is_offered_reception(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    assert page.receive_button.isVisible()


def test_leader_has_no_receive_button(qtbot: QtBot, leader_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, leader_ctx)
    assert not page.receive_button.isVisibleTo(page)
    assert page.people.total_count() == 25  # but reads everyone


# --- item models -----------------------------------------------------------------------

def test_models_pass_the_qt_model_tester(qtmodeltester, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    model = PeopleTableModel()
    model.reset(people_index(ctx.db, ctx.actor, ctx.today()))
    qtmodeltester.check(model)
    proxy = PeopleFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_search("nguyen")
    proxy.sort(Column.LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    proxy.set_search("no such person")
    qtmodeltester.check(proxy)
    assert proxy.headerData(Column.NAME, Qt.Orientation.Horizontal) == \
        model.headerData(Column.NAME, Qt.Orientation.Horizontal)


def test_proxy_maps_rows_both_ways(ctx: AppContext) -> None:
    model = PeopleTableModel()
    proxy = PeopleFilter()
    proxy.setSourceModel(model)
    model.reset(people_index(ctx.db, ctx.actor, ctx.today()))
    proxy.set_status("managed")
    for row in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(row, Column.AREA))
        assert model.person_id(source.row()) == proxy.person_id(row)
        assert proxy.mapFromSource(source).row() == row
    hidden = next(i for i, r in enumerate(model.rows()) if r.status != "managed")
    assert proxy.mapFromSource(model.index(hidden, 0)) == QModelIndex()


# --- thousands of rows: correctness only (timing belongs in benchmarks/) -----------------

FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Ngọc", "Thanh", "Xuân", "Công"]
GIVENS = ["An", "Anh", "Ánh", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hoa",
          "Hoàng", "Hùng", "Khánh", "Lâm", "Linh", "Mạnh", "Nam", "Phúc", "Quân", "Sơn",
          "Tâm", "Thắng", "Toàn", "Tú", "Vinh", "Yến"]


def synthetic_rows(n: int, seed: int = 7) -> list[PeopleIndexRow]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        name = f"{rng.choice(FAMILIES)} {rng.choice(MIDDLES)} {rng.choice(GIVENS)}"
        status = rng.choice(STATUSES)
        group = rng.choice(["A", "B", "C", "D", None])
        id_number = f"0250{i:08d}" if rng.random() < 0.9 else None
        last = date(2026, 11, 26) - timedelta(days=rng.randint(0, 400)) \
            if rng.random() < 0.8 else None
        rows.append(PeopleIndexRow(
            id=f"p{i}", full_name=name, other_names="", search_key=search_key(name, "",
                                                                             id_number),
            sort_key=name_sort_key(name), gender="male", gender_label=GENDER_LABELS["male"],
            birth_date=f"{rng.randint(1950, 2005)}", birth_display="", id_number=id_number,
            status=status, status_label=STATUS_LABELS[status],
            residential_area=f"Tổ dân phố {rng.randint(1, 12)}", classification=group,
            classification_quarter="2026-Q3" if group else None, last_contact=last,
            overdue=status == "managed" and rng.random() < 0.2, received_on=None,
        ))
    rng.shuffle(rows)
    return rows


def test_six_thousand_people_filter_and_sort_correctly() -> None:
    rows = synthetic_rows(6000)
    model = PeopleTableModel()
    proxy = PeopleFilter()
    proxy.setSourceModel(model)
    model.reset(rows)
    by_name = sorted(rows, key=lambda r: r.sort_key)
    assert [proxy.person_id(i) for i in range(proxy.rowCount())] == [r.id for r in by_name]

    proxy.set_search("nguyen van a")
    key = query_key("nguyen van a")
    expected = [r.id for r in by_name if matches(r, key)]
    assert expected
    assert [proxy.person_id(i) for i in range(proxy.rowCount())] == expected
    assert all(fold(proxy.row_at(i).full_name).startswith("nguyen van a")
               for i in range(proxy.rowCount()))

    proxy.set_search("")
    proxy.set_status("managed")
    proxy.set_classification("B")
    proxy.set_overdue_only(True)
    expected = [r.id for r in by_name
                if r.status == "managed" and r.classification == "B" and r.overdue]
    assert expected
    assert [proxy.person_id(i) for i in range(proxy.rowCount())] == expected

    proxy.sort(Column.LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    shown = [proxy.row_at(i) for i in range(proxy.rowCount())]
    dated = [r.last_contact for r in shown if r.last_contact is not None]
    assert dated == sorted(dated, reverse=True)
    assert [r.id for r in shown] != expected  # the order did change
