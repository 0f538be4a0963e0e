"""Cluster suggestions on large boards: bounded work, bounded memory, same meaning.

The speed itself is measured by benchmarks/suggest.py; these tests pin down the mechanisms
that keep it bounded (a sparse neighbour graph, common features kept out of the candidate
search, a sample of the notes for agglomeration), and that they do not change the result
where the full computation is affordable.
"""

from __future__ import annotations

import random
import time
import tracemalloc
import uuid
from collections.abc import Hashable

import pytest

from myk10_workshop.board import suggest
from myk10_workshop.board.suggest import (
    _analyse,
    _idf,
    _merge_groups,
    _similarities,
    _vector,
    adjusted_rand_index,
    suggest_clusters,
    suggest_clusters_apart,
    suggest_placements,
)
from myk10_workshop.board.text import (
    WORD_WEIGHT,
    Analyser,
    Analysis,
    _concepts_by_stem,
    _Node,
    _words,
    is_stop_word,
)

TOPICS = {
    "bus": ["Bus", "Busse", "Rufbus", "Buslinie"],
    "rad": ["Radweg", "Radwege", "Fahrradweg"],
    "net": ["WLAN", "Glasfaser", "Internet"],
    "arzt": ["Hausarzt", "Arzt", "Ärzte"],
}
EXTRA = ["am Abend", "öfter", "dringend", "im Dorf", "für Kinder", "am Wochenende", "sicherer",
         "schneller", "nach Mayen", "endlich", "mehr", "bitte"]
# The words of the board benchmark: every note is made of the same few.
SHARED = ("Bus", "Rufbus", "Radweg", "Glasfaser", "WLAN", "Bürgerbüro", "Schule", "Praxis",
          "Dorfladen", "Ehrenamt", "Photovoltaik", "Wanderweg", "Senioren", "App", "Termin",
          "digital", "mehr", "endlich", "im Dorf", "für alle", "am Wochenende", "online")


def topic_board(count: int, seed: int = 3) -> tuple[list[tuple[Hashable, str]], list[str]]:
    """Short notes on four topics, each in a quarter of the notes, with filler words."""
    rng = random.Random(seed)
    notes: list[tuple[Hashable, str]] = []
    labels: list[str] = []
    for index in range(count):
        name = rng.choice(sorted(TOPICS))
        words = [rng.choice(TOPICS[name]), *rng.sample(EXTRA, rng.randint(0, 2))]
        rng.shuffle(words)
        notes.append((index, " ".join(words)))
        labels.append(name)
    return notes, labels


def shared_board(count: int) -> list[tuple[Hashable, str]]:
    rng = random.Random(1)
    return [(index, " ".join(rng.choice(SHARED) for _ in range(rng.randint(3, 9))))
            for index in range(count)]


def agreement(notes: list[tuple[Hashable, str]], labels: list[str]) -> float:
    predicted: list[Hashable] = [("alone", index) for index in range(len(notes))]
    for number, found in enumerate(suggest_clusters(notes)):
        for note_id in found.note_ids:
            predicted[int(str(note_id))] = number
    return adjusted_rand_index(labels, predicted)


def vectors_of(texts: list[str]) -> list[dict[str, float]]:
    analyses = _analyse(texts)
    idf = _idf(analyses)
    return [_vector(analysis, idf) for analysis in analyses]


# --- the similarity graph -----------------------------------------------------------------


def test_each_note_keeps_at_most_top_k_neighbours_of_its_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggest, "TOP_K", 5)
    notes, _labels = topic_board(300)
    vectors = vectors_of([text for _id, text in notes])
    neighbours = _similarities(vectors)
    # A note's row holds its own five best and the notes that chose it.
    chosen_by_self = [sorted(row, key=lambda other: -row[other])[:5] for row in neighbours]
    assert sum(len(row) for row in neighbours) <= 2 * 5 * len(vectors)
    for index, row in enumerate(neighbours):
        assert index not in row
        for other, score in row.items():
            assert neighbours[other][index] == score  # symmetric
        assert len(row) >= min(5, len(chosen_by_self[index]))


def test_scores_in_the_graph_are_exact_cosines() -> None:
    notes, _labels = topic_board(200)
    vectors = vectors_of([text for _id, text in notes])
    for index, row in enumerate(_similarities(vectors)[:40]):
        for other, score in row.items():
            exact = sum(value * vectors[other].get(feature, 0.0)
                        for feature, value in vectors[index].items())
            assert score == pytest.approx(exact)


def test_a_feature_in_most_notes_finds_no_neighbours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggest, "COMMON_MIN", 2)
    texts = ["Bus Fahrplan", "Bus Haltestelle", "Bus Radweg", "Bus Glasfaser", "Bus Arzt",
             "Radweg Arzt"]
    neighbours = _similarities(vectors_of(texts))
    # Bus is in five of six notes: the notes that share only Bus are no pair ...
    assert 1 not in neighbours[0]
    # ... while pairs found through another word get the full score, Bus included.
    assert 5 in neighbours[2]
    assert neighbours[2][5] > 0


def test_merge_groups_joins_the_halves_of_a_topic_the_sparse_graph_split() -> None:
    texts = ["Bus fährt selten", "Mehr Busse", "Rufbus abends", "Bus am Wochenende",
             "Glasfaser für alle", "WLAN im Dorf"]
    vectors = vectors_of(texts)
    assert sorted(_merge_groups([[0, 1], [2, 3], [4, 5]], vectors,
                                suggest.MERGE_THRESHOLD)) == [[0, 1, 2, 3], [4, 5]]
    assert _merge_groups([[0, 1]], vectors, suggest.MERGE_THRESHOLD) == [[0, 1]]


# --- samples of large boards ----------------------------------------------------------------


def test_a_large_board_is_grouped_from_a_sample_and_every_note_joins_in(
        monkeypatch: pytest.MonkeyPatch) -> None:
    notes, labels = topic_board(400)
    whole = agreement(notes, labels)
    monkeypatch.setattr(suggest, "SAMPLE", 60)
    sampled = agreement(notes, labels)
    assert whole > 0.9
    assert sampled > 0.8
    covered = sum(len(found.note_ids) for found in suggest_clusters(notes))
    assert covered > 0.9 * len(notes)  # not only the 60 of the sample


def test_the_sample_shrinks_when_notes_share_frequent_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    shared = vectors_of([text for _id, text in shared_board(2000)])
    notes, _labels = topic_board(2000)
    varied = vectors_of([text for _id, text in notes])
    assert suggest._sample_size(shared) < suggest._sample_size(varied) <= suggest.SAMPLE
    monkeypatch.setattr(suggest, "PAIR_BUDGET", 10_000)
    assert suggest._sample_size(shared) < 100
    assert suggest._sample_size([]) == 0
    assert suggest._sample_size([{}, {}]) == 2


def test_topics_in_a_quarter_of_the_notes_each_are_still_found() -> None:
    """A feature common enough to be left out of the candidate search would lose them."""
    for count in (80, 300, 1000):
        notes, labels = topic_board(count)
        assert agreement(notes, labels) > (0.7 if count < 100 else 0.9), count


def test_notes_of_shared_words_are_fast_and_small() -> None:
    notes = shared_board(2000)
    tracemalloc.start()
    try:
        start = time.perf_counter()
        suggest_clusters(notes)
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Before: 57 s and a quadratic graph. Generous bounds (tracing slows Python down).
    assert elapsed < 20.0
    assert peak < 100_000_000


def test_a_large_board_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggest, "SAMPLE", 50)
    notes, _labels = topic_board(300, seed=5)
    assert suggest_clusters(notes) == suggest_clusters(list(notes))


# --- placements through an inverted index ---------------------------------------------------


def test_placements_are_those_of_comparing_with_every_cluster() -> None:
    notes, labels = topic_board(200, seed=9)
    started: dict[Hashable, list[str]] = {}
    rest: list[tuple[Hashable, str]] = []
    for (note_id, text), label in zip(notes, labels, strict=True):
        if len(started.get(label, [])) < 3:
            started.setdefault(label, []).append(text)
        else:
            rest.append((note_id, text))
    started["empty"] = []
    placed = suggest_placements(rest, started)
    # The plain way: the cosine with every cluster's profile, best and second best.
    texts = [text for _id, text in rest]
    spans = []
    for members in started.values():
        spans.append((len(texts), len(texts) + len(members)))
        texts.extend(members)
    vectors = vectors_of(texts)
    profiles = []
    for start, end in spans:
        profile: dict[str, float] = {}
        for vector in vectors[start:end]:
            for feature, value in vector.items():
                profile[feature] = profile.get(feature, 0.0) + value
        norm = sum(value * value for value in profile.values()) ** 0.5
        profiles.append({f: v / norm for f, v in profile.items()} if norm else {})
    expected = {}
    names = list(started)
    for index, (note_id, _text) in enumerate(rest):
        scores = sorted(((sum(v * profile.get(f, 0.0) for f, v in vectors[index].items()), p)
                         for p, profile in enumerate(profiles)),
                        key=lambda item: (-item[0], item[1]))
        if (scores[0][0] >= suggest.PLACE_MIN
                and scores[0][0] - scores[1][0] >= suggest.PLACE_MARGIN):
            expected[note_id] = names[scores[0][1]]
    assert placed == expected
    assert len(placed) > len(rest) / 2


# --- reading notes ----------------------------------------------------------------------------


def _read_whole(analyser: Analyser, text: str) -> Analysis:
    """How a note was read before words were cached: all its words into one analysis."""
    analysis = Analysis()
    for word in _words(text):
        if len(word.pieces) > 1:
            node = _Node(word.joined, tuple(analyser._node(norm) for _s, norm in word.pieces))
            spellings = {word.joined: word.surface, **{n: s for s, n in word.pieces}}
        else:
            surface, norm = word.pieces[0]
            if is_stop_word(norm):
                continue
            node = analyser._node(norm)
            spellings = {norm: surface}
        analyser._add_node(analysis, node, spellings, _concepts_by_stem(), WORD_WEIGHT,
                           found=False)
    return analysis


def test_reading_a_note_from_cached_words_gives_the_same_features() -> None:
    texts = ["Bus, Bus und nochmal Rufbus!", "Ladesäulen für E-Bikes am Bürgerbüro",
             "Haltestellen-Dach und Bushaltestelle", "gibt's WLAN im Bürgerhaus?",
             "Busse Busse Busse", "", "🚌 مرحبا Glasfaser",
             "Glasfaser-Ausbau, Glasfaser und Funkloch; WLAN-Hotspot am Dorfplatz"]
    analyser = Analyser.for_texts(texts)
    fresh = Analyser.for_texts(texts)
    for text in texts:
        first = analyser.analyse(text)
        again = analyser.analyse(text)  # now from the cache
        assert first == again == fresh.analyse(text)
        whole = _read_whole(Analyser.for_texts(texts), text)
        assert first == whole
        assert list(first.weights) == list(whole.weights)
    repeated = analyser.analyse("Busse Busse Busse")
    assert repeated.weights[next(iter(repeated.weights))] == pytest.approx(3.0)


# --- apart from the app's process -------------------------------------------------------------


def test_suggestions_computed_in_a_separate_process_are_the_same() -> None:
    notes, _labels = topic_board(120, seed=11)
    ids: list[Hashable] = [uuid.uuid4() for _ in notes]
    with_ids = [(note_id, text) for note_id, (_n, text) in zip(ids, notes, strict=True)]
    apart = suggest_clusters_apart(with_ids)
    assert apart == suggest_clusters(with_ids)
    assert apart and all(note_id in ids for found in apart for note_id in found.note_ids)
    # The process stays for the next request.
    assert suggest_clusters_apart(with_ids[:10], max_clusters=1) == suggest_clusters(
        with_ids[:10], max_clusters=1)
