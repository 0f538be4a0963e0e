"""Board geometry: rectangles, frames around notes, hit tests, tidy grids and free places."""

from __future__ import annotations

import math
import random

import pytest

from myk10_workshop.board.layout import (
    CLUSTER_HEADER,
    GAP,
    NOTE_HEIGHT,
    NOTE_WIDTH,
    Occupancy,
    Rect,
    bounding,
    cluster_at,
    frame_around,
    free_spots,
    grid_columns,
    note_center,
    note_rect,
    tidy,
)

STEP_X = NOTE_WIDTH + GAP
STEP_Y = NOTE_HEIGHT + GAP


def inside(inner: Rect, outer: Rect) -> bool:
    return (outer.x <= inner.x and inner.right <= outer.right
            and outer.y <= inner.y and inner.bottom <= outer.bottom)


def no_two_overlap(rects: list[Rect]) -> bool:
    return not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


# --------------------------------------------------------------------------- Rect


def test_rect_edges_centre_and_area() -> None:
    rect = Rect(10.0, 20.0, 100.0, 50.0)
    assert rect.right == 110.0
    assert rect.bottom == 70.0
    assert rect.center == (60.0, 45.0)
    assert rect.area() == 5000.0


def test_rect_contains_its_edges_but_nothing_beyond() -> None:
    rect = Rect(0.0, 0.0, 100.0, 50.0)
    assert rect.contains(50.0, 25.0)
    assert rect.contains(0.0, 0.0)
    assert rect.contains(100.0, 50.0)
    assert not rect.contains(100.1, 25.0)
    assert not rect.contains(50.0, -0.1)
    assert not rect.contains(-1.0, -1.0)


@pytest.mark.parametrize(("other", "expected"), [
    (Rect(50.0, 25.0, 100.0, 100.0), True),  # overlaps a corner
    (Rect(10.0, 10.0, 10.0, 10.0), True),  # inside
    (Rect(-50.0, -50.0, 500.0, 500.0), True),  # around
    (Rect(100.0, 0.0, 50.0, 50.0), False),  # touches the right edge
    (Rect(0.0, 50.0, 100.0, 10.0), False),  # touches the bottom edge
    (Rect(200.0, 200.0, 10.0, 10.0), False),  # far away
])
def test_rect_intersects(other: Rect, expected: bool) -> None:
    rect = Rect(0.0, 0.0, 100.0, 50.0)
    assert rect.intersects(other) is expected
    assert other.intersects(rect) is expected


def test_rect_united_is_the_smallest_rect_around_both() -> None:
    first = Rect(0.0, 0.0, 10.0, 10.0)
    second = Rect(20.0, -5.0, 5.0, 30.0)
    assert first.united(second) == Rect(0.0, -5.0, 25.0, 30.0)
    assert second.united(first) == first.united(second)
    assert first.united(first) == first


def test_note_rect_bounding_and_note_center() -> None:
    assert note_rect(5.0, 6.0) == Rect(5.0, 6.0, NOTE_WIDTH, NOTE_HEIGHT)
    assert note_center(0.0, 0.0) == (NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
    assert bounding([]) is None
    assert bounding([note_rect(0.0, 0.0)]) == note_rect(0.0, 0.0)
    assert bounding([note_rect(0.0, 0.0), note_rect(300.0, 400.0)]) == Rect(
        0.0, 0.0, 300.0 + NOTE_WIDTH, 400.0 + NOTE_HEIGHT)


# --------------------------------------------------------------------------- frame_around


def test_frame_around_one_note_leaves_margins_and_room_for_the_title() -> None:
    frame = frame_around([(100.0, 200.0)])
    assert frame == Rect(100.0 - GAP, 200.0 - CLUSTER_HEADER, NOTE_WIDTH + 2 * GAP,
                         CLUSTER_HEADER + NOTE_HEIGHT + GAP)


def test_frame_around_several_notes_holds_them_all() -> None:
    notes = [(0.0, 0.0), (400.0, 50.0), (-100.0, 300.0)]
    frame = frame_around(notes)
    assert frame.x == -100.0 - GAP
    assert frame.y == 0.0 - CLUSTER_HEADER
    assert frame.right == 400.0 + NOTE_WIDTH + GAP
    assert frame.bottom == 300.0 + NOTE_HEIGHT + GAP
    assert all(inside(note_rect(x, y), frame) for x, y in notes)
    # The title strip above the topmost note is free of notes.
    header = Rect(frame.x, frame.y, frame.width, CLUSTER_HEADER)
    assert not any(header.intersects(note_rect(x, y)) for x, y in notes)


def test_frame_around_no_notes_is_a_frame_for_one_note_at_the_origin() -> None:
    assert frame_around([]) == Rect(0.0, 0.0, NOTE_WIDTH + 2 * GAP,
                                    CLUSTER_HEADER + NOTE_HEIGHT + GAP)


# --------------------------------------------------------------------------- cluster_at


def test_cluster_at_picks_the_frame_under_the_point() -> None:
    frames = {"left": Rect(0.0, 0.0, 100.0, 100.0), "right": Rect(200.0, 0.0, 100.0, 100.0)}
    assert cluster_at(frames, 50.0, 50.0) == "left"
    assert cluster_at(frames, 250.0, 50.0) == "right"
    assert cluster_at(frames, 100.0, 100.0) == "left"  # the edge belongs to the frame


def test_cluster_at_picks_the_smallest_of_nested_frames() -> None:
    frames = {"outer": Rect(0.0, 0.0, 1000.0, 1000.0),
              "middle": Rect(100.0, 100.0, 500.0, 500.0),
              "inner": Rect(200.0, 200.0, 100.0, 100.0)}
    assert cluster_at(frames, 250.0, 250.0) == "inner"
    assert cluster_at(frames, 150.0, 150.0) == "middle"
    assert cluster_at(frames, 900.0, 900.0) == "outer"


def test_cluster_at_picks_the_smaller_of_overlapping_frames_only_in_the_overlap() -> None:
    frames = {"big": Rect(0.0, 0.0, 400.0, 400.0), "small": Rect(300.0, 300.0, 200.0, 200.0)}
    assert cluster_at(frames, 350.0, 350.0) == "small"
    assert cluster_at(frames, 100.0, 100.0) == "big"
    assert cluster_at(frames, 450.0, 450.0) == "small"


def test_cluster_at_is_none_outside_every_frame() -> None:
    frames = {"a": Rect(0.0, 0.0, 100.0, 100.0), "b": Rect(500.0, 500.0, 100.0, 100.0)}
    assert cluster_at(frames, 300.0, 300.0) is None
    assert cluster_at(frames, -1.0, 50.0) is None
    assert cluster_at({}, 0.0, 0.0) is None


def test_cluster_at_breaks_ties_between_equal_frames_the_same_way_every_time() -> None:
    frames = {"b": Rect(0.0, 0.0, 100.0, 100.0), "a": Rect(50.0, 50.0, 100.0, 100.0)}
    assert cluster_at(frames, 75.0, 75.0) == "a"
    assert cluster_at(dict(reversed(frames.items())), 75.0, 75.0) == "a"


# --------------------------------------------------------------------------- tidy


@pytest.mark.parametrize(("count", "columns"), [
    (0, 1), (1, 1), (2, 2), (4, 2), (5, 3), (9, 3), (10, 4), (25, 5), (36, 6), (37, 6),
    (500, 6),
])
def test_grid_columns_about_square_never_more_than_six(count: int, columns: int) -> None:
    assert grid_columns(count) == columns


def test_tidy_lays_notes_out_in_reading_order_in_the_given_order() -> None:
    ids = ["e", "a", "d", "b", "c"]
    positions, _ = tidy(Rect(0.0, 0.0, 400.0, 300.0), ids)
    assert list(positions) == ids
    reading_order = sorted(ids, key=lambda i: (positions[i][1], positions[i][0]))
    assert reading_order == ids
    # Five notes: three columns, two rows.
    assert sorted({x for x, _ in positions.values()}) == [GAP, GAP + STEP_X, GAP + 2 * STEP_X]
    assert sorted({y for _, y in positions.values()}) == [CLUSTER_HEADER,
                                                          CLUSTER_HEADER + STEP_Y]


def test_tidy_places_notes_inside_the_frame_below_the_header_without_overlap() -> None:
    frame = Rect(-300.0, 150.0, 900.0, 700.0)
    ids = list(range(11))
    positions, box = tidy(frame, ids)
    rects = [note_rect(x, y) for x, y in positions.values()]
    assert (box.x, box.y) == (frame.x, frame.y)  # the frame stays where it is
    assert all(inside(rect, box) for rect in rects)
    assert all(rect.y >= box.y + CLUSTER_HEADER for rect in rects)
    assert all(rect.x >= box.x + GAP for rect in rects)
    assert no_two_overlap(rects)


def test_tidy_never_uses_more_than_six_columns() -> None:
    positions, box = tidy(Rect(0.0, 0.0, 200.0, 200.0), list(range(50)))
    xs = {x for x, _ in positions.values()}
    assert len(xs) == 6
    assert len({y for _, y in positions.values()}) == 9  # 50 notes in rows of six
    assert box.width == GAP + 6 * STEP_X


def test_tidy_grows_a_small_frame_to_hold_every_note() -> None:
    frame = Rect(10.0, 20.0, 40.0, 40.0)
    positions, box = tidy(frame, ["a", "b", "c", "d", "e", "f", "g"])
    assert box.width > frame.width
    assert box.height > frame.height
    assert all(inside(note_rect(x, y), box) for x, y in positions.values())
    # Snug: the same margins and title strip as a frame drawn around the notes.
    assert box == frame_around(positions.values())


def test_tidy_of_no_notes_keeps_a_frame_of_minimal_size() -> None:
    positions, box = tidy(Rect(5.0, 5.0, 10.0, 10.0), [])
    assert positions == {}
    assert (box.x, box.y) == (5.0, 5.0)
    assert box.width >= NOTE_WIDTH + 2 * GAP
    assert box.height >= CLUSTER_HEADER + NOTE_HEIGHT


# --------------------------------------------------------------------------- free_spots


def test_free_spot_on_an_empty_board_is_centred_on_the_point() -> None:
    assert free_spots([], (500.0, 400.0), 1) == [
        (500.0 - NOTE_WIDTH / 2, 400.0 - NOTE_HEIGHT / 2)]


def test_free_spots_returns_count_places_that_do_not_overlap() -> None:
    spots = free_spots([], (0.0, 0.0), 12)
    assert len(spots) == 12
    assert len(set(spots)) == 12
    assert no_two_overlap([note_rect(x, y) for x, y in spots])


def test_free_spots_of_none_is_empty() -> None:
    assert free_spots([note_rect(0.0, 0.0)], (0.0, 0.0), 0) == []


def test_free_spots_avoid_occupied_rectangles_with_a_margin() -> None:
    occupied = [note_rect(-90.0, -60.0),  # right on the point
                Rect(150.0, -300.0, 400.0, 600.0),  # a frame to the right
                note_rect(-300.0, 100.0)]
    spots = free_spots(occupied, (0.0, 0.0), 8)
    assert len(spots) == 8
    for x, y in spots:
        padded = Rect(x - GAP / 2, y - GAP / 2, NOTE_WIDTH + GAP, NOTE_HEIGHT + GAP)
        assert not any(padded.intersects(rect) for rect in occupied), (x, y)
    assert no_two_overlap([note_rect(x, y) for x, y in spots])


def test_free_spots_grow_outward_from_the_point() -> None:
    near = (1000.0, 1000.0)
    origin = (near[0] - NOTE_WIDTH / 2, near[1] - NOTE_HEIGHT / 2)

    def ring(spot: tuple[float, float]) -> int:
        column = round((spot[0] - origin[0]) / STEP_X)
        row = round((spot[1] - origin[1]) / STEP_Y)
        return max(abs(column), abs(row))

    spots = free_spots([], near, 9)
    # The first nine fill the three-by-three block around the point, the point first.
    assert spots[0] == origin
    assert [ring(spot) for spot in spots] == [0] + [1] * 8
    more = free_spots([note_rect(*origin)], near, 30)
    rings = [ring(spot) for spot in more]
    assert rings == sorted(rings)
    assert rings[0] == 1


def test_free_spots_are_deterministic_and_a_larger_count_extends_a_smaller_one() -> None:
    occupied = [Rect(-200.0, -200.0, 300.0, 250.0), note_rect(250.0, 0.0)]
    first = free_spots(occupied, (10.0, 20.0), 7)
    assert free_spots(list(occupied), (10.0, 20.0), 7) == first
    assert free_spots(occupied, (10.0, 20.0), 15)[:7] == first


def test_free_spots_on_a_full_board_stack_below_everything() -> None:
    wall = Rect(-10_000.0, -10_000.0, 20_000.0, 20_000.0)
    spots = free_spots([wall], (0.0, 0.0), 3, limit=50)
    assert len(spots) == 3
    rects = [note_rect(x, y) for x, y in spots]
    assert all(rect.y >= wall.bottom for rect in rects)
    assert not any(rect.intersects(wall) for rect in rects)
    assert no_two_overlap(rects)


# --------------------------------------------------------------------------- spatial index


def _reference_free_spots(occupied: list[Rect], near: tuple[float, float], count: int,
                          limit: int = 4000) -> list[tuple[float, float]]:
    """The plain version: every candidate against every rectangle (the meaning to keep)."""
    origin_x, origin_y = near[0] - NOTE_WIDTH / 2, near[1] - NOTE_HEIGHT / 2
    spots: list[tuple[float, float]] = []
    taken = list(occupied)
    ring = tried = 0
    while len(spots) < count and tried < limit:
        cells = sorted(((column, row) for row in range(-ring, ring + 1)
                        for column in range(-ring, ring + 1)
                        if max(abs(row), abs(column)) == ring), key=lambda c: (c[1], c[0]))
        for column, row in cells:
            tried += 1
            candidate = note_rect(origin_x + column * STEP_X, origin_y + row * STEP_Y)
            padded = Rect(candidate.x - GAP / 2, candidate.y - GAP / 2,
                          candidate.width + GAP, candidate.height + GAP)
            if not any(padded.intersects(rect) for rect in taken):
                spots.append((candidate.x, candidate.y))
                taken.append(candidate)
                if len(spots) == count:
                    break
        ring += 1
    while len(spots) < count:
        bottom = max((rect.bottom for rect in taken), default=0.0)
        spots.append((origin_x, bottom + GAP))
        taken.append(note_rect(origin_x, bottom + GAP))
    return spots


def _random_board(seed: int, notes: int) -> list[Rect]:
    """Loose notes scattered on a grid that is not the search grid, and some frames."""
    rng = random.Random(seed)
    rects = [note_rect(rng.uniform(-3000.0, 3000.0), rng.uniform(-2000.0, 2000.0))
             for _ in range(notes)]
    rects += [Rect(rng.uniform(-3000.0, 3000.0), rng.uniform(-2000.0, 2000.0),
                   rng.uniform(200.0, 1500.0), rng.uniform(200.0, 900.0))
              for _ in range(notes // 20)]
    return rects


@pytest.mark.parametrize("seed", range(6))
def test_free_spots_are_the_same_as_checking_every_rectangle(seed: int) -> None:
    occupied = _random_board(seed, 150 * (seed + 1))
    rng = random.Random(seed)
    for _ in range(4):
        near = (rng.uniform(-2500.0, 2500.0), rng.uniform(-1500.0, 1500.0))
        count = rng.choice([1, 3, 40, 250])
        expected = _reference_free_spots(occupied, near, count)
        assert free_spots(occupied, near, count) == expected
        assert free_spots(Occupancy(occupied), near, count) == expected


def test_free_spots_stack_below_like_checking_every_rectangle() -> None:
    occupied = [Rect(-10_000.0, -10_000.0, 20_000.0, 20_000.0), note_rect(0.0, 12_000.0)]
    expected = _reference_free_spots(occupied, (0.0, 0.0), 4, limit=30)
    assert free_spots(occupied, (0.0, 0.0), 4, limit=30) == expected
    assert free_spots(Occupancy(occupied), (0.0, 0.0), 4, limit=30) == expected
    # Only negative bottoms: stacked below them, not below zero.
    low = [Rect(-5000.0, -9000.0, 10_000.0, 8000.0)]
    assert free_spots(low, (0.0, -5000.0), 2, limit=5) == _reference_free_spots(
        low, (0.0, -5000.0), 2, limit=5)


def test_free_spots_leave_the_callers_occupancy_as_it_was() -> None:
    occupancy = Occupancy([note_rect(0.0, 0.0)])
    free_spots(occupancy, (500.0, 500.0), 20)
    assert len(occupancy) == 1


def test_a_spot_is_compared_with_nearby_rectangles_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A 10,000-note board of 100 x 100 notes, and the wanted place in its middle.
    wall = [note_rect(column * STEP_X, row * STEP_Y) for row in range(100)
            for column in range(100)]
    occupancy = Occupancy(wall)
    comparisons = [0]
    intersects = Rect.intersects

    def counted(self: Rect, other: Rect) -> bool:
        comparisons[0] += 1
        return intersects(self, other)

    monkeypatch.setattr(Rect, "intersects", counted)
    near = (100.0 + 2 * STEP_X, 5000.0)  # on the wall, three columns from its left edge
    spots = free_spots(occupancy, near, 1)
    assert spots == [(near[0] - NOTE_WIDTH / 2 - 3 * STEP_X, near[1] - NOTE_HEIGHT / 2
                      - 3 * STEP_Y)]  # ring 3, first in reading order: top left
    assert comparisons[0] < 400
    comparisons[0] = 0
    assert free_spots(wall, near, 1) == spots  # from a plain list: one pass for the area
    assert comparisons[0] < len(wall) + 400


def test_occupancy_keeps_rectangles_under_keys() -> None:
    occupancy = Occupancy()
    occupancy.put("a", note_rect(0.0, 0.0))
    occupancy.put("frame", Rect(1000.0, 1000.0, 900.0, 700.0))
    assert "a" in occupancy and len(occupancy) == 2
    assert occupancy.collides(Rect(100.0, 100.0, 10.0, 10.0))
    assert occupancy.collides(Rect(1850.0, 1650.0, 100.0, 100.0))  # the frame's far corner
    assert not occupancy.collides(Rect(NOTE_WIDTH, 0.0, 10.0, 10.0))  # touching is free
    occupancy.put("a", note_rect(5000.0, 5000.0))  # moved
    assert not occupancy.collides(Rect(100.0, 100.0, 10.0, 10.0))
    assert occupancy.collides(Rect(5100.0, 5100.0, 10.0, 10.0))
    occupancy.put("a", None)  # gone
    occupancy.discard("frame")
    occupancy.discard("never there")
    assert len(occupancy) == 0
    assert not occupancy.collides(Rect(1850.0, 1650.0, 100.0, 100.0))
    assert occupancy.bottom() is None


def test_occupancy_handles_huge_and_odd_rectangles() -> None:
    huge = Rect(-1e9, -1e9, 2e9, 2e9)
    occupancy = Occupancy([huge])
    assert occupancy.collides(note_rect(123456.0, -98765.0))
    occupancy.clear()
    occupancy.add(Rect(math.inf, 0.0, 10.0, 10.0))
    assert not occupancy.collides(note_rect(0.0, 0.0))
    key = occupancy.add(note_rect(0.0, 0.0))
    assert occupancy.collides(Rect(-1e12, -1e12, 2e12, 2e12))
    occupancy.discard(key)
    assert occupancy.bottom() == 10.0
    with pytest.raises(ValueError, match="cell"):
        Occupancy(cell=0.0)
