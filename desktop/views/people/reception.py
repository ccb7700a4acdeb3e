"""The reception wizard (SPEC §5.4): from a prison notice or a walk-in, duplicates checked first.

Steps: how the person comes → identity → judgment and release → dates → possible
duplicates → create. Checks run as early as the typed values allow (identity on leaving its
page, the whole profile and judgment on leaving the judgment page), and the service checks
everything again on creation. Any `ValidationError` takes the user back to the page holding
the field and shows the message under it; going back never clears what was typed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget, QWizard

from desktop.rules.errors import RuleInputError
from desktop.rules.identity import parse_birth_date
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.labels import STATUS_LABELS
from desktop.services.people_index import residential_areas
from desktop.services.person_input import (
    judgment_before_release,
    validate_judgment,
    validate_person,
)
from desktop.services.person_queries import find_duplicates
from desktop.services.person_views import PersonRow
from desktop.services.persons import JudgmentInput, PersonInput, expect_person, register_walk_in
from desktop.views.context import AppContext
from desktop.views.errors import show_error
from desktop.views.forms import DateEdit
from desktop.views.people.duplicates import DuplicatesPage
from desktop.views.people.reception_pages import (
    NOTICE,
    WALK_IN,
    IdentityPage,
    JudgmentPage,
    SourcePage,
)
from desktop.views.people.wizard_fields import FieldsPage, form_layout


class DatesPage(FieldsPage):
    """When the notice came and the person is expected, or when the person reported."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Reception", "Dates"), "", parent)
        self.notice_box = QGroupBox(QCoreApplication.translate("Reception", "Prison notice"))
        form = form_layout()
        self.notice_box.setLayout(form)
        self.notice_received_on = DateEdit(today)
        self.add_field(
            form,
            "notice_received_on",
            QCoreApplication.translate("Reception", "Notice received on"),
            self.notice_received_on,
        )
        self.expected_on = DateEdit(today)
        self.add_field(
            form,
            "expected_on",
            QCoreApplication.translate("Reception", "Expected arrival"),
            self.expected_on,
        )
        self.walk_in_box = QGroupBox(QCoreApplication.translate("Reception", "Reporting"))
        form = form_layout()
        self.walk_in_box.setLayout(form)
        self.received_on = DateEdit(today)
        self.add_field(
            form,
            "received_on",
            QCoreApplication.translate("Reception", "Received on"),
            self.received_on,
        )
        self.status_note = QLabel()
        self.status_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.general_error, self.notice_box, self.walk_in_box, self.status_note):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._expected_typed = False
        self.expected_on.dateChanged.connect(self._expected_edited)
        self._filling = False

    def prepare(self, source: str, release_date: date | None) -> None:
        """Show the dates of this source; expect the person on release day unless typed."""
        notice = source == NOTICE
        self.notice_box.setVisible(notice)
        self.walk_in_box.setVisible(not notice)
        status = STATUS_LABELS["expected" if notice else "received"]
        self.setSubTitle(
            QCoreApplication.translate(
                "Reception", "The new record will have the status “{0}”."
            ).format(status)
        )
        if notice and release_date is not None and not self._expected_typed:
            self._filling = True
            self.expected_on.set_date(release_date)
            self._filling = False

    def _expected_edited(self) -> None:
        if not self._filling:
            self._expected_typed = True


def _birth_parses(typed: str) -> bool:
    try:
        parse_birth_date(typed)
    except RuleInputError:
        return False
    return True


class ReceptionWizard(QWizard):
    """Creates a person; afterwards `created_person_id`, or `existing_person_id` when the
    user chose to open a record that already exists instead."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_person_id: str | None = None
        self.existing_person_id: str | None = None
        self.setObjectName("reception_wizard")
        self.setWindowTitle(self.tr("Receive a person"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.source_page = SourcePage()
        self.identity = IdentityPage(self._areas())
        self.judgment = JudgmentPage()
        self.dates = DatesPage(ctx.today())
        self.duplicates = DuplicatesPage(
            self._find_duplicates, self._summary, self.identity.id_number.text
        )
        self.field_pages: tuple[FieldsPage, ...] = (
            self.source_page,
            self.identity,
            self.judgment,
            self.dates,
            self.duplicates,
        )
        for page in self.field_pages:
            self.addPage(page)
        self.resize(1000, 700)

    def _areas(self) -> list[str]:
        try:
            return residential_areas(self.ctx.db, self.ctx.actor)
        except ServiceError:
            return []  # only suggestions: typing an area still works

    # What was typed ----------------------------------------------------------------------
    def source(self) -> str:
        return self.source_page.source() or WALK_IN

    def person_input(self) -> PersonInput:
        return PersonInput(**self.identity.person_values(), **self.judgment.person_values())

    def judgment_input(self) -> JudgmentInput | None:
        """None when nothing of the judgment was typed: it can be added on the person page."""
        values = self.judgment.judgment_values()
        blank = JudgmentInput()
        typed = {k: v for k, v in values.items() if k != "main_penalty" and v != getattr(blank, k)}
        return JudgmentInput(**values) if typed else None

    # Checks and navigation ---------------------------------------------------------------
    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        for each in self.field_pages:
            each.clear_errors()
        if page is self.identity:
            return self._identity_ok()
        if page is self.judgment:
            return self._inputs_ok()
        return super().validateCurrentPage()

    def initializePage(self, page_id: int) -> None:
        if self.page(page_id) is self.dates:
            self.dates.prepare(self.source(), self.judgment.release_date.date_value())
        super().initializePage(page_id)

    def _identity_ok(self) -> bool:
        """The identity checks that need no later page. The age at release needs the
        release date: until it is typed, only the birth date's form is checked here."""
        release = self.judgment.release_date.date_value()
        person = replace(self.person_input(), release_date=release or self.ctx.today())
        try:
            validate_person(person, self.ctx.today())
        except ValidationError as exc:
            if not self.identity.has_field(exc.field):
                return True  # a field of a later page: checked there
            if exc.field == "birth_date" and release is None and _birth_parses(person.birth_date):
                return True
            self.show_validation(exc)
            return False
        return True

    def _inputs_ok(self) -> bool:
        """Everything the profile and judgment rules can say before the dates are known."""
        today = self.ctx.today()
        try:
            values = validate_person(self.person_input(), today)
            judgment = self.judgment_input()
            if judgment is not None:
                judged = validate_judgment(judgment, today)
                judgment_before_release(judged["judgment_date"], values["release_date"])
        except ValidationError as exc:
            self.show_validation(exc)
            return False
        return True

    def show_validation(self, exc: ValidationError) -> None:
        """Go back to the page holding the field and show the message under it."""
        target = next(
            (
                i
                for i in self.pageIds()
                if isinstance(page := self.page(i), FieldsPage) and page.has_field(exc.field)
            ),
            None,
        )
        if target is None or target > self.currentId():  # not a field the user has seen
            self._current_fields_page().show_general_error(exc.message)
            return
        while self.currentId() > target:
            self.back()
        self._current_fields_page().show_field_error(exc.field, exc.message)

    def _current_fields_page(self) -> FieldsPage:
        page = self.currentPage()
        return page if isinstance(page, FieldsPage) else self.duplicates

    # Duplicates and creation ---------------------------------------------------------------
    def _find_duplicates(self) -> list[PersonRow]:
        return find_duplicates(self.ctx.db, self.ctx.actor, self.person_input())

    def _summary(self) -> str:
        person = self.person_input()
        status = STATUS_LABELS["expected" if self.source() == NOTICE else "received"]
        return self.tr("Ready to create: {0}, born {1}, ID number {2}. Status: {3}.").format(
            person.full_name.strip(),
            person.birth_date.strip(),
            person.id_number.strip() or "—",
            status,
        )

    def accept(self) -> None:
        if self.currentPage() is self.duplicates:
            existing = self.duplicates.chosen_existing()
            if existing is not None:
                self.existing_person_id = existing
            elif not self._create():
                return
        super().accept()

    def _create(self) -> bool:
        for page in self.field_pages:
            page.clear_errors()
        try:
            self.created_person_id = self._call_service().id
        except ValidationError as exc:
            self.show_validation(exc)
            return False
        except ServiceError as exc:
            self._current_fields_page().show_general_error(exc.message)
            return False
        except Exception as exc:  # a bug: crash dialog, and the wizard keeps what was typed
            show_error(self, exc)
            return False
        return True

    def _call_service(self) -> Any:
        ctx, person, judgment = self.ctx, self.person_input(), self.judgment_input()
        if self.source() == NOTICE:
            return expect_person(
                ctx.db,
                ctx.actor,
                person,
                judgment,
                self.dates.notice_received_on.date_value() or ctx.today(),
                self.dates.expected_on.date_value() or ctx.today(),
                today=ctx.today(),
            )
        return register_walk_in(
            ctx.db,
            ctx.actor,
            person,
            judgment,
            self.dates.received_on.date_value() or ctx.today(),
            today=ctx.today(),
        )
