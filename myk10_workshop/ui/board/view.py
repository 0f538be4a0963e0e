"""The board view: zoom, pan and select as on a wall, with the mouse, a touchpad or keys.

- Mouse wheel zooms at the cursor; a touchpad's two-finger scroll pans; pinch zooms;
  Ctrl+wheel always zooms. Keys: + and - zoom, arrow keys pan.
- Dragging empty space pans (so does space+drag or the middle button); Shift+drag or
  Ctrl+drag on empty space draws a rubber band to select; Ctrl/Shift+click adds to the
  selection.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView, QWidget

from myk10_workshop.ui.board.items import ClusterItem, NoteItem, OverviewItem
from myk10_workshop.ui.board.scene import BoardScene

if TYPE_CHECKING:
    from myk10_workshop.ui.board.minimap import Minimap

MIN_SCALE = 0.02
MAX_SCALE = 4.0
ZOOM_STEP = 1.25
# Room around the content so the board can be panned past its edges.
MARGIN = 4000.0
# Below this scale all notes are drawn by one overview item (see items.OverviewItem).
OVERVIEW_SCALE = 0.25


class BoardView(QGraphicsView):
    # The visible part of the board changed (pan or zoom): minimap and projector follow.
    view_changed = Signal()
    # A note or a frame title was double-clicked: edit it.
    edit_requested = Signal(object)
    # Right-click on an item or the empty board, at a global position.
    context_requested = Signal(object, QPoint)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board = scene
        self.setObjectName("boardView")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The board is panned by dragging, like a wall; scroll bars only take room.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Board"))
        self._pan_from: QPoint | None = None
        self._space = False
        # The minimap, drawn in the foreground and fed the mouse events over it.
        self.overlay: Minimap | None = None
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.view_changed.emit())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.view_changed.emit())
        scene.content_changed.connect(self._grow_to)

    # ----------------------------------------------------------------- zoom

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        current = self.scale_factor()
        target = min(MAX_SCALE, max(MIN_SCALE, current * factor))
        if math.isclose(target, current):
            return
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(target / current, target / current)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._detail_follows_zoom()
        self.view_changed.emit()

    def set_zoom(self, scale: float) -> None:
        self.zoom_by(scale / self.scale_factor())

    def fit_all(self) -> None:
        rect = self.board.content_rect()
        if rect.isEmpty():
            self.setTransform(QTransform())
            self._detail_follows_zoom()
            self.centerOn(0.0, 0.0)
        else:
            self.fit(rect)

    def fit(self, rect: QRectF) -> None:
        margin = max(rect.width(), rect.height()) * 0.04 + 20.0
        self._grow_scene_rect()
        self.fitInView(rect.adjusted(-margin, -margin, margin, margin),
                       Qt.AspectRatioMode.KeepAspectRatio)
        self._detail_follows_zoom()
        if self.scale_factor() > 1.5:  # one note should not fill a projector
            self.set_zoom(1.5)
            self.centerOn(rect.center())
        self.view_changed.emit()

    def zoom_to_selection(self) -> None:
        items: list[QGraphicsItem] = [*self.board.selected_notes(),
                                      *self.board.selected_clusters()]
        if not items:
            return
        rect = QRectF()
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        self.fit(rect)

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _grow_scene_rect(self) -> None:
        self._grow_to(self.board.content_rect())

    def _grow_to(self, content: QRectF) -> None:
        if content.isEmpty():
            return
        wanted = content.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        current = self.sceneRect()
        if not current.contains(wanted):
            self.setSceneRect(current.united(wanted))

    def _detail_follows_zoom(self) -> None:
        self.board.set_overview(self.scale_factor() < OVERVIEW_SCALE)

    # ----------------------------------------------------------------- overlay

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self.overlay is not None and self.overlay.isVisible():
            # Not for a repaint elsewhere (a badge with a new count, far from the corner).
            corner = self.mapToScene(self.overlay.geometry()).boundingRect()
            if not corner.intersects(QRectF(rect)):
                return
            painter.save()
            painter.resetTransform()
            self.overlay.paint(painter)
            painter.restore()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if self.overlay is not None and self.overlay.isVisible():
            # The scroll moved the overlay's pixels: repaint where it is and where they went.
            corner = self.overlay.geometry().adjusted(-2, -2, 2, 2)
            self.viewport().update(corner)
            self.viewport().update(corner.translated(dx, dy))

    # ----------------------------------------------------------------- input

    def board_item_at(self, position: QPoint) -> QGraphicsItem | None:
        """The note, frame or other item under a viewport point; the far-out overview
        drawing is no item one can take hold of (a drag there pans, as on empty space)."""
        for item in self.items(position):
            if not isinstance(item, OverviewItem):
                return item
        return None

    def wheelEvent(self, event: QWheelEvent) -> None:
        pixel = event.pixelDelta()
        zoom = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier) or pixel.isNull()
        if zoom:
            degrees = event.angleDelta().y() or event.angleDelta().x()
            if degrees:
                self.zoom_by(ZOOM_STEP ** (degrees / 120.0), event.position())
            event.accept()
            return
        # A touchpad scrolls the board like a map.
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - pixel.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - pixel.y())
        event.accept()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QNativeGestureEvent) and (
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture):
            self.zoom_by(1.0 + event.value(), event.position())
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down) and (
                not self.board.selectedItems()):
            step = 80
            bar = self.horizontalScrollBar() if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) \
                else self.verticalScrollBar()
            bar.setValue(bar.value() + (step if key in (Qt.Key.Key_Right, Qt.Key.Key_Down)
                                        else -step))
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.overlay is not None and (
                self.overlay.press(event.position())):
            event.accept()
            return
        on_item = self.board_item_at(event.position().toPoint()) is not None
        select = bool(event.modifiers() & (Qt.KeyboardModifier.ShiftModifier
                                           | Qt.KeyboardModifier.ControlModifier))
        wants_pan = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and (self._space or (
                not on_item and not select)))
        if wants_pan:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if not self._space and event.button() == Qt.MouseButton.LeftButton:
                self.board.clearSelection()
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and not on_item and select:
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        if event.button() == Qt.MouseButton.LeftButton and on_item and select:
            # Ctrl/Shift+click toggles an item without dropping the others.
            event = QMouseEvent(event.type(), event.position(), event.globalPosition(),
                                event.button(), event.buttons(),
                                Qt.KeyboardModifier.ControlModifier)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.overlay is not None and self.overlay.drag(event.position()):
            event.accept()
            return
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.overlay is not None and self.overlay.release():
            event.accept()
            return
        if self._pan_from is not None:
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.board_item_at(event.position().toPoint())
        while item is not None and not isinstance(item, NoteItem | ClusterItem):
            item = item.parentItem()
        if isinstance(item, NoteItem | ClusterItem):
            self.edit_requested.emit(item)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.board_item_at(event.pos())
        while item is not None and not isinstance(item, NoteItem | ClusterItem):
            item = item.parentItem()
        if isinstance(item, NoteItem | ClusterItem) and not item.isSelected():
            self.board.clearSelection()
            item.setSelected(True)
        self.context_requested.emit(item, event.globalPos())
