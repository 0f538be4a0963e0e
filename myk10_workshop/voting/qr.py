"""QR codes for joining: the matrix, a PNG file, and the Wi-Fi join text.

The matrix is drawn by whoever shows it (the app with Qt, the poster with ReportLab); the
PNG is for the headless voting station. Imported lazily: start-up does not pay for it.
"""

from __future__ import annotations

import io
from pathlib import Path

from myk10_workshop.files import write_atomically

# Quiet zone around the code, in modules: four is what the standard asks for.
BORDER = 4


def matrix(text: str) -> list[list[bool]]:
    """The modules of a QR code for ``text`` (medium error correction), quiet zone included."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=BORDER)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def write_png(text: str, path: Path, scale: int = 10) -> Path:
    """A black-on-white PNG of the QR code, written atomically."""
    import png

    modules = matrix(text)
    rows = []
    for row in modules:
        line = [0 if dark else 255 for dark in row for _ in range(scale)]
        rows.extend([line] * scale)
    buffer = io.BytesIO()
    png.Writer(len(rows[0]), len(rows), greyscale=True, bitdepth=8).write(buffer, rows)
    write_atomically(path, buffer.getvalue())
    return path


def _escape(value: str) -> str:
    for special in ("\\", ";", ",", ":", '"'):
        value = value.replace(special, "\\" + special)
    return value


def wifi_payload(ssid: str, password: str = "", security: str = "WPA", hidden: bool = False,
                 ) -> str:
    """The standard Wi-Fi join text (phones' cameras offer to join the network)."""
    kind = security.upper() if password else "nopass"
    parts = [f"WIFI:T:{kind}", f"S:{_escape(ssid)}"]
    if password:
        parts.append(f"P:{_escape(password)}")
    if hidden:
        parts.append("H:true")
    return ";".join(parts) + ";;"
