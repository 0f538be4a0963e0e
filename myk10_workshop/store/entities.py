"""The rules every stored value must satisfy, per entity and field.

Operations validate their input against these rules before anything is written, so bad input
from a form, a phone or an import file gets a plain-language refusal and the database stays
as it was. The rules are data, next to the schema, so one place says what a valid idea or
workshop is.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store import schema
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.order_keys import is_valid as is_valid_order_key

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Control characters other than tab and line breaks (LF, and CR of Windows' CR LF) never
# belong in user text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class FieldRule:
    type: type
    label: Message
    required: bool = False
    nullable: bool = False
    max_length: int | None = None
    multiline: bool = False
    not_blank: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: frozenset[str] | None = None
    ref: str | None = None
    colour: bool = False
    order_key: bool = False


Check = Callable[[Mapping[str, Any]], "tuple[Message, str] | None"]


@dataclass(frozen=True)
class EntityRule:
    kind: str
    model: type[schema.Base]
    label: Message
    fields: Mapping[str, FieldRule]
    # The field that points at the owning entity; deleting the owner deletes this one too.
    parent: str | None = None
    checks: tuple[Check, ...] = field(default_factory=tuple)

    @property
    def table(self) -> Any:
        return self.model.__table__


def _text(
    label: Message,
    max_length: int,
    *,
    required: bool = True,
    multiline: bool = False,
    not_blank: bool = True,
) -> FieldRule:
    return FieldRule(
        str,
        label,
        required=required,
        max_length=max_length,
        multiline=multiline,
        not_blank=not_blank,
    )


def _notes(label: Message, max_length: int = 20_000) -> FieldRule:
    return FieldRule(str, label, max_length=max_length, multiline=True)


def _line(label: Message, max_length: int = 200) -> FieldRule:
    return FieldRule(str, label, max_length=max_length)


def _ref(label: Message, kind: str, *, required: bool = False) -> FieldRule:
    return FieldRule(uuid.UUID, label, required=required, nullable=not required, ref=kind)


def _date(label: Message, *, required: bool = False) -> FieldRule:
    return FieldRule(dt.date, label, required=required, nullable=not required)


def _colour() -> FieldRule:
    return FieldRule(str, QT_TRANSLATE_NOOP("Validation", "Colour"), colour=True)


def _order_key() -> FieldRule:
    # Not required: a new row without one is put at the end (see Tx.insert).
    return FieldRule(
        str,
        QT_TRANSLATE_NOOP("Validation", "Position in the list"),
        order_key=True,
        max_length=64,
    )


def _choice(label: Message, enum: type[Any]) -> FieldRule:
    return FieldRule(str, label, choices=frozenset(member.value for member in enum))


def _number(
    label: Message,
    kind: type,
    minimum: float | None,
    maximum: float | None,
    *,
    nullable: bool = False,
) -> FieldRule:
    return FieldRule(kind, label, minimum=minimum, maximum=maximum, nullable=nullable)


def _flag(label: Message) -> FieldRule:
    return FieldRule(bool, label)


def dates_in_order(start: str, end: str) -> Check:
    def check(row: Mapping[str, Any]) -> tuple[Message, str] | None:
        first, last = row.get(start), row.get(end)
        if first is not None and last is not None and last < first:
            return QT_TRANSLATE_NOOP(
                "Validation", "The end date must not be before the start date."
            ), end
        return None

    return check


# Board coordinates far beyond any wall are almost surely an input error.
_COORD = 10_000_000.0

RULES: dict[str, EntityRule] = {}


def _register(rule: EntityRule) -> None:
    RULES[rule.kind] = rule


_register(
    EntityRule(
        "project",
        schema.Project,
        QT_TRANSLATE_NOOP("Validation", "Project"),
        {
            "name": _text(QT_TRANSLATE_NOOP("Validation", "Name"), 200),
            "description": _notes(QT_TRANSLATE_NOOP("Validation", "Description")),
            "starts_on": _date(QT_TRANSLATE_NOOP("Validation", "Start date")),
            "ends_on": _date(QT_TRANSLATE_NOOP("Validation", "End date")),
            "as_of": _date(QT_TRANSLATE_NOOP("Validation", "Reference date")),
        },
        checks=(dates_in_order("starts_on", "ends_on"),),
    )
)

_register(
    EntityRule(
        "field_of_action",
        schema.FieldOfAction,
        QT_TRANSLATE_NOOP("Validation", "Field of action"),
        {
            "project_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Project"), "project", required=True
            ),
            "name": _text(QT_TRANSLATE_NOOP("Validation", "Name"), 200),
            "description": _notes(QT_TRANSLATE_NOOP("Validation", "Description")),
            "colour": _colour(),
            "order_key": _order_key(),
        },
        parent="project_id",
    )
)

_register(
    EntityRule(
        "workshop",
        schema.Workshop,
        QT_TRANSLATE_NOOP("Validation", "Workshop"),
        {
            "project_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Project"), "project", required=True
            ),
            "title": _text(QT_TRANSLATE_NOOP("Validation", "Title"), 200),
            "venue": _line(QT_TRANSLATE_NOOP("Validation", "Venue"), 300),
            "starts_on": _date(QT_TRANSLATE_NOOP("Validation", "First day")),
            "ends_on": _date(QT_TRANSLATE_NOOP("Validation", "Last day")),
            "description": _notes(QT_TRANSLATE_NOOP("Validation", "Description")),
        },
        parent="project_id",
        checks=(dates_in_order("starts_on", "ends_on"),),
    )
)

_register(
    EntityRule(
        "agenda_day",
        schema.AgendaDay,
        QT_TRANSLATE_NOOP("Validation", "Agenda day"),
        {
            "workshop_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Workshop"), "workshop", required=True
            ),
            "day": _date(QT_TRANSLATE_NOOP("Validation", "Date")),
            "starts_at": FieldRule(dt.time, QT_TRANSLATE_NOOP("Validation", "Start time")),
            "order_key": _order_key(),
        },
        parent="workshop_id",
    )
)

_register(
    EntityRule(
        "agenda_item",
        schema.AgendaItem,
        QT_TRANSLATE_NOOP("Validation", "Agenda block"),
        {
            "day_id": _ref(QT_TRANSLATE_NOOP("Validation", "Day"), "agenda_day", required=True),
            "order_key": _order_key(),
            "title": _text(QT_TRANSLATE_NOOP("Validation", "Title"), 200),
            "duration_min": _number(QT_TRANSLATE_NOOP("Validation", "Duration"), int, 1, 24 * 60),
            "category": _line(QT_TRANSLATE_NOOP("Validation", "Category"), 40),
            "method": _line(QT_TRANSLATE_NOOP("Validation", "Method"), 80),
            "goal": _notes(QT_TRANSLATE_NOOP("Validation", "Goal")),
            "responsible": _line(QT_TRANSLATE_NOOP("Validation", "Responsible")),
            "room": _line(QT_TRANSLATE_NOOP("Validation", "Room")),
            "notes": _notes(QT_TRANSLATE_NOOP("Validation", "Notes")),
            "facilitator_only": _flag(QT_TRANSLATE_NOOP("Validation", "For facilitators only")),
            "pinned_at": FieldRule(
                dt.time, QT_TRANSLATE_NOOP("Validation", "Fixed start time"), nullable=True
            ),
            "board_id": _ref(QT_TRANSLATE_NOOP("Validation", "Board"), "board"),
            "ballot_id": _ref(QT_TRANSLATE_NOOP("Validation", "Ballot"), "ballot"),
            "actual_start": FieldRule(
                dt.datetime, QT_TRANSLATE_NOOP("Validation", "Actual start"), nullable=True
            ),
            "actual_end": FieldRule(
                dt.datetime, QT_TRANSLATE_NOOP("Validation", "Actual end"), nullable=True
            ),
            "extra_min": _number(QT_TRANSLATE_NOOP("Validation", "Extra time"), int, 0, 24 * 60),
        },
        parent="day_id",
    )
)

_register(
    EntityRule(
        "agenda_track",
        schema.AgendaTrack,
        QT_TRANSLATE_NOOP("Validation", "Working group"),
        {
            "item_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Agenda block"), "agenda_item", required=True
            ),
            "order_key": _order_key(),
            "title": _text(QT_TRANSLATE_NOOP("Validation", "Title"), 200),
            "room": _line(QT_TRANSLATE_NOOP("Validation", "Room")),
            "facilitator": _line(QT_TRANSLATE_NOOP("Validation", "Facilitator")),
            "board_id": _ref(QT_TRANSLATE_NOOP("Validation", "Board"), "board"),
        },
        parent="item_id",
    )
)

_register(
    EntityRule(
        "agenda_material",
        schema.AgendaMaterial,
        QT_TRANSLATE_NOOP("Validation", "Material"),
        {
            "item_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Agenda block"), "agenda_item", required=True
            ),
            "name": _text(QT_TRANSLATE_NOOP("Validation", "Name"), 200),
            "quantity": _number(QT_TRANSLATE_NOOP("Validation", "Quantity"), int, 1, 100_000),
        },
        parent="item_id",
    )
)

_register(
    EntityRule(
        "board",
        schema.Board,
        QT_TRANSLATE_NOOP("Validation", "Board"),
        {
            "workshop_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Workshop"), "workshop", required=True
            ),
            "field_of_action_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Field of action"), "field_of_action"
            ),
            "title": _text(QT_TRANSLATE_NOOP("Validation", "Title"), 200),
            "order_key": _order_key(),
            "private_mode": _flag(QT_TRANSLATE_NOOP("Validation", "Private brainstorm")),
        },
        parent="workshop_id",
    )
)

_register(
    EntityRule(
        "cluster",
        schema.Cluster,
        QT_TRANSLATE_NOOP("Validation", "Cluster"),
        {
            "board_id": _ref(QT_TRANSLATE_NOOP("Validation", "Board"), "board", required=True),
            "title": _text(QT_TRANSLATE_NOOP("Validation", "Title"), 200, not_blank=False),
            "colour": _colour(),
            "x": _number(QT_TRANSLATE_NOOP("Validation", "Position"), float, -_COORD, _COORD),
            "y": _number(QT_TRANSLATE_NOOP("Validation", "Position"), float, -_COORD, _COORD),
            "width": _number(QT_TRANSLATE_NOOP("Validation", "Width"), float, 40, _COORD),
            "height": _number(QT_TRANSLATE_NOOP("Validation", "Height"), float, 40, _COORD),
            "collapsed": _flag(QT_TRANSLATE_NOOP("Validation", "Collapsed")),
        },
        parent="board_id",
    )
)

_register(
    EntityRule(
        "idea",
        schema.Idea,
        QT_TRANSLATE_NOOP("Validation", "Idea"),
        {
            "board_id": _ref(QT_TRANSLATE_NOOP("Validation", "Board"), "board", required=True),
            "cluster_id": _ref(QT_TRANSLATE_NOOP("Validation", "Cluster"), "cluster"),
            "field_of_action_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Field of action"), "field_of_action"
            ),
            "text": _text(QT_TRANSLATE_NOOP("Validation", "Text"), 2000, multiline=True),
            "colour": _colour(),
            "x": _number(QT_TRANSLATE_NOOP("Validation", "Position"), float, -_COORD, _COORD),
            "y": _number(QT_TRANSLATE_NOOP("Validation", "Position"), float, -_COORD, _COORD),
            "author": _line(QT_TRANSLATE_NOOP("Validation", "Author"), 100),
            "source": _choice(QT_TRANSLATE_NOOP("Validation", "Source"), schema.IdeaSource),
            "state": _choice(QT_TRANSLATE_NOOP("Validation", "State"), schema.IdeaState),
            "created_at": FieldRule(dt.datetime, QT_TRANSLATE_NOOP("Validation", "Created")),
        },
        parent="board_id",
    )
)

_register(
    EntityRule(
        "ballot",
        schema.Ballot,
        QT_TRANSLATE_NOOP("Validation", "Ballot"),
        {
            "workshop_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Workshop"), "workshop", required=True
            ),
            "board_id": _ref(QT_TRANSLATE_NOOP("Validation", "Board"), "board"),
            "title": _text(QT_TRANSLATE_NOOP("Validation", "Title"), 200),
            "question": _notes(QT_TRANSLATE_NOOP("Validation", "Question"), 2000),
            "kind": FieldRule(
                str,
                QT_TRANSLATE_NOOP("Validation", "Kind"),
                required=True,
                choices=frozenset(k.value for k in schema.BallotKind),
            ),
            "settings": FieldRule(dict, QT_TRANSLATE_NOOP("Validation", "Rules")),
            "status": _choice(QT_TRANSLATE_NOOP("Validation", "Status"), schema.BallotStatus),
            "results_hidden": _flag(QT_TRANSLATE_NOOP("Validation", "Hide results until closing")),
            "closes_at": FieldRule(
                dt.datetime, QT_TRANSLATE_NOOP("Validation", "Closes at"), nullable=True
            ),
            "order_key": _order_key(),
        },
        parent="workshop_id",
    )
)

_register(
    EntityRule(
        "ballot_option",
        schema.BallotOption,
        QT_TRANSLATE_NOOP("Validation", "Option"),
        {
            "ballot_id": _ref(QT_TRANSLATE_NOOP("Validation", "Ballot"), "ballot", required=True),
            "label": _text(QT_TRANSLATE_NOOP("Validation", "Label"), 300),
            "idea_id": _ref(QT_TRANSLATE_NOOP("Validation", "Idea"), "idea"),
            "cluster_id": _ref(QT_TRANSLATE_NOOP("Validation", "Cluster"), "cluster"),
            "order_key": _order_key(),
        },
        parent="ballot_id",
    )
)

_register(
    EntityRule(
        "vote",
        schema.Vote,
        QT_TRANSLATE_NOOP("Validation", "Vote"),
        {
            "ballot_id": _ref(QT_TRANSLATE_NOOP("Validation", "Ballot"), "ballot", required=True),
            "option_id": _ref(QT_TRANSLATE_NOOP("Validation", "Option"), "ballot_option"),
            "voter_hash": FieldRule(
                str,
                QT_TRANSLATE_NOOP("Validation", "Voter"),
                required=True,
                max_length=64,
                not_blank=True,
            ),
            "client_vote_id": FieldRule(
                str,
                QT_TRANSLATE_NOOP("Validation", "Vote id"),
                required=True,
                max_length=64,
                not_blank=True,
            ),
            "value": _number(
                QT_TRANSLATE_NOOP("Validation", "Value"),
                float,
                -1_000_000,
                1_000_000,
                nullable=True,
            ),
            "value_y": _number(
                QT_TRANSLATE_NOOP("Validation", "Value"),
                float,
                -1_000_000,
                1_000_000,
                nullable=True,
            ),
            "cast_at": FieldRule(
                dt.datetime, QT_TRANSLATE_NOOP("Validation", "Cast at"), required=True
            ),
        },
        parent="ballot_id",
    )
)

_register(
    EntityRule(
        "paper_tally",
        schema.PaperTally,
        QT_TRANSLATE_NOOP("Validation", "Paper votes"),
        {
            "option_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Option"), "ballot_option", required=True
            ),
            "count": _number(QT_TRANSLATE_NOOP("Validation", "Count"), int, 0, 1_000_000),
            "note": _line(QT_TRANSLATE_NOOP("Validation", "Note")),
        },
        parent="option_id",
    )
)

_register(
    EntityRule(
        "measure",
        schema.Measure,
        QT_TRANSLATE_NOOP("Validation", "Measure"),
        {
            "project_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Project"), "project", required=True
            ),
            "field_of_action_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Field of action"), "field_of_action"
            ),
            "title": _text(QT_TRANSLATE_NOOP("Validation", "Title"), 200),
            "description": _notes(QT_TRANSLATE_NOOP("Validation", "Description")),
            "owner": _line(QT_TRANSLATE_NOOP("Validation", "Owner")),
            "status": _choice(QT_TRANSLATE_NOOP("Validation", "Status"), schema.MeasureStatus),
            "priority": _number(
                QT_TRANSLATE_NOOP("Validation", "Priority"), int, 0, 1000, nullable=True
            ),
            "starts_on": _date(QT_TRANSLATE_NOOP("Validation", "Start date")),
            "ends_on": _date(QT_TRANSLATE_NOOP("Validation", "End date")),
        },
        parent="project_id",
        checks=(dates_in_order("starts_on", "ends_on"),),
    )
)

_register(
    EntityRule(
        "measure_source",
        schema.MeasureSource,
        QT_TRANSLATE_NOOP("Validation", "Origin of a measure"),
        {
            "measure_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Measure"), "measure", required=True
            ),
            "idea_id": _ref(QT_TRANSLATE_NOOP("Validation", "Idea"), "idea"),
            "cluster_id": _ref(QT_TRANSLATE_NOOP("Validation", "Cluster"), "cluster"),
        },
        parent="measure_id",
    )
)

_register(
    EntityRule(
        "phase",
        schema.Phase,
        QT_TRANSLATE_NOOP("Validation", "Phase"),
        {
            "project_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Project"), "project", required=True
            ),
            "name": _text(QT_TRANSLATE_NOOP("Validation", "Name"), 200),
            "starts_on": _date(QT_TRANSLATE_NOOP("Validation", "Start date")),
            "ends_on": _date(QT_TRANSLATE_NOOP("Validation", "End date")),
            "colour": _colour(),
            "order_key": _order_key(),
        },
        parent="project_id",
        checks=(dates_in_order("starts_on", "ends_on"),),
    )
)

_register(
    EntityRule(
        "milestone",
        schema.Milestone,
        QT_TRANSLATE_NOOP("Validation", "Milestone"),
        {
            "project_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Project"), "project", required=True
            ),
            "phase_id": _ref(QT_TRANSLATE_NOOP("Validation", "Phase"), "phase"),
            "title": _text(QT_TRANSLATE_NOOP("Validation", "Title"), 200),
            "due_on": _date(QT_TRANSLATE_NOOP("Validation", "Date"), required=True),
            "status": _choice(QT_TRANSLATE_NOOP("Validation", "Status"), schema.MilestoneStatus),
            "owner": _line(QT_TRANSLATE_NOOP("Validation", "Owner")),
            "description": _notes(QT_TRANSLATE_NOOP("Validation", "Description")),
            "workshop_id": _ref(QT_TRANSLATE_NOOP("Validation", "Workshop"), "workshop"),
            "measure_id": _ref(QT_TRANSLATE_NOOP("Validation", "Measure"), "measure"),
        },
        parent="project_id",
    )
)


def exactly_one(first: str, second: str, message: Message) -> Check:
    """One of two references must be set, not both, not neither (one end of a link)."""

    def check(row: Mapping[str, Any]) -> tuple[Message, str] | None:
        if (row.get(first) is None) == (row.get(second) is None):
            return message, first
        return None

    return check


def not_the_same(pairs: tuple[tuple[str, str], ...], message: Message, field: str) -> Check:
    """No pair of references may point at the same row (a link from an item to itself)."""

    def check(row: Mapping[str, Any]) -> tuple[Message, str] | None:
        for one, other in pairs:
            if row.get(one) is not None and row.get(one) == row.get(other):
                return message, field
        return None

    return check


_NEEDS_PREDECESSOR = QT_TRANSLATE_NOOP(
    "Validation", "A dependency needs exactly one predecessor: a milestone or a measure.")
_NEEDS_SUCCESSOR = QT_TRANSLATE_NOOP(
    "Validation", "A dependency needs exactly one successor: a milestone or a measure.")

# A dependency belongs to its project (deleting the project takes it along); the timeline's
# delete operations tombstone it together with either of its ends.
_register(
    EntityRule(
        "dependency",
        schema.Dependency,
        QT_TRANSLATE_NOOP("Validation", "Dependency"),
        {
            "project_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Project"), "project", required=True
            ),
            "predecessor_milestone_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Predecessor"), "milestone"
            ),
            "predecessor_measure_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Predecessor"), "measure"
            ),
            "successor_milestone_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Successor"), "milestone"
            ),
            "successor_measure_id": _ref(QT_TRANSLATE_NOOP("Validation", "Successor"), "measure"),
        },
        parent="project_id",
        checks=(
            exactly_one("predecessor_milestone_id", "predecessor_measure_id", _NEEDS_PREDECESSOR),
            exactly_one("successor_milestone_id", "successor_measure_id", _NEEDS_SUCCESSOR),
            not_the_same(
                (
                    ("predecessor_milestone_id", "successor_milestone_id"),
                    ("predecessor_measure_id", "successor_measure_id"),
                ),
                QT_TRANSLATE_NOOP("Validation", "An item cannot depend on itself."),
                "successor_milestone_id",
            ),
        ),
    )
)

_register(
    EntityRule(
        "baseline",
        schema.Baseline,
        QT_TRANSLATE_NOOP("Validation", "Baseline"),
        {
            "project_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Project"), "project", required=True
            ),
            "name": _text(QT_TRANSLATE_NOOP("Validation", "Name"), 200),
            "taken_at": FieldRule(
                dt.datetime, QT_TRANSLATE_NOOP("Validation", "Taken at"), required=True
            ),
        },
        parent="project_id",
    )
)

_register(
    EntityRule(
        "baseline_entry",
        schema.BaselineEntry,
        QT_TRANSLATE_NOOP("Validation", "Baseline entry"),
        {
            "baseline_id": _ref(
                QT_TRANSLATE_NOOP("Validation", "Baseline"), "baseline", required=True
            ),
            "milestone_id": _ref(QT_TRANSLATE_NOOP("Validation", "Milestone"), "milestone"),
            "measure_id": _ref(QT_TRANSLATE_NOOP("Validation", "Measure"), "measure"),
            "starts_on": _date(QT_TRANSLATE_NOOP("Validation", "Start date")),
            "ends_on": _date(QT_TRANSLATE_NOOP("Validation", "End date")),
        },
        parent="baseline_id",
        checks=(
            exactly_one(
                "milestone_id",
                "measure_id",
                QT_TRANSLATE_NOOP(
                    "Validation", "A baseline entry is for exactly one milestone or measure."
                ),
            ),
            dates_in_order("starts_on", "ends_on"),
        ),
    )
)


# --------------------------------------------------------------------------- templates

# A template's payload (see schema.AgendaTemplate) is a copy of blocks, not rows. It is
# checked here, field by field with the rules of the rows it turns into, so a template that
# was kept can always be inserted, and a damaged or foreign one is refused before it is.
TEMPLATE_FORMAT = 1
# Far beyond any real agenda (thirty blocks with a page of notes each are about 100 000
# characters); more is a mistake, and would only slow down every list of templates.
MAX_TEMPLATE_CHARS = 1_000_000
MAX_TEMPLATE_DAYS = 31
MAX_TEMPLATE_BLOCKS = 500
MAX_TEMPLATE_TRACKS = 100  # per block
MAX_TEMPLATE_MATERIALS = 200  # per block
# What a template keeps of a block: not its place, its board or ballot (they belong to one
# workshop) or what was recorded live (the times and the extra minutes).
TEMPLATE_BLOCK_FIELDS = ("title", "duration_min", "category", "method", "goal",
                         "responsible", "room", "notes", "facilitator_only", "pinned_at")
TEMPLATE_TRACK_FIELDS = ("title", "room", "facilitator")
TEMPLATE_MATERIAL_FIELDS = ("name", "quantity")
# Clock times are kept as "HH:MM" (JSON has no time); agenda times are whole minutes.
_CLOCK = re.compile(r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")

_TEMPLATE_DAMAGED = QT_TRANSLATE_NOOP(
    "Validation", "The content of the template is damaged, so it cannot be used.")
_TEMPLATE_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Validation",
    "The template is too large: {size} characters, at most {maximum} are allowed. Shorten "
    "the notes or save fewer days.")
_TEMPLATE_TOO_MANY = QT_TRANSLATE_NOOP(
    "Validation",
    "The template holds too much: at most {days} days, {blocks} blocks, {tracks} working "
    "groups and {materials} materials per block are allowed.")
_TEMPLATE_INVALID = QT_TRANSLATE_NOOP("Validation", "The template cannot be used: {reason}")


class _DamagedError(Exception):
    """A payload of a shape this app does not write (a broken or foreign template)."""


class _TooManyError(Exception):
    """A payload of a valid shape, but with more days or blocks than a template may hold."""


def _template_payload(row: Mapping[str, Any]) -> tuple[Message, str] | None:
    """The payload fits the template's kind, its size cap, and every field's rules."""
    payload = row.get("payload")
    try:
        size = len(json.dumps(payload, ensure_ascii=False, allow_nan=False))
    except (TypeError, ValueError, RecursionError):
        return _TEMPLATE_DAMAGED, "payload"
    if size > MAX_TEMPLATE_CHARS:
        return _TEMPLATE_TOO_LARGE.with_params(size=size, maximum=MAX_TEMPLATE_CHARS), "payload"
    try:
        _check_template(row.get("kind"), payload)
    except _DamagedError:
        return _TEMPLATE_DAMAGED, "payload"
    except _TooManyError:
        return _TEMPLATE_TOO_MANY.with_params(
            days=MAX_TEMPLATE_DAYS, blocks=MAX_TEMPLATE_BLOCKS, tracks=MAX_TEMPLATE_TRACKS,
            materials=MAX_TEMPLATE_MATERIALS), "payload"
    except ValidationError as exc:
        return _TEMPLATE_INVALID.with_params(reason=exc.message), "payload"
    return None


def _check_template(kind: object, payload: object) -> None:
    if not isinstance(payload, dict) or type(payload.get("format")) is not int or (
            payload["format"] != TEMPLATE_FORMAT):
        raise _DamagedError
    if kind == schema.TemplateKind.BLOCK:
        _keys(payload, required={"format", "blocks"})
        blocks = _list(payload["blocks"], MAX_TEMPLATE_BLOCKS)
        if len(blocks) != 1:
            raise _DamagedError
    elif kind == schema.TemplateKind.AGENDA:
        _keys(payload, required={"format", "days"})
        days = _list(payload["days"], MAX_TEMPLATE_DAYS)
        if not days:
            raise _DamagedError
        blocks = []
        for entry in days:
            day = _keys(entry, required={"starts_at", "blocks"})
            _clock(day["starts_at"], rule("agenda_day").fields["starts_at"], "starts_at",
                   nullable=False)
            blocks += _list(day["blocks"], MAX_TEMPLATE_BLOCKS)
        if len(blocks) > MAX_TEMPLATE_BLOCKS:
            raise _TooManyError
    else:
        return  # the kind's own rule refuses it
    for block in blocks:
        _check_template_block(block)


def _check_template_block(block: object) -> None:
    block = _keys(block, required={"title", "duration_min"},
                  optional={*TEMPLATE_BLOCK_FIELDS, "tracks", "materials"})
    fields = rule("agenda_item").fields
    for name in TEMPLATE_BLOCK_FIELDS:
        if name == "pinned_at":
            _clock(block.get(name), fields[name], name, nullable=True)
        elif name in block:
            _validate_field(fields[name], name, block[name])
    for track in _list(block.get("tracks", []), MAX_TEMPLATE_TRACKS):
        _fields_of(_keys(track, required={"title"}, optional=TEMPLATE_TRACK_FIELDS),
                   "agenda_track")
    seen: set[str] = set()
    for entry in _list(block.get("materials", []), MAX_TEMPLATE_MATERIALS):
        material = _keys(entry, required={"name"}, optional=TEMPLATE_MATERIAL_FIELDS)
        _fields_of(material, "agenda_material")
        folded = " ".join(str(material["name"]).split()).casefold()
        if folded in seen:
            raise _DamagedError  # the agenda lists a material once per block
        seen.add(folded)


def _keys(value: object, *, required: set[str], optional: Collection[str] = ()
          ) -> dict[str, Any]:
    """``value`` as a dict with every required key and no key it may not have."""
    if not isinstance(value, dict) or not required <= value.keys() or not (
            value.keys() <= required | set(optional)):
        raise _DamagedError
    return value


def _list(value: object, maximum: int) -> list[Any]:
    if not isinstance(value, list):
        raise _DamagedError
    if len(value) > maximum:
        raise _TooManyError
    return value


def _fields_of(values: Mapping[str, Any], kind: str) -> None:
    fields = rule(kind).fields
    for name, value in values.items():
        _validate_field(fields[name], name, value)


def _clock(value: object, spec: FieldRule, name: str, *, nullable: bool) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, str) or not _CLOCK.match(value):
        raise _DamagedError
    _validate_field(spec, name, dt.time.fromisoformat(value))


_register(
    EntityRule(
        "agenda_template",
        schema.AgendaTemplate,
        QT_TRANSLATE_NOOP("Validation", "Template"),
        {
            "name": _text(QT_TRANSLATE_NOOP("Validation", "Name"), 200),
            "kind": FieldRule(
                str,
                QT_TRANSLATE_NOOP("Validation", "Kind"),
                required=True,
                choices=frozenset(k.value for k in schema.TemplateKind),
            ),
            "payload": FieldRule(dict, QT_TRANSLATE_NOOP("Validation", "Content"),
                                 required=True),
            "created_at": FieldRule(dt.datetime, QT_TRANSLATE_NOOP("Validation", "Created")),
        },
        # None: a template is the facilitator's own, not a project's, and outlives them.
        checks=(_template_payload,),
    )
)


def rule(kind: str) -> EntityRule:
    try:
        return RULES[kind]
    except KeyError:
        raise ValueError(f"unknown entity kind {kind!r}") from None


def children_of(kind: str) -> list[EntityRule]:
    """Entities owned by ``kind`` (deleted together with it)."""
    return [r for r in RULES.values() if r.parent and r.fields[r.parent].ref == kind]


def validate_values(kind: str, values: Mapping[str, Any], *, creating: bool) -> None:
    """Check field names, types and ranges; raise :class:`ValidationError` on the first fault."""
    entity = rule(kind)
    for name in values:
        if name not in entity.fields:
            raise ValueError(f"{kind} has no editable field {name!r}")
    if creating:
        for name, field_rule in entity.fields.items():
            if field_rule.required and values.get(name) is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Validation", "{field} is required.").with_params(
                        field=field_rule.label
                    ),
                    name,
                )
    for name, value in values.items():
        _validate_field(entity.fields[name], name, value)


def validate_row(kind: str, row: Mapping[str, Any]) -> None:
    """Cross-field rules on a whole row (after an update is merged in)."""
    for check in rule(kind).checks:
        fault = check(row)
        if fault is not None:
            message, name = fault
            raise ValidationError(message, name)


def _validate_field(spec: FieldRule, name: str, value: Any) -> None:
    label = spec.label
    if value is None:
        if spec.nullable:
            return
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{field} must not be empty.").with_params(field=label),
            name,
        )
    expected = spec.type
    ok = isinstance(value, expected)
    if expected is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif expected is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif expected is dt.date:
        ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if not ok:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{field} has the wrong kind of value.").with_params(
                field=label
            ),
            name,
        )
    if isinstance(value, str):
        _validate_text(spec, name, value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "{field} must be a number.").with_params(
                    field=label
                ),
                name,
            )
        if spec.minimum is not None and value < spec.minimum:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "{field} must be at least {minimum}.").with_params(
                    field=label, minimum=_number_text(spec.minimum)
                ),
                name,
            )
        if spec.maximum is not None and value > spec.maximum:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "{field} must be at most {maximum}.").with_params(
                    field=label, maximum=_number_text(spec.maximum)
                ),
                name,
            )


def _validate_text(spec: FieldRule, name: str, value: str) -> None:
    label = spec.label
    if spec.max_length is not None and len(value) > spec.max_length:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{field} is too long: {length} characters, at most {maximum} are allowed.",
            ).with_params(field=label, length=len(value), maximum=spec.max_length),
            name,
        )
    if spec.not_blank and not value.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{field} must not be empty.").with_params(field=label),
            name,
        )
    if _CONTROL.search(value):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation", "{field} contains invisible control characters."
            ).with_params(field=label),
            name,
        )
    if not spec.multiline and ("\n" in value or "\r" in value):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{field} must be a single line.").with_params(
                field=label
            ),
            name,
        )
    if spec.colour and not _COLOUR.match(value):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{field} must be a colour like #ffcc00.").with_params(
                field=label
            ),
            name,
        )
    if spec.choices is not None and value not in spec.choices:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{field} has an unknown value.").with_params(
                field=label
            ),
            name,
        )
    if spec.order_key and not is_valid_order_key(value):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{field} is not a valid position.").with_params(
                field=label
            ),
            name,
        )


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
