"""One window per data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile

from myk10_workshop.app import QUIT_WHEN_READY
from myk10_workshop.paths import DATABASE_NAME
from myk10_workshop.ui.application import InstanceLock


def test_a_second_window_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    held = QLockFile(str(tmp_path / "myk10-workshop.lock"))  # as a running window holds it
    assert held.tryLock(0)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_WHEN_READY: "1"}
    try:
        with subprocess.Popen(
                [sys.executable, "-m", "myk10_workshop", "--data-dir", str(tmp_path),
                 "--language", "en"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                text=True, env=env) as process:
            try:
                assert process.stderr is not None
                line = process.stderr.readline()
            finally:
                process.kill()  # the message box waits for a click
                process.wait(timeout=30)
    finally:
        held.unlock()
    assert line.startswith("MYK10 Workshop is already open with the data folder")
    assert not (tmp_path / DATABASE_NAME).exists()


def test_the_lock_is_released_and_stale_locks_are_taken_over(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path)
    assert first.acquire()
    second = InstanceLock(tmp_path)
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()
    # A lock left by a process that crashed (no clean unlock) does not block.
    crashed = subprocess.run([sys.executable, "-c", (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        f"lock = QLockFile({str(tmp_path / 'myk10-workshop.lock')!r}); "
        "assert lock.tryLock(0); os._exit(0)")], check=False, timeout=60)
    assert crashed.returncode == 0
    assert (tmp_path / "myk10-workshop.lock").exists()
    assert InstanceLock(tmp_path).acquire()


def test_a_folder_that_cannot_hold_a_lock_is_left_to_the_store(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert InstanceLock(blocker / "data").acquire()
