"""The hybrid logical clock: stamps only ever go up, whatever the wall clock does."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from myk10_workshop.store.hlc import (
    COUNTER_BITS,
    HybridLogicalClock,
    counter,
    physical_ms,
    wall_clock_ms,
)


def scripted_wall(*readings: int) -> Callable[[], int]:
    """A wall clock that returns the given milliseconds, one per call."""
    values = iter(readings)
    return lambda: next(values)


def test_a_stamp_is_the_wall_time_in_milliseconds_with_a_zero_counter() -> None:
    clock = HybridLogicalClock(wall=scripted_wall(1_000))
    stamp = clock.now()
    assert physical_ms(stamp) == 1_000
    assert counter(stamp) == 0
    assert stamp == 1_000 << COUNTER_BITS
    assert clock.last == stamp


def test_stamps_within_one_millisecond_count_up() -> None:
    clock = HybridLogicalClock(wall=scripted_wall(5_000, 5_000, 5_000, 5_001))
    first, second, third, fourth = (clock.now() for _ in range(4))
    assert [physical_ms(s) for s in (first, second, third)] == [5_000] * 3
    assert [counter(s) for s in (first, second, third)] == [0, 1, 2]
    # The next millisecond starts the counter afresh.
    assert (physical_ms(fourth), counter(fourth)) == (5_001, 0)
    assert first < second < third < fourth


def test_stamps_keep_increasing_when_the_wall_clock_jumps_back() -> None:
    # The laptop's clock is set back by an hour in the middle of a workshop.
    clock = HybridLogicalClock(wall=scripted_wall(10_000_000, 10_000_001, 6_400_000, 6_400_001,
                                                  10_000_001, 10_000_050))
    stamps = [clock.now() for _ in range(6)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    # While the clock is behind, the stamps stay at the last time seen and count up.
    assert [physical_ms(s) for s in stamps[1:5]] == [10_000_001] * 4
    assert [counter(s) for s in stamps[1:5]] == [0, 1, 2, 3]
    # Once the wall clock is ahead again, it is used again.
    assert (physical_ms(stamps[5]), counter(stamps[5])) == (10_000_050, 0)


def test_a_clock_seeded_with_a_later_stamp_issues_stamps_above_it() -> None:
    stored = (2_000 << COUNTER_BITS) | 7
    clock = HybridLogicalClock(last=stored, wall=scripted_wall(1_000))
    assert clock.now() == stored + 1


def test_observe_keeps_later_stamps_above_a_remote_stamp() -> None:
    clock = HybridLogicalClock(wall=scripted_wall(1_000, 1_000, 900_000))
    local = clock.now()
    remote = (500_000 << COUNTER_BITS) | 3  # another laptop whose clock is far ahead
    clock.observe(remote)
    after = clock.now()
    assert local < remote < after
    assert after == remote + 1
    # An older remote stamp changes nothing.
    clock.observe(local)
    assert clock.now() == 900_000 << COUNTER_BITS


def test_counter_overflow_carries_into_the_milliseconds() -> None:
    full = (3_000 << COUNTER_BITS) | ((1 << COUNTER_BITS) - 1)
    clock = HybridLogicalClock(last=full, wall=scripted_wall(3_000))
    stamp = clock.now()
    assert stamp > full
    assert (physical_ms(stamp), counter(stamp)) == (3_001, 0)


def test_the_real_wall_clock_gives_strictly_increasing_stamps() -> None:
    clock = HybridLogicalClock()
    stamps = [clock.now() for _ in range(5_000)]
    assert all(a < b for a, b in itertools.pairwise(stamps))
    assert abs(physical_ms(stamps[0]) - wall_clock_ms()) < 60_000
