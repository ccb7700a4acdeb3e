"""Key cards: exchanging the receiving key before any package, and hostile cards refused."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.cli import main
from desktop.handoff import crypto, keycard
from desktop.handoff.keycard import KeyCardRejected, canonical, read_key_card
from desktop.handoff.package import own_keys
from desktop.models import AuditEntry, UnitKey
from desktop.services import exchange, key_cards
from desktop.services.errors import PermissionDenied
from tests.handoff.helpers import Office, count, digest
from tests.handoff.package_helpers import OTHER_KEY, key_fingerprint, public_b64


def _card(office: Office, folder: Path) -> Path:
    return key_cards.export_key_card(office.db, office.actor, folder).path


def _resign(card: dict[str, object], key: Ed25519PrivateKey) -> bytes:
    """A card re-signed by `key` (what an attacker who changed it can do at best)."""
    body = {k: v for k, v in card.items() if k != "signature"}
    signed = {**body, "signature": base64.b64encode(key.sign(canonical(body))).decode()}
    return json.dumps(signed, ensure_ascii=False).encode()


def test_a_key_card_lets_the_commune_encrypt_to_the_province(
        communes: list[Office], province: Office, outbox: Path, tmp_path: Path) -> None:
    commune = communes[0]
    written = key_cards.export_key_card(province.db, province.actor, outbox)
    assert written.path.name == "T01_the-khoa.json"
    card = read_key_card(written.path.read_bytes())
    assert (card.unit.code, card.fingerprint) == ("T01", written.fingerprint)

    data = written.path.read_bytes()
    with pytest.raises(key_cards.UnknownCardKey) as refused:
        key_cards.import_key_card(commune.db, commune.actor, data, written.path.name)
    assert written.fingerprint_display in refused.value.message
    assert count(commune.db, UnitKey, UnitKey.unit_code == "T01") == 0

    result = key_cards.import_key_card(commune.db, commune.actor, data, written.path.name,
                                       accept_new_key=True)
    assert result.registered
    assert count(commune.db, AuditEntry, AuditEntry.action == "key_accepted") == 1
    assert count(commune.db, AuditEntry, AuditEntry.action == "key_card_imported") == 1

    # No passphrase, no pasted key: the package is encrypted to the province's key.
    package = exchange.export_package(commune.db, commune.actor, outbox, "full", "T01")
    assert package.encrypted
    assert crypto.stanza_kind(package.path.read_bytes()) == "recipients"
    imported = exchange.import_package(province.db, province.actor, package.path,
                                       accept_new_key=True)
    assert imported.applied

    again = key_cards.import_key_card(commune.db, commune.actor, data, "again.json")
    assert not again.registered
    assert not again.recipient_set
    assert "không có gì thay đổi" in again.message


def test_a_card_after_a_package_adds_only_the_receiving_key(
        communes: list[Office], province: Office, outbox: Path) -> None:
    commune = communes[0]
    province.take(commune.export(outbox, to="T01"))  # the commune's key accepted, no age key
    card = key_cards.export_key_card(commune.db, commune.actor, outbox).path.read_bytes()
    preview = key_cards.open_key_card(province.db, province.actor, card)
    assert (preview.status, preview.adds_recipient) == ("known", True)
    result = key_cards.import_key_card(province.db, province.actor, card)
    assert result.recipient_set
    assert not result.registered
    with province.db.reading() as s:
        row = s.get(UnitKey, commune.code)
        assert row is not None
        assert row.age_recipient == preview.age_recipient


def test_a_changed_key_for_a_known_unit_is_rejected(
        communes: list[Office], province: Office, outbox: Path) -> None:
    commune = communes[0]
    province.take(commune.export(outbox, to="T01"))
    card = json.loads(key_cards.export_key_card(commune.db, commune.actor, outbox)
                      .path.read_bytes())
    card["signing_key"] = {"algorithm": "ed25519", "public_key": public_b64(OTHER_KEY),
                           "fingerprint": key_fingerprint(OTHER_KEY)}
    forged = _resign(card, OTHER_KEY)  # a valid signature, but by another key
    before = digest(province.db)
    with pytest.raises(KeyCardRejected, match="đã thay đổi"):
        key_cards.open_key_card(province.db, province.actor, forged)
    with pytest.raises(KeyCardRejected, match="đã thay đổi"):
        key_cards.import_key_card(province.db, province.actor, forged, accept_new_key=True)
    assert digest(province.db) == before


def test_a_tampered_card_is_rejected(communes: list[Office], province: Office,
                                     outbox: Path) -> None:
    commune = communes[0]
    card = json.loads(key_cards.export_key_card(commune.db, commune.actor, outbox)
                      .path.read_bytes())
    # Someone swaps in their own receiving key, hoping packages get encrypted to them.
    _identity, theirs = crypto.new_age_identity()
    tampered = json.dumps({**card, "age_recipient": theirs}).encode()
    before = digest(province.db)
    with pytest.raises(KeyCardRejected, match="Chữ ký của thẻ khóa không đúng"):
        key_cards.import_key_card(province.db, province.actor, tampered, accept_new_key=True)
    renamed = json.dumps({**card, "unit": {**card["unit"], "code": "T99"}}).encode()
    with pytest.raises(KeyCardRejected, match="Chữ ký"):
        key_cards.import_key_card(province.db, province.actor, renamed, accept_new_key=True)
    wrong_print = {**card, "signing_key": {**card["signing_key"], "fingerprint": "0" * 64}}
    with pytest.raises(KeyCardRejected, match="vân tay không khớp"):
        read_key_card(json.dumps(wrong_print).encode())
    assert digest(province.db) == before


@pytest.mark.parametrize(("data", "expected"), [
    (b"\xff\xfe not json", "UTF-8"),
    (b'{"format": "hoanhap-key-card", "format_version": 1, "format": 2}', "hai lần"),
    (b'{"format": "hoanhap-package"}', "không phải thẻ khóa"),
    (b'{"format": "hoanhap-key-card", "format_version": 2}', "phiên bản 2"),
    (b'{"format": "hoanhap-key-card", "format_version": 1}', "thiếu trường"),
    (b"[" * 100_000, "quá lớn"),
])
def test_malformed_cards_are_named(data: bytes, expected: str) -> None:
    with pytest.raises(KeyCardRejected, match=expected):
        read_key_card(data)


def test_a_card_of_this_units_own_code_is_refused(communes: list[Office],
                                                  outbox: Path) -> None:
    commune = communes[0]
    card = _card(commune, outbox).read_bytes()
    with pytest.raises(KeyCardRejected, match="chính đơn vị"):
        key_cards.open_key_card(commune.db, commune.actor, card)


def test_a_key_registered_for_another_unit_is_refused(
        communes: list[Office], province: Office, outbox: Path) -> None:
    """The commune's own key, validly signed, claiming another unit code (a copied PC)."""
    commune = communes[0]
    province.take(commune.export(outbox, to="T01"))
    card = json.loads(_card(commune, outbox).read_bytes())
    with commune.db.reading() as s:
        key = own_keys(s, commune.code).signing_key
    claim = _resign({**card, "unit": {**card["unit"], "code": "99999"}}, key)
    with pytest.raises(KeyCardRejected, match=f"đã được đăng ký cho đơn vị {commune.code}"):
        key_cards.import_key_card(province.db, province.actor, claim, accept_new_key=True)
    assert count(province.db, UnitKey, UnitKey.unit_code == "99999") == 0


def test_exporting_a_card_needs_the_exchange_permission(
        communes: list[Office], outbox: Path) -> None:
    commune = communes[0]
    leader = commune.actor.__class__("lanhdao", "Lãnh đạo", "leader", commune.code)
    with pytest.raises(PermissionDenied):
        key_cards.export_key_card(commune.db, leader, outbox)


def test_key_card_command_exports_and_imports(
        demo_files: dict[int, tuple[Path, str]], province: Office, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    province.db.close()
    province_db = province.db.path
    commune_db = demo_files[1][0]
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["key-card", "--db", str(province_db), "--out", str(usb)]) == 0
    printed = capsys.readouterr().out
    assert "Vân tay:" in printed
    assert "age1" in printed
    [card] = list(usb.iterdir())

    copy = tmp_path / "commune.db"
    copy.write_bytes(commune_db.read_bytes())
    assert main(["key-card", "--db", str(copy), "--import", str(card)]) == 1
    refused = capsys.readouterr().err
    assert "--accept-new-key" in refused
    assert "Vân tay" in refused
    assert main(["key-card", "--db", str(copy), "--import", str(card),
                 "--accept-new-key"]) == 0
    assert "Đã đăng ký khóa" in capsys.readouterr().out


def test_the_format_document_lists_exactly_the_card_fields() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "handoff-format.md").read_text(encoding="utf-8")
    section = doc.split("## 10. Key card", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE))
    assert documented == set(keycard._FIELDS)
