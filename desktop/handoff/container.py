"""Writing a package and opening one: the verification pipeline of HANDOFF.md §4 rules 1–4.

`open_package` trusts nothing until it has checked it, in this order: decrypt (rule 1),
unzip safely, read the manifest strictly and refuse unknown versions (rule 4), verify
the signature and the sender's registered key (rule 2), then every file's size, hash and
record count (rule 3). Any failure raises `PackageRejected`; nothing is written anywhere,
so a rejected package leaves the database as it was. Rules 5–8 (preview, merge,
receipts) belong to `desktop.handoff.merge`, which receives the `OpenedPackage`.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop import __version__
from desktop.db import head_revision
from desktop.handoff import archive, crypto
from desktop.handoff.keys import (
    UnitKeyInfo,
    display_fingerprint,
    fingerprint,
    public_key_raw,
)
from desktop.handoff.manifest import (
    FORMAT,
    FORMAT_VERSION,
    KINDS,
    VIETNAM,
    FileEntry,
    Manifest,
    ManifestFields,
    PackageRejected,
    SigningKeyRef,
    loads_strict,
    manifest_json,
    parse_manifest,
)
from desktop.services.errors import ServiceError, ValidationError

EXTENSION = ".hnp"
# The ciphertext is the ZIP plus a little: anything much larger than the uncompressed
# limit cannot be a package we would accept, so it is refused before decrypting.
MAX_PACKAGE = archive.MAX_TOTAL + 64 * 1024 * 1024
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

KeyStatus = Literal["known", "new"]
Registry = Callable[[str], UnitKeyInfo | None]


@dataclass(frozen=True)
class OpenedPackage:
    """A package that passed rules 1–4: its manifest, records, reports and key status.

    `key_status` is "new" when no key is registered for the sending unit: the caller shows
    `fingerprint` and calls `accept_key` only if a person confirms it.
    """

    manifest: Manifest
    tables: dict[str, list[dict[str, object]]]
    reports: dict[str, bytes]
    encrypted: bool
    key_status: KeyStatus
    fingerprint: str
    # Each table's lines read into column values (`bulk.parse_lines`), filled by the
    # merge on first use: the preview and the import then read a package only once.
    parsed: dict[str, list[dict[str, Any]]] = field(default_factory=dict, compare=False,
                                                    repr=False)

    @property
    def fingerprint_display(self) -> str:
        """The signing key's fingerprint in blocks of four, for reading aloud."""
        return display_fingerprint(self.fingerprint)


def package_file_name(unit_code: str, kind: str, when: datetime) -> str:
    """`<unit_code>_<kind>_<YYYYMMDD-HHMMSS>.hnp`, in Vietnam time when `when` is aware."""
    if kind not in KINDS:
        raise ValueError(f"unknown package kind {kind!r}")
    local = when.astimezone(VIETNAM) if when.tzinfo is not None else when
    return f"{unit_code}_{kind}_{local:%Y%m%d-%H%M%S}{EXTENSION}"


# ---------------------------------------------------------------- writing


def build_package(
    manifest_fields: ManifestFields,
    tables: Mapping[str, Sequence[Mapping[str, object]]],
    reports: Mapping[str, bytes],
    signing_key: Ed25519PrivateKey,
    *,
    encrypt_to: list[str] | None = None,
    passphrase: str | None = None,
    plain: bool = False,
) -> bytes:
    """The bytes of a `.hnp` file: a signed ZIP, age-encrypted unless `plain`.

    Exactly one protection: `encrypt_to` (age recipients "age1…"), `passphrase`, or
    `plain=True` (tests and debugging only). Table names are `[a-z][a-z0-9_]*`; report
    names end in .pdf or .xlsx.
    """
    _check_protection(encrypt_to, passphrase, plain)
    members = _data_members(tables) + _report_members(reports)
    manifest_bytes = manifest_json(_manifest(manifest_fields, members, signing_key))
    parse_manifest(loads_strict(manifest_bytes, "manifest.json"))  # never write what we refuse
    zipped = archive.write_zip(
        [(archive.MANIFEST, manifest_bytes),
         (archive.SIGNATURE, crypto.sign(signing_key, manifest_bytes)), *members],
        manifest_fields.created_at)
    archive.check_written(zipped)
    if plain:
        return zipped
    if passphrase is not None:
        return crypto.encrypt_with_passphrase(zipped, passphrase)
    assert encrypt_to is not None  # _check_protection made sure of it
    return crypto.encrypt_to_recipients(zipped, encrypt_to)


def _manifest(fields: ManifestFields, members: list[tuple[str, bytes]],
              signing_key: Ed25519PrivateKey) -> Manifest:
    if fields.created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    if sum(len(data) for _, data in members) > archive.MAX_TOTAL:
        raise ServiceError("Dữ liệu quá lớn cho một gói (giới hạn 500 MB); hãy xuất theo "
                           "từng phần (gói thay đổi).")
    files = tuple(FileEntry(path=path, sha256=archive.sha256(data), size=len(data),
                            records=records) for path, data, records in _listed(members))
    return Manifest(
        format=FORMAT, format_version=FORMAT_VERSION, schema_version=head_revision(),
        package_id=fields.package_id, kind=fields.kind, unit=fields.unit,
        recipient=fields.recipient, created_at=fields.created_at,
        created_by=fields.created_by, app_version=__version__,
        since_package_id=fields.since_package_id, period=fields.period, files=files,
        signing_key=_key_ref(signing_key),
    )


def _check_protection(encrypt_to: list[str] | None, passphrase: str | None,
                      plain: bool) -> None:
    chosen = [encrypt_to is not None, passphrase is not None, plain]
    if sum(chosen) != 1:
        raise ValueError("choose exactly one of encrypt_to, passphrase or plain=True")
    if passphrase is not None and not passphrase.strip():
        raise ValidationError("passphrase", "Mật khẩu của gói không được để trống.")
    if encrypt_to is not None:
        if not encrypt_to:
            raise ValueError("encrypt_to is empty")
        bad = [r for r in encrypt_to if not crypto.valid_age_recipient(r)]
        if bad:
            raise ValidationError("encrypt_to", f"Khóa nhận gói không hợp lệ: {bad[0]}")


def _data_members(tables: Mapping[str, Sequence[Mapping[str, object]]]) -> list[tuple[str, bytes]]:
    members = []
    for table in sorted(tables):
        if not archive.TABLE_NAME.fullmatch(table):
            raise ValueError(f"invalid table name {table!r}")
        members.append((f"data/{table}.jsonl", archive.jsonl(table, tables[table])))
    return members


def _report_members(reports: Mapping[str, bytes]) -> list[tuple[str, bytes]]:
    # Report names come from files a person picked, so a bad one is their input to fix.
    members = []
    seen: set[str] = set()
    for name in sorted(reports):
        if not archive.REPORT_NAME.fullmatch(name):
            raise ValidationError("reports", f"Tên tệp báo cáo “{name}” không dùng được trong "
                                  "gói: chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch "
                                  "dưới, và kết thúc bằng .pdf hoặc .xlsx.")
        if name.casefold() in seen:
            raise ValidationError("reports", f"Hai tệp báo cáo trùng tên “{name}” (không kể "
                                  "chữ hoa, chữ thường).")
        seen.add(name.casefold())
        members.append((f"reports/{name}", bytes(reports[name])))
    return members


def _listed(members: list[tuple[str, bytes]]) -> list[tuple[str, bytes, int]]:
    # The record count of a data file is its number of lines (jsonl ends each with "\n").
    return [(path, data, data.count(b"\n") if archive.data_table(path) else 0)
            for path, data in members]


def _key_ref(signing_key: Ed25519PrivateKey) -> SigningKeyRef:
    raw = signing_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return SigningKeyRef(algorithm="ed25519", public_key=base64.b64encode(raw).decode("ascii"),
                         fingerprint=fingerprint(raw))


# ---------------------------------------------------------------- opening


def open_package(data: bytes, *, passphrase: str | None, identities: list[str],
                 registry: Registry) -> OpenedPackage:
    """Decrypt and verify a package (rules 1–4); PackageRejected says what is wrong.

    `identities` are this unit's age identities; `registry(unit_code)` returns the key
    registered for a unit (see `keys.registered_key`), or None when it is unknown.
    """
    zipped, encrypted = _unwrap(data, passphrase, identities)
    members = archive.read_members(zipped)
    manifest_bytes = members[archive.MANIFEST]
    manifest = parse_manifest(loads_strict(manifest_bytes, "manifest.json"))
    _verify_signature(manifest, manifest_bytes, members[archive.SIGNATURE])
    key_status = _key_status(manifest, registry)
    tables, reports = _verified_files(manifest, members)
    return OpenedPackage(manifest=manifest, tables=tables, reports=reports,
                         encrypted=encrypted, key_status=key_status,
                         fingerprint=manifest.signing_key.fingerprint)


def _unwrap(data: bytes, passphrase: str | None, identities: list[str]) -> tuple[bytes, bool]:
    if len(data) > MAX_PACKAGE:
        raise PackageRejected("Tệp quá lớn để là một gói HoaNhap (giới hạn khoảng 500 MB).")
    if crypto.is_age(data):
        return crypto.decrypt(data, passphrase=passphrase, identities=identities), True
    if data.startswith(_ZIP_MAGIC):
        return data, False
    raise PackageRejected("Tệp này không phải gói HoaNhap (không phải tệp mã hóa age, "
                          "cũng không phải tệp ZIP).")


def _verify_signature(manifest: Manifest, manifest_bytes: bytes, signature: bytes) -> None:
    key = manifest.signing_key
    if len(signature) != 64:
        raise PackageRejected("manifest.sig phải dài đúng 64 byte (chữ ký Ed25519); "
                              "gói đã bị sửa hoặc bị hỏng.")
    try:
        raw = public_key_raw(key.public_key)
    except ValueError:
        raise PackageRejected("manifest.json: trường “signing_key.public_key” không phải "
                              "khóa Ed25519 (32 byte, base64).") from None
    if fingerprint(raw) != key.fingerprint:
        raise PackageRejected("manifest.json: “signing_key.fingerprint” không khớp với khóa "
                              "công khai; gói đã bị sửa.")
    if not crypto.signature_valid(raw, signature, manifest_bytes):
        raise PackageRejected("Chữ ký số của gói không đúng: manifest.json hoặc manifest.sig "
                              "đã bị thay đổi sau khi ký. Không nhập gói này.")


def _key_status(manifest: Manifest, registry: Registry) -> KeyStatus:
    unit = manifest.unit
    registered = registry(unit.code)
    if registered is None:
        return "new"
    if registered.fingerprint != manifest.signing_key.fingerprint:
        raise PackageRejected(
            f"Khóa ký của đơn vị {unit.code} ({registered.unit_name or unit.name}) đã thay "
            f"đổi: vân tay đã đăng ký {registered.fingerprint_display}, vân tay trong gói "
            f"{display_fingerprint(manifest.signing_key.fingerprint)}. Gói bị từ chối; hãy "
            "gọi điện xác minh với đơn vị gửi."
        )
    return "known"


def _verified_files(manifest: Manifest, members: Mapping[str, bytes]
                    ) -> tuple[dict[str, list[dict[str, object]]], dict[str, bytes]]:
    listed = {entry.path for entry in manifest.files}
    odd = sorted(p for p in listed if not archive.data_table(p) and not archive.report_name(p))
    if odd:
        raise PackageRejected(f"manifest.json liệt kê tệp không được phép “{odd[0]}”.")
    present = set(members) - {archive.MANIFEST, archive.SIGNATURE}
    missing, unlisted = sorted(listed - present), sorted(present - listed)
    if missing:
        raise PackageRejected(f"Thiếu tệp {missing[0]}: manifest.json liệt kê nhưng gói "
                              "không có.")
    if unlisted:
        raise PackageRejected(f"Tệp {unlisted[0]} có trong gói nhưng không được liệt kê "
                              "trong manifest.json (không được ký).")
    tables: dict[str, list[dict[str, object]]] = {}
    reports: dict[str, bytes] = {}
    for entry in manifest.files:
        raw = members[entry.path]
        if len(raw) != entry.size or archive.sha256(raw) != entry.sha256:
            raise PackageRejected(f"Tệp {entry.path} không khớp với manifest.json (kích thước "
                                  "hoặc mã băm SHA-256 sai): tệp đã bị sửa hoặc bị hỏng.")
        table = archive.data_table(entry.path)
        if table is not None:
            tables[table] = archive.parse_jsonl(entry.path, raw, entry.records)
            continue
        if entry.records != 0:
            raise PackageRejected(f"manifest.json: “records” của {entry.path} phải là 0.")
        reports[entry.path.removeprefix("reports/")] = raw
    return tables, reports
