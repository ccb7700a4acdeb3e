"""What the import wizard tests share: a messy list built with openpyxl, and the steps."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from pytestqt.qtbot import QtBot

from desktop.views.intake.wizard import ImportWizard

# The demo person this list repeats (demo database, seed 1): same name, birth and origin.
DEMO_TWIN = ("Nguyễn Hữu Mạnh", "17/04/1987", "Thanh Bình, Phú Thọ")
# A demo person without an ID number, whom the list names with the same name and year.
DEMO_NAMESAKE = ("Trần Minh Thắng", 1989, "Hoàng Văn Thụ, Ninh Bình")


def write_list(path: Path) -> Path:
    """A prison's list as it arrives: a merged title, a blank row, the header on row 3, dates
    of every shape, an ID number Excel turned into a number (its leading zero lost), a
    column no one maps automatically, a person already recorded, a person whose birth date
    does not exist, and a second sheet of notes."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Danh sách"
    rows: list[list[Any]] = [
        ["DANH SÁCH NGƯỜI CHẤP HÀNH XONG ÁN PHẠT TÙ VỀ ĐỊA PHƯƠNG"],
        [],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Quê quán", "Mức án",
         "Ngày ra trại", "Việc đang làm"],
        # row 4: a date cell; the ID 025085999001 stored as a number
        [1, "Lò Văn Tèo", datetime(1985, 4, 12), "Nam", 25085999001, "Xã Tân Cương",
         "3 năm 6 tháng", "05/01/2024", "Thợ hồ"],
        # row 5: text dates; the release date as an Excel serial (45401 = 19/04/2024)
        [2, "Đinh Thị Mai", "02/03/1990", "Nữ", "025190012345", "Hà Nội", "18 tháng", 45401,
         "Bán hàng"],
        # row 6: already recorded (name, birth and origin of a demo person)
        [3, DEMO_TWIN[0], DEMO_TWIN[1], "Nam", None, DEMO_TWIN[2], "2 năm", "23/07/2023",
         "Làm ruộng"],
        # row 7: 31 February
        [4, "Lê Văn Cường", "31/02/1985", "Nam", None, None, "2 năm", "2024-03-01", None],
        # row 8: a namesake of a demo person, born the same year
        [5, DEMO_NAMESAKE[0], DEMO_NAMESAKE[1], "Nam", None, DEMO_NAMESAKE[2], "2 năm",
         "15/6/24", None],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A1:I1")
    book.create_sheet("Ghi chú").append(["Danh sách do trại giam gửi ngày 20/11/2026"])
    book.save(path)
    return path


def next_page(qtbot: QtBot, wizard: ImportWizard) -> None:
    """Press Next (the confirmation page's Next is its Import button)."""
    which = (QWizard.WizardButton.CommitButton if wizard.currentPage().isCommitPage()
             else QWizard.WizardButton.NextButton)
    button = wizard.button(which)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_mapping(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.path_edit.setText(str(path))
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.sheet_page
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page


def to_analysis(qtbot: QtBot, wizard: ImportWizard) -> None:
    """From the mapping page: run the check and wait for its result."""
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.analysis_page
    qtbot.waitUntil(wizard.analysis_page.isComplete, timeout=30000)


def import_now(qtbot: QtBot, wizard: ImportWizard) -> None:
    """From the analysis page: to the confirmation, press Import, wait for the result."""
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.confirm_page
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=30000)


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The save dialog answers `path`; returns the titles it was opened with."""
    asked: list[str] = []

    def answer(_parent: object, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return str(path), "Excel (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def cell_texts(table: Any, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]
