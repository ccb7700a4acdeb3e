"""The command line on encrypted databases: `init` encrypts by default, every command takes
--user/--password-file (or --recovery-code-file), `encrypt` converts, `recover` resets."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.security.encrypted import file_hashes

PASSWORD = "mat-khau-rat-dai"
CODE = re.compile(r"^\s+([0-9A-Z]{4}(?:-[0-9A-Z]{4}){6})$", re.MULTILINE)


def hoanhap(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)],
                          capture_output=True, text=True, timeout=600, check=False)


def secret(folder: Path, name: str, value: str) -> Path:
    path = folder / name
    path.write_text(value + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One office made by `hoanhap init` (encrypted), and the recovery code it printed."""
    folder = tmp_path_factory.mktemp("office")
    db = folder / "office.db"
    result = hoanhap("init", "--db", db, "--unit-code", "19001", "--unit-name",
                     "Công an phường Phan Đình Phùng", "--province", "Tỉnh Thái Nguyên",
                     "--admin", "quantri", "--admin-password-file",
                     secret(folder, "pw.txt", PASSWORD))
    assert result.returncode == 0, result.stderr
    assert "(đã mã hóa)" in result.stdout
    codes = CODE.findall(result.stdout)
    assert len(codes) == 1, result.stdout
    return db, codes[0]


@pytest.fixture
def office(pristine: tuple[Path, str], tmp_path: Path) -> Path:
    db = tmp_path / "office.db"
    shutil.copy(pristine[0], db)
    shutil.copy(f"{pristine[0]}.keys", f"{db}.keys")
    secret(tmp_path, "pw.txt", PASSWORD)
    return db


def test_init_encrypts_by_default(office: Path) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(office).execute("SELECT 1 FROM sqlite_master").fetchone()


def test_a_command_without_credentials_says_so_in_one_line_with_exit_2(office: Path) -> None:
    before = file_hashes(office)
    result = hoanhap("check", "--db", office)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"hoanhap: Cơ sở dữ liệu {office} được mã hóa: hãy thêm --user TÊN --password-file "
        "TỆP_MẬT_KHẨU (hoặc --recovery-code-file TỆP_MÃ)."]
    assert file_hashes(office) == before


def test_commands_work_with_the_password_and_refuse_a_wrong_one(office: Path) -> None:
    pw = office.parent / "pw.txt"
    result = hoanhap("check", "--db", office, "--user", "quantri", "--password-file", pw)
    assert result.returncode == 0, result.stderr
    assert "Toàn vẹn: tốt" in result.stdout
    figures = hoanhap("figures", "--db", office, "--period", "2026-Q3", "--json",
                      "--user", "quantri", "--password-file", pw)
    assert figures.returncode == 0, figures.stderr
    assert json.loads(figures.stdout)["period"]["code"] == "2026-Q3"
    before = file_hashes(office)
    wrong = hoanhap("check", "--db", office, "--user", "quantri", "--password-file",
                    secret(office.parent, "wrong.txt", "khong-phai-mat-khau"))
    assert wrong.returncode == 1
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    assert file_hashes(office) == before


def test_the_recovery_code_opens_and_sets_a_new_password(office: Path,
                                                       pristine: tuple[Path, str]) -> None:
    folder = office.parent
    code_file = secret(folder, "code.txt", pristine[1])
    check = hoanhap("check", "--db", office, "--recovery-code-file", code_file)
    assert check.returncode == 0, check.stderr
    result = hoanhap("recover", "--db", office, "--recovery-code-file", code_file,
                     "--user", "quantri", "--new-password-file",
                     secret(folder, "new.txt", "mat-khau-moi-hoan-toan"))
    assert result.returncode == 0, result.stderr
    old = hoanhap("check", "--db", office, "--user", "quantri", "--password-file",
                  folder / "pw.txt")
    assert old.returncode == 1
    new = hoanhap("check", "--db", office, "--user", "quantri", "--password-file",
                  folder / "new.txt")
    assert new.returncode == 0, new.stderr


def test_backup_and_restore_from_the_command_line(office: Path) -> None:
    pw = office.parent / "pw.txt"
    login = ("--user", "quantri", "--password-file", pw)
    copy = office.parent / "copy.db"
    result = hoanhap("backup", "--db", office, "--out", copy, *login)
    assert result.returncode == 0, result.stderr
    assert Path(f"{copy}.keys").exists()
    refused = hoanhap("restore", "--db", office, copy)
    assert refused.returncode == 2
    restored = hoanhap("restore", "--db", office, copy, *login)
    assert restored.returncode == 0, restored.stderr
    assert hoanhap("check", "--db", office, *login).returncode == 0


def test_a_plain_backup_over_an_encrypted_database_needs_allow_unencrypted(
        office: Path) -> None:
    plain = office.parent / "plain.db"
    made = hoanhap("init", "--db", plain, "--unit-code", "19001", "--unit-name", "X",
                   "--province", "Y", "--admin", "quantri", "--admin-password-file",
                   office.parent / "pw.txt", "--plain")
    assert made.returncode == 0, made.stderr
    before = file_hashes(office, Path(f"{office}.keys"))
    refused = hoanhap("restore", "--db", office, plain)
    assert refused.returncode == 1
    assert "chưa được mã hóa" in refused.stderr
    assert "--allow-unencrypted" in refused.stderr
    assert file_hashes(office, Path(f"{office}.keys")) == before
    allowed = hoanhap("restore", "--db", office, plain, "--allow-unencrypted")
    assert allowed.returncode == 0, allowed.stderr
    warning = allowed.stdout.splitlines()[-1]
    assert warning.startswith("Cảnh báo:")
    assert "KHÔNG được mã hóa" in warning
    assert "hoanhap encrypt" in warning
    con = sqlite3.connect(office)  # the plain driver reads it now
    assert con.execute("SELECT code FROM units").fetchall() == [("19001",)]
    con.close()


def test_encrypt_converts_a_plain_demo_database(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    made = hoanhap("demo", "--db", db, "--persons", "8", "--seed", "2", "--today",
                   "2026-11-26")
    assert made.returncode == 0, made.stderr
    plain = hoanhap("figures", "--db", db, "--period", "2026-Y", "--json")
    pw = secret(tmp_path, "demo.txt", "hoanhap-demo")
    result = hoanhap("encrypt", "--db", db, "--user", "admin", "--password-file", pw)
    assert result.returncode == 0, result.stderr
    assert len(CODE.findall(result.stdout)) == 1
    assert "canbo, lanhdao" in result.stdout
    after = hoanhap("figures", "--db", db, "--period", "2026-Y", "--json", "--user", "admin",
                    "--password-file", pw)
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout) == json.loads(plain.stdout)
    again = hoanhap("encrypt", "--db", db, "--user", "admin", "--password-file", pw)
    assert again.returncode == 1
    assert "đã được mã hóa" in again.stderr


def test_init_plain_opts_out(tmp_path: Path) -> None:
    db = tmp_path / "plain.db"
    result = hoanhap("init", "--db", db, "--unit-code", "19001", "--unit-name", "X",
                     "--province", "Y", "--admin", "quantri", "--admin-password-file",
                     secret(tmp_path, "pw.txt", PASSWORD), "--plain")
    assert result.returncode == 0, result.stderr
    assert "KHÔNG mã hóa" in result.stdout
    assert not CODE.findall(result.stdout)
    con = sqlite3.connect(db)
    assert con.execute("SELECT code FROM units").fetchall() == [("19001",)]
    con.close()
