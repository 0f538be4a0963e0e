"""The facilitator's own templates on the Agenda page, driven as a facilitator drives them:
save the selected block or the whole agenda, find it under "My templates" in the Methods
tab, insert it, rename it, delete it, undo."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from myk10_workshop.agenda import templates
from myk10_workshop.agenda.templates import TemplateView, list_templates
from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Create
from myk10_workshop.ui.agenda import library
from myk10_workshop.ui.agenda.library import MethodLibraryPanel
from myk10_workshop.ui.agenda.model import TEMPLATE_MIME
from myk10_workshop.ui.agenda.page import AgendaPage
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.bridge import StoreBridge
from tests.ui.test_agenda_page import (
    _open,
    _select_block,
    _send_drop,
    _stored,
    host,
    workshop_id,
)

__all__ = ["host", "workshop_id"]  # the fixtures, shared with test_agenda_page


@pytest.fixture
def page(qtbot: QtBot, host: QWidget, bridge: StoreBridge, workshop_id: uuid.UUID,
         ) -> AgendaPage:
    opened = _open(qtbot, host, bridge, workshop_id)
    panel = opened.library_panel
    qtbot.waitUntil(lambda: not panel._loading)
    opened.show_library()
    return opened


class Names:
    """Stands in for the name dialog: answers with the next name, remembers what it was
    asked and which name it offered."""

    def __init__(self, panel: MethodLibraryPanel, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str]] = []
        panel.ask_name = self  # type: ignore[method-assign]

    def __call__(self, title: str, label: str, text: str) -> str | None:
        self.asked.append((title, text))
        answer = self.answers.pop(0)
        return answer.strip() if answer is not None and answer.strip() else None


def stored_templates(store: Store) -> tuple[TemplateView, ...]:
    return store.read(list_templates)


def shown(panel: MethodLibraryPanel) -> list[str]:
    model = panel.template_model
    return [str(model.index(row).data()) for row in range(model.rowCount())]


def choose(qtbot: QtBot, panel: MethodLibraryPanel, name: str) -> QModelIndex:
    model = panel.template_model
    qtbot.waitUntil(lambda: any(t.name == name for t in model.templates))
    index = model.index([t.name for t in model.templates].index(name))
    panel.template_list.setCurrentIndex(index)
    return index


def save_first_block(qtbot: QtBot, page: AgendaPage, store: Store, workshop: uuid.UUID,
                     name: str) -> Names:
    block = _stored(store, workshop).days[0].blocks[0]
    _select_block(qtbot, page, block)
    names = Names(page.library_panel, name)
    page.save_block_template_action.trigger()
    qtbot.waitUntil(lambda: [t.name for t in stored_templates(store)] == [name.strip()])
    return names


# --------------------------------------------------------------------------- saving


def test_saving_the_current_block_shows_it_under_my_templates(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    panel = page.library_panel
    assert panel.template_model.rowCount() == 0
    assert panel.templates_empty.isVisible()
    assert "No templates yet" in panel.templates_empty.text()
    block = _stored(demo_store, workshop_id).days[0].blocks[0]
    with qtbot.waitSignal(page.notice) as told:
        names = save_first_block(qtbot, page, demo_store, workshop_id, "  Mein Auftakt ")

    # The dialog offered the block's title; the template is in the list, chosen.
    assert names.asked == [("Save block as template", block.title)]
    assert "Mein Auftakt" in told.args[0]
    qtbot.waitUntil(lambda: shown(panel) == [f"Mein Auftakt\nBlock · {block.duration_min} min"])
    current = panel.current_template()
    assert current is not None and current.name == "Mein Auftakt"
    assert panel.template_list.isVisible()
    assert not panel.templates_empty.isVisible()
    (template,) = stored_templates(demo_store)
    assert (template.kind, template.duration_min) == ("block", block.duration_min)

    # Another one: it sorts after the first, and it is the one chosen now.
    second = _stored(demo_store, workshop_id).days[0].blocks[1]
    _select_block(qtbot, page, second)
    Names(panel, "Zweiter Block")
    page.save_block_template_action.trigger()
    qtbot.waitUntil(lambda: [t.name for t in panel.template_model.templates]
                    == ["Mein Auftakt", "Zweiter Block"])
    current = panel.current_template()
    assert current is not None and current.name == "Zweiter Block"


def test_a_cancelled_name_saves_nothing(qtbot: QtBot, page: AgendaPage, demo_store: Store,
                                        workshop_id: uuid.UUID) -> None:
    _select_block(qtbot, page, _stored(demo_store, workshop_id).days[0].blocks[0])
    names = Names(page.library_panel, None, "   ")
    page.save_block_template_action.trigger()
    page.save_block_template_action.trigger()
    assert len(names.asked) == 2
    page.bridge.wait_idle()
    assert stored_templates(demo_store) == ()
    assert page.bridge.undo_stack.count() == 0


def test_the_panel_menu_saves_the_agenda_and_inserting_it_adds_its_days(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    panel = page.library_panel
    before = _stored(demo_store, workshop_id)
    assert panel.save_template_button.isVisible()
    assert panel.save_agenda_as_template.isEnabled()
    names = Names(panel, "Zwei Tage Strategie")
    panel.save_agenda_as_template.trigger()
    qtbot.waitUntil(lambda: [t.name for t in panel.template_model.templates]
                    == ["Zwei Tage Strategie"])
    assert names.asked == [("Save agenda as template", before.title)]
    assert shown(panel) == ["Zwei Tage Strategie\nAgenda · 2 days · 24 blocks · 14 h 30 min"]

    choose(qtbot, panel, "Zwei Tage Strategie")
    qtbot.mouseClick(panel.insert_template_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days) == 4)
    after = _stored(demo_store, workshop_id)
    assert [[b.title for b in day.blocks] for day in after.days[2:]] == [
        [b.title for b in day.blocks] for day in before.days]
    # On screen: two more days, the first of them selected.
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    qtbot.waitUntil(lambda: page.current_day() is not None
                    and page.current_day().id == after.days[2].id)


# --------------------------------------------------------------------------- inserting


def test_inserting_a_block_template_adds_a_block_after_the_selected_one(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    panel = page.library_panel
    save_first_block(qtbot, page, demo_store, workshop_id, "Auftakt")
    agenda = _stored(demo_store, workshop_id)
    original = agenda.days[0].blocks[0]
    target = agenda.days[1].blocks[2]
    _select_block(qtbot, page, target)
    choose(qtbot, panel, "Auftakt")

    qtbot.mouseClick(panel.insert_template_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days[1].blocks)
                    == len(agenda.days[1].blocks) + 1)
    made = _stored(demo_store, workshop_id).days[1].blocks[3]
    assert (made.title, made.duration_min, made.notes) == (
        original.title, original.duration_min, original.notes)
    assert made.id != original.id
    # In the table, right after the block that was selected, and selected itself.
    qtbot.waitUntil(lambda: page.model.block_index(made.id).isValid())
    assert page.model.block_index(made.id).row() == page.model.block_index(target.id).row() + 1
    qtbot.waitUntil(lambda: page.current_block() is not None
                    and page.current_block().id == made.id)

    # A double-click inserts it again, after the new block.
    index = choose(qtbot, panel, "Auftakt")
    # A real double-click: press and release, then the second press.
    centre = panel.template_list.visualRect(index).center()
    qtbot.mouseClick(panel.template_list.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(panel.template_list.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days[1].blocks)
                    == len(agenda.days[1].blocks) + 2)
    assert _stored(demo_store, workshop_id).days[1].blocks[4].title == original.title


def test_a_template_is_dragged_as_its_id(qtbot: QtBot, page: AgendaPage, demo_store: Store,
                                         workshop_id: uuid.UUID) -> None:
    panel = page.library_panel
    save_first_block(qtbot, page, demo_store, workshop_id, "Auftakt")
    index = choose(qtbot, panel, "Auftakt")
    data = panel.template_model.mimeData([index])
    (template,) = stored_templates(demo_store)
    assert bytes(data.data(TEMPLATE_MIME).data()).decode() == str(template.id)
    assert data.text() == "Auftakt"
    assert panel.template_model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled


def test_a_block_template_dropped_on_a_day_becomes_a_block_there(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    panel = page.library_panel
    save_first_block(qtbot, page, demo_store, workshop_id, "Auftakt")
    agenda = _stored(demo_store, workshop_id)
    original = agenda.days[0].blocks[0]
    data = panel.template_model.mimeData([choose(qtbot, panel, "Auftakt")])
    day_two = page.model.day_index(agenda.days[1].id)
    page.tree.scrollTo(day_two)
    rect = page.tree.visualRect(day_two)
    # Let go on the lower half of the day's heading: at the start of that day.
    _send_drop(page, data, QPoint(rect.center().x(), rect.bottom() - 3),
               Qt.DropAction.CopyAction)

    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days[1].blocks)
                    == len(agenda.days[1].blocks) + 1)
    made = _stored(demo_store, workshop_id).days[1].blocks[0]
    assert (made.title, made.duration_min, made.notes) == (
        original.title, original.duration_min, original.notes)
    assert made.id != original.id
    assert _stored(demo_store, workshop_id).days[1].blocks[1].id == agenda.days[1].blocks[0].id
    # The first day keeps its block: a template is copied, never moved.
    assert _stored(demo_store, workshop_id).days[0].blocks[0].id == original.id
    qtbot.waitUntil(lambda: page.current_block() is not None
                    and page.current_block().id == made.id)


def test_an_agenda_template_dropped_on_the_table_adds_its_days(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID) -> None:
    panel = page.library_panel
    page.bridge.run(templates.save_agenda_template(workshop_id, "Strategie"))
    data = panel.template_model.mimeData([choose(qtbot, panel, "Strategie")])
    day_one = page.model.day_index(_stored(demo_store, workshop_id).days[0].id)
    page.tree.scrollTo(day_one)
    rect = page.tree.visualRect(day_one)
    _send_drop(page, data, QPoint(rect.center().x(), rect.bottom() - 3),
               Qt.DropAction.CopyAction)
    # Wherever it is let go, its days go after the last day (as with a double-click).
    qtbot.waitUntil(lambda: len(_stored(demo_store, workshop_id).days) == 4)
    days = _stored(demo_store, workshop_id).days
    assert [len(day.blocks) for day in days[2:]] == [len(day.blocks) for day in days[:2]]


def test_the_empty_page_offers_to_start_from_an_agenda_template(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID,
        tree: Callable[[], tuple[ProjectNode, ...]]) -> None:
    fresh = Create("workshop", {"project_id": tree()[0].id, "title": "Zukunftsdialog",
                                "starts_on": dt.date(2024, 5, 2)})
    demo_store.apply(fresh)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show_workshop(fresh.id)
    button, panel = page.template_start_button, page.library_panel
    assert page.first_day_button.isVisible()
    # No agenda template yet (a block template has no day to go into): no button.
    first_block = _stored(demo_store, workshop_id).days[0].blocks[0]
    with qtbot.waitSignal(panel.templates_loaded):
        page.bridge.run(templates.save_block_template(first_block.id, "Auftakt"))
    assert not button.isVisible()

    page.bridge.run(templates.save_agenda_template(workshop_id, "Strategie"))
    qtbot.waitUntil(button.isVisible)
    assert button.text() == "Start from a template ▾"
    menu = button.menu()
    assert menu is not None
    menu.aboutToShow.emit()
    assert [action.text() for action in menu.actions()] == [
        "Strategie  (Agenda · 2 days · 24 blocks · 14 h 30 min)"]
    menu.actions()[0].trigger()

    qtbot.waitUntil(lambda: len(_stored(demo_store, fresh.id).days) == 2)
    assert [day.day for day in _stored(demo_store, fresh.id).days] == [
        dt.date(2024, 5, 2), dt.date(2024, 5, 3)]
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.splitter)
    assert page.model.rowCount() == 2


def test_a_workshop_without_days_starts_from_an_agenda_template(
        qtbot: QtBot, page: AgendaPage, demo_store: Store, workshop_id: uuid.UUID,
        tree: Callable[[], tuple[ProjectNode, ...]]) -> None:
    fresh = Create("workshop", {"project_id": tree()[0].id, "title": "Zukunftsdialog",
                                "starts_on": dt.date(2024, 5, 2)})
    demo_store.apply(fresh)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show_workshop(fresh.id)
    assert page.model.rowCount() == 0
    bridge, panel = page.bridge, page.library_panel
    menu = panel.agenda_template_menu(page)
    menu.aboutToShow.emit()
    (nothing,) = menu.actions()
    assert (nothing.text(), nothing.isEnabled()) == ("No agenda templates yet", False)

    first_block = _stored(demo_store, workshop_id).days[0].blocks[0]
    bridge.run(templates.save_block_template(first_block.id, "Auftakt"))
    bridge.run(templates.save_agenda_template(workshop_id, "Strategie"))
    qtbot.waitUntil(lambda: len(panel.template_model.everything) == 2)
    menu.aboutToShow.emit()
    # Only agendas: a block has no day to go into yet.
    assert [action.text() for action in menu.actions()] == [
        "Strategie  (Agenda · 2 days · 24 blocks · 14 h 30 min)"]
    menu.actions()[0].trigger()

    qtbot.waitUntil(lambda: len(_stored(demo_store, fresh.id).days) == 2)
    assert [day.day for day in _stored(demo_store, fresh.id).days] == [
        dt.date(2024, 5, 2), dt.date(2024, 5, 3)]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


# --------------------------------------------------------------------------- editing


def test_delete_and_undo_bring_the_template_back(
        qtbot: QtBot, page: AgendaPage, host: QWidget, demo_store: Store,
        workshop_id: uuid.UUID) -> None:
    panel = page.library_panel
    save_first_block(qtbot, page, demo_store, workshop_id, "Auftakt")
    choose(qtbot, panel, "Auftakt")

    with qtbot.waitSignal(page.notice) as told:
        qtbot.mouseClick(panel.delete_template_button, Qt.MouseButton.LeftButton)
    assert "Undo (Ctrl+Z)" in told.args[0]
    qtbot.waitUntil(lambda: panel.template_model.rowCount() == 0)
    assert stored_templates(demo_store) == ()
    assert panel.templates_empty.isVisible()
    assert not panel.delete_template_button.isEnabled()

    host.undo.trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: [t.name for t in panel.template_model.templates] == ["Auftakt"])
    assert [t.name for t in stored_templates(demo_store)] == ["Auftakt"]
    assert panel.delete_template_button.isEnabled()


def test_rename_with_the_button_and_undo(qtbot: QtBot, page: AgendaPage, host: QWidget,
                                        demo_store: Store, workshop_id: uuid.UUID) -> None:
    panel = page.library_panel
    save_first_block(qtbot, page, demo_store, workshop_id, "Auftakt")
    choose(qtbot, panel, "Auftakt")
    names = Names(panel, "Ankommen und Auftakt")
    qtbot.mouseClick(panel.rename_template_button, Qt.MouseButton.LeftButton)
    assert names.asked == [("Rename template", "Auftakt")]
    qtbot.waitUntil(lambda: [t.name for t in panel.template_model.templates]
                    == ["Ankommen und Auftakt"])
    current = panel.current_template()
    assert current is not None and current.name == "Ankommen und Auftakt"
    host.undo.trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: [t.name for t in stored_templates(demo_store)] == ["Auftakt"])
    qtbot.waitUntil(lambda: [t.name for t in panel.template_model.templates] == ["Auftakt"])


def test_the_search_field_finds_templates_too(qtbot: QtBot, page: AgendaPage,
                                             demo_store: Store, workshop_id: uuid.UUID,
                                             qtmodeltester: object) -> None:
    panel = page.library_panel
    save_first_block(qtbot, page, demo_store, workshop_id, "Ärztedialog")
    qtbot.waitUntil(lambda: panel.template_model.rowCount() == 1)
    qtmodeltester.check(panel.template_model)  # type: ignore[attr-defined]
    qtbot.keyClicks(panel.search, "arzte")
    assert [t.name for t in panel.template_model.templates] == ["Ärztedialog"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "Fishbowl")
    assert panel.template_model.rowCount() == 0
    assert "No template matches “Fishbowl”" in panel.templates_empty.text()
    assert panel.templates_empty.isVisible()
    panel.search.clear()
    assert panel.template_model.rowCount() == 1


# --------------------------------------------------------------------------- without store


def test_the_name_dialog_gives_a_trimmed_name_or_none(
        qtbot: QtBot, english: Translations, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = MethodLibraryPanel()
    qtbot.addWidget(panel)
    answers = iter([("  World Café ", True), ("   ", True), ("World Café", False)])
    offered: list[str] = []

    def get_text(parent: QWidget, title: str, label: str, text: str = "",
                 ) -> tuple[str, bool]:
        offered.append(text)
        return next(answers)

    monkeypatch.setattr(library.QInputDialog, "getText", get_text)
    assert panel.ask_name("Save", "Name:", "Vorschlag") == "World Café"
    assert panel.ask_name("Save", "Name:", "") is None  # blank
    assert panel.ask_name("Save", "Name:", "") is None  # cancelled
    assert offered == ["Vorschlag", "", ""]



def test_a_panel_without_the_store_says_so_and_saves_nothing(
        qtbot: QtBot, english: Translations) -> None:
    panel = MethodLibraryPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert "once a workshop is open" in panel.templates_empty.text()
    assert not panel.insert_template_button.isEnabled()
    assert not panel.save_template_button.isVisible()
    assert panel.save_block(uuid.uuid4()) is False
    assert panel.save_agenda(uuid.uuid4()) is False

