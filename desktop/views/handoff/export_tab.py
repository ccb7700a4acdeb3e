"""Writing a package (HANDOFF.md §1–2): kind, receiving unit, protection, period, reports,
folder — then the file written, its package code and what it carries.

The work runs on a worker thread (`run_job`); a refusal from the service shows under the
protection choice when it concerns it, else in the status line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_date, format_datetime, format_int
from desktop.services import exchange, exchange_registry
from desktop.services.errors import ValidationError
from desktop.services.exchange import ExportResult
from desktop.services.exchange_registry import RegistryEntry
from desktop.views.context import AppContext
from desktop.views.errors import known_message, show_error
from desktop.views.forms import WrappedLabel
from desktop.views.handoff import prompts, transfer
from desktop.views.handoff.common import StatusLine, cell, kind_label, read_only_table, table_label
from desktop.views.handoff.protection import ProtectionChooser
from desktop.views.handoff.recipients import RecipientCombo
from desktop.views.reports.page import default_output_dir
from desktop.views.reports.period_picker import PeriodPicker
from desktop.views.worker import run_job

NAME_ROLE = Qt.ItemDataRole.UserRole + 1

class ExportTab(QWidget):
    """The form that writes a package, and what was written."""

    exported = Signal(object)  # ExportResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.out_dir = default_output_dir()
        self.report_paths: list[Path] = []
        self.last: ExportResult | None = None
        self._shown_recipient: str | None = ""  # "" until a first receiving unit is shown
        self._shown_known = False
        self.status = StatusLine()
        form_box = self._form_box()
        right = QVBoxLayout()
        right.addWidget(self._result_box(), 1)
        right.addWidget(self._sent_box(), 1)
        right.addWidget(self._transfer_box())
        row = QHBoxLayout()
        row.addWidget(form_box, 3)
        row.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)

    # layout ----------------------------------------------------------------------------
    def _form_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Write a package"))
        self.full = QRadioButton(self.tr("Full: every record of this unit"))
        self.full.setObjectName("kind_full")
        self.changes = QRadioButton(self.tr(
            "Changes: only what changed since the last package to this unit"))
        self.changes.setObjectName("kind_changes")
        self.kind_group = QButtonGroup(self)
        for button in (self.full, self.changes):
            self.kind_group.addButton(button)
        self.full.setChecked(True)
        kinds = QVBoxLayout()
        kinds.setSpacing(2)
        kinds.addWidget(self.full)
        kinds.addWidget(self.changes)
        self.recipient = RecipientCombo()
        self.recipient.currentTextChanged.connect(self._recipient_changed)
        self.protection = ProtectionChooser()
        self.for_period = QCheckBox(self.tr("This package is the data for a reporting period"))
        self.for_period.setObjectName("for_period")
        self.for_period.setChecked(True)
        unit = self.ctx.unit
        self.picker = PeriodPicker(unit.period_convention, unit.year_start_month,
                                   self.ctx.today())
        self.picker.set_kinds(("month", "quarter", "half", "year"))
        # Communes report quarterly: start on the quarter containing today.
        self.picker.kind.setCurrentIndex(self.picker.kind.findData("quarter"))
        self.for_period.toggled.connect(self.picker.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), kinds)
        form.addRow(self.tr("Receiving unit"), self.recipient)
        form.addRow(self.tr("Protection"), self.protection)
        form.addRow(self.tr("Period"), self._period_column())
        form.addRow(self.tr("Signed reports"), self._reports_column())
        form.addRow(self.tr("Folder"), self._folder_row())
        self.write_button = QPushButton(self.tr("&Write the package"))
        self.write_button.setObjectName("write_package")
        self.write_button.clicked.connect(self.run_export)
        form.addRow("", self.write_button)
        # The rows keep their natural height; spare height stays below the button.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer = QVBoxLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        box.setLayout(outer)
        return box

    def _period_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.for_period)
        column.addWidget(self.picker)
        return column

    def _reports_column(self) -> QVBoxLayout:
        self.reports = QListWidget()
        self.reports.setObjectName("report_files")
        self.reports.setMaximumHeight(4 * self.fontMetrics().height() + 12)
        add = QPushButton(self.tr("Add files…"))
        add.setObjectName("add_reports")
        add.clicked.connect(self._add_reports)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_report)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        hint = WrappedLabel("reports_hint")
        hint.setText(self.tr("Optional: signed PDF or XLSX reports to send with the data."))
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.reports)
        column.addLayout(buttons)
        column.addWidget(hint)
        return column

    def _folder_row(self) -> QHBoxLayout:
        self.folder = QLineEdit(str(self.out_dir))
        self.folder.setObjectName("folder")
        self.folder.setReadOnly(True)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.setObjectName("choose_folder")
        choose.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        return row

    def _result_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Package written"))
        self.summary = WrappedLabel("export_summary", "")
        self.summary.setText(self.tr("Nothing written yet in this session."))
        self.counts = read_only_table([self.tr("Table"), self.tr("Records")], "export_counts",
                                      stretch=0)
        column = QVBoxLayout(box)
        column.addWidget(self.summary)
        column.addWidget(self.counts, 1)
        return box

    def _sent_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Packages sent and receipts"))
        hint = WrappedLabel("sent_hint")
        hint.setText(self.tr("A receipt comes back on the USB stick once the receiving unit "
                             "has imported the package: import it under “Import”."))
        self.sent = read_only_table([self.tr("Written"), self.tr("Kind"), self.tr("To"),
                                     self.tr("Receipt")], "sent_packages", stretch=2)
        column = QVBoxLayout(box)
        column.addWidget(hint)
        column.addWidget(self.sent, 1)
        return box

    def load_sent(self) -> None:
        """The packages written here, newest first, and which ones were confirmed."""
        rows = exchange_registry.sent_packages(self.ctx.db, self.ctx.actor)
        self.sent.setRowCount(len(rows))
        waiting = QColor("#8a5a00")
        for row, sent in enumerate(rows):
            to = sent.recipient_name or sent.recipient_code or self.tr("(anyone with the "
                                                                       "passphrase)")
            receipt = (self.tr("received {0}").format(format_datetime(sent.receipt_at))
                       if sent.receipt_at else self.tr("not yet"))
            self.sent.setItem(row, 0, cell(format_datetime(sent.created_at),
                                           tooltip=sent.file_name))
            self.sent.setItem(row, 1, cell(kind_label(sent.kind)))
            self.sent.setItem(row, 2, cell(to))
            self.sent.setItem(row, 3, cell(receipt, foreground=None if sent.receipt_at
                                           else waiting))

    def _transfer_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Transfer of a person who moved"))
        hint = WrappedLabel("transfer_hint")
        hint.setText(self.tr("The whole case file of a person whose management ended because "
                             "they moved, for the commune they moved to."))
        self.moved = QComboBox()
        self.moved.setObjectName("moved_people")
        self.moved.setMinimumContentsLength(24)
        self.transfer_button = QPushButton(self.tr("Write the &transfer package…"))
        self.transfer_button.setObjectName("write_transfer")
        self.transfer_button.clicked.connect(self.run_transfer)
        column = QVBoxLayout(box)
        column.addWidget(hint)
        column.addWidget(self.moved)
        column.addWidget(self.transfer_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def load_moved(self) -> None:
        """The people who moved away, offered for a transfer package."""
        people = exchange_registry.moved_people(self.ctx.db, self.ctx.actor)
        self.moved.clear()
        for person in people:
            self.moved.addItem(self.tr("{0} (left on {1})").format(
                person.full_name, format_date(person.ended_on)), person.id)
            self.moved.setItemData(self.moved.count() - 1, person.full_name, NAME_ROLE)
        if not people:
            self.moved.addItem(self.tr("(nobody has moved away)"), None)
        self.transfer_button.setEnabled(bool(people))

    def run_transfer(self) -> None:
        person_id = self.moved.currentData()
        if person_id is None:
            return
        name = str(self.moved.currentData(NAME_ROLE))
        result = transfer.write_transfer(self.ctx, person_id, name, self)
        if result is not None:
            self.status.show_message(self.tr("Transfer package written: {0}")
                                     .format(result.path))

    # choices ---------------------------------------------------------------------------
    def set_registry(self, entries: list[RegistryEntry]) -> None:
        """The registered units to offer as receivers (the only one, when there is one)."""
        self.recipient.set_units(entries)
        others = [e.unit_code for e in entries if not e.own]
        if self.recipient.code() is None and len(others) == 1:
            self.recipient.set_code(others[0])  # a commune's province, usually

    def _recipient_changed(self, _text: str = "") -> None:
        code = self.recipient.code()
        if code == self._shown_recipient and self._shown_known == self.recipient.key_known():
            return  # the same unit again (a refresh): keep the protection the user chose
        self._shown_recipient, self._shown_known = code, self.recipient.key_known()
        entry = self.recipient.entries.get(code or "")
        name = f"{entry.unit_code} – {entry.unit_name}" if entry else (code or "")
        self.protection.set_key_known(self.recipient.key_known(), name)

    def set_output_folder(self, folder: Path) -> None:
        self.out_dir = folder
        self.folder.setText(str(folder))

    def _choose_folder(self) -> None:
        chosen = prompts.choose_folder(self, self.tr("Where to write the package"),
                                       self.out_dir)
        if chosen is not None:
            self.set_output_folder(chosen)

    def _add_reports(self) -> None:
        for path in prompts.choose_files(self, self.tr("Reports to send with the data"),
                                         self.out_dir, self.tr("Reports (*.pdf *.xlsx)")):
            if path not in self.report_paths:
                self.report_paths.append(path)
                self.reports.addItem(path.name)

    def _remove_report(self) -> None:
        row = self.reports.currentRow()
        if row >= 0:
            self.reports.takeItem(row)
            del self.report_paths[row]

    # writing ---------------------------------------------------------------------------
    def run_export(self) -> None:
        """Check the choices, then write the package on a worker thread."""
        self.status.show_message("")
        try:
            protection = self.protection.protection()
            period = self.picker.period_code() if self.for_period.isChecked() else None
        except ValidationError as exc:
            self._refused(exc)
            return
        if protection.plain and not prompts.ask(
                self, self.tr("Write without encryption?"),
                self.tr("The package will NOT be encrypted: anyone who finds the USB stick "
                        "can read every record. Write it anyway?")):
            return
        db, actor, folder = self.ctx.db, self.ctx.actor, self.out_dir
        kind = "changes" if self.changes.isChecked() else "full"
        to_unit, reports = self.recipient.code(), list(self.report_paths)
        self.write_button.setEnabled(False)
        run_job(self, lambda _p: exchange.export_package(
                    db, actor, folder, kind, to_unit, reports=reports, period=period,
                    passphrase=protection.passphrase, recipient_key=protection.recipient_key,
                    plain=protection.plain),
                self._exported, self._failed, title=self.tr("Writing the package…"))

    def _refused(self, exc: ValidationError) -> None:
        if exc.field in ("protection", "passphrase", "encrypt_to"):
            self.protection.show_error(exc.message)
        else:
            self.status.show_message(exc.message, error=True)

    def _failed(self, exc: BaseException) -> None:
        self.write_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._refused(exc)
        elif known_message(exc) is not None:
            self.status.show_message(str(known_message(exc)), error=True)
        else:
            show_error(self, exc)

    def _exported(self, result: ExportResult) -> None:
        self.write_button.setEnabled(True)
        self.last = result
        total = sum(result.counts.values())
        lock = self.tr("encrypted") if result.encrypted else self.tr("NOT encrypted")
        to = result.recipient_code or self.tr("no receiving unit")
        self.summary.setText(self.tr(
            "Package ({0}, {1}) for {2}:\n{3}\nPackage code: {4}\n{5} records.").format(
            kind_label(result.kind), lock, to, result.path, result.package_id,
            format_int(total)))
        self.counts.setRowCount(len(result.counts))
        for row, (table, n) in enumerate(sorted(result.counts.items())):
            self.counts.setItem(row, 0, cell(table_label(table)))
            self.counts.setItem(row, 1, cell(format_int(n), number=True))
        self.load_sent()
        self.status.show_message(self.tr("The package was written. Copy it to the USB stick "
                                         "if it is not there already."))
        self.exported.emit(result)
