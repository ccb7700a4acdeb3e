"""HCD-10: the commune police's proposal to the chairperson to end the management of one
person (Decree 49/2020 Art. 14), with the reason, the day and how management went.

The reason and the day are the person's recorded end of management unless the officer
chose others when producing it (both are in the snapshot). HCD-11, the decision, reuses
the sentences below. Layout kept in this one module so it can be corrected against the
annex.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable

from desktop.reports.forms.common import RenderOptions
from desktop.reports.forms.person_common import (
    addressee,
    committee,
    fields,
    iso_text,
    judgment_sentence,
    police_spec,
    residence,
)
from desktop.reports.layout import RenderedPdf, render
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import para

SUMMARY = "Về việc kết thúc quản lý, giúp đỡ người chấp hành xong án phạt tù"


def end_phrase(data: Mapping[str, Any], signed_by: str) -> str:
    """"kể từ ngày 05/10/2026", or from the day the decision is signed when no day is set."""
    end = data["end_date"]
    return f"kể từ ngày {iso_text(end)}" if end else f"kể từ ngày {signed_by} ký quyết định"


def care_sentence(data: Mapping[str, Any]) -> str:
    """How the management went: contacts logged, the last quarter's classification."""
    care = data["care"]
    person = data["person"]
    until = iso_text(data["end_date"]) or "nay"
    text = (f"Trong thời gian quản lý, giúp đỡ (từ ngày {iso_text(person['received_on'])} "
            f"đến {'ngày ' if data['end_date'] else ''}{until}), tổ giúp đỡ đã gặp gỡ "
            f"{care['contacts']} lần")
    last = care["last_evaluation"]
    if last is None:
        return text + "; chưa có kết quả đánh giá, phân loại."
    return (text + f"; kết quả đánh giá {last['quarter_label']}: "
            f"{last['classification_label']}.")


def subject_lines(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Who the proposal is about, as the chairperson needs to identify them (related facts
    share a line: the proposal and its signature keep to one page)."""
    person = data["person"]
    decision = person["team_decision_number"]
    dated = iso_text(person["team_decision_date"])
    born = "sinh ngày" if len(person["birth_date"]) > 4 else "sinh năm"
    care = (f"ra trại ngày {iso_text(person['release_date']) or '…'}; tiếp nhận về địa "
            f"phương ngày {iso_text(person['received_on'])}")
    if decision:
        care += f"; được phân công giúp đỡ theo Quyết định số {decision}"
        care += f" ngày {dated}" if dated else ""
    return [
        ("Họ và tên", f"{person['full_name']}; {born} {person['birth_display']}; số định "
                      f"danh cá nhân (CCCD): {person['id_number'] or '…'}"),
        ("Nơi cư trú", residence(person)),
        ("Bản án", judgment_sentence(data["judgment"]).removeprefix("Bản án số ")),
        ("Quá trình", f"{care}."),
    ]


def _body(snap: ReportSnapshot) -> list[Flowable]:
    data = snap.data
    chair = f"Chủ tịch {committee(snap.unit)}"
    return [
        addressee(chair), *(para(f"Căn cứ {text};", "basis") for text in data["basis"]),
        para(f"{snap.unit.name} đề nghị {chair} quyết định kết thúc việc quản lý, giúp đỡ "
             "đối với:"),
        *fields(subject_lines(data)),
        para(f"Lý do: {data['reason_label']}; đề nghị kết thúc quản lý "
             f"{end_phrase(data, chair)}. {care_sentence(data)}"),
        para(f"Kính đề nghị {chair} xem xét, quyết định./."),
    ]


def render_hcd10(snap: ReportSnapshot, options: RenderOptions | None = None) -> RenderedPdf:
    """The HCD-10 PDF of a stored snapshot."""
    # The drafting unit's part of its usual symbol ("BC-CAX" → "ĐN-CAX").
    suffix = snap.unit.doc_symbol.rsplit("-", 1)[-1] or "CAX"
    spec = police_spec(snap, options or RenderOptions(), "Đề nghị", SUMMARY,
                       symbol=f"ĐN-{suffix}", recipients=("Như trên",))
    return render(spec, _body(snap))
