"""Submissions per period, for an aggregator (the province): which units sent their data for
a reporting period, when, signed with which key — and which units have not.

A `full` or `changes` package counts for the period it was made for (chosen when it was
exported, `manifest.period`); a package that names no period counts for the period its
creation date falls in. The units expected are those this installation knows: every
registered key (key cards, accepted package keys), every unit it holds records of, and
every unit that ever sent a package. Read-only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select

from desktop.db import Database
from desktop.handoff.manifest import VIETNAM
from desktop.handoff.package import display_fingerprint
from desktop.models import ImportedPackage, Unit, UnitKey
from desktop.rules.periods import Period
from desktop.services.access import Action, Actor, require
from desktop.services.errors import NotFound
from desktop.services.report_preview import resolve_period

SUBMISSION_KINDS = ("full", "changes")

# "verified": signed with the key registered now; "key_replaced": with a key the unit has
# since replaced (an administrator forgot the old one); "key_forgotten": the unit's key is
# no longer registered; "none": nothing received for the period.
SignatureState = Literal["verified", "key_replaced", "key_forgotten", "none"]


@dataclass(frozen=True)
class ReceivedPackage:
    """A package imported here, as the submissions table shows it."""

    package_id: str
    kind: str
    period: str | None
    created_at: datetime
    imported_at: datetime
    imported_by: str
    fingerprint_display: str
    encrypted: bool
    file_name: str


@dataclass(frozen=True)
class SubmissionRow:
    """One unit: its last package for the period, or that it is missing."""

    unit_code: str
    unit_name: str
    registered: bool
    registered_fingerprint_display: str | None
    package: ReceivedPackage | None
    packages_in_period: int
    signature: SignatureState

    @property
    def missing(self) -> bool:
        """No data received from this unit for the period."""
        return self.package is None


@dataclass(frozen=True)
class Submissions:
    """The period and one row per unit, the missing ones first."""

    period: Period
    rows: tuple[SubmissionRow, ...]

    @property
    def received(self) -> int:
        return sum(not r.missing for r in self.rows)

    @property
    def missing(self) -> int:
        return sum(r.missing for r in self.rows)


def in_period(package: ImportedPackage, period: Period) -> bool:
    """Whether a received package counts for `period` (see the module docstring)."""
    if package.period is not None:
        return package.period == period.code
    return period.contains(package.created_at.astimezone(VIETNAM).date())


def _received(row: ImportedPackage) -> ReceivedPackage:
    return ReceivedPackage(
        package_id=row.package_id, kind=row.kind, period=row.period,
        created_at=row.created_at, imported_at=row.imported_at, imported_by=row.imported_by,
        fingerprint_display=display_fingerprint(row.fingerprint), encrypted=row.encrypted,
        file_name=row.file_name)


def _signature(last: ImportedPackage | None, key: UnitKey | None) -> SignatureState:
    if last is None:
        return "none"
    if key is None:
        return "key_forgotten"
    return "verified" if key.fingerprint == last.fingerprint else "key_replaced"


def _row(code: str, name: str, key: UnitKey | None,
         packages: list[ImportedPackage]) -> SubmissionRow:
    last = max(packages, key=lambda p: p.created_at, default=None)
    return SubmissionRow(
        unit_code=code, unit_name=name, registered=key is not None,
        registered_fingerprint_display=None if key is None
        else display_fingerprint(key.fingerprint),
        package=None if last is None else _received(last), packages_in_period=len(packages),
        signature=_signature(last, key))


def _names(keys: Iterable[UnitKey], units: Iterable[Unit],
           packages: Iterable[ImportedPackage]) -> dict[str, str]:
    """Every expected unit's name: the registry's, else the unit's, else the package's."""
    names: dict[str, str] = {}
    for p in sorted(packages, key=lambda p: p.imported_at):
        names[p.unit_code] = p.unit_name or p.unit_code
    names.update({u.code: u.name for u in units})
    names.update({k.unit_code: k.unit_name or names.get(k.unit_code, k.unit_code)
                  for k in keys})
    return names


def submissions(db: Database, actor: Actor, period_code: str) -> Submissions:
    """Who sent data for `period_code` (in the home unit's period convention)."""
    require(actor, Action.READ)
    with db.reading() as session:
        home = session.scalar(select(Unit).where(Unit.code == actor.unit_code,
                                                 Unit.is_home.is_(True)))
        if home is None:
            raise NotFound(f"Không tìm thấy đơn vị {actor.unit_code} của tài khoản này.")
        period = resolve_period(period_code, home.period_convention, home.year_start_month)
        keys = {k.unit_code: k for k in session.scalars(
            select(UnitKey).where(UnitKey.status != "own"))}
        units = list(session.scalars(select(Unit).where(Unit.is_home.is_(False),
                                                        Unit.deleted_at.is_(None))))
        packages = list(session.scalars(select(ImportedPackage).where(
            ImportedPackage.kind.in_(SUBMISSION_KINDS))))
        names = _names(keys.values(), units, packages)
        names.pop(home.code, None)  # a copy of our own data is not a submission
        rows = [_row(code, name, keys.get(code),
                     [p for p in packages if p.unit_code == code and in_period(p, period)])
                for code, name in names.items()]
    rows.sort(key=lambda r: (not r.missing, r.unit_code))
    return Submissions(period, tuple(rows))
