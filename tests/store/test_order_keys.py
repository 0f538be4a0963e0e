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


@pytest.mark.parametrize("existing", ["a0", "a0V", "az", "b00", "Zz", "Z0", "Yzz", "azzz1",
                                      "zzzzzzzzzzzzzzzzzzzzzzzzzzz", "A00000000000000000000000001"])
def test_keys_before_and_after_the_ends(existing: str) -> None:
    before = key_between(None, existing)
    after = key_between(existing, None)
    assert is_valid(before)
    assert is_valid(after)
    assert before < existing < after


@pytest.mark.parametrize(
    ("low", "high"),
    [
        ("a0", "a1"),  # adjacent integers: room must be made in the fraction
        ("ay", "az"),
        ("az", "b00"),  # across a change of length
        ("Zz", "a0"),  # across zero
        ("a0", "a0V"),  # one is a prefix of the other
        ("a1", "a11"),
        ("a1", "a1001"),
        ("a1z", "a2"),
        ("a1zzz", "a2"),
        ("a1", "a2A"),
        ("Yzz", "Z0"),
        ("a0", "z" + "z" * 26),
        ("azzzzz", "b001"),
    ],
)
def test_key_between_neighbours(low: str, high: str) -> None:
    key = key_between(low, high)
    assert is_valid(key)
    assert low < key < high


def test_there_is_always_room_between_two_keys() -> None:
    # Keep bisecting towards the lower neighbour: the keys get longer but never collide.
    low, high = "a1", "a2"
    for _ in range(200):
        key = key_between(low, high)
        assert is_valid(key)
        assert low < key < high
        high = key


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", None),  # empty key
        ("a10", None),  # trailing zero in the fraction
        (None, "b0"),  # integer part too short for its head
        ("a-", None),  # not a digit
        (None, "é"),
        ("a1", "a0"),  # out of order
        ("a1", "a1"),  # equal: nothing fits between
        ("A" + "0" * 26, None),  # the smallest integer itself is not a key
    ],
)
def test_invalid_keys_raise_value_error(before: str | None, after: str | None) -> None:
    with pytest.raises(ValueError, match="order key"):
        key_between(before, after)


def test_is_valid() -> None:
    assert is_valid("a0")
    assert is_valid("a0z")
    assert is_valid("Zz")
    assert not is_valid("")
    assert not is_valid("0")
    assert not is_valid("a00")
    assert not is_valid("a B")
    assert not is_valid("b0")


def test_growing_a_list_at_either_end_keeps_keys_short() -> None:
    # Agendas and lists grow one entry at a time at the end (or the front).
    key = None
    for _ in range(20_000):
        key = key_between(key, None)
    assert key is not None and len(key) <= 4
    key = None
    for _ in range(20_000):
        key = key_between(None, key)
    assert key is not None and len(key) <= 4


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
    assert max(len(key) for key in keys) <= 12


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
    [("a1", "a2"), ("Zz", "a0"), (None, "a0"), ("az", None), (None, None), ("a1", "a11"),
     ("Yzz", "b00")],
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
