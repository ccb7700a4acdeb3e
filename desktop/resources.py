"""Locating bundled resources (fonts, translations, icons) from source, install or frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The `resources/` folder: inside a PyInstaller bundle, or beside the package."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file below `resources/`, e.g. resource_path("fonts", "LiberationSerif-Regular.ttf")."""
    return resources_root().joinpath(*parts)
