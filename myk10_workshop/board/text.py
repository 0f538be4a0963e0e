"""German text processing for the board: search keys and features for cluster suggestions.

Everything runs on the laptop with the standard library and the pure-Python Snowball stemmer
(no model, no network), because workshops happen in rooms with poor or no Wi-Fi and the notes
may be personal.

Folding rules (``normalize``), chosen so that the ways people type German on a phone or a
laptop without a German keyboard meet:

* case is folded with ``str.casefold`` (so ``ß`` and ``ẞ`` become ``ss``);
* umlauts and other accents lose their marks: ``ä`` → ``a``, ``é`` → ``e``. Folding to the
  bare vowel (not ``ae``) matches what the Snowball German stemmer does anyway, and it keeps a
  prefix of a word a prefix of its folded form, which substring search needs;
* the transliterations ``ae``, ``oe`` and ``ue`` become ``a``, ``o``, ``u`` when they follow a
  consonant or start a word ("Buergerbuero" = "Bürgerbüro"), but not after a vowel or ``q``,
  which keeps "neue", "Feuer", "Bauer" and "Quelle" intact. The rare word this distorts
  ("aktuell" → "aktull") is distorted the same way everywhere, so matching is unaffected.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from myk10_workshop.board import lexicon_de

__all__ = [
    "Analyser",
    "Analysis",
    "features",
    "is_stop_word",
    "normalize",
    "search_key",
    "split_compound",
    "stem",
    "tokens",
]

_TRANSLITERATED_UMLAUT = re.compile(r"(?<![aeiouyq])([aou])e")
# A word: letters or digits of any script, possibly joined by hyphens or apostrophes.
_WORD = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*")
_SEPARATORS = re.compile(r"[\-‐‑]")
_APOSTROPHES = re.compile(r"['’]")
_NOT_WORD = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """Fold case, accents, umlauts and their transliterations (see the module docstring)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _TRANSLITERATED_UMLAUT.sub(r"\1", bare)


def search_key(text: str) -> str:
    """A key for case- and umlaut-insensitive substring search.

    The board's search box tests ``search_key(query) in search_key(note)``: both sides get the
    same folding, and every run of punctuation and spaces becomes one space, so "bus hal"
    finds "Bus-Haltestelle" and "Buero" finds "Bürgerbüro".
    """
    return _NOT_WORD.sub(" ", normalize(text)).strip()


@dataclass(frozen=True)
class _Word:
    """One word of a note: how it was written, and its folded hyphen-separated pieces."""

    surface: str
    pieces: tuple[tuple[str, str], ...]  # (surface piece, normalised piece)

    @property
    def joined(self) -> str:
        return "".join(norm for _surface, norm in self.pieces)


def _words(text: str) -> list[_Word]:
    """The words of a text, with hyphenated words kept together but their pieces known.

    A one-letter piece is glued to the next ("E-Bike" → "ebike"), pure numbers are dropped
    (house numbers and times say nothing about the topic), apostrophes are dropped ("gibt's").
    """
    words: list[_Word] = []
    for match in _WORD.finditer(text):
        word = _word(match.group())
        if word is not None:
            words.append(word)
    return words


@lru_cache(maxsize=100_000)
def _word(surface: str) -> _Word | None:
    """One word as written, taken apart (see ``_words``); None if nothing of it counts.

    Cached: a board repeats the same few thousand words, and folding each character is the
    slow part of reading a note.
    """
    pieces: list[tuple[str, str]] = []
    carry_surface, carry_norm = "", ""
    for raw in _SEPARATORS.split(surface):
        piece = _APOSTROPHES.sub("", raw)
        norm = normalize(piece)
        if not norm:
            continue
        if len(norm) == 1 and norm.isalpha():
            carry_surface, carry_norm = carry_surface + piece + "-", carry_norm + norm
            continue
        pieces.append((carry_surface + piece, carry_norm + norm))
        carry_surface, carry_norm = "", ""
    pieces = [(s, n) for s, n in pieces if len(n) > 1 and not n.isdigit()]
    return _Word(surface, tuple(pieces)) if pieces else None


def tokens(text: str) -> list[str]:
    """The normalised words of a text, hyphenated words split into their pieces.

    Stop words are kept (``is_stop_word`` tells them); one-letter words and pure numbers are
    not. Works for any script; text with no letters (emoji only) gives an empty list.
    """
    return [norm for word in _words(text) for _surface, norm in word.pieces]


_STOP_WORDS = frozenset(normalize(word) for word in lexicon_de.STOP_WORDS)
_STEM_EXCEPTIONS = {normalize(k): normalize(v) for k, v in lexicon_de.STEM_EXCEPTIONS.items()}
# Plural -s of loan words (Kitas, Autos, Handys, Laptops, Apps), which Snowball keeps.
_LOAN_PLURAL_ENDINGS = ("as", "os", "ys", "ps")
_stemmer_lock = threading.Lock()


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    """The Snowball German stemmer, imported on first use: the search box needs only
    ``search_key`` and should not pay for loading every Snowball language at start-up."""
    import snowballstemmer

    return snowballstemmer.stemmer("german")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Snowball German stem of a normalised word, cached.

    The stemmer is pure Python and takes about 0.1 ms a call, while a board repeats the same
    few hundred words over and over, so the cache is what makes 1,000 notes fast. The stemmer
    object keeps state while it works, hence the lock (suggestions run in a worker thread).
    """
    if word in _STEM_EXCEPTIONS:
        return _STEM_EXCEPTIONS[word]
    base = word
    if word.endswith(_LOAN_PLURAL_ENDINGS) and len(word) >= (5 if word.endswith("as") else 4):
        base = word[:-1]
    with _stemmer_lock:
        result: str = _stemmer().stemWord(base)
    return result or word


@lru_cache(maxsize=1)
def _filler_stems() -> frozenset[str]:
    return frozenset(stem(normalize(word)) for word in lexicon_de.FILLER_WORDS)


def is_stop_word(word: str) -> bool:
    """Whether a normalised word says nothing about a note's topic.

    German function words are matched as written; workshop filler ("Wir brauchen endlich
    mehr ...", "bitte", "sollte") by stem, so every inflection of it goes too.
    """
    return word in _STOP_WORDS or stem(word) in _filler_stems()


# --- compound splitting -------------------------------------------------------------------

_LINKS = ("", "s", "es", "n", "en", "e", "er", "ns")  # Fugenelemente between two parts
# Inflection endings of the last part (Ladesäulen = lade + säule + n).
_ENDINGS = ("", "e", "n", "en", "s", "es", "er", "ern", "se", "sen", "nen", "innen", "in")
_MIN_PART = 3  # built-in morphemes ("rad", "bus", "amt")
_MIN_CORPUS_PART = 4  # words seen in the notes: short ones cut too much nonsense
_MIN_COMPOUND = 6
_MIN_UNKNOWN = 4  # an unknown first or last part ("Augen|arzt") must be at least this long

_MORPHEMES = frozenset(normalize(word) for word in lexicon_de.MORPHEMES)


# Endings that look like a word but make derivations, not compounds (auto-mat-isch).
_SUFFIXES = ("isch", "ische", "ischen", "lich", "liche", "lichen", "licher", "heit", "keit",
             "chen", "lein", "ling", "nisse", "schaft", "ungen", "ismus", "ieren", "itat",
             "erin", "haft", "weise", "ende", "enden", "iger", "igen", "erei", "ungs")


def _plausible(first: str, second: str) -> bool:
    """Whether a known and an unknown word may form a compound: a short known word ("app",
    "rat") next to a short unknown one is more likely a coincidence (App|arat, Insges|amt)."""
    return min(len(first), len(second)) >= _MIN_UNKNOWN or max(len(first), len(second)) >= 5


@dataclass(frozen=True)
class _Split:
    parts: tuple[str, ...]
    cost: tuple[int, int, int]  # (unknown parts, parts, links and endings used)


def _split_dp(word: str, vocabulary: Container[str]) -> tuple[str, ...] | None:
    """Split ``word`` into known parts: fewest unknown parts, then fewest parts, then fewest
    links and endings.

    At most one part may be unknown, and only the first or the last ("Augen|arzt",
    "Strom|kosten"): a compound whose head or modifier is a domain word is worth splitting
    even when the other half never occurs alone. Splits made of known parts always win.
    A word is never "split" into itself, even when the vocabulary holds it.
    """

    def known(part: str) -> bool:
        return part != word and part in vocabulary

    n = len(word)
    best: list[_Split | None] = [None] * (n + 1)
    for i in range(n - _MIN_PART, -1, -1):
        candidates = _last_parts(word, i, known)
        for j in range(i + _MIN_PART, n - _MIN_PART + 1):
            first = _first_part(word, i, j, known)
            if first is None:
                continue
            part, unknown = first
            for link in _LINKS:
                k = j + len(link)
                tail = best[k] if k <= n else None
                if tail is not None and word.startswith(link, j):
                    joined = _join(part, word[i:j], unknown, link, tail)
                    if joined is not None:
                        candidates.append(joined)
        if candidates:
            best[i] = min(candidates, key=lambda split: split.cost)
    found = best[0]
    if found is None or len(found.parts) < 2:
        return None
    return found.parts


def _last_parts(word: str, i: int, known: Callable[[str], bool]) -> list[_Split]:
    """``word[i:]`` as the last part: a known word with an inflection ending, or unknown."""
    rest = word[i:]
    for ending in _ENDINGS:
        base = rest[: len(rest) - len(ending)] if ending else rest
        if rest.endswith(ending) and len(base) >= _MIN_PART and known(base):
            return [_Split((base,), (0, 1, 1 if ending else 0))]
    if i > 0 and len(rest) >= _MIN_UNKNOWN and not rest.endswith(_SUFFIXES):
        return [_Split((rest,), (1, 1, 0))]
    return []


def _first_part(word: str, i: int, j: int,
                known: Callable[[str], bool]) -> tuple[str, int] | None:
    """``word[i:j]`` as a part followed by more: (base form, 1 if unknown else 0)."""
    head = word[i:j]
    if known(head):
        return head, 0
    if known(head + "e"):
        return head + "e", 0  # Schul-weg, Kirch-turm: the -e of the first word drops
    if i == 0 and len(head) >= _MIN_UNKNOWN:
        return head, 1
    return None


def _join(part: str, written: str, unknown: int, link: str, tail: _Split) -> _Split | None:
    """``part`` + linking element + ``tail``, unless that makes two unknown parts or an
    implausible pair of a short known and an unknown word."""
    unknowns = tail.cost[0] + unknown
    if unknowns > 1:
        return None
    if (unknown or (tail.cost[0] and len(tail.parts) == 1)) and not _plausible(
            part, tail.parts[0]):
        return None
    links = (1 if link else 0) + (1 if part != written else 0)
    return _Split((part, *tail.parts), (unknowns, tail.cost[1] + 1, tail.cost[2] + links))


def _known_parts(vocabulary: Iterable[str]) -> frozenset[str]:
    words = {word for word in vocabulary
             if len(word) >= _MIN_CORPUS_PART and word not in _STOP_WORDS}
    return _MORPHEMES | words


@dataclass(frozen=True)
class _Node:
    """A word and, if it is a compound, its parts (each possibly a compound again)."""

    word: str
    parts: tuple[_Node, ...] = ()

    def leaves(self) -> list[str]:
        if not self.parts:
            return [self.word]
        return [leaf for part in self.parts for leaf in part.leaves()]


def _decompose(word: str, known: Container[str], memo: dict[str, _Node],
               depth: int = 0) -> _Node:
    if word in memo:
        return memo[word]
    node = _Node(word)
    if len(word) >= _MIN_COMPOUND and word not in _MORPHEMES and depth < 4:
        parts = _split_dp(word, known)
        if parts:
            node = _Node(word, tuple(_decompose(part, known, memo, depth + 1)
                                     for part in parts))
    memo[word] = node
    return node


def split_compound(word: str, vocabulary: Iterable[str] = ()) -> list[str]:
    """The parts of a German compound, or ``[word]`` if it is not one.

    ``word`` is normalised first. Parts must be built-in morphemes of the domain or words of
    ``vocabulary`` (the normalised words of the notes), joined by the usual linking elements
    (-s-, -es-, -n-, -en-, -e-, -er-); the last part may carry an inflection ending. Splitting
    only against known words keeps rare words whole instead of cutting them into nonsense:
    "Bürgerbüro" → bürger + buro, "Radwegenetz" → rad + weg + netz,
    "Ladesäulen" → lade + saule. Parts come back normalised, in their base form.
    """
    norm = normalize(word)
    node = _decompose(norm, _known_parts(vocabulary), {})
    return node.leaves()


# --- features -----------------------------------------------------------------------------

WORD_WEIGHT = 1.0
PART_WEIGHT = 1.0
CONCEPT_WEIGHT = 1.5
FIELD_WEIGHT = 1.0
CONCEPT_PREFIX = "@"
FIELD_PREFIX = "#"


@lru_cache(maxsize=1)
def _concepts_by_stem() -> dict[str, tuple[str, ...]]:
    """Stem → concepts from the lexicon, in lexicon order (deterministic across runs)."""
    table: dict[str, list[str]] = {}
    for concept, words in lexicon_de.CONCEPTS.items():
        for word in words:
            for piece in tokens(word):
                entry = table.setdefault(stem(piece), [])
                if concept not in entry:
                    entry.append(concept)
    return {key: tuple(value) for key, value in table.items()}


def concept_of(word: str) -> tuple[str, ...]:
    """The lexicon concepts a normalised word belongs to ("bus" → mobilitaet.oepnv)."""
    return _concepts_by_stem().get(stem(word), ())


@dataclass
class Analysis:
    """What one note contributes to clustering: weighted features and how words were spelled.

    ``spellings`` maps a word feature (a stem) to the spelling used in this note, so labels
    can show real words ("Haltestellen") instead of stems ("haltestell"). ``meanings`` maps a
    word feature to the concepts it brought in, itself or through its parts ("rufbus" →
    mobilitaet.oepnv), so a label can prefer the words that carry a group's shared meaning.
    """

    weights: dict[str, float] = field(default_factory=dict)
    spellings: dict[str, str] = field(default_factory=dict)
    meanings: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def add(self, feature: str, weight: float) -> None:
        self.weights[feature] = self.weights.get(feature, 0.0) + weight


class Analyser:
    """Turns notes into features, splitting compounds against the vocabulary of a corpus.

    One analyser serves one request (one set of notes): the vocabulary it splits against is
    that of the notes on the board, and its memo of compound splits is only valid for it.
    """

    def __init__(self, vocabulary: Iterable[str] = ()) -> None:
        self._known = _known_parts(vocabulary)
        self._memo: dict[str, _Node] = {}
        # What each word (as written) contributes: notes repeat words, and working out a
        # word's parts and concepts costs far more than adding them up.
        self._by_word: dict[str, Analysis] = {}

    @classmethod
    def for_texts(cls, texts: Iterable[str]) -> Analyser:
        """An analyser whose vocabulary is every content word of ``texts``."""
        vocabulary: dict[str, None] = {}
        for text in texts:
            for word in _words(text):
                for _surface, norm in word.pieces:
                    vocabulary[norm] = None
                if len(word.pieces) > 1:
                    vocabulary[word.joined] = None
        return cls(vocabulary)

    def analyse(self, text: str) -> Analysis:
        """Weighted features of a text: stems, compound parts, concepts and fields."""
        analysis = Analysis()
        weights, spellings, meanings = analysis.weights, analysis.spellings, analysis.meanings
        for word in _words(text):
            part = self._by_word.get(word.surface)
            if part is None:
                part = self._by_word[word.surface] = self._analyse_word(word)
            for feature, weight in part.weights.items():
                weights[feature] = weights.get(feature, 0.0) + weight
            for feature, spelling in part.spellings.items():
                spellings.setdefault(feature, spelling)
            for feature, concepts in part.meanings.items():
                known = meanings.get(feature, ())
                meanings[feature] = known + tuple(c for c in concepts if c not in known)
        return analysis

    def _analyse_word(self, word: _Word) -> Analysis:
        """What one word adds to a note (the note's analysis is the sum over its words)."""
        analysis = Analysis()
        concepts = _concepts_by_stem()
        if len(word.pieces) > 1:
            node = _Node(word.joined, tuple(self._node(norm) for _s, norm in word.pieces))
            spellings = {word.joined: word.surface, **dict((n, s) for s, n in word.pieces)}
        else:
            surface, norm = word.pieces[0]
            if is_stop_word(norm):
                return analysis
            node = self._node(norm)
            spellings = {norm: surface}
        self._add_node(analysis, node, spellings, concepts, WORD_WEIGHT, found=False)
        return analysis

    def _node(self, norm: str) -> _Node:
        return _decompose(norm, self._known, self._memo)

    def _add_node(self, analysis: Analysis, node: _Node, spellings: dict[str, str],
                  concepts: dict[str, tuple[str, ...]], weight: float, *,
                  found: bool) -> tuple[str, ...]:
        """Add a word and its parts; return the concepts they brought in.

        Concepts come from the largest unit that has one: the whole "Ladesäule" is
        e-mobility, so its part "Lade" (which stems like "Laden", a shop) adds none.
        """
        if is_stop_word(node.word) and node.word not in _MORPHEMES:
            return ()
        key = stem(node.word)
        if len(key) < 2:
            return ()
        analysis.add(key, weight)
        if node.word in spellings:
            analysis.spellings.setdefault(key, spellings[node.word])
        own = () if found else concepts.get(key, ())
        for concept in own:
            analysis.add(CONCEPT_PREFIX + concept, CONCEPT_WEIGHT)
            analysis.add(FIELD_PREFIX + concept.partition(".")[0], FIELD_WEIGHT)
        meaning = list(own)
        for part in node.parts:
            for concept in self._add_node(analysis, part, spellings, concepts, PART_WEIGHT,
                                          found=found or bool(own)):
                if concept not in meaning:
                    meaning.append(concept)
        if meaning:
            known = analysis.meanings.get(key, ())
            analysis.meanings[key] = known + tuple(c for c in meaning if c not in known)
        return tuple(meaning)


def features(text: str, vocabulary: Iterable[str] = ()) -> list[str]:
    """The features of one text, in order of appearance, each once.

    Content words become Snowball stems; compounds add the stems of their parts (split
    against the built-in morphemes and ``vocabulary``); words in the concept lexicon add
    ``@field.concept`` and ``#field`` so that synonyms (Bus, Fahrplan, Haltestelle) share
    features. Stop words and workshop filler give nothing.
    """
    return list(Analyser(vocabulary).analyse(text).weights)


@lru_cache(maxsize=1)
def _morpheme_spellings() -> dict[str, str]:
    spellings: dict[str, str] = {}
    for word in lexicon_de.MORPHEMES:
        spellings.setdefault(stem(normalize(word)), word)
    return spellings


def morpheme_spelling(feature: str) -> str | None:
    """How the built-in morpheme with this stem is written (with umlauts: "säule" for
    "saul"), for labels when a part never occurs as a word of its own; None if unknown."""
    return _morpheme_spellings().get(feature)
