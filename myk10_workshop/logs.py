"""The log file in the data folder: where tracebacks of bugs go."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that, once it cannot be written (medium full or read-only), says so once
    and steps aside, instead of printing an error for every following line."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        logging.getLogger().removeHandler(self)
        logging.getLogger(__name__).warning("log file %s cannot be written; logging to the "
                                            "console only", self.baseFilename)


def configure_logging(log_file: Path | None, level: int = logging.INFO) -> None:
    """Log to ``log_file`` (rotated, 1 MB x 5) and warnings and worse to stderr.

    A log folder that cannot be created (read-only medium) leaves logging on stderr only:
    logging must never be the reason the app does not start.
    """
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_myk10", False):
            root.removeHandler(handler)
            handler.close()
    if sys.stderr is not None:  # a windowed build on Windows has no console at all
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter(_FORMAT))
        stream._myk10 = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    if log_file is None:
        return
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = _LogFileHandler(
            log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
        )
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file at %s: %s", log_file, exc)
        return
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._myk10 = True  # type: ignore[attr-defined]
    root.addHandler(handler)
