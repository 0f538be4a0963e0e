"""The bundle a facilitator gets: built with build.spec, it starts and passes its self-test."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SIZE_LIMIT_MB = 130


def _size_mb(folder: Path) -> float:
    """Bytes on disk of the files themselves (PyInstaller links Qt libraries: count once)."""
    return sum(p.lstat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1024 / 1024


@pytest.mark.slow
def test_bundle_builds_starts_and_passes_its_self_test(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists():
        pytest.skip("PyInstaller is not installed in this environment (pip install -e .[dev])")
    if not sys.platform.startswith(("linux", "darwin", "win")):
        pytest.skip(f"PyInstaller does not build on {sys.platform}")
    started = time.monotonic()
    build = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--distpath", str(tmp_path / "dist"), "--workpath",
         str(tmp_path / "work"), str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert build.returncode == 0, build.stderr[-3000:]
    seconds = time.monotonic() - started
    folder = tmp_path / "dist" / "myk10-workshop"
    program = folder / ("myk10-workshop.exe" if sys.platform == "win32" else "myk10-workshop")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "xdg")}
    result = subprocess.run([str(program), "--self-test"], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True,
                             env=env, timeout=60, check=False)
    assert version.stdout.startswith("MYK10 Workshop ")
    size = _size_mb(folder)
    print(f"bundle: {size:.1f} MB, built in {seconds:.0f} s")
    if sys.platform.startswith("linux"):
        assert size <= SIZE_LIMIT_MB, f"bundle is {size:.1f} MB, the limit is {SIZE_LIMIT_MB} MB"
    _voting_station_serves(program, env, tmp_path)


def _voting_station_serves(program: Path, env: dict[str, str], tmp_path: Path) -> None:
    """The bundled web server (uvicorn picks modules by name) answers a phone and stops."""
    data = tmp_path / "station"
    demo = subprocess.run([str(program), "--data-dir", str(data), "--demo", "--self-test"],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert demo.returncode == 2  # --demo and --self-test refuse each other: no data written
    from myk10_workshop.demo import demo_operation
    from myk10_workshop.store.database import Store

    store = Store.open(data / "myk10-workshop.sqlite3")
    store.apply(demo_operation())
    store.close()
    with subprocess.Popen(
            [str(program), "--data-dir", str(data), "--language", "en", "serve",
             "--workshop", "Strategie", "--host", "127.0.0.1", "--qr", str(tmp_path / "qr.png")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) as station:
        _phone_joins(station, tmp_path)


def _phone_joins(station: subprocess.Popen[str], tmp_path: Path) -> None:
    import re
    import signal
    import urllib.request

    try:
        assert station.stdout is not None
        url = None
        deadline = time.monotonic() + 30
        while url is None and time.monotonic() < deadline:
            line = station.stdout.readline()
            if not line:
                break
            found = re.search(r"Phones open: (\S+)", line)
            url = found.group(1) if found else None
        assert url is not None, station.stderr.read() if station.stderr else ""
        with urllib.request.urlopen(url, timeout=10) as answer:
            assert answer.status == 200
            assert "Strategie-Workshop" in answer.read().decode()
        station.send_signal(signal.SIGINT)
        assert station.wait(timeout=20) == 0
        assert (tmp_path / "qr.png").stat().st_size > 0
    finally:
        if station.poll() is None:
            station.kill()
