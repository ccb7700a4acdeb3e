"""XLSX versions of the statistical forms and of Form 01, for the next level to consolidate
(REPORTS.md §1). The papers about one person are printed and signed only: they have none.

Written from the stored snapshot only, with the same rows as the PDF (`forms.rows`):
numbers as numbers (percentages as numbers with a number format), totals as formulas
(`=SUM(...)`; a percentage total recomputed from the summed numerator and denominator),
a header block naming unit, form, period and production time, frozen header rows, and
print settings (A4 portrait, fit to width, the table header repeated on every page).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from desktop.formatting import format_datetime
from desktop.reports.annex import MISSING
from desktop.reports.catalog import FORM01
from desktop.reports.forms.common import period_phrase, value_columns
from desktop.reports.forms.form01 import HEADERS as LOAN_HEADERS
from desktop.reports.forms.form01 import note as loan_note
from desktop.reports.forms.hcd09 import GROUPS, group_count_key, group_labels
from desktop.reports.forms.rows import (
    CONSOLIDATED,
    RATIOS,
    STATISTICS,
    Column,
    Kind,
    Row,
    value_of,
)
from desktop.reports.forms.rows import figure_rows as all_figure_rows
from desktop.reports.snapshot import ReportSnapshot
from desktop.services.errors import ValidationError
from desktop.text import nfc

HEADER_ROW = 7  # the table header; rows 1–5 are the header block
FORMATS: dict[Kind, str] = {"int": "#,##0", "vnd": "#,##0", "pct1": "0.0", "pct2": "0.00"}
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BOLD = Font(bold=True)
_SECTION_FILL = PatternFill("solid", fgColor="EEEEEE")


def _text(value: str) -> str:
    """NFC, without the control characters a worksheet cannot hold: text from an older
    version or another office's package may still carry them, and must not stop a report."""
    return ILLEGAL_CHARACTERS_RE.sub("", nfc(value))


def _header_block(ws: Worksheet, snap: ReportSnapshot, title: str) -> None:
    """Unit, form, period and production: what a consolidating officer checks first."""
    period = snap.period
    lines = [
        snap.unit.name,
        f"Mẫu {snap.form}: {snap.form_def.summary}",
        f"Kỳ báo cáo: {period_phrase(period)} – mã kỳ {period.code}",
        f"Lập lúc {format_datetime(snap.produced_at)} bởi {snap.produced_by}, lần lập "
        f"{snap.revision}; SHA-256 số liệu: {snap.sha256}",
        title,
    ]
    for row, text in enumerate(lines, 1):
        ws.cell(row=row, column=1, value=_text(text)).font = Font(bold=row in (1, 5))


def _page_setup(ws: Worksheet, last_column: int) -> None:
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_area = f"A1:{get_column_letter(last_column)}{ws.max_row}"


def _table_header(ws: Worksheet, headers: Sequence[str], widths: Sequence[float]) -> None:
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), 1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=_text(text))
        cell.font, cell.border = _BOLD, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width


def _put(ws: Worksheet, row: int, col: int, value: Any, kind: Kind | None = None) -> None:
    cell = ws.cell(row=row, column=col, value=_text(value) if isinstance(value, str) else value)
    cell.border = _BORDER
    if kind is not None:
        cell.number_format = FORMATS[kind]
    if isinstance(value, str) and not value.startswith("="):
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _section_row(ws: Worksheet, row: int, title: str, last_column: int) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)
    cell = ws.cell(row=row, column=1, value=_text(title))
    cell.font, cell.fill = _BOLD, _SECTION_FILL


def _statistics_sheet(ws: Worksheet, snap: ReportSnapshot) -> None:
    """STT, label, unit, one column per value column (years…, Tổng). The multi-year total
    of a flow is a SUM of its years; a stock's total is the whole period's own figure."""
    columns = value_columns(snap)
    multi = len(columns) > 1
    last = 3 + len(columns)
    _header_block(ws, snap, "BIỂU SỐ LIỆU")
    _table_header(ws, ["STT", "Nội dung", "ĐVT", *(c.header for c in columns)],
                  [7, 48, 9, *([14] * len(columns))])
    r = HEADER_ROW + 1
    for section in STATISTICS:
        _section_row(ws, r, section.title, last)
        r += 1
        for row in section.rows:
            _statistics_row(ws, r, row, columns, multi)
            r += 1
    _page_setup(ws, last)


def _statistics_row(ws: Worksheet, r: int, row: Row, columns: Sequence[Any],
                    multi: bool) -> None:
    _put(ws, r, 1, row.number)
    _put(ws, r, 2, ("    " if row.level else "") + row.label)
    _put(ws, r, 3, row.unit)
    for index, column in enumerate(columns):
        col = 4 + index
        if not row.key:
            _put(ws, r, col, None)
        elif multi and index == len(columns) - 1 and row.additive:
            years = f"{get_column_letter(4)}{r}:{get_column_letter(col - 1)}{r}"
            _put(ws, r, col, f"=SUM({years})", row.kind)
        else:
            _put(ws, r, col, value_of(column.figures, row.key), row.kind)
    if not row.key:
        ws.cell(row=r, column=2).font = _BOLD


def _iso_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _people_sheet(ws: Worksheet, people: Sequence[Mapping[str, Any]], start: int,
                  with_class: bool) -> int:
    """Rows of people from `start`; returns the next free row."""
    r = start
    for index, p in enumerate(people, 1):
        year = p["birth_year"]
        values = [index, p["full_name"], int(year) if year.isdigit() else year, p["residence"],
                  p["offences"], _iso_date(p["received_on"])]
        if with_class:
            values.append(p["classification"] if p["classification"] != MISSING else "")
        for col, value in enumerate(values, 1):
            _put(ws, r, col, value)
        ws.cell(row=r, column=6).number_format = "dd/mm/yyyy"
        r += 1
    return r


_PEOPLE_HEADERS = ["STT", "Họ và tên", "Năm sinh", "Nơi cư trú", "Tội danh", "Ngày tiếp nhận"]
_PEOPLE_WIDTHS = [6, 26, 9, 40, 28, 12]


def _annex_sheet(ws: Worksheet, snap: ReportSnapshot) -> None:
    _header_block(ws, snap, "DANH SÁCH NGƯỜI ĐANG QUẢN LÝ CUỐI KỲ")
    _table_header(ws, [*_PEOPLE_HEADERS, "Phân loại"], [*_PEOPLE_WIDTHS, 10])
    _people_sheet(ws, snap.data.get("annex", []), HEADER_ROW + 1, with_class=True)
    _page_setup(ws, len(_PEOPLE_HEADERS) + 1)


def _classification_sheet(ws: Worksheet, snap: ReportSnapshot) -> None:
    """HCD-09: the count of each group (numbers) and their total (=SUM)."""
    _header_block(ws, snap, "TỔNG HỢP PHÂN LOẠI")
    _table_header(ws, ["Nhóm", "Nội dung phân loại", "Số người"], [8, 70, 12])
    labels = group_labels(snap)
    first = HEADER_ROW + 1
    for r, group in enumerate(GROUPS, first):
        _put(ws, r, 1, group if group != MISSING else "–")
        _put(ws, r, 2, labels[group])
        _put(ws, r, 3, snap.figures[group_count_key(group)], "int")
    total = first + len(GROUPS)
    _put(ws, total, 2, "Tổng số người đang quản lý cuối quý")
    _put(ws, total, 3, f"=SUM(C{first}:C{total - 1})", "int")
    ws.cell(row=total, column=2).font = _BOLD
    _page_setup(ws, 3)


def _grouped_list_sheet(ws: Worksheet, snap: ReportSnapshot) -> None:
    """HCD-09: the people of each group under the group's title."""
    _header_block(ws, snap, "DANH SÁCH THEO NHÓM")
    _table_header(ws, _PEOPLE_HEADERS, _PEOPLE_WIDTHS)
    labels = group_labels(snap)
    groups = snap.data["classification"]["groups"]
    r = HEADER_ROW + 1
    for group in GROUPS:
        _section_row(ws, r, labels[group], len(_PEOPLE_HEADERS))
        r = _people_sheet(ws, groups[group], r + 1, with_class=False)
    _page_setup(ws, len(_PEOPLE_HEADERS))


def _total_formula(column: Column, letters: Mapping[str, str], first: int, last: int) -> str:
    """SUM of the column; a percentage from the sums of its two parts (never a sum of %)."""
    def total(letter: str) -> str:
        return f"SUM({letter}{first}:{letter}{last})"

    ratio = RATIOS.get(column.key)
    if ratio is not None and ratio[0] in letters and ratio[1] in letters:
        places = 1 if column.kind == "pct1" else 2
        num, den = total(letters[ratio[0]]), total(letters[ratio[1]])
        return f'=IF({den}=0,"",ROUND(100*{num}/{den},{places}))'
    return f"={total(letters[column.key])}"


def _units_sheet(ws: Worksheet, snap: ReportSnapshot, title: str,
                 columns: Sequence[Column]) -> None:
    """One row per unit and a totals row of formulas."""
    _header_block(ws, snap, title)
    _table_header(ws, ["STT", "Đơn vị", "Mã đơn vị", *(c.header for c in columns)],
                  [6, 30, 10, *([14] * len(columns))])
    letters = {c.key: get_column_letter(4 + i) for i, c in enumerate(columns)}
    units = snap.data["by_unit"]
    first = HEADER_ROW + 1
    for offset, unit in enumerate(units):
        r = first + offset
        for col, value in enumerate((offset + 1, unit["unit_name"], unit["unit_code"]), 1):
            _put(ws, r, col, value)
        for i, c in enumerate(columns):
            _put(ws, r, 4 + i, value_of(unit["figures"], c.key), c.kind)
    total = first + len(units)
    _put(ws, total, 2, "Tổng cộng")
    ws.cell(row=total, column=2).font = _BOLD
    for i, c in enumerate(columns):
        _put(ws, total, 4 + i, _total_formula(c, letters, first, total - 1), c.kind)
    _page_setup(ws, 3 + len(columns))


def _data_columns() -> list[Column]:
    """Every figure of the statistics rows, as columns of the consolidation's data sheet."""
    return [Column(f"{r.label} ({r.unit})" if r.unit else r.label, r.key, r.kind)
            for r in all_figure_rows()]


def _adjustments_sheet(ws: Worksheet, snap: ReportSnapshot) -> None:
    _header_block(ws, snap, "ĐIỀU CHỈNH SỐ LIỆU CÁC KỲ ĐÃ BÁO CÁO")
    headers = ["Kỳ đã khóa", "Mẫu", "Nội dung", "Ngày", "Lý do", "Người sửa"]
    _table_header(ws, headers, [24, 10, 30, 12, 40, 12])
    for r, a in enumerate(snap.data["adjustments"], HEADER_ROW + 1):
        values = [a["report_period"], a["report_form"], f"{a['action']} {a['entity']}",
                  date.fromisoformat(a["day"]), a["reason"], a["by"]]
        for col, value in enumerate(values, 1):
            _put(ws, r, col, value)
        ws.cell(row=r, column=4).number_format = "dd/mm/yyyy"
    _page_setup(ws, len(headers))


def _loan_row(ws: Worksheet, r: int, index: int, loan: Mapping[str, Any]) -> None:
    year = loan["birth_year"]
    values = [index, loan["full_name"], int(year) if year.isdigit() else year,
              loan["id_number"], loan["address"], _iso_date(loan["release_date"]),
              loan["purpose_label"], loan["amount_vnd"], loan["months"], loan_note(loan)]
    for col, value in enumerate(values, 1):
        _put(ws, r, col, value, "vnd" if col == 8 else "int" if col in (1, 9) else None)
    ws.cell(row=r, column=4).number_format = "@"  # an ID number keeps its leading zeros
    ws.cell(row=r, column=6).number_format = "dd/mm/yyyy"


def _loan_list_sheet(ws: Worksheet, snap: ReportSnapshot) -> None:
    """Form 01: one row per eligible request, amounts as numbers, the total a SUM."""
    _header_block(ws, snap, "DANH SÁCH ĐỀ NGHỊ VAY VỐN NGÂN HÀNG CHÍNH SÁCH XÃ HỘI")
    _table_header(ws, LOAN_HEADERS, [6, 26, 9, 15, 36, 12, 18, 16, 10, 26])
    first = HEADER_ROW + 1
    loans = snap.data["loans"]
    for offset, loan in enumerate(loans):
        _loan_row(ws, first + offset, offset + 1, loan)
    total = first + len(loans)
    _put(ws, total, 2, "Tổng cộng")
    ws.cell(row=total, column=2).font = _BOLD
    _put(ws, total, 8, f"=SUM(H{first}:H{total - 1})" if loans else 0, "vnd")
    _page_setup(ws, len(LOAN_HEADERS))
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE  # ten columns, as on the PDF


def write_xlsx(snap: ReportSnapshot) -> bytes:
    """The XLSX of a stored snapshot, sheets chosen by its form."""
    if snap.form_def.scope == "person":
        raise ValidationError("format", f"Mẫu {snap.form} là giấy tờ về một người: chỉ có "
                                        "bản PDF để in, ký.")
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    if snap.form == FORM01:
        _loan_list_sheet(wb.create_sheet("Danh sách"), snap)
    elif snap.form_def.scope == "all_units":
        for index, table in enumerate(CONSOLIDATED, 1):
            _units_sheet(wb.create_sheet(f"Biểu {index}"), snap, table.title, table.columns)
        _units_sheet(wb.create_sheet("Dữ liệu"), snap, "TOÀN BỘ SỐ LIỆU", _data_columns())
    elif snap.form == "HCD-09":
        _classification_sheet(wb.create_sheet("Phân loại"), snap)
        _grouped_list_sheet(wb.create_sheet("Danh sách"), snap)
    else:
        _statistics_sheet(wb.create_sheet("Số liệu"), snap)
        if snap.form == "HCD-13":
            _annex_sheet(wb.create_sheet("Danh sách"), snap)
    if snap.data.get("adjustments"):
        _adjustments_sheet(wb.create_sheet("Điều chỉnh"), snap)
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
