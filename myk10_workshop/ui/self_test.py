"""``--self-test``: prove offscreen that this installation works, exit 0 or 1.

It runs in a temporary folder (the user's data is never touched): creates and migrates a
database, loads the demo project, saves an edit and undoes it, checks the file's integrity,
loads the German catalogue and opens the main window offscreen until it shows the data.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from myk10_workshop import APP_NAME, __version__


def run_self_test(data_dir: Path | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: list[tuple[str, bool, str]] = []

    def check(name: str, step: Callable[[], str | None]) -> bool:
        try:
            detail = step() or ""
        except Exception as exc:  # a self-test reports every failure, it does not crash
            results.append((name, False, f"{exc!r}\n{traceback.format_exc()}"))
            return False
        results.append((name, True, detail))
        return True

    with tempfile.TemporaryDirectory(prefix="myk10-self-test-") as folder:
        _run_checks(Path(folder), check)
    if data_dir is not None:
        check("data folder readable", lambda: _check_data_dir(data_dir))

    print(f"{APP_NAME} {__version__} self-test (Python {sys.version.split()[0]})")
    for name, ok, detail in results:
        first = detail.splitlines()[0] if detail else ""
        print(f"  {'ok  ' if ok else 'FAIL'} {name}{': ' + first if first else ''}")
        if not ok:
            print(detail, file=sys.stderr)
    failed = sum(1 for _, ok, _ in results if not ok)
    print("self-test passed" if not failed else f"self-test FAILED ({failed} checks)")
    return 0 if not failed else 1


def _run_checks(folder: Path, check: Callable[[str, Callable[[], str | None]], bool]) -> None:
    from myk10_workshop.demo import demo_operation
    from myk10_workshop.projects.queries import load_counts, load_tree
    from myk10_workshop.store.database import Store
    from myk10_workshop.store.operations import Update

    state: dict[str, object] = {}

    def open_store() -> str:
        store = Store.open(folder / "self-test.sqlite3")
        state["store"] = store
        return "schema created and migrated"

    if not check("store opens and migrates", open_store):
        return
    store: Store = state["store"]  # type: ignore[assignment]

    def demo() -> str:
        store.apply(demo_operation())
        (project,) = store.read(load_tree)
        counts = store.read(lambda session: load_counts(session, project.id))
        if counts.ideas < 10 or len(project.fields) != 10:
            raise AssertionError(f"demo project incomplete: {counts}")
        state["project"] = project
        return f"{counts.ideas} ideas, {len(project.fields)} fields of action"

    def edit_and_undo() -> str | None:
        project = state["project"]
        result = store.apply(Update("project", project.id, {"name": "Self-test"}))  # type: ignore[attr-defined]
        store.apply(result.inverse)
        (reloaded,) = store.read(load_tree)
        if reloaded.name != project.name:  # type: ignore[attr-defined]
            raise AssertionError("undo did not restore the name")
        return None

    check("demo project loads", demo)
    check("edit and undo", edit_and_undo)
    check("database integrity", lambda: _expect(store.integrity_check(), "ok"))
    check("window shows the demo project offscreen", lambda: _open_window(store, folder))
    store.close()


def _expect(value: str, wanted: str) -> str:
    if value != wanted:
        raise AssertionError(f"{value!r} != {wanted!r}")
    return value


def _open_window(store: object, folder: Path) -> str:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from myk10_workshop.ui.application import Translations, create_application, dispose
    from myk10_workshop.ui.bridge import StoreBridge
    from myk10_workshop.ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    translations = Translations(app)
    if not translations.install("de"):
        raise AssertionError("German translation catalogue (.qm) is missing")
    if QCoreApplication.translate("MainWindow", "&File") == "&File":
        raise AssertionError("German translation not applied")
    bridge = StoreBridge(store, folder / "self-test.log")  # type: ignore[arg-type]
    window = MainWindow(bridge, folder, "de")
    try:
        loop = QEventLoop()
        window.ready.connect(loop.quit)
        QTimer.singleShot(15_000, loop.quit)
        window.show()
        if not window.is_ready():
            loop.exec()
        if not window.is_ready():
            raise AssertionError("the window did not show the data within 15 s")
        pixmap = window.grab()
        if pixmap.isNull() or pixmap.width() < 200:
            raise AssertionError("the window could not be drawn")
        return f"window {pixmap.width()}x{pixmap.height()} drawn"
    finally:
        window.close()
        bridge.close()
        dispose(window, bridge)


def _check_data_dir(data_dir: Path) -> str:
    from myk10_workshop.paths import DataDir
    from myk10_workshop.store.migrate import read_revision

    database = DataDir(data_dir).database
    if not database.exists():
        return f"{database} does not exist yet"
    return f"{database}: schema {read_revision(database)}"
