"""The timeline's scene: a time scale, swimlanes, and the items laid out on them.

Scene x is time: ``(day - EPOCH) * scale`` pixels, where ``scale`` is pixels per day. Zooming
changes ``scale`` and lays the items out again instead of scaling the view, so that text
keeps its size at every zoom (a facilitator reads titles at "years" as well as at "weeks"),
and milestone labels can be packed into rows at the zoom they are seen at, where none
overlaps another. The view's transform stays the identity (a projector view scales it).

The scene never writes. Drags are previewed here (:meth:`TimelineScene.preview_shift`,
:meth:`TimelineScene.preview_span`) and reported by the view; the page turns them into
operations, and the next snapshot puts every item where the store says it is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QDate, QLineF, QLocale, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.timeline.queries import (
    MeasureView,
    MilestoneView,
    PhaseView,
    Timeline,
)
from myk10_workshop.timeline.rules import (
    ItemKind,
    ItemRef,
    TimelineWarning,
    WarningKind,
    phase_containing,
)
from myk10_workshop.ui.bridge import render
from myk10_workshop.ui.timeline.items import (
    BAR_H,
    DIAMOND_R,
    LABEL_GAP,
    PHASE_H,
    BarItem,
    BaselineItem,
    DependencyItem,
    Look,
    MilestoneItem,
    TimelineItem,
    TodayLineItem,
)

# Day 0 of the scene's x axis: the first day a timeline can show (rules.EARLIEST), so an
# item keeps its x whatever else changes in the plan.
EPOCH = dt.date(2000, 1, 1)
# Pixels per day: from about fourteen years on a laptop screen to a week filling it.
MIN_SCALE = 0.08
MAX_SCALE = 90.0
DEFAULT_SCALE = 1.0
# Room on either side of the plan, in days, so it can be panned a little past its ends.
SIDE_DAYS = 60
# The band of phase bars above the lanes.
PHASE_BAND = 38.0
LANE_PAD = 7.0
MILESTONE_ROW = 24.0
BAR_ROW = 28.0
LANE_MIN = 40.0
# Space between a milestone's label and the next diamond in the same row.
PACK_GAP = 14.0
# Milestones crowded onto more rows than this share the last rows without their labels
# (their titles are in their tooltips and the table): a lane must stay a lane.
MAX_MILESTONE_ROWS = 12
# Longest label on screen; the export allows more (see export.py).
LABEL_LIMIT = 440.0
# How far past the plan's first and last day a label may reach before it changes sides.
LABEL_ROOM = 12.0
# Labels in pixels: readable from the back of a room when the laptop mirrors the projector.
LABEL_PIXEL_SIZE = 14

ItemT = TypeVar("ItemT", bound=TimelineItem)
RowT = TypeVar("RowT", PhaseView, MilestoneView, MeasureView)

GROUP_PHASE = "phase"
GROUP_FIELD = "field"

_NO_PHASE = QT_TRANSLATE_NOOP("TimelineScene", "No phase")
_NO_FIELD = QT_TRANSLATE_NOOP("TimelineScene", "No field of action")
_GENERAL = QT_TRANSLATE_NOOP("TimelineScene", "Milestones")

MILESTONE_STATUS: dict[str, Message] = {
    "planned": QT_TRANSLATE_NOOP("TimelineStatus", "Planned"),
    "done": QT_TRANSLATE_NOOP("TimelineStatus", "Done"),
    "late": QT_TRANSLATE_NOOP("TimelineStatus", "Late"),
}
MEASURE_STATUS: dict[str, Message] = {
    "proposed": QT_TRANSLATE_NOOP("TimelineStatus", "Proposed"),
    "planned": QT_TRANSLATE_NOOP("TimelineStatus", "Planned"),
    "in_progress": QT_TRANSLATE_NOOP("TimelineStatus", "In progress"),
    "done": QT_TRANSLATE_NOOP("TimelineStatus", "Done"),
    "dropped": QT_TRANSLATE_NOOP("TimelineStatus", "Dropped"),
}
KIND_NAMES: dict[str, Message] = {
    "phase": QT_TRANSLATE_NOOP("TimelineStatus", "Phase"),
    "milestone": QT_TRANSLATE_NOOP("TimelineStatus", "Milestone"),
    "measure": QT_TRANSLATE_NOOP("TimelineStatus", "Measure"),
}


def status_label(kind: str, status: str) -> str:
    """A status in the user's language (the stored value if it is unknown)."""
    names = MILESTONE_STATUS if kind == "milestone" else MEASURE_STATUS
    message = names.get(status)
    return render(message) if message is not None else status


def format_date(day: dt.date | None) -> str:
    """A date as people in the UI's language write it, with a four-digit year."""
    if day is None:
        return "–"
    locale = QLocale()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


# --------------------------------------------------------------------------- time units


@dataclass(frozen=True)
class Unit:
    """A step of the time axis (day, week, month, quarter, year; ``step`` of them)."""

    name: str
    # The shortest length of one unit in days (a month: 28), to know whether labels fit.
    min_days: int
    step: int = 1


DAY = Unit("day", 1)
WEEK = Unit("week", 7)
MONTH = Unit("month", 28)
QUARTER = Unit("quarter", 90)
YEAR = Unit("year", 365)


def unit_start(unit: Unit, day: dt.date) -> dt.date:
    """The start of the unit that contains ``day``."""
    if unit.name == "day":
        return day
    if unit.name == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit.name == "month":
        return day.replace(day=1)
    if unit.name == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    year = day.year - (day.year % unit.step if unit.step > 1 else 0)
    return dt.date(max(1, year), 1, 1)


def next_start(unit: Unit, day: dt.date) -> dt.date:
    """The start of the unit after the one starting on ``day``."""
    if unit.name == "day":
        return day + dt.timedelta(days=1)
    if unit.name == "week":
        return day + dt.timedelta(days=7)
    if unit.name in ("month", "quarter"):
        months = 1 if unit.name == "month" else 3
        index = day.year * 12 + day.month - 1 + months
        return dt.date(index // 12, index % 12 + 1, 1)
    return dt.date(day.year + unit.step, 1, 1)


def unit_starts(unit: Unit, first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """The starts of the units that overlap ``first`` .. ``last`` (the first may be before)."""
    day = unit_start(unit, first)
    while day <= last:
        yield day
        day = next_start(unit, day)


@dataclass(frozen=True)
class AxisLevel:
    """What the axis shows at a zoom: labelled minor units under labelled major units."""

    minor: Unit
    major: Unit | None
    # Month names written out ("März") or short ("Mär.").
    long_months: bool = False


def axis_level(scale: float, widths: dict[str, float]) -> AxisLevel:
    """The finest level whose labels fit at ``scale`` pixels per day.

    ``widths``: the widest label of each kind in the font of the axis ("day", "week",
    "month", "month_long", "quarter", "year"), so German month names, which are longer,
    switch a little later than English ones.
    """
    room = 10.0

    def fits(days: float, kind: str) -> bool:
        return scale * days >= widths[kind] + room

    if fits(1, "day"):
        return AxisLevel(DAY, MONTH, long_months=True)
    if fits(7, "week"):
        return AxisLevel(WEEK, MONTH, long_months=True)
    if fits(28, "month"):
        return AxisLevel(MONTH, YEAR, long_months=fits(28, "month_long"))
    if fits(90, "quarter"):
        return AxisLevel(QUARTER, YEAR)
    step = 1
    while not fits(365 * step, "year") and step < 50:
        step = {1: 2, 2: 5, 5: 10, 10: 20, 20: 50}[step]
    return AxisLevel(Unit("year", 365, step), None)


# --------------------------------------------------------------------------- lanes


@dataclass
class Lane:
    """One swimlane: a phase, a field of action, or a catch-all."""

    key: str
    title: str
    colour: str | None
    milestones: list[MilestoneItem] = field(default_factory=list)
    bars: list[BarItem] = field(default_factory=list)
    top: float = 0.0
    height: float = LANE_MIN
    rows: int = 0

    @property
    def bottom(self) -> float:
        return self.top + self.height


class TimelineScene(QGraphicsScene):
    """Phases, milestones, measures and dependencies of one project, on swimlanes."""

    # Geometry changed (zoom, data, lanes): the axis and the lane column repaint.
    layout_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        # A BSP tree finds the few items in a panned strip without asking every item
        # for its bounds (a Python call each); measured faster than no index for pans and
        # opening, and zoom steps stay well inside their budget.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.scale = DEFAULT_SCALE
        self.group_by = GROUP_PHASE
        self.label_limit = LABEL_LIMIT
        self.look = Look(_label_font())
        self.timeline: Timeline | None = None
        self.today = dt.date.today()
        self.show_baseline = True
        self.phases: dict[uuid.UUID, BarItem] = {}
        self.milestones: dict[uuid.UUID, MilestoneItem] = {}
        self.measures: dict[uuid.UUID, BarItem] = {}
        self.dependencies: dict[uuid.UUID, DependencyItem] = {}
        self.lanes: list[Lane] = []
        self.undated: list[MeasureView] = []
        self.warnings: tuple[TimelineWarning, ...] = ()
        # Dependencies touching each item, to re-route only those while dragging.
        self._links: dict[ItemRef, list[DependencyItem]] = {}
        self._lanes_stale = True
        self._span: tuple[dt.date, dt.date] = (self.today, self.today)
        # Bars by their top (for stick_labels), and those whose label is pushed now.
        self._bars_by_top: list[BarItem] = []
        self._bar_tops: list[float] = []
        self._stuck: set[BarItem] = set()
        self.baseline_item = BaselineItem(self.look)
        self.addItem(self.baseline_item)
        self.today_item = TodayLineItem(self.look)
        self.addItem(self.today_item)
        self._grid_minor = QPen(QColor("#e6e6e6"), 0)
        self._grid_major = QPen(QColor("#c8c8c8"), 0)
        self._lane_line = QPen(QColor("#b0bec5"), 0)
        self._stripe = QColor("#f5f7f8")
        self._band = QColor("#eceff1")
        self._widths: dict[str, float] = {}
        self._measure_axis_labels()

    # ----------------------------------------------------------------- coordinates

    def x_of(self, day: dt.date) -> float:
        return (day - EPOCH).days * self.scale

    def day_at(self, x: float) -> dt.date:
        """The day whose column contains scene x."""
        return _add_days(EPOCH, math.floor(x / self.scale))

    def boundary_at(self, x: float) -> dt.date:
        """The day whose start is nearest to scene x (for snapping bar edges)."""
        return _add_days(EPOCH, round(x / self.scale))

    def span(self) -> tuple[dt.date, dt.date]:
        """First and last day of the plan (project, phases, items, baseline, today line)."""
        return self._span

    def content_rect(self) -> QRectF:
        """The whole plan: its days across, the phase band and the lanes down."""
        first, last = self._span
        bottom = self.lanes[-1].bottom if self.lanes else PHASE_BAND + LANE_MIN
        return QRectF(self.x_of(first), 0.0, self.x_of(last + dt.timedelta(days=1))
                      - self.x_of(first), bottom)

    def lane_at(self, y: float) -> Lane | None:
        for lane in self.lanes:
            if lane.top <= y < lane.bottom:
                return lane
        return None

    # ----------------------------------------------------------------- data

    def set_timeline(self, timeline: Timeline | None,
                     warnings: Sequence[TimelineWarning] = (),
                     today: dt.date | None = None) -> None:
        """Show a project's timeline (or none). Items of the same rows are reused, so a
        change moves what changed and keeps the selection."""
        if timeline is None or self.timeline is None or (
                timeline.project.id != self.timeline.project.id):
            self._clear()
        self.timeline = timeline
        self.warnings = tuple(warnings)
        self.today = today or dt.date.today()
        if timeline is None:
            self.undated = []
            self._lanes_stale = True
            self.relayout()
            return
        self._sync(self.phases, timeline.phases, lambda row: BarItem("phase", self.look),
                   lambda item, row: item.set_phase(row, self._phase_tip(row)))
        self._sync(self.milestones, timeline.milestones, lambda row: MilestoneItem(self.look, row),
                   lambda item, row: item.set_milestone(row, self._milestone_tip(row)))
        dated = [m for m in timeline.measures if m.starts_on or m.ends_on]
        self.undated = [m for m in timeline.measures if not (m.starts_on or m.ends_on)]
        self._sync(self.measures, dated, lambda row: BarItem("measure", self.look),
                   lambda item, row: item.set_measure(row, self._measure_tip(row)))
        self._sync_dependencies(timeline)
        self._mark_warnings()
        self._lanes_stale = True
        self.relayout()

    def _sync(self, items: dict[uuid.UUID, ItemT], rows: Sequence[RowT],
              make: Callable[[RowT], ItemT], update: Callable[[ItemT, RowT], None]) -> None:
        """Add, update and remove the items of one kind so they match ``rows``."""
        wanted = {row.id: row for row in rows}
        for gone in set(items) - set(wanted):
            self.removeItem(items.pop(gone))
        for row_id, row in wanted.items():
            item = items.get(row_id)
            if item is None:
                item = make(row)
                item.label_limit = self.label_limit
                items[row_id] = item
                self.addItem(item)
            update(item, row)

    def _sync_dependencies(self, timeline: Timeline) -> None:
        wanted = {d.id: d for d in timeline.dependencies}
        for gone in set(self.dependencies) - set(wanted):
            self.removeItem(self.dependencies.pop(gone))
        self._links = {}
        for dependency in timeline.dependencies:
            item = self.dependencies.get(dependency.id)
            if item is None:
                item = DependencyItem(dependency.id, dependency.predecessor,
                                      dependency.successor, self.look)
                self.dependencies[dependency.id] = item
                self.addItem(item)
            for end in (dependency.predecessor, dependency.successor):
                self._links.setdefault(end, []).append(item)

    def _clear(self) -> None:
        self._stuck = set()
        self._bars_by_top, self._bar_tops = [], []
        for table in (self.phases, self.milestones, self.measures, self.dependencies):
            for item in table.values():
                self.removeItem(item)
            table.clear()
        self._links = {}
        self.lanes = []

    def item_for(self, ref: ItemRef) -> TimelineItem | None:
        if ref.kind == ItemKind.MILESTONE:
            return self.milestones.get(ref.id)
        if ref.kind == ItemKind.MEASURE:
            return self.measures.get(ref.id)
        if ref.kind == "phase":
            return self.phases.get(ref.id)
        return None

    def plan_items(self) -> Iterator[TimelineItem]:
        yield from self.phases.values()
        yield from self.milestones.values()
        yield from self.measures.values()

    def selected_plan_items(self) -> list[TimelineItem]:
        return [item for item in self.selectedItems() if isinstance(item, TimelineItem)]

    def selected_dependencies(self) -> list[DependencyItem]:
        return [item for item in self.selectedItems() if isinstance(item, DependencyItem)]

    # ----------------------------------------------------------------- texts

    def _milestone_tip(self, row: MilestoneView) -> str:
        lines = [row.title, self.tr("Due: {date}").format(date=format_date(row.due_on)),
                 self.tr("Status: {status}").format(status=status_label("milestone",
                                                                         row.status))]
        if row.owner:
            lines.append(self.tr("Owner: {owner}").format(owner=row.owner))
        return "\n".join(lines)

    def _measure_tip(self, row: MeasureView) -> str:
        lines = [row.title, self.tr("{start} to {end}").format(
            start=format_date(row.starts_on), end=format_date(row.ends_on)),
            self.tr("Status: {status}").format(status=status_label("measure", row.status))]
        if row.field_name:
            lines.append(self.tr("Field of action: {field}").format(field=row.field_name))
        if row.owner:
            lines.append(self.tr("Owner: {owner}").format(owner=row.owner))
        return "\n".join(lines)

    def _phase_tip(self, row: PhaseView) -> str:
        return "\n".join((row.name, self.tr("{start} to {end}").format(
            start=format_date(row.starts_on), end=format_date(row.ends_on))))

    def retranslate(self) -> None:
        """New language: tooltips, lane titles and axis widths follow."""
        self._measure_axis_labels()
        if self.timeline is not None:
            self.set_timeline(self.timeline, self.warnings, self.today)

    def _mark_warnings(self) -> None:
        found: dict[ItemRef, list[str]] = {}
        cycle: set[ItemRef] = set()
        for warning in self.warnings:
            text = render(warning.message)
            for ref in warning.items:
                found.setdefault(ref, []).append(text)
            if warning.kind == WarningKind.CYCLE:
                cycle.update(warning.items)
        for item in self.plan_items():
            item.set_warnings(tuple(found.get(item.ref, ())))
        late_links = {(w.items[1], w.items[0]) for w in self.warnings
                      if w.kind == WarningKind.STARTS_BEFORE_PREDECESSOR_ENDS}
        for dependency in self.dependencies.values():
            dependency.set_warned((dependency.predecessor, dependency.successor) in late_links
                                  or (dependency.predecessor in cycle
                                      and dependency.successor in cycle))

    # ----------------------------------------------------------------- layout

    def set_scale(self, scale: float) -> None:
        scale = min(MAX_SCALE, max(MIN_SCALE, scale))
        if scale != self.scale:
            self.scale = scale
            self.relayout()

    def set_group_by(self, group_by: str) -> None:
        if group_by != self.group_by:
            self.group_by = group_by
            self._lanes_stale = True
            self.relayout()

    def set_show_baseline(self, on: bool) -> None:
        self.show_baseline = on
        self.baseline_item.setVisible(on)
        self._layout_baseline()

    def set_label_limit(self, limit: float) -> None:
        """How long a label may get before it is cut short (the export allows more)."""
        if limit != self.label_limit:
            self.label_limit = limit
            for item in self.plan_items():
                item.set_label_limit(limit)
            self.relayout()

    def _make_lanes(self) -> None:
        timeline = self.timeline
        self.lanes = []
        if timeline is None:
            return
        if self.group_by == GROUP_PHASE:
            lanes = {f"phase:{p.id}": Lane(f"phase:{p.id}", p.name, p.colour)
                     for p in timeline.phases}
            spans = [p.span for p in timeline.phases]
            spare = Lane("none", render(_NO_PHASE), None)
            for milestone in self.milestones.values():
                row = milestone.milestone
                phase_id = row.phase_id
                if phase_id is None:
                    found = phase_containing(row.due_on, spans)
                    phase_id = found.id if found is not None else None
                lane = lanes.get(f"phase:{phase_id}", spare)
                lane.milestones.append(milestone)
            for bar in self.measures.values():
                first = bar.first
                found = phase_containing(first, spans) if first is not None else None
                lane = lanes.get(f"phase:{found.id}", spare) if found is not None else spare
                lane.bars.append(bar)
            ordered = list(lanes.values())
        else:
            general = Lane("milestones", render(_GENERAL), None)
            lanes = {f"field:{f.id}": Lane(f"field:{f.id}", f.name, f.colour)
                     for f in timeline.fields}
            spare = Lane("none", render(_NO_FIELD), None)
            field_of = {m.id: m.field_of_action_id for m in timeline.measures}
            for bar in self.measures.values():
                lanes.get(f"field:{bar.field_id}", spare).bars.append(bar)
            for milestone in self.milestones.values():
                measure_id = milestone.milestone.measure_id
                field_id = field_of.get(measure_id) if measure_id is not None else None
                lane = lanes.get(f"field:{field_id}", general) if field_id else general
                lane.milestones.append(milestone)
            ordered = [general, *lanes.values()]
        if spare.milestones or spare.bars:
            ordered.append(spare)
        for lane in ordered:
            lane.milestones.sort(key=lambda m: (m.milestone.due_on, m.milestone.title))
            lane.bars.sort(key=lambda b: (b.first or dt.date.max, b.title))
        self.lanes = ordered
        self._lanes_stale = False

    def relayout(self) -> None:
        """Place every item for the current scale, lanes and data."""
        if self._lanes_stale:
            self._make_lanes()
        self._span = self._compute_span()
        y = PHASE_BAND
        for lane in self.lanes:
            lane.top = y
            self._layout_lane(lane)
            y = lane.bottom
        self._layout_phases()
        self._index_bars()
        for dependency in self.dependencies.values():
            self._route(dependency)
        self._layout_baseline()
        first, last = self._span
        left = self.x_of(first - dt.timedelta(days=SIDE_DAYS))
        right = self.x_of(last + dt.timedelta(days=SIDE_DAYS))
        bottom = y + 24.0
        self.today_item.set_line(self.x_of(self.today) + self.scale / 2, 0.0, bottom)
        self.setSceneRect(QRectF(left, 0.0, right - left, bottom))
        # The background (lanes, grid) depends on all of this: the views' caches go.
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)
        self.layout_changed.emit()

    def _compute_span(self) -> tuple[dt.date, dt.date]:
        days: list[dt.date] = []
        timeline = self.timeline
        if timeline is not None:
            project = timeline.project
            days += [d for d in (project.starts_on, project.ends_on) if d is not None]
            for phase in timeline.phases:
                days += [d for d in (phase.starts_on, phase.ends_on) if d is not None]
            days += [m.milestone.due_on for m in self.milestones.values()]
            for bar in self.measures.values():
                days += [d for d in (bar.first, bar.last) if d is not None]
        if not days:
            return (self.today - dt.timedelta(days=180), self.today + dt.timedelta(days=180))
        return (min(days), max(days))

    def _layout_lane(self, lane: Lane) -> None:
        scale = self.scale
        # Milestones: each label to the right of its diamond; a row is free for the next
        # milestone once the last label in it has ended.
        row_ends: list[float] = []
        top = lane.top + LANE_PAD
        first, last = self._span
        start_x = self.x_of(first) - LABEL_ROOM
        end_x = self.x_of(last + dt.timedelta(days=1)) + LABEL_ROOM
        for milestone in lane.milestones:
            x = self.x_of(milestone.milestone.due_on) + scale / 2
            # Labels that would run past the end of the plan go left of their diamond, or
            # are cut to the room there is.
            left_side, room = _label_side(
                min(milestone.full_width, self.label_limit),
                end_x - (x + DIAMOND_R + LABEL_GAP), (x - DIAMOND_R - LABEL_GAP) - start_x)
            milestone.set_label_room(room)
            milestone.set_label_left(left_side)
            reach_left, reach_right = milestone.label_extent(left=left_side)
            left = x + reach_left - 2.0
            right = x + reach_right
            row = next((i for i, end in enumerate(row_ends) if end + PACK_GAP <= left), None)
            shown = True
            if row is None and len(row_ends) < MAX_MILESTONE_ROWS:
                row = len(row_ends)
                row_ends.append(right)
            elif row is None:
                # Crowded: the diamond goes where it is least in the way, without a label.
                shown = False
                plain = x + DIAMOND_R
                row = min(range(len(row_ends)), key=lambda i: row_ends[i])
                row_ends[row] = max(row_ends[row], plain)
            else:
                row_ends[row] = right
            milestone.set_label_shown(shown)
            milestone.place(x, top + row * MILESTONE_ROW + MILESTONE_ROW / 2)
        lane.rows = len(row_ends)
        bars_top = top + lane.rows * MILESTONE_ROW
        for index, bar in enumerate(lane.bars):
            starts, ends = bar.first, bar.last
            assert starts is not None and ends is not None
            x = self.x_of(starts)
            width = self.x_of(ends + dt.timedelta(days=1)) - x
            bar.place(x, bars_top + index * BAR_ROW + (BAR_ROW - BAR_H) / 2 - 3.0)
            # A bar has its row to itself: a label too long for it goes right of it, or
            # left where the right would run past the end of the plan (or is cut short).
            if bar.label_fits_inside(width):
                bar.set_label_left(False)
            else:
                left_side, room = _label_side(
                    min(bar.full_width, self.label_limit),
                    end_x - (x + width + LABEL_GAP), (x - LABEL_GAP) - start_x)
                bar.set_label_room(room)
                bar.set_label_left(left_side)
            bar.set_width(width)
        lane.height = max(LANE_MIN, 2 * LANE_PAD + lane.rows * MILESTONE_ROW
                          + len(lane.bars) * BAR_ROW)

    def _layout_phases(self) -> None:
        for item in self.phases.values():
            first, last = item.first, item.last
            if first is None or last is None:
                item.hide()
                continue
            item.show()
            x = self.x_of(first)
            item.place(x, (PHASE_BAND - PHASE_H) / 2)
            item.set_width(self.x_of(last + dt.timedelta(days=1)) - x)

    def _layout_baseline(self) -> None:
        timeline = self.timeline
        baseline = timeline.baseline if timeline is not None else None
        if baseline is None or not self.show_baseline:
            self.baseline_item.set_shapes([], [])
            return
        bars: list[QRectF] = []
        diamonds: list[tuple[QPointF, QPointF]] = []
        for ref, (starts_on, ends_on) in baseline.dates.items():
            item = self.item_for(ref)
            if item is None or not item.isVisible():
                continue
            first = starts_on or ends_on
            last = ends_on or starts_on
            if first is None or last is None:
                continue
            if isinstance(item, MilestoneItem):
                # Only where the date moved: an unmoved milestone hides its ghost anyway.
                if first != item.milestone.due_on:
                    diamonds.append((QPointF(self.x_of(first) + self.scale / 2,
                                             item.pos().y()), item.pos()))
            else:
                x = self.x_of(first)
                width = max(2.0, self.x_of(last + dt.timedelta(days=1)) - x)
                bars.append(QRectF(x, item.pos().y() + BAR_H + 3.0, width, 4.0))
        self.baseline_item.set_shapes(bars, diamonds)

    def _route(self, dependency: DependencyItem) -> None:
        """Finish to start: out of the predecessor's end, into the successor's start."""
        predecessor = self.item_for(dependency.predecessor)
        successor = self.item_for(dependency.successor)
        if predecessor is None or successor is None or not (
                predecessor.isVisible() and successor.isVisible()):
            dependency.hide()
            return
        dependency.show()
        drop = predecessor.scenePos() if isinstance(predecessor, MilestoneItem) else None
        dependency.set_route(predecessor.out_point(), successor.in_point(), drop,
                             successor.box())

    def stick_labels(self, view: QRectF | None) -> None:
        """Keep the labels inside long bars in ``view`` (scene rect; None: at their bars'
        starts, as in an export). Only the bars in view (found by their rows, not by
        asking each of hundreds) and those that were pushed before are touched, so a pan
        repaints little more than the strip it uncovers."""
        if view is None:
            for bar in self._stuck:
                bar.stick_label(-1e12)
            self._stuck = set()
            return
        first = bisect.bisect_left(self._bar_tops, view.top() - BAR_H)
        last = bisect.bisect_right(self._bar_tops, view.bottom())
        shown = self._bars_by_top[first:last]
        left = view.left()
        stuck: set[BarItem] = set()
        for bar in shown:
            if bar.pos().x() < left:
                bar.stick_label(left)
                stuck.add(bar)
        for bar in self._stuck - stuck:
            bar.stick_label(-1e12)
        self._stuck = stuck

    def _index_bars(self) -> None:
        bars = sorted((bar for bar in (*self.phases.values(), *self.measures.values())
                       if bar.isVisible()), key=lambda bar: bar.pos().y())
        self._bars_by_top = bars
        self._bar_tops = [bar.pos().y() for bar in bars]

    # ----------------------------------------------------------------- drag previews

    def preview_shift(self, items: Iterable[TimelineItem], days: int) -> None:
        """Show ``items`` moved by ``days`` (from where the snapshot put them)."""
        moved = list(items)
        for item in moved:
            item.preview_offset(days * self.scale)
        self._reroute(moved)

    def preview_span(self, item: BarItem, first: dt.date, last: dt.date) -> None:
        """Show a bar stretched to ``first`` .. ``last`` while its end is dragged."""
        x = self.x_of(first)
        item.preview_geometry(x, self.x_of(last + dt.timedelta(days=1)) - x)
        self._reroute([item])

    def end_preview(self, items: Iterable[TimelineItem]) -> None:
        """Put dragged items back where the snapshot has them (a cancelled drag)."""
        moved = list(items)
        for item in moved:
            item.end_preview()
        self._reroute(moved)

    def _reroute(self, items: Sequence[TimelineItem]) -> None:
        seen: set[int] = set()
        for item in items:
            for dependency in self._links.get(item.ref, ()):
                if id(dependency) not in seen:
                    seen.add(id(dependency))
                    self._route(dependency)

    # ----------------------------------------------------------------- background

    def _measure_axis_labels(self) -> None:
        """The widest label of each axis level in the axis font (see :func:`axis_level`)."""
        from myk10_workshop.ui.timeline.view import axis_font, month_name, week_label

        metrics = QFontMetricsF(axis_font())
        self._widths = {
            "day": metrics.horizontalAdvance("28"),
            "week": metrics.horizontalAdvance(week_label(52)),
            "month": max(metrics.horizontalAdvance(month_name(m, long=False))
                         for m in range(1, 13)),
            "month_long": max(metrics.horizontalAdvance(month_name(m, long=True))
                              for m in range(1, 13)),
            "quarter": metrics.horizontalAdvance("Q4"),
            "year": metrics.horizontalAdvance("2028"),
        }

    def axis_level(self, scale: float | None = None) -> AxisLevel:
        return axis_level(self.scale if scale is None else scale, self._widths)

    def drawBackground(self, painter: QPainter, exposed: QRectF | QRect) -> None:
        """Lanes in alternating shades, phases as tints, and the axis's grid: only what
        lies in ``exposed`` (a pan paints only the strip it uncovers)."""
        rect = QRectF(exposed)
        painter.fillRect(rect, Qt.GlobalColor.white)
        painter.fillRect(QRectF(rect.left(), 0.0, rect.width(), PHASE_BAND), self._band)
        for index, lane in enumerate(self.lanes):
            if lane.bottom < rect.top() or lane.top > rect.bottom():
                continue
            if index % 2:
                painter.fillRect(QRectF(rect.left(), lane.top, rect.width(), lane.height),
                                 self._stripe)
        lanes_bottom = self.lanes[-1].bottom if self.lanes else PHASE_BAND
        for item in self.phases.values():
            if not item.isVisible():
                continue
            left, right = item.pos().x(), item.pos().x() + item.width
            if right < rect.left() or left > rect.right():
                continue
            tint = QColor(item.colour)
            tint.setAlpha(26)
            painter.fillRect(QRectF(left, PHASE_BAND, right - left,
                                    lanes_bottom - PHASE_BAND), tint)
        self._draw_grid(painter, rect, lanes_bottom)
        painter.setPen(self._lane_line)
        for lane in self.lanes:
            if rect.top() <= lane.top <= rect.bottom():
                painter.drawLine(QLineF(rect.left(), lane.top, rect.right(), lane.top))

    def _draw_grid(self, painter: QPainter, rect: QRectF, bottom: float) -> None:
        level = self.axis_level()
        first = self.day_at(rect.left())
        last = self.day_at(rect.right())
        # Only as long as the strip being painted: a line down the whole plan is clipped
        # to it anyway, after costing its full length.
        top = max(PHASE_BAND, rect.top() - 1)
        bottom = min(bottom, rect.bottom() + 1)
        if bottom <= top:
            return
        lines = [QLineF(x, top, x, bottom) for x in
                 (self.x_of(day) for day in unit_starts(level.minor, first, last))
                 if rect.left() - 1 <= x <= rect.right() + 1]
        painter.setPen(self._grid_minor)
        painter.drawLines(lines)
        if level.major is not None:
            major = [QLineF(x, top, x, bottom) for x in
                     (self.x_of(day) for day in unit_starts(level.major, first, last))
                     if rect.left() - 1 <= x <= rect.right() + 1]
            painter.setPen(self._grid_major)
            painter.drawLines(major)


def _label_side(wanted: float, right: float, left: float) -> tuple[bool, float]:
    """Where a label ``wanted`` pixels long goes, given the room on either side: (on the
    left?, room for it). Right when it fits there, else left when it fits there, else the
    roomier side, cut to fit."""
    if wanted <= right:
        return False, right
    if wanted <= left:
        return True, left
    return left > right, max(left, right)


def _add_days(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _label_font() -> QFont:
    """The labels' font: the application's, at a size readable on a projector."""
    font = QFont(QApplication.font())
    font.setPixelSize(LABEL_PIXEL_SIZE)
    return font

