"""An inline message bar: says what went wrong or what just happened, never blocks."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

# Information disappears by itself; errors stay until dismissed.
INFO_TIMEOUT_MS = 8000
# An error younger than this belongs to the change that just arrived; it stays.
ERROR_FRESH_MS = 1500


class Level(enum.Enum):
    INFO = "info"
    ERROR = "error"


_STYLES = {
    Level.INFO: "background:#e8f1fb; border:1px solid #8ab4e8; color:#0b2a4a;",
    Level.ERROR: "background:#fdecea; border:1px solid #e0877d; color:#5c1009;",
}


class MessageBar(QFrame):

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(self)
        self.action_button.clicked.connect(self._on_action)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.level = Level.INFO
        self._shown = QElapsedTimer()
        self._action: Callable[[], None] | None = None
        self.setAccessibleName(self.tr("Message"))
        self._retranslate()
        self.hide()

    def show_message(self, text: str, level: Level = Level.INFO,
                     action_text: str | None = None,
                     action: Callable[[], None] | None = None) -> None:
        """Show ``text``; with ``action``, a button labelled ``action_text`` runs it."""
        self.level = level
        self._action = action
        self.setStyleSheet(f"#messageBar {{{_STYLES[level]} border-radius:4px;}}")
        self.label.setText(text)
        self.action_button.setVisible(action is not None)
        self.action_button.setText(action_text or "")
        self.show()
        self._shown.start()
        if level is Level.INFO:
            self._timer.start(INFO_TIMEOUT_MS)
        else:
            self._timer.stop()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def outdated_by_success(self) -> None:
        """A later change went through: an error shown a while ago no longer describes the
        state of things, so it goes (one that came with this very change stays)."""
        if (self.isVisible() and self.level is Level.ERROR and self._action is None
                and self._shown.isValid() and self._shown.elapsed() >= ERROR_FRESH_MS):
            self.hide()

    def withdraw_action(self) -> None:
        """The offered action no longer applies: take the message away if it has one."""
        if self._action is not None:
            self._action = None
            self.hide()

    def _on_action(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()

    def _retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Close message"))
        self.close_button.setAccessibleName(self.tr("Close message"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
