"""A small office for the security tests: the demo commune, with one of everything a use case
may need (a produced report, a peer's package, an Excel list, an officer's certificate, an
unresolved conflict), built once per run and copied for each test.

`dump` is how the tests tell that "nothing changed": every row of every table, in order.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from desktop.db import Database, open_database
from desktop.demo import DemoOptions, generate_demo
from desktop.models import Conflict, Person, utcnow
from desktop.reports import certificates
from desktop.services import exchange, key_cards, reporting, signing_keys
from desktop.services.access import Actor

TODAY = date(2026, 11, 26)
PASSWORD = "hoanhap-demo"  # every demo account's password
CERT_PASSWORD = "khoa-don-vi-2026"  # the unit certificate's and the officer's .p12
REPORT_PERIOD = "2026-Q3"
ROLES = ("officer", "leader", "admin")
USERNAMES = {"officer": "canbo", "leader": "lanhdao", "admin": "admin"}

_WORKBOOK_ROWS: list[list[Any]] = [
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Quê quán", "Tội danh",
     "Mức án", "Ngày ra trại"],
    [1, "Lò Văn Thử", "12/04/1985", "Nam", "", "Xã Tân Cương", "Trộm cắp tài sản",
     "3 năm", "05/01/2026"],
]


@dataclass(frozen=True)
class Template:
    """The prepared office, closed, and the files beside it."""

    db: Path
    unit_code: str
    report_id: str
    pdf: Path
    package: Path
    key_card: Path
    workbook: Path
    officer_p12: bytes


def actor(role: str, unit_code: str) -> Actor:
    """The demo account of `role` (canbo, lanhdao, admin) as the services see it."""
    return Actor(USERNAMES[role], f"Tài khoản {USERNAMES[role]}", role, unit_code)


def _peer_files(folder: Path) -> tuple[Path, Path]:
    """Another commune's (seed 2) full package, unencrypted (importing it adds people), and
    its key card."""
    peer = open_database(folder / "peer.db")
    try:
        code = generate_demo(peer, DemoOptions(persons=3, seed=2, today=TODAY)).unit_codes[0]
        package = exchange.export_package(peer, actor("admin", code), folder, "full",
                                          plain=True).path
        card = key_cards.export_key_card(peer, actor("admin", code), folder / "peer.card")
        return package, card.path
    finally:
        peer.close()


def _conflict(db: Database) -> None:
    """An unresolved conflict on a managed person, as an import would have left it."""
    with db.transaction() as s:
        person = s.query(Person).filter(Person.status == "managed").order_by(Person.id).first()
        assert person is not None
        line = {"id": person.id, "full_name": person.full_name}
        s.add(Conflict(table_name="persons", record_id=person.id, unit_code=person.unit_code,
                       package_id="0d1c8a4e-3d0e-4f5a-9b3c-2e1f0a9b8c7d",
                       local_json=json.dumps(line), incoming_json=json.dumps(line),
                       reason="test", detected_at=utcnow(), local_version=person.version,
                       incoming_version=person.version))


@cache
def template() -> Template:
    """Built on first use (a few seconds) and removed when the run ends."""
    folder = Path(tempfile.mkdtemp(prefix="hoanhap-security-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with pytest.MonkeyPatch.context() as mp:
        # 2048-bit keys: the real size is tested in tests/reports; here it only costs time.
        mp.setattr(certificates, "RSA_KEY_BITS", 2048)
        package, card = _peer_files(folder)
        officer_p12 = certificates.create_unit_certificate(
            "Nguyễn Văn Cán", "Công an phường", "Tỉnh Thái Nguyên", CERT_PASSWORD)
        db = open_database(folder / "office.db")
        try:
            code = generate_demo(db, DemoOptions(persons=14, seed=1, today=TODAY)).unit_codes[0]
            signing_keys.ensure_unit_certificate(db, actor("admin", code), CERT_PASSWORD)
            produced = reporting.produce(db, actor("officer", code), "HCD-13", REPORT_PERIOD,
                                         None, folder / "reports", {"pdf"})
            _conflict(db)
        finally:
            db.close()
    assert produced.pdf_path is not None
    workbook = folder / "danh_sach.xlsx"
    _write_workbook(workbook)
    return Template(folder / "office.db", code, produced.info.id, produced.pdf_path, package,
                    card, workbook, officer_p12)


def _write_workbook(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in _WORKBOOK_ROWS:
        sheet.append(row)
    book.save(path)


def copy_database(source: Path, target: Path) -> Path:
    """Copy a closed database file (and any WAL left beside it)."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


def dump(path: Path) -> dict[str, str]:
    """{table: SHA-256 of its schema and every row in rowid order} for every table, read by
    a second connection (which sees committed data only): any committed write changes it,
    and a difference names the table."""
    digests = {}
    with closing(sqlite3.connect(path)) as conn:
        tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                              "ORDER BY name").fetchall()
        for name, sql in tables:
            h = hashlib.sha256(sql.encode())
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid'):
                h.update(repr(row).encode())
            digests[name] = h.hexdigest()
    return digests


@dataclass
class World:
    """A private copy of the template, opened; `folder` is the test's own directory."""

    db: Database
    folder: Path
    files: Template

    @property
    def unit_code(self) -> str:
        return self.files.unit_code

    def actor(self, role: str) -> Actor:
        return actor(role, self.unit_code)

    def pick(self, sql: str, *params: Any) -> Any:
        """The first column of the first row of a query on the copy (a test set-up error if
        there is none)."""
        with closing(sqlite3.connect(self.db.path)) as conn:
            row = conn.execute(sql, params).fetchone()
        assert row is not None, f"the test office has no row for: {sql}"
        return row[0]

    def dump(self) -> dict[str, str]:
        return dump(self.db.path)
