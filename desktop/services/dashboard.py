"""Today's work (SPEC §5.1): whom to meet, evaluate, receive or team up, and what to report.

`dashboard(db, actor, today)` reads everything the dashboard shows in one read-only
snapshot and returns plain frozen dataclasses. Nothing here decides a rule: weekly
contact, deadlines, periods, expungement and the chart figures come from `desktop.rules`,
`person_queries` and `reports.figures`, so the dashboard, the person page and the reports
always agree. The people lists cost a fixed number of SELECTs whatever the number of
people; the chart series are in `dashboard_series`.

Choices where the spec is silent:
- Contact lists (overdue, due this week) hold people `received` or `managed`: an `absent`
  person cannot be met and has a list of their own.
- Evaluations list the quarter that ended last: due until the HCD-08 deadline, then
  flagged late until the next quarter ends. "Managed at the quarter end" is the HCD-09
  definition (received on or before it, not ended by it), so the list has exactly
  `class_missing` people of that quarter's figures.
- Expected expungements whose date has already come while the person is still managed
  are kept at the top (flag `reached`): someone has to propose the end of management.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, defer

from desktop.db import Database
from desktop.models import Evaluation, Person, TeamMember, Unit
from desktop.reports.figures_calc import EXPUNGEMENT_HORIZON
from desktop.rules.coverage import due_this_week, iso_week_code
from desktop.rules.deadlines import (
    Deadline,
    days_overdue,
    evaluation_deadline,
    reception_deadlines,
    team_assignment_deadline,
)
from desktop.rules.periods import Period, previous_quarter, quarter_of
from desktop.services.access import Action, Actor, require
from desktop.services.casework import home_unit, label, unit_rule_set
from desktop.services.dashboard_series import (
    MonthPoint,
    QuarterClasses,
    ReportDue,
    month_series,
    quarter_series,
    reports_due,
)
from desktop.services.errors import ValidationError
from desktop.services.labels import TEAM_ROLE_LABELS
from desktop.services.overdue import (
    MET_WEEKLY,
    ContactState,
    contact_state,
    excused_this_week_column,
    last_contact_column,
    overdue_today,
)
from desktop.services.person_queries import expungement_of, first_new_crimes, live_judgments
from desktop.services.team import missing_core_roles
from desktop.text import name_sort_key

__all__ = [
    "AbsentPerson", "AwaitingTeam", "ContactDue", "Dashboard", "EvaluationDue",
    "ExpectedArrival", "IncompleteTeam", "MonthPoint", "OverdueContact", "QuarterClasses",
    "ReportDue", "UpcomingExpungement", "dashboard",
]

NOT_ENDED = ("received", "managed", "absent")


@dataclass(frozen=True)
class OverdueContact:
    """A person whose week is due and uncovered, last met more than an interval ago."""

    person_id: str
    full_name: str
    residential_area: str
    last_contact: date | None  # None: never met since the reception
    since: date  # the last contact, or the reception for someone never met
    days_since: int


@dataclass(frozen=True)
class ContactDue:
    """A person whose current week is due and not yet covered (not overdue yet)."""

    person_id: str
    full_name: str
    residential_area: str
    last_contact: date | None


@dataclass(frozen=True)
class EvaluationDue:
    """A person managed at the end of `quarter_code` without its evaluation (HCD-08)."""

    person_id: str
    full_name: str
    residential_area: str
    quarter_code: str
    deadline: date
    late: bool


@dataclass(frozen=True)
class ExpectedArrival:
    """A person announced by the prison who has not reported yet."""

    person_id: str
    full_name: str
    residential_area: str
    release_date: date | None
    notice_received_on: date | None
    deadlines: tuple[Deadline, ...]  # soonest first
    released: bool  # the release date has passed and the person has not reported


@dataclass(frozen=True)
class AbsentPerson:
    """A person who did not report or left without notice (HCD-04)."""

    person_id: str
    full_name: str
    residential_area: str
    absent_on: date | None


@dataclass(frozen=True)
class AwaitingTeam:
    """A person received but not yet managed: the support team must be assigned."""

    person_id: str
    full_name: str
    residential_area: str
    received_on: date | None
    deadline: Deadline
    days_overdue: int


@dataclass(frozen=True)
class IncompleteTeam:
    """A managed person whose team lacks an active member in a core role."""

    person_id: str
    full_name: str
    residential_area: str
    missing_roles: tuple[str, ...]
    missing_role_labels: tuple[str, ...]


@dataclass(frozen=True)
class UpcomingExpungement:
    """A person whose conviction is expected to be expunged soon (or already could be)."""

    person_id: str
    full_name: str
    residential_area: str
    expected_on: date
    by_court_decision: bool
    reached: bool  # the date has come and the person is still under management


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows on `today`, each list in the order it is shown."""

    today: date
    week_code: str
    contact_interval_days: int
    overdue: tuple[OverdueContact, ...]
    due_this_week: tuple[ContactDue, ...]
    evaluation_form: str  # the rule set's code of the helper's report: "HCD-08"
    evaluation_quarter: Period
    evaluation_deadline: date
    evaluations_due: tuple[EvaluationDue, ...]
    expected: tuple[ExpectedArrival, ...]
    absent: tuple[AbsentPerson, ...]
    awaiting_team: tuple[AwaitingTeam, ...]
    incomplete_teams: tuple[IncompleteTeam, ...]
    expungements: tuple[UpcomingExpungement, ...]
    reports_due: tuple[ReportDue, ...]
    months: tuple[MonthPoint, ...]
    quarters: tuple[QuarterClasses, ...]


def dashboard(db: Database, actor: Actor, today: date) -> Dashboard:
    """Today's work for the actor's home unit."""
    require(actor, Action.READ)
    with db.reading() as session:
        unit = home_unit(session, actor)
        quarter = previous_quarter(quarter_of(today, unit.period_convention,
                                              unit.year_start_month),
                                   unit.period_convention, unit.year_start_month)
        people, states = _people(session, unit.code, quarter.end, today)
        interval = unit_rule_set(unit, today).contact_interval_days
        overdue, due = _contacts(people, states, interval, today)
        quarter_rules = unit_rule_set(unit, quarter.end)
        deadline = evaluation_deadline(quarter, quarter_rules).due
        return Dashboard(
            today=today, week_code=iso_week_code(today),
            contact_interval_days=interval,
            overdue=overdue, due_this_week=due,
            evaluation_form=quarter_rules.form_codes["hcd08"],
            evaluation_quarter=quarter, evaluation_deadline=deadline,
            evaluations_due=_evaluations(session, people, quarter, deadline, today),
            expected=_expected(unit, people, today),
            absent=_absent(people),
            awaiting_team=_awaiting_team(unit, people, today),
            incomplete_teams=_incomplete_teams(session, people, today),
            expungements=_expungements(session, unit, people, today),
            reports_due=reports_due(session, unit, today),
            months=month_series(session, unit, today),
            quarters=quarter_series(session, unit, today),
        )


# --- people --------------------------------------------------------------------------


def _people(session: Session, unit_code: str, quarter_end: date,
            today: date) -> tuple[list[Person], dict[str, ContactState]]:
    """The unit's live people not ended, plus those ended after `quarter_end` (who still
    owe that quarter's evaluation), in Vietnamese name order, with their contact facts
    read in the same SELECT."""
    rows = session.execute(
        select(Person, last_contact_column(today), excused_this_week_column(today))
        .options(defer(Person.photo))
        .where(Person.unit_code == unit_code, Person.deleted_at.is_(None),
               or_(Person.status != "ended", Person.ended_on > quarter_end))
    ).all()
    people = sorted((p for p, _, _ in rows), key=lambda p: name_sort_key(p.full_name))
    states = {p.id: contact_state(last, excused, today) for p, last, excused in rows}
    return people, states


def _with_status(people: Iterable[Person], statuses: Sequence[str]) -> list[Person]:
    return [p for p in people if p.status in statuses]


def _ids(people: Iterable[Person]) -> list[str]:
    return [p.id for p in people]


# --- weekly contact ------------------------------------------------------------------


def _contacts(people: list[Person], states: dict[str, ContactState], interval: int,
              today: date) -> tuple[tuple[OverdueContact, ...], tuple[ContactDue, ...]]:
    """SPEC §4: overdue people (oldest contact first) and the rest of this week's due.

    The contact facts and the overdue test are `services.overdue`'s, shared with the
    people table's "overdue" filter.
    """
    overdue: list[OverdueContact] = []
    due: list[ContactDue] = []
    for p in _with_status(people, MET_WEEKLY):
        state = states[p.id]
        seen = state.last_contact
        if overdue_today(state, p.received_on, p.ended_on, today, interval):
            since = seen or p.received_on
            assert since is not None  # the overdue rule needs one of them
            overdue.append(OverdueContact(p.id, p.full_name, p.residential_area, seen, since,
                                          (today - since).days))
        elif (not (state.contacted_this_week or state.excused_this_week)
              and due_this_week(today, p.received_on, p.ended_on)):
            due.append(ContactDue(p.id, p.full_name, p.residential_area, seen))
    # Stable sorts over name-ordered people: ties stay in name order.
    overdue.sort(key=lambda r: r.since)
    due.sort(key=lambda r: r.last_contact or date.min)
    return tuple(overdue), tuple(due)


# --- evaluations ---------------------------------------------------------------------


def _managed_at(p: Person, day: date) -> bool:
    """HCD-09's "managed at the quarter end": received by then, not ended by then."""
    return (p.received_on is not None and p.received_on <= day
            and (p.ended_on is None or p.ended_on > day))


def _evaluations(session: Session, people: list[Person], quarter: Period, deadline: date,
                 today: date) -> tuple[EvaluationDue, ...]:
    owing = [p for p in people if _managed_at(p, quarter.end)]
    done = set(session.scalars(select(Evaluation.person_id).where(
        Evaluation.person_id.in_(_ids(owing)), Evaluation.deleted_at.is_(None),
        Evaluation.quarter == quarter.code)))
    late = today > deadline
    return tuple(EvaluationDue(p.id, p.full_name, p.residential_area, quarter.code,
                               deadline, late) for p in owing if p.id not in done)


# --- arrivals, absences, teams -------------------------------------------------------


def _expected(unit: Unit, people: list[Person], today: date) -> tuple[ExpectedArrival, ...]:
    rows: list[ExpectedArrival] = []
    for p in _with_status(people, ("expected",)):
        # Deadlines follow the law in force when the notice came (as on the person page).
        rs = unit_rule_set(unit, p.notice_received_on or today)
        deadlines = tuple(reception_deadlines(p.notice_received_on, None, rs))
        released = p.release_date is not None and p.release_date < today
        rows.append(ExpectedArrival(p.id, p.full_name, p.residential_area, p.release_date,
                                    p.notice_received_on, deadlines, released))
    rows.sort(key=lambda r: r.release_date or date.max)
    return tuple(rows)


def _absent(people: list[Person]) -> tuple[AbsentPerson, ...]:
    rows = [AbsentPerson(p.id, p.full_name, p.residential_area, p.absent_on)
            for p in _with_status(people, ("absent",))]
    rows.sort(key=lambda r: r.absent_on or date.max)
    return tuple(rows)


def _awaiting_team(unit: Unit, people: list[Person], today: date) -> tuple[AwaitingTeam, ...]:
    rows: list[AwaitingTeam] = []
    for p in _with_status(people, ("received",)):
        started = p.received_on or today
        deadline = team_assignment_deadline(started, unit_rule_set(unit, started))
        rows.append(AwaitingTeam(p.id, p.full_name, p.residential_area, p.received_on,
                                 deadline, days_overdue(deadline, today)))
    rows.sort(key=lambda r: r.deadline.due)
    return tuple(rows)


def _active_roles(ids: list[str], today: date) -> Select[str, str]:
    return select(TeamMember.person_id, TeamMember.role).where(
        TeamMember.person_id.in_(ids), TeamMember.deleted_at.is_(None),
        TeamMember.from_date <= today,
        or_(TeamMember.to_date.is_(None), TeamMember.to_date >= today))


def _incomplete_teams(session: Session, people: list[Person],
                      today: date) -> tuple[IncompleteTeam, ...]:
    managed = _with_status(people, ("managed",))
    roles: dict[str, set[str]] = {p.id: set() for p in managed}
    for person_id, role in session.execute(_active_roles(_ids(managed), today)):
        roles[person_id].add(role)
    rows: list[IncompleteTeam] = []
    for p in managed:
        missing = missing_core_roles(roles[p.id])
        if missing:
            rows.append(IncompleteTeam(p.id, p.full_name, p.residential_area, missing,
                                       tuple(label(TEAM_ROLE_LABELS, r) for r in missing)))
    return tuple(rows)


# --- expungement ---------------------------------------------------------------------


def _expungements(session: Session, unit: Unit, people: list[Person],
                  today: date) -> tuple[UpcomingExpungement, ...]:
    """Expected dates up to the figures' horizon, computed as the person page does."""
    candidates = _with_status(people, NOT_ENDED)
    judgments = live_judgments(session, _ids(candidates))
    new_crimes = first_new_crimes(session, list(judgments))
    rs = unit_rule_set(unit, today)
    rows: list[UpcomingExpungement] = []
    for p in candidates:
        judgment = judgments.get(p.id)
        if judgment is None:
            continue
        try:
            result = expungement_of(p, judgment, new_crimes.get(p.id), rs)
        except ValidationError:
            continue  # an unreadable stored judgment: the person page says what is wrong
        on = result.expected_on
        if on is not None and on <= today + EXPUNGEMENT_HORIZON:
            rows.append(UpcomingExpungement(p.id, p.full_name, p.residential_area, on,
                                            result.by_court_decision, on <= today))
    rows.sort(key=lambda r: r.expected_on)
    return tuple(rows)
