"""HCD-05: the commitment not to reoffend, made by the person when they report home.

A citizen's paper: the national title only, addressed to the commune police, the person's
identity and judgment filled in from the snapshot, the commitments, then two signatures —
the person on the right, the commune police confirming (with the seal) on the left.
Layout kept in this one module so it can be corrected against Circular 10/2024's annex.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable

from desktop.reports.forms.common import RenderOptions
from desktop.reports.forms.person_common import (
    SIGN_HINT,
    addressee,
    citizen_spec,
    confirmation,
    fields,
    iso_text,
    judgment_sentence,
)
from desktop.reports.layout import RenderedPdf, Signer, render
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import para


def identity_lines(person: Mapping[str, Any]) -> list[tuple[str, str]]:
    """"Tôi tên là: …" and the rest of who the person is, two facts a line (the paper
    keeps to one page with its signatures)."""
    other = f"; tên gọi khác: {person['other_names']}" if person["other_names"] else ""
    born = "Sinh ngày" if len(person["birth_date"]) > 4 else "Sinh năm"
    lines = [
        ("Tôi tên là", f"{person['full_name']}{other}; giới tính: {person['gender_label']}"),
        (born, f"{person['birth_display']}; số định danh cá nhân (CCCD): "
               f"{person['id_number'] or '…'}"),
        ("Nơi thường trú", person["permanent_address"]),
    ]
    if person["current_address"] and person["current_address"] != person["permanent_address"]:
        lines.append(("Nơi ở hiện tại", person["current_address"]))
    return lines


def release_sentence(person: Mapping[str, Any]) -> str:
    """Where the sentence was served, release and reception."""
    prison = f"tại {person['prison']}" if person["prison"] else ""
    certificate = (f", Giấy chứng nhận số {person['certificate_number']}"
                   if person["certificate_number"] else "")
    return (f"Đã chấp hành án {prison} ({person['release_type_label'].lower()}), ra trại "
            f"ngày {iso_text(person['release_date']) or '…'}{certificate}; về cư trú tại "
            f"địa phương và trình diện ngày {iso_text(person['received_on'])}.")


def _obligations(judgment: Mapping[str, Any] | None) -> str:
    """What remains of the judgment to be carried out, named in the commitment."""
    left = []
    if judgment and judgment["supplementary"]:
        left.append(f"hình phạt bổ sung ({judgment['supplementary']})")
    if judgment and judgment["obligations"] and not judgment["obligations_done_on"]:
        left.append(f"nghĩa vụ dân sự ({judgment['obligations']})")
    return ", ".join(left) if left else "hình phạt bổ sung, nghĩa vụ dân sự (nếu có)"


def commitments(snap: ReportSnapshot) -> list[str]:
    """The numbered commitments, with the unit's contact interval and what remains."""
    unit = snap.unit.name
    every = snap.data["contact_interval_days"]
    meet = "ít nhất 01 lần mỗi tuần" if every == 7 else f"ít nhất {every} ngày một lần"
    return [
        "1. Chấp hành nghiêm chỉnh chính sách, pháp luật của Nhà nước và quy định của địa "
        "phương nơi cư trú; không tái phạm tội, không vi phạm pháp luật.",
        f"2. Chịu sự quản lý, giáo dục, giúp đỡ của chính quyền, {unit} và tổ giúp đỡ; "
        f"gặp gỡ, báo cáo tình hình với người được phân công giúp đỡ {meet}; có mặt khi "
        "được yêu cầu.",
        f"3. Thực hiện đầy đủ {_obligations(snap.data['judgment'])}.",
        f"4. Khi thay đổi nơi cư trú hoặc vắng mặt khỏi nơi cư trú, báo cho {unit} theo "
        "quy định của pháp luật về cư trú.",
        "5. Tích cực lao động, học tập, tham gia các hoạt động của địa phương.",
    ]


def _body(snap: ReportSnapshot) -> list[Flowable]:
    # 13 pt single-spaced (Decree 30's minimum) keeps the paper and both signatures on one
    # page: a signature alone on a second page is what such papers must avoid.
    person = snap.data["person"]
    lines = [f"Đã bị kết án theo {judgment_sentence(snap.data['judgment'])} "
             f"{release_sentence(person)}", "Tôi xin cam kết:", *commitments(snap),
             "Nếu vi phạm cam kết, tôi xin hoàn toàn chịu trách nhiệm trước pháp luật."]
    return [addressee(snap.unit.name), *fields(identity_lines(person), "field13"),
            *(para(line, "body13") for line in lines)]


def render_hcd05(snap: ReportSnapshot, options: RenderOptions | None = None) -> RenderedPdf:
    """The HCD-05 PDF of a stored snapshot."""
    opts = options or RenderOptions()
    person = Signer("", "Người cam kết", snap.data["person"]["full_name"], hint=SIGN_HINT)
    spec = citizen_spec(snap, opts, "Bản cam kết", "Chấp hành pháp luật, không tái phạm tội",
                        person, confirmation(snap.unit, opts))
    return render(spec, _body(snap))
