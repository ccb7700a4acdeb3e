"""Helpers of the encryption tests: cheap key derivation, and an encrypted office."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from desktop.security import keyfile
from desktop.services import encryption, settings, users

ADMIN, PASSWORD = "quantri", "mat-khau-quan-tri"
CHEAP_KDF = keyfile.KdfParams(time_cost=1, memory_kib=8, parallelism=1)


def use_cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its cheapest: the tests prove behaviour, not cost."""
    monkeypatch.setattr(keyfile, "PARAMS", CHEAP_KDF)
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8,
                                                        parallelism=1))


@dataclass(frozen=True)
class Office:
    """An encrypted office database, closed, with its administrator and recovery code."""

    path: Path
    recovery_code: str

    @property
    def keys(self) -> Path:
        return keyfile.keyfile_path(self.path)


def make_office(path: Path) -> Office:
    """First-run set-up of a new encrypted database, as the wizard does it."""
    code = keyfile.new_recovery_code()
    db = encryption.begin_setup(path)
    try:
        settings.set_up_installation(
            db, unit_code="26001", unit_name="Công an phường Thanh Bình",
            province="Tỉnh Thái Nguyên", admin_username=ADMIN,
            admin_full_name="Lê Văn Quản", admin_password=PASSWORD, recovery_code=code)
    finally:
        db.close()
    return Office(path, code)


def file_hashes(*paths: Path) -> dict[str, str | None]:
    """SHA-256 of each file (None when absent), with the SQLite side files."""
    found: dict[str, str | None] = {}
    for path in paths:
        for name in (str(path), f"{path}-wal", f"{path}-shm"):
            p = Path(name)
            found[name] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return found
