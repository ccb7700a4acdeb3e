"""Fuzzing what arrives on a USB stick, through the services that import it (issue #7 part 5).

tests/handoff/test_package_fuzz.py fuzzes the package reader itself (every layer, members
re-signed by an attacker, any JSON value in any manifest field). Here damaged packages and
key cards go through `exchange.open_for_import`, `exchange.import_package` and the key
card services with a real office behind them: only the product's refusals (ServiceError:
PackageRejected, UnknownSigningKey, KeyCardRejected…) may come out, and after a refusal
the database is unchanged (`PRAGMA data_version` of a separate connection).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.services import exchange, key_cards
from tests.security.test_fuzz_services import Office
from tests.security.world import template

FUZZ = settings(max_examples=80, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_mutation = st.tuples(st.sampled_from(["set", "cut", "insert", "delete", "flip"]),
                      st.integers(0, 10**7), st.integers(0, 255))


def mutate(data: bytes, mutations: list[tuple[str, int, int]]) -> bytes:
    """Set, flip, insert or delete a byte, or cut the file, at each position given."""
    for op, position, value in mutations:
        at = position % (len(data) or 1)
        if op == "set":
            data = data[:at] + bytes([value]) + data[at + 1:]
        elif op == "flip" and data:
            data = data[:at] + bytes([data[at] ^ (1 << (value % 8))]) + data[at + 1:]
        elif op == "cut":
            data = data[:at]
        elif op == "insert":
            data = data[:at] + bytes([value]) + data[at:]
        else:
            data = data[:at] + data[at + 1:]
    return data


def _rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    o = Office(tmp_path_factory.mktemp("fuzz-packages"))
    yield o
    o.close()


def _package() -> bytes:
    return template().package.read_bytes()


def _card() -> bytes:
    return template().key_card.read_bytes()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


@FUZZ
@given(st.lists(_mutation, min_size=1, max_size=5))
def test_a_damaged_package_is_refused_and_writes_nothing(office: Office,
                                                         mutations: list[tuple[str, int, int]]
                                                         ) -> None:
    data = mutate(_package(), mutations)
    path = office.db.path.parent / "damaged.hnp"
    path.write_bytes(data)
    office.refused_cleanly(lambda: exchange.open_for_import(office.db, office.actor(), data))
    # import_package opens again and imports when the damage left the package valid
    # (bytes the signature does not cover): then it is the real package, imported once.
    office.refused_cleanly(lambda: exchange.import_package(office.db, office.actor(), path,
                                                           accept_new_key=True))


@FUZZ
@given(st.integers(min_value=0, max_value=100),
       st.binary(max_size=300) | st.lists(_mutation, min_size=1, max_size=3))
def test_a_package_with_one_member_replaced_is_refused(
        office: Office, which: int, replacement: bytes | list[tuple[str, int, int]]) -> None:
    members = _members(_package())  # a plain package is a ZIP container
    name = sorted(members)[which % len(members)]
    members[name] = replacement if isinstance(replacement, bytes) else \
        mutate(members[name], replacement)
    data = _rezip(members)
    office.refused_cleanly(lambda: exchange.open_for_import(office.db, office.actor(), data))


@FUZZ
@given(st.binary(max_size=2000) | st.lists(_mutation, min_size=1, max_size=5).map(
    lambda m: mutate(_card(), m)))
def test_a_damaged_key_card_is_refused_and_writes_nothing(office: Office, data: bytes) -> None:
    office.refused_cleanly(lambda: key_cards.open_key_card(office.db, office.actor(), data))
    office.refused_cleanly(lambda: key_cards.import_key_card(
        office.db, office.actor(), data, "the.card", accept_new_key=False))


def test_the_fuzzed_files_are_valid_to_start_with(tmp_path: Path) -> None:
    o = Office(tmp_path)
    try:
        assert not o.refused_cleanly(lambda: exchange.open_for_import(o.db, o.actor(),
                                                                     _package()))
        assert not o.refused_cleanly(lambda: key_cards.open_key_card(o.db, o.actor(),
                                                                     _card()))
    finally:
        o.close()
