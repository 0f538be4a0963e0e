"""The Agenda tab in the main window: from planning to the live run and back, and a started
block bringing up its board."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.ui.agenda.tab import AgendaTab
from myk10_workshop.ui.main_window import MainWindow

Tree = Callable[[], tuple[ProjectNode, ...]]


def _agenda(qtbot: QtBot, window: MainWindow, tree: Tree) -> AgendaTab:
    window.navigator.select("workshop", tree()[0].workshops[0].id)
    agenda = window.show_agenda()
    qtbot.waitUntil(lambda: agenda.planning.agenda is not None, timeout=10_000)
    return agenda


def test_f5_starts_the_run_view_and_escape_goes_back(qtbot: QtBot, demo_window: MainWindow,
                                                    tree: Tree) -> None:
    agenda = _agenda(qtbot, demo_window, tree)
    assert demo_window.tabs.currentWidget().objectName() == "agendaHolder"
    agenda.planning.tree.setFocus()
    qtbot.keyClick(agenda.planning.tree, Qt.Key.Key_F5)
    assert agenda.is_running()
    qtbot.waitUntil(lambda: agenda.live.isVisible())
    qtbot.keyClick(agenda.live, Qt.Key.Key_Escape)
    assert not agenda.is_running()
    assert agenda.planning.isVisible()


def test_a_started_block_with_a_board_shows_that_board(qtbot: QtBot, demo_window: MainWindow,
                                                      tree: Tree) -> None:
    agenda = _agenda(qtbot, demo_window, tree)
    plan = agenda.planning.agenda
    assert plan is not None
    block = next(b for b in plan.days[0].blocks if b.board_id is not None)
    agenda.run()
    board = demo_window.board_page
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        agenda.live.board_requested.emit(block.board_id)
    assert demo_window.tabs.currentWidget().objectName() == "boardHolder"
    assert board.board_id() == block.board_id


def test_choosing_another_workshop_leaves_the_run_view_for_none(
        qtbot: QtBot, demo_window: MainWindow, tree: Tree) -> None:
    agenda = _agenda(qtbot, demo_window, tree)
    agenda.run()
    assert agenda.is_running()
    demo_window.navigator.select("project", tree()[0].id)
    assert not agenda.is_running()
