"""Geometry of the board: note and frame sizes, hit tests, free places, tidy grids.

All in board units (1 unit = 1 pixel at 100 % zoom). Positions are the top-left corners of
notes and frames, as stored.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

NOTE_WIDTH = 180.0
NOTE_HEIGHT = 120.0
GAP = 20.0
CLUSTER_HEADER = 56.0
MIN_FRAME = 120.0


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def intersects(self, other: Rect) -> bool:
        return not (other.x >= self.right or other.right <= self.x
                    or other.y >= self.bottom or other.bottom <= self.y)

    def united(self, other: Rect) -> Rect:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Rect(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)

    def area(self) -> float:
        return self.width * self.height


def note_rect(x: float, y: float) -> Rect:
    return Rect(x, y, NOTE_WIDTH, NOTE_HEIGHT)


def bounding(rects: Iterable[Rect]) -> Rect | None:
    result: Rect | None = None
    for rect in rects:
        result = rect if result is None else result.united(rect)
    return result


def frame_around(notes: Iterable[tuple[float, float]]) -> Rect:
    """A cluster frame that holds these notes with a margin and room for the title."""
    box = bounding(note_rect(x, y) for x, y in notes)
    if box is None:
        return Rect(0.0, 0.0, NOTE_WIDTH + 2 * GAP, CLUSTER_HEADER + NOTE_HEIGHT + GAP)
    return Rect(box.x - GAP, box.y - CLUSTER_HEADER, box.width + 2 * GAP,
                box.height + CLUSTER_HEADER + GAP)


def cluster_at(frames: Mapping[K, Rect], x: float, y: float) -> K | None:
    """The cluster whose frame holds the point; the smallest one when frames overlap (the
    one drawn on top, and the one the user most likely aimed at)."""
    hits = [(frame.area(), str(key), key) for key, frame in frames.items() if frame.contains(x, y)]
    return min(hits)[2] if hits else None


def note_center(x: float, y: float) -> tuple[float, float]:
    return x + NOTE_WIDTH / 2, y + NOTE_HEIGHT / 2


def grid_columns(count: int) -> int:
    """Columns of a tidy grid: about as wide as tall, never more than six."""
    return max(1, min(6, math.ceil(math.sqrt(count))))


def tidy(frame: Rect, note_ids: Sequence[K]) -> tuple[dict[K, tuple[float, float]], Rect]:
    """Notes laid out in a neat grid inside the frame's top-left corner, in the given order,
    and the frame resized to fit them."""
    columns = grid_columns(len(note_ids))
    positions: dict[K, tuple[float, float]] = {}
    for index, note_id in enumerate(note_ids):
        row, column = divmod(index, columns)
        positions[note_id] = (frame.x + GAP + column * (NOTE_WIDTH + GAP),
                              frame.y + CLUSTER_HEADER + row * (NOTE_HEIGHT + GAP))
    rows = max(1, math.ceil(len(note_ids) / columns))
    width = GAP + columns * (NOTE_WIDTH + GAP)
    height = CLUSTER_HEADER + rows * (NOTE_HEIGHT + GAP)
    return positions, Rect(frame.x, frame.y, width, height)


class Occupancy:
    """Rectangles of the board, found by area: a uniform grid of buckets (a spatial hash).

    A query looks only at the buckets it overlaps, so asking whether a spot is free costs the
    same on an empty board and on one with ten thousand notes. Rectangles are kept under a
    key, so the owner can keep the index up to date as notes and frames come, move and go
    (:meth:`put`, :meth:`discard`) instead of rebuilding it. Rectangles that span very many
    buckets (or have no finite position) are kept in a short list checked on every query.
    """

    CELL = 400.0
    MAX_CELLS = 64

    def __init__(self, rects: Iterable[Rect] = (), cell: float = CELL) -> None:
        if not cell > 0:
            raise ValueError(f"cell must be positive, not {cell}")
        self._cell = cell
        self._rects: dict[Hashable, Rect] = {}
        self._cells: dict[tuple[int, int], dict[Hashable, Rect]] = {}
        self._big: dict[Hashable, Rect] = {}
        for rect in rects:
            self.add(rect)

    def __len__(self) -> int:
        return len(self._rects)

    def __contains__(self, key: object) -> bool:
        return key in self._rects

    def rects(self) -> list[Rect]:
        return list(self._rects.values())

    def add(self, rect: Rect) -> Hashable:
        """Add a rectangle under a new key of its own; returns the key."""
        key = _Key()
        self.put(key, rect)
        return key

    def put(self, key: Hashable, rect: Rect | None) -> None:
        """Store ``rect`` under ``key`` (replacing what was there); None removes it."""
        self.discard(key)
        if rect is None:
            return
        self._rects[key] = rect
        span = self._span(rect)
        if span is None:
            self._big[key] = rect
            return
        x1, y1, x2, y2 = span
        for cx in range(x1, x2 + 1):
            for cy in range(y1, y2 + 1):
                self._cells.setdefault((cx, cy), {})[key] = rect

    def discard(self, key: Hashable) -> None:
        rect = self._rects.pop(key, None)
        if rect is None:
            return
        if self._big.pop(key, None) is not None:
            return
        span = self._span(rect)
        assert span is not None
        x1, y1, x2, y2 = span
        for cx in range(x1, x2 + 1):
            for cy in range(y1, y2 + 1):
                bucket = self._cells.get((cx, cy))
                if bucket is not None:
                    bucket.pop(key, None)
                    if not bucket:
                        del self._cells[(cx, cy)]

    def clear(self) -> None:
        self._rects.clear()
        self._cells.clear()
        self._big.clear()

    def collides(self, rect: Rect) -> bool:
        """Whether ``rect`` intersects any stored rectangle (as :meth:`Rect.intersects`:
        touching edges do not count)."""
        for other in self._big.values():
            if rect.intersects(other):
                return True
        span = self._span(rect, limit=False)
        if span is None or (span[2] - span[0] + 1) * (span[3] - span[1] + 1) > len(self._cells):
            # A query larger than the filled buckets: look at every rectangle instead.
            return any(rect.intersects(other) for other in self._rects.values())
        x1, y1, x2, y2 = span
        cells = self._cells
        for cx in range(x1, x2 + 1):
            for cy in range(y1, y2 + 1):
                bucket = cells.get((cx, cy))
                if bucket:
                    for other in bucket.values():
                        if rect.intersects(other):
                            return True
        return False

    def bottom(self) -> float | None:
        """The lowest edge of all rectangles (None when there are none)."""
        return max((rect.bottom for rect in self._rects.values()), default=None)

    def _span(self, rect: Rect, *, limit: bool = True) -> tuple[int, int, int, int] | None:
        """The buckets a rectangle overlaps (first and last column and row), or None when it
        is too large for buckets (with ``limit``) or has no finite position."""
        cell = self._cell
        values = (rect.x / cell, rect.y / cell, rect.right / cell, rect.bottom / cell)
        if not all(math.isfinite(value) for value in values):
            return None
        x1, y1, x2, y2 = (math.floor(value) for value in values)
        if x2 < x1 or y2 < y1:  # negative size: compare with its buckets' corner
            x1, x2, y1, y2 = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
        if limit and (x2 - x1 + 1) * (y2 - y1 + 1) > self.MAX_CELLS:
            return None
        return x1, y1, x2, y2


class _Key:
    """The key of a rectangle added without one (unique, never equal to a caller's key)."""

    __slots__ = ()


class _Search:
    """What :func:`free_spots` checks candidates against: the occupied rectangles near the
    rings searched so far, plus the spots already chosen."""

    def __init__(self, occupied: Sequence[Rect] | Occupancy, origin: tuple[float, float],
                 count: int) -> None:
        self._origin = origin
        self._chosen: list[Rect] = []
        self._index = Occupancy()
        # Rings up to this radius have their occupied rectangles in the index. To start,
        # enough for ``count`` spots on a half-full area.
        self._first = math.ceil(math.sqrt(2 * count) / 2) + 2
        self._base: Occupancy | None = None
        self._all: Sequence[Rect] = ()
        self._radius = -1.0
        if isinstance(occupied, Occupancy):
            self._base = occupied
            self._radius = math.inf
        else:
            self._all = occupied

    def covering(self, ring: int) -> None:
        """Make sure the rectangles near ring ``ring`` are indexed."""
        if ring > self._radius:
            radius = max(self._first, 2 * int(self._radius) + 1, ring)
            x, y = self._origin
            step_x, step_y = NOTE_WIDTH + GAP, NOTE_HEIGHT + GAP
            area = Rect(x - radius * step_x - GAP, y - radius * step_y - GAP,
                        2 * radius * step_x + NOTE_WIDTH + 2 * GAP,
                        2 * radius * step_y + NOTE_HEIGHT + 2 * GAP)
            self._index = Occupancy(rect for rect in self._all if area.intersects(rect))
            for rect in self._chosen:
                self._index.add(rect)
            self._radius = radius

    def collides(self, rect: Rect) -> bool:
        return self._index.collides(rect) or (
            self._base is not None and self._base.collides(rect))

    def add(self, rect: Rect) -> None:
        self._chosen.append(rect)
        self._index.add(rect)

    def bottom(self) -> float | None:
        """The lowest edge of everything occupied and chosen."""
        rects: Iterable[Rect] = self._base.rects() if self._base is not None else self._all
        return max((rect.bottom for rect in (*rects, *self._chosen)), default=None)


def free_spots(occupied: Sequence[Rect] | Occupancy, near: tuple[float, float], count: int,
               limit: int = 4000) -> list[tuple[float, float]]:
    """``count`` note positions near ``near`` that overlap no occupied rectangle.

    Searched on a grid in rings around the point (nearest ring first, each ring in reading
    order: rows top to bottom, each row left to right), so typed notes appear next to each
    other where the facilitator is looking. A spot keeps a margin of ``GAP / 2`` to every
    occupied rectangle and to the other spots; after ``limit`` candidates the rest are
    stacked below everything.

    ``occupied`` is a sequence of rectangles, or an :class:`Occupancy` that the caller keeps
    up to date (it is not changed here). Each candidate is compared only with the rectangles
    near it, so a spot costs about the same on an empty board as on one with ten thousand
    notes. From a sequence, the rectangles of the searched area are picked out in one pass
    first (and in one more pass each time the search grows well past that area); an
    :class:`Occupancy` needs no pass at all.
    """
    if count <= 0:
        return []
    step_x, step_y = NOTE_WIDTH + GAP, NOTE_HEIGHT + GAP
    origin_x = near[0] - NOTE_WIDTH / 2
    origin_y = near[1] - NOTE_HEIGHT / 2
    search = _Search(occupied, (origin_x, origin_y), count)
    spots: list[tuple[float, float]] = []
    ring = 0
    tried = 0
    while len(spots) < count and tried < limit:
        search.covering(ring)
        for column, row in _ring(ring):
            tried += 1
            x, y = origin_x + column * step_x, origin_y + row * step_y
            padded = Rect(x - GAP / 2, y - GAP / 2, NOTE_WIDTH + GAP, NOTE_HEIGHT + GAP)
            if not search.collides(padded):
                spots.append((x, y))
                search.add(note_rect(x, y))
                if len(spots) == count:
                    break
        ring += 1
    if len(spots) < count:  # a very full board: stack below everything
        lowest = search.bottom()
        bottom = 0.0 if lowest is None else lowest
        while len(spots) < count:
            spots.append((origin_x, bottom + GAP))
            bottom += GAP + NOTE_HEIGHT
    return spots


def _ring(radius: int) -> list[tuple[int, int]]:
    """Grid cells at Chebyshev distance ``radius``, rows first (reading order)."""
    if radius == 0:
        return [(0, 0)]
    cells = []
    for row in range(-radius, radius + 1):
        for column in range(-radius, radius + 1):
            if max(abs(row), abs(column)) == radius:
                cells.append((column, row))
    cells.sort(key=lambda cell: (cell[1], cell[0]))
    return cells
