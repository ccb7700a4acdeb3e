"""Accounts: creation, login with lock-out, password changes, activation, listing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from desktop.db import Database
from desktop.models import AuditEntry, Setting, User
from desktop.services import users
from desktop.services.access import Actor
from desktop.services.audit import audit_count, verify_chain
from desktop.services.errors import (
    AuthenticationError,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationError,
)

T0 = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
PASSWORD = "mat-khau-8"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> PasswordHasher:
    """Argon2id with tiny costs: the behaviour under test is the same, the suite stays fast."""
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(users, "HASHER", hasher)
    return hasher


def counts(db: Database) -> tuple[int, int]:
    with db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(User)) or 0), audit_count(s)


def user_row(db: Database, username: str) -> User:
    with db.transaction() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        return user


def last_audit(db: Database) -> AuditEntry:
    with db.transaction() as s:
        entry = s.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1))
        assert entry is not None
        return entry


def chain_ok(db: Database) -> bool:
    with db.transaction() as s:
        return verify_chain(s) is None


@pytest.fixture
def officer_account(db: Database, admin: Actor) -> users.UserView:
    return users.create_user(db, admin, "canbo", "Nguyễn Văn Cán", "officer", PASSWORD)


@pytest.fixture
def admin_account(db: Database, admin: Actor) -> users.UserView:
    return users.create_user(db, admin, "admin", "Quản Trị", "admin", PASSWORD)


# --- create_user -----------------------------------------------------------------------

def test_create_user_stores_an_argon2id_hash_and_audits_without_it(
    db: Database, admin: Actor
) -> None:
    view = users.create_user(db, admin, "  CanBo ", "nguyễn  văn cán", "officer", PASSWORD)

    assert (view.username, view.full_name, view.role, view.role_label) == (
        "canbo", "nguyễn văn cán", "officer", "Cán bộ")
    assert view.active
    assert view.version == 1
    assert view.unit_code == admin.unit_code
    assert not hasattr(view, "password_hash")
    row = user_row(db, "canbo")
    assert row.password_hash.startswith("$argon2id$")
    assert users.HASHER.verify(row.password_hash, PASSWORD)
    entry = last_audit(db)
    assert (entry.action, entry.entity, entry.entity_id) == ("create", "users", view.id)
    assert "argon2" not in entry.changes
    assert json.loads(entry.changes)["password"] == [None, "***"]
    assert chain_ok(db)


@pytest.mark.parametrize(
    ("username", "full_name", "role", "password", "field"),
    [
        ("", "Nguyễn Văn Cán", "officer", PASSWORD, "username"),
        ("cán bộ", "Nguyễn Văn Cán", "officer", PASSWORD, "username"),
        ("canbo2", "  ", "officer", PASSWORD, "full_name"),
        ("canbo2", "Nguyễn Văn Cán", "boss", PASSWORD, "role"),
        ("canbo2", "Nguyễn Văn Cán", "officer", "1234567", "password"),
    ],
)
def test_create_user_rejects_bad_input_and_writes_nothing(
    db: Database, admin: Actor, username: str, full_name: str, role: str, password: str,
    field: str,
) -> None:
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        users.create_user(db, admin, username, full_name, role, password)
    assert err.value.field == field
    assert counts(db) == before


def test_create_user_refuses_a_taken_username(
    db: Database, admin: Actor, officer_account: users.UserView
) -> None:
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        users.create_user(db, admin, "CANBO", "Người Khác", "leader", PASSWORD)
    assert err.value.field == "username"
    assert "canbo" in err.value.message
    assert counts(db) == before


@pytest.mark.parametrize("role_fixture", ["officer", "leader"])
def test_only_admins_create_and_list_users(
    db: Database, role_fixture: str, request: pytest.FixtureRequest
) -> None:
    actor: Actor = request.getfixturevalue(role_fixture)
    before = counts(db)
    with pytest.raises(PermissionDenied):
        users.create_user(db, actor, "moi", "Người Mới", "officer", PASSWORD)
    with pytest.raises(PermissionDenied):
        users.list_users(db, actor)
    assert counts(db) == before


# --- login -----------------------------------------------------------------------------

def test_login_returns_the_actor_and_audits(
    db: Database, officer_account: users.UserView
) -> None:
    actor = users.login(db, "CanBo", PASSWORD, now=T0)

    assert actor == Actor("canbo", "Nguyễn Văn Cán", "officer", officer_account.unit_code)
    entry = last_audit(db)
    assert (entry.action, entry.actor, entry.entity_id) == ("login", "canbo", officer_account.id)
    assert chain_ok(db)


def test_wrong_password_is_counted_audited_and_says_how_many_tries_are_left(
    db: Database, officer_account: users.UserView
) -> None:
    with pytest.raises(AuthenticationError) as err:
        users.login(db, "canbo", "sai-mat-khau", now=T0)
    assert "Còn 4 lần thử" in err.value.message
    assert user_row(db, "canbo").failed_logins == 1
    entry = last_audit(db)
    assert (entry.action, entry.entity_id) == ("login_failed", officer_account.id)
    assert chain_ok(db)


def test_unknown_user_is_refused_with_the_same_message_and_audited(
    db: Database, officer_account: users.UserView
) -> None:
    with pytest.raises(AuthenticationError) as err:
        users.login(db, "khongco", PASSWORD, now=T0)
    assert err.value.message == "Tên đăng nhập hoặc mật khẩu không đúng."
    entry = last_audit(db)
    assert (entry.action, entry.actor, entry.entity_id) == ("login_failed", "khongco", None)


def test_success_resets_the_failure_counter(
    db: Database, officer_account: users.UserView
) -> None:
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            users.login(db, "canbo", "sai-mat-khau", now=T0)
    users.login(db, "canbo", PASSWORD, now=T0)
    assert user_row(db, "canbo").failed_logins == 0
    # A fresh count: four more failures do not lock the account.
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            users.login(db, "canbo", "sai-mat-khau", now=T0)
    assert users.login(db, "canbo", PASSWORD, now=T0).username == "canbo"


def test_five_failures_lock_the_account_even_for_the_right_password(
    db: Database, officer_account: users.UserView
) -> None:
    for minute in range(4):
        with pytest.raises(AuthenticationError):
            users.login(db, "canbo", "sai", now=T0 + timedelta(minutes=minute))
    with pytest.raises(AuthenticationError) as fifth:
        users.login(db, "canbo", "sai", now=T0 + timedelta(minutes=4))
    until = T0 + timedelta(minutes=4 + 15)
    assert user_row(db, "canbo").locked_until == until
    assert "bị khóa" in fifth.value.message

    with pytest.raises(AuthenticationError) as refused:
        users.login(db, "canbo", PASSWORD, now=until - timedelta(seconds=1))
    local = until.astimezone()
    assert f"{local:%H:%M} ngày {local:%d/%m/%Y}" in refused.value.message
    assert json.loads(last_audit(db).changes)["reason"] == [None, "locked"]

    actor = users.login(db, "canbo", PASSWORD, now=until)
    assert actor.username == "canbo"
    row = user_row(db, "canbo")
    assert (row.failed_logins, row.locked_until) == (0, None)
    assert chain_ok(db)


def test_lockout_follows_the_installation_settings(
    db: Database, officer_account: users.UserView
) -> None:
    with db.transaction() as s:
        s.add_all([Setting(key="max_failed_logins", value="2"),
                   Setting(key="lockout_minutes", value="60")])
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            users.login(db, "canbo", "sai", now=T0)
    assert user_row(db, "canbo").locked_until == T0 + timedelta(minutes=60)
    with pytest.raises(AuthenticationError):
        users.login(db, "canbo", PASSWORD, now=T0 + timedelta(minutes=59))
    assert users.login(db, "canbo", PASSWORD, now=T0 + timedelta(minutes=60)).role == "officer"


def test_login_rehashes_when_the_hasher_parameters_changed(
    db: Database, officer_account: users.UserView, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_hash = user_row(db, "canbo").password_hash
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    monkeypatch.setattr(users, "HASHER", stronger)

    users.login(db, "canbo", PASSWORD, now=T0)

    new_hash = user_row(db, "canbo").password_hash
    assert new_hash != old_hash
    assert not stronger.check_needs_rehash(new_hash)
    assert json.loads(last_audit(db).changes)["password_rehashed"] == [False, True]
    assert "argon2" not in last_audit(db).changes
    users.login(db, "canbo", PASSWORD, now=T0)  # the new hash still verifies


def test_a_disabled_account_cannot_log_in(
    db: Database, admin: Actor, admin_account: users.UserView,
    officer_account: users.UserView,
) -> None:
    users.set_user_active(db, admin, "canbo", False)
    with pytest.raises(AuthenticationError) as err:
        users.login(db, "canbo", PASSWORD, now=T0)
    assert "vô hiệu hóa" in err.value.message


# --- change_password -------------------------------------------------------------------

def test_own_password_change_needs_the_old_password(
    db: Database, officer: Actor, officer_account: users.UserView
) -> None:
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        users.change_password(db, officer, "canbo", "sai-mat-khau", "mat-khau-moi")
    assert err.value.field == "old_password"
    assert counts(db) == before

    view = users.change_password(db, officer, "canbo", PASSWORD, "mat-khau-moi")

    assert view.version == officer_account.version + 1
    assert users.login(db, "canbo", "mat-khau-moi", now=T0).username == "canbo"
    with pytest.raises(AuthenticationError):
        users.login(db, "canbo", PASSWORD, now=T0)
    with db.transaction() as s:
        changed = s.scalar(select(AuditEntry).where(AuditEntry.action == "change_password"))
        assert changed is not None
        assert "argon2" not in changed.changes
    assert chain_ok(db)


def test_a_leader_may_change_their_own_password(db: Database, admin: Actor) -> None:
    users.create_user(db, admin, "truongca", "Trần Văn Trưởng", "leader", PASSWORD)
    leader = users.login(db, "truongca", PASSWORD, now=T0)
    users.change_password(db, leader, "truongca", PASSWORD, "doi-mat-khau")
    assert users.login(db, "truongca", "doi-mat-khau", now=T0).role == "leader"


def test_new_password_must_be_long_enough(
    db: Database, officer: Actor, officer_account: users.UserView
) -> None:
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        users.change_password(db, officer, "canbo", PASSWORD, "ngan")
    assert err.value.field == "new_password"
    assert counts(db) == before


def test_admin_resets_another_password_and_unlocks(
    db: Database, admin: Actor, officer_account: users.UserView
) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            users.login(db, "canbo", "sai", now=T0)
    users.change_password(db, admin, "canbo", None, "mat-khau-cap-lai")
    assert users.login(db, "canbo", "mat-khau-cap-lai", now=T0).username == "canbo"
    with db.transaction() as s:
        assert s.scalar(select(AuditEntry.actor).where(
            AuditEntry.action == "reset_password")) == "admin"


def test_an_officer_cannot_reset_someone_elses_password(
    db: Database, officer: Actor, admin_account: users.UserView
) -> None:
    before = counts(db)
    with pytest.raises(PermissionDenied):
        users.change_password(db, officer, "admin", None, "mat-khau-moi")
    assert counts(db) == before


def test_reset_of_an_unknown_user_is_not_found(db: Database, admin: Actor) -> None:
    with pytest.raises(NotFound):
        users.change_password(db, admin, "khongco", None, "mat-khau-moi")


# --- set_user_active / list_users ------------------------------------------------------

def test_deactivate_and_reactivate(
    db: Database, admin: Actor, admin_account: users.UserView,
    officer_account: users.UserView,
) -> None:
    off = users.set_user_active(db, admin, "canbo", False)
    assert not off.active
    assert off.version == officer_account.version + 1
    assert last_audit(db).action == "deactivate_user"
    on = users.set_user_active(db, admin, "canbo", True)
    assert on.active
    assert on.version == officer_account.version + 2
    assert users.login(db, "canbo", PASSWORD, now=T0).username == "canbo"
    assert chain_ok(db)


def test_an_admin_cannot_disable_their_own_account(
    db: Database, admin: Actor, admin_account: users.UserView
) -> None:
    users.create_user(db, admin, "admin2", "Quản Trị Hai", "admin", PASSWORD)
    before = counts(db)
    with pytest.raises(ServiceError) as err:
        users.set_user_active(db, admin, "admin", False)
    assert "tự vô hiệu hóa" in err.value.message
    assert counts(db) == before
    assert user_row(db, "admin").active


def test_the_last_active_admin_cannot_be_disabled(
    db: Database, admin: Actor, admin_account: users.UserView
) -> None:
    users.create_user(db, admin, "admin2", "Quản Trị Hai", "admin", PASSWORD)
    second = Actor("admin2", "Quản Trị Hai", "admin", admin.unit_code)
    users.set_user_active(db, second, "admin", False)  # allowed: admin2 is still active
    users.set_user_active(db, second, "admin", True)
    users.set_user_active(db, admin, "admin2", False)
    before = counts(db)
    # An administrator acting from elsewhere (e.g. a restore tool) still cannot leave the
    # office without an active administrator.
    with pytest.raises(ServiceError) as err:
        users.set_user_active(db, Actor("khac", "Khác", "admin", admin.unit_code), "admin",
                              False)
    assert "quản trị viên cuối cùng" in err.value.message
    assert counts(db) == before
    assert user_row(db, "admin").active


@pytest.mark.parametrize("role_fixture", ["officer", "leader"])
def test_only_admins_change_activation(
    db: Database, officer_account: users.UserView, role_fixture: str,
    request: pytest.FixtureRequest,
) -> None:
    actor: Actor = request.getfixturevalue(role_fixture)
    before = counts(db)
    with pytest.raises(PermissionDenied):
        users.set_user_active(db, actor, "canbo", False)
    assert counts(db) == before
    assert user_row(db, "canbo").active


def test_list_users_is_sorted_and_hides_hashes(
    db: Database, admin: Actor, admin_account: users.UserView,
    officer_account: users.UserView,
) -> None:
    listed = users.list_users(db, admin)
    assert [u.username for u in listed] == ["admin", "canbo"]
    assert all("argon2" not in repr(u) for u in listed)
