"""Users, the hash-chained audit trail, report records, adjustments and application settings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, RecordMixin

ROLES = ("officer", "leader", "admin")


class User(RecordMixin, Base):
    """A local account; passwords are Argon2id hashes (SPEC §8)."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)


class AuditEntry(RecordMixin, Base):
    """One append-only audit entry; `entry_hash` chains it to the previous one."""

    __tablename__ = "audit"

    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column()
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: [old, new]}
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))


class ReportRecord(RecordMixin, Base):
    """A produced report: its figure snapshot, file hashes and signature state."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("unit_code", "form", "period_code", "revision"),)

    form: Mapped[str] = mapped_column(String(20))
    period_code: Mapped[str] = mapped_column(String(30))
    period_start: Mapped[date] = mapped_column()
    period_end: Mapped[date] = mapped_column()
    revision: Mapped[int] = mapped_column(Integer, default=1)
    snapshot_json: Mapped[str] = mapped_column(Text)
    snapshot_sha256: Mapped[str] = mapped_column(String(64))
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    xlsx_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    produced_by: Mapped[str] = mapped_column(String(60))
    signer: Mapped[str | None] = mapped_column(String(200), default=None)
    signature_state: Mapped[str] = mapped_column(String(20), default="unsigned")
    signed_at: Mapped[datetime | None] = mapped_column(default=None)


class Adjustment(RecordMixin, Base):
    """A change to a record dated inside a signed (locked) report period, with its reason.

    The signed report keeps its figures; the adjustment is listed in the next report of the
    unit so the correction is visible rather than silently changing a signed figure.
    """

    __tablename__ = "adjustments"

    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(20))  # create / update / delete
    field: Mapped[str] = mapped_column(String(40))  # the date field that fell in the period
    day: Mapped[date] = mapped_column()
    reason: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(60))


class Setting(Base):
    """Installation-wide settings (key → JSON value); unit settings live on Unit."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
