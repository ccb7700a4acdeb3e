"""The questions the exchange screens ask: files, folders, yes/no, a passphrase.

Every screen calls these through this module (`prompts.ask(...)`), looked up at call time,
so GUI tests replace them with answers instead of driving native dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def exec_dialog(dialog: QDialog) -> bool:
    """Show `dialog` modally; True when it was accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A yes/no question; No is the default unless the step is harmless."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, yes | no, yes if default_yes else no)
    return answer == yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something that needs no answer."""
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user why something was refused."""
    QMessageBox.warning(parent, title, text)


def choose_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """A folder (a USB stick, Documents…), or None when cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def choose_file(parent: QWidget | None, title: str, start: Path, filters: str) -> Path | None:
    """An existing file to read, or None when cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start), filters)
    return Path(chosen) if chosen else None


def choose_files(parent: QWidget | None, title: str, start: Path, filters: str) -> list[Path]:
    """Existing files to read (possibly none)."""
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(start), filters)
    return [Path(p) for p in chosen]


def passphrase(parent: QWidget | None, file_name: str) -> str | None:
    """The passphrase of a package, or None when cancelled."""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("Exchange", "Package passphrase"),
        QCoreApplication.translate(
            "Exchange", "The package {0} is locked with a passphrase. Type the passphrase "
            "agreed with the office that sent it:").format(file_name),
        QLineEdit.EchoMode.Password)
    return text if ok else None
