"""The key file's errors, apart so that the command line can name them without loading
the cryptography the key file itself needs."""

from __future__ import annotations


class KeyFileError(Exception):
    """A problem with the key file or a secret; `message` is for the user (Vietnamese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class KeyFileMissing(KeyFileError):
    """The database is encrypted but its key file is not beside it."""


class KeyFileDamaged(KeyFileError):
    """The key file cannot be read: not JSON, wrong checksum, impossible values."""


class WrongSecret(KeyFileError):
    """Unknown user, wrong password or wrong recovery code."""


class AccountLocked(KeyFileError):
    """Too many wrong passwords for this user: refused until `locked_until`."""
