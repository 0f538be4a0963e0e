"""The method library beside the agenda: find a method, drag it in (or double-click it);
and under it the facilitator's own templates, to insert, rename or delete.

The library is shipped data (``resources/methods``); it is read off the GUI thread once
and then only filtered here. Names and descriptions follow the UI language. The templates
are the facilitator's own (:mod:`myk10_workshop.agenda.templates`): read from the store off
the GUI thread whenever one changes, filtered by the same search field. Where a template
goes is the agenda page's business (it knows the selection), so the panel only says which
one was chosen (:attr:`MethodLibraryPanel.template_chosen`), as it does for methods.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.agenda import templates as agenda_templates
from myk10_workshop.agenda.methods import Method, MethodLibrary
from myk10_workshop.agenda.queries import AgendaView, BlockView
from myk10_workshop.agenda.templates import TemplateView, list_templates
from myk10_workshop.agenda.timing import duration_text
from myk10_workshop.i18n import collation_key
from myk10_workshop.store.operations import ChangeSet
from myk10_workshop.ui.agenda.model import METHOD_MIME, TEMPLATE_MIME  # the table's formats
from myk10_workshop.ui.bridge import StoreBridge, render

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ROOT = QModelIndex()


class _ShelfModel(QAbstractListModel, Generic[T]):
    """A list of things to drag into the agenda (methods, templates): each row shows its
    name over its facts, says both to a screen reader, explains itself in a tooltip, and
    drags as ``mime`` with its key."""

    mime = ""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[T, ...] = ()

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def item_at(self, index: AnyIndex) -> T | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.name(item)}\n{self.facts(item)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.name(item)}, {self.facts(item)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item)
        if role == KEY_ROLE:
            return self.key(item)
        return None

    def name(self, item: T) -> str:
        raise NotImplementedError

    def facts(self, item: T) -> str:
        raise NotImplementedError

    def tooltip(self, item: T) -> str:
        raise NotImplementedError

    def key(self, item: T) -> str:
        raise NotImplementedError

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [self.mime]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        item = next((i for i in map(self.item_at, indexes) if i is not None), None)
        if item is not None:
            data.setData(self.mime, self.key(item).encode())
            data.setText(self.name(item))
        return data


class MethodListModel(_ShelfModel[Method]):
    """The methods that match the search, by name as a reader of the language expects."""

    mime = METHOD_MIME

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library: MethodLibrary | None = None
        self.language = "de"
        self._search = ""

    @property
    def methods(self) -> tuple[Method, ...]:
        return self.rows

    def set_library(self, library: MethodLibrary | None, language: str) -> None:
        self.library = library
        self.language = language
        self._refilter()

    def set_search(self, text: str) -> None:
        self._search = text
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        library = self.library
        if library is None:
            self.rows = ()
        elif self._search.strip():
            self.rows = library.find(self._search, self.language)
        else:
            self.rows = library.sorted(self.language)
        self.endResetModel()

    def method_at(self, index: AnyIndex) -> Method | None:
        return self.item_at(index)

    def name(self, item: Method) -> str:
        return item.name(self.language)

    def key(self, item: Method) -> str:
        return item.key

    def facts(self, method: Method) -> str:
        """"75 min · 12–200 people" in the user's language."""
        return self.tr("{minutes} min · {smallest}–{largest} people").format(
            minutes=method.duration_min, smallest=method.group_min, largest=method.group_max)

    def tooltip(self, method: Method) -> str:
        language = self.language
        lines = [method.name(language), self.facts(method), "", method.description(language)]
        if self.library is not None:
            lines.insert(1, self.library.category(method.category).name(language))
        if method.materials:
            lines += ["", self.tr("Materials: {list}").format(list=", ".join(
                f"{material.quantity} × {material.name(language)}"
                for material in method.materials))]
        lines += ["", self.tr("Drag it into the agenda, or double-click to add it after "
                              "the selected block.")]
        return "\n".join(lines)


class TemplateListModel(_ShelfModel[TemplateView]):
    """The facilitator's templates that match the search, by name (as German sorts)."""

    mime = TEMPLATE_MIME

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.everything: tuple[TemplateView, ...] = ()
        self._search = ""

    @property
    def templates(self) -> tuple[TemplateView, ...]:
        return self.rows

    def set_templates(self, templates: Sequence[TemplateView]) -> None:
        self.everything = tuple(templates)
        self._refilter()

    def set_search(self, text: str) -> None:
        self._search = text
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        needle = collation_key(" ".join(self._search.split()))
        self.rows = tuple(template for template in self.everything
                          if needle in collation_key(template.name))
        self.endResetModel()

    def template_at(self, index: AnyIndex) -> TemplateView | None:
        return self.item_at(index)

    def index_of(self, template_id: uuid.UUID) -> QModelIndex:
        for row, template in enumerate(self.templates):
            if template.id == template_id:
                return self.index(row)
        return QModelIndex()

    def name(self, item: TemplateView) -> str:
        return item.name

    def key(self, item: TemplateView) -> str:
        return str(item.id)

    def facts(self, template: TemplateView) -> str:
        """"Block · 75 min" or "Agenda · 2 days · 14 blocks · 12 h 30 min"."""
        if not template.is_agenda:
            return " · ".join((self.tr("Block"), self.duration_text(template.duration_min)))
        days = (self.tr("1 day") if template.days == 1
                else self.tr("{count} days").format(count=template.days))
        blocks = (self.tr("1 block") if template.blocks == 1
                  else self.tr("{count} blocks").format(count=template.blocks))
        return " · ".join((self.tr("Agenda"), days, blocks,
                           self.duration_text(template.duration_min)))

    @staticmethod
    def duration_text(minutes: int) -> str:
        return render(duration_text(minutes))

    def tooltip(self, template: TemplateView) -> str:
        hint = (self.tr("Double-click to add its days after the last day of this workshop.")
                if template.is_agenda else
                self.tr("Double-click to insert it after the selected block."))
        return "\n".join((template.name, self.facts(template), "", hint))

    def retranslate(self) -> None:
        """The facts and tooltips again, in the new language."""
        if self.templates:
            self.dataChanged.emit(self.index(0), self.index(len(self.templates) - 1))


class _SearchField(QLineEdit):
    """Down arrow goes on into the list, as in a search box of any program."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class MethodLibraryPanel(QWidget):
    """Search field, the list of methods and a button that adds the chosen one; under them
    the facilitator's own templates, with insert, rename, delete and the two ways to save.

    The templates need the store: :meth:`attach` gives the panel the bridge (until then
    the section says so and its buttons stay off). What saving takes (the selected block,
    the workshop) comes from the page through :meth:`set_current`.
    """

    # The key of the method to add after the selected block.
    method_chosen = Signal(str)
    # The TemplateView to use: a block template after the selected block, an agenda
    # template's days after the workshop's last day (the page knows where that is).
    template_chosen = Signal(object)
    # A plain message for the window's message bar ("… was deleted, undo brings it back").
    notice = Signal(str)
    # The list of templates on screen is up to date (tests wait for it).
    templates_loaded = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 bridge: StoreBridge | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("methodLibrary")
        self.bridge: StoreBridge | None = None
        self._flush: Callable[[], None] | None = None
        self._agenda: AgendaView | None = None
        self._block: BlockView | None = None
        self._loading = False
        self._stale = False
        # The template to select once it is in the list (one just saved).
        self._select_next: uuid.UUID | None = None
        self._build_methods()
        self._build_templates()
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("libraryParts")
        self.splitter.addWidget(self.methods_part)
        self.splitter.addWidget(self.templates_part)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.retranslate()
        if bridge is not None:
            self.attach(bridge)

    # ----------------------------------------------------------------- building

    def _build_methods(self) -> None:
        self.methods_part = QWidget(self)
        self.heading = QLabel(self.methods_part)
        self.heading.setWordWrap(True)
        self.search = _SearchField(self.methods_part)
        self.search.setObjectName("methodSearch")
        self.search.setClearButtonEnabled(True)
        self.model = MethodListModel(self)
        self.list = QListView(self.methods_part)
        self.list.setObjectName("methodList")
        self.list.setModel(self.model)
        _list_look(self.list)
        self.add_button = QPushButton(self.methods_part)
        self.add_button.setObjectName("addMethod")
        self.status = QLabel(self.methods_part)
        self.status.setWordWrap(True)
        self.status.setObjectName("methodStatus")
        layout = QVBoxLayout(self.methods_part)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.add_button)
        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self.choose_current)
        self.search.down.connect(self._into_list)
        # Not "activated": some desktops activate on a single click, which would add a
        # block whenever a method is only looked at.
        self.list.doubleClicked.connect(lambda _index: self.choose_current())
        self.enter_key = _key_action(self.list, self.choose_current,
                                     Qt.Key.Key_Return, Qt.Key.Key_Enter)
        self.add_button.clicked.connect(self.choose_current)
        self.model.modelReset.connect(self._after_filter)

    def _build_templates(self) -> None:
        part = self.templates_part = QWidget(self)
        part.setObjectName("myTemplates")
        self.templates_heading = QLabel(part)
        font = self.templates_heading.font()
        font.setBold(True)
        self.templates_heading.setFont(font)
        self.template_model = TemplateListModel(self)
        self.template_list = QListView(part)
        self.template_list.setObjectName("templateList")
        self.template_list.setModel(self.template_model)
        _list_look(self.template_list)
        self.template_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.templates_empty = QLabel(part)
        self.templates_empty.setObjectName("templatesEmpty")
        self.templates_empty.setWordWrap(True)
        self.insert_template_button = QPushButton(part)
        self.insert_template_button.setObjectName("insertTemplate")
        self.rename_template_button = QPushButton(part)
        self.rename_template_button.setObjectName("renameTemplate")
        self.delete_template_button = QPushButton(part)
        self.delete_template_button.setObjectName("deleteTemplate")
        self._build_saving()
        # Saving beside the heading, using below the list: a row each, room for German.
        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(self.templates_heading, 1)
        heading.addWidget(self.save_template_button)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.insert_template_button, self.rename_template_button,
                       self.delete_template_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(part)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.template_list, 1)
        layout.addWidget(self.templates_empty)
        layout.addLayout(buttons)
        self._connect_templates()

    def _build_saving(self) -> None:
        """The two ways to keep a template: actions the page can show too, and a button."""
        self.save_block_as_template = QAction(self)
        self.save_block_as_template.setObjectName("saveBlockAsTemplate")
        self.save_agenda_as_template = QAction(self)
        self.save_agenda_as_template.setObjectName("saveAgendaAsTemplate")
        self.save_block_as_template.triggered.connect(
            lambda _checked=False: self._save_current_block())
        self.save_agenda_as_template.triggered.connect(
            lambda _checked=False: self._save_current_agenda())
        # A push button with a menu leaves room for its arrow (a tool button's overlaps).
        self.save_template_button = QPushButton(self.templates_part)
        self.save_template_button.setObjectName("saveTemplate")
        save_menu = QMenu(self.save_template_button)
        save_menu.addActions([self.save_block_as_template, self.save_agenda_as_template])
        self.save_template_button.setMenu(save_menu)

    def _connect_templates(self) -> None:
        self.template_list.doubleClicked.connect(lambda _index: self.insert_current_template())
        self.template_enter_key = _key_action(self.template_list, self.insert_current_template,
                                              Qt.Key.Key_Return, Qt.Key.Key_Enter)
        self.template_rename_key = _key_action(self.template_list, self.rename_current_template,
                                               Qt.Key.Key_F2)
        self.template_delete_key = _key_action(self.template_list, self.delete_current_template,
                                               Qt.Key.Key_Delete)
        self.template_list.customContextMenuRequested.connect(self._template_menu)
        self.insert_template_button.clicked.connect(self.insert_current_template)
        self.rename_template_button.clicked.connect(self.rename_current_template)
        self.delete_template_button.clicked.connect(self.delete_current_template)
        self.template_model.modelReset.connect(self._show_templates_state)
        self.template_list.selectionModel().currentChanged.connect(
            lambda _current, _previous: self._update_template_actions())

    def _template_menu(self, point: QPoint) -> None:
        """Right-click on a template: what can be done with it, and saving a new one."""
        menu = QMenu(self)
        menu.addActions([self.template_enter_key, self.template_rename_key,
                         self.template_delete_key])
        menu.addSeparator()
        menu.addActions([self.save_block_as_template, self.save_agenda_as_template])
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.template_list.viewport().mapToGlobal(point))

    # ----------------------------------------------------------------- methods

    def set_library(self, library: MethodLibrary | None, language: str) -> None:
        self.model.set_library(library, language)

    def set_language(self, language: str) -> None:
        if language != self.model.language:
            self.model.set_library(self.model.library, language)

    def _on_search(self, text: str) -> None:
        self.model.set_search(text)
        self.template_model.set_search(text)

    def _after_filter(self) -> None:
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        self._show_status()

    def _show_status(self) -> None:
        if self.model.library is None:
            self.status.setText(self.tr("The method library is loading…"))
        elif not self.model.rowCount():
            self.status.setText(self.tr("No method matches “{text}”.").format(
                text=self.search.text().strip()))
        else:
            self.status.setText("")
        self.status.setVisible(bool(self.status.text()))
        self.add_button.setEnabled(self.model.rowCount() > 0)

    def _into_list(self) -> None:
        self.list.setFocus()
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))

    def current_method(self) -> Method | None:
        return self.model.method_at(self.list.currentIndex())

    def choose_current(self) -> None:
        method = self.current_method()
        if method is not None:
            self.method_chosen.emit(method.key)

    # ----------------------------------------------------------------- templates: store

    def attach(self, bridge: StoreBridge, *, flush: Callable[[], None] | None = None) -> None:
        """Give the panel the store: it lists the templates and keeps the list current.
        ``flush`` saves what is typed but not saved yet (the page's editors), so a block
        is kept as a template as it is on screen."""
        self._flush = flush
        if self.bridge is bridge:
            return
        if self.bridge is not None:
            self.bridge.changed.disconnect(self._on_changed)
        self.bridge = bridge
        bridge.changed.connect(self._on_changed)
        self.reload_templates()

    def _on_changed(self, changes: ChangeSet) -> None:
        # An empty change set: "look again" (a failed write, a restored backup).
        if not changes or changes.touches(agenda_templates.TEMPLATE):
            self.reload_templates()

    def reload_templates(self) -> None:
        """Read the templates again (one read at a time; changes meanwhile ask for one more)."""
        bridge = self.bridge
        if bridge is None:
            return
        if self._loading:
            self._stale = True
            return
        self._loading = True
        self._stale = False
        bridge.load(list_templates, self._templates_arrived)

    def _templates_arrived(self, found: tuple[TemplateView, ...]) -> None:
        self._loading = False
        if self._stale:
            self.reload_templates()
            return
        current = self.current_template()
        self.template_model.set_templates(found)
        model = self.template_model
        # The one just saved (once it is there), else the one chosen before, else the first.
        index = model.index_of(self._select_next) if self._select_next else QModelIndex()
        if index.isValid():
            self._select_next = None
        elif current is not None:
            index = model.index_of(current.id)
        if not index.isValid() and model.rowCount():
            index = model.index(0)
        if index.isValid():
            self.template_list.setCurrentIndex(index)
            self.template_list.scrollTo(index)
        self._update_template_actions()
        self.templates_loaded.emit()

    # ----------------------------------------------------------------- templates: commands

    def set_current(self, agenda: AgendaView | None, block: BlockView | None) -> None:
        """What "save as template" keeps: the selected block, the agenda on screen (the
        panel's own "Save as template" button shows once it knows)."""
        self._agenda = agenda
        self._block = block
        self._update_template_actions()

    def current_template(self) -> TemplateView | None:
        return self.template_model.template_at(self.template_list.currentIndex())

    def insert_current_template(self) -> None:
        template = self.current_template()
        if template is not None and self.bridge is not None:
            self.template_chosen.emit(template)

    def agenda_template_menu(self, parent: QWidget) -> QMenu:
        """A menu of the agenda templates, filled each time it opens, for where the panel
        is not on screen: a workshop without days starts from one (choosing emits
        :attr:`template_chosen`, as the list does)."""
        menu = QMenu(parent)
        menu.setObjectName("agendaTemplateMenu")
        menu.aboutToShow.connect(lambda: self._fill_agenda_menu(menu))
        return menu

    def _fill_agenda_menu(self, menu: QMenu) -> None:
        menu.clear()
        facts = self.template_model.facts
        for template in self.template_model.everything:
            if template.is_agenda:
                # "&" in a name is a letter, not a keyboard accelerator.
                text = f"{template.name}  ({facts(template)})".replace("&", "&&")
                action = menu.addAction(text)
                action.triggered.connect(
                    lambda _checked=False, chosen=template: self.template_chosen.emit(chosen))
        if menu.isEmpty():
            menu.addAction(self.tr("No agenda templates yet")).setEnabled(False)

    def ask_name(self, title: str, label: str, text: str) -> str | None:
        """A template's name from the facilitator; None when cancelled or left empty."""
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name.strip() if ok and name.strip() else None

    def save_block(self, item_id: uuid.UUID, suggestion: str | None = None) -> bool:
        """Ask for a name and keep the block (with its working groups and materials) as a
        template. ``suggestion``: the name offered (default: the block's title, when
        :meth:`set_current` told it). False: cancelled, refused, or no store yet."""
        if self.bridge is None:
            return False
        if self._flush is not None:
            self._flush()
        if suggestion is None:
            block = self._agenda.block(item_id) if self._agenda is not None else None
            suggestion = block.title if block is not None else ""
        name = self.ask_name(self.tr("Save block as template"), self.tr(
            "Keep this block with its working groups and materials, to use it again in "
            "other workshops. Name of the template:"), suggestion)
        if name is None:
            return False
        return self._save(agenda_templates.save_block_template(item_id, name), name)

    def save_agenda(self, workshop_id: uuid.UUID, suggestion: str | None = None) -> bool:
        """Ask for a name and keep the workshop's whole agenda (days, start times, blocks)
        as a template. ``suggestion``: the name offered (default: the workshop's title,
        when :meth:`set_current` told it). False: cancelled, refused, or no store yet."""
        if self.bridge is None:
            return False
        if self._flush is not None:
            self._flush()
        if suggestion is None:
            agenda = self._agenda
            suggestion = agenda.title if agenda and agenda.workshop_id == workshop_id else ""
        name = self.ask_name(self.tr("Save agenda as template"), self.tr(
            "Keep the whole agenda, all days with their blocks, to use it again in other "
            "workshops. Name of the template:"), suggestion)
        if name is None:
            return False
        return self._save(agenda_templates.save_agenda_template(workshop_id, name), name)

    def _save(self, operation: agenda_templates.SaveTemplate, name: str) -> bool:
        assert self.bridge is not None
        if not self.bridge.run(operation):
            return False
        self._select_next = operation.id
        self.notice.emit(self.tr("“{name}” is kept as a template: find it under “My "
                                 "templates” in the Methods tab.").format(name=name))
        return True

    def _save_current_block(self) -> None:
        if self._block is not None:
            self.save_block(self._block.id, self._block.title)

    def _save_current_agenda(self) -> None:
        if self._agenda is not None:
            self.save_agenda(self._agenda.workshop_id, self._agenda.title)

    def rename_current_template(self) -> None:
        template = self.current_template()
        if template is None or self.bridge is None:
            return
        name = self.ask_name(self.tr("Rename template"), self.tr("New name of the template:"),
                             template.name)
        if name is not None and name != template.name:
            self.bridge.run(agenda_templates.rename_template(template.id, name))

    def delete_current_template(self) -> None:
        template = self.current_template()
        if template is None or self.bridge is None:
            return
        row = self.template_list.currentIndex().row()
        rest = [t for t in self.template_model.templates if t.id != template.id]
        if self.bridge.run(agenda_templates.delete_template(template.id)):
            if rest:  # the next one, or the one before at the end
                self._select_next = rest[min(row, len(rest) - 1)].id
            self.notice.emit(self.tr("The template “{name}” was deleted. Undo (Ctrl+Z) "
                                     "brings it back.").format(name=template.name))

    # ----------------------------------------------------------------- templates: showing

    def _show_templates_state(self) -> None:
        model = self.template_model
        if self.bridge is None:
            text = self.tr("Your templates appear here once a workshop is open.")
        elif not model.everything:
            text = self.tr("No templates yet. Keep a block or the whole agenda with “Save "
                           "as template” to use it again in other workshops.")
        elif not model.rowCount():
            text = self.tr("No template matches “{text}”.").format(
                text=self.search.text().strip())
        else:
            text = ""
        self.templates_empty.setText(text)
        self.templates_empty.setVisible(bool(text))
        self.template_list.setVisible(model.rowCount() > 0)
        self._update_template_actions()

    def _update_template_actions(self) -> None:
        attached = self.bridge is not None
        chosen = attached and self.current_template() is not None
        for widget in (self.insert_template_button, self.rename_template_button,
                       self.delete_template_button):
            widget.setEnabled(chosen)
        for action in (self.template_enter_key, self.template_rename_key,
                       self.template_delete_key):
            action.setEnabled(chosen)
        self.save_block_as_template.setEnabled(attached and self._block is not None)
        self.save_agenda_as_template.setEnabled(
            attached and self._agenda is not None and bool(self._agenda.days))
        self.save_template_button.setEnabled(
            self.save_block_as_template.isEnabled() or self.save_agenda_as_template.isEnabled())
        # Without an agenda there is nothing to save: no button that never works.
        self.save_template_button.setVisible(attached and self._agenda is not None)

    # ----------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr(
            "Drag a method into the agenda, or double-click it to add it after the "
            "selected block."))
        self.search.setPlaceholderText(self.tr("Search methods (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search methods"))
        self.list.setAccessibleName(self.tr("Methods"))
        self.list.setToolTip(self.tr("Drag a method into the agenda to make a block of it."))
        self.add_button.setText(self.tr("&Add to agenda"))
        self.add_button.setToolTip(self.tr(
            "Add the chosen method after the selected block (or double-click it)"))
        self._show_status()
        self.templates_heading.setText(self.tr("My templates"))
        self.template_list.setAccessibleName(self.tr("My templates"))
        self.insert_template_button.setText(self.tr("&Insert"))
        self.insert_template_button.setToolTip(self.tr(
            "A block template goes after the selected block, an agenda template's days "
            "after the last day (or double-click it)"))
        self.rename_template_button.setText(self.tr("Rename…"))
        self.rename_template_button.setToolTip(self.tr("Rename the chosen template (F2)"))
        self.delete_template_button.setText(self.tr("Delete"))
        self.delete_template_button.setToolTip(self.tr(
            "Delete the chosen template; undo brings it back. Blocks made from it stay."))
        self.save_template_button.setText(self.tr("Save as template"))
        self.save_template_button.setToolTip(self.tr(
            "Keep the selected block or the whole agenda as a template"))
        self.template_enter_key.setText(self.tr("Insert into the agenda"))
        self.template_rename_key.setText(self.tr("Rename…"))
        self.template_delete_key.setText(self.tr("Delete"))
        self.save_block_as_template.setText(self.tr("Save block as &template…"))
        self.save_block_as_template.setToolTip(self.tr(
            "Keep the selected block with its working groups and materials as a template "
            "for other workshops"))
        self.save_agenda_as_template.setText(self.tr("Save a&genda as template…"))
        self.save_agenda_as_template.setToolTip(self.tr(
            "Keep the whole agenda, all days with their blocks, as a template for other "
            "workshops"))
        self.template_model.retranslate()
        self._show_templates_state()


def _list_look(view: QListView) -> None:
    """The library's lists: two-line entries, one chosen at a time, dragged as copies."""
    view.setDragEnabled(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    view.setDefaultDropAction(Qt.DropAction.CopyAction)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSpacing(2)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setIconSize(QSize(0, 0))


def _key_action(view: QListView, slot: Callable[[], None], *keys: Qt.Key) -> QAction:
    """An action of a list, by keys that work while the list has the focus."""
    action = QAction(view)
    action.setShortcuts([QKeySequence(key) for key in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    view.addAction(action)
    return action
