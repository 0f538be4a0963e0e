"""A real participants' server on loopback, and phones that talk to it over real HTTP.

:class:`Live` is one started :class:`LiveSession` on its own database with a workshop, its
board and a second workshop; :class:`Phone` is one device (one cookie jar) using httpx.
Nothing of the server is mocked: requests go through uvicorn, the middleware and the app,
votes through the store writer into SQLite.
"""

from __future__ import annotations

import hashlib
import html
import re
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from myk10_workshop.i18n import Message
from myk10_workshop.store.database import Store, StoreWriter
from myk10_workshop.store.entities import RULES
from myk10_workshop.store.operations import Batch, Create, Operation, OpResult
from myk10_workshop.store.schema import ChangeLogEntry, Idea, Vote
from myk10_workshop.voting import operations as ops
from myk10_workshop.voting import queries
from myk10_workshop.voting.server.app import DEVICE_COOKIE
from myk10_workshop.voting.server.session import LiveSession, SessionInfo

LABEL = Message("Test", "Test step")
WORKSHOP_TITLE = "Strategie-Workshop"
SECURITY = {
    "content-security-policy": "default-src 'none'",
    "x-content-type-options": "nosniff",
}
Snapshot = dict[tuple[str, uuid.UUID], dict[str, Any]]


@dataclass
class Live:
    """A running session and what a test needs to check what reached the database."""

    store: Store
    writer: StoreWriter
    session: LiveSession
    info: SessionInfo
    workshop: uuid.UUID
    board: uuid.UUID
    other_workshop: uuid.UUID
    # One connection pool for all phones (a client of its own each would cost ~30 ms to
    # make); cookies stay each phone's own.
    transport: httpx.HTTPTransport = field(default_factory=httpx.HTTPTransport)

    @property
    def token(self) -> str:
        return self.info.token

    def url(self, path: str = "") -> str:
        return f"/{self.token}/{path}"

    def apply(self, operation: Operation) -> OpResult:
        """A facilitator's change, through the one store writer (as the window does it)."""
        return self.writer.submit(operation).result(timeout=10)

    def ballot(self, kind: str, settings: dict[str, Any] | None = None, *, count: int = 3,
               status: str = "open", title: str | None = None,
               labels: list[str] | None = None, workshop: uuid.UUID | None = None,
               ) -> tuple[uuid.UUID, list[uuid.UUID]]:
        """A new ballot of ``kind`` (draft, open or closed) and its option ids in order."""
        names = labels or [f"Option {n + 1}" for n in range(count)]
        options = [] if kind == "open_text" else [(name, None, None) for name in names]
        batch = ops.create_ballot(
            workshop or self.workshop, kind, title or f"Abstimmung {kind}", settings=settings,
            options=options, board_id=self.board if kind == "open_text" else None)
        self.apply(batch)
        ballot_id: uuid.UUID = batch.operations[0].id  # type: ignore[attr-defined]
        if status != "draft":
            self.apply(ops.open_ballot(ballot_id))
        if status == "closed":
            self.apply(ops.close_ballot(ballot_id))
        view = self.store.read(lambda s: queries.load_ballot(s, ballot_id))
        assert view is not None
        return ballot_id, [option.id for option in view.options]

    def phone(self, language: str = "en", *, join: bool = True) -> Phone:
        """A new device; by default it has opened the join page (and got its cookie)."""
        phone = Phone(self, httpx.Client(
            base_url=self.info.base_url, timeout=10, follow_redirects=False,
            transport=self.transport, headers={"accept-language": language}))
        if join:
            answer = phone.get(self.url())
            assert answer.status_code == 200, answer.text
            assert phone.device
        return phone

    def voter(self, phone: Phone) -> str:
        """The hash the server stores for ``phone``."""
        return hashlib.sha256(f"{self.token}:{phone.device}".encode()).hexdigest()

    # ----------------------------------------------------------------- what was stored

    def votes(self, ballot_id: uuid.UUID) -> dict[tuple[str, uuid.UUID | None],
                                                   tuple[float | None, float | None]]:
        """The live votes of a ballot: (voter, option) -> (value, value_y)."""
        def query(session: Session) -> dict[tuple[str, uuid.UUID | None],
                                             tuple[float | None, float | None]]:
            return {(voter, option): (value, value_y)
                    for voter, option, value, value_y in session.execute(
                        select(Vote.voter_hash, Vote.option_id, Vote.value, Vote.value_y)
                        .where(Vote.ballot_id == ballot_id, Vote.deleted.is_(False)))}
        return self.store.read(query)

    def vote_rows(self, ballot_id: uuid.UUID) -> int:
        """Every vote row of a ballot, withdrawn ones and withdrawal markers included."""
        return self.store.read(lambda s: s.scalar(
            select(func.count()).select_from(Vote).where(Vote.ballot_id == ballot_id))) or 0

    def ideas(self) -> list[dict[str, Any]]:
        return self.store.read(lambda s: [dict(row) for row in s.execute(
            select(Idea.__table__).where(Idea.board_id == self.board)).mappings()])

    def log_count(self) -> int:
        return self.store.read(lambda s: s.scalar(
            select(func.count()).select_from(ChangeLogEntry))) or 0

    def snapshot(self) -> tuple[Snapshot, int]:
        """Every row of every kind with all its values, and the length of the change log."""
        def query(session: Session) -> Snapshot:
            found: Snapshot = {}
            for kind, entity in RULES.items():
                for values in session.execute(select(entity.table)).mappings():
                    found[(kind, values["id"])] = dict(values)
            return found
        return self.store.read(query), self.log_count()

    def database_bytes(self) -> bytes:
        """The database file with its write-ahead log, as bytes on the disk."""
        path = self.store.path
        return b"".join(candidate.read_bytes() for candidate in sorted(path.parent.iterdir())
                        if candidate.name.startswith(path.name))

    def close(self) -> None:
        self.transport.close()
        self.session.stop()
        self.writer.close(wait=True)


@dataclass
class Phone:
    """One participant's phone: its own cookies, real HTTP requests."""

    live: Live
    client: httpx.Client

    @property
    def device(self) -> str | None:
        return self.client.cookies.get(DEVICE_COOKIE)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.get(path, **kwargs)

    def form(self, ballot_id: uuid.UUID) -> httpx.Response:
        answer = self.get(self.live.url(f"b/{ballot_id}"))
        assert answer.status_code == 200, answer.text
        return answer

    def vote(self, ballot_id: uuid.UUID, fields: Mapping[str, str], *,
             submission: str | None = None, json: bool = False,
             **headers: str) -> httpx.Response:
        """Post the ballot's form as the page does (urlencoded, with a submission id)."""
        data = dict(fields)
        if submission != "":
            data.setdefault("submission", submission or uuid.uuid4().hex)
        if json:
            headers["accept"] = "application/json"
        return self.client.post(self.live.url(f"b/{ballot_id}"), data=data,
                                headers=headers)

    def send(self, ballot_id: uuid.UUID, content: bytes, content_type: str,
             **headers: str) -> httpx.Response:
        """Post raw bytes (what a broken or hostile client sends)."""
        return self.client.post(self.live.url(f"b/{ballot_id}"), content=content,
                                headers={"content-type": content_type, **headers})


def start_live(folder: Path) -> Live:
    """A migrated database in ``folder`` with two workshops, and a session on loopback."""
    store = Store.open(folder / "myk10-workshop.sqlite3")
    project = Create("project", {"name": "Smarte Region MYK10"})
    workshop = Create("workshop", {"project_id": project.id, "title": WORKSHOP_TITLE})
    board = Create("board", {"workshop_id": workshop.id, "title": "Ideen"})
    other = Create("workshop", {"project_id": project.id, "title": "Anderer Workshop"})
    store.apply(Batch((project, workshop, board, other), LABEL))
    writer = StoreWriter(store)
    # The writer's thread starts now, not inside a test (the house rules count threads).
    writer.call(lambda _store: None).result()
    session = LiveSession(store, writer.submit, workshop.id, WORKSHOP_TITLE)
    try:
        info = session.start("127.0.0.1")
    except BaseException:
        writer.close()
        store.close()
        raise
    return Live(store, writer, session, info, workshop.id, board.id, other.id)


def live_session(folder: Path) -> Iterator[Live]:
    """Fixture body: a started session, stopped and closed afterwards."""
    live = start_live(folder)
    try:
        yield live
    finally:
        live.close()
        live.store.close()


# --------------------------------------------------------------------------- reading pages


def text_of(answer: httpx.Response) -> str:
    """The visible text of a page: tags dropped, entities decoded, spaces collapsed."""
    without_tags = re.sub(r"<[^>]*>", " ", answer.text)
    return " ".join(html.unescape(without_tags).split())


def submission_of(answer: httpx.Response) -> str:
    found = re.search(r'name="submission" value="([^"]+)"', answer.text)
    assert found, "the form has no submission id"
    return found.group(1)


def ballot_items(answer: httpx.Response) -> dict[str, str]:
    """The join page's list: ballot id -> the visible text of its line."""
    items = {}
    for item in re.findall(r"<li>(.*?)</li>", answer.text, flags=re.DOTALL):
        found = re.search(r'href="/[^/"]+/b/([0-9a-f-]{36})"', item)
        if found:
            items[found.group(1)] = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", item))
                                             .split())
    return items


def has_security_headers(answer: httpx.Response | httpx.Headers) -> bool:
    headers = answer.headers if isinstance(answer, httpx.Response) else answer
    return all(wanted in headers.get(name, "") for name, wanted in SECURITY.items())
