"""`desktop.schema`: the start-up shortcut that skips Alembic when the database is at head."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desktop import schema
from desktop.db import head_revision, make_engine, open_database


def test_known_head_is_alembics_head() -> None:
    assert schema.known_head() == head_revision()


def test_a_migrated_database_is_at_head_and_an_old_one_is_not(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.db")
    try:
        assert schema.at_head(db.engine)
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
        assert not schema.at_head(db.engine)
    finally:
        db.close()


def test_an_old_database_is_still_migrated_on_open(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.db")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))
        # What 0004 replaces, as a database made before it has it.
        conn.execute(text("DROP INDEX ix_contacts_person_date"))
        conn.execute(text("CREATE INDEX ix_contacts_person_date ON contacts "
                          "(person_id, contact_date)"))
        conn.execute(text("CREATE INDEX ix_contacts_contact_date ON contacts (contact_date)"))
    db.close()
    db = open_database(tmp_path / "t.db")
    try:
        assert schema.stored_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            names = {row[0] for row in conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts'"))}
        assert "ix_contacts_contact_date" not in names
    finally:
        db.close()


def test_a_database_without_version_table_is_not_at_head(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "empty.db")
    try:
        assert schema.stored_revision(engine) is None
        assert not schema.at_head(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize(("files", "head"), [
    ({"a.py": 'revision: str = "1"\ndown_revision: str | None = None\n',
      "b.py": "revision = '2'\ndown_revision = '1'\n"}, "2"),
    ({"a.py": 'revision = "1"\n', "b.py": 'revision = "2"\ndown_revision = "1"\n',
      "c.py": 'revision = "3"\ndown_revision = "1"\n'}, None),  # two heads: ask Alembic
    ({"__init__.py": ""}, None),
])
def test_known_head_reads_the_revision_lines(tmp_path: Path, files: dict[str, str],
                                             head: str | None) -> None:
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert schema.known_head.__wrapped__(tmp_path) == head
