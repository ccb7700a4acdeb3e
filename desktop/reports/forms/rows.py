"""The statistics rows the forms print, shared by the PDF and the XLSX of every form.

Each row names one figure key of REPORTS.md §3 (a breakdown bucket is written
`by_gender.male`); the forms never compute a figure, they only look values up here.
Keeping the rows in one place is what makes the PDF and the XLSX show the same table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from desktop.formatting import format_decimal, format_int
from desktop.models import END_REASONS, RELEASE_TYPES, SUPPORT_KINDS
from desktop.reports.figures_keys import OFFENCE_CHAPTERS
from desktop.services.labels import (
    CLASSIFICATION_SHORT_LABELS,
    END_REASON_LABELS,
    RELEASE_TYPE_LABELS,
    SUPPORT_KIND_LABELS,
)

Kind = Literal["int", "pct1", "pct2", "vnd"]

_ROMAN = ("XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII",
          "XXIV", "XXV", "XXVI")
# Penal Code 2015, Part Two: the chapter titles, shortened the way statistics tables do.
_CHAPTERS = (
    "An ninh quốc gia", "Tính mạng, sức khỏe, nhân phẩm, danh dự", "Quyền tự do, dân chủ",
    "Sở hữu", "Hôn nhân và gia đình", "Trật tự quản lý kinh tế", "Môi trường", "Ma túy",
    "An toàn, trật tự công cộng", "Trật tự quản lý hành chính", "Chức vụ", "Hoạt động tư pháp",
    "Nghĩa vụ, trách nhiệm của quân nhân", "Hòa bình, chống loài người, chiến tranh",
)


@dataclass(frozen=True)
class Row:
    """One printed figure: its number in the table, label, unit of count and key."""

    number: str
    label: str
    unit: str
    key: str
    kind: Kind = "int"
    # A flow (counted by date inside the period): the yearly columns of a multi-year
    # report add up to the whole period. Stocks and distinct-people counts do not.
    additive: bool = False
    level: int = 0


@dataclass(frozen=True)
class Section:
    """A titled group of rows ("I. Số người thuộc diện quản lý")."""

    title: str
    rows: tuple[Row, ...]


def value_of(figures: Mapping[str, Any], key: str) -> int | float | None:
    """The figure under `key`, reading `by_gender.male` inside its breakdown."""
    head, _, bucket = key.partition(".")
    value = figures[head]
    if bucket:
        value = value[bucket]
    assert value is None or isinstance(value, int | float)
    return value


def format_value(value: int | float | None, kind: Kind) -> str:
    """The value as printed: 1.234 for counts and đồng, 87,5 for a percentage, blank for
    a percentage without a denominator."""
    if value is None:
        return ""
    if kind == "pct1":
        return format_decimal(float(value), 1)
    if kind == "pct2":
        return format_decimal(float(value), 2)
    return format_int(int(value))


def _movement() -> Section:
    received = [Row(f"2.{i}", RELEASE_TYPE_LABELS[t], "người", f"received_{t}", additive=True,
                    level=1) for i, t in enumerate(RELEASE_TYPES, 1)]
    ended = [Row(f"4.{i}", END_REASON_LABELS[r], "người", f"ended_{r}", additive=True,
                 level=1) for i, r in enumerate(END_REASONS, 1)]
    return Section("I. Số người thuộc diện quản lý", (
        Row("1", "Đang quản lý đầu kỳ", "người", "managed_at_start"),
        Row("2", "Tiếp nhận trong kỳ", "người", "received", additive=True), *received,
        Row("3", "Đã có thông báo nhưng chưa về địa phương", "người", "expected_not_arrived"),
        Row("4", "Kết thúc quản lý trong kỳ", "người", "ended", additive=True), *ended,
        Row("5", "Tổng số quản lý trong kỳ", "người", "managed_during"),
        Row("6", "Đang quản lý cuối kỳ", "người", "managed_at_end"),
    ))


def _breakdowns() -> Section:
    ages = (("<18", "Dưới 18 tuổi"), ("18-30", "Từ 18 đến 30 tuổi"),
            ("31-45", "Từ 31 đến 45 tuổi"), ("46-60", "Từ 46 đến 60 tuổi"),
            (">60", "Trên 60 tuổi"))
    lengths = (("<=5y", "Đến 5 năm"), (">5-15y", "Trên 5 năm đến 15 năm"),
               (">15y_or_life", "Trên 15 năm, chung thân"), ("other", "Hình phạt khác, chưa rõ"))
    chapters = [Row(f"3.{i}", f"Chương {_ROMAN[i - 1]}: {name}", "người",
                    f"by_offence_group.chapter_{n}", level=1)
                for i, (n, name) in enumerate(zip(OFFENCE_CHAPTERS, _CHAPTERS, strict=True), 1)]
    return Section("II. Cơ cấu người đang quản lý cuối kỳ", (
        Row("1", "Giới tính", "", ""),
        Row("1.1", "Nam", "người", "by_gender.male", level=1),
        Row("1.2", "Nữ", "người", "by_gender.female", level=1),
        Row("2", "Độ tuổi", "", ""),
        *(Row(f"2.{i}", text, "người", f"by_age_group.{k}", level=1)
          for i, (k, text) in enumerate(ages, 1)),
        Row("3", "Nhóm tội (theo chương của Bộ luật Hình sự)", "", ""),
        *chapters,
        Row(f"3.{len(chapters) + 1}", "Chưa rõ nhóm tội", "người", "by_offence_group.unknown",
            level=1),
        Row("4", "Mức hình phạt tù", "", ""),
        *(Row(f"4.{i}", text, "người", f"by_sentence_length.{k}", level=1)
          for i, (k, text) in enumerate(lengths, 1)),
    ))


def _education() -> Section:
    classes = [Row(f"5.{i}", CLASSIFICATION_SHORT_LABELS[c], "lượt", f"class_{c}", level=1)
               for i, c in enumerate("ABCD", 1)]
    return Section("III. Quản lý, giáo dục", (
        Row("1", "Có tổ giúp đỡ đủ 4 thành phần", "người", "teams_complete"),
        Row("2", "Số tuần phải gặp gỡ", "tuần", "weeks_due"),
        Row("3", "Số tuần đã gặp gỡ (kể cả tuần được miễn)", "tuần", "weeks_covered"),
        Row("3.1", "Trong đó: tuần được miễn có lý do", "tuần", "weeks_excused", level=1),
        Row("4", "Tỷ lệ tuần có gặp gỡ", "%", "contact_coverage_pct", "pct1"),
        Row("5", "Phân loại cuối các quý trong kỳ", "", ""), *classes,
        Row("5.5", "Chưa đánh giá, phân loại", "lượt", "class_missing", level=1),
    ))


def _supports() -> Section:
    rows: list[Row] = []
    for i, kind in enumerate(SUPPORT_KINDS, 1):
        rows.append(Row(str(i), SUPPORT_KIND_LABELS[kind], "lượt", f"support_{kind}",
                        additive=True))
        rows.append(Row(f"{i}.1", "Số người được hỗ trợ", "người", f"support_{kind}_people",
                        level=1))
    n = len(SUPPORT_KINDS)
    rows += [
        Row(str(n + 1), "Số khoản vay vốn", "khoản", "loan_count", additive=True),
        Row(str(n + 2), "Tổng số tiền vay", "đồng", "loan_amount_vnd", "vnd", additive=True),
        Row(str(n + 3), "Tổng số tiền trợ cấp khó khăn", "đồng", "hardship_amount_vnd", "vnd",
            additive=True),
    ]
    return Section("IV. Hỗ trợ, giúp đỡ", tuple(rows))


def _violations() -> Section:
    return Section("V. Vi phạm, tái phạm và kết quả khác", (
        Row("1", "Vi phạm hành chính", "lượt", "violations_admin", additive=True),
        Row("2", "Số người phạm tội mới (tái phạm)", "người", "reoffended"),
        Row("3", "Tỷ lệ tái phạm", "%", "reoffending_rate_pct", "pct2"),
        Row("4", "Dự kiến đủ điều kiện xóa án tích trong 90 ngày tới", "người",
            "expunged_expected_next_90d"),
        Row("5", "Mô hình đang hoạt động", "mô hình", "models_active"),
        Row("6", "Điển hình cá nhân được ghi nhận", "người", "exemplary_people"),
    ))


STATISTICS: tuple[Section, ...] = (
    _movement(), _breakdowns(), _education(), _supports(), _violations(),
)


def figure_rows() -> list[Row]:
    """Every row that prints a figure (group title rows left out)."""
    return [row for section in STATISTICS for row in section.rows if row.key]


@dataclass(frozen=True)
class Column:
    """One column of a consolidated table (one row per commune)."""

    header: str
    key: str
    kind: Kind = "int"


@dataclass(frozen=True)
class ColumnTable:
    """A consolidated table: its title and columns. A percentage column's total is
    recomputed from the sums of two other columns of the same table (`ratio`)."""

    title: str
    columns: tuple[Column, ...]


# Percentage keys → (numerator, denominator) figure keys: the totals row of a consolidation
# recomputes the percentage from the summed columns, never sums percentages.
RATIOS: dict[str, tuple[str, str]] = {
    "contact_coverage_pct": ("weeks_covered", "weeks_due"),
    "reoffending_rate_pct": ("reoffended", "managed_during"),
}

CONSOLIDATED: tuple[ColumnTable, ...] = (
    ColumnTable("Biểu 1. Biến động số người thuộc diện quản lý", (
        Column("Đầu kỳ", "managed_at_start"), Column("Tiếp nhận", "received"),
        Column("Kết thúc", "ended"), Column("Cuối kỳ", "managed_at_end"),
        Column("Chưa về địa phương", "expected_not_arrived"))),
    ColumnTable("Biểu 2. Quản lý, gặp gỡ hằng tuần", (
        Column("Tổ đủ 4 thành phần", "teams_complete"), Column("Tuần phải gặp", "weeks_due"),
        Column("Tuần đã gặp", "weeks_covered"), Column("Tuần được miễn", "weeks_excused"),
        Column("Tỷ lệ (%)", "contact_coverage_pct", "pct1"))),
    ColumnTable("Biểu 3. Phân loại (lượt người cuối các quý)", (
        *(Column(f"Loại {c}", f"class_{c}") for c in "ABCD"),
        Column("Chưa đánh giá", "class_missing"))),
    ColumnTable("Biểu 4. Hỗ trợ, vay vốn", (
        Column("Học nghề (lượt)", "support_vocational_training"),
        Column("Giới thiệu việc làm (lượt)", "support_job_referral"),
        Column("Khoản vay", "loan_count"), Column("Tiền vay (đồng)", "loan_amount_vnd", "vnd"),
        Column("Trợ cấp khó khăn (đồng)", "hardship_amount_vnd", "vnd"))),
    ColumnTable("Biểu 5. Vi phạm, tái phạm", (
        Column("Tổng số quản lý trong kỳ", "managed_during"),
        Column("Vi phạm hành chính (lượt)", "violations_admin"),
        Column("Tái phạm (người)", "reoffended"),
        Column("Tỷ lệ tái phạm (%)", "reoffending_rate_pct", "pct2"))),
)
