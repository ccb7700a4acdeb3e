"""Installation settings, first-run set-up and the facts the Settings screen explains."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from desktop.config import SETTINGS
from desktop.db import Database, open_database
from desktop.models import AuditEntry, Setting
from desktop.services import settings, units, users
from desktop.services.access import Actor
from desktop.services.audit import audit_count, verify_chain
from desktop.services.errors import AuthenticationError, PermissionDenied, ValidationError

PASSWORD = "mat-khau-8"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id with tiny costs: same behaviour, fast suite."""
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8,
                                                        parallelism=1))


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    """A migrated database before first-run set-up."""
    database = open_database(tmp_path / "new.db")
    yield database
    database.close()


def values(db: Database) -> dict[str, object]:
    return {s.key: s.value for s in settings.list_settings(db)}


def stored_rows(db: Database) -> dict[str, str]:
    with db.transaction() as s:
        return {row.key: row.value for row in s.scalars(select(Setting))}


def audits(db: Database) -> int:
    with db.transaction() as s:
        return audit_count(s)


# --- reading ---------------------------------------------------------------------------

def test_every_declared_setting_is_listed_with_its_default_title_and_range(
        db: Database) -> None:
    listed = settings.list_settings(db)
    assert [s.key for s in listed] == [spec.key for spec in SETTINGS]
    for view, spec in zip(listed, SETTINGS, strict=True):
        assert (view.value, view.default, view.title) == (spec.default, spec.default,
                                                          spec.title)
        if isinstance(spec.default, int):
            assert view.minimum is not None
            assert view.maximum is not None
            assert view.minimum <= spec.default <= view.maximum


def test_a_damaged_stored_value_falls_back_to_the_default(db: Database) -> None:
    with db.transaction() as s:
        s.add_all([Setting(key="idle_lock_minutes", value="not json"),
                   Setting(key="lockout_minutes", value='"thirty"'),
                   Setting(key="backups_kept", value="100000")])
    assert settings.setting_value(db, "idle_lock_minutes") == 10
    assert settings.setting_value(db, "lockout_minutes") == 15
    assert settings.setting_value(db, "backups_kept") == 10


# --- saving ----------------------------------------------------------------------------

def test_admin_saves_a_setting_and_it_is_read_back_and_audited(db: Database,
                                                              admin: Actor) -> None:
    before = audits(db)
    result = settings.update_settings(db, admin, idle_lock_minutes=5)
    assert {s.key: s.value for s in result}["idle_lock_minutes"] == 5
    assert settings.setting_value(db, "idle_lock_minutes") == 5
    assert stored_rows(db) == {"idle_lock_minutes": "5"}
    assert audits(db) == before + 1
    with db.transaction() as s:
        entry = s.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1))
        assert entry is not None
        assert (entry.actor, entry.entity) == ("admin", "settings")
        assert json.loads(entry.changes) == {"idle_lock_minutes": [10, 5]}
        assert verify_chain(s) is None


def test_saving_unchanged_values_writes_nothing(db: Database, admin: Actor) -> None:
    before = audits(db)
    settings.update_settings(db, admin, idle_lock_minutes=10, max_failed_logins=5)
    assert stored_rows(db) == {}
    assert audits(db) == before


def test_lockout_setting_changes_how_login_behaves(db: Database, admin: Actor) -> None:
    users.create_user(db, admin, "canbo", "Nguyễn Văn Cán", "officer", PASSWORD)
    settings.update_settings(db, admin, max_failed_logins=3)
    for _ in range(2):
        with pytest.raises(AuthenticationError, match="Còn"):
            users.login(db, "canbo", "wrong-password")
    with pytest.raises(AuthenticationError, match="khóa"):
        users.login(db, "canbo", "wrong-password")
    with pytest.raises(AuthenticationError, match="khóa"):
        users.login(db, "canbo", PASSWORD)


def test_officer_and_leader_may_not_change_settings(db: Database, officer: Actor,
                                                    leader: Actor) -> None:
    for actor in (officer, leader):
        with pytest.raises(PermissionDenied):
            settings.update_settings(db, actor, idle_lock_minutes=5)
    assert stored_rows(db) == {}


@pytest.mark.parametrize(("key", "value"), [
    ("idle_lock_minutes", 0), ("lockout_minutes", 100_000), ("max_failed_logins", 1),
    ("backups_kept", True), ("idle_lock_minutes", "5"),
])
def test_bad_values_are_refused_under_their_key_and_nothing_is_saved(
        db: Database, admin: Actor, key: str, value: object) -> None:
    before = audits(db)
    with pytest.raises(ValidationError) as err:
        # A good value beside the bad one must not be saved either.
        settings.update_settings(db, admin, **{"lockout_minutes": 30, key: value})
    assert err.value.field == key
    assert stored_rows(db) == {}
    assert audits(db) == before


def test_an_unknown_setting_is_refused(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError) as err:
        settings.update_settings(db, admin, colour="blue")
    assert err.value.field == "colour"


# --- explanations ----------------------------------------------------------------------

def test_rule_set_choices_start_with_auto_and_are_all_accepted_by_the_unit(
        db: Database, admin: Actor) -> None:
    choices = settings.rule_set_choices()
    assert choices[0].name == "auto"
    assert choices[0].effective_from is None
    for choice in choices:
        assert units.update_unit_settings(db, admin, rule_set_name=choice.name) \
            .rule_set_name == choice.name
    assert settings.rule_set_dates(choices[1]) == "từ 01/01/2020 đến 30/06/2026"


def test_period_examples_follow_the_convention() -> None:
    day = date(2026, 11, 26)
    cutoff = settings.period_examples("cutoff", 12, day)
    calendar = settings.period_examples("calendar", 12, day)
    november = settings.period_examples("cutoff", 11, day)
    assert cutoff[0].dates == "từ ngày 15/11/2026 đến ngày 14/12/2026"
    assert calendar[0].dates == "từ ngày 01/11/2026 đến ngày 30/11/2026"
    assert cutoff[2].dates == "từ ngày 15/12/2025 đến ngày 14/12/2026"
    assert november[2].dates == "từ ngày 15/11/2026 đến ngày 14/11/2027"
    with pytest.raises(ValidationError):
        settings.period_examples("weekly", 12, day)


# --- first run -------------------------------------------------------------------------

SETUP: dict[str, Any] = {
    "unit_code": "26001", "unit_name": "Công an phường Thanh Bình",
    "province": "Tỉnh Thái Nguyên", "place_name": "Thanh Bình",
    "recipient_name": "Công an tỉnh Thái Nguyên", "admin_username": "quantri",
    "admin_full_name": "Lê Văn Quản", "admin_password": PASSWORD,
}


def test_set_up_creates_the_unit_with_its_convention_and_an_admin_who_can_log_in(
        empty_db: Database) -> None:
    actor = settings.set_up_installation(empty_db, **SETUP, period_convention="calendar",
                                         recipient_level="district")
    unit = units.home_unit(empty_db)
    assert unit is not None
    assert (unit.code, unit.name, unit.period_convention, unit.recipient_level) == (
        "26001", "Công an phường Thanh Bình", "calendar", "district")
    assert actor.role == "admin"
    assert users.login(empty_db, "quantri", PASSWORD) == actor


def test_set_up_with_a_bad_convention_writes_nothing(empty_db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        settings.set_up_installation(empty_db, **SETUP, year_start_month=6)
    assert err.value.field == "year_start_month"
    assert units.home_unit(empty_db) is None


def test_set_up_errors_name_the_parameter_at_fault(empty_db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        settings.set_up_installation(empty_db, **{**SETUP, "unit_code": "26 001"})
    assert err.value.field == "unit_code"
    assert units.home_unit(empty_db) is None
