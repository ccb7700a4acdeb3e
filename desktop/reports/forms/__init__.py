"""One module per printed form; `render_pdf` picks the right one for a snapshot."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.reports.forms.common import RenderOptions
from desktop.reports.forms.consolidated import render_consolidated
from desktop.reports.forms.hcd09 import render_hcd09
from desktop.reports.forms.hcd12 import render_hcd12
from desktop.reports.forms.hcd13 import render_hcd13
from desktop.reports.layout import RenderedPdf
from desktop.reports.snapshot import ReportSnapshot

__all__ = ["RenderOptions", "render_pdf"]


def render_pdf(snap: ReportSnapshot, options: RenderOptions | None = None,
               narrative: Mapping[str, str] | None = None) -> RenderedPdf:
    """The PDF of a stored snapshot, laid out by its form's module."""
    if snap.form_def.scope == "all_units":
        return render_consolidated(snap, options)
    if snap.form == "HCD-13":
        return render_hcd13(snap, options, narrative)
    if snap.form == "HCD-12":
        return render_hcd12(snap, options)
    return render_hcd09(snap, options)
