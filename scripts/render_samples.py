"""Render sample pages of every form into docs/samples/ (PNG, 60 dpi).

Builds a demo database in a temporary folder (3 units, fixed seed and date, so the pages
are the same on every run, plus a few loan requests for Form 01), produces each form from
one snapshot (PDF, and XLSX for the forms that have one), and renders a few pages of each
PDF with poppler's `pdftoppm`. Look at the PNGs after a layout change: diacritics,
clipping, header, title, "Nơi nhận" and signature block (Decree 30).

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

from sqlalchemy import select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.db import Database, open_database  # noqa: E402
from desktop.demo import DemoOptions, generate_demo  # noqa: E402
from desktop.models import Evaluation, Person  # noqa: E402
from desktop.reports.forms import RenderOptions, render_pdf  # noqa: E402
from desktop.reports.person_contents import PersonRequest  # noqa: E402
from desktop.reports.snapshot import produce_snapshot  # noqa: E402
from desktop.reports.xlsx import write_xlsx  # noqa: E402
from desktop.services import units  # noqa: E402
from desktop.services.access import Actor  # noqa: E402
from desktop.services.errors import ValidationError  # noqa: E402
from desktop.services.supports import SupportInput, record_support  # noqa: E402
from desktop.text import name_sort_key  # noqa: E402

TODAY = date(2026, 11, 26)
ISSUED = date(2026, 10, 5)
OUT = ROOT / "docs" / "samples"


@dataclass(frozen=True)
class Sample:
    """One form to render: its code, period, file stem and which pages to keep (-1 last);
    a person's paper names which demo person (`managed` or `ended`)."""

    form: str
    period: str | None
    stem: str
    pages: tuple[int, ...]
    person: str | None = None


SAMPLES = (
    Sample("HCD-13", "2026-Q3", "hcd13-2026-Q3", (1, 2, 3, -1)),
    Sample("HCD-13", "2022-03-22..2025-10-31", "hcd13-2022-2025", (3, 5)),
    Sample("HCD-12", "2026-M07", "hcd12-2026-M07", (1, -1)),
    Sample("HCD-09", "2026-Q3", "hcd09-2026-Q3", (1, -1)),
    Sample("HCD-13-TH", "2026-Q3", "hcd13-th-2026-Q3", (1, 2)),
    Sample("HCD-12-TH", "2026-M07", "hcd12-th-2026-M07", (1,)),
    Sample("HCD-02", None, "hcd02-person", (1, 3), "managed"),
    Sample("HCD-05", None, "hcd05-person", (1, -1), "managed"),
    Sample("HCD-07", None, "hcd07-person", (1, -1), "managed"),
    Sample("HCD-08", "2026-Q3", "hcd08-2026-Q3", (1, -1), "managed"),
    Sample("HCD-10", None, "hcd10-person", (1, -1), "ended"),
    Sample("HCD-11", None, "hcd11-person", (1, -1), "ended"),
    Sample("QD22-01", "2026-M11", "form01-2026-M11", (1, -1)),
)
DATED_BY_RECORD = ("HCD-07", "HCD-11")
# Loan requests dated in 2026-M11 (cut-off: 15/10 … 14/11/2026), for Form 01.
LOAN_DAYS = (date(2026, 10, 20), date(2026, 10, 28), date(2026, 11, 3), date(2026, 11, 10))


def _set_up(db: Database) -> str:
    """Demo data plus the signers and recipients a real office would have entered."""
    summary = generate_demo(db, DemoOptions(persons=40, units=3, seed=2026, today=TODAY))
    home = summary.unit_codes[0]
    admin = Actor("admin", "Quản trị hệ thống", "admin", home)
    unit = units.update_unit_settings(db, admin, police_chief="Nguyễn Văn Hùng",
                                      chairperson="Lê Thị Mai")
    recipients = f"{unit.recipient_name} (Phòng PC10)\nĐảng ủy, UBND {unit.place_name}"
    units.update_unit_settings(db, admin, report_recipients=recipients)
    return home


def _people(db: Database, home: str) -> dict[str, str]:
    """The demo people the person papers are about: the first (in name order) managed
    person evaluated in 2026-Q3, and the first whose management ended."""
    with db.reading() as s:
        rows = list(s.execute(select(Person.id, Person.full_name, Person.status)
                              .where(Person.unit_code == home)))
        evaluated = set(s.scalars(select(Evaluation.person_id)
                                  .where(Evaluation.quarter == "2026-Q3")))
    rows.sort(key=lambda r: name_sort_key(r.full_name))
    managed = next(r.id for r in rows if r.status == "managed" and r.id in evaluated)
    ended = next(r.id for r in rows if r.status == "ended")
    return {"managed": managed, "ended": ended}


def _loan_requests(db: Database, officer: Actor, home: str) -> None:
    """A few business-loan requests by eligible people (the service refuses the others)."""
    with db.reading() as s:
        ids = list(s.scalars(select(Person.id).where(Person.unit_code == home,
                                                     Person.status == "managed")
                             .order_by(Person.name_folded)))
    days = list(LOAN_DAYS)
    for person_id in ids:
        if not days:
            return
        request = SupportInput(kind="loan", support_date=days[0], provider="Ngân hàng CSXH",
                               amount_vnd=(30 + 10 * len(days)) * 1_000_000,
                               loan_purpose="business", loan_months=36,
                               note="Chăn nuôi" if len(days) % 2 else "")
        try:
            record_support(db, officer, person_id, request, today=TODAY)
        except ValidationError:
            continue  # not eligible that day: the Form 01 list would leave them out anyway
        days.pop(0)


def _pages(pdf: Path, wanted: tuple[int, ...], count: int, stem: str) -> list[Path]:
    written = []
    for page in sorted({count if p == -1 else p for p in wanted if p <= count}):
        target = OUT / f"{stem}-p{page}"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(target)], check=True)
        written.append(target.with_suffix(".png"))
    return written


def _produce(db: Database, officer: Actor, sample: Sample, people: dict[str, str],
             folder: Path) -> list[Path]:
    request = (PersonRequest(people[sample.person], today=TODAY)
               if sample.person is not None else None)
    snap = produce_snapshot(db, officer, sample.form, sample.period, person=request)
    # A decision is dated by the decision recorded on the person (team, end of management).
    issued = None if sample.form in DATED_BY_RECORD else ISSUED
    rendered = render_pdf(snap, RenderOptions(issued_on=issued))
    pdf = folder / f"{sample.stem}.pdf"
    pdf.write_bytes(rendered.pdf)
    if snap.form_def.scope != "person":  # a person's paper is printed, never consolidated
        (folder / f"{sample.stem}.xlsx").write_bytes(write_xlsx(snap))
    return _pages(pdf, sample.pages, rendered.page_count, sample.stem)


def render_all(folder: Path) -> list[Path]:
    """Every sample's PDF and XLSX into `folder`; the chosen pages as PNG into docs/samples."""
    db = open_database(folder / "demo.db")
    written: list[Path] = []
    try:
        home = _set_up(db)
        officer = Actor("canbo", "Nguyễn Văn Cường", "officer", home)
        _loan_requests(db, officer, home)
        people = _people(db, home)
        for sample in SAMPLES:
            written += _produce(db, officer, sample, people, folder)
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
    for old in [*OUT.glob("hcd*.png"), *OUT.glob("form01*.png")]:
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="hoanhap-samples-") as tmp:
        written = render_all(Path(tmp))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for made in [*Path(tmp).glob("hcd*.*"), *Path(tmp).glob("form01*.*")]:
                shutil.copy(made, args.keep / made.name)
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
