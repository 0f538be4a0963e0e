"""The method library: well-known participation and workshop methods, in German and English.

The methods are data shipped in ``resources/methods/methods.json`` (found through
:func:`myk10_workshop.paths.resource_path`, so the source tree, a wheel and the PyInstaller
bundle all work), not code: adding or rewording a method needs no programmer. The file is
checked when it is read, and a broken one is refused with :class:`MethodLibraryError` saying
where and what is wrong, instead of a half-loaded library that fails later in a drag.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from myk10_workshop.i18n import LANGUAGES, SOURCE_LANGUAGE, collation_key
from myk10_workshop.paths import resource_path

FORMAT = 1
# A block's method field holds at most this many characters (store/entities.py).
MAX_NAME = 80
MAX_DURATION = 24 * 60


class MethodLibraryError(ValueError):
    """The method file cannot be used; the message says where and why."""


def _pick(texts: Mapping[str, str], language: str) -> str:
    """The text in ``language``, else in the source language (every entry has both)."""
    return texts.get(language) or texts[SOURCE_LANGUAGE]


@dataclass(frozen=True)
class MethodMaterial:
    names: Mapping[str, str]
    quantity: int

    def name(self, language: str) -> str:
        return _pick(self.names, language)


@dataclass(frozen=True)
class MethodCategory:
    key: str
    names: Mapping[str, str]

    def name(self, language: str) -> str:
        return _pick(self.names, language)


@dataclass(frozen=True)
class Method:
    key: str
    category: str
    duration_min: int
    group_min: int
    group_max: int
    names: Mapping[str, str]
    descriptions: Mapping[str, str]
    materials: tuple[MethodMaterial, ...]

    def name(self, language: str) -> str:
        return _pick(self.names, language)

    def description(self, language: str) -> str:
        return _pick(self.descriptions, language)

    def suits(self, group_size: int) -> bool:
        return self.group_min <= group_size <= self.group_max


@dataclass(frozen=True)
class MethodLibrary:
    methods: tuple[Method, ...]
    categories: tuple[MethodCategory, ...]

    def get(self, key: str) -> Method:
        for method in self.methods:
            if method.key == key:
                return method
        raise KeyError(key)

    def category(self, key: str) -> MethodCategory:
        for category in self.categories:
            if category.key == key:
                return category
        raise KeyError(key)

    def in_category(self, key: str) -> tuple[Method, ...]:
        return tuple(method for method in self.methods if method.category == key)

    def sorted(self, language: str) -> tuple[Method, ...]:
        """By name as a reader of ``language`` expects (umlauts with their base letter)."""
        return tuple(sorted(self.methods, key=lambda m: collation_key(m.name(language))))

    def find(self, text: str, language: str) -> tuple[Method, ...]:
        """Methods whose name or description holds every word of ``text``; names first."""
        words = collation_key(text).split()
        named, described = [], []
        for method in self.sorted(language):
            name = collation_key(method.name(language))
            whole = name + " " + collation_key(method.description(language))
            if all(word in name for word in words):
                named.append(method)
            elif all(word in whole for word in words):
                described.append(method)
        return (*named, *described)


def default_path() -> Path:
    return resource_path("methods", "methods.json")


@functools.cache
def default_library() -> MethodLibrary:
    """The shipped library, read once per process."""
    return load_library(default_path())


def load_library(path: Path) -> MethodLibrary:
    """Read and check a method file; raise :class:`MethodLibraryError` if it is unusable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MethodLibraryError(f"The method library {path} cannot be read: {error}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MethodLibraryError(
            f"The method library {path} is not valid JSON text: {error}") from error
    try:
        return parse_library(data)
    except MethodLibraryError as error:
        raise MethodLibraryError(f"The method library {path} is broken: {error}") from error


def parse_library(data: object) -> MethodLibrary:
    """The library from decoded JSON, checked field by field."""
    root = _object(data, "the file")
    if root.get("format") != FORMAT:
        raise MethodLibraryError(
            f"format is {root.get('format')!r}, this version reads format {FORMAT}")
    categories = tuple(_category(entry, f"categories[{i}]")
                       for i, entry in enumerate(_list(root, "categories", "the file")))
    known = {category.key for category in categories}
    _unique([category.key for category in categories], "category")
    methods = tuple(_method(entry, f"methods[{i}]", known)
                    for i, entry in enumerate(_list(root, "methods", "the file")))
    _unique([method.key for method in methods], "method")
    for language in LANGUAGES:
        _unique([collation_key(method.name(language)) for method in methods],
                f"method name ({language})")
    return MethodLibrary(methods, categories)


# --------------------------------------------------------------------------- checking


def _category(data: object, where: str) -> MethodCategory:
    entry = _object(data, where)
    return MethodCategory(_key(entry, where), _texts(entry, "name", where, MAX_NAME))


def _method(data: object, where: str, categories: set[str]) -> Method:
    entry = _object(data, where)
    key = _key(entry, where)
    where = f"{where} ({key!r})"
    category = entry.get("category")
    if category not in categories:
        raise MethodLibraryError(f"{where}: category {category!r} is not one of the categories")
    group = _object(entry.get("group_size"), f"{where}: group_size")
    smallest = _count(group, "min", f"{where}: group_size", 1)
    largest = _count(group, "max", f"{where}: group_size", smallest)
    materials = tuple(_material(item, f"{where}: materials[{i}]")
                      for i, item in enumerate(_list(entry, "materials", where)))
    return Method(key, str(category), _count(entry, "duration_min", where, 1, MAX_DURATION),
                  smallest, largest, _texts(entry, "name", where, MAX_NAME),
                  _texts(entry, "description", where, 2000), materials)


def _material(data: object, where: str) -> MethodMaterial:
    entry = _object(data, where)
    return MethodMaterial(_texts(entry, "name", where, 200),
                          _count(entry, "quantity", where, 1, 100_000))


def _object(data: object, where: str) -> Mapping[str, Any]:
    if not isinstance(data, dict):
        raise MethodLibraryError(f"{where} must be an object")
    return data


def _list(entry: Mapping[str, Any], name: str, where: str) -> Sequence[object]:
    value = entry.get(name)
    if not isinstance(value, list):
        raise MethodLibraryError(f"{where}: {name!r} must be a list")
    return value


def _key(entry: Mapping[str, Any], where: str) -> str:
    key = entry.get("key")
    if not isinstance(key, str) or not key or not key.replace("-", "").replace("_", "").isalnum():
        raise MethodLibraryError(f"{where}: 'key' must be a short name of letters, digits and "
                                 f"dashes, not {key!r}")
    return key


def _count(entry: Mapping[str, Any], name: str, where: str, minimum: int,
           maximum: int = 1_000_000) -> int:
    value = entry.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= maximum:
        raise MethodLibraryError(
            f"{where}: {name!r} must be a whole number from {minimum} to {maximum}, "
            f"not {value!r}")
    return value


def _texts(entry: Mapping[str, Any], name: str, where: str, max_length: int) -> dict[str, str]:
    """A text in every language of the app, none blank, none too long."""
    texts = _object(entry.get(name), f"{where}: {name!r}")
    found: dict[str, str] = {}
    for language in LANGUAGES:
        text = texts.get(language)
        if not isinstance(text, str) or not text.strip():
            raise MethodLibraryError(f"{where}: {name!r} has no text in {language!r}")
        if len(text) > max_length or "\n" in text:
            raise MethodLibraryError(
                f"{where}: {name!r} in {language!r} must be one line of at most "
                f"{max_length} characters")
        found[language] = text.strip()
    return found


def _unique(keys: Sequence[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise MethodLibraryError(f"{what} {key!r} appears twice")
        seen.add(key)
