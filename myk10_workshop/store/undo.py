"""Undo and redo of one operation, run through a first-in-first-out writer.

The GUI never waits for a write, so undo is queued before the write it undoes may have
finished, and any step may fail (disk full, a locked file, a row deleted meanwhile). An
:class:`UndoEntry` therefore decides *on the writer*, when a step runs, what that step has
to do: it knows whether its operation is currently applied and which operation reverses or
repeats it. A step that is not needed (undo of something that never got saved, redo of
something already there) does nothing; a redo after a failed first attempt tries the
operation again.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from myk10_workshop.i18n import Message
from myk10_workshop.store.operations import Deferred, NoOp, Operation, OpResult


class UndoEntry:
    """The state of one undoable change: applied or not, and how to get to the other state.

    ``forward()`` and ``backward()`` return the operations to queue for redo and undo.
    Whoever submits them must call :meth:`settle` with the step's future (the writer runs
    the callback before it starts the next operation).
    """

    def __init__(self, operation: Operation) -> None:
        self.operation = operation
        # The operation that reverses the change while it is applied, else None.
        self._inverse: Operation | None = None
        # The operation that repeats the change after an undo (None: the original).
        self._repeat: Operation | None = None
        # Steps queued but not finished: what each resolved to, and its direction.
        self._steps: dict[int, tuple[list[Operation], bool]] = {}

    @property
    def label(self) -> Message:
        return self.operation.label

    @property
    def applied(self) -> bool:
        return self._inverse is not None

    def forward(self) -> Deferred:
        return self._step(self._resolve_forward, forward=True)

    def backward(self) -> Deferred:
        return self._step(self._resolve_backward, forward=False)

    def _resolve_forward(self) -> Operation:
        if self._inverse is not None:
            return NoOp()  # already applied (an undo of it failed)
        return self._repeat or self.operation

    def _resolve_backward(self) -> Operation:
        return self._inverse or NoOp()  # never saved, or already undone

    def _step(self, resolve: Callable[[], Operation], *, forward: bool) -> Deferred:
        chosen: list[Operation] = []

        def pick() -> Operation:
            chosen.clear()
            chosen.append(resolve())
            return chosen[0]

        step = Deferred(pick, self.operation.label)
        self._steps[id(step)] = (chosen, forward)
        return step

    def settle(self, step: Operation, future: Future[OpResult]) -> None:
        """Record what a finished step did (call on completion, success or failure)."""
        chosen, forward = self._steps.pop(id(step), ([], True))
        if future.exception() is not None or not chosen or isinstance(chosen[0], NoOp):
            return  # nothing changed in the database, so nothing changes here
        inverse = future.result().inverse
        if forward:
            self._inverse, self._repeat = inverse, None
        else:
            self._inverse, self._repeat = None, inverse


def submit_step(submit: Callable[[Operation], Future[OpResult]], entry: UndoEntry,
                step: Operation) -> Future[OpResult]:
    """Queue ``step`` of ``entry`` and have the entry settle when it finishes."""
    future = submit(step)
    future.add_done_callback(lambda done: entry.settle(step, done))
    return future

