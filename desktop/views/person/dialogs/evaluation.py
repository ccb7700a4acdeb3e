"""The quarterly evaluation (HCD-08 helper's report, HCD-09 group A/B/C/D) of one person.

The form opens on the quarter being evaluated now: the one that just ended while its HCD-08
report is still due, else the current one. It is pre-filled by `evaluations.evaluation_draft`
from that quarter's contacts, support and violations (or with the saved evaluation), and
re-filled when the officer picks another quarter — but text the officer has changed is only
replaced after asking. The suggested group is shown as what it is: a suggestion.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_date
from desktop.rules.classification import CLASSIFICATIONS
from desktop.rules.deadlines import evaluation_deadline
from desktop.rules.errors import RuleInputError
from desktop.rules.periods import Period, parse_period, previous_quarter, quarter_of
from desktop.rules.ruleset import RuleSet, resolve_rule_set
from desktop.services import evaluations, person_queries
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.evaluations import EvaluationInput, EvaluationView
from desktop.services.units import UnitView
from desktop.views.context import AppContext
from desktop.views.forms import DateEdit, FormDialog, WrappedLabel
from desktop.views.person.dialogs.common import (
    NoteEdit,
    add_save_shortcut,
    date_of,
    guard_read_only,
)

QUARTERS_LISTED = 8
CRITERIA = ("law_compliance", "work", "family", "community", "obligations")
NOTES = ("helper_report", *CRITERIA, "proposals")
# What a quarter change may re-fill: everything but the quarter itself.
FILLED = ("classification", "evaluated_on", *NOTES)


def _rule_set(unit: UnitView, day: date) -> RuleSet:
    """The unit's rule set on `day` (labels and form codes only: no unit overrides needed)."""
    return resolve_rule_set(unit.rule_set_name, day)


def recent_quarters(today: date, unit: UnitView, count: int = QUARTERS_LISTED) -> list[Period]:
    """The current reporting quarter and the `count - 1` before it, newest first."""
    quarters = [quarter_of(today, unit.period_convention, unit.year_start_month)]
    while len(quarters) < count:
        quarters.append(previous_quarter(quarters[-1], unit.period_convention,
                                         unit.year_start_month))
    return quarters


def default_quarter(today: date, unit: UnitView) -> Period:
    """The quarter that just ended while its HCD-08 report is still due, else the current."""
    current = quarter_of(today, unit.period_convention, unit.year_start_month)
    ended = previous_quarter(current, unit.period_convention, unit.year_start_month)
    due = evaluation_deadline(ended, _rule_set(unit, ended.end)).due
    return ended if today <= due else current


def quarters_in_care(quarters: list[Period], received_on: date | None,
                     ended_on: date | None) -> list[Period]:
    """The quarters that overlap the person's time under care (all of them if none do)."""
    kept = [q for q in quarters
            if (received_on is None or q.end >= received_on)
            and (ended_on is None or q.start <= ended_on)]
    return kept or quarters


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class ClassificationChoice(QWidget):
    """Radio buttons A–D with the rule set's labels, and the note on the suggested group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for code in CLASSIFICATIONS:
            button = QRadioButton(code)
            button.setObjectName(f"class_{code}")
            self.group.addButton(button)
            self.buttons[code] = button
            column.addWidget(button)
        self.note = WrappedLabel("suggestion")
        column.addWidget(self.note)
        self.setFocusProxy(self.buttons[CLASSIFICATIONS[0]])
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_labels(self, labels: dict[str, str]) -> None:
        """Label each button; its letter (Loại &A) becomes the Alt+letter shortcut."""
        for code, button in self.buttons.items():
            text = labels.get(code, code).replace("&", "&&")
            at = text.find(code)
            button.setText(text[:at] + "&" + text[at:] if at >= 0 else text)

    def code(self) -> str:
        checked = self.group.checkedButton()
        return next((c for c, b in self.buttons.items() if b is checked), "")

    def set_code(self, code: str) -> None:
        button = self.buttons.get(code)
        if button is not None:
            button.setChecked(True)
            self.setFocusProxy(button)


class EvaluationDialog(FormDialog):
    """Evaluate the person for a quarter; saving a quarter evaluated before corrects it."""

    def __init__(self, ctx: AppContext, person_id: str, quarter: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.ctx, self.person_id = ctx, person_id
        person = person_queries.get_person(ctx.db, ctx.actor, person_id, ctx.today()).person
        self.setWindowTitle(self.tr("Quarterly evaluation – {0}").format(person.full_name))
        self.saved = {e.quarter: e for e in evaluations.list_evaluations(ctx.db, ctx.actor,
                                                                         person_id)}
        self._build()
        self._fill_quarters(person.received_on, person.ended_on, quarter)
        self._filled: dict[str, Any] = self._values()
        self._loaded = ""  # the quarter whose records fill the form
        self._load_quarter(ask=False)
        self.quarter.currentIndexChanged.connect(lambda _: self._load_quarter(ask=True))
        add_save_shortcut(self)
        guard_read_only(self, ctx)
        self.quarter.setFocus()

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.quarter = QComboBox()
        self.add_field("quarter", self.tr("&Quarter"), self.quarter)
        self.classification = ClassificationChoice()
        self.add_field("classification", self.tr("Classification"), self.classification)
        self.evaluated_on = DateEdit(self.ctx.today())
        self.add_field("evaluated_on", self.tr("Evaluated &on"), self.evaluated_on)
        self.labels = {
            "helper_report": self.tr("&Helper's report"),
            "law_compliance": self.tr("&Law compliance"),
            "work": self.tr("&Work and income"), "family": self.tr("&Family"),
            # A–D are the groups' Alt+letters, so no label here uses them.
            "community": self.tr("Co&mmunity activities"),
            "obligations": self.tr("Civil obli&gations"), "proposals": self.tr("&Proposals"),
        }
        self.notes: dict[str, NoteEdit] = {}
        for name in NOTES:
            self.notes[name] = NoteEdit(lines=6 if name == "helper_report" else 2)
            self.add_field(name, self.labels[name], self.notes[name])

    def _fill_quarters(self, received_on: date | None, ended_on: date | None,
                       wanted: str | None) -> None:
        """The last quarters of the person's care; select `wanted` or the one due now."""
        today, unit = self.ctx.today(), self.ctx.unit
        quarters = quarters_in_care(recent_quarters(today, unit), received_on, ended_on)
        chosen = self._wanted(wanted) or default_quarter(today, unit)
        if chosen.code not in {q.code for q in quarters} and chosen.start <= today:
            quarters.append(chosen)  # asked for by the caller, e.g. an overdue old quarter
            quarters.sort(key=lambda q: q.start, reverse=True)
        for q in quarters:
            self.quarter.addItem(self._quarter_text(q), q.code)
        index = self.quarter.findData(chosen.code)
        self.quarter.setCurrentIndex(max(index, 0))

    def _wanted(self, code: str | None) -> Period | None:
        if not code:
            return None
        unit = self.ctx.unit
        try:
            period = parse_period(code, unit.period_convention, unit.year_start_month)
        except RuleInputError:
            return None
        return period if period.kind == "quarter" else None

    def _quarter_text(self, q: Period) -> str:
        text = f"{_capital(q.label_vi)} ({format_date(q.start)} – {format_date(q.end)})"
        saved = self.saved.get(q.code)
        if saved is None:
            return text
        return self.tr("{0} – already evaluated: {1}").format(text, saved.classification)

    def _period(self) -> Period:
        unit = self.ctx.unit
        return parse_period(str(self.quarter.currentData()), unit.period_convention,
                            unit.year_start_month)

    # --- pre-filling ---------------------------------------------------------------------
    def _values(self) -> dict[str, Any]:
        """What the form holds now, in EvaluationInput's field names."""
        values: dict[str, Any] = {name: edit.text() for name, edit in self.notes.items()}
        values["classification"] = self.classification.code()
        values["evaluated_on"] = date_of(self.evaluated_on)
        return values

    def _load_quarter(self, ask: bool) -> None:
        """Fill the form with the chosen quarter's draft (or saved evaluation)."""
        self.clear_errors()
        period = self._period()
        try:
            draft = evaluations.evaluation_draft(self.ctx.db, self.ctx.actor, self.person_id,
                                                 period.code, self.ctx.today())
        except ServiceError as exc:
            self._refuse_quarter(exc)
            return
        new = {name: value for name, value in asdict(draft).items() if name in FILLED}
        current = self._values()
        edited = [n for n in FILLED if current[n] != self._filled[n] and current[n] != new[n]]
        keep = set(edited) if ask and edited and not self._confirm_replace(edited) else set()
        self._apply({n: v for n, v in new.items() if n not in keep})
        self._filled, self._loaded = new, period.code
        self._explain(period, draft)

    def _refuse_quarter(self, exc: ServiceError) -> None:
        """Go back to the quarter the form holds, so its text is never saved under another."""
        index = self.quarter.findData(self._loaded)
        if index >= 0:
            self.quarter.blockSignals(True)
            self.quarter.setCurrentIndex(index)
            self.quarter.blockSignals(False)
        field = exc.field if isinstance(exc, ValidationError) else "quarter"
        self.show_validation(ValidationError(field, exc.message))

    def _apply(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name == "classification":
                self.classification.set_code(value)
            elif name == "evaluated_on":
                self.evaluated_on.set_date(value)
            else:
                self.notes[name].setPlainText(value)

    def _confirm_replace(self, edited: list[str]) -> bool:
        """Ask before the new quarter's draft replaces what the officer changed."""
        names = ", ".join(self._field_label(n) for n in edited)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace your changes?"),
                          self.tr("You changed: {0}.\nFill these fields from the records "
                                  "of the newly chosen quarter, or keep what you wrote?")
                          .format(names), parent=self)
        replace = box.addButton(self.tr("Fill from records"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep what I wrote"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is replace

    def _field_label(self, name: str) -> str:
        if name == "classification":
            return self.tr("classification")
        if name == "evaluated_on":
            return self.tr("evaluation date")
        return self.labels[name].replace("&", "")

    def _explain(self, period: Period, draft: EvaluationInput) -> None:
        """Label the groups for this quarter's law, and say where the ticked group came from."""
        rs = _rule_set(self.ctx.unit, period.end)
        self.classification.set_labels(dict(rs.classification_labels))
        self.field_label_widget("helper_report").setText(
            self.tr("&Helper's report ({0})").format(rs.form_codes["hcd08"]))
        saved: EvaluationView | None = self.saved.get(period.code)
        if saved is not None:
            note = self.tr("This quarter was evaluated on {0} (classification {1}). Saving "
                           "again corrects that evaluation.").format(
                format_date(saved.evaluated_on), saved.classification)
        else:
            note = self.tr("Suggested from the quarter's contacts, support and violations: "
                           "{0}. This is only a suggestion: the team and the steering "
                           "committee decide the classification.").format(draft.classification)
        self.classification.note.setText(note)

    def field_label_widget(self, name: str) -> QLabel:
        """The QLabel of a form row (to update a label that depends on the quarter)."""
        label = self.form.labelForField(self.row_box(name))
        assert isinstance(label, QLabel)
        return label

    # --- saving --------------------------------------------------------------------------
    def value(self) -> EvaluationInput:
        """The evaluation as typed."""
        return EvaluationInput(quarter=self._period().code, **self._values())

    def submit(self) -> None:
        """Save the evaluation; errors appear under their field."""
        ctx, data, why = self.ctx, self.value(), self.adjustment_reason()
        self.run_service(lambda: evaluations.record_evaluation(ctx.db, ctx.actor,
                                                               self.person_id, data,
                                                               ctx.today(), why))
