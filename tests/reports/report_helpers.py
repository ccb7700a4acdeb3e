"""Shared by the report tests: a demo database built once per run, and reading PDFs back.

The demo database is generated once (it takes seconds) and copied for each test, so tests
may write to their copy freely. PDFs are read back with poppler's `pdftotext -layout`, as
a person would read the printed page; without poppler those tests are skipped, saying so.
"""

from __future__ import annotations

import atexit
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from desktop.db import open_database
from desktop.demo import DemoOptions, generate_demo

DEMO_TODAY = date(2026, 11, 26)


@cache
def _demo_master() -> tuple[Path, tuple[str, ...]]:
    folder = Path(tempfile.mkdtemp(prefix="hoanhap-report-tests-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "demo.db"
    db = open_database(path)
    try:
        summary = generate_demo(db, DemoOptions(persons=40, units=2, seed=5, today=DEMO_TODAY))
    finally:
        db.close()
    return path, summary.unit_codes


def demo_copy(folder: Path) -> tuple[Path, tuple[str, ...]]:
    """A private copy of the demo database (2 units × 40 people) and its unit codes."""
    master, codes = _demo_master()
    target = folder / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{master}{suffix}")
        if source.exists():
            shutil.copyfile(source, Path(f"{target}{suffix}"))
    return target, codes


def pdf_pages(pdf: bytes, folder: Path) -> list[str]:
    """The text of each page as `pdftotext -layout` lays it out."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: cannot read the PDF back")
    path = folder / "read-back.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


_NUMBER = re.compile(r"^[\d.,]+$")


def trailing_numbers(line: str) -> list[str]:
    """The numeric tokens at the end of a table line (the value columns)."""
    values: list[str] = []
    for token in reversed(line.split()):
        if not _NUMBER.match(token):
            break
        values.insert(0, token)
    return values


class LineCursor:
    """Finds table rows in printed order, so repeated labels ("Số người được hỗ trợ")
    are matched to the right row."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.at = 0

    def row(self, number: str, label: str) -> str:
        """The next line starting with the row number followed by the label's first words
        (a long label may wrap; its values stay on the first line)."""
        words = " ".join(label.split()[:2])
        pattern = re.compile(rf"^\s*{re.escape(number)}\s+{re.escape(words)}")
        for index in range(self.at, len(self.lines)):
            if pattern.search(self.lines[index]):
                self.at = index + 1
                return self.lines[index]
        raise AssertionError(f"row {number} {label!r} not found after line {self.at}")


def non_blank(values: Sequence[str]) -> list[str]:
    """What a row prints: blank cells (a percentage without a denominator) leave no token."""
    return [v for v in values if v]
