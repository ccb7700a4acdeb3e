"""The top of the person page: who this is, where the case stands, and what is due.

Everything shown comes from `person_queries.get_person` (a `PersonDetail`): the expected
expungement is the rule's own wording ("dự kiến …" or "chưa xác định: …"), the deadlines
are the rule set's, with the days overdue counted by the same rule the dashboard uses.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.formatting import format_date
from desktop.rules.deadlines import days_overdue
from desktop.rules.errors import RuleInputError
from desktop.rules.identity import parse_birth_date
from desktop.services.person_views import PersonDetail, PersonView
from desktop.views.person.common import MUTED_STYLE, WARNING_COLOR

# Status chip colours (background, text): calm for routine states, red for an absence.
STATUS_COLOURS = {
    "expected": ("#e3f2fd", "#0d47a1"), "received": ("#fff3e0", "#e65100"),
    "managed": ("#e8f5e9", "#1b5e20"), "absent": ("#ffebee", "#b71c1c"),
    "ended": ("#eeeeee", "#424242"),
}
# The steps whose reception deadlines still call for action; afterwards they are history.
OPEN_DEADLINE_STATUSES = ("expected", "received")
SEPARATOR = "  ·  "


def _label(name: str, style: str = "", wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


class PersonHeader(QFrame):
    """Name, status, identity, key dates, expected expungement and open deadlines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_header")
        self.back = QPushButton(self.tr("← Back to people"))
        self.back.setObjectName("back_to_people")
        self.name = _label("person_name", wrap=False)
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.status = _label("person_status", wrap=False)
        self.identity = _label("person_identity")
        self.dates = _label("person_dates", MUTED_STYLE)
        self.expungement = _label("person_expungement")
        self.deadlines = _label("person_deadlines")
        self.action_row = QHBoxLayout()  # the page puts the lifecycle buttons here
        self.action_row.setSpacing(6)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addSpacing(12)
        top.addWidget(self.name)
        top.addWidget(self.status)
        top.addStretch(1)
        top.addLayout(self.action_row)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setVerticalSpacing(4)
        grid.addLayout(top, 0, 0)
        for row, label in enumerate((self.identity, self.dates, self.expungement,
                                     self.deadlines), start=1):
            grid.addWidget(label, row, 0)

    def show_detail(self, detail: PersonDetail, today: date) -> None:
        """Fill the header from the person's detail as of `today`."""
        p = detail.person
        self.name.setText(p.full_name)
        background, colour = STATUS_COLOURS.get(p.status, ("#eeeeee", "#000000"))
        self.status.setText(p.status_label)
        self.status.setStyleSheet(f"background: {background}; color: {colour}; "
                                  "border-radius: 9px; padding: 2px 10px; font-weight: bold;")
        self.identity.setText(SEPARATOR.join(self._identity(p, today)))
        self.dates.setText(SEPARATOR.join(self._dates(p)))
        self._show_expungement(detail)
        self._show_deadlines(detail, today)

    def _identity(self, p: PersonView, today: date) -> list[str]:
        born = self.tr("Born {0}").format(p.birth_display)
        try:
            age = parse_birth_date(p.birth_date).age_at(today)
            born += " " + self.tr("({0} years old)").format(age)
        except RuleInputError:
            pass  # a malformed legacy birth date is shown as stored, without an age
        parts = [p.gender_label, born]
        if p.id_number:
            legacy = " " + self.tr("(old 9-digit ID card)") if p.id_legacy else ""
            parts.append(self.tr("ID {0}").format(p.id_number) + legacy)
        else:
            parts.append(self.tr("No ID number"))
        if p.residential_area:
            parts.append(p.residential_area)
        if p.phone:
            parts.append(self.tr("Phone {0}").format(p.phone))
        return parts

    def _dates(self, p: PersonView) -> list[str]:
        steps = [
            (p.notice_received_on, self.tr("Notice received {0}")),
            (p.release_date, self.tr("Release date {0}")),
            (p.expected_on if p.status == "expected" else None, self.tr("Expected home {0}")),
            (p.received_on, self.tr("Received {0}")),
            (p.managed_on, self.tr("Managed since {0}")),
            (p.absent_on, self.tr("Absent since {0}")),
            (p.ended_on, self.tr("Ended {0}")),
        ]
        parts = [text.format(format_date(day)) for day, text in steps if day is not None]
        if p.release_type_label:
            parts.insert(0, p.release_type_label)
        if p.end_reason_label and p.ended_on is not None:
            parts[-1] += f" ({p.end_reason_label})"
        return parts

    def _show_expungement(self, detail: PersonDetail) -> None:
        if detail.expungement is None:
            text = self.tr("Expected expungement: unknown until the judgment is entered")
        else:
            text = self.tr("Expected expungement: {0}").format(detail.expungement.label_vi)
        self.expungement.setText(text)

    def _show_deadlines(self, detail: PersonDetail, today: date) -> None:
        if detail.person.status not in OPEN_DEADLINE_STATUSES or not detail.deadlines:
            self.deadlines.hide()
            self.deadlines.clear()
            return
        lines = []
        for deadline in detail.deadlines:
            late = days_overdue(deadline, today)
            line = html.escape(f"{deadline.label}: {format_date(deadline.due)}")
            if late:
                line += " — " + self.tr("overdue by {0} days").format(late)
                line = f"<span style='color:{WARNING_COLOR}'>{line}</span>"
            lines.append(line)
        self.deadlines.setText("<b>" + self.tr("Deadlines") + "</b><br>" + "<br>".join(lines))
        self.deadlines.show()
