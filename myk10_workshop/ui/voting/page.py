"""The Voting page: prepare ballots, run the live session, watch the results come in.

Left, the workshop's ballots; in the middle, the selected ballot's editor; on the right,
its live results (with the paper tallies to type in) and the live session with the join
code. Everything reads in the background and refreshes when the store changes, whoever
changed it: the facilitator here, or the phones.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from myk10_workshop.board.queries import BoardInfo, list_boards
from myk10_workshop.store.operations import Batch, ChangeSet, utc_now
from myk10_workshop.store.schema import BallotKind, BallotStatus
from myk10_workshop.ui.bridge import StoreBridge, render
from myk10_workshop.ui.voting.chart import ResultsChart
from myk10_workshop.ui.voting.editor import BallotEditor
from myk10_workshop.ui.voting.live import LiveController
from myk10_workshop.ui.voting.projector import VotingProjector
from myk10_workshop.ui.voting.session_panel import SessionPanel
from myk10_workshop.voting import operations as voting
from myk10_workshop.voting import present, queries, rules
from myk10_workshop.voting.present import KIND_NAMES, STATUS_NAMES
from myk10_workshop.voting.queries import BallotSummary, BallotView
from myk10_workshop.voting.tally import Results

if TYPE_CHECKING:
    from myk10_workshop.voting.server.session import SessionInfo

VOTING_KINDS = ("ballot", "ballot_option", "vote", "paper_tally", "board", "idea", "cluster")
BALLOT_KINDS = ("ballot", "ballot_option", "board")


class VotingPage(QWidget):
    # A ballot and its results are on screen (tests and benchmarks wait for it).
    loaded = Signal()
    # A plain message for the window's message bar (the poster was saved, ...).
    notice = Signal(str)

    def __init__(self, bridge: StoreBridge, live: LiveController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votingPage")
        self.bridge = bridge
        self.live = live
        self.workshop_id: uuid.UUID | None = None
        self.workshop_title = ""
        self.summaries: tuple[BallotSummary, ...] = ()
        self.boards: tuple[BoardInfo, ...] = ()
        self.view: BallotView | None = None
        self.results: Results | None = None
        self._wanted: uuid.UUID | None = None
        self._loading = False
        self._stale = False
        self._join_qr: list[list[bool]] = []
        self._wifi_qr: list[list[bool]] = []
        self.projector: VotingProjector | None = None

        self._build_widgets()
        self._build_toolbar()
        self._lay_out()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_countdown)
        bridge.changed.connect(self._on_changed)
        live.started.connect(self._on_started)
        live.stopped.connect(self._on_stopped)
        live.failed.connect(self._on_start_failed)
        live.addresses_found.connect(self.session.set_addresses)
        self.retranslate()
        live.find_addresses()
        if live.info is not None:
            self._on_started(live.info)

    # ----------------------------------------------------------------- building

    def _build_widgets(self) -> None:
        self.ballots = QListWidget(self)
        self.ballots.setObjectName("ballotList")
        self.ballots.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ballots.currentItemChanged.connect(self._on_ballot_chosen)
        self.editor = BallotEditor(self.bridge, self)
        self.editor.options_from_board.connect(self.add_options_from_board)
        self.state = QLabel(self)
        self.state.setObjectName("ballotState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.voted = QLabel(self)
        self.voted.setObjectName("participants")
        self.voted.setTextFormat(Qt.TextFormat.PlainText)
        font = self.voted.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.3)
        font.setBold(True)
        self.voted.setFont(font)
        self.chart = ResultsChart(self)
        self.chart.setObjectName("resultsChart")
        self.paper = QTableWidget(0, 3, self)
        self.paper.setObjectName("paperTallies")
        self.paper.verticalHeader().setVisible(False)
        self.paper.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.paper.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.paper_label = QLabel(self)
        self.paper_label.setBuddy(self.paper)
        self.session = SessionPanel(self)
        self.session.start_requested.connect(self.start_session)
        self.session.stop_requested.connect(self.live.stop)
        self.session.projector_requested.connect(self.project_join)
        self.session.poster_requested.connect(self.choose_poster)
        self.session.wifi_changed.connect(self._make_wifi_qr)
        self.countdown = QSpinBox(self)
        self.countdown.setObjectName("countdownMinutes")
        self.countdown.setRange(0, 240)
        self.countdown.setValue(0)

    def _build_toolbar(self) -> None:
        self.bar = QToolBar(self)
        self.bar.setObjectName("votingBar")
        self.new_menu = QMenu(self)
        self.new_actions: dict[str, QAction] = {}
        for kind in KIND_NAMES:
            action = self.new_menu.addAction("")
            action.triggered.connect(lambda _checked=False, k=kind: self.create_ballot(k))
            self.new_actions[kind] = action
        self.new_button = QToolButton(self)
        self.new_button.setObjectName("newBallot")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setMenu(self.new_menu)
        self.new_button.clicked.connect(lambda: self.create_ballot(BallotKind.DOTS.value))
        self.bar.addWidget(self.new_button)
        self.delete_action = self._action("deleteBallot", self.delete_ballot)
        self.bar.addSeparator()
        self.open_action = self._action("openBallot", self.open_ballot, "Ctrl+Return")
        self.countdown_label = QLabel(self)
        self.countdown_label.setBuddy(self.countdown)
        self.bar.addWidget(self.countdown_label)
        self.bar.addWidget(self.countdown)
        self.close_action = self._action("closeBallot", self.close_ballot, "Ctrl+Shift+Return")
        self.hide_action = self._action("hideResults", self.toggle_hidden)
        self.hide_action.setCheckable(True)
        self.bar.addSeparator()
        self.project_action = self._action("projectResults", self.project_results, "Ctrl+P")
        self.delete_key = QAction(self)
        self.delete_key.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_key.triggered.connect(self.delete_ballot)
        self.ballots.addAction(self.delete_key)

    def _action(self, name: str, slot: Any, shortcut: str | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.bar.addAction(action)
        self.addAction(action)
        return action

    def _lay_out(self) -> None:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.editor)
        results = QWidget(self)
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.state)
        results_layout.addWidget(self.voted)
        results_layout.addWidget(self.chart, 3)
        results_layout.addWidget(self.paper_label)
        results_layout.addWidget(self.paper, 2)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.ballots)
        left.addWidget(self.session)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(results)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([220, 400, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.splitter, 1)

    # ----------------------------------------------------------------- loading

    def show_workshop(self, workshop_id: uuid.UUID | None, title: str = "") -> None:
        if workshop_id != self.workshop_id:
            self.view = None
            self.results = None
            self._wanted = None
        self.workshop_id = workshop_id
        self.workshop_title = title
        self.reload()

    def reload(self) -> None:
        """Read the ballot list and the selected ballot again (one read at a time)."""
        if self._loading:
            self._stale = True
            return
        workshop_id = self.workshop_id
        if workshop_id is None:
            self._show_list((), ())
            self._show_ballot(None, None)
            return
        self._loading = True
        self._stale = False
        wanted = self._selected_id()

        def read(session: Session) -> tuple[Any, ...]:
            summaries = queries.list_ballots(session, workshop_id)
            boards = list_boards(session, workshop_id)
            chosen = wanted if any(s.ballot.id == wanted for s in summaries) else (
                summaries[0].ballot.id if summaries else None)
            view = queries.load_ballot(session, chosen) if chosen else None
            results = queries.results(session, chosen) if chosen else None
            return summaries, boards, view, results

        self.bridge.load(read, lambda found: self._loaded(workshop_id, found))

    def _loaded(self, workshop_id: uuid.UUID, found: tuple[Any, ...]) -> None:
        self._loading = False
        if workshop_id == self.workshop_id:
            summaries, boards, view, results = found
            self._show_list(summaries, boards)
            self._show_ballot(view, results)
            self.loaded.emit()
        if self._stale:
            self.reload()

    def _selected_id(self) -> uuid.UUID | None:
        if self._wanted is not None:
            return self._wanted
        item = self.ballots.currentItem()
        return uuid.UUID(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show_list(self, summaries: tuple[BallotSummary, ...],
                   boards: tuple[BoardInfo, ...]) -> None:
        self.summaries = summaries
        self.boards = boards
        selected = self.view.ballot.id if self.view is not None else None
        self.ballots.blockSignals(True)
        self.ballots.clear()
        for summary in summaries:
            item = QListWidgetItem(self._list_text(summary))
            item.setData(Qt.ItemDataRole.UserRole, str(summary.ballot.id))
            self.ballots.addItem(item)
        self.ballots.blockSignals(False)
        self._select_in_list(selected)

    def _list_text(self, summary: BallotSummary) -> str:
        ballot = summary.ballot
        status = render(STATUS_NAMES.get(ballot.status, STATUS_NAMES["draft"]))
        if ballot.status == BallotStatus.OPEN and not ballot.accepts_votes(utc_now()):
            status = self.tr("Time is up")
        return self.tr("{title}\n{kind} · {status} · {count} voted").format(
            title=ballot.title, kind=render(KIND_NAMES[ballot.kind]), status=status,
            count=summary.participants)

    def _select_in_list(self, ballot_id: uuid.UUID | None) -> None:
        self.ballots.blockSignals(True)
        for row in range(self.ballots.count()):
            item = self.ballots.item(row)
            if ballot_id is not None and item.data(Qt.ItemDataRole.UserRole) == str(ballot_id):
                self.ballots.setCurrentRow(row)
                break
        self.ballots.blockSignals(False)

    def _show_ballot(self, view: BallotView | None, results: Results | None) -> None:
        self.view = view
        self.results = results
        if view is not None and self._wanted == view.ballot.id:
            self._wanted = None
        self._select_in_list(view.ballot.id if view else None)
        self.editor.show_ballot(view, self.boards)
        self._show_results()
        self._show_paper()
        self._update_actions()
        self._show_countdown()

    def _on_ballot_chosen(self, current: QListWidgetItem | None,
                          _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        self._wanted = uuid.UUID(current.data(Qt.ItemDataRole.UserRole))
        self.reload()

    def _on_changed(self, changes: ChangeSet) -> None:
        if self.workshop_id is not None and (not changes or changes.touches(*VOTING_KINDS)):
            self.reload()

    # ----------------------------------------------------------------- results

    def _show_results(self) -> None:
        view, results = self.view, self.results
        if view is None:
            self.state.setText(self.tr("No ballot yet. Make one with “New ballot”."))
            self.voted.clear()
            self.chart.show_results(None, (), {}, "")
        else:
            lines = [] if results is None else [
                (line, render(line.figure)) for line in present.lines(results,
                                                                      view.ballot.settings)]
            empty = (self.tr("Ideas from phones arrive in the board's inbox.")
                     if view.ballot.kind == BallotKind.OPEN_TEXT
                     else self.tr("No options yet."))
            self.chart.show_results(results, lines, view.ballot.settings, empty)
            self.voted.setText(render(present.participants(results)) if results else "")
        if self.projector is not None:
            self._fill_projector_results()

    def _show_paper(self) -> None:
        view, results = self.view, self.results
        counting = view is not None and view.ballot.kind in rules.COUNTING_KINDS
        self.paper.setVisible(counting)
        self.paper_label.setVisible(counting)
        if not counting or view is None:
            return
        by_option = results.by_option() if results else {}
        self.paper.blockSignals(True)
        self.paper.setRowCount(len(view.options))
        for row, option in enumerate(view.options):
            figures = by_option.get(option.id)
            label = QTableWidgetItem(option.label)
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            phone = QTableWidgetItem(present.number(figures.phone) if figures else "0")
            phone.setFlags(Qt.ItemFlag.ItemIsEnabled)
            phone.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.paper.setItem(row, 0, label)
            self.paper.setItem(row, 1, phone)
            spin = self.paper.cellWidget(row, 2)
            if not isinstance(spin, QSpinBox):
                spin = QSpinBox(self.paper)
                spin.setRange(0, 100_000)
                spin.setAccessibleName(self.tr("On paper"))
                spin.editingFinished.connect(lambda s=spin: self._save_paper(s))
                self.paper.setCellWidget(row, 2, spin)
            spin.setProperty("option", str(option.id))
            if not spin.hasFocus():
                spin.setValue(figures.paper if figures else 0)
        self.paper.blockSignals(False)

    def _save_paper(self, spin: QSpinBox) -> None:
        option = spin.property("option")
        if not option or self.results is None:
            return
        option_id = uuid.UUID(str(option))
        figures = self.results.by_option().get(option_id)
        if (figures.paper if figures else 0) != spin.value():
            self.bridge.run(voting.set_paper_tally(option_id, spin.value()))

    def _show_countdown(self) -> None:
        view = self.view
        if view is None:
            self._tick.stop()
            return
        ballot = view.ballot
        now = utc_now()
        text = render(STATUS_NAMES.get(ballot.status, STATUS_NAMES["draft"]))
        if ballot.status == BallotStatus.OPEN and ballot.closes_at is not None:
            left = (ballot.closes_at - now).total_seconds()
            if left > 0:
                minutes, seconds = divmod(int(left + 0.999), 60)
                text = self.tr("Open: closes in {minutes}:{seconds:02d}").format(
                    minutes=minutes, seconds=seconds)
                self._tick.start()
            else:
                text = self.tr("Time is up: no more votes are taken.")
                self._tick.stop()
        elif ballot.status == BallotStatus.OPEN:
            text = self.tr("Open: phones can vote.")
            self._tick.stop()
        else:
            self._tick.stop()
        if ballot.results_hidden:
            text += " " + self.tr("Results hidden from phones until it closes.")
        self.state.setText(text)

    def _update_actions(self) -> None:
        view = self.view
        has = view is not None and self.workshop_id is not None
        status = view.ballot.status if view is not None else None
        self.new_button.setEnabled(self.workshop_id is not None)
        self.delete_action.setEnabled(has)
        self.open_action.setEnabled(has and (status != BallotStatus.OPEN or (
            view is not None and view.ballot.closes_at is not None)))
        self.close_action.setEnabled(has and status == BallotStatus.OPEN)
        self.countdown.setEnabled(has)
        self.hide_action.setEnabled(has)
        self.hide_action.blockSignals(True)
        self.hide_action.setChecked(bool(view and view.ballot.results_hidden))
        self.hide_action.blockSignals(False)
        self.project_action.setEnabled(has)

    # ----------------------------------------------------------------- commands

    def create_ballot(self, kind: str) -> None:
        if self.workshop_id is None:
            return
        board = self.boards[0].id if self.boards else None
        title = self.tr("Ballot {number}").format(number=len(self.summaries) + 1)
        if kind == BallotKind.OPEN_TEXT and board is None:
            self.bridge.failed.emit(self.tr(
                "An open question sends its ideas to a board: make a board first on the "
                "Board page."))
            return
        batch = voting.create_ballot(self.workshop_id, kind, title, board_id=board)
        if self.bridge.run(batch):
            self._wanted = batch.operations[0].id  # type: ignore[attr-defined]
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    def delete_ballot(self) -> None:
        if self.view is not None:
            self.bridge.run(voting.delete_ballot(self.view.ballot.id))

    def open_ballot(self) -> None:
        if self.view is None:
            return
        self.editor.flush()
        minutes = self.countdown.value()
        closes = utc_now() + dt.timedelta(minutes=minutes) if minutes else None
        self.bridge.run(voting.open_ballot(self.view.ballot.id, closes))

    def close_ballot(self) -> None:
        if self.view is not None:
            self.bridge.run(voting.close_ballot(self.view.ballot.id))

    def toggle_hidden(self, hidden: bool) -> None:
        if self.view is not None:
            self.bridge.run(voting.set_results_hidden(self.view.ballot.id, hidden))

    def add_options_from_board(self, source: str) -> None:
        view = self.view
        if view is None or view.ballot.board_id is None:
            return
        ballot_id, board_id = view.ballot.id, view.ballot.board_id
        present_labels = {option.label for option in view.options}

        def read(session: Session) -> tuple[voting.OptionSpec, ...]:
            return voting.options_from_board(session, board_id,
                                             source="ideas" if source == "ideas" else "clusters")

        def add(specs: tuple[voting.OptionSpec, ...]) -> None:
            creates = tuple(voting.add_option(ballot_id, label, idea_id=idea, cluster_id=cluster)
                            for label, idea, cluster in specs if label not in present_labels)
            if not creates:
                self.notice.emit(self.tr("The board has nothing new to add as options."))
                return
            self.bridge.run(Batch(creates, voting.ADD_OPTIONS_LABEL))

        self.bridge.load(read, add)

    # ----------------------------------------------------------------- live session

    def start_session(self, host: str) -> None:
        if self.workshop_id is None:
            self.session.show_stopped()
            return
        self.session.show_busy()
        self.live.start(self.workshop_id, self.workshop_title, host)

    def _on_started(self, info: SessionInfo) -> None:
        from myk10_workshop.voting import qr

        url = info.join_url

        def made(matrix: list[list[bool]]) -> None:
            self._join_qr = matrix
            if self.live.info == info:
                self.session.show_running(info, self.live.workshop_title, matrix)
                if self.projector is not None and self.projector.showing_join():
                    self.project_join()

        self.bridge.compute(lambda: qr.matrix(url), made)

    def _on_stopped(self) -> None:
        self._join_qr = []
        self.session.show_stopped()
        if self.projector is not None and self.projector.showing_join():
            self.projector.close()

    def _on_start_failed(self, text: str) -> None:
        self.session.show_stopped()
        self.bridge.failed.emit(text)

    def _make_wifi_qr(self) -> None:
        from myk10_workshop.voting import qr

        ssid, password = self.session.wifi()
        if not ssid:
            self._wifi_qr = []
            self.session.show_wifi([])
            return

        def made(matrix: list[list[bool]]) -> None:
            self._wifi_qr = matrix
            self.session.show_wifi(matrix)

        self.bridge.compute(lambda: qr.matrix(qr.wifi_payload(ssid, password)), made)

    # ----------------------------------------------------------------- projector

    def _projector(self) -> VotingProjector:
        if self.projector is None:
            self.projector = VotingProjector()
            self.projector.setWindowTitle(self.tr("MYK10 Workshop: projector"))
            self.projector.closed.connect(self._projector_closed)
        return self.projector

    def _projector_closed(self) -> None:
        if self.projector is not None:
            self.projector.deleteLater()
            self.projector = None

    def project_join(self) -> None:
        info = self.live.info
        if info is None:
            return
        projector = self._projector()
        ssid, _password = self.session.wifi()
        projector.show_join(
            self.tr("Join in: scan the code"), self._join_qr,
            self.tr("or open in the browser\n{address}\nand type the code:").format(
                address=info.base_url),
            info.join_code, wifi_qr=self._wifi_qr,
            wifi_caption=self.tr("Wi-Fi: {name}").format(name=ssid) if ssid else "")
        if not projector.isVisible():
            projector.show_on_best_screen(self)

    def project_results(self) -> None:
        if self.view is None:
            return
        projector = self._projector()
        self._fill_projector_results()
        projector.show_results_face()
        if not projector.isVisible():
            projector.show_on_best_screen(self)

    def _fill_projector_results(self) -> None:
        projector = self.projector
        if projector is None or self.view is None:
            return
        ballot = self.view.ballot
        projector.question.setText(ballot.question or ballot.title)
        projector.voted.setText(self.voted.text())
        projector.chart.show_results(self.results, self.chart.lines(), ballot.settings,
                                     self.chart.accessibleDescription())

    # ----------------------------------------------------------------- poster

    def choose_poster(self) -> None:
        info = self.live.info
        if info is None:
            return
        name = self.tr("Join poster {workshop}").format(workshop=self.live.workshop_title)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the join poster"), str(Path.home() / f"{name}.pdf"),
            self.tr("PDF (*.pdf)"))
        if path:
            self.write_poster(Path(path))

    def write_poster(self, path: Path) -> None:
        """Write the A4 poster in the background; say where it is, or why it failed."""
        from PySide6.QtCore import QCoreApplication

        from myk10_workshop.reports.poster import PosterContent, write_poster
        from myk10_workshop.voting import qr

        info = self.live.info
        if info is None:
            return
        ssid, password = self.session.wifi()
        content = PosterContent(
            self.live.workshop_title, info.join_url, info.base_url, info.join_code,
            wifi_ssid=ssid, wifi_password=password,
            wifi_payload=qr.wifi_payload(ssid, password) if ssid else "")
        # Translations are looked up now, on the GUI thread; the PDF is drawn elsewhere.
        texts: dict[tuple[str, str], str] = {}

        def translate(context: str, source: str) -> str:
            return texts.get((context, source), source)

        from myk10_workshop.reports import poster as poster_module

        for message in (poster_module.TITLE, poster_module.SCAN, poster_module.STEP_WIFI,
                        poster_module.STEP_VOTE, poster_module.WIFI_TEXT,
                        poster_module.WIFI_PASSWORD, poster_module.OR_OPEN,
                        poster_module.TYPE_CODE, poster_module.ANONYMOUS):
            texts[(message.context, message.source)] = QCoreApplication.translate(
                message.context, message.source)

        def work() -> Path | str:
            try:
                return write_poster(content, path, translate)
            except OSError as error:
                return str(error.strerror or error)

        def done(result: Path | str) -> None:
            if isinstance(result, Path):
                self.notice.emit(self.tr("The join poster was saved: {path}").format(
                    path=result))
            else:
                self.bridge.failed.emit(self.tr(
                    "The poster could not be saved to {path}: {reason}").format(
                        path=path, reason=result))

        self.bridge.compute(work, done)

    # ----------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("&New ballot"))
        self.new_button.setToolTip(self.tr("New dot voting; the arrow offers other kinds"))
        for kind, action in self.new_actions.items():
            action.setText(render(KIND_NAMES[kind]))
        self.delete_action.setText(self.tr("Delete ballot"))
        self.open_action.setText(self.tr("&Open voting"))
        self.open_action.setToolTip(self.tr("Phones can vote (Ctrl+Enter)"))
        self.countdown_label.setText(self.tr("Count&down"))
        self.countdown.setSuffix(self.tr(" min"))
        self.countdown.setSpecialValueText(self.tr("none"))
        self.close_action.setText(self.tr("&Close voting"))
        self.close_action.setToolTip(self.tr("No more votes (Ctrl+Shift+Enter)"))
        self.hide_action.setText(self.tr("&Hide results"))
        self.hide_action.setToolTip(self.tr("Phones see the results only once it closes"))
        self.project_action.setText(self.tr("Results on &projector"))
        self.paper.setHorizontalHeaderLabels([self.tr("Option"), self.tr("Phones"),
                                              self.tr("On paper")])
        self.paper_label.setText(self.tr("&Paper and sticker votes (type in the counts)"))
        self.ballots.setAccessibleName(self.tr("Ballots"))
        if self.view is not None or self.summaries:
            self._show_list(self.summaries, self.boards)
            self._show_results()
            self._show_countdown()

    def stop_session_now(self) -> None:
        """Closing the window: end the session before the writer goes."""
        self.live.stop_now()
        if self.projector is not None:
            self.projector.close()
