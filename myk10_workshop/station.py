"""The headless voting station: ``myk10-workshop serve --workshop NAME``.

The same participants' server as the window's live session, on a data folder without the
window: for a second laptop by the door, or a small box that stays in the village hall.
Composition root of its own: the store, one writer, the session; stops cleanly on Ctrl+C
(and on SIGTERM).
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import uuid
from types import FrameType
from typing import TYPE_CHECKING

from myk10_workshop.cli import Options, ServeOptions
from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Catalogue, Message, load_catalogue
from myk10_workshop.logs import configure_logging
from myk10_workshop.paths import DataDir, default_data_dir
from myk10_workshop.settings import Settings

if TYPE_CHECKING:
    from myk10_workshop.store.database import Store

log = logging.getLogger(__name__)

STARTED = QT_TRANSLATE_NOOP(
    "Station", "Voting for “{workshop}” is running.\n"
    "Phones open: {url}\n"
    "or open {base} and type the join code {code}\n"
    "QR code: {qr}\n"
    "Press Ctrl+C to stop.")
STOPPED = QT_TRANSLATE_NOOP("Station", "Voting stopped. All votes are saved.")
NO_WORKSHOP = QT_TRANSLATE_NOOP(
    "Station", "There is no workshop “{name}” in {folder}. Workshops: {known}")
AMBIGUOUS = QT_TRANSLATE_NOOP(
    "Station", "“{name}” fits more than one workshop: {known}. Please give more of the title.")
NO_WORKSHOPS = QT_TRANSLATE_NOOP("Station", "none")
CANNOT_LISTEN = QT_TRANSLATE_NOOP(
    "Station", "Cannot serve on {host}: {reason}. Choose another address with --host or "
               "another port with --port.")
LOCKED = QT_TRANSLATE_NOOP(
    "Station", "The data folder {folder} is open in MYK10 Workshop. Start the live session "
               "in that window, or close it first.")


def run_station(options: Options, serve: ServeOptions) -> int:
    data = DataDir(options.data_dir or default_data_dir())
    configure_logging(data.log_file)
    language = options.language or Settings.load(data.settings).language or "de"
    catalogue = load_catalogue(language if language in ("de", "en") else "de")

    from myk10_workshop.store.database import Store, StoreWriter
    from myk10_workshop.store.errors import StoreError
    from myk10_workshop.ui.application import InstanceLock
    from myk10_workshop.voting.server import runner
    from myk10_workshop.voting.server.session import LiveSession

    lock = InstanceLock(data.root)
    if not lock.acquire():
        return _fail(catalogue, LOCKED.with_params(folder=str(data.root)))
    try:
        store = Store.open(data.database, data.backups)
    except StoreError as exc:
        lock.release()
        return _fail(catalogue, exc.message)
    writer = StoreWriter(store)
    try:
        found = _find_workshop(store, serve.workshop)
        if isinstance(found, Message):
            return _fail(catalogue, found.with_params(folder=str(data.root)))
        workshop_id, title = found
        writer.call(lambda s: s.daily_backup()).result()
        host = serve.host or runner.default_address(runner.addresses()).ip
        ports = range(serve.port, serve.port + 1) if serve.port else runner.PORTS
        session = LiveSession(store, writer.submit, workshop_id, title)
        try:
            info = session.start(host, ports)
        except OSError as exc:
            return _fail(catalogue, CANNOT_LISTEN.with_params(
                host=host, reason=exc.strerror or str(exc)))
        qr_file = session.write_qr(serve.qr_file.resolve())
        print(STARTED.with_params(workshop=title, url=info.join_url, base=info.base_url,
                                  code=info.join_code, qr=str(qr_file)).render(catalogue),
              flush=True)
        _wait_for_stop()
        session.stop()
        print(STOPPED.render(catalogue), flush=True)
        return 0
    finally:
        writer.close(wait=True)
        store.close()
        lock.release()


def _wait_for_stop() -> None:
    """Block until Ctrl+C or SIGTERM."""
    stop = threading.Event()

    def request_stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT,
                                                                   signal.SIGTERM)}
    try:
        while not stop.wait(0.5):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _find_workshop(store: Store, name: str) -> tuple[uuid.UUID, str] | Message:
    from myk10_workshop.i18n import collation_key
    from myk10_workshop.projects.queries import load_tree

    workshops = [w for project in store.read(load_tree) for w in project.workshops]
    wanted = collation_key(name.strip())
    exact = [w for w in workshops if collation_key(w.title) == wanted]
    matches = exact or [w for w in workshops if wanted and wanted in collation_key(w.title)]
    if len(matches) == 1:
        return matches[0].id, matches[0].title
    known = ", ".join(f"“{w.title}”" for w in (matches or workshops))
    if not matches:
        return NO_WORKSHOP.with_params(name=name, known=known or NO_WORKSHOPS)
    return AMBIGUOUS.with_params(name=name, known=known)


def _fail(catalogue: Catalogue, message: Message) -> int:
    print(message.render(catalogue), file=sys.stderr, flush=True)
    return 2
