"""Fuzzing every create/update use case's input (issue #7 part 5).

Hypothesis throws random text (any Unicode but lone surrogates, which no keyboard or Qt
widget produces), dates from year 1 to 9999, integers far beyond any column and random
choices into the services. Only the product's own clean refusals may come out
(`ServiceError`: ValidationError naming the field, NotFound, …), and after a refusal
nothing was committed: `PRAGMA data_version`, read by a connection of its own, changes
whenever any other connection commits, so an unchanged value proves no write happened.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.config import SETTINGS
from desktop.db import Database, open_database
from desktop.models import (
    COMMUNITY_KINDS,
    CONTACT_FORMS,
    END_REASONS,
    RISK_SIGNS,
    SUPPORT_KINDS,
    TEAM_ROLES,
    VIOLATION_KINDS,
)
from desktop.services import (
    community,
    contacts,
    evaluations,
    lifecycle,
    persons,
    report_preview,
    reporting,
    supports,
    team,
    units,
    users,
    violations,
)
from desktop.services import (
    settings as app_settings,
)
from desktop.services.access import Actor
from desktop.services.contacts import ContactInput
from desktop.services.errors import ServiceError
from desktop.services.evaluations import EvaluationInput
from desktop.services.person_input import JudgmentInput, PersonInput
from desktop.services.supports import SupportInput
from desktop.services.units import EDITABLE
from tests.security.world import TODAY, actor, copy_database, template

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

texts = st.text(max_size=60) | st.text(max_size=3000).map(lambda t: t * 2) | st.sampled_from(
    ["", " ", "\n", "\x00", "Nguyễn Văn A", "'; DROP TABLE persons; --", "ø" * 5000])
dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)) | st.dates(
    min_value=date(1990, 1, 1), max_value=date(2027, 12, 31))
opt_dates = st.none() | dates
# SQLite stores integers up to 2**63 - 1: the edges, and far beyond.
big_ints = st.integers() | st.integers(min_value=-10, max_value=10**10) | st.sampled_from(
    [0, -1, 2**63 - 1, 2**63, -(2**63) - 1, 10**30])
opt_ints = st.none() | big_ints


def choice(valid: tuple[str, ...]) -> st.SearchStrategy[str]:
    """A valid code two times in three, anything else otherwise."""
    return st.sampled_from(valid) | st.sampled_from(valid) | texts


class Office:
    """One database for a whole fuzz test; `watch` sees every commit of the services."""

    def __init__(self, folder: Path) -> None:
        files = template()
        self.db: Database = open_database(copy_database(files.db, folder / "office.db"),
                                          create=False)
        self.code = files.unit_code
        self.watch = sqlite3.connect(self.db.path)
        with closing(sqlite3.connect(self.db.path)) as conn:
            self.managed = [r[0] for r in conn.execute(
                "SELECT id FROM persons WHERE status = 'managed' ORDER BY id")]
            self.member = conn.execute(
                "SELECT id FROM team_members WHERE to_date IS NULL ORDER BY id").fetchone()[0]

    def actor(self, role: str = "officer") -> Actor:
        return actor(role, self.code)

    def version(self) -> int:
        return int(self.watch.execute("PRAGMA data_version").fetchone()[0])

    def refused_cleanly(self, call: Callable[[], object]) -> bool:
        """Run `call`; True when it was refused with a ServiceError and wrote nothing.
        Any other exception escapes and fails the test."""
        before = self.version()
        try:
            call()
        except ServiceError as exc:
            refusal: ServiceError | None = exc
        else:
            refusal = None
        if refusal is None:
            return False
        assert refusal.message.strip(), "a refusal must say why"
        assert self.version() == before, f"refused ({refusal.message}) yet committed"
        return True

    def close(self) -> None:
        self.watch.close()
        self.db.close()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    folder = tmp_path_factory.mktemp("fuzz-services")
    o = Office(folder)
    yield o
    o.close()
    shutil.rmtree(folder, ignore_errors=True)


person_inputs = st.builds(
    PersonInput, full_name=texts | st.just("Lê Văn Mạnh"), gender=choice(("male", "female")),
    birth_date=texts | st.sampled_from(["1985", "12/04/1985", "1985-04-12", "31/02/1990"]),
    id_number=texts | st.sampled_from(["001085012345", "123456789"]), other_names=texts,
    ethnicity=texts, religion=texts, place_of_origin=texts, permanent_address=texts,
    current_address=texts, residential_area=texts, phone=texts, education=texts,
    occupation=texts, family_situation=texts, release_date=opt_dates,
    release_type=choice(("completed", "amnesty", "conditional")), prison=texts,
    certificate_number=texts)
judgment_inputs = st.none() | st.builds(
    JudgmentInput, court=texts, judgment_number=texts, judgment_date=opt_dates,
    offences=texts, penal_articles=texts, chapter=opt_ints,
    main_penalty=choice(("prison", "life", "fine", "warning")), prison_months=opt_ints,
    probation_until=opt_dates, supplementary=texts, supplementary_until=opt_dates,
    obligations=texts, obligations_done_on=opt_dates, prior_convictions=big_ints)


@FUZZ
@given(person=person_inputs, judgment=judgment_inputs, received=dates)
def test_register_walk_in(office: Office, person: PersonInput, judgment: JudgmentInput | None,
                          received: date) -> None:
    office.refused_cleanly(lambda: persons.register_walk_in(
        office.db, office.actor(), person, judgment, received, today=TODAY))


@FUZZ
@given(person=person_inputs, judgment=judgment_inputs, notice=dates, expected=dates)
def test_expect_person(office: Office, person: PersonInput, judgment: JudgmentInput | None,
                       notice: date, expected: date) -> None:
    office.refused_cleanly(lambda: persons.expect_person(
        office.db, office.actor(), person, judgment, notice, expected, today=TODAY))


@FUZZ
@given(person=person_inputs, version=st.none() | st.integers())
def test_update_person(office: Office, person: PersonInput, version: int | None) -> None:
    office.refused_cleanly(lambda: persons.update_person(
        office.db, office.actor(), office.managed[0], person, expected_version=version,
        today=TODAY))


@FUZZ
@given(judgment=judgment_inputs.filter(lambda j: j is not None))
def test_set_judgment(office: Office, judgment: JudgmentInput) -> None:
    office.refused_cleanly(lambda: persons.set_judgment(
        office.db, office.actor(), office.managed[1], judgment, today=TODAY))


contact_inputs = st.builds(
    ContactInput, contact_date=dates, form=choice(CONTACT_FORMS), members_present=texts,
    work=texts, health=texts, family=texts, attitude=texts, mood=texts,
    risk_signs=st.lists(choice(RISK_SIGNS), max_size=5).map(tuple), advice=texts,
    summary=texts, next_planned_on=opt_dates)


@FUZZ
@given(data=contact_inputs, reason=st.none() | texts)
def test_log_contact(office: Office, data: ContactInput, reason: str | None) -> None:
    office.refused_cleanly(lambda: contacts.log_contact(
        office.db, office.actor(), office.managed[0], data, today=TODAY,
        adjustment_reason=reason))


@FUZZ
@given(week=texts | st.from_regex(r"\A-?[0-9]{1,5}-W[0-9]{1,3}\Z"), reason=texts)
def test_add_excused_week(office: Office, week: str, reason: str) -> None:
    office.refused_cleanly(lambda: contacts.add_excused_week(
        office.db, office.actor(), office.managed[1], week, reason, today=TODAY))


@FUZZ
@given(quarter=texts | st.from_regex(r"\A-?[0-9]{1,5}-Q[0-9]{1,2}\Z"),
       group=choice(("A", "B", "C", "D")), evaluated=dates, note=texts)
def test_record_evaluation(office: Office, quarter: str, group: str, evaluated: date,
                           note: str) -> None:
    data = EvaluationInput(quarter=quarter, classification=group, evaluated_on=evaluated,
                           helper_report=note, proposals=note)
    office.refused_cleanly(lambda: evaluations.record_evaluation(
        office.db, office.actor(), office.managed[2], data, today=TODAY))


support_inputs = st.builds(
    SupportInput, kind=choice(SUPPORT_KINDS), support_date=dates, provider=texts,
    outcome=texts, amount_vnd=opt_ints, loan_purpose=st.none() | choice(("business",
                                                                          "training")),
    loan_bank=texts, loan_months=opt_ints, loan_decision_on=opt_dates,
    loan_status=st.none() | choice(("requested", "approved", "repaid")), note=texts)


@FUZZ
@given(data=support_inputs)
def test_record_support(office: Office, data: SupportInput) -> None:
    office.refused_cleanly(lambda: supports.record_support(
        office.db, office.actor(), office.managed[0], data, today=TODAY))


@FUZZ
@given(kind=choice(VIOLATION_KINDS), day=dates, description=texts, handling=texts)
def test_record_violation(office: Office, kind: str, day: date, description: str,
                          handling: str) -> None:
    office.refused_cleanly(lambda: violations.record_violation(
        office.db, office.actor(), office.managed[1], kind, day, description, handling,
        today=TODAY))


@FUZZ
@given(role=choice(TEAM_ROLES), name=texts, day=dates, organisation=texts, phone=texts,
       position=texts, responsible=st.booleans())
def test_add_team_member(office: Office, role: str, name: str, day: date, organisation: str,
                         phone: str, position: str, responsible: bool) -> None:
    office.refused_cleanly(lambda: team.add_team_member(
        office.db, office.actor(), office.managed[2], role, name, day, organisation, phone,
        position, responsible, today=TODAY))


@FUZZ
@given(day=dates, name=texts, phone=texts)
def test_replace_team_member(office: Office, day: date, name: str, phone: str) -> None:
    office.refused_cleanly(lambda: team.replace_team_member(
        office.db, office.actor(), office.member, day, name, phone=phone, today=TODAY))


@FUZZ
@given(number=texts, day=dates)
def test_set_team_decision(office: Office, number: str, day: date) -> None:
    office.refused_cleanly(lambda: team.set_team_decision(
        office.db, office.actor(), office.managed[0], number, day, today=TODAY))


@FUZZ
@given(kind=choice(COMMUNITY_KINDS), name=texts, day=dates, members=texts,
       person=st.none() | st.sampled_from(["", "khong-co"]))
def test_add_community_model(office: Office, kind: str, name: str, day: date, members: str,
                             person: str | None) -> None:
    office.refused_cleanly(lambda: community.add_community_model(
        office.db, office.actor(), kind, name, day, members, person, today=TODAY))


@FUZZ
@given(reason=choice(END_REASONS), day=dates, note=texts)
def test_lifecycle_steps(office: Office, reason: str, day: date, note: str) -> None:
    # "Today" is 1900, so every step is refused and the person stays in care for the other
    # tests: what is fuzzed here is that each refusal is clean.
    who = office.managed[-1]
    office.refused_cleanly(lambda: lifecycle.mark_absent(
        office.db, office.actor(), who, day, note, today=date(1900, 1, 1)))
    office.refused_cleanly(lambda: lifecycle.end_management(
        office.db, office.actor(), who, day, reason, note, today=date(1900, 1, 1)))


any_value = (st.none() | st.booleans() | big_ints | st.floats() | texts | dates
             | st.lists(st.integers(), max_size=3))


@FUZZ
@given(values=st.dictionaries(st.sampled_from([s.key for s in SETTINGS]) | texts, any_value,
                              max_size=3))
def test_update_settings(office: Office, values: dict[str, Any]) -> None:
    office.refused_cleanly(lambda: app_settings.update_settings(
        office.db, office.actor("admin"), **values))


@FUZZ
@given(values=st.dictionaries(st.sampled_from(sorted(EDITABLE)) | texts, any_value,
                              max_size=3))
def test_update_unit_settings(office: Office, values: dict[str, Any]) -> None:
    # "name" and "province" are required: keep them out of the way of later examples.
    values.pop("name", None)
    values.pop("province", None)
    office.refused_cleanly(lambda: units.update_unit_settings(
        office.db, office.actor("admin"), **values))


@FUZZ
@given(username=texts | st.from_regex(r"\A[a-z0-9._]{1,40}\Z"), full_name=texts,
       role=choice(("officer", "leader", "admin")), password=texts)
def test_create_user(office: Office, username: str, full_name: str, role: str,
                     password: str) -> None:
    office.refused_cleanly(lambda: users.create_user(
        office.db, office.actor("admin"), username, full_name, role, password))


@FUZZ
@given(form=texts | st.sampled_from(["HCD-13", "HCD-12", "HCD-09", "FORM-01"]),
       period=texts | st.from_regex(r"\A-?[0-9]{1,6}-[MQHY][0-9]{0,3}\Z")
       | st.from_regex(r"\A[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}\.\.[0-9]{1,5}-[0-9]{1,2}-"
                       r"[0-9]{1,2}\Z"))
def test_report_preview(office: Office, form: str, period: str) -> None:
    office.refused_cleanly(lambda: report_preview.preview(
        office.db, office.actor(), form, period))


def test_huge_amounts_are_refused_not_crashed(office: Office) -> None:
    # Found by test_record_support: 10**30 đồng reached SQLite and raised OverflowError.
    for amount in (2**63, 10**30):
        aid = SupportInput(kind="hardship_aid", support_date=TODAY, amount_vnd=amount)
        assert office.refused_cleanly(lambda aid=aid: supports.record_support(  # type: ignore[misc]
            office.db, office.actor(), office.managed[0], aid, today=TODAY))


def test_control_characters_never_reach_a_report(tmp_path: Path) -> None:
    # Found by fuzzing names: an invisible control character (pasted from another program)
    # was stored, and every later XLSX report containing it crashed in openpyxl.
    o = Office(tmp_path)
    try:
        person = PersonInput(full_name="Lê\x01Văn\x00 Ánh", gender="male", birth_date="1985",
                             release_date=date(2026, 10, 1), occupation="Thợ\x1bxây\x7f")
        view = persons.register_walk_in(o.db, o.actor(), person, None, date(2026, 10, 2),
                                        today=TODAY)
        assert view.full_name == "Lê Văn Ánh"
        assert view.occupation == "Thợ xây"
        lifecycle.start_management(o.db, o.actor(), view.id, date(2026, 10, 3), today=TODAY)
        produced = reporting.produce(o.db, o.actor(), "HCD-09", "2026-Q4", None, tmp_path,
                                     {"pdf", "xlsx"})
        assert produced.xlsx_path is not None
        assert produced.xlsx_path.stat().st_size > 0
    finally:
        o.close()


def test_a_report_is_written_whatever_text_the_database_holds(tmp_path: Path) -> None:
    # Text that arrived without the services' cleaning (an older version, a package from
    # another office) must not stop the XLSX: the control characters are left out.
    o = Office(tmp_path)
    try:
        with closing(sqlite3.connect(o.db.path)) as conn:
            conn.execute("UPDATE persons SET full_name = 'Lê\x02Văn\x1fBa' WHERE id = ?",
                         (o.managed[0],))
            conn.commit()
        produced = reporting.produce(o.db, o.actor(), "HCD-09", "2026-Q3", None, tmp_path,
                                     {"xlsx"})
        assert produced.xlsx_path is not None
    finally:
        o.close()
