"""Form 01 of Decision 22/2023/QĐ-TTg: the month's list of released people who are eligible
for and ask for a Social Policy Bank loan, drawn up by the commune police for the commune
chairperson to confirm (sent to the bank on the 5th of each month).

Ten columns do not fit a portrait page at a readable size, so this list is printed on a
landscape A4 page (Decree 30 allows it for tables). The people are the snapshot's `loans`
(only eligible requests; `loan_list` explains the choice); the totals row is the
snapshot's figures. The commune police chief signs on the right (with the seal and the
digital signature); the chairperson confirms on the left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from desktop.formatting import format_int
from desktop.reports.forms.common import RenderOptions, period_phrase
from desktop.reports.forms.person_common import chair_signer, commune, iso_text, police_spec
from desktop.reports.layout import RenderedPdf, render
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import data_table, para

HEADERS = ["STT", "Họ và tên", "Năm sinh", "Số CCCD", "Nơi cư trú", "Ngày ra trại",
           "Mục đích vay", "Số tiền đề nghị vay (đồng)", "Thời hạn vay (tháng)", "Ghi chú"]
# 252 mm: the landscape frame. The address takes what the 12-digit ID number and the
# amounts leave.
WIDTHS = [10 * mm, 34 * mm, 13 * mm, 26 * mm, 57 * mm, 20 * mm, 24 * mm, 24 * mm, 16 * mm,
          28 * mm]
AMOUNT, MONTHS = 7, 8  # right-aligned number columns


def note(loan: Mapping[str, Any]) -> str:
    """"Đề nghị ngày 20/10/2026" and the officer's note on the request."""
    asked = f"Đề nghị ngày {iso_text(loan['requested_on'])}"
    return f"{asked}; {loan['note']}" if loan["note"] else asked


def list_rows(loans: Sequence[Mapping[str, Any]], figures: Mapping[str, Any]) -> list[list[str]]:
    """Header, one row per eligible request, then the totals row."""
    rows = [HEADERS]
    for index, loan in enumerate(loans, 1):
        months = loan["months"]
        rows.append([str(index), loan["full_name"], loan["birth_year"], loan["id_number"],
                     loan["address"], iso_text(loan["release_date"]), loan["purpose_label"],
                     format_int(loan["amount_vnd"]), "" if months is None else str(months),
                     note(loan)])
    total = f"Tổng cộng: {format_int(figures['people'])} người"
    rows.append(["", total, "", "", "", "", "", format_int(figures["amount_vnd"]), "", ""])
    return rows


def _body(snap: ReportSnapshot) -> list[Flowable]:
    opening = (f"Căn cứ Quyết định số 22/2023/QĐ-TTg của Thủ tướng Chính phủ về tín dụng đối "
               f"với người chấp hành xong án phạt tù, {snap.unit.name} lập danh sách người "
               "chấp hành xong án phạt tù đủ điều kiện và có nhu cầu vay vốn Ngân hàng Chính "
               f"sách xã hội {period_phrase(snap.period)} như sau:")
    rows = list_rows(snap.data["loans"], snap.figures)
    total = len(rows) - 1
    table = data_table(rows, WIDTHS, bold_rows=[total], numeric_columns=[AMOUNT, MONTHS])
    # "Tổng cộng: … người" runs over the empty cells up to the amount.
    table.setStyle(TableStyle([("SPAN", (1, total), (AMOUNT - 1, total))]))
    figures = snap.figures
    closing = (f"Danh sách gồm {format_int(figures['people'])} người, "
               f"{format_int(figures['loans'])} đề nghị vay; tổng số tiền đề nghị vay "
               f"{format_int(figures['amount_vnd'])} đồng./." if snap.data["loans"] else
               "Trong tháng không có người đủ điều kiện đề nghị vay vốn./.")
    # The closing sentence travels with the signatures (layout keeps them together).
    return [para(opening), table, Spacer(1, 4), para(closing)]


def render_form01(snap: ReportSnapshot, options: RenderOptions | None = None) -> RenderedPdf:
    """The Form 01 PDF of a stored snapshot (landscape A4)."""
    unit = snap.unit
    summary = f"{snap.form_def.summary} {snap.period.label_vi}"
    spec = police_spec(snap, options or RenderOptions(), "Danh sách", summary,
                       numbered=False, recipients=())
    # "XÁC NHẬN CỦA ỦY BAN NHÂN DÂN / PHƯỜNG …": broken where the name breaks, not evenly.
    confirming = replace(chair_signer(unit), prefix="Xác nhận của Ủy ban nhân dân",
                         title=f"{commune(unit)}\n{unit.signer_prefix}\n"
                               f"{unit.chairperson_title}")
    spec = replace(spec, second_signer=confirming, landscape=True,
                   form_mark="Mẫu số 01 (Quyết định số 22/2023/QĐ-TTg)")
    return render(spec, _body(snap))
