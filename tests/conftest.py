"""Fixtures shared by every test: a migrated temporary database, a home unit and actors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.db import Database, open_database
from desktop.models import Person, Unit
from desktop.services.access import Actor
from desktop.text import fold

UNIT_CODE = "26001"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database with the home unit 26001 (Phường Thanh Bình)."""
    database = open_database(tmp_path / "test.db")
    with database.transaction() as s:
        s.add(Unit(code=UNIT_CODE, unit_code=UNIT_CODE, name="Công an phường Thanh Bình",
                   province="Tỉnh Thái Nguyên", place_name="Thanh Bình", is_home=True))
    yield database
    database.close()


@pytest.fixture
def officer() -> Actor:
    return Actor(username="canbo", full_name="Nguyễn Văn Cán", role="officer",
                 unit_code=UNIT_CODE)


@pytest.fixture
def leader() -> Actor:
    return Actor(username="truongca", full_name="Trần Văn Trưởng", role="leader",
                 unit_code=UNIT_CODE)


@pytest.fixture
def admin() -> Actor:
    return Actor(username="admin", full_name="Quản Trị", role="admin", unit_code=UNIT_CODE)


@pytest.fixture
def add_person(db: Database) -> Callable[..., str]:
    """Insert a person directly (bypassing services) and return their id."""

    def _add(full_name: str = "Nguyễn Văn An", **fields: Any) -> str:
        values: dict[str, Any] = {
            "gender": "male", "birth_date": "1985-04-12", "status": "managed",
            "release_date": date(2024, 1, 5), "received_on": date(2024, 1, 8),
            "managed_on": date(2024, 1, 10), "unit_code": UNIT_CODE,
        }
        values.update(fields)
        person = Person(full_name=full_name, name_folded=fold(full_name), **values)
        with db.transaction() as s:
            s.add(person)
            s.flush()
            return person.id

    return _add
