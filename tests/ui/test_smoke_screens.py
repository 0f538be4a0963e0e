"""GUI smoke test on a real X display: every main page of the demo project, photographed.

An Xvfb of our own runs ``smoke_screens.py`` once per language (this process is on the
offscreen platform and cannot switch to xcb). The screenshots land in
``build/screenshots/`` for people to look at; the test checks that each page was shown,
drawn at a projector's size, is not blank, and reads differently in German and English.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("smoke_screens.py")
OUTPUT = ROOT / "build" / "screenshots"
XVFB = shutil.which("Xvfb")
# Larger than the window, so that nothing of it falls off the screen.
SCREEN = "1920x1080x24"
LANGUAGES = ("de", "en")
# Every main page: the overview of each kind of navigator entry, then each feature tab.
PAGES = ("01-overview-project", "02-overview-workshop", "03-overview-field", "04-agenda",
         "05-board", "06-voting", "07-timeline", "08-results", "09-voting-live",
         "10-projector-join")
MIN_SIZE = (1000, 700)
XVFB_START_SECONDS = 10.0
CHILD_TIMEOUT_SECONDS = 60.0
QT_PROBLEMS = ("Qt warning", "Qt critical", "Qt fatal")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(XVFB is None, reason="Xvfb is not installed (apt-get install xvfb); "
                                            "the screenshot smoke test needs an X server"),
]


@dataclass(frozen=True)
class Run:
    language: str
    returncode: int
    stdout: str
    stderr: str

    def describe(self) -> str:
        return (f"smoke_screens.py {self.language} exited {self.returncode}\n"
                f"--- stdout\n{self.stdout}--- stderr\n{self.stderr}")


def _png(page: str, language: str) -> Path:
    return OUTPUT / f"{page}-{language}.png"


def _read_display(pipe: int, process: subprocess.Popen[bytes], log: Path) -> str:
    """The display number Xvfb writes to ``-displayfd`` once it accepts clients."""
    received = b""
    deadline = time.monotonic() + XVFB_START_SECONDS
    while not received.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        readable, _, _ = select.select([pipe], [], [], max(remaining, 0))
        chunk = os.read(pipe, 64) if readable else b""
        if not chunk:
            state = "exited" if process.poll() is not None else "did not answer in time"
            pytest.fail(f"Xvfb {state}:\n{log.read_text(errors='replace')}")
        received += chunk
    return f":{int(received)}"


@contextmanager
def _xvfb(log: Path) -> Iterator[str]:
    """An X server on a display number it picks itself (free by construction)."""
    assert XVFB is not None
    read_end, write_end = os.pipe()
    try:
        with log.open("wb") as errors:
            process = subprocess.Popen(
                [XVFB, "-displayfd", str(write_end), "-screen", "0", SCREEN,
                 "-nolisten", "tcp", "-noreset"],
                pass_fds=(write_end,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=errors)
    finally:
        os.close(write_end)
    try:
        yield _read_display(read_end, process, log)
    finally:
        os.close(read_end)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _child_env(display: str, runtime: Path) -> dict[str, str]:
    """This environment for an xcb client of ``display``: none of the Qt settings of the
    offscreen test process (platform, scaling) and no other display server."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("QT_") and key not in ("WAYLAND_DISPLAY", "XAUTHORITY")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(runtime))
    return env


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """Both languages photographed under one Xvfb; stale screenshots are removed first."""
    folder = tmp_path_factory.mktemp("xvfb")
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        for page in PAGES:
            _png(page, language).unlink(missing_ok=True)
    results = {}
    with _xvfb(folder / "xvfb.log") as display:
        for language in LANGUAGES:
            done = subprocess.run(
                [sys.executable, str(SCRIPT), str(OUTPUT), language], cwd=ROOT,
                env=_child_env(display, runtime), capture_output=True, text=True,
                timeout=CHILD_TIMEOUT_SECONDS, check=False)
            results[language] = Run(language, done.returncode, done.stdout, done.stderr)
    return results


def _pixels(path: Path) -> tuple[QImage, memoryview]:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull(), f"{path} is not a readable image"
    assert image.bytesPerLine() == image.width() * 4
    return image, memoryview(image.constBits()).cast("I")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_photographed(runs: dict[str, Run], language: str) -> None:
    run = runs[language]
    assert run.returncode == 0, run.describe()
    problems = [line for line in run.stderr.splitlines() if line.startswith(QT_PROBLEMS)]
    assert not problems, run.describe()
    expected = [_png(page, language) for page in PAGES]
    assert [Path(line) for line in run.stdout.splitlines()] == expected, run.describe()
    for path in expected:
        assert path.is_file(), f"{path} missing\n{run.describe()}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots_are_full_size_and_not_blank(runs: dict[str, Run], language: str,
                                                 qapp: Any) -> None:
    assert runs[language].returncode == 0, runs[language].describe()
    seen: dict[bytes, str] = {}
    for page in PAGES:
        path = _png(page, language)
        image, pixels = _pixels(path)
        assert (image.width(), image.height()) >= MIN_SIZE, \
            f"{path.name} is {image.width()}x{image.height()}"
        colours = Counter(pixels)
        assert len(colours) >= 100, f"{path.name} has only {len(colours)} colours"
        (_colour, most), = colours.most_common(1)
        assert most / len(pixels) < 0.9, f"{path.name} is mostly one colour"
        # Each page shows something of its own: the tab switch or selection took effect.
        content = bytes(pixels)
        assert content not in seen, f"{path.name} looks exactly like {seen.get(content)}"
        seen[content] = path.name


def test_german_and_english_screens_differ(runs: dict[str, Run], qapp: Any) -> None:
    for language in LANGUAGES:
        assert runs[language].returncode == 0, runs[language].describe()
    for page in PAGES:
        _de_image, german = _pixels(_png(page, "de"))
        _en_image, english = _pixels(_png(page, "en"))
        if len(german) == len(english):
            changed = sum(1 for a, b in zip(german, english, strict=True) if a != b)
            assert changed > 500, f"{page}: German and English differ in {changed} pixels"
