"""A QR code drawn crisply at any size: black modules on white, quiet zone included."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class QrWidget(QWidget):
    """Paints a module matrix (see ``voting.qr.matrix``) as large as it fits, square.

    Module edges fall on whole pixels, so a camera reads it from the back of the room.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._modules: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)

    def set_matrix(self, modules: list[list[bool]], accessible_text: str = "") -> None:
        self._modules = modules
        self.setAccessibleName(accessible_text)
        self.setToolTip(accessible_text)
        self.update()

    def matrix(self) -> list[list[bool]]:
        return self._modules

    def sizeHint(self) -> QSize:
        return QSize(280, 280)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        count = len(self._modules)
        if not count:
            return
        module = max(1, side // count)
        size = module * count
        left = (self.width() - size) // 2
        top = (self.height() - size) // 2
        painter.fillRect(QRectF(left, top, size, size), QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for row, line in enumerate(self._modules):
            start = None
            for column, dark in enumerate([*line, False]):
                if dark and start is None:
                    start = column
                elif not dark and start is not None:
                    painter.drawRect(left + start * module, top + row * module,
                                     (column - start) * module, module)
                    start = None
        painter.end()
