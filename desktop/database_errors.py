"""The known problems with a database file, each with a Vietnamese message for the user.

Kept apart from `desktop.db` (which loads SQLAlchemy and the drivers) so that the GUI can
install its error handling and draw its first window before those libraries load.
"""

from __future__ import annotations


class DatabaseError(Exception):
    """A known problem with the database file; `message` is for the user (Vietnamese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseInUseError(DatabaseError):
    """Another HoaNhap process has this database open."""


class DatabaseDamagedError(DatabaseError):
    """The file is not a database, or SQLite's integrity check failed."""


class DatabaseEncryptedError(DatabaseError):
    """The database is encrypted and was opened without its key."""


class DatabaseKeyError(DatabaseError):
    """The key given does not open this database (or the database is not encrypted)."""
