"""Key card use cases: write this unit's card, and register another unit's from its card.

Importing follows the rule for a package's signing key (HANDOFF.md §4 rule 2): a unit
seen for the first time is registered only after a person confirmed the fingerprint
(`accept_new_key`, audited as `key_accepted`); a card whose key differs from the one
registered for its unit is refused; a card of the unit's own key only adds or confirms
its age recipient. After that, `exchange.export_package` to that unit encrypts to the
registered recipient without being told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.files import write_atomically
from desktop.handoff.keycard import (
    KeyCard,
    KeyCardRejected,
    build_key_card,
    card_file_name,
    read_key_card,
)
from desktop.handoff.package import (
    UnitRef,
    accept_key,
    display_fingerprint,
    ensure_own_keys,
    own_keys,
    registered_key,
)
from desktop.models import UnitKey
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import ServiceError
from desktop.services.exchange_registry import home_unit_of

__all__ = [
    "KeyCardFile", "KeyCardPreview", "KeyCardRejected", "KeyCardResult", "UnknownCardKey",
    "export_key_card", "import_key_card", "open_key_card",
]

CardStatus = Literal["new", "known"]


@dataclass(frozen=True)
class KeyCardFile:
    """A key card written to disk, and what it tells the other office."""

    path: Path
    unit_code: str
    unit_name: str
    fingerprint: str
    fingerprint_display: str
    age_recipient: str


@dataclass(frozen=True)
class KeyCardPreview:
    """A verified card and what importing it would do (`new`: needs a person's confirmation)."""

    unit_code: str
    unit_name: str
    province: str
    created_at: datetime
    created_by: str
    fingerprint: str
    fingerprint_display: str
    age_recipient: str
    status: CardStatus
    adds_recipient: bool  # a known unit whose receiving key we did not have (or differs)


@dataclass(frozen=True)
class KeyCardResult:
    """What an import did; `message` is one Vietnamese sentence."""

    preview: KeyCardPreview
    registered: bool
    recipient_set: bool
    message: str


class UnknownCardKey(ServiceError):
    """The card's unit is not registered: a person must confirm its fingerprint first."""

    def __init__(self, preview: KeyCardPreview) -> None:
        super().__init__(
            f"Đơn vị {preview.unit_code} ({preview.unit_name}) chưa được đăng ký ở máy này. "
            f"Vân tay: {preview.fingerprint_display}. Hãy gọi điện đối chiếu vân tay với đơn "
            "vị đó rồi xác nhận; chưa có gì được ghi."
        )
        self.preview = preview


def export_key_card(db: Database, actor: Actor, out: Path) -> KeyCardFile:
    """Write the home unit's key card into the folder `out` (or to the file `out`).

    The unit's keys are made first when they do not exist yet (audited as `key_created`).
    """
    require(actor, Action.EXCHANGE)
    out = Path(out)
    with db.transaction() as session:
        unit = home_unit_of(session, actor)
        ensure_own_keys(session, actor, unit.code, unit.name)
        keys = own_keys(session, unit.code)
        data = build_key_card(keys, UnitRef(unit.code, unit.name, unit.province),
                              actor.username)
        path = out / card_file_name(unit.code) if out.is_dir() else out
        write_atomically(path, data)
        write_audit(session, actor, "key_card_exported", "unit_keys", unit.code,
                    {"file": (None, path.name), "fingerprint": (None, keys.fingerprint)})
        return KeyCardFile(path, unit.code, unit.name, keys.fingerprint,
                           display_fingerprint(keys.fingerprint), keys.age_recipient)


def _preview(session: Session, actor: Actor, card: KeyCard) -> KeyCardPreview:
    code = card.unit.code
    known = registered_key(session, code)
    if code == actor.unit_code or (known is not None and known.status == "own"):
        raise KeyCardRejected(f"Đây là thẻ khóa của chính đơn vị {code} của máy này; không "
                              "cần nhập.")
    if known is not None and known.fingerprint != card.fingerprint:
        raise KeyCardRejected(
            f"Khóa ký của đơn vị {code} ({known.unit_name}) đã thay đổi: vân tay đã đăng ký "
            f"{known.fingerprint_display}, vân tay trên thẻ {card.fingerprint_display}. Thẻ bị "
            "từ chối; hãy gọi điện xác minh với đơn vị đó.")
    holder = session.scalar(select(UnitKey.unit_code).where(
        UnitKey.fingerprint == card.fingerprint, UnitKey.unit_code != code))
    if holder is not None:
        raise KeyCardRejected(f"Khóa trên thẻ đã được đăng ký cho đơn vị {holder}; một khóa "
                              f"không thể thuộc về hai đơn vị (thẻ tự nhận là của {code}).")
    return KeyCardPreview(
        unit_code=code, unit_name=card.unit.name, province=card.unit.province,
        created_at=card.created_at, created_by=card.created_by, fingerprint=card.fingerprint,
        fingerprint_display=card.fingerprint_display, age_recipient=card.age_recipient,
        status="new" if known is None else "known",
        adds_recipient=known is None or known.age_recipient != card.age_recipient)


def open_key_card(db: Database, actor: Actor, data: bytes) -> KeyCardPreview:
    """Verify a card and say what importing it would do; writes nothing."""
    require(actor, Action.EXCHANGE)
    card = read_key_card(data)
    with db.reading() as session:
        return _preview(session, actor, card)


def _message(preview: KeyCardPreview, registered: bool, recipient_set: bool) -> str:
    who = f"{preview.unit_name} ({preview.unit_code})"
    if registered:
        return (f"Đã đăng ký khóa của {who}. Từ nay các gói gửi đơn vị này được mã hóa bằng "
                "khóa nhận gói của đơn vị.")
    if recipient_set:
        return (f"Đã cập nhật khóa nhận gói của {who}; các gói gửi đơn vị này được mã hóa "
                "bằng khóa đó.")
    return f"Khóa của {who} đã được đăng ký trước đây; không có gì thay đổi."


def import_key_card(db: Database, actor: Actor, data: bytes, file_name: str = "", *,
                    accept_new_key: bool = False) -> KeyCardResult:
    """Register the card's unit key and age recipient (a new unit only when confirmed)."""
    require(actor, Action.EXCHANGE)
    card = read_key_card(data)
    with db.transaction() as session:
        # Checked again inside the write transaction: the registry may have changed since
        # the person looked at the preview.
        preview = _preview(session, actor, card)
        if preview.status == "new" and not accept_new_key:
            raise UnknownCardKey(preview)
        if preview.status == "known" and not preview.adds_recipient:
            return KeyCardResult(preview, False, False, _message(preview, False, False))
        accept_key(session, actor, card.unit.code, card.unit.name, card.public_key,
                   age_recipient=card.age_recipient)
        write_audit(session, actor, "key_card_imported", "unit_keys", card.unit.code,
                    {"file": (None, file_name[:200]), "fingerprint": (None, card.fingerprint),
                     "age_recipient": (None, card.age_recipient)})
        registered = preview.status == "new"
        return KeyCardResult(preview, registered, not registered,
                             _message(preview, registered, not registered))
