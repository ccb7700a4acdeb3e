"""GUI test fixtures: offscreen Qt with the Vietnamese translations, and demo contexts."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.db import open_database
from desktop.demo import DemoOptions, generate_demo
from desktop.services import units, users
from desktop.views.context import AppContext

DEMO_TODAY = date(2026, 11, 26)


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["hoanhap-tests"]


@pytest.fixture(scope="session", autouse=True)
def _vietnamese(qapp):  # type: ignore[no-untyped-def]
    """Install the translations once, as the application does at start-up."""
    from desktop.views.i18n import install_translations

    install_translations(qapp)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database built once (25 people, seed 1, pinned to DEMO_TODAY)."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    db = open_database(path)
    generate_demo(db, DemoOptions(persons=25, seed=1, today=DEMO_TODAY))
    db.close()
    return path


def _context(template: Path, tmp_path: Path, username: str) -> Iterator[AppContext]:
    path = tmp_path / "demo.db"
    shutil.copy(template, path)
    db = open_database(path)
    actor = users.login(db, username, "hoanhap-demo")
    unit = units.home_unit(db)
    assert unit is not None
    yield AppContext(db=db, actor=actor, unit=unit, today_override=DEMO_TODAY)
    db.close()


@pytest.fixture
def ctx(demo_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    """The officer `canbo` signed in on a private copy of the demo database."""
    yield from _context(demo_template, tmp_path, "canbo")


@pytest.fixture
def leader_ctx(demo_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    """The leader `lanhdao` (read-only on records) on a private copy of the demo database."""
    yield from _context(demo_template, tmp_path, "lanhdao")


@pytest.fixture
def admin_ctx(demo_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    yield from _context(demo_template, tmp_path, "admin")
