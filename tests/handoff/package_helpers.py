"""Sample packages and the tools to take them apart and forge them, for the package tests.

`forge` plays the attacker (or a buggy foreign program) who can write any ZIP and sign
it with a key of their choosing: it recomputes the file list and re-signs, so that the
check under test — not an earlier one — is what has to catch the problem.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.handoff import crypto
from desktop.handoff.package import (
    VIETNAM,
    ManifestFields,
    OpenedPackage,
    UnitKeyInfo,
    UnitRef,
    build_package,
    fingerprint,
    open_package,
)

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32, 64)))
IDENTITY, RECIPIENT = crypto.new_age_identity()
PASSPHRASE = "trâu-vàng-bay-qua-núi"
UNIT = UnitRef(code="26001", name="Công an phường Thanh Bình", province="Tỉnh Thái Nguyên")
CREATED = datetime(2026, 11, 23, 10, 15, tzinfo=VIETNAM)
PERSON_1 = "0b5cbd6e-54a5-4a44-8a5a-0d1c5f3f7d11"
PERSON_2 = "6f0f3c52-8d7e-4a0b-9a76-2f1d0c9b8e22"

# "Nguyễn" typed in decomposed form (as some keyboards do): the package must carry NFC.
_DECOMPOSED = "Nguye\u0302\u0303n Va\u0306n An"
TABLES: dict[str, list[dict[str, object]]] = {
    "persons": [
        {"id": PERSON_1, "unit_code": "26001", "version": 3, "full_name": _DECOMPOSED,
         "gender": "male", "birth_date": "1985-04-12", "status": "managed",
         "updated_at": "2026-11-20T09:00:00+07:00", "deleted_at": None},
        {"id": PERSON_2, "unit_code": "26001", "version": 1, "full_name": "Trần Thị Bình",
         "gender": "female", "birth_date": "1990", "status": "expected",
         "updated_at": "2026-11-21T14:30:00+07:00", "deleted_at": None},
    ],
    "judgments": [
        {"id": "a3f1d2c4-1111-4b2a-9c3d-000000000001", "unit_code": "26001", "version": 1,
         "person_id": PERSON_1, "main_penalty": "prison", "prison_months": 36, "chapter": 16,
         "updated_at": "2026-11-20T09:00:00+07:00", "deleted_at": None},
    ],
    "contacts": [
        {"id": "a3f1d2c4-2222-4b2a-9c3d-000000000002", "unit_code": "26001", "version": 2,
         "person_id": PERSON_1, "contact_date": "2026-11-19", "form": "home_visit",
         "summary": "Đã gặp tại nhà; đang làm phụ hồ.", "updated_at":
         "2026-11-19T16:00:00+07:00", "deleted_at": None},
    ],
}
REPORTS = {"bao-cao-quy-4.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 4,
           "bieu-tong-hop.xlsx": b"PK\x03\x04 not really a workbook"}


def fields(**changes: Any) -> ManifestFields:
    """Manifest fields of the sample package (a fixed package id and time)."""
    values: dict[str, Any] = {
        "kind": "full", "unit": UNIT, "created_by": "canbo",
        "package_id": "2d1f8e8a-6a3b-4c55-9d2e-7b1a0c3e4f55", "created_at": CREATED,
    }
    values.update(changes)
    return ManifestFields(**values)


def plain_package(key: Ed25519PrivateKey = KEY) -> bytes:
    """The sample package as a plain (unencrypted) ZIP."""
    return build_package(fields(), TABLES, REPORTS, key, plain=True)


def public_b64(key: Ed25519PrivateKey) -> str:
    """The base64 raw public key, as in the manifest."""
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def key_fingerprint(key: Ed25519PrivateKey) -> str:
    """The fingerprint a manifest signed by `key` carries."""
    return fingerprint(base64.b64decode(public_b64(key)))


def unknown(_code: str) -> UnitKeyInfo | None:
    """A registry that knows no unit."""
    return None


def knowing(key: Ed25519PrivateKey) -> Callable[[str], UnitKeyInfo | None]:
    """A registry in which every unit's registered key is `key`."""
    def lookup(code: str) -> UnitKeyInfo:
        return UnitKeyInfo(unit_code=code, unit_name=UNIT.name, status="accepted",
                           fingerprint=key_fingerprint(key), age_recipient=None,
                           accepted_at=CREATED, accepted_by="canbo")
    return lookup


def open_plain(data: bytes, registry: Callable[[str], UnitKeyInfo | None] = unknown
               ) -> OpenedPackage:
    """Open without any decryption secret (plain packages)."""
    return open_package(data, passphrase=None, identities=[], registry=registry)


def members(data: bytes) -> list[tuple[str, bytes]]:
    """The ZIP's members in order, as (name, content)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]


def rezip(items: list[tuple[str, bytes]], *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP with exactly these names (not normalised, duplicates allowed) and contents."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in items:
            zf.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 23, 10, 15, 0)), content,
                        compress_type=compress)
    return buffer.getvalue()


def replace(items: list[tuple[str, bytes]], name: str, content: bytes) -> list[tuple[str, bytes]]:
    """`items` with member `name`'s content replaced."""
    assert name in dict(items)
    return [(n, content if n == name else c) for n, c in items]


def forge(items: list[tuple[str, bytes]], key: Ed25519PrivateKey = KEY,
          edit: Callable[[dict[str, Any]], None] | None = None) -> bytes:
    """A package of `items` whose manifest lists and hashes them truthfully, signed by `key`.

    `edit` may then change the manifest dict (wrong counts, types, versions) before signing.
    """
    files = dict(items)
    manifest = json.loads(files.pop("manifest.json"))
    files.pop("manifest.sig", None)
    manifest["files"] = [{"path": path, "sha256": hashlib.sha256(content).hexdigest(),
                          "bytes": len(content),
                          "records": content.count(b"\n") if path.startswith("data/") else 0}
                         for path, content in files.items()]
    manifest["signing_key"] = {"algorithm": "ed25519", "public_key": public_b64(key),
                               "fingerprint": key_fingerprint(key)}
    if edit is not None:
        edit(manifest)
    body = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    return rezip([("manifest.json", body), ("manifest.sig", key.sign(body)),
                  *files.items()])
