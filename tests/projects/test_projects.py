"""Projects, workshops and fields of action as the navigator shows them."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from myk10_workshop.i18n import Message
from myk10_workshop.projects.operations import (
    FIELD_COLOURS,
    create_field_of_action,
    create_project,
    create_workshop,
    delete,
    edit,
)
from myk10_workshop.projects.queries import (
    ProjectCounts,
    ProjectNode,
    count_projects,
    load_counts,
    load_tree,
)
from myk10_workshop.store.database import Store
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.operations import Batch, Create, Delete

LABEL = Message("Test", "Test step")


def tree(store: Store) -> tuple[ProjectNode, ...]:
    return store.read(load_tree)


def counts(store: Store, project_id: uuid.UUID) -> ProjectCounts:
    return store.read(lambda s: load_counts(s, project_id))


def new_project(store: Store, name: str = "Smarte Region MYK10",
                starts_on: dt.date | None = None) -> uuid.UUID:
    operation = create_project(name, starts_on=starts_on)
    store.apply(operation)
    return operation.id


def test_an_empty_store_has_no_projects(store: Store) -> None:
    assert store.read(count_projects) == 0
    assert tree(store) == ()


def test_create_a_project_with_workshops_and_fields(store: Store) -> None:
    project = create_project("Smarte Region MYK10", description="Digitalstrategie",
                             starts_on=dt.date(2020, 9, 1), ends_on=dt.date(2027, 12, 31))
    store.apply(project)
    workshop = create_workshop(project.id, "Strategie-Workshop", venue="Kreishaus Koblenz",
                               starts_on=dt.date(2022, 1, 20), ends_on=dt.date(2022, 1, 21),
                               description="Zwei Tage")
    store.apply(workshop)
    mobility = create_field_of_action(project.id, "Mobilität", index=0)
    education = create_field_of_action(project.id, "Bildung", index=1, description="Schulen")
    own_colour = create_field_of_action(project.id, "Verwaltung", colour="#123456", index=2)
    for operation in (mobility, education, own_colour):
        store.apply(operation)

    (node,) = tree(store)
    assert (node.id, node.name, node.description, node.starts_on, node.ends_on) == (
        project.id, "Smarte Region MYK10", "Digitalstrategie", dt.date(2020, 9, 1),
        dt.date(2027, 12, 31))
    (ws,) = node.workshops
    assert (ws.id, ws.project_id, ws.title, ws.venue, ws.starts_on, ws.ends_on,
            ws.description) == (workshop.id, project.id, "Strategie-Workshop",
                                "Kreishaus Koblenz", dt.date(2022, 1, 20),
                                dt.date(2022, 1, 21), "Zwei Tage")
    # New fields go to the end, in the order they were made, in the next colour.
    assert [(f.id, f.name, f.colour, f.description) for f in node.fields] == [
        (mobility.id, "Mobilität", FIELD_COLOURS[0], ""),
        (education.id, "Bildung", FIELD_COLOURS[1], "Schulen"),
        (own_colour.id, "Verwaltung", "#123456", ""),
    ]
    assert store.read(count_projects) == 1


def test_field_colours_cycle() -> None:
    first = create_field_of_action(uuid.uuid4(), "A", index=0)
    eleventh = create_field_of_action(uuid.uuid4(), "K", index=len(FIELD_COLOURS))
    assert first.values["colour"] == eleventh.values["colour"] == FIELD_COLOURS[0]
    assert len(set(FIELD_COLOURS)) == len(FIELD_COLOURS)


def test_edit_changes_fields_and_undo_restores_them(store: Store) -> None:
    project_id = new_project(store)
    result = store.apply(edit("project", project_id, name="Smarte Region",
                              description="Neu"))
    (node,) = tree(store)
    assert (node.name, node.description) == ("Smarte Region", "Neu")
    store.apply(result.inverse)
    (node,) = tree(store)
    assert (node.name, node.description) == ("Smarte Region MYK10", "")


def test_edit_is_validated(store: Store) -> None:
    project_id = new_project(store, starts_on=dt.date(2020, 9, 1))
    with pytest.raises(ValidationError) as raised:
        store.apply(edit("project", project_id, ends_on=dt.date(2020, 8, 31)))
    assert raised.value.field == "ends_on"
    with pytest.raises(ValidationError):
        store.apply(edit("project", project_id, name=" "))
    (node,) = tree(store)
    assert (node.name, node.ends_on) == ("Smarte Region MYK10", None)


def test_edit_is_only_for_navigator_entities() -> None:
    with pytest.raises(ValueError, match="not a navigator entity"):
        edit("idea", uuid.uuid4(), text="x")


def test_delete_a_workshop_and_undo(store: Store) -> None:
    project_id = new_project(store)
    workshop = create_workshop(project_id, "Auftakt")
    store.apply(workshop)
    board = Create("board", {"workshop_id": workshop.id, "title": "Ideen"})
    store.apply(board)
    store.apply(Create("idea", {"board_id": board.id, "text": "Rufbus"}))
    assert counts(store, project_id) == ProjectCounts(workshops=1, boards=1, ideas=1)

    result = store.apply(delete("workshop", workshop.id))

    assert tree(store)[0].workshops == ()
    assert counts(store, project_id) == ProjectCounts()
    store.apply(result.inverse)
    assert [w.title for w in tree(store)[0].workshops] == ["Auftakt"]
    assert counts(store, project_id) == ProjectCounts(workshops=1, boards=1, ideas=1)


def test_delete_a_project_hides_it_and_its_content(store: Store) -> None:
    keep = new_project(store, "Behalten")
    gone = new_project(store, "Löschen")
    store.apply(create_workshop(gone, "W"))
    store.apply(create_field_of_action(gone, "F"))

    store.apply(delete("project", gone))

    assert [node.name for node in tree(store)] == ["Behalten"]
    assert store.read(count_projects) == 1
    assert counts(store, gone) == ProjectCounts()
    assert tree(store)[0].id == keep


def test_tree_orders_workshops_by_date_with_undated_last(store: Store) -> None:
    project_id = new_project(store)
    plan = [
        ("Ohne Datum B", None),
        ("Zukunftsdialog", dt.date(2022, 3, 17)),
        ("ohne Datum a", None),
        ("Strategie-Workshop", dt.date(2022, 1, 20)),
        ("Abschluss", dt.date(2022, 7, 15)),
        ("Auftakt am selben Tag", dt.date(2022, 3, 17)),
        ("Gelöscht", dt.date(2021, 1, 1)),
    ]
    made = {}
    for title, day in plan:
        operation = create_workshop(project_id, title, starts_on=day)
        store.apply(operation)
        made[title] = operation.id
    store.apply(delete("workshop", made["Gelöscht"]))

    (node,) = tree(store)
    assert [w.title for w in node.workshops] == [
        "Strategie-Workshop", "Auftakt am selben Tag", "Zukunftsdialog", "Abschluss",
        "ohne Datum a", "Ohne Datum B",
    ]


def test_tree_orders_fields_by_position_and_hides_deleted_ones(store: Store) -> None:
    project_id = new_project(store)
    placed = [("Mobilität", "ak"), ("Bildung", "a2"), ("Gesundheit", "aZ"), ("Weg", "a5"),
              ("Verwaltung", "akU")]
    made = {}
    for name, key in placed:
        operation = Create("field_of_action", {"project_id": project_id, "name": name,
                                               "order_key": key})
        store.apply(operation)
        made[name] = operation.id
    store.apply(delete("field_of_action", made["Weg"]))

    (node,) = tree(store)
    assert [(f.name, f.order_key) for f in node.fields] == [
        ("Bildung", "a2"), ("Gesundheit", "aZ"), ("Mobilität", "ak"), ("Verwaltung", "akU")]
    assert {f.project_id for f in node.fields} == {project_id}


def test_tree_sorts_projects_by_name_and_keeps_their_children_apart(store: Store) -> None:
    names = ["smarte Region", "Alpha", "Zukunft", "beta"]
    ids = {name: new_project(store, name) for name in names}
    store.apply(create_workshop(ids["Alpha"], "Nur in Alpha"))
    store.apply(create_field_of_action(ids["beta"], "Nur in beta"))

    nodes = tree(store)

    assert [n.name for n in nodes] == ["Alpha", "beta", "smarte Region", "Zukunft"]
    by_name = {n.name: n for n in nodes}
    assert [w.title for w in by_name["Alpha"].workshops] == ["Nur in Alpha"]
    assert by_name["Alpha"].fields == ()
    assert [f.name for f in by_name["beta"].fields] == ["Nur in beta"]
    assert by_name["beta"].workshops == ()


def test_counts_count_live_rows_only(store: Store) -> None:
    project_id, other_id = uuid.uuid4(), uuid.uuid4()
    w1, w2, gone_ws = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    b1, b2, gone_board, b_in_gone_ws = (uuid.uuid4() for _ in range(4))
    idea_gone = uuid.uuid4()
    ballot_gone, measure_gone, milestone_gone, field_gone = (uuid.uuid4() for _ in range(4))
    operations = [
        Create("project", {"name": "P"}, project_id),
        Create("project", {"name": "Andere"}, other_id),
        Create("workshop", {"project_id": project_id, "title": "W1"}, w1),
        Create("workshop", {"project_id": project_id, "title": "W2"}, w2),
        Create("workshop", {"project_id": project_id, "title": "Weg"}, gone_ws),
        Create("workshop", {"project_id": other_id, "title": "Fremd"}),
        Create("board", {"workshop_id": w1, "title": "B1", "order_key": "a1"}, b1),
        Create("board", {"workshop_id": w2, "title": "B2", "order_key": "a1"}, b2),
        Create("board", {"workshop_id": w2, "title": "Weg", "order_key": "a2"}, gone_board),
        Create("board", {"workshop_id": gone_ws, "title": "In W3", "order_key": "a1"},
               b_in_gone_ws),
        *(Create("idea", {"board_id": b1, "text": f"Idee {i}"}) for i in range(3)),
        Create("idea", {"board_id": b2, "text": "Idee"}),
        Create("idea", {"board_id": b2, "text": "Gelöscht"}, idea_gone),
        Create("idea", {"board_id": gone_board, "text": "Auf gelöschter Tafel"}),
        Create("idea", {"board_id": b_in_gone_ws, "text": "In gelöschtem Workshop"}),
        Create("ballot", {"workshop_id": w1, "title": "A", "kind": "dots", "order_key": "a1"}),
        Create("ballot", {"workshop_id": w1, "title": "B", "kind": "single", "order_key": "a2"},
               ballot_gone),
        Create("ballot", {"workshop_id": gone_ws, "title": "C", "kind": "dots",
                          "order_key": "a1"}),
        Create("field_of_action", {"project_id": project_id, "name": "F", "order_key": "a1"}),
        Create("field_of_action", {"project_id": project_id, "name": "G", "order_key": "a2"},
               field_gone),
        Create("field_of_action", {"project_id": other_id, "name": "Fremd", "order_key": "a1"}),
        Create("measure", {"project_id": project_id, "title": "M1"}),
        Create("measure", {"project_id": project_id, "title": "M2"}, measure_gone),
        Create("milestone", {"project_id": project_id, "title": "Kreistag",
                             "due_on": dt.date(2022, 12, 12)}),
        Create("milestone", {"project_id": project_id, "title": "Weg",
                             "due_on": dt.date(2022, 1, 1)}, milestone_gone),
    ]
    store.apply(Batch(tuple(operations), LABEL))
    for kind, entity_id in [("idea", idea_gone), ("board", gone_board),
                            ("workshop", gone_ws), ("ballot", ballot_gone),
                            ("field_of_action", field_gone), ("measure", measure_gone),
                            ("milestone", milestone_gone)]:
        store.apply(Delete(kind, entity_id))

    assert counts(store, project_id) == ProjectCounts(
        workshops=2, fields=1, boards=2, ideas=4, ballots=1, measures=1, milestones=1)
    assert counts(store, other_id) == ProjectCounts(workshops=1, fields=1)
    assert counts(store, uuid.uuid4()) == ProjectCounts()
    assert store.read(count_projects) == 2
