"""Is a person overdue for their weekly contact today? The facts, gathered for many at once.

SPEC §4 defines *overdue* once, in `rules.coverage.is_overdue`. That rule needs, per
person, the last contact up to today, whether a contact or an excused week falls in the
current ISO week, and the unit's contact interval. This module gives those facts as column
expressions a query over `Person` can select, so a list of thousands of people (the people
table, the dashboard) learns them in the same single SELECT as the people themselves,
never with one query per person.

The last contact is looked up per person through the (person_id, contact_date) index,
newest first: that reads one index entry per person instead of aggregating every contact
of the unit, which matters at hundreds of thousands of contacts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ScalarSelect, exists, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desktop.models import ContactLog, ExcusedWeek, Person
from desktop.rules.coverage import is_overdue, iso_week_code, monday_of
from desktop.services.access import Actor
from desktop.services.casework import home_unit, unit_rule_set

# Whom the team is expected to meet every week: an `expected` person has not come home, an
# `absent` one cannot be met (the dashboard lists them apart), an `ended` one is no longer
# managed. Lists that flag people overdue apply this before `overdue_today`.
MET_WEEKLY = ("received", "managed")


@dataclass(frozen=True)
class ContactState:
    """What the overdue rule needs to know about one person's contacts, as of a day."""

    last_contact: date | None = None
    contacted_this_week: bool = False
    excused_this_week: bool = False


def contact_interval(session: Session, actor: Actor, today: date) -> int:
    """The actor's unit's contact interval in days (a setting; 7 by default)."""
    return unit_rule_set(home_unit(session, actor), today).contact_interval_days


def last_contact_column(today: date) -> ScalarSelect[Any]:
    """Per person: the date of the newest live contact on or before `today`, else NULL.

    Contacts dated after `today` are ignored: the question is asked "as of today".
    """
    return (
        select(ContactLog.contact_date)
        .where(ContactLog.person_id == Person.id, ContactLog.deleted_at.is_(None),
               ContactLog.contact_date <= today)
        .order_by(ContactLog.contact_date.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )


def excused_this_week_column(today: date) -> ColumnElement[bool]:
    """Per person: whether the ISO week of `today` is excused from contact."""
    return exists().where(ExcusedWeek.person_id == Person.id,
                          ExcusedWeek.deleted_at.is_(None),
                          ExcusedWeek.week == iso_week_code(today)).correlate(Person)


def contact_state(last_contact: date | None, excused_this_week: bool,
                  today: date) -> ContactState:
    """The facts from the two columns above.

    The last contact is at most `today`, so a contact falls in this week exactly when the
    last one is on or after this week's Monday.
    """
    in_week = last_contact is not None and last_contact >= monday_of(today)
    return ContactState(last_contact, in_week, bool(excused_this_week))


def overdue_today(state: ContactState, received_on: date | None, ended_on: date | None,
                  today: date, interval_days: int) -> bool:
    """SPEC §4 overdue, from the facts of `contact_state`."""
    return is_overdue(today, received_on, ended_on, state.last_contact,
                      state.contacted_this_week, state.excused_this_week, interval_days)
