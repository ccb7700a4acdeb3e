"""HCD-07: the decision of the commune chairperson assigning the helpers of one person.

The People's Committee's letterhead, the decision's number and date as recorded on the
person (HCD-07 fields), the legal basis of the rule set in force that day, the members
serving on the decision's date in a table, and the chairperson's signature per the unit's
settings. Layout kept in this one module so it can be corrected against the annex.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.reports.forms.common import RenderOptions
from desktop.reports.forms.person_common import (
    UBND_SYMBOL,
    article,
    committee_spec,
    decision_preamble,
    honorific,
    iso_text,
    judgment_sentence,
    person_phrase,
)
from desktop.reports.layout import RenderedPdf, render
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import data_table, para

MEMBER_WIDTHS = [10 * mm, 42 * mm, 50 * mm, 39 * mm, 24 * mm]


def member_rows(team: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """The assigned helpers: name, part of the team, organisation and position, phone."""
    rows = [["STT", "Họ và tên", "Thành phần", "Tổ chức, chức vụ", "Điện thoại"]]
    for index, m in enumerate(team, 1):
        where = ", ".join(x for x in (m["organisation"], m["position"]) if x)
        rows.append([str(index), m["name"], m["role_label"], where, m["phone"]])
    return rows


def responsible_sentence(team: Sequence[Mapping[str, Any]]) -> str:
    """Who answers directly for the help given."""
    lead = next((m for m in team if m["responsible"]), None)
    if lead is None:
        return "Tổ giúp đỡ phân công một thành viên phụ trách trực tiếp."
    return f"{lead['role_label']} {lead['name']} phụ trách trực tiếp việc giúp đỡ."


def _duties(snap: ReportSnapshot) -> str:
    every = snap.data["contact_interval_days"]
    meet = "ít nhất 01 lần mỗi tuần" if every == 7 else f"ít nhất {every} ngày một lần"
    return (f"Những người có tên tại Điều 1 có trách nhiệm gặp gỡ, nắm tình hình, động viên, "
            f"giúp đỡ người chấp hành xong án phạt tù {meet}; ghi sổ theo dõi, giúp đỡ; "
            f"hằng quý đánh giá, phân loại và báo cáo kết quả với {snap.unit.name} "
            "(mẫu HCD-08) trong 05 ngày đầu của quý sau.")


def _body(snap: ReportSnapshot) -> list[Flowable]:
    person = snap.data["person"]
    received = iso_text(person["received_on"])
    who = (f"Phân công những người có tên sau đây giúp đỡ {person_phrase(person)}; "
           f"{judgment_sentence(snap.data['judgment'])[:-1]}; về cư trú tại địa phương "
           f"ngày {received}:")
    return [
        *decision_preamble(snap), article(1, who),
        data_table(member_rows(snap.data["team"]), MEMBER_WIDTHS),
        para(responsible_sentence(snap.data["team"])),
        article(2, _duties(snap)),
        article(3, f"Quyết định này có hiệu lực kể từ ngày ký. Trưởng {snap.unit.name}, "
                   f"những người có tên tại Điều 1 và {honorific(person)} "
                   f"{person['full_name']} chịu trách nhiệm thi hành Quyết định này./."),
    ]


def _decision_day(snap: ReportSnapshot, options: RenderOptions) -> date | None:
    """The recorded decision's date prints in the header unless the officer set one."""
    recorded = snap.data["person"]["team_decision_date"]
    return options.issued_on or (date.fromisoformat(recorded) if recorded else None)


def split_number(recorded: str) -> tuple[str, str]:
    """"12/QĐ-UBND" → ("12", "QĐ-UBND"): the header writes "Số: {number}/{symbol}"."""
    number, _, symbol = recorded.strip().partition("/")
    return number, symbol or UBND_SYMBOL


def render_hcd07(snap: ReportSnapshot, options: RenderOptions | None = None) -> RenderedPdf:
    """The HCD-07 PDF of a stored snapshot; the recorded decision's number and date go in
    the header unless the officer gives others."""
    opts = options or RenderOptions()
    number, symbol = split_number(snap.data["person"]["team_decision_number"])
    if opts.number:
        number, symbol = opts.number, UBND_SYMBOL
    opts = replace(opts, issued_on=_decision_day(snap, opts), number=number)
    recipients = ("Như Điều 3", snap.unit.name, "Các thành viên tổ giúp đỡ")
    spec = committee_spec(snap, opts, "Quyết định",
                          "Về việc phân công người giúp đỡ người chấp hành xong án phạt tù",
                          recipients)
    spec = replace(spec, letterhead=replace(spec.letterhead, doc_symbol=symbol))
    return render(spec, _body(snap))
