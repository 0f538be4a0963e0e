"""Every operation, its change-log entries, its change set and its undo."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

import pytest
from sqlalchemy import func, select

from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store, StoreWriter
from myk10_workshop.store.entities import RULES, rule
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.operations import (
    CREATED,
    Batch,
    BulkCreate,
    ChangeSet,
    Create,
    Deferred,
    Delete,
    NoOp,
    Operation,
    OpResult,
    Restore,
    Tombstone,
    Update,
    utc_now,
)
from myk10_workshop.store.order_keys import is_valid
from myk10_workshop.store.schema import ChangeLogEntry

LABEL = Message("Test", "Test step")


# --------------------------------------------------------------------------- helpers


def row(store: Store, kind: str, entity_id: uuid.UUID) -> dict[str, Any] | None:
    table = rule(kind).table
    found = store.read(lambda s: s.execute(
        select(table).where(table.c.id == entity_id)).mappings().first())
    return dict(found) if found is not None else None


def live_ids(store: Store) -> set[tuple[str, uuid.UUID]]:
    def query(session: Any) -> set[tuple[str, uuid.UUID]]:
        found = set()
        for kind, entity in RULES.items():
            table = entity.table
            for entity_id in session.scalars(select(table.c.id).where(table.c.deleted.is_(False))):
                found.add((kind, entity_id))
        return found
    return store.read(query)


def all_ids(store: Store) -> set[tuple[str, uuid.UUID]]:
    def query(session: Any) -> set[tuple[str, uuid.UUID]]:
        return {(kind, entity_id) for kind, entity in RULES.items()
                for entity_id in session.scalars(select(entity.table.c.id))}
    return store.read(query)


def log_of(store: Store, op_id: uuid.UUID) -> list[ChangeLogEntry]:
    return store.read(lambda s: list(s.scalars(
        select(ChangeLogEntry).where(ChangeLogEntry.op_id == op_id)
        .order_by(ChangeLogEntry.seq))))


def log_count(store: Store) -> int:
    return store.read(lambda s: s.scalar(select(func.count()).select_from(ChangeLogEntry)))


def fields_logged(entries: list[ChangeLogEntry]) -> dict[tuple[str, uuid.UUID], dict[str, Any]]:
    """Every field logged per row: a row created whole is one entry holding all of them."""
    logged: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
    for entry in entries:
        fields = logged.setdefault((entry.entity, entry.entity_id), {})
        if entry.field == CREATED:
            assert isinstance(entry.value, dict)
            fields.update(entry.value)
        else:
            fields[entry.field] = entry.value
    return logged


# Kinds owned by no project: the facilitator's own templates outlive every project.
UNOWNED = frozenset({"agenda_template"})


def build_tree(store: Store) -> dict[str, uuid.UUID]:
    """One row of every kind, created in one batch; all but the UNOWNED ones are owned by
    one project."""
    ids = {kind: uuid.uuid4() for kind in RULES}
    t0 = dt.datetime(2022, 1, 20, 9, 30)
    values: dict[str, Mapping[str, Any]] = {
        "project": {"name": "Smarte Region", "starts_on": dt.date(2020, 9, 1)},
        "field_of_action": {"project_id": ids["project"], "name": "Mobilität",
                            "order_key": "aU"},
        "phase": {"project_id": ids["project"], "name": "Phase A", "order_key": "aU"},
        "workshop": {"project_id": ids["project"], "title": "Strategie-Workshop",
                     "starts_on": dt.date(2022, 1, 20), "ends_on": dt.date(2022, 1, 21)},
        "board": {"workshop_id": ids["workshop"], "title": "Ziele", "order_key": "aU",
                  "field_of_action_id": ids["field_of_action"]},
        "cluster": {"board_id": ids["board"], "title": "Verkehr"},
        "idea": {"board_id": ids["board"], "cluster_id": ids["cluster"], "text": "Rufbus",
                 "created_at": t0},
        "ballot": {"workshop_id": ids["workshop"], "title": "Punkte", "kind": "dots",
                   "settings": {"dots_per_person": 3}, "order_key": "aU"},
        "ballot_option": {"ballot_id": ids["ballot"], "label": "Rufbus", "order_key": "aU",
                          "idea_id": ids["idea"]},
        "vote": {"ballot_id": ids["ballot"], "option_id": ids["ballot_option"],
                 "voter_hash": "a" * 64, "client_vote_id": "v1", "value": 1.0, "cast_at": t0},
        "paper_tally": {"option_id": ids["ballot_option"], "count": 4},
        "agenda_day": {"workshop_id": ids["workshop"], "day": dt.date(2022, 1, 20),
                       "order_key": "aU"},
        "agenda_item": {"day_id": ids["agenda_day"], "title": "Begrüßung", "order_key": "aU"},
        "agenda_track": {"item_id": ids["agenda_item"], "title": "AG Mobilität",
                         "order_key": "aU"},
        "agenda_material": {"item_id": ids["agenda_item"], "name": "Moderationskoffer"},
        "measure": {"project_id": ids["project"], "title": "Mobilitätsplattform"},
        "measure_source": {"measure_id": ids["measure"], "cluster_id": ids["cluster"]},
        "milestone": {"project_id": ids["project"], "title": "Kreistag",
                      "due_on": dt.date(2022, 12, 12), "phase_id": ids["phase"]},
        "dependency": {"project_id": ids["project"], "predecessor_milestone_id": ids["milestone"],
                       "successor_measure_id": ids["measure"]},
        "baseline": {"project_id": ids["project"], "name": "Auftakt", "taken_at": t0},
        "baseline_entry": {"baseline_id": ids["baseline"], "milestone_id": ids["milestone"],
                           "starts_on": dt.date(2022, 12, 12), "ends_on": dt.date(2022, 12, 12)},
        "agenda_template": {"name": "Begrüßung", "kind": "block", "payload": {
            "format": 1, "blocks": [{"title": "Begrüßung", "duration_min": 15}]}},
    }
    assert values.keys() == RULES.keys()
    store.apply(Batch(tuple(Create(kind, values[kind], ids[kind]) for kind in values), LABEL))
    return ids


# --------------------------------------------------------------------------- create


def test_create_logs_every_field_with_defaults_under_one_op_and_stamp(store: Store) -> None:
    ids = build_tree(store)
    operation = Create("idea", {"board_id": ids["board"], "text": "Mitfahrbänke\nim Dorf"})
    before = utc_now()

    result = store.apply(operation)

    entries = log_of(store, result.op_id)
    assert {e.entity_id for e in entries} == {operation.id}
    assert {e.entity for e in entries} == {"idea"}
    assert {e.hlc for e in entries} == {result.stamp}
    assert {e.device_id for e in entries} == {store.device_id}
    assert {e.op_name for e in entries} == {"create"}
    logged = fields_logged(entries)[("idea", operation.id)]
    # One entry holds the whole new row.
    assert [e.field for e in entries] == [CREATED]
    created_at = logged.pop("created_at")
    assert logged == {
        "board_id": str(ids["board"]), "cluster_id": None, "field_of_action_id": None,
        "text": "Mitfahrbänke\nim Dorf", "colour": "#fff59d", "x": 0.0, "y": 0.0,
        "author": "", "source": "typed", "state": "board", "deleted": False,
    }
    stored = row(store, "idea", operation.id)
    assert stored is not None
    assert created_at == stored["created_at"].isoformat()
    # created_at is filled with the current time, naive UTC.
    assert stored["created_at"].tzinfo is None
    assert before <= stored["created_at"] <= utc_now()
    assert stored["text"] == "Mitfahrbänke\nim Dorf"
    assert stored["deleted"] is False

    assert result.changes == ChangeSet(created={"idea": frozenset({operation.id})})
    assert result.inverse == Delete("idea", operation.id)


def test_undo_of_create_deletes_the_row_and_redo_brings_it_back(store: Store) -> None:
    operation = Create("project", {"name": "Smarte Region"})
    created = store.apply(operation)

    undone = store.apply(created.inverse)
    assert row(store, "project", operation.id)["deleted"] is True
    assert undone.changes == ChangeSet(deleted={"project": frozenset({operation.id})})
    assert undone.inverse == Restore((("project", operation.id),))
    entries = log_of(store, undone.op_id)
    assert [(e.op_name, e.field, e.value) for e in entries] == [("delete", "deleted", True)]

    redone = store.apply(undone.inverse)
    assert row(store, "project", operation.id)["deleted"] is False
    assert redone.changes == ChangeSet(created={"project": frozenset({operation.id})})
    entries = log_of(store, redone.op_id)
    assert [(e.op_name, e.field, e.value) for e in entries] == [("restore", "deleted", False)]


# --------------------------------------------------------------------------- update


def test_update_logs_only_the_changed_fields(store: Store) -> None:
    operation = Create("project", {"name": "Smarte Region", "description": "Phase A",
                                   "starts_on": dt.date(2020, 9, 1)})
    store.apply(operation)

    result = store.apply(Update("project", operation.id, {
        "name": "Smarte Region MYK10",  # changed
        "description": "Phase A",  # same as stored
        "ends_on": dt.date(2027, 12, 31),  # changed
    }))

    entries = log_of(store, result.op_id)
    assert {(e.field, e.value) for e in entries} == {
        ("name", "Smarte Region MYK10"), ("ends_on", "2027-12-31")}
    assert {e.op_name for e in entries} == {"update"}
    assert {e.hlc for e in entries} == {result.stamp}
    assert result.changes == ChangeSet(
        updated={"project": {operation.id: frozenset({"name", "ends_on"})}})
    assert result.inverse == Update("project", operation.id,
                                    {"name": "Smarte Region", "ends_on": None})

    store.apply(result.inverse)
    stored = row(store, "project", operation.id)
    assert (stored["name"], stored["description"], stored["starts_on"], stored["ends_on"]) == (
        "Smarte Region", "Phase A", dt.date(2020, 9, 1), None)


def test_an_update_that_changes_nothing_logs_nothing(store: Store) -> None:
    operation = Create("project", {"name": "Smarte Region"})
    store.apply(operation)
    count = log_count(store)

    result = store.apply(Update("project", operation.id, {"name": "Smarte Region"}))

    assert log_count(store) == count
    assert isinstance(result.inverse, NoOp)
    assert not result.changes
    assert store.apply(result.inverse).changes == ChangeSet()
    assert log_count(store) == count


def test_updating_a_deleted_row_is_refused(store: Store) -> None:
    operation = Create("project", {"name": "Smarte Region"})
    store.apply(operation)
    store.apply(Delete("project", operation.id))
    count = log_count(store)

    with pytest.raises(ValidationError, match="no longer exists"):
        store.apply(Update("project", operation.id, {"name": "Wieder da"}))
    with pytest.raises(ValidationError, match="no longer exists"):
        store.apply(Delete("project", operation.id))
    with pytest.raises(ValidationError, match="no longer exists"):
        store.apply(Update("project", uuid.uuid4(), {"name": "Nie da"}))

    assert log_count(store) == count
    assert row(store, "project", operation.id)["name"] == "Smarte Region"


# --------------------------------------------------------------------------- delete, restore


def test_delete_cascades_over_everything_the_row_owns(store: Store) -> None:
    ids = build_tree(store)
    other = Create("project", {"name": "Anderes Projekt"})
    store.apply(other)
    tree = {(kind, entity_id) for kind, entity_id in ids.items() if kind not in UNOWNED}
    unowned = {(kind, ids[kind]) for kind in UNOWNED}

    result = store.apply(Delete("project", ids["project"]))

    assert live_ids(store) == {("project", other.id)} | unowned
    assert isinstance(result.inverse, Restore)
    assert set(result.inverse.items) == tree
    assert len(result.inverse.items) == len(tree)
    assert result.changes == ChangeSet(deleted={
        kind: frozenset({entity_id}) for kind, entity_id in tree})
    entries = log_of(store, result.op_id)
    assert sorted((e.entity, e.entity_id) for e in entries) == sorted(tree)
    assert {(e.op_name, e.field, e.value) for e in entries} == {("delete", "deleted", True)}
    # Tombstones, not removed rows: sync must carry deletions.
    assert all_ids(store) == tree | unowned | {("project", other.id)}


def test_undoing_a_delete_restores_exactly_the_rows_it_deleted(store: Store) -> None:
    ids = build_tree(store)
    second_idea = Create("idea", {"board_id": ids["board"], "text": "Carsharing"})
    store.apply(second_idea)
    # This one was deleted on its own before the board went; undo must not revive it.
    store.apply(Delete("idea", ids["idea"]))
    before = live_ids(store)

    deleted = store.apply(Delete("board", ids["board"]))

    board_rows = {("board", ids["board"]), ("cluster", ids["cluster"]),
                  ("idea", second_idea.id)}
    assert set(deleted.inverse.items) == board_rows
    assert live_ids(store) == before - board_rows

    restored = store.apply(deleted.inverse)
    assert live_ids(store) == before
    assert ("idea", ids["idea"]) not in live_ids(store)
    assert restored.changes == ChangeSet(created={
        "board": frozenset({ids["board"]}), "cluster": frozenset({ids["cluster"]}),
        "idea": frozenset({second_idea.id})})
    assert isinstance(restored.inverse, Tombstone)
    assert set(restored.inverse.items) == board_rows

    # Redo (the undo of the undo) deletes them again.
    again = store.apply(restored.inverse)
    assert live_ids(store) == before - board_rows
    assert again.changes.deleted == {kind: frozenset({i}) for kind, i in board_rows}
    assert {e.op_name for e in log_of(store, again.op_id)} == {"delete"}
    assert isinstance(again.inverse, Restore)
    assert set(again.inverse.items) == board_rows


def test_restore_skips_rows_that_are_already_live(store: Store) -> None:
    first = Create("project", {"name": "A"})
    store.apply(first)
    deleted = store.apply(Delete("project", first.id))
    store.apply(deleted.inverse)
    count = log_count(store)

    again = store.apply(deleted.inverse)  # nothing left to restore

    assert again.inverse == Tombstone(())
    assert not again.changes
    assert log_count(store) == count


# --------------------------------------------------------------------------- batch


def test_a_batch_is_applied_as_one_operation_and_undone_as_one(store: Store) -> None:
    project = Create("project", {"name": "Smarte Region"})
    workshop = Create("workshop", {"project_id": project.id, "title": "Auftakt"})
    rename = Update("project", project.id, {"name": "Smarte Region MYK10"})

    result = store.apply(Batch((project, workshop, rename), LABEL))

    entries = log_of(store, result.op_id)
    assert {e.op_name for e in entries} == {"batch"}
    assert {e.hlc for e in entries} == {result.stamp}
    assert row(store, "project", project.id)["name"] == "Smarte Region MYK10"
    assert result.changes.created == {"project": frozenset({project.id}),
                                      "workshop": frozenset({workshop.id})}
    assert result.changes.updated == {"project": {project.id: frozenset({"name"})}}
    # The inverse undoes the steps in reverse order.
    assert result.inverse == Batch((
        Update("project", project.id, {"name": "Smarte Region"}),
        Delete("workshop", workshop.id),
        Delete("project", project.id),
    ), LABEL)

    store.apply(result.inverse)
    assert live_ids(store) == set()
    assert row(store, "project", project.id)["name"] == "Smarte Region"


def test_a_batch_is_all_or_nothing(store: Store) -> None:
    store.apply(Create("project", {"name": "Vorher"}))
    count = log_count(store)
    before = all_ids(store)
    first = Create("project", {"name": "Smarte Region"})
    # Valid on its own, refused when applied: the project it names does not exist.
    second = Create("workshop", {"project_id": uuid.uuid4(), "title": "Auftakt"})

    with pytest.raises(ValidationError) as raised:
        store.apply(Batch((first, second), LABEL))

    assert raised.value.field == "project_id"
    assert all_ids(store) == before
    assert row(store, "project", first.id) is None
    assert log_count(store) == count
    # The store goes on working after the rollback.
    store.apply(first)
    assert row(store, "project", first.id)["name"] == "Smarte Region"


def test_a_batch_validates_every_step_before_writing(store: Store) -> None:
    first = Create("project", {"name": "Gut"})
    second = Create("project", {"name": ""})
    with pytest.raises(ValidationError):
        store.apply(Batch((first, second), LABEL))
    assert all_ids(store) == set()
    assert log_count(store) == 0


# --------------------------------------------------------------------------- bulk create


def test_bulk_create_inserts_and_logs_every_row_and_undoes_as_one(store: Store) -> None:
    project_id, workshop_id = uuid.uuid4(), uuid.uuid4()
    field_ids = [uuid.uuid4() for _ in range(3)]
    rows = (
        ("project", project_id, {"name": "Import"}),
        *(("field_of_action", fid, {"project_id": project_id, "name": f"Feld {i}",
                                    "order_key": key})
          for i, (fid, key) in enumerate(zip(field_ids, ["a1", "a2", "a3"], strict=True))),
        ("workshop", workshop_id, {"project_id": project_id, "title": "Auftakt"}),
    )

    result = store.apply(BulkCreate(rows, LABEL))

    assert live_ids(store) == {("project", project_id), ("workshop", workshop_id),
                               *(("field_of_action", fid) for fid in field_ids)}
    assert [row(store, "field_of_action", fid)["name"] for fid in field_ids] == [
        "Feld 0", "Feld 1", "Feld 2"]
    assert row(store, "field_of_action", field_ids[0])["colour"] == "#4c78a8"  # default
    entries = log_of(store, result.op_id)
    logged = fields_logged(entries)
    assert set(logged) == {(kind, entity_id) for kind, entity_id, _ in rows}
    assert logged[("workshop", workshop_id)] == {
        "project_id": str(project_id), "title": "Auftakt", "venue": "", "starts_on": None,
        "ends_on": None, "description": "", "deleted": False}
    assert {e.op_name for e in entries} == {"bulk_create"}
    assert {e.hlc for e in entries} == {result.stamp}
    assert result.changes.created == {
        "project": frozenset({project_id}), "workshop": frozenset({workshop_id}),
        "field_of_action": frozenset(field_ids)}

    assert isinstance(result.inverse, Tombstone)
    store.apply(result.inverse)
    assert live_ids(store) == set()


def test_bulk_create_refuses_a_bad_row_before_writing_anything(store: Store) -> None:
    project_id = uuid.uuid4()
    rows = (
        ("project", project_id, {"name": "Import"}),
        ("workshop", uuid.uuid4(), {"project_id": project_id, "title": "x" * 201}),
    )
    with pytest.raises(ValidationError) as raised:
        store.apply(BulkCreate(rows, LABEL))
    assert raised.value.field == "title"
    assert all_ids(store) == set()
    assert log_count(store) == 0


def test_bulk_create_gives_rows_without_a_position_distinct_keys_in_order(store: Store) -> None:
    project_id = uuid.uuid4()
    field_ids = [uuid.uuid4() for _ in range(4)]
    rows = (
        ("project", project_id, {"name": "Import"}),
        *(("field_of_action", fid, {"project_id": project_id, "name": f"Feld {i}"})
          for i, fid in enumerate(field_ids)),
    )

    store.apply(BulkCreate(rows, LABEL))

    keys = [row(store, "field_of_action", fid)["order_key"] for fid in field_ids]
    assert all(is_valid(key) for key in keys)
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


# --------------------------------------------------------------------------- order keys


def test_new_ordered_rows_go_to_the_end_automatically(store: Store) -> None:
    project = Create("project", {"name": "P"})
    store.apply(project)
    store.apply(Create("field_of_action", {"project_id": project.id, "name": "Explizit",
                                           "order_key": "ak"}))
    created = [Create("field_of_action", {"project_id": project.id, "name": f"Neu {i}"})
               for i in range(3)]
    for operation in created:
        store.apply(operation)

    keys = [row(store, "field_of_action", op.id)["order_key"] for op in created]
    assert all(is_valid(key) for key in keys)
    assert "ak" < keys[0] < keys[1] < keys[2]


def test_an_automatic_position_is_logged(store: Store) -> None:
    ids = build_tree(store)
    operation = Create("board", {"workshop_id": ids["workshop"], "title": "Neu"})
    result = store.apply(operation)
    logged = fields_logged(log_of(store, result.op_id))[("board", operation.id)]
    assert logged["order_key"] == row(store, "board", operation.id)["order_key"]
    assert logged["order_key"] > "aU"


def test_positions_are_per_parent(store: Store) -> None:
    ids = build_tree(store)
    other = Create("workshop", {"project_id": ids["project"], "title": "Zweiter"})
    store.apply(other)
    store.apply(Create("board", {"workshop_id": ids["workshop"], "title": "B", "order_key": "ay"}))
    first = Create("board", {"workshop_id": other.id, "title": "Erstes"})
    store.apply(first)
    # The keys of the first workshop's boards do not push this one back.
    assert row(store, "board", first.id)["order_key"] < "ay"


# --------------------------------------------------------------------------- deferred, noop


def test_deferred_resolves_when_the_writer_reaches_it(store: Store) -> None:
    writer = StoreWriter(store)
    resolved_at: list[int] = []
    try:
        operation = Create("project", {"name": "Smarte Region"})
        created = writer.submit(operation)

        def inverse_of_create() -> Operation:
            resolved_at.append(len(resolved_at))
            return created.result().inverse  # done by now: the writer runs in order

        undo = writer.submit(Deferred(inverse_of_create, LABEL))
        result: OpResult = undo.result(timeout=30)
    finally:
        writer.close()
    assert resolved_at == [0]
    assert result.changes == ChangeSet(deleted={"project": frozenset({operation.id})})
    assert row(store, "project", operation.id)["deleted"] is True
    # The log names the operation that actually ran.
    assert {e.op_name for e in log_of(store, result.op_id)} == {"delete"}
    assert result.inverse == Restore((("project", operation.id),))


def test_deferred_validates_the_resolved_operation(store: Store) -> None:
    def bad() -> Operation:
        return Create("project", {"name": ""})

    with pytest.raises(ValidationError):
        store.apply(Deferred(bad, LABEL))
    assert log_count(store) == 0
    assert all_ids(store) == set()


def test_noop_changes_nothing(store: Store) -> None:
    result = store.apply(NoOp())
    assert result.inverse == NoOp()
    assert not result.changes
    assert log_count(store) == 0


# --------------------------------------------------------------------------- change sets


def test_change_set_queries() -> None:
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    changes = ChangeSet(created={"idea": frozenset({a})},
                        updated={"cluster": {b: frozenset({"x", "y"})}},
                        deleted={"idea": frozenset({c})})
    assert changes
    assert not ChangeSet()
    assert changes.kinds() == {"idea", "cluster"}
    assert changes.touches("board", "cluster")
    assert not changes.touches("board", "ballot")
    assert changes.ids("idea") == {a, c}
    assert changes.ids("cluster") == {b}
    assert changes.ids("board") == frozenset()


def test_merged_change_sets() -> None:
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    first = ChangeSet(created={"idea": frozenset({a, b})},
                      updated={"idea": {c: frozenset({"text"})}},
                      deleted={"cluster": frozenset({c})})
    second = ChangeSet(updated={"idea": {c: frozenset({"x"}), a: frozenset({"y"})}},
                       created={"cluster": frozenset({c})},
                       deleted={"idea": frozenset({b})})

    merged = first.merged(second)

    # b appeared and disappeared again; c disappeared and came back.
    assert merged.created == {"idea": frozenset({a}), "cluster": frozenset({c})}
    assert merged.deleted == {"idea": frozenset({b})}
    assert merged.updated == {"idea": {c: frozenset({"text", "x"}), a: frozenset({"y"})}}
    assert first.merged(ChangeSet()) == first
    assert ChangeSet().merged(ChangeSet()) == ChangeSet()
    assert not ChangeSet().merged(ChangeSet())


def test_change_sets_of_an_undo_merge_to_the_final_state(store: Store) -> None:
    operation = Create("project", {"name": "P"})
    created = store.apply(operation)
    deleted = store.apply(created.inverse)
    merged = created.changes.merged(deleted.changes)
    assert merged.created == {}
    assert merged.deleted == {"project": frozenset({operation.id})}


def test_the_change_log_keeps_the_type_of_every_value(store: Store) -> None:
    ids = build_tree(store)
    idea = Create("idea", {"board_id": ids["board"], "text": "680.0", "x": 680.0, "y": 12.5})
    result = store.apply(idea)
    logged = fields_logged(log_of(store, result.op_id))[("idea", idea.id)]
    assert logged["x"] == 680.0 and isinstance(logged["x"], float)
    assert logged["text"] == "680.0"
    assert logged["deleted"] is False
