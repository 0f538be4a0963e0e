"""The board driven as a facilitator drives it: typing, dragging, keys; checked in the store."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from myk10_workshop.board.queries import BoardSnapshot, list_boards, load_board
from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Create
from myk10_workshop.ui.board.items import Highlight, NoteItem
from myk10_workshop.ui.board.page import BoardPage
from myk10_workshop.ui.main_window import MainWindow

Tree = Callable[[], tuple[ProjectNode, ...]]


def _snapshot(store: Store, page: BoardPage) -> BoardSnapshot:
    board_id = page.board_id()
    assert board_id is not None
    snapshot = store.read(lambda s: load_board(s, board_id))
    assert snapshot is not None
    return snapshot


def _texts(store: Store, page: BoardPage) -> list[str]:
    return sorted(idea.text for idea in _snapshot(store, page).ideas)


def _mouse(viewport: QWidget, kind: QEvent.Type, at: QPoint,
           buttons: Qt.MouseButton = Qt.MouseButton.LeftButton,
           modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else (
        Qt.MouseButton.NoButton)
    # The scene finds items from the global position: it must be the real one.
    event = QMouseEvent(kind, QPointF(at), QPointF(viewport.mapToGlobal(at)), button, buttons,
                        modifiers)
    QApplication.sendEvent(viewport, event)


def _drag(page: BoardPage, start: QPointF, end: QPointF) -> None:
    """Press on a scene point, move in steps, release: a real drag on the viewport."""
    viewport = page.view.viewport()
    a, b = page.view.mapFromScene(start), page.view.mapFromScene(end)
    _mouse(viewport, QEvent.Type.MouseButtonPress, a)
    for step in range(1, 11):
        point = a + (b - a) * step / 10
        _mouse(viewport, QEvent.Type.MouseMove, point)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, b, buttons=Qt.MouseButton.NoButton)


def test_the_demo_board_shows_its_clusters_and_notes(page: BoardPage, demo_store: Store) -> None:
    snapshot = _snapshot(demo_store, page)
    assert len(page.scene.clusters) == len(snapshot.clusters) == 6
    assert len(page.scene.notes) == len(snapshot.ideas)
    first = snapshot.clusters[0]
    frame = page.scene.clusters[first.id]
    assert frame.count == sum(1 for idea in snapshot.ideas if idea.cluster_id == first.id)
    assert frame.votes == snapshot.votes.get(first.id, 0) > 0
    assert page.ranking.list.count() > 0
    assert page.ranking.list.item(0).text().startswith("1.  ● ")


def test_typing_a_note_and_pressing_enter_adds_it_and_undo_takes_it_back(
        qtbot: QtBot, page: BoardPage, demo_window: MainWindow, demo_store: Store) -> None:
    before = _texts(demo_store, page)
    page.capture.setFocus()
    qtbot.keyClicks(page.capture, "Mitfahrbank am Dorfplatz")
    qtbot.keyClick(page.capture, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Mitfahrbank am Dorfplatz" in _texts(demo_store, page))
    assert page.capture.toPlainText() == ""
    qtbot.waitUntil(lambda: any(n.idea.text == "Mitfahrbank am Dorfplatz"
                                for n in page.scene.notes.values()))
    # The new note lies in the visible part of the board and on no other note.
    note = next(n for n in page.scene.notes.values() if n.idea.text == "Mitfahrbank am Dorfplatz")
    assert page.view.visible_scene_rect().intersects(note.sceneBoundingRect())
    assert not [n for n in page.scene.collidingItems(note) if isinstance(n, NoteItem)]
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: _texts(demo_store, page) == before)
    qtbot.waitUntil(lambda: note.id not in page.scene.notes)


def test_pasting_a_list_makes_one_note_per_line(qtbot: QtBot, page: BoardPage,
                                                demo_store: Store) -> None:
    data = QMimeData()
    data.setText("- Rufbus am Wochenende\n- WLAN im Bürgerhaus\n\n3. Mängelmelder-App\n")
    page.capture.insertFromMimeData(data)
    qtbot.waitUntil(lambda: {"Rufbus am Wochenende", "WLAN im Bürgerhaus",
                             "Mängelmelder-App"} <= set(_texts(demo_store, page)))


def test_dragging_a_note_into_a_cluster_joins_it_and_undo_moves_it_back(
        qtbot: QtBot, page: BoardPage, demo_window: MainWindow, demo_store: Store) -> None:
    loose = page.scene.loose_notes()[0]
    frame = next(iter(page.scene.clusters.values()))
    page.view.fit(frame.sceneBoundingRect().united(loose.sceneBoundingRect()))
    start = loose.sceneBoundingRect().center()
    width, height = frame.frame_size()
    target = frame.scenePos() + QPointF(width - 100, height - 70)
    _drag(page, start, target)
    qtbot.waitUntil(lambda: next(i for i in _snapshot(demo_store, page).ideas
                                 if i.id == loose.id).cluster_id == frame.id)
    assert page.scene.frame_of(loose) is frame
    moved = next(i for i in _snapshot(demo_store, page).ideas if i.id == loose.id)
    assert abs(moved.x + 90 - target.x()) < 2 and abs(moved.y + 60 - target.y()) < 2
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: next(i for i in _snapshot(demo_store, page).ideas
                                 if i.id == loose.id).cluster_id is None)
    qtbot.waitUntil(lambda: page.scene.frame_of(loose) is None)
    assert loose.scenePos().toTuple() == (start.x() - 90, start.y() - 60)


def test_dragging_a_cluster_moves_its_notes_with_it(qtbot: QtBot, page: BoardPage,
                                                    demo_store: Store) -> None:
    frame = next(iter(page.scene.clusters.values()))
    members = {note.id: note.scenePos() for note in page.scene.cluster_members(frame.id)}
    page.view.fit(frame.sceneBoundingRect().adjusted(-400, -400, 400, 400))
    header = frame.scenePos() + QPointF(60, 20)
    _drag(page, header, header + QPointF(300, 200))

    def moved_in_store() -> bool:
        ideas = {i.id: i for i in _snapshot(demo_store, page).ideas}
        return all(abs(ideas[i].x - (p.x() + 300)) < 1 and abs(ideas[i].y - (p.y() + 200)) < 1
                   for i, p in members.items())

    qtbot.waitUntil(moved_in_store)


def test_search_highlights_matches_and_dims_the_rest(qtbot: QtBot, page: BoardPage) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, "wlan")
    qtbot.waitUntil(lambda: bool(page.scene.matches()))
    matches = page.scene.matches()
    assert all("wlan" in n.idea.text.casefold() for n in matches)
    dimmed = [n for n in page.scene.notes.values() if n.highlight == Highlight.DIMMED]
    assert len(dimmed) == len(page.scene.notes) - len(matches)
    # Umlauts and case do not matter.
    page.search.setText("BURGERSERVICE")
    qtbot.waitUntil(lambda: any("Bürgerservice" in n.idea.text for n in page.scene.matches()))
    page.search.clear()
    qtbot.waitUntil(lambda: all(n.highlight == Highlight.NONE
                                for n in page.scene.notes.values()))


def test_grouping_selected_notes_makes_a_named_cluster(qtbot: QtBot, page: BoardPage,
                                                       demo_store: Store) -> None:
    loose = page.scene.loose_notes()[:3]
    page.scene.clearSelection()
    for note in loose:
        note.setSelected(True)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editor.is_editing(), timeout=5000)
    qtbot.keyClicks(page.editor.widget, "Vernetzung")
    qtbot.keyClick(page.editor.widget, Qt.Key.Key_Return)

    def grouped() -> bool:
        snapshot = _snapshot(demo_store, page)
        titled = [c for c in snapshot.clusters if c.title == "Vernetzung"]
        return bool(titled) and {i.id for i in snapshot.ideas if i.cluster_id == titled[0].id
                                 } == {n.id for n in loose}

    qtbot.waitUntil(grouped)


def test_editing_a_note_in_place_keeps_markup_as_plain_text(qtbot: QtBot, page: BoardPage,
                                                           demo_store: Store) -> None:
    note = next(iter(page.scene.notes.values()))
    page.view.fit(note.sceneBoundingRect())
    page.view.mouseDoubleClickEvent(QMouseEvent(
        QEvent.Type.MouseButtonDblClick, QPointF(page.view.mapFromScene(
            note.sceneBoundingRect().center())), QPointF(), Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert page.editor.is_editing()
    page.editor.widget.setPlainText("<b>Fett?</b> & <script>nein</script>\nZeile 2")
    qtbot.keyClick(page.editor.widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: next(i for i in _snapshot(demo_store, page).ideas
                                 if i.id == note.id).text
                    == "<b>Fett?</b> & <script>nein</script>\nZeile 2")


def test_delete_and_undo_bring_back_the_note_in_its_cluster(
        qtbot: QtBot, page: BoardPage, demo_window: MainWindow, demo_store: Store) -> None:
    frame = next(iter(page.scene.clusters.values()))
    note = page.scene.cluster_members(frame.id)[0]
    page.scene.clearSelection()
    note.setSelected(True)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: note.id not in {i.id for i in _snapshot(demo_store, page).ideas})
    qtbot.waitUntil(lambda: note.id not in page.scene.notes)
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: note.id in page.scene.notes)
    assert page.scene.frame_of(page.scene.notes[note.id]) is page.scene.clusters[frame.id]


def test_merge_and_dissolve_clusters(qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    first, second = list(page.scene.clusters.values())[:2]
    total = first.count + second.count
    page.scene.clearSelection()
    first.setSelected(True)
    second.setSelected(True)
    page.merge_selected()
    qtbot.waitUntil(lambda: len(_snapshot(demo_store, page).clusters) == 5)
    qtbot.waitUntil(lambda: len(page.scene.clusters) == 5)
    survivor = next(f for f in page.scene.clusters.values() if f.id in (first.id, second.id))
    qtbot.waitUntil(lambda: survivor.count == total)
    page.scene.clearSelection()
    survivor.setSelected(True)
    page.dissolve_selected()
    qtbot.waitUntil(lambda: len(_snapshot(demo_store, page).clusters) == 4)
    qtbot.waitUntil(lambda: survivor.id not in page.scene.clusters)
    assert all(note.scene() is page.scene for note in page.scene.notes.values())


def test_ideas_from_phones_wait_in_the_inbox(qtbot: QtBot, page: BoardPage,
                                            demo_store: Store) -> None:
    board_id = page.board_id()
    assert board_id is not None
    page.bridge.run(Create("idea", {"board_id": board_id, "text": "Per Handy: Sitzbänke",
                                    "source": "phone", "state": "inbox"}), undoable=False)
    qtbot.waitUntil(lambda: page.inbox.count() == 1)
    assert page.side.isVisible()
    assert page.side.tabText(0) == "Inbox (1)"
    phone = page.inbox.list.item(0)
    assert phone.text() == "Per Handy: Sitzbänke"
    idea_id = phone.data(Qt.ItemDataRole.UserRole + 1)
    assert idea_id not in page.scene.notes
    page.inbox.list.setCurrentItem(phone)
    page.inbox.accept_button.click()
    qtbot.waitUntil(lambda: idea_id in page.scene.notes)
    qtbot.waitUntil(lambda: page.inbox.count() == 0)


def test_private_notes_are_marked_and_revealed(qtbot: QtBot, page: BoardPage,
                                               demo_store: Store) -> None:
    page.private_button.click()
    qtbot.waitUntil(lambda: _snapshot(demo_store, page).board.private_mode)
    page.add_notes(["Geheimer Gedanke"])
    qtbot.waitUntil(lambda: any(i.text == "Geheimer Gedanke" and i.state == "private"
                                for i in _snapshot(demo_store, page).ideas))
    page.reveal_button.click()
    qtbot.waitUntil(lambda: all(i.state == "board" for i in _snapshot(demo_store, page).ideas
                                if i.text == "Geheimer Gedanke"))


def test_a_new_board_opens_empty(qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    workshop = page.workshop_id
    assert workshop is not None
    count = len(demo_store.read(lambda s: list_boards(s, workshop)))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.new_board_button.click()
    qtbot.waitUntil(lambda: len(demo_store.read(lambda s: list_boards(s, workshop)))
                    == count + 1)
    qtbot.waitUntil(lambda: not page.scene.notes and page.board_choice.count() == count + 1)
    assert page.board_choice.currentText() == f"Board {count + 1}"


def test_unique_ids_survive_a_round_trip(page: BoardPage) -> None:
    assert all(isinstance(key, uuid.UUID) for key in page.scene.notes)


def test_vote_totals_reach_the_badges_of_notes_shown_later(page: BoardPage,
                                                           demo_store: Store) -> None:
    """Totals touch only what changed, and a note that comes back (undo of a delete)
    shows the dots it has, not none."""
    snapshot = _snapshot(demo_store, page)
    scene = page.scene
    idea = next(idea for idea in snapshot.ideas if idea.id in scene.notes)
    other = next(i for i in snapshot.ideas if i.id in scene.notes and i.id != idea.id)
    frame = scene.clusters[snapshot.clusters[0].id]
    totals = {**snapshot.votes, idea.id: 7, frame.id: 11}
    totals.pop(other.id, None)
    scene.set_votes(totals)
    assert scene.notes[idea.id].votes == 7
    assert scene.notes[other.id].votes == 0
    assert frame.votes == 11
    scene.remove([idea.id], [])
    assert idea.id not in scene.notes
    scene.update_rows([idea], [])
    assert scene.notes[idea.id].votes == 7
    scene.set_votes({})
    assert scene.notes[idea.id].votes == 0
    assert frame.votes == 0


def test_a_new_count_on_a_badge_looks_as_if_the_note_were_drawn_afresh(qtbot: QtBot) -> None:
    """Only the badge's corner is drawn again when the count changes: the note must then
    look exactly like one drawn whole with that count (text, corner, outline)."""
    import datetime as dt

    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    from myk10_workshop.board.queries import IdeaView

    idea = IdeaView(uuid.uuid4(), "Ein langer Text, der bis an den Rand der Karte reicht "
                    "und umbricht, damit er neben dem Zähler vorbeiläuft", "#fff59d",
                    10.0, 10.0, None, None, "Anna", "typed", "board", dt.datetime(2026, 1, 1))

    def picture(counts: list[int]) -> QImage:
        scene = QGraphicsScene()
        note = NoteItem(idea)
        scene.addItem(note)
        view = QGraphicsView(scene)
        view.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        view.resize(260, 200)
        view.setSceneRect(0.0, 0.0, 220.0, 160.0)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        QApplication.processEvents()
        for count in counts:
            note.set_votes(count)
            view.viewport().repaint()
        # What is on screen (grab() would draw the view anew, past the note's cache).
        image = view.screen().grabWindow(view.winId()).toImage()
        centre = view.mapFromScene(note.sceneBoundingRect().center())
        assert QColor(image.pixel(centre)).name() == "#fff59d"  # the note is on screen
        return image

    drawn_in_steps = picture([3, 4, 12])
    drawn_whole = picture([12])
    assert drawn_in_steps == drawn_whole
    assert picture([3, 0]) == picture([0])
