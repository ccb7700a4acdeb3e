"""Support given, violations, and community models / exemplary individuals."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, RecordMixin

SUPPORT_KINDS = (
    "counselling", "legal_procedures", "residence_registration", "civil_status", "id_card",
    "judicial_record", "expungement_application", "vocational_training", "job_referral",
    "loan", "hardship_aid", "social_protection", "other",
)
LOAN_STATUSES = ("requested", "approved", "disbursed", "repaid", "rejected")
LOAN_PURPOSES = ("business", "training")
VIOLATION_KINDS = ("administrative", "new_crime", "other")
COMMUNITY_KINDS = ("model", "exemplary")


class Support(RecordMixin, Base):
    """One act of support (Decree 49/2020 Art. 10–11), loans and hardship aid included."""

    __tablename__ = "supports"
    __table_args__ = (Index("ix_supports_person_date", "person_id", "support_date"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    kind: Mapped[str] = mapped_column(String(30))
    support_date: Mapped[date] = mapped_column(index=True)
    provider: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    amount_vnd: Mapped[int | None] = mapped_column(BigInteger, default=None)
    loan_purpose: Mapped[str | None] = mapped_column(String(20), default=None)
    loan_bank: Mapped[str] = mapped_column(String(200), default="")
    loan_months: Mapped[int | None] = mapped_column(Integer, default=None)
    loan_decision_on: Mapped[date | None] = mapped_column(default=None)
    loan_status: Mapped[str | None] = mapped_column(String(20), default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class Violation(RecordMixin, Base):
    """An administrative violation, a new crime (reoffending) or another breach."""

    __tablename__ = "violations"
    __table_args__ = (Index("ix_violations_person_date", "person_id", "violation_date"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    kind: Mapped[str] = mapped_column(String(20))
    violation_date: Mapped[date] = mapped_column(index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    handling: Mapped[str] = mapped_column(Text, default="")


class CommunityModel(RecordMixin, Base):
    """A community model (mô hình) or an exemplary individual (điển hình)."""

    __tablename__ = "models"

    kind: Mapped[str] = mapped_column(String(20), default="model")
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column()
    end_date: Mapped[date | None] = mapped_column(default=None)
    members: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="active")
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), default=None)
