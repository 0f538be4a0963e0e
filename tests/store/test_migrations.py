"""Opening a database file: create it, migrate it with a backup first, or refuse it untouched."""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, select

from myk10_workshop.demo import demo_operation
from myk10_workshop.store import migrate
from myk10_workshop.store.backup import backup_database
from myk10_workshop.store.database import Store
from myk10_workshop.store.errors import ErrorKind, StoreError
from myk10_workshop.store.migrate import (
    Preparation,
    alembic_config,
    prepare_database,
    read_revision,
)
from myk10_workshop.store.operations import Create, Delete
from myk10_workshop.store.schema import SCHEMA_REVISION, Base, Project


def fingerprint(path: Path) -> tuple[str, int, int]:
    """What must not change when a file is refused: its bytes, size and modification time."""
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_size, stat.st_mtime_ns


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def sql(path: Path, statement: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(statement).fetchall()
        connection.commit()
        return rows
    finally:
        connection.close()


def make_database(path: Path, *names: str) -> None:
    """A database of the current schema holding one project per name, closed again."""
    store = Store.open(path)
    try:
        for name in names:
            store.apply(Create("project", {"name": name}))
    finally:
        store.close()


def downgrade(path: Path, revision: str) -> None:
    """Take a closed database down to an older revision, as an older app left it."""
    from alembic import command

    engine = migrate.migration_engine(path)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but Alembic's, in a stable order."""
    connection = sqlite3.connect(path)
    try:
        tables = sorted(name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'"))
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(),
                              key=repr) for table in tables}
    finally:
        connection.close()


def project_names(path: Path) -> list[str]:
    return [name for (name,) in sql(path, "SELECT name FROM project ORDER BY name")]


# --------------------------------------------------------------------------- the schema


def test_a_new_file_is_created_at_the_current_revision_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "data" / "new.sqlite3"
    preparation = prepare_database(path, tmp_path / "backups")

    assert preparation == Preparation(created=True, migrated_from=None, backup=None)
    assert read_revision(path) == SCHEMA_REVISION
    assert sql(path, "PRAGMA journal_mode") == [("wal",)]
    assert not (tmp_path / "backups").exists()  # nothing to back up


def test_schema_revision_is_the_head_of_the_migrations() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [SCHEMA_REVISION]


def test_the_migrations_produce_exactly_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "migrated.sqlite3"
    prepare_database(path, tmp_path / "backups")
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def _describe(path: Path) -> dict[str, object]:
    """Columns, defaults, keys, indexes and checks of every table, order-independent."""
    connection = sqlite3.connect(path)
    try:
        tables = sorted(name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'"))
        described: dict[str, object] = {}
        for table in tables:
            ddl = connection.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            indexes = {
                (name, unique, tuple(column for _, _, column in connection.execute(
                    f"PRAGMA index_info('{name}')")))
                for _, name, unique, _, _ in connection.execute(f"PRAGMA index_list('{table}')")
            }
            described[table] = {
                "columns": connection.execute(f"PRAGMA table_xinfo('{table}')").fetchall(),
                "foreign_keys": sorted(
                    row[2:5] for row in connection.execute(f"PRAGMA foreign_key_list('{table}')")),
                "indexes": indexes,
                "checks": sorted(re.findall(r"CHECK \((.*?)\)", ddl)),
            }
        return described
    finally:
        connection.close()


def test_the_migrations_produce_the_same_tables_as_create_all(tmp_path: Path) -> None:
    # compare_metadata skips CHECK constraints and server defaults; compare those too.
    migrated = tmp_path / "migrated.sqlite3"
    prepare_database(migrated, tmp_path / "backups")
    created = tmp_path / "created.sqlite3"
    engine = create_engine(f"sqlite:///{created}")
    try:
        Base.metadata.create_all(engine)
    finally:
        engine.dispose()
    assert _describe(migrated) == _describe(created)


# --------------------------------------------------------------------------- opening again


def test_opening_a_current_file_takes_the_fast_path(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    make_database(path, "Smarte Region")

    preparation = prepare_database(path, tmp_path / "backups")

    assert preparation == Preparation(created=False, migrated_from=None, backup=None)
    assert not (tmp_path / "backups").exists()
    assert project_names(path) == ["Smarte Region"]


def test_a_normal_start_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    make_database(path, "Smarte Region")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from myk10_workshop.store.database import Store\n"
        f"store = Store.open(Path({str(path)!r}))\n"
        "print(store.preparation.created, 'alembic' in sys.modules)\n"
        "store.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.split() == ["False", "False"]


def test_an_empty_file_is_treated_as_new(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    preparation = prepare_database(path, tmp_path / "backups")
    assert preparation.created is True
    assert preparation.backup is None
    assert read_revision(path) == SCHEMA_REVISION


def test_a_database_at_the_base_revision_is_upgraded(tmp_path: Path) -> None:
    # What Alembic leaves when it has stamped a file but no revision has run yet.
    path = tmp_path / "base.sqlite3"
    sql(path, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")

    preparation = prepare_database(path, tmp_path / "backups")

    assert preparation == Preparation(created=False, migrated_from=None, backup=None)
    assert read_revision(path) == SCHEMA_REVISION
    store = Store.open(path)
    try:
        store.apply(Create("project", {"name": "Neu"}))
    finally:
        store.close()
    assert project_names(path) == ["Neu"]


def test_an_older_revision_is_backed_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    make_database(path, "Kreistag", "Zukunftsdialog")
    downgrade(path, "0001")
    backups = tmp_path / "backups"

    preparation = prepare_database(path, backups)

    assert preparation.created is False
    assert preparation.migrated_from == "0001"
    assert preparation.backup is not None
    assert preparation.backup.parent == backups
    assert preparation.backup.name.endswith("-before-migration.sqlite3")
    assert sorted(p.name for p in backups.iterdir()) == [preparation.backup.name]
    assert sql(preparation.backup, "PRAGMA integrity_check") == [("ok",)]
    assert read_revision(preparation.backup) == "0001"
    assert project_names(preparation.backup) == ["Kreistag", "Zukunftsdialog"]
    assert read_revision(path) == SCHEMA_REVISION
    assert project_names(path) == ["Kreistag", "Zukunftsdialog"]


def test_backup_copies_every_committed_row_into_a_file_that_opens(store: Store) -> None:
    for name in ("Mobilität", "Bildung", "Verwaltung"):
        store.apply(Create("project", {"name": name}))
    # The store is still open, so the rows may sit in the -wal file only.
    backups = store.path.parent / "backups"

    copy = backup_database(store.path, backups, "manual copy/with odd:chars")

    assert copy.exists()
    assert copy.parent == backups
    assert re.fullmatch(r"myk10-workshop-\d{8}-\d{6}-\d{6}-manual-copy-with-odd-chars\.sqlite3",
                        copy.name)
    assert [p.name for p in backups.iterdir()] == [copy.name]  # no partial file left
    assert sql(copy, "PRAGMA integrity_check") == [("ok",)]
    # A standalone file: it does not need a -wal next to it.
    assert sql(copy, "PRAGMA journal_mode") == [("delete",)]
    assert project_names(copy) == ["Bildung", "Mobilität", "Verwaltung"]
    for table in ("project", "change_log", "meta"):
        assert sql(copy, f"SELECT * FROM {table} ORDER BY 1") == \
            sql(store.path, f"SELECT * FROM {table} ORDER BY 1")
    assert read_revision(copy) == SCHEMA_REVISION


# --------------------------------------------------------------------------- refusals


def test_a_database_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    make_database(path, "Smarte Region")
    sql(path, "UPDATE alembic_version SET version_num = '9999'")
    before = fingerprint(path)

    with pytest.raises(StoreError) as raised:
        Store.open(path)

    assert raised.value.kind is ErrorKind.NEWER_VERSION
    text = raised.value.message.render()
    assert str(path) in text
    assert "9999" in text
    assert SCHEMA_REVISION in text
    assert fingerprint(path) == before
    assert not (tmp_path / "backups").exists()  # not migrated, so no backup either
    assert sql(path, "SELECT version_num FROM alembic_version") == [("9999",)]


def test_refusing_a_newer_database_leaves_no_wal_or_shm_file(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    make_database(path, "Smarte Region")
    sql(path, "UPDATE alembic_version SET version_num = '9999'")
    assert side_files(path) == []

    with pytest.raises(StoreError):
        prepare_database(path, tmp_path / "backups")

    # "Left untouched" includes not leaving SQLite's side files next to the user's file.
    assert side_files(path) == []


def test_a_sqlite_file_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "addresses.sqlite3"
    sql(path, "CREATE TABLE person (name TEXT)")
    sql(path, "INSERT INTO person VALUES ('Ada')")
    before = fingerprint(path)

    with pytest.raises(StoreError) as raised:
        Store.open(path)

    assert raised.value.kind is ErrorKind.NOT_OURS
    assert str(path) in raised.value.message.render()
    assert fingerprint(path) == before
    assert side_files(path) == []
    assert sql(path, "SELECT name FROM person") == [("Ada",)]


def test_a_file_of_random_bytes_is_refused_as_corrupt_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    data = random.Random(42).randbytes(16_384)
    assert not data.startswith(b"SQLite format 3\x00")
    path.write_bytes(data)
    before = fingerprint(path)

    with pytest.raises(StoreError) as raised:
        Store.open(path)

    assert raised.value.kind is ErrorKind.CORRUPT
    assert str(path) in raised.value.message.render()
    assert str(path) in str(raised.value)
    assert fingerprint(path) == before
    assert side_files(path) == []


def test_read_revision_of_an_empty_database_is_none(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite3"
    sql(path, "PRAGMA user_version = 1")  # a valid SQLite file without tables
    assert path.stat().st_size > 0
    assert read_revision(path) is None



def test_every_revision_goes_down_and_up_again(tmp_path: Path) -> None:
    """The ladder works both ways: down to an empty file and back to the current schema."""
    from alembic import command

    path = tmp_path / "ladder.sqlite3"
    migrate.upgrade(path)
    engine = migrate.migration_engine(path)
    try:
        with engine.begin() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        with sqlite3.connect(path) as plain:
            tables = {name for (name,) in plain.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        plain.close()
        assert tables <= {"alembic_version"}
    finally:
        engine.dispose()
    migrate.upgrade(path)
    assert migrate.read_revision(path) == SCHEMA_REVISION
    store = Store.open(path)
    try:
        store.apply(Create("project", {"name": "Nach dem Umbau"}))
        assert store.integrity_check() == "ok"
    finally:
        store.close()


def test_every_revision_upgrades_the_one_before_keeping_every_row(tmp_path: Path) -> None:
    """A full database of each older revision (the demo project, a deletion, the change log)
    is upgraded to the next one with every row of every table it had unchanged."""
    script = ScriptDirectory.from_config(alembic_config())
    ladder = [revision.revision for revision in reversed(list(script.walk_revisions()))]
    assert ladder[0] == "0001"
    assert ladder[-1] == SCHEMA_REVISION
    for older, newer in itertools.pairwise(ladder):
        path = tmp_path / f"from-{older}.sqlite3"
        store = Store.open(path)
        try:
            store.apply(demo_operation())
            gone = Create("project", {"name": "Weg damit"})
            store.apply(gone)
            store.apply(Delete("project", gone.id))
        finally:
            store.close()
        downgrade(path, older)
        before = table_rows(path)
        assert sum(len(rows) for rows in before.values()) > 500

        migrate.upgrade(path, newer)

        after = table_rows(path)
        assert read_revision(path) == newer
        for table, rows in before.items():
            # Columns a revision adds come last and are empty in old rows (or hold their
            # server default: agenda_item.extra_min is 0).
            width = len(rows[0]) if rows else 0
            assert [row[:width] for row in after[table]] == rows, table
            assert all(value is None or (value == 0 and not isinstance(value, bool))
                       for row in after[table] for value in row[width:]), table
        assert sql(path, "PRAGMA foreign_key_check") == []


def test_a_0001_database_opens_with_an_empty_timeline_and_takes_timeline_data(
        tmp_path: Path) -> None:
    from myk10_workshop.timeline import operations as timeline
    from myk10_workshop.timeline.queries import load_agenda, load_timeline

    path = tmp_path / "old.sqlite3"
    store = Store.open(path)
    try:
        store.apply(demo_operation())
        project_id = store.read(lambda s: s.scalars(select(Project.id)).one())
        planned = store.read(lambda s: load_timeline(s, project_id))
        agenda = store.read(lambda s: load_agenda(s, project_id))
    finally:
        store.close()
    assert planned is not None
    downgrade(path, "0001")
    assert read_revision(path) == "0001"

    store = Store.open(path)
    try:
        assert store.preparation.migrated_from == "0001"
        assert store.preparation.backup is not None
        assert store.integrity_check() == "ok"
        timeline_now = store.read(lambda s: load_timeline(s, project_id))
        assert timeline_now == planned
        assert store.read(lambda s: load_agenda(s, project_id)) == agenda
        assert timeline_now is not None
        assert timeline_now.project.as_of is None
        assert timeline_now.dependencies == ()
        assert timeline_now.baseline is None
        first, second = timeline_now.milestones[:2]
        store.apply(timeline.add_dependency(project_id, first.ref, second.ref))
        store.apply(timeline.take_baseline(project_id, "Auftakt"))
        store.apply(timeline.set_as_of(project_id, first.due_on))
        after = store.read(lambda s: load_timeline(s, project_id))
        assert after is not None
        assert [d.link for d in after.dependencies] == [(first.ref, second.ref)]
        assert after.baseline is not None
        assert after.project.as_of == first.due_on
    finally:
        store.close()
