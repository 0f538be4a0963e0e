"""The minimap: a small overview of the whole board in a corner of the board view.

It has to stay cheap on boards with ten thousand notes, so it is not a second graphics view
(which would paint every item through Python). It draws plain rectangles from the rows the
items show (positions, colours, frames) into a pixmap, at most twice a second while the
board changes; showing it only copies that pixmap and draws the rectangle of the part of
the board that the view shows.

It is not a widget either: the view paints it as an overlay in its foreground and passes
it the mouse events over it. A child widget over the viewport would be scrolled along with
every pan frame and moved back (4 ms a frame with ten thousand notes).
"""

from __future__ import annotations

import math
import uuid
from collections import defaultdict

from PySide6.QtCore import (
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPen,
    QPixmap,
    QTransform,
)

from myk10_workshop.board.layout import CLUSTER_HEADER, NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.board.queries import IdeaView
from myk10_workshop.ui.board.items import Highlight
from myk10_workshop.ui.board.view import BoardView

MINIMAP_SIZE = QSize(220, 150)
# Distance from the corner of the view.
CORNER_MARGIN = 12
# Re-render at most this often while the board changes (a drag changes it every frame).
RENDER_INTERVAL_MS = 500
# Space inside the widget's border, in pixels.
INSET = 4
# The smallest marker of the visible area, in pixels, so it can still be seen and grabbed.
MIN_MARKER = 6.0

MATCH_COLOUR = "#d32f2f"
MARKER_COLOUR = QColor("#1565c0")
# (x, y, width, height, colour) of a cluster frame, in scene units.
FrameBox = tuple[float, float, float, float, str]
# A note's row and its search/filter highlight.
NoteSpot = tuple[IdeaView, int]


class Minimap(QObject):
    """An overview in a corner of ``view``'s viewport; click or drag in it to move the view.

    It hides itself while the board is empty. :meth:`set_wanted` switches it off and on for
    good (a user setting); :meth:`refresh` renders it now instead of within half a second.
    """

    def __init__(self, view: BoardView,
                 corner: Qt.Corner = Qt.Corner.BottomRightCorner) -> None:
        super().__init__(view)
        self.setObjectName("boardMinimap")
        self._view = view
        self._corner = corner
        self._wanted = True
        self._has_content = False
        self._visible = False
        self._dragging = False
        self._pixmap = QPixmap()
        self._to_map = QTransform()
        self._to_scene = QTransform()
        view.overlay = self

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RENDER_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh)
        # Not QGraphicsScene.changed: handing its list of regions to Python costs a
        # wrapper per region (ten thousand when the far-out drawing switches on).
        view.board.content_changed.connect(self._on_scene_changed)
        view.view_changed.connect(self._on_view_changed)
        self.refresh()

    # ----------------------------------------------------------------- public API

    def refresh(self) -> None:
        """Render the overview now (and show or hide the minimap with the board's content)."""
        self._timer.stop()
        if self._wanted:
            self._render()
        self._update_visibility()
        self.update()

    # ----------------------------------------------------------------- as an overlay

    def view(self) -> BoardView:
        return self._view

    def isVisible(self) -> bool:
        return self._visible

    def width(self) -> int:
        return MINIMAP_SIZE.width()

    def height(self) -> int:
        return MINIMAP_SIZE.height()

    def rect(self) -> QRect:
        return QRect(QPoint(0, 0), MINIMAP_SIZE)

    def pos(self) -> QPoint:
        """Top-left corner in viewport coordinates, in the chosen corner."""
        room = self._view.viewport().rect()
        left = self._corner in (Qt.Corner.TopLeftCorner, Qt.Corner.BottomLeftCorner)
        top = self._corner in (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner)
        x = CORNER_MARGIN if left else room.width() - MINIMAP_SIZE.width() - CORNER_MARGIN
        y = CORNER_MARGIN if top else room.height() - MINIMAP_SIZE.height() - CORNER_MARGIN
        return QPoint(max(0, x), max(0, y))

    def geometry(self) -> QRect:
        return QRect(self.pos(), MINIMAP_SIZE)

    def update(self) -> None:
        """Have the view repaint the minimap's corner."""
        self._view.viewport().update(self.geometry().adjusted(-2, -2, 2, 2))

    def paint(self, painter: QPainter) -> None:
        """Draw into the viewport (device coordinates), called from the view's foreground."""
        if not self._visible:
            return
        painter.save()
        painter.translate(QPointF(self.pos()))
        self._paint_content(painter)
        painter.restore()

    def grab(self) -> QPixmap:
        """The minimap as shown (for tests and screenshots)."""
        image = QPixmap(MINIMAP_SIZE)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            self._paint_content(painter)
        finally:
            painter.end()
        return image

    def press(self, point: QPointF) -> bool:
        """A press at ``point`` (viewport coordinates); True when the minimap took it."""
        if not self._visible or not self.geometry().contains(point.toPoint()):
            return False
        self._dragging = True
        self._centre_at(point - QPointF(self.pos()))
        return True

    def drag(self, point: QPointF) -> bool:
        if not self._dragging:
            return False
        self._centre_at(point - QPointF(self.pos()))
        return True

    def release(self) -> bool:
        was, self._dragging = self._dragging, False
        return was

    def set_wanted(self, wanted: bool) -> None:
        """Switch the minimap on or off; while on, it still hides on an empty board."""
        self._wanted = wanted
        self.refresh()

    def is_wanted(self) -> bool:
        return self._wanted

    def scene_point(self, point: QPointF) -> QPointF:
        """The board position under ``point`` (in minimap pixels)."""
        return self._to_scene.map(point)

    def map_point(self, point: QPointF) -> QPointF:
        """Where the board position ``point`` is drawn in the minimap."""
        return self._to_map.map(point)

    def viewport_marker(self) -> QRectF:
        """The rectangle (in minimap pixels) showing what the view shows."""
        if not self._has_content:
            return QRectF()
        marker = self._to_map.mapRect(self._view.visible_scene_rect())
        if marker.width() < MIN_MARKER or marker.height() < MIN_MARKER:
            centre = marker.center()
            marker.setSize(marker.size().expandedTo(QSizeF(MIN_MARKER, MIN_MARKER)))
            marker.moveCenter(centre)
        inner = QRectF(self.rect()).adjusted(1.0, 1.0, -1.0, -1.0)
        return marker.intersected(inner)

    # ----------------------------------------------------------------- rendering

    def _render(self) -> None:
        """Draw the board as rectangles: frames, then notes grouped by colour.

        Reads the rows the items show (IdeaView/ClusterView): plain Python attributes, where
        asking ten thousand items for their scene position would build ten thousand Qt
        objects. Notes that land on the same pixel are drawn once.
        """
        scene = self._view.board
        frames: list[FrameBox] = []
        collapsed: set[uuid.UUID] = set()
        for cluster_id, frame in scene.clusters.items():
            cluster = frame.cluster
            width, height = frame.frame_size()
            if cluster.collapsed:
                collapsed.add(cluster_id)
                height = CLUSTER_HEADER
            frames.append((cluster.x, cluster.y, width, height, cluster.colour))
        notes = [(note.idea, note.highlight) for note in scene.notes.values()
                 if note.idea.cluster_id not in collapsed]
        self._has_content = bool(frames or notes)
        ratio = self._view.devicePixelRatioF()
        pixmap = QPixmap(MINIMAP_SIZE * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            self._paint_background(painter, scene.backgroundBrush())
            if self._has_content:
                self._fit(frames, notes)
                self._paint_frames(painter, frames)
                self._paint_notes(painter, notes, ratio)
        finally:
            painter.end()
        self._pixmap = pixmap

    def _fit(self, frames: list[FrameBox], notes: list[NoteSpot]) -> None:
        """Scale and centre the content (with a margin) into the widget."""
        boxes = frames + [(idea.x, idea.y, NOTE_WIDTH, NOTE_HEIGHT, "") for idea, _h in notes]
        left = min(box[0] for box in boxes)
        top = min(box[1] for box in boxes)
        right = max(box[0] + box[2] for box in boxes)
        bottom = max(box[1] + box[3] for box in boxes)
        content = QRectF(QPointF(left, top), QPointF(right, bottom))
        margin = max(content.width(), content.height()) * 0.03 + 20.0
        content.adjust(-margin, -margin, margin, margin)
        area = QRectF(self.rect()).adjusted(INSET, INSET, -INSET, -INSET)
        scale = min(area.width() / content.width(), area.height() / content.height())
        dx = area.center().x() - content.center().x() * scale
        dy = area.center().y() - content.center().y() * scale
        self._to_map = QTransform(scale, 0.0, 0.0, scale, dx, dy)
        self._to_scene = self._to_map.inverted()[0]

    def _paint_background(self, painter: QPainter, board: QBrush) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(0, 0, 0, 90), 1.0))
        background = QColor(board.color()) if board.style() != Qt.BrushStyle.NoBrush \
            else QColor("#ffffff")
        background.setAlpha(235)
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6.0, 6.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_frames(self, painter: QPainter, frames: list[FrameBox]) -> None:
        # As on the board: a light tint of the colour behind the notes, a strong title bar.
        painter.save()
        painter.setTransform(self._to_map, True)
        for x, y, width, height, colour in frames:
            strong = QColor(colour)
            tint = QColor(strong)
            tint.setAlpha(70)
            painter.setPen(QPen(strong.darker(130), 0))  # cosmetic: one pixel at any scale
            painter.setBrush(tint)
            painter.drawRect(QRectF(x, y, width, height))
            painter.fillRect(QRectF(x, y, width, min(height, CLUSTER_HEADER)), strong)
        painter.restore()

    def _paint_notes(self, painter: QPainter, notes: list[NoteSpot],
                     ratio: float) -> None:
        # In device pixels, so that notes on the same pixel collapse into one rectangle.
        scale = self._to_map.m11() * ratio
        dx, dy = self._to_map.dx() * ratio, self._to_map.dy() * ratio
        width = max(1, round(NOTE_WIDTH * scale))
        height = max(1, round(NOTE_HEIGHT * scale))
        groups: dict[tuple[str, int], set[tuple[int, int]]] = defaultdict(set)
        for idea, highlight in notes:
            groups[(idea.colour, highlight)].add(
                (math.floor(idea.x * scale + dx), math.floor(idea.y * scale + dy)))
        painter.save()
        painter.setTransform(QTransform.fromScale(1.0 / ratio, 1.0 / ratio))
        painter.setPen(Qt.PenStyle.NoPen)
        # Matches last, so that they are on top and easy to find.
        for (colour, highlight), spots in sorted(
                groups.items(), key=lambda entry: entry[0][1] == Highlight.MATCH):
            fill = QColor(MATCH_COLOUR if highlight == Highlight.MATCH else colour)
            if highlight == Highlight.DIMMED:
                fill.setAlpha(90)
            painter.setBrush(fill)
            painter.drawRects([QRect(x, y, width, height) for x, y in spots])
        painter.restore()

    def _paint_content(self, painter: QPainter) -> None:
        painter.drawPixmap(0, 0, self._pixmap)
        marker = self.viewport_marker()
        if not marker.isEmpty():
            fill = QColor(MARKER_COLOUR)
            fill.setAlpha(40)
            painter.setPen(QPen(MARKER_COLOUR, 2.0))
            painter.setBrush(fill)
            painter.drawRect(marker)

    def _update_visibility(self) -> None:
        visible = self._wanted and self._has_content
        if visible != self._visible:
            self._visible = visible
            self._view.viewport().update(self.geometry().adjusted(-2, -2, 2, 2))

    def _centre_at(self, point: QPointF) -> None:
        self._view.centerOn(self.scene_point(point))

    # ----------------------------------------------------------------- signals

    def _on_scene_changed(self, _area: QRectF) -> None:
        # Throttle, not debounce: during a long drag the overview still catches up twice
        # a second, and the last change is always drawn.
        if not self._wanted:
            return
        if not self._visible:  # the first content of a board shows at once
            self.refresh()
        elif not self._timer.isActive():
            self._timer.start()

    def _on_view_changed(self) -> None:
        if self.isVisible():
            self.update()

    def tooltip(self) -> str:
        return self.tr("Overview of the board: click or drag to move there")
