"""Fixtures for widget tests: a real store, the bridge and the main window, offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from myk10_workshop.demo import demo_operation
from myk10_workshop.projects.queries import ProjectNode, load_tree
from myk10_workshop.store.database import Store
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.board.page import BoardPage
from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.ui.main_window import MainWindow


@pytest.fixture
def english(qapp: Any) -> Iterator[Translations]:
    """Tests read English (the source language) unless they switch."""
    translations = Translations(qapp)
    translations.install("en")
    yield translations
    translations.install("en")


@pytest.fixture
def bridge(store: Store, tmp_path: Path, qapp: Any) -> Iterator[StoreBridge]:
    bridge = StoreBridge(store, tmp_path / "data" / "logs" / "myk10-workshop.log")
    yield bridge
    bridge.close()
    # Destroy the Qt side now, while the QApplication lives, not whenever GC gets to it.
    shiboken6.delete(bridge)


@pytest.fixture
def demo_store(store: Store) -> Store:
    store.apply(demo_operation())
    return store


def _open_window(qtbot: QtBot, bridge: StoreBridge, folder: Path) -> Iterator[MainWindow]:
    main = MainWindow(bridge, folder, "en")
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.show()
    yield main
    # Close the window while its bridge is still there, as the app does at exit.
    main.close()
    bridge.wait_idle()
    shiboken6.delete(main)


@pytest.fixture
def window(qtbot: QtBot, bridge: StoreBridge, english: Translations,
           tmp_path: Path) -> Iterator[MainWindow]:
    yield from _open_window(qtbot, bridge, tmp_path / "data")


@pytest.fixture
def tree(store: Store) -> Callable[[], tuple[ProjectNode, ...]]:
    """What the database holds now (projects with workshops and fields)."""
    return lambda: store.read(load_tree)


@pytest.fixture
def demo_window(qtbot: QtBot, demo_store: Store, bridge: StoreBridge, english: Translations,
                tmp_path: Path) -> Iterator[MainWindow]:
    """The main window over the demo project (loaded before the window opened)."""
    yield from _open_window(qtbot, bridge, tmp_path / "data")


@pytest.fixture
def page(qtbot: QtBot, demo_window: MainWindow,
         tree: Callable[[], tuple[ProjectNode, ...]]) -> BoardPage:
    """The Board page on the demo workshop's first board, loaded. (Test modules of other
    pages define their own ``page``.)"""
    board = demo_window.board_page
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        demo_window.navigator.select("workshop", tree()[0].workshops[0].id)
        demo_window.show_board()
    return board
