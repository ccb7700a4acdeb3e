"""`hoanhap figures`: the report figure set of a period, per unit, as JSON or a table."""

from __future__ import annotations

import argparse
import json
from typing import Any

from sqlalchemy import select

from desktop.commands.errors import CommandError
from desktop.commands.opening import open_db
from desktop.models import Unit
from desktop.reports.figures import (
    Figures,
    compute_figures,
    compute_figures_by_unit,
    compute_figures_by_year,
)
from desktop.rules.periods import Convention, Period, parse_period


def _unit_and_convention(s: Any, code: str | None) -> tuple[Unit | None, Convention, int]:
    if code is not None:
        unit = s.scalar(select(Unit).where(Unit.code == code, Unit.deleted_at.is_(None)))
        if unit is None:
            raise CommandError(f"Không có đơn vị mã {code} trong cơ sở dữ liệu.")
    else:
        unit = s.scalar(select(Unit).where(Unit.is_home.is_(True)))
    if unit is None:
        return None, Convention.CUTOFF, 12
    return unit, Convention(unit.period_convention), unit.year_start_month


def _unit_block(s: Any, figures: Figures, period: Period, args: argparse.Namespace,
                convention: Convention, start_month: int) -> dict[str, Any]:
    block = figures.to_json_dict()
    if args.by_year:
        block["by_year"] = [f.to_json_dict() for f in compute_figures_by_year(
            s, period, figures.unit_code, convention, start_month)]
    return block


def figures(args: argparse.Namespace) -> int:
    """Compute and print; every unit separately, plus the total when no --unit is given."""
    db = open_db(args)
    try:
        with db.session() as s:
            unit, convention, start_month = _unit_and_convention(s, args.unit)
            period = parse_period(args.period, convention, start_month)
            if unit is not None and args.unit:
                per_unit = {unit.code: compute_figures(s, period, unit.code)}
            else:
                per_unit = compute_figures_by_unit(s, period)
            doc: dict[str, Any] = {
                "period": {"code": period.code, "start": period.start.isoformat(),
                           "end": period.end.isoformat(), "convention": convention.value},
                "units": [_unit_block(s, f, period, args, convention, start_month)
                          for _, f in sorted(per_unit.items())],
            }
            if not args.unit:
                doc["total"] = compute_figures(s, period, None).to_json_dict()
    finally:
        db.close()
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _print_table(doc)
    return 0


def _print_table(doc: dict[str, Any]) -> None:
    period = doc["period"]
    print(f"Kỳ {period['code']}: {period['start']} … {period['end']}")
    for block in doc["units"] + ([doc["total"]] if "total" in doc else []):
        print(f"\n== {block['unit_code'] or 'Tất cả đơn vị'} ==")
        for key, value in block["figures"].items():
            shown = "" if value is None else value
            print(f"  {key:32} {shown}")
