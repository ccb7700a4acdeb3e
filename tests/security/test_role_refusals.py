"""Every use case refuses the roles SPEC §8 does not allow, in the service itself.

SPEC §8: `officer` edits records; `leader` reviews, approves, signs and prints and is
read-only on records; `admin` manages users, settings, backup and restore (and, in a small
office, also keeps the records). The tables below name, for EVERY public function of
`desktop.services` (and the use-case functions of `desktop.handoff` and `desktop.reports`)
that takes an `actor` and a database, either the roles it must refuse or why every role may
call it. `test_every_use_case_is_classified` finds these functions by introspection, so a
new use case fails the suite until someone decides who may call it.

Each call gets valid arguments, so an allowed role gets past the check (and succeeds): a
refusal is about the role, never a side effect of bad input. After a refusal the database
is byte-for-byte the same (an SQL dump of every table).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import desktop.handoff
import desktop.reports
import desktop.services
from desktop.handoff import conflicts, merge
from desktop.models import ContactLog
from desktop.reports import snapshot
from desktop.services import (
    audit_check,
    backup,
    backup_schedule,
    casework,
    community,
    conflict_views,
    contacts,
    dashboard,
    encryption,
    evaluations,
    exchange,
    exchange_registry,
    intake,
    intake_commit,
    intake_mappings,
    key_cards,
    lifecycle,
    merge_people,
    people_index,
    person_papers,
    person_queries,
    persons,
    report_preview,
    reporting,
    settings,
    signing_keys,
    submissions,
    supports,
    team,
    timeline,
    units,
    users,
    violations,
)
from desktop.services.access import Actor
from desktop.services.contacts import ContactInput
from desktop.services.errors import PermissionDenied, ServiceError
from desktop.services.evaluations import EvaluationInput
from desktop.services.person_input import JudgmentInput, PersonInput
from desktop.services.supports import SupportInput
from tests.security.world import CERT_PASSWORD, PASSWORD, REPORT_PERIOD, ROLES, TODAY, World

Call = Callable[[World, Actor, Any], object]
Prepare = Callable[[World], Any]

EDITORS_ONLY = frozenset({"leader"})  # records: the leader is read-only (SPEC §8)
EXCHANGE = frozenset({"leader"})  # packages write records on import; the officer carries them
SIGNERS_ONLY = frozenset({"officer"})  # signing and signing keys: leader and admin
ADMIN_ONLY = frozenset({"officer", "leader"})  # users, settings, backup


@dataclass(frozen=True)
class UseCase:
    """How to call one use case with valid arguments, and which roles it must refuse."""

    call: Call
    refused: frozenset[str]
    prepare: Prepare | None = None  # set-up done by an allowed user before the call
    # For an allowed role: a ServiceError (not PermissionDenied) the test office cannot
    # avoid, e.g. no recovery code on a database that is not encrypted.
    allowed_error: type[ServiceError] | None = None


def _no_prep(w: World) -> None:
    return None


# --- ids of demo records a call works on ----------------------------------------------------

def managed(w: World) -> str:
    return str(w.pick("SELECT id FROM persons WHERE status = 'managed' AND deleted_at IS NULL "
                      "ORDER BY id"))


def with_status(w: World, status: str) -> str:
    return str(w.pick("SELECT id FROM persons WHERE status = ? AND deleted_at IS NULL "
                      "ORDER BY id", status))


def moved_away(w: World) -> str:
    return str(w.pick("SELECT id FROM persons WHERE status = 'ended' AND end_reason = 'moved' "
                      "ORDER BY id"))


def child(w: World, table: str, extra: str = "") -> str:
    """A live record of a managed person in `table` (contacts, supports, …)."""
    return str(w.pick(f"SELECT t.id FROM {table} t JOIN persons p ON p.id = t.person_id "
                      f"WHERE p.status = 'managed' AND t.deleted_at IS NULL {extra} "
                      "ORDER BY t.id"))


def active_member(w: World) -> str:
    return child(w, "team_members", "AND t.to_date IS NULL AND t.responsible = 0")


def active_model(w: World) -> str:
    return str(w.pick("SELECT id FROM models WHERE status = 'active' AND deleted_at IS NULL "
                      "ORDER BY id"))


def conflict(w: World) -> str:
    return str(w.pick("SELECT id FROM conflicts WHERE resolved_at IS NULL"))


# --- inputs ---------------------------------------------------------------------------------

def new_person(release: date = date(2026, 11, 1)) -> PersonInput:
    return PersonInput(full_name="Lê Văn Kiểm", gender="male", birth_date="12/04/1985",
                       release_date=release, current_address="Tổ 5", residential_area="Tổ 5")


JUDGMENT = JudgmentInput(court="Tòa án nhân dân tỉnh", judgment_number="12/2024/HS-ST",
                         judgment_date=date(2024, 3, 15), offences="Trộm cắp tài sản",
                         main_penalty="prison", prison_months=24)
CONTACT = ContactInput(contact_date=TODAY, form="home_visit", summary="Gặp tại nhà.")
SUPPORT = SupportInput(kind="counselling", support_date=TODAY, provider="Hội Phụ nữ")


def person_input(w: World, person_id: str) -> PersonInput:
    detail = person_queries.get_person(w.db, w.actor("admin"), person_id, today=TODAY)
    p = detail.person
    return PersonInput(full_name=p.full_name, gender=p.gender, birth_date=p.birth_date,
                       id_number=p.id_number or "", release_date=p.release_date,
                       release_type=p.release_type, residential_area=p.residential_area,
                       occupation="Thợ xây")


def opened_package(w: World) -> exchange.OpenedImport:
    return exchange.open_for_import(w.db, w.actor("officer"), w.files.package.read_bytes())


def imported_package_id(w: World) -> str:
    exchange.import_package(w.db, w.actor("officer"), w.files.package, accept_new_key=True)
    return str(w.pick("SELECT package_id FROM imported_packages"))


def analysis(w: World) -> Any:
    return intake.analyse(w.db, w.actor("officer"), w.files.workbook, today=TODAY)


def report_pdf(w: World) -> Path:
    """The produced report's PDF, copied into the test's folder (signing writes beside it)."""
    target = w.folder / w.files.pdf.name
    target.write_bytes(w.files.pdf.read_bytes())
    return target


def _mark_signed(w: World, a: Actor, _: Any) -> object:
    return snapshot.mark_signed(w.db, a, w.files.report_id, "Trần Văn Trưởng",
                                datetime.now(UTC), "0" * 64)


def _reset_other(w: World, a: Actor, _: Any) -> object:
    other = "canbo" if a.role == "admin" else "admin"
    return users.change_password(w.db, a, other, None, "mat-khau-moi-2026")


def _deactivate_other(w: World, a: Actor, _: Any) -> object:
    return users.set_user_active(w.db, a, "lanhdao" if a.role != "leader" else "canbo", False)


def _evaluation(w: World, a: Actor, person_id: Any) -> object:
    return evaluations.record_evaluation(
        w.db, a, person_id, EvaluationInput(quarter="2026-Q4", classification="A",
                                            evaluated_on=TODAY), today=TODAY)


# --- the tables -----------------------------------------------------------------------------

REFUSALS: dict[str, UseCase] = {
    # Records: officer and admin edit, the leader only reads (SPEC §8).
    "services.community.add_community_model": UseCase(
        lambda w, a, _: community.add_community_model(
            w.db, a, "model", "Tổ tự quản An ninh", date(2026, 11, 1), today=TODAY),
        EDITORS_ONLY),
    "services.community.end_community_model": UseCase(
        lambda w, a, m: community.end_community_model(w.db, a, m, TODAY, today=TODAY),
        EDITORS_ONLY, active_model),
    "services.community.delete_community_model": UseCase(
        lambda w, a, m: community.delete_community_model(w.db, a, m, "nhập nhầm"),
        EDITORS_ONLY, active_model),
    "services.casework.delete_dated_record": UseCase(
        lambda w, a, c: casework.delete_dated_record(
            w.db, a, ContactLog, c, "nhập nhầm", None, lambda row: ()),
        EDITORS_ONLY, lambda w: child(w, "contacts")),
    "services.contacts.log_contact": UseCase(
        lambda w, a, p: contacts.log_contact(w.db, a, p, CONTACT, today=TODAY),
        EDITORS_ONLY, managed),
    "services.contacts.update_contact": UseCase(
        lambda w, a, c: contacts.update_contact(w.db, a, c, CONTACT, today=TODAY),
        EDITORS_ONLY, lambda w: child(w, "contacts", "AND t.contact_date >= '2026-11-01'")),
    "services.contacts.delete_contact": UseCase(
        lambda w, a, c: contacts.delete_contact(w.db, a, c, "nhập nhầm"),
        EDITORS_ONLY, lambda w: child(w, "contacts")),
    "services.contacts.add_excused_week": UseCase(
        lambda w, a, p: contacts.add_excused_week(w.db, a, p, "2026-W48", "Đi làm xa",
                                                  today=TODAY),
        EDITORS_ONLY, managed),
    "services.contacts.remove_excused_week": UseCase(
        lambda w, a, e: contacts.remove_excused_week(w.db, a, e, "nhập nhầm"),
        EDITORS_ONLY, lambda w: child(w, "excused_weeks")),
    "services.evaluations.record_evaluation": UseCase(_evaluation, EDITORS_ONLY, managed),
    "services.intake.analyse": UseCase(
        lambda w, a, _: intake.analyse(w.db, a, w.files.workbook, today=TODAY), EDITORS_ONLY),
    "services.intake_commit.commit": UseCase(
        lambda w, a, an: intake_commit.commit(w.db, a, an, today=TODAY), EDITORS_ONLY,
        analysis),
    "services.intake_mappings.remember_mapping": UseCase(
        lambda w, a, an: intake_mappings.remember_mapping(
            w.db, a, an.header, replace(an.mapping, fields=(None, *an.mapping.fields[1:]))),
        EDITORS_ONLY, analysis),
    "services.lifecycle.receive_person": UseCase(
        lambda w, a, p: lifecycle.receive_person(w.db, a, p, TODAY, today=TODAY),
        EDITORS_ONLY, lambda w: with_status(w, "absent")),
    "services.lifecycle.start_management": UseCase(
        lambda w, a, p: lifecycle.start_management(w.db, a, p, TODAY, today=TODAY),
        EDITORS_ONLY, lambda w: with_status(w, "received")),
    "services.lifecycle.mark_absent": UseCase(
        lambda w, a, p: lifecycle.mark_absent(w.db, a, p, TODAY, today=TODAY),
        EDITORS_ONLY, managed),
    "services.lifecycle.end_management": UseCase(
        lambda w, a, p: lifecycle.end_management(w.db, a, p, TODAY, "moved", today=TODAY),
        EDITORS_ONLY, managed),
    "services.merge_people.merge_people": UseCase(
        lambda w, a, pair: merge_people.merge_people(w.db, a, *pair, today=TODAY),
        EDITORS_ONLY, lambda w: (managed(w), with_status(w, "received"))),
    "services.persons.expect_person": UseCase(
        lambda w, a, _: persons.expect_person(w.db, a, new_person(date(2026, 12, 20)),
                                              JUDGMENT, date(2026, 11, 20),
                                              date(2026, 12, 21), today=TODAY),
        EDITORS_ONLY),
    "services.persons.register_walk_in": UseCase(
        lambda w, a, _: persons.register_walk_in(w.db, a, new_person(), JUDGMENT, TODAY,
                                                 today=TODAY),
        EDITORS_ONLY),
    "services.persons.update_person": UseCase(
        lambda w, a, p: persons.update_person(w.db, a, p[0], p[1], today=TODAY),
        EDITORS_ONLY, lambda w: (managed(w), person_input(w, managed(w)))),
    "services.persons.set_judgment": UseCase(
        lambda w, a, p: persons.set_judgment(w.db, a, p, replace(
            JUDGMENT, judgment_date=date(2019, 3, 15)), today=TODAY),
        EDITORS_ONLY, managed),
    "services.supports.record_support": UseCase(
        lambda w, a, p: supports.record_support(w.db, a, p, SUPPORT, today=TODAY),
        EDITORS_ONLY, managed),
    "services.supports.update_support": UseCase(
        lambda w, a, s: supports.update_support(w.db, a, s, SUPPORT, today=TODAY),
        EDITORS_ONLY, lambda w: child(w, "supports", "AND t.kind = 'counselling'")),
    "services.supports.delete_support": UseCase(
        lambda w, a, s: supports.delete_support(w.db, a, s, "nhập nhầm"),
        EDITORS_ONLY, lambda w: child(w, "supports")),
    "services.team.add_team_member": UseCase(
        lambda w, a, p: team.add_team_member(w.db, a, p, "other", "Lê Thị Hoa", TODAY,
                                             today=TODAY),
        EDITORS_ONLY, managed),
    "services.team.end_team_member": UseCase(
        lambda w, a, m: team.end_team_member(w.db, a, m, TODAY, today=TODAY),
        EDITORS_ONLY, active_member),
    "services.team.replace_team_member": UseCase(
        lambda w, a, m: team.replace_team_member(w.db, a, m, TODAY, "Lê Văn Mới", today=TODAY),
        EDITORS_ONLY, active_member),
    "services.team.set_responsible": UseCase(
        lambda w, a, m: team.set_responsible(w.db, a, m), EDITORS_ONLY, active_member),
    "services.team.delete_team_member": UseCase(
        lambda w, a, m: team.delete_team_member(w.db, a, m, "nhập nhầm"),
        EDITORS_ONLY, active_member),
    "services.team.set_team_decision": UseCase(
        lambda w, a, p: team.set_team_decision(w.db, a, p, "15/QĐ-UBND", TODAY, today=TODAY),
        EDITORS_ONLY, managed),
    "services.violations.record_violation": UseCase(
        lambda w, a, p: violations.record_violation(w.db, a, p, "administrative", TODAY,
                                                    "Gây rối trật tự", today=TODAY),
        EDITORS_ONLY, managed),
    "services.violations.update_violation": UseCase(
        lambda w, a, v: violations.update_violation(w.db, a, v, "administrative",
                                                    date(2026, 11, 20), "Gây rối trật tự",
                                                    today=TODAY),
        EDITORS_ONLY, lambda w: child(w, "violations")),
    "services.violations.delete_violation": UseCase(
        lambda w, a, v: violations.delete_violation(w.db, a, v, "nhập nhầm"),
        EDITORS_ONLY, lambda w: child(w, "violations")),
    # USB packages: an import writes records, so the read-only leader may not.
    "services.exchange.export_package": UseCase(
        lambda w, a, _: exchange.export_package(w.db, a, w.folder, "full", plain=True),
        EXCHANGE),
    "services.exchange.export_transfer": UseCase(
        lambda w, a, p: exchange.export_transfer(w.db, a, p, "12100", w.folder, plain=True),
        EXCHANGE, moved_away),
    "services.exchange.write_receipt": UseCase(
        lambda w, a, pid: exchange.write_receipt(w.db, a, [pid], w.folder, plain=True),
        EXCHANGE, imported_package_id),
    "services.exchange.open_for_import": UseCase(
        lambda w, a, _: exchange.open_for_import(w.db, a, w.files.package.read_bytes()),
        EXCHANGE),
    "services.exchange.import_opened": UseCase(
        lambda w, a, item: exchange.import_opened(w.db, a, item, "goi.hnp",
                                                  accept_new_key=True),
        EXCHANGE, opened_package),
    "services.exchange.import_package": UseCase(
        lambda w, a, _: exchange.import_package(w.db, a, w.files.package, accept_new_key=True),
        EXCHANGE),
    "handoff.merge.apply_import": UseCase(
        lambda w, a, opened: merge.apply_import(w.db, a, opened, "goi.hnp"), EXCHANGE,
        lambda w: opened_package(w).opened),
    "services.exchange_registry.create_home_keys": UseCase(
        lambda w, a, _: exchange_registry.create_home_keys(w.db, a), EXCHANGE),
    "services.key_cards.export_key_card": UseCase(
        lambda w, a, _: key_cards.export_key_card(w.db, a, w.folder), EXCHANGE),
    "services.key_cards.open_key_card": UseCase(
        lambda w, a, _: key_cards.open_key_card(w.db, a, w.files.key_card.read_bytes()),
        EXCHANGE),
    "services.key_cards.import_key_card": UseCase(
        lambda w, a, _: key_cards.import_key_card(w.db, a, w.files.key_card.read_bytes(),
                                                  "the.card", accept_new_key=True),
        EXCHANGE),
    "services.conflict_views.conflict_rows": UseCase(
        lambda w, a, _: conflict_views.conflict_rows(w.db, a), EXCHANGE),
    "handoff.conflicts.list_conflicts": UseCase(
        lambda w, a, _: conflicts.list_conflicts(w.db, a), EXCHANGE),
    "handoff.conflicts.resolve_conflict": UseCase(
        lambda w, a, c: conflicts.resolve_conflict(w.db, a, c, "local"), EXCHANGE, conflict),
    # Signing and the keys that sign: the leader (and the administrator), not the officer.
    "services.reporting.sign": UseCase(
        lambda w, a, pdf: reporting.sign(w.db, a, w.files.report_id, pdf,
                                         reporting.SignerChoice("unit"), CERT_PASSWORD),
        SIGNERS_ONLY, report_pdf),
    "reports.snapshot.mark_signed": UseCase(_mark_signed, SIGNERS_ONLY),
    "services.signing_keys.ensure_unit_certificate": UseCase(
        lambda w, a, _: signing_keys.ensure_unit_certificate(w.db, a, CERT_PASSWORD),
        SIGNERS_ONLY),
    "services.signing_keys.unit_signer": UseCase(
        lambda w, a, _: signing_keys.unit_signer(w.db, a, CERT_PASSWORD), SIGNERS_ONLY),
    "services.signing_keys.import_certificate": UseCase(
        lambda w, a, _: signing_keys.import_certificate(w.db, a, w.files.officer_p12,
                                                        CERT_PASSWORD),
        SIGNERS_ONLY),
    # The installation: administrators only.
    "services.users.create_user": UseCase(
        lambda w, a, _: users.create_user(w.db, a, "canbo2", "Lê Văn Hai", "officer",
                                          "mat-khau-rat-dai-2026"),
        ADMIN_ONLY),
    "services.users.change_password": UseCase(_reset_other, ADMIN_ONLY),
    "services.users.set_user_active": UseCase(_deactivate_other, ADMIN_ONLY),
    "services.users.list_users": UseCase(lambda w, a, _: users.list_users(w.db, a), ADMIN_ONLY),
    "services.settings.update_settings": UseCase(
        lambda w, a, _: settings.update_settings(w.db, a, idle_lock_minutes=5), ADMIN_ONLY),
    "services.units.update_unit_settings": UseCase(
        lambda w, a, _: units.update_unit_settings(w.db, a, police_chief="Đại úy Hoàng Văn B"),
        ADMIN_ONLY),
    "services.backup_schedule.restore_backup": UseCase(
        lambda w, a, b: backup_schedule.restore_backup(w.db, a, b), ADMIN_ONLY,
        lambda w: backup.backup_to(w.db, w.actor("admin"), w.folder / "sao-luu.db").path),
    "services.encryption.encrypt_database": UseCase(
        lambda w, a, _: encryption.encrypt_database(w.db, a, PASSWORD), ADMIN_ONLY),
    "services.encryption.new_recovery_code": UseCase(
        lambda w, a, _: encryption.new_recovery_code(w.db, a), ADMIN_ONLY,
        allowed_error=ServiceError),  # the test office is not encrypted: no code to replace
    "services.backup.backup_to": UseCase(
        lambda w, a, _: backup.backup_to(w.db, a, w.folder / "sao-luu.db"), ADMIN_ONLY),
}

# Use cases every role may call, and why SPEC §8 allows it.
READ = "reads records: every role may look (SPEC §8: the leader reviews)"
PRODUCE = "prepares a report: the officer drafts it, the leader reviews and prints it"


@dataclass(frozen=True)
class Allowed:
    """A use case open to every role: how to call it and the reason it is open."""

    call: Call
    reason: str
    prepare: Prepare | None = None


ALLOWED_FOR_ALL: dict[str, Allowed] = {
    "services.community.list_community_models": Allowed(
        lambda w, a, _: community.list_community_models(w.db, a), READ),
    "services.contacts.list_contacts": Allowed(
        lambda w, a, p: contacts.list_contacts(w.db, a, p), READ, managed),
    "services.contacts.contact_defaults": Allowed(
        lambda w, a, p: contacts.contact_defaults(w.db, a, p, today=TODAY), READ, managed),
    "services.contacts.list_excused_weeks": Allowed(
        lambda w, a, p: contacts.list_excused_weeks(w.db, a, p), READ, managed),
    "services.contacts.person_coverage": Allowed(
        lambda w, a, p: contacts.person_coverage(w.db, a, p, date(2026, 1, 1), TODAY),
        READ, managed),
    "services.exchange_registry.home_keys": Allowed(
        lambda w, a, _: exchange_registry.home_keys(w.db, a), READ),
    "services.exchange_registry.list_registry": Allowed(
        lambda w, a, _: exchange_registry.list_registry(w.db, a), READ),
    "services.exchange_registry.sent_packages": Allowed(
        lambda w, a, _: exchange_registry.sent_packages(w.db, a), READ),
    "services.exchange_registry.moved_people": Allowed(
        lambda w, a, _: exchange_registry.moved_people(w.db, a), READ),
    "services.audit_check.check_audit_trail": Allowed(
        lambda w, a, _: audit_check.check_audit_trail(w.db, a),
        "only reads; every user may see whether the audit trail was tampered with"),
    "services.submissions.submissions": Allowed(
        lambda w, a, _: submissions.submissions(w.db, a, "2026-M10"), READ),
    "services.intake.candidate_origins": Allowed(
        lambda w, a, an: intake.candidate_origins(w.db, a, an), READ, analysis),
    "services.violations.list_violations": Allowed(
        lambda w, a, p: violations.list_violations(w.db, a, p), READ, managed),
    "services.dashboard.dashboard": Allowed(
        lambda w, a, _: dashboard.dashboard(w.db, a, TODAY), READ),
    "services.evaluations.evaluation_draft": Allowed(
        lambda w, a, p: evaluations.evaluation_draft(w.db, a, p, "2026-Q3", today=TODAY),
        READ, managed),
    "services.evaluations.list_evaluations": Allowed(
        lambda w, a, p: evaluations.list_evaluations(w.db, a, p), READ, managed),
    "services.merge_people.merge_preview": Allowed(
        lambda w, a, pair: merge_people.merge_preview(w.db, a, *pair), READ,
        lambda w: (managed(w), with_status(w, "received"))),
    "services.merge_people.records_to_move": Allowed(
        lambda w, a, p: merge_people.records_to_move(w.db, a, p), READ, managed),
    "services.people_index.people_index": Allowed(
        lambda w, a, _: people_index.people_index(w.db, a, TODAY), READ),
    "services.people_index.residential_areas": Allowed(
        lambda w, a, _: people_index.residential_areas(w.db, a), READ),
    "services.person_queries.find_duplicates": Allowed(
        lambda w, a, _: person_queries.find_duplicates(w.db, a, new_person()), READ),
    "services.person_queries.get_person": Allowed(
        lambda w, a, p: person_queries.get_person(w.db, a, p, today=TODAY), READ, managed),
    "services.person_queries.list_people": Allowed(
        lambda w, a, _: person_queries.list_people(w.db, a, "nguyen"), READ),
    "services.report_preview.preview": Allowed(
        lambda w, a, _: report_preview.preview(w.db, a, "HCD-13", REPORT_PERIOD), READ),
    "services.reporting.produced_reports": Allowed(
        lambda w, a, _: reporting.produced_reports(w.db, a), READ),
    "services.supports.list_supports": Allowed(
        lambda w, a, p: supports.list_supports(w.db, a, p), READ, managed),
    "services.supports.loan_eligibility_for": Allowed(
        lambda w, a, p: supports.loan_eligibility_for(w.db, a, p, "business", today=TODAY),
        READ, managed),
    "services.team.team_of": Allowed(
        lambda w, a, p: team.team_of(w.db, a, p, TODAY), READ, managed),
    "services.team.team_history": Allowed(
        lambda w, a, p: team.team_history(w.db, a, p), READ, managed),
    "services.timeline.person_timeline": Allowed(
        lambda w, a, p: timeline.person_timeline(w.db, a, p), READ, managed),
    "reports.snapshot.list_reports": Allowed(
        lambda w, a, _: snapshot.list_reports(w.db, a), READ),
    "reports.snapshot.load_snapshot": Allowed(
        lambda w, a, _: snapshot.load_snapshot(w.db, a, w.files.report_id), READ),
    "services.report_preview.available_forms": Allowed(
        lambda w, a, _: report_preview.available_forms(w.db, a), PRODUCE),
    "services.reporting.produce": Allowed(
        lambda w, a, _: reporting.produce(w.db, a, "HCD-12", "2026-M10", None, w.folder,
                                          {"xlsx"}),
        PRODUCE),
    "services.person_papers.produce_person_paper": Allowed(
        lambda w, a, p: person_papers.produce_person_paper(w.db, a, "HCD-05", p, w.folder),
        PRODUCE, managed),
    "reports.snapshot.produce_snapshot": Allowed(
        lambda w, a, _: snapshot.produce_snapshot(w.db, a, "HCD-12", "2026-M10"), PRODUCE),
    "reports.snapshot.record_file_hashes": Allowed(
        lambda w, a, _: snapshot.record_file_hashes(w.db, a, w.files.report_id,
                                                    xlsx_sha256="ab" * 32),
        PRODUCE),
}

# Functions of desktop.services that take a database but no actor: what stands in for the
# role check.
NO_ACTOR: dict[str, str] = {
    "services.backup_schedule.check_backup": "reads a backup file, never the database's "
                                             "records; restoring it is restore_backup's, "
                                             "which checks the role",
    "services.users.login": "signing in: there is no actor yet; lock-out after failures",
    "services.units.initialize": "first run only: refuses once a home unit exists",
    "services.settings.set_up_installation": "first run only (calls units.initialize)",
    "services.backup.automatic_backup": "the app's own timer for the signed-in session; "
                                        "writes only a copy",
    "services.units.home_unit": "the unit's name and settings, shown before sign-in",
    "services.units.list_units": "unit names and codes, no personal data",
    "services.settings.list_settings": "idle-lock and lock-out settings, needed before sign-in",
    "services.settings.setting_value": "one installation setting, as list_settings",
    "services.signing_keys.known_signers": "public certificates, to verify received PDFs",
    "services.reporting.has_unit_certificate": "whether the certificate exists, no content",
    "services.reporting.verify_file": "verifies a PDF the user chose; reads public keys only",
    "services.intake_mappings.remembered_mapping": "column layout of a list, no personal data",
    "services.intake.sheet_columns": "reads a file the user chose, and remembered layouts",
    "services.backup_schedule.keep_count": "one installation setting",
    "services.backup_schedule.run_automatic_backup": "the app's own timer, as "
                                                     "automatic_backup",
    "services.encryption.finish_setup": "first run only: wraps the new key with the "
                                        "recovery code",
    "services.encryption.setup_pending": "whether first-run set-up is unfinished",
    "services.encryption.discard_setup": "first run only: refuses once a home unit exists",
    "services.encryption.recovery_actor": "the actor of the recovery-code path itself",
    "services.encryption.recover_access": "only for a database opened with the recovery "
                                          "code (refused otherwise: test_encryption)",
    "services.users.has_key_wrap": "whether a user can unlock the key file; no secret",
    "services.users.store_key_wrap": "called by user services inside their transaction, "
                                     "after their role check",
}

_PACKAGES = (desktop.services, desktop.handoff, desktop.reports)


def _public_functions() -> Iterator[tuple[str, inspect.Signature]]:
    for package in _PACKAGES:
        prefix = package.__name__ + "."
        for info in pkgutil.walk_packages(package.__path__, prefix):
            module = importlib.import_module(info.name)
            for name, fn in inspect.getmembers(module, inspect.isfunction):
                if fn.__module__ == module.__name__ and not name.startswith("_"):
                    short = f"{info.name.removeprefix('desktop.')}.{name}"
                    yield short, inspect.signature(fn)


def _takes_database(sig: inspect.Signature) -> bool:
    first = next(iter(sig.parameters.values()), None)
    return first is not None and (first.name == "db" or "Database" in str(first.annotation))


def use_cases() -> tuple[set[str], set[str]]:
    """(functions taking a database and an actor, services taking a database but no actor).

    Functions whose first parameter is a Session are building blocks that run inside the
    calling use case's transaction, after its role check, and are not listed.
    """
    with_actor, without = set(), set()
    for name, sig in _public_functions():
        if not _takes_database(sig):
            continue
        if "actor" in sig.parameters:
            with_actor.add(name)
        elif name.startswith("services."):
            without.add(name)
    return with_actor, without


def test_every_use_case_is_classified() -> None:
    with_actor, without = use_cases()
    listed = set(REFUSALS) | set(ALLOWED_FOR_ALL)
    assert not set(REFUSALS) & set(ALLOWED_FOR_ALL)
    unlisted = sorted(with_actor - listed)
    assert not unlisted, (
        "New use cases taking an actor are not in tests/security/test_role_refusals.py: "
        f"{unlisted}. Add each to REFUSALS (roles SPEC §8 refuses) or ALLOWED_FOR_ALL (why "
        "every role may call it).")
    gone = sorted(listed - with_actor)
    assert not gone, f"Listed use cases that no longer exist (remove them): {gone}"
    unexplained = sorted(without - set(NO_ACTOR))
    assert not unexplained, (
        f"Service functions taking a database but no actor: {unexplained}. Give them an "
        "actor and a role check, or explain in NO_ACTOR why none is needed.")
    assert not sorted(set(NO_ACTOR) - without), "NO_ACTOR lists functions that are gone"


def _refusals() -> list[Any]:
    return [pytest.param(name, role, id=f"{name}-{role}")
            for name, case in sorted(REFUSALS.items()) for role in sorted(case.refused)]


def _allowed() -> list[Any]:
    params = [pytest.param(name, role, id=f"{name}-{role}")
              for name, case in sorted(REFUSALS.items())
              for role in ROLES if role not in case.refused]
    params += [pytest.param(name, role, id=f"{name}-{role}")
               for name in sorted(ALLOWED_FOR_ALL) for role in ROLES]
    return params


def _case(name: str) -> tuple[Call, Prepare]:
    case: UseCase | Allowed = REFUSALS[name] if name in REFUSALS else ALLOWED_FOR_ALL[name]
    return case.call, case.prepare or _no_prep


def _allowed_error(name: str) -> type[ServiceError] | None:
    return REFUSALS[name].allowed_error if name in REFUSALS else None


@pytest.mark.parametrize(("name", "role"), _refusals())
def test_a_role_that_may_not_is_refused_and_nothing_changes(world: World, name: str,
                                                            role: str) -> None:
    call, prepare = _case(name)
    prepared = prepare(world)
    before = world.dump()
    with pytest.raises(PermissionDenied) as refused:
        call(world, world.actor(role), prepared)
    assert world.actor(role).username in refused.value.message  # says who was refused
    assert world.dump() == before


@pytest.mark.parametrize(("name", "role"), _allowed())
def test_an_allowed_role_gets_through(world: World, name: str, role: str) -> None:
    # Proves the arguments are valid, so each refusal above is about the role alone.
    call, prepare = _case(name)
    prepared = prepare(world)
    expected = _allowed_error(name)
    if expected is None:
        call(world, world.actor(role), prepared)
        return
    with pytest.raises(expected) as failed:
        call(world, world.actor(role), prepared)
    assert not isinstance(failed.value, PermissionDenied)


def test_no_use_case_refuses_the_administrator() -> None:
    # SPEC §8 gives the administrator every right (a small office's only officer often is).
    assert not [name for name, case in REFUSALS.items() if "admin" in case.refused]
