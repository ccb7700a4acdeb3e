"""The Decree 30/2020/NĐ-CP page template every printed form shares (REPORTS.md §4).

A4 portrait with the decree's margins; the two-column header (agency and national title);
the title; justified body paragraphs; tables whose header rows repeat on every page; page
numbers in the top margin from page 2; the end block with "Nơi nhận" and the signature
block; and a QR code in the footer of the last page tying the paper to its figure snapshot.

Fonts, styles and tables live in `typeset`; this module is the page and its furniture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Any

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

# The font names and `register_fonts` are re-exported: the signature stamp draws with them.
from desktop.reports.typeset import (
    FONT as FONT,
)
from desktop.reports.typeset import (
    FONT_BOLD as FONT_BOLD,
)
from desktop.reports.typeset import (
    FONT_ITALIC,
    NBSP,
    TABLE_FONT,
    Rule,
    balanced_para,
    caps,
    para,
    text_width,
)
from desktop.reports.typeset import (
    register_fonts as register_fonts,
)
from desktop.text import nfc

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
HEADER_LEFT = 67 * mm  # the agency column; the national title (95.7 mm at 13 pt) the rest
SIGNATURE_SPACE = 28 * mm  # room for the handwritten signature, the seal and the stamp
SIGNATURE_WIDTH = 75 * mm
QR_SIZE = 17 * mm


@dataclass(frozen=True)
class SignatureBox:
    """Where the signature and seal go, in PDF points from the page's bottom-left corner."""

    page_index: int
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered form: the PDF, its signature area, the QR payload and its page count."""

    pdf: bytes
    signature_box: SignatureBox
    qr_payload: str = ""
    page_count: int = 0


@dataclass(frozen=True)
class Letterhead:
    """The header: parent and issuing agency, document number, place and date."""

    parent_agency: str
    agency: str
    doc_symbol: str
    place: str
    issued_on: date
    number: str = ""  # left blank: the clerk writes it when the document is registered


@dataclass(frozen=True)
class Signer:
    """The signature block: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / name (prefix may be empty)."""

    prefix: str
    title: str
    name: str


@dataclass(frozen=True)
class DocumentSpec:
    """Everything around the body of a Decree 30 document."""

    letterhead: Letterhead
    doc_type: str
    summary: str
    recipients: tuple[str, ...]
    archive: str
    signer: Signer
    qr_payload: str
    qr_caption: str


def issued_date_text(place: str, d: date) -> str:
    """"Thanh Bình, ngày 05 tháng 01 năm 2026": zero before days < 10 and months 1–2."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


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


def _header(head: Letterhead) -> Table:
    motto = "Độc lập - Tự do - Hạnh phúc"
    agency = caps(head.agency)
    # Decree 30: a short rule, a third to a half of the agency name, centred under it.
    agency_rule = min(text_width(agency, FONT_BOLD, 13), HEADER_LEFT) / 2.5
    inner = HEADER_LEFT - 1  # the cell has no padding: one point of safety
    left = [balanced_para(caps(head.parent_agency), "agency_parent", inner),
            balanced_para(agency, "agency", inner), Rule(max(agency_rule, 20 * mm))]
    right = [para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation"), para(motto, "motto"),
             Rule(text_width(motto, FONT_BOLD, 14))]
    # Non-breaking spaces keep room for the number the clerk writes in by hand.
    number = f"Số: {head.number or NBSP * 10}/{head.doc_symbol}"
    rows: list[list[Any]] = [[left, right],
            [para(number, "number"), para(issued_date_text(head.place, head.issued_on), "date")]]
    table = Table(rows, colWidths=[HEADER_LEFT, FRAME_WIDTH - HEADER_LEFT])
    table.setStyle(TableStyle([
        TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 6),
    ]))
    return table


def _title(spec: DocumentSpec) -> list[Flowable]:
    return [para(caps(spec.doc_type), "doc_type"), para(spec.summary, "summary"),
            Rule(45 * mm, gap=4), Spacer(1, 8)]


def _recipients(spec: DocumentSpec) -> list[Flowable]:
    entries = [nfc(r).strip().rstrip(";.") for r in spec.recipients if r.strip()]
    lines = [f"- {e};" for e in entries] + [f"- Lưu: {spec.archive}."]
    return [para("Nơi nhận:", "recipients_head"), *(para(line, "recipients") for line in lines)]


def _signature(signer: Signer, sink: list[SignatureBox]) -> list[Flowable]:
    titles = [caps(t) for t in (signer.prefix, *signer.title.split("\n")) if t.strip()]
    return [*(para(t, "sign_title") for t in titles), SignatureSpace(SIGNATURE_SPACE, sink),
            para(signer.name, "sign_name")]


def end_block(spec: DocumentSpec, sink: list[SignatureBox]) -> Flowable:
    """"Nơi nhận" on the left, the signature block on the right, kept on one page."""
    table = Table([[_recipients(spec), _signature(spec.signer, sink)]],
                  colWidths=[FRAME_WIDTH * 0.45, FRAME_WIDTH * 0.55])
    table.setStyle(TableStyle([
        TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return KeepTogether([Spacer(1, 10), table])


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 13)
    canvas.drawCentredString(MARGIN_LEFT + FRAME_WIDTH / 2, PAGE_HEIGHT - 12 * mm,
                             str(canvas.getPageNumber()))
    canvas.restoreState()


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code of `payload` (error correction M) as rows of dark/light modules."""
    # The encoder behind reportlab's QR widget (its stubs are untyped, hence Any).
    code: Any = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = int(code.getModuleCount())
    return [[bool(code.isDark(r, c)) for c in range(count)] for r in range(count)]


def _draw_qr(canvas: Canvas, payload: str, caption: str) -> None:
    """The QR code at the bottom right of the page, inside the bottom margin.

    Drawn as plain rectangles rather than through renderPDF, whose default graphics state
    would add an unembedded Helvetica to the file.
    """
    modules = qr_modules(payload)
    quiet = 2  # modules of white border
    size = QR_SIZE / (len(modules) + 2 * quiet)
    x0, top = PAGE_WIDTH - MARGIN_RIGHT - QR_SIZE, 2.5 * mm + QR_SIZE
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(modules):
        y = top - (r + quiet + 1) * size
        for c, dark in enumerate(row):
            if dark:
                canvas.rect(x0 + (c + quiet) * size, y, size, size, stroke=0, fill=1)
    canvas.setFont(FONT_ITALIC, 7)
    canvas.drawRightString(x0 - 2 * mm, 5 * mm, nfc(caption))
    canvas.restoreState()


def _deferred_canvas(payload: str, caption: str, pages: list[int]) -> Callable[..., Canvas]:
    """A canvas class that holds every page until the end, so that only the last page
    (unknown while the story flows) gets the QR code."""

    class DeferredCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # missing from the stubs

        def save(self) -> None:
            pages.append(len(self._pages))
            for index, state in enumerate(self._pages):
                self.__dict__.update(state)
                if index == len(self._pages) - 1:
                    _draw_qr(self, payload, caption)
                Canvas.showPage(self)
            Canvas.save(self)

    return DeferredCanvas


def render(spec: DocumentSpec, body: Sequence[Flowable],
           annex: Sequence[Flowable] = ()) -> RenderedPdf:
    """The document: header, title, body, end block, then the annex on a new page."""
    register_fonts()
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=nfc(spec.summary),
        author=nfc(spec.letterhead.agency), creator="HoaNhap",
        # Otherwise every page declares Helvetica, a font the file does not embed.
        initialFontName=FONT,
    )
    boxes: list[SignatureBox] = []
    story: list[Flowable] = [_header(spec.letterhead), *_title(spec), *body,
                             end_block(spec, boxes)]
    if annex:
        story += [PageBreak(), *annex]
    pages: list[int] = []
    doc.build(story, onLaterPages=_page_number,
              canvasmaker=_deferred_canvas(spec.qr_payload, spec.qr_caption, pages))
    if not boxes:
        raise RuntimeError("the signature block was not drawn")
    return RenderedPdf(buffer.getvalue(), boxes[-1], spec.qr_payload, pages[-1])
