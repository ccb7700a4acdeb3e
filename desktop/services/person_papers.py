"""Printing the papers about one person (HCD-02, 05, 07, 08, 10, 11) from the person page.

The same path as the command line's `hoanhap report --person`: one stored snapshot per
paper (a new revision each time), the PDF rendered from it and its hash recorded. The papers
are signed by hand and stamped, so there is no digital signature here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from desktop.db import Database
from desktop.reports.catalog import FORMS
from desktop.reports.forms import render_pdf
from desktop.reports.person_contents import PersonRequest
from desktop.reports.snapshot import produce_snapshot, record_file_hashes, sha256_hex
from desktop.services.access import Action, Actor, require
from desktop.services.errors import ValidationError
from desktop.services.reporting import ProducedReport, render_options, write_report_file
from desktop.text import fold


@dataclass(frozen=True)
class PaperChoice:
    """A paper that can be printed about a person; HCD-08 is per quarter."""

    code: str
    title: str
    needs_quarter: bool


def paper_choices() -> list[PaperChoice]:
    """Every person's paper, in the order of the forms."""
    return [PaperChoice(f.code, f"{f.code} – {f.summary}", f.kinds == ("quarter",))
            for f in FORMS.values() if f.scope == "person"]


def _file_name(form: str, unit_code: str, full_name: str, revision: int) -> str:
    """ASCII only, so any USB stick and any old Windows takes the name."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(full_name)).strip("-") or "nguoi"
    return f"{form}_{unit_code}_{slug}_lan{revision}.pdf"


def produce_person_paper(db: Database, actor: Actor, form: str, person_id: str,
                         out_dir: Path, quarter: str | None = None) -> ProducedReport:
    """Store the paper's snapshot, write its PDF into `out_dir` and record the file's hash.

    `quarter` ("2026-Q3") is needed by HCD-08 only; the other papers are about the person's
    own dates (reception, team decision, end of management, the book's range)."""
    require(actor, Action.PRODUCE_REPORTS)
    definition = FORMS.get(form)
    if definition is None or definition.scope != "person":
        raise ValidationError("form", f"“{form}” không phải là giấy tờ về một người.")
    if definition.kinds == ("quarter",) and not quarter:
        raise ValidationError("quarter", f"Mẫu {form} lập theo quý: hãy chọn quý.")
    period = quarter if definition.kinds == ("quarter",) else None
    snap = produce_snapshot(db, actor, form, period, person=PersonRequest(person_id))
    pdf = render_pdf(snap, render_options(actor)).pdf
    name = _file_name(form, snap.unit.code, str(snap.data["person"]["full_name"]),
                      snap.revision)
    path = write_report_file(out_dir / name, pdf)
    info = record_file_hashes(db, actor, snap.report_id, pdf_sha256=sha256_hex(pdf))
    return ProducedReport(info, snap.unit.name, snap.period.label_vi, path, None)
