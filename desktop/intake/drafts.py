"""One row of an office's list to the inputs the person services take, with its problems.

Each mapped cell goes through its parser; a cell that cannot be read becomes a
`RowProblem` naming the Excel row, the column header and the value as shown, and the row
gets no inputs (the services' own validation runs later, in `validate`, on rows whose
cells all read). Nothing is invented: an empty ethnicity stays empty, a judgment without
its sentence is not created (its details go to the note of the person's first history
step, so nothing in the file is lost either).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from desktop.intake.header import Column, Header
from desktop.intake.mapping import ColumnMapping, target_label
from desktop.intake.parsing import (
    CellError,
    IdCell,
    RowProblem,
    Sentence,
    parse_birth,
    parse_date,
    parse_gender,
    parse_id,
    parse_name,
    parse_phone,
    parse_release_type,
    parse_sentence,
    text_of,
)
from desktop.intake.workbook import CellValue, Sheet, shown
from desktop.rules.identity import check_id_number
from desktop.services.person_input import JudgmentInput, PersonInput

T = TypeVar("T")

# The template's example row carries this note; it is skipped, never imported.
EXAMPLE_MARK = "VÍ DỤ – xóa dòng này trước khi nhập"

_PERSON_TEXTS = ("other_names", "ethnicity", "religion", "place_of_origin",
                 "permanent_address", "current_address", "residential_area", "education",
                 "occupation", "family_situation", "prison", "certificate_number")
_JUDGMENT_TEXTS = ("court", "judgment_number", "offences", "penal_articles")


@dataclass(frozen=True)
class RowDraft:
    """A data row read into inputs; `person` is None when some cell could not be read."""

    row_number: int
    cells: tuple[CellValue, ...]
    person: PersonInput | None
    judgment: JudgmentInput | None
    received_on: date | None
    note: str
    problems: tuple[RowProblem, ...]
    notes: tuple[str, ...]


class _Row:
    """Reads the mapped cells of one row, collecting problems and notes."""

    def __init__(self, number: int, cells: tuple[CellValue, ...], header: Header,
                 mapping: ColumnMapping) -> None:
        self.number, self.cells = number, cells
        self.header, self.mapping = header, mapping
        self.problems: list[RowProblem] = []
        self.notes: list[str] = []

    def column(self, field: str) -> Column | None:
        """The first column feeding `field`, if any."""
        found = self.mapping.columns_of(field)
        return self.header.columns[found[0]] if found else None

    def raw(self, field: str) -> CellValue:
        """The field's cell; several columns' non-empty values joined by a space."""
        present = [self.cells[i] for i in self.mapping.columns_of(field)
                   if i < len(self.cells) and shown(self.cells[i])]
        if len(present) <= 1:
            return present[0] if present else None
        return " ".join(shown(v) for v in present)

    def problem(self, field: str, message: str) -> None:
        """Record a problem at the field's column (or named by the field when unmapped)."""
        column = self.column(field)
        name = column.text if column is not None else target_label(field)
        self.problems.append(RowProblem(self.number, name, shown(self.raw(field)), message))

    def read(self, field: str, parse: Callable[[CellValue], T], default: T) -> T:
        """The parsed cell, or `default` with the problem recorded."""
        try:
            return parse(self.raw(field))
        except CellError as exc:
            self.problem(field, exc.message)
            return default

    def noted(self, field: str, parse: Callable[[CellValue], tuple[T, str]], default: T) -> T:
        """As `read`, for parsers that also return a note for the preview."""
        value, note = self.read(field, parse, (default, ""))
        if note:
            self.remark(field, note)
        return value

    def remark(self, field: str, note: str) -> None:
        """A reading the officer should know of, at the field's column (not blocking)."""
        column = self.column(field)
        self.notes.append(f"cột «{column.text if column else target_label(field)}»: {note}")

    def header_text(self, field: str) -> str:
        """The header of the field's column ("" when unmapped): some parsers read it."""
        column = self.column(field)
        return column.text if column is not None else ""


def _name(row: _Row) -> str:
    full = row.read("full_name", parse_name, "")
    parts = [row.read(f, parse_name, "") for f in ("family_name", "given_name")]
    joined = " ".join(p for p in parts if p)
    if full and joined:
        row.problem("given_name", "có cả cột họ tên đầy đủ và cột họ, tên riêng: chỉ dùng một")
    return full or joined


def _gender_and_birth(row: _Row, today: date, epoch: datetime) -> tuple[str, str]:
    """Gender and birth, also from the "Năm sinh: Nam | Nữ" layout."""
    gender = row.read("gender", parse_gender, "")
    birth = row.noted("birth_date", lambda v: parse_birth(v, today, epoch), "")
    by_column = [(g, row.noted(f, lambda v: parse_birth(v, today, epoch), ""))
                 for g, f in (("male", "birth_male"), ("female", "birth_female"))]
    written = [(g, b) for g, b in by_column if b]
    if len(written) > 1:
        row.problem("birth_female", "năm sinh ghi ở cả cột Nam và cột Nữ")
    elif written:
        column_gender, birth = written[0][0], birth or written[0][1]
        if gender and gender != column_gender:
            row.problem("gender", "giới tính khác với cột Nam/Nữ ghi năm sinh")
        gender = gender or column_gender
    return gender, birth


def _id_number(row: _Row, gender: str, birth: str) -> str:
    """The ID number; a number cell that lost its leading zeros is restored only when the
    restored number agrees with the row's gender, century and birth year."""
    cell = row.read("id_number", parse_id, IdCell("", False))
    # 9 digits is a whole CMND; 12 or more cannot have lost a zero (validation judges them).
    if not cell.from_number or not cell.text or len(cell.text) == 9 or len(cell.text) >= 12:
        return cell.text
    lost = "Excel đã bỏ các số 0 ở đầu vì ô được định dạng là số"
    fix = "hãy định dạng cột là Văn bản (Text) và nhập lại đủ chữ số"
    if len(cell.text) in (10, 11) and gender and birth[:4].isdigit():
        padded = cell.text.zfill(12)
        if not check_id_number(padded, gender, int(birth[:4])).problems:
            row.remark("id_number", f"{lost}; đã khôi phục thành {padded} (khớp giới tính "
                                    "và năm sinh)")
            return padded
    row.problem("id_number", f"{lost}, còn {len(cell.text)} chữ số và không thể khôi phục "
                             f"chắc chắn: {fix}")
    return cell.text


def _sentence(row: _Row) -> Sentence | None:
    header = row.header_text("sentence")
    sentence = row.read("sentence", lambda v: parse_sentence(v, header), None)
    if sentence is not None and sentence.note:
        row.remark("sentence", sentence.note)
    return sentence


def _judgment(row: _Row, today: date, epoch: datetime) -> tuple[JudgmentInput | None, str]:
    """The judgment, or None and the details to keep in the note when its sentence is
    missing (the services need the penalty to record a judgment)."""
    texts = {f: row.read(f, text_of, "") for f in _JUDGMENT_TEXTS}
    judged = row.noted("judgment_date", lambda v: parse_date(v, today, epoch), None)
    sentence = _sentence(row)
    if sentence is None:
        kept = [f"{target_label(f)}: {v}" for f, v in texts.items() if v]
        if judged is not None:
            kept.append(f"{target_label('judgment_date')}: {shown(judged)}")
        if kept:
            row.remark("sentence", "chưa ghi bản án vì thiếu mức án; các thông tin bản án "
                                   "được giữ trong ghi chú")
        return None, "; ".join(kept)
    return JudgmentInput(court=texts["court"], judgment_number=texts["judgment_number"],
                         offences=texts["offences"], penal_articles=texts["penal_articles"],
                         judgment_date=judged, main_penalty=sentence.main_penalty,
                         prison_months=sentence.prison_months), ""


def _note(row: _Row, extra: str) -> str:
    columns = row.mapping.columns_of("note")
    parts = []
    for i in columns:
        text = text_of(row.cells[i]) if i < len(row.cells) else ""
        if text:
            label = row.header.columns[i].text
            parts.append(text if len(columns) == 1 else f"{label}: {text}")
    return "; ".join(p for p in [*parts, extra] if p)


def _draft(row: _Row, today: date, epoch: datetime) -> RowDraft:
    name = _name(row)
    gender, birth = _gender_and_birth(row, today, epoch)
    id_number = _id_number(row, gender, birth)
    texts = {f: row.read(f, text_of, "") for f in _PERSON_TEXTS}
    phone = row.noted("phone", parse_phone, "")
    release = row.noted("release_date", lambda v: parse_date(v, today, epoch), None)
    release_type = row.noted(
        "release_type", lambda v: parse_release_type(v, row.header_text("release_type")),
        "completed")
    received = row.noted("received_on", lambda v: parse_date(v, today, epoch), None)
    judgment, kept = _judgment(row, today, epoch)
    person = PersonInput(full_name=name, gender=gender, birth_date=birth, id_number=id_number,
                         phone=phone, release_date=release, release_type=release_type,
                         **texts)
    ok = not row.problems
    return RowDraft(row.number, row.cells, person if ok else None, judgment if ok else None,
                    received, _note(row, kept), tuple(row.problems), tuple(row.notes))


def _is_blank(cells: tuple[CellValue, ...], mapping: ColumnMapping) -> bool:
    return not any(shown(cells[i]) for i in mapping.mapped() if i < len(cells))


def build_drafts(sheet: Sheet, header: Header, mapping: ColumnMapping,
                 today: date) -> tuple[list[RowDraft], list[str]]:
    """The data rows below the header, blank rows left out; and file-level remarks."""
    drafts: list[RowDraft] = []
    remarks: list[str] = []
    for number in range(header.data_start, len(sheet.rows) + 1):
        cells = sheet.rows[number - 1]
        if _is_blank(cells, mapping):
            continue
        row = _Row(number, cells, header, mapping)
        if EXAMPLE_MARK in _note(row, ""):
            remarks.append(f"Bỏ qua dòng {number}: dòng ví dụ của tệp mẫu.")
            continue
        drafts.append(_draft(row, today, sheet.epoch))
    return drafts, remarks
