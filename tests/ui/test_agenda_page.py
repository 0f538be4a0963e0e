"""The Agenda page driven as a facilitator drives it: keys, clicks and drops on the demo
workshop's two-day agenda, checked on screen and in the store."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeySequence,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QDialogButtonBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from myk10_workshop.agenda import operations as ops
from myk10_workshop.agenda.methods import default_library
from myk10_workshop.agenda.queries import AgendaView, BlockView, load_agenda
from myk10_workshop.agenda.templates import list_templates
from myk10_workshop.agenda.timing import minutes_of
from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Batch, Create, Operation
from myk10_workshop.ui.agenda.model import BLOCKS_MIME, Column, Role, RowKind, clock
from myk10_workshop.ui.agenda.page import AgendaPage
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.ui.main_window import MainWindow

Tree = Callable[[], tuple[ProjectNode, ...]]


@pytest.fixture
def workshop_id(demo_store: Store, tree: Tree) -> uuid.UUID:
    return tree()[0].workshops[0].id


@pytest.fixture
def host(qtbot: QtBot, bridge: StoreBridge, english: Translations) -> Iterator[QWidget]:
    """A plain window holding the page, with the undo keys the main window has."""
    window = QWidget()
    window.setObjectName("host")
    undo = QAction(window)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    window.addAction(undo)
    window.resize(1100, 760)
    window.undo = undo  # type: ignore[attr-defined]
    yield window
    window.close()
    bridge.wait_idle()
    shiboken6.delete(window)


def _open(qtbot: QtBot, host: QWidget, bridge: StoreBridge,
          workshop: uuid.UUID | None) -> AgendaPage:
    page = AgendaPage(bridge, host)
    QVBoxLayout(host).addWidget(page)

    def undo() -> None:
        page.flush()  # as MainWindow.commit_pending_edits does before undo
        bridge.undo_stack.undo()

    host.undo.triggered.connect(undo)  # type: ignore[attr-defined]
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    if workshop is not None:
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.show_workshop(workshop)
        qtbot.waitUntil(lambda: page.library is not None)
    return page


@pytest.fixture
def page(qtbot: QtBot, host: QWidget, bridge: StoreBridge, workshop_id: uuid.UUID,
         ) -> AgendaPage:
    return _open(qtbot, host, bridge, workshop_id)


def _stored(store: Store, workshop: uuid.UUID) -> AgendaView:
    agenda = store.read(lambda s: load_agenda(s, workshop))
    assert agenda is not None
    return agenda


def _plain(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText().replace("\xa0", " ")


def _shown_time(page: AgendaPage, block_id: uuid.UUID) -> str:
    return str(page.model.block_index(block_id, Column.TIME).data())


def _click_row(qtbot: QtBot, page: AgendaPage, index: QModelIndex) -> None:
    page.tree.scrollTo(index)
    rect = page.tree.visualRect(index.siblingAtColumn(Column.TITLE))
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.tree.currentIndex().siblingAtColumn(0) == index)


def _select_block(qtbot: QtBot, page: AgendaPage, block: BlockView) -> None:
    _click_row(qtbot, page, page.model.block_index(block.id))
    qtbot.waitUntil(lambda: page.editor.block is not None and page.editor.block.id == block.id)


def _send_drop(page: AgendaPage, data: QMimeData, point: QPoint,
               action: Qt.DropAction) -> None:
    """What Qt delivers to the table when something is dragged over it and let go."""
    viewport = page.tree.viewport()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, action, data, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, action, data, buttons, keys)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point), action, data, buttons, keys))


# --------------------------------------------------------------------------- showing


def test_the_demo_agenda_shows_computed_times(page: AgendaPage, demo_store: Store,
                                              workshop_id: uuid.UUID) -> None:
    agenda = _stored(demo_store, workshop_id)
    assert [page.model.day_title(row) for row in range(page.model.rowCount())] == [
        "Day 1: Thursday, 20 January 2022", "Day 2: Friday, 21 January 2022"]
    first = agenda.days[0]
    start = minutes_of(first.starts_at)
    # The fifth block starts after the four before it, at the day's start plus their time.
    fifth = first.blocks[4]
    before = sum(block.duration_min for block in first.blocks[:4])
    assert _shown_time(page, fifth.id) == (
        f"{clock(start + before)}–{clock(start + before + fifth.duration_min)}")
    # The pinned lunch shows its pin; the block after it follows the lunch.
    lunch = next(block for block in first.blocks if block.pinned_at is not None)
    assert _shown_time(page, lunch.id).startswith(clock(minutes_of(lunch.pinned_at)))
    assert not page.model.block_index(lunch.id, Column.TIME).data(
        Qt.ItemDataRole.DecorationRole).isNull()
    after = first.blocks[first.blocks.index(lunch) + 1]
    assert _shown_time(page, after.id).startswith(
        clock(minutes_of(lunch.pinned_at) + lunch.duration_min))
    # Facilitator-only blocks carry a mark; the working groups have a row of their own.
    internal = next(block for block in first.blocks if block.facilitator_only)
    assert page.model.block_index(internal.id, Column.TITLE).data(Role.BADGE) == "internal"
    split = next(block for block in first.blocks if block.tracks)
    tracks = page.model.tracks_index(split.id)
    assert tracks.isValid() and page.model.kind(tracks) is RowKind.TRACKS
    assert _plain(page.summary.text()).startswith("In all: 2 days, 24 blocks, 14 h 30 min")
    assert page.warning_list.item(0).text().startswith("✓")


def test_a_new_duration_retimes_the_blocks_after_it_is_saved_and_undone(
        qtbot: QtBot, page: AgendaPage, host: QWidget, demo_store: Store,
        workshop_id: uuid.UUID) -> None:
    first, second, third = _stored(demo_store, workshop_id).days[0].blocks[:3]
    assert (first.duration_min, _shown_time(page, second.id)) == (45, "09:45–10:15")
    _select_block(qtbot, page, first)
    spin = page.editor.duration
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QPoint(20, spin.height() // 2))
    spin.selectAll()
    qtbot.keyClicks(spin, "60")
    # Shown at once, before it is saved: the rest of the morning moves by 15 minutes.
    qtbot.waitUntil(lambda: _shown_time(page, second.id) == "10:00–10:30")
    assert _shown_time(page, third.id) == "10:30–10:45"
    assert _stored(demo_store, workshop_id).days[0].blocks[0].duration_min == 45
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _stored(demo_store, workshop_id).days[0].blocks[0].duration_min
                    == 60)
    qtbot.waitUntil(lambda: page.agenda is not None
                    and page.agenda.days[0].blocks[0].duration_min == 60)
    assert _shown_time(page, second.id) == "10:00–10:30"
    # Ctrl+Z (the window's undo) takes it back, in the store and on screen.
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _stored(demo_store, workshop_id).days[0].blocks[0].duration_min
                    == 45)
    qtbot.waitUntil(lambda: _shown_time(page, second.id) == "09:45–10:15")
    assert spin.value() == 45


def test_alt_down_and_alt_page_down_move_a_block_and_undo_restores(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    before = _stored(demo_store, workshop_id)
    day_one = [block.id for block in before.days[0].blocks]
    day_two = [block.id for block in before.days[1].blocks]
    _select_block(qtbot, page, before.days[0].blocks[0])
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    expected = [day_one[1], day_one[0], *day_one[2:]]
    qtbot.waitUntil(lambda: [b.id for b in _stored(demo_store, workshop_id).days[0].blocks]
                    == expected)
    # The moved block stays selected, one row further down, with its new times.
    qtbot.waitUntil(lambda: page.model.block_index(day_one[0]).row() == 1)
    assert page.current_block() is not None and page.current_block().id == day_one[0]
    assert _shown_time(page, day_one[0]) == "09:30–10:15"
    # Alt+Page Down: to the start of the next day.
    qtbot.keyClick(page.tree, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: _stored(demo_store, workshop_id).days[1].blocks[0].id
                    == day_one[0])
    qtbot.waitUntil(lambda: _shown_time(page, day_one[0]) == "09:00–09:45")
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: [[b.id for b in day.blocks]
                             for day in _stored(demo_store, workshop_id).days]
                    == [day_one, day_two])
    qtbot.waitUntil(lambda: page.model.block_index(day_one[0]).row() == 0)


def test_a_method_dropped_on_a_day_becomes_a_block_of_its_duration(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    page.show_library()
    panel = page.library_panel
    qtbot.keyClicks(panel.search, "Fishbowl")
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 1)
    method = panel.model.methods[0]
    assert method.key == "fishbowl"
    data = panel.model.mimeData([panel.model.index(0)])
    day_two = page.model.day_index(_stored(demo_store, workshop_id).days[1].id)
    page.tree.scrollTo(day_two)
    rect = page.tree.visualRect(day_two)
    # Let go on the lower half of the day's heading: at the start of that day.
    _send_drop(page, data, QPoint(rect.center().x(), rect.bottom() - 3),
               Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: _stored(demo_store, workshop_id).days[1].blocks[0].method
                    == method.name("en"))
    made = _stored(demo_store, workshop_id).days[1].blocks[0]
    assert made.duration_min == method.duration_min == 60
    assert made.title == "Fishbowl"
    # On screen it opens day 2, and the block after it starts when it ends.
    qtbot.waitUntil(lambda: page.model.block_index(made.id).isValid())
    assert _shown_time(page, made.id) == "09:00–10:00"
    following = _stored(demo_store, workshop_id).days[1].blocks[1]
    assert _shown_time(page, following.id).startswith("10:00")


def test_a_block_dragged_into_the_other_day_moves_there(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    before = _stored(demo_store, workshop_id)
    moving = before.days[0].blocks[1]
    target = before.days[1].blocks[2]
    data = page.model.mimeData([page.model.block_index(moving.id)])
    assert data.hasFormat(BLOCKS_MIME)
    index = page.model.block_index(target.id)
    page.tree.scrollTo(index)
    rect = page.tree.visualRect(index)
    # The lower half of a row: right after it.
    _send_drop(page, data, QPoint(rect.center().x(), rect.bottom() - 2),
               Qt.DropAction.MoveAction)
    qtbot.waitUntil(lambda: _stored(demo_store, workshop_id).days[1].blocks[3].id
                    == moving.id)
    assert moving.id not in [b.id for b in _stored(demo_store, workshop_id).days[0].blocks]


def test_pinning_a_block_into_the_one_before_shows_a_warning(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    coffee = _stored(demo_store, workshop_id).days[0].blocks[2]
    assert coffee.title == "Kaffeepause" and _shown_time(page, coffee.id) == "10:15–10:30"
    _select_block(qtbot, page, coffee)
    editor = page.editor
    qtbot.mouseClick(editor.pinned, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, editor.pinned.height() // 2))
    # Pinned where it is: nothing to warn of.
    qtbot.waitUntil(lambda: page.agenda is not None and page.agenda.days[0].blocks[2].pinned_at
                    == dt.time(10, 15))
    assert page.model.all_warnings() == []
    editor.pinned_at.setFocus()
    editor.pinned_at.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(editor.pinned_at, "1000")
    qtbot.keyClick(editor.pinned_at, Qt.Key.Key_Return)
    text = "The blocks before “Kaffeepause” run 15 min past its fixed start time."
    qtbot.waitUntil(lambda: any(page.warning_list.item(i).text() == text
                                for i in range(page.warning_list.count())))
    assert text in editor.warnings.text() and editor.warnings.isVisible()
    assert _stored(demo_store, workshop_id).days[0].blocks[2].pinned_at == dt.time(10, 0)
    assert _shown_time(page, coffee.id) == "10:00–10:15"
    # The block that runs into it is named too, and the row carries the warning.
    assert any("“Impulsvortrag: Wo steht die Smarte Region MYK10?” runs 15 min into "
               "“Kaffeepause”" in page.warning_list.item(i).text()
               for i in range(page.warning_list.count()))
    assert text in page.model.block_index(coffee.id, Column.TITLE).data(
        Qt.ItemDataRole.ToolTipRole)


def test_splitting_into_working_groups_shows_them_side_by_side(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    cafe = _stored(demo_store, workshop_id).days[0].blocks[3]
    assert cafe.title.startswith("World Café") and not cafe.tracks
    _select_block(qtbot, page, cafe)
    tracks = page.editor.tracks
    page.editor_scroll.ensureWidgetVisible(tracks.split_button)
    qtbot.mouseClick(tracks.split_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor.split_dialog is not None
                    and page.editor.split_dialog.isVisible())
    dialog = page.editor.split_dialog
    assert dialog is not None
    dialog.count.selectAll()
    qtbot.keyClicks(dialog.count, "3")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    for row, room in enumerate(("Raum 1.01", "Raum 1.02", "Foyer")):
        item = dialog.table.item(row, 1)
        assert item is not None
        item.setText(room)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days[0].blocks[3].tracks)
                    == 3)
    qtbot.waitUntil(lambda: page.model.tracks_index(cafe.id).isValid())
    row = page.model.tracks_index(cafe.id)
    page.tree.scrollTo(row)
    shown = page.model.data(row, int(Qt.ItemDataRole.DisplayRole))
    assert shown == ("Working group 1 (Raum 1.01)  |  Working group 2 (Raum 1.02)  |  "
                     "Working group 3 (Foyer)")
    # Drawn as three tiles on one line, left to right, inside the table.
    rect = page.tree.visualRect(row)
    tiles = page.tree.delegate.tile_rects(rect, 3)
    assert len({tile.top() for tile in tiles}) == 1
    assert tiles[0].right() < tiles[1].left() and tiles[1].right() < tiles[2].left()
    assert tiles[2].right() <= page.tree.viewport().width()
    assert rect.height() >= tiles[0].height()
    # The editor lists them for editing, and no group lacks a room.
    assert tracks.table.rowCount() == 3 and tracks.groups.isVisible()
    assert page.model.all_warnings() == []


def test_german_ui(qtbot: QtBot, page: AgendaPage, english: Translations) -> None:
    english.install("de")
    # The page hears of the new language through the LanguageChange event.
    qtbot.waitUntil(lambda: page.new_block_action.text() == "Neuer &Block")
    assert page.model.headerData(Column.TIME, Qt.Orientation.Horizontal) == "Zeit"
    assert page.model.day_title(0) == "Tag 1: Donnerstag, 20. Januar 2022"
    assert page.start_action.text() == "Workshop &starten"
    assert page.add_day_action.toolTip() == "Einen Tag nach dem letzten hinzufügen"
    assert _plain(page.summary.text()).startswith("Insgesamt: 2 Tage, 24 Blöcke")
    cafe = page.agenda.days[0].blocks[3] if page.agenda else None
    assert cafe is not None
    assert page.model.block_index(cafe.id, Column.DURATION).data() == "1 Std. 15 Min."
    # The method library speaks German too.
    names = [method.name("de") for method in page.library_panel.model.methods]
    assert "Check-in (Blitzlicht)" in names
    english.install("en")
    qtbot.waitUntil(lambda: page.new_block_action.text() == "New &block")


# --------------------------------------------------------------------------- more editing


def test_keys_add_duplicate_and_delete_blocks(qtbot: QtBot, page: AgendaPage,
                                              demo_store: Store,
                                              workshop_id: uuid.UUID) -> None:
    first = _stored(demo_store, workshop_id).days[0].blocks[0]
    count = len(_stored(demo_store, workshop_id).days[0].blocks)
    _select_block(qtbot, page, first)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days[0].blocks) == count + 1)
    copy = _stored(demo_store, workshop_id).days[0].blocks[1]
    assert copy.title == first.title and copy.id != first.id
    qtbot.waitUntil(lambda: page.current_block() is not None
                    and page.current_block().id == copy.id)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days[0].blocks) == count)
    # The block after the deleted one is selected.
    qtbot.waitUntil(lambda: page.agenda is not None and page.agenda.block(copy.id) is None)
    selected = page.current_block()
    assert selected is not None and selected.id == _stored(
        demo_store, workshop_id).days[0].blocks[1].id
    # Insert adds a block after the selected one, and its title is typed next.
    page.tree.setFocus()
    assert selected is not None
    qtbot.keyClick(page.tree, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: page.editor.title.hasFocus())
    assert page.editor.title.text() == "New block"
    qtbot.keyClicks(page.editor.title, "Pause mit Ausblick")
    qtbot.keyClick(page.editor.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Pause mit Ausblick" in [
        b.title for b in _stored(demo_store, workshop_id).days[0].blocks])
    titles = [b.title for b in _stored(demo_store, workshop_id).days[0].blocks]
    assert titles[titles.index(selected.title) + 1] == "Pause mit Ausblick"


def test_materials_are_saved_and_summed_in_the_checklist(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    coffee = _stored(demo_store, workshop_id).days[0].blocks[2]
    _select_block(qtbot, page, coffee)
    materials = page.editor.materials
    materials.add_button.click()
    qtbot.keyClicks(QApplication.focusWidget(), "Marker")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [m.name for m in _stored(demo_store, workshop_id)
                             .days[0].blocks[2].materials] == ["Marker"])
    qtbot.waitUntil(lambda: page.agenda is not None
                    and len(page.agenda.days[0].blocks[2].materials) == 1)
    assert materials.table.item(0, 0).text() == "Marker"
    dialog = page.show_materials()
    assert dialog is not None
    markers = next(need for need in dialog.needs if need.name == "Marker")
    assert markers.quantity == 31  # 30 for the World Café, one here
    assert "☐ 31 × Marker" in dialog.text()
    dialog.close()


def test_start_the_workshop_with_f5(qtbot: QtBot, page: AgendaPage,
                                    workshop_id: uuid.UUID) -> None:
    page.tree.setFocus()
    with qtbot.waitSignal(page.run_requested) as asked:
        qtbot.keyClick(page.tree, Qt.Key.Key_F5)
    assert asked.args == [workshop_id]


def test_empty_states_lead_to_the_first_day(qtbot: QtBot, host: QWidget, bridge: StoreBridge,
                                            demo_store: Store, tree: Tree) -> None:
    page = _open(qtbot, host, bridge, None)
    assert page.stack.currentWidget() is page.message
    assert "Choose a workshop in the navigator" in page.message.text()
    project = tree()[0]
    created = Create("workshop", {"project_id": project.id, "title": "Zukunftsdialog",
                                  "starts_on": dt.date(2022, 3, 5)})
    demo_store.apply(Batch((created,), created.label))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show_workshop(created.id)
    assert page.empty_text.isVisible() and page.first_day_button.isVisible()
    qtbot.mouseClick(page.first_day_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.agenda is not None and len(page.agenda.days) == 1)
    day = page.agenda.days[0] if page.agenda else None
    assert day is not None and day.day == dt.date(2022, 3, 5)
    assert page.stack.currentWidget() is page.splitter
    assert page.side.currentWidget() is page.day_editor


def test_the_item_models_pass_the_model_tester(qtmodeltester: object, page: AgendaPage,
                                               ) -> None:
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.library_panel.model)  # type: ignore[attr-defined]
    assert page.library_panel.model.rowCount() == len(default_library().methods)


def test_a_click_on_a_group_tile_opens_that_group_and_enter_the_title(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    split = next(b for b in _stored(demo_store, workshop_id).days[0].blocks if b.tracks)
    row = page.model.tracks_index(split.id)
    page.tree.scrollTo(row)
    tiles = page.tree.delegate.tile_rects(page.tree.visualRect(row), len(split.tracks))
    # Two or more groups on one line, side by side.
    assert tiles[1].top() == tiles[0].top() and tiles[1].left() > tiles[0].right()
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=tiles[1].center())
    qtbot.waitUntil(lambda: page.editor.tracks.current_track() == split.tracks[1].id)
    assert page.editor.block is not None and page.editor.block.id == split.id
    assert page.editor.tracks.facilitator.text() == split.tracks[1].facilitator
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(page.editor.title.hasFocus)
    assert page.editor.title.selectedText() == split.title


def test_a_day_is_retimed_copied_deleted_and_brought_back(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    day = _stored(demo_store, workshop_id).days[1]
    _click_row(qtbot, page, page.model.day_index(day.id))
    qtbot.waitUntil(lambda: page.side.currentWidget() is page.day_editor)
    start = page.day_editor.starts_at
    start.setFocus()
    start.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(start, "10")
    qtbot.keyClick(start, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _stored(demo_store, workshop_id).days[1].starts_at
                    == dt.time(10, 0))
    # Every block of the day moves an hour, up to the fixed lunch.
    qtbot.waitUntil(lambda: _shown_time(page, day.blocks[0].id) == "10:00–10:30")
    assert _shown_time(page, day.blocks[1].id) == "10:30–11:00"
    copy_button = next(button for button in page.day_editor.findChildren(QToolButton)
                       if button.defaultAction() is page.copy_day_action)
    qtbot.mouseClick(copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days) == 3)
    copied = _stored(demo_store, workshop_id).days[2]
    assert copied.day == dt.date(2022, 1, 22) and copied.starts_at == dt.time(10, 0)
    assert [b.title for b in copied.blocks] == [b.title for b in day.blocks]
    # The copy is selected; Del deletes it, with a word on how to get it back.
    qtbot.waitUntil(lambda: page.current_day() is not None
                    and page.current_day().id == copied.id)
    page.tree.setFocus()
    with qtbot.waitSignal(page.notice) as said:
        qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert said.args[0] == ("Day 3: Saturday, 22 January 2022 was deleted with 12 blocks. "
                            "Undo (Ctrl+Z) brings it back.")
    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days) == 2)
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days) == 3)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


# --------------------------------------------------------------------------- review fixes


def _german_agenda(qtbot: QtBot, window: MainWindow, english: Translations,
                   tree: Tree) -> AgendaPage:
    """The demo agenda in the main window at 1366×768 (a laptop), in German."""
    english.install("de")
    window.resize(1366, 768)
    window.navigator.select("workshop", tree()[0].workshops[0].id)
    page = window.show_agenda().planning
    qtbot.waitUntil(lambda: page.agenda is not None and page.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: page.new_block_action.text() == "Neuer &Block")
    return page


def _retimed(qtbot: QtBot, page: AgendaPage, operation: Operation) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        assert page.bridge.run(operation)


def test_every_command_is_in_view_on_a_laptop_in_german(
        qtbot: QtBot, demo_window: MainWindow, english: Translations, tree: Tree) -> None:
    page = _german_agenda(qtbot, demo_window, english, tree)
    assert page.export_action.text() == "&Drucken && Exportieren"
    qtbot.waitUntil(lambda: page.export_button.isVisible())
    assert page.start_button.isVisible()
    # Nothing of the tool bar goes behind its "»".
    buttons = {action.objectName(): page.bar.widgetForAction(action)
               for action in page.bar.actions() if not action.isSeparator()}
    assert len(buttons) == 7
    qtbot.waitUntil(lambda: all(button is not None and button.isVisible()
                                for button in buttons.values()))
    # The buttons lie side by side, inside the page.
    right = page.export_button.mapTo(page, QPoint(page.export_button.width(), 0)).x()
    assert right <= page.start_button.mapTo(page, QPoint(0, 0)).x() <= page.width()


def test_times_past_midnight_say_so_and_fit_their_column(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    day = _stored(demo_store, workshop_id).days[0]
    _retimed(qtbot, page, ops.update_day(day.id, starts_at=dt.time(22, 0)))
    blocks = day.blocks
    # 22:00 + 45 + 30 + 15 = 23:30; the World Café runs past midnight.
    assert _shown_time(page, blocks[3].id) == "23:30–00:45 (+1)"
    assert _shown_time(page, blocks[4].id) == "00:45–01:15 (+1)"
    assert "(+1): after midnight" in page.model.block_index(blocks[3].id, Column.TIME).data(
        Qt.ItemDataRole.ToolTipRole)
    # The lunch, fixed at 12:30, starts before this day does: the table says so.
    lunch = next(block for block in blocks if block.pinned_at is not None)
    assert _shown_time(page, lunch.id) == "12:30–13:30 (before)"
    # The day's heading: its title, then its times on a second line, all of it in view.
    index = page.model.day_index(day.id)
    title, facts = str(index.data()).split("\n")
    assert title == "Day 1: Thursday, 20 January 2022"
    assert facts.startswith("22:00–05:00 (+1)  ·  8 h  ·  ⚠ ")
    assert facts.endswith("12 blocks")
    font = index.data(Qt.ItemDataRole.FontRole)
    assert QFontMetrics(font).horizontalAdvance(facts) < page.tree.viewport().width()
    assert page.tree.visualRect(index).height() >= 2 * QFontMetrics(font).height()
    # The day's editor ends the day after midnight too.
    page.select_day(day.id)
    qtbot.waitUntil(lambda: page.day_editor.summary.isVisible())
    assert page.day_editor.summary.text().startswith("22:00–05:00 (+1)  ·  12 blocks")
    # The time column is as wide as its widest text, with the pin and the indentation.
    bold = QFont(page.tree.font())
    bold.setBold(True)
    widest = max(QFontMetrics(bold).horizontalAdvance(_shown_time(page, block.id))
                 for block in blocks)
    assert page.tree.header().sectionSize(Column.TIME) >= (
        widest + page.tree.indentation() + 16)


def test_every_warning_is_listed_and_counted(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    day = _stored(demo_store, workshop_id).days[0]
    # The coffee break fixed 45 minutes early: it and the two blocks before it warn, and
    # the lunch has a gap before it.
    _retimed(qtbot, page, ops.pin_block(day.blocks[2].id, dt.time(9, 30)))
    warnings = page.model.all_warnings()
    assert len(warnings) == 4
    assert page.warning_list.count() == 4
    assert page.warning_header.isVisible()
    assert page.warning_header.text() == "⚠ 4 warnings: click one to select its block"
    # All of them in view, none behind a scroll bar.
    qtbot.waitUntil(lambda: page.warning_list.verticalScrollBar().maximum() == 0)
    last = page.warning_list.visualItemRect(page.warning_list.item(3))
    assert last.bottom() <= page.warning_list.viewport().height()
    # Fixed where it belongs: all is well again, in one line.
    _retimed(qtbot, page, ops.unpin_block(day.blocks[2].id))
    assert page.warning_list.count() == 1 and not page.warning_header.isVisible()


def test_long_spans_in_warnings_read_as_hours(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID,
        english: Translations) -> None:
    day = _stored(demo_store, workshop_id).days[0]
    _retimed(qtbot, page, ops.update_day(day.id, starts_at=dt.time(22, 0)))
    texts = [text for _block, text in page.model.all_warnings()]
    # The lunch fixed at 12:30 is 9 h 30 min before the day's start at 22:00.
    assert "“Mittagspause” is fixed to start 9 h 30 min before the day begins." in texts
    assert not any("570 min" in text for text in texts)
    english.install("de")
    qtbot.waitUntil(lambda: page.new_block_action.text() == "Neuer &Block")
    texts = [page.warning_list.item(i).text() for i in range(page.warning_list.count())]
    assert "„Mittagspause“ beginnt zu fester Zeit 9 Std. 30 Min. vor Tagesbeginn." in texts
    english.install("en")


def test_the_editor_goes_top_down_and_shows_a_title_from_its_start(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    cafe = _stored(demo_store, workshop_id).days[0].blocks[3]
    _retimed(qtbot, page, ops.update_block(cafe.id, title="World Café: Ziele der Smarten "
                                           "Region für die nächsten zehn Jahre gemeinsam"))
    _select_block(qtbot, page, cafe)
    editor = page.editor
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(editor.title.hasFocus)
    # Selected to be typed over, but its start in view (the cursor is at the start).
    assert editor.title.selectedText() == editor.title.text()
    assert editor.title.cursorPosition() == 0
    qtbot.keyClick(editor.title, Qt.Key.Key_Tab)
    assert editor.duration.hasFocus()
    assert editor.title.cursorPosition() == 0
    # Tab follows the fields as they are shown.
    expected = [editor.title, editor.duration, editor.pinned_at, editor.pinned,
                editor.category, editor.method, editor.room, editor.responsible,
                editor.facilitator_only, editor.tracks.split_button, editor.goal,
                editor.notes, editor.board, editor.ballot]
    chain: list[QWidget] = []
    widget = editor.title
    for _step in range(200):
        if widget in expected and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == expected


def test_the_working_groups_fit_the_editor_on_a_laptop(
        qtbot: QtBot, demo_window: MainWindow, english: Translations, tree: Tree) -> None:
    page = _german_agenda(qtbot, demo_window, english, tree)
    assert page.agenda is not None
    split = next(block for block in page.agenda.blocks if block.is_split)
    page.select_block(split.id)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.tracks.groups.isVisible())
    tracks = editor.tracks
    # The groups' buttons one under the other: side by side, their German words made the
    # editor wider than the room beside the agenda (1366 px), and cut off its fields.
    assert tracks.add_button.y() < tracks.remove_button.y() < tracks.join_button.y()
    viewport = page.editor_scroll.viewport()
    qtbot.waitUntil(lambda: editor.width() <= viewport.width())
    assert not page.editor_scroll.horizontalScrollBar().isVisible()
    for field in (editor.title, editor.category, editor.method, editor.room, editor.board,
                  editor.ballot, editor.tracks.table, editor.tracks.facilitator,
                  editor.tracks.board, editor.tracks.add_button, editor.tracks.remove_button):
        right = field.mapTo(editor, QPoint(field.width(), 0)).x()
        assert right <= viewport.width(), field.objectName()


def test_a_duration_of_nothing_is_refused_with_a_reason(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    first = _stored(demo_store, workshop_id).days[0].blocks[0]
    _select_block(qtbot, page, first)
    editor = page.editor
    spin = editor.duration
    assert not editor.duration_error.isVisible()
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "0")
    assert spin.value() == 0  # it can be typed
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    qtbot.waitUntil(editor.duration_error.isVisible)
    assert editor.duration_error.text() == (
        "A block needs a duration of at least 1 minute; it keeps its 45 min.")
    assert spin.value() == 45
    page.bridge.wait_idle()
    assert _stored(demo_store, workshop_id).days[0].blocks[0].duration_min == 45
    assert _shown_time(page, first.id) == "09:00–09:45"
    # Nothing at all, then Enter: the same.
    editor.duration_error.hide()
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert editor.duration_error.isVisible() and spin.value() == 45
    # A real duration is saved, and the message goes.
    spin.selectAll()
    qtbot.keyClicks(spin, "50")
    assert not editor.duration_error.isVisible()
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _stored(demo_store, workshop_id).days[0].blocks[0].duration_min
                    == 50)


def test_the_export_menu_keeps_templates_in_the_library(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID,
        monkeypatch: pytest.MonkeyPatch) -> None:
    panel = page.library_panel
    asked: list[str] = []

    def name(_title: str, _label: str, text: str) -> str:
        asked.append(text)
        return f"Vorlage {len(asked)}"

    monkeypatch.setattr(panel, "ask_name", name)
    first = _stored(demo_store, workshop_id).days[0].blocks[0]
    qtbot.waitUntil(lambda: page.current_block() is not None)
    page.save_block_template_action.trigger()
    page.save_agenda_template_action.trigger()
    page.bridge.wait_idle()
    assert asked == [first.title, "Strategie-Workshop Smarte Region MYK10"]
    kept = demo_store.read(list_templates)
    assert sorted(template.name for template in kept) == ["Vorlage 1", "Vorlage 2"]
    # Chosen in the library, the block template goes after the selected block.
    block_template = next(t for t in kept if not t.is_agenda)
    count = len(_stored(demo_store, workshop_id).days[0].blocks)
    panel.template_chosen.emit(block_template)
    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days[0].blocks)
                    == count + 1)
    assert _stored(demo_store, workshop_id).days[0].blocks[1].title == first.title
