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
from myk10_workshop.store.entities import validate_values
from myk10_workshop.store.errors import ValidationError

MAX_TEXT = 2000
MAX_FILE_BYTES = 5_000_000
MAX_ROWS = 20_000
_BULLET = re.compile(r"^\s*(?:[-•*–·]|\d{1,3}[.)])\s+")
_NO_SEPARATOR = "\x1f"  # a character no CSV contains: one column per row
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


_TOO_MANY = QT_TRANSLATE_NOOP(
    "Import", "The file has more than 20,000 ideas; only the first 20,000 were read."
)


def read_import(path: Path) -> ImportPreview:
    """Read a .csv or .txt file of ideas; never raises for bad content."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return ImportPreview(
                error=QT_TRANSLATE_NOOP(
                    "Import", "The file is too big ({size} MB); at most 5 MB can be imported."
                ).with_params(size=round(size / 1_000_000, 1))
            )
        raw = path.read_bytes()
    except OSError as exc:
        return ImportPreview(
            error=QT_TRANSLATE_NOOP("Import", "The file cannot be read: {reason}").with_params(
                reason=exc.strerror or exc
            )
        )
    text = _decode(raw)
    if text is None:
        return ImportPreview(
            error=QT_TRANSLATE_NOOP(
                "Import",
                "The file is not text (perhaps a spreadsheet saved as .xlsx). Save it as CSV or "
                "plain text and try again.",
            )
        )
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
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        cleaned = _BULLET.sub("", line).strip()
        if not cleaned:
            continue
        if len(preview.rows) + len(preview.problems) >= MAX_ROWS:
            preview.error = _TOO_MANY
            break
        _add(preview, number, {"text": cleaned})
    if not preview.rows and not preview.problems:
        preview.error = QT_TRANSLATE_NOOP("Import", "The file holds no ideas.")
    return preview


def _delimiter(text: str) -> str:
    """The separator of a CSV file, judged by its first line.

    German Excel separates with ";" and leaves commas in texts unquoted, so a comma counts
    only when no ";" or tab is there. A first line without any separator means one column:
    then nothing splits the rows, and commas inside ideas stay where they are.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    outside = re.sub(r'"[^"]*"', "", first)  # separators inside quotes do not count
    for candidate in (";", "\t", ","):
        if candidate in outside:
            return candidate
    return _NO_SEPARATOR


def parse_csv(text: str) -> ImportPreview:
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [cell.strip().casefold() for cell in next(reader)]
    except StopIteration:
        return ImportPreview(error=QT_TRANSLATE_NOOP("Import", "The file holds no ideas."))
    except csv.Error as exc:
        return ImportPreview(
            error=QT_TRANSLATE_NOOP("Import", "The file is not valid CSV: {reason}").with_params(
                reason=str(exc)
            )
        )
    columns = {
        name: _find(header, names)
        for name, names in (
            ("text", TEXT_HEADERS),
            ("author", AUTHOR_HEADERS),
            ("colour", COLOUR_HEADERS),
        )
    }
    preview = ImportPreview()
    start = 2
    if columns["text"] is None:
        # No known header: the first column is the idea, and the first line is one too.
        columns = {"text": 0, "author": None, "colour": None}
        start = 1
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for number, cells in enumerate(reader, start=start):
            if len(preview.rows) + len(preview.problems) >= MAX_ROWS:
                preview.error = _TOO_MANY
                break
            row = {
                name: cells[index].strip()
                for name, index in columns.items()
                if index is not None and index < len(cells)
            }
            if not any(cell.strip() for cell in cells):
                continue
            _add(preview, number, row)
    except csv.Error as exc:
        preview.error = QT_TRANSLATE_NOOP(
            "Import", "The file is not valid CSV: {reason}"
        ).with_params(reason=str(exc))
    if not preview.rows and not preview.problems and preview.error is None:
        preview.error = QT_TRANSLATE_NOOP("Import", "The file holds no ideas.")
    return preview


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    for index, cell in enumerate(header):
        if cell in names:
            return index
    return None


def _add(preview: ImportPreview, number: int, row: dict[str, str]) -> None:
    """Keep the row if a typed note with these values would be accepted; else say why.

    The store's own rules decide (one place says what a valid idea is), so a preview never
    promises rows that the import would then refuse.
    """
    values: dict[str, str] = {"text": row.get("text", "")}
    if row.get("author"):
        values["author"] = row["author"]
    if row.get("colour"):
        values["colour"] = row["colour"]
    problem: Message | None = None
    if not values["text"]:
        problem = QT_TRANSLATE_NOOP("Import", "The idea is empty.")
    else:
        try:
            validate_values("idea", values, creating=False)
        except ValidationError as refused:
            problem = refused.message
    if problem is not None:
        preview.problems.append(RowProblem(number, problem))
    else:
        preview.rows.append(values)
