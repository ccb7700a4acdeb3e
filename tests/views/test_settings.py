"""The Settings page: what each role may see and change, and that saving really saves."""

from __future__ import annotations

from typing import TypeVar

import pytest
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.services import settings, units, users
from desktop.services.errors import AuthenticationError
from desktop.views.context import AppContext
from desktop.views.settings import SettingsPage
from desktop.views.settings.section import Section
from desktop.views.settings.users import AddUserDialog, ResetPasswordDialog, UsersSection

PASSWORD = "hoanhap-demo"

# Dialogs are shown for real; the offscreen platform warns that it cannot resize windows.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class FakeNav:
    """Records what the page asks of the main window."""

    def __init__(self) -> None:
        self.changes = 0

    def open_person(self, person_id: str) -> None:
        pass

    def show_page(self, key: str) -> None:
        pass

    def data_changed(self) -> None:
        self.changes += 1


def make_page(qtbot: QtBot, ctx: AppContext) -> tuple[SettingsPage, FakeNav]:
    nav = FakeNav()
    page = SettingsPage(ctx, nav)
    qtbot.addWidget(page)
    return page, nav


W = TypeVar("W", bound=QWidget)


def child(parent: QWidget, kind: type[W], name: str) -> W:
    """The named child widget, which must exist."""
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def section(page: SettingsPage, key: str) -> Section:
    found = page.sections[key]
    assert isinstance(found, Section)
    return found


def save(page: SettingsPage, key: str) -> None:
    child(section(page, key), QPushButton, "save").click()


def spin(page: SettingsPage, key: str, name: str) -> QSpinBox:
    box = section(page, key).fields.field(name)
    assert isinstance(box, QSpinBox)
    return box


def line(page: SettingsPage, key: str, name: str) -> QLineEdit:
    edit = section(page, key).fields.field(name)
    assert isinstance(edit, QLineEdit)
    return edit


# --- unit settings ---------------------------------------------------------------------

def test_admin_changes_the_contact_interval_and_the_unit_has_it(
        qtbot: QtBot, admin_ctx: AppContext) -> None:
    page, nav = make_page(qtbot, admin_ctx)
    assert spin(page, "reporting", "contact_interval_days").value() == 7
    spin(page, "reporting", "contact_interval_days").setValue(10)
    with qtbot.waitSignal(page.unit_changed) as signal:
        save(page, "reporting")
    unit = units.home_unit(admin_ctx.db)
    assert unit is not None
    assert unit.contact_interval_days == 10
    assert signal.args[0].contact_interval_days == 10
    assert page.ctx.unit.contact_interval_days == 10
    assert nav.changes == 1
    assert page.status.text()


def test_an_invalid_value_shows_under_its_field_and_nothing_changes(
        qtbot: QtBot, admin_ctx: AppContext) -> None:
    page, nav = make_page(qtbot, admin_ctx)
    reporting = section(page, "reporting")
    spin(page, "reporting", "contact_interval_days").setValue(45)
    save(page, "reporting")
    assert "31" in reporting.fields.error_text("contact_interval_days")
    assert reporting.fields.error_text("rule_set_name") == ""
    unit = units.home_unit(admin_ctx.db)
    assert unit is not None
    assert unit.contact_interval_days == 7
    assert unit.version == admin_ctx.unit.version
    assert nav.changes == 0
    # What was typed stays, so it can be corrected rather than typed again.
    assert spin(page, "reporting", "contact_interval_days").value() == 45


def test_an_empty_unit_name_is_refused_under_the_name(qtbot: QtBot,
                                                      admin_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, admin_ctx)
    line(page, "unit", "name").setText("   ")
    save(page, "unit")
    assert section(page, "unit").fields.error_text("name")
    unit = units.home_unit(admin_ctx.db)
    assert unit is not None
    assert unit.name == admin_ctx.unit.name


def test_unit_fields_signers_and_recipients_are_saved(qtbot: QtBot,
                                                      admin_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, admin_ctx)
    unit_tab = section(page, "unit")
    level = unit_tab.fields.field("recipient_level")
    assert isinstance(level, QComboBox)
    level.setCurrentIndex(level.findData("district"))
    recipients = unit_tab.fields.field("report_recipients")
    assert isinstance(recipients, QPlainTextEdit)
    recipients.setPlainText("Công an tỉnh\nUBND phường")
    save(page, "unit")
    line(page, "signers", "police_chief").setText("Phạm Văn Trưởng")
    save(page, "signers")
    unit = units.home_unit(admin_ctx.db)
    assert unit is not None
    assert (unit.recipient_level, unit.report_recipients, unit.police_chief) == (
        "district", "Công an tỉnh\nUBND phường", "Phạm Văn Trưởng")


def test_year_start_is_only_editable_for_the_cutoff_convention(
        qtbot: QtBot, admin_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, admin_ctx)
    reporting = section(page, "reporting")
    year_start = reporting.fields.field("year_start_month")
    example = child(page, QLabel, "period_example")
    cutoff_example = example.text()
    assert year_start.isEnabled()
    child(reporting, QRadioButton, "choice_calendar").setChecked(True)
    assert not year_start.isEnabled()
    assert example.text() != cutoff_example
    save(page, "reporting")
    unit = units.home_unit(admin_ctx.db)
    assert unit is not None
    assert unit.period_convention == "calendar"


def test_unsaved_edits_in_one_section_survive_saving_another(
        qtbot: QtBot, admin_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, admin_ctx)
    line(page, "unit", "doc_symbol").setText("BC-CAP")  # typed, not saved
    line(page, "signers", "chairperson").setText("Đỗ Thị Chủ")
    save(page, "signers")
    page.refresh()  # what the main window does after data_changed
    assert line(page, "unit", "doc_symbol").text() == "BC-CAP"
    unit = units.home_unit(admin_ctx.db)
    assert unit is not None
    assert (unit.doc_symbol, unit.chairperson) == ("BC-CAX", "Đỗ Thị Chủ")


# --- security --------------------------------------------------------------------------

def test_admin_changes_the_idle_lock_time(qtbot: QtBot, admin_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, admin_ctx)
    spin(page, "security", "idle_lock_minutes").setValue(3)
    with qtbot.waitSignal(page.installation_changed):
        save(page, "security")
    assert settings.setting_value(admin_ctx.db, "idle_lock_minutes") == 3


# --- roles -----------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["ctx", "leader_ctx"])
def test_others_see_settings_read_only_and_no_users_section(
        qtbot: QtBot, request: pytest.FixtureRequest, who: str) -> None:
    other: AppContext = request.getfixturevalue(who)
    page, _ = make_page(qtbot, other)
    assert "users" not in page.sections
    assert page.findChild(QTableWidget, "users_table") is None
    assert line(page, "unit", "name").text() == other.unit.name
    assert line(page, "unit", "name").isReadOnly()
    assert spin(page, "reporting", "contact_interval_days").isReadOnly()
    assert spin(page, "security", "idle_lock_minutes").isReadOnly()
    assert not section(page, "unit").fields.field("recipient_level").isEnabled()
    assert not section(page, "reporting").fields.field("rule_set_name").isEnabled()
    for key in ("unit", "signers", "reporting", "security"):
        assert child(section(page, key), QPushButton, "save").isHidden()
    assert not child(page, QLabel, "read_only_note").isHidden()
    # Their own password stays theirs to change.
    assert not child(section(page, "password"), QPushButton, "save").isHidden()
    assert not line(page, "password", "new_password").isReadOnly()


def test_admin_sees_editable_fields_and_the_users_section(
        qtbot: QtBot, admin_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, admin_ctx)
    assert isinstance(page.sections.get("users"), UsersSection)
    assert not line(page, "unit", "name").isReadOnly()
    assert not child(section(page, "unit"), QPushButton, "save").isHidden()
    assert child(page, QLabel, "read_only_note").isHidden()


# --- users -----------------------------------------------------------------------------

def users_section(page: SettingsPage) -> UsersSection:
    found = page.sections["users"]
    assert isinstance(found, UsersSection)
    return found


def table_usernames(section: UsersSection) -> list[str]:
    items = [section.table.item(r, 0) for r in range(section.table.rowCount())]
    return [item.text() for item in items if item is not None]


def add_dialog(people: UsersSection) -> AddUserDialog:
    people.add_button.click()
    assert isinstance(people.dialog, AddUserDialog)
    return people.dialog


def test_admin_adds_a_user_who_can_then_log_in(qtbot: QtBot, admin_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, admin_ctx)
    people = users_section(page)
    assert table_usernames(people) == ["admin", "canbo", "lanhdao"]
    dialog = add_dialog(people)
    dialog.username.setText("nguyenthib")
    dialog.full_name.setText("Nguyễn Thị B")
    dialog.role.setCurrentIndex(dialog.role.findData("leader"))
    dialog.password.setText("mat-khau-moi")
    dialog.repeat.setText("mat-khau-moi")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert table_usernames(people) == ["admin", "canbo", "lanhdao", "nguyenthib"]
    actor = users.login(admin_ctx.db, "nguyenthib", "mat-khau-moi")
    assert (actor.full_name, actor.role) == ("Nguyễn Thị B", "leader")


def test_mismatched_passwords_keep_the_dialog_open_and_create_nobody(
        qtbot: QtBot, admin_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, admin_ctx)
    people = users_section(page)
    dialog = add_dialog(people)
    dialog.username.setText("nguyenthib")
    dialog.full_name.setText("Nguyễn Thị B")
    dialog.password.setText("mat-khau-moi")
    dialog.repeat.setText("mat-khau-khac")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error_text("password_repeat")
    assert dialog.result_value is None
    assert [u.username for u in users.list_users(admin_ctx.db, admin_ctx.actor)] == [
        "admin", "canbo", "lanhdao"]


def test_admin_disables_and_reenables_an_officer(qtbot: QtBot,
                                                 admin_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, admin_ctx)
    people = users_section(page)
    people.select("admin")
    assert not people.toggle_button.isEnabled()  # nobody disables themselves
    people.select("canbo")
    people.toggle_button.click()
    with pytest.raises(AuthenticationError):
        users.login(admin_ctx.db, "canbo", PASSWORD)
    assert people.selected() is not None
    assert not people.selected().active  # type: ignore[union-attr]
    people.toggle_button.click()
    assert users.login(admin_ctx.db, "canbo", PASSWORD).username == "canbo"


def test_admin_resets_a_forgotten_password(qtbot: QtBot, admin_ctx: AppContext) -> None:
    page, _ = make_page(qtbot, admin_ctx)
    people = users_section(page)
    people.select("canbo")
    people.reset_button.click()
    dialog = people.dialog
    assert isinstance(dialog, ResetPasswordDialog)
    dialog.password.setText("mat-khau-cap-lai")
    dialog.repeat.setText("mat-khau-cap-lai")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert users.login(admin_ctx.db, "canbo", "mat-khau-cap-lai").username == "canbo"
    with pytest.raises(AuthenticationError):
        users.login(admin_ctx.db, "canbo", PASSWORD)


# --- own password ----------------------------------------------------------------------

def test_officer_changes_own_password_and_the_old_one_stops_working(
        qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    line(page, "password", "old_password").setText(PASSWORD)
    line(page, "password", "new_password").setText("mat-khau-rieng")
    line(page, "password", "password_repeat").setText("mat-khau-rieng")
    save(page, "password")
    assert section(page, "password").fields.error_text("old_password") == ""
    assert users.login(ctx.db, "canbo", "mat-khau-rieng").username == "canbo"
    with pytest.raises(AuthenticationError):
        users.login(ctx.db, "canbo", PASSWORD)
    assert line(page, "password", "new_password").text() == ""  # not left on screen


def test_a_wrong_current_password_is_shown_under_it(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    line(page, "password", "old_password").setText("not-my-password")
    line(page, "password", "new_password").setText("mat-khau-rieng")
    line(page, "password", "password_repeat").setText("mat-khau-rieng")
    save(page, "password")
    assert section(page, "password").fields.error_text("old_password")
    assert users.login(ctx.db, "canbo", PASSWORD).username == "canbo"
