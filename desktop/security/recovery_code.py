"""The office's recovery code: 28 symbols in groups of 4 (130 random bits and a check).

Crockford's base-32 alphabet (no I, L, O, U) keeps the printed code readable; the two check
symbols catch a typing mistake before the slow key derivation runs, and look-alike letters
typed by mistake (O for 0, I or L for 1) are read as what they look like.
"""

from __future__ import annotations

import hashlib
import secrets

from desktop.security.errors import WrongSecret

RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_RANDOM = 26  # × 5 bits = 130 bits
RECOVERY_CHECK = 2  # 10 bits of SHA-256: a typo is caught before any slow derivation
RECOVERY_GROUP = 4


def _check_symbols(payload: str) -> str:
    digest = int.from_bytes(hashlib.sha256(payload.encode("ascii")).digest()[:4], "big")
    bits = digest >> (32 - 5 * RECOVERY_CHECK)
    return "".join(RECOVERY_ALPHABET[(bits >> (5 * i)) & 31]
                   for i in reversed(range(RECOVERY_CHECK)))


def _grouped(symbols: str) -> str:
    return "-".join(symbols[i:i + RECOVERY_GROUP]
                    for i in range(0, len(symbols), RECOVERY_GROUP))


def new_recovery_code() -> str:
    """A fresh recovery code: 28 symbols in groups of 4 (130 random bits + a check)."""
    payload = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_RANDOM))
    return _grouped(payload + _check_symbols(payload))


_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def normalize_recovery_code(text: str) -> str:
    """The code as typed — any case, spaces or dashes, O for 0 — in its printed form.

    Raises WrongSecret when it cannot be a recovery code (wrong length or check symbols).
    """
    symbols = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_LOOKALIKES)
    length = RECOVERY_RANDOM + RECOVERY_CHECK
    if len(symbols) != length or any(ch not in RECOVERY_ALPHABET for ch in symbols):
        raise WrongSecret(f"Mã khôi phục gồm {length} ký tự (chữ và số, chia nhóm 4 ký tự); "
                          "hãy kiểm tra lại bản đã in.")
    payload, check = symbols[:RECOVERY_RANDOM], symbols[RECOVERY_RANDOM:]
    if _check_symbols(payload) != check:
        raise WrongSecret("Mã khôi phục có ký tự gõ sai; hãy so lại từng nhóm với bản đã in.")
    return _grouped(symbols)
