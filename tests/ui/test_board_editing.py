"""Editing the board without surprises: private stays private, collapsed clusters take
drops and keep their place, frames merge when dropped onto each other, nothing typed is
lost, a measure is made once."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from myk10_workshop.board.layout import NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.board.queries import IdeaView
from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Create
from myk10_workshop.store.schema import MeasureSource
from myk10_workshop.ui.board.items import ClusterItem
from myk10_workshop.ui.board.page import BoardPage
from myk10_workshop.ui.main_window import MainWindow
from tests.ui.test_board import _drag, _snapshot

Tree = Callable[[], tuple[ProjectNode, ...]]


def _idea(store: Store, page: BoardPage, text: str) -> IdeaView | None:
    return next((i for i in _snapshot(store, page).ideas if i.text == text), None)


def _collapse(qtbot: QtBot, page: BoardPage, frame: ClusterItem) -> None:
    page.scene.clearSelection()
    frame.setSelected(True)
    page.toggle_collapse()
    qtbot.waitUntil(lambda: page.scene.clusters[frame.id].cluster.collapsed)


def _full_rect(frame: ClusterItem) -> QRectF:
    width, height = frame.frame_size()
    return QRectF(frame.scenePos(), QRectF(0, 0, width, height).size())


# --------------------------------------------------------------------------- private


def test_in_a_private_brainstorm_copies_imports_and_phone_ideas_are_private(
        qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    board_id = page.board_id()
    page.private_button.click()
    qtbot.waitUntil(lambda: _snapshot(demo_store, page).board.private_mode)
    note = page.scene.loose_notes()[0]
    page.scene.clearSelection()
    note.setSelected(True)
    page.duplicate_selected()
    page.import_rows([{"text": "Vom Papier abgetippt"}])
    phone = Create("idea", {"board_id": board_id, "text": "Per Handy gesendet",
                            "source": "phone", "state": "inbox"})
    page.bridge.run(phone, undoable=False)
    qtbot.waitUntil(lambda: page.inbox.count() == 1)
    page.accept_inbox([phone.id])

    def states() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for idea in _snapshot(demo_store, page).ideas:
            found.setdefault(idea.text, []).append(idea.state)
        return found

    qtbot.waitUntil(lambda: len(states()[note.idea.text]) == 2
                    and "Vom Papier abgetippt" in states()
                    and states()["Per Handy gesendet"] == ["private"], timeout=10_000)
    assert sorted(states()[note.idea.text]) == ["board", "private"]  # original, copy
    assert states()["Vom Papier abgetippt"] == ["private"]


# --------------------------------------------------------------------------- collapsed


def test_a_note_dropped_on_a_collapsed_clusters_title_joins_it_inside_its_frame(
        qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    frame = next(iter(page.scene.clusters.values()))
    members = [QRectF(n.sceneBoundingRect()) for n in page.scene.cluster_members(frame.id)]
    _collapse(qtbot, page, frame)
    loose = page.scene.loose_notes()[0]
    page.view.fit(frame.sceneBoundingRect().united(loose.sceneBoundingRect()))
    _drag(page, loose.sceneBoundingRect().center(), frame.scenePos() + QPointF(100, 28))
    qtbot.waitUntil(lambda: _idea(demo_store, page, loose.idea.text) is not None and (
        _idea(demo_store, page, loose.idea.text).cluster_id == frame.id))  # type: ignore[union-attr]
    stored = _idea(demo_store, page, loose.idea.text)
    assert stored is not None
    placed = QRectF(stored.x, stored.y, NOTE_WIDTH, NOTE_HEIGHT)
    # Inside the (grown) frame, under the title, on none of the other notes.
    cluster = next(c for c in _snapshot(demo_store, page).clusters if c.id == frame.id)
    assert QRectF(cluster.x, cluster.y + 50, cluster.width, cluster.height).contains(placed)
    assert not any(placed.intersects(other) for other in members)
    assert not loose.isVisible()  # hidden with the rest of the collapsed cluster


def test_new_notes_do_not_land_where_a_collapsed_cluster_keeps_its_notes(
        qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    frame = next(iter(page.scene.clusters.values()))
    full = _full_rect(frame)
    _collapse(qtbot, page, frame)
    page.view.set_zoom(1.0)
    page.view.centerOn(full.center())
    page.add_notes(["Neben dem zugeklappten Cluster"])
    qtbot.waitUntil(lambda: _idea(demo_store, page, "Neben dem zugeklappten Cluster")
                    is not None)
    stored = _idea(demo_store, page, "Neben dem zugeklappten Cluster")
    assert stored is not None
    assert not QRectF(stored.x, stored.y, NOTE_WIDTH, NOTE_HEIGHT).intersects(full)


def test_jumping_to_a_match_in_a_collapsed_cluster_opens_it(
        qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    frame = next(iter(page.scene.clusters.values()))
    member = page.scene.cluster_members(frame.id)[0]
    _collapse(qtbot, page, frame)
    assert not member.isVisible()
    page.search.setText(member.idea.text[:25])
    qtbot.waitUntil(lambda: member in page.scene.matches())
    page._match_index = -1
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert member.isVisible()
    assert page.view.visible_scene_rect().contains(member.sceneBoundingRect().center())
    qtbot.waitUntil(lambda: not next(c for c in _snapshot(demo_store, page).clusters
                                     if c.id == frame.id).collapsed)


# --------------------------------------------------------------------------- frame on frame


def test_a_frame_dropped_onto_another_merges_into_it_without_stacking_notes(
        qtbot: QtBot, page: BoardPage, demo_window: MainWindow, demo_store: Store) -> None:
    dropped, target = list(page.scene.clusters.values())[:2]
    moving = {n.id for n in page.scene.cluster_members(dropped.id)}
    staying = {n.id for n in page.scene.cluster_members(target.id)}
    page.view.fit(dropped.sceneBoundingRect().united(target.sceneBoundingRect()))
    width, height = dropped.frame_size()
    grab = dropped.scenePos() + QPointF(40, 20)
    # Drop it so that its centre lies on the target's notes.
    goal = target.scenePos() + QPointF(60, 90)
    _drag(page, grab, grab + (goal - (dropped.scenePos() + QPointF(width / 2, height / 2))))

    def merged() -> bool:
        snapshot = _snapshot(demo_store, page)
        return dropped.id not in {c.id for c in snapshot.clusters}

    qtbot.waitUntil(merged)
    snapshot = _snapshot(demo_store, page)
    ideas = {i.id: i for i in snapshot.ideas}
    assert {ideas[i].cluster_id for i in moving | staying} == {target.id}
    rects = [QRectF(ideas[i].x, ideas[i].y, NOTE_WIDTH, NOTE_HEIGHT) for i in moving | staying]
    assert not [pair for pair in itertools.combinations(rects, 2) if pair[0].intersects(pair[1])]
    frame = next(c for c in snapshot.clusters if c.id == target.id)
    box = QRectF(frame.x, frame.y, frame.width, frame.height)
    assert all(box.contains(rect) for rect in rects)
    qtbot.waitUntil(lambda: dropped.id not in page.scene.clusters
                    and page.scene.clusters[target.id].count == len(moving | staying))
    demo_window.undo_action.trigger()  # one step brings both back
    qtbot.waitUntil(lambda: dropped.id in {c.id for c in _snapshot(demo_store, page).clusters})


# --------------------------------------------------------------------------- long texts


def test_a_title_over_the_limit_is_refused_and_stays_in_the_editor(
        qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    frame = next(iter(page.scene.clusters.values()))
    title = frame.cluster.title
    messages: list[str] = []
    page.bridge.failed.connect(messages.append)
    page.editor.edit_title(frame)
    long_title = "Sehr langer Titel " * 15
    page.editor.widget.setPlainText(long_title)
    assert page.editor.hint.isVisible() and "/ 200" in page.editor.hint.text()
    qtbot.keyClick(page.editor.widget, Qt.Key.Key_Return)
    assert page.editor.is_editing()
    assert page.editor.widget.toPlainText() == long_title
    assert messages and "too long" in messages[-1] and "200" in messages[-1]
    assert next(c for c in _snapshot(demo_store, page).clusters
                if c.id == frame.id).title == title
    # Shortened, it is saved.
    page.editor.widget.setPlainText("Kurz und gut")
    qtbot.keyClick(page.editor.widget, Qt.Key.Key_Return)
    assert not page.editor.is_editing()
    qtbot.waitUntil(lambda: next(c for c in _snapshot(demo_store, page).clusters
                                 if c.id == frame.id).title == "Kurz und gut")


def test_a_note_over_the_limit_is_refused_and_nothing_is_cut(
        qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    note = page.scene.loose_notes()[0]
    text = note.idea.text
    messages: list[str] = []
    page.bridge.failed.connect(messages.append)
    page.editor.edit_note(note)
    page.editor.widget.setPlainText("B" * 2100)
    qtbot.keyClick(page.editor.widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.is_editing() and len(page.editor.widget.toPlainText()) == 2100
    assert messages and "2100" in messages[-1] and "2000" in messages[-1]
    assert _idea(demo_store, page, text) is not None


def test_capture_refuses_a_note_over_the_limit_and_keeps_the_text(
        qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    messages: list[str] = []
    page.bridge.failed.connect(messages.append)
    count = len(_snapshot(demo_store, page).ideas)
    page.capture.setPlainText("A" * 2500)
    assert page.capture.hint.isVisible()
    qtbot.keyClick(page.capture, Qt.Key.Key_Return)
    assert page.capture.toPlainText() == "A" * 2500
    assert messages and "2500" in messages[-1]
    # A pasted list: the lines that fit become notes, the one too long stays to be shortened.
    data = QMimeData()
    data.setText("Kurze Idee\n" + "C" * 2001 + "\nNoch eine")
    page.capture.insertFromMimeData(data)
    qtbot.waitUntil(lambda: len(_snapshot(demo_store, page).ideas) == count + 2)
    assert page.capture.toPlainText() == "C" * 2001
    assert "too long" in messages[-1]
    assert all(len(i.text) <= 2000 for i in _snapshot(demo_store, page).ideas)


# --------------------------------------------------------------------------- measures


def _links(store: Store, idea_id: object) -> int:
    return int(store.read(lambda s: s.scalar(
        select(func.count()).select_from(MeasureSource)
        .where(MeasureSource.idea_id == idea_id, MeasureSource.deleted.is_(False)))) or 0)


def test_promoting_says_so_and_never_makes_a_second_measure_of_a_note(
        qtbot: QtBot, page: BoardPage, demo_store: Store) -> None:
    note = page.scene.loose_notes()[0]
    page.scene.clearSelection()
    note.setSelected(True)
    notices: list[str] = []
    page.notice.connect(notices.append)
    page.promote_selected()
    page.promote_selected()  # a second click while the first is being saved
    qtbot.waitUntil(lambda: len(notices) == 2)
    assert sorted("digital agenda" in text for text in notices) == [False, True]
    assert any("already" in text for text in notices)
    page.promote_selected()  # and later
    qtbot.waitUntil(lambda: len(notices) == 3)
    assert "already" in notices[2]
    page.bridge.wait_idle()
    assert _links(demo_store, note.id) == 1
