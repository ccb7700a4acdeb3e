"""Import rules 5–8 record by record: who may overwrite what, conflicts, strict types."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.handoff import merge
from desktop.handoff.conflicts import list_conflicts, resolve_conflict
from desktop.handoff.manifest import PackageRejected
from desktop.handoff.records import FIELDS, Line, line_of
from desktop.models import AuditEntry, ImportedPackage, Person, SentPackage
from desktop.services.access import Actor
from desktop.services.errors import PermissionDenied, ServiceError
from tests.conftest import UNIT_CODE
from tests.handoff.helpers import conflicts, count, digest, line, opened, person

OTHER = "27002"
THIRD = "27003"


def _line(db: Database, table: str, record_id: str) -> Line:
    with db.reading() as s:
        found = merge.load_local(s, table, [record_id])[record_id]
    return line(line_of(table, found))


def _package_id() -> str:
    return str(uuid.uuid4())


def _apply(db: Database, actor: Actor, tables: dict[str, list[Line]], sender: str,
           **kw: Any) -> merge.ImportResult:
    return merge.apply_import(db, actor, opened(tables, sender, package_id=_package_id(), **kw),
                              "goi.hnp")


@pytest.fixture
def foreign(db: Database, add_person: Callable[..., str]) -> Line:
    """The line of a person owned by unit OTHER, not yet held here."""
    local_id = add_person("Lê Văn Bình")
    values = _line(db, "persons", local_id)
    with db.transaction() as s:
        row = s.get(Person, local_id)
        assert row is not None
        s.delete(row)
    return {**values, "id": str(uuid.uuid4()), "unit_code": OTHER, "version": 2}


def _edited(values: Line, version: int, **changes: object) -> Line:
    later = datetime.fromisoformat(str(values["updated_at"])) + timedelta(minutes=version)
    return {**values, **changes, "version": version, "updated_at": later.isoformat()}


def test_records_of_the_sender_are_inserted_and_the_import_recorded(
        db: Database, officer: Actor, foreign: Line) -> None:
    result = _apply(db, officer, {"persons": [foreign]}, OTHER)
    assert result.applied
    assert result.preview.counts()["persons"]["new"] == 1
    assert person(db, str(foreign["id"])).full_name == "Lê Văn Bình"
    with db.reading() as s:
        recorded = s.scalars(select(ImportedPackage)).one()
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
    assert json.loads(recorded.counts_json)["persons"]["new"] == 1
    assert json.loads(entry.changes)["counts"][1]["persons"]["new"] == 1


def test_higher_version_wins_and_older_copies_change_nothing(
        db: Database, officer: Actor, foreign: Line) -> None:
    _apply(db, officer, {"persons": [foreign]}, OTHER)
    newer = _edited(foreign, 3, occupation="Thợ hàn")
    assert _apply(db, officer, {"persons": [newer]}, OTHER).preview.counts()["persons"] \
        ["changed"] == 1
    older = _apply(db, officer, {"persons": [foreign]}, OTHER)  # v2 arrives late
    assert older.preview.counts()["persons"]["older"] == 1
    assert person(db, str(foreign["id"])).occupation == "Thợ hàn"
    assert conflicts(db) == []


def test_equal_version_with_other_content_is_kept_as_a_conflict(
        db: Database, officer: Actor, foreign: Line) -> None:
    _apply(db, officer, {"persons": [foreign]}, OTHER)
    rival = {**foreign, "occupation": "Lái xe"}
    result = _apply(db, officer, {"persons": [rival]}, OTHER)
    assert result.preview.conflicting == 1
    assert person(db, str(foreign["id"])).occupation == ""  # the local one stays live
    [logged] = conflicts(db)
    assert json.loads(logged.incoming_json)["occupation"] == "Lái xe"
    assert json.loads(logged.local_json)["occupation"] == ""

    resolved = resolve_conflict(db, officer, logged.id, "incoming")
    assert resolved.resolution == "incoming"
    taken = person(db, str(foreign["id"]))
    # Another unit's record keeps its owner's numbering, so the owner's next edit wins.
    assert (taken.occupation, taken.version) == ("Lái xe", 2)
    assert list_conflicts(db, officer) == []
    assert count(db, AuditEntry, AuditEntry.action == "resolve_conflict") == 1
    with pytest.raises(ServiceError, match="đã được"):
        resolve_conflict(db, officer, logged.id, "local")


def test_an_older_version_edited_later_is_a_conflict(
        db: Database, officer: Actor, foreign: Line) -> None:
    _apply(db, officer, {"persons": [_edited(foreign, 5, occupation="Thợ xây")]}, OTHER)
    # The owner restored an old backup (v2) and edited it again, later than our v5.
    restored = _edited(foreign, 3, occupation="Bán hàng")
    restored["updated_at"] = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    result = _apply(db, officer, {"persons": [restored]}, OTHER)
    assert result.preview.conflicting == 1
    assert person(db, str(foreign["id"])).occupation == "Thợ xây"


def test_a_unit_never_overwrites_records_it_does_not_own(
        db: Database, officer: Actor, foreign: Line, add_person: Callable[..., str]) -> None:
    _apply(db, officer, {"persons": [foreign]}, OTHER)
    ours = _line(db, "persons", add_person("Phạm Thị Cúc"))
    claim = _edited(foreign, 9, occupation="Giả mạo")
    hijack = _edited({**ours, "unit_code": THIRD}, 9, occupation="Giả mạo")
    before = digest(db)
    result = _apply(db, officer, {"persons": [claim, hijack]}, THIRD)
    assert result.preview.counts()["persons"]["conflicting"] == 2
    assert person(db, str(foreign["id"])).occupation == ""
    assert person(db, str(ours["id"])).occupation == ""
    assert {c.reason.split(";")[0] for c in conflicts(db)} == {
        f"Bản ghi thuộc đơn vị {OTHER}", f"Bản ghi thuộc đơn vị {UNIT_CODE}"}
    assert digest(db) != before  # the conflicts themselves were logged


def test_our_record_edited_on_both_sides_since_the_last_exchange_is_a_conflict(
        db: Database, admin: Actor, add_person: Callable[..., str]) -> None:
    ours_id = add_person("Đỗ Văn Dũng")
    sent = _line(db, "persons", ours_id)  # version 1, carried by our last package
    with db.transaction() as s:
        s.add(SentPackage(package_id=_package_id(), kind="full", unit_code=UNIT_CODE,
                          recipient_code=None, created_at=datetime.now(UTC),
                          created_by="canbo", file_name="x.hnp",
                          versions_json=json.dumps({"persons": {ours_id: 1}})))
        row = s.get(Person, ours_id)
        assert row is not None
        row.occupation, row.version = "Làm ruộng", 2  # edited here since
    # A copy of this database restored on another machine edited it twice.
    theirs = _edited(sent, 3, occupation="Chạy xe ôm")
    result = _apply(db, admin, {"persons": [theirs]}, UNIT_CODE)
    assert result.preview.conflicting == 1
    assert person(db, ours_id).occupation == "Làm ruộng"
    [logged] = conflicts(db)
    assert "sửa ở máy này" in logged.reason
    resolve_conflict(db, admin, logged.id, "local")
    kept = person(db, ours_id)
    # Our own record goes above both versions, so our choice travels and wins next time.
    assert (kept.occupation, kept.version) == ("Làm ruộng", 4)


def test_resolving_with_the_incoming_version_is_refused_once_the_record_moved_on(
        db: Database, officer: Actor, foreign: Line) -> None:
    _apply(db, officer, {"persons": [foreign]}, OTHER)
    _apply(db, officer, {"persons": [{**foreign, "occupation": "Lái xe"}]}, OTHER)
    _apply(db, officer, {"persons": [_edited(foreign, 4, occupation="Thợ điện")]}, OTHER)
    [logged] = conflicts(db)
    with pytest.raises(ServiceError, match="đã thay đổi"):
        resolve_conflict(db, officer, logged.id, "incoming")
    assert person(db, str(foreign["id"])).occupation == "Thợ điện"


WRONG = [
    ("version", "2", "“version” phải là số nguyên"),
    ("version", True, "“version” phải là số nguyên"),
    ("gender", "nam", "“gender” phải là male | female"),
    ("birth_date", "12/04/1985", "“birth_date” phải là “YYYY-MM-DD” hoặc “YYYY”"),
    ("birth_date", "1985-02-30", "“birth_date” phải là ngày"),
    ("id", "not-a-uuid", "“id” phải là UUID"),
    ("release_date", "2024-1-5", "“release_date” phải là ngày"),
    ("updated_at", "2026-01-01T10:00:00", "“updated_at” phải là thời điểm ISO 8601 có múi giờ"),
    ("full_name", None, "“full_name” phải là có giá trị"),
    ("id_legacy", 0, "“id_legacy” phải là true/false"),
]


@pytest.mark.parametrize(("field", "value", "message"), WRONG)
def test_wrong_types_are_rejected_naming_table_line_and_field(
        db: Database, officer: Actor, foreign: Line, field: str, value: object,
        message: str) -> None:
    good = {**foreign, "id": str(uuid.uuid4())}
    before = digest(db)
    with pytest.raises(PackageRejected) as caught:
        _apply(db, officer, {"persons": [good, {**foreign, field: value}]}, OTHER)
    assert "Tệp data/persons.jsonl, dòng 2" in caught.value.message
    assert message in caught.value.message
    assert digest(db) == before  # the good first line was not written either


@pytest.mark.parametrize(("change", "message"), [
    ({"nickname": "Bình"}, "có trường không biết “nickname”"),
    ({"full_name": ...}, "thiếu trường “full_name”"),
])
def test_missing_and_unknown_fields_are_rejected(
        db: Database, officer: Actor, foreign: Line, change: dict[str, object],
        message: str) -> None:
    bad = {k: v for k, v in {**foreign, **change}.items() if v is not ...}
    with pytest.raises(PackageRejected, match=message):
        _apply(db, officer, {"persons": [bad]}, OTHER)


def test_a_record_pointing_at_a_person_nobody_has_is_rejected(
        db: Database, officer: Actor, foreign: Line) -> None:
    now = datetime.now(UTC).isoformat()
    texts = {spec.name: "" for spec in FIELDS["contacts"] if spec.kind == "text"}
    orphan = {**texts, "id": str(uuid.uuid4()), "unit_code": OTHER, "version": 1,
              "created_at": now, "updated_at": now, "deleted_at": None,
              "person_id": str(uuid.uuid4()), "contact_date": "2026-11-20", "form": "phone",
              "next_planned_on": None}
    before = digest(db)
    with pytest.raises(PackageRejected, match="hãy nhập gói đầy đủ của đơn vị 27002"):
        _apply(db, officer, {"persons": [foreign], "contacts": [orphan]}, OTHER)
    assert digest(db) == before


def test_an_unknown_table_is_rejected(db: Database, officer: Actor) -> None:
    with pytest.raises(PackageRejected, match=r"data/secrets\.jsonl"):
        _apply(db, officer, {"secrets": []}, OTHER)


def test_exchange_needs_the_exchange_permission(db: Database, leader: Actor,
                                                foreign: Line) -> None:
    from desktop.services import exchange

    with pytest.raises(PermissionDenied):
        exchange.export_package(db, leader, db.path.parent, plain=True)
    with pytest.raises(PermissionDenied):
        exchange.open_for_import(db, leader, b"")
    assert foreign["unit_code"] == OTHER
    with pytest.raises(PermissionDenied):
        list_conflicts(db, leader)


def test_a_package_contradicting_itself_is_rejected_whole(
        db: Database, officer: Actor, foreign: Line) -> None:
    now = datetime.now(UTC).isoformat()
    texts = {spec.name: "" for spec in FIELDS["evaluations"] if spec.kind == "text"}
    twins = [{**texts, "id": str(uuid.uuid4()), "unit_code": OTHER, "version": 1,
              "created_at": now, "updated_at": now, "deleted_at": None,
              "person_id": foreign["id"], "quarter": "2026-Q3", "classification": grade,
              "evaluated_on": "2026-10-02"} for grade in "AB"]
    before = digest(db)
    with pytest.raises(PackageRejected, match="mâu thuẫn"):
        _apply(db, officer, {"persons": [foreign], "evaluations": twins}, OTHER)
    assert digest(db) == before
