"""Small validators every use case shares, so the same mistake gets the same message.

Each validator takes the input's field name (the key the GUI shows the message beside),
returns the cleaned value, and raises `ValidationError(field, message)` with a Vietnamese
message that names the field in words ("Ngày gặp không được sau ngày hôm nay (26/11/2026).").
Field names are turned into words through `FIELD_LABELS`; a caller can pass `label=` for a
field the table does not know. Dates in messages are dd/mm/yyyy (SPEC §1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import ParamSpec, TypeVar

from desktop.formatting import format_date, format_int
from desktop.rules.errors import RuleInputError
from desktop.services.errors import ValidationError
from desktop.text import nfc, tidy_spaces

P = ParamSpec("P")
T = TypeVar("T")

DEFAULT_MAX_LEN = 200
# Invisible control characters (pasted from other programs): they would be stored, then
# make every XLSX report containing them fail. Tab and line breaks are whitespace already.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Far above any support, aid or loan in đồng, and far below SQLite's 64-bit integers.
MAX_AMOUNT_VND = 10**12

# Field name → how the message names it. Other services add their own fields here rather
# than spelling labels inside messages, so a field is named the same way everywhere.
FIELD_LABELS: dict[str, str] = {
    # people and judgments
    "full_name": "Họ và tên", "other_names": "Tên gọi khác", "gender": "Giới tính",
    "birth_date": "Ngày sinh", "id_number": "Số định danh (CCCD/CMND)",
    "ethnicity": "Dân tộc", "religion": "Tôn giáo", "place_of_origin": "Quê quán",
    "permanent_address": "Nơi thường trú", "current_address": "Nơi ở hiện tại",
    "residential_area": "Thôn/tổ dân phố", "phone": "Số điện thoại",
    "education": "Trình độ học vấn", "occupation": "Nghề nghiệp",
    "family_situation": "Hoàn cảnh gia đình", "release_date": "Ngày ra trại",
    "release_type": "Hình thức ra trại", "prison": "Trại giam",
    "certificate_number": "Số giấy chứng nhận", "notice_received_on": "Ngày nhận thông báo",
    "expected_on": "Ngày dự kiến về", "received_on": "Ngày tiếp nhận",
    "managed_on": "Ngày đưa vào quản lý", "absent_on": "Ngày vắng mặt",
    "ended_on": "Ngày kết thúc quản lý", "end_reason": "Lý do kết thúc",
    "decision_number": "Số quyết định", "decision_date": "Ngày quyết định",
    "note": "Ghi chú", "court": "Tòa án", "judgment_number": "Số bản án",
    "judgment_date": "Ngày tuyên án", "offences": "Tội danh",
    "penal_articles": "Điều luật áp dụng", "chapter": "Chương (Bộ luật Hình sự)",
    "main_penalty": "Hình phạt chính", "prison_months": "Thời hạn tù (tháng)",
    "probation_until": "Thời hạn thử thách đến", "supplementary": "Hình phạt bổ sung",
    "supplementary_until": "Ngày chấp hành xong hình phạt bổ sung",
    "obligations": "Nghĩa vụ dân sự", "obligations_done_on": "Ngày chấp hành xong nghĩa vụ dân sự",
    "prior_convictions": "Số tiền án trước",
    # team, contacts, evaluations, support, violations, community models
    "role": "Vai trò", "organisation": "Tổ chức", "name": "Tên", "position": "Chức vụ",
    "from_date": "Ngày bắt đầu", "to_date": "Ngày kết thúc", "contact_date": "Ngày gặp",
    "form": "Hình thức", "members_present": "Thành viên có mặt", "summary": "Nội dung",
    "next_planned_on": "Ngày gặp tiếp theo", "week": "Tuần", "reason": "Lý do",
    "quarter": "Quý", "classification": "Xếp loại", "evaluated_on": "Ngày đánh giá",
    "kind": "Loại", "support_date": "Ngày hỗ trợ", "provider": "Đơn vị hỗ trợ",
    "amount_vnd": "Số tiền (đồng)", "loan_purpose": "Mục đích vay",
    "loan_months": "Thời hạn vay (tháng)", "loan_decision_on": "Ngày quyết định cho vay",
    "loan_status": "Tình trạng khoản vay", "violation_date": "Ngày vi phạm",
    "description": "Mô tả", "handling": "Hình thức xử lý", "start_date": "Ngày bắt đầu",
    "end_date": "Ngày kết thúc", "status": "Trạng thái",
    # users and units
    "username": "Tên đăng nhập", "password": "Mật khẩu", "new_password": "Mật khẩu mới",
    "old_password": "Mật khẩu hiện tại", "unit_code": "Mã đơn vị", "unit_name": "Tên đơn vị",
    "province": "Tỉnh/thành phố", "place_name": "Địa danh", "recipient_name": "Nơi nhận báo cáo",
    "recipient_level": "Cấp nhận báo cáo", "period_convention": "Cách tính kỳ báo cáo",
    "year_start_month": "Tháng bắt đầu năm báo cáo",
    "contact_interval_days": "Khoảng cách giữa hai lần gặp (ngày)",
    "rule_set_name": "Bộ quy định áp dụng",
}


def field_label(field: str, label: str | None = None) -> str:
    """The words a message uses for `field` (`label` wins; the raw name is the last resort)."""
    return label or FIELD_LABELS.get(field, field)


def text(field: str, value: str | None, *, required: bool = False,
         max_len: int = DEFAULT_MAX_LEN, multiline: bool = False,
         label: str | None = None) -> str:
    """NFC, trimmed text with tidy spaces and no control characters; `multiline` keeps line
    breaks (notes, reports)."""
    raw = _CONTROL_CHARACTERS.sub(" ", nfc(value or ""))
    if multiline:
        lines = [tidy_spaces(line) for line in raw.splitlines()]
        cleaned = "\n".join(lines).strip("\n")
    else:
        cleaned = tidy_spaces(raw)
    name = field_label(field, label)
    if required and not cleaned:
        raise ValidationError(field, f"{name} không được để trống.")
    if len(cleaned) > max_len:
        raise ValidationError(
            field, f"{name} dài {len(cleaned)} ký tự, vượt quá giới hạn {max_len} ký tự."
        )
    return cleaned


def one_of(field: str, value: str | None, allowed: Sequence[str],
           labels: Mapping[str, str] | None = None, *, label: str | None = None) -> str:
    """`value` when it is one of `allowed`; the message lists the choices in words."""
    if value is not None and value in allowed:
        return value
    names = [labels.get(a, a) if labels else a for a in allowed]
    shown = "(trống)" if not value else f"“{value}”"
    raise ValidationError(
        field,
        f"{field_label(field, label)} không hợp lệ: {shown}. Hãy chọn một trong: "
        f"{', '.join(names)}.",
    )


def required_date(field: str, d: date | None, *, label: str | None = None) -> date:
    """`d` when given; a required date left empty names its field."""
    if d is None:
        raise ValidationError(field, f"{field_label(field, label)} không được để trống.")
    return d


def not_future(field: str, d: date, today: date, *, label: str | None = None) -> date:
    """`d` unless it lies after `today` (nothing recorded can have happened tomorrow)."""
    if d > today:
        raise ValidationError(
            field,
            f"{field_label(field, label)} không được sau ngày hôm nay ({format_date(today)}).",
        )
    return d


def not_before(field: str, d: date, earliest: date, earliest_label: str, *,
               label: str | None = None) -> date:
    """`d` unless it lies before `earliest` (e.g. reception before release)."""
    if d < earliest:
        raise ValidationError(
            field,
            f"{field_label(field, label)} ({format_date(d)}) không được trước "
            f"{earliest_label} ({format_date(earliest)}).",
        )
    return d


def not_after(field: str, d: date, latest: date, latest_label: str, *,
              label: str | None = None) -> date:
    """`d` unless it lies after `latest` (e.g. a release date after the reception)."""
    if d > latest:
        raise ValidationError(
            field,
            f"{field_label(field, label)} ({format_date(d)}) không được sau "
            f"{latest_label} ({format_date(latest)}).",
        )
    return d


def int_range(field: str, value: int | None, low: int, high: int, *,
              required: bool = False, label: str | None = None) -> int | None:
    """An integer within [low, high]; None is allowed unless `required`."""
    name = field_label(field, label)
    if value is None:
        if required:
            raise ValidationError(field, f"{name} không được để trống.")
        return None
    if not low <= value <= high:
        raise ValidationError(field, f"{name} phải từ {low} đến {high} (đã nhập {value}).")
    return value


def non_negative_amount(field: str, value: int | None, *,
                        label: str | None = None) -> int | None:
    """An amount of money in đồng: empty, or from 0 to MAX_AMOUNT_VND."""
    if value is not None and value < 0:
        raise ValidationError(field, f"{field_label(field, label)} không được là số âm.")
    if value is not None and value > MAX_AMOUNT_VND:
        raise ValidationError(field, f"{field_label(field, label)} quá lớn: tối đa "
                                     f"{format_int(MAX_AMOUNT_VND)} đồng.")
    return value


def rule(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Call a rules function; its RuleInputError becomes a ValidationError for the same field."""
    try:
        return fn(*args, **kwargs)
    except RuleInputError as exc:
        raise ValidationError(exc.field, exc.message) from exc
