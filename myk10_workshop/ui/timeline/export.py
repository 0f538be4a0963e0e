"""Exports of a whole timeline: a PNG picture, and SVG and PDF drawings that stay sharp.

The timeline is drawn from its scene, not from a view: the whole plan, whatever part the
facilitator has on screen, with the axis above it, the lane titles left of it and the
project's name and "as of" date on top. For the drawing the scene is laid out once more at
a zoom where the whole plan is a readable width (and longer labels are allowed), then put
back: all of it on the GUI thread, between two events, so nobody sees it. Text is drawn as
text, so it stays text in SVG and PDF. Writing happens in :meth:`Rendered.write`, which may
run on any thread (atomically, as the board's exports).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from myk10_workshop import APP_NAME
from myk10_workshop.ui.board.export import PDF_MARGINS_MM, Rendered, fitted, png_size
from myk10_workshop.ui.timeline.scene import MAX_SCALE, MIN_SCALE, TimelineScene
from myk10_workshop.ui.timeline.view import (
    HEADER_ROW,
    LANE_COLUMN,
    axis_font,
    paint_axis,
    paint_lanes,
)

# The plan's days across this many pixels: months are named, titles get room.
EXPORT_WIDTH = 2400.0
# Labels may be this long in an export (on screen they are cut shorter).
EXPORT_LABEL_LIMIT = 560.0
# Days before the first and after the last day of the plan.
EDGE_DAYS = 20
TITLE_HEIGHT = 44.0
PNG_SCALE = 2.0
SVG_DPI = 96

PathLike = str | os.PathLike[str]

__all__ = ["Rendered", "export_pdf", "export_png", "export_svg", "render"]


@dataclass(frozen=True)
class Sheet:
    """Where the parts of an export go, in export pixels (before any scaling)."""

    size: QSizeF
    title: QRectF
    header: QRectF
    column: QRectF
    chart: QRectF
    # The part of the scene the chart shows.
    source: QRectF


def _sheet(scene: TimelineScene) -> Sheet:
    first, last = scene.span()
    left = scene.x_of(first - dt.timedelta(days=EDGE_DAYS))
    right = scene.x_of(last + dt.timedelta(days=EDGE_DAYS))
    content = scene.content_rect()
    source = QRectF(left, 0.0, right - left, content.bottom() + 12.0)
    header = 2.0 * HEADER_ROW
    width = LANE_COLUMN + source.width()
    height = TITLE_HEIGHT + header + source.height()
    return Sheet(QSizeF(width, height), QRectF(0.0, 0.0, width, TITLE_HEIGHT),
                 QRectF(LANE_COLUMN, TITLE_HEIGHT, source.width(), header),
                 QRectF(0.0, TITLE_HEIGHT + header, LANE_COLUMN, source.height()),
                 QRectF(LANE_COLUMN, TITLE_HEIGHT + header, source.width(), source.height()),
                 source)


@contextlib.contextmanager
def export_layout(scene: TimelineScene) -> Iterator[Sheet]:
    """Lay the scene out for an export (whole plan, readable width, long labels, nothing
    selected or hovered), and put it back afterwards. The page does not hear of it."""
    blocked = scene.blockSignals(True)
    scale, limit = scene.scale, scene.label_limit
    selected = scene.selectedItems()
    try:
        for item in selected:
            item.setSelected(False)
        first, last = scene.span()
        days = (last - first).days + 1 + 2 * EDGE_DAYS
        scene.set_label_limit(EXPORT_LABEL_LIMIT)
        scene.set_scale(min(MAX_SCALE, max(MIN_SCALE, EXPORT_WIDTH / max(days, 1))))
        scene.stick_labels(None)
        yield _sheet(scene)
    finally:
        scene.set_label_limit(limit)
        scene.set_scale(scale)
        # The views' labels follow them again at the next pan; until then they sit
        # where the export put them, at their bars' starts.
        for item in selected:
            item.setSelected(True)
        scene.blockSignals(blocked)


def _draw(scene: TimelineScene, painter: QPainter, sheet: Sheet, title: str) -> None:
    """The whole timeline, in sheet pixels (the painter maps them to the device)."""
    painter.fillRect(QRectF(0.0, 0.0, sheet.size.width(), sheet.size.height()),
                     QColor("#ffffff"))
    font = QFont(axis_font())
    font.setPixelSize(20)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#102027"))
    painter.drawText(sheet.title.adjusted(12.0, 0.0, -12.0, 0.0),
                     int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), title)
    source = sheet.source
    paint_axis(painter, sheet.header, scene, source.left(), source.right())
    paint_lanes(painter, sheet.column, scene, source.top(), source.bottom())
    painter.fillRect(QRectF(0.0, sheet.header.top(), LANE_COLUMN, sheet.header.height()),
                     QColor("#fafafa"))
    scene.render(painter, sheet.chart, source, Qt.AspectRatioMode.IgnoreAspectRatio)


def render(scene: TimelineScene, kind: str, title: str) -> Rendered:
    """Draw the whole timeline as ``kind`` ("png", "svg" or "pdf")."""
    if kind == "png":
        return render_png(scene, title)
    if kind == "svg":
        return render_svg(scene, title)
    if kind == "pdf":
        return render_pdf(scene, title)
    raise ValueError(f"unknown export kind {kind!r}")


def render_png(scene: TimelineScene, title: str, *, scale: float = PNG_SCALE,
               max_pixels: int = 40_000_000) -> Rendered:
    with export_layout(scene) as sheet:
        size = png_size(sheet.size, scale, max_pixels)
        image = QImage(size, QImage.Format.Format_RGB32)
        if image.isNull():
            raise OSError(errno.ENOMEM, f"not enough memory for a picture of "
                                        f"{size.width()} × {size.height()} pixels")
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            painter.scale(size.width() / sheet.size.width(),
                          size.height() / sheet.size.height())
            _draw(scene, painter, sheet, title)
        finally:
            painter.end()
    return Rendered("png", image=image)


def render_svg(scene: TimelineScene, title: str) -> Rendered:
    from PySide6.QtSvg import QSvgGenerator  # only needed here; keeps start-up lean

    with export_layout(scene) as sheet:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setResolution(SVG_DPI)
        generator.setSize(sheet.size.toSize())
        generator.setViewBox(QRectF(0.0, 0.0, sheet.size.width(), sheet.size.height()))
        generator.setTitle(title)
        generator.setDescription(APP_NAME)
        painter = QPainter(generator)
        try:
            _draw(scene, painter, sheet, title)
        finally:
            painter.end()
        buffer.close()
    return Rendered("svg", data=data)


def render_pdf(scene: TimelineScene, title: str) -> Rendered:
    """The whole timeline on one A3 landscape page, as vectors."""
    with export_layout(scene) as sheet:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A3),
                                         QPageLayout.Orientation.Landscape, PDF_MARGINS_MM,
                                         QPageLayout.Unit.Millimeter))
        writer.setTitle(title)
        writer.setCreator(APP_NAME)
        painter = QPainter(writer)
        try:
            page = QRectF(0.0, 0.0, writer.width(), writer.height())
            target = fitted(sheet.size, page)
            painter.translate(target.topLeft())
            painter.scale(target.width() / sheet.size.width(),
                          target.height() / sheet.size.height())
            _draw(scene, painter, sheet, title)
        finally:
            painter.end()
        buffer.close()
    return Rendered("pdf", data=data)


def export_png(scene: TimelineScene, path: PathLike, title: str) -> None:
    render_png(scene, title).write(path)


def export_svg(scene: TimelineScene, path: PathLike, title: str) -> None:
    render_svg(scene, title).write(path)


def export_pdf(scene: TimelineScene, path: PathLike, title: str) -> None:
    render_pdf(scene, title).write(path)
