"""The person's support team, contact log, excused weeks and quarterly evaluations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, RecordMixin

TEAM_ROLES = ("police", "mass_org", "party_member", "family", "other")
CORE_TEAM_ROLES = ("police", "mass_org", "party_member", "family")
CONTACT_FORMS = ("home_visit", "office", "workplace", "phone")
RISK_SIGNS = ("bad_company", "substance_use", "conflict", "leaving_area")


class TeamMember(RecordMixin, Base):
    """A member of the four-member support team (tổ giúp đỡ)."""

    __tablename__ = "team_members"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    organisation: Mapped[str] = mapped_column(String(100), default="")
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(30), default="")
    position: Mapped[str] = mapped_column(String(100), default="")
    from_date: Mapped[date] = mapped_column()
    to_date: Mapped[date | None] = mapped_column(default=None)
    responsible: Mapped[bool] = mapped_column(Boolean, default=False)


class ContactLog(RecordMixin, Base):
    """One meeting or call with the person (nhật ký gặp gỡ)."""

    __tablename__ = "contacts"
    # Every query reads contacts per person (figures, overdue, the contact log), so one
    # index serves them all; with deleted_at in it, the figures' read of a province's
    # million contacts never touches the table. No index on the date alone: none uses it,
    # and each index costs every insert of a province import.
    __table_args__ = (
        Index("ix_contacts_person_date", "person_id", "contact_date", "deleted_at"),
    )

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    contact_date: Mapped[date] = mapped_column()
    form: Mapped[str] = mapped_column(String(20), default="home_visit")
    members_present: Mapped[str] = mapped_column(Text, default="")
    work: Mapped[str] = mapped_column(Text, default="")
    health: Mapped[str] = mapped_column(Text, default="")
    family: Mapped[str] = mapped_column(Text, default="")
    attitude: Mapped[str] = mapped_column(Text, default="")
    mood: Mapped[str] = mapped_column(Text, default="")
    risk_signs: Mapped[str] = mapped_column(String(200), default="")  # comma-separated codes
    advice: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    next_planned_on: Mapped[date | None] = mapped_column(default=None)


class ExcusedWeek(RecordMixin, Base):
    """A week without contact for a recorded reason; counts as covered."""

    __tablename__ = "excused_weeks"
    __table_args__ = (UniqueConstraint("person_id", "week"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    week: Mapped[str] = mapped_column(String(8))  # ISO week "YYYY-Www"
    reason: Mapped[str] = mapped_column(Text)


class Evaluation(RecordMixin, Base):
    """Quarterly evaluation with classification A/B/C/D and the helper's HCD-08 text."""

    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("person_id", "quarter"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    quarter: Mapped[str] = mapped_column(String(7), index=True)  # "YYYY-Qn"
    classification: Mapped[str] = mapped_column(String(1))
    evaluated_on: Mapped[date] = mapped_column()
    helper_report: Mapped[str] = mapped_column(Text, default="")
    law_compliance: Mapped[str] = mapped_column(Text, default="")
    work: Mapped[str] = mapped_column(Text, default="")
    family: Mapped[str] = mapped_column(Text, default="")
    community: Mapped[str] = mapped_column(Text, default="")
    obligations: Mapped[str] = mapped_column(Text, default="")
    proposals: Mapped[str] = mapped_column(Text, default="")
