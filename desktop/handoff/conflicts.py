"""The conflict log: listing the records an import could not apply, and resolving them.

Resolving keeps one version live; the other stays in the log (nothing is deleted).
Version numbers after a resolution:
- our own records get a version above both, so our choice travels in the next package
  and wins at the other side instead of conflicting again;
- records of another unit keep the owner's numbering (the incoming version when it is
  taken, the local one otherwise): the owner's next edit must still win here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.handoff.merge import check_references, load_local, write_plan
from desktop.handoff.preview import TablePlan, Values
from desktop.handoff.records import MODELS, comparable, line_of, parse_line, table_of
from desktop.models import Conflict, Unit, utcnow
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import NotFound, ServiceError, ValidationError

Keep = Literal["local", "incoming"]


@dataclass(frozen=True)
class ConflictView:
    """One logged conflict, detached from the database (the GUI shows both sides)."""

    id: str
    table_name: str
    record_id: str
    unit_code: str
    package_id: str
    reason: str
    detected_at: datetime
    local: dict[str, Any] | None
    incoming: dict[str, Any]
    local_version: int
    incoming_version: int
    resolved_at: datetime | None
    resolved_by: str | None
    resolution: str | None


def view(row: Conflict) -> ConflictView:
    """The plain view of a conflict row."""
    return ConflictView(
        id=row.id, table_name=row.table_name, record_id=row.record_id,
        unit_code=row.unit_code, package_id=row.package_id, reason=row.reason,
        detected_at=row.detected_at, local=json.loads(row.local_json),
        incoming=json.loads(row.incoming_json), local_version=row.local_version,
        incoming_version=row.incoming_version, resolved_at=row.resolved_at,
        resolved_by=row.resolved_by, resolution=row.resolution,
    )


def list_conflicts(db: Database, actor: Actor, *, include_resolved: bool = False
                   ) -> list[ConflictView]:
    """Conflicts, oldest first; resolved ones only when asked."""
    require(actor, Action.EXCHANGE)
    with db.reading() as session:
        stmt = select(Conflict).order_by(Conflict.detected_at, Conflict.id)
        if not include_resolved:
            stmt = stmt.where(Conflict.resolved_at.is_(None))
        return [view(c) for c in session.scalars(stmt)]


def _home(session: Session) -> str | None:
    return session.scalar(select(Unit.code).where(Unit.is_home.is_(True)))


def _take_incoming(session: Session, c: Conflict, live: Values | None, home: str | None) -> int:
    table = c.table_name
    recorded = json.loads(c.local_json)
    now_live = None if live is None else comparable(table, line_of(table, live))
    if now_live != (None if recorded is None else comparable(table, recorded)):
        raise ServiceError("Bản ghi đã thay đổi sau khi phát hiện xung đột này; chỉ có thể "
                           "giữ bản hiện tại. Xung đột mới (nếu có) nằm trong danh sách.")
    incoming = parse_line(table, json.loads(c.incoming_json), 1)
    ours = home is not None and home in (incoming["unit_code"], (live or {}).get("unit_code"))
    if ours:
        incoming["version"] = max(c.local_version, c.incoming_version) + 1
        incoming["updated_at"] = utcnow()
    plan = TablePlan(table)
    if live is None:
        plan.inserts.append(incoming)
    else:
        if table == "units":
            incoming["is_home"] = live["is_home"]
        plan.updates.append(incoming)
    check_references(session, [plan], c.unit_code)
    write_plan(session, plan)
    return int(incoming["version"])


def _keep_local(session: Session, c: Conflict, live: Values | None, home: str | None) -> int:
    if live is None:
        return 0
    version = int(live["version"])
    if live["unit_code"] == home:
        t = table_of(c.table_name)
        version = max(version, c.incoming_version) + 1
        session.execute(update(t).where(t.c.id == c.record_id)
                        .values(version=version, updated_at=utcnow()))
    return version


def resolve_conflict(db: Database, actor: Actor, conflict_id: str, keep: Keep) -> ConflictView:
    """Keep the local or the incoming version of a conflicting record (audited)."""
    require(actor, Action.EXCHANGE)
    if keep not in ("local", "incoming"):
        raise ValidationError("keep", "Hãy chọn giữ bản ở máy này hoặc bản trong gói.")
    with db.transaction() as session:
        c = session.get(Conflict, conflict_id)
        if c is None or c.table_name not in MODELS:
            raise NotFound(f"Không tìm thấy xung đột mã {conflict_id}.")
        if c.resolved_at is not None:
            raise ServiceError(f"Xung đột này đã được {c.resolved_by} giải quyết.")
        live = load_local(session, c.table_name, [c.record_id]).get(c.record_id)
        home = _home(session)
        before = None if live is None else live["version"]
        if keep == "incoming":
            after = _take_incoming(session, c, live, home)
        else:
            after = _keep_local(session, c, live, home)
        c.resolved_at, c.resolved_by, c.resolution = utcnow(), actor.username, keep
        session.flush()
        write_audit(session, actor, "resolve_conflict", c.table_name, c.record_id,
                    {"resolution": (None, keep), "conflict_id": (None, c.id),
                     "version": (before, after)})
        return view(c)
