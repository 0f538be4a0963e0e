"""The projector window: a read-only second view that follows the facilitator and keeps
private notes private."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsView
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from myk10_workshop.board.queries import BoardSnapshot, load_board
from myk10_workshop.store.database import Store
from myk10_workshop.store.schema import Idea, IdeaState
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.board.items import NoteItem
from myk10_workshop.ui.board.projector import ProjectorWindow, other_screen
from myk10_workshop.ui.board.scene import BoardScene
from myk10_workshop.ui.board.view import BoardView

# Where a note's text goes (NoteItem._paint_text), in item coordinates.
TEXT_AREA = QRectF(9.0, 7.0, 162.0, 99.0)


@pytest.fixture
def snapshot(demo_store: Store) -> BoardSnapshot:
    """The demo board with the most notes."""
    def biggest(session: Session) -> BoardSnapshot | None:
        board_id = session.execute(
            select(Idea.board_id).group_by(Idea.board_id)
            .order_by(func.count().desc()).limit(1)).scalar_one()
        return load_board(session, board_id)

    loaded = demo_store.read(biggest)
    assert loaded is not None and len(loaded.ideas) >= 4
    return loaded


@pytest.fixture
def view(qtbot: QtBot, snapshot: BoardSnapshot, english: Translations) -> BoardView:
    """The facilitator's view of the demo board."""
    scene = BoardScene()
    scene.set_snapshot(snapshot)
    board_view = BoardView(scene)
    qtbot.addWidget(board_view)
    board_view.resize(800, 600)
    board_view.show()
    qtbot.waitExposed(board_view)
    board_view.fit_all()
    return board_view


@pytest.fixture
def projector(qtbot: QtBot, view: BoardView) -> Iterator[ProjectorWindow]:
    window = ProjectorWindow(view.board, view)
    qtbot.addWidget(window)
    window.show_on_best_screen()
    qtbot.waitExposed(window)
    yield window


def _centre_gap(projector: ProjectorWindow, view: BoardView) -> float:
    gap = projector.view.visible_scene_rect().center() - view.visible_scene_rect().center()
    return gap.manhattanLength()


def _shows_all_of(projector: ProjectorWindow, view: BoardView, tolerance: float) -> bool:
    wanted = view.visible_scene_rect()
    shown = projector.view.visible_scene_rect().adjusted(-tolerance, -tolerance,
                                                         tolerance, tolerance)
    return shown.contains(wanted)


def _follows(projector: ProjectorWindow, view: BoardView) -> bool:
    tolerance = view.visible_scene_rect().width() * 0.01 + 2.0
    return _centre_gap(projector, view) < tolerance and _shows_all_of(projector, view,
                                                                       tolerance)


def test_the_projector_is_a_read_only_second_view_of_the_same_scene(
        projector: ProjectorWindow, view: BoardView) -> None:
    assert projector.view.scene() is view.board
    assert projector.view.property("projector") is True
    assert not projector.view.isInteractive()
    assert projector.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert projector.view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert projector.view.dragMode() == QGraphicsView.DragMode.NoDrag
    assert projector.isWindow()
    # Offscreen there is one screen: a normal window of projector size.
    assert not projector.isFullScreen()
    assert (projector.width(), projector.height()) == (1280, 720)
    assert projector.windowTitle() == "Board on the projector"


def test_the_projector_follows_pan_and_zoom(qtbot: QtBot, projector: ProjectorWindow,
                                            view: BoardView) -> None:
    qtbot.waitUntil(lambda: _follows(projector, view))
    notes = sorted(view.board.notes.values(), key=lambda n: (n.scenePos().x(), n.scenePos().y()))
    view.set_zoom(1.0)
    view.centerOn(notes[0].sceneBoundingRect().center())
    qtbot.waitUntil(lambda: _follows(projector, view))
    shown = projector.view.visible_scene_rect()
    for _step in range(40):  # a long pan: the projector is throttled but arrives
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 15)
    view.zoom_by(2.0)
    assert projector.view.visible_scene_rect() == shown  # not once per step
    qtbot.waitUntil(lambda: _follows(projector, view))
    # The projector's aspect ratio differs: it shows at least what the laptop shows.
    wall, laptop = projector.view.viewport().size(), view.viewport().size()
    enlarged = min(wall.width() / laptop.width(), wall.height() / laptop.height())
    assert projector.view.transform().m11() == pytest.approx(
        view.scale_factor() * enlarged, rel=0.02)


def test_following_can_be_paused(qtbot: QtBot, projector: ProjectorWindow,
                                 view: BoardView) -> None:
    qtbot.waitUntil(lambda: _follows(projector, view))
    projector.set_following(False)
    assert not projector.is_following()
    shown = projector.view.visible_scene_rect()
    view.zoom_by(3.0)
    projector.sync_now()  # would move it if it were following
    assert projector.view.visible_scene_rect() == shown
    projector.set_following(True)
    qtbot.waitUntil(lambda: _follows(projector, view))


def _dark_pixels(image: QImage, area: QRectF) -> int:
    """Pixels as dark as note text (#1a1a1a) in ``area`` of ``image``."""
    box = area.toAlignedRect().intersected(image.rect())
    assert box.width() > 50 and box.height() > 30, "the note must be on screen"
    return sum(1 for x in range(box.left(), box.right() + 1)
               for y in range(box.top(), box.bottom() + 1)
               if image.pixelColor(x, y).lightness() < 90)


def _text_area_in(view: QGraphicsView, note: NoteItem) -> QRectF:
    return view.mapFromScene(note.mapRectToScene(TEXT_AREA)).boundingRect().toRectF()


def test_private_notes_show_on_the_facilitators_screen_but_not_on_the_projector(
        qtbot: QtBot, projector: ProjectorWindow, view: BoardView) -> None:
    scene = view.board
    secret, public = [note for note in scene.notes.values() if note.isVisible()][:2]
    scene.update_rows([dataclasses.replace(secret.idea, state=IdeaState.PRIVATE.value)], [])
    for note in (secret, public):
        view.fit(note.sceneBoundingRect())
        qtbot.waitUntil(lambda: _follows(projector, view))
        on_laptop = view.viewport().grab().toImage()
        on_wall = projector.view.viewport().grab().toImage()
        laptop_text = _dark_pixels(on_laptop, _text_area_in(view, note))
        wall_text = _dark_pixels(on_wall, _text_area_in(projector.view, note))
        assert laptop_text > 20
        if note is secret:
            assert wall_text == 0
        else:
            assert wall_text > 20


def test_f11_toggles_full_screen_and_escape_leaves_it(qtbot: QtBot,
                                                     projector: ProjectorWindow) -> None:
    qtbot.keyClick(projector, Qt.Key.Key_F11)
    assert projector.isFullScreen()
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert not projector.isFullScreen()
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert not projector.isFullScreen()
    qtbot.keyClick(projector, Qt.Key.Key_F11)
    assert projector.isFullScreen()
    qtbot.keyClick(projector, Qt.Key.Key_F11)
    assert not projector.isFullScreen()


def test_the_caption_shows_the_board_title_top_right(qtbot: QtBot,
                                                     projector: ProjectorWindow) -> None:
    projector.set_caption("AG Mobilität: Ideen & <b>Ziele</b>")
    caption = projector.caption
    assert caption.isVisible()
    assert caption.text() == "AG Mobilität: Ideen & <b>Ziele</b>"  # never read as markup
    assert caption.textFormat() == Qt.TextFormat.PlainText
    assert caption.y() < 50
    assert projector.width() - caption.geometry().right() < 50
    assert caption.font().pixelSize() >= 30
    projector.resize(1000, 600)
    qtbot.waitUntil(lambda: projector.width() - caption.geometry().right() < 50)
    projector.set_caption("")
    assert not caption.isVisible()


def test_closing_the_window_says_so(qtbot: QtBot, projector: ProjectorWindow) -> None:
    with qtbot.waitSignal(projector.closed, timeout=1000):
        projector.close()
    assert not projector.isVisible()


def test_the_projector_goes_to_a_screen_without_the_main_window() -> None:
    assert other_screen(["laptop"], "laptop") is None
    assert other_screen([], None) is None
    assert other_screen(["laptop", "beamer"], "laptop") == "beamer"
    assert other_screen(["beamer", "laptop"], "laptop") == "beamer"
    assert other_screen(["laptop", "beamer", "tv"], "beamer") == "laptop"
