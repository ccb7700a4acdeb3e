"""Start-up guard (SPEC §8): the live database is never opened on a USB stick or memory card.

When the database path is on removable media, the user is offered a copy on this
computer's disk (which is then opened) or to quit. The file on the stick is left as it
was. The copy takes the usual database's place when this computer has none yet, so every
later start opens it; otherwise it goes beside the usual database under a dated name and
is opened for this session only (`backup_schedule.local_copy_target`), and the message
says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import config
from desktop.services import backup_schedule
from desktop.services.errors import ServiceError
from desktop.views.handoff import prompts


def offer_copy(source: Path, target: Path) -> bool:
    """Ask whether to copy the database from the stick to `target` (False: quit).

    Looked up at call time, so tests answer it instead of a person."""
    box = QMessageBox(QMessageBox.Icon.Warning, "HoaNhap", QCoreApplication.translate(
        "Removable", "The database {0} is on a USB stick or memory card. HoaNhap never works "
        "on a database there: a stick pulled out while writing can destroy it, and a lost "
        "stick takes the data with it.\n\nCopy it to this computer ({1}) and open the "
        "copy? The file on the stick is not changed.").format(source, target))
    copy = box.addButton(QCoreApplication.translate("Removable", "Copy to this computer"),
                         QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Removable", "Quit"),
                  QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(copy)
    box.exec()
    return box.clickedButton() is copy


def local_database_path(path: Path) -> Path | None:
    """The database to open: `path` itself when it is on a fixed disk, else a local copy
    the user agreed to (None: the user chose to quit, or the copy failed)."""
    if not backup_schedule.is_removable_path(path):
        return path
    target = backup_schedule.local_copy_target(path)
    if not path.exists():
        prompts.warn(None, "HoaNhap", QCoreApplication.translate(
            "Removable", "HoaNhap does not create its database on a USB stick or memory "
            "card. Start it without choosing a database on the stick: it then uses {0}.")
            .format(target))
        return None
    if not offer_copy(path, target):
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        copied = backup_schedule.copy_to_local(path, target)
    except (ServiceError, OSError) as exc:
        QApplication.restoreOverrideCursor()
        prompts.warn(None, "HoaNhap", getattr(exc, "message", None) or str(exc))
        return None
    QApplication.restoreOverrideCursor()
    prompts.inform(None, "HoaNhap", _copied_message(copied))
    return copied


def _copied_message(copied: Path) -> str:
    """What happens to the copy next time: it is the usual database, or it is not."""
    if backup_schedule.is_default_database(copied):
        return QCoreApplication.translate(
            "Removable", "The database was copied to {0}, the usual place of HoaNhap's "
            "database. HoaNhap works on this copy from now on, every time it starts; the "
            "file on the USB stick is not used any more.").format(copied)
    return QCoreApplication.translate(
        "Removable", "The database was copied to {0}. HoaNhap works on this copy now; the "
        "file on the USB stick is not used any more.\n\nThis computer already has its "
        "usual database, {1}: the next time HoaNhap is started normally, it opens that one, "
        "not the copy. To keep working on the copy later, restore it over the usual "
        "database (Settings → Backups → “Restore from a file…”; the usual database is kept "
        "beside it), or start HoaNhap with --db \"{0}\".").format(
        copied, config.default_db_path())

