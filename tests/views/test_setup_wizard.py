"""The first-run wizard, driven page by page on an empty database."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QRadioButton, QWizard
from pytestqt.qtbot import QtBot

from desktop.db import Database, open_database
from desktop.reports.certificates import SigningError, create_unit_certificate
from desktop.services import signing_keys, units, users
from desktop.views.setup_wizard import CertificatePage, FirstRunWizard, PageId

PASSWORD = "mat-khau-quan-tri"
CERT_PASSWORD = "mat-khau-chung-thu"

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


def certificate_page(wizard: FirstRunWizard) -> CertificatePage:
    page = wizard.field_pages[PageId.CERTIFICATE]
    assert isinstance(page, CertificatePage)
    return page


def fill_certificate(wizard: FirstRunWizard, choice: str = "later", password: str = "",
                     repeat: str | None = None, file: str = "", file_password: str = "") -> None:
    """Choose on the certificate page; "later" for tests about the other pages."""
    page = certificate_page(wizard)
    page.choice.buttons[choice].click()
    for name, value in (("certificate_password", password),
                        ("certificate_password_repeat", password if repeat is None else repeat),
                        ("certificate_file", file),
                        ("certificate_file_password", file_password)):
        text_field(wizard, PageId.CERTIFICATE, name).setText(value)


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
    fill_certificate(wizard)
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
    fill_certificate(wizard)
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
    fill_certificate(wizard)
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
    fill_certificate(wizard)
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


def visible(wizard: FirstRunWizard, name: str) -> bool:
    return wizard.field_pages[PageId.CERTIFICATE].fields.field(name).isVisible()


def test_first_run_creates_the_unit_the_admin_and_the_units_certificate(
        wizard: FirstRunWizard, new_db: Database) -> None:
    go_to(wizard, PageId.UNIT)
    fill_unit(wizard)
    go_to(wizard, PageId.ADMIN)
    fill_admin(wizard)
    go_to(wizard, PageId.CERTIFICATE)
    page = certificate_page(wizard)
    assert page.choice.value() == "create"  # the recommended default
    assert visible(wizard, "certificate_password")
    assert not visible(wizard, "certificate_file")
    fill_certificate(wizard, "create", CERT_PASSWORD)
    go_to(wizard, PageId.SUMMARY)
    summary = wizard.summary.table.text()
    assert page.choice.buttons["create"].text() in summary
    assert CERT_PASSWORD not in summary
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted

    unit = units.home_unit(new_db)
    assert unit is not None
    assert unit.code == "26001"
    assert users.login(new_db, "quantri", PASSWORD) == wizard.actor
    signers = signing_keys.known_signers(new_db)
    assert [s.common_name for s in signers] == ["Công an phường Thanh Bình"]
    assert wizard.actor is not None
    # The certificate is the unit's, and only its password opens it.
    opened = signing_keys.ensure_unit_certificate(new_db, wizard.actor, CERT_PASSWORD)
    assert opened.fingerprint == signers[0].fingerprint
    with pytest.raises(SigningError):
        signing_keys.ensure_unit_certificate(new_db, wizard.actor, "not-the-password")


def test_a_certificate_file_is_registered_as_a_known_signer(
        wizard: FirstRunWizard, new_db: Database, tmp_path: Path) -> None:
    p12 = tmp_path / "can-bo.p12"
    p12.write_bytes(create_unit_certificate("Nguyễn Văn Ký", "Công an phường Thanh Bình",
                                            "Tỉnh Thái Nguyên", "mat-khau-tep"))
    go_to(wizard, PageId.UNIT)
    fill_unit(wizard)
    go_to(wizard, PageId.ADMIN)
    fill_admin(wizard)
    go_to(wizard, PageId.CERTIFICATE)
    fill_certificate(wizard, "import", file=str(p12), file_password="mat-khau-tep")
    assert visible(wizard, "certificate_file")
    assert not visible(wizard, "certificate_password")
    assert certificate_page(wizard).browse.isVisible()
    go_to(wizard, PageId.SUMMARY)
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert units.home_unit(new_db) is not None
    assert [s.common_name for s in signing_keys.known_signers(new_db)] == ["Nguyễn Văn Ký"]


def test_a_wrong_file_password_returns_to_the_certificate_page_before_anything_is_written(
        wizard: FirstRunWizard, new_db: Database, tmp_path: Path) -> None:
    p12 = tmp_path / "can-bo.p12"
    p12.write_bytes(create_unit_certificate("Nguyễn Văn Ký", "Công an phường Thanh Bình",
                                            "Tỉnh Thái Nguyên", "mat-khau-tep"))
    go_to(wizard, PageId.UNIT)
    fill_unit(wizard)
    go_to(wizard, PageId.ADMIN)
    fill_admin(wizard)
    go_to(wizard, PageId.CERTIFICATE)
    fill_certificate(wizard, "import", file=str(p12), file_password="sai-mat-khau")
    go_to(wizard, PageId.SUMMARY)
    finish(wizard)
    assert wizard.currentId() == PageId.CERTIFICATE
    assert "Mật khẩu" in wizard.field_pages[PageId.CERTIFICATE].fields.error_text(
        "certificate_file_password")
    assert units.home_unit(new_db) is None  # set-up runs once: nothing half-done
    text_field(wizard, PageId.CERTIFICATE, "certificate_file_password").setText("mat-khau-tep")
    go_to(wizard, PageId.SUMMARY)
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_mismatched_certificate_passwords_stop_at_the_certificate_page(
        wizard: FirstRunWizard) -> None:
    go_to(wizard, PageId.CERTIFICATE)
    fill_certificate(wizard, "create", CERT_PASSWORD, repeat="something-else")
    wizard.next()
    assert wizard.currentId() == PageId.CERTIFICATE
    assert wizard.field_pages[PageId.CERTIFICATE].fields.error_text(
        "certificate_password_repeat")


def test_a_short_certificate_password_is_refused_and_nothing_is_set_up(
        wizard: FirstRunWizard, new_db: Database) -> None:
    go_to(wizard, PageId.UNIT)
    fill_unit(wizard)
    go_to(wizard, PageId.ADMIN)
    fill_admin(wizard)
    go_to(wizard, PageId.CERTIFICATE)
    fill_certificate(wizard, "create", "short")
    go_to(wizard, PageId.SUMMARY)
    finish(wizard)
    assert wizard.currentId() == PageId.CERTIFICATE
    assert wizard.field_pages[PageId.CERTIFICATE].fields.error_text("certificate_password")
    assert units.home_unit(new_db) is None


def test_later_sets_up_without_a_certificate(wizard: FirstRunWizard, new_db: Database) -> None:
    go_to(wizard, PageId.UNIT)
    fill_unit(wizard)
    go_to(wizard, PageId.ADMIN)
    fill_admin(wizard)
    go_to(wizard, PageId.CERTIFICATE)
    fill_certificate(wizard, "later")
    assert not visible(wizard, "certificate_password")
    assert not visible(wizard, "certificate_file")
    go_to(wizard, PageId.SUMMARY)
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert units.home_unit(new_db) is not None
    assert signing_keys.known_signers(new_db) == []


def test_signers_typed_in_the_wizard_are_printed_on_reports(
        wizard: FirstRunWizard, new_db: Database) -> None:
    go_to(wizard, PageId.UNIT)
    fill_unit(wizard)
    go_to(wizard, PageId.SIGNERS)
    signers = wizard.field_pages[PageId.SIGNERS].fields
    # The usual commune wording is there already: an officer only types the names.
    assert signers.values()["police_chief_title"] == "TRƯỞNG CÔNG AN"
    assert signers.values()["chairperson_title"] == "CHỦ TỊCH"
    assert signers.values()["signer_prefix"] == "TM. ỦY BAN NHÂN DÂN"
    text_field(wizard, PageId.SIGNERS, "police_chief").setText("Trần Văn Hùng")
    text_field(wizard, PageId.SIGNERS, "chairperson").setText("Nguyễn Thị Lan")
    text_field(wizard, PageId.SIGNERS, "chairperson_title").setText("PHÓ CHỦ TỊCH")
    prefix = signers.field("signer_prefix")
    assert isinstance(prefix, QComboBox)
    prefix.setCurrentText("KT. CHỦ TỊCH")
    go_to(wizard, PageId.ADMIN)
    fill_admin(wizard)
    go_to(wizard, PageId.CERTIFICATE)
    fill_certificate(wizard, "later")
    go_to(wizard, PageId.SUMMARY)
    summary = wizard.summary.table.text()
    assert "Trần Văn Hùng" in summary
    assert "KT. CHỦ TỊCH" in summary
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    unit = units.home_unit(new_db)
    assert unit is not None
    assert (unit.police_chief, unit.police_chief_title, unit.chairperson,
            unit.chairperson_title, unit.signer_prefix) == (
        "Trần Văn Hùng", "TRƯỞNG CÔNG AN", "Nguyễn Thị Lan", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH")


def test_a_new_encrypted_database_shows_the_recovery_code_once_and_it_opens_the_database(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QCheckBox, QLabel

    from desktop.security import keyfile
    from desktop.services import encryption
    from tests.security.encrypted import use_cheap_kdf

    use_cheap_kdf(monkeypatch)
    db = encryption.begin_setup(tmp_path / "office.db")
    try:
        wizard = FirstRunWizard(db)
        qtbot.addWidget(wizard)
        wizard.show()
        go_to(wizard, PageId.UNIT)
        fill_unit(wizard)
        go_to(wizard, PageId.ADMIN)
        fill_admin(wizard)
        fill_certificate(wizard)
        go_to(wizard, PageId.RECOVERY)
        shown = wizard.findChild(QLabel, "recovery_code")
        written = wizard.findChild(QCheckBox, "written_down")
        assert shown is not None
        assert written is not None
        assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){6}", shown.text())
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert not next_button.isEnabled()  # not before the code is written down
        written.setChecked(True)
        assert next_button.isEnabled()
        go_to(wizard, PageId.SUMMARY)
        finish(wizard)
        assert wizard.result() == QWizard.DialogCode.Accepted
    finally:
        db.close()
    keys = keyfile.keyfile_path(tmp_path / "office.db")
    assert keyfile.pending_key(keys) is None
    assert keyfile.read_keyfile(keys).usernames() == ["quantri"]
    reopened = encryption.open_with_recovery(tmp_path / "office.db", shown.text())
    reopened.close()
    encryption.unlock(tmp_path / "office.db", "quantri", PASSWORD).db.close()
