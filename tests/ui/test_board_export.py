"""Board exports: PNG, SVG and PDF files that open, show every note, and are written
atomically."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSizeF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsItem
from pytestqt.qtbot import QtBot

from myk10_workshop.board.layout import NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.board.queries import ClusterView, IdeaView
from myk10_workshop.store.schema import IdeaState
from myk10_workshop.ui.board.export import (
    export_pdf,
    export_png,
    export_rect,
    export_svg,
    png_size,
)
from myk10_workshop.ui.board.scene import BoardScene
from myk10_workshop.ui.board.view import BoardView

SVG = "{http://www.w3.org/2000/svg}"
NOTE_COLOUR = "#fff59d"
TEXTS = ("Größere Bürgerbüros für Ältere", "Radweg nach Mayen", "Glasfaser überall",
         "Carsharing im Dorf", "Fernab: Übernachtung am Laacher See")


def _idea(text: str, x: float, y: float, cluster: uuid.UUID | None = None) -> IdeaView:
    return IdeaView(uuid.uuid4(), text, NOTE_COLOUR, x, y, cluster, None, "Jörg", "typed",
                    IdeaState.BOARD.value, dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.UTC))


@pytest.fixture
def scene(qapp: object) -> BoardScene:
    """A frame with three notes, one loose note, and one far away from the others."""
    board = BoardScene()
    frame = ClusterView(uuid.uuid4(), "Mobilität & Dörfer", "#90caf9", 0.0, 0.0, 620.0,
                        360.0, False)
    ideas = [_idea(TEXTS[0], 20.0, 76.0, frame.id), _idea(TEXTS[1], 220.0, 76.0, frame.id),
             _idea(TEXTS[2], 420.0, 76.0, frame.id), _idea(TEXTS[3], 0.0, 420.0),
             _idea(TEXTS[4], 2400.0, 900.0)]
    board.update_rows(ideas, [frame])
    return board


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_png_shows_the_whole_board_at_scale(tmp_path: Path, scene: BoardScene) -> None:
    target = tmp_path / "board.png"
    size = export_png(scene, target)
    image = QImage(str(target))
    assert not image.isNull()
    assert image.size() == size
    source = export_rect(scene)
    assert source.contains(scene.content_rect())
    assert size.width() == pytest.approx(source.width(), abs=1)
    assert size.height() == pytest.approx(source.height(), abs=1)
    # Not blank: the far-away note is there, in its colour, where the board has it.
    far = next(note for note in scene.notes.values() if note.idea.text == TEXTS[4])
    spot = far.scenePos() + QPointF(NOTE_WIDTH - 20.0, NOTE_HEIGHT / 2) - source.topLeft()
    assert image.pixelColor(spot.toPoint()) == QColor(NOTE_COLOUR)
    corner = image.pixelColor(2, 2)
    assert corner == QColor("#f4f1ea")  # the board's own background
    assert len({image.pixel(x, y) for x in range(0, image.width(), 7)
                for y in range(0, image.height(), 7)}) > 10

    double = export_png(scene, tmp_path / "double.png", scale=2.0)
    assert double.width() == pytest.approx(2 * size.width(), abs=2)


def test_png_is_shrunk_to_the_pixel_limit_keeping_its_shape(tmp_path: Path,
                                                            scene: BoardScene) -> None:
    size = export_png(scene, tmp_path / "small.png", max_pixels=50_000, scale=3.0)
    source = export_rect(scene)
    assert size.width() * size.height() <= 50_000
    assert size.width() * size.height() > 49_000
    assert size.width() / size.height() == pytest.approx(
        source.width() / source.height(), rel=0.01)
    assert QImage(str(tmp_path / "small.png")).size() == size
    thin = png_size(QSizeF(10_000.0, 10.0), 1.0, 100)
    assert (thin.width(), thin.height()) == (100, 1)
    with pytest.raises(ValueError, match="scale"):
        png_size(QSizeF(10.0, 10.0), 0.0, 100)


def test_svg_is_a_drawing_with_the_notes_as_text(tmp_path: Path, scene: BoardScene) -> None:
    target = tmp_path / "board.svg"
    export_svg(scene, target, "Ideen für Mayen-Koblenz")
    root = ET.parse(target).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == "Ideen für Mayen-Koblenz"
    # Text stays text (one element per line of a note), umlauts intact; no bitmaps.
    words = _words(" ".join(element.text or "" for element in root.iter(f"{SVG}text")))
    for text in TEXTS:
        for word in _words(text):
            assert word in words
    assert "Mobilität" in words
    assert not list(root.iter(f"{SVG}image"))


def test_pdf_is_one_a3_landscape_page_of_vectors(tmp_path: Path, scene: BoardScene) -> None:
    target = tmp_path / "board.pdf"
    assert export_pdf(scene, target, "Ideen für Mayen-Koblenz") == 1
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 1024
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1
    # A3 landscape in points: 1190.55 x 841.89.
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    assert float(box.group(1)) == pytest.approx(1190.55, abs=1.0)
    assert float(box.group(2)) == pytest.approx(841.89, abs=1.0)
    assert b"/Subtype /Image" not in data  # vectors and text, no bitmaps of notes


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdf_text_reads_back_with_umlauts(tmp_path: Path, scene: BoardScene) -> None:
    target = tmp_path / "board.pdf"
    export_pdf(scene, target, "Ideen für Mayen-Koblenz")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, check=True,
                          encoding="utf-8").stdout
    words = _words(text)
    for phrase in (*TEXTS, "Ideen für Mayen-Koblenz"):
        for word in _words(phrase):
            assert word in words


def test_exports_use_the_facilitators_look_and_leave_the_board_as_it_was(
        qtbot: QtBot, tmp_path: Path, scene: BoardScene) -> None:
    view = BoardView(scene)  # the facilitator looks at one corner only
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    view.set_zoom(2.0)
    view.centerOn(0.0, 0.0)
    private = next(note for note in scene.notes.values() if note.idea.text == TEXTS[3])
    scene.update_rows([dataclasses.replace(private.idea, state=IdeaState.PRIVATE.value)], [])
    chosen = next(note for note in scene.notes.values() if note.idea.text == TEXTS[1])
    chosen.setSelected(True)
    selections: list[int] = []
    scene.selectionChanged.connect(lambda: selections.append(1))

    export_svg(scene, tmp_path / "board.svg", "Board")

    words = _words(" ".join(element.text or "" for element in
                            ET.parse(tmp_path / "board.svg").getroot().iter(f"{SVG}text")))
    assert "Carsharing" in words  # private notes are the facilitator's to export
    assert "Übernachtung" in words  # off-screen notes too
    assert scene.selectedItems() == [chosen]
    assert selections == []
    assert chosen.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache


def test_an_empty_board_exports_a_blank_sheet(tmp_path: Path, qapp: object) -> None:
    size = export_png(BoardScene(), tmp_path / "empty.png")
    assert not size.isEmpty()
    assert not QImage(str(tmp_path / "empty.png")).isNull()


Exporter = Callable[[BoardScene, Path], object]
EXPORTERS: dict[str, Exporter] = {
    "png": lambda scene, path: export_png(scene, path),
    "svg": lambda scene, path: export_svg(scene, path, "Board"),
    "pdf": lambda scene, path: export_pdf(scene, path, "Board"),
}


@pytest.mark.parametrize("kind", sorted(EXPORTERS))
def test_a_failed_write_raises_and_leaves_nothing_behind(tmp_path: Path, scene: BoardScene,
                                                         kind: str) -> None:
    export = EXPORTERS[kind]
    with pytest.raises(FileNotFoundError):
        export(scene, tmp_path / "missing" / f"board.{kind}")
    occupied = tmp_path / f"board.{kind}"
    occupied.mkdir()  # a folder where the file should go: the final rename fails
    with pytest.raises(OSError):
        export(scene, occupied)
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"board.{kind}"]
    assert list(occupied.iterdir()) == []


@pytest.mark.parametrize("kind", sorted(EXPORTERS))
def test_an_export_replaces_the_old_file_whole(tmp_path: Path, scene: BoardScene,
                                               kind: str) -> None:
    target = tmp_path / f"board.{kind}"
    target.write_bytes(b"old export")
    EXPORTERS[kind](scene, target)
    assert target.read_bytes() != b"old export"
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"board.{kind}"]
