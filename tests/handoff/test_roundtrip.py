"""Communes → province and commune → commune, end to end through real package files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.handoff.package import PackageRejected, ensure_own_keys
from desktop.handoff.records import TABLES
from desktop.models import (
    ContactLog,
    ImportedPackage,
    Person,
    SentPackage,
    StatusChange,
    Support,
    TeamMember,
)
from desktop.rules.deadlines import transfer_takeover_deadline
from desktop.rules.ruleset import rule_set_for
from desktop.services import contacts, exchange, lifecycle, records
from desktop.services.exchange import ExportResult
from tests.handoff.helpers import Office, count, digest, figures_of, person

PERIODS = ("2025-Y", "2026-Q3")


def _province_recipient(province: Office) -> str:
    with province.db.transaction() as s:
        info = ensure_own_keys(s, province.actor, province.code, "Công an tỉnh")
    assert info.age_recipient is not None
    return info.age_recipient


def test_province_figures_equal_each_communes_own(communes: list[Office], province: Office,
                                                  outbox: Path) -> None:
    recipient = _province_recipient(province)
    packages = [exchange.export_package(c.db, c.actor, outbox, "full", province.code,
                                        recipient_key=recipient) for c in communes]
    for package in packages:
        result = province.take(package)
        assert result.applied
        assert result.preview.encrypted
        assert result.preview.conflicting == 0
    for commune in communes:
        for period in PERIODS:
            own = figures_of(commune.db, commune.code, period)
            assert figures_of(province.db, commune.code, period) == own
            assert own["managed_at_end"] > 0  # the comparison is about real numbers

    before = digest(province.db)
    for package in packages:
        again = province.take(package)
        assert not again.applied
        assert "đã được nhập ngày" in again.message
    assert digest(province.db) == before
    assert count(province.db, ImportedPackage) == 3


def test_changes_package_carries_only_changed_records(communes: list[Office], province: Office,
                                                      outbox: Path) -> None:
    commune = communes[0]
    province.take(commune.export(outbox, "full", province.code))
    with commune.db.reading() as s:
        managed = s.scalar(select(Person).where(Person.status == "managed").limit(1))
        assert managed is not None
    contacts.log_contact(commune.db, commune.actor, managed.id,
                         contacts.ContactInput(date(2026, 11, 25), summary="Gặp tại nhà"),
                         today=date(2026, 11, 26))
    with commune.db.transaction() as s:
        row = s.get(Person, managed.id)
        assert row is not None
        records.update(s, commune.actor, row, {"occupation": "Thợ mộc"})

    changes = commune.export(outbox, "changes", province.code)
    moved = {t: n for t, n in changes.counts.items() if n}
    assert moved.keys() == {"persons", "contacts", "audit"}
    assert moved["persons"] == 1
    assert moved["contacts"] == 1
    with commune.db.reading() as s:
        first = s.scalar(select(SentPackage.package_id).where(SentPackage.kind == "full"))
        maps = dict(s.execute(select(SentPackage.package_id, SentPackage.versions_json)).all())
    assert changes.since_package_id == first
    assert maps[first] == "{}"  # only the newest map per recipient is kept
    assert json.loads(maps[changes.package_id])["persons"][managed.id] == managed.version + 1

    result = province.take(changes)
    counts = result.preview.counts()
    assert counts["persons"]["changed"] == 1
    assert counts["contacts"]["new"] == 1
    assert person(province.db, managed.id).occupation == "Thợ mộc"
    for period in ("2026-Y", "2026-Q4"):
        assert figures_of(province.db, commune.code, period) == \
            figures_of(commune.db, commune.code, period)
    assert sum(commune.export(outbox, "changes", province.code).counts[t]
               for t in TABLES if t != "audit") == 0


def _transfer(sender: Office, receiver: Office, outbox: Path) -> tuple[Person, Person,
                                                                       ExportResult]:
    """End a managed person's case at `sender` ("moved") and import it at `receiver`."""
    with sender.db.reading() as s:
        row = s.scalar(select(Person).where(Person.status == "managed").limit(1))
        assert row is not None
    lifecycle.end_management(sender.db, sender.actor, row.id, date(2026, 11, 20), "moved",
                             today=date(2026, 11, 26))
    package = exchange.export_transfer(sender.db, sender.actor, row.id, receiver.code,
                                       outbox, plain=True)
    assert package.counts["persons"] == 1
    assert receiver.take(package).applied
    with receiver.db.reading() as s:
        arrived = s.scalar(select(Person).where(Person.full_name == row.full_name,
                                                Person.unit_code == receiver.code))
        assert arrived is not None
    return person(sender.db, row.id), arrived, package


def test_transfer_opens_the_case_at_the_receiving_commune(communes: list[Office],
                                                          outbox: Path) -> None:
    sender, receiver = communes[0], communes[1]
    moved, arrived, package = _transfer(sender, receiver, outbox)
    assert arrived.id != moved.id
    assert arrived.status == "expected"
    assert arrived.received_on is None
    assert arrived.ended_on is None
    made_on = package.path.name.split("_")[2][:8]
    transfer_day = date(int(made_on[:4]), int(made_on[4:6]), int(made_on[6:]))
    assert arrived.expected_on == transfer_takeover_deadline(
        transfer_day, rule_set_for(transfer_day)).due
    for model in (ContactLog, Support):
        assert count(receiver.db, model, model.person_id == arrived.id) == \
            count(sender.db, model, model.person_id == moved.id)
    assert count(receiver.db, StatusChange, StatusChange.person_id == arrived.id) == \
        count(sender.db, StatusChange, StatusChange.person_id == moved.id) + 1
    # The old commune's team does not follow the person.
    assert count(receiver.db, TeamMember, TeamMember.person_id == arrived.id,
                 TeamMember.to_date.is_(None)) == 0
    assert moved.status == "ended"  # the sender's record is untouched

    again = exchange.export_transfer(sender.db, sender.actor, moved.id, receiver.code,
                                     outbox, plain=True)
    before = digest(receiver.db)
    with pytest.raises(PackageRejected, match="đã được nhận trước đây"):
        receiver.take(again)
    assert digest(receiver.db) == before


def test_the_province_holds_both_sides_of_a_transfer(communes: list[Office], province: Office,
                                                     outbox: Path) -> None:
    sender, receiver = communes[0], communes[1]
    _transfer(sender, receiver, outbox)
    # The old case counts for the sender, the new one for the receiver, and neither
    # package conflicts with the other.
    for commune in (sender, receiver):
        result = province.take(commune.export(outbox, "full", province.code))
        assert result.preview.conflicting == 0
    for commune in (sender, receiver):
        assert figures_of(province.db, commune.code, "2026-Q4") == \
            figures_of(commune.db, commune.code, "2026-Q4")


def test_receipt_marks_the_sent_package(communes: list[Office], province: Office,
                                        outbox: Path) -> None:
    commune = communes[0]
    package = commune.export(outbox, "full", province.code)
    province.take(package)
    receipt = exchange.write_receipt(province.db, province.actor, [package.package_id], outbox,
                                     plain=True)
    result = commune.take(receipt)
    assert result.preview.counts()["receipts"]["changed"] == 1
    with commune.db.reading() as s:
        sent = s.get(SentPackage, package.package_id)
        assert sent is not None
        assert sent.receipt_at is not None
    assert not commune.take(receipt).applied


def test_support_given_before_the_move_counts_only_where_it_was_given(
        communes: list[Office], outbox: Path) -> None:
    """A transfer carries the whole history, but the receiving commune's figures count
    only what happened under its own care (from its reception on)."""
    from desktop.services import supports, violations

    sender, receiver = communes[0], communes[1]
    with sender.db.reading() as s:
        row = s.scalar(select(Person).where(Person.status == "managed").limit(1))
        assert row is not None
    before_move = date(2026, 10, 1)  # in the cut-off 2026-Q4: 15/09 … 14/12/2026
    supports.record_support(sender.db, sender.actor, row.id,
                            supports.SupportInput("counselling", before_move),
                            today=date(2026, 11, 26))
    violations.record_violation(sender.db, sender.actor, row.id, "administrative",
                                before_move, "Gây mất trật tự", today=date(2026, 11, 26))
    keys = ("support_counselling", "support_counselling_people", "violations_admin")
    sender_before = figures_of(sender.db, sender.code, "2026-Q4")
    receiver_before = figures_of(receiver.db, receiver.code, "2026-Q4")

    lifecycle.end_management(sender.db, sender.actor, row.id, date(2026, 11, 20), "moved",
                             today=date(2026, 11, 26))
    package = exchange.export_transfer(sender.db, sender.actor, row.id, receiver.code,
                                       outbox, plain=True)
    assert receiver.take(package).applied
    with receiver.db.reading() as s:
        arrived = s.scalar(select(Person).where(Person.full_name == row.full_name,
                                                Person.unit_code == receiver.code))
        assert arrived is not None
    lifecycle.receive_person(receiver.db, receiver.actor, arrived.id, date(2026, 11, 24),
                             today=date(2026, 11, 26))

    sender_after = figures_of(sender.db, sender.code, "2026-Q4")
    receiver_after = figures_of(receiver.db, receiver.code, "2026-Q4")
    assert {k: sender_after[k] for k in keys} == {k: sender_before[k] for k in keys}
    assert {k: receiver_after[k] for k in keys} == {k: receiver_before[k] for k in keys}

    # Support the receiving commune gives itself counts there.
    supports.record_support(receiver.db, receiver.actor, arrived.id,
                            supports.SupportInput("counselling", date(2026, 11, 25)),
                            today=date(2026, 11, 26))
    assert figures_of(receiver.db, receiver.code, "2026-Q4")["support_counselling"] == \
        receiver_before["support_counselling"] + 1
