"""Opening the database named by `--db` for a command, plain or encrypted.

Every command that reads or writes an existing database goes through `open_db`. An
encrypted one is opened with `--user NAME --password-file F` (the user's password
unwraps the key) or `--recovery-code-file F`; without them the command stops with one
Vietnamese line and exit code 2, before touching the file. A database whose first-run
set-up was interrupted holds no records yet and opens with the key kept for the set-up.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.errors import UsageError
from desktop.db import Database, open_database
from desktop.security import keyfile
from desktop.services import encryption


def _missing_credentials(path: Path) -> UsageError:
    return UsageError(f"Cơ sở dữ liệu {path} được mã hóa: hãy thêm --user TÊN "
                      "--password-file TỆP_MẬT_KHẨU (hoặc --recovery-code-file TỆP_MÃ).")


def database_key(path: Path, args: argparse.Namespace,
                 keys: Path | None = None) -> bytes:
    """The key of the encrypted database at `path`, unwrapped from `keys` (default: the
    key file beside `path`) with the command's --user/--password-file or recovery code."""
    from desktop.commands.setup import read_secret  # imports the demo generator: on use

    keys = keys or keyfile.keyfile_path(path)
    code_file = getattr(args, "recovery_code_file", None)
    if code_file is not None:
        return keyfile.unwrap_with_recovery(keys, read_secret(code_file))
    user, password_file = getattr(args, "user", None), getattr(args, "password_file", None)
    if not user or password_file is None:
        raise _missing_credentials(path)
    return keyfile.unwrap(keys, user, read_secret(password_file))


def open_db(args: argparse.Namespace, *, migrate: bool = True) -> Database:
    """The existing database `args.db`, unlocked when it is encrypted."""
    path = Path(args.db)
    state = encryption.database_state(path)
    if state == "setup":
        return encryption.begin_setup(path)
    if state == "encrypted":
        return open_database(path, create=False, migrate=migrate,
                             key=database_key(path, args))
    return open_database(path, create=False, migrate=migrate)
