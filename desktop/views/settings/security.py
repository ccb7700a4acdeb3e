"""Installation settings (idle lock, lock-out, backups kept), one field per declared setting,
and the database's encryption (`EncryptionBox`).

The fields come from `settings.list_settings`, so a setting declared in `config.SETTINGS`
appears here with its Vietnamese title and allowed range without touching this module.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox, QWidget

from desktop.services import settings
from desktop.services.settings import SettingView
from desktop.views.context import AppContext
from desktop.views.settings.encryption import EncryptionBox
from desktop.views.settings.section import Section


class SecuritySection(Section):
    """Installation-wide settings, saved through the settings service."""

    settings_saved = Signal(object)  # list[SettingView]

    def __init__(self, ctx: AppContext, editable: bool, parent: QWidget | None = None):
        super().__init__(ctx, editable, parent)
        self.intro.setText(self.tr(
            "Settings of this computer's installation, for every user. The screen locks "
            "itself after the idle time; an account is locked for a while after too many "
            "wrong passwords."))
        for view in settings.list_settings(ctx.db):
            self.fields.add_field(view.key, view.title, self._widget(view), self._hint(view))
        self.encryption = EncryptionBox(ctx)
        self.encryption.status.connect(self.status)
        self.body.insertWidget(self.body.count() - 1, self.encryption)  # above the stretch

    def _widget(self, view: SettingView) -> QWidget:
        if isinstance(view.value, bool):
            return QCheckBox()  # no boolean setting yet; kept so one needs no new code
        if isinstance(view.value, int):
            box = QSpinBox()
            # The service's range: nothing outside it can be typed, and the hint says why.
            box.setRange(view.minimum or 0, view.maximum or 9999)
            box.setMaximumWidth(160)
            return box
        return QLineEdit()

    def _hint(self, view: SettingView) -> str:
        if view.minimum is None or view.maximum is None:
            return self.tr("Default: {0}.").format(view.default)
        return self.tr("From {0} to {1}; default {2}.").format(view.minimum, view.maximum,
                                                               view.default)

    def load(self) -> None:
        self.fields.set_values({v.key: v.value for v in settings.list_settings(self.ctx.db)})
        self.finish_loading()

    def apply(self) -> str:
        saved = settings.update_settings(self.ctx.db, self.ctx.actor, **self.fields.values())
        self.load()
        self.settings_saved.emit(saved)
        return self.tr("Saved.")
