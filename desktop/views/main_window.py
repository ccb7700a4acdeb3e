"""The main window: a navigation list on the left, the pages on the right, the user below.

The window is shown first, empty ("Opening the database…"), before the database and the
libraries behind it (SQLAlchemy, the models, the services) are loaded — about a second on
an old PC, during which an officer would otherwise see nothing and double-click again. The
sign-in dialogs then open over it, and `sign_in` fills it in. This module therefore imports
only Qt and two small view helpers at load time, and leaves PySide6's costly `Qt` namespace
and key enums until sign-in (benchmarks/RESULTS.md, scenario c;
tests/views/test_main_window.py checks that no database library is loaded before).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.views.lazy_pages import LazyPages

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from desktop.services.settings import SettingView
    from desktop.services.units import UnitView
    from desktop.views.context import AppContext
    from desktop.views.idle import IdleWatcher
    from desktop.views.person.page import PersonPage

NAV_WIDTH = 180  # the page names fit; the rest of a 1280 px screen goes to the pages


class MainWindow(QMainWindow):
    """Hosts the pages and implements `Navigator` for them."""

    def __init__(self, ctx: AppContext | None = None) -> None:
        """The window, shown before anyone signs in; with `ctx`, signed in at once."""
        super().__init__()
        self._ctx: AppContext | None = None
        self.idle: IdleWatcher | None = None
        self.setWindowTitle("HoaNhap")
        self.resize(1280, 800)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setEnabled(False)  # until someone signs in
        self.stack = QStackedWidget()
        # Centred by markup and stretches: the first touch of PySide6's `Qt` namespace
        # builds all its enums (≈ 25 ms), which the window should not wait for.
        self.opening = QWidget()
        self.opening.setObjectName("opening")
        opening = QVBoxLayout(self.opening)
        opening.addStretch(1)
        opening.addWidget(QLabel("<div align='center'>{}</div>".format(
            self.tr("Opening the database…"))))
        opening.addStretch(1)
        self.stack.addWidget(self.opening)
        # Only the dashboard is built at sign-in; each other page (and its modules) when
        # first shown, so the window is ready sooner (see lazy_pages).
        self.pages = LazyPages(self.stack, lambda key, _page: self._stale.discard(key))
        self._stale: set[str] = set()
        self._person_page: PersonPage | None = None
        self._nav_keys: list[str] = []  # the page of each navigation row
        for key, title in (("dashboard", self.tr("Today's work")), ("people", self.tr("People")),
                           ("reports", self.tr("Reports")),
                           ("exchange", self.tr("Data exchange")),
                           ("settings", self.tr("Settings"))):
            self._add_nav(key, title)
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
        self.user_label = QLabel()
        self.user_label.setObjectName("signed_in")
        self.statusBar().addPermanentWidget(self.user_label)
        if ctx is not None:
            self.sign_in(ctx)

    @property
    def ctx(self) -> AppContext:
        """The signed-in user, unit and database (only after `sign_in`)."""
        if self._ctx is None:
            raise RuntimeError("nobody has signed in yet")
        return self._ctx

    @ctx.setter
    def ctx(self, ctx: AppContext) -> None:
        self._ctx = ctx

    @property
    def signed_in(self) -> bool:
        return self._ctx is not None

    def sign_in(self, ctx: AppContext) -> None:
        """Fill the window for the user who signed in: the dashboard first, the other pages
        when first shown."""
        from PySide6.QtCore import Qt  # not at import: see the note on `opening`

        from desktop.services import settings as settings_service
        from desktop.views.dashboard.page import DashboardPage
        from desktop.views.idle import IdleWatcher

        self._ctx = ctx
        self._set_title()
        self._show_user()
        self.pages.add("dashboard", DashboardPage(ctx, self))
        self.pages.add("people", self._people_page)
        self.pages.add("reports", self._reports_page)
        self.pages.add("exchange", self._exchange_page)
        self.pages.add("settings", self._settings_page)
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        minutes = int(settings_service.setting_value(ctx.db, "idle_lock_minutes"))
        self.idle = IdleWatcher(minutes, self.lock, self)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.idle)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._shortcuts()  # also builds the Qt.Key enums: ≈ 30 ms kept off the first frame
        self.nav.setEnabled(True)
        self._go(0)

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
            if setting.key == "idle_lock_minutes" and self.idle is not None:
                self.idle.set_minutes(int(setting.value))

    def _add_nav(self, key: str, title: str) -> None:
        """A navigation entry; its page is registered at sign-in (`pages.add`)."""
        item = QListWidgetItem(title)
        self._nav_keys.append(key)
        item.setSizeHint(QSize(NAV_WIDTH - 10, 40))
        self.nav.addItem(item)

    def _show_user(self) -> None:
        from desktop.services.access import ROLE_LABELS

        actor = self.ctx.actor
        role = ROLE_LABELS.get(actor.role, actor.role)
        self.user_label.setText(self.tr("Signed in: {0} ({1}) · {2}").format(
            actor.full_name, role, self.ctx.unit.name))

    def _shortcuts(self) -> None:
        for row in range(self.nav.count()):  # Ctrl+1 … Ctrl+5, in the navigation's order
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
        if not self.signed_in:
            return
        if row == self.nav.currentRow():
            self._nav_changed(row)  # e.g. back from the person page opened from this page
        else:
            self.nav.setCurrentRow(row)

    def _nav_changed(self, row: int) -> None:
        if row < 0 or not self.signed_in:
            return
        item = self.nav.item(row)
        item.setSelected(True)  # open_person cleared it
        key = self._nav_keys[row]
        page = self.pages[key]
        if key in self._stale:
            page.refresh()  # type: ignore[attr-defined]
            self._stale.discard(key)
        self.stack.setCurrentWidget(page)

    # Idle lock ---------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide everything until the same user types their password again."""
        if self.idle is None:
            return  # nobody signed in: nothing to lock
        from desktop.views.login import LoginDialog

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
        if app is not None and self.idle is not None:
            app.removeEventFilter(self.idle)
        super().closeEvent(event)
