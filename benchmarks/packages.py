"""Scenario (b): importing every unit's `full` package into an empty province database,
against raw `executemany` inserts of the same rows into another empty one.

The packages are made from a generated province database with the product's own export
code (`export_tables`, `build_package`), one per commune, each signed with that commune's
own Ed25519 key and encrypted to the province's age key, as communes send them. Making
them is set-up, not timed. The import is timed end to end, as an officer waits for it:
`exchange.import_package` (decrypt, verify, preview, merge in one transaction) per file.
The baseline inserts the same rows (read from the source database beforehand) with
`sqlite3` `executemany`, one transaction per unit, into a database with the same schema
and indexes: the cost of writing the data and nothing else.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from benchmarks.generate import PASSWORD
from desktop.db import open_database
from desktop.handoff.package import (
    ManifestFields,
    UnitRef,
    build_package,
    ensure_own_keys,
    own_keys,
)
from desktop.handoff.records import TABLES, export_tables
from desktop.models import Unit
from desktop.services import exchange
from desktop.services import units as unit_service
from desktop.services.access import Actor

TARGET_CODE = "CAT-IMPORT"


@dataclass(frozen=True)
class ImportTimes:
    """Seconds for the product's import and for the raw inserts, and what was written."""

    product: float
    baseline: float
    packages: int
    rows: int
    equal: bool


def empty_province(path: Path) -> tuple[Actor, str]:
    """A fresh province database (home unit, admin, own keys); its age recipient."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    try:
        admin = unit_service.initialize(
            db, unit_code=TARGET_CODE, unit_name="Phòng PC10 Công an tỉnh",
            province="Tỉnh Phú Thọ", admin_username="admin", admin_full_name="Quản trị",
            admin_password=PASSWORD)
        with db.transaction() as session:
            ensure_own_keys(session, admin, TARGET_CODE, "Phòng PC10 Công an tỉnh")
            age_recipient = own_keys(session, TARGET_CODE).age_recipient
    finally:
        db.close()
    return admin, age_recipient


def make_packages(source: Path, out_dir: Path, age_recipient: str) -> list[Path]:
    """One `full` package per commune of `source`, encrypted to `age_recipient`."""
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    db = open_database(source)
    paths = []
    try:
        with db.reading() as session:
            units = session.execute(select(Unit.code, Unit.name, Unit.province)
                                    .where(Unit.is_home.is_(False)).order_by(Unit.code)).all()
            for code, name, province in units:
                tables, _versions = export_tables(session, code, "full", None)
                fields = ManifestFields(kind="full", unit=UnitRef(code, name, province),
                                        created_by="canbo")
                data = build_package(fields, tables, {}, Ed25519PrivateKey.generate(),
                                     encrypt_to=[age_recipient])
                path = out_dir / f"{code}_full.hnp"
                path.write_bytes(data)
                paths.append(path)
    finally:
        db.close()
    return paths


def import_all(target: Path, admin: Actor, packages: list[Path]) -> float:
    """The product's import of every package, in seconds."""
    db = open_database(target)
    try:
        started = time.perf_counter()
        for path in packages:
            result = exchange.import_package(db, admin, path, accept_new_key=True)
            assert result.applied, result.message
        return time.perf_counter() - started
    finally:
        db.close()


def _unit_rows(source: sqlite3.Connection, code: str) -> list[tuple[str, list[str],
                                                                   list[tuple[object, ...]]]]:
    tables = []
    for table in TABLES:
        # In id order, as the package lists them (`export_tables`).
        cursor = source.execute(f"SELECT * FROM {table} WHERE unit_code = ? ORDER BY id",
                                (code,))
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        if table == "units":  # the copy held by the province is never its home unit
            home = columns.index("is_home")
            rows = [(*r[:home], 0, *r[home + 1:]) for r in rows]
        tables.append((table, columns, rows))
    return tables


def raw_inserts(source: Path, target: Path, codes: list[str]) -> tuple[float, int]:
    """Seconds spent in `executemany` inserting every unit's rows, and how many rows."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA foreign_keys=ON")
    dst.execute("PRAGMA synchronous=FULL")  # as the product's connections do
    spent, count = 0.0, 0
    try:
        for code in codes:
            tables = _unit_rows(src, code)
            started = time.perf_counter()
            dst.execute("BEGIN IMMEDIATE")
            for table, columns, rows in tables:
                marks = ", ".join("?" * len(columns))
                dst.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                                rows)
                count += len(rows)
            dst.execute("COMMIT")
            spent += time.perf_counter() - started
    finally:
        src.close()
        dst.close()
    return spent, count


def same_rows(first: Path, second: Path, exclude_unit: str) -> bool:
    """Whether both databases hold exactly the same rows, column by column, in every
    package table but the audit trail (each import audits itself), leaving out the
    databases' own home units."""
    conn = sqlite3.connect(f"file:{first}?mode=ro", uri=True)
    try:
        conn.execute("ATTACH DATABASE ? AS other", (f"file:{second}?mode=ro",))
        for table in TABLES:
            if table == "audit":
                continue
            for a, b in (("main", "other"), ("other", "main")):
                extra = conn.execute(
                    f"SELECT COUNT(*) FROM (SELECT * FROM {a}.{table} WHERE unit_code <> ?"
                    f" EXCEPT SELECT * FROM {b}.{table} WHERE unit_code <> ?)",
                    (exclude_unit, exclude_unit)).fetchone()[0]
                if extra:
                    print(f"{table}: {extra} rows of {a} differ", file=sys.stderr)
                    return False
        return True
    finally:
        conn.close()


def run(source: Path, work: Path) -> ImportTimes:
    """Make the packages, then time the product's import and the raw inserts."""
    work.mkdir(parents=True, exist_ok=True)
    product_db, baseline_db = work / "import-product.db", work / "import-baseline.db"
    admin, recipient = empty_province(product_db)
    empty_province(baseline_db)
    packages = make_packages(source, work / "packages", recipient)
    codes = [p.name.split("_")[0] for p in packages]
    baseline, rows = raw_inserts(source, baseline_db, codes)
    product = import_all(product_db, admin, packages)
    return ImportTimes(product, baseline, len(packages), rows,
                       same_rows(product_db, baseline_db, TARGET_CODE))
