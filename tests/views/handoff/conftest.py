"""Fixtures of the exchange screen tests: a second commune that sends packages, a page, and
the prompts answered by the test instead of a person."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.db import open_database
from desktop.demo import DemoOptions, generate_demo
from desktop.services import users
from desktop.services.access import Actor
from desktop.views.context import AppContext
from desktop.views.handoff import prompts
from desktop.views.handoff.page import ExchangePage
from tests.handoff.helpers import Office
from tests.views.conftest import DEMO_TODAY

PASSPHRASE = "hai-con-trau-vang"


class FakeNav:
    """Records what the page asks of the main window."""

    def __init__(self) -> None:
        self.changes = 0
        self.pages: list[str] = []

    def open_person(self, person_id: str) -> None:
        pass

    def show_page(self, key: str) -> None:
        self.pages.append(key)

    def data_changed(self) -> None:
        self.changes += 1


@pytest.fixture(scope="session")
def sender_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Another demo commune (seed 2, 10 people), built once."""
    path = tmp_path_factory.mktemp("sender") / "sender.db"
    db = open_database(path)
    generate_demo(db, DemoOptions(persons=10, seed=2, today=DEMO_TODAY))
    db.close()
    return path


@pytest.fixture
def sender(sender_template: Path, tmp_path: Path) -> Iterator[Office]:
    """The other commune, signed in as its officer, on a private copy."""
    path = tmp_path / "sender.db"
    shutil.copy(sender_template, path)
    db = open_database(path)
    actor: Actor = users.login(db, "canbo", "hoanhap-demo")
    yield Office(db, actor.unit_code, actor)
    db.close()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The prompts answered from this dict; `asked` records every question."""
    given: dict[str, Any] = {"ask": True, "asked": [], "informed": [], "warned": [],
                             "dialogs": []}

    def ask(_parent: object, title: str, text: str, **_kw: object) -> bool:
        given["asked"].append(text)
        return bool(given["ask"])

    def exec_dialog(dialog: Any) -> bool:
        given["dialogs"].append(dialog)
        handler: Callable[[Any], bool] | None = given.get("dialog")
        return handler(dialog) if handler is not None else False

    def passphrase(_parent: object, _name: str) -> str | None:
        queue = given.get("passphrases", [])
        return queue.pop(0) if queue else None

    monkeypatch.setattr(prompts, "ask", ask)
    monkeypatch.setattr(prompts, "exec_dialog", exec_dialog)
    monkeypatch.setattr(prompts, "passphrase", passphrase)
    monkeypatch.setattr(prompts, "inform",
                        lambda _p, _t, text: given["informed"].append(text))
    monkeypatch.setattr(prompts, "warn", lambda _p, _t, text: given["warned"].append(text))
    monkeypatch.setattr(prompts, "choose_folder", lambda *_a: given.get("folder"))
    monkeypatch.setattr(prompts, "choose_file", lambda *_a: given.get("file"))
    monkeypatch.setattr(prompts, "choose_files", lambda *_a: given.get("files", []))
    return given


def make_page(qtbot: QtBot, ctx: AppContext) -> tuple[ExchangePage, FakeNav]:
    nav = FakeNav()
    page = ExchangePage(ctx, nav)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page, nav
