"""Settings → Audit trail: check that no audit entry was changed, removed or inserted.

The check walks the hash chain on a worker thread (a large trail takes a moment) and says
either that the chain is intact, with the number of entries, or which entry is the first
broken one: its number, when it was written, by whom and what it recorded. Any signed-in
user may run it; it only reads.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.formatting import format_datetime, format_int
from desktop.services.audit_check import AuditCheck, check_audit_trail
from desktop.services.errors import ServiceError
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.worker import run_job

OK_STYLE = "font-weight: bold; color: #1b5e20;"
BROKEN_STYLE = "font-weight: bold; color: #b00020;"


class AuditSection(QWidget):
    """A button that verifies the audit trail and a plain-language answer below it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result: AuditCheck | None = None
        intro = QLabel(self.tr(
            "Every change, sign-in, import, export, signature and accepted key is written "
            "to the audit trail. Each entry is sealed together with the one before it, so "
            "an entry changed or deleted directly in the database file breaks the chain. "
            "Check it here, or with “hoanhap check” on the command line."))
        intro.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Check the audit trail"))
        self.check_button.setObjectName("check_audit")
        self.check_button.clicked.connect(self.check)
        self.headline = QLabel()
        self.headline.setObjectName("audit_headline")
        self.headline.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("audit_details")
        self.details.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addStretch(1)

    def check(self) -> None:
        """Verify the chain off the GUI thread; the answer replaces the previous one."""
        self.result = None
        self.check_button.setEnabled(False)
        self.headline.setStyleSheet("")
        self.headline.setText(self.tr("Checking the audit trail…"))
        self.details.clear()
        db, actor = self.ctx.db, self.ctx.actor
        run_job(self, lambda _progress: check_audit_trail(db, actor), self._checked,
                self._failed)

    def _checked(self, result: AuditCheck) -> None:
        self.check_button.setEnabled(True)
        self.result = result
        if result.broken is None:
            self.headline.setStyleSheet(OK_STYLE)
            self.headline.setText(self.tr("The audit trail is intact: {0} entries, none "
                                          "changed or removed.").format(
                format_int(result.entries)))
            return
        broken = result.broken
        self.headline.setStyleSheet(BROKEN_STYLE)
        self.headline.setText(self.tr(
            "The audit trail is broken at entry No. {0}: {1}. Entries from there on cannot "
            "be trusted; keep this computer as it is and tell your administrator.")
            .format(broken.seq, broken.reason))
        if broken.at is None:
            self.details.setText(self.tr("Entry No. {0} is missing from the database.")
                                 .format(broken.seq))
            return
        self.details.setText(self.tr(
            "Entry No. {0} as it is now stored: written {1} by “{2}”, action “{3}” on “{4}”.")
            .format(broken.seq, format_datetime(broken.at), broken.actor, broken.action,
                    broken.entity))

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.headline.clear()
        if isinstance(exc, ServiceError):
            self.headline.setStyleSheet(BROKEN_STYLE)
            self.headline.setText(exc.message)
        else:
            show_error(self, exc)
