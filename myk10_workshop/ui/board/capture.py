"""Quick capture: type a note, press Enter, type the next; paste lines to get many notes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from myk10_workshop.board.importing import split_lines
from myk10_workshop.ui.board.editor import MAX_NOTE, LengthHint


class CaptureEdit(QPlainTextEdit):
    """One line for a new note. Enter adds it; Shift+Enter breaks the line inside a note;
    pasting several lines adds one note per line at once.

    Nothing is cut: a note over the store's limit is refused with a message and stays in
    the line to be shortened (pasted lines that are too long stay there too); a counter
    shows the length as the limit comes near.
    """

    submitted = Signal(list)  # the texts of the new notes
    refused = Signal(str)  # why (some of) the text stays in the line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureEdit")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        line = self.fontMetrics().lineSpacing()
        self.setFixedHeight(int(line * 1.6 + 2 * self.frameWidth() + 8))
        self.hint = LengthHint(self)
        self.textChanged.connect(self._count)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr(
            "Type an idea and press Enter – or paste a list: one note per line"))
        self.setAccessibleName(self.tr("New idea"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            text = self.toPlainText().strip()
            if len(text) > MAX_NOTE:
                self.refused.emit(self.tr(
                    "The note is too long: {length} characters, at most {maximum} are "
                    "allowed. It stays in the input line: shorten it, or split it into "
                    "several notes.").format(length=len(text), maximum=MAX_NOTE))
            elif text:
                self.submitted.emit([text])
                self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        lines = split_lines(source.text()) if source.hasText() else []
        if len(lines) > 1:
            fitting = [line for line in lines if len(line) <= MAX_NOTE]
            too_long = [line for line in lines if len(line) > MAX_NOTE]
            if fitting:
                self.submitted.emit(fitting)
            if too_long:
                self.setPlainText("\n".join(too_long))
                self.refused.emit((self.tr(
                    "One line is too long for a note (at most {maximum} characters). It "
                    "stays in the input line to be shortened.") if len(too_long) == 1 else
                    self.tr("{count} lines are too long for a note (at most {maximum} "
                            "characters). They stay in the input line to be shortened."))
                    .format(count=len(too_long), maximum=MAX_NOTE))
            return
        super().insertFromMimeData(source)

    def _count(self) -> None:
        self.hint.follow(len(self.toPlainText().strip()), MAX_NOTE)
        self._place_hint()

    def _place_hint(self) -> None:
        self.hint.move(self.width() - self.hint.width() - 6,
                       (self.height() - self.hint.height()) // 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
