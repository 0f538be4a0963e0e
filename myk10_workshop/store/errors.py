"""Two kinds of error: the environment's (tell the user) and everything else (a bug).

:class:`StoreError` is a problem of the machine or the file: disk full, read-only folder,
locked or damaged database, a database from a newer app. The user can act on it and nothing
already saved is lost. :class:`ValidationError` is input the rules refuse. Any other
exception escaping the store is a bug and goes to the log with its traceback.
"""

from __future__ import annotations

import enum
import errno
import sqlite3
from pathlib import Path

from sqlalchemy import exc as sa_exc

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message


class ErrorKind(enum.Enum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    LOCKED = "locked"
    CORRUPT = "corrupt"
    NEWER_VERSION = "newer_version"
    NOT_OURS = "not_ours"
    CANNOT_OPEN = "cannot_open"
    FOLDER = "folder"


_MESSAGES = {
    ErrorKind.DISK_FULL: QT_TRANSLATE_NOOP(
        "StoreError",
        "The disk is full, so the last change could not be saved. Everything saved before "
        "is safe. Free some space and try again.",
    ),
    ErrorKind.READ_ONLY: QT_TRANSLATE_NOOP(
        "StoreError",
        "The data folder {path} cannot be written to, so changes cannot be saved. Everything "
        "saved before is safe. Check the folder's permissions or choose another folder.",
    ),
    ErrorKind.LOCKED: QT_TRANSLATE_NOOP(
        "StoreError",
        "The database is busy in another program (perhaps a second MYK10 Workshop window), "
        "so the last change was not saved. Close the other program and try again.",
    ),
    ErrorKind.CORRUPT: QT_TRANSLATE_NOOP(
        "StoreError",
        "The database {path} is damaged and cannot be read. It was left as it is; copies "
        "made before changes are in the folder {backups}.",
    ),
    ErrorKind.NEWER_VERSION: QT_TRANSLATE_NOOP(
        "StoreError",
        "The database {path} was saved by a newer version of MYK10 Workshop (schema {found}). "
        "This version can open schema {known} and older. Please update the app; the file "
        "was left untouched.",
    ),
    ErrorKind.NOT_OURS: QT_TRANSLATE_NOOP(
        "StoreError",
        "{path} is not a MYK10 Workshop database. It was left untouched.",
    ),
    ErrorKind.FOLDER: QT_TRANSLATE_NOOP(
        "StoreError",
        "The data folder {path} cannot be used: a file of that name is in the way, or the "
        "folder cannot be created there. Nothing was changed.",
    ),
    ErrorKind.CANNOT_OPEN: QT_TRANSLATE_NOOP(
        "StoreError",
        "The database {path} cannot be opened: {reason}. Nothing was changed.",
    ),
}


class StoreError(Exception):
    """A problem of the environment that the user can understand and act on."""

    def __init__(self, kind: ErrorKind, **params: object) -> None:
        self.kind = kind
        self.message: Message = _MESSAGES[kind].with_params(**params)
        super().__init__(self.message.render())


class ValidationError(Exception):
    """Input that the rules refuse; the stored data is unchanged."""

    def __init__(self, message: Message, field: str | None = None) -> None:
        self.message = message
        self.field = field
        super().__init__(message.render())


_SQLITE_TEXT = (
    ("database or disk is full", ErrorKind.DISK_FULL),
    ("disk i/o error", ErrorKind.CANNOT_OPEN),
    ("readonly database", ErrorKind.READ_ONLY),
    ("read-only", ErrorKind.READ_ONLY),
    ("database is locked", ErrorKind.LOCKED),
    ("database table is locked", ErrorKind.LOCKED),
    ("file is not a database", ErrorKind.CORRUPT),
    ("database disk image is malformed", ErrorKind.CORRUPT),
    ("unable to open database file", ErrorKind.READ_ONLY),
)

_ERRNO = {
    errno.ENOSPC: ErrorKind.DISK_FULL,
    errno.EDQUOT: ErrorKind.DISK_FULL,
    errno.EROFS: ErrorKind.READ_ONLY,
    errno.EACCES: ErrorKind.READ_ONLY,
    errno.EPERM: ErrorKind.READ_ONLY,
}


def classify(exc: BaseException, path: Path, backups: Path | None = None) -> StoreError | None:
    """The :class:`StoreError` an exception of SQLite or the OS stands for, or None (a bug)."""
    if isinstance(exc, StoreError):
        return exc
    cause: BaseException = exc
    if isinstance(exc, sa_exc.DBAPIError) and exc.orig is not None:
        cause = exc.orig
    kind = _kind_of(cause)
    if kind is None:
        return None
    if kind is ErrorKind.READ_ONLY:
        return StoreError(kind, path=str(path.parent))
    if kind is ErrorKind.CANNOT_OPEN:
        return StoreError(kind, path=str(path), reason=str(cause))
    return StoreError(kind, path=str(path), backups=str(backups or path.parent / "backups"))


def _kind_of(cause: BaseException) -> ErrorKind | None:
    if isinstance(cause, sqlite3.DatabaseError):
        text = str(cause).lower()
        return next((kind for needle, kind in _SQLITE_TEXT if needle in text), None)
    if isinstance(cause, OSError) and cause.errno is not None:
        return _ERRNO.get(cause.errno)
    return None
