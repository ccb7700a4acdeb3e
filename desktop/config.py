"""Paths (platformdirs) and installation settings, each declared once with its default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_NAME = "HoaNhap"


def data_dir() -> Path:
    """The per-user data folder; install, upgrade and uninstall never touch it."""
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False)


def default_db_path() -> Path:
    """Where the office database lives unless `--db PATH` says otherwise."""
    return data_dir() / "hoanhap.db"


def backups_dir() -> Path:
    """Rotating automatic backups, beside the database."""
    return data_dir() / "backups"


def log_dir() -> Path:
    """Log files, including crash reports."""
    return user_log_path(APP_NAME, appauthor=False, ensure_exists=False)


@dataclass(frozen=True)
class SettingSpec:
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
