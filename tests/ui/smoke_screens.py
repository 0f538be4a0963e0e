"""Screenshots of every main page of the demo project, taken from a real X display.

Run in a process of its own, with ``DISPLAY`` set to an X server (Xvfb in the tests) and
``QT_QPA_PLATFORM=xcb``::

    python tests/ui/smoke_screens.py OUTPUT_DIR LANGUAGE

It opens the main window over a fresh demo database at a projector's size, shows the
project, a workshop and a field of action on the overview, then each feature page, and
saves what the X server shows as ``OUTPUT_DIR/NN-<page>-<LANGUAGE>.png``. One line per
saved file on stdout; exit status 0, or 1 with a traceback.

The pytest process runs on the offscreen platform and cannot switch to xcb, hence the
separate process (see ``test_smoke_screens.py``).
"""

from __future__ import annotations

import sys
import tempfile
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QWidget

from myk10_workshop.demo import demo_operation
from myk10_workshop.projects.queries import ProjectNode, load_tree
from myk10_workshop.store.database import Store
from myk10_workshop.ui.application import Translations, create_application, dispose
from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.ui.main_window import MainWindow

# A laptop mirrored to a typical projector.
WINDOW_SIZE = (1366, 768)
READY_TIMEOUT_MS = 15_000
# Time for one page to lay out and paint after it became current.
PAINT_MS = 250
LANGUAGES = ("de", "en")

# The shots, in order: (file stem, tab index, navigator kind). Tab 0 is the overview,
# which shows the form of the navigator's selection; tabs 1.. are the feature pages.
SHOTS: tuple[tuple[str, int, str], ...] = (
    ("01-overview-project", 0, "project"),
    ("02-overview-workshop", 0, "workshop"),
    ("03-overview-field", 0, "field_of_action"),
    ("04-agenda", 1, "workshop"),
    ("05-board", 2, "workshop"),
    ("06-voting", 3, "workshop"),
    ("07-timeline", 4, "project"),
    ("08-results", 5, "project"),
)
# After the pages: the voting page with a live session running (on loopback), and the
# projector window showing how to join.
LIVE_SHOTS = ("09-voting-live", "10-projector-join")


def file_names(language: str) -> list[str]:
    """The files one run writes for ``language``, in order."""
    stems = [stem for stem, _tab, _kind in SHOTS] + list(LIVE_SHOTS)
    return [f"{stem}-{language}.png" for stem in stems]


def _spin(milliseconds: int) -> None:
    """Let Qt run (lay out, paint, deliver results) for a while."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def _wait_until(condition: Callable[[], bool], what: str, timeout_ms: int = 5_000) -> None:
    """Run the event loop until ``condition`` holds (checked on a timer), or fail."""
    if condition():
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    QTimer.singleShot(timeout_ms, loop.quit)
    poll.start()
    loop.exec()
    poll.stop()
    if not condition():
        raise AssertionError(f"timed out after {timeout_ms} ms waiting for {what}")


def _wait_ready(window: MainWindow) -> None:
    loop = QEventLoop()
    window.ready.connect(loop.quit)
    QTimer.singleShot(READY_TIMEOUT_MS, loop.quit)
    window.show()
    if not window.is_ready():
        loop.exec()
    if not window.is_ready():
        raise AssertionError(f"the window did not show the data within {READY_TIMEOUT_MS} ms")


def _grab(window: QWidget) -> QPixmap:
    """What the X server shows in the window; the widget's own rendering only as fallback."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    pixmap = screen.grabWindow(window.winId()) if screen is not None else QPixmap()
    if pixmap.isNull():
        print("grabWindow gave nothing; using QWidget.grab()", file=sys.stderr)
        pixmap = window.grab()
    if pixmap.isNull():
        raise AssertionError("the window could not be captured")
    return pixmap


def _targets(project: ProjectNode) -> dict[str, uuid.UUID]:
    if not project.workshops or not project.fields:
        raise AssertionError("the demo project has no workshop or no field of action")
    return {"project": project.id, "workshop": project.workshops[0].id,
            "field_of_action": project.fields[0].id}


def take_screenshots(window: MainWindow, project: ProjectNode, output: Path,
                     language: str) -> list[Path]:
    targets = _targets(project)
    counts = window.overview.project_form.count_labels["workshops"][1]
    saved = []
    for (stem, tab, kind), name in zip(SHOTS, file_names(language), strict=False):
        if not window.navigator.select(kind, targets[kind]):
            raise AssertionError(f"the navigator has no {kind} {targets[kind]}")
        window.tabs.setCurrentIndex(tab)
        if stem == "01-overview-project":
            # The counts arrive from a read in the background.
            _wait_until(lambda: counts.text() not in ("", "–"), "the project's counts")
        _spin(PAINT_MS)
        # Paint now and push it to the X server; the grab below is a later request on the
        # same connection, so it sees this frame.
        window.repaint()
        path = output / name
        if not _grab(window).save(str(path), "PNG"):
            raise AssertionError(f"could not write {path}")
        print(path, flush=True)
        saved.append(path)
    saved.extend(_live_shots(window, targets["workshop"], output, language))
    return saved


def _save(pixmap: QPixmap, path: Path) -> Path:
    if not pixmap.save(str(path), "PNG"):
        raise AssertionError(f"could not write {path}")
    print(path, flush=True)
    return path


def _live_shots(window: MainWindow, workshop: uuid.UUID, output: Path,
                language: str) -> list[Path]:
    window.navigator.select("workshop", workshop)
    page = window.show_voting()
    page.start_session("127.0.0.1")
    _wait_until(lambda: bool(page.session.qr.matrix()), "the live session's QR code", 10_000)
    _spin(PAINT_MS)
    window.repaint()
    live = _save(_grab(window), output / f"{LIVE_SHOTS[0]}-{language}.png")
    page.project_join()
    projector = page.projector
    if projector is None:
        raise AssertionError("the projector did not open")
    _wait_until(lambda: projector.isVisible(), "the projector window")
    _spin(PAINT_MS)
    projector.repaint()
    shot = _save(_grab(projector), output / f"{LIVE_SHOTS[1]}-{language}.png")
    projector.close()
    page.stop_session_now()
    return [live, shot]


_MESSAGE_KINDS = {QtMsgType.QtInfoMsg: "info", QtMsgType.QtWarningMsg: "warning",
                  QtMsgType.QtCriticalMsg: "critical", QtMsgType.QtFatalMsg: "fatal"}


def _report_qt_messages(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
    """Qt's messages go to stderr as "Qt warning [category] text", for the test to find."""
    if kind in _MESSAGE_KINDS:
        print(f"Qt {_MESSAGE_KINDS[kind]} [{context.category or 'default'}] {text}",
              file=sys.stderr, flush=True)


def run(output: Path, language: str) -> None:
    if language not in LANGUAGES:
        raise SystemExit(f"language must be one of {LANGUAGES}, not {language!r}")
    output.mkdir(parents=True, exist_ok=True)
    qInstallMessageHandler(_report_qt_messages)
    with tempfile.TemporaryDirectory(prefix="myk10-screens-") as folder:
        data = Path(folder)
        store = Store.open(data / "myk10-workshop.sqlite3")
        try:
            store.apply(demo_operation())
            (project,) = store.read(load_tree)
            app = create_application([sys.argv[0]])
            if app.platformName() != "xcb":
                raise AssertionError(f"needs the xcb platform, not {app.platformName()!r}")
            if not Translations(app).install(language):
                raise AssertionError(f"no compiled catalogue for {language!r}")
            bridge = StoreBridge(store, data / "logs" / "myk10-workshop.log")
            window = MainWindow(bridge, data, language)
            try:
                window.resize(*WINDOW_SIZE)
                _wait_ready(window)
                handle = window.windowHandle()
                _wait_until(lambda: handle is not None and handle.isExposed(),
                            "the window to appear on the display")
                take_screenshots(window, project, output, language)
            finally:
                window.close()
                bridge.wait_idle()
                bridge.close()
                dispose(window, bridge)
        finally:
            store.close()


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(f"usage: {argv[0]} OUTPUT_DIR LANGUAGE", file=sys.stderr)
        return 2
    try:
        run(Path(argv[1]), argv[2])
    except Exception:
        traceback.print_exc()
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
