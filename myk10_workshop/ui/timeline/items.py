"""Graphics items of the timeline: milestones, bars (measures and phases), dependency arrows,
the baseline's ghosts and the today line.

Items are views over snapshot rows; they never touch the store. The scene places them
(:meth:`TimelineItem.place`); a drag shows them somewhere else for a while
(:meth:`TimelineItem.preview_offset`) until the next snapshot places them again.

Painting runs at every frame of a pan, so it only draws: labels are laid out once
(``QStaticText``) when their text changes, and pens, brushes and shapes are built when the
data or the zoom changes, never in ``paint``. A milestone's status shows by its shape and
mark as well as by colour (hollow: planned, filled with a tick: done, red with "!": late),
so it reads on a washed-out projector and for people who do not tell red from green.
"""

from __future__ import annotations

import bisect
import datetime as dt
import uuid

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from myk10_workshop.timeline.queries import MeasureView, MilestoneView, PhaseView
from myk10_workshop.timeline.rules import ItemRef

DIAMOND_R = 9.0
BAR_H = 18.0
PHASE_H = 26.0
KNOB_R = 5.0
# From an item's right edge to the centre of its dependency handle, and to its label.
KNOB_GAP = 10.0
LABEL_GAP = 20.0
# How far in from each end of a bar a press takes hold of that end (to resize).
EDGE_GRIP = 6.0
TEXT_PAD = 6.0
BASELINE_DIAMOND = 7.0
# A label is never cut shorter than this (a few letters and "…").
MIN_LABEL_ROOM = 60.0
# The tallest ghost (a diamond's box), for finding those that reach into a strip.
BASELINE_TALLEST = 2 * BASELINE_DIAMOND + 2
SELECTED_COLOUR = "#1565c0"

# QGraphicsItem.UserType (65536), which the PySide6 type stubs do not list.
_USER_TYPE = 65536
MILESTONE_TYPE = _USER_TYPE + 21
BAR_TYPE = _USER_TYPE + 22
DEPENDENCY_TYPE = _USER_TYPE + 23

_DIAMOND = QPolygonF([QPointF(0.0, -DIAMOND_R), QPointF(DIAMOND_R, 0.0),
                      QPointF(0.0, DIAMOND_R), QPointF(-DIAMOND_R, 0.0)])
_BIG_DIAMOND = QPolygonF([QPointF(0.0, -DIAMOND_R - 3), QPointF(DIAMOND_R + 3, 0.0),
                          QPointF(0.0, DIAMOND_R + 3), QPointF(-DIAMOND_R - 3, 0.0)])
_TICK = QPainterPath()
_TICK.moveTo(-4.0, 0.0)
_TICK.lineTo(-1.2, 3.0)
_TICK.lineTo(4.2, -3.4)
_BANG = QPainterPath()
_BANG.moveTo(0.0, -5.0)
_BANG.lineTo(0.0, 1.2)
_BANG.addEllipse(QPointF(0.0, 4.2), 0.9, 0.9)
# A small warning triangle with its "!", drawn at an item's top left.
_WARN = QPolygonF([QPointF(0.0, -7.0), QPointF(7.0, 5.0), QPointF(-7.0, 5.0)])
_WARN_BANG = QPainterPath()
_WARN_BANG.moveTo(0.0, -3.0)
_WARN_BANG.lineTo(0.0, 1.0)
_WARN_BANG.moveTo(0.0, 2.6)
_WARN_BANG.lineTo(0.0, 3.4)


def _pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class Look:
    """Fonts, pens and brushes shared by every item of a scene, made once."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.struck = QFont(font)
        self.struck.setStrikeOut(True)
        self.metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.text_height = self.metrics.height()
        self.dark_text = QColor("#1a1a1a")
        self.light_text = QColor("#ffffff")
        self.muted_text = QColor("#616161")
        self.outline = _pen("#37474f", 1.6)
        self.bar_outline = _pen("#263238", 1.0)
        self.proposed_outline = _pen("#263238", 1.4, Qt.PenStyle.DashLine)
        self.selected = _pen(SELECTED_COLOUR, 2.6)
        self.selection_fill = QBrush(QColor(21, 101, 192, 40))
        self.planned_fill = QBrush(QColor("#ffffff"))
        self.done_fill = QBrush(QColor("#2e7d32"))
        self.done_mark = _pen("#ffffff", 2.2)
        self.late_outline = _pen("#c62828", 2.6)
        self.late_mark = _pen("#c62828", 2.2)
        self.knob_pen = _pen(SELECTED_COLOUR, 1.6)
        self.knob_fill = QBrush(QColor("#ffffff"))
        self.grip = _pen("#263238", 2.0)
        self.warning_fill = QBrush(QColor("#fbc02d"))
        self.warning_pen = _pen("#5d4037", 1.2)
        self.warning_outline = _pen("#ef6c00", 2.0, Qt.PenStyle.DashLine)
        self.dependency = _pen("#546e7a", 1.5)
        self.dependency_warned = _pen("#c62828", 1.8, Qt.PenStyle.DashLine)
        self.dependency_selected = _pen(SELECTED_COLOUR, 3.2)
        self.baseline_fill = QBrush(QColor("#9e9e9e"))
        self.baseline_pen = _pen("#8d8d8d", 1.6)
        self.baseline_link = _pen("#9e9e9e", 1.0, Qt.PenStyle.DashLine)
        self.today = _pen("#d32f2f", 2.0)
        self.link_preview = _pen(SELECTED_COLOUR, 2.0, Qt.PenStyle.DashLine)
        self.target_pen = _pen(SELECTED_COLOUR, 3.0)


def _static(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # titles are never markup
    static.prepare(font=font)
    return static


def _readable_on(colour: QColor) -> bool:
    """Whether dark text contrasts more with ``colour`` than white text does (WCAG
    relative luminance), so labels stay readable on any field's colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
                 + 0.0722 * linear(colour.blueF()))
    return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05)


def paint_milestone_symbol(painter: QPainter, look: Look, status: str) -> None:
    """A milestone's diamond at the painter's origin: hollow when planned, filled with a
    tick when done, red-edged with "!" when late (also used by the legend)."""
    if status == "done":
        painter.setPen(look.outline)
        painter.setBrush(look.done_fill)
        painter.drawPolygon(_DIAMOND)
        painter.setPen(look.done_mark)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(_TICK)
    elif status == "late":
        painter.setPen(look.late_outline)
        painter.setBrush(look.planned_fill)
        painter.drawPolygon(_DIAMOND)
        painter.setPen(look.late_mark)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(_BANG)
    else:
        painter.setPen(look.outline)
        painter.setBrush(look.planned_fill)
        painter.drawPolygon(_DIAMOND)


class TimelineItem(QGraphicsRectItem):
    """What milestones and bars share: an identity, a label, warnings, drag previews.

    A rectangle item (with no pen and no brush of its own; it draws itself), so that Qt
    answers its bounding rectangle itself: the scene asks hundreds of items for it at
    every frame of a pan, and each answer from Python was a trip into the interpreter.
    Subclasses keep the rectangle as their bounds (``_set_bounds``).
    """

    def __init__(self, ref_kind: str, look: Look) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)
        self.look = look
        self.ref = ItemRef(ref_kind, uuid.UUID(int=0))
        self.title = ""
        self.warnings: tuple[str, ...] = ()
        self.label_limit = 300.0
        self.label_room = 1e9
        # The label's width uncut, and as shown beside the item.
        self.full_width = 0.0
        self.label_width = 0.0
        self._label = QStaticText()
        self._tip = ""
        self._hover = False
        # The part under the mouse the cursor was last set for ("" when none).
        self._cursor_zone = ""
        self._target = False
        self._base: QPointF | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setZValue(2.0)

    # Dates of the item, for lanes, drags and the span of the plan.
    @property
    def first(self) -> dt.date | None:
        raise NotImplementedError

    @property
    def last(self) -> dt.date | None:
        raise NotImplementedError

    @property
    def kind(self) -> str:
        return self.ref.kind

    @property
    def id(self) -> uuid.UUID:
        return self.ref.id

    def can_link(self) -> bool:
        """Whether dependencies may start or end here (milestones and measures)."""
        return self.ref.kind in ("milestone", "measure")

    def set_label_limit(self, limit: float) -> None:
        self.label_limit = limit
        self._make_label()

    def set_label_room(self, room: float) -> None:
        """Cut the label beside the item to ``room`` pixels (what there is between it and
        the end of the plan); a label that fits is left alone, so a zoom step costs
        nothing for most items."""
        room = max(MIN_LABEL_ROOM, room)
        if room == self.label_room or (
                min(room, self.label_limit) >= self.full_width
                and min(self.label_room, self.label_limit) >= self.full_width):
            self.label_room = room
            return
        self.label_room = room
        self._make_label()

    def _beside_limit(self) -> float:
        return min(self.label_limit, self.label_room)

    def _make_label(self) -> None:
        raise NotImplementedError

    def set_warnings(self, warnings: tuple[str, ...]) -> None:
        if warnings != self.warnings:
            self.warnings = warnings
            self._update_tooltip()
            self.update()

    def _set_tip(self, tip: str) -> None:
        self._tip = tip
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        tip = self._tip
        if self.warnings:
            tip += "\n" + "\n".join(f"⚠ {text}" for text in self.warnings)
        self.setToolTip(tip)

    def set_target(self, on: bool) -> None:
        """Mark the item as the end of a dependency being drawn."""
        if on != self._target:
            self._target = on
            self.update()

    # ----------------------------------------------------------------- placing

    def place(self, x: float, y: float) -> None:
        """Where the scene puts the item; any drag preview ends."""
        self._base = None
        self.setPos(x, y)

    def preview_offset(self, dx: float) -> None:
        if self._base is None:
            self._base = self.pos()
        self.setPos(self._base.x() + dx, self._base.y())

    def end_preview(self) -> None:
        if self._base is not None:
            self.setPos(self._base)
            self._base = None

    def out_point(self) -> QPointF:
        """Where an arrow to a successor leaves (scene)."""
        raise NotImplementedError

    def in_point(self) -> QPointF:
        """Where an arrow from a predecessor arrives (scene)."""
        raise NotImplementedError

    def knob_center(self) -> QPointF:
        raise NotImplementedError

    def box(self) -> QRectF:
        """The diamond or bar itself, in the scene (no label, no handle)."""
        raise NotImplementedError

    def zone_at(self, point: QPointF) -> str:
        """What a press at ``point`` (item coordinates) takes hold of: "link" (the handle
        that draws a dependency), "start" or "end" (a bar's end), or "body"."""
        if self.can_link() and (self._hover or self.isSelected()) and (
                QLineF(point, self.knob_center()).length() <= KNOB_R + 4.0):
            return "link"
        return "body"

    # ----------------------------------------------------------------- events

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange,
                   value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(3.0 if value else 2.0)
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        # Every scroll replays the last mouse move (a pan with the wheel is one per
        # frame): the cursor is only set when the part under it changes.
        zone = self.zone_at(event.pos())
        if zone != self._cursor_zone:
            self._cursor_zone = zone
            self.setCursor({"link": Qt.CursorShape.CrossCursor,
                            "start": Qt.CursorShape.SizeHorCursor,
                            "end": Qt.CursorShape.SizeHorCursor}.get(
                zone, Qt.CursorShape.OpenHandCursor))
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = False
        self._cursor_zone = ""
        self.unsetCursor()
        self.update()
        super().hoverLeaveEvent(event)

    # ----------------------------------------------------------------- painting helpers

    def _paint_knob(self, painter: QPainter) -> None:
        if self.can_link() and (self._hover or self.isSelected()):
            painter.setPen(self.look.knob_pen)
            painter.setBrush(self.look.knob_fill)
            painter.drawEllipse(self.knob_center(), KNOB_R, KNOB_R)

    def _paint_warning(self, painter: QPainter, at: QPointF) -> None:
        if not self.warnings:
            return
        painter.save()
        painter.translate(at)
        painter.setPen(self.look.warning_pen)
        painter.setBrush(self.look.warning_fill)
        painter.drawPolygon(_WARN)
        painter.drawPath(_WARN_BANG)
        painter.restore()


class MilestoneItem(TimelineItem):
    """A diamond on its date with its title to the right."""

    def __init__(self, look: Look, milestone: MilestoneView) -> None:
        super().__init__("milestone", look)
        self.milestone = milestone
        self.status = milestone.status
        self.label_shown = True
        self.label_left = False
        self._bounds = QRectF()
        self._label_at = QPointF()
        self._knob = QPointF(DIAMOND_R + KNOB_GAP, 0.0)
        self._shape = QPainterPath()
        self._fresh = True

    def type(self) -> int:
        return MILESTONE_TYPE

    @property
    def first(self) -> dt.date | None:
        return self.milestone.due_on

    @property
    def last(self) -> dt.date | None:
        return self.first

    def set_milestone(self, milestone: MilestoneView, tip: str) -> None:
        changed = self._fresh or (milestone.title, milestone.status) != (
            self.milestone.title, self.milestone.status)
        self._fresh = False
        self.milestone = milestone
        self.ref = milestone.ref
        self.status = milestone.status
        self._set_tip(tip)
        if changed:
            self.title = milestone.title
            self._make_label()
            self.update()

    def _make_label(self) -> None:
        metrics = self.look.metrics
        self.full_width = metrics.horizontalAdvance(self.title or "…")
        text = metrics.elidedText(self.title or "…", Qt.TextElideMode.ElideRight,
                                  self._beside_limit())
        self._label = _static(text, self.look.font)
        self.label_width = metrics.horizontalAdvance(text)
        self._update_bounds()

    def set_label_shown(self, shown: bool) -> None:
        if shown != self.label_shown:
            self.label_shown = shown
            self._update_bounds()
            self.update()

    def set_label_left(self, left: bool) -> None:
        """Put the label left of the diamond (near the end of the plan, where the right
        has no room)."""
        if left != self.label_left:
            self.label_left = left
            self._update_bounds()
            self.update()

    def label_extent(self, *, left: bool) -> tuple[float, float]:
        """How far the diamond and its label (on the left or right) reach either side of
        the date."""
        if left:
            return (-DIAMOND_R - LABEL_GAP + 4.0 - self.label_width, KNOB_GAP + KNOB_R)
        return (-DIAMOND_R, DIAMOND_R + LABEL_GAP - 4.0 + self.label_width)

    def _update_bounds(self) -> None:
        self.prepareGeometryChange()
        top = -self.look.text_height / 2
        if self.label_left:
            self._label_at = QPointF(-DIAMOND_R - LABEL_GAP + 4.0 - self.label_width, top)
        else:
            self._label_at = QPointF(DIAMOND_R + LABEL_GAP - 4.0, top)
        left, right = -DIAMOND_R - 9.0, DIAMOND_R + KNOB_GAP + KNOB_R + 3.0
        if self.label_shown:
            left = min(left, self._label_at.x() - 4.0)
            right = max(right, self._label_at.x() + self.label_width + 4.0)
        self._bounds = QRectF(left, -DIAMOND_R - 8.0, right - left, 2 * DIAMOND_R + 14.0)
        self.setRect(self._bounds)
        shape = QPainterPath()
        shape.addRect(QRectF(-DIAMOND_R - 2.0, -DIAMOND_R - 2.0, 2 * DIAMOND_R + 4.0,
                             2 * DIAMOND_R + 4.0))
        shape.addEllipse(self._knob, KNOB_R + 4.0, KNOB_R + 4.0)
        if self.label_shown:
            shape.addRect(QRectF(self._label_at.x() - 4.0, self._label_at.y(),
                                 self.label_width + 8.0, self.look.text_height))
        self._shape = shape

    def shape(self) -> QPainterPath:
        # What can be taken hold of: the diamond, the handle and the label, not the room
        # around them (where an arrow may pass).
        return self._shape

    def knob_center(self) -> QPointF:
        return self._knob

    def box(self) -> QRectF:
        at = self.scenePos()
        return QRectF(at.x() - DIAMOND_R, at.y() - DIAMOND_R, 2 * DIAMOND_R, 2 * DIAMOND_R)

    def out_point(self) -> QPointF:
        return self.scenePos() + QPointF(DIAMOND_R, 0.0)

    def in_point(self) -> QPointF:
        return self.scenePos() - QPointF(DIAMOND_R, 0.0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        look = self.look
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected or self._target:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(look.selection_fill)
            painter.drawRoundedRect(self._bounds.adjusted(2.0, 2.0, -2.0, -2.0), 5.0, 5.0)
            painter.setPen(look.target_pen if self._target else look.selected)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(_BIG_DIAMOND)
        if self.warnings:
            painter.setPen(look.warning_outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(_BIG_DIAMOND)
        paint_milestone_symbol(painter, look, self.status)
        if self.label_shown:
            painter.setFont(look.font)
            painter.setPen(look.dark_text)
            painter.drawStaticText(self._label_at, self._label)
        self._paint_knob(painter)
        self._paint_warning(painter, QPointF(-DIAMOND_R - 1.0, -DIAMOND_R + 1.0))


class BarItem(TimelineItem):
    """A measure from its start to its end, coloured by its field of action; or a phase
    (in the band above the lanes), in the phase's colour."""

    def __init__(self, kind: str, look: Look) -> None:
        super().__init__(kind, look)
        self.measure: MeasureView | None = None
        self.phase: PhaseView | None = None
        # The measure's field of action (lanes by field).
        self.field_id: uuid.UUID | None = None
        self.status = ""
        self.width = 0.0
        self.height = PHASE_H if kind == "phase" else BAR_H
        self.colour = "#bdbdbd"
        self._starts_on: dt.date | None = None
        self._ends_on: dt.date | None = None
        self._fill = QBrush(QColor(self.colour))
        self._text_colour = QColor("#1a1a1a")
        self._inside = True
        self._rect = QRectF()
        self._bounds = QRectF()
        self._label_at = QPointF()
        self._knob = QPointF()
        self._grips: list[QLineF] = []
        self._preview_width: float | None = None
        self._inside_label = QStaticText()
        self._inside_width = 0.0
        self.label_left = False
        # How far the inside label is pushed right to stay in view (see stick_label).
        self._shift = QPointF()
        self._shape = QPainterPath()

    def type(self) -> int:
        return BAR_TYPE

    @property
    def first(self) -> dt.date | None:
        return self._starts_on if self._starts_on is not None else self._ends_on

    @property
    def last(self) -> dt.date | None:
        return self._ends_on if self._ends_on is not None else self._starts_on

    @property
    def starts_on(self) -> dt.date | None:
        return self._starts_on

    @property
    def ends_on(self) -> dt.date | None:
        return self._ends_on

    def set_measure(self, measure: MeasureView, tip: str) -> None:
        changed = self.measure is None or (measure.title, measure.status,
                                           measure.field_colour) != (
            self.measure.title, self.measure.status, self.measure.field_colour)
        self.measure = measure
        self.ref = measure.ref
        self.field_id = measure.field_of_action_id
        self.status = measure.status
        self._starts_on, self._ends_on = measure.starts_on, measure.ends_on
        self._set_tip(tip)
        if changed:
            self.title = measure.title
            colour = QColor(measure.field_colour)
            if measure.status == "proposed":
                colour = colour.lighter(145)
            elif measure.status == "dropped":
                colour = QColor("#cfcfcf")
            self._set_colour(colour)
            self._make_label()
            self.update()

    def set_phase(self, phase: PhaseView, tip: str) -> None:
        changed = self.phase is None or (phase.name, phase.colour) != (
            self.phase.name, self.phase.colour)
        self.phase = phase
        self.ref = ItemRef("phase", phase.id)
        self._starts_on, self._ends_on = phase.starts_on, phase.ends_on
        self._set_tip(tip)
        if changed:
            self.title = phase.name
            self._set_colour(QColor(phase.colour))
            self._make_label()
            self.update()

    def _set_colour(self, colour: QColor) -> None:
        self.colour = colour.name()
        self._fill = QBrush(colour)
        self._text_colour = self.look.dark_text if _readable_on(colour) else (
            self.look.light_text)

    def _font(self) -> QFont:
        if self.kind == "phase":
            return self.look.bold
        return self.look.struck if self.status == "dropped" else self.look.font

    def _text(self) -> str:
        return ("✓ " if self.status == "done" else "") + (self.title or "…")

    def _make_label(self) -> None:
        """Two labels: the whole title for inside the bar, and one cut to the label limit
        for beside it (which one shows depends on the bar's length at this zoom)."""
        metrics = self.look.bold_metrics if self.kind == "phase" else self.look.metrics
        text = self._text()
        self.full_width = metrics.horizontalAdvance(text)
        limit = self._beside_limit()
        if self.kind == "phase":
            # A phase's name stays inside its bar (the next phase follows right after it).
            limit = max(0.0, self.width - 2 * TEXT_PAD)
        beside = metrics.elidedText(text, Qt.TextElideMode.ElideRight, limit)
        inside = beside if self.kind == "phase" else text
        self._inside_label = _static(inside, self._font())
        self._inside_width = metrics.horizontalAdvance(inside)
        self._label = _static(beside, self._font())
        self.label_width = metrics.horizontalAdvance(beside)
        self._update_geometry()

    def set_width(self, width: float) -> None:
        """The bar's length at the current zoom (the scene places it)."""
        width = max(4.0, width)
        if width != self.width or self._preview_width is not None:
            self._preview_width = None
            self.width = width
            if self.kind == "phase":
                self._make_label()
            else:
                self._update_geometry()

    def stick_label(self, view_left: float) -> None:
        """Keep the label inside a long bar in view while the bar's start is scrolled
        away to the left of ``view_left`` (scene x), as far as the bar reaches."""
        shift = 0.0
        if self._inside:
            room = self.width - 2 * TEXT_PAD - self._inside_width
            shift = min(max(0.0, view_left - self.pos().x()), max(0.0, room))
        old = self._shift.x()
        if shift != old:
            self._shift = QPointF(shift, 0.0)
            # Only the label moved over the bar's even colour: repaint just where it was
            # and where it is (the rest of the bar was scrolled correctly already).
            left = self._label_at.x() + min(old, shift) - 2.0
            self.update(QRectF(left, 0.0, abs(shift - old) + self._inside_width + 4.0,
                               self.height))

    def label_shift(self) -> float:
        return self._shift.x()

    def label_fits_inside(self, width: float) -> bool:
        return self.kind == "phase" or self.full_width + 2 * TEXT_PAD <= width

    def set_label_left(self, left: bool) -> None:
        """Put an outside label left of the bar (near the end of the plan)."""
        if left != self.label_left:
            self.label_left = left
            self._update_geometry()
            self.update()

    def preview_geometry(self, x: float, width: float) -> None:
        if self._base is None:
            self._base = self.pos()
        self._preview_width = self.width if self._preview_width is None else (
            self._preview_width)
        self.setPos(x, self._base.y())
        self.width = max(4.0, width)
        self._update_geometry()

    def end_preview(self) -> None:
        if self._preview_width is not None:
            self.width = self._preview_width
            self._preview_width = None
            self._update_geometry()
        super().end_preview()

    def place(self, x: float, y: float) -> None:
        if self._preview_width is not None:
            self.width = self._preview_width
            self._preview_width = None
            self._update_geometry()
        super().place(x, y)

    def _update_geometry(self) -> None:
        self.prepareGeometryChange()
        width, height = self.width, self.height
        self._rect = QRectF(0.0, 0.0, width, height)
        self._inside = self.label_fits_inside(width)
        text_top = (height - self.look.text_height) / 2
        left, right = -9.0, width + KNOB_GAP + KNOB_R + 3.0
        if self._inside:
            self._label_at = QPointF(TEXT_PAD, text_top)
        elif self.label_left:
            self._label_at = QPointF(-TEXT_PAD - 4.0 - self.label_width, text_top)
            left = self._label_at.x() - 4.0
        else:
            self._label_at = QPointF(width + LABEL_GAP - 4.0, text_top)
            right = self._label_at.x() + self.label_width + 4.0
        self._knob = self._knob_at(width, height)
        self._bounds = QRectF(left, -8.0, right - left, height + 16.0)
        self.setRect(self._bounds)
        shape = QPainterPath()
        shape.addRect(QRectF(-2.0, -2.0, width + 4.0, height + 4.0))
        if self.can_link():
            shape.addEllipse(self._knob_at(width, height), KNOB_R + 4.0, KNOB_R + 4.0)
        if not self._inside:
            shape.addRect(QRectF(self._label_at.x() - 4.0, self._label_at.y(),
                                 self.label_width + 8.0, self.look.text_height))
        self._shape = shape
        mid = height / 2
        self._grips = [QLineF(3.0, mid - 4.0, 3.0, mid + 4.0),
                       QLineF(width - 3.0, mid - 4.0, width - 3.0, mid + 4.0)]

    @staticmethod
    def _knob_at(width: float, height: float) -> QPointF:
        return QPointF(width + KNOB_GAP, height / 2)

    def shape(self) -> QPainterPath:
        return self._shape

    def knob_center(self) -> QPointF:
        return self._knob

    def box(self) -> QRectF:
        at = self.scenePos()
        return QRectF(at.x(), at.y(), self.width, self.height)

    def out_point(self) -> QPointF:
        return self.scenePos() + QPointF(self.width, self.height / 2)

    def in_point(self) -> QPointF:
        return self.scenePos() + QPointF(0.0, self.height / 2)

    def zone_at(self, point: QPointF) -> str:
        zone = super().zone_at(point)
        if zone != "body" or not (0.0 <= point.y() <= self.height):
            return zone
        grip = min(EDGE_GRIP, self.width / 3)
        if self._ends_on is not None and point.x() >= self.width - grip:
            return "end"
        if self._starts_on is not None and point.x() <= grip:
            return "start"
        return "body"

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        look = self.look
        # Square corners without antialiasing: a long bar's rounded, antialiased outline
        # cost a third of a millisecond per frame of a pan, even when only a strip of it
        # was exposed.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected or self._target:
            painter.fillRect(self._bounds.adjusted(3.0, 3.0, -3.0, -3.0), look.selection_fill)
        if selected or self._target:
            painter.setPen(look.target_pen if self._target else look.selected)
        elif self.warnings:
            painter.setPen(look.warning_outline)
        elif self.status == "proposed":
            painter.setPen(look.proposed_outline)
        else:
            painter.setPen(look.bar_outline)
        painter.fillRect(self._rect, self._fill)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect)
        if (self._hover or selected) and self.width > 3 * EDGE_GRIP:
            painter.setPen(self._text_colour if self._inside else look.grip)
            painter.drawLines(self._grips)
        painter.setFont(self._font())
        painter.setPen(self._text_colour if self._inside else look.dark_text)
        if self._inside:
            painter.drawStaticText(self._label_at + self._shift, self._inside_label)
        else:
            painter.drawStaticText(self._label_at, self._label)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_knob(painter)
        self._paint_warning(painter, QPointF(0.0, -1.0))


class DependencyItem(QGraphicsPathItem):
    """A finish-to-start arrow: out of the predecessor's end, into the successor's start.

    Drawn in red and dashed when the successor starts before the predecessor ends (or
    when it is part of a circle). Selectable, to delete it with Del.
    """

    def __init__(self, dependency_id: uuid.UUID, predecessor: ItemRef, successor: ItemRef,
                 look: Look) -> None:
        super().__init__()
        self.id = dependency_id
        self.predecessor = predecessor
        self.successor = successor
        self.look = look
        self.warned = False
        self._path = QPainterPath()
        self._segments: list[tuple[QLineF, float]] = []
        self._hit = QPainterPath()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        # The exposed part in paint(): only the pieces of the arrow in it are drawn.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setZValue(1.0)
        self.setPen(look.dependency)

    def type(self) -> int:
        return DEPENDENCY_TYPE

    def set_warned(self, warned: bool) -> None:
        if warned != self.warned:
            self.warned = warned
            self.setPen(self.look.dependency_warned if warned else self.look.dependency)

    def set_route(self, start: QPointF, end: QPointF, drop: QPointF | None = None,
                  target: QRectF | None = None) -> None:
        self._path = route(start, end, drop, target)
        self.setPath(self._path)
        self._segments = segments_of(self._path)
        stroker = QPainterPathStroker()
        stroker.setWidth(10.0)
        self._hit = stroker.createStroke(self._path)

    def shape(self) -> QPainterPath:
        return self._hit

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # A pan paints a strip of the chart, and a long arrow crosses many strips: only
        # its pieces in the strip are drawn, cut to it (stroking the whole arrow for each
        # strip was a third of a frame with the whole plan in view).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pen = self.look.dependency_selected if selected else self.pen()
        margin = pen.widthF() + 2.0
        pieces = visible_pieces(self._segments,
                                option.exposedRect.adjusted(-margin, -margin, margin, margin))
        if not pieces:
            return
        if pen.style() == Qt.PenStyle.SolidLine:
            painter.setPen(pen)
            painter.drawLines([line for line, _along in pieces])
            return
        # Dashes keep their phase along the whole arrow, so a strip joins the next.
        width = max(pen.widthF(), 1.0)
        for line, along in pieces:
            dashed = QPen(pen)
            dashed.setDashOffset(along / width)
            painter.setPen(dashed)
            painter.drawLine(line)


def segments_of(path: QPainterPath) -> list[tuple[QLineF, float]]:
    """The straight pieces of an arrow's path, each with its distance along the path from
    the start of its run (a move starts a new run: the head)."""
    segments: list[tuple[QLineF, float]] = []
    last: QPointF | None = None
    along = 0.0
    for index in range(path.elementCount()):
        element = path.elementAt(index)
        point = QPointF(element.x, element.y)
        if element.type == QPainterPath.ElementType.MoveToElement or last is None:
            along = 0.0
        else:
            line = QLineF(last, point)
            segments.append((line, along))
            along += line.length()
        last = point
    return segments


def visible_pieces(segments: list[tuple[QLineF, float]],
                   rect: QRectF) -> list[tuple[QLineF, float]]:
    """The parts of ``segments`` inside ``rect``: level and upright ones cut to it (with
    their distance along the path at the cut), slanted ones (an arrow head) whole."""
    pieces: list[tuple[QLineF, float]] = []
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    for line, along in segments:
        x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
        if max(x1, x2) < left or min(x1, x2) > right or max(y1, y2) < top or (
                min(y1, y2) > bottom):
            continue
        if x1 == x2:  # upright: cut to the rows in view
            start, end, offset = _cut(y1, y2, top, bottom)
            pieces.append((QLineF(x1, start, x1, end), along + offset))
        elif y1 == y2:  # level: cut to the columns in view
            start, end, offset = _cut(x1, x2, left, right)
            pieces.append((QLineF(start, y1, end, y1), along + offset))
        else:
            pieces.append((line, along))
    return pieces


def _cut(a: float, b: float, low: float, high: float) -> tuple[float, float, float]:
    """The part of the run from ``a`` to ``b`` (either way round) within ``low``..``high``:
    its ends, in the run's direction, and how far from ``a`` it starts."""
    first, last = max(min(a, b), low), min(max(a, b), high)
    return (first, last, first - a) if a <= b else (last, first, a - last)


STUB = 8.0


def route(start: QPointF, end: QPointF, drop: QPointF | None = None,
          target: QRectF | None = None) -> QPainterPath:
    """An arrow with right angles from ``start`` (a predecessor's end) to ``end`` (its
    successor's start), with a head at ``end``.

    ``drop`` (a milestone predecessor's date) and ``target`` (the successor's box): a
    milestone has no length, so a successor in another row that starts on its very day
    (or just after, closer than an elbow needs) is no conflict. Its arrow leaves the
    diamond downwards (or upwards) and comes into the successor from above (or below). A
    successor that really starts before its predecessor ends gets an arrow that turns
    back, so the conflict shows.
    """
    turn = start.x() + STUB
    if end.x() - STUB >= turn:
        path = QPainterPath(start)
        path.lineTo(turn, start.y())
        path.lineTo(turn, end.y())
        path.lineTo(end)
        return _head(path, end, 1.0, 0.0)
    if drop is not None and target is not None and abs(end.y() - drop.y()) > 12:
        # Into a diamond at its tip; into a bar where the predecessor's day is.
        is_point = target.width() == target.height()
        into = target.center().x() if is_point else min(
            max(drop.x(), target.left() + 4.0), max(target.left() + 4.0, target.right() - 4.0))
        if into >= drop.x() - DIAMOND_R:
            sign = 1.0 if end.y() > drop.y() else -1.0
            path = QPainterPath(QPointF(drop.x(), drop.y() + sign * DIAMOND_R))
            arrive = QPointF(into, target.top() if sign > 0 else target.bottom())
            if abs(into - drop.x()) >= 1.0:
                bend = arrive.y() - sign * 7.0
                path.lineTo(drop.x(), bend)
                path.lineTo(into, bend)
            path.lineTo(arrive)
            return _head(path, arrive, 0.0, sign)
    path = QPainterPath(start)
    between = (start.y() + end.y()) / 2 if abs(end.y() - start.y()) > 20 else (
        start.y() + 14.0)
    back = end.x() - STUB
    path.lineTo(turn, start.y())
    path.lineTo(turn, between)
    path.lineTo(back, between)
    path.lineTo(back, end.y())
    path.lineTo(end)
    return _head(path, end, 1.0, 0.0)


def _head(path: QPainterPath, tip: QPointF, dx: float, dy: float) -> QPainterPath:
    """An open arrow head at ``tip`` pointing along (dx, dy) (one of them 0)."""
    back, side = 7.0, 4.5
    path.moveTo(tip.x() - dx * back - dy * side, tip.y() - dy * back - dx * side)
    path.lineTo(tip)
    path.lineTo(tip.x() - dx * back + dy * side, tip.y() - dy * back + dx * side)
    return path


class BaselineItem(QGraphicsItem):
    """The latest baseline as thin grey ghosts under the current plan: a line under each
    bar at its recorded dates, and a hollow diamond where a milestone was before it moved
    (an unmoved milestone would hide its ghost anyway), joined to it by a dashed line.

    One item draws them all, and one switch hides them. It paints only the ghosts in the
    exposed part: a pan repaints a strip, and stroking all 500 diamonds for every strip
    cost more than the rest of the frame.
    """

    def __init__(self, look: Look) -> None:
        super().__init__()
        self.look = look
        self._bars: list[QRectF] = []
        self._diamonds: list[QPolygonF] = []
        self._tops: list[float] = []
        self._shapes: list[tuple[QRectF, QPolygonF | QLineF | None]] = []
        self._bounds = QRectF()
        self.setZValue(0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_shapes(self, bars: list[QRectF],
                   diamonds: list[tuple[QPointF, QPointF]]) -> None:
        """Ghost bars; and ghost diamonds, each with the milestone's place now (a dashed
        line joins them, so the eye sees how far it moved)."""
        self.prepareGeometryChange()
        size = BASELINE_DIAMOND
        shapes: list[tuple[float, QRectF, QPolygonF | QLineF | None]] = [
            (rect.top(), rect, None) for rect in bars]
        for ghost, now in diamonds:
            box = QRectF(ghost.x() - size - 1, ghost.y() - size - 1, 2 * size + 2,
                         2 * size + 2)
            shapes.append((box.top(), box, QPolygonF([
                QPointF(ghost.x(), ghost.y() - size), QPointF(ghost.x() + size, ghost.y()),
                QPointF(ghost.x(), ghost.y() + size), QPointF(ghost.x() - size, ghost.y())])))
            line = QLineF(ghost, now)
            span = QRectF(min(ghost.x(), now.x()), ghost.y() - 1, abs(now.x() - ghost.x()), 2)
            shapes.append((span.top(), span, line))
        # By their top, so a paint finds the few in its strip by bisection.
        shapes.sort(key=lambda shape: shape[0])
        self._tops = [shape[0] for shape in shapes]
        self._shapes = [(rect, mark) for _top, rect, mark in shapes]
        self._bars = bars
        self._diamonds = [mark for _rect, mark in self._shapes if isinstance(mark, QPolygonF)]
        bounds = QRectF()
        for rect, _mark in self._shapes:
            bounds = bounds.united(rect)
        self._bounds = bounds.adjusted(-2.0, -2.0, 2.0, 2.0)
        self.update()

    def count(self) -> int:
        return len(self._bars) + len(self._diamonds)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        first = bisect.bisect_left(self._tops, exposed.top() - BASELINE_TALLEST)
        last = bisect.bisect_right(self._tops, exposed.bottom())
        bars: list[QRectF] = []
        diamonds: list[QPolygonF] = []
        lines: list[QLineF] = []
        for rect, mark in self._shapes[first:last]:
            if rect.intersects(exposed):
                if mark is None:
                    bars.append(rect)
                elif isinstance(mark, QPolygonF):
                    diamonds.append(mark)
                else:
                    lines.append(mark)
        if bars:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.look.baseline_fill)
            painter.drawRects(bars)
        if lines:
            painter.setPen(self.look.baseline_link)
            painter.drawLines(lines)
        if diamonds:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(self.look.baseline_pen)
            painter.setBrush(self.look.planned_fill)
            for polygon in diamonds:
                painter.drawPolygon(polygon)


class TodayLineItem(QGraphicsItem):
    """The red line of the project's "as of" date (today unless set)."""

    def __init__(self, look: Look) -> None:
        super().__init__()
        self.look = look
        self._line = QLineF()
        self._bounds = QRectF()
        self.setZValue(1.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_line(self, x: float, top: float, bottom: float) -> None:
        self.prepareGeometryChange()
        self._line = QLineF(x, top, x, bottom)
        self._bounds = QRectF(x - 2.0, top, 4.0, bottom - top)

    def x(self) -> float:
        return self._line.x1()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setPen(self.look.today)
        painter.drawLine(self._line)


class LinkPreviewItem(QGraphicsPathItem):
    """The arrow that follows the mouse while a dependency is drawn."""

    def __init__(self, look: Look) -> None:
        super().__init__()
        self.setPen(look.link_preview)
        self.setZValue(10.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def follow(self, start: QPointF, end: QPointF) -> None:
        path = QPainterPath(start)
        path.lineTo(end)
        self.setPath(path)
