"""The pages of the main window: the overview with its forms, and the feature pages.

Feature pages (agenda, board, voting, timeline, results) are filled in by their issues;
until then each says plainly that it is not built yet instead of showing fake content.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.projects.queries import FieldNode, ProjectCounts, ProjectNode, WorkshopNode
from myk10_workshop.ui.bridge import render
from myk10_workshop.ui.details import FieldForm, ProjectForm, WorkshopForm

P = TypeVar("P", bound=QWidget)


class LazyPage(QWidget, Generic[P]):
    """A tab's place that builds its page (and imports its code) on first use, so start-up
    pays only for the pages the facilitator opens."""

    def __init__(self, name: str, build: Callable[[QWidget], P],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self._build = build
        self._page: P | None = None

    def page(self) -> P:
        if self._page is None:
            self._page = self._build(self)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._page)
            self._page.show()  # the holder may be on screen already
        return self._page

    def built(self) -> P | None:
        return self._page


# (key, title, what the page will do); translated when shown.
FEATURE_PAGES: tuple[tuple[str, Message, Message], ...] = (
    ("agenda", QT_TRANSLATE_NOOP("Pages", "Agenda"), QT_TRANSLATE_NOOP(
        "Pages",
        "Multi-day schedules with parallel working groups, methods and materials, and a "
        "live timer on the day.")),
    ("board", QT_TRANSLATE_NOOP("Pages", "Board"), QT_TRANSLATE_NOOP(
        "Pages",
        "Sticky notes on a zoomable board, clustered into named groups, with cluster "
        "suggestions computed on this laptop.")),
    ("voting", QT_TRANSLATE_NOOP("Pages", "Voting"), QT_TRANSLATE_NOOP(
        "Pages",
        "Participants scan a QR code and vote or add ideas from their phones; this laptop "
        "serves the page on the local network.")),
    ("timeline", QT_TRANSLATE_NOOP("Pages", "Timeline"), QT_TRANSLATE_NOOP(
        "Pages", "Phases, milestones and the measures of the digital agenda on a timeline.")),
    ("results", QT_TRANSLATE_NOOP("Pages", "Results"), QT_TRANSLATE_NOOP(
        "Pages",
        "The results protocol as PDF, spreadsheets, calendar files and the exchange of "
        "export files between laptops.")),
)
OVERVIEW_TITLE = QT_TRANSLATE_NOOP("Pages", "Overview")


class OverviewPage(QWidget):
    """Shows the form that belongs to the selection in the navigator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPage")
        self.stack = QStackedWidget(self)
        self.empty = QLabel(self)
        self.empty.setObjectName("overviewEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.project_form = ProjectForm(self)
        self.workshop_form = WorkshopForm(self)
        self.field_form = FieldForm(self)
        for widget in (self.empty, self.project_form, self.workshop_form, self.field_form):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._retranslate()

    def forms(self) -> tuple[ProjectForm, WorkshopForm, FieldForm]:
        return self.project_form, self.workshop_form, self.field_form

    def show_node(self, node: ProjectNode | WorkshopNode | FieldNode | None) -> None:
        if isinstance(node, ProjectNode):
            self.project_form.show_node(node)
            self.stack.setCurrentWidget(self.project_form)
        elif isinstance(node, WorkshopNode):
            self.workshop_form.show_node(node)
            self.stack.setCurrentWidget(self.workshop_form)
        elif isinstance(node, FieldNode):
            self.field_form.show_node(node)
            self.stack.setCurrentWidget(self.field_form)
        else:
            for form in self.forms():
                form.flush()
            self.stack.setCurrentWidget(self.empty)

    def show_counts(self, counts: ProjectCounts | None) -> None:
        self.project_form.show_counts(counts)

    def _retranslate(self) -> None:
        self.empty.setText(self.tr(
            "Choose a project, workshop or field of action on the left, or create a new "
            "project with Ctrl+N."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class NotBuiltPage(QWidget):
    """A feature page whose feature has not been built yet, and says so."""

    def __init__(self, key: str, title: Message, purpose: Message,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}Page")
        self.key = key
        self._title = title
        self._purpose = purpose
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QLabel(self)
        self.body.setObjectName("notBuiltText")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.heading, self.body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(2)
        self._retranslate()

    def title(self) -> str:
        return render(self._title)

    def _retranslate(self) -> None:
        self.heading.setText(self.title())
        self.body.setText(self.tr("Not built yet.") + "\n\n" + render(self._purpose))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
