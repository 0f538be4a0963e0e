"""Priorities of measures taken from a ballot's result: which options stand for which
measure, refusals that write nothing, undo."""

from __future__ import annotations

import uuid

import pytest

from myk10_workshop.store.database import Store
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.timeline import operations as timeline
from myk10_workshop.timeline.queries import BallotPriorities, ballot_priorities
from myk10_workshop.voting import operations as voting
from myk10_workshop.voting.queries import results
from tests.timeline.test_operations import live, log_count, refused, row, snapshot
from tests.timeline.test_trace import Site, ballot, build_site, voter


@pytest.fixture
def site(store: Store) -> Site:
    return build_site(store)


def priorities(store: Store, site: Site) -> dict[str, int | None]:
    return {title: row(store, "measure", measure_id)["priority"] for title, measure_id in (
        ("Mobilitätsplattform", site.platform), ("Bürgerportal", site.portal),
        ("WLAN an Schulen", site.wifi), ("Regionale Datenplattform", site.data))}


def preview(store: Store, ballot_id: uuid.UUID) -> BallotPriorities:
    found = store.read(lambda s: ballot_priorities(s, ballot_id, results))
    assert found is not None
    return found


def test_the_dot_vote_ranks_the_measures_made_from_its_options(store: Store,
                                                               site: Site) -> None:
    store.apply(timeline.set_priority(site.portal, 7))
    store.apply(timeline.set_priority(site.data, 9))
    found = preview(store, site.dots)
    assert (found.ballot_title, found.kind, found.ranked, found.has_votes) == (
        "Prioritäten", "dots", True, True)
    assert [(p.measure_title, p.current, p.rank, p.option_label, p.matched_by)
            for p in found.proposals] == [
        ("Mobilitätsplattform", None, 1, "Mobilität", "cluster"),
        ("WLAN an Schulen", None, 2, "Verwaltung", "cluster"),
        # Typed by hand: found by its title, whatever the spacing and case.
        ("Regionale Datenplattform", 9, 3, "Regionale  datenplattform", "title"),
    ]
    before = snapshot(store)

    result = store.apply(timeline.priorities_from_ballot(site.dots, results))

    # The ballot is not about the portal (made from a single note): it keeps its priority.
    assert priorities(store, site) == {"Mobilitätsplattform": 1, "Bürgerportal": 7,
                                 "WLAN an Schulen": 2, "Regionale Datenplattform": 3}
    assert set(result.changes.updated["measure"]) == {site.platform, site.wifi, site.data}
    undone = store.apply(result.inverse)
    assert live(snapshot(store)) == live(before)
    store.apply(undone.inverse)
    assert priorities(store, site)["Mobilitätsplattform"] == 1


def test_a_rating_of_single_notes_reaches_measures_by_note_and_by_cluster(
        store: Store, site: Site) -> None:
    found = preview(store, site.rating)
    assert [(p.measure_title, p.rank, p.option_label, p.matched_by)
            for p in found.proposals] == [
        ("Mobilitätsplattform", 1, "Rufbus", "member"),
        ("Bürgerportal", 2, "Online-Antrag", "idea"),
        ("WLAN an Schulen", 2, "Online-Antrag", "member"),
    ]
    store.apply(timeline.priorities_from_ballot(site.rating, results))
    assert priorities(store, site) == {"Mobilitätsplattform": 1, "Bürgerportal": 2,
                                 "WLAN an Schulen": 2, "Regionale Datenplattform": None}


def test_a_measure_s_own_origins_win_over_a_better_ranked_title(store: Store,
                                                                site: Site) -> None:
    # The measure made from the Verwaltung cluster is renamed like the winning option.
    store.apply(timeline.edit_measure(site.wifi, title="Mobilität"))
    proposals = {p.measure_id: p for p in preview(store, site.dots).proposals}
    assert (proposals[site.wifi].rank, proposals[site.wifi].matched_by) == (2, "cluster")


def test_tied_options_give_the_same_priority(store: Store, site: Site) -> None:
    # Mobilität: 3 phones and 1 on paper; Verwaltung: 2 phones and 2 more.
    store.apply(voting.set_paper_tally(site.dot_options["Mobilität"], 1))
    for n in (10, 11):
        store.apply(voting.CastVote(site.dots, voter(n), f"t{n}",
                                    {site.dot_options["Verwaltung"]: (1.0, None)}))
    store.apply(timeline.priorities_from_ballot(site.dots, results))
    assert priorities(store, site)["Mobilitätsplattform"] == 1
    assert priorities(store, site)["WLAN an Schulen"] == 1
    assert priorities(store, site)["Regionale Datenplattform"] == 3


def test_taking_the_same_priorities_again_changes_nothing(store: Store, site: Site) -> None:
    store.apply(timeline.priorities_from_ballot(site.dots, results))
    logged = log_count(store)
    result = store.apply(timeline.priorities_from_ballot(site.dots, results))
    assert not result.changes
    assert log_count(store) == logged


def test_refusals(store: Store, site: Site) -> None:
    matrix, matrix_options = ballot(store, site.workshop, "matrix", "Aufwand und Nutzen", [
        ("Mobilität", None, site.mobility)])
    store.apply(voting.CastVote(matrix, voter(1), "m1",
                                {matrix_options["Mobilität"]: (3.0, 7.0)}))
    assert str(refused(store, timeline.priorities_from_ballot(matrix, results))) == (
        "A 2x2 matrix does not rank its options, so it cannot set priorities.")

    empty, _ = ballot(store, site.workshop, "dots", "Noch offen",
                      [("Mobilität", None, site.mobility)])
    assert str(refused(store, timeline.priorities_from_ballot(empty, results))) == (
        "Nobody has voted in this ballot yet, so it cannot set priorities.")

    unrelated, unrelated_options = ballot(store, site.workshop, "single", "Mittagessen", [
        ("Suppe", None, None), ("Salat", None, None)])
    store.apply(voting.CastVote(unrelated, voter(1), "u1",
                                {unrelated_options["Suppe"]: (1.0, None)}))
    assert "None of the options of this ballot stands for a measure" in str(
        refused(store, timeline.priorities_from_ballot(unrelated, results)))

    store.apply(voting.delete_ballot(site.dots))
    assert str(refused(store, timeline.priorities_from_ballot(site.dots, results))) == (
        "This ballot no longer exists.")
    assert store.read(lambda s: ballot_priorities(s, site.dots, results)) is None


def test_a_deleted_measure_is_left_alone(store: Store, site: Site) -> None:
    store.apply(timeline.delete_measure(site.platform))
    found = preview(store, site.dots)
    assert site.platform not in {p.measure_id for p in found.proposals}
    store.apply(timeline.priorities_from_ballot(site.dots, results))
    assert row(store, "measure", site.platform)["priority"] is None


def test_priorities_refused_in_the_transaction_raise_validation_error(
        store: Store, site: Site) -> None:
    # The check runs when the operation is applied, not when it is made: a ballot deleted
    # between the preview and the click is refused then.
    operation = timeline.priorities_from_ballot(site.dots, results)
    operation.validate()
    store.apply(voting.delete_ballot(site.dots))
    with pytest.raises(ValidationError):
        store.apply(operation)
