"""Choosing a statistical report and previewing its figures (SPEC §5.5, REPORTS.md §2–3).

Which forms the unit may produce, the period codes the pickers build and the dates they
stand for in the unit's convention, and the figures a report would carry. The preview
reads them through `reports.contents.collect`, the very function that fills a report's
snapshot, so the numbers on screen are the numbers the PDF will carry. Nothing is stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.models import Unit
from desktop.reports.catalog import FORMS, FormDef, get_form
from desktop.reports.contents import collect
from desktop.reports.figures_keys import FigureValue
from desktop.reports.forms.rows import STATISTICS, Kind, value_of
from desktop.rules.periods import (
    Period,
    PeriodKind,
    half_of,
    month_of,
    parse_period,
    quarter_of,
    year_of,
)
from desktop.services import validation
from desktop.services.access import Action, Actor, require
from desktop.services.errors import NotFound, ValidationError

__all__ = [
    "FORM_LABELS", "FigureLine", "FigureSection", "FormChoice", "Kind", "ReportPreview",
    "available_forms", "current_period", "figure_labels", "period_text", "preview",
    "resolve_period",
]

# The statistical forms this screen offers, as the form list names them (the printed
# title's summary line is in the catalog).
FORM_LABELS = {
    "HCD-13": "HCD-13 – Báo cáo kết quả công tác",
    "HCD-13-TH": "HCD-13 – Báo cáo tổng hợp các đơn vị",
    "HCD-12": "HCD-12 – Thống kê số liệu hằng tháng",
    "HCD-12-TH": "HCD-12 – Thống kê tổng hợp các đơn vị",
    "HCD-09": "HCD-09 – Danh sách phân loại A, B, C, D",
}


# --- forms and periods ---------------------------------------------------------------------

@dataclass(frozen=True)
class FormChoice:
    """A form the user may produce: stored code, paper form, label and periods it takes."""

    code: str
    base: str
    label: str
    kinds: tuple[PeriodKind, ...]
    consolidated: bool


def available_forms(db: Database, actor: Actor) -> list[FormChoice]:
    """The unit's statistical forms; their consolidations when more than one unit is held.

    Only the forms carrying the statistics of REPORTS.md §3 are offered here (the papers
    about one person are printed from the person page).
    """
    require(actor, Action.PRODUCE_REPORTS)
    with db.reading() as session:
        units_held = session.scalar(select(func.count()).select_from(Unit)
                                    .where(Unit.deleted_at.is_(None))) or 0
    return [FormChoice(f.code, f.base, FORM_LABELS.get(f.code, f.code), f.kinds,
                       f.scope == "all_units")
            for f in FORMS.values()
            if f.code in FORM_LABELS and (f.scope == "unit" or units_held > 1)]


def period_text(kind: PeriodKind, year: int, index: int = 1, start: date | None = None,
                end: date | None = None) -> str:
    """The period code the engine reads: 2026-M07, 2026-Q3, 2026-H1, 2026-Y, a..b."""
    if kind == "custom":
        if start is None or end is None:
            raise ValidationError("period", "Hãy chọn cả ngày bắt đầu và ngày kết thúc.")
        return f"{start.isoformat()}..{end.isoformat()}"
    if kind == "year":
        return f"{year}-Y"
    if kind == "month":
        return f"{year}-M{index:02d}"
    return f"{year}-{'Q' if kind == 'quarter' else 'H'}{index}"


def resolve_period(text: str, convention: str, year_start_month: int) -> Period:
    """The dates a period code stands for in a unit's convention (ValidationError if bad)."""
    return validation.rule(parse_period, text, convention, year_start_month)


def current_period(kind: PeriodKind, today: date, convention: str,
                   year_start_month: int) -> Period:
    """The month, quarter, half or year (in the unit's convention) that contains `today`;
    a custom range starts as the current quarter."""
    pick = {"month": month_of, "quarter": quarter_of, "half": half_of, "year": year_of}
    if kind == "custom":
        return quarter_of(today, convention, year_start_month)
    return pick[kind](today, convention, year_start_month)


def _resolve(session: Session, actor: Actor, form: FormDef, unit_code: str | None,
             text: str) -> tuple[Unit, Period]:
    """The unit the report is about (the issuer for a consolidation) and its period."""
    code = actor.unit_code if form.scope == "all_units" else (unit_code or actor.unit_code)
    unit = session.scalar(select(Unit).where(Unit.code == code, Unit.deleted_at.is_(None)))
    if unit is None:
        raise NotFound(f"Không có đơn vị mã {code} trong cơ sở dữ liệu.")
    period = resolve_period(text, unit.period_convention, unit.year_start_month)
    form.check_period(period)
    return unit, period


# --- preview -------------------------------------------------------------------------------

@dataclass(frozen=True)
class FigureLine:
    """One line of the figure table; a group title ("Giới tính") has no key and no values."""

    number: str
    label: str
    unit: str
    key: str
    kind: Kind
    level: int
    values: tuple[int | float | None, ...]  # one per column of the preview


@dataclass(frozen=True)
class FigureSection:
    """A titled group of lines, as the report prints it."""

    title: str
    lines: tuple[FigureLine, ...]


@dataclass(frozen=True)
class ReportPreview:
    """The figures a report of `form` over `period` would carry, before anything is stored.

    `columns` head the value columns: "Số liệu"; or one per year and "Tổng" for a
    multi-year range; or one per unit and "Tổng cộng" for a consolidation. `figures` are
    the whole report's (the last column); `labels` name every figure key in Vietnamese.
    """

    form: str
    unit_code: str | None  # None: every unit held (a consolidation)
    unit_name: str
    period: Period
    columns: tuple[str, ...]
    figures: Mapping[str, FigureValue]
    labels: Mapping[str, str]
    sections: tuple[FigureSection, ...]

    def value(self, key: str) -> int | float | None:
        """A figure of the whole report by key (`by_gender.male` reads the breakdown)."""
        return value_of(self.figures, key)


def figure_labels() -> dict[str, str]:
    """Every printed figure key with its Vietnamese label; a sub-row is named with its
    parent ("Giới tính: Nam", "Học nghề: Số người được hỗ trợ")."""
    labels: dict[str, str] = {}
    for section in STATISTICS:
        parent = ""
        for row in section.rows:
            if row.level == 0:
                parent = row.label
            if row.key:
                labels[row.key] = f"{parent}: {row.label}" if row.level else row.label
    return labels


def _columns(form: FormDef, data: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    if form.scope == "all_units":
        return [*((u["unit_name"], u["figures"]) for u in data["by_unit"]),
                ("Tổng cộng", data["figures"])]
    years = data.get("by_year") or []
    if years:
        return [*((f"Năm {y['code'][:4]}", y["figures"]) for y in years),
                ("Tổng", data["figures"])]
    return [("Số liệu", data["figures"])]


def _sections(columns: Sequence[Mapping[str, Any]]) -> tuple[FigureSection, ...]:
    return tuple(
        FigureSection(section.title, tuple(
            FigureLine(row.number, row.label, row.unit, row.key, row.kind, row.level,
                       tuple(value_of(c, row.key) for c in columns) if row.key else ())
            for row in section.rows))
        for section in STATISTICS)


def preview(db: Database, actor: Actor, form: str, period: str,
            unit_code: str | None = None) -> ReportPreview:
    """The figures `form` would carry for `period`, computed exactly as a snapshot is."""
    require(actor, Action.READ)
    form_def = get_form(form)
    if form_def.code not in FORM_LABELS:
        raise ValidationError("form", f"Mẫu {form_def.code} không có bảng số liệu để xem trước.")
    with db.reading() as session:
        unit, chosen = _resolve(session, actor, form_def, unit_code, period)
        data = collect(session, form_def, unit, chosen)
        name = unit.name
    columns = _columns(form_def, data)
    consolidated = form_def.scope == "all_units"
    return ReportPreview(
        form=form_def.code, unit_code=None if consolidated else unit.code, unit_name=name,
        period=chosen, columns=tuple(c[0] for c in columns), figures=data["figures"],
        labels=figure_labels(), sections=_sections([c[1] for c in columns]))
