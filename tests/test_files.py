"""One way to write a file whole: packages, key files, key cards and reports use it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import files


def test_the_new_content_replaces_the_old_and_no_temporary_file_stays(tmp_path: Path) -> None:
    target = tmp_path / "goi.hnp"
    target.write_bytes(b"old")
    files.write_atomically(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["goi.hnp"]


def test_a_failed_rename_keeps_the_old_file_and_removes_the_temporary_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "khoa.keys"
    target.write_bytes(b"old")

    def refuse(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        files.write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["khoa.keys"]
