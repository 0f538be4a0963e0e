"""The minimap: an overview in the corner of the board view that steers the view."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
import uuid

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from myk10_workshop.board.layout import NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.board.queries import ClusterView, IdeaView
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.board.minimap import CORNER_MARGIN, MINIMAP_SIZE, Minimap
from myk10_workshop.ui.board.scene import BoardScene
from myk10_workshop.ui.board.view import BoardView

COLOURS = ("#fff59d", "#a5d6a7", "#90caf9", "#f48fb1")


def _grid(count: int, columns: int, text: str = "Idee") -> list[IdeaView]:
    """``count`` notes in rows of ``columns``, 200 x 140 board units apart."""
    created = dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.UTC)
    return [IdeaView(uuid.uuid4(), f"{text} {index}", COLOURS[index % len(COLOURS)],
                     (index % columns) * 200.0, (index // columns) * 140.0, None, None, "",
                     "typed", "board", created)
            for index in range(count)]


@pytest.fixture
def view(qtbot: QtBot, english: Translations) -> BoardView:
    board_view = BoardView(BoardScene())
    qtbot.addWidget(board_view)
    board_view.resize(800, 600)
    board_view.show()
    qtbot.waitExposed(board_view)
    return board_view


@pytest.fixture
def minimap(view: BoardView) -> Minimap:
    view.board.update_rows(_grid(200, 20), [])  # 4000 x 1400 board units
    made = Minimap(view)
    view.set_zoom(1.0)
    view.centerOn(0.0, 0.0)
    return made


def _centre_gap(view: BoardView, point: QPointF) -> float:
    return (view.visible_scene_rect().center() - point).manhattanLength()


def test_the_minimap_hides_while_the_board_is_empty(qtbot: QtBot, view: BoardView) -> None:
    minimap = Minimap(view)
    assert minimap.view() is view and view.overlay is minimap
    assert not minimap.isVisible()
    view.board.update_rows(_grid(3, 3), [])
    qtbot.waitUntil(minimap.isVisible)
    view.board.remove(list(view.board.notes), [])
    qtbot.waitUntil(lambda: not minimap.isVisible())


def test_switched_off_it_stays_hidden(minimap: Minimap) -> None:
    assert minimap.isVisible()
    minimap.set_wanted(False)
    assert not minimap.isVisible() and not minimap.is_wanted()
    minimap.set_wanted(True)
    assert minimap.isVisible()


def test_a_click_in_the_middle_centres_the_view_on_the_middle_of_the_board(
        qtbot: QtBot, minimap: Minimap, view: BoardView) -> None:
    content = view.board.content_rect()
    # Board units per minimap pixel.
    unit = minimap.scene_point(QPointF(1.0, 0.0)).x() - minimap.scene_point(QPointF()).x()
    assert unit > 1.0
    assert _centre_gap(view, content.center()) > 1000
    middle = QPoint(minimap.width() // 2, minimap.height() // 2)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=minimap.pos() + middle)
    # Within about a pixel of the minimap: the click lands on whole pixels.
    assert _centre_gap(view, content.center()) < 2 * unit + 4.0
    assert minimap.scene_point(QPointF(middle)).x() == pytest.approx(
        content.center().x(), abs=unit)


def test_dragging_in_the_minimap_pans_the_view(minimap: Minimap, view: BoardView) -> None:
    start, end = QPoint(60, 75), QPoint(160, 75)
    port, corner = view.viewport(), minimap.pos()
    QTest.mousePress(port, Qt.MouseButton.LeftButton, pos=corner + start)
    assert _centre_gap(view, minimap.scene_point(QPointF(start))) < 30.0
    QTest.mouseMove(port, corner + end)
    assert _centre_gap(view, minimap.scene_point(QPointF(end))) < 30.0
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, pos=corner + end)
    QTest.mouseMove(port, corner + start)  # released: moving no longer pans
    assert _centre_gap(view, minimap.scene_point(QPointF(end))) < 30.0


def test_the_viewport_marker_follows_pan_and_zoom(minimap: Minimap, view: BoardView) -> None:
    view.centerOn(view.board.content_rect().center())
    before = minimap.viewport_marker()
    shown = view.visible_scene_rect()
    assert before.topLeft().x() == pytest.approx(minimap.map_point(shown.topLeft()).x(), abs=1)
    assert before.bottomRight().y() == pytest.approx(
        minimap.map_point(shown.bottomRight()).y(), abs=1)
    view.zoom_by(2.0)
    after = minimap.viewport_marker()
    assert after.width() == pytest.approx(before.width() / 2, abs=1.0)
    assert after.height() == pytest.approx(before.height() / 2, abs=1.0)
    assert (after.center() - before.center()).manhattanLength() < 2.0
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 400)
    moved = minimap.viewport_marker()
    assert moved.center().x() - after.center().x() == pytest.approx(
        minimap.map_point(QPointF(400 / view.scale_factor(), 0)).x()
        - minimap.map_point(QPointF()).x(), abs=1.0)


def test_it_stays_in_its_corner_while_the_view_scrolls_and_resizes(
        qtbot: QtBot, minimap: Minimap, view: BoardView) -> None:
    def in_corner() -> bool:
        room = view.viewport().rect()
        return minimap.pos() == QPoint(room.width() - MINIMAP_SIZE.width() - CORNER_MARGIN,
                                       room.height() - MINIMAP_SIZE.height() - CORNER_MARGIN)

    assert in_corner()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 250)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 120)
    assert in_corner()
    view.resize(640, 480)
    qtbot.waitUntil(in_corner)


def test_search_matches_stand_out(minimap: Minimap, view: BoardView) -> None:
    # The note farthest from the visible corner, clear of the viewport marker.
    needle = max(view.board.notes.values(), key=lambda note: note.idea.x + note.idea.y)
    view.board.update_rows([dataclasses.replace(needle.idea, text="Nadel")], [])
    view.board.set_search("nadel")
    minimap.refresh()
    image = minimap.grab().toImage()
    centre = needle.scenePos() + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
    spot = minimap.map_point(centre).toPoint()
    assert image.pixelColor(spot) == QColor("#d32f2f")


def test_ten_thousand_notes_render_quickly(qtbot: QtBot, english: Translations) -> None:
    view = BoardView(BoardScene())  # not shown: painting the board is not what is measured
    qtbot.addWidget(view)
    view.resize(800, 600)
    frames = [ClusterView(uuid.uuid4(), f"Cluster {n}", "#bbdefb", n * 4200.0, -600.0,
                          4000.0, 500.0, n % 2 == 1) for n in range(5)]
    view.board.update_rows(_grid(10_000, 100), frames)
    minimap = Minimap(view)
    timings = []
    for _attempt in range(3):
        start = time.perf_counter()
        minimap.refresh()
        timings.append(time.perf_counter() - start)
    print(f"minimap render, 10,000 notes: {min(timings) * 1000:.1f} ms (best of 3)")
    assert min(timings) < 0.1
    assert not minimap.viewport_marker().isEmpty()
