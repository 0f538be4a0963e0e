"""Writing the files people take away (exports, reports, posters) so that a full disk, a
pulled USB stick or a crash never leaves half a file under the real name. Qt-free."""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

# Characters that no file name on Windows, macOS or Linux may hold.
_UNSAFE_IN_NAMES = str.maketrans({c: "-" for c in '\\/:*?"<>|'})


def safe_file_name(text: str) -> str:
    """``text`` usable as a file name everywhere (a workshop may be called "A/B: 2024")."""
    name = " ".join(text.translate(_UNSAFE_IN_NAMES).split()).strip(" .")
    return name or "export"


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` holds either the old or the new file.

    The temporary file sits in the same folder (a rename is only atomic within one file
    system) and is created like any new file, so it gets the user's usual permissions. It is
    synced before :func:`os.replace` and removed if anything fails; errors of the file
    system come out as :class:`OSError` for the caller to show.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        with temporary.open("xb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)  # os.replace: atomic within one file system
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows (POSIX); best effort."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
