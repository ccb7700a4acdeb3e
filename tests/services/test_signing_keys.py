"""The unit certificate and the known-signers registry, stored in `settings`, audited."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.commands.verify_cmd import verify
from desktop.db import Database, open_database
from desktop.models import AuditEntry, Setting
from desktop.reports import certificates
from desktop.reports.certificates import create_unit_certificate
from desktop.reports.signing import load_p12_signer, sign_pdf
from desktop.reports.verification import verify_pdf
from desktop.services.access import Actor
from desktop.services.audit import verify_chain
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from desktop.services.signing_keys import (
    KNOWN_SIGNERS_KEY,
    UNIT_CERTIFICATE_KEY,
    ensure_unit_certificate,
    import_certificate,
    known_signers,
    unit_signer,
)
from tests.reports.test_signing import BOX, make_report

PASSWORD = "khoa-don-vi-2026"


@pytest.fixture(autouse=True)
def _smaller_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """2048-bit keys here: the real size is tested in tests/reports; here it only costs time."""
    monkeypatch.setattr(certificates, "RSA_KEY_BITS", 2048)


def _audit(db: Database) -> list[tuple[str, str, str | None]]:
    with db.reading() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id)
                         .order_by(AuditEntry.seq)).all()
    return [(a, e, i) for a, e, i in rows]


def _setting(db: Database, key: str) -> object:
    with db.reading() as s:
        raw = s.scalar(select(Setting.value).where(Setting.key == key))
    return None if raw is None else json.loads(raw)


def test_leader_creates_the_unit_certificate_once(db: Database, leader: Actor) -> None:
    info = ensure_unit_certificate(db, leader, PASSWORD)
    assert (info.common_name, info.organisation) == ("Công an phường Thanh Bình",) * 2
    assert info.self_signed
    assert isinstance(_setting(db, UNIT_CERTIFICATE_KEY), str)  # base64 PKCS#12, as JSON
    assert known_signers(db) == [info]
    assert _audit(db) == [("create", "signer_certificate", info.fingerprint)]
    # Second use: same certificate, password checked, nothing new written.
    assert ensure_unit_certificate(db, leader, PASSWORD) == info
    assert len(_audit(db)) == 1
    with db.reading() as s:
        assert verify_chain(s) is None


def test_wrong_password_for_the_stored_certificate(db: Database, admin: Actor) -> None:
    ensure_unit_certificate(db, admin, PASSWORD)
    with pytest.raises(ServiceError, match="Mật khẩu của chứng thư số không đúng"):
        ensure_unit_certificate(db, admin, "mat-khau-khac")
    with pytest.raises(ServiceError, match="Mật khẩu của chứng thư số không đúng"):
        unit_signer(db, admin, "mat-khau-khac")


def test_officer_may_not_create_or_import(db: Database, officer: Actor) -> None:
    with pytest.raises(PermissionDenied, match="ký báo cáo"):
        ensure_unit_certificate(db, officer, PASSWORD)
    p12 = create_unit_certificate("Nguyễn Văn Cán", "Công an phường Thanh Bình", "", "pw")
    with pytest.raises(PermissionDenied):
        import_certificate(db, officer, p12, "pw")
    assert _setting(db, UNIT_CERTIFICATE_KEY) is None
    assert known_signers(db) == []


def test_short_password_is_refused_before_anything_is_stored(db: Database,
                                                             leader: Actor) -> None:
    with pytest.raises(ValidationError, match="ít nhất 8 ký tự"):
        ensure_unit_certificate(db, leader, "1234")
    assert _setting(db, UNIT_CERTIFICATE_KEY) is None


def test_no_home_unit_yet(tmp_path: Path, leader: Actor) -> None:
    empty = open_database(tmp_path / "empty.db")
    try:
        with pytest.raises(ServiceError, match="Chưa khởi tạo đơn vị"):
            ensure_unit_certificate(empty, leader, PASSWORD)
    finally:
        empty.close()


def test_unit_signer_signs_as_a_known_signer(db: Database, leader: Actor) -> None:
    ensure_unit_certificate(db, leader, PASSWORD)
    signed = sign_pdf(make_report(), unit_signer(db, leader, PASSWORD), BOX, leader.full_name,
                      datetime(2026, 11, 26, 10, 15))
    result = verify_pdf(signed, known_signers(db))
    assert result.valid
    assert result.known_signer is True
    assert result.signer_name == "Trần Văn Trưởng"


def test_unit_signer_before_creation(db: Database, leader: Actor) -> None:
    with pytest.raises(ServiceError, match="chưa có chứng thư số"):
        unit_signer(db, leader, PASSWORD)


def test_import_officer_certificate(db: Database, leader: Actor) -> None:
    p12 = create_unit_certificate("Nguyễn Văn Cán", "Công an phường Thanh Bình",
                                  "Tỉnh Thái Nguyên", "pfx-pass")
    with pytest.raises(ServiceError, match="Mật khẩu"):
        import_certificate(db, leader, p12, "sai")
    assert known_signers(db) == []
    info = import_certificate(db, leader, p12, "pfx-pass")
    assert info.common_name == "Nguyễn Văn Cán"
    assert import_certificate(db, leader, p12, "pfx-pass") == info  # idempotent
    assert known_signers(db) == [info]
    assert _audit(db) == [("import", "signer_certificate", info.fingerprint)]
    stored = _setting(db, KNOWN_SIGNERS_KEY)
    assert isinstance(stored, list)
    assert len(stored) == 1


def test_registry_orders_by_name(db: Database, leader: Actor) -> None:
    for name in ("Trần B", "Lê A"):
        import_certificate(db, leader, create_unit_certificate(name, "Đơn vị", "", "pw"), "pw")
    ensure_unit_certificate(db, leader, PASSWORD)
    assert [k.common_name for k in known_signers(db)] == [
        "Công an phường Thanh Bình", "Lê A", "Trần B"]


def test_cli_reports_known_and_unknown_signers(db: Database, leader: Actor, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    ensure_unit_certificate(db, leader, PASSWORD)
    ours = sign_pdf(make_report(), unit_signer(db, leader, PASSWORD), BOX, "Trần Văn Trưởng",
                    datetime(2026, 11, 26, 10, 15))
    stranger = create_unit_certificate("Người Lạ", "Công an xã Khác", "", "pw")
    theirs = sign_pdf(make_report(), load_p12_signer(stranger, "pw"), BOX, "Người Lạ",
                      datetime(2026, 11, 26, 10, 15))
    db.close()  # the command opens the database itself (one process lock at a time)
    outputs = []
    for name, pdf in (("ours.pdf", ours), ("theirs.pdf", theirs)):
        (tmp_path / name).write_bytes(pdf)
        code = verify(argparse.Namespace(file=tmp_path / name, db=db.path))
        outputs.append((code, capsys.readouterr().out))
    assert outputs[0][0] == 0
    assert "Người ký đã biết: có" in outputs[0][1]
    assert "Kết quả: Hợp lệ" in outputs[0][1]
    # Unknown but intact: still exit 0 — integrity holds; trust is reported separately.
    assert outputs[1][0] == 0
    assert "Người ký đã biết: không" in outputs[1][1]
    assert "Kết quả: Không rõ người ký" in outputs[1][1]
