"""Set-based loading of the rows the figures need, as plain facts grouped by person.

One SELECT per table whatever the number of units or persons (a province holds ~6,000
persons and ~1.5 million contacts): each reads only the columns the figures use, restricted
to the report's dates where the figure allows it, and Python dicts do the grouping.
Soft-deleted rows are skipped, and so are the rows of a soft-deleted person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Select, String, or_, select, type_coerce
from sqlalchemy.orm import Session

from desktop.models import (
    CommunityModel,
    ContactLog,
    Evaluation,
    ExcusedWeek,
    Judgment,
    Person,
    Support,
    TeamMember,
    Unit,
    Violation,
)
from desktop.rules.coverage import iso_week_code
from desktop.rules.periods import Convention

# A unit without a Units row (or with an unreadable setting) reports like Decree 09/2019.
DEFAULT_CONVENTION: tuple[Convention, int] = (Convention.CUTOFF, 12)


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """The lifecycle dates of one live person; `ended_on` is never before `received_on`."""

    id: str
    unit_code: str
    gender: str
    birth_date: str
    notice_received_on: date | None
    release_date: date | None
    release_type: str
    received_on: date | None
    ended_on: date | None
    end_reason: str | None


@dataclass(frozen=True, slots=True)
class JudgmentFacts:
    """What the breakdowns and the expungement rule read from a person's latest judgment."""

    main_penalty: str
    prison_months: int | None
    chapter: int | None
    probation_until: date | None
    supplementary: str
    supplementary_until: date | None
    obligations: str
    obligations_done_on: date | None


@dataclass(frozen=True, slots=True)
class TeamFacts:
    """One support-team membership."""

    role: str
    from_date: date
    to_date: date | None


@dataclass(frozen=True, slots=True)
class SupportFacts:
    """One support record; a missing amount counts as 0 VND."""

    kind: str
    on: date
    amount_vnd: int


@dataclass(frozen=True, slots=True)
class ViolationFacts:
    """One violation."""

    kind: str
    on: date


@dataclass(frozen=True, slots=True)
class CommunityFacts:
    """A community model or exemplary individual, owned by `unit_code`."""

    unit_code: str
    kind: str
    start_date: date
    end_date: date | None
    status: str


@dataclass
class Dataset:
    """Everything the figures of one unit (or all units) over one date window need."""

    persons: list[PersonFacts]
    conventions: dict[str, tuple[Convention, int]]
    judgments: dict[str, JudgmentFacts] = field(default_factory=dict)
    team: dict[str, list[TeamFacts]] = field(default_factory=dict)
    contacts: dict[str, list[date]] = field(default_factory=dict)  # each list sorted
    excused: dict[str, list[str]] = field(default_factory=dict)
    evaluations: dict[str, dict[str, str]] = field(default_factory=dict)
    supports: dict[str, list[SupportFacts]] = field(default_factory=dict)
    violations: dict[str, list[ViolationFacts]] = field(default_factory=dict)
    community: list[CommunityFacts] = field(default_factory=list)

    def convention_of(self, unit_code: str) -> tuple[Convention, int]:
        """The unit's period convention and reporting-year start month."""
        return self.conventions.get(unit_code, DEFAULT_CONVENTION)


def load_conventions(session: Session, unit_code: str | None) -> dict[str, tuple[Convention, int]]:
    """Each live unit's (convention, year start month), read from its Units row."""
    stmt = select(Unit.code, Unit.period_convention, Unit.year_start_month).where(
        Unit.deleted_at.is_(None)
    )
    if unit_code is not None:
        stmt = stmt.where(Unit.code == unit_code)
    result: dict[str, tuple[Convention, int]] = {}
    for code, convention, month in session.execute(stmt):
        try:
            result[code] = (Convention(convention), int(month))
        except ValueError:
            result[code] = DEFAULT_CONVENTION
    return result


def load_dataset(
    session: Session,
    start: date,
    end: date,
    unit_code: str | None,
    quarter_codes: Iterable[str],
    conventions: dict[str, tuple[Convention, int]],
) -> Dataset:
    """Read the facts for the window [start, end]: ten SELECTs at most, none per row."""
    persons = _load_persons(session, unit_code)
    return Dataset(
        persons=persons,
        conventions=conventions,
        judgments=_load_judgments(session, unit_code),
        team=_load_team(session, unit_code),
        contacts=_load_contacts(session, unit_code, start, end),
        excused=_load_excused(session, unit_code, start, end),
        evaluations=_load_evaluations(session, unit_code, sorted(set(quarter_codes))),
        supports=_load_supports(session, unit_code, start, end),
        violations=_load_violations(session, unit_code),
        community=_load_community(session, unit_code),
    )


def _live_person_ids(unit_code: str | None) -> Select[str]:
    # Child rows belong to the unit of their person: the same attribution whether one unit
    # or all units are computed, so the per-unit figures add up to the all-unit ones.
    stmt = select(Person.id).where(Person.deleted_at.is_(None))
    if unit_code is not None:
        stmt = stmt.where(Person.unit_code == unit_code)
    return stmt


def _load_persons(session: Session, unit_code: str | None) -> list[PersonFacts]:
    stmt = select(
        Person.id, Person.unit_code, Person.gender, Person.birth_date,
        Person.notice_received_on, Person.release_date, Person.release_type,
        Person.received_on, Person.ended_on, Person.end_reason,
    ).where(Person.deleted_at.is_(None))
    if unit_code is not None:
        stmt = stmt.where(Person.unit_code == unit_code)
    persons = []
    for row in session.execute(stmt.order_by(Person.id)):
        received_on, ended_on = row.received_on, row.ended_on
        if received_on is not None and ended_on is not None and ended_on < received_on:
            # Bad data must not break managed_at_end = start + received − ended.
            ended_on = received_on
        persons.append(
            PersonFacts(
                id=row.id, unit_code=row.unit_code, gender=row.gender,
                birth_date=row.birth_date, notice_received_on=row.notice_received_on,
                release_date=row.release_date, release_type=row.release_type,
                received_on=received_on, ended_on=ended_on, end_reason=row.end_reason,
            )
        )
    return persons


def _load_judgments(
    session: Session, unit_code: str | None
) -> dict[str, JudgmentFacts]:
    stmt = select(
        Judgment.person_id, Judgment.judgment_date, Judgment.created_at, Judgment.main_penalty,
        Judgment.prison_months, Judgment.chapter, Judgment.probation_until,
        Judgment.supplementary, Judgment.supplementary_until, Judgment.obligations,
        Judgment.obligations_done_on,
    ).where(Judgment.deleted_at.is_(None), Judgment.person_id.in_(_live_person_ids(unit_code)))
    latest: dict[str, tuple[tuple[date, datetime], JudgmentFacts]] = {}
    for row in session.execute(stmt):
        # The latest judgment by date; an undated one ranks oldest, ties go to the newest row.
        rank = (row.judgment_date or date.min, row.created_at)
        if row.person_id in latest and latest[row.person_id][0] >= rank:
            continue
        latest[row.person_id] = (
            rank,
            JudgmentFacts(
                main_penalty=row.main_penalty, prison_months=row.prison_months,
                chapter=row.chapter, probation_until=row.probation_until,
                supplementary=row.supplementary,
                supplementary_until=row.supplementary_until,
                obligations=row.obligations,
                obligations_done_on=row.obligations_done_on,
            ),
        )
    return {person_id: facts for person_id, (_rank, facts) in latest.items()}


def _load_team(
    session: Session, unit_code: str | None
) -> dict[str, list[TeamFacts]]:
    stmt = select(
        TeamMember.person_id, TeamMember.role, TeamMember.from_date, TeamMember.to_date
    ).where(
        TeamMember.deleted_at.is_(None), TeamMember.person_id.in_(_live_person_ids(unit_code))
    )
    team: defaultdict[str, list[TeamFacts]] = defaultdict(list)
    for person_id, role, from_date, to_date in session.execute(stmt):
        team[person_id].append(TeamFacts(role, from_date, to_date))
    return dict(team)


def _load_contacts(
    session: Session, unit_code: str | None, start: date, end: date
) -> dict[str, list[date]]:
    # The biggest read by far (a province: ~1.5 million rows). Only weeks wholly inside the
    # window are counted, so contacts outside it never matter. The rows come straight from
    # the covering index (person_id, contact_date, deleted_at): no table row is read. Two
    # contacts on one day are both kept (coverage counts weeks, so they do no harm), which
    # spares SQLite a DISTINCT over a few hundred thousand rows. Dates come back as their
    # stored ISO text through Core, skipping the ORM row layer and the per-row date
    # parsing: a few thousand distinct days are parsed once each instead.
    stmt = (
        select(ContactLog.person_id, type_coerce(ContactLog.contact_date, String))
        .where(
            ContactLog.deleted_at.is_(None),
            ContactLog.contact_date >= start,
            ContactLog.contact_date <= end,
            ContactLog.person_id.in_(_live_person_ids(unit_code)),
        )
    )
    days: dict[str, date] = {}
    contacts: defaultdict[str, list[date]] = defaultdict(list)
    for person_id, text in session.connection().execute(stmt).all():
        on = days.get(text)
        if on is None:
            on = days[text] = date.fromisoformat(text)
        contacts[person_id].append(on)
    for dates in contacts.values():
        dates.sort()  # sorted, so each year slice can bisect its own range
    return dict(contacts)


def _load_excused(
    session: Session, unit_code: str | None, start: date, end: date
) -> dict[str, list[str]]:
    # "YYYY-Www" codes sort in time order, so the window is a string range.
    stmt = select(ExcusedWeek.person_id, ExcusedWeek.week).where(
        ExcusedWeek.deleted_at.is_(None),
        ExcusedWeek.week >= iso_week_code(start),
        ExcusedWeek.week <= iso_week_code(end),
        ExcusedWeek.person_id.in_(_live_person_ids(unit_code)),
    )
    excused: defaultdict[str, list[str]] = defaultdict(list)
    for person_id, week in session.execute(stmt):
        excused[person_id].append(week)
    return dict(excused)


def _load_evaluations(
    session: Session, unit_code: str | None, quarter_codes: list[str]
) -> dict[str, dict[str, str]]:
    if not quarter_codes:
        return {}
    stmt = select(Evaluation.person_id, Evaluation.quarter, Evaluation.classification).where(
        Evaluation.deleted_at.is_(None),
        Evaluation.quarter.in_(quarter_codes),
        Evaluation.person_id.in_(_live_person_ids(unit_code)),
    )
    evaluations: defaultdict[str, dict[str, str]] = defaultdict(dict)
    for person_id, quarter, classification in session.execute(stmt):
        evaluations[person_id][quarter] = classification
    return dict(evaluations)


def _load_supports(
    session: Session, unit_code: str | None, start: date, end: date
) -> dict[str, list[SupportFacts]]:
    stmt = select(Support.person_id, Support.kind, Support.support_date, Support.amount_vnd).where(
        Support.deleted_at.is_(None),
        Support.support_date >= start,
        Support.support_date <= end,
        Support.person_id.in_(_live_person_ids(unit_code)),
    )
    supports: defaultdict[str, list[SupportFacts]] = defaultdict(list)
    for person_id, kind, on, amount in session.execute(stmt):
        supports[person_id].append(SupportFacts(kind, on, amount or 0))
    return dict(supports)


def _load_violations(
    session: Session, unit_code: str | None
) -> dict[str, list[ViolationFacts]]:
    # Not restricted to the window: the expungement date needs the earliest new crime
    # after release, whenever it was.
    stmt = select(Violation.person_id, Violation.kind, Violation.violation_date).where(
        Violation.deleted_at.is_(None), Violation.person_id.in_(_live_person_ids(unit_code))
    )
    violations: defaultdict[str, list[ViolationFacts]] = defaultdict(list)
    for person_id, kind, on in session.execute(stmt):
        violations[person_id].append(ViolationFacts(kind, on))
    return dict(violations)


def _load_community(session: Session, unit_code: str | None) -> list[CommunityFacts]:
    # Models are owned by their unit (they need not name a person); an exemplary individual
    # whose person record was soft-deleted goes with it.
    # The person is looked up by key for each model (a few per unit), rather than every
    # live person of the province listed for each call.
    live_person = select(Person.id).where(Person.id == CommunityModel.person_id,
                                          Person.deleted_at.is_(None)).exists()
    stmt = select(
        CommunityModel.unit_code, CommunityModel.kind, CommunityModel.start_date,
        CommunityModel.end_date, CommunityModel.status,
    ).where(
        CommunityModel.deleted_at.is_(None),
        or_(CommunityModel.person_id.is_(None), live_person),
    )
    if unit_code is not None:
        stmt = stmt.where(CommunityModel.unit_code == unit_code)
    return [CommunityFacts(*row) for row in session.execute(stmt)]
