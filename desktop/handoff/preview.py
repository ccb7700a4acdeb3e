"""What an import will do, and what it did, as plain data for the GUI and the CLI (rule 5).

The preview and the import are computed by the same planner (`merge.plan_import`), so
the numbers a person confirms are the numbers that get applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.formatting import format_datetime
from desktop.handoff.records import Line

Values = dict[str, Any]


@dataclass(frozen=True)
class ConflictDraft:
    """A record that could not be applied; both versions go to the conflict log."""

    table: str
    record_id: str
    unit_code: str
    local_line: Line | None
    incoming_line: Line
    reason: str
    local_version: int
    incoming_version: int


@dataclass
class TablePlan:
    """How one table of a package would be applied.

    `older`: copies older than the local record (ignored, nothing lost: the local one
    descends from them); `skipped`: lines kept only in the package file (the sender's
    audit trail, which cannot join this installation's own hash chain).
    """

    table: str
    inserts: list[Values] = field(default_factory=list)
    updates: list[Values] = field(default_factory=list)
    conflicts: list[ConflictDraft] = field(default_factory=list)
    unchanged: int = 0
    older: int = 0
    skipped: int = 0

    def summary(self) -> TablePreview:
        """The counts of this plan."""
        return TablePreview(self.table, len(self.inserts), len(self.updates), self.unchanged,
                            self.older, len(self.conflicts), self.skipped)


@dataclass(frozen=True)
class TablePreview:
    """Per table: records that are new, changed, unchanged, older, conflicting, skipped."""

    table: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    older: int = 0
    conflicting: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, int]:
        """The counts as saved in `imported_packages.counts_json` and the audit entry."""
        return {"new": self.new, "changed": self.changed, "unchanged": self.unchanged,
                "older": self.older, "conflicting": self.conflicting, "skipped": self.skipped}


@dataclass(frozen=True)
class ImportPreview:
    """Everything a person needs to decide whether to import a package."""

    package_id: str
    kind: str
    unit_code: str
    unit_name: str
    created_at: datetime
    created_by: str
    encrypted: bool
    key_status: str  # "known" | "new": a new key needs a person's confirmation first
    fingerprint: str
    tables: tuple[TablePreview, ...]
    already_imported_at: datetime | None = None
    warnings: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()

    @property
    def already_imported(self) -> bool:
        """Whether this package_id was imported here before (importing again is a no-op)."""
        return self.already_imported_at is not None

    @property
    def conflicting(self) -> int:
        """Records that will go to the conflict log."""
        return sum(t.conflicting for t in self.tables)

    def counts(self) -> dict[str, dict[str, int]]:
        """{table: {new, changed, …}} for tables the package carries lines for."""
        return {t.table: t.as_dict() for t in self.tables}


@dataclass(frozen=True)
class ImportResult:
    """What `apply_import` did; `message` is one Vietnamese sentence for the user."""

    preview: ImportPreview
    applied: bool
    message: str


def already_message(imported_at: datetime) -> str:
    """Rule 7: the same package again changes nothing, and says so."""
    return (f"Gói này đã được nhập ngày {format_datetime(imported_at)}; "
            "không có gì thay đổi.")


def applied_message(preview: ImportPreview) -> str:
    """One sentence summing up an applied import."""
    new = sum(t.new for t in preview.tables)
    changed = sum(t.changed for t in preview.tables)
    text = (f"Đã nhập gói của {preview.unit_name} ({preview.unit_code}): {new} bản ghi mới, "
            f"{changed} bản ghi cập nhật")
    if preview.conflicting:
        text += f", {preview.conflicting} xung đột cần xử lý"
    return text + "."
