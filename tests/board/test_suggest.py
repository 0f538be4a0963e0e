"""Cluster suggestions and placements: grouping by meaning, labels, refusals, edge cases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Hashable
from pathlib import Path

import pytest

from myk10_workshop.board.suggest import (
    Suggestion,
    adjusted_rand_index,
    suggest_clusters,
    suggest_placements,
)
from myk10_workshop.board.text import normalize

ROOT = Path(__file__).resolve().parents[2]

BUS = ["Der Bus fährt zu selten", "Rufbus am Wochenende", "Haltestelle ohne Dach",
       "Fahrplan besser abstimmen"]
NET = ["Glasfaser für alle Dörfer", "Funkloch an der Kreisstraße", "WLAN im Bürgerhaus",
       "Internet ist viel zu langsam"]
DOC = ["Hausarzt fehlt", "Telemedizin für Ältere", "Apotheke mit Lieferdienst",
       "Facharzttermine dauern ewig"]
ODD = ["Danke für die Einladung!", "🚌🚌", "مرحبا بالعالم", "שלום עולם", ""]


def board() -> list[tuple[Hashable, str]]:
    notes: list[tuple[Hashable, str]] = []
    for prefix, texts in (("bus", BUS), ("net", NET), ("doc", DOC), ("odd", ODD)):
        notes.extend((f"{prefix}{n}", text) for n, text in enumerate(texts))
    return notes


def topic(note_id: Hashable) -> str:
    return str(note_id)[:3]


# --- adjusted Rand index ------------------------------------------------------------------


def test_ari_of_a_hand_computed_example() -> None:
    """true {a,b,c}{d,e,f}, predicted {a,b}{c,d}{e,f}.

    Pairs together in both: (a,b), (e,f) = 2. Pairs together in truth: 3 + 3 = 6; in the
    prediction: 1 + 1 + 1 = 3; all pairs: 15. Expected = 6 × 3 / 15 = 1.2; maximum =
    (6 + 3) / 2 = 4.5. ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3 = 8/33.
    """
    ari = adjusted_rand_index(["x", "x", "x", "y", "y", "y"], [1, 1, 2, 2, 3, 3])
    assert ari == pytest.approx(8 / 33)


def test_ari_of_a_second_hand_computed_example() -> None:
    # together 1; truth 1 + 1 = 2; prediction 1; all 6; expected 1/3; max 1.5 → 4/7
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)


def test_ari_ignores_label_names_and_is_symmetric() -> None:
    truth = ["a", "a", "b", "b", "c", "c", "c"]
    renamed = [7, 7, 3, 3, 9, 9, 9]
    assert adjusted_rand_index(truth, renamed) == pytest.approx(1.0)
    other = [1, 2, 1, 2, 3, 3, 1]
    assert adjusted_rand_index(truth, other) == pytest.approx(adjusted_rand_index(other, truth))


def test_ari_of_trivial_partitions() -> None:
    assert adjusted_rand_index([], []) == 1.0
    assert adjusted_rand_index(["a"], ["b"]) == 1.0
    assert adjusted_rand_index([1, 2, 3], [4, 5, 6]) == 1.0  # all apart in both
    assert adjusted_rand_index([1, 1, 1], [1, 2, 3]) == 0.0
    with pytest.raises(ValueError, match="same items"):
        adjusted_rand_index([1, 2], [1])


def test_ari_of_a_worse_than_chance_partition_is_negative() -> None:
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) < 0


# --- suggest_clusters ---------------------------------------------------------------------


def test_obvious_groups_come_out_separately_and_pure() -> None:
    suggestions = suggest_clusters(board())
    topics = [{topic(note_id) for note_id in s.note_ids} for s in suggestions]
    assert all(len(found) == 1 for found in topics), topics
    assert {"bus", "net", "doc"} <= set().union(*topics)
    covered = [note_id for s in suggestions for note_id in s.note_ids]
    assert len(covered) == len(set(covered))  # no note in two suggestions
    bus = next(s for s in suggestions if topic(s.note_ids[0]) == "bus")
    assert set(bus.note_ids) == {f"bus{n}" for n in range(len(BUS))}


def test_notes_that_fit_nowhere_are_left_out() -> None:
    covered = {note_id for s in suggest_clusters(board()) for note_id in s.note_ids}
    assert not covered & {f"odd{n}" for n in range(len(ODD))}


def test_suggestions_are_sorted_by_size() -> None:
    notes = [*board(), ("bus9", "Busse auch abends"), ("bus8", "Nachtbus für Jugendliche")]
    sizes = [len(s.note_ids) for s in suggest_clusters(notes)]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == len(BUS) + 2


def test_suggestions_are_deterministic() -> None:
    assert suggest_clusters(board()) == suggest_clusters(board())


SUGGEST_IN_CHILD = """
import json, sys
from myk10_workshop.board.suggest import suggest_clusters
notes = [tuple(note) for note in json.load(sys.stdin)]
print(json.dumps([[list(s.keywords), list(s.note_ids)] for s in suggest_clusters(notes)]))
"""


def test_suggestions_do_not_depend_on_the_hash_seed() -> None:
    """Set iteration order changes with PYTHONHASHSEED; the result must not."""
    payload = json.dumps(board())
    outputs = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run([sys.executable, "-c", SUGGEST_IN_CHILD], input=payload,
                                capture_output=True, text=True, cwd=ROOT, timeout=120,
                                env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_labels_are_capitalised_words_from_the_notes() -> None:
    suggestions = suggest_clusters(board())
    all_text = normalize(" ".join(text for _id, text in board()))
    for suggestion in suggestions:
        assert 1 <= len(suggestion.keywords) <= 3
        for keyword in suggestion.keywords:
            assert normalize(keyword) in all_text, keyword
        assert all(word[0].isupper() for word in suggestion.label.split(" · "))
    bus = next(s for s in suggestions if topic(s.note_ids[0]) == "bus")
    assert "Bus" in bus.keywords
    assert "haltestell" not in bus.label.casefold().split(" · ")  # a stem never shows


def test_label_joins_capitalised_keywords() -> None:
    suggestion = Suggestion(("bus", "Rufbus", "Haltestelle"), ("a", "b"))
    assert suggestion.label == "Bus · Rufbus · Haltestelle"
    assert Suggestion((), ()).label == ""


def test_a_group_sharing_meaning_but_no_word_gets_a_label_of_its_topic() -> None:
    """Glasfaser, Funkloch, WLAN, Internet: no word twice, but all about broadband."""
    net = next(s for s in suggest_clusters(board()) if topic(s.note_ids[0]) == "net")
    assert set(net.keywords) <= {"Glasfaser", "Funkloch", "WLAN", "Internet"}


def test_empty_input_and_a_single_note_give_no_suggestion() -> None:
    assert suggest_clusters([]) == []
    assert suggest_clusters([(1, "Mehr Busse am Wochenende")]) == []


def test_duplicate_texts_are_suggested_together() -> None:
    notes: list[tuple[Hashable, str]] = [
        (1, "Mehr Radwege"), (2, "Mehr Radwege"), (3, "Glasfaser überall")]
    assert [s.note_ids for s in suggest_clusters(notes)] == [(1, 2)]


def test_notes_of_only_odd_text_give_no_suggestion() -> None:
    notes: list[tuple[Hashable, str]] = [(n, text) for n, text in enumerate(ODD * 3)]
    for suggestion in suggest_clusters(notes):
        # identical Arabic or Hebrew notes may pair up, but nothing crashes or mixes
        assert len({notes[int(str(i))][1] for i in suggestion.note_ids}) == 1


def test_min_size_and_max_clusters() -> None:
    everything = suggest_clusters(board())
    assert suggest_clusters(board(), max_clusters=1) == everything[:1]
    assert suggest_clusters(board(), max_clusters=0) == []
    assert suggest_clusters(board(), min_size=len(BUS) + 1) == []


def test_ids_may_be_any_hashable() -> None:
    notes: list[tuple[Hashable, str]] = [((n, "x"), text) for n, text in enumerate(BUS)]
    (suggestion,) = suggest_clusters(notes)
    assert set(suggestion.note_ids) == {(n, "x") for n in range(len(BUS))}


# --- suggest_placements -------------------------------------------------------------------


STARTED = {"mobil": BUS[:3], "netz": NET[:3]}


def test_placements_pick_the_cluster_of_the_same_topic() -> None:
    notes: list[tuple[Hashable, str]] = [
        ("n1", "Fahrplan abends ausgedünnt"), ("n2", "Internet bricht ständig ab"),
        ("n3", "Nachtbus am Wochenende")]
    assert suggest_placements(notes, STARTED) == {"n1": "mobil", "n2": "netz", "n3": "mobil"}


def test_placements_refuse_when_a_note_fits_nowhere() -> None:
    notes: list[tuple[Hashable, str]] = [
        ("n1", "Danke für den schönen Tag"), ("n2", "🙂"), ("n3", ""), ("n4", "Kuchen backen")]
    assert suggest_placements(notes, STARTED) == {}


def test_placements_refuse_when_two_clusters_fit_equally() -> None:
    clusters = {"a": ["Bus"], "b": ["Arzt"]}
    assert suggest_placements([("n", "Bus, Arzt")], clusters) == {}
    assert suggest_placements([("n", "Bus, Bus, Arzt")], clusters) == {"n": "a"}


def test_a_cluster_title_counts() -> None:
    clusters = {"a": ["Mehr Personal", "Längere Öffnungszeiten"],
                "b": ["Tablets für Schulen", "Lehrer fortbilden"]}
    note: list[tuple[Hashable, str]] = [("n", "Hausarzt fehlt")]
    assert suggest_placements(note, clusters) == {}
    assert suggest_placements(note, clusters, titles={"a": "Ärzte und Gesundheit"}) == {
        "n": "a"}


def test_placements_with_nothing_to_do() -> None:
    assert suggest_placements([], STARTED) == {}
    assert suggest_placements([("n", "Nachtbus")], {}) == {}
    assert suggest_placements([("n", "Nachtbus")], {"empty": []}) == {}


def test_placements_are_deterministic() -> None:
    notes: list[tuple[Hashable, str]] = [(n, text) for n, text in enumerate(BUS[3:] + NET[3:])]
    assert suggest_placements(notes, STARTED) == suggest_placements(notes, STARTED)
