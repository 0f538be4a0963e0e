"""The Agenda tab: the planning page, and the live run view it switches to on the day."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from myk10_workshop.ui.agenda.live import LiveRunView
from myk10_workshop.ui.agenda.page import AgendaPage
from myk10_workshop.ui.bridge import StoreBridge


class AgendaTab(QWidget):
    """Planning and running share one tab: "Start the workshop" swaps the plan for the run
    view of the same workshop, "Back to planning" swaps back."""

    # A started block is linked to a board: the main window shows it.
    board_requested = Signal(object)
    notice = Signal(str)

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None, *,
                 join_url: Callable[[], str | None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaTab")
        self.planning = AgendaPage(bridge, self)
        # The projector shows the join code while a ballot is open and phones can join.
        self.live = LiveRunView(bridge, self, join_url=join_url)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.planning)
        self.stack.addWidget(self.live)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._workshop_id: uuid.UUID | None = None
        self.planning.run_requested.connect(self.run)
        self.planning.notice.connect(self.notice)
        self.live.finished.connect(self.plan)
        self.live.board_requested.connect(self._show_board)

    def show_workshop(self, workshop_id: uuid.UUID | None) -> None:
        self._workshop_id = workshop_id
        self.planning.show_workshop(workshop_id)
        if self.stack.currentWidget() is self.live:
            if workshop_id is None:
                self.plan()
            else:
                self.live.show_workshop(workshop_id)

    def run(self, workshop_id: uuid.UUID | None = None) -> None:
        """Switch to the live run view of the workshop."""
        workshop_id = workshop_id or self._workshop_id
        if workshop_id is None:
            return
        self.live.show_workshop(workshop_id)
        self.stack.setCurrentWidget(self.live)
        self.live.setFocus()

    def plan(self) -> None:
        """Back to planning; the projector of the run closes."""
        self.live.close_projector()
        self.stack.setCurrentWidget(self.planning)
        self.planning.setFocus()

    def _show_board(self, board_id: uuid.UUID) -> None:
        """A started block's board comes up in its own tab (the main window shows it); the
        run keys work only here, so say how to come back."""
        self.board_requested.emit(board_id)
        if not self.isVisible():
            self.notice.emit(self.tr(
                "The block's board is open. Ctrl+2 takes you back to the run."))

    def showEvent(self, event: QShowEvent) -> None:
        """Back on this tab during a run (Ctrl+2 from a board): the run keys (Page Down,
        +, ...) work at once, without a click into the run view first."""
        super().showEvent(event)
        if self.is_running():
            self.live.setFocus()

    def is_running(self) -> bool:
        return self.stack.currentWidget() is self.live
