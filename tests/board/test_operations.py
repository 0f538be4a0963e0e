"""Board operations on a real store: what they write, what the change log records, undo, redo."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from myk10_workshop.board import operations as ops
from myk10_workshop.board.layout import Rect, frame_around, tidy
from myk10_workshop.board.queries import BoardSnapshot, inbox, load_board
from myk10_workshop.demo import demo_operation
from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store
from myk10_workshop.store.entities import RULES, rule
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.operations import (
    Batch,
    BulkCreate,
    Create,
    Delete,
    Operation,
    OpResult,
    Update,
)
from myk10_workshop.store.schema import Board, ChangeLogEntry, Cluster, Idea

LABEL = Message("Test", "Test step")
Snapshot = dict[tuple[str, uuid.UUID], dict[str, Any]]


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Site:
    project: uuid.UUID
    fields: tuple[uuid.UUID, uuid.UUID]
    workshop: uuid.UUID
    board: uuid.UUID
    other_board: uuid.UUID


@pytest.fixture
def site(store: Store) -> Site:
    """A project with two fields of action, one workshop and two boards."""
    project = Create("project", {"name": "Smarte Region MYK10"})
    fields = (Create("field_of_action", {"project_id": project.id, "name": "Mobilität"}),
              Create("field_of_action", {"project_id": project.id, "name": "Bildung"}))
    workshop = Create("workshop", {"project_id": project.id, "title": "Strategie-Workshop"})
    board = Create("board", {"workshop_id": workshop.id, "title": "Ziele"})
    other = Create("board", {"workshop_id": workshop.id, "title": "AG Mobilität"})
    store.apply(Batch((project, *fields, workshop, board, other), LABEL))
    return Site(project.id, (fields[0].id, fields[1].id), workshop.id, board.id, other.id)


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


def live(store: Store, kind: str, entity_id: uuid.UUID) -> bool:
    return row(store, kind, entity_id)["deleted"] is False


def logged_kinds(store: Store, op_id: uuid.UUID) -> set[str]:
    return set(store.read(lambda s: s.scalars(
        select(ChangeLogEntry.entity).where(ChangeLogEntry.op_id == op_id))))


def logged(store: Store, op_id: uuid.UUID) -> set[tuple[str, uuid.UUID, str]]:
    return {(e.entity, e.entity_id, e.field) for e in store.read(lambda s: list(s.scalars(
        select(ChangeLogEntry).where(ChangeLogEntry.op_id == op_id))))}


def log_count(store: Store) -> int:
    return store.read(lambda s: s.scalar(select(func.count()).select_from(ChangeLogEntry)))


def board_view(store: Store, board_id: uuid.UUID) -> BoardSnapshot:
    found = store.read(lambda s: load_board(s, board_id))
    assert found is not None
    return found


def undo_redo(store: Store, result: OpResult, before: Snapshot) -> None:
    """Undo brings back exactly the state before; redo (the undo of the undo) the state after."""
    after = snapshot(store)
    assert after != before
    undone = store.apply(result.inverse)
    assert snapshot(store) == before
    store.apply(undone.inverse)
    assert snapshot(store) == after


def add_notes(store: Store, board_id: uuid.UUID, *places: tuple[float, float],
              cluster_id: uuid.UUID | None = None, state: str = "board",
              created: dt.datetime | None = None) -> list[uuid.UUID]:
    creates = [Create("idea", {
        "board_id": board_id, "text": f"Idee {n}", "x": x, "y": y, "cluster_id": cluster_id,
        "state": state, "source": "phone" if state == "inbox" else "typed",
        **({"created_at": created + dt.timedelta(minutes=n)} if created else {}),
    }) for n, (x, y) in enumerate(places)]
    store.apply(Batch(tuple(creates), LABEL))
    return [create.id for create in creates]


def add_cluster(store: Store, board_id: uuid.UUID, frame: Rect, title: str = "Verkehr",
                *members: tuple[float, float]) -> tuple[uuid.UUID, list[uuid.UUID]]:
    cluster = Create("cluster", {"board_id": board_id, "title": title, "x": frame.x,
                                 "y": frame.y, "width": frame.width, "height": frame.height})
    store.apply(cluster)
    return cluster.id, add_notes(store, board_id, *members, cluster_id=cluster.id)


def apply(store: Store, operation: Operation) -> tuple[OpResult, Snapshot]:
    before = snapshot(store)
    return store.apply(operation), before


# --------------------------------------------------------------------------- notes


def test_create_idea_puts_a_typed_note_on_the_board(store: Store, site: Site) -> None:
    operation = ops.create_idea(site.board, "Rufbus für alle Dörfer", 120.0, -40.0,
                                colour=ops.NOTE_COLOURS[2], author="Anna",
                                field_of_action_id=site.fields[0])
    result, before = apply(store, operation)

    (note,) = board_view(store, site.board).ideas
    assert note.id == operation.id
    assert (note.text, note.x, note.y, note.colour) == (
        "Rufbus für alle Dörfer", 120.0, -40.0, ops.NOTE_COLOURS[2])
    assert (note.state, note.source, note.author) == ("board", "typed", "Anna")
    assert note.field_of_action_id == site.fields[0]
    assert note.cluster_id is None
    assert logged_kinds(store, result.op_id) == {"idea"}
    assert result.changes.created == {"idea": frozenset({operation.id})}
    undo_redo(store, result, before)


def test_create_idea_in_private_mode_is_private(store: Store, site: Site) -> None:
    operation = ops.create_idea(site.board, "Geheime Idee", 0.0, 0.0, private=True)
    result, before = apply(store, operation)
    assert row(store, "idea", operation.id)["state"] == "private"
    undo_redo(store, result, before)


def test_create_idea_refuses_an_empty_note_and_writes_nothing(store: Store, site: Site) -> None:
    count, before = log_count(store), snapshot(store)
    with pytest.raises(ValidationError):
        store.apply(ops.create_idea(site.board, "   ", 0.0, 0.0))
    assert snapshot(store) == before
    assert log_count(store) == count


def test_create_ideas_adds_many_notes_in_one_undo_step(store: Store, site: Site) -> None:
    texts = ["Bürgerbus", "Mitfahrbank", "E-Bike-Verleih"]
    places = [(0.0, 0.0), (200.0, 0.0), (400.0, 0.0)]
    operation = ops.create_ideas(site.board, texts, places, private=True,
                                 colour=ops.NOTE_COLOURS[3])
    assert isinstance(operation, Batch)
    result, before = apply(store, operation)

    ideas = board_view(store, site.board).ideas
    assert sorted((i.text, i.x, i.y) for i in ideas) == sorted(
        (text, x, y) for text, (x, y) in zip(texts, places, strict=True))
    assert {(i.state, i.colour) for i in ideas} == {("private", ops.NOTE_COLOURS[3])}
    assert logged_kinds(store, result.op_id) == {"idea"}
    assert {e[1] for e in logged(store, result.op_id)} == {i.id for i in ideas}

    # One undo removes them all, one redo brings them all back.
    undone = store.apply(result.inverse)
    assert board_view(store, site.board).ideas == ()
    assert snapshot(store) == before
    store.apply(undone.inverse)
    assert board_view(store, site.board).ideas == ideas


def test_create_ideas_of_one_text_is_a_plain_create(store: Store, site: Site) -> None:
    operation = ops.create_ideas(site.board, ["Nur eine"], [(5.0, 6.0)])
    assert isinstance(operation, Create)
    store.apply(operation)
    assert row(store, "idea", operation.id)["state"] == "board"


def test_create_ideas_needs_one_position_per_text(site: Site) -> None:
    with pytest.raises(ValueError, match="zip"):
        ops.create_ideas(site.board, ["a", "b"], [(0.0, 0.0)])


def test_import_ideas_is_one_bulk_insert_marked_as_imported(store: Store, site: Site) -> None:
    rows = [{"text": "Glasfaser für alle", "author": "Jürgen", "colour": "#a5d6a7"},
            {"text": "Digitale Sprechstunde", "colour": ""},
            {"text": "Dorf-App", "field_of_action_id": site.fields[1]}]
    places = [(0.0, 0.0), (200.0, 0.0), (400.0, 0.0)]
    operation = ops.import_ideas(site.board, rows, places)
    assert isinstance(operation, BulkCreate)
    result, before = apply(store, operation)

    ideas = {i.text: i for i in board_view(store, site.board).ideas}
    assert set(ideas) == {"Glasfaser für alle", "Digitale Sprechstunde", "Dorf-App"}
    assert {(i.source, i.state) for i in ideas.values()} == {("import", "board")}
    assert ideas["Glasfaser für alle"].author == "Jürgen"
    assert ideas["Glasfaser für alle"].colour == "#a5d6a7"
    assert ideas["Digitale Sprechstunde"].colour == ops.NOTE_COLOURS[0]  # empty: the default
    assert ideas["Digitale Sprechstunde"].author == ""
    assert ideas["Dorf-App"].field_of_action_id == site.fields[1]
    assert [(ideas[r["text"]].x, ideas[r["text"]].y) for r in rows] == places
    assert logged_kinds(store, result.op_id) == {"idea"}
    undo_redo(store, result, before)


def test_import_into_a_board_deleted_meanwhile_is_refused_like_a_typed_note(
        store: Store, site: Site) -> None:
    # The preview dialog may be open while the board is deleted (or undone) elsewhere.
    store.apply(Delete("board", site.board))
    count, before = log_count(store), snapshot(store)
    with pytest.raises(ValidationError, match="no longer exists"):
        store.apply(ops.create_idea(site.board, "Getippt", 0.0, 0.0))
    with pytest.raises(ValidationError, match="no longer exists"):
        store.apply(ops.import_ideas(site.board, [{"text": "Importiert"}], [(0.0, 0.0)]))
    assert snapshot(store) == before
    assert log_count(store) == count


def test_edit_idea_changes_text_and_colour(store: Store, site: Site) -> None:
    (note,) = add_notes(store, site.board, (0.0, 0.0))
    result, before = apply(store, ops.edit_idea(note, text="Rufbus\nauch sonntags",
                                                colour="#90caf9"))
    stored = row(store, "idea", note)
    assert (stored["text"], stored["colour"]) == ("Rufbus\nauch sonntags", "#90caf9")
    assert logged(store, result.op_id) == {("idea", note, "text"), ("idea", note, "colour")}
    undo_redo(store, result, before)


def test_edit_idea_refuses_bad_values_and_writes_nothing(store: Store, site: Site) -> None:
    (note,) = add_notes(store, site.board, (0.0, 0.0))
    count, before = log_count(store), snapshot(store)
    for changes in ({"text": ""}, {"text": "x" * 2001}, {"colour": "gelb"}, {"author": "a" * 101},
                    {"state": "verschwunden"}):
        with pytest.raises(ValidationError):
            store.apply(ops.edit_idea(note, **changes))
    assert snapshot(store) == before
    assert log_count(store) == count


# --------------------------------------------------------------------------- delete


def test_delete_items_removes_notes_from_the_board(store: Store, site: Site) -> None:
    first, second, third = add_notes(store, site.board, (0.0, 0.0), (200.0, 0.0), (400.0, 0.0))
    result, before = apply(store, ops.delete_items([first, third]))
    assert [i.id for i in board_view(store, site.board).ideas] == [second]
    assert logged(store, result.op_id) == {("idea", first, "deleted"), ("idea", third, "deleted")}
    undo_redo(store, result, before)


def test_deleting_a_frame_keeps_its_notes_unclustered(store: Store, site: Site) -> None:
    cluster, members = add_cluster(store, site.board, Rect(0.0, 0.0, 620.0, 400.0), "Verkehr",
                                   (20.0, 56.0), (220.0, 56.0))
    (loose,) = add_notes(store, site.board, (900.0, 0.0))
    operation = ops.delete_items((), [cluster])
    assert isinstance(operation, ops.DissolveCluster)
    result, before = apply(store, operation)

    view = board_view(store, site.board)
    assert view.clusters == ()
    assert {i.id: i.cluster_id for i in view.ideas} == dict.fromkeys([*members, loose])
    # The notes stay where they were.
    assert {(i.x, i.y) for i in view.ideas if i.id in members} == {(20.0, 56.0), (220.0, 56.0)}
    assert logged_kinds(store, result.op_id) == {"idea", "cluster"}
    assert ("cluster", cluster, "deleted") in logged(store, result.op_id)

    undone = store.apply(result.inverse)
    assert snapshot(store) == before
    assert {row(store, "idea", m)["cluster_id"] for m in members} == {cluster}
    store.apply(undone.inverse)
    assert board_view(store, site.board).clusters == ()
    assert {row(store, "idea", m)["cluster_id"] for m in members} == {None}


def test_deleting_frames_and_notes_together_is_one_step(store: Store, site: Site) -> None:
    first, first_members = add_cluster(store, site.board, Rect(0.0, 0.0, 620.0, 400.0), "A",
                                       (20.0, 56.0), (220.0, 56.0))
    second, second_members = add_cluster(store, site.board, Rect(700.0, 0.0, 620.0, 400.0),
                                         "B", (720.0, 56.0))
    operation = ops.delete_items([first_members[0]], [first, second])
    assert isinstance(operation, Batch)
    result, before = apply(store, operation)

    view = board_view(store, site.board)
    assert view.clusters == ()
    assert {i.id: i.cluster_id for i in view.ideas} == {first_members[1]: None,
                                                       second_members[0]: None}
    undo_redo(store, result, before)


def test_dissolving_a_cluster_that_is_gone_is_refused_and_changes_nothing(
        store: Store, site: Site) -> None:
    cluster, _ = add_cluster(store, site.board, Rect(0.0, 0.0, 400.0, 300.0), "Weg",
                             (20.0, 56.0))
    store.apply(ops.DissolveCluster(cluster))
    count, before = log_count(store), snapshot(store)

    with pytest.raises(ValidationError, match="no longer exists"):
        store.apply(ops.DissolveCluster(cluster))
    with pytest.raises(ValidationError, match="no longer exists"):
        store.apply(ops.delete_items([], [cluster, uuid.uuid4()]))

    assert snapshot(store) == before
    assert log_count(store) == count


# --------------------------------------------------------------------------- move


def test_move_sets_new_positions(store: Store, site: Site) -> None:
    first, second = add_notes(store, site.board, (0.0, 0.0), (200.0, 0.0))
    result, before = apply(store, ops.move({first: (50.0, 60.0), second: (-10.5, 300.25)}))
    places = {i.id: (i.x, i.y) for i in board_view(store, site.board).ideas}
    assert places == {first: (50.0, 60.0), second: (-10.5, 300.25)}
    assert logged(store, result.op_id) == {("idea", first, "x"), ("idea", first, "y"),
                                           ("idea", second, "x"), ("idea", second, "y")}
    undo_redo(store, result, before)


def test_a_note_dragged_into_a_frame_joins_its_cluster(store: Store, site: Site) -> None:
    cluster, _ = add_cluster(store, site.board, Rect(0.0, 0.0, 620.0, 400.0), "Verkehr",
                             (20.0, 56.0))
    (note,) = add_notes(store, site.board, (900.0, 900.0))
    result, before = apply(store, ops.move({note: (220.0, 56.0)}, memberships={note: cluster}))

    stored = row(store, "idea", note)
    assert (stored["x"], stored["y"], stored["cluster_id"]) == (220.0, 56.0, cluster)
    assert result.changes.updated == {"idea": {note: frozenset({"x", "y", "cluster_id"})}}
    undo_redo(store, result, before)
    store.apply(result.inverse)
    assert row(store, "idea", note)["cluster_id"] is None


def test_a_note_dragged_out_of_a_frame_leaves_its_cluster(store: Store, site: Site) -> None:
    cluster, (inside, staying) = add_cluster(store, site.board, Rect(0.0, 0.0, 620.0, 400.0),
                                             "Verkehr", (20.0, 56.0), (220.0, 56.0))
    result, before = apply(store, ops.move({inside: (1000.0, 1000.0)},
                                           memberships={inside: None}))
    assert row(store, "idea", inside)["cluster_id"] is None
    assert row(store, "idea", staying)["cluster_id"] == cluster
    undo_redo(store, result, before)


def test_a_frame_moved_with_its_notes_and_a_membership_only_change(
        store: Store, site: Site) -> None:
    cluster, (member,) = add_cluster(store, site.board, Rect(0.0, 0.0, 400.0, 300.0),
                                     "Verkehr", (20.0, 56.0))
    target, _ = add_cluster(store, site.board, Rect(1000.0, 0.0, 400.0, 300.0), "Bildung")
    (loose,) = add_notes(store, site.board, (1020.0, 56.0))
    result, before = apply(store, ops.move(ideas={member: (120.0, 156.0)},
                                           clusters={cluster: (100.0, 100.0)},
                                           memberships={loose: target}))
    frame = row(store, "cluster", cluster)
    assert (frame["x"], frame["y"], frame["width"], frame["height"]) == (
        100.0, 100.0, 400.0, 300.0)
    assert row(store, "idea", member)["cluster_id"] == cluster
    moved = row(store, "idea", loose)
    assert (moved["x"], moved["y"], moved["cluster_id"]) == (1020.0, 56.0, target)
    assert logged_kinds(store, result.op_id) == {"idea", "cluster"}
    undo_redo(store, result, before)


def test_moving_a_note_into_a_deleted_cluster_is_refused(store: Store, site: Site) -> None:
    cluster, _ = add_cluster(store, site.board, Rect(0.0, 0.0, 400.0, 300.0))
    (note,) = add_notes(store, site.board, (900.0, 0.0))
    store.apply(ops.delete_items((), [cluster]))
    before = snapshot(store)
    with pytest.raises(ValidationError):
        store.apply(ops.move({note: (20.0, 56.0)}, memberships={note: cluster}))
    assert snapshot(store) == before


# --------------------------------------------------------------------------- clusters


def test_create_cluster_draws_a_frame_around_its_notes(store: Store, site: Site) -> None:
    notes = add_notes(store, site.board, (100.0, 100.0), (300.0, 100.0), (100.0, 240.0))
    (outsider,) = add_notes(store, site.board, (2000.0, 2000.0))
    members = {note_id: (row(store, "idea", note_id)["x"], row(store, "idea", note_id)["y"])
               for note_id in notes}
    operation = ops.create_cluster(site.board, "Mobilität", members, colour="#fce4ec")
    result, before = apply(store, operation)

    (cluster,) = board_view(store, site.board).clusters
    assert (cluster.title, cluster.colour, cluster.collapsed) == ("Mobilität", "#fce4ec", False)
    assert Rect(cluster.x, cluster.y, cluster.width, cluster.height) == frame_around(
        members.values())
    assert {i.id for i in board_view(store, site.board).ideas
            if i.cluster_id == cluster.id} == set(notes)
    assert row(store, "idea", outsider)["cluster_id"] is None
    # The notes did not move.
    assert {n: (row(store, "idea", n)["x"], row(store, "idea", n)["y"]) for n in notes} == members
    assert logged_kinds(store, result.op_id) == {"cluster", "idea"}
    undo_redo(store, result, before)
    store.apply(result.inverse)
    assert board_view(store, site.board).clusters == ()
    assert {row(store, "idea", n)["cluster_id"] for n in notes} == {None}


def test_create_cluster_with_moves_lays_notes_out_in_the_new_frame(
        store: Store, site: Site) -> None:
    notes = add_notes(store, site.board, (0.0, 0.0), (500.0, 900.0), (-300.0, 40.0))
    members = {n: (row(store, "idea", n)["x"], row(store, "idea", n)["y"]) for n in notes}
    positions, frame = tidy(Rect(1000.0, 0.0, 0.0, 0.0), notes)
    operation = ops.create_cluster(site.board, "Vorschlag", members, frame=frame,
                                   moves=positions)
    result, before = apply(store, operation)

    created = operation.operations[0]
    assert isinstance(created, Create)
    cluster = row(store, "cluster", created.id)
    assert Rect(cluster["x"], cluster["y"], cluster["width"], cluster["height"]) == frame
    for note in notes:
        stored = row(store, "idea", note)
        assert (stored["x"], stored["y"]) == positions[note]
        assert stored["cluster_id"] == cluster["id"]
    undo_redo(store, result, before)


def test_create_cluster_with_moves_and_no_frame_frames_the_moved_notes(
        store: Store, site: Site) -> None:
    first, second = add_notes(store, site.board, (0.0, 0.0), (5000.0, 5000.0))
    members = {first: (0.0, 0.0), second: (5000.0, 5000.0)}
    operation = ops.create_cluster(site.board, "Neu", members, moves={second: (200.0, 0.0)})
    store.apply(operation)
    (cluster,) = board_view(store, site.board).clusters
    assert Rect(cluster.x, cluster.y, cluster.width, cluster.height) == frame_around(
        [(0.0, 0.0), (200.0, 0.0)])
    assert (row(store, "idea", second)["x"], row(store, "idea", second)["y"]) == (200.0, 0.0)


@pytest.mark.parametrize("changes", [
    {"title": "Mobilität auf dem Land"},
    {"colour": "#e8f5e9"},
    {"x": 40.0, "y": -80.0, "width": 900.0, "height": 650.0},
    {"collapsed": True},
])
def test_edit_cluster(store: Store, site: Site, changes: dict[str, Any]) -> None:
    cluster, _ = add_cluster(store, site.board, Rect(0.0, 0.0, 400.0, 300.0), "Verkehr",
                             (20.0, 56.0))
    result, before = apply(store, ops.edit_cluster(cluster, **changes))
    (view,) = board_view(store, site.board).clusters
    for name, value in changes.items():
        assert getattr(view, name) == value
    assert logged(store, result.op_id) == {("cluster", cluster, name) for name in changes}
    undo_redo(store, result, before)


def test_edit_cluster_refuses_a_tiny_frame_and_a_bad_colour(store: Store, site: Site) -> None:
    cluster, _ = add_cluster(store, site.board, Rect(0.0, 0.0, 400.0, 300.0))
    before = snapshot(store)
    with pytest.raises(ValidationError):
        store.apply(ops.edit_cluster(cluster, width=10.0))
    with pytest.raises(ValidationError):
        store.apply(ops.edit_cluster(cluster, colour="blau"))
    assert snapshot(store) == before


def test_tidy_cluster_lays_out_the_members_and_fits_the_frame(store: Store, site: Site) -> None:
    frame = Rect(100.0, 100.0, 400.0, 300.0)
    cluster, members = add_cluster(store, site.board, frame, "Durcheinander",
                                   (130.0, 400.0), (110.0, 170.0), (420.0, 160.0), (250.0, 333.0),
                                   (180.0, 260.0))
    positions, box = tidy(frame, members)
    result, before = apply(store, ops.tidy_cluster(cluster, positions, box))

    view = board_view(store, site.board)
    assert {i.id: (i.x, i.y) for i in view.ideas} == positions
    (stored,) = view.clusters
    assert Rect(stored.x, stored.y, stored.width, stored.height) == box
    assert {i.cluster_id for i in view.ideas} == {cluster}
    assert logged_kinds(store, result.op_id) == {"cluster", "idea"}
    undo_redo(store, result, before)


# --------------------------------------------------------------------------- merge


def test_merge_clusters_moves_the_members_and_grows_the_target(store: Store, site: Site) -> None:
    target, target_members = add_cluster(store, site.board, Rect(0.0, 0.0, 420.0, 200.0),
                                         "Bus", (20.0, 56.0), (220.0, 56.0))
    other, other_members = add_cluster(store, site.board, Rect(600.0, 300.0, 220.0, 340.0),
                                       "Bahn", (620.0, 356.0), (620.0, 496.0))
    places = {n: (row(store, "idea", n)["x"], row(store, "idea", n)["y"])
              for n in target_members + other_members}
    result, before = apply(store, ops.MergeClusters(target, other))

    view = board_view(store, site.board)
    (merged,) = view.clusters
    assert merged.id == target
    assert merged.title == "Bus"
    assert Rect(merged.x, merged.y, merged.width, merged.height) == Rect(0.0, 0.0, 820.0, 640.0)
    assert {i.id: i.cluster_id for i in view.ideas} == dict.fromkeys(
        target_members + other_members, target)
    assert {i.id: (i.x, i.y) for i in view.ideas} == places  # notes stay put
    assert not live(store, "cluster", other)
    assert logged_kinds(store, result.op_id) == {"cluster", "idea"}
    assert ("cluster", other, "deleted") in logged(store, result.op_id)

    undone = store.apply(result.inverse)
    assert snapshot(store) == before
    assert {row(store, "idea", n)["cluster_id"] for n in other_members} == {other}
    assert {row(store, "idea", n)["cluster_id"] for n in target_members} == {target}
    assert row(store, "cluster", target)["width"] == 420.0
    store.apply(undone.inverse)
    assert [c.id for c in board_view(store, site.board).clusters] == [target]


def test_merge_of_a_cluster_inside_the_target_keeps_the_target_frame(
        store: Store, site: Site) -> None:
    target, _ = add_cluster(store, site.board, Rect(0.0, 0.0, 1000.0, 1000.0), "Groß",
                            (20.0, 56.0))
    other, (member,) = add_cluster(store, site.board, Rect(300.0, 300.0, 220.0, 200.0),
                                   "Klein", (320.0, 356.0))
    result, before = apply(store, ops.MergeClusters(target, other))
    stored = row(store, "cluster", target)
    assert (stored["x"], stored["y"], stored["width"], stored["height"]) == (
        0.0, 0.0, 1000.0, 1000.0)
    assert row(store, "idea", member)["cluster_id"] == target
    undo_redo(store, result, before)


def test_a_merge_keeps_the_votes_and_measures_of_the_merged_frame(
        store: Store, site: Site) -> None:
    from myk10_workshop.board.queries import vote_totals
    from myk10_workshop.voting import operations as voting

    target, _ = add_cluster(store, site.board, Rect(0.0, 0.0, 420.0, 200.0), "Bus",
                            (20.0, 56.0))
    other, _ = add_cluster(store, site.board, Rect(600.0, 300.0, 220.0, 200.0), "Bahn",
                           (620.0, 356.0))
    specs = store.read(lambda s: voting.options_from_board(s, site.board, source="clusters"))
    ballot = voting.create_ballot(site.workshop, "dots", "Was zuerst?", board_id=site.board,
                                  settings={"dots_per_person": 5, "max_per_option": 5},
                                  options=specs)
    store.apply(ballot)
    ballot_id = ballot.operations[0].id  # type: ignore[attr-defined]
    store.apply(voting.open_ballot(ballot_id))
    options = {row(store, "ballot_option", o.id)["cluster_id"]: o.id  # type: ignore[attr-defined]
               for o in ballot.operations[1:] if o.kind == "ballot_option"}  # type: ignore[attr-defined]
    store.apply(voting.CastVote(ballot_id, "a" * 64, "submission-1",
                                {options[target]: (2.0, None), options[other]: (3.0, None)}))
    # A measure from each frame, and one from both.
    for title, clusters in (("Busnetz", (target,)), ("Bahnhof", (other,)),
                            ("Mobilität", (target, other))):
        promote = ops.promote_to_measure(site.project, title, cluster_id=clusters[0])
        store.apply(promote)
        for cluster in clusters[1:]:
            store.apply(Create("measure_source", {
                "measure_id": promote.operations[0].id,  # type: ignore[attr-defined]
                "cluster_id": cluster}))
    assert store.read(lambda s: vote_totals(s, site.board)) == {target: 2, other: 3}

    result, before = apply(store, ops.MergeClusters(target, other))
    # The dots of the merged frame are on the frame it joined; every measure still leads
    # back to the board, the one from both frames once.
    assert store.read(lambda s: vote_totals(s, site.board)) == {target: 5}
    assert {row(store, "ballot_option", option)["cluster_id"]
            for option in options.values()} == {target}
    sources = _sources(store)
    assert {s["cluster_id"] for s in sources} == {target}
    titles = {m["id"]: m["title"] for m in _measures(store)}
    assert sorted(titles[s["measure_id"]] for s in sources) == ["Bahnhof", "Busnetz",
                                                                  "Mobilität"]
    undone = store.apply(result.inverse)
    assert snapshot(store) == before
    assert store.read(lambda s: vote_totals(s, site.board)) == {target: 2, other: 3}
    store.apply(undone.inverse)
    assert store.read(lambda s: vote_totals(s, site.board)) == {target: 5}
    assert len(_sources(store)) == 3


def test_merging_a_cluster_with_itself_is_refused_before_anything_is_written(
        store: Store, site: Site) -> None:
    cluster, _ = add_cluster(store, site.board, Rect(0.0, 0.0, 400.0, 300.0), "Allein",
                             (20.0, 56.0))
    count, before = log_count(store), snapshot(store)
    operation = ops.MergeClusters(cluster, cluster)
    with pytest.raises(ValidationError, match="merged with itself"):
        operation.validate()
    with pytest.raises(ValidationError, match="merged with itself"):
        store.apply(operation)
    with pytest.raises(ValidationError, match="merged with itself"):
        store.apply(Batch((ops.edit_cluster(cluster, title="Neu"), operation), LABEL))
    assert snapshot(store) == before
    assert log_count(store) == count


def test_merging_with_a_deleted_cluster_is_refused(store: Store, site: Site) -> None:
    target, _ = add_cluster(store, site.board, Rect(0.0, 0.0, 400.0, 300.0), "A", (20.0, 56.0))
    other, _ = add_cluster(store, site.board, Rect(600.0, 0.0, 400.0, 300.0), "B",
                           (620.0, 56.0))
    store.apply(ops.DissolveCluster(other))
    count, before = log_count(store), snapshot(store)
    with pytest.raises(ValidationError, match="no longer exists"):
        store.apply(ops.MergeClusters(target, other))
    with pytest.raises(ValidationError, match="no longer exists"):
        store.apply(ops.MergeClusters(other, target))
    assert snapshot(store) == before
    assert log_count(store) == count


def test_merging_two_clusters_of_the_demo_board(store: Store) -> None:
    store.apply(demo_operation())
    board_id = store.read(lambda s: s.scalar(
        select(Board.id).where(Board.title == "Ziele der Smarten Region")))
    clusters = {c.title: c for c in board_view(store, board_id).clusters}
    target = clusters["Mobil im ländlichen Raum"]
    other = clusters["Klimaschutz und Energie mit Daten steuern"]
    members = {i.id for i in board_view(store, board_id).ideas
               if i.cluster_id in (target.id, other.id)}
    assert len(members) == 10
    result, before = apply(store, ops.MergeClusters(target.id, other.id))

    view = board_view(store, board_id)
    assert {i.id for i in view.ideas if i.cluster_id == target.id} == members
    assert other.id not in {c.id for c in view.clusters}
    (merged,) = (c for c in view.clusters if c.id == target.id)
    box = Rect(merged.x, merged.y, merged.width, merged.height)
    for frame in (target, other):
        assert box.united(Rect(frame.x, frame.y, frame.width, frame.height)) == box
    undo_redo(store, result, before)


# --------------------------------------------------------------------------- inbox, privacy


def test_accept_from_inbox_puts_phone_ideas_on_the_board(store: Store, site: Site) -> None:
    t0 = dt.datetime(2022, 1, 20, 10, 0)
    first, second = add_notes(store, site.board, (0.0, 0.0), (0.0, 0.0), state="inbox",
                              created=t0)
    assert [i.id for i in store.read(lambda s: inbox(s, site.board))] == [first, second]
    places = {first: (300.0, 40.0), second: (500.0, 40.0)}
    result, before = apply(store, ops.accept_from_inbox(places))

    assert store.read(lambda s: inbox(s, site.board)) == ()
    view = {i.id: i for i in board_view(store, site.board).ideas}
    assert {n: (view[n].state, view[n].x, view[n].y) for n in places} == {
        first: ("board", 300.0, 40.0), second: ("board", 500.0, 40.0)}
    assert {view[n].source for n in places} == {"phone"}
    assert logged_kinds(store, result.op_id) == {"idea"}
    undo_redo(store, result, before)
    store.apply(result.inverse)
    assert [i.id for i in store.read(lambda s: inbox(s, site.board))] == [first, second]


def test_hide_ideas(store: Store, site: Site) -> None:
    first, second = add_notes(store, site.board, (0.0, 0.0), (200.0, 0.0))
    result, before = apply(store, ops.hide_ideas([first]))
    assert row(store, "idea", first)["state"] == "hidden"
    assert row(store, "idea", second)["state"] == "board"
    assert logged(store, result.op_id) == {("idea", first, "state")}
    undo_redo(store, result, before)


def test_set_private_mode_and_reveal(store: Store, site: Site) -> None:
    result, before = apply(store, ops.set_private_mode(site.board, True))
    assert board_view(store, site.board).board.private_mode is True
    assert logged(store, result.op_id) == {("board", site.board, "private_mode")}
    undo_redo(store, result, before)

    secret = [ops.create_idea(site.board, f"Geheim {n}", 200.0 * n, 0.0, private=True)
              for n in range(3)]
    store.apply(Batch(tuple(secret), LABEL))
    store.apply(ops.edit_idea(secret[1].id, state="hidden"))  # hidden stays hidden
    result, before = apply(store, ops.RevealPrivate(site.board))
    states = {i.id: i.state for i in board_view(store, site.board).ideas}
    assert states == {secret[0].id: "board", secret[1].id: "hidden", secret[2].id: "board"}
    assert logged_kinds(store, result.op_id) == {"idea"}
    undo_redo(store, result, before)

    result, before = apply(store, ops.set_private_mode(site.board, False))
    assert board_view(store, site.board).board.private_mode is False
    undo_redo(store, result, before)


def test_copies_imports_and_accepted_phone_ideas_are_private_in_a_private_brainstorm(
        store: Store, site: Site) -> None:
    """Every way onto the board keeps a private brainstorm private, not only typing."""
    (phone,) = add_notes(store, site.board, (0.0, 0.0), state="inbox")
    copy = ops.NoteCopy("Kopie", ops.NOTE_COLOURS[1], "Anna", site.fields[0])
    store.apply(ops.copy_ideas(site.board, [copy, copy], [(0.0, 0.0), (200.0, 0.0)],
                               private=True))
    store.apply(ops.import_ideas(site.board, [{"text": "Vom Papier"}], [(0.0, 200.0)],
                                 private=True))
    store.apply(ops.accept_from_inbox({phone: (400.0, 0.0)}, private=True))
    states = {(i.text, i.state) for i in board_view(store, site.board).ideas}
    assert states == {("Kopie", "private"), ("Vom Papier", "private"), ("Idee 0", "private")}
    # Outside a private brainstorm they are on the board for everyone, as before.
    store.apply(ops.copy_ideas(site.board, [copy], [(600.0, 0.0)]))
    store.apply(ops.import_ideas(site.board, [{"text": "Offen"}], [(0.0, 400.0)]))
    assert {i.state for i in board_view(store, site.board).ideas
            if i.text in ("Offen",) or i.x == 600.0} == {"board"}


def test_move_grows_the_frames_that_take_dropped_notes(store: Store, site: Site) -> None:
    cluster, _members = add_cluster(store, site.board, Rect(0.0, 0.0, 420.0, 196.0),
                                    "Verkehr", (20.0, 56.0), (220.0, 56.0))
    (loose,) = add_notes(store, site.board, (900.0, 0.0))
    result, before = apply(store, ops.move({loose: (20.0, 196.0)}, {}, {loose: cluster},
                                           {cluster: (420.0, 336.0)}))
    assert (row(store, "cluster", cluster)["width"], row(store, "cluster", cluster)["height"]
            ) == (420.0, 336.0)
    assert row(store, "idea", loose)["cluster_id"] == cluster
    undo_redo(store, result, before)


def test_merge_dropped_puts_the_notes_in_free_places_of_the_target(
        store: Store, site: Site) -> None:
    target, kept = add_cluster(store, site.board, Rect(0.0, 0.0, 420.0, 196.0), "Verkehr",
                               (20.0, 56.0), (220.0, 56.0))
    other, moved = add_cluster(store, site.board, Rect(60.0, 40.0, 220.0, 196.0), "Bus",
                               (80.0, 96.0))
    places = {moved[0]: (20.0, 196.0)}
    result, before = apply(store, ops.merge_dropped(target, other, places,
                                                    Rect(0.0, 0.0, 420.0, 336.0)))
    view = board_view(store, site.board)
    assert [c.id for c in view.clusters] == [target]
    (frame,) = view.clusters
    assert (frame.x, frame.y, frame.width, frame.height) == (0.0, 0.0, 420.0, 336.0)
    ideas = {i.id: i for i in view.ideas}
    assert {i.cluster_id for i in ideas.values()} == {target}
    assert (ideas[moved[0]].x, ideas[moved[0]].y) == (20.0, 196.0)
    assert [(ideas[i].x, ideas[i].y) for i in kept] == [(20.0, 56.0), (220.0, 56.0)]
    undo_redo(store, result, before)


# --------------------------------------------------------------------------- measures


def _measures(store: Store) -> list[dict[str, Any]]:
    return [values for (kind, _), values in snapshot(store).items() if kind == "measure"]


def _sources(store: Store) -> list[dict[str, Any]]:
    return [values for (kind, _), values in snapshot(store).items() if kind == "measure_source"]


def test_promote_a_cluster_to_a_measure(store: Store, site: Site) -> None:
    cluster, members = add_cluster(store, site.board, Rect(0.0, 0.0, 620.0, 400.0),
                                   "Mobilitätsplattform", (20.0, 56.0), (220.0, 56.0))
    operation = ops.promote_to_measure(site.project, "Mobilitätsplattform", idea_ids=members,
                                       cluster_id=cluster, field_of_action_id=site.fields[0],
                                       description="Aus dem Workshop")
    result, before = apply(store, operation)

    (measure,) = _measures(store)
    assert (measure["project_id"], measure["title"], measure["description"]) == (
        site.project, "Mobilitätsplattform", "Aus dem Workshop")
    assert (measure["field_of_action_id"], measure["status"]) == (site.fields[0], "proposed")
    sources = _sources(store)
    assert {s["measure_id"] for s in sources} == {measure["id"]}
    assert sorted(((s["cluster_id"], s["idea_id"]) for s in sources), key=str) == sorted(
        [(cluster, None), *((None, m) for m in members)], key=str)
    assert logged_kinds(store, result.op_id) == {"measure", "measure_source"}
    # The board itself is untouched.
    assert {i.cluster_id for i in board_view(store, site.board).ideas} == {cluster}

    undone = store.apply(result.inverse)
    assert _measures(store) == []
    assert _sources(store) == []
    assert snapshot(store) == before
    store.apply(undone.inverse)
    assert len(_measures(store)) == 1
    assert len(_sources(store)) == 3


def test_promote_notes_to_a_measure_cuts_a_long_title_to_200_characters(
        store: Store, site: Site) -> None:
    first, second = add_notes(store, site.board, (0.0, 0.0), (200.0, 0.0))
    title = "Digitale Dorfplätze " * 20
    assert len(title) > 200
    result, before = apply(store, ops.promote_to_measure(site.project, title,
                                                         idea_ids=[first, second]))
    (measure,) = _measures(store)
    assert measure["title"] == title[:200]
    assert len(measure["title"]) == 200
    assert measure["field_of_action_id"] is None
    assert {(s["idea_id"], s["cluster_id"]) for s in _sources(store)} == {
        (first, None), (second, None)}
    undo_redo(store, result, before)


def test_promote_with_no_sources_makes_a_bare_measure(store: Store, site: Site) -> None:
    store.apply(ops.promote_to_measure(site.project, "Idee ohne Herkunft"))
    assert [m["title"] for m in _measures(store)] == ["Idee ohne Herkunft"]
    assert _sources(store) == []


def test_measure_links_say_which_notes_and_clusters_are_already_measures(
        store: Store, site: Site) -> None:
    from myk10_workshop.board.queries import measure_links

    cluster, members = add_cluster(store, site.board, Rect(0.0, 0.0, 420.0, 196.0),
                                   "Verkehr", (20.0, 56.0), (220.0, 56.0))
    (loose,) = add_notes(store, site.board, (900.0, 0.0))
    assert store.read(lambda s: measure_links(s, frozenset(members), cluster)) == {}
    store.apply(ops.promote_to_measure(site.project, "Rufbus", idea_ids=[members[0]]))
    made = store.apply(ops.promote_to_measure(site.project, "Verkehr", cluster_id=cluster))
    assert store.read(lambda s: measure_links(s, frozenset([*members, loose]), cluster)) == {
        members[0]: "Rufbus", cluster: "Verkehr"}
    assert store.read(lambda s: measure_links(s, frozenset(), None)) == {}
    store.apply(made.inverse)  # a deleted measure links nothing
    assert store.read(lambda s: measure_links(s, frozenset(members), cluster)) == {
        members[0]: "Rufbus"}


# --------------------------------------------------------------------------- bulk edits


def test_recolour_notes_and_frames_in_one_step(store: Store, site: Site) -> None:
    cluster, members = add_cluster(store, site.board, Rect(0.0, 0.0, 620.0, 400.0), "A",
                                   (20.0, 56.0), (220.0, 56.0))
    (loose,) = add_notes(store, site.board, (900.0, 0.0))
    result, before = apply(store, ops.recolour([members[0], loose], [cluster], "#ce93d8"))
    view = board_view(store, site.board)
    assert {i.id: i.colour for i in view.ideas} == {members[0]: "#ce93d8", loose: "#ce93d8",
                                                   members[1]: "#fff59d"}
    assert view.clusters[0].colour == "#ce93d8"
    assert logged_kinds(store, result.op_id) == {"idea", "cluster"}
    undo_redo(store, result, before)
    assert isinstance(ops.recolour([loose], [], "#ffffff"), Update)


def test_tag_field_sets_and_clears_the_field_of_action(store: Store, site: Site) -> None:
    first, second = add_notes(store, site.board, (0.0, 0.0), (200.0, 0.0))
    result, before = apply(store, ops.tag_field([first, second], site.fields[1]))
    assert {i.field_of_action_id for i in board_view(store, site.board).ideas} == {
        site.fields[1]}
    assert logged(store, result.op_id) == {("idea", first, "field_of_action_id"),
                                           ("idea", second, "field_of_action_id")}
    undo_redo(store, result, before)

    result, before = apply(store, ops.tag_field([first], None))
    assert row(store, "idea", first)["field_of_action_id"] is None
    assert row(store, "idea", second)["field_of_action_id"] == site.fields[1]
    undo_redo(store, result, before)


def test_tag_field_with_a_deleted_field_is_refused(store: Store, site: Site) -> None:
    (note,) = add_notes(store, site.board, (0.0, 0.0))
    store.apply(Delete("field_of_action", site.fields[0]))
    before = snapshot(store)
    with pytest.raises(ValidationError):
        store.apply(ops.tag_field([note], site.fields[0]))
    assert snapshot(store) == before


def test_set_author(store: Store, site: Site) -> None:
    first, second = add_notes(store, site.board, (0.0, 0.0), (200.0, 0.0))
    result, before = apply(store, ops.set_author([first, second], "Gruppe Süd"))
    assert {i.author for i in board_view(store, site.board).ideas} == {"Gruppe Süd"}
    assert logged_kinds(store, result.op_id) == {"idea"}
    undo_redo(store, result, before)
    with pytest.raises(ValidationError):
        store.apply(ops.set_author([first], "x" * 101))


def test_copy_ideas_makes_new_notes_with_the_same_content(store: Store, site: Site) -> None:
    _, (original,) = add_cluster(store, site.board, Rect(0.0, 0.0, 400.0, 300.0), "A",
                                 (20.0, 56.0))
    store.apply(ops.edit_idea(original, author="Anna", colour="#ffcc80",
                              field_of_action_id=site.fields[0], text="Rufbus\nsonntags"))
    source = row(store, "idea", original)
    copies = [ops.NoteCopy(source["text"], source["colour"], source["author"],
                           source["field_of_action_id"])] * 2
    result, before = apply(store, ops.copy_ideas(site.other_board, copies,
                                                 [(0.0, 0.0), (200.0, 0.0)]))

    copied = board_view(store, site.other_board).ideas
    assert len(copied) == 2
    assert original not in {c.id for c in copied}
    assert {(c.text, c.colour, c.author, c.field_of_action_id, c.cluster_id, c.state)
            for c in copied} == {("Rufbus\nsonntags", "#ffcc80", "Anna", site.fields[0], None,
                                  "board")}
    assert sorted((c.x, c.y) for c in copied) == [(0.0, 0.0), (200.0, 0.0)]
    assert row(store, "idea", original) == source  # the original is untouched
    assert logged_kinds(store, result.op_id) == {"idea"}
    undo_redo(store, result, before)
    assert isinstance(ops.copy_ideas(site.board, copies[:1], [(0.0, 0.0)]), Create)


def test_sort_into_cluster_adds_notes_and_lays_out_all_members(store: Store, site: Site) -> None:
    frame = Rect(0.0, 0.0, 420.0, 200.0)
    cluster, members = add_cluster(store, site.board, frame, "Verkehr", (20.0, 56.0),
                                   (220.0, 56.0))
    joining = add_notes(store, site.board, (900.0, 0.0), (900.0, 300.0))
    (bystander,) = add_notes(store, site.board, (2000.0, 0.0))
    positions, box = tidy(frame, members + joining)
    result, before = apply(store, ops.sort_into_cluster(cluster, joining, positions, box))

    view = board_view(store, site.board)
    ideas = {i.id: i for i in view.ideas}
    assert {n: ideas[n].cluster_id for n in members + joining} == dict.fromkeys(
        members + joining, cluster)
    assert {n: (ideas[n].x, ideas[n].y) for n in members + joining} == positions
    assert (ideas[bystander].x, ideas[bystander].y, ideas[bystander].cluster_id) == (
        2000.0, 0.0, None)
    (stored,) = view.clusters
    assert Rect(stored.x, stored.y, stored.width, stored.height) == box
    assert logged_kinds(store, result.op_id) == {"cluster", "idea"}
    undo_redo(store, result, before)


def test_every_board_operation_is_logged_under_one_op_and_stamp(
        store: Store, site: Site) -> None:
    cluster, members = add_cluster(store, site.board, Rect(0.0, 0.0, 620.0, 400.0), "A",
                                   (20.0, 56.0), (220.0, 56.0))
    result = store.apply(ops.delete_items([members[0]], [cluster]))
    entries = store.read(lambda s: list(s.scalars(
        select(ChangeLogEntry).where(ChangeLogEntry.op_id == result.op_id))))
    assert {(e.hlc, e.device_id) for e in entries} == {(result.stamp, store.device_id)}
    assert {(e.entity, e.entity_id, e.field, e.value) for e in entries} == {
        ("idea", members[0], "cluster_id", None), ("idea", members[1], "cluster_id", None),
        ("cluster", cluster, "deleted", True), ("idea", members[0], "deleted", True)}
    # Nothing else of the board was touched.
    assert store.read(lambda s: s.scalar(select(func.count()).select_from(Cluster)
                                         .where(Cluster.deleted.is_(False)))) == 0
    assert store.read(lambda s: s.scalar(select(func.count()).select_from(Idea)
                                         .where(Idea.deleted.is_(False)))) == 1
