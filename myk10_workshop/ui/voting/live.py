"""The live session as the window sees it: start, stop, and news both ways.

Starting binds a socket and waits for the server thread; stopping waits for it to end:
both happen off the GUI thread. While a session runs, the facilitator's own edits (a ballot
opened, a tally typed in) are passed on to the phones, and the phones' votes come back
through the bridge as ordinary changes.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from myk10_workshop.i18n import QT_TRANSLATE_NOOP
from myk10_workshop.store.operations import ChangeSet
from myk10_workshop.ui.bridge import StoreBridge, render

if TYPE_CHECKING:
    from myk10_workshop.voting.server.runner import Address
    from myk10_workshop.voting.server.session import LiveSession, SessionInfo

log = logging.getLogger(__name__)

CANNOT_START = QT_TRANSLATE_NOOP(
    "LiveSession", "The live session could not start on {address}: {reason}. Choose another "
    "address, or check that no other program blocks it.")


class LiveController(QObject):
    # SessionInfo, once phones can connect.
    started = Signal(object)
    stopped = Signal()
    # A plain-language reason the session could not start.
    failed = Signal(str)
    # The laptop's addresses, listed in the background (a list of runner.Address).
    addresses_found = Signal(object)

    def __init__(self, bridge: StoreBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.session: LiveSession | None = None
        self.info: SessionInfo | None = None
        self.workshop_id: uuid.UUID | None = None
        self.workshop_title = ""
        self._busy = False
        bridge.changed.connect(self._pass_on)

    @property
    def running(self) -> bool:
        return self.info is not None

    @property
    def busy(self) -> bool:
        return self._busy

    def find_addresses(self) -> None:
        def work() -> list[Address]:
            from myk10_workshop.voting.server.runner import addresses

            return addresses()

        self.bridge.compute(work, self.addresses_found.emit)

    def start(self, workshop_id: uuid.UUID, title: str, host: str) -> None:
        if self._busy or self.session is not None:
            return
        self._busy = True
        bridge = self.bridge

        def work() -> tuple[LiveSession, SessionInfo] | str:
            from myk10_workshop.voting.server.session import LiveSession

            session = LiveSession(bridge.store, bridge.writer.submit, workshop_id, title,
                                  on_change=bridge.external_change)
            try:
                return session, session.start(host)
            except (OSError, RuntimeError) as exc:
                log.warning("live session on %s did not start: %s", host, exc)
                reason = getattr(exc, "strerror", None) or str(exc)
                return render(CANNOT_START.with_params(address=host, reason=reason))

        def done(result: tuple[LiveSession, SessionInfo] | str) -> None:
            self._busy = False
            if isinstance(result, str):
                self.failed.emit(result)
                return
            self.session, self.info = result
            self.workshop_id, self.workshop_title = workshop_id, title
            self.started.emit(self.info)

        self.bridge.compute(work, done)

    def stop(self) -> None:
        session = self.session
        if session is None or self._busy:
            return
        self._busy = True

        def done(_result: object) -> None:
            self._busy = False
            self.session = None
            self.info = None
            self.workshop_id = None
            self.stopped.emit()

        self.bridge.compute(session.stop, done)

    def stop_now(self) -> None:
        """Stop and wait (closing the window): no phone writes after the writer is gone."""
        if self.session is not None:
            self.session.stop()
            self.session = None
            self.info = None
            self.workshop_id = None
            self.stopped.emit()

    def _pass_on(self, changes: ChangeSet) -> None:
        if self.session is not None and changes:
            self.session.publish(changes)
