"""Social Policy Bank loan eligibility and limits, Decision 22/2023/QĐ-TTg (SPEC §2, §4)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.rules.errors import RuleInputError
from desktop.rules.loans import LoanEligibility, check_loan_amount, loan_eligibility
from desktop.rules.ruleset import THAHS_2019, THAHS_2025

RELEASED = date(2021, 3, 10)


def check(
    today: date = date(2024, 6, 1),
    status: str = "managed",
    release_date: date | None = RELEASED,
    last_violation_on: date | None = None,
    open_purposes: tuple[str, ...] = (),
    purpose: str = "business",
) -> LoanEligibility:
    return loan_eligibility(
        today, status, release_date, last_violation_on, open_purposes, purpose, THAHS_2025
    )


def test_a_managed_person_released_3_years_ago_is_eligible() -> None:
    assert check() == LoanEligibility(True, ())


def test_qd22_five_year_window_includes_the_anniversary() -> None:
    """QĐ 22/2023: within 5 years of release; 10/03/2026 is the last eligible day."""
    assert check(today=date(2026, 3, 10)).eligible
    late = check(today=date(2026, 3, 11))
    assert not late.eligible
    assert late.reasons == (
        "đã quá 5 năm kể từ ngày ra trại 10/03/2021 (chỉ được vay đến hết ngày 10/03/2026)",
    )


def test_window_from_a_leap_day_release_ends_on_28_february() -> None:
    assert check(today=date(2025, 2, 28), release_date=date(2020, 2, 29)).eligible
    assert not check(today=date(2025, 3, 1), release_date=date(2020, 2, 29)).eligible


def test_unknown_release_date_is_a_reason() -> None:
    r = check(release_date=None)
    assert r.reasons == ("chưa có ngày ra trại nên chưa xác định được thời hạn được vay",)


@pytest.mark.parametrize(
    ("status", "shown"),
    [("received", "mới tiếp nhận, chưa phân công tổ giúp đỡ"), ("ended", "đã kết thúc quản lý")],
)
def test_only_managed_people_are_eligible(status: str, shown: str) -> None:
    r = check(status=status)
    assert not r.eligible
    assert r.reasons == (f"không ở trạng thái đang được quản lý, giúp đỡ (hiện: {shown})",)


def test_no_violation_in_the_last_12_months() -> None:
    """A violation exactly 12 months ago no longer counts; one a day later does."""
    today = date(2024, 6, 1)
    assert check(today=today, last_violation_on=date(2023, 6, 1)).eligible
    r = check(today=today, last_violation_on=date(2023, 6, 2))
    assert r.reasons == ("có vi phạm ngày 02/06/2023, chưa đủ 12 tháng không vi phạm",)


def test_open_loan_for_the_same_purpose_only() -> None:
    assert check(open_purposes=("training",), purpose="business").eligible
    r = check(open_purposes=("business",), purpose="business")
    assert r.reasons == ("đang có khoản vay sản xuất, kinh doanh chưa tất toán",)
    r = check(open_purposes=("training",), purpose="training")
    assert r.reasons == ("đang có khoản vay học nghề chưa tất toán",)


def test_every_reason_is_listed() -> None:
    r = check(
        today=date(2027, 1, 1),
        status="absent",
        last_violation_on=date(2026, 12, 1),
        open_purposes=("business",),
    )
    assert not r.eligible
    assert len(r.reasons) == 4


def test_unknown_purpose_is_refused() -> None:
    with pytest.raises(RuleInputError) as caught:
        check(purpose="house")
    assert caught.value.field == "purpose"


# --- amounts --------------------------------------------------------------------------------


def test_business_loan_limits() -> None:
    """QĐ 22/2023: business loans up to 100,000,000 VND and 120 months."""
    assert check_loan_amount("business", 100_000_000, 120, THAHS_2019) == []
    assert check_loan_amount("business", 100_000_001, 121, THAHS_2019) == [
        "Vay sản xuất, kinh doanh tối đa 100.000.000 đồng; đã nhập 100.000.001 đồng.",
        "Thời hạn vay tối đa 120 tháng; đã nhập 121 tháng.",
    ]


def test_training_loan_limit_is_per_month() -> None:
    """QĐ 22/2023: training loans up to 4,000,000 VND per month of the course."""
    assert check_loan_amount("training", 48_000_000, 12, THAHS_2019) == []
    assert check_loan_amount("training", 48_000_001, 12, THAHS_2019) == [
        "Vay học nghề tối đa 4.000.000 đồng/tháng, tức 48.000.000 đồng cho 12 tháng;"
        " đã nhập 48.000.001 đồng."
    ]


def test_amount_and_term_must_be_positive() -> None:
    assert check_loan_amount("business", 0, 0, THAHS_2019) == [
        "Số tiền vay phải lớn hơn 0 đồng.",
        "Thời hạn vay phải từ 1 tháng trở lên.",
    ]
    assert check_loan_amount("training", 1_000_000, 0, THAHS_2019) == [
        "Thời hạn vay phải từ 1 tháng trở lên."
    ]
