"""HCD-08: the helper's report on one person for one quarter (due within the first 5 days
of the next quarter).

A citizen's paper written by the team member directly responsible, addressed to the
commune police, who confirm it: the quarter's contacts and weekly coverage, the situation
as the quarter's evaluation records it (helper's report and criteria), support received,
violations, the classification and the proposals. Everything comes from the snapshot; the
layout is kept in this one module so it can be corrected against the annex.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.platypus import Flowable

from desktop.formatting import format_decimal, format_int
from desktop.reports.forms.common import RenderOptions, period_phrase, sentence_case
from desktop.reports.forms.person_common import (
    SIGN_HINT,
    addressee,
    citizen_spec,
    confirmation,
    iso_text,
    person_phrase,
)
from desktop.reports.layout import RenderedPdf, Signer, render
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import para

CRITERIA = (("law_compliance", "Chấp hành chính sách, pháp luật"),
            ("work", "Lao động, việc làm"), ("family", "Quan hệ gia đình"),
            ("community", "Tham gia hoạt động của địa phương"),
            ("obligations", "Thực hiện nghĩa vụ dân sự"))


def helper_line(helper: Mapping[str, Any] | None) -> str:
    """"Họ và tên người giúp đỡ: …; thành phần: …" (blank to write when none is on file)."""
    if helper is None:
        return "Họ và tên người giúp đỡ: …"
    where = ", ".join(x for x in (helper["organisation"], helper["position"]) if x)
    return (f"Họ và tên người giúp đỡ: {helper['name']}; thành phần: "
            f"{helper['role_label']}" + (f" ({where})" if where else "") + ".")


def contacts_sentence(snap: ReportSnapshot) -> str:
    """How often the person was met in the quarter, and the weekly coverage."""
    f = snap.figures
    forms = ", ".join(f"{c['label'].lower()} {c['count']} lần"
                      for c in snap.data["contact_forms"])
    text = f"Số lần gặp gỡ trong quý: {format_int(f['contacts'])}"
    text += f" ({forms})." if forms else "."
    text += (f" Số tuần phải gặp: {format_int(f['weeks_due'])}; số tuần đã gặp (kể cả tuần "
             f"được miễn): {format_int(f['weeks_covered'])}, trong đó "
             f"{format_int(f['weeks_excused'])} tuần được miễn")
    pct = f["contact_coverage_pct"]
    return text + (f"; tỷ lệ {format_decimal(pct)}%." if pct is not None else ".")


def criteria_lines(evaluation: Mapping[str, Any]) -> list[str]:
    """One line per criterion the evaluation notes ("Không có ghi nhận" when none is)."""
    lines = [f"- {label}: {evaluation[key]}" for key, label in CRITERIA if evaluation[key]]
    return lines or ["- Không có ghi nhận theo từng tiêu chí."]


def support_lines(supports: Sequence[Mapping[str, Any]]) -> list[str]:
    """One line per support received (the description carries kind, amount and date)."""
    if not supports:
        return ["Trong quý chưa có hoạt động hỗ trợ nào."]
    return [f"- {s['description']}" + (f"; kết quả: {s['outcome']}" if s["outcome"] else "")
            for s in supports]


def _section(title: str, lines: Sequence[str]) -> list[Flowable]:
    return [para(title, "heading"), *(para(line) for line in lines if line.strip())]


def _body(snap: ReportSnapshot) -> list[Flowable]:
    data, person = snap.data, snap.data["person"]
    evaluation = data["evaluation"]
    decision = person["team_decision_number"]
    dated = iso_text(person["team_decision_date"])
    assigned = (f"Được phân công giúp đỡ theo Quyết định số {decision}"
                + (f" ngày {dated}" if dated else "") + ".") if decision else ""
    violations = [f"- Ngày {iso_text(v['violation_date'])}: {v['kind_label']} – "
                  f"{v['description']}" for v in data["violations"]]
    return [
        addressee(snap.unit.name), para(helper_line(data["helper"])),
        *([para(assigned)] if assigned else []),
        para(f"Người được giúp đỡ: {sentence_case(person_phrase(person))}."),
        para(f"Thời gian báo cáo: {period_phrase(snap.period)}."),
        *_section("1. Kết quả gặp gỡ, giúp đỡ", [contacts_sentence(snap)]),
        *_section("2. Tình hình của người được giúp đỡ",
                  [evaluation["helper_report"], *criteria_lines(evaluation)]),
        *_section("3. Hỗ trợ đã nhận trong quý", support_lines(data["supports"])),
        *_section("4. Vi phạm trong quý", violations or ["Không vi phạm pháp luật."]),
        *_section("5. Đánh giá, phân loại", [
            f"{evaluation['classification_label']} (đánh giá ngày "
            f"{iso_text(evaluation['evaluated_on'])})."]),
        *_section("6. Đề xuất, kiến nghị", [evaluation["proposals"] or "Không."]),
    ]


def render_hcd08(snap: ReportSnapshot, options: RenderOptions | None = None) -> RenderedPdf:
    """The HCD-08 PDF of a stored snapshot."""
    opts = options or RenderOptions()
    helper = snap.data["helper"]
    writer = Signer("", "Người báo cáo", helper["name"] if helper else "", hint=SIGN_HINT)
    summary = f"Kết quả giúp đỡ người chấp hành xong án phạt tù {snap.period.label_vi}"
    spec = citizen_spec(snap, opts, "Báo cáo", summary, writer,
                        confirmation(snap.unit, opts))
    return render(spec, _body(snap))
