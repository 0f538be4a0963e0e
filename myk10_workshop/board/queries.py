"""Read models of boards: plain, immutable snapshots that views are built from."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, Table, or_, select
from sqlalchemy.orm import Session

from myk10_workshop.store.operations import row_writer
from myk10_workshop.store.schema import (
    Ballot,
    BallotOption,
    Board,
    Cluster,
    FieldOfAction,
    Idea,
    IdeaState,
    Measure,
    MeasureSource,
    PaperTally,
    Vote,
    Workshop,
)


@dataclass(frozen=True)
class BoardInfo:
    id: uuid.UUID
    workshop_id: uuid.UUID
    project_id: uuid.UUID
    title: str
    field_of_action_id: uuid.UUID | None
    private_mode: bool


@dataclass(frozen=True)
class IdeaView:
    id: uuid.UUID
    text: str
    colour: str
    x: float
    y: float
    cluster_id: uuid.UUID | None
    field_of_action_id: uuid.UUID | None
    author: str
    source: str
    state: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ClusterView:
    id: uuid.UUID
    title: str
    colour: str
    x: float
    y: float
    width: float
    height: float
    collapsed: bool


@dataclass(frozen=True)
class FieldView:
    id: uuid.UUID
    name: str
    colour: str


@dataclass(frozen=True)
class BoardSnapshot:
    board: BoardInfo
    ideas: tuple[IdeaView, ...]
    clusters: tuple[ClusterView, ...]
    fields: tuple[FieldView, ...]
    # Dots per idea or cluster (phone votes plus paper tallies) of the board's ballots.
    votes: dict[uuid.UUID, int]


def list_boards(session: Session, workshop_id: uuid.UUID) -> tuple[BoardInfo, ...]:
    query = (select(Board, Workshop.project_id).join(Workshop, Board.workshop_id == Workshop.id)
             .where(Board.workshop_id == workshop_id, Board.deleted.is_(False))
             .order_by(Board.order_key))
    return tuple(_info(board, project_id) for board, project_id in session.execute(query))


def _info(board: Board, project_id: uuid.UUID) -> BoardInfo:
    return BoardInfo(board.id, board.workshop_id, project_id, board.title,
                     board.field_of_action_id, board.private_mode)


def load_board(session: Session, board_id: uuid.UUID) -> BoardSnapshot | None:
    """Everything a board view shows, read in one snapshot; None if the board is gone.

    Plain Core selects: ten thousand notes come back as tuples in a few tens of
    milliseconds, where ORM objects would take several times as long.
    """
    row = session.execute(
        select(Board, Workshop.project_id).join(Workshop, Board.workshop_id == Workshop.id)
        .where(Board.id == board_id, Board.deleted.is_(False))).first()
    if row is None:
        return None
    board = _info(row[0], row[1])
    idea = Idea.__table__.c
    ideas = tuple(
        IdeaView(*values) for values in session.execute(
            _idea_columns().where(idea.board_id == board_id, idea.deleted.is_(False))
            .order_by(idea.created_at, idea.id)))
    cluster = Cluster.__table__.c
    clusters = tuple(
        ClusterView(*values) for values in session.execute(
            select(cluster.id, cluster.title, cluster.colour, cluster.x, cluster.y,
                   cluster.width, cluster.height, cluster.collapsed)
            .where(cluster.board_id == board_id, cluster.deleted.is_(False))))
    fields = tuple(
        FieldView(field_id, name, colour) for field_id, name, colour in session.execute(
            select(FieldOfAction.id, FieldOfAction.name, FieldOfAction.colour)
            .where(FieldOfAction.project_id == board.project_id,
                   FieldOfAction.deleted.is_(False))
            .order_by(FieldOfAction.order_key)))
    return BoardSnapshot(board, ideas, clusters, fields, vote_totals(session, board_id))


def vote_totals(session: Session, board_id: uuid.UUID) -> dict[uuid.UUID, int]:
    """Dots per idea and per cluster over the board's ballots, phone and paper together.

    Read again after every vote of a burst, on a reader thread that shares the interpreter
    with the server and the writer: SQLite sums the totals and hands back one row, one
    JSON text (a row at a time through SQLAlchemy was a trip through the interpreter lock
    per option, and most of the read's time)."""
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    # Ids as the column type stores them and reads them back.
    ids = row_writer(cast(Table, Ballot.__table__), session.get_bind().dialect)
    row = driver.execute(_TOTALS_SQL, (ids.bind_one("board_id", board_id),)).fetchone()
    read_id = ids.read_id
    totals: dict[uuid.UUID, int] = defaultdict(int)
    for target, phone, paper in json.loads(row[0] if row and row[0] else "[]"):
        # Per option as before: phone values summed, then whole dots, plus the paper ones.
        totals[read_id(target)] += int(phone) + int(paper)
    return dict(totals)


# The options of the board's live ballots that stand for a note or a frame, each with the
# sum of its live phone votes (from the index on option, deleted, value alone) and of its
# live paper tallies.
_TOTALS_SQL = f"""
SELECT json_group_array(json_array(
    coalesce(o.idea_id, o.cluster_id),
    coalesce((SELECT sum(v.value) FROM {Vote.__tablename__} AS v
              WHERE v.option_id = o.id AND v.deleted = 0), 0),
    coalesce((SELECT sum(p.count) FROM {PaperTally.__tablename__} AS p
              WHERE p.option_id = o.id AND p.deleted = 0), 0)))
FROM {BallotOption.__tablename__} AS o
JOIN {Ballot.__tablename__} AS b ON b.id = o.ballot_id
WHERE b.board_id = ? AND b.deleted = 0 AND o.deleted = 0
  AND coalesce(o.idea_id, o.cluster_id) IS NOT NULL
"""


@dataclass(frozen=True)
class BoardDelta:
    """The current state of some rows of a board, after a change."""

    ideas: tuple[IdeaView, ...]
    clusters: tuple[ClusterView, ...]
    gone_ideas: frozenset[uuid.UUID]
    gone_clusters: frozenset[uuid.UUID]


def load_delta(session: Session, board_id: uuid.UUID, idea_ids: frozenset[uuid.UUID],
               cluster_ids: frozenset[uuid.UUID]) -> BoardDelta:
    """Rows that a change set names: live ones of this board come back, the rest are gone.

    A move of one note reads one row instead of the whole board.
    """
    idea = Idea.__table__.c
    ideas: tuple[IdeaView, ...] = ()
    if idea_ids:
        ideas = tuple(IdeaView(*values) for values in session.execute(
            _idea_columns().where(idea.id.in_(idea_ids), idea.board_id == board_id,
                                  idea.deleted.is_(False))))
    cluster = Cluster.__table__.c
    clusters: tuple[ClusterView, ...] = ()
    if cluster_ids:
        clusters = tuple(ClusterView(*values) for values in session.execute(
            select(cluster.id, cluster.title, cluster.colour, cluster.x, cluster.y,
                   cluster.width, cluster.height, cluster.collapsed)
            .where(cluster.id.in_(cluster_ids), cluster.board_id == board_id,
                   cluster.deleted.is_(False))))
    return BoardDelta(ideas, clusters,
                      idea_ids - {row.id for row in ideas},
                      cluster_ids - {row.id for row in clusters})


def measure_links(session: Session, idea_ids: frozenset[uuid.UUID],
                  cluster_id: uuid.UUID | None = None) -> dict[uuid.UUID, str]:
    """Which of these ideas (and the cluster) a live measure already came from: source id
    -> the measure's title. Promoting them again would make a second measure of the same."""
    source = MeasureSource.__table__.c
    measure = Measure.__table__.c
    conditions: list[ColumnElement[bool]] = []
    if idea_ids:
        conditions.append(source.idea_id.in_(idea_ids))
    if cluster_id is not None:
        conditions.append(source.cluster_id == cluster_id)
    if not conditions:
        return {}
    wanted = or_(*conditions)
    links: dict[uuid.UUID, str] = {}
    for idea_id, linked_cluster, title in session.execute(
            select(source.idea_id, source.cluster_id, measure.title)
            .join(Measure, Measure.id == source.measure_id)
            .where(wanted, source.deleted.is_(False), measure.deleted.is_(False))
            .order_by(measure.title)):
        for linked in (idea_id, linked_cluster):
            if linked is not None and (linked in idea_ids or linked == cluster_id):
                links.setdefault(linked, title)
    return links


def inbox(session: Session, board_id: uuid.UUID) -> tuple[IdeaView, ...]:
    """Ideas that arrived from phones and wait for the facilitator, oldest first."""
    idea = Idea.__table__.c
    return tuple(IdeaView(*values) for values in session.execute(
        _idea_columns().where(idea.board_id == board_id, idea.deleted.is_(False),
                              idea.state == IdeaState.INBOX.value)
        .order_by(idea.created_at)))


def _idea_columns() -> Select[Any]:
    """The columns of an :class:`IdeaView`, in its field order."""
    idea = Idea.__table__.c
    return select(idea.id, idea.text, idea.colour, idea.x, idea.y, idea.cluster_id,
                  idea.field_of_action_id, idea.author, idea.source, idea.state,
                  idea.created_at)
