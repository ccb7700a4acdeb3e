"""The reception wizard's input pages: how the person came, who they are, their judgment.

Each page gives its values as keyword arguments of `PersonInput` / `JudgmentInput`, under the
same field names the services use, so a service error finds its way back to the field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.labels import GENDER_LABELS, PENALTY_LABELS, RELEASE_TYPE_LABELS
from desktop.views.forms import DateEdit
from desktop.views.people.wizard_fields import FieldsPage, form_layout

NOTICE, WALK_IN = "notice", "walk_in"
# Penalties that have no length in months (Penal Code: life, commuted death sentence).
_NO_LENGTH = ("life", "death_commuted")


def code_combo(labels: dict[str, str], placeholder: str = "") -> QComboBox:
    """A combo of Vietnamese labels carrying their codes; none chosen when a placeholder."""
    combo = QComboBox()
    for code, label in labels.items():
        combo.addItem(label, code)
    if placeholder:
        combo.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1)
    return combo


def combo_code(combo: QComboBox) -> str:
    code = combo.currentData()
    return code if isinstance(code, str) else ""


class SourcePage(FieldsPage):
    """First step: a prison's release notice, or a person reporting without one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("Reception", "How does this person come to the commune?"),
            QCoreApplication.translate("Reception", "This decides the status of the new record."),
            parent,
        )
        self.notice = QRadioButton(
            QCoreApplication.translate(
                "Reception", "Prison notice: the person is expected to arrive"
            )
        )
        self.notice.setObjectName("source_notice")
        self.walk_in = QRadioButton(
            QCoreApplication.translate("Reception", "Walk-in: the person is reporting now")
        )
        self.walk_in.setObjectName("source_walk_in")
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        explanations = (
            (
                self.notice,
                QCoreApplication.translate(
                    "Reception",
                    "The prison sent the release notice (about two months ahead). "
                    "You will record the arrival when the person reports.",
                ),
            ),
            (
                self.walk_in,
                QCoreApplication.translate(
                    "Reception",
                    "The person has come home and reports to the police today, "
                    "with or without a notice.",
                ),
            ),
        )
        for button, explanation in explanations:
            group.addButton(button)
            button.toggled.connect(self.completeChanged)
            note = QLabel(explanation)
            note.setWordWrap(True)
            note.setContentsMargins(26, 0, 0, 12)
            layout.addWidget(button)
            layout.addWidget(note)
        layout.addStretch(1)

    def source(self) -> str | None:
        if self.notice.isChecked():
            return NOTICE
        return WALK_IN if self.walk_in.isChecked() else None

    def isComplete(self) -> bool:
        return self.source() is not None


class IdentityPage(FieldsPage):
    """Who the person is: name, gender, birth, ID number, origin, addresses, phone."""

    def __init__(self, areas: list[str], parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("Reception", "Identity"),
            QCoreApplication.translate(
                "Reception",
                "As written on the ID card or the prison's papers. Fields marked * are required.",
            ),
            parent,
        )
        form = form_layout()
        self.full_name = self.add_line(
            form, "full_name", QCoreApplication.translate("Reception", "Full name *")
        )
        self.other_names = self.add_line(
            form,
            "other_names",
            QCoreApplication.translate("Reception", "Other names"),
            QCoreApplication.translate("Reception", "Nickname or alias, if any"),
        )
        self.gender = code_combo(GENDER_LABELS, QCoreApplication.translate("Reception", "Choose…"))
        self.add_field(
            form, "gender", QCoreApplication.translate("Reception", "Gender *"), self.gender
        )
        self.birth_date = self.add_line(
            form,
            "birth_date",
            QCoreApplication.translate("Reception", "Date of birth *"),
            QCoreApplication.translate("Reception", "dd/mm/yyyy, or the year only"),
        )
        self.id_number = self.add_line(
            form,
            "id_number",
            QCoreApplication.translate("Reception", "ID number"),
            QCoreApplication.translate("Reception", "12 digits (old ID card: 9 digits)"),
        )
        self.place_of_origin = self.add_line(
            form, "place_of_origin", QCoreApplication.translate("Reception", "Place of origin")
        )
        self.permanent_address = self.add_line(
            form, "permanent_address", QCoreApplication.translate("Reception", "Permanent address")
        )
        self.current_address = self.add_line(
            form,
            "current_address",
            QCoreApplication.translate("Reception", "Current address"),
            QCoreApplication.translate("Reception", "Leave empty if the same as permanent"),
        )
        self.residential_area = QComboBox()
        self.residential_area.setEditable(True)
        self.residential_area.setMinimumContentsLength(28)
        self.residential_area.addItems(areas)
        self.residential_area.setCurrentIndex(-1)
        line = self.residential_area.lineEdit()
        if line is not None:  # always, as the combo is editable
            line.setPlaceholderText(
                QCoreApplication.translate(
                    "Reception", "Village or residential group: choose or type"
                )
            )
        self.add_field(
            form,
            "residential_area",
            QCoreApplication.translate("Reception", "Residential area"),
            self.residential_area,
        )
        self.phone = self.add_line(form, "phone", QCoreApplication.translate("Reception", "Phone"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)

    def person_values(self) -> dict[str, Any]:
        """The identity part of `PersonInput`."""
        permanent = self.permanent_address.text()
        return {
            "full_name": self.full_name.text(),
            "other_names": self.other_names.text(),
            "gender": combo_code(self.gender),
            "birth_date": self.birth_date.text(),
            "id_number": self.id_number.text(),
            "place_of_origin": self.place_of_origin.text(),
            "permanent_address": permanent,
            "current_address": self.current_address.text().strip() or permanent,
            "residential_area": self.residential_area.currentText(),
            "phone": self.phone.text(),
        }


class PrisonTerm(QWidget):
    """A prison term typed as years and months, as judgments state it ("4 năm 6 tháng")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.years = QSpinBox()
        self.years.setRange(0, 30)
        self.years.setSuffix(QCoreApplication.translate("Reception", " years"))
        self.months = QSpinBox()
        self.months.setRange(0, 11)
        self.months.setSuffix(QCoreApplication.translate("Reception", " months"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.years)
        row.addWidget(self.months)
        row.addStretch(1)

    def total_months(self) -> int | None:
        total = self.years.value() * 12 + self.months.value()
        return total or None

    def setFocus(self) -> None:  # type: ignore[override]
        self.years.setFocus()


class JudgmentPage(FieldsPage):
    """The judgment, the release from prison and the judgment's other parts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("Reception", "Judgment and release"),
            QCoreApplication.translate(
                "Reception",
                "From the judgment and the certificate of completed sentence. "
                "Fields marked * are required; leave unknown ones empty.",
            ),
            parent,
        )
        grid = QGridLayout()
        grid.addWidget(self._judgment_box(), 0, 0, 2, 1)
        grid.addWidget(self._release_box(), 0, 1)
        grid.addWidget(self._other_parts_box(), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(grid)
        layout.addStretch(1)

    def _judgment_box(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("Reception", "Judgment"))
        form = form_layout()
        box.setLayout(form)
        self.court = self.add_line(form, "court", QCoreApplication.translate("Reception", "Court"))
        self.judgment_number = self.add_line(
            form,
            "judgment_number",
            QCoreApplication.translate("Reception", "Judgment number"),
            QCoreApplication.translate("Reception", "e.g. 25/2022/HS-ST"),
        )
        self.judgment_date = DateEdit(optional=True)
        self.add_field(
            form,
            "judgment_date",
            QCoreApplication.translate("Reception", "Judgment date"),
            self.judgment_date,
        )
        self.offences = self.add_line(
            form, "offences", QCoreApplication.translate("Reception", "Offences")
        )
        self.penal_articles = self.add_line(
            form,
            "penal_articles",
            QCoreApplication.translate("Reception", "Penal Code articles"),
            QCoreApplication.translate("Reception", "e.g. 173"),
        )
        self.chapter = QSpinBox()
        self.chapter.setRange(0, 26)
        self.chapter.setSpecialValueText(QCoreApplication.translate("Reception", "unknown"))
        self.add_field(
            form,
            "chapter",
            QCoreApplication.translate("Reception", "Penal Code chapter"),
            self.chapter,
        )
        self.main_penalty = code_combo(PENALTY_LABELS)
        self.main_penalty.currentIndexChanged.connect(self._penalty_changed)
        self.add_field(
            form,
            "main_penalty",
            QCoreApplication.translate("Reception", "Main penalty"),
            self.main_penalty,
        )
        self.prison_months = PrisonTerm()
        self.add_field(
            form,
            "prison_months",
            QCoreApplication.translate("Reception", "Term"),
            self.prison_months,
        )
        self.prior_convictions = QSpinBox()
        self.prior_convictions.setRange(0, 99)
        self.add_field(
            form,
            "prior_convictions",
            QCoreApplication.translate("Reception", "Prior convictions"),
            self.prior_convictions,
        )
        return box

    def _release_box(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("Reception", "Release from prison"))
        form = form_layout()
        box.setLayout(form)
        self.prison = self.add_line(
            form, "prison", QCoreApplication.translate("Reception", "Prison")
        )
        self.release_date = DateEdit(optional=True)
        self.add_field(
            form,
            "release_date",
            QCoreApplication.translate("Reception", "Release date *"),
            self.release_date,
        )
        self.release_type = code_combo(RELEASE_TYPE_LABELS)
        self.add_field(
            form,
            "release_type",
            QCoreApplication.translate("Reception", "Release type"),
            self.release_type,
        )
        self.certificate_number = self.add_line(
            form,
            "certificate_number",
            QCoreApplication.translate("Reception", "Certificate number"),
        )
        self.probation_until = DateEdit(optional=True)
        self.add_field(
            form,
            "probation_until",
            QCoreApplication.translate("Reception", "Probation ends"),
            self.probation_until,
        )
        return box

    def _other_parts_box(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("Reception", "Other parts of the judgment"))
        form = form_layout()
        box.setLayout(form)
        self.obligations = self.add_line(
            form,
            "obligations",
            QCoreApplication.translate("Reception", "Civil obligations"),
            QCoreApplication.translate("Reception", "Fines, damages, court fees"),
        )
        self.obligations_done_on = DateEdit(optional=True)
        self.add_field(
            form,
            "obligations_done_on",
            QCoreApplication.translate("Reception", "Obligations done on"),
            self.obligations_done_on,
        )
        self.supplementary = self.add_line(
            form,
            "supplementary",
            QCoreApplication.translate("Reception", "Supplementary penalties"),
        )
        self.supplementary_until = DateEdit(optional=True)
        self.add_field(
            form,
            "supplementary_until",
            QCoreApplication.translate("Reception", "Supplementary until"),
            self.supplementary_until,
        )
        return box

    def _penalty_changed(self) -> None:
        # Life imprisonment has no term to type; the service would refuse one.
        fixed = combo_code(self.main_penalty) not in _NO_LENGTH
        self.prison_months.setEnabled(fixed)
        if not fixed:
            self.prison_months.years.setValue(0)
            self.prison_months.months.setValue(0)

    def person_values(self) -> dict[str, Any]:
        """The release part of `PersonInput`."""
        return {
            "prison": self.prison.text(),
            "release_date": self.release_date.date_value(),
            "release_type": combo_code(self.release_type),
            "certificate_number": self.certificate_number.text(),
        }

    def judgment_values(self) -> dict[str, Any]:
        """`JudgmentInput`'s keyword arguments."""
        return {
            "court": self.court.text(),
            "judgment_number": self.judgment_number.text(),
            "judgment_date": self.judgment_date.date_value(),
            "offences": self.offences.text(),
            "penal_articles": self.penal_articles.text(),
            "chapter": self.chapter.value() or None,
            "main_penalty": combo_code(self.main_penalty),
            "prison_months": self.prison_months.total_months(),
            "probation_until": self.probation_until.date_value(),
            "supplementary": self.supplementary.text(),
            "supplementary_until": self.supplementary_until.date_value(),
            "obligations": self.obligations.text(),
            "obligations_done_on": self.obligations_done_on.date_value(),
            "prior_convictions": self.prior_convictions.value(),
        }
