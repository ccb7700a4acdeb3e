"""Fixtures of the handoff tests: demo communes made once, copied per test; a province."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.db import Database, open_database
from desktop.demo import DemoOptions, generate_demo
from tests.handoff.helpers import Office, province_office

TODAY = date(2026, 11, 26)
DEMO_PERSONS = 30


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, str]]:
    """Three demo communes (seeds 1, 2, 3): {seed: (closed database file, unit code)}."""
    folder = tmp_path_factory.mktemp("communes")
    made = {}
    for seed in (1, 2, 3):
        path = folder / f"commune{seed}.db"
        db = open_database(path)
        try:
            summary = generate_demo(db, DemoOptions(persons=DEMO_PERSONS, units=1, seed=seed,
                                                    today=TODAY))
        finally:
            db.close()
        made[seed] = (path, summary.unit_codes[0])
    assert len({code for _, code in made.values()}) == 3  # three different communes
    return made


@pytest.fixture
def communes(demo_files: dict[int, tuple[Path, str]], tmp_path: Path) -> Iterator[list[Office]]:
    """Fresh copies of the three demo communes, opened."""
    offices = []
    for seed, (source, code) in demo_files.items():
        target = tmp_path / f"commune{seed}.db"
        shutil.copyfile(source, target)
        offices.append(Office.open(target, code))
    yield offices
    for office in offices:
        office.db.close()


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Office]:
    """A province police installation with its own unit T01 and an administrator."""
    office = province_office(tmp_path / "province.db")
    yield office
    office.db.close()


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    """The folder packages are written to (the USB stick)."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


__all__ = ["Database"]
