"""Coverage-guided fuzz targets for atheris (libFuzzer), run by test_fuzz_atheris.py.

`python -m tests.security._atheris_targets TARGET [libFuzzer options] [CORPUS]`: each target feeds
the fuzzer's bytes to one reader and lets only the product's clean refusal pass; any other
exception is a crash that libFuzzer reports (and the test fails). atheris instruments the
product's modules for coverage, so from valid seed files (the corpus folder the test
writes) it finds inputs that reach new branches by itself.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["desktop"]):
    from desktop.handoff.keycard import read_key_card
    from desktop.handoff.manifest import PackageRejected
    from desktop.handoff.package import open_package
    from desktop.intake.workbook import read_workbook
    from desktop.rules.errors import RuleInputError
    from desktop.rules.periods import parse_period
    from desktop.services.errors import ServiceError

_FOLDER = Path(tempfile.mkdtemp(prefix="hoanhap-atheris-"))


def period(data: bytes) -> None:
    # The text as typed (the seeds are period codes), and the convention from its length.
    text = data.decode("utf-8", "replace")
    convention = "calendar" if len(data) % 2 else "cutoff"
    try:
        found = parse_period(text, convention, 11 + len(data) % 2)
    except RuleInputError:
        return
    assert parse_period(found.code, convention, 11 + len(data) % 2) == found


def package(data: bytes) -> None:
    with contextlib.suppress(PackageRejected):
        open_package(data, passphrase="mat-khau", identities=[], registry=lambda code: None)


def key_card(data: bytes) -> None:
    with contextlib.suppress(ServiceError):
        read_key_card(data)


def workbook(data: bytes) -> None:
    path = _FOLDER / "fuzz.xlsx"
    path.write_bytes(data)
    with contextlib.suppress(ServiceError):
        read_workbook(path)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "period": period, "package": package, "key_card": key_card, "workbook": workbook,
}

if __name__ == "__main__":
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()
