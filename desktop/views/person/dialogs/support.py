"""Record support given to the person (Decree 49/2020 Art. 10–11), loans included.

Only the fields the chosen kind needs are shown: an amount for loans and hardship aid, the
loan's purpose, bank, term, decision and status for loans. For a loan request the dialog
shows, before saving, whether the person is eligible on that date and every reason why not
(`supports.loan_eligibility_for`, the same rule the save applies).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from desktop.formatting import format_date
from desktop.models import LOAN_PURPOSES, LOAN_STATUSES, SUPPORT_KINDS
from desktop.services import supports
from desktop.services.errors import ServiceError
from desktop.services.labels import (
    LOAN_PURPOSE_LABELS,
    LOAN_STATUS_LABELS,
    SUPPORT_KIND_LABELS,
)
from desktop.services.supports import DEFAULT_LOAN_BANK, SupportInput, SupportView
from desktop.views.context import AppContext
from desktop.views.forms import ERROR_STYLE, DateEdit, FormDialog, MoneyEdit, WrappedLabel
from desktop.views.person.dialogs.common import (
    CodeCombo,
    NoteEdit,
    add_save_shortcut,
    date_of,
    guard_read_only,
    person_name,
)

AMOUNT_KINDS = ("loan", "hardship_aid")
LOAN_FIELDS = ("loan_purpose", "eligibility", "loan_bank", "loan_months", "loan_decision_on",
               "loan_status")
OK_STYLE = "color: #1b5e20;"


class SupportDialog(FormDialog):
    """Record an act of support, or correct `support` (e.g. follow a loan's status)."""

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None,
                 support: SupportView | None = None) -> None:
        super().__init__("", parent)
        self.ctx, self.person_id, self.support = ctx, person_id, support
        title = self.tr("Edit support – {0}") if support else self.tr("New support – {0}")
        self.setWindowTitle(title.format(person_name(ctx, person_id)))
        self.setMinimumWidth(600)
        self._build_common()
        self._build_loan()
        self.outcome = NoteEdit(support.outcome if support else "", lines=3)
        self.add_field("outcome", self.tr("&Outcome"), self.outcome)
        if support is not None:
            self._fill(support)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.loan_purpose.currentIndexChanged.connect(self._loan_changed)
        self.support_date.dateChanged.connect(self._loan_changed)
        self._kind_changed()
        add_save_shortcut(self)
        guard_read_only(self, ctx)
        self.kind.setFocus()

    def _build_common(self) -> None:
        self.kind = CodeCombo(SUPPORT_KINDS, SUPPORT_KIND_LABELS)
        self.add_field("kind", self.tr("&Kind of support"), self.kind)
        self.support_date = DateEdit(self.ctx.today())
        self.add_field("support_date", self.tr("&Date"), self.support_date)
        self.provider = QLineEdit()
        self.provider.setPlaceholderText(self.tr("Who gave it: agency, organisation, person"))
        self.add_field("provider", self.tr("&Provided by"), self.provider)
        self.amount = MoneyEdit()
        self.add_field("amount_vnd", self.tr("&Amount (VND)"), self.amount)

    def _build_loan(self) -> None:
        self.loan_purpose = CodeCombo(LOAN_PURPOSES, LOAN_PURPOSE_LABELS)
        self.add_field("loan_purpose", self.tr("Loan p&urpose"), self.loan_purpose)
        self.eligibility = WrappedLabel("eligibility_text")
        self.add_field("eligibility", self.tr("Eligibility"), self.eligibility)
        self.loan_bank = QLineEdit()
        self.loan_bank.setPlaceholderText(DEFAULT_LOAN_BANK)
        self.add_field("loan_bank", self.tr("&Bank"), self.loan_bank)
        self.loan_months = QSpinBox()
        self.loan_months.setRange(0, 600)
        self.loan_months.setSpecialValueText(" ")  # 0 stands for "not typed yet"
        self.loan_months.setSuffix(self.tr(" months"))
        self.add_field("loan_months", self.tr("&Term"), self.loan_months)
        self.loan_decision_on = DateEdit(None, optional=True)
        self.add_field("loan_decision_on", self.tr("Loan &decision date"), self.loan_decision_on)
        self.loan_status = CodeCombo(LOAN_STATUSES, LOAN_STATUS_LABELS)
        self.add_field("loan_status", self.tr("Loan &status"), self.loan_status)

    def _fill(self, s: SupportView) -> None:
        """Show the record being corrected."""
        self.kind.set_code(s.kind)
        self.support_date.set_date(s.support_date)
        self.provider.setText(s.provider)
        self.amount.set_amount(s.amount_vnd)
        self.loan_purpose.set_code(s.loan_purpose)
        self.loan_bank.setText(s.loan_bank)
        self.loan_months.setValue(s.loan_months or 0)
        self.loan_decision_on.set_date(s.loan_decision_on)
        self.loan_status.set_code(s.loan_status)

    def _kind_changed(self) -> None:
        """Show only the fields this kind needs (the dialog shrinks to them)."""
        kind = self.kind.code()
        self.set_row_visible("amount_vnd", kind in AMOUNT_KINDS)
        for name in LOAN_FIELDS:
            self.set_row_visible(name, kind == "loan")
        self._loan_changed()
        self.adjustSize()

    def _loan_changed(self) -> None:
        """A loan's eligibility depends on its purpose and date: show it again."""
        if self.kind.code() == "loan":
            self._show_eligibility()

    def _is_new_claim(self) -> bool:
        """Eligibility is judged for a new request, not for following an existing loan."""
        s = self.support
        return s is None or (s.kind, s.loan_purpose, s.support_date) != (
            self.kind.code(), self.loan_purpose.code(), date_of(self.support_date))

    def _show_eligibility(self) -> None:
        if not self._is_new_claim():
            self._set_eligibility(self.tr("This loan is already recorded: saving updates its "
                                          "details and status."), OK_STYLE)
            return
        on = date_of(self.support_date)
        try:
            verdict = supports.loan_eligibility_for(self.ctx.db, self.ctx.actor,
                                                    self.person_id, self.loan_purpose.code(),
                                                    on)
        except ServiceError as exc:
            self._set_eligibility(exc.message, ERROR_STYLE)
            return
        if verdict.eligible:
            self._set_eligibility(self.tr("Eligible for this loan on {0}.").format(
                format_date(on)), OK_STYLE)
            return
        reasons = "\n".join(f"• {reason}" for reason in verdict.reasons)
        self._set_eligibility(self.tr("Not eligible for this loan on {0}:").format(
            format_date(on)) + "\n" + reasons, ERROR_STYLE)

    def _set_eligibility(self, text: str, style: str) -> None:
        self.eligibility.setText(text)
        self.eligibility.setStyleSheet(style)

    def value(self) -> SupportInput:
        """The support as typed; hidden fields are left out so they cannot be saved."""
        kind = self.kind.code()
        loan = kind == "loan"
        day: date | None = self.loan_decision_on.date_value() if loan else None
        return SupportInput(
            kind=kind, support_date=date_of(self.support_date), provider=self.provider.text(),
            outcome=self.outcome.text(),
            amount_vnd=self.amount.amount() if kind in AMOUNT_KINDS else None,
            loan_purpose=self.loan_purpose.code() if loan else None,
            loan_bank=self.loan_bank.text() if loan else "",
            loan_months=(self.loan_months.value() or None) if loan else None,
            loan_decision_on=day,
            loan_status=self.loan_status.code() if loan else None,
            note=self.support.note if self.support else "")

    def submit(self) -> None:
        """Save the support; an ineligible loan is refused with its reasons."""
        ctx, data, why = self.ctx, self.value(), self.adjustment_reason()
        if self.support is None:
            self.run_service(lambda: supports.record_support(ctx.db, ctx.actor, self.person_id,
                                                             data, ctx.today(), why))
        else:
            support_id = self.support.id
            self.run_service(lambda: supports.update_support(ctx.db, ctx.actor, support_id,
                                                             data, ctx.today(), why))
