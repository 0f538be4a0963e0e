"""What can be done to projects, workshops and fields of action, as actions with shortcuts."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from myk10_workshop.projects import operations
from myk10_workshop.projects.operations import FIELD_COLOURS
from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.ui.colours import swatch
from myk10_workshop.ui.message_bar import MessageBar
from myk10_workshop.ui.navigator import FIELDS_GROUP, NavigatorPanel


class ProjectActions(QObject):
    """Create, rename and delete entries of the navigator; every one undoable."""

    def __init__(self, bridge: StoreBridge, navigator: NavigatorPanel, messages: MessageBar,
                 parent: QWidget, before_change: Callable[[], None]) -> None:
        super().__init__(parent)
        self._bridge = bridge
        # Saves what is typed but not yet saved, so it lands before this change.
        self._before_change = before_change
        self._navigator = navigator
        self._messages = messages
        style = parent.style()
        self.new_project = QAction(parent)
        self.new_project.setShortcut(QKeySequence.StandardKey.New)
        self.new_project.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder))
        self.new_project.triggered.connect(self.create_project)
        self.new_workshop = QAction(parent)
        self.new_workshop.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_workshop.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.new_workshop.triggered.connect(self.create_workshop)
        self.new_field = QAction(parent)
        # Ctrl+Alt is AltGr on German Windows keyboards; H for Handlungsfeld.
        self.new_field.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.new_field.setIcon(swatch(FIELD_COLOURS[0], 16))
        self.new_field.triggered.connect(self.create_field)
        self.rename = QAction(parent)
        self.rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename.triggered.connect(navigator.rename_current)
        self.delete = QAction(parent)
        self.delete.setShortcut(QKeySequence.StandardKey.Delete)
        # Del in a text field deletes characters; here it deletes the selected entry.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.delete.triggered.connect(self.delete_current)
        navigator.addAction(self.delete)
        # Right-click in the navigator offers the same actions.
        navigator.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        navigator.tree.addActions(self.actions())
        navigator.model.renamed.connect(self._on_renamed)
        navigator.selection_changed.connect(lambda _kind, _id: self._update_enabled())
        # The message after a delete offers its undo only while that delete is the last step.
        self._delete_index: int | None = None
        bridge.undo_stack.indexChanged.connect(self._on_history_moved)
        self.retranslate()
        self._update_enabled()

    def actions(self) -> list[QAction]:
        return [self.new_project, self.new_workshop, self.new_field, self.rename, self.delete]

    def retranslate(self) -> None:
        self.new_project.setText(self.tr("New &project"))
        self.new_project.setToolTip(self.tr("Create a new project (Ctrl+N)"))
        self.new_workshop.setText(self.tr("New &workshop"))
        self.new_workshop.setToolTip(
            self.tr("Create a new workshop in the selected project (Ctrl+Shift+N)"))
        self.new_field.setText(self.tr("New &field of action"))
        self.rename.setText(self.tr("&Rename"))
        self.delete.setText(self.tr("&Delete"))
        self.delete.setToolTip(self.tr("Delete the selected entry (Del); undo brings it back"))

    def _update_enabled(self) -> None:
        kind, _entity_id = self._navigator.current()
        has_project = self._navigator.current_project() is not None
        self.new_workshop.setEnabled(has_project)
        self.new_field.setEnabled(has_project)
        self.rename.setEnabled(kind in ("project", "workshop", "field_of_action"))
        self.delete.setEnabled(kind in ("project", "workshop", "field_of_action"))

    def create_project(self) -> None:
        self._before_change()
        operation = operations.create_project(self.tr("New project"))
        if self._bridge.run(operation):
            self._navigator.select("project", operation.id, edit=True)

    def create_workshop(self) -> None:
        self._before_change()
        project = self._navigator.current_project()
        if project is None:
            return
        operation = operations.create_workshop(project.id, self.tr("New workshop"))
        if self._bridge.run(operation):
            self._navigator.select("workshop", operation.id, edit=True)

    def create_field(self) -> None:
        self._before_change()
        project = self._navigator.current_project()
        if project is None:
            return
        operation = operations.create_field_of_action(
            project.id, self.tr("New field of action"), index=len(project.fields))
        if self._bridge.run(operation):
            self._navigator.select("field_of_action", operation.id, edit=True)

    def delete_current(self) -> None:
        self._before_change()
        kind, entity_id = self._navigator.current()
        node = self._navigator.current_node()
        if entity_id is None or kind == FIELDS_GROUP or node is None:
            return
        if self._bridge.run(operations.delete(kind, entity_id)):
            self._delete_index = self._bridge.undo_stack.index()
            self._messages.show_message(
                self.tr("“{name}” was deleted.").format(name=node.label),
                action_text=self.tr("Undo"), action=self._undo_delete)

    def _undo_delete(self) -> None:
        if self._delete_index == self._bridge.undo_stack.index():
            self._bridge.undo_stack.undo()

    def _on_history_moved(self, index: int) -> None:
        if self._delete_index is not None and index != self._delete_index:
            self._delete_index = None
            self._messages.withdraw_action()

    def _on_renamed(self, kind: str, entity_id: uuid.UUID, text: str) -> None:
        if not self._bridge.run(operations.rename(kind, entity_id, text)):
            # Refused (e.g. empty): show the stored name again.
            self._navigator.apply_snapshot(self._navigator.model.projects)
