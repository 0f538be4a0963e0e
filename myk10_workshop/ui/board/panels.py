"""The board's side panels: phone inbox, ranking by votes, and cluster suggestions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.board.queries import BoardSnapshot, IdeaView

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


def _short(text: str, limit: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class InboxPanel(QWidget):
    """Ideas sent from phones wait here until the facilitator puts them on the board."""

    accept_requested = Signal(object)  # a list of idea ids
    hide_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("inboxList")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.accept_all_button = QPushButton(self)
        self.hide_button = QPushButton(self)
        self.accept_button.clicked.connect(lambda: self.accept_requested.emit(self._chosen()))
        self.accept_all_button.clicked.connect(
            lambda: self.accept_requested.emit(self._all()))
        self.hide_button.clicked.connect(lambda: self.hide_requested.emit(self._chosen()))
        self.list.itemDoubleClicked.connect(
            lambda item: self.accept_requested.emit([item.data(ID_ROLE)]))
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.accept_all_button, self.hide_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.accept_button.setText(self.tr("To the board"))
        self.accept_all_button.setText(self.tr("All"))
        self.accept_all_button.setToolTip(self.tr("Put all waiting ideas on the board"))
        self.hide_button.setText(self.tr("Hide"))
        self.list.setAccessibleName(self.tr("Ideas from phones"))

    def show_ideas(self, ideas: Sequence[IdeaView]) -> None:
        self.list.clear()
        for idea in ideas:
            item = QListWidgetItem(_short(idea.text, 200))
            item.setData(ID_ROLE, idea.id)
            item.setToolTip(idea.text)
            self.list.addItem(item)
        self.accept_all_button.setEnabled(bool(ideas))

    def count(self) -> int:
        return self.list.count()

    def _chosen(self) -> list[uuid.UUID]:
        return [item.data(ID_ROLE) for item in self.list.selectedItems()]

    def _all(self) -> list[uuid.UUID]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class RankingPanel(QWidget):
    """Clusters and ideas by their dots, most first; a click shows the item on the board."""

    chosen = Signal(str, object)  # "idea" or "cluster", id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("rankingList")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        self._snapshot: BoardSnapshot | None = None
        self._retranslate()

    def _retranslate(self) -> None:
        self.note.setText(self.tr("Dots from phones and paper, most first."))
        self.list.setAccessibleName(self.tr("Ranking by votes"))
        self.show_snapshot(self._snapshot)

    def show_snapshot(self, snapshot: BoardSnapshot | None) -> None:
        self._snapshot = snapshot
        self.list.clear()
        if snapshot is None:
            return
        rows: list[tuple[int, str, str, uuid.UUID]] = []
        for cluster in snapshot.clusters:
            votes = snapshot.votes.get(cluster.id, 0)
            if votes:
                rows.append((votes, "cluster", self.tr("Cluster: {title}").format(
                    title=cluster.title), cluster.id))
        for idea in snapshot.ideas:
            votes = snapshot.votes.get(idea.id, 0)
            if votes:
                rows.append((votes, "idea", _short(idea.text), idea.id))
        rows.sort(key=lambda row: (-row[0], row[2].casefold()))
        for rank, (votes, kind, text, entity_id) in enumerate(rows, start=1):
            item = QListWidgetItem(f"{rank}.  ● {votes}   {text}")
            item.setData(ID_ROLE, entity_id)
            item.setData(KIND_ROLE, kind)
            self.list.addItem(item)
        if not rows:
            self.list.addItem(self.tr("No votes on this board yet."))

    def _on_item(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE) is not None:
            self.chosen.emit(item.data(KIND_ROLE), item.data(ID_ROLE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class SuggestionsPanel(QWidget):
    """Cluster suggestions computed on this laptop, to accept or reject one by one."""

    # "free": unclustered notes from scratch; "all": every note; "place": into existing
    # clusters.
    requested = Signal(str)
    accepted = Signal(int)
    rejected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.free_button = QPushButton(self)
        self.all_button = QPushButton(self)
        self.place_button = QPushButton(self)
        self.free_button.clicked.connect(lambda: self.requested.emit("free"))
        self.all_button.clicked.connect(lambda: self.requested.emit("all"))
        self.place_button.clicked.connect(lambda: self.requested.emit("place"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("suggestionList")
        self.list.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.reject_button = QPushButton(self)
        self.accept_button.clicked.connect(lambda: self._emit(self.accepted))
        self.reject_button.clicked.connect(lambda: self._emit(self.rejected))
        self.list.itemDoubleClicked.connect(lambda _item: self._emit(self.accepted))
        choose = QVBoxLayout()
        for button in (self.free_button, self.all_button, self.place_button):
            choose.addWidget(button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(choose)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._retranslate()
        self.show_entries([])

    def _retranslate(self) -> None:
        self.free_button.setText(self.tr("Group the loose notes"))
        self.all_button.setText(self.tr("Group all notes anew"))
        self.place_button.setText(self.tr("Sort loose notes into the clusters"))
        self.place_button.setToolTip(self.tr(
            "The most reliable way: start a few clusters by hand, then let the rest be "
            "sorted in."))
        self.accept_button.setText(self.tr("Accept"))
        self.reject_button.setText(self.tr("Reject"))

    def set_busy(self, busy: bool) -> None:
        for button in (self.free_button, self.all_button, self.place_button):
            button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Computing suggestions…"))

    def show_entries(self, entries: Sequence[str]) -> None:
        """One line per suggestion; the panel only shows them, the page keeps the data."""
        self.list.clear()
        for row, text in enumerate(entries):
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        has = bool(entries)
        self.accept_button.setEnabled(has)
        self.reject_button.setEnabled(has)

    def remove_row(self, row: int) -> None:
        item = self.list.takeItem(row)
        del item
        for index in range(self.list.count()):
            self.list.item(index).setData(ID_ROLE, index)
        has = bool(self.list.count())
        self.accept_button.setEnabled(has)
        self.reject_button.setEnabled(has)

    def _emit(self, signal: SignalInstance) -> None:
        row = self.list.currentRow()
        if row >= 0:
            signal.emit(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

