"""Fractional order keys: strings that sort in the wanted order and always leave room.

To put a row between two others, give it a key between theirs; no other row changes, so two
laptops can reorder independently and a merge keeps both intentions. Keys use the 62 digits
``0-9A-Za-z`` (which sort in ASCII order) and never end in ``0``, so there is always a key
between any two distinct keys.
"""

from __future__ import annotations

import math

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BASE = len(DIGITS)
_INDEX = {digit: i for i, digit in enumerate(DIGITS)}


def is_valid(key: str) -> bool:
    return bool(key) and key[-1] != "0" and all(c in _INDEX for c in key)


def key_between(before: str | None, after: str | None) -> str:
    """A key that sorts after ``before`` and before ``after`` (None means the open end)."""
    low = before or ""
    if before is not None and not is_valid(before):
        raise ValueError(f"invalid order key {before!r}")
    if after is not None:
        if not is_valid(after):
            raise ValueError(f"invalid order key {after!r}")
        if low >= after:
            raise ValueError(f"order keys out of order: {before!r} >= {after!r}")
    return _midpoint(low, after)


def _midpoint(low: str, high: str | None) -> str:
    # Invariant: low < high, where "" is zero and None is one (the open end).
    if high is not None:
        shared = 0
        while shared < len(high) and (low[shared] if shared < len(low) else "0") == high[shared]:
            shared += 1
        if shared:
            return high[:shared] + _midpoint(low[shared:], high[shared:])
    digit_low = _INDEX[low[0]] if low else 0
    digit_high = _INDEX[high[0]] if high is not None else BASE
    if digit_high - digit_low > 1:
        return DIGITS[(digit_low + digit_high) // 2]
    # Adjacent digits: keep the low digit and find room in the next position.
    if high is not None and len(high) > 1:
        return high[:1]
    return DIGITS[digit_low] + _midpoint(low[1:], None)


def spread_keys(count: int, before: str | None = None, after: str | None = None) -> list[str]:
    """``count`` evenly spaced keys between two keys, short even for bulk imports."""
    if count <= 0:
        return []
    if before is None and after is None:
        width = max(1, math.ceil(math.log(count + 1, BASE)) + 1)
        span = BASE**width
        keys = []
        for i in range(1, count + 1):
            keys.append(_fixed(i * span // (count + 1), width))
        return keys
    # Bisect recursively: key length grows with log(count), not with count.
    middle = count // 2
    mid = key_between(before, after)
    return [*spread_keys(middle, before, mid), mid, *spread_keys(count - middle - 1, mid, after)]


def _fixed(value: int, width: int) -> str:
    digits = []
    for _ in range(width):
        value, rest = divmod(value, BASE)
        digits.append(DIGITS[rest])
    key = "".join(reversed(digits)).rstrip("0")
    return key or DIGITS[1]
