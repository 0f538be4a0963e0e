"""The Agenda tab in the main window: from planning to the live run and back, and a started
block bringing up its board."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
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


def test_a_board_taking_over_says_how_back_and_the_run_keys_work_on_return(
        qtbot: QtBot, demo_window: MainWindow, tree: Tree) -> None:
    """A started block's board comes up in the Board tab, where the run keys do nothing:
    the facilitator is told the way back, and back on the tab Page Down works at once."""
    agenda = _agenda(qtbot, demo_window, tree)
    plan = agenda.planning.agenda
    assert plan is not None
    block = next(b for b in plan.days[0].blocks if b.board_id is not None)
    agenda.run()
    live = agenda.live
    qtbot.waitUntil(lambda: live.isVisible() and live.agenda is not None, timeout=10_000)
    notices: list[str] = []
    agenda.notice.connect(notices.append)
    with qtbot.waitSignal(demo_window.board_page.loaded, timeout=10_000):
        live.board_requested.emit(block.board_id)
    assert demo_window.tabs.currentWidget().objectName() == "boardHolder"
    assert notices == ["The block's board is open. Ctrl+2 takes you back to the run."]

    with qtbot.waitSignal(live.loaded, timeout=10_000):
        live.start_action.trigger()
    demo_window.activateWindow()
    qtbot.keyClick(demo_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.tabs.currentWidget().objectName() == "agendaHolder"
    qtbot.waitUntil(live.hasFocus, timeout=5_000)
    assert live.next_action.isEnabled()
    with qtbot.waitSignal(live.loaded, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    second = live.block(plan.days[0].blocks[1].id)
    assert second is not None and second.actual_start is not None


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_leaving_the_run_closes_its_projector(qtbot: QtBot, demo_window: MainWindow,
                                             tree: Tree) -> None:
    agenda = _agenda(qtbot, demo_window, tree)
    agenda.run()
    projector = agenda.live.show_projector()
    agenda.plan()
    assert agenda.live.projector is None
    assert not projector.isVisible()
