"""The audit trail records every security-relevant event, and any direct edit of it is found.

Issue #7 part 3: sign-in (success and failure), export, import (package and Excel), report
signature, key acceptance (with a package, or a key card), certificate import and backup
each append hash-chained entries, and the chain still verifies afterwards. Editing,
deleting or inserting one row directly in the database is named by `verify_chain` at the
first entry it touches. `hoanhap check` exiting non-zero and naming the entry after a
direct edit is tested in tests/cli/test_cli.py::test_check_passes_then_detects_an_edited_
audit_row; here it is also run after a deletion. The Settings page's check is in
tests/views/test_settings_audit.py.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services import (
    backup,
    exchange,
    intake,
    intake_commit,
    key_cards,
    reporting,
    signing_keys,
    users,
)
from desktop.services.audit import verify_chain
from desktop.services.audit_check import check_audit_trail
from desktop.services.errors import AuthenticationError
from tests.security.world import CERT_PASSWORD, PASSWORD, TODAY, World


def _entries_after(w: World, seq: int) -> list[tuple[str, str, str]]:
    with w.db.reading() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.entity, AuditEntry.actor)
                         .where(AuditEntry.seq > seq).order_by(AuditEntry.seq))
        return [(a, e, who) for a, e, who in rows]


def _last_seq(w: World) -> int:
    return int(w.pick("SELECT coalesce(max(seq), 0) FROM audit"))


def _failed_login(w: World, username: str = "canbo") -> None:
    with pytest.raises(AuthenticationError):
        users.login(w.db, username, "sai-mat-khau")


def _sign(w: World) -> None:
    pdf = w.folder / w.files.pdf.name
    pdf.write_bytes(w.files.pdf.read_bytes())
    reporting.sign(w.db, w.actor("leader"), w.files.report_id, pdf,
                   reporting.SignerChoice("unit"), CERT_PASSWORD)


def _excel_import(w: World) -> None:
    analysis = intake.analyse(w.db, w.actor("officer"), w.files.workbook, today=TODAY)
    intake_commit.commit(w.db, w.actor("officer"), analysis, today=TODAY)


# event → (what a user does, the (action, entity, by whom) entries it must append, in order)
EVENTS: dict[str, tuple[Callable[[World], object], list[tuple[str, str, str]]]] = {
    "login": (lambda w: users.login(w.db, "canbo", PASSWORD), [("login", "users", "canbo")]),
    "login_failed": (_failed_login, [("login_failed", "users", "canbo")]),
    "login_unknown_user": (lambda w: _failed_login(w, "khong_co"),
                           [("login_failed", "users", "khong_co")]),
    "export": (
        lambda w: exchange.export_package(w.db, w.actor("officer"), w.folder, plain=True),
        [("key_created", "unit_keys", "canbo"), ("export", "sent_packages", "canbo")]),
    "import_with_new_key": (
        lambda w: exchange.import_package(w.db, w.actor("officer"), w.files.package,
                                          accept_new_key=True),
        [("key_accepted", "unit_keys", "canbo"), ("import", "imported_packages", "canbo")]),
    "key_card": (
        lambda w: key_cards.import_key_card(w.db, w.actor("officer"),
                                            w.files.key_card.read_bytes(), "the.card",
                                            accept_new_key=True),
        [("key_accepted", "unit_keys", "canbo"), ("key_card_imported", "unit_keys", "canbo")]),
    "excel_import": (_excel_import, [("import_excel", "persons", "canbo"),
                                     ("import_excel", "intake", "canbo")]),
    "signature": (_sign, [("sign", "reports", "lanhdao")]),
    "certificate_import": (
        lambda w: signing_keys.import_certificate(w.db, w.actor("leader"),
                                                  w.files.officer_p12, CERT_PASSWORD),
        [("import", "signer_certificate", "lanhdao")]),
    "backup": (lambda w: backup.backup_to(w.db, w.actor("admin"), w.folder / "b.db"),
               [("backup", "database", "admin")]),
}


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_each_security_event_is_audited_and_the_chain_holds(world: World, event: str) -> None:
    do, expected = EVENTS[event]
    seq = _last_seq(world)
    do(world)
    appended = _entries_after(world, seq)
    # The expected entries appear in this order (other entries, e.g. per-record ones, may
    # come between them).
    found = iter(appended)
    assert all(entry in found for entry in expected), appended
    with world.db.reading() as s:
        assert verify_chain(s) is None


# A direct edit of one column, as someone holding the file (not the app) would make it.
EDITS = {
    "actor": "UPDATE audit SET actor = 'ke_gian' WHERE seq = :seq",
    "action": "UPDATE audit SET action = 'login' WHERE seq = :seq",
    "entity": "UPDATE audit SET entity = 'settings' WHERE seq = :seq",
    "entity_id": "UPDATE audit SET entity_id = 'khac' WHERE seq = :seq",
    "changes": "UPDATE audit SET changes = '{}' WHERE seq = :seq",
    "at": "UPDATE audit SET at = '2020-01-01 00:00:00.000000' WHERE seq = :seq",
    "unit_code": "UPDATE audit SET unit_code = '99999' WHERE seq = :seq",
    "entry_hash": "UPDATE audit SET entry_hash = :fake WHERE seq = :seq",
    "prev_hash": "UPDATE audit SET prev_hash = :fake WHERE seq = :seq",
    "deleted": "DELETE FROM audit WHERE seq = :seq",
    "resealed": "UPDATE audit SET actor = 'ke_gian', entry_hash = :fake WHERE seq = :seq",
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_direct_edit_of_one_row_is_named(world: World, edit: str) -> None:
    seq = _last_seq(world) // 2
    with closing(sqlite3.connect(world.db.path)) as conn:
        changed = conn.execute(EDITS[edit], {"seq": seq, "fake": "f" * 64}).rowcount
        conn.commit()
    assert changed == 1
    result = check_audit_trail(world.db, world.actor("leader"))
    assert result.broken is not None
    assert result.broken.seq == seq


def test_an_entry_inserted_in_the_middle_is_found(world: World) -> None:
    # Shift the later entries up by one and slip a made-up one in: the links break.
    seq = _last_seq(world) // 2
    with closing(sqlite3.connect(world.db.path)) as conn:
        conn.execute("UPDATE audit SET seq = -seq WHERE seq > ?", (seq,))
        conn.execute("UPDATE audit SET seq = 1 - seq WHERE seq < 0")
        row = conn.execute("SELECT * FROM audit WHERE seq = ?", (seq,)).fetchone()
        columns = [d[0] for d in conn.execute("SELECT * FROM audit LIMIT 0").description]
        fake = dict(zip(columns, row, strict=True))
        fake.update(id="00000000-0000-4000-8000-000000000000", seq=seq + 1,
                    actor="ke_gian", entry_hash="e" * 64)
        conn.execute(f"INSERT INTO audit ({', '.join(fake)}) "
                     f"VALUES ({', '.join('?' * len(fake))})", list(fake.values()))
        conn.commit()
    result = check_audit_trail(world.db, world.actor("officer"))
    assert result.broken is not None
    assert result.broken.seq == seq + 1


def test_hoanhap_check_names_a_deleted_entry(world: World, tmp_path: Path) -> None:
    seq = 7
    world.db.close()
    with closing(sqlite3.connect(world.db.path)) as conn:
        conn.execute("DELETE FROM audit WHERE seq = ?", (seq,))
        conn.commit()
    result = subprocess.run([sys.executable, "-m", "desktop", "check", "--db",
                             str(world.db.path)], capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode != 0
    assert f"mục số {seq}" in result.stdout
