"""The Qt part of `hoanhap --self-test` (see `desktop.selftest`): Qt's libraries and
platform plugins load, and the Vietnamese catalogues are there and readable.

It lives under views/ because it imports Qt (the core stays Qt-free, ARCHITECTURE.md);
`desktop.selftest` imports it only inside its last step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QGuiApplication

from desktop.views.i18n import CATALOGUES, build_qm, translations_dir

# The plugin each desktop needs to open real windows: the self-test draws offscreen, so
# it can only prove the native one is shipped, not that the desktop accepts it.
NATIVE_PLATFORM = {"win32": "qwindows", "linux": "qxcb", "darwin": "qcocoa"}

# A Qt string every Vietnamese build must translate (the wizard's "Next" button).
QT_PROBE = ("QWizard", "&Next >")

_kept: list[QCoreApplication] = []  # the application must outlive this call


def _platform_plugins() -> list[str]:
    """File names in every `platforms/` folder Qt searches (usable before any app exists)."""
    names: list[str] = []
    for folder in QCoreApplication.libraryPaths():
        platforms = Path(folder) / "platforms"
        if platforms.is_dir():
            names += [p.name for p in platforms.iterdir()]
    return names


def _application() -> QGuiApplication:
    """The running application (tests, the GUI) or a new one on the offscreen platform."""
    app = QCoreApplication.instance()
    if app is None:
        app = QGuiApplication(["hoanhap", "-platform", "offscreen"])
        _kept.append(app)
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("đã có một ứng dụng Qt không có giao diện trong tiến trình này")
    return app


def _check_plugins() -> str:
    plugins = _platform_plugins()
    if not any("qoffscreen" in name for name in plugins):
        raise RuntimeError("không tìm thấy plugin nền tảng offscreen của Qt "
                           f"(thư mục plugin: {', '.join(QCoreApplication.libraryPaths())})")
    native = NATIVE_PLATFORM.get(sys.platform)
    if native is not None and not any(native in name for name in plugins):
        raise RuntimeError(f"thiếu plugin nền tảng {native} của Qt: không mở được cửa sổ")
    return native or "không rõ"


def _check_translations() -> list[str]:
    """Load each catalogue; a missing or empty one would show the UI in English."""
    build_qm()  # from source only: a frozen bundle has no lrelease and ships the .qm files
    loaded = []
    for name in CATALOGUES:
        path = translations_dir() / f"{name}.qm"
        translator = QTranslator()
        if not translator.load(str(path)) or translator.isEmpty():
            raise RuntimeError(f"không nạp được bản dịch {path}")
        if not translator.language().startswith("vi"):
            raise RuntimeError(f"bản dịch {path.name} không phải tiếng Việt "
                               f"({translator.language()})")
        if name == "qt_vi" and translator.translate(*QT_PROBE) in ("", QT_PROBE[1]):
            raise RuntimeError(f"bản dịch {path.name} không dịch nút “{QT_PROBE[1]}” của Qt")
        loaded.append(name)
    return loaded


def check_qt() -> str:
    """Run the checks; returns what was found, raises RuntimeError with a Vietnamese reason."""
    native = _check_plugins()
    app = _application()
    loaded = _check_translations()
    return (f"nền tảng {app.platformName()}, có plugin {native}, "
            f"bản dịch {', '.join(loaded)}")
