"""Opening the office database: path, pragmas, integrity check, single-process lock, migrations.

Every entry point (GUI, CLI, tests) goes through `open_database`, so a database is
always checked, locked and migrated the same way before anything touches it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class DatabaseError(Exception):
    """A known problem with the database file; `message` is for the user (Vietnamese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseInUseError(DatabaseError):
    """Another HoaNhap process has this database open."""


class DatabaseDamagedError(DatabaseError):
    """The file is not a database, or SQLite's integrity check failed."""


@dataclass
class Database:
    """An open, locked, migrated database; `session()` gives a unit of work."""

    path: Path
    engine: Engine
    _lock: FileLock | None
    _factory: sessionmaker[Session] = field(init=False)
    _read_factory: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._read_factory = sessionmaker(self.engine.execution_options(hoanhap_read=True),
                                          expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        with self._factory.begin() as session:
            yield session

    def session(self) -> Session:
        """A session for read-only queries (deferred: never blocks writers); caller closes it."""
        return self._read_factory()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work: a consistent snapshot that takes no write lock."""
        with self._read_factory() as session:
            yield session

    def close(self) -> None:
        """Release the engine's connections and the process lock."""
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control from the sqlite3 module so BEGIN is emitted by SQLAlchemy
    # and DDL (migrations) runs inside transactions too.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _begin(conn: Any) -> None:
    # Writers take the write lock at the start (IMMEDIATE), so two never deadlock mid-way;
    # readers begin DEFERRED and, under WAL, read a snapshot without blocking anyone.
    read_only = conn.get_execution_options().get("hoanhap_read", False)
    conn.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")


def make_engine(path: Path | str) -> Engine:
    """An engine on a SQLite file (or ":memory:") with the product's pragmas."""
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{path}"
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def _acquire_lock(path: Path) -> FileLock:
    lock = FileLock(str(path) + ".lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise DatabaseInUseError(
            f"Cơ sở dữ liệu {path} đang được mở bởi một cửa sổ HoaNhap khác. "
            "Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại."
        ) from None
    return lock


def quick_check(engine: Engine, path: Path) -> None:
    """Raise DatabaseDamagedError unless `PRAGMA quick_check` says ok."""
    try:
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check")]
    except Exception as exc:
        if isinstance(getattr(exc, "orig", None), sqlite3.DatabaseError):
            raise DatabaseDamagedError(
                f"Tệp {path} không phải cơ sở dữ liệu HoaNhap hoặc đã bị hỏng. "
                "Hãy khôi phục từ bản sao lưu gần nhất."
            ) from None
        raise
    if rows != ["ok"]:
        raise DatabaseDamagedError(
            f"Cơ sở dữ liệu {path} bị hỏng ({'; '.join(map(str, rows[:3]))}). "
            "Hãy khôi phục từ bản sao lưu gần nhất."
        )


def upgrade(engine: Engine) -> None:
    """Apply every pending Alembic migration (the scripts are packaged inside `desktop/`)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    """The migration revision the database is at (None when never migrated)."""
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    """The newest migration revision this build knows."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def open_database(path: Path | str, *, create: bool = True, migrate: bool = True) -> Database:
    """Lock, check and migrate the database at `path`.

    Raises DatabaseError subclasses with a Vietnamese message for the user: the file is
    missing (when `create` is false), in use by another process, or damaged.
    """
    path = Path(path)
    if not create and not path.exists():
        raise DatabaseError(f"Không tìm thấy cơ sở dữ liệu {path}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = _acquire_lock(path)
    try:
        engine = make_engine(path)
        quick_check(engine, path)
        if migrate:
            upgrade(engine)
    except BaseException:
        lock.release()
        raise
    return Database(path=path, engine=engine, _lock=lock)


def integrity_problems(db: Database) -> list[str]:
    """Full `integrity_check` plus `foreign_key_check`, as Vietnamese lines (empty when fine)."""
    problems: list[str] = []
    with db.engine.connect() as conn:
        rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        if rows != ["ok"]:
            problems += [f"Lỗi toàn vẹn: {r}" for r in rows]
        for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"Bảng {table} dòng {rowid} tham chiếu tới {parent} không tồn tại")
    return problems
