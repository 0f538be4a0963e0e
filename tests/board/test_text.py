"""German text processing: folding, search keys, tokens, stems, stop words, compounds."""

from __future__ import annotations

import threading

import pytest

from myk10_workshop.board.text import (
    Analyser,
    features,
    is_stop_word,
    normalize,
    search_key,
    split_compound,
    stem,
    tokens,
)


@pytest.mark.parametrize(("text", "folded"), [
    ("Straße", "strasse"),
    ("GROẞE", "grosse"),
    ("ÄRZTE", "arzte"),
    ("Bürgerbüro", "burgerburo"),
    ("Buergerbuero", "burgerburo"),
    ("Oeffnungszeiten", "offnungszeiten"),
    ("Café", "cafe"),
    # ae/oe/ue after a vowel or q are not umlauts
    ("neue Feuer Quelle Bauer", "neue feuer quelle bauer"),
])
def test_normalize_folds_case_umlauts_and_their_transliterations(text: str,
                                                                  folded: str) -> None:
    assert normalize(text) == folded


@pytest.mark.parametrize(("query", "note"), [
    ("büro", "Bürgerbüro am Markt"),
    ("Buero", "Bürgerbüro am Markt"),
    ("BÜRGERBÜRO", "bürgerbüro"),
    ("strasse", "Landstraße sanieren"),
    ("bus hal", "Bus-Haltestelle mit Dach"),
    ("arzte", "Ärztehaus"),
])
def test_search_key_finds_regardless_of_case_umlauts_and_punctuation(query: str,
                                                                    note: str) -> None:
    assert search_key(query) in search_key(note)


@pytest.mark.parametrize("word", ["Bürgerbüro", "Buergerbuero", "Feuerwehr", "aktuell",
                                  "Quelle", "Übergang", "Straßenbahn", "Israel"])
def test_every_typed_prefix_finds_its_word(word: str) -> None:
    """Search runs while typing: each prefix must already find the note."""
    for end in range(1, len(word) + 1):
        assert search_key(word[:end]) in search_key(word), word[:end]


def test_search_key_does_not_match_unrelated_words() -> None:
    assert search_key("bus") not in search_key("Glasfaser für alle")


def test_tokens_split_hyphens_glue_single_letters_and_drop_numbers() -> None:
    assert tokens("E-Bike-Verleih und Bürger-App! Gibt's 24/7?") == [
        "ebike", "verleih", "und", "burger", "app", "gibts"]


@pytest.mark.parametrize("text", ["", "   ", "🚌🚌🚌", "?!", "24/7"])
def test_tokens_of_text_without_words_are_empty(text: str) -> None:
    assert tokens(text) == []


def test_tokens_work_for_other_scripts() -> None:
    assert tokens("مرحبا بالعالم") == ["مرحبا", "بالعالم"]
    assert tokens("שלום עולם") == ["שלום", "עולם"]


@pytest.mark.parametrize(("a", "b"), [
    ("haltestellen", "haltestelle"),
    ("busse", "bus"),
    ("kitas", "kita"),
    ("laptops", "laptop"),
    ("arzte", "arzt"),
    ("vereine", "verein"),
])
def test_inflected_forms_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_burger_is_not_a_castle() -> None:
    assert stem("burger") != stem("burg")


def test_stemming_is_consistent_across_threads() -> None:
    words = ["haltestellen", "verwaltung", "glasfaserausbau", "ehrenamtliche"] * 50
    expected = [stem(word) for word in words]
    stem.cache_clear()
    results: list[list[str]] = []

    def work() -> None:
        results.append([stem(word) for word in words])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


@pytest.mark.parametrize("word", ["und", "wir", "mehr", "bitte", "brauchen", "braucht",
                                  "sollte", "sollten", "endlich", "besser", "Möglichkeit"])
def test_function_words_and_workshop_filler_are_stop_words(word: str) -> None:
    assert is_stop_word(normalize(word))


@pytest.mark.parametrize("word", ["bus", "glasfaser", "arzt", "verein", "altere", "alter"])
def test_topic_words_are_not_stop_words(word: str) -> None:
    assert not is_stop_word(word)


@pytest.mark.parametrize(("word", "parts"), [
    ("Bürgerbüro", ["burger", "buro"]),
    ("Radwegenetz", ["rad", "weg", "netz"]),  # -e-
    ("Ladesäulen", ["lade", "saule"]),  # inflected last part
    ("Arbeitsplätze", ["arbeit", "platz"]),  # -s-
    ("Landesstraße", ["land", "strasse"]),  # -es-
    ("Sonnenenergie", ["sonne", "energie"]),  # -n-
    ("Schulweg", ["schule", "weg"]),  # dropped -e of the first word
    ("Stromkosten", ["strom", "kosten"]),  # an unknown last part
    ("Augenarzt", ["augen", "arzt"]),  # an unknown first part
])
def test_compounds_split_into_known_parts(word: str, parts: list[str]) -> None:
    assert split_compound(word) == parts


def test_compounds_split_against_the_vocabulary_of_the_notes() -> None:
    # unknown "Studenten" stays as written; once "Student" is a word of the notes, -en- links
    assert split_compound("Studentenwohnung") == ["studenten", "wohnung"]
    assert split_compound("Studentenwohnung", ["student"]) == ["student", "wohnung"]
    assert split_compound("Glasfaserausbau", ["glasfaser", "ausbau"]) == [
        "glas", "faser", "ausbau"]


@pytest.mark.parametrize("word", ["Verwaltung", "Koblenz", "Andernach", "Apparat", "Bus",
                                  "automatisch", "Haltestelle"[:4]])
def test_words_that_are_not_compounds_stay_whole(word: str) -> None:
    assert split_compound(word) == [normalize(word)]


def test_features_combine_stems_parts_and_concepts() -> None:
    found = features("Mehr Ladesäulen am Bürgerbüro, bitte!")
    assert "ladesaul" in found
    assert {"saul", "burgerburo", "burger", "buro"} <= set(found)
    assert "@mobilitaet.elektro" in found
    assert "#mobilitaet" in found
    assert "@verwaltung.service" in found
    assert "mehr" not in found
    assert "bitt" not in found


def test_a_compound_takes_its_meaning_from_the_whole_word() -> None:
    """Ladesäule is e-mobility; its part "Lade" must not make it a shop (Laden)."""
    assert "@dorf.versorgung" not in features("Ladesäule")
    assert "@dorf.versorgung" in features("Dorfladen")


@pytest.mark.parametrize(("a", "b"), [
    ("Bus", "Haltestelle"),
    ("Rufbus", "Fahrplan"),
    ("Glasfaser", "Funkloch"),
    ("Hausarzt", "Telemedizin"),
    ("Ehrenamt", "Vereine"),
])
def test_synonyms_share_a_concept(a: str, b: str) -> None:
    concepts_a = {f for f in features(a) if f.startswith("@")}
    concepts_b = {f for f in features(b) if f.startswith("@")}
    assert concepts_a & concepts_b


def test_only_filler_gives_no_features() -> None:
    assert features("Wir brauchen bitte endlich mehr davon!") == []


@pytest.mark.parametrize("text", ["", "🚌🚌", "مرحبا بالعالم", "שלום עולם", "ℌ𝔢𝔩𝔩𝔬",
                                  "\u200f\u202e", "a\u0000b"])
def test_features_of_odd_text_do_not_crash(text: str) -> None:
    assert isinstance(features(text), list)


def test_analysis_keeps_the_spelling_of_each_word() -> None:
    analysis = Analyser.for_texts(["Haltestellen ohne Dach"]).analyse("Haltestellen ohne Dach")
    assert analysis.spellings[stem("haltestellen")] == "Haltestellen"
    assert analysis.spellings[stem("dach")] == "Dach"
