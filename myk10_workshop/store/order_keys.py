"""Fractional order keys: strings that sort in the wanted order and always leave room.

To put a row between two others, give it a key between theirs; no other row changes, so two
laptops can reorder independently and a merge keeps both intentions.

A key is an *integer part* and an optional *fraction*, written with the 62 digits
``0-9A-Za-z`` (which sort in ASCII order, as SQLite compares text). The first character of
the integer part says how long it is: ``a``-``z`` start integers of 2 to 27 characters
(``a0`` ... ``az``, ``b00`` ... ``bzz`` ...), ``Z``-``A`` the ones below ``a0`` (``Zz``,
``Z0``, ``Yzz`` ...). Adding at either end steps the integer, so a list that only ever grows
at its end keeps keys of a few characters (a million appends stay under six); inserting
between neighbours bisects the fraction, which never ends in ``0`` so there is always room.
"""

from __future__ import annotations

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BASE = len(DIGITS)
_INDEX = {digit: i for i, digit in enumerate(DIGITS)}
FIRST_KEY = "a0"
_SMALLEST_INTEGER = "A" + DIGITS[0] * 26


def _integer_length(head: str) -> int:
    if "a" <= head <= "z":
        return ord(head) - ord("a") + 2
    if "A" <= head <= "Z":
        return ord("Z") - ord(head) + 2
    raise ValueError(f"invalid order key head {head!r}")


def _split(key: str) -> tuple[str, str]:
    length = _integer_length(key[0])
    if len(key) < length:
        raise ValueError(f"invalid order key {key!r}")
    return key[:length], key[length:]


def is_valid(key: str) -> bool:
    if not key or key == _SMALLEST_INTEGER or any(c not in _INDEX for c in key):
        return False
    try:
        _integer, fraction = _split(key)
    except ValueError:
        return False
    return not fraction.endswith(DIGITS[0])


def _check(key: str | None) -> None:
    if key is not None and not is_valid(key):
        raise ValueError(f"invalid order key {key!r}")


def key_between(before: str | None, after: str | None) -> str:
    """A key that sorts after ``before`` and before ``after`` (None means the open end)."""
    _check(before)
    _check(after)
    if before is None:
        return FIRST_KEY if after is None else _key_before(after)
    if after is None:
        return _key_after(before)
    if before >= after:
        raise ValueError(f"order keys out of order: {before!r} >= {after!r}")
    integer, fraction = _split(before)
    after_integer, after_fraction = _split(after)
    if integer == after_integer:
        return integer + _midpoint(fraction, after_fraction)
    larger = _increment(integer)
    if larger is not None and larger < after:
        return larger
    return integer + _midpoint(fraction, None)


def _key_before(after: str) -> str:
    integer, fraction = _split(after)
    if fraction and integer != _SMALLEST_INTEGER:
        return integer
    smaller = _decrement(integer) if not fraction else None
    if smaller is None or smaller == _SMALLEST_INTEGER:
        # The smallest integer is no key by itself; a fraction after it is.
        return _SMALLEST_INTEGER + _midpoint("", fraction or None)
    return smaller


def _key_after(before: str) -> str:
    integer, fraction = _split(before)
    larger = _increment(integer)
    return larger if larger is not None else integer + _midpoint(fraction, None)


def _midpoint(low: str, high: str | None) -> str:
    """A fraction between two fractions ("" is zero, None is one); low < high."""
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


def _increment(integer: str) -> str | None:
    head, digits = integer[0], list(integer[1:])
    for position in reversed(range(len(digits))):
        value = _INDEX[digits[position]] + 1
        if value < BASE:
            digits[position] = DIGITS[value]
            return head + "".join(digits)
        digits[position] = DIGITS[0]
    # Every digit carried over: the next integer is one character longer (or shorter).
    if head == "Z":
        return FIRST_KEY
    if head == "z":
        return None
    head = chr(ord(head) + 1)
    if head >= "a":
        digits.append(DIGITS[0])
    else:
        digits.pop()
    return head + "".join(digits)


def _decrement(integer: str) -> str | None:
    head, digits = integer[0], list(integer[1:])
    for position in reversed(range(len(digits))):
        value = _INDEX[digits[position]] - 1
        if value >= 0:
            digits[position] = DIGITS[value]
            return head + "".join(digits)
        digits[position] = DIGITS[-1]
    if head == "a":
        return "Z" + DIGITS[-1]
    if head == "A":
        return None
    head = chr(ord(head) - 1)
    if head <= "Z":
        digits.append(DIGITS[-1])
    else:
        digits.pop()
    return head + "".join(digits)


def spread_keys(count: int, before: str | None = None, after: str | None = None) -> list[str]:
    """``count`` ascending keys between two keys (None: the open end), short for bulk lists."""
    if count <= 0:
        return []
    if after is None:
        keys, key = [], before
        for _ in range(count):
            key = key_between(key, None)
            keys.append(key)
        return keys
    if before is None:
        keys, key = [], after
        for _ in range(count):
            key = key_between(None, key)
            keys.append(key)
        return keys[::-1]
    # Between two keys: bisect recursively, so lengths grow with log(count).
    middle = count // 2
    mid = key_between(before, after)
    return [*spread_keys(middle, before, mid), mid, *spread_keys(count - middle - 1, mid, after)]
