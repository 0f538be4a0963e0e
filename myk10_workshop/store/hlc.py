"""Hybrid logical clock: wall-clock milliseconds with a counter, monotonic per device.

A stamp is one integer, ``milliseconds << 16 | counter``, so stamps sort by time first and
stay ordered even when the laptop's clock jumps back or two changes share a millisecond.
Merging a stamp from another device (:meth:`observe`) keeps later local stamps above it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

COUNTER_BITS = 16
_COUNTER_MASK = (1 << COUNTER_BITS) - 1


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


def physical_ms(stamp: int) -> int:
    return stamp >> COUNTER_BITS


def counter(stamp: int) -> int:
    return stamp & _COUNTER_MASK


class HybridLogicalClock:
    def __init__(self, last: int = 0, wall: Callable[[], int] = wall_clock_ms) -> None:
        self._last = last
        self._wall = wall
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def now(self) -> int:
        """A new stamp, greater than every stamp issued or observed so far."""
        with self._lock:
            wall = self._wall() << COUNTER_BITS
            # A counter overflow carries into the milliseconds: still strictly increasing.
            self._last = wall if wall > self._last else self._last + 1
            return self._last

    def observe(self, remote: int) -> None:
        """Take a stamp from another device into account (sync import)."""
        with self._lock:
            self._last = max(self._last, remote)
