"""One translation catalogue for every layer.

The catalogue is the set of Qt ``.ts`` files in ``resources/translations``. The widget layer
loads the compiled ``.qm`` files through ``QTranslator``; the Qt-free core (error messages,
phone pages, PDF reports) marks its strings with :func:`QT_TRANSLATE_NOOP`, which
``pyside6-lupdate`` extracts into the same ``.ts`` files, and renders them either through the
UI or through :class:`Catalogue`, which reads a ``.ts`` file without Qt.

Placeholders are named (``{name}``) and filled with :meth:`str.format`; a test checks that
every translation keeps the placeholders of its source text.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

SOURCE_LANGUAGE = "en"
LANGUAGES = ("de", "en")

# Maps (context, source text) to the text in the user's language.
Translator = Callable[[str, str], str]


@dataclass(frozen=True)
class Message:
    """A translatable text with named placeholders, rendered late in the user's language."""

    context: str
    source: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def with_params(self, **params: Any) -> Message:
        return Message(self.context, self.source, {**self.params, **params})

    def render(self, translate: Translator | None = None) -> str:
        """The text in the language of ``translate`` (the source text without one);
        placeholders that are messages themselves are rendered the same way."""
        text = translate(self.context, self.source) if translate else self.source
        params = {key: value.render(translate) if isinstance(value, Message) else value
                  for key, value in self.params.items()}
        return format_text(text, params)

    def __str__(self) -> str:
        return self.render()


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:  # noqa: N802 - lupdate's name
    """Mark a text for translation; ``pyside6-lupdate`` finds it by this name."""
    return Message(context, source)


def placeholders(text: str) -> set[str]:
    """The named ``{placeholders}`` of a text."""
    names = set()
    for _literal, name, _spec, _conv in string.Formatter().parse(text):
        if name is not None:
            names.add(name)
    return names


def format_text(text: str, params: Mapping[str, Any]) -> str:
    if not params:
        return text
    try:
        return text.format_map(dict(params))
    except (KeyError, IndexError, ValueError):
        # A broken translation must never hide the message itself.
        return text


class Catalogue:
    """Translations of one language read from a Qt ``.ts`` file, for Qt-free rendering."""

    def __init__(self, language: str, entries: Mapping[tuple[str, str], str]) -> None:
        self.language = language
        self._entries = dict(entries)

    @classmethod
    def empty(cls, language: str = SOURCE_LANGUAGE) -> Catalogue:
        return cls(language, {})

    @classmethod
    def from_ts(cls, path: Path) -> Catalogue:
        root = ElementTree.parse(path).getroot()
        language = (root.get("language") or "").split("_")[0] or SOURCE_LANGUAGE
        entries: dict[tuple[str, str], str] = {}
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if translation is None or not (translation.text or "").strip():
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                entries[(name, source)] = translation.text or ""
        return cls(language, entries)

    def __call__(self, context: str, source: str) -> str:
        return self._entries.get((context, source), source)

    def __len__(self) -> int:
        return len(self._entries)


def translations_dir() -> Path:
    from myk10_workshop.paths import resource_path

    return resource_path("translations")


def load_catalogue(language: str) -> Catalogue:
    """The catalogue for ``language``; the source language needs no file."""
    if language == SOURCE_LANGUAGE:
        return Catalogue.empty()
    path = translations_dir() / f"myk10_{language}.ts"
    if not path.exists():
        return Catalogue.empty(language)
    return Catalogue.from_ts(path)


def collation_key(text: str) -> str:
    """Sort key for names as German readers expect (DIN 5007-1): umlauts with their base
    letter, ß as ss, case ignored; "Ämterdialog" before "Zukunft"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def pick_language(preference: str | None, system_locale: str) -> str:
    """German by default; English when the system is not German; an explicit choice wins."""
    if preference in LANGUAGES:
        return preference
    return "de" if system_locale.lower().startswith("de") else "en"
