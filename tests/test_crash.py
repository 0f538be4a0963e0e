"""Crash test: a writer killed with SIGKILL at random moments loses nothing it acknowledged.

A worker process (tests/crash_worker.py) makes a stream of edits and votes on one database
holding the demo project and is killed with SIGKILL, 24 times, on the same file, so whatever
a kill leaves behind (a hot WAL, a half-done checkpoint) is what the next round starts from.
After every kill, with a plain ``sqlite3`` connection:

* ``PRAGMA integrity_check`` says ok and ``PRAGMA foreign_key_check`` finds nothing;
* every acknowledged change is there: created ideas and votes exist with their values, and
  each idea field holds the value of its last acknowledged change;
* the one operation in flight at the kill (announced, not acknowledged) is in completely or
  not at all, and no row exists that no operation made (exact row counts);
* the change log agrees with the rows (sync exports it) and holds every acknowledged
  operation with the stamp it was acknowledged with; stamps keep rising across restarts.

In the middle and at the end the real app opens the folder offscreen and reports ready, and
``Store.open`` and its integrity check accept the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest
from sqlalchemy import func, select

from myk10_workshop.app import QUIT_WHEN_READY, READY_MARKER
from myk10_workshop.demo import demo_operation
from myk10_workshop.paths import DataDir
from myk10_workshop.projects.queries import load_counts, load_tree
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import CREATED
from myk10_workshop.store.schema import Idea, Vote

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"),
                       reason="needs SIGKILL (POSIX); Windows cannot kill a process that way"),
]

WORKER = Path(__file__).with_name("crash_worker.py")
APP = [sys.executable, "-m", "myk10_workshop"]
#: Change it (environment MYK10_CRASH_SEED) to explore other kill timings.
SEED = int(os.environ.get("MYK10_CRASH_SEED", "20240611"))
ROUNDS = 24
#: Rounds in which the kill comes at any moment after the start, even while the store opens;
#: the others wait until the worker is writing, then kill after a random delay.
EARLY_KILL_EVERY = 6
WRITING_DELAY = (0.15, 1.2)
EARLY_DELAY = (0.0, 0.8)
APP_CHECK_ROUNDS = frozenset({ROUNDS // 2 - 1, ROUNDS - 1})
READY_TIMEOUT = 60.0
MIN_ACKNOWLEDGED = 500
MIN_KILLS_MID_WORK = 20
#: The offscreen platform plugin's own notice on stderr.
QT_NOTICE = "This plugin does not support propagateSizeHints"


# ---------------------------------------------------------------------------- worker runs


class LineReader(threading.Thread):
    """Collects the worker's complete stdout lines without ever blocking the kill timer."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__(name="crash-line-reader", daemon=True)
        self.stream = stream
        self.records: list[dict[str, Any]] = []
        self.partial = ""
        self.ready = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            for line in self.stream:
                if not line.endswith("\n"):  # cut off by the kill: never written whole
                    self.partial = line
                    break
                record = json.loads(line)
                self.records.append(record)
                if record["event"] == "ready":
                    self.ready.set()
        except BaseException as exc:  # handed to the test thread, which raises it
            self.error = exc


@dataclass
class Round:
    number: int
    seed: int
    early: bool
    delay: float
    returncode: int
    stderr: str
    acknowledged: list[tuple[dict[str, Any], dict[str, Any]]]
    in_flight: dict[str, Any] | None
    ready: bool

    def describe(self) -> str:
        return (f"round {self.number} (worker seed {self.seed}, test seed {SEED}, "
                f"{'early' if self.early else 'writing'} kill after {self.delay:.2f} s)")


def pair_up(records: list[dict[str, Any]]) -> tuple[
        list[tuple[dict[str, Any], dict[str, Any]]], dict[str, Any] | None]:
    """Intents with their acknowledgements, and the one intent left open by the kill."""
    acknowledged: list[tuple[dict[str, Any], dict[str, Any]]] = []
    open_intent: dict[str, Any] | None = None
    for record in records:
        if record["event"] == "intent":
            assert open_intent is None, f"two operations at once: {open_intent}, {record}"
            open_intent = record
        elif record["event"] == "ack":
            assert open_intent is not None and open_intent["seq"] == record["seq"], record
            acknowledged.append((open_intent, record))
            open_intent = None
    return acknowledged, open_intent


def run_worker(database: Path, number: int, rng: random.Random, logs: Path) -> Round:
    seed = rng.randrange(1, 2**31)
    early = number % EARLY_KILL_EVERY == EARLY_KILL_EVERY - 1
    delay = rng.uniform(*(EARLY_DELAY if early else WRITING_DELAY))
    error_file = logs / f"worker-{number:02d}.stderr"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with error_file.open("w", encoding="utf-8") as errors, subprocess.Popen(
            [sys.executable, str(WORKER), str(database), str(seed)], stdout=subprocess.PIPE,
            stderr=errors, text=True, encoding="utf-8", env=env) as process:
        assert process.stdout is not None
        reader = LineReader(process.stdout)
        reader.start()
        try:
            if not early:
                # Synchronised on the worker's own word, not on a guess of its start time.
                reader.ready.wait(READY_TIMEOUT)
            time.sleep(delay)  # the random moment of the kill
        finally:
            os.kill(process.pid, signal.SIGKILL)
            returncode = process.wait(timeout=60)
            reader.join(timeout=60)
    if reader.error is not None:
        raise reader.error
    acknowledged, in_flight = pair_up(reader.records)
    return Round(number, seed, early, delay, returncode,
                 error_file.read_text(encoding="utf-8"), acknowledged, in_flight,
                 reader.ready.is_set())


# ---------------------------------------------------------------------------- the database


@dataclass
class Snapshot:
    """What a plain sqlite3 connection finds in the file after a kill."""

    integrity: list[str]
    foreign_key_faults: list[tuple[Any, ...]]
    ideas: dict[str, dict[str, Any]]
    votes: dict[str, dict[str, Any]]
    distinct_client_vote_ids: int
    op_stamps: dict[str, tuple[int, int]]
    idea_log: dict[tuple[str, str], Any]
    vote_log: dict[str, Any]


@contextlib.contextmanager
def read_only(database: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def snapshot(database: Path) -> Snapshot:
    with read_only(database) as db:
        integrity = [str(row[0]) for row in db.execute("PRAGMA integrity_check")]
        foreign_key_faults = [tuple(row) for row in db.execute("PRAGMA foreign_key_check")]
        ideas = {
            row[0]: {"text": row[1], "x": row[2], "y": row[3], "deleted": bool(row[4]),
                     "board_id": row[5]}
            for row in db.execute("SELECT id, text, x, y, deleted, board_id FROM idea")}
        votes = {
            row[0]: {"ballot_id": row[1], "option_id": row[2], "voter_hash": row[3],
                     "client_vote_id": row[4], "deleted": bool(row[5])}
            for row in db.execute("SELECT id, ballot_id, option_id, voter_hash, "
                                  "client_vote_id, deleted FROM vote")}
        (distinct,) = db.execute("SELECT COUNT(DISTINCT client_vote_id) FROM vote").fetchone()
        op_stamps = {op_id: (low, high) for op_id, low, high in db.execute(
            "SELECT op_id, MIN(hlc), MAX(hlc) FROM change_log GROUP BY op_id")}
        idea_log: dict[tuple[str, str], Any] = {}
        for entity_id, name, value in db.execute(
                "SELECT entity_id, field, value FROM change_log WHERE entity = 'idea' "
                "AND field IN ('text', 'x', 'y', 'deleted', ?) ORDER BY seq", (CREATED,)):
            # A new row is one entry with all its fields.
            fields = _logged(value) if name == CREATED else {name: _logged(value)}
            for field_name in ("text", "x", "y", "deleted"):
                if field_name in fields:
                    idea_log[(entity_id, field_name)] = fields[field_name]
        vote_log = {entity_id: _logged(value)["client_vote_id"] for entity_id, value in db.execute(
            "SELECT entity_id, value FROM change_log WHERE entity = 'vote' "
            "AND field = ? ORDER BY seq", (CREATED,))}
    return Snapshot(integrity, foreign_key_faults, ideas, votes, distinct, op_stamps, idea_log,
                    vote_log)


def _logged(value: str | float | None) -> Any:
    """A change log value as the store reads it back. The column is declared JSON, which
    gives it NUMERIC affinity in SQLite: JSON numbers are stored as numbers (0.0 even as the
    integer 0), the rest as JSON text."""
    return json.loads(value) if isinstance(value, str) else value


@dataclass
class Expected:
    """Everything acknowledged so far (plus in-flight operations found committed)."""

    base_ideas: int
    base_votes: int
    idea_fields: dict[tuple[str, str], Any] = field(default_factory=dict)
    created_ideas: set[str] = field(default_factory=set)
    deleted_ideas: set[str] = field(default_factory=set)
    votes: dict[str, dict[str, Any]] = field(default_factory=dict)
    op_stamps: dict[str, int] = field(default_factory=dict)
    last_stamp: int = 0
    operations: int = 0
    changes: int = 0

    def absorb(self, intent: dict[str, Any]) -> None:
        for change in intent["changes"]:
            entity_id = change["id"]
            if change["kind"] == "vote":
                assert entity_id not in self.votes, f"vote id used twice: {change}"
                self.votes[entity_id] = change["fields"]
                continue
            if change["create"]:
                assert entity_id not in self.created_ideas, f"idea created twice: {change}"
                self.created_ideas.add(entity_id)
            if change["fields"].get("deleted") is True:
                self.deleted_ideas.add(entity_id)
            for name, value in change["fields"].items():
                self.idea_fields[(entity_id, name)] = value

    def acknowledge(self, intent: dict[str, Any], ack: dict[str, Any]) -> None:
        assert ack["stamp"] > self.last_stamp, (
            f"stamp of acknowledged operation {ack} is not above the previous one "
            f"({self.last_stamp}): the clock went back across a restart")
        self.last_stamp = ack["stamp"]
        self.op_stamps[ack["op_id"]] = ack["stamp"]
        self.operations += 1
        self.changes += len(intent["changes"])
        self.absorb(intent)


def in_flight_outcome(intent: dict[str, Any], snap: Snapshot) -> list[tuple[str, bool]]:
    """For each row and field the open operation touches: is its new value there?"""
    found: list[tuple[str, bool]] = []
    for change in intent["changes"]:
        rows = snap.ideas if change["kind"] == "idea" else snap.votes
        row = rows.get(change["id"])
        if change["create"]:
            found.append((f"{change['kind']} {change['id']} exists", row is not None))
            continue
        for name, value in change["fields"].items():
            found.append((f"{change['kind']} {change['id']}.{name} = {value!r}",
                          row is not None and row[name] == value))
    return found


def problems_with(snap: Snapshot, expected: Expected) -> list[str]:
    problems: list[str] = []
    if snap.integrity != ["ok"]:
        problems.append(f"PRAGMA integrity_check: {snap.integrity[:10]}")
    if snap.foreign_key_faults:
        problems.append(f"PRAGMA foreign_key_check: {snap.foreign_key_faults[:10]}")
    problems += missing_ideas(snap, expected)
    problems += missing_votes(snap, expected)
    problems += unexplained_rows(snap, expected)
    problems += change_log_faults(snap, expected)
    return problems


def missing_ideas(snap: Snapshot, expected: Expected) -> Iterator[str]:
    missing: set[str] = set()
    for (idea_id, name), value in expected.idea_fields.items():
        row = snap.ideas.get(idea_id)
        if row is None:
            if idea_id not in missing:  # one line per missing idea is enough
                missing.add(idea_id)
                yield f"acknowledged idea {idea_id} is missing"
        elif row[name] != value:
            yield f"idea {idea_id}.{name} is {row[name]!r}, acknowledged {value!r}"


def missing_votes(snap: Snapshot, expected: Expected) -> Iterator[str]:
    for vote_id, fields in expected.votes.items():
        vote = snap.votes.get(vote_id)
        if vote is None:
            yield f"acknowledged vote {vote_id} ({fields['client_vote_id']}) is missing"
        elif vote != fields:
            yield f"vote {vote_id} is {vote}, acknowledged {fields}"


def unexplained_rows(snap: Snapshot, expected: Expected) -> Iterator[str]:
    """Exact counts: no row that no operation made, no vote counted twice."""
    if len(snap.ideas) != expected.base_ideas + len(expected.created_ideas):
        yield (f"{len(snap.ideas)} idea rows, expected {expected.base_ideas} demo + "
               f"{len(expected.created_ideas)} created")
    if len(snap.votes) != expected.base_votes + len(expected.votes):
        yield (f"{len(snap.votes)} vote rows, expected {expected.base_votes} demo + "
               f"{len(expected.votes)} cast")
    if snap.distinct_client_vote_ids != len(snap.votes):
        yield (f"{len(snap.votes)} votes but {snap.distinct_client_vote_ids} distinct "
               "client_vote_id")


def change_log_faults(snap: Snapshot, expected: Expected) -> Iterator[str]:
    """The change log is what sync exports: it holds every acknowledged operation with its
    stamp, and its last word on each field is the row's value."""
    for op_id, stamp in expected.op_stamps.items():
        if snap.op_stamps.get(op_id) != (stamp, stamp):
            yield (f"change log of acknowledged operation {op_id}: "
                   f"{snap.op_stamps.get(op_id)}, acknowledged stamp {stamp}")
    for idea_id, row in snap.ideas.items():
        for name in ("text", "x", "y", "deleted"):
            logged = snap.idea_log.get((idea_id, name))
            if logged != row[name]:
                yield f"idea {idea_id}.{name}: row {row[name]!r}, change log {logged!r}"
    for vote_id, vote in snap.votes.items():
        if snap.vote_log.get(vote_id) != vote["client_vote_id"]:
            yield (f"vote {vote_id}: change log {snap.vote_log.get(vote_id)!r}, "
                   f"row {vote['client_vote_id']!r}")


def check_round(database: Path, outcome: Round, expected: Expected) -> bool:
    """Fold the round into ``expected`` and check the file; True when the open operation
    turned out to be committed although its acknowledgement never came."""
    where = outcome.describe()
    assert outcome.returncode == -signal.SIGKILL, (
        f"{where}: the worker ended on its own (status {outcome.returncode}) before the kill:"
        f"\n{outcome.stderr}")
    assert not outcome.stderr.strip(), f"{where}: the worker wrote to stderr:\n{outcome.stderr}"
    assert outcome.early or outcome.ready, f"{where}: the worker never became ready"
    snap = snapshot(database)
    committed_unacknowledged = False
    there: list[str] = []
    if outcome.in_flight is not None:
        found = in_flight_outcome(outcome.in_flight, snap)
        there = [what for what, present in found if present]
        assert len(there) in (0, len(found)), (
            f"{where}: operation {outcome.in_flight['op']} (seq {outcome.in_flight['seq']}) "
            f"was half applied; present: {there}; missing: "
            f"{[what for what, present in found if not present]}")
    for intent, ack in outcome.acknowledged:
        expected.acknowledge(intent, ack)
    if outcome.in_flight is not None and there:  # committed, the kill took only its ack
        expected.absorb(outcome.in_flight)
        committed_unacknowledged = True
    problems = problems_with(snap, expected)
    assert not problems, (f"{where}: {len(problems)} problems after the kill:\n"
                          + "\n".join(problems[:25]))
    return committed_unacknowledged


# ---------------------------------------------------------------------------- the app


def check_app_opens(data: DataDir, expected: Expected) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_WHEN_READY: "1"}
    result = subprocess.run([*APP, "--data-dir", str(data.root)], capture_output=True,
                            text=True, encoding="utf-8", timeout=120, env=env, check=False)
    output = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0, output
    assert READY_MARKER in result.stdout.splitlines(), output
    stderr = [line for line in result.stderr.splitlines() if QT_NOTICE not in line]
    assert not [line for line in stderr
                if "Traceback" in line or " ERROR " in line or " CRITICAL " in line], output
    if data.log_file.exists():
        logged = data.log_file.read_text(encoding="utf-8")
        assert not [line for line in logged.splitlines()
                    if any(word in line for word in (" WARNING ", " ERROR ", " CRITICAL ",
                                                     "Traceback"))], logged

    store = Store.open(data.database, data.backups)
    try:
        assert store.integrity_check() == "ok"
        (project,) = store.read(load_tree)
        assert project.name == "Smarte Region MYK10"
        live = expected.base_ideas + len(expected.created_ideas) - len(expected.deleted_ideas)
        assert store.read(lambda session: load_counts(session, project.id)).ideas == live
        votes = store.read(lambda session: session.scalar(
            select(func.count()).select_from(Vote).where(Vote.deleted.is_(False))))
        assert votes == expected.base_votes + len(expected.votes)
    finally:
        store.close()


# ---------------------------------------------------------------------------- the test


def test_sigkill_at_random_moments_loses_no_acknowledged_change(tmp_path: Path) -> None:
    started = time.monotonic()
    data = DataDir(tmp_path / "data")
    logs = tmp_path / "worker-logs"
    logs.mkdir()
    store = Store.open(data.database, data.backups)
    try:
        store.apply(demo_operation())
        base_ideas = store.read(lambda s: s.scalar(select(func.count()).select_from(Idea)))
        base_votes = store.read(lambda s: s.scalar(select(func.count()).select_from(Vote)))
    finally:
        store.close()
    assert base_ideas and base_votes
    expected = Expected(base_ideas=base_ideas, base_votes=base_votes)

    rng = random.Random(SEED)
    kills_mid_work = 0  # the worker had acknowledged at least one change
    kills_inside_apply = 0  # an operation was announced and not yet acknowledged
    committed_unacknowledged = 0
    for number in range(ROUNDS):
        outcome = run_worker(data.database, number, rng, logs)
        kills_mid_work += bool(outcome.acknowledged)
        kills_inside_apply += outcome.in_flight is not None
        committed_unacknowledged += check_round(data.database, outcome, expected)
        if number in APP_CHECK_ROUNDS:
            check_app_opens(data, expected)

    summary = (f"crash test (seed {SEED}): {ROUNDS} kills, {kills_mid_work} after the worker "
               f"had acknowledged changes, {kills_inside_apply} inside Store.apply, "
               f"{committed_unacknowledged} committed but unacknowledged; "
               f"{expected.operations} acknowledged operations with {expected.changes} "
               f"changes ({len(expected.created_ideas)} ideas created, {len(expected.votes)} "
               f"votes); {time.monotonic() - started:.1f} s")
    print(summary)
    assert expected.changes > MIN_ACKNOWLEDGED, summary
    assert kills_mid_work >= MIN_KILLS_MID_WORK, summary
