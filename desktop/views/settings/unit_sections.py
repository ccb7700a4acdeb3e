"""The home unit's settings in three sections: the unit, its signers, and reporting.

All three save through `units.update_unit_settings`, each with only its own fields, and
announce the updated `UnitView` so the page can pass it on to the rest of the window.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from desktop.formatting import format_date
from desktop.services import settings, units
from desktop.services.errors import ServiceError
from desktop.services.labels import RECIPIENT_LEVEL_LABELS
from desktop.services.units import UnitView
from desktop.views.context import AppContext
from desktop.views.settings.fields import ChoiceGroup, FieldForm
from desktop.views.settings.section import Section

# Wide on purpose: the service owns the allowed range and explains it under the field,
# where a spin box's silent clamping would leave a newcomer guessing.
_ANY_NUMBER = (0, 9999)


def number_box(suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(*_ANY_NUMBER)
    box.setSuffix(suffix)
    box.setMaximumWidth(160)
    return box


def combo(items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    # Full width when there is room, but long choices must not force the whole form wider
    # than a small screen (an explicit minimum overrides the combo's own, content-wide one).
    box.setMinimumWidth(160)
    for text, data in items:
        box.addItem(text, data)
    return box


class UnitSettingsSection(Section):
    """A section over some of the home unit's fields."""

    unit_saved = Signal(object)  # UnitView

    def load_unit(self, unit: UnitView) -> None:
        self.fields.set_values({name: getattr(unit, name) for name in self.fields.names()})
        self.finish_loading()

    def apply(self) -> str:
        unit = units.update_unit_settings(self.ctx.db, self.ctx.actor, **self.fields.values())
        self.load_unit(unit)
        self.unit_saved.emit(unit)
        return self.tr("Saved. The new settings apply from now on.")


class UnitSection(UnitSettingsSection):
    """Name, address and the recipients printed on every report."""

    def __init__(self, ctx: AppContext, editable: bool, parent: QWidget | None = None):
        super().__init__(ctx, editable, parent)
        self.intro.setText(self.tr(
            "How your unit appears on reports and documents. The unit code is on every "
            "record and cannot be changed."))
        self.code = QLabel()
        self.code.setObjectName("unit_code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("font-weight: bold;")
        f = self.fields
        f.add_row(self.tr("Unit code"), self.code)
        f.add_field("name", self.tr("Unit name"), QLineEdit(),
                    self.tr("As printed in the document header, e.g. Công an phường "
                            "Thanh Bình."))
        f.add_field("province", self.tr("Province"), QLineEdit())
        f.add_field("place_name", self.tr("Place name"), QLineEdit(),
                    self.tr("Printed before the date, e.g. “Thanh Bình, ngày 05 tháng 01 năm "
                            "2026”."))
        f.add_field("parent_agency", self.tr("Parent agency"), QLineEdit(),
                    self.tr("The agency above yours, printed on the first line of the "
                            "document header, e.g. CÔNG AN TỈNH THÁI NGUYÊN."))
        f.add_field("recipient_level", self.tr("Reports go to"),
                    combo([(label, key) for key, label in RECIPIENT_LEVEL_LABELS.items()]),
                    self.tr("Since 1 March 2025 communes report directly to the provincial "
                            "police; choose the district level only if your plan says so."))
        f.add_field("recipient_name", self.tr("Receiving police office"), QLineEdit(),
                    self.tr("e.g. Công an tỉnh Thái Nguyên."))
        symbol = QLineEdit()
        symbol.setMaximumWidth(220)
        f.add_field("doc_symbol", self.tr("Document symbol"), symbol,
                    self.tr("Follows the number on every report: Số: 05/BC-CAX."))
        recipients = QPlainTextEdit()
        recipients.setFixedHeight(96)
        f.add_field("report_recipients", self.tr("Report recipients"), recipients,
                    self.tr("One recipient per line, as listed under “Nơi nhận:”."))

    def load_unit(self, unit: UnitView) -> None:
        self.code.setText(unit.code)
        super().load_unit(unit)


# Signature-block conventions of Decree 30/2020; free text stays possible for other cases.
SIGNER_PREFIXES = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "KT. TRƯỞNG CÔNG AN",
                   "Q. CHỦ TỊCH", "Q. TRƯỞNG CÔNG AN", "")


class SignersSection(UnitSettingsSection):
    """Who signs reports and how the signature block reads."""

    def __init__(self, ctx: AppContext, editable: bool, parent: QWidget | None = None):
        super().__init__(ctx, editable, parent)
        self.intro.setText(self.tr(
            "The people who sign reports. Titles are printed in capitals above the "
            "signature, the names below it."))
        add_signer_fields(self.fields)


def add_signer_fields(f: FieldForm) -> None:
    """The signers and the signature block's authority line; shared with the set-up wizard,
    so translated in the "Settings" context (lupdate needs the literal calls)."""
    f.add_field("police_chief", QCoreApplication.translate("Settings", "Police chief"),
                QLineEdit())
    f.add_field("police_chief_title",
                QCoreApplication.translate("Settings", "Police chief's title"), QLineEdit(),
                QCoreApplication.translate(
                    "Settings", "e.g. TRƯỞNG CÔNG AN, or PHÓ TRƯỞNG CÔNG AN for a deputy."))
    f.add_field("chairperson", QCoreApplication.translate("Settings", "Chairperson"),
                QLineEdit())
    f.add_field("chairperson_title",
                QCoreApplication.translate("Settings", "Chairperson's title"), QLineEdit(),
                QCoreApplication.translate(
                    "Settings", "e.g. CHỦ TỊCH, or PHÓ CHỦ TỊCH for a deputy."))
    prefix = combo([(text, text) for text in SIGNER_PREFIXES])
    prefix.setEditable(True)
    prefix.setMinimumWidth(280)  # room to type an authority line not in the list
    f.add_field("signer_prefix", QCoreApplication.translate("Settings", "Authority line"),
                prefix, QCoreApplication.translate(
                    "Settings", "The line above the signer's title (Decree 30/2020):\n"
                    "• TM. – on behalf of a collective body: TM. ỦY BAN NHÂN DÂN, then CHỦ TỊCH;\n"
                    "• KT. – a deputy signs for the head: KT. CHỦ TỊCH, then PHÓ CHỦ TỊCH;\n"
                    "• Q. – an acting head signs: Q. TRƯỞNG CÔNG AN.\n"
                    "Leave it empty when the head signs in their own name (TRƯỞNG CÔNG AN)."))


# Shared with the set-up wizard, so translated in the "Settings" context; lupdate only
# extracts literal QCoreApplication.translate() calls, hence no shorter alias.
def convention_choice() -> ChoiceGroup:
    """Cut-off or calendar periods, each explained."""
    return ChoiceGroup([
        ("cutoff", QCoreApplication.translate(
            "Settings", "Cut-off on the 14th (Decree 09/2019, the usual choice)"),
         QCoreApplication.translate(
             "Settings", "A month runs from the 15th of the previous month to the 14th; "
             "quarters, halves and the year follow the start month below.")),
        ("calendar", QCoreApplication.translate("Settings", "Calendar months"),
         QCoreApplication.translate(
             "Settings", "A month runs from the 1st to its last day; the year from "
             "1 January to 31 December.")),
    ])


def year_start_choice() -> QComboBox:
    """December or November, the two starts of a cut-off reporting year (REPORTS.md §2)."""
    return combo([
        (QCoreApplication.translate(
            "Settings", "December – the year runs from 15/12 to 14/12 (usual)"), 12),
        (QCoreApplication.translate(
            "Settings", "November – the year runs from 15/11 to 14/11"), 11),
    ])


def describe_periods(convention: str, year_start_month: int, today: date) -> str:
    """Which month, quarter and year `today` falls in: a concrete example of the choice."""
    try:
        examples = settings.period_examples(convention, year_start_month, today)
    except ServiceError:
        return ""
    heading = QCoreApplication.translate("Settings", "With this choice, today ({0}) falls in:")
    lines = [heading.format(format_date(today))]
    lines += [f"• {e.label}: {e.dates}" for e in examples]
    return "\n".join(lines)


class ReportingSection(UnitSettingsSection):
    """Period convention, contact interval and the legal rule set."""

    def __init__(self, ctx: AppContext, editable: bool, parent: QWidget | None = None):
        super().__init__(ctx, editable, parent)
        self.intro.setText(self.tr(
            "How reporting periods are cut and which legal rules apply. Changes affect "
            "reports produced from now on; signed reports keep their figures."))
        self.convention = convention_choice()
        self.year_start = year_start_choice()
        self.example = QLabel()
        self.example.setObjectName("period_example")
        self.example.setWordWrap(True)
        self._build_fields()
        self.convention.changed.connect(self._convention_changed)
        self.year_start.currentIndexChanged.connect(self._convention_changed)

    def _build_fields(self) -> None:
        f = self.fields
        f.add_field("period_convention", self.tr("Reporting periods"), self.convention)
        f.add_field("year_start_month", self.tr("Reporting year starts in"), self.year_start,
                    self.tr("Only for the cut-off convention. Some provincial plans start "
                            "the year in November."))
        f.add_row("", self.example)
        f.add_field("contact_interval_days", self.tr("Contact interval"),
                    number_box(self.tr(" days")),
                    self.tr("How often the support team must meet each person; the "
                            "dashboard lists people not met for longer (usually 7)."))
        f.add_field("loan_violation_free_months", self.tr("Loans: months without "
                                                          "violations"),
                    number_box(self.tr(" months")),
                    self.tr("A person with a violation in this many recent months is not "
                            "proposed for a Social Policy Bank loan (usually 12)."))
        f.add_field("rule_set_name", self.tr("Legal rule set"), self._rule_sets(), self.tr(
            "“By date” applies the law in force on each day; choose a named rule set "
            "only when instructed to."))

    def _rule_sets(self) -> QComboBox:
        items: list[tuple[str, object]] = []
        for choice in settings.rule_set_choices():
            if choice.effective_from is None:
                text = self.tr("By date – the rules in force on the day concerned")
            else:
                text = f"{choice.name} – {choice.title} ({settings.rule_set_dates(choice)})"
            items.append((text, choice.name))
        return combo(items)

    def finish_loading(self) -> None:
        super().finish_loading()
        self._convention_changed()

    def _convention_changed(self, *_: object) -> None:
        """The start month matters only for cut-off; the example follows every change."""
        convention = self.convention.value()
        self.year_start.setEnabled(self.editable and convention == "cutoff")
        self.example.setText(describe_periods(convention, self.year_start.currentData(),
                                              self.ctx.today()))

