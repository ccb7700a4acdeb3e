"""The one worker helper: results and errors come back on the GUI thread; cancel stops a job."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services.errors import ServiceError
from desktop.views.worker import Progress, run_job


def _gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_result_arrives_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["worker_thread"] = threading.current_thread().name
        progress.report(1, 2, "half")
        return 42

    def done(value: object) -> None:
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is _gui_thread()

    run_job(None, work, done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["on_gui"] is True
    assert seen["worker_thread"] != threading.main_thread().name


def test_error_is_delivered_not_raised(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def work(progress: Progress) -> None:
        raise ServiceError("Ổ đĩa đầy")

    run_job(None, work, lambda _: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ServiceError)
    assert errors[0].message == "Ổ đĩa đầy"


def test_cancel_stops_the_job_and_calls_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    steps: list[int] = []
    started = threading.Event()

    def work(progress: Progress) -> str:
        started.set()
        for i in range(200):
            progress.report(i, 200)
            steps.append(i)
            time.sleep(0.01)
        return "finished"

    parent = QWidget()
    qtbot.addWidget(parent)
    job = run_job(parent, work, lambda v: calls.append("done"),
                  on_error=lambda e: calls.append("error"), title="Đang làm")
    assert started.wait(5)
    job.cancel()
    qtbot.wait(300)
    assert calls == []
    assert len(steps) < 200
