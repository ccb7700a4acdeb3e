"""Run a service call off the GUI thread; deliver its result or error back on the GUI thread.

Every long job (reports, imports, backups, demo data) goes through `run_job`, as Anki's
`operations` do: the callable gets a `Progress` it may report to and poll for cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """Raised inside a job when the user pressed Cancel."""


class Progress:
    """Handed to the job: report progress, and check whether the user cancelled."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        """Tell the GUI how far the job is; raises Cancelled if the user cancelled."""
        self.check()
        self._emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self.fn, self.signals, self.progress = fn, signals, progress

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # delivered to the GUI thread, which decides
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Job:
    """A running job: keeps its signals alive until it finishes."""

    _running: ClassVar[set[Job]] = set()

    def __init__(self, progress: Progress, signals: _Signals) -> None:
        self.progress, self.signals = progress, signals

    def cancel(self) -> None:
        self.progress.cancel()


def run_job(
    parent: QWidget | None,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    title: str | None = None,
    cancellable: bool = True,
) -> Job:
    """Start `fn(progress)` on the thread pool; callbacks run on the GUI thread.

    With a `title`, a modal progress dialog shows the job's reports and offers Cancel.
    A cancelled job calls neither callback.
    """
    signals = _Signals()
    progress = Progress(signals.progress.emit)
    job = Job(progress, signals)
    Job._running.add(job)
    dialog = _progress_dialog(parent, title, job, cancellable) if title else None

    def finish() -> None:
        Job._running.discard(job)
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        if not progress.cancelled:
            on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if isinstance(exc, Cancelled) or progress.cancelled:
            return
        if on_error is None:
            raise exc
        on_error(exc)

    signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
    signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    if dialog is not None:
        signals.progress.connect(lambda d, t, text: _show(dialog, d, t, text))
    QThreadPool.globalInstance().start(_Runnable(fn, signals, progress))
    return job


def _progress_dialog(parent: QWidget | None, title: str, job: Job,
                     cancellable: bool) -> QProgressDialog:
    cancel = QCoreApplication.translate("QProgressDialog", "Cancel") if cancellable else ""
    dialog = QProgressDialog(title, cancel, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick jobs never flash a dialog
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(job.cancel)
    return dialog


def _show(dialog: QProgressDialog, done: int, total: int, text: str) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)
    if text:
        dialog.setLabelText(text)
