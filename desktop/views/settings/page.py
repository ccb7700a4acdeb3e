"""The Settings page: unit, signers, reporting, security, users, one's own password and a
check of the audit trail.

Everyone sees the settings; only an administrator may change them (the fields are
read-only and the Save buttons hidden for others, and the services refuse anyway). The
users section exists for administrators only. Each section saves on its own; the outcome
shows briefly in the status line at the bottom.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from desktop.services import units
from desktop.services.access import Action
from desktop.services.units import UnitView
from desktop.views.context import AppContext
from desktop.views.handoff.settings_sections import BackupsSection, KeysSection
from desktop.views.navigation import Navigator
from desktop.views.settings.audit_section import AuditSection
from desktop.views.settings.password import PasswordSection
from desktop.views.settings.section import Section
from desktop.views.settings.security import SecuritySection
from desktop.views.settings.unit_sections import (
    ReportingSection,
    SignersSection,
    UnitSection,
    UnitSettingsSection,
)
from desktop.views.settings.users import UsersSection

SUCCESS_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b00020;"
SUCCESS_SHOWN_MS = 6000


def scrolled(widget: QWidget) -> QScrollArea:
    """A section in a frameless scroll area, so small screens can still reach Save."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class SettingsPage(QWidget):
    """Hosts the settings sections as tabs; `refresh()` reloads what was not edited."""

    unit_changed = Signal(object)  # UnitView, after the home unit's settings were saved
    installation_changed = Signal(object)  # list[SettingView], e.g. a new idle-lock time

    def __init__(self, ctx: AppContext, nav: Navigator, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.nav = ctx, nav
        self.editable = ctx.may(Action.MANAGE_SETTINGS)
        self.unit_sections: list[UnitSettingsSection] = [
            UnitSection(ctx, self.editable), SignersSection(ctx, self.editable),
            ReportingSection(ctx, self.editable)]
        self.security = SecuritySection(ctx, self.editable)
        self.users = UsersSection(ctx) if ctx.may(Action.MANAGE_USERS) else None
        self.password = PasswordSection(ctx)
        self.audit = AuditSection(ctx)
        self.unit_keys = KeysSection(ctx)
        self.backups = BackupsSection(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.sections: dict[str, QWidget] = {}
        self._add_tabs()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self.status.clear)
        self._layout()
        self._connect()
        self.refresh()

    def _add_tabs(self) -> None:
        titles = [self.tr("Unit"), self.tr("Signers"), self.tr("Reporting")]
        named: list[tuple[str, str, QWidget]] = [
            (key, title, section) for key, title, section in zip(
                ("unit", "signers", "reporting"), titles, self.unit_sections, strict=True)]
        named.append(("security", self.tr("Security"), self.security))
        if self.users is not None:
            named.append(("users", self.tr("Users"), self.users))
        named.append(("keys", self.tr("Keys"), self.unit_keys))
        named.append(("backups", self.tr("Backups"), self.backups))
        named.append(("password", self.tr("My password"), self.password))
        named.append(("audit", self.tr("Audit trail"), self.audit))
        for key, title, section in named:
            section.setObjectName(f"section_{key}")
            self.sections[key] = section
            self.tabs.addTab(section if key == "users" else scrolled(section), title)

    def _layout(self) -> None:
        heading = QLabel(self.tr("Settings"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        note = QLabel(self.tr(
            "Only an administrator can change these settings. You can change your own "
            "password under “My password”."))
        note.setObjectName("read_only_note")
        note.setWordWrap(True)
        note.setVisible(not self.editable)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        for unit_section in self.unit_sections:
            unit_section.unit_saved.connect(self._unit_saved)
        self.security.settings_saved.connect(self.installation_changed)
        everyone: list[Section | UsersSection] = [*self.unit_sections, self.security,
                                                  self.password]
        if self.users is not None:
            everyone.append(self.users)
        for section in everyone:
            section.status.connect(self.show_status)
        for handoff_section in (self.unit_keys, self.backups):
            handoff_section.status.connect(self.show_status)

    def refresh(self) -> None:
        """Reload from the database, except sections holding unsaved changes."""
        unit = units.home_unit(self.ctx.db)
        if unit is not None:
            self.ctx = self.ctx.with_unit(unit)
            for section in self.unit_sections:
                if not section.is_dirty():
                    section.load_unit(unit)
        if not self.security.is_dirty():
            self.security.load()
        if self.users is not None:
            self.users.load()
        self.unit_keys.load()
        self.backups.load()

    def show_section(self, key: str) -> None:
        """Bring a section's tab to the front ("unit", "users", "password", …)."""
        section = self.sections[key]
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is section or (isinstance(page, QScrollArea) and page.widget() is section):
                self.tabs.setCurrentIndex(index)

    def show_status(self, message: str, is_error: bool) -> None:
        """Success fades after a few seconds; an error stays until the next action."""
        self.status.setStyleSheet(ERROR_STYLE if is_error else SUCCESS_STYLE)
        self.status.setText(message)
        if is_error:
            self._status_timer.stop()
        else:
            self._status_timer.start(SUCCESS_SHOWN_MS)

    def _unit_saved(self, unit: UnitView) -> None:
        self.ctx = self.ctx.with_unit(unit)
        self.unit_changed.emit(unit)
        # Other pages show the unit (names, intervals): they reload when next shown.
        self.nav.data_changed()
