"""The Board page: the boards of the selected workshop, with capture, search and clusters.

The page turns what the user does into board operations (through the bridge, with undo)
and keeps the scene in step with the store: a full snapshot when a board opens, then only
the rows each change set names.

Reads run on two reader threads and may finish in any order, so every read of board rows is
numbered when it is asked for. A result older than what the screen already shows is
dropped: a full snapshot that arrives after newer partial updates keeps those rows as they
are on screen, and a partial update older than the snapshot on screen is ignored. (Any
change made after a read was asked for brings its own, later read.)
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.board import operations as ops
from myk10_workshop.board.importing import ImportPreview, read_import, split_lines
from myk10_workshop.board.layout import GAP, NOTE_HEIGHT, NOTE_WIDTH, Rect, free_spots, tidy
from myk10_workshop.board.queries import (
    BoardDelta,
    BoardInfo,
    BoardSnapshot,
    ClusterView,
    IdeaView,
    inbox,
    list_boards,
    load_board,
    load_delta,
    measure_links,
    vote_totals,
)
from myk10_workshop.store.backup import BEFORE_IMPORT
from myk10_workshop.store.operations import ChangeSet, Create
from myk10_workshop.store.schema import IdeaState
from myk10_workshop.ui.board.capture import CaptureEdit
from myk10_workshop.ui.board.editor import NoteEditor
from myk10_workshop.ui.board.items import ClusterItem, Highlight, NoteItem
from myk10_workshop.ui.board.minimap import Minimap
from myk10_workshop.ui.board.panels import InboxPanel, RankingPanel, SuggestionsPanel
from myk10_workshop.ui.board.scene import BoardScene
from myk10_workshop.ui.board.view import BoardView
from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.ui.colours import swatch

if TYPE_CHECKING:
    from myk10_workshop.board.suggest import Suggestion
    from myk10_workshop.ui.board.import_dialog import ImportDialog
    from myk10_workshop.ui.board.projector import ProjectorWindow

BOARD_KINDS = ("idea", "cluster", "board", "vote", "paper_tally", "ballot_option", "ballot",
               "field_of_action")
# Keys of the page's own actions (only while the board page has the focus). F5 starts a
# presentation in the office programs facilitators know (Ctrl+P, as on the Voting page,
# does the same); F9 shows and hides side panels in many programs.
PROJECTOR_KEYS = ("F5", "Ctrl+P")
PANELS_KEY = "F9"


def _copy_of(note: NoteItem) -> ops.NoteCopy:
    idea = note.idea
    return ops.NoteCopy(idea.text, idea.colour, idea.author, idea.field_of_action_id)


class BoardPage(QWidget):
    # The board on screen is complete (a snapshot was applied): tests and benchmarks wait.
    loaded = Signal()
    # New vote totals are on the badges (benchmarks time a phone's vote to the screen).
    votes_shown = Signal()
    # Something the facilitator should know that is no error ("the measure was made").
    notice = Signal(str)
    # An export finished writing: its path and whether it succeeded.
    exported = Signal(Path, bool)

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardPage")
        self.bridge = bridge
        self.workshop_id: uuid.UUID | None = None
        # Vote totals: one read at a time; changes meanwhile ask for one more afterwards.
        self._totals_loading = False
        self._totals_stale = False
        self.boards: tuple[BoardInfo, ...] = ()
        self.snapshot: BoardSnapshot | None = None
        self._wanted_board: uuid.UUID | None = None
        self._init_reads()
        self._fit_on_load = True
        self._match_index = -1
        self._clipboard: list[ops.NoteCopy] = []

        self.scene = BoardScene()
        self.view = BoardView(self.scene, self)
        self.minimap = Minimap(self.view)
        self.editor = NoteEditor(self.view)
        self.projector: ProjectorWindow | None = None
        self.capture = CaptureEdit(self)
        self._build_bar()
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self._build_side()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._board_area())
        self._suggested: list[Suggestion] = []
        self._placements: list[tuple[uuid.UUID, list[uuid.UUID]]] = []
        self._suggestion_mode = "free"
        self._inbox_ideas: tuple[IdeaView, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)

        self._build_actions()
        self._connect()
        self._retranslate()
        self.show_workshop(None)

    # ----------------------------------------------------------------- wiring

    def _init_reads(self) -> None:
        # Whether self.boards is the answer for self.workshop_id (not still loading).
        self._boards_known = False
        # Reads of board rows in the order they were asked for (see the module's doc): the
        # full read wanted now, the one on screen, and rows set by later partial reads.
        self._seq = 0
        self._full_seq = 0
        self._shown_seq = 0
        self._idea_seq: dict[uuid.UUID, int] = {}
        self._cluster_seq: dict[uuid.UUID, int] = {}
        self._votes_seq = 0
        # Suggestions belong to the board (and the request) they were computed for.
        self._suggest_seq = 0
        # Measures being made: id -> the message that says so when the write arrives; and
        # their sources (note or cluster id -> title) with the number of the last read
        # that may not see them yet (None while the write is on its way), so that a second
        # click meanwhile does not make a second measure.
        self._promoting: dict[uuid.UUID, str] = {}
        self._promoting_sources: dict[uuid.UUID, tuple[dict[uuid.UUID, str], int | None]] = {}

    def _board_area(self) -> QSplitter:
        """The board with the capture line and the counts under it; the panels beside."""
        board_area = QWidget(self)
        area = QVBoxLayout(board_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 4, 0)
        bottom.addWidget(self.capture, 1)
        bottom.addWidget(self.counts)
        area.addLayout(bottom)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(board_area)
        split.addWidget(self.side)
        split.setStretchFactor(0, 1)
        split.setSizes([900, 300])
        return split

    def _build_side(self) -> None:
        self.inbox = InboxPanel(self)
        self.ranking = RankingPanel(self)
        self.suggestions = SuggestionsPanel(self)
        self.side = QTabWidget(self)
        self.side.setObjectName("boardSide")
        self.side.addTab(self.inbox, "")
        self.side.addTab(self.ranking, "")
        self.side.addTab(self.suggestions, "")
        # The board gets the room; the panels open with a click (or when ideas arrive).
        self.side.hide()
        self.side_button.toggled.connect(self.side.setVisible)
        self.side_button.toggled.connect(lambda _on: self._refresh_ranking())
        self.side.currentChanged.connect(lambda _index: self._refresh_ranking())

    def _fit_side(self) -> None:
        """Wide enough for all tab titles and the panels' buttons in the language shown (a
        fixed width cut "Eingang" and "Auf die Pinnwand" in German)."""
        tabs = self.side.tabBar()
        tab_width = sum(tabs.tabSizeHint(index).width() for index in range(tabs.count()))
        panels = max(panel.minimumSizeHint().width()
                     for panel in (self.inbox, self.ranking, self.suggestions))
        self.side.setMinimumWidth(max(280, tab_width + 16, panels + 8))

    def _build_bar(self) -> None:
        self.board_choice = QComboBox(self)
        self.board_choice.setObjectName("boardChoice")
        self.board_choice.setMinimumContentsLength(12)
        self.board_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.new_board_button = QToolButton(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("boardSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)
        self.search.setMaximumWidth(220)
        self.match_label = QLabel(self)
        self.match_label.setObjectName("boardMatches")
        # Filters by field of action and colour: one button with a menu, not two wide lists.
        self.filter_button = QToolButton(self)
        self.filter_button.setObjectName("boardFilter")
        self.filter_button.setCheckable(True)
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_menu = QMenu(self)
        self.filter_button.setMenu(self.filter_menu)
        self.field_menu = self.filter_menu.addMenu("")
        self.colour_menu = self.filter_menu.addMenu("")
        self.field_group = QActionGroup(self)
        self.colour_group = QActionGroup(self)
        self.field_group.triggered.connect(lambda _action: self._apply_filter())
        self.colour_group.triggered.connect(lambda _action: self._apply_filter())
        self.zoom_out_button = QToolButton(self)
        self.zoom_in_button = QToolButton(self)
        self.fit_button = QToolButton(self)
        self.cluster_button = QPushButton(self)
        self.private_button = QToolButton(self)
        self.private_button.setCheckable(True)
        self.reveal_button = QToolButton(self)
        self.counts = QLabel(self)
        self.counts.setObjectName("boardCounts")
        self.side_button = QToolButton(self)
        self.side_button.setCheckable(True)
        self.projector_button = QToolButton(self)
        self.projector_button.setCheckable(True)
        self.more_button = QToolButton(self)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self)
        self.more_button.setMenu(self.more_menu)
        # A tool bar, so that on a small laptop screen what does not fit goes behind ».
        # Most used first: what does not fit at 1366 pixels is the least used.
        self.bar = QToolBar(self)
        self.bar.setObjectName("boardBar")
        groups: list[list[QWidget]] = [
            [self.board_choice, self.new_board_button],
            [self.projector_button, self.side_button, self.more_button],
            [self.search, self.match_label, self.filter_button],
            [self.zoom_out_button, self.zoom_in_button, self.fit_button, self.cluster_button],
            [self.private_button, self.reveal_button]]
        for index, group in enumerate(groups):
            if index:
                self.bar.addSeparator()
            for widget in group:
                self.bar.addWidget(widget)

    def _build_actions(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._run_search)
        def action(shortcut: str | QKeySequence.StandardKey | None,
                   slot: Callable[[], Any]) -> QAction:
            made = QAction(self)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            self.view.addAction(made)
            return made

        self.delete_action = action(QKeySequence.StandardKey.Delete, self.delete_selected)
        self.copy_action = action(QKeySequence.StandardKey.Copy, self.copy_selected)
        self.paste_action = action(QKeySequence.StandardKey.Paste, self.paste)
        self.duplicate_action = action("Ctrl+D", self.duplicate_selected)
        self.select_all_action = action(QKeySequence.StandardKey.SelectAll,
                                        self.select_all)
        self.group_action = action("Ctrl+G", self.cluster_selection)
        self.merge_action = action("Ctrl+M", self.merge_selected)
        self.dissolve_action = action("Ctrl+Shift+G", self.dissolve_selected)
        self.tidy_action = action("Ctrl+T", self.tidy_selected)
        self.collapse_action = action(None, self.toggle_collapse)
        self.edit_action = action("F2", self.edit_selected)
        self.fit_action = action("Ctrl+0", self.view.fit_all)
        self.zoom_selection_action = action("Ctrl+Shift+0", self.view.zoom_to_selection)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self.search.setFocus)
        self.addAction(self.find_action)
        self._build_page_keys()
        self.measure_action = action(None, self.promote_selected)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.choose_import)
        self.export_png_action = QAction(self)
        self.export_png_action.triggered.connect(lambda: self.choose_export("png"))
        self.export_pdf_action = QAction(self)
        self.export_pdf_action.triggered.connect(lambda: self.choose_export("pdf"))
        self.export_svg_action = QAction(self)
        self.export_svg_action.triggered.connect(lambda: self.choose_export("svg"))
        self.more_menu.addAction(self.import_action)
        self.more_menu.addSeparator()
        for export in (self.export_png_action, self.export_pdf_action, self.export_svg_action):
            self.more_menu.addAction(export)

    def _build_page_keys(self) -> None:
        """Projector and panels from anywhere on the page (also while typing a note)."""
        self.projector_action = QAction(self)
        self.projector_action.setShortcuts([QKeySequence(key) for key in PROJECTOR_KEYS])
        self.projector_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.projector_action.triggered.connect(self.projector_button.toggle)
        self.addAction(self.projector_action)
        self.panels_action = QAction(self)
        self.panels_action.setShortcut(QKeySequence(PANELS_KEY))
        self.panels_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.panels_action.triggered.connect(self.side_button.toggle)
        self.addAction(self.panels_action)

    def _connect(self) -> None:
        self.bridge.changed.connect(self._on_changed)
        self.scene.moved.connect(self._on_moved)
        self.scene.merge_dropped.connect(self._on_merge_dropped)
        self.scene.content_changed.connect(lambda _area: self._show_counts())
        self.scene.cluster_resized.connect(self._on_resized)
        self.view.edit_requested.connect(self._edit_item)
        self.view.context_requested.connect(self._context_menu)
        self.editor.committed.connect(self._on_edited)
        self.editor.refused.connect(self.bridge.failed.emit)
        self.capture.submitted.connect(self.add_notes)
        self.capture.refused.connect(self.bridge.failed.emit)
        self.board_choice.activated.connect(self._on_board_chosen)
        self.new_board_button.clicked.connect(self.create_board)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.next_match)
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom_by(1.25))
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom_by(0.8))
        self.fit_button.clicked.connect(self.view.fit_all)
        self.cluster_button.clicked.connect(self.cluster_selection)
        self.private_button.toggled.connect(self._on_private_toggled)
        self.reveal_button.clicked.connect(self.reveal_private)
        self.projector_button.toggled.connect(self.show_projector)
        self.inbox.accept_requested.connect(self.accept_inbox)
        self.inbox.hide_requested.connect(
            lambda ids: self.bridge.run(ops.hide_ideas(ids)) if ids else None)
        self.ranking.chosen.connect(self.show_item)
        self.suggestions.requested.connect(self.request_suggestions)
        self.suggestions.accepted.connect(self.accept_suggestion)
        self.suggestions.rejected.connect(self.reject_suggestion)

    def _retranslate(self) -> None:
        self.new_board_button.setText(self.tr("New board"))
        self.new_board_button.setToolTip(self.tr("Add a board to this workshop"))
        self.search.setPlaceholderText(self.tr("Search notes (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search notes"))
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (-)"))
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (+)"))
        self.fit_button.setText(self.tr("Show all"))
        self.fit_button.setToolTip(self.tr("Show the whole board (Ctrl+0)"))
        self.cluster_button.setText(self.tr("Group"))
        self.cluster_button.setToolTip(self.tr("Put the selected notes in a new cluster (Ctrl+G)"))
        self.private_button.setText(self.tr("Private"))
        self.private_button.setToolTip(self.tr(
            "Private brainstorm: new notes stay hidden on the projector until revealed"))
        self.reveal_button.setText(self.tr("Reveal"))
        self.reveal_button.setToolTip(self.tr("Show the private notes on the projector"))
        self.projector_button.setText(self.tr("Projector"))
        self.projector_button.setToolTip(self.tr(
            "Show the board in a second window (full screen on a second screen), following "
            "this view (F5 or Ctrl+P)"))
        self.more_button.setText(self.tr("More"))
        self.more_button.setToolTip(self.tr("Import ideas, export the board"))
        self.filter_button.setText(self.tr("Filter"))
        self.field_menu.setTitle(self.tr("Field of action"))
        self.colour_menu.setTitle(self.tr("Colour"))
        self.import_action.setText(self.tr("Import ideas from a file…"))
        self.export_png_action.setText(self.tr("Export as picture (PNG)…"))
        self.export_pdf_action.setText(self.tr("Export as PDF…"))
        self.export_svg_action.setText(self.tr("Export as SVG…"))
        self._show_empty_text()
        self._title_side_tabs()
        self._show_counts()
        self._show_match_count()
        texts = {
            self.delete_action: self.tr("Delete"), self.copy_action: self.tr("Copy"),
            self.paste_action: self.tr("Paste"), self.duplicate_action: self.tr("Duplicate"),
            self.select_all_action: self.tr("Select all"),
            self.group_action: self.tr("Group into a new cluster"),
            self.merge_action: self.tr("Merge the selected clusters"),
            self.dissolve_action: self.tr("Dissolve cluster"),
            self.tidy_action: self.tr("Tidy into a grid"),
            self.collapse_action: self.tr("Collapse / expand"),
            self.edit_action: self.tr("Edit"), self.fit_action: self.tr("Show all"),
            self.zoom_selection_action: self.tr("Zoom to selection"),
            self.measure_action: self.tr("Make a measure of the digital agenda"),
        }
        for item, text in texts.items():
            item.setText(text)
        self._fill_filters()

    def _show_empty_text(self) -> None:
        """What the page says when it shows no board, from where things stand now (one
        place, so that neither a language switch nor a deleted workshop leaves a stale or
        wrong hint)."""
        if self.workshop_id is None:
            text = self.tr("Choose a workshop on the left to see its boards.")
        elif self._boards_known and not self.boards:
            text = self.tr("This workshop has no board yet. Click “New board” to start one.")
        else:
            text = self.tr("Loading the boards…")
        self.empty.setText(text)

    def _show_counts(self) -> None:
        if self.snapshot is None:
            self.counts.setText("")
            self._show_match_count()
            return
        notes, clusters = len(self.scene.notes), len(self.scene.clusters)
        self.counts.setText(" · ".join((
            self.tr("1 note") if notes == 1 else self.tr("{count} notes").format(count=notes),
            self.tr("1 cluster") if clusters == 1 else self.tr("{count} clusters").format(
                count=clusters))))
        self._show_match_count()

    def _show_match_count(self) -> None:
        """How many notes the search finds, next to the search line ("" without a search)."""
        if not self.search.text().strip() or self.snapshot is None:
            self.match_label.setText("")
            return
        found = sum(1 for note in self.scene.notes.values()
                    if note.highlight == Highlight.MATCH)
        self.match_label.setText(
            self.tr("no matches") if found == 0 else self.tr("1 match") if found == 1
            else self.tr("{count} matches").format(count=found))

    def _title_side_tabs(self) -> None:
        waiting = len(self._inbox_ideas) if hasattr(self, "_inbox_ideas") else 0
        self.side.setTabText(0, self.tr("Inbox ({count})").format(count=waiting))
        self.side_button.setText(self.tr("Panels ({count})").format(count=waiting)
                                 if waiting else self.tr("Panels"))
        self.side_button.setToolTip(self.tr(
            "Inbox of ideas from phones, ranking by votes, cluster suggestions (F9)"))
        self.side.setTabText(1, self.tr("Ranking"))
        self.side.setTabText(2, self.tr("Suggestions"))
        self._fit_side()
        # The panels may get their new language after the page: measure again then.
        QTimer.singleShot(0, self, self._fit_side)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------- loading

    def show_workshop(self, workshop_id: uuid.UUID | None) -> None:
        """Show the boards of this workshop (the first one, or the one shown before)."""
        if workshop_id == self.workshop_id and workshop_id is not None:
            return
        self.workshop_id = workshop_id
        self._boards_known = False
        if workshop_id is None:
            # Nothing that is still being read for the last workshop may show up now.
            self._wanted_board = None
            self._full_seq = self._next_seq()
            self.boards = ()
            self.board_choice.clear()
            self._show_board(None)
            self.stack.setCurrentWidget(self.empty)
            self._enable(False)
            self._show_empty_text()
            return
        self._show_empty_text()
        self._reload_boards()

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _reload_boards(self) -> None:
        workshop_id = self.workshop_id
        if workshop_id is None:
            return
        self.bridge.load(lambda session: list_boards(session, workshop_id),
                         lambda boards: self._show_boards(workshop_id, boards))

    def _show_boards(self, workshop_id: uuid.UUID, boards: tuple[BoardInfo, ...]) -> None:
        if workshop_id != self.workshop_id:
            return
        self.boards = boards
        self._boards_known = True
        current = self._wanted_board or (self.snapshot.board.id if self.snapshot else None)
        self.board_choice.clear()
        for board in boards:
            self.board_choice.addItem(board.title, str(board.id))
        self._enable(bool(boards))
        self._show_empty_text()
        if not boards:
            self._wanted_board = None
            self._full_seq = self._next_seq()
            self.stack.setCurrentWidget(self.empty)
            self._show_board(None)
            self.new_board_button.setEnabled(True)
            return
        self.stack.setCurrentIndex(1)
        ids = [board.id for board in boards]
        chosen = current if current in ids else ids[0]
        self.board_choice.setCurrentIndex(ids.index(chosen))
        self.open_board(chosen)

    def _show_board(self, snapshot: BoardSnapshot | None) -> None:
        """Put this board (or none) on screen, with everything that belongs to it."""
        if snapshot is None or self.snapshot is None or (
                snapshot.board.id != self.snapshot.board.id):
            self._idea_seq.clear()
            self._cluster_seq.clear()
            self._votes_seq = 0
            self._inbox_ideas = ()
            self.inbox.show_ideas(())
            self._title_side_tabs()
            self._clear_suggestions()
        self.snapshot = snapshot
        self.scene.set_snapshot(snapshot)
        if snapshot is None:
            self.ranking.show_snapshot(None)
            self._show_counts()

    def open_board(self, board_id: uuid.UUID) -> None:
        if self.snapshot is None or self.snapshot.board.id != board_id:
            self._fit_on_load = True
        self._wanted_board = board_id
        seq = self._full_seq = self._next_seq()
        self.bridge.load(lambda session: load_board(session, board_id),
                         lambda snapshot: self._show_snapshot(seq, snapshot))

    def _show_snapshot(self, seq: int, snapshot: BoardSnapshot | None) -> None:
        if seq != self._full_seq:
            return  # a newer full read was asked for (or the board was left): it decides
        if snapshot is None or snapshot.board.id != self._wanted_board or (
                snapshot.board.workshop_id != self.workshop_id):
            return
        if self.snapshot is not None and self.snapshot.board.id == snapshot.board.id:
            snapshot = self._with_newer_rows(seq, snapshot)
        self._shown_seq = seq
        self._show_board(snapshot)
        self.private_button.blockSignals(True)
        self.private_button.setChecked(snapshot.board.private_mode)
        self.private_button.blockSignals(False)
        self._fill_filters()
        self.ranking.show_snapshot(snapshot)
        self._load_inbox()
        self._show_counts()
        if self._fit_on_load:
            self._fit_on_load = False
            self.view.fit_all()
        self.loaded.emit()

    def _with_newer_rows(self, seq: int, snapshot: BoardSnapshot) -> BoardSnapshot:
        """The snapshot with the rows that partial reads asked for after it have set on
        screen kept as they are (a slow full read must not put back an older state)."""
        self._idea_seq = {key: value for key, value in self._idea_seq.items() if value > seq}
        self._cluster_seq = {key: value for key, value in self._cluster_seq.items()
                             if value > seq}
        if self._votes_seq > seq and self.snapshot is not None:
            snapshot = dataclasses.replace(snapshot, votes=self.snapshot.votes)
        if not self._idea_seq and not self._cluster_seq:
            return snapshot
        ideas = [idea for idea in snapshot.ideas if idea.id not in self._idea_seq]
        ideas += [self.scene.notes[idea_id].idea for idea_id in self._idea_seq
                  if idea_id in self.scene.notes]
        clusters: list[ClusterView] = [cluster for cluster in snapshot.clusters
                                       if cluster.id not in self._cluster_seq]
        clusters += [self.scene.clusters[cluster_id].cluster for cluster_id in self._cluster_seq
                     if cluster_id in self.scene.clusters]
        return dataclasses.replace(snapshot, ideas=tuple(ideas), clusters=tuple(clusters))

    def _on_board_chosen(self, index: int) -> None:
        value = self.board_choice.itemData(index)
        if value:
            self.open_board(uuid.UUID(value))

    def _on_changed(self, changes: ChangeSet) -> None:
        self._say_promoted(changes)
        if self.workshop_id is None:
            return
        if not changes or changes.touches("board"):
            self._reload_boards()
            return
        if self.snapshot is None or not changes.touches(*BOARD_KINDS):
            return
        if changes.touches("field_of_action"):
            self.open_board(self.snapshot.board.id)
            return
        if changes.touches("vote", "paper_tally", "ballot_option", "ballot"):
            # Phones vote in bursts: only the badges change, never the whole board.
            self._load_totals()
            if not changes.touches("idea", "cluster"):
                return
        board_id = self.snapshot.board.id
        idea_ids = changes.ids("idea")
        cluster_ids = changes.ids("cluster")
        seq = self._next_seq()
        self.bridge.load(lambda session: load_delta(session, board_id, idea_ids, cluster_ids),
                         lambda delta: self._apply_delta(board_id, seq, delta))

    def _load_totals(self) -> None:
        if self.snapshot is None:
            return
        if self._totals_loading:
            self._totals_stale = True
            return
        self._totals_loading = True
        self._totals_stale = False
        board_id = self.snapshot.board.id
        seq = self._next_seq()
        self.bridge.load(lambda session: vote_totals(session, board_id),
                         lambda totals: self._apply_totals(board_id, seq, totals))

    def _apply_totals(self, board_id: uuid.UUID, seq: int,
                      totals: dict[uuid.UUID, int]) -> None:
        self._totals_loading = False
        if self.snapshot is not None and self.snapshot.board.id == board_id:
            if seq > self._shown_seq:  # else the snapshot on screen is newer
                self._votes_seq = seq
                self.snapshot = dataclasses.replace(self.snapshot, votes=totals)
                self.scene.set_votes(totals)
                self._refresh_ranking()
            self.votes_shown.emit()
        if self._totals_stale:
            self._load_totals()

    def _apply_delta(self, board_id: uuid.UUID, seq: int, delta: BoardDelta) -> None:
        if self.snapshot is None or self.snapshot.board.id != board_id:
            return
        if seq < self._shown_seq:
            return  # asked for before the snapshot on screen, which knows better
        idea_seq, cluster_seq = self._idea_seq, self._cluster_seq
        ideas = [idea for idea in delta.ideas if idea_seq.get(idea.id, 0) < seq]
        gone_ideas = [idea_id for idea_id in delta.gone_ideas if idea_seq.get(idea_id, 0) < seq]
        clusters = [cluster for cluster in delta.clusters
                    if cluster_seq.get(cluster.id, 0) < seq]
        gone_clusters = [cluster_id for cluster_id in delta.gone_clusters
                         if cluster_seq.get(cluster_id, 0) < seq]
        for idea_id in (*(idea.id for idea in ideas), *gone_ideas):
            idea_seq[idea_id] = seq
        for cluster_id in (*(cluster.id for cluster in clusters), *gone_clusters):
            cluster_seq[cluster_id] = seq
        self.scene.remove(gone_ideas, gone_clusters)
        self.scene.update_rows(ideas, clusters)
        self._refresh_ranking()
        if any(idea.state == IdeaState.INBOX.value for idea in delta.ideas) or any(
                idea.id in delta.gone_ideas or idea.id in {i.id for i in delta.ideas}
                for idea in self._inbox_ideas):
            self._load_inbox()
        if self.search.text().strip():
            self._show_match_count()
        self.loaded.emit()

    def current_snapshot(self) -> BoardSnapshot | None:
        """The board as the scene shows it now (the loaded snapshot plus later changes)."""
        if self.snapshot is None:
            return None
        return BoardSnapshot(self.snapshot.board,
                             tuple(note.idea for note in self.scene.notes.values()),
                             tuple(frame.cluster for frame in self.scene.clusters.values()),
                             self.snapshot.fields, self.snapshot.votes)

    def _refresh_ranking(self) -> None:
        if self.side.isVisible() and self.side.currentWidget() is self.ranking:
            self.ranking.show_snapshot(self.current_snapshot())

    def _enable(self, on: bool) -> None:
        widgets: list[QWidget] = [
            self.board_choice, self.search, self.filter_button,
            self.zoom_in_button, self.zoom_out_button, self.fit_button, self.cluster_button,
            self.private_button, self.reveal_button, self.projector_button, self.more_button]
        for widget in widgets:
            widget.setEnabled(on)
        self.new_board_button.setEnabled(self.workshop_id is not None)

    # ----------------------------------------------------------------- side panels

    def _load_inbox(self) -> None:
        board_id = self.board_id()
        if board_id is None:
            return
        self.bridge.load(lambda session: inbox(session, board_id),
                         lambda ideas: self._show_inbox(board_id, ideas))

    def _show_inbox(self, board_id: uuid.UUID, ideas: tuple[IdeaView, ...]) -> None:
        if board_id != self.board_id():
            return
        grew = len(ideas) > len(self._inbox_ideas)
        self._inbox_ideas = ideas
        self.inbox.show_ideas(ideas)
        self._title_side_tabs()
        if grew:  # new ideas from phones: show them
            self.side_button.setChecked(True)
            self.side.setCurrentWidget(self.inbox)

    def accept_inbox(self, idea_ids: list[uuid.UUID]) -> None:
        if not idea_ids:
            return
        center = self.view.visible_scene_rect().center()
        spots = free_spots(self.scene.occupied(), (center.x(), center.y()), len(idea_ids))
        self.bridge.run(ops.accept_from_inbox(dict(zip(idea_ids, spots, strict=True)),
                                              private=self._private()))

    def show_item(self, kind: str, entity_id: uuid.UUID) -> None:
        item = (self.scene.notes.get(entity_id) if kind == "idea"
                else self.scene.clusters.get(entity_id))
        if item is None:
            return
        self.scene.clearSelection()
        item.setSelected(True)
        self.view.fit(item.sceneBoundingRect())

    def request_suggestions(self, mode: str) -> None:
        """Compute suggestions off the GUI thread from the notes as they are now."""
        board_id = self.board_id()
        if board_id is None:
            return
        self._suggestion_mode = mode
        self._suggest_seq += 1
        seq = self._suggest_seq
        loose = [(note.id, note.idea.text) for note in self.scene.loose_notes()]
        from myk10_workshop.board.suggest import suggest_clusters, suggest_placements

        self.suggestions.set_busy(True)
        if mode == "place":
            clusters: dict[Hashable, list[str]] = {
                frame_id: [n.idea.text for n in self.scene.cluster_members(frame_id)]
                for frame_id in self.scene.clusters}
            titles: dict[Hashable, str] = {
                frame_id: frame.cluster.title for frame_id, frame in self.scene.clusters.items()}
            self.bridge.compute(lambda: suggest_placements(loose, clusters, titles=titles),
                                lambda found: self._show_placements(board_id, seq, found))
            return
        notes = loose if mode == "free" else [
            (note.id, note.idea.text) for note in self.scene.notes.values()]
        self.bridge.compute(lambda: suggest_clusters(notes),
                            lambda found: self._show_suggestions(board_id, seq, found))

    def _current_request(self, board_id: uuid.UUID, seq: int) -> bool:
        """Whether suggestions computed for this board and request are still wanted."""
        return seq == self._suggest_seq and board_id == self.board_id()

    def _clear_suggestions(self) -> None:
        """Suggestions of another board mean nothing here: forget them (and any on the way)."""
        self._suggest_seq += 1
        self._suggested = []
        self._placements = []
        self.suggestions.set_busy(False)
        self.suggestions.status.setText("")
        self.suggestions.show_entries([])

    def _show_suggestions(self, board_id: uuid.UUID, seq: int,
                          found: list[Suggestion]) -> None:
        if not self._current_request(board_id, seq):
            return
        self.suggestions.set_busy(False)
        self._suggested = list(found)
        self._placements = []
        self.suggestions.status.setText(
            self.tr("No groups found: the notes have too little in common.") if not found
            else self.tr("1 suggestion. Accept it if it fits.") if len(found) == 1
            else self.tr("{count} suggestions. Accept the ones that fit, one by one.")
            .format(count=len(found)))
        self.suggestions.show_entries([
            (self.tr("{label} – 1 note") if len(s.note_ids) == 1
             else self.tr("{label} – {count} notes")).format(
                label=s.label, count=len(s.note_ids))
            for s in found])

    def _show_placements(self, board_id: uuid.UUID, seq: int,
                         placements: dict[Hashable, Hashable]) -> None:
        if not self._current_request(board_id, seq):
            return
        self.suggestions.set_busy(False)
        grouped: dict[uuid.UUID, list[uuid.UUID]] = {}
        for note_id, cluster_id in placements.items():
            if isinstance(note_id, uuid.UUID) and isinstance(cluster_id, uuid.UUID):
                grouped.setdefault(cluster_id, []).append(note_id)
        self._placements = sorted(grouped.items(), key=lambda entry: -len(entry[1]))
        self._suggested = []
        self.suggestions.status.setText(
            self.tr("No loose note fits clearly into an existing cluster.") if not placements
            else self.tr("1 loose note fits into an existing cluster.") if len(placements) == 1
            else self.tr("{count} loose notes fit into existing clusters.").format(
                count=len(placements)))
        titles = {frame_id: frame.cluster.title for frame_id, frame in self.scene.clusters.items()}
        self.suggestions.show_entries([
            (self.tr("1 note → {title}") if len(ids) == 1
             else self.tr("{count} notes → {title}")).format(
                count=len(ids), title=titles.get(cid, "?"))
            for cid, ids in self._placements])

    def accept_suggestion(self, row: int) -> None:
        board_id = self.board_id()
        if board_id is None:
            return
        if self._placements:
            cluster_id, note_ids = self._placements.pop(row)
            self._sort_into(cluster_id, note_ids)
        elif 0 <= row < len(self._suggested):
            suggestion = self._suggested.pop(row)
            ids = [i for i in suggestion.note_ids if isinstance(i, uuid.UUID)
                   and i in self.scene.notes]
            if len(ids) >= 2:
                content = self.scene.itemsBoundingRect()
                origin = Rect(content.right() + 3 * GAP, content.top(), 0.0, 0.0)
                positions, frame = tidy(origin, ids)
                members = {i: (self.scene.notes[i].scenePos().x(),
                               self.scene.notes[i].scenePos().y()) for i in ids}
                colour = ops.CLUSTER_COLOURS[len(self.scene.clusters) % len(ops.CLUSTER_COLOURS)]
                self.bridge.run(ops.create_cluster(board_id, suggestion.label, members,
                                                   colour=colour, frame=frame, moves=positions))
        self.suggestions.remove_row(row)

    def _sort_into(self, cluster_id: uuid.UUID, note_ids: list[uuid.UUID]) -> None:
        frame = self.scene.clusters.get(cluster_id)
        joining = [i for i in note_ids if i in self.scene.notes]
        if frame is None or not joining:
            return
        members = [note.id for note in self.scene.cluster_members(cluster_id)] + joining
        width, height = frame.frame_size()
        positions, box = tidy(Rect(frame.scenePos().x(), frame.scenePos().y(), width, height),
                              members)
        self.bridge.run(ops.sort_into_cluster(cluster_id, joining, positions, box))

    def reject_suggestion(self, row: int) -> None:
        if self._placements:
            self._placements.pop(row)
        elif 0 <= row < len(self._suggested):
            self._suggested.pop(row)
        self.suggestions.remove_row(row)

    # ----------------------------------------------------------------- projector

    def show_projector(self, on: bool) -> None:
        if on and self.projector is None:
            from myk10_workshop.ui.board.projector import ProjectorWindow

            self.projector = ProjectorWindow(self.scene, self.view, self)
            self.projector.closed.connect(self._projector_closed)
            if self.snapshot is not None:
                self.projector.set_caption(self.snapshot.board.title)
            self.projector.show_on_best_screen()
        elif not on and self.projector is not None:
            self.projector.close()

    def _projector_closed(self) -> None:
        projector, self.projector = self.projector, None
        if projector is not None:
            projector.deleteLater()
        self.projector_button.blockSignals(True)
        self.projector_button.setChecked(False)
        self.projector_button.blockSignals(False)

    # ----------------------------------------------------------------- files

    def choose_import(self) -> None:
        if self.board_id() is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import ideas"), str(Path.home()),
            self.tr("Lists of ideas (*.csv *.txt);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read the file off the GUI thread, then show the preview."""
        self.bridge.compute(lambda: read_import(path), lambda preview: self._preview(
            path, preview))

    def _preview(self, path: Path, preview: ImportPreview) -> ImportDialog:
        from myk10_workshop.ui.board.import_dialog import ImportDialog

        dialog = ImportDialog(preview, path.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.import_rows(preview.rows))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def import_rows(self, rows: list[dict[str, str]]) -> None:
        """Imported notes in rows below the board; a backup is taken first."""
        board_id = self.board_id()
        if board_id is None or not rows:
            return
        content = self.scene.content_rect()
        top = content.bottom() + 3 * GAP if not content.isEmpty() else 0.0
        left = content.left() if not content.isEmpty() else 0.0
        per_row = 10
        positions = [(left + (i % per_row) * (NOTE_WIDTH + GAP),
                      top + (i // per_row) * (NOTE_HEIGHT + GAP)) for i in range(len(rows))]
        operation = ops.import_ideas(board_id, rows, positions, private=self._private())
        self.bridge.on_writer(lambda store: store.backup(BEFORE_IMPORT),
                              lambda _path: self.bridge.run(operation))

    def choose_export(self, kind: str) -> None:
        if self.snapshot is None:
            return
        title = self.snapshot.board.title
        filters = {"png": self.tr("Picture (*.png)"), "pdf": self.tr("PDF (*.pdf)"),
                   "svg": self.tr("SVG (*.svg)")}
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the board"), str(Path.home() / f"{title}.{kind}"),
            filters[kind])
        if path:
            self.export(kind, Path(path))

    def export(self, kind: str, path: Path) -> bool:
        """Write the whole board to a file. The drawing is made here (the scene lives on
        the GUI thread); encoding and writing run in the background. A failure is said
        plainly and leaves nothing half-written behind; success is said too."""
        from myk10_workshop.ui.board.export import render

        title = self.snapshot.board.title if self.snapshot else ""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rendered = render(self.scene, kind, title)
        except OSError as error:  # no memory for the picture
            self._export_failed(path, error)
            return False
        finally:
            QApplication.restoreOverrideCursor()

        def write() -> OSError | None:
            try:
                rendered.write(path)
            except OSError as error:
                return error
            return None

        def written(error: OSError | None) -> None:
            if error is not None:
                self._export_failed(path, error)
            else:
                self.notice.emit(self.tr("The board was saved to {path}.").format(path=path))
            self.exported.emit(path, error is None)

        self.bridge.compute(write, written)
        return True

    def _export_failed(self, path: Path, error: OSError) -> None:
        self.bridge.failed.emit(self.tr("The board could not be saved to {path}: {reason}")
                                .format(path=path, reason=error.strerror or error))

    # ----------------------------------------------------------------- boards

    def create_board(self) -> None:
        if self.workshop_id is None:
            return
        title = self.tr("Board {number}").format(number=len(self.boards) + 1)
        operation = Create("board", {"workshop_id": self.workshop_id, "title": title})
        self._wanted_board = operation.id
        self._fit_on_load = True
        self.bridge.run(operation)

    # ----------------------------------------------------------------- notes

    def board_id(self) -> uuid.UUID | None:
        return self.snapshot.board.id if self.snapshot else None

    def add_notes(self, texts: Sequence[str]) -> None:
        """New notes next to each other around the middle of the view."""
        board_id = self.board_id()
        if board_id is None or not texts:
            return
        center = self.view.visible_scene_rect().center()
        spots = free_spots(self.scene.occupied(), (center.x(), center.y()), len(texts))
        self.bridge.run(ops.create_ideas(board_id, list(texts), spots,
                                         private=self._private()))

    def _private(self) -> bool:
        """Whether new notes are private now (a private brainstorm is on)."""
        return self.private_button.isChecked()

    def selected_ideas(self) -> list[NoteItem]:
        return self.scene.selected_notes()

    def delete_selected(self) -> None:
        notes = [note.id for note in self.scene.selected_notes()]
        frames = [frame.id for frame in self.scene.selected_clusters()]
        if notes or frames:
            self.bridge.run(ops.delete_items(notes, frames))

    def copy_selected(self) -> None:
        self._clipboard = [_copy_of(note) for note in self.scene.selected_notes()]
        QApplication.clipboard().setText("\n".join(copy.text for copy in self._clipboard))

    def paste(self) -> None:
        """Paste copied notes as copies, or any other text as one note per line."""
        text = QApplication.clipboard().text()
        if self._clipboard and text == "\n".join(copy.text for copy in self._clipboard):
            self._place_copies(self._clipboard)
        else:
            self.add_notes(split_lines(text))

    def duplicate_selected(self) -> None:
        notes = self.scene.selected_notes()
        board_id = self.board_id()
        if notes and board_id is not None:
            positions = [(note.scenePos().x() + 30, note.scenePos().y() + 30) for note in notes]
            self.bridge.run(ops.copy_ideas(board_id, [_copy_of(n) for n in notes], positions,
                                           private=self._private()))

    def _place_copies(self, copies: list[ops.NoteCopy]) -> None:
        board_id = self.board_id()
        if board_id is None:
            return
        center = self.view.visible_scene_rect().center()
        spots = free_spots(self.scene.occupied(), (center.x(), center.y()), len(copies))
        self.bridge.run(ops.copy_ideas(board_id, copies, spots, private=self._private()))

    def select_all(self) -> None:
        self.scene.select_notes(self.scene.notes.values())

    def set_colour(self, colour: str) -> None:
        notes = [note.id for note in self.scene.selected_notes()]
        frames = [frame.id for frame in self.scene.selected_clusters()]
        if notes or frames:
            self.bridge.run(ops.recolour(notes, frames, colour))

    def set_field(self, field_id: uuid.UUID | None) -> None:
        notes = [note.id for note in self.scene.selected_notes()]
        if notes:
            self.bridge.run(ops.tag_field(notes, field_id))

    def edit_selected(self) -> None:
        items = self.scene.selectedItems()
        if len(items) == 1 and isinstance(items[0], NoteItem | ClusterItem):
            self._edit_item(items[0])

    def _edit_item(self, item: object) -> None:
        if isinstance(item, NoteItem):
            self.editor.edit_note(item)
        elif isinstance(item, ClusterItem):
            self.editor.edit_title(item)

    def _on_edited(self, item: object, text: str) -> None:
        if isinstance(item, NoteItem) and text != item.idea.text:
            self.bridge.run(ops.edit_idea(item.id, text=text))
        elif isinstance(item, ClusterItem) and text != item.cluster.title:
            self.bridge.run(ops.edit_cluster(item.id, title=text))

    def set_author(self) -> None:
        notes = self.scene.selected_notes()
        if not notes:
            return
        author, ok = QInputDialog.getText(self, self.tr("Author"), self.tr(
            "Who wrote this note? (Leave empty for anonymous.)"), text=notes[0].idea.author)
        if ok:
            self.bridge.run(ops.set_author([note.id for note in notes], author.strip()))

    # ----------------------------------------------------------------- moves

    def _on_moved(self, ideas: dict[uuid.UUID, tuple[float, float]],
                  clusters: dict[uuid.UUID, tuple[float, float]],
                  memberships: dict[uuid.UUID, uuid.UUID | None],
                  sizes: dict[uuid.UUID, tuple[float, float]]) -> None:
        self.bridge.run(ops.move(ideas, clusters, memberships, sizes))

    def _on_merge_dropped(self, target: uuid.UUID, other: uuid.UUID,
                          places: dict[uuid.UUID, tuple[float, float]],
                          size: tuple[float, float]) -> None:
        frame = self.scene.clusters.get(target)
        if frame is None:
            return
        box = Rect(frame.scenePos().x(), frame.scenePos().y(), *size)
        self.bridge.run(ops.merge_dropped(target, other, places, box))

    def _on_resized(self, cluster_id: uuid.UUID, width: float, height: float) -> None:
        self.bridge.run(ops.edit_cluster(cluster_id, width=width, height=height))

    # ----------------------------------------------------------------- clusters

    def cluster_selection(self) -> None:
        board_id = self.board_id()
        notes = self.scene.selected_notes()
        if board_id is None or not notes:
            return
        members = {note.id: (note.scenePos().x(), note.scenePos().y()) for note in notes}
        colour = ops.CLUSTER_COLOURS[len(self.scene.clusters) % len(ops.CLUSTER_COLOURS)]
        operation = ops.create_cluster(board_id, self.tr("New cluster"), members,
                                       colour=colour)
        if self.bridge.run(operation):
            self._rename_when_shown(operation.operations[0].id)  # type: ignore[attr-defined]

    def _rename_when_shown(self, cluster_id: uuid.UUID) -> None:
        def show_editor() -> None:
            frame = self.scene.clusters.get(cluster_id)
            if frame is not None:
                self.loaded.disconnect(show_editor)
                self.scene.clearSelection()
                frame.setSelected(True)
                self.editor.edit_title(frame)

        self.loaded.connect(show_editor)

    def merge_selected(self) -> None:
        frames = self.scene.selected_clusters()
        if len(frames) == 2:
            target, other = sorted(frames, key=lambda f: -f.count)
            self.bridge.run(ops.MergeClusters(target.id, other.id))

    def dissolve_selected(self) -> None:
        frames = self.scene.selected_clusters()
        if frames:
            self.bridge.run(ops.delete_items((), [frame.id for frame in frames]))

    def tidy_selected(self) -> None:
        for frame in self.scene.selected_clusters():
            members = self.scene.cluster_members(frame.id)
            width, height = frame.frame_size()
            positions, box = tidy(Rect(frame.scenePos().x(), frame.scenePos().y(),
                                       width, height), [note.id for note in members])
            self.bridge.run(ops.tidy_cluster(frame.id, positions, box))

    def toggle_collapse(self) -> None:
        for frame in self.scene.selected_clusters():
            self.bridge.run(ops.edit_cluster(frame.id, collapsed=not frame.cluster.collapsed))

    def promote_selected(self) -> None:
        """Make a measure of the selected cluster (or notes), unless one was already made of
        it: first look which of them already feed a measure (off the GUI thread)."""
        if self.snapshot is None:
            return
        frames = self.scene.selected_clusters()
        notes = self.scene.selected_notes()
        board_id = self.snapshot.board.id
        if frames:
            frame = frames[0]
            cluster_id: uuid.UUID | None = frame.id
            ids = frozenset(note.id for note in self.scene.cluster_members(frame.id))
        elif notes:
            cluster_id = None
            ids = frozenset(note.id for note in notes)
        else:
            return
        seq = self._next_seq()
        self.bridge.load(lambda session: measure_links(session, ids, cluster_id),
                         lambda links: self._promote(board_id, cluster_id, ids, seq, links))

    def _promote(self, board_id: uuid.UUID, cluster_id: uuid.UUID | None,
                 idea_ids: frozenset[uuid.UUID], seq: int, links: dict[uuid.UUID, str],
                 ) -> None:
        links = self._with_recent_promotions(seq, links)
        if self.snapshot is None or self.snapshot.board.id != board_id:
            return
        project_id = self.snapshot.board.project_id
        field_id = self.snapshot.board.field_of_action_id
        frame = self.scene.clusters.get(cluster_id) if cluster_id is not None else None
        if cluster_id is not None:
            if frame is None:
                return
            if cluster_id in links:
                self.notice.emit(self.tr(
                    "This cluster is already the measure “{title}”: no second measure was "
                    "made.").format(title=links[cluster_id]))
                return
        notes = [self.scene.notes[i] for i in sorted(
            idea_ids, key=lambda i: (self.scene.notes[i].idea.y, self.scene.notes[i].idea.x))
            if i in self.scene.notes and i not in links]
        left_out = len([i for i in idea_ids if i in links])
        if frame is not None:
            title = frame.cluster.title or self.tr("New measure")
            operation = ops.promote_to_measure(
                project_id, title, cluster_id=frame.id, idea_ids=[note.id for note in notes],
                field_of_action_id=field_id)
        elif notes:
            title = notes[0].idea.text.split("\n")[0]
            operation = ops.promote_to_measure(
                project_id, title, idea_ids=[note.id for note in notes],
                field_of_action_id=notes[0].idea.field_of_action_id or field_id,
                description="\n".join(note.idea.text for note in notes))
        else:
            title = next(iter(links.values()), "")
            self.notice.emit((self.tr(
                "This note is already the measure “{title}”: no second measure was made.")
                if len(idea_ids) == 1 else self.tr(
                "These notes are already measures (such as “{title}”): no second measure "
                "was made.")).format(title=title))
            return
        measure = operation.operations[0]
        if not self.bridge.run(operation):
            return
        if isinstance(measure, Create):
            self._promoting[measure.id] = self._promoted_text(title, left_out)
            sources = {note.id: title for note in notes}
            if frame is not None:
                sources[frame.id] = title
            self._promoting_sources[measure.id] = (sources, None)

    def _with_recent_promotions(self, seq: int, links: dict[uuid.UUID, str],
                                ) -> dict[uuid.UUID, str]:
        """``links`` read from the store, plus the links of measures made here a moment
        ago that the read (asked for before they were saved) may not know yet."""
        for measure_id, (sources, seen_after) in list(self._promoting_sources.items()):
            if seen_after is None or seq <= seen_after:
                links = {**sources, **links}
            elif measure_id not in self._promoting:
                del self._promoting_sources[measure_id]
        return links

    def _promoted_text(self, title: str, left_out: int) -> str:
        text = self.tr("The measure “{title}” is now in the digital agenda.").format(
            title=title[:200])
        if left_out:
            text += " " + (self.tr(
                "One note that is already a measure was left out.") if left_out == 1
                else self.tr("{count} notes that are already measures were left out.")
                .format(count=left_out))
        return text

    def _say_promoted(self, changes: ChangeSet) -> None:
        """A measure made here was saved: say so (its text was prepared with the request)."""
        if not self._promoting:
            return
        if not changes:  # a write failed: the database says again what is linked
            self._promoting.clear()
            self._promoting_sources.clear()
            return
        for measure_id in changes.created.get("measure", ()):
            text = self._promoting.pop(measure_id, None)
            if text is not None:
                self.notice.emit(text)
                # Reads asked for from now on see the measure.
                sources, _seen = self._promoting_sources.get(measure_id, ({}, None))
                self._promoting_sources[measure_id] = (sources, self._seq)

    # ----------------------------------------------------------------- private brainstorm

    def _on_private_toggled(self, on: bool) -> None:
        board_id = self.board_id()
        if board_id is not None:
            self.bridge.run(ops.set_private_mode(board_id, on))

    def reveal_private(self) -> None:
        board_id = self.board_id()
        if board_id is not None:
            self.bridge.run(ops.RevealPrivate(board_id))

    # ----------------------------------------------------------------- search and filters

    def _run_search(self) -> None:
        matches = self.scene.set_search(self.search.text())
        self._match_index = -1
        self._show_match_count()
        if matches and self.search.text().strip():
            self.next_match()

    def next_match(self) -> None:
        """Show the next match; one in a collapsed cluster opens that cluster first."""
        matches = self.scene.matches()
        if not matches:
            return
        self._match_index = (self._match_index + 1) % len(matches)
        note = matches[self._match_index]
        frame = self.scene.frame_of(note)
        if frame is not None and frame.cluster.collapsed:
            # Open it on screen now (the jump must land on a visible note), and for good.
            self.scene.update_rows([], [dataclasses.replace(frame.cluster, collapsed=False)])
            self.bridge.run(ops.edit_cluster(frame.id, collapsed=False))
        if self.view.scale_factor() < 0.6:
            self.view.set_zoom(0.8)
        self.view.centerOn(note)

    def _fill_filters(self) -> None:
        """The filter menu: one field of action and one colour, "all" by default."""
        fields = self.snapshot.fields if self.snapshot else ()
        current_field = self._checked(self.field_group)
        current_colour = self._checked(self.colour_group)
        for group, menu in ((self.field_group, self.field_menu),
                            (self.colour_group, self.colour_menu)):
            for action in group.actions():
                group.removeAction(action)
                action.deleteLater()
            menu.clear()
        entries: list[tuple[QActionGroup, QMenu, QAction]] = []
        every_field = QAction(self.tr("All fields of action"), self)
        every_field.setData(None)
        entries.append((self.field_group, self.field_menu, every_field))
        for field in fields:
            action = QAction(swatch(field.colour), field.name, self)
            action.setData(str(field.id))
            entries.append((self.field_group, self.field_menu, action))
        every_colour = QAction(self.tr("All colours"), self)
        every_colour.setData(None)
        entries.append((self.colour_group, self.colour_menu, every_colour))
        for colour in ops.NOTE_COLOURS:
            action = QAction(swatch(colour), "", self)
            action.setData(colour)
            entries.append((self.colour_group, self.colour_menu, action))
        for group, menu, action in entries:
            action.setCheckable(True)
            group.addAction(action)
            menu.addAction(action)
        for group, current in ((self.field_group, current_field),
                               (self.colour_group, current_colour)):
            actions = group.actions()
            chosen = next((a for a in actions if a.data() == current), actions[0])
            chosen.setChecked(True)
        self._apply_filter()

    @staticmethod
    def _checked(group: QActionGroup) -> str | None:
        action = group.checkedAction()
        value = action.data() if action is not None else None
        return value if isinstance(value, str) else None

    def set_filter(self, field_id: uuid.UUID | None, colour: str | None) -> None:
        """Show only notes of this field of action and colour (None: any)."""
        wanted = {self.field_group: str(field_id) if field_id else None,
                  self.colour_group: colour}
        for group, value in wanted.items():
            for action in group.actions():
                if action.data() == value:
                    action.setChecked(True)
        self._apply_filter()

    def _apply_filter(self) -> None:
        field = self._checked(self.field_group)
        colour = self._checked(self.colour_group)
        self.scene.set_filter(uuid.UUID(field) if field else None, colour)
        active = field is not None or colour is not None
        self.filter_button.setChecked(active)
        names = []
        if field is not None:
            action = self.field_group.checkedAction()
            names.append(action.text() if action is not None else "")
        if colour is not None:
            names.append(self.tr("one colour"))
        self.filter_button.setToolTip(
            self.tr("Filter by field of action or colour") if not active else
            self.tr("Only notes of: {filter}").format(filter=", ".join(names)))
        if self.search.text().strip():
            self._show_match_count()

    # ----------------------------------------------------------------- menu

    def _context_menu(self, item: object, where: QPoint) -> None:
        menu = QMenu(self)
        notes = self.scene.selected_notes()
        frames = self.scene.selected_clusters()
        if item is None:
            menu.addAction(self.paste_action)
            menu.addAction(self.select_all_action)
            menu.addAction(self.fit_action)
        else:
            menu.addAction(self.edit_action)
            if notes:
                colours = menu.addMenu(self.tr("Colour"))
                for colour in ops.NOTE_COLOURS:
                    colours.addAction(swatch(colour), "",
                                      lambda c=colour: self.set_colour(c))
                if self.snapshot and self.snapshot.fields:
                    fields = menu.addMenu(self.tr("Field of action"))
                    fields.addAction(self.tr("None"), lambda: self.set_field(None))
                    for field in self.snapshot.fields:
                        fields.addAction(swatch(field.colour), field.name,
                                         lambda f=field.id: self.set_field(f))
                menu.addAction(self.tr("Author…"), self.set_author)
                menu.addAction(self.group_action)
                menu.addAction(self.copy_action)
                menu.addAction(self.duplicate_action)
            if frames:
                colours = menu.addMenu(self.tr("Colour"))
                for colour in ops.CLUSTER_COLOURS:
                    colours.addAction(swatch(colour), "", lambda c=colour: self.set_colour(c))
                menu.addAction(self.tidy_action)
                menu.addAction(self.collapse_action)
                if len(frames) == 2:
                    menu.addAction(self.merge_action)
                menu.addAction(self.dissolve_action)
            menu.addAction(self.measure_action)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.popup(where)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.setFocus()

