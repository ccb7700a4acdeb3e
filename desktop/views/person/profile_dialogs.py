"""Editing a person's profile and judgment from the person page.

Both forms are long, so their fields sit in two columns that fit an old 1366×768 screen.
The profile is saved with the version it was opened at: if someone else saved the record
meanwhile, the service refuses and the dialog says so, keeping what was typed.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from desktop.models import MAIN_PENALTIES, RELEASE_TYPES
from desktop.rules.identity import GENDERS
from desktop.services import persons
from desktop.services.labels import GENDER_LABELS, PENALTY_LABELS, RELEASE_TYPE_LABELS
from desktop.services.person_input import MAX_PRISON_MONTHS, JudgmentInput, PersonInput
from desktop.services.person_views import JudgmentView, PersonView
from desktop.views.context import AppContext
from desktop.views.forms import DateEdit, FormDialog
from desktop.views.person.common import column_of
from desktop.views.person.dialogs.common import (
    CodeCombo,
    NoteEdit,
    add_save_shortcut,
    guard_read_only,
)


class OptionalSpin(QSpinBox):
    """A whole number that may be left empty (shown blank, read as None)."""

    def __init__(self, value: int | None, low: int, high: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One below the range stands for "empty", as DateEdit does for dates.
        self.setRange(low - 1, high)
        self.setSpecialValueText(" ")
        self.setValue(low - 1 if value is None else value)

    def number(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()


class TwoColumnForm(FormDialog):
    """A FormDialog whose fields fill a left and then a right column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        left, right = self.form, QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        columns = QHBoxLayout()
        layout = column_of(self)
        layout.insertLayout(layout.indexOf(self.buttons), columns)
        layout.removeItem(left)
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        self._columns = (left, right)

    def column(self, index: int) -> None:
        """Send the next `add_field` calls to column `index` (0 left, 1 right).

        `FormDialog.add_field` always adds to `self.form`; pointing it at a column keeps
        the error routing of `FormDialog` (and FormDialog's row fixes) intact.
        """
        self.form = self._columns[index]


class ProfileDialog(TwoColumnForm):
    """Edit the person's profile and release details."""

    def __init__(self, ctx: AppContext, person: PersonView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.person = ctx, person
        self.setWindowTitle(self.tr("Edit profile – {0}").format(person.full_name))
        self.setMinimumWidth(900)
        self.lines: dict[str, QLineEdit] = {}
        self._identity(person)
        self.column(1)
        self._residence(person)
        self._release(person)
        add_save_shortcut(self)
        guard_read_only(self, ctx)
        self.lines["full_name"].setFocus()

    def _line(self, name: str, label: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        self.lines[name] = edit
        self.add_field(name, label, edit)
        return edit

    def _identity(self, p: PersonView) -> None:
        self._line("full_name", self.tr("&Full name"), p.full_name)
        self._line("other_names", self.tr("Other na&mes"), p.other_names)
        self.gender = CodeCombo(GENDERS, GENDER_LABELS)
        self.gender.set_code(p.gender)
        self.add_field("gender", self.tr("&Gender"), self.gender)
        birth = self._line("birth_date", self.tr("Date of &birth"), p.birth_display)
        birth.setPlaceholderText(self.tr("dd/mm/yyyy, or the year only"))
        self._line("id_number", self.tr("&ID number"), p.id_number or "")
        self._line("ethnicity", self.tr("E&thnicity"), p.ethnicity)
        self._line("religion", self.tr("Re&ligion"), p.religion)
        self._line("education", self.tr("Ed&ucation"), p.education)
        self._line("occupation", self.tr("Occu&pation"), p.occupation)
        self._line("phone", self.tr("P&hone"), p.phone)

    def _residence(self, p: PersonView) -> None:
        self._line("place_of_origin", self.tr("Place of &origin"), p.place_of_origin)
        self._line("permanent_address", self.tr("Perma&nent address"), p.permanent_address)
        self._line("current_address", self.tr("&Current address"), p.current_address)
        self._line("residential_area", self.tr("Residential &area"), p.residential_area)
        self.family = NoteEdit(p.family_situation, lines=3)
        self.add_field("family_situation", self.tr("Famil&y situation"), self.family)

    def _release(self, p: PersonView) -> None:
        self.release_date = DateEdit(p.release_date, optional=True)
        self.add_field("release_date", self.tr("&Release date"), self.release_date)
        self.release_type = CodeCombo(RELEASE_TYPES, RELEASE_TYPE_LABELS)
        self.release_type.set_code(p.release_type)
        self.add_field("release_type", self.tr("Release t&ype"), self.release_type)
        self._line("prison", self.tr("Pri&son"), p.prison)
        self._line("certificate_number", self.tr("C&ertificate number"), p.certificate_number)

    def value(self) -> PersonInput:
        """The profile as typed."""
        texts = {name: edit.text() for name, edit in self.lines.items()}
        return PersonInput(**texts, gender=self.gender.code(),
                           family_situation=self.family.text(),
                           release_date=self.release_date.date_value(),
                           release_type=self.release_type.code())

    def submit(self) -> None:
        ctx, pid, version, data = self.ctx, self.person.id, self.person.version, self.value()
        self.run_service(lambda: persons.update_person(ctx.db, ctx.actor, pid, data,
                                                       version, ctx.today()))


def _as_input(judgment: JudgmentView | None) -> JudgmentInput:
    """The form's starting values: the saved judgment, or an empty one."""
    if judgment is None:
        return JudgmentInput()
    return JudgmentInput(**{f.name: getattr(judgment, f.name) for f in fields(JudgmentInput)})


class JudgmentDialog(TwoColumnForm):
    """Enter or correct the person's judgment (the one they came home from)."""

    def __init__(self, ctx: AppContext, person_id: str, person_name: str,
                 judgment: JudgmentView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person_id
        self.setWindowTitle(self.tr("Judgment – {0}").format(person_name))
        self.setMinimumWidth(900)
        j = _as_input(judgment)
        self._court(j)
        self.column(1)
        self._penalty(j)
        add_save_shortcut(self)
        guard_read_only(self, ctx)
        self.court.setFocus()

    def _court(self, j: JudgmentInput) -> None:
        self.court = QLineEdit(j.court)
        self.add_field("court", self.tr("&Court"), self.court)
        self.number = QLineEdit(j.judgment_number)
        self.add_field("judgment_number", self.tr("Judgment &number"), self.number)
        self.judgment_date = DateEdit(j.judgment_date, optional=True)
        self.add_field("judgment_date", self.tr("Judgment &date"), self.judgment_date)
        self.offences = NoteEdit(j.offences, lines=2)
        self.add_field("offences", self.tr("&Offences"), self.offences)
        self.articles = QLineEdit(j.penal_articles)
        self.articles.setPlaceholderText(self.tr("e.g. Điều 173"))
        self.add_field("penal_articles", self.tr("Penal Code &articles"), self.articles)
        self.chapter = OptionalSpin(j.chapter, 1, 26)
        self.add_field("chapter", self.tr("Penal Code c&hapter"), self.chapter)
        self.prior = QSpinBox()
        self.prior.setRange(0, 99)
        self.prior.setValue(j.prior_convictions)
        self.add_field("prior_convictions", self.tr("&Prior convictions"), self.prior)

    def _penalty(self, j: JudgmentInput) -> None:
        self.penalty = CodeCombo(MAIN_PENALTIES, PENALTY_LABELS)
        self.penalty.set_code(j.main_penalty)
        self.add_field("main_penalty", self.tr("&Main penalty"), self.penalty)
        self.months = OptionalSpin(j.prison_months, 1, MAX_PRISON_MONTHS)
        self.months.setSuffix(self.tr(" months"))
        self.add_field("prison_months", self.tr("Prison &term"), self.months)
        self.probation = DateEdit(j.probation_until, optional=True)
        self.add_field("probation_until", self.tr("Probation &until"), self.probation)
        self.supplementary = NoteEdit(j.supplementary, lines=2)
        self.add_field("supplementary", self.tr("&Supplementary penalties"), self.supplementary)
        self.supplementary_until = DateEdit(j.supplementary_until, optional=True)
        self.add_field("supplementary_until", self.tr("Supplementary served &on"),
                self.supplementary_until)
        self.obligations = NoteEdit(j.obligations, lines=2)
        self.add_field("obligations", self.tr("Civil o&bligations"), self.obligations)
        self.obligations_done = DateEdit(j.obligations_done_on, optional=True)
        self.add_field("obligations_done_on", self.tr("Obligations &fulfilled on"),
                self.obligations_done)

    def value(self) -> JudgmentInput:
        """The judgment as typed."""
        return JudgmentInput(
            court=self.court.text(), judgment_number=self.number.text(),
            judgment_date=self.judgment_date.date_value(), offences=self.offences.text(),
            penal_articles=self.articles.text(), chapter=self.chapter.number(),
            main_penalty=self.penalty.code(), prison_months=self.months.number(),
            probation_until=self.probation.date_value(), supplementary=self.supplementary.text(),
            supplementary_until=self.supplementary_until.date_value(),
            obligations=self.obligations.text(),
            obligations_done_on=self.obligations_done.date_value(),
            prior_convictions=self.prior.value())

    def submit(self) -> None:
        ctx, pid, data = self.ctx, self.person_id, self.value()
        self.run_service(lambda: persons.set_judgment(ctx.db, ctx.actor, pid, data,
                                                      ctx.today()))
