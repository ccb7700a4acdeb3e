"""The printed forms: every figure on the page equals the one computation (compute_figures),
page numbers from page 2, the QR payload, the signature area, multi-year columns."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.db import Database, open_database
from desktop.reports.figures import (
    compute_figures,
    compute_figures_by_unit,
    compute_figures_by_year,
)
from desktop.reports.forms import RenderOptions, render_pdf
from desktop.reports.forms.common import chunks, value_columns
from desktop.reports.forms.consolidated import table_rows
from desktop.reports.forms.rows import CONSOLIDATED, STATISTICS, format_value, value_of
from desktop.reports.layout import PAGE_HEIGHT, PAGE_WIDTH, RenderedPdf
from desktop.reports.snapshot import ReportSnapshot, produce_snapshot
from desktop.services.access import Actor
from desktop.services.errors import ValidationError
from tests.reports.report_helpers import (
    LineCursor,
    demo_copy,
    non_blank,
    pdf_pages,
    trailing_numbers,
)

Demo = tuple[Database, tuple[str, ...]]


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    path, codes = demo_copy(tmp_path)
    db = open_database(path)
    yield db, codes
    db.close()


def officer(code: str) -> Actor:
    return Actor("canbo", "Nguyễn Văn Cường", "officer", code)


def values_of(figures: Mapping[str, Any]) -> dict[str, Any]:
    """Figures as the snapshot stores them (JSON types)."""
    return json.loads(json.dumps(dict(figures)))


def assert_statistics(cursor: LineCursor, columns: Sequence[Mapping[str, Any]]) -> None:
    """Every statistics row prints the given figures, in order, formatted as printed."""
    for section in STATISTICS:
        for row in section.rows:
            if not row.key:
                continue
            line = cursor.row(row.number, row.label)
            expected = non_blank([format_value(value_of(f, row.key), row.kind)
                                  for f in columns])
            assert trailing_numbers(line) == expected, (row.key, line)


def produce(db: Database, code: str, form: str, period: str) -> tuple[ReportSnapshot,
                                                                       RenderedPdf]:
    snap = produce_snapshot(db, officer(code), form, period)
    return snap, render_pdf(snap, RenderOptions())


def test_hcd13_quarter_prints_the_computed_figures(demo: Demo, tmp_path: Path) -> None:
    db, codes = demo
    snap, rendered = produce(db, codes[0], "HCD-13", "2026-Q3")
    with db.reading() as s:
        expected = values_of(compute_figures(s, snap.period, codes[0]).values)
    assert dict(snap.figures) == expected
    text = "\n".join(pdf_pages(rendered.pdf, tmp_path))
    assert_statistics(LineCursor(text[text.index("Phụ lục I"):]), [expected])
    assert len(snap.data["annex"]) == expected["managed_at_end"] > 0


def test_page_numbers_start_on_page_two(demo: Demo, tmp_path: Path) -> None:
    db, codes = demo
    _, rendered = produce(db, codes[0], "HCD-13", "2026-Q3")
    pages = pdf_pages(rendered.pdf, tmp_path)
    assert len(pages) == rendered.page_count >= 3
    first_lines = [next(line.strip() for line in page.splitlines() if line.strip())
                   for page in pages]
    assert first_lines[0].startswith("CÔNG AN"), "page 1 opens with the header, no number"
    assert first_lines[1:] == [str(n) for n in range(2, len(pages) + 1)]


def test_qr_payload_holds_form_unit_period_and_snapshot_hash(demo: Demo,
                                                            tmp_path: Path) -> None:
    db, codes = demo
    snap, rendered = produce(db, codes[0], "HCD-09", "2026-Q3")
    assert rendered.qr_payload == snap.qr_payload
    for part in ("form=HCD-09", f"unit={codes[0]}", "period=2026-Q3",
                 f"sha256={snap.sha256}"):
        assert part in rendered.qr_payload
    pages = pdf_pages(rendered.pdf, tmp_path)
    # The caption beside the QR code (same hash) is on the last page only.
    assert [snap.sha256[:16] in page for page in pages] == [False] * (len(pages) - 1) + [True]


def test_signature_box_is_the_blank_of_the_signature_block(demo: Demo,
                                                           tmp_path: Path) -> None:
    db, codes = demo
    _, rendered = produce(db, codes[0], "HCD-12", "2026-M07")
    box = rendered.signature_box
    pages = pdf_pages(rendered.pdf, tmp_path)
    assert "Nơi nhận:" in pages[box.page_index]
    assert "TRƯỞNG CÔNG AN" in pages[box.page_index]
    assert 0 < box.x1 < box.x2 <= PAGE_WIDTH
    assert 0 < box.y1 < box.y2 <= PAGE_HEIGHT
    assert box.x1 > PAGE_WIDTH / 2 - 40, "the signature block is the right-hand column"
    assert box.y2 - box.y1 == pytest.approx(28 * 72 / 25.4)


def test_hcd12_month_prints_the_computed_figures(demo: Demo, tmp_path: Path) -> None:
    db, codes = demo
    snap, rendered = produce(db, codes[1], "HCD-12", "2026-M07")
    with db.reading() as s:
        expected = values_of(compute_figures(s, snap.period, codes[1]).values)
    assert snap.unit.code == codes[1]
    assert_statistics(LineCursor("\n".join(pdf_pages(rendered.pdf, tmp_path))), [expected])


def test_hcd09_groups_count_the_classification_figures(demo: Demo, tmp_path: Path) -> None:
    db, codes = demo
    snap, rendered = produce(db, codes[0], "HCD-09", "2026-Q3")
    with db.reading() as s:
        expected = compute_figures(s, snap.period, codes[0]).values
    groups = snap.data["classification"]["groups"]
    for group, people in groups.items():
        assert len(people) == expected[f"class_{group}"], group
    assert sum(len(p) for p in groups.values()) == expected["managed_at_end"]
    cursor = LineCursor("\n".join(pdf_pages(rendered.pdf, tmp_path)))
    for group in ("A", "B", "C", "D"):
        line = cursor.row(group, f"Loại {group}")
        assert trailing_numbers(line) == [str(expected[f"class_{group}"])]
    total = cursor.row("", "Tổng số")
    assert trailing_numbers(total) == [str(expected["managed_at_end"])]


@pytest.mark.parametrize(("form", "period"), [("HCD-13-TH", "2026-Q3"),
                                              ("HCD-12-TH", "2026-M07")])
def test_consolidation_has_a_row_per_unit_and_the_totals(demo: Demo, tmp_path: Path,
                                                        form: str, period: str) -> None:
    db, codes = demo
    snap, rendered = produce(db, codes[0], form, period)
    with db.reading() as s:
        per_unit = compute_figures_by_unit(s, snap.period)
        total = values_of(compute_figures(s, snap.period, None).values)
    assert [u["unit_code"] for u in snap.data["by_unit"]] == sorted(codes)
    cursor = LineCursor("\n".join(pdf_pages(rendered.pdf, tmp_path)))
    for table in CONSOLIDATED:
        for index, row in enumerate(table_rows(snap, table)[1:], 1):
            figures = (values_of(per_unit[snap.data["by_unit"][index - 1]["unit_code"]].values)
                       if row[1] != "Tổng cộng" else total)
            line = cursor.row(str(index) if row[0] else "", row[1])
            expected = [format_value(value_of(figures, c.key), c.kind) for c in table.columns]
            assert trailing_numbers(line) == non_blank(expected), line


def test_multi_year_hcd13_has_one_column_per_year_and_a_total(demo: Demo,
                                                             tmp_path: Path) -> None:
    db, codes = demo
    snap, rendered = produce(db, codes[0], "HCD-13", "2022-03-22..2025-10-31")
    with db.reading() as s:
        unit_code = codes[0]
        years = compute_figures_by_year(s, snap.period, unit_code, snap.unit.period_convention,
                                        snap.unit.year_start_month)
        whole = values_of(compute_figures(s, snap.period, unit_code).values)
    assert [y["code"] for y in snap.data["by_year"]] == ["2022-Y", "2023-Y", "2024-Y",
                                                         "2025-Y"]
    yearly = [values_of(y.values) for y in years]
    assert [y["figures"] for y in snap.data["by_year"]] == yearly
    assert sum(y["received"] for y in yearly) == whole["received"] > 0
    columns = [*yearly, whole]
    text = "\n".join(pdf_pages(rendered.pdf, tmp_path))
    cursor = LineCursor(text[text.index("Phụ lục I"):])
    start = 0
    for group in chunks(value_columns(snap)):
        assert_statistics(cursor, columns[start:start + len(group)])
        start += len(group)
    assert start == len(columns) == 5


def test_report_command_matches_figures_json(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path, codes = demo_copy(tmp_path)
    args = ["--db", str(path), "--period", "2026-Q3", "--unit", codes[0]]
    assert cli.main(["figures", *args, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)["units"][0]["figures"]
    pdf, xlsx = tmp_path / "hcd13.pdf", tmp_path / "hcd13.xlsx"
    assert cli.main(["report", *args, "--form", "hcd13", "--out", str(pdf),
                     "--out", str(xlsx)]) == 0
    assert "lần lập 1" in capsys.readouterr().out
    text = "\n".join(pdf_pages(pdf.read_bytes(), tmp_path))
    assert_statistics(LineCursor(text[text.index("Phụ lục I"):]), [printed])
    assert xlsx.stat().st_size > 0


def test_officer_narrative_replaces_the_generated_section(demo: Demo, tmp_path: Path) -> None:
    db, codes = demo
    text = "Đề nghị cấp kinh phí hỗ trợ tổ giúp đỡ năm 2027."
    snap = produce_snapshot(db, officer(codes[0]), "HCD-13", "2026-Q3",
                            narrative={"direction": text})
    assert snap.data["narrative"] == {"direction": text}
    printed = " ".join(" ".join(p.split()) for p in pdf_pages(render_pdf(snap).pdf, tmp_path))
    assert text in printed
    assert "1. Phương hướng" not in printed, "the generated section was replaced"
    assert "I. TÌNH HÌNH CHUNG" in printed
    assert "Đầu kỳ, đơn vị đang quản lý" in printed
    override = render_pdf(snap, narrative={"general": "Tình hình ổn định."}).pdf
    assert "Tình hình ổn định." in " ".join(pdf_pages(override, tmp_path))
    with pytest.raises(ValidationError, match="Không có phần"):
        produce_snapshot(db, officer(codes[0]), "HCD-13", "2026-Q3", narrative={"x": "y"})


def test_command_line_number_and_date_go_in_the_header(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    path, _ = demo_copy(tmp_path)
    pdf = tmp_path / "hcd09.pdf"
    assert cli.main(["report", "--db", str(path), "--form", "hcd09", "--period", "2026-Q3",
                     "--number", "05", "--date", "2026-10-05", "--out", str(pdf)]) == 0
    first = pdf_pages(pdf.read_bytes(), tmp_path)[0]
    assert "Số: 05/BC-CAX" in first
    assert "ngày 05 tháng 10 năm 2026" in first
    assert cli.main(["report", "--db", str(path), "--form", "hcd09", "--period", "2026-Q3",
                     "--date", "05/10/2026", "--out", str(pdf)]) == 1
    assert "--date phải có dạng" in capsys.readouterr().err
