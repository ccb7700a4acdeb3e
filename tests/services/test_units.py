"""First-run set-up, the home unit's settings and the unit list."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from desktop.db import Database, open_database
from desktop.models import AuditEntry, Unit, User
from desktop.services import units, users
from desktop.services.access import Actor
from desktop.services.audit import audit_count, verify_chain
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError

SETUP: dict[str, Any] = {
    "unit_code": "26002", "unit_name": "Công an xã Tân Cương", "province": "Tỉnh Thái Nguyên",
    "admin_username": "quantri", "admin_full_name": "Đỗ Thị Quản", "admin_password": "12345678",
    "place_name": "Tân Cương", "recipient_name": "Phòng PC10 Công an tỉnh Thái Nguyên",
}


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8,
                                                        parallelism=1))


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    """A migrated database before first-run set-up: no unit, no user."""
    database = open_database(tmp_path / "empty.db")
    yield database
    database.close()


def counts(db: Database) -> tuple[int, int, int]:
    with db.transaction() as s:
        n_units = s.scalar(select(func.count()).select_from(Unit)) or 0
        n_users = s.scalar(select(func.count()).select_from(User)) or 0
        return int(n_units), int(n_users), audit_count(s)


# --- initialize ------------------------------------------------------------------------

def test_initialize_creates_the_home_unit_and_first_admin(empty_db: Database) -> None:
    assert units.home_unit(empty_db) is None

    actor = units.initialize(empty_db, **SETUP)

    assert actor == Actor("quantri", "Đỗ Thị Quản", "admin", "26002")
    home = units.home_unit(empty_db)
    assert home is not None
    assert (home.code, home.unit_code, home.name, home.province, home.place_name) == (
        "26002", "26002", "Công an xã Tân Cương", "Tỉnh Thái Nguyên", "Tân Cương")
    assert home.is_home
    assert home.recipient_level == "province"
    assert home.version == 1
    assert users.login(empty_db, "quantri", "12345678") == actor
    with empty_db.transaction() as s:
        actions = list(s.execute(select(AuditEntry.action, AuditEntry.entity)
                                 .order_by(AuditEntry.seq)))
        assert [tuple(a) for a in actions][:2] == [("create", "units"), ("create", "users")]
        assert verify_chain(s) is None


def test_initialize_is_refused_once_a_home_unit_exists(empty_db: Database) -> None:
    units.initialize(empty_db, **SETUP)
    before = counts(empty_db)
    with pytest.raises(ServiceError) as err:
        units.initialize(empty_db, **{**SETUP, "unit_code": "99999", "admin_username": "khac"})
    assert "Công an xã Tân Cương" in err.value.message
    assert counts(empty_db) == before


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"unit_code": ""}, "unit_code"),
        ({"unit_code": "26 002"}, "unit_code"),
        ({"unit_code": "xã-1"}, "unit_code"),
        ({"unit_name": " "}, "unit_name"),
        ({"province": ""}, "province"),
        ({"recipient_level": "ward"}, "recipient_level"),
        ({"admin_username": "quản trị"}, "admin_username"),
        ({"admin_full_name": ""}, "admin_full_name"),
        ({"admin_password": "1234567"}, "admin_password"),
    ],
)
def test_initialize_rejects_bad_input_and_writes_nothing(
    empty_db: Database, override: dict[str, str], field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        units.initialize(empty_db, **{**SETUP, **override})
    assert err.value.field == field
    assert counts(empty_db) == (0, 0, 0)


# --- update_unit_settings --------------------------------------------------------------

def test_admin_updates_unit_settings(db: Database, admin: Actor) -> None:
    before = units.home_unit(db)
    assert before is not None

    after = units.update_unit_settings(
        db, admin, police_chief="  Hoàng  Văn Trưởng ", period_convention="calendar",
        year_start_month=11, contact_interval_days=10, rule_set_name="THAHS_2025",
        recipient_level="district",
    )

    assert (after.police_chief, after.period_convention, after.year_start_month) == (
        "Hoàng Văn Trưởng", "calendar", 11)
    assert (after.contact_interval_days, after.rule_set_name, after.recipient_level) == (
        10, "THAHS_2025", "district")
    assert after.version == before.version + 1
    assert units.home_unit(db) == after
    with db.transaction() as s:
        entry = s.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1))
        assert entry is not None
        assert entry.entity == "units"
        assert json.loads(entry.changes)["contact_interval_days"] == [7, 10]
        assert verify_chain(s) is None


def test_unchanged_settings_do_not_bump_the_version(db: Database, admin: Actor) -> None:
    before = units.home_unit(db)
    assert before is not None
    after = units.update_unit_settings(db, admin, contact_interval_days=7)
    assert after.version == before.version


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"period_convention": "monthly"}, "period_convention"),
        ({"year_start_month": 10}, "year_start_month"),
        ({"year_start_month": "12"}, "year_start_month"),
        ({"contact_interval_days": 0}, "contact_interval_days"),
        ({"contact_interval_days": 32}, "contact_interval_days"),
        ({"contact_interval_days": True}, "contact_interval_days"),
        ({"rule_set_name": "THAHS_1999"}, "rule_set_name"),
        ({"name": ""}, "name"),
        ({"code": "99999"}, "code"),
        ({"is_home": False}, "is_home"),
    ],
)
def test_bad_settings_are_rejected_and_nothing_changes(
    db: Database, admin: Actor, values: dict[str, Any], field: str
) -> None:
    before_unit = units.home_unit(db)
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        units.update_unit_settings(db, admin, police_chief="Ai Đó", **values)
    assert err.value.field == field
    assert counts(db) == before
    assert units.home_unit(db) == before_unit


@pytest.mark.parametrize("role_fixture", ["officer", "leader"])
def test_only_admins_change_unit_settings(
    db: Database, role_fixture: str, request: pytest.FixtureRequest
) -> None:
    actor: Actor = request.getfixturevalue(role_fixture)
    before_unit = units.home_unit(db)
    with pytest.raises(PermissionDenied):
        units.update_unit_settings(db, actor, contact_interval_days=14)
    assert units.home_unit(db) == before_unit


def test_list_units_puts_home_first_then_imported_by_code(db: Database) -> None:
    with db.transaction() as s:
        for code in ("26009", "11001"):
            s.add(Unit(code=code, unit_code=code, name=f"Công an xã {code}",
                       province="Tỉnh Thái Nguyên"))
    assert [u.code for u in units.list_units(db)] == ["26001", "11001", "26009"]
