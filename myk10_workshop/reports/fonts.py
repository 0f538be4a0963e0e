"""The fonts every PDF embeds: DejaVu Sans (free licence, shipped in resources/fonts), so
German text and typographic quotes print the same on every computer."""

from __future__ import annotations

import functools
import threading

from myk10_workshop.paths import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_lock = threading.Lock()


def register() -> None:
    """Register the fonts with ReportLab once (thread-safe; reports are made off the GUI)."""
    with _lock:
        _register()


@functools.cache
def _register() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(REGULAR, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts",
                                                          "DejaVuSans-Bold.ttf"))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
