"""The benchmark data and baselines (benchmarks/), checked for correctness, not speed.

The raw-SQL figures of scenario (a) are an independent computation of REPORTS.md §3, so
agreeing with them on generated data — every kind of record, three period conventions,
soft-deleted rows — checks the product's figures; the import of scenario (b) must store
exactly the rows that were exported.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from benchmarks.baseline_figures import figures_by_unit
from benchmarks.generate import Scale, generate
from benchmarks.packages import run as run_import
from benchmarks.scenarios import figure_differences, product_figures
from desktop.rules.periods import Convention, parse_period

TINY = Scale(units=4, people=15, years=2, seed=3)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "tiny.db"
    generate(path, TINY)
    return path


def _digest(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        for table in ("persons", "contacts", "evaluations", "supports", "violations"):
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def test_generation_is_deterministic_for_a_seed(tiny: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again.db", TINY)
    assert again.rows["persons"] == TINY.units * TINY.people
    assert again.rows["contacts"] > TINY.units * TINY.people * 20
    assert _digest(tmp_path / "again.db") == _digest(tiny)


@pytest.mark.parametrize("period", ["2025-Y", "2026-Q2", "2025-06-01..2026-09-30", "2026-M10"])
def test_raw_sql_figures_equal_the_products(tiny: Path, period: str) -> None:
    chosen = parse_period(period)
    ours = product_figures(str(tiny), chosen.start, chosen.end)
    theirs = figures_by_unit(str(tiny), chosen.start, chosen.end)
    assert figure_differences(ours, theirs) == []
    assert len(ours) == TINY.units
    # The data exercises the figures, not only zeros.
    keys = ["weeks_due", "weeks_covered", "weeks_excused", "class_A", "class_missing"]
    if chosen.kind in ("year", "custom"):
        keys += ["received", "ended", "support_loan", "violations_admin", "teams_complete"]
    totals = {key: sum(int(f[key] or 0) for f in ours.values()) for key in keys}
    assert all(totals.values()), totals


def test_calendar_units_use_calendar_quarters(tiny: Path) -> None:
    """Unit 3 of the generator reports with calendar periods: its classification counts
    the calendar quarter ends (31/03, 30/06), not the cut-off ones (14/03, 14/06)."""
    half = parse_period("2026-H1", Convention.CALENDAR)
    ours = product_figures(str(tiny), half.start, half.end)
    theirs = figures_by_unit(str(tiny), half.start, half.end)
    assert figure_differences(ours, theirs) == []


def test_imported_packages_store_exactly_the_exported_rows(tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    generate(source, Scale(units=2, people=6, years=1, seed=5))
    result = run_import(source, tmp_path / "import")
    assert result.packages == 2
    assert result.equal
