"""Views of a timeline: the chart (a graphics view with its time axis and lane titles), the
projector's copy of it, and a table of the same rows.

The chart:

- Mouse wheel zooms in time at the cursor (Ctrl+wheel too; + and - keys, Ctrl+0 shows
  all); a touchpad's two-finger scroll and Shift+wheel scroll; dragging empty space pans;
  Shift/Ctrl+drag on empty space selects with a rubber band.
- Dragging a milestone or bar moves it (all selected items together), by whole days;
  dragging a bar's end changes its start or end; dragging from the round handle at an
  item's right draws a dependency to the item it is dropped on. Escape cancels a drag.
- Keys: arrows move the selection by a day (Shift: a week), Up/Down walk through the items,
  Enter edits, Del deletes, N adds a milestone at the today line, L links two selected
  items.

The view only reports what the user did (signals); the page turns it into operations.
The axis and the lane titles are widgets in the view's margins, painted from the view's
mapping, so they stay put while the chart scrolls, and the projector's copy gets its own.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFrame,
    QGraphicsView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.timeline.queries import Timeline
from myk10_workshop.timeline.rules import ItemRef
from myk10_workshop.ui.bridge import render
from myk10_workshop.ui.timeline.items import (
    BarItem,
    DependencyItem,
    LinkPreviewItem,
    TimelineItem,
)
from myk10_workshop.ui.timeline.scene import (
    KIND_NAMES,
    MEASURE_STATUS,
    MILESTONE_STATUS,
    PHASE_BAND,
    TimelineScene,
    Unit,
    format_date,
    status_label,
    unit_starts,
)

ZOOM_STEP = 1.25
HEADER_ROW = 24
LANE_COLUMN = 180
AXIS_PIXEL_SIZE = 13
# A press that moves less than this (pixels) is a click, not a drag.
DRAG_START = 4


# --------------------------------------------------------------------------- axis labels


def axis_font(zoom: float = 1.0) -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(max(8, round(AXIS_PIXEL_SIZE * zoom)))
    return font


def month_name(month: int, *, long: bool) -> str:
    """The month's name in the UI's language (QLocale follows the chosen language)."""
    return QLocale().standaloneMonthName(
        month, QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat)


def week_label(week: int) -> str:
    return QCoreApplication.translate("TimelineAxis", "W {week}").format(week=week)


def minor_label(unit: Unit, day: dt.date, *, long_months: bool) -> str:
    if unit.name == "day":
        return str(day.day)
    if unit.name == "week":
        return week_label(day.isocalendar()[1])
    if unit.name == "month":
        return month_name(day.month, long=long_months)
    if unit.name == "quarter":
        return QCoreApplication.translate("TimelineAxis", "Q{quarter}").format(
            quarter=(day.month - 1) // 3 + 1)
    return str(day.year)


def major_label(unit: Unit, day: dt.date) -> str:
    if unit.name == "month":
        return f"{month_name(day.month, long=True)} {day.year}"
    return str(day.year)


@dataclass
class AxisPaint:
    """What one axis drawing showed (tests and the export read it)."""

    minor: list[str] = field(default_factory=list)
    major: list[str] = field(default_factory=list)


def paint_axis(painter: QPainter, rect: QRectF, scene: TimelineScene, scene_left: float,
               scene_right: float, *, zoom: float = 1.0) -> AxisPaint:
    """The time axis for scene x ``scene_left`` .. ``scene_right`` drawn into ``rect``: a
    row of major units (years, or months with their year) over a row of minor units
    (quarters, months, weeks or days), whichever fit at this zoom; and the today line's
    date in red."""
    shown = AxisPaint()
    if scene_right <= scene_left or rect.width() <= 0:
        return shown
    factor = rect.width() / (scene_right - scene_left)
    level = scene.axis_level(scene.scale * factor)
    first, last = scene.day_at(scene_left), scene.day_at(scene_right)
    font = axis_font(zoom)
    bold = QFont(font)
    bold.setBold(True)
    row = rect.height() / 2

    def x_of(day: dt.date) -> float:
        return rect.left() + (scene.x_of(day) - scene_left) * factor

    painter.save()
    painter.setClipRect(rect)
    painter.fillRect(rect, QColor("#fafafa"))
    painter.setPen(QPen(QColor("#b0bec5"), 0))
    painter.drawLine(QPointF(rect.left(), rect.bottom() - 0.5),
                     QPointF(rect.right(), rect.bottom() - 0.5))
    minor_top = rect.top() + row if level.major is not None else rect.top()
    minor_height = rect.bottom() - minor_top
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    for day in unit_starts(level.minor, first, last):
        left = x_of(day)
        right = x_of(_next(level.minor, day))
        text = minor_label(level.minor, day, long_months=level.long_months)
        painter.setPen(QPen(QColor("#cfd8dc"), 0))
        painter.drawLine(QPointF(left, minor_top + 3), QPointF(left, rect.bottom()))
        # Centred in the part of the unit that shows; none where half a label would.
        seen_left, seen_right = max(left, rect.left()), min(right, rect.right())
        if metrics.horizontalAdvance(text) + 4 > seen_right - seen_left:
            continue
        painter.setPen(QColor("#37474f"))
        painter.drawText(QRectF(seen_left, minor_top, seen_right - seen_left, minor_height),
                         int(Qt.AlignmentFlag.AlignCenter), text)
        shown.minor.append(text)
    if level.major is not None:
        shown.major = _paint_major(painter, rect, level.major, (first, last), x_of,
                                   bold=bold)
    today_x = x_of(scene.today) + scene.scale * factor / 2
    if rect.left() <= today_x <= rect.right():
        painter.setPen(QPen(QColor("#d32f2f"), 2.0 * zoom))
        painter.drawLine(QPointF(today_x, rect.top() + row), QPointF(today_x, rect.bottom()))
    painter.restore()
    return shown


def _paint_major(painter: QPainter, rect: QRectF, unit: Unit,
                 days: tuple[dt.date, dt.date], x_of: Callable[[dt.date], float], *,
                 bold: QFont) -> list[str]:
    """The upper row of the axis: years, or months with their year. A label stays in view
    while its unit is partly scrolled away, and is left out where it would be cut."""
    shown: list[str] = []
    row = rect.height() / 2
    painter.setFont(bold)
    metrics = QFontMetricsF(bold)
    for day in unit_starts(unit, *days):
        left = x_of(day)
        right = x_of(_next(unit, day))
        text = major_label(unit, day)
        painter.setPen(QPen(QColor("#90a4ae"), 0))
        painter.drawLine(QPointF(left, rect.top()), QPointF(left, rect.bottom()))
        width = metrics.horizontalAdvance(text)
        at = max(left + 6, min(rect.left() + 6, right - width - 6))
        if at + width > min(right, rect.right()):
            continue
        painter.setPen(QColor("#102027"))
        painter.drawText(QRectF(at, rect.top(), max(width + 2, right - at), row),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         text)
        shown.append(text)
    return shown


def _next(unit: Unit, day: dt.date) -> dt.date:
    from myk10_workshop.ui.timeline.scene import next_start

    return next_start(unit, day)


def paint_lanes(painter: QPainter, rect: QRectF, scene: TimelineScene, scene_top: float,
                scene_bottom: float, *, zoom: float = 1.0) -> None:
    """The lane titles for scene y ``scene_top`` .. ``scene_bottom`` drawn into ``rect``,
    in the lanes' shades, with the colour of each phase or field of action."""
    if scene_bottom <= scene_top:
        return
    factor = rect.height() / (scene_bottom - scene_top)

    def y_of(y: float) -> float:
        return rect.top() + (y - scene_top) * factor

    painter.save()
    painter.setClipRect(rect)
    painter.fillRect(rect, QColor("#ffffff"))
    font = axis_font(zoom)
    bold = QFont(font)
    bold.setBold(True)
    band = QRectF(rect.left(), y_of(0.0), rect.width(), PHASE_BAND * factor)
    painter.fillRect(band, QColor("#eceff1"))
    painter.setFont(font)
    painter.setPen(QColor("#455a64"))
    painter.drawText(band.adjusted(10 * zoom, 0, -6 * zoom, 0),
                     int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                     QCoreApplication.translate("TimelineAxis", "Phases"))
    painter.setFont(bold)
    for index, lane in enumerate(scene.lanes):
        top, bottom = y_of(lane.top), y_of(lane.bottom)
        if bottom < rect.top() or top > rect.bottom():
            continue
        box = QRectF(rect.left(), top, rect.width(), bottom - top)
        painter.fillRect(box, QColor("#f5f7f8") if index % 2 else QColor("#ffffff"))
        if lane.colour:
            painter.fillRect(QRectF(rect.left(), top, 6 * zoom, bottom - top),
                             QColor(lane.colour))
        painter.setPen(QPen(QColor("#b0bec5"), 0))
        painter.drawLine(QPointF(rect.left(), top), QPointF(rect.right(), top))
        painter.setPen(QColor("#102027"))
        # The title stays readable while its lane is partly scrolled away.
        text_box = QRectF(rect.left() + 12 * zoom, max(top, rect.top()) + 4 * zoom,
                          rect.width() - 18 * zoom,
                          max(0.0, min(bottom, rect.bottom()) - max(top, rect.top())
                              - 8 * zoom))
        painter.drawText(text_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), lane.title)
    painter.setPen(QPen(QColor("#90a4ae"), 0))
    painter.drawLine(QPointF(rect.right() - 0.5, rect.top()),
                     QPointF(rect.right() - 0.5, rect.bottom()))
    painter.restore()


class AxisHeader(QWidget):
    """The time axis above a chart view, following its scroll and zoom."""

    def __init__(self, view: ChartView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("timelineAxis")
        self.shown = AxisPaint()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        viewport = self.view.viewport()
        left = self.view.mapToScene(QPoint(0, 0)).x()
        right = self.view.mapToScene(QPoint(viewport.width(), 0)).x()
        self.shown = paint_axis(painter, QRectF(self.rect()), self.view.timeline_scene, left,
                                right, zoom=self.view.zoom())
        painter.end()


class LaneColumn(QWidget):
    """The lane titles left of a chart view, following its vertical scroll."""

    def __init__(self, view: ChartView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("timelineLanes")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        header = self.view.header_height()
        painter.fillRect(QRectF(0, 0, self.width(), header), QColor("#fafafa"))
        viewport = self.view.viewport()
        top = self.view.mapToScene(QPoint(0, 0)).y()
        bottom = self.view.mapToScene(QPoint(0, viewport.height())).y()
        paint_lanes(painter, QRectF(0, header, self.width(), viewport.height()),
                    self.view.timeline_scene, top, bottom, zoom=self.view.zoom())
        painter.end()


class ChartView(QGraphicsView):
    """A graphics view of a timeline with its axis above and lane titles left of it."""

    def __init__(self, scene: TimelineScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.timeline_scene = scene
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        # No background cache: a pan would scroll the cached pixmap as well as the
        # viewport (a third of a millisecond a frame), to save drawing a strip that is
        # cheap to draw (TimelineScene.drawBackground paints only what is exposed).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.header = AxisHeader(self)
        self.lane_column = LaneColumn(self)
        self._place_margins()
        scene.layout_changed.connect(self._repaint_margins)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.header.update())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.lane_column.update())

    def zoom(self) -> float:
        """How much larger than the scene this view shows things (1 but for projectors)."""
        return self.transform().m11()

    def header_height(self) -> int:
        return round(2 * HEADER_ROW * self.zoom())

    def column_width(self) -> int:
        return round(LANE_COLUMN * min(self.zoom(), 1.6))

    def _place_margins(self) -> None:
        self.setViewportMargins(self.column_width(), self.header_height(), 0, 0)
        self._place_widgets()

    def _place_widgets(self) -> None:
        viewport = self.viewport().geometry()
        self.header.setGeometry(viewport.left(), viewport.top() - self.header_height(),
                                viewport.width(), self.header_height())
        self.lane_column.setGeometry(viewport.left() - self.column_width(),
                                     viewport.top() - self.header_height(),
                                     self.column_width(),
                                     viewport.height() + self.header_height())

    def _repaint_margins(self) -> None:
        self.header.update()
        self.lane_column.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_widgets()

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()


@dataclass
class _Drag:
    """A press on the chart and what it became."""

    mode: str  # "move", "start", "end", "link", "pan"
    item: TimelineItem | None
    items: list[TimelineItem]
    press_view: QPointF
    press_scene: QPointF
    started: bool = False
    days: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    target: TimelineItem | None = None


class TimelineView(ChartView):
    """The facilitator's chart: zoom, pan, select, drag, link, keys (see the module)."""

    # The visible part changed (pan, zoom): the projector follows.
    view_changed = Signal()
    # [(kind, id)], days
    items_moved = Signal(object, int)
    # kind, id, "start" | "end", new date
    bar_resized = Signal(str, object, str, object)
    # predecessor ItemRef, successor ItemRef
    link_requested = Signal(object, object)
    # Link the two selected items (key L).
    link_selected_requested = Signal()
    edit_requested = Signal(object)
    delete_requested = Signal()
    # a date (double-click on empty space: that day; key N: None, the today line) and the
    # key of the lane under the cursor ("" when none)
    new_milestone_requested = Signal(object, str)
    # A new measure (M) at a day (None: the red line) in a lane (its key), or a new phase (P).
    new_measure_requested = Signal(object, str)
    new_phase_requested = Signal(object)
    # an item (or None), global position
    context_requested = Signal(object, QPoint)

    def __init__(self, scene: TimelineScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("timelineView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setMouseTracking(True)
        self._drag: _Drag | None = None
        self._link_preview = LinkPreviewItem(scene.look)
        self._link_preview.hide()
        scene.addItem(self._link_preview)
        # The date of what is being dragged, next to the cursor.
        self.tip = QLabel(self.viewport())
        self.tip.setObjectName("timelineDragTip")
        self.tip.setStyleSheet("QLabel#timelineDragTip { background: #263238; color: white;"
                               " border-radius: 4px; padding: 3px 8px; }")
        self.tip.setTextFormat(Qt.TextFormat.PlainText)
        self.tip.hide()
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.view_changed.emit())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.view_changed.emit())
        self.view_changed.connect(self.stick_labels)
        scene.layout_changed.connect(self.stick_labels)
        self.setAccessibleName(self.tr("Timeline"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Timeline"))
        super().changeEvent(event)

    def stick_labels(self) -> None:
        """Labels inside long bars stay in view (see TimelineScene.stick_labels)."""
        if shiboken6.isValid(self.timeline_scene):  # not while the page is torn down
            self.timeline_scene.stick_labels(self.visible_scene_rect())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.stick_labels()

    # ----------------------------------------------------------------- zoom and scroll

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom in time around ``anchor`` (viewport pixels; default the middle): the day
        under it stays under it, and so does the lane."""
        scene = self.timeline_scene
        where = anchor if anchor is not None else QPointF(self.viewport().rect().center())
        self._keeping(where, lambda: scene.set_scale(scene.scale * factor))
        self.view_changed.emit()

    def set_scale(self, scale: float) -> None:
        self.zoom_by(scale / self.timeline_scene.scale)

    def _keeping(self, anchor: QPointF, change: Any) -> None:
        """Run ``change`` (a relayout) and scroll so that the day and the lane under
        ``anchor`` are under it again."""
        scene = self.timeline_scene
        point = self.mapToScene(anchor.toPoint())
        days = point.x() / scene.scale
        lane = scene.lane_at(point.y())
        key, offset = (lane.key, point.y() - lane.top) if lane is not None else ("", 0.0)
        change()
        x = days * scene.scale
        new_lane = next((candidate for candidate in scene.lanes if candidate.key == key),
                        None)
        y = (new_lane.top + min(offset, new_lane.height - 1)) if new_lane is not None else (
            point.y())
        now = self.mapToScene(anchor.toPoint())
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() + round(x - now.x()))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + round(y - now.y()))

    def keep_view(self, change: Any) -> None:
        """Run a relayout that must not move what the facilitator is looking at."""
        self._keeping(QPointF(0.0, 0.0), change)

    def fit_all(self) -> None:
        """The whole plan across the view, from the top."""
        scene = self.timeline_scene
        first, last = scene.span()
        days = (last - first).days + 1
        width = max(100, self.viewport().width())
        scene.set_scale(width * 0.94 / max(days, 1))
        self.horizontalScrollBar().setValue(
            self.horizontalScrollBar().minimum() + round(
                scene.x_of(first) - width * 0.03 - scene.sceneRect().left()))
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self.view_changed.emit()

    def show_date(self, day: dt.date) -> None:
        """Scroll so that ``day`` is in the middle (the zoom stays)."""
        scene = self.timeline_scene
        now = self.mapToScene(self.viewport().rect().center())
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() + round(scene.x_of(day) - now.x()))

    def show_item(self, item: TimelineItem) -> None:
        self.ensureVisible(item.sceneBoundingRect(), 60, 40)

    # ----------------------------------------------------------------- finding items

    def item_at(self, position: QPoint) -> TimelineItem | DependencyItem | None:
        """The milestone, bar or arrow under a viewport point (the topmost)."""
        for item in self.items(position):
            if isinstance(item, TimelineItem | DependencyItem) and item.isVisible():
                return item
        return None

    def plan_item_at(self, position: QPoint) -> TimelineItem | None:
        item = self.item_at(position)
        return item if isinstance(item, TimelineItem) else None

    # ----------------------------------------------------------------- mouse

    def wheelEvent(self, event: QWheelEvent) -> None:
        pixel = event.pixelDelta()
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ShiftModifier and pixel.isNull():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y() // 2)
            event.accept()
            return
        if modifiers & Qt.KeyboardModifier.ControlModifier or pixel.isNull():
            degrees = event.angleDelta().y() or event.angleDelta().x()
            if degrees:
                self.zoom_by(ZOOM_STEP ** (degrees / 120.0), event.position())
            event.accept()
            return
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - pixel.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - pixel.y())
        event.accept()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QNativeGestureEvent) and (
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture):
            self.zoom_by(1.0 + event.value(), event.position())
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        scene = self.timeline_scene
        position = event.position()
        at = position.toPoint()
        scene_point = self.mapToScene(at)
        select_more = bool(event.modifiers() & (Qt.KeyboardModifier.ShiftModifier
                                                | Qt.KeyboardModifier.ControlModifier))
        if event.button() == Qt.MouseButton.MiddleButton:
            self._drag = _Drag("pan", None, [], position, scene_point)
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        item = self.item_at(at)
        if isinstance(item, DependencyItem):
            if not select_more:
                scene.clearSelection()
            item.setSelected(not item.isSelected() if select_more else True)
            event.accept()
            return
        if isinstance(item, TimelineItem):
            zone = item.zone_at(item.mapFromScene(scene_point))
            if select_more and zone != "link":
                item.setSelected(not item.isSelected())
                event.accept()
                return
            if not item.isSelected():
                scene.clearSelection()
                item.setSelected(True)
            if zone == "body":
                items = [i for i in scene.selected_plan_items() if i.first is not None]
                self._drag = _Drag("move", item, items, position, scene_point)
            else:
                self._drag = _Drag(zone, item, [item], position, scene_point)
                if isinstance(item, BarItem):
                    self._drag.first, self._drag.last = item.starts_on, item.ends_on
            event.accept()
            return
        if select_more:
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            super().mousePressEvent(event)
            return
        scene.clearSelection()
        self._drag = _Drag("pan", None, [], position, scene_point)
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        if drag is None:
            super().mouseMoveEvent(event)
            return
        position = event.position()
        if drag.mode == "pan":
            delta = position - drag.press_view
            drag.press_view = position
            self.horizontalScrollBar().setValue(
                self.horizontalScrollBar().value() - round(delta.x()))
            self.verticalScrollBar().setValue(
                self.verticalScrollBar().value() - round(delta.y()))
            event.accept()
            return
        if not drag.started:
            if (position - drag.press_view).manhattanLength() < DRAG_START:
                event.accept()
                return
            drag.started = True
        scene = self.timeline_scene
        scene_point = self.mapToScene(position.toPoint())
        if drag.mode == "move":
            days = round((scene_point.x() - drag.press_scene.x()) / scene.scale)
            if days != drag.days:
                drag.days = days
                scene.preview_shift(drag.items, days)
            self._show_tip(position, self._move_text(drag))
        elif drag.mode in ("start", "end") and isinstance(drag.item, BarItem):
            self._resize_to(drag, drag.item, scene_point.x(), position)
        elif drag.mode == "link" and drag.item is not None:
            self._link_preview.show()
            self._link_preview.follow(drag.item.out_point(), scene_point)
            target = self.plan_item_at(position.toPoint())
            if target is drag.item or (target is not None and not target.can_link()):
                target = None
            if target is not drag.target:
                if drag.target is not None:
                    drag.target.set_target(False)
                if target is not None:
                    target.set_target(True)
                drag.target = target
        event.accept()

    def _resize_to(self, drag: _Drag, item: BarItem, x: float, position: QPointF) -> None:
        scene = self.timeline_scene
        boundary = scene.boundary_at(x)
        starts_on, ends_on = item.starts_on, item.ends_on
        if drag.mode == "end" and ends_on is not None:
            new_end = boundary - dt.timedelta(days=1)
            if starts_on is not None:
                new_end = max(new_end, starts_on)
            drag.last = new_end
            scene.preview_span(item, starts_on or new_end, new_end)
            self._show_tip(position, format_date(new_end))
        elif drag.mode == "start" and starts_on is not None:
            new_start = boundary
            if ends_on is not None:
                new_start = min(new_start, ends_on)
            drag.first = new_start
            scene.preview_span(item, new_start, ends_on or new_start)
            self._show_tip(position, format_date(new_start))

    def _move_text(self, drag: _Drag) -> str:
        item = drag.item
        if item is None:
            return ""
        shift = dt.timedelta(days=drag.days)
        first, last = item.first, item.last
        if first is None or last is None:
            return ""
        try:
            text = format_date(first + shift) if first == last else self.tr(
                "{start} to {end}").format(start=format_date(first + shift),
                                           end=format_date(last + shift))
        except OverflowError:
            return ""
        sign = f"{drag.days:+d}"
        return (self.tr("{dates} ({shift} day)") if abs(drag.days) == 1
                else self.tr("{dates} ({shift} days)")).format(dates=text, shift=sign)

    def _show_tip(self, position: QPointF, text: str) -> None:
        if not text:
            self.tip.hide()
            return
        self.tip.setText(text)
        self.tip.adjustSize()
        x = min(int(position.x()) + 16, self.viewport().width() - self.tip.width() - 4)
        y = max(4, int(position.y()) - self.tip.height() - 12)
        self.tip.move(max(4, x), y)
        self.tip.show()
        self.tip.raise_()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self.tip.hide()
        if drag is None:
            super().mouseReleaseEvent(event)
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            return
        event.accept()
        if drag.mode == "pan":
            self.viewport().unsetCursor()
            return
        if not drag.started:
            if drag.mode == "move" and drag.item is not None and len(drag.items) > 1:
                # A click (no drag) on one of several selected items selects just it.
                self.timeline_scene.clearSelection()
                drag.item.setSelected(True)
            return
        if drag.mode == "move":
            if drag.days:
                self.items_moved.emit([(i.kind, i.id) for i in drag.items], drag.days)
            else:
                self.timeline_scene.end_preview(drag.items)
        elif drag.mode in ("start", "end") and isinstance(drag.item, BarItem):
            item = drag.item
            new = drag.last if drag.mode == "end" else drag.first
            old = item.ends_on if drag.mode == "end" else item.starts_on
            if new is not None and new != old:
                self.bar_resized.emit(item.kind, item.id, drag.mode, new)
            else:
                self.timeline_scene.end_preview([item])
        elif drag.mode == "link" and drag.item is not None:
            self._link_preview.hide()
            if drag.target is not None:
                drag.target.set_target(False)
                self.link_requested.emit(drag.item.ref, drag.target.ref)

    def cancel_drag(self) -> bool:
        """Escape: put everything back as it was before the drag. False if none ran."""
        drag, self._drag = self._drag, None
        self.tip.hide()
        if drag is None:
            return False
        if drag.mode == "pan":
            self.viewport().unsetCursor()
        elif drag.mode == "link":
            self._link_preview.hide()
            if drag.target is not None:
                drag.target.set_target(False)
        else:
            self.timeline_scene.end_preview(drag.items)
        return True

    def dragging(self) -> bool:
        return self._drag is not None and self._drag.started

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        item = self.plan_item_at(event.position().toPoint())
        if item is not None:
            self.edit_requested.emit(item)
        else:
            point = self.mapToScene(event.position().toPoint())
            scene = self.timeline_scene
            lane = scene.lane_at(point.y())
            self.new_milestone_requested.emit(scene.day_at(point.x()),
                                              lane.key if lane is not None else "")
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.item_at(event.pos())
        if item is not None and not item.isSelected():
            self.timeline_scene.clearSelection()
            item.setSelected(True)
        self.context_requested.emit(item, event.globalPos())

    # ----------------------------------------------------------------- keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._arrow_key(event) or self._command_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _arrow_key(self, event: QKeyEvent) -> bool:
        """Arrows move the selection by days (Shift: weeks) or walk through the items;
        with nothing selected they scroll."""
        key = event.key()
        arrows = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
        if key not in arrows or event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        scene = self.timeline_scene
        selected = [i for i in scene.selected_plan_items() if i.first is not None]
        horizontal = key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
        forward = key in (Qt.Key.Key_Right, Qt.Key.Key_Down)
        if horizontal and selected:
            step = 7 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            self.items_moved.emit([(i.kind, i.id) for i in selected],
                                  step if forward else -step)
        elif not horizontal and scene.selected_plan_items():
            self._walk(1 if forward else -1)
        else:
            bar = self.horizontalScrollBar() if horizontal else self.verticalScrollBar()
            bar.setValue(bar.value() + (80 if forward else -80))
        return True

    def _command_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        scene = self.timeline_scene
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Escape:
            if not self.cancel_drag():
                scene.clearSelection()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            items = scene.selected_plan_items()
            if len(items) == 1:
                self.edit_requested.emit(items[0])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            self.zoom_by(1 / ZOOM_STEP if key == Qt.Key.Key_Minus else ZOOM_STEP)
        elif key == Qt.Key.Key_0 and control:
            self.fit_all()
        elif key == Qt.Key.Key_N and not control:
            self.new_milestone_requested.emit(None, "")
        elif key == Qt.Key.Key_M and not control:
            self.new_measure_requested.emit(None, "")
        elif key == Qt.Key.Key_P and not control:
            self.new_phase_requested.emit(None)
        elif key == Qt.Key.Key_L and not control:
            self.link_selected_requested.emit()
        else:
            return False
        return True

    def _walk(self, step: int) -> None:
        """Select the next item down (or up) the chart, and show it."""
        scene = self.timeline_scene
        ordered: list[TimelineItem] = [i for i in scene.phases.values() if i.isVisible()]
        for lane in scene.lanes:
            ordered += [*lane.milestones, *lane.bars]
        current = scene.selected_plan_items()
        if not ordered or not current:
            return
        index = max(ordered.index(i) for i in current if i in ordered) if step > 0 else min(
            ordered.index(i) for i in current if i in ordered)
        chosen = ordered[max(0, min(len(ordered) - 1, index + step))]
        scene.clearSelection()
        chosen.setSelected(True)
        self.show_item(chosen)


# --------------------------------------------------------------------------- projector


class ProjectorView(ChartView):
    """The room's copy of the chart: the same scene, larger, nothing to click or scroll
    (a stray touch on the second screen must not move it away from the facilitator's)."""

    def __init__(self, scene: TimelineScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("timelineProjectorView")
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)

    def show_rect(self, target: QRectF) -> None:
        """Show ``target`` (the facilitator's visible part) as large as it fits across."""
        if target.isEmpty():
            return
        available = max(1, self.width() - self.column_width())
        zoom = max(0.5, min(3.0, available / target.width()))
        if abs(zoom - self.zoom()) > 1e-3:
            self.resetTransform()
            self.scale(zoom, zoom)
            self._place_margins()
        now = self.mapToScene(QPoint(0, 0))
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() + round((target.left() - now.x()) * zoom))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + round((target.top() - now.y()) * zoom))
        self._repaint_margins()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


class TimelineProjector(QWidget):
    """A window for the projector that mirrors the facilitator's chart, larger.

    Full screen on a second screen if there is one; F11 toggles full screen and Escape
    leaves it (never closes the window: pressed in a hurry, it must not drop the wall).
    """

    closed = Signal()

    def __init__(self, scene: TimelineScene, follow: TimelineView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("timelineProjector")
        self._follow = follow
        self.view = ProjectorView(scene, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(33)
        self._timer.timeout.connect(self.sync_now)
        follow.view_changed.connect(self._timer.start)
        scene.layout_changed.connect(self._timer.start)
        self.setWindowTitle(self.tr("Timeline on the projector"))

    def show_on_best_screen(self) -> None:
        from myk10_workshop.ui.board.projector import show_on_projector_screen

        show_on_projector_screen(self, self._follow)
        self._timer.start()

    def sync_now(self) -> None:
        self._timer.stop()
        self.view.show_rect(self._follow.visible_scene_rect())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Timeline on the projector"))
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.showFullScreen()
        elif event.key() == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._timer.start()

    def closeEvent(self, event: Any) -> None:
        self._timer.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()


# --------------------------------------------------------------------------- table


@dataclass(frozen=True)
class TableRow:
    kind: str
    id: uuid.UUID
    title: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    status: str
    owner: str
    group_id: uuid.UUID | None
    group_name: str
    colour: str | None
    warnings: tuple[str, ...] = ()


KIND, TITLE, START, END, STATUS, OWNER, GROUP = range(7)
AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day is not None else QDate()


class TimelineTableModel(QAbstractTableModel):
    """The timeline's phases, milestones and measures as table rows. Edits are not made
    here: they are asked for (:attr:`edit_requested`) and come back with the next
    snapshot, like every other change."""

    # kind, id, {field: value}
    edit_requested = Signal(str, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TableRow] = []
        self.timeline: Timeline | None = None

    def set_timeline(self, timeline: Timeline | None,
                     warnings: dict[ItemRef, list[str]] | None = None) -> None:
        """Show a snapshot. The same rows in the same order (an edit of a cell, a drag on
        the chart) only change their cells, so the table keeps its selection, its current
        cell and its place: a reset after every edit would throw the keyboard out."""
        rows = table_rows(timeline, warnings or {}) if timeline is not None else []
        same = [(r.kind, r.id) for r in rows] == [(r.kind, r.id) for r in self.rows]
        if same and rows:
            self.timeline = timeline
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, GROUP))
            return
        self.beginResetModel()
        self.timeline = timeline
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Kind"), self.tr("Title"), self.tr("Start"), self.tr("End / due"),
                  self.tr("Status"), self.tr("Owner"), self.tr("Phase / field of action"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable(self.rows[index.row()], index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    @staticmethod
    def _editable(row: TableRow, column: int) -> bool:
        if column in (TITLE, END):
            return True
        if column == START:
            return row.kind != "milestone"
        return column in (STATUS, OWNER, GROUP) and row.kind != "phase"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(row, column)
        if role == SORT_ROLE:
            if column in (START, END):
                day = row.starts_on if column == START else row.ends_on
                return day.isoformat() if day is not None else "9999"
            return self._display(row, column).casefold()
        return self._look(row, column, role)

    def _edit_value(self, row: TableRow, column: int) -> Any:
        values: dict[int, Any] = {START: _qdate(row.starts_on), END: _qdate(row.ends_on),
                                  STATUS: row.status,
                                  GROUP: str(row.group_id) if row.group_id else ""}
        return values[column] if column in values else self._display(row, column)

    @staticmethod
    def _look(row: TableRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == GROUP and row.colour:
            return QColor(row.colour)
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, OWNER):
            # Long titles and owners are cut in their cells: the whole text on hover.
            text = row.title if column == TITLE else row.owner
            return "\n".join((text, *(f"⚠ {warning}" for warning in row.warnings)))
        if role == Qt.ItemDataRole.ForegroundRole and column == TITLE and row.warnings:
            return QBrush(QColor("#b71c1c"))
        return None

    def _display(self, row: TableRow, column: int) -> str:
        if column == KIND:
            return render(KIND_NAMES[row.kind])
        texts = {
            TITLE: ("⚠ " if row.warnings else "") + row.title,
            START: format_date(row.starts_on) if row.kind != "milestone" else "",
            END: format_date(row.ends_on),
            STATUS: status_label(row.kind, row.status) if row.status else "",
            OWNER: row.owner,
            GROUP: row.group_name,
        }
        return texts.get(column, "")

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = self.rows[index.row()], index.column()
        if not self._editable(row, column):
            return False
        changes = self._changes(row, column, value)
        if changes is None:
            return False
        self.edit_requested.emit(row.kind, row.id, changes)
        return True

    @staticmethod
    def _changes(row: TableRow, column: int, value: Any) -> dict[str, Any] | None:
        """The fields an edit of a cell changes (None: nothing changes)."""
        if column in (START, END):
            day = value.toPython() if isinstance(value, QDate) and value.isValid() else None
            name = "starts_on" if column == START else (
                "due_on" if row.kind == "milestone" else "ends_on")
            old: Any = row.starts_on if column == START else row.ends_on
            new: Any = day if isinstance(day, dt.date) else None
        elif column == GROUP:
            name = "phase_id" if row.kind == "milestone" else "field_of_action_id"
            old, new = row.group_id, uuid.UUID(value) if value else None
        else:
            text = str(value).strip()
            name = {TITLE: "name" if row.kind == "phase" else "title", STATUS: "status",
                    OWNER: "owner"}.get(column, "")
            old = {TITLE: row.title, STATUS: row.status, OWNER: row.owner}.get(column)
            new = text
            if column == TITLE and not text:
                new = old  # an empty title is no title: keep the old one
        if not name or new == old or (new is None and column != GROUP):
            return None
        return {name: new}

    def choices(self, index: AnyIndex) -> list[tuple[str, str]]:
        """(label, value) of what a cell may be set to; empty for free text and dates."""
        if not index.isValid() or self.timeline is None:
            return []
        row, column = self.rows[index.row()], index.column()
        if column == STATUS and row.kind != "phase":
            names = MILESTONE_STATUS if row.kind == "milestone" else MEASURE_STATUS
            return [(render(message), value) for value, message in names.items()]
        if column == GROUP and row.kind == "milestone":
            return [(self.tr("(none)"), ""), *((p.name, str(p.id))
                                                for p in self.timeline.phases)]
        if column == GROUP and row.kind == "measure":
            return [(self.tr("(none)"), ""), *((f.name, str(f.id))
                                                for f in self.timeline.fields)]
        return []

    def row_of(self, kind: str, item_id: uuid.UUID) -> int:
        for number, row in enumerate(self.rows):
            if row.kind == kind and row.id == item_id:
                return number
        return -1


def table_rows(timeline: Timeline, warnings: dict[ItemRef, list[str]]) -> list[TableRow]:
    """Phases first, then milestones and measures by date."""
    phases = {p.id: p for p in timeline.phases}
    rows = [TableRow("phase", p.id, p.name, p.starts_on, p.ends_on, "", "", None, "",
                     p.colour) for p in timeline.phases]
    dated: list[tuple[dt.date, TableRow]] = []
    for milestone in timeline.milestones:
        phase = phases.get(milestone.phase_id) if milestone.phase_id else None
        dated.append((milestone.due_on, TableRow(
            "milestone", milestone.id, milestone.title, None, milestone.due_on,
            milestone.status, milestone.owner, phase.id if phase else None,
            phase.name if phase else "", phase.colour if phase else None,
            tuple(warnings.get(milestone.ref, ())))))
    for measure in timeline.measures:
        day = measure.starts_on or measure.ends_on or dt.date.max
        dated.append((day, TableRow(
            "measure", measure.id, measure.title, measure.starts_on, measure.ends_on,
            measure.status, measure.owner, measure.field_of_action_id, measure.field_name,
            measure.field_colour if measure.field_of_action_id else None,
            tuple(warnings.get(measure.ref, ())))))
    dated.sort(key=lambda entry: (entry[0], entry[1].title))
    return rows + [row for _day, row in dated]


class TimelineDelegate(QStyledItemDelegate):
    """Lists for status, phase and field; a calendar for dates; text for the rest."""

    def __init__(self, model: TimelineTableModel, proxy: QSortFilterProxyModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = proxy

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        source = self.proxy.mapToSource(index) if index.model() is self.proxy else index
        choices = self.model.choices(source)
        if choices:
            combo = QComboBox(parent)
            for label, value in choices:
                combo.addItem(label, value)
            return combo
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, QDate):
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
            editor.setDisplayFormat(pattern if "yyyy" in pattern
                                    else pattern.replace("yy", "yyyy"))
            editor.setMinimumDate(QDate(2000, 1, 1))
            editor.setMaximumDate(QDate(2100, 12, 31))
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: AnyIndex,
                      ) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(0, found))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value if isinstance(value, QDate) and value.isValid()
                           else QDate.currentDate())
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any,
                     index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def select_rows(view: QAbstractItemView, proxy: QSortFilterProxyModel,
                rows: Sequence[int]) -> None:
    """Select rows of the source model in a table that shows them through ``proxy``."""
    selection = view.selectionModel()
    source = proxy.sourceModel()
    selection.clearSelection()
    for row in rows:
        index = proxy.mapFromSource(source.index(row, 0))
        if index.isValid():
            selection.select(index, QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
