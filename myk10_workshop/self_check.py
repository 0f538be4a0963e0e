"""Checks of an installation that need no screen: what ``--self-test`` runs first.

Each check works in a temporary folder, except :func:`check_user_database`, which only reads
the user's database (read-only, immutable) and never changes it.
"""

from __future__ import annotations

import sqlite3
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from myk10_workshop.store.errors import ErrorKind, StoreError


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str = ""


class Checks:
    """Runs named checks, keeps going after a failure, collects the results."""

    def __init__(self) -> None:
        self.results: list[CheckResult] = []

    def run(self, name: str, step: Callable[[], str | None]) -> bool:
        try:
            detail = step() or ""
        except Exception as exc:  # a self-test reports every failure; it does not crash
            self.results.append(CheckResult(name, False, f"{exc!r}\n{traceback.format_exc()}"))
            return False
        self.results.append(CheckResult(name, True, detail))
        return True

    @property
    def passed(self) -> bool:
        return all(result.ok for result in self.results)


def run_core_checks(folder: Path, checks: Checks) -> None:
    """Store, migrations, demo data, an edit and its undo, integrity, the German catalogue."""
    from myk10_workshop.demo import demo_operation
    from myk10_workshop.i18n import load_catalogue
    from myk10_workshop.projects.operations import rename
    from myk10_workshop.projects.queries import ProjectNode, load_counts, load_tree
    from myk10_workshop.store.database import Store

    opened: list[Store] = []

    def open_store() -> str:
        opened.append(Store.open(folder / "self-test.sqlite3"))
        return "schema created and migrated"

    if not checks.run("store opens and migrates", open_store):
        return
    store = opened[0]
    projects: list[ProjectNode] = []

    def demo() -> str:
        store.apply(demo_operation())
        projects.extend(store.read(load_tree))
        counts = store.read(lambda session: load_counts(session, projects[0].id))
        if len(projects) != 1 or counts.ideas < 10 or len(projects[0].fields) != 10:
            raise AssertionError(f"demo project incomplete: {counts}")
        return f"{counts.ideas} ideas, {len(projects[0].fields)} fields of action"

    def edit_and_undo() -> None:
        project = projects[0]
        result = store.apply(rename("project", project.id, "Self-test"))
        store.apply(result.inverse)
        if store.read(load_tree)[0].name != project.name:
            raise AssertionError("undo did not restore the name")

    def german() -> str:
        catalogue = load_catalogue("de")
        if catalogue("MainWindow", "&File") != "&Datei":
            raise AssertionError("the German catalogue does not translate")
        return f"{len(catalogue)} German texts"

    try:
        if checks.run("demo project loads", demo):
            checks.run("edit and undo", edit_and_undo)
        checks.run("database integrity", lambda: _expect(store.integrity_check(), "ok"))
        checks.run("German catalogue", german)
    finally:
        store.close()


def check_user_database(database: Path) -> str:
    """Read the user's database without changing it: its schema and its integrity."""
    from myk10_workshop.store.migrate import known_revisions, read_revision
    from myk10_workshop.store.schema import SCHEMA_REVISION

    if not database.exists():
        return f"{database} does not exist yet (created at first start)"
    revision = read_revision(database)
    if revision not in (None, SCHEMA_REVISION) and revision not in known_revisions():
        raise StoreError(ErrorKind.NEWER_VERSION, path=str(database), found=revision,
                         known=SCHEMA_REVISION)
    uri = f"{database.resolve().as_uri()}?mode=ro&immutable=1"
    with sqlite3.connect(uri, uri=True) as connection:
        (result,) = connection.execute("PRAGMA quick_check").fetchone()
    connection.close()
    if result != "ok":
        raise AssertionError(f"{database}: {result}")
    state = "current" if revision == SCHEMA_REVISION else "is migrated at the next start"
    return f"{database}: schema {revision} ({state}), integrity ok"


def _expect(value: str, wanted: str) -> str:
    if value != wanted:
        raise AssertionError(f"{value!r} != {wanted!r}")
    return value
