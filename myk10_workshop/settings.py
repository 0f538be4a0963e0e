"""User settings kept as a small JSON file in the data folder."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from myk10_workshop.i18n import LANGUAGES

log = logging.getLogger(__name__)


@dataclass
class Settings:
    # "de", "en" or None to follow the system.
    language: str | None = None

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            # A damaged settings file is not worth refusing to start over.
            log.warning("ignoring unreadable settings %s: %s", path, exc)
            return cls()
        settings = cls()
        if isinstance(raw, dict) and raw.get("language") in LANGUAGES:
            settings.language = raw["language"]
        return settings

    def save(self, path: Path) -> None:
        """Write atomically: a crash never leaves half a settings file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(asdict(self), handle, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
