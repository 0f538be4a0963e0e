"""The agenda on the projector: what the room needs to know while the workshop runs.

The current block's title, a countdown large enough to read from the back of a village
hall, what comes next, and, while a ballot is open and phones can join, the join QR code.
Dark text on white (a projector in a lit hall washes out dark backgrounds); the countdown
panel takes the colour of its state, and its state is also written in words, so nobody has
to tell amber from red. Nothing to click: the facilitator steers it from the live view.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from myk10_workshop.ui.board.projector import show_on_projector_screen
from myk10_workshop.ui.voting.qr_widget import QrWidget


@dataclass(frozen=True)
class ProjectorState:
    """Everything the projector shows, already in words and colours (the live view
    decides; the projector only draws)."""

    caption: str = ""
    title: str = ""
    countdown: str = ""
    status: str = ""
    # The countdown panel's colours ("#rrggbb"), chosen by the live view per state.
    background: str = "#f1f3f4"
    foreground: str = "#111111"
    next_text: str = ""
    qr: list[list[bool]] = field(default_factory=list)
    qr_caption: str = ""


# Share of the window height each text takes; fonts follow the window, not the screen's DPI,
# so a 1280x720 beamer and a 4K wall show the same picture.
_SIZES = {"caption": 0.045, "title": 0.085, "countdown": 0.26, "status": 0.055,
          "next": 0.05, "qr_caption": 0.04}
_MARGIN_X = 48
_MARGIN_Y = 32
_SPACING = 40
_PANEL_MARGIN = 24
# Share of the width the QR code column takes while it shows.
_QR_SHARE = 1 / 3


def _lines(font: QFont, text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped at words into ``width`` in ``font``."""
    if not text or width <= 0:
        return 0
    metrics = QFontMetricsF(font)
    flags = int(Qt.TextFlag.TextWordWrap)
    rect = metrics.boundingRect(QRectF(0, 0, width, 100_000), flags, text)
    return max(1, round(rect.height() / metrics.lineSpacing()))


def _fitting_size(font: QFont, text: str, width: int, lines: int) -> int:
    """The largest pixel size at which each line of ``text`` fits ``lines`` lines of
    ``width`` (a little slack for word breaks)."""
    probe = QFont(font)
    probe.setPixelSize(100)
    metrics = QFontMetricsF(probe)
    widest = max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0.0)
    if widest <= 0:
        return 10_000
    slack = 1.0 if lines == 1 else 0.75
    return max(12, int(100 * width * lines * slack / widest))


class AgendaProjector(QWidget):
    """A top-level window; :meth:`show_on_best_screen` puts it full screen on a second
    screen when there is one. F11 toggles full screen; Escape only leaves it (pressed in a
    hurry, it must not close what the room is reading)."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("agendaProjector")
        self.setStyleSheet("#agendaProjector { background: white; } "
                           "QLabel { color: #111111; background: transparent; }")
        self.state = ProjectorState()
        self.caption = self._label("projectorCaption", bold=False)
        self.caption.setStyleSheet("color: #3c3c3c;")
        self.title = self._label("projectorTitle", bold=True)
        self.panel = QFrame(self)
        self.panel.setObjectName("countdownPanel")
        self.countdown = self._label("projectorCountdown", bold=True, parent=self.panel)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setWordWrap(False)
        # Its font follows the room there is (see _fit_countdown), not the other way round:
        # a long "+12:30 over" must not push the QR code off the wall.
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status = self._label("projectorStatus", bold=True, parent=self.panel)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        panel_layout = QVBoxLayout(self.panel)
        panel_layout.setContentsMargins(_PANEL_MARGIN, 12, _PANEL_MARGIN, 18)
        panel_layout.addWidget(self.countdown, 1)
        panel_layout.addWidget(self.status)
        self.next = self._label("projectorNext", bold=True)
        self.next.setWordWrap(False)  # each line on one line (see _show_next)
        self.next.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.qr = QrWidget(self)
        self.qr.setObjectName("agendaProjectorQr")
        self.qr_caption = self._label("projectorQrCaption", bold=True)
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_side = QWidget(self)
        side = QVBoxLayout(self.qr_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addStretch(1)
        side.addWidget(self.qr, 4)
        side.addWidget(self.qr_caption)
        side.addStretch(1)
        main = QVBoxLayout()
        main.addWidget(self.caption)
        main.addWidget(self.title)
        main.addSpacing(12)
        main.addWidget(self.panel, 1)
        main.addSpacing(12)
        main.addWidget(self.next)
        row = QHBoxLayout(self)
        row.setContentsMargins(_MARGIN_X, _MARGIN_Y, _MARGIN_X, _MARGIN_Y)
        row.setSpacing(_SPACING)
        row.addLayout(main, 2)
        row.addWidget(self.qr_side, 1)
        self.qr_side.hide()
        self._fit_fonts()
        self._retranslate()

    def _label(self, name: str, *, bold: bool, parent: QWidget | None = None) -> QLabel:
        label = QLabel(parent or self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # block titles are never markup
        label.setWordWrap(True)
        font = QFont(label.font())
        font.setBold(bold)
        label.setFont(font)
        return label

    # ----------------------------------------------------------------- public API

    def show_state(self, state: ProjectorState) -> None:
        """Show ``state``; called every second by the live view, so unchanged parts are
        left alone (no relayout, no flicker)."""
        old, self.state = self.state, state
        for label, text in ((self.caption, state.caption), (self.title, state.title),
                            (self.countdown, state.countdown), (self.status, state.status),
                            (self.qr_caption, state.qr_caption)):
            if label.text() != text:
                label.setText(text)
        self.next.setVisible(bool(state.next_text))
        if (old.background, old.foreground) != (state.background, state.foreground) or \
                not self.panel.styleSheet():
            self.panel.setStyleSheet(
                f"#countdownPanel {{ background: {state.background}; border-radius: 18px; }}"
                f" #countdownPanel QLabel {{ color: {state.foreground}; }}")
        if old.qr is not state.qr:
            self.qr.set_matrix(state.qr, state.qr_caption)
        self.qr_side.setVisible(bool(state.qr))
        if (len(old.countdown), old.status, old.title, old.next_text, bool(old.qr)) != (
                len(state.countdown), state.status, state.title, state.next_text,
                bool(state.qr)):
            self._fit_fonts()

    def showing_qr(self) -> bool:
        return bool(self.state.qr)

    def show_on_best_screen(self, own: QWidget) -> None:
        """Full screen on a second screen if there is one, else a 1280x720 window."""
        show_on_projector_screen(self, own)

    # ----------------------------------------------------------------- events

    def _fit_fonts(self) -> None:
        """Every text as large as the window allows, the countdown on one line and as large
        as the height left over: the title on at most two lines, what comes next on one
        line per line of it (a long title is cut with "…"), so neither squeezes the
        countdown. Widths are those the texts will have once laid out (the layout may not
        have run yet)."""
        height = max(self.height(), 360)
        room = self.width() - 2 * _MARGIN_X
        if self.state.qr:
            room = int((room - _SPACING) * (1 - _QR_SHARE))
        panel = room - 2 * _PANEL_MARGIN - 8
        fits = {"status": (self.state.status, panel, 1),
                "title": (self.state.title, room, 2)}
        for label, key in ((self.caption, "caption"), (self.title, "title"),
                           (self.status, "status"), (self.next, "next"),
                           (self.qr_caption, "qr_caption")):
            size = max(12, int(height * _SIZES[key]))
            font = QFont(label.font())
            if key in fits:
                text, width, lines = fits[key]
                size = min(size, _fitting_size(font, text, width, lines))
            font.setPixelSize(size)
            label.setFont(font)
        self._fit_title(room)
        self._show_next(room)
        self._fit_countdown(room, panel)

    def _fit_title(self, room: int) -> None:
        """Shrink the title until it takes at most two lines of ``room``."""
        font = QFont(self.title.font())
        while font.pixelSize() > 12:
            lines = _lines(font, self.state.title, room)
            if lines <= 2:
                break
            font.setPixelSize(max(12, int(font.pixelSize() * 0.9)))
        self.title.setFont(font)

    def _show_next(self, room: int) -> None:
        """What comes next, each of its lines on one line (the title cut with "…")."""
        metrics = QFontMetricsF(self.next.font())
        text = "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
                         for line in self.state.next_text.splitlines())
        if self.next.text() != text:
            self.next.setText(text)

    def _fit_countdown(self, room: int, panel: int) -> None:
        """The countdown as large as the panel's width and the height the other texts
        leave allow."""
        height = max(self.height(), 360)
        used = 2 * _MARGIN_Y + 2 * 12 + 4 * self._main_spacing()
        for label, text in ((self.caption, self.state.caption), (self.title, self.state.title),
                            (self.next, self.state.next_text)):
            if text:
                lines = (len(text.splitlines()) if label is self.next
                         else _lines(label.font(), text, room))
                used += math.ceil(QFontMetricsF(label.font()).lineSpacing() * lines)
        status = QFontMetricsF(self.status.font()).lineSpacing() if self.state.status else 0
        inner = height - used - 12 - 18 - status - 6
        font = QFont(self.countdown.font())
        size = max(12, int(height * _SIZES["countdown"]))
        size = min(size, _fitting_size(font, self.state.countdown or "00:00", panel, 1))
        probe = QFont(font)
        probe.setPixelSize(100)
        per_pixel = QFontMetricsF(probe).height() / 100
        size = max(12, min(size, int(inner / per_pixel)))
        font.setPixelSize(size)
        self.countdown.setFont(font)
        self.countdown.setMinimumHeight(math.ceil(QFontMetricsF(font).height()))

    def _main_spacing(self) -> int:
        spacing = self.style().pixelMetric(self.style().PixelMetric.PM_LayoutVerticalSpacing)
        return max(spacing, 6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_fonts()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Agenda on the projector"))
        self.countdown.setAccessibleName(self.tr("Time left in the current block"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.showFullScreen()
        elif event.key() == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
