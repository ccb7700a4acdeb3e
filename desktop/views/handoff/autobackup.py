"""Automatic backups while the app runs (SPEC §8): at start-up and once a day when the newest
one is older than a day, and when the main window closes; into the open database's own
folder of backups (`config.backups_dir`), so another database never rotates them away.

Backups run on a plain thread: SQLite's online backup API copies page by page without
stopping anyone from working. On exit the window waits for its backup at most
`EXIT_WAIT_S` seconds, then goes anyway (an unfinished copy is only a temporary file,
removed by a later run). A failure is logged and never reaches the user's work.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop.db import Database
from desktop.services import backup_schedule
from desktop.services.backup_schedule import BackupResult

log = logging.getLogger("hoanhap")

CHECK_EVERY_MS = 60 * 60 * 1000  # hourly: "once a day" is then at most an hour late
EXIT_WAIT_S = 30.0


class _Relay(QObject):
    """Carries a finished backup back to the GUI thread; kept alive by its thread."""

    done = Signal(object)  # BackupResult | None


class AutoBackups(QObject):
    """The automatic backups of one open database, tied to the main window's life."""

    finished = Signal(object)  # BackupResult | None, on the GUI thread

    def __init__(self, window: QWidget, db: Database, folder: Path | None = None) -> None:
        super().__init__(window)
        self.window, self.db = window, db
        self.folder = folder or backup_schedule.backups_dir(db.path)  # its own backups
        self._thread: threading.Thread | None = None
        self._exited = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run_if_due)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.on_exit)

    def start(self) -> None:
        """The start-up backup when one is due, then an hourly look."""
        self.run_if_due()
        self.timer.start()

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def run_if_due(self) -> None:
        """Start a backup in the background when the newest is older than a day."""
        if self._exited or self.running():
            return
        try:
            due = backup_schedule.backup_due(self.folder)
        except OSError:
            log.exception("cannot list the automatic backups in %s", self.folder)
            return
        if due:
            self._start()

    def _start(self) -> threading.Thread:
        relay = _Relay()
        relay.done.connect(self.finished, Qt.ConnectionType.QueuedConnection)
        db, folder = self.db, self.folder

        def work() -> None:
            relay.done.emit(_backup(db, folder))

        self._thread = threading.Thread(target=work, name="hoanhap-backup", daemon=True)
        self._thread.start()
        return self._thread

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.on_exit()
        return False

    def on_exit(self) -> None:
        """The exit backup: once, waiting for it a bounded time."""
        if self._exited:
            return
        self._exited = True
        self.timer.stop()
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(self.tr("Backing up before closing…"))
            QApplication.processEvents()
        earlier = self._thread
        if earlier is not None and earlier.is_alive():
            earlier.join(EXIT_WAIT_S)  # a daily backup under way: let it finish first
        exit_backup = self._start()
        exit_backup.join(EXIT_WAIT_S)
        if exit_backup.is_alive():
            log.warning("the exit backup did not finish in %s s; HoaNhap closes anyway",
                        EXIT_WAIT_S)


def _backup(db: Database, folder: Path) -> BackupResult | None:
    """One automatic backup; None (and a log entry) when it failed."""
    try:
        result = backup_schedule.run_automatic_backup(db, folder)
    except Exception:  # a full disk, a damaged file…: logged, never shown mid-work
        log.exception("automatic backup into %s failed", folder)
        return None
    log.info("automatic backup %s (%d bytes)", result.path, result.size)
    return result


def start_automatic_backups(window: QWidget, db: Database) -> AutoBackups:
    """Back `db` up automatically for as long as `window` is open (called at start-up)."""
    backups = AutoBackups(window, db)
    backups.start()
    return backups
