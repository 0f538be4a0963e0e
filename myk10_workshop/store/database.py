"""The one gateway to the database file.

:class:`Store` opens (creating or migrating) the SQLite file, applies operations one at a
time in write transactions, and runs reads on their own read-only connections, which WAL
lets proceed while a write is under way. :class:`StoreWriter` puts the writes on one
background thread so that callers on the GUI thread never wait on the disk.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from myk10_workshop.store.engine import STORE_PRAGMAS, sqlite_engine
from myk10_workshop.store.errors import StoreError, ValidationError, classify
from myk10_workshop.store.hlc import HybridLogicalClock
from myk10_workshop.store.migrate import Preparation, prepare_database
from myk10_workshop.store.operations import Operation, OpResult, Tx
from myk10_workshop.store.schema import ChangeLogEntry, Meta

log = logging.getLogger(__name__)

T = TypeVar("T")

DEVICE_ID_KEY = "device_id"


class Store:
    """An open database: apply operations, run reads."""

    def __init__(self, path: Path, backups: Path, preparation: Preparation) -> None:
        self.path = path
        self.backups = backups
        self.preparation = preparation
        # One writer connection (the writer thread is the only writer) that takes the write
        # lock up front; a few query-only readers that WAL lets run beside it.
        self._write_engine = sqlite_engine(path, pragmas=(*STORE_PRAGMAS, "journal_mode=WAL"),
                                           begin="BEGIN IMMEDIATE")
        self._read_engine = sqlite_engine(path, pragmas=(*STORE_PRAGMAS, "query_only=ON"),
                                          begin="BEGIN", pool_size=4, max_overflow=4)
        self._writes = sessionmaker(self._write_engine, expire_on_commit=False)
        self._reads = sessionmaker(self._read_engine, expire_on_commit=False)
        self._lock = threading.Lock()
        try:
            self.device_id, last_stamp = self._load_identity()
        except Exception as exc:
            self.close()
            raise self._environment_error(exc) from exc
        self.clock = HybridLogicalClock(last_stamp)

    @classmethod
    def open(cls, path: Path, backups: Path | None = None) -> Store:
        """Open ``path``, creating or migrating it; raise :class:`StoreError` if it cannot be."""
        backups = backups or path.parent / "backups"
        preparation = prepare_database(path, backups)
        return cls(path, backups, preparation)

    def _load_identity(self) -> tuple[uuid.UUID, int]:
        with self._writes.begin() as session:
            raw = session.get(Meta, DEVICE_ID_KEY)
            if raw is None:
                device_id = uuid.uuid4()
                session.add(Meta(key=DEVICE_ID_KEY, value=str(device_id)))
            else:
                device_id = uuid.UUID(raw.value)
            last = session.scalar(select(func.max(ChangeLogEntry.hlc))) or 0
        return device_id, last

    # ----------------------------------------------------------------- writing

    def apply(self, operation: Operation) -> OpResult:
        """Validate and apply one operation in one transaction; record it; return its result.

        Raises :class:`ValidationError` (input refused) or :class:`StoreError` (environment);
        in both cases nothing of the operation was written.
        """
        operation.validate()
        with self._lock:
            op_id = uuid.uuid4()
            stamp = self.clock.now()
            try:
                with self._writes.begin() as session:
                    tx = Tx(session, op_id=op_id, op_name=operation.name, stamp=stamp,
                            device_id=self.device_id)
                    inverse = operation.apply(tx)
                    tx.flush()
            except ValidationError:
                raise
            except Exception as exc:
                env = classify(exc, self.path, self.backups)
                if env is not None:
                    log.warning("operation %s not saved: %s", operation.name, env)
                    raise env from exc
                raise
        return OpResult(op_id, stamp, tx.changes, inverse)

    # ----------------------------------------------------------------- reading

    def read(self, query: Callable[[Session], T]) -> T:
        """Run ``query`` on a read-only session of its own (any thread)."""
        try:
            with self._reads.begin() as session:
                return query(session)
        except Exception as exc:
            error = self._read_error(exc)
            if error is exc:
                raise
            raise error from exc

    def integrity_check(self) -> str:
        with self._read_engine.connect() as connection:
            rows = connection.exec_driver_sql("PRAGMA quick_check").fetchall()
        return "; ".join(str(row[0]) for row in rows)

    def _environment_error(self, exc: BaseException) -> BaseException:
        env = classify(exc, self.path, self.backups)
        return env if env is not None else exc

    def _read_error(self, exc: BaseException) -> BaseException:
        # Read sessions are query-only: a write through one is a bug in the caller, not a
        # read-only folder, and must not be reported as one.
        if "attempt to write a readonly database" in str(exc):
            return exc
        return self._environment_error(exc)

    def close(self) -> None:
        self._write_engine.dispose()
        self._read_engine.dispose()


class StoreWriter:
    """Applies operations on one background thread, in the order they were submitted.

    SQLite takes one writer at a time; one thread keeps that orderly and keeps the disk away
    from the GUI thread. Results come back as futures.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")

    def submit(self, operation: Operation) -> Future[OpResult]:
        return self._executor.submit(self.store.apply, operation)

    def call(self, function: Callable[[Store], T]) -> Future[T]:
        """Run other work that must not overlap writes (backups, bulk imports)."""
        return self._executor.submit(function, self.store)

    def close(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait)


__all__ = ["Store", "StoreError", "StoreWriter", "ValidationError"]
