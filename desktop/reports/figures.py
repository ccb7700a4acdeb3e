"""The one computation of report figures (REPORTS.md §3): every form and chart uses it.

`compute_figures` gives one unit (or all units together) over one period;
`compute_figures_by_unit` gives every unit in the same pass (the aggregator's one row per
commune); `compute_figures_by_year` splits a multi-year range into the unit's reporting
years (REPORTS.md §2); `compute_figures_for_periods` gives any list of periods (the
dashboard's twelve months and four quarters) from one load. Each call runs a fixed number
of SELECTs whatever the number of units, persons, years or periods (see `figures_data`).

Choices where REPORTS.md §3 is silent:
- `ended_on` is the fact that ends management; the reason only picks the split key, so
  `managed_at_end = managed_at_start + received − ended` holds for every period. A person
  never received is never counted as received, managed or ended.
- `by_offence_group` is keyed by the Penal Code 2015 chapter of the person's latest
  judgment (`chapter_13` … `chapter_26`, else `unknown`): the chapter is what the judgment
  records reliably, and it is also what the expungement rule reads.
- `by_sentence_length` puts life and commuted death sentences in `>15y_or_life`, and
  non-custodial penalties (or a missing judgment or length) in `other`.
- `by_gender` and `by_age_group` hold exactly the keys the forms print; a person with
  another gender code or an unreadable birth date is counted in neither.
- Child rows (contacts, supports, …) belong to the unit of their person; community models
  to the unit that recorded them. Rows of a soft-deleted person are ignored with it.
- Percentages round half up (33.335 → 33.34), as officers do by hand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.reports.figures_calc import compute_values
from desktop.reports.figures_data import (
    DEFAULT_CONVENTION,
    CommunityFacts,
    Dataset,
    PersonFacts,
    load_conventions,
    load_dataset,
)
from desktop.reports.figures_keys import FIGURE_KEYS, FigureValue
from desktop.rules.periods import Convention, Period, quarters_ending_in, year_slices

__all__ = [
    "FIGURE_KEYS",
    "FigureValue",
    "Figures",
    "compute_figures",
    "compute_figures_by_unit",
    "compute_figures_by_year",
    "compute_figures_for_periods",
]


@dataclass(frozen=True)
class Figures:
    """The figures of one unit (`None`: all units together) for one period."""

    unit_code: str | None
    period: Period
    values: dict[str, FigureValue]  # exactly FIGURE_KEYS, in that order

    def to_json_dict(self) -> dict[str, object]:
        """The snapshot saved with a report: plain JSON types, keys in FIGURE_KEYS order."""
        return {
            "unit_code": self.unit_code,
            "period": {
                "code": self.period.code,
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat(),
            },
            "figures": {
                key: dict(value) if isinstance(value, dict) else value
                for key, value in self.values.items()
            },
        }


def compute_figures(session: Session, period: Period, unit_code: str | None = None) -> Figures:
    """The figures of `unit_code` (or of all units) over `period`.

    Classification quarters follow the unit's own period convention (Units row; cut-off
    with a December year start when the unit has none).
    """
    data = _load(session, [period], unit_code)
    return Figures(unit_code, period, compute_values(data, data.persons, data.community, period))


def compute_figures_by_unit(session: Session, period: Period) -> dict[str, Figures]:
    """The figures of every unit that owns persons, keyed by unit code, in one pass."""
    data = _load(session, [period], None)
    persons: defaultdict[str, list[PersonFacts]] = defaultdict(list)
    for person in data.persons:
        persons[person.unit_code].append(person)
    community: defaultdict[str, list[CommunityFacts]] = defaultdict(list)
    for item in data.community:
        community[item.unit_code].append(item)
    return {
        code: Figures(code, period, compute_values(data, persons[code], community[code], period))
        for code in sorted(persons)
    }


def compute_figures_by_year(
    session: Session,
    period: Period,
    unit_code: str | None = None,
    convention: str = Convention.CUTOFF,
    year_start_month: int = 12,
) -> list[Figures]:
    """One Figures per reporting year of `period` (first and last clipped to it).

    `convention` and `year_start_month` cut the years (pass the unit's settings); the
    classification quarters inside each year still follow each unit's own convention.
    """
    return compute_figures_for_periods(
        session, year_slices(period, convention, year_start_month), unit_code)


def compute_figures_for_periods(session: Session, periods: Sequence[Period],
                                unit_code: str | None = None) -> list[Figures]:
    """The figures of `unit_code` (or of all units) for each of `periods`, in that order.

    The same as calling `compute_figures` once per period, but the rows are read once for
    the window covering them all: a chart of twelve months costs one load, not twelve.
    """
    if not periods:
        return []
    data = _load(session, periods, unit_code)
    return [
        Figures(unit_code, part, compute_values(data, data.persons, data.community, part))
        for part in periods
    ]


def _load(session: Session, periods: Iterable[Period], unit_code: str | None) -> Dataset:
    periods = list(periods)
    conventions = load_conventions(session, unit_code)
    # Quarter codes of every convention in use, so one SELECT brings every evaluation needed;
    # the default convention covers persons whose unit has no Units row.
    codes = {
        quarter.code
        for p in periods
        for convention in {*conventions.values(), DEFAULT_CONVENTION}
        for quarter in quarters_ending_in(p, *convention)
    }
    start = min(p.start for p in periods)
    end = max(p.end for p in periods)
    return load_dataset(session, start, end, unit_code, codes, conventions)
