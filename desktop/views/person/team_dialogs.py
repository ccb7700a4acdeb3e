"""Dialogs of the support team (tổ giúp đỡ): add, end, replace a member; the HCD-07 decision.

Members are ended or replaced, never deleted, so the team on any past date stays known.
The organisation box suggests the usual mass organisations but takes any name.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSizePolicy, QWidget

from desktop.formatting import format_date
from desktop.models import TEAM_ROLES
from desktop.services import team
from desktop.services.labels import TEAM_ROLE_LABELS
from desktop.services.team import MASS_ORGANISATIONS, TeamMemberView
from desktop.views.context import AppContext
from desktop.views.forms import DateEdit, FormDialog
from desktop.views.person.common import MUTED_STYLE, column_of
from desktop.views.person.dialogs.common import (
    CodeCombo,
    add_save_shortcut,
    date_of,
    guard_read_only,
)


def organisation_box(current: str = "") -> QComboBox:
    """An editable choice of the usual mass organisations."""
    box = QComboBox()
    box.setEditable(True)
    # Organisation names are long ("Đoàn Thanh niên Cộng sản Hồ Chí Minh"): use the width.
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    box.addItems(MASS_ORGANISATIONS)
    box.setCurrentIndex(-1)
    box.setEditText(current)
    return box


def _intro(dialog: FormDialog, text: str) -> QLabel:
    """A grey line above the fields saying whom the dialog is about."""
    label = QLabel(text)
    label.setObjectName("intro")
    label.setStyleSheet(MUTED_STYLE)
    label.setWordWrap(True)
    column_of(dialog).insertWidget(0, label)
    return label


class MemberFields:
    """Name, organisation, phone and position: the fields a new member and a successor share."""

    def add_member_fields(self, dialog: FormDialog, organisation: str = "") -> None:
        # A mixin is no QObject: its strings get their own translation context.
        captions = {
            "name": QCoreApplication.translate("MemberFields", "&Full name"),
            "organisation": QCoreApplication.translate("MemberFields", "&Organisation"),
            "phone": QCoreApplication.translate("MemberFields", "&Phone"),
            "position": QCoreApplication.translate("MemberFields", "Pos&ition"),
        }
        self.name = QLineEdit()
        self.organisation = organisation_box(organisation)
        self.phone = QLineEdit()
        self.position = QLineEdit()
        self.position.setPlaceholderText(QCoreApplication.translate(
            "MemberFields", "e.g. Chi hội trưởng, bí thư chi bộ"))
        for name, widget in (("name", self.name), ("organisation", self.organisation),
                             ("phone", self.phone), ("position", self.position)):
            dialog.add_field(name, captions[name], widget)


class AddMemberDialog(FormDialog, MemberFields):
    """Add a member to the person's team, by default in the first role still missing."""

    def __init__(self, ctx: AppContext, person_id: str, person_name: str,
                 suggested_role: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.ctx, self.person_id = ctx, person_id
        self.setWindowTitle(self.tr("Add team member – {0}").format(person_name))
        self.setMinimumWidth(520)
        self.role = CodeCombo(TEAM_ROLES, TEAM_ROLE_LABELS)
        self.role.set_code(suggested_role)
        self.add_field("role", self.tr("&Role"), self.role)
        self.add_member_fields(self)
        self.from_date = DateEdit(ctx.today())
        self.add_field("from_date", self.tr("&Member from"), self.from_date)
        self.responsible = QCheckBox(self.tr("Directly responsible for the person"))
        self.add_field("responsible", "", self.responsible)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        add_save_shortcut(self)
        guard_read_only(self, ctx)
        self.name.setFocus()

    def _role_changed(self) -> None:
        # Only a mass-organisation representative belongs to an organisation.
        self.set_row_visible("organisation", self.role.code() == "mass_org")

    def submit(self) -> None:
        ctx, pid = self.ctx, self.person_id
        role, name, since = self.role.code(), self.name.text(), date_of(self.from_date)
        organisation = self.organisation.currentText() if role == "mass_org" else ""
        phone, position = self.phone.text(), self.position.text()
        responsible = self.responsible.isChecked()
        self.run_service(lambda: team.add_team_member(
            ctx.db, ctx.actor, pid, role, name, since, organisation, phone, position,
            responsible, ctx.today()))


class EndMemberDialog(FormDialog):
    """A member stops serving; the date is their last day in the team."""

    def __init__(self, ctx: AppContext, member: TeamMemberView,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.ctx, self.member = ctx, member
        self.setWindowTitle(self.tr("End team membership – {0}").format(member.name))
        self.setMinimumWidth(460)
        _intro(self, self.tr("{0} ({1}), member since {2}.").format(
            member.name, member.role_label, format_date(member.from_date)))
        self.to_date = DateEdit(ctx.today())
        self.add_field("to_date", self.tr("&Last day in the team"), self.to_date)
        add_save_shortcut(self)
        guard_read_only(self, ctx)

    def submit(self) -> None:
        ctx, member_id, last = self.ctx, self.member.id, date_of(self.to_date)
        self.run_service(lambda: team.end_team_member(ctx.db, ctx.actor, member_id, last,
                                                      ctx.today()))


class ReplaceMemberDialog(FormDialog, MemberFields):
    """A new member takes over the role of `member` from a date (the old one leaves the day
    before), so the team is never counted short."""

    def __init__(self, ctx: AppContext, member: TeamMemberView,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.ctx, self.member = ctx, member
        self.setWindowTitle(self.tr("Replace team member – {0}").format(member.name))
        self.setMinimumWidth(520)
        _intro(self, self.tr("{0} ({1}) leaves the team; the new member takes over the same "
                             "role.").format(member.name, member.role_label))
        self.add_member_fields(self, member.organisation)
        self.set_row_visible("organisation", member.role == "mass_org")
        self.on = DateEdit(ctx.today())
        self.add_field("from_date", self.tr("&Takes over on"), self.on)
        self.responsible = QCheckBox(self.tr("Directly responsible for the person"))
        self.responsible.setChecked(member.responsible)
        self.add_field("responsible", "", self.responsible)
        add_save_shortcut(self)
        guard_read_only(self, ctx)
        self.name.setFocus()

    def submit(self) -> None:
        ctx, member = self.ctx, self.member
        on, name = date_of(self.on), self.name.text()
        organisation = self.organisation.currentText() if member.role == "mass_org" else ""
        phone, position = self.phone.text(), self.position.text()
        responsible = self.responsible.isChecked()
        self.run_service(lambda: team.replace_team_member(
            ctx.db, ctx.actor, member.id, on, name, organisation, phone, position,
            responsible, ctx.today()))


class TeamDecisionDialog(FormDialog):
    """Record the number and date of the decision assigning the team (HCD-07)."""

    def __init__(self, ctx: AppContext, person_id: str, person_name: str, number: str = "",
                 decided_on: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.ctx, self.person_id = ctx, person_id
        self.setWindowTitle(self.tr("Team assignment decision – {0}").format(person_name))
        self.setMinimumWidth(460)
        self.number = QLineEdit(number)
        self.number.setPlaceholderText(self.tr("e.g. 12/QĐ-UBND"))
        self.add_field("decision_number", self.tr("Decision &number"), self.number)
        self.decision_date = DateEdit(decided_on or ctx.today())
        self.add_field("decision_date", self.tr("Decision &date"), self.decision_date)
        add_save_shortcut(self)
        guard_read_only(self, ctx)

    def submit(self) -> None:
        ctx, pid = self.ctx, self.person_id
        number, day = self.number.text(), date_of(self.decision_date)
        self.run_service(lambda: team.set_team_decision(ctx.db, ctx.actor, pid, number, day,
                                                        ctx.today()))
