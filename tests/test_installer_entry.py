"""The frozen app's entry script (installer/hoanhap_main.py), which both executables run.

The windowed Windows HoaNhap.exe has no console (sys.stdout is None): asked for a command it
must run nothing — above all not `init`/`encrypt`, whose recovery code would be printed
nowhere — and point to hoanhap-cli.exe instead. Output sent to a file or pipe is UTF-8.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest

import desktop.config

ROOT = Path(__file__).resolve().parent.parent


def _load_entry() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "hoanhap_main", ROOT / "installer" / "hoanhap_main.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


entry = _load_entry()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The texts a message box would have shown; the log folder goes to tmp_path."""
    texts: list[str] = []
    monkeypatch.setattr(desktop.config, "log_dir", lambda: tmp_path / "Logs")
    monkeypatch.setattr(entry, "show_message", texts.append)
    return texts


def run_windowless(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    """Run the entry as the windowed exe does: no stdout/stderr at all. (Set inside the
    test, not in a fixture: pytest's capture puts its own streams back before the test.)"""
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", None)
        patch.setattr(sys, "stderr", None)
        code: int = entry.main(argv)
    return code


def _init_args(tmp_path: Path) -> list[str]:
    password = tmp_path / "pw.txt"
    password.write_text("mat-khau-dai-du-12\n", encoding="utf-8")
    return ["init", "--db", str(tmp_path / "office.db"), "--unit-code", "XA-01",
            "--unit-name", "Xã Thử", "--province", "Hà Nội", "--admin", "quantri",
            "--admin-password-file", str(password)]


def test_the_windowless_program_refuses_init_and_names_the_console_program(
        monkeypatch: pytest.MonkeyPatch, shown: list[str], tmp_path: Path) -> None:
    code = run_windowless(monkeypatch, _init_args(tmp_path))
    assert code == 2
    # Nothing ran: no database, so no recovery code was made to be lost.
    assert not (tmp_path / "office.db").exists()
    assert not (tmp_path / "office.db.keys").exists()
    [message] = shown
    assert "hoanhap-cli" in message
    assert f"init --db {tmp_path / 'office.db'}" in message
    assert "Mã khôi phục" in message
    note = (tmp_path / "Logs" / "dong-lenh.txt").read_text(encoding="utf-8")
    assert "lệnh chưa được chạy" in note
    assert "hoanhap-cli" in note


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["figures", "--db", "x.db"],
                                  ["--no-such-option"]])
def test_help_version_and_bad_options_are_console_requests_too(
        monkeypatch: pytest.MonkeyPatch, shown: list[str], argv: list[str]) -> None:
    assert run_windowless(monkeypatch, argv) == 2
    assert len(shown) == 1


@pytest.mark.parametrize("argv", [[], ["--demo"], ["--db", "x.db"], ["--self-test"]])
def test_the_window_and_the_self_test_are_not_console_requests(argv: list[str]) -> None:
    # The installer runs the windowless `--self-test`: it writes its own report file.
    assert entry.wants_console(argv) is False


def test_with_a_console_the_command_runs(tmp_path: Path) -> None:
    template = tmp_path / "mau.xlsx"
    assert entry.main(["excel-template", "--out", str(template)]) == 0
    assert template.exists()


def test_redirected_output_is_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    ansi = io.TextIOWrapper(raw, encoding="cp1252")  # what Windows gives a pipe or a file
    monkeypatch.setattr(sys, "stdout", ansi)
    entry.utf8_when_redirected()
    print("✓ Kết quả: ĐẠT", file=sys.stdout)
    sys.stdout.flush()
    assert raw.getvalue().decode("utf-8") == "✓ Kết quả: ĐẠT\n"
