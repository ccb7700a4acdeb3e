"""Typography shared by every printed form: the bundled fonts, paragraph styles, rules and
ruled tables (REPORTS.md §4).

Fonts are the bundled Liberation Serif (Times New Roman metrics); no system font is used.
Every string goes through `text.nfc` before reportlab sees it: reportlab does no glyph
positioning, so a decomposed accent would be drawn beside its letter instead of above it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from desktop.resources import resource_path
from desktop.text import nfc

FONT = "LiberationSerif"
FONT_BOLD = f"{FONT}-Bold"
FONT_ITALIC = f"{FONT}-Italic"
FONT_BOLD_ITALIC = f"{FONT}-BoldItalic"
NBSP = "\u00a0"
# Tables draw with their own default font (Helvetica, not embedded) unless told otherwise.
TABLE_FONT = ("FONTNAME", (0, 0), (-1, -1), FONT)


@cache
def register_fonts() -> None:
    """Register the bundled Liberation Serif family once per process."""
    files = {FONT: "Regular", FONT_BOLD: "Bold", FONT_ITALIC: "Italic",
             FONT_BOLD_ITALIC: "BoldItalic"}
    for name, style in files.items():
        path = resource_path("fonts", f"LiberationSerif-{style}.ttf")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                  boldItalic=FONT_BOLD_ITALIC)


Alignment = Literal[0, 1, 2, 4]


def _style(name: str, size: float, font: str = FONT, align: Alignment = TA_CENTER,
           **extra: Any) -> ParagraphStyle:
    extra.setdefault("leading", size * 1.2)
    return ParagraphStyle(name, fontName=font, fontSize=size, alignment=align, **extra)


STYLES: dict[str, ParagraphStyle] = {
    "agency_parent": _style("agency_parent", 13),
    "agency": _style("agency", 13, FONT_BOLD),
    "number": _style("number", 13),
    "nation": _style("nation", 13, FONT_BOLD),
    "motto": _style("motto", 14, FONT_BOLD),
    "date": _style("date", 14, FONT_ITALIC),
    "doc_type": _style("doc_type", 14, FONT_BOLD, spaceBefore=12),
    "summary": _style("summary", 14, FONT_BOLD),
    "body": _style("body", 14, align=TA_JUSTIFY, firstLineIndent=1.27 * cm, spaceAfter=6,
                   leading=14 * 1.3),
    # A heading never ends a page: it goes with the text under it.
    "heading": _style("heading", 14, FONT_BOLD, align=TA_JUSTIFY, firstLineIndent=1.27 * cm,
                      spaceAfter=6, spaceBefore=4, leading=14 * 1.3, keepWithNext=1),
    "caption": _style("caption", 13, FONT_BOLD, align=TA_LEFT, spaceBefore=6, spaceAfter=4),
    "note": _style("note", 12, FONT_ITALIC, align=TA_LEFT, spaceAfter=4),
    "cell": _style("cell", 11, align=TA_LEFT, leading=13),
    "cell_num": _style("cell_num", 11, align=TA_RIGHT, leading=13),
    "cell_head": _style("cell_head", 11, FONT_BOLD, leading=13),
    "cell_bold": _style("cell_bold", 11, FONT_BOLD, align=TA_LEFT, leading=13),
    "cell_sub": _style("cell_sub", 11, align=TA_LEFT, leading=13, leftIndent=8),
    "recipients_head": _style("recipients_head", 12, FONT_BOLD_ITALIC, align=TA_LEFT),
    "recipients": _style("recipients", 11, align=TA_LEFT, leading=13),
    "sign_title": _style("sign_title", 14, FONT_BOLD, leading=17),
    "sign_name": _style("sign_name", 14, FONT_BOLD),
    "page_number": _style("page_number", 13),
    # The papers about one person (HCD-02 … HCD-11, Form 01).
    "form_mark": _style("form_mark", 12, FONT_BOLD, align=TA_RIGHT, spaceAfter=4),
    "addressee": _style("addressee", 14, spaceBefore=2, spaceAfter=8),
    "authority": _style("authority", 14, FONT_BOLD, spaceBefore=2, spaceAfter=6),
    "basis": _style("basis", 14, FONT_ITALIC, align=TA_JUSTIFY, firstLineIndent=1.27 * cm,
                    spaceAfter=3, leading=14 * 1.3),
    "field": _style("field", 14, align=TA_JUSTIFY, spaceAfter=2, leading=14 * 1.3,
                    leftIndent=0.6 * cm, firstLineIndent=-0.6 * cm),
    "sign_hint": _style("sign_hint", 13, FONT_ITALIC),
    # Decree 30's smallest body size and single spacing, for a one-page paper (HCD-05).
    "body13": _style("body13", 13, align=TA_JUSTIFY, firstLineIndent=1.27 * cm,
                     spaceAfter=6, leading=13 * 1.2),
    "field13": _style("field13", 13, align=TA_JUSTIFY, spaceAfter=2, leading=13 * 1.2,
                      leftIndent=0.6 * cm, firstLineIndent=-0.6 * cm),
}


def markup(value: str) -> str:
    """`value` as safe Paragraph markup: NFC, XML special characters escaped."""
    return escape(nfc(value))


def para(value: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (never markup) in one of STYLES."""
    register_fonts()  # Paragraph resolves the font family when it is built
    return Paragraph(markup(value), STYLES[style])


def balanced_para(value: str, style: str, width: float) -> Paragraph:
    """A centred line that does not fit `width`, broken into two lines of similar length
    ("CÔNG AN PHƯỜNG / THANH BÌNH" rather than "CÔNG AN PHƯỜNG THANH / BÌNH")."""
    st = STYLES[style]
    words = nfc(value).split()
    if text_width(value, st.fontName, st.fontSize) <= width or len(words) < 2:
        return para(value, style)
    best = min(range(1, len(words)), key=lambda i: abs(
        text_width(" ".join(words[:i]), st.fontName, st.fontSize)
        - text_width(" ".join(words[i:]), st.fontName, st.fontSize)))
    lines = (" ".join(words[:best]), " ".join(words[best:]))
    return Paragraph("<br/>".join(markup(line) for line in lines), st)


def caps(value: str) -> str:
    """Capitals as Vietnamese headers write them (NFC first so "đ" and tones survive)."""
    return nfc(value).upper()


def text_width(value: str, font: str, size: float) -> float:
    """The printed width of `value` in points."""
    register_fonts()
    return float(pdfmetrics.stringWidth(nfc(value), font, size))


class Rule(Flowable):
    """A centred horizontal rule: under the agency name, the motto and the title."""

    def __init__(self, width: float, gap: float = 2) -> None:
        super().__init__()
        self.rule_width = width
        self.gap = gap  # below the text above it, clear of its descenders
        self.avail = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.avail = availWidth
        return availWidth, self.gap + 2

    def draw(self) -> None:
        x = (self.avail - self.rule_width) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x, 2, x + self.rule_width, 2)


def _cell_style(col: int, numeric: Callable[[int], bool], bold: bool, indent: bool) -> str:
    if numeric(col):
        return "cell_num"
    if bold:
        return "cell_bold"
    return "cell_sub" if indent and col == 1 else "cell"


def caption(value: str) -> list[Flowable]:
    """A table's caption; starts a new page rather than sitting alone at a page's foot.

    (keepWithNext would glue the caption to the whole table and push a long table to the
    next page, leaving a blank half page.)"""
    return [CondPageBreak(35 * mm), para(value, "caption")]


def data_table(rows: Sequence[Sequence[str]], widths: Sequence[float], *,
               header_rows: int = 1, numeric_from: int | None = None,
               bold_rows: Sequence[int] = (), span_rows: Sequence[int] = (),
               indent_rows: Sequence[int] = (), numeric_columns: Sequence[int] = ()) -> Table:
    """A ruled table: header rows repeat on every page; columns from `numeric_from` on (and
    the `numeric_columns`) are right-aligned numbers; `span_rows` are group titles spanning
    the whole width; `indent_rows` have their second column (the label) indented as
    sub-items."""
    def numeric(col: int) -> bool:
        return (numeric_from is not None and col >= numeric_from) or col in numeric_columns

    cells: list[list[Paragraph | str]] = []
    for index, row in enumerate(rows):
        if index < header_rows:
            cells.append([para(v, "cell_head") for v in row])
            continue
        bold = index in bold_rows or index in span_rows
        cells.append([para(v, _cell_style(col, numeric, bold, index in indent_rows))
                      for col, v in enumerate(row)])
    table = Table(cells, colWidths=list(widths), repeatRows=header_rows)
    commands: list[tuple[Any, ...]] = [
        TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        # Top-aligned values stay on the first line of a wrapped label (pdftotext reads them).
        ("VALIGN", (0, header_rows), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for r in span_rows:
        commands += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), "#eeeeee")]
    table.setStyle(TableStyle(commands))
    return table
