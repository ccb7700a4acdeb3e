"""Social Policy Bank loans for released people (Decision 22/2023/QĐ-TTg; SPEC §4).

Eligibility is checked on a given day and every failed condition is reported, not only the
first, so the officer sees at once everything that stands in the way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from desktop.formatting import format_date, format_int
from desktop.rules.dates import add_months, add_years
from desktop.rules.errors import RuleInputError
from desktop.rules.ruleset import RuleSet

LOAN_PURPOSES = ("business", "training")
PURPOSE_LABELS = {"business": "sản xuất, kinh doanh", "training": "học nghề"}

_STATUS_LABELS = {
    "expected": "chưa về địa phương",
    "received": "mới tiếp nhận, chưa phân công tổ giúp đỡ",
    "absent": "vắng mặt, không trình diện",
    "ended": "đã kết thúc quản lý",
}


@dataclass(frozen=True)
class LoanEligibility:
    """Whether a person may be put on the Form 01 list; `reasons` say why not."""

    eligible: bool
    reasons: tuple[str, ...]


def _check_purpose(purpose: str) -> None:
    if purpose not in LOAN_PURPOSES:
        raise RuleInputError(
            "purpose",
            f"Mục đích vay “{purpose}” không hợp lệ: chọn sản xuất, kinh doanh hoặc học nghề.",
        )


def _release_reason(today: date, release_date: date | None, rs: RuleSet) -> str | None:
    """Decision 22/2023: within N years of release, the anniversary day included."""
    if release_date is None:
        return "chưa có ngày ra trại nên chưa xác định được thời hạn được vay"
    window_end = add_years(release_date, rs.loan_window_years)
    if today > window_end:
        return (
            f"đã quá {rs.loan_window_years} năm kể từ ngày ra trại {format_date(release_date)}"
            f" (chỉ được vay đến hết ngày {format_date(window_end)})"
        )
    return None


def _violation_reason(today: date, last_violation_on: date | None, rs: RuleSet) -> str | None:
    """A violation counts while fewer than N whole months have passed since it."""
    if last_violation_on is None:
        return None
    clean_from = add_months(today, -rs.loan_violation_free_months)
    if last_violation_on > clean_from:
        return (
            f"có vi phạm ngày {format_date(last_violation_on)}, chưa đủ"
            f" {rs.loan_violation_free_months} tháng không vi phạm"
        )
    return None


def loan_eligibility(
    today: date,
    status: str,
    release_date: date | None,
    last_violation_on: date | None,
    open_loan_purposes: Iterable[str],
    purpose: str,
    rs: RuleSet,
) -> LoanEligibility:
    """Whether the person may borrow for `purpose` on `today`, with every reason if not."""
    _check_purpose(purpose)
    reasons: list[str] = []
    if status != "managed":
        shown = _STATUS_LABELS.get(status, status)
        reasons.append(f"không ở trạng thái đang được quản lý, giúp đỡ (hiện: {shown})")
    for reason in (
        _release_reason(today, release_date, rs),
        _violation_reason(today, last_violation_on, rs),
    ):
        if reason is not None:
            reasons.append(reason)
    if purpose in set(open_loan_purposes):
        reasons.append(f"đang có khoản vay {PURPOSE_LABELS[purpose]} chưa tất toán")
    return LoanEligibility(not reasons, tuple(reasons))


def _business_problems(amount_vnd: int, months: int, rs: RuleSet) -> list[str]:
    problems: list[str] = []
    if amount_vnd > rs.loan_business_max_vnd:
        problems.append(
            f"Vay sản xuất, kinh doanh tối đa {format_int(rs.loan_business_max_vnd)} đồng;"
            f" đã nhập {format_int(amount_vnd)} đồng."
        )
    if months > rs.loan_max_months:
        problems.append(f"Thời hạn vay tối đa {rs.loan_max_months} tháng; đã nhập {months} tháng.")
    return problems


def _training_problems(amount_vnd: int, months: int, rs: RuleSet) -> list[str]:
    # The cap is per month of the course, so it only means something for a positive term.
    cap = rs.loan_training_max_vnd_per_month * months
    if months <= 0 or amount_vnd <= cap:
        return []
    return [
        f"Vay học nghề tối đa {format_int(rs.loan_training_max_vnd_per_month)} đồng/tháng,"
        f" tức {format_int(cap)} đồng cho {months} tháng;"
        f" đã nhập {format_int(amount_vnd)} đồng."
    ]


def check_loan_amount(
    purpose: Literal["business", "training"], amount_vnd: int, months: int, rs: RuleSet
) -> list[str]:
    """Problems with a requested loan (empty when fine): business loans are capped in amount
    and term, training loans per month of the course."""
    _check_purpose(purpose)
    problems: list[str] = []
    if amount_vnd <= 0:
        problems.append("Số tiền vay phải lớn hơn 0 đồng.")
    if months <= 0:
        problems.append("Thời hạn vay phải từ 1 tháng trở lên.")
    if purpose == "business":
        return problems + _business_problems(amount_vnd, months, rs)
    return problems + _training_problems(amount_vnd, months, rs)
