"""The QApplication: style, fonts, icon and the translator of the one catalogue."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QLockFile,
    QObject,
    QTimer,
    QTranslator,
    SignalInstance,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from myk10_workshop import APP_NAME, __version__
from myk10_workshop.i18n import SOURCE_LANGUAGE
from myk10_workshop.paths import resource_path
from myk10_workshop.ui.style import AppStyle

log = logging.getLogger(__name__)

# Base point size: readable from the back of a room when the laptop mirrors the projector.
BASE_POINT_SIZE = 11
# The application's style, held here so that Python never collects it under Qt.
_STYLE: list[AppStyle] = []


def create_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("MYK10 Workshop")
    style = AppStyle()
    app.setStyle(style)
    _STYLE.append(style)
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), BASE_POINT_SIZE))
    app.setFont(font)
    icon = resource_path("icons", "myk10-workshop.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def dispose(*objects: QObject) -> None:
    """Destroy Qt objects now, in this order, while the QApplication still exists.

    Left to the garbage collector at interpreter exit, they may outlive the application
    and crash the process on the way out.
    """
    for item in objects:
        if shiboken6.isValid(item):
            shiboken6.delete(item)


def tell_user(text: str, *, critical: bool = False) -> None:
    """A message before (or instead of) the main window: on stderr for terminals and logs,
    in a dialog for everyone else."""
    print(text, file=sys.stderr, flush=True)
    if critical:
        QMessageBox.critical(None, APP_NAME, text)
    else:
        QMessageBox.information(None, APP_NAME, text)


class InstanceLock:
    """One window per data folder: two windows on one database would each show a stale
    picture of the other's edits. A lock left by a crashed process is taken over."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._lock: QLockFile | None = None

    def acquire(self) -> bool:
        """False only when another running window holds the folder. A folder that cannot
        hold a lock file is let through: the store then says plainly what is wrong."""
        with contextlib.suppress(OSError):
            self._folder.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self._folder / "myk10-workshop.lock"))
        if lock.tryLock(100):
            self._lock = lock
            return True
        return lock.error() != QLockFile.LockError.LockFailedError

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def quit_when_ready(ready: SignalInstance, marker: str) -> None:
    """Print ``marker`` and quit once ``ready`` fired and the window had one turn to paint
    (start-up benchmarks)."""

    def report() -> None:
        print(marker, flush=True)
        QCoreApplication.quit()

    ready.connect(lambda: QTimer.singleShot(0, report))


def system_language() -> str:
    return QLocale.system().name()


class Translations:
    """Holds the installed translators; switching language re-translates open windows."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def install(self, language: str) -> bool:
        """Use ``language`` from now on; False when its compiled catalogue is missing."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators.clear()
        self.language = language
        if language == SOURCE_LANGUAGE:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Germany))
            return True
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        ok = True
        folder = resource_path("translations")
        for name in (f"myk10_{language}", f"qtbase_{language}"):
            translator = QTranslator(self._app)
            source = folder if name.startswith("myk10") else _qt_translations()
            if translator.load(name, str(source)):
                self._app.installTranslator(translator)
                self._translators.append(translator)
            elif name.startswith("myk10"):
                log.warning("no compiled translation %s in %s (run make translations)",
                            name, folder)
                ok = False
        return ok


def _qt_translations() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
