"""`hoanhap export|import|backup|restore` as a user runs them: exit codes, output, and a
database left byte-for-byte unchanged by anything refused."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.handoff.helpers import province_office


def hoanhap(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)],
                          capture_output=True, text=True, timeout=600, check=False)


def fingerprint_of_files(db: Path) -> dict[str, str]:
    """The database and its WAL, hashed (the lock file is not data)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (db, Path(f"{db}-wal")) if p.exists()}


@pytest.fixture
def offices(demo_files: dict[int, tuple[Path, str]], tmp_path: Path) -> tuple[Path, Path]:
    """(commune database, province database), both closed."""
    commune = tmp_path / "commune.db"
    shutil.copyfile(demo_files[2][0], commune)
    province = tmp_path / "province.db"
    province_office(province).db.close()
    return commune, province


def _one_line_refusal(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("hoanhap: ")
    assert expected in lines[0]


def _export(commune: Path, out: Path, *protection: str | Path) -> Path:
    result = hoanhap("export", "--db", commune, "--out", out, "--to", "T01", *protection)
    assert result.returncode == 0, result.stderr
    assert "Đã xuất gói đầy đủ" in result.stdout
    [package] = [p for p in out.iterdir() if p.suffix == ".hnp"]
    return package


def test_import_refuses_a_new_key_until_confirmed_then_is_idempotent(
        offices: tuple[Path, Path], tmp_path: Path) -> None:
    commune, province = offices
    usb = tmp_path / "usb"
    usb.mkdir()
    package = _export(commune, usb, "--plain")
    before = fingerprint_of_files(province)

    _one_line_refusal(hoanhap("import", "--db", province, package), "Vân tay:")
    assert fingerprint_of_files(province) == before

    dry = hoanhap("import", "--db", province, package, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "persons" in dry.stdout
    assert "Chạy thử" in dry.stdout
    assert fingerprint_of_files(province) == before

    done = hoanhap("import", "--db", province, package, "--accept-new-key")
    assert done.returncode == 0, done.stderr
    assert "Đã nhập gói của" in done.stdout
    after = fingerprint_of_files(province)
    assert after != before

    again = hoanhap("import", "--db", province, package)
    assert again.returncode == 0, again.stderr
    assert "đã được nhập ngày" in again.stdout
    assert fingerprint_of_files(province) == after


def test_a_tampered_package_is_refused_and_changes_nothing(offices: tuple[Path, Path],
                                                           tmp_path: Path) -> None:
    commune, province = offices
    usb = tmp_path / "usb"
    usb.mkdir()
    package = _export(commune, usb, "--plain")
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01
    package.write_bytes(bytes(data))
    before = fingerprint_of_files(province)
    result = hoanhap("import", "--db", province, package, "--accept-new-key")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert fingerprint_of_files(province) == before


def test_a_wrong_passphrase_is_refused_and_changes_nothing(offices: tuple[Path, Path],
                                                           tmp_path: Path) -> None:
    commune, province = offices
    usb = tmp_path / "usb"
    usb.mkdir()
    (tmp_path / "pass").write_text("mat khau cua goi\n", encoding="utf-8")
    (tmp_path / "wrong").write_text("mat khau khac\n", encoding="utf-8")
    package = _export(commune, usb, "--passphrase-file", tmp_path / "pass")
    before = fingerprint_of_files(province)
    _one_line_refusal(hoanhap("import", "--db", province, package, "--accept-new-key",
                              "--passphrase-file", tmp_path / "wrong"), "Sai mật khẩu")
    _one_line_refusal(hoanhap("import", "--db", province, package, "--accept-new-key"),
                      "mật khẩu")
    assert fingerprint_of_files(province) == before
    ok = hoanhap("import", "--db", province, package, "--accept-new-key",
                 "--passphrase-file", tmp_path / "pass")
    assert ok.returncode == 0, ok.stderr


def test_export_needs_a_protection_choice(offices: tuple[Path, Path], tmp_path: Path) -> None:
    result = hoanhap("export", "--db", offices[0], "--out", tmp_path)
    assert result.returncode == 2
    assert "lỗi cú pháp lệnh" in result.stderr


def test_backup_and_restore(offices: tuple[Path, Path], tmp_path: Path) -> None:
    commune, _ = offices
    copy = tmp_path / "copy.db"
    result = hoanhap("backup", "--db", commune, "--out", copy)
    assert result.returncode == 0, result.stderr
    assert "Đã sao lưu" in result.stdout

    damaged = tmp_path / "damaged.db"
    data = bytearray(copy.read_bytes())
    data[:16] = b"\xff" * 16
    damaged.write_bytes(bytes(data))
    before = fingerprint_of_files(commune)
    _one_line_refusal(hoanhap("restore", "--db", commune, damaged), "bị hỏng")
    assert fingerprint_of_files(commune) == before

    restored = hoanhap("restore", "--db", commune, copy)
    assert restored.returncode == 0, restored.stderr
    assert "Đã khôi phục" in restored.stdout
    check = hoanhap("check", "--db", commune)
    assert check.returncode == 0, check.stderr
