"""Showing errors: known ones as a clear message, bugs in a crash dialog written to a log file."""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop.config import log_dir
from desktop.database_errors import DatabaseError
from desktop.rules.errors import RuleInputError
from desktop.services.errors import ServiceError

log = logging.getLogger("hoanhap")

KNOWN_ERRORS: tuple[type[BaseException], ...] = (ServiceError, DatabaseError, RuleInputError)


def known_message(exc: BaseException) -> str | None:
    """The user-facing Vietnamese text of a known error; None for a bug."""
    if isinstance(exc, KNOWN_ERRORS):
        return str(getattr(exc, "message", exc))
    if isinstance(exc, OSError):
        if getattr(exc, "errno", None) == 28:
            return QCoreApplication.translate(
                "Errors",
                "The disk is full. Free some space, then try again; "
                "nothing you typed has been lost.",
            )
        return QCoreApplication.translate(
            "Errors", "A file could not be read or written: {0}"
        ).format(exc.strerror or exc)
    return None


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """A known error as a warning; anything else goes to the crash dialog."""
    from PySide6.QtWidgets import QMessageBox  # on first use: not before the first window

    message = known_message(exc)
    if message is None:
        report_crash(type(exc), exc, exc.__traceback__)
        return
    QMessageBox.warning(
        parent, title or QCoreApplication.translate("Errors", "Cannot do that"), message
    )


def write_crash_log(text: str) -> Path:
    """Save a crash report in the log folder; return its path."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
    path.write_text(text, encoding="utf-8")
    return path


def report_crash(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the bug and show a dialog whose details the user can copy and send."""
    from PySide6.QtWidgets import QMessageBox  # on first use: not before the first window

    text = "".join(traceback.format_exception(kind, exc, tb))
    log.error("unexpected error\n%s", text)
    try:
        where = write_crash_log(text)
    except OSError:
        where = None
    if QApplication.instance() is None:
        print(text, file=sys.stderr)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Errors", "Unexpected error"),
        QCoreApplication.translate(
            "Errors",
            "HoaNhap met an unexpected error. Your saved data is safe. "
            "Please send the details below to technical support.",
        ),
    )
    if where is not None:
        box.setInformativeText(
            QCoreApplication.translate("Errors", "The details were saved in {0}").format(where)
        )
    box.setDetailedText(text)
    box.exec()


def install_excepthook() -> None:
    """Route uncaught exceptions (a bug, by definition) to the crash dialog."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        report_crash(kind, exc, tb)

    sys.excepthook = hook
