"""First-run set-up: the home unit, the reporting convention, the signers, the first
administrator and the unit's signing certificate.

Shown by `app.py` when the database has no home unit yet. Pages, in order (`PageId`):
welcome → unit → reporting → signers → administrator → signing certificate → (recovery
code, for an encrypted database) → summary. Finish hands
everything to `settings.set_up_installation`, which checks it all before writing
anything; an error sends the user back to the page holding the field at fault, shown
under that field, with everything typed still there. After `exec()` returns Accepted,
`actor` is the signed-in administrator.

Extension point — later first-run steps (like the recovery code): give each a `PageId`
before SUMMARY and a `FieldPage` (`setup_pages`) whose field names are the parameters it
adds to `settings.set_up_installation` (which performs the step), and add it to
`FirstRunWizard.field_pages`. Its values then reach the service, appear on the summary,
and its errors come back under its fields, with no other change here.
"""

from __future__ import annotations

from enum import IntEnum
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.db import Database
from desktop.security.keyfile import new_recovery_code
from desktop.services import settings
from desktop.services.access import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.views.errors import show_error
from desktop.views.forms import ERROR_STYLE
from desktop.views.recovery_code import RecoveryCodeView
from desktop.views.setup_pages import AdminPage, ReportingPage, SignersPage, UnitPage
from desktop.views.setup_pages import CertificatePage as CertificatePage  # tests import it here
from desktop.views.setup_pages import FieldPage as FieldPage  # the extension point below


class PageId(IntEnum):
    """Page order; new first-run steps slot in before SUMMARY."""

    WELCOME = 0
    UNIT = 10
    REPORTING = 20
    SIGNERS = 25
    ADMIN = 30
    CERTIFICATE = 40
    RECOVERY = 50  # encrypted databases only
    SUMMARY = 90


class RecoveryPage(FieldPage):
    """The new encrypted database's recovery code, shown once; Next waits until the user
    confirms it is written down. Finish hands it to the set-up, which wraps the key with
    it (`recovery_code`)."""

    def __init__(self, database: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Recovery code"))
        self.setSubTitle(self.tr(
            "The code that opens the database if every password is forgotten."))
        self.code = new_recovery_code()
        self.view = RecoveryCodeView(self.code, "", database)
        self.view.confirmed_changed.connect(self.completeChanged)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.view)

    def initializePage(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):  # the printed sheet names the unit
            self.view.unit_name = str(wizard.values().get("unit_name", ""))

    def isComplete(self) -> bool:
        return self.view.confirmed()

    def values(self) -> dict[str, object]:
        return {"recovery_code": self.code}

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Recovery code"), self.tr("shown once, written down"))]


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to HoaNhap"))
        text = QLabel(self.tr(
            "HoaNhap keeps the records of people released from prison who live in your "
            "commune or ward: their support teams, weekly contacts, quarterly evaluations "
            "and support, and produces the reports the police rules ask for.\n\n"
            "This computer has not been set up yet. In a few short steps you will enter "
            "your unit, choose how reporting periods are counted, name the signers of "
            "reports, create the administrator account and the unit's signing certificate, "
            "and write down the recovery code of the encrypted database.\n\n"
            "Have ready: the administrative code of your commune or ward (5 digits) and "
            "the name of the police office you report to."))
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)


class SummaryPage(QWizardPage):
    """Everything typed, for a last look; Finish creates the unit and the account."""

    def __init__(self, pages: list[FieldPage]) -> None:
        super().__init__()
        self.pages = pages
        self.setTitle(self.tr("Check and finish"))
        self.setSubTitle(self.tr(
            "Use Back to correct anything. Everything except the unit code can be changed "
            "later under Settings."))
        self.table = QLabel()
        self.table.setObjectName("summary")
        self.table.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("general_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.error.hide()
        rows = "".join(
            f"<tr><td style='padding-right:16px'>{escape(label)}</td>"
            f"<td><b>{escape(value)}</b></td></tr>"
            for page in self.pages for label, value in page.summary())
        self.table.setText(f"<table cellspacing='4'>{rows}</table>")

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class FirstRunWizard(QWizard):
    """Creates the home unit, the first administrator and (unless postponed) the unit's
    signing certificate; `actor` is set on success."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("HoaNhap – First-time set-up"))
        self.setMinimumSize(720, 600)
        self.field_pages: dict[PageId, FieldPage] = {
            PageId.UNIT: UnitPage(), PageId.REPORTING: ReportingPage(),
            PageId.SIGNERS: SignersPage(), PageId.ADMIN: AdminPage(),
            PageId.CERTIFICATE: CertificatePage()}
        if db.key is not None:
            self.field_pages[PageId.RECOVERY] = RecoveryPage(db.path)
        self.summary = SummaryPage([self.field_pages[k] for k in sorted(self.field_pages)])
        self.setPage(PageId.WELCOME, WelcomePage())
        for page_id, page in self.field_pages.items():
            self.setPage(page_id, page)
        self.setPage(PageId.SUMMARY, self.summary)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish set-up"))

    def values(self) -> dict[str, Any]:
        """Every page's values, keyed by `set_up_installation`'s parameter names."""
        merged: dict[str, Any] = {}
        for page in self.field_pages.values():
            merged.update(page.values())
        return merged

    def validateCurrentPage(self) -> bool:
        """Finish runs the set-up; leaving any other page validates that page only."""
        if self.currentId() != PageId.SUMMARY:
            return super().validateCurrentPage()
        return self._set_up()

    def _set_up(self) -> bool:
        # Making the certificate's key takes a moment on an old PC: show that it is working.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.actor = settings.set_up_installation(self.db, **self.values())
        except ValidationError as exc:
            self._show_on_its_page(exc)
            return False
        except ServiceError as exc:  # e.g. the database was set up meanwhile
            self.summary.show_error(exc.message)
            return False
        except Exception as exc:  # a bug: crash dialog; the wizard stays open
            show_error(self, exc)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        return True

    def _page_of(self, field: str) -> PageId | None:
        for page_id, page in self.field_pages.items():
            if field in page.fields.names():
                return page_id
        return None

    def _show_on_its_page(self, exc: ValidationError) -> None:
        """Go back to the page holding the field and show the message under it."""
        target = self._page_of(exc.field)
        if target is None:
            self.summary.show_error(exc.message)
            return
        while self.currentId() != target:
            self.back()
        self.field_pages[target].fields.show_validation(exc)
