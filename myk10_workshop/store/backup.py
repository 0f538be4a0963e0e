"""Consistent copies of the database file: made before anything risky, kept rolling.

A backup is a complete SQLite file written through SQLite's backup API (consistent even
while the app writes), checked with ``quick_check`` under a temporary name and only then
renamed into place: a backup that exists is a backup that opens. Its name says when and why
it was taken, e.g. ``myk10-workshop-20221012-091500-123456-daily.sqlite3``.

Kinds and how many of each are kept (older ones are deleted after each new backup):
``daily`` (first start of a day), ``before-migration``, ``before-import``,
``before-restore`` and ``manual``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DAILY = "daily"
BEFORE_MIGRATION = "before-migration"
BEFORE_IMPORT = "before-import"
BEFORE_RESTORE = "before-restore"
MANUAL = "manual"

KEEP: Mapping[str, int] = {
    DAILY: 7,
    BEFORE_MIGRATION: 5,
    BEFORE_IMPORT: 5,
    BEFORE_RESTORE: 5,
    MANUAL: 10,
}

_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<kind>[A-Za-z0-9_.-]+)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime  # local time of the laptop
    kind: str
    size: int


def backup_database(database: Path, backups: Path, kind: str,
                    keep: Mapping[str, int] = KEEP) -> Path:
    """Copy ``database`` into ``backups``, verify the copy, then drop the oldest of its kind
    beyond what ``keep`` allows."""
    backups.mkdir(parents=True, exist_ok=True)
    safe_kind = re.sub(r"[^A-Za-z0-9_.-]+", "-", kind).strip("-") or MANUAL
    stamp = dt.datetime.now().strftime(_STAMP_FORMAT)
    target = backups / f"{database.stem}-{stamp}-{safe_kind}.sqlite3"
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
    prune_backups(backups, database.stem, keep)
    return target


def list_backups(backups: Path, stem: str) -> list[Backup]:
    """The backups of the database named ``stem``, newest first."""
    found = []
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for path in backups.iterdir():
            match = _NAME.match(path.name)
            if match is None or match["stem"] != stem or not path.is_file():
                continue
            taken_at = dt.datetime.strptime(match["stamp"], _STAMP_FORMAT)
            found.append(Backup(path, taken_at, match["kind"], path.stat().st_size))
    found.sort(key=lambda backup: backup.taken_at, reverse=True)
    return found


def prune_backups(backups: Path, stem: str, keep: Mapping[str, int] = KEEP) -> list[Path]:
    """Delete the oldest backups of each kind beyond its allowance; kinds not in ``keep``
    (named by hand, say) are left alone. Returns what was deleted."""
    removed = []
    seen: dict[str, int] = {}
    for backup in list_backups(backups, stem):
        seen[backup.kind] = seen.get(backup.kind, 0) + 1
        allowance = keep.get(backup.kind)
        if allowance is not None and seen[backup.kind] > allowance:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def daily_backup_due(backups: Path, stem: str, today: dt.date | None = None) -> bool:
    """True unless a daily backup of today exists."""
    today = today or dt.date.today()
    return not any(backup.kind == DAILY and backup.taken_at.date() == today
                   for backup in list_backups(backups, stem))


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
