"""Editing a note's text or a cluster's title in place, over the board view.

A plain-text editor is laid over the item: what is typed is never read as markup. Enter
saves a title; Ctrl+Enter (or leaving the editor) saves a note, whose text may have line
breaks; Escape drops the edit.

Nothing typed is cut or lost: text over the length the store allows is refused with a
message while the editor stays open with all of it, and a counter under the editor shows
the length as the limit comes near.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QLabel, QPlainTextEdit, QWidget

from myk10_workshop.board.layout import CLUSTER_HEADER, NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.store.entities import rule
from myk10_workshop.ui.board.items import ClusterItem, NoteItem


def _max_length(kind: str, field: str) -> int:
    limit = rule(kind).fields[field].max_length
    assert limit is not None
    return limit


# The store's limits (a longer text would be refused when it is saved).
MAX_NOTE = _max_length("idea", "text")
MAX_TITLE = _max_length("cluster", "title")
# The counter shows from this share of the limit on.
HINT_FROM = 0.9


class LengthHint(QLabel):
    """A small counter "1,950 / 2,000 characters" that shows near a text's limit and turns
    red past it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lengthHint")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setMargin(3)
        self.hide()

    def follow(self, length: int, maximum: int) -> bool:
        """Show the count if ``length`` is near or over ``maximum``; True when over."""
        over = length > maximum
        if length < maximum * HINT_FROM:
            self.hide()
            return over
        self.setText(self.tr("{length} / {maximum} characters").format(
            length=length, maximum=maximum))
        colour = "#b71c1c" if over else "#37474f"
        self.setStyleSheet(f"QLabel#lengthHint {{ color: {colour}; background: #ffffffdd;"
                           f" border: 1px solid {colour}; border-radius: 3px; }}")
        self.adjustSize()
        self.show()
        self.raise_()
        return over


class NoteEditor(QObject):
    # The item (note or frame) and its new text.
    committed = Signal(object, str)
    # A message: the text could not be saved as it is (too long); the editor stays open.
    refused = Signal(str)

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self._view = view
        self.widget = QPlainTextEdit(view.viewport())
        self.widget.setObjectName("noteEditor")
        self.widget.hide()
        self.widget.installEventFilter(self)
        self.hint = LengthHint(view.viewport())
        self.widget.textChanged.connect(self._count)
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
        if not self.finish(save=True):
            return  # the open edit is too long to save: it stays, with its text
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

    def _limit(self) -> int:
        return MAX_TITLE if self._title else MAX_NOTE

    def _text(self) -> str:
        text = self.widget.toPlainText().strip()
        return " ".join(text.split()) if self._title else text  # a title is one line

    def _count(self) -> None:
        if self._item is None:
            self.hint.hide()
            return
        self.hint.follow(len(self._text()), self._limit())
        below = self.widget.geometry()
        self.hint.move(below.left(), below.bottom() + 2)

    def finish(self, *, save: bool) -> bool:
        """End the edit, saving it with ``save``. False (and the editor stays open with the
        text) when the text is too long to be saved."""
        item = self._item
        if item is None:
            return True
        text = self._text()
        if save and len(text) > self._limit():
            self.refused.emit(
                (self.tr("The title is too long: {length} characters, at most {maximum} are "
                         "allowed. Shorten it to save it (Esc cancels).") if self._title
                 else self.tr("The note is too long: {length} characters, at most {maximum} "
                              "are allowed. Shorten it to save it (Esc cancels)."))
                .format(length=len(text), maximum=self._limit()))
            return False
        self._item = None
        self.widget.hide()
        self.hint.hide()
        self._view.setFocus()
        if save and (text or self._title):
            self.committed.emit(item, text)
        return True

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
