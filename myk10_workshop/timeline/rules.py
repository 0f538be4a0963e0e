"""Date rules of the timeline: pure functions from plain values to refusals and warnings.

Two strengths, so that nothing typed is lost without a reason:

refusals (:class:`ValidationError`)
    what cannot be meant: an end before its start, a date outside the years a timeline can
    show (before 2000 or after 2100: a typo such as 0224 or 2204), an item depending on
    itself, the same dependency twice, a dependency that closes a circle
    (:class:`CycleError` names the circle, so the view can mark it).
warnings (:class:`TimelineWarning`)
    what may well be meant but deserves a second look: a milestone outside every phase, an
    item outside the project's dates (or more than ten years away from them), a successor
    that starts before its predecessor ends, a circle that arrived by merging two laptops'
    plans (each laptop refused it, their union has it). Warnings are data: a kind, the items
    concerned and a message the view translates.

Nothing here reads the database; :mod:`myk10_workshop.timeline.operations` and
:mod:`myk10_workshop.timeline.queries` feed these functions.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store.errors import ValidationError

# The years a timeline can show; dates beyond them are refused as typos.
EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2100, 12, 31)
# An item further than this from the project's dates gets the stronger warning.
FAR_YEARS = 10


class ItemKind(enum.StrEnum):
    """What can be an end of a dependency; the values are the store's entity kinds."""

    MILESTONE = "milestone"
    MEASURE = "measure"


@dataclass(frozen=True, order=True)
class ItemRef:
    """A milestone or a measure, by kind and id."""

    kind: str
    id: uuid.UUID


# (predecessor, successor) of a finish-to-start dependency.
Link = tuple[ItemRef, ItemRef]


@dataclass(frozen=True)
class PlanItem:
    """What the rules need of a milestone or measure; a milestone's date is its start and
    its end."""

    ref: ItemRef
    title: str
    starts_on: dt.date | None
    ends_on: dt.date | None

    @property
    def first(self) -> dt.date | None:
        return self.starts_on if self.starts_on is not None else self.ends_on

    @property
    def last(self) -> dt.date | None:
        return self.ends_on if self.ends_on is not None else self.starts_on


@dataclass(frozen=True)
class PhaseSpan:
    """A phase's dates; a missing end (or start) leaves the phase open on that side."""

    id: uuid.UUID | None
    name: str
    starts_on: dt.date | None
    ends_on: dt.date | None

    @property
    def dated(self) -> bool:
        return self.starts_on is not None or self.ends_on is not None

    def contains(self, day: dt.date) -> bool:
        return (self.dated and (self.starts_on is None or self.starts_on <= day)
                and (self.ends_on is None or day <= self.ends_on))


class WarningKind(enum.StrEnum):
    OUTSIDE_PHASES = "outside_phases"
    OUTSIDE_PROJECT = "outside_project"
    FAR_FROM_PROJECT = "far_from_project"
    STARTS_BEFORE_PREDECESSOR_ENDS = "starts_before_predecessor_ends"
    CYCLE = "cycle"


@dataclass(frozen=True)
class TimelineWarning:
    """Something in the plan worth a second look; ``items`` are the ones to mark."""

    kind: WarningKind
    items: tuple[ItemRef, ...]
    message: Message


class CycleError(ValidationError):
    """A dependency refused because it would close a circle; ``cycle`` lists the items in
    the order the arrows run (the last one leads back to the first)."""

    def __init__(self, message: Message, cycle: tuple[ItemRef, ...]) -> None:
        super().__init__(message, "successor")
        self.cycle = cycle


END_BEFORE_START = QT_TRANSLATE_NOOP(
    "Validation", "The end date must not be before the start date.")
SELF_DEPENDENCY = QT_TRANSLATE_NOOP("Validation", "An item cannot depend on itself.")
DUPLICATE_DEPENDENCY = QT_TRANSLATE_NOOP("Timeline", "This dependency exists already.")
_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "Timeline",
    "{field}: {date} is outside the years a timeline can show ({earliest} to {latest}).")
_CYCLE_REFUSED = QT_TRANSLATE_NOOP(
    "Timeline",
    "This dependency would close a circle: {items}. A chain of dependencies must not lead "
    "back to where it started.")
# One item of a circle of dependencies, quoted as the language quotes.
_CYCLE_ITEM = QT_TRANSLATE_NOOP("Timeline", "“{title}”")
_CYCLE_FOUND = QT_TRANSLATE_NOOP(
    "Timeline", "These dependencies go round in a circle: {items}.")
_OUTSIDE_PHASES = QT_TRANSLATE_NOOP("Timeline", "“{title}” lies outside every phase.")
_OUTSIDE_PROJECT = QT_TRANSLATE_NOOP(
    "Timeline", "“{title}” lies outside the dates of the project.")
_FAR_FROM_PROJECT = QT_TRANSLATE_NOOP(
    "Timeline", "“{title}” lies more than {years} years outside the dates of the project.")
_STARTS_EARLY = QT_TRANSLATE_NOOP(
    "Timeline", "“{successor}” starts before “{predecessor}” ends.")


# --------------------------------------------------------------------------- refusals


def check_span(starts_on: dt.date | None, ends_on: dt.date | None) -> None:
    """Refuse an end before its start (either may be missing)."""
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise ValidationError(END_BEFORE_START, "ends_on")


def check_date(value: dt.date | None, field: str, label: Message) -> None:
    """Refuse a date outside :data:`EARLIEST` .. :data:`LATEST` (``label`` names the field)."""
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValidationError(_OUT_OF_RANGE.with_params(
            field=label, date=value.isoformat(), earliest=EARLIEST.year,
            latest=LATEST.year), field)


def shift(value: dt.date, days: int, field: str, label: Message) -> dt.date:
    """``value`` moved by ``days``; refused when it leaves the years a timeline can show."""
    try:
        moved = value + dt.timedelta(days=days)
    except OverflowError:
        moved = dt.date.max if days > 0 else dt.date.min
    check_date(moved, field, label)
    return moved


def check_new_link(links: Iterable[Link], predecessor: ItemRef, successor: ItemRef,
                   title: Callable[[ItemRef], str]) -> None:
    """Refuse a dependency onto itself, a second copy of one, or one that closes a circle
    with ``links`` (the live dependencies); ``title`` names items in the message."""
    if predecessor == successor:
        raise ValidationError(SELF_DEPENDENCY, "successor")
    known = list(links)
    if (predecessor, successor) in known:
        raise ValidationError(DUPLICATE_DEPENDENCY, "successor")
    cycle = cycle_through(known, predecessor, successor)
    if cycle is not None:
        raise CycleError(_CYCLE_REFUSED.with_params(items=describe_cycle(cycle, title)), cycle)


def describe_cycle(cycle: Sequence[ItemRef], title: Callable[[ItemRef], str]) -> Message:
    """"A → B → C → A": the circle as the arrows run, back to its start. Each title is
    quoted by a translatable text (German quotes „so“, English “so”)."""
    names = {f"item{index}": _CYCLE_ITEM.with_params(title=title(ref))
             for index, ref in enumerate(cycle)}
    chain = " → ".join("{" + name + "}" for name in [*names, "item0"])
    # The chain itself is no text to translate: only its quoted items are.
    return Message(_CYCLE_ITEM.context, chain, names)


# --------------------------------------------------------------------------- cycles


def _successors(links: Iterable[Link]) -> dict[ItemRef, list[ItemRef]]:
    graph: dict[ItemRef, list[ItemRef]] = defaultdict(list)
    for predecessor, successor in links:
        graph[predecessor].append(successor)
    for targets in graph.values():
        targets.sort()  # the same circle is reported whatever order the rows came in
    return graph


def cycle_through(links: Iterable[Link], predecessor: ItemRef,
                  successor: ItemRef) -> tuple[ItemRef, ...] | None:
    """The circle that a new link ``predecessor`` → ``successor`` would close, starting with
    ``predecessor``; None if it closes none.

    A circle closes exactly when ``predecessor`` can already be reached from ``successor``;
    the shortest such path is reported (breadth first).
    """
    if predecessor == successor:
        return (predecessor,)
    graph = _successors(links)
    came_from: dict[ItemRef, ItemRef] = {}
    queue = deque([successor])
    seen = {successor}
    while queue:
        node = queue.popleft()
        if node == predecessor:
            path = [node]
            while path[-1] != successor:
                path.append(came_from[path[-1]])
            path.reverse()  # successor ... predecessor
            return (predecessor, *path[:-1])
        for target in graph.get(node, ()):
            if target not in seen:
                seen.add(target)
                came_from[target] = node
                queue.append(target)
    return None


def find_cycle(links: Iterable[Link]) -> tuple[ItemRef, ...] | None:
    """One circle among ``links`` (in arrow order), or None; deterministic for the same links.

    Iterative depth-first search, so a long chain (hundreds of dependencies) cannot exhaust
    Python's recursion limit.
    """
    graph = _successors(links)
    done: set[ItemRef] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path: list[ItemRef] = [start]
        on_path = {start}
        branches = [iter(graph.get(start, ()))]
        while branches:
            target = next(branches[-1], None)
            if target is None:
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                branches.pop()
                continue
            if target in on_path:
                return tuple(path[path.index(target):])
            if target not in done:
                path.append(target)
                on_path.add(target)
                branches.append(iter(graph.get(target, ())))
    return None


# --------------------------------------------------------------------------- warnings


def phase_containing(day: dt.date, phases: Iterable[PhaseSpan]) -> PhaseSpan | None:
    """The first phase (in the given order) whose dates include ``day``: the phase a new
    milestone on that day belongs to."""
    return next((phase for phase in phases if phase.contains(day)), None)


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
    except OverflowError:  # pragma: no cover - dates are kept between 2000 and 2100
        return dt.date.max


def _outside_project(item: PlanItem, starts_on: dt.date | None,
                     ends_on: dt.date | None) -> TimelineWarning | None:
    first, last = item.first, item.last
    if first is None or last is None:
        return None
    early = starts_on is not None and first < starts_on
    late = ends_on is not None and last > ends_on
    if not (early or late):
        return None
    far = ((starts_on is not None and first < _years_later(starts_on, -FAR_YEARS))
           or (ends_on is not None and last > _years_later(ends_on, FAR_YEARS)))
    if far:
        return TimelineWarning(WarningKind.FAR_FROM_PROJECT, (item.ref,),
                               _FAR_FROM_PROJECT.with_params(title=item.title,
                                                             years=FAR_YEARS))
    return TimelineWarning(WarningKind.OUTSIDE_PROJECT, (item.ref,),
                           _OUTSIDE_PROJECT.with_params(title=item.title))


def plan_warnings(items: Sequence[PlanItem], links: Iterable[Link],
                  phases: Sequence[PhaseSpan], *, project_starts_on: dt.date | None = None,
                  project_ends_on: dt.date | None = None) -> tuple[TimelineWarning, ...]:
    """Everything in a plan worth a second look, in a stable order: per item (in the given
    order) its date warnings, then late successors, then a circle.

    A milestone outside every phase is only reported when the project has dated phases at
    all (a plan without phases is not wrong). Links to items not in ``items`` are ignored.
    """
    found: list[TimelineWarning] = []
    dated_phases = [phase for phase in phases if phase.dated]
    for item in items:
        if (item.ref.kind == ItemKind.MILESTONE and dated_phases and item.last is not None
                and phase_containing(item.last, dated_phases) is None):
            found.append(TimelineWarning(WarningKind.OUTSIDE_PHASES, (item.ref,),
                                         _OUTSIDE_PHASES.with_params(title=item.title)))
        outside = _outside_project(item, project_starts_on, project_ends_on)
        if outside is not None:
            found.append(outside)
    by_ref = {item.ref: item for item in items}
    live = [(p, s) for p, s in links if p in by_ref and s in by_ref]
    for predecessor_ref, successor_ref in sorted(set(live)):
        predecessor, successor = by_ref[predecessor_ref], by_ref[successor_ref]
        ends, starts = predecessor.last, successor.first
        if ends is not None and starts is not None and starts < ends:
            found.append(TimelineWarning(
                WarningKind.STARTS_BEFORE_PREDECESSOR_ENDS, (successor_ref, predecessor_ref),
                _STARTS_EARLY.with_params(successor=successor.title,
                                          predecessor=predecessor.title)))
    cycle = find_cycle(live)
    if cycle is not None:
        titles = {ref: by_ref[ref].title for ref in cycle}
        found.append(TimelineWarning(WarningKind.CYCLE, cycle, _CYCLE_FOUND.with_params(
            items=describe_cycle(cycle, titles.__getitem__))))
    return tuple(found)

