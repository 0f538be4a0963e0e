"""The board's scene: note and frame items built from snapshots, moves reported back.

The scene never writes: when the user drops notes or frames, it reports where they went
(and which notes changed frame) through :attr:`BoardScene.moved`; the page turns that into
one operation. Snapshots and partial updates from the store keep the items in step.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from myk10_workshop.board.layout import Rect, cluster_at, note_center
from myk10_workshop.board.queries import BoardSnapshot, ClusterView, IdeaView
from myk10_workshop.board.text import search_key
from myk10_workshop.store.schema import IdeaState
from myk10_workshop.ui.board.items import ClusterItem, Highlight, NoteItem

ON_BOARD = (IdeaState.BOARD.value, IdeaState.PRIVATE.value)
Position = tuple[float, float]


class BoardScene(QGraphicsScene):
    # {idea id: (x, y)}, {cluster id: (x, y)}, {idea id: new cluster id or None}
    moved = Signal(object, object, object)  # dicts keyed by UUID: not QVariantMap
    # cluster id, width, height
    cluster_resized = Signal(object, float, float)

    def __init__(self) -> None:
        super().__init__()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QColor("#f4f1ea"))
        self.notes: dict[uuid.UUID, NoteItem] = {}
        self.clusters: dict[uuid.UUID, ClusterItem] = {}
        self.board_id: uuid.UUID | None = None
        self._field_colours: dict[uuid.UUID, str] = {}
        self._pressed: dict[QGraphicsItem, QPointF] = {}
        self._search = ""
        self._filter_field: uuid.UUID | None = None
        self._filter_colour: str | None = None

    # ----------------------------------------------------------------- snapshots

    def set_snapshot(self, snapshot: BoardSnapshot | None) -> None:
        """Show a board (or none); items of the same board are updated in place."""
        if snapshot is None or snapshot.board.id != self.board_id:
            self.clear()
            self.notes.clear()
            self.clusters.clear()
            self.board_id = snapshot.board.id if snapshot else None
        if snapshot is None:
            return
        self._field_colours = {field.id: field.colour for field in snapshot.fields}
        live_clusters = {cluster.id for cluster in snapshot.clusters}
        live_ideas = {idea.id for idea in snapshot.ideas if idea.state in ON_BOARD}
        self.remove(set(self.notes) - live_ideas, set(self.clusters) - live_clusters)
        self.update_rows(snapshot.ideas, snapshot.clusters)
        self.set_votes(snapshot.votes)

    def update_rows(self, ideas: Iterable[IdeaView], clusters: Iterable[ClusterView]) -> None:
        """Add or update these rows (frames first, so notes find their frame)."""
        for cluster in clusters:
            item = self.clusters.get(cluster.id)
            if item is None:
                item = ClusterItem(cluster)
                self.clusters[cluster.id] = item
                self.addItem(item)
            else:
                item.update_cluster(cluster)
        for idea in ideas:
            note = self.notes.get(idea.id)
            if idea.state not in ON_BOARD:
                if note is not None:
                    self.remove([idea.id], [])
                continue
            if note is None:
                note = NoteItem(idea)
                self.notes[idea.id] = note
                self.addItem(note)
            self._attach(note, idea)
            note.field_colour = self._field_colours.get(idea.field_of_action_id or uuid.UUID(int=0))
            self._apply_filters(note)
        self._recount()

    def remove(self, idea_ids: Iterable[uuid.UUID], cluster_ids: Iterable[uuid.UUID]) -> None:
        for idea_id in list(idea_ids):
            note = self.notes.pop(idea_id, None)
            if note is not None:
                self.removeItem(note)
        for cluster_id in list(cluster_ids):
            frame = self.clusters.pop(cluster_id, None)
            if frame is None:
                continue
            for child in frame.childItems():  # keep notes that are still alive
                position = child.scenePos()
                child.setParentItem(None)  # type: ignore[arg-type]  # stubs lack None
                child.setPos(position)
                child.setVisible(True)
            self.removeItem(frame)
        self._recount()

    def set_votes(self, votes: dict[uuid.UUID, int]) -> None:
        for idea_id, note in self.notes.items():
            note.set_votes(votes.get(idea_id, 0))
        for cluster_id, frame in self.clusters.items():
            frame.votes = votes.get(cluster_id, 0)
            frame.update()

    def _attach(self, note: NoteItem, idea: IdeaView) -> None:
        """Put the note into its frame's item (or the scene) at its stored place."""
        frame = self.clusters.get(idea.cluster_id) if idea.cluster_id else None
        if note.parentItem() is not frame:
            note.setParentItem(frame)  # type: ignore[arg-type]  # None: the scene
        position = QPointF(idea.x, idea.y)
        local = frame.mapFromScene(position) if frame is not None else position
        if note.pos() != local:
            note.setPos(local)
        note.setVisible(frame is None or not frame.cluster.collapsed)
        note.update_idea(idea)

    def _recount(self) -> None:
        for frame in self.clusters.values():
            count = sum(1 for child in frame.childItems() if isinstance(child, NoteItem))
            if count != frame.count:
                frame.count = count
                frame.update()

    # ----------------------------------------------------------------- search and filters

    def set_search(self, text: str) -> list[NoteItem]:
        """Mark the notes whose text contains ``text`` (case and umlauts ignored)."""
        self._search = search_key(text.strip())
        for note in self.notes.values():
            self._apply_filters(note)
        return self.matches()

    def set_filter(self, field_id: uuid.UUID | None, colour: str | None) -> None:
        self._filter_field, self._filter_colour = field_id, colour
        for note in self.notes.values():
            self._apply_filters(note)

    def matches(self) -> list[NoteItem]:
        found = [note for note in self.notes.values() if note.highlight == Highlight.MATCH]
        found.sort(key=lambda note: (note.scenePos().y(), note.scenePos().x()))
        return found

    def _apply_filters(self, note: NoteItem) -> None:
        idea = note.idea
        hidden_by_filter = (
            (self._filter_field is not None and idea.field_of_action_id != self._filter_field)
            or (self._filter_colour is not None and idea.colour != self._filter_colour))
        if hidden_by_filter:
            note.set_highlight(Highlight.DIMMED)
        elif self._search:
            found = self._search in search_key(idea.text) or self._search in search_key(
                idea.author)
            note.set_highlight(Highlight.MATCH if found else Highlight.DIMMED)
        else:
            note.set_highlight(Highlight.NONE)

    # ----------------------------------------------------------------- geometry

    def content_rect(self) -> QRectF:
        return self.itemsBoundingRect()

    def frames(self, exclude: Iterable[uuid.UUID] = ()) -> dict[uuid.UUID, Rect]:
        skip = set(exclude)
        result = {}
        for cluster_id, frame in self.clusters.items():
            if cluster_id in skip or frame.cluster.collapsed:
                continue
            width, height = frame.frame_size()
            result[cluster_id] = Rect(frame.scenePos().x(), frame.scenePos().y(), width, height)
        return result

    def occupied(self) -> list[Rect]:
        rects = list(self.frames().values())
        rects += [Rect(n.scenePos().x(), n.scenePos().y(), 180.0, 120.0)
                  for n in self.notes.values() if n.parentItem() is None]
        return rects

    def selected_notes(self) -> list[NoteItem]:
        return [item for item in self.selectedItems() if isinstance(item, NoteItem)]

    def selected_clusters(self) -> list[ClusterItem]:
        return [item for item in self.selectedItems() if isinstance(item, ClusterItem)]

    def cluster_members(self, cluster_id: uuid.UUID) -> list[NoteItem]:
        frame = self.clusters.get(cluster_id)
        if frame is None:
            return []
        members = [child for child in frame.childItems() if isinstance(child, NoteItem)]
        members.sort(key=lambda note: (note.scenePos().y(), note.scenePos().x()))
        return members

    # ----------------------------------------------------------------- moves

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = {item: item.scenePos() for item in self.selectedItems()}

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or not self._pressed:
            return
        moved = [item for item, start in self._pressed.items()
                 if item.scene() is self and item.scenePos() != start]
        self._pressed = {}
        if moved:
            self.report_moves(moved)

    def report_moves(self, moved: Sequence[QGraphicsItem]) -> None:
        """Work out what a drop means (new places, notes joining or leaving frames) and
        report it as one change."""
        idea_positions: dict[uuid.UUID, Position] = {}
        cluster_positions: dict[uuid.UUID, Position] = {}
        memberships: dict[uuid.UUID, uuid.UUID | None] = {}
        moved_frames = {item.id for item in moved if isinstance(item, ClusterItem)}
        frames = self.frames(exclude=moved_frames)
        for item in moved:
            if isinstance(item, ClusterItem):
                cluster_positions[item.id] = (item.scenePos().x(), item.scenePos().y())
                for child in item.childItems():
                    if isinstance(child, NoteItem):
                        idea_positions[child.id] = (child.scenePos().x(), child.scenePos().y())
        for item in moved:
            if not isinstance(item, NoteItem):
                continue
            x, y = item.scenePos().x(), item.scenePos().y()
            idea_positions[item.id] = (x, y)
            target = cluster_at(frames, *note_center(x, y))
            current = item.parentItem()
            current_id = current.id if isinstance(current, ClusterItem) else None
            if current_id in moved_frames:
                continue  # moved together with its frame
            if target != current_id:
                new_frame = self.clusters.get(target) if isinstance(target, uuid.UUID) else None
                item.setParentItem(new_frame)  # type: ignore[arg-type]  # None: the scene
                item.setPos(new_frame.mapFromScene(QPointF(x, y)) if new_frame else QPointF(x, y))
                memberships[item.id] = new_frame.id if new_frame else None
        self._recount()
        self.moved.emit(idea_positions, cluster_positions, memberships)
