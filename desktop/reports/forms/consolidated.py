"""HCD-13-TH and HCD-12-TH: the consolidation over every unit held, one row per commune
and a totals row (REPORTS.md §1, aggregator).

The totals row prints the snapshot's all-unit figures (compute_figures over every unit),
which equal the column sums for counts and are the true ratios for percentages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.reports.forms.common import (
    RenderOptions,
    adjustments_section,
    document_spec,
    period_phrase,
)
from desktop.reports.forms.rows import CONSOLIDATED, ColumnTable, format_value, value_of
from desktop.reports.layout import FRAME_WIDTH, RenderedPdf, render
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import caption, data_table, para

NUMBER_WIDTH, UNIT_WIDTH = 10 * mm, 45 * mm


def table_rows(snap: ReportSnapshot, table: ColumnTable) -> list[list[str]]:
    """Header, one row per unit, then "Tổng cộng" with the all-unit figures."""
    def values(figures: Mapping[str, Any]) -> list[str]:
        return [format_value(value_of(figures, c.key), c.kind) for c in table.columns]

    rows = [["STT", "Đơn vị", *(c.header for c in table.columns)]]
    for index, unit in enumerate(snap.data["by_unit"], 1):
        rows.append([str(index), unit["unit_name"], *values(unit["figures"])])
    rows.append(["", "Tổng cộng", *values(snap.figures)])
    return rows


def _table(snap: ReportSnapshot, table: ColumnTable) -> Flowable:
    rows = table_rows(snap, table)
    width = (FRAME_WIDTH - NUMBER_WIDTH - UNIT_WIDTH) / len(table.columns)
    return data_table(rows, [NUMBER_WIDTH, UNIT_WIDTH, *([width] * len(table.columns))],
                      numeric_from=2, bold_rows=[len(rows) - 1])


def _body(snap: ReportSnapshot) -> list[Flowable]:
    count = len(snap.data["by_unit"])
    opening = (f"{snap.unit.name} tổng hợp số liệu quản lý, giáo dục, giúp đỡ người chấp "
               f"hành xong án phạt tù tái hòa nhập cộng đồng của {count} đơn vị, "
               f"{period_phrase(snap.period)} như sau:")
    body: list[Flowable] = [para(opening)]
    for table in CONSOLIDATED:
        body += [*caption(table.title), _table(snap, table)]
    return body + adjustments_section(snap, "Điều chỉnh số liệu các kỳ đã báo cáo")


def render_consolidated(snap: ReportSnapshot,
                        options: RenderOptions | None = None) -> RenderedPdf:
    """The PDF of an HCD-13-TH or HCD-12-TH snapshot."""
    spec = document_spec(snap, options or RenderOptions())
    return render(spec, _body(snap))
