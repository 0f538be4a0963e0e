"""Timeline operations on a real store: phases, milestones, measures, dragging, dependencies,
baselines and the as-of date; refusals that write nothing; undo of every step."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from myk10_workshop.store.database import Store, StoreWriter
from myk10_workshop.store.entities import RULES, rule
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.operations import NoOp, Operation, OpResult
from myk10_workshop.store.schema import ChangeLogEntry
from myk10_workshop.store.undo import UndoEntry, submit_step
from myk10_workshop.timeline import operations as ops
from myk10_workshop.timeline.queries import Timeline, list_baselines, load_timeline
from myk10_workshop.timeline.rules import CycleError, ItemRef

Snapshot = dict[tuple[str, uuid.UUID], dict[str, Any]]
D = dt.date


@dataclass(frozen=True)
class Plan:
    project: uuid.UUID
    phase_a: uuid.UUID
    phase_b: uuid.UUID
    council: uuid.UUID  # milestone "Kreistag"
    kickoff: uuid.UUID  # milestone "Auftakt Phase B"
    portal: uuid.UUID  # measure "Bürgerportal"
    data: uuid.UUID  # measure "Datenplattform"
    undated: uuid.UUID  # measure "Offene Idee"

    def ref(self, name: str) -> ItemRef:
        kind = "milestone" if name in ("council", "kickoff") else "measure"
        return ItemRef(kind, getattr(self, name))


def created(store: Store, operation: ops.PlanCreate) -> uuid.UUID:
    store.apply(operation)
    return operation.id


@pytest.fixture
def plan(store: Store) -> Plan:
    project = created(store, ops.PlanCreate("project", {
        "name": "Smarte Region MYK10", "starts_on": D(2022, 1, 1), "ends_on": D(2027, 12, 31)}))
    phase_a = created(store, ops.create_phase(project, "Phase A: Strategie",
                                              starts_on=D(2022, 1, 1), ends_on=D(2022, 12, 31)))
    phase_b = created(store, ops.create_phase(project, "Phase B: Umsetzung",
                                              starts_on=D(2023, 1, 1), ends_on=D(2027, 12, 31),
                                              colour="#fdae6b"))
    council = created(store, ops.create_milestone(project, "Kreistag", D(2022, 12, 12),
                                                  phase_id=phase_a, owner="Landrat"))
    kickoff = created(store, ops.create_milestone(project, "Auftakt Phase B", D(2023, 1, 16),
                                                  phase_id=phase_b))
    portal = created(store, ops.create_measure(project, "Bürgerportal", owner="Amt 10",
                                               starts_on=D(2023, 2, 1), ends_on=D(2024, 6, 30)))
    data = created(store, ops.create_measure(project, "Datenplattform",
                                             starts_on=D(2023, 4, 1), ends_on=D(2025, 3, 31)))
    undated = created(store, ops.create_measure(project, "Offene Idee"))
    return Plan(project, phase_a, phase_b, council, kickoff, portal, data, undated)


@pytest.fixture
def writer(store: Store) -> Iterator[StoreWriter]:
    running = StoreWriter(store)
    yield running
    running.close()


def timeline(store: Store, plan: Plan) -> Timeline:
    found = store.read(lambda s: load_timeline(s, plan.project))
    assert found is not None
    return found


def row(store: Store, kind: str, entity_id: uuid.UUID) -> dict[str, Any]:
    table = rule(kind).table
    found = store.read(lambda s: s.execute(
        select(table).where(table.c.id == entity_id)).mappings().first())
    assert found is not None
    return dict(found)


def snapshot(store: Store) -> Snapshot:
    """Every row of every kind, deleted ones too."""
    def query(session: Session) -> Snapshot:
        found: Snapshot = {}
        for kind, entity in RULES.items():
            for values in session.execute(select(entity.table)).mappings():
                found[(kind, values["id"])] = dict(values)
        return found
    return store.read(query)


def log_count(store: Store) -> int:
    return store.read(lambda s: s.scalar(select(func.count()).select_from(ChangeLogEntry))) or 0


def refused(store: Store, operation: Operation) -> ValidationError:
    """Apply an operation that must be refused; check it wrote nothing."""
    before, logged = snapshot(store), log_count(store)
    with pytest.raises(ValidationError) as caught:
        store.apply(operation)
    assert snapshot(store) == before
    assert log_count(store) == logged
    return caught.value


def undo_redo(store: Store, result: OpResult, before: Snapshot) -> OpResult:
    """Undo gives exactly the rows before; redo gives exactly the rows after (what it
    returns undoes the change again)."""
    after = snapshot(store)
    undone = store.apply(result.inverse)
    assert live(snapshot(store)) == live(before)
    redone = store.apply(undone.inverse)
    assert live(snapshot(store)) == live(after)
    return redone


def live(rows: Snapshot) -> Snapshot:
    return {key: values for key, values in rows.items() if not values["deleted"]}


# --------------------------------------------------------------------------- creating


def test_the_plan_is_stored_as_given(store: Store, plan: Plan) -> None:
    found = timeline(store, plan)
    assert [(p.name, p.starts_on, p.ends_on, p.colour) for p in found.phases] == [
        ("Phase A: Strategie", D(2022, 1, 1), D(2022, 12, 31), ops.PHASE_COLOUR),
        ("Phase B: Umsetzung", D(2023, 1, 1), D(2027, 12, 31), "#fdae6b")]
    assert [(m.title, m.due_on, m.status, m.phase_id) for m in found.milestones] == [
        ("Kreistag", D(2022, 12, 12), "planned", plan.phase_a),
        ("Auftakt Phase B", D(2023, 1, 16), "planned", plan.phase_b)]
    assert [(m.title, m.owner, m.status, m.starts_on, m.ends_on) for m in found.measures] == [
        ("Bürgerportal", "Amt 10", "proposed", D(2023, 2, 1), D(2024, 6, 30)),
        ("Datenplattform", "", "proposed", D(2023, 4, 1), D(2025, 3, 31)),
        ("Offene Idee", "", "proposed", None, None)]
    assert found.warnings() == ()


def test_edits_change_only_the_given_fields_with_undo(store: Store, plan: Plan) -> None:
    before = snapshot(store)
    result = store.apply(ops.edit_milestone(plan.council, status="done", owner="Kreistag MYK"))
    assert row(store, "milestone", plan.council)["status"] == "done"
    assert row(store, "milestone", plan.council)["due_on"] == D(2022, 12, 12)
    undo_redo(store, result, before)
    with pytest.raises(ValueError, match="not editable through edit_measure"):
        ops.edit_measure(plan.portal, project_id=uuid.uuid4())


@pytest.mark.parametrize("operation", [
    pytest.param(lambda p: ops.create_measure(p.project, "Rückwärts", starts_on=D(2024, 1, 2),
                                              ends_on=D(2024, 1, 1)), id="new measure"),
    pytest.param(lambda p: ops.create_phase(p.project, "Rückwärts", starts_on=D(2024, 1, 2),
                                            ends_on=D(2024, 1, 1)), id="new phase"),
    pytest.param(lambda p: ops.edit_measure(p.portal, ends_on=D(2023, 1, 31)),
                 id="end before the stored start"),
    pytest.param(lambda p: ops.edit_phase(p.phase_a, starts_on=D(2023, 1, 1)),
                 id="start after the stored end"),
    pytest.param(lambda p: ops.resize_bar("measure", p.portal, "end", D(2023, 1, 1)),
                 id="bar end dragged before its start"),
    pytest.param(lambda p: ops.resize_bar("phase", p.phase_b, "start", D(2028, 1, 1)),
                 id="bar start dragged after its end"),
])
def test_an_end_before_the_start_is_refused(store: Store, plan: Plan, operation: Any) -> None:
    error = refused(store, operation(plan))
    assert str(error) == "The end date must not be before the start date."
    assert error.field == "ends_on"


@pytest.mark.parametrize(("operation", "words"), [
    pytest.param(lambda p: ops.create_milestone(p.project, "Tippfehler", D(202, 12, 12)),
                 "Date: 0202-12-12 is outside the years a timeline can show (2000 to 2100).",
                 id="milestone in year 202"),
    pytest.param(lambda p: ops.create_measure(p.project, "Weit", starts_on=D(2023, 1, 1),
                                              ends_on=D(2301, 1, 1)),
                 "End date: 2301-01-01 is outside", id="measure ending in 2301"),
    pytest.param(lambda p: ops.edit_milestone(p.council, due_on=D(1999, 12, 31)),
                 "Date: 1999-12-31 is outside", id="milestone moved to 1999"),
    pytest.param(lambda p: ops.create_phase(p.project, "Alt", starts_on=D(1990, 1, 1)),
                 "Start date: 1990-01-01", id="phase in 1990"),
    pytest.param(lambda p: ops.resize_bar("measure", p.data, "end", D(2150, 1, 1)),
                 "End date: 2150-01-01", id="bar end dragged to 2150"),
    pytest.param(lambda p: ops.set_as_of(p.project, D(2200, 1, 1)),
                 "Reference date: 2200-01-01", id="as of 2200"),
    pytest.param(lambda p: ops.move_item("milestone", p.council, 365 * 80),
                 "Date: 2102-", id="milestone moved 80 years"),
    pytest.param(lambda p: ops.move_item("measure", p.portal, -(365 * 25)),
                 "Start date: 1998-", id="bar moved 25 years back"),
])
def test_dates_outside_the_timeline_years_are_refused(store: Store, plan: Plan,
                                                     operation: Any, words: str) -> None:
    assert words in str(refused(store, operation(plan)))


def test_bad_values_are_refused_by_the_entity_rules(store: Store, plan: Plan) -> None:
    assert "Status has an unknown value" in str(
        refused(store, ops.edit_milestone(plan.council, status="verschoben")))
    assert "Title must not be empty" in str(
        refused(store, ops.create_milestone(plan.project, "  ", D(2023, 1, 1))))
    assert "Priority must be at least 0" in str(refused(store, ops.set_priority(plan.portal, -1)))
    assert "Date is required" in str(refused(store, ops.PlanCreate("milestone", {
        "project_id": plan.project, "title": "Ohne Datum"})))


# --------------------------------------------------------------------------- dragging


def test_moving_a_bar_moves_start_and_end_with_undo(store: Store, plan: Plan) -> None:
    before = snapshot(store)
    result = store.apply(ops.move_item("measure", plan.portal, 45))
    moved = row(store, "measure", plan.portal)
    assert (moved["starts_on"], moved["ends_on"]) == (D(2023, 3, 18), D(2024, 8, 14))
    assert result.changes.updated["measure"][plan.portal] == {"starts_on", "ends_on"}
    undo_redo(store, result, before)


def test_moving_a_milestone_and_a_phase(store: Store, plan: Plan) -> None:
    store.apply(ops.move_item("milestone", plan.council, -12))
    assert row(store, "milestone", plan.council)["due_on"] == D(2022, 11, 30)
    store.apply(ops.move_item("phase", plan.phase_a, 7))
    moved = row(store, "phase", plan.phase_a)
    assert (moved["starts_on"], moved["ends_on"]) == (D(2022, 1, 8), D(2023, 1, 7))


def test_a_move_by_zero_days_or_of_an_undated_item_changes_nothing(store: Store,
                                                                   plan: Plan) -> None:
    logged = log_count(store)
    assert isinstance(store.apply(ops.move_item("measure", plan.undated, 30)).inverse, NoOp)
    assert isinstance(store.apply(ops.move_item("measure", plan.portal, 0)).inverse, NoOp)
    assert log_count(store) == logged


def test_a_half_dated_bar_moves_the_date_it_has(store: Store, plan: Plan) -> None:
    store.apply(ops.edit_measure(plan.undated, starts_on=D(2024, 1, 1)))
    store.apply(ops.move_item("measure", plan.undated, 1))
    moved = row(store, "measure", plan.undated)
    assert (moved["starts_on"], moved["ends_on"]) == (D(2024, 1, 2), None)


def test_move_refusals(store: Store, plan: Plan) -> None:
    store.apply(ops.delete_milestone(plan.kickoff))
    assert "no longer exists" in str(refused(store, ops.move_item("milestone", plan.kickoff, 1)))
    with pytest.raises(ValueError, match="cannot move a workshop"):
        store.apply(ops.move_item("workshop", uuid.uuid4(), 1))
    with pytest.raises(ValueError, match="days must be whole"):
        store.apply(ops.move_item("measure", plan.portal, 1.5))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="days must be whole"):
        store.apply(ops.move_item("measure", plan.portal, True))


def test_moving_several_items_is_one_step(store: Store, plan: Plan) -> None:
    before = snapshot(store)
    result = store.apply(ops.move_items([("milestone", plan.council), ("measure", plan.data)],
                                        -7))
    assert row(store, "milestone", plan.council)["due_on"] == D(2022, 12, 5)
    assert row(store, "measure", plan.data)["ends_on"] == D(2025, 3, 24)
    undo_redo(store, result, before)
    single = ops.move_items([("milestone", plan.council)], 1)
    assert isinstance(single, ops.MoveItem)


def test_a_drag_whose_target_went_out_of_range_refuses_the_whole_step(store: Store,
                                                                     plan: Plan) -> None:
    store.apply(ops.edit_milestone(plan.kickoff, due_on=D(2100, 12, 30)))
    error = refused(store, ops.move_items([("milestone", plan.council),
                                           ("milestone", plan.kickoff)], 2))
    assert "2101-01-01" in str(error)
    assert row(store, "milestone", plan.council)["due_on"] == D(2022, 12, 12)


def test_resizing_a_bar_changes_one_end_with_undo(store: Store, plan: Plan) -> None:
    before = snapshot(store)
    result = store.apply(ops.resize_bar("measure", plan.portal, "end", D(2024, 12, 31)))
    resized = row(store, "measure", plan.portal)
    assert (resized["starts_on"], resized["ends_on"]) == (D(2023, 2, 1), D(2024, 12, 31))
    undo_redo(store, result, before)
    store.apply(ops.resize_bar("phase", plan.phase_b, "start", D(2022, 12, 13)))
    assert row(store, "phase", plan.phase_b)["starts_on"] == D(2022, 12, 13)
    with pytest.raises(ValueError, match="not a bar"):
        ops.resize_bar("milestone", plan.council, "end", D(2023, 1, 1))
    with pytest.raises(ValueError, match="a bar has a start and an end"):
        ops.resize_bar("measure", plan.portal, "middle", D(2023, 1, 1))  # type: ignore[arg-type]


def test_dragging_a_milestone_undo_and_redo_through_the_writer(
        store: Store, plan: Plan, writer: StoreWriter) -> None:
    entry = UndoEntry(ops.move_item("milestone", plan.council, 14))
    # Do, undo, redo queued at once, as fast as a user can press the keys.
    futures = [submit_step(writer.submit, entry, step)
               for step in (entry.forward(), entry.backward(), entry.forward())]
    for future in futures:
        assert future.exception(timeout=10) is None
    assert entry.applied
    assert row(store, "milestone", plan.council)["due_on"] == D(2022, 12, 26)
    assert submit_step(writer.submit, entry, entry.backward()).exception(timeout=10) is None
    assert row(store, "milestone", plan.council)["due_on"] == D(2022, 12, 12)


# --------------------------------------------------------------------------- dependencies


def test_a_dependency_is_added_and_removed_with_undo(store: Store, plan: Plan) -> None:
    before = snapshot(store)
    operation = ops.add_dependency(plan.project, plan.ref("council"), plan.ref("portal"))
    result = store.apply(operation)
    stored = row(store, "dependency", operation.id)
    assert (stored["predecessor_milestone_id"], stored["predecessor_measure_id"],
            stored["successor_milestone_id"], stored["successor_measure_id"]) == (
        plan.council, None, None, plan.portal)
    assert [d.link for d in timeline(store, plan).dependencies] == [
        (plan.ref("council"), plan.ref("portal"))]
    undo_redo(store, result, before)

    after = snapshot(store)
    removed = store.apply(ops.remove_dependency(operation.id))
    assert timeline(store, plan).dependencies == ()
    undo_redo(store, removed, after)


def test_dependency_refusals_write_nothing(store: Store, plan: Plan) -> None:
    council, portal, data = plan.ref("council"), plan.ref("portal"), plan.ref("data")
    store.apply(ops.add_dependency(plan.project, council, portal))
    store.apply(ops.add_dependency(plan.project, portal, data))

    assert str(refused(store, ops.add_dependency(plan.project, portal, portal))) == (
        "An item cannot depend on itself.")
    assert str(refused(store, ops.add_dependency(plan.project, council, portal))) == (
        "This dependency exists already.")
    error = refused(store, ops.add_dependency(plan.project, data, council))
    assert isinstance(error, CycleError)
    assert error.cycle == (data, council, portal)
    assert "“Datenplattform” → “Kreistag” → “Bürgerportal” → “Datenplattform”" in str(error)

    other = created(store, ops.PlanCreate("project", {"name": "Anderes Projekt"}))
    stranger = created(store, ops.create_milestone(other, "Fremd", D(2023, 1, 1)))
    assert str(refused(store, ops.add_dependency(
        plan.project, council, ItemRef("milestone", stranger)))) == (
        "Both ends of a dependency must belong to the same project.")
    assert "no longer exists" in str(refused(store, ops.add_dependency(
        plan.project, council, ItemRef("measure", uuid.uuid4()))))
    with pytest.raises(ValueError, match="links milestones and measures"):
        store.apply(ops.add_dependency(plan.project, council, ItemRef("phase", plan.phase_a)))


def test_a_circle_through_a_deleted_item_is_no_circle(store: Store, plan: Plan) -> None:
    council, portal, data = plan.ref("council"), plan.ref("portal"), plan.ref("data")
    store.apply(ops.add_dependency(plan.project, council, portal))
    store.apply(ops.add_dependency(plan.project, portal, data))
    store.apply(ops.delete_measure(plan.portal))
    store.apply(ops.add_dependency(plan.project, data, council))
    assert [d.link for d in timeline(store, plan).dependencies] == [(data, council)]


def test_the_entity_rules_refuse_a_malformed_dependency_row(store: Store, plan: Plan) -> None:
    values = ops.dependency_values(plan.project, plan.ref("council"), plan.ref("portal"))
    both = {**values, "predecessor_measure_id": plan.data}
    assert "exactly one predecessor" in str(
        refused(store, ops.PlanCreate("dependency", both)))
    neither = {**values, "successor_measure_id": None}
    assert "exactly one successor" in str(refused(store, ops.PlanCreate("dependency", neither)))
    itself = ops.dependency_values(plan.project, plan.ref("portal"), plan.ref("portal"))
    assert str(refused(store, ops.PlanCreate("dependency", itself))) == (
        "An item cannot depend on itself.")


def test_deleting_an_item_takes_its_dependencies_along_and_undo_brings_them_back(
        store: Store, plan: Plan) -> None:
    council, portal, data = plan.ref("council"), plan.ref("portal"), plan.ref("data")
    first = ops.add_dependency(plan.project, council, portal)
    second = ops.add_dependency(plan.project, portal, data)
    third = ops.add_dependency(plan.project, council, data)
    for operation in (first, second, third):
        store.apply(operation)
    before = snapshot(store)

    result = store.apply(ops.delete_measure(plan.portal))

    assert row(store, "dependency", first.id)["deleted"]
    assert row(store, "dependency", second.id)["deleted"]
    assert not row(store, "dependency", third.id)["deleted"]
    assert result.changes.deleted["dependency"] == {first.id, second.id}
    assert [d.link for d in timeline(store, plan).dependencies] == [(council, data)]
    store.apply(undo_redo(store, result, before).inverse)

    result = store.apply(ops.delete_milestone(plan.council))
    assert result.changes.deleted["dependency"] == {first.id, third.id}
    assert [d.link for d in timeline(store, plan).dependencies] == [(portal, data)]


def test_deleting_a_phase_keeps_its_milestones(store: Store, plan: Plan) -> None:
    before = snapshot(store)
    result = store.apply(ops.delete_phase(plan.phase_a))
    found = timeline(store, plan)
    assert [m.phase_id for m in found.milestones] == [None, plan.phase_b]
    assert [w.kind.value for w in found.warnings()] == ["outside_phases"]
    store.apply(undo_redo(store, result, before).inverse)
    assert timeline(store, plan).milestones[0].phase_id == plan.phase_a


# --------------------------------------------------------------------------- baselines


def test_a_baseline_records_every_milestone_and_dated_measure(store: Store,
                                                              plan: Plan) -> None:
    before = snapshot(store)
    taken = dt.datetime(2022, 1, 20, 16, 0)
    operation = ops.take_baseline(plan.project, " Auftakt ", taken)
    result = store.apply(operation)

    store.apply(ops.move_item("measure", plan.portal, 30))
    store.apply(ops.edit_milestone(plan.council, due_on=D(2023, 1, 20)))
    baseline = timeline(store, plan).baseline
    assert baseline is not None
    assert (baseline.id, baseline.name, baseline.taken_at) == (operation.id, "Auftakt", taken)
    assert dict(baseline.dates) == {
        plan.ref("council"): (D(2022, 12, 12), D(2022, 12, 12)),
        plan.ref("kickoff"): (D(2023, 1, 16), D(2023, 1, 16)),
        plan.ref("portal"): (D(2023, 2, 1), D(2024, 6, 30)),
        plan.ref("data"): (D(2023, 4, 1), D(2025, 3, 31)),
    }
    assert len(result.changes.created["baseline_entry"]) == 4

    # Undo of the baseline (after the moves were undone too) leaves no trace of it.
    store.apply(ops.move_item("measure", plan.portal, -30))
    store.apply(ops.edit_milestone(plan.council, due_on=D(2022, 12, 12)))
    undo_redo(store, result, before)


def test_the_latest_baseline_is_the_one_drawn(store: Store, plan: Plan) -> None:
    store.apply(ops.take_baseline(plan.project, "Auftakt", dt.datetime(2022, 1, 20)))
    store.apply(ops.move_item("milestone", plan.council, 1))
    later = ops.take_baseline(plan.project, "Nach dem Kreistag", dt.datetime(2022, 12, 13))
    store.apply(later)
    baseline = timeline(store, plan).baseline
    assert baseline is not None and baseline.id == later.id
    assert baseline.dates[plan.ref("council")] == (D(2022, 12, 13), D(2022, 12, 13))
    assert [b.name for b in store.read(lambda s: list_baselines(s, plan.project))] == [
        "Nach dem Kreistag", "Auftakt"]
    # Deleting it (with its entries) brings the earlier one back.
    result = store.apply(ops.delete_baseline(later.id))
    assert len(result.changes.deleted["baseline_entry"]) == 4
    earlier = timeline(store, plan).baseline
    assert earlier is not None and earlier.name == "Auftakt"
    # A deleted item leaves the drawn baseline too.
    store.apply(ops.delete_milestone(plan.council))
    earlier = timeline(store, plan).baseline
    assert earlier is not None and plan.ref("council") not in earlier.dates


def test_a_baseline_needs_a_name_and_a_live_project(store: Store, plan: Plan) -> None:
    assert "Name must not be empty" in str(refused(store, ops.take_baseline(plan.project, " ")))
    assert "no longer exists" in str(refused(store, ops.take_baseline(uuid.uuid4(), "Auftakt")))


# --------------------------------------------------------------------------- as of


def test_the_as_of_date_is_set_and_cleared_with_undo(store: Store, plan: Plan) -> None:
    assert timeline(store, plan).today(D(2024, 5, 1)) == D(2024, 5, 1)
    before = snapshot(store)
    result = store.apply(ops.set_as_of(plan.project, D(2022, 12, 12)))
    found = timeline(store, plan)
    assert found.project.as_of == D(2022, 12, 12)
    assert found.today(D(2024, 5, 1)) == D(2022, 12, 12)
    undo_redo(store, result, before)
    store.apply(ops.set_as_of(plan.project, None))
    assert timeline(store, plan).project.as_of is None
