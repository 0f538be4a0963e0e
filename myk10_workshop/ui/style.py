"""The application's widget style: Fusion, with flat scroll bars.

Fusion draws a scroll bar's groove and handle with gradients. A pan repaints the scroll bar
at every frame, and on a two-core laptop those gradients cost more than the whole chart
(1.8 ms of a 3.5 ms frame of the timeline, measured with ``benchmarks/timeline.py``).
Flat fills cost a tenth of that, and a flat, dark handle on a light groove also reads
better on a washed-out projector. Everything else is Fusion's, geometry included, so hit
tests, sizes and keyboard behaviour do not change.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

CC = QStyle.ComplexControl
SC = QStyle.SubControl

# Handle against groove: at least 3:1 (WCAG 2.1 non-text contrast) in every state.
GROOVE = QColor("#eceff1")
HANDLE = QColor("#607d8b")
HANDLE_HOVER = QColor("#455a64")
HANDLE_PRESSED = QColor("#263238")
ARROW = QColor("#37474f")
DISABLED_HANDLE = QColor("#b0bec5")
# The handle's distance from the groove's long edges.
INSET = 2


class AppStyle(QProxyStyle):
    """Fusion with flat scroll bars (see the module)."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawComplexControl(self, control: CC, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        if control == CC.CC_ScrollBar and isinstance(option, QStyleOptionSlider):
            self._draw_scroll_bar(option, painter, widget)
            return
        super().drawComplexControl(control, option, painter, widget)

    def _draw_scroll_bar(self, option: QStyleOptionSlider, painter: QPainter,
                         widget: QWidget | None) -> None:
        painter.fillRect(option.rect, GROOVE)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled) and (
            option.maximum > option.minimum)
        horizontal = bool(option.state & QStyle.StateFlag.State_Horizontal)
        pressed = option.activeSubControls if (
            option.state & QStyle.StateFlag.State_Sunken) else SC.SC_None
        hovered = option.activeSubControls if (
            option.state & QStyle.StateFlag.State_MouseOver) else SC.SC_None
        for part in (SC.SC_ScrollBarSubLine, SC.SC_ScrollBarAddLine):
            box = self._part(option, part, widget)
            if box.isEmpty():
                continue
            if pressed & part:
                painter.fillRect(box, QColor("#cfd8dc"))
            self._draw_arrow(option, painter, box, part, horizontal=horizontal,
                             enabled=enabled, widget=widget)
        if not enabled:
            return
        handle = self._part(option, SC.SC_ScrollBarSlider, widget)
        if handle.isEmpty():
            return
        handle = handle.adjusted(0, INSET, 0, -INSET) if horizontal else handle.adjusted(
            INSET, 0, -INSET, 0)
        colour = HANDLE_PRESSED if pressed & SC.SC_ScrollBarSlider else (
            HANDLE_HOVER if hovered & SC.SC_ScrollBarSlider else HANDLE)
        painter.fillRect(handle, colour)

    def _part(self, option: QStyleOptionSlider, part: SC, widget: QWidget | None) -> QRect:
        # Fusion's own geometry; the type stubs want a widget, Qt takes none as well.
        return self.subControlRect(CC.CC_ScrollBar, option, part,
                                   cast(QWidget, widget))

    def _draw_arrow(self, option: QStyleOptionSlider, painter: QPainter, box: QRect,
                    part: SC, *, horizontal: bool, enabled: bool,
                    widget: QWidget | None) -> None:
        if horizontal:
            arrow = QStyle.PrimitiveElement.PE_IndicatorArrowLeft if (
                part == SC.SC_ScrollBarSubLine) else QStyle.PrimitiveElement.PE_IndicatorArrowRight
        else:
            arrow = QStyle.PrimitiveElement.PE_IndicatorArrowUp if (
                part == SC.SC_ScrollBarSubLine) else QStyle.PrimitiveElement.PE_IndicatorArrowDown
        sub = QStyleOption(option)
        sub.rect = box
        sub.palette = QPalette(option.palette)
        sub.palette.setColor(QPalette.ColorRole.ButtonText, ARROW if enabled
                             else DISABLED_HANDLE)
        self.drawPrimitive(arrow, sub, painter, widget)
