"""Undo and redo through the writer stay in step with the database, failures included."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from myk10_workshop.projects.operations import create_project, delete, rename
from myk10_workshop.projects.queries import load_tree
from myk10_workshop.store.database import Store, StoreWriter
from myk10_workshop.store.errors import StoreError, ValidationError
from myk10_workshop.store.operations import Restore
from myk10_workshop.store.undo import UndoEntry, submit_step


@pytest.fixture
def writer(store: Store) -> Iterator[StoreWriter]:
    running = StoreWriter(store)
    yield running
    running.close()


def _names(store: Store) -> list[str]:
    return [project.name for project in store.read(load_tree)]


def _step(writer: StoreWriter, entry: UndoEntry, forward: bool) -> BaseException | None:
    step = entry.forward() if forward else entry.backward()
    return submit_step(writer.submit, entry, step).exception(timeout=10)


def test_undo_and_redo_queued_without_waiting(store: Store, writer: StoreWriter) -> None:
    project = create_project("Alt")
    store.apply(project)
    entry = UndoEntry(rename("project", project.id, "Neu"))
    # Queue do, undo, redo, undo at once, as fast key presses would.
    futures = [submit_step(writer.submit, entry, step) for step in (
        entry.forward(), entry.backward(), entry.forward(), entry.backward())]
    for future in futures:
        assert future.exception(timeout=10) is None
    assert _names(store) == ["Alt"]
    assert not entry.applied
    assert _step(writer, entry, forward=True) is None
    assert _names(store) == ["Neu"]
    assert entry.applied


def test_redo_retries_a_change_that_was_not_saved(store: Store, writer: StoreWriter) -> None:
    project = create_project("Alt")
    store.apply(project)
    removed = store.apply(delete("project", project.id))
    entry = UndoEntry(rename("project", project.id, "Neu"))
    assert isinstance(_step(writer, entry, forward=True), ValidationError)
    assert not entry.applied
    # Undo of a change that never got saved does nothing.
    assert _step(writer, entry, forward=False) is None
    store.apply(removed.inverse)
    # Redo tries the change again, now that it can succeed.
    assert _step(writer, entry, forward=True) is None
    assert _names(store) == ["Neu"]
    assert _step(writer, entry, forward=False) is None
    assert _names(store) == ["Alt"]


def test_a_failed_undo_keeps_the_change_undoable(store: Store, writer: StoreWriter) -> None:
    project = create_project("Alt")
    store.apply(project)
    entry = UndoEntry(rename("project", project.id, "Neu"))
    assert _step(writer, entry, forward=True) is None
    removed = store.apply(delete("project", project.id))
    assert isinstance(_step(writer, entry, forward=False), ValidationError)
    assert entry.applied
    # Redo of a change that is still there does nothing ...
    assert _step(writer, entry, forward=True) is None
    store.apply(Restore(removed.inverse.items))  # type: ignore[attr-defined]
    assert _names(store) == ["Neu"]
    # ... and the undo works once it can.
    assert _step(writer, entry, forward=False) is None
    assert _names(store) == ["Alt"]
    assert _step(writer, entry, forward=True) is None
    assert _names(store) == ["Neu"]


def test_a_full_disk_during_redo_loses_nothing_and_redo_works_later(
        store: Store, writer: StoreWriter) -> None:
    project = create_project("Alt")
    store.apply(project)
    long_text = "Beschreibung " * 1500  # valid, but needs new pages in the file
    entry = UndoEntry(rename("project", project.id, "Neu"))
    assert _step(writer, entry, forward=True) is None
    assert _step(writer, entry, forward=False) is None
    with store._write_engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        connection.exec_driver_sql(f"PRAGMA max_page_count={pages}")
    big = UndoEntry(create_project("Groß", description=long_text))
    error = _step(writer, big, forward=True)
    assert isinstance(error, StoreError)
    assert not big.applied
    with store._write_engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA max_page_count=1073741823")
    assert _step(writer, big, forward=True) is None
    assert sorted(_names(store)) == ["Alt", "Groß"]
    assert _step(writer, entry, forward=True) is None
    assert sorted(_names(store)) == ["Groß", "Neu"]
