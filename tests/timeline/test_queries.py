"""Read models of the timeline and the digital agenda: what they show, what they leave out,
and how fast a big plan is read."""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import BulkCreate, Create, Delete
from myk10_workshop.timeline import operations as ops
from myk10_workshop.timeline.queries import (
    NO_FIELD_COLOUR,
    AgendaRow,
    Timeline,
    live_links,
    load_agenda,
    load_timeline,
)
from myk10_workshop.timeline.rules import ItemRef, WarningKind
from myk10_workshop.voting import operations as voting
from tests.timeline.test_operations import Plan, created, plan, timeline
from tests.timeline.test_trace import Site, build_site, voter

__all__ = ["plan"]  # the fixture, shared with test_operations

D = dt.date
T = TypeVar("T")


# --------------------------------------------------------------------------- the timeline


def test_a_missing_or_deleted_project_has_no_timeline(store: Store, plan: Plan) -> None:
    assert store.read(lambda s: load_timeline(s, uuid.uuid4())) is None
    store.apply(Delete("project", plan.project))
    assert store.read(lambda s: load_timeline(s, plan.project)) is None
    assert store.read(lambda s: load_agenda(s, plan.project)) == ()


def test_links_to_rows_that_are_gone_read_as_none(store: Store, plan: Plan) -> None:
    workshop = Create("workshop", {"project_id": plan.project, "title": "Auftakt"})
    store.apply(workshop)
    store.apply(ops.edit_milestone(plan.council, workshop_id=workshop.id,
                                   measure_id=plan.portal))
    found = timeline(store, plan).milestones[0]
    assert (found.phase_id, found.workshop_id, found.measure_id) == (
        plan.phase_a, workshop.id, plan.portal)
    for kind, entity_id in (("phase", plan.phase_a), ("workshop", workshop.id),
                            ("measure", plan.portal)):
        store.apply(Delete(kind, entity_id))
    found = timeline(store, plan).milestones[0]
    assert (found.phase_id, found.workshop_id, found.measure_id) == (None, None, None)


def test_measures_carry_their_field_of_action(store: Store, plan: Plan) -> None:
    field = Create("field_of_action", {"project_id": plan.project, "name": "Mobilität",
                                       "colour": "#54a24b"})
    store.apply(field)
    store.apply(ops.edit_measure(plan.data, field_of_action_id=field.id))
    found = {m.id: m for m in timeline(store, plan).measures}
    assert (found[plan.data].field_name, found[plan.data].field_colour) == (
        "Mobilität", "#54a24b")
    assert (found[plan.portal].field_of_action_id, found[plan.portal].field_colour) == (
        None, NO_FIELD_COLOUR)
    assert [f.name for f in timeline(store, plan).fields] == ["Mobilität"]
    store.apply(Delete("field_of_action", field.id))
    assert {m.id: m for m in timeline(store, plan).measures}[plan.data].field_name == ""


def test_a_dependency_drawn_on_two_laptops_is_read_once(store: Store, plan: Plan) -> None:
    values = ops.dependency_values(plan.project, plan.ref("council"), plan.ref("portal"))
    first, second = Create("dependency", values), Create("dependency", values)
    store.apply(first)
    store.apply(second)  # as a merge leaves it: the generic create does not look
    found = timeline(store, plan).dependencies
    assert [(d.id, d.link) for d in found] == [
        (min(first.id, second.id), (plan.ref("council"), plan.ref("portal")))]
    links = store.read(lambda s: live_links(s, plan.project))
    assert sorted(links[(plan.ref("council"), plan.ref("portal"))]) == sorted(
        [first.id, second.id])


def test_the_snapshot_gives_the_plan_s_warnings(store: Store, plan: Plan) -> None:
    # Merged from two laptops: each refused the circle, the union has it.
    for predecessor, successor in (("portal", "data"), ("data", "portal")):
        store.apply(Create("dependency", ops.dependency_values(
            plan.project, plan.ref(predecessor), plan.ref(successor))))
    store.apply(ops.create_milestone(plan.project, "Nachlese", D(2040, 1, 1)))
    store.apply(ops.create_milestone(plan.project, "Sommerpause", D(2022, 7, 1),
                                     phase_id=plan.phase_b))
    store.apply(ops.delete_phase(plan.phase_a))

    warnings = timeline(store, plan).warnings()

    by_kind: dict[WarningKind, list[tuple[ItemRef, ...]]] = {}
    for warning in warnings:
        by_kind.setdefault(warning.kind, []).append(warning.items)
        assert isinstance(warning.message, Message)
    titles = {m.ref: m.title for m in timeline(store, plan).milestones}
    outside = sorted(titles[items[0]] for items in by_kind[WarningKind.OUTSIDE_PHASES])
    assert outside == ["Kreistag", "Nachlese", "Sommerpause"]
    assert [titles[items[0]] for items in by_kind[WarningKind.FAR_FROM_PROJECT]] == [
        "Nachlese"]
    assert sorted(by_kind[WarningKind.STARTS_BEFORE_PREDECESSOR_ENDS]) == sorted([
        (plan.ref("data"), plan.ref("portal")), (plan.ref("portal"), plan.ref("data"))])
    assert [set(items) for items in by_kind[WarningKind.CYCLE]] == [
        {plan.ref("portal"), plan.ref("data")}]


def test_a_plan_read_twice_is_equal(store: Store, plan: Plan) -> None:
    store.apply(ops.add_dependency(plan.project, plan.ref("council"), plan.ref("data")))
    store.apply(ops.take_baseline(plan.project, "Auftakt"))
    first, second = timeline(store, plan), timeline(store, plan)
    assert first == second
    assert isinstance(first, Timeline)
    assert first.plan_items()[0].ref == plan.ref("council")


# --------------------------------------------------------------------------- the agenda


def agenda(store: Store, site: Site) -> dict[str, AgendaRow]:
    return {row.title: row for row in store.read(lambda s: load_agenda(s, site.project))}


def test_the_agenda_counts_the_ideas_and_votes_behind_each_measure(store: Store) -> None:
    site = build_site(store)
    rows = store.read(lambda s: load_agenda(s, site.project))
    # Measures of a field first (in the fields' order), then by priority, then by title.
    assert [(r.title, r.field_name, r.ideas, r.votes) for r in rows] == [
        # 3 notes of its cluster; 3 phone dots and 4 on paper for the cluster, 2 ratings of
        # a note in it.
        ("Mobilitätsplattform", "Mobilität", 3, 9),
        # Its one note, rated once; the dots on the cluster around the note do not count.
        ("Bürgerportal", "", 1, 1),
        # The loose note and the 2 of its cluster; 2 dots on the cluster, 1 rating.
        ("Regionale Datenplattform", "", 0, 0),
        ("WLAN an Schulen", "", 3, 3),
    ]
    store.apply(ops.set_priority(site.wifi, 1))
    assert [r.title for r in store.read(lambda s: load_agenda(s, site.project))] == [
        "Mobilitätsplattform", "WLAN an Schulen", "Bürgerportal", "Regionale Datenplattform"]


def test_withdrawn_votes_deleted_ballots_and_notes_no_longer_count(store: Store) -> None:
    site = build_site(store)
    # Phone 0 withdraws its dots (Mobilität and Verwaltung).
    store.apply(voting.CastVote(site.dots, voter(0), "withdrawn", {}))
    assert agenda(store, site)["Mobilitätsplattform"].votes == 8
    assert agenda(store, site)["WLAN an Schulen"].votes == 2
    store.apply(voting.delete_ballot(site.rating))
    assert agenda(store, site)["Mobilitätsplattform"].votes == 6
    assert agenda(store, site)["Bürgerportal"].votes == 0
    store.apply(Delete("idea", site.ideas["Carsharing"]))
    assert agenda(store, site)["Mobilitätsplattform"].ideas == 2
    # A measure whose cluster was dissolved keeps nothing behind it on the board.
    store.apply(voting.delete_option(site.dot_options["Mobilität"]))
    assert (agenda(store, site)["Mobilitätsplattform"].ideas,
            agenda(store, site)["Mobilitätsplattform"].votes) == (2, 0)


def test_rows_of_the_agenda_carry_the_measure_s_fields(store: Store) -> None:
    site = build_site(store)
    store.apply(ops.edit_measure(site.platform, owner="Amt 61", status="planned",
                                 starts_on=D(2023, 1, 1), ends_on=D(2024, 12, 31)))
    found = agenda(store, site)["Mobilitätsplattform"]
    assert (found.measure_id, found.field_of_action_id, found.owner, found.status,
            found.priority, found.starts_on, found.ends_on) == (
        site.platform, site.field, "Amt 61", "planned", None, D(2023, 1, 1), D(2024, 12, 31))


# --------------------------------------------------------------------------- speed


def big_plan(store: Store, milestones: int = 500, measures: int = 300,
             dependencies: int = 400) -> uuid.UUID:
    """A project of the size the issue names, written in one bulk insert."""
    chance = random.Random(6)
    project = uuid.uuid4()
    rows: list[tuple[str, uuid.UUID, dict[str, Any]]] = [
        ("project", project, {"name": "Groß", "starts_on": D(2022, 1, 1),
                              "ends_on": D(2027, 12, 31)})]
    fields = [uuid.uuid4() for _ in range(10)]
    rows += [("field_of_action", f, {"project_id": project, "name": f"Feld {n}"})
             for n, f in enumerate(fields)]
    phases = [uuid.uuid4(), uuid.uuid4()]
    rows += [("phase", phases[0], {"project_id": project, "name": "A",
                                   "starts_on": D(2022, 1, 1), "ends_on": D(2022, 12, 31)}),
             ("phase", phases[1], {"project_id": project, "name": "B",
                                   "starts_on": D(2023, 1, 1), "ends_on": D(2027, 12, 31)})]
    items: list[ItemRef] = []
    for n in range(measures):
        measure_id = uuid.uuid4()
        start = D(2022, 1, 1) + dt.timedelta(days=chance.randrange(0, 1800))
        rows.append(("measure", measure_id, {
            "project_id": project, "title": f"Maßnahme {n}", "field_of_action_id": fields[n % 10],
            "starts_on": start, "ends_on": start + dt.timedelta(days=chance.randrange(30, 400)),
            "priority": chance.randrange(1, 10)}))
        items.append(ItemRef("measure", measure_id))
    for n in range(milestones):
        milestone_id = uuid.uuid4()
        rows.append(("milestone", milestone_id, {
            "project_id": project, "title": f"Meilenstein {n}", "phase_id": phases[n % 2],
            "due_on": D(2022, 1, 1) + dt.timedelta(days=chance.randrange(0, 2190))}))
        items.append(ItemRef("milestone", milestone_id))
    chance.shuffle(items)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < dependencies:
        first, second = sorted(chance.sample(range(len(items)), 2))
        pairs.add((first, second))  # always forwards: no circles
    rows += [("dependency", uuid.uuid4(),
              ops.dependency_values(project, items[first], items[second]))
             for first, second in sorted(pairs)]
    rows.sort(key=lambda r: ["project", "field_of_action", "phase", "measure", "milestone",
                             "dependency"].index(r[0]))
    store.apply(BulkCreate(tuple(rows), Message("Test", "Big plan")))
    store.apply(ops.take_baseline(project, "Auftakt"))
    return project


def fastest(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    assert result is not None
    return best, result


def test_a_big_plan_is_read_fast(store: Store) -> None:
    project = big_plan(store)

    def read() -> tuple[Timeline, tuple[Any, ...], tuple[AgendaRow, ...]]:
        found = store.read(lambda s: load_timeline(s, project))
        assert found is not None
        return found, found.warnings(), store.read(lambda s: load_agenda(s, project))

    seconds, (found, _warnings, rows) = fastest(3, read)

    assert (len(found.milestones), len(found.measures), len(found.dependencies)) == (
        500, 300, 400)
    assert found.baseline is not None and len(found.baseline.dates) == 800
    assert len(rows) == 300
    assert seconds < 0.3, f"reading the timeline and agenda took {seconds:.3f} s"


def test_a_new_dependency_in_a_big_plan_is_checked_fast(store: Store) -> None:
    project = big_plan(store)
    found = store.read(lambda s: load_timeline(s, project))
    assert found is not None
    last, first = found.milestones[-1].ref, found.milestones[0].ref

    def add() -> float:
        started = time.perf_counter()
        result = store.apply(ops.add_dependency(project, last, first))
        elapsed = time.perf_counter() - started
        store.apply(result.inverse)
        return elapsed

    seconds = min(add() for _ in range(3))
    assert seconds < 0.2, f"adding a dependency took {seconds:.3f} s"


def test_created_helper_returns_the_new_id(store: Store) -> None:
    project = created(store, ops.PlanCreate("project", {"name": "P"}))
    assert store.read(lambda s: load_timeline(s, project)) is not None


def test_the_agenda_of_the_demo_agrees_with_the_board_s_dot_counts(store: Store) -> None:
    from sqlalchemy import select

    from myk10_workshop.board.queries import vote_totals
    from myk10_workshop.demo import demo_operation
    from myk10_workshop.store.schema import Board, Idea, MeasureSource, Project

    store.apply(demo_operation())

    def facts(session: Any) -> tuple[uuid.UUID, dict[uuid.UUID, int], dict[uuid.UUID, int],
                                     dict[uuid.UUID, set[uuid.UUID]]]:
        project = session.scalars(select(Project.id)).one()
        dots: dict[uuid.UUID, int] = {}
        for board_id in session.scalars(select(Board.id)):
            dots.update(vote_totals(session, board_id))
        members: dict[uuid.UUID, int] = {}
        for cluster_id in session.scalars(select(Idea.cluster_id)):
            if cluster_id is not None:
                members[cluster_id] = members.get(cluster_id, 0) + 1
        sources: dict[uuid.UUID, set[uuid.UUID]] = {}
        for measure_id, cluster_id in session.execute(select(MeasureSource.measure_id,
                                                             MeasureSource.cluster_id)):
            sources.setdefault(measure_id, set()).add(cluster_id)
        return project, dots, members, sources

    project, dots, members, sources = store.read(facts)
    rows = store.read(lambda s: load_agenda(s, project))
    assert len(rows) == len(sources) > 5
    assert any(len(clusters) > 1 for clusters in sources.values())
    for found in rows:
        clusters = sources[found.measure_id]
        assert (found.ideas, found.votes) == (
            sum(members[c] for c in clusters), sum(dots.get(c, 0) for c in clusters)), found.title
    assert sum(found.votes for found in rows) > 0
