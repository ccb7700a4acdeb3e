"""The XLSX files as the next level opens them: LibreOffice converts every sheet to CSV,
evaluating the formula totals itself, and the numbers must equal the figure computation
(`compute_figures`, and `hoanhap figures --json` for the consolidation).

Skipped, saying why, when LibreOffice (`soffice`) is not installed.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.db import open_database
from desktop.reports.figures import (
    compute_figures,
    compute_figures_by_unit,
    compute_figures_by_year,
)
from desktop.reports.forms.rows import CONSOLIDATED, STATISTICS, figure_rows, value_of
from desktop.reports.xlsx import HEADER_ROW
from desktop.services import reporting
from desktop.services.access import Actor
from tests.reports.report_helpers import demo_copy

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: cannot open the XLSX")

# Comma-separated, UTF-8, raw values (not as displayed), every sheet to its own file.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
MULTI_YEAR = "2024-03-01..2026-10-31"
CASES = {"hcd13_quarter": ("HCD-13", "2026-Q3"), "hcd13_years": ("HCD-13", MULTI_YEAR),
         "hcd12": ("HCD-12", "2026-M10"), "hcd09": ("HCD-09", "2026-Q3"),
         "consolidated": ("HCD-13-TH", "2026-Q3")}

Figures = Mapping[str, Any]


@dataclass(frozen=True)
class Converted:
    """Every sheet of every case as CSV rows, and the figures they must show."""

    sheets: dict[str, dict[str, list[list[str]]]]  # case → sheet name → rows
    expected: dict[str, list[Figures]]  # case → value columns (years… total, or one)
    by_unit: dict[str, Figures]  # unit code → figures (consolidation)
    total: Figures  # every unit together (consolidation)
    unit_codes: tuple[str, ...]


def _figures(f: Any) -> dict[str, Any]:
    return json.loads(json.dumps(f.to_json_dict()["figures"]))


def _produce_all(folder: Path) -> tuple[dict[str, Path], dict[str, list[Figures]],
                                        dict[str, Figures], tuple[str, ...]]:
    path, codes = demo_copy(folder)
    db = open_database(path)
    try:
        actor = Actor("canbo", "Nguyễn Văn Cường", "officer", codes[0])
        files, periods = {}, {}
        for case, (form, period) in CASES.items():
            made = reporting.produce(db, actor, form, period, None, folder / case, {"xlsx"})
            assert made.xlsx_path is not None
            files[case], periods[case] = made.xlsx_path, made.info.period
        with db.reading() as s:
            expected = {case: [_figures(compute_figures(s, periods[case], codes[0]))]
                        for case in CASES}
            expected["consolidated"] = [_figures(compute_figures(s, periods["consolidated"]))]
            years = compute_figures_by_year(s, periods["hcd13_years"], codes[0])
            expected["hcd13_years"] = [*(_figures(y) for y in years),
                                       *expected["hcd13_years"]]
            by_unit = {c: _figures(f) for c, f in
                       compute_figures_by_unit(s, periods["consolidated"]).items()}
    finally:
        db.close()
    return files, expected, by_unit, codes


def _figures_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert cli.main(["figures", "--db", str(db_path), "--period", "2026-Q3", "--json"]) == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


def _convert(files: Mapping[str, Path], folder: Path) -> dict[str, dict[str, list[list[str]]]]:
    """One LibreOffice run over every workbook, with a private profile."""
    assert SOFFICE is not None
    out = folder / "csv"
    profile = (folder / "lo-profile").as_uri()
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", CSV_FILTER,
         "--outdir", str(out), *map(str, files.values())],
        capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    sheets: dict[str, dict[str, list[list[str]]]] = {}
    for case, path in files.items():
        found = sorted(out.glob(f"{path.stem}-*.csv"))
        assert found, f"LibreOffice wrote no CSV for {path.name}: {done.stdout!r}"
        sheets[case] = {f.stem[len(path.stem) + 1:]: list(csv.reader(
            io.StringIO(f.read_text(encoding="utf-8"), newline=""))) for f in found}
    return sheets


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Converted:
    folder = tmp_path_factory.mktemp("xlsx-libreoffice")
    files, expected, by_unit, codes = _produce_all(folder)
    sheets = _convert(files, folder)
    total = expected["consolidated"][0]
    return Converted(sheets, expected, by_unit, total, codes)


def number(text: str) -> int | float | None:
    """A CSV cell as LibreOffice wrote the raw value: "" is blank, "93.5" a float."""
    if text == "":
        return None
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def _body(rows: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    return [row for row in rows[HEADER_ROW:] if any(row)]


def statistics(rows: Sequence[Sequence[str]], columns: int) -> dict[str, list[Any]]:
    """{figure key: [numbers of the value columns]}, walking the printed rows in order."""
    body = iter(_body(rows))
    found: dict[str, list[Any]] = {}
    for section in STATISTICS:
        assert next(body)[0] == section.title
        for row in section.rows:
            cells = next(body)
            assert (cells[0], cells[1].strip()) == (row.number, row.label)
            if row.key:
                found[row.key] = [number(c) for c in cells[3:3 + columns]]
    return found


@pytest.mark.parametrize("case", ["hcd13_quarter", "hcd12", "hcd13_years"])
def test_statistics_sheet_equals_the_figures(converted: Converted, case: str) -> None:
    columns = converted.expected[case]
    rows = converted.sheets[case]["Số liệu"]
    assert rows[HEADER_ROW - 1][3:] == (
        ["Số liệu"] if len(columns) == 1 else ["Năm 2024", "Năm 2025", "Năm 2026", "Tổng"])
    shown = statistics(rows, len(columns))
    assert shown["managed_at_end"][-1] > 0
    for row in figure_rows():
        assert shown[row.key] == [value_of(f, row.key) for f in columns], row.key


def test_multi_year_sum_formulas_add_up_to_the_whole_period(converted: Converted) -> None:
    """The total column of a flow is =SUM(years): LibreOffice's sum is the period's figure."""
    shown = statistics(converted.sheets["hcd13_years"]["Số liệu"], 4)
    whole = converted.expected["hcd13_years"][-1]
    flows = [row for row in figure_rows() if row.additive]
    assert len(flows) > 10
    for row in flows:
        assert shown[row.key][-1] == sum(shown[row.key][:-1]) == value_of(whole, row.key)


def test_hcd09_counts_and_their_total(converted: Converted) -> None:
    body = _body(converted.sheets["hcd09"]["Phân loại"])
    figures = converted.expected["hcd09"][0]
    counts = [number(r[2]) for r in body[:-1]]
    assert [r[0] for r in body[:-1]] == ["A", "B", "C", "D", "–"]
    assert counts == [figures[f"class_{g}"] for g in ("A", "B", "C", "D", "missing")]
    assert body[-1][1] == "Tổng số người đang quản lý cuối quý"
    assert number(body[-1][2]) == figures["managed_at_end"] > 0


def test_consolidated_sheets_equal_each_unit_and_the_total(
        converted: Converted, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheets = converted.sheets["consolidated"]
    path, _ = demo_copy(tmp_path)
    doc = _figures_json(path, capsys)
    cli_units = {u["unit_code"]: u["figures"] for u in doc["units"]}
    assert cli_units == converted.by_unit
    assert doc["total"]["figures"] == converted.total
    for index, table in enumerate(CONSOLIDATED, 1):
        body = _body(sheets[f"Biểu {index}"])
        *units, total = body
        assert [u[2] for u in units] == sorted(converted.unit_codes)
        assert total[1] == "Tổng cộng"
        for offset, column in enumerate(table.columns):
            for unit in units:
                assert number(unit[3 + offset]) == value_of(cli_units[unit[2]], column.key)
            # the totals row is formulas (SUM, or a ratio of two sums) evaluated by LibreOffice
            assert number(total[3 + offset]) == value_of(doc["total"]["figures"], column.key), \
                (table.title, column.key)


def test_consolidated_data_sheet_holds_every_figure(converted: Converted) -> None:
    body = _body(converted.sheets["consolidated"]["Dữ liệu"])
    *units, total = body
    rows = figure_rows()
    for unit in units:
        assert [number(c) for c in unit[3:3 + len(rows)]] == [
            value_of(converted.by_unit[unit[2]], r.key) for r in rows]
    assert [number(c) for c in total[3:3 + len(rows)]] == [
        value_of(converted.total, r.key) for r in rows]
