"""The main window: a navigation list on the left, the pages on the right, the user below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.services import settings as settings_service
from desktop.services.access import ROLE_LABELS
from desktop.services.settings import SettingView
from desktop.services.units import UnitView
from desktop.views.context import AppContext
from desktop.views.dashboard.page import DashboardPage
from desktop.views.idle import IdleWatcher
from desktop.views.lazy_pages import LazyPages, PageFactory
from desktop.views.login import LoginDialog

if TYPE_CHECKING:
    from desktop.views.person.page import PersonPage

NAV_WIDTH = 180  # the page names fit; the rest of a 1280 px screen goes to the pages


class MainWindow(QMainWindow):
    """Hosts the pages and implements `Navigator` for them."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._set_title()
        self.resize(1280, 800)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        # Only the dashboard is built now; each other page (and its modules) when first
        # shown, so the window appears sooner (see lazy_pages).
        self.pages = LazyPages(self.stack, lambda key, _page: self._stale.discard(key))
        self._stale: set[str] = set()
        self._person_page: PersonPage | None = None
        self._add_page("dashboard", self.tr("Today's work"), DashboardPage(ctx, self))
        self._add_page("people", self.tr("People"), self._people_page)
        self._add_page("reports", self.tr("Reports"), self._reports_page)
        self._add_page("exchange", self.tr("Data exchange"), self._exchange_page)
        self._add_page("settings", self.tr("Settings"), self._settings_page)
        self.nav.currentRowChanged.connect(self._nav_changed)
        # Clicking the page the person was opened from leaves the current row unchanged.
        self.nav.itemClicked.connect(lambda item: self._nav_changed(self.nav.row(item)))
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._central = central
        self._status_bar()
        self._shortcuts()
        minutes = int(settings_service.setting_value(ctx.db, "idle_lock_minutes"))
        self.idle = IdleWatcher(minutes, self.lock, self)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.idle)
        self.nav.setCurrentRow(0)

    def _people_page(self) -> QWidget:
        from desktop.views.people.page import PeoplePage

        return PeoplePage(self.ctx, self)

    def _reports_page(self) -> QWidget:
        from desktop.views.reports.page import ReportsPage

        return ReportsPage(self.ctx, self)

    def _exchange_page(self) -> QWidget:
        from desktop.views.handoff.page import ExchangePage

        return ExchangePage(self.ctx, self)

    def _settings_page(self) -> QWidget:
        from desktop.views.settings.page import SettingsPage

        page = SettingsPage(self.ctx, self)
        page.unit_changed.connect(self._unit_changed)
        page.installation_changed.connect(self._installation_changed)
        return page

    @property
    def person_page(self) -> PersonPage:
        """The person page, built when a person is first opened."""
        if self._person_page is None:
            from desktop.views.person.page import PersonPage

            self._person_page = PersonPage(self.ctx, self)
            self.stack.addWidget(self._person_page)
        return self._person_page

    def _set_title(self) -> None:
        self.setWindowTitle(self.tr("HoaNhap – {0}").format(self.ctx.unit.name))

    def _unit_changed(self, unit: UnitView) -> None:
        """The home unit's settings were saved: every page works with the new values."""
        self.ctx = self.ctx.with_unit(unit)
        # The person page's tabs open their dialogs with their own ctx (quarters, interval).
        # Pages not built yet will be made with the new ctx.
        holders: list[QWidget] = list(self.pages.built().values())
        if self._person_page is not None:
            holders += [self._person_page, *self._person_page.all_tabs()]
        for page in holders:
            page.ctx = self.ctx  # type: ignore[attr-defined]
        self._set_title()
        self._show_user()

    def _installation_changed(self, settings: list[SettingView]) -> None:
        for setting in settings:
            if setting.key == "idle_lock_minutes":
                self.idle.set_minutes(int(setting.value))

    def _add_page(self, key: str, title: str, page: QWidget | PageFactory) -> None:
        """A navigation entry and its page: a widget, or a factory called when first shown."""
        self.pages.add(key, page)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(NAV_WIDTH - 10, 40))
        self.nav.addItem(item)

    def _status_bar(self) -> None:
        self.user_label = QLabel()
        self.user_label.setObjectName("signed_in")
        self.statusBar().addPermanentWidget(self.user_label)
        self._show_user()

    def _show_user(self) -> None:
        actor = self.ctx.actor
        role = ROLE_LABELS.get(actor.role, actor.role)
        self.user_label.setText(self.tr("Signed in: {0} ({1}) · {2}").format(
            actor.full_name, role, self.ctx.unit.name))

    def _shortcuts(self) -> None:
        for row in range(len(self.pages)):  # Ctrl+1 … Ctrl+5, in the navigation's order
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self._go(r))
            self.addAction(action)
        lock = QAction(self.tr("Lock"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        self.addAction(lock)

    # Navigator -------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        keys = list(self.pages)
        if key in keys:
            self._go(keys.index(key))

    def open_person(self, person_id: str) -> None:
        self.person_page.show_person(person_id)
        self.nav.clearSelection()
        self.stack.setCurrentWidget(self.person_page)

    def data_changed(self) -> None:
        self._stale = set(self.pages)
        current = self.stack.currentWidget()
        for key, page in self.pages.built().items():
            if page is current:
                page.refresh()  # type: ignore[attr-defined]
                self._stale.discard(key)

    def _go(self, row: int) -> None:
        if row == self.nav.currentRow():
            self._nav_changed(row)  # e.g. back from the person page opened from this page
        else:
            self.nav.setCurrentRow(row)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        item = self.nav.item(row)
        item.setSelected(True)  # open_person cleared it
        key = item.data(Qt.ItemDataRole.UserRole)
        page = self.pages[key]
        if key in self._stale:
            page.refresh()  # type: ignore[attr-defined]
            self._stale.discard(key)
        self.stack.setCurrentWidget(page)

    # Idle lock ---------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide everything until the same user types their password again."""
        self.idle.pause()
        self._central.setVisible(False)
        dialog = LoginDialog(self.ctx.db, self.ctx.unit.name, self,
                             locked_user=self.ctx.actor.username)
        if dialog.exec() != LoginDialog.DialogCode.Accepted:
            self.close()  # the only way back in is the password
            return
        self._central.setVisible(True)
        self.idle.resume()

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        super().closeEvent(event)
