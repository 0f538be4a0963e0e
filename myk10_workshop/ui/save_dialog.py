"""The one question every export asks: where to save, starting where the last one went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget, folder: Path, caption: str, suggested: str,
                  file_filter: str) -> Path | None:
    """The path the facilitator chose for ``suggested`` in ``folder`` (None: cancelled)."""
    path, _chosen = QFileDialog.getSaveFileName(parent, caption, str(folder / suggested),
                                                file_filter)
    return Path(path) if path else None
