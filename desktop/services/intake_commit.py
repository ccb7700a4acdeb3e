"""Writing an analysed Excel intake: every accepted row in one transaction, or none.

Rows are created through the same functions as the reception screens
(`persons.create_person`, after `validate.row_values`), so an imported person gets the same
checks, the same audit entries and the same first history step; that step's note and an
extra audit entry name the source file, sheet and row. A row linked to an existing person
only fills that person's empty fields (and adds the judgment if they have none): linking
never overwrites what the office recorded.

Before writing, the rows to create are matched again against the database inside the
transaction: if someone recorded one of these people since the preview, nothing is written
and the officer is asked to analyse again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.intake.analysis import Decision, IntakeAnalysis, IntakeResult, IntakeRow
from desktop.intake.validate import RowValues, row_values
from desktop.models import Judgment, Person
from desktop.services import persons, records
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.intake_mappings import save_mapping
from desktop.services.person_input import judgment_before_release
from desktop.services.person_queries import live_judgment, match_people

IMPORT_ACTION = "import_excel"
ProgressCallback = Callable[[int, int, str], None]
# Fields a link may fill when the existing person's value is empty.
_FILLABLE = ("other_names", "ethnicity", "religion", "place_of_origin", "permanent_address",
             "current_address", "residential_area", "phone", "education", "occupation",
             "family_situation", "prison", "certificate_number")


@dataclass
class _Plan:
    create: list[IntakeRow] = field(default_factory=list)
    link: list[tuple[IntakeRow, str]] = field(default_factory=list)
    skip: list[int] = field(default_factory=list)


def _decide(row: IntakeRow, decision: object, plan: _Plan) -> None:
    # `object`: decisions come from the wizard's widgets; anything else is refused clearly.
    if decision == "skip":
        plan.skip.append(row.row_number)
        return
    if row.status == "rejected":
        raise ValidationError("decisions", f"Dòng {row.row_number} bị từ chối nên không nhập "
                                           "được: hãy sửa trong tệp rồi nhập lại.")
    if decision == "create":
        plan.create.append(row)
    elif (isinstance(decision, tuple) and len(decision) == 2 and decision[0] == "link"
          and isinstance(decision[1], str)):
        plan.link.append((row, decision[1]))
    else:
        raise ValidationError("decisions", f"Quyết định cho dòng {row.row_number} không hợp "
                                           f"lệ: {decision!r}.")


def _plan(analysis: IntakeAnalysis, decisions: Mapping[int, Decision]) -> _Plan:
    known = {r.row_number for r in analysis.rows}
    unknown = sorted(set(decisions) - known)
    if unknown:
        raise ValidationError("decisions", f"Bản xem trước không có dòng {unknown[0]}.")
    plan = _Plan()
    for row in analysis.rows:
        decision = decisions.get(row.row_number, row.default_decision)
        if row.status == "rejected" and decision == "skip":
            continue  # reported as rejected, not as skipped
        _decide(row, decision, plan)
    return plan


def _source(analysis: IntakeAnalysis, row: IntakeRow) -> str:
    return (f"tệp «{analysis.path.name}», trang «{analysis.sheet}», dòng {row.row_number} "
            f"(SHA-256 {analysis.file_sha256[:12]}…)")


def _still_as_previewed(session: Session, actor: Actor, rows: list[IntakeRow]) -> None:
    """Refuse when a row to create now matches someone recorded after the preview."""
    people = [r.person for r in rows if r.person is not None]
    for row, found in zip(rows, match_people(session, actor, people), strict=True):
        seen = {p.id for p in row.existing}
        new = [p for p in found if p.id not in seen]
        if new:
            raise ServiceError(
                f"Dòng {row.row_number}: trong lúc xem trước, hồ sơ {new[0].full_name} đã được "
                "ghi vào máy và có thể là cùng một người. Chưa nhập dòng nào: hãy xem trước "
                "lại tệp."
            )


def _values(row: IntakeRow, day: date) -> RowValues:
    if row.person is None:
        raise ValidationError("decisions", f"Dòng {row.row_number} không có dữ liệu để nhập.")
    return row_values(row.person, row.judgment, row.received_on, day)


def _history_note(analysis: IntakeAnalysis, row: IntakeRow) -> str:
    note = f"Nhập từ {_source(analysis, row)}."
    return f"{note} Ghi chú trong tệp: {row.note}" if row.note else note


def _create(session: Session, actor: Actor, analysis: IntakeAnalysis, row: IntakeRow,
            day: date) -> tuple[str, str]:
    """(person id, status) of the person the row creates."""
    v = _values(row, day)
    view = persons.create_person(session, actor, v.person, v.judgment, v.on_date,
                                 note=_history_note(analysis, row))
    write_audit(session, actor, IMPORT_ACTION, "persons", view.id,
                {"source": (None, _source(analysis, row))})
    return view.id, view.status


def _link(session: Session, actor: Actor, analysis: IntakeAnalysis, row: IntakeRow,
          person_id: str, day: date) -> str:
    """Fill the existing person's empty fields (and missing judgment) from the row."""
    v = _values(row, day)
    person = records.get_owned(session, Person, person_id, actor)
    fills = {f: v.person[f] for f in _FILLABLE if v.person[f] and not getattr(person, f)}
    records.update(session, actor, person, fills, action=IMPORT_ACTION)
    if v.judgment is not None and live_judgment(session, person.id) is None:
        judgment_before_release(v.judgment["judgment_date"], person.release_date)
        records.create(session, actor, Judgment, person_id=person.id, **v.judgment)
    write_audit(session, actor, IMPORT_ACTION, "persons", person.id,
                {"source": (None, _source(analysis, row))})
    return person.id


def _write(session: Session, actor: Actor, analysis: IntakeAnalysis, plan: _Plan, day: date,
           progress_cb: ProgressCallback | None) -> tuple[list[tuple[str, str]], list[str]]:
    created: list[tuple[str, str]] = []
    linked: list[str] = []
    total = len(plan.create) + len(plan.link)
    row = None

    def step(r: IntakeRow) -> None:
        # The callback may raise to cancel: the transaction is then rolled back whole.
        if progress_cb is not None:
            progress_cb(len(created) + len(linked), total, f"Dòng {r.row_number}")

    try:
        for row in plan.create:
            step(row)
            created.append(_create(session, actor, analysis, row, day))
        for row, person_id in plan.link:
            step(row)
            linked.append(_link(session, actor, analysis, row, person_id, day))
    except ServiceError as exc:
        where = f"Dòng {row.row_number}: " if row is not None else ""
        raise ServiceError(f"{where}{exc.message} Chưa nhập dòng nào.") from exc
    return created, linked


def commit(db: Database, actor: Actor, analysis: IntakeAnalysis,
           decisions: Mapping[int, Decision] | None = None, today: date | None = None,
           progress_cb: ProgressCallback | None = None) -> IntakeResult:
    """Import the accepted rows in one transaction: all of them, or none with the reason.

    `decisions` maps Excel row numbers to "create", "skip" or ("link", person_id); rows not
    named follow their default (new rows are created, the others skipped). `progress_cb`
    gets (done, total, text) before each row and may raise to cancel (nothing is written).
    """
    require(actor, Action.EDIT_RECORDS)
    day = today or analysis.today
    plan = _plan(analysis, decisions or {})
    with db.transaction() as session:
        _still_as_previewed(session, actor, plan.create)
        created, linked = _write(session, actor, analysis, plan, day, progress_cb)
        save_mapping(session, actor, analysis.header, analysis.mapping)
        write_audit(session, actor, IMPORT_ACTION, "intake", None, {
            "file": (None, analysis.path.name), "sheet": (None, analysis.sheet),
            "sha256": (None, analysis.file_sha256), "created": (None, len(created)),
            "linked": (None, len(linked)), "skipped": (None, len(plan.skip)),
        })
    statuses = [s for _, s in created]
    return IntakeResult(
        created=tuple(i for i, _ in created), expected=statuses.count("expected"),
        received=statuses.count("received"), linked=tuple(linked), skipped=tuple(plan.skip),
        rejected=tuple(r.row_number for r in analysis.of_status("rejected")),
    )
