"""The end of a Decree 30 document (REPORTS.md §4): "Nơi nhận" on the left and the
signature block on the right — or two signatures side by side (a citizen's paper confirmed
by the police, a list confirmed by the chairperson) — with the blank space for the wet
signature and seal, whose position on the page is recorded for the digital stamp.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desktop.reports.typeset import TABLE_FONT, balanced_para, caps, para
from desktop.text import nfc

SIGNATURE_SPACE = 28 * mm  # room for the handwritten signature, the seal and the stamp
SIGNATURE_WIDTH = 75 * mm


@dataclass(frozen=True)
class SignatureBox:
    """Where the signature and seal go, in PDF points from the page's bottom-left corner."""

    page_index: int
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Signer:
    """The signature block: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / name (prefix may be empty;
    the title may hold several lines)."""

    prefix: str
    title: str
    name: str
    hint: str = ""  # "(Ký, ghi rõ họ tên)" under the title of a private person's signature


class SignatureSpace(Flowable):
    """The blank space of the signature block; records where it landed on the page."""

    def __init__(self, height: float, sink: list[SignatureBox]) -> None:
        super().__init__()
        self.space_height = height
        self.sink = sink
        self.avail = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.avail = availWidth
        return availWidth, self.space_height

    def draw(self) -> None:
        # Centred under the title, as wide as a seal and a signature need; absolutePosition
        # follows the table cell's translation, giving page coordinates.
        width = min(self.avail, SIGNATURE_WIDTH)
        left = (self.avail - width) / 2
        x1, y1 = self.canv.absolutePosition(left, 0)
        x2, y2 = self.canv.absolutePosition(left + width, self.space_height)
        self.sink.append(SignatureBox(self.canv.getPageNumber() - 1, x1, y1, x2, y2))


@dataclass(frozen=True)
class Closing:
    """What the end of a document holds: where it is sent and who signs."""

    recipients: tuple[str, ...]
    archive: str
    signer: Signer
    second_signer: Signer | None = None


def _recipients(closing: Closing) -> list[Flowable]:
    entries = [nfc(r).strip().rstrip(";.") for r in closing.recipients if r.strip()]
    if not entries and not closing.archive:
        return []  # a paper that is handed over, not sent (a commitment, a sheet)
    lines = [f"- {e};" for e in entries] + [f"- Lưu: {closing.archive}."]
    return [para("Nơi nhận:", "recipients_head"), *(para(line, "recipients") for line in lines)]


def _titles(signer: Signer, width: float) -> list[Flowable]:
    titles = [caps(t) for t in (signer.prefix, *signer.title.split("\n")) if t.strip()]
    hint = [para(signer.hint, "sign_hint")] if signer.hint else []
    return [*(balanced_para(t, "sign_title", width - 2) for t in titles), *hint]


def _height(flowables: Sequence[Flowable], width: float) -> float:
    return sum(f.wrap(width, A4[1])[1] + f.getSpaceBefore() + f.getSpaceAfter()
               for f in flowables)


def _signature(signer: Signer, sink: list[SignatureBox],
               titles: list[Flowable]) -> list[Flowable]:
    return [*titles, SignatureSpace(SIGNATURE_SPACE, sink), para(signer.name, "sign_name")]


def _two_signatures(closing: Closing, second: Signer, width: float, sink: list[SignatureBox],
                    second_sink: list[SignatureBox]) -> list[list[Flowable]]:
    """Both signature columns, the shorter title padded so that the two signature spaces
    and the two names stand level."""
    left, right = _titles(second, width), _titles(closing.signer, width)
    gap = _height(left, width) - _height(right, width)
    (right if gap > 0 else left).append(Spacer(1, abs(gap)))
    return [_signature(second, second_sink, left), _signature(closing.signer, sink, right)]


def closing_parts(closing: Closing, width: float, sink: list[SignatureBox],
                  second_sink: list[SignatureBox]) -> list[Flowable]:
    """The end block as flowables for the caller to keep together (with the body's last
    paragraph): a gap, then one table row of two columns."""
    if closing.second_signer is not None:
        share = 0.5  # two signatures share the width evenly
        cells: list[Any] = _two_signatures(closing, closing.second_signer, width * share,
                                           sink, second_sink)
    else:
        share = 0.45  # "Nơi nhận" needs less room than a signature
        titles = _titles(closing.signer, width * (1 - share))
        cells = [_recipients(closing) or "", _signature(closing.signer, sink, titles)]
    table = Table([cells], colWidths=[width * share, width * (1 - share)])
    table.setStyle(TableStyle([
        TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [Spacer(1, 10), table]
