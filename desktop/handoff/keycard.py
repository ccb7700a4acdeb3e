"""Key cards (thẻ khóa): how an office hands its package keys to another before any package.

A package can be encrypted to the receiving office's age key only once the sender knows
that key, and nothing in a package carries it. A key card does: a small JSON file with
the unit's code and name, its Ed25519 signing key and fingerprint, and its age recipient
("age1…"), signed with that signing key. The receiving office imports it, a person
compares the fingerprint with the sending office by phone (exactly as for a package's
new key), and from then on packages to that unit are encrypted to its key.

The signature is over the card without its `signature` member, serialised canonically
(UTF-8, keys sorted, no whitespace): it binds the age recipient to the signing key, so a
card that changes either is refused. Trust still comes from the fingerprint read aloud,
never from the file alone.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from desktop.handoff import crypto
from desktop.handoff.keys import OwnKeys, display_fingerprint, fingerprint, public_key_raw
from desktop.handoff.manifest import VIETNAM, UnitRef, iso_vietnam, loads_strict
from desktop.services.errors import ServiceError

FORMAT = "hoanhap-key-card"
FORMAT_VERSION = 1
MAX_CARD = 64 * 1024  # a real card is under 1 kB: anything far larger is not one
SUFFIX = "_the-khoa.json"
_FIELDS = ("format", "format_version", "unit", "created_at", "created_by", "signing_key",
           "age_recipient", "signature")
_UNIT_CODE = re.compile(r"[A-Za-z0-9._-]{1,20}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
WHERE = "Thẻ khóa"


class KeyCardRejected(ServiceError):
    """A key card that must not be used; `message` says why, in Vietnamese."""


@dataclass(frozen=True)
class KeyCard:
    """A verified key card: whose keys these are, and the keys."""

    unit: UnitRef
    created_at: datetime
    created_by: str
    public_key: str  # base64 of the raw 32-byte Ed25519 public key
    fingerprint: str  # hex SHA-256 of the raw public key
    age_recipient: str

    @property
    def fingerprint_display(self) -> str:
        """The fingerprint in blocks of four, for reading aloud."""
        return display_fingerprint(self.fingerprint)


def card_file_name(unit_code: str) -> str:
    """`<unit_code>_the-khoa.json`."""
    return f"{unit_code}{SUFFIX}"


def canonical(body: dict[str, object]) -> bytes:
    """The bytes that are signed: compact JSON, keys sorted, non-ASCII kept as UTF-8."""
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def build_key_card(keys: OwnKeys, unit: UnitRef, created_by: str,
                   created_at: datetime | None = None) -> bytes:
    """The bytes of the home unit's key card, signed with its own signing key."""
    if not keys.age_recipient:
        raise ValueError("the unit has no age recipient")
    body: dict[str, object] = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "unit": {"code": unit.code, "name": unit.name, "province": unit.province},
        "created_at": iso_vietnam(created_at or datetime.now(VIETNAM)),
        "created_by": created_by,
        "signing_key": {"algorithm": "ed25519", "public_key": keys.public_key_b64,
                        "fingerprint": keys.fingerprint},
        "age_recipient": keys.age_recipient,
    }
    signature = base64.b64encode(crypto.sign(keys.signing_key, canonical(body)))
    card = {**body, "signature": signature.decode("ascii")}
    text = json.dumps(card, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


# ---------------------------------------------------------------- reading


def _wrong(name: str, expected: str) -> KeyCardRejected:
    return KeyCardRejected(f"{WHERE}: trường “{name}” phải là {expected}.")


def _object(value: object, where: str, names: tuple[str, ...]) -> dict[str, object]:
    if not isinstance(value, dict):
        raise KeyCardRejected(f"{WHERE}: “{where}” phải là một đối tượng JSON.")
    obj = cast(dict[str, object], value)
    missing = [n for n in names if n not in obj]
    extra = sorted(set(obj) - set(names))
    if missing:
        raise KeyCardRejected(f"{WHERE}: thiếu trường “{where}.{missing[0]}”.")
    if extra:
        raise KeyCardRejected(f"{WHERE}: có trường không biết “{where}.{extra[0]}”.")
    return obj


def _text(obj: dict[str, object], name: str, pattern: re.Pattern[str] | None = None,
          expected: str = "chuỗi ký tự") -> str:
    value = obj[name]
    if not isinstance(value, str) or (pattern is not None and not pattern.fullmatch(value)):
        raise _wrong(name, expected)
    return value


def _check_format(value: object) -> dict[str, object]:
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise KeyCardRejected("Tệp này không phải thẻ khóa HoaNhap.")
    version = value.get("format_version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise KeyCardRejected(f"Thẻ khóa dùng định dạng phiên bản {version!r}; phần mềm này "
                              f"chỉ đọc được phiên bản {FORMAT_VERSION}. Hãy cập nhật HoaNhap.")
    return _object(value, "thẻ", _FIELDS)


def _moment(obj: dict[str, object]) -> datetime:
    try:
        moment = datetime.fromisoformat(_text(obj, "created_at"))
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise _wrong("created_at", "thời điểm ISO 8601 có múi giờ")
    return moment


def _verified_key(obj: dict[str, object], body: dict[str, object]) -> tuple[str, str]:
    key = _object(obj["signing_key"], "signing_key", ("algorithm", "public_key",
                                                      "fingerprint"))
    if key["algorithm"] != "ed25519":
        raise _wrong("signing_key.algorithm", "“ed25519”")
    public_b64 = _text(key, "public_key")
    declared = _text(key, "fingerprint", _SHA256, "64 chữ số hex thường")
    try:
        raw = public_key_raw(public_b64)
    except ValueError:
        raise _wrong("signing_key.public_key", "khóa Ed25519 (32 byte, base64)") from None
    if fingerprint(raw) != declared:
        raise KeyCardRejected(f"{WHERE}: vân tay không khớp với khóa công khai; thẻ đã bị sửa.")
    try:
        signature = base64.b64decode(_text(obj, "signature"), validate=True)
    except (binascii.Error, ValueError):
        signature = b""
    if len(signature) != 64 or not crypto.signature_valid(raw, signature, canonical(body)):
        raise KeyCardRejected("Chữ ký của thẻ khóa không đúng: thẻ đã bị sửa sau khi ký hoặc "
                              "không phải do đơn vị đó lập. Không dùng thẻ này.")
    return public_b64, declared


def read_key_card(data: bytes) -> KeyCard:
    """The verified card, or KeyCardRejected naming what is wrong (nothing is trusted yet:
    the caller still compares the fingerprint with the other office)."""
    if len(data) > MAX_CARD:
        raise KeyCardRejected("Tệp quá lớn để là một thẻ khóa HoaNhap.")
    try:
        value = loads_strict(data, WHERE)
    except ServiceError as exc:  # the manifest reader's rejection, reworded for a card
        raise KeyCardRejected(exc.message) from None
    obj = _check_format(value)
    body = {k: v for k, v in obj.items() if k != "signature"}
    public_b64, declared = _verified_key(obj, body)
    unit = _object(obj["unit"], "unit", ("code", "name", "province"))
    recipient = _text(obj, "age_recipient")
    if not crypto.valid_age_recipient(recipient):
        raise _wrong("age_recipient", "khóa nhận gói age (age1…)")
    return KeyCard(
        unit=UnitRef(code=_text(unit, "code", _UNIT_CODE, "mã đơn vị (1–20 chữ, số, . _ -)"),
                     name=_text(unit, "name"), province=_text(unit, "province")),
        created_at=_moment(obj), created_by=_text(obj, "created_by"),
        public_key=public_b64, fingerprint=declared, age_recipient=recipient,
    )
