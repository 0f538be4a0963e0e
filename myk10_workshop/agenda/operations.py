"""Named operations of the agenda planner. Each is one undo step and one transaction.

Positions are fractional order keys (:mod:`myk10_workshop.store.order_keys`): a block put
between two others gets a key between theirs and no other row changes, so two laptops can
reorder independently and sync merges both. The operations that place something read its
neighbours inside their transaction, because the view that asked may be a moment behind.

The store's rules refuse bad values (an empty title, a duration of zero); these operations
add the rules of the agenda as a whole: blocks move only between days of one workshop, a
block links only to its own workshop's boards and ballots, a day's date is used once, a
block ends only after it started, a material is listed once per block.

Live times (``actual_start``, ``actual_end``) are stored as naive UTC like every stored
date-time; :func:`myk10_workshop.agenda.queries.to_day_plans` turns them into local clock
times for timing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from sqlalchemy import select

from myk10_workshop.agenda.methods import MAX_NAME, Method
from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store.entities import rule, validate_values
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.ids import fresh_id
from myk10_workshop.store.operations import (
    Batch,
    Delete,
    NoOp,
    Operation,
    Restore,
    Tombstone,
    Tx,
    Update,
    utc_now,
)
from myk10_workshop.store.order_keys import key_between
from myk10_workshop.store.schema import AgendaDay, AgendaMaterial, AgendaTrack

DAY, BLOCK, TRACK, MATERIAL = "agenda_day", "agenda_item", "agenda_track", "agenda_material"

# What update_block may change; the day, the position and the live times have their own
# operations (they need checks across rows).
BLOCK_FIELDS = frozenset({
    "title", "duration_min", "category", "method", "goal", "responsible", "room", "notes",
    "facilitator_only", "pinned_at", "board_id", "ballot_id"})
DAY_FIELDS = frozenset({"day", "starts_at"})
TRACK_FIELDS = frozenset({"title", "room", "facilitator", "board_id"})
# A copy takes these from the original: not its place, not what happened live (the times
# and the extra minutes, which BLOCK_FIELDS leaves out), and not its ballot (a ballot
# opens and closes with one block, not two).
_COPIED_BLOCK_FIELDS = tuple(sorted(BLOCK_FIELDS - {"ballot_id"}))

_OTHER_WORKSHOP = {
    "board_id": QT_TRANSLATE_NOOP(
        "AgendaOperation", "The chosen board belongs to another workshop."),
    "ballot_id": QT_TRANSLATE_NOOP(
        "AgendaOperation", "The chosen ballot belongs to another workshop."),
}
_DATE_TAKEN = QT_TRANSLATE_NOOP(
    "AgendaOperation", "This workshop already has a day with this date.")
_NEIGHBOUR_GONE = QT_TRANSLATE_NOOP(
    "AgendaOperation",
    "It cannot be put there: the {entity} next to that place is no longer in this list.")


@dataclass(frozen=True)
class MaterialSpec:
    name: str
    quantity: int = 1


@dataclass(frozen=True)
class TrackSpec:
    """A parallel working group: its title, room, facilitator and board."""

    title: str
    room: str = ""
    facilitator: str = ""
    board_id: uuid.UUID | None = None

    def values(self) -> dict[str, Any]:
        return {"title": self.title.strip(), "room": self.room.strip(),
                "facilitator": self.facilitator.strip(), "board_id": self.board_id}


# --------------------------------------------------------------------------- positions


def _ordered(tx: Tx, kind: str, parent_id: uuid.UUID) -> list[tuple[str, uuid.UUID]]:
    """(order key, id) of the live rows under ``parent_id``, in the order views show them.

    Two laptops can give two rows the same key; the id breaks the tie, as in the queries.
    """
    entity = rule(kind)
    table = entity.table
    assert entity.parent is not None
    rows = tx.session.execute(select(table.c.order_key, table.c.id).where(
        table.c[entity.parent] == parent_id, table.c.deleted.is_(False)))
    return sorted((key, row_id) for key, row_id in rows)


def _place_key(tx: Tx, kind: str, parent_id: uuid.UUID, *, after: uuid.UUID | None = None,
               before: uuid.UUID | None = None, moving: uuid.UUID | None = None) -> str | None:
    """The order key that puts a row right after ``after``, right before ``before`` or (with
    neither) at the end, among the live rows under ``parent_id``. None: ``moving`` is
    there already."""
    siblings = _ordered(tx, kind, parent_id)
    ids = [row_id for _key, row_id in siblings]
    if moving is not None and moving in ids:
        if moving in (after, before) or _already_there(ids, ids.index(moving), after, before):
            return None
        del siblings[ids.index(moving)]
        ids.remove(moving)
    keys = [key for key, _id in siblings]
    if after is not None:
        key = keys[_index(ids, after, kind)]
        return key_between(key, next((k for k in keys if k > key), None))
    if before is not None:
        key = keys[_index(ids, before, kind)]
        return key_between(next((k for k in reversed(keys) if k < key), None), key)
    return key_between(keys[-1] if keys else None, None)


def _already_there(ids: Sequence[uuid.UUID], position: int, after: uuid.UUID | None,
                   before: uuid.UUID | None) -> bool:
    if after is not None:
        return position > 0 and ids[position - 1] == after
    if before is not None:
        return position + 1 < len(ids) and ids[position + 1] == before
    return position == len(ids) - 1


def _index(ids: Sequence[uuid.UUID], neighbour: uuid.UUID, kind: str) -> int:
    try:
        return ids.index(neighbour)
    except ValueError:
        raise ValidationError(_NEIGHBOUR_GONE.with_params(entity=rule(kind).label)) from None


def _check_neighbours(after: uuid.UUID | None, before: uuid.UUID | None) -> None:
    if after is not None and before is not None:
        raise ValueError("give the place as after= or before=, not both")


# --------------------------------------------------------------------------- checks


def _check_links(tx: Tx, workshop_id: uuid.UUID, values: Mapping[str, Any]) -> None:
    """A block or working group shows its own workshop's boards and ballots only."""
    for name, message in _OTHER_WORKSHOP.items():
        target = values.get(name)
        if target is None:
            continue
        row = tx.get("board" if name == "board_id" else "ballot", target)
        if row is not None and row["workshop_id"] != workshop_id:
            raise ValidationError(message, name)


def _check_date_free(tx: Tx, workshop_id: uuid.UUID, date: dt.date | None,
                     day_id: uuid.UUID | None = None) -> None:
    if date is None:
        return
    taken = tx.session.scalar(select(AgendaDay.id).where(
        AgendaDay.workshop_id == workshop_id, AgendaDay.day == date,
        AgendaDay.deleted.is_(False), AgendaDay.id != day_id).limit(1))
    if taken is not None:
        raise ValidationError(_DATE_TAKEN, "day")


def _workshop_of_block(tx: Tx, block: Mapping[str, Any]) -> uuid.UUID:
    workshop_id: uuid.UUID = tx.require(DAY, block["day_id"])["workshop_id"]
    return workshop_id


def _only(changes: Mapping[str, Any], allowed: frozenset[str], what: str) -> dict[str, Any]:
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not editable through {what}: {sorted(unknown)}")
    return {key: value.strip() if isinstance(value, str) else value
            for key, value in changes.items()}


def _undo(kind: str, entity_id: uuid.UUID, old: Mapping[str, Any]) -> Operation:
    return Update(kind, entity_id, old) if old else NoOp()


# --------------------------------------------------------------------------- days


def add_day(workshop_id: uuid.UUID, *, day: dt.date | None = None,
            starts_at: dt.time = dt.time(9, 0), after: uuid.UUID | None = None,
            before: uuid.UUID | None = None) -> AddDay:
    """A new day, at the end of the workshop or next to a given day."""
    _check_neighbours(after, before)
    return AddDay(workshop_id, {"day": day, "starts_at": _minute(starts_at)}, after, before)


def _minute(time: dt.time) -> dt.time:
    """Agenda times are whole minutes: seconds from a time picker would only confuse."""
    return time.replace(second=0, microsecond=0, tzinfo=None)


@dataclass(frozen=True)
class AddDay(Operation):
    workshop_id: uuid.UUID
    values: Mapping[str, Any]
    after: uuid.UUID | None = None
    before: uuid.UUID | None = None
    id: uuid.UUID = field(default_factory=fresh_id)
    name: ClassVar[str] = "add_agenda_day"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Add day")

    def validate(self) -> None:
        validate_values(DAY, {**self.values, "workshop_id": self.workshop_id}, creating=True)

    def apply(self, tx: Tx) -> Operation:
        tx.require("workshop", self.workshop_id)
        _check_date_free(tx, self.workshop_id, self.values.get("day"))
        key = _place_key(tx, DAY, self.workshop_id, after=self.after, before=self.before)
        tx.insert(DAY, self.id, {**self.values, "workshop_id": self.workshop_id,
                                 "order_key": key})
        return Delete(DAY, self.id)


def update_day(day_id: uuid.UUID, **changes: Any) -> UpdateDay:
    """Change a day's date or start time."""
    values = _only(changes, DAY_FIELDS, "update_day")
    if isinstance(values.get("starts_at"), dt.time):
        values["starts_at"] = _minute(values["starts_at"])
    return UpdateDay(day_id, values)


@dataclass(frozen=True)
class UpdateDay(Operation):
    day_id: uuid.UUID
    changes: Mapping[str, Any]
    name: ClassVar[str] = "update_agenda_day"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Change day")

    def validate(self) -> None:
        validate_values(DAY, self.changes, creating=False)

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(DAY, self.day_id)
        if "day" in self.changes:
            _check_date_free(tx, row["workshop_id"], self.changes["day"], self.day_id)
        return _undo(DAY, self.day_id, tx.update(DAY, self.day_id, self.changes))


def move_day(day_id: uuid.UUID, *, after: uuid.UUID | None = None,
             before: uuid.UUID | None = None) -> MoveDay:
    """Put a day elsewhere in its workshop (at the end with neither neighbour)."""
    _check_neighbours(after, before)
    return MoveDay(day_id, after, before)


@dataclass(frozen=True)
class MoveDay(Operation):
    day_id: uuid.UUID
    after: uuid.UUID | None = None
    before: uuid.UUID | None = None
    name: ClassVar[str] = "move_agenda_day"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Move day")

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(DAY, self.day_id)
        key = _place_key(tx, DAY, row["workshop_id"], after=self.after, before=self.before,
                         moving=self.day_id)
        if key is None:
            return NoOp()
        return _undo(DAY, self.day_id, tx.update(DAY, self.day_id, {"order_key": key}))


def copy_day(day_id: uuid.UUID, *, day: dt.date | Literal["next"] | None = "next",
             new_id: uuid.UUID | None = None) -> CopyDay:
    """A copy of a day with all its blocks, working groups and materials, right after it.

    ``day``: the copy's date; "next" takes the day after the original's when the workshop
    has no day on it yet (else the copy has no date).
    """
    return CopyDay(day_id, day, new_id or fresh_id())


@dataclass(frozen=True)
class CopyDay(Operation):
    day_id: uuid.UUID
    day: dt.date | Literal["next"] | None
    id: uuid.UUID
    name: ClassVar[str] = "copy_agenda_day"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Copy day")

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(DAY, self.day_id)
        workshop_id = row["workshop_id"]
        date = self._date(tx, row)
        _check_date_free(tx, workshop_id, date)
        key = _place_key(tx, DAY, workshop_id, after=self.day_id)
        tx.insert(DAY, self.id, {"workshop_id": workshop_id, "day": date,
                                 "starts_at": row["starts_at"], "order_key": key})
        for order_key, block_id in _ordered(tx, BLOCK, self.day_id):
            block = tx.require(BLOCK, block_id)
            _copy_block(tx, block, self.id, order_key, keep_pin=True)
        return Delete(DAY, self.id)

    def _date(self, tx: Tx, row: Mapping[str, Any]) -> dt.date | None:
        if self.day != "next":
            return self.day
        if row["day"] is None:
            return None
        following: dt.date = row["day"] + dt.timedelta(days=1)
        try:
            _check_date_free(tx, row["workshop_id"], following)
        except ValidationError:
            return None
        return following


def delete_day(day_id: uuid.UUID) -> Delete:
    """A day with all its blocks; undo brings all of it back."""
    return Delete(DAY, day_id)


# --------------------------------------------------------------------------- blocks


def add_block(day_id: uuid.UUID, title: str, *, duration_min: int = 30, category: str = "",
              method: str = "", goal: str = "", responsible: str = "", room: str = "",
              notes: str = "", facilitator_only: bool = False,
              pinned_at: dt.time | None = None, board_id: uuid.UUID | None = None,
              ballot_id: uuid.UUID | None = None, materials: Sequence[MaterialSpec] = (),
              after: uuid.UUID | None = None, before: uuid.UUID | None = None) -> AddBlock:
    """A new block at the end of a day, or right after/before a given block of it."""
    _check_neighbours(after, before)
    values = {
        "title": title.strip(), "duration_min": duration_min, "category": category.strip(),
        "method": method.strip(), "goal": goal, "responsible": responsible.strip(),
        "room": room.strip(), "notes": notes, "facilitator_only": facilitator_only,
        "pinned_at": _minute(pinned_at) if pinned_at is not None else None,
        "board_id": board_id, "ballot_id": ballot_id,
    }
    return AddBlock(day_id, values, tuple(_clean(materials)), after, before)


def _clean(materials: Sequence[MaterialSpec]) -> list[MaterialSpec]:
    return [MaterialSpec(" ".join(m.name.split()), m.quantity) for m in materials]


@dataclass(frozen=True)
class AddBlock(Operation):
    day_id: uuid.UUID
    values: Mapping[str, Any]
    materials: tuple[MaterialSpec, ...] = ()
    after: uuid.UUID | None = None
    before: uuid.UUID | None = None
    id: uuid.UUID = field(default_factory=fresh_id)
    name: ClassVar[str] = "add_agenda_block"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Add block")

    def validate(self) -> None:
        validate_values(BLOCK, {**self.values, "day_id": self.day_id}, creating=True)
        _validate_materials(self.materials)

    def apply(self, tx: Tx) -> Operation:
        day = tx.require(DAY, self.day_id)
        _check_links(tx, day["workshop_id"], self.values)
        key = _place_key(tx, BLOCK, self.day_id, after=self.after, before=self.before)
        tx.insert(BLOCK, self.id, {**self.values, "day_id": self.day_id, "order_key": key})
        for material in self.materials:
            tx.insert(MATERIAL, fresh_id(), {"item_id": self.id, "name": material.name,
                                               "quantity": material.quantity})
        return Delete(BLOCK, self.id)


def block_from_method(day_id: uuid.UUID, method: Method, language: str, *,
                      category: str = "", after: uuid.UUID | None = None,
                      before: uuid.UUID | None = None) -> AddBlock:
    """A block made from a library method (dragged in): its name, typical duration,
    description (as notes, to adapt) and materials."""
    name = method.name(language)
    return add_block(
        day_id, name, duration_min=method.duration_min, category=category,
        method=name[:MAX_NAME], notes=method.description(language),
        materials=[MaterialSpec(m.name(language), m.quantity) for m in method.materials],
        after=after, before=before)


def update_block(item_id: uuid.UUID, **changes: Any) -> UpdateBlock:
    """Change fields of a block (see :data:`BLOCK_FIELDS`)."""
    values = _only(changes, BLOCK_FIELDS, "update_block")
    if isinstance(values.get("pinned_at"), dt.time):
        values["pinned_at"] = _minute(values["pinned_at"])
    return UpdateBlock(item_id, values)


def pin_block(item_id: uuid.UUID, at: dt.time) -> UpdateBlock:
    """Fix a block's start to a clock time (lunch at 12:30)."""
    return UpdateBlock(item_id, {"pinned_at": _minute(at)},
                       QT_TRANSLATE_NOOP("AgendaOperation", "Fix start time"))


def unpin_block(item_id: uuid.UUID) -> UpdateBlock:
    return UpdateBlock(item_id, {"pinned_at": None},
                       QT_TRANSLATE_NOOP("AgendaOperation", "Free start time"))


@dataclass(frozen=True)
class UpdateBlock(Operation):
    item_id: uuid.UUID
    changes: Mapping[str, Any]
    step_label: Message = field(
        default_factory=lambda: QT_TRANSLATE_NOOP("AgendaOperation", "Change block"))
    name: ClassVar[str] = "update_agenda_block"

    @property
    def label(self) -> Message:
        return self.step_label

    def validate(self) -> None:
        validate_values(BLOCK, self.changes, creating=False)

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(BLOCK, self.item_id)
        _check_links(tx, _workshop_of_block(tx, row), self.changes)
        return _undo(BLOCK, self.item_id, tx.update(BLOCK, self.item_id, self.changes))


def extend_block(item_id: uuid.UUID, minutes: int) -> ExtendBlock:
    """Give a block extra time (or with a negative number take some back), e.g. "+5 min"
    while it runs; relative, so two quick presses give ten minutes however far the view is
    behind. The plan (``duration_min``) stays: the minutes go to ``extra_min``, so the report
    can show plan against reality, and resetting the recorded times takes them back."""
    return ExtendBlock(item_id, minutes)


@dataclass(frozen=True)
class ExtendBlock(Operation):
    item_id: uuid.UUID
    minutes: int
    name: ClassVar[str] = "extend_agenda_block"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Change duration")

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(BLOCK, self.item_id)
        extra = row["extra_min"] + self.minutes
        validate_values(BLOCK, {"extra_min": extra}, creating=False)
        return _undo(BLOCK, self.item_id, tx.update(BLOCK, self.item_id, {"extra_min": extra}))


def move_block(item_id: uuid.UUID, day_id: uuid.UUID, *, after: uuid.UUID | None = None,
               before: uuid.UUID | None = None) -> MoveBlock:
    """Put a block elsewhere in its day or into another day of the workshop: right after
    or before a block there, or at the end."""
    _check_neighbours(after, before)
    return MoveBlock(item_id, day_id, after, before)


@dataclass(frozen=True)
class MoveBlock(Operation):
    item_id: uuid.UUID
    day_id: uuid.UUID
    after: uuid.UUID | None = None
    before: uuid.UUID | None = None
    name: ClassVar[str] = "move_agenda_block"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Move block")

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(BLOCK, self.item_id)
        target = tx.require(DAY, self.day_id)
        if target["workshop_id"] != _workshop_of_block(tx, row):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "AgendaOperation", "A block can only move to a day of the same workshop."),
                "day_id")
        key = _place_key(tx, BLOCK, self.day_id, after=self.after, before=self.before,
                         moving=self.item_id)
        if key is None:
            return NoOp()
        changes: dict[str, Any] = {"order_key": key, "day_id": self.day_id}
        return _undo(BLOCK, self.item_id, tx.update(BLOCK, self.item_id, changes))


def copy_block(item_id: uuid.UUID, *, day_id: uuid.UUID | None = None,
               after: uuid.UUID | None = None, before: uuid.UUID | None = None,
               new_id: uuid.UUID | None = None) -> CopyBlock:
    """A copy of a block with its working groups and materials: right after the original,
    or in ``day_id`` next to ``after``/``before`` (at the end with neither). A copy in the
    same day loses the pin (two blocks fixed to one time would only clash)."""
    _check_neighbours(after, before)
    return CopyBlock(item_id, day_id, after, before, new_id or fresh_id())


@dataclass(frozen=True)
class CopyBlock(Operation):
    item_id: uuid.UUID
    day_id: uuid.UUID | None
    after: uuid.UUID | None
    before: uuid.UUID | None
    id: uuid.UUID
    name: ClassVar[str] = "copy_agenda_block"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Copy block")

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(BLOCK, self.item_id)
        day_id = self.day_id or row["day_id"]
        target = tx.require(DAY, day_id)
        if target["workshop_id"] != _workshop_of_block(tx, row):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "AgendaOperation",
                "A block can only be copied to a day of the same workshop."), "day_id")
        after, before = self.after, self.before
        if self.day_id is None and after is None and before is None:
            after = self.item_id
        key = _place_key(tx, BLOCK, day_id, after=after, before=before)
        assert key is not None
        _copy_block(tx, row, day_id, key, keep_pin=day_id != row["day_id"], new_id=self.id)
        return Delete(BLOCK, self.id)


def _copy_block(tx: Tx, row: Mapping[str, Any], day_id: uuid.UUID, order_key: str, *,
                keep_pin: bool, new_id: uuid.UUID | None = None) -> uuid.UUID:
    """Insert a copy of a block row with copies of its working groups and materials."""
    copy_id = new_id or fresh_id()
    values = {name: row[name] for name in _COPIED_BLOCK_FIELDS}
    if not keep_pin:
        values["pinned_at"] = None
    tx.insert(BLOCK, copy_id, {**values, "day_id": day_id, "order_key": order_key})
    track = AgendaTrack.__table__.c
    for title, room, facilitator, board_id, key in tx.session.execute(
            select(track.title, track.room, track.facilitator, track.board_id, track.order_key)
            .where(track.item_id == row["id"], track.deleted.is_(False))):
        tx.insert(TRACK, fresh_id(), {"item_id": copy_id, "title": title, "room": room,
                                        "facilitator": facilitator, "board_id": board_id,
                                        "order_key": key})
    material = AgendaMaterial.__table__.c
    for name, quantity in tx.session.execute(
            select(material.name, material.quantity)
            .where(material.item_id == row["id"], material.deleted.is_(False))):
        tx.insert(MATERIAL, fresh_id(), {"item_id": copy_id, "name": name,
                                           "quantity": quantity})
    return copy_id


def delete_block(item_id: uuid.UUID) -> Delete:
    """A block with its working groups and materials; undo brings all of it back."""
    return Delete(BLOCK, item_id)


# --------------------------------------------------------------------------- tracks


def split_block(item_id: uuid.UUID, tracks: Sequence[TrackSpec]) -> SplitBlock:
    """Split a plenary block into parallel working groups (e.g. ten AGs in ten rooms)."""
    return SplitBlock(item_id, tuple(tracks))


@dataclass(frozen=True)
class SplitBlock(Operation):
    item_id: uuid.UUID
    tracks: tuple[TrackSpec, ...]
    name: ClassVar[str] = "split_agenda_block"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Split into working groups")

    def validate(self) -> None:
        if len(self.tracks) < 2:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "AgendaOperation", "A block splits into at least two working groups."))
        for spec in self.tracks:
            validate_values(TRACK, spec.values(), creating=False)

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(BLOCK, self.item_id)
        if _ordered(tx, TRACK, self.item_id):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "AgendaOperation",
                "This block is already split into working groups; add another group to it "
                "instead."))
        workshop_id = _workshop_of_block(tx, row)
        created: list[tuple[str, uuid.UUID]] = []
        key: str | None = None
        for spec in self.tracks:
            _check_links(tx, workshop_id, spec.values())
            key = key_between(key, None)
            track_id = fresh_id()
            tx.insert(TRACK, track_id, {**spec.values(), "item_id": self.item_id,
                                        "order_key": key})
            created.append((TRACK, track_id))
        return Tombstone(tuple(created))


def add_track(item_id: uuid.UUID, spec: TrackSpec, *, after: uuid.UUID | None = None,
              before: uuid.UUID | None = None) -> AddTrack:
    """One more working group for a block (at the end, or next to a given group)."""
    _check_neighbours(after, before)
    return AddTrack(item_id, spec, after, before)


@dataclass(frozen=True)
class AddTrack(Operation):
    item_id: uuid.UUID
    spec: TrackSpec
    after: uuid.UUID | None = None
    before: uuid.UUID | None = None
    id: uuid.UUID = field(default_factory=fresh_id)
    name: ClassVar[str] = "add_agenda_track"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Add working group")

    def validate(self) -> None:
        validate_values(TRACK, {**self.spec.values(), "item_id": self.item_id}, creating=True)

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(BLOCK, self.item_id)
        _check_links(tx, _workshop_of_block(tx, row), self.spec.values())
        key = _place_key(tx, TRACK, self.item_id, after=self.after, before=self.before)
        tx.insert(TRACK, self.id, {**self.spec.values(), "item_id": self.item_id,
                                   "order_key": key})
        return Delete(TRACK, self.id)


def update_track(track_id: uuid.UUID, **changes: Any) -> UpdateTrack:
    """Change a working group's title, room, facilitator or board."""
    return UpdateTrack(track_id, _only(changes, TRACK_FIELDS, "update_track"))


@dataclass(frozen=True)
class UpdateTrack(Operation):
    track_id: uuid.UUID
    changes: Mapping[str, Any]
    name: ClassVar[str] = "update_agenda_track"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Change working group")

    def validate(self) -> None:
        validate_values(TRACK, self.changes, creating=False)

    def apply(self, tx: Tx) -> Operation:
        track = tx.require(TRACK, self.track_id)
        block = tx.require(BLOCK, track["item_id"])
        _check_links(tx, _workshop_of_block(tx, block), self.changes)
        return _undo(TRACK, self.track_id, tx.update(TRACK, self.track_id, self.changes))


def delete_track(track_id: uuid.UUID) -> Delete:
    return Delete(TRACK, track_id)


def join_tracks(item_id: uuid.UUID) -> JoinTracks:
    """Back into plenary: the block's working groups go (undo brings them back)."""
    return JoinTracks(item_id)


@dataclass(frozen=True)
class JoinTracks(Operation):
    item_id: uuid.UUID
    name: ClassVar[str] = "join_agenda_tracks"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Join working groups")

    def apply(self, tx: Tx) -> Operation:
        tx.require(BLOCK, self.item_id)
        removed = tuple((TRACK, track_id) for _key, track_id in _ordered(tx, TRACK, self.item_id)
                        if tx.set_deleted(TRACK, track_id, True))
        return Restore(removed) if removed else NoOp()


# --------------------------------------------------------------------------- materials


def set_materials(item_id: uuid.UUID, materials: Sequence[MaterialSpec]) -> SetMaterials:
    """Replace a block's material list. Rows of names already there (case ignored) keep
    their ids, so a sync merges a changed quantity instead of a deleted and a new row."""
    return SetMaterials(item_id, tuple(_clean(materials)))


def _validate_materials(materials: Sequence[MaterialSpec]) -> None:
    seen: set[str] = set()
    for material in materials:
        validate_values(MATERIAL, {"name": material.name, "quantity": material.quantity},
                        creating=False)
        folded = material.name.casefold()
        if folded in seen:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "AgendaOperation", "The material “{name}” is listed twice.")
                .with_params(name=material.name), "name")
        seen.add(folded)


@dataclass(frozen=True)
class SetMaterials(Operation):
    item_id: uuid.UUID
    materials: tuple[MaterialSpec, ...]
    name: ClassVar[str] = "set_agenda_materials"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Change materials")

    def validate(self) -> None:
        _validate_materials(self.materials)

    def apply(self, tx: Tx) -> Operation:
        tx.require(BLOCK, self.item_id)
        existing, doubles = _live_materials(tx, self.item_id)
        inverse: list[Operation] = []
        for material in self.materials:
            values = {"name": material.name, "quantity": material.quantity}
            folded = material.name.casefold()
            found = existing.pop(folded) if folded in existing else None
            if found is None:
                created = fresh_id()
                tx.insert(MATERIAL, created, {**values, "item_id": self.item_id})
                inverse.append(Tombstone(((MATERIAL, created),)))
            else:
                inverse.append(_undo(MATERIAL, found, tx.update(MATERIAL, found, values)))
        gone = tuple((MATERIAL, material_id) for material_id in [*existing.values(), *doubles]
                     if tx.set_deleted(MATERIAL, material_id, True))
        if gone:
            inverse.append(Restore(gone))
        return Batch(tuple(reversed(inverse)), self.label)


def _live_materials(tx: Tx, item_id: uuid.UUID,
                    ) -> tuple[dict[str, uuid.UUID], list[uuid.UUID]]:
    """A block's materials by folded name, and the rows that repeat a name (two laptops
    may each have added one: the first row is kept)."""
    existing: dict[str, uuid.UUID] = {}
    doubles: list[uuid.UUID] = []
    for material_id, name in tx.session.execute(
            select(AgendaMaterial.id, AgendaMaterial.name)
            .where(AgendaMaterial.item_id == item_id, AgendaMaterial.deleted.is_(False))
            .order_by(AgendaMaterial.id)):
        folded = " ".join(name.split()).casefold()
        if folded in existing:
            doubles.append(material_id)
        else:
            existing[folded] = material_id
    return existing, doubles


# --------------------------------------------------------------------------- live


def _utc(at: dt.datetime | None) -> dt.datetime:
    """Stored date-times are naive UTC; an aware time is converted, a naive one is taken
    to be UTC already (like every time the store hands out)."""
    if at is None:
        return utc_now()
    if at.tzinfo is not None:
        return at.astimezone(dt.UTC).replace(tzinfo=None)
    return at


def start_block(item_id: uuid.UUID, at: dt.datetime | None = None) -> RecordTimes:
    """The block starts now (or at ``at``); starting it again starts it afresh."""
    return RecordTimes(item_id, {"actual_start": _utc(at), "actual_end": None},
                       QT_TRANSLATE_NOOP("AgendaOperation", "Start block"))


def end_block(item_id: uuid.UUID, at: dt.datetime | None = None) -> RecordTimes:
    return RecordTimes(item_id, {"actual_end": _utc(at)},
                       QT_TRANSLATE_NOOP("AgendaOperation", "End block"), must_have_started=True)


def skip_block(item_id: uuid.UUID, at: dt.datetime | None = None) -> RecordTimes:
    """Recorded as starting and ending at the same moment: the report shows it was left
    out, and live timing gives it no time."""
    moment = _utc(at)
    return RecordTimes(item_id, {"actual_start": moment, "actual_end": moment},
                       QT_TRANSLATE_NOOP("AgendaOperation", "Skip block"))


def next_block(current_id: uuid.UUID, next_id: uuid.UUID,
               at: dt.datetime | None = None) -> Batch:
    """End the running block and start the next at the same moment: one undo step."""
    if current_id == next_id:
        raise ValueError("the next block must be another block")
    moment = _utc(at)
    return Batch((end_block(current_id, moment), start_block(next_id, moment)),
                 QT_TRANSLATE_NOOP("AgendaOperation", "Next block"))


def reset_times(item_id: uuid.UUID) -> RecordTimes:
    """Forget what was recorded live for a block (a start pressed by mistake), its extra
    time included."""
    return RecordTimes(item_id, {"actual_start": None, "actual_end": None, "extra_min": 0},
                       QT_TRANSLATE_NOOP("AgendaOperation", "Reset recorded times"))


@dataclass(frozen=True)
class RecordTimes(Operation):
    item_id: uuid.UUID
    changes: Mapping[str, dt.datetime | int | None]
    step_label: Message
    must_have_started: bool = False
    name: ClassVar[str] = "record_agenda_times"

    @property
    def label(self) -> Message:
        return self.step_label

    def validate(self) -> None:
        validate_values(BLOCK, self.changes, creating=False)

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(BLOCK, self.item_id)
        start = self.changes.get("actual_start", row["actual_start"])
        end = self.changes.get("actual_end", row["actual_end"])
        if self.must_have_started and start is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "AgendaOperation", "This block has not started, so it cannot end."), "actual_end")
        if start is not None and end is not None and end < start:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "AgendaOperation", "A block cannot end before it started."), "actual_end")
        return _undo(BLOCK, self.item_id, tx.update(BLOCK, self.item_id, self.changes))

