"""Alembic environment: migrations run on the connection the app hands in."""

from alembic import context
from sqlalchemy import create_engine

from myk10_workshop.store.schema import Base

config = context.config
connection = config.attributes.get("connection")


def _run(conn: object) -> None:
    context.configure(
        connection=conn,
        target_metadata=Base.metadata,
        # SQLite alters most things by rebuilding the table.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # developer use: python -m myk10_workshop.store.migrations_cli ...
    url = config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
