"""The column mapping an officer chose, remembered per header layout.

Stored in the `settings` table under "intake_mapping:<sha1 of the folded headers>" as JSON
{"fields": [field or null per column]}, so the next list with the same headers is mapped
the same way without asking again. Saving is audited like any other setting.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.intake.header import Header
from desktop.intake.mapping import ColumnMapping, header_signature
from desktop.models import Setting
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import ValidationError

MAPPING_KEY = "intake_mapping:"


def _mapping_key(header: Header) -> str:
    return MAPPING_KEY + header_signature(header.labels)


def stored_mapping(session: Session, header: Header) -> ColumnMapping | None:
    """The remembered mapping of this header layout, read inside the caller's session."""
    raw = session.scalar(select(Setting.value).where(Setting.key == _mapping_key(header)))
    if raw is None:
        return None
    try:
        fields = json.loads(raw)["fields"]
        mapping = ColumnMapping(tuple(fields))
    except (ValueError, KeyError, TypeError, ValidationError):
        return None  # a damaged or outdated entry is ignored, not fatal
    return mapping if len(mapping.fields) == len(header.columns) else None


def remembered_mapping(db: Database, header: Header) -> ColumnMapping | None:
    """The mapping chosen last time for a list with exactly these headers, if any."""
    with db.reading() as session:
        return stored_mapping(session, header)


def save_mapping(session: Session, actor: Actor, header: Header,
                 mapping: ColumnMapping) -> None:
    """Remember `mapping` for this header layout, inside the caller's transaction."""
    key, value = _mapping_key(header), json.dumps({"fields": list(mapping.fields)})
    row = session.get(Setting, key)
    old = None if row is None else row.value
    if old == value:
        return
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    write_audit(session, actor, "update", "settings", None, {key: (old, value)})


def remember_mapping(db: Database, actor: Actor, header: Header,
                     mapping: ColumnMapping) -> None:
    """Remember the mapping the officer chose (the wizard calls it when they change one)."""
    require(actor, Action.EDIT_RECORDS)
    check_width(header, mapping)
    with db.transaction() as session:
        save_mapping(session, actor, header, mapping)


def check_width(header: Header, mapping: ColumnMapping) -> None:
    """Refuse a mapping made for a sheet with another number of columns."""
    if len(mapping.fields) != len(header.columns):
        raise ValidationError("mapping", f"Cách ghép cột có {len(mapping.fields)} cột nhưng "
                                         f"trang tính có {len(header.columns)} cột.")
