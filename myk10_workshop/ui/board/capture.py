"""Quick capture: type a note, press Enter, type the next; paste lines to get many notes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from myk10_workshop.board.importing import MAX_TEXT, split_lines


class CaptureEdit(QPlainTextEdit):
    """One line for a new note. Enter adds it; Shift+Enter breaks the line inside a note;
    pasting several lines adds one note per line at once."""

    submitted = Signal(list)  # the texts of the new notes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureEdit")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        line = self.fontMetrics().lineSpacing()
        self.setFixedHeight(int(line * 1.6 + 2 * self.frameWidth() + 8))
        self._retranslate()

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr(
            "Type an idea and press Enter – or paste a list: one note per line"))
        self.setAccessibleName(self.tr("New idea"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            text = self.toPlainText().strip()
            if text:
                self.submitted.emit([text[:MAX_TEXT]])
                self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        lines = split_lines(source.text()) if source.hasText() else []
        if len(lines) > 1:
            self.submitted.emit([line[:MAX_TEXT] for line in lines])
            return
        super().insertFromMimeData(source)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
