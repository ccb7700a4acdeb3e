"""Benchmark databases: a province (100 communes × 60 people × 5 years of weekly contacts,
about 1.5 million contacts) and a commune (100 people), deterministic for a seed.

Usage::

    python benchmarks/generate.py province /tmp/province.db
    python benchmarks/generate.py commune /tmp/commune.db
    python benchmarks/generate.py custom /tmp/x.db --units 10 --people 30 --years 1

The schema comes from the product's own migrations (`open_database`), the home unit and
the accounts from its services (admin/canbo/lanhdao, password "hoanhap-demo"); everything
else is written with `executemany` in one transaction per unit, which is what makes 1.5
million contacts take a minute instead of an hour. Rows are valid for the current schema:
every column of every row is given (record ids, unit_code, version, created/updated
times), values follow the code lists the services and the USB package reader enforce.
No audit entries are written: nothing reads or verifies the chain of benchmark data.

The histories reuse the demo's vocabulary (`desktop.demo.vocab`) and name generator, and
cover what the figures count: every release type and end reason, expected arrivals and
no-shows, incomplete and changing teams, excused weeks, missed weeks, evaluations missing
for some quarters, each kind of support, loans and hardship aid, administrative
violations and new crimes, community models and exemplary people, Art. 71 chapters,
suspended sentences and conditional releases, soft-deleted people and rows, and units
with the calendar and the November-start cut-off conventions.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `desktop` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.db import open_database
from desktop.demo import vocab
from desktop.demo.people import id_number, person_name
from desktop.models import Base
from desktop.rules.coverage import iso_week_code
from desktop.rules.periods import Convention, quarter_of
from desktop.services import units as unit_service
from desktop.services import users as user_service
from desktop.text import fold

PASSWORD = "hoanhap-demo"
BENCH_TODAY = date(2026, 11, 26)
_DAY = timedelta(days=1)
_WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Scale:
    """What to generate. `home` "province": the home unit is a provincial office holding
    no people (an aggregator); "unit": the first commune is the home unit."""

    units: int = 100
    people: int = 60
    years: int = 5
    seed: int = 1
    today: date = BENCH_TODAY
    home: str = "province"


PROVINCE = Scale()
COMMUNE = Scale(units=1, people=100, years=5, home="unit")
PRESETS = {"province": PROVINCE, "commune": COMMUNE}


@dataclass
class Summary:
    """Rows written per table, the unit codes, the home unit and the time it took."""

    path: Path
    home_code: str
    unit_codes: list[str]
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


# ------------------------------------------------------------------ bulk insert helper


def _sql_default(column: Any) -> Any:
    default = column.default
    if default is None or not default.is_scalar:
        if not column.nullable and not column.primary_key:
            raise ValueError(f"{column.table.name}.{column.name}: give a value")
        return None
    value = default.arg
    return int(value) if isinstance(value, bool) else value


class BulkTable:
    """`executemany` into one table: the caller gives tuples in `columns` order; every other
    column gets its model's scalar default, so the rows stay valid if columns are added."""

    def __init__(self, name: str, columns: Sequence[str]) -> None:
        table = Base.metadata.tables[name]
        known = [c.name for c in table.columns]
        unknown = set(columns) - set(known)
        if unknown:
            raise ValueError(f"{name}: unknown columns {sorted(unknown)}")
        rest = [c for c in table.columns if c.name not in columns]
        self.name = name
        self.fill = tuple(_sql_default(c) for c in rest)
        names = [*columns, *(c.name for c in rest)]
        marks = ", ".join("?" * len(names))
        self.sql = f"INSERT INTO {name} ({', '.join(names)}) VALUES ({marks})"
        self.rows: list[tuple[Any, ...]] = []

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row + self.fill)

    def flush(self, conn: sqlite3.Connection) -> int:
        count = len(self.rows)
        conn.executemany(self.sql, self.rows)
        self.rows = []
        return count


_RECORD = ("id", "unit_code", "version", "created_at", "updated_at", "deleted_at")
TABLES: dict[str, tuple[str, ...]] = {
    "units": (*_RECORD, "code", "name", "province", "place_name", "is_home", "recipient_name",
              "police_chief", "chairperson", "period_convention", "year_start_month"),
    "persons": (*_RECORD, "full_name", "name_folded", "other_names", "gender", "birth_date",
                "id_number", "place_of_origin", "permanent_address", "current_address",
                "residential_area", "phone", "occupation", "status", "notice_received_on",
                "expected_on", "received_on", "managed_on", "absent_on", "ended_on",
                "end_reason", "release_date", "release_type", "prison", "certificate_number",
                "team_decision_number", "team_decision_date"),
    "judgments": (*_RECORD, "person_id", "court", "judgment_number", "judgment_date",
                  "offences", "penal_articles", "chapter", "main_penalty", "prison_months",
                  "probation_until", "supplementary", "supplementary_until", "obligations",
                  "obligations_done_on", "prior_convictions"),
    "status_changes": (*_RECORD, "person_id", "from_status", "to_status", "on_date",
                       "by_user", "reason"),
    "team_members": (*_RECORD, "person_id", "role", "organisation", "name", "phone",
                     "position", "from_date", "to_date", "responsible"),
    "contacts": (*_RECORD, "person_id", "contact_date", "form", "members_present", "work",
                 "mood", "risk_signs", "advice", "summary"),
    "excused_weeks": (*_RECORD, "person_id", "week", "reason"),
    "evaluations": (*_RECORD, "person_id", "quarter", "classification", "evaluated_on",
                    "helper_report"),
    "supports": (*_RECORD, "person_id", "kind", "support_date", "provider", "outcome",
                 "amount_vnd", "loan_purpose", "loan_bank", "loan_months", "loan_decision_on",
                 "loan_status"),
    "violations": (*_RECORD, "person_id", "kind", "violation_date", "description", "handling"),
    "models": (*_RECORD, "kind", "name", "start_date", "end_date", "members", "status",
               "person_id"),
}

# ------------------------------------------------------------------ one unit's people

END_WEIGHTS = {"expunged": 35, "moved": 20, "abroad": 5, "missing": 5, "died": 10,
               "new_sentence": 25}
SUPPORT_KINDS = ("counselling", "legal_procedures", "residence_registration", "civil_status",
                 "id_card", "judicial_record", "expungement_application",
                 "vocational_training", "job_referral", "loan", "hardship_aid",
                 "social_protection", "other")
CONTACT_FORMS = ("home_visit", "home_visit", "office", "workplace", "phone")
ROLES = ("police", "mass_org", "party_member", "family")


@dataclass
class _Person:
    """The dates of one simulated person, as the rows are written."""

    id: str
    index: int
    status: str = "expected"
    release: date | None = None
    release_type: str = "completed"
    received: date | None = None
    managed: date | None = None
    absent: date | None = None
    ended: date | None = None
    end_reason: str | None = None
    deleted: str | None = None


class UnitWriter:
    """Simulates the people of one unit and queues their rows in `tables`."""

    def __init__(self, rng: random.Random, scale: Scale, code: str, convention: tuple[str, int],
                 tables: dict[str, BulkTable], place: tuple[str, str, str]) -> None:
        self.rng, self.scale, self.code = rng, scale, code
        self.convention = convention
        self.t = tables
        self.province, self.prefix, self.commune = place
        self.today = scale.today
        self.window = scale.today - timedelta(days=365 * scale.years)
        self._stamps: dict[date, str] = {}

    # -- helpers
    def new_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def stamp(self, on: date) -> str:
        text = self._stamps.get(on)
        if text is None:
            text = self._stamps[on] = f"{on.isoformat()} 09:00:00.000000"
        return text

    def record(self, on: date, deleted: str | None = None,
               record_id: str | None = None) -> tuple[Any, ...]:
        stamp = self.stamp(on)
        return (record_id or self.new_id(), self.code, 1, stamp, stamp, deleted)

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randrange(max(1, (end - start).days + 1)))

    # -- the unit
    def write(self) -> None:
        for index in range(self.scale.people):
            self.person(index)
        self.models()

    def person(self, index: int) -> None:
        rng = self.rng
        p = _Person(self.new_id(), index)
        roll = rng.random()
        if roll < 0.02:  # announced by the prison, released in the coming weeks
            p.release = self.today + timedelta(days=rng.randint(5, 55))
        elif roll < 0.04:  # released, never reported: a no-show (HCD-04)
            p.release = self.today - timedelta(days=rng.randint(20, 400))
            p.absent, p.status = p.release + timedelta(days=10), "absent"
        else:
            self._released(p)
        if index == 7:  # one soft-deleted person per unit: the figures must ignore them
            p.deleted = self.stamp(self.today)
        gender = "male" if rng.random() < 0.88 else "female"
        self._person_row(p, gender)
        self._status_changes(p)
        self._judgments(p)
        if p.managed is not None:
            last = self._last_day(p)
            self._team(p)
            self._contacts(p, last)
            self._evaluations(p, last)
            self._supports(p, last)
            self._violations(p, last)

    def _released(self, p: _Person) -> None:
        rng = self.rng
        # Most people came home before the window, so each year starts with a stock.
        if rng.random() < 0.8:
            p.release = self.window - timedelta(days=rng.randint(1, 365 * 3))
        else:
            p.release = self.day_between(self.window, self.today - timedelta(days=20))
        p.release_type = rng.choices(("completed", "amnesty", "conditional"), (80, 12, 8))[0]
        p.received = min(self.today, p.release + timedelta(days=rng.randint(1, 5)))
        p.status = "received"
        if p.received > self.today - timedelta(days=4):
            return  # just arrived: the team is not assigned yet
        p.managed, p.status = p.received + timedelta(days=rng.randint(1, 4)), "managed"
        roll = rng.random()
        span = (self.today - p.managed).days
        if roll < 0.10 and span > 120:
            start = max(p.managed + timedelta(days=60), self.window)
            p.ended = self.day_between(start, self.today - _DAY)
            p.end_reason = rng.choices(list(END_WEIGHTS), list(END_WEIGHTS.values()))[0]
            p.status = "ended"
        elif roll < 0.12 and span > 60:
            p.absent, p.status = self.day_between(p.managed + timedelta(days=30),
                                                  self.today - _DAY), "absent"

    def _last_day(self, p: _Person) -> date:
        if p.ended is not None:
            return p.ended - _DAY
        if p.absent is not None:
            return p.absent
        return self.today

    def _person_row(self, p: _Person, gender: str) -> None:
        rng = self.rng
        assert p.release is not None
        name = person_name(rng, gender)
        age = rng.choices((rng.randint(16, 25), rng.randint(26, 45), rng.randint(46, 70)),
                          (25, 55, 20))[0]
        year = p.release.year - age
        birth = (str(year) if rng.random() < 0.12
                 else (date(year, 1, 1) + timedelta(days=rng.randrange(365))).isoformat())
        ident = None if rng.random() < 0.05 else id_number(rng, self.prefix, gender, year)
        area = rng.choice(vocab.RESIDENTIAL_AREAS)
        address = f"Số {rng.randint(1, 300)}, {area}, {self.commune}, {self.province}"
        notice = p.release - timedelta(days=rng.randint(45, 65))
        self.t["persons"].add((
            *self.record(min(notice, self.today), p.deleted, p.id), name, fold(name),
            "", gender, birth, ident,
            f"{rng.choice(vocab.COMMUNES)}, {self.province}", address, address, area,
            f"09{rng.randrange(10**8):08d}", rng.choice(("Lao động tự do", "Làm ruộng",
                                                         "Công nhân", "Chưa có việc")),
            p.status, _iso(notice), _iso(p.release + timedelta(days=2)), _iso(p.received),
            _iso(p.managed), _iso(p.absent), _iso(p.ended), p.end_reason, _iso(p.release),
            p.release_type, rng.choice(vocab.PRISONS), f"{rng.randint(100, 999)}/GCN",
            f"{rng.randint(1, 99):02d}/QĐ-UBND" if p.managed else "", _iso(p.managed),
        ))

    def _status_changes(self, p: _Person) -> None:
        assert p.release is not None
        steps: list[tuple[str | None, str, date, str | None]] = [
            (None, "expected", p.release - timedelta(days=50), None)]
        previous = "expected"
        for status, on in (("received", p.received), ("managed", p.managed),
                           ("absent", p.absent), ("ended", p.ended)):
            if on is not None:
                steps.append((previous, status, on, p.end_reason if status == "ended" else None))
                previous = status
        for before, after, on, reason in steps:
            self.t["status_changes"].add((*self.record(min(on, self.today)), p.id, before,
                                          after, _iso(on), "canbo", reason))

    def _judgments(self, p: _Person) -> None:
        rng = self.rng
        assert p.release is not None
        if rng.random() < 0.03:
            return  # a judgment not entered yet: offence "unknown", no expungement date
        offence, article, chapter, (low, high) = rng.choice(vocab.OFFENCES)
        chapter_value: int | None = chapter
        roll = rng.random()
        if roll < 0.02:
            chapter_value = rng.choice((13, 26))  # Art. 71: by court decision
        elif roll < 0.04:
            chapter_value = None
        penalty = "prison"
        months: int | None = rng.randint(low, high)
        roll = rng.random()
        if roll < 0.02:
            penalty, months = "life", None
        elif roll < 0.05:
            penalty, months = "suspended", None
        elif roll < 0.06:
            months = None  # length not entered
        served = months or 240
        judged = p.release - timedelta(days=int(served * 30.4) + rng.randint(30, 200))
        if rng.random() < 0.1:  # an older judgment too: the figures read the latest one
            self._judgment_row(p, judged - timedelta(days=2000), "Đánh bạc", "321", 21,
                               "prison", 12)
        self._judgment_row(p, judged, offence, article, chapter_value, penalty, months)

    def _judgment_row(self, p: _Person, judged: date, offence: str, article: str,
                      chapter: int | None, penalty: str, months: int | None) -> None:
        rng = self.rng
        assert p.release is not None
        conditional = penalty == "suspended" or p.release_type == "conditional"
        probation = p.release + timedelta(days=rng.randint(180, 700)) if conditional else None
        if conditional and rng.random() < 0.1:
            probation = None
        supplementary, supplementary_until = "", None
        if rng.random() < 0.1:
            supplementary = "Cấm đảm nhiệm chức vụ 2 năm"
            supplementary_until = (p.release + timedelta(days=730)
                                   if rng.random() < 0.8 else None)
        obligations, done = "", None
        if rng.random() < 0.6:
            obligations = "Án phí hình sự sơ thẩm 200.000 đồng"
            if rng.random() < 0.75:
                done = p.release + timedelta(days=rng.randint(-300, 500))
        self.t["judgments"].add((
            *self.record(judged), p.id, f"Tòa án nhân dân tỉnh {self.province}",
            f"{rng.randint(10, 250)}/{judged.year}/HS-ST", _iso(judged), offence,
            f"Điều {article}", chapter, penalty, months, _iso(probation), supplementary,
            _iso(supplementary_until), obligations, _iso(done), rng.randint(0, 2),
        ))

    def _team(self, p: _Person) -> None:
        rng = self.rng
        assert p.managed is not None
        roles = list(ROLES)
        if rng.random() < 0.1:  # an incomplete team
            roles.remove(rng.choice(("mass_org", "party_member")))
        for role in roles:
            start, end = p.managed, None
            if rng.random() < 0.08 and (self.today - start).days > 200:
                end = self.day_between(start + timedelta(days=90), self.today - _DAY)
                if rng.random() < 0.8:  # replaced the next day; otherwise the role is empty
                    self._member(p, role, end + _DAY, None)
            self._member(p, role, start, end)

    def _member(self, p: _Person, role: str, start: date, end: date | None) -> None:
        rng = self.rng
        name = person_name(rng, "female" if rng.random() < 0.3 else "male")
        self.t["team_members"].add((
            *self.record(start), p.id, role,
            rng.choice(vocab.MASS_ORGS) if role == "mass_org" else "", name,
            f"09{rng.randrange(10**8):08d}",
            "Cán bộ Công an xã" if role == "police" else "", _iso(start), _iso(end),
            int(role == "police"),
        ))

    def _contacts(self, p: _Person, last: date) -> None:
        rng = self.rng
        assert p.managed is not None
        start = max(p.managed, self.window)
        monday = start - timedelta(days=start.weekday())
        contacts, excused = self.t["contacts"], self.t["excused_weeks"]
        random_ = rng.random
        while monday <= last:
            roll = random_()
            if roll < 0.04:
                excused.add((*self.record(monday), p.id, iso_week_code(monday),
                             rng.choice(vocab.EXCUSE_REASONS)))
            elif roll < 0.95:
                visits = 2 if random_() < 0.28 else 1
                for _ in range(visits):
                    day = monday + timedelta(days=rng.randint(0, 6))
                    if start <= day <= last:
                        deleted = self.stamp(day) if random_() < 0.003 else None
                        contacts.add((
                            *self.record(day, deleted), p.id, day.isoformat(),
                            rng.choice(CONTACT_FORMS), "Công an xã",
                            rng.choice(vocab.WORK_NOTES), rng.choice(vocab.MOODS),
                            "bad_company" if random_() < 0.03 else "",
                            rng.choice(vocab.ADVICE), "Gặp gỡ, nắm tình hình và động viên",
                        ))
            monday += _WEEK

    def _evaluations(self, p: _Person, last: date) -> None:
        rng = self.rng
        assert p.managed is not None
        conv, month = self.convention
        quarter = quarter_of(max(p.managed, self.window - timedelta(days=100)), conv, month)
        while quarter.end <= last:
            if rng.random() > 0.06:  # a few quarters were never evaluated
                grade = rng.choices("ABCD", (62, 25, 10, 3))[0]
                evaluated = min(last, quarter.end + timedelta(days=rng.randint(1, 4)))
                self.t["evaluations"].add((*self.record(evaluated), p.id, quarter.code, grade,
                                           _iso(evaluated), "Chấp hành tốt quy định"))
                if grade == "A" and rng.random() < 0.02:
                    self.t["models"].add((*self.record(evaluated), "exemplary",
                                          "Gương điển hình hoàn lương", _iso(evaluated),
                                          None, "", "active", p.id))
            quarter = quarter_of(quarter.end + _DAY, conv, month)

    def _supports(self, p: _Person, last: date) -> None:
        rng = self.rng
        assert p.managed is not None
        start = max(p.managed, self.window)
        if (last - start).days < 7:
            return
        for _ in range(rng.randint(1, 3 * self.scale.years)):
            kind = rng.choice(SUPPORT_KINDS)
            day = self.day_between(start, last)
            amount: int | None = None
            months: int | None = None
            purpose = decision = status = None
            bank = ""
            if kind == "loan":
                purpose = rng.choice(("business", "business", "training"))
                amount = (rng.choice((20, 30, 50, 80)) * 1_000_000 if purpose == "business"
                          else 24_000_000)
                months, decision, status = rng.choice((6, 36, 60)), _iso(day), "disbursed"
                bank = "Ngân hàng Chính sách xã hội"
            elif kind == "hardship_aid":
                amount = None if rng.random() < 0.1 else rng.choice((5, 10, 20)) * 100_000
            deleted = self.stamp(day) if rng.random() < 0.01 else None
            self.t["supports"].add((
                *self.record(day, deleted), p.id, kind, _iso(day),
                rng.choice(("Công an xã", "UBND xã", "Hội Phụ nữ", "Ngân hàng CSXH")),
                "Đã hoàn thành", amount, purpose, bank, months, decision, status,
            ))

    def _violations(self, p: _Person, last: date) -> None:
        rng = self.rng
        assert p.managed is not None
        start = max(p.managed, self.window)
        if (last - start).days < 14:
            return
        for _ in range(rng.choices((0, 1, 2), (80, 15, 5))[0]):
            day = self.day_between(start, last)
            self.t["violations"].add((*self.record(day), p.id, "administrative", _iso(day),
                                      "Gây mất trật tự nơi công cộng", "Phạt cảnh cáo"))
        crime_day = None
        if p.end_reason == "new_sentence" and p.ended is not None:
            crime_day = max(p.managed, p.ended - timedelta(days=rng.randint(20, 60)))
        elif rng.random() < 0.02:  # charged, still at home awaiting trial
            crime_day = self.day_between(start, last)
        if crime_day is not None:
            self.t["violations"].add((*self.record(crime_day), p.id, "new_crime",
                                      _iso(crime_day), "Bị khởi tố", "Chuyển cơ quan điều tra"))

    def models(self) -> None:
        rng = self.rng
        for number, name in enumerate(rng.sample(vocab.MODEL_NAMES, k=rng.randint(2, 3))):
            start = self.day_between(self.window - timedelta(days=400), self.today - _DAY)
            end, status = None, "active"
            if number == 2:  # the third one was dissolved
                end, status = self.day_between(start, self.today), "dissolved"
            self.t["models"].add((*self.record(start), "model", name, _iso(start), _iso(end),
                                  "Công an, MTTQ, Hội Phụ nữ", status, None))


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


# ------------------------------------------------------------------ the database


def unit_convention(index: int) -> tuple[str, int]:
    """Most units report with the Decree 09 cut-off; some with calendar periods, some with a
    November year start (REPORTS.md §2), so the per-unit quarters differ."""
    if index % 10 == 3:
        return Convention.CALENDAR, 12
    if index % 10 == 7:
        return Convention.CUTOFF, 11
    return Convention.CUTOFF, 12


def unit_code(index: int) -> str:
    return f"{25000 + index * 3:05d}"


def _initialise(path: Path, scale: Scale, rng: random.Random) -> tuple[str, str, str]:
    """Schema by the migrations; the home unit and the three accounts by the services."""
    province, prefix = rng.choice(vocab.PROVINCES)
    if scale.home == "province":
        code, name = f"CAT{prefix}", f"Phòng PC10 Công an tỉnh {province}"
    else:
        code, name = unit_code(0), f"Công an xã {vocab.COMMUNES[0]}"
    db = open_database(path)
    try:
        admin = unit_service.initialize(
            db, unit_code=code, unit_name=name, province=f"Tỉnh {province}",
            admin_username="admin", admin_full_name="Quản trị hệ thống",
            admin_password=PASSWORD, recipient_name=f"Công an tỉnh {province}")
        user_service.create_user(db, admin, "canbo", "Nguyễn Văn Cường", "officer", PASSWORD)
        user_service.create_user(db, admin, "lanhdao", "Trần Quốc Hưng", "leader", PASSWORD)
    finally:
        db.close()
    return code, f"Tỉnh {province}", prefix


def _unit_row(table: BulkTable, writer: UnitWriter, index: int, is_home: bool) -> None:
    convention, month = writer.convention
    table.add((*writer.record(writer.window), writer.code,
               f"Công an xã {writer.commune}", writer.province, writer.commune, int(is_home),
               f"Công an {writer.province}", person_name(writer.rng, "male"),
               person_name(writer.rng, "male"), str(convention), month))


def generate(path: Path | str, scale: Scale) -> Summary:
    """Create the database at `path` (replacing it) for `scale`; deterministic for the seed."""
    started = time.perf_counter()
    path = Path(path)
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(scale.seed)
    home, province, prefix = _initialise(path, scale, rng)
    summary = Summary(path, home, [])
    conn = sqlite3.connect(path, isolation_level=None)
    # A throw-away bulk load: no WAL copy, no fsync, a big cache for the index inserts;
    # the product's WAL mode is restored at the end.
    conn.execute("PRAGMA journal_mode=MEMORY")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")
    try:
        for index in range(scale.units):
            commune = vocab.COMMUNES[index % len(vocab.COMMUNES)]
            if index >= len(vocab.COMMUNES):
                commune = f"{commune} {index // len(vocab.COMMUNES) + 1}"
            code = unit_code(index)
            tables = {name: BulkTable(name, columns) for name, columns in TABLES.items()}
            writer = UnitWriter(rng, scale, code, unit_convention(index), tables,
                                (province, prefix, commune))
            if code == home:
                _update_home(conn, writer)
            else:
                _unit_row(tables["units"], writer, index, False)
            writer.write()
            summary.unit_codes.append(code)
            _flush(conn, tables.values(), summary.rows)
        conn.execute("PRAGMA optimize")
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _update_home(conn: sqlite3.Connection, writer: UnitWriter) -> None:
    convention, month = writer.convention
    conn.execute("UPDATE units SET period_convention = ?, year_start_month = ?, place_name = ?"
                 " WHERE code = ?", (str(convention), month, writer.commune, writer.code))


def _flush(conn: sqlite3.Connection, tables: Iterable[BulkTable], rows: dict[str, int]) -> None:
    conn.execute("BEGIN")
    for table in tables:
        rows[table.name] = rows.get(table.name, 0) + table.flush(conn)
    conn.execute("COMMIT")


def _parse(argv: list[str] | None) -> tuple[Path, Scale]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("preset", choices=[*PRESETS, "custom"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--units", type=int)
    parser.add_argument("--people", type=int, help="people per unit")
    parser.add_argument("--years", type=int)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--home", choices=("province", "unit"))
    args = parser.parse_args(argv)
    scale = PRESETS.get(args.preset, PROVINCE)
    changes = {k: getattr(args, k) for k in ("units", "people", "years", "seed", "home")
               if getattr(args, k) is not None}
    return args.path, replace(scale, **changes)


def main(argv: list[str] | None = None) -> int:
    path, scale = _parse(argv)
    summary = generate(path, scale)
    counts = ", ".join(f"{k} {v:,}" for k, v in summary.rows.items())
    print(f"{path}: {len(summary.unit_codes)} units; {counts}; {summary.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
