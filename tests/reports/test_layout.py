"""The Decree 30 page template: header texts, date line, NFC text, embedded fonts, table
headers repeated on every page, page numbers and the last-page QR code."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from desktop.reports.layout import (
    MARGIN_RIGHT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    QR_SIZE,
    DocumentSpec,
    Letterhead,
    RenderedPdf,
    Signer,
    issued_date_text,
    qr_modules,
    render,
)
from desktop.reports.typeset import data_table, para
from tests.reports.report_helpers import pdf_pages


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def sample(rows: int = 80, decomposed: bool = False) -> RenderedPdf:
    """A document whose strings are given decomposed when asked (as some keyboards type)."""
    t = nfd if decomposed else (lambda s: s)
    spec = DocumentSpec(
        letterhead=Letterhead(t("Công an tỉnh Thái Nguyên"), t("Công an phường Thanh Bình"),
                              "BC-CAX", t("Thanh Bình"), date(2026, 1, 5), "05"),
        doc_type=t("Báo cáo"), summary=t("Kết quả công tác quý I năm 2026"),
        recipients=(t("Công an tỉnh Thái Nguyên"),), archive="VT, CAX",
        signer=Signer("", t("Trưởng Công an"), t("Nguyễn Văn Hùng")),
        qr_payload="HOANHAP;form=TEST;sha256=" + "ab" * 32, qr_caption="TEST-CAPTION",
    )
    table = data_table([["STT", "Nội dung", "Số liệu"]]
                       + [[str(i), t(f"Chỉ tiêu thứ {i}"), f"{i}.000"] for i in range(rows)],
                       [15 * mm, 110 * mm, 40 * mm], numeric_from=2)
    return render(spec, [para(t("Đoạn văn mở đầu của báo cáo.")), table])


@pytest.mark.parametrize(("day", "text"), [
    (date(2026, 1, 5), "Thanh Bình, ngày 05 tháng 01 năm 2026"),
    (date(2026, 2, 14), "Thanh Bình, ngày 14 tháng 02 năm 2026"),
    (date(2026, 3, 9), "Thanh Bình, ngày 09 tháng 3 năm 2026"),
    (date(2026, 12, 25), "Thanh Bình, ngày 25 tháng 12 năm 2026"),
])
def test_date_line_zero_pads_days_below_10_and_months_1_2(day: date, text: str) -> None:
    assert issued_date_text("Thanh Bình", day) == text


def test_header_title_and_end_block(tmp_path: Path) -> None:
    pages = pdf_pages(sample().pdf, tmp_path)
    first, last = pages[0], pages[-1]
    for text in ("CÔNG AN TỈNH THÁI NGUYÊN", "CÔNG AN PHƯỜNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 05/BC-CAX",
                 "Thanh Bình, ngày 05 tháng 01 năm 2026", "BÁO CÁO"):
        assert text in first, text
    for text in ("Nơi nhận:", "- Công an tỉnh Thái Nguyên;", "- Lưu: VT, CAX.",
                 "TRƯỞNG CÔNG AN", "Nguyễn Văn Hùng"):
        assert text in last, text


def test_decomposed_input_prints_as_nfc(tmp_path: Path) -> None:
    text = "\n".join(pdf_pages(sample(rows=3, decomposed=True).pdf, tmp_path))
    assert unicodedata.is_normalized("NFC", text)
    assert "Thanh Bình, ngày 05 tháng 01 năm 2026" in text
    assert "Nguyễn Văn Hùng" in text


def test_table_header_repeats_and_pages_are_numbered(tmp_path: Path) -> None:
    rendered = sample(rows=80)
    pages = pdf_pages(rendered.pdf, tmp_path)
    assert rendered.page_count == len(pages) >= 3
    for number, page in enumerate(pages[1:], 2):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == str(number)
        if "Chỉ tiêu" in page:
            assert lines[1].split()[:2] == ["STT", "Nội"], "the table header repeats"
    assert [("TEST-CAPTION" in p) for p in pages] == [False] * (len(pages) - 1) + [True]


def test_only_the_bundled_fonts_are_used_and_embedded(tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    path = tmp_path / "fonts.pdf"
    path.write_bytes(sample(rows=3).pdf)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True,
                             text=True).stdout.splitlines()[2:]
    assert listing, "the document uses fonts"
    for line in listing:
        assert "LiberationSerif" in line, line
        assert line.split()[-5] == "yes", f"not embedded: {line}"


def test_qr_on_the_last_page_encodes_the_payload(tmp_path: Path) -> None:
    """Read the printed QR back module by module: it is the payload's QR matrix."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    from PIL import Image

    rendered = sample(rows=3)
    path = tmp_path / "qr.pdf"
    path.write_bytes(rendered.pdf)
    dpi = 400
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(rendered.page_count),
                    "-singlefile", str(path), str(tmp_path / "last")], check=True)
    image = Image.open(tmp_path / "last.png").convert("L")
    modules = qr_modules(rendered.qr_payload)
    size = QR_SIZE / (len(modules) + 4)
    left, top = PAGE_WIDTH - MARGIN_RIGHT - QR_SIZE, 2.5 * mm + QR_SIZE
    scale = dpi / 72
    printed = [[image.getpixel((round((left + (c + 2.5) * size) * scale),
                                round((PAGE_HEIGHT - top + (r + 2.5) * size) * scale))) < 128
                for c in range(len(modules))] for r in range(len(modules))]
    assert printed == modules
