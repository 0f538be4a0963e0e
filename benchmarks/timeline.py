"""Speed of the timeline, as the timeline issue names it (offscreen, medians).

A plan of 500 milestones, 300 measures and 400 dependencies over eight years, in two
phases and ten fields of action, with a baseline:

- open: from asking for the project to the first painted frame (read, build the scene,
  lay it out, paint);
- pan frame: the chart moves 40 px and repaints, at a working zoom (months) across and
  down, and down with the whole plan across (every bar in view);
- zoom step: one step in time (x1.25) at the working zoom, laid out again and painted;
- drag frame: one mouse move while dragging a milestone (preview and its arrows).

Run from the repository root: ``python benchmarks/timeline.py``. Exits 0 only when every
target is met.
"""

from __future__ import annotations

import datetime as dt
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
from myk10_workshop.i18n import QT_TRANSLATE_NOOP
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import BulkCreate, Create
from myk10_workshop.timeline import operations as ops
from myk10_workshop.timeline.rules import ItemRef

RUNS = 9
MILESTONES = 500
MEASURES = 300
DEPENDENCIES = 400
START = dt.date(2020, 1, 1)
END = dt.date(2027, 12, 31)
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#17becf", "#bcbd22",
           "#e377c2", "#8c564b", "#7f7f7f")
WORDS = ("Bürgerportal", "Datenplattform", "Mobilität", "Glasfaser", "Beteiligung",
         "Schule", "Praxis", "Ehrenamt", "Klima", "Abschluss", "Start", "Pilot", "Kreistag",
         "Evaluation", "Workshop", "Ausschreibung", "Konzept", "Vergabe")

# Every figure the issue names, and the one the facilitator feels when dragging.
TARGETS = {"open": 500.0, "pan": 4.0, "zoom": 100.0, "drag": 16.0}


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5)))


def make_plan(folder: Path) -> tuple[Store, uuid.UUID]:
    """The plan, written in one bulk operation (plus a baseline)."""
    store = Store.open(folder / "timeline.sqlite3")
    project = Create("project", {"name": "Benchmark", "starts_on": START, "ends_on": END})
    store.apply(project)
    rng = random.Random(7)
    rows: list[tuple[str, uuid.UUID, dict[str, Any]]] = []
    split = dt.date(2022, 12, 31)
    phases = [(uuid.uuid4(), "Phase A: Strategie", START, split, "#3b6ea5"),
              (uuid.uuid4(), "Phase B: Umsetzung", split + dt.timedelta(days=1), END,
               "#4e9a55")]
    for phase_id, name, starts_on, ends_on, colour in phases:
        rows.append(("phase", phase_id, {"project_id": project.id, "name": name,
                                         "starts_on": starts_on, "ends_on": ends_on,
                                         "colour": colour}))
    fields = [uuid.uuid4() for _ in COLOURS]
    for index, (field_id, colour) in enumerate(zip(fields, COLOURS, strict=True)):
        rows.append(("field_of_action", field_id, {"project_id": project.id,
                                                   "name": f"Handlungsfeld {index + 1}",
                                                   "colour": colour}))
    span = (END - START).days
    items: list[tuple[dt.date, ItemRef]] = []
    for _ in range(MILESTONES):
        milestone_id = uuid.uuid4()
        due = START + dt.timedelta(days=rng.randrange(span))
        phase = phases[0][0] if due <= split else phases[1][0]
        rows.append(("milestone", milestone_id, {
            "project_id": project.id, "title": _title(rng), "due_on": due,
            "status": rng.choice(("planned", "done", "late")), "phase_id": phase}))
        items.append((due, ItemRef("milestone", milestone_id)))
    for _ in range(MEASURES):
        measure_id = uuid.uuid4()
        starts = START + dt.timedelta(days=rng.randrange(span - 100))
        ends = min(END, starts + dt.timedelta(days=rng.randint(60, 900)))
        rows.append(("measure", measure_id, {
            "project_id": project.id, "title": _title(rng), "starts_on": starts,
            "ends_on": ends, "field_of_action_id": rng.choice(fields),
            "status": rng.choice(("proposed", "planned", "in_progress", "done"))}))
        items.append((starts, ItemRef("measure", measure_id)))
    # Links only from an earlier item to a later one: no circles, as a real plan.
    items.sort()
    links: set[tuple[ItemRef, ItemRef]] = set()
    while len(links) < DEPENDENCIES:
        first = rng.randrange(len(items) - 1)
        second = min(len(items) - 1, first + rng.randint(1, 40))
        links.add((items[first][1], items[second][1]))
    for predecessor, successor in sorted(links):
        rows.append(("dependency", uuid.uuid4(),
                     ops.dependency_values(project.id, predecessor, successor)))
    store.apply(BulkCreate(tuple(rows), QT_TRANSLATE_NOOP("Operation", "Import")))
    store.apply(ops.take_baseline(project.id, "Kick-off"))
    return store, project.id


class Bench:
    """A timeline page over the plan, at a laptop's size."""

    def __init__(self, folder: Path) -> None:
        from myk10_workshop.ui.bridge import StoreBridge
        from myk10_workshop.ui.timeline.page import TimelinePage

        self.store, self.project_id = make_plan(folder)
        self.bridge = StoreBridge(self.store)
        self.page = TimelinePage(self.bridge)
        self.page.resize(1366, 768)
        self.page.show()
        self.paint()

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
        """Ask for the project, wait until its timeline is on screen, paint it."""
        opened = []
        done: list[int] = []

        def arrived() -> None:
            done.append(1)

        self.page.loaded.connect(arrived)
        for _ in range(RUNS):
            self.page.show_project(None)
            self.paint()
            done.clear()
            start = time.perf_counter()
            self.page.show_project(self.project_id)
            self.wait_for(lambda: bool(done))
            self.paint()
            opened.append((time.perf_counter() - start) * 1000)
        self.page.loaded.disconnect(arrived)
        scene = self.page.scene
        shown = (len(scene.milestones), len(scene.measures), len(scene.dependencies))
        if shown != (MILESTONES, MEASURES, DEPENDENCIES):
            raise SystemExit(f"the chart shows {shown}, not the whole plan")
        return opened

    def close(self) -> None:
        self.page.close()
        self.bridge.close()
        self.store.close()
        self.paint()


def _pan(bench: Bench, vertical: bool) -> list[float]:
    view = bench.page.view
    bar = view.verticalScrollBar() if vertical else view.horizontalScrollBar()
    bar.setValue(bar.minimum() + (bar.maximum() - bar.minimum()) // 3)
    bench.paint()
    direction = [40]

    def step(_index: int) -> None:
        if not bar.minimum() <= bar.value() + direction[0] <= bar.maximum():
            direction[0] = -direction[0]
        bar.setValue(bar.value() + direction[0])

    return bench.frames(step)


def _drag_frames(bench: Bench) -> list[float]:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    view = bench.page.view
    centre = view.visible_scene_rect().center()
    milestone = min(
        (m for m in bench.page.scene.milestones.values() if m.label_shown),
        key=lambda m: (m.scenePos() - centre).manhattanLength())
    viewport = view.viewport()
    at = view.mapFromScene(milestone.scenePos())

    def send(kind: QEvent.Type, point: Any, buttons: Any) -> None:
        button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else (
            Qt.MouseButton.NoButton)
        QApplication.sendEvent(viewport, QMouseEvent(
            kind, QPointF(point), QPointF(viewport.mapToGlobal(point)), button, buttons,
            Qt.KeyboardModifier.NoModifier))

    send(QEvent.Type.MouseButtonPress, at, Qt.MouseButton.LeftButton)
    samples = []
    for step in range(1, RUNS + 1):
        point = at + type(at)(step * 9, 0)
        start = time.perf_counter()
        send(QEvent.Type.MouseMove, point, Qt.MouseButton.LeftButton)
        bench.paint()
        samples.append((time.perf_counter() - start) * 1000)
    view.cancel_drag()
    send(QEvent.Type.MouseButtonRelease, at, Qt.MouseButton.NoButton)
    return samples


def measure(report: Report) -> None:
    label = f"{MILESTONES} milestones, {MEASURES} measures, {DEPENDENCIES} dependencies"
    with tempfile.TemporaryDirectory(prefix="myk10-timeline-") as folder:
        bench = Bench(Path(folder))
        report.add(f"open the timeline, {label}", bench.open_times(), TARGETS["open"])
        view = bench.page.view
        view.set_scale(3.0)  # months written out: the working zoom
        bench.paint()
        report.add("pan frame across, months", _pan(bench, vertical=False), TARGETS["pan"])
        report.add("pan frame down, months", _pan(bench, vertical=True), TARGETS["pan"])
        report.add("zoom step, months", bench.frames(
            lambda step: view.zoom_by(1.25 if step % 2 == 0 else 0.8)), TARGETS["zoom"])
        view.set_scale(3.0)
        bench.paint()
        report.add("drag frame, months", _drag_frames(bench), TARGETS["drag"])
        view.fit_all()
        bench.paint()
        report.add("pan frame down, whole plan across", _pan(bench, vertical=True),
                   TARGETS["pan"])
        bench.close()


def main() -> None:
    from myk10_workshop.ui.application import create_application

    create_application([sys.argv[0]])
    report = Report("timeline")
    report.header()
    measure(report)
    exit_with(report)


if __name__ == "__main__":
    main()
