"""The board keeps up with the store when reads finish out of order: late, slow or stale
results never put an older state, another board or another workshop on screen."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

import myk10_workshop.board.suggest as suggest_module
import myk10_workshop.ui.board.page as page_module
from myk10_workshop.board.queries import BoardSnapshot
from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Create
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.board.page import BoardPage
from myk10_workshop.ui.main_window import MainWindow
from tests.ui.test_board import _snapshot

Tree = Callable[[], tuple[ProjectNode, ...]]


class SlowReads:
    """Full board reads that are held back until :meth:`release` (read at once, handed
    over late: the state they carry is old when it arrives)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, page: BoardPage) -> None:
        self.gate = threading.Event()
        self.delivered: list[BoardSnapshot | None] = []
        real = page_module.load_board

        def slow(session: Session, board_id: uuid.UUID) -> BoardSnapshot | None:
            snapshot = real(session, board_id)
            self.gate.wait(10)
            return snapshot

        monkeypatch.setattr(page_module, "load_board", slow)
        shown = page._show_snapshot

        def spy(seq: int, snapshot: BoardSnapshot | None) -> None:
            self.delivered.append(snapshot)
            shown(seq, snapshot)

        monkeypatch.setattr(page, "_show_snapshot", spy)
        self._undo = lambda: monkeypatch.setattr(page_module, "load_board", real)

    def stop_holding_new_reads(self) -> None:
        self._undo()

    def release(self) -> None:
        self.gate.set()


@pytest.fixture
def slow_reads(monkeypatch: pytest.MonkeyPatch, page: BoardPage) -> Iterator[SlowReads]:
    reads = SlowReads(monkeypatch, page)
    yield reads
    reads.release()  # never leave a reader thread waiting


def test_a_slow_full_reload_does_not_undo_a_newer_move(
        qtbot: QtBot, page: BoardPage, demo_store: Store, slow_reads: SlowReads) -> None:
    note = page.scene.loose_notes()[0]
    start = note.scenePos()
    page.open_board(page.board_id())  # as a phone's vote or a renamed field would
    slow_reads.stop_holding_new_reads()
    note.setPos(note.pos() + QPointF(400, 0))
    page.scene.report_moves([note])
    moved = start.x() + 400

    def saved() -> bool:
        ideas = {i.id: i for i in _snapshot(demo_store, page).ideas}
        return ideas[note.id].x == moved

    qtbot.waitUntil(saved)
    qtbot.waitUntil(lambda: note.id in page._idea_seq)  # the move's own read is on screen
    slow_reads.release()
    qtbot.waitUntil(lambda: len(slow_reads.delivered) == 1)
    assert slow_reads.delivered[0] is not None
    assert next(i.x for i in slow_reads.delivered[0].ideas if i.id == note.id) == start.x()
    assert page.scene.notes[note.id].scenePos().x() == moved


def test_a_full_reload_asked_for_later_wins_over_an_earlier_one(
        qtbot: QtBot, page: BoardPage, demo_store: Store, slow_reads: SlowReads) -> None:
    note = page.scene.loose_notes()[0]
    page.open_board(page.board_id())  # held back: its state is older than the edit below
    slow_reads.stop_holding_new_reads()
    page.bridge.run(Create("idea", {"board_id": page.board_id(), "text": "Neu dazu",
                                    "x": 0.0, "y": 0.0}))
    qtbot.waitUntil(lambda: any(n.idea.text == "Neu dazu" for n in page.scene.notes.values()))
    page.open_board(page.board_id())  # a second, quick full read
    qtbot.waitUntil(lambda: len(slow_reads.delivered) == 1)
    slow_reads.release()
    qtbot.waitUntil(lambda: len(slow_reads.delivered) == 2)
    assert any(n.idea.text == "Neu dazu" for n in page.scene.notes.values())
    assert note.id in page.scene.notes


@pytest.fixture(params=["project", "field_of_action"])
def where(request: pytest.FixtureRequest) -> str:
    """The navigator entry the facilitator clicks while a board loads."""
    return str(request.param)


def test_a_board_that_arrives_after_leaving_the_workshop_is_not_shown(
        qtbot: QtBot, page: BoardPage, demo_window: MainWindow, tree: Tree,
        slow_reads: SlowReads, *, where: str) -> None:
    second = page.boards[1]
    page.board_choice.setCurrentIndex(1)
    page._on_board_chosen(1)  # the second board starts loading, slowly
    project = tree()[0]
    demo_window.navigator.select(where, project.id if where == "project"
                                 else project.fields[0].id)
    qtbot.waitUntil(lambda: page.workshop_id is None)
    slow_reads.release()
    qtbot.waitUntil(lambda: any(s is not None and s.board.id == second.id
                                for s in slow_reads.delivered))
    assert page.snapshot is None
    assert not page.scene.notes and not page.scene.clusters
    assert page.stack.currentWidget() is page.empty
    assert page.counts.text() == ""


def _new_workshop(qtbot: QtBot, page: BoardPage, demo_window: MainWindow, tree: Tree) -> None:
    create = Create("workshop", {"project_id": tree()[0].id, "title": "Ohne Pinnwand"})
    page.bridge.run(create)
    demo_window.navigator.select("workshop", create.id)  # when the navigator has it
    qtbot.waitUntil(lambda: page.workshop_id == create.id)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty and page.boards == ())


def test_the_empty_page_says_what_is_true_after_a_language_switch(
        qtbot: QtBot, page: BoardPage, demo_window: MainWindow, tree: Tree,
        english: Translations) -> None:
    _new_workshop(qtbot, page, demo_window, tree)
    assert page.empty.text() == ("This workshop has no board yet. "
                                 "Click “New board” to start one.")
    english.install("de")
    qtbot.waitUntil(lambda: "noch keine Pinnwand" in page.empty.text())
    demo_window.navigator.select("project", tree()[0].id)
    qtbot.waitUntil(lambda: page.workshop_id is None)
    assert page.empty.text().startswith("Wählen Sie links einen Workshop")


def test_leaving_a_workshop_without_boards_does_not_keep_its_hint(
        qtbot: QtBot, page: BoardPage, demo_window: MainWindow, tree: Tree) -> None:
    """The hint "click New board" must not stay when there is no workshop (a deleted one,
    or another entry chosen) and the button is off."""
    _new_workshop(qtbot, page, demo_window, tree)
    page.show_workshop(None)  # as when the workshop shown is deleted
    assert page.empty.text() == "Choose a workshop on the left to see its boards."
    assert not page.new_board_button.isEnabled()


def _entries(page: BoardPage) -> list[str]:
    return [page.suggestions.list.item(row).text() for row in range(page.suggestions.list.count())]


def test_suggestions_of_one_board_are_not_shown_on_another(
        qtbot: QtBot, page: BoardPage, monkeypatch: pytest.MonkeyPatch) -> None:
    first = page.board_id()
    page.side_button.setChecked(True)
    page.side.setCurrentWidget(page.suggestions)
    page.request_suggestions("all")
    qtbot.waitUntil(lambda: page.suggestions.list.count() > 0, timeout=10_000)
    # Another board: what was suggested for the first one goes.
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.open_board(page.boards[1].id)
    assert page.board_id() != first
    assert _entries(page) == [] and page.suggestions.status.text() == ""
    # A computation that finishes after the switch is dropped.
    gate = threading.Event()
    real = suggest_module.suggest_clusters

    def slow(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(suggest_module, "suggest_clusters", slow)
    done: list[object] = []
    shown = page._show_suggestions
    monkeypatch.setattr(page, "_show_suggestions",
                        lambda *args: (done.append(args), shown(*args)))
    try:
        page.request_suggestions("all")
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.open_board(first)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert _entries(page) == []
    assert all(button.isEnabled() for button in (
        page.suggestions.free_button, page.suggestions.all_button))
