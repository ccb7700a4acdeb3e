"""Take the user guide's screenshots (docs/images/*.png), in Vietnamese, without a display.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out FOLDER]

Builds a demo database in a temporary folder (seed 1, 40 people, today pinned to
26/11/2026, so every run gives the same pictures), opens the main window as the officer
`canbo` with the translations installed (as `hoanhap` does), and saves each main screen.
Dialogs are shown without a modal loop and grabbed; nothing is saved to the database
through them. Look at every picture after a layout or translation change.

Offscreen Qt draws with the Fusion style and DejaVu Sans, which is wider than Windows'
Segoe UI: a screen that fits here fits on the officers' PCs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QLineEdit, QWidget, QWizard  # noqa: E402

from desktop.db import Database, open_database  # noqa: E402
from desktop.demo import DemoOptions, generate_demo  # noqa: E402
from desktop.services import (  # noqa: E402
    contacts,
    evaluations,
    person_queries,
    supports,
    units,
    users,
    violations,
)
from desktop.views.app import make_application  # noqa: E402
from desktop.views.context import AppContext  # noqa: E402

TODAY = date(2026, 11, 26)
WINDOW_SIZE = (1280, 800)  # a common office laptop screen
OUT = ROOT / "docs" / "images"
PERSON_TABS = ("profile", "team", "contacts", "evaluations", "support", "violations",
               "history")


# --- Qt helpers ----------------------------------------------------------------------------

def settle(ms: int = 60) -> None:
    """Let Qt lay out and paint (and deliver worker results) for `ms` milliseconds."""
    QTest.qWait(ms)


def wait_until(done: Callable[[], bool], what: str, timeout_s: float = 30) -> None:
    end = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > end:
            raise TimeoutError(f"waited {timeout_s} s for {what}")
        settle(20)


def type_text(widget: QWidget, text: str) -> None:
    """Key by key with the characters attached, as a Vietnamese keyboard sends them."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


class Camera:
    """Saves grabs of widgets into one folder and remembers what it wrote."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []

    def shoot(self, widget: QWidget, name: str) -> None:
        settle()
        path = self.folder / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        self.saved.append(path)
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def show_dialog(dialog: QWidget) -> QWidget:
    """A dialog on screen without its modal loop, at the size it asks for."""
    dialog.show()
    dialog.activateWindow()
    settle(120)
    return dialog


# --- data ------------------------------------------------------------------------------------

def demo_database(folder: Path) -> tuple[Database, str]:
    db = open_database(folder / "demo.db")
    summary = generate_demo(db, DemoOptions(persons=40, seed=1, today=TODAY))
    return db, summary.password


def context(db: Database, username: str, password: str) -> AppContext:
    unit = units.home_unit(db)
    assert unit is not None
    return AppContext(db=db, actor=users.login(db, username, password), unit=unit,
                      today_override=TODAY)


def showcase_person(ctx: AppContext) -> str:
    """The managed person with the fullest file (every tab has rows), the same every run."""
    def records(pid: str) -> tuple[int, ...]:
        db, actor = ctx.db, ctx.actor
        return (len(contacts.list_contacts(db, actor, pid)),
                len(evaluations.list_evaluations(db, actor, pid)),
                len(supports.list_supports(db, actor, pid)),
                len(violations.list_violations(db, actor, pid)))

    managed = person_queries.list_people(ctx.db, ctx.actor, status="managed")
    full = [p for p in managed if all(records(p.id))] or managed
    return max(full, key=lambda p: (sum(records(p.id)), p.id)).id


def loan_candidate(ctx: AppContext) -> str:
    """A managed person who may borrow for a business (the form then says so in green)."""
    for p in person_queries.list_people(ctx.db, ctx.actor, status="managed"):
        if supports.loan_eligibility_for(ctx.db, ctx.actor, p.id, "business",
                                         ctx.today()).eligible:
            return p.id
    raise LookupError("no demo person may borrow")


# --- screens -------------------------------------------------------------------------------

def main_window_screens(camera: Camera, ctx: AppContext) -> None:
    from desktop.views.main_window import MainWindow
    from desktop.views.people.page import PeoplePage

    window = MainWindow(ctx)
    window.resize(*WINDOW_SIZE)
    window.show()
    board = window.pages["dashboard"]
    wait_until(lambda: board.board is not None, "the dashboard")  # type: ignore[attr-defined]
    camera.shoot(window, "dashboard")

    window.show_page("people")
    people = window.pages["people"]
    assert isinstance(people, PeoplePage)
    camera.shoot(window, "people")
    type_text(people.search, "nguyen")
    camera.shoot(window, "people-search")
    people.search.clear()

    pid = showcase_person(ctx)
    window.open_person(pid)
    page = window.person_page
    for index, name in enumerate(PERSON_TABS):
        page.tabs.setCurrentIndex(index)
        camera.shoot(window, f"person-{name}")
    page.tabs.setCurrentIndex(0)

    reception_screens(camera, window, people, ctx)
    record_dialogs(camera, window, ctx, pid)
    window.idle.pause()
    window.close()


def reception_screens(camera: Camera, window: QWidget, people: QWidget,
                      ctx: AppContext) -> None:
    from desktop.views.people.reception import ReceptionWizard

    window.show_page("people")  # type: ignore[attr-defined]
    wizard = people.receive_person()  # type: ignore[attr-defined]
    assert isinstance(wizard, ReceptionWizard)
    settle(120)
    wizard.source_page.walk_in.setChecked(True)
    wizard.next()
    fill_identity(wizard, "Lò Văn Tèo", "12/04/1985", "025085999001",
                  "Xã Tân Cương, tỉnh Thái Nguyên")
    camera.shoot(wizard, "reception-identity")
    wizard.reject()

    # The duplicate check: someone already recorded, typed again without an ID number.
    known = person_queries.list_people(ctx.db, ctx.actor, status="managed")[0]
    detail = person_queries.get_person(ctx.db, ctx.actor, known.id, TODAY).person
    wizard = people.receive_person()  # type: ignore[attr-defined]
    settle(120)
    wizard.source_page.walk_in.setChecked(True)
    wizard.next()
    fill_identity(wizard, detail.full_name, detail.birth_display, "", detail.place_of_origin)
    wizard.next()
    wizard.judgment.release_date.set_date(detail.release_date or date(2026, 9, 1))
    wizard.next()
    wizard.next()
    if wizard.currentPage() is wizard.duplicates:
        camera.shoot(wizard, "reception-duplicates")
    else:
        print("warning: the duplicate check was not reached", file=sys.stderr)
    wizard.reject()


def fill_identity(wizard: QWizard, name: str, birth: str, id_number: str,
                  origin: str) -> None:
    page = wizard.identity  # type: ignore[attr-defined]
    type_text(page.full_name, name)
    page.gender.setCurrentIndex(page.gender.findData("male"))
    type_text(page.birth_date, birth)
    if id_number:
        type_text(page.id_number, id_number)
    type_text(page.place_of_origin, origin)
    type_text(page.permanent_address, "Xóm 3, xã Tân Cương")
    page.residential_area.setCurrentIndex(0)
    type_text(page.phone, "0912 345 678")


def record_dialogs(camera: Camera, window: QWidget, ctx: AppContext, pid: str) -> None:
    from desktop.views.person.dialogs import ContactDialog, EvaluationDialog, SupportDialog

    contact = show_dialog(ContactDialog(ctx, pid, window))
    type_text(contact.situation["work"], "Phụ hồ cho tổ xây dựng trong xóm")  # type: ignore[attr-defined]
    type_text(contact.situation["health"], "Bình thường")  # type: ignore[attr-defined]
    type_text(contact.summary, "Gặp tại nhà, gia đình hòa thuận. "  # type: ignore[attr-defined]
              "Nhắc tránh xa nhóm bạn cũ.")
    camera.shoot(contact, "contact-dialog")
    contact.close()

    evaluation = show_dialog(EvaluationDialog(ctx, pid, parent=window))
    camera.shoot(evaluation, "evaluation-dialog")
    evaluation.close()

    support = SupportDialog(ctx, loan_candidate(ctx), window)
    support.kind.set_code("loan")
    show_dialog(support)
    type_text(support.amount, "50.000.000")
    support.loan_months.setValue(36)
    type_text(support.loan_bank, "Ngân hàng Chính sách xã hội huyện Đồng Hỷ")
    type_text(support.provider, "Công an xã, UBND xã")
    support.adjustSize()
    camera.shoot(support, "support-loan")
    support.close()


def exchange_screens(camera: Camera, ctx: AppContext) -> None:
    """The Data exchange page: writing a package, and the units' keys."""
    from desktop.services import exchange_registry
    from desktop.views.handoff.page import ExchangePage
    from desktop.views.main_window import MainWindow

    exchange_registry.create_home_keys(ctx.db, ctx.actor)  # made on first use anyway
    window = MainWindow(ctx)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.show_page("exchange")
    page = window.pages["exchange"]
    assert isinstance(page, ExchangePage)
    page.refresh()
    for tab, name in (("export", "exchange-export"), ("import", "exchange-import"),
                      ("registry", "exchange-keys")):
        page.show_tab(tab)
        camera.shoot(window, name)
    wait_until(lambda: window.pages["dashboard"].board is not None,  # type: ignore[attr-defined]
               "the dashboard")  # let its worker finish before the window goes
    window.idle.pause()
    window.close()


def settings_screens(camera: Camera, ctx: AppContext) -> None:
    from desktop.views.main_window import MainWindow
    from desktop.views.settings.page import SettingsPage

    window = MainWindow(ctx)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.show_page("settings")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    for key in ("unit", "reporting"):
        page.show_section(key)
        camera.shoot(window, f"settings-{key}")
    wait_until(lambda: window.pages["dashboard"].board is not None,  # type: ignore[attr-defined]
               "the dashboard")  # let its worker finish before the window goes
    window.idle.pause()
    window.close()


def sign_in_screens(camera: Camera, db: Database) -> None:
    from desktop.views.login import LoginDialog

    unit = units.home_unit(db)
    assert unit is not None
    login = show_dialog(LoginDialog(db, unit.name))
    type_text(login.username, "canbo")  # type: ignore[attr-defined]
    type_text(login.password, "matkhau")  # type: ignore[attr-defined]
    camera.shoot(login, "login")
    login.close()
    locked = show_dialog(LoginDialog(db, unit.name, locked_user="canbo"))
    camera.shoot(locked, "login-locked")
    locked.close()


def first_run_screens(camera: Camera, folder: Path) -> None:
    from desktop.views.setup_wizard import FirstRunWizard, PageId

    db = open_database(folder / "empty.db")
    try:
        wizard = FirstRunWizard(db)
        show_dialog(wizard)
        camera.shoot(wizard, "first-run-welcome")
        wizard.next()
        fields = wizard.field_pages[PageId.UNIT].fields
        for name, text in (("unit_code", "19001"), ("unit_name", "Công an xã Tân Cương"),
                           ("province", "Tỉnh Thái Nguyên"), ("place_name", "Tân Cương"),
                           ("recipient_name", "Công an tỉnh Thái Nguyên")):
            edit = fields.field(name)
            assert isinstance(edit, QLineEdit)
            type_text(edit, text)
        camera.shoot(wizard, "first-run")
        wizard.reject()
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args(argv)
    app = make_application(["hoanhap-screenshots"])
    camera = Camera(args.out.resolve())
    with tempfile.TemporaryDirectory(prefix="hoanhap-shots-") as tmp:
        folder = Path(tmp)
        db, password = demo_database(folder)
        try:
            main_window_screens(camera, context(db, "canbo", password))
            exchange_screens(camera, context(db, "canbo", password))
            settings_screens(camera, context(db, "admin", password))
            sign_in_screens(camera, db)
            first_run_screens(camera, folder)
        finally:
            settle(200)  # a last worker result, then close the files
            db.close()
    app.processEvents()
    print(f"{len(camera.saved)} screenshots in {camera.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
