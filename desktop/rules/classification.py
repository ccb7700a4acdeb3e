"""Quarterly classification groups A–D (Circular 10/2024/TT-BCA, HCD-08 and HCD-09)."""

from __future__ import annotations

from desktop.rules.errors import RuleInputError
from desktop.rules.ruleset import RuleSet

CLASSIFICATIONS = ("A", "B", "C", "D")


def validate_classification(code: str) -> str:
    """`code` as stored ("a " → "A"); anything but A, B, C or D is refused."""
    cleaned = code.strip().upper()
    if cleaned not in CLASSIFICATIONS:
        raise RuleInputError(
            "classification",
            f"Xếp loại “{code.strip()}” không hợp lệ: chỉ được chọn A, B, C hoặc D.",
        )
    return cleaned


def classification_label(code: str, rs: RuleSet) -> str:
    """The rule set's Vietnamese label for a classification code."""
    return rs.classification_labels[validate_classification(code)]
