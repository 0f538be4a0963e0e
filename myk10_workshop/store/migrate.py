"""Opening a database file safely: create it, or migrate it up the ladder, or refuse it.

A normal start reads the schema revision with a read-only ``sqlite3`` connection and, when it
is current, never imports Alembic (about a tenth of a second saved). Any other revision
goes the slow way: a verified backup copy first, then the Alembic migrations in one
transaction, with foreign keys checked before commit. A revision this code does not know
(a newer app wrote the file) or a file that is not ours is refused and left untouched.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from myk10_workshop.store.backup import BEFORE_MIGRATION, backup_database
from myk10_workshop.store.engine import sqlite_engine
from myk10_workshop.store.errors import ErrorKind, StoreError, classify
from myk10_workshop.store.schema import SCHEMA_REVISION

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


@dataclass(frozen=True)
class Preparation:
    created: bool = False
    migrated_from: str | None = None
    backup: Path | None = None


def read_revision(path: Path) -> str | None:
    """The schema revision of an existing file, read without writing a byte to it.

    None means the file holds no tables yet (a new, empty database).
    """
    # Even a read-only connection to a WAL database creates its -wal and -shm files. Unless a
    # -wal file is already there (with changes not yet in the main file), read the file as
    # immutable: no locks, no side files, nothing left next to a file we may refuse.
    options = "mode=ro" if path.with_name(path.name + "-wal").exists() else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)
    except sqlite3.Error as exc:
        raise _classified(exc, path) from exc
    try:
        tables = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise StoreError(ErrorKind.NOT_OURS, path=str(path))
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.Error as exc:
        raise _classified(exc, path) from exc
    finally:
        connection.close()


def prepare_database(path: Path, backups: Path) -> Preparation:
    """Make ``path`` a database of the current schema, or raise :class:`StoreError`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise StoreError(ErrorKind.FOLDER, path=str(path.parent)) from exc
    except OSError as exc:
        raise _classified(exc, path) from exc
    try:
        if path.exists() and not path.is_file():
            raise StoreError(ErrorKind.NOT_OURS, path=str(path))
        existed = path.exists() and path.stat().st_size > 0
    except OSError as exc:
        raise _classified(exc, path) from exc
    revision = read_revision(path) if existed else None
    if revision == SCHEMA_REVISION:
        return Preparation()

    if revision is not None and revision not in known_revisions():
        raise StoreError(ErrorKind.NEWER_VERSION, path=str(path), found=revision,
                         known=SCHEMA_REVISION)
    backup = None
    if existed and revision is not None:
        try:
            backup = backup_database(path, backups, BEFORE_MIGRATION)
        except (OSError, sqlite3.Error) as exc:
            raise _classified(exc, path) from exc
        log.info("backed up %s to %s before migrating from %s", path, backup, revision)
    upgrade(path)
    return Preparation(created=not existed, migrated_from=revision, backup=backup)


def known_revisions() -> set[str]:
    """Every schema revision this code can migrate from (imports Alembic)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def upgrade(path: Path, target: str = "head") -> None:
    """Run the migrations up to ``target`` in one transaction."""
    from alembic import command

    engine = migration_engine(path)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left broken references: {broken[:5]}")
    except Exception as exc:
        env = classify(exc, path)
        if env is not None:
            raise env from exc
        raise
    finally:
        engine.dispose()


def alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def migration_engine(path: Path) -> Engine:
    """An engine for schema changes: foreign keys off (tables get rebuilt), WAL on."""
    return sqlite_engine(path, pragmas=("journal_mode=WAL", "foreign_keys=OFF"),
                         begin="BEGIN IMMEDIATE")


def _classified(exc: BaseException, path: Path) -> StoreError:
    env = classify(exc, path)
    if env is not None:
        return env
    return StoreError(ErrorKind.CANNOT_OPEN, path=str(path), reason=str(exc))


def new_revision(message: str, rev_id: str, scratch: Path) -> None:
    """Developer tool: write the next migration by comparing the schema with a database
    migrated to the current head in ``scratch`` (review the file before committing)."""
    from alembic import command

    upgrade(scratch)
    config = alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{scratch}")
    command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
