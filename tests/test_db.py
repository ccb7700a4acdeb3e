"""Opening databases: migrations, drift, pragmas, integrity check and the single-process lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from desktop.db import (
    DatabaseDamagedError,
    DatabaseError,
    DatabaseInUseError,
    current_revision,
    head_revision,
    open_database,
)
from desktop.models import Base


def test_empty_database_upgrades_to_head(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    try:
        assert current_revision(db.engine) == head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        db.close()


def test_models_and_migrations_do_not_drift(tmp_path: Path) -> None:
    db = open_database(tmp_path / "drift.db")
    try:
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == [], f"models differ from migrations; run autogenerate: {diff}"
    finally:
        db.close()


def test_pragmas_are_set(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.db")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        db.close()


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    open_database(path).close()
    db = open_database(path)
    assert current_revision(db.engine) == head_revision()
    db.close()


def test_not_a_database_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    before = path.read_bytes()
    with pytest.raises(DatabaseDamagedError, match="không phải cơ sở dữ liệu"):
        open_database(path)
    assert path.read_bytes() == before, "a damaged file must not be modified"


def test_missing_database_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="Không tìm thấy"):
        open_database(tmp_path / "absent.db", create=False)


def test_second_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    db = open_database(path)
    try:
        code = (
            "import sys\n"
            "from desktop.db import open_database, DatabaseInUseError\n"
            "try:\n"
            f"    open_database({str(path)!r})\n"
            "except DatabaseInUseError as e:\n"
            "    print(e.message); sys.exit(3)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                timeout=60, check=False)
        assert result.returncode == 3, result.stderr
        assert "đang được mở" in result.stdout
    finally:
        db.close()
    # Once released, the database opens again.
    open_database(path).close()


def test_second_open_in_same_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.db"
    db = open_database(path)
    try:
        with pytest.raises(DatabaseInUseError):
            open_database(path)
    finally:
        db.close()


def test_a_long_read_does_not_block_a_write(tmp_path: Path) -> None:
    """A report reading on a worker thread must not stop the officer from saving (WAL +
    deferred read transactions)."""
    from sqlalchemy import select

    from desktop.models import Setting

    db = open_database(tmp_path / "rw.db")
    try:
        with db.reading() as reader:
            reader.execute(select(Setting)).all()  # the read transaction is now open
            with db.transaction() as writer:
                writer.add(Setting(key="probe", value="1"))
        with db.reading() as s:
            assert s.get(Setting, "probe") is not None
    finally:
        db.close()
