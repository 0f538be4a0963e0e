"""Start-up and autosave cost, as the foundation issue names them.

1. Window: fresh processes (``python -m myk10_workshop``) on a data folder holding the demo
   project grown to 2,000 ideas; time from spawning the process to the window showing the
   project (the app prints a marker once its first snapshot is on screen). Target 0.8 s.
2. Edit: in one process with a project of 10,000 ideas (all loaded as objects, as a board
   would hold them), the time one autosaved edit holds the GUI thread: the synchronous part
   of queueing the operation plus every GUI-thread reaction to its result (change set
   handling, navigator refresh). The write itself runs on the store's writer thread and is
   reported for information. Target 2 ms.

Run from the repository root: ``python benchmarks/startup.py``. Exits 0 only when every
target is met.
"""

from __future__ import annotations

import os
import random
import subprocess
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
from myk10_workshop.app import QUIT_WHEN_READY, READY_MARKER
from myk10_workshop.demo import demo_operation
from myk10_workshop.i18n import QT_TRANSLATE_NOOP
from myk10_workshop.paths import DataDir
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import BulkCreate, Update, utc_now

WINDOW_RUNS = 5
EDIT_RUNS = 40
WINDOW_TARGET_S = 0.8
EDIT_TARGET_MS = 2.0


def make_data_dir(root: Path, ideas: int) -> DataDir:
    """The demo project with its boards filled up to ``ideas`` notes."""
    data = DataDir(root)
    store = Store.open(data.database, data.backups)
    try:
        store.apply(demo_operation())
        from sqlalchemy import func, select

        from myk10_workshop.store.schema import Board, Idea

        boards = store.read(lambda s: list(s.scalars(select(Board.id))))
        present = store.read(lambda s: s.scalar(select(func.count()).select_from(Idea))) or 0
        rng = random.Random(7)
        rows = []
        for n in range(max(0, ideas - present)):
            rows.append(("idea", uuid.uuid4(), {
                "board_id": boards[n % len(boards)],
                "text": f"Idee {n}: Bürgerbüro digital erreichbar machen, auch abends",
                "x": rng.uniform(0, 20_000), "y": rng.uniform(0, 20_000),
                "created_at": utc_now(),
            }))
        if rows:
            store.apply(BulkCreate(tuple(rows), QT_TRANSLATE_NOOP("Operation", "Import")))
    finally:
        store.close()
    return data


def time_window(data: DataDir) -> list[float]:
    env = {**os.environ, QUIT_WHEN_READY: "1", "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "myk10_workshop", "--data-dir", str(data.root)]
    samples = []
    for run in range(WINDOW_RUNS + 1):
        start = time.perf_counter()
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env) as process:
            assert process.stdout is not None
            line = process.stdout.readline()
            elapsed = time.perf_counter() - start
            _out, err = process.communicate(timeout=60)
        if READY_MARKER not in line or process.returncode != 0:
            raise SystemExit(f"the app did not start: {line!r} {err}")
        if run:  # the first run only warms the file cache
            samples.append(elapsed)
    return samples


def _time_gui_reactions(bridge_class: Any) -> list[float]:
    """Sum, into the returned one-element list, the time spent in the slot through which
    every result of a read or write reaches the GUI thread (and everything it triggers)."""
    gui_time = [0.0]
    original = bridge_class._on_finished

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            gui_time[0] += time.perf_counter() - start

    bridge_class._on_finished = timed  # before any bridge connects it
    return gui_time


def time_edits(data: DataDir) -> tuple[list[float], list[float], list[float]]:
    from PySide6.QtCore import QEventLoop, QTimer
    from sqlalchemy import select

    from myk10_workshop.store.schema import Idea
    from myk10_workshop.ui.application import Translations, create_application
    from myk10_workshop.ui.bridge import StoreBridge
    from myk10_workshop.ui.main_window import MainWindow

    gui_time = _time_gui_reactions(StoreBridge)

    app = create_application([sys.argv[0]])
    Translations(app).install("de")
    store = Store.open(data.database, data.backups)
    loaded = store.read(lambda s: list(s.scalars(select(Idea))))  # a board's worth in memory
    bridge = StoreBridge(store)
    window = MainWindow(bridge, data.root, "de")
    loop = QEventLoop()
    window.ready.connect(loop.quit)
    window.show()
    loop.exec()

    def settle() -> None:
        bridge.wait_idle()
        while bridge._pending:  # results still on their way to the GUI thread
            wait = QEventLoop()
            QTimer.singleShot(1, wait.quit)
            wait.exec()

    def edit(step: Callable[[], Any]) -> tuple[float, float]:
        settle()
        gui_time[0] = 0.0
        start = time.perf_counter()
        step()
        queued = time.perf_counter() - start
        bridge.wait_idle()
        written = time.perf_counter() - start
        settle()
        return (queued + gui_time[0]) * 1000, written * 1000

    move_samples, rename_samples, write_samples = [], [], []
    workshop = window.navigator.model.projects[0].workshops[0]
    window.navigator.select("workshop", workshop.id)
    form = window.overview.workshop_form
    for n in range(EDIT_RUNS):
        idea = loaded[n * 97 % len(loaded)]
        hold, written = edit(lambda idea=idea, n=n: bridge.run(
            Update("idea", idea.id, {"x": float(n * 10), "y": float(n * 5)})))
        move_samples.append(hold)
        write_samples.append(written)
        hold, _written = edit(lambda n=n: form._changed("venue", f"Raum {n}"))
        rename_samples.append(hold)
    window.close()
    bridge.close()
    store.close()
    assert len(loaded) >= 10_000
    return move_samples, rename_samples, write_samples


def main() -> None:
    report = Report("startup")
    report.header()
    with tempfile.TemporaryDirectory(prefix="myk10-bench-") as folder:
        small = make_data_dir(Path(folder) / "2k", 2_000)
        window = time_window(small)
        report.add("window shown, 2,000 ideas", [s * 1000 for s in window],
                   WINDOW_TARGET_S * 1000)
        large = make_data_dir(Path(folder) / "10k", 10_000)
        move, rename, write = time_edits(large)
        report.add("edit holds GUI thread: move an idea, 10,000 ideas", move, EDIT_TARGET_MS)
        report.add("edit holds GUI thread: workshop venue via form, 10,000 ideas", rename,
                   EDIT_TARGET_MS)
        print(f"  info commit on the writer thread (queue to saved): median "
              f"{sorted(write)[len(write) // 2]:.2f} ms", flush=True)
    exit_with(report)


if __name__ == "__main__":
    main()
