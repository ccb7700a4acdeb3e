"""Local accounts: creating users, logging in with lock-out, passwords and activation.

Passwords are Argon2id hashes (argon2-cffi, SPEC §8); repeated failures lock an account for
the installation's `lockout_minutes`. Hashes never leave this module: views get `UserView`,
and the audit trail records that a password changed, never the hash itself.

Login bookkeeping (failure counter, lock-out, rehash) is audited but does not bump the
account's `version`: it is not an edit of the record and must not travel as a change.

On an encrypted database (`db.key` set) each active account's password also unlocks the
key file (desktop/security/keyfile.py), so every use case that sets a password writes the
user's wrap too (`store_key_wrap`), inside its transaction: a key file that cannot be
written rolls the change back. Disabling an account removes its wrap; an admin's unlock
also lifts the key file's lock-out. A re-enabled account needs a password reset before it
can open an encrypted database again.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.config import SETTING_DEFAULTS
from desktop.db import Database
from desktop.models import ROLES, Setting, User, utcnow
from desktop.security import keyfile
from desktop.services import records, validation
from desktop.services.access import ROLE_LABELS, Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import AuthenticationError, NotFound, ServiceError, ValidationError
from desktop.text import nfc, tidy_spaces

# argon2-cffi's default profile is Argon2id (RFC 9106 low-memory); tests may swap in a
# cheaper hasher, and `login` upgrades old hashes whenever the profile changes.
HASHER = PasswordHasher()

MIN_PASSWORD_LEN = 8
_USERNAME = re.compile(r"[a-z0-9._-]{2,60}")
_WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."


@dataclass(frozen=True)
class UserView:
    """An account as views see it: everything but the password hash."""

    id: str
    username: str
    full_name: str
    role: str
    role_label: str
    active: bool
    failed_logins: int
    locked_until: datetime | None
    unit_code: str
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class NewUser:
    """A validated new account, ready to insert (the password is already hashed)."""

    username: str
    full_name: str
    role: str
    password_hash: str


def view(user: User) -> UserView:
    """The plain view of a user row."""
    return UserView(
        id=user.id, username=user.username, full_name=user.full_name, role=user.role,
        role_label=ROLE_LABELS.get(user.role, user.role), active=user.active,
        failed_logins=user.failed_logins, locked_until=user.locked_until,
        unit_code=user.unit_code, version=user.version, created_at=user.created_at,
        updated_at=user.updated_at,
    )


def actor_of(user: User) -> Actor:
    """The Actor on whose behalf use cases run once `user` has logged in."""
    return Actor(username=user.username, full_name=user.full_name, role=user.role,
                 unit_code=user.unit_code)


def check_username(raw: str) -> str:
    """A login name: lower case, unaccented letters, digits and . _ - (2–60 characters)."""
    name = validation.text("username", raw, required=True, max_len=60).lower()
    if not _USERNAME.fullmatch(name):
        raise ValidationError(
            "username",
            "Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và các dấu . _ - "
            "(từ 2 đến 60 ký tự, không có khoảng trắng).",
        )
    return name


def check_password(field: str, password: str) -> str:
    """A new password: at least MIN_PASSWORD_LEN characters."""
    if len(password) < MIN_PASSWORD_LEN:
        raise ValidationError(
            field,
            f"{validation.field_label(field)} phải có ít nhất {MIN_PASSWORD_LEN} ký tự.",
        )
    return password


def validate_new_user(username: str, full_name: str, role: str, password: str) -> NewUser:
    """Check every field of a new account and hash its password (writes nothing)."""
    return NewUser(
        username=check_username(username),
        full_name=validation.text("full_name", full_name, required=True),
        role=validation.one_of("role", role, ROLES, ROLE_LABELS),
        password_hash=HASHER.hash(check_password("password", password)),
    )


def add_user(session: Session, actor: Actor, new: NewUser) -> User:
    """Insert a validated account; refuses a login name that is taken."""
    taken = session.scalar(select(User.id).where(User.username == new.username))
    if taken is not None:
        raise ValidationError("username", f"Tên đăng nhập “{new.username}” đã có người dùng.")
    # Not records.create: it audits every field, and a hash must never reach the audit trail.
    now = utcnow()
    user = User(username=new.username, full_name=new.full_name, role=new.role, active=True,
                failed_logins=0, password_hash=new.password_hash, unit_code=actor.unit_code,
                version=1, created_at=now, updated_at=now)
    session.add(user)
    session.flush()
    write_audit(session, actor, "create", "users", user.id, {
        "username": (None, user.username), "full_name": (None, user.full_name),
        "role": (None, user.role), "password": (None, "***"),
    })
    return user


def create_user(db: Database, actor: Actor, username: str, full_name: str, role: str,
                password: str) -> UserView:
    """Create an account of the actor's unit (administrators only)."""
    require(actor, Action.MANAGE_USERS)
    new = validate_new_user(username, full_name, role, password)
    with db.transaction() as session:
        user = add_user(session, actor, new)
        store_key_wrap(db, user.username, password)
        return view(user)


def store_key_wrap(db: Database, username: str, password: str) -> None:
    """Encrypted database: let `password` unlock the key file for `username` (new account,
    changed or reset password). Call inside the transaction that stores the hash."""
    if db.key is not None and db.keyfile is not None:
        keyfile.add_wrap(db.keyfile, db.key, username, password)


def setting_int(session: Session, key: str) -> int:
    """An installation setting stored as JSON in `settings`, or its declared default."""
    raw = session.scalar(select(Setting.value).where(Setting.key == key))
    value = json.loads(raw) if raw is not None else SETTING_DEFAULTS[key]
    return int(value)


def _find_user(session: Session, username: str) -> User | None:
    # No validation here: whatever is typed at the login prompt just fails to match.
    name = tidy_spaces(nfc(username)).lower()
    return session.scalar(select(User).where(User.username == name, User.deleted_at.is_(None)))


def _password_matches(password_hash: str, password: str) -> bool:
    try:
        return bool(HASHER.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def _locked_message(until: datetime) -> str:
    local = until.astimezone()
    return (f"Tài khoản đang bị khóa do đăng nhập sai nhiều lần, đến {local:%H:%M} ngày "
            f"{local:%d/%m/%Y}. Hãy thử lại sau hoặc nhờ quản trị viên mở khóa.")


def login(db: Database, username: str, password: str, now: datetime | None = None) -> Actor:
    """Check the password and return the Actor; AuthenticationError says why not.

    The failure counter must survive the refusal, so the transaction commits first and the
    error is raised after it: raising inside would roll the counter back.
    """
    at = now or utcnow()
    failure: str | None
    with db.transaction() as session:
        user = _find_user(session, username)
        if user is None:
            # Hash anyway so an unknown name takes as long as a wrong password.
            _password_matches(_dummy_hash(), password)
            write_audit(session, _anonymous(username), "login_failed", "users", None,
                        {"reason": (None, "unknown_user")}, unit_code="")
            failure = _WRONG_CREDENTIALS
        else:
            failure = _attempt(session, user, password, at)
            actor = actor_of(user)
    if failure is not None:
        raise AuthenticationError(failure)
    return actor


@cache
def _dummy_hash() -> str:
    # Computed on first use, not at import: hashing costs a noticeable fraction of a second.
    return str(HASHER.hash("hoanhap-dummy-password"))


def _anonymous(username: str) -> Actor:
    return Actor(username=username[:60], full_name="", role="", unit_code="")


def _attempt(session: Session, user: User, password: str, at: datetime) -> str | None:
    """Apply one login attempt to `user`; None on success, else the message to show."""
    actor = actor_of(user)
    if user.locked_until is not None and at < user.locked_until:
        write_audit(session, actor, "login_failed", "users", user.id,
                    {"reason": (None, "locked")})
        return _locked_message(user.locked_until)
    if not _password_matches(user.password_hash, password):
        return _record_failure(session, user, at)
    if not user.active:
        write_audit(session, actor, "login_failed", "users", user.id,
                    {"reason": (None, "inactive")})
        return "Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị viên."
    changes: dict[str, tuple[object, object]] = {}
    if user.failed_logins or user.locked_until is not None:
        changes["failed_logins"] = (user.failed_logins, 0)
        user.failed_logins, user.locked_until = 0, None
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
        changes["password_rehashed"] = (False, True)
    write_audit(session, actor, "login", "users", user.id, changes)
    return None


def _record_failure(session: Session, user: User, at: datetime) -> str:
    """Count a wrong password; the N-th in a row locks the account for a while."""
    limit = setting_int(session, "max_failed_logins")
    old = user.failed_logins
    user.failed_logins = old + 1
    changes: dict[str, tuple[object, object]] = {"failed_logins": (old, user.failed_logins)}
    if user.failed_logins >= limit:
        until = at + timedelta(minutes=setting_int(session, "lockout_minutes"))
        changes["locked_until"] = (user.locked_until, until)
        # A fresh count after the lock-out: the next N attempts start from zero.
        user.locked_until, user.failed_logins = until, 0
    write_audit(session, actor_of(user), "login_failed", "users", user.id, changes)
    if user.locked_until is not None and at < user.locked_until:
        return _locked_message(user.locked_until)
    left = limit - user.failed_logins
    return f"{_WRONG_CREDENTIALS} Còn {left} lần thử trước khi tài khoản bị khóa tạm thời."


def _owned_user(session: Session, actor: Actor, username: str) -> User:
    user = _find_user(session, username)
    if user is None or user.unit_code != actor.unit_code:
        raise NotFound(f"Không tìm thấy người dùng “{username}”.")
    return user


def _set_password(session: Session, actor: Actor, user: User, new_password: str,
                  action: str) -> None:
    """Store a new hash; the audit says the password changed but never holds a hash."""
    user.password_hash = HASHER.hash(new_password)
    user.failed_logins, user.locked_until = 0, None
    user.version += 1
    user.updated_at = utcnow()
    session.flush()
    write_audit(session, actor, action, "users", user.id, {"password": ("***", "***")})


def change_password(db: Database, actor: Actor, username: str, old_password: str | None,
                    new_password: str) -> UserView:
    """Change one's own password (the old one is required) or, as admin, reset another's."""
    own = actor.username == username.strip().lower()
    if not own:
        require(actor, Action.MANAGE_USERS)
    check_password("new_password", new_password)
    with db.transaction() as session:
        user = _owned_user(session, actor, username)
        if own and not _password_matches(user.password_hash, old_password or ""):
            raise ValidationError("old_password", "Mật khẩu hiện tại không đúng.")
        _set_password(session, actor, user, new_password,
                      "change_password" if own else "reset_password")
        store_key_wrap(db, user.username, new_password)
        return view(user)


def _active_admins(session: Session, unit_code: str) -> int:
    return int(session.scalar(
        select(func.count()).select_from(User).where(
            User.role == "admin", User.active.is_(True), User.deleted_at.is_(None),
            User.unit_code == unit_code)
    ) or 0)


def set_user_active(db: Database, actor: Actor, username: str, active: bool) -> UserView:
    """Enable or disable an account; the last active administrator cannot be disabled."""
    require(actor, Action.MANAGE_USERS)
    with db.transaction() as session:
        user = _owned_user(session, actor, username)
        if not active and user.username == actor.username:
            raise ServiceError("Không thể tự vô hiệu hóa tài khoản đang đăng nhập.")
        if not active and user.role == "admin" and user.active and \
                _active_admins(session, actor.unit_code) <= 1:
            raise ServiceError(
                "Không thể vô hiệu hóa quản trị viên cuối cùng: hãy tạo hoặc kích hoạt "
                "một quản trị viên khác trước."
            )
        values: dict[str, object] = {"active": active}
        if active:
            values.update(failed_logins=0, locked_until=None)
        records.update(session, actor, user, values,
                       action="activate_user" if active else "deactivate_user")
        _sync_key_access(db, user.username, active)
        return view(user)


def _sync_key_access(db: Database, username: str, active: bool) -> None:
    """Encrypted database: a disabled account's password must no longer unlock the key."""
    if db.keyfile is None:
        return
    if active:
        keyfile.reset_failures(db.keyfile, username)
    else:
        keyfile.remove_wrap(db.keyfile, username)


def has_key_wrap(db: Database, username: str) -> bool:
    """Whether `username` can open this encrypted database with a password (always true
    for a plain database)."""
    if db.keyfile is None:
        return True
    return keyfile.read_keyfile(db.keyfile).user_wrap(keyfile.username_key(username)) \
        is not None


def list_users(db: Database, actor: Actor) -> list[UserView]:
    """The unit's accounts by login name (administrators only)."""
    require(actor, Action.MANAGE_USERS)
    with db.reading() as session:
        rows = session.scalars(
            select(User).where(User.unit_code == actor.unit_code, User.deleted_at.is_(None))
            .order_by(User.username)
        )
        return [view(u) for u in rows]
