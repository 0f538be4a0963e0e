"""The board's scene: note and frame items built from snapshots, moves reported back.

The scene never writes: when the user drops notes or frames, it reports where they went
(and which notes changed frame) through :attr:`BoardScene.moved`; the page turns that into
one operation. Snapshots and partial updates from the store keep the items in step.

Notes live in layers: loose notes in the scene's loose layer, clustered notes in their
frame's layer (so they move with the frame). Hiding a layer hides its notes in one call,
which is what collapsing a frame and the far-out overview need.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from myk10_workshop.board.layout import (
    CLUSTER_HEADER,
    GAP,
    NOTE_HEIGHT,
    NOTE_WIDTH,
    Rect,
    cluster_at,
    note_center,
)
from myk10_workshop.board.queries import BoardSnapshot, ClusterView, IdeaView
from myk10_workshop.board.text import search_key
from myk10_workshop.store.schema import IdeaState
from myk10_workshop.ui.board.items import (
    ClusterItem,
    Highlight,
    Layer,
    NoteItem,
    OverviewItem,
)

ON_BOARD = (IdeaState.BOARD.value, IdeaState.PRIVATE.value)
Position = tuple[float, float]
# Characters that carry meaning in a search ("c++", "(", "#1", an emoji) but that the folded
# search key drops; a query with any of them must also match literally.
_JOINERS = frozenset(" \t-‐–—_.,;:!?'’\"/")


def _literal_part(query: str) -> bool:
    """Whether ``query`` has characters that only a literal search can find."""
    return any(not char.isalnum() and char not in _JOINERS for char in query)


class BoardScene(QGraphicsScene):
    # {idea id: (x, y)}, {cluster id: (x, y)}, {idea id: new cluster id or None},
    # {cluster id: (width, height)} of frames that grew to take dropped notes; dicts keyed
    # by UUID must travel as Python objects (a QVariantMap would drop the keys).
    moved = Signal(object, object, object, object)
    # A frame was dropped onto another: target id, dropped frame's id, {idea id: (x, y)}
    # free places in the target for the dropped frame's notes, the target's (width, height).
    merge_dropped = Signal(object, object, object, object)
    # cluster id, width, height
    cluster_resized = Signal(object, float, float)
    # Notes or frames were added, removed or moved in this area (the board may have grown).
    content_changed = Signal(QRectF)

    def __init__(self) -> None:
        super().__init__()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QColor("#f4f1ea"))
        self.notes: dict[uuid.UUID, NoteItem] = {}
        self.clusters: dict[uuid.UUID, ClusterItem] = {}
        self.board_id: uuid.UUID | None = None
        # Dots per idea and per cluster, as the badges show them.
        self._votes: dict[uuid.UUID, int] = {}
        self.loose = Layer()
        self.loose.setZValue(1.0)
        self.addItem(self.loose)
        self.overview = OverviewItem()
        self.addItem(self.overview)
        self.overview.hide()
        self.overview_active = False
        # Far out the note items are hidden, and hidden items cannot be selected: the
        # selection is kept here (and drawn by the overview) until they show again.
        self._held: set[uuid.UUID] = set()
        self._field_colours: dict[uuid.UUID, str] = {}
        self._pressed: dict[QGraphicsItem, QPointF] = {}
        self._search = ""
        self._search_literal = ""
        self._filter_field: uuid.UUID | None = None
        self._filter_colour: str | None = None
        self._content: QRectF | None = None
        # True while a projector view paints: items then take the room's look.
        self.painting_projector = False

    # ----------------------------------------------------------------- snapshots

    def set_snapshot(self, snapshot: BoardSnapshot | None) -> None:
        """Show a board (or none); items of the same board are updated in place."""
        if snapshot is None or snapshot.board.id != self.board_id:
            for note in self.notes.values():
                self.removeItem(note)
            for frame in self.clusters.values():
                self.removeItem(frame)
            self.notes.clear()
            self.clusters.clear()
            self._votes = {}
            self.board_id = snapshot.board.id if snapshot else None
        if snapshot is None:
            self.overview.reset([], {})
            self._content = None
            self.content_changed.emit(QRectF())
            return
        self._field_colours = {field.id: field.colour for field in snapshot.fields}
        live_clusters = {cluster.id for cluster in snapshot.clusters}
        live_ideas = {idea.id for idea in snapshot.ideas if idea.state in ON_BOARD}
        self.remove(set(self.notes) - live_ideas, set(self.clusters) - live_clusters)
        self.update_rows(snapshot.ideas, snapshot.clusters)
        self.set_votes(snapshot.votes)

    def update_rows(self, ideas: Iterable[IdeaView], clusters: Iterable[ClusterView]) -> None:
        """Add or update these rows (frames first, so notes find their frame)."""
        ideas, clusters = list(ideas), list(clusters)
        touched: set[uuid.UUID | None] = set()
        for cluster in clusters:
            touched.add(cluster.id)
            frame = self.clusters.get(cluster.id)
            if frame is None:
                frame = ClusterItem(cluster)
                frame.votes = self._votes.get(cluster.id, 0)
                self.clusters[cluster.id] = frame
                self.addItem(frame)
            else:
                frame.update_cluster(cluster)
            frame.layer.setVisible(not cluster.collapsed and not self.overview_active)
        for idea in ideas:
            note = self.notes.get(idea.id)
            if idea.state not in ON_BOARD:
                if note is not None:
                    self.remove([idea.id], [])
                continue
            if note is None:
                note = NoteItem(idea)
                note.votes = self._votes.get(idea.id, 0)
                self.notes[idea.id] = note
            else:
                touched.add(note.idea.cluster_id)
            touched.add(idea.cluster_id)
            self._attach(note, idea)
            note.field_colour = self._field_colours.get(idea.field_of_action_id or uuid.UUID(int=0))
            self._apply_filters(note)
        self._recount(touched)
        changed = [self.notes[idea.id] for idea in ideas if idea.id in self.notes]
        self._changed_content(changed, [self.clusters[c.id] for c in clusters
                                        if c.id in self.clusters])

    def remove(self, idea_ids: Iterable[uuid.UUID], cluster_ids: Iterable[uuid.UUID]) -> None:
        touched: set[uuid.UUID | None] = set()
        idea_ids = list(idea_ids)
        for idea_id in idea_ids:
            note = self.notes.pop(idea_id, None)
            if note is not None:
                touched.add(note.idea.cluster_id)
                self.removeItem(note)
        for cluster_id in list(cluster_ids):
            frame = self.clusters.pop(cluster_id, None)
            if frame is None:
                continue
            for child in frame.layer.childItems():  # notes that are still alive stay
                position = child.scenePos()
                child.setParentItem(self.loose)
                child.setPos(position)
            self.removeItem(frame)
        self._recount(touched)
        self.overview.discard(idea_ids)
        if self._held.intersection(idea_ids):
            self._held.difference_update(idea_ids)
            self.overview.set_selected(self._held)
        self._content = None
        self.content_changed.emit(QRectF())

    def set_votes(self, votes: dict[uuid.UUID, int]) -> None:
        """The dots on the badges. Only notes and frames whose total changed are touched:
        phones in a burst change the totals many times a second, on a board of thousands
        of notes of which a few dozen get votes."""
        before, self._votes = self._votes, dict(votes)
        for key in before.keys() | votes.keys():
            total = votes.get(key, 0)
            if before.get(key, 0) == total:
                continue
            note = self.notes.get(key)
            if note is not None:
                note.set_votes(total)
            frame = self.clusters.get(key)
            if frame is not None:
                frame.set_votes(total)

    def frame_of(self, note: NoteItem) -> ClusterItem | None:
        """The frame a note sits in (None for a loose note)."""
        layer = note.parentItem()
        owner = layer.parentItem() if layer is not None else None
        return owner if isinstance(owner, ClusterItem) else None

    def _attach(self, note: NoteItem, idea: IdeaView) -> None:
        """Put the note into its frame's layer (or the loose layer) at its stored place."""
        frame = self.clusters.get(idea.cluster_id) if idea.cluster_id else None
        layer = frame.layer if frame is not None else self.loose
        if note.parentItem() is not layer:
            note.setParentItem(layer)
        local = layer.mapFromScene(QPointF(idea.x, idea.y))
        if note.pos() != local:
            note.setPos(local)
        note.update_idea(idea)

    def _recount(self, clusters: Iterable[uuid.UUID | None]) -> None:
        """Update the note counts in these frames' title bars."""
        for cluster_id in clusters:
            frame = self.clusters.get(cluster_id) if cluster_id is not None else None
            if frame is None:
                continue
            count = len(frame.layer.childItems())
            if count != frame.count:
                frame.count = count
                frame.update()

    def _changed_content(self, notes: Sequence[NoteItem],
                         frames: Sequence[ClusterItem] = ()) -> None:
        """Notes or frames changed: keep the overview and the extent up to date (only for
        these items: a move of one note must not cost a pass over ten thousand)."""
        self._content = None
        self.overview.upsert(notes, self.clusters)
        area = QRectF()
        for item in (*notes, *frames):
            area = area.united(item.sceneBoundingRect())
        if not area.isEmpty():
            self.content_changed.emit(area)

    # ----------------------------------------------------------------- level of detail

    def set_overview(self, on: bool) -> None:
        """Far out, one overview item draws all notes; the note layers are hidden.

        The selected notes stay selected: their ids are held while their items are hidden
        (the overview outlines them) and selected again when the items come back.
        """
        if on == self.overview_active:
            return
        if on:
            self._held = {note.id for note in self._selected_note_items()}
        self.overview_active = on
        self.loose.setVisible(not on)
        for frame in self.clusters.values():
            frame.layer.setVisible(not on and not frame.cluster.collapsed)
        self.overview.setVisible(on)
        if on:
            self.overview.set_selected(self._held)
        else:
            held, self._held = self._held, set()
            for idea_id in held:
                note = self.notes.get(idea_id)
                if note is not None and note.isVisible():
                    note.setSelected(True)
            self.overview.set_selected(())

    def select_notes(self, notes: Iterable[NoteItem]) -> None:
        """Add these notes to the selection (also far out, where their items are hidden)."""
        if self.overview_active:
            self._held.update(note.id for note in notes if not self._folded(note))
            self.overview.set_selected(self._held)
        else:
            for note in notes:
                if note.isVisible():
                    note.setSelected(True)

    def _folded(self, note: NoteItem) -> bool:
        """Whether the note is in a collapsed frame (hidden at any zoom)."""
        frame = self.frame_of(note)
        return frame is not None and frame.cluster.collapsed

    def clearSelection(self) -> None:
        self._held.clear()
        self.overview.set_selected(())
        super().clearSelection()

    # ----------------------------------------------------------------- search and filters

    def set_search(self, text: str) -> list[NoteItem]:
        """Mark the notes whose text contains ``text`` (case and umlauts ignored).

        Punctuation and spaces count as one space, so "bus hal" finds "Bus-Haltestelle";
        symbols that carry meaning ("c++", "(", an emoji) are searched for as written (case
        still ignored).
        """
        query = text.strip()
        self._search = search_key(query)
        self._search_literal = query.casefold() if query and (
            not self._search or _literal_part(query)) else ""
        for note in self.notes.values():
            self._apply_filters(note)
        self.overview.upsert(self.notes.values(), self.clusters)
        return self.matches()

    def set_filter(self, field_id: uuid.UUID | None, colour: str | None) -> None:
        self._filter_field, self._filter_colour = field_id, colour
        for note in self.notes.values():
            self._apply_filters(note)
        self.overview.upsert(self.notes.values(), self.clusters)

    def matches(self) -> list[NoteItem]:
        found = [note for note in self.notes.values() if note.highlight == Highlight.MATCH]
        found.sort(key=lambda note: (note.idea.y, note.idea.x))
        return found

    def _apply_filters(self, note: NoteItem) -> None:
        idea = note.idea
        hidden_by_filter = (
            (self._filter_field is not None and idea.field_of_action_id != self._filter_field)
            or (self._filter_colour is not None and idea.colour != self._filter_colour))
        if hidden_by_filter:
            note.set_highlight(Highlight.DIMMED)
        elif self._search or self._search_literal:
            found = (not self._search or self._search in search_key(idea.text)
                     or self._search in search_key(idea.author)) and (
                not self._search_literal or self._search_literal in idea.text.casefold()
                or self._search_literal in idea.author.casefold())
            note.set_highlight(Highlight.MATCH if found else Highlight.DIMMED)
        else:
            note.set_highlight(Highlight.NONE)

    # ----------------------------------------------------------------- geometry

    def content_rect(self) -> QRectF:
        """Notes and frames, from the stored positions (ten thousand notes in a few ms)."""
        if self._content is None:
            ideas = [note.idea for note in self.notes.values()]
            xs = [idea.x for idea in ideas]
            ys = [idea.y for idea in ideas]
            rect = QRectF(min(xs), min(ys), max(xs) - min(xs) + NOTE_WIDTH,
                          max(ys) - min(ys) + NOTE_HEIGHT) if xs else QRectF()
            for frame in self.clusters.values():
                rect = rect.united(frame.sceneBoundingRect())
            self._content = rect
        return QRectF(self._content)

    def frames(self, exclude: Iterable[uuid.UUID] = ()) -> dict[uuid.UUID, Rect]:
        """The frames' full rectangles, collapsed ones too: their notes are still there."""
        skip = set(exclude)
        result = {}
        for cluster_id, frame in self.clusters.items():
            if cluster_id in skip:
                continue
            width, height = frame.frame_size()
            result[cluster_id] = Rect(frame.scenePos().x(), frame.scenePos().y(), width, height)
        return result

    def occupied(self) -> list[Rect]:
        """What new notes must not cover: loose notes and frames (a collapsed frame with
        its full size, so nothing lands where its notes show again when it opens)."""
        rects = list(self.frames().values())
        rects += [Rect(note.idea.x, note.idea.y, NOTE_WIDTH, NOTE_HEIGHT)
                  for note in self.loose_notes()]
        return rects

    def loose_notes(self) -> list[NoteItem]:
        return [item for item in self.loose.childItems() if isinstance(item, NoteItem)]

    def selected_notes(self) -> list[NoteItem]:
        if self.overview_active:
            return [self.notes[idea_id] for idea_id in self._held if idea_id in self.notes]
        return self._selected_note_items()

    def _selected_note_items(self) -> list[NoteItem]:
        return [item for item in self.selectedItems() if isinstance(item, NoteItem)]

    def selected_clusters(self) -> list[ClusterItem]:
        return [item for item in self.selectedItems() if isinstance(item, ClusterItem)]

    def cluster_members(self, cluster_id: uuid.UUID) -> list[NoteItem]:
        frame = self.clusters.get(cluster_id)
        if frame is None:
            return []
        members = [child for child in frame.layer.childItems() if isinstance(child, NoteItem)]
        members.sort(key=lambda note: (note.scenePos().y(), note.scenePos().x()))
        return members

    # ----------------------------------------------------------------- moves

    def _frame_under(self, point: tuple[float, float],
                     exclude: set[uuid.UUID]) -> uuid.UUID | None:
        """The frame a dropped note lands in: the scene's index finds the frames under
        the point without a pass over all of them. A collapsed frame is its title bar."""
        frames: dict[uuid.UUID, Rect] = {}
        for item in self.items(QPointF(*point), Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(item, ClusterItem) and item.id not in exclude:
                width, height = item.frame_size()
                if item.cluster.collapsed:
                    height = CLUSTER_HEADER
                frames[item.id] = Rect(item.scenePos().x(), item.scenePos().y(), width, height)
        return cluster_at(frames, *point)

    def free_places(self, frame: ClusterItem, count: int,
                    ignore: Iterable[uuid.UUID] = ()) -> tuple[list[Position], Position]:
        """``count`` places for notes inside ``frame`` that cover none of its other notes
        (grid cells in reading order), and the frame size that holds them all (it grows
        downwards when it is full)."""
        width, height = frame.frame_size()
        left, top = frame.scenePos().x(), frame.scenePos().y()
        skip = set(ignore)
        taken = [Rect(child.scenePos().x(), child.scenePos().y(), NOTE_WIDTH, NOTE_HEIGHT)
                 for child in frame.layer.childItems()
                 if isinstance(child, NoteItem) and child.id not in skip]
        columns = max(1, int((width - GAP) // (NOTE_WIDTH + GAP)))
        places: list[Position] = []
        cell = 0
        while len(places) < count:
            row, column = divmod(cell, columns)
            cell += 1
            x = left + GAP + column * (NOTE_WIDTH + GAP)
            y = top + CLUSTER_HEADER + row * (NOTE_HEIGHT + GAP)
            spot = Rect(x, y, NOTE_WIDTH, NOTE_HEIGHT)
            if not any(spot.intersects(other) for other in taken):
                places.append((x, y))
                taken.append(spot)
        bottom = max((y + NOTE_HEIGHT + GAP for _x, y in places), default=top)
        return places, (width, max(height, bottom - top))

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
        """Work out what a drop means (new places, notes joining or leaving frames, a frame
        dropped onto another) and report it as one change."""
        moved = self._merges(moved)
        if not moved:
            return
        idea_positions: dict[uuid.UUID, Position] = {}
        cluster_positions: dict[uuid.UUID, Position] = {}
        memberships: dict[uuid.UUID, uuid.UUID | None] = {}
        moved_frames = {item.id for item in moved if isinstance(item, ClusterItem)}
        for item in moved:
            if isinstance(item, ClusterItem):
                cluster_positions[item.id] = (item.scenePos().x(), item.scenePos().y())
                for child in item.layer.childItems():
                    if isinstance(child, NoteItem):
                        idea_positions[child.id] = (child.scenePos().x(), child.scenePos().y())
        joining: dict[uuid.UUID, list[NoteItem]] = {}
        for item in moved:
            if not isinstance(item, NoteItem):
                continue
            x, y = item.scenePos().x(), item.scenePos().y()
            idea_positions[item.id] = (x, y)
            current = self.frame_of(item)
            current_id = current.id if current is not None else None
            if current_id in moved_frames:
                continue  # moved together with its frame
            target = self._frame_under(note_center(x, y), moved_frames)
            if target != current_id:
                new_frame = self.clusters.get(target) if target is not None else None
                layer = new_frame.layer if new_frame is not None else self.loose
                if new_frame is not None and new_frame.cluster.collapsed:
                    # Dropped on a collapsed frame's title: it goes inside, to a free place.
                    joining.setdefault(new_frame.id, []).append(item)
                item.setParentItem(layer)
                item.setPos(layer.mapFromScene(QPointF(x, y)))
                memberships[item.id] = target
        sizes = self._place_inside(joining, idea_positions)
        # The frames a note left or joined need a new count.
        touched: set[uuid.UUID | None] = set(memberships.values())
        touched.update(self.notes[idea_id].idea.cluster_id for idea_id in memberships)
        self._recount(touched)
        self._changed_content([item for item in moved if isinstance(item, NoteItem)],
                              [item for item in moved if isinstance(item, ClusterItem)])
        self.moved.emit(idea_positions, cluster_positions, memberships, sizes)

    def _place_inside(self, joining: dict[uuid.UUID, list[NoteItem]],
                      positions: dict[uuid.UUID, Position]) -> dict[uuid.UUID, Position]:
        """Notes dropped on collapsed frames go to free places inside them (noted in
        ``positions``); returns the new sizes of frames that grew to take them."""
        sizes: dict[uuid.UUID, Position] = {}
        for frame_id, notes in joining.items():
            frame = self.clusters[frame_id]
            places, size = self.free_places(frame, len(notes), [n.id for n in notes])
            for note, (x, y) in zip(notes, places, strict=True):
                note.setPos(frame.layer.mapFromScene(QPointF(x, y)))
                positions[note.id] = (x, y)
            if size != frame.frame_size():
                frame.set_frame_size(*size)
                sizes[frame_id] = size
        return sizes

    def _merges(self, moved: Sequence[QGraphicsItem]) -> list[QGraphicsItem]:
        """Frames dropped with their centre on another frame are merged into it (their
        notes take free places there) instead of lying on top of it; returns the rest."""
        moved_frames = {item.id for item in moved if isinstance(item, ClusterItem)}
        rest: list[QGraphicsItem] = []
        merged: set[uuid.UUID] = set()
        for item in moved:
            if not isinstance(item, ClusterItem):
                rest.append(item)
                continue
            width, height = item.frame_size()
            if item.cluster.collapsed:
                height = CLUSTER_HEADER
            centre = (item.scenePos().x() + width / 2, item.scenePos().y() + height / 2)
            target_id = self._frame_under(centre, moved_frames)
            target = self.clusters.get(target_id) if target_id is not None else None
            if target is None:
                rest.append(item)
                continue
            notes = self.cluster_members(item.id)
            places, size = self.free_places(target, len(notes))
            merged.add(item.id)
            self.merge_dropped.emit(target.id, item.id, {
                note.id: place for note, place in zip(notes, places, strict=True)}, size)
        if not merged:
            return rest
        # The merged frames' own notes go with them, even where they were selected too.
        return [item for item in rest if not isinstance(item, NoteItem)
                or (frame := self.frame_of(item)) is None or frame.id not in merged]
