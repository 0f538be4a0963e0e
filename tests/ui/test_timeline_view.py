"""The timeline page driven as a facilitator drives it (real mouse events on the chart's
viewport, keys, the date edit, the table), checked in the store and undone again."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QDate, QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from myk10_workshop.projects.queries import load_tree
from myk10_workshop.store.database import Store
from myk10_workshop.timeline import operations as ops
from myk10_workshop.timeline.queries import Timeline, load_timeline
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.ui.timeline.items import BarItem, DependencyItem, MilestoneItem
from myk10_workshop.ui.timeline.page import PlanItemDialog, TimelinePage
from myk10_workshop.ui.timeline.scene import GROUP_FIELD, GROUP_PHASE, format_date
from myk10_workshop.ui.timeline.view import END, TITLE

D = dt.date


def _project_id(store: Store) -> uuid.UUID:
    return store.read(load_tree)[0].id


def _timeline(store: Store) -> Timeline:
    project_id = _project_id(store)
    found = store.read(lambda s: load_timeline(s, project_id))
    assert found is not None
    return found


def _due(store: Store, title: str) -> D:
    return next(m.due_on for m in _timeline(store).milestones if m.title == title)


def _measure(store: Store, title: str) -> tuple[D | None, D | None]:
    found = next(m for m in _timeline(store).measures if m.title == title)
    return found.starts_on, found.ends_on


@pytest.fixture
def page(qtbot: QtBot, demo_store: Store, bridge: StoreBridge,
         english: Translations) -> Iterator[TimelinePage]:
    """The Timeline page on the demo project, loaded, on a laptop-sized window."""
    shown = TimelinePage(bridge)
    shown.resize(1300, 800)
    shown.show()
    qtbot.waitExposed(shown)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        shown.show_project(_project_id(demo_store))
    yield shown
    shown.close()
    bridge.wait_idle()
    shiboken6.delete(shown)


def _milestone(page: TimelinePage, title: str) -> MilestoneItem:
    return next(m for m in page.scene.milestones.values() if m.milestone.title == title)


def _bar(page: TimelinePage, title: str) -> BarItem:
    return next(b for b in page.scene.measures.values() if b.title == title)


def _mouse(viewport: QWidget, kind: QEvent.Type, at: QPoint,
           buttons: Qt.MouseButton = Qt.MouseButton.LeftButton,
           modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else (
        Qt.MouseButton.NoButton)
    # The scene finds items from the global position: it must be the real one.
    event = QMouseEvent(kind, QPointF(at), QPointF(viewport.mapToGlobal(at)), button, buttons,
                        modifiers)
    QApplication.sendEvent(viewport, event)


def _press_and_move(page: TimelinePage, start: QPointF, end: QPointF) -> None:
    """Hover, press on a scene point and move to another in steps (no release yet)."""
    viewport = page.view.viewport()
    a, b = page.view.mapFromScene(start), page.view.mapFromScene(end)
    _mouse(viewport, QEvent.Type.MouseMove, a, buttons=Qt.MouseButton.NoButton)
    _mouse(viewport, QEvent.Type.MouseButtonPress, a)
    for step in range(1, 11):
        _mouse(viewport, QEvent.Type.MouseMove, a + (b - a) * step / 10)


def _release(page: TimelinePage, end: QPointF) -> None:
    _mouse(page.view.viewport(), QEvent.Type.MouseButtonRelease, page.view.mapFromScene(end),
           buttons=Qt.MouseButton.NoButton)


def _drag(page: TimelinePage, start: QPointF, end: QPointF) -> None:
    _press_and_move(page, start, end)
    _release(page, end)


def _click(page: TimelinePage, at: QPointF,
           modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    viewport = page.view.viewport()
    point = page.view.mapFromScene(at)
    _mouse(viewport, QEvent.Type.MouseMove, point, buttons=Qt.MouseButton.NoButton)
    _mouse(viewport, QEvent.Type.MouseButtonPress, point, modifiers=modifiers)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, point, buttons=Qt.MouseButton.NoButton,
           modifiers=modifiers)


def _zoom_to(page: TimelinePage, scale: float, item: MilestoneItem | BarItem) -> None:
    """Zoom to ``scale`` pixels per day and bring ``item`` into the middle of the view."""
    page.view.set_scale(scale)
    page.view.centerOn(item.sceneBoundingRect().center())
    assert page.view.visible_scene_rect().contains(item.scenePos())


# --------------------------------------------------------------------------- dragging


def test_dragging_a_milestone_by_days_moves_its_date_and_undo_moves_it_back(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, bridge: StoreBridge) -> None:
    council = _milestone(page, "Strategie im Kreistag")
    _zoom_to(page, 10.0, council)
    start = council.scenePos()
    _drag(page, start, start + QPointF(5 * 10.0, 0.0))
    qtbot.waitUntil(lambda: _due(demo_store, "Strategie im Kreistag") == D(2022, 12, 17))
    # The chart follows the store: the diamond sits on its new day.
    qtbot.waitUntil(lambda: council.milestone.due_on == D(2022, 12, 17))
    assert council.scenePos().x() == pytest.approx(page.scene.x_of(D(2022, 12, 17)) + 5.0)
    assert bridge.undo_stack.count() == 1
    bridge.undo_stack.undo()
    qtbot.waitUntil(lambda: _due(demo_store, "Strategie im Kreistag") == D(2022, 12, 12))
    qtbot.waitUntil(lambda: council.milestone.due_on == D(2022, 12, 12))


def test_several_selected_milestones_move_together_as_one_undo_step(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, bridge: StoreBridge) -> None:
    council = _milestone(page, "Strategie im Kreistag")
    committee = _milestone(page, "Beschluss im Kreisausschuss")
    _zoom_to(page, 4.0, council)
    _click(page, council.scenePos())
    _click(page, committee.scenePos(), Qt.KeyboardModifier.ControlModifier)
    assert {i.title for i in page.scene.selected_plan_items()} == {
        "Strategie im Kreistag", "Beschluss im Kreisausschuss"}
    _drag(page, committee.scenePos(), committee.scenePos() + QPointF(-7 * 4.0, 0.0))
    qtbot.waitUntil(lambda: (_due(demo_store, "Strategie im Kreistag"),
                             _due(demo_store, "Beschluss im Kreisausschuss")) == (
        D(2022, 12, 5), D(2022, 11, 14)))
    assert bridge.undo_stack.count() == 1
    bridge.undo_stack.undo()
    qtbot.waitUntil(lambda: (_due(demo_store, "Strategie im Kreistag"),
                             _due(demo_store, "Beschluss im Kreisausschuss")) == (
        D(2022, 12, 12), D(2022, 11, 21)))
    # A plain click on one of them selects just that one.
    qtbot.waitUntil(lambda: committee.milestone.due_on == D(2022, 11, 21))
    _click(page, committee.scenePos())
    assert page.scene.selected_plan_items() == [committee]


def test_dragging_a_bar_end_changes_the_duration_only(
        qtbot: QtBot, page: TimelinePage, demo_store: Store) -> None:
    title = "Kreisweites LoRaWAN-Sensornetz"
    bar = _bar(page, title)
    _zoom_to(page, 1.0, bar)
    starts_on, ends_on = D(2023, 5, 1), D(2025, 12, 31)
    assert _measure(demo_store, title) == (starts_on, ends_on)
    grip = bar.scenePos() + QPointF(bar.width - 2.0, bar.height / 2)
    assert bar.zone_at(bar.mapFromScene(grip)) == "end"
    _drag(page, grip, grip + QPointF(60.0, 0.0))
    qtbot.waitUntil(lambda: _measure(demo_store, title)[1] != ends_on)
    new_start, new_end = _measure(demo_store, title)
    assert new_start == starts_on and new_end is not None
    assert 58 <= (new_end - ends_on).days <= 62
    # A body drag of the same bar moves both ends.
    middle = bar.scenePos() + QPointF(bar.width / 2, bar.height / 2)
    _drag(page, middle, middle + QPointF(-30.0, 0.0))
    qtbot.waitUntil(lambda: _measure(demo_store, title)[0] != starts_on)
    moved_start, moved_end = _measure(demo_store, title)
    assert moved_start is not None and moved_end is not None
    assert (moved_end - moved_start) == (new_end - new_start)
    assert (moved_start - starts_on).days == -30


def test_escape_cancels_a_drag_and_nothing_is_saved(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, bridge: StoreBridge) -> None:
    council = _milestone(page, "Strategie im Kreistag")
    _zoom_to(page, 10.0, council)
    start = council.scenePos()
    _press_and_move(page, start, start + QPointF(80.0, 0.0))
    assert council.scenePos().x() == pytest.approx(start.x() + 80.0)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert council.scenePos() == start
    _release(page, start + QPointF(80.0, 0.0))
    bridge.wait_idle()
    assert _due(demo_store, "Strategie im Kreistag") == D(2022, 12, 12)
    assert bridge.undo_stack.count() == 0


# --------------------------------------------------------------------------- dependencies


def _knob(item: MilestoneItem | BarItem) -> QPointF:
    return item.mapToScene(item.knob_center())


def test_drawing_a_dependency_saves_it_and_one_that_closes_a_circle_is_refused(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, bridge: StoreBridge) -> None:
    committee = _milestone(page, "Beschluss im Kreisausschuss")
    council = _milestone(page, "Strategie im Kreistag")
    _zoom_to(page, 4.0, council)
    # From the committee's handle onto the council: the council follows the committee.
    _click(page, committee.scenePos())
    _drag(page, _knob(committee), council.scenePos())
    qtbot.waitUntil(lambda: len(_timeline(demo_store).dependencies) == 1)
    link = _timeline(demo_store).dependencies[0]
    assert (link.predecessor, link.successor) == (committee.ref, council.ref)
    qtbot.waitUntil(lambda: len(page.scene.dependencies) == 1)
    arrow = next(iter(page.scene.dependencies.values()))
    assert arrow.isVisible() and arrow.path().elementCount() > 3

    # The other way round closes a circle: refused with the circle named, nothing stored.
    _click(page, council.scenePos())
    with qtbot.waitSignal(bridge.failed, timeout=5_000) as refusal:
        _drag(page, _knob(council), committee.scenePos())
    text = refusal.args[0]
    assert "circle" in text and "Strategie im Kreistag" in text
    assert "Beschluss im Kreisausschuss" in text
    bridge.wait_idle()
    assert len(_timeline(demo_store).dependencies) == 1
    assert bridge.undo_stack.count() == 1


def test_a_circle_is_refused_by_the_store_too(qtbot: QtBot, page: TimelinePage,
                                              demo_store: Store, bridge: StoreBridge) -> None:
    """The chart may not know a dependency saved a moment ago: the store's own check."""
    committee = _milestone(page, "Beschluss im Kreisausschuss")
    council = _milestone(page, "Strategie im Kreistag")
    demo_store.apply(ops.add_dependency(_project_id(demo_store), committee.ref, council.ref))
    assert page.timeline is not None and not page.timeline.dependencies  # not read yet
    with qtbot.waitSignal(bridge.failed, timeout=5_000) as refusal:
        page.add_dependency(council.ref, committee.ref)
    assert "circle" in refusal.args[0]
    bridge.wait_idle()
    assert len(_timeline(demo_store).dependencies) == 1


def test_selecting_an_arrow_and_pressing_delete_removes_the_dependency(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, bridge: StoreBridge) -> None:
    committee = _milestone(page, "Beschluss im Kreisausschuss")
    council = _milestone(page, "Strategie im Kreistag")
    bridge.run(ops.add_dependency(_project_id(demo_store), committee.ref, council.ref))
    qtbot.waitUntil(lambda: len(page.scene.dependencies) == 1)
    _zoom_to(page, 4.0, council)
    arrow: DependencyItem = next(iter(page.scene.dependencies.values()))
    # Just before the arrow's head: labels of other milestones may cover its middle.
    on_arrow = council.in_point() - QPointF(8.0, 0.0)
    assert arrow.contains(arrow.mapFromScene(on_arrow))
    assert page.view.item_at(page.view.mapFromScene(on_arrow)) is arrow
    _click(page, on_arrow)
    assert arrow.isSelected()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not _timeline(demo_store).dependencies)
    bridge.undo_stack.undo()
    qtbot.waitUntil(lambda: len(_timeline(demo_store).dependencies) == 1)


def test_key_l_links_two_selected_items_earlier_to_later(
        qtbot: QtBot, page: TimelinePage, demo_store: Store) -> None:
    council = _milestone(page, "Strategie im Kreistag")
    portal = _bar(page, "Digitales Bürgerportal MYK10 mit gemeinsamem Servicekonto")
    portal.setSelected(True)
    council.setSelected(True)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: len(_timeline(demo_store).dependencies) == 1)
    link = _timeline(demo_store).dependencies[0]
    assert (link.predecessor, link.successor) == (council.ref, portal.ref)


# --------------------------------------------------------------------------- keys


def test_arrow_keys_move_the_selected_milestone_by_a_day_or_a_week(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, bridge: StoreBridge) -> None:
    council = _milestone(page, "Strategie im Kreistag")
    _zoom_to(page, 4.0, council)
    _click(page, council.scenePos())
    assert council.isSelected()
    qtbot.keyClick(page.view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: _due(demo_store, "Strategie im Kreistag") == D(2022, 12, 13))
    qtbot.keyClick(page.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _due(demo_store, "Strategie im Kreistag") == D(2022, 12, 6))
    qtbot.waitUntil(lambda: council.milestone.due_on == D(2022, 12, 6))
    assert council.isSelected()  # still selected after the chart followed the store
    assert bridge.undo_stack.count() == 2


def test_enter_edits_the_selected_milestone_in_a_form(
        qtbot: QtBot, page: TimelinePage, demo_store: Store) -> None:
    council = _milestone(page, "Strategie im Kreistag")
    council.setSelected(True)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, PlanItemDialog) and dialog.isVisible()
    assert dialog.title_edit.text() == "Strategie im Kreistag"
    dialog.title_edit.setText("Strategie im Kreistag beschlossen")
    dialog.status_choice.setCurrentIndex(dialog.status_choice.findData("done"))
    dialog.accept()
    qtbot.waitUntil(lambda: any(
        m.title == "Strategie im Kreistag beschlossen" and m.status == "done"
        and m.due_on == D(2022, 12, 12) for m in _timeline(demo_store).milestones))


def test_n_adds_a_milestone_at_the_as_of_date_and_the_as_of_date_moves_the_red_line(
        qtbot: QtBot, page: TimelinePage, demo_store: Store) -> None:
    line = page.scene.today_item
    assert line.x() == pytest.approx(page.scene.x_of(dt.date.today()) + page.scene.scale / 2)
    page.as_of_edit.setDate(QDate(2022, 10, 1))
    qtbot.waitUntil(lambda: _timeline(demo_store).project.as_of == D(2022, 10, 1))
    qtbot.waitUntil(lambda: line.x() == pytest.approx(
        page.scene.x_of(D(2022, 10, 1)) + page.scene.scale / 2))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_N)
    dialog = page.dialog
    assert isinstance(dialog, PlanItemDialog)
    qtbot.keyClicks(dialog.title_edit, "Forum in Andernach")
    dialog.accept()
    qtbot.waitUntil(lambda: any(m.title == "Forum in Andernach"
                                for m in _timeline(demo_store).milestones))
    added = next(m for m in _timeline(demo_store).milestones
                 if m.title == "Forum in Andernach")
    phase_a = _timeline(demo_store).phases[0]
    assert (added.due_on, added.phase_id, added.status) == (D(2022, 10, 1), phase_a.id,
                                                            "planned")
    qtbot.waitUntil(lambda: added.id in page.scene.milestones)


# --------------------------------------------------------------------------- lanes, warnings


def test_swimlanes_switch_between_phases_and_fields_of_action(
        qtbot: QtBot, page: TimelinePage, demo_store: Store) -> None:
    timeline = _timeline(demo_store)
    assert [lane.title for lane in page.scene.lanes] == [p.name for p in timeline.phases]
    mobility = _bar(page, "Mobilitätsplattform mit Echtzeit-Fahrgastinformation")
    page.group_choice.setCurrentIndex(page.group_choice.findData(GROUP_FIELD))
    titles = [lane.title for lane in page.scene.lanes]
    assert titles == ["Milestones", *(f.name for f in timeline.fields)]
    lane = next(lane for lane in page.scene.lanes if lane.title == "Mobilität")
    assert mobility in lane.bars
    assert lane.top <= mobility.scenePos().y() < lane.bottom
    # A milestone that belongs to a measure goes with it.
    pilot = _milestone(page, "Pilotbetrieb Mobilitätsplattform")
    assert pilot in lane.milestones
    page.set_group_by(GROUP_PHASE)
    assert [lane.title for lane in page.scene.lanes] == [p.name for p in timeline.phases]


def test_warnings_show_in_the_banner_and_on_the_items(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, bridge: StoreBridge) -> None:
    assert page.warning_box.isHidden()
    bridge.run(ops.create_milestone(_project_id(demo_store), "Abschlussbericht",
                                    D(2028, 6, 30)))
    qtbot.waitUntil(lambda: not page.warning_box.isHidden())
    assert "Abschlussbericht" in page.warning_label.text()
    late = _milestone(page, "Abschlussbericht")
    assert any("outside every phase" in text for text in late.warnings)
    assert "⚠" in late.toolTip()
    page.warning_toggle.click()
    assert page.warning_list.count() == len(page.warnings) >= 2
    page.warning_list.itemClicked.emit(page.warning_list.item(0))
    assert late.isSelected()


# --------------------------------------------------------------------------- table


def test_the_table_shows_the_same_rows_and_its_edits_run_the_same_operations(
        qtbot: QtBot, qtmodeltester: object, page: TimelinePage, demo_store: Store,
        bridge: StoreBridge) -> None:
    qtmodeltester.check(page.table_model)  # type: ignore[attr-defined]
    model = page.table_model
    timeline = _timeline(demo_store)
    assert model.rowCount() == len(timeline.phases) + len(timeline.milestones) + len(
        timeline.measures)
    row = model.row_of("milestone", _milestone(page, "Strategie im Kreistag").id)
    assert model.index(row, TITLE).data() == "Strategie im Kreistag"
    page.show_table()
    assert page.views.currentWidget() is page.table
    current = page.proxy.mapFromSource(model.index(row, END))
    page.table.setCurrentIndex(current)
    assert model.setData(model.index(row, END), QDate(2022, 12, 19))
    qtbot.waitUntil(lambda: _due(demo_store, "Strategie im Kreistag") == D(2022, 12, 19))
    qtbot.waitUntil(lambda: _milestone(page, "Strategie im Kreistag").milestone.due_on
                    == D(2022, 12, 19))
    # The table shows the new date and keeps its place for the next edit by keyboard.
    qtbot.waitUntil(lambda: model.index(row, END).data() == format_date(D(2022, 12, 19)))
    assert page.table.currentIndex() == current
    bridge.undo_stack.undo()
    qtbot.waitUntil(lambda: _due(demo_store, "Strategie im Kreistag") == D(2022, 12, 12))


# --------------------------------------------------------------------------- export


def test_the_export_writes_svg_with_every_milestone_title_and_a_png_picture(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, tmp_path: Path) -> None:
    scale = page.scene.scale
    svg = tmp_path / "zeitstrahl.svg"
    with qtbot.waitSignal(page.exported, timeout=10_000) as done:
        assert page.export("svg", svg)
    assert done.args == [svg, True]
    text = svg.read_text(encoding="utf-8")
    for milestone in _timeline(demo_store).milestones:
        assert html.escape(milestone.title, quote=False) in text, milestone.title
    assert "<text" in text and "Phase A: Strategie" in text
    png = tmp_path / "zeitstrahl.png"
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.export("png", png)
    image = QImage(str(png))
    assert image.width() >= 2000 and image.height() > 400
    phase_a = QColor(_timeline(demo_store).phases[0].colour).rgb()
    samples = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert phase_a in samples  # the phase band is drawn, not an empty sheet
    # The chart on screen is as it was.
    assert page.scene.scale == scale


# --------------------------------------------------------------------------- language


def test_the_german_ui_names_the_months_in_german(qtbot: QtBot, page: TimelinePage,
                                                  english: Translations) -> None:
    page.view.set_scale(4.0)  # months written out
    page.view.show_date(D(2022, 6, 1))
    page.view.header.repaint()
    english_months = set(page.view.header.shown.minor)
    assert {"June", "July"} <= english_months
    english.install("de")
    page.view.header.repaint()
    german = page.view.header.shown.minor
    assert {"Juni", "Juli"} <= set(german)
    assert not {"June", "July", "March", "October", "December"} & set(german)
    page.view.set_scale(0.05)  # far out: years only
    page.view.header.repaint()
    assert "2022" in page.view.header.shown.minor + page.view.header.shown.major


# --------------------------------------------------------------------------- projector


def test_the_projector_window_mirrors_the_chart_larger_and_follows_it(
        qtbot: QtBot, page: TimelinePage) -> None:
    page.resize(900, 700)
    page.view.set_scale(3.0)
    page.view.show_date(D(2022, 6, 1))
    page.projector_button.click()
    projector = page.projector
    assert projector is not None
    qtbot.waitExposed(projector)
    projector.sync_now()
    assert projector.view.zoom() > 1.2  # larger than on the laptop
    shown = projector.view.visible_scene_rect()
    assert shown.left() == pytest.approx(page.view.visible_scene_rect().left(), abs=2)
    assert not projector.view.isInteractive()
    page.view.show_date(D(2024, 1, 1))
    qtbot.waitUntil(lambda: abs(projector.view.visible_scene_rect().left()
                                - page.view.visible_scene_rect().left()) < 2)
    page.projector_button.click()
    qtbot.waitUntil(lambda: page.projector is None)


# --------------------------------------------------------------------------- zoom


def _wheel(page: TimelinePage, at: QPoint, degrees: int,
           modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    viewport = page.view.viewport()
    event = QWheelEvent(QPointF(at), QPointF(viewport.mapToGlobal(at)), QPoint(0, 0),
                        QPoint(0, degrees), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def test_the_wheel_zooms_in_time_around_the_cursor_from_years_to_weeks(
        qtbot: QtBot, page: TimelinePage) -> None:
    view, scene = page.view, page.scene
    view.set_scale(1.0)
    view.show_date(D(2023, 6, 1))
    at = QPoint(400, 300)
    under = scene.day_at(view.mapToScene(at).x())
    lane = scene.lane_at(view.mapToScene(at).y())
    _wheel(page, at, 120)
    assert scene.scale == pytest.approx(1.25)
    assert abs((scene.day_at(view.mapToScene(at).x()) - under).days) <= 1
    assert scene.lane_at(view.mapToScene(at).y()) is lane
    for _ in range(12):
        _wheel(page, at, 120)
    assert abs((scene.day_at(view.mapToScene(at).x()) - under).days) <= 1
    view.header.repaint()
    assert any(text.startswith("W ") for text in view.header.shown.minor)  # weeks
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert scene.scale < 1.25 ** 13
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    first, last = scene.span()
    shown = view.visible_scene_rect()
    assert shown.left() <= scene.x_of(first) and scene.x_of(last) <= shown.right()
    view.header.repaint()
    assert "2022" in view.header.shown.major + view.header.shown.minor


# --------------------------------------------------------------------------- review fixes


def _open_form(qtbot: QtBot, page: TimelinePage, key: Qt.Key) -> PlanItemDialog:
    page.view.setFocus()
    qtbot.keyClick(page.view, key)
    dialog = page.dialog
    assert isinstance(dialog, PlanItemDialog) and dialog.isVisible()
    return dialog


def test_m_makes_a_measure_with_field_priority_and_dates_and_undo_removes_it(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, bridge: StoreBridge) -> None:
    dialog = _open_form(qtbot, page, Qt.Key.Key_M)
    assert dialog.kind == "measure" and dialog.windowTitle() == "New measure"
    assert dialog.priority_edit.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.title_edit, "Open-Data-Portal")
    dialog.group_choice.setCurrentIndex(dialog.group_choice.findText("Daten & Plattform"))
    dialog.owner_edit.setText("City & Bits")
    dialog.priority_edit.setValue(2)
    dialog.start_edit.setDate(QDate(2024, 3, 1))
    dialog.end_edit.setDate(QDate(2025, 2, 28))
    dialog.accept()
    qtbot.waitUntil(lambda: any(m.title == "Open-Data-Portal"
                                for m in _timeline(demo_store).measures))
    made = next(m for m in _timeline(demo_store).measures if m.title == "Open-Data-Portal")
    assert (made.field_name, made.owner, made.priority) == ("Daten & Plattform", "City & Bits", 2)
    assert (made.starts_on, made.ends_on) == (D(2024, 3, 1), D(2025, 2, 28))
    bridge.undo_stack.undo()
    qtbot.waitUntil(lambda: all(m.title != "Open-Data-Portal"
                                for m in _timeline(demo_store).measures))


def test_p_makes_a_phase_with_its_colour_and_the_new_menu_offers_all_three(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, bridge: StoreBridge) -> None:
    texts = [action.text() for action in page.new_menu.actions()]
    assert texts == ["New milestone\tN", "New measure\tM", "New phase\tP"]
    dialog = _open_form(qtbot, page, Qt.Key.Key_P)
    assert dialog.kind == "phase" and dialog.windowTitle() == "New phase"
    # The new phase starts the day after the last one ends.
    last = max(p.ends_on for p in _timeline(demo_store).phases if p.ends_on)
    assert dialog.start_edit.date().toPython() == last + dt.timedelta(days=1)
    qtbot.keyClicks(dialog.title_edit, "Phase C: Verstetigung")
    dialog.colour_choice.setCurrentIndex(dialog.colour_choice.findData("#a1d99b"))
    dialog.accept()
    qtbot.waitUntil(lambda: any(p.name == "Phase C: Verstetigung"
                                for p in _timeline(demo_store).phases))
    made = next(p for p in _timeline(demo_store).phases if p.name == "Phase C: Verstetigung")
    assert made.colour == "#a1d99b" and made.starts_on == last + dt.timedelta(days=1)
    bridge.undo_stack.undo()
    qtbot.waitUntil(lambda: all(p.name != "Phase C: Verstetigung"
                                for p in _timeline(demo_store).phases))


def test_del_deletes_a_selected_phase_or_measure_and_undo_brings_it_back(
        qtbot: QtBot, page: TimelinePage, demo_store: Store, bridge: StoreBridge) -> None:
    phase = next(p for p in page.scene.phases.values() if p.title == "Phase A: Strategie")
    bar = _bar(page, "Kreisweites LoRaWAN-Sensornetz")
    for item, gone in (
            (phase, lambda: all(p.name != "Phase A: Strategie"
                                for p in _timeline(demo_store).phases)),
            (bar, lambda: all(m.title != "Kreisweites LoRaWAN-Sensornetz"
                              for m in _timeline(demo_store).measures))):
        page.select_items([item])
        page.view.setFocus()
        qtbot.keyClick(page.view, Qt.Key.Key_Delete)
        qtbot.waitUntil(gone)
        bridge.undo_stack.undo()
        qtbot.waitUntil(lambda gone=gone: not gone())
        qtbot.waitSignal(page.loaded, timeout=10_000)
        qtbot.waitUntil(lambda: len(page.scene.phases) == 2)


def test_the_milestone_form_links_a_workshop_and_a_measure_and_measures_show_priority(
        qtbot: QtBot, page: TimelinePage, demo_store: Store) -> None:
    workshop = load_tree_workshop(demo_store)
    dialog = _open_form(qtbot, page, Qt.Key.Key_N)
    assert dialog.workshop_choice.itemText(0) == "— none —"
    assert dialog.workshop_choice.findData(str(workshop.id)) > 0
    assert dialog.measure_choice.findText("Kreisweites LoRaWAN-Sensornetz") > 0
    qtbot.keyClicks(dialog.title_edit, "Sensoren in Betrieb")
    dialog.workshop_choice.setCurrentIndex(dialog.workshop_choice.findData(str(workshop.id)))
    dialog.measure_choice.setCurrentIndex(
        dialog.measure_choice.findText("Kreisweites LoRaWAN-Sensornetz"))
    dialog.accept()
    qtbot.waitUntil(lambda: any(m.title == "Sensoren in Betrieb"
                                for m in _timeline(demo_store).milestones))
    made = next(m for m in _timeline(demo_store).milestones if m.title == "Sensoren in Betrieb")
    lora = next(m for m in _timeline(demo_store).measures
                if m.title == "Kreisweites LoRaWAN-Sensornetz")
    assert (made.workshop_id, made.measure_id) == (workshop.id, lora.id)
    # Editing it again shows the links; editing a measure shows its priority.
    qtbot.waitUntil(lambda: any(m.milestone.title == "Sensoren in Betrieb"
                                for m in page.scene.milestones.values()))
    edit = page.edit_item(_milestone(page, "Sensoren in Betrieb"))
    assert edit is not None
    assert edit.workshop_choice.currentData() == str(workshop.id)
    assert edit.measure_choice.currentData() == str(lora.id)
    edit.reject()
    measure_form = page.edit_item(_bar(page, "Kreisweites LoRaWAN-Sensornetz"))
    assert measure_form is not None and measure_form.priority_edit.isVisibleTo(measure_form)
    assert measure_form.priority_edit.value() == lora.priority
    measure_form.priority_edit.setValue(7)
    assert measure_form.changes() == {"priority": 7}
    measure_form.reject()


def load_tree_workshop(store: Store) -> Any:
    return store.read(load_tree)[0].workshops[0]


def test_the_export_dialog_starts_in_the_folder_of_the_last_export(
        qtbot: QtBot, page: TimelinePage, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "Exporte"
    folder.mkdir()
    asked: list[str] = []

    def ask(_parent: Any, _caption: str, directory: str, _filter: str) -> tuple[str, str]:
        asked.append(directory)
        return str(folder / Path(directory).name), ""

    monkeypatch.setattr("myk10_workshop.ui.save_dialog.QFileDialog.getSaveFileName", ask)
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.choose_export("svg")
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.choose_export("png")
    assert Path(asked[0]).parent == Path.home()
    assert Path(asked[1]).parent == folder
    assert (folder / Path(asked[1]).name).exists()


def test_at_1366_by_768_the_timeline_bar_shows_its_main_buttons(
        qtbot: QtBot, demo_window: Any, demo_store: Store, english: Translations) -> None:
    english.install("de")
    demo_window.showNormal()
    demo_window.resize(1366, 768)
    qtbot.waitUntil(lambda: demo_window.width() == 1366)
    demo_window.navigator.select("project", _project_id(demo_store))
    page = demo_window.show_timeline().timeline
    qtbot.waitUntil(lambda: page.timeline is not None, timeout=10_000)
    qtbot.waitUntil(lambda: 0 < page.bar.width() < 1366)
    extension = page.bar.findChild(QToolButton, "qt_toolbar_ext_button")
    hidden = [name for name, widget in (
        ("Diagramm", page.chart_button), ("Tabelle", page.table_button),
        ("Neu", page.new_button), ("Verknüpfen", page.link_button),
        ("Beamer", page.projector_button), ("Stand", page.as_of_edit),
        ("Heute", page.today_button), ("−", page.zoom_out_button),
        ("+", page.zoom_in_button), ("Alles zeigen", page.fit_button),
        ("Spuren", page.group_choice), ("Mehr", page.more_button)) if not widget.isVisible()]
    assert hidden == [], f"behind »: {hidden}"
    assert extension is None or not extension.isVisible()
    # Icon-only buttons say what they do.
    assert page.link_button.toolTip() and page.fit_button.toolTip()


# --------------------------------------------------------------------------- arrows in strips


@pytest.mark.parametrize("warned", [False, True])
def test_an_arrow_painted_strip_by_strip_looks_like_one_painted_whole(
        qtbot: QtBot, warned: bool) -> None:
    """A pan paints a strip at a time and an arrow draws only its pieces in the strip:
    the view after a pan must show the arrow as a view painted whole does, dashes in step
    included."""
    from PySide6.QtGui import QColor, QFont, QPainter
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

    from myk10_workshop.timeline.rules import ItemRef
    from myk10_workshop.ui.timeline.items import Look

    scene = QGraphicsScene()
    scene.setSceneRect(QRectF(0.0, 0.0, 200.0, 900.0))
    arrow = DependencyItem(uuid.uuid4(), ItemRef("milestone", uuid.uuid4()),
                           ItemRef("measure", uuid.uuid4()), Look(QFont()))
    arrow.set_warned(warned)
    # Out to the right, down a long way, back left past the start (a conflict), into the bar.
    arrow.set_route(QPointF(120.0, 20.0), QPointF(60.0, 860.0))
    scene.addItem(arrow)
    view = QGraphicsView(scene)
    view.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
    view.resize(240, 300)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()

    def on_screen() -> QImage:
        return view.screen().grabWindow(view.winId()).toImage()

    bar = view.verticalScrollBar()
    for _ in range(10):  # a pan: each step paints the strip it uncovers
        bar.setValue(bar.value() + 37)
        QApplication.processEvents()
    panned = on_screen()
    view.viewport().repaint()  # the same place, painted whole
    whole = on_screen()
    assert panned == whole
    ink = {QColor(whole.pixel(x, y)).name() for x in range(0, 200, 2) for y in range(300)}
    assert len(ink) > 2  # the arrow is in view
