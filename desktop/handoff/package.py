"""The package API in one place: keys, writing and opening `.hnp` files (HANDOFF.md §1–4).

Callers (the merge, the CLI, the GUI's workers) import from here, not from the modules
behind it, so the split into keys/manifest/crypto/archive/container can change freely.

Writing::

    keys = own_keys(session, unit_code)
    fields = ManifestFields(kind="full", unit=UnitRef(code, name, province), created_by=user)
    data = build_package(fields, tables, reports, keys.signing_key, encrypt_to=[recipient])

Opening::

    opened = open_package(data, passphrase=None, identities=[keys.age_identity],
                          registry=lambda code: registered_key(session, code))
    if opened.key_status == "new":  # show opened.fingerprint_display, ask a person
        accept_key(session, actor, unit.code, unit.name, opened.manifest.signing_key.public_key)
"""

from __future__ import annotations

from desktop.handoff.archive import MAX_ENTRIES, MAX_LINE, MAX_MANIFEST, MAX_RATIO, MAX_TOTAL
from desktop.handoff.container import (
    EXTENSION,
    KeyStatus,
    OpenedPackage,
    Registry,
    build_package,
    open_package,
    package_file_name,
)
from desktop.handoff.keys import (
    OwnKeys,
    UnitKeyInfo,
    accept_key,
    display_fingerprint,
    ensure_own_keys,
    fingerprint,
    forget_key,
    own_keys,
    registered_key,
)
from desktop.handoff.manifest import (
    FORMAT,
    FORMAT_VERSION,
    KINDS,
    VIETNAM,
    FileEntry,
    Kind,
    Manifest,
    ManifestFields,
    PackageRejected,
    RecipientRef,
    SigningKeyRef,
    UnitRef,
    iso_vietnam,
    known_schema_versions,
)

__all__ = [
    "EXTENSION", "FORMAT", "FORMAT_VERSION", "KINDS", "MAX_ENTRIES", "MAX_LINE",
    "MAX_MANIFEST", "MAX_RATIO", "MAX_TOTAL", "VIETNAM", "FileEntry", "KeyStatus", "Kind",
    "Manifest", "ManifestFields", "OpenedPackage", "OwnKeys", "PackageRejected",
    "RecipientRef", "Registry", "SigningKeyRef", "UnitKeyInfo", "UnitRef", "accept_key",
    "build_package", "display_fingerprint", "ensure_own_keys", "fingerprint", "forget_key",
    "iso_vietnam", "known_schema_versions", "open_package", "own_keys", "package_file_name",
    "registered_key",
]
