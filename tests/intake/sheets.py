"""Excel files built in the tests with openpyxl, the way offices make them by hand."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import func, select

from desktop.db import Database
from desktop.models import (
    AuditEntry,
    CommunityModel,
    ContactLog,
    Evaluation,
    ExcusedWeek,
    Judgment,
    Person,
    Setting,
    StatusChange,
    Support,
    TeamMember,
    Violation,
)

TODAY = date(2026, 11, 26)

ALL_TABLES: tuple[Any, ...] = (Person, Judgment, StatusChange, TeamMember, ContactLog,
                               ExcusedWeek, Evaluation, Support, Violation, CommunityModel,
                               AuditEntry, Setting)


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[str] = (),
               title: str = "Danh sách", text_columns: Sequence[str] = ()) -> Path:
    """A one-sheet workbook; `text_columns` (letters) are formatted as Text like Excel's."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(list(row))
    for cells in merges:
        ws.merge_cells(cells)
    for letter in text_columns:
        for cell in ws[letter]:
            cell.number_format = "@"
    book.save(path)
    return path


def nfd(text: str) -> str:
    """Decomposed Unicode, as some old Vietnamese input methods type it."""
    return unicodedata.normalize("NFD", text)


HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Quê quán", "Tội danh",
          "Mức án", "Ngày ra trại", "Ghi chú"]


def messy_rows() -> list[list[Any]]:
    """A province list as it arrives: title rows, merged title, trailing spaces, blank rows,
    decomposed names, every date shape, IDs as text and as numbers, a repeated person."""
    return [
        ["CÔNG AN TỈNH THÁI NGUYÊN"],
        ["DANH SÁCH NGƯỜI CHẤP HÀNH XONG ÁN PHẠT TÙ VỀ ĐỊA PHƯƠNG"],
        [],
        ["STT ", " Họ và tên", "Ngày sinh", "Giới tính ", "Số CCCD", "Quê quán", "Tội danh",
         "Mức án", "Ngày ra trại", "Ghi chú"],
        # row 5: number cell that lost its zeros; datetime cells
        [1, nfd("nguyễn  văn an "), datetime(1985, 4, 12), "Nam", 1085012345,
         "Xã Tân Cương ", "Trộm cắp tài sản", "3 năm 6 tháng", datetime(2024, 1, 5), ""],
        # row 6: text ID with zeros; string dates; Excel serial release date (45400 = 19/04/2024)
        [2, "Trần Thị Bình", "02/03/1990", "nữ", "001190012345", "Hà Nội", "Đánh bạc",
         "18 tháng", 45401, "Có con nhỏ"],
        [],  # row 7: blank
        # row 8: impossible birth date
        [3, "Lê Văn Cường", "31/02/1985", "Nam", "", "", "Cố ý gây thương tích", "2 năm",
         "2024-03-01", ""],
        # row 9: the ID's 4th digit says female, the row says male
        [4, "Phạm Văn Dũng", "1988", "Nam", "001188012345", "", "Trộm cắp tài sản", "2 năm",
         "15/6/24", ""],
        # row 10: year-only birth as a float cell, life sentence, ISO release date
        [5, "Hoàng Văn Em", 1975.0, "M", "", "Phú Thọ", "Giết người", "chung thân",
         "2024-05-20", ""],
        # row 11: the same person as row 5 again, written differently
        [6, "NGUYỄN VĂN AN", "12/04/1985", "nam", "001085012345", "Xã Tân Cương", "Trộm cắp",
         "3 năm 6 tháng", "05/01/2024", "lặp lại"],
        [None, None, None, None, None, None, None, None, None, None],  # row 12: empty
    ]


def file_hashes(db_path: Path) -> dict[str, str]:
    """SHA-256 of the database file and its WAL/SHM companions that exist."""
    found = {}
    for path in sorted(db_path.parent.glob(db_path.name + "*")):
        if path.suffix != ".lock":
            found[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def row_counts(db: Database) -> dict[str, int]:
    """Rows per table (deleted ones included)."""
    with db.reading() as s:
        return {m.__tablename__: int(s.scalar(select(func.count()).select_from(m)) or 0)
                for m in ALL_TABLES}


def live_people(db: Database) -> list[Person]:
    """The live people, by name."""
    with db.reading() as s:
        return list(s.scalars(select(Person).where(Person.deleted_at.is_(None))
                              .order_by(Person.name_folded)))
