"""Shared record mechanics for use cases: fetch owned rows, apply changes with version and audit."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desktop.models import RecordMixin, utcnow
from desktop.services.access import Actor
from desktop.services.audit import write_audit
from desktop.services.errors import NotFound

R = TypeVar("R", bound=RecordMixin)

ENTITY_LABELS = {
    "persons": "người", "judgments": "bản án", "team_members": "thành viên tổ giúp đỡ",
    "contacts": "lần gặp gỡ", "excused_weeks": "tuần được miễn", "evaluations": "đánh giá",
    "supports": "hỗ trợ", "violations": "vi phạm", "models": "mô hình", "users": "người dùng",
    "units": "đơn vị", "status_changes": "chuyển trạng thái", "reports": "báo cáo",
}


def entity_name(model: type[RecordMixin]) -> str:
    """The table name, used as the audit entity."""
    return str(model.__tablename__)  # type: ignore[attr-defined]


def get_owned(session: Session, model: type[R], record_id: str, actor: Actor) -> R:
    """A live record of the actor's own unit, or NotFound with a Vietnamese message.

    Records of other units (held by an aggregator) are never edited here: they change
    only through packages from their owner (HANDOFF.md §4 rule 6).
    """
    row = session.get(model, record_id)
    if row is None or row.deleted_at is not None or row.unit_code != actor.unit_code:
        label = ENTITY_LABELS.get(entity_name(model), entity_name(model))
        raise NotFound(f"Không tìm thấy {label} (mã {record_id}) trong đơn vị {actor.unit_code}.")
    return row


def create(session: Session, actor: Actor, model: type[R], **values: Any) -> R:
    """Insert a record of the actor's unit and audit every field it was created with."""
    now = utcnow()
    row = model(**values)
    row.unit_code, row.version, row.created_at, row.updated_at = actor.unit_code, 1, now, now
    session.add(row)
    session.flush()
    changes = {k: (None, v) for k, v in values.items() if v not in (None, "")}
    write_audit(session, actor, "create", entity_name(model), row.id, changes)
    return row


def update(session: Session, actor: Actor, row: R, values: dict[str, Any],
           action: str = "update") -> dict[str, tuple[Any, Any]]:
    """Set the fields that differ; bump version and audit when anything changed."""
    changes: dict[str, tuple[Any, Any]] = {}
    for key, new in values.items():
        old = getattr(row, key)
        if old != new:
            changes[key] = (old, new)
            setattr(row, key, new)
    if changes:
        row.version += 1
        row.updated_at = utcnow()
        session.flush()
        write_audit(session, actor, action, entity_name(type(row)), row.id, changes)
    return changes


def soft_delete(session: Session, actor: Actor, row: RecordMixin, reason: str = "") -> None:
    """Mark a record deleted (it stays in the database and in the audit trail)."""
    now = utcnow()
    row.deleted_at = now
    row.version += 1
    row.updated_at = now
    session.flush()
    write_audit(session, actor, "delete", entity_name(type(row)), row.id,
                {"deleted_at": (None, now), "reason": (None, reason)})
