"""Named operations of the timeline and the digital agenda. Each is one undo step and one
transaction.

Simple edits are the store's generic operations with the timeline's date rules added
(:class:`PlanCreate`, :class:`PlanUpdate`: dates outside the years a timeline can show are
refused before anything is written; an end before its start is refused by the entity
rules). The ones whose effect depends on rows the view may not know when they run (moving
an item by days, a new dependency checked for circles, a baseline of the whole plan,
priorities from a ballot, deleting an item with its dependencies) read them inside their
transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from sqlalchemy import or_, select

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store.entities import rule, validate_values
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.ids import fresh_id
from myk10_workshop.store.operations import (
    Batch,
    Create,
    Delete,
    NoOp,
    Operation,
    Restore,
    Tombstone,
    Tx,
    Update,
    utc_now,
)
from myk10_workshop.store.schema import (
    Dependency,
    Measure,
    MeasureStatus,
    Milestone,
    MilestoneStatus,
)
from myk10_workshop.timeline import queries, rules
from myk10_workshop.timeline.rules import ItemKind, ItemRef

PHASE_COLOUR = "#9ecae1"
DATE_FIELDS = frozenset({"starts_on", "ends_on", "due_on", "as_of"})
# What a drag can move by days: bars and milestones.
MOVABLE = frozenset({"phase", "milestone", "measure"})
# What has a start and an end to drag.
BARS = frozenset({"phase", "measure"})
# Fields each edit function may change (ids of owners are not among them: an item stays in
# its project).
PHASE_FIELDS = frozenset({"name", "starts_on", "ends_on", "colour", "order_key"})
MILESTONE_FIELDS = frozenset({"title", "due_on", "status", "owner", "description", "phase_id",
                              "workshop_id", "measure_id"})
MEASURE_FIELDS = frozenset({"title", "description", "owner", "status", "priority", "starts_on",
                            "ends_on", "field_of_action_id"})
# The highest priority number the entity rules take (a ballot with more options than this
# gives its last ones this priority).
MAX_PRIORITY = 1000

_ITEM_KINDS = frozenset(kind.value for kind in ItemKind)
# The same words as the voting layer's refusal, so one translation serves both.
_GONE_BALLOT = QT_TRANSLATE_NOOP("Voting", "This ballot no longer exists.")
_NOT_RANKED = QT_TRANSLATE_NOOP(
    "Timeline", "A 2x2 matrix does not rank its options, so it cannot set priorities.")
_NO_VOTES = QT_TRANSLATE_NOOP(
    "Timeline", "Nobody has voted in this ballot yet, so it cannot set priorities.")
_NO_MEASURES = QT_TRANSLATE_NOOP(
    "Timeline",
    "None of the options of this ballot stands for a measure. Make measures from the "
    "clusters or ideas the ballot is about first.")
_OTHER_PROJECT = QT_TRANSLATE_NOOP(
    "Timeline", "Both ends of a dependency must belong to the same project.")


def check_dates(kind: str, values: Mapping[str, Any]) -> None:
    """Refuse dates of ``values`` outside the years a timeline can show (other faults of
    the values are the entity rules' to find)."""
    fields = rule(kind).fields
    for name in DATE_FIELDS & values.keys():
        value = values[name]
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            rules.check_date(value, name, fields[name].label)


@dataclass(frozen=True)
class PlanCreate(Create):
    """A :class:`Create` whose dates must also lie in the years a timeline can show."""

    def validate(self) -> None:
        super().validate()
        check_dates(self.kind, self.values)


@dataclass(frozen=True)
class PlanUpdate(Update):
    """An :class:`Update` whose dates must also lie in the years a timeline can show."""

    def validate(self) -> None:
        super().validate()
        check_dates(self.kind, self.changes)


def _only(allowed: frozenset[str], changes: Mapping[str, Any], what: str) -> dict[str, Any]:
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not editable through edit_{what}: {sorted(unknown)}")
    return dict(changes)


# --------------------------------------------------------------------------- phases


def create_phase(project_id: uuid.UUID, name: str, *, starts_on: dt.date | None = None,
                 ends_on: dt.date | None = None, colour: str = PHASE_COLOUR) -> PlanCreate:
    """A phase at the end of the project's phases."""
    return PlanCreate("phase", {"project_id": project_id, "name": name.strip(),
                                "starts_on": starts_on, "ends_on": ends_on, "colour": colour})


def edit_phase(phase_id: uuid.UUID, **changes: Any) -> PlanUpdate:
    return PlanUpdate("phase", phase_id, _only(PHASE_FIELDS, changes, "phase"))


def delete_phase(phase_id: uuid.UUID) -> Delete:
    """Its milestones keep their dates; they only lose the phase (and get it back on undo)."""
    return Delete("phase", phase_id)


# --------------------------------------------------------------------------- milestones


def create_milestone(project_id: uuid.UUID, title: str, due_on: dt.date, *,
                     phase_id: uuid.UUID | None = None,
                     status: str = MilestoneStatus.PLANNED.value, owner: str = "",
                     description: str = "", workshop_id: uuid.UUID | None = None,
                     measure_id: uuid.UUID | None = None) -> PlanCreate:
    """A milestone; ``phase_id`` is the swimlane it is drawn in (see
    :func:`myk10_workshop.timeline.rules.phase_containing` for a default)."""
    return PlanCreate("milestone", {
        "project_id": project_id, "title": title.strip(), "due_on": due_on,
        "phase_id": phase_id, "status": status, "owner": owner.strip(),
        "description": description, "workshop_id": workshop_id, "measure_id": measure_id,
    })


def edit_milestone(milestone_id: uuid.UUID, **changes: Any) -> PlanUpdate:
    return PlanUpdate("milestone", milestone_id, _only(MILESTONE_FIELDS, changes, "milestone"))


def delete_milestone(milestone_id: uuid.UUID) -> DeleteItem:
    return DeleteItem(ItemKind.MILESTONE.value, milestone_id)


# --------------------------------------------------------------------------- measures


def create_measure(project_id: uuid.UUID, title: str, *,
                   field_of_action_id: uuid.UUID | None = None, owner: str = "",
                   status: str = MeasureStatus.PROPOSED.value, priority: int | None = None,
                   starts_on: dt.date | None = None, ends_on: dt.date | None = None,
                   description: str = "") -> PlanCreate:
    """A measure typed into the digital agenda (one from the board remembers its ideas:
    :func:`myk10_workshop.board.operations.promote_to_measure`)."""
    return PlanCreate("measure", {
        "project_id": project_id, "title": title.strip(),
        "field_of_action_id": field_of_action_id, "owner": owner.strip(), "status": status,
        "priority": priority, "starts_on": starts_on, "ends_on": ends_on,
        "description": description,
    })


def edit_measure(measure_id: uuid.UUID, **changes: Any) -> PlanUpdate:
    return PlanUpdate("measure", measure_id, _only(MEASURE_FIELDS, changes, "measure"))


def delete_measure(measure_id: uuid.UUID) -> DeleteItem:
    """The measure with its origins and dependencies; milestones linked to it keep their
    date and lose the link while it is gone."""
    return DeleteItem(ItemKind.MEASURE.value, measure_id)


def set_priority(measure_id: uuid.UUID, priority: int | None) -> Update:
    return Update("measure", measure_id, {"priority": priority})


# --------------------------------------------------------------------------- dragging


def move_item(kind: str, item_id: uuid.UUID, days: int) -> MoveItem:
    """Move a bar (start and end) or a milestone (its date) by ``days`` (negative: earlier)."""
    return MoveItem(kind, item_id, days)


def move_items(items: Iterable[tuple[str, uuid.UUID]], days: int) -> Operation:
    """Several items dragged together: one undo step."""
    moves = tuple(MoveItem(kind, item_id, days) for kind, item_id in items)
    if len(moves) == 1:
        return moves[0]
    return Batch(moves, QT_TRANSLATE_NOOP("Timeline", "Move"))


def resize_bar(kind: str, item_id: uuid.UUID, edge: Literal["start", "end"],
               on: dt.date) -> PlanUpdate:
    """Drag one end of a bar (phase or measure) to ``on``; an end before the start (or a
    start after the end) is refused."""
    if kind not in BARS:
        raise ValueError(f"not a bar: {kind}")
    if edge not in ("start", "end"):
        raise ValueError(f"a bar has a start and an end, not {edge!r}")
    return PlanUpdate(kind, item_id, {"starts_on" if edge == "start" else "ends_on": on})


@dataclass(frozen=True)
class MoveItem(Operation):
    """Shift an item's dates by whole days, from the dates it has when the move runs (so a
    drag queued behind an edit moves the edited dates). Undated items stay as they are."""

    kind: str
    item_id: uuid.UUID
    days: int
    name: ClassVar[str] = "move_item"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Timeline", "Move {entity}").with_params(
            entity=rule(self.kind).label)

    def validate(self) -> None:
        if self.kind not in MOVABLE:
            raise ValueError(f"cannot move a {self.kind} on the timeline")
        if not isinstance(self.days, int) or isinstance(self.days, bool):
            raise ValueError(f"days must be whole: {self.days!r}")

    def apply(self, tx: Tx) -> Operation:
        row = tx.require(self.kind, self.item_id)
        fields = rule(self.kind).fields
        names = ("due_on",) if self.kind == ItemKind.MILESTONE else ("starts_on", "ends_on")
        changes = {name: rules.shift(row[name], self.days, name, fields[name].label)
                   for name in names if row[name] is not None}
        old = tx.update(self.kind, self.item_id, changes) if self.days else {}
        return Update(self.kind, self.item_id, old) if old else NoOp()


# --------------------------------------------------------------------------- deleting


@dataclass(frozen=True)
class DeleteItem(Operation):
    """Delete a milestone or measure (with what it owns) and the dependencies on either
    side of it; undo brings exactly those back."""

    kind: str
    item_id: uuid.UUID
    name: ClassVar[str] = "delete"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Operation", "Delete {entity}").with_params(
            entity=rule(self.kind).label)

    def validate(self) -> None:
        if self.kind not in _ITEM_KINDS:
            raise ValueError(f"not a timeline item: {self.kind}")

    def apply(self, tx: Tx) -> Operation:
        tx.require(self.kind, self.item_id)
        dependency = Dependency.__table__.c
        ends = ((dependency.predecessor_milestone_id, dependency.successor_milestone_id)
                if self.kind == ItemKind.MILESTONE
                else (dependency.predecessor_measure_id, dependency.successor_measure_id))
        links = list(tx.session.scalars(
            select(dependency.id)
            .where(or_(*(end == self.item_id for end in ends)), dependency.deleted.is_(False))
            .order_by(dependency.id)))
        removed = [("dependency", link) for link in links
                   if tx.set_deleted("dependency", link, True)]
        inverse = Delete(self.kind, self.item_id).apply(tx)
        assert isinstance(inverse, Restore)
        return Restore((*removed, *inverse.items))


# --------------------------------------------------------------------------- dependencies


def dependency_values(project_id: uuid.UUID, predecessor: ItemRef,
                      successor: ItemRef) -> dict[str, Any]:
    """The row of a dependency between two items."""
    def end(side: str, ref: ItemRef) -> dict[str, Any]:
        return {f"{side}_milestone_id": ref.id if ref.kind == ItemKind.MILESTONE else None,
                f"{side}_measure_id": ref.id if ref.kind == ItemKind.MEASURE else None}

    return {"project_id": project_id, **end("predecessor", predecessor),
            **end("successor", successor)}


def add_dependency(project_id: uuid.UUID, predecessor: ItemRef,
                   successor: ItemRef) -> AddDependency:
    """``successor`` should start when ``predecessor`` has ended (finish to start)."""
    return AddDependency(project_id, predecessor, successor)


def remove_dependency(dependency_id: uuid.UUID) -> Delete:
    return Delete("dependency", dependency_id)


@dataclass(frozen=True)
class AddDependency(Operation):
    """A new finish-to-start dependency, checked against the project's live dependencies
    in the transaction: no item onto itself, no second copy, no circle (refused with a
    :class:`~myk10_workshop.timeline.rules.CycleError` that names it)."""

    project_id: uuid.UUID
    predecessor: ItemRef
    successor: ItemRef
    id: uuid.UUID = field(default_factory=fresh_id)
    name: ClassVar[str] = "add_dependency"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Timeline", "Add dependency")

    def validate(self) -> None:
        for end in (self.predecessor, self.successor):
            if end.kind not in _ITEM_KINDS:
                raise ValueError(f"a dependency links milestones and measures, not {end.kind}")
        if self.predecessor == self.successor:
            raise ValidationError(rules.SELF_DEPENDENCY, "successor")
        validate_values("dependency", dependency_values(
            self.project_id, self.predecessor, self.successor), creating=True)

    def apply(self, tx: Tx) -> Operation:
        tx.require("project", self.project_id)
        titles: dict[ItemRef, str] = {}
        for end in (self.predecessor, self.successor):
            row = tx.require(end.kind, end.id)
            if row["project_id"] != self.project_id:
                raise ValidationError(_OTHER_PROJECT, "successor")
            titles[end] = row["title"]
        links = queries.live_links(tx.session, self.project_id)
        rules.check_new_link(links, self.predecessor, self.successor,
                             lambda ref: _title(tx, ref, titles))
        tx.insert("dependency", self.id,
                  dependency_values(self.project_id, self.predecessor, self.successor))
        return Delete("dependency", self.id)


def _title(tx: Tx, ref: ItemRef, known: dict[ItemRef, str]) -> str:
    if ref not in known:
        row = tx.get(ref.kind, ref.id)
        known[ref] = row["title"] if row is not None else "?"
    return known[ref]


# --------------------------------------------------------------------------- baselines


def take_baseline(project_id: uuid.UUID, name: str,
                  taken_at: dt.datetime | None = None) -> TakeBaseline:
    """Record the dates of every milestone and dated measure now ("as planned at the
    kick-off"); ``taken_at`` naive UTC, default now."""
    return TakeBaseline(project_id, name.strip(), taken_at or utc_now())


def delete_baseline(baseline_id: uuid.UUID) -> Delete:
    return Delete("baseline", baseline_id)


@dataclass(frozen=True)
class TakeBaseline(Operation):
    """A baseline of the plan as it is when the operation runs, in one bulk insert (800
    items are a few milliseconds). Measures without dates have nothing to record."""

    project_id: uuid.UUID
    baseline_name: str
    taken_at: dt.datetime
    id: uuid.UUID = field(default_factory=fresh_id)
    name: ClassVar[str] = "take_baseline"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Timeline", "Take baseline")

    def validate(self) -> None:
        validate_values("baseline", self._values(), creating=True)

    def _values(self) -> dict[str, Any]:
        return {"project_id": self.project_id, "name": self.baseline_name,
                "taken_at": self.taken_at}

    def apply(self, tx: Tx) -> Operation:
        tx.insert("baseline", self.id, self._values())
        milestone, measure = Milestone.__table__.c, Measure.__table__.c
        entries: list[tuple[uuid.UUID, dict[str, Any]]] = []
        for milestone_id, due_on in tx.session.execute(
                select(milestone.id, milestone.due_on)
                .where(milestone.project_id == self.project_id, milestone.deleted.is_(False))
                .order_by(milestone.id)):
            entries.append((fresh_id(), {
                "baseline_id": self.id, "milestone_id": milestone_id, "measure_id": None,
                "starts_on": due_on, "ends_on": due_on}))
        for measure_id, starts_on, ends_on in tx.session.execute(
                select(measure.id, measure.starts_on, measure.ends_on)
                .where(measure.project_id == self.project_id, measure.deleted.is_(False),
                       or_(measure.starts_on.is_not(None), measure.ends_on.is_not(None)))
                .order_by(measure.id)):
            entries.append((fresh_id(), {
                "baseline_id": self.id, "milestone_id": None, "measure_id": measure_id,
                "starts_on": starts_on, "ends_on": ends_on}))
        # Every item was just read live in this transaction, the baseline just written.
        tx.bulk_insert("baseline_entry", entries, refs_checked=True)
        return Tombstone((("baseline", self.id),
                          *(("baseline_entry", entry_id) for entry_id, _ in entries)))


# --------------------------------------------------------------------------- as of


def set_as_of(project_id: uuid.UUID, on: dt.date | None) -> PlanUpdate:
    """Put the today line on ``on`` (e.g. the day of the council meeting); None: today."""
    return PlanUpdate("project", project_id, {"as_of": on})


# --------------------------------------------------------------------------- priorities


def priorities_from_ballot(ballot_id: uuid.UUID,
                           read_results: queries.ResultsReader) -> PrioritiesFromBallot:
    """Give each measure the rank its options reached in the ballot as priority (1 = the
    most votes); see :func:`myk10_workshop.timeline.queries.ballot_priorities` for which
    options stand for which measure. Measures the ballot is not about keep theirs.
    ``read_results``: :func:`myk10_workshop.voting.queries.results`."""
    return PrioritiesFromBallot(ballot_id, read_results)


@dataclass(frozen=True)
class PrioritiesFromBallot(Operation):
    """Priorities from the ballot's result as it is when the operation runs (votes may
    still arrive while the facilitator reads the preview)."""

    ballot_id: uuid.UUID
    read_results: queries.ResultsReader
    name: ClassVar[str] = "priorities_from_ballot"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Timeline", "Take priorities from a ballot")

    def apply(self, tx: Tx) -> Operation:
        found = queries.ballot_priorities(tx.session, self.ballot_id, self.read_results)
        if found is None:
            raise ValidationError(_GONE_BALLOT)
        if not found.ranked:
            raise ValidationError(_NOT_RANKED)
        if not found.has_votes:
            raise ValidationError(_NO_VOTES)
        if not found.proposals:
            raise ValidationError(_NO_MEASURES)
        inverse: list[Operation] = []
        for proposal in found.proposals:
            old = tx.update("measure", proposal.measure_id,
                            {"priority": min(proposal.rank, MAX_PRIORITY)})
            if old:
                inverse.append(Update("measure", proposal.measure_id, old))
        return Batch(tuple(inverse), self.label) if inverse else NoOp()
