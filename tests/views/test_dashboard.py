"""The dashboard page shows the service's lists and charts, and opens people from them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from desktop.formatting import format_date
from desktop.services import contacts, users
from desktop.services.dashboard import Dashboard, dashboard
from desktop.views.context import AppContext
from desktop.views.dashboard import DashboardPage
from desktop.views.dashboard.cards import DashboardCard

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LOAD_TIMEOUT_MS = 20_000  # 16 figure computations on a shared CI machine

# Card key → the service list it shows.
CARD_LISTS = {
    "overdue": "overdue", "due_week": "due_this_week", "evaluations": "evaluations_due",
    "expected": "expected", "awaiting_team": "awaiting_team", "teams": "incomplete_teams",
    "absent": "absent", "expungements": "expungements", "reports": "reports_due",
}


class FakeNav:
    """Records what the page asks of the main window."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.pages: list[str] = []

    def open_person(self, person_id: str) -> None:
        self.opened.append(person_id)

    def show_page(self, key: str) -> None:
        self.pages.append(key)

    def data_changed(self) -> None:
        pass


def loaded_page(qtbot, ctx: AppContext, nav: FakeNav) -> DashboardPage:  # type: ignore[no-untyped-def]
    page = DashboardPage(ctx, nav)
    qtbot.addWidget(page)
    page.resize(1070, 760)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
        pass
    return page


@pytest.fixture
def nav() -> FakeNav:
    return FakeNav()


@pytest.fixture
def page(qtbot, ctx: AppContext, nav: FakeNav) -> DashboardPage:  # type: ignore[no-untyped-def]
    return loaded_page(qtbot, ctx, nav)


@pytest.fixture
def board(ctx: AppContext) -> Dashboard:
    return dashboard(ctx.db, ctx.actor, ctx.today())


def card(page: DashboardPage, key: str) -> DashboardCard:
    found = page.findChild(DashboardCard, f"card_{key}")
    assert found is not None
    return found


def item(tree: QTreeWidget, row: int) -> QTreeWidgetItem:
    found = tree.topLevelItem(row)
    assert found is not None
    return found


def column(tree: QTreeWidget, index: int) -> list[str]:
    return [item(tree, i).text(index) for i in range(tree.topLevelItemCount())]


def title_count(c: DashboardCard) -> int:
    match = re.search(r"\((\d+)\)", c.title())
    assert match is not None, c.title()
    return int(match[1])


def test_overdue_people_are_listed_oldest_contact_first(
    page: DashboardPage, board: Dashboard
) -> None:
    tree = card(page, "overdue").tree
    assert len(board.overdue) >= 2  # the demo has overdue people: the test means something
    assert tree.isVisibleTo(page)
    assert column(tree, 0) == [r.full_name for r in board.overdue]
    assert column(tree, 2) == [format_date(r.last_contact) for r in board.overdue]
    assert column(tree, 3) == [str(r.days_since) for r in board.overdue]
    days = [int(d) for d in column(tree, 3)]
    assert days == sorted(days, reverse=True)
    assert card(page, "overdue").row_keys() == [r.person_id for r in board.overdue]


def test_double_click_opens_the_person(qtbot, page: DashboardPage, board: Dashboard,  # type: ignore[no-untyped-def]
                                       nav: FakeNav) -> None:
    tree = card(page, "overdue").tree
    centre = tree.visualItemRect(item(tree, 1)).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert nav.opened == [board.overdue[1].person_id]


def test_enter_opens_the_person(qtbot, page: DashboardPage, board: Dashboard,  # type: ignore[no-untyped-def]
                                nav: FakeNav) -> None:
    tree = card(page, "due_week").tree
    tree.setFocus()
    tree.setCurrentItem(item(tree, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert nav.opened == [board.due_this_week[0].person_id]


def test_a_report_line_leads_to_the_reports_page(qtbot, page: DashboardPage,  # type: ignore[no-untyped-def]
                                                 nav: FakeNav) -> None:
    tree = card(page, "reports").tree
    assert tree.topLevelItemCount() == 1  # HCD-12 of 2026-M11 on the demo
    assert column(tree, 0) == ["HCD-12"]
    tree.setCurrentItem(item(tree, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert nav.pages == ["reports"]
    assert nav.opened == []


def test_card_titles_count_the_service_lists(page: DashboardPage, board: Dashboard) -> None:
    for key, attribute in CARD_LISTS.items():
        expected = len(getattr(board, attribute))
        c = card(page, key)
        assert (title_count(c), c.count, c.tree.topLevelItemCount()) == (
            expected, expected, expected), key


def test_charts_have_a_point_per_month_and_quarter(page: DashboardPage,
                                                   board: Dashboard) -> None:
    assert page.managed_chart.point_count() == 12
    assert page.coverage_chart.point_count() == 12
    assert page.class_chart.point_count() == 4
    assert page.managed_chart.labels()[-1] == "12/26"  # the current cut-off month
    (managed,) = page.managed_chart.series()
    assert managed.values == tuple(float(m.managed_at_end) for m in board.months)
    (coverage,) = page.coverage_chart.series()
    assert coverage.values == tuple(m.coverage_pct for m in board.months)
    # A, B, C, D and "no evaluation" stacked per quarter.
    classes = page.class_chart.series()
    assert [s.name for s in classes[:4]] == ["A", "B", "C", "D"]
    assert [sum(s.values[i] or 0 for s in classes) for i in range(4)] == [
        sum(n for _, n in q.counts) + q.missing for q in board.quarters]


def test_chart_tooltip_names_the_months_dates(page: DashboardPage, board: Dashboard) -> None:
    last = board.months[-1]
    tip = page.coverage_chart.point_tooltip(11)
    assert format_date(last.start) in tip
    assert format_date(last.end) in tip


def test_an_empty_list_says_there_is_nothing_to_do(qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                   nav: FakeNav) -> None:
    later = replace(ctx, today_override=date(2026, 12, 1))
    assert dashboard(later.db, later.actor, later.today()).reports_due == ()  # precondition
    page = loaded_page(qtbot, later, nav)
    reports = card(page, "reports")
    assert reports.empty.isVisibleTo(page)
    assert not reports.tree.isVisibleTo(page)
    assert title_count(reports) == 0
    assert card(page, "overdue").tree.isVisibleTo(page)


def test_refresh_shows_a_contact_just_logged(qtbot, page: DashboardPage,  # type: ignore[no-untyped-def]
                                             ctx: AppContext, board: Dashboard) -> None:
    first = board.overdue[0]
    contacts.log_contact(ctx.db, ctx.actor, first.person_id,
                         contacts.ContactInput(contact_date=ctx.today()), today=ctx.today())
    with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
        page.refresh()
    overdue = card(page, "overdue")
    assert first.person_id not in overdue.row_keys()
    assert title_count(overdue) == len(board.overdue) - 1


def test_leader_sees_the_same_dashboard(qtbot, leader_ctx: AppContext,  # type: ignore[no-untyped-def]
                                        nav: FakeNav) -> None:
    officer = users.login(leader_ctx.db, "canbo", "hoanhap-demo")
    expected = dashboard(leader_ctx.db, officer, leader_ctx.today())
    page = loaded_page(qtbot, leader_ctx, nav)
    assert page.board == expected
    assert column(card(page, "overdue").tree, 0) == [r.full_name for r in expected.overdue]
    for key, attribute in CARD_LISTS.items():
        assert title_count(card(page, key)) == len(getattr(expected, attribute)), key
