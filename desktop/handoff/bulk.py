"""A package's records in bulk: reading hundreds of thousands of lines, and inserting them.

A province imports about 1.75 million records from its communes' `full` packages, so the
per-record work of `records.parse_line` and of SQLAlchemy's parameter processing would
cost several times what SQLite spends writing the rows. Here:

- `parse_lines` reads a table's lines like `records.parse_lines` (same values, same
  refusals, same messages), through a fast path for the common line — exactly the
  table's fields, each of the expected JSON type and format — and `records.parse_line`
  for any other line, which then names what is wrong;
- `INSERTS[table].rows(values)` turns column values into the tuples SQLAlchemy would
  store (dates as ISO text, instants as naive UTC text, booleans as 0/1), for one plain
  `executemany` per table.

tests/handoff checks both against the careful paths (`tests/test_benchmarks.py` checks
that an import stores exactly the exported rows).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from desktop.handoff.records import (
    CHOICES,
    FIELDS,
    PATTERNS,
    PHOTO,
    TABLES,
    UUID_FIELDS,
    FieldKind,
    FieldSpec,
    Values,
    check_unique_ids,
    column_kind,
    local_state,
    parse_line,
    table_of,
)
from desktop.handoff.records import parse_lines as parse_lines_carefully

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# ---------------------------------------------------------------- reading


class _Slow(Exception):
    """A value the fast reading does not accept as is: read it the careful way."""


Decoder = Callable[[object], Any]


def _fast_decoder(spec: FieldSpec) -> Decoder:
    """The common case of `_decode` for one field, without building error context: raises
    `_Slow` on anything unusual, and `_decode` then gives the precise message."""
    nullable = spec.nullable
    if spec.kind in ("text", "int", "bool"):
        wanted = {"text": str, "int": int, "bool": bool}[spec.kind]

        def plain(raw: object) -> Any:
            if type(raw) is wanted or (raw is None and nullable):
                return raw
            raise _Slow

        return plain
    if spec.kind == "date":
        def day(raw: object) -> Any:
            if raw is None and nullable:
                return None
            if type(raw) is str and _ISO_DATE.fullmatch(raw):
                try:
                    return date.fromisoformat(raw)
                except ValueError:
                    pass
            raise _Slow

        return day

    if spec.kind == "moment":
        def moment(raw: object) -> Any:
            if raw is None and nullable:
                return None
            if type(raw) is str:
                try:
                    parsed = datetime.fromisoformat(raw)
                except ValueError:
                    raise _Slow from None
                if parsed.tzinfo is not None:
                    return parsed.astimezone(UTC)
            raise _Slow

        return moment

    def careful(raw: object) -> Any:  # bytes (a transfer's photo): read carefully
        if raw is None and nullable:
            return None
        raise _Slow

    return careful


@dataclass(frozen=True)
class _TableReader:
    """Everything `parse_line` needs about one table, computed once."""

    names: frozenset[str]
    required: frozenset[str]
    fields: tuple[tuple[FieldSpec, Decoder], ...]
    uuid_fields: tuple[str, ...]
    choices: tuple[tuple[str, frozenset[str]], ...]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _reader(table: str) -> _TableReader:
    specs = FIELDS[table]
    names = frozenset(s.name for s in specs)
    optional = {PHOTO} if table == "persons" else set()
    return _TableReader(
        names=names, required=names - optional,
        fields=tuple((s, _fast_decoder(s)) for s in specs),
        uuid_fields=tuple(sorted(UUID_FIELDS & names)),
        choices=tuple((name, frozenset(allowed)) for (t, name), allowed in CHOICES.items()
                      if t == table),
        patterns=tuple((name, pattern) for (t, name), (pattern, _) in PATTERNS.items()
                       if t == table),
    )


_READERS: dict[str, _TableReader] = {name: _reader(name) for name in TABLES}


def _codes_ok(reader: _TableReader, table: str, values: Values) -> bool:
    """`_check_codes` for the values that pass it, answered quickly."""
    for name in reader.uuid_fields:
        value = values[name]
        if value is not None and not _UUID.fullmatch(value):
            return False
    for name, allowed in reader.choices:
        if values[name] is not None and values[name] not in allowed:
            return False
    for name, pattern in reader.patterns:
        if not pattern.fullmatch(values[name]):
            return False
    if table == "persons" and len(values["birth_date"]) == 10:
        try:
            date.fromisoformat(values["birth_date"])  # the pattern above fixed its shape
        except ValueError:
            return False
    return True


def _fast_values(reader: _TableReader, line: Mapping[str, object]) -> Values | None:
    """The line's values when every field reads the common way, else None."""
    values: Values = {}
    try:
        for spec, decode in reader.fields:
            if spec.name in line:
                values[spec.name] = decode(line[spec.name])
    except _Slow:
        return None
    return values


def _fast_line(reader: _TableReader, table: str, line: Mapping[str, object]) -> Values | None:
    if not (line.keys() <= reader.names and line.keys() >= reader.required):
        return None
    values = _fast_values(reader, line)
    if values is None or not _codes_ok(reader, table, values):
        return None
    return local_state(table, values)


def parse_lines(table: str, lines: Sequence[Mapping[str, object]]) -> list[Values]:
    """Column values of every line of `table`, as `records.parse_lines` reads them."""
    reader = _READERS.get(table)
    if reader is None:
        return parse_lines_carefully(table, lines)  # refuses the unknown table
    result = [_fast_line(reader, table, line) or parse_line(table, line, number)
              for number, line in enumerate(lines, start=1)]
    check_unique_ids(table, result)
    return result


# ---------------------------------------------------------------- inserting


def _moment_text(value: datetime) -> str:
    # models.base.UTCDateTime stores naive UTC, in SQLAlchemy's DATETIME text format.
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


# How SQLAlchemy stores a value in SQLite for a column of each kind (unlisted: as is).
_STORAGE: dict[FieldKind, Callable[[Any], Any]] = {
    "date": date.isoformat, "moment": _moment_text, "bool": int,
}


@dataclass(frozen=True)
class InsertPlan:
    """An INSERT of every column of a table, and how to turn values into its rows."""

    sql: str
    names: tuple[str, ...]
    defaults: tuple[Any, ...]
    encoders: tuple[tuple[int, Callable[[Any], Any]], ...]  # (position, to storage)

    def rows(self, records: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
        """The rows to insert, in column order, as SQLAlchemy would store them."""
        take = itemgetter(*self.names)
        rows = []
        for values in records:
            try:
                row = list(take(values))
            except KeyError:  # a column the line does not carry (a routine photo)
                row = [values.get(n, d) for n, d in zip(self.names, self.defaults, strict=True)]
                if _REQUIRED in row:  # SQLAlchemy would have made one (an id, a time)
                    raise ValueError(f"{self.sql.split()[2]}: a value without default "
                                     "is missing") from None
            for position, encode in self.encoders:
                value = row[position]
                if value is not None:
                    row[position] = encode(value)
            rows.append(tuple(row))
        return rows


_REQUIRED = object()  # no value and no default to store: the caller forgot a column


def _default(column: Any) -> Any:
    """What SQLAlchemy would store for a column the values leave out (None if nullable);
    a computed default (a new id, the current time) is never left to chance here."""
    default = column.default
    if default is not None and default.is_scalar:
        return getattr(default, "arg", None)
    return None if column.nullable else _REQUIRED


def _insert_plan(name: str) -> InsertPlan:
    columns = list(table_of(name).columns)
    defaults = tuple(_default(c) for c in columns)
    encoders = tuple((i, _STORAGE[column_kind(c)]) for i, c in enumerate(columns)
                     if column_kind(c) in _STORAGE)
    names = tuple(c.name for c in columns)
    marks = ", ".join("?" * len(columns))
    return InsertPlan(f"INSERT INTO {name} ({', '.join(names)}) VALUES ({marks})", names,
                      defaults, encoders)


INSERTS: dict[str, InsertPlan] = {name: _insert_plan(name) for name in TABLES}
"""Per table, a plain `executemany` INSERT: a province imports over a million rows, and
SQLAlchemy's per-row parameter processing would cost more than SQLite's own work."""
