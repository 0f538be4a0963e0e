"""The whole domain as SQLAlchemy 2 typed mappings.

Every entity has a UUID primary key (sync merges rows from many laptops) and a ``deleted``
tombstone instead of hard deletes (sync must carry deletions). Ordered children carry a
fractional ``order_key`` (see :mod:`myk10_workshop.store.order_keys`) that two laptops can
edit independently and still merge.

Schema changes are made by a new Alembic revision in ``store/migrations/versions``; a test
checks that the migrations produce exactly this metadata.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    Uuid,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from myk10_workshop.store.ids import fresh_id

# The Alembic revision this code writes. Checked against the migrations by a test; read
# without importing Alembic so that a normal start does not pay for it.
SCHEMA_REVISION = "0004"

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class JSONText(TypeDecorator[Any]):
    """JSON kept as TEXT. SQLite gives a column declared ``JSON`` numeric affinity, which
    turns the stored text ``680.0`` into the integer 680: values must keep their type for
    sync, so the change log stores its JSON in a column of text affinity."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads it as a class attribute
        uuid.UUID: Uuid(as_uuid=True),
        dt.date: Date(),
        dt.time: Time(),
        dt.datetime: DateTime(),
        str: String(),
        int: Integer(),
        float: Float(),
        bool: Boolean(create_constraint=False),
    }


class IdeaSource(enum.StrEnum):
    TYPED = "typed"
    PHONE = "phone"
    IMPORT = "import"


class IdeaState(enum.StrEnum):
    BOARD = "board"  # on the board, visible
    INBOX = "inbox"  # arrived from a phone, waiting for the facilitator
    HIDDEN = "hidden"  # hidden by the facilitator
    PRIVATE = "private"  # private brainstorm: on the facilitator's screen, not the projector


class BallotKind(enum.StrEnum):
    DOTS = "dots"
    SINGLE = "single"
    MULTIPLE = "multiple"
    RATING = "rating"
    RANKING = "ranking"
    POINTS = "points"
    MATRIX = "matrix"
    OPEN_TEXT = "open_text"


class BallotStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class MeasureStatus(enum.StrEnum):
    PROPOSED = "proposed"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class TemplateKind(enum.StrEnum):
    BLOCK = "block"  # one block, with its working groups and materials
    AGENDA = "agenda"  # whole days of blocks


class MilestoneStatus(enum.StrEnum):
    PLANNED = "planned"
    DONE = "done"
    LATE = "late"


def _id() -> Mapped[uuid.UUID]:
    return mapped_column(primary_key=True, default=fresh_id)


def _parent(target: str, *, nullable: bool = False) -> Mapped[uuid.UUID]:
    return mapped_column(ForeignKey(target), nullable=nullable, index=True)


def _optional_ref(target: str) -> Mapped[uuid.UUID | None]:
    return mapped_column(ForeignKey(target), nullable=True, index=True)


def _deleted() -> Mapped[bool]:
    return mapped_column(default=False, server_default=false())


class Project(Base):
    """A strategy process, e.g. "Smarte Region MYK10"."""

    __tablename__ = "project"
    id: Mapped[uuid.UUID] = _id()
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    deleted: Mapped[bool] = _deleted()
    # The date of the timeline's "today" line when it is not today, e.g. "as of the council
    # meeting" (revision 0002; last, because SQLite adds a column at the end of a table).
    as_of: Mapped[dt.date | None]


class FieldOfAction(Base):
    """A Handlungsfeld: a thematic area of the strategy."""

    __tablename__ = "field_of_action"
    id: Mapped[uuid.UUID] = _id()
    project_id: Mapped[uuid.UUID] = _parent("project.id")
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    colour: Mapped[str] = mapped_column(String(9), default="#4c78a8", server_default="#4c78a8")
    order_key: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = _deleted()


class Workshop(Base):
    """One on-site event of one or more days (Workshop, Zukunftsdialog ...)."""

    __tablename__ = "workshop"
    id: Mapped[uuid.UUID] = _id()
    project_id: Mapped[uuid.UUID] = _parent("project.id")
    title: Mapped[str] = mapped_column(String(200))
    venue: Mapped[str] = mapped_column(String(300), default="", server_default="")
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    deleted: Mapped[bool] = _deleted()


class AgendaDay(Base):
    __tablename__ = "agenda_day"
    id: Mapped[uuid.UUID] = _id()
    workshop_id: Mapped[uuid.UUID] = _parent("workshop.id")
    day: Mapped[dt.date | None]
    starts_at: Mapped[dt.time] = mapped_column(default=dt.time(9, 0))
    order_key: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = _deleted()


class AgendaItem(Base):
    """A block of the schedule; its start and end are computed, never stored."""

    __tablename__ = "agenda_item"
    id: Mapped[uuid.UUID] = _id()
    day_id: Mapped[uuid.UUID] = _parent("agenda_day.id")
    order_key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    duration_min: Mapped[int] = mapped_column(default=30)
    category: Mapped[str] = mapped_column(String(40), default="", server_default="")
    method: Mapped[str] = mapped_column(String(80), default="", server_default="")
    goal: Mapped[str] = mapped_column(Text, default="", server_default="")
    responsible: Mapped[str] = mapped_column(String(200), default="", server_default="")
    room: Mapped[str] = mapped_column(String(200), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    facilitator_only: Mapped[bool] = mapped_column(default=False, server_default=false())
    pinned_at: Mapped[dt.time | None]
    board_id: Mapped[uuid.UUID | None] = _optional_ref("board.id")
    ballot_id: Mapped[uuid.UUID | None] = _optional_ref("ballot.id")
    actual_start: Mapped[dt.datetime | None]
    actual_end: Mapped[dt.datetime | None]
    deleted: Mapped[bool] = _deleted()
    # Minutes added live ("+5 min") on top of the planned duration: what really happened,
    # kept apart from the plan so the report can show both. Last, where revision 0003 added
    # it to existing tables.
    extra_min: Mapped[int] = mapped_column(default=0, server_default="0")
    __table_args__ = (CheckConstraint("duration_min >= 0", name="duration_not_negative"),
                      CheckConstraint("extra_min >= 0", name="extra_not_negative"))


class AgendaTrack(Base):
    """One parallel working group (Arbeitsgruppe) of a split agenda block."""

    __tablename__ = "agenda_track"
    id: Mapped[uuid.UUID] = _id()
    item_id: Mapped[uuid.UUID] = _parent("agenda_item.id")
    order_key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    room: Mapped[str] = mapped_column(String(200), default="", server_default="")
    facilitator: Mapped[str] = mapped_column(String(200), default="", server_default="")
    board_id: Mapped[uuid.UUID | None] = _optional_ref("board.id")
    deleted: Mapped[bool] = _deleted()


class AgendaMaterial(Base):
    __tablename__ = "agenda_material"
    id: Mapped[uuid.UUID] = _id()
    item_id: Mapped[uuid.UUID] = _parent("agenda_item.id")
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(default=1)
    deleted: Mapped[bool] = _deleted()


class AgendaTemplate(Base):
    """A facilitator's own block or whole agenda, kept to be used again in other workshops.

    Owned by no project (deleting a project keeps it), so it survives from one workshop to
    the next. The content is a self-contained copy in ``payload`` (JSON: the blocks' fields,
    working groups and materials, and for an agenda its days' start times, in order), not
    rows: it holds no ids, no board or ballot links and no times recorded live, so it
    never points at anything that can be deleted or belongs to one workshop.
    :mod:`myk10_workshop.store.entities` checks its structure and size.
    """

    __tablename__ = "agenda_template"
    id: Mapped[uuid.UUID] = _id()
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONText)
    created_at: Mapped[dt.datetime]
    deleted: Mapped[bool] = _deleted()


class Board(Base):
    __tablename__ = "board"
    id: Mapped[uuid.UUID] = _id()
    workshop_id: Mapped[uuid.UUID] = _parent("workshop.id")
    field_of_action_id: Mapped[uuid.UUID | None] = _optional_ref("field_of_action.id")
    title: Mapped[str] = mapped_column(String(200))
    order_key: Mapped[str] = mapped_column(String(64))
    private_mode: Mapped[bool] = mapped_column(default=False, server_default=false())
    deleted: Mapped[bool] = _deleted()


class Cluster(Base):
    """A titled, coloured frame on a board that groups ideas."""

    __tablename__ = "cluster"
    id: Mapped[uuid.UUID] = _id()
    board_id: Mapped[uuid.UUID] = _parent("board.id")
    title: Mapped[str] = mapped_column(String(200))
    colour: Mapped[str] = mapped_column(String(9), default="#dddddd", server_default="#dddddd")
    x: Mapped[float] = mapped_column(default=0.0)
    y: Mapped[float] = mapped_column(default=0.0)
    width: Mapped[float] = mapped_column(default=400.0)
    height: Mapped[float] = mapped_column(default=300.0)
    collapsed: Mapped[bool] = mapped_column(default=False, server_default=false())
    deleted: Mapped[bool] = _deleted()


class Idea(Base):
    """A sticky note."""

    __tablename__ = "idea"
    id: Mapped[uuid.UUID] = _id()
    board_id: Mapped[uuid.UUID] = _parent("board.id")
    cluster_id: Mapped[uuid.UUID | None] = _optional_ref("cluster.id")
    field_of_action_id: Mapped[uuid.UUID | None] = _optional_ref("field_of_action.id")
    text: Mapped[str] = mapped_column(Text)
    colour: Mapped[str] = mapped_column(String(9), default="#fff59d", server_default="#fff59d")
    x: Mapped[float] = mapped_column(default=0.0)
    y: Mapped[float] = mapped_column(default=0.0)
    author: Mapped[str] = mapped_column(String(100), default="", server_default="")
    source: Mapped[str] = mapped_column(String(16), default=IdeaSource.TYPED.value)
    state: Mapped[str] = mapped_column(String(16), default=IdeaState.BOARD.value)
    created_at: Mapped[dt.datetime]
    deleted: Mapped[bool] = _deleted()


class Ballot(Base):
    __tablename__ = "ballot"
    id: Mapped[uuid.UUID] = _id()
    workshop_id: Mapped[uuid.UUID] = _parent("workshop.id")
    board_id: Mapped[uuid.UUID | None] = _optional_ref("board.id")
    title: Mapped[str] = mapped_column(String(200))
    question: Mapped[str] = mapped_column(Text, default="", server_default="")
    kind: Mapped[str] = mapped_column(String(16))
    # Rules of the kind: dots per person, maximum per option, scale labels ...
    settings: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default=BallotStatus.DRAFT.value)
    results_hidden: Mapped[bool] = mapped_column(default=False, server_default=false())
    closes_at: Mapped[dt.datetime | None]
    order_key: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = _deleted()


class BallotOption(Base):
    __tablename__ = "ballot_option"
    id: Mapped[uuid.UUID] = _id()
    ballot_id: Mapped[uuid.UUID] = _parent("ballot.id")
    label: Mapped[str] = mapped_column(String(300))
    idea_id: Mapped[uuid.UUID | None] = _optional_ref("idea.id")
    cluster_id: Mapped[uuid.UUID | None] = _optional_ref("cluster.id")
    order_key: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = _deleted()


class Vote(Base):
    """One participant's choice on one option; anonymous by design.

    ``voter_hash`` is a hash of the phone's random device token, never the token itself.
    ``client_vote_id`` is generated on the phone, so a resent vote is never counted twice.
    """

    __tablename__ = "vote"
    id: Mapped[uuid.UUID] = _id()
    # Indexed below, with the voter (a phone's vote is looked up by ballot and voter).
    ballot_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ballot.id"))
    # Indexed below, first in the index of the dot totals.
    option_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ballot_option.id"),
                                                        nullable=True)
    voter_hash: Mapped[str] = mapped_column(String(64))
    client_vote_id: Mapped[str] = mapped_column(String(64), unique=True)
    # Dots, points, rating or rank, by the ballot's kind.
    value: Mapped[float | None]
    # Second axis of a 2x2 matrix vote.
    value_y: Mapped[float | None]
    cast_at: Mapped[dt.datetime]
    deleted: Mapped[bool] = _deleted()
    # The board's dot totals are read from this index alone (the live votes of each option
    # side by side) after every vote of a burst, however many replaced votes pile up. A
    # phone's earlier vote is found by ballot and voter: without the second index SQLite
    # walked every vote of the ballot for it, a vote slower with every vote before it.
    __table_args__ = (Index("ix_vote_live_option", "option_id", "deleted", "value"),
                      Index("ix_vote_ballot_voter", "ballot_id", "voter_hash", "deleted"))


class PaperTally(Base):
    """Votes counted on paper or stickers and typed in by the facilitator."""

    __tablename__ = "paper_tally"
    id: Mapped[uuid.UUID] = _id()
    option_id: Mapped[uuid.UUID] = _parent("ballot_option.id")
    count: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(String(200), default="", server_default="")
    deleted: Mapped[bool] = _deleted()
    __table_args__ = (CheckConstraint("count >= 0", name="count_not_negative"),)


class Measure(Base):
    """A Maßnahme of the digital agenda."""

    __tablename__ = "measure"
    id: Mapped[uuid.UUID] = _id()
    project_id: Mapped[uuid.UUID] = _parent("project.id")
    field_of_action_id: Mapped[uuid.UUID | None] = _optional_ref("field_of_action.id")
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    owner: Mapped[str] = mapped_column(String(200), default="", server_default="")
    status: Mapped[str] = mapped_column(String(16), default=MeasureStatus.PROPOSED.value)
    priority: Mapped[int | None]
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    deleted: Mapped[bool] = _deleted()


class MeasureSource(Base):
    """Where a measure came from: an idea or a cluster of a workshop's board."""

    __tablename__ = "measure_source"
    id: Mapped[uuid.UUID] = _id()
    measure_id: Mapped[uuid.UUID] = _parent("measure.id")
    idea_id: Mapped[uuid.UUID | None] = _optional_ref("idea.id")
    cluster_id: Mapped[uuid.UUID | None] = _optional_ref("cluster.id")
    deleted: Mapped[bool] = _deleted()


class Phase(Base):
    __tablename__ = "phase"
    id: Mapped[uuid.UUID] = _id()
    project_id: Mapped[uuid.UUID] = _parent("project.id")
    name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    colour: Mapped[str] = mapped_column(String(9), default="#9ecae1", server_default="#9ecae1")
    order_key: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = _deleted()


class Milestone(Base):
    __tablename__ = "milestone"
    id: Mapped[uuid.UUID] = _id()
    project_id: Mapped[uuid.UUID] = _parent("project.id")
    phase_id: Mapped[uuid.UUID | None] = _optional_ref("phase.id")
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[dt.date]
    status: Mapped[str] = mapped_column(String(16), default=MilestoneStatus.PLANNED.value)
    owner: Mapped[str] = mapped_column(String(200), default="", server_default="")
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    workshop_id: Mapped[uuid.UUID | None] = _optional_ref("workshop.id")
    measure_id: Mapped[uuid.UUID | None] = _optional_ref("measure.id")
    deleted: Mapped[bool] = _deleted()


class Dependency(Base):
    """A finish-to-start link of the timeline: the successor should not start before the
    predecessor ends.

    Either end is a milestone or a measure. Each end is a pair of nullable foreign keys with
    exactly one set (a CHECK says so), rather than a kind and a bare id: the database keeps
    the references honest, the store checks them like any other reference, and a migration's
    ``foreign_key_check`` covers them. No UNIQUE constraint on the pair: two laptops may each
    draw the same arrow, and a merge must not fail on that (the timeline reads it once).
    A dependency is never edited, only added and deleted, so a field-by-field merge cannot
    combine two laptops' changes into a row with two predecessors.
    """

    __tablename__ = "dependency"
    id: Mapped[uuid.UUID] = _id()
    project_id: Mapped[uuid.UUID] = _parent("project.id")
    predecessor_milestone_id: Mapped[uuid.UUID | None] = _optional_ref("milestone.id")
    predecessor_measure_id: Mapped[uuid.UUID | None] = _optional_ref("measure.id")
    successor_milestone_id: Mapped[uuid.UUID | None] = _optional_ref("milestone.id")
    successor_measure_id: Mapped[uuid.UUID | None] = _optional_ref("measure.id")
    deleted: Mapped[bool] = _deleted()
    __table_args__ = (
        CheckConstraint(
            "(predecessor_milestone_id IS NULL) <> (predecessor_measure_id IS NULL)",
            name="one_predecessor"),
        CheckConstraint(
            "(successor_milestone_id IS NULL) <> (successor_measure_id IS NULL)",
            name="one_successor"),
    )


class Baseline(Base):
    """A snapshot of the plan ("as planned at the kick-off") to draw the current plan
    against; its dates are in :class:`BaselineEntry` rows and never change."""

    __tablename__ = "baseline"
    id: Mapped[uuid.UUID] = _id()
    project_id: Mapped[uuid.UUID] = _parent("project.id")
    name: Mapped[str] = mapped_column(String(200))
    taken_at: Mapped[dt.datetime]
    deleted: Mapped[bool] = _deleted()


class BaselineEntry(Base):
    """The dates one milestone or measure had when the baseline was taken (a milestone's
    date is both its start and its end)."""

    __tablename__ = "baseline_entry"
    id: Mapped[uuid.UUID] = _id()
    baseline_id: Mapped[uuid.UUID] = _parent("baseline.id")
    milestone_id: Mapped[uuid.UUID | None] = _optional_ref("milestone.id")
    measure_id: Mapped[uuid.UUID | None] = _optional_ref("measure.id")
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    deleted: Mapped[bool] = _deleted()
    __table_args__ = (
        CheckConstraint("(milestone_id IS NULL) <> (measure_id IS NULL)", name="one_item"),
    )


class ChangeLogEntry(Base):
    """One field of one entity set by one operation: what sync exports. A row created
    whole is one entry of field ``"*"`` whose value holds all its fields
    (``store.operations.CREATED``).

    ``hlc`` is a hybrid logical clock stamp (milliseconds << 16 | counter); together with
    ``device_id`` it orders every change of every laptop for last-writer-wins merging.
    """

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(index=True)
    op_name: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[uuid.UUID]
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[object | None] = mapped_column(JSONText, nullable=True)
    hlc: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[uuid.UUID]
    __table_args__ = (
        Index("ix_change_log_entity", "entity", "entity_id", "field"),
        Index("ix_change_log_hlc", "hlc"),
    )


class Meta(Base):
    """Facts about this database file: its device id, the app version that created it."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
