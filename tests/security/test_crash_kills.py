"""Crash safety (issue #7 part 4): processes doing real work are SIGKILLed at random moments.

A fork server (tests/security/_workers.py) imports the application once and forks a child
per run; the child opens the database and works until the test kills it after a delay
drawn from a seeded random generator (the same seed gives the same schedule). After every
kill the database must pass `PRAGMA integrity_check` and the audit chain must hold, and:

- edits: every change the child logged as committed (fsync'ed after the commit) is there,
  and every record has its audit entry (a record and its audit entry commit together);
- package import: the database is exactly as before (a dump of every table) or holds the
  whole package, never part of it;
- backups: the live database is intact; every backup that is listed, or has its final
  name, passes the integrity check; a partial copy is never listed and restore refuses it;
  a killed restore leaves one of the two databases whole;
- report signing: a report recorded as signed has its signed PDF on disk with the recorded
  hash; a signed file without a record is complete (it only lacks the period lock).

Also: the real `hoanhap` command line killed while importing and while backing up.
About 60 kills in all; the schedule is small enough for CI on two cores.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

from desktop.db import open_database
from desktop.services import backup, exchange, units
from desktop.services.audit import verify_chain
from desktop.services.backup import BackupError
from tests.security.world import Template, actor, copy_database, dump, template

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")

REPO = Path(__file__).resolve().parents[2]
SEED = 20261126
HANG = 120  # seconds a child may run when it is not meant to be killed


class Server:
    """The fork server process and its line protocol."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.security._workers"],
                                     cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, bufsize=1)
        assert self._read().get("ready"), "the fork server did not start"

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, "the fork server died"
        return dict(json.loads(line))

    def run(self, scenario: str, args: dict[str, Any], kill_after: float | None) -> bool:
        """Run `scenario` in a fresh child; SIGKILL it after `kill_after` seconds (None: let it
        finish). True when the child was killed, False when it finished first."""
        stdin: IO[str] | None = self.proc.stdin
        assert stdin is not None
        stdin.write(json.dumps({"scenario": scenario, "args": args}) + "\n")
        stdin.flush()
        pid = self._read()["pid"]
        # A child left to finish is killed after HANG seconds all the same: a hung child
        # fails the test instead of hanging the run.
        hung = threading.Event()

        def kill_hung_child() -> None:
            hung.set()
            os.kill(pid, signal.SIGKILL)

        watchdog = threading.Timer(HANG, kill_hung_child)
        if kill_after is not None:
            time.sleep(kill_after)
            with contextlib.suppress(ProcessLookupError):  # it may have finished already
                os.kill(pid, signal.SIGKILL)
        else:
            watchdog.start()
        status = self._read()["status"]
        watchdog.cancel()
        assert not hung.is_set(), f"{scenario} child hung for {HANG} s"
        if os.WIFSIGNALED(status):
            assert os.WTERMSIG(status) == signal.SIGKILL
            return True
        out = Path(args["out"]).read_text(encoding="utf-8") if Path(args["out"]).exists() \
            else ""
        assert os.WEXITSTATUS(status) == 0, f"{scenario} child failed:\n{out}"
        return False

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.close()


@dataclass(frozen=True)
class Office:
    """A private copy of the prepared office, closed (children open it themselves)."""

    db: Path
    files: Template
    folder: Path

    def args(self, name: str, **extra: Any) -> dict[str, Any]:
        return {"db": str(self.db), "unit": self.files.unit_code,
                "log": str(self.folder / f"{name}.log"),
                "out": str(self.folder / f"{name}.out"), **extra}

    def managed(self) -> list[str]:
        with closing(sqlite3.connect(self.db)) as conn:
            return [r[0] for r in conn.execute(
                "SELECT id FROM persons WHERE status = 'managed' ORDER BY id")]


@pytest.fixture
def office(tmp_path: Path) -> Office:
    files = template()
    return Office(copy_database(files.db, tmp_path / "office.db"), files, tmp_path)


def sound(path: Path) -> None:
    """integrity_check, foreign keys and the audit chain, as `hoanhap check` checks them."""
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    db = open_database(path, create=False)
    try:
        with db.reading() as s:
            assert verify_chain(s) is None
    finally:
        db.close()


def logged(path: Path) -> list[list[str]]:
    """The progress log's complete lines (a line cut by the kill was never fsync'ed whole)."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    return [line.split(" ") for line in text.split("\n")[:-1]]


def _delays(rng: random.Random, n: int, low: float, high: float) -> list[float]:
    return [rng.uniform(low, high) for _ in range(n)]


# --- 1. edits ---------------------------------------------------------------------------------

EDIT_KILLS = 20


def test_edits_killed_at_random_keep_every_committed_change(server: Server, office: Office) -> None:
    rng = random.Random(SEED)
    managed = office.managed()
    killed = 0
    for n, delay in enumerate(_delays(rng, EDIT_KILLS, 0.05, 0.5)):
        killed += server.run("edits", office.args("edits", seed=SEED + n, managed=managed),
                             delay)
        sound(office.db)
        committed = logged(office.folder / "edits.log")
        with closing(sqlite3.connect(office.db)) as conn:
            for table, row_id in committed:
                found = conn.execute(f"SELECT deleted_at FROM {table} WHERE id = ?",
                                     (row_id,)).fetchall()
                assert found == [(None,)], f"committed {table} {row_id} is missing after kill {n}"
            for table in ("persons", "contacts", "supports", "team_members", "violations"):
                unaudited = conn.execute(
                    f"SELECT count(*) FROM {table} WHERE id NOT IN "
                    "(SELECT entity_id FROM audit WHERE entity_id IS NOT NULL)").fetchone()[0]
                assert unaudited == 0, f"{table}: a record without its audit entry"
    assert len(logged(office.folder / "edits.log")) > EDIT_KILLS  # the children did work
    assert killed == EDIT_KILLS  # the loop never ends by itself


# --- 2. package import -----------------------------------------------------------------------

IMPORT_KILLS = 14


def _counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                            "'table' ORDER BY name")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]
                for n in names}


def test_a_killed_import_leaves_nothing_or_everything(server: Server, office: Office) -> None:
    before = dump(office.db)
    counts_before = _counts(office.db)
    started = time.monotonic()
    assert not server.run("import", office.args("probe", package=str(office.files.package)),
                          None)
    seconds = time.monotonic() - started
    full = _counts(office.db)
    assert full["imported_packages"] == counts_before["imported_packages"] + 1
    assert full["persons"] > counts_before["persons"]
    rng = random.Random(SEED + 1)
    killed = wholly = during = 0
    for n in range(IMPORT_KILLS):
        copy_database(office.files.db, office.db)
        for suffix in ("-wal", "-shm"):
            Path(f"{office.db}{suffix}").unlink(missing_ok=True)
        # Half the runs pause after each table, so kills land inside the transaction.
        pause = 0.03 if n % 2 else 0.0
        delay = rng.uniform(0.0, seconds * 1.2 if not pause else seconds + 0.4)
        args = office.args(f"import{n}", package=str(office.files.package), pause=pause)
        killed += server.run("import", args, delay)
        during += logged(Path(args["log"])) == [["started"]]
        sound(office.db)
        if dump(office.db) != before:
            assert _counts(office.db) == full, f"kill {n} after {delay:.3f} s left part of it"
            wholly += 1
    assert killed >= IMPORT_KILLS // 2  # the others finished first: a whole import
    assert during >= IMPORT_KILLS // 3, "too few kills landed while the import was running"


# --- 3. backups and restore ------------------------------------------------------------------

BACKUP_KILLS = 10
RESTORE_KILLS = 6


def test_killed_backups_never_pass_for_valid_and_the_live_database_stays_whole(
        server: Server, office: Office) -> None:
    rng = random.Random(SEED + 2)
    folder = office.folder / "backups"
    killed = 0
    checked: set[Path] = set()
    for n, delay in enumerate(_delays(rng, BACKUP_KILLS, 0.1, 0.6)):
        killed += server.run("backups", office.args("backups", seed=n, folder=str(folder),
                                                     managed=office.managed()), delay)
        sound(office.db)
        with closing(sqlite3.connect(office.db)) as conn:
            for table, row_id in (line for line in logged(office.folder / "backups.log")
                                  if line[0] == "contacts"):
                assert conn.execute(f"SELECT 1 FROM {table} WHERE id = ?",
                                    (row_id,)).fetchone()
        listed = backup.list_backups(folder)
        assert len(listed) <= 3  # rotation kept the newest three
        for path in [*listed, *sorted(folder.glob("named-*.db"))]:
            if path not in checked:  # a final name is never written again
                assert backup._integrity(path) == ["ok"], f"{path.name} has its final " \
                                                          "name but is not a sound backup"
                checked.add(path)
        for partial in folder.glob(".*.tmp"):
            assert partial not in listed
            if partial not in checked:  # left by this kill
                _restore_refuses_or_is_whole(partial, office.folder)
                checked.add(partial)
    assert backup.list_backups(folder), "no backup was ever finished"
    assert killed == BACKUP_KILLS


def _restore_refuses_or_is_whole(partial: Path, folder: Path) -> None:
    """A copy the kill interrupted: restore refuses it, unless it was complete already."""
    target = copy_database(template().db, folder / "restore-target.db")
    before = dump(target)
    try:
        backup.restore(target, partial)
    except BackupError:
        assert dump(target) == before
        return
    sound(target)


def test_restore_refuses_a_cut_backup(office: Office) -> None:
    db = open_database(office.db, create=False)
    made = backup.backup_to(db, actor("admin", office.files.unit_code),
                            office.folder / "full.db").path
    db.close()
    data = made.read_bytes()
    before = dump(office.db)
    for cut in (100, 4096, len(data) // 3, len(data) - 4096):
        partial = office.folder / f"cut-{cut}.db"
        partial.write_bytes(data[:cut])
        with pytest.raises(BackupError):
            backup.restore(office.db, partial)
        assert dump(office.db) == before


def test_a_killed_restore_leaves_one_whole_database(server: Server, office: Office) -> None:
    db = open_database(office.db, create=False)
    admin = actor("admin", office.files.unit_code)
    first = backup.backup_to(db, admin, office.folder / "a.db").path
    exchange.import_package(db, actor("officer", office.files.unit_code),
                            office.files.package, accept_new_key=True)
    second = backup.backup_to(db, admin, office.folder / "b.db").path
    assert units.home_unit(db) is not None
    db.close()
    states = [dump(office.db), dump(first), dump(second)]  # before any restore, A, B
    rng = random.Random(SEED + 3)
    killed = 0
    for n, delay in enumerate(_delays(rng, RESTORE_KILLS, 0.05, 0.4)):
        killed += server.run("restores", office.args("restores", sources=[str(first),
                                                                          str(second)]), delay)
        with closing(sqlite3.connect(office.db)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert dump(office.db) in states, f"kill {n}: no whole database in place"
    assert killed == RESTORE_KILLS


# --- 4. report signing -----------------------------------------------------------------------

SIGN_KILLS = 8
MONTHS = [f"{y}-M{m:02d}" for y in (2024, 2025) for m in range(1, 13)] + \
    [f"2026-M{m:02d}" for m in range(1, 11)]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_killed_signing_never_records_a_file_that_is_not_there(server: Server,
                                                               office: Office) -> None:
    rng = random.Random(SEED + 4)
    folder = office.folder / "reports"
    killed = 0
    months = iter(MONTHS)
    for n, delay in enumerate(_delays(rng, SIGN_KILLS, 0.3, 1.6)):
        todo = [next(months), next(months), next(months)]
        killed += server.run("signing", office.args("signing", folder=str(folder),
                                                    months=todo), delay)
        sound(office.db)
        with closing(sqlite3.connect(office.db)) as conn:
            signed = conn.execute("SELECT id, pdf_sha256 FROM reports "
                                  "WHERE signature_state = 'signed'").fetchall()
        for report_id, digest in signed:
            files = [p for p in folder.glob("*_da-ky.pdf") if _sha256(p) == digest]
            assert files, f"report {report_id} is recorded as signed without its file"
        for line in logged(office.folder / "signing.log"):
            if line[0] == "signed":
                assert line[1] in {r for r, _ in signed}
        for pdf in folder.glob("*.pdf"):
            data = pdf.read_bytes()
            assert data.startswith(b"%PDF"), f"kill {n}: {pdf.name} is not a PDF"
            assert data.rstrip().endswith(b"%%EOF"), f"kill {n}: {pdf.name} is half written"
    assert any(line[0] == "signed" for line in logged(office.folder / "signing.log"))
    assert killed >= SIGN_KILLS - 2  # a child may sign all its months before the kill


def test_the_schedule_makes_at_least_fifty_kills() -> None:
    # Each kill test asserts it really killed (nearly) all its children.
    planned = EDIT_KILLS + IMPORT_KILLS // 2 + BACKUP_KILLS + RESTORE_KILLS + SIGN_KILLS - 2 \
        + CLI_KILLS
    assert planned >= 50


# --- the real command line ------------------------------------------------------------------

CLI_KILLS = 2


def test_the_command_line_killed_while_importing(office: Office) -> None:
    before = dump(office.db)
    rng = random.Random(SEED + 5)
    for n in range(CLI_KILLS):
        copy_database(office.files.db, office.db)
        proc = subprocess.Popen([sys.executable, "-m", "desktop", "import", "--db",
                                 str(office.db), "--accept-new-key",
                                 str(office.files.package)],
                                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.5, 1.5))  # the whole command takes about 1.4 s here
        proc.kill()
        proc.wait(timeout=60)
        sound(office.db)
        with closing(sqlite3.connect(office.db)) as conn:
            imported = conn.execute("SELECT count(*) FROM imported_packages").fetchone()[0]
        assert dump(office.db) == before or imported == 1, f"run {n}"
