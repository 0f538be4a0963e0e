"""The widgets' door to the store: operations with undo, reads off the GUI thread.

Writes go to the store's single writer thread; reads run on a small pool. Results come
back to the GUI thread through a queued signal, so no widget ever waits on the disk and no
store code ever touches a widget.
"""

from __future__ import annotations

import logging
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
from myk10_workshop.store.operations import ChangeSet, Deferred, NoOp, Operation, OpResult

log = logging.getLogger(__name__)

T = TypeVar("T")

BUG_MESSAGE = QT_TRANSLATE_NOOP(
    "StoreBridge",
    "An unexpected error occurred. Your saved work is safe. "
    "The details are in the log file {log}.",
)


def render(message: Message) -> str:
    """A core message in the user's language, placeholders (also messages) filled in."""
    params = {
        key: render(value) if isinstance(value, Message) else value
        for key, value in message.params.items()
    }
    return Message(message.context, message.source, params).render(QCoreApplication.translate)


class OperationCommand(QUndoCommand):
    """One operation on the undo stack; undo and redo run its inverse through the writer."""

    def __init__(self, bridge: StoreBridge, operation: Operation) -> None:
        super().__init__(render(operation.label))
        self._bridge = bridge
        self._operation = operation
        self._last: Future[OpResult] | None = None

    def redo(self) -> None:
        if self._last is None:
            self._last = self._bridge.submit(self._operation, command=self)
        else:
            self._last = self._bridge.submit(_inverse_of(self._last, self._operation))

    def undo(self) -> None:
        if self._last is not None:
            self._last = self._bridge.submit(_inverse_of(self._last, self._operation))


def _inverse_of(previous: Future[OpResult], original: Operation) -> Deferred:
    def resolve() -> Operation:
        # The writer runs operations in order, so ``previous`` has finished by now.
        if previous.exception(timeout=0) is not None:
            return NoOp()
        return previous.result(timeout=0).inverse

    return Deferred(resolve, original.label)


class StoreBridge(QObject):
    """Runs operations (with undo) and reads for the widgets; tells them what changed."""

    # A ChangeSet, after an operation was saved.
    changed = Signal(object)
    # A plain-language message, after an operation was refused or could not be saved.
    failed = Signal(str)
    _finished = Signal(object, object)

    def __init__(self, store: Store, log_file: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.log_file = log_file
        self.undo_stack = QUndoStack(self)
        self._writer = StoreWriter(store)
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="store-reader")
        self._pending: dict[int, Callable[[Future[Any]], None]] = {}
        self._closed = False
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

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

    def submit(self, operation: Operation, command: OperationCommand | None = None,
               ) -> Future[OpResult]:
        future = self._writer.submit(operation)

        def done(finished: Future[Any]) -> None:
            self._after_write(finished, command)

        self._route(future, done)
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
        self._drop_failed(command)
        # The views may show an optimistic state; make them look again.
        self.changed.emit(ChangeSet())

    def _drop_failed(self, command: OperationCommand | None) -> None:
        """Move a failed command off the undo history (it stays redoable, i.e. retryable)."""
        stack = self.undo_stack
        top = stack.index() - 1
        if command is not None and top >= 0 and stack.command(top) is command:
            stack.setIndex(top)

    # ----------------------------------------------------------------- reading

    def load(self, query: Callable[[Session], T], on_result: Callable[[T], None]) -> None:
        """Run ``query`` off the GUI thread and hand the result to ``on_result`` on it."""
        future = self._readers.submit(self.store.read, query)

        def done(finished: Future[T]) -> None:
            error = finished.exception()
            if error is None:
                on_result(finished.result())
            elif isinstance(error, StoreError):
                self.failed.emit(render(error.message))
            else:
                self.report_bug(error)

        self._route(future, done)

    # ----------------------------------------------------------------- plumbing

    def _route(self, future: Future[Any], handler: Callable[[Future[Any]], None]) -> None:
        key = id(future)
        self._pending[key] = handler
        future.add_done_callback(lambda finished: self._finished.emit(key, finished))

    @Slot(object, object)
    def _on_finished(self, key: int, future: Future[Any]) -> None:
        handler = self._pending.pop(key, None)
        if handler is not None and not self._closed:
            handler(future)

    def report_bug(self, error: BaseException) -> None:
        log.error("unexpected error:\n%s",
                  "".join(traceback.format_exception(type(error), error, error.__traceback__)))
        self.failed.emit(render(BUG_MESSAGE.with_params(log=str(self.log_file or "-"))))

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until queued writes are done (shutdown, tests, self-test)."""
        self._writer.call(lambda store: None).result(timeout=timeout)

    def close(self) -> None:
        """Finish queued writes, stop the threads. The store itself stays open."""
        self._writer.close(wait=True)
        self._readers.shutdown(wait=True)
        self._closed = True
        self._pending.clear()
