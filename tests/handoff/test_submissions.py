"""The aggregator's view: who sent what for a period, the registry, and conflict comparison."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from desktop.db import Database
from desktop.handoff import merge
from desktop.handoff.manifest import VIETNAM
from desktop.handoff.records import line_of
from desktop.services import conflict_views, exchange, exchange_registry, key_cards
from desktop.services.access import Actor
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.report_preview import current_period
from desktop.services.submissions import submissions
from tests.handoff.helpers import Office, line, opened


def _send(commune: Office, outbox: Path, period: str | None) -> exchange.ExportResult:
    return exchange.export_package(commune.db, commune.actor, outbox, "full", "T01",
                                   plain=True, period=period)


def test_submissions_show_who_sent_for_the_period_and_who_is_missing(
        communes: list[Office], province: Office, outbox: Path, tmp_path: Path) -> None:
    first, second, third = communes
    # The third commune is known only by its key card: expected, but it sent nothing.
    card = key_cards.export_key_card(third.db, third.actor, tmp_path)
    key_cards.import_key_card(province.db, province.actor, card.path.read_bytes(),
                              accept_new_key=True)
    province.take(_send(first, outbox, "2026-Q4"))
    province.take(_send(second, outbox, "2026-Q3"))  # an earlier quarter's data

    q4 = submissions(province.db, province.actor, "2026-Q4")
    by_code = {r.unit_code: r for r in q4.rows}
    assert set(by_code) == {first.code, second.code, third.code}
    assert (q4.received, q4.missing) == (1, 2)
    sent = by_code[first.code]
    assert sent.package is not None
    assert sent.package.kind == "full"
    assert sent.signature == "verified"
    assert sent.package.fingerprint_display == sent.registered_fingerprint_display
    assert by_code[second.code].missing
    assert by_code[third.code].missing
    assert by_code[third.code].registered
    assert by_code[third.code].signature == "none"
    assert [r.missing for r in q4.rows] == [True, True, False]  # the missing ones first

    q3 = submissions(province.db, province.actor, "2026-Q3")
    assert [r.unit_code for r in q3.rows if not r.missing] == [second.code]


def test_a_package_without_a_period_counts_for_the_one_it_was_made_in(
        communes: list[Office], province: Office, outbox: Path) -> None:
    province.take(_send(communes[0], outbox, None))
    made = datetime.now(VIETNAM).date()
    current = current_period("month", made, "cutoff", 12).code  # the province's convention
    assert submissions(province.db, province.actor, current).received == 1
    assert submissions(province.db, province.actor, f"{made.year - 2}-Y").received == 0


def test_submissions_refuse_a_bad_period(province: Office) -> None:
    with pytest.raises(ValidationError):
        submissions(province.db, province.actor, "2026-Q7")


def test_the_registry_lists_own_and_accepted_keys_with_what_arrived(
        communes: list[Office], province: Office, outbox: Path) -> None:
    assert exchange_registry.home_keys(province.db, province.actor) is None
    own = exchange_registry.create_home_keys(province.db, province.actor)
    assert exchange_registry.home_keys(province.db, province.actor) == own
    province.take(_send(communes[0], outbox, "2026-Q4"))
    entries = exchange_registry.list_registry(province.db, province.actor)
    assert [(e.unit_code, e.own) for e in entries] == [("T01", True),
                                                       (communes[0].code, False)]
    received = entries[1]
    assert received.packages_received == 1
    assert received.last_received_at is not None
    assert received.last_received_at.tzinfo is not None
    assert received.age_recipient is None  # a package does not carry the receiving key
    assert entries[0].age_recipient is not None
    assert entries[0].age_recipient.startswith("age1")


def test_creating_keys_needs_the_exchange_permission(province: Office) -> None:
    leader = Actor("lanhdao", "Lãnh đạo", "leader", province.code)
    with pytest.raises(PermissionDenied):
        exchange_registry.create_home_keys(province.db, leader)


def test_passphrase_packages_are_recognised_before_opening(
        communes: list[Office], outbox: Path) -> None:
    commune = communes[0]
    locked = exchange.export_package(commune.db, commune.actor, outbox, "full",
                                     passphrase="mot-hai-ba-bon-nam", file_name="a.hnp")
    plain = exchange.export_package(commune.db, commune.actor, outbox, "full", plain=True,
                                    file_name="b.hnp")
    assert exchange_registry.needs_passphrase(locked.path.read_bytes())
    assert not exchange_registry.needs_passphrase(plain.path.read_bytes())
    assert not exchange_registry.needs_passphrase(b"age-encryption.org/v1\nbroken")


def test_reports_travelling_with_a_package_are_saved_without_overwriting(
        communes: list[Office], province: Office, outbox: Path, tmp_path: Path) -> None:
    commune = communes[0]
    report = tmp_path / "bao-cao-quy-4.pdf"
    report.write_bytes(b"%PDF-1.7 signed")
    package = exchange.export_package(commune.db, commune.actor, outbox, "full", plain=True,
                                      reports=[report])
    item = exchange.open_for_import(province.db, province.actor, package.path.read_bytes())
    folder = tmp_path / "received"
    folder.mkdir()
    (folder / "bao-cao-quy-4.pdf").write_bytes(b"older")
    [saved] = exchange_registry.save_package_reports(item, folder)
    assert saved.name == f"bao-cao-quy-4-{commune.code}.pdf"
    assert saved.read_bytes() == b"%PDF-1.7 signed"
    assert (folder / "bao-cao-quy-4.pdf").read_bytes() == b"older"


def test_conflict_rows_name_the_person_and_mark_the_differing_fields(
        db: Database, officer: Actor, add_person: Callable[..., str]) -> None:
    person_id = add_person("Lê Văn Bình")
    with db.reading() as s:
        values = line(line_of("persons", merge.load_local(s, "persons", [person_id])
                              [person_id]))
    rival = {**values, "unit_code": "27002", "occupation": "Lái xe"}
    merge.apply_import(db, officer, opened({"persons": [rival]}, "27002",
                                           package_id=str(uuid.uuid4())), "goi.hnp")
    [row] = conflict_views.conflict_rows(db, officer)
    assert row.subject == "Lê Văn Bình"
    differing = {f.name: f for f in row.fields if f.differs}
    assert set(differing) == {"unit_code", "occupation"}
    assert differing["occupation"].incoming == "Lái xe"
    assert differing["occupation"].label == "Nghề nghiệp"
    assert "name_folded" not in {f.name for f in row.fields}
    assert row.differing == 2
    json.dumps([f.local for f in row.fields])  # every value is shown as text
