"""docs/handoff-format.md lists exactly the fields packages carry, and the real limits.

Other offices' programs are written from that document: a field added to a table (or a
limit changed) without the document changing would break them silently.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.handoff import archive
from desktop.handoff.records import FIELDS

DOC = Path(__file__).parents[2] / "docs" / "handoff-format.md"
COMMON = {"id", "unit_code", "version", "created_at", "updated_at", "deleted_at"}


def documented_fields() -> dict[str, set[str]]:
    """{table: fields} from the "### `table`" sections' tables of the document."""
    found: dict[str, set[str]] = {}
    table = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.fullmatch(r"### `(\w+)`.*", line)
        if heading:
            table = heading.group(1)
            found[table] = set()
        elif line.startswith("## "):
            table = None
        elif table is not None and (row := re.match(r"\| `(\w+)` \|", line)):
            found[table].add(row.group(1))
    return found


def test_every_table_and_field_is_documented() -> None:
    documented = documented_fields()
    expected = {t: {s.name for s in specs} - COMMON for t, specs in FIELDS.items()}
    assert {t: documented.get(t) for t in expected} == expected


def test_the_limits_in_the_document_are_the_real_ones() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert f"at most {archive.MAX_ENTRIES:,}" in text
    assert f"at most {archive.MAX_TOTAL // 1024 // 1024} MB" in text
    assert f"at most {archive.MAX_RATIO} : 1 for entries over " \
           f"{archive.RATIO_FLOOR // 1024 // 1024} MB" in text
    assert f"`manifest.json` | at most {archive.MAX_MANIFEST // 1024 // 1024} MB" in text
    assert f"one line of a data file | at most {archive.MAX_LINE // 1024 // 1024} MB" in text
