"""Reading an agenda: order, what is left out, the materials checklist, timing input."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from myk10_workshop.agenda import operations as ops
from myk10_workshop.agenda.queries import (
    AgendaView,
    BlockView,
    DayView,
    MaterialView,
    agenda_schedule,
    load_agenda,
    materials_checklist,
    to_day_plans,
)
from myk10_workshop.agenda.timing import BlockState
from myk10_workshop.demo import demo_operation
from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Batch, Create, Tombstone
from myk10_workshop.store.schema import Workshop

LABEL = Message("Test", "Test step")


@pytest.fixture
def workshop(store: Store) -> uuid.UUID:
    project = Create("project", {"name": "Smarte Region MYK10"})
    created = Create("workshop", {"project_id": project.id, "title": "Strategie-Workshop",
                                  "starts_on": dt.date(2022, 1, 20)})
    store.apply(Batch((project, created), LABEL))
    return created.id


def read(store: Store, workshop_id: uuid.UUID) -> AgendaView:
    found = store.read(lambda s: load_agenda(s, workshop_id))
    assert found is not None
    return found


def test_a_missing_or_deleted_workshop_has_no_agenda(store: Store, workshop: uuid.UUID) -> None:
    assert store.read(lambda s: load_agenda(s, uuid.uuid4())) is None
    assert read(store, workshop).days == ()
    store.apply(Tombstone((("workshop", workshop),)))
    assert store.read(lambda s: load_agenda(s, workshop)) is None


def test_days_blocks_and_tracks_come_in_order(store: Store, workshop: uuid.UUID) -> None:
    second = ops.add_day(workshop, day=dt.date(2022, 1, 21))
    store.apply(second)
    first = ops.add_day(workshop, day=dt.date(2022, 1, 20), before=second.id)
    store.apply(first)
    late = ops.add_block(first.id, "Abschluss")
    store.apply(late)
    store.apply(ops.add_block(first.id, "Begrüßung", before=late.id))
    store.apply(ops.add_block(second.id, "Check-in"))
    store.apply(ops.split_block(late.id, [ops.TrackSpec("AG B", "2"), ops.TrackSpec("AG A", "1")]))
    store.apply(ops.set_materials(late.id, [ops.MaterialSpec("Zettel", 1),
                                            ops.MaterialSpec("Ämterliste", 2)]))
    agenda = read(store, workshop)
    assert agenda.title == "Strategie-Workshop"
    assert agenda.starts_on == dt.date(2022, 1, 20)
    assert [d.day for d in agenda.days] == [dt.date(2022, 1, 20), dt.date(2022, 1, 21)]
    assert [[b.title for b in d.blocks] for d in agenda.days] == [
        ["Begrüßung", "Abschluss"], ["Check-in"]]
    closing = agenda.days[0].blocks[1]
    assert closing.is_split
    assert not agenda.days[0].blocks[0].is_split
    assert [t.title for t in closing.tracks] == ["AG B", "AG A"]  # as split, not by name
    assert [m.name for m in closing.materials] == ["Ämterliste", "Zettel"]
    assert agenda.block(late.id) == closing
    assert agenda.block(uuid.uuid4()) is None
    assert agenda.titles()[closing.tracks[0].id] == "AG B"


def test_deleted_rows_and_other_workshops_are_left_out(store: Store, workshop: uuid.UUID) -> None:
    day = ops.add_day(workshop)
    gone_day = ops.add_day(workshop)
    other_project = Create("project", {"name": "Anderes"})
    other = Create("workshop", {"project_id": other_project.id, "title": "Anderer"})
    store.apply(Batch((day, gone_day, other_project, other), LABEL))
    other_day = ops.add_day(other.id)
    store.apply(other_day)
    kept, gone = ops.add_block(day.id, "Bleibt"), ops.add_block(day.id, "Weg")
    orphan = ops.add_block(gone_day.id, "Im gelöschten Tag")
    store.apply(Batch((kept, gone, orphan, ops.add_block(other_day.id, "Fremd")), LABEL))
    store.apply(ops.split_block(kept.id, [ops.TrackSpec("1", "R1"), ops.TrackSpec("2", "R2")]))
    store.apply(ops.set_materials(kept.id, [ops.MaterialSpec("Marker"),
                                            ops.MaterialSpec("Stifte")]))
    first_track = read(store, workshop).days[0].blocks[0].tracks[0]
    marker = read(store, workshop).days[0].blocks[0].materials[0]
    store.apply(Batch((ops.delete_block(gone.id), ops.delete_track(first_track.id),
                       Tombstone((("agenda_material", marker.id),))), LABEL))
    # Only the day row is tombstoned: its blocks must still disappear with it.
    store.apply(Tombstone((("agenda_day", gone_day.id),)))
    agenda = read(store, workshop)
    assert [d.id for d in agenda.days] == [day.id]
    (block,) = agenda.days[0].blocks
    assert block.title == "Bleibt"
    assert [t.title for t in block.tracks] == ["2"]
    assert [m.name for m in block.materials] == ["Stifte"]


def _block(name: str, *materials: tuple[str, int]) -> BlockView:
    return BlockView(uuid.uuid4(), uuid.uuid4(), "a0", name, 30, "", "", "", "", "", "", False,
                     None, None, None, None, None, (),
                     tuple(MaterialView(uuid.uuid4(), n, q) for n, q in materials))


def test_the_materials_checklist_sums_a_material_over_the_workshop() -> None:
    a = _block("A", ("Marker", 10), ("Pinnwände", 2))
    b = _block("B", ("marker ", 5), ("Ämterliste", 1), ("Zettel", 3))
    c = _block("C", ("MARKER", 1), ("Pinn  wände", 1))
    day = DayView(uuid.uuid4(), uuid.uuid4(), None, dt.time(9), "a0", (a, b))
    other = DayView(uuid.uuid4(), uuid.uuid4(), None, dt.time(9), "a1", (c,))
    agenda = AgendaView(uuid.uuid4(), "W", None, None, (day, other))
    checklist = materials_checklist(agenda)
    assert [(n.name, n.quantity) for n in checklist] == [
        ("Ämterliste", 1), ("Marker", 16), ("Pinn wände", 1), ("Pinnwände", 2), ("Zettel", 3)]
    assert checklist[1].block_ids == (a.id, b.id, c.id)
    assert materials_checklist(AgendaView(uuid.uuid4(), "W", None, None, ())) == ()


def test_timing_input_puts_stored_utc_times_on_the_local_clock() -> None:
    started = dt.datetime(2022, 1, 20, 8, 5)  # stored: UTC
    block = BlockView(uuid.uuid4(), uuid.uuid4(), "a0", "A", 45, "Plenum", "", "", "", "", "",
                      False, dt.time(9, 0), None, None, started, None, extra_min=5)
    day = DayView(block.day_id, uuid.uuid4(), dt.date(2022, 1, 20), dt.time(9), "a0", (block,))
    berlin_winter = dt.timezone(dt.timedelta(hours=1))
    (plan,) = to_day_plans([day], berlin_winter)
    (timed,) = plan.blocks
    assert (plan.id, plan.starts_at, plan.date) == (day.id, dt.time(9), dt.date(2022, 1, 20))
    assert (timed.id, timed.duration_min, timed.pinned_at, timed.category) == (
        block.id, 45, dt.time(9, 0), "Plenum")
    assert timed.actual_start == dt.datetime(2022, 1, 20, 9, 5)
    assert timed.actual_end is None
    assert timed.extra_min == 5


def test_the_demo_agenda_times_without_warnings(store: Store) -> None:
    store.apply(demo_operation())
    workshop_id = store.read(lambda s: s.scalar(select(Workshop.id)))
    assert workshop_id is not None
    agenda = read(store, workshop_id)
    plan = agenda_schedule(agenda)
    assert plan.warnings == ()
    first = plan.days[0]
    lunch = next(b for b in agenda.days[0].blocks if b.pinned_at is not None)
    assert plan.slot(lunch.id).start_time == dt.time(12, 30)
    groups = next(b for b in agenda.blocks if len(b.tracks) == 10)
    assert {plan.slot(t.id) for t in groups.tracks} == {plan.slot(groups.id)}
    assert first.total_min == sum(b.duration_min for b in agenda.days[0].blocks)
    assert {s.state for s in first.slots} == {BlockState.PLANNED}
    assert len(materials_checklist(agenda)) > 5


def test_the_demo_day_rehearsed_today_is_timed_today_and_stays_sane(store: Store) -> None:
    """The reviewer's rehearsal: the demo day (20.01.2022) started and moved on three times
    today. Planning and exports time it from the run, without absurd offsets."""
    store.apply(demo_operation())
    workshop_id = store.read(lambda s: s.scalar(select(Workshop.id)))
    assert workshop_id is not None
    blocks = read(store, workshop_id).days[0].blocks
    zone = dt.timezone(dt.timedelta(hours=1))
    run = dt.datetime(2026, 3, 2, 8, 59, tzinfo=zone)
    store.apply(ops.start_block(blocks[0].id, run))
    for index in range(3):
        store.apply(ops.next_block(blocks[index].id, blocks[index + 1].id,
                                   run + dt.timedelta(seconds=20 * (index + 1))))
    agenda = read(store, workshop_id)
    day = agenda_schedule(agenda, zone=zone).days[0]
    assert day.live and day.rehearsed and day.run_date == dt.date(2026, 3, 2)
    assert f"{day.slots[0].start_time:%H:%M}" == "08:59"
    assert all(0 <= slot.start < 24 * 60 and slot.end < 24 * 60 for slot in day.slots)
    assert all(abs(warning.minutes) < 24 * 60 for warning in day.warnings)
    assert day.planned_end == 17 * 60
