"""The .xlsx files the intake hands back: the blank template and the rejected rows.

The rejected-rows file repeats the original header (a two-level header stays two-level)
and the rejected rows exactly as read, plus a "Lỗi" column saying what to fix; the office
corrects it and imports it again. ID-number columns are formatted as text in both files,
so Excel keeps leading zeros ("001085012345") the next time.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desktop.intake.analysis import IntakeAnalysis
from desktop.intake.drafts import EXAMPLE_MARK
from desktop.intake.header import Header
from desktop.services.labels import RELEASE_TYPE_LABELS

ERROR_HEADER = "Lỗi"
TEXT_FORMAT = "@"
DATE_FORMAT = "DD/MM/YYYY"
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")

# (header, field, width, example) in the template's column order; every header is one the
# automatic mapping recognises (a test checks it).
TEMPLATE_COLUMNS: tuple[tuple[str, str, int, str | date], ...] = (
    ("Họ và tên", "full_name", 24, "Nguyễn Văn An"),
    ("Giới tính", "gender", 9, "Nam"),
    ("Ngày sinh", "birth_date", 12, date(1985, 4, 12)),
    ("Số CCCD/CMND", "id_number", 15, "001085012345"),
    ("Dân tộc", "ethnicity", 9, "Kinh"),
    ("Tôn giáo", "religion", 10, "Không"),
    ("Quê quán", "place_of_origin", 28, "Xã Tân Cương, tỉnh Thái Nguyên"),
    ("Nơi thường trú", "permanent_address", 28, "Tổ 5, phường Thanh Bình"),
    ("Nơi ở hiện nay", "current_address", 28, "Tổ 5, phường Thanh Bình"),
    ("Thôn/Tổ dân phố", "residential_area", 12, "Tổ 5"),
    ("Số điện thoại", "phone", 13, "0912345678"),
    ("Trình độ học vấn", "education", 10, "9/12"),
    ("Nghề nghiệp", "occupation", 14, "Lao động tự do"),
    ("Tòa án", "court", 24, "Tòa án nhân dân tỉnh Thái Nguyên"),
    ("Số bản án", "judgment_number", 14, "25/2022/HS-ST"),
    ("Ngày tuyên án", "judgment_date", 12, date(2022, 3, 15)),
    ("Tội danh", "offences", 20, "Trộm cắp tài sản"),
    ("Điều luật", "penal_articles", 10, "173"),
    ("Mức án", "sentence", 14, "3 năm 6 tháng"),
    ("Trại giam", "prison", 20, "Trại giam Phú Sơn 4"),
    ("Ngày ra trại", "release_date", 12, date(2025, 9, 15)),
    ("Hình thức ra trại", "release_type", 18, RELEASE_TYPE_LABELS["completed"]),
    ("Số giấy chứng nhận", "certificate_number", 14, "123/GCN"),
    ("Ngày tiếp nhận", "received_on", 12, date(2025, 9, 18)),
    ("Ghi chú", "note", 30, EXAMPLE_MARK),
)

_GUIDE = (
    ("Cách điền", ""),
    ("Mỗi người một dòng, bắt đầu từ dòng 2 của trang «Danh sách».", ""),
    ("Dòng ví dụ (dòng 2) được bỏ qua khi nhập; có thể xóa.", ""),
    ("Ngày tháng", "ngày/tháng/năm, ví dụ 05/03/2024; ngày sinh có thể chỉ ghi năm (1985)."),
    ("Số CCCD/CMND", "12 chữ số (CMND cũ: 9 chữ số); cột đã định dạng Văn bản để giữ số 0."),
    ("Mức án", "ví dụ «3 năm 6 tháng», «18 tháng», «chung thân», «2 năm tù cho hưởng án treo»."),
    ("Hình thức ra trại", ", ".join(RELEASE_TYPE_LABELS.values()) + "."),
    ("Ngày tiếp nhận", "để trống nếu người đó chưa về trình diện: hồ sơ sẽ ở trạng thái "
                       "chờ tiếp nhận."),
)


def _style_header(ws: Worksheet, rows: Iterable[int], width: int) -> None:
    for r in rows:
        for c in range(1, width + 1):
            cell = ws.cell(r, c)
            cell.font, cell.fill, cell.alignment = _BOLD, _HEADER_FILL, _WRAP


def _as_text_column(ws: Worksheet, col: int, first_row: int, last_row: int) -> None:
    """Format a column as text: existing cells, and the column style for new ones."""
    letter = get_column_letter(col)
    ws.column_dimensions[letter].number_format = TEXT_FORMAT
    for r in range(first_row, last_row + 1):
        ws.cell(r, col).number_format = TEXT_FORMAT


def _to_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_xlsx() -> bytes:
    """A blank list with the expected headers and one example row (skipped on import)."""
    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook always has one sheet
    ws.title = "Danh sách"
    for col, (header, field, width, example) in enumerate(TEMPLATE_COLUMNS, start=1):
        ws.cell(1, col, header)
        cell = ws.cell(2, col, example)
        cell.font = Font(italic=True, color="808080")
        if isinstance(example, date):
            cell.number_format = DATE_FORMAT
            ws.column_dimensions[get_column_letter(col)].number_format = DATE_FORMAT
        ws.column_dimensions[get_column_letter(col)].width = width
        if field == "id_number":
            _as_text_column(ws, col, 2, 2)
    _style_header(ws, [1], len(TEMPLATE_COLUMNS))
    ws.freeze_panes = "B2"
    _choices(ws, "gender", '"Nam,Nữ"')
    _choices(ws, "release_type", '"' + ",".join(RELEASE_TYPE_LABELS.values()) + '"')
    guide = book.create_sheet("Hướng dẫn")
    for row in _GUIDE:
        guide.append(row)
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 60, 90
    return _to_bytes(book)


def _choices(ws: Worksheet, field: str, formula: str) -> None:
    col = next(i for i, c in enumerate(TEMPLATE_COLUMNS, start=1) if c[1] == field)
    letter = get_column_letter(col)
    rule = DataValidation(type="list", formula1=formula, allow_blank=True)
    rule.add(f"{letter}2:{letter}2000")
    ws.add_data_validation(rule)


def _write_header(ws: Worksheet, header: Header) -> int:
    """The original header rows (groups merged again) plus "Lỗi"; returns rows used."""
    two_level = len(header.rows) == 2
    for c in header.columns:
        if two_level and c.group:
            ws.cell(1, c.index + 1, c.group)
            ws.cell(2, c.index + 1, c.label)
        else:
            ws.cell(1, c.index + 1, c.label)
    error_col = len(header.columns) + 1
    ws.cell(1, error_col, ERROR_HEADER)
    if two_level:
        _merge_groups(ws, header)
        for col in [*(c.index + 1 for c in header.columns if not c.group), error_col]:
            ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    return len(header.rows)


def _merge_groups(ws: Worksheet, header: Header) -> None:
    start = 0
    columns = header.columns
    for i in range(1, len(columns) + 1):
        if i == len(columns) or columns[i].group != columns[start].group:
            if columns[start].group and i - start > 1:
                ws.merge_cells(start_row=1, start_column=start + 1, end_row=1, end_column=i)
            start = i


def rejected_rows_xlsx(analysis: IntakeAnalysis) -> bytes:
    """The rejected rows with their original columns and a "Lỗi" column, to fix and
    import again."""
    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook always has one sheet
    ws.title = "Dòng bị từ chối"
    top = _write_header(ws, analysis.header)
    rejected = analysis.of_status("rejected")
    id_columns = {i + 1 for i in analysis.mapping.columns_of("id_number")}
    for offset, row in enumerate(rejected, start=top + 1):
        for col, value in enumerate(row.cells, start=1):
            text_id = col in id_columns and value is not None
            cell = ws.cell(offset, col, str(value) if text_id else value)
            if isinstance(value, date | datetime):
                cell.number_format = DATE_FORMAT
        problems = "\n".join(p.message for p in row.problems)
        ws.cell(offset, len(analysis.header.columns) + 1, problems).alignment = _WRAP
    for col in id_columns:
        _as_text_column(ws, col, top + 1, top + len(rejected))
    width = len(analysis.header.columns) + 1
    _style_header(ws, range(1, top + 1), width)
    ws.column_dimensions[get_column_letter(width)].width = 60
    return _to_bytes(book)
