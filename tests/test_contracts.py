"""The layers hold: the import contracts in pyproject.toml pass (import-linter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    tool = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(tool), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout
    assert "Contracts: 3 kept, 0 broken." in result.stdout


CORE_WITHOUT_QT = r"""
import builtins, sys
real_import = builtins.__import__
def guarded(name, *args, **kwargs):
    if name.split(".")[0] in ("PySide6", "shiboken6"):
        raise ImportError("Qt is not available in the core")
    return real_import(name, *args, **kwargs)
builtins.__import__ = guarded
import pathlib, tempfile
from myk10_workshop.store.database import Store
from myk10_workshop.demo import demo_operation
from myk10_workshop.projects.queries import load_tree
from myk10_workshop.i18n import load_catalogue
folder = pathlib.Path(tempfile.mkdtemp())
store = Store.open(folder / "db.sqlite3")
store.apply(demo_operation())
(project,) = store.read(load_tree)
print(project.name, len(load_catalogue("de")) > 0)
store.close()
"""


def test_core_runs_with_qt_unavailable() -> None:
    result = subprocess.run([sys.executable, "-c", CORE_WITHOUT_QT], capture_output=True,
                            text=True, timeout=120, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Smarte Region MYK10 True"
