"""age encryption (pyrage) and Ed25519 signatures, behind small typed functions.

pyrage ships no type information, so it is confined here: the rest of the package sees
plain `bytes` and `str`, and every pyrage failure comes out as `PackageRejected` with a
message a person can act on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import pyrage  # type: ignore[import-untyped]
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from desktop.handoff.manifest import PackageRejected

AGE_MAGIC = b"age-encryption.org/v1\n"
# An age header is a few lines per recipient; this is generous for the few recipients a
# package has, and stops a hostile file from making us scan megabytes for a header end.
MAX_HEADER = 64 * 1024

WRONG_KEY = "Sai mật khẩu hoặc khóa giải mã; không mở được gói."
NEEDS_PASSPHRASE = "Gói được mã hóa bằng mật khẩu; hãy nhập mật khẩu của gói."
NEEDS_IDENTITY = ("Gói được mã hóa cho một đơn vị nhận, nhưng máy này chưa có khóa giải mã "
                  "của đơn vị; không mở được gói.")
DAMAGED = ("Không giải mã được gói: tệp bị hỏng hoặc bị cắt cụt (hoặc sai mật khẩu/khóa). "
           "Hãy chép lại tệp từ USB.")
EXCESSIVE_WORK = ("Gói đòi mức tính toán mật khẩu bất thường (giải mã sẽ mất hàng chục phút); "
                  "không mở. Hãy xin đơn vị gửi lập lại gói.")
# rage reports these when the key or passphrase does not fit; any other failure means the
# ciphertext itself is damaged (truncated, altered), and a person should copy it again.
_WRONG_KEY_ERRORS = ("No matching keys found", "Decryption failed")


def new_age_identity() -> tuple[str, str]:
    """A fresh X25519 identity and its recipient: ("AGE-SECRET-KEY-1…", "age1…")."""
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def valid_age_recipient(recipient: str) -> bool:
    """Whether `recipient` is an age X25519 recipient ("age1…")."""
    try:
        pyrage.x25519.Recipient.from_str(recipient)
    except Exception:  # pyrage raises its own RecipientError (and maybe others): all mean no
        return False
    return True


def encrypt_to_recipients(data: bytes, recipients: list[str]) -> bytes:
    """age-encrypt `data` to X25519 recipients; ValueError names a malformed recipient."""
    parsed = []
    for text in recipients:
        try:
            parsed.append(pyrage.x25519.Recipient.from_str(text))
        except Exception as exc:
            raise ValueError(f"invalid age recipient {text!r}") from exc
    if not parsed:
        raise ValueError("no recipients")
    return bytes(pyrage.encrypt(data, parsed))


def encrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    """age-encrypt `data` to a passphrase (scrypt, rage's default work factor)."""
    if not passphrase:
        raise ValueError("empty passphrase")
    return bytes(pyrage.passphrase.encrypt(data, passphrase))


def is_age(data: bytes) -> bool:
    """Whether `data` starts like an age file (binary, not ASCII-armoured)."""
    return data.startswith(AGE_MAGIC)


def stanza_kind(data: bytes) -> Literal["scrypt", "recipients"]:
    """Whether the age header locks the file with a passphrase or with recipients' keys."""
    end = data.find(b"\n---", 0, MAX_HEADER)
    if end < 0:
        raise PackageRejected(DAMAGED)
    stanzas = [line for line in data[:end].split(b"\n") if line.startswith(b"-> ")]
    if not stanzas:
        raise PackageRejected(DAMAGED)
    return "scrypt" if stanzas[0].startswith(b"-> scrypt ") else "recipients"


def decrypt(data: bytes, *, passphrase: str | None, identities: list[str]) -> bytes:
    """The ZIP inside an age file, or PackageRejected saying why it cannot be opened."""
    if stanza_kind(data) == "scrypt":
        if not passphrase:
            raise PackageRejected(NEEDS_PASSPHRASE)
        return _run_decrypt(lambda: pyrage.passphrase.decrypt(data, passphrase))
    parsed = []
    for text in identities:
        try:
            parsed.append(pyrage.x25519.Identity.from_str(text))
        except Exception:
            raise PackageRejected("Khóa giải mã của đơn vị lưu trong máy bị hỏng; hãy khôi "
                                  "phục từ bản sao lưu.") from None
    if not parsed:
        raise PackageRejected(NEEDS_IDENTITY)
    return _run_decrypt(lambda: pyrage.decrypt(data, parsed))


def _run_decrypt(call: Callable[[], object]) -> bytes:
    try:
        result = call()
    except Exception as exc:  # pyrage's DecryptError, or any parse error of a hostile header
        text = str(exc)
        message = WRONG_KEY if any(e in text for e in _WRONG_KEY_ERRORS) else DAMAGED
        if "Excessive work" in text:  # rage refuses a header that would take minutes
            message = EXCESSIVE_WORK
        raise PackageRejected(message) from None
    if not isinstance(result, bytes):
        raise PackageRejected(DAMAGED)
    return result


def sign(signing_key: Ed25519PrivateKey, message: bytes) -> bytes:
    """The raw 64-byte Ed25519 signature of `message`."""
    return signing_key.sign(message)


def signature_valid(public_key_raw: bytes, signature: bytes, message: bytes) -> bool:
    """Whether `signature` is `public_key_raw`'s Ed25519 signature of exactly `message`."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
