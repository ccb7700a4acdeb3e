"""The unit's signing certificate and the registry of known signers (REPORTS §5).

Both live in the `settings` table as JSON values — no table of their own:
- "unit_certificate_p12": the unit's self-signed certificate and key as base64 PKCS#12,
  encrypted with a password the leader chooses (the database never holds it in clear);
- "known_signers": base64 DER certificates whose signatures the office recognises.
Signing and registering need SIGN_REPORTS (leaders and administrators); reading the
registry does not, since verifying a received report is something anyone may do.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.models import Setting, Unit
from desktop.reports.certificates import (
    CertificateInfo,
    certificate_der,
    certificate_info,
    create_unit_certificate,
    read_pkcs12,
)
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import ServiceError
from desktop.services.users import check_password

if TYPE_CHECKING:  # pyHanko loads when a report is signed, not when the app starts
    from desktop.reports.signing import ReportSigner

UNIT_CERTIFICATE_KEY = "unit_certificate_p12"
KNOWN_SIGNERS_KEY = "known_signers"

__all__ = [
    "KNOWN_SIGNERS_KEY", "UNIT_CERTIFICATE_KEY", "CertificateInfo", "ensure_unit_certificate",
    "import_certificate", "known_signers", "unit_signer",
]


def _load_json(session: Session, key: str) -> object | None:
    raw = session.scalar(select(Setting.value).where(Setting.key == key))
    if raw is None:
        return None
    try:
        value: object = json.loads(raw)
    except ValueError as exc:
        # Never silently replace a damaged unit certificate: reports signed with it exist.
        raise ServiceError(f"Dữ liệu chữ ký số “{key}” trong cơ sở dữ liệu bị hỏng; "
                           "hãy khôi phục từ bản sao lưu.") from exc
    return value


def _put(session: Session, key: str, value: object) -> None:
    encoded = json.dumps(value)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded


def _stored_p12(session: Session) -> bytes | None:
    value = _load_json(session, UNIT_CERTIFICATE_KEY)
    if value is None:
        return None
    try:
        return base64.b64decode(str(value), validate=True)
    except binascii.Error as exc:
        raise ServiceError("Chứng thư số của đơn vị lưu trong cơ sở dữ liệu bị hỏng; "
                           "hãy khôi phục từ bản sao lưu.") from exc


def _registry(session: Session) -> list[bytes]:
    value = _load_json(session, KNOWN_SIGNERS_KEY)
    if not isinstance(value, list):
        return []
    return [base64.b64decode(item) for item in value if isinstance(item, str)]


def _register(session: Session, actor: Actor, der: bytes, how: str) -> CertificateInfo:
    """Add a certificate to the registry (once) and audit it; return what it says."""
    info = certificate_info(der)
    registry = _registry(session)
    if any(certificate_info(d).fingerprint == info.fingerprint for d in registry):
        return info
    _put(session, KNOWN_SIGNERS_KEY,
         [base64.b64encode(d).decode("ascii") for d in [*registry, der]])
    write_audit(session, actor, how, "signer_certificate", info.fingerprint, {
        "common_name": (None, info.common_name), "organisation": (None, info.organisation),
        "not_after": (None, info.not_after),
    })
    return info


def _home_unit(session: Session) -> Unit:
    unit = session.scalar(select(Unit).where(Unit.is_home.is_(True),
                                             Unit.deleted_at.is_(None)))
    if unit is None:
        raise ServiceError("Chưa khởi tạo đơn vị nên chưa tạo được chứng thư số.")
    return unit


def ensure_unit_certificate(db: Database, actor: Actor, password: str) -> CertificateInfo:
    """The unit's certificate, created on first use and registered as a known signer.

    Later calls check `password` against the stored certificate (SigningError if wrong),
    so the same call serves "create" on first run and "unlock" afterwards.
    """
    require(actor, Action.SIGN_REPORTS)
    with db.reading() as session:
        stored = _stored_p12(session)
        unit = _home_unit(session)
        names = (unit.name, unit.province)
    if stored is not None:
        return certificate_info(read_pkcs12(stored, password).certificate)
    check_password("password", password)
    # Key generation takes a moment; do it before the write transaction, not inside it.
    p12 = create_unit_certificate(names[0], names[0], names[1], password)
    with db.transaction() as session:
        existing = _stored_p12(session)
        if existing is not None:  # created meanwhile by another window: keep that one
            return certificate_info(read_pkcs12(existing, password).certificate)
        _put(session, UNIT_CERTIFICATE_KEY, base64.b64encode(p12).decode("ascii"))
        der = certificate_der(read_pkcs12(p12, password).certificate)
        return _register(session, actor, der, "create")


def unit_signer(db: Database, actor: Actor, password: str) -> ReportSigner:
    """A signer with the unit's certificate, for sign_pdf (SigningError on a wrong password)."""
    require(actor, Action.SIGN_REPORTS)
    with db.reading() as session:
        stored = _stored_p12(session)
    if stored is None:
        raise ServiceError("Đơn vị chưa có chứng thư số; hãy tạo chứng thư số trước khi ký.")
    from desktop.reports.signing import load_p12_signer

    return load_p12_signer(stored, password)


def import_certificate(db: Database, actor: Actor, p12_bytes: bytes,
                       password: str) -> CertificateInfo:
    """Register an officer's .p12/.pfx as a known signer, after checking its password.

    Only the certificate is kept; the private key stays in the officer's own file.
    """
    require(actor, Action.SIGN_REPORTS)
    material = read_pkcs12(p12_bytes, password)
    with db.transaction() as session:
        return _register(session, actor, certificate_der(material.certificate), "import")


def known_signers(db: Database) -> list[CertificateInfo]:
    """Every registered signer, by name: whose signatures this office recognises."""
    with db.reading() as session:
        registry = _registry(session)
    return sorted((certificate_info(der) for der in registry),
                  key=lambda info: (info.common_name, info.fingerprint))
