"""Problems of the machine become plain StoreErrors and nothing saved before is lost."""

from __future__ import annotations

import errno
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select

from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store
from myk10_workshop.store.errors import ErrorKind, StoreError, ValidationError, classify
from myk10_workshop.store.operations import Create
from myk10_workshop.store.schema import ChangeLogEntry, Project

PATH = Path("/data/myk10/myk10-workshop.sqlite3")


def names(store: Store) -> list[str]:
    return store.read(lambda s: list(s.scalars(select(Project.name).order_by(Project.name))))


def log_count(store: Store) -> int:
    return store.read(lambda s: s.scalar(select(func.count()).select_from(ChangeLogEntry)))


def set_writer_pragma(store: Store, pragma: str) -> None:
    # The writer's pool holds one connection, so a pragma set on it stays for later writes.
    with store._write_engine.connect() as connection:
        connection.exec_driver_sql(f"PRAGMA {pragma}")


# --------------------------------------------------------------------------- disk full


def test_a_full_disk_refuses_the_change_and_keeps_everything_saved(store: Store) -> None:
    for name in ("Mobilität", "Bildung"):
        store.apply(Create("project", {"name": name, "description": "Text " * 100}))
    saved_log = log_count(store)
    with store._write_engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    set_writer_pragma(store, f"max_page_count={pages}")

    big = Create("project", {"name": "Zu groß", "description": "x" * 20_000})
    with pytest.raises(StoreError) as raised:
        store.apply(big)

    assert raised.value.kind is ErrorKind.DISK_FULL
    assert raised.value.message.render().startswith("The disk is full")
    assert "Everything saved before is safe" in str(raised.value)
    assert isinstance(raised.value.__cause__, sa_exc.OperationalError)
    assert names(store) == ["Bildung", "Mobilität"]
    assert log_count(store) == saved_log
    assert store.integrity_check() == "ok"

    # Space is freed: the same change now goes through.
    set_writer_pragma(store, "max_page_count=1073741823")
    store.apply(big)
    assert names(store) == ["Bildung", "Mobilität", "Zu groß"]


def test_disk_full_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = Store.open(path)
    try:
        store.apply(Create("project", {"name": "Vorher"}))
        with store._write_engine.connect() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        set_writer_pragma(store, f"max_page_count={pages}")
        with pytest.raises(StoreError):
            store.apply(Create("project", {"name": "Zu groß", "description": "x" * 20_000}))
    finally:
        store.close()
    again = Store.open(path)
    try:
        assert names(again) == ["Vorher"]
        assert again.integrity_check() == "ok"
    finally:
        again.close()


# --------------------------------------------------------------------------- locked


@pytest.fixture
def other_program(store: Store) -> Iterator[sqlite3.Connection]:
    """Another program on the store's file; the store waits only 0.1 s for its lock."""
    set_writer_pragma(store, "busy_timeout=100")
    connection = sqlite3.connect(store.path, isolation_level=None)
    yield connection
    connection.close()


def test_a_locked_database_refuses_the_change_and_loses_nothing(
    store: Store, other_program: sqlite3.Connection
) -> None:
    store.apply(Create("project", {"name": "Vorher"}))
    saved_log = log_count(store)
    other_program.execute("BEGIN EXCLUSIVE")

    with pytest.raises(StoreError) as raised:
        store.apply(Create("project", {"name": "Während"}))

    assert raised.value.kind is ErrorKind.LOCKED
    assert "busy in another program" in str(raised.value)
    # Reading still works while the other program holds the write lock (WAL).
    assert names(store) == ["Vorher"]

    other_program.execute("ROLLBACK")
    assert log_count(store) == saved_log
    store.apply(Create("project", {"name": "Danach"}))
    assert names(store) == ["Danach", "Vorher"]


def test_a_refused_operation_does_not_spoil_later_stamps(
    store: Store, other_program: sqlite3.Connection
) -> None:
    other_program.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreError):
        store.apply(Create("project", {"name": "Während"}))
    other_program.execute("ROLLBACK")
    first = store.apply(Create("project", {"name": "A"}))
    second = store.apply(Create("project", {"name": "B"}))
    assert first.stamp < second.stamp


# --------------------------------------------------------------------------- classify


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite3.OperationalError("database or disk is full"), ErrorKind.DISK_FULL),
        (sqlite3.OperationalError("attempt to write a readonly database"), ErrorKind.READ_ONLY),
        (sqlite3.OperationalError("unable to open database file"), ErrorKind.READ_ONLY),
        (sqlite3.OperationalError("database is locked"), ErrorKind.LOCKED),
        (sqlite3.OperationalError("database table is locked"), ErrorKind.LOCKED),
        (sqlite3.DatabaseError("file is not a database"), ErrorKind.CORRUPT),
        (sqlite3.DatabaseError("database disk image is malformed"), ErrorKind.CORRUPT),
        (sqlite3.OperationalError("disk I/O error"), ErrorKind.CANNOT_OPEN),
        (OSError(errno.ENOSPC, "No space left on device"), ErrorKind.DISK_FULL),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), ErrorKind.DISK_FULL),
        (OSError(errno.EROFS, "Read-only file system"), ErrorKind.READ_ONLY),
        (OSError(errno.EACCES, "Permission denied"), ErrorKind.READ_ONLY),
        (PermissionError(errno.EPERM, "Operation not permitted"), ErrorKind.READ_ONLY),
    ],
)
def test_classify_environment_errors(error: BaseException, kind: ErrorKind) -> None:
    found = classify(error, PATH)
    assert found is not None
    assert found.kind is kind


def test_classify_looks_through_sqlalchemy_wrappers() -> None:
    wrapped = sa_exc.OperationalError("INSERT ...", {}, sqlite3.OperationalError(
        "database or disk is full"))
    found = classify(wrapped, PATH)
    assert found is not None
    assert found.kind is ErrorKind.DISK_FULL


@pytest.mark.parametrize(
    "error",
    [
        ValueError("unknown field"),
        KeyError("name"),
        AttributeError("'NoneType' object has no attribute 'id'"),
        sqlite3.IntegrityError("UNIQUE constraint failed: vote.client_vote_id"),
        sqlite3.OperationalError("no such table: projekt"),
        sa_exc.IntegrityError("INSERT ...", {}, sqlite3.IntegrityError(
            "FOREIGN KEY constraint failed")),
        OSError(errno.ENOENT, "No such file or directory"),
        OSError("no errno"),
        ValidationError(Message("Validation", "Name must not be empty.")),
    ],
)
def test_classify_leaves_bugs_alone(error: BaseException) -> None:
    assert classify(error, PATH) is None


def test_classify_passes_a_store_error_through() -> None:
    error = StoreError(ErrorKind.LOCKED, path=str(PATH))
    assert classify(error, PATH) is error


def test_messages_name_the_file_or_its_folder() -> None:
    read_only = classify(OSError(errno.EROFS, "Read-only file system"), PATH)
    assert read_only is not None
    assert read_only.message.render().startswith(f"The data folder {PATH.parent} cannot be")

    corrupt = classify(sqlite3.DatabaseError("file is not a database"), PATH)
    assert corrupt is not None
    assert corrupt.message.render() == (
        f"The database {PATH} is damaged and cannot be read. It was left as it is; copies "
        f"made before changes are in the folder {PATH.parent / 'backups'}.")

    elsewhere = classify(sqlite3.DatabaseError("file is not a database"), PATH,
                         Path("/safe/backups"))
    assert elsewhere is not None
    assert "/safe/backups" in str(elsewhere)

    cannot = classify(sqlite3.OperationalError("disk I/O error"), PATH)
    assert cannot is not None
    assert str(cannot) == (
        f"The database {PATH} cannot be opened: disk I/O error. Nothing was changed.")


def test_store_error_message_is_translatable_and_rendered() -> None:
    error = StoreError(ErrorKind.NOT_OURS, path=str(PATH))
    assert error.message.context == "StoreError"
    assert error.message.params == {"path": str(PATH)}
    assert str(error) == f"{PATH} is not a MYK10 Workshop database. It was left untouched."
    translated = error.message.render(lambda context, source: "{path} ist keine Datenbank.")
    assert translated == f"{PATH} ist keine Datenbank."


def test_a_missing_folder_that_cannot_be_made_is_an_environment_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(StoreError) as raised:
        Store.open(blocker / "data" / f"{uuid.uuid4()}.sqlite3")
    assert raised.value.kind is ErrorKind.FOLDER
    assert str(raised.value) == (
        f"The data folder {blocker / 'data'} cannot be used: a file of that name is in the "
        "way, or the folder cannot be created there. Nothing was changed.")
    assert blocker.read_text() == "a file where the data folder should be"


def test_a_database_path_that_is_a_folder_is_refused_plainly(tmp_path: Path) -> None:
    folder = tmp_path / "myk10-workshop.sqlite3"
    folder.mkdir()
    with pytest.raises(StoreError) as raised:
        Store.open(folder)
    assert raised.value.kind is ErrorKind.NOT_OURS
    assert list(folder.iterdir()) == []
