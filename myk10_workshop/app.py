"""Composition root: builds the store, the bridge and the window, and runs the app.

Nothing else in the code base creates long-lived collaborators or reaches for globals; each
part gets what it needs from here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from myk10_workshop.cli import Options, parse_args
from myk10_workshop.i18n import QT_TRANSLATE_NOOP, pick_language
from myk10_workshop.logs import configure_logging
from myk10_workshop.paths import DataDir, default_data_dir
from myk10_workshop.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile

    from myk10_workshop.store.database import Store
    from myk10_workshop.ui.application import Translations

log = logging.getLogger(__name__)

# Benchmarks set this to have the app print a line and quit once its window shows data.
ALREADY_OPEN = QT_TRANSLATE_NOOP(
    "App", "MYK10 Workshop is already open with the data folder {folder}. Please use that "
    "window, or close it before starting again.")

QUIT_WHEN_READY = "MYK10_QUIT_WHEN_READY"
READY_MARKER = "MYK10_READY"


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    if options.self_test:
        from myk10_workshop.ui.self_test import run_self_test

        return run_self_test(options.data_dir)
    return run_app(options)


def run_app(options: Options) -> int:
    data = DataDir(options.data_dir or default_data_dir())
    configure_logging(data.log_file)
    settings = Settings.load(data.settings)

    from PySide6.QtCore import QTimer

    from myk10_workshop.ui.application import (
        Translations,
        create_application,
        dispose,
        system_language,
    )
    from myk10_workshop.ui.bridge import StoreBridge
    from myk10_workshop.ui.main_window import MainWindow

    app = create_application(sys.argv[:1])
    language = options.language or pick_language(settings.language, system_language())
    translations = Translations(app)
    translations.install(language)

    may_start, lock = _single_instance_lock(data)
    if not may_start:
        return 1
    store = _open_store(data)
    if store is None:
        return 1
    seed_demo = options.demo or (options.data_dir is None and store.preparation.created)
    if options.demo and not _is_empty(store):
        print(f"The data folder {data.root} already holds projects; --demo fills only an "
              "empty one. Choose a new folder with --data-dir.", file=sys.stderr)
        store.close()
        return 2

    bridge = StoreBridge(store, data.log_file)
    window = MainWindow(bridge, data.root, language)
    window.language_chosen.connect(_language_switcher(translations, settings, data))
    sys.excepthook = _excepthook(bridge)
    if seed_demo:
        from myk10_workshop.demo import demo_operation

        bridge.run(demo_operation(), undoable=False)
    if os.environ.get(QUIT_WHEN_READY):
        window.ready.connect(lambda: QTimer.singleShot(0, lambda: _report_ready(app)))
    window.show()
    try:
        return app.exec()
    finally:
        bridge.close()
        dispose(window, bridge)
        store.close()
        if lock is not None:
            lock.unlock()


def _single_instance_lock(data: DataDir) -> tuple[bool, QLockFile | None]:
    """Hold the data folder for this window; a second start on the same folder says so.

    Two windows on one database would each show a stale picture of the other's edits.
    Returns (may start, lock). A folder that cannot hold a lock file is left for the store
    to report in plain words.
    """
    from PySide6.QtCore import QLockFile
    from PySide6.QtWidgets import QMessageBox

    from myk10_workshop.ui.bridge import render

    with contextlib.suppress(OSError):
        data.root.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data.root / "myk10-workshop.lock"))
    if lock.tryLock(100):
        return True, lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        return True, None
    text = render(ALREADY_OPEN.with_params(folder=str(data.root)))
    print(text, file=sys.stderr, flush=True)
    QMessageBox.information(None, "MYK10 Workshop", text)
    return False, None


def _open_store(data: DataDir) -> Store | None:
    """The store of ``data``, or None after telling the user plainly why it cannot open."""
    from PySide6.QtWidgets import QMessageBox

    from myk10_workshop.store.database import Store
    from myk10_workshop.store.errors import StoreError
    from myk10_workshop.ui.bridge import render

    try:
        store = Store.open(data.database, data.backups)
    except StoreError as exc:
        log.error("cannot open %s: %s", data.database, exc)
        text = render(exc.message)
        print(text, file=sys.stderr, flush=True)
        QMessageBox.critical(None, "MYK10 Workshop", text)
        return None
    if store.preparation.backup is not None:
        log.info("database migrated from %s; backup at %s", store.preparation.migrated_from,
                 store.preparation.backup)
    return store


def _language_switcher(translations: Translations, settings: Settings,
                       data: DataDir) -> Callable[[str], None]:
    def choose(code: str) -> None:
        translations.install(code)
        settings.language = code
        try:
            settings.save(data.settings)
        except OSError as exc:
            log.warning("settings not saved: %s", exc)

    return choose


def _is_empty(store: Store) -> bool:
    from myk10_workshop.projects.queries import count_projects

    return store.read(count_projects) == 0


def _report_ready(app: object) -> None:
    print(READY_MARKER, flush=True)
    app.quit()  # type: ignore[attr-defined]


def _excepthook(bridge: object):  # type: ignore[no-untyped-def]
    """Uncaught exceptions in slots: a traceback in the log, a plain message on screen."""

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        traceback.print_exception(kind, error, trace)
        bridge.report_bug(error)  # type: ignore[attr-defined]

    return hook
