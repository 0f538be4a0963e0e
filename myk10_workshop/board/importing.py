"""Ideas from outside: pasted lists and CSV or text files typed up from paper cards.

Every row is checked like a typed note; bad rows get a plain reason and are left out, the
good ones can be imported. Nothing is written here: the caller shows the preview and then
runs one import operation.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message

MAX_TEXT = 2000
MAX_FILE_BYTES = 5_000_000
MAX_ROWS = 20_000
_BULLET = re.compile(r"^\s*(?:[-•*–·]|\d{1,3}[.)])\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
TEXT_HEADERS = ("text", "idee", "idea", "karte", "notiz", "beitrag")
AUTHOR_HEADERS = ("author", "autor", "autorin", "name", "von")
COLOUR_HEADERS = ("colour", "color", "farbe")


def split_lines(text: str) -> list[str]:
    """The notes in a pasted block: one per non-empty line, list bullets and numbers removed."""
    notes = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cleaned = _BULLET.sub("", line).strip()
        if cleaned:
            notes.append(cleaned)
    return notes


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: Message


@dataclass
class ImportPreview:
    rows: list[dict[str, str]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    # A problem with the whole file (unreadable, too big, no text column).
    error: Message | None = None


def _m(text: str) -> Message:
    return QT_TRANSLATE_NOOP("Import", text)


def read_import(path: Path) -> ImportPreview:
    """Read a .csv or .txt file of ideas; never raises for bad content."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return ImportPreview(error=QT_TRANSLATE_NOOP(
                "Import", "The file is too big ({size} MB); at most 5 MB can be imported.")
                .with_params(size=round(size / 1_000_000, 1)))
        raw = path.read_bytes()
    except OSError as exc:
        return ImportPreview(error=QT_TRANSLATE_NOOP(
            "Import", "The file cannot be read: {reason}").with_params(reason=exc.strerror or exc))
    text = _decode(raw)
    if text is None:
        return ImportPreview(error=_m(
            "The file is not text (perhaps a spreadsheet saved as .xlsx). Save it as CSV or "
            "plain text and try again."))
    if path.suffix.lower() == ".csv":
        return parse_csv(text)
    return parse_lines(text)


def _decode(raw: bytes) -> str | None:
    if b"\x00" in raw[:4096]:
        return None
    for encoding in ("utf-8-sig", "cp1252"):  # German Excel writes Windows-1252
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def parse_lines(text: str) -> ImportPreview:
    preview = ImportPreview()
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        cleaned = _BULLET.sub("", line).strip()
        if cleaned:
            _add(preview, number, {"text": cleaned})
    if not preview.rows and not preview.problems:
        preview.error = _m("The file holds no ideas.")
    return preview


def parse_csv(text: str) -> ImportPreview:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = [cell.strip().casefold() for cell in next(reader)]
    except StopIteration:
        return ImportPreview(error=_m("The file holds no ideas."))
    except csv.Error as exc:
        return ImportPreview(error=QT_TRANSLATE_NOOP(
            "Import", "The file is not valid CSV: {reason}").with_params(reason=str(exc)))
    columns = {name: _find(header, names) for name, names in
               (("text", TEXT_HEADERS), ("author", AUTHOR_HEADERS), ("colour", COLOUR_HEADERS))}
    preview = ImportPreview()
    start = 2
    if columns["text"] is None:
        # No known header: the first column is the idea, and the first line is one too.
        columns = {"text": 0, "author": None, "colour": None}
        start = 1
        reader = csv.reader(io.StringIO(text), dialect)
    try:
        for number, cells in enumerate(reader, start=start):
            if len(preview.rows) + len(preview.problems) >= MAX_ROWS:
                preview.error = _m("The file has more than 20,000 rows; only the first were read.")
                break
            row = {name: cells[index].strip() for name, index in columns.items()
                   if index is not None and index < len(cells)}
            if not any(cell.strip() for cell in cells):
                continue
            _add(preview, number, row)
    except csv.Error as exc:
        preview.error = QT_TRANSLATE_NOOP(
            "Import", "The file is not valid CSV: {reason}").with_params(reason=str(exc))
    return preview


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    for index, cell in enumerate(header):
        if cell in names:
            return index
    return None


def _add(preview: ImportPreview, number: int, row: dict[str, str]) -> None:
    text = row.get("text", "")
    problem = None
    if not text:
        problem = _m("The idea is empty.")
    elif len(text) > MAX_TEXT:
        problem = QT_TRANSLATE_NOOP(
            "Import", "The idea is too long ({length} characters, at most 2,000).").with_params(
                length=len(text))
    elif _CONTROL.search(text):
        problem = _m("The idea contains invisible control characters.")
    elif row.get("colour") and not _COLOUR.match(row["colour"]):
        problem = _m("The colour must look like #ffcc00.")
    elif len(row.get("author", "")) > 100:
        problem = _m("The author is longer than 100 characters.")
    if problem is not None:
        preview.problems.append(RowProblem(number, problem))
    else:
        preview.rows.append(row)
