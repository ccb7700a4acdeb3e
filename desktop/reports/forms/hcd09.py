"""HCD-09: the quarterly list of people by classification group A, B, C, D.

A count table first (each group's count is the snapshot's `class_*` figure, the total its
`managed_at_end`), then the people of each group under the group's full label from the
rule set in force at the quarter's end.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.formatting import format_date, format_int
from desktop.reports.annex import MISSING
from desktop.reports.forms.common import (
    RenderOptions,
    adjustments_section,
    document_spec,
    period_phrase,
)
from desktop.reports.layout import RenderedPdf, render
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import caption, data_table, para
from desktop.rules.classification import CLASSIFICATIONS
from desktop.rules.ruleset import rule_set_for

GROUPS = (*CLASSIFICATIONS, MISSING)
MISSING_LABEL = "Chưa được đánh giá, phân loại trong quý"
LIST_WIDTHS = [10 * mm, 42 * mm, 15 * mm, 45 * mm, 33 * mm, 20 * mm]


def group_labels(snap: ReportSnapshot) -> dict[str, str]:
    """Each group's full label, as the rule set of the quarter's end words it."""
    labels = dict(rule_set_for(snap.period.end).classification_labels)
    return {**{c: labels.get(c, c) for c in CLASSIFICATIONS}, MISSING: MISSING_LABEL}


def group_count_key(group: str) -> str:
    """The figure that counts a group: class_A … class_D, class_missing."""
    return f"class_{group}"


def count_rows(snap: ReportSnapshot) -> list[list[str]]:
    """The count table: one row per group and the total (people managed at quarter end)."""
    labels = group_labels(snap)
    rows = [["Nhóm", "Nội dung phân loại", "Số người"]]
    for group in GROUPS:
        code = group if group != MISSING else "–"
        rows.append([code, labels[group], format_int(snap.figures[group_count_key(group)])])
    rows.append(["", "Tổng số người đang quản lý cuối quý",
                 format_int(snap.figures["managed_at_end"])])
    return rows


def _person_row(index: int, person: Mapping[str, Any]) -> list[str]:
    received = person["received_on"]
    return [str(index), person["full_name"], person["birth_year"], person["residence"],
            person["offences"], format_date(date.fromisoformat(received)) if received else ""]


def list_rows(snap: ReportSnapshot) -> tuple[list[list[str]], list[int]]:
    """The grouped list and the indexes of its group-title rows."""
    groups = snap.data["classification"]["groups"]
    labels = group_labels(snap)
    rows = [["STT", "Họ và tên", "Năm sinh", "Nơi cư trú", "Tội danh", "Ngày tiếp nhận"]]
    titles: list[int] = []
    for group in GROUPS:
        count = format_int(snap.figures[group_count_key(group)])
        titles.append(len(rows))
        rows.append([f"{labels[group]}: {count} người", "", "", "", "", ""])
        rows += [_person_row(i, p) for i, p in enumerate(groups[group], 1)]
    return rows, titles


def _body(snap: ReportSnapshot) -> list[Flowable]:
    opening = (f"Căn cứ kết quả đánh giá {period_phrase(snap.period)}, "
               f"{snap.unit.name} lập danh sách phân loại người chấp hành xong án phạt tù "
               "đang quản lý như sau:")
    rows, titles = list_rows(snap)
    return [
        para(opening), *caption("1. Tổng hợp phân loại"),
        data_table(count_rows(snap), [18 * mm, 117 * mm, 30 * mm], numeric_from=2,
                   bold_rows=[len(GROUPS) + 1]),
        *caption("2. Danh sách theo nhóm"),
        data_table(rows, LIST_WIDTHS, span_rows=titles),
        *adjustments_section(snap, "3. Điều chỉnh số liệu các kỳ đã báo cáo"),
    ]


def render_hcd09(snap: ReportSnapshot, options: RenderOptions | None = None) -> RenderedPdf:
    """The HCD-09 PDF of a stored snapshot."""
    spec = document_spec(snap, options or RenderOptions(), doc_type="Danh sách")
    return render(spec, _body(snap))
