"""Merging two records of one person (recorded twice: imported from a list and typed in).

The officer keeps one record and chooses, field by field, whose value it ends with
(`merge_preview` lists the fields, both values and a sensible default). Then, in one
transaction: the kept record takes the chosen values (checked by the same validation as
any edit), every child record of the dropped person moves to the kept one, and the dropped
person is soft-deleted.

Nothing is lost. Rows are moved, never deleted: where the kept person can hold only one
(one judgment in force, one evaluation per quarter, one excused entry per week) the kept
person's row stays in force and the other is soft-deleted but preserved. The merge's
audit entry holds a JSON snapshot of the dropped person's full record and judgments, and
which rows moved (entity "person_merges", entity id the kept person); every moved row
has its own audit entry (person_id old → new).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.formatting import format_date
from desktop.models import (
    CommunityModel,
    ContactLog,
    Evaluation,
    ExcusedWeek,
    Judgment,
    Person,
    RecordMixin,
    StatusChange,
    Support,
    TeamMember,
    Violation,
)
from desktop.services import locking, records
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import ValidationError
from desktop.services.labels import PENALTY_LABELS, STATUS_LABELS
from desktop.services.person_input import (
    PersonInput,
    check_unique_id,
    judgment_before_release,
    validate_person,
)
from desktop.services.person_queries import live_judgment
from desktop.services.person_views import PersonView, person_view
from desktop.services.persons import release_fits_case
from desktop.services.team import clear_responsible
from desktop.services.validation import field_label

Choice = Literal["keep", "drop"]
MERGE_ENTITY = "person_merges"  # audit entity of the merge record (entity_id: kept person)

# The profile: exactly the fields of PersonInput, so the merged profile is validated whole.
PROFILE_FIELDS = (
    "full_name", "other_names", "gender", "birth_date", "id_number", "ethnicity", "religion",
    "place_of_origin", "permanent_address", "current_address", "residential_area", "phone",
    "education", "occupation", "family_situation", "release_date", "release_type", "prison",
    "certificate_number",
)
# The case lifecycle moves as one block: its dates only make sense together.
CASE_FIELDS = (
    "status", "notice_received_on", "expected_on", "received_on", "managed_on", "absent_on",
    "ended_on", "end_reason", "team_decision_number", "team_decision_date",
)
CHOICE_KEYS = (*PROFILE_FIELDS, "photo", "case", "judgment")
_LABELS = {"photo": "Ảnh", "case": "Trạng thái hồ sơ và các ngày", "judgment": "Bản án"}
# Each date of the case named, so two case histories can be told apart at a glance.
_CASE_DATE_WORDS = {
    "notice_received_on": "nhận thông báo", "expected_on": "dự kiến về",
    "received_on": "tiếp nhận", "managed_on": "quản lý từ", "absent_on": "vắng mặt từ",
    "ended_on": "chấm dứt",
}

_MOVED: tuple[type[RecordMixin], ...] = (
    Judgment, StatusChange, TeamMember, ContactLog, Support, Violation, CommunityModel,
)
_ONE_PER: tuple[tuple[type[RecordMixin], str], ...] = ((Evaluation, "quarter"),
                                                       (ExcusedWeek, "week"))
_OWN_COLUMNS = frozenset({"id", "unit_code", "version", "created_at", "updated_at",
                          "deleted_at", "person_id"})


@dataclass(frozen=True)
class MergeField:
    """One choice of the merge dialog: both values as shown and the proposed choice."""

    key: str
    label: str
    keep: str
    drop: str
    default: Choice

    @property
    def differs(self) -> bool:
        """Whether the two records disagree (the dialog asks only about these)."""
        return self.keep != self.drop


def _json(value: Any) -> Any:
    """A column value as JSON: dates ISO, bytes by size and SHA-256 (the row keeps them)."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"bytes": len(value), "sha256": hashlib.sha256(value).hexdigest()}
    return value


def _record(row: RecordMixin) -> dict[str, Any]:
    return {c.key: _json(getattr(row, c.key)) for c in inspect(row).mapper.column_attrs}


def _shown(person: Person, judgment: Judgment | None, key: str) -> str:
    if key == "photo":
        return "có ảnh" if person.photo else ""
    if key == "judgment":
        if judgment is None:
            return ""
        months = f" {judgment.prison_months} tháng" if judgment.prison_months else ""
        penalty = PENALTY_LABELS.get(judgment.main_penalty, judgment.main_penalty) + months
        return " – ".join(p for p in (judgment.judgment_number, judgment.offences, penalty) if p)
    if key == "case":
        dates = [f"{word} {format_date(getattr(person, f))}"
                 for f, word in _CASE_DATE_WORDS.items() if getattr(person, f)]
        return " · ".join([STATUS_LABELS.get(person.status, person.status), *dates])
    value = getattr(person, key)
    return format_date(value) if isinstance(value, date) else str(value or "")


def _fields(keep: Person, drop: Person, judgments: Mapping[str, Judgment | None]) -> list[
        MergeField]:
    fields = []
    for key in CHOICE_KEYS:
        kept = _shown(keep, judgments[keep.id], key)
        dropped = _shown(drop, judgments[drop.id], key)
        # The kept record wins, except where it is empty and the other is not.
        default: Choice = "drop" if key != "case" and not kept and dropped else "keep"
        label = _LABELS.get(key) or field_label(key)
        fields.append(MergeField(key, label, kept, dropped, default))
    return fields


def _pair(session: Session, actor: Actor, keep_id: str,
          drop_id: str) -> tuple[Person, Person, dict[str, Judgment | None]]:
    if keep_id == drop_id:
        raise ValidationError("drop_id", "Hai hồ sơ cần gộp phải là hai hồ sơ khác nhau.")
    keep = records.get_owned(session, Person, keep_id, actor)
    drop = records.get_owned(session, Person, drop_id, actor)
    return keep, drop, {p.id: live_judgment(session, p.id) for p in (keep, drop)}


def merge_preview(db: Database, actor: Actor, keep_id: str,
                  drop_id: str) -> tuple[MergeField, ...]:
    """The fields of the two records side by side, with the proposed choice for each."""
    require(actor, Action.READ)
    with db.reading() as session:
        return tuple(_fields(*_pair(session, actor, keep_id, drop_id)))


def records_to_move(db: Database, actor: Actor, person_id: str) -> dict[str, int]:
    """How many live records of each kind (by table name: "contacts", "evaluations"…) the
    person has, all of which a merge moves to the kept record (the dialog shows them)."""
    require(actor, Action.READ)
    counts: dict[str, int] = {}
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        for model in (*_MOVED, *(m for m, _ in _ONE_PER)):
            query = select(func.count()).select_from(model).where(
                model.person_id == person.id,  # type: ignore[attr-defined]
                model.deleted_at.is_(None))
            found: int | None = session.scalar(query)
            counts[records.entity_name(model)] = found or 0
    return counts


def _choices(fields: list[MergeField], choices: Mapping[str, str]) -> dict[str, Choice]:
    unknown = sorted(set(choices) - set(CHOICE_KEYS))
    if unknown:
        raise ValidationError("choices", f"Không có trường «{unknown[0]}» để chọn khi gộp.")
    picked: dict[str, Choice] = {}
    for f in fields:
        choice = choices.get(f.key, f.default)
        if choice not in ("keep", "drop"):
            raise ValidationError("choices", f"Lựa chọn cho «{f.label}» phải là giữ hoặc lấy "
                                             f"từ hồ sơ kia (đã cho {choice!r}).")
        picked[f.key] = "keep" if choice == "keep" else "drop"
    return picked


def _apply_profile(session: Session, actor: Actor, keep: Person, drop: Person,
                   picked: Mapping[str, Choice], day: date) -> None:
    """Give the kept record the chosen values, validated as any profile edit is."""
    source = {f: getattr(drop if picked[f] == "drop" else keep, f) for f in PROFILE_FIELDS}
    typed = {f: ("" if v is None else v) for f, v in source.items() if f != "release_date"}
    values = validate_person(PersonInput(**typed, release_date=source["release_date"]), day)
    if picked["photo"] == "drop":
        values["photo"] = drop.photo
    if picked["case"] == "drop":
        values.update({f: getattr(drop, f) for f in CASE_FIELDS})
    check_unique_id(session, actor, values["id_number"], exclude_id=keep.id)
    records.update(session, actor, keep, values, action="merge")
    release_fits_case(keep, values["release_date"], day)


def _move(session: Session, actor: Actor, model: type[RecordMixin], keep: Person,
          drop: Person) -> list[str]:
    rows = session.scalars(select(model).where(model.person_id == drop.id)  # type: ignore[attr-defined]
                           .order_by(model.created_at)).all()
    for row in rows:
        records.update(session, actor, row, {"person_id": keep.id}, action="merge")
    return [row.id for row in rows]


def _move_one_per(session: Session, actor: Actor, model: type[RecordMixin], key: str,
                  keep: Person, drop: Person) -> tuple[list[str], list[str]]:
    """Move rows the kept person may hold one of per `key`; (moved, kept apart) ids.

    On a clash the kept person's row stays in force and the dropped person's row is
    soft-deleted where it is (the unique key forbids two rows, even deleted ones). If the
    kept person's row was deleted and the other is live, the live content takes its place.
    """
    person_id = model.person_id  # type: ignore[attr-defined]
    kept = {getattr(r, key): r for r in session.scalars(select(model).where(
        person_id == keep.id))}
    moved, apart = [], []
    for row in session.scalars(select(model).where(person_id == drop.id)).all():
        other = kept.get(getattr(row, key))
        if other is None:
            records.update(session, actor, row, {"person_id": keep.id}, action="merge")
            moved.append(row.id)
            continue
        if other.deleted_at is not None and row.deleted_at is None:
            content = {k: v for k, v in _record(row).items() if k not in _OWN_COLUMNS}
            records.update(session, actor, other, {**{k: getattr(row, k) for k in content},
                                                   "deleted_at": None}, action="merge")
        if row.deleted_at is None:
            records.soft_delete(session, actor, row, f"Trùng {key} khi gộp vào hồ sơ {keep.id}.")
        apart.append(row.id)
    return moved, apart


def _move_children(session: Session, actor: Actor, keep: Person, drop: Person,
                   judgments: Mapping[str, Judgment | None],
                   picked: Mapping[str, Choice]) -> dict[str, Any]:
    responsible = session.scalar(select(TeamMember.id).where(
        TeamMember.person_id == keep.id, TeamMember.deleted_at.is_(None),
        TeamMember.to_date.is_(None), TeamMember.responsible.is_(True)).limit(1))
    moved: dict[str, Any] = {records.entity_name(m): _move(session, actor, m, keep, drop)
                             for m in _MOVED}
    loser = judgments[keep.id if picked["judgment"] == "drop" else drop.id]
    if loser is not None:
        winner = judgments[drop.id if picked["judgment"] == "drop" else keep.id]
        if winner is not None:
            judgment_before_release(winner.judgment_date, keep.release_date)
        records.soft_delete(session, actor, loser, "Bản án không được chọn khi gộp hồ sơ.")
    for model, key in _ONE_PER:
        name = records.entity_name(model)
        moved[name], moved[f"{name}_kept_apart"] = _move_one_per(session, actor, model, key,
                                                                  keep, drop)
    if responsible is not None:
        # One directly responsible member: the kept person's stays responsible.
        clear_responsible(session, actor, keep.id, keep_id=responsible)
    return moved


def merge_people(db: Database, actor: Actor, keep_id: str, drop_id: str,
                 choices: Mapping[str, str] | None = None, today: date | None = None,
                 adjustment_reason: str | None = None) -> PersonView:
    """Merge the person `drop_id` into `keep_id`; `choices` maps a key of `CHOICE_KEYS` to
    "keep" or "drop" (keys left out take `merge_preview`'s default).

    A dropped person counted in a signed report's period needs `adjustment_reason`.
    """
    require(actor, Action.EDIT_RECORDS)
    day = today or date.today()
    with db.transaction() as session:
        keep, drop, judgments = _pair(session, actor, keep_id, drop_id)
        picked = _choices(_fields(keep, drop, judgments), choices or {})
        lock = locking.guard(session, actor, adjustment_reason,
                             ("received_on", drop.received_on), ("ended_on", drop.ended_on))
        snapshot = {"person": _record(drop),
                    "judgments": [_record(j) for j in session.scalars(
                        select(Judgment).where(Judgment.person_id == drop.id))]}
        records.soft_delete(session, actor, drop,
                            f"Gộp vào hồ sơ {keep.full_name} (mã {keep.id}).")
        _apply_profile(session, actor, keep, drop, picked, day)
        moved = _move_children(session, actor, keep, drop, judgments, picked)
        # Its own entity: the person's timeline renders "persons" entries field by field.
        write_audit(session, actor, "merge", MERGE_ENTITY, keep.id, {
            "merged_from": (None, drop.id), "dropped_record": (None, snapshot),
            "choices": (None, picked), "moved": (None, moved),
        })
        lock.record(session, actor, drop, "merge")
        return person_view(keep)
