"""Small colour helpers for widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap


def swatch(colour: str, width: int = 14, height: int | None = None) -> QIcon:
    """A filled rectangle with a frame, visible on white and on a selection highlight."""
    height = height or width
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#ffffff"))
    painter.setBrush(QColor(colour))
    painter.drawRect(0, 0, width - 1, height - 1)
    painter.setPen(QColor("#6e6e6e"))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(1, 1, width - 3, height - 3)
    painter.end()
    return QIcon(pixmap)
