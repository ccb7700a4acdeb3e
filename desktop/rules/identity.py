"""Identity data: Vietnamese ID numbers and dates of birth that may be only a year.

A 12-digit căn cước number (Decree 137/2015/NĐ-CP, Circular 07/2016/TT-BCA) encodes the
province of birth registration (digits 1–3), gender and century (digit 4) and the last two
digits of the birth year (digits 5–6); checking them against the profile catches most
typing mistakes. The legacy 9-digit CMND is accepted and flagged, since people released
after a long sentence often still hold one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.rules.errors import RuleInputError

GENDERS = ("male", "female")
_GENDER_VI = {"male": "nam", "female": "nữ"}

# Digit 4 → first year of the century; even digits are men, odd digits women.
_CENTURY_OF_DIGIT = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200}
_CENTURY_OF_DIGIT |= {8: 1800, 9: 1800}
_PROVINCE_CODES = range(1, 97)
_ID_SEPARATORS = re.compile(r"[\s.\-]")


@dataclass(frozen=True)
class IdCheck:
    """An ID number without separators, whether it is a legacy CMND, and what looks wrong."""

    normalized: str
    legacy: bool
    problems: tuple[str, ...]


def _check_gender(gender: str | None) -> None:
    if gender is not None and gender not in GENDERS:
        raise RuleInputError("gender", f"Giới tính “{gender}” không hợp lệ: chọn nam hoặc nữ.")


def _cccd_problems(number: str, gender: str | None, birth_year: int | None) -> list[str]:
    """What digits 1–6 of a 12-digit number contradict (each message names the digits)."""
    problems: list[str] = []
    if int(number[:3]) not in _PROVINCE_CODES:
        problems.append(
            f"Ba chữ số đầu của số CCCD ({number[:3]}) không phải mã tỉnh, thành phố"
            " (từ 001 đến 096)."
        )
    digit = int(number[3])
    century = _CENTURY_OF_DIGIT[digit]
    ordinal = century // 100 + 1
    is_male = digit % 2 == 0
    if gender is not None and is_male != (gender == "male"):
        problems.append(
            f"Chữ số thứ 4 của số CCCD ({digit}) chỉ {'nam' if is_male else 'nữ'} sinh thế kỷ"
            f" {ordinal}, nhưng giới tính là {_GENDER_VI[gender]}."
        )
    if birth_year is not None and birth_year // 100 * 100 != century:
        problems.append(
            f"Chữ số thứ 4 của số CCCD ({digit}) chỉ người sinh thế kỷ {ordinal}"
            f" ({century}–{century + 99}), nhưng năm sinh là {birth_year}."
        )
    if birth_year is not None and int(number[4:6]) != birth_year % 100:
        problems.append(
            f"Chữ số thứ 5–6 của số CCCD ({number[4:6]}) không khớp với năm sinh {birth_year}"
            f" (phải là {birth_year % 100:02d})."
        )
    return problems


def check_id_number(raw: str, gender: str | None, birth_year: int | None) -> IdCheck:
    """Check an ID number against the person's gender and birth year."""
    _check_gender(gender)
    number = _ID_SEPARATORS.sub("", raw)
    if not number:
        return IdCheck(number, False, ("Chưa nhập số CCCD/CMND.",))
    if not number.isascii() or not number.isdigit():
        bad = next(ch for ch in number if not ("0" <= ch <= "9"))
        return IdCheck(number, False, (f"Số CCCD/CMND chỉ gồm chữ số, nhưng có ký tự “{bad}”.",))
    if len(number) == 9:
        return IdCheck(number, True, ())
    if len(number) != 12:
        message = (
            "Số CCCD phải có 12 chữ số (CMND cũ: 9 chữ số),"
            f" nhưng số đã nhập có {len(number)} chữ số."
        )
        return IdCheck(number, False, (message,))
    return IdCheck(number, False, tuple(_cccd_problems(number, gender, birth_year)))


# --- dates of birth -------------------------------------------------------------------

_MIN_BIRTH_YEAR, _MAX_BIRTH_YEAR = 1900, 2100
_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR_RE = re.compile(r"(\d{4})")
_DMY_RE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")


@dataclass(frozen=True)
class BirthDate:
    """A date of birth that may be known only to the year (common in old records)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not _MIN_BIRTH_YEAR <= self.year <= _MAX_BIRTH_YEAR:
            raise RuleInputError("birth_date", f"Năm sinh {self.year} không hợp lệ.")
        if self.day is not None and self.month is None:
            raise RuleInputError("birth_date", "Có ngày sinh thì phải có tháng sinh.")
        try:
            date(self.year, self.month or 1, self.day or 1)
        except ValueError:
            raise RuleInputError(
                "birth_date", f"Ngày sinh {self.display} không có trong lịch."
            ) from None

    @property
    def earliest(self) -> date:
        """The birth date, or its first possible day when only the year (or month) is known."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def iso(self) -> str:
        """How it is stored: "1990-03-05", "1990-03" or "1990"."""
        parts = [f"{self.year:04d}"]
        parts += [f"{n:02d}" for n in (self.month, self.day) if n is not None]
        return "-".join(parts)

    @property
    def display(self) -> str:
        """How it is shown: "05/03/1990", "03/1990" or "1990"."""
        parts = [f"{n:02d}" for n in (self.day, self.month) if n is not None]
        return "/".join([*parts, f"{self.year:04d}"])

    def age_at(self, d: date) -> int:
        """Age in whole years on `d` (negative before birth).

        A year-only birth counts from 1 January, so the age is simply d.year − year, the
        way Vietnamese registers reckon it; it also keeps a person in the same age group
        (REPORTS §3) for the whole report year instead of moving on an unknown birthday.
        """
        born = self.earliest
        return d.year - born.year - ((d.month, d.day) < (born.month, born.day))


def parse_birth_date(text: str) -> BirthDate:
    """Parse "YYYY-MM-DD", "dd/mm/yyyy" (also with "." or "-") or a bare "YYYY"."""
    cleaned = text.strip()
    if match := _ISO_RE.fullmatch(cleaned):
        return BirthDate(int(match[1]), int(match[2]), int(match[3]))
    if match := _DMY_RE.fullmatch(cleaned):
        return BirthDate(int(match[3]), int(match[2]), int(match[1]))
    if match := _YEAR_RE.fullmatch(cleaned):
        return BirthDate(int(match[1]))
    raise RuleInputError(
        "birth_date",
        f"Ngày sinh “{cleaned}” không hợp lệ. Hãy nhập ngày/tháng/năm (ví dụ 05/03/1990)"
        " hoặc chỉ năm sinh (ví dụ 1990).",
    )
