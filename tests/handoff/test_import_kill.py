"""An import killed at any moment leaves the database sound, with all or nothing of it.

A subprocess imports a commune's package into a province database and is SIGKILLed:
either right after a chosen table was written inside the transaction (the driver slows
the writes down and says which table it finished), or after a random delay.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.handoff.records import TABLES
from tests.handoff.helpers import Office, province_office

DRIVER = '''
import sys, time
from pathlib import Path
from desktop.db import open_database
from desktop.handoff import merge
from desktop.services import exchange, units
from desktop.services.access import Actor

db_path, package, pause = sys.argv[1], sys.argv[2], float(sys.argv[3])
write_plan = merge.write_plan

def slow_write(session, plan):
    write_plan(session, plan)
    session.flush()
    print("wrote", plan.table, flush=True)
    time.sleep(pause)

merge.write_plan = slow_write
db = open_database(db_path, create=False)
actor = Actor("cli", "Dòng lệnh", "admin", units.home_unit(db).code)
print("start", flush=True)
result = exchange.import_package(db, actor, Path(package), accept_new_key=True)
db.close()
print("done", result.applied, flush=True)
'''
MERGED_TABLES = len(TABLES) - 1  # the sender's audit lines are not written


@dataclass(frozen=True)
class Scene:
    """A package, a province database before the import, and what a full import gives."""

    driver: Path
    package: Path
    province: Path
    commune_code: str
    persons: int
    seconds: float


def _run(scene: Scene, target: Path, pause: float) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(scene.driver), str(target),
                             str(scene.package), str(pause)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _state(db_path: Path, scene: Scene) -> tuple[str, int, int, int]:
    with closing(sqlite3.connect(db_path)) as conn:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        imported = conn.execute("SELECT count(*) FROM imported_packages").fetchone()[0]
        persons = conn.execute("SELECT count(*) FROM persons WHERE unit_code = ?",
                               (scene.commune_code,)).fetchone()[0]
        keys = conn.execute("SELECT count(*) FROM unit_keys WHERE unit_code = ?",
                            (scene.commune_code,)).fetchone()[0]
    return check, imported, persons, keys


@pytest.fixture(scope="module")
def scene(demo_files: dict[int, tuple[Path, str]],
          tmp_path_factory: pytest.TempPathFactory) -> Scene:
    folder = tmp_path_factory.mktemp("kill")
    source, code = demo_files[1]
    shutil.copyfile(source, folder / "commune.db")
    commune = Office.open(folder / "commune.db", code)
    package = commune.export(folder, "full", "T01").path
    commune.db.close()
    province_office(folder / "province.db").db.close()
    driver = folder / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    trial = folder / "trial.db"
    shutil.copyfile(folder / "province.db", trial)
    started = time.monotonic()
    probe = Scene(driver, package, folder / "province.db", code, 0, 0.0)
    out, err = _run(probe, trial, 0.0).communicate(timeout=300)
    assert "done True" in out, err
    persons = _state(trial, probe)[2]
    assert persons > 0
    return Scene(driver, package, folder / "province.db", code, persons,
                 time.monotonic() - started)


def _assert_all_or_nothing(target: Path, scene: Scene) -> None:
    check, imported, persons, keys = _state(target, scene)
    assert check == "ok"
    assert (imported, persons, keys) in {(0, 0, 0), (1, scene.persons, 1)}


def _kill_after_table(scene: Scene, target: Path, tables_written: int) -> None:
    proc = _run(scene, target, 0.2)
    assert proc.stdout is not None
    written = 0
    for text in proc.stdout:
        written += text.startswith("wrote")
        if written == tables_written:
            break
    proc.kill()
    proc.wait(timeout=60)
    assert written == tables_written, proc.stderr.read() if proc.stderr else ""


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(4))
def test_a_kill_inside_the_transaction_leaves_nothing(scene: Scene, tmp_path: Path,
                                                      trial: int) -> None:
    target = tmp_path / "province.db"
    shutil.copyfile(scene.province, target)
    tables_written = random.Random(trial).randint(1, MERGED_TABLES)
    _kill_after_table(scene, target, tables_written)
    assert _state(target, scene)[1:] == (0, 0, 0)
    assert _state(target, scene)[0] == "ok"
    # The interrupted import can simply be run again.
    out, err = _run(scene, target, 0.0).communicate(timeout=300)
    assert "done True" in out, err
    _assert_all_or_nothing(target, scene)
    assert _state(target, scene)[1] == 1


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(6))
def test_a_kill_at_a_random_moment_leaves_all_or_nothing(scene: Scene, tmp_path: Path,
                                                         trial: int) -> None:
    target = tmp_path / "province.db"
    shutil.copyfile(scene.province, target)
    delay = random.Random(100 + trial).uniform(0.0, scene.seconds * 1.1)
    proc = _run(scene, target, 0.0)
    time.sleep(delay)
    proc.kill()
    proc.wait(timeout=60)
    _assert_all_or_nothing(target, scene)
