"""What the data exchange screens need besides packages: this unit's keys, the registry of
other units' keys, the people whose case file may be transferred, whether a package file
asks for a passphrase, and saving the reports that travelled with a package.

Reads use `db.reading()`; the only database write is `create_home_keys` (the unit's keys
are made on first use — a person may ask for them before the first package, to hand on
the fingerprint). Nothing here returns a private key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.files import write_atomically
from desktop.handoff import crypto
from desktop.handoff.package import UnitKeyInfo, ensure_own_keys, registered_key
from desktop.models import ImportedPackage, Person, SentPackage, Unit, UnitKey
from desktop.services.access import Action, Actor, require
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.exchange import OpenedImport

__all__ = [
    "WRONG_PASSPHRASE",
    "MovedPerson",
    "RegistryEntry",
    "SentPackageRow",
    "UnitKeyInfo",
    "create_home_keys",
    "home_keys",
    "home_unit_of",
    "list_registry",
    "moved_people",
    "needs_passphrase",
    "save_package_reports",
    "sent_packages",
]

# The rejection `open_for_import` raises for a wrong passphrase: the screen asks again.
WRONG_PASSPHRASE = crypto.WRONG_KEY


@dataclass(frozen=True)
class RegistryEntry:
    """One unit whose package key this installation holds (its own, or accepted)."""

    unit_code: str
    unit_name: str
    own: bool
    fingerprint: str
    fingerprint_display: str
    age_recipient: str | None
    accepted_at: datetime
    accepted_by: str
    packages_received: int
    last_received_at: datetime | None


def home_keys(db: Database, actor: Actor) -> UnitKeyInfo | None:
    """The home unit's public key facts, or None before its keys were first made."""
    require(actor, Action.READ)
    with db.reading() as session:
        info = registered_key(session, actor.unit_code)
    return info if info is not None and info.status == "own" else None


def create_home_keys(db: Database, actor: Actor) -> UnitKeyInfo:
    """Make the home unit's signing and receiving keys now (audited; harmless if they exist)."""
    require(actor, Action.EXCHANGE)
    with db.transaction() as session:
        unit = home_unit_of(session, actor)
        return ensure_own_keys(session, actor, unit.code, unit.name)


def home_unit_of(session: Session, actor: Actor) -> Unit:
    """The home unit the actor works for; ServiceError when this is not its installation."""
    unit = session.scalar(select(Unit).where(Unit.code == actor.unit_code,
                                             Unit.is_home.is_(True)))
    if unit is None:
        raise ServiceError(f"Đơn vị {actor.unit_code} của tài khoản không phải đơn vị của "
                           "máy này; không dùng được khóa của đơn vị.")
    return unit


def list_registry(db: Database, actor: Actor) -> list[RegistryEntry]:
    """Every registered key, this unit's first, then by unit code; with what it sent."""
    require(actor, Action.READ)
    with db.reading() as session:
        rows = list(session.scalars(select(UnitKey)))
        received = {code: (count, last) for code, count, last in session.execute(
            select(ImportedPackage.unit_code, func.count(), func.max(ImportedPackage.imported_at))
            .group_by(ImportedPackage.unit_code))}
        entries = []
        for row in rows:
            info = registered_key(session, row.unit_code)
            assert info is not None
            count, last = received.get(row.unit_code, (0, None))
            entries.append(RegistryEntry(
                unit_code=row.unit_code, unit_name=row.unit_name, own=row.status == "own",
                fingerprint=row.fingerprint, fingerprint_display=info.fingerprint_display,
                age_recipient=row.age_recipient, accepted_at=row.accepted_at,
                accepted_by=row.accepted_by, packages_received=int(count),
                last_received_at=last))
    return sorted(entries, key=lambda e: (not e.own, e.unit_code))


@dataclass(frozen=True)
class SentPackageRow:
    """A package this installation wrote, and whether the recipient's receipt came back."""

    package_id: str
    kind: str
    recipient_code: str | None
    recipient_name: str
    created_at: datetime
    created_by: str
    file_name: str
    receipt_at: datetime | None


def sent_packages(db: Database, actor: Actor, limit: int = 200) -> list[SentPackageRow]:
    """The unit's packages, newest first, with the day each receipt was imported (None
    while the recipient has not confirmed it)."""
    require(actor, Action.READ)
    with db.reading() as session:
        names = dict(session.execute(select(UnitKey.unit_code, UnitKey.unit_name)).all())
        names.update(session.execute(select(Unit.code, Unit.name)).all())
        rows = session.scalars(
            select(SentPackage).where(SentPackage.unit_code == actor.unit_code,
                                      SentPackage.kind != "receipt")
            .order_by(SentPackage.created_at.desc()).limit(limit))
        return [SentPackageRow(
            package_id=r.package_id, kind=r.kind, recipient_code=r.recipient_code,
            recipient_name=names.get(r.recipient_code, "") if r.recipient_code else "",
            created_at=r.created_at, created_by=r.created_by, file_name=r.file_name,
            receipt_at=r.receipt_at) for r in rows]


def needs_passphrase(data: bytes) -> bool:
    """Whether a package file is locked with a passphrase (ask before opening it)."""
    if not crypto.is_age(data):
        return False
    try:
        return crypto.stanza_kind(data) == "scrypt"
    except ServiceError:  # damaged: opening it will say so
        return False


def save_package_reports(item: OpenedImport, folder: Path) -> list[Path]:
    """Write the reports that travelled with a package (signed PDFs, XLSX) into `folder`.

    Their names were checked when the package was opened (letters, digits, . _ -), so
    they cannot leave the folder; an existing file of the same name is not overwritten.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError("folder", f"Không có thư mục {folder}.")
    written = []
    for name, data in sorted(item.opened.reports.items()):
        target = _free_name(folder / name, item.preview.unit_code)
        write_atomically(target, data)
        written.append(target)
    return written


def _free_name(wanted: Path, unit_code: str) -> Path:
    """`wanted`, or `<stem>-<unit>[-n]<suffix>` when a file of that name is there already."""
    candidate, n = wanted, 1
    while candidate.exists():
        tail = unit_code if n == 1 else f"{unit_code}-{n}"
        candidate = wanted.with_name(f"{wanted.stem}-{tail}{wanted.suffix}")
        n += 1
    return candidate



@dataclass(frozen=True)
class MovedPerson:
    """A person whose management ended because they moved: their case file can travel."""

    id: str
    full_name: str
    ended_on: date | None


def moved_people(db: Database, actor: Actor) -> list[MovedPerson]:
    """The home unit's people who moved away, most recent first (for a transfer package)."""
    require(actor, Action.READ)
    with db.reading() as session:
        rows = session.execute(
            select(Person.id, Person.full_name, Person.ended_on)
            .where(Person.unit_code == actor.unit_code, Person.status == "ended",
                   Person.end_reason == "moved", Person.deleted_at.is_(None))
            .order_by(Person.ended_on.desc(), Person.name_folded)).all()
    return [MovedPerson(r.id, r.full_name, r.ended_on) for r in rows]
