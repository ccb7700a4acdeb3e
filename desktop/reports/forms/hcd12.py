"""HCD-12: a commune's monthly statistics table.

The same rows as HCD-13's statistics (one definition in `rows.py`) for one month, under a
short opening sentence; corrections to earlier signed periods follow the table.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from desktop.reports.forms.common import (
    RenderOptions,
    adjustments_section,
    document_spec,
    period_phrase,
    statistics_tables,
)
from desktop.reports.layout import RenderedPdf, render
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import para


def _body(snap: ReportSnapshot) -> list[Flowable]:
    opening = (f"{snap.unit.name} báo cáo số liệu quản lý, giáo dục, giúp đỡ người chấp hành "
               f"xong án phạt tù tái hòa nhập cộng đồng {period_phrase(snap.period)} như sau:")
    return [para(opening), *statistics_tables(snap),
            *adjustments_section(snap, "Điều chỉnh số liệu các kỳ đã báo cáo")]


def render_hcd12(snap: ReportSnapshot, options: RenderOptions | None = None) -> RenderedPdf:
    """The HCD-12 PDF of a stored snapshot."""
    spec = document_spec(snap, options or RenderOptions())
    return render(spec, _body(snap))
