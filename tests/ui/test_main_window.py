"""The shell, driven like a facilitator drives it: keys, clicks, typing; checked in the store."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from myk10_workshop.i18n import Message
from myk10_workshop.logs import configure_logging
from myk10_workshop.projects.operations import edit
from myk10_workshop.projects.queries import ProjectNode, load_counts
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Deferred
from myk10_workshop.store.schema import ChangeLogEntry
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.main_window import MainWindow
from myk10_workshop.ui.navigator import FIELDS_GROUP, KIND_ROLE

Tree = Callable[[], tuple[ProjectNode, ...]]


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def _navigator_texts(window: MainWindow) -> list[str]:
    model = window.navigator.model
    texts = []
    for row in range(model.rowCount()):
        project = model.index(row, 0)
        texts.append(project.data())
        for child_row in range(model.rowCount(project)):
            child = model.index(child_row, 0, project)
            texts.append("  " + child.data())
            for leaf_row in range(model.rowCount(child)):
                texts.append("    " + model.index(leaf_row, 0, child).data())
    return texts


def test_demo_project_fills_navigator_and_overview(demo_window: MainWindow) -> None:
    texts = _navigator_texts(demo_window)
    assert texts[0] == "Smarte Region MYK10"
    assert any(text.startswith("  Strategie-Workshop") for text in texts)
    assert "  Fields of action (10)" in texts
    assert sum(text.startswith("    ") for text in texts) == 10
    form = demo_window.overview.project_form
    assert demo_window.overview.stack.currentWidget() is form
    assert form.name.text() == "Smarte Region MYK10"
    assert form.starts_on.value() == dt.date(2020, 9, 1)


def test_project_counts_come_from_the_store(qtbot: QtBot, demo_window: MainWindow,
                                            demo_store: Store) -> None:
    project = demo_window.navigator.current_project()
    assert project is not None
    counts = demo_store.read(lambda session: load_counts(session, project.id))
    label = demo_window.overview.project_form.count_labels["ideas"][1]
    qtbot.waitUntil(lambda: label.text() == str(counts.ideas))
    assert counts.ideas > 50


def test_new_project_by_keyboard_rename_and_undo(qtbot: QtBot, window: MainWindow,
                                                 tree: Tree) -> None:
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(tree()) == 1)
    assert tree()[0].name == "New project"
    # The new entry is selected with its name open for typing.
    editor = window.navigator.tree.findChild(QLineEdit)
    qtbot.waitUntil(lambda: (editor := window.navigator.tree.findChild(QLineEdit)) is not None
                    and editor.isVisible())
    editor = window.navigator.tree.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Zukunftsdialog Andernach")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree()[0].name == "Zukunftsdialog Andernach")
    qtbot.waitUntil(lambda: _navigator_texts(window)[0] == "Zukunftsdialog Andernach")

    window.navigator.tree.setFocus()
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tree()[0].name == "New project")
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tree() == ())
    qtbot.waitUntil(lambda: window.navigator.model.rowCount() == 0)
    assert window.overview.stack.currentWidget() is window.overview.empty
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(tree()) == 1 and tree()[0].name == "New project")
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(tree()) == 1 and tree()[0].name == "Zukunftsdialog Andernach")


def test_new_workshop_and_field_belong_to_the_selected_project(
        qtbot: QtBot, demo_window: MainWindow, tree: Tree) -> None:
    _activate(qtbot, demo_window)
    qtbot.keyClick(demo_window, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(tree()[0].workshops) == 2)
    assert "New workshop" in [w.title for w in tree()[0].workshops]
    demo_window.project_actions.new_field.trigger()
    qtbot.waitUntil(lambda: len(tree()[0].fields) == 11)
    assert tree()[0].fields[-1].name == "New field of action"


def test_workshop_form_saves_each_field_as_it_is_edited(qtbot: QtBot, demo_window: MainWindow,
                                                       tree: Tree) -> None:
    workshop = tree()[0].workshops[0]
    demo_window.navigator.select("workshop", workshop.id)
    form = demo_window.overview.workshop_form
    assert demo_window.overview.stack.currentWidget() is form
    form.venue.setFocus()
    form.venue.selectAll()
    qtbot.keyClicks(form.venue, "Stadthalle Mayen")
    qtbot.keyClick(form.venue, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree()[0].workshops[0].venue == "Stadthalle Mayen")

    # Multi-line text is saved after a short pause in typing, without leaving the field.
    form.description.setFocus()
    form.description.selectAll()
    qtbot.keyClicks(form.description, "Zweiter Entwurf")
    qtbot.waitUntil(lambda: tree()[0].workshops[0].description == "Zweiter Entwurf",
                    timeout=5000)

    # Undo from the Edit menu restores the previous text.
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: tree()[0].workshops[0].description == workshop.description)
    qtbot.waitUntil(lambda: form.description.toPlainText() == workshop.description)


def test_end_before_start_is_refused_and_nothing_changes(
        qtbot: QtBot, demo_window: MainWindow, tree: Tree, demo_store: Store) -> None:
    workshop = tree()[0].workshops[0]
    demo_window.navigator.select("workshop", workshop.id)
    form = demo_window.overview.workshop_form
    log_size = demo_store.read(lambda s: s.query(ChangeLogEntry).count())
    form.ends_on.edit.setDate(QDate(2021, 12, 24))
    form.ends_on.edit.editingFinished.emit()
    qtbot.waitUntil(lambda: demo_window.messages.isVisible())
    assert "end date must not be before the start date" in demo_window.messages.text()
    assert tree()[0].workshops[0].ends_on == workshop.ends_on
    assert demo_store.read(lambda s: s.query(ChangeLogEntry).count()) == log_size
    qtbot.waitUntil(lambda: form.ends_on.value() == workshop.ends_on)


def test_blank_name_is_refused_in_place(qtbot: QtBot, demo_window: MainWindow,
                                        tree: Tree) -> None:
    form = demo_window.overview.project_form
    form.name.setFocus()
    form.name.clear()
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_window.messages.isVisible())
    assert demo_window.messages.text() == "Name must not be empty."
    assert tree()[0].name == "Smarte Region MYK10"
    assert form.name.text() == "Smarte Region MYK10"
    assert not demo_window.bridge.undo_stack.canUndo()


def test_delete_and_undo_from_the_message(qtbot: QtBot, demo_window: MainWindow, tree: Tree,
                                          demo_store: Store) -> None:
    project = tree()[0]
    workshop = project.workshops[0]
    ideas = demo_store.read(lambda s: load_counts(s, project.id)).ideas
    demo_window.navigator.select("workshop", workshop.id)
    demo_window.navigator.tree.setFocus()
    qtbot.keyClick(demo_window.navigator.tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: tree()[0].workshops == ())
    assert demo_store.read(lambda s: load_counts(s, project.id)).ideas == 0
    qtbot.waitUntil(lambda: demo_window.messages.isVisible())
    assert workshop.title in demo_window.messages.text()
    assert demo_window.messages.action_button.text() == "Undo"
    qtbot.mouseClick(demo_window.messages.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tree()[0].workshops == (workshop,))
    assert demo_store.read(lambda s: load_counts(s, project.id)).ideas == ideas


def test_rename_field_of_action_in_place(qtbot: QtBot, demo_window: MainWindow,
                                         tree: Tree) -> None:
    field = tree()[0].fields[1]
    assert demo_window.navigator.select("field_of_action", field.id)
    demo_window.navigator.tree.setFocus()
    qtbot.keyClick(demo_window.navigator.tree, Qt.Key.Key_F2)
    editor = demo_window.navigator.tree.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Verkehr")
    # QTest types ASCII only; umlauts arrive as an input method would deliver them.
    editor.home(False)
    editor.insert("Mobilität & ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree()[0].fields[1].name == "Mobilität & Verkehr")
    qtbot.waitUntil(
        lambda: demo_window.overview.field_form.name.text() == "Mobilität & Verkehr")


def test_group_entry_cannot_be_renamed_or_deleted(qtbot: QtBot, demo_window: MainWindow,
                                                  tree: Tree) -> None:
    model = demo_window.navigator.model
    project_index = model.index(0, 0)
    group = model.index(model.rowCount(project_index) - 1, 0, project_index)
    assert group.data(KIND_ROLE) == FIELDS_GROUP
    demo_window.navigator.tree.setCurrentIndex(group)
    assert not demo_window.project_actions.delete.isEnabled()
    assert not demo_window.project_actions.rename.isEnabled()
    demo_window.navigator.tree.setFocus()
    qtbot.keyClick(demo_window.navigator.tree, Qt.Key.Key_Delete)
    demo_window.project_actions.delete_current()
    demo_window.bridge.wait_idle()
    assert len(tree()[0].fields) == 10
    assert not demo_window.bridge.undo_stack.canUndo()


def test_pages_not_built_yet_say_so(demo_window: MainWindow) -> None:
    titles = [demo_window.tabs.tabText(i) for i in range(demo_window.tabs.count())]
    assert titles == ["Overview", "Agenda", "Board", "Voting", "Timeline", "Results"]
    assert [page.objectName() for page in demo_window.feature_pages] == ["resultsPage"]
    for page in demo_window.feature_pages:
        assert page.body.text().startswith("Not built yet.")


def test_page_shortcuts(qtbot: QtBot, demo_window: MainWindow) -> None:
    _activate(qtbot, demo_window)
    qtbot.keyClick(demo_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.tabs.currentWidget().objectName() == "boardHolder"
    assert demo_window.board_page.isVisible()
    qtbot.keyClick(demo_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.tabs.currentWidget() is demo_window.overview


def test_switching_to_german_translates_the_open_window(
        qtbot: QtBot, demo_window: MainWindow, english: Translations) -> None:
    demo_window.language_chosen.connect(english.install)
    demo_window.language_actions["de"].trigger()
    assert english.language == "de"
    # Qt posts the LanguageChange events to the windows.
    qtbot.waitUntil(lambda: demo_window.file_menu.title() == "&Datei")
    assert demo_window.tabs.tabText(0) == "Übersicht"
    assert demo_window.tabs.tabText(2) == "Pinnwand"
    assert demo_window.overview.project_form.heading.text() == "Projekt"
    assert "  Handlungsfelder (10)" in _navigator_texts(demo_window)
    demo_window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: demo_window.file_menu.title() == "&File")


def test_disk_full_is_reported_plainly_and_nothing_is_lost(
        qtbot: QtBot, demo_window: MainWindow, demo_store: Store, tree: Tree) -> None:
    before = tree()
    with demo_store._write_engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        connection.exec_driver_sql(f"PRAGMA max_page_count={pages}")
    form = demo_window.overview.project_form
    form.description.setFocus()
    # Long enough to need new pages in the file, short enough to be valid.
    form.description.setPlainText("Sehr langer Text. " * 600)
    form.description.clearFocus()
    qtbot.waitUntil(lambda: demo_window.messages.isVisible(), timeout=5000)
    assert demo_window.messages.text().startswith("The disk is full")
    assert "Everything saved before is safe" in demo_window.messages.text()
    assert tree() == before
    assert demo_store.integrity_check() == "ok"


def test_unexpected_error_goes_to_the_log(qtbot: QtBot, demo_window: MainWindow,
                                          tmp_path: Path) -> None:
    log_file = tmp_path / "data" / "logs" / "myk10-workshop.log"
    configure_logging(log_file)
    try:
        def broken() -> Deferred:
            raise RuntimeError("simulated bug")

        demo_window.bridge.run(Deferred(broken, Message("x", "Broken")), undoable=False)
        qtbot.waitUntil(lambda: demo_window.messages.isVisible())
        assert demo_window.messages.text() == (
            "An unexpected error occurred. Your saved work is safe. "
            f"The details are in the log file {log_file}.")
        logged = log_file.read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" in logged
        assert "RuntimeError: simulated bug" in logged
    finally:
        configure_logging(None)


def test_a_refresh_does_not_overwrite_what_is_being_typed(
        qtbot: QtBot, demo_window: MainWindow, tree: Tree) -> None:
    workshop = tree()[0].workshops[0]
    demo_window.navigator.select("workshop", workshop.id)
    form = demo_window.overview.workshop_form
    form.description.setFocus()
    form.description.selectAll()
    qtbot.keyClicks(form.description, "Entwurf")
    # Another change arrives (as from the venue field) before the pause saves the text.
    refreshed: list[object] = []
    demo_window.bridge.changed.connect(refreshed.append)
    demo_window.bridge.run(edit("workshop", workshop.id, venue="Kulturzentrum Mayen"))
    qtbot.waitUntil(lambda: bool(refreshed) and not demo_window._tree_loading)
    qtbot.waitUntil(lambda: form.venue.text() == "Kulturzentrum Mayen")
    assert form.description.toPlainText() == "Entwurf"
    qtbot.keyClicks(form.description, " zwei")
    qtbot.waitUntil(lambda: tree()[0].workshops[0].description == "Entwurf zwei", timeout=5000)
    assert form.description.toPlainText() == "Entwurf zwei"


def _lock_database(store: Store) -> sqlite3.Connection:
    """Another program holds the write lock; our writer gives up after 0.1 s."""
    with store._write_engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA busy_timeout=100")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return other


def test_a_change_that_could_not_be_saved_is_redone_by_redo(
        qtbot: QtBot, demo_window: MainWindow, demo_store: Store, tree: Tree) -> None:
    stack = demo_window.bridge.undo_stack
    other = _lock_database(demo_store)
    try:
        form = demo_window.overview.project_form
        form.name.setFocus()
        form.name.selectAll()
        qtbot.keyClicks(form.name, "Smarte Region MYK10 plus")
        qtbot.keyClick(form.name, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: demo_window.messages.isVisible(), timeout=5000)
        assert demo_window.messages.text().startswith("The database is busy in another program")
        qtbot.waitUntil(lambda: stack.canRedo() and not stack.canUndo())
        assert tree()[0].name == "Smarte Region MYK10"
    finally:
        other.rollback()
        other.close()
    demo_window.redo_action.trigger()
    qtbot.waitUntil(lambda: tree()[0].name == "Smarte Region MYK10 plus")
    assert stack.canUndo() and not stack.canRedo()
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: tree()[0].name == "Smarte Region MYK10")


def test_a_failed_undo_leaves_the_change_undoable(
        qtbot: QtBot, demo_window: MainWindow, demo_store: Store, tree: Tree) -> None:
    stack = demo_window.bridge.undo_stack
    demo_window.bridge.run(edit("project", tree()[0].id, name="Neu"))
    qtbot.waitUntil(lambda: tree()[0].name == "Neu")
    demo_window.bridge.wait_idle()
    other = _lock_database(demo_store)
    try:
        demo_window.undo_action.trigger()
        qtbot.waitUntil(lambda: demo_window.messages.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: stack.canUndo() and not stack.canRedo())
    finally:
        other.rollback()
        other.close()
    assert tree()[0].name == "Neu"
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: tree()[0].name == "Smarte Region MYK10")
    demo_window.redo_action.trigger()
    qtbot.waitUntil(lambda: tree()[0].name == "Neu")


def test_typing_is_saved_before_the_next_command(qtbot: QtBot, demo_window: MainWindow,
                                                 tree: Tree) -> None:
    _activate(qtbot, demo_window)
    form = demo_window.overview.project_form
    form.name.setFocus()
    form.name.selectAll()
    qtbot.keyClicks(form.name, "MYK10 digital")
    # No Enter, no focus change: the toolbar's "New project" does not take the focus.
    demo_window.project_actions.new_project.trigger()
    qtbot.waitUntil(lambda: len(tree()) == 2)
    assert sorted(p.name for p in tree()) == ["MYK10 digital", "New project"]
    # One undo takes back the new project, the next one the typing.
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: [p.name for p in tree()] == ["MYK10 digital"])
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: [p.name for p in tree()] == ["Smarte Region MYK10"])


def test_the_undo_offered_after_a_delete_expires_with_the_next_change(
        qtbot: QtBot, demo_window: MainWindow, tree: Tree) -> None:
    field = tree()[0].fields[0]
    demo_window.navigator.select("field_of_action", field.id)
    demo_window.project_actions.delete.trigger()
    qtbot.waitUntil(lambda: len(tree()[0].fields) == 9)
    assert demo_window.messages.action_button.isVisible()
    demo_window.bridge.run(edit("project", tree()[0].id, description="Neu"))
    qtbot.waitUntil(lambda: tree()[0].description == "Neu")
    assert not demo_window.messages.isVisible()
    demo_window.undo_action.trigger()
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(tree()[0].fields) == 10)


def test_undo_texts_follow_the_language(qtbot: QtBot, demo_window: MainWindow,
                                        english: Translations, tree: Tree) -> None:
    demo_window.bridge.run(edit("project", tree()[0].id, description="Neu"))
    qtbot.waitUntil(lambda: demo_window.undo_action.text() == "&Undo Change Project")
    demo_window.language_chosen.connect(english.install)
    demo_window.language_actions["de"].trigger()
    qtbot.waitUntil(lambda: demo_window.undo_action.text() == "&Rückgängig: Projekt ändern")
    demo_window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: demo_window.undo_action.text() == "&Undo Change Project")
