"""One module per printed form; `render_pdf` picks the right one for a snapshot.

The form modules (and reportlab under them) are imported on the first `render_pdf`, not
with this package: the statistics rows (`forms.rows`) and `RenderOptions` are needed by
screens that start with the application, the layouts only when a PDF is made.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING

from desktop.reports.forms.options import RenderOptions

if TYPE_CHECKING:
    from desktop.reports.layout import RenderedPdf
    from desktop.reports.snapshot import ReportSnapshot

__all__ = ["RenderOptions", "render_pdf"]

Renderer = Callable[["ReportSnapshot", RenderOptions | None], "RenderedPdf"]


@cache
def _renderers() -> dict[str, Renderer]:
    """The forms whose layout takes nothing but the snapshot and the printing options."""
    from desktop.reports.catalog import FORM01
    from desktop.reports.forms.form01 import render_form01
    from desktop.reports.forms.hcd02 import render_hcd02
    from desktop.reports.forms.hcd05 import render_hcd05
    from desktop.reports.forms.hcd07 import render_hcd07
    from desktop.reports.forms.hcd08 import render_hcd08
    from desktop.reports.forms.hcd09 import render_hcd09
    from desktop.reports.forms.hcd10 import render_hcd10
    from desktop.reports.forms.hcd11 import render_hcd11
    from desktop.reports.forms.hcd12 import render_hcd12

    return {
        "HCD-12": render_hcd12, "HCD-09": render_hcd09, "HCD-02": render_hcd02,
        "HCD-05": render_hcd05, "HCD-07": render_hcd07, "HCD-08": render_hcd08,
        "HCD-10": render_hcd10, "HCD-11": render_hcd11, FORM01: render_form01,
    }


def render_pdf(snap: ReportSnapshot, options: RenderOptions | None = None,
               narrative: Mapping[str, str] | None = None) -> RenderedPdf:
    """The PDF of a stored snapshot, laid out by its form's module."""
    if snap.form_def.scope == "all_units":
        from desktop.reports.forms.consolidated import render_consolidated

        return render_consolidated(snap, options)
    if snap.form == "HCD-13":
        from desktop.reports.forms.hcd13 import render_hcd13

        return render_hcd13(snap, options, narrative)
    return _renderers()[snap.form](snap, options)
