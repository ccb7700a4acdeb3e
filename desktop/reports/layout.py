"""The Decree 30/2020/NĐ-CP page template every printed form shares (REPORTS.md §4).

A4 portrait (landscape for a wide list) with the decree's margins; the two-column header
(agency and national title), or the national title alone on a citizen's paper (a
commitment, a helper's report); the title; justified body paragraphs; tables whose header
rows repeat on every page; page numbers in the top margin from page 2; the end block with
"Nơi nhận" (or a second signature, e.g. the police confirming a commitment) and the
signature block; and a QR code in the footer of the last page tying the paper to its
snapshot.

Fonts, styles and tables live in `typeset`; this module is the page and its furniture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Any

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

# The signature block's types are part of this template's interface (signing uses the box).
from desktop.reports.signature_block import SIGNATURE_SPACE as SIGNATURE_SPACE
from desktop.reports.signature_block import Closing, closing_parts
from desktop.reports.signature_block import SignatureBox as SignatureBox
from desktop.reports.signature_block import Signer as Signer

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
QR_SIZE = 17 * mm
FRAME_PADDING = 12  # reportlab's page frame keeps 6 pt clear on each side


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
    # An information sheet is not a registered document: no "Số: …" line.
    numbered: bool = True


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
    # A second signature in the left column instead of "Nơi nhận" (the police confirming a
    # commitment, the chairperson confirming a list); `seal_on_second` when that one is the
    # unit's, so the digital signature goes there.
    second_signer: Signer | None = None
    seal_on_second: bool = False
    form_mark: str = ""  # "Mẫu HCD-05", printed above the header at the right
    landscape: bool = False  # for a list too wide for a portrait page (Form 01)

    @property
    def page_size(self) -> tuple[float, float]:
        """A4 portrait, or landscape when the form asks for it."""
        return landscape(A4) if self.landscape else A4

    @property
    def frame_width(self) -> float:
        """The width between the left and right margins."""
        return self.page_size[0] - MARGIN_LEFT - MARGIN_RIGHT


def issued_date_text(place: str, d: date) -> str:
    """"Thanh Bình, ngày 05 tháng 01 năm 2026": zero before days < 10 and months 1–2."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def _header(head: Letterhead, width: float) -> Flowable:
    """The agency on the left, the national title on the right; number and date below."""
    motto = "Độc lập - Tự do - Hạnh phúc"
    agency = caps(head.agency)
    # Decree 30: a short rule, a third to a half of the agency name, centred under it.
    agency_rule = min(text_width(agency, FONT_BOLD, 13), HEADER_LEFT) / 2.5
    inner = HEADER_LEFT - 1  # the cell has no padding: one point of safety
    left: list[Flowable] = [balanced_para(agency, "agency", inner),
                            Rule(max(agency_rule, 20 * mm))]
    if head.parent_agency.strip():
        left.insert(0, balanced_para(caps(head.parent_agency), "agency_parent", inner))
    right = [para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation"), para(motto, "motto"),
             Rule(text_width(motto, FONT_BOLD, 14))]
    # Non-breaking spaces keep room for the number the clerk writes in by hand.
    number = f"Số: {head.number or NBSP * 10}/{head.doc_symbol}" if head.numbered else ""
    rows: list[list[Any]] = [[left, right],
            [para(number, "number"), para(issued_date_text(head.place, head.issued_on), "date")]]
    return _header_table(rows, width)


def _national_header(head: Letterhead, width: float) -> Flowable:
    """A citizen's paper (commitment, helper's report): the national title centred on the
    page, the place and date under it at the right, no issuing agency."""
    motto = "Độc lập - Tự do - Hạnh phúc"
    title = [para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation"), para(motto, "motto"),
             Rule(text_width(motto, FONT_BOLD, 14))]
    rows: list[list[Any]] = [[title, ""],
                             ["", para(issued_date_text(head.place, head.issued_on), "date")]]
    table = _header_table(rows, width)
    table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0))]))
    return table


def _header_table(rows: list[list[Any]], width: float) -> Table:
    table = Table(rows, colWidths=[HEADER_LEFT, width - HEADER_LEFT])
    table.setStyle(TableStyle([
        TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 6),
    ]))
    return table


def _top(spec: DocumentSpec) -> list[Flowable]:
    """The form mark, then the header: the agency's, or the national title alone."""
    head = spec.letterhead
    header = (_header(head, spec.frame_width) if head.agency.strip()
              else _national_header(head, spec.frame_width))
    return [para(spec.form_mark, "form_mark"), header] if spec.form_mark else [header]


def _title(spec: DocumentSpec) -> list[Flowable]:
    # A summary a little longer than a line is broken into two even lines rather than
    # leaving a word or two alone on the second.
    summary = (balanced_para(spec.summary, "summary", spec.frame_width - FRAME_PADDING)
               if text_width(spec.summary, FONT_BOLD, 14) < 1.8 * spec.frame_width
               else para(spec.summary, "summary"))
    return [para(caps(spec.doc_type), "doc_type"), summary, Rule(45 * mm, gap=4),
            Spacer(1, 8)]


def _end_parts(spec: DocumentSpec, sink: list[SignatureBox],
               second_sink: list[SignatureBox]) -> list[Flowable]:
    closing = Closing(spec.recipients, spec.archive, spec.signer, spec.second_signer)
    return closing_parts(closing, spec.frame_width, sink, second_sink)


def end_block(spec: DocumentSpec, sink: list[SignatureBox],
              second_sink: list[SignatureBox] | None = None) -> Flowable:
    """"Nơi nhận" (or the second signature) on the left, the signature block on the right,
    kept on one page."""
    return KeepTogether(_end_parts(spec, sink, [] if second_sink is None else second_sink))


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 13)
    canvas.drawCentredString(doc.leftMargin + doc.width / 2, doc.pagesize[1] - 12 * mm,
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


def _draw_qr(canvas: Canvas, payload: str, caption: str, page_width: float) -> None:
    """The QR code at the bottom right of the page, inside the bottom margin.

    Drawn as plain rectangles rather than through renderPDF, whose default graphics state
    would add an unembedded Helvetica to the file.
    """
    modules = qr_modules(payload)
    quiet = 2  # modules of white border
    size = QR_SIZE / (len(modules) + 2 * quiet)
    x0, top = page_width - MARGIN_RIGHT - QR_SIZE, 2.5 * mm + QR_SIZE
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


def _deferred_canvas(payload: str, caption: str, pages: list[int],
                     page_width: float) -> Callable[..., Canvas]:
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
                    _draw_qr(self, payload, caption, page_width)
                Canvas.showPage(self)
            Canvas.save(self)

    return DeferredCanvas


def _keeps_with_next(flowable: Flowable) -> bool:
    """A heading (style keepWithNext) goes with what follows it."""
    return isinstance(flowable, Paragraph) and bool(getattr(flowable.style, "keepWithNext", 0))


def _closing(body: Sequence[Flowable], end: list[Flowable]) -> list[Flowable]:
    """The body and the end block, the body's last paragraph (and a heading above it) kept
    with the signature: a signature never stands alone at the top of a page (the page would
    prove nothing). One KeepTogether only: reportlab cannot measure one inside another."""
    if not body or not isinstance(body[-1], Paragraph):
        return [*body, KeepTogether(end)]
    start = len(body) - 1
    while start > 0 and _keeps_with_next(body[start - 1]):
        start -= 1
    return [*body[:start], KeepTogether([*body[start:], *end])]


def render(spec: DocumentSpec, body: Sequence[Flowable],
           annex: Sequence[Flowable] = ()) -> RenderedPdf:
    """The document: header, title, body, end block, then the annex on a new page."""
    register_fonts()
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=spec.page_size, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=nfc(spec.summary),
        author=nfc(spec.letterhead.agency), creator="HoaNhap",
        # Otherwise every page declares Helvetica, a font the file does not embed.
        initialFontName=FONT,
    )
    boxes: list[SignatureBox] = []
    second: list[SignatureBox] = []
    story: list[Flowable] = [*_top(spec), *_title(spec),
                             *_closing(body, _end_parts(spec, boxes, second))]
    if annex:
        story += [PageBreak(), *annex]
    pages: list[int] = []
    doc.build(story, onLaterPages=_page_number,
              canvasmaker=_deferred_canvas(spec.qr_payload, spec.qr_caption, pages,
                                           spec.page_size[0]))
    sealed = second if spec.seal_on_second else boxes
    if not sealed:
        raise RuntimeError("the signature block was not drawn")
    return RenderedPdf(buffer.getvalue(), sealed[-1], spec.qr_payload, pages[-1])
