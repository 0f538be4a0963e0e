"""New ids: UUIDv7, ordered by time, unique."""

from __future__ import annotations

import time
import uuid

from myk10_workshop.store.ids import fresh_id


def test_a_fresh_id_is_a_version_7_uuid_of_the_current_millisecond() -> None:
    before = time.time_ns() // 1_000_000
    made = fresh_id()
    after = time.time_ns() // 1_000_000
    assert made.version == 7
    assert made.variant == uuid.RFC_4122
    assert before <= made.int >> 80 <= after


def test_ids_made_later_sort_after_earlier_ones_as_stored_text() -> None:
    first = fresh_id()
    time.sleep(0.002)
    second = fresh_id()
    # SQLite keeps them as 32 hex digits: their text order is their time order.
    assert first.hex < second.hex


def test_a_hundred_thousand_ids_are_all_different() -> None:
    made = {fresh_id() for _ in range(100_000)}
    assert len(made) == 100_000
