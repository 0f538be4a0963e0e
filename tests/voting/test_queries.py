"""Read models of ballots on a real store, including the demo's closed dot votes."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from myk10_workshop.demo import demo_operation
from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Batch, Create, Delete, Update, utc_now
from myk10_workshop.store.schema import Ballot
from myk10_workshop.voting import operations as ops
from myk10_workshop.voting import queries, rules

LABEL = Message("Test", "Test step")


@dataclass(frozen=True)
class Site:
    workshop: uuid.UUID
    other_workshop: uuid.UUID
    board: uuid.UUID


@pytest.fixture
def site(store: Store) -> Site:
    project = Create("project", {"name": "Smarte Region MYK10"})
    workshop = Create("workshop", {"project_id": project.id, "title": "Strategie-Workshop"})
    other = Create("workshop", {"project_id": project.id, "title": "Zukunftsdialog"})
    board = Create("board", {"workshop_id": workshop.id, "title": "Ideen"})
    store.apply(Batch((project, workshop, other, board), LABEL))
    return Site(workshop.id, other.id, board.id)


def voter(n: int) -> str:
    return hashlib.sha256(f"device-{n}".encode()).hexdigest()


def make_ballot(store: Store, workshop: uuid.UUID, kind: str, title: str, *,
                labels: tuple[str, ...] = ("A", "B", "C"), status: str = "open",
                settings: dict[str, Any] | None = None,
                board: uuid.UUID | None = None) -> uuid.UUID:
    batch = ops.create_ballot(workshop, kind, title, settings=settings, board_id=board,
                              options=[(label, None, None) for label in labels])
    store.apply(batch)
    ballot_id: uuid.UUID = batch.operations[0].id  # type: ignore[attr-defined]
    if status in ("open", "closed"):
        store.apply(ops.open_ballot(ballot_id))
    if status == "closed":
        store.apply(ops.close_ballot(ballot_id))
    return ballot_id


def view(store: Store, ballot_id: uuid.UUID) -> queries.BallotView:
    found = store.read(lambda s: queries.load_ballot(s, ballot_id))
    assert found is not None
    return found


def test_load_ballot_with_live_options_in_order(store: Store, site: Site) -> None:
    ballot_id = make_ballot(store, site.workshop, "rating", "Bewertung",
                            settings={"scale_max": 4, "labels": {"1": "schlecht"}},
                            board=site.board)
    loaded = view(store, ballot_id)
    ballot = loaded.ballot
    assert (ballot.id, ballot.workshop_id, ballot.board_id, ballot.title, ballot.kind) == (
        ballot_id, site.workshop, site.board, "Bewertung", "rating")
    assert ballot.settings == {"scale_min": 1, "scale_max": 4, "labels": {"1": "schlecht"}}
    assert (ballot.status, ballot.results_hidden, ballot.closes_at) == ("open", False, None)
    assert [o.label for o in loaded.options] == ["A", "B", "C"]
    first, _, third = loaded.options
    # An option put between two others by its order key comes between them.
    between = Create("ballot_option", {"ballot_id": ballot_id, "label": "A½",
                                       "order_key": first.order_key + "V"})
    store.apply(Batch((between, Delete("ballot_option", third.id)), LABEL))
    assert [o.label for o in view(store, ballot_id).options] == ["A", "A½", "B"]
    assert store.read(lambda s: queries.load_ballot(s, uuid.uuid4())) is None
    store.apply(ops.delete_ballot(ballot_id))
    assert store.read(lambda s: queries.load_ballot(s, ballot_id)) is None


def test_settings_are_the_effective_ones(store: Store, site: Site) -> None:
    ballot_id = make_ballot(store, site.workshop, "dots", "Punkte", status="draft")
    # A row written elsewhere with a rule this version does not know, and one missing.
    store.apply(Update("ballot", ballot_id, {"settings": {"dots_per_person": 5, "new": 1}}))
    assert view(store, ballot_id).ballot.settings == {"dots_per_person": 5, "max_per_option": 1}


def test_list_ballots_with_counts(store: Store, site: Site) -> None:
    first = make_ballot(store, site.workshop, "single", "Erste")
    second = make_ballot(store, site.workshop, "dots", "Zweite", labels=("A", "B"),
                         status="draft")
    gone = make_ballot(store, site.workshop, "single", "Gelöscht")
    make_ballot(store, site.other_workshop, "single", "Anderswo")
    options = [o.id for o in view(store, first).options]
    for n, option in enumerate([options[0], options[0], options[1]]):
        store.apply(ops.CastVote(first, voter(n), f"s{n}", {option: (1, None)}))
    store.apply(ops.CastVote(first, voter(9), "w", {}))  # a withdrawal is no participation
    store.apply(ops.delete_ballot(gone))
    listed = store.read(lambda s: queries.list_ballots(s, site.workshop))
    assert [(b.ballot.id, b.options, b.participants) for b in listed] == [
        (first, 3, 3), (second, 2, 0)]
    # A deleted option takes its voters out of the count.
    store.apply(ops.delete_option(options[1]))
    listed = store.read(lambda s: queries.list_ballots(s, site.workshop))
    assert [(b.options, b.participants) for b in listed] == [(2, 2), (2, 0)]
    assert store.read(lambda s: queries.list_ballots(s, uuid.uuid4())) == ()


def test_open_ballots_are_those_taking_votes_now(store: Store, site: Site) -> None:
    running = make_ballot(store, site.workshop, "single", "Läuft")
    make_ballot(store, site.workshop, "single", "Entwurf", status="draft")
    make_ballot(store, site.workshop, "single", "Zu", status="closed")
    expired = make_ballot(store, site.workshop, "single", "Abgelaufen")
    countdown = make_ballot(store, site.workshop, "single", "Countdown")
    make_ballot(store, site.other_workshop, "single", "Anderswo")
    store.apply(Update("ballot", expired, {"closes_at": utc_now() - dt.timedelta(seconds=1)}))
    ends = utc_now() + dt.timedelta(minutes=2)
    store.apply(ops.open_ballot(countdown, ends))
    found = store.read(lambda s: queries.open_ballots(s, site.workshop))
    assert [b.ballot.id for b in found] == [running, countdown]
    assert [o.label for o in found[0].options] == ["A", "B", "C"]
    later = store.read(lambda s: queries.open_ballots(s, site.workshop,
                                                      ends + dt.timedelta(seconds=1)))
    assert [b.ballot.id for b in later] == [running]
    now = utc_now()
    assert found[1].ballot.accepts_votes(now)
    assert not found[1].ballot.accepts_votes(ends)


def test_results_visibility(store: Store, site: Site) -> None:
    ballot_id = make_ballot(store, site.workshop, "single", "Geheim")
    store.apply(ops.set_results_hidden(ballot_id, True))
    now = utc_now()
    assert not view(store, ballot_id).ballot.results_visible(now)
    store.apply(ops.close_ballot(ballot_id))
    assert view(store, ballot_id).ballot.results_visible(now)


def test_results_of_phones_and_paper(store: Store, site: Site) -> None:
    ballot_id = make_ballot(store, site.workshop, "points", "Budget", labels=("A", "B", "C"),
                            settings={"total": 10})
    a, b, c = (o.id for o in view(store, ballot_id).options)
    store.apply(ops.CastVote(ballot_id, voter(1), "s1", {a: (6, None), b: (4, None)}))
    store.apply(ops.CastVote(ballot_id, voter(2), "s2", {c: (10, None)}))
    store.apply(ops.CastVote(ballot_id, voter(3), "s3", {a: (10, None)}))
    store.apply(ops.CastVote(ballot_id, voter(3), "s4", {b: (10, None)}))  # changed their mind
    store.apply(ops.set_paper_tally(a, 5))
    outcome = store.read(lambda s: queries.results(s, ballot_id))
    assert outcome is not None
    # A 6 + 5 paper = 11; B 4 + 10 = 14; C 10.
    assert [(r.label, r.phone, r.paper, r.total, r.rank) for r in outcome.options] == [
        ("B", 14, 0, 14, 1), ("A", 6, 5, 11, 2), ("C", 10, 0, 10, 3)]
    assert (outcome.participants, outcome.paper_total, outcome.phone_total, outcome.total) == (
        3, 5, 30, 35)
    assert store.read(lambda s: queries.results(s, uuid.uuid4())) is None


def test_results_of_the_demo_dot_votes(store: Store) -> None:
    store.apply(demo_operation())
    ballots = dict(store.read(lambda s: s.execute(select(Ballot.title, Ballot.id)).all()))
    goals = store.read(lambda s: queries.results(s, ballots["Prioritäten der Ziele"]))
    assert goals is not None
    # Phone dots plus paper, from the demo file.
    assert [(r.label, r.phone, r.paper, r.total, r.rank) for r in goals.options] == [
        ("Digitale Verwaltung – einfach und bürgernah", 11, 2, 13, 1),
        ("Mobil im ländlichen Raum", 8, 1, 9, 2),
        ("Gemeinsame Daten und vernetzte Kommunen", 6, 2, 8, 3),
        ("Klimaschutz und Energie mit Daten steuern", 7, 0, 7, 4),
        ("Digitale Teilhabe und Bildung für alle Generationen", 4, 1, 5, 5),
        ("Leben, arbeiten und versorgt sein vor Ort", 3, 0, 3, 6),
    ]
    # 39 dots dealt round 13 phones (three each).
    assert (goals.participants, goals.phone_total, goals.paper_total, goals.total) == (
        13, 39, 6, 45)
    assert goals.options[0].share == pytest.approx(13 / 45)
    formats = store.read(lambda s: queries.results(s, ballots["Beteiligungsformate 2022"]))
    assert formats is not None
    assert [(r.label, r.total) for r in formats.options] == [
        ("Zukunftsdialoge weiterführen", 14),
        ("Formate in den Verbandsgemeinden und Städten", 11),
        ("Jugend beteiligen", 9),
        ("Online-Beteiligung", 6),
        ("Seniorinnen und Senioren erreichen", 5),
    ]
    assert (formats.participants, formats.paper_total) == (14, 5)
    # The demo's votes are valid under its own rules.
    for ballot_id in ballots.values():
        ballot = view(store, ballot_id).ballot
        assert ballot.status == "closed"
        assert ballot.settings == {"dots_per_person": 3, "max_per_option": 2}


def test_voter_choices_prefill_the_form(store: Store, site: Site) -> None:
    ballot_id = make_ballot(store, site.workshop, "matrix", "Matrix")
    a, b, c = (o.id for o in view(store, ballot_id).options)
    store.apply(ops.CastVote(ballot_id, voter(1), "s1", {c: (2.5, 9), a: (7, 1)}))
    store.apply(ops.CastVote(ballot_id, voter(2), "s2", {b: (1, 1)}))
    mine = store.read(lambda s: queries.voter_choices(s, ballot_id, voter(1)))
    assert mine == {a: (7.0, 1.0), c: (2.5, 9.0)}
    assert list(mine) == [a, c]  # in ballot order
    assert rules.form_fields("matrix", mine) == {f"x-{a}": "7", f"y-{a}": "1",
                                                 f"x-{c}": "2.5", f"y-{c}": "9"}
    store.apply(ops.delete_option(c))
    assert store.read(lambda s: queries.voter_choices(s, ballot_id, voter(1))) == {
        a: (7.0, 1.0)}
    store.apply(ops.CastVote(ballot_id, voter(1), "s3", {}))
    assert store.read(lambda s: queries.voter_choices(s, ballot_id, voter(1))) == {}
    assert store.read(lambda s: queries.voter_choices(s, ballot_id, voter(3))) == {}
