"""Shared test rules: core tests stay headless, no test leaks threads."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from myk10_workshop.store.database import Store

TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    ui_folder = TESTS / "ui"
    for item in items:
        if ui_folder in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.ui)


def _qt_application_exists() -> bool:
    core = sys.modules.get("PySide6.QtCore")
    return core is not None and core.QCoreApplication.instance() is not None


@pytest.fixture(autouse=True)
def _house_rules(request: pytest.FixtureRequest) -> Iterator[None]:
    """Core tests create no QApplication; no test leaves a thread of ours running."""
    is_ui = request.node.get_closest_marker("ui") is not None
    had_app = _qt_application_exists()
    before = set(threading.enumerate())
    yield
    leaked = [t for t in threading.enumerate()
              if t not in before and t.is_alive() and t.name.startswith("store-")]
    if leaked:
        pytest.fail(f"test leaked threads: {[t.name for t in leaked]}")
    if not is_ui and not had_app and _qt_application_exists():
        pytest.fail("a core test created a QApplication; core tests must stay headless")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A new, migrated database in a temporary folder."""
    opened = Store.open(tmp_path / "data" / "myk10-workshop.sqlite3")
    yield opened
    opened.close()
