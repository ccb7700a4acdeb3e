"""`hoanhap import-excel` and `hoanhap excel-template` as an office runs them."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from .sheets import file_hashes, messy_rows, write_xlsx


def hoanhap(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)],
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One initialised office database, copied for each test (init is slow: Argon2)."""
    folder = tmp_path_factory.mktemp("office")
    secret = folder / "pw.txt"
    secret.write_text("mat-khau-rat-dai\n", encoding="utf-8")
    db = folder / "office.db"
    result = hoanhap("init", "--db", db, "--unit-code", "19001", "--unit-name",
                     "Công an phường Phan Đình Phùng", "--province", "Tỉnh Thái Nguyên",
                     "--admin", "quantri", "--admin-password-file", secret, "--plain")
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture
def office(pristine: Path, tmp_path: Path) -> Path:
    shutil.copy(pristine.parent / "pw.txt", tmp_path / "pw.txt")
    return Path(shutil.copy(pristine, tmp_path / "office.db"))


def people(db: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("select full_name, status from persons where deleted_at is null "
                           "order by name_folded").fetchall()
    finally:
        con.close()


def test_dry_run_reports_and_changes_nothing(office: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", messy_rows())
    before = file_hashes(office)
    result = hoanhap("import-excel", "--db", office, path, "--dry-run")
    assert result.returncode == 1  # two rows are rejected
    out = result.stdout
    assert "Dòng 8, cột «Ngày sinh», giá trị «31/02/1985»: ngày không tồn tại" in out
    assert "Dòng 11: trùng dòng 5 trong tệp" in out
    assert "Tổng cộng 6 dòng: 3 mới, 1 trùng, 2 bị từ chối." in out
    assert "không ghi gì" in out
    assert file_hashes(office) == before
    assert people(office) == []


def test_import_then_reimport(office: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", messy_rows())
    rejected = tmp_path / "loi.xlsx"
    first = hoanhap("import-excel", "--db", office, path, "--rejected-out", rejected)
    assert first.returncode == 1, first.stderr
    assert "Đã nhập 3 hồ sơ mới (3 chờ tiếp nhận, 0 đã tiếp nhận)" in first.stdout
    assert [n for n, _ in people(office)] == ["Hoàng Văn Em", "Nguyễn Văn An", "Trần Thị Bình"]
    sheet = openpyxl.load_workbook(rejected).active
    assert sheet is not None
    assert sheet.max_row == 3
    again = hoanhap("import-excel", "--db", office, path)
    assert "Tổng cộng 6 dòng: 0 mới, 4 trùng, 2 bị từ chối." in again.stdout
    assert "Đã nhập 0 hồ sơ mới" in again.stdout
    assert len(people(office)) == 3


def test_clean_file_exits_zero_with_a_login(office: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "sach.xlsx", [
        ["Họ và tên", "Giới tính", "Năm sinh", "Ngày ra trại", "Mức án"],
        ["Đỗ Văn Phúc", "Nam", 1980, "01/02/2023", "2 năm"],
    ])
    result = hoanhap("import-excel", "--db", office, path, "--user", "quantri",
                     "--password-file", tmp_path / "pw.txt")
    assert result.returncode == 0, result.stderr
    assert people(office) == [("Đỗ Văn Phúc", "expected")]


def test_unreadable_file_is_one_line(office: Path, tmp_path: Path) -> None:
    bad = tmp_path / "ds.xls"
    bad.write_text("<html></html>", encoding="utf-8")
    result = hoanhap("import-excel", "--db", office, bad)
    assert result.returncode == 1
    assert "lưu lại dưới dạng .xlsx" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_excel_template(tmp_path: Path) -> None:
    out = tmp_path / "mau.xlsx"
    result = hoanhap("excel-template", "--out", out)
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet.cell(1, 1).value == "Họ và tên"
    wrong = hoanhap("excel-template", "--out", tmp_path / "mau.csv")
    assert wrong.returncode == 1
