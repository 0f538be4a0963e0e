"""The Timeline tab: the timeline drawing and the digital agenda's table of measures, for
the project chosen in the navigator."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.ui.timeline.agenda_table import MeasuresTable
from myk10_workshop.ui.timeline.page import TimelinePage


class TimelineTab(QWidget):
    """Two views of one plan: the drawing for the projector and dragging dates, the table
    for sorting, filtering and tracing measures back to their ideas."""

    notice = Signal(str)

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineTab")
        self.timeline = TimelinePage(bridge, self)
        self.measures = MeasuresTable(bridge, self)
        self.views = QTabWidget(self)
        self.views.setDocumentMode(True)
        self.views.addTab(self.timeline, "")
        self.views.addTab(self.measures, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.views)
        self.timeline.notice.connect(self.notice)
        self.measures.notice.connect(self.notice)
        self._retranslate()

    def show_project(self, project_id: uuid.UUID | None) -> None:
        self.timeline.show_project(project_id)
        self.measures.show_project(project_id)

    def show_measures(self) -> MeasuresTable:
        self.views.setCurrentWidget(self.measures)
        return self.measures

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.views.setTabText(0, self.tr("Timeline"))
        self.views.setTabText(1, self.tr("Digital agenda"))
