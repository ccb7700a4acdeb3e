"""Domain tables ↔ the JSON lines of a package (HANDOFF.md §3), strictly typed both ways.

Every column travels under its own name — the §3 minimum names are the column names —
so a consumer can compute the report figures from a package alone. Encodings:

- dates as "YYYY-MM-DD"; instants (`created_at`, `updated_at`, `deleted_at`, …) as
  ISO 8601 in UTC with "+00:00" (lossless: the database keeps UTC); booleans and integers
  as JSON booleans and integers; text as NFC strings.
- Local state stays home: `persons.name_folded` is derived from `full_name` (recomputed on
  import) and `units.is_home` says which unit *this installation* belongs to.
- `persons.photo` travels only in `transfer` packages (base64, standard alphabet, or
  null): the province needs no photographs, so routine packages carry less personal data;
  the receiving commune gets the whole case file. A photo too large for one package line
  is refused at export, naming the person.

Reading is strict: a line must have exactly the table's fields (`photo` may be missing),
each of the right JSON type, ids must be canonical UUIDs, and the §3 code lists
(gender, release type, penalty, role, classification, kinds, week and quarter codes)
must hold. Any fault is a `PackageRejected` naming the file, the line and the field.
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from sqlalchemy import Boolean, Column, Date, Integer, LargeBinary, String, Table, select
from sqlalchemy.orm import Session

from desktop.handoff.manifest import PackageRejected
from desktop.models import (
    END_REASONS,
    MAIN_PENALTIES,
    RELEASE_TYPES,
    STATUSES,
    SUPPORT_KINDS,
    TEAM_ROLES,
    VIOLATION_KINDS,
    AuditEntry,
    CommunityModel,
    ContactLog,
    Evaluation,
    ExcusedWeek,
    Judgment,
    Person,
    RecordMixin,
    ReportRecord,
    StatusChange,
    Support,
    TeamMember,
    Unit,
    Violation,
)
from desktop.models.admin import Adjustment
from desktop.models.base import UTCDateTime
from desktop.services.errors import ServiceError
from desktop.text import fold

# Parents before children, so inserting in this order satisfies every foreign key.
MODELS: dict[str, type[RecordMixin]] = {
    "units": Unit, "persons": Person, "judgments": Judgment, "status_changes": StatusChange,
    "team_members": TeamMember, "contacts": ContactLog, "excused_weeks": ExcusedWeek,
    "evaluations": Evaluation, "supports": Support, "violations": Violation,
    "models": CommunityModel, "reports": ReportRecord, "adjustments": Adjustment,
    "audit": AuditEntry,
}
TABLES: tuple[str, ...] = tuple(MODELS)
# The tables of one person's case file (a `transfer` package), person first.
PERSON_TABLES: tuple[str, ...] = (
    "persons", "judgments", "status_changes", "team_members", "contacts", "excused_weeks",
    "evaluations", "supports", "violations",
)
LOCAL_ONLY: dict[str, frozenset[str]] = {
    "persons": frozenset({"name_folded"}), "units": frozenset({"is_home"}),
}
PHOTO = "photo"
# A package line may be at most 1 MB (archive.MAX_LINE); base64 grows 4/3, and the rest
# of a person's line is a few kilobytes.
MAX_PHOTO_BYTES = 700 * 1024

FieldKind = Literal["text", "int", "bool", "date", "moment", "bytes"]
Values = dict[str, Any]
Line = dict[str, object]
Versions = dict[str, dict[str, int]]


@dataclass(frozen=True)
class FieldSpec:
    """One column as it travels: its name, JSON encoding and whether null is allowed."""

    name: str
    kind: FieldKind
    nullable: bool


def column_kind(column: Column[Any]) -> FieldKind:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return "moment"
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, LargeBinary):
        return "bytes"
    if isinstance(kind, String):
        return "text"
    raise TypeError(f"no package encoding for column {column}")


def table_of(name: str) -> Table:
    """The SQLAlchemy table behind a package table name."""
    table = MODELS[name].__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def _specs(name: str) -> tuple[FieldSpec, ...]:
    local = LOCAL_ONLY.get(name, frozenset())
    return tuple(FieldSpec(c.name, column_kind(c), bool(c.nullable))
                 for c in table_of(name).columns if c.name not in local)


FIELDS: dict[str, tuple[FieldSpec, ...]] = {name: _specs(name) for name in TABLES}

# The §3 code lists and formats: what a consumer may rely on when computing figures.
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("persons", "gender"): ("male", "female"),
    ("persons", "release_type"): RELEASE_TYPES,
    ("persons", "status"): STATUSES,
    ("persons", "end_reason"): END_REASONS,
    ("judgments", "main_penalty"): MAIN_PENALTIES,
    ("team_members", "role"): TEAM_ROLES,
    ("evaluations", "classification"): ("A", "B", "C", "D"),
    ("supports", "kind"): SUPPORT_KINDS,
    ("violations", "kind"): VIOLATION_KINDS,
}
PATTERNS: dict[tuple[str, str], tuple[re.Pattern[str], str]] = {
    ("persons", "birth_date"): (re.compile(r"\d{4}(-\d{2}-\d{2})?"), "“YYYY-MM-DD” hoặc “YYYY”"),
    ("excused_weeks", "week"): (re.compile(r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])"), "tuần “YYYY-Www”"),
    ("evaluations", "quarter"): (re.compile(r"\d{4}-Q[1-4]"), "quý “YYYY-Qn”"),
}
UUID_FIELDS = frozenset({"id", "person_id", "report_id"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# ---------------------------------------------------------------- writing


def _encode(kind: FieldKind, value: Any) -> object:
    if value is None:
        return None
    if kind == "date":
        return str(value.isoformat())
    if kind == "moment":
        return str(value.astimezone(UTC).isoformat())
    if kind == "bytes":
        return base64.b64encode(value).decode("ascii")
    return value


def line_of(table: str, values: Mapping[str, Any], *, with_photo: bool = False) -> Line:
    """The JSON line of one record (column values → contract encoding)."""
    line: Line = {}
    for spec in FIELDS[table]:
        if spec.name == PHOTO and not with_photo:
            continue
        line[spec.name] = _encode(spec.kind, values[spec.name])
    return line


def comparable(table: str, line: Mapping[str, object]) -> Line:
    """The part of a line two installations must agree on (the photo is not compared)."""
    return {k: v for k, v in line.items() if k != PHOTO or table != "persons"}


def _check_photo(values: Mapping[str, Any]) -> None:
    photo = values.get(PHOTO)
    if photo is not None and len(photo) > MAX_PHOTO_BYTES:
        raise ServiceError(
            f"Ảnh của {values['full_name']} lớn quá {MAX_PHOTO_BYTES // 1024} KB nên không "
            "đưa được vào gói; hãy thay bằng ảnh nhỏ hơn rồi xuất lại."
        )


def _rows(session: Session, table: str, where: Any, with_photo: bool) -> list[Values]:
    t = table_of(table)
    columns = [c for c in t.columns if with_photo or c.name != PHOTO]
    order = t.c.seq if table == "audit" else t.c.id
    return [dict(r) for r in session.execute(select(*columns).where(where).order_by(order))
            .mappings()]


def export_tables(session: Session, unit_code: str, kind: str,
                  since: Versions | None) -> tuple[dict[str, list[Line]], Versions]:
    """Every table's lines for `unit_code`, and the versions of all its records now.

    `kind` "full" sends every record the unit owns; "changes" only those with a higher
    version than in `since` ({table: {id: version}}, the last package to the recipient).
    The returned versions cover every record of the unit, so the next "changes" package
    compares against what the recipient holds once it has imported this one.
    """
    if kind not in ("full", "changes"):
        raise ValueError(f"export_tables: kind {kind!r}")
    known = since if kind == "changes" and since is not None else {}
    tables: dict[str, list[Line]] = {}
    versions: Versions = {}
    for table in TABLES:
        rows = _rows(session, table, table_of(table).c.unit_code == unit_code, False)
        sent = known.get(table, {})
        versions[table] = {r["id"]: r["version"] for r in rows}
        tables[table] = [line_of(table, r) for r in rows if r["version"] > sent.get(r["id"], 0)]
    return tables, versions


def person_file(session: Session, person_id: str) -> dict[str, list[Line]]:
    """One person's whole case file: the person (with photo) and every child record."""
    tables: dict[str, list[Line]] = {}
    for table in PERSON_TABLES:
        t = table_of(table)
        key = t.c.id if table == "persons" else t.c.person_id
        rows = _rows(session, table, key == person_id, table == "persons")
        for row in rows if table == "persons" else ():
            _check_photo(row)
        tables[table] = [line_of(table, r, with_photo=True) for r in rows]
    return tables


# ---------------------------------------------------------------- reading


class _Where:
    """Names the file, line and field of a fault, as the archive reader does."""

    def __init__(self, table: str, number: int) -> None:
        self.prefix = f"Tệp data/{table}.jsonl, dòng {number}"

    def wrong(self, name: str, expected: str) -> PackageRejected:
        return PackageRejected(f"{self.prefix}: trường “{name}” phải là {expected}.")

    def fault(self, text: str) -> PackageRejected:
        return PackageRejected(f"{self.prefix}: {text}.")


def _decode_date(raw: str, spec: FieldSpec, where: _Where) -> date:
    try:
        if not _DATE.fullmatch(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise where.wrong(spec.name, "ngày “YYYY-MM-DD”") from None


def _decode_moment(raw: str, spec: FieldSpec, where: _Where) -> datetime:
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise where.wrong(spec.name, "thời điểm ISO 8601") from None
    if moment.tzinfo is None:
        raise where.wrong(spec.name, "thời điểm ISO 8601 có múi giờ")
    return moment.astimezone(UTC)


def _decode_bytes(raw: str, spec: FieldSpec, where: _Where) -> bytes:
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise where.wrong(spec.name, "dữ liệu base64") from None


_JSON_TYPES: dict[FieldKind, tuple[type, str]] = {
    "text": (str, "chuỗi ký tự"), "int": (int, "số nguyên"), "bool": (bool, "true/false"),
    "date": (str, "ngày “YYYY-MM-DD”"), "moment": (str, "thời điểm ISO 8601"),
    "bytes": (str, "dữ liệu base64"),
}


def _decode(spec: FieldSpec, raw: object, where: _Where) -> Any:
    if raw is None:
        if spec.nullable:
            return None
        raise where.wrong(spec.name, "có giá trị (không được null)")
    wanted, label = _JSON_TYPES[spec.kind]
    # JSON true is a bool, and bool is an int in Python: neither may pass for the other.
    if not isinstance(raw, wanted) or (spec.kind == "int" and isinstance(raw, bool)):
        raise where.wrong(spec.name, label + (" hoặc null" if spec.nullable else ""))
    if spec.kind == "date":
        return _decode_date(str(raw), spec, where)
    if spec.kind == "moment":
        return _decode_moment(str(raw), spec, where)
    if spec.kind == "bytes":
        return _decode_bytes(str(raw), spec, where)
    return raw


def _check_codes(table: str, values: Values, where: _Where) -> None:
    for name in UUID_FIELDS.intersection(values):
        value = values[name]
        if value is not None and not _canonical_uuid(value):
            raise where.wrong(name, "UUID dạng chuẩn")
    for (t, name), allowed in CHOICES.items():
        if t == table and values[name] is not None and values[name] not in allowed:
            raise where.wrong(name, " | ".join(allowed))
    for (t, name), (pattern, label) in PATTERNS.items():
        if t == table and not pattern.fullmatch(values[name]):
            raise where.wrong(name, label)
    if table == "persons" and len(values["birth_date"]) == 10:
        _decode_date(values["birth_date"], FieldSpec("birth_date", "date", False), where)


def _canonical_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def local_state(table: str, values: Values) -> Values:
    """`values` with the columns that are this installation's own, set on arrival."""
    if table == "persons":
        values["name_folded"] = fold(values["full_name"])
    if table == "units":
        values["is_home"] = False  # the merge keeps a local row's own value
    return values


def parse_line(table: str, line: Mapping[str, object], number: int) -> Values:
    """Column values of one line; PackageRejected names line `number` and the field."""
    where = _Where(table, number)
    specs = FIELDS[table]
    names = {s.name for s in specs}
    optional = {PHOTO} if table == "persons" else set()
    missing = sorted(names - optional - set(line))
    if missing:
        raise where.fault(f"thiếu trường “{missing[0]}”")
    extra = sorted(set(line) - names)
    if extra:
        raise where.fault(f"có trường không biết “{extra[0]}”")
    values = {s.name: _decode(s, line[s.name], where) for s in specs if s.name in line}
    _check_codes(table, values, where)
    return local_state(table, values)


def parse_lines(table: str, lines: Sequence[Mapping[str, object]]) -> list[Values]:
    """Column values of every line of `table`; the same id twice is refused."""
    if table not in MODELS:
        raise PackageRejected(f"Gói chứa bảng không biết “data/{table}.jsonl”.")
    result = [parse_line(table, line, n) for n, line in enumerate(lines, start=1)]
    check_unique_ids(table, result)
    return result


def check_unique_ids(table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Refuse a table file that holds the same record id twice, naming the line."""
    seen: set[str] = set()
    for number, values in enumerate(rows, start=1):
        if values["id"] in seen:
            raise _Where(table, number).fault(f"mã bản ghi {values['id']} xuất hiện hai lần")
        seen.add(values["id"])


def ids_of(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """The `id` of every row, in order."""
    return [str(r["id"]) for r in rows]
