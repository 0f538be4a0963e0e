"""Ideas from pasted lists and from .txt/.csv files: cleaning, checks, previews, refusals."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from myk10_workshop.board import operations as ops
from myk10_workshop.board.importing import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    ImportPreview,
    parse_csv,
    parse_lines,
    read_import,
    split_lines,
)
from myk10_workshop.board.queries import load_board
from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Batch, Create


def problems(preview: ImportPreview) -> list[tuple[int, str]]:
    return [(problem.line, problem.message.render()) for problem in preview.problems]


def error(preview: ImportPreview) -> str:
    assert preview.error is not None
    text = preview.error.render()
    assert "{" not in text  # every placeholder filled in
    return text


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


# --------------------------------------------------------------------------- split_lines


def test_split_lines_removes_bullets_and_numbers() -> None:
    pasted = "- Rufbus\n• Mitfahrbank\n* Dorf-App\n1. Glasfaser\n2) WLAN am Markt\n12. Carsharing"
    assert split_lines(pasted) == [
        "Rufbus",
        "Mitfahrbank",
        "Dorf-App",
        "Glasfaser",
        "WLAN am Markt",
        "Carsharing",
    ]


def test_split_lines_skips_blank_lines_and_handles_windows_line_ends() -> None:
    pasted = "\r\n  Rufbus  \r\n\r\n\t\r\nMitfahrbank\r\n   \nDorf-App\r"
    assert split_lines(pasted) == ["Rufbus", "Mitfahrbank", "Dorf-App"]


def test_split_lines_keeps_text_that_only_looks_like_a_list() -> None:
    pasted = "E-Bike-Verleih\n-5 % Energie\n2022 war ein gutes Jahr\n3.5 Stellen schaffen\n*Stern"
    assert split_lines(pasted) == [
        "E-Bike-Verleih",
        "-5 % Energie",
        "2022 war ein gutes Jahr",
        "3.5 Stellen schaffen",
        "*Stern",
    ]


def test_split_lines_of_nothing_is_empty() -> None:
    assert split_lines("") == []
    assert split_lines("\n \r\n- \n") == []


# --------------------------------------------------------------------------- parse_lines


def test_parse_lines_one_idea_per_line() -> None:
    preview = parse_lines("- Rufbus\r\n\r\n• Mitfahrbank für Senioren\r\n3) Dorf-App\r\n")
    assert preview.rows == [
        {"text": "Rufbus"},
        {"text": "Mitfahrbank für Senioren"},
        {"text": "Dorf-App"},
    ]
    assert preview.problems == []
    assert preview.error is None


def test_parse_lines_reports_bad_lines_by_their_line_number() -> None:
    preview = parse_lines("Rufbus\n\n" + "x" * 2001 + "\nMitfahr\x07bank\nDorf-App")
    assert preview.rows == [{"text": "Rufbus"}, {"text": "Dorf-App"}]
    assert problems(preview) == [
        (3, "Text is too long: 2001 characters, at most 2000 are allowed."),
        (4, "Text contains invisible control characters."),
    ]


def test_parse_lines_of_an_empty_file_says_so() -> None:
    assert error(parse_lines("\n  \n")) == "The file holds no ideas."


# --------------------------------------------------------------------------- parse_csv


def test_parse_csv_german_excel_with_semicolons_and_a_header() -> None:
    text = (
        "Idee;Autor;Farbe\r\n"
        "Bürgerbüro digital, auch samstags;Jürgen Müller;#ffcc80\r\n"
        "Mehr Radwege;Anna;\r\n"
    )
    preview = parse_csv(text)
    assert preview.rows == [
        {
            "text": "Bürgerbüro digital, auch samstags",
            "author": "Jürgen Müller",
            "colour": "#ffcc80",
        },
        {"text": "Mehr Radwege", "author": "Anna"},
    ]
    assert preview.problems == []
    assert preview.error is None


def test_parse_csv_finds_known_headers_in_any_order_and_case() -> None:
    preview = parse_csv(" FARBE ;Autorin; Beitrag \n#a5d6a7;Eva;Dorfladen\n")
    assert preview.rows == [{"text": "Dorfladen", "author": "Eva", "colour": "#a5d6a7"}]


def test_parse_csv_with_commas_quotes_and_line_breaks_in_cells() -> None:
    text = (
        "text,author,colour\n"
        '"Rufbus, auch am Wochenende",Anna,#90caf9\n'
        '"Er sagte ""Glasfaser!""",Ben,\n'
        '"Erste Zeile\nzweite Zeile",Carla,#ffcc80\n'
        "Dorf-App,Dora,#f48fb1\n"
    )
    preview = parse_csv(text)
    assert [row["text"] for row in preview.rows] == [
        "Rufbus, auch am Wochenende",
        'Er sagte "Glasfaser!"',
        "Erste Zeile\nzweite Zeile",
        "Dorf-App",
    ]
    assert [row["author"] for row in preview.rows] == ["Anna", "Ben", "Carla", "Dora"]
    assert preview.problems == []


def test_parse_csv_without_a_known_header_takes_the_first_column_and_first_line() -> None:
    preview = parse_csv("Rufbus;Anna;#ffcc80\nMitfahrbank;Ben;#90caf9\nDorf-App;;\n")
    assert preview.rows == [{"text": "Rufbus"}, {"text": "Mitfahrbank"}, {"text": "Dorf-App"}]
    assert preview.problems == []


def test_parse_csv_without_a_header_numbers_lines_from_one() -> None:
    preview = parse_csv("Rufbus;Anna\n;Ben\nDorf-App;Carla\n")
    assert preview.rows == [{"text": "Rufbus"}, {"text": "Dorf-App"}]
    assert problems(preview) == [(2, "The idea is empty.")]


def test_parse_csv_rows_shorter_than_the_header_keep_what_they_have() -> None:
    preview = parse_csv("Idee;Autor;Farbe\nRufbus;Anna;#ffcc80\nMitfahrbank;Ben;\nDorf-App;;\n")
    assert preview.rows[2] == {"text": "Dorf-App"}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (";Anna;#ffcc80", "The idea is empty."),
        ("   ;Anna;", "The idea is empty."),
        ("x" * 2001 + ";Anna;", "Text is too long: 2001 characters, at most 2000 are allowed."),
        ("Dorf\x01App;Anna;", "Text contains invisible control characters."),
        ("Dorf-App;Anna;gelb", "Colour must be a colour like #ffcc00."),
        ("Dorf-App;Anna;#ffcc0", "Colour must be a colour like #ffcc00."),
        (
            "Dorf-App;" + "A" * 101 + ";",
            "Author is too long: 101 characters, at most 100 are allowed.",
        ),
    ],
)
def test_parse_csv_reports_a_bad_row_and_keeps_the_good_ones(row: str, message: str) -> None:
    text = f"Idee;Autor;Farbe\nRufbus;Anna;#ffcc80\n{row}\nMitfahrbank;Ben;\n"
    preview = parse_csv(text)
    assert [r["text"] for r in preview.rows] == ["Rufbus", "Mitfahrbank"]
    assert problems(preview) == [(3, message)]
    assert preview.error is None


def test_parse_csv_accepts_the_limits_themselves() -> None:
    text = "Idee;Autor;Farbe\n" + "x" * 2000 + ";" + "A" * 100 + ";#FFCC00\n"
    preview = parse_csv(text)
    assert len(preview.rows) == 1
    assert preview.problems == []


def test_parse_csv_skips_empty_rows_but_keeps_the_line_numbers_right() -> None:
    text = "Idee;Autor\nRufbus;Anna\n;\n\nMitfahrbank;" + "B" * 101 + "\nDorf-App;Carla\n"
    preview = parse_csv(text)
    assert [r["text"] for r in preview.rows] == ["Rufbus", "Dorf-App"]
    assert problems(preview) == [
        (5, "Author is too long: 101 characters, at most 100 are allowed.")
    ]


def test_parse_csv_numbers_rows_as_a_spreadsheet_does() -> None:
    # A cell with a line break is still one row of the sheet.
    text = 'text,author\n"Erste Zeile\nzweite Zeile",Anna\n,Ben\n'
    assert problems(parse_csv(text)) == [(3, "The idea is empty.")]


def test_parse_csv_of_nothing_says_so() -> None:
    assert error(parse_csv("")) == "The file holds no ideas."


def test_parse_csv_that_breaks_off_keeps_the_rows_before() -> None:
    text = 'text\nRufbus\n"' + "a" * 200_000 + "\nBus\n"
    preview = parse_csv(text)
    assert preview.rows == [{"text": "Rufbus"}]
    assert error(preview).startswith("The file is not valid CSV: ")


def test_parse_csv_stops_after_max_rows() -> None:
    text = "Idee\n" + "".join(f"Idee {n}\n" for n in range(MAX_ROWS + 5))
    preview = parse_csv(text)
    assert len(preview.rows) == MAX_ROWS
    assert preview.rows[-1] == {"text": f"Idee {MAX_ROWS - 1}"}
    assert error(preview) == "The file has more than 20,000 ideas; only the first 20,000 were read."


def test_parse_csv_of_exactly_max_rows_reads_them_all() -> None:
    text = "Idee\n" + "".join(f"Idee {n}\n" for n in range(MAX_ROWS))
    preview = parse_csv(text)
    assert len(preview.rows) == MAX_ROWS
    assert preview.error is None


def test_parse_csv_counts_bad_rows_towards_max_rows() -> None:
    text = "Idee;Farbe\n" + "".join(f"Idee {n};rot\n" for n in range(MAX_ROWS + 1))
    preview = parse_csv(text)
    assert len(preview.problems) == MAX_ROWS
    assert preview.rows == []
    assert preview.error is not None


# --------------------------------------------------------------------------- bugs found


def test_single_column_german_csv_keeps_commas_in_the_text() -> None:
    # German Excel separates with ";" and so does not quote a cell with a comma in it.
    text = "Idee\r\nMehr Radwege, bitte\r\nRufbus\r\nBus, Bahn und Rad verknüpfen\r\n"
    preview = parse_csv(text)
    assert [row["text"] for row in preview.rows] == [
        "Mehr Radwege, bitte",
        "Rufbus",
        "Bus, Bahn und Rad verknüpfen",
    ]


def test_german_csv_with_a_quoted_cell_holding_quotes_and_a_comma() -> None:
    # What German Excel writes for the cell  Er sagte "hallo", dann ging er
    text = 'Idee;Autor;Farbe\r\n"Er sagte ""hallo"", dann ging er";Anna;#ffcc80\r\nRufbus;Ben;\r\n'
    preview = parse_csv(text)
    assert preview.rows == [
        {"text": 'Er sagte "hallo", dann ging er', "author": "Anna", "colour": "#ffcc80"},
        {"text": "Rufbus", "author": "Ben"},
    ]


@pytest.mark.parametrize(
    "author",
    ['"Anna\nMüller"', '"Anna\x01"', '"Anna\r\nMüller"'],
    ids=["line break", "control character", "windows line break"],
)
def test_an_author_that_no_note_may_have_is_reported_not_imported(author: str) -> None:
    preview = parse_csv(f"text,author\nRufbus,Ben\nDorf-App,{author}\n")
    assert preview.rows == [{"text": "Rufbus", "author": "Ben"}]
    assert [line for line, _ in problems(preview)] == [3]


def test_csv_with_a_header_and_no_ideas_says_so() -> None:
    assert error(parse_csv("Idee;Autor;Farbe\r\n")) == "The file holds no ideas."


# --------------------------------------------------------------------------- read_import


def test_read_import_of_a_cp1252_csv_from_german_excel(tmp_path: Path) -> None:
    text = (
        "Idee;Autor;Farbe\r\n"
        "Bürgerbüro – digital und barrierefrei;Jürgen Groß;#ffcc80\r\n"
        "Öffnungszeiten à la carte für 5 €;Änne;\r\n"
    )
    path = write(tmp_path, "Ideen.csv", text.encode("cp1252"))
    preview = read_import(path)
    assert preview.error is None
    assert preview.rows == [
        {
            "text": "Bürgerbüro – digital und barrierefrei",
            "author": "Jürgen Groß",
            "colour": "#ffcc80",
        },
        {"text": "Öffnungszeiten à la carte für 5 €", "author": "Änne"},
    ]


def test_read_import_of_a_utf8_csv_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = write(tmp_path, "ideen.CSV", "Idee;Autor\r\nGrüne Welle;Zoë\r\n".encode("utf-8-sig"))
    assert read_import(path).rows == [{"text": "Grüne Welle", "author": "Zoë"}]


def test_read_import_of_a_text_file_one_idea_per_line(tmp_path: Path) -> None:
    path = write(
        tmp_path, "ideen.txt", "- Rufbus\r\n\r\n- Mitfahrbank, überdacht\r\n- Dorf-App\r\n".encode()
    )
    preview = read_import(path)
    assert preview.rows == [
        {"text": "Rufbus"},
        {"text": "Mitfahrbank, überdacht"},
        {"text": "Dorf-App"},
    ]
    assert preview.error is None


def test_read_import_of_a_cp1252_text_file(tmp_path: Path) -> None:
    path = write(tmp_path, "ideen.txt", "Schöne Grüße\nStraße".encode("cp1252"))
    assert read_import(path).rows == [{"text": "Schöne Grüße"}, {"text": "Straße"}]


def test_read_import_refuses_a_spreadsheet_with_a_clear_message(tmp_path: Path) -> None:
    xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)) * 8
    for name in ("Ideen.xlsx", "Ideen.csv", "Ideen.txt"):
        preview = read_import(write(tmp_path, name, xlsx))
        assert preview.rows == []
        assert error(preview) == (
            "The file is not text (perhaps a spreadsheet saved as .xlsx). Save it as CSV or "
            "plain text and try again."
        )


def test_read_import_refuses_a_file_over_5_mb_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "riesig.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    preview = read_import(path)
    assert preview.rows == []
    assert error(preview) == "The file is too big (5.0 MB); at most 5 MB can be imported."

    with path.open("wb") as handle:
        handle.truncate(12_345_678)
    assert error(read_import(path)) == (
        "The file is too big (12.3 MB); at most 5 MB can be imported."
    )


def test_read_import_of_exactly_5_mb_is_read(tmp_path: Path) -> None:
    line = "Idee\n"
    path = write(tmp_path, "gross.txt", (line * (MAX_FILE_BYTES // len(line))).encode())
    assert path.stat().st_size == MAX_FILE_BYTES
    preview = read_import(path)
    assert preview.rows[:2] == [{"text": "Idee"}, {"text": "Idee"}]


def test_read_import_of_a_missing_file_gives_a_message(tmp_path: Path) -> None:
    preview = read_import(tmp_path / "gibt-es-nicht.csv")
    assert preview.rows == []
    assert error(preview).startswith("The file cannot be read: ")
    assert "No such file" in error(preview)


def test_read_import_of_a_folder_gives_a_message(tmp_path: Path) -> None:
    preview = read_import(tmp_path)
    assert error(preview).startswith("The file cannot be read: ")


def test_read_import_of_an_empty_file_says_it_holds_no_ideas(tmp_path: Path) -> None:
    assert error(read_import(write(tmp_path, "leer.csv", b""))) == "The file holds no ideas."
    assert error(read_import(write(tmp_path, "leer.txt", b"\r\n\r\n"))) == (
        "The file holds no ideas."
    )


def test_read_import_stops_a_long_csv_after_max_rows(tmp_path: Path) -> None:
    body = "Idee\n" + "".join(f"Idee {n}\n" for n in range(MAX_ROWS + 1))
    preview = read_import(write(tmp_path, "lang.csv", body.encode()))
    assert len(preview.rows) == MAX_ROWS
    assert error(preview) == "The file has more than 20,000 ideas; only the first 20,000 were read."


def test_read_import_stops_a_long_text_file_after_max_rows(tmp_path: Path) -> None:
    body = "".join(f"Idee {n}\n" for n in range(MAX_ROWS + 1))
    preview = read_import(write(tmp_path, "lang.txt", body.encode()))
    assert len(preview.rows) == MAX_ROWS
    assert error(preview) == "The file has more than 20,000 ideas; only the first 20,000 were read."


# --------------------------------------------------------------------------- into the store


def _board(store: Store) -> uuid.UUID:
    project = Create("project", {"name": "Smarte Region"})
    workshop = Create("workshop", {"project_id": project.id, "title": "Workshop"})
    board = Create("board", {"workshop_id": workshop.id, "title": "Ideen"})
    store.apply(Batch((project, workshop, board), Message("Test", "Test step")))
    return board.id


def test_the_rows_of_a_preview_import_as_notes(store: Store, tmp_path: Path) -> None:
    board_id = _board(store)
    text = (
        "Idee;Autor;Farbe\r\n"
        "Bürgerbüro digital;Jürgen;#FFCC80\r\n"
        "Mehr Radwege;;\r\n"
        '"Zwei\nZeilen";Anna\r\n'
        ";Niemand;\r\n"
    )
    preview = read_import(write(tmp_path, "ideen.csv", text.encode("cp1252")))
    assert len(preview.rows) == 3
    places = [(200.0 * n, 0.0) for n in range(len(preview.rows))]

    store.apply(ops.import_ideas(board_id, preview.rows, places))

    snapshot = store.read(lambda s: load_board(s, board_id))
    assert snapshot is not None
    assert sorted((i.text, i.author, i.colour, i.source) for i in snapshot.ideas) == [
        ("Bürgerbüro digital", "Jürgen", "#FFCC80", "import"),
        ("Mehr Radwege", "", ops.NOTE_COLOURS[0], "import"),
        ("Zwei\nZeilen", "Anna", ops.NOTE_COLOURS[0], "import"),
    ]


def test_every_row_a_preview_accepts_can_be_imported(store: Store) -> None:
    board_id = _board(store)
    preview = parse_csv('text,author\nRufbus,Ben\n"Dorf-App","Anna\nMüller"\n')
    places = [(0.0, 200.0 * n) for n in range(len(preview.rows))]
    store.apply(ops.import_ideas(board_id, preview.rows, places))  # must not be refused
    snapshot = store.read(lambda s: load_board(s, board_id))
    assert snapshot is not None
    assert len(snapshot.ideas) == len(preview.rows)
