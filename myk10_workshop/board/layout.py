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


def free_spots(occupied: Sequence[Rect], near: tuple[float, float], count: int,
               limit: int = 4000) -> list[tuple[float, float]]:
    """``count`` note positions near ``near`` that overlap no occupied rectangle.

    Searched on a grid in rings around the point, so typed notes appear next to each
    other where the facilitator is looking.
    """
    step_x, step_y = NOTE_WIDTH + GAP, NOTE_HEIGHT + GAP
    origin_x = near[0] - NOTE_WIDTH / 2
    origin_y = near[1] - NOTE_HEIGHT / 2
    spots: list[tuple[float, float]] = []
    taken = list(occupied)
    ring = 0
    tried = 0
    while len(spots) < count and tried < limit:
        for column, row in _ring(ring):
            tried += 1
            candidate = note_rect(origin_x + column * step_x, origin_y + row * step_y)
            padded = Rect(candidate.x - GAP / 2, candidate.y - GAP / 2,
                          candidate.width + GAP, candidate.height + GAP)
            if not any(padded.intersects(rect) for rect in taken):
                spots.append((candidate.x, candidate.y))
                taken.append(candidate)
                if len(spots) == count:
                    break
        ring += 1
    while len(spots) < count:  # a very full board: stack below everything
        bottom = max((rect.bottom for rect in taken), default=0.0)
        spots.append((origin_x, bottom + GAP))
        taken.append(note_rect(origin_x, bottom + GAP))
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
