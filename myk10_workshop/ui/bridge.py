"""The widgets' door to the store: operations with undo, reads off the GUI thread.

Writes go to the store's single writer thread; reads run on a small pool. Results come
back to the GUI thread through a queued signal, so no widget ever waits on the disk and no
store code ever touches a widget.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store.database import Store, StoreWriter
from myk10_workshop.store.errors import StoreError, ValidationError
from myk10_workshop.store.operations import ChangeSet, Operation, OpResult
from myk10_workshop.store.undo import UndoEntry, submit_step

log = logging.getLogger(__name__)

T = TypeVar("T")

BUG_MESSAGE = QT_TRANSLATE_NOOP(
    "StoreBridge",
    "An unexpected error occurred. Your saved work is safe. "
    "The details are in the log file {log}.",
)


def render(message: Message) -> str:
    """A core message in the user's language (through the installed Qt translators)."""
    return message.render(QCoreApplication.translate)


class OperationCommand(QUndoCommand):
    """One operation on the undo stack; its :class:`UndoEntry` decides on the writer what
    each undo or redo has to do, so failures in between never put the two out of step."""

    def __init__(self, bridge: StoreBridge, operation: Operation) -> None:
        super().__init__(render(operation.label))
        self._bridge = bridge
        self.entry = UndoEntry(operation)

    def redo(self) -> None:
        self._bridge.submit_step(self, self.entry.forward())

    def undo(self) -> None:
        self._bridge.submit_step(self, self.entry.backward())

    def retranslate(self) -> None:
        self.setText(render(self.entry.label))


class StoreBridge(QObject):
    """Runs operations (with undo) and reads for the widgets; tells them what changed."""

    # A ChangeSet, after an operation was saved.
    changed = Signal(object)
    # A plain-language message, after an operation was refused or could not be saved.
    failed = Signal(str)
    _finished = Signal(object, object)
    _arrived = Signal()

    def __init__(self, store: Store, log_file: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.log_file = log_file
        self.undo_stack = QUndoStack(self)
        self._writer = StoreWriter(store)
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="store-reader")
        self._pending: dict[int, tuple[Future[Any], Callable[[Future[Any]], None]]] = {}
        self._closed = False
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        # Changes saved by others on the same writer (phones' votes), gathered until the
        # GUI thread next looks: a burst of votes is one refresh, not hundreds.
        self._arrivals: list[ChangeSet] = []
        self._arrivals_lock = threading.Lock()
        self._arrived.connect(self._take_arrivals, Qt.ConnectionType.QueuedConnection)

    # ----------------------------------------------------------------- writing

    def run(self, operation: Operation, *, undoable: bool = True) -> bool:
        """Check ``operation`` now, then save it in the background. False if refused."""
        try:
            operation.validate()
        except ValidationError as exc:
            self.failed.emit(render(exc.message))
            return False
        if undoable:
            self.undo_stack.push(OperationCommand(self, operation))
        else:
            self.submit(operation)
        return True

    def submit(self, operation: Operation) -> Future[OpResult]:
        """Queue an operation outside the undo history (votes, imports, demo data)."""
        future = self._writer.submit(operation)
        self._route(future, lambda finished: self._after_write(finished, None))
        return future

    @property
    def writer(self) -> StoreWriter:
        """The single writer, for others who write (the participants' server)."""
        return self._writer

    def external_change(self, changes: ChangeSet) -> None:
        """Someone else saved ``changes`` through the writer (thread-safe): the views
        hear of it as ``changed``, soon and in the GUI thread."""
        if not changes:
            return
        with self._arrivals_lock:
            first = not self._arrivals
            self._arrivals.append(changes)
        if first:
            self._arrived.emit()

    @Slot()
    def _take_arrivals(self) -> None:
        with self._arrivals_lock:
            arrived, self._arrivals = self._arrivals, []
        if not arrived or self._closed:
            return
        self.changed.emit(arrived[0] if len(arrived) == 1 else ChangeSet.union(arrived))

    def submit_step(self, command: OperationCommand, step: Operation) -> Future[OpResult]:
        future = submit_step(self._writer.submit, command.entry, step)
        self._route(future, lambda finished: self._after_write(finished, command))
        return future

    def _after_write(self, future: Future[OpResult], command: OperationCommand | None) -> None:
        error = future.exception()
        if error is None:
            changes = future.result().changes
            if changes:
                self.changed.emit(changes)
            return
        if isinstance(error, ValidationError | StoreError):
            self.failed.emit(render(error.message))
        else:
            self.report_bug(error)
        if command is not None:
            self._realign(command)
        # The views may show an optimistic state; make them look again.
        self.changed.emit(ChangeSet())

    def _realign(self, command: OperationCommand) -> None:
        """After a failed step, move the undo history to where the database really is.

        A change that did not get saved goes back to the redo side (redo retries it); an
        undo that failed leaves its change on the undo side. Moving the index runs the
        command's undo or redo, which the entry turns into nothing.
        """
        stack = self.undo_stack
        index = stack.index()
        if command.entry.applied and index < stack.count() and stack.command(index) is command:
            stack.setIndex(index + 1)
        elif not command.entry.applied and index > 0 and stack.command(index - 1) is command:
            stack.setIndex(index - 1)

    def retranslate_history(self) -> None:
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, OperationCommand):
                command.retranslate()

    # ----------------------------------------------------------------- reading

    def load(self, query: Callable[[Session], T], on_result: Callable[[T], object]) -> None:
        """Run ``query`` off the GUI thread and hand the result to ``on_result`` on it."""
        self._deliver(self._readers.submit(self.store.read, query), on_result)

    def on_writer(self, work: Callable[[Store], T], on_result: Callable[[T], object]) -> None:
        """Run ``work`` on the writer thread (between operations, never beside one) and hand
        its result to ``on_result`` on the GUI thread: backups, restores, imports."""
        self._deliver(self._writer.call(work), on_result)

    def compute(self, work: Callable[[], T], on_result: Callable[[T], object]) -> None:
        """Heavy work without the database (cluster suggestions, exports) off the GUI
        thread; the result comes back on it."""
        self._deliver(self._readers.submit(work), on_result)

    def _deliver(self, future: Future[T], on_result: Callable[[T], object]) -> None:
        def done(finished: Future[T]) -> None:
            error = finished.exception()
            if error is None:
                on_result(finished.result())
            elif isinstance(error, ValidationError | StoreError):
                self.failed.emit(render(error.message))
            else:
                self.report_bug(error)

        self._route(future, done)

    def restore(self, backup: Path, on_done: Callable[[Path], None]) -> None:
        """Replace the database with ``backup``; the undo history ends there (its steps
        belong to a state that is gone) and every view looks again."""

        def restored(before: Path) -> None:
            self.undo_stack.clear()
            self.changed.emit(ChangeSet())
            on_done(before)

        self.on_writer(lambda store: store.restore(backup), restored)

    # ----------------------------------------------------------------- plumbing

    def in_background(self, work: Callable[[], object]) -> None:
        """Run small disk work (settings, exports) off the GUI thread; failures are logged."""
        self._route(self._readers.submit(work), _log_failure)

    def _route(self, future: Future[Any], handler: Callable[[Future[Any]], None]) -> None:
        key = id(future)
        self._pending[key] = (future, handler)
        future.add_done_callback(lambda finished: self._finished.emit(key, finished))

    @Slot(object, object)
    def _on_finished(self, key: int, future: Future[Any]) -> None:
        entry = self._pending.pop(key, None)
        if entry is not None and not self._closed:
            entry[1](future)

    def report_bug(self, error: BaseException) -> None:
        log.error("unexpected error:\n%s",
                  "".join(traceback.format_exception(type(error), error, error.__traceback__)))
        self.failed.emit(render(BUG_MESSAGE.with_params(log=str(self.log_file or "-"))))

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until queued writes are done (shutdown, tests, self-test)."""
        self._writer.call(lambda store: None).result(timeout=timeout)

    def close(self) -> None:
        """Finish queued writes, stop the threads. The store itself stays open.

        Results that had no time to reach the GUI are not shown any more, but a failure
        among them still goes to the log.
        """
        self._writer.close(wait=True)
        self._readers.shutdown(wait=True)
        self._closed = True
        for future, _handler in self._pending.values():
            _log_failure(future)
        self._pending.clear()


def _log_failure(future: Future[Any]) -> None:
    error = future.exception()
    if isinstance(error, ValidationError | StoreError):
        log.warning("not saved: %s", error)
    elif error is not None:
        log.error("unexpected error:\n%s", "".join(
            traceback.format_exception(type(error), error, error.__traceback__)))
