"""The table writers, read back as the spreadsheet programs would: CSV with the csv module,
XLSX with openpyxl."""

from __future__ import annotations

import csv
import io
import os
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from myk10_workshop.reports.tables import (
    Cell,
    Column,
    ColumnKind,
    Table,
    format_date,
    format_number,
    neutralise,
    sheet_name,
    to_csv_bytes,
    to_xlsx_bytes,
    write_table,
)

BOM = b"\xef\xbb\xbf"
COLUMNS = [
    Column("Maßnahme"),
    Column("Stimmen", ColumnKind.INTEGER),
    Column("Fällig am", ColumnKind.DATE),
    Column("Kosten (€)", ColumnKind.NUMBER, decimals=2),
    Column("Anteil", ColumnKind.NUMBER),
]
ROWS: list[list[Cell]] = [
    ["Radweg an der Hauptstraße", 12, date(2026, 3, 29), 1234.5, 0.25],
    ["Bücherei länger öffnen; auch sonntags", 0, date(2026, 10, 25), Decimal("99.999"), -2.5],
    ["Treffpunkt für Jugendliche 🎉\nmit Dach", -3, None, None, None],
]


def sample(rows: list[list[Cell]] | None = None) -> Table:
    return Table("Maßnahmen", COLUMNS, ROWS if rows is None else rows)


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM):].decode("utf-8"), newline=""),
                           delimiter=";"))


def read_xlsx(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data)).active


def xlsx_values(data: bytes) -> list[list[Any]]:
    return [list(row) for row in read_xlsx(data).iter_rows(values_only=True)]


def files(folder: Path) -> list[str]:
    """Every name in ``folder``, hidden temporary files included."""
    return sorted(path.name for path in folder.iterdir())


# -- CSV ---------------------------------------------------------------------------------------

def test_csv_is_utf8_with_bom_semicolons_and_crlf() -> None:
    data = to_csv_bytes(sample())
    assert data.startswith(BOM + "Maßnahme;Stimmen;Fällig am;Kosten (€);Anteil\r\n".encode())
    body = data[len(BOM):]
    assert body.endswith(b"\r\n")
    # every record ends with CRLF; the only other line break is the one inside quotes
    assert body.count(b"\r\n") == 4
    assert body.count(b"\n") == 5
    assert b'"Treffpunkt f\xc3\xbcr Jugendliche \xf0\x9f\x8e\x89\nmit Dach"' in body


def test_csv_values_in_german_notation() -> None:
    assert read_csv(to_csv_bytes(sample())) == [
        ["Maßnahme", "Stimmen", "Fällig am", "Kosten (€)", "Anteil"],
        ["Radweg an der Hauptstraße", "12", "29.03.2026", "1234,50", "0,25"],
        ["Bücherei länger öffnen; auch sonntags", "0", "25.10.2026", "100,00", "-2,5"],
        ["Treffpunkt für Jugendliche 🎉\nmit Dach", "-3", "", "", ""],
    ]


def test_csv_quotes_separators_quotes_and_line_breaks() -> None:
    texts = ['a;b', 'er sagte "ja"', "zwei\r\nZeilen", "  Leerzeichen  ", ""]
    table = Table("T", [Column("Text")], [[value] for value in texts])
    assert [row[0] for row in read_csv(to_csv_bytes(table))[1:]] == texts


@pytest.mark.parametrize("dangerous", [
    "=1+1",
    "=HYPERLINK(\"http://evil.example\";\"Klick\")",
    "+49 171 1234567",
    "-5",
    "- mehr Radwege",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "   =1+1",
    "\u00a0@x",
    "＝1+1",
])
def test_csv_neutralises_formula_injection(dangerous: str) -> None:
    table = Table("T", [Column(dangerous), Column("Zahl", ColumnKind.NUMBER)],
                  [[dangerous, -1.5]])
    header, row = read_csv(to_csv_bytes(table))
    assert header[0] == "'" + dangerous
    assert row == ["'" + dangerous, "-1,5"]  # numbers are ours: a minus stays a minus


@pytest.mark.parametrize("harmless", ["Radweg", "E-Mail an alle", "a=b", "1+1", "", " ",
                                      "'zitiert'", "#Hashtag", "50 %"])
def test_csv_leaves_harmless_text_alone(harmless: str) -> None:
    assert neutralise(harmless) == harmless
    table = Table("T", [Column("Text")], [[harmless]])
    assert read_csv(to_csv_bytes(table))[1] == [harmless]


def test_csv_of_an_empty_table_is_the_header() -> None:
    data = to_csv_bytes(Table("Leer", COLUMNS, []))
    assert read_csv(data) == [[column.title for column in COLUMNS]]
    assert data.endswith(b"Anteil\r\n")


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (0, None, "0"),
    (1234567, None, "1234567"),
    (-3, None, "-3"),
    (0.1, None, "0,1"),
    (0.1 + 0.2, None, "0,30000000000000004"),
    (5.0, None, "5"),
    (1e20, None, "100000000000000000000"),
    (1.5e-7, None, "0,00000015"),
    (-2.5, None, "-2,5"),
    (Decimal("1.50"), None, "1,50"),
    (Decimal("1E+3"), None, "1000"),
    (0.125, 2, "0,13"),
    (2.675, 2, "2,68"),
    (-0.125, 2, "-0,13"),
    (7, 2, "7,00"),
    (1234.5, 0, "1235"),
    (Decimal("99.999"), 1, "100,0"),
])
def test_format_number(value: int | float | Decimal, decimals: int | None, text: str) -> None:
    assert format_number(value, decimals) == text


@pytest.mark.parametrize(("day", "text"), [
    (date(2026, 3, 9), "09.03.2026"),
    (date(2026, 12, 31), "31.12.2026"),
    (date(999, 1, 2), "02.01.0999"),
])
def test_format_date(day: date, text: str) -> None:
    assert format_date(day) == text


# -- XLSX --------------------------------------------------------------------------------------

def test_xlsx_header_is_bold_frozen_and_filtered() -> None:
    sheet = read_xlsx(to_xlsx_bytes(sample()))
    assert sheet.title == "Maßnahmen"
    assert [cell.value for cell in sheet[1]] == [column.title for column in COLUMNS]
    assert all(cell.font.b for cell in sheet[1])
    assert not any(cell.font.b for cell in sheet[2])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E4"
    assert sheet.print_title_rows == "$1:$1"


def test_xlsx_values_and_types() -> None:
    data = to_xlsx_bytes(sample())
    assert xlsx_values(data)[1:] == [
        ["Radweg an der Hauptstraße", 12, datetime(2026, 3, 29), 1234.5, 0.25],
        ["Bücherei länger öffnen; auch sonntags", 0, datetime(2026, 10, 25), 99.999, -2.5],
        ["Treffpunkt für Jugendliche 🎉\nmit Dach", -3, None, None, None],
    ]
    sheet = read_xlsx(data)
    name, votes, due, cost, share = sheet[2]
    assert name.data_type == "s"
    assert votes.data_type == "n" and isinstance(votes.value, int)
    assert votes.number_format == "0"
    assert due.is_date and due.number_format == "dd.mm.yyyy"
    assert cost.data_type == "n" and cost.number_format == "0.00"
    assert share.data_type == "n" and share.number_format == "General"


@pytest.mark.parametrize("value", [
    "=1+1", "+49 171 1234567", "-5", "@SUM(A1)", "0049 171", "1e5", "29.03.2026", "TRUE",
    "https://example.org/abstimmung", "mailto:a@example.org", "#NV", "'zitiert",
])
def test_xlsx_text_stays_text_exactly(value: str) -> None:
    data = to_xlsx_bytes(Table("T", [Column("Text")], [[value]]))
    cell = read_xlsx(data)["A2"]
    assert cell.data_type == "s"
    assert cell.value == value  # no apostrophe needed: a string cell is never a formula
    assert cell.hyperlink is None


def test_xlsx_column_widths_fit_the_content() -> None:
    long_text = "Sehr lange Beschreibung einer Maßnahme " * 6
    table = Table("T", [Column("Nr", ColumnKind.INTEGER), Column("Titel"),
                        Column("Beschreibung"), Column("Datum", ColumnKind.DATE),
                        Column("Fest", width=20)],
                  [[1, "Radweg an der Hauptstraße", long_text, date(2026, 1, 1), "x"]])
    sheet = read_xlsx(to_xlsx_bytes(table))
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDE"}
    assert 5 <= widths["A"] < 10
    assert len("Radweg an der Hauptstraße") < widths["B"] < 35
    assert widths["C"] == pytest.approx(60, abs=1)
    assert 10 < widths["D"] < 16
    assert widths["E"] == pytest.approx(20, abs=1)
    assert sheet["C2"].alignment.wrap_text
    assert not sheet["B2"].alignment.wrap_text


def test_xlsx_of_an_empty_table_is_the_header() -> None:
    data = to_xlsx_bytes(Table("Leer", COLUMNS, []))
    assert xlsx_values(data) == [[column.title for column in COLUMNS]]
    assert read_xlsx(data).auto_filter.ref == "A1:E1"


def test_xlsx_workbook_title_property() -> None:
    data = to_xlsx_bytes(Table("Ergebnisse: Runde 1/2", [Column("A")], []))
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.properties.title == "Ergebnisse: Runde 1/2"
    assert workbook.sheetnames == ["Ergebnisse- Runde 1-2"]


@pytest.mark.parametrize(("title", "name"), [
    ("Maßnahmen", "Maßnahmen"),
    ("Ergebnisse [Entwurf]", "Ergebnisse (Entwurf)"),
    ("Runde 1/2: Was? Wer*", "Runde 1-2- Was Wer"),
    ("a\\b", "a-b"),
    ("Eine sehr lange Überschrift für die Tabelle der Maßnahmen",
     "Eine sehr lange Überschrift für"),
    ("'zitiert'", "zitiert"),
    ("Tab\tund\nZeile", "Tab und Zeile"),
    ("", "Tabelle1"),
    ("???", "Tabelle1"),
    ("History", "History_"),
    ("history", "history_"),
    ("🎉" * 20, "🎉" * 15),
    ("x" * 30 + " 'y", "x" * 30),
])
def test_sheet_name(title: str, name: str) -> None:
    assert sheet_name(title) == name
    data = to_xlsx_bytes(Table(title, [Column("A")], []))
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == [name]


# -- validation --------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "value"), [
    (ColumnKind.TEXT, 5),
    (ColumnKind.INTEGER, "5"),
    (ColumnKind.INTEGER, 5.0),
    (ColumnKind.INTEGER, True),
    (ColumnKind.NUMBER, False),
    (ColumnKind.NUMBER, "1,5"),
    (ColumnKind.DATE, datetime(2026, 3, 29, 10, 0)),
    (ColumnKind.DATE, "29.03.2026"),
])
def test_cells_of_the_wrong_type_are_refused(kind: ColumnKind, value: Any) -> None:
    with pytest.raises(TypeError, match="row 1"):
        Table("T", [Column("A", kind)], [[None], [value]])


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), Decimal("NaN")])
def test_numbers_must_be_finite(value: float | Decimal) -> None:
    with pytest.raises(ValueError, match="finite"):
        Table("T", [Column("A", ColumnKind.NUMBER)], [[value]])


def test_rows_must_match_the_columns() -> None:
    with pytest.raises(ValueError, match="row 0 has 1 cells for 2 columns"):
        Table("T", [Column("A"), Column("B")], [["x"]])
    with pytest.raises(ValueError, match="at least one column"):
        Table("T", [], [])


def test_column_options_are_checked() -> None:
    with pytest.raises(ValueError, match="number columns"):
        Column("A", ColumnKind.TEXT, decimals=2)
    with pytest.raises(ValueError, match="decimals"):
        Column("A", ColumnKind.NUMBER, decimals=-1)
    with pytest.raises(ValueError, match="width"):
        Column("A", width=0)


def test_none_is_an_empty_cell_in_every_kind() -> None:
    table = Table("T", [Column(kind.value, kind) for kind in ColumnKind],
                  [[None] * len(ColumnKind)])
    assert read_csv(to_csv_bytes(table))[1] == [""] * len(ColumnKind)
    assert xlsx_values(to_xlsx_bytes(table)) == [[kind.value for kind in ColumnKind]]


# -- size --------------------------------------------------------------------------------------

def test_ten_thousand_rows_in_reasonable_time() -> None:
    rows: list[list[Cell]] = [
        [f"Idee Nummer {n} – Grünfläche, Bänke; Bäume", n, date(2026, 1 + n % 12, 1 + n % 28),
         n / 7, None if n % 3 else -n]
        for n in range(10_000)]
    started = time.perf_counter()
    table = sample(rows)
    csv_data = to_csv_bytes(table)
    xlsx_data = to_xlsx_bytes(table)
    assert time.perf_counter() - started < 10
    records = read_csv(csv_data)
    assert len(records) == 10_001
    assert records[7001] == ["Idee Nummer 7000 – Grünfläche, Bänke; Bäume", "7000",
                             "01.05.2026", "1000,00", ""]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_data), read_only=True).active
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 10_001
    assert values[10_000] == ("Idee Nummer 9999 – Grünfläche, Bänke; Bäume", 9999,
                              datetime(2026, 4, 4), pytest.approx(9999 / 7), -9999)


# -- files -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["massnahmen.csv", "Massnahmen.CSV"])
def test_write_table_csv(tmp_path: Path, name: str) -> None:
    path = write_table(tmp_path / name, sample())
    assert path.read_bytes() == to_csv_bytes(sample())
    assert files(tmp_path) == [name]


@pytest.mark.parametrize("name", ["massnahmen.xlsx", "Massnahmen.XLSX"])
def test_write_table_xlsx(tmp_path: Path, name: str) -> None:
    path = write_table(tmp_path / name, sample())
    assert xlsx_values(path.read_bytes()) == xlsx_values(to_xlsx_bytes(sample()))
    assert files(tmp_path) == [name]


@pytest.mark.parametrize("name", ["massnahmen.xls", "massnahmen.txt", "massnahmen"])
def test_write_table_refuses_other_formats_and_writes_nothing(tmp_path: Path,
                                                             name: str) -> None:
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        write_table(tmp_path / name, sample())
    assert files(tmp_path) == []


def test_write_table_replaces_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "massnahmen.csv"
    path.write_bytes(b"old")

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_table(path, sample())
    monkeypatch.undo()
    assert path.read_bytes() == b"old"
    assert files(tmp_path) == ["massnahmen.csv"]
    write_table(path, sample())
    assert read_csv(path.read_bytes())[1][0] == "Radweg an der Hauptstraße"
