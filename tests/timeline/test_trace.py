"""A measure's trace: built the way a workshop builds it (notes on the board, a cluster,
promoted to a measure, dot votes from phones and on paper), read back to its origins."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

import pytest

from myk10_workshop.board import operations as board
from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Batch, Create, Delete
from myk10_workshop.timeline import operations as timeline
from myk10_workshop.timeline.trace import MeasureTrace, trace_measure
from myk10_workshop.voting import operations as voting
from myk10_workshop.voting import queries as voting_queries

LABEL = Message("Test", "Test step")


@dataclass(frozen=True)
class Site:
    """A workshop as the facilitator leaves it.

    Board "Ziele": cluster "Mobilität" (Rufbus, Mitfahrbank, Carsharing), cluster
    "Verwaltung" (Online-Antrag, Bürgerkonto), a loose note "Freies WLAN". Measures:
    "Mobilitätsplattform" from the Mobilität cluster, "Bürgerportal" from the note
    Online-Antrag, "WLAN an Schulen" from the loose note and the Verwaltung cluster,
    "Regionale Datenplattform" typed into the agenda. Ballots: dots on the clusters plus a
    typed option "Regionale Datenplattform" (Mobilität 3 phones + 4 on paper, Verwaltung 2,
    Datenplattform 1); a rating of the notes Rufbus and Online-Antrag (2 and 1 phones).
    """

    project: uuid.UUID
    field: uuid.UUID
    workshop: uuid.UUID
    board: uuid.UUID
    mobility: uuid.UUID
    administration: uuid.UUID
    ideas: dict[str, uuid.UUID]
    platform: uuid.UUID  # measure from the Mobilität cluster
    portal: uuid.UUID  # measure from the note Online-Antrag
    wifi: uuid.UUID  # measure from the loose note and the Verwaltung cluster
    data: uuid.UUID  # measure typed into the agenda
    dots: uuid.UUID
    dot_options: dict[str, uuid.UUID]
    rating: uuid.UUID
    rating_options: dict[str, uuid.UUID]


def voter(n: int) -> str:
    return hashlib.sha256(f"phone-{n}".encode()).hexdigest()


def promote(store: Store, site_project: uuid.UUID, title: str, *,
            ideas: tuple[uuid.UUID, ...] = (), cluster: uuid.UUID | None = None,
            field: uuid.UUID | None = None) -> uuid.UUID:
    batch = board.promote_to_measure(site_project, title, idea_ids=ideas, cluster_id=cluster,
                                     field_of_action_id=field)
    store.apply(batch)
    return batch.operations[0].id  # type: ignore[attr-defined, no-any-return]


def ballot(store: Store, workshop: uuid.UUID, kind: str, title: str,
           options: list[voting.OptionSpec]) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    batch = voting.create_ballot(workshop, kind, title, options=options)
    store.apply(batch)
    ballot_id = batch.operations[0].id  # type: ignore[attr-defined]
    store.apply(voting.open_ballot(ballot_id))
    view = store.read(lambda s: voting_queries.load_ballot(s, ballot_id))
    assert view is not None
    return ballot_id, {option.label: option.id for option in view.options}


def build_site(store: Store) -> Site:
    project = Create("project", {"name": "Smarte Region MYK10",
                                 "starts_on": dt.date(2022, 1, 1),
                                 "ends_on": dt.date(2027, 12, 31)})
    field = Create("field_of_action", {"project_id": project.id, "name": "Mobilität"})
    workshop = Create("workshop", {"project_id": project.id, "title": "Zukunftsdialog Mayen",
                                   "venue": "Kreishaus", "starts_on": dt.date(2022, 1, 20),
                                   "ends_on": dt.date(2022, 1, 21)})
    wall = Create("board", {"workshop_id": workshop.id, "title": "Ziele"})
    store.apply(Batch((project, field, workshop, wall), LABEL))

    ideas: dict[str, uuid.UUID] = {}
    for n, text in enumerate(("Rufbus", "Mitfahrbank", "Carsharing", "Online-Antrag",
                              "Bürgerkonto", "Freies WLAN")):
        note = board.create_idea(wall.id, text, 40.0 * n, 100.0 * (n // 3))
        store.apply(note)
        ideas[text] = note.id
    mobility = board.create_cluster(wall.id, "Mobilität", {
        ideas[t]: (40.0 * n, 0.0) for n, t in enumerate(("Rufbus", "Mitfahrbank", "Carsharing"))})
    administration = board.create_cluster(wall.id, "Verwaltung", {
        ideas[t]: (40.0 * n, 300.0) for n, t in enumerate(("Online-Antrag", "Bürgerkonto"))})
    store.apply(mobility)
    store.apply(administration)
    mobility_id = mobility.operations[0].id  # type: ignore[attr-defined]
    administration_id = administration.operations[0].id  # type: ignore[attr-defined]

    platform = promote(store, project.id, "Mobilitätsplattform", cluster=mobility_id,
                       field=field.id)
    portal = promote(store, project.id, "Bürgerportal", ideas=(ideas["Online-Antrag"],))
    wifi = promote(store, project.id, "WLAN an Schulen", ideas=(ideas["Freies WLAN"],),
                   cluster=administration_id)
    data = timeline.create_measure(project.id, "Regionale Datenplattform")
    store.apply(data)

    dots, dot_options = ballot(store, workshop.id, "dots", "Prioritäten", [
        ("Mobilität", None, mobility_id), ("Verwaltung", None, administration_id),
        ("Regionale  datenplattform", None, None)])
    for n, choices in enumerate([("Mobilität", "Verwaltung"), ("Mobilität",),
                                 ("Mobilität", "Verwaltung", "Regionale  datenplattform")]):
        store.apply(voting.CastVote(dots, voter(n), f"s{n}",
                                    {dot_options[label]: (1.0, None) for label in choices}))
    store.apply(voting.set_paper_tally(dot_options["Mobilität"], 4))

    rating, rating_options = ballot(store, workshop.id, "rating", "Wie wichtig?", [
        ("Rufbus", ideas["Rufbus"], None), ("Online-Antrag", ideas["Online-Antrag"], None)])
    store.apply(voting.CastVote(rating, voter(1), "r1", {
        rating_options["Rufbus"]: (5.0, None), rating_options["Online-Antrag"]: (2.0, None)}))
    store.apply(voting.CastVote(rating, voter(2), "r2", {rating_options["Rufbus"]: (4.0, None)}))
    return Site(project.id, field.id, workshop.id, wall.id, mobility_id, administration_id,
                ideas, platform, portal, wifi, data.id, dots, dot_options, rating,
                rating_options)


@pytest.fixture
def site(store: Store) -> Site:
    return build_site(store)


def traced(store: Store, measure_id: uuid.UUID) -> MeasureTrace:
    found = store.read(lambda s: trace_measure(s, measure_id, voting_queries.results))
    assert found is not None
    return found


def test_a_measure_from_a_cluster_traces_to_its_workshop_board_ideas_and_votes(
        store: Store, site: Site) -> None:
    trace = traced(store, site.platform)

    assert trace.title == "Mobilitätsplattform"
    assert trace.field_name == "Mobilität"
    assert [(w.id, w.title, w.venue, w.starts_on) for w in trace.workshops] == [
        (site.workshop, "Zukunftsdialog Mayen", "Kreishaus", dt.date(2022, 1, 20))]
    assert [(b.id, b.title) for b in trace.boards] == [(site.board, "Ziele")]
    assert [(c.title, c.idea_ids) for c in trace.clusters] == [
        ("Mobilität", (site.ideas["Rufbus"], site.ideas["Mitfahrbank"],
                       site.ideas["Carsharing"]))]
    assert [(i.text, i.cluster_id, i.direct) for i in trace.ideas] == [
        ("Rufbus", site.mobility, False), ("Mitfahrbank", site.mobility, False),
        ("Carsharing", site.mobility, False)]
    assert trace.idea_count == 3
    # The cluster's option in the dot vote, and a note of the cluster rated on its own.
    results = {(r.ballot_title, r.option_label): r for r in trace.results}
    assert set(results) == {("Prioritäten", "Mobilität"), ("Wie wichtig?", "Rufbus")}
    dots = results[("Prioritäten", "Mobilität")]
    assert (dots.kind, dots.rank, dots.options, dots.voters, dots.total, dots.participants) == (
        "dots", 1, 3, 3, 7.0, 3)
    assert dots.share == pytest.approx(7 / 10)
    assert dots.cluster_id == site.mobility and dots.idea_id is None
    rating = results[("Wie wichtig?", "Rufbus")]
    assert (rating.kind, rating.rank, rating.voters, rating.mean) == ("rating", 1, 2, 4.5)
    assert rating.idea_id == site.ideas["Rufbus"]


def test_a_measure_from_single_notes_traces_to_those_notes(store: Store, site: Site) -> None:
    trace = traced(store, site.portal)
    assert [(i.text, i.direct) for i in trace.ideas] == [("Online-Antrag", True)]
    assert trace.clusters == ()
    # The note's own option counts; the option of the cluster around it does not (the
    # measure was made from the note, not from the whole cluster).
    assert [(r.ballot_title, r.option_label, r.rank) for r in trace.results] == [
        ("Wie wichtig?", "Online-Antrag", 2)]


def test_a_measure_from_a_note_and_a_cluster_lists_both(store: Store, site: Site) -> None:
    trace = traced(store, site.wifi)
    # In reading order of the board: the notes sit in one row, the loose one on the right.
    assert [(i.text, i.direct) for i in trace.ideas] == [
        ("Online-Antrag", False), ("Bürgerkonto", False), ("Freies WLAN", True)]
    assert [c.title for c in trace.clusters] == ["Verwaltung"]
    # Dot vote on the cluster and the rating of a note in it.
    assert sorted((r.option_label, r.rank) for r in trace.results) == [
        ("Online-Antrag", 2), ("Verwaltung", 2)]


def test_a_typed_measure_has_an_empty_trace(store: Store, site: Site) -> None:
    trace = traced(store, site.data)
    assert (trace.workshops, trace.boards, trace.clusters, trace.ideas, trace.results) == (
        (), (), (), (), ())


def test_deleted_origins_and_options_leave_the_trace(store: Store, site: Site) -> None:
    store.apply(Delete("idea", site.ideas["Rufbus"]))
    store.apply(voting.delete_option(site.dot_options["Mobilität"]))
    trace = traced(store, site.platform)
    assert [i.text for i in trace.ideas] == ["Mitfahrbank", "Carsharing"]
    assert trace.results == ()
    # Dissolving the cluster leaves the measure without origins on the board.
    store.apply(board.DissolveCluster(site.mobility))
    trace = traced(store, site.platform)
    assert (trace.clusters, trace.ideas, trace.boards, trace.workshops) == ((), (), (), ())


def test_linked_milestones_are_part_of_the_trace(store: Store, site: Site) -> None:
    milestone = timeline.create_milestone(site.project, "Plattform live",
                                          dt.date(2024, 3, 1), measure_id=site.platform)
    store.apply(milestone)
    trace = traced(store, site.platform)
    assert [(m.id, m.title, m.due_on, m.status) for m in trace.milestones] == [
        (milestone.id, "Plattform live", dt.date(2024, 3, 1), "planned")]


def test_a_deleted_measure_has_no_trace(store: Store, site: Site) -> None:
    store.apply(timeline.delete_measure(site.platform))
    assert store.read(lambda s: trace_measure(s, site.platform, voting_queries.results)) is None
    assert store.read(lambda s: trace_measure(s, uuid.uuid4(), voting_queries.results)) is None
