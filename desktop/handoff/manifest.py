"""manifest.json (HANDOFF.md §2): its typed form, its exact bytes, and its strict reading.

Another office's program — or a hostile file — wrote the manifest we read, so reading
checks every field's presence and type, refuses fields it does not know, and refuses JSON
that different parsers could read differently (duplicate keys, NaN). Every failure is a
`PackageRejected` naming the field.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Literal, cast

from desktop.services.errors import ServiceError

FORMAT = "hoanhap-package"
FORMAT_VERSION = 1
KINDS = ("full", "changes", "transfer", "receipt")
# Vietnam has one time zone and no daylight saving: manifests carry +07:00 (HANDOFF §2).
VIETNAM = timezone(timedelta(hours=7))

Kind = Literal["full", "changes", "transfer", "receipt"]

_UNIT_CODE = re.compile(r"[A-Za-z0-9._-]{1,20}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_TOP_FIELDS = ("format", "format_version", "schema_version", "package_id", "kind", "unit",
               "recipient", "created_at", "created_by", "app_version", "since_package_id",
               "period", "files", "signing_key")


class PackageRejected(ServiceError):
    """A package that must not be imported; `message` says what is wrong, in Vietnamese."""


@dataclass(frozen=True)
class UnitRef:
    """The unit that wrote the package."""

    code: str
    name: str
    province: str


@dataclass(frozen=True)
class RecipientRef:
    """The unit the package is meant for (None in a manifest: a backup, or any reader)."""

    code: str
    name: str


@dataclass(frozen=True)
class FileEntry:
    """One listed file: path in the ZIP, SHA-256, size and JSON line count (0 for reports)."""

    path: str
    sha256: str
    size: int  # "bytes" in JSON; named so here not to shadow the builtin type
    records: int


@dataclass(frozen=True)
class SigningKeyRef:
    """The Ed25519 public key that signed the manifest, and its fingerprint."""

    algorithm: str
    public_key: str  # base64 of the 32 raw bytes
    fingerprint: str  # hex SHA-256 of the raw bytes


@dataclass(frozen=True)
class ManifestFields:
    """What the caller decides about a package; `build_package` adds the rest."""

    kind: Kind
    unit: UnitRef
    created_by: str
    recipient: RecipientRef | None = None
    since_package_id: str | None = None
    period: str | None = None
    package_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created_at: datetime = field(default_factory=lambda: datetime.now(VIETNAM))


@dataclass(frozen=True)
class Manifest:
    """A verified manifest.json, every field typed (HANDOFF.md §2)."""

    format: str
    format_version: int
    schema_version: str
    package_id: str
    kind: Kind
    unit: UnitRef
    recipient: RecipientRef | None
    created_at: datetime
    created_by: str
    app_version: str
    since_package_id: str | None
    period: str | None
    files: tuple[FileEntry, ...]
    signing_key: SigningKeyRef


@cache
def known_schema_versions() -> frozenset[str]:
    """Every database migration revision this build knows (older packages stay readable)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from desktop.db import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return frozenset(s.revision for s in ScriptDirectory.from_config(config).walk_revisions())


def iso_vietnam(moment: datetime) -> str:
    """ISO 8601 in Vietnam time with its offset, to the second: 2026-11-23T10:15:00+07:00."""
    return moment.astimezone(VIETNAM).isoformat(timespec="seconds")


def manifest_json(m: Manifest) -> bytes:
    """The bytes written as manifest.json and signed (readable: indented, real Vietnamese)."""
    body = {
        "format": m.format, "format_version": m.format_version,
        "schema_version": m.schema_version, "package_id": m.package_id, "kind": m.kind,
        "unit": {"code": m.unit.code, "name": m.unit.name, "province": m.unit.province},
        "recipient": None if m.recipient is None
        else {"code": m.recipient.code, "name": m.recipient.name},
        "created_at": iso_vietnam(m.created_at), "created_by": m.created_by,
        "app_version": m.app_version, "since_package_id": m.since_package_id,
        "period": m.period,
        "files": [{"path": f.path, "sha256": f.sha256, "bytes": f.size, "records": f.records}
                  for f in m.files],
        "signing_key": {"algorithm": m.signing_key.algorithm,
                        "public_key": m.signing_key.public_key,
                        "fingerprint": m.signing_key.fingerprint},
    }
    return (json.dumps(body, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode()


# ---------------------------------------------------------------- strict JSON reading


class _Ambiguous(ValueError):
    """JSON that parsers may read differently; the message is for the user."""


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _Ambiguous(f"khóa “{key}” xuất hiện hai lần")
        result[key] = value
    return result


def _no_constant(name: str) -> object:
    raise _Ambiguous(f"giá trị {name} không phải JSON chuẩn")


def loads_strict(raw: bytes, where: str) -> object:
    """Parse UTF-8 JSON refusing duplicate keys and NaN/Infinity; PackageRejected names `where`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackageRejected(f"{where}: không phải văn bản UTF-8 hợp lệ (byte thứ "
                              f"{exc.start + 1}).") from None
    try:
        value: object = json.loads(text, object_pairs_hook=_no_duplicates,
                                   parse_constant=_no_constant)
    except RecursionError:
        raise PackageRejected(f"{where}: JSON lồng nhau quá sâu.") from None
    except _Ambiguous as exc:
        raise PackageRejected(f"{where}: JSON không hợp lệ ({exc}).") from None
    except json.JSONDecodeError as exc:
        raise PackageRejected(f"{where}: JSON không hợp lệ ở ký tự thứ {exc.pos + 1}.") from None
    return value


# ---------------------------------------------------------------- typed field reading


class _Reader:
    """Reads one JSON object's fields, naming the field (with its path) on any mistake."""

    def __init__(self, value: object, where: str, names: tuple[str, ...]) -> None:
        label = where or "manifest"
        if not isinstance(value, dict):
            raise PackageRejected(f"manifest.json: “{label}” phải là một đối tượng JSON.")
        self.obj = cast(dict[str, object], value)
        self.where = f"{where}." if where else ""
        missing = [n for n in names if n not in self.obj]
        extra = sorted(set(self.obj) - set(names))
        if missing:
            raise PackageRejected(f"manifest.json: thiếu trường “{self.where}{missing[0]}”.")
        if extra:
            raise PackageRejected(f"manifest.json: có trường không biết “{self.where}{extra[0]}”.")

    def wrong(self, name: str, expected: str) -> PackageRejected:
        """The rejection for field `name` not being `expected`."""
        return PackageRejected(f"manifest.json: trường “{self.where}{name}” phải là {expected}.")

    def text(self, name: str, pattern: re.Pattern[str] | None = None,
            expected: str = "chuỗi ký tự") -> str:
        value = self.obj[name]
        if not isinstance(value, str) or (pattern is not None and not pattern.fullmatch(value)):
            raise self.wrong(name, expected)
        return value

    def opt_text(self, name: str) -> str | None:
        return None if self.obj[name] is None else self.text(name, expected="chuỗi hoặc null")

    def count(self, name: str) -> int:
        value = self.obj[name]
        # bool is an int in Python but not in the contract: true is not a record count.
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.wrong(name, "số nguyên không âm")
        return value

    def uuid_text(self, name: str) -> str:
        value = self.text(name, expected="UUID")
        try:
            canonical = str(uuid.UUID(value))
        except ValueError:
            raise self.wrong(name, "UUID") from None
        if canonical != value:
            raise self.wrong(name, "UUID dạng chuẩn (chữ thường, có gạch nối)")
        return value


def check_version(value: object) -> None:
    """Rule 4 comes first: another format or version is named as such, not picked apart."""
    if not isinstance(value, dict):
        raise PackageRejected("manifest.json phải là một đối tượng JSON {…}.")
    obj = cast(dict[str, object], value)
    if obj.get("format") != FORMAT:
        raise PackageRejected(f"Tệp không phải gói HoaNhap (format = {obj.get('format')!r}, "
                              f"cần “{FORMAT}”).")
    version = obj.get("format_version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise PackageRejected(f"Gói dùng định dạng phiên bản {version!r}; phần mềm này chỉ "
                              f"đọc được phiên bản {FORMAT_VERSION}. Hãy cập nhật HoaNhap.")
    schema = obj.get("schema_version")
    # isinstance first: a list or object here is unhashable, and must be named, not crash.
    if not isinstance(schema, str) or schema not in known_schema_versions():
        raise PackageRejected(f"Gói được tạo với cấu trúc dữ liệu phiên bản {schema!r}, phần "
                              "mềm này chưa biết phiên bản đó. Hãy cập nhật HoaNhap.")


def parse_manifest(value: object) -> Manifest:
    """The typed manifest, or PackageRejected naming the first wrong field."""
    check_version(value)
    r = _Reader(value, "", _TOP_FIELDS)
    kind = r.text("kind")
    if kind not in KINDS:
        raise r.wrong("kind", " | ".join(KINDS))
    created_at = _moment(r, "created_at")
    return Manifest(
        format=FORMAT, format_version=FORMAT_VERSION, schema_version=r.text("schema_version"),
        package_id=r.uuid_text("package_id"), kind=cast(Kind, kind), unit=_unit(r.obj["unit"]),
        recipient=_recipient(r.obj["recipient"]), created_at=created_at,
        created_by=r.text("created_by"), app_version=r.text("app_version"),
        since_package_id=None if r.obj["since_package_id"] is None
        else r.uuid_text("since_package_id"),
        period=r.opt_text("period"), files=_files(r.obj["files"]),
        signing_key=_signing_key(r.obj["signing_key"]),
    )


def _moment(r: _Reader, name: str) -> datetime:
    text = r.text(name)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise r.wrong(name, "thời điểm ISO 8601") from None
    if moment.tzinfo is None:
        raise r.wrong(name, "thời điểm ISO 8601 có múi giờ (+07:00)")
    return moment


def _unit(value: object) -> UnitRef:
    r = _Reader(value, "unit", ("code", "name", "province"))
    return UnitRef(code=r.text("code", _UNIT_CODE, "mã đơn vị (1–20 chữ, số, . _ -)"),
                   name=r.text("name"), province=r.text("province"))


def _recipient(value: object) -> RecipientRef | None:
    if value is None:
        return None
    r = _Reader(value, "recipient", ("code", "name"))
    return RecipientRef(code=r.text("code", _UNIT_CODE, "mã đơn vị (1–20 chữ, số, . _ -)"),
                        name=r.text("name"))


def _files(value: object) -> tuple[FileEntry, ...]:
    if not isinstance(value, list):
        raise PackageRejected("manifest.json: trường “files” phải là một danh sách.")
    entries = []
    for i, item in enumerate(value):
        r = _Reader(item, f"files[{i}]", ("path", "sha256", "bytes", "records"))
        entries.append(FileEntry(path=r.text("path"),
                                 sha256=r.text("sha256", _SHA256, "64 chữ số hex thường"),
                                 size=r.count("bytes"), records=r.count("records")))
    paths = [e.path for e in entries]
    if len(set(paths)) != len(paths):
        dup = next(p for p in paths if paths.count(p) > 1)
        raise PackageRejected(f"manifest.json: tệp “{dup}” được liệt kê hai lần.")
    return tuple(entries)


def _signing_key(value: object) -> SigningKeyRef:
    r = _Reader(value, "signing_key", ("algorithm", "public_key", "fingerprint"))
    if r.text("algorithm") != "ed25519":
        raise r.wrong("algorithm", "“ed25519”")
    return SigningKeyRef(algorithm="ed25519", public_key=r.text("public_key"),
                         fingerprint=r.text("fingerprint", _SHA256, "64 chữ số hex thường"))
