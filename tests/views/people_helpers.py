"""What the People screen and reception wizard tests share: a fake navigator and a page."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.views.context import AppContext
from desktop.views.people.page import PeoplePage


class FakeNavigator:
    """Records what the page asked the main window to do."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.changes = 0
        self.page: PeoplePage | None = None

    def open_person(self, person_id: str) -> None:
        self.opened.append(person_id)

    def show_page(self, key: str) -> None:
        pass

    def data_changed(self) -> None:
        # The main window refreshes the page on screen, as this does.
        self.changes += 1
        if self.page is not None:
            self.page.refresh()


def make_page(qtbot: QtBot, ctx: AppContext) -> tuple[PeoplePage, FakeNavigator]:
    nav = FakeNavigator()
    page = PeoplePage(ctx, nav)
    nav.page = page
    qtbot.addWidget(page)
    page.resize(1070, 760)
    page.show()
    qtbot.waitExposed(page)
    return page, nav


def active(qtbot: QtBot, page: PeoplePage) -> None:
    """The page's window active, so keyboard focus can move as the user would see it."""
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


def shown_names(page: PeoplePage) -> list[str]:
    return [page.people.row_at(r).full_name for r in range(page.people.rowCount())]
