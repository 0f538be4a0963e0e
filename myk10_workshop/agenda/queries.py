"""Read models of a workshop's agenda: plain, immutable snapshots that views are built from.

One call reads a whole agenda in one session (five small Core selects, however many days),
so a view never shows a day of one moment with blocks of another. The snapshot also feeds
the timing (:func:`to_day_plans`) and the materials checklist, which are pure.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from myk10_workshop.agenda.timing import BlockPlan, DayPlan, Schedule, TrackPlan, schedule
from myk10_workshop.i18n import collation_key
from myk10_workshop.store.schema import (
    AgendaDay,
    AgendaItem,
    AgendaMaterial,
    AgendaTrack,
    Workshop,
)


@dataclass(frozen=True)
class TrackView:
    id: uuid.UUID
    title: str
    room: str
    facilitator: str
    board_id: uuid.UUID | None
    order_key: str


@dataclass(frozen=True)
class MaterialView:
    id: uuid.UUID
    name: str
    quantity: int


@dataclass(frozen=True)
class BlockView:
    id: uuid.UUID
    day_id: uuid.UUID
    order_key: str
    title: str
    duration_min: int
    category: str
    method: str
    goal: str
    responsible: str
    room: str
    notes: str
    facilitator_only: bool
    pinned_at: dt.time | None
    board_id: uuid.UUID | None
    ballot_id: uuid.UUID | None
    # Naive UTC, as stored.
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None
    tracks: tuple[TrackView, ...] = ()
    materials: tuple[MaterialView, ...] = ()
    # Minutes added live ("+5 min") on top of the planned ``duration_min``.
    extra_min: int = 0

    @property
    def is_split(self) -> bool:
        return bool(self.tracks)


@dataclass(frozen=True)
class DayView:
    id: uuid.UUID
    workshop_id: uuid.UUID
    day: dt.date | None
    starts_at: dt.time
    order_key: str
    blocks: tuple[BlockView, ...] = ()


@dataclass(frozen=True)
class AgendaView:
    workshop_id: uuid.UUID
    title: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    days: tuple[DayView, ...]

    @property
    def blocks(self) -> tuple[BlockView, ...]:
        return tuple(block for day in self.days for block in day.blocks)

    def block(self, block_id: uuid.UUID) -> BlockView | None:
        return next((block for block in self.blocks if block.id == block_id), None)

    def titles(self) -> dict[uuid.UUID, str]:
        """Titles of the blocks and working groups by id (what timing warnings name)."""
        found: dict[uuid.UUID, str] = {}
        for block in self.blocks:
            found[block.id] = block.title
            for track in block.tracks:
                found[track.id] = track.title
        return found


@dataclass(frozen=True)
class MaterialNeed:
    """One line of the materials checklist: a material over the whole workshop."""

    name: str
    quantity: int
    block_ids: tuple[uuid.UUID, ...]


# --------------------------------------------------------------------------- reading


def load_agenda(session: Session, workshop_id: uuid.UUID) -> AgendaView | None:
    """A workshop's whole agenda, days and blocks in order; None if the workshop is gone."""
    workshop = session.execute(
        select(Workshop.title, Workshop.starts_on, Workshop.ends_on)
        .where(Workshop.id == workshop_id, Workshop.deleted.is_(False))).first()
    if workshop is None:
        return None
    day = AgendaDay.__table__.c
    days = list(session.execute(
        select(day.id, day.workshop_id, day.day, day.starts_at, day.order_key)
        .where(day.workshop_id == workshop_id, day.deleted.is_(False))))
    tracks = _tracks(session, workshop_id)
    materials = _materials(session, workshop_id)
    blocks: dict[uuid.UUID, list[BlockView]] = defaultdict(list)
    for values in session.execute(_block_columns(workshop_id)):
        block_id = values.id
        blocks[values.day_id].append(BlockView(
            **values._mapping, tracks=tuple(_in_order(tracks.get(block_id, ()))),
            materials=tuple(sorted(materials.get(block_id, ()),
                                   key=lambda m: (collation_key(m.name), m.id)))))
    views = [DayView(*values, blocks=tuple(_in_order(blocks.get(values[0], ()))))
             for values in days]
    return AgendaView(workshop_id, workshop.title, workshop.starts_on, workshop.ends_on,
                      tuple(_in_order(views)))


def _in_order(rows: Iterable[Any]) -> list[Any]:
    """By order key; two laptops may have given two rows one key, the id breaks the tie."""
    return sorted(rows, key=lambda row: (row.order_key, row.id))


def _live_days(workshop_id: uuid.UUID) -> Any:
    return select(AgendaDay.id).where(AgendaDay.workshop_id == workshop_id,
                                      AgendaDay.deleted.is_(False))


def _live_blocks(workshop_id: uuid.UUID) -> Any:
    return select(AgendaItem.id).where(AgendaItem.day_id.in_(_live_days(workshop_id)),
                                       AgendaItem.deleted.is_(False))


def _block_columns(workshop_id: uuid.UUID) -> Any:
    """The columns of a :class:`BlockView` (named as its fields) but its tracks and
    materials."""
    item = AgendaItem.__table__.c
    return (select(item.id, item.day_id, item.order_key, item.title, item.duration_min,
                   item.category, item.method, item.goal, item.responsible, item.room,
                   item.notes, item.facilitator_only, item.pinned_at, item.board_id,
                   item.ballot_id, item.actual_start, item.actual_end, item.extra_min)
            .where(item.day_id.in_(_live_days(workshop_id)), item.deleted.is_(False)))


def _tracks(session: Session, workshop_id: uuid.UUID) -> dict[uuid.UUID, list[TrackView]]:
    track = AgendaTrack.__table__.c
    found: dict[uuid.UUID, list[TrackView]] = defaultdict(list)
    for item_id, *values in session.execute(
            select(track.item_id, track.id, track.title, track.room, track.facilitator,
                   track.board_id, track.order_key)
            .where(track.item_id.in_(_live_blocks(workshop_id)), track.deleted.is_(False))):
        found[item_id].append(TrackView(*values))
    return found


def _materials(session: Session, workshop_id: uuid.UUID,
               ) -> dict[uuid.UUID, list[MaterialView]]:
    material = AgendaMaterial.__table__.c
    found: dict[uuid.UUID, list[MaterialView]] = defaultdict(list)
    for item_id, *values in session.execute(
            select(material.item_id, material.id, material.name, material.quantity)
            .where(material.item_id.in_(_live_blocks(workshop_id)),
                   material.deleted.is_(False))):
        found[item_id].append(MaterialView(*values))
    return found


# --------------------------------------------------------------------------- derived


def materials_checklist(agenda: AgendaView) -> tuple[MaterialNeed, ...]:
    """Everything to pack for the workshop: quantities of one material summed over all
    blocks. "Marker" and "marker " are one material; the first spelling in the agenda
    names it. Sorted by name as a German reader expects."""
    names: dict[str, str] = {}
    quantities: dict[str, int] = defaultdict(int)
    blocks: dict[str, list[uuid.UUID]] = defaultdict(list)
    for block in agenda.blocks:
        for material in block.materials:
            spelling = " ".join(material.name.split())
            folded = spelling.casefold()
            names.setdefault(folded, spelling)
            quantities[folded] += material.quantity
            if block.id not in blocks[folded]:
                blocks[folded].append(block.id)
    needs = [MaterialNeed(names[k], quantities[k], tuple(blocks[k])) for k in names]
    return tuple(sorted(needs, key=lambda need: collation_key(need.name)))


def _local(value: dt.datetime | None, zone: dt.tzinfo | None) -> dt.datetime | None:
    """A stored time (naive UTC) on the wall clock of ``zone`` (None: this computer's)."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC).astimezone(zone).replace(tzinfo=None)


def to_day_plans(days: Sequence[DayView], zone: dt.tzinfo | None = None,
                 ) -> tuple[DayPlan, ...]:
    """The timing input of an agenda's days; live times on the local wall clock, which is
    what start times and pins mean."""
    return tuple(
        DayPlan(day.id, day.starts_at, tuple(
            BlockPlan(block.id, block.duration_min, block.pinned_at,
                      tuple(TrackPlan(track.id, track.room) for track in block.tracks),
                      block.category, _local(block.actual_start, zone),
                      _local(block.actual_end, zone), block.extra_min)
            for block in day.blocks), day.day)
        for day in days)


def agenda_schedule(agenda: AgendaView, now: dt.datetime | None = None,
                    zone: dt.tzinfo | None = None) -> Schedule:
    """The computed times of an agenda; ``now`` (local wall clock) re-times it live."""
    return schedule(to_day_plans(agenda.days, zone), now)
