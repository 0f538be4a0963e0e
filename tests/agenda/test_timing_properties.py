"""Properties of the timing over many random agendas, drawn by Hypothesis.

Whatever the input: pinned blocks never move, no unpinned block starts before the blocks
before it have ended, totals add up, every pin that does not fit is reported, and on a live
day what happened stays where it happened and nothing still to come starts in the past.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from myk10_workshop.agenda.timing import (
    BlockPlan,
    BlockState,
    DayPlan,
    DaySchedule,
    TrackPlan,
    WarningKind,
    minutes_of,
    schedule,
)

# Hypothesis draws the random source: a failing agenda is shrunk and replayed from its
# database; 200 examples per property keep the suite quick.
EXAMPLES = 200


def random_agendas(test: Callable[..., None]) -> Callable[..., None]:
    """Run ``test`` on agendas drawn from a random source Hypothesis controls."""
    return settings(max_examples=EXAMPLES, deadline=None)(
        given(rng=st.randoms(use_true_random=False))(test))
DATE = dt.date(2022, 1, 20)
MIDNIGHT = dt.datetime.combine(DATE, dt.time())
OVERLAPS = {WarningKind.OVERLAP, WarningKind.PIN_INSIDE_BLOCK, WarningKind.PINS_OUT_OF_ORDER,
            WarningKind.PIN_BEFORE_DAY_START}


def random_day(rng: random.Random, *, live: bool = False) -> DayPlan:
    blocks = []
    for _ in range(rng.randint(0, 25)):
        minutes = rng.choice((0, -5, *range(5, 125, 5))) if rng.random() < 0.9 else 0
        pin = None
        if rng.random() < 0.2:
            pin = dt.time(rng.randint(6, 22), rng.choice((0, 15, 30, 45)))
        tracks = tuple(TrackPlan(uuid.uuid4(), rng.choice(("", "Raum 1", "Raum 2", "Saal")))
                       for _ in range(rng.choice((0, 0, 0, 2, 5))))
        blocks.append(BlockPlan(uuid.uuid4(), minutes, pin, tracks,
                                rng.choice(("", "Plenum", "Pause"))))
    start = dt.time(rng.randint(6, 12), rng.choice((0, 30)))
    if live and blocks:
        blocks = _run_some(rng, blocks, start)
    return DayPlan(uuid.uuid4(), start, tuple(blocks), DATE)


def _run_some(rng: random.Random, blocks: list[BlockPlan], start: dt.time) -> list[BlockPlan]:
    """The first blocks have run (one perhaps still running), at times near the plan."""
    ran = rng.randint(0, len(blocks))
    clock = MIDNIGHT + dt.timedelta(minutes=minutes_of(start) + rng.randint(-5, 20))
    result = []
    for index, plan in enumerate(blocks):
        if index >= ran:
            result.append(plan)
            continue
        begin = clock
        clock += dt.timedelta(minutes=max(plan.duration_min, 0) + rng.randint(-10, 15))
        clock = max(clock, begin)
        running = index == ran - 1 and rng.random() < 0.5
        result.append(BlockPlan(plan.id, plan.duration_min, plan.pinned_at, plan.tracks,
                                plan.category, begin, None if running else clock))
        clock += dt.timedelta(minutes=rng.randint(0, 5))
    return result


def case(rng: random.Random, *, live: bool = False,
         ) -> tuple[DayPlan, dt.datetime | None, DaySchedule]:
    """One random day (with the clock of a live day), and its timing."""
    plan = random_day(rng, live=live)
    now = MIDNIGHT + dt.timedelta(minutes=rng.randint(6 * 60, 20 * 60)) if live else None
    actual_ends = [b.actual_end or b.actual_start for b in plan.blocks
                   if b.actual_start is not None]
    if now is not None and actual_ends:
        now = max(now, *[end for end in actual_ends if end is not None])
    return plan, now, schedule([plan], now).days[0]


def _offset(value: dt.datetime) -> int:
    return int((value - MIDNIGHT).total_seconds() // 60)


@pytest.mark.parametrize("live", [False, True])
@random_agendas
def test_pinned_blocks_that_have_not_run_never_move(rng: random.Random, live: bool) -> None:
    plan, _now, timed = case(rng, live=live)
    for block, slot in zip(plan.blocks, timed.slots, strict=True):
        if block.pinned_at is not None and block.actual_start is None:
            assert slot.start == minutes_of(block.pinned_at)
            assert slot.planned_start == slot.start


@pytest.mark.parametrize("live", [False, True])
@random_agendas
def test_no_unpinned_block_starts_before_the_blocks_before_it_end(
        rng: random.Random, live: bool) -> None:
    plan, _now, timed = case(rng, live=live)
    latest = timed.starts_at
    for block, slot in zip(plan.blocks, timed.slots, strict=True):
        if block.pinned_at is None and slot.state in (BlockState.PLANNED,
                                                      BlockState.UPCOMING):
            assert slot.start >= latest
            # ... and it does not wait either: it starts as soon as it can.
            assert slot.start == latest or live
        assert slot.end >= slot.start
        latest = max(latest, slot.end)


@random_agendas
def test_planned_blocks_last_their_duration_and_totals_add_up(rng: random.Random) -> None:
    plan, _now, timed = case(rng, live=False)
    for block, slot in zip(plan.blocks, timed.slots, strict=True):
        assert slot.length == max(block.duration_min, 0)
    assert timed.total_min == sum(max(b.duration_min, 0) for b in plan.blocks)
    assert sum(timed.category_totals.values()) == timed.total_min


@random_agendas
def test_every_pin_that_does_not_fit_is_reported(rng: random.Random) -> None:
    plan, _now, timed = case(rng, live=False)
    latest = timed.starts_at
    reported = {(w.kind, w.block_id) for w in timed.warnings}
    for block, slot in zip(plan.blocks, timed.slots, strict=True):
        if block.pinned_at is not None:
            if slot.start > latest:
                assert (WarningKind.GAP, block.id) in reported
            elif slot.start < latest:
                assert any((kind, block.id) in reported for kind in OVERLAPS)
        latest = max(latest, slot.end)


@random_agendas
def test_squeezed_blocks_run_into_their_pin_and_add_up_to_no_more_than_the_overlap(
        rng: random.Random) -> None:
    plan, _now, timed = case(rng, live=False)
    slots = {slot.block_id: slot for slot in timed.slots}
    squeezed: dict[uuid.UUID, int] = {}
    for warning in timed.squeezed:
        assert warning.other_id is not None
        pin = slots[warning.other_id]
        cut = slots[warning.block_id]
        assert not cut.pinned
        assert 0 < warning.minutes <= cut.length
        assert warning.minutes == cut.end - max(cut.start, pin.start)
        squeezed[warning.other_id] = squeezed.get(warning.other_id, 0) + warning.minutes
    overlaps = {w.block_id: w.minutes for w in timed.warnings
                if w.kind in OVERLAPS - {WarningKind.PIN_BEFORE_DAY_START}}
    latest = timed.starts_at
    for block in plan.blocks:
        slot = slots[block.id]
        if block.pinned_at is not None and slot.start < latest:
            overlap = latest - slot.start
            assert squeezed.get(block.id, 0) <= overlap
            assert overlaps.get(block.id, overlap) == overlap
        latest = max(latest, slot.end)


@random_agendas
def test_every_faulty_duration_and_roomless_track_is_reported(rng: random.Random) -> None:
    plan, _now, timed = case(rng, live=False)
    reported = {(w.kind, w.block_id, w.other_id) for w in timed.warnings}
    for block in plan.blocks:
        if block.duration_min <= 0:
            assert (WarningKind.NO_DURATION, block.id, None) in reported
        for track in block.tracks:
            if not track.room.strip():
                assert (WarningKind.TRACK_WITHOUT_ROOM, block.id, track.id) in reported


@random_agendas
def test_past_midnight_is_reported_exactly_when_the_day_runs_past_it(rng: random.Random) -> None:
    _plan, _now, timed = case(rng, live=False)
    late = [w for w in timed.warnings if w.kind is WarningKind.PAST_MIDNIGHT]
    assert len(late) == (1 if timed.ends_at > 24 * 60 else 0)


@random_agendas
def test_live_days_keep_what_happened_and_start_nothing_in_the_past(rng: random.Random) -> None:
    plan, now, timed = case(rng, live=True)
    assert now is not None
    now_min = _offset(now)
    for block, slot in zip(plan.blocks, timed.slots, strict=True):
        if block.actual_start is not None:
            assert slot.start == _offset(block.actual_start)
        if block.actual_end is not None and block.actual_start is not None:
            assert slot.end == max(slot.start, _offset(block.actual_end))
        if slot.state is BlockState.RUNNING:
            assert slot.end >= now_min
        if slot.state is BlockState.UPCOMING and block.pinned_at is None:
            assert slot.start >= now_min
    assert sum(1 for s in timed.slots if s.state is BlockState.RUNNING) <= 1
