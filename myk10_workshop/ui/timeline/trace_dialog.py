"""Where a measure came from: the workshops, boards, clusters and ideas behind it, how they
did in the votes, and the milestones that belong to it.

The answer to "why is this on the list?" months after the workshop. Every text that people
typed (ideas, titles, descriptions) is shown as plain text, never as rich text: ideas come
from participants' phones, and markup in them must stay visible characters.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from myk10_workshop.reports.timeline import milestone_status_name
from myk10_workshop.store.operations import ChangeSet
from myk10_workshop.store.schema import BallotKind
from myk10_workshop.timeline.trace import (
    MeasureTrace,
    TraceCluster,
    TraceIdea,
    TraceResult,
    trace_measure,
)
from myk10_workshop.ui.bridge import StoreBridge, render
from myk10_workshop.voting import present, rules
from myk10_workshop.voting import queries as voting_queries

# What a trace is read from: a change to any of these may change what the dialog shows.
TRACE_KINDS = ("measure", "measure_source", "idea", "cluster", "board", "workshop", "ballot",
               "ballot_option", "vote", "paper_tally", "milestone", "field_of_action")

IDEA_STYLE = ("QLabel { background: #fff8c4; border: 1px solid #e0d48a; border-radius: 3px;"
              " padding: 4px 6px; color: #1a1a1a; }")


def format_day(day: dt.date) -> str:
    """The date as the app shows it everywhere (German day-month-year)."""
    return f"{day:%d.%m.%Y}"


def format_span(first: dt.date | None, last: dt.date | None) -> str:
    if first is None and last is None:
        return ""
    if first is None or last is None or first == last:
        return format_day(first or last)  # type: ignore[arg-type]  # one of them is set
    return f"{format_day(first)} – {format_day(last)}"


def plain_label(text: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    """A label that shows ``text`` exactly as typed (no HTML), selectable for copying."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


class TraceDialog(QDialog):
    """Shows a measure's trace and follows changes to it (a vote arriving, an idea edited
    on the board) while it is open."""

    # The trace (or "gone") is on screen; tests wait for it.
    loaded = Signal()

    def __init__(self, bridge: StoreBridge, measure_id: uuid.UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("traceDialog")
        self.bridge = bridge
        self.measure_id = measure_id
        self.trace: MeasureTrace | None = None
        self.gone = False
        self._loading = False
        self._stale = False
        self.idea_labels: list[QLabel] = []
        self.section_labels: list[QLabel] = []
        self.results_table: QTableWidget | None = None

        self.heading = plain_label("", self)
        self.heading.setObjectName("traceTitle")
        font = self.heading.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = plain_label("", self)
        self.facts.setObjectName("traceFacts")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 680)
        bridge.changed.connect(self._on_changed)
        self.retranslate()
        self.reload()

    # ----------------------------------------------------------------- loading

    def reload(self) -> None:
        if self._loading:
            self._stale = True
            return
        self._loading = True
        self._stale = False
        measure_id = self.measure_id

        def read(session: Session) -> MeasureTrace | None:
            return trace_measure(session, measure_id, voting_queries.results)

        self.bridge.load(read, self._loaded)

    def _loaded(self, trace: MeasureTrace | None) -> None:
        self._loading = False
        self.show_trace(trace)
        self.loaded.emit()
        if self._stale:
            self.reload()

    def _on_changed(self, changes: ChangeSet) -> None:
        if not changes or changes.touches(*TRACE_KINDS):
            self.reload()

    # ----------------------------------------------------------------- showing

    def show_trace(self, trace: MeasureTrace | None) -> None:
        """Lay out the trace (None: the measure was deleted meanwhile)."""
        self.trace = trace
        self.gone = trace is None
        self.idea_labels = []
        self.section_labels = []
        self.results_table = None
        content = QWidget(self.scroll_area)
        content.setObjectName("traceContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 4, 8, 4)
        layout.setSpacing(6)
        if trace is None:
            self.heading.setText(self.tr("This measure no longer exists."))
            self.facts.clear()
            layout.addWidget(plain_label(self.tr(
                "It was deleted after this window was opened. Undo brings it back."), content))
        else:
            self._fill(trace, content, layout)
        layout.addStretch(1)
        # A refresh (a vote arriving) keeps the reader's place in a long list of ideas.
        bar = self.scroll_area.verticalScrollBar()
        position = bar.value()
        self.scroll_area.setWidget(content)
        if position:
            QTimer.singleShot(0, bar, lambda: bar.setValue(position))

    def _fill(self, trace: MeasureTrace, content: QWidget, layout: QVBoxLayout) -> None:
        self.heading.setText(trace.title)
        facts = [self.tr("Field of action: {field}").format(
            field=trace.field_name or self.tr("none"))]
        if trace.ideas or trace.results:
            ideas = (self.tr("1 idea") if trace.idea_count == 1
                     else self.tr("{count} ideas").format(count=trace.idea_count))
            votes = (self.tr("1 vote result") if len(trace.results) == 1
                     else self.tr("{count} vote results").format(count=len(trace.results)))
            facts.append(self.tr("{ideas} and {votes} lie behind it.")
                         .format(ideas=ideas, votes=votes))
        self.facts.setText("\n".join(facts))
        if trace.description.strip():
            description = plain_label(trace.description.strip(), content)
            description.setObjectName("traceDescription")
            layout.addWidget(description)
        if not (trace.workshops or trace.boards or trace.ideas or trace.results):
            note = plain_label(self.tr(
                "This measure was typed into the digital agenda by hand: no workshop, ideas "
                "or votes lie behind it. Measures made on the board from a cluster or from "
                "ideas keep their origin."), content)
            note.setObjectName("traceEmpty")
            layout.addWidget(note)
        # The short sections first: the ideas can run long and would push the votes out of
        # sight.
        self._workshops(trace, content, layout)
        self._results(trace, content, layout)
        self._milestones(trace, content, layout)
        self._origins(trace, content, layout)

    def _section(self, title: str, content: QWidget, layout: QVBoxLayout) -> None:
        label = plain_label(title, content, wrap=False)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.1)
        label.setFont(font)
        label.setContentsMargins(0, 10, 0, 0)
        self.section_labels.append(label)
        layout.addWidget(label)

    def _workshops(self, trace: MeasureTrace, content: QWidget, layout: QVBoxLayout) -> None:
        if not trace.workshops:
            return
        self._section(self.tr("Workshop") if len(trace.workshops) == 1
                      else self.tr("Workshops"), content, layout)
        for workshop in trace.workshops:
            parts = [workshop.title]
            if workshop.venue:
                parts.append(workshop.venue)
            span = format_span(workshop.starts_on, workshop.ends_on)
            if span:
                parts.append(span)
            layout.addWidget(plain_label(" · ".join(parts), content))

    def _origins(self, trace: MeasureTrace, content: QWidget, layout: QVBoxLayout) -> None:
        if not trace.ideas and not trace.clusters:
            return
        self._section(self.tr("Boards, clusters and ideas"), content, layout)
        ideas = {idea.id: idea for idea in trace.ideas}
        clusters_of: dict[uuid.UUID, list[TraceCluster]] = {}
        for cluster in trace.clusters:
            clusters_of.setdefault(cluster.board_id, []).append(cluster)
        shown: set[uuid.UUID] = set()
        board_ids = [board.id for board in trace.boards]
        board_ids += [idea.board_id for idea in trace.ideas if idea.board_id not in board_ids]
        titles = {board.id: board.title for board in trace.boards}
        for board_id in dict.fromkeys(board_ids):
            board = plain_label(self.tr("Board “{title}”").format(
                title=titles.get(board_id, "?")), content)
            board.setObjectName("traceBoard")
            board_font = board.font()
            board_font.setBold(True)
            board.setFont(board_font)
            layout.addWidget(board)
            for cluster in clusters_of.get(board_id, []):
                members = [ideas[idea_id] for idea_id in cluster.idea_ids if idea_id in ideas]
                header = plain_label(self.tr("Cluster “{title}” ({count} ideas)").format(
                    title=cluster.title, count=len(members)), content)
                header.setObjectName("traceCluster")
                header.setContentsMargins(16, 0, 0, 0)
                layout.addWidget(header)
                for idea in members:
                    layout.addWidget(self._idea(idea, content))
                    shown.add(idea.id)
            single = [idea for idea in trace.ideas
                      if idea.board_id == board_id and idea.id not in shown]
            if single:
                header = plain_label(self.tr("Single ideas"), content)
                header.setContentsMargins(16, 0, 0, 0)
                layout.addWidget(header)
                for idea in single:
                    layout.addWidget(self._idea(idea, content))
                    shown.add(idea.id)

    def _idea(self, idea: TraceIdea, content: QWidget) -> QWidget:
        text = idea.text
        if idea.author.strip():
            text += "\n" + self.tr("— {author}").format(author=idea.author.strip())
        label = plain_label(text, content)
        label.setObjectName("traceIdea")
        label.setStyleSheet(IDEA_STYLE)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        wrapper = QWidget(content)
        inner = QVBoxLayout(wrapper)
        inner.setContentsMargins(32, 0, 0, 0)
        inner.addWidget(label)
        # The label is what tests and screen readers look at; the wrapper only indents.
        self.idea_labels.append(label)
        label.setAccessibleName(self.tr("Idea"))
        wrapper.setObjectName("traceIdeaRow")
        wrapper.setProperty("idea", str(idea.id))
        return wrapper

    def _results(self, trace: MeasureTrace, content: QWidget, layout: QVBoxLayout) -> None:
        if not trace.results:
            if trace.ideas:
                self._section(self.tr("Vote results"), content, layout)
                layout.addWidget(plain_label(self.tr(
                    "No ballot has asked about these ideas or clusters yet."), content))
            return
        self._section(self.tr("Vote results"), content, layout)
        table = QTableWidget(len(trace.results), 5, content)
        table.setObjectName("traceResults")
        table.setHorizontalHeaderLabels([self.tr("Ballot"), self.tr("Option"), self.tr("Rank"),
                                         self.tr("Votes"), self.tr("Share")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, result in enumerate(trace.results):
            cells = (self._ballot_text(result), result.option_label, self._rank(result),
                     self._votes(result), self._share(result))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        self.results_table = table
        layout.addWidget(table)
        self._fit_results()
        # Rows follow the width the columns get once the dialog is laid out.
        header.sectionResized.connect(lambda *_args: self._fit_results())

    def _fit_results(self) -> None:
        """Rows as tall as their wrapped text; the table as tall as its rows (up to a
        limit), so the dialog scrolls as one page instead of a table inside a page."""
        table = self.results_table
        if table is None:
            return
        table.resizeRowsToContents()
        height = (table.horizontalHeader().height() + 2 * table.frameWidth()
                  + sum(table.rowHeight(row) for row in range(table.rowCount())))
        table.setFixedHeight(min(height, 360))

    def _ballot_text(self, result: TraceResult) -> str:
        kind = present.KIND_NAMES.get(result.kind)
        return f"{result.ballot_title} ({render(kind)})" if kind else result.ballot_title

    def _rank(self, result: TraceResult) -> str:
        if result.rank is None:
            return "–"
        return self.tr("{rank} of {options}").format(rank=result.rank, options=result.options)

    def _votes(self, result: TraceResult) -> str:
        if result.kind in rules.COUNTING_KINDS:
            return present.number(result.total)
        return self.tr("{count} phones").format(count=result.voters)

    def _share(self, result: TraceResult) -> str:
        locale = QLocale()
        if result.share is not None:
            return locale.toString(result.share * 100, "f", 0) + " %"
        if result.mean is None:
            return "–"
        mean = locale.toString(result.mean, "f", 1)
        if result.kind == BallotKind.RANKING.value:
            return self.tr("average place {mean}").format(mean=mean)
        return self.tr("average {mean}").format(mean=mean)

    def _milestones(self, trace: MeasureTrace, content: QWidget,
                    layout: QVBoxLayout) -> None:
        if not trace.milestones:
            return
        self._section(self.tr("Milestones"), content, layout)
        for milestone in trace.milestones:
            layout.addWidget(plain_label(" · ".join((
                format_day(milestone.due_on), milestone.title,
                milestone_status_name(milestone.status, QCoreApplication.translate))),
                content))

    # ----------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Origin of the measure"))
        if self.trace is not None or self.gone:
            self.show_trace(self.trace)
