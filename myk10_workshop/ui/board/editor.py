"""Editing a note's text or a cluster's title in place, over the board view.

A plain-text editor is laid over the item: what is typed is never read as markup. Enter
saves a title; Ctrl+Enter (or leaving the editor) saves a note, whose text may have line
breaks; Escape drops the edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QPlainTextEdit

from myk10_workshop.board.importing import MAX_TEXT
from myk10_workshop.board.layout import CLUSTER_HEADER, NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.ui.board.items import ClusterItem, NoteItem


class NoteEditor(QObject):
    # The item (note or frame) and its new text.
    committed = Signal(object, str)

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self._view = view
        self.widget = QPlainTextEdit(view.viewport())
        self.widget.setObjectName("noteEditor")
        self.widget.hide()
        self.widget.installEventFilter(self)
        self._item: QGraphicsItem | None = None
        self._title = False

    def edit_note(self, note: NoteItem) -> None:
        self._start(note, note.idea.text, QRectF(0.0, 0.0, NOTE_WIDTH, NOTE_HEIGHT),
                    title=False)

    def edit_title(self, frame: ClusterItem) -> None:
        width, _height = frame.frame_size()
        self._start(frame, frame.cluster.title, QRectF(0.0, 0.0, width, CLUSTER_HEADER),
                    title=True)

    def is_editing(self) -> bool:
        return self._item is not None

    def _start(self, item: QGraphicsItem, text: str, local: QRectF, *, title: bool) -> None:
        self.finish(save=True)
        self._item = item
        self._title = title
        scene_rect = item.mapRectToScene(local)
        area = self._view.mapFromScene(scene_rect).boundingRect()
        area.setWidth(max(area.width(), 220))
        area.setHeight(max(area.height(), 44 if title else 120))
        self.widget.setGeometry(area)
        font = QFont(self.widget.font())
        font.setPixelSize(18 if title else 15)
        font.setBold(title)
        self.widget.setFont(font)
        self.widget.setPlainText(text)
        self.widget.selectAll()
        self.widget.show()
        self.widget.setFocus()

    def finish(self, *, save: bool) -> None:
        item, self._item = self._item, None
        if item is None:
            return
        text = self.widget.toPlainText().strip()
        self.widget.hide()
        self._view.setFocus()
        if self._title:
            text = " ".join(text.split())  # a title is one line
        if save and (text or self._title):
            self.committed.emit(item, text[:MAX_TEXT])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and isinstance(event, QKeyEvent) and (
                event.type() == QEvent.Type.KeyPress):
            if event.key() == Qt.Key.Key_Escape:
                self.finish(save=False)
                return True
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if enter and (self._title or ctrl):
                self.finish(save=True)
                return True
        if watched is self.widget and event.type() == QEvent.Type.FocusOut and self._item:
            self.finish(save=True)
        return False
