"""Form 01 (QĐ 22/2023/QĐ-TTg): the month's list holds exactly the requests whose person
was eligible on the request's day (the same verdict as `loan_eligibility_for`), in name
order, with the totals; the XLSX keeps numbers as numbers and sums the amounts by formula."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop import cli
from desktop.db import Database, open_database
from desktop.formatting import format_int
from desktop.reports.forms import render_pdf
from desktop.reports.forms.form01 import HEADERS
from desktop.reports.snapshot import produce_snapshot
from desktop.reports.xlsx import HEADER_ROW, write_xlsx
from desktop.services.supports import SupportInput, loan_eligibility_for, record_support
from desktop.services.violations import record_violation
from desktop.text import name_sort_key
from tests.reports.person_case import OFFICER, TODAY, build_case, managed_person, other_person
from tests.reports.report_helpers import pdf_pages

MONTH = "2026-M11"  # cut-off convention: 15/10/2026 … 14/11/2026


@dataclass(frozen=True)
class Request:
    """One loan request of the test month and whether its person is on the list."""

    name: str
    id_number: str
    day: date
    purpose: str
    amount: int
    months: int
    listed: bool


REQUESTS = (
    Request("Đặng Văn Bảo", "001085012346", date(2026, 10, 20), "business", 50_000_000, 36,
            True),
    Request("Chu Văn Cường", "001085012347", date(2026, 11, 5), "training", 24_000_000, 6,
            True),
    # Eligible when he asked; a violation of 01/09/2026 recorded afterwards rules him out.
    Request("Đinh Văn Dũng", "001085012348", date(2026, 10, 25), "business", 30_000_000, 24,
            False),
)


@dataclass(frozen=True)
class Commune:
    """The test database and the record id of each requesting person, by name."""

    db: Database
    path: Path
    ids: dict[str, str]


def _ask(db: Database, pid: str, r: Request, status: str = "requested") -> None:
    record_support(db, OFFICER, pid, SupportInput(
        kind="loan", support_date=r.day, provider="Ngân hàng CSXH", amount_vnd=r.amount,
        loan_purpose=r.purpose, loan_months=r.months, loan_status=status,
        note="Nuôi lợn" if r.purpose == "business" else ""), today=TODAY)


def _fill(db: Database) -> dict[str, str]:
    ids = {}
    for r in REQUESTS:
        ids[r.name] = managed_person(db, other_person(r.name, r.id_number), decision="")
        _ask(db, ids[r.name], r)
    record_violation(db, OFFICER, ids["Đinh Văn Dũng"], "administrative", date(2026, 9, 1),
                     "Đánh bạc", today=TODAY)
    # Outside the month, and a loan already disbursed: neither is a request of the list.
    late = managed_person(db, other_person("Lê Văn Em", "001085012349"), decision="")
    _ask(db, late, Request("", "", date(2026, 11, 20), "business", 20_000_000, 12, False))
    paid = managed_person(db, other_person("Lý Văn Phúc", "001085012350"), decision="")
    _ask(db, paid, Request("", "", date(2026, 11, 1), "business", 40_000_000, 12, False),
         status="disbursed")
    return ids


@pytest.fixture
def commune(tmp_path: Path) -> Iterator[Commune]:
    path = build_case(tmp_path).path
    db = open_database(path)
    ids = _fill(db)
    yield Commune(db, path, ids)
    db.close()


def test_the_list_holds_exactly_the_eligible_requests(commune: Commune,
                                                      tmp_path: Path) -> None:
    snap = produce_snapshot(commune.db, OFFICER, "QD22-01", MONTH)
    for r in REQUESTS:
        # The service counts every open loan, the request itself included: ask it about the
        # day before the request, when only the request was missing.
        verdict = loan_eligibility_for(commune.db, OFFICER, commune.ids[r.name], r.purpose,
                                       today=r.day - timedelta(days=1))
        assert verdict.eligible == r.listed, r.name
    listed = sorted((r for r in REQUESTS if r.listed), key=lambda r: name_sort_key(r.name))
    assert [row["full_name"] for row in snap.data["loans"]] == [r.name for r in listed]
    assert [row["amount_vnd"] for row in snap.data["loans"]] == [r.amount for r in listed]
    [excluded] = snap.data["excluded"]
    assert excluded["full_name"] == "Đinh Văn Dũng"
    assert "có vi phạm ngày 01/09/2026" in excluded["reasons"][0]
    assert snap.figures == {"requests": 3, "loans": 2, "people": 2, "excluded": 1,
                            "amount_vnd": sum(r.amount for r in listed)}
    text = " ".join(" ".join(p.split()) for p in pdf_pages(render_pdf(snap).pdf, tmp_path))
    for r in listed:
        assert r.name in text
        assert r.id_number in text
        assert format_int(r.amount) in text
    assert "Đinh Văn Dũng" not in text
    assert "Lê Văn Em" not in text
    assert "Lý Văn Phúc" not in text
    for expected in ("Mẫu số 01 (Quyết định số 22/2023/QĐ-TTg)", "DANH SÁCH",
                     "tháng 11 năm 2026 (từ ngày 15/10/2026 đến ngày 14/11/2026)",
                     "Tổng cộng: 2 người 74.000.000", "20/10/2026", "05/11/2026",
                     "XÁC NHẬN CỦA ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN", "Lê Thị Mai",
                     "TRƯỞNG CÔNG AN", "Nguyễn Văn Hùng"):
        assert expected in text, expected


def test_the_pdf_is_landscape(commune: Commune, tmp_path: Path) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "form01.pdf"
    path.write_bytes(render_pdf(produce_snapshot(commune.db, OFFICER, "QD22-01", MONTH)).pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert "841.89 x 595.276 pts (A4)" in info


def test_xlsx_numbers_are_numbers_and_the_total_is_a_sum(commune: Commune) -> None:
    snap = produce_snapshot(commune.db, OFFICER, "QD22-01", MONTH)
    ws = load_workbook(BytesIO(write_xlsx(snap)))["Danh sách"]
    assert [c.value for c in ws[HEADER_ROW]] == HEADERS
    first, last = HEADER_ROW + 1, HEADER_ROW + len(snap.data["loans"])
    amounts = [ws.cell(row=r, column=8).value for r in range(first, last + 1)]
    assert amounts == [row["amount_vnd"] for row in snap.data["loans"]]
    assert all(isinstance(ws.cell(row=r, column=c).value, int)
               for r in range(first, last + 1) for c in (1, 3, 8, 9))
    assert ws.cell(row=first, column=4).value == snap.data["loans"][0]["id_number"]
    assert ws.cell(row=first, column=4).number_format == "@"
    assert isinstance(ws.cell(row=first, column=6).value, datetime)
    assert ws.cell(row=last + 1, column=2).value == "Tổng cộng"
    assert ws.cell(row=last + 1, column=8).value == f"=SUM(H{first}:H{last})"
    assert sum(amounts) == snap.figures["amount_vnd"] == 74_000_000
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert "Kỳ báo cáo: tháng 11 năm 2026" in str(ws["A3"].value)


def test_a_month_without_requests(commune: Commune, tmp_path: Path) -> None:
    snap = produce_snapshot(commune.db, OFFICER, "QD22-01", "2026-M09")
    assert snap.data["loans"] == []
    assert snap.figures["amount_vnd"] == 0
    text = " ".join(pdf_pages(render_pdf(snap).pdf, tmp_path))
    assert "Trong tháng không có người đủ điều kiện đề nghị vay vốn" in text
    ws = load_workbook(BytesIO(write_xlsx(snap)))["Danh sách"]
    assert ws.cell(row=HEADER_ROW + 1, column=8).value == 0


def test_command_line_writes_form01(commune: Commune, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    commune.db.close()
    pdf, xlsx = tmp_path / "form01.pdf", tmp_path / "form01.xlsx"
    code = cli.main(["report", "--db", str(commune.path), "--form", "form01", "--period",
                     MONTH, "--out", str(pdf), "--out", str(xlsx)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Đã lập QD22-01 tháng 11 năm 2026 – Công an phường Thanh Bình" in captured.out
    assert "Chu Văn Cường" in " ".join(pdf_pages(pdf.read_bytes(), tmp_path))
    assert xlsx.stat().st_size > 0
    code = cli.main(["report", "--db", str(commune.path), "--form", "form01",
                     "--out", str(pdf)])
    assert code == 1
    assert "cần kỳ báo cáo" in capsys.readouterr().err
