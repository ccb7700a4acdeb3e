"""The reception wizard: people created end to end, duplicates caught, errors shown in place.

Runs on a private copy of the demo database with today pinned to 26/11/2026. Assertions
read records back through the services and check widgets' state, never translated text.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from desktop.services import persons
from desktop.services.people_index import PeopleIndexRow, people_index
from desktop.services.person_queries import get_person
from desktop.views.context import AppContext
from desktop.views.people.page import PeoplePage
from desktop.views.people.reception import ReceptionWizard
from tests.views.people_helpers import FakeNavigator, make_page, shown_names

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NEW_ID = "025085999001"  # male, born in 1985: digits 4–6 are 0 and 85


def people(ctx: AppContext) -> list[PeopleIndexRow]:
    return people_index(ctx.db, ctx.actor, ctx.today())


def next_page(qtbot: QtBot, wizard: ReceptionWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def finish(qtbot: QtBot, wizard: ReceptionWizard) -> None:
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_source(qtbot: QtBot, wizard: ReceptionWizard, walk_in: bool = True) -> None:
    (wizard.source_page.walk_in if walk_in else wizard.source_page.notice).setChecked(True)
    next_page(qtbot, wizard)


def fill_identity(qtbot: QtBot, wizard: ReceptionWizard, name: str = "Lò Văn Tèo",
                  gender: str = "male", birth: str = "12/04/1985",
                  id_number: str = NEW_ID, origin: str = "Xã Tân Cương, Thái Nguyên") -> None:
    page = wizard.identity
    assert wizard.currentPage() is page
    # QTest types ASCII only; Vietnamese text arrives as an input method would put it.
    page.full_name.setText(name)
    page.gender.setCurrentIndex(page.gender.findData(gender))
    qtbot.keyClicks(page.birth_date, birth)
    qtbot.keyClicks(page.id_number, id_number)
    page.place_of_origin.setText(origin)
    page.permanent_address.setText("Xóm 3, xã Tân Cương")
    page.residential_area.setCurrentText("Thôn Đoài")


def fill_judgment(wizard: ReceptionWizard, release: date = date(2026, 9, 1)) -> None:
    page = wizard.judgment
    assert wizard.currentPage() is page
    page.court.setText("Tòa án nhân dân tỉnh Thái Nguyên")
    page.judgment_number.setText("25/2022/HS-ST")
    page.judgment_date.set_date(date(2022, 3, 15))
    page.offences.setText("Trộm cắp tài sản")
    page.chapter.setValue(16)
    page.prison_months.years.setValue(4)
    page.prison.setText("Trại giam Phú Sơn 4")
    page.release_date.set_date(release)


def to_duplicates(qtbot: QtBot, wizard: ReceptionWizard, **identity: str) -> None:
    """Walk-in through every page up to the duplicate check."""
    choose_source(qtbot, wizard)
    fill_identity(qtbot, wizard, **identity)
    next_page(qtbot, wizard)
    fill_judgment(wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.dates
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.duplicates


def open_wizard(qtbot: QtBot, ctx: AppContext) -> tuple[PeoplePage, FakeNavigator,
                                                        ReceptionWizard]:
    page, nav = make_page(qtbot, ctx)
    page.receive_button.click()
    wizard = page.findChild(ReceptionWizard)
    assert wizard is not None
    qtbot.waitExposed(wizard)
    return page, nav, wizard


# --- creating --------------------------------------------------------------------------

def test_a_walk_in_is_created_and_shows_in_the_people_list(qtbot: QtBot,
                                                           ctx: AppContext) -> None:
    page, nav, wizard = open_wizard(qtbot, ctx)
    to_duplicates(qtbot, wizard)
    assert wizard.duplicates.candidates == []
    finish(qtbot, wizard)
    created = wizard.created_person_id
    assert created is not None
    assert nav.opened == [created]
    assert nav.changes == 1
    detail = get_person(ctx.db, ctx.actor, created, ctx.today())
    assert (detail.person.full_name, detail.person.status, detail.person.received_on) == (
        "Lò Văn Tèo", "received", date(2026, 11, 26))
    assert detail.person.current_address == "Xóm 3, xã Tân Cương"  # same as permanent
    assert detail.judgment is not None
    assert (detail.judgment.prison_months, detail.judgment.chapter) == (48, 16)
    page.search.setText("lo van teo")
    assert shown_names(page) == ["Lò Văn Tèo"]
    assert page.people.total_count() == 26


def test_a_prison_notice_creates_an_expected_person(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    choose_source(qtbot, wizard, walk_in=False)
    fill_identity(qtbot, wizard)
    next_page(qtbot, wizard)
    fill_judgment(wizard, release=date(2026, 12, 20))  # the notice comes ahead of release
    next_page(qtbot, wizard)
    # The arrival is expected on release day unless the officer says otherwise.
    assert wizard.dates.expected_on.date_value() == date(2026, 12, 20)
    assert wizard.dates.walk_in_box.isHidden()
    next_page(qtbot, wizard)
    finish(qtbot, wizard)
    assert wizard.created_person_id is not None
    person = get_person(ctx.db, ctx.actor, wizard.created_person_id, ctx.today()).person
    assert (person.status, person.notice_received_on, person.expected_on) == (
        "expected", date(2026, 11, 26), date(2026, 12, 20))


def test_nothing_typed_about_the_judgment_creates_no_judgment(qtbot: QtBot,
                                                              ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    choose_source(qtbot, wizard)
    fill_identity(qtbot, wizard)
    next_page(qtbot, wizard)
    wizard.judgment.release_date.set_date(date(2026, 9, 1))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    finish(qtbot, wizard)
    assert wizard.created_person_id is not None
    assert get_person(ctx.db, ctx.actor, wizard.created_person_id).judgment is None


# --- duplicates ------------------------------------------------------------------------

def test_a_known_id_number_shows_the_record_and_offers_only_to_open_it(
        qtbot: QtBot, ctx: AppContext) -> None:
    an = next(r for r in people(ctx) if r.full_name == "Trần Đức An")
    assert an.id_number is not None
    _, nav, wizard = open_wizard(qtbot, ctx)
    to_duplicates(qtbot, wizard, name="Trần Văn Khác", birth="28/08/1969",
                  id_number=an.id_number)
    dup = wizard.duplicates
    assert [c.id for c in dup.candidates] == [an.id]
    assert dup.table.isVisible()
    assert dup.table.rowCount() == 1
    assert dup.table.item(0, 2).text() == an.id_number
    # Creating is not silent: Finish waits for a decision, and "create" is not offered
    # because two records may not share an ID number.
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not dup.create_new.isEnabled()
    assert dup.same_id_note.isVisible()
    dup.open_existing.setChecked(True)
    finish(qtbot, wizard)
    assert (wizard.created_person_id, wizard.existing_person_id) == (None, an.id)
    assert nav.opened == [an.id]
    assert nav.changes == 0
    assert len(people(ctx)) == 25


def test_same_name_and_birth_needs_a_decision_before_creating(qtbot: QtBot,
                                                              ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    # Same name and birth as a demo person, no ID number nor place of origin: may be a
    # namesake (the service compares origins only when both are known).
    to_duplicates(qtbot, wizard, name="trần đức an", birth="28/08/1969", id_number="",
                  origin="")
    dup = wizard.duplicates
    assert [c.full_name for c in dup.candidates] == ["Trần Đức An"]
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert dup.create_new.isEnabled()
    dup.create_new.setChecked(True)
    finish(qtbot, wizard)
    assert wizard.created_person_id is not None
    assert [r.full_name for r in people(ctx)].count("Trần Đức An") == 2


def test_going_back_and_forth_asks_again(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    to_duplicates(qtbot, wizard, name="Trần Đức An", birth="28/08/1969", id_number="",
                  origin="")
    wizard.duplicates.create_new.setChecked(True)
    wizard.back()
    next_page(qtbot, wizard)
    assert not wizard.duplicates.create_new.isChecked()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


# --- errors are shown where they belong -------------------------------------------------

def test_an_id_number_contradicting_the_gender_is_shown_under_the_id_field(
        qtbot: QtBot, ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    choose_source(qtbot, wizard)
    # Digit 4 of 025085999001 is 0: a man born in the 1900s; the form says female.
    fill_identity(qtbot, wizard, name="Lò Thị Mai", gender="female")
    next_page(qtbot, wizard)
    page = wizard.identity
    assert wizard.currentPage() is page
    assert page.error_text("id_number")
    assert not page.error_text("full_name")
    assert (page.full_name.text(), page.id_number.text(), page.birth_date.text()) == (
        "Lò Thị Mai", NEW_ID, "12/04/1985")
    # Corrected, it goes on and the error disappears.
    page.gender.setCurrentIndex(page.gender.findData("male"))
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.judgment
    assert not page.error_text("id_number")
    assert len(people(ctx)) == 25


def test_a_refusal_at_creation_takes_the_wizard_back_to_the_field(qtbot: QtBot,
                                                                  ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    to_duplicates(qtbot, wizard)
    assert wizard.duplicates.candidates == []
    # Meanwhile another officer records someone with the same ID number.
    persons.register_walk_in(
        ctx.db, ctx.actor,
        persons.PersonInput(full_name="Hà Văn Nhanh", gender="male", birth_date="1985",
                            id_number=NEW_ID, release_date=date(2026, 9, 1)),
        None, date(2026, 11, 25), today=ctx.today())
    finish(qtbot, wizard)
    page = wizard.identity
    assert wizard.currentPage() is page
    assert page.error_text("id_number")
    assert wizard.isVisible()
    assert wizard.created_person_id is None
    assert (page.full_name.text(), page.id_number.text()) == ("Lò Văn Tèo", NEW_ID)
    assert wizard.judgment.court.text() == "Tòa án nhân dân tỉnh Thái Nguyên"
    assert [r.full_name for r in people(ctx)].count("Lò Văn Tèo") == 0


def test_an_age_at_release_problem_returns_to_the_birth_date(qtbot: QtBot,
                                                             ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    choose_source(qtbot, wizard)
    # Born 2011: plausible today, but 13 years old at a release in 2024.
    fill_identity(qtbot, wizard, birth="2011", id_number="")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.judgment
    fill_judgment(wizard, release=date(2024, 6, 1))
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.identity
    assert wizard.identity.error_text("birth_date")
    assert wizard.judgment.release_date.date_value() == date(2024, 6, 1)


def test_reporting_before_the_release_returns_to_the_dates_page(qtbot: QtBot,
                                                                ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    to_duplicates(qtbot, wizard)
    wizard.back()
    wizard.dates.received_on.set_date(date(2026, 8, 20))  # before the 01/09 release
    next_page(qtbot, wizard)
    finish(qtbot, wizard)
    assert wizard.currentPage() is wizard.dates
    assert wizard.dates.error_text("received_on")
    assert wizard.created_person_id is None


def test_a_walk_in_released_in_the_future_returns_to_the_release_date(
        qtbot: QtBot, ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    choose_source(qtbot, wizard)
    fill_identity(qtbot, wizard)
    next_page(qtbot, wizard)
    fill_judgment(wizard, release=date(2026, 12, 20))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    finish(qtbot, wizard)
    assert wizard.currentPage() is wizard.judgment
    assert wizard.judgment.error_text("release_date")
    assert wizard.created_person_id is None


def test_a_bad_birth_date_is_caught_on_the_identity_page(qtbot: QtBot,
                                                         ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    choose_source(qtbot, wizard)
    fill_identity(qtbot, wizard, birth="31/02/1985", id_number="")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.identity
    assert wizard.identity.error_text("birth_date")


def test_the_first_step_needs_a_choice(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = ReceptionWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.source_page.notice.setChecked(True)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
