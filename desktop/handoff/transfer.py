"""A person who moves: importing a `transfer` package opens the case at the receiving commune.

Decisions (SPEC §3 "moved away (transfer)", deadline rule `transfer_takeover_deadline`):

- The receiving commune gets its own records with **new ids**, derived deterministically
  (UUID5 of receiving unit, table and original id). Keeping the sender's ids would put
  two owners on one id at the province, which holds both communes' data: the sender's
  record (ended, "moved") must keep counting for the sender, the new one for the receiver.
  Derived ids also make a second transfer package of the same person recognisable.
- The person starts as `expected`: the notice arrived today, and `expected_on` is the
  take-over deadline (N working days from the day the package was made). Reception,
  management and end dates of the old commune are cleared; the receiver records its own.
- The whole history travels and is owned by the receiver: judgments, status changes,
  contacts, excused weeks, evaluations, supports, violations, the old team (memberships
  still open are closed on the day management ended at the sender: the old team does
  not follow the person). A status change "expected" notes where the person came from.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.handoff.container import OpenedPackage
from desktop.handoff.manifest import VIETNAM, PackageRejected
from desktop.handoff.preview import TablePlan, Values
from desktop.handoff.records import PERSON_TABLES, parse_lines
from desktop.models import Person, Unit, new_id, utcnow
from desktop.rules.deadlines import transfer_takeover_deadline
from desktop.rules.ruleset import resolve_rule_set

TABLES = PERSON_TABLES
# Fixed namespace of HoaNhap transfer ids; never change it (ids of past transfers use it).
NAMESPACE = uuid.UUID("0b5e3f5c-8d0e-4f57-9a52-7f1c4a3d2e61")
_CLEARED = {"received_on": None, "managed_on": None, "absent_on": None, "ended_on": None,
            "end_reason": None, "team_decision_number": "", "team_decision_date": None}


def derived_id(home: str, table: str, original_id: str) -> str:
    """The receiving unit's id for a record of a transferred case file."""
    return str(uuid.uuid5(NAMESPACE, f"{home}/{table}/{original_id}"))


def _the_person(opened: OpenedPackage, home: str) -> Values:
    m = opened.manifest
    if m.recipient is None or m.recipient.code != home:
        meant = m.recipient.code if m.recipient is not None else "không ghi đơn vị nhận"
        raise PackageRejected(f"Gói chuyển hồ sơ này gửi cho đơn vị {meant}, không phải đơn "
                              f"vị {home} của máy này.")
    persons = parse_lines("persons", opened.tables.get("persons", []))
    if len(persons) != 1:
        raise PackageRejected("Gói chuyển hồ sơ phải chứa đúng một người "
                              f"(gói này có {len(persons)}).")
    person = persons[0]
    if person["unit_code"] != m.unit.code or person["status"] != "ended" \
            or person["end_reason"] != "moved":
        raise PackageRejected(f"Hồ sơ {person['full_name']} chưa được đơn vị {m.unit.code} "
                              "kết thúc quản lý với lý do “chuyển nơi cư trú”; không nhận.")
    return person


def _takeover_due(session: Session, home: str, transfer_day: date) -> date:
    rule_set_name = session.scalar(select(Unit.rule_set_name).where(Unit.code == home))
    rs = resolve_rule_set(rule_set_name or "auto", transfer_day)
    return transfer_takeover_deadline(transfer_day, rs).due


def _new_person(session: Session, person: Values, home: str, transfer_day: date,
                now: datetime) -> Values:
    return {
        **person, **_CLEARED, "id": derived_id(home, "persons", person["id"]),
        "unit_code": home, "version": 1, "updated_at": now, "deleted_at": None,
        "status": "expected", "notice_received_on": now.astimezone(VIETNAM).date(),
        "expected_on": _takeover_due(session, home, transfer_day),
    }


def _history(table: str, rows: list[Values], person: Values, new_person_id: str,
             home: str, now: datetime) -> list[Values]:
    result = []
    for row in rows:
        if row["person_id"] != person["id"]:
            raise PackageRejected(f"Gói chuyển hồ sơ có bản ghi {table} của người khác "
                                  f"(mã {row['person_id']}).")
        values: dict[str, Any] = {**row, "id": derived_id(home, table, row["id"]),
                                  "person_id": new_person_id, "unit_code": home,
                                  "version": 1, "updated_at": now}
        if table == "team_members" and values["to_date"] is None:
            values["to_date"] = person["ended_on"]
        result.append(values)
    return result


def _arrival(person: Values, new_person_id: str, home: str, username: str, sender: str,
             sender_name: str, now: datetime) -> Values:
    return {
        "id": new_id(), "unit_code": home, "version": 1, "created_at": now, "updated_at": now,
        "deleted_at": None, "person_id": new_person_id, "from_status": None,
        "to_status": "expected", "on_date": now.astimezone(VIETNAM).date(),
        "by_user": username, "reason": None,
        "note": f"Chuyển đến từ {sender_name} ({sender}); mã hồ sơ gốc {person['id']}.",
    }


def plan_transfer(session: Session, opened: OpenedPackage, home: str | None,
                  username: str) -> list[TablePlan]:
    """Inserts that open the transferred case here; PackageRejected when it cannot."""
    if home is None:
        raise PackageRejected("Máy này chưa thiết lập đơn vị nên chưa nhận được hồ sơ chuyển đến.")
    m = opened.manifest
    person = _the_person(opened, home)
    now = utcnow()
    new_person = _new_person(session, person, home, m.created_at.astimezone(VIETNAM).date(),
                             now)
    if session.get(Person, new_person["id"]) is not None:
        raise PackageRejected(f"Hồ sơ của {person['full_name']} đã được nhận trước đây "
                              f"(mã {new_person['id']}); không nhận lần nữa.")
    plans = [TablePlan("persons", inserts=[new_person])]
    for table in TABLES[1:]:
        rows = _history(table, parse_lines(table, opened.tables.get(table, [])), person,
                        new_person["id"], home, now)
        if table == "status_changes":
            rows.append(_arrival(person, new_person["id"], home, username, m.unit.code,
                                 m.unit.name, now))
        plans.append(TablePlan(table, inserts=rows))
    return plans
