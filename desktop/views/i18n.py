"""Vietnamese UI: compile the Qt Linguist sources (.ts → .qm) and install the translators.

Source strings are English; `resources/translations/hoanhap_vi.ts` translates ours and
`qt_vi.ts` translates Qt's own standard buttons and dialogs (Qt ships no Vietnamese).
The `.qm` files are built, never committed: by the installer build, or on first start
from the `.ts` when running from source.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.resources import resource_path

log = logging.getLogger("hoanhap")
CATALOGUES = ("hoanhap_vi", "qt_vi")
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resource_path("translations")


def qt_tool(name: str) -> Path | None:
    """PySide6's bundled lrelease/lupdate (absent in a frozen app, which ships .qm files)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (name, f"{name}.exe", f"Qt/libexec/{name}"):
        if (folder / candidate).exists():
            return folder / candidate
    return None


def lrelease_executable() -> Path | None:
    return qt_tool("lrelease")


def view_sources() -> list[Path]:
    """Every Python file of the GUI, where the translatable strings are."""
    return sorted(Path(__file__).resolve().parent.rglob("*.py"))


def update_ts(ts: Path | None = None) -> None:
    """Re-extract our strings into `hoanhap_vi.ts` (new ones marked unfinished)."""
    import subprocess

    tool = qt_tool("lupdate")
    if tool is None:
        raise RuntimeError("pyside6 lupdate not found")
    target = ts or translations_dir() / "hoanhap_vi.ts"
    subprocess.run([str(tool), "-silent", "-no-obsolete", "-locations", "none",
                    *map(str, view_sources()), "-ts", str(target)], check=True)


def build_qm(force: bool = False) -> list[Path]:
    """Compile every stale `.ts` to `.qm` beside it; returns the `.qm` files written."""
    tool = lrelease_executable()
    written: list[Path] = []
    for name in CATALOGUES:
        ts = translations_dir() / f"{name}.ts"
        qm = ts.with_suffix(".qm")
        if not ts.exists() or tool is None:
            continue
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            import subprocess  # only from source, when a .ts changed: not at every start

            done = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)],
                                  capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise OSError(f"lrelease failed on {ts.name}: {done.stderr.strip()}")
            written.append(qm)
    return written


def install_translations(app: QCoreApplication) -> None:
    """Load Vietnamese for our strings and Qt's; dates and numbers in the vi_VN locale."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    try:
        build_qm()
    except OSError as exc:
        log.warning("could not build translations: %s", exc)
    for name in CATALOGUES:
        translator = QTranslator(app)
        if translator.load(str(translations_dir() / f"{name}.qm")):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found; the UI falls back to English", name)


if __name__ == "__main__":
    if "--update" in sys.argv:
        update_ts()
    print("\n".join(str(p) for p in build_qm(force="--force" in sys.argv)))
