"""QR codes as a phone camera reads them: decoded back by a real decoder."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QImage

from myk10_workshop.voting import qr

URL = "http://192.168.178.24:8800/CMuRpOkir1idQuCuZFx18eUX/"


def test_the_png_reads_back_as_the_address(tmp_path: Path) -> None:
    path = qr.write_png(URL, tmp_path / "join.png")
    image = QImage(str(path))
    assert not image.isNull()
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [URL]
    # Nothing half-written is left beside it.
    assert [p.name for p in tmp_path.iterdir()] == ["join.png"]


def test_the_matrix_has_the_quiet_zone_the_standard_asks_for() -> None:
    modules = qr.matrix(URL)
    assert len(modules) == len(modules[0])
    border = qr.BORDER
    assert not any(modules[row][col] for row in range(border) for col in range(len(modules)))
    assert modules[border][border]  # the finder pattern's corner


@pytest.mark.parametrize(("ssid", "password", "expected"), [
    ("Dorfgemeinschaftshaus", "geheim123", "WIFI:T:WPA;S:Dorfgemeinschaftshaus;P:geheim123;;"),
    ("Café;Gast", 'a"b:c\\d', 'WIFI:T:WPA;S:Café\\;Gast;P:a\\"b\\:c\\\\d;;'),
    ("Offenes Netz", "", "WIFI:T:nopass;S:Offenes Netz;;"),
])
def test_wifi_join_text(ssid: str, password: str, expected: str, tmp_path: Path) -> None:
    payload = qr.wifi_payload(ssid, password)
    assert payload == expected
    path = qr.write_png(payload, tmp_path / "wifi.png")
    assert [code.text for code in zxingcpp.read_barcodes(QImage(str(path)))] == [expected]
