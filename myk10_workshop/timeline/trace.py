"""Where a measure came from: the workshops, boards, clusters and ideas behind it, and how
they fared in the votes.

This is what sets the digital agenda apart from a plain project plan: the project team can
answer "why is this measure on the list?" months after the workshop, from the data alone.
A measure's origins are its ``measure_source`` rows (a cluster or single ideas, recorded
when the facilitator promoted them on the board); the ideas of a source cluster count as
its origins too. Votes are every ballot option naming one of those ideas or clusters, with
the option's result in its ballot (rank, votes, share), read by the ``read_results`` the
caller passes (:func:`myk10_workshop.voting.queries.results`), so they are counted exactly
as the results page shows them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from myk10_workshop.store.schema import (
    Ballot,
    BallotOption,
    Board,
    Cluster,
    FieldOfAction,
    Idea,
    Measure,
    MeasureSource,
    Milestone,
    Workshop,
)
from myk10_workshop.timeline.queries import ResultsReader


@dataclass(frozen=True)
class TraceWorkshop:
    id: uuid.UUID
    title: str
    venue: str
    starts_on: dt.date | None
    ends_on: dt.date | None


@dataclass(frozen=True)
class TraceBoard:
    id: uuid.UUID
    workshop_id: uuid.UUID
    title: str


@dataclass(frozen=True)
class TraceCluster:
    id: uuid.UUID
    board_id: uuid.UUID
    title: str
    # Its live ideas, in reading order (top to bottom, left to right).
    idea_ids: tuple[uuid.UUID, ...]


@dataclass(frozen=True)
class TraceIdea:
    id: uuid.UUID
    board_id: uuid.UUID
    cluster_id: uuid.UUID | None
    text: str
    author: str
    source: str
    created_at: dt.datetime
    # Named by the measure itself (not only through its cluster).
    direct: bool


@dataclass(frozen=True)
class TraceResult:
    """How one option that names an origin of the measure did in its ballot."""

    ballot_id: uuid.UUID
    ballot_title: str
    workshop_id: uuid.UUID
    kind: str
    status: str
    option_id: uuid.UUID
    option_label: str
    # What the option names: an idea or a cluster behind the measure.
    idea_id: uuid.UUID | None
    cluster_id: uuid.UUID | None
    # 1 = best; None for a 2x2 matrix.
    rank: int | None
    options: int
    voters: int
    # Counting kinds: phone and paper votes, and the option's share of all; rating and
    # ranking: the mean rating or rank.
    total: float
    share: float | None
    mean: float | None
    participants: int


@dataclass(frozen=True)
class TraceMilestone:
    id: uuid.UUID
    title: str
    due_on: dt.date
    status: str


@dataclass(frozen=True)
class MeasureTrace:
    measure_id: uuid.UUID
    title: str
    description: str
    field_name: str
    # Earliest workshop first; then the boards, clusters and ideas in reading order.
    workshops: tuple[TraceWorkshop, ...]
    boards: tuple[TraceBoard, ...]
    clusters: tuple[TraceCluster, ...]
    ideas: tuple[TraceIdea, ...]
    results: tuple[TraceResult, ...]
    # Milestones linked to the measure.
    milestones: tuple[TraceMilestone, ...]

    @property
    def idea_count(self) -> int:
        return len(self.ideas)


def trace_measure(session: Session, measure_id: uuid.UUID,
                  read_results: ResultsReader) -> MeasureTrace | None:
    """The measure's trace; None if the measure is gone. Deleted origins are left out.
    ``read_results``: :func:`myk10_workshop.voting.queries.results`."""
    measure = Measure.__table__.c
    row = session.execute(
        select(measure.title, measure.description, measure.field_of_action_id)
        .where(measure.id == measure_id, measure.deleted.is_(False))).first()
    if row is None:
        return None
    title, description, field_id = row
    field_name = ""
    if field_id is not None:
        field = FieldOfAction.__table__.c
        field_name = session.scalar(select(field.name).where(
            field.id == field_id, field.deleted.is_(False))) or ""

    source = MeasureSource.__table__.c
    sources = session.execute(select(source.idea_id, source.cluster_id).where(
        source.measure_id == measure_id, source.deleted.is_(False))).all()
    direct_ideas = {idea_id for idea_id, _ in sources if idea_id is not None}
    named_clusters = {cluster_id for _, cluster_id in sources if cluster_id is not None}

    cluster = Cluster.__table__.c
    cluster_rows = session.execute(
        select(cluster.id, cluster.board_id, cluster.title)
        .where(cluster.id.in_(sorted(named_clusters)), cluster.deleted.is_(False))
        .order_by(cluster.y, cluster.x, cluster.id)).all() if named_clusters else []
    live_clusters = {cluster_id for cluster_id, _, _ in cluster_rows}

    idea = Idea.__table__.c
    conditions = []
    if direct_ideas:
        conditions.append(idea.id.in_(sorted(direct_ideas)))
    if live_clusters:
        conditions.append(idea.cluster_id.in_(sorted(live_clusters)))
    idea_rows = session.execute(
        select(idea.id, idea.board_id, idea.cluster_id, idea.text, idea.author, idea.source,
               idea.created_at)
        .where(or_(*conditions), idea.deleted.is_(False))
        .order_by(idea.y, idea.x, idea.id)).all() if conditions else []
    ideas = tuple(TraceIdea(*values, direct=values[0] in direct_ideas)
                  for values in idea_rows)
    members: dict[uuid.UUID, list[uuid.UUID]] = {c: [] for c in live_clusters}
    for item in ideas:
        if item.cluster_id in members:
            members[item.cluster_id].append(item.id)
    clusters = tuple(TraceCluster(cluster_id, board_id, cluster_title,
                                  tuple(members[cluster_id]))
                     for cluster_id, board_id, cluster_title in cluster_rows)

    idea_ids = {item.id for item in ideas}
    results = _results(session, idea_ids, live_clusters, read_results)
    board_ids = ({item.board_id for item in ideas}
                 | {item.board_id for item in clusters})
    boards = _boards(session, board_ids)
    workshop_ids = ({board.workshop_id for board in boards}
                    | {result.workshop_id for result in results})
    milestone = Milestone.__table__.c
    milestones = tuple(TraceMilestone(*values) for values in session.execute(
        select(milestone.id, milestone.title, milestone.due_on, milestone.status)
        .where(milestone.measure_id == measure_id, milestone.deleted.is_(False))
        .order_by(milestone.due_on, milestone.id)))
    return MeasureTrace(measure_id, title, description, field_name,
                        _workshops(session, workshop_ids), boards, clusters, ideas, results,
                        milestones)


def _boards(session: Session, board_ids: Iterable[uuid.UUID]) -> tuple[TraceBoard, ...]:
    wanted = set(board_ids)
    if not wanted:
        return ()
    board = Board.__table__.c
    return tuple(TraceBoard(*values) for values in session.execute(
        select(board.id, board.workshop_id, board.title)
        .where(board.id.in_(sorted(wanted)), board.deleted.is_(False))
        .order_by(board.order_key, board.id)))


def _workshops(session: Session,
               workshop_ids: Iterable[uuid.UUID]) -> tuple[TraceWorkshop, ...]:
    wanted = set(workshop_ids)
    if not wanted:
        return ()
    workshop = Workshop.__table__.c
    found = [TraceWorkshop(*values) for values in session.execute(
        select(workshop.id, workshop.title, workshop.venue, workshop.starts_on,
               workshop.ends_on)
        .where(workshop.id.in_(sorted(wanted)), workshop.deleted.is_(False)))]
    found.sort(key=lambda w: (w.starts_on is None, w.starts_on or dt.date.min, w.title, w.id))
    return tuple(found)


def _results(session: Session, idea_ids: set[uuid.UUID], cluster_ids: set[uuid.UUID],
             read_results: ResultsReader) -> tuple[TraceResult, ...]:
    """Every live option naming one of the ideas or clusters, with its result; by
    workshop, ballot order, then rank within the ballot."""
    if not idea_ids and not cluster_ids:
        return ()
    option, ballot = BallotOption.__table__.c, Ballot.__table__.c
    conditions = []
    if idea_ids:
        conditions.append(option.idea_id.in_(sorted(idea_ids)))
    if cluster_ids:
        conditions.append(option.cluster_id.in_(sorted(cluster_ids)))
    wanted: dict[uuid.UUID, set[uuid.UUID]] = {}
    for option_id, ballot_id in session.execute(
            select(option.id, option.ballot_id)
            .join(Ballot.__table__, ballot.id == option.ballot_id)
            .where(or_(*conditions), option.deleted.is_(False), ballot.deleted.is_(False))):
        wanted.setdefault(ballot_id, set()).add(option_id)
    if not wanted:
        return ()
    ballots = session.execute(
        select(ballot.id, ballot.title, ballot.workshop_id, ballot.kind, ballot.status,
               ballot.order_key)
        .where(ballot.id.in_(sorted(wanted)))
        .order_by(ballot.workshop_id, ballot.order_key, ballot.id)).all()
    found: list[TraceResult] = []
    for ballot_id, title, workshop_id, kind, status, _order_key in ballots:
        results = read_results(session, ballot_id)
        if results is None:  # pragma: no cover - the ballot was read live just now
            continue
        chosen = [r for r in results.options if r.option_id in wanted[ballot_id]]
        chosen.sort(key=lambda r: (r.rank is None, r.rank or 0, r.label))
        found.extend(TraceResult(
            ballot_id, title, workshop_id, kind, status, result.option_id, result.label,
            result.idea_id, result.cluster_id, result.rank, len(results.options),
            result.voters, result.total, result.share, result.mean, results.participants)
            for result in chosen)
    return tuple(found)
