"""The home unit: first-run set-up, its settings (signers, periods, rule set) and the unit list.

An installation has exactly one home unit, created together with the first administrator;
an aggregator also holds units imported from packages, which are listed but never edited
here (they change only through their owner's packages, HANDOFF.md §4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.models import Unit
from desktop.rules.ruleset import DEFAULT_RULE_SET_NAME, RULE_SETS
from desktop.services import records, users, validation
from desktop.services.access import Action, Actor, require
from desktop.services.errors import NotFound, ServiceError, ValidationError
from desktop.services.labels import PERIOD_CONVENTION_LABELS, RECIPIENT_LEVEL_LABELS


@dataclass(frozen=True)
class UnitView:
    """Every field of a Unit, detached from the database."""

    id: str
    unit_code: str
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    code: str
    name: str
    province: str
    place_name: str
    is_home: bool
    recipient_level: str
    recipient_name: str
    parent_agency: str
    police_chief: str
    police_chief_title: str
    chairperson: str
    chairperson_title: str
    signer_prefix: str
    doc_symbol: str
    report_recipients: str
    period_convention: str
    year_start_month: int
    contact_interval_days: int
    rule_set_name: str
    loan_violation_free_months: int


def view(unit: Unit) -> UnitView:
    """The plain view of a unit row."""
    return UnitView(**{f.name: getattr(unit, f.name) for f in fields(UnitView)})


def _int(field: str, value: object, low: int, high: int) -> int:
    # bool is an int subclass; a checkbox value here is a caller's bug, not a number.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(
            field, f"{validation.field_label(field)} phải là một số nguyên."
        )
    checked = validation.int_range(field, value, low, high, required=True)
    assert checked is not None
    return checked


def _str(value: object) -> str | None:
    return value if isinstance(value, str) or value is None else str(value)


def _text(max_len: int, *, required: bool = False,
          multiline: bool = False) -> Callable[[str, object], object]:
    return lambda field, value: validation.text(
        field, _str(value), required=required, max_len=max_len, multiline=multiline)


def _choice(allowed: tuple[str, ...],
            labels: dict[str, str] | None = None) -> Callable[[str, object], object]:
    return lambda field, value: validation.one_of(field, _str(value), allowed, labels)


def _number(low: int, high: int) -> Callable[[str, object], object]:
    return lambda field, value: _int(field, value, low, high)


RULE_SET_NAMES = (DEFAULT_RULE_SET_NAME, *(rs.name for rs in RULE_SETS))

# What an administrator may change, and how each value is checked. `code` and `is_home`
# are missing on purpose: records of the whole office carry the code.
EDITABLE: dict[str, Callable[[str, object], object]] = {
    "name": _text(200, required=True),
    "province": _text(200, required=True),
    "place_name": _text(100),
    "recipient_level": _choice(("district", "province"), RECIPIENT_LEVEL_LABELS),
    "recipient_name": _text(200),
    "parent_agency": _text(200),
    "police_chief": _text(200),
    "police_chief_title": _text(100),
    "chairperson": _text(200),
    "chairperson_title": _text(100),
    "signer_prefix": _text(100),
    "doc_symbol": _text(40),
    "report_recipients": _text(2000, multiline=True),
    "period_convention": _choice(("calendar", "cutoff"), PERIOD_CONVENTION_LABELS),
    "year_start_month": _number(11, 12),
    "contact_interval_days": _number(1, 31),
    "rule_set_name": _choice(RULE_SET_NAMES),
    "loan_violation_free_months": _number(0, 60),
}


def validate_settings(values: dict[str, Any]) -> dict[str, object]:
    """Check every given setting; an unknown name is refused rather than silently ignored."""
    cleaned: dict[str, object] = {}
    for field, value in values.items():
        check = EDITABLE.get(field)
        if check is None:
            raise ValidationError(field, f"“{field}” không phải là cài đặt có thể sửa của đơn vị.")
        cleaned[field] = check(field, value)
    return cleaned


def _home(session: Session) -> Unit | None:
    return session.scalar(select(Unit).where(Unit.is_home.is_(True), Unit.deleted_at.is_(None)))


def _check_unit_code(raw: str) -> str:
    code = validation.text("unit_code", raw, required=True, max_len=20)
    if not code.replace("-", "").replace("_", "").isalnum() or not code.isascii():
        raise ValidationError(
            "unit_code", "Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và các dấu - _."
        )
    return code


_INIT_FIELDS = {"name": "unit_name", "username": "admin_username",
                "full_name": "admin_full_name", "password": "admin_password"}


def initialize(db: Database, *, unit_code: str, unit_name: str, province: str,
               admin_username: str, admin_full_name: str, admin_password: str,
               place_name: str = "", recipient_name: str = "",
               recipient_level: str = "province") -> Actor:
    """First run: create the home unit and its first administrator, who is returned.

    Refused once a home unit exists, so running set-up again cannot hijack an office.
    """
    try:
        code = _check_unit_code(unit_code)
        unit_values = validate_settings({
            "name": unit_name, "province": province, "place_name": place_name,
            "recipient_name": recipient_name, "recipient_level": recipient_level,
        })
        new_admin = users.validate_new_user(admin_username, admin_full_name, "admin",
                                            admin_password)
    except ValidationError as exc:
        # Name the field after this function's parameter, which is what the set-up form shows.
        raise ValidationError(_INIT_FIELDS.get(exc.field, exc.field), exc.message) from exc
    actor = Actor(username=new_admin.username, full_name=new_admin.full_name, role="admin",
                  unit_code=code)
    with db.transaction() as session:
        existing = _home(session)
        if existing is not None:
            raise ServiceError(
                f"Phần mềm đã được thiết lập cho đơn vị {existing.name} ({existing.code}); "
                "không thể thiết lập lại."
            )
        records.create(session, actor, Unit, code=code, is_home=True, **unit_values)
        users.add_user(session, actor, new_admin)
        users.store_key_wrap(db, new_admin.username, admin_password)
    return actor


def home_unit(db: Database) -> UnitView | None:
    """The installation's own unit, or None before first-run set-up."""
    with db.reading() as session:
        unit = _home(session)
        return view(unit) if unit is not None else None


def update_unit_settings(db: Database, actor: Actor, **values: Any) -> UnitView:
    """Change the home unit's settings (administrators only); returns the updated unit."""
    require(actor, Action.MANAGE_SETTINGS)
    cleaned = validate_settings(values)
    with db.transaction() as session:
        unit = _home(session)
        if unit is None or unit.code != actor.unit_code:
            raise NotFound(f"Không tìm thấy đơn vị {actor.unit_code} của tài khoản này.")
        records.update(session, actor, unit, cleaned)
        return view(unit)


def list_units(db: Database) -> list[UnitView]:
    """Every live unit: the home unit first, then imported units by code."""
    with db.reading() as session:
        rows = session.scalars(
            select(Unit).where(Unit.deleted_at.is_(None))
            .order_by(Unit.is_home.desc(), Unit.code)
        )
        return [view(u) for u in rows]
