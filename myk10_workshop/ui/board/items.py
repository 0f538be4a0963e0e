"""Graphics items of the board: sticky notes and cluster frames.

Items are views over snapshot rows (:class:`IdeaView`, :class:`ClusterView`); they never
touch the store. Painting is cheap by design: far out, a note is one filled rectangle; near,
its text is laid out once per zoom level and cached in device coordinates.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from myk10_workshop.board.layout import CLUSTER_HEADER, NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.board.queries import ClusterView, IdeaView
from myk10_workshop.store.schema import IdeaState

# Below this scale text is unreadable on any screen: notes become plain coloured cards.
TEXT_MIN_SCALE = 0.4
# Below this scale even the frame of a note is not worth drawing.
OUTLINE_MIN_SCALE = 0.15
NOTE_FONT_SIZE = 13
RESIZE_HANDLE = 18.0
COLLAPSED_HEIGHT = CLUSTER_HEADER
SELECTED_COLOUR = "#1565c0"
# How a private note looks on the projector: a blank grey card.
PRIVATE_CARD = "#cfd8dc"

# QGraphicsItem.UserType (65536), which the PySide6 type stubs do not list.
_USER_TYPE = 65536
NOTE_TYPE = _USER_TYPE + 1
CLUSTER_TYPE = _USER_TYPE + 2


_NOTE_BOUNDS = QRectF(-2.0, -2.0, NOTE_WIDTH + 4.0, NOTE_HEIGHT + 4.0)
# The top right corner of a note, where its badge of dots sits (within the outline).
_BADGE_AREA = QRectF(NOTE_WIDTH - 32.0, 2.0, 30.0, 30.0)
_BADGE_CENTRE = QPointF(NOTE_WIDTH - 17.0, 17.0)
# What Qt exposes when the badge area is updated (it adds a pixel around it); the text
# stays left of it (it ends 35 px from the right edge while there is a badge).
_BADGE_EXPOSED = _BADGE_AREA.adjusted(-2.0, -2.0, 2.0, 2.0)
_NOTE_SHAPE = QPainterPath()
_NOTE_SHAPE.addRect(QRectF(0.0, 0.0, NOTE_WIDTH, NOTE_HEIGHT))


class Highlight:
    """How search and filters mark a note."""

    NONE = 0
    MATCH = 1
    DIMMED = 2


def _is_projector(item: QGraphicsItem, widget: QWidget | None) -> bool:
    """Whether this paint is for the room: a projector view is painting (the scene says
    so, since cached items are painted without a widget) or the widget is its viewport."""
    scene = item.scene()
    if scene is not None and getattr(scene, "painting_projector", False):
        return True
    view = widget.parentWidget() if widget is not None else None
    return bool(view is not None and view.property("projector"))


class NoteItem(QGraphicsRectItem):
    """A sticky note.

    A rectangle item, so that its bounding rectangle is Qt's own: the scene asks every
    note of a frame in view for it at each frame of a pan (thousands of calls a second),
    and each answer from Python cost a trip into the interpreter. It draws itself.
    """

    def __init__(self, idea: IdeaView) -> None:
        super().__init__(_NOTE_BOUNDS)
        self.setPen(Qt.PenStyle.NoPen)
        self.idea = idea
        self.votes = 0
        self.field_colour: str | None = None
        self.highlight = Highlight.NONE
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # The exposed part in paint(): a new count redraws the badge, not the text.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setZValue(1.0)
        self.setPos(idea.x, idea.y)

    @property
    def id(self) -> uuid.UUID:
        return self.idea.id

    def type(self) -> int:
        return NOTE_TYPE

    def shape(self) -> QPainterPath:
        return _NOTE_SHAPE

    def update_idea(self, idea: IdeaView) -> None:
        changed_look = (idea.text, idea.colour, idea.state, idea.field_of_action_id) != (
            self.idea.text, self.idea.colour, self.idea.state, self.idea.field_of_action_id)
        self.idea = idea
        if self.scenePos() != QPointF(idea.x, idea.y):
            self.setPos(self.mapToParent(self.mapFromScene(QPointF(idea.x, idea.y))))
        if changed_look:
            self.update()

    def set_highlight(self, highlight: int) -> None:
        if highlight != self.highlight:
            self.highlight = highlight
            self.update()

    def set_votes(self, votes: int) -> None:
        """The dots on the note's badge. From one count to another only the badge is drawn
        again (a burst of phones changes it many times a second); the first dot and the
        last make room for the badge or give it back to the text: all of it."""
        if votes != self.votes:
            only_badge = bool(votes) and bool(self.votes)
            self.votes = votes
            if only_badge:
                self.update(_BADGE_AREA)
            else:
                self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        projector = _is_projector(self, widget)
        private = self.idea.state == IdeaState.PRIVATE.value
        colour = QColor(self.idea.colour)
        if private and projector:
            colour = QColor(PRIVATE_CARD)
        elif self.highlight == Highlight.DIMMED:
            colour = colour.lighter(125)
            colour.setAlpha(90)
        rect = QRectF(0.0, 0.0, NOTE_WIDTH, NOTE_HEIGHT)
        if scale < OUTLINE_MIN_SCALE:
            painter.fillRect(rect, colour)
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, scale >= TEXT_MIN_SCALE)
        if self.highlight == Highlight.MATCH:
            painter.setPen(QPen(QColor("#d32f2f"), 6))
        elif selected:
            painter.setPen(QPen(QColor("#1565c0"), 4))
        elif private:
            painter.setPen(QPen(QColor("#546e7a"), 2, Qt.PenStyle.DashLine))
        else:
            painter.setPen(QPen(colour.darker(140), 1.5 if not projector else 3))
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 6.0, 6.0)
        if scale < TEXT_MIN_SCALE or (private and projector):
            return
        if self.votes and _BADGE_EXPOSED.contains(option.exposedRect):
            # Only the badge's corner is drawn again (a new count): the text keeps clear
            # of the badge while there is one, so it is not in that corner.
            _badge(painter, _BADGE_CENTRE, str(self.votes))
            return
        self._paint_text(painter, rect, projector)

    def _paint_text(self, painter: QPainter, rect: QRectF, projector: bool) -> None:
        if self.field_colour:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.field_colour))
            painter.drawRect(QRectF(0.0, NOTE_HEIGHT - 8.0, NOTE_WIDTH, 8.0))
        font = QFont(painter.font())
        font.setPixelSize(NOTE_FONT_SIZE + (3 if projector else 0))
        font.setBold(projector)
        painter.setFont(font)
        painter.setPen(QColor("#1a1a1a") if self.highlight != Highlight.DIMMED
                       else QColor("#8a8a8a"))
        inner = rect.adjusted(9.0, 7.0, -9.0, -14.0)
        if self.votes:
            inner.setRight(inner.right() - 26.0)
        # Plain text only: what phones send is never interpreted as markup.
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                    | Qt.TextFlag.TextWordWrap), _fit(self.idea.text))
        if self.idea.author:
            small = QFont(font)
            small.setPixelSize(10)
            small.setItalic(True)
            painter.setFont(small)
            painter.drawText(rect.adjusted(9.0, 0.0, -9.0, -9.0),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             self.idea.author)
        if self.votes:
            _badge(painter, _BADGE_CENTRE, str(self.votes))


def _fit(text: str, limit: int = 160) -> str:
    """Long notes show their beginning; the editor shows all of it."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _badge(painter: QPainter, center: QPointF, text: str, colour: str = "#c62828") -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(center, 13.0, 13.0)
    font = QFont(painter.font())
    font.setPixelSize(12)
    font.setBold(True)
    font.setItalic(False)  # drawn after a note's author, which is in italics
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(center.x() - 13.0, center.y() - 13.0, 26.0, 26.0),
                     int(Qt.AlignmentFlag.AlignCenter), text)


class Layer(QGraphicsItem):
    """An invisible holder of notes: hiding it hides all of them in one call."""

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        return


class OverviewItem(QGraphicsItem):
    """All notes of the board as plain coloured cards, in one paint call.

    Far out, ten thousand separate note items cost a Python call and a cache pixmap each
    per frame (a quarter of a second); this item draws them with a handful of
    ``drawRects`` calls instead, while the note layers are hidden. It is kept up to date
    note by note, so a change costs one entry, not a rebuild of ten thousand.

    It stands for notes, but it is not one: it takes no mouse buttons, so a drag on the
    empty space between the drawn cards pans like anywhere else. Selected notes (which the
    scene remembers while their items are hidden) are outlined; on the projector private
    notes are blank grey cards, as near.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(0.5)  # above cluster frames, like the notes it stands for
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # id -> (colour, rect, private)
        self._entries: dict[uuid.UUID, tuple[str, QRectF, bool]] = {}
        self._groups: dict[str, list[QRectF]] | None = None
        self._room_groups: dict[str, list[QRectF]] | None = None
        self._selected: frozenset[uuid.UUID] = frozenset()
        self._bounds = QRectF()

    def upsert(self, notes: Iterable[NoteItem], clusters: Mapping[uuid.UUID, ClusterItem],
               ) -> None:
        """Take these notes as they are now (position, colour, highlight, frame state)."""
        grown = QRectF(self._bounds)
        for note in notes:
            idea = note.idea
            frame = clusters.get(idea.cluster_id) if idea.cluster_id else None
            if frame is not None and frame.cluster.collapsed:
                self._entries.pop(idea.id, None)
                continue
            colour = ("#d32f2f" if note.highlight == Highlight.MATCH else
                      "#e8e8e8" if note.highlight == Highlight.DIMMED else idea.colour)
            old = self._entries.get(idea.id)
            if old is not None and old[1].x() == idea.x and old[1].y() == idea.y:
                rect = old[1]
            else:
                rect = QRectF(idea.x, idea.y, NOTE_WIDTH, NOTE_HEIGHT)
                grown = grown.united(rect)
            self._entries[idea.id] = (colour, rect, idea.state == IdeaState.PRIVATE.value)
        self._changed()
        if grown != self._bounds:
            self.prepareGeometryChange()
            self._bounds = grown

    def discard(self, idea_ids: Iterable[uuid.UUID]) -> None:
        for idea_id in idea_ids:
            self._entries.pop(idea_id, None)
        self._changed()

    def reset(self, notes: Iterable[NoteItem], clusters: Mapping[uuid.UUID, ClusterItem],
              ) -> None:
        self._entries.clear()
        self.prepareGeometryChange()
        self._bounds = QRectF()
        self.upsert(notes, clusters)

    def set_selected(self, idea_ids: Iterable[uuid.UUID]) -> None:
        """Outline these notes (the selection, while the note items are hidden)."""
        selected = frozenset(idea_ids)
        if selected != self._selected:
            self._selected = selected
            self.update()

    def _changed(self) -> None:
        self._groups = None
        self._room_groups = None
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        # Nothing to hit: items under the cursor are frames or nothing (empty space).
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        projector = _is_projector(self, widget)
        groups = self._room_groups if projector else self._groups
        if groups is None:
            groups = {}
            for colour, rect, private in self._entries.values():
                shown = PRIVATE_CARD if private and projector else colour
                groups.setdefault(shown, []).append(rect)
            if projector:
                self._room_groups = groups
            else:
                self._groups = groups
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in groups.items():
            painter.setBrush(QColor(colour))
            painter.drawRects(rects)
        outlined = [self._entries[idea_id][1] for idea_id in self._selected
                    if idea_id in self._entries]
        if outlined:
            pen = QPen(QColor(SELECTED_COLOUR), 3)
            pen.setCosmetic(True)  # as thick far out as near
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(outlined)


_LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
_RIGHT_MIDDLE = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
_TITLE_FONTS: dict[tuple[str, int], tuple[QFont, QFontMetrics]] = {}


def _title_font(base: QFont, pixel_size: int) -> tuple[QFont, QFontMetrics]:
    """The bold font of frame titles made from ``base`` (the view's) at this pixel size,
    with its metrics (made once)."""
    key = (base.key(), pixel_size)
    found = _TITLE_FONTS.get(key)
    if found is None:
        if len(_TITLE_FONTS) > 256:
            _TITLE_FONTS.clear()
        font = QFont(base)
        font.setPixelSize(pixel_size)
        font.setBold(True)
        found = _TITLE_FONTS[key] = (font, QFontMetrics(font))
    return found


_FRAME_LOOKS: dict[tuple[str, bool, bool], _FrameLook] = {}


def _frame_look(colour: str, selected: bool, projector: bool) -> _FrameLook:
    """The pens and brushes of frames of this colour and state, made once for all."""
    key = (colour, selected, projector)
    look = _FRAME_LOOKS.get(key)
    if look is None:
        if len(_FRAME_LOOKS) > 256:
            _FRAME_LOOKS.clear()
        look = _FRAME_LOOKS[key] = _FrameLook(colour, selected=selected,
                                              projector=projector)
    return look


class _FrameLook:
    """The pens and brushes of a frame of one colour: a light tint of the colour behind
    the notes, the colour itself in the title bar (strong colours would drown the notes)."""

    def __init__(self, colour_name: str, *, selected: bool, projector: bool) -> None:
        self.colour = QColor(colour_name)
        tint = QColor(self.colour)
        tint.setAlpha(70)
        self.tint = QBrush(tint)
        self.outline = QPen(QColor(SELECTED_COLOUR) if selected else self.colour.darker(130),
                            4 if selected else (3 if projector else 2))
        dark = self.colour.lightnessF() < 0.55
        self.text = QColor("#ffffff") if dark else QColor("#102027")
        self.handle = QPen(self.colour.darker(170), 2)


class ClusterItem(QGraphicsItem):
    """A titled, coloured frame; its notes are child items and move with it."""

    def __init__(self, cluster: ClusterView) -> None:
        super().__init__()
        self.cluster = cluster
        self.votes = 0
        self.count = 0
        # What paint() keeps (see there): the title as cut for (font, width, suffix,
        # title), with its box.
        self._title_key: tuple[str, float, str, str] | None = None
        self._title: tuple[QRectF, str] = (QRectF(), "")
        self._resizing: QPointF | None = None
        self._size = (cluster.width, cluster.height)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setAcceptHoverEvents(True)
        self.setZValue(0.0)
        # Drawn once into a pixmap and blitted at every frame of a pan (Qt keeps only the
        # part in view of a frame larger than the view); drawn again when it changes. Its
        # paint is the costliest of the board: a large, translucent, rounded fill.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setPos(cluster.x, cluster.y)
        # The frame's notes live in this layer: they move with the frame, and collapsing the
        # frame hides the layer.
        self.layer = Layer(self)

    @property
    def id(self) -> uuid.UUID:
        return self.cluster.id

    def type(self) -> int:
        return CLUSTER_TYPE

    def frame_size(self) -> tuple[float, float]:
        return self._size

    def set_frame_size(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self._size = (width, height)

    def boundingRect(self) -> QRectF:
        width, height = self._size
        if self.cluster.collapsed:
            height = COLLAPSED_HEIGHT
        return QRectF(-3.0, -3.0, width + 6.0, height + 6.0)

    def set_votes(self, votes: int) -> None:
        """The dots of the frame's notes, shown in its title bar (only that is drawn
        again: a burst of phones changes it many times a second)."""
        if votes != self.votes:
            self.votes = votes
            width, _height = self._size
            self.update(QRectF(0.0, 0.0, width, CLUSTER_HEADER))

    def update_cluster(self, cluster: ClusterView) -> None:
        self.cluster = cluster
        self.prepareGeometryChange()
        self._size = (cluster.width, cluster.height)
        if self.pos() != QPointF(cluster.x, cluster.y):
            self.setPos(cluster.x, cluster.y)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # Painted at every frame of a pan, and again for each vote of a burst (its total is
        # in the title bar): colours, pens, fonts and the cut title are made once and kept
        # until what they depend on changes.
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        look = _frame_look(self.cluster.colour, selected, _is_projector(self, widget))
        width, height = self._size
        if self.cluster.collapsed:
            height = COLLAPSED_HEIGHT
        painter.setPen(look.outline)
        painter.setBrush(look.tint)
        painter.drawRoundedRect(QRectF(0.0, 0.0, width, height), 10.0, 10.0)
        header = QRectF(0.0, 0.0, width, CLUSTER_HEADER)
        painter.setBrush(look.colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(header.adjusted(1.0, 1.0, -1.0, 0.0), 9.0, 9.0)
        if scale < 0.08:  # a coloured block is all one can see of it
            return
        # The title stays readable from afar: it grows as the board shrinks.
        size = 22 if scale >= 1 else int(min(120.0, max(22.0, 14.0 / max(scale, 0.05))))
        font, metrics = _title_font(painter.font(), size)
        painter.setFont(font)
        painter.setPen(look.text)
        suffix = f"{self.count}" + (f"  ● {self.votes}" if self.votes else "")
        key = (font.key(), width, suffix, self.cluster.title)
        if self._title_key != key:
            suffix_width = metrics.horizontalAdvance(suffix) + 16
            room = header.adjusted(14.0, 0.0, -14.0 - suffix_width, 0.0)
            self._title_key = key
            self._title = (room, metrics.elidedText(
                self.cluster.title or "…", Qt.TextElideMode.ElideRight,
                int(max(0.0, room.width()))))
        title_box, title = self._title
        painter.drawText(title_box, _LEFT_MIDDLE, title)
        painter.drawText(header.adjusted(0.0, 0.0, -14.0, 0.0), _RIGHT_MIDDLE, suffix)
        if not self.cluster.collapsed and scale >= TEXT_MIN_SCALE:
            painter.setPen(look.handle)
            corner = QPointF(width - 6.0, height - 6.0)
            painter.drawLine(corner - QPointF(RESIZE_HANDLE, 0.0), corner)
            painter.drawLine(corner - QPointF(0.0, RESIZE_HANDLE), corner)

    def on_resize_handle(self, point: QPointF) -> bool:
        width, height = self._size
        return (not self.cluster.collapsed and point.x() >= width - RESIZE_HANDLE - 6
                and point.y() >= height - RESIZE_HANDLE - 6)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if self.on_resize_handle(event.pos()):
            self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        else:
            self.unsetCursor()
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.on_resize_handle(event.pos()):
            self._resizing = event.pos()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing is not None:
            width = max(120.0, event.pos().x())
            height = max(CLUSTER_HEADER + 60.0, event.pos().y())
            self.set_frame_size(width, height)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing is not None:
            self._resizing = None
            scene = self.scene()
            if scene is not None and hasattr(scene, "cluster_resized"):
                scene.cluster_resized.emit(self.id, *self._size)
            event.accept()
            return
        super().mouseReleaseEvent(event)
