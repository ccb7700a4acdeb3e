"""The figure keys of REPORTS.md §3, in the table's order, and the breakdown buckets.

Kept apart from the computation so the forms (PDF, XLSX, charts) can import the column
order without pulling in the database layer.
"""

from __future__ import annotations

from desktop.models import END_REASONS, RELEASE_TYPES, SUPPORT_KINDS
from desktop.rules.classification import CLASSIFICATIONS

FigureValue = int | float | None | dict[str, int]

GENDERS = ("male", "female")
AGE_GROUPS = ("<18", "18-30", "31-45", "46-60", ">60")
# Penal Code 2015 Part Two ("Crimes") runs from Chapter XIII (national security) to
# Chapter XXVI (peace, humanity, war crimes); a judgment without a chapter, or with one
# outside that range, is "unknown".
OFFENCE_CHAPTERS = tuple(range(13, 27))
OFFENCE_GROUPS = (*(f"chapter_{n}" for n in OFFENCE_CHAPTERS), "unknown")
SENTENCE_LENGTHS = ("<=5y", ">5-15y", ">15y_or_life", "other")

BREAKDOWN_KEYS: dict[str, tuple[str, ...]] = {
    "by_gender": GENDERS,
    "by_age_group": AGE_GROUPS,
    "by_offence_group": OFFENCE_GROUPS,
    "by_sentence_length": SENTENCE_LENGTHS,
}

FIGURE_KEYS: tuple[str, ...] = (
    "managed_at_start",
    "received",
    *(f"received_{t}" for t in RELEASE_TYPES),
    "expected_not_arrived",
    "ended",
    *(f"ended_{r}" for r in END_REASONS),
    "managed_at_end",
    "managed_during",
    *BREAKDOWN_KEYS,
    "teams_complete",
    "weeks_due",
    "weeks_covered",
    "weeks_excused",
    "contact_coverage_pct",
    *(f"class_{c}" for c in CLASSIFICATIONS),
    "class_missing",
    *(key for kind in SUPPORT_KINDS for key in (f"support_{kind}", f"support_{kind}_people")),
    "loan_count",
    "loan_amount_vnd",
    "hardship_amount_vnd",
    "violations_admin",
    "reoffended",
    "reoffending_rate_pct",
    "expunged_expected_next_90d",
    "models_active",
    "exemplary_people",
)
