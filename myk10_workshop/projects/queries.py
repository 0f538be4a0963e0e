"""Read models for the navigator and the overview page (plain, immutable snapshots)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from myk10_workshop.i18n import collation_key
from myk10_workshop.store.schema import (
    Ballot,
    Board,
    FieldOfAction,
    Idea,
    Measure,
    Milestone,
    Project,
    Workshop,
)


@dataclass(frozen=True)
class WorkshopNode:
    id: uuid.UUID
    project_id: uuid.UUID
    title: str
    venue: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    description: str

    @property
    def label(self) -> str:
        return self.title


@dataclass(frozen=True)
class FieldNode:
    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    colour: str
    description: str
    order_key: str

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class ProjectNode:
    id: uuid.UUID
    name: str
    description: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    workshops: tuple[WorkshopNode, ...]
    fields: tuple[FieldNode, ...]

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class ProjectCounts:
    workshops: int = 0
    fields: int = 0
    boards: int = 0
    ideas: int = 0
    ballots: int = 0
    measures: int = 0
    milestones: int = 0


def _by_date(node: WorkshopNode) -> tuple[bool, dt.date, str]:
    return (node.starts_on is None, node.starts_on or dt.date.max, collation_key(node.title))


def load_tree(session: Session) -> tuple[ProjectNode, ...]:
    """All live projects with their live workshops (by date) and fields (by order)."""
    workshops: dict[uuid.UUID, list[WorkshopNode]] = defaultdict(list)
    for w in session.scalars(select(Workshop).where(Workshop.deleted.is_(False))):
        workshops[w.project_id].append(WorkshopNode(
            w.id, w.project_id, w.title, w.venue, w.starts_on, w.ends_on, w.description))
    fields: dict[uuid.UUID, list[FieldNode]] = defaultdict(list)
    query = select(FieldOfAction).where(FieldOfAction.deleted.is_(False)).order_by(
        FieldOfAction.order_key)
    for f in session.scalars(query):
        fields[f.project_id].append(FieldNode(
            f.id, f.project_id, f.name, f.colour, f.description, f.order_key))
    projects = session.scalars(select(Project).where(Project.deleted.is_(False)))
    nodes = [
        ProjectNode(p.id, p.name, p.description, p.starts_on, p.ends_on,
                    tuple(sorted(workshops[p.id], key=_by_date)), tuple(fields[p.id]))
        for p in projects
    ]
    nodes.sort(key=lambda node: collation_key(node.name))
    return tuple(nodes)


def load_counts(session: Session, project_id: uuid.UUID) -> ProjectCounts:
    """How much a project holds, for its overview."""
    def count(query: object) -> int:
        return int(session.scalar(query) or 0)  # type: ignore[call-overload]

    live_workshops = select(Workshop.id).where(
        Workshop.project_id == project_id, Workshop.deleted.is_(False))
    live_boards = select(Board.id).where(
        Board.workshop_id.in_(live_workshops), Board.deleted.is_(False))
    return ProjectCounts(
        workshops=count(select(func.count()).select_from(live_workshops.subquery())),
        fields=count(select(func.count()).where(
            FieldOfAction.project_id == project_id, FieldOfAction.deleted.is_(False))),
        boards=count(select(func.count()).select_from(live_boards.subquery())),
        ideas=count(select(func.count()).where(
            Idea.board_id.in_(live_boards), Idea.deleted.is_(False))),
        ballots=count(select(func.count()).where(
            Ballot.workshop_id.in_(live_workshops), Ballot.deleted.is_(False))),
        measures=count(select(func.count()).where(
            Measure.project_id == project_id, Measure.deleted.is_(False))),
        milestones=count(select(func.count()).where(
            Milestone.project_id == project_id, Milestone.deleted.is_(False))),
    )


def count_projects(session: Session) -> int:
    """Live projects in the database (an empty data folder has none)."""
    return int(session.scalar(select(func.count()).where(Project.deleted.is_(False))) or 0)
