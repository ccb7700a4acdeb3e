"""The person's history in words: audit entries of the person and of their records."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from desktop.db import Database
from desktop.models import User
from desktop.services import (
    contacts,
    evaluations,
    lifecycle,
    persons,
    supports,
    team,
    timeline,
    violations,
)
from desktop.services.access import Actor
from desktop.services.errors import NotFound
from tests.services import people_helpers as people
from tests.services.care_helpers import OTHER_UNIT, TODAY

MET = contacts.ContactInput(contact_date=date(2026, 11, 12), form="home_visit",
                            summary="Bình thường")


def texts(db: Database, actor: Actor, pid: str) -> list[str]:
    return [e.text for e in timeline.person_timeline(db, actor, pid)]


def add_user(db: Database, username: str, full_name: str) -> None:
    with db.transaction() as s:
        s.add(User(username=username, full_name=full_name, role="officer",
                   password_hash="x", unit_code="26001"))


def test_lifecycle_reads_as_dated_status_changes_newest_first(
        db: Database, officer: Actor) -> None:
    p = people.managed(db, officer)

    assert texts(db, officer, p.id) == [
        "Chuyển trạng thái: Đã tiếp nhận → Đang quản lý (ngày 08/09/2026)",
        "Mở hồ sơ với trạng thái Đã tiếp nhận (ngày 04/09/2026)",
        "Nhập bản án số 25/2022/HS-ST ngày 15/03/2022 (Tòa án nhân dân tỉnh Thái Nguyên)",
        "Tạo hồ sơ Nguyễn Văn An, trạng thái Đã tiếp nhận",
    ]


def test_team_decision_at_start_and_end_reason_and_note_are_told(
        db: Database, officer: Actor) -> None:
    p = people.received(db, officer)
    lifecycle.start_management(db, officer, p.id, date(2026, 9, 8), "12/QĐ-UBND",
                               date(2026, 9, 8), today=TODAY)
    lifecycle.end_management(db, officer, p.id, date(2026, 11, 20), "moved",
                             "Chuyển về Hà Nội", today=TODAY)

    assert texts(db, officer, p.id)[:3] == [
        "Chuyển trạng thái: Đang quản lý → Kết thúc quản lý (ngày 20/11/2026), "
        "lý do: Chuyển nơi cư trú; ghi chú: Chuyển về Hà Nội",
        "Chuyển trạng thái: Đã tiếp nhận → Đang quản lý (ngày 08/09/2026)",
        "Ghi quyết định phân công tổ giúp đỡ: số 12/QĐ-UBND, ngày 08/09/2026",
    ]


def test_profile_edit_names_the_field_and_both_values(db: Database, officer: Actor) -> None:
    p = people.received(db, officer)
    persons.update_person(db, officer, p.id, people.person(current_address="Số 7, tổ 3"),
                          expected_version=p.version, today=TODAY)
    persons.update_person(db, officer, p.id, people.person(
        current_address="Số 7, tổ 3", phone="0912 345 678", other_names="Tèo"), today=TODAY)

    newest, before = texts(db, officer, p.id)[:2]
    assert before == "Sửa nơi ở hiện tại: «Tổ 5, phường Thanh Bình» → «Số 7, tổ 3»"
    assert newest == ("Sửa hồ sơ: tên gọi khác (trống) → «Tèo»; "
                      "số điện thoại (trống) → «0912 345 678»")


def test_contact_logged_edited_and_deleted(db: Database, officer: Actor,
                                           add_person: Callable[..., str]) -> None:
    pid = add_person()
    c = contacts.log_contact(db, officer, pid, MET, today=TODAY)
    contacts.update_contact(db, officer, c.id, contacts.ContactInput(
        contact_date=date(2026, 11, 12), form="phone", summary="Bình thường",
        risk_signs=("conflict",)), today=TODAY)
    contacts.delete_contact(db, officer, c.id, "Nhập nhầm người")

    assert texts(db, officer, pid) == [
        "Xóa lần gặp ngày 12/11/2026 (qua điện thoại) (lý do: Nhập nhầm người)",
        "Sửa lần gặp ngày 12/11/2026 (qua điện thoại): hình thức Đến nhà → Qua điện thoại; "
        "dấu hiệu nguy cơ (trống) → Mâu thuẫn, xung đột",
        "Ghi nhận lần gặp ngày 12/11/2026 (đến nhà)",
    ]


def test_team_changes(db: Database, officer: Actor, add_person: Callable[..., str]) -> None:
    pid = add_person()
    police = team.add_team_member(db, officer, pid, "police", "Trần Văn Bình",
                                  date(2024, 1, 10), responsible=True, today=TODAY)
    hoa = team.add_team_member(db, officer, pid, "mass_org", "Lê Thị Hoa", date(2024, 1, 10),
                               organisation="Hội Liên hiệp Phụ nữ", today=TODAY)
    team.set_responsible(db, officer, hoa.id)
    team.end_team_member(db, officer, police.id, date(2026, 6, 30), today=TODAY)

    assert texts(db, officer, pid) == [
        "Trần Văn Bình (Cán bộ Công an) thôi tham gia tổ giúp đỡ, ngày cuối: 30/06/2026",
        "Giao Lê Thị Hoa phụ trách trực tiếp",
        "Trần Văn Bình thôi phụ trách trực tiếp",
        "Thêm thành viên tổ giúp đỡ: Lê Thị Hoa (Đại diện tổ chức chính trị - xã hội, "
        "Hội Liên hiệp Phụ nữ) từ ngày 10/01/2024",
        "Thêm thành viên tổ giúp đỡ: Trần Văn Bình (Cán bộ Công an) từ ngày 10/01/2024, "
        "phụ trách trực tiếp",
    ]


def test_evaluation_support_violation_and_excused_week(
        db: Database, officer: Actor, add_person: Callable[..., str]) -> None:
    pid = add_person()
    evaluations.record_evaluation(db, officer, pid, evaluations.EvaluationInput(
        quarter="2026-Q3", classification="B", evaluated_on=date(2026, 9, 16)), today=TODAY)
    supports.record_support(db, officer, pid, supports.SupportInput(
        kind="hardship_aid", support_date=date(2026, 10, 2), amount_vnd=1_500_000,
        provider="UBND phường"), today=TODAY)
    violations.record_violation(db, officer, pid, "administrative", date(2026, 10, 20),
                                "Gây mất trật tự nơi công cộng", today=TODAY)
    contacts.add_excused_week(db, officer, pid, "2026-W45", "Đi làm xa", today=TODAY)

    assert texts(db, officer, pid) == [
        "Ghi tuần miễn gặp 2026-W45 (02/11/2026 – 08/11/2026), lý do: Đi làm xa",
        "Ghi vi phạm ngày 20/10/2026 (vi phạm hành chính): Gây mất trật tự nơi công cộng",
        "Ghi hỗ trợ: Trợ cấp khó khăn 1.500.000 đồng, UBND phường, ngày 02/10/2026",
        "Đánh giá quý III năm 2026: Loại B – còn khó khăn",
    ]


def test_who_is_the_full_name_when_the_account_is_known(
        db: Database, officer: Actor, add_person: Callable[..., str]) -> None:
    pid = add_person()
    contacts.log_contact(db, officer, pid, MET, today=TODAY)
    stranger = Actor("canbo2", "", "officer", "26001")
    contacts.log_contact(db, stranger, pid, contacts.ContactInput(
        contact_date=date(2026, 11, 19)), today=TODAY)
    add_user(db, "canbo", "Nguyễn Văn Cường")

    newest, oldest = timeline.person_timeline(db, officer, pid)

    assert (newest.username, newest.who) == ("canbo2", "canbo2")
    assert (oldest.username, oldest.who) == ("canbo", "Nguyễn Văn Cường")
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", oldest.when)
    assert newest.seq > oldest.seq
    assert oldest.at <= datetime.now(UTC)


def test_only_this_persons_records(db: Database, officer: Actor,
                                   add_person: Callable[..., str]) -> None:
    mine, other = add_person(), add_person("Lê Thị Bé", id_number=None)
    contacts.log_contact(db, officer, other, MET, today=TODAY)
    team.add_team_member(db, officer, other, "police", "Trần Văn Bình", date(2024, 1, 10),
                         today=TODAY)
    contacts.log_contact(db, officer, mine, MET, today=TODAY)

    assert texts(db, officer, mine) == ["Ghi nhận lần gặp ngày 12/11/2026 (đến nhà)"]
    assert len(texts(db, officer, other)) == 2


def test_leader_reads_other_unit_does_not(db: Database, officer: Actor, leader: Actor,
                                          add_person: Callable[..., str]) -> None:
    pid = add_person()
    contacts.log_contact(db, officer, pid, MET, today=TODAY)

    assert len(texts(db, leader, pid)) == 1
    with pytest.raises(NotFound):
        timeline.person_timeline(db, Actor("canbo", "", "officer", OTHER_UNIT), pid)


@pytest.mark.parametrize(("field", "value", "entity", "shown"), [
    ("release_date", "2026-09-01", "persons", "01/09/2026"),
    ("birth_date", "1985", "persons", "«1985»"),
    ("amount_vnd", 1_500_000, "supports", "1.500.000 ₫"),
    ("responsible", True, "team_members", "có"),
    ("phone", "", "persons", "(trống)"),
    ("phone", None, "persons", "(trống)"),
    ("status", "managed", "persons", "Đang quản lý"),
    ("kind", "loan", "supports", "Vay vốn"),
    ("kind", "new_crime", "violations", "Phạm tội mới"),
    ("reason", "Đi làm xa", "excused_weeks", "«Đi làm xa»"),
    ("reason", "died", "status_changes", "Chết"),
    ("risk_signs", "bad_company,conflict", "contacts",
     "Giao du với đối tượng xấu, Mâu thuẫn, xung đột"),
    ("prison_months", 48, "judgments", "48"),
])
def test_values_are_shown_as_people_read_them(field: str, value: object, entity: str,
                                              shown: str) -> None:
    assert timeline.show_value(field, value, entity) == shown


def test_long_text_is_cut_at_a_word() -> None:
    text = "Gặp gỡ, nắm tình hình " * 10
    cut = timeline.excerpt(text, 30)
    assert cut.endswith("…")
    assert len(cut) <= 31
    assert cut == "Gặp gỡ, nắm tình hình Gặp gỡ…"
