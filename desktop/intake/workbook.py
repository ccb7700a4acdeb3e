"""Reading an Excel file into plain rows, as Excel shows them, whatever the file format.

.xlsx/.xlsm are read with openpyxl (`data_only=True`: a formula gives its last computed
value). Old .xls files and LibreOffice .ods files are read with python-calamine when it
is installed; without it, or for anything else, the user is told in Vietnamese to save the
file as .xlsx. The format is recognised by the file's first bytes, not its name: files
saved by other programs are often misnamed (an HTML page called .xls is common).

A `Sheet` keeps every row from row 1 (blank ones included) so row numbers are Excel's,
and the merged ranges so a merged header applies to all its columns.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from desktop.formatting import format_date
from desktop.services.errors import ServiceError
from desktop.text import nfc

CellValue = str | int | float | bool | date | datetime | time | timedelta | None

# Excel's day 0 on Windows (the 1900 date system); Mac files may use 1904.
WINDOWS_EPOCH = datetime(1899, 12, 30)

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_SAVE_AS_XLSX = "Hãy mở tệp bằng Excel (hoặc LibreOffice) và lưu lại dưới dạng .xlsx rồi nhập lại."


class IntakeFileError(ServiceError):
    """The file cannot be read as a spreadsheet; the message says what to do."""


@dataclass(frozen=True)
class CellRange:
    """A merged range, 1-based and inclusive, as Excel numbers rows and columns."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int


@dataclass(frozen=True)
class Sheet:
    """One worksheet: `rows[i]` is Excel row i + 1; every row has `width` cells."""

    name: str
    rows: tuple[tuple[CellValue, ...], ...]
    merged: tuple[CellRange, ...]
    epoch: datetime = WINDOWS_EPOCH

    @property
    def width(self) -> int:
        """Number of columns (the widest row)."""
        return len(self.rows[0]) if self.rows else 0

    def cell(self, row: int, col: int) -> CellValue:
        """The value at 1-based (row, col); None outside the data."""
        if 1 <= row <= len(self.rows) and 1 <= col <= self.width:
            return self.rows[row - 1][col - 1]
        return None


@dataclass(frozen=True)
class Workbook:
    """The sheets of a file, in workbook order (hidden sheets left out)."""

    path: Path
    sheets: tuple[Sheet, ...]

    @property
    def sheet_names(self) -> tuple[str, ...]:
        """The names a user may choose from."""
        return tuple(s.name for s in self.sheets)

    def sheet(self, name: str) -> Sheet:
        """The sheet called `name`, or an error listing the sheets there are."""
        for s in self.sheets:
            if s.name == name:
                return s
        names = ", ".join(f"«{n}»" for n in self.sheet_names)
        raise IntakeFileError(f"Tệp {self.path.name} không có trang «{name}». Các trang: {names}.")


def shown(value: CellValue) -> str:
    """A cell as the user sees it: dates dd/mm/yyyy, whole numbers without ".0", text NFC
    and trimmed. Problems quote values this way, so the user can find them in Excel."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        clock = value.time()
        day = format_date(value.date())
        return day if clock == time(0) else f"{day} {clock:%H:%M}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, float):
        return f"{value:.15g}"
    return nfc(str(value)).strip()


def _pad(rows: list[tuple[CellValue, ...]]) -> tuple[tuple[CellValue, ...], ...]:
    width = max((len(r) for r in rows), default=0)
    return tuple(r + (None,) * (width - len(r)) for r in rows)


def _clean(value: Any) -> CellValue:
    """Readers differ: calamine gives "" for empty cells and floats for whole numbers,
    openpyxl a datetime for a plain date."""
    if value == "" or value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date()  # calamine already does this; both readers then agree
    if isinstance(value, str | int | float | bool | date | datetime | time | timedelta):
        return value
    return str(value)


def _read_openpyxl(path: Path) -> Workbook:
    import openpyxl

    # Not read_only: merged ranges (needed for merged headers) exist only in the full model.
    # Office lists hold hundreds or a few thousand rows, which this reads in seconds.
    book = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        rows = [tuple(_clean(v) for v in r)
                for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
        merged = tuple(CellRange(m.min_row, m.min_col, m.max_row, m.max_col)
                       for m in ws.merged_cells.ranges)
        sheets.append(Sheet(ws.title, _pad(rows), merged, book.epoch))
    return Workbook(path, tuple(sheets))


def _read_calamine(path: Path) -> Workbook:
    try:
        import python_calamine
    except ImportError:
        raise IntakeFileError(
            f"Máy này chưa đọc được tệp Excel cũ (.xls) hay .ods: {path.name}. {_SAVE_AS_XLSX}"
        ) from None
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    visible = {m.name for m in book.sheets_metadata
               if m.visible == python_calamine.SheetVisibleEnum.Visible}
    sheets = []
    for name in book.sheet_names:
        if name not in visible:
            continue
        ws = book.get_sheet_by_name(name)
        rows = [tuple(_clean(v) for v in r) for r in ws.to_python(skip_empty_area=False)]
        merged = tuple(CellRange(a[0] + 1, a[1] + 1, b[0] + 1, b[1] + 1)
                       for a, b in ws.merged_cell_ranges or [])
        sheets.append(Sheet(name, _pad(rows), merged))
    return Workbook(path, tuple(sheets))


def _kind(path: Path) -> str:
    """"xlsx", "calamine" (xls, ods) or "unknown", from the file's first bytes."""
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(_ZIP_MAGIC):
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "mimetype" in names and z.read("mimetype").startswith(_ODS_MIMETYPE):
                return "calamine"
        return "xlsx"
    return "calamine" if head == _OLE_MAGIC else "unknown"


def read_workbook(path: Path | str) -> Workbook:
    """Every visible sheet of the file, or IntakeFileError saying what to do."""
    path = Path(path)
    if not path.is_file():
        raise IntakeFileError(f"Không tìm thấy tệp {path}.")
    try:
        kind = _kind(path)
        if kind == "unknown":
            raise IntakeFileError(f"Tệp {path.name} không phải tệp Excel. {_SAVE_AS_XLSX}")
        book = _read_openpyxl(path) if kind == "xlsx" else _read_calamine(path)
    except IntakeFileError:
        raise
    except Exception as exc:
        # A damaged or password-protected file fails deep inside the reader with errors
        # of many kinds; all of them mean the same to the user.
        raise IntakeFileError(
            f"Không đọc được tệp {path.name}: tệp bị hỏng, có mật khẩu hoặc không phải tệp "
            f"Excel. {_SAVE_AS_XLSX}"
        ) from exc
    if not book.sheets:
        raise IntakeFileError(f"Tệp {path.name} không có trang tính nào đang hiện.")
    return book
