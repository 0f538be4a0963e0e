"""The backups of the database: list them, take one now, restore one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store import backup as backups
from myk10_workshop.store.backup import Backup
from myk10_workshop.ui.bridge import StoreBridge, render

KIND_NAMES: dict[str, Message] = {
    backups.DAILY: QT_TRANSLATE_NOOP("BackupsDialog", "Daily"),
    backups.BEFORE_MIGRATION: QT_TRANSLATE_NOOP("BackupsDialog", "Before an app update"),
    backups.BEFORE_IMPORT: QT_TRANSLATE_NOOP("BackupsDialog", "Before an import"),
    backups.BEFORE_RESTORE: QT_TRANSLATE_NOOP("BackupsDialog", "Before a restore"),
    backups.MANUAL: QT_TRANSLATE_NOOP("BackupsDialog", "Saved by hand"),
}
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def format_taken(taken_at: dt.datetime, *, long: bool = False) -> str:
    """When a backup was taken, in the user's locale."""
    moment = QDateTime(QDate(taken_at.year, taken_at.month, taken_at.day),
                       QTime(taken_at.hour, taken_at.minute, taken_at.second))
    kind = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(moment, kind)


class BackupsDialog(QDialog):
    """Lists the backups; restoring asks first, then replaces the whole database."""

    # The list on screen is up to date with the folder.
    listed = Signal()

    def __init__(self, bridge: StoreBridge, on_restored: Callable[[Backup, Path], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self._bridge = bridge
        self._on_restored = on_restored
        self._backups: list[Backup] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(3)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item, _column: self.ask_restore())
        self.backup_button = QPushButton(self)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self)
        self.restore_button.clicked.connect(self.ask_restore)
        self.folder_button = QPushButton(self)
        self.folder_button.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(bridge.store.backups))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.confirmation: QMessageBox | None = None
        self.resize(720, 420)
        self._retranslate()
        self.reload()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        self.intro.setText(self.tr(
            "Copies of all your data, made every day, before updates and imports, and "
            "whenever you ask for one. Restoring one replaces everything with that state; "
            "the current state is saved as a backup first."))
        self.table.setHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size")])
        self.backup_button.setText(self.tr("&Back up now"))
        self.restore_button.setText(self.tr("&Restore…"))
        self.folder_button.setText(self.tr("Open the &folder"))

    def reload(self) -> None:
        self._bridge.on_writer(lambda store: store.list_backups(), self._show)

    def _show(self, found: list[Backup]) -> None:
        self._backups = found
        self.table.clear()
        locale = QLocale()
        for item in found:
            row = QTreeWidgetItem([
                format_taken(item.taken_at),
                render(KIND_NAMES[item.kind]) if item.kind in KIND_NAMES else item.kind,
                locale.formattedDataSize(item.size),
            ])
            row.setData(0, PATH_ROLE, str(item.path))
            self.table.addTopLevelItem(row)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        newest = self.table.topLevelItem(0)
        if newest is not None:
            self.table.setCurrentItem(newest)
        self._update_buttons()
        self.listed.emit()

    def selected(self) -> Backup | None:
        item = self.table.currentItem()
        if item is None:
            return None
        path = item.data(0, PATH_ROLE)
        return next((b for b in self._backups if str(b.path) == path), None)

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)

        def done(_path: Path) -> None:
            self.backup_button.setEnabled(True)
            self.reload()

        self._bridge.on_writer(lambda store: store.backup(backups.MANUAL), done)

    def ask_restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        when = format_taken(chosen.taken_at, long=True)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore a backup"), self.tr(
            "Restore the backup of {when}?\n\nEverything changed since then is replaced by "
            "that state. The current state is saved as a backup first, so you can go back "
            "to it.").format(when=when), parent=self)
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: self._restore(chosen) if button is restore else None)
        self.confirmation = box
        box.open()

    def _restore(self, chosen: Backup) -> None:
        self.restore_button.setEnabled(False)

        def done(before: Path) -> None:
            self._on_restored(chosen, before)
            self.reload()

        self._bridge.restore(chosen.path, done)
