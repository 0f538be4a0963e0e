"""Composition root: builds the store, the bridge and the window, and runs the app.

Nothing else in the code base creates long-lived collaborators or reaches for globals; each
part gets what it needs from here. Qt itself is used only through ``ui/``.
"""

from __future__ import annotations

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
    from myk10_workshop.store.database import Store
    from myk10_workshop.ui.application import Translations
    from myk10_workshop.ui.bridge import StoreBridge

log = logging.getLogger(__name__)

ALREADY_OPEN = QT_TRANSLATE_NOOP(
    "App", "MYK10 Workshop is already open with the data folder {folder}. Please use that "
    "window, or close it before starting again.")
DEMO_NEEDS_EMPTY_FOLDER = QT_TRANSLATE_NOOP(
    "App", "The data folder {folder} already holds projects; the demo project is loaded only "
    "into an empty folder. Choose a new folder with --data-dir.")

# Benchmarks set this to have the app print a line and quit once its window shows data.
QUIT_WHEN_READY = "MYK10_QUIT_WHEN_READY"
READY_MARKER = "MYK10_READY"


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    if options.self_test:
        from myk10_workshop.ui.self_test import run_self_test

        return run_self_test(options.data_dir)
    if options.serve is not None:
        from myk10_workshop.station import run_station

        return run_station(options, options.serve)
    return run_app(options)


def run_app(options: Options) -> int:
    data = DataDir(options.data_dir or default_data_dir())
    configure_logging(data.log_file)
    sys.excepthook = _log_exception  # until the window can show a message too
    settings = Settings.load(data.settings)

    from myk10_workshop.ui import application as ui
    from myk10_workshop.ui.bridge import StoreBridge, render
    from myk10_workshop.ui.main_window import MainWindow

    app = ui.create_application(sys.argv[:1])
    language = options.language or pick_language(settings.language, ui.system_language())
    translations = ui.Translations(app)
    translations.install(language)

    lock = ui.InstanceLock(data.root)
    if not lock.acquire():
        ui.tell_user(render(ALREADY_OPEN.with_params(folder=str(data.root))))
        return 1
    store = _open_store(data)
    if store is None:
        return 1
    seed_demo = options.demo or (options.data_dir is None and store.preparation.created)
    if options.demo and not _is_empty(store):
        ui.tell_user(render(DEMO_NEEDS_EMPTY_FOLDER.with_params(folder=str(data.root))))
        store.close()
        return 2

    bridge = StoreBridge(store, data.log_file)
    window = MainWindow(bridge, data.root, language)
    window.language_chosen.connect(_language_switcher(translations, settings, data, bridge))
    sys.excepthook = _report_exception(bridge)
    # The day's first backup, before the day's first change (on the writer, not the GUI).
    bridge.on_writer(lambda store: store.daily_backup(), lambda _path: None)
    if seed_demo:
        from myk10_workshop.demo import demo_operation

        bridge.run(demo_operation(), undoable=False)
    if os.environ.get(QUIT_WHEN_READY):
        ui.quit_when_ready(window.ready, READY_MARKER)
    window.show()
    try:
        return app.exec()
    finally:
        window.shutdown()
        bridge.close()
        ui.dispose(window, bridge)
        store.close()
        lock.release()


def _open_store(data: DataDir) -> Store | None:
    """The store of ``data``, or None after telling the user plainly why it cannot open."""
    from myk10_workshop.store.database import Store
    from myk10_workshop.store.errors import StoreError
    from myk10_workshop.ui.application import tell_user
    from myk10_workshop.ui.bridge import render

    try:
        store = Store.open(data.database, data.backups)
    except StoreError as exc:
        log.error("cannot open %s: %s", data.database, exc)
        tell_user(render(exc.message), critical=True)
        return None
    if store.preparation.backup is not None:
        log.info("database migrated from %s; backup at %s", store.preparation.migrated_from,
                 store.preparation.backup)
    return store


def _language_switcher(translations: Translations, settings: Settings, data: DataDir,
                       bridge: StoreBridge) -> Callable[[str], None]:
    def choose(code: str) -> None:
        translations.install(code)
        settings.language = code
        # A small file, but still the disk: not on the GUI thread.
        bridge.in_background(lambda: settings.save(data.settings))

    return choose


def _is_empty(store: Store) -> bool:
    from myk10_workshop.projects.queries import count_projects

    return store.read(count_projects) == 0


def _log_exception(kind: type[BaseException], error: BaseException,
                   trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, trace)))


def _report_exception(bridge: StoreBridge) -> Callable[
        [type[BaseException], BaseException, TracebackType | None], None]:
    """Uncaught exceptions in slots: a traceback in the log, a plain message on screen."""

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        bridge.report_bug(error)

    return hook
