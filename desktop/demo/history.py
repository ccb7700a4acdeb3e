"""A demo person's history: lifecycle, team, weekly contacts, evaluations, support, violations."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from desktop.demo import vocab
from desktop.demo.people import Identity, Sentence, person_name
from desktop.models import (
    CommunityModel,
    ContactLog,
    Evaluation,
    ExcusedWeek,
    Judgment,
    Person,
    RecordMixin,
    StatusChange,
    Support,
    TeamMember,
    Violation,
)
from desktop.rules.coverage import iso_week_code
from desktop.rules.periods import Convention, quarter_of
from desktop.rules.workdays import add_working_days
from desktop.services.access import Actor
from desktop.services.audit import Change, append_changes
from desktop.services.records import entity_name
from desktop.text import fold

_BOOKKEEPING = {"id", "unit_code", "version", "created_at", "updated_at", "deleted_at",
                "photo", "name_folded"}
END_WEIGHTS = {"expunged": 40, "moved": 20, "abroad": 5, "missing": 5, "died": 10,
               "new_sentence": 20}


class _Writer:
    """Adds rows with seeded ids and times so a seed always gives the same database."""

    def __init__(self, s: Session, rng: random.Random, actor: Actor) -> None:
        self.s, self.rng, self.actor = s, rng, actor
        self.added: list[RecordMixin] = []

    def add(self, row: RecordMixin, on: date) -> Any:
        stamp = datetime.combine(on, time(9, 0), tzinfo=UTC)
        row.id = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        row.unit_code, row.version = self.actor.unit_code, 1
        row.created_at = row.updated_at = stamp
        self.s.add(row)
        self.added.append(row)
        return row

    def audit_all(self) -> None:
        """One audit entry per record, dated when the record was made, so the timeline of
        a demo person reads like a real case file."""
        self.s.flush()
        items = []
        for row in sorted(self.added, key=lambda r: r.created_at):
            columns = sa_inspect(row).mapper.columns
            changes = {c.key: (None, getattr(row, c.key)) for c in columns
                       if c.key not in _BOOKKEEPING and getattr(row, c.key) not in (None, "")}
            items.append(Change("create", entity_name(type(row)), row.id, changes,
                                at=row.created_at))
        append_changes(self.s, self.actor, items)


def simulate_person(s: Session, rng: random.Random, actor: Actor, index: int, scenario: str,
                    ident: Identity, sent: Sentence, release: date, today: date) -> None:
    """Create one person with a history consistent with every validation rule."""
    w = _Writer(s, rng, actor)
    person = _person(w, ident, release, today)
    s.flush()  # no ORM relationships: the person row must exist before rows that point to it
    _judgment(w, person, sent, release)
    _lifecycle(w, person, scenario, release, today, actor)
    if person.managed_on is not None:
        last = min(today, person.ended_on - timedelta(days=1)) if person.ended_on else today
        # About one managed person in ten has fallen behind: the dashboard shows them.
        overdue = person.ended_on is None and rng.random() < 0.12
        _team(w, person, index)
        _contacts(w, person, last - timedelta(days=21) if overdue else last)
        _evaluations(w, person, index, last)
        _supports(w, person, release, last)
        _violations(w, person, index, last)
    w.audit_all()


def _person(w: _Writer, ident: Identity, release: date, today: date) -> Person:
    person: Person = w.add(Person(
        full_name=ident.full_name, name_folded=fold(ident.full_name), gender=ident.gender,
        birth_date=ident.birth_date, id_number=ident.id_number,
        place_of_origin=ident.place_of_origin, permanent_address=ident.address,
        current_address=ident.address, residential_area=ident.residential_area,
        phone=ident.phone, release_date=release,
        release_type=w.rng.choices(["completed", "amnesty", "conditional"], [80, 12, 8])[0],
        prison=w.rng.choice(vocab.PRISONS), certificate_number=f"{w.rng.randint(100, 999)}/GCN",
        notice_received_on=release - timedelta(days=w.rng.randint(45, 65)),
        expected_on=release + timedelta(days=2), status="expected",
        occupation=w.rng.choice(("Lao động tự do", "Làm ruộng", "Công nhân", "Chưa có việc")),
    ), min(today, release - timedelta(days=50)))
    return person


def _judgment(w: _Writer, person: Person, sent: Sentence, release: date) -> None:
    w.add(Judgment(
        person_id=person.id, court=f"Tòa án nhân dân tỉnh {w.rng.choice(vocab.PROVINCES)[0]}",
        judgment_number=f"{w.rng.randint(10, 250)}/{sent.judgment_date.year}/HS-ST",
        judgment_date=sent.judgment_date, offences=sent.offence,
        penal_articles=f"Điều {sent.article}", chapter=sent.chapter,
        main_penalty=sent.main_penalty, prison_months=sent.prison_months,
        obligations="Án phí hình sự sơ thẩm 200.000 đồng" if sent.has_obligations else "",
        obligations_done_on=sent.obligations_done_on,
        probation_until=release + timedelta(days=365) if person.release_type == "conditional"
        else None,
    ), sent.judgment_date)


def _transition(w: _Writer, person: Person, to: str, on: date, actor: Actor,
                reason: str | None = None) -> None:
    w.add(StatusChange(person_id=person.id, from_status=person.status, to_status=to,
                       on_date=on, by_user=actor.username, reason=reason), on)
    person.status = to


def _lifecycle(w: _Writer, person: Person, scenario: str, release: date, today: date,
               actor: Actor) -> None:
    _transition(w, person, "expected", person.notice_received_on or release, actor)
    if scenario == "expected":
        return
    if scenario == "absent_noshow":
        person.absent_on = min(today, release + timedelta(days=10))
        _transition(w, person, "absent", person.absent_on, actor)
        return
    person.received_on = min(today, release + timedelta(days=w.rng.randint(1, 5)))
    _transition(w, person, "received", person.received_on, actor)
    if scenario == "received":
        return
    person.managed_on = min(today, add_working_days(person.received_on, w.rng.randint(1, 3)))
    person.team_decision_number = f"{w.rng.randint(1, 99):02d}/QĐ-UBND"
    person.team_decision_date = person.managed_on
    _transition(w, person, "managed", person.managed_on, actor)
    reason = scenario.split(":")[1] if scenario.startswith("ended:") else None
    if reason is None and scenario == "managed" and w.rng.random() < 0.2:
        reason = w.rng.choices(list(END_WEIGHTS), list(END_WEIGHTS.values()))[0]
    span = (today - person.managed_on).days
    if scenario == "absent_left":
        person.absent_on = person.managed_on + timedelta(days=max(1, span // 2))
        _transition(w, person, "absent", person.absent_on, actor)
    elif reason is not None and span > 90:
        person.ended_on = person.managed_on + timedelta(days=w.rng.randint(60, span - 1))
        person.end_reason = reason
        _transition(w, person, "ended", person.ended_on, actor, reason)


def _team(w: _Writer, person: Person, index: int) -> None:
    assert person.managed_on is not None
    roles = ["police", "mass_org", "party_member", "family"]
    if index % 9 == 4:  # an incomplete team, for the dashboard and HCD-13
        roles.remove(w.rng.choice(["mass_org", "party_member"]))
    for role in roles:
        gender = "female" if role == "mass_org" and w.rng.random() < 0.5 else "male"
        name = person_name(w.rng, gender)
        if role == "family":
            name = f"{name} ({w.rng.choice(vocab.FAMILY_RELATIONS)})"
        w.add(TeamMember(
            person_id=person.id, role=role, name=name, from_date=person.managed_on,
            organisation=w.rng.choice(vocab.MASS_ORGS) if role == "mass_org" else "",
            position="Cán bộ Công an phường" if role == "police" else "",
            phone=f"09{w.rng.randrange(10**8):08d}", responsible=role == "police",
        ), person.managed_on)


def _contacts(w: _Writer, person: Person, last: date) -> None:
    assert person.managed_on is not None
    monday = person.managed_on - timedelta(days=person.managed_on.weekday())
    forms = ("home_visit", "home_visit", "office", "workplace", "phone")
    while monday <= last:
        roll = w.rng.random()
        if roll < 0.05:
            w.add(ExcusedWeek(person_id=person.id, week=iso_week_code(monday),
                              reason=w.rng.choice(vocab.EXCUSE_REASONS)), monday)
        elif roll < 0.92:
            day = monday + timedelta(days=w.rng.randint(0, 6))
            if person.managed_on <= day <= last:
                w.add(ContactLog(
                    person_id=person.id, contact_date=day, form=w.rng.choice(forms),
                    work=w.rng.choice(vocab.WORK_NOTES), mood=w.rng.choice(vocab.MOODS),
                    advice=w.rng.choice(vocab.ADVICE), members_present="Công an phường",
                    summary="Gặp gỡ, nắm tình hình và động viên",
                    risk_signs="bad_company" if w.rng.random() < 0.03 else "",
                ), day)
        monday += timedelta(days=7)


def _evaluations(w: _Writer, person: Person, index: int, last: date) -> None:
    assert person.managed_on is not None
    quarter = quarter_of(person.managed_on, Convention.CUTOFF, 12)
    while quarter.end <= last:
        if w.rng.random() > 0.06:  # a few quarters were never evaluated
            grade = w.rng.choices("ABCD", [62, 25, 10, 3])[0]
            if index % 7 == 3:
                grade = "C"
            evaluated = min(last, quarter.end + timedelta(days=w.rng.randint(1, 4)))
            w.add(Evaluation(person_id=person.id, quarter=quarter.code, classification=grade,
                             evaluated_on=evaluated,
                             helper_report="Chấp hành tốt các quy định tại địa phương"),
                  evaluated)
            if grade == "A" and w.rng.random() < 0.03:
                w.add(CommunityModel(kind="exemplary", name=person.full_name,
                                     start_date=evaluated, person_id=person.id), evaluated)
        quarter = quarter_of(quarter.end + timedelta(days=1), Convention.CUTOFF, 12)


def _supports(w: _Writer, person: Person, release: date, last: date) -> None:
    assert person.managed_on is not None
    span = (last - person.managed_on).days
    if span < 7:
        return
    kinds = w.rng.sample(
        ["counselling", "legal_procedures", "residence_registration", "civil_status",
         "id_card", "judicial_record", "expungement_application", "vocational_training",
         "job_referral", "loan", "hardship_aid", "social_protection", "other"],
        k=w.rng.randint(1, 4))
    for kind in kinds:
        day = person.managed_on + timedelta(days=w.rng.randrange(span))
        row = Support(person_id=person.id, kind=kind, support_date=day,
                      provider=w.rng.choice(("Công an phường", "UBND phường", "Hội Phụ nữ",
                                             "Ngân hàng CSXH", "Trung tâm GDNN")),
                      outcome="Đã hoàn thành")
        if kind == "loan":
            row.loan_purpose = w.rng.choice(("business", "business", "training"))
            row.amount_vnd = w.rng.choice((20, 30, 50, 80)) * 1_000_000
            row.loan_months = w.rng.choice((36, 60))
            if row.loan_purpose == "training":
                row.amount_vnd = 4_000_000 * 6
                row.loan_months = 6
            row.loan_bank = "Ngân hàng Chính sách xã hội"
            row.loan_decision_on, row.loan_status = day, "disbursed"
        elif kind == "hardship_aid":
            row.amount_vnd = w.rng.choice((500, 1000, 2000, 3000)) * 1000
        w.add(row, day)


def _violations(w: _Writer, person: Person, index: int, last: date) -> None:
    assert person.managed_on is not None
    span = (last - person.managed_on).days
    if span < 14:
        return
    if w.rng.random() < 0.15 or index % 13 == 6:
        day = person.managed_on + timedelta(days=w.rng.randrange(span))
        w.add(Violation(person_id=person.id, kind="administrative", violation_date=day,
                        description="Gây mất trật tự nơi công cộng",
                        handling="Phạt cảnh cáo, nhắc nhở"), day)
    if person.end_reason == "new_sentence" and person.ended_on is not None:
        day = person.ended_on - timedelta(days=w.rng.randint(20, 60))
        day = max(day, person.managed_on)
        w.add(Violation(person_id=person.id, kind="new_crime", violation_date=day,
                        description="Bị khởi tố về hành vi trộm cắp tài sản",
                        handling="Bị tạm giam, chuyển cơ quan điều tra"), day)
