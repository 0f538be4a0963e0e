"""One catalogue: every text the code marks has a German translation with the same placeholders."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from myk10_workshop.i18n import Catalogue, load_catalogue, pick_language, placeholders
from myk10_workshop.store.errors import ErrorKind, StoreError

ROOT = Path(__file__).resolve().parents[1]
GERMAN = ROOT / "resources" / "translations" / "myk10_de.ts"


def _messages(path: Path) -> list[tuple[str, str, ElementTree.Element | None]]:
    root = ElementTree.parse(path).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "",
         message.find("translation"))
        for context in root.iter("context") for message in context.iter("message")
    ]


def _lupdate() -> str:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    if not tool.exists():
        found = shutil.which("pyside6-lupdate")
        if found is None:
            pytest.fail("pyside6-lupdate is missing; it comes with PySide6")
        return found
    return str(tool)


def test_every_marked_text_in_the_code_is_in_the_german_catalogue(tmp_path: Path) -> None:
    """Re-extract the texts from the code into a copy: nothing may come out untranslated."""
    copy = tmp_path / "myk10_de.ts"
    shutil.copy(GERMAN, copy)
    sources = sorted(str(p) for p in (ROOT / "myk10_workshop").rglob("*.py")
                     if "migrations" not in p.parts)
    subprocess.run([_lupdate(), "-no-obsolete", "-locations", "none", *sources, "-ts",
                    str(copy)], check=True, capture_output=True, text=True)
    missing = [f"{context}: {source!r}" for context, source, translation in _messages(copy)
               if translation is None or translation.get("type") == "unfinished"
               or not (translation.text or "").strip()]
    assert not missing, ("texts without German translation (run `make update-translations`"
                         " and translate them):\n" + "\n".join(missing))
    assert len(_messages(copy)) == len(_messages(GERMAN)), (
        "the catalogue has entries the code no longer uses: run `make update-translations`")


def test_translations_keep_placeholders_and_accelerators() -> None:
    problems = []
    for context, source, translation in _messages(GERMAN):
        text = translation.text if translation is not None else None
        if not text:
            problems.append(f"{context}: {source!r} has no translation")
            continue
        if placeholders(source) != placeholders(text):
            problems.append(f"{context}: {source!r} -> {text!r}: placeholders differ")
        if source.count("&") != text.count("&"):
            problems.append(f"{context}: {source!r} -> {text!r}: accelerator lost or added")
    assert not problems, "\n".join(problems)


def test_qt_free_catalogue_renders_core_messages_in_german() -> None:
    german = load_catalogue("de")
    assert len(german) == len(_messages(GERMAN))
    error = StoreError(ErrorKind.DISK_FULL, path="/data/x.sqlite3")
    text = error.message.render(german)
    assert text.startswith("Der Datenträger ist voll, deshalb konnte die letzte Änderung"), text
    assert error.message.render().startswith("The disk is full")


def test_catalogue_falls_back_to_the_source_text() -> None:
    assert Catalogue.empty()("Any", "Unknown text") == "Unknown text"
    assert load_catalogue("en")("MainWindow", "&File") == "&File"
    assert load_catalogue("de")("MainWindow", "&File") == "&Datei"


@pytest.mark.parametrize(("preference", "system", "expected"), [
    (None, "de_DE", "de"),
    (None, "de_AT", "de"),
    (None, "en_GB", "en"),
    (None, "fr_FR", "en"),
    ("de", "en_US", "de"),
    ("en", "de_DE", "en"),
    ("xx", "de_DE", "de"),
])
def test_language_follows_choice_then_system(preference: str | None, system: str,
                                             expected: str) -> None:
    assert pick_language(preference, system) == expected


def test_nested_messages_are_translated_without_qt() -> None:
    from myk10_workshop.store.entities import validate_values
    from myk10_workshop.store.errors import ValidationError

    try:
        validate_values("workshop", {"title": "x"}, creating=True)
    except ValidationError as error:
        assert error.message.render(load_catalogue("de")) == "Projekt muss angegeben werden."
        assert error.message.render() == "Project is required."
    else:  # pragma: no cover
        raise AssertionError("a workshop without project must be refused")


def test_every_marked_text_is_a_literal_lupdate_can_read() -> None:
    """lupdate reads source code: QT_TRANSLATE_NOOP and tr() with a variable text give an
    untranslated UI without any other warning."""
    import ast

    problems = []
    for path in sorted((ROOT / "myk10_workshop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else (
                node.func.attr if isinstance(node.func, ast.Attribute) else "")
            if name == "QT_TRANSLATE_NOOP":
                literal = all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                              for a in node.args[:2]) and len(node.args) >= 2
            elif name == "tr" and isinstance(node.func, ast.Attribute):
                literal = bool(node.args) and isinstance(node.args[0], ast.Constant)
            else:
                continue
            if not literal:
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not problems, "texts lupdate cannot extract:\n" + "\n".join(problems)
