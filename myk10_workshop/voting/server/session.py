"""A live session: one workshop's participants' server, from start to stop.

Made by the GUI (voting page) and by the headless voting station alike. It owns the
session token and join code, the web app and its server thread; the store and the single
writer belong to whoever starts it.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import ChangeSet, Operation, OpResult
from myk10_workshop.voting.server import runner
from myk10_workshop.voting.server.security import new_join_code, new_token
from myk10_workshop.voting.server.service import VotingService


@dataclass(frozen=True)
class SessionInfo:
    """What the facilitator shows: where phones go and the code to type instead."""

    host: str
    port: int
    token: str
    join_code: str

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def join_url(self) -> str:
        return f"http://{self.host}:{self.port}/{self.token}/"


class LiveSession:
    def __init__(self, store: Store, submit: Callable[[Operation], Future[OpResult]],
                 workshop_id: uuid.UUID, title: str, *,
                 on_change: Callable[[ChangeSet], None] | None = None) -> None:
        self.service = VotingService(store, submit, workshop_id, new_token(), title=title,
                                     join_code=new_join_code(), on_change=on_change)
        self._server: runner.ServerThread | None = None
        self.info: SessionInfo | None = None

    def start(self, host: str, ports: Iterable[int] = runner.PORTS) -> SessionInfo:
        """Serve on ``host`` at the first free port of ``ports``; returns the addresses.

        Raises :class:`OSError` when no port is free or the address is not the laptop's.
        """
        from myk10_workshop.voting.server.app import create_app

        sock = runner.bind(host, ports)
        server = runner.ServerThread(create_app(self.service), sock)
        server.start()
        self._server = server
        # While phones vote, a full pass of Python's garbage collector over everything
        # the app holds (boards of thousands of notes) stops every thread for 50 to 80 ms,
        # which phones in a burst wait for. What exists now lives on: the collector leaves
        # it alone until the session ends.
        gc.freeze()
        self.info = SessionInfo(server.host, server.port, self.service.token,
                                self.service.join_code)
        return self.info

    @property
    def running(self) -> bool:
        return self._server is not None and self._server.running

    def publish(self, changes: ChangeSet) -> None:
        """Tell the phones about a change made elsewhere (the facilitator's edits)."""
        self.service.publish(changes)

    def stop(self) -> None:
        if self._server is None:
            return
        self.service.end_streams()
        self._server.stop()
        self._server = None
        gc.unfreeze()

    def write_qr(self, path: Path) -> Path:
        from myk10_workshop.voting import qr

        assert self.info is not None, "start the session first"
        return qr.write_png(self.info.join_url, path)
