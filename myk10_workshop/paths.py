"""Where things live: the user's data folder and the shipped resources."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

DATABASE_NAME = "myk10-workshop.sqlite3"


def default_data_dir() -> Path:
    """The platform's user data folder (XDG on Linux, %APPDATA% on Windows, ~/Library on macOS)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("MYK10 Workshop", appauthor=False, roaming=True))


@dataclass(frozen=True)
class DataDir:
    """The layout of one data folder: database, backups, logs and settings."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "myk10-workshop.log"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"


def resource_path(*parts: str) -> Path:
    """A file or folder under the shipped ``resources/`` (source tree, wheel or bundle)."""
    if getattr(sys, "frozen", False):  # PyInstaller one-folder bundle
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        return base.joinpath("myk10_workshop", "resources", *parts)
    return Path(str(files("myk10_workshop.resources"))).joinpath(*parts)
