"""Paths (platformdirs) and installation settings, each declared once with its default.

Imported before the GUI's first window is drawn, so its own imports stay light (platformdirs
and hashlib load when a path is first asked for).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

APP_NAME = "HoaNhap"


def data_dir() -> Path:
    """The per-user data folder; install, upgrade and uninstall never touch it."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False)


def default_db_path() -> Path:
    """Where the office database lives unless `--db PATH` says otherwise."""
    return data_dir() / "hoanhap.db"


def backups_dir(db_path: Path | None = None) -> Path:
    """Where the rotating automatic backups of the database at `db_path` go.

    The usual database (`default_db_path`, also when `db_path` is None) keeps `backups/`
    in the data folder; any other database (`--db PATH`: a test copy, a copy from a USB
    stick) has its own folder inside it, `<name>-<8 hex digits of its path's SHA-256>`,
    so its backups are never listed or rotated with the office's.
    """
    import hashlib

    folder = data_dir() / "backups"
    if db_path is None or is_default_database(db_path):
        return folder
    digest = hashlib.sha256(os.fsencode(_path_key(db_path))).hexdigest()
    return folder / f"{Path(db_path).stem}-{digest[:8]}"


def is_default_database(db_path: Path) -> bool:
    """Whether `db_path` is the usual database, the one HoaNhap opens when started normally."""
    return _path_key(db_path) == _path_key(default_db_path())


def _path_key(path: Path) -> str:
    # The same file however it is written: absolute, links resolved, case-folded on Windows.
    return os.path.normcase(str(Path(path).resolve()))


def log_dir() -> Path:
    """Log files, including crash reports."""
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False, ensure_exists=False)


class SettingSpec(NamedTuple):
    """One installation setting: key, default and the Vietnamese title shown in Settings."""

    key: str
    default: int | str | bool
    title: str


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("idle_lock_minutes", 10, "Tự khóa sau (phút không thao tác)"),
    SettingSpec("max_failed_logins", 5, "Số lần đăng nhập sai trước khi khóa tài khoản"),
    SettingSpec("lockout_minutes", 15, "Thời gian khóa tài khoản (phút)"),
    SettingSpec("backups_kept", 10, "Số bản sao lưu tự động được giữ"),
)
SETTING_DEFAULTS = {spec.key: spec.default for spec in SETTINGS}
