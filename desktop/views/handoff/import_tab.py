"""Importing a package (HANDOFF.md §4): choose the file, give its passphrase if it has one,
read the preview (per table: new, changed, unchanged, older, conflicts), confirm a new
unit's key by its fingerprint, apply — then write a receipt for the sender.

Opening and applying run on worker threads. Nothing is written before "Apply"; a refused
package shows the service's Vietnamese reason and leaves the database as it was; a
package imported before says so and cannot be applied again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_datetime, format_int
from desktop.services import exchange, exchange_registry
from desktop.services.exchange import ImportPreview, ImportResult, OpenedImport
from desktop.services.exchange_registry import WRONG_PASSPHRASE
from desktop.views.context import AppContext
from desktop.views.errors import known_message, show_error
from desktop.views.forms import WrappedLabel
from desktop.views.handoff import keys, prompts
from desktop.views.handoff.common import (
    PLAIN_WARNING_STYLE,
    WARNING_STYLE,
    StatusLine,
    cell,
    kind_label,
    read_only_table,
    table_label,
)
from desktop.views.handoff.package_dialogs import ReceiptDialog
from desktop.views.reports.page import default_output_dir
from desktop.views.worker import run_job

COUNT_KEYS = ("new", "changed", "unchanged", "older", "conflicting", "skipped")


def show_counts(table: QTableWidget, preview: ImportPreview, total_label: str) -> None:
    """Fill the preview table, with a total row in bold."""
    rows = list(preview.tables)
    table.setRowCount(len(rows) + 1 if rows else 0)
    totals = dict.fromkeys(COUNT_KEYS, 0)
    for row, counts in enumerate(rows):
        values = counts.as_dict()
        table.setItem(row, 0, cell(table_label(counts.table)))
        for column, key in enumerate(COUNT_KEYS, start=1):
            totals[key] += values[key]
            table.setItem(row, column, cell(format_int(values[key]), number=True))
    if rows:
        last = len(rows)
        table.setItem(last, 0, cell(total_label, bold=True))
        for column, key in enumerate(COUNT_KEYS, start=1):
            table.setItem(last, column, cell(format_int(totals[key]), number=True, bold=True))


class ImportTab(QWidget):
    """Choose → preview → apply → receipt."""

    previewed = Signal(object)  # ImportPreview
    imported = Signal(object)  # ImportResult
    refused = Signal(str)  # the reason shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = default_output_dir()
        self.path: Path | None = None
        self.data = b""
        self.passphrase: str | None = None
        self.item: OpenedImport | None = None
        self.result: ImportResult | None = None
        self.status = StatusLine()
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_row())
        layout.addWidget(self._package_box())
        layout.addWidget(self._preview_box(), 1)
        layout.addLayout(self._action_row())
        layout.addWidget(self.status)
        self._show_nothing()

    # layout ----------------------------------------------------------------------------
    def _top_row(self) -> QHBoxLayout:
        self.choose_button = QPushButton(self.tr("&Choose a package…"))
        self.choose_button.setObjectName("choose_package")
        self.choose_button.clicked.connect(self.choose_package)
        self.file_label = QLabel()
        self.file_label.setObjectName("package_file")
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        return row

    def _package_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Package"))
        self.from_unit = QLabel()
        self.from_unit.setObjectName("from_unit")
        self.kind = QLabel()
        self.made = QLabel()
        self.package_code = QLabel()
        self.package_code.setObjectName("package_code")
        self.encryption = QLabel()
        self.encryption.setObjectName("encryption")
        self.key = QLabel()
        self.key.setObjectName("signing_key")
        self.key.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("From"), self.from_unit)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Made"), self.made)
        form.addRow(self.tr("Package code"), self.package_code)
        form.addRow(self.tr("Encryption"), self.encryption)
        form.addRow(self.tr("Signing key"), self.key)
        return box

    def _preview_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What importing will do"))
        self.already = WrappedLabel("already", "font-weight: bold; color: #1b5e20;")
        self.warnings = WrappedLabel("warnings", WARNING_STYLE)
        self.table = read_only_table([
            self.tr("Table"), self.tr("New"), self.tr("Changed"), self.tr("Unchanged"),
            self.tr("Older"), self.tr("Conflicts"), self.tr("Only in the package")],
            "preview", stretch=0)
        self.attached = WrappedLabel("attached_reports")
        column = QVBoxLayout(box)
        column.addWidget(self.already)
        column.addWidget(self.warnings)
        column.addWidget(self.table, 1)
        column.addWidget(self.attached)
        return box

    def _action_row(self) -> QHBoxLayout:
        self.apply_button = QPushButton(self.tr("&Apply the import"))
        self.apply_button.setObjectName("apply_import")
        self.apply_button.clicked.connect(self.apply)
        self.receipt_button = QPushButton(self.tr("Write a &receipt for the sender…"))
        self.receipt_button.setObjectName("write_receipt")
        self.receipt_button.clicked.connect(self.write_receipt)
        self.reports_button = QPushButton(self.tr("Save the attached reports…"))
        self.reports_button.setObjectName("save_reports")
        self.reports_button.clicked.connect(self.save_reports)
        row = QHBoxLayout()
        row.addWidget(self.apply_button)
        row.addWidget(self.receipt_button)
        row.addWidget(self.reports_button)
        row.addStretch(1)
        return row

    # showing ---------------------------------------------------------------------------
    def _show_nothing(self) -> None:
        self.item, self.result = None, None
        for label in (self.from_unit, self.kind, self.made, self.package_code, self.encryption,
                      self.key):
            label.clear()
        self.already.hide()
        self.warnings.hide()
        self.attached.hide()
        self.table.setRowCount(0)
        for button in (self.apply_button, self.receipt_button, self.reports_button):
            button.setEnabled(False)

    def _show_preview(self, item: OpenedImport) -> None:
        self.item = item
        p = item.preview
        self.from_unit.setText(f"{p.unit_code} – {p.unit_name}")
        self.kind.setText(kind_label(p.kind))
        self.made.setText(self.tr("{0} by {1}").format(format_datetime(p.created_at),
                                                       p.created_by))
        self.package_code.setText(p.package_id)
        self._show_encryption(p.encrypted)
        self._show_key(item)
        if p.already_imported_at is not None:
            self.already.setText(self.tr(
                "This package was already imported on {0}. Importing it again changes "
                "nothing.").format(format_datetime(p.already_imported_at)))
        self.already.setVisible(p.already_imported)
        self.warnings.setText("\n".join(f"• {w}" for w in p.warnings))
        self.warnings.setVisible(bool(p.warnings))
        self.attached.setText(self.tr("Reports sent with the data: {0}").format(
            ", ".join(p.reports)))
        self.attached.setVisible(bool(p.reports))
        show_counts(self.table, p, self.tr("Total"))
        self.apply_button.setEnabled(not p.already_imported)
        self.receipt_button.setEnabled(p.already_imported)  # a receipt may come later
        self.reports_button.setEnabled(bool(p.reports))

    def _show_encryption(self, encrypted: bool) -> None:
        if encrypted:
            self.encryption.setText(self.tr("encrypted"))
            self.encryption.setStyleSheet("")
        else:
            self.encryption.setText(self.tr("NOT encrypted (a test package)"))
            self.encryption.setStyleSheet(PLAIN_WARNING_STYLE)

    def _show_key(self, item: OpenedImport) -> None:
        fingerprint = item.opened.fingerprint_display
        if item.preview.key_status == "new":
            self.key.setText(self.tr("{0} — NEW: not yet registered on this computer; you "
                                     "will be asked to confirm it.").format(fingerprint))
            self.key.setStyleSheet(WARNING_STYLE)
        else:
            self.key.setText(self.tr("{0} — registered, the signature is valid.")
                             .format(fingerprint))
            self.key.setStyleSheet("")

    def _refuse(self, message: str) -> None:
        self.status.show_message(message, error=True)
        self.refused.emit(message)

    # opening ---------------------------------------------------------------------------
    def choose_package(self) -> None:
        path = prompts.choose_file(self, self.tr("Choose a package"), self.folder,
                                   self.tr("HoaNhap packages (*.hnp);;All files (*)"))
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        """Read `path` and preview it (asking for its passphrase when it has one)."""
        self._show_nothing()
        self.status.show_message("")
        self.path, self.folder = path, path.parent
        self.file_label.setText(str(path))
        self.choose_button.setEnabled(False)
        run_job(self, lambda _p: path.read_bytes(), self._read, self._failed,
                title=self.tr("Reading the package…"))

    def _read(self, data: bytes) -> None:
        self.data, self.passphrase = data, None
        if exchange_registry.needs_passphrase(data):
            self._ask_passphrase()
        else:
            self._open()

    def _ask_passphrase(self) -> None:
        assert self.path is not None
        self.passphrase = prompts.passphrase(self, self.path.name)
        if self.passphrase is None:
            self.choose_button.setEnabled(True)
            self.status.show_message(self.tr("Not opened: no passphrase given."), error=True)
            return
        self._open()

    def _open(self) -> None:
        db, actor, data, secret = self.ctx.db, self.ctx.actor, self.data, self.passphrase
        run_job(self, lambda _p: exchange.open_for_import(db, actor, data, secret),
                self._opened, self._open_failed, title=self.tr("Checking the package…"))

    def _opened(self, item: OpenedImport) -> None:
        self.choose_button.setEnabled(True)
        self._show_preview(item)
        if item.preview.already_imported:
            self.status.show_message(self.tr("Already imported: nothing to do."))
        else:
            self.status.show_message(self.tr(
                "Check the figures, then press “Apply the import”. Nothing is written "
                "before that."))
        self.previewed.emit(item.preview)

    def _open_failed(self, exc: BaseException) -> None:
        message = known_message(exc)
        if message == WRONG_PASSPHRASE and self.passphrase is not None:
            self.status.show_message(message, error=True)
            self._ask_passphrase()  # a typo: ask again rather than start over
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        self.apply_button.setEnabled(self.item is not None and self.result is None
                                     and not self.item.preview.already_imported)
        message = known_message(exc)
        if message is None:
            show_error(self, exc)
        else:
            self._refuse(message)

    # applying --------------------------------------------------------------------------
    def apply(self) -> None:
        """Apply the previewed package in one transaction (a new key confirmed first)."""
        item = self.item
        if item is None or self.path is None:
            return
        accept = item.preview.key_status == "new"
        if accept and not keys.confirm_package_key(self, item.preview.unit_code,
                                                   item.preview.unit_name,
                                                   item.opened.fingerprint_display):
            self.status.show_message(self.tr(
                "Not imported: the sending unit's key was not confirmed."), error=True)
            return
        db, actor, name = self.ctx.db, self.ctx.actor, self.path.name
        self.apply_button.setEnabled(False)
        run_job(self, lambda _p: exchange.import_opened(db, actor, item, name,
                                                        accept_new_key=accept),
                self._applied, self._failed, title=self.tr("Importing…"),
                cancellable=False)

    def _applied(self, result: ImportResult) -> None:
        self.result = result
        self.status.show_message(result.message)
        if not result.applied:
            self.already.setText(result.message)
            self.already.show()
        self.receipt_button.setEnabled(result.applied)
        self.imported.emit(result)

    # after -----------------------------------------------------------------------------
    def write_receipt(self) -> None:
        if self.item is None:
            return
        p = self.item.preview
        dialog = ReceiptDialog(self.ctx, p.package_id, p.unit_code, p.unit_name, self)
        dialog.folder.set_path(self.folder)
        if prompts.exec_dialog(dialog):
            written = dialog.result_value
            self.status.show_message(self.tr("Receipt written: {0}").format(written.path))

    def save_reports(self) -> None:
        if self.item is None:
            return
        folder = prompts.choose_folder(self, self.tr("Where to save the reports"),
                                       self.folder)
        if folder is None:
            return
        try:
            saved = exchange_registry.save_package_reports(self.item, folder)
        except Exception as exc:
            self._failed(exc)
            return
        self.status.show_message(self.tr("Saved: {0}").format(
            ", ".join(str(p) for p in saved)))
