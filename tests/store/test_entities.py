"""Validation: bad input is refused in plain words and the database stays as it was."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from sqlalchemy import select, text

from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store
from myk10_workshop.store.entities import RULES, children_of, rule, validate_values
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.operations import Batch, Create, Delete, Update

Ids = dict[str, uuid.UUID]
LABEL = Message("Test", "Test step")


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: what must be equal before and after a refusal."""
    tables = [*(r.table.name for r in RULES.values()), "change_log", "meta"]

    def query(session: Any) -> dict[str, list[tuple[Any, ...]]]:
        return {name: sorted(map(tuple, session.execute(text(f"SELECT * FROM {name}"))),
                             key=repr) for name in tables}
    return store.read(query)


def stored(store: Store, kind: str, entity_id: uuid.UUID) -> dict[str, Any]:
    table = rule(kind).table
    return dict(store.read(lambda s: s.execute(
        select(table).where(table.c.id == entity_id)).mappings().one()))


@pytest.fixture
def ids(store: Store) -> Ids:
    """A project with a workshop, a board, a cluster, an agenda day and a ballot."""
    made = {kind: uuid.uuid4() for kind in
            ("project", "workshop", "board", "cluster", "agenda_day", "ballot", "idea")}
    store.apply(Batch((
        Create("project", {"name": "Smarte Region", "starts_on": dt.date(2020, 9, 1),
                           "ends_on": dt.date(2027, 12, 31)}, made["project"]),
        Create("workshop", {"project_id": made["project"], "title": "Strategie-Workshop"},
               made["workshop"]),
        Create("board", {"workshop_id": made["workshop"], "title": "Ziele", "order_key": "aU"},
               made["board"]),
        Create("cluster", {"board_id": made["board"], "title": "Verkehr"}, made["cluster"]),
        Create("idea", {"board_id": made["board"], "text": "Rufbus"}, made["idea"]),
        Create("agenda_day", {"workshop_id": made["workshop"], "order_key": "aU"},
               made["agenda_day"]),
        Create("ballot", {"workshop_id": made["workshop"], "title": "Punkte", "kind": "dots",
                          "order_key": "aU"}, made["ballot"]),
    ), LABEL))
    return made


def test_every_column_has_a_rule() -> None:
    # Nothing escapes validation or the change log: the rules cover every stored field.
    for kind, entity in RULES.items():
        columns = {column.name for column in entity.table.columns}
        assert set(entity.fields) == columns - {"id", "deleted"}, kind
        assert entity.kind == kind
        if entity.parent is not None:
            assert entity.fields[entity.parent].ref is not None
            assert entity.fields[entity.parent].required


def test_rules_agree_with_the_columns_on_empty_values() -> None:
    for kind, entity in RULES.items():
        for name, spec in entity.fields.items():
            column = entity.table.c[name]
            assert spec.nullable == column.nullable, (kind, name)
            if spec.ref is not None:
                (key,) = column.foreign_keys
                assert key.column.table.name == spec.ref, (kind, name)


def test_what_a_deletion_takes_along() -> None:
    assert {r.kind for r in children_of("project")} == {
        "field_of_action", "workshop", "phase", "measure", "milestone", "dependency",
        "baseline"}
    assert {r.kind for r in children_of("baseline")} == {"baseline_entry"}
    assert {r.kind for r in children_of("workshop")} == {"agenda_day", "board", "ballot"}
    assert {r.kind for r in children_of("board")} == {"cluster", "idea"}
    assert children_of("idea") == []
    # The facilitator's own templates belong to no project: deleting one keeps them.
    assert rule("agenda_template").parent is None
    assert all(r.kind != "agenda_template" for kind in RULES for r in children_of(kind))


# --------------------------------------------------------------------------- refusals


ValuesOf = Callable[[Ids], Mapping[str, Any]]

REFUSED_CREATES: list[tuple[str, str, ValuesOf, str, str]] = [
    # (case, kind, values, field, words of the message)
    ("name missing", "project", lambda i: {}, "name", "Name is required."),
    ("name None", "project", lambda i: {"name": None}, "name", "Name is required."),
    ("name empty", "project", lambda i: {"name": ""}, "name", "Name must not be empty."),
    ("name blank", "project", lambda i: {"name": " \t "}, "name", "Name must not be empty."),
    ("name too long", "project", lambda i: {"name": "x" * 201}, "name",
     "Name is too long: 201 characters, at most 200 are allowed."),
    ("name with newline", "project", lambda i: {"name": "Smarte\nRegion"}, "name",
     "Name must be a single line."),
    ("name with carriage return", "project", lambda i: {"name": "Smarte\rRegion"}, "name",
     "Name "),
    ("name with bell", "project", lambda i: {"name": "Smarte\x07Region"}, "name",
     "Name contains invisible control characters."),
    ("name with NUL", "project", lambda i: {"name": "Smarte\x00"}, "name",
     "control characters"),
    ("name with DEL", "project", lambda i: {"name": "Smarte\x7f"}, "name",
     "control characters"),
    ("idea text too long", "idea", lambda i: {"board_id": i["board"], "text": "x" * 2001},
     "text", "Text is too long: 2001 characters, at most 2000 are allowed."),
    ("idea text with control char", "idea",
     lambda i: {"board_id": i["board"], "text": "Rufbus\x1b[0m"}, "text", "control characters"),
    ("idea text blank", "idea", lambda i: {"board_id": i["board"], "text": "\n \n"}, "text",
     "Text must not be empty."),
    ("date as text", "project", lambda i: {"name": "P", "starts_on": "2022-01-20"},
     "starts_on", "Start date has the wrong kind of value."),
    ("date as datetime", "project",
     lambda i: {"name": "P", "starts_on": dt.datetime(2022, 1, 20, 9, 0)}, "starts_on",
     "wrong kind of value"),
    ("bool for int", "agenda_item",
     lambda i: {"day_id": i["agenda_day"], "title": "Pause", "duration_min": True},
     "duration_min", "Duration has the wrong kind of value."),
    ("float for int", "agenda_item",
     lambda i: {"day_id": i["agenda_day"], "title": "Pause", "duration_min": 15.0},
     "duration_min", "wrong kind of value"),
    ("text for int", "agenda_item",
     lambda i: {"day_id": i["agenda_day"], "title": "Pause", "duration_min": "15"},
     "duration_min", "wrong kind of value"),
    ("int for bool", "board",
     lambda i: {"workshop_id": i["workshop"], "title": "B", "private_mode": 1},
     "private_mode", "wrong kind of value"),
    ("text for float", "idea", lambda i: {"board_id": i["board"], "text": "t", "x": "10"},
     "x", "wrong kind of value"),
    ("bool for float", "idea", lambda i: {"board_id": i["board"], "text": "t", "x": False},
     "x", "wrong kind of value"),
    ("NaN", "idea", lambda i: {"board_id": i["board"], "text": "t", "x": math.nan}, "x",
     "Position must be a number."),
    ("infinity", "cluster",
     lambda i: {"board_id": i["board"], "title": "C", "width": math.inf}, "width",
     "Width must be a number."),
    ("minus infinity", "idea", lambda i: {"board_id": i["board"], "text": "t", "y": -math.inf},
     "y", "must be a number"),
    ("text for uuid", "workshop", lambda i: {"project_id": str(i["project"]), "title": "W"},
     "project_id", "wrong kind of value"),
    ("list for settings", "ballot",
     lambda i: {"workshop_id": i["workshop"], "title": "B", "kind": "dots", "settings": []},
     "settings", "wrong kind of value"),
    ("short colour", "idea", lambda i: {"board_id": i["board"], "text": "t", "colour": "#fff"},
     "colour", "Colour must be a colour like #ffcc00."),
    ("colour name", "cluster", lambda i: {"board_id": i["board"], "title": "C", "colour": "red"},
     "colour", "must be a colour"),
    ("colour not hex", "field_of_action",
     lambda i: {"project_id": i["project"], "name": "F", "colour": "#12345g"}, "colour",
     "must be a colour"),
    ("colour with alpha", "phase",
     lambda i: {"project_id": i["project"], "name": "Ph", "colour": "#11223344"}, "colour",
     "must be a colour"),
    ("unknown idea source", "idea",
     lambda i: {"board_id": i["board"], "text": "t", "source": "email"}, "source",
     "Source has an unknown value."),
    ("unknown ballot kind", "ballot",
     lambda i: {"workshop_id": i["workshop"], "title": "B", "kind": "poll"}, "kind",
     "Kind has an unknown value."),
    ("ballot kind missing", "ballot", lambda i: {"workshop_id": i["workshop"], "title": "B"},
     "kind", "Kind is required."),
    ("unknown milestone status", "milestone",
     lambda i: {"project_id": i["project"], "title": "M", "due_on": dt.date(2022, 1, 1),
                "status": "DONE"}, "status", "unknown value"),
    ("duration 0", "agenda_item",
     lambda i: {"day_id": i["agenda_day"], "title": "Pause", "duration_min": 0},
     "duration_min", "Duration must be at least 1."),
    ("duration over a day", "agenda_item",
     lambda i: {"day_id": i["agenda_day"], "title": "Pause", "duration_min": 24 * 60 + 1},
     "duration_min", "Duration must be at most 1440."),
    ("negative duration", "agenda_item",
     lambda i: {"day_id": i["agenda_day"], "title": "Pause", "duration_min": -5},
     "duration_min", "at least 1"),
    ("quantity 0", "agenda_material", lambda i: {"item_id": uuid.uuid4(), "name": "Stifte",
                                                 "quantity": 0}, "quantity", "at least 1"),
    ("cluster too narrow", "cluster",
     lambda i: {"board_id": i["board"], "title": "C", "width": 39.5}, "width",
     "Width must be at least 40."),
    ("idea far off the wall", "idea",
     lambda i: {"board_id": i["board"], "text": "t", "x": 1e9}, "x", "at most 10000000"),
    ("negative paper count", "paper_tally", lambda i: {"option_id": uuid.uuid4(), "count": -1},
     "count", "at least 0"),
    ("end before start", "project",
     lambda i: {"name": "P", "starts_on": dt.date(2022, 1, 21), "ends_on": dt.date(2022, 1, 20)},
     "ends_on", "The end date must not be before the start date."),
    ("workshop ends before it starts", "workshop",
     lambda i: {"project_id": i["project"], "title": "W", "starts_on": dt.date(2022, 1, 21),
                "ends_on": dt.date(2022, 1, 20)}, "ends_on", "end date"),
    ("measure ends before it starts", "measure",
     lambda i: {"project_id": i["project"], "title": "M", "starts_on": dt.date(2023, 1, 1),
                "ends_on": dt.date(2022, 12, 31)}, "ends_on", "end date"),
    ("missing parent", "workshop", lambda i: {"project_id": uuid.uuid4(), "title": "W"},
     "project_id", "The chosen Project no longer exists."),
    ("missing optional reference", "idea",
     lambda i: {"board_id": i["board"], "text": "t", "cluster_id": uuid.uuid4()}, "cluster_id",
     "The chosen Cluster no longer exists."),
    ("invalid position", "board",
     lambda i: {"workshop_id": i["workshop"], "title": "B", "order_key": "A0"}, "order_key",
     "is not a valid position"),
    ("position None", "board",
     lambda i: {"workshop_id": i["workshop"], "title": "B", "order_key": None}, "order_key",
     "must not be empty"),
    ("voter missing", "vote",
     lambda i: {"ballot_id": i["ballot"], "client_vote_id": "v", "cast_at": dt.datetime.now()},
     "voter_hash", "is required"),
    ("time as text", "agenda_day",
     lambda i: {"workshop_id": i["workshop"], "starts_at": "09:00"}, "starts_at",
     "wrong kind of value"),
]


@pytest.mark.parametrize(
    "case",
    [pytest.param(case[1:], id=case[0]) for case in REFUSED_CREATES],
)
def test_create_is_refused_and_nothing_changes(
    store: Store, ids: Ids, case: tuple[str, ValuesOf, str, str]
) -> None:
    kind, values_of, field, words = case
    before = snapshot(store)
    operation = Create(kind, values_of(ids))

    with pytest.raises(ValidationError) as raised:
        store.apply(operation)

    assert raised.value.field == field
    assert words in raised.value.message.render()
    assert words in str(raised.value)
    assert snapshot(store) == before


ACCEPTED_CREATES: list[tuple[str, str, ValuesOf]] = [
    ("idea text of 2000", "idea", lambda i: {"board_id": i["board"], "text": "x" * 2000}),
    ("idea text over lines", "idea",
     lambda i: {"board_id": i["board"], "text": "Rufbus\nfür\n\nalle Dörfer\tjetzt"}),
    ("name of 200", "project", lambda i: {"name": "N" * 200}),
    ("tab in a line", "project", lambda i: {"name": "Smarte\tRegion"}),
    ("umlauts and emoji", "project", lambda i: {"name": "Bürgerbeteiligung 🚌 „MYK10“"}),
    ("description over lines", "project",
     lambda i: {"name": "P", "description": "Zeile 1\nZeile 2"}),
    ("same start and end", "project",
     lambda i: {"name": "P", "starts_on": dt.date(2022, 1, 20), "ends_on": dt.date(2022, 1, 20)}),
    ("only an end date", "project", lambda i: {"name": "P", "ends_on": dt.date(2022, 1, 20)}),
    ("shortest and longest block", "agenda_item",
     lambda i: {"day_id": i["agenda_day"], "title": "Kurz", "duration_min": 1}),
    ("day-long block", "agenda_item",
     lambda i: {"day_id": i["agenda_day"], "title": "Lang", "duration_min": 1440}),
    ("mixed case colour", "cluster",
     lambda i: {"board_id": i["board"], "title": "", "colour": "#A1b2C3"}),
    ("int for float", "idea", lambda i: {"board_id": i["board"], "text": "t", "x": 10, "y": -3}),
    ("negative coordinates", "cluster",
     lambda i: {"board_id": i["board"], "title": "C", "x": -1e7, "y": 1e7, "width": 40}),
    ("enum member", "idea",
     lambda i: {"board_id": i["board"], "text": "t", "source": "phone", "state": "inbox"}),
    ("vote", "vote", lambda i: {"ballot_id": i["ballot"], "voter_hash": "h" * 64,
                                "client_vote_id": "c1", "cast_at": dt.datetime(2022, 1, 20)}),
]


@pytest.mark.parametrize(
    ("kind", "values_of"),
    [pytest.param(kind, values, id=case) for case, kind, values in ACCEPTED_CREATES],
)
def test_create_is_accepted(store: Store, ids: Ids, kind: str, values_of: ValuesOf) -> None:
    values = values_of(ids)
    operation = Create(kind, values)
    store.apply(operation)
    row = stored(store, kind, operation.id)
    assert {name: row[name] for name in values} == dict(values)
    assert row["deleted"] is False


def test_a_windows_line_break_is_accepted_in_multi_line_text(store: Store, ids: Ids) -> None:
    # Text pasted on Windows or sent from a phone's form separates lines with CR LF; the
    # single-line rule treats "\r" as a line break, so multi-line text should accept it.
    operation = Create("idea", {"board_id": ids["board"], "text": "Rufbus\r\nfür alle Dörfer"})
    store.apply(operation)
    assert stored(store, "idea", operation.id)["text"] == "Rufbus\r\nfür alle Dörfer"


# --------------------------------------------------------------------------- updates


def test_update_with_an_end_before_the_stored_start_is_refused(store: Store, ids: Ids) -> None:
    before = snapshot(store)
    # The start date is not in the update: it comes from the stored row.
    with pytest.raises(ValidationError) as raised:
        store.apply(Update("project", ids["project"], {"ends_on": dt.date(2019, 12, 31)}))
    assert raised.value.field == "ends_on"
    assert "end date must not be before the start date" in str(raised.value)
    with pytest.raises(ValidationError):
        store.apply(Update("project", ids["project"], {"starts_on": dt.date(2028, 1, 1)}))
    assert snapshot(store) == before
    # Moving both together is fine.
    store.apply(Update("project", ids["project"], {"starts_on": dt.date(2028, 1, 1),
                                                   "ends_on": dt.date(2029, 1, 1)}))
    assert stored(store, "project", ids["project"])["ends_on"] == dt.date(2029, 1, 1)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": None}, "name"),
        ({"name": ""}, "name"),
        ({"name": "a\nb"}, "name"),
        ({"description": "x" * 20_001}, "description"),
        ({"starts_on": "2020-09-01"}, "starts_on"),
    ],
)
def test_update_with_a_bad_value_is_refused(
    store: Store, ids: Ids, changes: dict[str, Any], field: str
) -> None:
    before = snapshot(store)
    with pytest.raises(ValidationError) as raised:
        store.apply(Update("project", ids["project"], changes))
    assert raised.value.field == field
    assert snapshot(store) == before


def test_a_reference_to_a_deleted_row_is_refused(store: Store, ids: Ids) -> None:
    store.apply(Delete("cluster", ids["cluster"]))
    before = snapshot(store)

    with pytest.raises(ValidationError) as raised:
        store.apply(Create("idea", {"board_id": ids["board"], "text": "t",
                                    "cluster_id": ids["cluster"]}))
    assert raised.value.field == "cluster_id"
    assert "The chosen Cluster no longer exists." in str(raised.value)

    with pytest.raises(ValidationError) as raised:
        store.apply(Update("idea", ids["idea"], {"cluster_id": ids["cluster"]}))
    assert raised.value.field == "cluster_id"

    store.apply(Delete("project", ids["project"]))
    after_delete = snapshot(store)
    with pytest.raises(ValidationError) as raised:
        store.apply(Create("workshop", {"project_id": ids["project"], "title": "W"}))
    assert raised.value.field == "project_id"
    assert snapshot(store) == after_delete
    assert before != after_delete  # the project delete itself did change rows


def test_unknown_field_names_are_programming_errors(store: Store, ids: Ids) -> None:
    before = snapshot(store)
    with pytest.raises(ValueError, match="no editable field 'colour'"):
        store.apply(Create("project", {"name": "P", "colour": "#ffffff"}))
    with pytest.raises(ValueError, match="no editable field 'deleted'"):
        store.apply(Update("project", ids["project"], {"deleted": True}))
    with pytest.raises(ValueError, match="no editable field 'id'"):
        store.apply(Update("project", ids["project"], {"id": uuid.uuid4()}))
    with pytest.raises(ValueError, match="unknown entity kind"):
        store.apply(Create("projekt", {"name": "P"}))
    assert snapshot(store) == before


def test_validate_values_on_update_does_not_demand_required_fields() -> None:
    validate_values("project", {"description": "nur die Beschreibung"}, creating=False)
    with pytest.raises(ValidationError):
        validate_values("project", {"description": "nur die Beschreibung"}, creating=True)


def test_a_validation_message_names_the_field_and_its_limit() -> None:
    with pytest.raises(ValidationError) as raised:
        validate_values("idea", {"board_id": uuid.uuid4(), "text": "x" * 2001}, creating=True)
    message = raised.value.message
    assert message.context == "Validation"
    assert message.params["length"] == 2001
    assert message.params["maximum"] == 2000
    assert message.render() == "Text is too long: 2001 characters, at most 2000 are allowed."
