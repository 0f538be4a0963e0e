"""Running the demo agenda live against a fake clock: what is recorded, what is shown."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from myk10_workshop.agenda import operations as agenda_ops
from myk10_workshop.agenda.queries import AgendaView, BlockView, load_agenda
from myk10_workshop.agenda.timing import BlockPlan, DayPlan, time_day
from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Operation
from myk10_workshop.store.schema import Ballot
from myk10_workshop.ui.agenda.live import (
    PALETTE,
    CountdownState,
    LiveRunView,
    clock_text,
    countdown,
    pick_day,
    run_plan,
)
from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.voting import operations as voting

Tree = Callable[[], tuple[ProjectNode, ...]]
# The demo's first day, 09:00 on this computer's clock (where agenda times live).
START = dt.datetime(2022, 1, 20, 9, 0).astimezone()
JOIN_URL = "http://192.168.178.20:8080/j/7QX4M2"


class Clock:
    """The clock the view reads; tests move it."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def at(self, minutes: int, seconds: int = 0) -> None:
        self.now = START + dt.timedelta(minutes=minutes, seconds=seconds)


@dataclass
class Live:
    view: LiveRunView
    clock: Clock
    store: Store
    bridge: StoreBridge
    workshop: uuid.UUID
    qtbot: QtBot

    def agenda(self) -> AgendaView:
        found = self.store.read(lambda session: load_agenda(session, self.workshop))
        assert found is not None
        return found

    def block(self, title: str) -> BlockView:
        return next(b for b in self.agenda().days[0].blocks if b.title == title)

    def press(self, action: QAction | Callable[[], object]) -> None:
        """Press a button (or call a command) and wait until the view shows the result."""
        with self.qtbot.waitSignal(self.view.loaded, timeout=10_000):
            if isinstance(action, QAction):
                assert action.isEnabled(), action.objectName()
                action.trigger()
            else:
                action()

    def apply(self, *operations: Operation) -> None:
        """Change the store behind the view's back, then let it look again."""
        for operation in operations:
            self.store.apply(operation)
        with self.qtbot.waitSignal(self.view.loaded, timeout=10_000):
            self.view.reload()

    def undo(self) -> None:
        with self.qtbot.waitSignal(self.view.loaded, timeout=10_000):
            self.bridge.undo_stack.undo()

    def ballot_status(self, ballot_id: uuid.UUID) -> str:
        status: str = self.store.read(lambda session: session.scalar(
            select(Ballot.status).where(Ballot.id == ballot_id)))
        return status


def utc(moment: dt.datetime) -> dt.datetime:
    """How the store keeps a moment: naive UTC."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _make(qtbot: QtBot, store: Store, bridge: StoreBridge, tree: Tree,
          join_url: Callable[[], str | None] | None = None) -> Live:
    clock = Clock(START)
    view = LiveRunView(bridge, None, now=clock, join_url=join_url)
    qtbot.addWidget(view)
    workshop = tree()[0].workshops[0].id
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_workshop(workshop)
    return Live(view, clock, store, bridge, workshop, qtbot)


@pytest.fixture
def live(qtbot: QtBot, demo_store: Store, bridge: StoreBridge, english: object,
         tree: Tree) -> Iterator[Live]:
    made = _make(qtbot, demo_store, bridge, tree)
    yield made
    made.view.close_projector()
    bridge.wait_idle()


def rest_rows(view: LiveRunView) -> dict[str, list[str]]:
    """The rest-of-the-day table by block title: [start, planned, title, duration, note]."""
    table = view.rest
    return {table.item(row, 2).text(): [table.item(row, column).text() for column in range(5)]
            for row in range(table.rowCount())}


def fix_button(view: LiveRunView, title: str, name: str) -> QToolButton | None:
    table = view.rest
    for row in range(table.rowCount()):
        if table.item(row, 2).text() == title:
            holder = table.cellWidget(row, 4)
            return holder.findChild(QToolButton, name) if holder is not None else None
    raise AssertionError(f"{title} is not in the rest of the day")


FIRST = "Ankommen, Begrüßung und Check-in"
SECOND = "Impulsvortrag: Wo steht die Smarte Region MYK10?"
THIRD = "Kaffeepause"
WORLD_CAFE = "World Café: Ziele der Smarten Region"
CLUSTERING = "Clustern der Ziele im Plenum"
REBUILD = "Umbau für die Arbeitsgruppen"  # facilitator-only, just before the pinned lunch
LUNCH = "Mittagspause"


# --------------------------------------------------------------------------- pure parts


def test_countdown_rounds_towards_what_a_kitchen_timer_shows() -> None:
    started = START
    assert countdown(started, 45, started).remaining == 45 * 60
    assert countdown(started, 45, started + dt.timedelta(seconds=0.4)).remaining == 2700
    assert countdown(started, 45, started + dt.timedelta(minutes=45, seconds=0.5)
                     ).remaining == -1
    assert clock_text(90 * 60) == "90:00"
    assert clock_text(-(3 * 60 + 7)) == "03:07"


def test_the_day_to_run_is_the_running_one_then_todays() -> None:
    monday, tuesday = dt.date(2022, 1, 17), dt.date(2022, 1, 18)
    one = DayPlan(uuid.uuid4(), dt.time(9), (BlockPlan(uuid.uuid4(), 30),), monday)
    running = BlockPlan(uuid.uuid4(), 30, actual_start=dt.datetime(2022, 1, 18, 9, 5))
    two = DayPlan(uuid.uuid4(), dt.time(9), (running,), tuesday)
    assert pick_day((one, two), tuesday) == two.id
    assert pick_day((one, DayPlan(two.id, dt.time(9), (), tuesday)), tuesday) == two.id
    assert pick_day((one, DayPlan(two.id, dt.time(9), (), tuesday)), monday) == one.id
    assert pick_day((DayPlan(one.id, dt.time(9), (), monday), two), monday) == two.id


def test_a_day_run_on_another_date_is_timed_on_the_date_it_ran() -> None:
    dropped = BlockPlan(uuid.uuid4(), 15, actual_start=dt.datetime(2026, 3, 2, 9, 40),
                        actual_end=dt.datetime(2026, 3, 2, 9, 40))
    first = BlockPlan(uuid.uuid4(), 30, actual_start=dt.datetime(2026, 3, 2, 9, 1))
    day = DayPlan(uuid.uuid4(), dt.time(9), (first, dropped), dt.date(2022, 1, 20))
    plan = run_plan(day, dt.date(2026, 3, 5))
    assert plan.blocks == (first,)
    # The core dates a day that ran on the date it ran, as the planning page does.
    timed = time_day(plan, dt.datetime(2026, 3, 5, 10, 0))
    assert timed.run_date == dt.date(2026, 3, 2)
    assert [f"{slot.start_time:%H:%M}" for slot in timed.slots] == ["09:01"]
    # Nothing recorded yet: the day is run today.
    assert run_plan(DayPlan(day.id, dt.time(9), (), None), dt.date(2026, 3, 5)).date == \
        dt.date(2026, 3, 5)
    unrun = DayPlan(day.id, dt.time(9), (BlockPlan(uuid.uuid4(), 30),), dt.date(2022, 1, 20))
    assert run_plan(unrun, dt.date(2026, 3, 5)).date == dt.date(2026, 3, 5)


# --------------------------------------------------------------------------- live view


def test_start_records_the_actual_start_and_counts_down(live: Live) -> None:
    view = live.view
    assert view.caption.text() == "Up next: press Start"
    assert view.current_title.text() == FIRST
    assert not view.next_action.isEnabled()
    live.clock.at(2, 30)
    live.press(view.start_action)
    assert live.block(FIRST).actual_start == utc(START + dt.timedelta(minutes=2, seconds=30))
    assert view.caption.text() == "Now"
    assert view.current_title.text() == FIRST
    assert view.countdown.text() == "45:00"
    assert view.countdown_state is CountdownState.NORMAL
    assert view.next_label.text().startswith(f"Next: {SECOND}\nat 09:47")
    assert not view.start_action.isEnabled()
    assert view.next_action.isEnabled()


def test_the_countdown_changes_colour_and_words_at_a_fifth_and_a_twentieth(
        qtbot: QtBot, live: Live) -> None:
    view = live.view
    live.press(view.start_action)
    rung: list[object] = []
    view.time_up.connect(rung.append)

    def at(minutes: int, seconds: int) -> tuple[str, CountdownState | None, str]:
        live.clock.at(minutes, seconds)
        view.tick()
        return view.countdown.text(), view.countdown_state, view.countdown_status.text()

    # 45 minutes: a fifth is 9:00, a twentieth 2:15.
    assert at(35, 59) == ("09:01", CountdownState.NORMAL, "Time left")
    assert at(36, 0) == ("09:00", CountdownState.LOW, "Less than a fifth of the time left")
    assert at(42, 44) == ("02:16", CountdownState.LOW, "Less than a fifth of the time left")
    assert at(42, 45) == ("02:15", CountdownState.CRITICAL, "Almost over: time to wrap up")
    assert PALETTE[CountdownState.CRITICAL][0] in view.current.styleSheet()
    assert at(44, 59) == ("00:01", CountdownState.CRITICAL, "Almost over: time to wrap up")
    assert not rung
    assert at(45, 0) == ("+00:00 over", CountdownState.OVER, "Time is up")
    assert rung == [live.block(FIRST).id]
    assert at(48, 30) == ("+03:30 over", CountdownState.OVER, "Time is up")
    assert view.countdown.accessibleName() == "3 min over"
    assert PALETTE[CountdownState.OVER][0] in view.current.styleSheet()
    assert rung == [live.block(FIRST).id], "the sound comes once"


def test_plus_five_minutes_extends_the_running_block(live: Live) -> None:
    view = live.view
    live.press(view.start_action)
    live.clock.at(38)
    view.tick()
    assert (view.countdown.text(), view.countdown_state) == ("07:00", CountdownState.LOW)
    live.press(view.extend_action)
    # The plan stays; the minutes are recorded as extra time, and the countdown gets them.
    assert (live.block(FIRST).duration_min, live.block(FIRST).extra_min) == (45, 5)
    assert (view.countdown.text(), view.countdown_state) == ("12:00", CountdownState.NORMAL)
    live.press(view.extend_action)
    assert (live.block(FIRST).duration_min, live.block(FIRST).extra_min) == (45, 10)
    assert view.countdown.text() == "17:00"
    assert "Planned 09:00–09:45" in view.details.text()
    # What follows is expected later, against the unchanged plan.
    assert rest_rows(view)[SECOND] == ["09:55", "09:45", SECOND, "30 min", "10 min later"]
    live.undo()
    assert (live.block(FIRST).duration_min, live.block(FIRST).extra_min) == (45, 5)
    assert live.view.countdown.text() == "12:00"


def test_running_late_retimes_the_day_and_squeezed_blocks_are_shortened_or_dropped(
        live: Live) -> None:
    view = live.view
    live.press(view.start_action)
    live.clock.at(70, 10)  # 25 minutes over a 45-minute block
    view.tick()
    rows = rest_rows(view)
    assert rows[SECOND] == ["10:10", "09:45", SECOND, "30 min", "25 min later"]
    assert rows[CLUSTERING][4] == "10 min too long"
    assert rows[REBUILD][4] == "15 min too long"
    assert rows[LUNCH][:2] == ["12:30", "12:30"], "the pinned lunch stays put"
    assert view.squeeze_note.isVisibleTo(view)
    assert view.day_status.text().startswith("25 min behind plan")
    assert fix_button(view, SECOND, "drop") is None
    assert fix_button(view, REBUILD, "shorten") is None, "15 minutes cannot lose 15"

    shorten = fix_button(view, CLUSTERING, "shorten")
    assert shorten is not None and shorten.text() == "→ 20 min"
    assert shorten.toolTip() == "Shorten to 20 min (10 min too long)"
    live.press(shorten.click)
    assert live.block(CLUSTERING).duration_min == 20
    rows = rest_rows(view)
    assert rows[CLUSTERING][3:] == ["20 min", "25 min later"]
    assert rows[REBUILD][4] == "15 min too long"

    drop = fix_button(view, REBUILD, "drop")
    assert drop is not None
    live.press(drop.click)
    dropped = live.block(REBUILD)
    assert dropped.actual_start == dropped.actual_end == utc(live.clock.now)
    assert REBUILD not in rest_rows(view)
    assert not view.squeeze_note.isVisibleTo(view)
    # Dropping a later block does not end the one that runs.
    assert view.current_title.text() == FIRST
    assert view.countdown_state is CountdownState.OVER
    assert live.block(FIRST).actual_end is None


def test_next_records_end_and_start_at_one_moment_and_undo_takes_both_back(
        live: Live) -> None:
    view = live.view
    live.press(view.start_action)
    live.clock.at(50)
    steps = live.bridge.undo_stack.count()
    live.press(view.next_action)
    assert live.bridge.undo_stack.count() == steps + 1
    first, second = live.block(FIRST), live.block(SECOND)
    assert first.actual_end == second.actual_start == utc(START + dt.timedelta(minutes=50))
    assert view.current_title.text() == SECOND
    assert view.countdown.text() == "30:00"
    assert rest_rows(view)[WORLD_CAFE][:2] == ["10:35", "10:30"]

    live.undo()
    first, second = live.block(FIRST), live.block(SECOND)
    assert first.actual_start == utc(START) and first.actual_end is None
    assert second.actual_start is None
    assert view.current_title.text() == FIRST
    assert view.countdown_state is CountdownState.OVER


def test_skip_leaves_out_the_block_that_would_come_next(live: Live) -> None:
    view = live.view
    live.press(view.start_action)
    live.clock.at(10)
    live.press(view.skip_action)
    skipped = live.block(SECOND)
    assert skipped.actual_start == skipped.actual_end == utc(START + dt.timedelta(minutes=10))
    assert view.current_title.text() == FIRST
    assert view.next_label.text().startswith(f"Next: {THIRD}\nat 09:45")
    live.clock.at(40)
    live.press(view.next_action)
    assert live.block(THIRD).actual_start == utc(START + dt.timedelta(minutes=40))


def test_a_linked_ballot_opens_with_its_block_and_closes_when_it_ends(live: Live) -> None:
    view = live.view
    ballot = next(s.ballot for s in view.ballots.values()
                  if s.ballot.title == "Prioritäten der Ziele")
    assert live.ballot_status(ballot.id) == "closed"
    live.apply(agenda_ops.update_block(live.block(SECOND).id, ballot_id=ballot.id))
    live.press(view.start_action)
    assert live.ballot_status(ballot.id) == "closed"

    live.clock.at(45)
    live.press(view.next_action)
    assert live.ballot_status(ballot.id) == "open"
    assert "Ballot “Prioritäten der Ziele”: Open" in view.details.text()

    live.clock.at(75)
    steps = live.bridge.undo_stack.count()
    live.press(view.next_action)
    assert live.ballot_status(ballot.id) == "closed"
    assert live.block(SECOND).actual_end == utc(START + dt.timedelta(minutes=75))
    assert live.bridge.undo_stack.count() == steps + 1, "ending and closing: one step"

    live.undo()
    assert live.ballot_status(ballot.id) == "open"
    assert live.block(SECOND).actual_end is None
    live.undo()
    assert live.ballot_status(ballot.id) == "closed"
    assert live.block(SECOND).actual_start is None
    assert view.current_title.text() == FIRST


def test_a_ballot_that_cannot_open_does_not_stop_its_block(qtbot: QtBot, live: Live) -> None:
    view = live.view
    empty = voting.create_ballot(live.workshop, "dots", "Noch ohne Optionen")
    ballot_id = empty.operations[0].id  # type: ignore[attr-defined]
    live.store.apply(empty)
    live.apply(agenda_ops.update_block(live.block(FIRST).id, ballot_id=ballot_id))
    with qtbot.waitSignal(live.bridge.failed, timeout=5_000) as said:
        live.press(view.start_action)
    assert "Noch ohne Optionen" in said.args[0]
    assert live.block(FIRST).actual_start == utc(START)
    assert live.ballot_status(ballot_id) == "draft"


def test_a_block_with_a_board_asks_the_window_to_show_it(qtbot: QtBot, live: Live) -> None:
    view = live.view
    world_cafe = live.block(WORLD_CAFE)
    assert world_cafe.board_id is not None
    live.apply(agenda_ops.start_block(live.block(FIRST).id, START),
               agenda_ops.start_block(live.block(THIRD).id, START + dt.timedelta(minutes=80)))
    live.clock.at(95)
    with qtbot.waitSignal(view.board_requested, timeout=5_000) as asked:
        live.press(view.next_action)
    assert asked.args == [world_cafe.board_id]
    assert live.block(THIRD).actual_end == utc(START + dt.timedelta(minutes=95))


def test_the_keys_drive_the_run(qtbot: QtBot, live: Live) -> None:
    view = live.view
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert live.block(FIRST).actual_start == utc(START)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert (live.block(FIRST).duration_min, live.block(FIRST).extra_min) == (45, 5)
    live.clock.at(20)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert live.block(SECOND).actual_start == utc(START + dt.timedelta(minutes=20))
    with qtbot.waitSignal(view.finished, timeout=2_000):
        qtbot.keyClick(view, Qt.Key.Key_Escape)


# Offscreen windows have no stacking order; the projector asks to come to the front anyway.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_projector_shows_the_countdown_and_the_join_code_while_voting(
        qtbot: QtBot, demo_store: Store, bridge: StoreBridge, english: object,
        tree: Tree) -> None:
    session: list[str] = [JOIN_URL]
    live = _make(qtbot, demo_store, bridge, tree,
                 join_url=lambda: session[0] if session else None)
    view = live.view
    try:
        ballot = next(s.ballot for s in view.ballots.values()
                      if s.ballot.title == "Prioritäten der Ziele")
        live.apply(agenda_ops.update_block(live.block(SECOND).id, ballot_id=ballot.id))
        live.press(view.start_action)
        projector = view.show_projector()
        projector.resize(1280, 720)
        live.clock.at(40)
        view.tick()
        assert projector.title.text() == FIRST
        assert projector.countdown.text() == "05:00"
        assert projector.status.text() == "Less than a fifth of the time left"
        assert PALETTE[CountdownState.LOW][0] in projector.panel.styleSheet()
        assert projector.next.text().startswith(f"Next: {SECOND}")
        assert not projector.showing_qr()

        live.press(view.next_action)  # the ballot opens
        qtbot.waitUntil(projector.showing_qr, timeout=5_000)
        assert projector.qr_caption.text() == "Vote with your phone: scan the code"
        image = projector.qr.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        assert [code.text for code in zxingcpp.read_barcodes(image)] == [JOIN_URL]

        session.clear()  # the phone session stopped
        view.tick()
        assert not projector.showing_qr()
        session.append(JOIN_URL)
        view.tick()
        assert projector.showing_qr()
        live.clock.at(60)
        live.press(view.next_action)  # the ballot closes
        assert not projector.showing_qr()
    finally:
        view.close_projector()
        bridge.wait_idle()


def test_the_projector_keeps_facilitator_only_blocks_off_the_wall(live: Live) -> None:
    view = live.view
    live.apply(agenda_ops.start_block(live.block(CLUSTERING).id, START + dt.timedelta(hours=2)))
    live.clock.at(125)
    view.tick()
    assert view.next_label.text().startswith(f"Next: {REBUILD}")
    wall = view.projector_state(live.clock.now)
    assert wall.title == CLUSTERING
    assert wall.next_text.startswith(f"Next: {LUNCH}")

    live.press(view.next_action)  # the rebuild, facilitator-only, runs
    assert view.current_title.text() == REBUILD
    wall = view.projector_state(live.clock.now)
    assert REBUILD not in (wall.caption, wall.title, wall.next_text)
    assert (wall.caption, wall.title, wall.countdown) == ("Up next", LUNCH, "85:00")
    assert wall.status == "until it starts at 12:30"
    live.clock.at(210)  # the rebuild runs over into lunch
    view.tick()
    wall = view.projector_state(live.clock.now)
    assert (wall.title, wall.countdown, wall.status) == (LUNCH, "", "Starts in a moment")


def test_other_days_can_be_run(live: Live) -> None:
    view = live.view
    assert view.day_choice.count() == 2
    with live.qtbot.waitSignal(view.loaded, timeout=10_000):
        view.day_choice.setCurrentIndex(1)
        view.reload()
    second_day = live.agenda().days[1]
    assert view.day_id == second_day.id
    assert view.current_title.text() == second_day.blocks[0].title
    live.press(view.start_action)
    assert live.agenda().days[1].blocks[0].actual_start == utc(START)
    assert view.day_id == second_day.id


def test_nothing_to_run_without_a_workshop(live: Live) -> None:
    view = live.view
    view.show_workshop(None)
    assert view.agenda is None
    assert view.current_title.text() == ""
    assert not any(action.isEnabled() for action in (
        view.start_action, view.extend_action, view.next_action, view.skip_action))


# --------------------------------------------------------------------------- review fixes


REHEARSAL = dt.datetime(2026, 3, 2, 8, 59).astimezone()


def _rehearse(live: Live) -> None:
    """The reviewer's rehearsal: the demo day (20.01.2022) run today, Start and Next ×3."""
    view = live.view
    live.clock.now = REHEARSAL
    live.press(view.reload)
    live.press(view.start_action)
    assert view.day is not None and view.day.running is not None, view.day
    for seconds in (20, 40, 60):
        live.clock.now = REHEARSAL + dt.timedelta(seconds=seconds)
        live.press(view.next_action)


def test_a_rehearsal_is_timed_on_its_own_date_and_its_times_can_be_reset(
        live: Live, monkeypatch: pytest.MonkeyPatch) -> None:
    view = live.view
    assert not view.reset_action.isEnabled()
    _rehearse(live)
    assert view.day is not None and view.day.run_date == REHEARSAL.date()
    assert view.current_title.text() == WORLD_CAFE
    assert all(0 <= slot.start < 24 * 60 for slot in view.day.slots)
    assert view.reset_action.isEnabled()
    assert view.reset_action.text() == "Reset &times"
    live.press(view.extend_action)
    assert live.block(WORLD_CAFE).extra_min == 5

    asked: list[int] = []
    monkeypatch.setattr(view, "_confirm_reset", lambda count: asked.append(count) or False)
    view.reset_action.trigger()
    assert asked == [4]
    assert live.block(FIRST).actual_start is not None, "cancelled: nothing is forgotten"

    monkeypatch.setattr(view, "_confirm_reset", lambda count: True)
    steps = live.bridge.undo_stack.count()
    live.press(view.reset_action)
    assert live.bridge.undo_stack.count() == steps + 1, "one undo step"
    assert all(b.actual_start is None and b.actual_end is None and b.extra_min == 0
               for b in live.agenda().days[0].blocks)
    assert view.caption.text() == "Up next: press Start"
    assert view.current_title.text() == FIRST
    assert not view.reset_action.isEnabled()

    live.undo()
    assert live.block(WORLD_CAFE).actual_start is not None
    assert live.block(WORLD_CAFE).extra_min == 5
    assert view.current_title.text() == WORLD_CAFE


def test_times_recorded_on_another_day_are_pointed_out(live: Live) -> None:
    view = live.view
    _rehearse(live)
    live.clock.now = REHEARSAL + dt.timedelta(days=3)
    view.tick()
    assert "The recorded times are from 02.03.2026." in view.day_status.text()
    live.clock.now = REHEARSAL + dt.timedelta(minutes=5)
    view.tick()
    assert "recorded times are from" not in view.day_status.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_back_to_planning_closes_the_projector(qtbot: QtBot, live: Live) -> None:
    view = live.view
    projector = view.show_projector()
    qtbot.waitExposed(projector)
    with qtbot.waitSignal(view.finished, timeout=5_000):
        view.back_action.trigger()
    assert view.projector is None
    assert not projector.isVisible()


def test_the_rest_of_the_day_fits_a_small_laptop(qtbot: QtBot, live: Live) -> None:
    """The tab's share of a 1366×768 window: titles get the width the short columns leave,
    at most two lines each, and the fix buttons are in view without scrolling."""
    view = live.view
    view.resize(960, 640)
    view.show()
    qtbot.waitExposed(view)
    live.press(view.start_action)
    live.clock.at(70, 10)
    view.tick()
    qtbot.wait(50)
    table = view.rest
    columns = sum(table.columnWidth(column) for column in range(table.columnCount()))
    assert columns <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    assert table.columnWidth(2) >= 150, "titles keep room"
    line = table.fontMetrics().lineSpacing()
    assert max(table.rowHeight(row) for row in range(table.rowCount())) <= 2 * line + 8
    button = fix_button(view, CLUSTERING, "shorten")
    assert button is not None and button.isVisibleTo(view)
    right = button.mapTo(table.viewport(), button.rect().topRight()).x()
    assert right <= table.viewport().width()


def test_the_projector_countdown_keeps_its_full_height_beside_long_titles(
        qtbot: QtBot) -> None:
    from myk10_workshop.ui.agenda.projector import AgendaProjector, ProjectorState

    projector = AgendaProjector()
    qtbot.addWidget(projector)
    projector.resize(1280, 720)
    projector.show()
    qtbot.waitExposed(projector)
    projector.show_state(ProjectorState(
        caption="Jetzt", title="Ankommen, Begrüßung und Check-in mit Kaffee und Namensschild",
        countdown="44:48", status="Restzeit",
        next_text="Danach: Impulsvortrag: Wo steht die Smarte Region MYK10 im Jahr 2030?\n"
                  "um 09:43 · 30 Min."))
    qtbot.wait(50)
    countdown = projector.countdown
    needed = countdown.fontMetrics().height()
    assert countdown.height() >= needed, (countdown.height(), needed)
    assert countdown.font().pixelSize() >= 100, "still large enough for the back row"
    top = countdown.mapTo(projector, countdown.rect().topLeft()).y()
    bottom = projector.status.mapTo(projector, projector.status.rect().bottomLeft()).y()
    assert top >= projector.panel.y() and bottom <= projector.panel.geometry().bottom()
    shown = projector.next.text().splitlines()
    assert len(shown) == 2 and shown[0].endswith("…") and shown[1] == "um 09:43 · 30 Min."
    assert projector.next.geometry().bottom() <= projector.height()
    title = projector.title
    assert title.heightForWidth(title.width()) <= 2 * title.fontMetrics().lineSpacing() + 4
