"""The field pages of the first-run set-up: unit, reporting periods, signers,
administrator and signing certificate (`setup_wizard.FirstRunWizard` puts them in order).

Each `FieldPage` names its fields after the parameters of `settings.set_up_installation`,
so its values reach the service unchanged and the service's errors come back under them.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.services import users
from desktop.services.errors import ValidationError
from desktop.services.labels import PERIOD_CONVENTION_LABELS, RECIPIENT_LEVEL_LABELS
from desktop.views.settings.fields import ChoiceGroup, FieldForm
from desktop.views.settings.password import check_repeated, password_edit
from desktop.views.settings.unit_sections import (
    add_signer_fields,
    convention_choice,
    describe_periods,
    year_start_choice,
)


class FieldPage(QWizardPage):
    """A wizard page of fields named after `set_up_installation`'s parameters."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)  # subclasses set title and subtitle: tr() needs the object
        self.fields = FieldForm()
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        """Moving on: messages from the last attempt no longer apply (Finish re-checks)."""
        self.fields.clear_errors()
        return True

    def values(self) -> dict[str, object]:
        """What the service receives from this page (confirmation fields left out)."""
        return {k: v for k, v in self.fields.values().items() if k != "password_repeat"}

    def summary(self) -> list[tuple[str, str]]:
        """(label, value) rows for the summary page."""
        return [(self.fields.label(name), self.shown(name, value))
                for name, value in self.values().items()]

    def shown(self, name: str, value: object) -> str:
        """How the summary writes a value; pages with codes or secrets override it."""
        return str(value)


class UnitPage(FieldPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your unit"))
        self.setSubTitle(self.tr(
            "The commune or ward police office this computer works for."))
        f = self.fields
        code = QLineEdit()
        code.setMaximumWidth(160)
        code.setPlaceholderText("26001")
        f.add_field("unit_code", self.tr("Unit code"), code, self.tr(
            "The 5-digit administrative code of your commune or ward. It is stored on "
            "every record and cannot be changed later."))
        f.add_field("unit_name", self.tr("Unit name"), QLineEdit(),
                    self.tr("As printed on documents, e.g. Công an phường Thanh Bình."))
        f.add_field("province", self.tr("Province"), QLineEdit(),
                    self.tr("e.g. Tỉnh Thái Nguyên."))
        f.add_field("place_name", self.tr("Place name"), QLineEdit(), self.tr(
            "Printed before the date, e.g. “Thanh Bình, ngày 05 tháng 01 năm 2026”."))
        level = QComboBox()
        for key, label in RECIPIENT_LEVEL_LABELS.items():
            level.addItem(label, key)
        level.setCurrentIndex(level.findData("province"))
        f.add_field("recipient_level", self.tr("Reports go to"), level, self.tr(
            "Since 1 March 2025 communes report directly to the provincial police."))
        f.add_field("recipient_name", self.tr("Receiving police office"), QLineEdit(),
                    self.tr("e.g. Công an tỉnh Thái Nguyên."))

    def shown(self, name: str, value: object) -> str:
        return RECIPIENT_LEVEL_LABELS.get(str(value), str(value)) \
            if name == "recipient_level" else str(value)


class ReportingPage(FieldPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Reporting periods"))
        self.setSubTitle(self.tr(
            "How the months, quarters and years of your reports are counted. If unsure, "
            "keep the cut-off convention: it is what the police reporting rules use."))
        self.convention = convention_choice()
        self.convention.set_value("cutoff")
        self.year_start = year_start_choice()
        self.example = QLabel()
        self.example.setObjectName("period_example")
        self.example.setWordWrap(True)
        self.fields.add_field("period_convention", self.tr("Reporting periods"),
                              self.convention)
        self.fields.add_field("year_start_month", self.tr("Reporting year starts in"),
                              self.year_start)
        self.fields.add_row("", self.example)
        self.convention.changed.connect(self._update)
        self.year_start.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self, *_: object) -> None:
        cutoff = self.convention.value() == "cutoff"
        self.year_start.setEnabled(cutoff)
        self.example.setText(describe_periods(self.convention.value(),
                                              self.year_start.currentData(), date.today()))

    def values(self) -> dict[str, object]:
        values = super().values()
        if values["period_convention"] != "cutoff":
            values.pop("year_start_month")  # meaningless for calendar months
        return values

    def shown(self, name: str, value: object) -> str:
        if name == "period_convention":
            return PERIOD_CONVENTION_LABELS.get(str(value), str(value))
        return self.year_start.currentText() if name == "year_start_month" else str(value)


class SignersPage(FieldPage):
    """Who signs reports; pre-filled with the usual commune wording, changeable later."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Signers and titles"))
        self.setSubTitle(self.tr(
            "The names and titles printed in the signature block of reports. The usual "
            "wording is filled in; names can be left empty and added later under Settings."))
        add_signer_fields(self.fields)
        self.fields.set_values({
            "police_chief_title": "TRƯỞNG CÔNG AN", "chairperson_title": "CHỦ TỊCH",
            "signer_prefix": "TM. ỦY BAN NHÂN DÂN"})

    def shown(self, name: str, value: object) -> str:
        return str(value) if value else self.tr("(empty)")


class AdminPage(FieldPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr(
            "The administrator adds the other users and changes settings. Keep the "
            "password safe: without it nobody can add users or change settings."))
        f = self.fields
        username = QLineEdit()
        username.setMaximumWidth(320)
        username.setPlaceholderText(self.tr("e.g. quantri"))
        f.add_field("admin_username", self.tr("User name"), username, self.tr(
            "Lower-case letters without accents, digits and . _ - (no spaces)."))
        f.add_field("admin_full_name", self.tr("Full name"), QLineEdit())
        f.add_field("admin_password", self.tr("Password"), password_edit(),
                    self.tr("At least {0} characters.").format(users.MIN_PASSWORD_LEN))
        f.add_field("password_repeat", self.tr("Password again"), password_edit())

    def validatePage(self) -> bool:
        """Both typings must match before moving on; the service checks the rest."""
        super().validatePage()
        values = self.fields.values()
        try:
            check_repeated(str(values["admin_password"]), str(values["password_repeat"]))
        except ValidationError as exc:
            self.fields.show_validation(exc)
            return False
        return True

    def shown(self, name: str, value: object) -> str:
        return "••••••••" if name == "admin_password" else str(value)


class CertificatePage(FieldPage):
    """The unit's signing certificate: create it now, register a .p12/.pfx, or later."""

    # The fields each choice uses; the others are hidden and not sent to the service.
    USES: ClassVar[dict[str, tuple[str, ...]]] = {
        "create": ("certificate_password", "certificate_password_repeat"),
        "import": ("certificate_file", "certificate_file_password"),
        "later": (),
    }

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Signing certificate"))
        self.setSubTitle(self.tr(
            "Reports sent to the provincial police are signed digitally. The office that "
            "receives them recognises your unit by its certificate."))
        f = self.fields
        self.choice = ChoiceGroup([
            ("create", self.tr("Create the unit's certificate now (recommended)"), self.tr(
                "A certificate in the unit's name is made on this computer, protected by a "
                "password. Give the password only to the leaders who sign reports.")),
            ("import", self.tr("Register a certificate file (.p12, .pfx)"), self.tr(
                "An officer's certificate from a certificate authority: reports signed "
                "with it are then recognised here. The private key stays in the file.")),
            ("later", self.tr("Later"), self.tr(
                "Skip this step: the unit's certificate is created the first time a "
                "leader signs a report with it.")),
        ])
        self.choice.set_value("create")
        f.add_field("certificate", self.tr("Certificate"), self.choice)
        f.add_field("certificate_password", self.tr("Certificate password"), password_edit(),
                    self.tr("At least {0} characters. Without it nobody can sign with the "
                            "unit's certificate: keep it safe.")
                    .format(users.MIN_PASSWORD_LEN))
        f.add_field("certificate_password_repeat", self.tr("Certificate password again"),
                    password_edit())
        f.add_field("certificate_file", self.tr("Certificate file"), QLineEdit(),
                    self.tr("The .p12 or .pfx file, e.g. on a USB stick."))
        self.browse = QPushButton(self.tr("Choose file…"))
        self.browse.setObjectName("browse_certificate")
        self.browse.clicked.connect(self._browse)
        f.add_row("", self.browse)
        f.add_field("certificate_file_password", self.tr("Password of the file"),
                    password_edit())
        self.choice.changed.connect(self._show_fields)
        self._show_fields()

    def _show_fields(self, *_: object) -> None:
        used = self.USES.get(self.choice.value(), ())
        for name in (n for names in self.USES.values() for n in names):
            box = self.fields.field(name).parentWidget()  # the row: field, hint, error
            assert box is not None
            self.fields.form.setRowVisible(box, name in used)
        self.fields.form.setRowVisible(self.browse, self.choice.value() == "import")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the certificate file"), "",
            self.tr("Certificate files (*.p12 *.pfx)"))
        if path:
            edit = self.fields.field("certificate_file")
            assert isinstance(edit, QLineEdit)
            edit.setText(path)

    def values(self) -> dict[str, object]:
        values = self.fields.values()
        choice = str(values["certificate"])
        return {"certificate": choice,
                **{k: values[k] for k in self.USES.get(choice, ())
                   if k != "certificate_password_repeat"}}

    def validatePage(self) -> bool:
        """A new password is typed twice: a typo here would lock the unit out of signing."""
        super().validatePage()
        values = self.fields.values()
        if values["certificate"] != "create":
            return True
        try:
            check_repeated(str(values["certificate_password"]),
                           str(values["certificate_password_repeat"]),
                           field="certificate_password_repeat")
        except ValidationError as exc:
            self.fields.show_validation(exc)
            return False
        return True

    def shown(self, name: str, value: object) -> str:
        if name == "certificate":
            button = self.choice.buttons.get(str(value))
            return button.text() if button is not None else str(value)
        return "••••••••" if "password" in name else str(value)
