"""One cell of an office's list to one value, by what the cell holds.

Excel hands over text, numbers (date serials, years, ID numbers that lost their leading
zeros), real date cells and booleans, and people type dates in every shape. Each parser
returns the value the person services expect, or raises `CellError` with a short
Vietnamese phrase ("ngày không tồn tại") that `RowProblem` completes with the row, the
column and the value as shown. Parsers never guess: a value with two readings is a problem
for the user to settle, and where they do settle a reading (a two-digit year, a sentence
with days) they return a note the preview shows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desktop.intake.mapping import header_key
from desktop.intake.workbook import WINDOWS_EPOCH, CellValue, shown
from desktop.text import fold, tidy_person_name

# Ways a later date may be ahead of today and still be real: a prison's notice comes two
# months before the release (Luật THAHS 2019 Art. 46); a year keeps typing slips visible.
EVENT_HORIZON = timedelta(days=366)
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_MAX_SERIAL = 2958465  # 31/12/9999
# Float cells hold 15 significant digits; a longer number is already rounded by Excel.
_EXACT_DIGITS = 15


class CellError(Exception):
    """A cell the product cannot read; `message` is a short Vietnamese phrase."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RowProblem:
    """Why a row cannot be imported: Excel row number, column header, value as shown."""

    row_number: int
    column: str
    value: str
    problem: str

    @property
    def message(self) -> str:
        """"Dòng 7, cột «Ngày sinh», giá trị «31/02/1985»: ngày không tồn tại"."""
        parts = [f"Dòng {self.row_number}"]
        if self.column:
            parts.append(f"cột «{self.column}»")
        if self.value:
            parts.append(f"giá trị «{self.value}»")
        return f"{', '.join(parts)}: {self.problem}"


def _is_number(value: CellValue) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def text_of(value: CellValue) -> str:
    """Any cell as text (for names, addresses, notes): dates and numbers as shown."""
    return shown(value)


def parse_name(value: CellValue) -> str:
    """A person's name with at least one letter, tidied as the services store it (NFC,
    single spaces, each word capitalised) so the preview shows what will be saved."""
    text = text_of(value)
    if text and not any(ch.isalpha() for ch in text):
        raise CellError("họ tên phải có chữ cái")
    return tidy_person_name(text)


_MALE = frozenset({"nam", "m", "male", "trai", "nam gioi", "ong"})
_FEMALE = frozenset({"nu", "f", "female", "gai", "nu gioi", "ba"})


def parse_gender(value: CellValue) -> str:
    """"male" / "female" from "Nam", "Nữ", "nu", "M", "F"…; "" for an empty cell."""
    key = header_key(text_of(value))
    if not key:
        return ""
    if key in _MALE:
        return "male"
    if key in _FEMALE:
        return "female"
    raise CellError("giới tính phải là «Nam» hoặc «Nữ»")


# --- dates --------------------------------------------------------------------------

_YMD = re.compile(r"(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})", re.ASCII)
_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})", re.ASCII)
_WORDS = re.compile(r"(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4}|\d{2})", re.ASCII)
_MONTH_YEAR = re.compile(r"(?:thang\s*)?(\d{1,2})\s*(?:[/.\-]|nam)\s*(\d{4})", re.ASCII)
_YEAR = re.compile(r"(?:sinh\s*)?(?:nam\s*)?(\d{4})", re.ASCII)
_TIME_TAIL = re.compile(r"(?:\s+|t)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$", re.ASCII)


def _year_of_two_digits(yy: int, month: int, day: int, latest: date) -> int:
    """The century that keeps the date on or before `latest`."""
    year = 2000 + yy
    return year if (year, month, day) <= (latest.year, latest.month, latest.day) else year - 100


def _make_date(year: int, month: int, day: int) -> date:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise CellError(f"năm {year} không hợp lệ")
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError("ngày không tồn tại") from None


def _date_from_text(text: str, latest: date) -> tuple[date, str] | None:
    """A full date written as text, with a note when a two-digit year was read."""
    key = _TIME_TAIL.sub("", fold(text))
    if match := _YMD.fullmatch(key):
        return _make_date(int(match[1]), int(match[2]), int(match[3])), ""
    match = _DMY.fullmatch(key) or _WORDS.fullmatch(key)
    if match is None:
        return None
    day, month, year_text = int(match[1]), int(match[2]), match[3]
    if len(year_text) == 4:
        return _make_date(int(year_text), month, day), ""
    year = _year_of_two_digits(int(year_text), month, day, latest)
    return _make_date(year, month, day), f"năm «{year_text}» được hiểu là {year}"


def _serial(value: float, epoch: datetime) -> date:
    """A date typed into a cell not formatted as a date: Excel's day number."""
    if not (math.isfinite(value) and 1 <= value <= _MAX_SERIAL):
        raise CellError("số này không phải một ngày")
    from openpyxl.utils.datetime import from_excel  # openpyxl loads with the first file

    moment = from_excel(value, epoch)
    if not isinstance(moment, datetime):
        raise CellError("số này không phải một ngày")
    return _make_date(moment.year, moment.month, moment.day)


def _is_year(value: float) -> bool:
    return math.isfinite(value) and value.is_integer() and _MIN_YEAR <= value <= _MAX_YEAR


def parse_date(value: CellValue, today: date,
               epoch: datetime = WINDOWS_EPOCH) -> tuple[date | None, str]:
    """An event date (release, judgment, reception): a date cell, an Excel day number or
    text "dd/mm/yyyy", "d/m/yy", "yyyy-mm-dd", "ngày 5 tháng 3 năm 2024"; None if empty."""
    if isinstance(value, bool | time | timedelta):
        raise CellError("ô này không chứa ngày tháng")
    if isinstance(value, datetime):
        return value.date(), ""
    if isinstance(value, date):
        return value, ""
    if isinstance(value, int | float):
        if _is_year(float(value)):
            raise CellError("chỉ có năm, cần ghi đủ ngày/tháng/năm")
        return _serial(float(value), epoch), ""
    if value is None or not value.strip():
        return None, ""
    found = _date_from_text(value, today + EVENT_HORIZON)
    if found is not None:
        return found
    key = fold(value)
    if _MONTH_YEAR.fullmatch(key) or _YEAR.fullmatch(key):
        raise CellError("thiếu ngày, cần ghi đủ ngày/tháng/năm")
    raise CellError("không đọc được ngày (ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2024)")


def parse_birth(value: CellValue, today: date,
                epoch: datetime = WINDOWS_EPOCH) -> tuple[str, str]:
    """A birth date as `PersonInput.birth_date` takes it ("1985-04-12" or the year "1985"),
    with a note when a two-digit year was read; "" for an empty cell."""
    if isinstance(value, int | float) and _is_year(float(value)):
        return str(int(value)), ""
    if isinstance(value, str):
        key = fold(value)
        if match := _YEAR.fullmatch(key):
            return match[1], ""
        if _MONTH_YEAR.fullmatch(key):
            raise CellError("chỉ có tháng và năm: hãy ghi đủ ngày/tháng/năm, hoặc chỉ ghi năm")
        if value.strip():
            found = _date_from_text(value, today)
            if found is None:
                raise CellError("không đọc được ngày sinh (ghi ngày/tháng/năm hoặc chỉ năm)")
            return found[0].isoformat(), found[1]
    day, note = parse_date(value, today, epoch)
    return ("" if day is None else day.isoformat()), note


# --- sentences --------------------------------------------------------------------

@dataclass(frozen=True)
class Sentence:
    """The main penalty code and, for a term, its length in months."""

    main_penalty: str
    prison_months: int | None
    note: str = ""


_TERM = re.compile(r"(\d+(?:[.,]\d+)?)\s*(nam|thang|ngay|th|n|t)(?![a-z])", re.ASCII)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?", re.ASCII)
_UNIT_MONTHS = {"nam": 12, "n": 12, "thang": 1, "th": 1, "t": 1}
_MONEY = re.compile(r"\d[\d.,]*\s*(?:trieu\s*)?(?:dong|vnd|trieu|d)(?![a-z])", re.ASCII)
_HEADER_UNIT = re.compile(r"\b(nam|thang)\b", re.ASCII)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _months(amount: float, unit_months: int) -> int:
    months = amount * unit_months
    if not months.is_integer():
        raise CellError("thời hạn phải là số tháng tròn (ví dụ «3 năm 6 tháng»)")
    return int(months)


def _bare_term(key: str, header: str) -> int:
    """A number alone: months or years only when the header says which."""
    units = _HEADER_UNIT.findall(header_key(header))
    numbers = _NUMBER.findall(key)
    if len(numbers) != 1 or not units:
        raise CellError("không rõ thời hạn là năm hay tháng: hãy ghi «3 năm» hoặc «18 tháng»")
    return _months(_number(numbers[0]), _UNIT_MONTHS[units[-1]])


def _term(key: str, header: str) -> tuple[int | None, str]:
    """Months of a term written "3 năm 6 tháng", "18 tháng", "3n6t"; days round up."""
    matches = list(_TERM.finditer(key))
    rest = _TERM.sub(" ", key)
    if not matches:
        return (_bare_term(key, header), "") if _NUMBER.search(key) else (None, "")
    if _NUMBER.search(rest):
        raise CellError("có số không rõ là năm, tháng hay ngày")
    months, days = 0, 0.0
    for m in matches:
        if m[2] == "ngay":
            days += _number(m[1])
        else:
            months += _months(_number(m[1]), _UNIT_MONTHS[m[2]])
    if not days:
        return months, ""
    # Rounding up keeps every "more than N years" comparison of the Penal Code exact.
    rounded = months + math.ceil(days / 31)
    return rounded, f"mức án có {days:g} ngày, được làm tròn lên {rounded} tháng"


def parse_sentence(value: CellValue, header: str = "") -> Sentence | None:
    """The main penalty from "3 năm 6 tháng", "18 tháng", "chung thân", "tử hình chuyển
    chung thân", "2 năm tù cho hưởng án treo"…; None for an empty cell."""
    if isinstance(value, bool | date | time | timedelta):
        raise CellError("ô này không chứa mức án")
    key = fold(text_of(value))
    if not key:
        return None
    if "tu hinh" in key:
        return Sentence("death_commuted", None)
    if "chung than" in key:
        return Sentence("life", None)
    # Amounts of money (a fine beside the prison term) are not part of the term.
    key = _MONEY.sub(" ", key)
    if _TERM.search(key) is None:
        if "canh cao" in key:
            return Sentence("warning", None)
        if "phat tien" in key:
            return Sentence("fine", None)
    months, note = _term(key, header)
    if "an treo" in key:
        return Sentence("suspended", months, note)
    if "cai tao khong giam giu" in key:
        return Sentence("non_custodial", months, note)
    if months is not None:
        return Sentence("prison", months, note)
    raise CellError("không đọc được mức án (ví dụ: «3 năm 6 tháng», «18 tháng», «chung thân»)")


# --- release type, ID numbers, phones ---------------------------------------------

_MARKS = frozenset({"x", "co", "1", "v", "true", "dac xa", "✓", "√"})
_NO_MARKS = frozenset({"khong", "0", "false", "-"})
_COMPLETED = ("chap hanh xong", "het an", "man han", "het han", "chxapt", "ra trai")


def parse_release_type(value: CellValue, header: str = "") -> tuple[str, str]:
    """(code, note): "đặc xá" → amnesty, "tha tù trước thời hạn" → conditional, otherwise
    completed. In a column headed "Đặc xá", a mark ("x", "có") means amnesty."""
    key = fold(text_of(value)).strip()
    if not key:
        return "completed", ""
    if header_key(header) == "dac xa":
        if key in _MARKS:
            return "amnesty", ""
        if key in _NO_MARKS:
            return "completed", ""
    if "dac xa" in key:
        return "amnesty", ""
    if "truoc thoi han" in key or "co dieu kien" in key:
        return "conditional", ""
    if any(word in key for word in _COMPLETED):
        return "completed", ""
    return "completed", f"không rõ hình thức ra trại «{text_of(value)}», coi là chấp hành xong án"


@dataclass(frozen=True)
class IdCell:
    """An ID number's text, and whether Excel held it as a number (zeros may be lost)."""

    text: str
    from_number: bool


def parse_id(value: CellValue) -> IdCell:
    """The ID number kept as text; a number cell is turned back into its digits."""
    if value is None:
        return IdCell("", False)
    if isinstance(value, bool | date | time | timedelta):
        raise CellError("ô này không chứa số CCCD/CMND")
    if isinstance(value, float):
        if not (math.isfinite(value) and value.is_integer() and value >= 0):
            raise CellError("số CCCD/CMND chỉ gồm chữ số")
        if len(f"{value:.0f}") > _EXACT_DIGITS:
            raise CellError("số quá dài nên Excel đã làm tròn: hãy định dạng cột là Văn bản "
                            "(Text) và nhập lại")
        return IdCell(f"{value:.0f}", True)
    if isinstance(value, int):
        if value < 0:
            raise CellError("số CCCD/CMND chỉ gồm chữ số")
        return IdCell(str(value), True)
    # A leading apostrophe is how Excel users force text; some exports keep it.
    return IdCell(text_of(value).lstrip("'’").strip(), False)


def parse_phone(value: CellValue) -> tuple[str, str]:
    """(phone, note): a number cell of 9 digits is a mobile number whose leading 0 Excel
    dropped (Vietnamese numbers have 10 digits and start with 0)."""
    if _is_number(value) and isinstance(value, int | float) and float(value).is_integer():
        digits = f"{value:.0f}"
        if len(digits) == 9 and digits[0] in "35789":
            return "0" + digits, f"Excel đã bỏ số 0 đầu số điện thoại; đã ghi lại là 0{digits}"
        return digits, ""
    return text_of(value), ""
