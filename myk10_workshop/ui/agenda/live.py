"""Running the agenda live: the current block against the clock, and the rest of the day.

The facilitator starts a block, sees its countdown in large type, adds five minutes, moves
on, or skips what no longer fits. Every press is an operation (:mod:`agenda.operations`),
so the actual start and end of each block are recorded for the report (plan against
reality) and every press can be undone. A block linked to a ballot opens it when it starts
and closes it when it ends, in the same undo step; one linked to a board asks the window
to show that board.

Time comes from a clock passed in (``now``), so tests drive it. A one-second timer
re-times the day with the pure :func:`myk10_workshop.agenda.timing.time_day` and redraws;
it never reads the database. The database is read (in the background) only when the store
says something changed.

A day with nothing recorded yet is run as if it were today: a rehearsal, or a day whose
date was typed wrong, still gets a correct live clock; once blocks have run, the timing core
times the day on the date it was run (see :mod:`myk10_workshop.agenda.timing`), as the
planning page and the printouts do. "Reset times" forgets what a rehearsal recorded. Blocks
dropped live (recorded with no length) are left out of the live timing: the core's rule
that a block recorded later ends the one running before it is right for blocks that
really started, not for one that was only dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from myk10_workshop.agenda import operations as agenda_ops
from myk10_workshop.agenda.queries import AgendaView, BlockView, load_agenda, to_day_plans
from myk10_workshop.agenda.timing import (
    BlockPlan,
    DayPlan,
    DaySchedule,
    Slot,
    TimingWarning,
    clock_time,
    time_day,
)
from myk10_workshop.store.operations import Batch, ChangeSet, Operation
from myk10_workshop.store.schema import BallotKind, BallotStatus
from myk10_workshop.ui.agenda.projector import AgendaProjector, ProjectorState
from myk10_workshop.ui.bridge import StoreBridge, render
from myk10_workshop.voting import operations as voting
from myk10_workshop.voting.present import STATUS_NAMES
from myk10_workshop.voting.queries import BallotSummary, list_ballots

# What the view shows depends on these kinds of rows.
LIVE_KINDS = ("agenda_day", "agenda_item", "agenda_track", "agenda_material", "ballot",
              "ballot_option", "workshop")
EXTEND_MINUTES = 5
TICK_MS = 1000
COUNTDOWN_SCALE = 5.5
# The countdown changes colour and words when this share of the block's time is left.
LOW_SHARE = 0.20
CRITICAL_SHARE = 0.05


class CountdownState(enum.StrEnum):
    NORMAL = "normal"
    LOW = "low"  # a fifth of the time or less is left
    CRITICAL = "critical"  # a twentieth or less
    OVER = "over"  # the time is up


# (background, text) per state. Each pair has a contrast ratio of at least 4.5:1, and the
# states differ in lightness too (light, bright amber, dark red, darker red), so they can be
# told apart without colour vision; the words below the countdown say the same.
PALETTE: dict[CountdownState, tuple[str, str]] = {
    CountdownState.NORMAL: ("#e4f1e7", "#0b3318"),
    CountdownState.LOW: ("#ffc107", "#111111"),
    CountdownState.CRITICAL: ("#b3261e", "#ffffff"),
    CountdownState.OVER: ("#4a0a0a", "#ffffff"),
}
SQUEEZED_BACKGROUND = "#fff0c2"
SQUEEZED_TEXT = "#3d2b00"


@dataclass(frozen=True)
class Countdown:
    """Seconds left of a block's time (negative: over time) out of ``total``."""

    remaining: int
    total: int

    @property
    def state(self) -> CountdownState:
        if self.remaining <= 0:
            return CountdownState.OVER
        share = self.remaining / self.total
        if share <= CRITICAL_SHARE:
            return CountdownState.CRITICAL
        if share <= LOW_SHARE:
            return CountdownState.LOW
        return CountdownState.NORMAL


def countdown(started: dt.datetime, minutes: int, now: dt.datetime) -> Countdown:
    """The countdown of a block of ``minutes`` started at ``started`` (both aware).

    Seconds left are rounded up (a new block shows 45:00, not 44:59); seconds over are
    rounded down (it is "+00:00" for the first second over, like a kitchen timer).
    """
    total = max(minutes, 1) * 60
    left = total - (now - started).total_seconds()
    return Countdown(math.ceil(left) if left > 0 else math.floor(left), total)


def clock_text(seconds: int) -> str:
    """mm:ss of a number of seconds (minutes may pass 59: a 90-minute block shows 90:00)."""
    minutes, rest = divmod(abs(seconds), 60)
    return f"{minutes:02d}:{rest:02d}"


def _hhmm(minutes: int) -> str:
    return f"{clock_time(minutes):%H:%M}"


def _system_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _aware_utc(stored: dt.datetime) -> dt.datetime:
    """A stored time (naive UTC) as an aware one."""
    return stored.replace(tzinfo=dt.UTC)


def _skipped(block: BlockPlan) -> bool:
    return (block.actual_start is not None and block.actual_end is not None
            and block.actual_end <= block.actual_start)


def run_plan(day: DayPlan, today: dt.date) -> DayPlan:
    """The day as live timing sees it: run today while nothing of it is recorded (once it
    is, timing dates it on the day it ran), without the blocks dropped live, which take no
    time."""
    recorded = any(block.actual_start is not None for block in day.blocks)
    return dataclasses.replace(day, date=day.date if recorded else today,
                               blocks=tuple(b for b in day.blocks if not _skipped(b)))


def planned_slots(day: DayPlan) -> dict[uuid.UUID, Slot]:
    """The planned times of a day's blocks, whatever happened live."""
    plan = dataclasses.replace(day, blocks=tuple(
        dataclasses.replace(block, actual_start=None, actual_end=None) for block in day.blocks))
    return {slot.block_id: slot for slot in time_day(plan).slots}


def pick_day(days: Sequence[DayPlan], today: dt.date) -> uuid.UUID | None:
    """The day to run: the one with a block running, else today's, else the first with
    blocks not yet run, else the first."""
    for day in reversed(days):
        if any(b.actual_start is not None and b.actual_end is None for b in day.blocks):
            return day.id
    for day in days:
        if day.date == today:
            return day.id
    for day in days:
        if any(block.actual_start is None for block in day.blocks):
            return day.id
    return days[0].id if days else None


_NOTE = 4  # the rest table's column of notes, and of the fix buttons of squeezed blocks


class _AtMostTwoLines(QStyledItemDelegate):
    """Cells as high as their wrapped text, but at most two lines (the rest elided)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> Any:
        hint = super().sizeHint(option, index)
        lines = 2 * option.fontMetrics.lineSpacing() + 6
        if hint.height() > lines:
            hint.setHeight(lines)
        return hint


class LiveRunView(QWidget):
    """The facilitator's run mode for one workshop (see the module docstring)."""

    # A block linked to a board started (uuid.UUID of the board): the window shows it.
    board_requested = Signal(object)
    # "Back to planning" was chosen.
    finished = Signal()
    # The agenda was (re)read and is on screen (tests wait for it).
    loaded = Signal()
    # The running block's countdown reached zero (uuid.UUID of the block).
    time_up = Signal(object)

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None, *,
                 now: Callable[[], dt.datetime] | None = None,
                 join_url: Callable[[], str | None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaLiveRun")
        self.bridge = bridge
        self._now = now or _system_now
        self._join_url = join_url
        self.workshop_id: uuid.UUID | None = None
        self.agenda: AgendaView | None = None
        self.ballots: dict[uuid.UUID, BallotSummary] = {}
        self.day_id: uuid.UUID | None = None
        self._chosen_day: uuid.UUID | None = None
        self._plan: DayPlan | None = None
        self._planned: dict[uuid.UUID, Slot] = {}
        self.day: DaySchedule | None = None
        self.countdown_state: CountdownState | None = None
        self.projector: AgendaProjector | None = None
        self._loading = False
        self._stale = False
        self._rest_key: tuple[Any, ...] | None = None
        self._last_count: tuple[uuid.UUID, int] | None = None
        self._qr_url: str | None = None
        self._qr: list[list[bool]] = []

        self._build_widgets()
        self._build_actions()
        self._lay_out()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        bridge.changed.connect(self._on_changed)
        self.retranslate()

    # ----------------------------------------------------------------- building

    def _build_widgets(self) -> None:
        self.day_label = QLabel(self)
        self.day_choice = QComboBox(self)
        self.day_choice.setObjectName("liveDay")
        self.day_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_label.setBuddy(self.day_choice)
        self.day_choice.currentIndexChanged.connect(self._on_day_chosen)
        self.sound = QCheckBox(self)
        self.sound.setObjectName("liveSound")

        self.current = QFrame(self)
        self.current.setObjectName("currentPanel")
        self.caption = self._label("liveCaption", 1.1)
        self.current_title = self._label("liveTitle", 2.0, bold=True)
        self.countdown = self._label("liveCountdown", COUNTDOWN_SCALE, bold=True, wrap=False)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The font shrinks to the panel (see _fit_countdown): "+12:30 over" must not take
        # the room of the rest of the day.
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._countdown_points = self.countdown.font().pointSizeF()
        self.countdown_status = self._label("liveCountdownStatus", 1.3, bold=True)
        self.countdown_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = self._label("liveDetails", 1.0)
        panel = QVBoxLayout(self.current)
        panel.setContentsMargins(24, 16, 24, 16)
        panel.addWidget(self.caption)
        panel.addWidget(self.current_title)
        panel.addStretch(1)
        panel.addWidget(self.countdown)
        panel.addWidget(self.countdown_status)
        panel.addStretch(1)
        panel.addWidget(self.details)

        self.next_label = self._label("liveNext", 1.3, bold=True)
        self.day_status = self._label("liveDayStatus", 1.0)
        self.squeeze_note = self._label("liveSqueezeNote", 1.0, bold=True)
        self.squeeze_note.setStyleSheet(
            f"QLabel {{ background: {SQUEEZED_BACKGROUND}; color: {SQUEEZED_TEXT};"
            " padding: 6px; border-radius: 4px; }")
        self.squeeze_note.hide()
        self.rest_label = self._label("liveRestLabel", 1.0, bold=True)
        self.rest = QTableWidget(0, 5, self)
        self.rest.setObjectName("liveRest")
        self.rest.verticalHeader().setVisible(False)
        # Rows follow their wrapped titles whenever the column widths change, but take at
        # most two lines (a longer title ends in "…"; its tooltip has all of it).
        self.rest.setItemDelegate(_AtMostTwoLines(self.rest))
        self.rest.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.rest.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Everything fits the width: the titles take what the short columns leave.
        self.rest.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rest.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.rest.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rest.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rest.setWordWrap(True)
        header = self.rest.horizontalHeader()
        # The titles take the room that is left; the rest is short and stays on one line.
        for column in (0, 1, 3, _NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rest_label.setBuddy(self.rest)

    def _label(self, name: str, scale: float, *, bold: bool = False,
               wrap: bool = True) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # block titles are never markup
        label.setWordWrap(wrap)
        font = QFont(label.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * scale)
        font.setBold(bold)
        label.setFont(font)
        return label

    def _build_actions(self) -> None:
        self.start_action = self._action("liveStart", self.start, ("Ctrl+Return", "Ctrl+Enter"))
        self.extend_action = self._action("liveExtend", self.extend, ("+", "Ctrl++"))
        self.next_action = self._action("liveNext", self.next_block, ("Ctrl+Right", "PgDown"))
        self.skip_action = self._action("liveSkip", self.skip, ("Ctrl+Shift+Right",))
        self.projector_action = self._action("liveProjector", self.show_projector,
                                             ("F5", "Ctrl+P"))
        self.back_action = self._action("liveBack", self.back_to_planning, ("Esc",))
        self.reset_action = self._action("liveReset", self.reset_times, ())
        self.buttons: dict[str, QToolButton] = {}
        for action in (self.start_action, self.extend_action, self.next_action,
                       self.skip_action, self.projector_action, self.back_action,
                       self.reset_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setObjectName(action.objectName() + "Button")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(44)
            font = QFont(button.font())
            font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.2)
            font.setBold(action in (self.start_action, self.next_action))
            button.setFont(font)
            self.buttons[action.objectName()] = button

    def _action(self, name: str, slot: Callable[[], object],
                shortcuts: Sequence[str]) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day_choice)
        top.addStretch(1)
        top.addWidget(self.sound)
        top.addWidget(self.buttons["liveProjector"], 0)
        top.addWidget(self.buttons["liveBack"], 0)
        reset_font = QFont(self.buttons["liveReset"].font())
        reset_font.setPointSizeF(self.font().pointSizeF())  # rarely needed: not large
        self.buttons["liveReset"].setFont(reset_font)
        self.buttons["liveReset"].setMinimumHeight(0)
        for name in ("liveReset", "liveProjector", "liveBack"):
            self.buttons[name].setSizePolicy(QSizePolicy.Policy.Preferred,
                                             QSizePolicy.Policy.Fixed)
        side = QVBoxLayout()
        side.addWidget(self.next_label)
        side.addWidget(self.day_status)
        side.addWidget(self.squeeze_note)
        side.addSpacing(6)
        side.addWidget(self.rest_label)
        side.addWidget(self.rest, 1)
        # Rarely needed (after a rehearsal), so small and out of the way of the run keys.
        reset_row = QHBoxLayout()
        reset_row.addStretch(1)
        reset_row.addWidget(self.buttons["liveReset"])
        side.addLayout(reset_row)
        middle = QHBoxLayout()
        # The rest of the day needs the room for its titles and fix buttons; the countdown
        # shrinks its font to what it gets (see _fit_countdown).
        middle.addWidget(self.current, 2)
        middle.addLayout(side, 3)
        controls = QHBoxLayout()
        for name in ("liveStart", "liveExtend", "liveNext", "liveSkip"):
            controls.addWidget(self.buttons[name])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(controls)

    # ----------------------------------------------------------------- loading

    def show_workshop(self, workshop_id: uuid.UUID | None) -> None:
        """Run ``workshop_id``'s agenda (None: show nothing)."""
        if workshop_id != self.workshop_id:
            self.agenda = None
            self.ballots = {}
            self._chosen_day = None
            self.day_id = None
            self._plan = None
        self.workshop_id = workshop_id
        self.reload()

    def set_join_url_source(self, join_url: Callable[[], str | None] | None) -> None:
        """Where the phones' join address comes from (None while no session runs)."""
        self._join_url = join_url

    def reload(self) -> None:
        """Read the agenda and the ballots again (one read at a time)."""
        if self._loading:
            self._stale = True
            return
        workshop_id = self.workshop_id
        if workshop_id is None:
            self._show_agenda(None, ())
            return
        self._loading = True
        self._stale = False

        def read(session: Session) -> tuple[AgendaView | None, tuple[BallotSummary, ...]]:
            return load_agenda(session, workshop_id), list_ballots(session, workshop_id)

        self.bridge.load(read, lambda found: self._loaded(workshop_id, *found))

    def _loaded(self, workshop_id: uuid.UUID, agenda: AgendaView | None,
                ballots: tuple[BallotSummary, ...]) -> None:
        self._loading = False
        if workshop_id == self.workshop_id:
            self._show_agenda(agenda, ballots)
            self.loaded.emit()
        if self._stale:
            self.reload()

    def _on_changed(self, changes: ChangeSet) -> None:
        if self.workshop_id is not None and (not changes or changes.touches(*LIVE_KINDS)):
            self.reload()

    def _show_agenda(self, agenda: AgendaView | None,
                     ballots: Sequence[BallotSummary]) -> None:
        self.agenda = agenda
        self.ballots = {summary.ballot.id: summary for summary in ballots}
        plans = to_day_plans(agenda.days) if agenda is not None else ()
        today = self._local_now().date()
        ids = [plan.id for plan in plans]
        self.day_id = (self._chosen_day if self._chosen_day in ids
                       else pick_day(plans, today))
        self._fill_days()
        plan = next((p for p in plans if p.id == self.day_id), None)
        self._plan = run_plan(plan, today) if plan is not None else None
        self._planned = planned_slots(plan) if plan is not None else {}
        self._rest_key = None
        self.tick()

    def _fill_days(self) -> None:
        self.day_choice.blockSignals(True)
        self.day_choice.clear()
        agenda = self.agenda
        for number, day in enumerate(agenda.days if agenda is not None else (), start=1):
            if day.day is None:
                text = self.tr("Day {number}").format(number=number)
            else:
                date = QLocale().toString(QDate(day.day.year, day.day.month, day.day.day),
                                          "dddd, dd.MM.yyyy")
                text = self.tr("Day {number}: {date}").format(number=number, date=date)
            self.day_choice.addItem(text, str(day.id))
            if day.id == self.day_id:
                self.day_choice.setCurrentIndex(number - 1)
        self.day_choice.setEnabled(self.day_choice.count() > 1)
        self.day_choice.blockSignals(False)

    def _on_day_chosen(self, index: int) -> None:
        if index < 0:
            return
        self._chosen_day = uuid.UUID(self.day_choice.itemData(index))
        if self.agenda is not None:
            self._show_agenda(self.agenda, tuple(self.ballots.values()))

    # ----------------------------------------------------------------- the clock

    def _local_now(self) -> dt.datetime:
        """The injected clock's time, aware (a naive one is taken as local time)."""
        now = self._now()
        return now if now.tzinfo is not None else now.astimezone()

    def tick(self) -> None:
        """Re-time the day from the clock and redraw; no database read."""
        now = self._local_now()
        self.day = time_day(self._plan, now) if self._plan is not None else None
        running = self.day.running if self.day is not None else None
        upcoming = self.day.upcoming if self.day is not None else ()
        self._show_current(running, upcoming, now)
        self._fit_countdown()
        self._show_next(running, upcoming)
        self._show_day_status(running, upcoming)
        self._show_rest(upcoming)
        self._update_actions(running, upcoming)
        self._update_projector(now)

    def block(self, block_id: uuid.UUID) -> BlockView | None:
        return self.agenda.block(block_id) if self.agenda is not None else None

    def _show_current(self, running: Slot | None, upcoming: Sequence[Slot],
                      now: dt.datetime) -> None:
        block = self.block(running.block_id) if running is not None else None
        if running is not None and block is not None and block.actual_start is not None:
            # Counts down to the expected end: the plan and the time added live ("+5 min").
            count = countdown(_aware_utc(block.actual_start),
                              block.duration_min + block.extra_min, now)
            state = count.state
            self.caption.setText(self.tr("Now"))
            self.current_title.setText(block.title)
            if state is CountdownState.OVER:
                self.countdown.setText(self.tr("+{time} over").format(
                    time=clock_text(count.remaining)))
                self.countdown.setAccessibleName(self.tr("{minutes} min over").format(
                    minutes=-count.remaining // 60))
            else:
                self.countdown.setText(clock_text(count.remaining))
                self.countdown.setAccessibleName(self.tr("{time} left").format(
                    time=clock_text(count.remaining)))
            self.countdown_status.setText(self._state_text(state))
            self.details.setText(self._details(block, running, now))
            self._set_state(state)
            self._check_time_up(block.id, count.remaining)
            return
        self._last_count = None
        self._set_state(CountdownState.NORMAL if upcoming else None)
        if upcoming:
            first = self.block(upcoming[0].block_id)
            self.caption.setText(self.tr("Up next: press Start"))
            self.current_title.setText(first.title if first else "")
            self.countdown.setText(clock_text(max(first.duration_min, 0) * 60) if first else "")
            self.countdown.setAccessibleName(self.countdown.text())
            self.countdown_status.setText(self.tr("Not started yet"))
            self.details.setText(self._details(first, upcoming[0], now) if first else "")
        else:
            done = self.day is not None and bool(self.day.slots)
            self.caption.setText(self.tr("The day is done.") if done
                                 else self.tr("No blocks planned for this day."))
            self.current_title.setText("")
            self.countdown.setText("")
            self.countdown.setAccessibleName("")
            self.countdown_status.setText("")
            self.details.setText("")

    def _fit_countdown(self) -> None:
        """The countdown as large as it was made, or smaller until it fits its panel."""
        font = QFont(self.countdown.font())
        font.setPointSizeF(self._countdown_points)
        width = QFontMetricsF(font).horizontalAdvance(self.countdown.text())
        room = self.current.width() - 56
        if width > room > 0:
            font.setPointSizeF(max(12.0, self._countdown_points * room / width))
        if font.pointSizeF() != self.countdown.font().pointSizeF():
            self.countdown.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_countdown()

    def _state_text(self, state: CountdownState) -> str:
        return {
            CountdownState.NORMAL: self.tr("Time left"),
            CountdownState.LOW: self.tr("Less than a fifth of the time left"),
            CountdownState.CRITICAL: self.tr("Almost over: time to wrap up"),
            CountdownState.OVER: self.tr("Time is up"),
        }[state]

    def _set_state(self, state: CountdownState | None) -> None:
        if state is self.countdown_state:
            return
        self.countdown_state = state
        background, text = PALETTE[state or CountdownState.NORMAL]
        if state is None:
            background, text = "transparent", "palette(window-text)"
        self.current.setStyleSheet(
            f"#currentPanel {{ background: {background}; border-radius: 12px; }}"
            f" #currentPanel QLabel {{ color: {text}; }}")

    def _check_time_up(self, block_id: uuid.UUID, remaining: int) -> None:
        """Chime once when the countdown passes zero while the view watches it (not when
        it opens on a block that is over already)."""
        previous = self._last_count
        self._last_count = (block_id, remaining)
        if previous is not None and previous[0] == block_id and previous[1] > 0 >= remaining:
            if self.sound.isChecked():
                QApplication.beep()
            self.time_up.emit(block_id)

    def _details(self, block: BlockView, slot: Slot, now: dt.datetime) -> str:
        planned = self._planned.get(block.id, slot)
        parts = [self.tr("Planned {start}–{end}").format(
            start=_hhmm(planned.planned_start), end=_hhmm(planned.planned_end))]
        if block.actual_start is not None:
            started = _aware_utc(block.actual_start).astimezone(now.tzinfo)
            parts.append(self.tr("started {time}").format(time=f"{started:%H:%M}"))
        if block.room:
            parts.append(block.room)
        if block.tracks:
            parts.append(self.tr("{count} working groups").format(count=len(block.tracks)))
        lines = [" · ".join(parts)]
        summary = self.ballots.get(block.ballot_id) if block.ballot_id else None
        if summary is not None:
            status = render(STATUS_NAMES.get(summary.ballot.status, STATUS_NAMES["draft"]))
            lines.append(self.tr("Ballot “{title}”: {status}").format(
                title=summary.ballot.title, status=status))
        return "\n".join(lines)

    def _show_next(self, running: Slot | None, upcoming: Sequence[Slot]) -> None:
        following = upcoming[0] if running is not None else (
            upcoming[1] if len(upcoming) > 1 else None)
        if following is None:
            self.next_label.setText(self.tr("Next: nothing more today") if running else "")
        else:
            self.next_label.setText(self._next_text(following))

    def _show_day_status(self, running: Slot | None, upcoming: Sequence[Slot]) -> None:
        reference = upcoming[0] if upcoming else running
        day = self.day
        if reference is None or day is None or not self._planned:
            self.day_status.setText("")
        else:
            planned = self._planned.get(reference.block_id, reference)
            shift = reference.start - planned.planned_start
            if shift > 0:
                lead = self.tr("{minutes} min behind plan").format(minutes=shift)
            elif shift < 0:
                lead = self.tr("{minutes} min ahead of plan").format(minutes=-shift)
            else:
                lead = self.tr("On plan")
            planned_end = max(slot.planned_end for slot in self._planned.values())
            self.day_status.setText(self.tr("{lead} · the day ends at {end} (planned {planned})")
                                    .format(lead=lead, end=_hhmm(day.ends_at),
                                            planned=_hhmm(planned_end)))
        self._hint_old_run(running)
        squeezed = bool(day is not None and day.squeezed)
        self.squeeze_note.setVisible(squeezed)
        if squeezed:
            self.squeeze_note.setText(self.tr(
                "Not everything fits before the next fixed start time: shorten or drop the "
                "highlighted blocks."))

    def _hint_old_run(self, running: Slot | None) -> None:
        """Say so when the times shown were recorded on another day (a rehearsal): the
        day looks done, or half done, until they are reset."""
        day = self.day
        run = day.run_date if day is not None else None
        today = self._local_now().date()
        # A block still running from yesterday evening: a day run past midnight.
        if day is None or run is None or run == today or \
                (running is not None and run == today - dt.timedelta(days=1)):
            return
        date = QLocale().toString(QDate(run.year, run.month, run.day), "dd.MM.yyyy")
        hint = self.tr("The recorded times are from {date}. “Reset times” clears them for a "
                       "new run.").format(date=date)
        text = self.day_status.text()
        self.day_status.setText(f"{text}\n{hint}" if text else hint)

    def _squeezed(self) -> dict[uuid.UUID, TimingWarning]:
        return {w.block_id: w for w in self.day.squeezed} if self.day is not None else {}

    def _show_rest(self, upcoming: Sequence[Slot]) -> None:
        """The blocks still to come with their new start; rebuilt only when it changed."""
        squeezed = self._squeezed()
        rows = [(slot, block) for slot in upcoming
                if (block := self.block(slot.block_id)) is not None]
        key = tuple((slot.block_id, slot.start, block.duration_min, block.title,
                     squeezed[slot.block_id].minutes if slot.block_id in squeezed else 0)
                    for slot, block in rows)
        if key == self._rest_key:
            return
        self._rest_key = key
        self.rest.setRowCount(0)
        self.rest.setRowCount(len(rows))
        for row, (slot, block) in enumerate(rows):
            self._fill_row(row, slot, block, squeezed.get(slot.block_id))

    def _fill_row(self, row: int, slot: Slot, block: BlockView,
                  squeeze: TimingWarning | None) -> None:
        planned = self._planned.get(block.id, slot)
        shift = slot.start - planned.planned_start
        tip = ""
        if squeeze is not None:
            other = self.block(squeeze.other_id) if squeeze.other_id else None
            note = self.tr("{minutes} min too long").format(minutes=squeeze.minutes)
            tip = self.tr("Runs {minutes} min into “{other}”, which has a fixed start time."
                          ).format(minutes=squeeze.minutes, other=other.title if other else "")
        elif slot.pinned:
            note = self.tr("Fixed start")
        elif shift > 0:
            note = self.tr("{minutes} min later").format(minutes=shift)
        elif shift < 0:
            note = self.tr("{minutes} min earlier").format(minutes=-shift)
        else:
            note = ""
        texts = (_hhmm(slot.start), _hhmm(planned.planned_start), block.title,
                 self.tr("{minutes} min").format(minutes=block.duration_min), note)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(tip or text)
            if column == 0 and shift:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if squeeze is not None:
                item.setBackground(QBrush(QColor(SQUEEZED_BACKGROUND)))
                item.setForeground(QBrush(QColor(SQUEEZED_TEXT)))
            self.rest.setItem(row, column, item)
        if squeeze is not None:
            # The buttons take the note's place (its words are in their tooltips): the
            # table stays narrow enough for the titles at 1366 pixels.
            self.rest.setCellWidget(row, _NOTE, self._fix_buttons(block, squeeze, note, tip))

    def _fix_buttons(self, block: BlockView, squeeze: TimingWarning, note: str,
                     tip: str) -> QWidget:
        holder = QWidget(self.rest)
        holder.setObjectName("fixButtons")
        holder.setAutoFillBackground(True)
        holder.setStyleSheet(f"#fixButtons {{ background: {SQUEEZED_BACKGROUND}; }}")
        holder.setToolTip(f"{note}: {tip}")
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(2, 1, 2, 1)
        layout.setSpacing(3)
        shorter = block.duration_min - squeeze.minutes
        if shorter >= 1:
            shorten = QToolButton(holder)
            shorten.setObjectName("shorten")
            shorten.setText(self.tr("→ {minutes} min").format(minutes=shorter))
            shorten.setAccessibleName(self.tr("Shorten “{title}” to {minutes} min").format(
                title=block.title, minutes=shorter))
            shorten.setToolTip(self.tr("Shorten to {minutes} min").format(minutes=shorter)
                               + f" ({note})")
            shorten.clicked.connect(lambda: self.shorten(block.id, shorter))
            layout.addWidget(shorten)
        drop = QToolButton(holder)
        drop.setObjectName("drop")
        drop.setText(self.tr("Drop"))
        drop.setAccessibleName(self.tr("Drop “{title}”").format(title=block.title))
        drop.setToolTip(self.tr("Leave the block out ({note})").format(note=note))
        drop.clicked.connect(lambda: self.drop(block.id))
        layout.addWidget(drop)
        return holder

    def _update_actions(self, running: Slot | None, upcoming: Sequence[Slot]) -> None:
        self.start_action.setEnabled(running is None and bool(upcoming))
        self.extend_action.setEnabled(running is not None)
        self.next_action.setEnabled(running is not None)
        self.next_action.setText(self.tr("&Next") if upcoming or running is None
                                 else self.tr("&End block"))
        self.skip_action.setEnabled(bool(upcoming))
        self.reset_action.setEnabled(bool(self.recorded_blocks()))

    # ----------------------------------------------------------------- commands

    def _at(self) -> dt.datetime:
        return self._local_now()

    def _run(self, operation: Operation) -> bool:
        return self.bridge.run(operation)

    def _opening(self, block: BlockView) -> list[Operation]:
        """Open the block's ballot if it can be, as part of starting the block; a ballot
        that cannot open (no options yet) does not stop the block: it is said why."""
        summary = self.ballots.get(block.ballot_id) if block.ballot_id else None
        if summary is None:
            return []
        ballot = summary.ballot
        if ballot.status == BallotStatus.OPEN:
            return []
        ready = (ballot.board_id is not None if ballot.kind == BallotKind.OPEN_TEXT
                 else summary.options > 0)
        if not ready:
            self.bridge.failed.emit(self.tr(
                "The block starts, but its ballot “{title}” cannot open yet: it has no "
                "options. Open it on the Voting page when it is ready.").format(
                    title=ballot.title))
            return []
        return [voting.open_ballot(ballot.id)]

    def _closing(self, block: BlockView, keep: uuid.UUID | None = None) -> list[Operation]:
        summary = self.ballots.get(block.ballot_id) if block.ballot_id else None
        if summary is None or summary.ballot.status != BallotStatus.OPEN or \
                summary.ballot.id == keep:
            return []
        return [voting.close_ballot(summary.ballot.id)]

    def start(self) -> None:
        """Start the next block of the day (the first, before anything ran)."""
        day = self.day
        if day is None or day.running is not None or not day.upcoming:
            return
        block = self.block(day.upcoming[0].block_id)
        if block is None:
            return
        step = agenda_ops.start_block(block.id, self._at())
        extra = self._opening(block)
        if self._run(Batch((step, *extra), step.label) if extra else step):
            self._show_board(block)

    def extend(self) -> None:
        """Five more minutes for the running block."""
        running = self.day.running if self.day is not None else None
        if running is not None:
            self._run(agenda_ops.extend_block(running.block_id, EXTEND_MINUTES))

    def next_block(self) -> None:
        """End the running block and start the next one at the same moment (or only end
        it when it is the day's last)."""
        day = self.day
        running = day.running if day is not None else None
        current = self.block(running.block_id) if running is not None else None
        if day is None or current is None:
            return
        at = self._at()
        following = self.block(day.upcoming[0].block_id) if day.upcoming else None
        if following is None:
            step = agenda_ops.end_block(current.id, at)
            closing = self._closing(current)
            self._run(Batch((step, *closing), step.label) if closing else step)
            return
        both = agenda_ops.next_block(current.id, following.id, at)
        extra = [*self._closing(current, keep=following.ballot_id), *self._opening(following)]
        if self._run(Batch((*both.operations, *extra), both.label)):
            self._show_board(following)

    def skip(self) -> None:
        """Leave out the block that would start next."""
        day = self.day
        if day is not None and day.upcoming:
            self.drop(day.upcoming[0].block_id)

    def drop(self, block_id: uuid.UUID) -> None:
        """Leave a block out: recorded as skipped, so the report shows it did not run."""
        self._run(agenda_ops.skip_block(block_id, self._at()))

    def recorded_blocks(self) -> tuple[BlockView, ...]:
        """The blocks of the day being run with a recorded start, end or extra time."""
        day = next((d for d in self.agenda.days if d.id == self.day_id), None) \
            if self.agenda is not None else None
        return tuple(block for block in (day.blocks if day is not None else ())
                     if block.actual_start is not None or block.actual_end is not None
                     or block.extra_min)

    def reset_times(self, *, confirm: bool = True) -> bool:
        """Forget every time recorded for the day being run (after a rehearsal): one undo
        step. Asks first unless ``confirm`` is False."""
        blocks = self.recorded_blocks()
        if not blocks:
            return False
        if confirm and not self._confirm_reset(len(blocks)):
            return False
        steps = tuple(agenda_ops.reset_times(block.id) for block in blocks)
        return self._run(Batch(steps, steps[0].label))

    def _confirm_reset(self, count: int) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reset recorded times"),
                          self.tr("Forget the start and end times recorded for {count} "
                                  "blocks of this day? The plan stays as it is; Undo "
                                  "brings the times back.").format(count=count),
                          QMessageBox.StandardButton.NoButton, self)
        reset = box.addButton(self.tr("Reset times"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is reset

    def back_to_planning(self) -> None:
        """Leave run mode: the projector closes (the room no longer follows the run)."""
        self.close_projector()
        self.finished.emit()

    def shorten(self, block_id: uuid.UUID, minutes: int) -> None:
        """Set a block's length so it ends at the fixed start after it."""
        self._run(agenda_ops.update_block(block_id, duration_min=minutes))

    def _show_board(self, block: BlockView) -> None:
        if block.board_id is not None:
            self.board_requested.emit(block.board_id)

    # ----------------------------------------------------------------- projector

    def show_projector(self) -> AgendaProjector:
        """The agenda on the projector (a second screen when there is one)."""
        if self.projector is None:
            self.projector = AgendaProjector()
            self.projector.closed.connect(self._projector_closed)
        self._update_projector(self._local_now())
        if not self.projector.isVisible():
            self.projector.show_on_best_screen(self)
        self._timer.start()
        return self.projector

    def close_projector(self) -> None:
        if self.projector is not None:
            self.projector.close()

    def _projector_closed(self) -> None:
        if self.projector is not None:
            self.projector.deleteLater()
            self.projector = None
        if not self.isVisible():
            self._timer.stop()

    def _update_projector(self, now: dt.datetime) -> None:
        if self.projector is not None:
            self.projector.show_state(self.projector_state(now))

    def projector_state(self, now: dt.datetime) -> ProjectorState:
        """What the room sees: like the live view, but facilitator-only blocks stay off the
        wall (while one runs, the wall says what comes next and when)."""
        day = self.day
        running = day.running if day is not None else None
        current = self.block(running.block_id) if running is not None else None
        public = [slot for slot in (day.upcoming if day is not None else ())
                  if (block := self.block(slot.block_id)) is not None
                  and not block.facilitator_only]
        qr = self._join_qr(now)
        qr_caption = self.tr("Vote with your phone: scan the code") if qr else ""
        if current is not None and not current.facilitator_only:
            background, text = PALETTE[self.countdown_state or CountdownState.NORMAL]
            return ProjectorState(
                caption=self.tr("Now"), title=current.title, countdown=self.countdown.text(),
                status=self.countdown_status.text(), background=background, foreground=text,
                next_text=self._next_text(public[0] if public else None), qr=qr,
                qr_caption=qr_caption)
        first = self.block(public[0].block_id) if public else None
        background, text = PALETTE[CountdownState.NORMAL]
        if first is None:
            return ProjectorState(background=background, foreground=text, qr=qr,
                                  qr_caption=qr_caption)
        left = self._seconds_until(public[0], now)
        if left > 0:
            clock = clock_text(left)
            status = self.tr("until it starts at {time}").format(time=_hhmm(public[0].start))
        else:
            clock, status = "", self.tr("Starts in a moment")
        return ProjectorState(
            caption=self.tr("Up next"), title=first.title, countdown=clock, status=status,
            background=background, foreground=text,
            next_text=self._next_text(public[1] if len(public) > 1 else None), qr=qr,
            qr_caption=qr_caption)

    def _seconds_until(self, slot: Slot, now: dt.datetime) -> int:
        """Seconds from ``now`` until ``slot`` starts on the day being run."""
        start = self.day.live_at(slot.start) if self.day is not None else None
        if start is None:
            return 0
        return math.ceil((start.astimezone() - now).total_seconds())

    def _next_text(self, slot: Slot | None) -> str:
        block = self.block(slot.block_id) if slot is not None else None
        if slot is None or block is None:
            return ""
        return self.tr("Next: {title}\nat {time} · {minutes} min").format(
            title=block.title, time=_hhmm(slot.start), minutes=block.duration_min)

    def _join_qr(self, now: dt.datetime) -> list[list[bool]]:
        """The join code while a ballot takes votes and phones can join; made once per
        address, in the background."""
        url = self._join_url() if self._join_url is not None else None
        utc = now.astimezone(dt.UTC).replace(tzinfo=None)
        if not url or not any(s.ballot.accepts_votes(utc) for s in self.ballots.values()):
            return []
        if url != self._qr_url:
            from myk10_workshop.voting import qr

            self._qr_url, self._qr = url, []

            def made(matrix: list[list[bool]]) -> None:
                if self._qr_url == url:
                    self._qr = matrix
                    self._update_projector(self._local_now())

            self.bridge.compute(lambda: qr.matrix(url), made)
        return self._qr

    # ----------------------------------------------------------------- events

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.tick()
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # The projector may go on showing the countdown while the window shows a board.
        if self.projector is None:
            self._timer.stop()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("&Day:"))
        self.sound.setText(self.tr("So&ft sound at the end"))
        self.sound.setToolTip(self.tr("A short sound when a block's time is up"))
        texts = (
            (self.start_action, self.tr("&Start"), self.tr("Start the next block (Ctrl+Enter)")),
            (self.extend_action, self.tr("+5 &min"),
             self.tr("Five more minutes for the running block (+)")),
            (self.next_action, self.tr("&Next"),
             self.tr("End the running block and start the next (Ctrl+Right)")),
            (self.skip_action, self.tr("S&kip"),
             self.tr("Leave out the block that would come next (Ctrl+Shift+Right)")),
            (self.projector_action, self.tr("On the &projector"),
             self.tr("Show the countdown on the projector (F5)")),
            (self.back_action, self.tr("&Back to planning"),
             self.tr("Leave run mode; what was recorded stays (Esc)")),
            (self.reset_action, self.tr("Reset &times"),
             self.tr("Forget the times recorded for this day, e.g. after a rehearsal")),
        )
        for action, text, tip in texts:
            action.setText(text)
            action.setToolTip(tip)
        self.rest_label.setText(self.tr("&Rest of the day"))
        self.rest.setHorizontalHeaderLabels([
            self.tr("Start"), self.tr("Planned"), self.tr("Block"), self.tr("Duration"),
            self.tr("Note")])
        self.rest.setAccessibleName(self.tr("Rest of the day"))
        self.day_choice.setAccessibleName(self.tr("Day to run"))
        self.countdown_state = None  # redraw the colours too
        self._rest_key = None
        if self.agenda is not None:
            self._fill_days()
        self.tick()
