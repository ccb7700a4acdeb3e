"""Fuzzing the Excel intake end to end (issue #7 part 5).

tests/intake/test_parsing_fuzz.py fuzzes the cell parsers. Here whole files go through the
intake service: workbooks written by openpyxl with random sheets (names, hidden or not, a
header made of known and unknown column titles, cells of every type a reader returns),
then random and damaged bytes named .xlsx, .xls and .ods. `intake.analyse` may only refuse
with the product's errors (IntakeFileError, ValidationError: ServiceError) and writes
nothing; when it gives a preview, `intake_commit.commit` imports it whole or refuses
having written nothing (checked with `PRAGMA data_version` of a separate connection).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.services import intake, intake_commit
from tests.security.test_fuzz_packages import _mutation, mutate
from tests.security.test_fuzz_services import Office
from tests.security.world import TODAY

FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TITLES = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Quê quán", "Tội danh",
          "Mức án", "Ngày ra trại", "Ghi chú", "Nơi cư trú", "Trại giam", "Năm sinh"]
# What openpyxl can write: no control characters in text (Excel cannot hold them either).
_cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
cells = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False), _cell_text, st.sampled_from(TITLES),
    st.sampled_from(["Nam", "Nữ", "12/04/1985", "1985", "3 năm 6 tháng", "001085012345"]),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.times(), st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3000)),
)
header = st.lists(st.sampled_from(TITLES) | _cell_text, min_size=1, max_size=10)
sheet_rows = st.lists(st.lists(cells, max_size=10), max_size=12)
sheet_names = st.text(alphabet=st.characters(whitelist_categories=("L", "N")), min_size=1,
                      max_size=20)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    o = Office(tmp_path_factory.mktemp("fuzz-excel"))
    yield o
    o.close()


def _write(path: Path, sheets: list[tuple[str, bool, list[list[Any]]]]) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    used: set[str] = set()
    for n, (name, hidden, rows) in enumerate(sheets):
        title = name if name.lower() not in used else f"{name[:25]}{len(used)}"
        used.add(title.lower())
        ws = book.create_sheet(title[:31])
        for row in rows:
            ws.append(row)
        if hidden and n:  # Excel (and openpyxl) keep at least one sheet visible
            ws.sheet_state = "hidden"
    book.save(path)
    return path


def _analyse_then_commit(office: Office, path: Path) -> None:
    analyses: list[Any] = []
    office.refused_cleanly(lambda: analyses.append(intake.analyse(
        office.db, office.actor(), path, today=TODAY)))
    if analyses:
        office.refused_cleanly(lambda: intake_commit.commit(
            office.db, office.actor(), analyses[0], today=TODAY))


@FUZZ
@given(sheets=st.lists(st.tuples(sheet_names, st.booleans(), st.tuples(header, sheet_rows)),
                       min_size=1, max_size=3))
def test_random_workbooks_are_imported_or_refused_cleanly(
        office: Office, sheets: list[tuple[str, bool, tuple[list[Any], list[list[Any]]]]],
        tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("book") / "danh_sach.xlsx"
    _write(path, [(name, hidden, [head, *rows]) for name, hidden, (head, rows) in sheets])
    _analyse_then_commit(office, path)


def _valid_xlsx() -> bytes:
    out = io.BytesIO()
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(TITLES[:9])
    ws.append([1, "Lò Văn Thử", "12/04/1985", "Nam", "", "Xã Tân Cương", "Trộm cắp",
               "3 năm", "05/01/2026"])
    book.save(out)
    return out.getvalue()


_PREFIXES = [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"<html>",
             b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument"
             b".spreadsheet"]


@FUZZ
@given(prefix=st.sampled_from(_PREFIXES), body=st.binary(max_size=2000) | st.lists(
    _mutation, min_size=1, max_size=6).map(lambda m: mutate(_valid_xlsx(), m)),
    suffix=st.sampled_from([".xlsx", ".xls", ".ods", ".xlsm", ""]))
def test_random_and_damaged_bytes_are_refused_cleanly(
        office: Office, prefix: bytes, body: bytes, suffix: str,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("bytes") / f"danh_sach{suffix}"
    path.write_bytes(prefix + body if not body.startswith(b"PK") else body)
    _analyse_then_commit(office, path)


def test_the_valid_workbook_imports(tmp_path: Path) -> None:
    o = Office(tmp_path)
    try:
        path = tmp_path / "ok.xlsx"
        path.write_bytes(_valid_xlsx())
        analysis = intake.analyse(o.db, o.actor(), path, today=TODAY)
        assert analysis.counts.new == 1
        assert intake_commit.commit(o.db, o.actor(), analysis, today=TODAY)
    finally:
        o.close()


def test_a_time_only_cell_is_not_a_date(tmp_path: Path) -> None:
    # A cell formatted as a time (no date part) where a date is expected: refused by row.
    o = Office(tmp_path)
    try:
        path = _write(tmp_path / "time.xlsx", [("Danh sách", False, [
            TITLES[:9], [1, "Lò Văn Thử", time(8, 30), "Nam", "", "", "", "3 năm",
                         "05/01/2026"]])])
        analysis = intake.analyse(o.db, o.actor(), path, today=TODAY)
        assert analysis.counts.rejected == 1
    finally:
        o.close()
