"""The facilitator's own templates on a real store: saving a block or a whole agenda,
using it in another workshop, renaming and deleting, undo and redo, and refusals."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from myk10_workshop.agenda import operations as ops
from myk10_workshop.agenda import templates
from myk10_workshop.agenda.queries import BlockView, DayView
from myk10_workshop.agenda.templates import TemplateView, list_templates
from myk10_workshop.store import migrate
from myk10_workshop.store.database import Store
from myk10_workshop.store.entities import MAX_TEMPLATE_CHARS, MAX_TEMPLATE_DAYS
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.operations import CREATED, Create, Delete, Update
from myk10_workshop.store.schema import ChangeLogEntry
from tests.agenda.test_operations import (
    Site,
    add_blocks,
    agenda,
    apply,
    log_count,
    refused,
    row,
    site,
    snapshot,
    undo_redo,
)

__all__ = ["site"]  # the fixture, shared with test_operations


def listed(store: Store) -> tuple[TemplateView, ...]:
    return store.read(list_templates)


def only_block(store: Store, day_id: uuid.UUID, workshop_id: uuid.UUID) -> BlockView:
    (day,) = [day for day in agenda(store, workshop_id).days if day.id == day_id]
    (block,) = day.blocks
    return block


def rich_block(store: Store, site: Site) -> uuid.UUID:
    """A block with everything a block can have: fields, a pin, a board and a ballot, three
    working groups (one with a board), materials, and live times."""
    block = ops.add_block(
        site.day_one, "World Café", duration_min=75, category="Arbeitsphase",
        method="World Café", goal="Ideen sammeln", responsible="Anna", room="Saal",
        notes="Drei Runden à 20 Minuten\nTischgastgeber bleiben sitzen",
        facilitator_only=True, pinned_at=dt.time(10, 30), board_id=site.board,
        ballot_id=site.ballot,
        materials=[ops.MaterialSpec("Papiertischdecken", 10), ops.MaterialSpec("Marker", 30)])
    store.apply(block)
    store.apply(ops.split_block(block.id, [
        ops.TrackSpec("Mobilität", room="Raum 1", facilitator="Ben", board_id=site.board),
        ops.TrackSpec("Bildung", room="Raum 2"),
        ops.TrackSpec("Verwaltung", facilitator="Cem")]))
    store.apply(ops.start_block(block.id, dt.datetime(2022, 1, 20, 9, 31)))
    store.apply(ops.end_block(block.id, dt.datetime(2022, 1, 20, 10, 40)))
    return block.id


def shape(block: BlockView) -> dict[str, Any]:
    """What a template carries of a block (and what it does not: ids, links, live times)."""
    return {
        "fields": (block.title, block.duration_min, block.category, block.method, block.goal,
                   block.responsible, block.room, block.notes, block.facilitator_only,
                   block.pinned_at),
        "links": (block.board_id, block.ballot_id, block.actual_start, block.actual_end),
        "tracks": [(t.title, t.room, t.facilitator, t.board_id) for t in block.tracks],
        "materials": sorted((m.name, m.quantity) for m in block.materials),
    }


def stored_payload(store: Store, template_id: uuid.UUID) -> Any:
    return row(store, "agenda_template", template_id)["payload"]


# --------------------------------------------------------------------------- blocks


def test_a_saved_block_is_recreated_with_its_groups_and_materials_in_another_workshop(
        store: Store, site: Site) -> None:
    block_id = rich_block(store, site)
    save = templates.save_block_template(block_id, "  World Café (75 min)  ")
    store.apply(save)

    (template,) = listed(store)
    assert (template.id, template.name, template.kind) == (
        save.id, "World Café (75 min)", "block")
    assert (template.days, template.blocks, template.duration_min) == (0, 1, 75)
    assert not template.is_agenda
    # Nothing of the workshop it came from: no ids, no board or ballot, no live times.
    text = json.dumps(stored_payload(store, save.id))
    for foreign in (block_id, site.board, site.ballot, site.day_one, site.workshop):
        assert str(foreign) not in text and foreign.hex not in text
    assert "2022" not in text

    insert = templates.insert_block_template(save.id, site.other_day)
    result, before = apply(store, insert)

    made = only_block(store, site.other_day, site.other_workshop)
    assert made.id == insert.id
    original = agenda(store, site.workshop).block(block_id)
    assert original is not None
    assert shape(made)["fields"] == shape(original)["fields"]
    assert shape(made) == {
        "fields": ("World Café", 75, "Arbeitsphase", "World Café", "Ideen sammeln", "Anna",
                   "Saal", "Drei Runden à 20 Minuten\nTischgastgeber bleiben sitzen", True,
                   dt.time(10, 30)),
        "links": (None, None, None, None),
        "tracks": [("Mobilität", "Raum 1", "Ben", None), ("Bildung", "Raum 2", "", None),
                   ("Verwaltung", "", "Cem", None)],
        "materials": [("Marker", 30), ("Papiertischdecken", 10)],
    }
    assert result.changes.created.keys() == {"agenda_item", "agenda_track", "agenda_material"}
    undo_redo(store, result, before)


def test_a_block_template_goes_between_its_neighbours(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Mittagspause")
    save = templates.save_block_template(block_id, "Pause")
    store.apply(save)
    first, last = add_blocks(store, site.other_day, "Begrüßung", "Abschluss")

    def titles() -> list[str]:
        (day,) = agenda(store, site.other_workshop).days
        return [block.title for block in day.blocks]

    store.apply(templates.insert_block_template(save.id, site.other_day, after=first))
    assert titles() == ["Begrüßung", "Mittagspause", "Abschluss"]
    store.apply(templates.insert_block_template(save.id, site.other_day, before=first))
    assert titles() == ["Mittagspause", "Begrüßung", "Mittagspause", "Abschluss"]
    store.apply(templates.insert_block_template(save.id, site.other_day))
    assert titles() == ["Mittagspause", "Begrüßung", "Mittagspause", "Abschluss",
                        "Mittagspause"]
    refused(store, templates.insert_block_template(save.id, site.other_day,
                                                   after=uuid.uuid4()),
            "no longer in this list")
    store.apply(ops.delete_block(last))
    refused(store, templates.insert_block_template(save.id, site.other_day, before=last),
            "no longer in this list")
    with pytest.raises(ValueError, match="not both"):
        templates.insert_block_template(save.id, site.other_day, after=first, before=last)


def test_saving_a_block_is_one_undo_step(store: Store, site: Site) -> None:
    block_id = rich_block(store, site)
    result, before = apply(store, templates.save_block_template(block_id, "World Café"))
    assert result.changes.created.keys() == {"agenda_template"}
    undo_redo(store, result, before)
    assert [t.name for t in listed(store)] == ["World Café"]
    store.apply(result.inverse)
    assert listed(store) == ()


def test_a_template_keeps_one_of_each_material(store: Store, site: Site) -> None:
    # Two laptops each added "Marker" to the block; the template lists it once, the first
    # row (by id) as the agenda's own operations keep it.
    (block_id,) = add_blocks(store, site.day_one, "Check-in")
    for number, name, quantity in ((2, "marker", 7), (1, "Marker", 5)):
        store.apply(Create("agenda_material", {"item_id": block_id, "name": name,
                                               "quantity": quantity}, uuid.UUID(int=number)))
    save = templates.save_block_template(block_id, "Check-in")
    store.apply(save)
    store.apply(templates.insert_block_template(save.id, site.other_day))
    made = only_block(store, site.other_day, site.other_workshop)
    assert [(m.name, m.quantity) for m in made.materials] == [("Marker", 5)]


# --------------------------------------------------------------------------- agendas


def test_an_agenda_template_round_trips_days_and_block_order(store: Store,
                                                             site: Site) -> None:
    add_blocks(store, site.day_one, "Begrüßung", "Vorstellungsrunde")
    rich = rich_block(store, site)
    add_blocks(store, site.day_one, "Mittagspause")
    add_blocks(store, site.day_two, "Rückblick", "Abschluss")
    store.apply(ops.move_block(rich, site.day_one, before=agenda(store, site.workshop)
                               .days[0].blocks[0].id))
    store.apply(ops.update_day(site.day_two, starts_at=dt.time(8, 30)))
    source = agenda(store, site.workshop)
    save = templates.save_agenda_template(site.workshop, "Zweitägiger Strategie-Workshop")
    result, before = apply(store, save)
    undo_redo(store, result, before)

    (template,) = listed(store)
    assert (template.kind, template.days, template.blocks) == ("agenda", 2, 6)
    assert template.duration_min == sum(b.duration_min for b in source.blocks)
    assert template.is_agenda

    # Into the other workshop: its one undated day stays, the template's days follow it.
    apply_it = templates.apply_agenda_template(save.id, site.other_workshop)
    result, before = apply(store, apply_it)
    days = agenda(store, site.other_workshop).days
    assert days[0].id == site.other_day
    assert days[1].id == apply_it.id

    def outline(found: tuple[DayView, ...]) -> list[Any]:
        return [(day.starts_at, [shape(block)["fields"] + (shape(block)["tracks"],
                                                            shape(block)["materials"])
                                 for block in day.blocks]) for day in found]

    def unlinked(found: tuple[DayView, ...]) -> list[Any]:
        return [(day.starts_at, [(*shape(b)["fields"],
                                  [(t[0], t[1], t[2], None) for t in shape(b)["tracks"]],
                                  shape(b)["materials"]) for b in day.blocks])
                for day in found]

    assert outline(days[1:]) == unlinked(source.days)
    assert [day.starts_at for day in days[1:]] == [dt.time(9, 0), dt.time(8, 30)]
    assert [b.title for b in days[1].blocks] == [
        "World Café", "Begrüßung", "Vorstellungsrunde", "Mittagspause"]
    # The other workshop's day has no date, so the new days have none either.
    assert [day.day for day in days] == [None, None, None]
    assert all(b.board_id is None and b.ballot_id is None and b.actual_start is None
               for b in agenda(store, site.other_workshop).blocks)
    undo_redo(store, result, before)


def test_the_days_of_an_agenda_template_continue_after_the_last_date(
        store: Store, site: Site) -> None:
    save = templates.save_agenda_template(site.workshop, "Zwei Tage")
    store.apply(save)

    # After the workshop's last dated day, however the days are ordered.
    store.apply(templates.apply_agenda_template(save.id, site.workshop))
    assert [day.day for day in agenda(store, site.workshop).days] == [
        dt.date(2022, 1, 20), dt.date(2022, 1, 21), dt.date(2022, 1, 22),
        dt.date(2022, 1, 23)]

    # A workshop without days starts them on its first day.
    project_id = row(store, "workshop", site.workshop)["project_id"]
    fresh = Create("workshop", {"project_id": project_id, "title": "Zukunftsdialog II",
                                "starts_on": dt.date(2023, 3, 9)})
    store.apply(fresh)
    store.apply(templates.apply_agenda_template(save.id, fresh.id))
    assert [day.day for day in agenda(store, fresh.id).days] == [
        dt.date(2023, 3, 9), dt.date(2023, 3, 10)]

    # Without any date to go by, the days have none.
    undated = Create("workshop", {"project_id": project_id, "title": "Ohne Datum"})
    store.apply(undated)
    store.apply(templates.apply_agenda_template(save.id, undated.id))
    assert [day.day for day in agenda(store, undated.id).days] == [None, None]


def test_saving_an_agenda_without_days_is_refused(store: Store, site: Site) -> None:
    project_id = row(store, "workshop", site.workshop)["project_id"]
    empty = Create("workshop", {"project_id": project_id, "title": "Leer"})
    store.apply(empty)
    refused(store, templates.save_agenda_template(empty.id, "Leer"), "no agenda yet")
    refused(store, templates.save_agenda_template(uuid.uuid4(), "Weg"), "no longer exists")


def test_templates_are_used_as_what_they_are(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Pause")
    block = templates.save_block_template(block_id, "Pause")
    whole = templates.save_agenda_template(site.workshop, "Alles")
    store.apply(block)
    store.apply(whole)
    refused(store, templates.insert_block_template(whole.id, site.other_day),
            "a whole agenda")
    refused(store, templates.apply_agenda_template(block.id, site.other_workshop),
            "a single block")
    refused(store, templates.insert_block_template(block.id, uuid.uuid4()), "no longer exists")
    refused(store, templates.apply_agenda_template(whole.id, uuid.uuid4()), "no longer exists")


# --------------------------------------------------------------------------- editing


def test_rename_and_delete_are_undoable_and_deleted_templates_are_not_listed(
        store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Pause")
    first = templates.save_block_template(block_id, "Pause")
    second = templates.save_agenda_template(site.workshop, "Ärztetag")
    store.apply(first)
    store.apply(second)
    assert [t.name for t in listed(store)] == ["Ärztetag", "Pause"]  # as German sorts

    result, before = apply(store, templates.rename_template(first.id, " Kaffeepause "))
    assert [t.name for t in listed(store)] == ["Ärztetag", "Kaffeepause"]
    assert result.inverse == Update("agenda_template", first.id, {"name": "Pause"})
    undo_redo(store, result, before)
    count = log_count(store)
    store.apply(templates.rename_template(first.id, "Kaffeepause"))  # unchanged: nothing
    assert log_count(store) == count
    refused(store, templates.rename_template(first.id, "  "), "Name must not be empty")

    result, before = apply(store, templates.delete_template(second.id))
    assert [t.name for t in listed(store)] == ["Kaffeepause"]
    refused(store, templates.insert_block_template(second.id, site.day_one), "no longer")
    undo_redo(store, result, before)


def test_templates_outlive_the_project_they_came_from(store: Store, site: Site) -> None:
    block_id = rich_block(store, site)
    save = templates.save_block_template(block_id, "World Café")
    store.apply(save)
    project_id = row(store, "workshop", site.workshop)["project_id"]
    store.apply(Delete("project", project_id))

    assert [t.name for t in listed(store)] == ["World Café"]
    project = Create("project", {"name": "Nächstes Projekt"})
    workshop = Create("workshop", {"project_id": project.id, "title": "Auftakt"})
    store.apply(project)
    store.apply(workshop)
    day = ops.add_day(workshop.id)
    store.apply(day)
    store.apply(templates.insert_block_template(save.id, day.id))
    assert only_block(store, day.id, workshop.id).title == "World Café"


def test_the_change_log_carries_a_template_for_sync(store: Store, site: Site) -> None:
    (block_id,) = add_blocks(store, site.day_one, "Pause")
    save = templates.save_block_template(block_id, "Pause")
    result = store.apply(save)
    (logged,) = store.read(lambda s: [entry.value for entry in s.scalars(
        select(ChangeLogEntry).where(ChangeLogEntry.op_id == result.op_id,
                                     ChangeLogEntry.field == CREATED))])
    assert logged["name"] == "Pause"
    assert logged["kind"] == "block"
    assert logged["payload"] == stored_payload(store, save.id)
    assert logged["payload"]["blocks"][0]["title"] == "Pause"


# --------------------------------------------------------------------------- refusals


def good_block(**changes: Any) -> dict[str, Any]:
    return {"title": "Pause", "duration_min": 15, **changes}


BAD_PAYLOADS: list[tuple[str, str, Any, str]] = [
    # (case, kind, payload, words of the message)
    ("not a dict", "block", ["Pause"], "Content has the wrong kind of value"),
    ("no format", "block", {"blocks": [good_block()]}, "is damaged"),
    ("a newer format", "block", {"format": 2, "blocks": [good_block()]}, "is damaged"),
    ("format true", "block", {"format": True, "blocks": [good_block()]}, "is damaged"),
    ("no block", "block", {"format": 1, "blocks": []}, "is damaged"),
    ("two blocks", "block", {"format": 1, "blocks": [good_block(), good_block()]},
     "is damaged"),
    ("days in a block template", "block", {"format": 1, "days": []}, "is damaged"),
    ("block not a dict", "block", {"format": 1, "blocks": ["Pause"]}, "is damaged"),
    ("no title", "block", {"format": 1, "blocks": [{"duration_min": 15}]}, "is damaged"),
    ("a board link", "block",
     {"format": 1, "blocks": [good_block(board_id=str(uuid.uuid4()))]}, "is damaged"),
    ("an id", "block", {"format": 1, "blocks": [good_block(id=str(uuid.uuid4()))]},
     "is damaged"),
    ("title too long", "block", {"format": 1, "blocks": [good_block(title="x" * 201)]},
     "The template cannot be used: Title is too long"),
    ("duration zero", "block", {"format": 1, "blocks": [good_block(duration_min=0)]},
     "Duration must be at least 1"),
    ("duration as text", "block", {"format": 1, "blocks": [good_block(duration_min="15")]},
     "Duration has the wrong kind of value"),
    ("duration not a number", "block",
     {"format": 1, "blocks": [good_block(duration_min=float("nan"))]}, "is damaged"),
    ("pin at 25:00", "block", {"format": 1, "blocks": [good_block(pinned_at="25:00")]},
     "is damaged"),
    ("pin with seconds", "block",
     {"format": 1, "blocks": [good_block(pinned_at="12:30:15")]}, "is damaged"),
    ("track without title", "block",
     {"format": 1, "blocks": [good_block(tracks=[{"room": "Saal"}])]}, "is damaged"),
    ("track title blank", "block",
     {"format": 1, "blocks": [good_block(tracks=[{"title": " "}])]},
     "Title must not be empty"),
    ("material twice", "block", {"format": 1, "blocks": [good_block(materials=[
        {"name": "Marker"}, {"name": "marker", "quantity": 3}])]}, "is damaged"),
    ("material quantity zero", "block", {"format": 1, "blocks": [good_block(materials=[
        {"name": "Marker", "quantity": 0}])]}, "Quantity must be at least 1"),
    ("materials not a list", "block",
     {"format": 1, "blocks": [good_block(materials={"name": "Marker"})]}, "is damaged"),
    ("an agenda without days", "agenda", {"format": 1, "days": []}, "is damaged"),
    ("a day without start", "agenda", {"format": 1, "days": [{"blocks": []}]}, "is damaged"),
    ("a day starting at noonish", "agenda",
     {"format": 1, "days": [{"starts_at": "12h", "blocks": []}]}, "is damaged"),
    ("a day with a date", "agenda",
     {"format": 1, "days": [{"starts_at": "09:00", "day": "2022-01-20", "blocks": []}]},
     "is damaged"),
    ("a bad block in a day", "agenda",
     {"format": 1, "days": [{"starts_at": "09:00", "blocks": [good_block(title="")]}]},
     "Title must not be empty"),
    ("too many days", "agenda", {"format": 1, "days": [
        {"starts_at": "09:00", "blocks": []}] * (MAX_TEMPLATE_DAYS + 1)}, "holds too much"),
    ("too large", "agenda", {"format": 1, "days": [
        {"starts_at": "09:00", "blocks": [good_block(notes="x" * 20_000)] * 60}]},
     "The template is too large"),
]


@pytest.mark.parametrize(("case", "kind", "payload", "text"), BAD_PAYLOADS,
                         ids=[case for case, *_ in BAD_PAYLOADS])
def test_a_broken_or_oversized_payload_is_refused(store: Store, case: str, kind: str,
                                                  payload: Any, text: str) -> None:
    refused(store, Create("agenda_template", {"name": case, "kind": kind,
                                              "payload": payload}), text)


def test_a_good_payload_is_kept_and_unknown_kinds_are_refused(store: Store) -> None:
    payload = {"format": 1, "blocks": [good_block(
        pinned_at="12:30", tracks=[{"title": "AG 1"}], materials=[{"name": "Marker"}])]}
    store.apply(Create("agenda_template", {"name": "Pause", "kind": "block",
                                           "payload": payload}))
    (template,) = listed(store)
    assert (template.blocks, template.duration_min) == (1, 15)
    refused(store, Create("agenda_template", {"name": "X", "kind": "workshop",
                                              "payload": payload}), "Kind has an unknown value")


def test_an_agenda_too_large_for_a_template_is_refused_when_saved(store: Store,
                                                                  site: Site) -> None:
    notes = "Ablauf " * 2_800  # 19 600 characters, allowed in one block
    for index in range(MAX_TEMPLATE_CHARS // len(notes) + 1):
        store.apply(ops.add_block(site.day_one, f"Block {index}", notes=notes))
    refused(store, templates.save_agenda_template(site.workshop, "Zu groß"),
            "The template is too large")
    assert listed(store) == ()


def test_a_template_damaged_elsewhere_is_refused_when_used(store: Store, site: Site) -> None:
    # As if another laptop's sync had written a payload this app does not understand.
    (block_id,) = add_blocks(store, site.day_one, "Pause")
    save = templates.save_block_template(block_id, "Pause")
    store.apply(save)
    damaged = json.dumps({"format": 1, "blocks": [{"title": "Pause"}]})
    with store._write_engine.begin() as connection:
        connection.exec_driver_sql("UPDATE agenda_template SET payload = ? WHERE id = ?",
                                   (damaged, save.id.hex))
    assert [t.duration_min for t in listed(store)] == [0]  # listed all the same
    refused(store, templates.insert_block_template(save.id, site.other_day), "is damaged")


# --------------------------------------------------------------------------- migration


def test_a_0002_database_is_upgraded_and_takes_templates(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "old.sqlite3"
    store = Store.open(path)
    try:
        project = Create("project", {"name": "Smarte Region"})
        workshop = Create("workshop", {"project_id": project.id, "title": "Auftakt"})
        store.apply(project)
        store.apply(workshop)
        day = ops.add_day(workshop.id)
        store.apply(day)
        (block_id,) = add_blocks(store, day.id, "Begrüßung")
        before = snapshot(store)
    finally:
        store.close()
    engine = migrate.migration_engine(path)
    try:
        with engine.begin() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0002")
    finally:
        engine.dispose()
    assert migrate.read_revision(path) == "0002"

    store = Store.open(path)
    try:
        assert store.preparation.migrated_from == "0002"
        assert snapshot(store) == before
        assert listed(store) == ()
        save = templates.save_block_template(block_id, "Begrüßung")
        store.apply(save)
        store.apply(templates.insert_block_template(save.id, day.id))
        (found,) = agenda(store, workshop.id).days
        assert [b.title for b in found.blocks] == ["Begrüßung", "Begrüßung"]
    finally:
        store.close()


def test_refusals_leave_no_trace(store: Store, site: Site) -> None:
    # A refused save neither keeps a template nor logs anything.
    count = log_count(store)
    with pytest.raises(ValidationError):
        store.apply(templates.save_block_template(uuid.uuid4(), "Weg"))
    assert log_count(store) == count
    assert listed(store) == ()
