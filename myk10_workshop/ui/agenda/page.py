"""The Agenda page (Ablaufplan): plan a workshop's days block by block.

Left, the method library; in the middle, the agenda of all days in one table, with the
totals and the timing warnings under it; on the right, the editor of the selected block or
day. Every change is one undoable operation through the bridge, saved at once. The page
reads the agenda off the GUI thread and times it here with the pure scheduling function,
also for previews while a duration is being changed.

"Print & export" writes the participants' handout and the facilitation team's run sheet (A4
PDF) and the agenda as a calendar file (.ics), from what is saved at that moment, in the
background; the same menu offers to keep a block or the whole agenda as a template (the main
window does that, through this page's signals).

Keys (shown in the tooltips): Insert or Ctrl+Enter adds a block after the selected one,
Ctrl+D duplicates it, Del deletes it, Alt+↑/↓ moves it, Alt+Page ↑/↓ moves it to the
previous or next day, Enter goes to its title in the editor, F5 starts the workshop, F9
shows or hides the method library, Ctrl+F searches it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import html
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from myk10_workshop.agenda import operations as ops
from myk10_workshop.agenda import templates as agenda_templates
from myk10_workshop.agenda.methods import MethodLibrary, default_library
from myk10_workshop.agenda.queries import (
    AgendaView,
    BlockView,
    DayView,
    MaterialNeed,
    agenda_schedule,
    load_agenda,
    materials_checklist,
)
from myk10_workshop.agenda.timing import Schedule
from myk10_workshop.board.queries import list_boards
from myk10_workshop.files import safe_file_name
from myk10_workshop.i18n import load_catalogue
from myk10_workshop.store.database import Store
from myk10_workshop.store.errors import StoreError
from myk10_workshop.store.operations import ChangeSet, Operation
from myk10_workshop.store.schema import Workshop
from myk10_workshop.ui.agenda.editor import BlockEditor, Choice, DayEditor
from myk10_workshop.ui.agenda.library import MethodLibraryPanel
from myk10_workshop.ui.agenda.model import (
    AgendaModel,
    AgendaTreeView,
    Drop,
    Role,
    RowKind,
    category_colour,
    span,
    warning_icon,
)
from myk10_workshop.ui.bridge import StoreBridge, render
from myk10_workshop.ui.save_dialog import ask_save_path
from myk10_workshop.voting.queries import list_ballots

AGENDA_KINDS = ("agenda_day", "agenda_item", "agenda_track", "agenda_material", "board",
                "ballot", "workshop")
# Keys of the page's own actions (see the module's doc).
START_KEY = "F5"
LIBRARY_KEY = "F9"

# (kind of row, id of its day or block): what is selected, kept across refreshes.
Selection = tuple[RowKind, uuid.UUID]
Loaded = tuple[AgendaView | None, tuple[Choice, ...], tuple[Choice, ...]]


def ui_language() -> str:
    """The UI language: the application's translator sets the default locale with it."""
    return "de" if QLocale().language() == QLocale.Language.German else "en"


class AgendaExport(enum.Enum):
    """What "Print & export" writes (``suffix``: the file's, with its dot)."""

    HANDOUT = "handout"
    RUN_SHEET = "run_sheet"
    CALENDAR = "calendar"

    @property
    def suffix(self) -> str:
        return ".ics" if self is AgendaExport.CALENDAR else ".pdf"


# What an export writes from: the saved agenda and the workshop's venue (None: the workshop
# is gone), or why it could not be read.
Prepared = tuple[AgendaView | None, str] | Exception
def _read_for_export(store: Store, workshop_id: uuid.UUID) -> Prepared:
    """The workshop's saved agenda and venue (on the writer thread, so every change queued
    before is in it). A failure comes back as the exception: the caller ends its wait
    cursor either way."""
    def read(session: Session) -> tuple[AgendaView | None, str]:
        venue = session.scalar(select(Workshop.venue).where(Workshop.id == workshop_id))
        return load_agenda(session, workshop_id), venue or ""

    try:
        return store.read(read)
    except Exception as error:  # handed to the GUI thread: shown or reported there
        return error


def _with_duration(agenda: AgendaView, block_id: uuid.UUID, minutes: int) -> AgendaView:
    """The agenda as it would be with another duration for one block (a preview)."""
    days = tuple(dataclasses.replace(day, blocks=tuple(
        dataclasses.replace(block, duration_min=minutes) if block.id == block_id else block
        for block in day.blocks)) for day in agenda.days)
    return dataclasses.replace(agenda, days=days)


class MaterialsDialog(QDialog):
    """Everything to pack for the workshop: each material once, quantities summed."""

    def __init__(self, agenda: AgendaView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("materialsDialog")
        self.needs: tuple[MaterialNeed, ...] = materials_checklist(agenda)
        titles = agenda.titles()
        self.table = QTableWidget(len(self.needs), 3, self)
        self.table.setObjectName("materialsChecklist")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, need in enumerate(self.needs):
            amount = QTableWidgetItem(str(need.quantity))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, QTableWidgetItem(need.name))
            self.table.setItem(row, 1, amount)
            self.table.setItem(row, 2, QTableWidgetItem(
                ", ".join(titles.get(block_id, "") for block_id in need.block_ids)))
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.needs)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_list)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Materials checklist: {workshop}").format(
            workshop=agenda.title))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Material"), self.tr("Quantity"), self.tr("Used in")])
        self.empty.setText(self.tr("No block of this agenda lists materials yet."))
        self.copy_button.setText(self.tr("&Copy as list"))
        self.copy_button.setToolTip(self.tr("Copy the checklist to paste it into an e-mail "
                                            "or a document"))
        self.resize(720, 520)

    def text(self) -> str:
        return "\n".join(f"☐ {need.quantity} × {need.name}" for need in self.needs)

    def copy_list(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.text())


class AgendaPage(QWidget):
    # The agenda on screen is complete (tests and benchmarks wait for it).
    loaded = Signal()
    # A plain message for the window's message bar ("the block was deleted ...").
    notice = Signal(str)
    # The facilitator wants to run the workshop live: its id.
    run_requested = Signal(object)
    # An export ended: the file's path and whether it was written.
    exported = Signal(object, bool)
    # "Save block as template…": the id of the selected block.
    save_block_template_requested = Signal(object)
    # "Save agenda as template…": the id of the workshop.
    save_agenda_template_requested = Signal(object)

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaPage")
        self.bridge = bridge
        self.workshop_id: uuid.UUID | None = None
        self.agenda: AgendaView | None = None
        self.schedule: Schedule | None = None
        self.boards: tuple[Choice, ...] = ()
        self.ballots: tuple[Choice, ...] = ()
        self.library: MethodLibrary | None = None
        self._selection: Selection | None = None
        self._preview: tuple[uuid.UUID, int] | None = None
        self._loading = False
        self._stale = False
        self._shown_once = False
        self._scroll = 0
        # A new block whose title the facilitator types next, once it is on screen.
        self._title_next: uuid.UUID | None = None
        # Where the last export went: the next one is offered there.
        self._folder = Path.home()

        self.model = AgendaModel(self)
        self.tree = AgendaTreeView(self.model, self)
        self._build_actions()
        self._build_bar()
        self._build_widgets()
        self._lay_out()
        self._connect()
        self.retranslate()
        bridge.compute(default_library, self._library_loaded)
        self.show_workshop(None)

    # ----------------------------------------------------------------- building

    def _action(self, name: str, slot: Callable[[], object], keys: tuple[str, ...] = (),
                icon: QStyle.StandardPixmap | None = None, *, tree_only: bool = False,
                ) -> QAction:
        """An action of this page; ``tree_only`` keys act only while the table has the
        focus (Del in a text field deletes characters, not blocks)."""
        action = QAction(self)
        action.setObjectName(name)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        if tree_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.tree.addAction(action)
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.new_block_action = self._action(
            "newBlock", self.new_block, ("Ins", "Ctrl+Return", "Ctrl+Enter"), pixmap.SP_FileIcon)
        self.duplicate_action = self._action(
            "duplicateBlock", self.duplicate_current, ("Ctrl+D",),
            pixmap.SP_FileDialogDetailedView, tree_only=True)
        self.delete_action = self._action(
            "deleteCurrent", self.delete_current, ("Del",), pixmap.SP_TrashIcon, tree_only=True)
        self.up_action = self._action("moveUp", lambda: self.move_current(-1), ("Alt+Up",),
                                      pixmap.SP_ArrowUp, tree_only=True)
        self.down_action = self._action("moveDown", lambda: self.move_current(1),
                                        ("Alt+Down",), pixmap.SP_ArrowDown, tree_only=True)
        self.previous_day_action = self._action(
            "previousDay", lambda: self.move_to_day(-1), ("Alt+PgUp",), tree_only=True)
        self.next_day_action = self._action(
            "nextDay", lambda: self.move_to_day(1), ("Alt+PgDown",), tree_only=True)
        self.edit_action = self._action("editCurrent", self.edit_current,
                                        ("Return", "Enter"), tree_only=True)
        self.add_day_action = self._action("addDay", self.add_day, (),
                                           pixmap.SP_FileDialogNewFolder)
        self.copy_day_action = self._action("copyDay", self.copy_current_day, (),
                                            pixmap.SP_FileDialogDetailedView)
        self.delete_day_action = self._action("deleteDay", self.delete_current_day, (),
                                              pixmap.SP_TrashIcon)
        self.materials_action = self._action("materialsChecklist", self.show_materials, (),
                                             pixmap.SP_FileDialogContentsView)
        self.library_action = self._action("toggleLibrary", self._toggle_library,
                                           (LIBRARY_KEY,), pixmap.SP_FileDialogListView)
        self.library_action.setCheckable(True)
        self.search_action = self._action("searchMethods", self._search_methods,
                                          (QKeySequence(QKeySequence.StandardKey.Find)
                                           .toString(),))
        self.start_action = self._action("startWorkshop", self.request_run, (START_KEY,),
                                         pixmap.SP_MediaPlay)
        self._build_export_menu()
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)

    def _build_export_menu(self) -> None:
        """"Print & export": the two PDFs and the calendar file, then the templates."""
        self.handout_action = self._action(
            "exportHandout", lambda: self.choose_export(AgendaExport.HANDOUT))
        self.run_sheet_action = self._action(
            "exportRunSheet", lambda: self.choose_export(AgendaExport.RUN_SHEET))
        self.calendar_action = self._action(
            "exportCalendar", lambda: self.choose_export(AgendaExport.CALENDAR))
        self.save_block_template_action = self._action(
            "saveBlockTemplate", self.request_block_template)
        self.save_agenda_template_action = self._action(
            "saveAgendaTemplate", self.request_agenda_template)
        self.export_menu = QMenu(self)
        self.export_menu.setObjectName("agendaExportMenu")
        # The calendar entry says in its tooltip why it may be greyed out.
        self.export_menu.setToolTipsVisible(True)
        self.export_menu.addActions([self.handout_action, self.run_sheet_action,
                                     self.calendar_action])
        self.export_menu.addSeparator()
        self.export_menu.addActions([self.save_block_template_action,
                                     self.save_agenda_template_action])
        self.export_action = QAction(self)
        self.export_action.setObjectName("printAndExport")
        self.export_action.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_DialogSaveButton))
        self.export_action.setMenu(self.export_menu)

    def _context_menu(self, point: QPoint) -> None:
        """Right-click on the table: what can be done with the block or day there."""
        menu = QMenu(self)
        for group in ((self.new_block_action, self.duplicate_action, self.delete_action),
                      (self.up_action, self.down_action, self.previous_day_action,
                       self.next_day_action),
                      (self.add_day_action, self.copy_day_action, self.delete_day_action)):
            menu.addActions(list(group))
            menu.addSeparator()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tree.viewport().mapToGlobal(point))

    def _build_bar(self) -> None:
        self.bar = QToolBar(self)
        self.bar.setObjectName("agendaBar")
        self.bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.add_day_action, self.new_block_action, self.duplicate_action):
            self.bar.addAction(action)
        # Icons everyone knows need no words (their tooltips have them): room for German.
        for action in (self.delete_action, self.up_action, self.down_action):
            self.bar.addAction(action)
            button = self.bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.bar.addSeparator()
        self.bar.addAction(self.materials_action)
        # Shown with words when there is room, else as icons (their tooltips name them).
        self._secondary = (self.duplicate_action, self.materials_action)
        self.bar.installEventFilter(self)
        # "Print & export" and "Start the workshop" are beside the tool bar, not in it: a
        # narrow window may hide tool bar buttons behind "»", never these two. One click
        # opens the export menu: the button itself does nothing else.
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("printAndExportButton")
        self.export_button.setDefaultAction(self.export_action)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setAutoRaise(True)
        self.start_button = QToolButton(self)
        self.start_button.setObjectName("startWorkshopButton")
        self.start_button.setDefaultAction(self.start_action)
        self.start_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.start_button.setStyleSheet(
            "QToolButton { background: #2e7d32; color: white; font-weight: bold;"
            " padding: 5px 14px; border-radius: 4px; }"
            "QToolButton:hover { background: #388e3c; }"
            "QToolButton:disabled { background: #a5c8a7; }")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.bar:
                self._fit_bar()
            elif (watched is self.warning_list and isinstance(event, QResizeEvent)
                  and event.oldSize().width() != event.size().width()):
                # Wrapped warnings take more or fewer lines.
                self._fit_warnings()
        return super().eventFilter(watched, event)

    def _fit_bar(self) -> None:
        """Every button of the tool bar in view: the secondary ones lose their words
        before any button would go behind "»" (German at 1366 px with the navigator)."""
        buttons = [button for action in self._secondary
                   if isinstance(button := self.bar.widgetForAction(action), QToolButton)]
        for button in buttons:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        # Words back as far as they fit, the materials first (their icon says least).
        for button in reversed(buttons):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            if self.bar.sizeHint().width() > self.bar.width():
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _build_widgets(self) -> None:
        self.library_panel = MethodLibraryPanel(self)
        self.editor = BlockEditor(self.bridge, self)
        self.day_editor = DayEditor(
            self.bridge, (self.new_block_action, self.copy_day_action,
                          self.delete_day_action, self.add_day_action), self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(16)
        self.summary = QLabel(self)
        self.summary.setObjectName("agendaSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.warning_header = QLabel(self)
        self.warning_header.setObjectName("agendaWarningCount")
        font = self.warning_header.font()
        font.setBold(True)
        self.warning_header.setFont(font)
        self.warning_list = QListWidget(self)
        self.warning_list.setObjectName("agendaWarnings")
        self.warning_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.warning_list.setWordWrap(True)
        self.warning_list.installEventFilter(self)
        self.warning_list.setIconSize(QSize(20, 20))
        self.message = QLabel(self)
        self.message.setObjectName("agendaMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.empty_text = QLabel(self)
        self.empty_text.setObjectName("agendaEmpty")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        self.first_day_button = QPushButton(self)
        self.first_day_button.setObjectName("addFirstDay")
        for label in (self.message, self.empty_text, self.hint):
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            label.setFont(font)
        font = self.first_day_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.first_day_button.setFont(font)
        self.first_day_button.setMinimumHeight(44)
        # A workshop without days can also start from one of the facilitator's agenda
        # templates (the library, where they are listed, is not on screen then).
        self.template_start_button = QPushButton(self)
        self.template_start_button.setObjectName("startFromTemplate")
        self.template_start_button.setMinimumHeight(44)
        self.template_start_button.setFont(self.empty_text.font())
        # The "▾" is in the text: no second arrow from the style.
        self.template_start_button.setStyleSheet(
            "QPushButton#startFromTemplate::menu-indicator { image: none; width: 0px; }")
        self.template_start_button.setMenu(
            self.library_panel.agenda_template_menu(self.template_start_button))
        self.template_start_button.setVisible(False)

    def _lay_out(self) -> None:
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.tree, 1)
        centre_layout.addWidget(self.summary)
        centre_layout.addWidget(self.warning_header)
        centre_layout.addWidget(self.warning_list)
        self.editor_scroll = QScrollArea(self)
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.editor_scroll.setWidget(self.editor)
        self.side = QStackedWidget(self)
        self.side.setObjectName("agendaEditor")
        for widget in (self.hint, self.day_editor, self.editor_scroll):
            self.side.addWidget(widget)
        # The editor and the library share the right-hand side: the agenda gets the room
        # it needs on a laptop (1366 px with the navigator beside it).
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("agendaSide")
        self.side_tabs.addTab(self.side, "")
        self.side_tabs.addTab(self.library_panel, "")
        self.side_tabs.setMinimumWidth(320)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([700, 360])
        self.splitter.setCollapsible(0, False)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self._empty_page())
        self.stack.addWidget(self.splitter)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 4, 0)
        top.addWidget(self.bar, 1)
        top.addWidget(self.export_button)
        top.addSpacing(6)
        top.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def _empty_page(self) -> QWidget:
        """A workshop without days: its first day, or the days of an agenda template."""
        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        first_steps = QHBoxLayout()
        first_steps.addStretch(1)
        first_steps.addWidget(self.first_day_button)
        first_steps.addWidget(self.template_start_button)
        first_steps.addStretch(1)
        empty_layout.addLayout(first_steps)
        empty_layout.addStretch(2)
        return empty

    def _connect(self) -> None:
        self.bridge.changed.connect(self._on_changed)
        selection = self.tree.selectionModel()
        selection.currentChanged.connect(self._on_current_changed)
        self.model.modelAboutToBeReset.connect(self._remember_scroll)
        self.model.modelReset.connect(self._after_reset)
        self.tree.dropped.connect(self.carry_out)
        self.tree.doubleClicked.connect(lambda _index: self.edit_current())
        self.tree.delegate.track_clicked.connect(self.editor.tracks.select_track)
        self.editor.previewed.connect(self._on_preview)
        self.library_panel.method_chosen.connect(self.add_method)
        self._connect_templates()
        self.side_tabs.currentChanged.connect(self._on_side_tab)
        self.first_day_button.clicked.connect(self.add_day)
        self.warning_list.itemClicked.connect(self._on_warning_clicked)
        self.warning_list.itemActivated.connect(self._on_warning_clicked)

    def _connect_templates(self) -> None:
        """The facilitator's own templates, in the library panel: "Save … as template" of
        the export menu asks the panel (it asks for a name); a template chosen there is
        inserted here."""
        panel = self.library_panel
        panel.attach(self.bridge, flush=self.flush)
        self.save_block_template_requested.connect(panel.save_block)
        self.save_agenda_template_requested.connect(panel.save_agenda)
        panel.template_chosen.connect(self.add_template)
        panel.notice.connect(self.notice)
        panel.templates_loaded.connect(self._show_template_start)
        self._show_template_start()

    def _show_template_start(self) -> None:
        """"Start from a template" only when there is an agenda template to start from."""
        self.template_start_button.setVisible(any(
            template.is_agenda for template in self.library_panel.template_model.everything))

    # ----------------------------------------------------------------- loading

    def show_workshop(self, workshop_id: uuid.UUID | None) -> None:
        if workshop_id != self.workshop_id:
            self.flush()
            self.agenda = None
            self._selection = None
            self._preview = None
            self._shown_once = False
        self.workshop_id = workshop_id
        self.reload()

    def reload(self) -> None:
        """Read the agenda again (one read at a time; changes meanwhile ask for one more)."""
        if self._loading:
            self._stale = True
            return
        workshop_id = self.workshop_id
        if workshop_id is None:
            self._show(None)
            return
        self._loading = True
        self._stale = False

        def read(session: Session) -> Loaded:
            agenda = load_agenda(session, workshop_id)
            boards = tuple((b.id, b.title) for b in list_boards(session, workshop_id))
            ballots = tuple((s.ballot.id, s.ballot.title)
                            for s in list_ballots(session, workshop_id))
            return agenda, boards, ballots

        self.bridge.load(read, lambda found: self._loaded(workshop_id, found))

    def _loaded(self, workshop_id: uuid.UUID, found: Loaded) -> None:
        self._loading = False
        if self._stale:
            self.reload()
            return
        if workshop_id != self.workshop_id:
            return
        agenda, self.boards, self.ballots = found
        self._show(agenda)
        self.loaded.emit()

    def _on_changed(self, changes: ChangeSet) -> None:
        if self.workshop_id is not None and (not changes or changes.touches(*AGENDA_KINDS)):
            self.reload()

    def _library_loaded(self, library: MethodLibrary) -> None:
        self.library = library
        self.library_panel.set_library(library, ui_language())
        self._update_choices()

    # ----------------------------------------------------------------- showing

    def _show(self, agenda: AgendaView | None) -> None:
        self.agenda = agenda
        if agenda is None:
            self.stack.setCurrentIndex(0)
        elif not agenda.days:
            self.stack.setCurrentIndex(1)
        else:
            self.stack.setCurrentIndex(2)
        self._drop_stale_preview()
        self._update_choices()
        if agenda is not None and agenda.days and not self._shown_once:
            # A workshop opens on its first block, ready to edit.
            self._shown_once = True
            first = agenda.days[0]
            if self._selection is None:
                self._selection = ((RowKind.BLOCK, first.blocks[0].id) if first.blocks
                                   else (RowKind.DAY, first.id))
        self._retime()
        block = self.current_block()
        if self._title_next is not None and block is not None and block.id == self._title_next:
            self._title_next = None
            self.edit_current()
        self._update_actions()

    def _retime(self) -> None:
        """Time the agenda (with a previewed duration, if one is being set) and show it."""
        agenda = self.agenda
        shown = agenda
        if agenda is not None and self._preview is not None:
            shown = _with_duration(agenda, *self._preview)
        self.schedule = agenda_schedule(shown) if shown is not None else None
        self.model.set_agenda(shown, self.schedule)
        self._show_summary()
        self._show_warnings()
        self._show_side()

    def _drop_stale_preview(self) -> None:
        """A preview ends when its value is saved or the duration field is left."""
        preview, agenda = self._preview, self.agenda
        if preview is None:
            return
        block = agenda.block(preview[0]) if agenda is not None else None
        if (block is None or block.duration_min == preview[1]
                or not self.editor.duration.hasFocus()):
            self._preview = None

    def _on_preview(self, block_id: uuid.UUID, minutes: int) -> None:
        self._preview = (block_id, minutes)
        self._retime()

    def _update_choices(self) -> None:
        used = sorted({block.category for block in self.agenda.blocks if block.category}
                      if self.agenda is not None else set(), key=str.casefold)
        usual = [self.tr("Plenary"), self.tr("Work phase"), self.tr("Break"),
                 self.tr("Organisation")]
        categories = used + [name for name in usual if name not in used]
        language = ui_language()
        methods = [method.name(language) for method in self.library.sorted(language)] if (
            self.library is not None) else []
        self.editor.set_choices(self.boards, self.ballots, categories, methods)

    def _show_summary(self) -> None:
        agenda, schedule = self.agenda, self.schedule
        if agenda is None or schedule is None or not agenda.days:
            self.summary.clear()
            return
        model = self.model
        head = self.tr("<b>In all:</b> {days}, {blocks}, {time}").format(
            days=self.tr("1 day") if len(agenda.days) == 1
            else self.tr("{count} days").format(count=len(agenda.days)),
            blocks=html.escape(model.blocks_text(len(agenda.blocks))),
            time=html.escape(model.duration_text(schedule.total_min)))
        unnamed = self.tr("no category")
        chips = [
            f"<span style='color:{category_colour(name).name()}; font-size:large'>■</span>"
            + "&nbsp;".join(html.escape(word) for word in
                            f"{name or unnamed} {model.duration_text(minutes)}".split())
            for name, minutes in sorted(schedule.category_totals.items(),
                                        key=lambda item: -item[1])]
        self.summary.setText(head + "&nbsp;&nbsp;&nbsp; " + " &nbsp;·&nbsp; ".join(chips))

    def _show_warnings(self) -> None:
        self.warning_list.clear()
        warnings = self.model.all_warnings()
        for block_id, text in warnings:
            item = QListWidgetItem(warning_icon(), text)
            item.setData(Qt.ItemDataRole.UserRole, str(block_id))
            item.setToolTip(self.tr("Click to select the block"))
            self.warning_list.addItem(item)
        if not warnings:
            item = QListWidgetItem("✓ " + self.tr("The times fit: no gaps or overlaps."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.warning_list.addItem(item)
        count = len(warnings)
        self.warning_header.setVisible(bool(warnings))
        self.warning_header.setText(
            "⚠ " + (self.tr("1 warning: click it to select its block") if count == 1
                    else self.tr("{count} warnings: click one to select its block")
                    .format(count=count)))
        self._fit_warnings()

    def _fit_warnings(self) -> None:
        """As tall as the warnings (wrapped), up to eight lines; then it scrolls."""
        listed = self.warning_list
        listed.doItemsLayout()  # wrapped at the list's width
        line = listed.fontMetrics().lineSpacing()
        rows = sum(listed.visualItemRect(listed.item(row)).height()
                   for row in range(listed.count()))
        height = min(max(rows, line), 8 * line + 8)
        listed.setFixedHeight(height + 2 * listed.frameWidth() + 2)

    def _on_warning_clicked(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.select_block(uuid.UUID(data))

    # ----------------------------------------------------------------- selection

    def _index_of(self, selection: Selection | None) -> QModelIndex:
        if selection is None:
            return QModelIndex()
        kind, entity_id = selection
        if kind is RowKind.DAY:
            return self.model.day_index(entity_id)
        if kind is RowKind.TRACKS:
            return self.model.tracks_index(entity_id) or self.model.block_index(entity_id)
        return self.model.block_index(entity_id)

    def _remember_scroll(self) -> None:
        self._scroll = self.tree.verticalScrollBar().value()

    def _after_reset(self) -> None:
        """Rows came or went: the table stays where it was, with the selection kept."""
        self.tree.doItemsLayout()
        self.tree.verticalScrollBar().setValue(self._scroll)
        self._restore_selection()

    def _restore_selection(self, hint: QAbstractItemView.ScrollHint = (
            QAbstractItemView.ScrollHint.EnsureVisible)) -> None:
        index = self._index_of(self._selection)
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index, hint)
        self._show_side()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        kind = self.model.kind(current)
        if kind is None:
            return
        self._selection = (kind, current.data(Role.ID))
        if self._preview is not None and self._preview[0] != self._selection[1]:
            self._preview = None
            self._retime()
        self._show_side()
        self._update_actions()

    def current_block(self) -> BlockView | None:
        return self.model.block_at(self.tree.currentIndex())

    def current_day(self) -> DayView | None:
        return self.model.day_at(self.tree.currentIndex())

    def select_block(self, block_id: uuid.UUID) -> None:
        self._selection = (RowKind.BLOCK, block_id)
        self._restore_selection()
        self.tree.setFocus()

    def select_day(self, day_id: uuid.UUID) -> None:
        """Select a day, its heading at the top with as many of its blocks as fit."""
        self._selection = (RowKind.DAY, day_id)
        self._restore_selection(QAbstractItemView.ScrollHint.PositionAtTop)

    def _show_side(self) -> None:
        """The editor of what is selected: a block (or its groups), a day, or a hint."""
        index = self.tree.currentIndex()
        kind = self.model.kind(index)
        block = self.model.block_at(index)
        stored = self.agenda.block(block.id) if (block and self.agenda) else None
        if kind in (RowKind.BLOCK, RowKind.TRACKS) and stored is not None:
            slot = self.model.slot(stored.id)
            start = slot.start if slot else 0
            timing = ""
            if slot is not None:
                timing = span(slot.start, slot.end)
                if stored.pinned_at is not None:
                    timing += "  ·  " + self.tr("fixed start time")
            self.editor.show_block(stored, start, timing, self.model.warnings(stored.id))
            self.side.setCurrentWidget(self.editor_scroll)
            return
        day = self.model.day_at(index)
        if kind is RowKind.DAY and day is not None:
            self.day_editor.show_day(day, self.model.day_title(index.row()),
                                     self._day_summary(index.row()))
            self.side.setCurrentWidget(self.day_editor)
            return
        self.side.setCurrentWidget(self.hint)

    def _day_summary(self, day_row: int) -> str:
        schedule = self.schedule
        if schedule is None or self.agenda is None:
            return ""
        timed = schedule.days[day_row]
        day = self.agenda.days[day_row]
        model = self.model
        if not day.blocks:
            return self.tr("No blocks yet. Add one, or drag a method from the library onto "
                           "this day.")
        lines = [f"{span(timed.starts_at, timed.ends_at)}  ·  "
                 f"{model.blocks_text(len(day.blocks))}  ·  "
                 f"{model.duration_text(timed.total_min)}", "",
                 self.tr("Per category:")]
        unnamed = self.tr("no category")
        lines += [f"  {name or unnamed}: {model.duration_text(minutes)}"
                  for name, minutes in sorted(timed.category_totals.items(),
                                              key=lambda item: -item[1])]
        return "\n".join(lines)

    def _update_actions(self) -> None:
        has_workshop = self.workshop_id is not None and self.agenda is not None
        has_days = has_workshop and bool(self.agenda and self.agenda.days)
        index = self.tree.currentIndex()
        block = self.model.block_at(index) if has_days else None
        day = self.model.day_at(index) if has_days else None
        for action in (self.duplicate_action, self.up_action, self.down_action,
                       self.previous_day_action, self.next_day_action):
            action.setEnabled(block is not None)
        self.delete_action.setEnabled(block is not None or day is not None)
        self.new_block_action.setEnabled(has_days)
        self.copy_day_action.setEnabled(day is not None)
        self.delete_day_action.setEnabled(day is not None)
        self.add_day_action.setEnabled(has_workshop)
        self.materials_action.setEnabled(has_days)
        has_blocks = bool(has_days and self.agenda and self.agenda.blocks)
        self.handout_action.setEnabled(has_days)
        self.run_sheet_action.setEnabled(has_days)
        self.calendar_action.setEnabled(self._has_dated_blocks())
        self._describe_calendar_action()
        self.save_block_template_action.setEnabled(block is not None)
        # What the panel's own "save as template" keeps: the selection, the agenda.
        self.library_panel.set_current(self.agenda if has_workshop else None, block)
        self.save_agenda_template_action.setEnabled(has_blocks)
        self.start_action.setEnabled(bool(has_days and self.agenda and self.agenda.blocks))
        self.bar.setVisible(has_workshop)
        self.export_button.setVisible(has_workshop)
        self.start_button.setVisible(has_workshop)

    # ----------------------------------------------------------------- commands

    def flush(self) -> None:
        """Save what is typed in the editors but not saved yet (before undo, another
        change, or another workshop)."""
        self.editor.flush()
        self.day_editor.flush()

    def _run(self, operation: Operation, select: Selection | None = None) -> bool:
        """Run an operation; on success select ``select`` once it is on screen."""
        if not self.bridge.run(operation):
            return False
        if select is not None:
            self._selection = select
        return True

    def _place(self) -> tuple[uuid.UUID, uuid.UUID | None] | None:
        """Where a new block goes: (day, after which block), from the selection."""
        agenda = self.agenda
        if agenda is None or not agenda.days:
            return None
        block = self.current_block()
        if block is not None:
            return block.day_id, block.id
        day = self.current_day() or agenda.days[-1]
        return day.id, day.blocks[-1].id if day.blocks else None

    def new_block(self) -> None:
        self.flush()
        place = self._place()
        if place is None:
            return
        operation = ops.add_block(place[0], self.tr("New block"), duration_min=30,
                                  after=place[1])
        if self._run(operation, (RowKind.BLOCK, operation.id)):
            self._title_next = operation.id  # its title is typed next

    def add_method(self, key: str) -> None:
        """A block made from a library method, after the selected block."""
        self.flush()
        place = self._place()
        if place is None or self.library is None:
            return
        operation = ops.block_from_method(place[0], self.library.get(key), ui_language(),
                                          after=place[1])
        self._run(operation, (RowKind.BLOCK, operation.id))

    def add_template(self, template: agenda_templates.TemplateView) -> None:
        """A template chosen in the library: a block template after the selected block
        (as a method is), an agenda template's days after the workshop's last day."""
        self.flush()
        if self.workshop_id is None:
            return
        if template.is_agenda:
            applied = agenda_templates.apply_agenda_template(template.id, self.workshop_id)
            self._run(applied, (RowKind.DAY, applied.id))
            return
        place = self._place()
        if place is None:
            return
        inserted = agenda_templates.insert_block_template(template.id, place[0],
                                                          after=place[1])
        self._run(inserted, (RowKind.BLOCK, inserted.id))

    def duplicate_current(self) -> None:
        block = self.current_block()
        if block is None:
            return
        self.flush()
        operation = ops.copy_block(block.id)
        self._run(operation, (RowKind.BLOCK, operation.id))

    def delete_current(self) -> None:
        index = self.tree.currentIndex()
        if self.model.kind(index) is RowKind.DAY:
            self.delete_current_day()
            return
        block = self.current_block()
        if block is None or self.agenda is None:
            return
        self.flush()
        neighbour = self._neighbour(block)
        if self._run(ops.delete_block(block.id), neighbour):
            self.notice.emit(self.tr("“{title}” was deleted. Undo (Ctrl+Z) brings it "
                                     "back.").format(title=block.title))

    def _neighbour(self, block: BlockView) -> Selection | None:
        """What to select once ``block`` is gone: the next block, or the one before, or
        its day."""
        assert self.agenda is not None
        for day in self.agenda.days:
            ids = [b.id for b in day.blocks]
            if block.id in ids:
                at = ids.index(block.id)
                rest = ids[at + 1:] or ids[:at][-1:]
                return (RowKind.BLOCK, rest[0]) if rest else (RowKind.DAY, day.id)
        return None

    def move_current(self, step: int) -> None:
        """One place up (-1) or down (+1); past a day's edge into the next day."""
        block, agenda = self.current_block(), self.agenda
        if block is None or agenda is None:
            return
        self.flush()
        days = agenda.days
        day_row = next(i for i, day in enumerate(days) if day.id == block.day_id)
        ids = [b.id for b in days[day_row].blocks]
        at = ids.index(block.id)
        target = at + step
        if 0 <= target < len(ids):
            operation = (ops.move_block(block.id, block.day_id, before=ids[target]) if step < 0
                         else ops.move_block(block.id, block.day_id, after=ids[target]))
            self._run(operation, (RowKind.BLOCK, block.id))
        else:
            self.move_to_day(step)

    def move_to_day(self, step: int) -> None:
        """To the end of the previous day (-1) or the start of the next (+1)."""
        block, agenda = self.current_block(), self.agenda
        if block is None or agenda is None:
            return
        self.flush()
        days = agenda.days
        day_row = next(i for i, day in enumerate(days) if day.id == block.day_id)
        if not 0 <= day_row + step < len(days):
            return
        target = days[day_row + step]
        if step < 0:
            after = target.blocks[-1].id if target.blocks else None
            operation = ops.move_block(block.id, target.id, after=after)
        else:
            before = target.blocks[0].id if target.blocks else None
            operation = ops.move_block(block.id, target.id, before=before)
        self._run(operation, (RowKind.BLOCK, block.id))

    def carry_out(self, drop: Drop) -> None:
        """Turn a drop on the table into its operation."""
        self.flush()
        if drop.method_key:
            if self.library is None:
                return
            made: Operation = ops.block_from_method(
                drop.day_id, self.library.get(drop.method_key), ui_language(),
                after=drop.after, before=drop.before)
            self._run(made, (RowKind.BLOCK, made.id))  # type: ignore[attr-defined]
            return
        if drop.template_id is not None:
            self._drop_template(drop, drop.template_id)
            return
        block_id = drop.block_ids[0]
        if drop.copy:
            copied = ops.copy_block(block_id, day_id=drop.day_id, after=drop.after,
                                    before=drop.before)
            self._run(copied, (RowKind.BLOCK, copied.id))
        else:
            self._run(ops.move_block(block_id, drop.day_id, after=drop.after,
                                     before=drop.before), (RowKind.BLOCK, block_id))

    def _drop_template(self, drop: Drop, template_id: uuid.UUID) -> None:
        """A template dragged from "My templates": a block template where it was let go,
        an agenda template's days after the workshop's last day (as a double-click)."""
        template = next((t for t in self.library_panel.template_model.everything
                         if t.id == template_id), None)
        if template is None or self.workshop_id is None:
            return
        if template.is_agenda:
            applied = agenda_templates.apply_agenda_template(template.id, self.workshop_id)
            self._run(applied, (RowKind.DAY, applied.id))
            return
        inserted = agenda_templates.insert_block_template(
            template.id, drop.day_id, after=drop.after, before=drop.before)
        self._run(inserted, (RowKind.BLOCK, inserted.id))

    def edit_current(self) -> None:
        index = self.tree.currentIndex()
        kind = self.model.kind(index)
        self.side_tabs.setCurrentWidget(self.side)
        if kind in (RowKind.BLOCK, RowKind.TRACKS):
            self.editor_scroll.ensureWidgetVisible(self.editor.title)
            self.editor.focus_title()
        elif kind is RowKind.DAY:
            self.day_editor.starts_at.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ----------------------------------------------------------------- days

    def add_day(self) -> None:
        """A new day after the last: the day after the last date, starting when it did."""
        agenda = self.agenda
        if self.workshop_id is None or agenda is None:
            return
        self.flush()
        dates = [day.day for day in agenda.days if day.day is not None]
        date: dt.date | None
        if dates:
            date = max(dates) + dt.timedelta(days=1)
        else:
            date = agenda.starts_on if not agenda.days else None
        starts = agenda.days[-1].starts_at if agenda.days else dt.time(9, 0)
        after = agenda.days[-1].id if agenda.days else None
        operation = ops.add_day(self.workshop_id, day=date, starts_at=starts, after=after)
        self._run(operation, (RowKind.DAY, operation.id))

    def copy_current_day(self) -> None:
        day = self.current_day()
        if day is None:
            return
        self.flush()
        operation = ops.copy_day(day.id)
        self._run(operation, (RowKind.DAY, operation.id))

    def delete_current_day(self) -> None:
        day, agenda = self.current_day(), self.agenda
        if day is None or agenda is None:
            return
        self.flush()
        title = self.model.day_title(agenda.days.index(day))
        others = [d for d in agenda.days if d.id != day.id]
        select = (RowKind.DAY, others[0].id) if others else None
        if self._run(ops.delete_day(day.id), select):
            self.notice.emit(self.tr("{day} was deleted with {blocks}. Undo (Ctrl+Z) brings "
                                     "it back.").format(
                                         day=title, blocks=self.model.blocks_text(len(day.blocks)))
                             if day.blocks else self.tr("{day} was deleted. Undo (Ctrl+Z) "
                                                        "brings it back.").format(day=title))

    # ----------------------------------------------------------------- print & export

    def _has_dated_blocks(self) -> bool:
        """Whether a calendar file would hold anything: a block on a day with a date."""
        agenda = self.agenda
        return agenda is not None and any(day.day is not None and day.blocks
                                          for day in agenda.days)

    def _describe_calendar_action(self) -> None:
        """The calendar entry's tooltip says what it writes, or why it is greyed out."""
        if self.agenda is not None and self.agenda.blocks and not self._has_dated_blocks():
            tip = self.tr("Give the days a date first: a calendar needs dates")
        else:
            tip = self.tr("One calendar entry per block of the days with a date, for Outlook, "
                          "Thunderbird or a phone; without the blocks for the facilitation "
                          "team only")
        self.calendar_action.setToolTip(tip)
        self.calendar_action.setStatusTip(tip)

    def ask_save_path(self, caption: str, suggested: str, file_filter: str) -> Path | None:
        """Where to save (None: the user cancelled). Tests replace this method."""
        return ask_save_path(self, self._folder, caption, suggested, file_filter)

    def choose_export(self, kind: AgendaExport) -> None:
        """Ask where to save ``kind`` (named after the workshop), then write it there."""
        agenda = self.agenda
        if self.workshop_id is None or agenda is None or not agenda.days:
            return
        self.flush()
        if kind is AgendaExport.HANDOUT:
            caption = self.tr("Save the handout for the participants")
            name = self.tr("Agenda – {title}")
            file_filter = self.tr("PDF (*.pdf)")
        elif kind is AgendaExport.RUN_SHEET:
            caption = self.tr("Save the run sheet for the facilitation team")
            name = self.tr("Run sheet – {title}")
            file_filter = self.tr("PDF (*.pdf)")
        else:
            caption = self.tr("Save the agenda as a calendar file")
            name = self.tr("Agenda – {title}")
            file_filter = self.tr("iCalendar (*.ics)")
        title = agenda.title or self.tr("Workshop")
        suggested = safe_file_name(name.format(title=title)) + kind.suffix
        path = self.ask_save_path(caption, suggested, file_filter)
        if path is None:
            return
        if path.suffix.lower() != kind.suffix:
            path = path.with_name(path.name + kind.suffix)
        self._folder = path.parent
        self.export(kind, path)

    def export(self, kind: AgendaExport, path: Path) -> bool:
        """Write ``kind`` to ``path`` from the saved agenda (read after every change typed
        so far), in the background; say where it is, or why it could not be written. A
        failed write leaves no file behind. False when no workshop is shown."""
        workshop_id = self.workshop_id
        if workshop_id is None:
            return False
        self.flush()
        language = ui_language()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def prepared(found: Prepared) -> None:
            QApplication.restoreOverrideCursor()
            if isinstance(found, StoreError):
                self._export_failed(path, render(found.message))
            elif isinstance(found, Exception):
                self.bridge.report_bug(found)
                self.exported.emit(path, False)
            elif found[0] is None:
                self._export_failed(path, self.tr("the workshop no longer exists"))
            else:
                self._write(kind, path, found[0], found[1], language)

        self.bridge.on_writer(lambda store: _read_for_export(store, workshop_id), prepared)
        return True

    def _write(self, kind: AgendaExport, path: Path, agenda: AgendaView, venue: str,
               language: str) -> None:
        """Time the agenda and write the file on a worker thread (texts from the
        catalogue of ``language``: Qt's translators belong to the GUI thread)."""
        from myk10_workshop.reports import agenda as report

        def work() -> Path | str:
            schedule = agenda_schedule(agenda)
            try:
                if kind is AgendaExport.CALENDAR:
                    return report.write_agenda_ics(agenda, schedule, path)
                translate = load_catalogue(language)
                if kind is AgendaExport.HANDOUT:
                    return report.write_handout(agenda, schedule, path, translate,
                                                venue=venue)
                return report.write_run_sheet(agenda, schedule, path, translate, venue=venue)
            except OSError as error:
                return str(error.strerror or error)

        def written(result: Path | str) -> None:
            if isinstance(result, str):
                self._export_failed(path, result)
                return
            self.notice.emit(self._saved_text(kind, agenda).format(path=result))
            self.exported.emit(result, True)

        self.bridge.compute(work, written)

    def _saved_text(self, kind: AgendaExport, agenda: AgendaView) -> str:
        """What is said once ``kind`` is written (``{path}`` still to be filled in)."""
        if kind is AgendaExport.HANDOUT:
            return self.tr("The handout for the participants was saved: {path}")
        if kind is AgendaExport.RUN_SHEET:
            return self.tr("The run sheet for the facilitation team was saved: {path}")
        text = self.tr("The calendar file was saved: {path}. Calendar programs such as "
                       "Outlook or Thunderbird can import it.")
        if any(day.day is None and day.blocks for day in agenda.days):
            text += " " + self.tr("Days without a date are not in it.")
        return text

    def _export_failed(self, path: Path, reason: str) -> None:
        self.bridge.failed.emit(self.tr("The file could not be saved to {path}: {reason}")
                                .format(path=path, reason=reason))
        self.exported.emit(path, False)

    # ----------------------------------------------------------------- templates

    def request_block_template(self) -> None:
        """Ask (through the signal) to keep the selected block as a template."""
        block = self.current_block()
        if block is not None:
            self.flush()
            self.save_block_template_requested.emit(block.id)

    def request_agenda_template(self) -> None:
        """Ask (through the signal) to keep the workshop's whole agenda as a template."""
        if self.workshop_id is not None and self.agenda is not None and self.agenda.blocks:
            self.flush()
            self.save_agenda_template_requested.emit(self.workshop_id)

    # ----------------------------------------------------------------- other

    def request_run(self) -> None:
        if self.workshop_id is not None and self.agenda is not None and self.agenda.blocks:
            self.flush()
            self.run_requested.emit(self.workshop_id)

    def show_materials(self) -> MaterialsDialog | None:
        if self.agenda is None:
            return None
        dialog = MaterialsDialog(self.agenda, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _toggle_library(self) -> None:
        """The method library on the right, or (again) the editor."""
        self.side_tabs.setCurrentWidget(self.library_panel if self.library_action.isChecked()
                                        else self.side)

    def _on_side_tab(self, _index: int) -> None:
        self.library_action.setChecked(self.side_tabs.currentWidget() is self.library_panel)

    def show_library(self) -> None:
        self.side_tabs.setCurrentWidget(self.library_panel)

    def _search_methods(self) -> None:
        self.show_library()
        self.library_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library_panel.search.selectAll()

    # ----------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        def name(action: QAction, text: str, tip: str) -> None:
            action.setText(text)
            keys = " / ".join(key.toString(QKeySequence.SequenceFormat.NativeText)
                              for key in action.shortcuts())
            action.setToolTip(f"{tip} ({keys})" if keys else tip)

        name(self.new_block_action, self.tr("New &block"),
             self.tr("Add a block after the selected one"))
        name(self.duplicate_action, self.tr("D&uplicate"),
             self.tr("Add a copy of the selected block after it"))
        name(self.delete_action, self.tr("&Delete"),
             self.tr("Delete the selected block or day; undo brings it back"))
        name(self.up_action, self.tr("Move u&p"), self.tr("Move the block up"))
        name(self.down_action, self.tr("Move do&wn"), self.tr("Move the block down"))
        name(self.previous_day_action, self.tr("To the pre&vious day"),
             self.tr("Move the block to the end of the previous day"))
        name(self.next_day_action, self.tr("To the &next day"),
             self.tr("Move the block to the start of the next day"))
        name(self.edit_action, self.tr("&Edit"), self.tr("Go to the block's fields"))
        name(self.add_day_action, self.tr("Add d&ay"),
             self.tr("Add a day after the last one"))
        name(self.copy_day_action, self.tr("&Copy day"),
             self.tr("Copy the selected day with all its blocks"))
        name(self.delete_day_action, self.tr("Delete day"),
             self.tr("Delete the selected day with all its blocks; undo brings it back"))
        name(self.materials_action, self.tr("&Materials"),
             self.tr("The materials checklist of the whole workshop"))
        name(self.library_action, self.tr("Me&thods"),
             self.tr("Show or hide the method library"))
        name(self.search_action, self.tr("Search methods"),
             self.tr("Search the method library"))
        name(self.start_action, self.tr("&Start the workshop"),
             self.tr("Run the agenda live with a timer"))
        name(self.export_action, self.tr("Print && e&xport"),
             self.tr("The handout, the run sheet or the calendar file of this agenda"))
        self.export_menu.setTitle(self.export_action.text())
        name(self.handout_action, self.tr("&Handout for the participants (PDF)…"),
             self.tr("Times, titles and rooms to hand out; without notes and without the "
                     "blocks for the facilitation team only"))
        name(self.run_sheet_action, self.tr("&Run sheet for the facilitation team (PDF)…"),
             self.tr("Everything for the facilitation team: notes, goals, who is "
                     "responsible, materials and the blocks for the team only"))
        self.calendar_action.setText(self.tr("Agenda as &calendar file (.ics)…"))
        self._describe_calendar_action()
        name(self.save_block_template_action, self.tr("Save &block as template…"),
             self.tr("Keep the selected block to use it again in other workshops"))
        name(self.save_agenda_template_action, self.tr("Save &agenda as template…"),
             self.tr("Keep the whole agenda to start other workshops from it"))
        for action in (self.handout_action, self.run_sheet_action,
                       self.save_block_template_action, self.save_agenda_template_action):
            action.setStatusTip(action.toolTip())
        self.bar.setWindowTitle(self.tr("Agenda"))
        self.side_tabs.setTabText(0, self.tr("Details"))
        self.side_tabs.setTabText(1, self.tr("Methods"))
        self.side_tabs.setTabToolTip(1, self.tr("The method library ({key})").format(
            key=LIBRARY_KEY))
        self.tree.setAccessibleName(self.tr("Agenda"))
        self.warning_list.setAccessibleName(self.tr("Timing warnings"))
        self.message.setText(self.tr(
            "Choose a workshop in the navigator on the left to plan its agenda."))
        self.empty_text.setText(self.tr(
            "This workshop has no agenda yet.\n\nStart with its first day, then add blocks "
            "or drag methods from the library into it."))
        self.first_day_button.setText(self.tr("Add the first day"))
        self.template_start_button.setText(self.tr("Start from a template ▾"))
        self.template_start_button.setToolTip(self.tr(
            "Add the days of one of your agenda templates, with their blocks"))
        self.hint.setText(self.tr(
            "Select a block to edit it, or a day to change its date and start time."))
        self.model.retranslate()
        self._fit_bar()
        self.library_panel.set_language(ui_language())
        self._update_choices()
        if self.agenda is not None:
            self._show_summary()
            self._show_warnings()
            self._show_side()
