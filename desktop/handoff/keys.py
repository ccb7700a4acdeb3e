"""Package keys: this unit's own keys and the other units' keys a person has accepted.

Each unit has two key pairs, kept in `unit_keys`:
- Ed25519, to sign the manifest of every package it writes (HANDOFF.md §2);
- an age X25519 identity, so that other offices can encrypt packages to it (§1).

A unit's public signing key is trusted only after a person confirms its fingerprint,
read aloud over the phone (§4 rule 2); a different key for a known unit is never
accepted silently. Every key created or accepted is written to the audit trail.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.handoff import crypto
from desktop.models import UnitKey, utcnow
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import ServiceError, ValidationError

OWN = "own"
ACCEPTED = "accepted"

__all__ = [
    "OwnKeys", "UnitKeyInfo", "accept_key", "ensure_own_keys", "fingerprint",
    "forget_key", "own_keys", "public_key_raw", "registered_key",
]


def fingerprint(public_key_raw: bytes) -> str:
    """Hex SHA-256 of the raw 32-byte Ed25519 public key (HANDOFF.md §2 `fingerprint`)."""
    return hashlib.sha256(public_key_raw).hexdigest()


def display_fingerprint(hex_fingerprint: str) -> str:
    """The fingerprint in blocks of four, so two people can compare it over the phone."""
    upper = hex_fingerprint.upper()
    return " ".join(upper[i:i + 4] for i in range(0, len(upper), 4))


def public_key_raw(public_key_b64: str) -> bytes:
    """The raw 32 bytes of a base64 Ed25519 public key; ValueError if it is not one."""
    try:
        raw = base64.b64decode(public_key_b64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64") from exc
    if len(raw) != 32:
        raise ValueError("not 32 bytes")
    Ed25519PublicKey.from_public_bytes(raw)  # raises ValueError on a malformed key
    return raw


@dataclass(frozen=True)
class UnitKeyInfo:
    """What the GUI and the import pipeline may know about a unit's key (no secrets)."""

    unit_code: str
    unit_name: str
    status: str  # "own" | "accepted"
    fingerprint: str
    age_recipient: str | None
    accepted_at: datetime
    accepted_by: str

    @property
    def fingerprint_display(self) -> str:
        """The fingerprint grouped in blocks of four hex digits, for reading aloud."""
        return display_fingerprint(self.fingerprint)


@dataclass(frozen=True)
class OwnKeys:
    """The home unit's private keys, needed to write (sign) and read (decrypt) packages."""

    unit_code: str
    signing_key: Ed25519PrivateKey
    public_key_b64: str
    fingerprint: str
    age_identity: str
    age_recipient: str


def _info(row: UnitKey) -> UnitKeyInfo:
    return UnitKeyInfo(
        unit_code=row.unit_code, unit_name=row.unit_name, status=row.status,
        fingerprint=row.fingerprint, age_recipient=row.age_recipient,
        accepted_at=row.accepted_at, accepted_by=row.accepted_by,
    )


def registered_key(session: Session, unit_code: str) -> UnitKeyInfo | None:
    """The key registered for `unit_code` (own or accepted), or None when unknown."""
    row = session.get(UnitKey, unit_code)
    return None if row is None else _info(row)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def ensure_own_keys(session: Session, actor: Actor, unit_code: str,
                    unit_name: str) -> UnitKeyInfo:
    """This installation's keys for `unit_code`, made (and audited) on first use."""
    require(actor, Action.EXCHANGE)
    row = session.get(UnitKey, unit_code)
    if row is not None and row.status == OWN:
        return _info(row)
    if row is not None:
        raise ServiceError(
            f"Đơn vị {unit_code} đã được đăng ký là đơn vị khác (khóa đã chấp nhận); "
            "không thể tạo khóa riêng với cùng mã đơn vị."
        )
    other = session.scalar(select(UnitKey.unit_code).where(UnitKey.status == OWN))
    if other is not None:
        raise ServiceError(f"Máy này đã có khóa của đơn vị {other}; mỗi máy chỉ giữ khóa "
                           "của một đơn vị.")
    signing = Ed25519PrivateKey.generate()
    public = signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    identity, recipient = crypto.new_age_identity()
    row = UnitKey(
        unit_code=unit_code, unit_name=unit_name, status=OWN,
        signing_public_key=_b64(public), fingerprint=fingerprint(public),
        signing_private_key=_b64(signing.private_bytes_raw()),
        age_recipient=recipient, age_identity=identity,
        accepted_at=utcnow(), accepted_by=actor.username,
    )
    session.add(row)
    session.flush()
    write_audit(session, actor, "key_created", "unit_keys", unit_code,
                {"fingerprint": (None, row.fingerprint), "age_recipient": (None, recipient)})
    return _info(row)


def own_keys(session: Session, unit_code: str) -> OwnKeys:
    """The private halves of this unit's keys; ServiceError if they were never made."""
    row = session.get(UnitKey, unit_code)
    if row is None or row.status != OWN or not row.signing_private_key or not row.age_identity:
        raise ServiceError(f"Chưa có khóa ký và khóa mã hóa của đơn vị {unit_code}; "
                           "hãy tạo khóa trước khi xuất hoặc nhập gói.")
    try:
        seed = base64.b64decode(row.signing_private_key, validate=True)
        signing = Ed25519PrivateKey.from_private_bytes(seed)
    except (binascii.Error, ValueError) as exc:
        raise ServiceError("Khóa ký của đơn vị lưu trong cơ sở dữ liệu bị hỏng; "
                           "hãy khôi phục từ bản sao lưu.") from exc
    return OwnKeys(
        unit_code=unit_code, signing_key=signing, public_key_b64=row.signing_public_key,
        fingerprint=row.fingerprint, age_identity=row.age_identity,
        age_recipient=row.age_recipient or "",
    )


def _checked_public_key(public_key_b64: str) -> bytes:
    try:
        return public_key_raw(public_key_b64)
    except ValueError:
        raise ValidationError("public_key", "Khóa công khai không hợp lệ (cần khóa Ed25519 "
                                            "32 byte, mã hóa base64).") from None


def _checked_recipient(age_recipient: str | None) -> str | None:
    if age_recipient is None:
        return None
    if not crypto.valid_age_recipient(age_recipient):
        raise ValidationError("age_recipient", "Khóa nhận gói (age) không hợp lệ.")
    return age_recipient


def accept_key(session: Session, actor: Actor, unit_code: str, unit_name: str,
               public_key_b64: str, *, age_recipient: str | None = None) -> UnitKeyInfo:
    """Register another unit's signing key after a person confirmed its fingerprint.

    Accepting the key already registered is harmless (it may add the unit's age
    recipient); a different key for a registered unit is refused, never replaced: an
    administrator must first `forget_key` the old one, deliberately.
    """
    require(actor, Action.EXCHANGE)
    raw = _checked_public_key(public_key_b64)
    recipient = _checked_recipient(age_recipient)
    fp = fingerprint(raw)
    row = session.get(UnitKey, unit_code)
    if row is not None:
        return _confirm_existing(session, actor, row, fp, recipient)
    holder = session.scalar(select(UnitKey.unit_code).where(UnitKey.fingerprint == fp))
    if holder is not None:
        raise ServiceError(f"Khóa này đã được đăng ký cho đơn vị {holder}; một khóa không thể "
                           f"thuộc về hai đơn vị (gói tự nhận là của {unit_code}).")
    row = UnitKey(
        unit_code=unit_code, unit_name=unit_name, status=ACCEPTED,
        signing_public_key=_b64(raw), fingerprint=fp, age_recipient=recipient,
        accepted_at=utcnow(), accepted_by=actor.username,
    )
    session.add(row)
    session.flush()
    write_audit(session, actor, "key_accepted", "unit_keys", unit_code,
                {"fingerprint": (None, fp), "unit_name": (None, unit_name)})
    return _info(row)


def _confirm_existing(session: Session, actor: Actor, row: UnitKey, fp: str,
                      recipient: str | None) -> UnitKeyInfo:
    if row.fingerprint != fp:
        raise ServiceError(
            f"Khóa ký của đơn vị {row.unit_code} ({row.unit_name}) đã thay đổi: đã đăng ký "
            f"{display_fingerprint(row.fingerprint)}, khóa mới {display_fingerprint(fp)}. "
            "Không chấp nhận; hãy gọi điện xác minh với đơn vị đó."
        )
    if row.status == ACCEPTED and recipient is not None and recipient != row.age_recipient:
        write_audit(session, actor, "key_recipient_set", "unit_keys", row.unit_code,
                    {"age_recipient": (row.age_recipient, recipient)})
        row.age_recipient = recipient
        session.flush()
    return _info(row)


def forget_key(session: Session, actor: Actor, unit_code: str) -> None:
    """Remove another unit's accepted key (e.g. it reinstalled), so a new one can be accepted.

    Needs MANAGE_SETTINGS: this is how a legitimately changed key gets past the rule that
    a different key is rejected, so it must be a deliberate, audited act.
    """
    require(actor, Action.MANAGE_SETTINGS)
    row = session.get(UnitKey, unit_code)
    if row is None:
        return
    if row.status == OWN:
        raise ServiceError("Không thể xóa khóa của chính đơn vị này.")
    write_audit(session, actor, "key_forgotten", "unit_keys", unit_code,
                {"fingerprint": (row.fingerprint, None)})
    session.delete(row)
    session.flush()
