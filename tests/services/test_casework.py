"""What the care-record services share: labels of their codes and the unit's rule set."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from desktop.db import Database
from desktop.models import (
    COMMUNITY_KINDS,
    CONTACT_FORMS,
    LOAN_PURPOSES,
    LOAN_STATUSES,
    RISK_SIGNS,
    SUPPORT_KINDS,
    TEAM_ROLES,
    VIOLATION_KINDS,
    Unit,
)
from desktop.rules.classification import CLASSIFICATIONS
from desktop.services import casework, labels
from desktop.services.access import Actor
from desktop.services.errors import NotFound


@pytest.mark.parametrize(
    ("codes", "mapping"),
    [
        (TEAM_ROLES, labels.TEAM_ROLE_LABELS),
        (CONTACT_FORMS, labels.CONTACT_FORM_LABELS),
        (RISK_SIGNS, labels.RISK_SIGN_LABELS),
        (SUPPORT_KINDS, labels.SUPPORT_KIND_LABELS),
        (LOAN_PURPOSES, labels.LOAN_PURPOSE_LABELS),
        (LOAN_STATUSES, labels.LOAN_STATUS_LABELS),
        (VIOLATION_KINDS, labels.VIOLATION_KIND_LABELS),
        (CLASSIFICATIONS, labels.CLASSIFICATION_SHORT_LABELS),
        (COMMUNITY_KINDS, labels.COMMUNITY_KIND_LABELS),
    ],
)
def test_every_care_code_has_a_distinct_label(codes: tuple[str, ...],
                                              mapping: dict[str, str]) -> None:
    assert set(mapping) == set(codes)
    assert len(set(mapping.values())) == len(codes)
    assert all(text.strip() == text and text for text in mapping.values())


def test_unit_rule_set_applies_the_units_own_settings(db: Database, officer: Actor) -> None:
    with db.transaction() as s:
        s.execute(update(Unit).where(Unit.code == "26001")
                  .values(loan_violation_free_months=6, contact_interval_days=10))
    with db.transaction() as s:
        unit = casework.home_unit(s, officer)
        before = casework.unit_rule_set(unit, date(2026, 6, 30))
        after = casework.unit_rule_set(unit, date(2026, 7, 1))
    assert (before.name, after.name) == ("THAHS_2019", "THAHS_2025")
    assert (after.loan_violation_free_months, after.contact_interval_days) == (6, 10)
    assert after.loan_business_max_vnd == 100_000_000  # the law's values are kept


def test_a_named_rule_set_setting_is_followed(db: Database, officer: Actor) -> None:
    with db.transaction() as s:
        s.execute(update(Unit).where(Unit.code == "26001").values(rule_set_name="THAHS_2019"))
    with db.transaction() as s:
        assert casework.unit_rule_set(casework.home_unit(s, officer),
                                      date(2026, 11, 26)).name == "THAHS_2019"


def test_an_actor_without_a_unit_row_is_told_so(db: Database) -> None:
    stranger = Actor("x", "Người Lạ", "officer", "00000")
    with db.transaction() as s, pytest.raises(NotFound, match="00000"):
        casework.home_unit(s, stranger)
