"""The contact dialog (nhật ký gặp gỡ): the screen officers use most, built for the keyboard.

A practised officer opens it, types what happened into the summary (focus starts there),
and presses Ctrl+Enter: date, form, the police member present and the next meeting are
already filled from `contacts.contact_defaults`. Tab walks the fields in the order of the
paper book; Enter in a one-line field moves on instead of saving half a contact.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from desktop.models import CONTACT_FORMS, RISK_SIGNS
from desktop.services import contacts
from desktop.services.contacts import ContactInput, ContactView
from desktop.services.labels import CONTACT_FORM_LABELS, RISK_SIGN_LABELS
from desktop.views.context import AppContext
from desktop.views.forms import DateEdit, FormDialog
from desktop.views.person.dialogs.common import (
    CodeCombo,
    NoteEdit,
    add_hint,
    add_save_shortcut,
    date_of,
    guard_read_only,
    person_name,
)

# The situation notes, in the order of the paper book.
SITUATION = ("work", "health", "family", "attitude", "mood")


class RiskSigns(QWidget):
    """One checkbox per risk sign; Alt+1…Alt+4 tick them whatever the UI language."""

    def __init__(self, checked: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, code in enumerate(RISK_SIGNS):
            # Digits as mnemonics cannot clash with the translated field labels' letters.
            text = RISK_SIGN_LABELS.get(code, code).replace("&", "&&")
            box = QCheckBox(f"&{i + 1} {text}")
            box.setObjectName(f"risk_{code}")
            box.setChecked(code in checked)
            grid.addWidget(box, i // 2, i % 2)
            self.boxes[code] = box
        # An error shown under the risk signs moves the focus to the first box.
        self.setFocusProxy(self.boxes[RISK_SIGNS[0]])

    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())


class ContactDialog(FormDialog):
    """Log a new contact with the person, or correct `contact`."""

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None,
                 contact: ContactView | None = None) -> None:
        super().__init__("", parent)
        self.ctx, self.person_id, self.contact = ctx, person_id, contact
        name = person_name(ctx, person_id)
        title = self.tr("Edit contact – {0}") if contact else self.tr("New contact – {0}")
        self.setWindowTitle(title.format(name))
        self.setMinimumWidth(620)
        data = self._initial()
        self._build(data)
        self._order_tabs()
        add_hint(self, self.tr("Ctrl+Enter saves from any field · Esc cancels · "
                               "Alt+1…Alt+4 tick a risk sign"))
        add_save_shortcut(self)
        guard_read_only(self, ctx)
        self.summary.setFocus()

    def _initial(self) -> ContactInput:
        """What the form opens with: the contact being corrected, or the usual defaults."""
        if self.contact is not None:
            c = self.contact
            return ContactInput(
                contact_date=c.contact_date, form=c.form, members_present=c.members_present,
                work=c.work, health=c.health, family=c.family, attitude=c.attitude,
                mood=c.mood, risk_signs=c.risk_signs, advice=c.advice, summary=c.summary,
                next_planned_on=c.next_planned_on)
        d = contacts.contact_defaults(self.ctx.db, self.ctx.actor, self.person_id,
                                      self.ctx.today())
        return ContactInput(contact_date=d.contact_date, form=d.form,
                            members_present=d.police_member, next_planned_on=d.next_planned_on)

    def _build(self, data: ContactInput) -> None:
        self.contact_date = DateEdit(data.contact_date)
        self.add_field("contact_date", self.tr("&Date"), self.contact_date)
        self.form_combo = CodeCombo(CONTACT_FORMS, CONTACT_FORM_LABELS)
        self.form_combo.set_code(data.form)
        self.add_field("form", self.tr("F&orm"), self.form_combo)
        self.members = QLineEdit(data.members_present)
        self.members.setPlaceholderText(self.tr("Team members who took part"))
        self.add_field("members_present", self.tr("&Members present"), self.members)
        labels = {"work": self.tr("&Work"), "health": self.tr("&Health"),
                  "family": self.tr("Fami&ly"), "attitude": self.tr("A&ttitude"),
                  "mood": self.tr("Moo&d")}
        self.situation: dict[str, QLineEdit] = {}
        for name in SITUATION:
            self.situation[name] = QLineEdit(getattr(data, name))
            self.add_field(name, labels[name], self.situation[name])
        self.risks = RiskSigns(data.risk_signs)
        self.add_field("risk_signs", self.tr("Risk signs"), self.risks)
        self.advice = NoteEdit(data.advice, lines=3)
        self.add_field("advice", self.tr("Ad&vice and actions"), self.advice)
        self.summary = NoteEdit(data.summary, lines=5)
        self.summary.setPlaceholderText(self.tr("What happened at this contact"))
        self.add_field("summary", self.tr("&Summary"), self.summary)
        self.next_planned = DateEdit(data.next_planned_on, optional=True)
        self.add_field("next_planned_on", self.tr("&Next contact"), self.next_planned)

    def _order_tabs(self) -> None:
        """Date → form → members → situation → risk signs → advice → summary → next → buttons."""
        chain: list[QWidget] = [self.contact_date, self.form_combo, self.members,
                                *self.situation.values(), *self.risks.boxes.values(),
                                self.advice, self.summary, self.next_planned,
                                *self.buttons.buttons()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a one-line field goes to the next field; only Ctrl+Enter saves."""
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == \
            Qt.KeyboardModifier.NoModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain \
                and not isinstance(self.focusWidget(), QAbstractButton):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def value(self) -> ContactInput:
        """The contact as typed."""
        return ContactInput(
            contact_date=date_of(self.contact_date), form=self.form_combo.code(),
            members_present=self.members.text(), work=self.situation["work"].text(),
            health=self.situation["health"].text(), family=self.situation["family"].text(),
            attitude=self.situation["attitude"].text(), mood=self.situation["mood"].text(),
            risk_signs=self.risks.codes(), advice=self.advice.text(),
            summary=self.summary.text(), next_planned_on=self.next_planned.date_value())

    def submit(self) -> None:
        """Log the contact (or correct it); errors appear under their field."""
        ctx, data, why = self.ctx, self.value(), self.adjustment_reason()
        if self.contact is None:
            self.run_service(lambda: contacts.log_contact(ctx.db, ctx.actor, self.person_id,
                                                          data, ctx.today(), why))
        else:
            contact_id = self.contact.id
            self.run_service(lambda: contacts.update_contact(ctx.db, ctx.actor, contact_id,
                                                             data, ctx.today(), why))
