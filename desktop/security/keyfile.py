"""The key file beside an encrypted database: the database key, wrapped once per secret.

An encrypted database (SQLCipher) is opened with a random 32-byte key that nobody types.
That key lives in `<database>.keys` (JSON, format version 1), *wrapped* — encrypted with
AES-256-GCM — once for each user's password and once for the office's recovery code.
Each wrap's AES key is derived from its secret with Argon2id and a fresh random salt
(`KdfParams`; by default RFC 9106's second recommended profile, 3 passes over 64 MiB with
4 lanes: about 0.2 s on a recent PC, about 0.5 s on an old office PC).

- The associated data of a wrap binds the format, the file id, the wrap's kind ("user"
  or "recovery"), the user name and its KDF parameters: a wrap copied under another name,
  into another key file, or given cheaper parameters no longer opens.
- `checksum` (SHA-256 of everything else) tells a damaged file from a wrong password. It
  is not a security MAC and needs none: forging a wrap would need the key itself.
- Wrong passwords are counted per user in the file (`failed`, `locked_until`), under the
  lock-out policy copied from the database's settings (`lockout`): before the database is
  decrypted there is nowhere else to count them. Someone able to edit the file can reset
  the counter, but such a person can also copy both files and guess offline against
  Argon2id; the counter stops guessing at the login prompt.
- During the first-run set-up the file holds the key in the clear (`pending_key`) while
  the database is still empty, so an interrupted set-up can be resumed; set-up's last step
  replaces it by the recovery-code wrap (`finish_setup`).
- Every change is written to a temporary file, flushed to disk and renamed over the old
  file (`os.replace`): a crash leaves the old key file or the new one, never half of one.
  Writers that add or remove wraps hold the database's lock; only the failure counter is
  written without it, where a lost update costs one uncounted attempt.

Messages in exceptions are Vietnamese, for the user.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.config import SETTING_DEFAULTS
from desktop.files import write_atomically
from desktop.security.errors import (
    AccountLocked,
    KeyFileDamaged,
    KeyFileError,
    KeyFileMissing,
    WrongSecret,
)
from desktop.security.recovery_code import new_recovery_code as new_recovery_code
from desktop.security.recovery_code import normalize_recovery_code as normalize_recovery_code
from desktop.text import nfc, tidy_spaces

FORMAT = "hoanhap-keyfile"
VERSION = 1
SUFFIX = ".keys"
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
# Crockford's base32: no I, L, O or U, so nothing can be misread or spell a word.

WrapKind = Literal["user", "recovery"]

WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: passes, memory in KiB, lanes (tests pass cheaper ones)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


DEFAULT_PARAMS = KdfParams()
# What new wraps use; tests swap in cheaper parameters (stored wraps keep their own).
PARAMS = DEFAULT_PARAMS


@dataclass(frozen=True)
class LockoutPolicy:
    """How many wrong passwords in a row lock a user out of the key file, and how long."""

    max_failed: int = int(SETTING_DEFAULTS["max_failed_logins"])
    minutes: int = int(SETTING_DEFAULTS["lockout_minutes"])


@dataclass(frozen=True)
class Wrap:
    """The database key encrypted under one secret."""

    kind: WrapKind
    name: str  # the user name; "" for the recovery code
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes
    failed: int = 0
    locked_until: datetime | None = None


@dataclass(frozen=True)
class KeyFile:
    """The whole file, as read; change it with the module's functions, which write it."""

    file_id: str
    wraps: tuple[Wrap, ...]
    lockout: LockoutPolicy = LockoutPolicy()
    pending_key: bytes | None = None

    def user_wrap(self, username: str) -> Wrap | None:
        return next((w for w in self.wraps if w.kind == "user" and w.name == username), None)

    def recovery_wrap(self) -> Wrap | None:
        return next((w for w in self.wraps if w.kind == "recovery"), None)

    def usernames(self) -> list[str]:
        return sorted(w.name for w in self.wraps if w.kind == "user")

    def without(self, kind: WrapKind, name: str) -> tuple[Wrap, ...]:
        return tuple(w for w in self.wraps if not (w.kind == kind and w.name == name))


def keyfile_path(db_path: Path | str) -> Path:
    """Where the key file of the database at `db_path` lives: `<database>.keys`."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + SUFFIX)


def new_database_key() -> bytes:
    """A random key for a new encrypted database."""
    return secrets.token_bytes(KEY_BYTES)


def username_key(username: str) -> str:
    """A login name as stored (the users service's normalisation: NFC, trimmed, lower)."""
    return tidy_spaces(nfc(username)).lower()


# --- wrapping --------------------------------------------------------------------------

def _derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(nfc(secret).encode("utf-8"), salt, time_cost=params.time_cost,
                           memory_cost=params.memory_kib, parallelism=params.parallelism,
                           hash_len=KEY_BYTES, type=Type.ID)


def _params_json(params: KdfParams) -> dict[str, Any]:
    return {"algorithm": "argon2id", "time_cost": params.time_cost,
            "memory_kib": params.memory_kib, "parallelism": params.parallelism}


def _associated_data(file_id: str, kind: WrapKind, name: str, params: KdfParams) -> bytes:
    bound = {"format": FORMAT, "version": VERSION, "file_id": file_id, "kind": kind,
             "name": name, "kdf": _params_json(params)}
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _make_wrap(file_id: str, kind: WrapKind, name: str, secret: str, db_key: bytes,
               params: KdfParams | None) -> Wrap:
    params = params or PARAMS
    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
    aead = AESGCM(_derive(secret, salt, params))
    wrapped = aead.encrypt(nonce, db_key, _associated_data(file_id, kind, name, params))
    return Wrap(kind=kind, name=name, params=params, salt=salt, nonce=nonce, wrapped=wrapped)


def _open_wrap(file_id: str, wrap: Wrap, secret: str) -> bytes | None:
    """The database key, or None when `secret` is not the one it was wrapped with."""
    aead = AESGCM(_derive(secret, wrap.salt, wrap.params))
    try:
        return aead.decrypt(wrap.nonce, wrap.wrapped,
                            _associated_data(file_id, wrap.kind, wrap.name, wrap.params))
    except InvalidTag:
        return None


@cache
def _dummy_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


# --- reading and writing ---------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _wrap_json(wrap: Wrap) -> dict[str, Any]:
    return {"kind": wrap.kind, "name": wrap.name,
            "kdf": {**_params_json(wrap.params), "salt": _b64(wrap.salt)},
            "cipher": "aes-256-gcm", "nonce": _b64(wrap.nonce),
            "wrapped_key": _b64(wrap.wrapped), "failed": wrap.failed,
            "locked_until": wrap.locked_until.isoformat() if wrap.locked_until else None}


def _body(kf: KeyFile) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "file_id": kf.file_id,
            "lockout": {"max_failed": kf.lockout.max_failed, "minutes": kf.lockout.minutes},
            "pending_key": kf.pending_key.hex() if kf.pending_key is not None else None,
            "wraps": [_wrap_json(w) for w in kf.wraps]}


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _positive(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"not a positive integer: {value!r}")
    return value


def _wrap_from(raw: dict[str, Any]) -> Wrap:
    kdf = raw["kdf"]
    if kdf["algorithm"] != "argon2id" or raw["cipher"] != "aes-256-gcm":
        raise ValueError("unknown algorithm")
    kind = raw["kind"]
    if kind not in ("user", "recovery") or not isinstance(raw["name"], str):
        raise ValueError("bad wrap kind or name")
    failed = raw["failed"]
    if not isinstance(failed, int) or failed < 0:
        raise ValueError("bad failure count")
    until = raw["locked_until"]
    return Wrap(
        kind=kind, name=raw["name"],
        params=KdfParams(_positive(kdf["time_cost"]), _positive(kdf["memory_kib"]),
                         _positive(kdf["parallelism"])),
        salt=_unb64(kdf["salt"]), nonce=_unb64(raw["nonce"]),
        wrapped=_unb64(raw["wrapped_key"]), failed=failed,
        locked_until=datetime.fromisoformat(until) if until is not None else None)


def _damaged(path: Path) -> KeyFileDamaged:
    return KeyFileDamaged(
        f"Tệp khóa {path} bị hỏng nên không mở được cơ sở dữ liệu (cơ sở dữ liệu không bị "
        "thay đổi). Hãy chép lại tệp khóa từ bản sao lưu (tệp .keys cạnh bản sao lưu), "
        "hoặc dùng mã khôi phục cùng bản sao lưu tệp khóa.")


def read_keyfile(path: Path) -> KeyFile:
    """The key file at `path`; KeyFileMissing or KeyFileDamaged say why not."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileMissing(
            f"Không tìm thấy tệp khóa {path}. Cơ sở dữ liệu được mã hóa chỉ mở được khi tệp "
            "khóa nằm cạnh nó: hãy chép tệp khóa (cùng tên, đuôi .keys) vào cùng thư mục."
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("not a key file")
        if isinstance(data.get("version"), int) and data["version"] > VERSION:
            raise KeyFileError(f"Tệp khóa {path} do phiên bản HoaNhap mới hơn tạo ra; hãy "
                               "cập nhật phần mềm.")
        stored = data.pop("checksum")
        if data["version"] != VERSION or stored != _checksum(data):
            raise ValueError("checksum mismatch")
        lockout = data["lockout"]
        pending = data["pending_key"]
        kf = KeyFile(
            file_id=str(data["file_id"]),
            wraps=tuple(_wrap_from(w) for w in data["wraps"]),
            lockout=LockoutPolicy(_positive(lockout["max_failed"]),
                                  _positive(lockout["minutes"])),
            pending_key=bytes.fromhex(pending) if pending is not None else None)
    except KeyFileError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise _damaged(path) from None
    if kf.pending_key is None and not kf.wraps:
        raise _damaged(path)
    return kf


def write_keyfile(path: Path, kf: KeyFile) -> None:
    """Replace the file at `path` by `kf` atomically (temporary file, fsync, rename)."""
    body = _body(kf)
    text = json.dumps({**body, "checksum": _checksum(body)}, indent=1, ensure_ascii=False)
    write_atomically(path, text.encode("utf-8"))


# --- the operations --------------------------------------------------------------------

def create_keyfile(path: Path, db_key: bytes, username: str, password: str,
                   recovery_code: str, params: KdfParams | None = None) -> KeyFile:
    """A new key file with the first user's wrap and the recovery code's wrap."""
    file_id = secrets.token_hex(16)
    kf = KeyFile(file_id=file_id, wraps=(
        _make_wrap(file_id, "user", username_key(username), password, db_key, params),
        _make_wrap(file_id, "recovery", "", normalize_recovery_code(recovery_code), db_key,
                   params)))
    write_keyfile(path, kf)
    return kf


def create_pending(path: Path, db_key: bytes) -> KeyFile:
    """The first-run set-up's key file: the key in the clear while the database is empty."""
    kf = KeyFile(file_id=secrets.token_hex(16), wraps=(), pending_key=db_key)
    write_keyfile(path, kf)
    return kf


def finish_setup(path: Path, db_key: bytes, recovery_code: str,
                 params: KdfParams | None = None) -> None:
    """End the set-up: wrap the key for the recovery code and forget the clear copy."""
    kf = read_keyfile(path)
    if not kf.usernames():
        raise KeyFileError("Chưa có tài khoản nào mở được cơ sở dữ liệu; chưa thể kết thúc "
                           "thiết lập.")
    set_recovery_code(path, db_key, recovery_code, params)
    write_keyfile(path, replace(read_keyfile(path), pending_key=None))


def add_wrap(path: Path, db_key: bytes, username: str, password: str,
             params: KdfParams | None = None) -> None:
    """Wrap the key for `username`'s (new) password, replacing any wrap they had: used for
    new accounts, changed passwords and password resets."""
    kf = read_keyfile(path)
    name = username_key(username)
    wrap = _make_wrap(kf.file_id, "user", name, password, db_key, params)
    write_keyfile(path, replace(kf, wraps=(*kf.without("user", name), wrap)))


def remove_wrap(path: Path, username: str) -> bool:
    """Remove `username`'s wrap (their password no longer opens the database); False when
    they had none."""
    kf = read_keyfile(path)
    name = username_key(username)
    if kf.user_wrap(name) is None:
        return False
    write_keyfile(path, replace(kf, wraps=kf.without("user", name)))
    return True


def set_recovery_code(path: Path, db_key: bytes, recovery_code: str,
                      params: KdfParams | None = None) -> None:
    """Wrap the key for a new recovery code; the previous code stops working."""
    kf = read_keyfile(path)
    wrap = _make_wrap(kf.file_id, "recovery", "", normalize_recovery_code(recovery_code),
                      db_key, params)
    write_keyfile(path, replace(kf, wraps=(*kf.without("recovery", ""), wrap)))


def set_lockout(path: Path, policy: LockoutPolicy) -> None:
    """Copy the database's lock-out settings into the key file (when they differ)."""
    kf = read_keyfile(path)
    if kf.lockout != policy:
        write_keyfile(path, replace(kf, lockout=policy))


def reset_failures(path: Path, username: str) -> None:
    """Forget `username`'s wrong passwords and lift their lock-out (an admin's unlock)."""
    kf = read_keyfile(path)
    wrap = kf.user_wrap(username_key(username))
    if wrap is not None and (wrap.failed or wrap.locked_until is not None):
        _put(path, kf, replace(wrap, failed=0, locked_until=None))


def _put(path: Path, kf: KeyFile, wrap: Wrap) -> None:
    """Write `kf` with `wrap` in place of the wrap of the same kind and name."""
    wraps = tuple(wrap if (w.kind, w.name) == (wrap.kind, wrap.name) else w
                  for w in kf.wraps)
    write_keyfile(path, replace(kf, wraps=wraps))


def _locked_message(until: datetime) -> str:
    local = until.astimezone()
    return (f"Tài khoản đang bị khóa do đăng nhập sai nhiều lần, đến {local:%H:%M} ngày "
            f"{local:%d/%m/%Y}. Hãy thử lại sau hoặc nhờ quản trị viên mở khóa.")


def unwrap(path: Path, username: str, password: str, now: datetime | None = None) -> bytes:
    """The database key, unwrapped with `username`'s password.

    Raises WrongSecret (unknown user or wrong password, counted), AccountLocked, or the
    file's own errors. An unknown user costs the same derivation as a wrong password.
    """
    kf = read_keyfile(path)
    at = now or datetime.now(UTC)
    wrap = kf.user_wrap(username_key(username))
    if wrap is None:
        _derive(password, _dummy_salt(), PARAMS)
        raise WrongSecret(WRONG_CREDENTIALS)
    if wrap.locked_until is not None and at < wrap.locked_until:
        raise AccountLocked(_locked_message(wrap.locked_until))
    key = _open_wrap(kf.file_id, wrap, password)
    if key is None:
        _count_failure(path, kf, wrap, at)
    assert key is not None  # _count_failure always raises
    if wrap.failed or wrap.locked_until is not None:
        _put(path, kf, replace(wrap, failed=0, locked_until=None))
    return key


def _count_failure(path: Path, kf: KeyFile, wrap: Wrap, at: datetime) -> None:
    """Record one wrong password and raise; the N-th in a row locks the user out."""
    failed, until = wrap.failed + 1, None
    if failed >= kf.lockout.max_failed:
        # A fresh count after the lock-out, as the database's own login does.
        failed, until = 0, at + timedelta(minutes=kf.lockout.minutes)
    _put(path, kf, replace(wrap, failed=failed, locked_until=until))
    if until is not None:
        raise AccountLocked(_locked_message(until))
    left = kf.lockout.max_failed - failed
    raise WrongSecret(f"{WRONG_CREDENTIALS} Còn {left} lần thử trước khi tài khoản bị khóa "
                      "tạm thời.")


def unwrap_with_recovery(path: Path, recovery_code: str) -> bytes:
    """The database key, unwrapped with the office's recovery code."""
    code = normalize_recovery_code(recovery_code)
    kf = read_keyfile(path)
    wrap = kf.recovery_wrap()
    key = _open_wrap(kf.file_id, wrap, code) if wrap is not None else None
    if key is None:
        raise WrongSecret("Mã khôi phục không đúng với tệp khóa của cơ sở dữ liệu này.")
    return key


def pending_key(path: Path) -> bytes | None:
    """The key of a database whose first-run set-up has not finished, else None."""
    return read_keyfile(path).pending_key
