"""Fixtures of the security tests: a private copy of the prepared office per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.db import open_database
from tests.security.world import World, copy_database, template


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    files = template()
    db = open_database(copy_database(files.db, tmp_path / "office.db"), create=False)
    try:
        yield World(db, tmp_path, files)
    finally:
        db.close()
