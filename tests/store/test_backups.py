"""Rolling backups and restoring one, on real database files."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from myk10_workshop.projects.operations import create_project, rename
from myk10_workshop.projects.queries import load_tree
from myk10_workshop.store import backup as backups
from myk10_workshop.store.database import Store
from myk10_workshop.store.errors import ErrorKind, StoreError


def _names(store: Store) -> list[str]:
    return sorted(project.name for project in store.read(load_tree))


def _digest(path: Path) -> str:
    """The database's content (its write-ahead log included), as SQL: the file itself
    changes whenever the log is copied into it, with the same content."""
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro",
                                            uri=True)) as connection:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()


def test_each_kind_keeps_only_its_newest_copies(store: Store) -> None:
    store.apply(create_project("Smarte Region MYK10"))
    keep = {backups.DAILY: 2, backups.MANUAL: 3}
    for _ in range(4):
        backups.backup_database(store.path, store.backups, backups.DAILY, keep)
    for _ in range(5):
        backups.backup_database(store.path, store.backups, backups.MANUAL, keep)
    listed = store.list_backups()
    assert [b.kind for b in listed].count(backups.DAILY) == 2
    assert [b.kind for b in listed].count(backups.MANUAL) == 3
    assert listed == sorted(listed, key=lambda b: b.taken_at, reverse=True)
    for item in listed:
        with sqlite3.connect(f"{item.path.as_uri()}?mode=ro", uri=True) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert copy.execute("SELECT name FROM project").fetchall() == [
                ("Smarte Region MYK10",)]
        copy.close()
    # Files that are not backups of this database are never touched.
    stranger = store.backups / "notes.txt"
    stranger.write_text("keep me")
    backups.prune_backups(store.backups, store.path.stem, {backups.MANUAL: 0})
    assert stranger.read_text() == "keep me"
    assert [b.kind for b in store.list_backups()] == [backups.DAILY] * 2


def test_one_daily_backup_per_day(store: Store) -> None:
    first = store.daily_backup()
    assert first is not None and first.name.endswith("-daily.sqlite3")
    assert store.daily_backup() is None
    assert backups.daily_backup_due(store.backups, store.path.stem,
                                    dt.date.today() + dt.timedelta(days=1))


def test_restore_brings_back_the_state_and_keeps_the_one_before(store: Store) -> None:
    project = create_project("Smarte Region MYK10")
    store.apply(project)
    saved = store.backup()
    store.apply(rename("project", project.id, "Umbenannt"))
    store.apply(create_project("Zusätzlich"))
    stamp_before = store.clock.last

    before = store.restore(saved)
    assert _names(store) == ["Smarte Region MYK10"]
    assert before.name.endswith("-before-restore.sqlite3")
    assert store.integrity_check() == "ok"
    assert store.read(lambda s: s.connection().exec_driver_sql(
        "PRAGMA journal_mode").scalar()) == "wal"
    # The store keeps working, with stamps that keep rising.
    store.apply(create_project("Danach"))
    assert store.clock.last > stamp_before
    assert _names(store) == ["Danach", "Smarte Region MYK10"]
    # The state before the restore can itself be restored.
    store.restore(before)
    assert _names(store) == ["Umbenannt", "Zusätzlich"]
    reopened = Store.open(store.path)
    try:
        assert _names(reopened) == ["Umbenannt", "Zusätzlich"]
        assert reopened.device_id == store.device_id
    finally:
        reopened.close()


@pytest.mark.parametrize("damage", ["random", "foreign", "newer"])
def test_a_bad_backup_is_refused_and_nothing_changes(store: Store, tmp_path: Path,
                                                     damage: str) -> None:
    store.apply(create_project("Smarte Region MYK10"))
    bad = tmp_path / f"bad-{damage}.sqlite3"
    if damage == "random":
        bad.write_bytes(b"\x00garbage" * 1000)
    else:
        with sqlite3.connect(bad) as other:
            if damage == "foreign":
                other.execute("CREATE TABLE notes (text TEXT)")
            else:
                other.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
                other.execute("INSERT INTO alembic_version VALUES ('9999')")
        other.close()
    before = _digest(store.path)
    with pytest.raises(StoreError) as refused:
        store.restore(bad)
    assert refused.value.kind in {
        "random": {ErrorKind.CORRUPT}, "foreign": {ErrorKind.NOT_OURS},
        "newer": {ErrorKind.NEWER_VERSION}}[damage]
    assert _digest(store.path) == before
    assert _names(store) == ["Smarte Region MYK10"]
    assert not [b for b in store.list_backups() if b.kind == backups.BEFORE_RESTORE]
