"""The named, dated rule sets (SPEC §2): parameters, date ranges, lookup by name and date."""

from __future__ import annotations

import dataclasses
import itertools
import unicodedata
from datetime import date, timedelta

import pytest

from desktop.rules.classification import (
    CLASSIFICATIONS,
    classification_label,
    validate_classification,
)
from desktop.rules.errors import RuleInputError
from desktop.rules.ruleset import (
    DEFAULT_RULE_SET_NAME,
    RULE_SETS,
    THAHS_2019,
    THAHS_2025,
    resolve_rule_set,
    rule_set_for,
    rule_set_named,
)


def test_rule_sets_are_contiguous_and_ordered() -> None:
    """Every day from 2020 on is governed by exactly one rule set."""
    assert RULE_SETS == (THAHS_2019, THAHS_2025)
    for older, newer in itertools.pairwise(RULE_SETS):
        assert older.effective_to is not None
        assert older.effective_to + timedelta(days=1) == newer.effective_from
    assert RULE_SETS[-1].effective_to is None


def test_law_127_2025_takes_over_on_1_july_2026() -> None:
    """Law 127/2025/QH15 is in force from 01/07/2026; the 2019 law governs 30/06/2026."""
    assert rule_set_for(date(2026, 6, 30)) is THAHS_2019
    assert rule_set_for(date(2026, 7, 1)) is THAHS_2025
    assert rule_set_for(date(2040, 1, 1)) is THAHS_2025
    assert rule_set_for(date(2020, 1, 1)) is THAHS_2019


def test_days_before_2020_use_the_oldest_rule_set() -> None:
    assert rule_set_for(date(2015, 5, 1)) is THAHS_2019


def test_rule_set_names_and_titles() -> None:
    assert THAHS_2019.name == "THAHS_2019"
    assert THAHS_2019.title == "Luật THAHS 2019, NĐ 49/2020, TT 10/2024"
    assert THAHS_2025.name == "THAHS_2025"
    assert THAHS_2025.title == "Luật THAHS số 127/2025/QH15"
    assert THAHS_2025.legal_basis[0] == "Luật Thi hành án hình sự số 127/2025/QH15"


def test_rule_set_named_is_case_insensitive() -> None:
    assert rule_set_named("THAHS_2019") is THAHS_2019
    assert rule_set_named(" thahs_2025 ") is THAHS_2025


def test_unknown_rule_set_name_is_refused_in_vietnamese() -> None:
    with pytest.raises(RuleInputError) as caught:
        rule_set_named("THAHS_1999")
    assert caught.value.field == "rule_set"
    assert "THAHS_1999" in caught.value.message
    assert "THAHS_2019, THAHS_2025" in caught.value.message


def test_auto_picks_by_date() -> None:
    assert DEFAULT_RULE_SET_NAME == "auto"
    assert resolve_rule_set("auto", date(2026, 6, 30)) is THAHS_2019
    assert resolve_rule_set("auto", date(2026, 7, 1)) is THAHS_2025
    assert resolve_rule_set("THAHS_2019", date(2030, 1, 1)) is THAHS_2019


def test_2025_rule_set_keeps_the_2019_parameters() -> None:
    """Until implementing texts of Law 127/2025 change them, the parameters are the same."""
    ignored = {"name", "title", "effective_from", "effective_to", "legal_basis", "deadline_basis"}
    for f in dataclasses.fields(THAHS_2019):
        if f.name not in ignored:
            assert getattr(THAHS_2019, f.name) == getattr(THAHS_2025, f.name), f.name


def test_deadline_parameters() -> None:
    """Luật THAHS 2019 Art. 46 (notice 2 months ahead), Art. 59 (05 days); TT 10/2024."""
    rs = THAHS_2019
    assert (rs.address_check_workdays, rs.team_assign_workdays) == (3, 3)
    assert (rs.case_file_workdays, rs.transfer_takeover_workdays) == (5, 5)
    assert rs.conditional_report_workdays == 5
    assert rs.release_notice_months == 2
    assert rs.contact_interval_days == 7
    assert rs.evaluation_due_day == 5
    assert "ngày làm việc" in rs.deadline_basis["conditional_report"]
    assert "Điều 59" in rs.deadline_basis["conditional_report"]


def test_loan_parameters_of_decision_22_2023() -> None:
    rs = THAHS_2019
    assert rs.loan_window_years == 5
    assert rs.loan_business_max_vnd == 100_000_000
    assert rs.loan_max_months == 120
    assert rs.loan_training_max_vnd_per_month == 4_000_000
    assert rs.loan_violation_free_months == 12


def test_penal_code_art_70_and_71_waiting_years() -> None:
    """Penal Code Art. 70(2): 1/2/3/5 years; Art. 71(2): 1/3/5/7 years."""
    assert dict(THAHS_2019.expunge_years_art70) == {"light": 1, "upto5": 2, "5to15": 3, "over15": 5}
    assert dict(THAHS_2019.expunge_years_art71) == {"light": 1, "upto5": 3, "5to15": 5, "over15": 7}
    assert frozenset({13, 26}) == THAHS_2019.art71_chapters


def test_form_codes() -> None:
    codes = THAHS_2025.form_codes
    assert [codes[f"hcd{n:02d}"] for n in (1, 8, 13)] == ["HCD-01", "HCD-08", "HCD-13"]
    assert len([k for k in codes if k.startswith("hcd")]) == 13
    assert codes["form01"] == "Mẫu số 01 (QĐ 22/2023/QĐ-TTg)"


def test_rule_sets_cannot_be_changed_in_place() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        THAHS_2019.case_file_workdays = 10  # type: ignore[misc]
    with pytest.raises(TypeError):
        THAHS_2019.expunge_years_art70["light"] = 9  # type: ignore[index]


def test_rule_sets_are_hashable_and_compared_by_value() -> None:
    assert len({THAHS_2019, THAHS_2025, rule_set_named("THAHS_2019")}) == 2
    assert dataclasses.replace(THAHS_2019) == THAHS_2019
    assert dataclasses.replace(THAHS_2019, case_file_workdays=7) != THAHS_2019


def test_user_facing_texts_are_nfc() -> None:
    for rs in RULE_SETS:
        texts = [rs.title, *rs.legal_basis, *rs.classification_labels.values()]
        texts += [*rs.form_codes.values(), *rs.deadline_basis.values()]
        for text in texts:
            assert unicodedata.is_normalized("NFC", text), text


# --- classification (TT 10/2024, HCD-09) ------------------------------------------------


def test_classification_labels() -> None:
    assert CLASSIFICATIONS == ("A", "B", "C", "D")
    assert classification_label("A", THAHS_2019) == (
        "Loại A – Chấp hành tốt pháp luật, ổn định cuộc sống"
    )
    assert classification_label(" b", THAHS_2019).startswith("Loại B – Chấp hành pháp luật")
    assert "cai nghiện" in classification_label("d", THAHS_2025)


@pytest.mark.parametrize(("raw", "expected"), [("a", "A"), (" C ", "C"), ("D", "D")])
def test_validate_classification_normalises(raw: str, expected: str) -> None:
    assert validate_classification(raw) == expected


@pytest.mark.parametrize("raw", ["E", "", "AB", "loại A"])
def test_validate_classification_refuses_other_codes(raw: str) -> None:
    with pytest.raises(RuleInputError) as caught:
        validate_classification(raw)
    assert caught.value.field == "classification"
    assert "A, B, C hoặc D" in caught.value.message
