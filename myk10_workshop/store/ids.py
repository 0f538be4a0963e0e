"""Ids of new rows and operations: UUIDs version 7 (RFC 9562), ordered by creation time.

A random id (version 4) puts each new row on a random page of every index that holds its
id (the primary key, the change log's index of entities): a commit of a burst of votes
wrote back most leaf pages of those indexes, and more of them the bigger the database.
Ids that grow with time go to the end of those indexes, like an autoincrement, and keep
what a UUID is here for: ids made on several laptops never collide (74 random bits per
millisecond), so their rows merge without renumbering.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

# Random bytes are drawn from the system a page at a time (one system call for hundreds of
# ids instead of one each).
_POOL_SIZE = 4096
_RANDOM_BYTES = 10


class _RandomPool:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool = b""
        self._at = 0
        self._pid = os.getpid()

    def take(self) -> int:
        with self._lock:
            if self._at + _RANDOM_BYTES > len(self._pool) or self._pid != os.getpid():
                # A forked child must not hand out its parent's bytes.
                self._pool, self._at, self._pid = os.urandom(_POOL_SIZE), 0, os.getpid()
            chunk = self._pool[self._at:self._at + _RANDOM_BYTES]
            self._at += _RANDOM_BYTES
        return int.from_bytes(chunk, "big")


_RANDOM = _RandomPool()


def fresh_id() -> uuid.UUID:
    """A new UUIDv7: 48 bits of Unix time in milliseconds, then 74 random bits."""
    millis = time.time_ns() // 1_000_000
    rand = _RANDOM.take()  # 80 bits: 12 for rand_a, 62 for rand_b, 6 unused
    rand_a = (rand >> 62) & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = ((millis & ((1 << 48) - 1)) << 80) | (0x7 << 76) | (rand_a << 64) | (
        0b10 << 62) | rand_b
    return uuid.UUID(int=value)
