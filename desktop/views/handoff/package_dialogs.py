"""Small package dialogs: a receipt for the sender, and a person's transfer to another commune.

Both ask how to lock the package and where to write it; the transfer also asks which
commune receives the person. The services check and write; a refusal stays in the dialog
under the field it concerns.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from desktop.services import exchange, exchange_registry
from desktop.services.errors import ValidationError
from desktop.services.exchange import ExportResult
from desktop.views.context import AppContext
from desktop.views.forms import FormDialog, WrappedLabel
from desktop.views.handoff import prompts
from desktop.views.handoff.protection import Protection, ProtectionChooser
from desktop.views.handoff.recipients import RecipientCombo
from desktop.views.reports.page import default_output_dir


class FolderField(QWidget):
    """A folder shown read-only, with a button to choose another."""

    def __init__(self, start: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.edit = QLineEdit(str(start))
        self.edit.setReadOnly(True)
        self.edit.setMinimumWidth(320)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.setObjectName("choose_folder")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(choose)

    def path(self) -> Path:
        return Path(self.edit.text())

    def set_path(self, folder: Path) -> None:
        self.edit.setText(str(folder))

    def _choose(self) -> None:
        chosen = prompts.choose_folder(self, self.title, self.path())
        if chosen is not None:
            self.set_path(chosen)


class PackageDialog(FormDialog):
    """Protection and folder, shared by the receipt and the transfer dialogs."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.ctx = ctx
        self.setMinimumWidth(620)
        self.intro = WrappedLabel("intro", "")
        self.form.addRow(self.intro)
        self.protection = ProtectionChooser()
        self.folder = FolderField(default_output_dir(), self.tr("Where to write the package"))
        self.registry = {e.unit_code: e for e in exchange_registry.list_registry(
            ctx.db, ctx.actor)}
        save = self.buttons.button(self.buttons.StandardButton.Save)
        save.setText(self.tr("&Write the package"))

    def add_protection_and_folder(self) -> None:
        self.add_field("protection", self.tr("Protection"), self.protection)
        self.add_field("folder", self.tr("Folder"), self.folder)

    def show_key_of(self, code: str | None) -> None:
        entry = self.registry.get(code or "")
        known = entry is not None and bool(entry.age_recipient)
        name = f"{entry.unit_code} – {entry.unit_name}" if entry else (code or "")
        self.protection.set_key_known(known, name)

    def chosen_protection(self) -> Protection:
        chosen = self.protection.protection()
        if chosen.plain and not prompts.ask(
                self, self.tr("Write without encryption?"),
                self.tr("The package will NOT be encrypted: anyone who finds the USB stick "
                        "can read it. Write it anyway?")):
            raise ValidationError("protection", self.tr(
                "Not written: choose how to encrypt the package."))
        return chosen

    def folder_path(self) -> Path:
        folder = self.folder.path()
        if not folder.is_dir():
            raise ValidationError("folder", self.tr("The folder {0} does not exist.")
                                  .format(folder))
        return folder


class ReceiptDialog(PackageDialog):
    """Rule 8: a signed receipt telling the sender which package arrived."""

    def __init__(self, ctx: AppContext, package_id: str, sender_code: str, sender_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Receipt for {0}").format(sender_code))
        self.package_id = package_id
        self.intro.setText(self.tr(
            "A receipt tells {0} that its package arrived and was imported. It holds no "
            "personal data. Write it to the USB stick that goes back to that office.")
            .format(f"{sender_code} – {sender_name}"))
        self.add_protection_and_folder()
        self.show_key_of(sender_code)

    def submit(self) -> None:
        def write() -> ExportResult:
            protection, folder = self.chosen_protection(), self.folder_path()
            return exchange.write_receipt(
                self.ctx.db, self.ctx.actor, [self.package_id], folder,
                passphrase=protection.passphrase, recipient_key=protection.recipient_key,
                plain=protection.plain)
        self.run_service(write)


class TransferDialog(PackageDialog):
    """A moved person's whole case file, for the commune they moved to (HANDOFF.md §2)."""

    def __init__(self, ctx: AppContext, person_id: str, full_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", parent)
        self.person_id = person_id
        self.setWindowTitle(self.tr("Transfer package – {0}").format(full_name))
        self.intro.setText(self.tr(
            "The receiving commune imports this package and opens {0}'s case with the whole "
            "history and the legal take-over deadline. Choose the receiving commune; if it "
            "is not listed, type its unit code.").format(full_name))
        self.to_unit = RecipientCombo()
        self.to_unit.set_units(list(self.registry.values()))
        self.to_unit.setItemText(0, self.tr("(type the commune's unit code)"))
        self.to_unit.setEditText("")
        edit = self.to_unit.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("unit code, e.g. 19001"))
        self.to_unit.currentTextChanged.connect(lambda _t: self.show_key_of(self.to_unit.code()))
        self.add_field("to_unit", self.tr("Receiving commune"), self.to_unit)
        self.add_protection_and_folder()
        self.show_key_of(None)

    def submit(self) -> None:
        def write() -> ExportResult:
            to_unit = self.to_unit.code()
            if not to_unit:
                raise ValidationError("to_unit", self.tr(
                    "Choose or type the unit code of the commune the person moved to."))
            protection, folder = self.chosen_protection(), self.folder_path()
            return exchange.export_transfer(
                self.ctx.db, self.ctx.actor, self.person_id, to_unit, folder,
                passphrase=protection.passphrase, recipient_key=protection.recipient_key,
                plain=protection.plain)
        self.run_service(write)
