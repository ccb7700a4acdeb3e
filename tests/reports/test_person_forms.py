"""The papers about one person (HCD-02, 05, 07, 08, 10, 11): what the page says equals what
the services say about the hand-built person of `person_case`, the snapshot behind the QR
code, and the refusals (missing person, missing evaluation, wrong options) on the command
line as one Vietnamese line with exit code 1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop import cli
from desktop.db import Database, open_database
from desktop.formatting import format_date, format_decimal
from desktop.reports.forms import render_pdf
from desktop.reports.layout import FRAME_WIDTH, MARGIN_LEFT, RenderedPdf
from desktop.reports.person_contents import PersonRequest
from desktop.reports.snapshot import ReportSnapshot, mark_signed, produce_snapshot
from desktop.reports.xlsx import write_xlsx
from desktop.services import lifecycle, persons
from desktop.services.access import Actor
from desktop.services.contacts import list_contacts, person_coverage
from desktop.services.errors import NotFound, ServiceError, ValidationError
from desktop.services.evaluations import list_evaluations
from desktop.services.person_queries import get_person
from desktop.services.supports import list_supports
from desktop.services.team import team_of
from desktop.services.violations import list_violations
from tests.reports.person_case import (
    HELPER_REPORT,
    MANAGED,
    OFFICER,
    Q3_CONTACTS,
    SUPPORT_OUTCOME,
    TODAY,
    VIOLATION,
    Case,
    build_case,
    other_person,
)
from tests.reports.report_helpers import pdf_pages

Q3_START, Q3_END = date(2026, 6, 15), date(2026, 9, 14)
LEADER = Actor("lanhdao", "Nguyễn Văn Hùng", "leader", OFFICER.unit_code)


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Database, Case]]:
    built = build_case(tmp_path)
    db = open_database(built.path)
    yield db, built
    db.close()


def produce(db: Database, form: str, request: PersonRequest,
            period: str | None = None) -> tuple[ReportSnapshot, RenderedPdf]:
    snap = produce_snapshot(db, OFFICER, form, period, person=request)
    return snap, render_pdf(snap)


def flat(rendered: RenderedPdf, folder: Path) -> str:
    """The printed text with every run of whitespace made one space (lines rejoined)."""
    return " ".join(" ".join(page.split()) for page in pdf_pages(rendered.pdf, folder))


def test_hcd02_sheet_prints_the_person_page(case: tuple[Database, Case],
                                            tmp_path: Path) -> None:
    db, built = case
    snap, rendered = produce(db, "HCD-02", PersonRequest(built.person_id, today=TODAY))
    detail = get_person(db, OFFICER, built.person_id, today=TODAY)
    p, j = detail.person, detail.judgment
    assert j is not None
    text = flat(rendered, tmp_path)
    for expected in (
        f"Họ và tên: {p.full_name}", f"Ngày sinh: {p.birth_display}",
        f"Số định danh cá nhân (CCCD): {p.id_number}", f"Quê quán: {p.place_of_origin}",
        f"Nơi thường trú: {p.permanent_address}", f"Nghề nghiệp: {p.occupation}",
        f"Bản án số: {j.judgment_number} ngày {format_date(j.judgment_date)}",
        f"Tội danh: {j.offences}", "Hình phạt chính: Tù có thời hạn 3 năm 6 tháng",
        f"Ngày ra trại: {format_date(p.release_date)}",
        f"Ngày tiếp nhận về địa phương: {format_date(p.received_on)}",
        f"Tình trạng: {p.status_label}",
        f"số {p.team_decision_number} ngày {format_date(p.team_decision_date)}",
        "PHIẾU THÔNG TIN", "TRƯỞNG CÔNG AN", "Nguyễn Văn Hùng",
    ):
        assert expected in text, expected
    for member in team_of(db, OFFICER, built.person_id, TODAY).members:
        assert member.name in text
    assert "Nơi nhận" not in text, "the sheet stays in the case file"
    assert (snap.period.start, snap.period.end) == (p.received_on, TODAY)


def test_hcd02_book_equals_the_log_and_the_evaluations(case: tuple[Database, Case],
                                                       tmp_path: Path) -> None:
    db, built = case
    pid = built.person_id
    snap, rendered = produce(db, "HCD-02", PersonRequest(pid, today=TODAY))
    text = flat(rendered, tmp_path)
    book = text[text.index("SỔ THEO DÕI, GIÚP ĐỠ"):]
    contacts = list_contacts(db, OFFICER, pid)
    days = [format_date(c.contact_date) for c in reversed(contacts)]  # the book: oldest first
    assert [book.index(d) for d in days] == sorted(book.index(d) for d in days)
    coverage = person_coverage(db, OFFICER, pid, snap.period.start, snap.period.end)
    assert (f"Số lần gặp gỡ: {len(contacts)}. Số tuần phải gặp: {coverage.due}; số tuần đã "
            f"gặp (kể cả tuần được miễn): {coverage.covered}, trong đó {coverage.excused} "
            f"tuần được miễn; tỷ lệ {format_decimal(coverage.pct)}%.") in book
    assert "2026-W30" in book
    for e in list_evaluations(db, OFFICER, pid):
        assert f"{format_date(e.evaluated_on)} Loại {e.classification}" in book
    violations = list_violations(db, OFFICER, pid)
    assert [format_date(v.violation_date) in book for v in violations] == [True]
    assert [s["description"] for s in snap.data["book"]["supports"]] == \
        [s.description for s in list_supports(db, OFFICER, pid)]
    assert snap.figures["contacts"] == len(contacts)
    assert (snap.figures["weeks_due"], snap.figures["weeks_covered"]) == \
        (coverage.due, coverage.covered)


def test_hcd02_over_a_quarter_keeps_only_its_records(case: tuple[Database, Case],
                                                     tmp_path: Path) -> None:
    db, built = case
    snap, rendered = produce(db, "HCD-02", PersonRequest(built.person_id, today=TODAY),
                             "2026-Q3")
    book = flat(rendered, tmp_path).split("SỔ THEO DÕI, GIÚP ĐỠ")[1]
    assert snap.figures["contacts"] == len(Q3_CONTACTS)
    assert all(format_date(d) in book for d in Q3_CONTACTS)
    assert "10/09/2025" not in book
    assert "07/10/2026" not in book
    assert "(từ ngày 15/06/2026 đến ngày 14/09/2026)" in book


def test_hcd05_commitment_is_filled_and_signed_by_both(case: tuple[Database, Case],
                                                       tmp_path: Path) -> None:
    db, built = case
    snap, rendered = produce(db, "HCD-05", PersonRequest(built.person_id, today=TODAY))
    text = flat(rendered, tmp_path)
    for expected in (
        "BẢN CAM KẾT", "Kính gửi: Công an phường Thanh Bình",
        "Tôi tên là: Nguyễn Văn An; giới tính: Nam",
        "Sinh ngày: 12/04/1985; số định danh cá nhân (CCCD): 001085012345",
        "Bản án số 25/2022/HS-ST ngày 15/03/2022 của Tòa án nhân dân tỉnh Thái Nguyên",
        "ra trại ngày 01/09/2025", "trình diện ngày 04/09/2025", "ít nhất 01 lần mỗi tuần",
        "NGƯỜI CAM KẾT", "XÁC NHẬN CỦA CÔNG AN", "Nguyễn Văn Hùng",
    ):
        assert expected in text, expected
    assert rendered.page_count == 1, "the commitment and its signatures keep to one page"
    left_column_end = MARGIN_LEFT + FRAME_WIDTH / 2
    assert rendered.signature_box.x2 <= left_column_end, "the police's block, on the left"
    assert snap.period.code == "2025-09-04..2025-09-04"


def test_hcd07_decision_names_the_team_of_the_decision_day(case: tuple[Database, Case],
                                                           tmp_path: Path) -> None:
    db, built = case
    snap, rendered = produce(db, "HCD-07", PersonRequest(built.person_id, today=TODAY))
    text = flat(rendered, tmp_path)
    for expected in (
        "ỦY BAN NHÂN DÂN PHƯỜNG THANH BÌNH", "Số: 12/QĐ-UBND",
        "Thanh Bình, ngày 08 tháng 9 năm 2025", "QUYẾT ĐỊNH",
        "Căn cứ Luật Thi hành án hình sự số 41/2019/QH14;",
        "Xét đề nghị của Trưởng Công an phường Thanh Bình.",
        "Cán bộ Công an Trần Văn Bình phụ trách trực tiếp việc giúp đỡ.",
        "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thị Mai",
    ):
        assert expected in text, expected
    members = team_of(db, OFFICER, built.person_id, MANAGED).members
    assert [m["name"] for m in snap.data["team"]] == [m.name for m in members]
    assert all(m.name in text for m in members)
    assert snap.period.code == "2025-09-08..2025-09-08"


def test_hcd08_reports_the_quarter_from_its_evaluation(case: tuple[Database, Case],
                                                       tmp_path: Path) -> None:
    db, built = case
    pid = built.person_id
    snap, rendered = produce(db, "HCD-08", PersonRequest(pid, today=TODAY), "2026-Q3")
    text = flat(rendered, tmp_path)
    coverage = person_coverage(db, OFFICER, pid, Q3_START, Q3_END)
    evaluation = next(e for e in list_evaluations(db, OFFICER, pid) if e.quarter == "2026-Q3")
    for expected in (
        "Họ và tên người giúp đỡ: Trần Văn Bình", "Quyết định số 12/QĐ-UBND ngày 08/09/2025",
        "quý III năm 2026 (từ ngày 15/06/2026 đến ngày 14/09/2026)",
        f"Số lần gặp gỡ trong quý: {len(Q3_CONTACTS)} (đến nhà 5 lần, qua điện thoại 1 lần).",
        f"Số tuần phải gặp: {coverage.due}; số tuần đã gặp (kể cả tuần được miễn): "
        f"{coverage.covered}, trong đó {coverage.excused} tuần được miễn",
        evaluation.helper_report, f"- Lao động, việc làm: {evaluation.work}",
        SUPPORT_OUTCOME, VIOLATION, evaluation.proposals,
        f"{evaluation.classification_label} (đánh giá ngày 14/09/2026)",
        "NGƯỜI BÁO CÁO", "XÁC NHẬN CỦA CÔNG AN",
    ):
        assert expected in text, expected
    assert snap.figures["classification"] == "B"
    assert HELPER_REPORT in text


def test_hcd08_needs_that_quarters_evaluation(case: tuple[Database, Case]) -> None:
    db, built = case
    request = PersonRequest(built.person_id, today=TODAY)
    with pytest.raises(ServiceError, match="Chưa có đánh giá quý II năm 2026 của Nguyễn Văn An"):
        produce_snapshot(db, OFFICER, "HCD-08", "2026-Q2", person=request)
    with pytest.raises(ValidationError, match="lập theo quý"):
        produce_snapshot(db, OFFICER, "HCD-08", "2026-M07", person=request)
    with pytest.raises(ValidationError, match="cần quý báo cáo"):
        produce_snapshot(db, OFFICER, "HCD-08", None, person=request)


def test_hcd10_and_hcd11_print_the_recorded_end(case: tuple[Database, Case],
                                                tmp_path: Path) -> None:
    db, built = case
    pid = built.person_id
    lifecycle.end_management(db, OFFICER, pid, date(2026, 11, 20), "moved", today=TODAY)
    _, proposal = produce(db, "HCD-10", PersonRequest(pid, today=TODAY))
    text = flat(proposal, tmp_path)
    for expected in (
        "ĐỀ NGHỊ", "/ĐN-CAX", "Kính gửi: Chủ tịch Ủy ban nhân dân phường Thanh Bình",
        "Lý do: Chuyển nơi cư trú; đề nghị kết thúc quản lý kể từ ngày 20/11/2026.",
        f"tổ giúp đỡ đã gặp gỡ {len(list_contacts(db, OFFICER, pid))} lần",
        "kết quả đánh giá quý III năm 2026: Loại B", "- Như trên;", "TRƯỞNG CÔNG AN",
    ):
        assert expected in text, expected
    snap, decision = produce(db, "HCD-11", PersonRequest(pid, today=TODAY))
    text = flat(decision, tmp_path)
    for expected in (
        "Thanh Bình, ngày 20 tháng 11 năm 2026",
        "Căn cứ Luật Thi hành án hình sự số 127/2025/QH15;",
        "Điều 1. Kết thúc việc quản lý, giúp đỡ đối với ông Nguyễn Văn An",
        "kể từ ngày 20/11/2026. Lý do: chuyển nơi cư trú.",
        "chuyển hồ sơ quản lý đến Công an cấp xã", "Lê Thị Mai",
    ):
        assert expected in text, expected
    assert snap.period.code == "2026-11-20..2026-11-20"


def test_hcd10_reason_may_be_given_before_the_end(case: tuple[Database, Case],
                                                  tmp_path: Path) -> None:
    db, built = case
    pid = built.person_id
    _, rendered = produce(db, "HCD-10", PersonRequest(pid, reason="expunged", today=TODAY))
    assert ("Lý do: Được xóa án tích; đề nghị kết thúc quản lý kể từ ngày Chủ tịch Ủy ban "
            "nhân dân phường Thanh Bình ký quyết định.") in flat(rendered, tmp_path)
    with pytest.raises(ValidationError, match="Chưa có lý do kết thúc quản lý"):
        produce_snapshot(db, OFFICER, "HCD-10", None, person=PersonRequest(pid))
    with pytest.raises(ValidationError, match="“x” không hợp lệ"):
        produce_snapshot(db, OFFICER, "HCD-11", None, person=PersonRequest(pid, reason="x"))
    with pytest.raises(ValidationError, match="ngày tiếp nhận"):
        produce_snapshot(db, OFFICER, "HCD-11", None, person=PersonRequest(
            pid, reason="moved", end_date=date(2025, 1, 1)))


def test_a_persons_paper_is_matched_by_its_qr_and_never_locks(case: tuple[Database, Case],
                                                              tmp_path: Path) -> None:
    db, built = case
    snap, rendered = produce(db, "HCD-05", PersonRequest(built.person_id, today=TODAY))
    assert f"person={built.person_id};" in rendered.qr_payload
    assert f"sha256={snap.sha256}" in rendered.qr_payload
    assert snap.sha256[:16] in pdf_pages(rendered.pdf, tmp_path)[-1]
    with pytest.raises(ServiceError, match="giấy tờ về một người"):
        mark_signed(db, LEADER, snap.report_id, "Nguyễn Văn Hùng", snap.produced_at, None)
    with pytest.raises(ValidationError, match="chỉ có bản PDF"):
        write_xlsx(snap)


def test_the_person_is_found_and_checked(case: tuple[Database, Case]) -> None:
    db, built = case
    by_id_number = produce_snapshot(db, OFFICER, "HCD-05", None,
                                    person=PersonRequest("001 085 012 345"))
    assert by_id_number.data["person_id"] == built.person_id
    with pytest.raises(NotFound, match="Không tìm thấy người"):
        produce_snapshot(db, OFFICER, "HCD-05", None, person=PersonRequest("khong-co"))
    with pytest.raises(ValidationError, match="lập cho một người"):
        produce_snapshot(db, OFFICER, "HCD-05", None)
    with pytest.raises(ValidationError, match="không lập cho một người"):
        produce_snapshot(db, OFFICER, "HCD-13", "2026-Q3",
                         person=PersonRequest(built.person_id))
    expected = persons.expect_person(db, OFFICER, other_person("Phạm Văn Bắc", "001085012399"),
                                     None, date(2026, 11, 1), date(2026, 12, 10), today=TODAY)
    with pytest.raises(ServiceError, match="Chờ tiếp nhận"):
        produce_snapshot(db, OFFICER, "HCD-05", None, person=PersonRequest(expected.id))


# --- the command line -------------------------------------------------------------------

def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_command_line_writes_a_persons_papers(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    built = build_case(tmp_path)
    base = ["report", "--db", str(built.path)]
    pdf = tmp_path / "camket.pdf"
    code, out, err = run(capsys, *base, "--form", "hcd05", "--person", "001085012345",
                         "--out", str(pdf))
    assert code == 0, err
    assert "Đã lập HCD-05 Nguyễn Văn An – Công an phường Thanh Bình" in out
    assert "Tôi tên là: Nguyễn Văn An" in " ".join(pdf_pages(pdf.read_bytes(), tmp_path))
    code, out, err = run(capsys, *base, "--form", "hcd08", "--person", built.person_id,
                         "--period", "2026-Q3", "--out", str(tmp_path / "hcd08.pdf"))
    assert code == 0, err
    code, out, err = run(capsys, *base, "--form", "hcd10", "--person", built.person_id,
                         "--reason", "moved", "--end-date", "2026-11-20",
                         "--out", str(tmp_path / "hcd10.pdf"))
    assert code == 0, err


@pytest.mark.parametrize(("extra", "message"), [
    (["--form", "hcd08", "--person", "{pid}", "--period", "2026-Q2"],
     "Chưa có đánh giá quý II năm 2026"),
    (["--form", "hcd05", "--person", "khong-co"], "Không tìm thấy người (mã khong-co)"),
    (["--form", "hcd05"], "thêm --person"),
    (["--form", "hcd08", "--person", "{pid}"], "cần kỳ báo cáo"),
    (["--form", "hcd05", "--person", "{pid}", "--period", "2026-Q3"],
     "không lập theo kỳ báo cáo"),
    (["--form", "hcd13", "--period", "2026-Q3", "--person", "{pid}"], "bỏ --person"),
    (["--form", "hcd05", "--person", "{pid}", "--all-units"], "không có bản tổng hợp"),
    (["--form", "hcd10", "--person", "{pid}"], "Chưa có lý do kết thúc quản lý"),
    (["--form", "hcd10", "--person", "{pid}", "--reason", "x"], "không hợp lệ"),
    (["--form", "hcd11", "--person", "{pid}", "--reason", "moved", "--end-date",
      "20/11/2026"], "--end-date phải có dạng"),
    (["--form", "hcd05", "--person", "{pid}", "--reason", "moved"], "chỉ dùng cho mẫu hcd10"),
])
def test_command_line_refusals_are_one_line(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str],
                                            extra: list[str], message: str) -> None:
    built = build_case(tmp_path)
    args = [a.replace("{pid}", built.person_id) for a in extra]
    out = tmp_path / "r.pdf"
    code, _, err = run(capsys, "report", "--db", str(built.path), *args, "--out", str(out))
    assert code == 1
    assert message in err
    assert err.count("\n") == 1
    assert not out.exists()


def test_command_line_keeps_persons_papers_to_pdf_unsigned(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    built = build_case(tmp_path)
    base = ["report", "--db", str(built.path), "--form", "hcd05", "--person",
            built.person_id]
    code, _, err = run(capsys, *base, "--out", str(tmp_path / "r.xlsx"))
    assert code == 1
    assert "chỉ có bản PDF" in err
    code, _, err = run(capsys, *base, "--out", str(tmp_path / "r.pdf"), "--sign-p12",
                       str(tmp_path / "x.p12"), "--sign-pass-file", str(tmp_path / "p.txt"))
    assert code == 1
    assert "không ký số" in err
