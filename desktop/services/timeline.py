"""A person's history in words: the audit entries of the person and of their records.

The audit trail (SPEC §3, §8) stores every change as `{field: [old, new]}` on an entity id.
The person page's timeline reads the entries of the person *and* of every record that
belongs to them (judgment, team members, contacts, excused weeks, evaluations, support,
violations, status changes), found in one query by matching the entry's entity id to those
tables' ids, and turns each into one Vietnamese sentence ("Ghi nhận lần gặp ngày
12/11/2026 (đến nhà)"), newest first. Codes are shown through `labels`, fields through
`validation.FIELD_LABELS`, dates and money through `formatting`: nothing is spelled twice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.formatting import format_date, format_datetime, format_vnd
from desktop.models import (
    AuditEntry,
    ContactLog,
    Evaluation,
    ExcusedWeek,
    Judgment,
    Person,
    StatusChange,
    Support,
    TeamMember,
    User,
    Violation,
)
from desktop.rules.coverage import parse_iso_week
from desktop.rules.errors import RuleInputError
from desktop.rules.periods import parse_period
from desktop.services import records
from desktop.services.access import Action, Actor, require
from desktop.services.casework import FIELD_WORDS, home_unit, label
from desktop.services.labels import (
    CLASSIFICATION_SHORT_LABELS,
    CONTACT_FORM_LABELS,
    END_REASON_LABELS,
    GENDER_LABELS,
    LOAN_PURPOSE_LABELS,
    LOAN_STATUS_LABELS,
    PENALTY_LABELS,
    RELEASE_TYPE_LABELS,
    RISK_SIGN_LABELS,
    STATUS_LABELS,
    SUPPORT_KIND_LABELS,
    TEAM_ROLE_LABELS,
    VIOLATION_KIND_LABELS,
)
from desktop.services.supports import describe
from desktop.services.validation import FIELD_LABELS

# Every table whose rows carry `person_id`: their audit entries belong to the person.
CHILD_MODELS: tuple[Any, ...] = (Judgment, TeamMember, ContactLog, ExcusedWeek, Evaluation,
                                 Support, Violation, StatusChange)

# Fields the validation table does not name (they are never typed into a checked form).
EXTRA_FIELD_LABELS: dict[str, str] = {
    "team_decision_number": "Số quyết định phân công tổ giúp đỡ",
    "team_decision_date": "Ngày quyết định phân công tổ giúp đỡ",
    "responsible": "Phụ trách trực tiếp", "risk_signs": "Dấu hiệu nguy cơ",
    "loan_bank": "Ngân hàng cho vay", "photo": "Ảnh", "from_status": "Trạng thái trước",
    "to_status": "Trạng thái mới", "on_date": "Ngày", "by_user": "Người thực hiện",
}
# Derived or technical columns: a change to them says nothing a reader needs.
HIDDEN_FIELDS = frozenset({"name_folded", "id_legacy", "person_id", "version", "source",
                           "updated_at", "created_at", "unit_code"})
# The steps of `lifecycle`: the status change row of the same step tells the story, so the
# person entry only adds what the step changed besides the status and its date.
LIFECYCLE_ACTIONS = frozenset({"receive", "start_management", "mark_absent",
                               "end_management"})
LIFECYCLE_FIELDS = frozenset({"status", "received_on", "managed_on", "absent_on", "ended_on",
                              "end_reason"})
DECISION_FIELDS = frozenset({"team_decision_number", "team_decision_date"})

# Code fields shown by their label; `kind` depends on the table (support or violation).
_CODE_LABELS: dict[str, dict[str, str]] = {
    "status": STATUS_LABELS, "from_status": STATUS_LABELS, "to_status": STATUS_LABELS,
    "end_reason": END_REASON_LABELS, "reason": END_REASON_LABELS, "gender": GENDER_LABELS,
    "release_type": RELEASE_TYPE_LABELS, "main_penalty": PENALTY_LABELS,
    "role": TEAM_ROLE_LABELS, "form": CONTACT_FORM_LABELS,
    "classification": CLASSIFICATION_SHORT_LABELS, "loan_purpose": LOAN_PURPOSE_LABELS,
    "loan_status": LOAN_STATUS_LABELS,
}
_KIND_LABELS: dict[str, dict[str, str]] = {"supports": SUPPORT_KIND_LABELS,
                                           "violations": VIOLATION_KIND_LABELS}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T")
EXCERPT_LEN = 80
EMPTY = "(trống)"


@dataclass(frozen=True)
class TimelineEntry:
    """One change in the person's history, told in Vietnamese."""

    seq: int
    at: datetime
    when: str  # dd/MM/yyyy HH:mm, local time
    username: str
    who: str  # the user's full name, or the user name when the account is unknown
    entity: str
    action: str
    text: str


@dataclass(frozen=True)
class _Context:
    """What sentences need besides the entry: the records' current values and the unit."""

    rows: Mapping[str, Mapping[str, Any]]  # record id → column values
    quarter_label: Callable[[str], str]


# --- values -------------------------------------------------------------------------------

def _as_date(value: Any) -> date | None:
    """A date from a column value or from its ISO text in the audit JSON."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def excerpt(text: str, limit: int = EXCERPT_LEN) -> str:
    """One line of at most `limit` characters, cut at a word with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def _code_text(field: str, entity: str, value: str) -> str | None:
    """The label of a code field's value, or None when the field holds no code."""
    if field == "risk_signs":
        return ", ".join(label(RISK_SIGN_LABELS, c) for c in value.split(",") if c)
    labels = _KIND_LABELS.get(entity) if field == "kind" else _CODE_LABELS.get(field)
    if labels is None or (field == "reason" and entity != "status_changes"):
        return None
    return label(labels, value)


def show_value(field: str, value: Any, entity: str = "persons") -> str:
    """An audited value as a reader expects it: label, dd/MM/yyyy, money, or «text»."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "có" if value else "không"
    if field == "amount_vnd" and isinstance(value, int):
        return format_vnd(value)
    if isinstance(value, str):
        coded = _code_text(field, entity, value)
        if coded is not None:
            return coded
        if _ISO_DATETIME.match(value):
            return format_datetime(datetime.fromisoformat(value))
        if _ISO_DATE.fullmatch(value):
            return format_date(_as_date(value))
        return f"«{excerpt(value)}»"
    return str(value)


def field_name(field: str) -> str:
    """The field in words, as a sentence continues it ("nơi ở hiện tại")."""
    words = FIELD_LABELS.get(field) or FIELD_WORDS.get(field) or EXTRA_FIELD_LABELS.get(field)
    words = words or field
    return words[:1].lower() + words[1:]


def _change_list(entity: str, changes: Mapping[str, list[Any]]) -> str:
    """"nơi ở hiện tại «a» → «b»; số điện thoại (trống) → «c»"."""
    return "; ".join(
        f"{field_name(f)} {show_value(f, old, entity)} → {show_value(f, new, entity)}"
        for f, (old, new) in changes.items()
    )


# --- what each record is called ----------------------------------------------------------

def _role(v: Mapping[str, Any]) -> str:
    parts = [label(TEAM_ROLE_LABELS, v.get("role"))]
    if v.get("organisation"):
        parts.append(str(v["organisation"]))
    return ", ".join(p for p in parts if p)


def _week(code: str) -> str:
    try:
        monday = parse_iso_week(code)
    except RuleInputError:
        return code
    return f"{code} ({format_date(monday)} – {format_date(monday + timedelta(days=6))})"


def _subject(entity: str, v: Mapping[str, Any], ctx: _Context) -> str:
    """How a sentence names the record ("lần gặp ngày 12/11/2026 (đến nhà)")."""
    if entity == "judgments":
        number = f" số {v['judgment_number']}" if v.get("judgment_number") else ""
        day = _as_date(v.get("judgment_date"))
        return f"bản án{number}" + (f" ngày {format_date(day)}" if day else "")
    if entity == "team_members":
        return f"thành viên tổ giúp đỡ {v.get('name', '')} ({_role(v)})"
    if entity == "contacts":
        form = label(CONTACT_FORM_LABELS, v.get("form")).lower()
        met = format_date(_as_date(v.get("contact_date")))
        return f"lần gặp ngày {met}" + (f" ({form})" if form else "")
    if entity == "excused_weeks":
        return f"tuần miễn gặp {_week(str(v.get('week', '')))}"
    if entity == "evaluations":
        return f"đánh giá {ctx.quarter_label(str(v.get('quarter', '')))}"
    if entity == "supports":
        kind = label(SUPPORT_KIND_LABELS, v.get("kind"))
        return f"hỗ trợ “{kind}” ngày {format_date(_as_date(v.get('support_date')))}"
    if entity == "violations":
        kind = label(VIOLATION_KIND_LABELS, v.get("kind")).lower()
        return f"vi phạm ngày {format_date(_as_date(v.get('violation_date')))} ({kind})"
    if entity == "status_changes":
        return f"chuyển trạng thái ngày {format_date(_as_date(v.get('on_date')))}"
    return f"hồ sơ {v.get('full_name', '')}".strip()


# --- sentences ----------------------------------------------------------------------------

def _status_change(v: Mapping[str, Any]) -> str:
    """"Chuyển trạng thái: Đã tiếp nhận → Đang quản lý (ngày 05/01/2026)", reason and note."""
    to = label(STATUS_LABELS, v.get("to_status"))
    day = format_date(_as_date(v.get("on_date")))
    if not v.get("from_status"):
        text = f"Mở hồ sơ với trạng thái {to} (ngày {day})"
    else:
        text = (f"Chuyển trạng thái: {label(STATUS_LABELS, v['from_status'])} → {to} "
                f"(ngày {day})")
    if v.get("reason"):
        text += f", lý do: {label(END_REASON_LABELS, v['reason'])}"
    if v.get("note"):
        text += f"; ghi chú: {excerpt(str(v['note']))}"
    return text


def _created(entity: str, v: Mapping[str, Any], ctx: _Context) -> str:
    """The sentence of a creation, from the values the record was created with."""
    if entity == "persons":
        demo = " (dữ liệu mẫu)" if v.get("source") == "demo" else ""
        status = f", trạng thái {label(STATUS_LABELS, v['status'])}" if v.get("status") else ""
        return f"Tạo hồ sơ {v.get('full_name', '')}{demo}{status}"
    if entity == "status_changes":
        return _status_change(v)
    if entity == "team_members":
        since = _as_date(v.get("from_date"))
        text = f"Thêm thành viên tổ giúp đỡ: {v.get('name', '')} ({_role(v)})"
        text += f" từ ngày {format_date(since)}" if since else ""
        return text + (", phụ trách trực tiếp" if v.get("responsible") else "")
    if entity == "supports":
        return f"Ghi hỗ trợ: {_support_text(v)}"
    if entity == "violations":
        what = f": {excerpt(str(v['description']))}" if v.get("description") else ""
        return f"Ghi {_subject(entity, v, ctx)}{what}"
    if entity == "evaluations":
        group = label(CLASSIFICATION_SHORT_LABELS, v.get("classification"))
        return f"Đánh giá {ctx.quarter_label(str(v.get('quarter', '')))}: {group}"
    if entity == "excused_weeks":
        return f"Ghi {_subject(entity, v, ctx)}, lý do: {excerpt(str(v.get('reason', '')))}"
    if entity == "judgments":
        court = f" ({v['court']})" if v.get("court") else ""
        return f"Nhập {_subject(entity, v, ctx)}{court}"
    return f"Ghi nhận {_subject(entity, v, ctx)}"


def _support_text(v: Mapping[str, Any]) -> str:
    """The support in the words of `supports.describe`, from the audited values."""
    row = Support(kind=v.get("kind"), loan_purpose=v.get("loan_purpose"),
                  amount_vnd=v.get("amount_vnd"), loan_status=v.get("loan_status"),
                  provider=v.get("provider") or "", support_date=_as_date(v.get("support_date")))
    return describe(row)


def _updated(entity: str, changes: Mapping[str, list[Any]], v: Mapping[str, Any],
             ctx: _Context) -> str:
    """The sentence of an edit: what was changed, from what to what."""
    if entity == "persons" and set(changes) <= DECISION_FIELDS:
        number = changes.get("team_decision_number", [None, v.get("team_decision_number")])[1]
        day = _as_date(changes.get("team_decision_date", [None, v.get("team_decision_date")])[1])
        return (f"Ghi quyết định phân công tổ giúp đỡ: số {number or EMPTY}, "
                f"ngày {format_date(day) or EMPTY}")
    if entity == "team_members" and set(changes) == {"responsible"}:
        name = v.get("name", "")
        return (f"Giao {name} phụ trách trực tiếp" if changes["responsible"][1]
                else f"{name} thôi phụ trách trực tiếp")
    if entity == "persons" and len(changes) == 1:
        [(field, (old, new))] = changes.items()
        return f"Sửa {field_name(field)}: {show_value(field, old)} → {show_value(field, new)}"
    if entity == "persons":
        return f"Sửa hồ sơ: {_change_list(entity, changes)}"
    return f"Sửa {_subject(entity, v, ctx)}: {_change_list(entity, changes)}"


def _sentence(entry: AuditEntry, ctx: _Context) -> str | None:
    """The entry in words; None for an entry that adds nothing to its neighbours."""
    raw: dict[str, list[Any]] = json.loads(entry.changes or "{}")
    entity, action = entry.entity, entry.action
    current = ctx.rows.get(entry.entity_id or "", {})
    if action == "create":
        return _created(entity, {k: new for k, (_, new) in raw.items()}, ctx)
    reason = raw.get("reason", [None, ""])[1]
    why = f" (lý do: {excerpt(str(reason))})" if reason else ""
    if action == "delete":
        return f"Xóa {_subject(entity, current, ctx)}{why}"
    if action == "restore":
        return f"Ghi lại {_subject(entity, current, ctx)}"
    if entity == "team_members" and action == "end":
        last = format_date(_as_date(raw.get("to_date", [None, None])[1]))
        return (f"{current.get('name', '')} ({_role(current)}) thôi tham gia tổ giúp đỡ, "
                f"ngày cuối: {last}")
    changes = {k: v for k, v in raw.items() if k not in HIDDEN_FIELDS}
    if entity == "persons" and action in LIFECYCLE_ACTIONS:
        changes = {k: v for k, v in changes.items() if k not in LIFECYCLE_FIELDS}
    if not changes:
        return None
    return _updated(entity, changes, current, ctx)


# --- reading ------------------------------------------------------------------------------

def _entries(session: Session, person_id: str) -> list[AuditEntry]:
    """The person's entries and their records' (deleted records too), newest first."""
    mine = [and_(AuditEntry.entity == "persons", AuditEntry.entity_id == person_id)]
    for model in CHILD_MODELS:
        ids = select(model.id).where(model.person_id == person_id)
        mine.append(and_(AuditEntry.entity == model.__tablename__,
                         AuditEntry.entity_id.in_(ids)))
    return list(session.scalars(select(AuditEntry).where(or_(*mine))
                                .order_by(AuditEntry.seq.desc())))


def _row_values(row: Any) -> dict[str, Any]:
    return {attr.key: getattr(row, attr.key) for attr in sa_inspect(type(row)).column_attrs}


def _current_rows(session: Session, person: Person) -> dict[str, dict[str, Any]]:
    """Every record of the person as it stands now, by id: edits and deletions name them."""
    found = {person.id: _row_values(person)}
    for model in CHILD_MODELS:
        for row in session.scalars(select(model).where(model.person_id == person.id)):
            found[row.id] = _row_values(row)
    return found


def _quarter_labeller(session: Session, actor: Actor) -> Callable[[str], str]:
    """"2026-Q3" → "quý III năm 2026", read in the home unit's period convention."""
    unit = home_unit(session, actor)

    def quarter_label(code: str) -> str:
        try:
            return parse_period(code, unit.period_convention, unit.year_start_month).label_vi
        except RuleInputError:
            return f"quý {code}"  # imported data in an unexpected shape is shown as it is

    return quarter_label


def _full_names(session: Session, usernames: set[str]) -> dict[str, str]:
    rows = session.execute(select(User.username, User.full_name)
                           .where(User.username.in_(usernames)))
    return {str(username): str(full_name) for username, full_name in rows}


def person_timeline(db: Database, actor: Actor, person_id: str) -> list[TimelineEntry]:
    """The person's history, newest first, one Vietnamese sentence per change."""
    require(actor, Action.READ)
    with db.reading() as session:
        person = records.get_owned(session, Person, person_id, actor)
        entries = _entries(session, person.id)
        ctx = _Context(rows=_current_rows(session, person),
                       quarter_label=_quarter_labeller(session, actor))
        names = _full_names(session, {e.actor for e in entries})
        timeline = []
        for entry in entries:
            text = _sentence(entry, ctx)
            if text is not None:
                timeline.append(TimelineEntry(
                    seq=entry.seq, at=entry.at, when=format_datetime(entry.at),
                    username=entry.actor, who=names.get(entry.actor, entry.actor),
                    entity=entry.entity, action=entry.action, text=text))
        return timeline
