"""Speed of the idea board, as the board issue names it (offscreen, medians).

For boards of 10,000 and 2,000 notes (a third loose, the rest in clusters of 20):

- open: from asking for the board to the first painted frame (read, build, paint);
- pan frame: the view moves 40 px at working zoom (100 %) and repaints;
- drag frame: one mouse move while dragging a note at working zoom;
- zoom step: one step in (x1.25) at working zoom, painted;
- fit-all repaint: the first frame after "show all" (every note on screen);
- move a note: GUI-thread time of the drop (change worked out, operation queued) plus the
  later refresh of the moved row, while the writer saves it.

Run from the repository root: ``python benchmarks/board.py``. Exits 0 only when every target
is met.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks._report import Report, exit_with
from myk10_workshop.board.layout import CLUSTER_HEADER, GAP, NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.i18n import QT_TRANSLATE_NOOP
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import BulkCreate, Create, utc_now

RUNS = 7
WORDS = ("Bus", "Rufbus", "Radweg", "Glasfaser", "WLAN", "Bürgerbüro", "Schule", "Praxis",
         "Dorfladen", "Ehrenamt", "Photovoltaik", "Wanderweg", "Senioren", "App", "Termin",
         "digital", "mehr", "endlich", "im Dorf", "für alle", "am Wochenende", "online")


def make_board(folder: Path, notes: int) -> tuple[Store, uuid.UUID]:
    store = Store.open(folder / "board.sqlite3")
    project = Create("project", {"name": "Benchmark"})
    workshop = Create("workshop", {"project_id": project.id, "title": "Workshop"})
    board = Create("board", {"workshop_id": workshop.id, "title": "Pinnwand"})
    for operation in (project, workshop, board):
        store.apply(operation)
    rng = random.Random(notes)
    rows: list[tuple[str, uuid.UUID, dict[str, Any]]] = []
    clustered = notes - notes // 3
    per_cluster = 20
    columns = 4
    frame_w = GAP + columns * (NOTE_WIDTH + GAP)
    frame_h = CLUSTER_HEADER + (per_cluster // columns) * (NOTE_HEIGHT + GAP)
    clusters_per_row = 12
    ideas = []
    for index in range(clustered // per_cluster):
        cx = (index % clusters_per_row) * (frame_w + 3 * GAP)
        cy = (index // clusters_per_row) * (frame_h + 3 * GAP)
        cluster_id = uuid.uuid4()
        rows.append(("cluster", cluster_id, {"board_id": board.id, "title": f"Cluster {index}",
                                             "x": cx, "y": cy, "width": frame_w,
                                             "height": frame_h}))
        for slot in range(per_cluster):
            row, column = divmod(slot, columns)
            ideas.append((cluster_id, cx + GAP + column * (NOTE_WIDTH + GAP),
                          cy + CLUSTER_HEADER + row * (NOTE_HEIGHT + GAP)))
    bottom = (len(rows) // clusters_per_row + 1) * (frame_h + 3 * GAP)
    loose = notes - len(ideas)
    for index in range(loose):
        ideas.append((None, (index % 60) * (NOTE_WIDTH + GAP),
                      bottom + (index // 60) * (NOTE_HEIGHT + GAP)))
    now = utc_now()
    for cluster_id, x, y in ideas:
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9)))
        rows.append(("idea", uuid.uuid4(), {"board_id": board.id, "cluster_id": cluster_id,
                                            "text": text, "x": x, "y": y, "created_at": now}))
    store.apply(BulkCreate(tuple(rows), QT_TRANSLATE_NOOP("Operation", "Import")))
    return store, workshop.id


class Bench:
    """One board page over a store of ``notes`` notes, with helpers to time frames."""

    def __init__(self, folder: Path, notes: int) -> None:
        from myk10_workshop.ui.board.page import BoardPage
        from myk10_workshop.ui.bridge import StoreBridge

        self.notes = notes
        self.store, self.workshop_id = make_board(folder, notes)
        self.bridge = StoreBridge(self.store)
        # Every GUI-thread reaction to a finished read or write passes this slot: time it.
        self.gui_time = [0.0]
        original = StoreBridge._on_finished

        def timed(key: int, future: Any) -> None:
            start = time.perf_counter()
            try:
                original(self.bridge, key, future)
            finally:
                self.gui_time[0] += time.perf_counter() - start

        self.bridge._finished.disconnect()
        self.bridge._finished.connect(timed)
        self.page = BoardPage(self.bridge)
        self.page.resize(1366, 768)
        self.page.show()

    def paint(self) -> None:
        """The frame as the event loop makes it: pending updates become one paint."""
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()

    def wait_for(self, condition: Callable[[], bool], timeout: float = 30.0) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise SystemExit("timed out")
            loop = QEventLoop()
            QTimer.singleShot(1, loop.quit)
            loop.exec()

    def frames(self, action: Callable[[int], None]) -> list[float]:
        samples = []
        for step in range(RUNS):
            start = time.perf_counter()
            action(step)
            self.paint()
            samples.append((time.perf_counter() - start) * 1000)
        return samples

    def open_times(self) -> list[float]:
        """Ask for the board, wait until its snapshot is on screen, paint it."""
        opened = []
        for _ in range(3):
            self.page.show_workshop(None)
            self.paint()
            done: list[int] = []
            self.page.loaded.connect(lambda done=done: done.append(1))
            start = time.perf_counter()
            self.page.show_workshop(self.workshop_id)
            self.wait_for(lambda done=done: bool(done))
            self.paint()
            opened.append((time.perf_counter() - start) * 1000)
            self.page.loaded.disconnect()
        assert len(self.page.scene.notes) == self.notes, len(self.page.scene.notes)
        return opened

    def fit_all_frames(self) -> list[float]:
        """The frame after "show all" from working zoom (100 %): the worst case, since it
        also switches to the far-out drawing."""
        from PySide6.QtCore import QPointF

        view = self.page.view
        samples = []
        for _ in range(RUNS):
            view.set_zoom(1.0)
            view.centerOn(QPointF(2000.0, 2000.0))
            self.paint()
            start = time.perf_counter()
            view.fit_all()
            self.paint()
            samples.append((time.perf_counter() - start) * 1000)
        return samples

    def close(self) -> None:
        self.page.close()
        self.bridge.close()
        self.store.close()
        self.paint()


def measure(notes: int, report: Report) -> None:
    from PySide6.QtCore import QPointF

    label = f"{notes:,} notes"
    with tempfile.TemporaryDirectory(prefix="myk10-board-") as folder:
        bench = Bench(Path(folder), notes)
        opened = bench.open_times()
        if notes >= 10_000:
            report.add(f"open the board, {label}", opened, 1000.0)
        report.add(f"fit-all repaint, {label}", bench.fit_all_frames(),
                   50.0 if notes >= 10_000 else 16.0)
        if notes >= 10_000:
            view = bench.page.view
            view.set_zoom(1.0)
            view.centerOn(QPointF(2500.0, 1500.0))
            bench.paint()
            bar = view.horizontalScrollBar()
            report.add(f"pan frame at 100 %, {label}",
                       bench.frames(lambda step: bar.setValue(bar.value() + 40)), 4.0)
            report.add(f"zoom step at 100 %, {label}",
                       bench.frames(lambda step: view.zoom_by(1.25 if step % 2 == 0 else 0.8)),
                       33.0)
            view.set_zoom(1.0)
            bench.paint()
            report.add(f"drag frame at 100 %, {label}", _drag_frames(bench.page, bench.paint),
                       4.0)
            report.add(f"move a note: GUI thread, {label}",
                       _move_costs(bench.page, bench.bridge, bench.gui_time, bench.wait_for),
                       2.0)
        bench.close()


def _drag_frames(page: Any, paint: Callable[[], None]) -> list[float]:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    view = page.view
    center = view.visible_scene_rect().center()
    note = min(page.scene.notes.values(),
               key=lambda n: (n.sceneBoundingRect().center() - center).manhattanLength())
    viewport = view.viewport()
    at = view.mapFromScene(note.sceneBoundingRect().center())

    def send(kind: QEvent.Type, point: Any, buttons: Any) -> None:
        button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else (
            Qt.MouseButton.NoButton)
        QApplication.sendEvent(viewport, QMouseEvent(
            kind, QPointF(point), QPointF(viewport.mapToGlobal(point)), button, buttons,
            Qt.KeyboardModifier.NoModifier))

    send(QEvent.Type.MouseButtonPress, at, Qt.MouseButton.LeftButton)
    samples = []
    for step in range(1, RUNS + 1):
        point = at + type(at)(step * 6, step * 4)
        start = time.perf_counter()
        send(QEvent.Type.MouseMove, point, Qt.MouseButton.LeftButton)
        paint()
        samples.append((time.perf_counter() - start) * 1000)
    send(QEvent.Type.MouseButtonRelease, at + type(at)(RUNS * 6, RUNS * 4),
         Qt.MouseButton.NoButton)
    return samples


def _move_costs(page: Any, bridge: Any, gui_time: list[float],
                wait_for: Callable[[Callable[[], bool]], None]) -> list[float]:
    samples = []
    notes = list(page.scene.notes.values())
    for step in range(RUNS):
        note = notes[step * 131 % len(notes)]
        bridge.wait_idle()
        wait_for(lambda: not bridge._pending)
        gui_time[0] = 0.0
        note.setPos(note.pos().x() + 7, note.pos().y() + 3)
        start = time.perf_counter()
        page.scene.report_moves([note])
        queued = time.perf_counter() - start
        bridge.wait_idle()
        wait_for(lambda: not bridge._pending)
        samples.append((queued + gui_time[0]) * 1000)
    return samples


def main() -> None:
    from myk10_workshop.ui.application import create_application

    create_application([sys.argv[0]])
    report = Report("board")
    report.header()
    measure(10_000, report)
    measure(2_000, report)
    exit_with(report)


if __name__ == "__main__":
    main()
