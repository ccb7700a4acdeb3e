"""HCD-11: the chairperson's decision ending the management of one person.

The People's Committee's letterhead and the chairperson's signature (unit settings), the
legal basis of the rule set in force on the day, the end's reason and day from the
snapshot, what becomes of the team and the case file. The day of the end is printed in the
header unless the officer sets another. Layout kept in this one module so it can be
corrected against the annex.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reportlab.platypus import Flowable

from desktop.reports.forms.common import RenderOptions
from desktop.reports.forms.hcd10 import SUMMARY, end_phrase
from desktop.reports.forms.person_common import (
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


def team_article(snap: ReportSnapshot) -> str:
    """The team stands down; the case file is kept, or sent on when the person moved."""
    person = snap.data["person"]
    number, dated = person["team_decision_number"], iso_text(person["team_decision_date"])
    team = (f"Tổ giúp đỡ được phân công theo Quyết định số {number}"
            + (f" ngày {dated}" if dated else "") if number else "Tổ giúp đỡ")
    if snap.data["reason"] == "moved":
        files = (f"{snap.unit.name} chuyển hồ sơ quản lý đến Công an cấp xã nơi người đó "
                 "đến cư trú theo quy định.")
    else:
        files = f"{snap.unit.name} hoàn thiện, lưu trữ hồ sơ theo quy định."
    return f"{team} chấm dứt nhiệm vụ giúp đỡ kể từ ngày kết thúc quản lý. {files}"


def _body(snap: ReportSnapshot) -> list[Flowable]:
    data = snap.data
    person = data["person"]
    end = end_phrase(data, "Chủ tịch")
    first = (f"Kết thúc việc quản lý, giúp đỡ đối với {person_phrase(person)}; "
             f"{judgment_sentence(data['judgment'])[:-1]}; {end}. Lý do: "
             f"{data['reason_label'].lower()}.")
    return [
        *decision_preamble(snap), article(1, first), article(2, team_article(snap)),
        article(3, f"Quyết định này có hiệu lực kể từ ngày ký. Trưởng {snap.unit.name}, "
                   f"các thành viên tổ giúp đỡ và {honorific(person)} {person['full_name']} "
                   "chịu trách nhiệm thi hành Quyết định này./."),
    ]


def render_hcd11(snap: ReportSnapshot, options: RenderOptions | None = None) -> RenderedPdf:
    """The HCD-11 PDF of a stored snapshot."""
    opts = options or RenderOptions()
    end = snap.data["end_date"]
    if opts.issued_on is None and end:
        opts = replace(opts, issued_on=date.fromisoformat(end))
    recipients = ("Như Điều 3", snap.unit.recipient_name or snap.unit.parent_agency)
    spec = committee_spec(snap, opts, "Quyết định", SUMMARY, [r for r in recipients if r])
    return render(spec, _body(snap))
