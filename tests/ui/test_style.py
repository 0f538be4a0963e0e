"""The application style's flat scroll bars: what a facilitator sees of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QScrollBar, QStyle
from pytestqt.qtbot import QtBot

from myk10_workshop.ui.style import GROOVE, HANDLE, HANDLE_HOVER, HANDLE_PRESSED, AppStyle


@pytest.fixture
def style(qapp: Any) -> Iterator[AppStyle]:
    style = AppStyle()
    yield style


def _bar(qtbot: QtBot, style: AppStyle, *, maximum: int = 100) -> QScrollBar:
    bar = QScrollBar(Qt.Orientation.Vertical)
    bar.setStyle(style)
    bar.setRange(0, maximum)
    bar.setPageStep(20)
    bar.resize(16, 300)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    return bar


def _handle_rect(bar: QScrollBar, style: AppStyle) -> Any:
    from PySide6.QtWidgets import QStyleOptionSlider

    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    return style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                QStyle.SubControl.SC_ScrollBarSlider, bar)


def _colour_at(image: QImage, point: QPoint) -> str:
    return QColor(image.pixel(point)).name()


def test_handle_is_a_flat_dark_bar_on_a_light_groove(qtbot: QtBot, style: AppStyle) -> None:
    bar = _bar(qtbot, style)
    bar.setValue(50)
    image = bar.grab().toImage()
    handle = _handle_rect(bar, style)
    assert handle.height() > 20
    # Flat: the same colour from one end of the handle to the other (no gradient).
    assert _colour_at(image, handle.center()) == HANDLE.name()
    assert _colour_at(image, QPoint(handle.center().x(), handle.top() + 2)) == HANDLE.name()
    assert _colour_at(image, QPoint(handle.center().x(), handle.bottom() - 2)) == HANDLE.name()
    # The groove shows above the handle, and along its sides.
    assert _colour_at(image, QPoint(handle.center().x(), handle.top() - 10)) == GROOVE.name()
    assert _colour_at(image, QPoint(0, handle.center().y())) == GROOVE.name()


def test_handle_contrast_meets_wcag_non_text_minimum() -> None:
    def luminance(colour: QColor) -> float:
        def linear(channel: float) -> float:
            return channel / 12.92 if channel <= 0.03928 else (
                (channel + 0.055) / 1.055) ** 2.4
        return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
                + 0.0722 * linear(colour.blueF()))

    for handle in (HANDLE, HANDLE_HOVER, HANDLE_PRESSED):
        ratio = (luminance(GROOVE) + 0.05) / (luminance(handle) + 0.05)
        assert ratio >= 3.0, handle.name()


def test_pressing_the_handle_darkens_it(qtbot: QtBot, style: AppStyle) -> None:
    bar = _bar(qtbot, style)
    handle = _handle_rect(bar, style)
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=handle.center())
    try:
        assert bar.isSliderDown()
        image = bar.grab().toImage()
        assert _colour_at(image, handle.center()) == HANDLE_PRESSED.name()
    finally:
        qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=handle.center())
    assert _colour_at(bar.grab().toImage(), handle.center()) in (HANDLE.name(),
                                                                 HANDLE_HOVER.name())


def test_nothing_to_scroll_shows_no_handle(qtbot: QtBot, style: AppStyle) -> None:
    bar = _bar(qtbot, style, maximum=0)
    image = bar.grab().toImage()
    middle = QPoint(bar.width() // 2, bar.height() // 2)
    assert _colour_at(image, middle) == GROOVE.name()


def test_arrows_are_drawn_and_still_scroll(qtbot: QtBot, style: AppStyle) -> None:
    bar = _bar(qtbot, style)
    from PySide6.QtWidgets import QStyleOptionSlider

    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    down = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                QStyle.SubControl.SC_ScrollBarAddLine, bar)
    assert not down.isEmpty()
    image = bar.grab().toImage()
    inside = {_colour_at(image, QPoint(x, y)) for x in range(down.left(), down.right())
              for y in range(down.top(), down.bottom())}
    assert len(inside - {GROOVE.name()}) > 0, "the arrow button is blank"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=down.center())
    assert bar.value() == bar.singleStep()
