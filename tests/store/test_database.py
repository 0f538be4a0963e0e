"""The Store: connections set up right, one device identity, ordered writes, safe reads."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select, text

from myk10_workshop.store.database import DEVICE_ID_KEY, Store, StoreWriter
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.hlc import COUNTER_BITS, physical_ms, wall_clock_ms
from myk10_workshop.store.operations import Create, Update
from myk10_workshop.store.schema import ChangeLogEntry, Meta, Project


def project_names(store: Store) -> list[str]:
    return store.read(lambda s: list(s.scalars(
        select(Project.name).where(Project.deleted.is_(False)).order_by(Project.name))))


def change_log_count(store: Store) -> int:
    return store.read(lambda s: s.scalar(select(func.count()).select_from(ChangeLogEntry)))


def test_write_connections_enforce_keys_and_use_wal(store: Store) -> None:
    with store._write_engine.connect() as connection:
        pragma = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                  for name in ("foreign_keys", "journal_mode", "synchronous", "query_only")}
    assert pragma == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 1,
                      "query_only": 0}


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
        select(ChangeLogEntry.value).where(ChangeLogEntry.field == "name")
        .order_by(ChangeLogEntry.seq))))
    assert logged == [f"{i:03d}" for i in range(40)]


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
    # name, description, starts_on, ends_on, as_of, deleted
    assert change_log_count(store) == 10 * 6
