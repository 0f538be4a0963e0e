"""Fractional order keys: always a key between two others, short for bulk lists."""

from __future__ import annotations

import random

import pytest

from myk10_workshop.store.order_keys import DIGITS, is_valid, key_between, spread_keys


def test_digits_sort_in_ascii_order() -> None:
    # SQLite compares the keys as plain bytes; the digits must sort the same way.
    assert list(DIGITS) == sorted(DIGITS)
    assert len(set(DIGITS)) == 62


def test_first_key_of_an_empty_list_is_valid() -> None:
    key = key_between(None, None)
    assert is_valid(key)


@pytest.mark.parametrize("existing", ["1", "U", "z", "zz", "0U", "001", "A0B", "zzzzzz1"])
def test_keys_before_and_after_the_ends(existing: str) -> None:
    before = key_between(None, existing)
    after = key_between(existing, None)
    assert is_valid(before)
    assert is_valid(after)
    assert before < existing < after


@pytest.mark.parametrize(
    ("low", "high"),
    [
        ("1", "2"),  # adjacent digits: room must be made in the next position
        ("y", "z"),
        ("U", "V"),
        ("A", "A1"),  # one is a prefix of the other
        ("1", "11"),
        ("1", "1001"),
        ("1z", "2"),
        ("1zzz", "2"),
        ("1", "2A"),
        ("0U", "1"),
        ("A", "z"),
        ("Azzzzz", "B00001"),
    ],
)
def test_key_between_neighbours(low: str, high: str) -> None:
    key = key_between(low, high)
    assert is_valid(key)
    assert low < key < high


def test_there_is_always_room_between_two_keys() -> None:
    # Keep bisecting towards the lower neighbour: the keys get longer but never collide.
    low, high = "1", "2"
    for _ in range(200):
        key = key_between(low, high)
        assert is_valid(key)
        assert low < key < high
        high = key


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", None),  # empty key
        ("10", None),  # trailing zero
        (None, "A0"),
        ("a-b", None),  # not a digit
        (None, "é"),
        ("B", "A"),  # out of order
        ("A", "A"),  # equal: nothing fits between
    ],
)
def test_invalid_keys_raise_value_error(before: str | None, after: str | None) -> None:
    with pytest.raises(ValueError, match="order key"):
        key_between(before, after)


def test_is_valid() -> None:
    assert is_valid("1")
    assert is_valid("A0z")
    assert not is_valid("")
    assert not is_valid("0")
    assert not is_valid("A0")
    assert not is_valid("A B")


def test_random_insertions_keep_the_list_sorted() -> None:
    rng = random.Random(20220120)
    keys: list[str] = []
    for _ in range(2_000):
        index = rng.randint(0, len(keys))
        before = keys[index - 1] if index > 0 else None
        after = keys[index] if index < len(keys) else None
        key = key_between(before, after)
        assert is_valid(key)
        keys.insert(index, key)
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    # Random positions keep keys short (the column holds 64 characters).
    assert max(len(key) for key in keys) <= 16


@pytest.mark.parametrize("count", [1, 2, 3, 10, 61, 62, 63, 100, 1_000, 3_843, 3_844, 10_000])
def test_spread_keys(count: int) -> None:
    keys = spread_keys(count)
    assert len(keys) == count
    assert keys == sorted(keys)
    assert len(set(keys)) == count
    assert all(is_valid(key) for key in keys)


def test_spread_keys_are_short_for_a_bulk_import() -> None:
    keys = spread_keys(10_000)
    assert max(len(key) for key in keys) <= 4
    # Evenly spaced keys leave room before the first and after the last.
    assert key_between(None, keys[0]) < keys[0]
    assert key_between(keys[-1], None) > keys[-1]


def test_spread_keys_of_nothing() -> None:
    assert spread_keys(0) == []
    assert spread_keys(-3) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [("1", "2"), ("A", "B"), (None, "1"), ("z", None), ("U", "V"), ("1", "11"), ("0U", "1")],
)
def test_spread_keys_between_bounds(before: str | None, after: str | None) -> None:
    keys = spread_keys(500, before, after)
    assert len(keys) == 500
    assert keys == sorted(keys)
    assert len(set(keys)) == 500
    assert all(is_valid(key) for key in keys)
    if before is not None:
        assert keys[0] > before
    if after is not None:
        assert keys[-1] < after
    assert max(len(key) for key in keys) <= 12
