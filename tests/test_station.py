"""The headless voting station (``myk10-workshop serve``), run as a user runs it: in a fresh
process, phones voting over HTTP, the QR code read back as a camera reads it, Ctrl+C."""

from __future__ import annotations

import hashlib
import os
import queue
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import png
import pytest
import zxingcpp
from sqlalchemy import select

from myk10_workshop.app import QUIT_WHEN_READY
from myk10_workshop.demo import demo_operation
from myk10_workshop.i18n import load_catalogue
from myk10_workshop.paths import DataDir
from myk10_workshop.station import STARTED, STOPPED
from myk10_workshop.store.database import Store
from myk10_workshop.store.schema import Workshop
from myk10_workshop.voting import operations as ops
from myk10_workshop.voting import queries

APP = [sys.executable, "-m", "myk10_workshop"]
WORKSHOP = "Strategie-Workshop Smarte Region MYK10"
DEVICE_COOKIE = "myk10_device"

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Folder:
    root: Path
    ballot: uuid.UUID
    options: list[uuid.UUID]


def _demo_folder(root: Path) -> Folder:
    """A data folder with the demo project and one open ballot in its workshop."""
    data = DataDir(root)
    store = Store.open(data.database, data.backups)
    try:
        store.apply(demo_operation())
        workshop = store.read(lambda s: s.scalar(
            select(Workshop.id).where(Workshop.title == WORKSHOP)))
        assert workshop is not None
        batch = ops.create_ballot(workshop, "single", "Wie weiter?",
                                  options=[("Radwege", None, None), ("Busse", None, None)])
        store.apply(batch)
        ballot: uuid.UUID = batch.operations[0].id  # type: ignore[attr-defined]
        store.apply(ops.open_ballot(ballot))
        view = store.read(lambda s: queries.load_ballot(s, ballot))
        assert view is not None
        return Folder(root, ballot, [option.id for option in view.options])
    finally:
        store.close()


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    return _demo_folder(tmp_path / "data")


def _env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(QUIT_WHEN_READY, None)
    return env


class Station:
    """``myk10-workshop serve`` in a process of its own; its output read on a thread."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [*APP, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8", env=_env())
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.output: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def read_until(self, ending: str, timeout: float = 30) -> list[str]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {ending!r} in {self.output}") from None
            if line is None:
                raise AssertionError(f"ended without {ending!r}: {self.output} "
                                     f"{self.stderr()}")
            self.output.append(line)
            if ending in line:
                return self.output

    def stop(self, sig: signal.Signals, timeout: float = 5) -> int:
        started = time.monotonic()
        self.process.send_signal(sig)
        code = self.process.wait(timeout=timeout)
        assert time.monotonic() - started < timeout
        self._reader.join(5)
        while (line := self.lines.get_nowait()) is not None:
            self.output.append(line)
        return code

    def stderr(self) -> str:
        if self.process.poll() is None:
            return ""
        assert self.process.stderr is not None
        return self.process.stderr.read()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def stations() -> Iterator[list[Station]]:
    started: list[Station] = []
    yield started
    for station in started:
        station.kill()


def _read_qr(path: Path) -> list[str]:
    """Decode the PNG as a phone camera would (pypng gives the grey pixels; no Pillow)."""
    pixels = bytearray()
    with path.open("rb") as handle:
        width, height, rows, info = png.Reader(file=handle).read()
        assert info["greyscale"]
        assert info["bitdepth"] == 8
        assert not info["alpha"]
        for row in rows:
            pixels.extend(row)
    image = memoryview(bytes(pixels)).cast("B", (height, width))
    return [code.text for code in zxingcpp.read_barcodes(image)]


def _votes(database: Path, ballot: uuid.UUID) -> list[tuple[str, str, float]]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT voter_hash, option_id, value FROM vote "
            "WHERE deleted = 0 AND option_id IN (SELECT id FROM ballot_option "
            "WHERE ballot_id = ?)", (ballot.hex,)).fetchall()
    connection.close()
    return [(voter, str(uuid.UUID(str(option))), value) for voter, option, value in rows]


def test_station_serves_phones_and_stops_on_ctrl_c(folder: Folder, tmp_path: Path,
                                                  stations: list[Station]) -> None:
    qr_file = tmp_path / "qr.png"
    station = Station("--language", "en", "serve", "--workshop", "strategie",
                      "--data-dir", str(folder.root), "--host", "127.0.0.1", "--qr",
                      str(qr_file))
    stations.append(station)
    printed = "\n".join(station.read_until("Press Ctrl+C to stop."))
    assert f"Voting for “{WORKSHOP}” is running." in printed
    url = re.search(r"Phones open: (\S+)", printed)
    code = re.search(r"type the join code (\S+)", printed)
    assert url and code, printed
    join_url = url.group(1)
    found = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/([A-Za-z0-9_-]{24})/", join_url)
    assert found, join_url
    port, token = int(found.group(1)), found.group(2)
    assert f"or open http://127.0.0.1:{port}/ and type the join code" in printed
    assert f"QR code: {qr_file.resolve()}" in printed

    # The QR code on the poster leads exactly where the printed address does.
    assert _read_qr(qr_file) == [join_url]

    # A phone: the code leads in, the join page lists the open ballot, the vote is taken.
    with httpx.Client(timeout=10, headers={"accept-language": "en"}) as phone:
        entered = phone.get(f"http://127.0.0.1:{port}/join", params={"code": code.group(1)})
        assert entered.status_code == 303
        assert entered.headers["location"] == f"/{token}/"
        page = phone.get(join_url)
        assert page.status_code == 200
        assert "Wie weiter?" in page.text
        assert f"/{token}/b/{folder.ballot}" in page.text
        device = phone.cookies[DEVICE_COOKIE]
        answer = phone.post(f"{join_url}b/{folder.ballot}", headers={"accept": "application/json"},
                            data={"choice": str(folder.options[1]),
                                  "submission": uuid.uuid4().hex})
        assert answer.json() == {"ok": True}
        # The demo's closed ballots are not offered.
        assert "Prioritäten der Ziele" not in page.text

    # The folder is the station's while it runs: a second one is refused and says why.
    second = subprocess.run(
        [*APP, "--language", "en", "serve", "--workshop", "strategie", "--data-dir",
         str(folder.root), "--host", "127.0.0.1", "--qr", str(tmp_path / "second.png")],
        capture_output=True, text=True, encoding="utf-8", timeout=60, env=_env(), check=False)
    assert second.returncode == 2, second.stdout + second.stderr
    assert f"The data folder {folder.root} is open in MYK10 Workshop." in second.stderr
    assert not (tmp_path / "second.png").exists()

    # Ctrl+C: a clean stop, a goodbye, the vote on the disk.
    assert station.stop(signal.SIGINT) == 0, station.stderr()
    assert station.output[-1] == "Voting stopped. All votes are saved."
    voter = hashlib.sha256(f"{token}:{device}".encode()).hexdigest()
    assert _votes(folder.root / "myk10-workshop.sqlite3", folder.ballot) == [
        (voter, str(folder.options[1]), 1.0)]
    with pytest.raises(httpx.ConnectError):
        httpx.get(join_url, timeout=2)


def test_station_stops_on_sigterm_and_speaks_german(folder: Folder, tmp_path: Path,
                                                    stations: list[Station]) -> None:
    german, english = load_catalogue("de"), load_catalogue("en")
    other = _demo_folder(tmp_path / "other")
    qr_file = tmp_path / "qr.png"
    station = Station("serve", "--workshop", WORKSHOP.lower(), "--data-dir", str(folder.root),
                      "--host", "127.0.0.1", "--qr", str(qr_file))
    stations.append(station)
    last_line = STARTED.render(german).splitlines()[-1]
    assert last_line != STARTED.render(english).splitlines()[-1]
    printed = "\n".join(station.read_until(last_line))
    found = re.search(r"(http://127\.0\.0\.1:(\d+)/)([A-Za-z0-9_-]{24})/", printed)
    code = re.search(r"(?<![\w/-])([A-Z2-9]{6})(?![\w/-])", printed)
    assert found and code, printed
    # Without --language and without settings: German, the app's default.
    assert printed == STARTED.with_params(
        workshop=WORKSHOP, url=found.group(0), base=found.group(1), code=code.group(1),
        qr=str(qr_file)).render(german)

    # The port is taken: a station that wants exactly it says so and ends.
    busy = subprocess.run(
        [*APP, "--language", "en", "serve", "--workshop", "strategie", "--data-dir",
         str(other.root), "--host", "127.0.0.1", "--port", found.group(2), "--qr",
         str(tmp_path / "busy.png")],
        capture_output=True, text=True, encoding="utf-8", timeout=60, env=_env(), check=False)
    assert busy.returncode == 2, busy.stdout + busy.stderr
    assert busy.stderr.startswith("Cannot serve on 127.0.0.1:")
    assert "another port with --port" in busy.stderr

    assert station.stop(signal.SIGTERM) == 0, station.stderr()
    assert STOPPED.render(german) != STOPPED.render(english)
    assert station.output[-1] == STOPPED.render(german)


def test_station_names_the_workshops_when_the_name_fits_none(folder: Folder,
                                                             tmp_path: Path) -> None:
    result = subprocess.run(
        [*APP, "--language", "en", "serve", "--workshop", "Gibt es nicht", "--data-dir",
         str(folder.root), "--host", "127.0.0.1", "--qr", str(tmp_path / "qr.png")],
        capture_output=True, text=True, encoding="utf-8", timeout=60, env=_env(), check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f"There is no workshop “Gibt es nicht” in {folder.root}. Workshops: “{WORKSHOP}”")
    assert not (tmp_path / "qr.png").exists()
