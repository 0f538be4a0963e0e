"""The method library beside the agenda: find a method, drag it in (or double-click it).

The library is shipped data (``resources/methods``); it is read off the GUI thread once
and then only filtered here. Names and descriptions follow the UI language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.agenda.methods import Method, MethodLibrary
from myk10_workshop.ui.agenda.model import METHOD_MIME

AnyIndex = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ROOT = QModelIndex()


class MethodListModel(QAbstractListModel):
    """The methods that match the search, by name as a reader of the language expects."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library: MethodLibrary | None = None
        self.language = "de"
        self.methods: tuple[Method, ...] = ()
        self._search = ""

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
            self.methods = ()
        elif self._search.strip():
            self.methods = library.find(self._search, self.language)
        else:
            self.methods = library.sorted(self.language)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.methods)

    def method_at(self, index: AnyIndex) -> Method | None:
        if not index.isValid() or not 0 <= index.row() < len(self.methods):
            return None
        return self.methods[index.row()]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        method = self.method_at(index)
        if method is None:
            return None
        language = self.language
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{method.name(language)}\n{self.facts(method)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{method.name(language)}, {self.facts(method)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(method)
        if role == KEY_ROLE:
            return method.key
        return None

    def facts(self, method: Method) -> str:
        """"75 min · 12–200 people" in the user's language."""
        return self.tr("{minutes} min · {smallest}–{largest} people").format(
            minutes=method.duration_min, smallest=method.group_min, largest=method.group_max)

    def _tooltip(self, method: Method) -> str:
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

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [METHOD_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        method = next((m for m in map(self.method_at, indexes) if m is not None), None)
        if method is not None:
            data.setData(METHOD_MIME, method.key.encode())
            data.setText(method.name(self.language))
        return data


class _SearchField(QLineEdit):
    """Down arrow goes on into the list, as in a search box of any program."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class MethodLibraryPanel(QWidget):
    """Search field, the list of methods and a button that adds the chosen one."""

    # The key of the method to add after the selected block.
    method_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("methodLibrary")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.search = _SearchField(self)
        self.search.setObjectName("methodSearch")
        self.search.setClearButtonEnabled(True)
        self.model = MethodListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("methodList")
        self.list.setModel(self.model)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setIconSize(QSize(0, 0))
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addMethod")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("methodStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
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
        self.enter_key = QAction(self.list)
        self.enter_key.setShortcuts([QKeySequence(Qt.Key.Key_Return),
                                     QKeySequence(Qt.Key.Key_Enter)])
        self.enter_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.enter_key.triggered.connect(self.choose_current)
        self.list.addAction(self.enter_key)
        self.add_button.clicked.connect(self.choose_current)
        self.model.modelReset.connect(self._after_filter)
        self.retranslate()

    def set_library(self, library: MethodLibrary | None, language: str) -> None:
        self.model.set_library(library, language)

    def set_language(self, language: str) -> None:
        if language != self.model.language:
            self.model.set_library(self.model.library, language)

    def _on_search(self, text: str) -> None:
        self.model.set_search(text)

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
