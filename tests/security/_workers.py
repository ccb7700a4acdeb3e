"""Processes for the kill tests: a fork server that runs service loops until it is SIGKILLed.

Importing the application takes seconds, so one server process imports it once and then
forks a fresh child for each run; a child opens the database itself (nothing is open in
the server when it forks), runs one scenario, and is killed by the test at a random moment.

Protocol (one JSON object per line): the test writes {"scenario": NAME, "args": {...}};
the server answers {"pid": N} as soon as the child runs, then {"pid": N, "status": S}
when the child is gone (S is os.waitpid's status). A child writes what it has committed to
`args["log"]`, one line per change, each fsync'ed after the commit, so the test knows what
must have survived. Its own output goes to `args["out"]` (stdout is the protocol).

Run: `python -m tests.security._workers` from the repository root.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.db import open_database
from desktop.handoff import merge
from desktop.reports.typeset import register_fonts
from desktop.services import (
    backup,
    contacts,
    exchange,
    persons,
    reporting,
    supports,
    team,
    violations,
)
from desktop.services.access import Actor
from desktop.services.contacts import ContactInput
from desktop.services.person_input import PersonInput
from desktop.services.supports import SupportInput

TODAY = date(2026, 11, 26)
CERT_PASSWORD = "khoa-don-vi-2026"
Args = dict[str, Any]


class Log:
    """Append-only progress log: a line is on disk (fsync) before the next change starts."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, *fields: object) -> None:
        os.write(self.fd, (" ".join(str(f) for f in fields) + "\n").encode())
        os.fsync(self.fd)


def _actor(args: Args, role: str = "officer") -> Actor:
    names = {"officer": "canbo", "leader": "lanhdao", "admin": "admin"}
    return Actor(names[role], names[role], role, args["unit"])


# --- scenarios: each runs until killed (or until it has nothing left to do) --------------------

def edits(args: Args) -> None:
    """Officer's daily work in a loop: new people, contacts, support, team members,
    violations; every committed change is logged as `table id`."""
    rng = random.Random(args["seed"])
    db = open_database(args["db"], create=False)
    log, officer = Log(args["log"]), _actor(args)
    managed: list[str] = args["managed"]
    for i in range(10**6):
        person = rng.choice(managed)
        op = rng.randrange(5)
        if op == 0:
            view = persons.register_walk_in(db, officer, PersonInput(
                full_name=f"Người Thử {args['seed']} {i}", gender="male",
                birth_date="12/04/1985", release_date=date(2026, 11, 1)), None, TODAY,
                today=TODAY)
            log.write("persons", view.id)
        elif op == 1:
            c = contacts.log_contact(db, officer, person, ContactInput(
                contact_date=TODAY, summary=f"Lần gặp {i}"), today=TODAY)
            log.write("contacts", c.id)
        elif op == 2:
            s = supports.record_support(db, officer, person, SupportInput(
                kind="counselling", support_date=TODAY, outcome=f"Lần {i}"), today=TODAY)
            log.write("supports", s.id)
        elif op == 3:
            m = team.add_team_member(db, officer, person, "other", f"Người giúp {i}", TODAY,
                                     today=TODAY)
            log.write("team_members", m.id)
        else:
            v = violations.record_violation(db, officer, person, "administrative", TODAY,
                                            f"Vi phạm {i}", today=TODAY)
            log.write("violations", v.id)


def import_package(args: Args) -> None:
    """One package import; with `pause`, every table is flushed and then waits a moment, so
    kills land inside the import's transaction."""
    if args.get("pause"):
        write_plan = merge.write_plan

        def slow_write(session: Any, plan: Any) -> None:
            write_plan(session, plan)
            session.flush()
            time.sleep(args["pause"])

        merge.write_plan = slow_write  # type: ignore[assignment]
    db = open_database(args["db"], create=False)
    log = Log(args["log"])
    log.write("started")
    exchange.import_package(db, _actor(args), Path(args["package"]), accept_new_key=True)
    log.write("imported")


def backups(args: Args) -> None:
    """Edits and backups in turn: rotating automatic backups and named backups."""
    db = open_database(args["db"], create=False)
    log, officer, admin = Log(args["log"]), _actor(args), _actor(args, "admin")
    folder = Path(args["folder"])
    for i in range(10**6):
        c = contacts.log_contact(db, officer, args["managed"][0], ContactInput(
            contact_date=TODAY, summary=f"Trước sao lưu {i}"), today=TODAY)
        log.write("contacts", c.id)
        if i % 2:
            result = backup.automatic_backup(db, folder, keep=3)
        else:
            result = backup.backup_to(db, admin, folder / f"named-{args['seed']}-{i}.db")
        log.write("backup", result.path)


def restores(args: Args) -> None:
    """Put backups A and B back in turn, as `hoanhap restore` does with the app closed."""
    sources = [Path(p) for p in args["sources"]]
    for i in range(10**6):
        backup.restore(Path(args["db"]), sources[i % 2])
        Log(args["log"]).write("restored", i % 2)


def signing(args: Args) -> None:
    """Produce a monthly report and sign it, month after month."""
    db = open_database(args["db"], create=False)
    log, officer, leader = Log(args["log"]), _actor(args), _actor(args, "leader")
    folder = Path(args["folder"])
    for month in args["months"]:
        produced = reporting.produce(db, officer, "HCD-12", month, None, folder, {"pdf"})
        log.write("produced", produced.info.id)
        assert produced.pdf_path is not None
        signed = reporting.sign(db, leader, produced.info.id, produced.pdf_path,
                                reporting.SignerChoice("unit"), CERT_PASSWORD)
        log.write("signed", produced.info.id, signed.path)


SCENARIOS: dict[str, Callable[[Args], None]] = {
    "edits": edits, "import": import_package, "backups": backups, "restores": restores,
    "signing": signing,
}


# --- the fork server ----------------------------------------------------------------------

def _child(request: Args) -> None:
    """In the forked child: output to a file, run the scenario, leave without cleanup."""
    args = request["args"]
    out = os.open(args["out"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(out, 1)
    os.dup2(out, 2)
    sys.stdout = os.fdopen(1, "w", buffering=1)
    sys.stderr = os.fdopen(2, "w", buffering=1)
    code = 0
    try:
        SCENARIOS[request["scenario"]](args)
    except BaseException as exc:  # a scenario that fails is a test failure: say why
        import traceback

        traceback.print_exc()
        print(f"{datetime.now(UTC).isoformat()} child failed: {exc!r}", flush=True)
        code = 3
    os._exit(code)


def _warm_up() -> None:
    """Load what a first call loads lazily (migrations, fonts), so children start at once;
    nothing stays open when the server forks."""
    with tempfile.TemporaryDirectory() as folder:
        open_database(Path(folder) / "warm.db").close()
    register_fonts()
    import desktop.reports.signing
    import desktop.reports.xlsx  # noqa: F401  (both are imported lazily by the services)


def serve() -> None:
    _warm_up()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request)
        print(json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"pid": pid, "status": status}), flush=True)


if __name__ == "__main__":
    serve()
