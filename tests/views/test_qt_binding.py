"""The Qt binding itself: a build that corrupts Python's reference counts must not ship.

PySide6 6.12.0 on CPython 3.11 drops one reference to None on every call of a void Qt
method; after a few thousand calls the process aborts with "none_dealloc" (None only became
immortal in Python 3.12). pyproject.toml excludes that build; this test catches it if a
resolver ever picks it again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox


def test_void_qt_calls_keep_none_alive() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")
    assert abs(sys.getrefcount(None) - before) <= 10  # the broken build: -1000


def test_qt_calls_returning_none_keep_none_alive(qtbot: object) -> None:
    combo = QComboBox()
    combo.addItem("không có dữ liệu")  # item data is None
    before = sys.getrefcount(None)
    for _ in range(1000):
        combo.currentData()
    assert abs(sys.getrefcount(None) - before) <= 2  # a cached None may stay referenced
