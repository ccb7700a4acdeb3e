"""The files the intake hands back: rejected rows to fix, and the blank template."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from desktop.db import Database
from desktop.intake.drafts import EXAMPLE_MARK
from desktop.intake.output import ERROR_HEADER, TEMPLATE_COLUMNS
from desktop.services import intake
from desktop.services.access import Actor

from .sheets import HEADER, TODAY, messy_rows, write_xlsx


def _sheet(data: bytes) -> Worksheet:
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert isinstance(ws, Worksheet)
    return ws


def test_rejected_rows_file_has_exactly_the_rejected_rows(db: Database, officer: Actor,
                                                          tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", messy_rows())
    analysis = intake.analyse(db, officer, path, today=TODAY)
    ws = _sheet(intake.rejected_rows_xlsx(analysis))
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0] == [*HEADER, ERROR_HEADER]
    assert [r[1] for r in rows[1:]] == ["Lê Văn Cường", "Phạm Văn Dũng"]
    assert rows[1][2] == "31/02/1985"
    assert rows[1][-1] == "Dòng 8, cột «Ngày sinh», giá trị «31/02/1985»: ngày không tồn tại"
    assert "Chữ số thứ 4" in rows[2][-1]
    assert ws.cell(3, 5).value == "001188012345"
    assert ws.cell(3, 5).number_format == "@"  # ID column as text: zeros survive editing


def test_fixed_rejected_rows_import_again(db: Database, officer: Actor,
                                          tmp_path: Path) -> None:
    analysis = intake.analyse(db, officer, write_xlsx(tmp_path / "ds.xlsx", messy_rows()),
                              today=TODAY)
    back = tmp_path / "loi.xlsx"
    back.write_bytes(intake.rejected_rows_xlsx(analysis))
    book = openpyxl.load_workbook(back)
    ws = book.active
    assert ws is not None
    ws.cell(2, 3).value = "28/02/1985"  # the office fixes the impossible date
    book.save(back)
    again = intake.analyse(db, officer, back, today=TODAY)
    assert [(r.row_number, r.status) for r in again.rows] == [(2, "new"), (3, "rejected")]


def test_two_level_header_comes_back_two_level(db: Database, officer: Actor,
                                               tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "nn.xlsx", [
        ["Họ và tên", "Năm sinh", None, "Ngày ra trại"],
        [None, "Nam", "Nữ", None],
        ["Ngô Văn Hai", 1985, 1986, datetime(2024, 4, 19)],
    ], merges=["A1:A2", "B1:C1", "D1:D2"])
    analysis = intake.analyse(db, officer, path, today=TODAY)
    back = tmp_path / "loi.xlsx"
    back.write_bytes(intake.rejected_rows_xlsx(analysis))
    ws = _sheet(back.read_bytes())
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:A2", "B1:C1", "D1:D2", "E1:E2"}
    again = intake.analyse(db, officer, back, today=TODAY)
    assert [c.text for c in again.header.columns][:3] == [
        "Họ và tên", "Năm sinh – Nam", "Năm sinh – Nữ"]
    assert again.mapping.fields[:3] == ("full_name", "birth_male", "birth_female")


def test_template(db: Database, officer: Actor, tmp_path: Path) -> None:
    data = intake.template_xlsx()
    ws = _sheet(data)
    assert [c.value for c in ws[1]] == [c[0] for c in TEMPLATE_COLUMNS]
    id_col = next(i for i, c in enumerate(TEMPLATE_COLUMNS, 1) if c[1] == "id_number")
    assert ws.cell(2, id_col).value == "001085012345"
    assert ws.cell(2, id_col).number_format == "@"
    assert ws.column_dimensions[ws.cell(1, id_col).column_letter].number_format == "@"
    assert ws.cell(2, len(TEMPLATE_COLUMNS)).value == EXAMPLE_MARK
    # Filled in by an office: the example row is skipped, their row is imported.
    path = tmp_path / "mau.xlsx"
    path.write_bytes(data)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    example = [c.value for c in sheet[2]]
    sheet.append([*example[:-1], "Đã có việc làm"])
    book.save(path)
    analysis = intake.analyse(db, officer, path, today=TODAY)
    assert [r.row_number for r in analysis.rows] == [3]
    assert analysis.rows[0].status == "new", analysis.rows[0].problems
    assert "Bỏ qua dòng 2: dòng ví dụ của tệp mẫu." in analysis.remarks
    result = intake.commit(db, officer, analysis)
    assert (result.received, result.expected) == (1, 0)
