"""The main window: navigation, the signed-in user, refreshing after changes, the unit's
name, the idle lock, what a leader is offered — and the start-up helpers of `views.app`.

Runs on private copies of the demo database with today pinned to 26/11/2026.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.services import person_queries, persons, units
from desktop.services.dashboard import dashboard
from desktop.services.person_views import PersonRow
from desktop.views import app as app_module
from desktop.views.context import AppContext
from desktop.views.dashboard.cards import DashboardCard
from desktop.views.login import LoginDialog
from desktop.views.main_window import MainWindow
from desktop.views.people.page import PeoplePage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PASSWORD = "hoanhap-demo"  # every demo account's
LOAD_TIMEOUT_MS = 20_000
KEYS = ("dashboard", "people", "reports", "exchange", "settings")


def make_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    """The window shown, active, with the dashboard's first load done."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.pages["dashboard"].loaded,  # type: ignore[attr-defined]
                          timeout=LOAD_TIMEOUT_MS):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    centre = window.nav.visualItemRect(window.nav.item(row)).center()
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def current_key(window: MainWindow) -> str:
    current = window.stack.currentWidget()
    if current is window.person_page:
        return "person"
    return next(key for key, page in window.pages.items() if page is current)


def managed_person(ctx: AppContext) -> PersonRow:
    return person_queries.list_people(ctx.db, ctx.actor, status="managed")[0]


def when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> list[BaseException]:
    """Run `act` on the next modal dialog once it is up (from inside its exec loop).

    Whatever happens, the dialog is closed afterwards, so a failure never hangs the test;
    the failures are returned for the test to raise.
    """
    failures: list[BaseException] = []
    deadline = [50]  # tries, 20 ms apart

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            deadline[0] -= 1
            if deadline[0] > 0:
                QTimer.singleShot(20, attempt)
            else:
                failures.append(AssertionError("no modal dialog appeared"))
            return
        try:
            act(dialog)
        except BaseException as exc:  # reported by the test, after exec returns
            failures.append(exc)
        finally:
            if dialog.isVisible():
                dialog.close()  # reject: the window then closes, the test goes on

    QTimer.singleShot(0, attempt)
    return failures


# --- navigation ---------------------------------------------------------------------------

def test_navigation_rows_switch_pages(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    assert current_key(window) == "dashboard"
    assert window.nav.count() == 5
    for row in (1, 2, 3, 4, 0, 4):
        click_row(qtbot, window, row)
        assert current_key(window) == KEYS[row]
        assert window.pages[KEYS[row]].isVisible()


def test_ctrl_digits_switch_pages(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    for key, expected in ((Qt.Key.Key_2, "people"), (Qt.Key.Key_3, "reports"),
                          (Qt.Key.Key_4, "exchange"), (Qt.Key.Key_5, "settings"),
                          (Qt.Key.Key_1, "dashboard")):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert current_key(window) == expected
        assert window.nav.currentRow() == KEYS.index(expected)


def test_open_person_shows_the_person_page_and_the_way_back(qtbot: QtBot,
                                                            ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    person = managed_person(ctx)
    window.open_person(person.id)
    assert current_key(window) == "person"
    assert window.person_page.isVisible()
    assert window.person_page.header.name.text() == person.full_name
    assert window.nav.selectedItems() == []  # no page of the list is on screen
    # The page it was opened from is the current row: clicking it still goes back.
    click_row(qtbot, window, 0)
    assert current_key(window) == "dashboard"
    assert window.nav.item(0).isSelected()
    window.open_person(person.id)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert current_key(window) == "dashboard"
    # The person page's back button goes to the people list.
    window.open_person(person.id)
    qtbot.mouseClick(window.person_page.header.back, Qt.MouseButton.LeftButton)
    assert current_key(window) == "people"


def test_show_page_is_what_pages_ask_for(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    window.show_page("settings")
    assert current_key(window) == "settings"
    window.show_page("reports")  # the dashboard's "reports due" card asks for it
    assert current_key(window) == "reports"
    window.show_page("handoff")  # not built yet: nothing happens rather than a crash
    assert current_key(window) == "reports"


# --- the user and the unit ----------------------------------------------------------------

def test_status_bar_names_the_signed_in_user(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    label = window.statusBar().findChild(QLabel, "signed_in")
    assert label is not None
    assert label.isVisible()
    assert ctx.actor.full_name in label.text()
    assert ctx.unit.name in label.text()


def test_saving_the_unit_renames_the_window(qtbot: QtBot, admin_ctx: AppContext) -> None:
    window = make_window(qtbot, admin_ctx)
    old = admin_ctx.unit.name
    assert old in window.windowTitle()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    settings_page = window.pages["settings"]
    unit_section = settings_page.sections["unit"]  # type: ignore[attr-defined]
    name = unit_section.fields.field("name")
    assert isinstance(name, QLineEdit)
    name.setText("Công an phường Thanh Bình Mới")
    save = unit_section.findChild(QPushButton, "save")
    assert save is not None
    with qtbot.waitSignal(settings_page.unit_changed):  # type: ignore[attr-defined]
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert "Công an phường Thanh Bình Mới" in window.windowTitle()
    assert old not in window.windowTitle()
    label = window.statusBar().findChild(QLabel, "signed_in")
    assert label is not None
    assert "Công an phường Thanh Bình Mới" in label.text()
    # Every page — and the person page's tabs, which open the dialogs — has the new unit.
    holders: list[Any] = [*window.pages.values(), window.person_page,
                          *window.person_page.all_tabs()]
    assert {h.ctx.unit.name for h in holders} == {"Công an phường Thanh Bình Mới"}
    saved = units.home_unit(admin_ctx.db)
    assert saved is not None
    assert saved.name == "Công an phường Thanh Bình Mới"


def test_a_leader_is_not_offered_reception(qtbot: QtBot, leader_ctx: AppContext) -> None:
    window = make_window(qtbot, leader_ctx)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    people = window.pages["people"]
    assert isinstance(people, PeoplePage)
    assert people.isVisible()
    assert people.people.total_count() == 25  # a leader reads everyone…
    assert not people.receive_button.isVisible()  # …but receives no one
    label = window.statusBar().findChild(QLabel, "signed_in")
    assert label is not None
    assert leader_ctx.actor.full_name in label.text()


def test_an_officer_is_offered_reception(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    window.show_page("people")
    people = window.pages["people"]
    assert isinstance(people, PeoplePage)
    assert people.receive_button.isVisible()


# --- refreshing -----------------------------------------------------------------------------

def test_data_changed_refreshes_the_visible_page_and_the_others_when_shown(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, ctx)
    window.show_page("people")
    people = window.pages["people"]
    assert isinstance(people, PeoplePage)
    assert people.people.total_count() == 25
    board = window.pages["dashboard"]
    refreshes: list[int] = []
    original = board.refresh  # type: ignore[attr-defined]
    monkeypatch.setattr(board, "refresh", lambda: (refreshes.append(1), original()))

    created = persons.register_walk_in(
        ctx.db, ctx.actor,
        persons.PersonInput(full_name="Hà Văn Mới", gender="male", birth_date="1985",
                            release_date=date(2026, 9, 1)),
        None, date(2026, 11, 20), today=ctx.today())
    assert people.people.total_count() == 25  # nobody told the window yet
    window.data_changed()
    assert people.people.total_count() == 26  # the page on screen: at once
    assert refreshes == []  # hidden pages wait until shown

    with qtbot.waitSignal(board.loaded, timeout=LOAD_TIMEOUT_MS):  # type: ignore[attr-defined]
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert refreshes == [1]
    awaiting = board.findChild(DashboardCard, "card_awaiting_team")
    assert awaiting is not None
    assert created.id in awaiting.row_keys()
    expected = dashboard(ctx.db, ctx.actor, ctx.today())
    assert awaiting.count == len(expected.awaiting_team)
    # Shown again without a change: not reloaded.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert refreshes == [1]


# --- the idle lock --------------------------------------------------------------------------

def test_idle_lock_hides_everything_until_the_right_password(qtbot: QtBot,
                                                             ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    central = window.centralWidget()
    assert window.idle.timer.isActive()
    assert window.idle.timer.interval() == 10 * 60_000  # the default setting
    seen: dict[str, Any] = {}

    def unlock(dialog: QWidget) -> None:
        assert isinstance(dialog, LoginDialog)
        seen["hidden"] = central.isHidden()
        seen["user"] = (dialog.username.text(), dialog.username.isReadOnly())
        seen["idle_paused"] = not window.idle.timer.isActive()
        qtbot.keyClicks(dialog.password, "sai-mat-khau")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        seen["refused"] = (dialog.message.text(), dialog.isVisible(), central.isHidden(),
                           dialog.password.text())
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        seen["accepted"] = not dialog.isVisible()

    failures = when_modal(qtbot, unlock)
    window.idle.timer.timeout.emit()  # ten idle minutes, without waiting for them
    if failures:
        raise failures[0]

    assert seen["hidden"] is True
    assert seen["user"] == (ctx.actor.username, True)
    assert seen["idle_paused"] is True
    message, open_after_wrong, hidden_after_wrong, typed = seen["refused"]
    assert message != ""
    assert (open_after_wrong, hidden_after_wrong, typed) == (True, True, "")
    assert seen["accepted"] is True
    assert window.isVisible()
    assert central.isVisible()
    assert window.idle.timer.isActive()  # counting again


def test_ctrl_l_locks_and_cancel_closes_the_window(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    seen: list[bool] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, LoginDialog)
        seen.append(window.centralWidget().isHidden())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    failures = when_modal(qtbot, cancel)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    if failures:
        raise failures[0]
    assert seen == [True]
    assert not window.isVisible()  # the only way back in is the password


# --- start-up helpers -----------------------------------------------------------------------

def test_the_window_appears_before_the_database_libraries_load() -> None:
    """Steps 1–4 of `views.app`'s start-up load no SQLAlchemy, models or services: the
    window appears in about the time of an empty Qt window (benchmarks, scenario c)."""
    script = (
        "import sys\n"
        "from desktop.cli import parse_arguments\n"
        "from desktop.views.app import make_application\n"
        "from desktop.views.errors import install_excepthook\n"
        "from desktop.views.main_window import MainWindow\n"
        "parse_arguments([])\n"
        "app = make_application()\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "app.processEvents()\n"
        "assert window.isVisible()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlcipher3')\n"
        "             or m.startswith(('desktop.db', 'desktop.models', 'desktop.services.'))\n"
        "             and m not in ('desktop.services.errors',)))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_start_up_shows_the_window_then_opens_the_database_over_it(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import desktop.views.unlock as unlock

    monkeypatch.setattr(app_module, "setup_logging", lambda: None)
    monkeypatch.setattr(app_module, "install_excepthook", lambda: None)
    seen: list[tuple[bool, bool, str]] = []

    def give_up(path: Path, parent: QWidget | None = None) -> None:
        assert isinstance(parent, MainWindow)
        qtbot.addWidget(parent)
        seen.append((parent.isVisible(), parent.signed_in,
                     parent.stack.currentWidget().objectName()))
        # the login dialog was cancelled

    monkeypatch.setattr(unlock, "open_office", give_up)
    assert app_module.run_gui(tmp_path / "office.db", demo=False) == 0
    assert seen == [(True, False, "opening")]


def test_start_up_fills_the_window_for_the_user_who_signed_in(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, ctx: AppContext) -> None:
    windows: list[MainWindow] = []
    monkeypatch.setattr(app_module, "setup_logging", lambda: None)
    monkeypatch.setattr(app_module, "install_excepthook", lambda: None)
    # The demo path: no automatic backups, and the database folder is removed at the end.
    monkeypatch.setattr(app_module, "_demo_database", lambda: (ctx.db, ctx.actor))

    tries = [0]

    def look_then_close() -> None:
        """Once the event loop runs with the user signed in: note the window, close it."""
        signed_in = [w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.signed_in and w.isVisible()]
        tries[0] += 1
        if signed_in:
            windows.append(signed_in[0])
            signed_in[0].close()
        elif tries[0] < 2000:
            QTimer.singleShot(5, look_then_close)
        else:
            QApplication.quit()  # never signed in: end the loop, the asserts below fail

    QTimer.singleShot(0, look_then_close)
    assert app_module.run_gui(None, demo=True) == 0
    window = windows[0]
    assert window.signed_in
    assert window.ctx.actor.username == ctx.actor.username
    assert ctx.unit.name in window.windowTitle()
    assert window.nav.isEnabled()
    assert window.stack.currentWidget() is window.pages["dashboard"]
    assert ctx.actor.full_name in window.user_label.text()

def test_demo_database_signs_in_the_officer(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "mkdtemp", lambda prefix="": str(tmp_path))
    db, actor = app_module._demo_database()
    try:
        assert db.path == tmp_path / "demo.db"
        assert (actor.username, actor.role) == ("canbo", "officer")
        unit = units.home_unit(db)
        assert unit is not None
        assert actor.unit_code == unit.code
        assert len(person_queries.list_people(db, actor)) == 40
    finally:
        db.close()


def test_make_application_reuses_the_running_one(qapp: QApplication) -> None:
    names = (qapp.applicationName(), qapp.organizationName())
    try:
        made = app_module.make_application(["hoanhap"])
        assert made is qapp
        assert (made.applicationName(), made.organizationName()) == ("HoaNhap", "HoaNhap")
        # The translations are installed: our strings read in Vietnamese.
        assert QApplication.translate("MainWindow", "Today's work") != "Today's work"
    finally:
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])
