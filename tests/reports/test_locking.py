"""Signing locks a report's period: later writes dated in it need a reason, are recorded as
adjustments, leave the signed snapshot untouched and show up in the next report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.models import ReportRecord
from desktop.models.admin import Adjustment
from desktop.reports.forms import render_pdf
from desktop.reports.snapshot import (
    ReportSnapshot,
    list_reports,
    load_snapshot,
    mark_signed,
    produce_snapshot,
    record_file_hashes,
    sha256_hex,
)
from desktop.services import contacts, evaluations, lifecycle, supports, violations
from desktop.services.access import Actor
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from desktop.services.locking import locked_period_for
from tests.reports.report_helpers import pdf_pages

TODAY = date(2025, 3, 1)
IN_Q3 = date(2024, 8, 10)  # 2024-Q3 in the cut-off convention: 15/06/2024 … 14/09/2024
REASON = "Bổ sung sổ theo dõi ghi sót"
SIGNED_AT = datetime(2024, 9, 20, 8, 0, tzinfo=UTC)


def sign_q3(db: Database, officer: Actor, leader: Actor) -> ReportSnapshot:
    snap = produce_snapshot(db, officer, "HCD-13", "2024-Q3")
    mark_signed(db, leader, snap.report_id, "Trần Văn Trưởng", SIGNED_AT, "a" * 64)
    return snap


def stored(db: Database, report_id: str) -> ReportRecord:
    with db.reading() as s:
        row = s.get(ReportRecord, report_id)
        assert row is not None
        return row


def test_officer_produces_but_cannot_sign(db: Database, officer: Actor) -> None:
    snap = produce_snapshot(db, officer, "HCD-13", "2024-Q3")
    with pytest.raises(PermissionDenied, match="ký báo cáo"):
        mark_signed(db, officer, snap.report_id, "X", SIGNED_AT, None)
    assert stored(db, snap.report_id).signature_state == "unsigned"


def test_leader_signs_but_cannot_edit_records(db: Database, leader: Actor,
                                              add_person: Callable[..., str]) -> None:
    person = add_person()
    snap = produce_snapshot(db, leader, "HCD-12", "2024-M08")
    info = mark_signed(db, leader, snap.report_id, "Trần Văn Trưởng", SIGNED_AT, None)
    assert info.signed
    assert info.signer == "Trần Văn Trưởng"
    with pytest.raises(PermissionDenied, match="sửa hồ sơ"):
        contacts.log_contact(db, leader, person, contacts.ContactInput(IN_Q3), today=TODAY,
                             adjustment_reason=REASON)


def test_snapshot_is_canonical_hashed_and_revised(db: Database, officer: Actor) -> None:
    first = produce_snapshot(db, officer, "HCD-13", "2024-Q3")
    second = produce_snapshot(db, officer, "HCD-13", "2024-Q3")
    assert (first.revision, second.revision) == (1, 2)
    assert first.sha256 == sha256_hex(first.snapshot_json)
    assert ", " not in first.snapshot_json
    assert ": " not in first.snapshot_json
    assert load_snapshot(db, officer, first.report_id).data == first.data
    assert [r.revision for r in list_reports(db, officer)] == [2, 1]


def test_tampered_snapshot_is_refused(db: Database, officer: Actor) -> None:
    snap = produce_snapshot(db, officer, "HCD-09", "2024-Q3")
    with db.transaction() as s:
        row = s.get(ReportRecord, snap.report_id)
        assert row is not None
        row.snapshot_json = row.snapshot_json.replace('"managed_at_end":0',
                                                      '"managed_at_end":7')
    with pytest.raises(ServiceError, match="không khớp mã kiểm tra"):
        load_snapshot(db, officer, snap.report_id)


def test_signing_locks_and_adjustments_flow_to_the_next_report(
        db: Database, officer: Actor, leader: Actor, add_person: Callable[..., str],
        tmp_path: Path) -> None:
    person = add_person()
    q3 = sign_q3(db, officer, leader)
    before = stored(db, q3.report_id).snapshot_json
    with db.reading() as s:
        lock = locked_period_for(s, officer.unit_code, IN_Q3)
    assert lock is not None
    assert lock.id == q3.report_id
    entry = contacts.ContactInput(IN_Q3, summary="Gặp tại nhà")
    with pytest.raises(ValidationError, match="đã ký và khóa") as refused:
        contacts.log_contact(db, officer, person, entry, today=TODAY)
    assert refused.value.field == "contact_date"
    added = contacts.log_contact(db, officer, person, entry, today=TODAY,
                                 adjustment_reason=REASON)
    with db.reading() as s:
        rows = list(s.scalars(select(Adjustment)))
    assert [(a.report_id, a.entity, a.entity_id, a.reason, a.created_by) for a in rows] == [
        (q3.report_id, "contacts", added.id, REASON, "canbo")]
    assert stored(db, q3.report_id).snapshot_json == before
    q4 = produce_snapshot(db, officer, "HCD-13", "2024-Q4")
    assert [a["reason"] for a in q4.data["adjustments"]] == [REASON]
    assert q4.data["adjustments"][0]["report_period"] == "quý III năm 2024"
    assert REASON in " ".join(pdf_pages(render_pdf(q4).pdf, tmp_path))


def test_next_report_lists_only_new_adjustments(db: Database, officer: Actor, leader: Actor,
                                                add_person: Callable[..., str]) -> None:
    person = add_person()
    sign_q3(db, officer, leader)
    contacts.log_contact(db, officer, person, contacts.ContactInput(IN_Q3), today=TODAY,
                         adjustment_reason="lần một")
    q4 = produce_snapshot(db, officer, "HCD-13", "2024-Q4")
    mark_signed(db, leader, q4.report_id, "Trần Văn Trưởng", SIGNED_AT, None)
    contacts.log_contact(db, officer, person, contacts.ContactInput(date(2024, 8, 12)),
                         today=TODAY, adjustment_reason="lần hai")
    q1 = produce_snapshot(db, officer, "HCD-13", "2025-Q1")
    assert [a["reason"] for a in q1.data["adjustments"]] == ["lần hai"]


def test_signed_period_cannot_be_produced_again(db: Database, officer: Actor,
                                                leader: Actor) -> None:
    sign_q3(db, officer, leader)
    with pytest.raises(ServiceError, match="đã được ký"):
        produce_snapshot(db, officer, "HCD-13", "2024-Q3")
    produce_snapshot(db, officer, "HCD-09", "2024-Q3")  # another form is its own report


def test_signed_pdf_hash_cannot_be_replaced(db: Database, officer: Actor,
                                            leader: Actor) -> None:
    q3 = sign_q3(db, officer, leader)
    with pytest.raises(ServiceError, match="đã ký"):
        record_file_hashes(db, officer, q3.report_id, pdf_sha256="b" * 64)
    info = record_file_hashes(db, officer, q3.report_id, xlsx_sha256="c" * 64)
    assert (info.pdf_sha256, info.xlsx_sha256) == ("a" * 64, "c" * 64)


def test_moving_or_deleting_a_record_out_of_a_locked_period(
        db: Database, officer: Actor, leader: Actor, add_person: Callable[..., str]) -> None:
    person = add_person()
    logged = contacts.log_contact(db, officer, person, contacts.ContactInput(IN_Q3),
                                  today=TODAY)
    sign_q3(db, officer, leader)
    later = contacts.ContactInput(date(2024, 10, 1))
    with pytest.raises(ValidationError, match="đã ký và khóa"):
        contacts.update_contact(db, officer, logged.id, later, today=TODAY)
    with pytest.raises(ValidationError, match="đã ký và khóa"):
        contacts.delete_contact(db, officer, logged.id)
    contacts.delete_contact(db, officer, logged.id, adjustment_reason="Ghi nhầm người")
    with db.reading() as s:
        assert [a.action for a in s.scalars(select(Adjustment))] == ["delete"]


def test_every_dated_write_service_is_guarded(db: Database, officer: Actor, leader: Actor,
                                              add_person: Callable[..., str]) -> None:
    person = add_person()
    expected = add_person("Lê Văn Chờ", status="expected", received_on=None, managed_on=None,
                          release_date=date(2024, 7, 1))
    sign_q3(db, officer, leader)
    writes: dict[str, Callable[[str | None], object]] = {
        "support_date": lambda why: supports.record_support(
            db, officer, person, supports.SupportInput("counselling", IN_Q3), TODAY, why),
        "violation_date": lambda why: violations.record_violation(
            db, officer, person, "administrative", IN_Q3, "Gây rối", today=TODAY,
            adjustment_reason=why),
        "quarter": lambda why: evaluations.record_evaluation(
            db, officer, person, evaluations.EvaluationInput("2024-Q3", "A", IN_Q3), TODAY,
            why),
        "received_on": lambda why: lifecycle.receive_person(
            db, officer, expected, IN_Q3, TODAY, adjustment_reason=why),
        "ended_on": lambda why: lifecycle.end_management(
            db, officer, person, IN_Q3, "moved", today=TODAY, adjustment_reason=why),
        "week": lambda why: contacts.add_excused_week(
            db, officer, person, "2024-W30", "Đi làm xa", TODAY, adjustment_reason=why),
    }
    for field, write in writes.items():
        with pytest.raises(ValidationError) as refused:
            write(None)
        assert refused.value.field == field
        assert "đã ký và khóa" in refused.value.message
        write(REASON)
    with db.reading() as s:
        entities = sorted({a.entity for a in s.scalars(select(Adjustment))})
    assert entities == ["evaluations", "excused_weeks", "persons", "supports", "violations"]


def test_every_delete_service_is_guarded(db: Database, officer: Actor, leader: Actor,
                                        add_person: Callable[..., str]) -> None:
    """Deleting a record dated in a signed period needs a reason, whatever the record."""
    person = add_person()
    made = {
        "contacts": contacts.log_contact(
            db, officer, person, contacts.ContactInput(IN_Q3), today=TODAY).id,
        "excused_weeks": contacts.add_excused_week(
            db, officer, person, "2024-W30", "Đi làm xa", TODAY).id,
        "supports": supports.record_support(
            db, officer, person, supports.SupportInput("counselling", IN_Q3), TODAY).id,
        "violations": violations.record_violation(
            db, officer, person, "administrative", IN_Q3, "Gây rối", today=TODAY).id,
    }
    deletes: dict[str, Callable[[str, str | None], None]] = {
        "contacts": lambda i, why: contacts.delete_contact(db, officer, i,
                                                          adjustment_reason=why),
        "excused_weeks": lambda i, why: contacts.remove_excused_week(
            db, officer, i, adjustment_reason=why),
        "supports": lambda i, why: supports.delete_support(db, officer, i,
                                                          adjustment_reason=why),
        "violations": lambda i, why: violations.delete_violation(db, officer, i,
                                                                adjustment_reason=why),
    }
    sign_q3(db, officer, leader)
    for entity, delete in deletes.items():
        with pytest.raises(ValidationError, match="đã ký và khóa"):
            delete(made[entity], None)
        delete(made[entity], REASON)
    with db.reading() as s:
        done = sorted((a.entity, a.action) for a in s.scalars(select(Adjustment)))
    assert done == [(entity, "delete") for entity in sorted(deletes)]


def test_dates_outside_locked_periods_need_no_reason(db: Database, officer: Actor,
                                                    leader: Actor,
                                                    add_person: Callable[..., str]) -> None:
    person = add_person()
    sign_q3(db, officer, leader)
    contacts.log_contact(db, officer, person, contacts.ContactInput(date(2024, 9, 15)),
                         today=TODAY)
    with db.reading() as s:
        assert list(s.scalars(select(Adjustment))) == []
