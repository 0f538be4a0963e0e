"""Live results as pictures: bars (with ranks) for most kinds, a scatter for a 2x2 matrix.

The chart paints what :mod:`myk10_workshop.voting.present` says, so the app, the projector
and the phones read alike. It scales its text with its size: on the projector it is large.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from myk10_workshop.voting.present import ResultLine
from myk10_workshop.voting.tally import Results

BAR = QColor("#0b5394")
PAPER = QColor("#e69138")
TRACK = QColor("#dde3ea")
INK = QColor("#1a1a1a")
MUTED = QColor("#4a4a4a")
DOT = QColor(11, 83, 148, 170)


class ResultsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)
        self._lines: Sequence[tuple[ResultLine, str]] = ()
        self._results: Results | None = None
        self._settings: Mapping[str, Any] = {}
        self._empty = ""
        self.large = False

    def show_results(self, results: Results | None, lines: Sequence[tuple[ResultLine, str]],
                     settings: Mapping[str, Any], empty_text: str) -> None:
        """``lines`` pairs each result line with its figure text in the user's language."""
        self._results = results
        self._lines = tuple(lines)
        self._settings = dict(settings)
        self._empty = empty_text
        self.setAccessibleDescription("\n".join(
            f"{line.rank or ''} {line.label}: {figure}".strip() for line, figure in lines)
            or empty_text)
        self.update()

    def lines(self) -> Sequence[tuple[ResultLine, str]]:
        return self._lines

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), QColor("white"))
        area = QRectF(self.rect()).adjusted(12, 12, -12, -12)
        if self._results is None or not self._lines:
            painter.setPen(MUTED)
            painter.setFont(self._font(1.0))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._empty)
        elif self._results.kind == "matrix":
            self._paint_matrix(painter, area)
        else:
            self._paint_bars(painter, area)
        painter.end()

    def _font(self, scale: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        base = max(self.font().pointSizeF(), 10.0) * (2.2 if self.large else 1.15)
        font.setPointSizeF(base * scale)
        font.setBold(bold)
        return font

    def _paint_bars(self, painter: QPainter, area: QRectF) -> None:
        label_font = self._font(1.0)
        figure_font = self._font(1.0, bold=True)
        metrics = QFontMetricsF(label_font)
        row = metrics.height() * 2.1
        shown = max(1, int(area.height() // row))
        y = area.top()
        for line, figure in self._lines[:shown]:
            painter.setFont(figure_font)
            figure_width = QFontMetricsF(figure_font).horizontalAdvance(figure) + 8
            painter.setPen(INK)
            painter.drawText(QRectF(area.right() - figure_width, y, figure_width,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, figure)
            painter.setFont(label_font)
            prefix = f"{line.rank}. " if line.rank else ""
            text = metrics.elidedText(prefix + line.label, Qt.TextElideMode.ElideRight,
                                      area.width() - figure_width - 12)
            painter.drawText(QRectF(area.left(), y, area.width() - figure_width,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            bar = QRectF(area.left(), y + metrics.height() + 3, area.width(),
                         max(6.0, metrics.height() * 0.55))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(bar, 3, 3)
            if line.fraction:
                filled = QRectF(bar)
                filled.setWidth(bar.width() * line.fraction)
                painter.setBrush(BAR)
                painter.drawRoundedRect(filled, 3, 3)
                if line.paper and self._results is not None:
                    total = next((o.total for o in self._results.options
                                  if o.option_id == line.option_id), 0.0)
                    if total:
                        paper = QRectF(filled)
                        paper.setLeft(filled.right() - filled.width() * line.paper / total)
                        painter.setBrush(PAPER)
                        painter.drawRect(paper)
            y += row
        hidden = len(self._lines) - shown
        if hidden > 0:
            painter.setPen(MUTED)
            painter.setFont(self._font(0.85))
            painter.drawText(QRectF(area.left(), area.bottom() - metrics.height(),
                                    area.width(), metrics.height()),
                             Qt.AlignmentFlag.AlignRight, f"+ {hidden}")

    def _paint_matrix(self, painter: QPainter, area: QRectF) -> None:
        assert self._results is not None
        settings = self._settings
        font = self._font(0.9)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        margin = metrics.height() * 2.2
        plot = QRectF(area.left() + margin, area.top(), area.width() - margin,
                      area.height() - margin)
        side = min(plot.width(), plot.height())
        plot = QRectF(plot.left(), plot.top(), side, side)
        painter.setPen(QPen(MUTED, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)
        painter.drawLine(QPointF(plot.center().x(), plot.top()),
                         QPointF(plot.center().x(), plot.bottom()))
        painter.drawLine(QPointF(plot.left(), plot.center().y()),
                         QPointF(plot.right(), plot.center().y()))
        painter.setPen(INK)
        x_text = (f"{settings.get('x_label', '')} →  ({settings.get('x_low', '')} … "
                  f"{settings.get('x_high', '')})")
        painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignCenter, x_text)
        painter.save()
        painter.translate(plot.left() - 6, plot.bottom())
        painter.rotate(-90)
        y_text = (f"{settings.get('y_label', '')} →  ({settings.get('y_low', '')} … "
                  f"{settings.get('y_high', '')})")
        painter.drawText(QRectF(0, -metrics.height(), plot.height(), metrics.height()),
                         Qt.AlignmentFlag.AlignCenter, y_text)
        painter.restore()

        def point(x: float, y: float) -> QPointF:
            return QPointF(plot.left() + plot.width() * x / 10.0,
                           plot.bottom() - plot.height() * y / 10.0)

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DOT)
        for option in self._results.options:
            for x, y in option.positions:
                painter.drawEllipse(point(x, y), 4, 4)
        label_font = self._font(0.9, bold=True)
        painter.setFont(label_font)
        for option in self._results.options:
            if option.mean is None or option.mean_y is None:
                continue
            centre = point(option.mean, option.mean_y)
            painter.setPen(QPen(QColor("white"), 2))
            painter.setBrush(BAR)
            painter.drawEllipse(centre, 9, 9)
            painter.setPen(INK)
            label = QFontMetricsF(label_font).elidedText(option.label,
                                                         Qt.TextElideMode.ElideRight, side / 3)
            painter.drawText(centre + QPointF(12, 5), label)
