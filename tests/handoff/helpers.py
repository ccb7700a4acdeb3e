"""Helpers of the handoff tests: offices, table digests, hand-made packages."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from desktop.db import Database, open_database
from desktop.handoff.container import OpenedPackage
from desktop.handoff.manifest import (
    FORMAT,
    FORMAT_VERSION,
    Kind,
    Manifest,
    RecipientRef,
    SigningKeyRef,
    UnitRef,
)
from desktop.handoff.records import TABLES, Line
from desktop.models import Conflict, Person, Unit
from desktop.reports.figures import compute_figures
from desktop.rules.periods import Convention, parse_period
from desktop.services import exchange, units
from desktop.services.access import Actor
from desktop.services.exchange import ExportResult

PASSWORD = "mat-khau-rat-dai-2026"


@dataclass
class Office:
    """One installation: its database and the officer who works there."""

    db: Database
    code: str
    actor: Actor

    @classmethod
    def open(cls, path: Path, code: str, role: str = "admin") -> Office:
        return cls(open_database(path), code, Actor("canbo", "Cán bộ", role, code))

    def export(self, outbox: Path, kind: str = "full", to: str | None = None) -> ExportResult:
        return exchange.export_package(self.db, self.actor, outbox, kind, to, plain=True)

    def take(self, package: ExportResult | Path) -> exchange.ImportResult:
        path = package.path if isinstance(package, ExportResult) else package
        return exchange.import_package(self.db, self.actor, path, accept_new_key=True)


def province_office(path: Path, code: str = "T01") -> Office:
    db = open_database(path)
    actor = units.initialize(db, unit_code=code, unit_name="Công an tỉnh Thái Nguyên",
                             province="Tỉnh Thái Nguyên", admin_username="admin",
                             admin_full_name="Quản trị tỉnh", admin_password=PASSWORD)
    return Office(db, code, actor)


def figures_of(db: Database, unit_code: str, period_code: str) -> dict[str, Any]:
    """The unit's figures over a period, with the unit's own period convention."""
    with db.reading() as s:
        unit = s.scalar(select(Unit).where(Unit.code == unit_code))
        assert unit is not None
        period = parse_period(period_code, Convention(unit.period_convention),
                              unit.year_start_month)
        return dict(compute_figures(s, period, unit_code).values)


def digest(db: Database) -> str:
    """SHA-256 over every row of every table (and bookkeeping): any write changes it."""
    h = hashlib.sha256()
    names = [*TABLES, "conflicts", "imported_packages", "sent_packages", "unit_keys"]
    with db.engine.connect() as conn:
        for name in names:
            for row in conn.execute(text(f"SELECT * FROM {name} ORDER BY 1")):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def count(db: Database, model: Any, *where: Any) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def conflicts(db: Database) -> list[Conflict]:
    with db.reading() as s:
        return list(s.scalars(select(Conflict).order_by(Conflict.detected_at)))


def person(db: Database, person_id: str) -> Person:
    with db.reading() as s:
        row = s.get(Person, person_id)
        assert row is not None
        return row


def opened(tables: dict[str, list[Line]], unit_code: str, *, kind: Kind = "full",
           recipient: str | None = None, package_id: str = "0d1c8a4e-3d0e-4f5a-9b3c-2e1f0a9b8c7d",
           created_at: datetime | None = None) -> OpenedPackage:
    """A package as `open_package` would hand it over (for rule tests without crypto)."""
    manifest = Manifest(
        format=FORMAT, format_version=FORMAT_VERSION, schema_version="0003",
        package_id=package_id, kind=kind, unit=UnitRef(unit_code, f"Đơn vị {unit_code}", "T"),
        recipient=None if recipient is None else RecipientRef(recipient, "Nhận"),
        created_at=created_at or datetime.now(UTC), created_by="test", app_version="0",
        since_package_id=None, period=None, files=(),
        signing_key=SigningKeyRef("ed25519", "AAAA", "0" * 64),
    )
    return OpenedPackage(manifest=manifest, tables=tables, reports={}, encrypted=True,
                         key_status="known", fingerprint="0" * 64)


def line(values: dict[str, Any]) -> Line:
    """A JSON round trip of a line, as it arrives from a file."""
    return dict(json.loads(json.dumps(values, default=_iso)))


def _iso(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(type(value))
