"""The figures of REPORTS.md §3 computed from loaded facts: pure Python, no database.

Every rule (periods, weekly coverage, expungement, age, classification codes) comes from
`desktop.rules`; this module only counts. Each function takes the persons of one unit (or
of all units) so that one loaded `Dataset` serves every unit and every year slice.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from desktop.models import CORE_TEAM_ROLES, END_REASONS, RELEASE_TYPES, SUPPORT_KINDS
from desktop.reports.figures_data import CommunityFacts, Dataset, JudgmentFacts, PersonFacts
from desktop.reports.figures_keys import (
    AGE_GROUPS,
    FIGURE_KEYS,
    GENDERS,
    OFFENCE_CHAPTERS,
    OFFENCE_GROUPS,
    SENTENCE_LENGTHS,
    FigureValue,
)
from desktop.rules.classification import CLASSIFICATIONS, validate_classification
from desktop.rules.coverage import WeekCoverage, week_coverage
from desktop.rules.errors import RuleInputError
from desktop.rules.expungement import expected_expungement_of_case, sentence_band
from desktop.rules.identity import parse_birth_date
from desktop.rules.periods import Convention, Period, quarters_ending_in
from desktop.rules.ruleset import rule_set_for

EXPUNGEMENT_HORIZON = timedelta(days=90)
TEAM_ROLES_REQUIRED = frozenset(CORE_TEAM_ROLES)
SENTENCE_BANDS = {"upto5": "<=5y", "5to15": ">5-15y", "over15": ">15y_or_life"}


def compute_values(
    data: Dataset, persons: Sequence[PersonFacts], community: Iterable[CommunityFacts],
    period: Period,
) -> dict[str, FigureValue]:
    """Every figure of FIGURE_KEYS, in that order, for `persons` over `period`."""
    values: dict[str, FigureValue] = {}
    values.update(_movement(persons, period))
    at_end = [p for p in persons if managed_on(p, period.end)]
    values.update(_breakdowns(data, at_end, period.end))
    values["teams_complete"] = sum(1 for p in at_end if _team_complete(data, p, period.end))
    values.update(_coverage(data, persons, period))
    values.update(_classification(data, persons, period))
    values.update(_supports(data, persons, period))
    managed_during = values["managed_during"]
    assert isinstance(managed_during, int)
    values.update(_violations(data, persons, period, managed_during))
    values["expunged_expected_next_90d"] = sum(
        1 for p in at_end if _expungement_soon(data, p, period.end)
    )
    values.update(_community(community, period))
    return {key: values[key] for key in FIGURE_KEYS}


def managed_on(person: PersonFacts, day: date) -> bool:
    """Under management at the end of `day`: received on or before it, not ended by it."""
    return (
        person.received_on is not None
        and person.received_on <= day
        and (person.ended_on is None or person.ended_on > day)
    )


def percent(numerator: int, denominator: int, places: int) -> float | None:
    """100 × numerator / denominator rounded half up (as officers round by hand)."""
    if denominator == 0:
        return None
    exact = Decimal(100 * numerator) / Decimal(denominator)
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _movement(persons: Sequence[PersonFacts], period: Period) -> dict[str, FigureValue]:
    start, end = period.start, period.end
    received: Counter[str] = Counter()
    ended: Counter[str | None] = Counter()
    at_start = expected = 0
    for p in persons:
        # Received before S and not ended before S = managed at the end of the day before S.
        at_start += managed_on(p, start - timedelta(days=1))
        if p.received_on is not None and period.contains(p.received_on):
            received[p.release_type] += 1
        # A person never received was never managed, so cannot leave management either.
        if p.received_on is not None and p.ended_on is not None and period.contains(p.ended_on):
            ended[p.end_reason] += 1
        expected += _expected_not_arrived(p, end)
    values: dict[str, FigureValue] = {"managed_at_start": at_start}
    values["received"] = received.total()
    values.update({f"received_{t}": received[t] for t in RELEASE_TYPES})
    values["expected_not_arrived"] = expected
    values["ended"] = ended.total()
    values.update({f"ended_{r}": ended[r] for r in END_REASONS})
    values["managed_at_end"] = sum(1 for p in persons if managed_on(p, end))
    values["managed_during"] = at_start + received.total()
    return values


def _expected_not_arrived(p: PersonFacts, end: date) -> bool:
    return (
        p.notice_received_on is not None
        and p.release_date is not None
        and p.release_date <= end
        and (p.received_on is None or p.received_on > end)
        and (p.ended_on is None or p.ended_on > end)
    )


def _breakdowns(
    data: Dataset, at_end: Sequence[PersonFacts], end: date
) -> dict[str, FigureValue]:
    gender: Counter[str] = Counter()
    age: Counter[str] = Counter()
    offence: Counter[str] = Counter()
    sentence: Counter[str] = Counter()
    for p in at_end:
        gender[p.gender] += 1
        group = _age_group(p.birth_date, end)
        if group is not None:
            age[group] += 1
        judgment = data.judgments.get(p.id)
        offence[_offence_group(judgment)] += 1
        sentence[_sentence_length(judgment)] += 1
    return {
        "by_gender": {k: gender[k] for k in GENDERS},
        "by_age_group": {k: age[k] for k in AGE_GROUPS},
        "by_offence_group": {k: offence[k] for k in OFFENCE_GROUPS},
        "by_sentence_length": {k: sentence[k] for k in SENTENCE_LENGTHS},
    }


def _age_group(birth_date: str, on: date) -> str | None:
    try:
        age = parse_birth_date(birth_date).age_at(on)
    except ValueError:  # RuleInputError included: services validate on entry
        return None
    if age < 18:
        return "<18"
    if age <= 30:
        return "18-30"
    if age <= 45:
        return "31-45"
    return "46-60" if age <= 60 else ">60"


def _offence_group(judgment: JudgmentFacts | None) -> str:
    if judgment is None or judgment.chapter not in OFFENCE_CHAPTERS:
        return "unknown"
    return f"chapter_{judgment.chapter}"


def _sentence_length(judgment: JudgmentFacts | None) -> str:
    # The expungement rule's Art. 70(2) bands are the report's length groups; "light"
    # (non-custodial) penalties, unknown lengths and missing judgments go to "other".
    if judgment is None:
        return "other"
    try:
        band = sentence_band(judgment.main_penalty, judgment.prison_months)
    except RuleInputError:
        return "other"
    return SENTENCE_BANDS.get(band or "", "other")


def _team_complete(data: Dataset, p: PersonFacts, on: date) -> bool:
    active = {
        m.role
        for m in data.team.get(p.id, ())
        if m.from_date <= on and (m.to_date is None or m.to_date >= on)
    }
    return active >= TEAM_ROLES_REQUIRED


def _coverage(
    data: Dataset, persons: Sequence[PersonFacts], period: Period
) -> dict[str, FigureValue]:
    # Sum the counts, not the WeekCoverage objects: adding them concatenates the `missed`
    # tuples, quadratic over a province's thousands of persons.
    due = covered = excused = 0
    for p in persons:
        if p.received_on is None or p.received_on > period.end:
            continue
        if p.ended_on is not None and p.ended_on < period.start:
            continue
        # The dataset may span several year slices: hand over only this period's contacts.
        contacts = data.contacts.get(p.id, [])
        inside = contacts[bisect_left(contacts, period.start) : bisect_right(contacts, period.end)]
        person = week_coverage(
            p.received_on, p.ended_on, inside, data.excused.get(p.id, ()),
            period.start, period.end,
        )
        due, covered, excused = due + person.due, covered + person.covered, excused + person.excused
    return {
        "weeks_due": due,
        "weeks_covered": covered,
        "weeks_excused": excused,
        "contact_coverage_pct": WeekCoverage(due, covered, excused).pct,
    }


def _classification(
    data: Dataset, persons: Sequence[PersonFacts], period: Period
) -> dict[str, FigureValue]:
    # Each unit's own convention decides which quarters end inside the period.
    quarters_of: dict[tuple[Convention, int], list[Period]] = {}
    counts: Counter[str] = Counter()
    for p in persons:
        convention = data.convention_of(p.unit_code)
        if convention not in quarters_of:
            quarters_of[convention] = quarters_ending_in(period, *convention)
        evaluations = data.evaluations.get(p.id, {})
        for quarter in quarters_of[convention]:
            if managed_on(p, quarter.end):
                counts[_class_of(evaluations.get(quarter.code))] += 1
    values: dict[str, FigureValue] = {f"class_{c}": counts[c] for c in CLASSIFICATIONS}
    values["class_missing"] = counts["missing"]
    return values


def _class_of(code: str | None) -> str:
    if code is None:
        return "missing"
    try:
        return validate_classification(code)
    except RuleInputError:
        return "missing"


def in_own_care(p: PersonFacts, on: date) -> bool:
    """Whether `on` falls in this unit's own care of the person: from its reception on.

    A transferred case carries the person's whole history (HANDOFF.md §2), but support and
    violations from before the move are the sending commune's figures, not the receiver's;
    for a case received here, services never accept such records dated earlier anyway."""
    return p.received_on is not None and on >= p.received_on


def _supports(
    data: Dataset, persons: Sequence[PersonFacts], period: Period
) -> dict[str, FigureValue]:
    count: Counter[str] = Counter()
    people: defaultdict[str, set[str]] = defaultdict(set)
    amount: Counter[str] = Counter()
    for p in persons:
        for s in data.supports.get(p.id, ()):
            if period.contains(s.on) and in_own_care(p, s.on):
                count[s.kind] += 1
                people[s.kind].add(p.id)
                amount[s.kind] += s.amount_vnd
    values: dict[str, FigureValue] = {}
    for kind in SUPPORT_KINDS:
        values[f"support_{kind}"] = count[kind]
        values[f"support_{kind}_people"] = len(people[kind])
    values["loan_count"] = count["loan"]
    values["loan_amount_vnd"] = amount["loan"]
    values["hardship_amount_vnd"] = amount["hardship_aid"]
    return values


def _violations(
    data: Dataset, persons: Sequence[PersonFacts], period: Period, managed_during: int
) -> dict[str, FigureValue]:
    administrative = 0
    reoffended: set[str] = set()
    for p in persons:
        for v in data.violations.get(p.id, ()):
            if not period.contains(v.on) or not in_own_care(p, v.on):
                continue
            if v.kind == "administrative":
                administrative += 1
            elif v.kind == "new_crime":
                reoffended.add(p.id)
    return {
        "violations_admin": administrative,
        "reoffended": len(reoffended),
        "reoffending_rate_pct": percent(len(reoffended), managed_during, 2),
    }


def _expungement_soon(data: Dataset, p: PersonFacts, end: date) -> bool:
    expected_on = expected_expungement_on(data, p, end)
    return expected_on is not None and end < expected_on <= end + EXPUNGEMENT_HORIZON


def expected_expungement_on(data: Dataset, p: PersonFacts, as_of: date) -> date | None:
    """The person's expected expungement date from their latest judgment (None: unknown)."""
    judgment = data.judgments.get(p.id)
    if judgment is None:
        return None
    reoffended_on = min(
        (
            v.on
            for v in data.violations.get(p.id, ())
            if v.kind == "new_crime" and (p.release_date is None or v.on >= p.release_date)
        ),
        default=None,
    )
    try:
        result = expected_expungement_of_case(
            main_penalty=judgment.main_penalty,
            prison_months=judgment.prison_months,
            chapter=judgment.chapter,
            release_type=p.release_type,
            release_date=p.release_date,
            probation_until=judgment.probation_until,
            supplementary=judgment.supplementary,
            supplementary_until=judgment.supplementary_until,
            obligations=judgment.obligations,
            obligations_done_on=judgment.obligations_done_on,
            first_new_crime=reoffended_on,
            rs=rule_set_for(as_of),
        )
    except RuleInputError:  # an unknown penalty code: the date is unknown, not a crash
        return None
    return result.expected_on


def _community(community: Iterable[CommunityFacts], period: Period) -> dict[str, FigureValue]:
    active = exemplary = 0
    for m in community:
        if m.kind == "model" and m.status != "dissolved" and m.start_date <= period.end and (
            m.end_date is None or m.end_date > period.end
        ):
            active += 1
        elif m.kind == "exemplary" and period.contains(m.start_date):
            exemplary += 1
    return {"models_active": active, "exemplary_people": exemplary}
