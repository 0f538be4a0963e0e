"""The main window: navigator on the left, one page per feature on the right.

It composes panels and owns the application-wide actions (undo, pages, language); each
panel owns its own actions. It never talks to the database: reads and writes go through
the :class:`StoreBridge`.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop import APP_NAME, __version__
from myk10_workshop.projects import operations
from myk10_workshop.projects.operations import NAVIGATOR_KINDS
from myk10_workshop.projects.queries import ProjectNode, WorkshopNode, load_counts, load_tree
from myk10_workshop.store.backup import Backup
from myk10_workshop.store.operations import ChangeSet
from myk10_workshop.ui.backups_dialog import BackupsDialog, format_taken
from myk10_workshop.ui.bridge import StoreBridge, render
from myk10_workshop.ui.message_bar import Level, MessageBar
from myk10_workshop.ui.navigator import NavigatorPanel
from myk10_workshop.ui.pages import (
    FEATURE_PAGES,
    OVERVIEW_TITLE,
    LazyPage,
    NotBuiltPage,
    OverviewPage,
)
from myk10_workshop.ui.project_actions import ProjectActions

TAB_STYLE = """
QTabBar::tab {
    padding: 6px 14px; margin-right: 2px; color: #1a1a1a; background: #e4e4e4;
    border: 1px solid #bdbdbd; border-bottom: none;
    border-top-left-radius: 4px; border-top-right-radius: 4px;
}
QTabBar::tab:selected { background: #ffffff; border-color: #9a9a9a; }
QTabBar::tab:hover:!selected { background: #efefef; }
"""


if TYPE_CHECKING:
    from myk10_workshop.ui.agenda.tab import AgendaTab
    from myk10_workshop.ui.board.page import BoardPage
    from myk10_workshop.ui.timeline.tab import TimelineTab
    from myk10_workshop.ui.voting.live import LiveController
    from myk10_workshop.ui.voting.page import VotingPage


class MainWindow(QMainWindow):
    # Emitted once, when the first snapshot of the store is on screen.
    ready = Signal()
    # The user chose a language ("de" or "en").
    language_chosen = Signal(str)

    def __init__(self, bridge: StoreBridge, data_dir: Path, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.bridge = bridge
        self.data_dir = data_dir
        self.messages = MessageBar(self)
        self.navigator = NavigatorPanel(self)
        self.navigator.setMinimumWidth(280)
        self.overview = OverviewPage(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pages")
        self.tabs.setDocumentMode(True)
        # Fusion clips the top of unselected tab labels ("Übersicht" lost its dots); tabs
        # with their own padding keep every glyph whole and are easier to hit.
        self.tabs.tabBar().setStyleSheet(TAB_STYLE)
        self.tabs.addTab(self.overview, "")
        self._build_pages()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 900])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.messages)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.project_actions = ProjectActions(bridge, self.navigator, self.messages, self,
                                              before_change=self.commit_pending_edits)
        self._build_actions(language)
        self._build_menus()
        self._build_toolbar()

        self.navigator.selection_changed.connect(self._on_selection)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        for form in self.overview.forms():
            form.edited.connect(self._on_form_edited)
        bridge.changed.connect(self._on_changed)
        bridge.failed.connect(self._on_failed)
        self._is_ready = False
        self._tree_loading = False
        self._tree_stale = False
        self.retranslate()
        self.resize(1280, 800)
        self.reload_tree()

    # ----------------------------------------------------------------- building

    def _build_pages(self) -> None:
        # Pages of features not built yet say so; the others are the features' own pages.
        # The board page (and its imports) is built when first needed: start-up stays fast.
        self._board_holder: LazyPage[BoardPage] = LazyPage("boardHolder", self._make_board,
                                                           self)
        self._voting_holder: LazyPage[VotingPage] = LazyPage("votingHolder",
                                                             self._make_voting, self)
        self._agenda_holder: LazyPage[AgendaTab] = LazyPage("agendaHolder",
                                                            self._make_agenda, self)
        self._timeline_holder: LazyPage[TimelineTab] = LazyPage("timelineHolder",
                                                                self._make_timeline, self)
        self._workshop: WorkshopNode | None = None
        self._live: LiveController | None = None
        built: dict[str, QWidget] = {"agenda": self._agenda_holder,
                                     "board": self._board_holder,
                                     "voting": self._voting_holder,
                                     "timeline": self._timeline_holder}
        self.feature_pages: list[NotBuiltPage] = []
        self._page_titles = [OVERVIEW_TITLE]
        for key, title, purpose in FEATURE_PAGES:
            page = built.get(key)
            if page is None:
                page = NotBuiltPage(key, title, purpose, self)
                self.feature_pages.append(page)
            self.tabs.addTab(page, "")
            self._page_titles.append(title)

    def _build_actions(self, language: str) -> None:
        stack = self.bridge.undo_stack
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self)
        # Ctrl+Y as well everywhere (Windows habit), unless the platform already has it.
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.triggered.connect(self.redo)
        style = self.style()
        self.undo_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.redo_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Keep the texts from the signals: the stack emits them while it is being destroyed,
        # when asking it would fail.
        self._undo_text = self._redo_text = ""
        stack.undoTextChanged.connect(self._set_undo_text)
        stack.redoTextChanged.connect(self._set_redo_text)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.fullscreen_action = QAction(self)
        self.fullscreen_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.toggled.connect(
            lambda on: self.showFullScreen() if on else self.showNormal())
        self.page_actions: list[QAction] = []
        for index in range(self.tabs.count()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            self.page_actions.append(action)
            self.addAction(action)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("de", "Deutsch"), ("en", "English")):
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            self.language_actions[code] = action
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._show_about)
        self.backups_action = QAction(self)
        self.backups_action.triggered.connect(self.show_backups)
        self.open_data_action = QAction(self)
        self.open_data_action.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir))))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(self)
        self.file_menu.addActions(self.project_actions.actions()[:3])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backups_action)
        self.file_menu.addAction(self.open_data_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = QMenu(self)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(self.project_actions.actions()[3:])
        self.view_menu = QMenu(self)
        self.view_menu.addActions(self.page_actions)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.fullscreen_action)
        self.settings_menu = QMenu(self)
        self.language_menu = QMenu(self)
        self.language_menu.addActions(list(self.language_actions.values()))
        self.settings_menu.addMenu(self.language_menu)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.about_action)
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.settings_menu,
                     self.help_menu):
            bar.addMenu(menu)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.project_actions.new_project,
                                 self.project_actions.new_workshop,
                                 self.project_actions.new_field])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.project_actions.delete)
        self.addToolBar(self.toolbar)

    # ----------------------------------------------------------------- language

    def retranslate(self) -> None:
        self.setWindowTitle(APP_NAME)
        for index, title in enumerate(self._page_titles):
            self.tabs.setTabText(index, render(title))
        for index, action in enumerate(self.page_actions):
            action.setText(self.tabs.tabText(index))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.quit_action.setText(self.tr("&Quit"))
        self.fullscreen_action.setText(self.tr("&Full screen"))
        self.about_action.setText(self.tr("&About MYK10 Workshop"))
        self.open_data_action.setText(self.tr("Open the &data folder"))
        self.backups_action.setText(self.tr("&Backups…"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.project_actions.retranslate()
        self.bridge.retranslate_history()
        # The stack does not signal text changes of its commands: ask it.
        stack = self.bridge.undo_stack
        self._undo_text, self._redo_text = stack.undoText(), stack.redoText()
        self._retranslate_undo()

    def _set_undo_text(self, text: str) -> None:
        self._undo_text = text
        self._retranslate_undo()

    def _set_redo_text(self, text: str) -> None:
        self._redo_text = text
        self._retranslate_undo()

    def _retranslate_undo(self) -> None:
        undo, redo = self._undo_text, self._redo_text
        self.undo_action.setText(self.tr("&Undo {action}").format(action=undo).strip()
                                 if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {action}").format(action=redo).strip()
                                 if redo else self.tr("&Redo"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _make_board(self, holder: QWidget) -> BoardPage:
        from myk10_workshop.ui.board import page  # built on demand: keeps start-up fast

        board = page.BoardPage(self.bridge, holder)
        board.show_workshop(self._workshop.id if self._workshop else None)
        return board

    def _make_voting(self, holder: QWidget) -> VotingPage:
        from myk10_workshop.ui.voting.page import VotingPage

        voting = VotingPage(self.bridge, self.live_controller(), holder)
        voting.notice.connect(self.messages.show_message)
        workshop = self._workshop
        voting.show_workshop(workshop.id if workshop else None,
                             workshop.title if workshop else "")
        return voting

    def live_controller(self) -> LiveController:
        """The one phone session of the app: the Voting page runs it, the agenda's run view
        and projector show its join code."""
        if self._live is None:
            from myk10_workshop.ui.voting.live import LiveController

            self._live = LiveController(self.bridge, self)
        return self._live

    def _join_url(self) -> str | None:
        live = self._live
        return live.info.join_url if live is not None and live.info is not None else None

    def _make_agenda(self, holder: QWidget) -> AgendaTab:
        from myk10_workshop.ui.agenda.tab import AgendaTab  # built on demand

        agenda = AgendaTab(self.bridge, holder, join_url=self._join_url)
        agenda.notice.connect(self.messages.show_message)
        agenda.board_requested.connect(self._show_linked_board)
        agenda.show_workshop(self._workshop.id if self._workshop else None)
        return agenda

    def _make_timeline(self, holder: QWidget) -> TimelineTab:
        from myk10_workshop.ui.timeline.tab import TimelineTab  # built on demand

        timeline = TimelineTab(self.bridge, holder)
        timeline.notice.connect(self.messages.show_message)
        project = self.navigator.current_project()
        timeline.show_project(project.id if project else None)
        return timeline

    def _show_linked_board(self, board_id: uuid.UUID) -> None:
        """A block of the running agenda starts: its board comes up (the run view stays
        one Ctrl+2 away)."""
        self.show_board().open_board(board_id)

    @property
    def agenda_page(self) -> AgendaTab:
        """The Agenda tab (planning and live run), built on first use."""
        return self._agenda_holder.page()

    def show_agenda(self) -> AgendaTab:
        """Open the Agenda tab."""
        self.tabs.setCurrentWidget(self._agenda_holder)
        return self.agenda_page

    @property
    def timeline_page(self) -> TimelineTab:
        """The Timeline tab (timeline and digital agenda), built on first use."""
        return self._timeline_holder.page()

    def show_timeline(self) -> TimelineTab:
        """Open the Timeline tab."""
        self.tabs.setCurrentWidget(self._timeline_holder)
        return self.timeline_page

    @property
    def board_page(self) -> BoardPage:
        """The Board page, built on first use (opening the tab, or asking for it)."""
        return self._board_holder.page()

    def show_board(self) -> BoardPage:
        """Open the Board tab."""
        self.tabs.setCurrentWidget(self._board_holder)
        return self.board_page

    @property
    def voting_page(self) -> VotingPage:
        """The Voting page, built on first use."""
        return self._voting_holder.page()

    def show_voting(self) -> VotingPage:
        """Open the Voting tab."""
        self.tabs.setCurrentWidget(self._voting_holder)
        return self.voting_page

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self._board_holder:
            self.board_page.view.setFocus()
        elif self.tabs.widget(index) is self._voting_holder:
            self.voting_page.ballots.setFocus()
        elif self.tabs.widget(index) is self._agenda_holder:
            agenda = self.agenda_page
            if agenda.is_running():
                agenda.live.setFocus()
            else:
                agenda.planning.tree.setFocus()
        elif self.tabs.widget(index) is self._timeline_holder:
            self.timeline_page.timeline.view.setFocus()

    def commit_pending_edits(self) -> None:
        """Save what is typed but not yet saved, before another change is made."""
        for form in self.overview.forms():
            form.flush()
        agenda = self._agenda_holder.built()
        if agenda is not None:
            agenda.planning.flush()

    def undo(self) -> None:
        self.commit_pending_edits()
        self.bridge.undo_stack.undo()

    def redo(self) -> None:
        self.commit_pending_edits()
        self.bridge.undo_stack.redo()

    # ----------------------------------------------------------------- data

    def reload_tree(self) -> None:
        """Read the navigator's snapshot off the GUI thread; coalesce repeated requests."""
        if self._tree_loading:
            self._tree_stale = True
            return
        self._tree_loading = True
        self.bridge.load(load_tree, self._on_tree)

    def _on_tree(self, projects: tuple[ProjectNode, ...]) -> None:
        self._tree_loading = False
        if self._tree_stale:
            self._tree_stale = False
            self.reload_tree()
            return
        self.navigator.apply_snapshot(projects)
        self._show_current()
        if not self._is_ready:
            self._is_ready = True
            self.ready.emit()

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes:
            self.messages.outdated_by_success()
        if not changes or changes.touches(*NAVIGATOR_KINDS):
            self.reload_tree()
        elif not changes.kinds() <= {"vote", "paper_tally"}:
            # Votes change none of the overview's counts (seven queries): a burst of phones
            # voting does not make it count again and again.
            self._load_counts()

    def _on_failed(self, text: str) -> None:
        self.messages.show_message(text, Level.ERROR)

    def _on_selection(self, _kind: str, _entity_id: uuid.UUID | None) -> None:
        self._show_current()

    def _show_current(self) -> None:
        node = self.navigator.current_node()
        self.overview.show_node(node)
        self._workshop = node if isinstance(node, WorkshopNode) else None
        workshop_id = self._workshop.id if self._workshop else None
        board = self._board_holder.built()
        if board is not None:
            board.show_workshop(workshop_id)
        voting = self._voting_holder.built()
        if voting is not None:
            voting.show_workshop(workshop_id, self._workshop.title if self._workshop else "")
        agenda = self._agenda_holder.built()
        if agenda is not None:
            agenda.show_workshop(workshop_id)
        timeline = self._timeline_holder.built()
        if timeline is not None:
            project = self.navigator.current_project()
            timeline.show_project(project.id if project else None)
        self._load_counts()

    def _load_counts(self) -> None:
        project = self.navigator.current_project()
        if project is None:
            self.overview.show_counts(None)
            return
        project_id = project.id

        def query(session: object) -> object:
            return load_counts(session, project_id)  # type: ignore[arg-type]

        def show(counts: object) -> None:
            current = self.navigator.current_project()
            if current is not None and current.id == project_id:
                self.overview.show_counts(counts)  # type: ignore[arg-type]

        self.bridge.load(query, show)

    def _on_form_edited(self, kind: str, entity_id: uuid.UUID, changes: dict[str, object],
                        ) -> None:
        if not self.bridge.run(operations.edit(kind, entity_id, **changes)):
            self._show_current()  # refused: show the stored values again

    # ----------------------------------------------------------------- misc

    def show_backups(self) -> BackupsDialog:
        self.commit_pending_edits()
        dialog = BackupsDialog(self.bridge, self._after_restore, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _after_restore(self, restored: Backup, _before: Path) -> None:
        when = format_taken(restored.taken_at)
        self.messages.show_message(self.tr(
            "The backup of {when} was restored. The state before it was saved as a backup, "
            "so you can go back to it under File > Backups.").format(when=when))

    def is_ready(self) -> bool:
        return self._is_ready

    def _show_about(self) -> None:
        QMessageBox.about(self, self.tr("About MYK10 Workshop"), self.tr(
            "{app} {version}\n\nPlan, run and document on-site participation workshops, "
            "offline.\n\nYour data is kept on this computer in:\n{folder}").format(
                app=APP_NAME, version=__version__, folder=self.data_dir))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_pending_edits()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """End what runs beside the window (the live session) before the writer stops."""
        agenda = self._agenda_holder.built()
        if agenda is not None:
            agenda.live.close_projector()
        voting = self._voting_holder.built()
        if voting is not None:
            voting.stop_session_now()

