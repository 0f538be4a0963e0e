"""Read models of the timeline and the digital agenda: plain, immutable snapshots.

Core selects returning tuples, a handful per snapshot whatever the plan's size (500
milestones, 300 measures and 400 dependencies read in a few tens of milliseconds), so the
views can reread after every change. Rows whose owner is gone (a dependency to a deleted
milestone, a source idea deleted on the board) are left out here rather than deleted with
their owner, because sync may revive the owner.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Protocol

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from myk10_workshop.i18n import collation_key
from myk10_workshop.store.schema import (
    Ballot,
    BallotKind,
    BallotOption,
    Baseline,
    BaselineEntry,
    Cluster,
    Dependency,
    FieldOfAction,
    Idea,
    Measure,
    MeasureSource,
    Milestone,
    PaperTally,
    Phase,
    Project,
    Vote,
    Workshop,
)
from myk10_workshop.timeline.rules import (
    ItemKind,
    ItemRef,
    Link,
    PhaseSpan,
    PlanItem,
    TimelineWarning,
    plan_warnings,
)

# --------------------------------------------------------------------------- ballot results


class RankedOption(Protocol):
    """What the timeline reads of one option's result (a
    :class:`myk10_workshop.voting.tally.OptionResult` is one)."""

    @property
    def option_id(self) -> uuid.UUID: ...
    @property
    def label(self) -> str: ...
    @property
    def idea_id(self) -> uuid.UUID | None: ...
    @property
    def cluster_id(self) -> uuid.UUID | None: ...
    @property
    def rank(self) -> int | None: ...
    @property
    def voters(self) -> int: ...
    @property
    def total(self) -> float: ...
    @property
    def share(self) -> float | None: ...
    @property
    def mean(self) -> float | None: ...


class BallotResults(Protocol):
    """What the timeline reads of a ballot's result (a
    :class:`myk10_workshop.voting.tally.Results` is one)."""

    @property
    def kind(self) -> str: ...
    @property
    def options(self) -> Sequence[RankedOption]: ...
    @property
    def participants(self) -> int: ...
    @property
    def paper_total(self) -> int: ...


# Reads a ballot's result in a session; None if the ballot is gone. The feature packages
# stay independent of each other, so whoever composes them passes
# ``myk10_workshop.voting.queries.results``: how a ballot is counted and ranked stays
# written in one place, the voting package.
ResultsReader = Callable[[Session, uuid.UUID], BallotResults | None]


# --------------------------------------------------------------------------- snapshots


@dataclass(frozen=True)
class ProjectInfo:
    id: uuid.UUID
    name: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    # The date of the "today" line, when set (else the view uses today).
    as_of: dt.date | None


@dataclass(frozen=True)
class PhaseView:
    id: uuid.UUID
    name: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    colour: str
    order_key: str

    @property
    def span(self) -> PhaseSpan:
        return PhaseSpan(self.id, self.name, self.starts_on, self.ends_on)


@dataclass(frozen=True)
class FieldView:
    id: uuid.UUID
    name: str
    colour: str
    order_key: str


@dataclass(frozen=True)
class MilestoneView:
    id: uuid.UUID
    title: str
    due_on: dt.date
    status: str
    owner: str
    description: str
    # None when the phase, workshop or measure is gone.
    phase_id: uuid.UUID | None
    workshop_id: uuid.UUID | None
    measure_id: uuid.UUID | None

    @property
    def ref(self) -> ItemRef:
        return ItemRef(ItemKind.MILESTONE.value, self.id)

    @property
    def plan_item(self) -> PlanItem:
        return PlanItem(self.ref, self.title, self.due_on, self.due_on)


@dataclass(frozen=True)
class MeasureView:
    id: uuid.UUID
    title: str
    description: str
    owner: str
    status: str
    priority: int | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    # None (and empty name, grey) when the measure has no live field of action.
    field_of_action_id: uuid.UUID | None
    field_name: str
    field_colour: str

    @property
    def ref(self) -> ItemRef:
        return ItemRef(ItemKind.MEASURE.value, self.id)

    @property
    def plan_item(self) -> PlanItem:
        return PlanItem(self.ref, self.title, self.starts_on, self.ends_on)


@dataclass(frozen=True)
class DependencyView:
    id: uuid.UUID
    predecessor: ItemRef
    successor: ItemRef

    @property
    def link(self) -> Link:
        return (self.predecessor, self.successor)


@dataclass(frozen=True)
class BaselineInfo:
    id: uuid.UUID
    name: str
    taken_at: dt.datetime


@dataclass(frozen=True)
class BaselineView:
    """A baseline with the dates it recorded for the items that still exist (a milestone's
    date as both start and end)."""

    id: uuid.UUID
    name: str
    taken_at: dt.datetime
    dates: Mapping[ItemRef, tuple[dt.date | None, dt.date | None]]


@dataclass(frozen=True)
class Timeline:
    """Everything a timeline view of one project draws."""

    project: ProjectInfo
    phases: tuple[PhaseView, ...]
    fields: tuple[FieldView, ...]
    milestones: tuple[MilestoneView, ...]
    measures: tuple[MeasureView, ...]
    dependencies: tuple[DependencyView, ...]
    # The latest baseline, if any was taken.
    baseline: BaselineView | None

    def plan_items(self) -> tuple[PlanItem, ...]:
        return (*(m.plan_item for m in self.milestones), *(m.plan_item for m in self.measures))

    def links(self) -> tuple[Link, ...]:
        return tuple(dependency.link for dependency in self.dependencies)

    def warnings(self) -> tuple[TimelineWarning, ...]:
        """The plan's warnings (see :func:`myk10_workshop.timeline.rules.plan_warnings`)."""
        return plan_warnings(self.plan_items(), self.links(),
                             [phase.span for phase in self.phases],
                             project_starts_on=self.project.starts_on,
                             project_ends_on=self.project.ends_on)

    def today(self, default: dt.date) -> dt.date:
        """Where the today line goes: the project's as-of date, else ``default``."""
        return self.project.as_of or default


def load_project_info(session: Session, project_id: uuid.UUID) -> ProjectInfo | None:
    project = Project.__table__.c
    row = session.execute(
        select(project.id, project.name, project.starts_on, project.ends_on, project.as_of)
        .where(project.id == project_id, project.deleted.is_(False))).first()
    return None if row is None else ProjectInfo(*row)


def load_timeline(session: Session, project_id: uuid.UUID) -> Timeline | None:
    """The project's timeline; None if the project is gone.

    Phases and fields in their order; milestones by date; measures by start (undated last);
    dependencies whose two ends are live; the latest baseline.
    """
    project = load_project_info(session, project_id)
    if project is None:
        return None
    phase = Phase.__table__.c
    phases = tuple(PhaseView(*values) for values in session.execute(
        select(phase.id, phase.name, phase.starts_on, phase.ends_on, phase.colour,
               phase.order_key)
        .where(phase.project_id == project_id, phase.deleted.is_(False))
        .order_by(phase.order_key, phase.id)))
    fields = _fields(session, project_id)
    workshop = Workshop.__table__.c
    workshops = set(session.scalars(select(workshop.id).where(
        workshop.project_id == project_id, workshop.deleted.is_(False))))
    measures = _measures(session, project_id, {f.id: f for f in fields})
    measure_ids = {m.id for m in measures}
    phase_ids = {p.id for p in phases}
    milestone = Milestone.__table__.c
    milestones = tuple(
        MilestoneView(row_id, title, due_on, status, owner, description,
                      phase_id if phase_id in phase_ids else None,
                      workshop_id if workshop_id in workshops else None,
                      measure_id if measure_id in measure_ids else None)
        for (row_id, title, due_on, status, owner, description, phase_id, workshop_id,
             measure_id) in session.execute(
            select(milestone.id, milestone.title, milestone.due_on, milestone.status,
                   milestone.owner, milestone.description, milestone.phase_id,
                   milestone.workshop_id, milestone.measure_id)
            .where(milestone.project_id == project_id, milestone.deleted.is_(False))
            .order_by(milestone.due_on, milestone.title, milestone.id)))
    live = {m.ref for m in milestones} | {m.ref for m in measures}
    return Timeline(project, phases, fields, milestones, measures,
                    _dependencies(session, project_id, live),
                    _latest_baseline(session, project_id, live))


def _fields(session: Session, project_id: uuid.UUID) -> tuple[FieldView, ...]:
    field = FieldOfAction.__table__.c
    return tuple(FieldView(*values) for values in session.execute(
        select(field.id, field.name, field.colour, field.order_key)
        .where(field.project_id == project_id, field.deleted.is_(False))
        .order_by(field.order_key, field.id)))


NO_FIELD_COLOUR = "#bdbdbd"


def _measures(session: Session, project_id: uuid.UUID,
              fields: Mapping[uuid.UUID, FieldView]) -> tuple[MeasureView, ...]:
    measure = Measure.__table__.c
    found = []
    for (row_id, title, description, owner, status, priority, starts_on, ends_on,
         field_id) in session.execute(
            select(measure.id, measure.title, measure.description, measure.owner,
                   measure.status, measure.priority, measure.starts_on, measure.ends_on,
                   measure.field_of_action_id)
            .where(measure.project_id == project_id, measure.deleted.is_(False))):
        field = fields.get(field_id) if field_id is not None else None
        found.append(MeasureView(
            row_id, title, description, owner, status, priority, starts_on, ends_on,
            field.id if field else None, field.name if field else "",
            field.colour if field else NO_FIELD_COLOUR))
    found.sort(key=lambda m: (m.starts_on is None, m.starts_on or dt.date.min,
                              collation_key(m.title), m.id))
    return tuple(found)


def _end(milestone_id: uuid.UUID | None, measure_id: uuid.UUID | None) -> ItemRef | None:
    if milestone_id is not None:
        return ItemRef(ItemKind.MILESTONE.value, milestone_id)
    if measure_id is not None:
        return ItemRef(ItemKind.MEASURE.value, measure_id)
    return None


def _dependencies(session: Session, project_id: uuid.UUID,
                  live: set[ItemRef]) -> tuple[DependencyView, ...]:
    """Dependencies with both ends in ``live``; a pair drawn twice (on two laptops, then
    merged) comes back once."""
    dependency = Dependency.__table__.c
    found: dict[Link, DependencyView] = {}
    for (row_id, predecessor_milestone, predecessor_measure, successor_milestone,
         successor_measure) in session.execute(
            select(dependency.id, dependency.predecessor_milestone_id,
                   dependency.predecessor_measure_id, dependency.successor_milestone_id,
                   dependency.successor_measure_id)
            .where(dependency.project_id == project_id, dependency.deleted.is_(False))
            .order_by(dependency.id)):
        predecessor = _end(predecessor_milestone, predecessor_measure)
        successor = _end(successor_milestone, successor_measure)
        if predecessor in live and successor in live:
            assert predecessor is not None and successor is not None
            found.setdefault((predecessor, successor),
                             DependencyView(row_id, predecessor, successor))
    return tuple(sorted(found.values(), key=lambda d: (d.predecessor, d.successor)))


def live_links(session: Session, project_id: uuid.UUID) -> dict[Link, list[uuid.UUID]]:
    """The project's dependencies between live items: link -> ids of its live rows (more
    than one after a merge). What a new dependency is checked against."""
    live = _live_items(session, project_id)
    dependency = Dependency.__table__.c
    found: dict[Link, list[uuid.UUID]] = defaultdict(list)
    for row_id, *ends in session.execute(
            select(dependency.id, dependency.predecessor_milestone_id,
                   dependency.predecessor_measure_id, dependency.successor_milestone_id,
                   dependency.successor_measure_id)
            .where(dependency.project_id == project_id, dependency.deleted.is_(False))):
        predecessor, successor = _end(ends[0], ends[1]), _end(ends[2], ends[3])
        if predecessor in live and successor in live:
            assert predecessor is not None and successor is not None
            found[(predecessor, successor)].append(row_id)
    return dict(found)


def _live_items(session: Session, project_id: uuid.UUID) -> set[ItemRef]:
    milestone, measure = Milestone.__table__.c, Measure.__table__.c
    live = {ItemRef(ItemKind.MILESTONE.value, row_id) for row_id in session.scalars(
        select(milestone.id).where(milestone.project_id == project_id,
                                   milestone.deleted.is_(False)))}
    live |= {ItemRef(ItemKind.MEASURE.value, row_id) for row_id in session.scalars(
        select(measure.id).where(measure.project_id == project_id,
                                 measure.deleted.is_(False)))}
    return live


def list_baselines(session: Session, project_id: uuid.UUID) -> tuple[BaselineInfo, ...]:
    """The project's baselines, newest first."""
    baseline = Baseline.__table__.c
    return tuple(BaselineInfo(*values) for values in session.execute(
        select(baseline.id, baseline.name, baseline.taken_at)
        .where(baseline.project_id == project_id, baseline.deleted.is_(False))
        .order_by(baseline.taken_at.desc(), baseline.id)))


def load_baseline(session: Session, baseline_id: uuid.UUID,
                  live: set[ItemRef] | None = None) -> BaselineView | None:
    """A baseline's dates (only of the items in ``live``, when given); None if it is gone."""
    baseline = Baseline.__table__.c
    row = session.execute(select(baseline.id, baseline.name, baseline.taken_at)
                          .where(baseline.id == baseline_id,
                                 baseline.deleted.is_(False))).first()
    if row is None:
        return None
    entry = BaselineEntry.__table__.c
    dates: dict[ItemRef, tuple[dt.date | None, dt.date | None]] = {}
    for milestone_id, measure_id, starts_on, ends_on in session.execute(
            select(entry.milestone_id, entry.measure_id, entry.starts_on, entry.ends_on)
            .where(entry.baseline_id == baseline_id, entry.deleted.is_(False))):
        ref = _end(milestone_id, measure_id)
        if ref is not None and (live is None or ref in live):
            dates[ref] = (starts_on, ends_on)
    return BaselineView(row[0], row[1], row[2], MappingProxyType(dates))


def _latest_baseline(session: Session, project_id: uuid.UUID,
                     live: set[ItemRef]) -> BaselineView | None:
    baselines = list_baselines(session, project_id)
    return load_baseline(session, baselines[0].id, live) if baselines else None


# --------------------------------------------------------------------------- digital agenda


@dataclass(frozen=True)
class AgendaRow:
    """One line of the digital agenda: a measure and the support behind it.

    ``ideas``: distinct live ideas the measure came from (its source ideas and the ideas of
    its source clusters). ``votes``: on ballot options that name one of those ideas or
    clusters, the dots of dot votes and the choices of single and multiple choice (phones and
    paper together), and for the other kinds the phones that rated, ranked, gave points or
    placed the option (a rating of 4 is one vote, not four).
    """

    measure_id: uuid.UUID
    title: str
    field_of_action_id: uuid.UUID | None
    field_name: str
    field_colour: str
    owner: str
    priority: int | None
    status: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    ideas: int
    votes: int


# Kinds whose vote values are votes (a dot, a choice); paper tallies add to them.
_VALUE_COUNTS = frozenset({BallotKind.DOTS.value, BallotKind.SINGLE.value,
                           BallotKind.MULTIPLE.value})


def load_agenda(session: Session, project_id: uuid.UUID) -> tuple[AgendaRow, ...]:
    """The project's measures with their support, by field of action (in the fields'
    order, measures without a field last), then priority (1 first, none last), then title."""
    fields = _fields(session, project_id)
    order = {field.id: index for index, field in enumerate(fields)}
    measures = _measures(session, project_id, {f.id: f for f in fields})
    backing = _support(session, project_id)
    rows = [AgendaRow(
        m.id, m.title, m.field_of_action_id, m.field_name, m.field_colour, m.owner,
        m.priority, m.status, m.starts_on, m.ends_on,
        len(backing.ideas.get(m.id, ())), backing.votes_for(m.id)) for m in measures]
    rows.sort(key=lambda r: (
        order.get(r.field_of_action_id, len(order)) if r.field_of_action_id else len(order),
        r.priority is None, r.priority or 0, collation_key(r.title), r.measure_id))
    return tuple(rows)


@dataclass(frozen=True)
class _Support:
    # Measure -> ideas behind it; measure -> the options that name its ideas or clusters.
    ideas: Mapping[uuid.UUID, set[uuid.UUID]]
    options: Mapping[uuid.UUID, set[uuid.UUID]]
    # Option -> votes counted (see AgendaRow).
    option_votes: Mapping[uuid.UUID, float]

    def votes_for(self, measure_id: uuid.UUID) -> int:
        return round(sum(self.option_votes.get(option, 0.0)
                         for option in self.options.get(measure_id, ())))


def _support(session: Session, project_id: uuid.UUID) -> _Support:
    """Ideas and votes behind every measure of the project, in a few project-wide queries
    (none per measure; sets of ids stay in SQLite as subqueries)."""
    source, measure = MeasureSource.__table__.c, Measure.__table__.c
    live_sources = (select(source.measure_id, source.idea_id, source.cluster_id)
                    .join(Measure.__table__, measure.id == source.measure_id)
                    .where(measure.project_id == project_id, measure.deleted.is_(False),
                           source.deleted.is_(False)))
    sources = session.execute(live_sources).all()
    named = live_sources.subquery()
    # Live ideas that a measure names or that sit in a cluster one names: (id, cluster).
    idea = Idea.__table__.c
    ideas = session.execute(
        select(idea.id, idea.cluster_id)
        .where(or_(idea.id.in_(select(named.c.idea_id)),
                   idea.cluster_id.in_(select(named.c.cluster_id))),
               idea.deleted.is_(False))).all()
    live_ideas = {idea_id for idea_id, _ in ideas}
    members: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for idea_id, cluster_id in ideas:
        if cluster_id is not None:
            members[cluster_id].add(idea_id)
    cluster = Cluster.__table__.c
    live_clusters = set(session.scalars(
        select(cluster.id).where(cluster.id.in_(select(named.c.cluster_id)),
                                 cluster.deleted.is_(False))))

    behind: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    named_clusters: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for measure_id, idea_id, cluster_id in sources:
        if idea_id is not None and idea_id in live_ideas:
            behind[measure_id].add(idea_id)
        if cluster_id is not None and cluster_id in live_clusters:
            named_clusters[measure_id].add(cluster_id)
            behind[measure_id] |= members.get(cluster_id, set())

    option, ballot, workshop = (BallotOption.__table__.c, Ballot.__table__.c,
                                Workshop.__table__.c)
    project_ballots = (select(ballot.id).join(Workshop.__table__,
                                              workshop.id == ballot.workshop_id)
                       .where(workshop.project_id == project_id, ballot.deleted.is_(False)))
    options = session.execute(
        select(option.id, option.idea_id, option.cluster_id, ballot.kind)
        .join(Ballot.__table__, ballot.id == option.ballot_id)
        .where(option.ballot_id.in_(project_ballots), option.deleted.is_(False))).all()
    by_idea: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    by_cluster: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    kinds: dict[uuid.UUID, str] = {}
    for option_id, idea_id, cluster_id, kind in options:
        kinds[option_id] = kind
        if idea_id is not None:
            by_idea[idea_id].add(option_id)
        if cluster_id is not None:
            by_cluster[cluster_id].add(option_id)
    backed: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for measure_id in set(behind) | set(named_clusters):
        for idea_id in behind.get(measure_id, ()):
            backed[measure_id] |= by_idea.get(idea_id, set())
        for cluster_id in named_clusters.get(measure_id, ()):
            backed[measure_id] |= by_cluster.get(cluster_id, set())
    return _Support(behind, backed, _option_votes(session, project_ballots, kinds))


def _option_votes(session: Session, project_ballots: Select[Any],
                  kinds: Mapping[uuid.UUID, str]) -> dict[uuid.UUID, float]:
    vote, paper = Vote.__table__.c, PaperTally.__table__.c
    counted: dict[uuid.UUID, float] = defaultdict(float)
    for option_id, values, rows in session.execute(
            select(vote.option_id, func.sum(vote.value), func.count())
            .where(vote.ballot_id.in_(project_ballots), vote.deleted.is_(False),
                   vote.value.is_not(None), vote.option_id.is_not(None))
            .group_by(vote.option_id)):
        kind = kinds.get(option_id)
        if kind is None:
            continue  # a deleted option
        counted[option_id] += float(values or 0) if kind in _VALUE_COUNTS else rows
    option = BallotOption.__table__.c
    for option_id, count in session.execute(
            select(paper.option_id, func.sum(paper.count))
            .join(BallotOption.__table__, option.id == paper.option_id)
            .where(option.ballot_id.in_(project_ballots), paper.deleted.is_(False))
            .group_by(paper.option_id)):
        if kinds.get(option_id) in _VALUE_COUNTS:
            counted[option_id] += float(count or 0)
    return dict(counted)


# --------------------------------------------------------------------------- priorities


@dataclass(frozen=True)
class PriorityProposal:
    """The priority a ballot's result gives a measure: the best rank among the options
    that stand for it."""

    measure_id: uuid.UUID
    measure_title: str
    current: int | None
    rank: int
    option_id: uuid.UUID
    option_label: str
    # How the option stands for the measure: "cluster" or "idea" (the option names a
    # cluster or idea the measure came from), "member" (it names an idea in a cluster the
    # measure came from), "title" (its label is the measure's title).
    matched_by: str


@dataclass(frozen=True)
class BallotPriorities:
    ballot_id: uuid.UUID
    ballot_title: str
    kind: str
    # False for a 2x2 matrix, which has no order of options.
    ranked: bool
    # Whether anyone voted (phone or paper).
    has_votes: bool
    proposals: tuple[PriorityProposal, ...]


# Preference of the ways an option can stand for a measure: the measure's own sources
# first; the title only when nothing else links them.
_MATCH_ORDER = ("cluster", "idea", "member", "title")


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def ballot_priorities(session: Session, ballot_id: uuid.UUID,
                      read_results: ResultsReader) -> BallotPriorities | None:
    """What taking priorities from the ballot's result would set; None if it is gone.
    ``read_results``: :func:`myk10_workshop.voting.queries.results`.

    Ballot options carry no link to measures; they name an idea or a cluster of the board.
    An option stands for a measure of the ballot's project when it names a cluster or idea
    the measure came from (``measure_source``), or an idea inside such a cluster, or, as a
    last resort for options typed by hand, when its label equals the measure's title
    (ignoring case and spacing). Each measure takes the best rank of its options of the most
    direct kind of link.
    """
    ballot, workshop = Ballot.__table__.c, Workshop.__table__.c
    found = session.execute(
        select(ballot.title, workshop.project_id)
        .join(Workshop.__table__, workshop.id == ballot.workshop_id)
        .where(ballot.id == ballot_id, ballot.deleted.is_(False))).first()
    results = read_results(session, ballot_id) if found is not None else None
    if found is None or results is None:
        return None
    title, project_id = found
    measure, source = Measure.__table__.c, MeasureSource.__table__.c
    measures = {row_id: (measure_title, priority) for row_id, measure_title, priority
                in session.execute(select(measure.id, measure.title, measure.priority)
                                   .where(measure.project_id == project_id,
                                          measure.deleted.is_(False)))}
    by_cluster: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    by_idea: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for measure_id, idea_id, cluster_id in session.execute(
            select(source.measure_id, source.idea_id, source.cluster_id)
            .join(Measure.__table__, measure.id == source.measure_id)
            .where(measure.project_id == project_id, measure.deleted.is_(False),
                   source.deleted.is_(False))):
        if cluster_id is not None:
            by_cluster[cluster_id].add(measure_id)
        if idea_id is not None:
            by_idea[idea_id].add(measure_id)
    idea = Idea.__table__.c
    voted_ideas = [o.idea_id for o in results.options if o.idea_id is not None]
    cluster_of: dict[uuid.UUID, uuid.UUID] = {idea_id: cluster_id for idea_id, cluster_id in (
        session.execute(select(idea.id, idea.cluster_id)
                        .where(idea.id.in_(voted_ideas), idea.cluster_id.is_not(None)))
        if voted_ideas else ())}
    by_title: dict[str, set[uuid.UUID]] = defaultdict(set)
    for measure_id, (measure_title, _) in measures.items():
        by_title[_normalised(measure_title)].add(measure_id)

    # measure -> match kind -> (rank, option order, option)
    best: dict[uuid.UUID, dict[str, tuple[int, int, uuid.UUID, str]]] = defaultdict(dict)
    for order, option in enumerate(results.options):
        if option.rank is None:
            continue
        home = cluster_of.get(option.idea_id) if option.idea_id is not None else None
        matches: list[tuple[str, set[uuid.UUID]]] = [
            ("cluster", by_cluster.get(option.cluster_id, set()) if option.cluster_id else set()),
            ("idea", by_idea.get(option.idea_id, set()) if option.idea_id else set()),
            ("member", by_cluster.get(home, set()) if home is not None else set()),
            ("title", by_title.get(_normalised(option.label), set())),
        ]
        for how, measure_ids in matches:
            for measure_id in measure_ids:
                candidate = (option.rank, order, option.option_id, option.label)
                held = best[measure_id].get(how)
                if held is None or candidate[:2] < held[:2]:
                    best[measure_id][how] = candidate
    proposals = []
    for measure_id, ways in best.items():
        how = next(kind for kind in _MATCH_ORDER if kind in ways)
        rank, _, option_id, label = ways[how]
        measure_title, current = measures[measure_id]
        proposals.append(PriorityProposal(measure_id, measure_title, current, rank,
                                          option_id, label, how))
    proposals.sort(key=lambda p: (p.rank, collation_key(p.measure_title), p.measure_id))
    ranked = results.kind != BallotKind.MATRIX.value
    has_votes = results.participants > 0 or results.paper_total > 0
    return BallotPriorities(ballot_id, title, results.kind, ranked, has_votes,
                            tuple(proposals))

