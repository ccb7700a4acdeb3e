"""GUI start-up, in one documented order.

1. arguments — parsed by `desktop.cli` (`--db PATH`, `--demo`);
2. logging and paths — the log folder, the database path (platformdirs default);
3. exception hook — any bug from here on reaches the crash dialog and the log;
4. QApplication — with the Vietnamese translations and locale;
5.–6. database and sign-in — `views.unlock.open_office`: a new database is created
   encrypted and set up by the first-run wizard; an encrypted one is unlocked by the
   login (or the recovery code); a plain one is opened, locked, checked and migrated, then
   set up or logged into (known errors shown, then exit 1; `--demo`: a fresh plain demo
   database, signed in as the officer);
7. main window, with automatic backups (`views.handoff.autobackup`; none for `--demo`).

A database path on a USB stick or memory card is never opened: `views.handoff.removable`
offers a copy on the local disk first (SPEC §8).
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.config import default_db_path, log_dir
from desktop.db import Database, DatabaseError, open_database
from desktop.resources import resource_path
from desktop.services import units
from desktop.services.access import Actor
from desktop.views.context import AppContext
from desktop.views.errors import install_excepthook
from desktop.views.i18n import install_translations

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
    from desktop.demo import DemoOptions, generate_demo
    from desktop.services import users

    folder = Path(tempfile.mkdtemp(prefix="hoanhap-demo-"))
    db = open_database(folder / "demo.db")
    summary = generate_demo(db, DemoOptions(persons=40, seed=1))
    return db, users.login(db, "canbo", summary.password)


def run_gui(db_path: Path | None, demo: bool) -> int:
    """Steps 2–7 of the start-up order; returns the process exit code."""
    setup_logging()
    install_excepthook()
    app = make_application()
    try:
        if demo:
            db, actor = _demo_database()
        else:
            from desktop.views.handoff.removable import local_database_path
            from desktop.views.unlock import open_office

            # Never live on a USB stick (SPEC §8): a local copy is offered instead.
            path = local_database_path(db_path or default_db_path())
            opened = open_office(path) if path is not None else None
            if opened is None:
                return 0
            db, actor = opened
    except DatabaseError as exc:
        QMessageBox.critical(None, "HoaNhap", exc.message)
        return 1
    from desktop.views.main_window import MainWindow

    unit = units.home_unit(db)
    assert unit is not None
    window = MainWindow(AppContext(db=db, actor=actor, unit=unit))
    if not demo:  # a throw-away demo database is never backed up
        from desktop.views.handoff.autobackup import start_automatic_backups

        start_automatic_backups(window, db)
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
        if demo:  # a demo database is throw-away: leave nothing behind in the temp folder
            shutil.rmtree(db.path.parent, ignore_errors=True)
