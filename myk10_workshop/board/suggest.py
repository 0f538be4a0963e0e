"""Cluster suggestions for sticky notes, computed on the laptop (no network, no model).

Two modes, because facilitators work both ways and the second is much more reliable:

* ``suggest_clusters`` groups notes from scratch;
* ``suggest_placements`` puts the remaining notes into clusters the facilitator has already
  started (a few notes each), which only has to decide between known topics.

How a note becomes comparable: ``text.Analyser`` turns it into weighted features (Snowball
stems, compound parts, and concepts from a small lexicon so that Bus, Fahrplan and
Haltestelle meet). Features are weighted TF-IDF with sublinear term frequency and each note
vector is scaled to length 1, so similarity is the cosine. Similar pairs are found through an
inverted index (notes share few features, so most pairs are never touched), then grouped by
average-linkage agglomeration, which does not chain unrelated notes together through one
shared word as single linkage would, followed by one reassignment pass (each note to the
group profile it fits best). A note whose best match stays below the threshold is left out
rather than forced somewhere: a wrong suggestion costs the facilitator more than a missing
one.

Limits, measured (benchmarks/suggest.py): the meaning comes almost entirely from the concept
lexicon. Notes whose words it does not know are grouped only by shared stems and compound
parts, which on short colloquial notes is close to chance. Placement into started clusters
is clearly more reliable than clustering from scratch, so the UI should offer it first once
the facilitator has begun.

Scale: a board of ten thousand notes must not take minutes or gigabytes (all of this runs
in Python, holding the interpreter lock, beside the GUI). So the similarity graph keeps only
each note's ``TOP_K`` nearest neighbours; a feature in most notes finds no neighbours (it
still counts in the scores); at most ``SAMPLE`` notes are agglomerated, fewer when they
share so many frequent words that finding the pairs would exceed ``PAIR_BUDGET``, and the
other notes join the groups in the reassignment pass. The groups found on the sparse graph
go on merging by their exact average similarity, which their summed vectors give
(``_merge_groups``), so large topics are not split because the graph is sparse. Measured:
10,000 notes in about a second and some 30 MB; on the labelled sets the result is the same
as with the full graph.

Everything is deterministic: ties are broken by note order, and nothing iterates over a set
of strings (whose order changes with each process's hash seed).

This module does not change the board. The caller (a worker, off the GUI thread) turns an
accepted suggestion into one undoable operation, so each suggestion can be accepted or
rejected on its own and undone like any other edit.
"""

from __future__ import annotations

import heapq
import math
import multiprocessing
import threading
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from myk10_workshop.board.text import (
    CONCEPT_PREFIX,
    FIELD_PREFIX,
    Analyser,
    Analysis,
    morpheme_spelling,
)

__all__ = [
    "Suggestion",
    "adjusted_rand_index",
    "suggest_clusters",
    "suggest_clusters_apart",
    "suggest_placements",
]

# Tuned on tests/data/ideas_dev_de.csv (see benchmarks/suggest.py).
MERGE_THRESHOLD = 0.08  # average cosine two groups need to be merged
REASSIGN_MIN = 0.15  # cosine a note needs with a group's profile to stay in or join it
EDGE_MIN = 0.02  # smaller similarities are dropped from the graph (speed, and they are noise)
PLACE_MIN = 0.10  # cosine a note needs with a cluster's profile to be placed there
PLACE_MARGIN = 0.02  # ... and its lead over the second-best cluster
TITLE_WEIGHT = 1.0  # a cluster title counts like this many member notes
KEYWORDS = 3
PART_ONLY_FACTOR = 0.5  # key words written out in the group read better than parts
MEANING_SHARE = 0.25  # a note sharing a word's concept counts this much as containing it
# Limits that keep large boards fast and small in memory (see the module docstring).
TOP_K = 80  # neighbours a note keeps in the similarity graph
COMMON_SHARE = 0.5  # a feature in more of the notes than this finds no neighbours ...
COMMON_MIN = 50  # ... once it is in more notes than this
SAMPLE = 1200  # notes grouped by agglomeration at most; the others join the groups ...
PAIR_BUDGET = 1_500_000  # ... and fewer when finding the similar pairs would cost more

Vector = dict[str, float]


@dataclass(frozen=True)
class Suggestion:
    """A suggested cluster: its key words (as written in the notes) and its notes.

    ``keywords`` are real words from the notes, most typical first, so the label reads like a
    title a person would write, not like stems ("haltestell").
    """

    keywords: tuple[str, ...]
    note_ids: tuple[Hashable, ...]

    @property
    def label(self) -> str:
        """A readable title: the key words capitalised, e.g. "Bus · Rufbus · Haltestelle"."""
        return " · ".join(word[:1].upper() + word[1:] for word in self.keywords)


# --- vectors ------------------------------------------------------------------------------


def _idf(analyses: Sequence[Analysis]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for analysis in analyses:
        df.update(analysis.weights.keys())
    n = len(analyses)
    return {feature: math.log((n + 1) / (count + 1)) + 1.0 for feature, count in df.items()}


def _vector(analysis: Analysis, idf: Mapping[str, float]) -> Vector:
    """Sublinear TF-IDF, scaled to length 1 (empty for a note with no content words)."""
    raw = {feature: (1.0 + math.log(weight) if weight > 1.0 else weight) * idf.get(feature, 1.0)
           for feature, weight in analysis.weights.items()}
    norm = math.sqrt(sum(value * value for value in raw.values()))
    if norm == 0.0:
        return {}
    return {feature: value / norm for feature, value in raw.items()}


def _similarities(vectors: Sequence[Vector]) -> list[dict[int, float]]:
    """Cosine similarity of the pairs that matter, via an inverted index.

    Returns, per note, its neighbours: the ``TOP_K`` most similar notes with a similarity of
    at least ``EDGE_MIN`` (and every note that has it among its own ``TOP_K``), so the graph
    has at most 2 × ``TOP_K`` edges per note however alike the notes are.

    Candidates are the notes that share a feature, except a common one (see ``_common``):
    it would pair almost every note with every other while saying little about any pair.
    It still counts in the score of the pairs found through other features, so every
    candidate's score is exact.
    """
    # A common feature's value in every note (0.0 where absent): few features, fast lookup.
    common: dict[str, list[float]] = {feature: [0.0] * len(vectors)
                                      for feature in _common(vectors)}
    postings: dict[str, list[tuple[int, float]]] = {}
    for index, vector in enumerate(vectors):
        for feature, value in vector.items():
            if feature in common:
                common[feature][index] = value
            else:
                postings.setdefault(feature, []).append((index, value))
    neighbours: list[dict[int, float]] = [{} for _ in vectors]
    for index, vector in enumerate(vectors):
        scores: dict[int, float] = {}
        get = scores.get
        for feature, value in vector.items():
            for other, other_value in postings.get(feature, ()):
                scores[other] = get(other, 0.0) + value * other_value
        scores.pop(index, None)
        for feature, value in vector.items():
            values = common.get(feature)
            if values is not None:
                for other in scores:
                    scores[other] += value * values[other]
        row = [(score, -other) for other, score in scores.items() if score >= EDGE_MIN]
        if len(row) > TOP_K:  # the most similar; ties to the earlier note
            row = heapq.nlargest(TOP_K, row)
        own = neighbours[index]
        for score, negative in row:
            own[-negative] = score
            neighbours[-negative][index] = score
    return neighbours


def _frequencies(vectors: Sequence[Vector]) -> Counter[str]:
    frequency: Counter[str] = Counter()
    for vector in vectors:
        frequency.update(vector.keys())
    return frequency


def _common(vectors: Sequence[Vector],
            frequencies: Mapping[str, int] | None = None) -> list[str]:
    """Features in more than ``COMMON_SHARE`` of the notes (and more than ``COMMON_MIN``)."""
    limit = max(COMMON_SHARE * len(vectors), COMMON_MIN)
    counts = _frequencies(vectors) if frequencies is None else frequencies
    return [feature for feature, count in counts.items() if count > limit]


def _sample_size(vectors: Sequence[Vector]) -> int:
    """How many notes to agglomerate: at most ``SAMPLE``, and at most as many as make
    finding the similar pairs visit ``PAIR_BUDGET`` entries of the posting lists.

    A sample of s notes visits about s² × Σ p² entries, p being the share of notes a
    (not common) feature is in: notes that share many frequent words make a smaller one.
    """
    count = len(vectors)
    if count == 0:
        return 0
    frequencies = _frequencies(vectors)
    common = set(_common(vectors, frequencies))
    density = sum((frequency / count) ** 2 for feature, frequency in frequencies.items()
                  if feature not in common)
    if density <= 0.0:
        return min(count, SAMPLE)
    return max(2, min(count, SAMPLE, math.isqrt(int(PAIR_BUDGET / density))))


# --- grouping -----------------------------------------------------------------------------


def _average_linkage(links: Sequence[Mapping[int, float]], threshold: float,
                     sizes: Sequence[int] | None = None) -> list[list[int]]:
    """Merge groups while the best average similarity between two groups is ≥ threshold.

    ``links[i]`` holds the summed similarity of item ``i`` to others (missing: 0); an item
    stands for ``sizes[i]`` notes (default 1), so the average between two groups is their
    summed similarity / (size × size). Merging is then a dictionary merge. Groups get fresh
    ids when merged, so a heap entry whose two groups are both alive is never stale.
    Returns groups of items.
    """
    count = len(links)
    weight = list(sizes) if sizes is not None else [1] * count
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    rows: dict[int, dict[int, float]] = {i: dict(row) for i, row in enumerate(links)}
    heap: list[tuple[float, int, int]] = []
    for a, row in rows.items():
        for b, total in row.items():
            if a < b and total / (weight[a] * weight[b]) >= threshold:
                heap.append((-total / (weight[a] * weight[b]), a, b))
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if -negative < threshold:
            break
        new = len(weight)
        weight.append(weight[a] + weight[b])
        merged = members.pop(a) + members.pop(b)
        link_a, link_b = rows.pop(a), rows.pop(b)
        combined: dict[int, float] = {}
        for source in (link_a, link_b):
            for other, total in source.items():
                if other not in (a, b):
                    combined[other] = combined.get(other, 0.0) + total
        members[new] = merged
        rows[new] = combined
        for other, total in combined.items():
            row = rows[other]
            row.pop(a, None)
            row.pop(b, None)
            row[new] = total
            average = total / (weight[new] * weight[other])
            if average >= threshold:
                heapq.heappush(heap, (-average, other, new))  # new ids are the largest
    return [sorted(group) for group in members.values()]


def _merge_groups(groups: Sequence[Sequence[int]], vectors: Sequence[Vector],
                  threshold: float) -> list[list[int]]:
    """Go on merging groups by their exact average similarity, from their profiles.

    The similarity graph keeps only each note's nearest neighbours, so two halves of a large
    topic can look less alike than they are. For unit vectors, the average similarity of
    all pairs between two groups is the dot product of their summed vectors divided by
    size × size: exact, and cheap for a few hundred groups.
    """
    if len(groups) < 2:
        return [list(group) for group in groups]
    profiles: list[Vector] = []
    postings: dict[str, list[tuple[int, float]]] = {}
    for number, group in enumerate(groups):
        profile: Vector = {}
        for index in group:
            for feature, value in vectors[index].items():
                profile[feature] = profile.get(feature, 0.0) + value
        profiles.append(profile)
        for feature, value in profile.items():
            postings.setdefault(feature, []).append((number, value))
    links: list[dict[int, float]] = []
    for profile in profiles:
        dots: dict[int, float] = {}
        get = dots.get
        for feature, value in profile.items():
            for other, other_value in postings[feature]:
                dots[other] = get(other, 0.0) + value * other_value
        links.append(dots)
    for number, row in enumerate(links):
        row.pop(number, None)
    merged = _average_linkage(links, threshold, [len(group) for group in groups])
    return [sorted(index for number in items for index in groups[number]) for items in merged]


def _reassign(groups: Sequence[Sequence[int]], vectors: Sequence[Vector],
              minimum: float) -> list[list[int]]:
    """One k-means-like pass: every note moves to the group whose profile it fits best.

    Agglomeration decides early merges for good; this repairs notes that ended up next to a
    neighbour of a neighbour, lets a left-out note join a group that grew around it, and
    brings the notes outside the agglomerated sample (of a large board) into the groups.
    The profile is the sum of member vectors; a note is compared with its own group
    *without* itself (else every note would simply stay put). Notes below ``minimum`` are
    left out.
    """
    profiles: list[Vector] = []
    postings: dict[str, list[tuple[int, float]]] = {}
    own: dict[int, int] = {}
    for number, group in enumerate(groups):
        profile: Vector = {}
        for index in group:
            own[index] = number
            for feature, value in vectors[index].items():
                profile[feature] = profile.get(feature, 0.0) + value
        profiles.append(profile)
        for feature, value in profile.items():
            postings.setdefault(feature, []).append((number, value))
    squares = [sum(value * value for value in profile.values()) for profile in profiles]
    moved: list[list[int]] = [[] for _ in groups]
    for index, vector in enumerate(vectors):
        dots: dict[int, float] = {}
        get = dots.get
        for feature, value in vector.items():
            for number, profile_value in postings.get(feature, ()):
                dots[number] = get(number, 0.0) + value * profile_value
        best_score, best_number = -math.inf, -1
        member_of = own.get(index, -1)
        for number in sorted(dots):  # ties go to the earlier group
            score = _leave_one_out(dots[number], squares[number], member_of == number)
            if score > best_score:
                best_score, best_number = score, number
        if best_number >= 0 and best_score >= minimum:
            moved[best_number].append(index)
    return moved


def _leave_one_out(dot: float, square: float, member: bool) -> float:
    """Cosine of a unit vector with a profile (given as dot product and squared length),
    with the vector itself taken out of the profile first if it is a member."""
    if member:
        dot, square = dot - 1.0, square - 2.0 * dot + 1.0
    return dot / math.sqrt(square) if square > 1e-12 else 0.0


def _agglomerate(vectors: Sequence[Vector], smallest: int) -> list[list[int]]:
    """Groups of at least ``smallest`` notes found by average linkage, before reassignment.

    A board of up to ``SAMPLE`` notes is agglomerated whole; of a larger one, an evenly
    spread sample is, and the final reassignment brings every other note into the group it
    fits best (or leaves it out). Time and memory thus stay bounded however large the board.
    A topic with too few notes to show up in the sample (about one note in
    ``len(vectors) / SAMPLE``) gets no group of its own; asking again for the notes that
    are still unclustered finds it, since then only those are sampled.
    """
    pool = [index for index, vector in enumerate(vectors) if vector]
    chosen = _spread(pool, _sample_size([vectors[i] for i in pool]))
    sample = [vectors[i] for i in chosen]
    found = _average_linkage(_similarities(sample), MERGE_THRESHOLD)
    found = _merge_groups([group for group in found if len(group) >= 2], sample,
                          MERGE_THRESHOLD)
    return [[chosen[i] for i in group] for group in found if len(group) >= smallest]


def _spread(indices: Sequence[int], size: int) -> list[int]:
    """At most ``size`` of ``indices``, evenly spread over them (in order)."""
    if len(indices) <= size:
        return list(indices)
    return [indices[position * len(indices) // size] for position in range(size)]


# --- labels -------------------------------------------------------------------------------


def _keywords(group: Sequence[int], analyses: Sequence[Analysis],
              document_frequency: Mapping[str, int],
              corpus_spellings: Mapping[str, Counter[str]]) -> tuple[str, ...]:
    """The words most typical of a group: they speak for much of it and little else.

    A word speaks for the notes that contain it and, through the concept lexicon, for the
    notes that share its meaning (in a group of Glasfaser, Funkloch, WLAN and Internet each
    word occurs once, but each speaks for all four). Score = (share of the group it speaks
    for) × (share of the word's notes that are in the group); words that speak for a single
    note only are used when nothing better exists. Shown as the spelling used most often in
    the group, else in the corpus, else the lexicon's spelling of a compound part; stems are
    never shown.
    """
    in_group: Counter[str] = Counter()
    meaning_count: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    meanings: dict[str, tuple[str, ...]] = {}
    for index in group:
        analysis = analyses[index]
        for feature in analysis.weights:
            if feature.startswith(CONCEPT_PREFIX):
                meaning_count[feature[len(CONCEPT_PREFIX):]] += 1
            elif not feature.startswith(FIELD_PREFIX):
                in_group[feature] += 1
        for feature, spelling in analysis.spellings.items():
            spellings.setdefault(feature, Counter())[spelling] += 1
        for feature, concepts in analysis.meanings.items():
            meanings[feature] = meanings.get(feature, ()) + concepts
    scored: list[tuple[float, str]] = []
    for feature, count in in_group.items():
        meaning = max([0, *(meaning_count[c] for c in meanings.get(feature, ()))])
        scored.append((_keyword_score(count, len(group), document_frequency[feature], meaning,
                                      written=feature in spellings), feature))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[str] = []
    stems: list[str] = []
    for score, feature in scored:
        if chosen and score < 0:
            break
        if any(feature in other or other in feature for other in stems):
            continue  # "Wohnungen" after "Wohnen", "Bauantrag" after "Anträge": nothing new
        shown = (_most_common(spellings.get(feature))
                 or _most_common(corpus_spellings.get(feature))
                 or morpheme_spelling(feature))
        if shown is None:
            continue
        stems.append(feature)
        chosen.append(shown)
        if len(chosen) == KEYWORDS:
            break
    return tuple(chosen)


def _keyword_score(count: int, size: int, frequency: int, meaning: int, *,
                   written: bool) -> float:
    """How typical a word is of a group of ``size`` notes (see ``_keywords``).

    ``count`` notes of the group contain it, ``frequency`` notes in all; ``meaning`` notes of
    the group share its concept. Negative when it speaks for one note only (a last resort).
    """
    speaks_for = count + MEANING_SHARE * meaning
    score = (speaks_for / size) * (count / frequency)
    if not written:
        score *= PART_ONLY_FACTOR  # only inside compounds here: "Haus" from "Hausarzt"
    if max(count, meaning) < 2 <= size:
        score -= 1.0
    return score


def _most_common(counter: Counter[str] | None) -> str | None:
    """The most frequent spelling; ties go to the shorter, then the capitalised one."""
    if not counter:
        return None
    return min(counter.items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]


# --- public API ---------------------------------------------------------------------------


def _analyse(texts: Sequence[str]) -> list[Analysis]:
    analyser = Analyser.for_texts(texts)
    return [analyser.analyse(text) for text in texts]


def suggest_clusters(notes: Sequence[tuple[Hashable, str]], *, min_size: int = 2,
                     max_clusters: int | None = None) -> list[Suggestion]:
    """Group notes by meaning; the largest groups first.

    ``notes`` are (id, text) pairs: the unclustered notes or all of them, as the facilitator
    asks. Notes that fit nowhere are in no suggestion. Groups smaller than ``min_size`` are
    dropped; ``max_clusters`` keeps only that many of the largest. Same input, same output.
    """
    if not notes:
        return []
    texts = [text for _id, text in notes]
    analyses = _analyse(texts)
    idf = _idf(analyses)
    vectors = [_vector(analysis, idf) for analysis in analyses]
    smallest = max(min_size, 1)
    groups = _agglomerate(vectors, max(smallest, 2))
    groups = _reassign(groups, vectors, REASSIGN_MIN)
    groups = [group for group in groups if len(group) >= smallest]
    groups.sort(key=lambda group: (-len(group), group[0]))
    if max_clusters is not None:
        groups = groups[:max(max_clusters, 0)]
    document_frequency: Counter[str] = Counter()
    corpus_spellings: dict[str, Counter[str]] = {}
    for analysis in analyses:
        document_frequency.update(analysis.weights.keys())
        for feature, spelling in analysis.spellings.items():
            corpus_spellings.setdefault(feature, Counter())[spelling] += 1
    return [Suggestion(_keywords(group, analyses, document_frequency, corpus_spellings),
                       tuple(notes[index][0] for index in group))
            for group in groups]


def suggest_clusters_apart(notes: Sequence[tuple[Hashable, str]], *, min_size: int = 2,
                           max_clusters: int | None = None) -> list[Suggestion]:
    """``suggest_clusters`` in a separate process; call it from a worker thread.

    The computation is pure Python: in a thread of the app's process it holds the
    interpreter lock for most of its second on a large board, and the GUI thread, which
    needs the lock after every call into Qt, stutters (pan frames of 20-90 ms instead of 4
    while 10,000 notes are grouped). In a process of its own it runs beside the GUI, and the
    waiting thread holds no lock. The process is started on first use (about a second with
    ``spawn``) and kept for the next request; if it dies (out of memory), the next request
    starts a new one. A frozen app must call ``multiprocessing.freeze_support()`` first thing
    in its entry point, or the child would start the app again.
    """
    from concurrent.futures.process import BrokenProcessPool

    ids = [note_id for note_id, _text in notes]
    pool = _process_pool()
    try:
        # Only the texts travel (numbered): ids such as UUIDs cost more to pickle.
        found = pool.submit(suggest_clusters, list(enumerate(text for _id, text in notes)),
                            min_size=min_size, max_clusters=max_clusters).result()
    except BrokenProcessPool:
        _drop_process_pool(pool)
        raise
    return [Suggestion(suggestion.keywords, tuple(ids[number] for number in suggestion.note_ids
                                                  if isinstance(number, int)))
            for suggestion in found]


class _Apart:
    """The process that computes suggestions apart (one, started on first use)."""

    lock = threading.Lock()
    pool: ProcessPoolExecutor | None = None


def _process_pool() -> ProcessPoolExecutor:
    with _Apart.lock:
        if _Apart.pool is None:
            # spawn everywhere: a forked copy of a process with Qt's threads is not safe.
            _Apart.pool = ProcessPoolExecutor(max_workers=1,
                                              mp_context=multiprocessing.get_context("spawn"))
        return _Apart.pool


def _drop_process_pool(pool: ProcessPoolExecutor) -> None:
    with _Apart.lock:
        if _Apart.pool is pool:
            _Apart.pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def suggest_placements(unclustered: Sequence[tuple[Hashable, str]],
                       clusters: Mapping[Hashable, Sequence[str]], *,
                       titles: Mapping[Hashable, str] | None = None) -> dict[Hashable, Hashable]:
    """For each unclustered note, the existing cluster it fits best, if confidently.

    ``clusters`` maps a cluster id to its members' texts; ``titles`` optionally to the name
    the facilitator gave it, which counts like ``TITLE_WEIGHT`` members. A cluster's profile
    is the sum of its members' vectors (so it reflects all of them, not one outlier), and a
    note is placed only when its cosine with the best profile is at least ``PLACE_MIN`` and
    ahead of the second best by ``PLACE_MARGIN``; otherwise it is left for the facilitator.
    Returns note id → cluster id.
    """
    titles = titles or {}
    cluster_ids = list(clusters)
    if not unclustered or not cluster_ids:
        return {}
    texts = [text for _id, text in unclustered]
    spans: list[tuple[int, int]] = []
    for cluster_id in cluster_ids:
        start = len(texts)
        texts.extend(clusters[cluster_id])
        spans.append((start, len(texts)))
    title_index = {cluster_id: len(texts) + offset
                   for offset, cluster_id in enumerate(c for c in cluster_ids if titles.get(c))}
    texts.extend(titles[c] for c in cluster_ids if titles.get(c))
    analyses = _analyse(texts)
    idf = _idf(analyses)
    vectors = [_vector(analysis, idf) for analysis in analyses]

    profiles: list[Vector] = []
    for cluster_id, (start, end) in zip(cluster_ids, spans, strict=True):
        profile: Vector = {}
        parts = [(vectors[i], 1.0) for i in range(start, end)]
        if cluster_id in title_index:
            parts.append((vectors[title_index[cluster_id]], TITLE_WEIGHT))
        for vector, weight in parts:
            for feature, value in vector.items():
                profile[feature] = profile.get(feature, 0.0) + weight * value
        norm = math.sqrt(sum(value * value for value in profile.values()))
        profiles.append({f: v / norm for f, v in profile.items()} if norm else {})

    placements: dict[Hashable, Hashable] = {}
    for index, position in _places(vectors[:len(unclustered)], profiles).items():
        placements[unclustered[index][0]] = cluster_ids[position]
    return placements


def _places(vectors: Sequence[Vector], profiles: Sequence[Vector]) -> dict[int, int]:
    """Note index → profile position, where the note fits one profile confidently.

    Through an inverted index: a note is compared only with the profiles that share a
    feature with it (the others score 0, as all values are positive).
    """
    postings: dict[str, list[tuple[int, float]]] = {}
    for position, profile in enumerate(profiles):
        for feature, value in profile.items():
            postings.setdefault(feature, []).append((position, value))
    places: dict[int, int] = {}
    for index, vector in enumerate(vectors):
        dots: dict[int, float] = {}
        for feature, value in vector.items():
            for position, profile_value in postings.get(feature, ()):
                dots[position] = dots.get(position, 0.0) + value * profile_value
        if not dots:
            continue
        scores = sorted(((score, position) for position, score in dots.items()),
                        key=lambda item: (-item[0], item[1]))
        best, position = scores[0]
        second = scores[1][0] if len(scores) > 1 else 0.0
        if best >= PLACE_MIN and best - second >= PLACE_MARGIN:
            places[index] = position
    return places


def adjusted_rand_index(labels_true: Sequence[Hashable], labels_pred: Sequence[Hashable]) -> float:
    """Agreement of two partitions of the same items, corrected for chance (Hubert & Arabie).

    1.0 for identical partitions, about 0 for a random one, negative when worse than chance.
    Used to measure suggestion quality against hand-labelled notes; pure Python so the
    benchmark and tests need no NumPy. When both partitions are trivial (all items together
    or all apart) there is nothing to correct for: 1.0 if they are equal, else 0.0.
    """
    if len(labels_true) != len(labels_pred):
        raise ValueError("both partitions must label the same items")
    n = len(labels_true)

    def pairs(count: int) -> int:
        return count * (count - 1) // 2

    together = sum(pairs(c) for c in Counter(zip(labels_true, labels_pred, strict=True)).values())
    rows = sum(pairs(c) for c in Counter(labels_true).values())
    cols = sum(pairs(c) for c in Counter(labels_pred).values())
    total = pairs(n)
    if total == 0:
        return 1.0
    expected = rows * cols / total
    maximum = (rows + cols) / 2
    if maximum == expected:
        return 1.0 if together == rows == cols else 0.0
    return (together - expected) / (maximum - expected)
