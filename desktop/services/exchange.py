"""USB handoff use cases (HANDOFF.md): export a package, open and import one, transfer a
person, write a receipt. Each needs the EXCHANGE permission.

Exports write the file before their transaction commits: if recording the package fails,
the file is merely unrecorded (the next `changes` package sends its records again); the
opposite order could record a package that never reached the disk and silently leave its
records out of the next one.

Imports open and verify the file in a read-only snapshot (rules 1–4), preview it
(rule 5), and apply it — accepting a new signing key in the same transaction, when a
person confirmed it — so that a refused or failed import leaves the database untouched.
The conflict log's use cases (`list_conflicts`, `resolve_conflict`) are re-exported here
so that views import use cases from `desktop.services` only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.files import write_atomically
from desktop.handoff import merge, receipts
from desktop.handoff.conflicts import ConflictView, list_conflicts, resolve_conflict
from desktop.handoff.package import (
    ManifestFields,
    OpenedPackage,
    RecipientRef,
    UnitRef,
    accept_key,
    build_package,
    ensure_own_keys,
    open_package,
    own_keys,
    package_file_name,
    registered_key,
)
from desktop.handoff.preview import ImportPreview, ImportResult, already_message
from desktop.handoff.records import Line, Versions, export_tables, person_file
from desktop.models import Person, SentPackage, Unit
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.records import get_owned

DRY_RUN_MESSAGE = "Chạy thử: chưa ghi gì vào cơ sở dữ liệu."

__all__ = [
    "ConflictView", "ExportResult", "ImportPreview", "ImportResult", "OpenedImport",
    "UnknownSigningKey", "export_package", "export_transfer", "import_opened",
    "import_package", "list_conflicts", "open_for_import", "resolve_conflict",
    "write_receipt",
]


class UnknownSigningKey(ServiceError):
    """The sending unit's key is not registered: a person must confirm its fingerprint."""

    def __init__(self, preview: ImportPreview, fingerprint_display: str) -> None:
        super().__init__(
            f"Khóa ký của đơn vị {preview.unit_code} ({preview.unit_name}) chưa được đăng ký "
            f"ở máy này. Vân tay: {fingerprint_display}. Hãy gọi điện đối chiếu vân tay với "
            "đơn vị gửi rồi xác nhận khóa khi nhập; chưa có gì được ghi."
        )
        self.preview = preview
        self.fingerprint_display = fingerprint_display


@dataclass(frozen=True)
class Protection:
    """How a package is locked: age recipients, a passphrase, or (tests only) nothing."""

    encrypt_to: list[str] | None = None
    passphrase: str | None = None
    plain: bool = False


@dataclass(frozen=True)
class ExportResult:
    """A written package: where it is and what it carries (lines per table)."""

    path: Path
    package_id: str
    kind: str
    recipient_code: str | None
    since_package_id: str | None
    counts: dict[str, int]
    encrypted: bool


@dataclass(frozen=True)
class OpenedImport:
    """A verified package and its preview; pass it to `import_opened` after confirmation."""

    opened: OpenedPackage
    preview: ImportPreview


def _home(session: Session, actor: Actor) -> Unit:
    unit = session.scalar(select(Unit).where(Unit.code == actor.unit_code,
                                             Unit.is_home.is_(True)))
    if unit is None:
        raise ServiceError(f"Đơn vị {actor.unit_code} của tài khoản không phải đơn vị của máy "
                           "này; không xuất/nhập được gói.")
    return unit


def _protection(session: Session, to_unit: str | None, passphrase: str | None,
                recipient_key: str | None, plain: bool) -> Protection:
    chosen = sum([passphrase is not None, recipient_key is not None, plain])
    if chosen > 1:
        raise ValidationError("protection", "Chỉ chọn một cách bảo vệ gói: mật khẩu, khóa "
                                            "của đơn vị nhận, hoặc không mã hóa.")
    if recipient_key is not None:
        return Protection(encrypt_to=[recipient_key.strip()])
    if passphrase is not None:
        return Protection(passphrase=passphrase)
    if plain:
        return Protection(plain=True)
    known = registered_key(session, to_unit) if to_unit else None
    if known is not None and known.age_recipient:
        return Protection(encrypt_to=[known.age_recipient])
    raise ValidationError("protection", "Gói phải được mã hóa: hãy cho mật khẩu của gói "
                                        "hoặc khóa nhận gói (age1…) của đơn vị nhận.")


def _recipient(session: Session, code: str | None) -> RecipientRef | None:
    if code is None:
        return None
    name = session.scalar(select(Unit.name).where(Unit.code == code))
    key = registered_key(session, code)
    return RecipientRef(code=code, name=name or (key.unit_name if key else "") or code)


def _last_sent(session: Session, to_unit: str | None) -> SentPackage | None:
    stmt = select(SentPackage).where(SentPackage.kind.in_(("full", "changes")))
    stmt = stmt.where(SentPackage.recipient_code == to_unit if to_unit is not None
                      else SentPackage.recipient_code.is_(None))
    return session.scalar(stmt.order_by(SentPackage.created_at.desc()).limit(1))


def _report_files(paths: Sequence[Path]) -> dict[str, bytes]:
    return {Path(p).name: Path(p).read_bytes() for p in paths}


def _drop_older_maps(session: Session, recipient: str | None) -> None:
    # Every package's map covers all the unit's records, and only the newest one per
    # recipient is ever read (`changes`, conflict checks): older maps would only grow
    # the database by megabytes a year, so they are emptied; the rows stay as history.
    stmt = update(SentPackage).where(SentPackage.kind.in_(("full", "changes")),
                                     SentPackage.versions_json != "{}")
    stmt = stmt.where(SentPackage.recipient_code == recipient if recipient is not None
                      else SentPackage.recipient_code.is_(None))
    session.execute(stmt.values(versions_json="{}").execution_options(
        synchronize_session=False))


@dataclass(frozen=True)
class _Outgoing:
    fields: ManifestFields
    tables: dict[str, list[Line]]
    versions: Versions
    reports: dict[str, bytes]
    protection: Protection


def _write_package(session: Session, actor: Actor, unit: Unit, out: _Outgoing,
                   out_dir: Path, file_name: str | None) -> ExportResult:
    """Sign, encrypt and write the package; record it as sent and audit it."""
    keys = own_keys(session, unit.code)
    try:
        data = build_package(out.fields, out.tables, out.reports, keys.signing_key,
                             encrypt_to=out.protection.encrypt_to,
                             passphrase=out.protection.passphrase, plain=out.protection.plain)
    except ValueError as exc:  # a report name the format does not allow, an empty list…
        raise ValidationError("package", f"Không lập được gói: {exc}.") from exc
    f = out.fields
    path = Path(out_dir) / (file_name or package_file_name(unit.code, f.kind, f.created_at))
    write_atomically(path, data)
    recipient = f.recipient.code if f.recipient else None
    if f.kind in ("full", "changes"):
        _drop_older_maps(session, recipient)
    session.add(SentPackage(
        package_id=f.package_id, kind=f.kind, unit_code=unit.code, recipient_code=recipient,
        created_at=f.created_at, created_by=actor.username, file_name=path.name[:200],
        versions_json=json.dumps(out.versions, sort_keys=True),
    ))
    session.flush()
    counts = {table: len(lines) for table, lines in out.tables.items()}
    write_audit(session, actor, "export", "sent_packages", f.package_id,
                {"kind": (None, f.kind), "recipient": (None, recipient),
                 "file_name": (None, path.name), "counts": (None, counts)})
    return ExportResult(path, f.package_id, f.kind, recipient, f.since_package_id, counts,
                        not out.protection.plain)


def export_package(db: Database, actor: Actor, out_dir: Path, kind: str = "full",
                   to_unit: str | None = None, *, passphrase: str | None = None,
                   recipient_key: str | None = None, plain: bool = False,
                   reports: Sequence[Path] = (), period: str | None = None,
                   file_name: str | None = None) -> ExportResult:
    """Write a `full` or `changes` package of the home unit into `out_dir`.

    `changes` carries the records whose version is higher than in the last package sent
    to `to_unit` (all records when there was none). Without a passphrase, recipient key or
    `plain`, the recipient's registered age key is used when known.
    """
    require(actor, Action.EXCHANGE)
    if kind not in ("full", "changes"):
        raise ValidationError("kind", "Loại gói phải là “full” (đầy đủ) hoặc “changes” "
                                      "(thay đổi).")
    report_bytes = _report_files(reports)
    with db.transaction() as session:
        unit = _home(session, actor)
        protection = _protection(session, to_unit, passphrase, recipient_key, plain)
        ensure_own_keys(session, actor, unit.code, unit.name)
        last = _last_sent(session, to_unit) if kind == "changes" else None
        since = json.loads(last.versions_json) if last is not None else None
        tables, versions = export_tables(session, unit.code, kind, since)
        fields = ManifestFields(
            kind="full" if kind == "full" else "changes",
            unit=UnitRef(unit.code, unit.name, unit.province), created_by=actor.username,
            recipient=_recipient(session, to_unit), period=period,
            since_package_id=last.package_id if last is not None else None)
        out = _Outgoing(fields, tables, versions, report_bytes, protection)
        return _write_package(session, actor, unit, out, out_dir, file_name)


def export_transfer(db: Database, actor: Actor, person_id: str, to_unit: str, out_dir: Path,
                    *, passphrase: str | None = None, recipient_key: str | None = None,
                    plain: bool = False, file_name: str | None = None) -> ExportResult:
    """Write one person's whole case file for the commune they moved to.

    Only after management ended with the reason "moved" (the sending commune's own step).
    """
    require(actor, Action.EXCHANGE)
    with db.transaction() as session:
        unit = _home(session, actor)
        person = get_owned(session, Person, person_id, actor)
        if person.status != "ended" or person.end_reason != "moved":
            raise ServiceError(f"Chỉ chuyển được hồ sơ của {person.full_name} sau khi đã kết "
                               "thúc quản lý với lý do “chuyển nơi cư trú”.")
        if to_unit == unit.code:
            raise ValidationError("to_unit", "Đơn vị nhận phải khác đơn vị của máy này.")
        protection = _protection(session, to_unit, passphrase, recipient_key, plain)
        ensure_own_keys(session, actor, unit.code, unit.name)
        tables = person_file(session, person_id)
        versions = {t: {str(line["id"]): int(str(line["version"])) for line in lines}
                    for t, lines in tables.items()}
        fields = ManifestFields(kind="transfer", unit=UnitRef(unit.code, unit.name,
                                                              unit.province),
                                created_by=actor.username, recipient=_recipient(session, to_unit))
        out = _Outgoing(fields, tables, versions, {}, protection)
        return _write_package(session, actor, unit, out, out_dir, file_name)


def write_receipt(db: Database, actor: Actor, package_ids: Sequence[str], out_dir: Path, *,
                  passphrase: str | None = None, recipient_key: str | None = None,
                  plain: bool = False, file_name: str | None = None) -> ExportResult:
    """Rule 8: a signed `receipt` package confirming packages imported from one unit.

    It holds no personal data (package ids, counts, times); it is encrypted to the
    sender's registered age key when known.
    """
    require(actor, Action.EXCHANGE)
    with db.transaction() as session:
        unit = _home(session, actor)
        sender, lines = receipts.receipt_lines(session, unit.code, package_ids)
        protection = _protection(session, sender, passphrase, recipient_key, plain)
        ensure_own_keys(session, actor, unit.code, unit.name)
        fields = ManifestFields(kind="receipt", unit=UnitRef(unit.code, unit.name,
                                                             unit.province),
                                created_by=actor.username, recipient=_recipient(session, sender))
        out = _Outgoing(fields, {receipts.TABLE: lines}, {}, {}, protection)
        return _write_package(session, actor, unit, out, out_dir, file_name)


def _identities(session: Session, unit_code: str) -> list[str]:
    info = registered_key(session, unit_code)
    if info is None or info.status != "own":
        return []  # no keys yet: only passphrase packages can be opened
    return [own_keys(session, unit_code).age_identity]


def open_for_import(db: Database, actor: Actor, data: bytes,
                    passphrase: str | None = None) -> OpenedImport:
    """Decrypt and verify a package (rules 1–4) and preview it (rule 5); writes nothing.

    A new signing key shows as `preview.key_status == "new"`: the caller shows
    `opened.fingerprint_display` and imports only if a person confirms it.
    """
    require(actor, Action.EXCHANGE)
    with db.reading() as session:
        opened = open_package(data, passphrase=passphrase,
                              identities=_identities(session, actor.unit_code),
                              registry=lambda code: registered_key(session, code))
        preview = merge.preview_import(session, opened, actor.unit_code)
    return OpenedImport(opened, preview)


def import_opened(db: Database, actor: Actor, item: OpenedImport, file_name: str, *,
                  accept_new_key: bool = False) -> ImportResult:
    """Apply a previewed package in one transaction (accepting its key first, if confirmed)."""
    require(actor, Action.EXCHANGE)
    if item.preview.already_imported_at is not None:
        return ImportResult(item.preview, False, already_message(item.preview.already_imported_at))
    if item.opened.key_status == "new" and not accept_new_key:
        raise UnknownSigningKey(item.preview, item.opened.fingerprint_display)
    with db.transaction() as session:
        if item.opened.key_status == "new":
            m = item.opened.manifest
            accept_key(session, actor, m.unit.code, m.unit.name, m.signing_key.public_key)
        return merge.apply_in_session(session, actor, item.opened, file_name)


def import_package(db: Database, actor: Actor, path: Path, passphrase: str | None = None,
                   accept_new_key: bool = False, dry_run: bool = False) -> ImportResult:
    """Open, preview and (unless `dry_run`) apply the package file at `path`."""
    item = open_for_import(db, actor, Path(path).read_bytes(), passphrase)
    if dry_run and item.preview.already_imported_at is None:
        return ImportResult(item.preview, False, DRY_RUN_MESSAGE)
    return import_opened(db, actor, item, Path(path).name, accept_new_key=accept_new_key)
