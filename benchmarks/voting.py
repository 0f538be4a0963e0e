"""Speed of phone voting, as the voting issue names it (offscreen, medians of 3 runs; fewer
when runs are slow: none starts after 120 s).

The app's side runs in this process as the app composes it: a store with a busy board
(2,000 notes, from ``benchmarks/board.py``), the main window (``StoreBridge``, ``MainWindow``)
shown with the Board page current, and the participants' server started the way the voting
page starts it (``LiveSession`` on the bridge's single writer, ``on_change`` to the bridge).
The ballot is a dots ballot (5 dots, at most 5 on one option) on the 20 notes of one
cluster of that board; the view is fitted to that cluster (scale about 0.7, all 20 notes
with their text and badges on screen), so every vote changes badges on screen. While the
phones vote, the facilitator's screen is kept busy: a 16 ms precise timer (a 60 Hz display)
scrolls the board by a pixel and repaints the whole view.

The phones are a separate process (``benchmarks/_phones.py``: asyncio, raw HTTP/1.1 on
127.0.0.1, one keep-alive connection per phone, bounded in count and time). Each phone
loads the join page (device cookie) and the ballot's form (submission id), then votes by
posting the form asking for JSON. A phone sends its votes one after another (the next after
the answer); every acknowledged post counts as one vote cast, and each replaces the
phone's previous vote (one ballot per device).

1. Burst, 300 phones: all load their pages, then all vote at once, 5 votes each (1,500).
   Votes per second: acknowledged votes / wall time of the voting phase (first post sent
   to last answer). POST p99: sent to answered, over all posts. Failed requests: any answer
   but 200 (and ``{"ok": true}`` for votes), any broken connection, any time-out, across
   the runs. Stored exactly once, read back from the database afterwards: every
   acknowledged submission has its rows (``client_vote_id`` derived from ballot, phone,
   submission, option) exactly once with its values, the phone's last one live and the
   earlier ones tombstoned, no rows besides, one ``cast_vote`` operation per acknowledged
   vote in the change log and each row's creation logged once. Frames per second: frames
   of the 60 Hz timer painted during the voting phase, divided by its length (at most
   62.5; a GUI thread held up by the votes paints fewer).
2. Realistic pace: 300 phones load their pages, then 850 votes arrive open-loop at 85 per
   second (Poisson arrivals) over 10 s. POST p99 as above. Vote to screen: from the moment
   the phone sends the post to the end of the first frame painted after the board page
   announced (``votes_shown``) vote totals that include the vote. "Include" is decided by
   time, not guessed: the vote's commit time is taken on the writer (when its operation's
   future completes), the start of each totals read is taken when the read begins (a
   wrapper around the page's ``vote_totals`` query, before SQLite takes its snapshot), so a
   totals read that started after the commit sees the vote; the page runs one totals read
   at a time, so each ``votes_shown`` belongs to the latest read started. Both processes
   take ``time.monotonic_ns()`` (CLOCK_MONOTONIC on Linux: one clock for the machine).

The figures hold for the store as the app configures it (``synchronous=NORMAL``);
``--synchronous full`` runs the same with ``synchronous=FULL`` (an experiment: the pragma is
patched in this process only).

Run from the repository root: ``python benchmarks/voting.py``. Exits 0 only when every
target is met.
"""

from __future__ import annotations

import argparse
import bisect
import importlib
import itertools
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks._report import Report, exit_with
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Operation, OpResult

# The board of benchmarks/board.py, imported by name: that script is not under strict mypy.
make_board: Callable[[Path, int], tuple[Store, uuid.UUID]] = importlib.import_module(
    "benchmarks.board").make_board

RUNS = 3
NOTES = 2_000
PHONES = 300
BURST_VOTES = 5
DOTS = 5
PACE_RATE = 85.0
PACE_SECONDS = 10.0
FRAME_MS = 16
PHONES_SCRIPT = Path(__file__).with_name("_phones.py")
# No further run starts after this long (a slow server makes each run long).
TIME_BUDGET_S = 120.0

BURST_RATE_TARGET = 600.0
BURST_P99_TARGET_MS = 500.0
FPS_TARGET = 45.0
PACE_P99_TARGET_MS = 25.0
SCREEN_P99_TARGET_MS = 50.0

# End of every painted frame of the board view (any paint: the display timer's or a badge
# update's), the end of every frame the 60 Hz timer asked for, and the start of the latest
# totals read.
FRAMES: list[int] = []
TICKS: list[int] = []
LAST_TOTALS_READ = [0]


def p99(values: list[float]) -> float:
    """Nearest-rank 99th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)] if ordered else math.inf


def _instrument() -> None:
    """Timestamps for every painted frame and every vote-totals read (this process only)."""
    from myk10_workshop.ui.board import page
    from myk10_workshop.ui.board.view import BoardView

    drawn = BoardView.drawForeground

    def draw_foreground(view: BoardView, painter: Any, rect: Any) -> None:
        drawn(view, painter, rect)
        FRAMES.append(time.monotonic_ns())

    setattr(BoardView, "drawForeground", draw_foreground)  # noqa: B010 - a patch
    totals: Callable[[Any, uuid.UUID], dict[uuid.UUID, int]] = getattr(  # noqa: B009
        page, "vote_totals")  # the page's own import of it

    def vote_totals(session: Any, board_id: uuid.UUID) -> dict[uuid.UUID, int]:
        LAST_TOTALS_READ[0] = time.monotonic_ns()
        return totals(session, board_id)

    setattr(page, "vote_totals", vote_totals)  # noqa: B010 - keeps mypy from objecting


def _full_sync() -> None:
    """The experiment: every connection of the store with ``synchronous=FULL``."""
    from myk10_workshop.store import database, engine

    pragmas = tuple("synchronous=FULL" if p.startswith("synchronous=") else p
                    for p in engine.STORE_PRAGMAS)
    setattr(engine, "STORE_PRAGMAS", pragmas)  # noqa: B010
    setattr(database, "STORE_PRAGMAS", pragmas)  # noqa: B010


@dataclass
class Outcome:
    """What one generator run and the app's side saw."""

    result: dict[str, Any]
    ballot_id: uuid.UUID

    @property
    def posts(self) -> list[list[Any]]:
        return [r for r in self.result["requests"] if r[0] == "vote"]

    @property
    def acked(self) -> list[list[Any]]:
        return sorted((r for r in self.posts if r[6]), key=lambda r: r[4])

    @property
    def window(self) -> tuple[int, int]:
        """The voting phase (to the last answer when the time limit cut it off)."""
        phases = self.result["phases"]
        start = phases.get("vote_start", 0)
        end = phases.get("vote_end") or max((r[4] for r in self.posts), default=start)
        return start, end

    @property
    def seconds(self) -> float:
        start, end = self.window
        return max(end - start, 1) / 1e9

    def failures(self, expected_votes: int) -> int:
        failed = sum(1 for r in self.result["requests"] if not r[6])
        return failed + max(0, expected_votes - len(self.posts))

    def post_ms(self) -> list[float]:
        return [(r[4] - r[3]) / 1e6 for r in self.posts]

    def frames(self) -> tuple[float, float]:
        """Frames per second in the voting phase (of the 60 per second the display timer
        asks for) and the longest gap between them (ms)."""
        start, end = self.window
        inside = [t for t in TICKS if start <= t <= end]
        edges = [start, *inside, end]
        gap = max(b - a for a, b in itertools.pairwise(edges)) / 1e6
        return len(inside) / self.seconds, gap


class Bench:
    """The app as a facilitator has it open, with the participants' server running."""

    def __init__(self, folder: Path) -> None:
        from PySide6.QtCore import Qt, QTimer
        from sqlalchemy import select

        from myk10_workshop.store.schema import Board, Cluster, Idea
        from myk10_workshop.ui.bridge import StoreBridge
        from myk10_workshop.ui.main_window import MainWindow
        from myk10_workshop.voting.server.session import LiveSession

        self.folder = folder
        self.store, self.workshop_id = make_board(folder, NOTES)
        workshop_id = self.workshop_id
        board_id = self.store.read(lambda s: s.scalar(
            select(Board.id).where(Board.workshop_id == workshop_id)))
        cluster_id = self.store.read(lambda s: s.scalar(
            select(Cluster.id).where(Cluster.title == "Cluster 0")))
        assert board_id is not None and cluster_id is not None
        self.board_id: uuid.UUID = board_id
        self.option_ideas: set[uuid.UUID] = set(self.store.read(lambda s: s.scalars(
            select(Idea.id).where(Idea.cluster_id == cluster_id)).all()))
        self.bridge = StoreBridge(self.store)
        self.window = MainWindow(self.bridge, folder, "de")
        self.window.show()
        self.wait_for(self.window.is_ready)
        self.window.navigator.select("workshop", workshop_id)
        self.page = self.window.show_board()
        self.wait_for(lambda: self.page.snapshot is not None
                      and len(self.page.scene.notes) == NOTES)
        self.view = self.page.view
        self.view.fit(self.page.scene.clusters[cluster_id].sceneBoundingRect())
        self.commits: dict[str, int] = {}
        # (when votes_shown was emitted, when the totals read it shows began)
        self.shown: list[tuple[int, int]] = []
        self.page.votes_shown.connect(
            lambda: self.shown.append((time.monotonic_ns(), LAST_TOTALS_READ[0])))
        self.session = LiveSession(self.store, self._submit, workshop_id, "Benchmark",
                                   on_change=self.bridge.external_change)
        self.info = self.session.start("127.0.0.1")
        # What the writer's connection really runs with (0 OFF, 1 NORMAL, 2 FULL).
        self.synchronous = self.store.read(
            lambda s: s.connection().exec_driver_sql("PRAGMA synchronous").scalar())
        self._step = 1
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._frame)
        self.timer.start()
        self.ballot_id: uuid.UUID | None = None
        self.runs = 0

    def _submit(self, operation: Operation) -> Future[OpResult]:
        """The writer's submit, noting when each vote is committed."""
        from myk10_workshop.voting.operations import CastVote

        future = self.bridge.writer.submit(operation)
        if isinstance(operation, CastVote):
            def committed(_done: Future[OpResult], key: str = operation.submission_id) -> None:
                self.commits.setdefault(key, time.monotonic_ns())

            future.add_done_callback(committed)
        return future

    def _frame(self) -> None:
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + self._step)
        self._step = -self._step
        self.view.viewport().repaint()
        TICKS.append(time.monotonic_ns())

    @staticmethod
    def wait_for(condition: Callable[[], bool], timeout: float = 30.0,
                 give_up: bool = True) -> None:
        """Run the event loop until ``condition`` holds (or, without ``give_up``, until
        ``timeout``)."""
        from PySide6.QtCore import QEventLoop, QTimer

        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                if not give_up:
                    return
                raise SystemExit("timed out waiting for the app")
            loop = QEventLoop()
            QTimer.singleShot(5, loop.quit)
            loop.exec()

    def settle(self) -> None:
        """Writes done (the server may still be saving votes whose phones gave up), their
        results on screen (final totals painted)."""
        deadline = time.monotonic() + 60.0
        while True:
            before = len(self.commits)
            self.bridge.wait_idle(30.0)
            self.wait_for(lambda: False, timeout=0.3, give_up=False)
            if len(self.commits) == before or time.monotonic() > deadline:
                break
        last = max(self.commits.values(), default=0)

        def done() -> bool:
            self.view.viewport().update()  # a frame even when no badge changed
            return (not self.bridge._pending and bool(self.shown)
                    and self.shown[-1][1] >= last and FRAMES[-1] > self.shown[-1][0])

        self.wait_for(done)

    def new_ballot(self, title: str) -> tuple[uuid.UUID, list[uuid.UUID]]:
        """Close the previous ballot; open a dots ballot on the cluster's notes."""
        from myk10_workshop.voting import operations as voting
        from myk10_workshop.voting.queries import load_ballot

        if self.ballot_id is not None:
            self.bridge.submit(voting.close_ballot(self.ballot_id))
        board_id, wanted = self.board_id, self.option_ideas
        specs = self.store.read(lambda s: voting.options_from_board(
            s, board_id, source="ideas", only=wanted))
        batch = voting.create_ballot(self.workshop_id, "dots", title, board_id=board_id,
                                     settings={"dots_per_person": DOTS,
                                               "max_per_option": DOTS}, options=specs)
        ballot_id = batch.operations[0].id  # type: ignore[attr-defined]
        self.bridge.submit(batch)
        self.bridge.submit(voting.open_ballot(ballot_id))
        self.bridge.wait_idle()
        self.wait_for(lambda: not self.bridge._pending)
        view = self.store.read(lambda s: load_ballot(s, ballot_id))
        assert view is not None and len(view.options) == len(wanted)
        self.ballot_id = ballot_id
        return ballot_id, [option.id for option in view.options]

    def phones(self, mode: str, seed: int, limit: float) -> Outcome:
        """Run the load generator in its own process while this event loop runs on."""
        from PySide6.QtCore import QEventLoop, QTimer

        ballot_id, options = self.new_ballot(f"{mode} {seed}")
        self.runs += 1
        out = self.folder / f"phones-{self.runs}.json"
        command = [sys.executable, str(PHONES_SCRIPT), "run", "--url", self.info_url,
                   "--ballot", str(ballot_id), "--options", ",".join(map(str, options)),
                   "--mode", mode, "--phones", str(PHONES), "--votes", str(BURST_VOTES),
                   "--rate", str(PACE_RATE), "--duration", str(PACE_SECONDS),
                   "--dots", str(DOTS), "--max-per-option", str(DOTS), "--seed", str(seed),
                   "--limit", str(limit), "--out", str(out)]
        errors = self.folder / f"phones-{self.runs}.err"
        with errors.open("w") as stderr:
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
            deadline = time.monotonic() + limit + 20.0
            loop = QEventLoop()

            def look() -> None:
                if process.poll() is not None or time.monotonic() > deadline:
                    loop.quit()

            poll = QTimer()
            poll.timeout.connect(look)
            poll.start(10)
            loop.exec()
            poll.stop()
            if process.poll() is None:
                process.kill()
                process.wait()
        if process.returncode != 0 or not out.exists():
            raise SystemExit(f"the load generator failed: {errors.read_text()[-2000:]}")
        self.settle()
        return Outcome(json.loads(out.read_text()), ballot_id)

    @property
    def info_url(self) -> str:
        return self.info.join_url

    def check(self, outcome: Outcome) -> tuple[int, int]:
        """(votes not stored exactly once, notes whose badge differs from the stored total),
        read back from the database after the run.

        An acknowledged vote must have all its rows once, with its values; a phone's last
        acknowledged vote is live, its earlier ones tombstoned. A vote sent but never
        answered (a broken connection, the time limit) may be stored or not, but whole or
        not at all; then only one of the phone's votes may be live. No other rows; one
        ``cast_vote`` operation per stored vote in the change log, each row's creation
        logged once.
        """
        from sqlalchemy import func, select

        from myk10_workshop.board.queries import vote_totals
        from myk10_workshop.store.operations import CREATED
        from myk10_workshop.store.schema import ChangeLogEntry, Vote
        from myk10_workshop.voting.operations import client_vote_id

        ballot_id = outcome.ballot_id
        service = self.session.service
        voters = [service.voter_hash(device) if device else "" for device in
                  outcome.result["devices"]]
        rows = {row.client_vote_id: row for row in self.store.read(lambda s: s.execute(
            select(Vote.client_vote_id, Vote.voter_hash, Vote.option_id, Vote.value,
                   Vote.deleted).where(Vote.ballot_id == ballot_id)).all())}
        wrong = 0
        expected: set[str] = set()
        stored = 0
        by_phone: dict[int, list[tuple[bool, bool]]] = {}  # per vote sent: (acked, live)
        for _kind, phone, *_times, _status, ok, submission in sorted(
                outcome.posts, key=lambda r: r[3]):
            voter = voters[phone]
            keys = {client_vote_id(ballot_id, voter, submission, uuid.UUID(option)):
                    (option, dots)
                    for option, dots in outcome.result["choices"][submission].items()}
            expected.update(keys)
            found = {key: rows[key] for key in keys if key in rows}
            whole = bool(voter) and len(found) == len(keys) and all(
                row.voter_hash == voter and str(row.option_id) == keys[key][0]
                and row.value == keys[key][1] for key, row in found.items())
            tombstones = sum(bool(row.deleted) for row in found.values())
            live = whole and not tombstones
            if ok or found:
                stored += 1
                # An acknowledged vote missing, a vote stored in part or only partly replaced.
                wrong += not whole or 0 < tombstones < len(found)
                by_phone.setdefault(phone, []).append((ok, live))
        for votes in by_phone.values():
            if all(ok for ok, _live in votes):
                wrong += sum(live != (n == len(votes) - 1) for n, (_ok, live) in enumerate(votes))
            else:
                wrong += sum(live for _ok, live in votes) != 1
        wrong += len(set(rows) - expected)  # rows no vote asked for

        def logged(s: Any) -> tuple[int, int, int]:
            log = ChangeLogEntry
            joined = select(log.op_id, log.entity_id, log.field).join(
                Vote, Vote.id == log.entity_id).where(
                log.entity == "vote", Vote.ballot_id == ballot_id).subquery()
            operations = s.scalar(select(func.count(joined.c.op_id.distinct())))
            creations = s.execute(select(joined.c.entity_id, func.count()).where(
                joined.c.field == CREATED).group_by(joined.c.entity_id)).all()
            return (operations, len(creations),
                    sum(1 for _id, count in creations if count != 1))

        operations, created, doubled = self.store.read(logged)
        wrong += abs(operations - stored) + abs(created - len(rows)) + doubled
        board_id = self.board_id
        totals = self.store.read(lambda s: vote_totals(s, board_id))
        screen = sum(1 for idea_id, note in self.page.scene.notes.items()
                     if note.votes != totals.get(idea_id, 0))
        return wrong, screen

    def to_screen(self, outcome: Outcome) -> tuple[list[float], list[list[float]]]:
        """Per acknowledged vote: sent to painted (ms); and its parts: sent to committed,
        committed to shown, shown to painted."""
        reads = [read for _shown, read in self.shown]
        latencies, parts = [], []
        for r in outcome.acked:
            sent, committed = r[3], self.commits.get(r[7])
            index = len(reads) if committed is None else bisect.bisect_left(reads, committed)
            if index == len(reads):
                latencies.append(math.inf)
                continue
            shown = self.shown[index][0]
            frame = FRAMES[bisect.bisect_right(FRAMES, shown)] if FRAMES[-1] > shown else None
            if frame is None or committed is None:
                latencies.append(math.inf)
                continue
            latencies.append((frame - sent) / 1e6)
            parts.append([(committed - sent) / 1e6, (shown - committed) / 1e6,
                          (frame - shown) / 1e6])
        return latencies, parts

    def close(self) -> None:
        from myk10_workshop.ui.application import dispose

        self.timer.stop()
        self.session.stop()
        self.window.close()
        self.bridge.close()
        dispose(self.window, self.bridge)
        self.store.close()


def generator_capacity() -> tuple[float, float]:
    """The generator alone, against a server that does nothing: votes per second of the
    burst and the client's CPU time per vote (ms)."""
    with tempfile.TemporaryDirectory(prefix="myk10-phones-") as folder:
        server = subprocess.Popen([sys.executable, str(PHONES_SCRIPT), "serve"],
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            port = int(server.stdout.readline())
            out = Path(folder) / "null.json"
            subprocess.run([sys.executable, str(PHONES_SCRIPT), "run", "--url",
                            f"http://127.0.0.1:{port}/token/", "--ballot", "b",
                            "--options", ",".join(str(uuid.uuid4()) for _ in range(20)),
                            "--mode", "burst", "--phones", str(PHONES), "--votes",
                            str(BURST_VOTES), "--limit", "30", "--out", str(out)],
                           check=True, timeout=60)
        finally:
            server.kill()
            server.wait()
        outcome = Outcome(json.loads(out.read_text()), uuid.uuid4())
        return (len(outcome.acked) / outcome.seconds,
                outcome.result["cpu"]["vote"] * 1000 / max(1, len(outcome.acked)))


def _info(text: str) -> None:
    print(f"  info {text}", flush=True)


def _summary(values: list[float]) -> str:
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return "none"
    return (f"p50 {statistics.median(finite):.1f}, p99 {p99(finite):.1f}, "
            f"max {max(finite):.1f}")


@dataclass
class Figures:
    """Each run's figures, and counts summed over the runs."""

    burst_rate: list[float] = field(default_factory=list)
    burst_p99: list[float] = field(default_factory=list)
    burst_fps: list[float] = field(default_factory=list)
    pace_p99: list[float] = field(default_factory=list)
    screen_p99: list[float] = field(default_factory=list)
    # [burst, pace]
    failed: list[int] = field(default_factory=lambda: [0, 0])
    not_once: list[int] = field(default_factory=lambda: [0, 0])
    badges: list[int] = field(default_factory=lambda: [0, 0])


def burst_run(bench: Bench, run: int, figures: Figures) -> None:
    burst = bench.phones("burst", 100 + run, limit=60.0)
    wrong, screen = bench.check(burst)
    fps, gap = burst.frames()
    figures.burst_rate.append(len(burst.acked) / burst.seconds)
    figures.burst_p99.append(p99(burst.post_ms()))
    figures.burst_fps.append(fps)
    figures.failed[0] += burst.failures(PHONES * BURST_VOTES)
    figures.not_once[0] += wrong
    figures.badges[0] += screen
    phases = burst.result["phases"]
    loaded = (phases.get("load_end", 0) - phases.get("load_start", 0)) / 1e9
    _info(f"run {run + 1} burst: {len(burst.acked)} votes in {burst.seconds:.2f} s = "
          f"{figures.burst_rate[-1]:.0f} votes/s; POST ms {_summary(burst.post_ms())}; "
          f"{fps:.1f} fps, longest frame gap {gap:.0f} ms; pages of {PHONES} phones loaded "
          f"in {loaded:.2f} s; generator CPU "
          f"{burst.result['cpu'].get('vote', 0.0) / burst.seconds:.0%} of a core; "
          f"not stored once {wrong}, badges off {screen}; errors {burst.result['errors'][:3]}")


def pace_run(bench: Bench, run: int, figures: Figures) -> None:
    pace = bench.phones("pace", 200 + run, limit=PACE_SECONDS + 30.0)
    wrong, screen = bench.check(pace)
    latencies, parts = bench.to_screen(pace)
    fps, gap = pace.frames()
    figures.pace_p99.append(p99(pace.post_ms()))
    figures.screen_p99.append(p99(latencies))
    figures.failed[1] += pace.failures(round(PACE_RATE * PACE_SECONDS))
    figures.not_once[1] += wrong + sum(1 for v in latencies if not math.isfinite(v))
    figures.badges[1] += screen
    late = [(r[3] - r[2]) / 1e6 for r in pace.posts]
    steps = "; ".join(f"{name} {_summary([p[i] for p in parts])}" for i, name in enumerate(
        ("sent>committed", "committed>shown", "shown>painted")))
    _info(f"run {run + 1} pace: {len(pace.acked)} votes at "
          f"{len(pace.acked) / pace.seconds:.1f}/s; POST ms {_summary(pace.post_ms())}; "
          f"to screen ms {_summary(latencies)} ({steps}); {fps:.1f} fps, longest frame gap "
          f"{gap:.0f} ms; generator late p99 {p99(late):.1f} ms; not stored once {wrong}, "
          f"badges off {screen}; errors {pace.result['errors'][:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Phone voting speed.")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--synchronous", choices=("normal", "full"), default="normal",
                        help="SQLite synchronous of the store (full: an experiment)")
    args = parser.parse_args()
    if args.synchronous == "full":
        _full_sync()
    from myk10_workshop.ui.application import Translations, create_application

    app = create_application([sys.argv[0]])
    Translations(app).install("de")
    _instrument()
    report = Report("voting")
    report.header()
    rate, cpu = generator_capacity()
    _info(f"load generator alone (do-nothing server): {rate:,.0f} votes/s in the burst, "
          f"{cpu:.3f} ms client CPU per vote")
    _info(f"store synchronous={args.synchronous.upper()}; {NOTES:,} notes, {PHONES} phones, "
          f"board view repainted every {FRAME_MS} ms; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    figures = Figures()
    started = time.monotonic()
    for run in range(args.runs):
        if run and time.monotonic() - started > TIME_BUDGET_S:
            _info(f"stopped after {run} run(s): over the time budget of {TIME_BUDGET_S:.0f} s")
            break
        with tempfile.TemporaryDirectory(prefix="myk10-voting-") as folder:
            bench = Bench(Path(folder))
            if not run:
                _info(f"PRAGMA synchronous of the store's connections: {bench.synchronous}")
            try:
                burst_run(bench, run, figures)
                pace_run(bench, run, figures)
            finally:
                bench.close()
    report.add_at_least("burst: votes per second", statistics.median(figures.burst_rate),
                        BURST_RATE_TARGET, "votes/s")
    report.add("burst: POST p99", figures.burst_p99, BURST_P99_TARGET_MS)
    report.add("burst: failed requests, all runs", [float(figures.failed[0])], 0.0,
               "requests")
    report.add("burst: acknowledged votes not stored exactly once, all runs",
               [float(figures.not_once[0])], 0.0, "votes")
    report.add("burst: badges differing from the stored totals, all runs",
               [float(figures.badges[0])], 0.0, "notes")
    report.add_at_least("burst: GUI frames per second", statistics.median(figures.burst_fps),
                        FPS_TARGET, "fps")
    report.add("pace: POST p99", figures.pace_p99, PACE_P99_TARGET_MS)
    report.add("pace: vote to screen p99", figures.screen_p99, SCREEN_P99_TARGET_MS)
    report.add("pace: failed requests, all runs", [float(figures.failed[1])], 0.0, "requests")
    report.add("pace: acknowledged votes not stored (or not shown) exactly once, all runs",
               [float(figures.not_once[1])], 0.0, "votes")
    report.add("pace: badges differing from the stored totals, all runs",
               [float(figures.badges[1])], 0.0, "notes")
    exit_with(report)


if __name__ == "__main__":
    main()
