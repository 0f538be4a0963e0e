"""Computed times of an agenda: where every block starts and ends, and what does not fit.

Times are never stored: they follow from each day's start, the blocks' durations and their
pins. :func:`schedule` is a pure function of plain values (no database, no Qt), so views can
call it on every change and on every tick of the live clock (benchmarks/agenda.py measures
200 blocks over three days).

A time is a whole number of minutes after midnight of the block's day; a day that runs past
midnight goes above 1440. Nothing that does not fit is resolved silently: a gap before a
pinned block, blocks running into one, pins out of order, a day past midnight, a block
without duration and a working group without a room come back as :class:`TimingWarning`
data, which :func:`describe` words for the UI in the user's language.

Live mode: given ``now``, a day that has started (a block has an actual start) or that is
today is re-timed from reality. Blocks already run keep their actual times, the running
block ends no earlier than ``now``, the rest follow, pinned blocks stay put, and every block
that would run into the next pinned block comes back as a ``SQUEEZED`` warning with the
minutes it overruns, so the facilitator can shorten or drop it.

A day run on another date than its own (a rehearsal, a date typed wrong) is timed on the
date it was run: its times of day come from the recorded times, never from minutes counted
from the planned date. Only the latest run counts: starts recorded more than twelve hours
before the next belong to an earlier run and are left out.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message

MINUTES_PER_DAY = 24 * 60
_MINUTE = dt.timedelta(minutes=1)


class BlockState(enum.StrEnum):
    PLANNED = "planned"  # a day that is not being run: the times are the plan
    UPCOMING = "upcoming"  # a live day's block that has not started
    RUNNING = "running"
    DONE = "done"
    SKIPPED = "skipped"  # recorded with no length, or passed over while later blocks ran


class WarningKind(enum.StrEnum):
    """What does not fit. ``minutes`` of a :class:`TimingWarning` means, per kind:"""

    GAP = "gap"  # nothing planned for this long before a pinned block
    OVERLAP = "overlap"  # the blocks before a pinned block run this far past its pin
    SQUEEZED = "squeezed"  # this block runs this far into the pinned block ``other_id``
    PIN_INSIDE_BLOCK = "pin_inside_block"  # pinned while pinned ``other_id`` still runs
    PINS_OUT_OF_ORDER = "pins_out_of_order"  # pinned earlier than the pinned ``other_id``
    PIN_BEFORE_DAY_START = "pin_before_day_start"  # pinned this long before the day starts
    NO_DURATION = "no_duration"  # the duration itself (zero or below)
    PAST_MIDNIGHT = "past_midnight"  # the day ends this long after midnight
    TRACK_WITHOUT_ROOM = "track_without_room"  # working group ``other_id`` has no room
    ROOM_TWICE = "room_twice"  # working group ``other_id`` shares a room with an earlier one


# --------------------------------------------------------------------------- input


@dataclass(frozen=True, slots=True)
class TrackPlan:
    """A parallel working group of a block; it shares the block's times."""

    id: uuid.UUID
    room: str = ""


@dataclass(frozen=True, slots=True)
class BlockPlan:
    """One block as timing needs it. Actual times are naive local clock times.

    ``extra_min`` is the time added live ("+5 min"): a started block is expected to end
    that much after its duration; the plan (``planned_start``/``planned_end``) ignores it.
    """

    id: uuid.UUID
    duration_min: int
    pinned_at: dt.time | None = None
    tracks: tuple[TrackPlan, ...] = ()
    category: str = ""
    actual_start: dt.datetime | None = None
    actual_end: dt.datetime | None = None
    extra_min: int = 0


@dataclass(frozen=True, slots=True)
class DayPlan:
    id: uuid.UUID
    starts_at: dt.time
    blocks: tuple[BlockPlan, ...] = ()
    date: dt.date | None = None


# --------------------------------------------------------------------------- output


@dataclass(frozen=True, slots=True)
class TimingWarning:
    kind: WarningKind
    block_id: uuid.UUID
    minutes: int = 0
    other_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a block lies: ``start``/``end`` as expected now (reality for blocks already
    run), ``planned_start``/``planned_end`` as planned; the same on a day not being run."""

    block_id: uuid.UUID
    day_id: uuid.UUID
    start: int
    end: int
    planned_start: int
    planned_end: int
    state: BlockState = BlockState.PLANNED
    pinned: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def shift(self) -> int:
        """How many minutes later than planned (negative: earlier)."""
        return self.start - self.planned_start

    @property
    def start_time(self) -> dt.time:
        return clock_time(self.start)

    @property
    def end_time(self) -> dt.time:
        return clock_time(self.end)


@dataclass(frozen=True, slots=True)
class DaySchedule:
    day_id: uuid.UUID
    date: dt.date | None
    starts_at: int
    slots: tuple[Slot, ...]
    warnings: tuple[TimingWarning, ...]
    # Planned minutes per category ("" for blocks without one), and in all.
    category_totals: Mapping[str, int]
    total_min: int
    live: bool = False
    # The date a live day's times count from: the day it was run (its own date, or the date
    # its latest run began on, when it was run on another day); None when not live.
    run_date: dt.date | None = None

    @property
    def ends_at(self) -> int:
        return max((slot.end for slot in self.slots), default=self.starts_at)

    @property
    def planned_end(self) -> int:
        return max((slot.planned_end for slot in self.slots), default=self.starts_at)

    @property
    def delay(self) -> int:
        """How much later than planned the day ends (negative: earlier)."""
        return self.ends_at - self.planned_end

    @property
    def squeezed(self) -> tuple[TimingWarning, ...]:
        return tuple(w for w in self.warnings if w.kind is WarningKind.SQUEEZED)

    @property
    def running(self) -> Slot | None:
        return next((s for s in self.slots if s.state is BlockState.RUNNING), None)

    @property
    def upcoming(self) -> tuple[Slot, ...]:
        return tuple(s for s in self.slots if s.state is BlockState.UPCOMING)

    @property
    def rehearsed(self) -> bool:
        """Run live on another date than its own (a rehearsal, or a wrong date)."""
        return self.run_date is not None and self.date is not None and \
            self.run_date != self.date

    def at(self, minutes: int) -> dt.datetime | None:
        """The date and time of a planned minute of this day (None without a date)."""
        if self.date is None:
            return None
        return dt.datetime.combine(self.date, dt.time()) + minutes * _MINUTE

    def live_at(self, minutes: int) -> dt.datetime | None:
        """The date and time of a live minute (``Slot.start``/``end``) of this day: counted
        from the date it is run on, else as :meth:`at`."""
        date = self.run_date or self.date
        if date is None:
            return None
        return dt.datetime.combine(date, dt.time()) + minutes * _MINUTE


@dataclass(frozen=True, slots=True)
class Schedule:
    days: tuple[DaySchedule, ...]
    # Every block's slot, and every working group's (its block's), by id.
    index: Mapping[uuid.UUID, Slot]

    def slot(self, entity_id: uuid.UUID) -> Slot:
        return self.index[entity_id]

    @property
    def warnings(self) -> tuple[TimingWarning, ...]:
        return tuple(w for day in self.days for w in day.warnings)

    def warnings_for(self, block_id: uuid.UUID) -> tuple[TimingWarning, ...]:
        return tuple(w for w in self.warnings if block_id in (w.block_id, w.other_id))

    @property
    def category_totals(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for day in self.days:
            for category, minutes in day.category_totals.items():
                totals[category] = totals.get(category, 0) + minutes
        return totals

    @property
    def total_min(self) -> int:
        return sum(day.total_min for day in self.days)

    @property
    def running(self) -> Slot | None:
        return next((s for day in self.days if (s := day.running) is not None), None)


def clock_time(minutes: int) -> dt.time:
    """The wall-clock time of a minute of a day (past midnight wraps round)."""
    hours, minute = divmod(minutes % MINUTES_PER_DAY, 60)
    return dt.time(hours, minute)


def minutes_of(time: dt.time) -> int:
    return time.hour * 60 + time.minute


# --------------------------------------------------------------------------- timing


def schedule(days: Sequence[DayPlan], now: dt.datetime | None = None) -> Schedule:
    """Every block's times and every warning of an agenda. ``now`` (naive local time, or
    aware) turns on live re-timing of the days that have started or are today."""
    timed = tuple(time_day(day, now) for day in days)
    index: dict[uuid.UUID, Slot] = {}
    for day, plan in zip(timed, days, strict=True):
        for slot, block in zip(day.slots, plan.blocks, strict=True):
            index[slot.block_id] = slot
            for track in block.tracks:
                index[track.id] = slot
    return Schedule(timed, index)


def time_day(day: DayPlan, now: dt.datetime | None = None) -> DaySchedule:
    """One day's times: the plan, and on a live day the re-timing from reality."""
    blocks = day.blocks
    start = minutes_of(day.starts_at)
    planned = _place(blocks, start, None, None)
    live = _live_reference(day, _local(now) if now is not None else None)
    if live is None:
        starts, ends, placement_warnings = planned
        slots = tuple(
            Slot(block.id, day.id, s, e, s, e, BlockState.PLANNED, block.pinned_at is not None)
            for block, s, e in zip(blocks, starts, ends, strict=True))
    else:
        base, now_min = live
        fixed = _fixed_times(blocks, base, now_min)
        starts, ends, placement_warnings = _place(blocks, start, fixed, now_min)
        slots = tuple(
            Slot(block.id, day.id, s, e, ps, pe, _state(entry), block.pinned_at is not None)
            for block, s, e, ps, pe, entry
            in zip(blocks, starts, ends, planned[0], planned[1], fixed, strict=True))
    warnings = [*placement_warnings, *_midnight(blocks, ends), *_structure(blocks)]
    totals: dict[str, int] = {}
    for block in blocks:
        totals[block.category] = totals.get(block.category, 0) + max(block.duration_min, 0)
    return DaySchedule(day.id, day.date, start, slots, tuple(warnings), totals,
                       sum(totals.values()), live is not None,
                       live[0].date() if live is not None else None)


# A block's reality on a live day: (start, end, state), SKIPPED alone for a block passed
# over unrecorded (it takes no time where the day had got to), None for one still to come.
_Fixed = tuple[int, int, BlockState] | BlockState | None
_Placed = tuple[list[int], list[int], list[TimingWarning]]


def _place(blocks: Sequence[BlockPlan], day_start: int, fixed: Sequence[_Fixed] | None,
           floor: int | None) -> _Placed:
    """Lay the blocks out from ``day_start``: fixed ones where they were, pinned ones at
    their pin, the rest one after another, not before ``floor`` (now, on a live day)."""
    layout = _Layout(blocks, day_start)
    layout.run(fixed, floor)
    return layout.starts, layout.ends, layout.warnings


class _Layout:
    """The state of one pass over a day.

    Pinned blocks split the day into segments; when a segment runs past the next pin, the
    blocks of it that can still change (not yet run) are reported as squeezed.
    """

    def __init__(self, blocks: Sequence[BlockPlan], day_start: int) -> None:
        self.blocks = blocks
        self.day_start = day_start
        self.starts = [0] * len(blocks)
        self.ends = [0] * len(blocks)
        self.warnings: list[TimingWarning] = []
        # The last pinned block (id, start, end) and the changeable blocks placed after it.
        self.anchor: tuple[uuid.UUID, int, int] | None = None
        self.segment: list[int] = []

    def run(self, fixed: Sequence[_Fixed] | None, floor: int | None) -> None:
        starts, ends = self.starts, self.ends
        cursor = self.day_start
        for index, block in enumerate(self.blocks):
            length = block.duration_min if block.duration_min > 0 else 0
            entry = fixed[index] if fixed is not None else None
            if entry is None:
                pin = block.pinned_at
                if pin is None:
                    start = cursor if floor is None or cursor >= floor else floor
                    self.segment.append(index)
                else:
                    start = pin.hour * 60 + pin.minute
                    if start != cursor:
                        self.pin_warnings(block.id, start, cursor)
                    self.anchor, self.segment = (block.id, start, start + length), []
                end = start + length
            elif isinstance(entry, tuple):
                start, end, state = entry
                if block.pinned_at is not None:
                    self.anchor, self.segment = (block.id, start, end), []
                if state is BlockState.RUNNING:
                    self.segment.append(index)
            else:
                start = end = cursor
            starts[index] = start
            ends[index] = end
            cursor = max(cursor, end)

    def pin_warnings(self, pinned: uuid.UUID, pin: int, cursor: int) -> None:
        """Why a pinned block does not start where the day has got to."""
        add = self.warnings.append
        if cursor < pin:
            add(TimingWarning(WarningKind.GAP, pinned, pin - cursor))
            return
        overlap = cursor - pin
        anchor = self.anchor
        if pin < self.day_start:
            add(TimingWarning(WarningKind.PIN_BEFORE_DAY_START, pinned, self.day_start - pin))
        elif anchor is not None and pin < anchor[1]:
            add(TimingWarning(WarningKind.PINS_OUT_OF_ORDER, pinned, overlap, anchor[0]))
        elif anchor is not None and pin < anchor[2]:
            add(TimingWarning(WarningKind.PIN_INSIDE_BLOCK, pinned, overlap, anchor[0]))
        else:
            add(TimingWarning(WarningKind.OVERLAP, pinned, overlap))
        for index in self.segment:
            # Minutes of the block after the pin (a block of no length is no help to cut).
            overrun = self.ends[index] - max(self.starts[index], pin)
            if overrun > 0:
                add(TimingWarning(WarningKind.SQUEEZED, self.blocks[index].id, overrun,
                                  pinned))


def _midnight(blocks: Sequence[BlockPlan], ends: Sequence[int]) -> list[TimingWarning]:
    """One warning for a day running past midnight, on its first block that does."""
    for block, end in zip(blocks, ends, strict=True):
        if end > MINUTES_PER_DAY:
            return [TimingWarning(WarningKind.PAST_MIDNIGHT, block.id,
                                  max(ends) - MINUTES_PER_DAY)]
    return []


def _structure(blocks: Sequence[BlockPlan]) -> list[TimingWarning]:
    """Faults of the blocks themselves, whatever their times."""
    warnings: list[TimingWarning] = []
    for block in blocks:
        if block.duration_min <= 0:
            warnings.append(TimingWarning(WarningKind.NO_DURATION, block.id, block.duration_min))
        rooms: set[str] = set()
        for track in block.tracks:
            room = " ".join(track.room.split()).casefold()
            if not room:
                warnings.append(TimingWarning(WarningKind.TRACK_WITHOUT_ROOM, block.id,
                                              other_id=track.id))
            elif room in rooms:
                warnings.append(TimingWarning(WarningKind.ROOM_TWICE, block.id,
                                              other_id=track.id))
            rooms.add(room)
    return warnings


# --------------------------------------------------------------------------- live


def _local(value: dt.datetime) -> dt.datetime:
    """Naive local time, what the day's clock times mean."""
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


def _offset(base: dt.datetime, value: dt.datetime) -> int:
    """Minutes from ``base`` to ``value``, as a wall clock shows them (seconds dropped)."""
    return (_local(value) - base) // _MINUTE


def _live_reference(day: DayPlan, now: dt.datetime | None,
                    ) -> tuple[dt.datetime, int | None] | None:
    """(midnight of the date the day is run on, ``now`` in minutes of it when it is that
    date), or None when the day is not being run: nothing of it has started and
    it is not today.

    A day is run on its own date unless its latest run started on another date (see
    :func:`run_began`): then on that one.
    """
    began = run_began(day)
    today = now is not None and day.date is not None and day.date == now.date()
    if began is None and not today:
        return None
    if began is not None:
        date = began.date()
    elif day.date is not None:
        date = day.date
    else:  # not today (no date) and nothing started: handled above
        return None
    base = dt.datetime.combine(date, dt.time())
    now_min = _offset(base, now) if now is not None and now.date() == date else None
    return base, now_min


# Within one run, blocks start one after another: starts this far apart belong to two runs
# (a rehearsal, then the day itself), and a block "ending" this long after it started was
# left running and ended another day.
_RUN_GAP = dt.timedelta(hours=12)


def run_began(day: DayPlan) -> dt.datetime | None:
    """When the latest live run of ``day`` began (local clock time), None if nothing was
    recorded. Recorded starts more than twelve hours apart belong to different runs; the
    older ones are those of an earlier run (a rehearsal) and are not timed."""
    return _began(day.blocks)


def _began(blocks: Sequence[BlockPlan]) -> dt.datetime | None:
    starts = sorted(_local(b.actual_start) for b in blocks if b.actual_start is not None)
    if not starts:
        return None
    began = starts[-1]
    for earlier in reversed(starts[:-1]):
        if began - earlier > _RUN_GAP:
            break
        began = earlier
    return began


def _recorded(block: BlockPlan, base: dt.datetime, earliest: int,
              ) -> tuple[int | None, int | None]:
    """A block's recorded (start, end) in minutes from ``base``; a start before the run's
    ``earliest`` (an older rehearsal) counts as not recorded, an end a run's gap after its
    start as not ended."""
    if block.actual_start is None:
        return None, None
    start = _offset(base, block.actual_start)
    if start < earliest:
        return None, None
    if block.actual_end is None or block.actual_end - block.actual_start > _RUN_GAP:
        return start, None
    return start, _offset(base, block.actual_end)


def _fixed_times(blocks: Sequence[BlockPlan], base: dt.datetime,
                 now_min: int | None) -> list[_Fixed]:
    """What reality says of each block of a live day (see :data:`_Fixed`)."""
    began = _began(blocks)
    earliest = _offset(base, began) if began is not None else 0
    recorded = [_recorded(block, base, earliest) for block in blocks]
    # Blocks dropped ahead of time (recorded as ending when they start) ran at no time: they
    # neither end the block running now nor make it look finished.
    started = [(i, begun) for i, (begun, ended) in enumerate(recorded)
               if begun is not None and not (ended is not None and ended <= begun)]
    last = started[-1][0] if started else -1
    # A block started and never ended, with later blocks started: it ended when the next did.
    next_start = {i: later for (i, _), (_, later) in itertools.pairwise(started)}
    fixed: list[_Fixed] = []
    for index, (block, (start, ended)) in enumerate(zip(blocks, recorded, strict=True)):
        if start is None:
            fixed.append(BlockState.SKIPPED if index < last else None)
            continue
        # The plan's length and the time added live.
        expected_end = start + max(block.duration_min, 0) + max(block.extra_min, 0)
        if ended is not None:
            state = BlockState.SKIPPED if ended <= start else BlockState.DONE
            fixed.append((start, max(start, ended), state))
        elif index == last:
            end = now_min if now_min is not None and now_min > expected_end else expected_end
            fixed.append((start, end, BlockState.RUNNING))
        else:
            fixed.append((start, max(start, min(expected_end, next_start[index])),
                          BlockState.DONE))
    return fixed


def _state(entry: _Fixed) -> BlockState:
    if entry is None:
        return BlockState.UPCOMING
    return entry[2] if isinstance(entry, tuple) else entry


# --------------------------------------------------------------------------- wording

_TEXTS: dict[WarningKind, Message] = {
    WarningKind.GAP: QT_TRANSLATE_NOOP(
        "AgendaTiming",
        "Nothing is planned for {duration} before “{block}”, which has a fixed start time."),
    WarningKind.OVERLAP: QT_TRANSLATE_NOOP(
        "AgendaTiming",
        "The blocks before “{block}” run {duration} past its fixed start time."),
    WarningKind.SQUEEZED: QT_TRANSLATE_NOOP(
        "AgendaTiming",
        "“{block}” runs {duration} into “{other}”, which has a fixed start time: "
        "shorten or drop it."),
    WarningKind.PIN_INSIDE_BLOCK: QT_TRANSLATE_NOOP(
        "AgendaTiming",
        "“{block}” is fixed to start while “{other}” is still running ({duration} overlap)."),
    WarningKind.PINS_OUT_OF_ORDER: QT_TRANSLATE_NOOP(
        "AgendaTiming",
        "“{block}” has a fixed start time earlier than “{other}”, which comes before it."),
    WarningKind.PIN_BEFORE_DAY_START: QT_TRANSLATE_NOOP(
        "AgendaTiming", "“{block}” is fixed to start {duration} before the day begins."),
    WarningKind.NO_DURATION: QT_TRANSLATE_NOOP(
        "AgendaTiming", "“{block}” has no duration."),
    WarningKind.PAST_MIDNIGHT: QT_TRANSLATE_NOOP(
        "AgendaTiming", "The day runs {duration} past midnight, from “{block}” on."),
    WarningKind.TRACK_WITHOUT_ROOM: QT_TRANSLATE_NOOP(
        "AgendaTiming", "The working group “{other}” of “{block}” has no room."),
    WarningKind.ROOM_TWICE: QT_TRANSLATE_NOOP(
        "AgendaTiming",
        "The working group “{other}” of “{block}” is in the same room as another group of "
        "this block."),
}


def describe(warning: TimingWarning, titles: Mapping[uuid.UUID, str]) -> Message:
    """The warning in words, with the titles of the blocks and working groups it names."""
    other = titles.get(warning.other_id, "") if warning.other_id is not None else ""
    return _TEXTS[warning.kind].with_params(
        block=titles.get(warning.block_id, ""), other=other,
        duration=duration_text(abs(warning.minutes)))


def duration_text(minutes: int) -> Message:
    """A span in words: "45 min", "2 h", "7 h 30 min" (long gaps read as hours)."""
    hours, rest = divmod(max(minutes, 0), 60)
    if not hours:
        return QT_TRANSLATE_NOOP("AgendaTiming", "{minutes} min").with_params(minutes=rest)
    if not rest:
        return QT_TRANSLATE_NOOP("AgendaTiming", "{hours} h").with_params(hours=hours)
    return QT_TRANSLATE_NOOP("AgendaTiming", "{hours} h {minutes} min").with_params(
        hours=hours, minutes=rest)
