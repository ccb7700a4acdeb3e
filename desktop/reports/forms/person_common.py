"""What the papers about one person share: their three kinds of frame (the commune police's,
the People's Committee's, a citizen's), the signers, and the way a person, a judgment and
a date are written.

Everything is read from the stored snapshot (`ReportSnapshot.data`); nothing queries.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from reportlab.platypus import Flowable

from desktop.formatting import format_date
from desktop.reports.forms.common import RenderOptions, archive_code, document_spec
from desktop.reports.layout import DocumentSpec, Signer
from desktop.reports.snapshot import ReportSnapshot, UnitInfo
from desktop.reports.typeset import para

SIGN_HINT = "(Ký, ghi rõ họ tên)"
UBND_SYMBOL = "QĐ-UBND"


def iso_text(value: str | None) -> str:
    """A stored ISO date as dd/MM/yyyy ("" when blank)."""
    return format_date(date.fromisoformat(value)) if value else ""


def commune(unit: UnitInfo) -> str:
    """"phường Thanh Bình": the commune part of "Công an phường Thanh Bình"."""
    name = unit.name.strip()
    if name.lower().startswith("công an "):
        return name[len("công an "):]
    return f"xã {unit.place_name}" if unit.place_name else name


def committee(unit: UnitInfo) -> str:
    """"Ủy ban nhân dân phường Thanh Bình"."""
    return f"Ủy ban nhân dân {commune(unit)}"


def police_signer(unit: UnitInfo, options: RenderOptions) -> Signer:
    """The commune police chief's block ("TRƯỞNG CÔNG AN")."""
    return Signer("", unit.police_chief_title, unit.police_chief or options.signer_name or "")


def chair_signer(unit: UnitInfo) -> Signer:
    """The chairperson's block, with the unit's authority prefix ("TM. ỦY BAN NHÂN DÂN")."""
    return Signer(unit.signer_prefix, unit.chairperson_title, unit.chairperson)


def police_spec(snap: ReportSnapshot, options: RenderOptions, doc_type: str, summary: str,
                *, symbol: str | None = None, numbered: bool = True,
                recipients: Sequence[str] | None = None) -> DocumentSpec:
    """A paper of the commune police: its letterhead, the chief's signature. `recipients`
    replaces the unit's usual ones; an empty list means a paper kept on file, with no
    "Nơi nhận" at all."""
    spec = document_spec(snap, options, doc_type=doc_type, summary=summary)
    head = replace(spec.letterhead, doc_symbol=symbol or spec.letterhead.doc_symbol,
                   numbered=numbered)
    spec = replace(spec, letterhead=head, signer=police_signer(snap.unit, options),
                   form_mark=f"Mẫu {snap.form}")
    if recipients is None:
        return spec
    archive = archive_code(head.doc_symbol) if recipients else ""
    return replace(spec, recipients=tuple(recipients), archive=archive)


def committee_spec(snap: ReportSnapshot, options: RenderOptions, doc_type: str,
                   summary: str, recipients: Sequence[str]) -> DocumentSpec:
    """A decision of the People's Committee: its own letterhead (no parent agency), the
    chairperson's signature, "Lưu: VT"."""
    spec = document_spec(snap, options, doc_type=doc_type, summary=summary)
    head = replace(spec.letterhead, parent_agency="", agency=committee(snap.unit),
                   doc_symbol=UBND_SYMBOL)
    return replace(spec, letterhead=head, signer=chair_signer(snap.unit),
                   recipients=tuple(recipients), archive="VT", form_mark=f"Mẫu {snap.form}")


def citizen_spec(snap: ReportSnapshot, options: RenderOptions, doc_type: str, summary: str,
                 signer: Signer, confirming: Signer) -> DocumentSpec:
    """A citizen's paper (a commitment, a helper's report): the national title only, the
    writer's signature on the right and the police's confirmation, with the seal, on the
    left; nothing is sent, so no "Nơi nhận"."""
    spec = document_spec(snap, options, doc_type=doc_type, summary=summary)
    head = replace(spec.letterhead, parent_agency="", agency="", numbered=False)
    return replace(spec, letterhead=head, signer=signer, second_signer=confirming,
                   seal_on_second=True, recipients=(), archive="",
                   form_mark=f"Mẫu {snap.form}")


def confirmation(unit: UnitInfo, options: RenderOptions) -> Signer:
    """"XÁC NHẬN CỦA CÔNG AN PHƯỜNG …" over the chief's block."""
    chief = police_signer(unit, options)
    return replace(chief, prefix=f"Xác nhận của {unit.name}")


def addressee(*names: str) -> Flowable:
    """"Kính gửi: …" centred under the title."""
    return para(f"Kính gửi: {'; '.join(names)}", "addressee")


def honorific(person: Mapping[str, Any]) -> str:
    """"ông" or "bà", as a decision names the person."""
    return "bà" if person.get("gender") == "female" else "ông"


def penalty(judgment: Mapping[str, Any]) -> str:
    """"Tù có thời hạn 2 năm 6 tháng", "Tù chung thân", "Cải tạo không giam giữ"."""
    label = str(judgment.get("main_penalty_label") or "")
    months = judgment.get("prison_months")
    if judgment.get("main_penalty") != "prison" or not months:
        return label
    years, rest = divmod(int(months), 12)
    parts = ([f"{years} năm"] if years else []) + ([f"{rest} tháng"] if rest else [])
    return f"{label} {' '.join(parts)}"


def judgment_sentence(judgment: Mapping[str, Any] | None) -> str:
    """One sentence naming the judgment: court, number and date, offences, penalty."""
    if not judgment:
        return "Chưa có thông tin bản án."
    number = judgment["judgment_number"] or "(chưa rõ số)"
    dated = f" ngày {iso_text(judgment['judgment_date'])}" if judgment["judgment_date"] else ""
    articles = f" ({judgment['penal_articles']})" if judgment["penal_articles"] else ""
    court = judgment["court"] or "Tòa án"
    return (f"Bản án số {number}{dated} của {court}; tội danh: "
            f"{judgment['offences'] or 'chưa rõ'}{articles}; hình phạt: {penalty(judgment)}.")


def residence(person: Mapping[str, Any]) -> str:
    """Where the person lives now (the permanent address when no other is known)."""
    return str(person["current_address"] or person["permanent_address"]
               or person["residential_area"] or "…")


def person_phrase(person: Mapping[str, Any]) -> str:
    """"ông Nguyễn Văn An, sinh ngày 12/04/1985, CCCD số …, nơi cư trú: …"."""
    ident = f", số định danh cá nhân {person['id_number']}" if person["id_number"] else ""
    born = "sinh ngày" if len(person["birth_date"]) > 4 else "sinh năm"
    return (f"{honorific(person)} {person['full_name']}, {born} {person['birth_display']}"
            f"{ident}, nơi cư trú: {residence(person)}")


def fields(lines: Sequence[tuple[str, str]], style: str = "field") -> list[Flowable]:
    """"Label: value" lines with a hanging indent (the information sheet, a commitment)."""
    return [para(f"{label}: {value or '…'}", style) for label, value in lines]


def decision_preamble(snap: ReportSnapshot) -> list[Flowable]:
    """Who decides, on what basis, at whose proposal, then "QUYẾT ĐỊNH:"."""
    unit = snap.unit
    chair = unit.chairperson_title.split("\n")[-1].strip() or "Chủ tịch"
    basis = [para(f"Căn cứ {text};", "basis") for text in snap.data["basis"]]
    proposal = f"Xét đề nghị của Trưởng {unit.name}."
    return [para(f"{chair} {committee(unit)}".upper(), "authority"), *basis,
            para(proposal, "basis"), para("QUYẾT ĐỊNH:", "authority")]


def article(number: int, text: str) -> Flowable:
    """"Điều 1. …" as a body paragraph."""
    return para(f"Điều {number}. {text}")
