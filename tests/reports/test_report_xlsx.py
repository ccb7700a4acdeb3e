"""The XLSX forms: number cells equal compute_figures; formula totals, evaluated here by
summing the cells they reference, equal the whole-period or all-unit figures; header block,
frozen rows and print settings are there."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from desktop.db import Database, open_database
from desktop.reports.figures import (
    compute_figures,
    compute_figures_by_unit,
    compute_figures_by_year,
)
from desktop.reports.forms.rows import CONSOLIDATED, STATISTICS, value_of
from desktop.reports.snapshot import ReportSnapshot, produce_snapshot
from desktop.reports.xlsx import FORMATS, HEADER_ROW, write_xlsx
from desktop.services.access import Actor
from tests.reports.report_helpers import demo_copy

Demo = tuple[Database, tuple[str, ...]]
_SUM = re.compile(r"=SUM\(([A-Z]+\d+:[A-Z]+\d+)\)")
_RATIO = re.compile(r'=IF\(SUM\((\w+:\w+)\)=0,"",ROUND\(100\*SUM\((\w+:\w+)\)/SUM\((\w+:\w+)\),'
                    r"(\d)\)\)")


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    path, codes = demo_copy(tmp_path)
    db = open_database(path)
    yield db, codes
    db.close()


def values_of(figures: Mapping[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(dict(figures)))


def _range_sum(ws: Worksheet, ref: str) -> int | float:
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    cells = ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col,
                         values_only=True)
    values = [v for row in cells for v in row]
    assert all(isinstance(v, int | float) for v in values), values
    return sum(v for v in values if isinstance(v, int | float))


def evaluate(ws: Worksheet, value: Any) -> Any:
    """A cell's value, computing the two formula shapes the writer uses."""
    if not isinstance(value, str) or not value.startswith("="):
        return value
    if match := _SUM.fullmatch(value):
        return _range_sum(ws, match[1])
    match = _RATIO.fullmatch(value)
    assert match is not None, f"unexpected formula {value}"
    den, num = _range_sum(ws, match[1]), _range_sum(ws, match[2])
    assert match[3] == match[1]
    if den == 0:
        return None
    exact = Decimal(100 * int(num)) / Decimal(int(den))
    return float(exact.quantize(Decimal(1).scaleb(-int(match[4])), rounding=ROUND_HALF_UP))


def workbook(snap: ReportSnapshot) -> Any:
    return load_workbook(BytesIO(write_xlsx(snap)), data_only=False)


def statistic_cells(ws: Worksheet, columns: int) -> dict[str, list[Any]]:
    """{figure key: [cell values of the value columns]} read in the rows' printed order."""
    found: dict[str, list[Any]] = {}
    rows = ws.iter_rows(min_row=HEADER_ROW + 1, values_only=False)
    for section in STATISTICS:
        next(rows)  # the section's title row
        for row in section.rows:
            cells = next(rows)
            assert str(cells[1].value).strip() == row.label
            if row.key:
                values = [c.value for c in cells[3:3 + columns]]
                for c in cells[3:3 + columns]:
                    assert c.number_format == FORMATS[row.kind], row.key
                found[row.key] = values
    return found


def test_hcd13_cells_equal_the_computed_figures(demo: Demo) -> None:
    db, codes = demo
    snap = produce_snapshot(db, Actor("canbo", "C", "officer", codes[0]), "HCD-13", "2026-Q3")
    with db.reading() as s:
        expected = values_of(compute_figures(s, snap.period, codes[0]).values)
    wb = workbook(snap)
    ws = wb["Số liệu"]
    for key, (value,) in statistic_cells(ws, 1).items():
        assert value == value_of(expected, key), key
    assert ws["A1"].value == snap.unit.name
    assert "HCD-13" in ws["A2"].value
    assert "2026-Q3" in ws["A3"].value
    assert snap.sha256 in ws["A4"].value
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.page_setup.orientation == "portrait"
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    annex = list(wb["Danh sách"].iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(annex) == expected["managed_at_end"]


def test_multi_year_total_is_a_sum_of_years_for_flows(demo: Demo) -> None:
    db, codes = demo
    snap = produce_snapshot(db, Actor("canbo", "C", "officer", codes[0]), "HCD-13",
                            "2022-03-22..2025-10-31")
    with db.reading() as s:
        years = [values_of(f.values) for f in compute_figures_by_year(
            s, snap.period, codes[0], snap.unit.period_convention, snap.unit.year_start_month)]
        whole = values_of(compute_figures(s, snap.period, codes[0]).values)
    ws = workbook(snap)["Số liệu"]
    formulas = 0
    for key, cells in statistic_cells(ws, len(years) + 1).items():
        assert cells[:-1] == [value_of(y, key) for y in years], key
        total = cells[-1]
        formulas += isinstance(total, str)
        assert evaluate(ws, total) == value_of(whole, key), key
    assert formulas >= 10, "received, ended, supports, loans… are =SUM of their years"
    received = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Tiếp nhận trong kỳ")
    assert received[-1] == "=SUM(D10:G10)"


def test_consolidated_rows_and_formula_totals(demo: Demo) -> None:
    db, codes = demo
    snap = produce_snapshot(db, Actor("canbo", "C", "officer", codes[0]), "HCD-13-TH",
                            "2026-Q3")
    with db.reading() as s:
        per_unit = {k: values_of(v.values) for k, v in compute_figures_by_unit(s, snap.period)
                    .items()}
        total = values_of(compute_figures(s, snap.period, None).values)
    wb = workbook(snap)
    tables = [(t.columns, wb[f"Biểu {i}"]) for i, t in enumerate(CONSOLIDATED, 1)]
    assert wb.sheetnames[-1] == "Dữ liệu"
    for columns, ws in tables:
        rows = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
        assert [r[2] for r in rows[:-1]] == sorted(codes)
        for r in rows[:-1]:
            assert list(r[3:]) == [value_of(per_unit[r[2]], c.key) for c in columns]
        assert rows[-1][1] == "Tổng cộng"
        assert all(isinstance(v, str) and v.startswith("=") for v in rows[-1][3:])
        assert [evaluate(ws, v) for v in rows[-1][3:]] == [value_of(total, c.key)
                                                           for c in columns]


def test_hcd09_counts_and_total_formula(demo: Demo) -> None:
    db, codes = demo
    snap = produce_snapshot(db, Actor("canbo", "C", "officer", codes[0]), "HCD-09", "2026-Q3")
    with db.reading() as s:
        expected = compute_figures(s, snap.period, codes[0]).values
    wb = workbook(snap)
    ws = wb["Phân loại"]
    rows = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [r[2] for r in rows[:5]] == [expected[f"class_{g}"] for g in
                                        ("A", "B", "C", "D", "missing")]
    assert rows[5][2] == f"=SUM(C{HEADER_ROW + 1}:C{HEADER_ROW + 5})"
    assert evaluate(ws, rows[5][2]) == expected["managed_at_end"]
    people = [r for r in wb["Danh sách"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)
              if isinstance(r[0], int)]
    assert len(people) == expected["managed_at_end"]
