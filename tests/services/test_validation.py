"""The shared validators: cleaned values, and messages that name the field in Vietnamese."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from desktop.rules.errors import RuleInputError
from desktop.services import validation as v
from desktop.services.errors import ValidationError

TODAY = date(2026, 11, 26)


def test_text_is_nfc_with_tidy_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "  Nguyễn\t Văn\u00a0 An ")
    assert v.text("full_name", decomposed) == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", v.text("full_name", decomposed))


def test_text_empty_is_allowed_unless_required() -> None:
    assert v.text("religion", None) == ""
    assert v.text("religion", "   ") == ""
    with pytest.raises(ValidationError) as err:
        v.text("full_name", "   ", required=True)
    assert (err.value.field, err.value.message) == ("full_name", "Họ và tên không được để trống.")


def test_text_too_long_names_the_limit() -> None:
    assert v.text("phone", "1" * 30, max_len=30) == "1" * 30
    with pytest.raises(ValidationError) as err:
        v.text("phone", "1" * 31, max_len=30)
    assert err.value.field == "phone"
    assert "Số điện thoại" in err.value.message
    assert "30 ký tự" in err.value.message


def test_multiline_text_keeps_line_breaks_but_tidies_each_line() -> None:
    assert v.text("note", "\n dòng  một \r\n\n dòng hai  \n", multiline=True) == (
        "dòng một\n\ndòng hai")
    assert v.text("note", "dòng một\ndòng hai") == "dòng một dòng hai"


def test_label_override_and_unknown_field() -> None:
    with pytest.raises(ValidationError) as err:
        v.text("x_field", "", required=True, label="Tên mô hình")
    assert err.value.message == "Tên mô hình không được để trống."
    with pytest.raises(ValidationError) as err2:
        v.text("x_field", "", required=True)
    assert err2.value.message == "x_field không được để trống."


def test_one_of_lists_the_choices_by_their_labels() -> None:
    assert v.one_of("gender", "female", ("male", "female")) == "female"
    with pytest.raises(ValidationError) as err:
        v.one_of("gender", "other", ("male", "female"), {"male": "Nam", "female": "Nữ"})
    assert err.value.field == "gender"
    assert err.value.message == "Giới tính không hợp lệ: “other”. Hãy chọn một trong: Nam, Nữ."
    with pytest.raises(ValidationError) as empty:
        v.one_of("gender", None, ("male", "female"))
    assert "(trống)" in empty.value.message


def test_not_future_says_what_today_is() -> None:
    assert v.not_future("contact_date", TODAY, TODAY) == TODAY
    with pytest.raises(ValidationError) as err:
        v.not_future("contact_date", date(2026, 11, 27), TODAY)
    assert err.value.field == "contact_date"
    assert err.value.message == "Ngày gặp không được sau ngày hôm nay (26/11/2026)."


def test_not_before_and_not_after_show_both_dates() -> None:
    release = date(2026, 3, 5)
    assert v.not_before("received_on", release, release, "ngày ra trại") == release
    with pytest.raises(ValidationError) as err:
        v.not_before("received_on", date(2026, 3, 4), release, "ngày ra trại")
    assert err.value.message == (
        "Ngày tiếp nhận (04/03/2026) không được trước ngày ra trại (05/03/2026).")
    assert v.not_after("release_date", release, release, "ngày tiếp nhận") == release
    with pytest.raises(ValidationError) as err2:
        v.not_after("release_date", date(2026, 3, 6), release, "ngày tiếp nhận")
    assert err2.value.message == (
        "Ngày ra trại (06/03/2026) không được sau ngày tiếp nhận (05/03/2026).")


def test_required_date() -> None:
    assert v.required_date("release_date", TODAY) == TODAY
    with pytest.raises(ValidationError) as err:
        v.required_date("release_date", None)
    assert err.value.message == "Ngày ra trại không được để trống."


def test_int_range() -> None:
    assert v.int_range("chapter", None, 1, 26) is None
    assert v.int_range("chapter", 26, 1, 26) == 26
    with pytest.raises(ValidationError) as err:
        v.int_range("chapter", 27, 1, 26)
    assert err.value.message == "Chương (Bộ luật Hình sự) phải từ 1 đến 26 (đã nhập 27)."
    with pytest.raises(ValidationError):
        v.int_range("chapter", None, 1, 26, required=True)


def test_non_negative_amount() -> None:
    assert v.non_negative_amount("amount_vnd", None) is None
    assert v.non_negative_amount("amount_vnd", 0) == 0
    with pytest.raises(ValidationError) as err:
        v.non_negative_amount("amount_vnd", -1)
    assert (err.value.field, err.value.message) == (
        "amount_vnd", "Số tiền (đồng) không được là số âm.")


def _rule_that_fails(x: int) -> int:
    if x < 0:
        raise RuleInputError("week", "Tuần không hợp lệ.")
    if x == 0:
        raise ZeroDivisionError
    return x * 2


def test_rule_converts_rule_input_errors_only() -> None:
    assert v.rule(_rule_that_fails, 2) == 4
    with pytest.raises(ValidationError) as err:
        v.rule(_rule_that_fails, -1)
    assert (err.value.field, err.value.message) == ("week", "Tuần không hợp lệ.")
    # Anything else is a bug, not bad input: it must not be dressed up as a field message.
    with pytest.raises(ZeroDivisionError):
        v.rule(_rule_that_fails, 0)
