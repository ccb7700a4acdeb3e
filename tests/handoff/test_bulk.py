"""The bulk paths of an import (desktop.handoff.bulk, archive's fast line reading) give
exactly what the careful paths give: the same values, the same refusals and messages,
and the same stored text as SQLAlchemy."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.db import Database, open_database
from desktop.demo import DemoOptions, generate_demo
from desktop.handoff import archive, bulk, records
from desktop.handoff.manifest import PackageRejected
from tests.handoff.conftest import TODAY


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("bulk") / "demo.db"
    db = open_database(path)
    summary = generate_demo(db, DemoOptions(persons=20, units=1, seed=4, today=TODAY))
    yield db, summary.unit_codes[0], path
    db.close()


def _lines(db: Database, code: str) -> dict[str, list[dict[str, object]]]:
    with db.reading() as session:
        tables, _ = records.export_tables(session, code, "full", None)
    # As they travel: through the package's JSON encoding.
    return {t: [json.loads(archive.jsonl(t, [line]).decode()) for line in lines]
            for t, lines in tables.items()}


def test_fast_reading_gives_the_careful_values(demo: Any) -> None:
    db, code, _ = demo
    for table, lines in _lines(db, code).items():
        assert bulk.parse_lines(table, lines) == records.parse_lines(table, lines), table


def _refusal(read: Any, table: str, lines: list[dict[str, object]]) -> str:
    with pytest.raises(PackageRejected) as caught:
        read(table, lines)
    return caught.value.message


@pytest.mark.parametrize(("table", "field", "value"), [
    ("contacts", "contact_date", "2026-02-30"),   # no such day
    ("contacts", "contact_date", "20260201"),     # not the contract's format
    ("contacts", "updated_at", "2026-02-01T10:00:00"),  # no time zone
    ("contacts", "version", "3"),                 # a number as text
    ("contacts", "version", True),                # a boolean for a number
    ("contacts", "person_id", "NOT-A-UUID"),
    ("contacts", "person_id", None),              # required
    ("persons", "gender", "other"),               # outside the code list
    ("persons", "birth_date", "1990-13-01"),
    ("evaluations", "quarter", "2026-Q5"),
    ("team_members", "responsible", 1),           # a number for a boolean
])
def test_odd_values_are_refused_with_the_careful_message(demo: Any, table: str, field: str,
                                                         value: object) -> None:
    db, code, _ = demo
    lines = [dict(line) for line in _lines(db, code)[table][:3]]
    lines[1][field] = value
    expected = _refusal(records.parse_lines, table, lines)
    assert _refusal(bulk.parse_lines, table, lines) == expected
    assert "dòng 2" in expected


@pytest.mark.parametrize("change", ["missing", "extra", "duplicate id"])
def test_odd_lines_are_refused_with_the_careful_message(demo: Any, change: str) -> None:
    db, code, _ = demo
    lines = [dict(line) for line in _lines(db, code)["contacts"][:3]]
    if change == "missing":
        del lines[2]["summary"]
    elif change == "extra":
        lines[2]["colour"] = "blue"
    else:
        lines[2]["id"] = lines[0]["id"]
    expected = _refusal(records.parse_lines, "contacts", lines)
    assert _refusal(bulk.parse_lines, "contacts", lines) == expected


def test_inserted_rows_are_stored_as_sqlalchemy_stores_them(demo: Any, tmp_path: Path) -> None:
    db, code, source = demo
    target = open_database(tmp_path / "copy.db")
    target.close()
    theirs = sqlite3.connect(source)
    ours = sqlite3.connect(tmp_path / "copy.db")
    try:
        ours.execute("PRAGMA foreign_keys = OFF")
        for table in records.TABLES:
            t = records.table_of(table)
            with db.reading() as session:
                values = [dict(r) for r in session.execute(
                    select(t).where(t.c.unit_code == code)).mappings()]
            plan = bulk.INSERTS[table]
            ours.executemany(plan.sql, plan.rows(values))
            query = f"SELECT * FROM {table} WHERE unit_code = ? ORDER BY id"
            assert (ours.execute(query, (code,)).fetchall()
                    == theirs.execute(query, (code,)).fetchall()), table
    finally:
        ours.close()
        theirs.close()


@pytest.mark.parametrize("raw", [
    b'{"a":1,"a":2}',                    # a duplicate key
    b'{"a":NaN}',                        # not standard JSON
    b'{"a":"e\\u0301"}',                 # an escaped, decomposed accent (not NFC)
    '{"a":"e\u0301"}'.encode(),          # a decomposed accent written out (not NFC)
    b'[1,2]',                            # not an object
    b'{"a":1',                           # truncated
    b'{"a":"\xff"}',                     # not UTF-8
])
def test_fast_line_reading_refuses_what_the_strict_reading_refuses(raw: bytes) -> None:
    with pytest.raises(PackageRejected) as caught:
        archive.parse_jsonl("data/contacts.jsonl", raw + b"\n", 1)
    assert "dòng 1" in caught.value.message


def test_fast_line_reading_accepts_escapes_and_vietnamese(demo: Any) -> None:
    line = {"a": 'Nguyễn "Văn"\\An\n', "b": None, "c": [1, {"d": "Đ"}]}
    raw = archive.jsonl("contacts", [line])
    assert archive.parse_jsonl("data/contacts.jsonl", raw, 1) == [line]
