"""Finding one's way on the board: far out (overview drawing), search, counts, the tool bar
on a small laptop screen, keys, the side panel."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSplitter, QToolButton
from pytestqt.qtbot import QtBot

from myk10_workshop.board.importing import ImportPreview
from myk10_workshop.board.layout import NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.store.database import Store
from myk10_workshop.store.schema import IdeaState
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.board.import_dialog import ImportDialog
from myk10_workshop.ui.board.items import PRIVATE_CARD, SELECTED_COLOUR, Highlight
from myk10_workshop.ui.board.page import BoardPage
from myk10_workshop.ui.main_window import MainWindow
from tests.ui.test_board import _mouse, _snapshot

Tree = Callable[[], tuple[ProjectNode, ...]]
FAR_OUT = 0.2
SVG = "{http://www.w3.org/2000/svg}"


def _far_out(page: BoardPage) -> None:
    page.view.set_zoom(FAR_OUT)
    assert page.scene.overview_active


def _render(page: BoardPage, area: QRectF, *, projector: bool = False) -> QImage:
    """The scene's area as the (far-out) view paints it, 4 pixels per note height and up."""
    image = QImage(int(area.width() * FAR_OUT) + 1, int(area.height() * FAR_OUT) + 1,
                   QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    page.scene.painting_projector = projector
    try:
        page.scene.render(painter, QRectF(image.rect()), area)
    finally:
        page.scene.painting_projector = False
        painter.end()
    return image


def _colours(image: QImage) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(image.width())
            for y in range(image.height())}


# --------------------------------------------------------------------------- far out


def test_dragging_empty_space_far_out_pans(qtbot: QtBot, page: BoardPage) -> None:
    loose = page.scene.loose_notes()
    _far_out(page)
    page.view.centerOn(loose[0])
    # Between two cards of the overview drawing: empty board, though inside its bounds.
    gap = QPointF(loose[0].idea.x + NOTE_WIDTH + 8, loose[0].idea.y + NOTE_HEIGHT / 2)
    assert not [n for n in page.scene.notes.values()
                if n.sceneBoundingRect().contains(gap)]
    assert page.scene.overview.sceneBoundingRect().contains(gap)
    start = page.view.mapFromScene(gap)
    before = page.view.visible_scene_rect().center()
    viewport = page.view.viewport()
    _mouse(viewport, QEvent.Type.MouseButtonPress, start)
    for step in range(1, 6):
        _mouse(viewport, QEvent.Type.MouseMove, start + QPoint(20 * step, 10 * step))
    _mouse(viewport, QEvent.Type.MouseButtonRelease, start + QPoint(100, 50),
           buttons=Qt.MouseButton.NoButton)
    moved = before - page.view.visible_scene_rect().center()
    assert moved.x() == pytest.approx(100 / FAR_OUT, abs=10)
    assert moved.y() == pytest.approx(50 / FAR_OUT, abs=10)


def test_the_selection_survives_zooming_out_and_in(qtbot: QtBot, page: BoardPage) -> None:
    chosen = page.scene.loose_notes()[:2]
    page.scene.clearSelection()
    for note in chosen:
        note.setSelected(True)
    _far_out(page)
    assert set(page.scene.selected_notes()) == set(chosen)
    # Drawn outlined in the overview.
    area = chosen[0].sceneBoundingRect().adjusted(-20, -20, 20, 20)
    assert SELECTED_COLOUR in _colours(_render(page, area))
    page.view.set_zoom(1.0)
    assert not page.scene.overview_active
    assert {n for n in page.scene.notes.values() if n.isSelected()} == set(chosen)


def test_select_all_far_out_selects_every_visible_note(qtbot: QtBot, page: BoardPage) -> None:
    _far_out(page)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.scene.selected_notes()) == len(page.scene.notes)
    page.view.set_zoom(1.0)
    assert all(note.isSelected() for note in page.scene.notes.values())
    # A click on empty space still clears it, far out too.
    _far_out(page)
    page.scene.clearSelection()
    assert page.scene.selected_notes() == []


def test_private_notes_are_blank_on_the_projector_far_out(
        qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    page.private_button.click()
    qtbot.waitUntil(lambda: _snapshot(demo_store, page).board.private_mode)
    page.add_notes(["Geheim"])
    qtbot.waitUntil(lambda: any(n.idea.text == "Geheim" for n in page.scene.notes.values()))
    note = next(n for n in page.scene.notes.values() if n.idea.text == "Geheim")
    assert note.idea.state == IdeaState.PRIVATE.value
    _far_out(page)
    inner = note.sceneBoundingRect().adjusted(20, 20, -20, -20)
    assert note.idea.colour in _colours(_render(page, inner))  # the facilitator sees it
    room = _colours(_render(page, inner, projector=True))
    assert note.idea.colour not in room
    assert PRIVATE_CARD in room


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize("query", ["(", "c++", "🚲", "[x]", "#1"])
def test_search_finds_punctuation_and_emoji_as_written(
        qtbot: QtBot, page: BoardPage, query: str) -> None:
    page.add_notes([f"Fahrrad {query} Test", "c und x ohne Zeichen"])
    qtbot.waitUntil(lambda: any(query in n.idea.text for n in page.scene.notes.values()))
    page.search.setText(query)
    page._run_search()
    found = page.scene.matches()
    assert [n.idea.text for n in found] == [f"Fahrrad {query} Test"]
    assert page.match_label.text() == "1 match"


def test_search_says_how_many_notes_match(qtbot: QtBot, page: BoardPage) -> None:
    page.search.setText("digital")
    page._run_search()
    count = len(page.scene.matches())
    assert count > 1
    assert page.match_label.text() == f"{count} matches"
    page.search.setText("gibt es sicher nicht xyz")
    page._run_search()
    assert page.match_label.text() == "no matches"
    page.search.clear()
    page._run_search()
    assert page.match_label.text() == ""


# --------------------------------------------------------------------------- plurals


def test_one_is_singular_in_english_and_german(
        qtbot: QtBot, page: BoardPage, english: Translations) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.new_board_button.click()
    qtbot.waitUntil(lambda: page.counts.text() == "0 notes · 0 clusters")
    page.add_notes(["Die erste Idee"])
    qtbot.waitUntil(lambda: page.counts.text() == "1 note · 0 clusters")
    english.install("de")
    qtbot.waitUntil(lambda: page.counts.text() == "1 Notiz · 0 Cluster")
    dialog = ImportDialog(ImportPreview([{"text": "Eine"}], [], None), "ideen.csv", page)
    try:
        assert dialog.import_button.text() == "1 Idee importieren"
        assert "1 Idee kann importiert werden" in dialog.summary.text()
    finally:
        dialog.deleteLater()


# --------------------------------------------------------------------------- tool bar, keys


def test_at_1366_by_768_the_tool_bar_shows_its_main_buttons(
        qtbot: QtBot, page: BoardPage, demo_window: MainWindow, english: Translations) -> None:
    english.install("de")
    demo_window.showNormal()
    demo_window.resize(1366, 768)
    qtbot.waitUntil(lambda: demo_window.width() == 1366)
    qtbot.waitUntil(lambda: page.bar.width() < 1366)
    extension = page.bar.findChild(QToolButton, "qt_toolbar_ext_button")
    hidden = [name for name, widget in (
        ("Beamer", page.projector_button), ("Seitenleiste", page.side_button),
        ("Mehr", page.more_button), ("Filter", page.filter_button),
        ("Gruppieren", page.cluster_button), ("Verdeckt", page.private_button),
        ("Aufdecken", page.reveal_button), ("−", page.zoom_out_button),
        ("+", page.zoom_in_button)) if not widget.isVisible()]
    assert hidden == [], f"behind »: {hidden}"
    assert extension is None or not extension.isVisible()


def test_keys_open_the_projector_and_the_panels(qtbot: QtBot, page: BoardPage) -> None:
    page.view.setFocus()
    assert not page.side.isVisible()
    qtbot.keyClick(page.view, Qt.Key.Key_F9)
    assert page.side.isVisible()
    qtbot.keyClick(page.capture, Qt.Key.Key_F9)  # also while typing a note
    assert not page.side.isVisible()
    qtbot.keyClick(page.view, Qt.Key.Key_F5)
    assert page.projector is not None and page.projector_button.isChecked()
    projector = page.projector
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.projector is None)
    assert not projector.isVisible() and not page.projector_button.isChecked()


def test_the_filter_button_filters_by_field_and_colour(
        qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    snapshot = _snapshot(demo_store, page)
    field = next(i.field_of_action_id for i in snapshot.ideas if i.field_of_action_id)
    page.set_filter(field, None)
    assert page.filter_button.isChecked()
    kept = [n for n in page.scene.notes.values() if n.highlight != Highlight.DIMMED]
    assert kept and all(n.idea.field_of_action_id == field for n in kept)
    page.set_filter(None, None)
    assert not page.filter_button.isChecked()
    assert all(n.highlight == Highlight.NONE for n in page.scene.notes.values())


# --------------------------------------------------------------------------- side panel


def test_the_side_panel_is_wide_enough_for_its_german_titles_and_buttons(
        qtbot: QtBot, page: BoardPage, english: Translations) -> None:
    english.install("de")
    page.side_button.setChecked(True)
    page.side.setCurrentWidget(page.inbox)
    qtbot.waitUntil(lambda: page.side.isVisible())
    split = page.side.parentWidget()
    assert isinstance(split, QSplitter)
    split.setSizes([5000, 1])  # as far as the splitter lets the panel shrink
    qtbot.waitUntil(lambda: page.side.width() == page.side.minimumWidth())
    tabs = page.side.tabBar()
    for index in range(tabs.count()):
        assert tabs.tabRect(index).width() >= tabs.tabSizeHint(index).width(), (
            tabs.tabText(index))
    assert tabs.tabRect(tabs.count() - 1).right() <= tabs.width()
    for button in (page.inbox.accept_button, page.inbox.accept_all_button,
                   page.inbox.hide_button):
        assert button.width() >= button.sizeHint().width(), button.text()



def test_an_export_made_far_out_shows_every_note_with_its_text(
        qtbot: QtBot, page: BoardPage, tmp_path: Path) -> None:
    _far_out(page)
    page.scene.select_notes([page.scene.loose_notes()[0]])
    target = tmp_path / "board.svg"
    with qtbot.waitSignal(page.exported, timeout=10_000) as written:
        assert page.export("svg", target)
    assert written.args == [target, True]
    root = ET.parse(target).getroot()
    drawn = " ".join(element.text or "" for element in root.iter(f"{SVG}text"))
    for note in page.scene.notes.values():
        first_word = re.findall(r"\w+", note.idea.text)[0]
        assert first_word in drawn
    # The view is as it was: still far out, the selection held.
    assert page.scene.overview_active
    assert len(page.scene.selected_notes()) == 1


def test_an_export_that_cannot_be_written_says_so_and_the_board_stays(
        qtbot: QtBot, page: BoardPage, tmp_path: Path) -> None:
    messages: list[str] = []
    page.bridge.failed.connect(messages.append)
    target = tmp_path / "missing" / "board.png"
    with qtbot.waitSignal(page.exported, timeout=10_000) as written:
        page.export("png", target)
    assert written.args == [target, False]
    assert messages and str(target) in messages[0]
    assert not target.parent.exists()
    assert page.snapshot is not None and page.scene.notes
