"""The visible stamp of a digital signature, drawn with reportlab (REPORTS §5).

pyHanko's own TrueType stamp mis-scales 2048-unit fonts such as Liberation Serif, so the
stamp is drawn here as a one-page PDF the size of the signature box, with the bundled
Liberation Serif the forms use (desktop.reports.typeset) and NFC text, and pyHanko only
places that page as the field's appearance.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from io import BytesIO

from pyhanko.pdf_utils import layout as pdf_layout
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.stamp import StaticStampStyle
from reportlab.lib.colors import Color
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from desktop.formatting import format_date
from desktop.reports.typeset import FONT as REGULAR
from desktop.reports.typeset import FONT_BOLD as BOLD
from desktop.reports.typeset import register_fonts
from desktop.text import nfc, tidy_spaces

# Dark blue reads as "added by the signature" on a black-and-white form and still prints
# legibly on a monochrome laser printer.
INK = Color(0.05, 0.18, 0.5)
BORDER_WIDTH = 0.6
PADDING = 3.0
MAX_FONT_SIZE = 11.0
MIN_FONT_SIZE = 4.5
LEADING = 1.2  # line height as a multiple of the font size


def stamp_lines(signer_name: str, unit_name: str, when: datetime) -> list[tuple[str, str]]:
    """(label, value) pairs of the stamp; the unit line is left out when it is unknown."""
    lines = [("Ký số bởi: ", signer_name)]
    if tidy_spaces(unit_name):
        lines.append(("Đơn vị: ", unit_name))
    lines.append(("Thời gian: ", f"{when:%H:%M} ngày {format_date(when.date())}"))
    return [(nfc(label), tidy_spaces(nfc(value))) for label, value in lines]


def _wrap(lines: Sequence[tuple[str, str]], size: float, width: float) -> list[list[str]]:
    """Each (label, value) wrapped to `width`; a label is kept on the first row."""
    return [simpleSplit(label + value, BOLD, size, width) for label, value in lines]


def _fit(lines: Sequence[tuple[str, str]], width: float,
         height: float) -> tuple[float, list[list[str]]]:
    """The largest font size (in quarter points) at which the wrapped text fits the box.

    Widths are measured in the bold face, the wider one, so a row never overflows.
    """
    size = MAX_FONT_SIZE
    while size > MIN_FONT_SIZE:
        rows = _wrap(lines, size, width)
        if sum(len(r) for r in rows) * size * LEADING <= height:
            return size, rows
        size -= 0.25
    # A box this small is a layout bug; the text is still drawn (clipped), never dropped.
    return MIN_FONT_SIZE, _wrap(lines, MIN_FONT_SIZE, width)


def _draw_row(canvas: Canvas, x: float, y: float, row: str, label: str, size: float) -> None:
    """One row: the label (if the row starts with it) regular, the value bold."""
    if label and row.startswith(label.rstrip()):
        canvas.setFont(REGULAR, size)
        canvas.drawString(x, y, label)
        x += pdfmetrics.stringWidth(label, REGULAR, size)
        row = row[len(label):].lstrip()
    canvas.setFont(BOLD, size)
    canvas.drawString(x, y, row)


def render_stamp(width: float, height: float, lines: Sequence[tuple[str, str]]) -> bytes:
    """A one-page PDF of exactly `width` × `height` points: thin border, text centred."""
    register_fonts()
    out = BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=True)
    canvas.setStrokeColor(INK)
    canvas.setFillColor(INK)
    canvas.setLineWidth(BORDER_WIDTH)
    inset = BORDER_WIDTH / 2
    canvas.rect(inset, inset, width - BORDER_WIDTH, height - BORDER_WIDTH)
    size, rows = _fit(lines, width - 2 * PADDING, height - 2 * PADDING)
    total = sum(len(r) for r in rows) * size * LEADING
    widest = max(pdfmetrics.stringWidth(row, BOLD, size) for r in rows for row in r)
    # Rows stay left-aligned (labels line up) while the block as a whole is centred.
    x = max(PADDING, (width - widest) / 2)
    # The first baseline sits one ascent below the top of the centred text block.
    y = (height + total) / 2 - size * 0.95
    for (label, _), wrapped in zip(lines, rows, strict=True):
        for i, row in enumerate(wrapped):
            _draw_row(canvas, x, y, row, label if i == 0 else "", size)
            y -= size * LEADING
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class PdfPageContent(PdfContent):
    """The first page of an in-memory PDF as pyHanko content (ImportedPdfPage needs a file)."""

    def __init__(self, pdf: bytes) -> None:
        super().__init__()
        self._pdf = pdf

    def render(self) -> bytes:
        """Import the page as a form XObject and paint it at the origin."""
        xobj = self._ensure_writer.import_page_as_xobject(PdfFileReader(BytesIO(self._pdf)))
        name = "/HoaNhapStamp"
        self.resources.xobject[name] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = pdf_layout.BoxConstraints(width=abs(x2 - x1), height=abs(y2 - y1))
        return name.encode("ascii") + b" Do"


def stamp_style(stamp_pdf: bytes) -> StaticStampStyle:
    """A pyHanko style that shows `stamp_pdf` as the whole appearance, unscaled."""
    return StaticStampStyle(
        background=PdfPageContent(stamp_pdf),
        background_opacity=1.0,
        border_width=0,  # the reportlab page draws its own border
        background_layout=pdf_layout.SimpleBoxLayoutRule(
            x_align=pdf_layout.AxisAlignment.ALIGN_MID,
            y_align=pdf_layout.AxisAlignment.ALIGN_MID,
            margins=pdf_layout.Margins(),
            inner_content_scaling=pdf_layout.InnerScaling.SHRINK_TO_FIT,
        ),
    )
