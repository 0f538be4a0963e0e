"""Worker process of the crash test (tests/test_crash.py): writes until it is killed.

Run as ``python tests/crash_worker.py DATABASE SEED``. It opens the store on an existing
database that holds the demo project and then, forever, makes a seeded random mix of what a
workshop produces: new ideas on the demo boards, ideas moved (one or a group at once), idea
texts edited (umlauts, emoji, combining accents, several lines, long texts), single votes and
a phone's dots cast together, and now and then one of its own ideas deleted.

Every operation is announced on stdout before it is applied and acknowledged after
``Store.apply`` returned, that is after its transaction committed. One JSON object a line:

* ``{"event": "ready", "pid": ...}`` once the store is open;
* ``{"event": "intent", "seq": n, "op": name, "changes": [...]}`` before ``Store.apply``:
  each change is ``{"kind": "idea" | "vote", "id": hex, "create": bool, "fields": {...}}``
  with the values the row must hold once the operation is in;
* ``{"event": "ack", "seq": n, "op_id": hex, "stamp": int}`` after it committed.

The test treats an acknowledged operation as promised to the user; the one operation that
was announced but not acknowledged when the kill came may be in the database or not, but
only as a whole. Nothing here catches errors: anything unexpected ends the process with a
traceback on stderr and a non-zero status, which the test reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from myk10_workshop.i18n import QT_TRANSLATE_NOOP
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Batch, Create, Delete, Operation, Update
from myk10_workshop.store.schema import Ballot, BallotOption, Board, Idea

#: Author of the ideas this worker creates; only those are ever deleted.
AUTHOR = "Crash-Test"

# Realistic German workshop notes, with what tends to break text handling.
PHRASES = (
    "Bürgerbus für die Dörfer im Maifeld",
    "Glasfaser überall 🚀",
    "Ökologische Landwirtschaft 🌱 stärken",
    "Straßenbeleuchtung smart schalten 💡",
    "Café\u0301 als Treffpunkt (NFD-Akzent)",
    "Café als Treffpunkt (NFC-Akzent)",
    "Familienzentrum 👨\u200d👩\u200d👧 in Mayen",
    "«Digitale Sprechstunde» im Rathaus",
    "Ärztehaus – Telemedizin für Ältere",
    "Größere Fahrradständer am Bahnhof 🚲",
    "日本語のテスト und Ümläute",
    "Zeile eins\nZeile zwei\n\tmit Tab",
    "Emoji-Kette 🎉🎉🎉 und 🇩🇪 Flagge",
)

COLOURS = ("#fff59d", "#ffccbc", "#c8e6c9", "#b3e5fc", "#e1bee7")


@dataclass
class IdeaState:
    board_id: uuid.UUID
    text: str
    x: float
    y: float
    own: bool


@dataclass(frozen=True)
class Change:
    kind: str
    id: uuid.UUID
    create: bool
    fields: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id.hex, "create": self.create,
                "fields": self.fields}


@dataclass(frozen=True)
class Planned:
    name: str
    operation: Operation
    changes: tuple[Change, ...]


def emit(record: dict[str, Any]) -> None:
    # ASCII JSON: no encoding questions on the pipe, whatever the locale.
    sys.stdout.write(json.dumps(record, ensure_ascii=True) + "\n")
    sys.stdout.flush()


class Worker:
    def __init__(self, store: Store, seed: int) -> None:
        self.store = store
        self.seed = seed
        self.rng = random.Random(seed)
        self.counter = 0
        self.boards: list[uuid.UUID] = store.read(
            lambda s: list(s.scalars(select(Board.id).where(Board.deleted.is_(False)))))
        self.options: list[tuple[uuid.UUID, uuid.UUID]] = store.read(self._load_options)
        self.ideas: dict[uuid.UUID, IdeaState] = store.read(self._load_ideas)
        if not self.boards or not self.options:
            raise RuntimeError("the database holds no demo boards or ballot options")

    @staticmethod
    def _load_options(session: Session) -> list[tuple[uuid.UUID, uuid.UUID]]:
        query = (select(BallotOption.id, BallotOption.ballot_id)
                 .join(Ballot, Ballot.id == BallotOption.ballot_id)
                 .where(BallotOption.deleted.is_(False), Ballot.deleted.is_(False))
                 .order_by(BallotOption.order_key))
        return [(option_id, ballot_id) for option_id, ballot_id in session.execute(query)]

    @staticmethod
    def _load_ideas(session: Session) -> dict[uuid.UUID, IdeaState]:
        query = select(Idea).where(Idea.deleted.is_(False))
        return {idea.id: IdeaState(idea.board_id, idea.text, idea.x, idea.y,
                                   idea.author == AUTHOR)
                for idea in session.scalars(query)}

    # ------------------------------------------------------------- values

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def text(self) -> str:
        self.counter += 1
        words = " ".join(self.rng.sample(PHRASES, self.rng.randint(1, 3)))
        if self.rng.random() < 0.05:  # a long note: rows that spill onto overflow pages
            words = (words + " ") * (1500 // (len(words) + 1))
        # A unique tail: every edit really changes the text.
        return f"{words} #{self.seed}-{self.counter}"

    def position(self, old: float | None = None) -> float:
        while True:
            value = round(self.rng.uniform(-2000.0, 6000.0), 2)
            if value != old:
                return value

    # --------------------------------------------------------- operations

    def plan(self) -> Planned:
        ideas = list(self.ideas)
        if not ideas:
            return self.create_idea()
        own = [idea_id for idea_id, idea in self.ideas.items() if idea.own]

        def group() -> list[uuid.UUID]:
            return self.rng.sample(ideas, min(len(ideas), self.rng.randint(2, 5)))

        # (weight, what): a workshop's mix of notes, moves, edits and votes.
        menu: list[tuple[float, Callable[[], Planned]]] = [
            (25, self.create_idea),
            (22, lambda: self.move([self.rng.choice(ideas)])),
            (15, lambda: self.edit(self.rng.choice(ideas))),
            (23, lambda: self.votes(1)),
            (7, lambda: self.votes(self.rng.randint(2, 5))),
            (5, lambda: self.move(group())),
            (3 if own else 0, lambda: self.delete(self.rng.choice(own))),
        ]
        (make,) = self.rng.choices([what for _, what in menu],
                                   weights=[weight for weight, _ in menu])
        return make()

    def create_idea(self) -> Planned:
        idea_id = self.new_id()
        board_id = self.rng.choice(self.boards)
        fields = {"text": self.text(), "x": self.position(), "y": self.position()}
        values = {**fields, "board_id": board_id, "author": AUTHOR,
                  "colour": self.rng.choice(COLOURS), "source": "typed", "state": "board"}
        change = Change("idea", idea_id, True,
                        {**fields, "board_id": board_id.hex, "deleted": False})
        return Planned("create_idea", Create("idea", values, id=idea_id), (change,))

    def move(self, idea_ids: list[uuid.UUID]) -> Planned:
        updates: list[Operation] = []
        changes: list[Change] = []
        for idea_id in idea_ids:
            idea = self.ideas[idea_id]
            fields = {"x": self.position(idea.x), "y": self.position(idea.y)}
            updates.append(Update("idea", idea_id, fields))
            changes.append(Change("idea", idea_id, False, fields))
        if len(updates) == 1:
            return Planned("move", updates[0], tuple(changes))
        label = QT_TRANSLATE_NOOP("Operation", "Move ideas")
        return Planned("move_group", Batch(tuple(updates), label), tuple(changes))

    def edit(self, idea_id: uuid.UUID) -> Planned:
        fields = {"text": self.text()}
        return Planned("edit_text", Update("idea", idea_id, fields),
                       (Change("idea", idea_id, False, fields),))

    def votes(self, count: int) -> Planned:
        """One vote, or a phone's dots on one ballot sent together (one transaction)."""
        option_id, ballot_id = self.rng.choice(self.options)
        same_ballot = [option for option, ballot in self.options if ballot == ballot_id]
        voter = hashlib.sha256(
            f"crash:{self.seed}:{self.rng.getrandbits(64)}".encode()).hexdigest()
        creates: list[Operation] = []
        changes: list[Change] = []
        for n in range(count):
            chosen = option_id if n == 0 else self.rng.choice(same_ballot)
            vote_id = self.new_id()
            client_vote_id = self.new_id().hex
            values = {"ballot_id": ballot_id, "option_id": chosen, "voter_hash": voter,
                      "client_vote_id": client_vote_id, "value": 1.0,
                      "cast_at": dt.datetime.now(dt.UTC).replace(tzinfo=None)}
            creates.append(Create("vote", values, id=vote_id))
            changes.append(Change("vote", vote_id, True, {
                "ballot_id": ballot_id.hex, "option_id": chosen.hex, "voter_hash": voter,
                "client_vote_id": client_vote_id, "deleted": False}))
        if count == 1:
            return Planned("vote", creates[0], tuple(changes))
        label = QT_TRANSLATE_NOOP("Operation", "Cast dots")
        return Planned("dots", Batch(tuple(creates), label), tuple(changes))

    def delete(self, idea_id: uuid.UUID) -> Planned:
        return Planned("delete_idea", Delete("idea", idea_id),
                       (Change("idea", idea_id, False, {"deleted": True}),))

    def remember(self, planned: Planned) -> None:
        """Keep the local picture of the ideas in step with what was just committed."""
        for change in planned.changes:
            if change.kind != "idea":
                continue
            if change.fields.get("deleted") is True:
                del self.ideas[change.id]
            elif change.create:
                self.ideas[change.id] = IdeaState(
                    uuid.UUID(change.fields["board_id"]), change.fields["text"],
                    change.fields["x"], change.fields["y"], own=True)
            else:
                idea = self.ideas[change.id]
                idea.text = change.fields.get("text", idea.text)
                idea.x = change.fields.get("x", idea.x)
                idea.y = change.fields.get("y", idea.y)

    def run(self) -> None:
        seq = 0
        while True:
            seq += 1
            planned = self.plan()
            emit({"event": "intent", "seq": seq, "op": planned.name,
                  "changes": [change.as_json() for change in planned.changes]})
            result = self.store.apply(planned.operation)
            emit({"event": "ack", "seq": seq, "op_id": result.op_id.hex,
                  "stamp": result.stamp})
            self.remember(planned)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.stderr.write("usage: crash_worker.py DATABASE SEED\n")
        return 2
    database, seed = Path(argv[1]), int(argv[2])
    if not database.is_file():
        raise FileNotFoundError(f"the test creates the database first: {database}")
    store = Store.open(database)
    worker = Worker(store, seed)
    emit({"event": "ready", "pid": os.getpid()})
    worker.run()
    return 1  # not reached: the worker runs until it is killed


if __name__ == "__main__":
    sys.exit(main(sys.argv))
