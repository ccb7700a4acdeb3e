"""Choosing the receiving unit of a package: a registered unit, or a unit code typed in."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.services.exchange_registry import RegistryEntry

NO_RECIPIENT = ""


class RecipientCombo(QComboBox):
    """The receiving unit: a registered one, or a unit code typed in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recipient")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(30)
        self.entries: dict[str, RegistryEntry] = {}

    def set_units(self, entries: list[RegistryEntry]) -> None:
        """Offer the registered units (not this one), keeping the current choice."""
        current = self.code()
        self.entries = {e.unit_code: e for e in entries if not e.own}
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("(no receiving unit: anyone with the passphrase)"), NO_RECIPIENT)
        for entry in self.entries.values():
            self.addItem(f"{entry.unit_code} – {entry.unit_name}", entry.unit_code)
        self.blockSignals(False)
        self.set_code(current)

    def set_code(self, code: str | None) -> None:
        index = self.findData(code or NO_RECIPIENT)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code or "")
        self.currentTextChanged.emit(self.currentText())

    def code(self) -> str | None:
        """The chosen unit code; None for no receiving unit."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index)) or None
        return text.split(" ")[0] if text else None

    def key_known(self) -> bool:
        entry = self.entries.get(self.code() or "")
        return entry is not None and bool(entry.age_recipient)
