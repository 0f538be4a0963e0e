"""The A4 join poster: the QR code to scan, the address and code to type, and optionally
the Wi-Fi to join first. Printed and hung by the door or put on the tables.

The QR codes are drawn as vector squares, sharp at any printer resolution, with the quiet
zone the standard asks for.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from myk10_workshop.files import write_atomically
from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message, Translator
from myk10_workshop.reports import fonts

TITLE = QT_TRANSLATE_NOOP("Poster", "Join in with your phone")
SCAN = QT_TRANSLATE_NOOP("Poster", "Scan the code with your phone's camera.")
STEP_WIFI = QT_TRANSLATE_NOOP("Poster", "1. Join the Wi-Fi")
STEP_VOTE = QT_TRANSLATE_NOOP("Poster", "2. Open the voting page")
WIFI_TEXT = QT_TRANSLATE_NOOP("Poster", "Network: {ssid}")
WIFI_PASSWORD = QT_TRANSLATE_NOOP("Poster", "Password: {password}")
OR_OPEN = QT_TRANSLATE_NOOP("Poster", "No camera? Open this address in the browser:")
TYPE_CODE = QT_TRANSLATE_NOOP("Poster", "and type the code:")
ANONYMOUS = QT_TRANSLATE_NOOP(
    "Poster", "Anonymous: no name, no account, no app. Works only here in the room.")

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
MARGIN = 18 * MM
INK = (0.1, 0.1, 0.1)
ACCENT = (0.043, 0.325, 0.580)


@dataclass(frozen=True)
class PosterContent:
    workshop: str
    join_url: str
    base_url: str
    join_code: str
    wifi_ssid: str = ""
    wifi_password: str = ""
    wifi_payload: str = ""


def write_poster(content: PosterContent, path: Path, translate: Translator) -> Path:
    """Write the poster as a one-page A4 PDF to ``path`` (atomically) and return it."""
    from reportlab.pdfgen.canvas import Canvas

    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    poster = _Poster(canvas, content, translate)
    canvas.setTitle(f"{poster.text(TITLE)}: {content.workshop}")
    canvas.setAuthor("MYK10 Workshop")
    canvas.setSubject(content.join_url)
    poster.draw()
    canvas.showPage()
    canvas.save()
    write_atomically(path, buffer.getvalue())
    return path


class _Poster:
    def __init__(self, canvas: Any, content: PosterContent, translate: Translator) -> None:
        self.canvas = canvas
        self.content = content
        self.translate = translate

    def text(self, message: Message) -> str:
        return message.render(self.translate)

    def draw(self) -> None:
        width, height = A4
        top = self._header(height - 54 * MM)
        if self.content.wifi_payload:
            top = self._wifi(top)
            self.canvas.setFont(fonts.BOLD, 20)
            self.canvas.drawString(MARGIN, top, self.text(STEP_VOTE))
            top -= 4 * MM
        # Below the code: the lines to type instead (about 60 mm) and the footer.
        side = min(width - 2 * MARGIN, top - 90 * MM, 130 * MM)
        self._join(top, side)
        self.canvas.setFont(fonts.REGULAR, 11)
        self.canvas.setFillColorRGB(0.3, 0.3, 0.3)
        self.canvas.drawCentredString(width / 2, 14 * MM, self.text(ANONYMOUS))

    def _header(self, below: float) -> float:
        width, height = A4
        canvas = self.canvas
        canvas.setFillColorRGB(*ACCENT)
        canvas.rect(0, height - 42 * MM, width, 42 * MM, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        self._line(self.text(TITLE), fonts.BOLD, 34, height - 22 * MM)
        self._line(self.content.workshop, fonts.REGULAR, 18, height - 34 * MM)
        canvas.setFillColorRGB(*INK)
        return below

    def _wifi(self, top: float) -> float:
        from myk10_workshop.voting import qr

        canvas = self.canvas
        side = 50 * MM
        canvas.setFont(fonts.BOLD, 20)
        canvas.drawString(MARGIN, top - 8 * MM, self.text(STEP_WIFI))
        draw_qr(canvas, qr.matrix(self.content.wifi_payload), MARGIN, top - 12 * MM - side,
                side)
        text_x = MARGIN + side + 8 * MM
        canvas.setFont(fonts.REGULAR, 16)
        canvas.drawString(text_x, top - 28 * MM, self.text(WIFI_TEXT.with_params(
            ssid=self.content.wifi_ssid)))
        if self.content.wifi_password:
            canvas.drawString(text_x, top - 38 * MM, self.text(WIFI_PASSWORD.with_params(
                password=self.content.wifi_password)))
        return top - 12 * MM - side - 10 * MM

    def _join(self, top: float, side: float) -> None:
        from myk10_workshop.voting import qr

        width = A4[0]
        canvas = self.canvas
        draw_qr(canvas, qr.matrix(self.content.join_url), (width - side) / 2, top - side, side)
        y = top - side - 10 * MM
        canvas.setFont(fonts.REGULAR, 16)
        canvas.drawCentredString(width / 2, y, self.text(SCAN))
        y -= 11 * MM
        self._line(self.text(OR_OPEN), fonts.REGULAR, 13, y, centred=True)
        y -= 9 * MM
        self._line(self.content.base_url, fonts.BOLD, 20, y, centred=True)
        y -= 9 * MM
        self._line(self.text(TYPE_CODE), fonts.REGULAR, 13, y, centred=True)
        canvas.setFont(fonts.BOLD, 40)
        canvas.drawCentredString(width / 2, y - 17 * MM, " ".join(self.content.join_code))

    def _line(self, text: str, font: str, size: float, y: float, *,
              centred: bool = False) -> None:
        """One line of text at ``size``, or smaller until it fits between the margins."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        room = A4[0] - 2 * MARGIN
        while size > 7 and stringWidth(text, font, size) > room:
            size -= 0.5
        self.canvas.setFont(font, size)
        if centred:
            self.canvas.drawCentredString(A4[0] / 2, y, text)
        else:
            self.canvas.drawString(MARGIN, y, text)


def draw_qr(canvas: Any, modules: list[list[bool]], x: float, y: float, side: float) -> None:
    """The modules as black squares in a white square of ``side`` at (x, y) bottom-left."""
    count = len(modules)
    module = side / count
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, side, side, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    for row, line in enumerate(modules):
        bottom = y + side - (row + 1) * module
        start = None
        for column, dark in enumerate([*line, False]):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                # A hair taller than the module, so rows leave no white seams when printed.
                canvas.rect(x + start * module, bottom, (column - start) * module,
                            module + 0.01, stroke=0, fill=1)
                start = None
