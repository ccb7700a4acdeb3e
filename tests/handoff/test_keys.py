"""Unit keys: made once and audited, other units' keys accepted once, changes refused."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from desktop.db import Database, open_database
from desktop.handoff.package import (
    UnitRef,
    accept_key,
    build_package,
    ensure_own_keys,
    fingerprint,
    forget_key,
    open_package,
    own_keys,
    registered_key,
)
from desktop.models import AuditEntry
from desktop.services.access import Actor
from desktop.services.audit import verify_chain
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from tests.conftest import UNIT_CODE
from tests.handoff.package_helpers import OTHER_KEY, TABLES, fields, public_b64

NAME = "Công an phường Thanh Bình"
OTHER = "26002"


def _audit(db: Database) -> list[tuple[str, str | None, dict[str, list[object]]]]:
    with db.reading() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.entity_id, AuditEntry.changes)
                         .order_by(AuditEntry.seq)).all()
    return [(a, i, json.loads(c)) for a, i, c in rows]


def test_own_keys_are_made_once_and_audited(db: Database, officer: Actor) -> None:
    with db.transaction() as s:
        info = ensure_own_keys(s, officer, UNIT_CODE, NAME)
    with db.transaction() as s:
        again = ensure_own_keys(s, officer, UNIT_CODE, NAME)
        keys = own_keys(s, UNIT_CODE)
    assert again == info
    assert (info.status, info.unit_name, info.accepted_by) == ("own", NAME, "canbo")
    assert info.age_recipient is not None
    assert info.age_recipient.startswith("age1")
    assert keys.fingerprint == info.fingerprint == fingerprint(base64.b64decode(
        keys.public_key_b64))
    assert _audit(db) == [("key_created", UNIT_CODE, {
        "fingerprint": [None, info.fingerprint], "age_recipient": [None, info.age_recipient]})]
    with db.reading() as s:
        assert verify_chain(s) is None


def test_own_keys_sign_and_decrypt_a_package(db: Database, officer: Actor) -> None:
    with db.transaction() as s:
        info = ensure_own_keys(s, officer, UNIT_CODE, NAME)
        keys = own_keys(s, UNIT_CODE)
    assert info.age_recipient is not None
    data = build_package(fields(), TABLES, {}, keys.signing_key, encrypt_to=[info.age_recipient])
    with db.reading() as s:
        opened = open_package(data, passphrase=None, identities=[keys.age_identity],
                              registry=lambda code: registered_key(s, code))
    assert (opened.key_status, opened.fingerprint) == ("known", info.fingerprint)


def test_fingerprint_is_shown_in_blocks_of_four(db: Database, officer: Actor) -> None:
    with db.transaction() as s:
        info = ensure_own_keys(s, officer, UNIT_CODE, NAME)
    blocks = info.fingerprint_display.split(" ")
    assert len(blocks) == 16
    assert all(len(b) == 4 for b in blocks)
    assert "".join(blocks) == info.fingerprint.upper()


def test_a_leader_may_not_make_or_accept_keys(db: Database, leader: Actor) -> None:
    with db.transaction() as s, pytest.raises(PermissionDenied):
        ensure_own_keys(s, leader, UNIT_CODE, NAME)
    with db.transaction() as s, pytest.raises(PermissionDenied):
        accept_key(s, leader, OTHER, "Công an xã Tân Cương", public_b64(OTHER_KEY))


def test_own_keys_before_they_exist_is_a_clear_error(db: Database) -> None:
    with db.reading() as s, pytest.raises(ServiceError, match="Chưa có khóa"):
        own_keys(s, UNIT_CODE)


def test_one_installation_holds_one_units_keys(db: Database, officer: Actor) -> None:
    with db.transaction() as s:
        ensure_own_keys(s, officer, UNIT_CODE, NAME)
    with db.transaction() as s, pytest.raises(ServiceError, match=f"đơn vị {UNIT_CODE}"):
        ensure_own_keys(s, officer, OTHER, "Công an xã Tân Cương")


def test_accepting_a_key_is_audited_with_its_fingerprint(db: Database, officer: Actor) -> None:
    fp = fingerprint(base64.b64decode(public_b64(OTHER_KEY)))
    with db.transaction() as s:
        info = accept_key(s, officer, OTHER, "Công an xã Tân Cương", public_b64(OTHER_KEY))
    with db.transaction() as s:
        again = accept_key(s, officer, OTHER, "Công an xã Tân Cương", public_b64(OTHER_KEY))
        assert registered_key(s, OTHER) == info == again
        assert registered_key(s, "99999") is None
    assert (info.status, info.fingerprint, info.age_recipient) == ("accepted", fp, None)
    assert _audit(db) == [("key_accepted", OTHER, {
        "fingerprint": [None, fp], "unit_name": [None, "Công an xã Tân Cương"]})]


def test_a_changed_key_is_refused_until_an_admin_forgets_the_old_one(
        db: Database, officer: Actor, admin: Actor) -> None:
    with db.transaction() as s:
        accept_key(s, officer, OTHER, "Công an xã Tân Cương", public_b64(OTHER_KEY))
    replacement = public_b64(_key(7))
    with db.transaction() as s, pytest.raises(ServiceError, match="đã thay đổi"):
        accept_key(s, officer, OTHER, "Công an xã Tân Cương", replacement)
    with db.transaction() as s, pytest.raises(PermissionDenied):
        forget_key(s, officer, OTHER)
    with db.transaction() as s:
        forget_key(s, admin, OTHER)
        info = accept_key(s, officer, OTHER, "Công an xã Tân Cương", replacement)
    assert info.fingerprint == fingerprint(base64.b64decode(replacement))
    assert [a for a, _, _ in _audit(db)] == ["key_accepted", "key_forgotten", "key_accepted"]


def test_own_key_cannot_be_forgotten(db: Database, officer: Actor, admin: Actor) -> None:
    with db.transaction() as s:
        ensure_own_keys(s, officer, UNIT_CODE, NAME)
    with db.transaction() as s, pytest.raises(ServiceError, match="chính đơn vị"):
        forget_key(s, admin, UNIT_CODE)


def test_one_key_cannot_belong_to_two_units(db: Database, officer: Actor) -> None:
    with db.transaction() as s:
        accept_key(s, officer, OTHER, "Công an xã Tân Cương", public_b64(OTHER_KEY))
    with db.transaction() as s, pytest.raises(ServiceError, match=f"đơn vị {OTHER}"):
        accept_key(s, officer, "26003", "Công an xã Phúc Xuân", public_b64(OTHER_KEY))


@pytest.mark.parametrize("bad", ["", "không phải base64", "AAAA", base64.b64encode(
    b"\0" * 31).decode()])
def test_a_malformed_public_key_is_a_validation_error(db: Database, officer: Actor,
                                                      bad: str) -> None:
    with db.transaction() as s, pytest.raises(ValidationError) as caught:
        accept_key(s, officer, OTHER, "Công an xã Tân Cương", bad)
    assert caught.value.field == "public_key"


def test_an_age_recipient_can_be_added_to_an_accepted_key(db: Database, officer: Actor,
                                                          tmp_path: Path) -> None:
    other = open_database(tmp_path / "other.db")
    try:
        with other.transaction() as s:
            their = ensure_own_keys(s, officer, OTHER, "Công an xã Tân Cương")
            their_public = own_keys(s, OTHER).public_key_b64
    finally:
        other.close()
    with db.transaction() as s:
        accept_key(s, officer, OTHER, their.unit_name, their_public)
        info = accept_key(s, officer, OTHER, their.unit_name, their_public,
                          age_recipient=their.age_recipient)
    assert info.age_recipient == their.age_recipient
    with db.transaction() as s, pytest.raises(ValidationError):
        accept_key(s, officer, OTHER, their.unit_name, their_public, age_recipient="age1sai")


def test_a_package_from_a_new_unit_is_opened_then_its_key_accepted(
        db: Database, officer: Actor) -> None:
    unit = UnitRef(OTHER, "Công an xã Tân Cương", "Tỉnh Thái Nguyên")
    data = build_package(fields(unit=unit), TABLES, {}, OTHER_KEY, plain=True)
    with db.reading() as s:
        first = open_package(data, passphrase=None, identities=[],
                             registry=lambda code: registered_key(s, code))
    assert first.key_status == "new"
    m = first.manifest
    with db.transaction() as s:
        accept_key(s, officer, m.unit.code, m.unit.name, m.signing_key.public_key)
    with db.reading() as s:
        second = open_package(data, passphrase=None, identities=[],
                              registry=lambda code: registered_key(s, code))
    assert (second.key_status, m.unit) == ("known", unit)


def _key(seed: int) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes([seed]) * 32)
