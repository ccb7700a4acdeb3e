"""The support team (tổ giúp đỡ) of one person: members, the responsible member, HCD-07.

The local "4+" model gives each person a team of a police officer, a mass-organisation
representative, a party member of the residential cell and a family representative (SPEC
§2); the team is *complete* when each of those four core roles has an active member. A
member's `to_date` is the last day they served: members are ended, not deleted, so the
team on any past date can be shown and counted in reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.formatting import format_date
from desktop.models import CORE_TEAM_ROLES, TEAM_ROLES, Person, TeamMember
from desktop.services import records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.casework import label, person_in_care, today_or, within_care
from desktop.services.errors import ValidationError
from desktop.services.labels import TEAM_ROLE_LABELS

# Suggestions for the organisation box; any other organisation may be typed.
MASS_ORGANISATIONS = (
    "Ủy ban Mặt trận Tổ quốc", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Hội Cựu chiến binh", "Hội Nông dân",
)


@dataclass(frozen=True)
class TeamMemberView:
    """One member of a person's support team."""

    id: str
    person_id: str
    version: int
    role: str
    role_label: str
    organisation: str
    name: str
    phone: str
    position: str
    from_date: date
    to_date: date | None
    responsible: bool


@dataclass(frozen=True)
class TeamView:
    """The team active on `on`; `missing_roles` are the core roles nobody fills (codes)."""

    person_id: str
    on: date
    members: tuple[TeamMemberView, ...]
    complete: bool
    missing_roles: tuple[str, ...]
    missing_role_labels: tuple[str, ...]
    decision_number: str
    decision_date: date | None

    @property
    def responsible(self) -> TeamMemberView | None:
        """The member directly responsible for the person, if one is named."""
        return next((m for m in self.members if m.responsible), None)


def member_view(m: TeamMember) -> TeamMemberView:
    """The plain view of a team member row."""
    return TeamMemberView(
        id=m.id, person_id=m.person_id, version=m.version, role=m.role,
        role_label=label(TEAM_ROLE_LABELS, m.role), organisation=m.organisation, name=m.name,
        phone=m.phone, position=m.position, from_date=m.from_date, to_date=m.to_date,
        responsible=m.responsible,
    )


def missing_core_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """The core roles (in their fixed order) that `roles` does not include."""
    present = set(roles)
    return tuple(r for r in CORE_TEAM_ROLES if r not in present)


def active_members(session: Session, person_id: str, on: date) -> list[TeamMember]:
    """Live members serving on `on`: responsible first, then by role order and start date."""
    rows = session.scalars(
        select(TeamMember).where(
            TeamMember.person_id == person_id, TeamMember.deleted_at.is_(None),
            TeamMember.from_date <= on,
            or_(TeamMember.to_date.is_(None), TeamMember.to_date >= on),
        )
    )
    return sorted(rows, key=lambda m: (not m.responsible, _role_rank(m.role), m.from_date))


def _role_rank(role: str) -> int:
    return TEAM_ROLES.index(role) if role in TEAM_ROLES else len(TEAM_ROLES)


def _validate_member(role: str, name: str, organisation: str, phone: str,
                     position: str) -> dict[str, str]:
    """The cleaned columns of a member; a mass-organisation member must name it."""
    code = validation.one_of("role", role, TEAM_ROLES, TEAM_ROLE_LABELS)
    return {
        "role": code,
        "organisation": validation.text("organisation", organisation, max_len=100,
                                        required=code == "mass_org"),
        "name": validation.text("name", name, required=True, max_len=200,
                                label="Họ tên thành viên"),
        "phone": validation.text("phone", phone, max_len=30),
        "position": validation.text("position", position, max_len=100),
    }


def clear_responsible(session: Session, actor: Actor, person_id: str,
                       keep_id: str | None = None) -> None:
    """Take the flag from every current member but `keep_id`: one member is responsible.

    Ended members keep theirs: it records who was responsible while they served.
    """
    current = session.scalars(select(TeamMember).where(
        TeamMember.person_id == person_id, TeamMember.deleted_at.is_(None),
        TeamMember.to_date.is_(None), TeamMember.responsible.is_(True),
    ))
    for member in list(current):
        if member.id != keep_id:
            records.update(session, actor, member, {"responsible": False})


def _add(session: Session, actor: Actor, person: Person, values: dict[str, str],
         from_date: date, responsible: bool) -> TeamMember:
    if responsible:
        clear_responsible(session, actor, person.id)
    return records.create(session, actor, TeamMember, person_id=person.id,
                          from_date=from_date, responsible=responsible, **values)


def add_team_member(db: Database, actor: Actor, person_id: str, role: str, name: str,
                    from_date: date, organisation: str = "", phone: str = "",
                    position: str = "", responsible: bool = False,
                    today: date | None = None) -> TeamMemberView:
    """Add a member to the person's team from `from_date`.

    Naming a new responsible member takes the flag from the previous one, in the same
    transaction, so there is never a moment with two.
    """
    require(actor, Action.EDIT_RECORDS)
    values = _validate_member(role, name, organisation, phone, position)
    validation.not_future("from_date", from_date, today_or(today))
    with db.transaction() as session:
        person = person_in_care(session, actor, person_id, doing="thêm thành viên tổ giúp đỡ",
                                allow_ended=False)
        within_care("from_date", from_date, person)
        return member_view(_add(session, actor, person, values, from_date, responsible))


def _end(session: Session, actor: Actor, member: TeamMember, to_date: date) -> None:
    if member.to_date is not None:
        raise ValidationError("to_date", f"Thành viên {member.name} đã thôi tham gia tổ "
                                         f"từ ngày {format_date(member.to_date)}.")
    validation.not_before("to_date", to_date, member.from_date, "ngày bắt đầu tham gia tổ")
    records.update(session, actor, member, {"to_date": to_date}, action="end")


def end_team_member(db: Database, actor: Actor, member_id: str, to_date: date,
                    today: date | None = None) -> TeamMemberView:
    """The member stops serving; `to_date` is their last day in the team."""
    require(actor, Action.EDIT_RECORDS)
    validation.not_future("to_date", to_date, today_or(today))
    with db.transaction() as session:
        member = records.get_owned(session, TeamMember, member_id, actor)
        _end(session, actor, member, to_date)
        return member_view(member)


def replace_team_member(db: Database, actor: Actor, member_id: str, on: date, name: str,
                        organisation: str | None = None, phone: str = "", position: str = "",
                        responsible: bool | None = None,
                        today: date | None = None) -> TeamMemberView:
    """A new member takes over the role of `member_id` from `on` (the old one served until
    the day before), in one transaction: the team is never counted short a member.

    `organisation` defaults to the old member's; `responsible` (None) passes the flag on
    when the old member held it.
    """
    require(actor, Action.EDIT_RECORDS)
    validation.not_future("from_date", on, today_or(today))
    with db.transaction() as session:
        old = records.get_owned(session, TeamMember, member_id, actor)
        values = _validate_member(old.role, name, old.organisation if organisation is None
                                  else organisation, phone, position)
        person = person_in_care(session, actor, old.person_id,
                                doing="thay thành viên tổ giúp đỡ", allow_ended=False)
        if on <= old.from_date:
            raise ValidationError("from_date", (
                f"Ngày thay ({format_date(on)}) phải sau ngày {old.name} bắt đầu "
                f"tham gia tổ ({format_date(old.from_date)})."))
        within_care("from_date", on, person)
        _end(session, actor, old, on - timedelta(days=1))
        keep_flag = old.responsible if responsible is None else responsible
        return member_view(_add(session, actor, person, values, on, keep_flag))


def set_responsible(db: Database, actor: Actor, member_id: str) -> TeamMemberView:
    """Make a current member the one directly responsible (the flag moves from the other)."""
    require(actor, Action.EDIT_RECORDS)
    with db.transaction() as session:
        member = records.get_owned(session, TeamMember, member_id, actor)
        if member.to_date is not None:
            raise ValidationError("responsible", f"Thành viên {member.name} đã thôi tham gia "
                                                 "tổ, không thể giao phụ trách trực tiếp.")
        clear_responsible(session, actor, member.person_id, keep_id=member.id)
        records.update(session, actor, member, {"responsible": True})
        return member_view(member)


def delete_team_member(db: Database, actor: Actor, member_id: str, reason: str = "") -> None:
    """Remove a member entered by mistake (one who really served is ended, not deleted)."""
    require(actor, Action.EDIT_RECORDS)
    why = validation.text("reason", reason, max_len=500)
    with db.transaction() as session:
        member = records.get_owned(session, TeamMember, member_id, actor)
        records.soft_delete(session, actor, member, why)


def _team_view(session: Session, person: Person, on: date) -> TeamView:
    members = active_members(session, person.id, on)
    missing = missing_core_roles(m.role for m in members)
    return TeamView(
        person_id=person.id, on=on, members=tuple(member_view(m) for m in members),
        complete=not missing, missing_roles=missing,
        missing_role_labels=tuple(TEAM_ROLE_LABELS[r] for r in missing),
        decision_number=person.team_decision_number, decision_date=person.team_decision_date,
    )


def team_of(db: Database, actor: Actor, person_id: str, on: date | None = None) -> TeamView:
    """The person's team as it stood on `on` (today by default)."""
    require(actor, Action.READ)
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        return _team_view(session, person, today_or(on))


def team_history(db: Database, actor: Actor, person_id: str) -> list[TeamMemberView]:
    """Every member the person's team ever had, newest first (for the person page)."""
    require(actor, Action.READ)
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        rows = session.scalars(
            select(TeamMember).where(TeamMember.person_id == person.id,
                                     TeamMember.deleted_at.is_(None))
            .order_by(TeamMember.from_date.desc(), TeamMember.created_at.desc())
        )
        return [member_view(m) for m in rows]


def set_team_decision(db: Database, actor: Actor, person_id: str, number: str,
                      decision_date: date, today: date | None = None) -> TeamView:
    """Record the number and date of the decision assigning the team (HCD-07)."""
    require(actor, Action.EDIT_RECORDS)
    day = today_or(today)
    clean = validation.text("decision_number", number, required=True, max_len=50)
    validation.not_future("decision_date", decision_date, day)
    with db.transaction() as session:
        person = person_in_care(session, actor, person_id, doing="ghi quyết định phân công")
        within_care("decision_date", decision_date, person)
        records.update(session, actor, person, {"team_decision_number": clean,
                                                "team_decision_date": decision_date})
        return _team_view(session, person, day)
