"""SQLite engines with the connection settings this app relies on, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

#: Writers and readers of the store.
STORE_PRAGMAS = ("foreign_keys=ON", "synchronous=NORMAL", "busy_timeout=5000")


def sqlite_engine(path: Path, *, pragmas: Sequence[str], begin: str, pool_size: int = 1,
                  max_overflow: int = 0) -> Engine:
    """An engine on ``path`` that sets ``pragmas`` on every new connection and starts every
    transaction with ``begin`` (``BEGIN`` or ``BEGIN IMMEDIATE``).

    Transactions are begun explicitly, not by the driver's guesswork: pysqlite would run DDL
    outside any transaction and start write transactions too late.
    """
    engine = create_engine(f"sqlite:///{path}", pool_size=pool_size, max_overflow=max_overflow,
                           connect_args={"timeout": 5.0})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine
