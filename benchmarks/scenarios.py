"""The headless scenarios (a, b, e), each run in its own process by `run.py`:

    python benchmarks/scenarios.py figures DB PERIOD REPEATS
    python benchmarks/scenarios.py import SOURCE_DB WORK_DIR
    python benchmarks/scenarios.py pdf DB PERIOD REPEATS

Each prints one JSON line (the last line of its output): the product's and the baseline's
times in seconds (medians when repeated, taken alternately so that noise hits both) and
whether their results agree.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import baseline_figures, packages
from benchmarks.gui_probe import peak_rss_mb


def alternate(product: Callable[[], Any], baseline: Callable[[], Any],
              repeats: int) -> tuple[list[float], list[float], Any, Any]:
    """Run both `repeats` times, alternating; their times and their last results."""
    times: tuple[list[float], list[float]] = ([], [])
    results: list[Any] = [None, None]
    for _ in range(repeats):
        for side, fn in enumerate((product, baseline)):
            started = time.perf_counter()
            results[side] = fn()
            times[side].append(time.perf_counter() - started)
    return times[0], times[1], results[0], results[1]


# ------------------------------------------------------------------ (a) figures


def figure_differences(product: dict[str, dict[str, Any]],
                       baseline: dict[str, dict[str, Any]]) -> list[str]:
    """Every unit and key on which the two disagree (also missing units and keys)."""
    problems = [f"unit {code}: only in the product" for code in product.keys() - baseline.keys()]
    problems += [f"unit {code}: only in the baseline"
                 for code in baseline.keys() - product.keys()]
    for code in sorted(product.keys() & baseline.keys()):
        ours, theirs = product[code], baseline[code]
        problems += [f"unit {code}: key {key} only on one side"
                     for key in sorted(ours.keys() ^ theirs.keys())]
        problems += [f"unit {code}: {key} product={ours[key]!r} baseline={theirs[key]!r}"
                     for key in sorted(ours.keys() & theirs.keys()) if ours[key] != theirs[key]]
    return problems


def product_figures(db_path: str, start: date, end: date) -> dict[str, dict[str, Any]]:
    """The product's figures of every unit for [start, end], as plain dicts."""
    from desktop.db import open_database
    from desktop.reports.figures import compute_figures_by_unit
    from desktop.rules.periods import Period

    db = open_database(db_path)
    try:
        with db.reading() as session:
            found = compute_figures_by_unit(session, Period("bench", "custom", start, end))
    finally:
        db.close()
    return {code: dict(f.values) for code, f in found.items()}


def scenario_figures(db_path: str, period_code: str, repeats: str) -> dict[str, Any]:
    from desktop.db import open_database
    from desktop.reports.figures import compute_figures_by_unit
    from desktop.rules.periods import parse_period

    period = parse_period(period_code)
    db = open_database(db_path)  # opened once, as in the application
    try:
        with db.reading() as session:
            def product() -> dict[str, dict[str, Any]]:
                return {code: dict(f.values)
                        for code, f in compute_figures_by_unit(session, period).items()}

            def baseline() -> dict[str, dict[str, Any]]:
                return baseline_figures.figures_by_unit(db_path, period.start, period.end)

            ours, theirs, p_result, b_result = alternate(product, baseline, int(repeats))
    finally:
        db.close()
    problems = figure_differences(p_result, b_result)
    return {"product_s": statistics.median(ours), "baseline_s": statistics.median(theirs),
            "product_runs": ours, "baseline_runs": theirs, "units": len(p_result),
            "keys": sum(len(v) for v in p_result.values()), "equal": not problems,
            "differences": problems[:30]}


# ------------------------------------------------------------------ (b) import


def scenario_import(source: str, work: str) -> dict[str, Any]:
    times = packages.run(Path(source), Path(work))
    return {"product_s": times.product, "baseline_s": times.baseline,
            "packages": times.packages, "rows": times.rows, "equal": times.equal,
            "peak_rss_mb": peak_rss_mb()}


# ------------------------------------------------------------------ (e) HCD-13 PDF


def _annex_table_alone(rows: list[list[str]], widths: list[float]) -> bytes:
    """reportlab drawing the annex table and nothing else: the same rows, fonts and
    column widths, each cell a wrapping paragraph, the header repeated on each page."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from desktop.resources import resource_path

    if "BenchSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchSerif", str(
            resource_path("fonts", "LiberationSerif-Regular.ttf"))))
    style = ParagraphStyle("cell", fontName="BenchSerif", fontSize=11, leading=13)
    cells = [[Paragraph(value, style) for value in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
                      topMargin=20 * mm, bottomMargin=20 * mm).build([table])
    return buffer.getvalue()


def scenario_pdf(db_path: str, period_code: str, repeats: str) -> dict[str, Any]:
    from xml.sax.saxutils import escape

    from desktop.db import open_database
    from desktop.reports.forms import RenderOptions, render_pdf
    from desktop.reports.forms.hcd13 import ANNEX_WIDTHS, annex_rows
    from desktop.reports.snapshot import produce_snapshot
    from desktop.services import users

    db = open_database(db_path)
    try:
        actor = users.login(db, "canbo", "hoanhap-demo")
        started = time.perf_counter()
        snap = produce_snapshot(db, actor, "HCD-13", period_code)
        snapshot_s = time.perf_counter() - started
    finally:
        db.close()
    rows = [[escape(value) for value in row] for row in annex_rows(snap)]
    ours, theirs, pdf, table_pdf = alternate(
        lambda: render_pdf(snap, RenderOptions()), lambda: _annex_table_alone(
            rows, list(ANNEX_WIDTHS)), int(repeats))
    return {"product_s": statistics.median(ours), "baseline_s": statistics.median(theirs),
            "product_runs": ours, "baseline_runs": theirs, "snapshot_s": snapshot_s,
            "annex_rows": len(rows) - 1, "pages": pdf.page_count, "bytes": len(pdf.pdf),
            "baseline_bytes": len(table_pdf), "equal": len(rows) > 1}


SCENARIOS: dict[str, Callable[..., dict[str, Any]]] = {
    "figures": scenario_figures, "import": scenario_import, "pdf": scenario_pdf,
}


def main(argv: list[str]) -> int:
    print(json.dumps(SCENARIOS[argv[0]](*argv[1:])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
