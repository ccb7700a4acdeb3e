"""Cell parsers: every shape offices write dates, sentences, genders and IDs in."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from desktop.intake.parsing import (
    CellError,
    RowProblem,
    parse_birth,
    parse_date,
    parse_gender,
    parse_id,
    parse_name,
    parse_phone,
    parse_release_type,
    parse_sentence,
)
from desktop.intake.workbook import CellValue

from .sheets import TODAY, nfd


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (datetime(2024, 1, 5), date(2024, 1, 5)),
        (datetime(2024, 1, 5, 13, 30), date(2024, 1, 5)),
        (date(2024, 1, 5), date(2024, 1, 5)),
        (45296, date(2024, 1, 5)),  # Excel serial in a General-format cell
        (45296.5, date(2024, 1, 5)),  # serial with a time of day
        ("05/01/2024", date(2024, 1, 5)),
        ("5/1/2024", date(2024, 1, 5)),
        (" 05-01-2024 ", date(2024, 1, 5)),
        ("05.01.2024", date(2024, 1, 5)),
        ("2024-01-05", date(2024, 1, 5)),
        ("2024-01-05 00:00:00", date(2024, 1, 5)),
        ("ngày 5 tháng 1 năm 2024", date(2024, 1, 5)),
        ("5/1/24", date(2024, 1, 5)),
        ("15/01/27", date(2027, 1, 15)),  # an expected release a few weeks ahead
        ("15/01/99", date(1999, 1, 15)),
        (None, None),
        ("   ", None),
    ],
)
def test_event_dates(cell: CellValue, expected: date | None) -> None:
    assert parse_date(cell, TODAY)[0] == expected


def test_two_digit_year_is_noted() -> None:
    assert parse_date("5/1/24", TODAY) == (date(2024, 1, 5), "năm «24» được hiểu là 2024")


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("31/02/1985", "ngày không tồn tại"),
        ("29/02/2023", "ngày không tồn tại"),
        ("05/13/2024", "ngày không tồn tại"),  # month first (US order) is not read
        ("2024", "thiếu ngày, cần ghi đủ ngày/tháng/năm"),
        ("01/2024", "thiếu ngày, cần ghi đủ ngày/tháng/năm"),
        (2024, "chỉ có năm, cần ghi đủ ngày/tháng/năm"),
        ("hôm qua", "không đọc được ngày (ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2024)"),
        (True, "ô này không chứa ngày tháng"),
        (time(10, 30), "ô này không chứa ngày tháng"),
        (-5, "số này không phải một ngày"),
        (float("nan"), "số này không phải một ngày"),
    ],
)
def test_event_date_problems(cell: CellValue, problem: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(cell, TODAY)
    assert caught.value.message == problem


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1985", "1985"),
        (1985, "1985"),
        (1985.0, "1985"),  # a year typed into a number cell
        ("năm 1985", "1985"),
        ("Sinh năm 1985", "1985"),
        (datetime(1985, 4, 12), "1985-04-12"),
        ("12/04/1985", "1985-04-12"),
        ("12/4/85", "1985-04-12"),
        ("1/1/05", "2005-01-01"),  # two-digit years never put a birth in the future
        ("1/1/30", "1930-01-01"),
        (31149, "1985-04-12"),  # serial
        (None, ""),
        ("", ""),
    ],
)
def test_births(cell: CellValue, expected: str) -> None:
    assert parse_birth(cell, TODAY)[0] == expected


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("31/02/1985", "ngày không tồn tại"),
        ("04/1985", "chỉ có tháng và năm: hãy ghi đủ ngày/tháng/năm, hoặc chỉ ghi năm"),
        ("khoảng 1985", "không đọc được ngày sinh (ghi ngày/tháng/năm hoặc chỉ năm)"),
    ],
)
def test_birth_problems(cell: CellValue, problem: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_birth(cell, TODAY)
    assert caught.value.message == problem


@pytest.mark.parametrize(
    ("cell", "header", "penalty", "months"),
    [
        ("3 năm 6 tháng", "", "prison", 42),
        ("03 năm 06 tháng tù", "", "prison", 42),
        ("18 tháng", "", "prison", 18),
        ("2 năm", "", "prison", 24),
        ("3,5 năm", "", "prison", 42),
        ("3n6t", "", "prison", 42),
        ("Chung thân", "", "life", None),
        ("tù chung thân", "", "life", None),
        ("Tử hình chuyển chung thân", "", "death_commuted", None),
        ("tử hình, được ân giảm", "", "death_commuted", None),
        ("2 năm tù cho hưởng án treo", "", "suspended", 24),
        ("Án treo", "", "suspended", None),
        ("1 năm cải tạo không giam giữ", "", "non_custodial", 12),
        ("Cảnh cáo", "", "warning", None),
        ("Phạt tiền 20.000.000 đồng", "", "fine", None),
        (36, "Thời hạn tù (tháng)", "prison", 36),
        ("3", "Mức án (năm)", "prison", 36),
    ],
)
def test_sentences(cell: CellValue, header: str, penalty: str, months: int | None) -> None:
    sentence = parse_sentence(cell, header)
    assert sentence is not None
    assert (sentence.main_penalty, sentence.prison_months) == (penalty, months)


def test_days_round_up_with_a_note() -> None:
    sentence = parse_sentence("5 năm 15 ngày")
    assert sentence is not None
    # Rounding up keeps "more than 5 years" true, as the Penal Code's thresholds need.
    assert sentence.prison_months == 61
    assert "làm tròn lên 61 tháng" in sentence.note


@pytest.mark.parametrize("cell", ["3", 3, "3 năm 6", "mức án nặng", date(2024, 1, 1), "1,5 tháng"])
def test_unreadable_sentences(cell: CellValue) -> None:
    with pytest.raises(CellError):
        parse_sentence(cell, "Mức án")


def test_empty_sentence_is_none() -> None:
    assert parse_sentence(None) is None
    assert parse_sentence("  ") is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("Nam", "male"), ("nam", "male"), ("NAM ", "male"), ("M", "male"), ("Nữ", "female"),
     ("nu", "female"), (nfd("nữ"), "female"), ("F", "female"), ("", ""), (None, "")],
)
def test_genders(cell: CellValue, expected: str) -> None:
    assert parse_gender(cell) == expected


@pytest.mark.parametrize("cell", ["Không rõ", 1, "x"])
def test_unknown_gender(cell: CellValue) -> None:
    with pytest.raises(CellError):
        parse_gender(cell)


@pytest.mark.parametrize(
    ("cell", "header", "expected"),
    [
        ("Đặc xá", "", "amnesty"),
        ("được đặc xá năm 2024", "Hình thức ra trại", "amnesty"),
        ("Tha tù trước thời hạn có điều kiện", "", "conditional"),
        ("Chấp hành xong án phạt tù", "", "completed"),
        ("Hết án", "", "completed"),
        (None, "", "completed"),
        ("x", "Đặc xá", "amnesty"),
        ("Có", "Đặc xá", "amnesty"),
        (True, "Đặc xá", "amnesty"),
        ("", "Đặc xá", "completed"),
    ],
)
def test_release_types(cell: CellValue, header: str, expected: str) -> None:
    assert parse_release_type(cell, header)[0] == expected


def test_unknown_release_type_is_completed_with_a_note() -> None:
    code, note = parse_release_type("theo quyết định số 5")
    assert code == "completed"
    assert "không rõ hình thức ra trại" in note


@pytest.mark.parametrize(
    ("cell", "text", "from_number"),
    [
        ("001085012345", "001085012345", False),  # text keeps its zeros
        ("'001085012345", "001085012345", False),
        ("001 085 012 345", "001 085 012 345", False),  # validation removes separators
        (1085012345, "1085012345", True),
        (1085012345.0, "1085012345", True),
        (None, "", False),
    ],
)
def test_id_cells(cell: CellValue, text: str, from_number: bool) -> None:
    parsed = parse_id(cell)
    assert (parsed.text, parsed.from_number) == (text, from_number)


@pytest.mark.parametrize("cell", [1.5, -12, 1.23e20, date(2024, 1, 1), True])
def test_id_cells_that_are_not_numbers(cell: CellValue) -> None:
    with pytest.raises(CellError):
        parse_id(cell)


def test_phone_number_cell_gets_its_zero_back() -> None:
    assert parse_phone(912345678)[0] == "0912345678"
    assert parse_phone("0912 345 678") == ("0912 345 678", "")
    assert parse_phone(12345)[0] == "12345"


def test_names_are_nfc_tidy_and_capitalised() -> None:
    assert parse_name(nfd("  nguyễn   văn  an ")) == "Nguyễn Văn An"
    assert parse_name("TRẦN THỊ BÌNH") == "Trần Thị Bình"
    with pytest.raises(CellError):
        parse_name(12345)


def test_row_problem_message() -> None:
    problem = RowProblem(7, "Ngày sinh", "31/02/1985", "ngày không tồn tại")
    assert problem.message == "Dòng 7, cột «Ngày sinh», giá trị «31/02/1985»: ngày không tồn tại"
    assert RowProblem(8, "Giới tính", "", "thiếu").message == "Dòng 8, cột «Giới tính»: thiếu"


def test_a_fine_beside_the_prison_term_is_not_part_of_it() -> None:
    sentence = parse_sentence("3 năm tù, phạt bổ sung 5.000.000 đồng")
    assert sentence is not None
    assert (sentence.main_penalty, sentence.prison_months) == ("prison", 36)
