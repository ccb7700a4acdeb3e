"""HCD-02: the information sheet of one person, followed by their progress book.

The sheet (identity, family, judgment, release and reception, support team) is signed by
the commune police chief; the progress book ("Sổ theo dõi, giúp đỡ": the contact log, the
excused weeks, the quarterly evaluations, support and violations of the period) follows on
new pages, laid out by `hcd02_book`. Layout kept in these two modules so it can be
corrected against Circular 10/2024's annex.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.formatting import format_int
from desktop.reports.forms.common import RenderOptions
from desktop.reports.forms.hcd02_book import book
from desktop.reports.forms.person_common import (
    fields,
    iso_text,
    penalty,
    police_spec,
)
from desktop.reports.layout import RenderedPdf, render
from desktop.reports.snapshot import ReportSnapshot
from desktop.reports.typeset import data_table, para

TEAM_WIDTHS = [10 * mm, 41 * mm, 38 * mm, 31 * mm, 24 * mm, 21 * mm]


def identity_lines(person: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Section I: who the person is and where they live."""
    return [
        ("Họ và tên", person["full_name"]), ("Tên gọi khác", person["other_names"]),
        ("Giới tính", person["gender_label"]), ("Ngày sinh", person["birth_display"]),
        ("Dân tộc", person["ethnicity"]), ("Tôn giáo", person["religion"] or "Không"),
        ("Số định danh cá nhân (CCCD)", person["id_number"] or ""),
        ("Quê quán", person["place_of_origin"]),
        ("Nơi thường trú", person["permanent_address"]),
        ("Nơi ở hiện tại", person["current_address"]),
        ("Thôn, tổ dân phố", person["residential_area"]), ("Số điện thoại", person["phone"]),
        ("Trình độ học vấn", person["education"]), ("Nghề nghiệp", person["occupation"]),
    ]


def _done(text: str, until: str | None, word: str) -> str:
    """"Án phí 200.000 đồng (đã chấp hành xong ngày 01/06/2022)"."""
    if not text:
        return "Không"
    return f"{text} ({word} {iso_text(until)})" if until else f"{text} (chưa chấp hành xong)"


def judgment_lines(judgment: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """Section III: the judgment, its penalties and civil obligations."""
    if not judgment:
        return [("Bản án", "chưa có thông tin")]
    number = judgment["judgment_number"]
    dated = iso_text(judgment["judgment_date"])
    lines = [
        ("Tòa án xét xử", judgment["court"]),
        ("Bản án số", f"{number} ngày {dated}" if dated else number),
        ("Tội danh", judgment["offences"]),
        ("Điều luật áp dụng", judgment["penal_articles"]),
        ("Hình phạt chính", penalty(judgment)),
        ("Hình phạt bổ sung", _done(judgment["supplementary"],
                                    judgment["supplementary_until"], "đến ngày")),
        ("Nghĩa vụ dân sự", _done(judgment["obligations"], judgment["obligations_done_on"],
                                  "đã chấp hành xong ngày")),
        ("Số tiền án trước", format_int(judgment["prior_convictions"])),
    ]
    if judgment["probation_until"]:
        lines.insert(5, ("Thời gian thử thách đến ngày", iso_text(judgment["probation_until"])))
    return lines


def release_lines(person: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Section IV: release, reception, management and its end."""
    lines = [
        ("Nơi chấp hành án", person["prison"]),
        ("Ngày ra trại", iso_text(person["release_date"])),
        ("Diện", person["release_type_label"]),
        ("Giấy chứng nhận số", person["certificate_number"]),
        ("Ngày tiếp nhận về địa phương", iso_text(person["received_on"])),
        ("Ngày đưa vào quản lý, giúp đỡ", iso_text(person["managed_on"])),
        ("Tình trạng", person["status_label"]),
    ]
    if person["ended_on"]:
        lines.append(("Kết thúc quản lý", f"ngày {iso_text(person['ended_on'])}, lý do: "
                                          f"{person['end_reason_label'].lower()}"))
    return lines


def team_rows(team: list[Mapping[str, Any]]) -> list[list[str]]:
    """Section V's table: one row per member serving, the responsible one marked."""
    rows = [["STT", "Họ và tên", "Thành phần", "Tổ chức, chức vụ", "Điện thoại", "Từ ngày"]]
    for index, m in enumerate(team, 1):
        name = f"{m['name']} (phụ trách)" if m["responsible"] else m["name"]
        where = ", ".join(x for x in (m["organisation"], m["position"]) if x)
        rows.append([str(index), name, m["role_label"], where, m["phone"],
                     iso_text(m["from_date"])])
    return rows


def _team(snap: ReportSnapshot) -> list[Flowable]:
    person = snap.data["person"]
    number, dated = person["team_decision_number"], iso_text(person["team_decision_date"])
    decision = (f"Quyết định phân công người giúp đỡ số {number}"
                + (f" ngày {dated}" if dated else "") + "." if number
                else "Chưa ghi quyết định phân công người giúp đỡ.")
    team = snap.data["team"]
    flowables: list[Flowable] = [para("V. TỔ GIÚP ĐỠ", "heading"), para(decision)]
    if not team:
        return [*flowables, para(f"Không có thành viên tổ giúp đỡ ngày "
                                 f"{iso_text(snap.data['team_on'])}.")]
    missing = snap.data["team_missing"]
    gaps = ([para(f"Tổ chưa đủ thành phần, còn thiếu: {', '.join(missing).lower()}.", "note")]
            if missing else [])
    return [*flowables, data_table(team_rows(team), TEAM_WIDTHS), *gaps]


def _body(snap: ReportSnapshot) -> list[Flowable]:
    person, judgment = snap.data["person"], snap.data["judgment"]
    family = person["family_situation"] or "Chưa ghi nhận."
    return [
        para("I. NHÂN THÂN", "heading"), *fields(identity_lines(person)),
        para("II. HOÀN CẢNH GIA ĐÌNH", "heading"),
        *(para(line) for line in family.splitlines() if line.strip()),
        para("III. BẢN ÁN", "heading"), *fields(judgment_lines(judgment)),
        para("IV. CHẤP HÀNH ÁN VÀ TRỞ VỀ ĐỊA PHƯƠNG", "heading"),
        *fields(release_lines(person)), *_team(snap),
    ]


def render_hcd02(snap: ReportSnapshot, options: RenderOptions | None = None) -> RenderedPdf:
    """The HCD-02 PDF of a stored snapshot: the sheet, then the progress book."""
    opts = options or RenderOptions()
    spec = police_spec(snap, opts, "Phiếu thông tin",
                       "Người chấp hành xong án phạt tù về cư trú tại địa phương",
                       numbered=False, recipients=())
    return render(spec, _body(snap), book(snap))
