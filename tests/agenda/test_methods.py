"""The shipped method library: complete in both languages, sensible, found in every layout;
a broken file is refused with a message that says where it is broken."""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from myk10_workshop.agenda.methods import (
    MAX_NAME,
    MethodLibraryError,
    default_library,
    default_path,
    load_library,
    parse_library,
)
from myk10_workshop.i18n import LANGUAGES
from myk10_workshop.paths import resource_path

SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# The methods the issue names; each must be in the library.
NAMED = ("world-cafe", "open-space", "fishbowl", "brainwriting-635", "dot-voting",
         "walt-disney", "future-workshop", "dynamic-facilitation", "check-in", "check-out",
         "think-pair-share", "gallery-walk", "barcamp", "design-thinking-sprint", "lean-coffee",
         "fishbone", "swot", "stakeholder-map", "persona", "idea-speed-dating",
         "reverse-brainstorming", "one-two-four-all", "appreciative-inquiry", "pro-contra")


def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(default_path().read_text(encoding="utf-8"))
    return data


def test_the_library_has_the_well_known_methods() -> None:
    library = default_library()
    assert len(library.methods) >= 22
    keys = {method.key for method in library.methods}
    assert set(NAMED) <= keys
    assert library.get("dot-voting").name("de") == "Punktabfrage"
    assert library.get("reverse-brainstorming").name("de") == "Kopfstandmethode"
    assert library.get("future-workshop").name("de") == "Zukunftswerkstatt"
    with pytest.raises(KeyError):
        library.get("no-such-method")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_method_is_complete_in_both_languages(language: str) -> None:
    for method in default_library().methods:
        name, description = method.name(language), method.description(language)
        assert name.strip() and len(name) <= MAX_NAME, method.key
        sentences = len(SENTENCE_END.findall(description))
        assert 2 <= sentences <= 4, (method.key, language, sentences)
        for material in method.materials:
            assert material.name(language).strip(), method.key


def test_german_and_english_texts_differ_and_german_has_its_letters() -> None:
    methods = default_library().methods
    for method in methods:
        assert method.description("de") != method.description("en"), method.key
    german = " ".join(method.description("de") for method in methods)
    assert {"ä", "ö", "ü", "ß"} <= set(german)
    # Written with umlauts, not ASCII stand-ins.
    for stand_in in ("fuer", "ueber", "moeglich", "koennen", "Aenderung"):
        assert stand_in not in german


def test_durations_group_sizes_and_materials_are_sensible() -> None:
    library = default_library()
    categories = {category.key for category in library.categories}
    for method in library.methods:
        assert 0 < method.duration_min <= 24 * 60, method.key
        assert 1 <= method.group_min <= method.group_max, method.key
        assert method.category in categories, method.key
        assert all(material.quantity > 0 for material in method.materials), method.key
    assert all(library.in_category(key) for key in categories)
    assert library.get("lean-coffee").suits(8)
    assert not library.get("lean-coffee").suits(40)


def test_method_names_and_categories_fall_back_to_english() -> None:
    library = default_library()
    method = library.get("dot-voting")
    assert method.name("fr") == "Dot voting"
    assert library.category(method.category).name("de") == "Bewerten und Entscheiden"
    with pytest.raises(KeyError):
        library.category("nothing")


def test_find_ignores_case_and_umlauts_and_lists_names_first() -> None:
    library = default_library()
    assert [m.key for m in library.find("kopfstand", "de")] == ["reverse-brainstorming"]
    found = [m.key for m in library.find("ZUKUNFTSWERKSTATT", "de")]
    assert found[0] == "future-workshop"
    assert "world-cafe" in [m.key for m in library.find("tischdecken", "de")]
    assert [m.key for m in library.find("gallery", "en")] == ["gallery-walk"]
    assert library.find("xylophon", "de") == ()


def test_sorted_by_name_as_german_readers_expect() -> None:
    names = [m.name("de") for m in default_library().sorted("de")]
    assert names.index("Open Space") < names.index("Persona") < names.index("Zukunftswerkstatt")


def test_the_file_is_found_in_the_source_tree_and_in_a_bundle(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert default_path() == resource_path("methods", "methods.json")
    assert default_path().is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert default_path() == tmp_path / "myk10_workshop" / "resources" / "methods" / (
        "methods.json")


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(raw())
    first = data["methods"][0]
    if change == "no german name":
        del first["name"]["de"]
    elif change == "blank english description":
        first["description"]["en"] = "  "
    elif change == "zero duration":
        first["duration_min"] = 0
    elif change == "text duration":
        first["duration_min"] = "30"
    elif change == "group size upside down":
        first["group_size"] = {"min": 10, "max": 5}
    elif change == "unknown category":
        first["category"] = "magic"
    elif change == "twice":
        data["methods"].append(copy.deepcopy(first))
    elif change == "negative material":
        first["materials"] = [{"name": {"de": "Marker", "en": "Markers"}, "quantity": -1}]
    elif change == "format":
        data["format"] = 99
    elif change == "name too long":
        first["name"]["de"] = "x" * (MAX_NAME + 1)
    return data


@pytest.mark.parametrize(("change", "says"), [
    ("no german name", "'name' has no text in 'de'"),
    ("blank english description", "'description' has no text in 'en'"),
    ("zero duration", "'duration_min' must be a whole number from 1"),
    ("text duration", "'duration_min' must be a whole number"),
    ("group size upside down", "'max' must be a whole number from 10"),
    ("unknown category", "category 'magic' is not one of the categories"),
    ("twice", "method 'check-in' appears twice"),
    ("negative material", "materials[0]: 'quantity'"),
    ("format", "format is 99"),
    ("name too long", "at most 80 characters"),
])
def test_a_broken_library_is_refused_saying_where(tmp_path: Path, change: str,
                                                 says: str) -> None:
    path = tmp_path / "methods.json"
    path.write_text(json.dumps(_broken(change)), encoding="utf-8")
    with pytest.raises(MethodLibraryError) as caught:
        load_library(path)
    message = str(caught.value)
    assert says in message
    assert str(path) in message
    if change not in ("format", "twice"):
        assert "methods[0] ('check-in')" in message


def test_a_file_that_is_not_json_or_missing_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "methods.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(MethodLibraryError, match="not valid JSON"):
        load_library(path)
    with pytest.raises(MethodLibraryError, match="cannot be read"):
        load_library(tmp_path / "missing.json")
    with pytest.raises(MethodLibraryError, match="must be an object"):
        parse_library([])
