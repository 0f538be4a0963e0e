"""Exports of a whole board: a PNG picture, and SVG and PDF drawings that stay sharp.

The board is drawn from its scene, not from a view: every note is included, wherever the
view happens to be, in the normal look (private notes with their text, as the facilitator
sees them), without selection marks. Files are written atomically, so a full disk or a
pulled USB stick never leaves half an export under the real name. Errors of the file system
come out as :class:`OSError` for the caller to show.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QGraphicsItem

from myk10_workshop import APP_NAME
from myk10_workshop.files import write_atomically
from myk10_workshop.ui.board.scene import BoardScene

# Room around the notes, in board units.
MARGIN = 40.0
# What an empty board exports as: a blank sheet rather than an error.
EMPTY_BOARD = QRectF(0.0, 0.0, 800.0, 600.0)
# A3 landscape keeps a wall of notes legible when printed; margins suit office printers.
PDF_MARGINS_MM = QMarginsF(12.0, 12.0, 12.0, 12.0)
PDF_TITLE_POINTS = 20.0
SVG_DPI = 96

PathLike = str | os.PathLike[str]


def export_rect(scene: BoardScene) -> QRectF:
    """The part of the board an export shows: all content plus a margin."""
    content = scene.content_rect()
    if content.isEmpty():
        return QRectF(EMPTY_BOARD)
    return content.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def png_size(source: QSizeF, scale: float, max_pixels: int) -> QSize:
    """The picture size for ``source`` board units at ``scale``, shrunk (keeping the aspect
    ratio) until it has at most ``max_pixels`` pixels: large boards must not exhaust memory
    or make files no viewer opens."""
    if scale <= 0 or max_pixels < 1:
        raise ValueError(f"scale must be positive and max_pixels at least 1, not "
                         f"{scale} and {max_pixels}")
    width, height = source.width() * scale, source.height() * scale
    if width * height > max_pixels:
        shrink = math.sqrt(max_pixels / (width * height))
        width, height = width * shrink, height * shrink
    columns, rows = max(1, math.floor(width)), max(1, math.floor(height))
    # A long, thin board can stop at one pixel on its short side: shorten the long one.
    columns = min(columns, max_pixels // rows)
    rows = min(rows, max_pixels // columns)
    return QSize(columns, rows)


@dataclass(frozen=True)
class Rendered:
    """A board drawn on the GUI thread (the scene's items live there), ready to be encoded
    and written by :meth:`write` on any thread: the GUI does not wait for the disk."""

    kind: str
    data: QByteArray | None = None  # SVG or PDF bytes
    image: QImage | None = None  # PNG: encoded in write(), off the GUI thread

    @property
    def size(self) -> QSize:
        return self.image.size() if self.image is not None else QSize()

    def write(self, path: PathLike) -> None:
        """Encode (PNG) and write the file atomically; :class:`OSError` on failure."""
        if self.image is not None:
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            # The stubs want bytes for the format; PySide6 itself only takes a str.
            if not self.image.save(buffer, "PNG"):  # type: ignore[call-overload]
                raise OSError(errno.EIO, "the picture could not be encoded as PNG")
            buffer.close()
        else:
            assert self.data is not None
            data = self.data
        write_atomically(Path(path), bytes(data.data()))


def render(scene: BoardScene, kind: str, title: str) -> Rendered:
    """Draw the whole board as ``kind`` ("png", "svg" or "pdf")."""
    if kind == "png":
        return render_png(scene)
    if kind == "svg":
        return render_svg(scene, title)
    if kind == "pdf":
        return render_pdf(scene, title)
    raise ValueError(f"unknown export kind {kind!r}")


def render_png(scene: BoardScene, *, max_pixels: int = 40_000_000,
               scale: float = 1.0) -> Rendered:
    source = export_rect(scene)
    size = png_size(source.size(), scale, max_pixels)
    image = QImage(size, QImage.Format.Format_RGB32)
    if image.isNull():
        raise OSError(errno.ENOMEM, f"not enough memory for a picture of "
                                    f"{size.width()} × {size.height()} pixels")
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        _render(scene, painter, QRectF(0.0, 0.0, size.width(), size.height()), source)
    finally:
        painter.end()
    return Rendered("png", image=image)


def render_svg(scene: BoardScene, title: str) -> Rendered:
    from PySide6.QtSvg import QSvgGenerator  # only needed here; keeps start-up lean

    source = export_rect(scene)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(SVG_DPI)
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0.0, 0.0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription(APP_NAME)
    painter = QPainter(generator)
    try:
        _render(scene, painter, QRectF(0.0, 0.0, source.width(), source.height()), source)
    finally:
        painter.end()
    buffer.close()
    return Rendered("svg", data=data)


def render_pdf(scene: BoardScene, title: str) -> Rendered:
    """The whole board on one A3 landscape page, titled, as vectors."""
    source = export_rect(scene)
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
        board_area = page
        if title:
            font = QFont(painter.font())
            font.setPointSizeF(PDF_TITLE_POINTS)
            font.setBold(True)
            painter.setFont(font)
            metrics = QFontMetricsF(font, writer)
            painter.setPen(QColor("#102027"))
            painter.drawText(QRectF(page.left(), page.top(), page.width(), metrics.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                             metrics.elidedText(title, Qt.TextElideMode.ElideRight,
                                                page.width()))
            board_area = page.adjusted(0.0, metrics.height() * 1.6, 0.0, 0.0)
        _render(scene, painter, fitted(source.size(), board_area), source)
    finally:
        painter.end()
    buffer.close()
    return Rendered("pdf", data=data)


def export_png(scene: BoardScene, path: PathLike, *, max_pixels: int = 40_000_000,
               scale: float = 1.0) -> QSize:
    """Write the whole board as a PNG; returns the picture's size in pixels."""
    rendered = render_png(scene, max_pixels=max_pixels, scale=scale)
    rendered.write(path)
    return rendered.size


def export_svg(scene: BoardScene, path: PathLike, title: str) -> None:
    """Write the whole board as an SVG drawing (text stays text), titled ``title``."""
    render_svg(scene, title).write(path)


def export_pdf(scene: BoardScene, path: PathLike, title: str) -> int:
    """Write the whole board on one A3 landscape page, titled, as vectors; returns the
    number of pages (1)."""
    render_pdf(scene, title).write(path)
    return 1


def fitted(size: QSizeF, area: QRectF) -> QRectF:
    """The largest rectangle of ``size``'s aspect ratio inside ``area``, centred in it.

    (QGraphicsScene.render keeps the aspect ratio but puts the drawing at the top left.)
    """
    scale = min(area.width() / size.width(), area.height() / size.height())
    target = QRectF(0.0, 0.0, size.width() * scale, size.height() * scale)
    target.moveCenter(area.center())
    return target


def _render(scene: BoardScene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    with _export_look(scene):
        scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)


@contextlib.contextmanager
def _export_look(scene: BoardScene) -> Iterator[None]:
    """Paint every item afresh, without selection marks, and put the scene back after.

    The notes' device-coordinate caches would otherwise end up in SVG and PDF as bitmaps
    (no text, blurred when zoomed) and hold huge pixmaps for a large PNG. The scene's
    signals are blocked meanwhile, so the page does not react to the passing deselection.
    """
    blocked = scene.blockSignals(True)
    # Far out the view lets one overview item draw every note as a plain block; an export
    # always shows the notes themselves, with their text.
    overview = scene.overview_active
    scene.set_overview(False)
    selected = scene.selectedItems()
    cached = [(item, item.cacheMode()) for item in scene.items()
              if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    try:
        for item in selected:
            item.setSelected(False)
        for item, _mode in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)
        for item in selected:
            item.setSelected(True)
        scene.set_overview(overview)
        scene.blockSignals(blocked)
