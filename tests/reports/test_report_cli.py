"""`hoanhap report`: files written from one snapshot, known errors as one Vietnamese line
with exit 1, and signing that locks the period."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop import cli
from desktop.db import open_database
from desktop.models import ReportRecord
from desktop.services.locking import locked_period_for
from tests.reports.report_helpers import demo_copy

PASSWORD = "hoanhap-demo"  # the demo accounts' password


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("extra", "message"), [
    (["--form", "form01", "--period", "2026-Q3"], "Mẫu QD22-01 lập theo tháng"),
    (["--form", "hcd12", "--period", "2026-Q3"], "Mẫu HCD-12 lập theo tháng"),
    (["--form", "hcd09", "--period", "2026-Q3", "--all-units"], "không có bản tổng hợp"),
    (["--form", "hcd13", "--period", "2026-Q9"], "Quý 9 không hợp lệ"),
])
def test_known_errors_are_one_line_and_exit_1(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              extra: list[str], message: str) -> None:
    path, _ = demo_copy(tmp_path)
    code, _, err = run(capsys, "report", "--db", str(path), *extra,
                       "--out", str(tmp_path / "r.pdf"))
    assert code == 1
    assert message in err
    assert err.count("\n") == 1
    assert not (tmp_path / "r.pdf").exists()


def test_wrong_suffix_and_unsigned_signing_are_refused(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    path, _ = demo_copy(tmp_path)
    base = ["report", "--db", str(path), "--form", "hcd13", "--period", "2026-Q3"]
    code, _, err = run(capsys, *base, "--out", str(tmp_path / "r.docx"))
    assert code == 1
    assert ".pdf hoặc .xlsx" in err
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSWORD)
    code, _, err = run(capsys, *base, "--out", str(tmp_path / "r.pdf"),
                       "--sign-p12", str(tmp_path / "x.p12"), "--sign-pass-file", str(secret))
    assert code == 1
    assert "tài khoản lãnh đạo" in err
    code, _, err = run(capsys, *base, "--out", str(tmp_path / "r.pdf"), "--user", "canbo",
                       "--password-file", str(secret), "--sign-p12", str(tmp_path / "x.p12"),
                       "--sign-pass-file", str(secret))
    assert code == 1
    assert "không được phép ký báo cáo" in err


def test_pdf_and_xlsx_come_from_one_snapshot(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path, codes = demo_copy(tmp_path)
    pdf, xlsx = tmp_path / "th.pdf", tmp_path / "th.xlsx"
    code, out, _ = run(capsys, "report", "--db", str(path), "--form", "hcd12", "--period",
                       "2026-M07", "--all-units", "--out", str(pdf), "--out", str(xlsx))
    assert code == 0
    assert "HCD-12-TH" in out
    db = open_database(path)
    try:
        with db.reading() as s:
            rows = list(s.scalars(select(ReportRecord)))
    finally:
        db.close()
    assert len(rows) == 1
    assert rows[0].unit_code == codes[0]
    assert rows[0].pdf_sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert rows[0].xlsx_sha256 == hashlib.sha256(xlsx.read_bytes()).hexdigest()


def test_signing_from_the_command_line_locks_the_period(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    certificates = pytest.importorskip("desktop.reports.certificates")
    path, codes = demo_copy(tmp_path)
    p12 = tmp_path / "unit.p12"
    p12.write_bytes(certificates.create_unit_certificate(
        "Trần Quốc Hưng", "Công an phường", "Hải Phòng", "mật-khẩu-p12"))
    (tmp_path / "p12.txt").write_text("mật-khẩu-p12")
    (tmp_path / "user.txt").write_text(PASSWORD)
    pdf = tmp_path / "signed.pdf"
    code, out, err = run(capsys, "report", "--db", str(path), "--form", "hcd13", "--period",
                         "2026-Q3", "--out", str(pdf), "--user", "lanhdao", "--password-file",
                         str(tmp_path / "user.txt"), "--sign-p12", str(p12),
                         "--sign-pass-file", str(tmp_path / "p12.txt"))
    assert code == 0, err
    assert "kỳ báo cáo đã khóa" in out
    assert b"/ByteRange" in pdf.read_bytes()
    db = open_database(path)
    try:
        with db.reading() as s:
            lock = locked_period_for(s, codes[0], date(2026, 8, 1))
    finally:
        db.close()
    assert lock is not None
    assert lock.signer == "Trần Quốc Hưng"
    assert lock.pdf_sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
