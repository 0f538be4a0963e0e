"""What the project file promises: every package shipped, Qt pinned where it must be."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_folder_is_listed() -> None:
    listed = set(PROJECT["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "myk10_workshop").rglob("__init__.py")
    } | {"myk10_workshop.resources"}
    assert found == listed


def test_pyside6_is_pinned_by_python_version() -> None:
    pins = [Requirement(text) for text in PROJECT["project"]["dependencies"]
            if text.lower().startswith("pyside6")]
    by_python = {}
    for python in ("3.11", "3.12", "3.13"):
        chosen = [pin for pin in pins
                  if pin.marker is None or pin.marker.evaluate({"python_version": python})]
        assert len(chosen) == 1, f"exactly one PySide6 pin must apply on Python {python}"
        by_python[python] = chosen[0].specifier
    # 6.12.0 on 3.11 aborts with none_dealloc (see tests/ui/test_pyside_none_refcount.py).
    assert not by_python["3.11"].contains("6.12.0")
    assert by_python["3.11"].contains("6.11.3")
    assert by_python["3.12"].contains("6.12.0")


def test_resources_are_shipped_with_the_package() -> None:
    from myk10_workshop.paths import resource_path

    assert resource_path("demo", "smarte-region-myk10.json").is_file()
    assert resource_path("translations", "myk10_de.ts").is_file()
