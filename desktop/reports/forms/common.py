"""What every form's PDF shares: the document frame built from a snapshot, the statistics
tables (one value column, or one column per year plus the total) and the adjustments list.

Everything is read from the stored snapshot (`ReportSnapshot.data`); nothing here queries
the database or computes a figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.formatting import format_date
from desktop.reports.forms.options import RenderOptions as RenderOptions
from desktop.reports.forms.rows import STATISTICS, Row, format_value, value_of
from desktop.reports.layout import FRAME_WIDTH, DocumentSpec, Letterhead, Signer
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import FONT, data_table, para, text_width
from desktop.rules.periods import Period

NUMBER_WIDTH, UNIT_WIDTH = 11 * mm, 15 * mm
MIN_LABEL_WIDTH = 52 * mm
MAX_VALUE_COLUMNS = 5


def sentence_case(text: str) -> str:
    """`text` with its first letter capitalised ("quý III" → "Quý III"; str.capitalize
    would lower-case the rest)."""
    return text[:1].upper() + text[1:]


def period_phrase(period: Period) -> str:
    """"quý III năm 2026 (từ ngày 15/06/2026 đến ngày 14/09/2026)"; a custom range is its
    dates already, so it is not repeated."""
    if period.kind == "custom":
        return period.label_vi
    return f"{period.label_vi} ({period.dates_vi})"


def archive_code(doc_symbol: str) -> str:
    """"Lưu: VT, CAX": the drafting unit is the part of the symbol after the dash."""
    return f"VT, {doc_symbol.rsplit('-', 1)[-1]}" if doc_symbol else "VT"


def document_spec(snap: ReportSnapshot, options: RenderOptions, *, doc_type: str = "Báo cáo",
                  summary: str | None = None) -> DocumentSpec:
    """The header, title, recipients, signature block and QR code of a snapshot's report."""
    unit = snap.unit
    parent = unit.parent_agency or unit.recipient_name or f"Công an {unit.province}"
    letterhead = Letterhead(
        parent_agency=parent, agency=unit.name, doc_symbol=unit.doc_symbol,
        place=unit.place_name or unit.name,
        issued_on=options.issued_on or snap.produced_at.astimezone().date(),
        number=options.number,
    )
    recipients = unit.report_recipients or tuple(r for r in (unit.recipient_name,) if r)
    signer = Signer(prefix="", title=unit.police_chief_title,
                    name=unit.police_chief or options.signer_name or "")
    caption = (f"{snap.form} · {unit.code} · {snap.period.code} · lần lập {snap.revision} · "
               f"SHA-256 {snap.sha256[:16]}…")
    return DocumentSpec(
        letterhead=letterhead, doc_type=doc_type,
        summary=summary or f"{snap.form_def.summary} {snap.period.label_vi}",
        recipients=recipients, archive=archive_code(unit.doc_symbol), signer=signer,
        qr_payload=snap.qr_payload, qr_caption=caption,
    )


@dataclass(frozen=True)
class ValueColumn:
    """One value column of a statistics table: its header and the figures it shows."""

    header: str
    figures: Mapping[str, Any]


def value_columns(snap: ReportSnapshot) -> list[ValueColumn]:
    """"Số liệu" for one period; for a multi-year report one column per year and the total
    (the whole period's own figures: stocks are not sums of years)."""
    years = snap.data.get("by_year") or []
    if not years:
        return [ValueColumn("Số liệu", snap.figures)]
    return [*(ValueColumn(f"Năm {y['code'][:4]}", y["figures"]) for y in years),
            ValueColumn("Tổng", snap.figures)]


def year_ranges_note(snap: ReportSnapshot) -> list[Flowable]:
    """Which dates each year column covers (the first and last years are clipped)."""
    years = snap.data.get("by_year") or []
    if not years:
        return []
    parts = [f"năm {y['code'][:4]} từ {format_date(date.fromisoformat(y['start']))} đến "
             f"{format_date(date.fromisoformat(y['end']))}" for y in years]
    return [para("Ghi chú: số liệu " + "; ".join(parts) + ".", "note")]


def _widths(columns: Sequence[ValueColumn]) -> list[float]:
    """Value columns as wide as their widest printed value, the label takes the rest."""
    widths = []
    for column in columns:
        texts = [column.header] + [format_value(value_of(column.figures, r.key), r.kind)
                                   for s in STATISTICS for r in s.rows if r.key]
        widths.append(max(16 * mm, max(text_width(t, FONT, 11) for t in texts) + 8))
    return widths


def chunks(columns: list[ValueColumn]) -> list[list[ValueColumn]]:
    """Value columns split so each table leaves the label readable (a 10-year summary
    prints as two tables rather than as unreadable slivers)."""
    size = min(MAX_VALUE_COLUMNS, len(columns))
    while size > 1:
        count = -(-len(columns) // size)  # tables needed; then balance them (3 + 3, not 4 + 2)
        even = -(-len(columns) // count)
        groups = [columns[i:i + even] for i in range(0, len(columns), even)]
        if all(FRAME_WIDTH - NUMBER_WIDTH - UNIT_WIDTH - sum(_widths(g)) >= MIN_LABEL_WIDTH
               for g in groups):
            return groups
        size -= 1
    return [[c] for c in columns]


def _statistics_table(columns: Sequence[ValueColumn]) -> Flowable:
    """Every section in one table, section titles as full-width rows, so a page break
    never leaves a title alone and the column header repeats on each page."""
    rows: list[list[str]] = [["STT", "Nội dung", "ĐVT", *(c.header for c in columns)]]
    indent: list[int] = []
    bold: list[int] = []  # group titles ("Giới tính") carry no figure
    spans: list[int] = []
    for section in STATISTICS:
        spans.append(len(rows))
        rows.append([section.title, "", "", *("" for _ in columns)])
        for row in section.rows:
            if row.level:
                indent.append(len(rows))
            elif not row.key:
                bold.append(len(rows))
            rows.append([row.number, row.label, row.unit,
                         *(_cell(c.figures, row) for c in columns)])
    widths = _widths(columns)
    label = FRAME_WIDTH - NUMBER_WIDTH - UNIT_WIDTH - sum(widths)
    return data_table(rows, [NUMBER_WIDTH, label, UNIT_WIDTH, *widths], numeric_from=3,
                      indent_rows=indent, bold_rows=bold, span_rows=spans)


def _cell(figures: Mapping[str, Any], row: Row) -> str:
    return format_value(value_of(figures, row.key), row.kind) if row.key else ""


def statistics_tables(snap: ReportSnapshot) -> list[Flowable]:
    """The statistics table (one per group of year columns) and the years' date ranges."""
    flowables: list[Flowable] = []
    for group in chunks(value_columns(snap)):
        flowables += [_statistics_table(group), Spacer(1, 6)]
    return flowables + year_ranges_note(snap)


def adjustment_lines(snap: ReportSnapshot) -> list[str]:
    """One sentence per correction made to an earlier, signed period."""
    return [
        f"- {sentence_case(a['report_period'])} ({a['report_form']}): {a['action']} "
        f"{a['entity']} ngày {format_date(date.fromisoformat(a['day']))}; lý do: "
        f"{a['reason']} ({a['by']}, {format_date(date.fromisoformat(a['at'][:10]))})."
        for a in snap.data.get("adjustments", [])
    ]


def adjustments_section(snap: ReportSnapshot, heading: str) -> list[Flowable]:
    """The list of adjustments to signed periods, or nothing when there were none."""
    lines = adjustment_lines(snap)
    if not lines:
        return []
    intro = ("Sau khi các báo cáo kỳ trước đã ký, số liệu sau được điều chỉnh (số liệu "
             "đã ký giữ nguyên; điều chỉnh được phản ánh tại báo cáo này):")
    return [para(heading, "heading"), para(intro), *(para(line) for line in lines)]
