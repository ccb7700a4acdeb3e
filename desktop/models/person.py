"""A released person, their judgment and the dated history of their case status."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, RecordMixin

STATUSES = ("expected", "received", "managed", "absent", "ended")
END_REASONS = ("expunged", "moved", "abroad", "missing", "died", "new_sentence")
RELEASE_TYPES = ("completed", "amnesty", "conditional")
MAIN_PENALTIES = (
    "prison", "life", "death_commuted", "non_custodial", "suspended", "fine", "warning",
)


class Person(RecordMixin, Base):
    """Người chấp hành xong án phạt tù / được đặc xá, with the case lifecycle dates."""

    __tablename__ = "persons"
    __table_args__ = (
        Index("ix_persons_unit_status", "unit_code", "status"),
        Index("ix_persons_received_on", "received_on"),
    )

    full_name: Mapped[str] = mapped_column(String(200))
    # Diacritic-free lowercase copy: search and duplicate checks use an index, not a scan.
    name_folded: Mapped[str] = mapped_column(String(200), index=True)
    other_names: Mapped[str] = mapped_column(String(200), default="")
    gender: Mapped[str] = mapped_column(String(10))
    birth_date: Mapped[str] = mapped_column(String(10))  # "YYYY-MM-DD" or "YYYY"
    ethnicity: Mapped[str] = mapped_column(String(50), default="Kinh")
    religion: Mapped[str] = mapped_column(String(50), default="")
    id_number: Mapped[str | None] = mapped_column(String(12), index=True, default=None)
    id_legacy: Mapped[bool] = mapped_column(Boolean, default=False)
    place_of_origin: Mapped[str] = mapped_column(String(300), default="")
    permanent_address: Mapped[str] = mapped_column(String(300), default="")
    current_address: Mapped[str] = mapped_column(String(300), default="")
    residential_area: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    education: Mapped[str] = mapped_column(String(50), default="")
    occupation: Mapped[str] = mapped_column(String(100), default="")
    family_situation: Mapped[str] = mapped_column(Text, default="")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)

    status: Mapped[str] = mapped_column(String(20), default="expected")
    notice_received_on: Mapped[date | None] = mapped_column(default=None)
    expected_on: Mapped[date | None] = mapped_column(default=None)
    received_on: Mapped[date | None] = mapped_column(default=None)
    managed_on: Mapped[date | None] = mapped_column(default=None)
    absent_on: Mapped[date | None] = mapped_column(default=None)
    ended_on: Mapped[date | None] = mapped_column(default=None)
    end_reason: Mapped[str | None] = mapped_column(String(20), default=None)
    release_date: Mapped[date | None] = mapped_column(default=None)
    release_type: Mapped[str] = mapped_column(String(20), default="completed")
    prison: Mapped[str] = mapped_column(String(200), default="")
    certificate_number: Mapped[str] = mapped_column(String(50), default="")
    # HCD-07: decision assigning the support team.
    team_decision_number: Mapped[str] = mapped_column(String(50), default="")
    team_decision_date: Mapped[date | None] = mapped_column(default=None)


class Judgment(RecordMixin, Base):
    """Bản án: the judgment whose completion the person came home from."""

    __tablename__ = "judgments"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    court: Mapped[str] = mapped_column(String(200), default="")
    judgment_number: Mapped[str] = mapped_column(String(50), default="")
    judgment_date: Mapped[date | None] = mapped_column(default=None)
    offences: Mapped[str] = mapped_column(Text, default="")
    penal_articles: Mapped[str] = mapped_column(String(100), default="")
    chapter: Mapped[int | None] = mapped_column(Integer, default=None)
    main_penalty: Mapped[str] = mapped_column(String(20), default="prison")
    prison_months: Mapped[int | None] = mapped_column(Integer, default=None)
    # End of the probation period for a conditional early release (Penal Code Art. 66).
    probation_until: Mapped[date | None] = mapped_column(default=None)
    supplementary: Mapped[str] = mapped_column(Text, default="")
    supplementary_until: Mapped[date | None] = mapped_column(default=None)
    obligations: Mapped[str] = mapped_column(Text, default="")
    obligations_done_on: Mapped[date | None] = mapped_column(default=None)
    prior_convictions: Mapped[int] = mapped_column(Integer, default=0)


class StatusChange(RecordMixin, Base):
    """One dated lifecycle transition and who made it (SPEC §3 case lifecycle)."""

    __tablename__ = "status_changes"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20), default=None)
    to_status: Mapped[str] = mapped_column(String(20))
    on_date: Mapped[date] = mapped_column()
    by_user: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str | None] = mapped_column(String(20), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
