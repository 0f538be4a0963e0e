"""The voting projector: what the room sees on the wall.

Two faces: "join" (the QR code, as large as the wall allows, the address and the code; the
Wi-Fi code beside it when given) and "results" (the ballot's question and its live chart,
with how many have voted). Black on white, large type, nothing to click.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from myk10_workshop.ui.board.projector import show_on_projector_screen
from myk10_workshop.ui.voting.chart import ResultsChart
from myk10_workshop.ui.voting.qr_widget import QrWidget


def _big(label: QLabel, scale: float, bold: bool = False) -> None:
    font = QFont(label.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * scale)
    font.setBold(bold)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)


class VotingProjector(QWidget):
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("votingProjector")
        self.setStyleSheet("#votingProjector { background: white; } QLabel { color: #111; }")
        self.stack = QStackedWidget(self)
        self._build_join_face()
        self._build_results_face()
        self.stack.addWidget(self.join_face)
        self.stack.addWidget(self.results_face)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_join_face(self) -> None:
        self.join_face = QWidget(self.stack)
        self.join_title = QLabel(self.join_face)
        _big(self.join_title, 3.0, bold=True)
        self.qr = QrWidget(self.join_face)
        self.qr.setObjectName("projectorQr")
        self.wifi_qr = QrWidget(self.join_face)
        self.wifi_qr.setMaximumWidth(320)
        self.wifi_caption = QLabel(self.join_face)
        _big(self.wifi_caption, 1.8)
        self.address = QLabel(self.join_face)
        _big(self.address, 2.2)
        self.code = QLabel(self.join_face)
        _big(self.code, 5.0, bold=True)
        self.code.setObjectName("projectorCode")
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.wifi_qr, 3)
        side.addWidget(self.wifi_caption)
        side.addStretch(1)
        side.addWidget(self.address)
        side.addWidget(self.code)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.qr, 3)
        row.addLayout(side, 2)
        join_layout = QVBoxLayout(self.join_face)
        join_layout.setContentsMargins(48, 32, 48, 32)
        join_layout.addWidget(self.join_title)
        join_layout.addLayout(row, 1)

    def _build_results_face(self) -> None:
        self.results_face = QWidget(self.stack)
        self.question = QLabel(self.results_face)
        _big(self.question, 2.6, bold=True)
        self.question.setObjectName("projectorQuestion")
        self.voted = QLabel(self.results_face)
        _big(self.voted, 1.8)
        self.chart = ResultsChart(self.results_face)
        self.chart.large = True
        results_layout = QVBoxLayout(self.results_face)
        results_layout.setContentsMargins(48, 32, 48, 32)
        results_layout.addWidget(self.question)
        results_layout.addWidget(self.voted)
        results_layout.addWidget(self.chart, 1)

    def show_join(self, title: str, qr: list[list[bool]], address: str, code: str, *,
                  wifi_qr: list[list[bool]], wifi_caption: str) -> None:
        self.join_title.setText(title)
        self.qr.set_matrix(qr, address)
        self.address.setText(address)
        self.code.setText(code)
        self.wifi_qr.set_matrix(wifi_qr, wifi_caption)
        self.wifi_qr.setVisible(bool(wifi_qr))
        self.wifi_caption.setText(wifi_caption)
        self.wifi_caption.setVisible(bool(wifi_qr))
        self.stack.setCurrentWidget(self.join_face)

    def show_results_face(self) -> None:
        self.stack.setCurrentWidget(self.results_face)

    def showing_join(self) -> bool:
        return self.stack.currentWidget() is self.join_face

    def show_on_best_screen(self, own: QWidget) -> None:
        """Full screen on a second screen if there is one, else a 1280x720 window."""
        show_on_projector_screen(self, own)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() == Qt.Key.Key_F11:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.showFullScreen()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
