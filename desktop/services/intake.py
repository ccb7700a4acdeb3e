"""Excel intake: preview an office's list of people, then import it all-or-nothing (SPEC §8).

`analyse` reads the file and writes nothing: per row a `PersonInput`/`JudgmentInput`,
checked by the person services' own validation, and matched against the people already
recorded (one set-based query for the whole file) and against the file's earlier rows.
Each row is new, a duplicate (with its candidates) or rejected (with its problems).

`commit` (in `intake_commit`, re-exported here) writes the rows the officer accepted in one
transaction. Re-importing a file creates nothing new: its people are found as duplicates.
The column mapping used is remembered per header layout (`Setting` key
"intake_mapping:<sha1>") and proposed again for the next file with the same headers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.formatting import format_datetime
from desktop.intake.analysis import (
    Decision,
    IntakeAnalysis,
    IntakeResult,
    IntakeRow,
    RowStatus,
)
from desktop.intake.drafts import RowDraft, build_drafts
from desktop.intake.header import Header, best_score, detect_header
from desktop.intake.mapping import TARGETS, ColumnMapping, auto_map, target_label
from desktop.intake.parsing import RowProblem
from desktop.intake.validate import check_drafts, identities, repeats_in_file
from desktop.intake.workbook import IntakeFileError, Sheet, Workbook, read_workbook, shown
from desktop.models import AuditEntry, Person
from desktop.services.access import Action, Actor, require
from desktop.services.intake_commit import IMPORT_ACTION, commit
from desktop.services.intake_mappings import (
    check_width,
    remember_mapping,
    remembered_mapping,
    stored_mapping,
)
from desktop.services.person_queries import match_people
from desktop.services.person_views import PersonRow

__all__ = [
    "REQUIRED", "TARGETS", "ColumnMapping", "Decision", "IntakeAnalysis", "IntakeFileError",
    "IntakeResult", "IntakeRow", "SheetColumns", "SheetPreview", "analyse",
    "candidate_origins", "commit", "default_decisions", "preview_sheet",
    "rejected_rows_xlsx", "remember_mapping", "remembered_mapping", "sheet_columns",
    "target_label", "template_xlsx",
]

REQUIRED = ("full_name", "gender", "birth_date", "release_date")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _choose_sheet(book: Workbook, sheet: str | None) -> Sheet:
    """The named sheet, else the one whose header names the most known fields."""
    if sheet is not None:
        return book.sheet(sheet)
    return max(book.sheets, key=lambda s: (best_score(s), -book.sheets.index(s)))


@dataclass(frozen=True)
class SheetPreview:
    """The top of a sheet as shown, for the wizard's "which sheet, which header row" step."""

    sheet_names: tuple[str, ...]
    sheet: str
    rows: tuple[tuple[str, ...], ...]  # rows 1… as Excel shows them
    header_row: int | None  # the detected header row (None: not found)


def preview_sheet(path: Path | str, sheet: str | None = None, limit: int = 30) -> SheetPreview:
    """The first `limit` rows of the sheet (the likeliest one unless named); reads only."""
    book = read_workbook(path)
    chosen = _choose_sheet(book, sheet)
    header = detect_header(chosen)
    rows = tuple(tuple(shown(v) for v in r) for r in chosen.rows[:limit])
    return SheetPreview(book.sheet_names, chosen.name, rows,
                        None if header is None else header.row)


def _header(sheet: Sheet, header_row: int | None) -> Header:
    header = detect_header(sheet, header_row)
    if header is None:
        raise IntakeFileError(
            f"Không tìm thấy dòng tiêu đề trong 20 dòng đầu của trang «{sheet.name}» (cần các "
            "cột như «Họ và tên», «Ngày sinh», «Giới tính», «Ngày ra trại»). Hãy chọn dòng "
            "tiêu đề, hoặc dùng tệp mẫu của HoaNhap."
        )
    return header


@dataclass(frozen=True)
class SheetColumns:
    """The columns of the chosen header row and the mapping proposed for them."""

    header: Header
    mapping: ColumnMapping
    remembered: bool  # the mapping chosen for these headers last time (else guessed)


def sheet_columns(db: Database, path: Path | str, sheet: str | None = None,
                  header_row: int | None = None) -> SheetColumns:
    """The header of the sheet (row `header_row` unless detected) and the mapping the
    wizard proposes: the one remembered for these headers, else guessed; reads only."""
    chosen = _choose_sheet(read_workbook(path), sheet)
    header = _header(chosen, header_row)
    with db.reading() as session:
        remembered = stored_mapping(session, header)
    return SheetColumns(header, remembered or auto_map(header.labels), remembered is not None)


def candidate_origins(db: Database, actor: Actor, analysis: IntakeAnalysis) -> dict[str, str]:
    """The place of origin of every person a row may duplicate, by person id (the wizard
    shows it beside the name, birth and ID number so the officer can tell people apart)."""
    require(actor, Action.READ)
    ids = sorted({p.id for r in analysis.rows for p in r.existing})
    found: dict[str, str] = {}
    with db.reading() as session:
        for start in range(0, len(ids), 400):  # well under SQLite's bound-parameter limit
            rows = session.execute(
                select(Person.id, Person.place_of_origin)
                .where(Person.unit_code == actor.unit_code,
                       Person.id.in_(ids[start:start + 400])))
            found.update((row.id, row.place_of_origin) for row in rows)
    return found


def _previous_import(session: Session, actor: Actor, sha256: str) -> str | None:
    """When and by whom this very file was imported before, if it was."""
    entry = session.execute(
        select(AuditEntry.at, AuditEntry.actor)
        .where(AuditEntry.unit_code == actor.unit_code, AuditEntry.action == IMPORT_ACTION,
               AuditEntry.entity == "intake", AuditEntry.changes.contains(sha256))
        .order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    if entry is None:
        return None
    at: datetime = entry[0]
    return (f"Tệp này đã được nhập lúc {format_datetime(at)} (tài khoản {entry[1]}); "
            "những người đã nhập sẽ hiện là trùng.")


def _remarks(mapping: ColumnMapping, previous: str | None) -> list[str]:
    remarks = [f"Không có cột nào ghép với «{target_label(f)}»: các dòng sẽ bị từ chối nếu "
               "thiếu thông tin này." for f in mapping.missing(REQUIRED)]
    return [*remarks, previous] if previous else remarks


def _row(draft: RowDraft, problems: tuple[RowProblem, ...], existing: list[PersonRow],
         same_rows: tuple[int, ...]) -> IntakeRow:
    status: RowStatus = ("rejected" if problems else
                         "duplicate" if existing or same_rows else "new")
    return IntakeRow(
        row_number=draft.row_number, cells=draft.cells, status=status,
        person=draft.person, judgment=draft.judgment, received_on=draft.received_on,
        note=draft.note, problems=problems, notes=draft.notes, existing=tuple(existing),
        same_as_rows=same_rows,
    )


def _rows(session: Session, actor: Actor, drafts: Sequence[RowDraft],
          problems: Sequence[tuple[RowProblem, ...]]) -> tuple[IntakeRow, ...]:
    readable = [d for d, p in zip(drafts, problems, strict=True) if not p]
    matches = match_people(session, actor, [d.person for d in readable if d.person])
    existing = {d.row_number: m for d, m in zip(readable, matches, strict=True)}
    repeats = repeats_in_file(identities(readable))
    return tuple(_row(d, p, existing.get(d.row_number, []), repeats.get(d.row_number, ()))
                 for d, p in zip(drafts, problems, strict=True))


def analyse(db: Database, actor: Actor, path: Path | str, sheet: str | None = None,
            header_row: int | None = None, mapping: ColumnMapping | None = None,
            today: date | None = None) -> IntakeAnalysis:
    """Preview the import of one sheet; writes nothing.

    `sheet`, `header_row` and `mapping` override what is detected (the sheet whose header
    names most fields, the header row among the first 20, the mapping remembered for the
    same headers or else guessed from them).
    """
    require(actor, Action.EDIT_RECORDS)
    day = today or date.today()
    path = Path(path)
    book = read_workbook(path)
    chosen = _choose_sheet(book, sheet)
    header = _header(chosen, header_row)
    if mapping is not None:
        check_width(header, mapping)
    sha256 = _sha256(path)
    with db.reading() as session:
        remembered = None if mapping is not None else stored_mapping(session, header)
        used = mapping or remembered or auto_map(header.labels)
        drafts, file_remarks = build_drafts(chosen, header, used, day)
        rows = _rows(session, actor, drafts, check_drafts(drafts, header, used, day))
        previous = _previous_import(session, actor, sha256)
    return IntakeAnalysis(
        path=path, file_sha256=sha256, sheet=chosen.name, sheet_names=book.sheet_names,
        header=header, mapping=used, mapping_remembered=remembered is not None, rows=rows,
        remarks=(*_remarks(used, previous), *file_remarks), today=day,
    )


def default_decisions(analysis: IntakeAnalysis) -> dict[int, Decision]:
    """Create the new rows, skip the rest: what the command line does."""
    return {r.row_number: r.default_decision for r in analysis.rows}


def template_xlsx() -> bytes:
    """The blank intake template, as an .xlsx file's bytes."""
    # openpyxl takes half a second to import: it loads here, not with the people screen.
    from desktop.intake.output import template_xlsx as build

    return build()


def rejected_rows_xlsx(analysis: IntakeAnalysis) -> bytes:
    """The rows an import left out, with the reason for each, as an .xlsx file's bytes."""
    from desktop.intake.output import rejected_rows_xlsx as build

    return build(analysis)
