"""A hand-built commune for the tests of the person papers and Form 01, made through the
services (so every record passed the same checks as in the application).

Nguyễn Văn An came home on 04/09/2025 and is managed by a four-member team under decision
12/QĐ-UBND of 08/09/2025; in quarter III of 2026 (cut-off: 15/06 … 14/09/2026) he was met
six times, had one excused week, one job referral and one administrative violation, and
was evaluated B. Other people of the unit ask for loans in November 2026 (Form 01).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from desktop.db import Database, open_database
from desktop.models import Unit
from desktop.services import lifecycle, persons
from desktop.services.access import Actor
from desktop.services.contacts import ContactInput, add_excused_week, log_contact
from desktop.services.evaluations import EvaluationInput, record_evaluation
from desktop.services.supports import SupportInput, record_support
from desktop.services.team import add_team_member
from desktop.services.violations import record_violation

TODAY = date(2026, 11, 26)
UNIT = "26001"
OFFICER = Actor("canbo", "Nguyễn Văn Cán", "officer", UNIT)
RECEIVED, MANAGED = date(2025, 9, 4), date(2025, 9, 8)

PERSON = persons.PersonInput(
    full_name="Nguyễn Văn An", gender="male", birth_date="12/04/1985",
    id_number="001085012345", place_of_origin="Xã Tân Cương, Thái Nguyên",
    permanent_address="Tổ 5, phường Thanh Bình", current_address="Tổ 5, phường Thanh Bình",
    residential_area="Tổ 5", release_date=date(2025, 9, 1), release_type="completed",
    prison="Trại giam Phú Sơn 4", certificate_number="123/GCN", occupation="Thợ xây",
)
JUDGMENT = persons.JudgmentInput(
    court="Tòa án nhân dân tỉnh Thái Nguyên", judgment_number="25/2022/HS-ST",
    judgment_date=date(2022, 3, 15), offences="Trộm cắp tài sản", penal_articles="Điều 173",
    chapter=16, main_penalty="prison", prison_months=42, obligations="Án phí 200.000 đồng",
    obligations_done_on=date(2022, 6, 1),
)
TEAM = (  # role, name, organisation, position, responsible
    ("police", "Trần Văn Bình", "", "Cán bộ Công an phường", True),
    ("mass_org", "Hoàng Thị Hoa", "Hội Liên hiệp Phụ nữ", "", False),
    ("party_member", "Lý Văn Đức", "", "Bí thư chi bộ tổ 5", False),
    ("family", "Nguyễn Thị Lan", "", "Vợ", False),
)
# Quarter III of 2026 (cut-off) runs 15/06 … 14/09/2026; the first and last are outside it.
CONTACT_DAYS = (date(2025, 9, 10), date(2026, 6, 17), date(2026, 6, 24), date(2026, 7, 1),
                date(2026, 7, 15), date(2026, 8, 5), date(2026, 9, 2), date(2026, 10, 7))
Q3_CONTACTS = CONTACT_DAYS[1:7]
HELPER_REPORT = "Chấp hành tốt quy định, còn khó khăn về việc làm ổn định"
SUPPORT_OUTCOME = "Đã nhận việc tại công trình xây dựng"
VIOLATION = "Uống rượu gây mất trật tự khu dân cư"


@dataclass(frozen=True)
class Case:
    """The database file and the record id of the person the papers are about."""

    path: Path
    person_id: str


def _unit(db: Database) -> None:
    with db.transaction() as s:
        s.add(Unit(code=UNIT, unit_code=UNIT, name="Công an phường Thanh Bình",
                   province="Tỉnh Thái Nguyên", place_name="Thanh Bình", is_home=True,
                   police_chief="Nguyễn Văn Hùng", chairperson="Lê Thị Mai",
                   recipient_name="Công an tỉnh Thái Nguyên"))


def managed_person(db: Database, person: persons.PersonInput = PERSON,
                   decision: str = "12/QĐ-UBND") -> str:
    """A person received on RECEIVED and managed from MANAGED; returns the record id."""
    pid = persons.register_walk_in(db, OFFICER, person, JUDGMENT, RECEIVED, today=TODAY).id
    lifecycle.start_management(db, OFFICER, pid, MANAGED, decision, MANAGED, today=TODAY)
    return pid


def _care(db: Database, pid: str) -> None:
    for role, name, organisation, position, responsible in TEAM:
        add_team_member(db, OFFICER, pid, role, name, MANAGED, organisation=organisation,
                        position=position, responsible=responsible, today=TODAY)
    for index, day in enumerate(CONTACT_DAYS):
        log_contact(db, OFFICER, pid, ContactInput(
            contact_date=day, form="phone" if index == 3 else "home_visit",
            members_present="Trần Văn Bình", work="Làm thợ xây theo mùa vụ",
            mood="Ổn định", advice="Nhắc nhở chấp hành pháp luật",
            risk_signs=("bad_company",) if index == 4 else ()), today=TODAY)
    add_excused_week(db, OFFICER, pid, "2026-W30", "Đi làm xa có báo cáo", today=TODAY)
    record_support(db, OFFICER, pid, SupportInput(
        kind="job_referral", support_date=date(2026, 7, 20),
        provider="Trung tâm dịch vụ việc làm", outcome=SUPPORT_OUTCOME), today=TODAY)
    record_violation(db, OFFICER, pid, "administrative", date(2026, 8, 10), VIOLATION,
                     "Nhắc nhở, cảnh cáo", today=TODAY)
    record_evaluation(db, OFFICER, pid, EvaluationInput(
        quarter="2026-Q3", classification="B", evaluated_on=date(2026, 9, 14),
        helper_report=HELPER_REPORT, work="Làm thợ xây theo mùa vụ",
        proposals="Đề nghị giới thiệu việc làm ổn định"), today=TODAY)


def build_case(folder: Path) -> Case:
    """The unit and Nguyễn Văn An with his whole quarter; the database is closed again."""
    path = folder / "case.db"
    db = open_database(path)
    try:
        _unit(db)
        pid = managed_person(db)
        _care(db, pid)
    finally:
        db.close()
    return Case(path, pid)


def other_person(name: str, id_number: str) -> persons.PersonInput:
    """Another man of the unit, born 1985 like An (the ID number encodes sex and year)."""
    return replace(PERSON, full_name=name, id_number=id_number)
