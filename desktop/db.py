"""Opening the office database: path, pragmas, integrity check, single-process lock, migrations.

Every entry point (GUI, CLI, tests) goes through `open_database`, so a database is
always checked, locked and migrated the same way before anything touches it.

Encrypted databases (docs/security.md) are SQLCipher files opened through SQLAlchemy's
`sqlite+pysqlcipher` dialect with the raw 32-byte key (`open_database(…, key=…)`): the key
is the very first statement on every connection (`PRAGMA key = "x'…'"`), before the
pragmas below. The file's first 16 bytes tell the two kinds apart — a plain SQLite file
starts with "SQLite format 3", an encrypted one with a random salt — so a missing or wrong
key is reported before anything is written, and the file is never modified by a failed open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import URL, Engine, QueuePool, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker
from sqlcipher3 import dbapi2 as sqlcipher

# The errors live in a module of their own, so the GUI's start-up and the CLI can name them
# without loading SQLAlchemy; they are re-exported here, where callers have always found them.
from desktop.database_errors import DatabaseDamagedError as DatabaseDamagedError
from desktop.database_errors import DatabaseEncryptedError as DatabaseEncryptedError
from desktop.database_errors import DatabaseError as DatabaseError
from desktop.database_errors import DatabaseInUseError as DatabaseInUseError
from desktop.database_errors import DatabaseKeyError as DatabaseKeyError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
# What either driver raises for "file is not a database" and other file-level errors.
DBAPI_DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError,
                                                      sqlcipher.DatabaseError)


@dataclass
class Database:
    """An open, locked, migrated database; `session()` gives a unit of work."""

    path: Path
    engine: Engine
    _lock: FileLock | None
    key: bytes | None = field(default=None, repr=False)  # set for an encrypted database
    # Opened with the office's recovery code, not a user's password: only then may a
    # password be reset without the administrator's own (services.encryption).
    unlocked_by_recovery: bool = False
    _factory: sessionmaker[Session] = field(init=False)
    _read_factory: sessionmaker[Session] = field(init=False)

    @property
    def keyfile(self) -> Path | None:
        """The key file beside an encrypted database (None for a plain one)."""
        if self.key is None:
            return None
        from desktop.security.keyfile import keyfile_path

        return keyfile_path(self.path)

    def switch_to_key(self, key: bytes) -> None:
        """Reopen the engine on the same (now encrypted) file, keeping the process lock:
        used after converting the open plain database in place."""
        self.engine.dispose()
        self.engine = make_engine(self.path, key)
        self.key = key
        self.__post_init__()

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


def _quiet_sqlcipher() -> None:
    # SQLCipher logs every failed page decryption to stderr; a wrong key is reported to the
    # user in one clear line instead. The log level is process-wide.
    with closing(sqlcipher.connect(":memory:")) as conn:
        conn.execute("PRAGMA cipher_log_level = NONE")


def _key_pragma_value(key: bytes) -> str:
    # SQLCipher's raw-key form: the 32 bytes are used as the key, no passphrase derivation.
    return f"x'{key.hex()}'"


def make_engine(path: Path | str, key: bytes | None = None) -> Engine:
    """An engine on a SQLite file (or ":memory:") with the product's pragmas; with `key`,
    on a SQLCipher file (the dialect sends `PRAGMA key` first on each connection)."""
    if key is None:
        url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{path}"
        engine = create_engine(url)
    else:
        _quiet_sqlcipher()
        cipher_url = URL.create("sqlite+pysqlcipher", password=_key_pragma_value(key),
                                database=str(path))
        # pysqlcipher defaults to one connection per thread; a transaction and a read on
        # the same thread need separate connections, as with the plain driver's pool.
        engine = create_engine(cipher_url, poolclass=QueuePool)
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


def connect_file(path: Path | str, key: bytes | None = None, *, read_only: bool = False,
                 ) -> Any:
    """A bare DB-API connection (sqlite3, or sqlcipher3 with `key` applied first): for the
    backup API and checks that work below SQLAlchemy. The caller closes it."""
    target = Path(path)
    uri = f"{target.resolve().as_uri()}{'?mode=ro' if read_only else ''}"
    if key is None:
        return sqlite3.connect(uri, uri=True)
    _quiet_sqlcipher()
    conn = sqlcipher.connect(uri, uri=True)
    conn.execute(f'PRAGMA key = "{_key_pragma_value(key)}"')
    return conn


def is_encrypted_file(path: Path | str) -> bool:
    """Whether the file at `path` holds data but does not start like a plain SQLite file:
    a SQLCipher database (or something that is no database at all)."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return len(head) > 0 and head != SQLITE_HEADER


def _check_key_matches(path: Path, key: bytes | None) -> None:
    """Refuse, before connecting, an encrypted file without a key and a plain one with."""
    from desktop.security.keyfile import keyfile_path

    encrypted = is_encrypted_file(path)
    if key is None and encrypted and keyfile_path(path).exists():
        raise DatabaseEncryptedError(
            f"Cơ sở dữ liệu {path} được mã hóa: cần tên đăng nhập và mật khẩu (hoặc mã khôi "
            "phục) để mở.")
    if key is not None and path.exists() and path.stat().st_size > 0 and not encrypted:
        raise DatabaseKeyError(f"Cơ sở dữ liệu {path} không được mã hóa; hãy mở mà không "
                               "dùng tệp khóa.")


def quick_check(engine: Engine, path: Path) -> None:
    """Raise DatabaseDamagedError unless `PRAGMA quick_check` says ok."""
    try:
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check")]
    except Exception as exc:
        if isinstance(getattr(exc, "orig", None), DBAPI_DATABASE_ERRORS):
            if engine.dialect.driver == "pysqlcipher":
                raise DatabaseKeyError(
                    f"Khóa không mở được cơ sở dữ liệu {path}: tệp khóa không thuộc cơ sở dữ "
                    "liệu này, hoặc cơ sở dữ liệu đã bị hỏng. Cơ sở dữ liệu không bị thay "
                    "đổi; hãy khôi phục từ bản sao lưu (cùng tệp .keys của nó)."
                ) from None
            from desktop.security.keyfile import keyfile_path

            hint = (f" Nếu đây là cơ sở dữ liệu được mã hóa, cần chép tệp khóa "
                    f"{keyfile_path(path).name} vào cạnh nó." if is_encrypted_file(path) else "")
            raise DatabaseDamagedError(
                f"Tệp {path} không phải cơ sở dữ liệu HoaNhap hoặc đã bị hỏng. "
                f"Hãy khôi phục từ bản sao lưu gần nhất.{hint}"
            ) from None
        raise
    if rows != ["ok"]:
        raise DatabaseDamagedError(
            f"Cơ sở dữ liệu {path} bị hỏng ({'; '.join(map(str, rows[:3]))}). "
            "Hãy khôi phục từ bản sao lưu gần nhất."
        )


def upgrade(engine: Engine) -> None:
    """Apply every pending Alembic migration (the scripts are packaged inside `desktop/`)."""
    from desktop.schema import at_head

    if at_head(engine):  # the usual start: no need to import Alembic at all
        return
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


def open_database(path: Path | str, *, create: bool = True, migrate: bool = True,
                  key: bytes | None = None) -> Database:
    """Lock, check and migrate the database at `path` (encrypted with `key`, if given;
    a new file is then created encrypted).

    Raises DatabaseError subclasses with a Vietnamese message for the user: the file is
    missing (when `create` is false), in use by another process, damaged, encrypted but
    opened without a key, or not opened by the key given.
    """
    path = Path(path)
    if not create and not path.exists():
        raise DatabaseError(f"Không tìm thấy cơ sở dữ liệu {path}.")
    _check_key_matches(path, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = _acquire_lock(path)
    try:
        engine = make_engine(path, key)
        quick_check(engine, path)
        if migrate:
            upgrade(engine)
    except BaseException:
        lock.release()
        raise
    return Database(path=path, engine=engine, _lock=lock, key=key)


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
