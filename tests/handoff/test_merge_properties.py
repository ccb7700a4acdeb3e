"""Property: however edits and exchanges interleave, no version that travelled is lost.

Commune A and commune C edit their own records; the province B imports their packages in
any order — late, twice, or never. A also re-imports its own old packages. After every
step, every record version B has been given is live at B, superseded there by a later
version of its owner, or kept in B's conflict log; B's versions never go back; A's own
records never move. After a final full exchange B holds exactly what the owners hold.
(Versions an owner overwrote itself before exporting never left the office: they are
edits, not losses.)
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.db import Database, open_database
from desktop.handoff.manifest import PackageRejected
from desktop.handoff.merge import load_local
from desktop.handoff.package import ensure_own_keys
from desktop.handoff.records import Line, comparable, line_of
from desktop.models import Conflict, ContactLog, Person, Unit
from desktop.services import records
from desktop.services.access import Actor
from desktop.text import fold
from tests.handoff.helpers import Office, province_office

CODES = {"A": "10001", "C": "10002"}
WATCHED = ("units", "persons", "contacts")
Key = tuple[str, str]


def _commune(path: Path, code: str) -> None:
    db = open_database(path)
    actor = Actor("canbo", "Cán bộ", "admin", code)
    with db.transaction() as s:
        s.add(Unit(code=code, unit_code=code, name=f"Công an xã {code}", province="Tỉnh",
                   is_home=True))
        for i in range(3):
            s.add(Person(unit_code=code, full_name=f"Người {i}", name_folded=fold(f"Người {i}"),
                         gender="male", birth_date="1980", status="managed",
                         received_on=date(2024, 1, 8), managed_on=date(2024, 1, 9)))
        ensure_own_keys(s, actor, code, f"Công an xã {code}")
    db.close()


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("templates")
    paths = {side: folder / f"{side}.db" for side in ("A", "B", "C")}
    for side, code in CODES.items():
        _commune(paths[side], code)
    province_office(paths["B"]).db.close()
    return paths


@dataclass
class World:
    """Three installations and the packages written so far (the USB sticks)."""

    offices: dict[str, Office]
    outbox: Path
    queue: list[tuple[str, Path]] = field(default_factory=list)
    delivered: dict[Key, list[Line]] = field(default_factory=dict)
    b_versions: dict[Key, int] = field(default_factory=dict)


def _open_world(templates: dict[str, Path], folder: Path) -> World:
    offices = {}
    for side, source in templates.items():
        shutil.copyfile(source, folder / source.name)
        code = CODES.get(side, "T01")
        offices[side] = Office.open(folder / source.name, code)
    outbox = folder / "usb"
    outbox.mkdir()
    return World(offices, outbox)


def _live(db: Database) -> dict[Key, Line]:
    found: dict[Key, Line] = {}
    with db.reading() as s:
        for table in WATCHED:
            model = {"units": Unit, "persons": Person, "contacts": ContactLog}[table]
            ids = list(s.scalars(select(model.id)))
            for rid, values in load_local(s, table, ids).items():
                found[(table, rid)] = comparable(table, line_of(table, values))
    return found


def _package_lines(path: Path) -> dict[Key, Line]:
    with zipfile.ZipFile(path) as zf:
        return {(t, str(v["id"])): v
                for t in WATCHED
                for raw in zf.read(f"data/{t}.jsonl").splitlines()
                for v in [json.loads(raw)]}


def _edit(world: World, side: str, index: int, word: str) -> None:
    office = world.offices[side]
    with office.db.transaction() as s:
        people = list(s.scalars(select(Person).order_by(Person.full_name)))
        records.update(s, office.actor, people[index], {"occupation": word})


def _contact(world: World, side: str, index: int, delete: bool) -> None:
    office = world.offices[side]
    with office.db.transaction() as s:
        person = list(s.scalars(select(Person).order_by(Person.full_name)))[index]
        live = s.scalars(select(ContactLog).where(ContactLog.person_id == person.id,
                                                  ContactLog.deleted_at.is_(None))).first()
        if delete and live is not None:
            records.soft_delete(s, office.actor, live, "nhập nhầm")
        elif not delete:
            day = date(2026, 1, 5) + timedelta(days=len(world.queue))
            records.create(s, office.actor, ContactLog, person_id=person.id,
                           contact_date=day, form="phone")


def _deliver(world: World, pick: int) -> None:
    if not world.queue:
        return
    _, path = world.queue[pick % len(world.queue)]
    refused = None
    try:
        world.offices["B"].take(path)
    except PackageRejected as exc:
        refused = exc.message
    if refused is not None:  # only a changes package whose persons never arrived
        assert "gói đầy đủ" in refused
        return
    for key, values in _package_lines(path).items():
        world.delivered.setdefault(key, []).append(values)


def _echo(world: World, pick: int) -> None:
    own = [path for side, path in world.queue if side == "A"]
    if not own:
        return
    office = world.offices["A"]
    before = _live(office.db)
    office.take(own[pick % len(own)])  # A imports one of its own old packages
    assert _live(office.db) == before
    with office.db.reading() as s:
        assert s.scalars(select(Conflict)).first() is None


def _check_province(world: World) -> None:
    b = world.offices["B"].db
    live = _live(b)
    with b.reading() as s:
        logged = [json.loads(text) for c in s.scalars(select(Conflict))
                  for text in (c.local_json, c.incoming_json)]
    for key, versions in world.delivered.items():
        for values in versions:
            current = live[key]
            assert current == values or int(str(current["version"])) > int(
                str(values["version"])) or values in logged, key
    for key, values in live.items():
        version = int(str(values["version"]))
        assert version >= world.b_versions.get(key, 0), key  # never goes back
        world.b_versions[key] = version
    assert logged == []  # owners alone edit their records: nothing can conflict


STEP = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from("AC"), st.integers(0, 2),
              st.sampled_from(["Thợ mộc", "Làm ruộng", "Lái xe", "Bán hàng"])),
    st.tuples(st.just("contact"), st.sampled_from("AC"), st.integers(0, 2), st.booleans()),
    st.tuples(st.just("export"), st.sampled_from("AC"), st.sampled_from(["full", "changes"])),
    st.tuples(st.just("deliver"), st.integers(0, 40)),
    st.tuples(st.just("echo"), st.integers(0, 40)),
)


def _run(world: World, step: tuple[object, ...]) -> None:
    match step:
        case ("edit", str(side), int(index), str(word)):
            _edit(world, side, index, word)
        case ("contact", str(side), int(index), bool(delete)):
            _contact(world, side, index, delete)
        case ("export", str(side), str(kind)):
            package = world.offices[side].export(world.outbox, kind, "T01")
            world.queue.append((side, package.path))
        case ("deliver", int(pick)):
            _deliver(world, pick)
        case ("echo", int(pick)):
            _echo(world, pick)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=1, max_size=20))
def test_no_version_that_travelled_is_ever_lost(templates: dict[str, Path],
                                               steps: list[tuple[object, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        world = _open_world(templates, Path(folder))
        try:
            for step in steps:
                _run(world, step)
                _check_province(world)
            for side in "AC":
                world.queue.append((side, world.offices[side].export(world.outbox).path))
                _deliver(world, len(world.queue) - 1)
            _check_province(world)
            b_live = _live(world.offices["B"].db)
            for side in "AC":
                for key, values in _live(world.offices[side].db).items():
                    if values["unit_code"] == CODES[side]:
                        assert b_live[key] == values, key
        finally:
            for office in world.offices.values():
                office.db.close()
