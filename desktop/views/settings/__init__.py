"""The Settings page and its sections (unit, signers, reporting, security, users, password)."""

from desktop.views.settings.page import SettingsPage

__all__ = ["SettingsPage"]
