"""Vietnamese output survives a console or pipe whose code page cannot encode it (Windows
sends redirected output in the ANSI code page, cp1252 on many PCs)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_help_prints_vietnamese_through_a_cp1252_pipe() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    done = subprocess.run([sys.executable, "-m", "desktop", "--help"], capture_output=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")
    assert "cơ sở dữ liệu" in text
