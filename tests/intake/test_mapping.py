"""Automatic column mapping from the headers Vietnamese lists use."""

from __future__ import annotations

import pytest

from desktop.intake.mapping import (
    ColumnMapping,
    auto_map,
    header_signature,
    match_column,
    match_header,
)
from desktop.intake.output import TEMPLATE_COLUMNS
from desktop.services.errors import ValidationError

from .sheets import nfd


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Họ và tên", "full_name"), ("Họ tên", "full_name"), ("Tên", "full_name"),
        ("HỌ VÀ TÊN", "full_name"), ("ho va ten", "full_name"), (" Họ  và tên ", "full_name"),
        (nfd("Họ và tên"), "full_name"), ("Họ và tên người chấp hành xong án", "full_name"),
        ("Ngày sinh", "birth_date"), ("Năm sinh", "birth_date"),
        ("Ngày, tháng, năm sinh", "birth_date"), ("Giới tính", "gender"), ("Nam/Nữ", "gender"),
        ("Số CCCD", "id_number"), ("CCCD", "id_number"), ("Số định danh", "id_number"),
        ("CMND", "id_number"), ("Số CMND/CCCD", "id_number"), ("Quê quán", "place_of_origin"),
        ("Nơi cư trú", "current_address"), ("Nơi ở hiện nay", "current_address"),
        ("Địa chỉ", "current_address"), ("Nơi thường trú", "permanent_address"),
        ("HKTT", "permanent_address"), ("Thôn/Tổ", "residential_area"),
        ("Tổ dân phố", "residential_area"), ("Tội danh", "offences"),
        ("Điều luật", "penal_articles"), ("Mức án", "sentence"), ("Án phạt", "sentence"),
        ("Ngày ra trại", "release_date"), ("Ngày chấp hành xong", "release_date"),
        ("Ngày CHX", "release_date"), ("Trại giam", "prison"),
        ("Nơi chấp hành án", "prison"), ("Đặc xá", "release_type"),
        ("Hình thức ra trại", "release_type"), ("Số giấy chứng nhận", "certificate_number"),
        ("Ghi chú", "note"), ("Dân tộc", "ethnicity"), ("Tôn giáo", "religion"),
        ("SĐT", "phone"), ("Điện thoại", "phone"), ("Ngày tiếp nhận", "received_on"),
    ],
)
def test_common_headers(header: str, field: str) -> None:
    assert match_header(header) == field


@pytest.mark.parametrize(
    "header",
    ["STT", "Tổ giúp đỡ", "Họ tên cha", "Họ tên người thân", "Nghề nghiệp của bố", "", "   "],
)
def test_headers_that_are_not_the_person(header: str) -> None:
    assert match_header(header) is None


def test_birth_year_written_under_nam_or_nu() -> None:
    assert match_column("Nam", "Năm sinh") == "birth_male"
    assert match_column("Nữ", "Năm sinh") == "birth_female"
    assert match_column("Tội danh", "Bản án") == "offences"
    assert match_column("Số", "Bản án") is None


def test_auto_map_keeps_the_first_of_a_field_found_twice() -> None:
    mapping = auto_map([("Họ và tên", ""), ("Ngày sinh", ""), ("Họ tên", ""), ("STT", "")])
    assert mapping.fields == ("full_name", "birth_date", None, None)


def test_auto_map_joins_columns_under_one_merged_header() -> None:
    mapping = auto_map([("Họ và tên", ""), ("Họ và tên", ""), ("Ngày sinh", "")])
    assert mapping.fields == ("full_name", "full_name", "birth_date")


def test_ten_beside_ho_is_the_given_name() -> None:
    mapping = auto_map([("Họ và tên đệm", ""), ("Tên", ""), ("Năm sinh", "")])
    assert mapping.fields == ("family_name", "given_name", "birth_date")


def test_every_template_header_maps_to_its_field() -> None:
    mapping = auto_map([(header, "") for header, *_ in TEMPLATE_COLUMNS])
    assert mapping.fields == tuple(field for _, field, *_ in TEMPLATE_COLUMNS)


def test_mapping_is_editable_and_checked() -> None:
    mapping = auto_map([("Họ và tên", ""), ("Cột lạ", "")])
    edited = mapping.with_field(1, "note")
    assert edited.fields == ("full_name", "note")
    assert mapping.fields == ("full_name", None)  # frozen: the original is unchanged
    with pytest.raises(ValidationError):
        mapping.with_field(5, "note")
    with pytest.raises(ValidationError):
        ColumnMapping(("full_name", "password"))
    assert edited.missing(["full_name", "gender"]) == ["gender"]


def test_signature_ignores_diacritics_case_and_spaces() -> None:
    a = header_signature([("Họ và tên", ""), ("Ngày sinh", "")])
    assert a == header_signature([("HO VA TEN ", ""), (nfd("ngày sinh"), "")])
    assert a != header_signature([("Ngày sinh", ""), ("Họ và tên", "")])
    assert len(a) == 40
