"""Single widgets under test, without the main window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from pytestqt.qtbot import QtBot

from myk10_workshop.app import _language_switcher
from myk10_workshop.paths import DataDir
from myk10_workshop.settings import Settings
from myk10_workshop.ui import message_bar
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.ui.details import OptionalDateEdit
from myk10_workshop.ui.message_bar import Level, MessageBar


def test_an_open_date_starts_from_today_and_stays_open_if_left(qtbot: QtBot) -> None:
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    field.show()
    field.set_value(None)
    edited: list[object] = []
    field.edited.connect(edited.append)
    in_text = QPoint(8, field.edit.height() // 2)
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton, pos=in_text)
    assert field.edit.date() == QDate.currentDate()
    field.commit()  # left without changing anything
    assert edited == []
    assert field.value() is None
    assert field.edit.text() == "–"
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton, pos=in_text)
    field.edit.setDate(QDate(2022, 3, 17))
    field.commit()
    assert edited == [dt.date(2022, 3, 17)]
    qtbot.mouseClick(field.clear_button, Qt.MouseButton.LeftButton)
    assert edited == [dt.date(2022, 3, 17), None]


def test_message_bar_runs_its_action_once_and_can_withdraw_it(qtbot: QtBot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show()
    runs: list[int] = []
    bar.show_message("Gelöscht.", action_text="Rückgängig", action=lambda: runs.append(1))
    assert bar.isVisible() and bar.action_button.isVisible()
    qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    assert runs == [1]
    assert not bar.isVisible()
    bar.show_message("Gelöscht.", action_text="Rückgängig", action=lambda: runs.append(2))
    bar.withdraw_action()
    assert not bar.isVisible()
    bar.show_message("Fehler", Level.ERROR)
    bar.withdraw_action()  # no action: an error stays
    assert bar.isVisible() and not bar.action_button.isVisible()
    assert runs == [1]


def test_choosing_a_language_is_remembered(qtbot: QtBot, bridge: StoreBridge,
                                           english: Translations, tmp_path: Path) -> None:
    data = DataDir(tmp_path / "folder")
    settings = Settings()
    choose = _language_switcher(english, settings, data, bridge)
    choose("de")
    assert english.language == "de"
    qtbot.waitUntil(lambda: Settings.load(data.settings).language == "de")
    choose("en")
    qtbot.waitUntil(lambda: Settings.load(data.settings).language == "en")


def test_an_old_error_goes_when_a_later_change_succeeds(qtbot: QtBot,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("Das ging nicht.", Level.ERROR)
    bar.outdated_by_success()
    assert bar.text() == "Das ging nicht."  # it came with this change: it stays
    monkeypatch.setattr(message_bar, "ERROR_FRESH_MS", 0)
    bar.outdated_by_success()
    assert bar.text() == ""
    bar.show_message("Gespeichert.", Level.INFO)
    bar.outdated_by_success()
    assert bar.text() == "Gespeichert."
