"""The Store: connections set up right, one device identity, ordered writes, safe reads."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select, text

from myk10_workshop.i18n import QT_TRANSLATE_NOOP
from myk10_workshop.store.database import DEVICE_ID_KEY, Store, StoreWriter
from myk10_workshop.store.errors import ErrorKind, StoreError, ValidationError
from myk10_workshop.store.hlc import COUNTER_BITS, physical_ms, wall_clock_ms
from myk10_workshop.store.operations import CREATED, Create, Operation, OpResult, Tx, Update
from myk10_workshop.store.schema import ChangeLogEntry, Meta, Project


def project_names(store: Store) -> list[str]:
    return store.read(lambda s: list(s.scalars(
        select(Project.name).where(Project.deleted.is_(False)).order_by(Project.name))))


def change_log_count(store: Store) -> int:
    return store.read(lambda s: s.scalar(select(func.count()).select_from(ChangeLogEntry)))


def test_write_connections_enforce_keys_and_use_wal(store: Store) -> None:
    with store._write_engine.connect() as connection:
        pragma = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                  for name in ("foreign_keys", "journal_mode", "synchronous", "query_only",
                               "wal_autocheckpoint")}
    # The writer never checkpoints itself (the checkpointer does, beside it).
    assert pragma == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 1,
                      "query_only": 0, "wal_autocheckpoint": 0}


def test_the_checkpointer_copies_commits_into_the_database_file(store: Store,
                                                                tmp_path: Path) -> None:
    """What is committed reaches the database file itself within a few seconds, though
    the writer never checkpoints: the file alone (without its log) then holds it."""
    store.apply(Create("project", {"name": "Im Log"}))
    deadline = time.monotonic() + 10.0
    names: list[str] = []
    while time.monotonic() < deadline:
        alone = tmp_path / "alone.sqlite3"
        alone.write_bytes(store.path.read_bytes())  # no -wal file beside the copy
        with contextlib.closing(sqlite3.connect(alone)) as copy:
            names = [row[0] for row in copy.execute("SELECT name FROM project")]
        if names == ["Im Log"]:
            break
        time.sleep(0.1)
    assert names == ["Im Log"]


def test_read_connections_are_query_only_with_keys_on(store: Store) -> None:
    with store._read_engine.connect() as connection:
        pragma = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                  for name in ("foreign_keys", "journal_mode", "query_only")}
    assert pragma == {"foreign_keys": 1, "journal_mode": "wal", "query_only": 1}


def test_a_write_through_a_read_session_fails_and_writes_nothing(store: Store) -> None:
    # A bug in the caller, not a read-only folder: it must not be reported as one.
    with pytest.raises(sa_exc.DBAPIError):
        store.read(lambda s: s.execute(
            text("INSERT INTO meta (key, value) VALUES ('sneaked', 'in')")))
    assert store.read(lambda s: s.get(Meta, "sneaked")) is None


def test_reads_see_committed_writes(store: Store) -> None:
    assert project_names(store) == []
    created = Create("project", {"name": "Smarte Region MYK10"})
    store.apply(created)
    assert project_names(store) == ["Smarte Region MYK10"]
    store.apply(Update("project", created.id, {"name": "Smarte Region"}))
    assert store.read(lambda session: session.get(Project, created.id).name) == "Smarte Region"


def test_the_device_id_is_stable_across_reopening(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    first = Store.open(path)
    try:
        device_id = first.device_id
        result = first.apply(Create("project", {"name": "P"}))
    finally:
        first.close()
    again = Store.open(path)
    try:
        assert again.device_id == device_id
        stored = again.read(lambda s: s.get(Meta, DEVICE_ID_KEY))
        assert uuid.UUID(stored.value) == device_id
        devices = again.read(lambda s: set(s.scalars(
            select(ChangeLogEntry.device_id).where(ChangeLogEntry.op_id == result.op_id))))
        assert devices == {device_id}
    finally:
        again.close()
    other = Store.open(tmp_path / "other.sqlite3")
    try:
        assert other.device_id != device_id
    finally:
        other.close()


def test_stamps_of_successive_operations_strictly_increase(store: Store) -> None:
    results = [store.apply(Create("project", {"name": f"P{i}"})) for i in range(50)]
    stamps = [result.stamp for result in results]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    assert abs(physical_ms(stamps[0]) - wall_clock_ms()) < 60_000
    # Each operation's log entries carry its own stamp.
    logged = store.read(lambda s: {(op_id, hlc) for op_id, hlc in s.execute(
        select(ChangeLogEntry.op_id, ChangeLogEntry.hlc))})
    assert logged == {(result.op_id, result.stamp) for result in results}


def test_stamps_stay_above_the_stored_ones_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = Store.open(path)
    try:
        store.apply(Create("project", {"name": "Before"}))
    finally:
        store.close()
    # The last session ran while the laptop's clock was an hour ahead.
    future = (wall_clock_ms() + 3_600_000) << COUNTER_BITS
    connection = sqlite3.connect(path)
    connection.execute("UPDATE change_log SET hlc = ?", (future,))
    connection.commit()
    connection.close()

    store = Store.open(path)
    try:
        assert store.clock.last == future
        results = [store.apply(Create("project", {"name": f"After {i}"})) for i in range(3)]
    finally:
        store.close()
    assert [r.stamp for r in results] == [future + 1, future + 2, future + 3]


def test_integrity_check_of_a_sound_file(store: Store) -> None:
    store.apply(Create("project", {"name": "P"}))
    assert store.integrity_check() == "ok"


def test_writer_applies_operations_in_submission_order(store: Store) -> None:
    writer = StoreWriter(store)
    try:
        operations = [Create("project", {"name": f"{i:03d}"}) for i in range(40)]
        futures = [writer.submit(operation) for operation in operations]
        results = [future.result(timeout=30) for future in futures]
    finally:
        writer.close()
    assert [r.changes.created["project"] for r in results] == [
        frozenset({op.id}) for op in operations]
    stamps = [r.stamp for r in results]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    # The change log holds the names in the order they were submitted.
    logged = store.read(lambda s: list(s.scalars(
        select(ChangeLogEntry.value).where(ChangeLogEntry.field == CREATED)
        .order_by(ChangeLogEntry.seq))))
    assert [entry["name"] for entry in logged] == [f"{i:03d}" for i in range(40)]


def test_writer_reports_a_refusal_and_goes_on(store: Store) -> None:
    writer = StoreWriter(store)
    try:
        refused = writer.submit(Create("project", {"name": "   "}))
        accepted = writer.submit(Create("project", {"name": "Danach"}))
        threads = writer.call(lambda s: threading.current_thread().name)
        with pytest.raises(ValidationError):
            refused.result(timeout=30)
        assert accepted.result(timeout=30).changes.created.keys() == {"project"}
        assert threads.result(timeout=30).startswith("store-writer")
    finally:
        writer.close()
    assert project_names(store) == ["Danach"]


def test_writer_call_runs_after_the_writes_submitted_before(store: Store) -> None:
    writer = StoreWriter(store)
    try:
        for i in range(10):
            writer.submit(Create("project", {"name": f"P{i}"}))
        seen = writer.call(lambda s: len(project_names(s)))
        assert seen.result(timeout=30) == 10
    finally:
        writer.close()
    # One entry per new project (all its fields)
    assert change_log_count(store) == 10


# --------------------------------------------------------------------------- group commit


@dataclass(frozen=True)
class _GroupedCreate(Create):
    """A Create the writer may commit with its neighbours (as it does votes)."""

    groupable: ClassVar[bool] = True


@dataclass(frozen=True)
class _Broken(Create):
    groupable: ClassVar[bool] = True

    def apply(self, tx: Tx) -> Operation:
        super().apply(tx)
        raise RuntimeError("a bug half way")


def test_a_group_saves_each_operation_but_the_refused_and_the_broken(store: Store) -> None:
    operations: list[Operation] = [
        _GroupedCreate("project", {"name": "Eins"}),
        _GroupedCreate("project", {"name": "   "}),  # refused: no name
        _Broken("project", {"name": "Kaputt"}),
        _GroupedCreate("project", {"name": "Zwei"}),
    ]
    outcomes = store.apply_group(operations)
    assert isinstance(outcomes[0], OpResult) and isinstance(outcomes[3], OpResult)
    assert isinstance(outcomes[1], ValidationError)
    assert isinstance(outcomes[2], RuntimeError)
    assert project_names(store) == ["Eins", "Zwei"]
    # The broken one left nothing, not even in the change log.
    logged = store.read(lambda s: set(s.scalars(select(ChangeLogEntry.op_id))))
    assert logged == {outcomes[0].op_id, outcomes[3].op_id}


@dataclass(frozen=True)
class _RefusedAfterWriting(Create):
    """Refuses only after it wrote its row (votes refuse before they write)."""

    groupable: ClassVar[bool] = True

    def apply(self, tx: Tx) -> Operation:
        super().apply(tx)
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Too late."))


def test_an_operation_refused_after_it_wrote_is_undone_alone(store: Store) -> None:
    operations: list[Operation] = [
        _GroupedCreate("project", {"name": "Eins"}),
        _RefusedAfterWriting("project", {"name": "Halb"}),
        _GroupedCreate("project", {"name": "Zwei"}),
    ]
    outcomes = store.apply_group(operations)
    assert isinstance(outcomes[0], OpResult) and isinstance(outcomes[2], OpResult)
    assert isinstance(outcomes[1], ValidationError)
    assert project_names(store) == ["Eins", "Zwei"]
    logged = store.read(lambda s: set(s.scalars(select(ChangeLogEntry.op_id))))
    assert logged == {outcomes[0].op_id, outcomes[2].op_id}


@dataclass(frozen=True)
class _Traced(Create):
    """A grouped Create that has the SQLite connection report what it runs from then on."""

    groupable: ClassVar[bool] = True
    statements: list[str] = field(default_factory=list, compare=False)

    def apply(self, tx: Tx) -> Operation:
        tx.driver.set_trace_callback(self.statements.append)
        return super().apply(tx)


def test_a_group_of_fine_and_refused_operations_makes_no_savepoints(store: Store) -> None:
    """Each statement gives the interpreter lock away in a burst of votes: a group where
    nothing fails half way needs no savepoints, and writes its change log at once."""
    traced = _Traced("project", {"name": "Eins"})
    outcomes = store.apply_group([
        traced, _GroupedCreate("project", {"name": "   "}),
        *(_GroupedCreate("project", {"name": f"P{n}"}) for n in range(5))])
    assert isinstance(outcomes[1], ValidationError)
    assert sum(isinstance(outcome, OpResult) for outcome in outcomes) == 6
    statements = [sql.split()[0].upper() for sql in traced.statements]
    assert "SAVEPOINT" not in statements and "ROLLBACK" not in statements
    log_inserts = [sql for sql in traced.statements if "change_log" in sql]
    assert len(log_inserts) == 1, log_inserts
    assert change_log_count(store) == 6


def test_a_group_whose_commit_fails_saves_nothing_and_says_so_to_each(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Store._run_nested

    def full_disk_at_the_third(self: Store, session: Any, driver: Any,
                               operation: Operation, *args: Any, **kwargs: Any) -> Any:
        if operation.values["name"] == "Drei":  # type: ignore[attr-defined]
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, session, driver, operation, *args, **kwargs)

    monkeypatch.setattr(Store, "_run_nested", full_disk_at_the_third)
    names = ["Eins", "   ", "Drei", "Vier"]
    outcomes = store.apply_group([_GroupedCreate("project", {"name": n}) for n in names])
    assert isinstance(outcomes[1], ValidationError)  # refused before, still refused
    for index in (0, 2, 3):
        assert isinstance(outcomes[index], StoreError)
        assert outcomes[index].kind == ErrorKind.DISK_FULL  # type: ignore[union-attr]
    assert project_names(store) == []
    assert change_log_count(store) == 0


def test_the_writer_commits_groupable_operations_queued_together(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    real = Store.apply_group

    def spy(self: Store, operations: Any) -> Any:
        sizes.append(len(operations))
        return real(self, operations)

    monkeypatch.setattr(Store, "apply_group", spy)
    writer = StoreWriter(store)
    hold = threading.Event()
    try:
        writer.call(lambda _store: hold.wait(10))  # the writer is busy: the queue fills
        first = [writer.submit(_GroupedCreate("project", {"name": f"A{i}"})) for i in range(5)]
        alone = writer.submit(Create("project", {"name": "B"}))
        last = [writer.submit(_GroupedCreate("project", {"name": f"C{i}"})) for i in range(3)]
        hold.set()
        for future in (*first, alone, *last):
            future.result(timeout=30)
    finally:
        writer.close()
    # Two groups, the lone operation between them in its place.
    assert sizes == [5, 3]
    assert project_names(store) == sorted(
        [*(f"A{i}" for i in range(5)), "B", *(f"C{i}" for i in range(3))])
    stamps = [f.result().stamp for f in (*first, alone, *last)]
    assert stamps == sorted(stamps)


def test_the_writer_writes_what_was_queued_before_it_was_closed(store: Store) -> None:
    writer = StoreWriter(store)
    futures = [writer.submit(_GroupedCreate("project", {"name": f"P{i}"})) for i in range(20)]
    writer.close(wait=True)
    assert all(future.done() and future.exception() is None for future in futures)
    assert len(project_names(store)) == 20
    with pytest.raises(RuntimeError):
        writer.submit(Create("project", {"name": "Zu spät"}))
