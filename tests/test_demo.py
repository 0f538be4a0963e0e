"""The demo project "Smarte Region MYK10": one operation, sound data, one undo step."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from typing import Any

import pytest
from sqlalchemy import func, select

from myk10_workshop.demo import NOTE_HEIGHT, NOTE_WIDTH, demo_operation, load_demo_data
from myk10_workshop.projects.queries import ProjectCounts, count_projects, load_counts, load_tree
from myk10_workshop.store.database import Store
from myk10_workshop.store.entities import RULES
from myk10_workshop.store.operations import BulkCreate, OpResult
from myk10_workshop.store.order_keys import is_valid
from myk10_workshop.store.schema import (
    AgendaDay,
    AgendaItem,
    Ballot,
    BallotOption,
    Board,
    ChangeLogEntry,
    Cluster,
    Idea,
    Milestone,
    Vote,
    Workshop,
)


@pytest.fixture
def demo(store: Store) -> OpResult:
    return store.apply(demo_operation())


def live(store: Store, model: Any) -> list[Any]:
    return store.read(lambda s: list(s.scalars(select(model).where(model.deleted.is_(False)))))


def live_row_count(store: Store) -> int:
    def query(session: Any) -> int:
        return sum(session.scalar(select(func.count()).select_from(r.table)
                                  .where(r.table.c.deleted.is_(False))) for r in RULES.values())
    return store.read(query)


def test_demo_operation_is_one_valid_bulk_create() -> None:
    operation = demo_operation()
    assert isinstance(operation, BulkCreate)
    operation.validate()  # every row passes the rules
    ids = [entity_id for _, entity_id, _ in operation.rows]
    assert len(ids) == len(set(ids))
    # Owners come before what they own, one kind at a time.
    kinds = [kind for kind, _, _ in operation.rows]
    assert kinds[0] == "project"
    runs = [kind for i, kind in enumerate(kinds) if i == 0 or kinds[i - 1] != kind]
    assert len(runs) == len(set(runs))


def test_demo_loads_in_one_operation_into_an_empty_store(store: Store, demo: OpResult) -> None:
    operation_ids = store.read(lambda s: set(s.scalars(select(ChangeLogEntry.op_id))))
    assert operation_ids == {demo.op_id}
    assert store.read(lambda s: set(s.scalars(select(ChangeLogEntry.op_name)))) == {
        "bulk_create"}
    assert sum(len(ids) for ids in demo.changes.created.values()) == live_row_count(store)
    assert store.read(count_projects) == 1
    assert store.integrity_check() == "ok"
    with store._write_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


def test_demo_project_and_its_fields_of_action(store: Store, demo: OpResult) -> None:
    (project,) = store.read(load_tree)
    assert project.name == "Smarte Region MYK10"
    assert len(project.fields) == 10
    assert len({f.name for f in project.fields}) == 10
    assert all(is_valid(f.order_key) for f in project.fields)
    data = load_demo_data()
    # Shown in the order of the data file.
    assert [f.name for f in project.fields] == [e["name"] for e in data["fields_of_action"]]
    counts = store.read(lambda s: load_counts(s, project.id))
    assert counts.fields == 10
    assert counts.boards >= 3
    assert counts.ideas > 0
    assert counts.milestones == len(data["milestones"])
    assert counts != ProjectCounts()


def test_demo_has_a_two_day_workshop_with_an_agenda(store: Store, demo: OpResult) -> None:
    days_by_workshop: dict[uuid.UUID, list[AgendaDay]] = defaultdict(list)
    for day in live(store, AgendaDay):
        days_by_workshop[day.workshop_id].append(day)
    workshops = {w.id: w for w in live(store, Workshop)}
    two_day = [workshops[w] for w, days in days_by_workshop.items() if len(days) == 2]
    assert two_day, "no workshop with two agenda days"
    workshop = two_day[0]
    days = sorted(days_by_workshop[workshop.id], key=lambda d: d.order_key)
    assert [d.day for d in days] == [workshop.starts_on, workshop.ends_on]
    assert workshop.ends_on - workshop.starts_on == dt.timedelta(days=1)
    items = live(store, AgendaItem)
    for day in days:
        blocks = [item for item in items if item.day_id == day.id]
        assert blocks, f"agenda day {day.day} has no blocks"
        assert all(1 <= item.duration_min <= 24 * 60 for item in blocks)
        keys = [item.order_key for item in blocks]
        assert len(set(keys)) == len(keys)


def test_demo_boards_have_clusters_of_ideas(store: Store, demo: OpResult) -> None:
    boards = live(store, Board)
    clusters = live(store, Cluster)
    ideas = live(store, Idea)
    boards_with_content = [
        board for board in boards
        if any(c.board_id == board.id for c in clusters)
        and any(i.board_id == board.id and i.cluster_id is not None for i in ideas)
    ]
    assert len(boards_with_content) >= 3
    cluster_ids = {c.id for c in clusters}
    assert all(i.cluster_id is None or i.cluster_id in cluster_ids for i in ideas)
    assert all(i.text.strip() for i in ideas)


def test_every_clustered_idea_lies_within_its_cluster_frame(store: Store, demo: OpResult) -> None:
    clusters = {c.id: c for c in live(store, Cluster)}
    clustered = [i for i in live(store, Idea) if i.cluster_id is not None]
    assert clustered
    for idea in clustered:
        frame = clusters[idea.cluster_id]
        assert frame.board_id == idea.board_id
        assert frame.x <= idea.x
        assert idea.x + NOTE_WIDTH <= frame.x + frame.width, idea.text
        assert frame.y <= idea.y
        assert idea.y + NOTE_HEIGHT <= frame.y + frame.height, idea.text


def test_cluster_frames_and_loose_notes_do_not_overlap(store: Store, demo: OpResult) -> None:
    def overlaps(a: tuple[float, float, float, float],
                 b: tuple[float, float, float, float]) -> bool:
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    frames: dict[uuid.UUID, list[tuple[float, float, float, float]]] = defaultdict(list)
    for c in live(store, Cluster):
        frames[c.board_id].append((c.x, c.y, c.x + c.width, c.y + c.height))
    for board_frames in frames.values():
        for i, a in enumerate(board_frames):
            assert not any(overlaps(a, b) for b in board_frames[i + 1:])
    loose = [i for i in live(store, Idea) if i.cluster_id is None]
    assert loose
    for idea in loose:
        note = (idea.x, idea.y, idea.x + NOTE_WIDTH, idea.y + NOTE_HEIGHT)
        assert not any(overlaps(note, frame) for frame in frames[idea.board_id]), idea.text


def test_votes_respect_each_ballots_dots(store: Store, demo: OpResult) -> None:
    ballots = {b.id: b for b in live(store, Ballot)}
    options = {o.id: o for o in live(store, BallotOption)}
    votes = live(store, Vote)
    assert votes
    per_voter = Counter((v.ballot_id, v.voter_hash) for v in votes)
    per_voter_option = Counter((v.ballot_id, v.voter_hash, v.option_id) for v in votes)
    for (ballot_id, _voter), count in per_voter.items():
        assert count <= ballots[ballot_id].settings["dots_per_person"]
    for (ballot_id, _voter, _option), count in per_voter_option.items():
        maximum = ballots[ballot_id].settings.get("max_per_option")
        if maximum is not None:
            assert count <= maximum
    assert all(options[v.option_id].ballot_id == v.ballot_id for v in votes)
    assert len({v.client_vote_id for v in votes}) == len(votes)
    # Each option got the votes the data file gives it.
    data = load_demo_data()
    expected = sorted(int(o.get("votes", 0)) for w in data["workshops"]
                      for b in w.get("ballots", []) for o in b["options"])
    got = Counter(v.option_id for v in votes)
    assert sorted(got.get(o, 0) for o in options) == expected


def test_demo_milestones_lead_to_the_kreistag_in_december_2022(
    store: Store, demo: OpResult
) -> None:
    milestones = sorted(live(store, Milestone), key=lambda m: m.due_on)
    in_phase_a = [m for m in milestones if m.due_on <= dt.date(2022, 12, 31)]
    assert len(in_phase_a) >= 5
    assert in_phase_a[-1].due_on.year == 2022
    assert in_phase_a[-1].due_on.month == 12
    kreistag = [m for m in milestones if "Kreistag" in m.title]
    assert len(kreistag) == 1
    assert (kreistag[0].due_on.year, kreistag[0].due_on.month) == (2022, 12)
    # The 2022 timeline runs from the workshop in January to the Kreistag in December.
    months = {m.due_on.month for m in milestones if m.due_on.year == 2022}
    assert {1, 12} <= months


def test_undoing_the_demo_leaves_no_live_rows(store: Store, demo: OpResult) -> None:
    undone = store.apply(demo.inverse)
    assert live_row_count(store) == 0
    assert store.read(count_projects) == 0
    assert store.read(load_tree) == ()
    assert undone.changes.deleted == demo.changes.created
    # Redo brings all of it back.
    store.apply(undone.inverse)
    assert live_row_count(store) == sum(len(ids) for ids in demo.changes.created.values())
