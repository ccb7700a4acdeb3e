"""GUI start-up, in one documented order.

1. arguments — parsed by `desktop.cli` (`--db PATH`, `--demo`);
2. exception hook — any bug from here on reaches the crash dialog and the log file;
3. QApplication — with the Vietnamese translations and locale;
4. the main window, shown at once ("Opening the database…"): nothing so far has loaded
   SQLAlchemy, the models or the services, so it appears about as fast as an empty Qt
   window (benchmarks/RESULTS.md, scenario c); the dialogs below open over it;
5. logging and paths — the log folder, the database path (platformdirs default);
6. database and sign-in — `views.unlock.open_office`: a new database is created
   encrypted and set up by the first-run wizard; an encrypted one is unlocked by the
   login (or the recovery code); a plain one is opened, locked, checked and migrated, then
   set up or logged into (known errors shown, then exit 1; `--demo`: a fresh plain demo
   database, signed in as the officer);
7. the window signed in (`MainWindow.sign_in`), with automatic backups
   (`views.handoff.autobackup`; none for `--demo`).

Only Qt and light modules are imported above `run_gui`'s step 6; keep it so.

A database path on a USB stick or memory card is never opened: `views.handoff.removable`
offers a copy on the local disk first (SPEC §8).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop.config import default_db_path, log_dir
from desktop.database_errors import DatabaseError
from desktop.resources import resource_path
from desktop.views.errors import install_excepthook
from desktop.views.i18n import install_translations

if TYPE_CHECKING:
    from desktop.db import Database
    from desktop.services.access import Actor

log = logging.getLogger("hoanhap")


def setup_logging() -> None:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=folder / "hoanhap.log", level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with translations installed (reused if one exists, as in tests)."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("HoaNhap")
    app.setOrganizationName("HoaNhap")
    icon = resource_path("icons", "hoanhap.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_translations(app)
    return app


def _demo_database() -> tuple[Database, Actor]:
    import tempfile

    from desktop.db import open_database
    from desktop.demo import DemoOptions, generate_demo
    from desktop.services import users

    folder = Path(tempfile.mkdtemp(prefix="hoanhap-demo-"))
    db = open_database(folder / "demo.db")
    summary = generate_demo(db, DemoOptions(persons=40, seed=1))
    return db, users.login(db, "canbo", summary.password)


def _office(db_path: Path | None, window: QWidget) -> tuple[Database, Actor] | None:
    from desktop.views.handoff.removable import local_database_path
    from desktop.views.unlock import open_office

    # Never live on a USB stick (SPEC §8): a local copy is offered instead.
    path = local_database_path(db_path or default_db_path())
    return open_office(path, window) if path is not None else None


def run_gui(db_path: Path | None, demo: bool) -> int:
    """Steps 2–7 of the start-up order; returns the process exit code."""
    install_excepthook()
    app = make_application()
    from desktop.views.main_window import MainWindow

    window = MainWindow()
    window.show()
    app.processEvents()  # drawn now: what follows takes a second or more on an old PC
    setup_logging()
    try:
        opened = _demo_database() if demo else _office(db_path, window)
    except DatabaseError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(window, "HoaNhap", exc.message)
        window.close()
        return 1
    if opened is None:
        window.close()
        return 0
    db, actor = opened
    from desktop.services import units
    from desktop.views.context import AppContext

    unit = units.home_unit(db)
    assert unit is not None
    window.sign_in(AppContext(db=db, actor=actor, unit=unit))
    if not demo:  # a throw-away demo database is never backed up
        from desktop.views.handoff.autobackup import start_automatic_backups

        start_automatic_backups(window, db)
    try:
        return app.exec()
    finally:
        db.close()
        if demo:  # a demo database is throw-away: leave nothing behind in the temp folder
            import shutil

            shutil.rmtree(db.path.parent, ignore_errors=True)
