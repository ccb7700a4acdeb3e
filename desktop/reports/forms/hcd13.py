"""HCD-13: the quarterly / 6-month / annual (or multi-year) reintegration report of a commune.

Layout kept in this one module so it can be corrected against Circular 10/2024's annex:
the narrative (I–IV, pre-filled, replaceable; V lists corrections to signed periods), the
signature, then Appendix I with the statistics tables (one column per year plus the total
for a multi-year summary) and Appendix II with the people managed at the end of the period.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from desktop.formatting import format_date
from desktop.reports.catalog import NARRATIVE_SECTIONS
from desktop.reports.forms.common import (
    RenderOptions,
    adjustments_section,
    document_spec,
    statistics_tables,
)
from desktop.reports.forms.hcd13_text import intro, narrative
from desktop.reports.layout import DocumentSpec, RenderedPdf, render
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import NBSP, data_table, para

CLASS_CODES = {"A": "A", "B": "B", "C": "C", "D": "D", "missing": "Chưa ĐG"}
ANNEX_WIDTHS = [10 * mm, 36 * mm, 14 * mm, 38 * mm, 31 * mm, 20 * mm, 16 * mm]


def appendix_head(spec: DocumentSpec, number: str, title: str) -> list[Flowable]:
    """"Phụ lục I", its title and "(Kèm theo Báo cáo số …/BC-CAX ngày …)"."""
    head = spec.letterhead
    number_text = head.number or NBSP * 10
    return [
        para(f"Phụ lục {number}", "doc_type"), para(title, "summary"),
        para(f"(Kèm theo {spec.doc_type} số {number_text}/{head.doc_symbol} ngày "
             f"{format_date(head.issued_on)} của {head.agency})", "date"),
        para(" ", "note"),
    ]


def _body(snap: ReportSnapshot, texts: Mapping[str, list[str]]) -> list[Flowable]:
    body: list[Flowable] = [para(intro(snap))]
    for key, heading in NARRATIVE_SECTIONS.items():
        body.append(para(heading, "heading"))
        body += [para(line) for line in texts[key]]
    body += adjustments_section(snap, "V. ĐIỀU CHỈNH SỐ LIỆU CÁC KỲ ĐÃ BÁO CÁO")
    return body


def annex_rows(snap: ReportSnapshot) -> list[list[str]]:
    """The annex table as printed: header, then one row per person."""
    rows = [["STT", "Họ và tên", "Năm sinh", "Nơi cư trú", "Tội danh", "Ngày tiếp nhận",
             "Phân loại"]]
    for index, person in enumerate(snap.data.get("annex", []), 1):
        received = person["received_on"]
        rows.append([
            str(index), person["full_name"], person["birth_year"], person["residence"],
            person["offences"], format_date(date.fromisoformat(received)) if received else "",
            CLASS_CODES.get(person["classification"], person["classification"]),
        ])
    return rows


def _annex(snap: ReportSnapshot, spec: DocumentSpec) -> list[Flowable]:
    quarter = snap.data.get("annex_quarter")
    title = (f"DANH SÁCH NGƯỜI CHẤP HÀNH XONG ÁN PHẠT TÙ ĐANG QUẢN LÝ ĐẾN NGÀY "
             f"{format_date(snap.period.end)}")
    note = (f"Phân loại theo kết quả đánh giá {quarter}." if quarter
            else "Không có quý nào kết thúc trong kỳ nên chưa có phân loại.")
    return [*appendix_head(spec, "II", title),
            data_table(annex_rows(snap), ANNEX_WIDTHS), para(note, "note")]


def _statistics(snap: ReportSnapshot, spec: DocumentSpec) -> list[Flowable]:
    title = f"BIỂU SỐ LIỆU {snap.period.label_vi.upper()}"
    return [*appendix_head(spec, "I", title), *statistics_tables(snap)]


def render_hcd13(snap: ReportSnapshot, options: RenderOptions | None = None,
                 narrative_override: Mapping[str, str] | None = None) -> RenderedPdf:
    """The HCD-13 PDF of a stored snapshot (a consolidated snapshot has its own module)."""
    opts = options or RenderOptions()
    spec = document_spec(snap, opts)
    appendices: Sequence[Flowable] = [*_statistics(snap, spec), PageBreak(),
                                      *_annex(snap, spec)]
    return render(spec, _body(snap, narrative(snap, narrative_override)), appendices)
