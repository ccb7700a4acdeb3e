"""`hoanhap --self-test`: passes from source, and a broken step fails the run by name."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from desktop import cli, selftest
from desktop.reports import verification
from desktop.reports.verification import VerificationResult
from desktop.selftest import STEPS, Step, StepFailed, run_self_test

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def step_lines(output: str) -> list[str]:
    """The per-step lines (between the header and the closing "Kết quả" line)."""
    return [line for line in output.splitlines() if line[:2] in ("✓ ", "✗ ", "– ")]


def test_the_self_test_passes_from_source_as_a_user_runs_it() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "desktop", "--self-test"], env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=600,
                            check=False)
    lines = step_lines(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line.split(" — ")[0] for line in lines] == [f"✓ {s.title}" for s in STEPS]
    assert "Hợp lệ, phủ toàn bộ tệp" in result.stdout
    assert "15 người sang cơ sở dữ liệu thứ hai" in result.stdout
    assert result.stdout.rstrip().endswith(f"Kết quả: ĐẠT — {len(STEPS)}/{len(STEPS)} bước.")


def _tampered(pdf: bytes, known: object = None) -> VerificationResult:
    return VerificationResult(signed=True, intact=False, covers_whole_file=False,
                              signer_name="X", signer_fingerprint="", signing_time=None,
                              known_signer=None, problems=("Tài liệu đã bị sửa sau khi ký.",))


def test_a_broken_step_exits_non_zero_and_is_named(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str],
                                                   qapp: object) -> None:
    # `qapp`: the Qt step then reuses pytest-qt's QApplication instead of making its own.
    monkeypatch.setattr(verification, "verify_pdf", _tampered)
    code = cli.main(["--self-test"])
    out = capsys.readouterr().out
    assert code != 0
    failed = [line for line in step_lines(out) if line.startswith("✗")]
    assert failed == ["✗ Kiểm tra chữ ký số : chữ ký không hợp lệ trên toàn bộ tệp "
                      "(Tài liệu đã bị sửa sau khi ký.)"]
    # The other steps still ran and say so: one failure does not hide the rest.
    assert sum(line.startswith("✓") for line in step_lines(out)) == len(STEPS) - 1
    assert "Kết quả: KHÔNG ĐẠT — 1 bước lỗi: Kiểm tra chữ ký số." in out


def _fails(_run: object) -> str:
    raise StepFailed("hỏng có chủ ý")


def _works(_run: object) -> str:
    return "được"


def test_a_step_whose_input_failed_is_reported_as_not_run() -> None:
    out = io.StringIO()
    steps = (Step("a", "Bước A", _fails), Step("b", "Bước B", _works, ("a",)),
             Step("c", "Bước C", _works))
    results = run_self_test(out, steps=steps)
    assert [r.state for r in results] == ["failed", "failed", "ok"]
    assert "✗ Bước A : hỏng có chủ ý" in out.getvalue()
    assert "✗ Bước B : không chạy được vì bước “Bước A” không đạt" in out.getvalue()
    assert selftest.exit_code(results) == 1


def test_an_exchange_not_shipped_yet_is_skipped_visibly(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.services import exchange

    monkeypatch.delattr(exchange, "import_package")
    chosen = tuple(s for s in STEPS if s.key in ("database", "demo", "exchange"))
    out = io.StringIO()
    results = run_self_test(out, steps=chosen)
    assert [r.state for r in results] == ["ok", "ok", "skipped"]
    assert "– Xuất gói đầy đủ và nhập vào cơ sở dữ liệu thứ hai : bỏ qua: chưa có" \
        in out.getvalue()
    assert selftest.exit_code(results) == 0  # visible, but not a failure of this build


def test_an_unexpected_error_is_one_line_with_its_type() -> None:
    def crash(_run: object) -> str:
        raise ModuleNotFoundError("No module named 'pyhanko.sign.pkcs11'")

    out = io.StringIO()
    results = run_self_test(out, steps=(replace(STEPS[0], run=crash),))
    assert results[0].line() == (f"✗ {STEPS[0].title} : ModuleNotFoundError: "
                                 "No module named 'pyhanko.sign.pkcs11'")
    assert "Traceback" not in out.getvalue()
