"""The first-run wizard, driven page by page on an empty database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QRadioButton, QWizard
from pytestqt.qtbot import QtBot

from desktop.db import Database, open_database
from desktop.services import units, users
from desktop.views.setup_wizard import FirstRunWizard, PageId

PASSWORD = "mat-khau-quan-tri"

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def new_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "new.db")
    yield db
    db.close()


@pytest.fixture
def wizard(qtbot: QtBot, new_db: Database) -> FirstRunWizard:
    wizard = FirstRunWizard(new_db)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def text_field(wizard: FirstRunWizard, page: PageId, name: str) -> QLineEdit:
    edit = wizard.field_pages[page].fields.field(name)
    assert isinstance(edit, QLineEdit)
    return edit


def fill_unit(wizard: FirstRunWizard, code: str = "26001") -> None:
    values = {"unit_code": code, "unit_name": "Công an phường Thanh Bình",
              "province": "Tỉnh Thái Nguyên", "place_name": "Thanh Bình",
              "recipient_name": "Công an tỉnh Thái Nguyên"}
    for name, value in values.items():
        text_field(wizard, PageId.UNIT, name).setText(value)


def fill_admin(wizard: FirstRunWizard, repeat: str = PASSWORD) -> None:
    text_field(wizard, PageId.ADMIN, "admin_username").setText("quantri")
    text_field(wizard, PageId.ADMIN, "admin_full_name").setText("Lê Văn Quản")
    text_field(wizard, PageId.ADMIN, "admin_password").setText(PASSWORD)
    text_field(wizard, PageId.ADMIN, "password_repeat").setText(repeat)


def go_to(wizard: FirstRunWizard, page: PageId) -> None:
    while wizard.currentId() != page:
        before = wizard.currentId()
        wizard.next()
        assert wizard.currentId() != before, f"stuck on page {before}"


def finish(wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_finishing_creates_the_unit_typed_and_an_admin_who_can_log_in(
        wizard: FirstRunWizard, new_db: Database) -> None:
    go_to(wizard, PageId.UNIT)
    fill_unit(wizard)
    level = wizard.field_pages[PageId.UNIT].fields.field("recipient_level")
    assert isinstance(level, QComboBox)
    assert level.currentData() == "province"
    go_to(wizard, PageId.REPORTING)
    cutoff = wizard.findChild(QRadioButton, "choice_cutoff")
    assert cutoff is not None
    assert cutoff.isChecked()  # the default
    go_to(wizard, PageId.ADMIN)
    fill_admin(wizard)
    go_to(wizard, PageId.SUMMARY)
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    unit = units.home_unit(new_db)
    assert unit is not None
    assert (unit.code, unit.name, unit.province, unit.place_name, unit.recipient_name) == (
        "26001", "Công an phường Thanh Bình", "Tỉnh Thái Nguyên", "Thanh Bình",
        "Công an tỉnh Thái Nguyên")
    assert (unit.period_convention, unit.year_start_month) == ("cutoff", 12)
    assert wizard.actor is not None
    assert users.login(new_db, "quantri", PASSWORD) == wizard.actor
    assert wizard.actor.role == "admin"


def test_the_chosen_convention_is_saved(wizard: FirstRunWizard, new_db: Database) -> None:
    go_to(wizard, PageId.UNIT)
    fill_unit(wizard)
    go_to(wizard, PageId.REPORTING)
    year_start = wizard.field_pages[PageId.REPORTING].fields.field("year_start_month")
    assert isinstance(year_start, QComboBox)
    year_start.setCurrentIndex(year_start.findData(11))
    go_to(wizard, PageId.ADMIN)
    fill_admin(wizard)
    go_to(wizard, PageId.SUMMARY)
    finish(wizard)
    unit = units.home_unit(new_db)
    assert unit is not None
    assert (unit.period_convention, unit.year_start_month) == ("cutoff", 11)


def test_a_bad_unit_code_returns_to_the_unit_page_with_the_error_under_it(
        wizard: FirstRunWizard, new_db: Database) -> None:
    go_to(wizard, PageId.UNIT)
    fill_unit(wizard, code="26 001")
    go_to(wizard, PageId.ADMIN)
    fill_admin(wizard)
    go_to(wizard, PageId.SUMMARY)
    finish(wizard)
    assert wizard.currentId() == PageId.UNIT
    unit_fields = wizard.field_pages[PageId.UNIT].fields
    assert unit_fields.error_text("unit_code")
    assert unit_fields.error_text("unit_name") == ""
    assert units.home_unit(new_db) is None
    assert wizard.actor is None
    # Everything typed is still there: correct the code and finish.
    assert text_field(wizard, PageId.UNIT, "unit_name").text() == "Công an phường Thanh Bình"
    assert text_field(wizard, PageId.ADMIN, "admin_password").text() == PASSWORD
    text_field(wizard, PageId.UNIT, "unit_code").setText("26001")
    go_to(wizard, PageId.SUMMARY)
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    unit = units.home_unit(new_db)
    assert unit is not None
    assert unit.code == "26001"


def test_a_short_password_returns_to_the_admin_page(wizard: FirstRunWizard,
                                                    new_db: Database) -> None:
    go_to(wizard, PageId.UNIT)
    fill_unit(wizard)
    go_to(wizard, PageId.ADMIN)
    for name in ("admin_password", "password_repeat"):
        text_field(wizard, PageId.ADMIN, name).setText("short")
    text_field(wizard, PageId.ADMIN, "admin_username").setText("quantri")
    text_field(wizard, PageId.ADMIN, "admin_full_name").setText("Lê Văn Quản")
    go_to(wizard, PageId.SUMMARY)
    finish(wizard)
    assert wizard.currentId() == PageId.ADMIN
    assert wizard.field_pages[PageId.ADMIN].fields.error_text("admin_password")
    assert units.home_unit(new_db) is None


def test_mismatched_passwords_stop_at_the_admin_page(wizard: FirstRunWizard) -> None:
    go_to(wizard, PageId.ADMIN)
    fill_admin(wizard, repeat="something-else")
    wizard.next()
    assert wizard.currentId() == PageId.ADMIN
    assert wizard.field_pages[PageId.ADMIN].fields.error_text("password_repeat")
