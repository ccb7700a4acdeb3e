"""The person dialogs: what an officer types is saved, or refused under the right field.

Everything runs on a private copy of the demo database with today pinned to 26/11/2026.
Assertions read the saved records back through the services, never the translated UI text.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.rules.coverage import iso_week_code, monday_of
from desktop.rules.periods import parse_period
from desktop.services import contacts, evaluations, person_queries, supports, violations
from desktop.views.context import AppContext
from desktop.views.forms import FormDialog
from desktop.views.person.dialogs import (
    ContactDialog,
    EvaluationDialog,
    ExcusedWeekDialog,
    SupportDialog,
    ViolationDialog,
)
from desktop.views.person.dialogs.evaluation import default_quarter, recent_quarters

# Showing a window that has a layout sets its minimum size, which the offscreen platform
# (used for tests only) answers with this warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# Demo people (seed 1): under management, with a police member in the team; An had an
# administrative violation on 10/10/2026, so he may not borrow; Dũng may.
AN = "Trần Đức An"
DUNG = "Nguyễn Đức Dũng"
MANH = "Nguyễn Hữu Mạnh"  # no evaluation saved yet for the last two quarters


def person_id(ctx: AppContext, name: str) -> str:
    rows = [p for p in person_queries.list_people(ctx.db, ctx.actor, status="managed")
            if p.full_name == name]
    assert len(rows) == 1, name
    return rows[0].id


D = TypeVar("D", bound=FormDialog)


def shown(qtbot: QtBot, dialog: D) -> D:
    """The dialog on screen and active, as after exec(), without blocking the test."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key. QTest.keyClicks only knows Latin-1 (it aborts on "ă"), so
    each character goes as a key event carrying its text, as a Vietnamese keyboard sends."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def save(dialog: FormDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def police_member(ctx: AppContext, pid: str) -> str:
    return contacts.contact_defaults(ctx.db, ctx.actor, pid, ctx.today()).police_member


# --- contacts ---------------------------------------------------------------------------

def test_contact_with_the_keyboard_alone(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    before = len(contacts.list_contacts(ctx.db, ctx.actor, pid))
    dialog = shown(qtbot, ContactDialog(ctx, pid))
    assert focused() is dialog.summary  # typing starts at once

    type_text(focused(), "Đi làm đều, gia đình hòa thuận.")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # a new line in the summary, not a save
    type_text(focused(), "Nhắc tránh xa nhóm bạn cũ.")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.next_planned
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = contacts.list_contacts(ctx.db, ctx.actor, pid)
    assert len(saved) == before + 1
    new = saved[0]
    assert new == dialog.result_value
    assert new.contact_date == ctx.today()
    assert police_member(ctx, pid) != ""
    assert police_member(ctx, pid) in new.members_present
    assert new.summary == "Đi làm đều, gia đình hòa thuận.\nNhắc tránh xa nhóm bạn cũ."
    assert new.next_planned_on == ctx.today() + timedelta(days=ctx.unit.contact_interval_days)


def test_enter_in_a_one_line_field_moves_on_without_saving(ctx: AppContext,
                                                           qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    before = len(contacts.list_contacts(ctx.db, ctx.actor, pid))
    dialog = shown(qtbot, ContactDialog(ctx, pid))
    dialog.situation["work"].setFocus()
    type_text(focused(), "Phụ hồ")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert focused() is dialog.situation["health"]
    assert len(contacts.list_contacts(ctx.db, ctx.actor, pid)) == before


def test_contact_tab_order_follows_the_paper_book(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = shown(qtbot, ContactDialog(ctx, person_id(ctx, AN)))
    expected: list[QWidget] = [
        dialog.contact_date, dialog.form_combo, dialog.members,
        *(dialog.situation[n] for n in ("work", "health", "family", "attitude", "mood")),
        *dialog.risks.boxes.values(), dialog.advice, dialog.summary, dialog.next_planned,
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save)]
    chain: list[QWidget] = []
    widget: QWidget | None = dialog.contact_date
    while len(chain) < len(expected):
        assert widget is not None
        if widget in expected:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == expected


def test_risk_signs_tick_with_alt_digits(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    dialog = shown(qtbot, ContactDialog(ctx, pid))
    qtbot.keyClick(focused(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.risks.boxes["substance_use"].isChecked)  # Qt animates the click
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert contacts.list_contacts(ctx.db, ctx.actor, pid)[0].risk_signs == ("substance_use",)


def test_escape_cancels_without_saving(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    before = len(contacts.list_contacts(ctx.db, ctx.actor, pid))
    dialog = shown(qtbot, ContactDialog(ctx, pid))
    type_text(focused(), "Bỏ dở")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert len(contacts.list_contacts(ctx.db, ctx.actor, pid)) == before


def test_future_contact_is_refused_under_the_date(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    before = len(contacts.list_contacts(ctx.db, ctx.actor, pid))
    dialog = shown(qtbot, ContactDialog(ctx, pid))
    dialog.contact_date.set_date(ctx.today() + timedelta(days=1))
    type_text(dialog.summary, "Gặp tại nhà, bình thường.")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.isVisible()
    assert dialog.result_value is None
    assert dialog.error_text("contact_date") != ""
    assert dialog.error_text("summary") == ""
    assert focused() is dialog.contact_date
    assert dialog.summary.text() == "Gặp tại nhà, bình thường."
    assert len(contacts.list_contacts(ctx.db, ctx.actor, pid)) == before


def test_editing_a_contact_prefills_it_and_corrects_it(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    old = contacts.list_contacts(ctx.db, ctx.actor, pid)[0]
    dialog = shown(qtbot, ContactDialog(ctx, pid, contact=old))
    assert dialog.summary.text() == old.summary
    assert dialog.contact_date.date_value() == old.contact_date
    assert dialog.form_combo.code() == old.form
    dialog.summary.setPlainText("Sửa lại nội dung.")
    save(dialog)

    after = contacts.list_contacts(ctx.db, ctx.actor, pid)
    assert [c.id for c in after].count(old.id) == 1
    fixed = next(c for c in after if c.id == old.id)
    assert fixed.summary == "Sửa lại nội dung."
    assert fixed.version == old.version + 1
    assert fixed.contact_date == old.contact_date


def test_leader_cannot_save_a_contact(leader_ctx: AppContext, qtbot: QtBot) -> None:
    dialog = shown(qtbot, ContactDialog(leader_ctx, person_id(leader_ctx, AN)))
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert not dialog.general_error.isHidden()


# --- excused weeks ------------------------------------------------------------------------

def test_future_week_is_refused_under_the_week(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    before = contacts.list_excused_weeks(ctx.db, ctx.actor, pid)
    dialog = shown(qtbot, ExcusedWeekDialog(ctx, pid))
    dialog.week.day.set_date(ctx.today() + timedelta(days=7))
    dialog.reason.setCurrentIndex(0)
    save(dialog)

    assert dialog.isVisible()
    assert dialog.error_text("week") != ""
    assert dialog.error_text("reason") == ""
    assert contacts.list_excused_weeks(ctx.db, ctx.actor, pid) == before


def test_excused_week_shows_its_dates_and_is_saved(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    dialog = shown(qtbot, ExcusedWeekDialog(ctx, pid))
    day = ctx.today() - timedelta(days=14)
    dialog.week.day.set_date(day)
    monday = monday_of(day)
    assert iso_week_code(day) in dialog.week.range_label.text()
    assert monday.strftime("%d/%m/%Y") in dialog.week.range_label.text()
    assert (monday + timedelta(days=6)).strftime("%d/%m/%Y") in dialog.week.range_label.text()
    type_text(dialog.reason, "Đi làm ăn xa có báo cáo (Bình Dương)")
    save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = contacts.list_excused_weeks(ctx.db, ctx.actor, pid)
    assert [(w.week, w.reason) for w in saved if w.week == iso_week_code(day)] == [
        (iso_week_code(day), "Đi làm ăn xa có báo cáo (Bình Dương)")]


def test_excused_week_needs_a_reason(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = shown(qtbot, ExcusedWeekDialog(ctx, person_id(ctx, AN)))
    save(dialog)
    assert dialog.isVisible()
    assert dialog.error_text("reason") != ""


# --- evaluations --------------------------------------------------------------------------

def contacts_in(ctx: AppContext, pid: str, quarter: str) -> int:
    period = parse_period(quarter, ctx.unit.period_convention, ctx.unit.year_start_month)
    end = min(period.end, ctx.today())
    return sum(period.start <= c.contact_date <= end
               for c in contacts.list_contacts(ctx.db, ctx.actor, pid))


def select_quarter(dialog: EvaluationDialog, code: str) -> None:
    index = dialog.quarter.findData(code)
    assert index >= 0, code
    dialog.quarter.setCurrentIndex(index)


def test_quarter_defaults_to_the_one_due(ctx: AppContext) -> None:
    unit = ctx.unit
    quarters = recent_quarters(ctx.today(), unit)
    assert len(quarters) == 8
    assert quarters[0].contains(ctx.today())
    assert all(a.start == b.end + timedelta(days=1) for a, b in itertools.pairwise(quarters))
    # Days after a quarter ends its HCD-08 report is still due; later, the current quarter.
    ended = quarters[1]
    assert default_quarter(ended.end + timedelta(days=3), unit) == ended
    late = ended.end + timedelta(days=30)
    assert default_quarter(late, unit).contains(late)


def test_evaluation_prefill_counts_the_quarters_contacts(ctx: AppContext,
                                                          qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    dialog = shown(qtbot, EvaluationDialog(ctx, pid))
    current = default_quarter(ctx.today(), ctx.unit).code
    assert dialog.quarter.currentData() == current
    count = contacts_in(ctx, pid, current)
    assert count > 0
    assert f"đã gặp gỡ {count} lần" in dialog.notes["helper_report"].text()


def test_changing_the_quarter_refills_the_form(ctx: AppContext, qtbot: QtBot,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person_id(ctx, MANH)
    dialog = shown(qtbot, EvaluationDialog(ctx, pid))
    previous = dialog.quarter.itemData(dialog.quarter.currentIndex() + 1)
    assert previous not in dialog.saved
    first_report = dialog.notes["helper_report"].text()
    asked: list[list[str]] = []
    monkeypatch.setattr(dialog, "_confirm_replace", lambda names: asked.append(names))
    select_quarter(dialog, previous)

    assert asked == []  # nothing typed yet: nothing to ask about
    report = dialog.notes["helper_report"].text()
    assert report != first_report
    period = parse_period(previous, ctx.unit.period_convention, ctx.unit.year_start_month)
    assert period.label_vi in report
    assert f"đã gặp gỡ {contacts_in(ctx, pid, previous)} lần" in report


def test_quarter_with_a_saved_evaluation_shows_it(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    saved = evaluations.list_evaluations(ctx.db, ctx.actor, pid)[0]
    dialog = shown(qtbot, EvaluationDialog(ctx, pid))
    assert dialog.quarter.currentData() != saved.quarter
    select_quarter(dialog, saved.quarter)
    assert dialog.notes["helper_report"].text() == saved.helper_report
    assert dialog.classification.code() == saved.classification
    assert dialog.evaluated_on.date_value() == saved.evaluated_on


def test_quarter_change_keeps_typed_text_unless_told(ctx: AppContext, qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pid = person_id(ctx, MANH)
    dialog = shown(qtbot, EvaluationDialog(ctx, pid))
    first, second = dialog.quarter.itemData(0), dialog.quarter.itemData(1)
    assert first not in dialog.saved
    assert second not in dialog.saved
    select_quarter(dialog, first)
    dialog.notes["proposals"].setPlainText("Đề nghị giới thiệu việc làm.")
    answers = iter([False, True])
    asked: list[list[str]] = []

    def confirm(names: list[str]) -> bool:
        asked.append(names)
        return next(answers)

    monkeypatch.setattr(dialog, "_confirm_replace", confirm)
    select_quarter(dialog, second)  # answer: keep what I wrote
    assert asked == [["proposals"]]
    assert dialog.notes["proposals"].text() == "Đề nghị giới thiệu việc làm."
    assert f"đã gặp gỡ {contacts_in(ctx, pid, second)} lần" in \
        dialog.notes["helper_report"].text()

    select_quarter(dialog, first)  # answer: fill from the records
    assert dialog.notes["proposals"].text() == ""
    assert len(asked) == 2


def test_saving_group_c_persists(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, DUNG)
    dialog = shown(qtbot, EvaluationDialog(ctx, pid))
    quarter = dialog.quarter.currentData()
    assert dialog.classification.code() != "C"  # the suggestion is not what we save
    dialog.classification.buttons["C"].click()
    dialog.notes["proposals"].setPlainText("Tăng cường gặp gỡ.")
    save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = {e.quarter: e for e in evaluations.list_evaluations(ctx.db, ctx.actor, pid)}
    assert saved[quarter].classification == "C"
    assert saved[quarter].proposals == "Tăng cường gặp gỡ."
    # Opening the quarter again shows what was saved, not a new suggestion.
    again = shown(qtbot, EvaluationDialog(ctx, pid, quarter=quarter))
    assert again.classification.code() == "C"
    assert again.notes["proposals"].text() == "Tăng cường gặp gỡ."


# --- support ------------------------------------------------------------------------------

def test_loan_fields_appear_only_for_loans(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = shown(qtbot, SupportDialog(ctx, person_id(ctx, DUNG)))
    dialog.kind.set_code("counselling")
    assert not dialog.amount.isVisible()
    assert not dialog.loan_bank.isVisible()
    dialog.kind.set_code("hardship_aid")
    assert dialog.amount.isVisible()
    assert not dialog.loan_purpose.isVisible()
    dialog.kind.set_code("loan")
    assert dialog.amount.isVisible()
    assert dialog.loan_purpose.isVisible()
    assert dialog.eligibility.isVisible()


def test_loan_for_an_ineligible_person_is_refused(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, AN)
    verdict = supports.loan_eligibility_for(ctx.db, ctx.actor, pid, "business", ctx.today())
    assert not verdict.eligible
    before = supports.list_supports(ctx.db, ctx.actor, pid)
    dialog = shown(qtbot, SupportDialog(ctx, pid))
    dialog.kind.set_code("loan")
    dialog.loan_purpose.set_code("business")
    for reason in verdict.reasons:  # shown before saving
        assert reason in dialog.eligibility.text()
    qtbot.keyClicks(dialog.amount, "30.000.000")
    dialog.loan_months.setValue(36)
    save(dialog)

    assert dialog.isVisible()
    assert all(reason in dialog.error_text("kind") for reason in verdict.reasons)
    assert supports.list_supports(ctx.db, ctx.actor, pid) == before


def test_loan_for_an_eligible_person_is_saved(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, DUNG)
    dialog = shown(qtbot, SupportDialog(ctx, pid))
    dialog.kind.set_code("loan")
    assert "•" not in dialog.eligibility.text()
    qtbot.keyClicks(dialog.amount, "50.000.000")
    dialog.loan_months.setValue(36)
    save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    loan = supports.list_supports(ctx.db, ctx.actor, pid)[0]
    assert (loan.kind, loan.amount_vnd, loan.loan_months, loan.loan_purpose, loan.loan_status) \
        == ("loan", 50_000_000, 36, "business", "requested")


def test_hardship_aid_amount_with_dots(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, DUNG)
    dialog = shown(qtbot, SupportDialog(ctx, pid))
    dialog.kind.set_code("hardship_aid")
    qtbot.keyClicks(dialog.amount, "1.500.000")
    type_text(dialog.provider, "UBND phường")
    save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    aid = supports.list_supports(ctx.db, ctx.actor, pid)[0]
    assert (aid.kind, aid.amount_vnd, aid.provider) == ("hardship_aid", 1_500_000, "UBND phường")
    assert aid.loan_purpose is None


def test_hardship_aid_without_amount_is_refused_under_amount(ctx: AppContext,
                                                             qtbot: QtBot) -> None:
    pid = person_id(ctx, DUNG)
    before = supports.list_supports(ctx.db, ctx.actor, pid)
    dialog = shown(qtbot, SupportDialog(ctx, pid))
    dialog.kind.set_code("hardship_aid")
    save(dialog)
    assert dialog.error_text("amount_vnd") != ""
    assert supports.list_supports(ctx.db, ctx.actor, pid) == before


# --- violations ---------------------------------------------------------------------------

def test_violation_is_saved(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, DUNG)
    dialog = shown(qtbot, ViolationDialog(ctx, pid))
    dialog.kind.set_code("administrative")
    dialog.violation_date.set_date(date(2026, 11, 20))
    type_text(dialog.description, "Đánh nhau gây rối trật tự công cộng.")
    type_text(dialog.handling, "Phạt tiền 750.000 đồng.")
    save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = violations.list_violations(ctx.db, ctx.actor, pid)[0]
    assert (saved.kind, saved.violation_date, saved.description, saved.handling) == (
        "administrative", date(2026, 11, 20), "Đánh nhau gây rối trật tự công cộng.",
        "Phạt tiền 750.000 đồng.")


def test_violation_without_description_stays_open(ctx: AppContext, qtbot: QtBot) -> None:
    pid = person_id(ctx, DUNG)
    before = violations.list_violations(ctx.db, ctx.actor, pid)
    dialog = shown(qtbot, ViolationDialog(ctx, pid))
    save(dialog)
    assert dialog.isVisible()
    assert dialog.error_text("description") != ""
    assert violations.list_violations(ctx.db, ctx.actor, pid) == before


@pytest.mark.parametrize("make", [ContactDialog, ExcusedWeekDialog, EvaluationDialog,
                                  SupportDialog, ViolationDialog])
def test_title_names_the_person(ctx: AppContext, qtbot: QtBot, make: type[FormDialog]) -> None:
    dialog = make(ctx, person_id(ctx, AN))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert AN in dialog.windowTitle()
