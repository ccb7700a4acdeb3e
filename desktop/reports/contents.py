"""What each form's snapshot holds, gathered once when the report is produced.

Figures come only from `desktop.reports.figures` (the one computation); the lists of
people from `desktop.reports.annex`; Form 01's loan requests from `desktop.reports.loan_list`
(the papers about one person are gathered by `desktop.reports.person_contents`). The result
is plain JSON data: the PDF, the XLSX and the USB package all read it back from the stored
snapshot, never from a second query.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Unit
from desktop.reports.annex import MISSING, people_managed_at
from desktop.reports.catalog import FORM01, FormDef
from desktop.reports.figures import (
    Figures,
    compute_figures,
    compute_figures_by_unit,
    compute_figures_by_year,
)
from desktop.reports.loan_list import collect_loan_list
from desktop.rules.classification import CLASSIFICATIONS
from desktop.rules.periods import Period, quarters_ending_in
from desktop.services import locking
from desktop.services.records import ENTITY_LABELS

# How an adjustment's change reads in the report ("bổ sung lần gặp gỡ ngày …").
ACTION_WORDS = {
    "create": "bổ sung", "update": "sửa", "delete": "xóa", "receive": "tiếp nhận",
    "end_management": "kết thúc quản lý",
}


def _figures(f: Figures) -> dict[str, Any]:
    values = f.to_json_dict()["figures"]
    assert isinstance(values, dict)
    return dict(values)


def _slice(f: Figures) -> dict[str, Any]:
    return {"code": f.period.code, "start": f.period.start.isoformat(),
            "end": f.period.end.isoformat(), "figures": _figures(f)}


def _by_year(session: Session, unit: Unit, period: Period) -> list[dict[str, Any]]:
    """One column per reporting year for a custom multi-year range (REPORTS.md §2)."""
    if period.kind != "custom":
        return []
    years = compute_figures_by_year(session, period, unit.code, unit.period_convention,
                                    unit.year_start_month)
    return [_slice(f) for f in years] if len(years) > 1 else []


def _last_quarter(unit: Unit, period: Period) -> Period | None:
    """The last quarter ending inside the period: the classification the annex shows."""
    quarters = quarters_ending_in(period, unit.period_convention, unit.year_start_month)
    return quarters[-1] if quarters else None


def _unit_names(session: Session) -> dict[str, str]:
    rows = session.execute(select(Unit.code, Unit.name).where(Unit.deleted_at.is_(None)))
    return {str(code): str(name) for code, name in rows}


def _by_unit(session: Session, period: Period) -> list[dict[str, Any]]:
    """Every unit held, one row each; a unit without people still gets its row (its
    community models count in the total)."""
    names = _unit_names(session)
    per_unit = compute_figures_by_unit(session, period)
    for code in names.keys() - per_unit.keys():
        per_unit[code] = compute_figures(session, period, code)
    return [{"unit_code": code, "unit_name": names.get(code, code),
             "figures": _figures(per_unit[code])} for code in sorted(per_unit)]


def _classification(session: Session, unit: Unit, period: Period) -> dict[str, Any]:
    """HCD-09: the people managed at the quarter's end, grouped A, B, C, D, missing."""
    rows = people_managed_at(session, unit.code, period.end, period.code)
    groups: dict[str, list[dict[str, str]]] = {c: [] for c in (*CLASSIFICATIONS, MISSING)}
    for row in rows:
        groups[row.classification].append(row.to_json())
    return {"quarter": period.code, "groups": groups}


def adjustments_for(session: Session, form: FormDef, unit_code: str,
                    period: Period) -> list[dict[str, Any]]:
    """Corrections to signed periods not yet listed by this form's previous signed report.

    The previous signed report listed what existed when it was produced, so this one
    lists what came after; the first report of a form lists every earlier correction.
    """
    previous = locking.last_signed_before(session, unit_code, form.code, period.start)
    after = previous.produced_at if previous is not None else None
    return [
        {"report_form": a.report_form, "report_period": a.report_period.label_vi,
         "entity": ENTITY_LABELS.get(a.entity, a.entity),
         "action": ACTION_WORDS.get(a.action, a.action), "day": a.day.isoformat(),
         "reason": a.reason, "by": a.created_by, "at": a.created_at.isoformat()}
        for a in locking.adjustments_since(session, unit_code, after, period.start)
    ]


def collect(session: Session, form: FormDef, unit: Unit, period: Period) -> dict[str, Any]:
    """The figures and lists of `form` for `unit` (the issuer, for a consolidation)."""
    if form.scope == "all_units":
        return {"figures": _figures(compute_figures(session, period, None)),
                "by_unit": _by_unit(session, period)}
    if form.base == FORM01:
        return collect_loan_list(session, unit, period)
    data: dict[str, Any] = {"figures": _figures(compute_figures(session, period, unit.code))}
    if form.base == "HCD-13":
        quarter = _last_quarter(unit, period)
        data["by_year"] = _by_year(session, unit, period)
        code = quarter.code if quarter is not None else None
        data["annex_quarter"] = quarter.label_vi if quarter is not None else None
        data["annex"] = [r.to_json() for r in
                         people_managed_at(session, unit.code, period.end, code)]
    if form.base == "HCD-09":
        data["classification"] = _classification(session, unit, period)
    return data
