"""The one gateway to the database file.

:class:`Store` opens (creating or migrating) the SQLite file, applies operations one at a
time in write transactions, and runs reads on their own read-only connections, which WAL
lets proceed while a write is under way. :class:`StoreWriter` puts the writes on one
background thread so that callers on the GUI thread never wait on the disk.
"""

from __future__ import annotations

import logging
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from myk10_workshop.store.backup import (
    BEFORE_RESTORE,
    DAILY,
    MANUAL,
    Backup,
    backup_database,
    daily_backup_due,
    list_backups,
)
from myk10_workshop.store.engine import STORE_PRAGMAS, sqlite_engine
from myk10_workshop.store.errors import ErrorKind, StoreError, ValidationError, classify
from myk10_workshop.store.hlc import HybridLogicalClock
from myk10_workshop.store.migrate import (
    Preparation,
    known_revisions,
    prepare_database,
    read_revision,
)
from myk10_workshop.store.operations import ChangeSet, Operation, OpResult, Tx
from myk10_workshop.store.schema import SCHEMA_REVISION, ChangeLogEntry, Meta

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
        # Operations committed per kind of row they changed, since the store was opened;
        # a restore changes everything. What caches of rows (the voting server's ballots)
        # check to know whether they are still current, whoever wrote.
        self._changed: dict[str, int] = {}
        self._restores = 0

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
            changes = tx.changes
            self._count(changes)
        return OpResult(op_id, stamp, changes, inverse)

    def _count(self, changes: ChangeSet) -> None:
        for kind in changes.kinds():
            self._changed[kind] = self._changed.get(kind, 0) + 1

    def change_count(self, *kinds: str) -> int:
        """How many committed operations changed rows of these kinds (since the store was
        opened; a restore counts for every kind). It only grows: a value read before a read
        of the rows that is still the same later says nothing of them changed in between."""
        return self._restores + sum(self._changed.get(kind, 0) for kind in kinds)

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

    # ----------------------------------------------------------------- backups

    def backup(self, kind: str = MANUAL) -> Path:
        """A verified copy of the database in the backups folder (rolling, per kind)."""
        with self._lock:
            try:
                return backup_database(self.path, self.backups, kind)
            except (OSError, sqlite3.Error) as exc:
                raise self._environment_error(exc) from exc

    def daily_backup(self) -> Path | None:
        """The day's first backup, or None when there is one already."""
        if not daily_backup_due(self.backups, self.path.stem):
            return None
        return self.backup(DAILY)

    def list_backups(self) -> list[Backup]:
        return list_backups(self.backups, self.path.stem)

    def restore(self, source: Path) -> Path:
        """Replace the whole database with the backup ``source``; return the backup of the
        state before the restore (so a restore can itself be undone by restoring that).

        The backup is checked first (a damaged, foreign or newer file is refused with the
        database unchanged) and, if it has an older schema, migrated in a scratch copy. The
        content is then copied into the open database with SQLite's backup API, under the
        write lock, so readers and the writer simply see the restored state afterwards.
        """
        with tempfile.TemporaryDirectory(prefix=".restore-", dir=self.backups.parent) as scratch:
            restorable = _restorable_copy(source, Path(scratch))
            with self._lock:
                try:
                    before = backup_database(self.path, self.backups, BEFORE_RESTORE)
                    origin = sqlite3.connect(f"{restorable.resolve().as_uri()}?mode=ro",
                                             uri=True)
                    try:
                        with self._write_engine.connect() as connection:
                            live = connection.connection.driver_connection
                            assert isinstance(live, sqlite3.Connection)
                            origin.backup(live)
                    finally:
                        origin.close()
                except (OSError, sqlite3.Error) as exc:
                    raise self._environment_error(exc) from exc
                self._restores += 1
                self.device_id, last_stamp = self._load_identity()
                self.clock.observe(last_stamp)
        return before

    def integrity_check(self) -> str:
        """SQLite's full ``integrity_check``: "ok", or what is wrong."""
        with self._read_engine.connect() as connection:
            rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
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


def _restorable_copy(source: Path, scratch: Path) -> Path:
    """A checked copy of the backup ``source`` at the current schema, in ``scratch``."""
    revision = read_revision(source)  # refuses foreign and unreadable files
    if revision is None:
        raise StoreError(ErrorKind.NOT_OURS, path=str(source))
    if revision != SCHEMA_REVISION and revision not in known_revisions():
        raise StoreError(ErrorKind.NEWER_VERSION, path=str(source), found=revision,
                         known=SCHEMA_REVISION)
    copy = scratch / "restore.sqlite3"
    try:
        origin = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            (result,) = origin.execute("PRAGMA quick_check").fetchone()
            if result != "ok":
                raise StoreError(ErrorKind.CORRUPT, path=str(source), backups=str(source.parent))
            target = sqlite3.connect(copy)
            try:
                origin.backup(target)
            finally:
                target.close()
        finally:
            origin.close()
    except sqlite3.Error as exc:
        env = classify(exc, source)
        raise (env or StoreError(ErrorKind.CORRUPT, path=str(source),
                                 backups=str(source.parent))) from exc
    if revision != SCHEMA_REVISION:
        prepare_database(copy, scratch / "backups")
    return copy


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
