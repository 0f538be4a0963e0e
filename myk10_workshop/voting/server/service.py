"""Between the web and the store: reads for pages, votes through the one writer, live news.

The service runs in the server's threads, never in the GUI. Writes go to the app's single
store writer (the same queue the facilitator's edits use), so a vote acknowledged to a
phone is committed. Phones that listen for news (server-sent events) get a nudge whenever a
ballot of the workshop changes, whoever changed it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from sqlalchemy.orm import Session

from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import ChangeSet, Operation, OpResult
from myk10_workshop.voting.queries import BallotView, load_ballot

T = TypeVar("T")

# Kinds of rows whose change a phone may need to see, and the events that say so.
BALLOT_KINDS = ("ballot", "ballot_option")
VOTE_KINDS = ("vote", "paper_tally")
BALLOTS_EVENT = "ballots"
VOTES_EVENT = "votes"
END_EVENT = ""
VOTES_EVERY = 2.0
# Ballots kept for the pages and votes (a few per session; a crowd of made-up ids is not
# kept: only ballots that exist are).
BALLOT_CACHE_SIZE = 64


class VotingService:
    def __init__(self, store: Store, submit: Callable[[Operation], Future[OpResult]],
                 workshop_id: uuid.UUID, token: str, *, title: str = "",
                 join_code: str = "",
                 on_change: Callable[[ChangeSet], None] | None = None) -> None:
        self.store = store
        self._submit = submit
        self.workshop_id = workshop_id
        self.token = token
        # The workshop's name, shown at the top of every page.
        self.title = title
        # The short code typed at the server's bare address instead of scanning.
        self.join_code = join_code
        self._on_change = on_change
        self._listeners: set[asyncio.Queue[str]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._scheduled: set[str] = set()
        # How often each kind of news went out: a page carries the numbers it was made
        # with, and a phone that connects later learns at once whether it missed news.
        self._versions = {BALLOTS_EVENT: 0, VOTES_EVENT: 0}
        self._lock = threading.Lock()
        # Ballot id -> (the store's count of ballot changes when it was read, the ballot):
        # every post of a vote needs its ballot, which changes rarely.
        self._ballots: dict[uuid.UUID, tuple[int, BallotView]] = {}

    # ----------------------------------------------------------------- identity

    def voter_hash(self, device_token: str) -> str:
        """What is stored of a phone: a hash of its random cookie, salted with the session
        token, so the same phone cannot be recognised across sessions."""
        return hashlib.sha256(f"{self.token}:{device_token}".encode()).hexdigest()

    # ----------------------------------------------------------------- store

    def read(self, query: Callable[[Session], T]) -> T:
        return self.store.read(query)

    def write(self, operation: Operation, timeout: float = 30.0) -> OpResult:
        """Queue on the writer and wait for the commit (in a worker thread, not the loop)."""
        return self._queue(operation).result(timeout=timeout)

    async def write_async(self, operation: Operation, timeout: float = 30.0) -> OpResult:
        """Queue on the writer and wait for the commit on the event loop: no thread of the
        loop's executor is held while the writer works."""
        async with asyncio.timeout(timeout):
            return await asyncio.wrap_future(self._queue(operation))

    def _queue(self, operation: Operation) -> Future[OpResult]:
        future = self._submit(operation)
        # The window and the phones hear of the change from the writer, the moment it is
        # committed, not once this server's loop next gets round to the answer.
        future.add_done_callback(self._saved)
        return future

    def _saved(self, future: Future[OpResult]) -> None:
        if future.cancelled() or future.exception() is not None:
            return
        changes = future.result().changes
        if changes:
            if self._on_change is not None:
                self._on_change(changes)
            self.publish(changes)

    def cached_ballot(self, ballot_id: uuid.UUID) -> BallotView | None:
        """The ballot as last read, if nothing of any ballot changed since; else None."""
        found = self._ballots.get(ballot_id)
        if found is not None and found[0] == self.store.change_count(*BALLOT_KINDS):
            return found[1]
        return None

    def load_ballot(self, ballot_id: uuid.UUID) -> BallotView | None:
        """The ballot with its live options, read now (and kept for :meth:`cached_ballot`);
        None when it is gone. Blocks: for a worker thread."""
        # Counted before reading: a change committed meanwhile makes the entry stale.
        count = self.store.change_count(*BALLOT_KINDS)
        view = self.store.read(lambda session: load_ballot(session, ballot_id))
        with self._lock:
            if view is None:
                self._ballots.pop(ballot_id, None)
            else:
                if len(self._ballots) >= BALLOT_CACHE_SIZE:
                    self._ballots.clear()
                self._ballots[ballot_id] = (count, view)
        return view

    # ----------------------------------------------------------------- news for phones

    def bind_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        with self._lock:
            self._loop = loop
            # News due on a loop that is gone never goes out; a new loop starts afresh.
            self._scheduled.clear()

    def versions(self) -> dict[str, int]:
        """The count of changes of each kind so far (ballots, votes), for pages and
        phones that connect."""
        with self._lock:
            return dict(self._versions)

    def listen(self) -> asyncio.Queue[str]:
        queue: asyncio.Queue[str] = asyncio.Queue(maxsize=16)
        with self._lock:
            self._listeners.add(queue)
        return queue

    def forget(self, queue: asyncio.Queue[str]) -> None:
        with self._lock:
            self._listeners.discard(queue)

    def listener_count(self) -> int:
        with self._lock:
            return len(self._listeners)

    def publish(self, changes: ChangeSet) -> None:
        """Tell listening phones what changed (thread-safe, from any thread).

        "ballots" (a ballot opened, closed, changed its options) goes out at once; "votes"
        (new votes or paper tallies) at most every :data:`VOTES_EVERY` seconds, so a burst
        of votes does not make every phone's results page reload hundreds of times.
        """
        if changes.touches(*BALLOT_KINDS):
            self._count(BALLOTS_EVENT)
            self._nudge(BALLOTS_EVENT, 0.0)
        if changes.touches(*VOTE_KINDS):
            self._count(VOTES_EVENT)
            self._nudge(VOTES_EVENT, VOTES_EVERY)

    def _count(self, event: str) -> None:
        with self._lock:
            self._versions[event] += 1

    def _nudge(self, event: str, delay: float) -> None:
        loop = self._loop
        with self._lock:
            if loop is None or loop.is_closed() or event in self._scheduled:
                return
            self._scheduled.add(event)
        try:
            loop.call_soon_threadsafe(self._schedule, event, delay)
        except RuntimeError:  # the loop closed in between: the session is ending
            with self._lock:
                self._scheduled.discard(event)

    def _schedule(self, event: str, delay: float) -> None:
        assert self._loop is not None
        self._loop.call_later(delay, self._broadcast, event)

    def _broadcast(self, event: str) -> None:
        with self._lock:
            self._scheduled.discard(event)
            listeners = list(self._listeners)
        for queue in listeners:
            if queue.full():  # a phone that does not read: it reloads anyway
                continue
            queue.put_nowait(event)

    def end_streams(self) -> None:
        """Close every live-news stream (the session stops); thread-safe."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._end_all)

    def _end_all(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for queue in listeners:
            while not queue.empty():
                queue.get_nowait()
            queue.put_nowait(END_EVENT)
