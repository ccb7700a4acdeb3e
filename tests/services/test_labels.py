"""Every stored code has exactly one Vietnamese label, so no screen shows a raw code."""

from __future__ import annotations

import pytest

from desktop.models import END_REASONS, MAIN_PENALTIES, RELEASE_TYPES, STATUSES
from desktop.rules.identity import GENDERS
from desktop.services import labels


@pytest.mark.parametrize(
    ("codes", "mapping"),
    [
        (STATUSES, labels.STATUS_LABELS),
        (END_REASONS, labels.END_REASON_LABELS),
        (RELEASE_TYPES, labels.RELEASE_TYPE_LABELS),
        (MAIN_PENALTIES, labels.PENALTY_LABELS),
        (GENDERS, labels.GENDER_LABELS),
    ],
)
def test_every_code_has_a_distinct_label(
    codes: tuple[str, ...], mapping: dict[str, str]
) -> None:
    assert set(mapping) == set(codes)
    assert len(set(mapping.values())) == len(codes)
    assert all(label.strip() == label and label for label in mapping.values())
