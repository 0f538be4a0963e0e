"""The navigator: projects, their workshops and fields of action, as a tree.

The model follows snapshots of the store (:func:`projects.queries.load_tree`) and updates
rows in place, so selection, expansion and an open editor survive a refresh.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.projects.queries import FieldNode, ProjectNode, WorkshopNode
from myk10_workshop.ui.colours import swatch

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
NODE_ROLE = Qt.ItemDataRole.UserRole + 3
# The text as stored, to tell a user's rename from our own refresh.
STORED_TEXT_ROLE = Qt.ItemDataRole.UserRole + 4

FIELDS_GROUP = "fields_group"

Node = ProjectNode | WorkshopNode | FieldNode


@dataclass(frozen=True)
class _Row:
    kind: str
    id: uuid.UUID
    text: str
    node: Node | None
    editable: bool = True


class NavigatorModel(QStandardItemModel):
    """Tree of projects > workshops and a "fields of action" group > fields."""

    # kind, id, new text: the user renamed an entry in place.
    renamed = Signal(str, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._syncing = False
        self._projects: tuple[ProjectNode, ...] = ()
        self._icons: dict[str, QIcon] = {}
        self.itemChanged.connect(self._on_item_changed)

    def set_icons(self, icons: dict[str, QIcon]) -> None:
        self._icons = icons

    @property
    def projects(self) -> tuple[ProjectNode, ...]:
        return self._projects

    def apply_snapshot(self, projects: tuple[ProjectNode, ...]) -> None:
        self._projects = projects
        self._syncing = True
        try:
            root = self.invisibleRootItem()
            self._sync_children(root, [
                _Row("project", p.id, p.name, p) for p in projects])
            for row in range(root.rowCount()):
                item = root.child(row)
                project = item.data(NODE_ROLE)
                self._sync_children(item, [
                    *(_Row("workshop", w.id, w.title, w) for w in project.workshops),
                    _Row(FIELDS_GROUP, project.id, self._fields_title(project), None,
                         editable=False),
                ])
                group = item.child(item.rowCount() - 1)
                self._sync_children(group, [
                    _Row("field_of_action", f.id, f.name, f) for f in project.fields])
        finally:
            self._syncing = False

    def retranslate(self) -> None:
        self.apply_snapshot(self._projects)

    def _fields_title(self, project: ProjectNode) -> str:
        return self.tr("Fields of action ({count})").format(count=len(project.fields))

    def _sync_children(self, parent: QStandardItem, rows: list[_Row]) -> None:
        wanted = {(row.kind, row.id) for row in rows}
        for index in reversed(range(parent.rowCount())):
            child = parent.child(index)
            if (child.data(KIND_ROLE), _uuid(child.data(ID_ROLE))) not in wanted:
                parent.removeRow(index)
        for position, row in enumerate(rows):
            found = None
            for index in range(position, parent.rowCount()):
                child = parent.child(index)
                if child.data(KIND_ROLE) == row.kind and child.data(ID_ROLE) == str(row.id):
                    found = index
                    break
            if found is None:
                item = QStandardItem()
                item.setData(row.kind, KIND_ROLE)
                item.setData(str(row.id), ID_ROLE)
                parent.insertRow(position, [item])
            elif found != position:
                parent.insertRow(position, parent.takeRow(found))
            self._fill(parent.child(position), row)

    def _fill(self, item: QStandardItem, row: _Row) -> None:
        if item.text() != row.text:
            item.setText(row.text)
        item.setData(row.text, STORED_TEXT_ROLE)
        item.setData(row.node, NODE_ROLE)
        item.setEditable(row.editable)
        item.setToolTip(row.text)
        if row.kind == "project":
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        if isinstance(row.node, FieldNode):
            item.setIcon(swatch(row.node.colour))
        elif row.kind in self._icons:
            item.setIcon(self._icons[row.kind])
        if row.kind == FIELDS_GROUP:
            item.setForeground(QBrush(QColor("#555555")))

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._syncing:
            return
        text = item.text().strip()
        if text != item.data(STORED_TEXT_ROLE):
            self.renamed.emit(item.data(KIND_ROLE), _uuid(item.data(ID_ROLE)), text)

    def find(self, kind: str, entity_id: uuid.UUID) -> QModelIndex:
        if not self.rowCount():
            return QModelIndex()
        matches = self.match(self.index(0, 0), ID_ROLE, str(entity_id), -1,
                             Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        for index in matches:
            if index.data(KIND_ROLE) == kind:
                return index
        return QModelIndex()


def _uuid(value: str | None) -> uuid.UUID | None:
    return uuid.UUID(value) if value else None


class NavigatorPanel(QWidget):
    """The tree view with its model; tells the window what is selected."""

    # kind, id (or "", None when nothing is selected)
    selection_changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NavigatorModel(self)
        style = self.style()
        self.model.set_icons({
            "project": style.standardIcon(QStyle.StandardPixmap.SP_DirIcon),
            "workshop": style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            FIELDS_GROUP: style.standardIcon(QStyle.StandardPixmap.SP_DirClosedIcon),
        })
        self.tree = QTreeView(self)
        self.tree.setObjectName("navigatorTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._pending: tuple[str, uuid.UUID, bool] | None = None
        self._expanded_once: set[uuid.UUID] = set()
        self.setAccessibleName(self.tr("Projects and workshops"))

    def apply_snapshot(self, projects: tuple[ProjectNode, ...]) -> None:
        current_kind, current_id = self.current()
        self.model.apply_snapshot(projects)
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            project_id = _uuid(index.data(ID_ROLE))
            if project_id is not None and project_id not in self._expanded_once:
                self._expanded_once.add(project_id)
                self.tree.expand(index)
                self.tree.expand(self.model.index(self.model.rowCount(index) - 1, 0, index))
        if self._pending is not None:
            kind, entity_id, edit = self._pending
            if self.select(kind, entity_id, edit=edit):
                self._pending = None
        elif current_id is not None and not self.model.find(current_kind, current_id).isValid():
            # The selected entry is gone (deleted, or undone): the window must follow.
            self._on_current_changed(self.tree.currentIndex(), QModelIndex())
        elif current_id is None and self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))
        else:
            self._emit_current()

    def current(self) -> tuple[str, uuid.UUID | None]:
        index = self.tree.currentIndex()
        if not index.isValid():
            return "", None
        return index.data(KIND_ROLE), _uuid(index.data(ID_ROLE))

    def current_node(self) -> Node | None:
        index = self.tree.currentIndex()
        return index.data(NODE_ROLE) if index.isValid() else None

    def current_project(self) -> ProjectNode | None:
        index = self.tree.currentIndex()
        while index.isValid() and index.parent().isValid():
            index = index.parent()
        return index.data(NODE_ROLE) if index.isValid() else None

    def select(self, kind: str, entity_id: uuid.UUID, *, edit: bool = False) -> bool:
        """Select (and optionally start renaming) an entry; if it is not there yet, do it
        as soon as a snapshot brings it."""
        index = self.model.find(kind, entity_id)
        if not index.isValid():
            self._pending = (kind, entity_id, edit)
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        if edit:
            self.tree.setFocus()
            self.tree.edit(QPersistentModelIndex(index))
        return True

    def rename_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.tree.setFocus()
            self.tree.edit(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._emit_current()

    def _emit_current(self) -> None:
        kind, entity_id = self.current()
        self.selection_changed.emit(kind, entity_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Projects and workshops"))
            self.model.retranslate()
        super().changeEvent(event)
