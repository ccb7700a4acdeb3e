"""Two Settings tabs: this unit's package keys (fingerprint, receiving key, key card) and
the backups (automatic ones, a backup now to a USB stick, restore after a check).

Both emit `status(message, is_error)` for the Settings page's status line. Restoring
replaces the open database, so it ends with HoaNhap closing (`services.backup_schedule.
restore_backup` closes the database first and keeps the replaced one beside it). A backup
of another database (another PC's) asks for an account or the recovery code of that
database first (`backup_key.BackupKeyDialog`); its accounts sign in afterwards.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_datetime, format_int
from desktop.services import backup_schedule, exchange_registry
from desktop.services.access import Action
from desktop.services.backup_schedule import BackupInfo, BackupKeyNeeded, BackupResult
from desktop.views.context import AppContext
from desktop.views.errors import known_message, show_error
from desktop.views.forms import WrappedLabel
from desktop.views.handoff import keys, prompts
from desktop.views.handoff.common import FINGERPRINT_STYLE, cell, read_only_table
from desktop.views.reports.page import default_output_dir
from desktop.views.worker import run_job

MAX_WIDTH = 900


def _copy(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)


class _Tab(QWidget):
    """A Settings tab that reports through `status`, like the page's other sections."""

    status = Signal(str, bool)  # message, is_error

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.column = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.column)
        holder.setMaximumWidth(MAX_WIDTH)
        outer = QHBoxLayout(self)
        outer.addWidget(holder, 10)
        outer.addStretch(1)

    def fail(self, exc: BaseException) -> None:
        message = known_message(exc)
        if message is None:
            show_error(self, exc)
        else:
            self.status.emit(message, True)


class KeysSection(_Tab):
    """This unit's fingerprint (read aloud to other offices) and receiving key (copyable)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.folder = default_output_dir()
        intro = WrappedLabel("keys_intro", "")
        intro.setText(self.tr(
            "Packages from this unit are signed with its key. Other offices recognise the key "
            "by its fingerprint: when one asks, read it to them by phone. The receiving key "
            "lets them encrypt packages that only this unit can open; it travels in the key "
            "card, which you give them on a USB stick."))
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("own_fingerprint")
        self.fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipient = QLineEdit()
        self.recipient.setObjectName("own_recipient")
        self.recipient.setReadOnly(True)
        self.copy_fingerprint = QPushButton(self.tr("Copy"))
        self.copy_fingerprint.setObjectName("copy_fingerprint")
        self.copy_fingerprint.clicked.connect(lambda: _copy(self.fingerprint.text()))
        self.copy_recipient = QPushButton(self.tr("Copy"))
        self.copy_recipient.setObjectName("copy_recipient")
        self.copy_recipient.clicked.connect(lambda: _copy(self.recipient.text()))
        self.none_yet = WrappedLabel("no_keys")
        self.make_button = QPushButton(self.tr("&Make the keys now"))
        self.make_button.setObjectName("make_keys")
        self.make_button.clicked.connect(self.make_keys)
        self.card_button = QPushButton(self.tr("&Export the key card…"))
        self.card_button.setObjectName("export_card")
        self.card_button.clicked.connect(self.export_card)
        may = ctx.may(Action.EXCHANGE)
        self.make_button.setVisible(may)
        self.card_button.setVisible(may)
        box = QGroupBox(self.tr("This unit's keys"))
        rows = QVBoxLayout(box)
        rows.addWidget(QLabel(self.tr("Fingerprint of the signing key")))
        line = QHBoxLayout()
        line.addWidget(self.fingerprint, 1)
        line.addWidget(self.copy_fingerprint, 0, Qt.AlignmentFlag.AlignTop)
        rows.addLayout(line)
        rows.addWidget(QLabel(self.tr("Receiving key (age)")))
        line = QHBoxLayout()
        line.addWidget(self.recipient, 1)
        line.addWidget(self.copy_recipient)
        rows.addLayout(line)
        rows.addWidget(self.none_yet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.card_button)
        buttons.addStretch(1)
        self.column.addWidget(intro)
        self.column.addWidget(box)
        self.column.addLayout(buttons)
        self.column.addStretch(1)

    def load(self) -> None:
        try:
            info = exchange_registry.home_keys(self.ctx.db, self.ctx.actor)
        except Exception as exc:
            self.fail(exc)
            return
        has = info is not None
        self.fingerprint.setText(keys.fingerprint_lines(info.fingerprint_display)
                                 if info is not None else "")
        self.recipient.setText((info.age_recipient or "") if info is not None else "")
        for widget in (self.fingerprint, self.recipient, self.copy_fingerprint,
                       self.copy_recipient):
            widget.setVisible(has)
        self.none_yet.setText(self.tr(
            "This unit has no keys yet. They are made when the first package or key card is "
            "written, or now with the button below."))
        self.none_yet.setVisible(not has)
        self.make_button.setVisible(not has and self.ctx.may(Action.EXCHANGE))

    def make_keys(self) -> None:
        try:
            exchange_registry.create_home_keys(self.ctx.db, self.ctx.actor)
        except Exception as exc:
            self.fail(exc)
            return
        self.load()
        self.status.emit(self.tr("The keys of this unit were made."), False)

    def export_card(self) -> None:
        try:
            written = keys.export_card(self, self.ctx, self.folder)
        except Exception as exc:
            self.fail(exc)
            return
        if written is None:
            return
        self.folder = written.path.parent
        self.load()
        self.status.emit(self.tr("Key card written: {0}").format(written.path), False)


class BackupsSection(_Tab):
    """Automatic backups listed; a backup now to a chosen folder; restore after a check."""

    restored = Signal(object)  # RestoreResult, just before HoaNhap closes

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(ctx, parent)
        self.folder = folder or backup_schedule.backups_dir(ctx.db.path)
        self.out_dir = default_output_dir()
        self.backups: list[BackupInfo] = []
        self.intro = WrappedLabel("backups_intro", "")
        self.where = QLineEdit(str(self.folder))
        self.where.setObjectName("backups_folder")
        self.where.setReadOnly(True)
        self.table = read_only_table([self.tr("Made on"), self.tr("Size"), self.tr("File")],
                                     "backups", stretch=2)
        self.table.setMinimumHeight(4 * (self.fontMetrics().height() + 10))
        self.backup_button = QPushButton(self.tr("&Back up now to…"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_selected = QPushButton(self.tr("&Restore the selected backup…"))
        self.restore_selected.setObjectName("restore_selected")
        self.restore_selected.clicked.connect(self.restore_chosen)
        self.restore_file = QPushButton(self.tr("Restore from a &file…"))
        self.restore_file.setObjectName("restore_file")
        self.restore_file.clicked.connect(self.restore_from_file)
        may = ctx.may(Action.BACKUP)
        for button in (self.backup_button, self.restore_selected, self.restore_file):
            button.setVisible(may)
        note = WrappedLabel("backups_role_note")
        note.setText(self.tr("Backing up to a USB stick and restoring are for administrators."))
        note.setVisible(not may)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_selected)
        buttons.addWidget(self.restore_file)
        box = QGroupBox(self.tr("Backups"))
        rows = QVBoxLayout(box)
        rows.addWidget(self.intro)
        rows.addWidget(QLabel(self.tr("Folder of the automatic backups")))
        rows.addWidget(self.where)
        rows.addWidget(self.table, 1)
        rows.addLayout(buttons)
        rows.addWidget(note)
        self.column.addWidget(box, 1)

    def load(self) -> None:
        try:
            keep = backup_schedule.keep_count(self.ctx.db)
            found = backup_schedule.automatic_backups(self.folder)
        except Exception as exc:
            self.fail(exc)
            return
        self.intro.setText(self.tr(
            "HoaNhap backs the database up by itself when it closes and once a day, and keeps "
            "the newest {0} copies (change the number under “Security”). Also keep a copy "
            "away from this computer: back up to a USB stick regularly.").format(keep))
        self.backups = found
        self.where.setText(str(self.folder))
        self.table.setRowCount(len(found))
        # Plain backups of an encrypted database predate its encryption: restoring one is
        # refused (it would undo the encryption), so they are marked.
        encrypted = self.ctx.db.key is not None
        for row, info in enumerate(found):
            name = info.path.name
            if encrypted and not info.encrypted:
                name = self.tr("{0} (not encrypted – made before encryption)").format(name)
            self.table.setItem(row, 0, cell(format_datetime(info.made_at)))
            self.table.setItem(row, 1, cell(self.tr("{0} kB").format(
                format_int(max(1, info.size // 1024))), number=True))
            self.table.setItem(row, 2, cell(name, tooltip=str(info.path)))
        if found:
            self.table.selectRow(0)

    # backing up ------------------------------------------------------------------------
    def backup_now(self) -> None:
        folder = prompts.choose_folder(self, self.tr("Where to write the backup (a USB "
                                                     "stick)"), self.out_dir)
        if folder is None:
            return
        self.out_dir = folder
        target = folder / f"hoanhap-sao-luu-{datetime.now():%Y%m%d-%H%M%S}.db"
        db, actor = self.ctx.db, self.ctx.actor
        self.backup_button.setEnabled(False)
        run_job(self, lambda _p: backup_schedule.backup_to(db, actor, target),
                self._backed_up, self._backup_failed, title=self.tr("Backing up…"),
                cancellable=False)

    def _backed_up(self, result: BackupResult) -> None:
        self.backup_button.setEnabled(True)
        self.status.emit(self.tr("Backup written and checked: {0} ({1} kB).").format(
            result.path, format_int(max(1, result.size // 1024))), False)

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.fail(exc)

    # restoring -------------------------------------------------------------------------
    def restore_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status.emit(self.tr("Choose a backup in the list first."), True)
            return
        self.restore(self.backups[rows[0].row()].path)

    def restore_from_file(self) -> None:
        path = prompts.choose_file(self, self.tr("Choose a backup"), self.out_dir,
                                   self.tr("Databases (*.db);;All files (*)"))
        if path is not None:
            self.restore(path)

    def restore(self, path: Path, key: bytes | None = None) -> None:
        """Check the backup (with `key`, its own, for another database's), ask, restore,
        then close HoaNhap."""
        db = self.ctx.db
        run_job(self, lambda _p: backup_schedule.check_backup(db, path, key=key),
                lambda size: self._checked(path, size, key),
                lambda exc: self._check_failed(path, exc, key),
                title=self.tr("Checking the backup…"), cancellable=False)

    def _check_failed(self, path: Path, exc: BaseException, key: bytes | None) -> None:
        if isinstance(exc, BackupKeyNeeded) and key is None:
            # Imported here: it uses the Settings package, which imports this module.
            from desktop.views.handoff.backup_key import BackupKeyDialog

            dialog = BackupKeyDialog(path, self)
            if prompts.exec_dialog(dialog) and dialog.key is not None:
                self.restore(path, dialog.key)
            return
        self.fail(exc)

    def _checked(self, path: Path, size: int, key: bytes | None = None) -> None:
        question = self.tr(
            "The backup {0} ({1} kB) passed the integrity check.\n\nRestoring replaces ALL "
            "the data on this computer by the data of the backup; what was entered since it "
            "was made is lost (the current data is kept beside the database, in case). "
            "HoaNhap closes afterwards: start it again and sign in.\n\nRestore now?").format(
            path.name, format_int(max(1, size // 1024)))
        if key is not None:
            question = self.tr(
                "{0}\n\nThis backup belongs to another database and comes with its own key "
                "file: from now on, sign in with the user names, passwords and recovery code "
                "of the restored database, not with the current ones.").format(question)
        if not prompts.ask(self, self.tr("Restore the backup?"), question):
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # In the GUI thread on purpose: nothing else may touch the database meanwhile.
            result = backup_schedule.restore_backup(self.ctx.db, self.ctx.actor, path,
                                                    key=key)
        except Exception as exc:
            QApplication.restoreOverrideCursor()
            self.fail(exc)
            if isinstance(exc, backup_schedule.RestoreFailed):
                self.window().close()  # the database is closed: nothing more can be done
            return
        QApplication.restoreOverrideCursor()
        kept = str(result.kept) if result.kept is not None else self.tr("(none)")
        done = self.tr(
            "The data was restored from {0}. The data replaced is kept in {1}.\n\nHoaNhap "
            "will now close. Start it again to continue.").format(path, kept)
        if result.own_key:
            done = self.tr(
                "{0}\n\nSign in with an account of the restored database (user names and "
                "passwords as they were when the backup was made); its recovery code is the "
                "one printed for that database.").format(done)
        prompts.inform(self, self.tr("Restored"), done)
        self.restored.emit(result)
        self.window().close()

