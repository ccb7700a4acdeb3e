"""Reading files and finding their header: title rows, merged and two-level headers."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.intake import workbook
from desktop.intake.header import detect_header
from desktop.intake.workbook import IntakeFileError, read_workbook
from desktop.services.errors import ValidationError

from .sheets import write_xlsx


def test_rows_keep_excel_numbers_and_blank_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["Tiêu đề"], [], ["Họ và tên", "Năm sinh"],
                                            ["An ", 1985.0]])
    sheet = read_workbook(path).sheets[0]
    assert sheet.cell(1, 1) == "Tiêu đề"
    assert sheet.rows[1] == (None, None)
    assert sheet.cell(4, 1) == "An "  # values as read; parsers trim
    assert sheet.cell(4, 2) == 1985
    assert isinstance(sheet.cell(4, 2), int)


def test_hidden_sheets_are_left_out(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.create_sheet("Ẩn").sheet_state = "hidden"
    book.save(tmp_path / "h.xlsx")
    assert read_workbook(tmp_path / "h.xlsx").sheet_names == ("Sheet",)


def test_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    book = read_workbook(write_xlsx(tmp_path / "a.xlsx", [["x"]], title="Danh sách"))
    with pytest.raises(IntakeFileError, match="«Danh sách»"):
        book.sheet("Sheet9")


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"<html><table><tr><td>An</td></tr></table></html>", "không phải tệp Excel"),
     (b"PK\x03\x04broken zip", "bị hỏng"),
     (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "bị hỏng")],
)
def test_files_that_are_not_spreadsheets(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "danh_sach.xls"
    path.write_bytes(content)
    if content.startswith(b"\xd0") and not _has_calamine():
        words = "lưu lại dưới dạng .xlsx"
    with pytest.raises(IntakeFileError, match=words):
        read_workbook(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IntakeFileError, match="Không tìm thấy"):
        read_workbook(tmp_path / "khong_co.xlsx")


def _has_calamine() -> bool:
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return False
    return True


def _two_level(path: Path) -> Path:
    return write_xlsx(path, [
        ["DANH SÁCH"],
        ["STT", "Họ và tên", "Năm sinh", None, "Bản án", None, "Ngày ra trại"],
        [None, None, "Nam", "Nữ", "Tội danh", "Mức án", None],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        [1, "Trần Thị Bình", None, 1990, "Đánh bạc", "18 tháng", datetime(2024, 4, 19)],
    ], merges=["A1:G1", "A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:G3"])


def test_two_level_header_with_numbering_row(tmp_path: Path) -> None:
    header = detect_header(read_workbook(_two_level(tmp_path / "t.xlsx")).sheets[0])
    assert header is not None
    assert header.rows == (2, 3)
    assert header.data_start == 5  # the "(1) (2)…" row is skipped
    assert [c.text for c in header.columns] == [
        "STT", "Họ và tên", "Năm sinh – Nam", "Năm sinh – Nữ", "Bản án – Tội danh",
        "Bản án – Mức án", "Ngày ra trại"]


def test_merged_header_cell_names_all_its_columns(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "m.xlsx", [
        ["Họ và tên", None, "Ngày sinh", "Giới tính"],
        ["Nguyễn Văn", "An", datetime(1985, 4, 12), "Nam"],
    ], merges=["A1:B1"])
    header = detect_header(read_workbook(path).sheets[0])
    assert header is not None
    assert header.rows == (1,)  # a data row under a merged header is not a sub-header
    assert [c.text for c in header.columns] == ["Họ và tên", "Họ và tên", "Ngày sinh",
                                                "Giới tính"]


def test_header_row_override_and_no_header(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", [["a", "b"], ["Họ tên", "Cột khác"], ["x", "y"]])
    sheet = read_workbook(path).sheets[0]
    assert detect_header(sheet) is None  # one known header is not enough
    forced = detect_header(sheet, header_row=2)
    assert forced is not None
    assert forced.data_start == 3
    with pytest.raises(ValidationError):
        detect_header(sheet, header_row=40)


@pytest.mark.skipif(not _has_calamine(), reason="python-calamine is not installed")
def test_calamine_reads_the_same_rows_as_openpyxl(tmp_path: Path) -> None:
    path = _two_level(tmp_path / "t.xlsx")
    by_openpyxl = workbook._read_openpyxl(path).sheets[0]
    by_calamine = workbook._read_calamine(path).sheets[0]
    assert by_calamine.rows == by_openpyxl.rows
    assert set(by_calamine.merged) == set(by_openpyxl.merged)


@pytest.mark.skipif(not _has_calamine() or shutil.which("soffice") is None,
                    reason="needs python-calamine and LibreOffice to make an .xls")
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_old_excel_and_ods_files(tmp_path: Path, fmt: str) -> None:
    source = _two_level(tmp_path / "t.xlsx")
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=120)
    sheet = read_workbook(tmp_path / f"t.{fmt}").sheets[0]
    header = detect_header(sheet)
    assert header is not None
    assert sheet.cell(5, 2) == "Trần Thị Bình"
    if fmt == "xls":  # calamine gives merged ranges for xls/xlsx only
        assert header.columns[3].text == "Năm sinh – Nữ"
