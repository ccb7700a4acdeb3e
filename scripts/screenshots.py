"""Take the user guide's screenshots (docs/images/*.png), in Vietnamese, without a display.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out FOLDER]

Builds a demo database in a temporary folder (seed 1, 40 people, today pinned to
26/11/2026, so every run gives the same pictures), opens the main window as the officer
`canbo` with the translations installed (as `hoanhap` does), and saves each main screen.
Dialogs are shown without a modal loop and grabbed; nothing is saved to the database
through them. The Data exchange screens preview a package from a second demo commune
(seed 2), whose key card is then registered; the import wizard checks a small Excel list;
the merge dialog, shot last, needs a demo person recorded a second time. Look at every
picture after a layout or translation change.

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

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QLineEdit, QWidget, QWizard  # noqa: E402

from desktop.db import Database, open_database  # noqa: E402
from desktop.demo import DemoOptions, generate_demo  # noqa: E402
from desktop.formatting import format_date  # noqa: E402
from desktop.services import (  # noqa: E402
    contacts,
    evaluations,
    person_queries,
    person_views,
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
EXAMPLE_RECOVERY_CODE = "7K2M-Q9XD-4HPA-W3NE-B8TR-C5JF-6YZV"  # the form of a code, not one
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


def other_commune(folder: Path, ctx: AppContext) -> tuple[Path, Path]:
    """Another commune (demo seed 2) with a full package for this unit, encrypted to this
    unit's receiving key, and its key card: (package, key card)."""
    from desktop.services import exchange, exchange_registry, key_cards

    home = exchange_registry.create_home_keys(ctx.db, ctx.actor)  # made on first use anyway
    other = open_database(folder / "other.db")
    try:
        summary = generate_demo(other, DemoOptions(persons=8, seed=2, today=TODAY))
        actor = users.login(other, "canbo", summary.password)
        out = folder / "usb"
        out.mkdir()
        package = exchange.export_package(other, actor, out, "full", ctx.unit.code,
                                          recipient_key=home.age_recipient,
                                          period="2026-Q4")
        card = key_cards.export_key_card(other, actor, out)
    finally:
        other.close()
    return package.path, card.path


def exchange_screens(camera: Camera, ctx: AppContext, folder: Path) -> None:
    """The Data exchange page: a package from another commune previewed, its new key to
    confirm, then (its key card imported) writing a package and the units' keys."""
    from desktop.services import key_cards
    from desktop.views.handoff.keys import KeyConfirmDialog
    from desktop.views.handoff.page import ExchangePage
    from desktop.views.main_window import MainWindow

    package, card = other_commune(folder, ctx)
    window = MainWindow(ctx)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.show_page("exchange")
    page = window.pages["exchange"]
    assert isinstance(page, ExchangePage)
    page.refresh()
    page.show_tab("import")
    importer = page.import_
    assert importer is not None
    importer.open_file(package)
    wait_until(lambda: importer.item is not None, "the package preview")
    camera.shoot(window, "exchange-import")
    item = importer.item
    assert item is not None
    what = QCoreApplication.translate(  # the words `keys.confirm_package_key` shows
        "KeyConfirmDialog",
        "This package was signed by a unit whose key is not registered on this computer.")
    confirm = show_dialog(KeyConfirmDialog(item.preview.unit_code, item.preview.unit_name,
                                           item.opened.fingerprint_display, what, window))
    camera.shoot(confirm, "exchange-key-confirm")
    confirm.close()

    key_cards.import_key_card(ctx.db, ctx.actor, card.read_bytes(), card.name,
                              accept_new_key=True)  # as if its fingerprint was checked
    page.refresh()
    for tab, name in (("export", "exchange-export"), ("registry", "exchange-keys")):
        page.show_tab(tab)
        camera.shoot(window, name)
    wait_until(lambda: window.pages["dashboard"].board is not None,  # type: ignore[attr-defined]
               "the dashboard")  # let its worker finish before the window goes
    window.idle.pause()
    window.close()


def without_id_number(ctx: AppContext) -> str:
    """A person recorded without an ID number (name and birth alone tell them apart), a
    managed one if there is one."""
    people = [p for p in person_queries.list_people(ctx.db, ctx.actor) if not p.id_number]
    return min(people, key=lambda p: (p.status != "managed", p.id)).id


def excel_list(path: Path, twin: person_views.PersonView) -> Path:
    """A prison's list as it arrives: a title, the header on row 3, a person already
    recorded (`twin`, without the ID number), and a birth date that does not exist."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách"
    rows: list[list[object]] = [
        ["DANH SÁCH NGƯỜI CHẤP HÀNH XONG ÁN PHẠT TÙ VỀ ĐỊA PHƯƠNG"], [],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Quê quán", "Mức án",
         "Ngày ra trại"],
        [1, "Lò Văn Tèo", "12/04/1985", "Nam", "025085999001", "Xã Tân Cương",
         "3 năm 6 tháng", "05/10/2026"],
        [2, "Đinh Thị Mai", "02/03/1990", "Nữ", "025190012345", "Phường Phan Đình Phùng",
         "18 tháng", "19/10/2026"],
        [3, twin.full_name, twin.birth_display, twin.gender_label, None, twin.place_of_origin,
         "2 năm", format_date(twin.release_date or date(2026, 9, 1))],
        [4, "Lê Văn Cường", "31/02/1985", "Nam", None, "Xã Quyết Thắng", "2 năm",
         "01/11/2026"],
        [5, "Hoàng Thị Lan", "1992", "Nữ", None, "Xã Phúc Xuân", "1 năm", "12/11/2026"],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A1:H1")
    book.save(path)
    return path


def second_record(ctx: AppContext, pid: str) -> str:
    """Record a demo person a second time, with an ID number, a phone and one contact (as a
    walk-in typed by someone who did not find the first record); the new record's id."""
    from desktop.services import persons
    from desktop.services.person_input import PersonInput

    known = person_queries.get_person(ctx.db, ctx.actor, pid, TODAY).person
    century = 0 if known.gender == "male" else 1  # 12-digit ID: sex and century, then year
    year = known.birth_date[:4]  # "YYYY-MM-DD" or "YYYY"
    twin = persons.register_walk_in(
        ctx.db, ctx.actor,
        PersonInput(full_name=known.full_name, gender=known.gender,
                    birth_date=known.birth_date, id_number=f"025{century}{year[2:]}123456",
                    phone="0912345678", place_of_origin=known.place_of_origin,
                    release_date=known.release_date or date(2026, 9, 1)),
        None, date(2026, 11, 20), today=TODAY)
    contacts.log_contact(ctx.db, ctx.actor, twin.id,
                         contacts.ContactInput(contact_date=date(2026, 11, 24)), today=TODAY)
    return twin.id


def intake_screens(camera: Camera, ctx: AppContext, folder: Path) -> None:
    """The Excel import wizard's check of a list, and merging two records of one person.
    Runs last: the merge needs a second record in the database."""
    from desktop.views.intake.merge_dialog import MergePeopleDialog
    from desktop.views.intake.wizard import ImportWizard

    twice = without_id_number(ctx)
    listed = next(p.id for p in person_queries.list_people(ctx.db, ctx.actor, status="managed")
                  if p.id != twice)
    twin = person_queries.get_person(ctx.db, ctx.actor, listed, TODAY).person
    wizard = ImportWizard(ctx, path=excel_list(folder / "danh-sach.xlsx", twin))
    show_dialog(wizard)
    wizard.next()  # the sheet and its header row
    wizard.next()  # the columns
    camera.shoot(wizard, "import-mapping")
    wizard.next()  # the check, on a worker thread
    page = wizard.analysis_page
    wait_until(page.isComplete, "the check of the list")
    camera.shoot(wizard, "import-check")
    wizard.reject()

    merge = MergePeopleDialog(ctx, twice, second_record(ctx, twice))
    show_dialog(merge)
    camera.shoot(merge, "merge-dialog")
    merge.close()


def settings_screens(camera: Camera, ctx: AppContext) -> None:
    from desktop.views.main_window import MainWindow
    from desktop.views.settings.page import SettingsPage

    window = MainWindow(ctx)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.show_page("settings")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    for key in ("unit", "reporting", "security"):
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
    from desktop.views.setup_wizard import FirstRunWizard

    db = open_database(folder / "empty.db")
    try:
        wizard = FirstRunWizard(db)
        show_dialog(wizard)
        camera.shoot(wizard, "first-run-welcome")
        wizard.next()
        fill_unit(wizard)
        camera.shoot(wizard, "first-run")
        wizard.reject()
    finally:
        db.close()


def fill_unit(wizard: QWizard) -> None:
    from desktop.views.setup_wizard import PageId

    fields = wizard.field_pages[PageId.UNIT].fields  # type: ignore[attr-defined]
    for name, text in (("unit_code", "19001"), ("unit_name", "Công an xã Tân Cương"),
                       ("province", "Tỉnh Thái Nguyên"), ("place_name", "Tân Cương"),
                       ("recipient_name", "Công an tỉnh Thái Nguyên")):
        edit = fields.field(name)
        assert isinstance(edit, QLineEdit)
        type_text(edit, text)


def recovery_code_screen(camera: Camera, folder: Path) -> None:
    """The first-run page of a new (encrypted) office database that shows its recovery
    code. The code is random; the picture shows a fixed example of the same form."""
    from desktop.services import encryption
    from desktop.views.setup_wizard import FirstRunWizard, PageId

    db = encryption.begin_setup(folder / "office.db")
    try:
        wizard = FirstRunWizard(db)
        show_dialog(wizard)
        wizard.next()
        fill_unit(wizard)
        admin = wizard.field_pages[PageId.ADMIN].fields
        for name, text in (("admin_username", "quantri"), ("admin_full_name", "Nguyễn Văn Hải"),
                           ("admin_password", "mat-khau-quan-tri"),
                           ("password_repeat", "mat-khau-quan-tri")):
            edit = admin.field(name)
            assert isinstance(edit, QLineEdit)
            type_text(edit, text)
        certificate = wizard.field_pages[PageId.CERTIFICATE]
        certificate.choice.set_value("later")  # type: ignore[attr-defined]
        while wizard.currentId() != PageId.RECOVERY:
            before = wizard.currentId()
            wizard.next()
            if wizard.currentId() == before:
                raise RuntimeError(f"the first-run wizard stayed on page {before}")
        page = wizard.field_pages[PageId.RECOVERY]
        page.view.code_label.setText(EXAMPLE_RECOVERY_CODE)  # type: ignore[attr-defined]
        camera.shoot(wizard, "first-run-recovery")
        wizard.reject()
    finally:
        encryption.discard_setup(db)


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
            exchange_screens(camera, context(db, "canbo", password), folder)
            settings_screens(camera, context(db, "admin", password))
            sign_in_screens(camera, db)
            first_run_screens(camera, folder)
            recovery_code_screen(camera, folder)
            intake_screens(camera, context(db, "canbo", password), folder)
        finally:
            settle(200)  # a last worker result, then close the files
            db.close()
    app.processEvents()
    print(f"{len(camera.saved)} screenshots in {camera.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
