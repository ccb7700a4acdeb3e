"""The conflict log as the Conflicts screen shows it: both versions of a record side by side.

`exchange.list_conflicts` gives the logged conflicts; this adds, for a person reading
them, what the record is about (the person's name) and every field of both versions in
words — labels from `validation.FIELD_LABELS`, codes and dates as the timeline shows
them — with the fields that differ marked. Resolving stays `exchange.resolve_conflict`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.db import Database
from desktop.handoff.records import FIELDS
from desktop.models import Person
from desktop.services.access import Action, Actor, require
from desktop.services.exchange import ConflictView, list_conflicts
from desktop.services.timeline import field_name, show_value

__all__ = ["ConflictField", "ConflictRow", "conflict_rows"]

# Shown in the columns' headings (versions) or meaningless to a reader (ids).
HEADER_FIELDS = frozenset({"id", "version", "updated_at", "created_at"})
# Derived from another field: a difference there is already shown by its source.
DERIVED_FIELDS = frozenset({"name_folded", "id_legacy"})
NO_RECORD = "(không có ở máy này)"


@dataclass(frozen=True)
class ConflictField:
    """One field of the record in both versions, in words."""

    name: str
    label: str
    local: str
    incoming: str
    differs: bool


@dataclass(frozen=True)
class ConflictRow:
    """A logged conflict with what a person needs to decide it."""

    conflict: ConflictView
    subject: str  # the person's name, the unit's name, or the record id
    fields: tuple[ConflictField, ...]

    @property
    def differing(self) -> int:
        return sum(f.differs for f in self.fields)


def _words(field: str) -> str:
    words = field_name(field)
    return words[:1].upper() + words[1:]


def _shown(field: str, value: Any, table: str) -> str:
    if field == "photo":
        return "(có ảnh)" if value else "(không có ảnh)"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = show_value(field, value, table)
    # Free text in full: the excerpt of a history line could hide the difference.
    return str(value) if text.startswith("«") else text


def _fields(table: str, local: Mapping[str, Any] | None,
            incoming: Mapping[str, Any]) -> tuple[ConflictField, ...]:
    known = [s.name for s in FIELDS.get(table, ())]
    names = [*known, *sorted((set(incoming) | set(local or {})) - set(known))]
    shown = []
    for name in dict.fromkeys(names):
        if name in HEADER_FIELDS or name in DERIVED_FIELDS:
            continue
        if name not in incoming and (local is None or name not in local):
            continue
        theirs = _shown(name, incoming.get(name), table)
        ours = NO_RECORD if local is None else _shown(name, local.get(name), table)
        differs = local is None or local.get(name) != incoming.get(name)
        shown.append(ConflictField(name, _words(name), ours, theirs, differs))
    return tuple(shown)


def _subject(c: ConflictView, names: Mapping[str, str]) -> str:
    versions = [v for v in (c.local, c.incoming) if v]
    for values in versions:
        if c.table_name == "persons" and values.get("full_name"):
            return str(values["full_name"])
        if c.table_name == "units" and values.get("name"):
            return str(values["name"])
        person = names.get(str(values.get("person_id")))
        if person:
            return person
    return c.record_id


def conflict_rows(db: Database, actor: Actor, *, include_resolved: bool = False
                  ) -> list[ConflictRow]:
    """The logged conflicts (open ones unless asked), oldest first, ready to compare."""
    require(actor, Action.EXCHANGE)
    conflicts = list_conflicts(db, actor, include_resolved=include_resolved)
    person_ids = {str(v["person_id"]) for c in conflicts for v in (c.local, c.incoming)
                  if v and v.get("person_id")}
    with db.reading() as session:
        rows = session.execute(select(Person.id, Person.full_name)
                               .where(Person.id.in_(person_ids))).all()
    names = dict(rows)
    return [ConflictRow(c, _subject(c, names), _fields(c.table_name, c.local, c.incoming))
            for c in conflicts]
