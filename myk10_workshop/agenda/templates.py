"""The facilitator's own templates: a block or a whole agenda kept to be used again.

A facilitator who has found a good "World Café, 75 minutes, with its groups and materials"
or a whole two-day workshop saves it once and inserts it into the next workshop. A
template is a copy (see :class:`~myk10_workshop.store.schema.AgendaTemplate`): the blocks'
fields, working groups and materials, and for an agenda its days' start times, in order.
It holds no ids, no board or ballot (they belong to one workshop) and no times recorded
live, so it stays valid whatever happens to the workshop it came from; it belongs to no
project, so it outlives the project too.

Every change is one operation and one undo step. The operations that read the agenda read
it inside their transaction (the view that asked may be a moment behind), and the store's
rules check the payload as a whole, so what is kept can always be inserted again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

# The agenda's own placing rules (order keys between neighbours, one day per date), so a
# template's blocks go exactly where a new block would.
from myk10_workshop.agenda.operations import (
    BLOCK,
    DAY,
    MATERIAL,
    TRACK,
    _check_date_free,
    _check_neighbours,
    _ordered,
    _place_key,
)
from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message, collation_key
from myk10_workshop.store.entities import (
    TEMPLATE_BLOCK_FIELDS,
    TEMPLATE_FORMAT,
    TEMPLATE_MATERIAL_FIELDS,
    TEMPLATE_TRACK_FIELDS,
    validate_row,
    validate_values,
)
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.ids import fresh_id
from myk10_workshop.store.operations import (
    Delete,
    NoOp,
    Operation,
    Tombstone,
    Tx,
    Update,
)
from myk10_workshop.store.order_keys import spread_keys
from myk10_workshop.store.schema import (
    AgendaDay,
    AgendaItem,
    AgendaMaterial,
    AgendaTemplate,
    AgendaTrack,
    TemplateKind,
)

TEMPLATE = "agenda_template"
EntityRef = tuple[str, uuid.UUID]

_NO_DAYS = QT_TRANSLATE_NOOP(
    "AgendaOperation",
    "This workshop has no agenda yet, so there is nothing to save as a template.")
_NOT_A_BLOCK = QT_TRANSLATE_NOOP(
    "AgendaOperation",
    "This template is a whole agenda: add it to the workshop as new days instead.")
_NOT_AN_AGENDA = QT_TRANSLATE_NOOP(
    "AgendaOperation",
    "This template is a single block: insert it into a day instead.")


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class TemplateView:
    """One template as the library lists it: its name, kind and size at a glance."""

    id: uuid.UUID
    name: str
    kind: str
    created_at: dt.datetime
    days: int
    blocks: int
    # The blocks' durations added up (working groups run side by side: once per block).
    duration_min: int

    @property
    def is_agenda(self) -> bool:
        return self.kind == TemplateKind.AGENDA


def list_templates(session: Session) -> tuple[TemplateView, ...]:
    """Every live template, by name as a German reader expects (ties: oldest first)."""
    table = AgendaTemplate.__table__.c
    found = [
        _view(row.id, row.name, row.kind, row.created_at, row.payload)
        for row in session.execute(
            select(table.id, table.name, table.kind, table.created_at, table.payload)
            .where(table.deleted.is_(False)))]
    return tuple(sorted(found, key=lambda t: (collation_key(t.name), t.created_at, t.id)))


def _view(template_id: uuid.UUID, name: str, kind: str, created_at: dt.datetime,
          payload: Any) -> TemplateView:
    days = _payload_days(kind, payload)
    blocks = [block for day in days if isinstance(day.get("blocks"), list)
              for block in day["blocks"] if isinstance(block, dict)]
    minutes = sum(block.get("duration_min", 0) for block in blocks
                  if isinstance(block.get("duration_min"), int))
    return TemplateView(template_id, name, kind, created_at,
                        len(days) if kind == TemplateKind.AGENDA else 0, len(blocks), minutes)


def _payload_days(kind: str, payload: Any) -> list[dict[str, Any]]:
    """The payload as days of blocks (a block template: one day without a start time).

    Lenient: the store's rules refuse damaged payloads, but a list is no place to fail.
    """
    if not isinstance(payload, dict):
        return []
    if kind == TemplateKind.BLOCK:
        blocks = payload.get("blocks")
        return [{"blocks": blocks}] if isinstance(blocks, list) else []
    days = payload.get("days")
    return [day for day in days if isinstance(day, dict)] if isinstance(days, list) else []


# --------------------------------------------------------------------------- saving


def save_block_template(item_id: uuid.UUID, name: str) -> SaveTemplate:
    """Keep a block with its working groups and materials as a template named ``name``."""
    return SaveTemplate(TemplateKind.BLOCK.value, item_id, name.strip())


def save_agenda_template(workshop_id: uuid.UUID, name: str) -> SaveTemplate:
    """Keep a workshop's whole agenda (its days' start times and blocks, in order)."""
    return SaveTemplate(TemplateKind.AGENDA.value, workshop_id, name.strip())


@dataclass(frozen=True)
class SaveTemplate(Operation):
    """A new template made of a block (``kind`` "block", ``source_id`` the block) or of a
    workshop's agenda ("agenda", the workshop)."""

    kind: str
    source_id: uuid.UUID
    template_name: str
    id: uuid.UUID = field(default_factory=fresh_id)
    name: ClassVar[str] = "save_agenda_template"

    @property
    def label(self) -> Message:
        if self.kind == TemplateKind.AGENDA:
            return QT_TRANSLATE_NOOP("AgendaOperation", "Save agenda as template")
        return QT_TRANSLATE_NOOP("AgendaOperation", "Save block as template")

    def validate(self) -> None:
        validate_values(TEMPLATE, {"name": self.template_name, "kind": self.kind},
                        creating=False)

    def apply(self, tx: Tx) -> Operation:
        if self.kind == TemplateKind.AGENDA:
            payload = _agenda_payload(tx, self.source_id)
        else:
            payload = {"format": TEMPLATE_FORMAT,
                       "blocks": [_block_payload(tx, tx.require(BLOCK, self.source_id))]}
        values = {"name": self.template_name, "kind": self.kind, "payload": payload}
        # The payload is read here, so it is checked here (the store checks its shape and
        # size when it is inserted).
        validate_values(TEMPLATE, values, creating=True)
        tx.insert(TEMPLATE, self.id, values)
        return Delete(TEMPLATE, self.id)


def _agenda_payload(tx: Tx, workshop_id: uuid.UUID) -> dict[str, Any]:
    tx.require("workshop", workshop_id)
    days = _ordered(tx, DAY, workshop_id)
    if not days:
        raise ValidationError(_NO_DAYS)
    day_rows = {row.id: row for row in tx.session.execute(
        select(AgendaDay.id, AgendaDay.starts_at).where(
            AgendaDay.id.in_([day_id for _key, day_id in days])))}
    return {"format": TEMPLATE_FORMAT, "days": [
        {"starts_at": _clock(day_rows[day_id].starts_at),
         "blocks": [_block_payload(tx, row) for row in _blocks_of(tx, day_id)]}
        for _key, day_id in days]}


def _blocks_of(tx: Tx, day_id: uuid.UUID) -> list[dict[str, Any]]:
    """A day's live blocks in the order the agenda shows them (ties: by id)."""
    table = AgendaItem.__table__
    return [dict(row) for row in tx.session.execute(
        select(table).where(table.c.day_id == day_id, table.c.deleted.is_(False))
        .order_by(table.c.order_key, table.c.id)).mappings()]


def _block_payload(tx: Tx, row: Mapping[str, Any]) -> dict[str, Any]:
    """What a template keeps of a block (see TEMPLATE_BLOCK_FIELDS), with its working
    groups in order and its materials."""
    block = {name: row[name] for name in TEMPLATE_BLOCK_FIELDS}
    block["pinned_at"] = _clock(row["pinned_at"]) if row["pinned_at"] is not None else None
    track = AgendaTrack.__table__.c
    block["tracks"] = [
        dict(zip(TEMPLATE_TRACK_FIELDS, values, strict=True))
        for values in tx.session.execute(
            select(*(track[name] for name in TEMPLATE_TRACK_FIELDS))
            .where(track.item_id == row["id"], track.deleted.is_(False))
            .order_by(track.order_key, track.id))]
    material = AgendaMaterial.__table__.c
    materials: dict[str, dict[str, Any]] = {}
    # Two laptops may each have added one material: the first row is kept, as the
    # agenda's own operations do.
    for values in tx.session.execute(
            select(*(material[name] for name in TEMPLATE_MATERIAL_FIELDS))
            .where(material.item_id == row["id"], material.deleted.is_(False))
            .order_by(material.id)):
        entry = dict(zip(TEMPLATE_MATERIAL_FIELDS, values, strict=True))
        materials.setdefault(" ".join(entry["name"].split()).casefold(), entry)
    block["materials"] = list(materials.values())
    return block


def _clock(time: dt.time) -> str:
    return time.strftime("%H:%M")


# --------------------------------------------------------------------------- editing


def rename_template(template_id: uuid.UUID, name: str) -> RenameTemplate:
    return RenameTemplate(template_id, name.strip())


@dataclass(frozen=True)
class RenameTemplate(Operation):
    template_id: uuid.UUID
    template_name: str
    name: ClassVar[str] = "rename_agenda_template"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Rename template")

    def validate(self) -> None:
        validate_values(TEMPLATE, {"name": self.template_name}, creating=False)

    def apply(self, tx: Tx) -> Operation:
        old = tx.update(TEMPLATE, self.template_id, {"name": self.template_name})
        return Update(TEMPLATE, self.template_id, old) if old else NoOp()


def delete_template(template_id: uuid.UUID) -> Delete:
    """Undo brings it back; blocks made from it stay (they are copies)."""
    return Delete(TEMPLATE, template_id)


# --------------------------------------------------------------------------- using


def insert_block_template(template_id: uuid.UUID, day_id: uuid.UUID, *,
                          after: uuid.UUID | None = None, before: uuid.UUID | None = None,
                          new_id: uuid.UUID | None = None) -> InsertBlockTemplate:
    """The template's block, with its working groups and materials, into a day: right
    after ``after`` or before ``before`` (at the end with neither), like a new block. A
    fixed start time stays fixed (a lunch break at 12:30 is why one keeps it)."""
    _check_neighbours(after, before)
    return InsertBlockTemplate(template_id, day_id, after, before, new_id or fresh_id())


@dataclass(frozen=True)
class InsertBlockTemplate(Operation):
    template_id: uuid.UUID
    day_id: uuid.UUID
    after: uuid.UUID | None
    before: uuid.UUID | None
    # The new block: what the page selects once it is on screen.
    id: uuid.UUID
    name: ClassVar[str] = "insert_agenda_block_template"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Insert template")

    def apply(self, tx: Tx) -> Operation:
        template = _usable(tx, self.template_id, TemplateKind.BLOCK)
        tx.require(DAY, self.day_id)
        (block,) = template["payload"]["blocks"]  # the store's rules: exactly one
        key = _place_key(tx, BLOCK, self.day_id, after=self.after, before=self.before)
        assert key is not None
        return Tombstone(tuple(_insert_block(tx, block, self.day_id, key, self.id)))


def apply_agenda_template(template_id: uuid.UUID, workshop_id: uuid.UUID, *,
                          new_id: uuid.UUID | None = None) -> ApplyAgendaTemplate:
    """The template's days, with their blocks, after the workshop's last day.

    Their dates continue after the workshop's last dated day; a workshop without days
    starts them on its first day; otherwise they have no date (set it in the day).
    """
    return ApplyAgendaTemplate(template_id, workshop_id, new_id or fresh_id())


@dataclass(frozen=True)
class ApplyAgendaTemplate(Operation):
    template_id: uuid.UUID
    workshop_id: uuid.UUID
    # The first new day: what the page selects once it is on screen.
    id: uuid.UUID
    name: ClassVar[str] = "apply_agenda_template"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("AgendaOperation", "Add agenda template")

    def apply(self, tx: Tx) -> Operation:
        template = _usable(tx, self.template_id, TemplateKind.AGENDA)
        workshop = tx.require("workshop", self.workshop_id)
        days = template["payload"]["days"]
        existing = _ordered(tx, DAY, self.workshop_id)
        first_date = _first_date(tx, workshop, [day_id for _key, day_id in existing])
        keys = spread_keys(len(days), existing[-1][0] if existing else None, None)
        created: list[EntityRef] = []
        for index, (day, key) in enumerate(zip(days, keys, strict=True)):
            day_id = self.id if index == 0 else fresh_id()
            date = first_date + dt.timedelta(days=index) if first_date is not None else None
            _check_date_free(tx, self.workshop_id, date)
            tx.insert(DAY, day_id, {"workshop_id": self.workshop_id, "day": date,
                                    "starts_at": dt.time.fromisoformat(day["starts_at"]),
                                    "order_key": key})
            created.append((DAY, day_id))
            for block, block_key in zip(day["blocks"], spread_keys(len(day["blocks"])),
                                        strict=True):
                created += _insert_block(tx, block, day_id, block_key, fresh_id())
        return Tombstone(tuple(created))


def _usable(tx: Tx, template_id: uuid.UUID, kind: TemplateKind) -> dict[str, Any]:
    """The live template of ``kind``, its payload checked again: a template that came
    from elsewhere (another laptop's sync) is refused in plain words, never half used."""
    template = tx.require(TEMPLATE, template_id)
    if template["kind"] != kind:
        raise ValidationError(_NOT_A_BLOCK if kind == TemplateKind.BLOCK else _NOT_AN_AGENDA)
    validate_row(TEMPLATE, template)
    return template


def _first_date(tx: Tx, workshop: Mapping[str, Any], day_ids: Sequence[uuid.UUID],
                ) -> dt.date | None:
    """The date of the first appended day: the day after the last dated one; the
    workshop's first day when it has no days yet; else none."""
    if not day_ids:
        starts_on: dt.date | None = workshop["starts_on"]
        return starts_on
    dates = [date for date in tx.session.scalars(
        select(AgendaDay.day).where(AgendaDay.id.in_(day_ids))) if date is not None]
    if not dates:
        return None
    return max(dates) + dt.timedelta(days=1)


def _insert_block(tx: Tx, block: Mapping[str, Any], day_id: uuid.UUID, order_key: str,
                  block_id: uuid.UUID) -> list[EntityRef]:
    """One block of a payload as rows: the block, its working groups, its materials."""
    values = {name: block[name] for name in TEMPLATE_BLOCK_FIELDS if name in block}
    pinned = block.get("pinned_at")
    values["pinned_at"] = dt.time.fromisoformat(pinned) if pinned is not None else None
    tx.insert(BLOCK, block_id, {**values, "day_id": day_id, "order_key": order_key})
    created: list[EntityRef] = [(BLOCK, block_id)]
    tracks = block.get("tracks", [])
    for track, key in zip(tracks, spread_keys(len(tracks)), strict=True):
        track_id = fresh_id()
        tx.insert(TRACK, track_id, {**track, "item_id": block_id, "order_key": key})
        created.append((TRACK, track_id))
    for material in block.get("materials", []):
        material_id = fresh_id()
        tx.insert(MATERIAL, material_id, {**material, "item_id": block_id})
        created.append((MATERIAL, material_id))
    return created
