"""Tables for spreadsheet programs: CSV as German Excel reads it, and real ``.xlsx`` files.

A :class:`Table` has a title, typed :class:`Column` s and rows of cells. The writers:

* :func:`to_csv_bytes`: UTF-8 with BOM, ``;`` between fields, CRLF, dates ``DD.MM.YYYY``,
  decimal comma: what a double-click in German Excel opens correctly. Text cells that a
  spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab, CR, LF)
  get a leading apostrophe, because the texts come from participants' phones.
* :func:`to_xlsx_bytes`: one worksheet with a bold, frozen header row, an autofilter,
  column widths fitted to the content, real date cells (``dd.mm.yyyy``), numbers as
  numbers and text strictly as text (never a formula or a link), via XlsxWriter.
* :func:`write_table`: either of them to a file, chosen by its suffix, written atomically.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from myk10_workshop.files import write_atomically

Cell = str | int | float | Decimal | date | None
"""One cell: ``str`` (text), ``int`` (integer or number), ``float`` / ``Decimal`` (number),
``date`` (date), or ``None`` (empty, in any column)."""

DATE_FORMAT = "dd.mm.yyyy"
"""The Excel number format of date cells: German day-month-year."""

FALLBACK_SHEET_NAME = "Tabelle1"
"""The sheet name when the title leaves nothing usable (German Excel's own default)."""

MAX_SHEET_NAME = 31
MAX_XLSX_ROWS = 1_048_576
MAX_XLSX_COLUMNS = 16_384
MIN_WIDTH = 6.0
MAX_WIDTH = 60.0
"""Column widths in characters; longer text wraps within the column."""
PORTRAIT_WIDTH = 95.0
"""Wider tables (sum of column widths, in characters) are printed in landscape."""

_FORMULA_TRIGGERS = frozenset("=+-@\t\r\n＝＋－＠")
_SHEET_NAME_FIXES = str.maketrans({"[": "(", "]": ")", ":": "-", "/": "-", "\\": "-",
                                   "*": "", "?": ""})


class ColumnKind(StrEnum):
    """What a column holds; it decides how its cells are written and checked."""

    TEXT = "text"
    INTEGER = "integer"
    DATE = "date"
    NUMBER = "number"


@dataclass(frozen=True)
class Column:
    """A column's header, kind and presentation.

    ``decimals`` (number columns) fixes the digits after the comma; ``None`` writes the
    number as it is. ``width`` (``.xlsx``, in characters) overrides the fitted width.
    """

    title: str
    kind: ColumnKind = ColumnKind.TEXT
    decimals: int | None = None
    width: float | None = None

    def __post_init__(self) -> None:
        if self.decimals is not None and not 0 <= self.decimals <= 15:
            raise ValueError(f"decimals must be between 0 and 15, not {self.decimals}")
        if self.decimals is not None and self.kind is not ColumnKind.NUMBER:
            raise ValueError("decimals apply to number columns only")
        if self.width is not None and not 0 < self.width <= 255:
            raise ValueError(f"width must be between 0 and 255, not {self.width}")


@dataclass(frozen=True)
class Table:
    """A titled table: every row has one cell per column, of the column's kind or ``None``.

    Checked on creation: :class:`TypeError` for a cell of the wrong type, :class:`ValueError`
    for a row of the wrong length or a number that is not finite.
    """

    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]

    def __post_init__(self) -> None:
        if not self.columns:
            raise ValueError("a table needs at least one column")
        width = len(self.columns)
        for index, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(f"row {index} has {len(row)} cells for {width} columns")
            for column, value in zip(self.columns, row, strict=True):
                _check(column, value, index)


def _check(column: Column, value: Cell, row: int) -> None:
    if value is None:
        return
    if not _fits(column.kind, value):
        raise TypeError(f"row {row}, column {column.title!r} ({column.kind}): "
                        f"{type(value).__name__} {value!r} does not fit")
    if isinstance(value, float | Decimal) and not math.isfinite(value):
        raise ValueError(f"row {row}, column {column.title!r}: {value} is not finite")


def _fits(kind: ColumnKind, value: Cell) -> bool:
    if isinstance(value, bool):  # an int, but never meant as a number
        return False
    if kind is ColumnKind.TEXT:
        return isinstance(value, str)
    if kind is ColumnKind.INTEGER:
        return isinstance(value, int)
    if kind is ColumnKind.DATE:
        return isinstance(value, date) and not isinstance(value, datetime)
    return isinstance(value, int | float | Decimal)


# -- CSV ------------------------------------------------------------------------------------

def to_csv_bytes(table: Table) -> bytes:
    """The table as CSV for German Excel: UTF-8 with BOM, ``;``, CRLF, ``DD.MM.YYYY``,
    decimal comma, the header first, formula-like text neutralised.

    Empty cells are empty fields; fields with ``;``, quotes or line breaks are quoted.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", quotechar='"', lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(column.title) for column in table.columns])
    columns = table.columns
    for row in table.rows:
        writer.writerow([_csv_field(column, value)
                         for column, value in zip(columns, row, strict=True)])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def neutralise(text: str) -> str:
    """``text`` with a leading apostrophe if a spreadsheet could take it for a formula.

    That is text starting with ``=``, ``+``, ``-``, ``@`` (or their full-width forms), tab,
    CR or LF, also after leading spaces (OWASP, "CSV injection").
    """
    if text[:1] in _FORMULA_TRIGGERS or text.lstrip(" \u00a0")[:1] in _FORMULA_TRIGGERS:
        return "'" + text
    return text


def format_date(day: date) -> str:
    """``DD.MM.YYYY``, the German date."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def format_number(value: int | float | Decimal, decimals: int | None = None) -> str:
    """A number with a decimal comma and no thousands separator, never in exponent form.

    With ``decimals`` rounded half away from zero (as Excel shows it); without, floats are
    written with the shortest digits that read back as the same float (``0.1``: ``0,1``).
    """
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format(number, "f")
    if isinstance(value, float) and decimals is None and "." in text:
        text = text.rstrip("0").rstrip(".")  # repr's "5.0"; a Decimal keeps its digits
    return text.replace(".", ",")


def _csv_field(column: Column, value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, date):
        return format_date(value)
    return format_number(value, column.decimals)


# -- XLSX -----------------------------------------------------------------------------------

def to_xlsx_bytes(table: Table) -> bytes:
    """The table as an ``.xlsx`` workbook with one sheet named after the title.

    Row 1 is the bold header, frozen and with an autofilter (and repeated on every printed
    page); text is written as text only, dates as date cells, numbers as numbers.
    """
    import xlsxwriter  # type: ignore[import-untyped]  # no type information shipped

    if len(table.rows) + 1 > MAX_XLSX_ROWS:
        raise ValueError(f"{len(table.rows)} rows do not fit in one worksheet")
    if len(table.columns) > MAX_XLSX_COLUMNS:
        raise ValueError(f"{len(table.columns)} columns do not fit in one worksheet")
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {
        "in_memory": True,
        # Only write() would convert strings; these keep it off even if someone uses it.
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    })
    workbook.set_properties({"title": table.title})
    sheet = workbook.add_worksheet(sheet_name(table.title))
    header = workbook.add_format({"bold": True, "bottom": 1, "valign": "top",
                                  "text_wrap": True})
    total_width = 0.0
    for index, column in enumerate(table.columns):
        width, wrap = _fitted_width(table, index)
        total_width += width
        sheet.set_column(index, index, width)
        sheet.write_string(0, index, column.title, header)
        _write_column(sheet, table, index, _cell_format(workbook, column, wrap))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    sheet.repeat_rows(0)
    sheet.set_paper(9)  # A4
    if total_width > PORTRAIT_WIDTH:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # as wide as one page, as long as it takes
    workbook.close()
    return buffer.getvalue()


def sheet_name(title: str) -> str:
    """A valid worksheet name for ``title``.

    Excel allows at most 31 characters (UTF-16 units), none of ``[]:*?/\\``, no apostrophe
    at either end, not the reserved ``History``; brackets become parentheses, ``:/\\``
    dashes, ``*?`` are dropped, control characters too.
    """
    name = " ".join(title.translate(_SHEET_NAME_FIXES).split())  # tabs, line breaks too
    name = "".join(c for c in name if c.isprintable())
    units = 0
    for end, char in enumerate(name):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > MAX_SHEET_NAME:
            name = name[:end]
            break
    name = name.strip(" '")
    if not name:
        return FALLBACK_SHEET_NAME
    if name.casefold() == "history":
        return f"{name}_"
    return name


def _cell_format(workbook: Any, column: Column, wrap: bool) -> Any:
    properties: dict[str, Any] = {"valign": "top"}
    if column.kind is ColumnKind.TEXT:
        properties["text_wrap"] = wrap
    elif column.kind is ColumnKind.INTEGER:
        properties["num_format"] = "0"
    elif column.kind is ColumnKind.DATE:
        properties["num_format"] = DATE_FORMAT
    elif column.decimals is not None:
        properties["num_format"] = "0." + "0" * column.decimals if column.decimals else "0"
    return workbook.add_format(properties)


def _write_column(sheet: Any, table: Table, index: int, cell_format: Any) -> None:
    kind = table.columns[index].kind
    if kind is ColumnKind.TEXT:
        write = sheet.write_string  # never a formula, a number or a link
    elif kind is ColumnKind.DATE:
        write = sheet.write_datetime
    else:
        write = _number_writer(sheet)
    for row_number, row in enumerate(table.rows, start=1):
        value = row[index]
        if value is not None:
            write(row_number, index, value, cell_format)


def _number_writer(sheet: Any) -> Any:
    def write(row: int, column: int, value: int | float | Decimal, cell_format: Any) -> None:
        sheet.write_number(row, column, float(value) if isinstance(value, Decimal) else value,
                           cell_format)
    return write


def _fitted_width(table: Table, index: int) -> tuple[float, bool]:
    """The column's width in characters and whether its text must wrap to fit."""
    column = table.columns[index]
    # The header is bold and shares its cell with the autofilter button.
    wanted = max((len(line) for line in column.title.splitlines()), default=0) + 3
    for row in table.rows:
        value = row[index]
        if value is None:
            continue
        if isinstance(value, str):
            length = max((len(line) for line in value.splitlines()), default=0)
        elif isinstance(value, date):
            length = 10
        else:
            length = len(format_number(value, column.decimals))
        wanted = max(wanted, length)
    if column.width is not None:
        return column.width, column.kind is ColumnKind.TEXT and wanted > column.width
    fitted = min(max(wanted + 1.0, MIN_WIDTH), MAX_WIDTH)
    return fitted, wanted + 1.0 > MAX_WIDTH


# -- files ----------------------------------------------------------------------------------

def write_table(path: Path, table: Table) -> Path:
    """Write ``table`` to ``path`` as CSV or XLSX (by the suffix, ``.csv`` or ``.xlsx``),
    atomically, and return ``path``.

    :class:`ValueError` for another suffix (nothing written); :class:`OSError` on failure,
    with ``path`` as it was before.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = to_csv_bytes(table)
    elif suffix == ".xlsx":
        data = to_xlsx_bytes(table)
    else:
        raise ValueError(f"unknown table format {path.suffix!r}; use .csv or .xlsx")
    write_atomically(path, data)
    return path
