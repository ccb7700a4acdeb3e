"""Unit keys on screen: confirming a new unit's fingerprint, and key cards in and out.

A unit's key is trusted only when a person has compared its fingerprint with the other
office over the phone (HANDOFF.md §4 rule 2). `KeyConfirmDialog` shows it large, in
groups of four, for a package's new key and a key card alike; the services audit the
acceptance.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services import key_cards
from desktop.services.key_cards import KeyCardFile, KeyCardResult
from desktop.views.context import AppContext
from desktop.views.forms import WrappedLabel
from desktop.views.handoff import prompts
from desktop.views.handoff.common import FINGERPRINT_STYLE

GROUPS_PER_LINE = 4


def fingerprint_lines(display: str, per_line: int = GROUPS_PER_LINE) -> str:
    """"AB12 CD34 …" (16 groups) on lines of four groups, for comparing aloud."""
    groups = display.split()
    return "\n".join(" ".join(groups[i:i + per_line])
                     for i in range(0, len(groups), per_line))


class KeyConfirmDialog(QDialog):
    """Shows a unit's code, name and key fingerprint; accepted only by a deliberate click."""

    def __init__(self, unit_code: str, unit_name: str, fingerprint_display: str,
                 what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm the key of {0}").format(unit_code))
        self.setMinimumWidth(560)
        intro = WrappedLabel("key_intro")
        intro.setStyleSheet("")
        intro.setText(what + " " + self.tr(
            "Before accepting it, call that office on a number you already know and ask "
            "them to read out the fingerprint shown in their Settings, under “Keys”. "
            "Accept only if every group matches."))
        self.unit = QLabel(f"{unit_code} – {unit_name}")
        self.unit.setObjectName("key_unit")
        self.unit.setStyleSheet("font-weight: bold;")
        self.fingerprint = QLabel(fingerprint_lines(fingerprint_display))
        self.fingerprint.setObjectName("key_fingerprint")
        self.fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Fingerprint"), self.fingerprint)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(self.tr("The fingerprint matches – accept"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("accept_key")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Enter must not accept a key by accident: Cancel is the default.
        self.accept_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)


def confirm_package_key(parent: QWidget | None, unit_code: str, unit_name: str,
                        fingerprint_display: str) -> bool:
    """Ask a person to confirm the signing key of a package from a new unit."""
    what = QCoreApplication.translate(
        "KeyConfirmDialog",
        "This package was signed by a unit whose key is not registered on this computer.")
    dialog = KeyConfirmDialog(unit_code, unit_name, fingerprint_display, what, parent)
    return prompts.exec_dialog(dialog)


def confirm_card_key(parent: QWidget | None, unit_code: str, unit_name: str,
                     fingerprint_display: str) -> bool:
    """Ask a person to confirm the key on a key card of a new unit."""
    what = QCoreApplication.translate(
        "KeyConfirmDialog", "This key card comes from a unit not yet registered on this "
        "computer.")
    dialog = KeyConfirmDialog(unit_code, unit_name, fingerprint_display, what, parent)
    return prompts.exec_dialog(dialog)


def export_card(parent: QWidget, ctx: AppContext, start: Path) -> KeyCardFile | None:
    """Ask for a folder and write this unit's key card there (None when cancelled)."""
    title = QCoreApplication.translate("Exchange", "Where to write the key card")
    folder = prompts.choose_folder(parent, title, start)
    if folder is None:
        return None
    return key_cards.export_key_card(ctx.db, ctx.actor, folder)


def import_card(parent: QWidget, ctx: AppContext, start: Path) -> KeyCardResult | None:
    """Ask for a key card file, verify it, confirm a new unit's fingerprint, register it.

    None when the person cancelled; refusals raise the service's error.
    """
    path = prompts.choose_file(
        parent, QCoreApplication.translate("Exchange", "Choose a key card"), start,
        QCoreApplication.translate("Exchange", "Key cards (*.json);;All files (*)"))
    if path is None:
        return None
    data = path.read_bytes()
    preview = key_cards.open_key_card(ctx.db, ctx.actor, data)
    accept = preview.status == "new"
    if accept and not confirm_card_key(parent, preview.unit_code, preview.unit_name,
                                       preview.fingerprint_display):
        return None
    return key_cards.import_key_card(ctx.db, ctx.actor, data, path.name,
                                     accept_new_key=accept)
