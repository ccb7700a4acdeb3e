"""Which exceptions are user errors (one line, exit 1) and where bugs are logged."""

from __future__ import annotations

import logging
import traceback
from datetime import datetime
from pathlib import Path

from desktop.config import log_dir
from desktop.database_errors import DatabaseError
from desktop.rules.errors import RuleInputError
from desktop.security.errors import KeyFileError
from desktop.services.errors import ServiceError


class CommandError(Exception):
    """A user error found by a command itself (bad file, bad option value)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(CommandError):
    """The command line lacks something it needs (exit code 2, like argparse's errors)."""


USER_ERRORS: tuple[type[BaseException], ...] = (
    CommandError, ServiceError, DatabaseError, RuleInputError, KeyFileError, OSError,
)


def user_message(exc: BaseException) -> str:
    """One Vietnamese line for a known error."""
    if isinstance(exc, RuleInputError):
        return exc.message
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"không đọc/ghi được tệp{where}: {exc.strerror or exc}"
    message = getattr(exc, "message", None)
    return str(message if message is not None else exc)


def log_crash() -> Path:
    """Write the current exception's traceback to the log folder; return the file."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
    path.write_text(traceback.format_exc(), encoding="utf-8")
    logging.getLogger("hoanhap").error("unexpected error, see %s", path)
    return path
