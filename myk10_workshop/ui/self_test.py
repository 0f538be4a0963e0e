"""``--self-test``: prove offscreen that this installation works, exit 0 or 1.

The Qt-free checks (:mod:`myk10_workshop.self_check`) run in a temporary folder; then the
compiled German catalogue is loaded and the main window is opened offscreen on a demo
database until it shows the data. The user's own database is only read, never changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from myk10_workshop import APP_NAME, __version__
from myk10_workshop.paths import DataDir, default_data_dir
from myk10_workshop.self_check import Checks, check_user_database, run_core_checks


def run_self_test(data_dir: Path | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="myk10-self-test-") as folder:
        run_core_checks(Path(folder), checks)
        checks.run("window shows the demo project offscreen", lambda: _open_window(Path(folder)))
    database = DataDir(data_dir or default_data_dir()).database
    checks.run("your database (read only)", lambda: check_user_database(database))

    print(f"{APP_NAME} {__version__} self-test (Python {sys.version.split()[0]})")
    for result in checks.results:
        first = result.detail.splitlines()[0] if result.detail else ""
        print(f"  {'ok  ' if result.ok else 'FAIL'} {result.name}{': ' + first if first else ''}")
        if not result.ok:
            print(result.detail, file=sys.stderr)
    failed = sum(1 for result in checks.results if not result.ok)
    print("self-test passed" if not failed else f"self-test FAILED ({failed} checks)")
    return 0 if not failed else 1


def _open_window(folder: Path) -> str:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from myk10_workshop.demo import demo_operation
    from myk10_workshop.store.database import Store
    from myk10_workshop.ui.application import Translations, create_application, dispose
    from myk10_workshop.ui.bridge import StoreBridge
    from myk10_workshop.ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    if not Translations(app).install("de"):
        raise AssertionError("the compiled German catalogue (.qm) is missing")
    if QCoreApplication.translate("MainWindow", "&File") != "&Datei":
        raise AssertionError("the German catalogue is not applied")
    store = Store.open(folder / "window.sqlite3")
    store.apply(demo_operation())
    bridge = StoreBridge(store, folder / "self-test.log")
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
        store.close()
