"""Render sample pages of every statistical form into docs/samples/ (PNG, 60 dpi).

Builds a demo database in a temporary folder (3 units, fixed seed and date, so the pages
are the same on every run), produces each form as PDF and XLSX from one snapshot, and
renders a few pages of each PDF with poppler's `pdftoppm`. Look at the PNGs after a layout
change: diacritics, clipping, header, title and signature block (Decree 30).

    python scripts/render_samples.py [--keep FOLDER]   # --keep also saves the PDF/XLSX
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.db import Database, open_database  # noqa: E402
from desktop.demo import DemoOptions, generate_demo  # noqa: E402
from desktop.reports.forms import RenderOptions, render_pdf  # noqa: E402
from desktop.reports.snapshot import produce_snapshot  # noqa: E402
from desktop.reports.xlsx import write_xlsx  # noqa: E402
from desktop.services import units  # noqa: E402
from desktop.services.access import Actor  # noqa: E402

TODAY = date(2026, 11, 26)
ISSUED = date(2026, 10, 5)
OUT = ROOT / "docs" / "samples"


@dataclass(frozen=True)
class Sample:
    """One form to render: its code, period, file stem and which pages to keep (-1 last)."""

    form: str
    period: str
    stem: str
    pages: tuple[int, ...]


SAMPLES = (
    Sample("HCD-13", "2026-Q3", "hcd13-2026-Q3", (1, 2, 3, -1)),
    Sample("HCD-13", "2022-03-22..2025-10-31", "hcd13-2022-2025", (3, 5)),
    Sample("HCD-12", "2026-M07", "hcd12-2026-M07", (1, -1)),
    Sample("HCD-09", "2026-Q3", "hcd09-2026-Q3", (1, -1)),
    Sample("HCD-13-TH", "2026-Q3", "hcd13-th-2026-Q3", (1, 2)),
    Sample("HCD-12-TH", "2026-M07", "hcd12-th-2026-M07", (1,)),
)


def _set_up(db: Database) -> str:
    """Demo data plus the signer and recipients a real office would have entered."""
    summary = generate_demo(db, DemoOptions(persons=40, units=3, seed=2026, today=TODAY))
    home = summary.unit_codes[0]
    admin = Actor("admin", "Quản trị hệ thống", "admin", home)
    unit = units.update_unit_settings(db, admin, police_chief="Nguyễn Văn Hùng")
    recipients = f"{unit.recipient_name} (Phòng PC10)\nĐảng ủy, UBND {unit.place_name}"
    units.update_unit_settings(db, admin, report_recipients=recipients)
    return home


def _pages(pdf: Path, wanted: tuple[int, ...], count: int, stem: str) -> list[Path]:
    written = []
    for page in sorted({count if p == -1 else p for p in wanted if p <= count}):
        target = OUT / f"{stem}-p{page}"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(target)], check=True)
        written.append(target.with_suffix(".png"))
    return written


def render_all(folder: Path) -> list[Path]:
    """Every sample's PDF and XLSX into `folder`; the chosen pages as PNG into docs/samples."""
    db = open_database(folder / "demo.db")
    written: list[Path] = []
    try:
        officer = Actor("canbo", "Nguyễn Văn Cường", "officer", _set_up(db))
        for sample in SAMPLES:
            snap = produce_snapshot(db, officer, sample.form, sample.period)
            rendered = render_pdf(snap, RenderOptions(issued_on=ISSUED))
            pdf = folder / f"{sample.stem}.pdf"
            pdf.write_bytes(rendered.pdf)
            (folder / f"{sample.stem}.xlsx").write_bytes(write_xlsx(snap))
            written += _pages(pdf, sample.pages, rendered.page_count, sample.stem)
    finally:
        db.close()
    return written


def main() -> int:
    """Render the samples; exit 1 when poppler's pdftoppm is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="also keep the PDF and XLSX files here")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is required", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("hcd*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="hoanhap-samples-") as tmp:
        written = render_all(Path(tmp))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for made in Path(tmp).glob("hcd*.*"):
                shutil.copy(made, args.keep / made.name)
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
