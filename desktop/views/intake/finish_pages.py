"""The import wizard's last steps: confirm what will be written, then what was written.

"Import" on the confirmation page is the only step that writes: `intake.commit` writes
every accepted row in one transaction (on a worker thread), or nothing with the reason.
The result page shows the service's own counts of what it wrote.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.formatting import format_int
from desktop.intake.analysis import IntakeResult
from desktop.services import intake
from desktop.services.errors import ServiceError
from desktop.services.labels import STATUS_LABELS
from desktop.views.errors import show_error
from desktop.views.forms import ERROR_STYLE, WrappedLabel
from desktop.views.intake.common import ImportState
from desktop.views.worker import Job, run_job


def _count_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ConfirmPage(QWizardPage):
    """What "Import" will do, row counts by decision; pressing it writes them all at once."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Job | None = None
        self.setTitle(self.tr("Confirm the import"))
        self.setSubTitle(self.tr(
            "Nothing has been written yet. Press “Import” to write the rows below, all at "
            "once: if one of them cannot be written, none is."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.to_create = _count_label("plan_create")
        self.to_link = _count_label("plan_link")
        self.to_skip = _count_label("plan_skip")
        self.rejected = _count_label("plan_rejected")
        form = QFormLayout()
        form.addRow(self.tr("New records to create:"), self.to_create)
        form.addRow(self.tr("Rows linked to a record already kept:"), self.to_link)
        form.addRow(self.tr("Rows skipped:"), self.to_skip)
        form.addRow(self.tr("Rejected rows, not imported:"), self.rejected)
        note = WrappedLabel("confirm_note")
        note.setText(self.tr(
            "New records get the status “{0}” from today, or “{1}” when the list gives the "
            "date the person reported. A linked record keeps everything it has: only its "
            "empty fields are filled from the row. Each record's history names this file "
            "and its row.").format(STATUS_LABELS["expected"], STATUS_LABELS["received"]))
        self.error = WrappedLabel("commit_error", ERROR_STYLE)
        self.error.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("commit_progress")
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addStretch(1)

    def initializePage(self) -> None:
        analysis = self.state.analysis
        assert analysis is not None
        self.error.hide()
        decisions = self.state.decisions
        chosen = [decisions.get(r.row_number, r.default_decision) for r in analysis.rows
                  if r.status != "rejected"]
        self.to_create.setText(format_int(chosen.count("create")))
        self.to_link.setText(format_int(sum(isinstance(d, tuple) for d in chosen)))
        self.to_skip.setText(format_int(chosen.count("skip")))
        self.rejected.setText(format_int(analysis.counts.rejected))

    @property
    def busy(self) -> bool:
        return self.job is not None

    def isComplete(self) -> bool:
        return not self.busy

    def validatePage(self) -> bool:
        """Import on a worker thread; the wizard moves on when the service has written."""
        if self.state.result is not None:
            return True
        if not self.busy:
            self._commit()
        return False

    def _commit(self) -> None:
        s = self.state
        analysis = s.analysis
        assert analysis is not None
        db, actor, decisions, today = s.ctx.db, s.ctx.actor, dict(s.decisions), s.ctx.today()
        self.error.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.job = run_job(self, lambda progress: intake.commit(
            db, actor, analysis, decisions, today, progress_cb=progress.report),
            self._done, self._failed, cancellable=False)
        self.job.signals.progress.connect(self._progress)
        self._lock(True)

    def _lock(self, busy: bool) -> None:
        """While writing, no button of the wizard may be pressed (Back, Cancel)."""
        self.completeChanged.emit()  # first: the wizard then re-enables Back by itself
        wizard = self.wizard()
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            wizard.button(which).setEnabled(not busy)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(text)

    def _done(self, result: IntakeResult) -> None:
        self.job = None
        self.state.result = result
        self.progress.hide()
        self._lock(False)
        self.wizard().next()

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.progress.hide()
        self._lock(False)
        if isinstance(exc, ServiceError):
            self.error.setText(exc.message)
            self.error.show()
        else:
            show_error(self, exc)


class ResultPage(QWizardPage):
    """What the import wrote, as the service counted it."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Import finished"))
        self.created = _count_label("result_created")
        self.expected = _count_label("result_expected")
        self.received = _count_label("result_received")
        self.linked = _count_label("result_linked")
        self.skipped = _count_label("result_skipped")
        self.rejected = _count_label("result_rejected")
        form = QFormLayout()
        form.addRow(self.tr("New records created:"), self.created)
        form.addRow(self.tr("— of them expected (not reported yet):"), self.expected)
        form.addRow(self.tr("— of them received:"), self.received)
        form.addRow(self.tr("Existing records completed from the list:"), self.linked)
        form.addRow(self.tr("Rows skipped:"), self.skipped)
        form.addRow(self.tr("Rejected rows, not imported:"), self.rejected)
        self.note = WrappedLabel("result_note")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.state.result
        assert result is not None
        self.setSubTitle(self.tr("Written to the database in one step."))
        for label, value in ((self.created, len(result.created)),
                             (self.expected, result.expected),
                             (self.received, result.received),
                             (self.linked, len(result.linked)),
                             (self.skipped, len(result.skipped)),
                             (self.rejected, len(result.rejected))):
            label.setText(format_int(value))
        self.note.setText(self.tr(
            "The new records are in the People list. Rows that were rejected can still be "
            "corrected in the file saved from the previous step and imported again; the "
            "rows imported now will then be recognised and skipped.")
            if result.rejected else self.tr(
            "The new records are in the People list. Importing this file again would "
            "create nothing: its people are recognised as already recorded."))
