"""Consistent copies of the database file, made before anything risky."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from pathlib import Path


def backup_database(database: Path, backups: Path, reason: str) -> Path:
    """Copy ``database`` into ``backups`` through SQLite's backup API and verify the copy.

    The copy is written under a temporary name, checked with ``quick_check`` and only then
    renamed into place, so a backup that exists is a backup that opens.
    """
    backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = re.sub(r"[^A-Za-z0-9_.-]+", "-", reason).strip("-") or "backup"
    target = backups / f"{database.stem}-{stamp}-{safe_reason}.sqlite3"
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            (result,) = copy.execute("PRAGMA quick_check").fetchone()
            if result != "ok":
                raise sqlite3.DatabaseError(f"backup copy failed its check: {result}")
        finally:
            copy.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    partial.replace(target)
    _sync_dir(backups)
    return target


def _sync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
