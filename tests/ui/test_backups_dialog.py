"""Backups from the File menu: take one, restore one (with a question first)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from myk10_workshop.projects.operations import edit
from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.ui.backups_dialog import BackupsDialog
from myk10_workshop.ui.main_window import MainWindow

Tree = Callable[[], tuple[ProjectNode, ...]]


def test_back_up_then_restore_after_a_mistake(qtbot: QtBot, demo_window: MainWindow,
                                              tree: Tree) -> None:
    with qtbot.waitSignal(demo_window.show_backups().listed) as listing:
        pass
    dialog = demo_window.findChild(BackupsDialog)
    assert dialog is not None and listing.signal_triggered
    count = dialog.table.topLevelItemCount()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == count + 1)
    assert dialog.table.topLevelItem(0).text(1) == "Saved by hand"

    # A mistake, made after the backup.
    project = tree()[0]
    demo_window.bridge.run(edit("project", project.id, name="Versehentlich"))
    qtbot.waitUntil(lambda: tree()[0].name == "Versehentlich")
    assert demo_window.bridge.undo_stack.canUndo()

    dialog.restore_button.click()
    box = dialog.confirmation
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Everything changed since then is replaced" in box.text()
    restore = next(b for b in box.buttons() if b.text() == "Restore")
    restore.click()
    qtbot.waitUntil(lambda: tree()[0].name == "Smarte Region MYK10")
    qtbot.waitUntil(lambda: demo_window.overview.project_form.name.text()
                    == "Smarte Region MYK10")
    qtbot.waitUntil(lambda: demo_window.messages.isVisible())
    assert "was restored" in demo_window.messages.text()
    # The history of a state that is gone cannot be undone into the restored one.
    assert not demo_window.bridge.undo_stack.canUndo()
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == count + 2)
    kinds = [dialog.table.topLevelItem(i).text(1) for i in range(count + 2)]
    assert "Before a restore" in kinds
    dialog.close()


def test_cancelling_the_question_restores_nothing(qtbot: QtBot, demo_window: MainWindow,
                                                  tree: Tree) -> None:
    dialog = demo_window.show_backups()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() >= 1)
    demo_window.bridge.run(edit("project", tree()[0].id, name="Bleibt"))
    qtbot.waitUntil(lambda: tree()[0].name == "Bleibt")
    dialog.restore_button.click()
    assert dialog.confirmation is not None
    dialog.confirmation.button(QMessageBox.StandardButton.Cancel).click()
    demo_window.bridge.wait_idle()
    assert tree()[0].name == "Bleibt"
    assert demo_window.bridge.undo_stack.canUndo()
    dialog.close()
