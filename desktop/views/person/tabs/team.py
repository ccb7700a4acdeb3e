"""The support team: who serves today, whether the four core roles are filled, HCD-07.

Members are ended or replaced, never deleted from here, so past members stay listed below.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.formatting import format_date
from desktop.services import team
from desktop.services.person_views import PersonDetail
from desktop.services.team import TeamMemberView, TeamView
from desktop.views.context import AppContext
from desktop.views.person import common
from desktop.views.person.common import (
    RecordTable,
    button_row,
    edit_button,
    placeholder,
    selection_buttons,
)
from desktop.views.person.tabs import PersonTab

COMPLETE_STYLE = "background: #e8f5e9; color: #1b5e20; padding: 8px; border-radius: 4px;"
INCOMPLETE_STYLE = "background: #fff3e0; color: #8a3c00; padding: 8px; border-radius: 4px;"
# A team can change only while the person is home and the case is open (services.team).
TEAM_EDIT_STATUSES = ("received", "managed", "absent")


class TeamTab(PersonTab):
    """Active members, completeness of the core roles, the decision, and past members."""

    def __init__(self, ctx: AppContext, changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, changed, parent)
        self.view: TeamView | None = None
        self.members_by_id: dict[str, TeamMemberView] = {}
        self.banner = QLabel()
        self.banner.setObjectName("team_banner")
        self.banner.setWordWrap(True)
        self.decision = QLabel()
        self.decision.setObjectName("team_decision")
        self.members = RecordTable("team_members", [
            self.tr("Role"), self.tr("Name"), self.tr("Organisation"), self.tr("Position"),
            self.tr("Phone"), self.tr("Since"), self.tr("Responsible"),
        ], stretch=1)
        self.past = RecordTable("team_past_members", [
            self.tr("Role"), self.tr("Name"), self.tr("Organisation"), self.tr("From"),
            self.tr("To"),
        ], stretch=1)
        self._buttons(ctx)
        self._lay_out()

    def _buttons(self, ctx: AppContext) -> None:
        self.add = edit_button(ctx, self.tr("Add member…"), "team_add", self._add)
        self.replace = edit_button(ctx, self.tr("Replace…"), "team_replace", self._replace)
        self.end = edit_button(ctx, self.tr("End membership…"), "team_end", self._end)
        self.responsible = edit_button(ctx, self.tr("Make responsible"), "team_responsible",
                                       self._make_responsible)
        self.set_decision = edit_button(ctx, self.tr("Set decision…"), "team_set_decision",
                                        self._set_decision)
        selection_buttons(self.members, [self.replace, self.end, self.responsible])
        self.members.doubleClicked.connect(self._replace)

    def _lay_out(self) -> None:
        decision_row = QHBoxLayout()
        decision_row.addWidget(self.decision, 1)
        decision_row.addWidget(self.set_decision)
        current = QWidget()
        column = QVBoxLayout(current)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addLayout(decision_row)
        column.addLayout(button_row(self.add, self.replace, self.end, self.responsible))
        column.addWidget(self.members)
        past = QGroupBox(self.tr("Past members"))
        QVBoxLayout(past).addWidget(self.past)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(current)
        split.addWidget(past)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(split)

    def title(self) -> str:
        count = len(self.view.members) if self.view else 0
        return self.tr("Team ({0})").format(count)

    def load(self, detail: PersonDetail) -> None:
        self.detail = detail
        today = self.ctx.today()
        self.view = team.team_of(self.ctx.db, self.ctx.actor, detail.person.id, today)
        history = team.team_history(self.ctx.db, self.ctx.actor, detail.person.id)
        self.members_by_id = {m.id: m for m in self.view.members}
        self._show_banner(self.view)
        self._show_decision(self.view)
        self.members.set_rows([(m.id, self._member_cells(m)) for m in self.view.members])
        past = [m for m in history if m.id not in self.members_by_id and m.to_date is not None]
        self.past.set_rows([(m.id, [m.role_label, m.name, placeholder(m.organisation),
                                    format_date(m.from_date), format_date(m.to_date)])
                            for m in past])
        open_case = detail.person.status in TEAM_EDIT_STATUSES
        for button in (self.add, self.set_decision):
            button.setEnabled(open_case)

    def _member_cells(self, m: TeamMemberView) -> list[str]:
        return [m.role_label, m.name, placeholder(m.organisation), placeholder(m.position),
                placeholder(m.phone), format_date(m.from_date),
                "★ " + self.tr("responsible") if m.responsible else ""]

    def _show_banner(self, view: TeamView) -> None:
        self.banner.setProperty("complete", view.complete)
        if view.complete:
            self.banner.setText(self.tr("The team is complete: each of the four core roles "
                                        "has an active member."))
            self.banner.setStyleSheet(COMPLETE_STYLE)
        else:
            self.banner.setText(self.tr("The team is incomplete. Missing: {0}.").format(
                "; ".join(view.missing_role_labels)))
            self.banner.setStyleSheet(INCOMPLETE_STYLE)

    def _show_decision(self, view: TeamView) -> None:
        if view.decision_number or view.decision_date:
            self.decision.setText(self.tr("Assignment decision (HCD-07): No. {0}, dated {1}")
                                  .format(placeholder(view.decision_number),
                                          placeholder(format_date(view.decision_date))))
        else:
            self.decision.setText(self.tr("No assignment decision (HCD-07) recorded yet."))

    def selected_member(self) -> TeamMemberView | None:
        member_id = self.members.selected_id()
        return self.members_by_id.get(member_id) if member_id else None

    def _add(self) -> None:
        from desktop.views.person.team_dialogs import AddMemberDialog

        assert self.detail is not None
        assert self.view is not None
        missing = self.view.missing_roles[0] if self.view.missing_roles else None
        saved = self.run_dialog(AddMemberDialog(self.ctx, self.person_id,
                                                self.detail.person.full_name, missing, self))
        if isinstance(saved, TeamMemberView):
            self.members.select_id(saved.id)

    def _replace(self) -> None:
        from desktop.views.person.team_dialogs import ReplaceMemberDialog

        member = self.selected_member()
        if member is not None and self.can_edit:
            self.run_dialog(ReplaceMemberDialog(self.ctx, member, self))

    def _end(self) -> None:
        from desktop.views.person.team_dialogs import EndMemberDialog

        member = self.selected_member()
        if member is not None:
            self.run_dialog(EndMemberDialog(self.ctx, member, self))

    def _make_responsible(self) -> None:
        member = self.selected_member()
        if member is None or member.responsible:
            return
        question = self.tr("Make {0} the member directly responsible for {1}?").format(
            member.name, self.detail.person.full_name if self.detail else "")
        if common.confirm(self, self.tr("Directly responsible member"), question):
            self.run_action(lambda: team.set_responsible(self.ctx.db, self.ctx.actor,
                                                         member.id))

    def _set_decision(self) -> None:
        from desktop.views.person.team_dialogs import TeamDecisionDialog

        assert self.detail is not None
        assert self.view is not None
        self.run_dialog(TeamDecisionDialog(self.ctx, self.person_id,
                                           self.detail.person.full_name,
                                           self.view.decision_number, self.view.decision_date,
                                           self))
