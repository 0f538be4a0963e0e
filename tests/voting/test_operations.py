"""Voting operations on a real store: ballots, votes of every kind, paper tallies, ideas from
phones; refusals that write nothing, resends counted once, undo of the facilitator's steps."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from myk10_workshop.demo import demo_operation
from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store, StoreWriter
from myk10_workshop.store.entities import RULES, rule
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.operations import (
    CREATED,
    Batch,
    Create,
    Delete,
    NoOp,
    Operation,
    OpResult,
    Update,
    utc_now,
)
from myk10_workshop.store.schema import (
    Ballot,
    BallotOption,
    Board,
    ChangeLogEntry,
    Cluster,
    Idea,
    PaperTally,
    Vote,
)
from myk10_workshop.voting import operations as ops
from myk10_workshop.voting import queries
from myk10_workshop.voting.rules import Choice

LABEL = Message("Test", "Test step")
Snapshot = dict[tuple[str, uuid.UUID], dict[str, Any]]


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Site:
    workshop: uuid.UUID
    board: uuid.UUID


@pytest.fixture
def site(store: Store) -> Site:
    project = Create("project", {"name": "Smarte Region MYK10"})
    workshop = Create("workshop", {"project_id": project.id, "title": "Strategie-Workshop"})
    board = Create("board", {"workshop_id": workshop.id, "title": "Ideen"})
    store.apply(Batch((project, workshop, board), LABEL))
    return Site(workshop.id, board.id)


def voter(n: int) -> str:
    return hashlib.sha256(f"device-{n}".encode()).hexdigest()


def make_ballot(store: Store, site: Site, kind: str, settings: dict[str, Any] | None = None,
                *, count: int = 4, status: str = "open",
                board: bool = False) -> tuple[uuid.UUID, list[uuid.UUID]]:
    options = [] if kind == "open_text" else [(f"Option {n + 1}", None, None)
                                              for n in range(count)]
    batch = ops.create_ballot(site.workshop, kind, f"Abstimmung {kind}", settings=settings,
                              options=options,
                              board_id=site.board if board or kind == "open_text" else None)
    store.apply(batch)
    ballot_id = batch.operations[0].id  # type: ignore[attr-defined]
    if status != "draft":
        store.apply(ops.open_ballot(ballot_id))
    if status == "closed":
        store.apply(ops.close_ballot(ballot_id))
    view = store.read(lambda s: queries.load_ballot(s, ballot_id))
    assert view is not None
    return ballot_id, [option.id for option in view.options]


def cast(store: Store, ballot_id: uuid.UUID, n: int, choices: dict[uuid.UUID, Choice],
         submission: str | None = None) -> OpResult:
    return store.apply(ops.CastVote(ballot_id, voter(n), submission or uuid.uuid4().hex,
                                    choices))


def live_votes(store: Store, ballot_id: uuid.UUID) -> set[tuple[str, uuid.UUID | None,
                                                                 float | None, float | None]]:
    return {tuple(values) for values in store.read(lambda s: s.execute(  # type: ignore[misc]
        select(Vote.voter_hash, Vote.option_id, Vote.value, Vote.value_y)
        .where(Vote.ballot_id == ballot_id, Vote.deleted.is_(False))).all())}


def count(store: Store, model: Any, *conditions: Any) -> int:
    return store.read(lambda s: s.scalar(select(func.count()).select_from(model)
                                         .where(*conditions))) or 0


def snapshot(store: Store) -> Snapshot:
    """Every row of every kind (deleted ones too), with all its values."""
    def query(session: Session) -> Snapshot:
        found: Snapshot = {}
        for kind, entity in RULES.items():
            table = entity.table
            for values in session.execute(select(table)).mappings():
                found[(kind, values["id"])] = dict(values)
        return found
    return store.read(query)


def live_snapshot(store: Store) -> Snapshot:
    return {key: values for key, values in snapshot(store).items() if not values["deleted"]}


def log_count(store: Store) -> int:
    return count(store, ChangeLogEntry)


def row(store: Store, kind: str, entity_id: uuid.UUID) -> dict[str, Any]:
    table = rule(kind).table
    found = store.read(lambda s: s.execute(
        select(table).where(table.c.id == entity_id)).mappings().first())
    assert found is not None
    return dict(found)


def refused(store: Store, operation: Operation) -> str:
    """Apply an operation that must be refused; check it wrote nothing; its message."""
    before, logged = snapshot(store), log_count(store)
    with pytest.raises(ValidationError) as caught:
        store.apply(operation)
    assert snapshot(store) == before
    assert log_count(store) == logged
    return caught.value.message.render()


def undo_redo(store: Store, result: OpResult, before: Snapshot) -> None:
    """Undo brings back the live state before; redo (the undo of the undo) the state after."""
    after = live_snapshot(store)
    assert after != before
    undone = store.apply(result.inverse)
    assert live_snapshot(store) == before
    store.apply(undone.inverse)
    assert live_snapshot(store) == after


# --------------------------------------------------------------------------- ballots


def test_create_ballot_stores_a_draft_with_its_options(store: Store, site: Site) -> None:
    batch = ops.create_ballot(site.workshop, "dots", " Prioritäten ", question="Was zuerst?",
                              settings={"dots_per_person": 5},
                              options=[(" Radwege ", None, None), ("ÖPNV", None, None),
                                       ("Carsharing", None, None)])
    before = live_snapshot(store)
    result = store.apply(batch)
    ballot_id = batch.operations[0].id  # type: ignore[attr-defined]
    ballot = row(store, "ballot", ballot_id)
    assert ballot["status"] == "draft"
    assert ballot["title"] == "Prioritäten"
    assert ballot["question"] == "Was zuerst?"
    assert ballot["settings"] == {"dots_per_person": 5, "max_per_option": 1}
    assert ballot["results_hidden"] is False
    assert ballot["closes_at"] is None
    view = store.read(lambda s: queries.load_ballot(s, ballot_id))
    assert view is not None
    assert [o.label for o in view.options] == ["Radwege", "ÖPNV", "Carsharing"]
    assert result.changes.created["ballot_option"] == frozenset(o.id for o in view.options)
    undo_redo(store, result, before)


def test_create_ballot_with_a_chosen_id(store: Store, site: Site) -> None:
    wanted = uuid.uuid4()
    store.apply(ops.create_ballot(site.workshop, "single", "Ja oder nein", ballot_id=wanted,
                                  options=[("Ja", None, None), ("Nein", None, None)]))
    assert row(store, "ballot", wanted)["kind"] == "single"


def test_create_ballot_refusals(store: Store, site: Site) -> None:
    with pytest.raises(ValidationError, match="Dots per person must be a whole number"):
        ops.create_ballot(site.workshop, "dots", "x", settings={"dots_per_person": 50})
    with pytest.raises(ValidationError, match="An open question needs a board for the ideas"):
        ops.create_ballot(site.workshop, "open_text", "Ideen?")
    with pytest.raises(ValidationError, match="An open question has no options"):
        ops.create_ballot(site.workshop, "open_text", "Ideen?", board_id=site.board,
                          options=[("x", None, None)])
    with pytest.raises(ValidationError, match="Unknown kind of ballot"):
        ops.create_ballot(site.workshop, "lottery", "x")
    # Rules of the store: a title, a live workshop.
    assert refused(store, ops.create_ballot(site.workshop, "single", "  ")) == (
        "Title must not be empty.")
    assert refused(store, ops.create_ballot(uuid.uuid4(), "single", "x")) == (
        "The chosen Workshop no longer exists.")


def test_options_from_the_clusters_of_the_demo_board(store: Store) -> None:
    store.apply(demo_operation())
    board_id, workshop_id = store.read(lambda s: s.execute(
        select(Board.id, Board.workshop_id).where(Board.title == "Ziele der Smarten Region")
    ).one())
    specs = store.read(lambda s: ops.options_from_board(s, board_id))
    assert [label for label, _, _ in specs] == [
        "Digitale Verwaltung – einfach und bürgernah",
        "Mobil im ländlichen Raum",
        "Klimaschutz und Energie mit Daten steuern",
        "Digitale Teilhabe und Bildung für alle Generationen",
        "Leben, arbeiten und versorgt sein vor Ort",
        "Gemeinsame Daten und vernetzte Kommunen",
    ]
    clusters = dict(store.read(lambda s: s.execute(
        select(Cluster.title, Cluster.id).where(Cluster.board_id == board_id)).all()))
    assert all(idea is None and cluster == clusters[label] for label, idea, cluster in specs)

    batch = ops.create_ballot(workshop_id, "dots", "Nochmal priorisieren", board_id=board_id,
                              options=specs)
    store.apply(batch)
    view = store.read(lambda s: queries.load_ballot(s, batch.operations[0].id))  # type: ignore[attr-defined]
    assert view is not None
    assert [o.cluster_id for o in view.options] == [cluster for _, _, cluster in specs]
    assert view.ballot.board_id == board_id

    some = store.read(lambda s: ops.options_from_board(
        s, board_id, only={clusters["Mobil im ländlichen Raum"]}))
    assert some == (("Mobil im ländlichen Raum", None, clusters["Mobil im ländlichen Raum"]),)


def test_options_from_the_notes_of_a_board(store: Store, site: Site) -> None:
    cluster = Create("cluster", {"board_id": site.board, "title": " ", "x": 0.0, "y": 500.0})
    empty = Create("cluster", {"board_id": site.board, "title": "", "x": 0.0, "y": 900.0})

    def note(text: str, x: float, y: float, state: str = "board",
             cluster_id: uuid.UUID | None = None) -> Create:
        return Create("idea", {"board_id": site.board, "text": text, "x": x, "y": y,
                               "state": state, "cluster_id": cluster_id})

    notes = [note("Zweite\nZeile", 300, 0), note("Erste", 0, 0),
             note("Eingang", 0, 10, "inbox"), note("Versteckt", 0, 20, "hidden"),
             note("Im   Cluster", 10, 520, cluster_id=cluster.id), note("x" * 400, 0, 700)]
    store.apply(Batch((cluster, empty, *notes), LABEL))
    specs = store.read(lambda s: ops.options_from_board(s, site.board, source="ideas"))
    labels = [label for label, _, _ in specs]
    assert labels[:3] == ["Erste", "Zweite Zeile", "Im Cluster"]
    assert labels[3] == "x" * 299 + "…"
    assert len(labels) == 4
    assert [idea for _, idea, _ in specs][:2] == [notes[1].id, notes[0].id]
    # A cluster without a title is named after its first note; an empty one is left out.
    assert store.read(lambda s: ops.options_from_board(s, site.board)) == (
        ("Im Cluster", None, cluster.id),)


def test_open_close_and_reopen_with_undo(store: Store, site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "single", status="draft")
    before = live_snapshot(store)
    opened = store.apply(ops.open_ballot(ballot_id))
    assert row(store, "ballot", ballot_id)["status"] == "open"
    undo_redo(store, opened, before)

    cast(store, ballot_id, 1, {options[0]: (1, None)})
    before = live_snapshot(store)
    closed = store.apply(ops.close_ballot(ballot_id))
    assert closed.inverse.label.render() == "Close ballot"
    assert row(store, "ballot", ballot_id)["status"] == "closed"
    undo_redo(store, closed, before)
    # Reopening a closed ballot keeps its votes.
    store.apply(ops.open_ballot(ballot_id))
    assert live_votes(store, ballot_id) == {(voter(1), options[0], 1.0, None)}
    # Opening an open ballot again changes nothing.
    assert isinstance(store.apply(ops.open_ballot(ballot_id)).inverse, NoOp)


def test_open_with_a_countdown(store: Store, site: Site) -> None:
    ballot_id, _ = make_ballot(store, site, "single", status="draft")
    local = dt.timezone(dt.timedelta(hours=2))
    closes = dt.datetime.now(local).replace(microsecond=0) + dt.timedelta(minutes=5)
    store.apply(ops.open_ballot(ballot_id, closes))
    stored = row(store, "ballot", ballot_id)["closes_at"]
    assert stored == closes.astimezone(dt.UTC).replace(tzinfo=None)
    # Changing the countdown of an open ballot, then undoing it.
    before = live_snapshot(store)
    later = utc_now() + dt.timedelta(minutes=10)
    result = store.apply(ops.open_ballot(ballot_id, later))
    assert row(store, "ballot", ballot_id)["closes_at"] == later
    undo_redo(store, result, before)
    assert refused(store, ops.open_ballot(ballot_id, utc_now() - dt.timedelta(seconds=1))) == (
        "The closing time has already passed.")


def test_open_refusals(store: Store, site: Site) -> None:
    empty, _ = make_ballot(store, site, "dots", count=0, status="draft")
    assert refused(store, ops.open_ballot(empty)) == (
        "Add at least one option before opening the ballot.")
    question, _ = make_ballot(store, site, "open_text", status="draft")
    store.apply(Delete("board", site.board))
    assert refused(store, ops.open_ballot(question)) == (
        "An open question needs a board for the ideas.")


def test_results_hidden_with_undo(store: Store, site: Site) -> None:
    ballot_id, _ = make_ballot(store, site, "single")
    before = live_snapshot(store)
    result = store.apply(ops.set_results_hidden(ballot_id, True))
    assert row(store, "ballot", ballot_id)["results_hidden"] is True
    assert result.inverse.label.render() == "Hide results"
    undo_redo(store, result, before)
    store.apply(ops.set_results_hidden(ballot_id, False))
    assert row(store, "ballot", ballot_id)["results_hidden"] is False


def test_edit_ballot(store: Store, site: Site) -> None:
    ballot_id, _ = make_ballot(store, site, "dots", status="draft")
    before = live_snapshot(store)
    result = store.apply(ops.edit_ballot(ballot_id, title="Neu", settings={"dots_per_person": 4,
                                                                           "max_per_option": 2}))
    ballot = row(store, "ballot", ballot_id)
    assert (ballot["title"], ballot["settings"]) == ("Neu", {"dots_per_person": 4,
                                                             "max_per_option": 2})
    undo_redo(store, result, before)
    # Settings are checked against the ballot's kind.
    assert refused(store, ops.edit_ballot(ballot_id, settings={"total": 10})) == (
        "“total” is not a rule of this kind of ballot.")
    # A new kind brings its default settings.
    store.apply(ops.edit_ballot(ballot_id, kind="points"))
    assert row(store, "ballot", ballot_id)["settings"] == {"total": 100}
    store.apply(ops.edit_ballot(ballot_id, kind="rating", settings={"scale_max": 7}))
    assert row(store, "ballot", ballot_id)["settings"]["scale_max"] == 7
    assert refused(store, ops.edit_ballot(ballot_id, kind="open_text")) == (
        "An open question needs a board for the ideas.")
    store.apply(ops.open_ballot(ballot_id))
    assert refused(store, ops.edit_ballot(ballot_id, kind="single")) == (
        "The kind of a ballot can only change while it is a draft.")
    assert isinstance(store.apply(ops.edit_ballot(ballot_id, title="Neu")).inverse, NoOp)
    with pytest.raises(ValueError, match="status"):
        ops.edit_ballot(ballot_id, status="closed")


def test_options_can_be_added_renamed_and_deleted(store: Store, site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "single", count=2)
    added = ops.add_option(ballot_id, " Dritte ")
    store.apply(added)
    store.apply(ops.rename_option(options[0], "Erste"))
    view = store.read(lambda s: queries.load_ballot(s, ballot_id))
    assert view is not None
    assert [o.label for o in view.options] == ["Erste", "Option 2", "Dritte"]
    assert view.options[-1].id == added.id
    cast(store, ballot_id, 1, {added.id: (1, None)})
    store.apply(ops.set_paper_tally(added.id, 3))
    before = live_snapshot(store)
    deleted = store.apply(ops.delete_option(added.id))
    assert deleted.changes.deleted["paper_tally"]
    outcome = store.read(lambda s: queries.results(s, ballot_id))
    assert outcome is not None
    assert (outcome.participants, outcome.paper_total) == (0, 0)
    undo_redo(store, deleted, before)


# --------------------------------------------------------------------------- paper tallies


def test_paper_tally_is_created_then_updated_with_undo(store: Store, site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "dots", status="closed")
    before = live_snapshot(store)
    created = store.apply(ops.set_paper_tally(options[0], 4, " Flipchart "))
    tallies = store.read(lambda s: s.execute(select(PaperTally.id, PaperTally.count,
                                                    PaperTally.note)).all())
    assert [(count, note) for _, count, note in tallies] == [(4, "Flipchart")]
    undo_redo(store, created, before)

    before = live_snapshot(store)
    updated = store.apply(ops.set_paper_tally(options[0], 7))
    assert updated.changes.updated["paper_tally"]
    assert count(store, PaperTally) == 1  # the same row, not a second one
    assert row(store, "paper_tally", tallies[0][0])["count"] == 7
    undo_redo(store, updated, before)
    assert isinstance(store.apply(ops.set_paper_tally(options[0], 7)).inverse, NoOp)
    outcome = store.read(lambda s: queries.results(s, ballot_id))
    assert outcome is not None
    assert outcome.by_option()[options[0]].paper == 7


def test_paper_tally_merges_tallies_of_two_laptops(store: Store, site: Site) -> None:
    _, options = make_ballot(store, site, "dots")
    store.apply(Batch(tuple(Create("paper_tally", {"option_id": options[0], "count": n})
                            for n in (2, 3)), LABEL))
    before = live_snapshot(store)
    result = store.apply(ops.set_paper_tally(options[0], 6))
    live = store.read(lambda s: s.scalars(select(PaperTally.count).where(
        PaperTally.deleted.is_(False))).all())
    assert live == [6]
    undo_redo(store, result, before)


def test_paper_tally_refusals(store: Store, site: Site) -> None:
    _, options = make_ballot(store, site, "dots")
    assert refused(store, ops.set_paper_tally(options[0], -1)) == (
        "Paper votes are whole numbers, 0 or more.")
    assert refused(store, ops.set_paper_tally(options[0], True)) == (
        "Paper votes are whole numbers, 0 or more.")
    assert refused(store, ops.set_paper_tally(uuid.uuid4(), 1)) == (
        "This Option no longer exists.")


# --------------------------------------------------------------------------- votes


VALID: list[tuple[str, dict[str, Any] | None, dict[int, Choice]]] = [
    ("dots", {"dots_per_person": 3, "max_per_option": 2}, {0: (2, None), 2: (1, None)}),
    ("single", None, {1: (1, None)}),
    ("multiple", {"max_choices": 2}, {0: (1, None), 3: (1, None)}),
    ("rating", None, {0: (5, None), 1: (1, None)}),
    ("ranking", None, {0: (2, None), 1: (1, None), 2: (3, None)}),
    ("points", {"total": 10}, {0: (7, None), 1: (3, None)}),
    ("matrix", None, {0: (8.5, 2), 1: (0, 10)}),
]


@pytest.mark.parametrize(("kind", "settings", "choices"), VALID, ids=[v[0] for v in VALID])
def test_every_kind_stores_one_row_per_option_with_a_value(
        store: Store, site: Site, kind: str, settings: dict[str, Any] | None,
        choices: dict[int, Choice]) -> None:
    ballot_id, options = make_ballot(store, site, kind, settings)
    result = cast(store, ballot_id, 1, {options[i]: choice for i, choice in choices.items()})
    assert not ops.is_duplicate(result)
    expected = {(voter(1), options[i], float(value) if value is not None else None,
                 float(y) if y is not None else None) for i, (value, y) in choices.items()}
    assert live_votes(store, ballot_id) == expected
    assert result.changes.created["vote"] and not result.changes.deleted
    # Every field of every row is in the change log, for sync: one entry per new row.
    logged = store.read(lambda s: s.execute(
        select(ChangeLogEntry.entity, ChangeLogEntry.entity_id, ChangeLogEntry.field,
               ChangeLogEntry.value)
        .where(ChangeLogEntry.op_id == result.op_id)).all())
    assert {entity for entity, *_ in logged} == {"vote"}
    assert {field for *_, field, _value in logged} == {CREATED}
    assert {entity_id for _, entity_id, *_ in logged} == result.changes.created["vote"]
    for *_, value in logged:
        assert set(value) == {"ballot_id", "option_id", "voter_hash", "client_vote_id",
                              "value", "value_y", "cast_at", "deleted"}
        assert value["voter_hash"] == voter(1) and value["deleted"] is False


INVALID: list[tuple[str, dict[str, Any] | None, dict[int, Choice], str]] = [
    ("dots", None, {0: (1, None), 1: (1, None), 2: (1, None), 3: (1, None)},
     "You have 3 dots and used 4."),
    ("dots", {"dots_per_person": 3, "max_per_option": 2}, {0: (3, None)},
     "You can put at most 2 dots on one option."),
    ("single", None, {0: (1, None), 1: (1, None)}, "Choose one option."),
    ("multiple", {"max_choices": 2}, {0: (1, None), 1: (1, None), 2: (1, None)},
     "Choose at most 2 options."),
    ("rating", None, {0: (6, None)}, "Ratings are whole numbers from 1 to 5."),
    ("ranking", None, {0: (1, None), 1: (1, None)}, "Each rank can be given only once."),
    ("ranking", None, {0: (1, None), 1: (3, None)}, "Ranks must start at 1 and leave no gaps."),
    ("points", None, {0: (60, None), 1: (50, None)}, "You have 100 points and used 110."),
    ("matrix", None, {0: (11, 5)}, "Positions go from 0 to 10."),
]


@pytest.mark.parametrize("case", INVALID, ids=[f"{v[0]}-{n}" for n, v in enumerate(INVALID)])
def test_invalid_submissions_are_refused_with_nothing_written(
        store: Store, site: Site,
        case: tuple[str, dict[str, Any] | None, dict[int, Choice], str]) -> None:
    kind, settings, choices, expected = case
    ballot_id, options = make_ballot(store, site, kind, settings)
    # An earlier valid vote stays untouched.
    first: dict[uuid.UUID, Choice] = {options[3]: (1.0, 1.0 if kind == "matrix" else None)}
    cast(store, ballot_id, 1, first)
    message = refused(store, ops.CastVote(ballot_id, voter(1), "second",
                                          {options[i]: c for i, c in choices.items()}))
    assert message == expected
    assert len(live_votes(store, ballot_id)) == 1


def test_a_resent_submission_is_stored_once(store: Store, site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "dots")
    choices: dict[uuid.UUID, Choice] = {options[0]: (1, None), options[1]: (1, None)}
    first = cast(store, ballot_id, 1, choices, "submission-1")
    logged = log_count(store)
    again = cast(store, ballot_id, 1, choices, "submission-1")
    assert ops.is_duplicate(again)
    assert not again.changes
    assert isinstance(again.inverse, NoOp)
    assert not ops.is_duplicate(first)
    assert count(store, Vote) == 2
    assert log_count(store) == logged
    # Even after closing, a resend is answered as accepted (it was counted).
    store.apply(ops.close_ballot(ballot_id))
    assert ops.is_duplicate(cast(store, ballot_id, 1, choices, "submission-1"))


def test_the_same_submission_id_of_another_phone_or_ballot_counts(store: Store,
                                                                   site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "single")
    other_id, other_options = make_ballot(store, site, "single")
    cast(store, ballot_id, 1, {options[0]: (1, None)}, "same")
    assert not ops.is_duplicate(cast(store, ballot_id, 2, {options[0]: (1, None)}, "same"))
    assert not ops.is_duplicate(cast(store, other_id, 1, {other_options[0]: (1, None)}, "same"))
    assert len(live_votes(store, ballot_id)) == 2


def test_a_new_submission_replaces_the_vote(store: Store, site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "dots")
    first = cast(store, ballot_id, 1, {options[0]: (1, None), options[1]: (1, None)}, "one")
    cast(store, ballot_id, 2, {options[0]: (1, None)}, "other")
    changed = cast(store, ballot_id, 1, {options[2]: (1, None)}, "two")
    assert changed.changes.deleted["vote"] == first.changes.created["vote"]
    assert len(changed.changes.created["vote"]) == 1
    assert live_votes(store, ballot_id) == {(voter(1), options[2], 1.0, None),
                                            (voter(2), options[0], 1.0, None)}
    # The old rows stay as tombstones (sync carries the deletion).
    assert count(store, Vote) == 4
    # A late resend of the first submission does not bring the old vote back.
    assert ops.is_duplicate(cast(store, ballot_id, 1, {options[0]: (1, None),
                                                       options[1]: (1, None)}, "one"))
    assert (voter(1), options[2], 1.0, None) in live_votes(store, ballot_id)


def test_withdrawing_a_vote(store: Store, site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "single")
    cast(store, ballot_id, 1, {options[0]: (1, None)}, "vote")
    withdrawn = cast(store, ballot_id, 1, {}, "withdraw")
    assert live_votes(store, ballot_id) == set()
    assert not ops.is_duplicate(withdrawn)
    assert ops.is_duplicate(cast(store, ballot_id, 1, {}, "withdraw"))
    # Only zeros is nothing as well.
    cast(store, ballot_id, 1, {options[1]: (1, None)}, "again")
    cast(store, ballot_id, 1, {options[1]: (0, None)}, "zero")
    assert live_votes(store, ballot_id) == set()
    # A resent withdrawal cannot remove a later vote.
    cast(store, ballot_id, 1, {options[2]: (1, None)}, "later")
    assert ops.is_duplicate(cast(store, ballot_id, 1, {}, "withdraw"))
    assert live_votes(store, ballot_id) == {(voter(1), options[2], 1.0, None)}
    # Withdrawing without a vote is fine.
    assert not ops.is_duplicate(cast(store, ballot_id, 2, {}, "nothing"))
    outcome = store.read(lambda s: queries.results(s, ballot_id))
    assert outcome is not None
    assert outcome.participants == 1


def test_undo_of_a_vote_brings_back_the_previous_one(store: Store, site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "single")
    cast(store, ballot_id, 1, {options[0]: (1, None)})
    before = live_snapshot(store)
    changed = cast(store, ballot_id, 1, {options[1]: (1, None)})
    undo_redo(store, changed, before)


def test_votes_on_a_ballot_not_open_are_refused(store: Store, site: Site) -> None:
    draft, draft_options = make_ballot(store, site, "single", status="draft")
    assert refused(store, ops.CastVote(draft, voter(1), "s", {draft_options[0]: (1, None)})) == (
        "This ballot is not open yet.")
    closed, closed_options = make_ballot(store, site, "single", status="closed")
    assert refused(store, ops.CastVote(closed, voter(1), "s", {closed_options[0]: (1, None)})) == (
        "This ballot is closed.")
    assert refused(store, ops.CastVote(closed, voter(1), "s", {})) == "This ballot is closed."
    ballot_id, options = make_ballot(store, site, "single")
    store.apply(Update("ballot", ballot_id, {"closes_at": utc_now() - dt.timedelta(seconds=1)}))
    assert refused(store, ops.CastVote(ballot_id, voter(1), "s", {options[0]: (1, None)})) == (
        "This ballot is closed.")
    store.apply(Update("ballot", ballot_id, {"closes_at": utc_now() + dt.timedelta(minutes=1)}))
    cast(store, ballot_id, 1, {options[0]: (1, None)})
    store.apply(Delete("ballot", ballot_id))
    assert refused(store, ops.CastVote(ballot_id, voter(1), "t", {options[0]: (1, None)})) == (
        "This ballot no longer exists.")
    assert refused(store, ops.CastVote(uuid.uuid4(), voter(1), "t", {})) == (
        "This ballot no longer exists.")


def test_votes_for_options_not_on_the_ballot_are_refused(store: Store, site: Site) -> None:
    gone = "An option you chose is no longer on this ballot. Please reload the page."
    ballot_id, options = make_ballot(store, site, "multiple")
    _, foreign = make_ballot(store, site, "multiple")
    assert refused(store, ops.CastVote(ballot_id, voter(1), "s",
                                       {options[0]: (1, None), uuid.uuid4(): (1, None)})) == gone
    assert refused(store, ops.CastVote(ballot_id, voter(1), "s", {foreign[0]: (1, None)})) == gone
    store.apply(ops.delete_option(options[1]))
    assert refused(store, ops.CastVote(ballot_id, voter(1), "s", {options[1]: (1, None)})) == gone
    assert live_votes(store, ballot_id) == set()


def test_a_vote_on_an_open_question_is_refused(store: Store, site: Site) -> None:
    ballot_id, _ = make_ballot(store, site, "open_text")
    assert refused(store, ops.CastVote(ballot_id, voter(1), "s", {})) == (
        "This ballot collects ideas, not votes.")


def test_phone_and_submission_must_be_well_formed(store: Store, site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "single")
    choice: dict[uuid.UUID, Choice] = {options[0]: (1, None)}
    assert refused(store, ops.CastVote(ballot_id, "device-token", "s", choice)) == (
        "This phone could not be recognised. Please reload the page.")
    assert refused(store, ops.CastVote(ballot_id, voter(1).upper(), "s", choice)) == (
        "This phone could not be recognised. Please reload the page.")
    unreadable = "Your vote could not be read. Please reload the page and vote again."
    assert refused(store, ops.CastVote(ballot_id, voter(1), "", choice)) == unreadable
    assert refused(store, ops.CastVote(ballot_id, voter(1), "x" * 65, choice)) == unreadable
    assert refused(store, ops.CastVote(ballot_id, voter(1), "a b", choice)) == unreadable


def test_the_client_vote_id_is_derived_per_row() -> None:
    ballot_id, option_id = uuid.UUID(int=1), uuid.UUID(int=2)
    first = ops.client_vote_id(ballot_id, voter(1), "sub", option_id)
    assert len(first) == 40
    assert int(first, 16) >= 0
    assert first == ops.client_vote_id(ballot_id, voter(1), "sub", option_id)
    others = {ops.client_vote_id(ballot_id, voter(2), "sub", option_id),
              ops.client_vote_id(ballot_id, voter(1), "sub2", option_id),
              ops.client_vote_id(ballot_id, voter(1), "sub", None),
              ops.client_vote_id(option_id, voter(1), "sub", option_id)}
    assert first not in others
    assert len(others) == 4


def test_two_hundred_phones_through_the_writer(store: Store, site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "dots",
                                     {"dots_per_person": 3, "max_per_option": 2})
    operations = [ops.CastVote(ballot_id, voter(n), f"s{n}",
                               {options[n % 4]: (2, None), options[(n + 1) % 4]: (1, None)})
                  for n in range(200)]
    writer = StoreWriter(store)
    try:
        futures = [writer.submit(operation) for operation in operations]
        # Impatient phones send again while the first is still queued.
        resends = [writer.submit(operation) for operation in operations[::7]]
        results = [future.result(timeout=60) for future in futures]
        repeated = [future.result(timeout=60) for future in resends]
    finally:
        writer.close()
    assert not any(ops.is_duplicate(result) for result in results)
    assert all(ops.is_duplicate(result) for result in repeated)
    assert count(store, Vote) == 400
    assert count(store, Vote, Vote.deleted.is_(False)) == 400
    outcome = store.read(lambda s: queries.results(s, ballot_id))
    assert outcome is not None
    assert outcome.participants == 200
    # Each option: 50 phones put 2 dots on it, 50 put 1.
    assert [r.total for r in outcome.options] == [150.0] * 4


# --------------------------------------------------------------------------- ideas


def inbox(store: Store, board_id: uuid.UUID) -> list[Any]:
    return store.read(lambda s: list(s.scalars(select(Idea).where(
        Idea.board_id == board_id, Idea.deleted.is_(False)))))


def test_an_idea_from_a_phone_lands_in_the_inbox(store: Store, site: Site) -> None:
    ballot_id, _ = make_ballot(store, site, "open_text")
    result = store.apply(ops.SubmitIdea(ballot_id, voter(1), "  Mehr Busse\r\nam Abend \n"))
    (idea,) = inbox(store, site.board)
    assert idea.text == "Mehr Busse\nam Abend"
    assert (idea.state, idea.source, idea.x, idea.y, idea.author) == (
        "inbox", "phone", 0.0, 0.0, "")
    assert result.changes.created == {"idea": frozenset({idea.id})}
    assert result.inverse == Delete("idea", idea.id)
    assert dt.timedelta(0) <= utc_now() - idea.created_at < dt.timedelta(minutes=1)


def test_an_idea_resent_with_its_submission_id_arrives_once(store: Store, site: Site) -> None:
    ballot_id, _ = make_ballot(store, site, "open_text")
    first = store.apply(ops.SubmitIdea(ballot_id, voter(1), "WLAN", "abc"))
    again = store.apply(ops.SubmitIdea(ballot_id, voter(1), "WLAN", "abc"))
    assert not ops.is_duplicate(first)
    assert ops.is_duplicate(again)
    store.apply(ops.SubmitIdea(ballot_id, voter(2), "WLAN", "abc"))
    store.apply(ops.SubmitIdea(ballot_id, voter(1), "WLAN"))
    store.apply(ops.SubmitIdea(ballot_id, voter(1), "WLAN"))
    assert len(inbox(store, site.board)) == 4


def test_idea_refusals(store: Store, site: Site) -> None:
    ballot_id, _ = make_ballot(store, site, "open_text", {"max_length": 20})
    assert refused(store, ops.SubmitIdea(ballot_id, voter(1), " \n ")) == (
        "Write your idea first.")
    assert refused(store, ops.SubmitIdea(ballot_id, voter(1), "x" * 21)) == (
        "Your idea is too long: 21 characters, at most 20 are allowed.")
    assert refused(store, ops.SubmitIdea(ballot_id, voter(1), "x" * 2001)) == (
        "Your idea is too long: 2001 characters, at most 2000 are allowed.")
    assert refused(store, ops.SubmitIdea(ballot_id, voter(1), "a\x1bb")) == (
        "Your idea contains invisible control characters.")
    assert refused(store, ops.SubmitIdea(ballot_id, "nobody", "Idee")) == (
        "This phone could not be recognised. Please reload the page.")
    dots, _ = make_ballot(store, site, "dots")
    assert refused(store, ops.SubmitIdea(dots, voter(1), "Idee")) == (
        "This ballot collects votes, not ideas.")
    draft, _ = make_ballot(store, site, "open_text", status="draft")
    assert refused(store, ops.SubmitIdea(draft, voter(1), "Idee")) == (
        "This ballot is not open yet.")
    store.apply(ops.close_ballot(ballot_id))
    assert refused(store, ops.SubmitIdea(ballot_id, voter(1), "Idee")) == (
        "This ballot is closed.")
    assert refused(store, ops.SubmitIdea(uuid.uuid4(), voter(1), "Idee")) == (
        "This ballot no longer exists.")
    assert inbox(store, site.board) == []


def test_an_idea_without_a_board_is_refused(store: Store, site: Site) -> None:
    ballot_id, _ = make_ballot(store, site, "open_text")
    store.apply(Delete("board", site.board))
    assert refused(store, ops.SubmitIdea(ballot_id, voter(1), "Idee")) == (
        "This question has no board to collect the ideas.")
    # A ballot row without a board (as a foreign laptop might sync it) is refused the same way.
    store.apply(Update("ballot", ballot_id, {"board_id": None}))
    assert refused(store, ops.SubmitIdea(ballot_id, voter(1), "Idee")) == (
        "This question has no board to collect the ideas.")


def test_deleting_a_ballot_takes_its_options_votes_and_tallies(store: Store, site: Site) -> None:
    ballot_id, options = make_ballot(store, site, "single")
    cast(store, ballot_id, 1, {options[0]: (1, None)})
    store.apply(ops.set_paper_tally(options[1], 2))
    before = live_snapshot(store)
    result = store.apply(ops.delete_ballot(ballot_id))
    assert count(store, Ballot, Ballot.deleted.is_(False)) == 0
    assert count(store, BallotOption, BallotOption.deleted.is_(False)) == 0
    assert count(store, Vote, Vote.deleted.is_(False)) == 0
    assert count(store, PaperTally, PaperTally.deleted.is_(False)) == 0
    undo_redo(store, result, before)


# --------------------------------------------------------------------------- votes of a burst


def test_votes_committed_together_are_each_their_own_vote(store: Store, site: Site) -> None:
    """A group of votes (one commit) counts as the same votes one by one would: a phone's
    later vote replaces its earlier one, a resend is stored once, a refused vote (too many
    dots) changes nothing."""
    ballot, options = make_ballot(store, site, "dots",
                                  {"dots_per_person": 3, "max_per_option": 3})
    a, b = options[0], options[1]
    group = [
        ops.CastVote(ballot, voter(1), "s1-first", {a: (2.0, None)}),
        ops.CastVote(ballot, voter(2), "s2-first", {b: (1.0, None)}),
        ops.CastVote(ballot, voter(1), "s1-second", {b: (3.0, None)}),  # replaces s1-first
        ops.CastVote(ballot, voter(2), "s2-first", {b: (1.0, None)}),  # a resend
        ops.CastVote(ballot, voter(3), "s3-greedy", {a: (3.0, None), b: (3.0, None)}),
    ]
    outcomes = store.apply_group(group)
    assert [type(o).__name__ for o in outcomes] == [
        "OpResult", "OpResult", "OpResult", "OpResult", "ValidationError"]
    assert live_votes(store, ballot) == {(voter(1), b, 3.0, None), (voter(2), b, 1.0, None)}
    assert count(store, Vote, Vote.ballot_id == ballot) == 2 + 1  # s1-first tombstoned


def test_a_ballot_closed_between_votes_in_the_queue_refuses_the_votes_after_it(
        store: Store, site: Site) -> None:
    """Votes read their ballot once per commit; closing it is no vote, so it splits the
    queue: the votes queued after it see it closed."""
    ballot, options = make_ballot(store, site, "dots",
                                  {"dots_per_person": 3, "max_per_option": 3})
    writer = StoreWriter(store)
    hold = threading.Event()
    try:
        writer.call(lambda _store: hold.wait(10))
        before = [writer.submit(ops.CastVote(ballot, voter(n), f"before-{n}",
                                             {options[0]: (1.0, None)})) for n in range(3)]
        closing = writer.submit(ops.close_ballot(ballot))
        after = [writer.submit(ops.CastVote(ballot, voter(n), f"after-{n}",
                                            {options[1]: (1.0, None)})) for n in range(3, 5)]
        hold.set()
        assert all(f.exception(timeout=30) is None for f in (*before, closing))
        for future in after:
            assert isinstance(future.exception(timeout=30), ValidationError)
    finally:
        writer.close()
    assert live_votes(store, ballot) == {(voter(n), options[0], 1.0, None) for n in range(3)}


def test_votes_see_a_ballot_changed_after_the_votes_before(store: Store, site: Site) -> None:
    """The writer keeps a ballot and its options between votes: a change to either is seen
    by the next vote (an option taken away, the ballot closed)."""
    ballot, options = make_ballot(store, site, "dots",
                                  {"dots_per_person": 3, "max_per_option": 3})
    cast(store, ballot, 1, {options[0]: (1.0, None)})
    store.apply(Delete("ballot_option", options[0]))
    with pytest.raises(ValidationError):
        cast(store, ballot, 2, {options[0]: (1.0, None)})
    cast(store, ballot, 2, {options[1]: (1.0, None)})
    store.apply(ops.close_ballot(ballot))
    with pytest.raises(ValidationError):
        cast(store, ballot, 3, {options[1]: (1.0, None)})
    assert {v[0] for v in live_votes(store, ballot)} == {voter(1), voter(2)}
