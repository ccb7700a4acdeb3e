"""Installation settings, first-run set-up, and what the Settings screen explains.

Each setting is declared once in `config.SETTINGS` with its default and Vietnamese title;
the `settings` table holds only values an administrator changed, as JSON. This module adds
the range each value may take, reads values back (falling back to the default), and saves
changes for administrators with an audit entry.

`set_up_installation` is the first run as the set-up wizard performs it: the home unit, its
first administrator, the reporting convention and the signing certificate, all checked
before anything is written.

It also gives the Settings screen the facts it shows beside the unit's reporting choices —
the rule sets one may pin, and which periods today falls in under a convention — so views
never reach into `desktop.rules` themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.config import SETTINGS, SettingSpec
from desktop.db import Database
from desktop.formatting import format_date
from desktop.models import Setting
from desktop.rules import periods
from desktop.rules.ruleset import DEFAULT_RULE_SET_NAME, RULE_SETS
from desktop.services import units, users, validation
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import ValidationError

SettingValue = int | str | bool

# The values each numeric setting may take. Bounds are generous but stop the mistakes that
# hurt: a lock-out of 0 minutes disables it, an idle lock of a week leaves the PC open.
LIMITS: dict[str, tuple[int, int]] = {
    "idle_lock_minutes": (1, 240),
    "max_failed_logins": (3, 20),
    "lockout_minutes": (1, 1440),
    "backups_kept": (1, 100),
}

_SPECS: dict[str, SettingSpec] = {spec.key: spec for spec in SETTINGS}


@dataclass(frozen=True)
class SettingView:
    """One installation setting as the Settings screen shows it."""

    key: str
    title: str
    value: SettingValue
    default: SettingValue
    minimum: int | None  # for numbers; None otherwise
    maximum: int | None


@dataclass(frozen=True)
class RuleSetChoice:
    """A value the unit's `rule_set_name` may take, with what it means."""

    name: str
    title: str
    effective_from: date | None  # None for "auto"
    effective_to: date | None


@dataclass(frozen=True)
class PeriodExample:
    """The period of one kind containing a given day, in words ("quý IV năm 2026")."""

    kind: str  # "month", "quarter", "half", "year"
    label: str
    dates: str


def _decode(spec: SettingSpec, raw: str | None) -> SettingValue:
    """The stored value, or the default when there is none or it is unreadable.

    A damaged row must not stop anyone from logging in or opening Settings, where the
    administrator can simply save a good value again.
    """
    if raw is None:
        return spec.default
    try:
        value = json.loads(raw)
    except ValueError:
        return spec.default
    if type(value) is not type(spec.default):
        return spec.default
    if isinstance(value, int) and not isinstance(value, bool) and spec.key in LIMITS:
        low, high = LIMITS[spec.key]
        if not low <= value <= high:
            return spec.default
    return value  # type: ignore[no-any-return]


def _stored(session: Session) -> dict[str, str]:
    rows = session.execute(select(Setting.key, Setting.value)).all()
    return {row.key: row.value for row in rows}


def _view(spec: SettingSpec, value: SettingValue) -> SettingView:
    low, high = LIMITS.get(spec.key, (None, None))
    return SettingView(key=spec.key, title=spec.title, value=value, default=spec.default,
                       minimum=low, maximum=high)


def list_settings(db: Database) -> list[SettingView]:
    """Every installation setting in declaration order, with its current value.

    Readable by anyone signed in (nothing here is personal data); only saving is guarded.
    """
    with db.reading() as session:
        stored = _stored(session)
    return [_view(spec, _decode(spec, stored.get(spec.key))) for spec in SETTINGS]


def setting_value(db: Database, key: str) -> SettingValue:
    """The current value of one setting (its default if never changed)."""
    spec = _SPECS[key]
    with db.reading() as session:
        raw = session.scalar(select(Setting.value).where(Setting.key == key))
    return _decode(spec, raw)


def _clean(key: str, value: object) -> SettingValue:
    """Check one new value against its declared type and range."""
    spec = _SPECS.get(key)
    if spec is None:
        raise ValidationError(key, f"“{key}” không phải là cài đặt của phần mềm.")
    if isinstance(spec.default, bool):
        if not isinstance(value, bool):
            raise ValidationError(key, f"{spec.title}: chỉ nhận giá trị có hoặc không.")
        return value
    if isinstance(spec.default, int):
        # bool is an int subclass; a checkbox value here is a caller's bug, not a number.
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError(key, f"{spec.title} phải là một số nguyên.")
        low, high = LIMITS[key]
        checked = validation.int_range(key, value, low, high, required=True, label=spec.title)
        assert checked is not None
        return checked
    return validation.text(key, value if isinstance(value, str) else str(value),
                           label=spec.title)


def _put(session: Session, key: str, encoded: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded


def update_settings(db: Database, actor: Actor, **values: Any) -> list[SettingView]:
    """Save changed settings (administrators only); every value is checked before any is
    written, and one audit entry lists what changed. Returns all settings afterwards."""
    require(actor, Action.MANAGE_SETTINGS)
    cleaned = {key: _clean(key, value) for key, value in values.items()}
    with db.transaction() as session:
        stored = _stored(session)
        changes: dict[str, tuple[object, object]] = {}
        for key, new in cleaned.items():
            raw = stored.get(key)
            old = _decode(_SPECS[key], raw)
            # Only changed values are stored, so a default improved in a later version
            # still reaches installations that never touched it.
            if raw is None and new == old:
                continue
            encoded = json.dumps(new)
            if raw != encoded:
                _put(session, key, encoded)
            if old != new:
                changes[key] = (old, new)
        if changes:
            session.flush()
            write_audit(session, actor, "update", "settings", None, changes)
    return list_settings(db)


def rule_set_choices() -> list[RuleSetChoice]:
    """"auto" (the rule set in force on each day) first, then every named rule set."""
    auto = RuleSetChoice(DEFAULT_RULE_SET_NAME, "Tự động theo ngày (quy định có hiệu lực "
                         "vào ngày được tính)", None, None)
    return [auto, *(RuleSetChoice(rs.name, rs.title, rs.effective_from, rs.effective_to)
                    for rs in RULE_SETS)]


def rule_set_dates(choice: RuleSetChoice) -> str:
    """When a rule set applies, in words: "từ 01/07/2026" or "từ 01/01/2020 đến 30/06/2026"."""
    if choice.effective_from is None:
        return ""
    if choice.effective_to is None:
        return f"từ {format_date(choice.effective_from)}"
    return f"từ {format_date(choice.effective_from)} đến {format_date(choice.effective_to)}"


_EXAMPLE_KINDS = (("month", periods.month_of), ("quarter", periods.quarter_of),
                  ("year", periods.year_of))


def period_examples(convention: str, year_start_month: int, day: date) -> list[PeriodExample]:
    """The month, quarter and year containing `day` under a convention, for the help text."""
    examples = []
    for kind, period_of in _EXAMPLE_KINDS:
        period = validation.rule(period_of, day, convention, year_start_month)
        examples.append(PeriodExample(kind, period.label_vi, period.dates_vi))
    return examples


CERTIFICATE_CHOICES = ("create", "import", "later")


@dataclass(frozen=True)
class _CertificatePlan:
    """The first-run certificate step, checked: what to do and with what."""

    choice: str
    password: str = ""
    p12: bytes = b""


def _plan_certificate(choice: str, password: str, file: str,
                      file_password: str) -> _CertificatePlan:
    """Check the certificate step before anything is written (set-up runs only once)."""
    # Imported on use: reading a .p12 needs `cryptography`, which nothing else here does.
    from desktop.reports.certificates import SigningError, read_pkcs12

    if choice not in CERTIFICATE_CHOICES:
        raise ValidationError("certificate", "Hãy chọn tạo chứng thư số, đăng ký tệp "
                                             "chứng thư số, hoặc để sau.")
    if choice == "create":
        if len(password) < users.MIN_PASSWORD_LEN:
            raise ValidationError("certificate_password", "Mật khẩu chứng thư số phải có ít "
                                  f"nhất {users.MIN_PASSWORD_LEN} ký tự.")
        return _CertificatePlan(choice, password=password)
    if choice == "later":
        return _CertificatePlan(choice)
    if not file.strip():
        raise ValidationError("certificate_file", "Hãy chọn tệp chứng thư số (.p12, .pfx).")
    try:
        p12 = Path(file.strip()).read_bytes()
    except OSError:
        raise ValidationError("certificate_file", f"Không đọc được tệp {file.strip()}.") \
            from None
    # A PKCS#12 file is one DER SEQUENCE: anything else is the wrong file, and the message
    # belongs under the file, not under the password the user would then retype.
    if not p12.startswith(b"\x30"):
        raise ValidationError("certificate_file", f"Tệp {Path(file.strip()).name} không phải "
                                                  "là chứng thư số dạng .p12/.pfx.")
    try:
        read_pkcs12(p12, file_password)
    except SigningError as exc:
        raise ValidationError("certificate_file_password", exc.message) from exc
    return _CertificatePlan(choice, password=file_password, p12=p12)


def _set_up_certificate(db: Database, actor: Actor, plan: _CertificatePlan) -> None:
    # Imported on use: signing pulls in pyHanko, which only this step and signing need.
    from desktop.services import signing_keys

    if plan.choice == "create":
        signing_keys.ensure_unit_certificate(db, actor, plan.password)
    elif plan.choice == "import":
        signing_keys.import_certificate(db, actor, plan.p12, plan.password)


def set_up_installation(
    db: Database, *, unit_code: str, unit_name: str, province: str, admin_username: str,
    admin_full_name: str, admin_password: str, place_name: str = "",
    recipient_name: str = "", recipient_level: str = "province",
    period_convention: str = "cutoff", year_start_month: int = 12,
    certificate: str = "later", certificate_password: str = "", certificate_file: str = "",
    certificate_file_password: str = "", police_chief: str = "",
    police_chief_title: str = "TRƯỞNG CÔNG AN", chairperson: str = "",
    chairperson_title: str = "CHỦ TỊCH", signer_prefix: str = "TM. ỦY BAN NHÂN DÂN",
    recovery_code: str = "",
) -> Actor:
    """First run: create the home unit and its administrator, then set the reporting
    convention and the signing certificate; returns the administrator, signed in. Errors
    name the parameter at fault.

    `certificate` is "create" (the unit's own certificate, protected by
    `certificate_password`), "import" (register the .p12/.pfx at `certificate_file`,
    opened with `certificate_file_password`, as a known signer) or "later" (the unit's
    certificate is then made when a report is first signed with it). The signers and the
    authority line (Decree 30/2020 signature block) default to the usual commune wording.

    On an encrypted database (`db.key`, made by `encryption.begin_setup`) the
    administrator's password wraps the key as the account is created, and the last step
    wraps it for `recovery_code` — the code the user was shown and wrote down — which ends
    the set-up (docs/security.md). A plain database ignores `recovery_code`.

    Later first-run steps belong here, in order, so the wizard and any headless set-up
    share them.
    """
    from desktop.services import encryption

    if db.key is not None:
        _check_recovery_code(recovery_code)
    # Checked before the unit exists: set-up refuses to run twice, so a value rejected
    # after `initialize` could never be corrected by running the wizard again.
    unit_settings = units.validate_settings({
        "period_convention": period_convention, "year_start_month": year_start_month,
        "police_chief": police_chief, "police_chief_title": police_chief_title,
        "chairperson": chairperson, "chairperson_title": chairperson_title,
        "signer_prefix": signer_prefix})
    plan = _plan_certificate(certificate, certificate_password, certificate_file,
                             certificate_file_password)
    actor = units.initialize(
        db, unit_code=unit_code, unit_name=unit_name, province=province,
        admin_username=admin_username, admin_full_name=admin_full_name,
        admin_password=admin_password, place_name=place_name,
        recipient_name=recipient_name, recipient_level=recipient_level)
    units.update_unit_settings(db, actor, **unit_settings)
    _set_up_certificate(db, actor, plan)
    if db.key is not None:
        encryption.finish_setup(db, recovery_code)
    return actor


def _check_recovery_code(code: str) -> None:
    from desktop.security.errors import KeyFileError
    from desktop.security.keyfile import normalize_recovery_code

    try:
        normalize_recovery_code(code)
    except KeyFileError as exc:
        raise ValidationError("recovery_code", exc.message) from None
