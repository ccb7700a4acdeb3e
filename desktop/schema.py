"""Whether a database is already at this build's schema revision, decided without Alembic.

Importing Alembic (with Mako and Pygments behind it) costs most of a second, a third of
the application's start on an old PC, while almost every start finds the database
already migrated. The revision graph is read from the migration files' own
`revision = "…"` and `down_revision = "…"` lines and compared with the database's
`alembic_version` row; anything unusual (several heads, unreadable files, no version
table) answers "unknown" and `db.upgrade` lets Alembic decide as before.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

VERSIONS_DIR = Path(__file__).parent / "migrations" / "versions"
_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=\n]*)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


@cache
def known_head(versions: Path = VERSIONS_DIR) -> str | None:
    """The single head revision of the migration files, or None when it is not plain."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        files = sorted(versions.glob("*.py"))
        for file in files:
            source = file.read_text(encoding="utf-8")
            found = _REVISION.search(source)
            if found is None:
                continue  # __init__.py and the like
            revisions.add(found.group(1))
            parents.update(_DOWN.findall(source))
    except OSError:
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database (None: none, or no version table yet)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def at_head(engine: Engine) -> bool:
    """True only when the database is certainly at this build's head revision."""
    head = known_head()
    return head is not None and stored_revision(engine) == head
