"""Random damage to valid packages: only `PackageRejected` may come out, never other content.

Hypothesis mutates bytes (set, insert, delete, cut) of a whole package, and of single
members re-signed by the attacker, so that every layer — age, ZIP, manifest, JSON lines —
meets input it has never seen.
"""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.handoff.package import OpenedPackage, PackageRejected, build_package, open_package
from tests.handoff.package_helpers import (
    IDENTITY,
    KEY,
    RECIPIENT,
    REPORTS,
    TABLES,
    fields,
    forge,
    knowing,
    members,
    open_plain,
    plain_package,
    public_b64,
    replace,
    rezip,
)

_VALID = plain_package()
_ENCRYPTED = build_package(fields(), TABLES, REPORTS, KEY, encrypt_to=[RECIPIENT])
_ORIGINAL = open_plain(_VALID)

_mutation = st.one_of(
    st.tuples(st.just("set"), st.integers(0, 10**6), st.integers(0, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.integers(0, 255)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.just(0)),
)


def _mutate(data: bytes, mutations: list[tuple[str, int, int]]) -> bytes:
    for op, position, value in mutations:
        at = position % (len(data) or 1)
        if op == "set":
            data = data[:at] + bytes([value]) + data[at + 1:]
        elif op == "cut":
            data = data[:at]
        elif op == "insert":
            data = data[:at] + bytes([value]) + data[at:]
        else:
            data = data[:at] + data[at + 1:]
    return data


def _same_content(opened: OpenedPackage) -> bool:
    return (opened.manifest, opened.tables, opened.reports) == (
        _ORIGINAL.manifest, _ORIGINAL.tables, _ORIGINAL.reports)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_mutation, min_size=1, max_size=6))
def test_fuzzed_plain_packages_are_rejected_or_unchanged(
        mutations: list[tuple[str, int, int]]) -> None:
    # Bytes the signature does not cover (ZIP timestamps, attributes) may change and still
    # open; what must never happen is other content opening, or another exception escaping.
    try:
        opened = open_plain(_mutate(_VALID, mutations), knowing(KEY))
    except PackageRejected:
        return
    assert _same_content(opened)


@settings(max_examples=100, deadline=None)
@given(st.lists(_mutation, min_size=1, max_size=3))
def test_fuzzed_encrypted_packages_are_rejected_or_unchanged(
        mutations: list[tuple[str, int, int]]) -> None:
    mutated = _mutate(_ENCRYPTED, mutations)
    try:
        opened = open_package(mutated, passphrase=None, identities=[IDENTITY],
                              registry=knowing(KEY))
    except PackageRejected:
        return
    assert _same_content(opened)


_MEMBERS = members(_VALID)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([name for name, _ in _MEMBERS]),
       st.lists(_mutation, min_size=1, max_size=4))
def test_fuzzed_members_of_a_resigned_package_never_escape(
        name: str, mutations: list[tuple[str, int, int]]) -> None:
    # A hostile sender signs whatever they like: the parsers behind the signature (manifest
    # fields, JSON lines) must then reject cleanly too. Content may differ: it is re-signed.
    mutated = _mutate(dict(_MEMBERS)[name], mutations)
    items = replace(_MEMBERS, name, mutated)
    if name == "manifest.json":
        data = rezip(replace(items, "manifest.sig", KEY.sign(mutated)))
    elif name == "manifest.sig":
        data = rezip(items)
    else:
        data = forge(items)
    with contextlib.suppress(PackageRejected):
        open_plain(data, knowing(KEY))


def test_the_fuzz_target_itself_opens() -> None:
    assert open_plain(_VALID, knowing(KEY)).key_status == "known"
    assert public_b64(KEY) == _ORIGINAL.manifest.signing_key.public_key
    assert zipfile.ZipFile(io.BytesIO(_VALID)).testzip() is None


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6)
_FIELD_PATHS = [(name,) for name in json.loads(dict(_MEMBERS)["manifest.json"])] + [
    ("unit", "code"), ("unit", "name"), ("recipient",), ("files", 0), ("files", 0, "path"),
    ("files", 0, "bytes"), ("files", 0, "records"), ("files", 0, "sha256"),
    ("signing_key", "public_key"), ("signing_key", "algorithm"),
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_FIELD_PATHS), _json)
def test_any_json_value_in_any_manifest_field_is_rejected_cleanly(
        path: tuple[str | int, ...], value: object) -> None:
    # Wrong types are the classic crash of a hand-written validator (an unhashable list
    # compared with a set, a bool taken for an int): every one must be a PackageRejected.
    def put(manifest: dict[str, Any]) -> None:
        target: Any = manifest
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    with contextlib.suppress(PackageRejected):
        open_plain(forge(_MEMBERS, edit=put), knowing(KEY))
