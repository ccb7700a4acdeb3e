"""Import rules 5–8 of HANDOFF.md §4: plan the upsert, preview it, apply it in one transaction.

Per record (matched by `id`; a unit's own row also by its code):

- Only the owner writes: a line is applied only when its `unit_code` is the sending unit
  and the local copy (if any) belongs to that unit too. Anything else that differs from
  the local row is a conflict with reason "not the owner" — kept, never applied.
- A higher `version` wins. For the records we own ourselves (they come back only in a
  package of our own unit: a copy of this database restored elsewhere, or an old package
  of ours), a local version above the one in our latest sent package means the record
  was edited here since that exchange: a conflict, not an overwrite. Records of other
  units are never edited here (services refuse), so their local version is the one last
  received.
- An equal version with different content is a conflict.
- A lower version is an older copy and changes nothing — unless it was edited after our
  copy (`updated_at` is later), which happens when the owner restored a backup and edited
  again: a conflict, so that edit is not lost.

Conflicts keep both JSON lines in `conflicts`; the local record stays live until a
person resolves it (`desktop.handoff.conflicts`). Known limit: without a per-record
history in the format, an owner who restores an old backup and then edits a record more
times than were lost overtakes the copy elsewhere, which then looks like a normal update.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.handoff import receipts, transfer
from desktop.handoff.bulk import INSERTS, parse_lines
from desktop.handoff.container import OpenedPackage
from desktop.handoff.manifest import PackageRejected
from desktop.handoff.preview import (
    ConflictDraft,
    ImportPreview,
    ImportResult,
    TablePlan,
    Values,
    already_message,
    applied_message,
)
from desktop.handoff.records import (
    MODELS,
    TABLES,
    Versions,
    comparable,
    line_of,
    table_of,
)
from desktop.handoff.warnings import package_warnings
from desktop.models import Conflict, ImportedPackage, SentPackage, Unit, utcnow
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit

CHUNK = 500  # ids per IN (…): far below SQLite's bound-parameter limit
MERGED = tuple(t for t in TABLES if t != "audit")
# child table → (column, parent table): checked before writing so a gap gives a clear
# message instead of a foreign-key error.
REFERENCES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("judgments", "status_changes", "team_members", "contacts",
                     "excused_weeks", "evaluations", "supports", "violations", "models"),
                    ("person_id", "persons")),
    "adjustments": ("report_id", "reports"),
}
PARENT_LABELS = {"persons": "hồ sơ người", "reports": "báo cáo"}


@dataclass(frozen=True)
class _Context:
    sender: str
    home: str | None
    base: Versions  # our latest sent versions; used only for our own records


def _not_owner(owner: str, sender: str) -> str:
    return (f"Bản ghi thuộc đơn vị {owner}; gói của đơn vị {sender} không được ghi đè "
            "bản ghi của đơn vị khác.")


def _draft(table: str, incoming: Values, local: Values | None, reason: str) -> ConflictDraft:
    return ConflictDraft(
        table=table, record_id=incoming["id"],
        unit_code=str((local or incoming)["unit_code"]),
        local_line=None if local is None else line_of(table, local),
        incoming_line=line_of(table, incoming), reason=reason,
        local_version=0 if local is None else int(local["version"]),
        incoming_version=int(incoming["version"]),
    )


def _classify(plan: TablePlan, incoming: Values, local: Values | None, ctx: _Context) -> None:
    """Put one incoming record into `plan` following the rules in the module docstring."""
    table = plan.table
    owner = incoming["unit_code"]
    if local is None:
        if owner == ctx.sender:
            plan.inserts.append(incoming)
        else:
            plan.conflicts.append(_draft(table, incoming, None, _not_owner(owner, ctx.sender)))
        return
    if comparable(table, line_of(table, incoming)) == comparable(table, line_of(table, local)):
        plan.unchanged += 1
        return
    if owner != ctx.sender or local["unit_code"] != ctx.sender:
        reason = _not_owner(local["unit_code"], ctx.sender)
        plan.conflicts.append(_draft(table, incoming, local, reason))
        return
    vi, vl = int(incoming["version"]), int(local["version"])
    if vi > vl:
        base = ctx.base.get(table, {}).get(incoming["id"])
        if local["unit_code"] == ctx.home and base is not None and vl > base:
            reason = (f"Bản ghi đã được sửa ở máy này (phiên bản {vl}) và ở nơi gửi (phiên "
                      f"bản {vi}) kể từ lần trao đổi trước.")
            plan.conflicts.append(_draft(table, incoming, local, reason))
            return
        plan.updates.append(_keep_local_state(table, incoming, local))
    elif vi == vl:
        reason = f"Cùng phiên bản {vi} nhưng nội dung khác nhau."
        plan.conflicts.append(_draft(table, incoming, local, reason))
    elif incoming["updated_at"] > local["updated_at"]:
        reason = (f"Gói mang phiên bản cũ hơn ({vi} < {vl}) nhưng được sửa sau bản ở máy "
                  "này; có thể đơn vị gửi đã khôi phục bản sao lưu rồi sửa tiếp.")
        plan.conflicts.append(_draft(table, incoming, local, reason))
    else:
        plan.older += 1


def _keep_local_state(table: str, incoming: Values, local: Values) -> Values:
    # Which unit is home is this installation's fact, never the sender's.
    return {**incoming, "is_home": local["is_home"]} if table == "units" else incoming


def chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    """`items` in slices of CHUNK, for IN (…) lists."""
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def load_local(session: Session, table: str, ids: Sequence[str]) -> dict[str, Values]:
    """The local rows with these ids (photos left out), in a few bulk SELECTs.

    Which ids exist is asked first with plain SQL: a first import finds none of its
    hundreds of thousands of ids, and then no typed SELECT runs at all."""
    present = existing_ids(session, table, ids)
    if not present:
        return {}
    t = table_of(table)
    columns = [c for c in t.columns if c.name != "photo"]
    found: dict[str, Values] = {}
    for part in chunks(sorted(present)):
        for row in session.execute(select(*columns).where(t.c.id.in_(part))).mappings():
            found[row["id"]] = dict(row)
    return found


def existing_ids(session: Session, table: str, ids: Sequence[str]) -> set[str]:
    """Which of `ids` exist in `table` (deleted or not)."""
    name = table_of(table).name  # one of MODELS' tables: safe to write into the SQL
    conn = session.connection()
    found: set[str] = set()
    for part in chunks(ids):
        marks = ", ".join("?" * len(part))
        rows = conn.exec_driver_sql(f"SELECT id FROM {name} WHERE id IN ({marks})",
                                    tuple(part))
        found.update(str(row[0]) for row in rows)
    return found


def _adopt_local_unit_ids(session: Session, incoming: list[Values]) -> None:
    # A unit may already be known here under another id (typed in by hand): match it by
    # its code, which is unique, so the package updates that row instead of clashing.
    codes = [str(v["code"]) for v in incoming]
    local = dict(session.execute(select(Unit.code, Unit.id).where(Unit.code.in_(codes))).all())
    for values in incoming:
        values["id"] = local.get(values["code"], values["id"])


def parsed_lines(opened: OpenedPackage, table: str) -> list[Values]:
    """The column values of a table's lines, read once per package (preview and import
    both plan the merge). The values are shared: callers must not change them."""
    if table not in opened.parsed:
        opened.parsed[table] = parse_lines(table, opened.tables.get(table, []))
    return opened.parsed[table]


def latest_sent_versions(session: Session) -> Versions:
    """The versions our latest package carried (every package holds the full map)."""
    raw = session.scalar(select(SentPackage.versions_json)
                         .where(SentPackage.kind.in_(("full", "changes")))
                         .order_by(SentPackage.created_at.desc()).limit(1))
    return {} if raw is None else dict(json.loads(raw))


def _plan_merge(session: Session, opened: OpenedPackage, home: str | None) -> list[TablePlan]:
    sender = opened.manifest.unit.code
    ctx = _Context(sender, home, latest_sent_versions(session) if sender == home else {})
    plans = []
    for table in MERGED:
        incoming = parsed_lines(opened, table)
        if table == "units":  # adopting local ids changes them: work on copies
            incoming = [dict(values) for values in incoming]
            _adopt_local_unit_ids(session, incoming)
        local = load_local(session, table, [v["id"] for v in incoming])
        plan = TablePlan(table)
        for values in incoming:
            _classify(plan, values, local.get(values["id"]), ctx)
        plans.append(plan)
    audit_lines = parsed_lines(opened, "audit")
    plans.append(TablePlan("audit", skipped=len(audit_lines)))
    check_references(session, plans, sender)
    return plans


def check_references(session: Session, plans: Sequence[TablePlan], sender: str) -> None:
    """Refuse the package if a record it writes points at a person or report nobody has."""
    inserted = {p.table: {v["id"] for v in p.inserts} for p in plans}
    for plan in plans:
        if plan.table not in REFERENCES:
            continue
        column, parent = REFERENCES[plan.table]
        wanted = {v[column] for v in plan.inserts + plan.updates if v[column] is not None}
        wanted -= inserted.get(parent, set())
        missing = wanted - existing_ids(session, parent, sorted(wanted))
        if missing:
            raise PackageRejected(
                f"Bảng {plan.table} tham chiếu tới {PARENT_LABELS[parent]} mã {min(missing)} "
                f"không có trong gói cũng như trong máy; hãy nhập gói đầy đủ của đơn vị "
                f"{sender} trước."
            )


def _check_unknown_tables(opened: OpenedPackage, allowed: Iterable[str]) -> None:
    unknown = sorted(set(opened.tables) - set(allowed))
    if unknown:
        raise PackageRejected(f"Gói chứa bảng không được phép “data/{unknown[0]}.jsonl”.")


def plan_import(session: Session, opened: OpenedPackage, home: str | None,
                username: str) -> list[TablePlan]:
    """The per-table plan for any kind of package; PackageRejected if it cannot apply.

    `username` is who would apply it (a transfer records who opened the case here).
    """
    kind = opened.manifest.kind
    if kind == "receipt":
        _check_unknown_tables(opened, (receipts.TABLE,))
        return [receipts.plan_receipt(session, opened)]
    if kind == "transfer":
        _check_unknown_tables(opened, transfer.TABLES)
        plans = transfer.plan_transfer(session, opened, home, username)
        check_references(session, plans, opened.manifest.unit.code)
        return plans
    _check_unknown_tables(opened, TABLES)
    return _plan_merge(session, opened, home)


def _home_code(session: Session) -> str | None:
    return session.scalar(select(Unit.code).where(Unit.is_home.is_(True),
                                                  Unit.deleted_at.is_(None)))


def _imported_at(session: Session, package_id: str) -> datetime | None:
    return session.scalar(select(ImportedPackage.imported_at)
                          .where(ImportedPackage.package_id == package_id))


def _preview(session: Session, opened: OpenedPackage, plans: Sequence[TablePlan],
             imported_at: datetime | None, home: str | None) -> ImportPreview:
    m = opened.manifest
    return ImportPreview(
        package_id=m.package_id, kind=m.kind, unit_code=m.unit.code, unit_name=m.unit.name,
        created_at=m.created_at, created_by=m.created_by, encrypted=opened.encrypted,
        key_status=opened.key_status, fingerprint=opened.fingerprint,
        tables=tuple(p.summary() for p in plans), already_imported_at=imported_at,
        warnings=tuple(package_warnings(session, opened, home)),
        reports=tuple(sorted(opened.reports)),
    )


def preview_import(session: Session, opened: OpenedPackage,
                   importer_unit: str | None = None) -> ImportPreview:
    """Rule 5: what importing `opened` would do, computed without writing anything.

    `importer_unit` defaults to this installation's home unit.
    """
    home = importer_unit or _home_code(session)
    imported_at = _imported_at(session, opened.manifest.package_id)
    plans = [] if imported_at is not None else plan_import(session, opened, home, "")
    return _preview(session, opened, plans, imported_at, home)


def write_plan(session: Session, plan: TablePlan) -> None:
    """Insert and update the rows of one table plan, in bulk."""
    if plan.table == receipts.TABLE:
        receipts.write_receipts(session, plan)
        return
    t = table_of(plan.table)
    if plan.inserts:
        insert = INSERTS[plan.table]
        session.connection().exec_driver_sql(insert.sql, insert.rows(plan.inserts))
    if plan.updates:
        # Core executemany: the SET list is the keys of the rows; "match_id" feeds WHERE.
        stmt = t.update().where(t.c.id == bindparam("match_id"))
        session.execute(stmt, [{**v, "match_id": v["id"]} for v in plan.updates])


def _conflict_rows(plans: Sequence[TablePlan], package_id: str) -> list[Conflict]:
    now = utcnow()
    return [Conflict(
        table_name=d.table, record_id=d.record_id, unit_code=d.unit_code, package_id=package_id,
        local_json=json.dumps(d.local_line, ensure_ascii=False, sort_keys=True),
        incoming_json=json.dumps(d.incoming_line, ensure_ascii=False, sort_keys=True),
        reason=d.reason[:200], detected_at=now,
        local_version=d.local_version, incoming_version=d.incoming_version,
    ) for plan in plans for d in plan.conflicts]


def _record_import(session: Session, actor: Actor, opened: OpenedPackage,
                   preview: ImportPreview, file_name: str) -> None:
    m = opened.manifest
    counts = preview.counts()
    session.add(ImportedPackage(
        package_id=m.package_id, kind=m.kind, unit_code=m.unit.code, unit_name=m.unit.name,
        period=m.period, created_at=m.created_at, imported_at=utcnow(),
        imported_by=actor.username, fingerprint=opened.fingerprint,
        encrypted=opened.encrypted, counts_json=json.dumps(counts, sort_keys=True),
        file_name=file_name[:200],
    ))
    session.flush()
    changes: dict[str, tuple[Any, Any]] = {
        "unit": (None, m.unit.code), "kind": (None, m.kind), "counts": (None, counts),
        "file_name": (None, file_name),
    }
    write_audit(session, actor, "import", "imported_packages", m.package_id, changes)


def apply_in_session(session: Session, actor: Actor, opened: OpenedPackage,
                     file_name: str) -> ImportResult:
    """Rules 5–8 inside the caller's transaction: plan, write, log conflicts, record."""
    home = _home_code(session)
    imported_at = _imported_at(session, opened.manifest.package_id)
    if imported_at is not None:
        preview = _preview(session, opened, [], imported_at, home)
        return ImportResult(preview, applied=False, message=already_message(imported_at))
    plans = plan_import(session, opened, home, actor.username)
    preview = _preview(session, opened, plans, None, home)
    try:
        for plan in plans:
            write_plan(session, plan)
    except IntegrityError as exc:  # e.g. a second evaluation of one person for one quarter
        raise PackageRejected(f"Gói mâu thuẫn với dữ liệu trong máy ({exc.orig}); không nhập "
                              "gì cả.") from exc
    session.add_all(_conflict_rows(plans, opened.manifest.package_id))
    _record_import(session, actor, opened, preview, file_name)
    return ImportResult(preview, applied=True, message=applied_message(preview))


def apply_import(db: Database, actor: Actor, opened: OpenedPackage,
                 file_name: str) -> ImportResult:
    """Apply `opened` in ONE transaction: all of it or, on any error, nothing."""
    require(actor, Action.EXCHANGE)
    with db.transaction() as session:
        return apply_in_session(session, actor, opened, file_name)


__all__ = [
    "MODELS", "apply_import", "apply_in_session", "check_references", "load_local",
    "plan_import", "preview_import", "write_plan",
]
