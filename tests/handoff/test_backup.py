"""Backups with the online API, rotation, and restore only of a sound backup."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import threading
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from desktop import config
from desktop.db import Database, open_database
from desktop.models import Judgment, Person
from desktop.services import backup as backups
from desktop.services import backup_schedule
from desktop.services.access import Actor
from desktop.services.errors import PermissionDenied
from desktop.text import fold
from tests.conftest import UNIT_CODE


def _pair(db: Database, n: int) -> None:
    """One transaction: a person and their judgment (a backup must hold both or neither)."""
    with db.transaction() as s:
        p = Person(unit_code=UNIT_CODE, full_name=f"Người {n}", name_folded=fold(f"Người {n}"),
                   gender="male", birth_date="1980", release_date=date(2024, 1, 1))
        s.add(p)
        s.flush()
        s.add(Judgment(unit_code=UNIT_CODE, person_id=p.id))


def _counts(path: Path) -> tuple[str, int, int]:
    with closing(sqlite3.connect(path)) as conn:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        persons = conn.execute("SELECT count(*) FROM persons").fetchone()[0]
        judgments = conn.execute("SELECT count(*) FROM judgments").fetchone()[0]
    return check, persons, judgments


def _files_hash(db_path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(db_path.parent.glob(db_path.name + "*"))}


def test_backup_is_consistent_while_writers_are_busy(db: Database, admin: Actor,
                                                     tmp_path: Path) -> None:
    stop = threading.Event()

    def write() -> None:
        n = 0
        while not stop.is_set():
            _pair(db, n)
            n += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        results = [backups.backup_to(db, admin, tmp_path / f"b{i}.db") for i in range(5)]
    finally:
        stop.set()
        writer.join()
    for result in results:
        check, persons, judgments = _counts(result.path)
        assert check == "ok"
        assert persons == judgments  # never a person whose judgment was not yet written


def test_backup_is_taken_while_a_write_transaction_is_open(
        db: Database, admin: Actor, tmp_path: Path) -> None:
    _pair(db, 0)
    holding, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with db.transaction() as s:
            s.add(Person(unit_code=UNIT_CODE, full_name="Chưa lưu", name_folded="chua luu",
                         gender="male", birth_date="1980"))
            s.flush()
            holding.set()
            release.wait(10)

    writer = threading.Thread(target=long_write)
    writer.start()
    holding.wait(10)
    # The copy does not wait for the writer; only the audit entry written after it does
    # (within the busy timeout), so the writer commits a moment later.
    threading.Timer(1.0, release.set).start()
    try:
        result = backups.backup_to(db, admin, tmp_path / "during.db")
    finally:
        release.set()
        writer.join()
    assert _counts(result.path) == ("ok", 1, 1)  # the snapshot before the commit
    assert _counts(db.path)[1] == 2


def _damage(path: Path, header: bool) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    spots = [0] if header else range(page, len(data), page)
    for spot in spots:  # the first bytes of a page are its b-tree header
        for i in range(spot, min(spot + 12, len(data))):
            data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("header", [False, True])
def test_restore_refuses_a_damaged_backup_and_changes_nothing(
        db: Database, admin: Actor, tmp_path: Path, header: bool) -> None:
    _pair(db, 0)
    copy = backups.backup_to(db, admin, tmp_path / "copy.db").path
    _damage(copy, header)
    db.close()
    before = _files_hash(db.path)
    with pytest.raises(backups.BackupError, match="bị hỏng"):
        backups.restore(db.path, copy)
    assert _files_hash(db.path) == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_restore_refuses_while_the_database_is_open(db: Database, admin: Actor,
                                                    tmp_path: Path) -> None:
    copy = backups.backup_to(db, admin, tmp_path / "copy.db").path
    with pytest.raises(backups.BackupError, match="đang được mở"):
        backups.restore(db.path, copy)


def test_restore_puts_the_backup_back_and_keeps_the_replaced_database(
        db: Database, admin: Actor, tmp_path: Path,
        add_person: Callable[..., str]) -> None:
    copy = backups.backup_to(db, admin, tmp_path / "copy.db").path
    added = add_person("Sau Sao Lưu")
    db.close()
    kept = backups.restore(db.path, copy)
    assert kept is not None
    with closing(sqlite3.connect(kept)) as conn:
        assert conn.execute("SELECT count(*) FROM persons WHERE id = ?", (added,)).fetchone()[0]
    reopened = open_database(db.path, create=False)
    try:
        with reopened.reading() as s:
            assert s.get(Person, added) is None
    finally:
        reopened.close()


def test_automatic_backups_keep_the_newest(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    made = [backups.automatic_backup(db, folder, keep=3).path for _ in range(5)]
    assert backups.list_backups(folder) == made[-3:]
    assert all(_counts(p)[0] == "ok" for p in made[-3:])


def test_backup_needs_the_backup_permission(db: Database, officer: Actor,
                                           tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        backups.backup_to(db, officer, tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux mount points")
@pytest.mark.parametrize(("path", "removable"), [
    ("/media/canbo/USB/hoanhap.db", True),
    ("/run/media/canbo/KINGSTON/hoanhap.db", True),
    ("/mnt/usb/hoanhap.db", True),
    ("/home/canbo/hoanhap.db", False),
    ("/mediafiles/hoanhap.db", False),
    ("/mnt/c/Users/canbo/hoanhap.db", False),
])
def test_removable_paths_are_recognised(path: str, removable: bool) -> None:
    assert backups.is_removable_path(Path(path)) is removable
    if removable:
        with pytest.raises(backups.BackupError, match="USB"):
            backups.refuse_removable(Path(path))


# --- each database keeps its own automatic backups -------------------------------------

@pytest.fixture
def data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The per-user data folder, moved into tmp_path (the usual database: hoanhap.db)."""
    folder = tmp_path / "data"
    monkeypatch.setattr(config, "data_dir", lambda: folder)
    return folder


def test_another_database_never_pushes_out_the_usual_databases_backups(
        db: Database, admin: Actor, data_folder: Path) -> None:
    usual_path = backups.backup_to(db, admin, config.default_db_path()).path
    usual = open_database(usual_path, create=False)
    try:
        [own] = [backup_schedule.run_automatic_backup(usual).path]
    finally:
        usual.close()
    for _ in range(12):  # more than the 10 kept: a test database backed up again and again
        backup_schedule.run_automatic_backup(db)
    assert own.parent == data_folder / "backups"  # the usual database's folder is unchanged
    assert backups.list_backups(config.backups_dir()) == [own]
    assert [b.path for b in backup_schedule.automatic_backups(config.backups_dir())] == [own]
    others = backups.list_backups(config.backups_dir(db.path))
    assert len(others) == 10
    assert own not in others


def test_each_database_has_its_own_stable_backup_folder(data_folder: Path,
                                                        tmp_path: Path) -> None:
    usual = config.default_db_path()
    assert config.backups_dir() == config.backups_dir(usual) == data_folder / "backups"
    first = config.backups_dir(tmp_path / "a" / "hoanhap.db")
    second = config.backups_dir(tmp_path / "b" / "hoanhap.db")
    assert first != second  # the same name elsewhere is another database
    assert first.parent == second.parent == data_folder / "backups"
    assert first.name.startswith("hoanhap-")
    assert config.backups_dir(tmp_path / "a" / ".." / "a" / "hoanhap.db") == first
