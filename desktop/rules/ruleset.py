"""Named, dated rule sets: every legal parameter of the product in one place (SPEC §2).

A rule set is chosen by name in the settings, or by date ("auto"): the law in force on a
day decides the deadlines of that day. Law 127/2025/QH15 replaces the 2019 law from
01/07/2026; until its implementing decrees and circulars say otherwise it keeps the 2019
parameters, so `THAHS_2025` differs only in name, dates and legal basis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType

from desktop.rules.errors import RuleInputError

DEFAULT_RULE_SET_NAME = "auto"
"""The settings value meaning "use the rule set in force on the day concerned"."""


def _art70_years() -> Mapping[str, int]:
    # Penal Code 2015 (amended 2017) Art. 70(2): automatic expungement waiting periods.
    return MappingProxyType({"light": 1, "upto5": 2, "5to15": 3, "over15": 5})


def _art71_years() -> Mapping[str, int]:
    # Penal Code Art. 71(2): Chapters XIII and XXVI, expungement by court decision.
    return MappingProxyType({"light": 1, "upto5": 3, "5to15": 5, "over15": 7})


def _classification_labels() -> Mapping[str, str]:
    # Circular 10/2024/TT-BCA, HCD-09: the four classification groups.
    return MappingProxyType(
        {
            "A": "Loại A – Chấp hành tốt pháp luật, ổn định cuộc sống",
            "B": "Loại B – Chấp hành pháp luật nhưng còn khó khăn",
            "C": "Loại C – Không chấp hành pháp luật hoặc có nguy cơ vi phạm",
            "D": (
                "Loại D – Đang bị tạm giữ, tạm giam, đưa vào cơ sở giáo dục bắt buộc"
                " hoặc cơ sở cai nghiện bắt buộc"
            ),
        }
    )


def _form_codes() -> Mapping[str, str]:
    codes = {f"hcd{n:02d}": f"HCD-{n:02d}" for n in range(1, 14)}
    codes["form01"] = "Mẫu số 01 (QĐ 22/2023/QĐ-TTg)"
    return MappingProxyType(codes)


def _deadline_basis_2019() -> Mapping[str, str]:
    return MappingProxyType(
        {
            "address_check": "Thông tư 10/2024/TT-BCA",
            "team_assign": "Nghị định 49/2020/NĐ-CP; Thông tư 10/2024/TT-BCA",
            "case_file": "Thông tư 10/2024/TT-BCA (mẫu HCD-01)",
            "transfer_takeover": "Nghị định 49/2020/NĐ-CP, Điều 15",
            # The article says "05 ngày"; we count working days (the unit of every other
            # deadline here), which never shortens the time the person is given.
            "conditional_report": "Luật THAHS 2019, Điều 59 (05 ngày, tính theo ngày làm việc)",
            "evaluation": "Thông tư 10/2024/TT-BCA (mẫu HCD-08)",
        }
    )


@dataclass(frozen=True)
class RuleSet:
    """Every legal parameter, valid from `effective_from` to `effective_to` (both included).

    Mapping fields are read-only views and are left out of the hash so a rule set can key a
    cache; two rule sets are equal only when every field, mappings included, is equal.
    """

    name: str
    title: str
    effective_from: date
    effective_to: date | None
    legal_basis: tuple[str, ...]
    address_check_workdays: int = 3
    team_assign_workdays: int = 3
    case_file_workdays: int = 5
    transfer_takeover_workdays: int = 5
    # Luật THAHS 2019 Art. 59 "05 ngày": counted as working days (see _deadline_basis_2019).
    conditional_report_workdays: int = 5
    release_notice_months: int = 2
    contact_interval_days: int = 7
    evaluation_due_day: int = 5
    loan_window_years: int = 5
    loan_business_max_vnd: int = 100_000_000
    loan_max_months: int = 120
    loan_training_max_vnd_per_month: int = 4_000_000
    loan_violation_free_months: int = 12
    expunge_years_art70: Mapping[str, int] = field(default_factory=_art70_years, hash=False)
    expunge_years_art71: Mapping[str, int] = field(default_factory=_art71_years, hash=False)
    art71_chapters: frozenset[int] = frozenset({13, 26})
    classification_labels: Mapping[str, str] = field(
        default_factory=_classification_labels, hash=False
    )
    form_codes: Mapping[str, str] = field(default_factory=_form_codes, hash=False)
    deadline_basis: Mapping[str, str] = field(default_factory=_deadline_basis_2019, hash=False)

    def in_force_on(self, day: date) -> bool:
        """Whether this rule set applies on `day`."""
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


_COMMON_BASIS = (
    "Nghị định 49/2020/NĐ-CP",
    "Thông tư 10/2024/TT-BCA",
    "Quyết định 22/2023/QĐ-TTg",
    "Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017), Điều 70, 71",
)

THAHS_2019 = RuleSet(
    name="THAHS_2019",
    title="Luật THAHS 2019, NĐ 49/2020, TT 10/2024",
    effective_from=date(2020, 1, 1),
    effective_to=date(2026, 6, 30),
    legal_basis=("Luật Thi hành án hình sự số 41/2019/QH14", *_COMMON_BASIS),
)

THAHS_2025 = replace(
    THAHS_2019,
    name="THAHS_2025",
    title="Luật THAHS số 127/2025/QH15",
    effective_from=date(2026, 7, 1),
    effective_to=None,
    legal_basis=("Luật Thi hành án hình sự số 127/2025/QH15", *_COMMON_BASIS),
    deadline_basis=MappingProxyType(
        {
            **THAHS_2019.deadline_basis,
            "conditional_report": "Luật THAHS số 127/2025/QH15 (05 ngày, tính theo ngày làm việc)",
        }
    ),
)

RULE_SETS: tuple[RuleSet, ...] = (THAHS_2019, THAHS_2025)
"""All rule sets, oldest first, with contiguous date ranges."""


def rule_set_for(day: date) -> RuleSet:
    """The rule set in force on `day`.

    Days before the first rule set (people released before 2020 still appear in the
    books) use the oldest one: its parameters are the ones the officers applied then.
    """
    for rs in RULE_SETS:
        if rs.in_force_on(day):
            return rs
    return RULE_SETS[0] if day < RULE_SETS[0].effective_from else RULE_SETS[-1]


def rule_set_named(name: str) -> RuleSet:
    """The rule set called `name` (case-insensitive); "auto" is not a name, see resolve."""
    wanted = name.strip().upper()
    for rs in RULE_SETS:
        if rs.name == wanted:
            return rs
    known = ", ".join(rs.name for rs in RULE_SETS)
    raise RuleInputError(
        "rule_set", f"Không có bộ quy tắc tên “{name}”. Các bộ quy tắc hiện có: {known}."
    )


def resolve_rule_set(name: str, day: date) -> RuleSet:
    """The rule set a setting value selects for `day`: "auto" picks by date."""
    if name.strip().lower() == DEFAULT_RULE_SET_NAME:
        return rule_set_for(day)
    return rule_set_named(name)
