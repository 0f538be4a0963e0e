"""Speed of agenda re-timing, as the agenda planner issue names it (medians).

An agenda of 200 blocks over 3 days: short blocks with a pinned block about every twelfth
(some pins leave gaps, some are overrun, so warnings and squeezed blocks are computed too),
every eighth block split into ten parallel working groups (one without a room).

- plan: ``schedule`` of the whole agenda, as after every edit in the planner;
- live: the same with ``now`` in the middle of day 2, 30 blocks run and one running, as on
  every tick of the live clock;
- from views: the snapshot the UI holds turned into timing input, then timed (what a view
  does after a change).

Target for each: 5 ms. Run from the repository root: ``python benchmarks/agenda.py``.
Exits 0 only when every target is met.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import Report, exit_with
from myk10_workshop.agenda.queries import (
    AgendaView,
    BlockView,
    DayView,
    TrackView,
    agenda_schedule,
    to_day_plans,
)
from myk10_workshop.agenda.timing import Schedule, schedule

BLOCKS = 200
DAYS = 3
RUNS = 300
TARGET_MS = 5.0
FIRST_DAY = dt.date(2022, 1, 20)
# Blocks of day 2 already run; the next one is running, 8 minutes over its time.
RUN_BLOCKS = 30
OVERRUN = dt.timedelta(minutes=8)


def make_agenda(seed: int = 5) -> AgendaView:
    """A plausible three-day agenda of ``BLOCKS`` blocks (see the module's docstring)."""
    rng = random.Random(seed)
    per_day = [BLOCKS // DAYS + (1 if i < BLOCKS % DAYS else 0) for i in range(DAYS)]
    days = []
    for number, count in enumerate(per_day):
        day_id = uuid.uuid4()
        date = FIRST_DAY + dt.timedelta(days=number)
        days.append(DayView(day_id, uuid.uuid4(), date, dt.time(8, 0), f"a{number}",
                            _blocks(rng, day_id, date, count, live=number == 1)))
    return AgendaView(uuid.uuid4(), "Benchmark", FIRST_DAY, FIRST_DAY, tuple(days))


def _blocks(rng: random.Random, day_id: uuid.UUID, date: dt.date, count: int, *,
            live: bool) -> tuple[BlockView, ...]:
    blocks = []
    clock = 8 * 60
    start_of_day = dt.datetime.combine(date, dt.time())
    # Reality on the live day: a little late from the start, blocks a little off.
    real = start_of_day + dt.timedelta(minutes=clock + 3)
    for index in range(count):
        duration = rng.randint(5, 15)
        pinned = None
        if index and index % 12 == 0:
            # Around where the block would fall: some gaps, some overlaps.
            pin = clock + rng.choice((-10, -5, 0, 5, 15))
            pinned = dt.time(*divmod(pin, 60))
            clock = pin
        tracks: tuple[TrackView, ...] = ()
        if index % 8 == 4:
            tracks = tuple(TrackView(uuid.uuid4(), f"AG {n}", "" if n == 9 else f"Raum {n}",
                                     "Moderation", None, f"a{n}") for n in range(10))
        actual_start = actual_end = None
        if live and index <= RUN_BLOCKS:
            # Stored times are UTC; the benchmark's zone is UTC too.
            actual_start = real
            if index < RUN_BLOCKS:
                actual_end = real + dt.timedelta(minutes=duration + rng.randint(-2, 4))
                real = actual_end + dt.timedelta(minutes=rng.randint(0, 2))
        blocks.append(BlockView(
            uuid.uuid4(), day_id, f"a{index:03d}", f"Block {index}", duration,
            rng.choice(("Plenum", "Pause", "Arbeitsphase")), "", "", "", "", "", False,
            pinned, None, None, actual_start, actual_end, tracks))
        clock += duration
    return tuple(blocks)


def timed(action: Callable[[], Schedule], runs: int = RUNS) -> tuple[list[float], Schedule]:
    samples = []
    result = action()  # warm-up
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples, result


def main() -> None:
    report = Report("agenda")
    report.header()
    agenda = make_agenda()
    plans = to_day_plans(agenda.days, dt.UTC)
    blocks = sum(len(day.blocks) for day in plans)
    tracks = sum(len(block.tracks) for day in plans for block in day.blocks)
    print(f"  {blocks} blocks over {len(plans)} days, {tracks} working groups", flush=True)

    running_block = agenda.days[1].blocks[RUN_BLOCKS]
    assert running_block.actual_start is not None
    now = running_block.actual_start + dt.timedelta(minutes=running_block.duration_min) + OVERRUN

    samples, planned = timed(lambda: schedule(plans))
    print(f"  plan: {len(planned.warnings)} warnings", flush=True)
    report.add("plan (200 blocks, 3 days)", samples, TARGET_MS)

    samples, live = timed(lambda: schedule(plans, now))
    running = live.running
    squeezed = sum(len(day.squeezed) for day in live.days)
    if running is None:
        raise SystemExit("benchmark agenda is not live: no running block")
    print(f"  live at {now:%H:%M}: running block {running.start_time:%H:%M}-"
          f"{running.end_time:%H:%M}, {running.shift} min late, {squeezed} squeezed blocks",
          flush=True)
    report.add("live re-timing", samples, TARGET_MS)

    samples, _ = timed(lambda: agenda_schedule(agenda, now, dt.UTC))
    report.add("from views, live", samples, TARGET_MS)
    exit_with(report)


if __name__ == "__main__":
    main()
