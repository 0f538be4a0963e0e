"""Agenda operations on a real store: what they write, what they refuse, undo and redo."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from myk10_workshop.agenda import operations as ops
from myk10_workshop.agenda.methods import default_library
from myk10_workshop.agenda.queries import AgendaView, BlockView, DayView, load_agenda
from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store, StoreWriter
from myk10_workshop.store.entities import RULES, rule
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.operations import (
    Batch,
    Create,
    NoOp,
    Operation,
    OpResult,
    Tombstone,
)
from myk10_workshop.store.schema import ChangeLogEntry
from myk10_workshop.store.undo import UndoEntry, submit_step

LABEL = Message("Test", "Test step")
Snapshot = dict[tuple[str, uuid.UUID], dict[str, Any]]
DAY_ONE = dt.date(2022, 1, 20)
DAY_TWO = dt.date(2022, 1, 21)


@dataclass(frozen=True)
class Site:
    workshop: uuid.UUID
    board: uuid.UUID
    ballot: uuid.UUID
    day_one: uuid.UUID
    day_two: uuid.UUID
    other_workshop: uuid.UUID
    other_day: uuid.UUID
    other_board: uuid.UUID
    other_ballot: uuid.UUID


@pytest.fixture
def site(store: Store) -> Site:
    """Two workshops of one project, each with a board and a ballot; two days in the first,
    one in the second."""
    project = Create("project", {"name": "Smarte Region MYK10"})
    workshop = Create("workshop", {"project_id": project.id, "title": "Strategie-Workshop"})
    other = Create("workshop", {"project_id": project.id, "title": "Zukunftsdialog"})
    rows: list[Operation] = [project, workshop, other]
    made: dict[str, uuid.UUID] = {}
    for name, owner in (("", workshop.id), ("other_", other.id)):
        board = Create("board", {"workshop_id": owner, "title": "Ziele"})
        ballot = Create("ballot", {"workshop_id": owner, "title": "Prioritäten", "kind": "dots"})
        rows += [board, ballot]
        made[name + "board"], made[name + "ballot"] = board.id, ballot.id
    store.apply(Batch(tuple(rows), LABEL))
    day_one = store.apply(ops.add_day(workshop.id, day=DAY_ONE))
    day_two = store.apply(ops.add_day(workshop.id, day=DAY_TWO, starts_at=dt.time(8, 30)))
    other_day = store.apply(ops.add_day(other.id))
    return Site(workshop.id, made["board"], made["ballot"], _created(day_one, "agenda_day"),
                _created(day_two, "agenda_day"), other.id, _created(other_day, "agenda_day"),
                made["other_board"], made["other_ballot"])


def _created(result: OpResult, kind: str) -> uuid.UUID:
    (found,) = result.changes.created[kind]
    return found


def snapshot(store: Store) -> Snapshot:
    """Every live row of every kind, with all its values."""
    def query(session: Session) -> Snapshot:
        found: Snapshot = {}
        for kind, entity in RULES.items():
            table = entity.table
            for values in session.execute(
                    select(table).where(table.c.deleted.is_(False))).mappings():
                found[(kind, values["id"])] = dict(values)
        return found
    return store.read(query)


def row(store: Store, kind: str, entity_id: uuid.UUID) -> dict[str, Any]:
    table = rule(kind).table
    found = store.read(lambda s: s.execute(
        select(table).where(table.c.id == entity_id)).mappings().first())
    assert found is not None
    return dict(found)


def agenda(store: Store, workshop_id: uuid.UUID) -> AgendaView:
    found = store.read(lambda s: load_agenda(s, workshop_id))
    assert found is not None
    return found


def day_of(store: Store, site: Site, day_id: uuid.UUID) -> DayView:
    for day in agenda(store, site.workshop).days + agenda(store, site.other_workshop).days:
        if day.id == day_id:
            return day
    raise AssertionError("day not found")


def titles(store: Store, site: Site, day_id: uuid.UUID) -> list[str]:
    return [block.title for block in day_of(store, site, day_id).blocks]


def block_view(store: Store, site: Site, block_id: uuid.UUID) -> BlockView:
    found = agenda(store, site.workshop).block(block_id)
    assert found is not None
    return found


def log_count(store: Store) -> int:
    return store.read(
        lambda s: s.scalar(select(func.count()).select_from(ChangeLogEntry))) or 0


def apply(store: Store, operation: Operation) -> tuple[OpResult, Snapshot]:
    before = snapshot(store)
    return store.apply(operation), before


def undo_redo(store: Store, result: OpResult, before: Snapshot) -> None:
    """Undo brings back exactly the state before; redo (the undo of the undo) the state after."""
    after = snapshot(store)
    assert after != before
    undone = store.apply(result.inverse)
    assert snapshot(store) == before
    store.apply(undone.inverse)
    assert snapshot(store) == after


def refused(store: Store, operation: Operation, text: str) -> None:
    """The operation is refused in plain words and nothing is written."""
    count, before = log_count(store), snapshot(store)
    with pytest.raises(ValidationError) as caught:
        store.apply(operation)
    assert text in caught.value.message.render()
    assert snapshot(store) == before
    assert log_count(store) == count


def add_blocks(store: Store, day_id: uuid.UUID, *names: str) -> list[uuid.UUID]:
    found = []
    for name in names:
        operation = ops.add_block(day_id, name)
        store.apply(operation)
        found.append(operation.id)
    return found


# --------------------------------------------------------------------------- days


def test_days_are_added_at_the_end_or_next_to_a_day(store: Store, site: Site) -> None:
    operation = ops.add_day(site.workshop, day=dt.date(2022, 1, 19), after=None,
                            before=site.day_one, starts_at=dt.time(10, 0, 42))
    result, before = apply(store, operation)
    days = agenda(store, site.workshop).days
    assert [day.id for day in days] == [operation.id, site.day_one, site.day_two]
    assert days[0].starts_at == dt.time(10, 0)  # seconds dropped
    undo_redo(store, result, before)
    last = ops.add_day(site.workshop, after=site.day_one)
    store.apply(last)
    assert [day.id for day in agenda(store, site.workshop).days] == [
        operation.id, site.day_one, last.id, site.day_two]


def test_a_date_is_used_once_per_workshop(store: Store, site: Site) -> None:
    refused(store, ops.add_day(site.workshop, day=DAY_ONE), "already has a day with this date")
    refused(store, ops.update_day(site.day_two, day=DAY_ONE),
            "already has a day with this date")
    # Another workshop may have a day on that date, and a day keeps its own date.
    store.apply(ops.add_day(site.other_workshop, day=DAY_ONE))
    assert isinstance(store.apply(ops.update_day(site.day_one, day=DAY_ONE)).inverse, NoOp)


def test_update_day_changes_date_and_start(store: Store, site: Site) -> None:
    result, before = apply(store, ops.update_day(site.day_two, starts_at=dt.time(9, 15),
                                                 day=dt.date(2022, 1, 22)))
    day = day_of(store, site, site.day_two)
    assert (day.day, day.starts_at) == (dt.date(2022, 1, 22), dt.time(9, 15))
    undo_redo(store, result, before)
    with pytest.raises(ValueError, match="not editable"):
        ops.update_day(site.day_two, workshop_id=site.other_workshop)


def test_move_day_reorders_within_the_workshop(store: Store, site: Site) -> None:
    result, before = apply(store, ops.move_day(site.day_two, before=site.day_one))
    assert [d.id for d in agenda(store, site.workshop).days] == [site.day_two, site.day_one]
    undo_redo(store, result, before)
    # Already there: nothing to do, nothing logged.
    count = log_count(store)
    assert isinstance(store.apply(ops.move_day(site.day_one)).inverse, NoOp)
    assert isinstance(store.apply(ops.move_day(site.day_two, before=site.day_one)).inverse, NoOp)
    assert log_count(store) == count
    refused(store, ops.move_day(site.day_one, after=site.other_day), "no longer in this list")


def test_delete_day_takes_its_blocks_and_undo_brings_all_back(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Check-in")
    store.apply(ops.set_materials(block_id, [ops.MaterialSpec("Marker", 3)]))
    result, before = apply(store, ops.delete_day(site.day_one))
    assert [d.id for d in agenda(store, site.workshop).days] == [site.day_two]
    assert row(store, "agenda_item", block_id)["deleted"]
    undo_redo(store, result, before)


# --------------------------------------------------------------------------- blocks


def test_blocks_are_added_at_the_end_or_next_to_a_block(store: Store, site: Site) -> None:
    first, last = add_blocks(store, site.day_one, "Begrüßung", "Abschluss")
    middle = ops.add_block(site.day_one, "  World Café ", duration_min=90, after=first,
                           category="Arbeitsphase", method="World Café", room="Saal",
                           pinned_at=dt.time(10, 30, 15), board_id=site.board,
                           ballot_id=site.ballot, facilitator_only=True,
                           materials=[ops.MaterialSpec("Marker ", 30),
                                      ops.MaterialSpec("Papiertischdecken", 10)])
    result, before = apply(store, middle)
    top = ops.add_block(site.day_one, "Technik-Check", before=first)
    store.apply(top)
    assert titles(store, site, site.day_one) == [
        "Technik-Check", "Begrüßung", "World Café", "Abschluss"]
    view = block_view(store, site, middle.id)
    assert (view.duration_min, view.category, view.method, view.room) == (
        90, "Arbeitsphase", "World Café", "Saal")
    assert (view.pinned_at, view.board_id, view.ballot_id, view.facilitator_only) == (
        dt.time(10, 30), site.board, site.ballot, True)
    assert [(m.name, m.quantity) for m in view.materials] == [
        ("Marker", 30), ("Papiertischdecken", 10)]
    assert last in {b.id for b in day_of(store, site, site.day_one).blocks}
    # Undo takes the block with its materials, redo brings both back.
    store.apply(ops.delete_block(top.id))
    undo_redo(store, result, before)


def test_adding_refuses_bad_blocks(store: Store, site: Site) -> None:
    refused(store, ops.add_block(site.day_one, "   "), "Title must not be empty")
    refused(store, ops.add_block(site.day_one, "Pause", duration_min=0),
            "Duration must be at least 1")
    refused(store, ops.add_block(site.day_one, "Pause", board_id=site.other_board),
            "board belongs to another workshop")
    refused(store, ops.add_block(site.day_one, "Pause", ballot_id=site.other_ballot),
            "ballot belongs to another workshop")
    refused(store, ops.add_block(site.day_one, "Pause", materials=[
        ops.MaterialSpec("Marker"), ops.MaterialSpec("marker")]), "is listed twice")
    refused(store, ops.add_block(site.day_one, "Pause", after=uuid.uuid4()),
            "no longer in this list")
    with pytest.raises(ValueError, match="not both"):
        ops.add_block(site.day_one, "Pause", after=uuid.uuid4(), before=uuid.uuid4())


def test_a_block_is_made_from_a_library_method(store: Store, site: Site) -> None:
    method = default_library().get("world-cafe")
    operation = ops.block_from_method(site.day_one, method, "de", category="Arbeitsphase")
    store.apply(operation)
    view = block_view(store, site, operation.id)
    assert (view.title, view.method, view.duration_min, view.category) == (
        "World Café", "World Café", 90, "Arbeitsphase")
    assert view.notes == method.description("de")
    assert {(m.name, m.quantity) for m in view.materials} == {
        (m.name("de"), m.quantity) for m in method.materials}
    english = ops.block_from_method(site.day_one, default_library().get("dot-voting"), "en")
    store.apply(english)
    assert block_view(store, site, english.id).title == "Dot voting"


def test_update_block_changes_fields_and_checks_links(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Impuls")
    result, before = apply(store, ops.update_block(
        block_id, title="Impulsvortrag ", duration_min=45, goal="Wissensstand",
        board_id=site.board, pinned_at=dt.time(9, 30, 59)))
    view = block_view(store, site, block_id)
    assert (view.title, view.duration_min, view.goal, view.board_id, view.pinned_at) == (
        "Impulsvortrag", 45, "Wissensstand", site.board, dt.time(9, 30))
    undo_redo(store, result, before)
    refused(store, ops.update_block(block_id, board_id=site.other_board),
            "board belongs to another workshop")
    refused(store, ops.update_block(block_id, duration_min=24 * 60 + 1),
            "Duration must be at most 1440")
    with pytest.raises(ValueError, match="not editable"):
        ops.update_block(block_id, day_id=site.day_two)


def test_pin_and_unpin(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Mittagspause")
    pinned = ops.pin_block(block_id, dt.time(12, 30))
    assert pinned.label.source == "Fix start time"
    result, before = apply(store, pinned)
    assert block_view(store, site, block_id).pinned_at == dt.time(12, 30)
    undo_redo(store, result, before)
    store.apply(ops.unpin_block(block_id))
    assert block_view(store, site, block_id).pinned_at is None


def test_extend_adds_extra_time_and_keeps_the_plan(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Diskussion")
    assert block_view(store, site, block_id).extra_min == 0
    store.apply(ops.extend_block(block_id, 5))
    result, before = apply(store, ops.extend_block(block_id, 5))
    view = block_view(store, site, block_id)
    assert (view.duration_min, view.extra_min) == (30, 10)
    undo_redo(store, result, before)
    assert block_view(store, site, block_id).extra_min == 10
    store.apply(result.inverse)
    assert block_view(store, site, block_id).extra_min == 5, "undo restores the old value"
    store.apply(ops.extend_block(block_id, -5))
    assert block_view(store, site, block_id).extra_min == 0
    refused(store, ops.extend_block(block_id, -1), "Extra time must be at least 0")


def test_move_block_within_a_day(store: Store, site: Site) -> None:
    a, b, c = add_blocks(store, site.day_one, "A", "B", "C")
    result, before = apply(store, ops.move_block(c, site.day_one, after=a))
    assert titles(store, site, site.day_one) == ["A", "C", "B"]
    undo_redo(store, result, before)
    store.apply(ops.move_block(a, site.day_one))
    assert titles(store, site, site.day_one) == ["C", "B", "A"]
    store.apply(ops.move_block(a, site.day_one, before=c))
    assert titles(store, site, site.day_one) == ["A", "C", "B"]
    # Where it is already: nothing is written.
    count = log_count(store)
    for already in (ops.move_block(c, site.day_one, after=a),
                    ops.move_block(c, site.day_one, before=b),
                    ops.move_block(b, site.day_one),
                    ops.move_block(b, site.day_one, after=b)):
        assert isinstance(store.apply(already).inverse, NoOp)
    assert log_count(store) == count


def test_move_block_across_days_keeps_its_materials_and_tracks(store: Store, site: Site) -> None:
    a, b = add_blocks(store, site.day_one, "A", "B")
    (x,) = add_blocks(store, site.day_two, "X")
    store.apply(ops.split_block(b, [ops.TrackSpec("AG 1", "R1"), ops.TrackSpec("AG 2", "R2")]))
    store.apply(ops.set_materials(b, [ops.MaterialSpec("Marker", 4)]))
    result, before = apply(store, ops.move_block(b, site.day_two, before=x))
    assert titles(store, site, site.day_one) == ["A"]
    assert titles(store, site, site.day_two) == ["B", "X"]
    moved = block_view(store, site, b)
    assert (len(moved.tracks), len(moved.materials), moved.day_id) == (2, 1, site.day_two)
    undo_redo(store, result, before)
    refused(store, ops.move_block(a, site.other_day), "same workshop")
    refused(store, ops.move_block(a, site.day_two, after=uuid.uuid4()), "no longer in this list")


def test_moving_next_to_rows_that_share_an_order_key(store: Store, site: Site) -> None:
    """Two laptops put a block at the same place: both have one key. Placing after either
    still works (after both), and nothing between them is needed."""
    (a,) = add_blocks(store, site.day_one, "A")
    key = row(store, "agenda_item", a)["order_key"]
    twin = Create("agenda_item", {"day_id": site.day_one, "title": "Twin", "order_key": key})
    store.apply(twin)
    (c,) = add_blocks(store, site.day_one, "C")
    first = min(a, twin.id)
    store.apply(ops.move_block(c, site.day_one, after=first))
    assert titles(store, site, site.day_one)[-1] == "C"
    store.apply(ops.move_block(c, site.day_one, before=first))
    assert titles(store, site, site.day_one)[0] == "C"


def test_copy_block_goes_right_after_the_original(store: Store, site: Site) -> None:
    a, b = add_blocks(store, site.day_one, "A", "B")
    store.apply(ops.update_block(a, pinned_at=dt.time(9, 0), ballot_id=site.ballot,
                                 board_id=site.board, notes="Notizen"))
    store.apply(ops.split_block(a, [ops.TrackSpec("AG 1", "R1", "Anna", site.board),
                                    ops.TrackSpec("AG 2", "R2")]))
    store.apply(ops.set_materials(a, [ops.MaterialSpec("Marker", 3)]))
    store.apply(ops.start_block(a, dt.datetime(2022, 1, 20, 8, 0)))
    store.apply(ops.extend_block(a, 5))
    operation = ops.copy_block(a)
    result, before = apply(store, operation)
    assert titles(store, site, site.day_one) == ["A", "A", "B"]
    original, copy = block_view(store, site, a), block_view(store, site, operation.id)
    assert (copy.notes, copy.board_id, copy.duration_min) == (
        "Notizen", site.board, original.duration_min)
    # Same day: no second block fixed to 9:00; the ballot stays with the original;
    # the copy has not run (and got no extra time).
    assert (copy.pinned_at, copy.ballot_id, copy.actual_start) == (None, None, None)
    assert (original.extra_min, copy.extra_min) == (5, 0)
    assert [(t.title, t.room, t.facilitator, t.board_id) for t in copy.tracks] == [
        (t.title, t.room, t.facilitator, t.board_id) for t in original.tracks]
    assert {t.id for t in copy.tracks}.isdisjoint({t.id for t in original.tracks})
    assert [(m.name, m.quantity) for m in copy.materials] == [("Marker", 3)]
    undo_redo(store, result, before)
    assert b in {block.id for block in day_of(store, site, site.day_one).blocks}


def test_copy_block_to_another_day_keeps_the_pin(store: Store, site: Site) -> None:
    (lunch,) = add_blocks(store, site.day_one, "Mittagspause")
    store.apply(ops.pin_block(lunch, dt.time(12, 30)))
    operation = ops.copy_block(lunch, day_id=site.day_two)
    store.apply(operation)
    assert block_view(store, site, operation.id).pinned_at == dt.time(12, 30)
    refused(store, ops.copy_block(lunch, day_id=site.other_day), "same workshop")


def test_copy_day_copies_everything_after_the_original(store: Store, site: Site) -> None:
    a, b = add_blocks(store, site.day_one, "A", "B")
    store.apply(ops.pin_block(b, dt.time(12, 30)))
    store.apply(ops.split_block(a, [ops.TrackSpec("AG 1", "R1"), ops.TrackSpec("AG 2", "R2")]))
    store.apply(ops.set_materials(b, [ops.MaterialSpec("Klebepunkte", 100)]))
    store.apply(ops.skip_block(a, dt.datetime(2022, 1, 20, 9, 0)))
    store.apply(ops.extend_block(b, 10))
    # The day after the original is taken by day two: the copy has no date.
    operation = ops.copy_day(site.day_one)
    result, before = apply(store, operation)
    days = agenda(store, site.workshop).days
    assert [d.id for d in days] == [site.day_one, operation.id, site.day_two]
    copy = days[1]
    assert (copy.day, copy.starts_at) == (None, dt.time(9, 0))
    assert [blk.title for blk in copy.blocks] == ["A", "B"]
    assert [len(blk.tracks) for blk in copy.blocks] == [2, 0]
    assert copy.blocks[1].pinned_at == dt.time(12, 30)
    assert [(m.name, m.quantity) for m in copy.blocks[1].materials] == [("Klebepunkte", 100)]
    assert copy.blocks[0].actual_start is None
    assert [blk.extra_min for blk in copy.blocks] == [0, 0]
    assert [blk.duration_min for blk in copy.blocks] == [
        blk.duration_min for blk in days[0].blocks]
    undo_redo(store, result, before)
    second = ops.copy_day(site.day_two)
    store.apply(second)
    assert day_of(store, site, second.id).day == dt.date(2022, 1, 22)
    refused(store, ops.copy_day(site.day_two, day=DAY_ONE), "already has a day")
    explicit = ops.copy_day(site.day_two, day=dt.date(2022, 2, 1))
    store.apply(explicit)
    assert day_of(store, site, explicit.id).day == dt.date(2022, 2, 1)


def test_delete_block_and_undo(store: Store, site: Site) -> None:
    a, _b = add_blocks(store, site.day_one, "A", "B")
    store.apply(ops.split_block(a, [ops.TrackSpec("AG 1", "R1"), ops.TrackSpec("AG 2", "R2")]))
    result, before = apply(store, ops.delete_block(a))
    assert titles(store, site, site.day_one) == ["B"]
    undo_redo(store, result, before)


# --------------------------------------------------------------------------- tracks


def test_split_into_working_groups_and_join_back(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Arbeitsgruppen")
    specs = [ops.TrackSpec(f"AG {n}", f"Raum 1.0{n}", "Moderation", None) for n in range(10)]
    specs[1] = ops.TrackSpec("AG Mobilität", "Großer Saal", "AG-Leitung", site.board)
    result, before = apply(store, ops.split_block(block_id, specs))
    tracks = block_view(store, site, block_id).tracks
    assert [t.title for t in tracks] == [s.title for s in specs]
    assert tracks[1].board_id == site.board
    undo_redo(store, result, before)

    joined, before_join = apply(store, ops.join_tracks(block_id))
    assert block_view(store, site, block_id).tracks == ()
    undo_redo(store, joined, before_join)
    store.apply(joined.inverse)
    assert [t.id for t in block_view(store, site, block_id).tracks] == [t.id for t in tracks]
    assert isinstance(store.apply(ops.join_tracks(add_blocks(store, site.day_one, "X")[0]))
                      .inverse, NoOp)


def test_split_refuses_bad_groups(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Arbeitsgruppen")
    refused(store, ops.split_block(block_id, [ops.TrackSpec("AG 1")]), "at least two")
    refused(store, ops.split_block(block_id, [ops.TrackSpec("AG 1"), ops.TrackSpec(" ")]),
            "Title must not be empty")
    refused(store, ops.split_block(block_id, [ops.TrackSpec("AG 1"),
                                              ops.TrackSpec("AG 2", board_id=site.other_board)]),
            "board belongs to another workshop")
    store.apply(ops.split_block(block_id, [ops.TrackSpec("AG 1"), ops.TrackSpec("AG 2")]))
    refused(store, ops.split_block(block_id, [ops.TrackSpec("AG 3"), ops.TrackSpec("AG 4")]),
            "already split")


def test_working_groups_are_added_changed_and_deleted(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Arbeitsgruppen")
    store.apply(ops.split_block(block_id, [ops.TrackSpec("AG 1"), ops.TrackSpec("AG 3")]))
    first, third = block_view(store, site, block_id).tracks
    added = ops.add_track(block_id, ops.TrackSpec("AG 2", "Raum 2"), after=first.id)
    result, before = apply(store, added)
    assert [t.title for t in block_view(store, site, block_id).tracks] == [
        "AG 1", "AG 2", "AG 3"]
    undo_redo(store, result, before)
    changed, before = apply(store, ops.update_track(added.id, room="Raum 2.01",
                                                    facilitator="Ben", board_id=site.board))
    track = block_view(store, site, block_id).tracks[1]
    assert (track.room, track.facilitator, track.board_id) == ("Raum 2.01", "Ben", site.board)
    undo_redo(store, changed, before)
    refused(store, ops.update_track(added.id, board_id=site.other_board), "another workshop")
    store.apply(ops.delete_track(third.id))
    assert [t.title for t in block_view(store, site, block_id).tracks] == ["AG 1", "AG 2"]


# --------------------------------------------------------------------------- materials


def test_set_materials_replaces_the_list_and_keeps_ids_of_names_kept(store: Store,
                                                                     site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "World Café")
    store.apply(ops.set_materials(block_id, [ops.MaterialSpec("Marker", 20),
                                             ops.MaterialSpec("Glocke", 1)]))
    marker = next(m for m in block_view(store, site, block_id).materials if m.name == "Marker")
    result, before = apply(store, ops.set_materials(block_id, [
        ops.MaterialSpec("marker", 40), ops.MaterialSpec("Papiertischdecken", 10)]))
    materials = block_view(store, site, block_id).materials
    assert [(m.name, m.quantity) for m in materials] == [("marker", 40),
                                                         ("Papiertischdecken", 10)]
    assert materials[0].id == marker.id
    undo_redo(store, result, before)
    refused(store, ops.set_materials(block_id, [ops.MaterialSpec("Marker", 0)]),
            "Quantity must be at least 1")
    refused(store, ops.set_materials(block_id, [ops.MaterialSpec("Marker"),
                                                ops.MaterialSpec(" MARKER ")]), "listed twice")
    emptied, before = apply(store, ops.set_materials(block_id, []))
    assert block_view(store, site, block_id).materials == ()
    undo_redo(store, emptied, before)


def test_set_materials_merges_a_name_two_laptops_both_added(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "World Café")
    for _ in range(2):
        store.apply(Create("agenda_material", {"item_id": block_id, "name": "Marker",
                                               "quantity": 5}))
    store.apply(ops.set_materials(block_id, [ops.MaterialSpec("Marker", 12)]))
    assert [(m.name, m.quantity) for m in block_view(store, site, block_id).materials] == [
        ("Marker", 12)]


# --------------------------------------------------------------------------- live


def test_live_times_are_recorded_in_utc(store: Store, site: Site) -> None:
    a, b = add_blocks(store, site.day_one, "A", "B")
    started = dt.datetime(2022, 1, 20, 9, 2, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    result, before = apply(store, ops.start_block(a, started))
    assert block_view(store, site, a).actual_start == dt.datetime(2022, 1, 20, 8, 2)
    undo_redo(store, result, before)
    moment = dt.datetime(2022, 1, 20, 8, 40)
    step, before = apply(store, ops.next_block(a, b, moment))
    assert (block_view(store, site, a).actual_end, block_view(store, site, b).actual_start) == (
        moment, moment)
    assert step.inverse.label.source == "Next block"
    undo_redo(store, step, before)
    store.apply(ops.end_block(b, moment + dt.timedelta(minutes=30)))
    assert block_view(store, site, b).actual_end == moment + dt.timedelta(minutes=30)
    with pytest.raises(ValueError, match="another block"):
        ops.next_block(a, a)


def test_live_times_without_a_time_are_now(store: Store, site: Site) -> None:
    (a,) = add_blocks(store, site.day_one, "A")
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    store.apply(ops.start_block(a))
    after = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    started = block_view(store, site, a).actual_start
    assert started is not None and before <= started <= after


def test_skip_restart_and_reset(store: Store, site: Site) -> None:
    (a,) = add_blocks(store, site.day_one, "A")
    moment = dt.datetime(2022, 1, 20, 10, 0)
    store.apply(ops.skip_block(a, moment))
    view = block_view(store, site, a)
    assert (view.actual_start, view.actual_end) == (moment, moment)
    store.apply(ops.start_block(a, moment + dt.timedelta(minutes=5)))
    store.apply(ops.extend_block(a, 5))
    view = block_view(store, site, a)
    assert (view.actual_start, view.actual_end) == (moment + dt.timedelta(minutes=5), None)
    result, before = apply(store, ops.reset_times(a))
    view = block_view(store, site, a)
    assert (view.actual_start, view.actual_end, view.extra_min) == (None, None, 0)
    assert view.duration_min == 30
    undo_redo(store, result, before)
    assert block_view(store, site, a).extra_min == 0
    store.apply(result.inverse)
    assert block_view(store, site, a).extra_min == 5


def test_a_block_cannot_end_before_it_started_or_without_starting(store: Store,
                                                                  site: Site) -> None:
    (a,) = add_blocks(store, site.day_one, "A")
    moment = dt.datetime(2022, 1, 20, 10, 0)
    refused(store, ops.end_block(a, moment), "has not started")
    store.apply(ops.start_block(a, moment))
    refused(store, ops.end_block(a, moment - dt.timedelta(minutes=1)), "cannot end before")


def test_operations_on_a_deleted_block_are_refused(store: Store, site: Site) -> None:
    a, b = add_blocks(store, site.day_one, "A", "B")
    store.apply(ops.delete_block(a))
    for operation in (ops.update_block(a, title="Neu"), ops.move_block(a, site.day_two),
                      ops.copy_block(a), ops.start_block(a), ops.extend_block(a, 5),
                      ops.set_materials(a, []), ops.join_tracks(a),
                      ops.split_block(a, [ops.TrackSpec("1"), ops.TrackSpec("2")]),
                      ops.move_block(b, site.day_one, after=a)):
        with pytest.raises(ValidationError):
            store.apply(operation)


# --------------------------------------------------------------------------- undo stack


@pytest.fixture
def writer(store: Store) -> Iterator[StoreWriter]:
    running = StoreWriter(store)
    yield running
    running.close()


def test_undo_and_redo_through_the_writer_queued_at_once(store: Store, site: Site,
                                                         writer: StoreWriter) -> None:
    a, b, c = add_blocks(store, site.day_one, "A", "B", "C")
    entries = [UndoEntry(ops.move_block(c, site.day_one, before=a)),
               UndoEntry(ops.copy_day(site.day_one)),
               UndoEntry(ops.split_block(b, [ops.TrackSpec("AG 1"), ops.TrackSpec("AG 2")]))]
    before = snapshot(store)
    futures = [submit_step(writer.submit, entry, entry.forward()) for entry in entries]
    futures += [submit_step(writer.submit, entry, entry.backward())
                for entry in reversed(entries)]
    for future in futures:
        assert future.exception(timeout=10) is None
    assert snapshot(store) == before
    for entry in entries:
        assert submit_step(writer.submit, entry, entry.forward()).exception(timeout=10) is None
    assert titles(store, site, site.day_one) == ["C", "A", "B"]
    assert len(agenda(store, site.workshop).days) == 3
    assert len(block_view(store, site, b).tracks) == 2


def test_tombstone_is_the_inverse_of_a_split(store: Store, site: Site) -> None:
    (a,) = add_blocks(store, site.day_one, "A")
    result = store.apply(ops.split_block(a, [ops.TrackSpec("1"), ops.TrackSpec("2")]))
    assert isinstance(result.inverse, Tombstone)
    assert len(result.inverse.items) == 2
