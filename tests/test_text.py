"""Vietnamese text helpers: NFC, search folding, name tidying and Vietnamese name order."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.text import (
    fold,
    name_sort_key,
    nfc,
    tidy_person_name,
    tidy_spaces,
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def test_nfc_recomposes_decomposed_text() -> None:
    decomposed = nfd("Nguyễn")
    assert len(decomposed) > len("Nguyễn")
    assert nfc(decomposed) == "Nguyễn"


def test_tidy_spaces() -> None:
    assert tidy_spaces("  Nguyễn\t Văn\u00a0\u00a0A \n") == "Nguyễn Văn A"


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Nguyễn Văn Á", "nguyen van a"),
        ("ĐẶNG THỊ ĐÀO", "dang thi dao"),
        ("  Trần   Quốc  Tuấn ", "tran quoc tuan"),
        ("Phạm Ngọc Ưng", "pham ngoc ung"),
        ("Ðỗ Văn Hùng", "do van hung"),  # "Ð" (eth), a common typing slip for "Đ"
    ],
)
def test_fold_for_diacritic_insensitive_search(raw: str, key: str) -> None:
    assert fold(raw) == key
    assert fold(nfd(raw)) == key


def test_tidy_person_name() -> None:
    assert tidy_person_name("nguyễn  văn   a") == "Nguyễn Văn A"
    assert tidy_person_name("NGUYỄN THỊ ĐÀO") == "Nguyễn Thị Đào"
    assert tidy_person_name(nfd("lê ánh")) == "Lê Ánh"
    assert tidy_person_name("") == ""


# --- Vietnamese name order --------------------------------------------------------------------


def increasing(names: list[str]) -> bool:
    """Whether each name sorts strictly before the next."""
    return all(name_sort_key(a) < name_sort_key(b) for a, b in itertools.pairwise(names))


def test_given_name_first_and_d_before_dj() -> None:
    """Given name first; "Đ" is a letter after "D": Lê Văn Đức after Trần Văn Dũng."""
    assert name_sort_key("Trần Văn Dũng") < name_sort_key("Lê Văn Đức")


def test_given_name_decides_before_family_name() -> None:
    assert name_sort_key("Nguyễn Thị Ánh") < name_sort_key("Trần Văn Bình")


def test_family_name_then_middle_name_break_ties() -> None:
    assert name_sort_key("Lê Văn An") < name_sort_key("Trần Văn An")
    assert name_sort_key("Lê Thị An") < name_sort_key("Lê Văn An")


def test_vietnamese_letters_follow_their_base_letter() -> None:
    order = ["An", "Ăn", "Ân", "Bắc", "Dung", "Đông", "Em", "Êm", "Oanh", "Ôn", "Ơn", "Út", "Ưng"]
    assert increasing(order)


def test_tones_count_only_after_the_letters() -> None:
    """No tone, huyền, sắc, hỏi, ngã, nặng; and "Anh" < "Ánh" < "Ba" whatever the tone."""
    tones = ["Ma", "Mà", "Má", "Mả", "Mã", "Mạ"]
    assert increasing(tones)
    assert sorted(["Ba", "Ánh", "Anh"], key=name_sort_key) == ["Anh", "Ánh", "Ba"]


def test_sort_of_a_list_of_people() -> None:
    people = ["Trần Văn Bình", "Lê Văn Đức", "Nguyễn Thị Ánh", "Trần Văn Dũng", "Phạm Anh"]
    assert sorted(people, key=name_sort_key) == [
        "Phạm Anh",
        "Nguyễn Thị Ánh",
        "Trần Văn Bình",
        "Trần Văn Dũng",
        "Lê Văn Đức",
    ]


def test_single_word_and_empty_names_sort() -> None:
    assert sorted(["Bình", "", "An"], key=name_sort_key) == ["", "An", "Bình"]


vietnamese = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộứừửữựĐĂ ", max_size=30)


@given(vietnamese)
def test_fold_is_idempotent_and_plain_ascii(s: str) -> None:
    key = fold(s)
    assert fold(key) == key
    assert key.isascii()


@given(vietnamese)
def test_sort_key_ignores_normalisation_form_and_spacing(s: str) -> None:
    assert name_sort_key(nfd(s))[:3] == name_sort_key(f"  {s} ")[:3]
