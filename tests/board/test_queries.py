"""Read models of boards: lists, whole-board snapshots, vote totals, deltas and the inbox."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from myk10_workshop.board import operations as ops
from myk10_workshop.board.queries import (
    BoardSnapshot,
    inbox,
    list_boards,
    load_board,
    load_delta,
    vote_totals,
)
from myk10_workshop.demo import demo_operation, load_demo_data
from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Batch, Create, Delete, Tombstone
from myk10_workshop.store.schema import Board, Workshop

LABEL = Message("Test", "Test step")
T0 = dt.datetime(2022, 1, 20, 9, 30)


@dataclass(frozen=True)
class Site:
    project: uuid.UUID
    workshop: uuid.UUID
    board: uuid.UUID
    other_board: uuid.UUID


@pytest.fixture
def site(store: Store) -> Site:
    project = Create("project", {"name": "Smarte Region MYK10"})
    workshop = Create("workshop", {"project_id": project.id, "title": "Strategie-Workshop"})
    board = Create("board", {"workshop_id": workshop.id, "title": "Ziele", "order_key": "a1"})
    other = Create("board", {"workshop_id": workshop.id, "title": "AG Mobilität",
                             "order_key": "a2"})
    store.apply(Batch((project, workshop, board, other), LABEL))
    return Site(project.id, workshop.id, board.id, other.id)


def create(store: Store, entity: str, /, **values: Any) -> uuid.UUID:
    operation = Create(entity, values)
    store.apply(operation)
    return operation.id


def idea(store: Store, board_id: uuid.UUID, text: str, minute: int, **values: Any) -> uuid.UUID:
    return create(store, "idea", board_id=board_id, text=text,
                  created_at=T0 + dt.timedelta(minutes=minute), **values)


def snapshot_of(store: Store, board_id: uuid.UUID) -> BoardSnapshot:
    found = store.read(lambda s: load_board(s, board_id))
    assert found is not None
    return found


# --------------------------------------------------------------------------- list_boards


def test_list_boards_in_order_of_their_keys_without_deleted_ones(
        store: Store, site: Site) -> None:
    first = create(store, "board", workshop_id=site.workshop, title="Vorne", order_key="a0V")
    gone = create(store, "board", workshop_id=site.workshop, title="Weg", order_key="a1V")
    last = create(store, "board", workshop_id=site.workshop, title="Hinten", order_key="a3")
    store.apply(Delete("board", gone))
    elsewhere = create(store, "workshop", project_id=site.project, title="Zukunftsdialog")
    create(store, "board", workshop_id=elsewhere, title="Anderswo", order_key="a0")

    boards = store.read(lambda s: list_boards(s, site.workshop))

    assert [b.title for b in boards] == ["Vorne", "Ziele", "AG Mobilität", "Hinten"]
    assert [b.id for b in boards] == [first, site.board, site.other_board, last]
    assert {(b.workshop_id, b.project_id) for b in boards} == {(site.workshop, site.project)}
    assert {b.private_mode for b in boards} == {False}


def test_list_boards_of_a_workshop_without_boards_is_empty(store: Store, site: Site) -> None:
    empty = create(store, "workshop", project_id=site.project, title="Leer")
    assert store.read(lambda s: list_boards(s, empty)) == ()


# --------------------------------------------------------------------------- load_board


def test_load_board_shows_live_ideas_oldest_first(store: Store, site: Site) -> None:
    later = idea(store, site.board, "Später", 30, x=10.0, y=20.0, author="Anna")
    earlier = idea(store, site.board, "Früher", 5, colour="#90caf9")
    gone = idea(store, site.board, "Gelöscht", 10)
    store.apply(Delete("idea", gone))
    idea(store, site.other_board, "Anderes Board", 1)
    private = idea(store, site.board, "Privat", 40, state="private")

    snapshot = snapshot_of(store, site.board)

    assert [i.id for i in snapshot.ideas] == [earlier, later, private]
    first = snapshot.ideas[0]
    assert (first.text, first.colour, first.source, first.state) == (
        "Früher", "#90caf9", "typed", "board")
    assert first.created_at == T0 + dt.timedelta(minutes=5)
    second = snapshot.ideas[1]
    assert (second.x, second.y, second.author) == (10.0, 20.0, "Anna")
    assert snapshot.ideas[2].state == "private"  # the view decides who sees it
    assert snapshot.board.id == site.board
    assert snapshot.board.title == "Ziele"
    assert snapshot.board.project_id == site.project


def test_load_board_shows_live_clusters_with_their_frames(store: Store, site: Site) -> None:
    cluster = create(store, "cluster", board_id=site.board, title="Verkehr", colour="#e3f2fd",
                     x=10.0, y=20.0, width=620.0, height=340.0, collapsed=True)
    gone = create(store, "cluster", board_id=site.board, title="Weg")
    store.apply(ops.DissolveCluster(gone))
    create(store, "cluster", board_id=site.other_board, title="Anderswo")
    member = idea(store, site.board, "Rufbus", 1, cluster_id=cluster)

    snapshot = snapshot_of(store, site.board)

    (view,) = snapshot.clusters
    assert (view.id, view.title, view.colour, view.x, view.y, view.width, view.height,
            view.collapsed) == (cluster, "Verkehr", "#e3f2fd", 10.0, 20.0, 620.0, 340.0, True)
    assert [(i.id, i.cluster_id) for i in snapshot.ideas] == [(member, cluster)]


def test_load_board_lists_the_fields_of_its_project_in_order(store: Store, site: Site) -> None:
    second = create(store, "field_of_action", project_id=site.project, name="Mobilität",
                    colour="#a5d6a7", order_key="a2")
    first = create(store, "field_of_action", project_id=site.project, name="Bildung",
                   order_key="a1")
    gone = create(store, "field_of_action", project_id=site.project, name="Weg",
                  order_key="a0")
    store.apply(Delete("field_of_action", gone))
    other = create(store, "project", name="Anderes Projekt")
    create(store, "field_of_action", project_id=other, name="Fremd", order_key="a0")

    fields = snapshot_of(store, site.board).fields

    assert [(f.id, f.name) for f in fields] == [(first, "Bildung"), (second, "Mobilität")]
    assert fields[0].colour == "#4c78a8"  # the default
    assert fields[1].colour == "#a5d6a7"


def test_load_board_of_a_deleted_or_unknown_board_is_none(store: Store, site: Site) -> None:
    store.apply(Delete("board", site.board))
    assert store.read(lambda s: load_board(s, site.board)) is None
    assert store.read(lambda s: load_board(s, uuid.uuid4())) is None
    assert store.read(lambda s: load_board(s, site.other_board)) is not None


def test_load_board_of_the_demo(store: Store) -> None:
    store.apply(demo_operation())
    data = load_demo_data()
    (board_id,) = store.read(lambda s: list(s.scalars(
        select(Board.id).where(Board.title == "Ziele der Smarten Region"))))
    board = next(b for b in data["workshops"][0]["boards"] if b["key"] == "goals")

    snapshot = snapshot_of(store, board_id)

    expected_ideas = [i["text"] for c in board["clusters"] for i in c["ideas"]] + [
        i["text"] for i in board["unclustered"]]
    assert [i.text for i in snapshot.ideas] == expected_ideas  # in the order they were made
    assert [c.title for c in sorted(snapshot.clusters, key=lambda c: (c.y, c.x))] == [
        c["title"] for c in board["clusters"]]
    assert [f.name for f in snapshot.fields] == [f["name"] for f in data["fields_of_action"]]
    assert sum(i.cluster_id is None for i in snapshot.ideas) == len(board["unclustered"])


# --------------------------------------------------------------------------- vote totals


@dataclass(frozen=True)
class Ballots:
    ballot: uuid.UUID
    idea_option: uuid.UUID
    cluster_option: uuid.UUID
    idea: uuid.UUID
    cluster: uuid.UUID


def vote(store: Store, ballot: uuid.UUID, option: uuid.UUID, value: float | None,
         voter: str = "a") -> uuid.UUID:
    return create(store, "vote", ballot_id=ballot, option_id=option, voter_hash=voter * 64,
                  client_vote_id=uuid.uuid4().hex, value=value, cast_at=T0)


@pytest.fixture
def ballots(store: Store, site: Site) -> Ballots:
    cluster = create(store, "cluster", board_id=site.board, title="Verkehr")
    note = idea(store, site.board, "Rufbus", 1, cluster_id=cluster)
    ballot = create(store, "ballot", workshop_id=site.workshop, board_id=site.board,
                    title="Punkte", kind="dots", settings={"dots_per_person": 3})
    idea_option = create(store, "ballot_option", ballot_id=ballot, label="Rufbus",
                         idea_id=note)
    cluster_option = create(store, "ballot_option", ballot_id=ballot, label="Verkehr",
                            cluster_id=cluster)
    return Ballots(ballot, idea_option, cluster_option, note, cluster)


def totals(store: Store, board_id: uuid.UUID) -> dict[uuid.UUID, int]:
    return store.read(lambda s: vote_totals(s, board_id))


def test_vote_totals_add_phone_votes_by_value_and_paper_tallies(
        store: Store, site: Site, ballots: Ballots) -> None:
    b = ballots
    vote(store, b.ballot, b.idea_option, 1.0, "a")
    vote(store, b.ballot, b.idea_option, 2.0, "b")
    vote(store, b.ballot, b.cluster_option, 1.0, "a")
    vote(store, b.ballot, b.cluster_option, None, "c")  # a vote without a value adds nothing
    create(store, "paper_tally", option_id=b.idea_option, count=4)
    create(store, "paper_tally", option_id=b.idea_option, count=1, note="Nachzählung")
    create(store, "paper_tally", option_id=b.cluster_option, count=5)

    assert totals(store, site.board) == {b.idea: 1 + 2 + 4 + 1, b.cluster: 1 + 5}
    assert snapshot_of(store, site.board).votes == {b.idea: 8, b.cluster: 6}
    assert totals(store, site.other_board) == {}


def test_vote_totals_add_several_ballots_of_the_board(
        store: Store, site: Site, ballots: Ballots) -> None:
    b = ballots
    second = create(store, "ballot", workshop_id=site.workshop, board_id=site.board,
                    title="Zweite Runde", kind="dots")
    option = create(store, "ballot_option", ballot_id=second, label="Rufbus", idea_id=b.idea)
    vote(store, b.ballot, b.idea_option, 1.0)
    vote(store, second, option, 2.0)
    create(store, "paper_tally", option_id=option, count=3)
    assert totals(store, site.board) == {b.idea: 6, b.cluster: 0}


def test_vote_totals_skip_deleted_votes_tallies_options_and_ballots(
        store: Store, site: Site, ballots: Ballots) -> None:
    b = ballots
    vote(store, b.ballot, b.idea_option, 1.0, "a")
    withdrawn = vote(store, b.ballot, b.idea_option, 1.0, "b")
    store.apply(Delete("vote", withdrawn))
    create(store, "paper_tally", option_id=b.idea_option, count=2)
    wrong = create(store, "paper_tally", option_id=b.idea_option, count=50)
    store.apply(Delete("paper_tally", wrong))
    vote(store, b.ballot, b.cluster_option, 1.0, "a")
    create(store, "paper_tally", option_id=b.cluster_option, count=3)
    assert totals(store, site.board) == {b.idea: 3, b.cluster: 4}

    # A deleted option counts for nothing, even where only the option row is tombstoned.
    store.apply(Tombstone((("ballot_option", b.cluster_option),)))
    assert totals(store, site.board) == {b.idea: 3}

    # A deleted ballot counts for nothing, even where only the ballot row is tombstoned.
    store.apply(Tombstone((("ballot", b.ballot),)))
    assert totals(store, site.board) == {}


def test_vote_totals_of_a_deleted_ballot_come_back_with_undo(
        store: Store, site: Site, ballots: Ballots) -> None:
    b = ballots
    vote(store, b.ballot, b.idea_option, 1.0)
    create(store, "paper_tally", option_id=b.cluster_option, count=2)
    deleted = store.apply(Delete("ballot", b.ballot))
    assert totals(store, site.board) == {}
    store.apply(deleted.inverse)
    assert totals(store, site.board) == {b.idea: 1, b.cluster: 2}


def test_vote_totals_ignore_ballots_of_other_boards_and_options_without_target(
        store: Store, site: Site, ballots: Ballots) -> None:
    b = ballots
    elsewhere = create(store, "ballot", workshop_id=site.workshop, board_id=site.other_board,
                       title="Anderswo", kind="dots")
    # An option of another board's ballot naming this board's note is that board's business.
    foreign = create(store, "ballot_option", ballot_id=elsewhere, label="Rufbus", idea_id=b.idea)
    vote(store, elsewhere, foreign, 1.0)
    free = create(store, "ballot_option", ballot_id=b.ballot, label="Sonstiges")
    vote(store, b.ballot, free, 1.0)
    create(store, "paper_tally", option_id=free, count=7)
    vote(store, b.ballot, b.idea_option, 1.0)
    assert totals(store, site.board) == {b.idea: 1, b.cluster: 0}
    assert totals(store, site.other_board) == {b.idea: 1}


def test_vote_totals_of_the_demo_ballots(store: Store) -> None:
    store.apply(demo_operation())
    data = load_demo_data()
    workshop = data["workshops"][0]

    def board_named(title: str) -> uuid.UUID:
        return store.read(lambda s: s.scalar(select(Board.id).join(Workshop).where(
            Board.title == title, Workshop.title == workshop["title"])))

    for ballot in workshop["ballots"]:
        board = next(b for b in workshop["boards"] if b["key"] == ballot["board"])
        board_id = board_named(board["title"])
        clusters = {c.title: c.id for c in snapshot_of(store, board_id).clusters}
        titles = {c["key"]: c["title"] for c in board["clusters"]}
        expected = {clusters[titles[option["cluster"]]]:
                    int(option.get("votes", 0)) + int(option.get("paper", 0))
                    for option in ballot["options"]}
        assert totals(store, board_id) == expected
        assert snapshot_of(store, board_id).votes == expected


# --------------------------------------------------------------------------- load_delta


def test_load_delta_returns_changed_rows_and_names_the_gone_ones(
        store: Store, site: Site) -> None:
    kept = idea(store, site.board, "Bleibt", 1)
    moved = idea(store, site.board, "Wandert", 2)
    removed = idea(store, site.board, "Geht", 3)
    foreign = idea(store, site.other_board, "Anderswo", 4)
    cluster = create(store, "cluster", board_id=site.board, title="Verkehr")
    dissolved = create(store, "cluster", board_id=site.board, title="Weg")
    foreign_cluster = create(store, "cluster", board_id=site.other_board, title="Fremd")

    result = store.apply(Batch((
        ops.move({moved: (300.0, 400.0)}, {cluster: (50.0, 60.0)}, {moved: cluster}),
        Delete("idea", removed), ops.DissolveCluster(dissolved),
        ops.edit_idea(foreign, text="Geändert"),
    ), LABEL))
    idea_ids = result.changes.ids("idea") | {kept}
    cluster_ids = result.changes.ids("cluster") | {foreign_cluster}
    assert idea_ids == {moved, removed, foreign, kept}

    delta = store.read(lambda s: load_delta(s, site.board, idea_ids, cluster_ids))

    assert {i.id: (i.x, i.y, i.cluster_id) for i in delta.ideas} == {
        moved: (300.0, 400.0, cluster), kept: (0.0, 0.0, None)}
    assert {(c.id, c.x, c.y) for c in delta.clusters} == {(cluster, 50.0, 60.0)}
    # Deleted rows and rows of another board are not this board's to show.
    assert delta.gone_ideas == frozenset({removed, foreign})
    assert delta.gone_clusters == frozenset({dissolved, foreign_cluster})


def test_load_delta_of_nothing_is_empty(store: Store, site: Site) -> None:
    delta = store.read(lambda s: load_delta(s, site.board, frozenset(), frozenset()))
    assert (delta.ideas, delta.clusters, delta.gone_ideas, delta.gone_clusters) == (
        (), (), frozenset(), frozenset())


def test_load_delta_matches_the_full_snapshot(store: Store, site: Site) -> None:
    first = idea(store, site.board, "Eins", 1)
    second = idea(store, site.board, "Zwei", 2, state="inbox", source="phone")
    store.apply(ops.set_author([first, second], "Anna"))
    full = {i.id: i for i in snapshot_of(store, site.board).ideas}
    delta = store.read(lambda s: load_delta(s, site.board, frozenset({first, second}),
                                            frozenset()))
    assert {i.id: i for i in delta.ideas} == full


# --------------------------------------------------------------------------- inbox


def test_inbox_holds_only_waiting_phone_ideas_oldest_first(store: Store, site: Site) -> None:
    newest = idea(store, site.board, "Neu", 30, state="inbox", source="phone")
    oldest = idea(store, site.board, "Alt", 1, state="inbox", source="phone")
    middle = idea(store, site.board, "Mitte", 10, state="inbox", source="phone")
    idea(store, site.board, "Auf dem Board", 0)
    idea(store, site.board, "Versteckt", 2, state="hidden", source="phone")
    idea(store, site.board, "Privat", 3, state="private")
    gone = idea(store, site.board, "Zurückgezogen", 4, state="inbox", source="phone")
    store.apply(Delete("idea", gone))
    idea(store, site.other_board, "Anderes Board", 5, state="inbox", source="phone")

    waiting = store.read(lambda s: inbox(s, site.board))

    assert [i.id for i in waiting] == [oldest, middle, newest]
    assert {(i.state, i.source) for i in waiting} == {("inbox", "phone")}

    store.apply(ops.accept_from_inbox({middle: (0.0, 0.0)}))
    assert [i.id for i in store.read(lambda s: inbox(s, site.board))] == [oldest, newest]
