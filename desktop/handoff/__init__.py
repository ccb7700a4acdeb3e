"""USB handoff packages (HANDOFF.md): how data travels between offices on a USB stick.

- `keys`: the unit's own signing and encryption keys, and other units' accepted keys;
- `manifest`: the manifest.json fields, their exact types, and `PackageRejected`;
- `crypto`: age encryption (recipients or passphrase) and Ed25519 signatures;
- `archive`: the ZIP inside a package, written canonically and read with hard limits;
- `container`: `build_package` and `open_package`, the verification pipeline (rules 1–4);
- `package`: the public API other modules import, gathered in one place;
- `records`, `merge`: table serialisation and the import rules 5–8.

Nothing here imports Qt; the GUI and the CLI both call these functions.
"""
