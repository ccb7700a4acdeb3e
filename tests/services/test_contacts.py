"""The contact log, its quick-entry defaults, excused weeks and one person's coverage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import update

from desktop.db import Database
from desktop.models import ContactLog, ExcusedWeek, Unit
from desktop.rules.coverage import WeekCoverage
from desktop.services import contacts, team
from desktop.services.access import Actor
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from tests.services.care_helpers import (
    OTHER_UNIT,
    TODAY,
    audit_since,
    chain_ok,
    last_seq,
    row,
    snapshot,
)

MET = contacts.ContactInput(
    contact_date=date(2026, 11, 24), form="home_visit", members_present="Lê Văn Công",
    work="Làm phụ hồ ổn định", health="Tốt", family="Sống cùng mẹ", attitude="Hợp tác",
    mood="Vui vẻ", risk_signs=(), advice="Nhắc không tụ tập", summary="Bình thường",
    next_planned_on=date(2026, 12, 1),
)


def met(**changes: Any) -> contacts.ContactInput:
    return replace(MET, **changes)


def test_log_contact_stores_it_and_audits(db: Database, officer: Actor,
                                          add_person: Callable[..., str]) -> None:
    pid = add_person()
    seq = last_seq(db)

    view = contacts.log_contact(
        db, officer, pid,
        met(risk_signs=("leaving_area", "bad_company", "leaving_area"),
            work="  Làm  phụ hồ\n  ở công trình  "),
        today=TODAY)

    assert (view.contact_date, view.form, view.form_label) == (
        date(2026, 11, 24), "home_visit", "Đến nhà")
    # Stored once each, in the fixed order, whatever order they were ticked in.
    assert view.risk_signs == ("bad_company", "leaving_area")
    assert view.risk_sign_labels == ("Giao du với đối tượng xấu", "Có biểu hiện bỏ địa phương")
    assert view.work == "Làm phụ hồ\nở công trình"
    stored = row(db, ContactLog, view.id)
    assert (stored.risk_signs, stored.person_id, stored.version) == (
        "bad_company,leaving_area", pid, 1)
    [(action, entity, entity_id, changes)] = audit_since(db, seq)
    assert (action, entity, entity_id) == ("create", "contacts", view.id)
    assert changes["contact_date"] == [None, "2026-11-24"]
    assert chain_ok(db)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"contact_date": date(2026, 11, 27)}, "contact_date"),  # tomorrow
        ({"contact_date": date(2024, 1, 7)}, "contact_date"),  # before reception 08/01/2024
        ({"form": "letter"}, "form"),
        ({"form": ""}, "form"),
        ({"risk_signs": ("bad_company", "gambling")}, "risk_signs"),
        ({"next_planned_on": date(2026, 11, 24)}, "next_planned_on"),  # same day
        ({"members_present": "x" * 501}, "members_present"),
        ({"summary": "x" * 4001}, "summary"),
    ],
)
def test_log_contact_rejects_bad_input_and_writes_nothing(
    db: Database, officer: Actor, add_person: Callable[..., str], changes: dict[str, Any],
    field: str,
) -> None:
    pid = add_person()
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        contacts.log_contact(db, officer, pid, met(**changes), today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before


def test_no_contact_with_a_person_who_has_not_come_home(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person(status="expected", received_on=None, managed_on=None)
    before = snapshot(db)
    with pytest.raises(ServiceError, match="Chờ tiếp nhận"):
        contacts.log_contact(db, officer, pid, MET, today=TODAY)
    assert snapshot(db) == before


def test_an_ended_person_gets_late_entries_up_to_the_end_only(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person(status="ended", ended_on=date(2026, 11, 20), end_reason="expunged")
    before = snapshot(db)
    with pytest.raises(ValidationError, match="20/11/2026") as err:
        contacts.log_contact(db, officer, pid, met(contact_date=date(2026, 11, 21)),
                             today=TODAY)
    assert err.value.field == "contact_date"
    assert snapshot(db) == before

    late = contacts.log_contact(db, officer, pid, met(contact_date=date(2026, 11, 20)),
                                today=TODAY)
    assert late.contact_date == date(2026, 11, 20)


def test_an_absent_person_may_still_be_contacted(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person(status="absent", absent_on=date(2026, 10, 1))
    assert contacts.log_contact(db, officer, pid, MET, today=TODAY).form == "home_visit"


def test_leader_may_read_but_not_write_contacts(
    db: Database, officer: Actor, leader: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    c = contacts.log_contact(db, officer, pid, MET, today=TODAY)
    e = contacts.add_excused_week(db, officer, pid, "2026-W40", "Đi làm xa", today=TODAY)
    before = snapshot(db)
    writes: list[Callable[[], object]] = [
        lambda: contacts.log_contact(db, leader, pid, MET, today=TODAY),
        lambda: contacts.update_contact(db, leader, c.id, MET, today=TODAY),
        lambda: contacts.delete_contact(db, leader, c.id),
        lambda: contacts.add_excused_week(db, leader, pid, "2026-W41", "Ốm", today=TODAY),
        lambda: contacts.remove_excused_week(db, leader, e.id),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied):
            write()
    assert snapshot(db) == before
    assert [x.id for x in contacts.list_contacts(db, leader, pid)] == [c.id]


def test_another_units_person_and_contacts_are_not_found(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    foreign = add_person(unit_code=OTHER_UNIT)
    before = snapshot(db)
    with pytest.raises(NotFound):
        contacts.log_contact(db, officer, foreign, MET, today=TODAY)
    with pytest.raises(NotFound):
        contacts.add_excused_week(db, officer, foreign, "2026-W40", "Ốm", today=TODAY)
    with pytest.raises(NotFound):
        contacts.list_contacts(db, officer, foreign)
    assert snapshot(db) == before
    other_officer = Actor("canbo2", "Cán Bộ Khác", "officer", OTHER_UNIT)
    theirs = contacts.log_contact(db, other_officer, foreign, MET, today=TODAY)
    with pytest.raises(NotFound):
        contacts.update_contact(db, officer, theirs.id, met(summary="sửa"), today=TODAY)
    with pytest.raises(NotFound):
        contacts.delete_contact(db, officer, theirs.id)


def test_update_contact_bumps_the_version_and_audits_the_change(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    c = contacts.log_contact(db, officer, pid, MET, today=TODAY)
    seq = last_seq(db)

    updated = contacts.update_contact(db, officer, c.id,
                                      met(form="phone", risk_signs=("conflict",)), today=TODAY)

    assert (updated.form, updated.risk_signs, updated.version) == ("phone", ("conflict",), 2)
    [(action, _, entity_id, changes)] = audit_since(db, seq)
    assert (action, entity_id) == ("update", c.id)
    assert changes == {"form": ["home_visit", "phone"], "risk_signs": ["", "conflict"]}


def test_update_contact_applies_the_same_checks(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    c = contacts.log_contact(db, officer, pid, MET, today=TODAY)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        contacts.update_contact(db, officer, c.id, met(contact_date=date(2023, 12, 31)),
                                today=TODAY)
    assert err.value.field == "contact_date"
    assert snapshot(db) == before


def test_delete_contact_hides_it_but_keeps_the_row(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    c = contacts.log_contact(db, officer, pid, MET, today=TODAY)
    seq = last_seq(db)

    contacts.delete_contact(db, officer, c.id, "ghi nhầm người")

    assert contacts.list_contacts(db, officer, pid) == []
    assert row(db, ContactLog, c.id).deleted_at is not None
    assert [a for a, *_ in audit_since(db, seq)] == ["delete"]
    with pytest.raises(NotFound):
        contacts.delete_contact(db, officer, c.id)


def test_list_contacts_newest_first(db: Database, officer: Actor,
                                    add_person: Callable[..., str]) -> None:
    pid = add_person()
    for day in (date(2026, 11, 10), date(2026, 11, 24), date(2026, 11, 17)):
        contacts.log_contact(db, officer, pid, met(contact_date=day, next_planned_on=None),
                             today=TODAY)
    assert [c.contact_date.day for c in contacts.list_contacts(db, officer, pid)] == [
        24, 17, 10]


def test_contact_defaults_for_fast_entry(db: Database, officer: Actor,
                                         add_person: Callable[..., str]) -> None:
    pid = add_person()
    first = contacts.contact_defaults(db, officer, pid, today=TODAY)
    assert first == contacts.ContactDefaults(TODAY, "home_visit", "", date(2026, 12, 3))

    team.add_team_member(db, officer, pid, "family", "Nguyễn Thị Mẹ", date(2024, 1, 10),
                         today=TODAY)
    team.add_team_member(db, officer, pid, "police", "Lê Văn Công", date(2024, 1, 10),
                         today=TODAY)
    contacts.log_contact(db, officer, pid, met(contact_date=date(2026, 11, 10), form="office"),
                         today=TODAY)
    contacts.log_contact(db, officer, pid, met(contact_date=date(2026, 11, 3), form="phone"),
                         today=TODAY)
    with db.transaction() as s:
        s.execute(update(Unit).where(Unit.code == "26001").values(contact_interval_days=10))

    later = contacts.contact_defaults(db, officer, pid, today=TODAY)

    # The latest contact by date (not by entry) sets the form.
    assert later == contacts.ContactDefaults(TODAY, "office", "Lê Văn Công", date(2026, 12, 6))


# --- excused weeks --------------------------------------------------------------------

def test_add_excused_week_normalises_the_code_and_audits(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    seq = last_seq(db)

    e = contacts.add_excused_week(db, officer, pid, " 2026-w45 ", "Đi làm xa ở Bình Dương",
                                  today=TODAY)

    assert (e.week, e.starts_on, e.ends_on, e.reason) == (
        "2026-W45", date(2026, 11, 2), date(2026, 11, 8), "Đi làm xa ở Bình Dương")
    assert row(db, ExcusedWeek, e.id).week == "2026-W45"
    assert [(a, ent) for a, ent, *_ in audit_since(db, seq)] == [("create", "excused_weeks")]
    assert [x.week for x in contacts.list_excused_weeks(db, officer, pid)] == ["2026-W45"]


@pytest.mark.parametrize(
    ("week", "reason", "field"),
    [
        ("2026-45", "Ốm", "week"),
        ("2025-W53", "Ốm", "week"),  # 2025 has 52 ISO weeks
        ("2026-W49", "Ốm", "week"),  # next week (today is in W48)
        ("2024-W01", "Ốm", "week"),  # 01/01–07/01/2024, before reception on 08/01/2024
        ("2026-W45", "  ", "reason"),
    ],
)
def test_add_excused_week_rejects_bad_input(
    db: Database, officer: Actor, add_person: Callable[..., str], week: str, reason: str,
    field: str,
) -> None:
    pid = add_person()
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        contacts.add_excused_week(db, officer, pid, week, reason, today=TODAY)
    assert err.value.field == field
    assert snapshot(db) == before


def test_the_current_week_and_the_reception_week_may_be_excused(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    assert contacts.add_excused_week(db, officer, pid, "2026-W48", "Nằm viện",
                                     today=TODAY).week == "2026-W48"
    assert contacts.add_excused_week(db, officer, pid, "2024-W02", "Mới về",
                                     today=TODAY).week == "2024-W02"


def test_a_week_is_excused_once_and_a_removed_excuse_is_restored(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    first = contacts.add_excused_week(db, officer, pid, "2026-W40", "Đi làm xa", today=TODAY)
    before = snapshot(db)
    with pytest.raises(ValidationError, match="Đi làm xa") as err:
        contacts.add_excused_week(db, officer, pid, "2026-W40", "Ốm", today=TODAY)
    assert err.value.field == "week"
    assert snapshot(db) == before

    contacts.remove_excused_week(db, officer, first.id, "nhầm tuần")
    assert contacts.list_excused_weeks(db, officer, pid) == []
    seq = last_seq(db)

    again = contacts.add_excused_week(db, officer, pid, "2026-W40", "Nằm viện", today=TODAY)

    assert again.id == first.id
    assert again.reason == "Nằm viện"
    assert again.version == 3
    [(action, _, _, changes)] = audit_since(db, seq)
    assert action == "restore"
    assert changes["reason"] == ["Đi làm xa", "Nằm viện"]
    assert [x.week for x in contacts.list_excused_weeks(db, officer, pid)] == ["2026-W40"]


def test_person_coverage_uses_contacts_and_excuses(
    db: Database, officer: Actor, add_person: Callable[..., str],
) -> None:
    pid = add_person()
    # November 2026: ISO weeks W45 (02/11) to W48 (23/11) lie wholly inside 01/11–29/11.
    contacts.log_contact(db, officer, pid, met(contact_date=date(2026, 11, 3),
                                               next_planned_on=None), today=TODAY)
    contacts.log_contact(db, officer, pid, met(contact_date=date(2026, 11, 5),
                                               next_planned_on=None), today=TODAY)
    contacts.add_excused_week(db, officer, pid, "2026-W47", "Đi làm xa", today=TODAY)
    deleted = contacts.log_contact(db, officer, pid, met(contact_date=date(2026, 11, 10),
                                                         next_planned_on=None), today=TODAY)
    contacts.delete_contact(db, officer, deleted.id)

    cov = contacts.person_coverage(db, officer, pid, date(2026, 11, 1), date(2026, 11, 29))

    assert cov == WeekCoverage(due=4, covered=2, excused=1, missed=("2026-W46", "2026-W48"))
    with pytest.raises(ValidationError) as err:
        contacts.person_coverage(db, officer, pid, date(2026, 11, 29), date(2026, 11, 1))
    assert err.value.field == "end_date"
