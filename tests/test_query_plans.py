"""The hot queries (figures, dashboard, people list, HCD-13 annex) read through indexes and
run a fixed number of statements, whatever the number of people (issue #9): checked with
SQLite's EXPLAIN QUERY PLAN on generated data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from benchmarks.generate import Scale, generate, unit_code
from desktop.db import Database, open_database
from desktop.models import User
from desktop.reports.annex import people_managed_at
from desktop.reports.figures import compute_figures, compute_figures_by_unit
from desktop.rules.periods import parse_period
from desktop.services import users
from desktop.services.access import Actor
from desktop.services.dashboard import dashboard
from desktop.services.people_index import people_index

TODAY = date(2026, 11, 26)
YEAR = parse_period("2026-Y")
# Tables a commune's work never reads whole: a plan line "SCAN <table>" is a defect.
LARGE = ("persons", "contacts", "excused_weeks", "evaluations", "supports", "violations",
         "team_members", "judgments", "status_changes", "audit")


def _open(tmp: Path, people: int) -> Database:
    path = tmp / f"plans-{people}.db"
    generate(path, Scale(units=3, people=people, years=1, seed=11, home="unit"))
    return open_database(path)


@pytest.fixture(scope="module")
def dbs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Database]]:
    tmp = tmp_path_factory.mktemp("plans")
    small, large = _open(tmp, 6), _open(tmp, 24)
    yield small, large
    small.close()
    large.close()


def _officer(db: Database) -> Actor:
    with db.reading() as session:
        return users.actor_of(session.scalars(select(User).where(User.username == "canbo"))
                              .one())


def _selects(db: Database, work: Callable[[], Any]) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any,
                *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            found.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        work()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    return found


def _plan(db: Database, statement: str, parameters: Any) -> list[str]:
    raw = db.engine.raw_connection()
    try:
        return [row[-1] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    finally:
        raw.close()


WORK: dict[str, Callable[[Database], Any]] = {
    "figures of a unit": lambda db: _in_session(db, lambda s: compute_figures(
        s, YEAR, unit_code(0))),
    "dashboard": lambda db: dashboard(db, _officer(db), TODAY),
    "people list": lambda db: people_index(db, _officer(db), TODAY),
    "HCD-13 annex": lambda db: _in_session(db, lambda s: people_managed_at(
        s, unit_code(0), YEAR.end, "2026-Q3")),
}


def _in_session(db: Database, fn: Callable[[Any], Any]) -> Any:
    with db.reading() as session:
        return fn(session)


@pytest.mark.parametrize("name", list(WORK))
def test_no_large_table_is_scanned(dbs: tuple[Database, Database], name: str) -> None:
    _, large = dbs
    scans = []
    for statement, parameters in _selects(large, lambda: WORK[name](large)):
        scans += [line for line in _plan(large, statement, parameters)
                  if line.startswith("SCAN") and line.split()[1] in LARGE]
    assert scans == []


@pytest.mark.parametrize("name", list(WORK))
def test_statements_do_not_grow_with_people(dbs: tuple[Database, Database],
                                            name: str) -> None:
    small, large = dbs
    few = _selects(small, lambda: WORK[name](small))
    many = _selects(large, lambda: WORK[name](large))
    assert len(many) == len(few)


def test_all_units_read_each_table_once(dbs: tuple[Database, Database]) -> None:
    """The aggregator's per-unit figures: one pass, persons read once (a scan is right
    there), every other table searched by person through its index."""
    _, large = dbs
    selects = _selects(large, lambda: _in_session(
        large, lambda s: compute_figures_by_unit(s, YEAR)))
    assert len(selects) <= 10
    for statement, parameters in selects:
        lines = _plan(large, statement, parameters)
        bad = [line for line in lines if line.startswith("SCAN")
               and line.split()[1] in LARGE and line.split()[1] != "persons"]
        assert bad == [], statement
