"""Named operations of the board. Each is one undo step and one transaction.

Most are compositions of the store's generic operations, built from what the view shows;
the ones whose effect depends on rows the view may not know at the moment they run (the
members of a cluster that is merged or dissolved) read them inside their transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select

from myk10_workshop.board.layout import Rect, frame_around
from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.ids import fresh_id
from myk10_workshop.store.operations import (
    Batch,
    BulkCreate,
    Create,
    Delete,
    Operation,
    Restore,
    Tx,
    Update,
)
from myk10_workshop.store.schema import (
    BallotOption,
    Idea,
    IdeaSource,
    IdeaState,
    MeasureSource,
)

NOTE_COLOURS = ("#fff59d", "#ffcc80", "#a5d6a7", "#90caf9", "#f48fb1", "#ce93d8", "#e0e0e0")
CLUSTER_COLOURS = (
    "#e3f2fd",
    "#fce4ec",
    "#e8f5e9",
    "#fff3e0",
    "#ede7f6",
    "#e0f7fa",
    "#f1f8e9",
    "#fbe9e7",
)


def create_idea(
    board_id: uuid.UUID,
    text: str,
    x: float,
    y: float,
    *,
    colour: str = NOTE_COLOURS[0],
    private: bool = False,
    source: str = IdeaSource.TYPED.value,
    author: str = "",
    field_of_action_id: uuid.UUID | None = None,
    cluster_id: uuid.UUID | None = None,
) -> Create:
    return Create(
        "idea",
        {
            "board_id": board_id,
            "text": text,
            "x": x,
            "y": y,
            "colour": colour,
            "source": source,
            "state": _new_state(private),
            "author": author,
            "field_of_action_id": field_of_action_id,
            "cluster_id": cluster_id,
        },
    )


def _new_state(private: bool) -> str:
    """The state of a note that arrives on the board (private in a private brainstorm)."""
    return IdeaState.PRIVATE.value if private else IdeaState.BOARD.value


def create_ideas(
    board_id: uuid.UUID,
    texts: Sequence[str],
    positions: Sequence[tuple[float, float]],
    *,
    private: bool = False,
    colour: str = NOTE_COLOURS[0],
) -> Operation:
    """Several notes at once (pasted lines): one undo step."""
    creates = tuple(
        create_idea(board_id, text, x, y, private=private, colour=colour)
        for text, (x, y) in zip(texts, positions, strict=True)
    )
    if len(creates) == 1:
        return creates[0]
    return Batch(creates, QT_TRANSLATE_NOOP("BoardOperation", "Add ideas"))


def import_ideas(
    board_id: uuid.UUID,
    rows: Sequence[Mapping[str, Any]],
    positions: Sequence[tuple[float, float]],
    *,
    private: bool = False,
) -> BulkCreate:
    """Ideas from a file, in one bulk insert (thousands of rows stay fast); in a private
    brainstorm they stay hidden on the projector like typed ones."""
    state = _new_state(private)
    return BulkCreate(
        tuple(
            (
                "idea",
                fresh_id(),
                {
                    "board_id": board_id,
                    "text": row["text"],
                    "x": x,
                    "y": y,
                    "colour": row.get("colour") or NOTE_COLOURS[0],
                    "author": row.get("author", ""),
                    "source": IdeaSource.IMPORT.value,
                    "state": state,
                    "field_of_action_id": row.get("field_of_action_id"),
                },
            )
            for row, (x, y) in zip(rows, positions, strict=True)
        ),
        QT_TRANSLATE_NOOP("BoardOperation", "Import ideas"),
    )


def edit_idea(idea_id: uuid.UUID, **changes: Any) -> Update:
    return Update("idea", idea_id, changes)


def delete_items(
    idea_ids: Iterable[uuid.UUID] = (), cluster_ids: Iterable[uuid.UUID] = ()
) -> Operation:
    """Delete notes and frames; a deleted frame's notes stay on the board, unclustered."""
    steps: list[Operation] = [DissolveCluster(cluster_id) for cluster_id in cluster_ids]
    steps += [Delete("idea", idea_id) for idea_id in idea_ids]
    return (
        steps[0]
        if len(steps) == 1
        else Batch(tuple(steps), QT_TRANSLATE_NOOP("BoardOperation", "Delete"))
    )


def move(
    ideas: Mapping[uuid.UUID, tuple[float, float]] | None = None,
    clusters: Mapping[uuid.UUID, tuple[float, float]] | None = None,
    memberships: Mapping[uuid.UUID, uuid.UUID | None] | None = None,
    sizes: Mapping[uuid.UUID, tuple[float, float]] | None = None,
) -> Operation:
    """Notes and frames moved together (one drag); notes that changed frame join or leave;
    frames in ``sizes`` grew to take notes dropped into them."""
    memberships = memberships or {}
    steps: list[Operation] = []
    for cluster_id, (x, y) in (clusters or {}).items():
        steps.append(Update("cluster", cluster_id, {"x": x, "y": y}))
    for cluster_id, (width, height) in (sizes or {}).items():
        steps.append(Update("cluster", cluster_id, {"width": width, "height": height}))
    for idea_id, (x, y) in (ideas or {}).items():
        changes: dict[str, Any] = {"x": x, "y": y}
        if idea_id in memberships:
            changes["cluster_id"] = memberships[idea_id]
        steps.append(Update("idea", idea_id, changes))
    for idea_id, membership in memberships.items():
        if idea_id not in (ideas or {}):
            steps.append(Update("idea", idea_id, {"cluster_id": membership}))
    return Batch(tuple(steps), QT_TRANSLATE_NOOP("BoardOperation", "Move"))


def create_cluster(
    board_id: uuid.UUID,
    title: str,
    members: Mapping[uuid.UUID, tuple[float, float]],
    *,
    colour: str = CLUSTER_COLOURS[0],
    frame: Rect | None = None,
    moves: Mapping[uuid.UUID, tuple[float, float]] | None = None,
) -> Batch:
    """A frame around the given notes (or ``frame``), which join it. ``moves`` places notes
    first (accepting a suggestion lays its notes out in the new frame)."""
    moves = moves or {}
    placed = {idea_id: moves.get(idea_id, position) for idea_id, position in members.items()}
    box = frame or frame_around(placed.values())
    cluster = Create(
        "cluster",
        {
            "board_id": board_id,
            "title": title,
            "colour": colour,
            "x": box.x,
            "y": box.y,
            "width": box.width,
            "height": box.height,
        },
    )
    joins: list[Operation] = []
    for idea_id in members:
        changes: dict[str, Any] = {"cluster_id": cluster.id}
        if idea_id in moves:
            changes["x"], changes["y"] = moves[idea_id]
        joins.append(Update("idea", idea_id, changes))
    return Batch((cluster, *joins), QT_TRANSLATE_NOOP("BoardOperation", "Create cluster"))


def edit_cluster(cluster_id: uuid.UUID, **changes: Any) -> Update:
    """Rename, recolour, resize, collapse or expand a cluster."""
    return Update("cluster", cluster_id, changes)


def tidy_cluster(
    cluster_id: uuid.UUID, positions: Mapping[uuid.UUID, tuple[float, float]], frame: Rect
) -> Batch:
    steps: list[Operation] = [
        Update(
            "cluster",
            cluster_id,
            {"x": frame.x, "y": frame.y, "width": frame.width, "height": frame.height},
        )
    ]
    steps += [Update("idea", idea_id, {"x": x, "y": y}) for idea_id, (x, y) in positions.items()]
    return Batch(tuple(steps), QT_TRANSLATE_NOOP("BoardOperation", "Tidy cluster"))


def accept_from_inbox(
    positions: Mapping[uuid.UUID, tuple[float, float]], *, private: bool = False
) -> Batch:
    """Phone ideas from the inbox onto the board, at the given places (hidden on the
    projector in a private brainstorm)."""
    state = _new_state(private)
    return Batch(
        tuple(
            Update("idea", idea_id, {"state": state, "x": x, "y": y})
            for idea_id, (x, y) in positions.items()
        ),
        QT_TRANSLATE_NOOP("BoardOperation", "Accept ideas"),
    )


def hide_ideas(idea_ids: Iterable[uuid.UUID]) -> Batch:
    return Batch(
        tuple(Update("idea", idea_id, {"state": IdeaState.HIDDEN.value}) for idea_id in idea_ids),
        QT_TRANSLATE_NOOP("BoardOperation", "Hide ideas"),
    )


def set_private_mode(board_id: uuid.UUID, private: bool) -> Update:
    return Update("board", board_id, {"private_mode": private})


@dataclass(frozen=True)
class RevealPrivate(Operation):
    """Show all notes of a private brainstorm on the projector, including any that arrived
    a moment ago and are not on screen yet."""

    board_id: uuid.UUID
    name: ClassVar[str] = "reveal_private"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("BoardOperation", "Reveal ideas")

    def apply(self, tx: Tx) -> Operation:
        tx.require("board", self.board_id)
        private = tx.session.scalars(
            select(Idea.id).where(
                Idea.board_id == self.board_id,
                Idea.deleted.is_(False),
                Idea.state == IdeaState.PRIVATE.value,
            )
        )
        inverse = [
            Update("idea", idea_id, tx.update("idea", idea_id, {"state": IdeaState.BOARD.value}))
            for idea_id in list(private)
        ]
        return Batch(tuple(inverse), self.label)


def promote_to_measure(
    project_id: uuid.UUID,
    title: str,
    *,
    idea_ids: Sequence[uuid.UUID] = (),
    cluster_id: uuid.UUID | None = None,
    field_of_action_id: uuid.UUID | None = None,
    description: str = "",
) -> Batch:
    """A measure of the digital agenda that remembers the notes or cluster it came from."""
    measure = Create(
        "measure",
        {
            "project_id": project_id,
            "title": title[:200],
            "description": description,
            "field_of_action_id": field_of_action_id,
        },
    )
    sources: list[Operation] = []
    if cluster_id is not None:
        sources.append(
            Create("measure_source", {"measure_id": measure.id, "cluster_id": cluster_id})
        )
    sources += [
        Create("measure_source", {"measure_id": measure.id, "idea_id": idea_id})
        for idea_id in idea_ids
    ]
    return Batch((measure, *sources), QT_TRANSLATE_NOOP("BoardOperation", "Make a measure"))


@dataclass(frozen=True)
class DissolveCluster(Operation):
    """Remove a frame; its notes stay where they are, in no cluster."""

    cluster_id: uuid.UUID
    name: ClassVar[str] = "dissolve_cluster"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("BoardOperation", "Dissolve cluster")

    def apply(self, tx: Tx) -> Operation:
        tx.require("cluster", self.cluster_id)
        inverse: list[Operation] = []
        for idea_id in _members(tx, self.cluster_id):
            old = tx.update("idea", idea_id, {"cluster_id": None})
            inverse.append(Update("idea", idea_id, old))
        inverse.append(Delete("cluster", self.cluster_id).apply(tx))
        return Batch(tuple(reversed(inverse)), self.label)


@dataclass(frozen=True)
class MergeClusters(Operation):
    """Move the notes of ``other`` into ``target``; the target's frame grows to hold both;
    ``other`` goes away."""

    target: uuid.UUID
    other: uuid.UUID
    name: ClassVar[str] = "merge_clusters"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("BoardOperation", "Merge clusters")

    def validate(self) -> None:
        if self.target == self.other:
            raise ValidationError(
                QT_TRANSLATE_NOOP("BoardOperation", "A cluster cannot be merged with itself.")
            )

    def apply(self, tx: Tx) -> Operation:
        target = tx.require("cluster", self.target)
        other = tx.require("cluster", self.other)
        box = _frame(target).united(_frame(other))
        inverse: list[Operation] = [
            Update(
                "cluster",
                self.target,
                tx.update(
                    "cluster",
                    self.target,
                    {"x": box.x, "y": box.y, "width": box.width, "height": box.height},
                ),
            )
        ]
        for idea_id in _members(tx, self.other):
            inverse.append(
                Update("idea", idea_id, tx.update("idea", idea_id, {"cluster_id": self.target}))
            )
        inverse += _follow_merge(tx, self.other, self.target)
        inverse.append(Delete("cluster", self.other).apply(tx))
        return Batch(tuple(reversed(inverse)), self.label)


def _follow_merge(tx: Tx, other: uuid.UUID, target: uuid.UUID) -> list[Operation]:
    """What pointed at a merged-away frame points at the one it joined: the ballot options
    on it (its dots stay on the board) and the measures it led to (their trace back to the
    board stays whole). A measure that came from both frames keeps one link. The inverse
    steps."""
    inverse: list[Operation] = []
    options = BallotOption.__table__.c
    for option_id in tx.session.scalars(select(options.id).where(
            options.cluster_id == other, options.deleted.is_(False))):
        inverse.append(Update("ballot_option", option_id,
                              tx.update("ballot_option", option_id, {"cluster_id": target})))
    sources = MeasureSource.__table__.c
    linked = set(tx.session.scalars(select(sources.measure_id).where(
        sources.cluster_id == target, sources.deleted.is_(False))))
    for source_id, measure_id in tx.session.execute(select(sources.id, sources.measure_id).where(
            sources.cluster_id == other, sources.deleted.is_(False))).all():
        if measure_id in linked:
            tx.set_deleted("measure_source", source_id, True)
            inverse.append(Restore((("measure_source", source_id),)))
        else:
            linked.add(measure_id)
            inverse.append(Update("measure_source", source_id, tx.update(
                "measure_source", source_id, {"cluster_id": target})))
    return inverse


def merge_dropped(
    target: uuid.UUID,
    other: uuid.UUID,
    places: Mapping[uuid.UUID, tuple[float, float]],
    frame: Rect,
) -> Batch:
    """A frame dropped onto another: its notes join the target at free places in it
    (``places``) instead of lying on top of the target's notes; the target keeps its place
    and takes the size ``frame``; the dropped frame goes away. One undo step."""
    steps: list[Operation] = [MergeClusters(target, other)]
    steps.append(
        Update(
            "cluster",
            target,
            {"x": frame.x, "y": frame.y, "width": frame.width, "height": frame.height},
        )
    )
    steps += [Update("idea", idea_id, {"x": x, "y": y}) for idea_id, (x, y) in places.items()]
    return Batch(tuple(steps), QT_TRANSLATE_NOOP("BoardOperation", "Merge clusters"))


def _frame(row: Mapping[str, Any]) -> Rect:
    return Rect(row["x"], row["y"], row["width"], row["height"])


def _members(tx: Tx, cluster_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        tx.session.scalars(
            select(Idea.id)
            .where(Idea.cluster_id == cluster_id, Idea.deleted.is_(False))
            .order_by(Idea.y, Idea.x)
        )
    )


def _one_step(steps: Sequence[Operation], label: Message) -> Operation:
    return steps[0] if len(steps) == 1 else Batch(tuple(steps), label)


def recolour(
    idea_ids: Sequence[uuid.UUID], cluster_ids: Sequence[uuid.UUID], colour: str
) -> Operation:
    steps: list[Operation] = [Update("idea", i, {"colour": colour}) for i in idea_ids]
    steps += [Update("cluster", c, {"colour": colour}) for c in cluster_ids]
    return _one_step(steps, QT_TRANSLATE_NOOP("BoardOperation", "Change colour"))


def tag_field(idea_ids: Sequence[uuid.UUID], field_of_action_id: uuid.UUID | None) -> Operation:
    return _one_step(
        [Update("idea", i, {"field_of_action_id": field_of_action_id}) for i in idea_ids],
        QT_TRANSLATE_NOOP("BoardOperation", "Tag with a field of action"),
    )


def set_author(idea_ids: Sequence[uuid.UUID], author: str) -> Operation:
    return _one_step(
        [Update("idea", i, {"author": author}) for i in idea_ids],
        QT_TRANSLATE_NOOP("BoardOperation", "Set author"),
    )


@dataclass(frozen=True)
class NoteCopy:
    text: str
    colour: str
    author: str
    field_of_action_id: uuid.UUID | None


def copy_ideas(
    board_id: uuid.UUID,
    copies: Sequence[NoteCopy],
    positions: Sequence[tuple[float, float]],
    *,
    private: bool = False,
) -> Operation:
    """New notes with the content of others (copy and paste, duplicate); private in a
    private brainstorm, like typed ones."""
    return _one_step(
        [
            create_idea(
                board_id,
                copy.text,
                x,
                y,
                colour=copy.colour,
                author=copy.author,
                field_of_action_id=copy.field_of_action_id,
                private=private,
            )
            for copy, (x, y) in zip(copies, positions, strict=True)
        ],
        QT_TRANSLATE_NOOP("BoardOperation", "Copy ideas"),
    )


def sort_into_cluster(
    cluster_id: uuid.UUID,
    joining: Sequence[uuid.UUID],
    positions: Mapping[uuid.UUID, tuple[float, float]],
    frame: Rect,
) -> Batch:
    """Notes join a cluster; its members (old and new) are laid out anew in its frame."""
    joined = set(joining)
    steps: list[Operation] = [
        Update(
            "cluster",
            cluster_id,
            {"x": frame.x, "y": frame.y, "width": frame.width, "height": frame.height},
        )
    ]
    for idea_id, (x, y) in positions.items():
        changes: dict[str, Any] = {"x": x, "y": y}
        if idea_id in joined:
            changes["cluster_id"] = cluster_id
        steps.append(Update("idea", idea_id, changes))
    return Batch(tuple(steps), QT_TRANSLATE_NOOP("BoardOperation", "Sort into cluster"))
