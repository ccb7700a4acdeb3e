"""Architecture rule: nothing below desktop/views/ imports Qt (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop

PACKAGE = Path(desktop.__file__).parent


def qt_imports(path: Path) -> list[str]:
    """Module names starting with PySide6 imported anywhere in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "PySide6"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "PySide6":
            found.append(node.module or "")
    return found


def test_core_does_not_import_qt() -> None:
    offenders = {
        str(p.relative_to(PACKAGE)): qt_imports(p)
        for p in PACKAGE.rglob("*.py")
        if "views" not in p.relative_to(PACKAGE).parts and qt_imports(p)
    }
    assert offenders == {}


def test_detector_finds_qt_imports(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\nimport PySide6.QtGui\n")
    assert qt_imports(sample) == ["PySide6.QtCore", "PySide6.QtGui"]
