"""Alembic environment: runs on the connection the application hands in (see db.upgrade)."""

from __future__ import annotations

from alembic import context

from desktop.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    """Online mode only: HoaNhap always migrates a live connection it opened itself."""
    connection = config.attributes.get("connection")
    if connection is None:
        from desktop.db import make_engine

        url = config.get_main_option("sqlalchemy.url") or ""
        engine = make_engine(url.removeprefix("sqlite:///"))
        with engine.begin() as conn:
            _configure_and_run(conn)
        return
    _configure_and_run(connection)


def _configure_and_run(connection: object) -> None:
    # render_as_batch: SQLite cannot ALTER most things, so Alembic recreates tables.
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
