"""The one gateway to the database file.

:class:`Store` opens (creating or migrating) the SQLite file, applies operations one at a
time in write transactions, and runs reads on their own read-only connections, which WAL
lets proceed while a write is under way. :class:`StoreWriter` puts the writes on one
background thread so that callers on the GUI thread never wait on the disk.
"""

from __future__ import annotations

import atexit
import logging
import queue
import sqlite3
import tempfile
import threading
import uuid
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar, cast

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
from myk10_workshop.store.ids import fresh_id
from myk10_workshop.store.migrate import (
    Preparation,
    known_revisions,
    prepare_database,
    read_revision,
)
from myk10_workshop.store.operations import ChangeSet, Operation, OpResult, Tx, WriterMemo
from myk10_workshop.store.schema import SCHEMA_REVISION, ChangeLogEntry, Meta

log = logging.getLogger(__name__)

T = TypeVar("T")

DEVICE_ID_KEY = "device_id"


class _HalfWrittenError(Exception):
    """An operation of a group written without savepoints failed after it wrote."""


class Store:
    """An open database: apply operations, run reads."""

    def __init__(self, path: Path, backups: Path, preparation: Preparation) -> None:
        self.path = path
        self.backups = backups
        self.preparation = preparation
        # One writer connection (the writer thread is the only writer) that takes the write
        # lock up front; a few query-only readers that WAL lets run beside it.
        # The writer never checkpoints: a checkpoint copies the log into the database and
        # waits for the disk twice, tens of milliseconds that a vote in a burst would wait
        # for. The checkpointer does it beside the writer (see Checkpointer).
        self._write_engine = sqlite_engine(
            path, pragmas=(*STORE_PRAGMAS, "journal_mode=WAL", "wal_autocheckpoint=0"),
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
        # Reads the writer keeps between operations while their rows do not change.
        self._memo = WriterMemo(self.change_count)
        self._checkpointer = Checkpointer(path)

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
            try:
                with self._writes.begin() as session:
                    result = self._run(session, operation)
            except ValidationError:
                raise
            except Exception as exc:
                error = self._write_error(exc, operation.name)
                if error is exc:
                    raise
                raise error from exc
            self._count(result.changes)
        self._checkpointer.wake()
        return result

    def apply_group(self, operations: Sequence[Operation]) -> list[OpResult | Exception]:
        """Apply operations that may share one commit (see :attr:`Operation.groupable`):
        each as if in a transaction of its own, inside one outer transaction that is
        committed once for all of them. Their outcomes in order: the result, or what
        refused or failed it.

        A refused operation (or one that fails on a bug) changes nothing; the others go
        on. When the commit fails (a full disk), every operation not refused before fails
        with that error, and nothing of any of them was written: none is reported saved
        that is not on disk. One commit for many votes is what lets a burst of phones
        through: the commit and the transaction's set-up cost more than a vote itself.

        Each statement gives the interpreter lock away, and takes its turn to get it back
        while the server parses the next votes; so a vote makes as few as it can. The
        group's change log is written at its end, in one statement per few hundred
        entries; and an operation gets a savepoint of its own only when it needs one. A
        vote is refused before it writes anything; should an operation fail after it
        wrote (a bug), the group is rolled back and written again with a savepoint
        around each operation, which undoes the failed one alone.
        """
        refused: list[OpResult | Exception | None] = [None] * len(operations)
        for index, operation in enumerate(operations):
            try:
                operation.validate()
            except ValidationError as exc:
                refused[index] = exc
        with self._lock:
            try:
                try:
                    outcomes = self._write_group(operations, refused, guarded=False)
                except _HalfWrittenError:
                    outcomes = self._write_group(operations, refused, guarded=True)
            except Exception as exc:
                error = self._write_error(exc, "group")
                outcomes = [error if outcome is None else outcome for outcome in refused]
            else:
                for outcome in outcomes:
                    if isinstance(outcome, OpResult):
                        self._count(outcome.changes)
        self._checkpointer.wake()
        # Every place is filled: refused before, or run, or failed with the commit.
        return cast(list[OpResult | Exception], outcomes)

    def _write_group(self, operations: Sequence[Operation],
                     refused: Sequence[OpResult | Exception | None], *,
                     guarded: bool) -> list[OpResult | Exception | None]:
        """The group in one transaction; the outcomes (those in ``refused`` kept)."""
        outcomes = list(refused)
        log_rows: list[tuple[Any, ...]] = []
        with self._writes.begin() as session:
            driver = session.connection().connection.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            for index, operation in enumerate(operations):
                if outcomes[index] is None:
                    outcomes[index] = self._run_nested(session, driver, operation, log_rows,
                                                       guarded=guarded)
            if log_rows:
                Tx.log_writer_of(session).insert(driver, log_rows)
        return outcomes

    def _run(self, session: Session, operation: Operation,
             log_rows: list[tuple[Any, ...]] | None = None) -> OpResult:
        """Apply ``operation`` in the session's transaction and write its change log (or
        add it to ``log_rows``, for the caller to write)."""
        op_id = fresh_id()
        stamp = self.clock.now()
        tx = Tx(session, op_id=op_id, op_name=operation.name, stamp=stamp,
                device_id=self.device_id, memo=self._memo)
        inverse = operation.apply(tx)
        if log_rows is None:
            tx.flush()
        else:
            log_rows.extend(tx.log_rows())
        return OpResult(op_id, stamp, tx.changes, inverse)

    def _run_nested(self, session: Session, driver: sqlite3.Connection,
                    operation: Operation, log_rows: list[tuple[Any, ...]], *,
                    guarded: bool) -> OpResult | Exception:
        """One operation of a group: its result (its change log added to ``log_rows``),
        or why it changed nothing. An error of the environment (the disk) is raised: it
        ends the whole group.

        ``guarded``: in a savepoint, which undoes what it wrote when it fails. Unguarded,
        a failure after it wrote raises :class:`_HalfWrittenError`: the group must be written
        again, guarded. The savepoint is SQLite's own, on the driver: groupable operations
        write through Core statements and the driver only (checked), so the session has
        nothing of them to roll back; and SQLAlchemy's nested transactions cost more than
        a vote."""
        if guarded:
            driver.execute("SAVEPOINT operation")
        written = driver.total_changes
        mine: list[tuple[Any, ...]] = []
        try:
            result = self._run(session, operation, mine)
            if session.new or session.dirty or session.deleted:
                raise RuntimeError(f"{operation.name} is groupable but left ORM objects "
                                   "in the session")
        except Exception as exc:
            if classify(exc, self.path, self.backups) is not None:
                raise
            if guarded:
                driver.execute("ROLLBACK TO operation")
                driver.execute("RELEASE operation")
            elif driver.total_changes != written or not isinstance(exc, ValidationError):
                raise _HalfWrittenError(operation.name) from exc
            if isinstance(exc, ValidationError):
                return exc
            log.error("operation %s failed", operation.name, exc_info=exc)
            return exc
        if guarded:
            driver.execute("RELEASE operation")
        log_rows.extend(mine)
        return result

    def _write_error(self, exc: Exception, name: str) -> Exception:
        env = classify(exc, self.path, self.backups)
        if env is None:
            return exc
        log.warning("operation %s not saved: %s", name, env)
        return env

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
        self._checkpointer.close()
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


class Checkpointer:
    """Copies the write-ahead log into the database file on a thread of its own.

    SQLite would do it inside a commit now and then (every 1,000 pages of log), and the
    commit then waits for the disk twice. Here the writer never does; this thread does a
    passive checkpoint (it never waits for, nor blocks, the writer or the readers) about
    once a second while there are writes, so the log stays small. The last connection to
    close checkpoints what is left, as always.
    """

    INTERVAL = 1.0

    def __init__(self, path: Path) -> None:
        self.path = path
        self._wanted = threading.Event()
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._work, name="store-checkpoint",
                                        daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Writes were committed: a checkpoint is due within the interval."""
        self._wanted.set()

    def _work(self) -> None:
        connection: sqlite3.Connection | None = None
        try:
            while True:
                self._wanted.wait()
                if self._closing.is_set():
                    break
                self._wanted.clear()
                if connection is None:
                    connection = sqlite3.connect(self.path, timeout=5.0,
                                                 isolation_level=None,
                                                 check_same_thread=False)
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error as exc:  # busy or a disk error: the next one tries again
                    log.warning("checkpoint of %s failed: %s", self.path.name, exc)
                # At most one a second; close() ends the pause at once.
                self._closing.wait(self.INTERVAL)
        finally:
            if connection is not None:
                connection.close()

    def close(self) -> None:
        self._closing.set()
        self._wanted.set()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=10.0)


class StoreWriter:
    """Applies operations on one background thread, in the order they were submitted.

    SQLite takes one writer at a time; one thread keeps that orderly and keeps the disk away
    from the GUI thread. Results come back as futures. Groupable operations queued one
    behind the other (the votes of a burst of phones) are committed together, each in a
    transaction of its own (:meth:`Store.apply_group`); anything else runs alone, in its
    place in the queue.
    """

    # The most operations one commit takes: a round of a burst of 300 phones fits in one
    # (each phone sends its next vote after the answer to the last). Splitting a round
    # into commits of 128 made the last phones of each round wait for two commits more:
    # POST p99 of a burst 520-600 ms, one commit per round 370-540 ms. A group of 512
    # votes is about a quarter of a second of writing.
    MAX_GROUP = 512

    def __init__(self, store: Store) -> None:
        self.store = store
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._work, name="store-writer", daemon=True)
        self._thread.start()
        # Writes queued when the interpreter exits without close() are still written.
        atexit.register(_close_at_exit, weakref.ref(self))

    def submit(self, operation: Operation) -> Future[OpResult]:
        job = _Job(operation=operation)
        self._put(job)
        return job.future

    def call(self, function: Callable[[Store], T]) -> Future[T]:
        """Run other work that must not overlap writes (backups, bulk imports)."""
        job: _Job = _Job(function=function)
        self._put(job)
        return job.future

    def _put(self, job: _Job) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError("the store's writer is closed")
            self._queue.put(job)

    def close(self, wait: bool = True) -> None:
        """Stop taking work; what is queued is still written (``wait``: until it is)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._queue.put(None)
        if wait and threading.current_thread() is not self._thread:
            self._thread.join()

    # ----------------------------------------------------------------- the thread

    def _work(self) -> None:
        held: _Job | None = None
        while True:
            job = held if held is not None else self._queue.get()
            held = None
            if job is None:
                return
            if not job.future.set_running_or_notify_cancel():
                continue
            if job.operation is None or not job.operation.groupable:
                job.run(self.store)
                continue
            group, held = self._group_behind(job)
            if len(group) == 1:
                job.run(self.store)
                continue
            operations = [item.operation for item in group if item.operation is not None]
            for item, outcome in zip(group, self.store.apply_group(operations), strict=True):
                if isinstance(outcome, Exception):
                    item.future.set_exception(outcome)
                else:
                    item.future.set_result(outcome)

    def _group_behind(self, first: _Job) -> tuple[list[_Job], _Job | None]:
        """``first`` and the groupable operations queued right behind it; and the job
        after them that is not one for this commit (it runs next), if any. The end of the
        queue (close) is put back."""
        group = [first]
        while len(group) < self.MAX_GROUP:
            try:
                following = self._queue.get_nowait()
            except queue.Empty:
                break
            if following is None:
                self._queue.put(None)
                break
            if following.operation is None or not following.operation.groupable:
                return group, following
            if following.future.set_running_or_notify_cancel():
                group.append(following)
        return group, None


class _Job:
    """One piece of work for the writer: an operation, or a function of the store."""

    __slots__ = ("function", "future", "operation")

    def __init__(self, *, operation: Operation | None = None,
                 function: Callable[[Store], Any] | None = None) -> None:
        self.operation = operation
        self.function = function
        self.future: Future[Any] = Future()

    def run(self, store: Store) -> None:
        try:
            if self.operation is not None:
                result: Any = store.apply(self.operation)
            else:
                assert self.function is not None
                result = self.function(store)
        except BaseException as exc:  # handed to whoever waits, like an executor does
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _close_at_exit(writer: weakref.ref[StoreWriter]) -> None:
    alive = writer()
    if alive is not None:
        alive.close(wait=True)


__all__ = ["Store", "StoreError", "StoreWriter", "ValidationError"]
