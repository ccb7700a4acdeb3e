"""USB handoff bookkeeping (HANDOFF.md): unit keys, packages sent and imported, conflicts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, new_id

KEY_STATUSES = ("own", "accepted")


class UnitKey(Base):
    """A unit's package keys: Ed25519 to sign, X25519 (age) to receive encrypted packages.

    The home unit's row (status "own") also holds the private halves; other units' rows
    hold only public keys, accepted once by a person (HANDOFF.md §4 rule 2).
    """

    __tablename__ = "unit_keys"

    unit_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20))
    signing_public_key: Mapped[str] = mapped_column(String(100))  # base64, 32 raw bytes
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)  # hex SHA-256 of it
    signing_private_key: Mapped[str | None] = mapped_column(String(100), default=None)
    age_recipient: Mapped[str | None] = mapped_column(String(100), default=None)
    age_identity: Mapped[str | None] = mapped_column(String(100), default=None)
    accepted_at: Mapped[datetime] = mapped_column()
    accepted_by: Mapped[str] = mapped_column(String(60))


class SentPackage(Base):
    """A package this installation wrote, with the record versions it carried.

    `changes` packages to the same recipient carry what changed since the last one.
    """

    __tablename__ = "sent_packages"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str] = mapped_column(String(20), index=True)
    recipient_code: Mapped[str | None] = mapped_column(String(20), index=True, default=None)
    created_at: Mapped[datetime] = mapped_column()
    created_by: Mapped[str] = mapped_column(String(60))
    file_name: Mapped[str] = mapped_column(String(200))
    versions_json: Mapped[str] = mapped_column(Text, default="{}")  # {table: {id: version}}
    receipt_at: Mapped[datetime | None] = mapped_column(default=None)


class ImportedPackage(Base):
    """A package applied here; importing the same package_id again changes nothing."""

    __tablename__ = "imported_packages"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str] = mapped_column(String(20), index=True)
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    period: Mapped[str | None] = mapped_column(String(30), default=None)
    created_at: Mapped[datetime] = mapped_column()
    imported_at: Mapped[datetime] = mapped_column()
    imported_by: Mapped[str] = mapped_column(String(60))
    fingerprint: Mapped[str] = mapped_column(String(64))
    encrypted: Mapped[bool] = mapped_column(Boolean, default=True)
    counts_json: Mapped[str] = mapped_column(Text, default="{}")  # {table: {new, changed, …}}
    file_name: Mapped[str] = mapped_column(String(200), default="")


class Conflict(Base):
    """Two versions of one record that could not both win; both are kept until resolved."""

    __tablename__ = "conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    unit_code: Mapped[str] = mapped_column(String(20), index=True)
    package_id: Mapped[str] = mapped_column(String(36))
    local_json: Mapped[str] = mapped_column(Text)
    incoming_json: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(200))
    detected_at: Mapped[datetime] = mapped_column()
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[str | None] = mapped_column(String(60), default=None)
    resolution: Mapped[str | None] = mapped_column(String(20), default=None)  # local|incoming
    local_version: Mapped[int] = mapped_column(Integer, default=0)
    incoming_version: Mapped[int] = mapped_column(Integer, default=0)
