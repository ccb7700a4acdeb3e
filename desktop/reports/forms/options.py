"""The printing options every form takes; kept apart so that naming them loads no reportlab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RenderOptions:
    """What the officer may set when printing: the date and number written in the header
    (the clerk's registration), and the signer's name when the unit has none on file."""

    issued_on: date | None = None
    number: str = ""
    signer_name: str | None = None
