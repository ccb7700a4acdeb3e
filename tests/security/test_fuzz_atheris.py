"""Coverage-guided fuzzing with atheris (libFuzzer) where it installs (issue #7 part 5).

atheris ships wheels for Linux x86-64 only; elsewhere (Windows, macOS) these tests are
skipped and the hypothesis tests beside them still run. Each target runs in its own process
for a bounded number of inputs (libFuzzer exits the process when done); a crash, i.e. any
exception other than the product's clean refusal, makes libFuzzer exit non-zero and the test
prints the traceback and the input that caused it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.security._workers import __file__ as _workers_file
from tests.security.test_fuzz_excel import _valid_xlsx
from tests.security.world import template

pytestmark = pytest.mark.skipif(importlib.util.find_spec("atheris") is None,
                                reason="atheris is not installed (Linux x86-64 wheels only)")

REPO = Path(_workers_file).resolve().parents[2]
RUNS = {"period": 20000, "package": 1000, "key_card": 3000, "workbook": 300}


def _seeds(target: str) -> list[bytes]:
    """Valid inputs to start from: libFuzzer mutates them towards new branches."""
    if target == "period":
        return [b"2026-Q3", b"2026-M07", b"2026-H2", b"2026-Y", b"2021-03-22..2025-10-31"]
    if target == "package":
        return [template().package.read_bytes()]
    if target == "key_card":
        return [template().key_card.read_bytes()]
    return [_valid_xlsx()]


@pytest.mark.parametrize("target", sorted(RUNS))
def test_atheris_finds_no_crash(target: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, seed in enumerate(_seeds(target)):
        (corpus / f"seed{n}").write_bytes(seed)
    result = subprocess.run(
        [sys.executable, "-m", "tests.security._atheris_targets", target,
         f"-runs={RUNS[target]}", "-max_total_time=5", "-max_len=65536", "-seed=20261126",
         f"-artifact_prefix={tmp_path}/", str(corpus)],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Done" in result.stderr
    # Coverage feedback worked: the fuzzer kept inputs beyond the seeds it was given.
    assert len(list(corpus.iterdir())) > len(_seeds(target)), result.stderr[-2000:]
