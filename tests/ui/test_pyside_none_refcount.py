"""Guard against PySide6 6.12.0 on CPython 3.11 losing a reference to None per void call.

That build aborts the interpreter (``none_dealloc``) after a few thousand calls, so the check
runs in a child process: a broken pin shows as a failed test with the numbers, not as a
crashed test run. pyproject.toml pins PySide6 6.11.x on 3.11 for this reason.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = r"""
import gc, sys
from PySide6.QtCore import QObject, QTimer
timer = QTimer()
holder = QObject()
for i in range(100):                   # warm up: first calls create caches of their own
    timer.setInterval(i % 50)
    holder.setObjectName("guard")
gc.collect()
gc.disable()                           # no unrelated objects freed while we count
before = sys.getrefcount(None)
for i in range(10_000):
    timer.setInterval(i % 50)          # void
    holder.setObjectName("guard")      # void
after = sys.getrefcount(None)
gc.enable()
print(before, after)
"""


def test_void_qt_calls_keep_none_referenced() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                           env=env, timeout=120, check=False)
    assert child.returncode == 0, (
        f"10,000 void Qt calls crashed the interpreter (exit {child.returncode}); this is the "
        f"PySide6 6.12.0 / Python 3.11 none_dealloc bug - check the PySide6 pin.\n"
        f"{child.stderr[-2000:]}")
    before, after = (int(n) for n in child.stdout.split())
    assert after >= before, f"sys.getrefcount(None) fell from {before} to {after}"
