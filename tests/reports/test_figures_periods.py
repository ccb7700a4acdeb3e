"""`compute_figures_for_periods`: many periods from one load give what one call per period
gives (the dashboard's charts rely on it), on generated data with every kind of record."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event

from benchmarks.generate import Scale, generate, unit_code
from desktop.db import Database, open_database
from desktop.reports.figures import compute_figures, compute_figures_for_periods
from desktop.rules.periods import Convention, Period, month_of, parse_period, quarter_of


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("periods") / "periods.db"
    generate(path, Scale(units=4, people=12, years=2, seed=7))
    db = open_database(path)
    yield db
    db.close()


def _chart_periods() -> list[Period]:
    """Twelve reporting months (the last cut short), four quarters, a year and a range."""
    months = [month_of(parse_period("2026-M11").end)]
    while len(months) < 12:
        months.append(month_of(months[-1].start.replace(day=1)))
    last = months[0]
    months[0] = Period(last.code, last.kind, last.start, parse_period("2026-M11").start)
    quarters = [quarter_of(parse_period(f"2026-Q{n}").end, Convention.CALENDAR) for n in (1, 2)]
    return [*reversed(months), *quarters, parse_period("2025-Y"),
            parse_period("2025-03-01..2026-10-31")]


@pytest.mark.parametrize("unit", [unit_code(1), unit_code(3), None])
def test_one_load_gives_what_one_call_per_period_gives(generated: Database,
                                                       unit: str | None) -> None:
    periods = _chart_periods()
    with generated.reading() as session:
        together = compute_figures_for_periods(session, periods, unit)
        apart = [compute_figures(session, period, unit) for period in periods]
    assert [f.period for f in together] == periods
    assert [f.values for f in together] == [f.values for f in apart]
    assert any(f.values["weeks_due"] for f in together)  # the data is not empty


def test_the_number_of_selects_does_not_grow_with_the_periods(generated: Database) -> None:
    statements: list[str] = []
    periods = _chart_periods()

    def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(generated.engine, "before_cursor_execute", count)
    try:
        with generated.reading() as session:
            compute_figures_for_periods(session, periods[:1], unit_code(1))
            one = len(statements)
            statements.clear()
            compute_figures_for_periods(session, periods, unit_code(1))
    finally:
        event.remove(generated.engine, "before_cursor_execute", count)
    assert len(statements) == one


def test_no_period_reads_nothing(generated: Database) -> None:
    with generated.reading() as session:
        assert compute_figures_for_periods(session, [], unit_code(1)) == []
