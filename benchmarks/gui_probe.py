"""Child processes of the GUI scenarios; each prints one JSON line as its last output.

    python benchmarks/gui_probe.py start DB      (c) HoaNhap up to the main window shown
    python benchmarks/gui_probe.py bare          (c, f baseline) an empty QMainWindow shown
    python benchmarks/gui_probe.py memory DB PERIOD   (f) province open, dashboard and the
                                                 consolidated report's figures loaded
    python benchmarks/gui_probe.py people DB     (d) keystrokes in the people search box
    python benchmarks/gui_probe.py people-bare DB  (d baseline) Qt's own filter proxy

`start` follows `desktop.views.app.run_gui`: the command line parsed, QApplication with
translations, the main window shown (the "shown" line), then the database opened, checked
and migrated and the officer signed in — the login dialog replaced by the signed-in
officer, as the GUI tests do: typing a password is not start-up time — and the dashboard
loaded. The parent measures from spawning the process to the "shown" line, so interpreter
start and imports count for both sides; the later steps are reported beside it. Keep the
imports below inside the functions: they are what is measured.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SHOWN = "HOANHAP-BENCH-SHOWN"


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _emit(data: dict[str, Any]) -> None:
    print(json.dumps(data), flush=True)


def _signed_in(db: Any, username: str) -> Any:
    from sqlalchemy import select

    from desktop.models import User
    from desktop.services import users

    with db.reading() as session:
        return users.actor_of(session.scalars(select(User).where(User.username == username))
                              .one())


def show_window() -> tuple[Any, Any]:
    """Steps 1–5 of the start-up order: (app, main window shown, nobody signed in yet)."""
    from desktop.cli import parse_arguments
    from desktop.views.app import make_application
    from desktop.views.errors import install_excepthook  # noqa: F401 - imported by run_gui
    from desktop.views.main_window import MainWindow

    parse_arguments([])
    app = make_application()
    window = MainWindow()
    window.show()
    app.processEvents()
    return app, window


def sign_in(app: Any, window: Any, db_path: str, username: str) -> Any:
    """Step 6 with the login replaced, and step 7: the window filled in; the database."""
    from desktop.db import open_database
    from desktop.services import units
    from desktop.views.context import AppContext

    db = open_database(db_path)
    unit = units.home_unit(db)
    assert unit is not None
    window.sign_in(AppContext(db=db, actor=_signed_in(db, username), unit=unit))
    app.processEvents()
    return db


def start_main_window(db_path: str, username: str) -> tuple[Any, Any, Any]:
    """The whole start-up with a signed-in user: (app, window, db)."""
    app, window = show_window()
    return app, window, sign_in(app, window, db_path, username)


def probe_start(db_path: str) -> None:
    started = time.perf_counter()
    app, window = show_window()
    print(SHOWN, flush=True)
    shown = time.perf_counter() - started
    db = sign_in(app, window, db_path, "canbo")
    signed_in = time.perf_counter() - started
    board = window.pages["dashboard"]
    _wait(app, lambda: board.board is not None, 60)
    _emit({"in_process_shown_s": shown, "signed_in_s": signed_in,
           "dashboard_loaded_s": time.perf_counter() - started,
           "peak_rss_mb": peak_rss_mb()})
    window.close()
    db.close()


def probe_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    print(SHOWN, flush=True)
    _emit({"peak_rss_mb": peak_rss_mb()})


def _wait(app: Any, done: Any, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the page did not finish loading")
        app.processEvents()
        time.sleep(0.005)


def probe_memory(db_path: str, period: str) -> None:
    """The province analyst's session: main window, then the consolidated report's
    figures for every commune (what the Reports page's preview computes)."""
    from desktop.services import report_preview

    started = time.perf_counter()
    app, window, db = start_main_window(db_path, "admin")
    board = window.pages["dashboard"]
    _wait(app, lambda: board.board is not None, 120)
    after_start = peak_rss_mb()
    window.show_page("reports")
    app.processEvents()
    preview = report_preview.preview(db, window.ctx.actor, "HCD-13-TH", period)
    window.show_page("people")
    app.processEvents()
    _emit({"peak_rss_mb": peak_rss_mb(), "after_start_mb": after_start,
           "units": len(preview.columns), "seconds": time.perf_counter() - started})
    window.close()
    db.close()


QUERIES = ("nguyen van", "tran thi", "ng", "le", "hoa", "079")


def _keystrokes(app: Any, line_edit: Any) -> tuple[list[float], list[float]]:
    """Type each query one key at a time, then erase it. Per key: seconds until the table
    is repainted, and seconds until the filtered model is ready (the key event is
    delivered synchronously; the repaint happens in the event loop after it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    totals, filters = [], []
    for query in QUERIES:
        for key in [*query, *(["\b"] * len(query))]:
            started = time.perf_counter()
            if key == "\b":
                QTest.keyClick(line_edit, Qt.Key.Key_Backspace)
            else:
                QTest.keyClicks(line_edit, key)
            filtered = time.perf_counter()
            app.processEvents()
            totals.append(time.perf_counter() - started)
            filters.append(filtered - started)
    return totals, filters


def _window(app: Any, page: Any) -> Any:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.setCentralWidget(page)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return window


def probe_people(db_path: str) -> None:
    from desktop.db import open_database
    from desktop.services import units
    from desktop.views.app import make_application
    from desktop.views.context import AppContext
    from desktop.views.people.page import PeoplePage

    app = make_application()
    db = open_database(db_path)
    unit = units.home_unit(db)
    assert unit is not None

    class _Nav:  # the page only needs a Navigator to open people
        def open_person(self, person_id: str) -> None: ...
        def show_page(self, key: str) -> None: ...
        def data_changed(self) -> None: ...

    ctx = AppContext(db=db, actor=_signed_in(db, "canbo"), unit=unit)
    started = time.perf_counter()
    page = PeoplePage(ctx, _Nav())
    window = _window(app, page)
    loaded = time.perf_counter() - started
    times, filters = _keystrokes(app, page.search)
    _emit({"keys": times, "filter": filters, "rows": page.people.total_count(),
           "load_s": loaded})
    window.close()
    db.close()


def probe_people_bare(db_path: str) -> None:
    """Qt's QSortFilterProxyModel over a QStandardItemModel of the same names: filtering
    done entirely in C++, the floor any Python model is compared with."""
    import sqlite3

    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

    from desktop.views.app import make_application

    app = make_application()
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT name_folded, full_name, birth_date, id_number, status,"
                        " residential_area FROM persons WHERE deleted_at IS NULL").fetchall()
    conn.close()
    model = QStandardItemModel()
    for row in rows:
        model.appendRow([QStandardItem(value or "") for value in row])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(0)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    page = QWidget()
    edit = QLineEdit()
    edit.textChanged.connect(lambda text: proxy.setFilterFixedString(text))
    view = QTableView()
    view.setModel(proxy)
    layout = QVBoxLayout(page)
    layout.addWidget(edit)
    layout.addWidget(view)
    window = _window(app, page)
    times, filters = _keystrokes(app, edit)
    _emit({"keys": times, "filter": filters, "rows": len(rows)})
    window.close()


def main(argv: list[str]) -> int:
    mode, args = argv[0], argv[1:]
    probes: dict[str, Callable[..., None]] = {
        "start": probe_start, "bare": probe_bare, "memory": probe_memory,
        "people": probe_people, "people-bare": probe_people_bare,
    }
    probes[mode](*args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
