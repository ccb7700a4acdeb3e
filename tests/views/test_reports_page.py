"""The Reports page: previewed figures are the computed ones, files are written and
readable, a leader signs and the list says so, an officer cannot, and the verify dialog
tells a valid file from an altered one. Long jobs run on the worker thread: the tests wait
for them with qtbot.waitUntil."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.formatting import format_date
from desktop.reports import certificates
from desktop.reports.figures import compute_figures
from desktop.reports.forms.rows import figure_rows, value_of
from desktop.rules.periods import parse_period
from desktop.services import reporting
from desktop.services.reporting import SignerChoice
from desktop.views.context import AppContext
from desktop.views.reports import actions as actions_module
from desktop.views.reports.figures_table import figure_tooltip, format_figure
from desktop.views.reports.page import ReportsPage
from desktop.views.reports.verify_dialog import VerifyDialog
from tests.reports.report_helpers import pdf_pages

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

JOB_MS = 60_000
PASSWORD = "khoa-don-vi-2026"


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


@pytest.fixture(autouse=True)
def _smaller_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """2048-bit unit keys: the real size is tested in tests/reports."""
    monkeypatch.setattr(certificates, "RSA_KEY_BITS", 2048)


def make_page(qtbot: QtBot, ctx: AppContext, folder: Path) -> tuple[ReportsPage, FakeNav]:
    nav = FakeNav()
    page = ReportsPage(ctx, nav)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_output_folder(folder)
    return page, nav


def preview(qtbot: QtBot, page: ReportsPage) -> reporting.ReportPreview:
    page.preview_data = None
    page.run_preview()
    qtbot.waitUntil(lambda: page.preview_data is not None, timeout=JOB_MS)
    assert page.preview_data is not None
    return page.preview_data


def produce(qtbot: QtBot, page: ReportsPage) -> reporting.ProducedReport:
    page.last_produced = None
    page.run_produce()
    qtbot.waitUntil(lambda: page.last_produced is not None, timeout=JOB_MS)
    assert page.last_produced is not None
    return page.last_produced


def choose_q3(page: ReportsPage) -> None:
    page.form_combo.setCurrentIndex(page.form_combo.findData("HCD-13"))
    page.picker.select("quarter", 2026, 3)


# --- choosing and previewing ---------------------------------------------------------------

def test_period_choice_shows_the_dates_in_the_units_convention(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    page, _ = make_page(qtbot, ctx, tmp_path)
    page.picker.select("quarter", 2026, 1)
    assert page.picker.dates.text().startswith("15/12/2025 – 14/03/2026")
    page.picker.select_range(date(2026, 1, 10), date(2026, 1, 1))
    assert "trước ngày bắt đầu" in page.picker.dates.text()
    page.run_preview()
    assert "trước ngày bắt đầu" in page.status.text()
    page.form_combo.setCurrentIndex(page.form_combo.findData("HCD-12"))
    kinds = [page.picker.kind.itemData(i) for i in range(page.picker.kind.count())]
    assert kinds == ["month"]
    assert page.picker.dates.text().startswith("15/11/2026 – 14/12/2026")  # contains today


def test_preview_numbers_equal_the_figure_computation(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    page, _ = make_page(qtbot, ctx, tmp_path)
    choose_q3(page)
    shown = preview(qtbot, page)
    period = parse_period("2026-Q3", ctx.unit.period_convention, ctx.unit.year_start_month)
    with ctx.db.reading() as s:
        expected = compute_figures(s, period, ctx.unit.code).to_json_dict()["figures"]
    assert isinstance(expected, dict)
    for row in figure_rows():
        value = value_of(expected, row.key)
        assert shown.value(row.key) == value, row.key
        assert page.table.value_text(row.key) == format_figure(value, row.kind), row.key
    assert int(page.table.value_text("managed_at_end").replace(".", "")) > 0
    assert f"({format_date(period.start)} – {format_date(period.end)})" in page.caption.text()
    assert (format_figure(1_500_000, "vnd"), figure_tooltip(1_500_000, "vnd")) == (
        "1.500.000", "1.500.000 ₫")
    assert format_figure(87.5, "pct1") == "87,5"
    assert format_figure(None, "pct2") == ""


# --- producing, opening, copying -----------------------------------------------------------

def test_producing_writes_a_readable_pdf_and_lists_the_report(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page, nav = make_page(qtbot, ctx, tmp_path / "out")
    choose_q3(page)
    made = produce(qtbot, page)
    assert made.pdf_path is not None
    assert made.xlsx_path is not None
    assert made.xlsx_path.exists()
    text = " ".join(" ".join(pdf_pages(made.pdf_path.read_bytes(), tmp_path)).split())
    assert ctx.unit.name in text
    with ctx.db.reading() as s:
        end = compute_figures(s, parse_period("2026-Q3"), ctx.unit.code).values["managed_at_end"]
    assert f"đơn vị đang quản lý {end} người" in text
    assert nav.changes == 1
    assert page.list.rowCount() == 1
    assert [page.list.item(0, c).text() for c in (0, 1, 3)] == ["HCD-13", "quý III năm 2026", "1"]
    assert page.list.item(0, 6).text() == "chưa ký"
    assert page.selection.current is not None
    assert page.selection.current.id == made.info.id
    opened: list[QUrl] = []
    monkeypatch.setattr(actions_module.QDesktopServices, "openUrl", opened.append)
    page.selection.open_file()
    assert [u.toLocalFile() for u in opened] == [str(made.pdf_path)]
    usb = tmp_path / "usb"
    usb.mkdir()
    page.selection.copy_into([made.pdf_path, made.xlsx_path], usb)
    qtbot.waitUntil(lambda: len(list(usb.iterdir())) == 2, timeout=JOB_MS)
    qtbot.waitUntil(lambda: "Đã chép 2 tệp" in page.status.text(), timeout=JOB_MS)


def test_an_officer_has_no_sign_button(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    page, _ = make_page(qtbot, ctx, tmp_path)
    choose_q3(page)
    produce(qtbot, page)
    assert page.selection.sign_button.isHidden()
    assert page.selection.open_button.isEnabled()


# --- signing -------------------------------------------------------------------------------

def test_a_leader_signs_with_the_unit_certificate(
        qtbot: QtBot, leader_ctx: AppContext, tmp_path: Path) -> None:
    page, nav = make_page(qtbot, leader_ctx, tmp_path)
    choose_q3(page)
    made = produce(qtbot, page)
    assert page.selection.sign_button.isVisible()
    assert page.selection.sign_button.isEnabled()
    page.selection.open_sign_dialog()
    dialog = page.selection.sign_dialog
    assert dialog is not None
    assert dialog.findChild(type(dialog.general_error), "lock_warning").text().startswith(
        "Ký số sẽ khóa kỳ báo cáo")
    assert not dialog.row_box("confirm").isHidden()  # a new certificate: type it twice
    dialog.secret.setText(PASSWORD)
    dialog.confirm.setText("something else")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.error_text("confirm") == "Hai mật khẩu không giống nhau."
    dialog.confirm.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: page.list.rowCount() == 1 and page.list.reports[0].signed,
                    timeout=JOB_MS)
    assert page.list.item(0, 6).text().startswith("đã ký (Trần Quốc Hưng, ")
    assert not page.selection.sign_button.isEnabled()
    assert "đã ký" in page.selection.summary.text()
    assert made.pdf_path is not None
    signed = made.pdf_path.with_name(f"{made.pdf_path.stem}_da-ky.pdf")
    assert signed.exists()
    assert reporting.verify_file(leader_ctx.db, signed).status_vi == "Hợp lệ"
    assert nav.changes == 2  # produced, then signed


# --- verifying -----------------------------------------------------------------------------

def test_verify_dialog_says_valid_then_altered(
        qtbot: QtBot, leader_ctx: AppContext, tmp_path: Path) -> None:
    db, actor = leader_ctx.db, leader_ctx.actor
    made = reporting.produce(db, actor, "HCD-12", "2026-M10", None, tmp_path, {"pdf"})
    assert made.pdf_path is not None
    signed = reporting.sign(db, actor, made.info.id, made.pdf_path, SignerChoice("unit"),
                            PASSWORD).path
    altered = tmp_path / "altered.pdf"
    data = bytearray(signed.read_bytes())
    data[len(data) // 3] ^= 0x01
    altered.write_bytes(bytes(data))
    page, _ = make_page(qtbot, leader_ctx, tmp_path)
    page.open_verify_dialog()
    dialog = page.verify_dialog
    assert isinstance(dialog, VerifyDialog)
    dialog.verify(signed)
    qtbot.waitUntil(lambda: dialog.verification is not None, timeout=JOB_MS)
    assert dialog.headline.text().startswith("Hợp lệ")
    assert dialog.values["whole"].text() == "có"
    assert dialog.values["signer"].text() == "Trần Quốc Hưng"
    dialog.verify(altered)
    qtbot.waitUntil(lambda: dialog.verification is not None, timeout=JOB_MS)
    assert dialog.headline.text().startswith("Đã bị sửa đổi")
    assert "mã băm không khớp" in dialog.problems.text()
    dialog.verify(made.pdf_path)
    qtbot.waitUntil(lambda: dialog.verification is not None, timeout=JOB_MS)
    assert dialog.headline.text().startswith("Không có chữ ký")
