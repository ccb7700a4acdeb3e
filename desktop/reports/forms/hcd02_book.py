"""HCD-02's second part: the progress book ("Sổ theo dõi, giúp đỡ") of one person over a
period — the weekly contact log, the excused weeks, the quarterly evaluations, the support
received and the violations — printed from the snapshot after the information sheet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.formatting import format_decimal, format_int
from desktop.reports.forms.person_common import iso_text
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import caption, data_table, para

CONTACT_WIDTHS = [10 * mm, 20 * mm, 28 * mm, 61 * mm, 46 * mm]
EXCUSED_WIDTHS = [10 * mm, 22 * mm, 44 * mm, 89 * mm]
EVALUATION_WIDTHS = [24 * mm, 20 * mm, 17 * mm, 66 * mm, 38 * mm]
SUPPORT_WIDTHS = [10 * mm, 95 * mm, 60 * mm]
VIOLATION_WIDTHS = [10 * mm, 20 * mm, 34 * mm, 101 * mm]

# The situation notes of a contact, in the order the book reads them.
SITUATION = (("work", "Việc làm"), ("health", "Sức khỏe"), ("family", "Gia đình"),
             ("attitude", "Thái độ"), ("mood", "Tâm lý"))


def situation(contact: Mapping[str, Any]) -> str:
    """"Việc làm: …. Tâm lý: …. Dấu hiệu nguy cơ: …" from the contact's notes."""
    parts = [f"{label}: {contact[key].rstrip('.')}." for key, label in SITUATION
             if contact[key]]
    if contact["risk_sign_labels"]:
        parts.append(f"Dấu hiệu nguy cơ: {', '.join(contact['risk_sign_labels']).lower()}.")
    return " ".join(parts) or contact["summary"]


def contact_rows(contacts: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """The log: date, form (and who met the person), situation, advice given."""
    rows = [["STT", "Ngày", "Hình thức, người gặp", "Tình hình của người được giúp đỡ",
             "Nội dung tuyên truyền, giúp đỡ"]]
    for index, c in enumerate(contacts, 1):
        form = f"{c['form_label']} ({c['members_present']})" if c["members_present"] \
            else c["form_label"]
        rows.append([str(index), iso_text(c["contact_date"]), form, situation(c),
                     c["advice"] or c["summary"]])
    return rows


def coverage_sentence(figures: Mapping[str, Any]) -> str:
    """The period's weekly coverage in one sentence."""
    text = (f"Số lần gặp gỡ: {format_int(figures['contacts'])}. Số tuần phải gặp: "
            f"{format_int(figures['weeks_due'])}; số tuần đã gặp (kể cả tuần được miễn): "
            f"{format_int(figures['weeks_covered'])}, trong đó "
            f"{format_int(figures['weeks_excused'])} tuần được miễn")
    pct = figures["contact_coverage_pct"]
    return text + (f"; tỷ lệ {format_decimal(pct)}%." if pct is not None else ".")


def _excused(items: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    if not items:
        return [para("Không có tuần nào được miễn gặp.", "note")]
    rows = [["STT", "Tuần", "Thời gian", "Lý do"]]
    rows += [[str(i), e["week"], f"{iso_text(e['starts_on'])} – {iso_text(e['ends_on'])}",
              e["reason"]] for i, e in enumerate(items, 1)]
    return [data_table(rows, EXCUSED_WIDTHS)]


def evaluation_rows(evaluations: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """One row per quarter: when, the group, the team's remarks, the proposals."""
    rows = [["Quý", "Ngày đánh giá", "Phân loại", "Nhận xét của tổ giúp đỡ",
             "Đề xuất, kiến nghị"]]
    for e in evaluations:
        rows.append([e["quarter_label"], iso_text(e["evaluated_on"]),
                     f"Loại {e['classification']}", e["helper_report"], e["proposals"]])
    return rows


def _evaluations(items: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    if not items:
        return [para("Chưa có đánh giá, phân loại trong thời gian này.", "note")]
    return [data_table(evaluation_rows(items), EVALUATION_WIDTHS)]


def _supports(items: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    if not items:
        return [para("Không có hoạt động hỗ trợ nào trong thời gian này.", "note")]
    # The description names the kind, the amount, the provider and the date already.
    rows = [["STT", "Nội dung hỗ trợ", "Kết quả"]]
    rows += [[str(i), s["description"], s["outcome"]] for i, s in enumerate(items, 1)]
    return [data_table(rows, SUPPORT_WIDTHS)]


def _violations(items: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    if not items:
        return [para("Không vi phạm trong thời gian này.", "note")]
    rows = [["STT", "Ngày", "Loại vi phạm", "Nội dung, hình thức xử lý"]]
    rows += [[str(i), iso_text(v["violation_date"]), v["kind_label"],
              "; ".join(x for x in (v["description"], v["handling"]) if x)]
             for i, v in enumerate(items, 1)]
    return [data_table(rows, VIOLATION_WIDTHS)]


def book(snap: ReportSnapshot) -> list[Flowable]:
    """The progress book of the snapshot's period, from its own title to its last table."""
    data = snap.data["book"]
    person = snap.data["person"]
    contacts: list[Flowable] = ([data_table(contact_rows(data["contacts"]), CONTACT_WIDTHS)]
                                if data["contacts"] else
                                [para("Không có lần gặp gỡ nào trong thời gian này.", "note")])
    return [
        para("Sổ theo dõi, giúp đỡ".upper(), "doc_type"),
        para(f"Người được giúp đỡ: {person['full_name']}", "summary"),
        para(f"({snap.period.dates_vi})", "date"), para(" ", "note"),
        para(coverage_sentence(snap.figures)),
        *caption("1. Nhật ký gặp gỡ"), *contacts,
        *caption("2. Tuần được miễn gặp"), *_excused(data["excused"]),
        *caption("3. Đánh giá, phân loại hằng quý"), *_evaluations(data["evaluations"]),
        *caption("4. Hỗ trợ, giúp đỡ"), *_supports(data["supports"]),
        *caption("5. Vi phạm"), *_violations(data["violations"]),
    ]
