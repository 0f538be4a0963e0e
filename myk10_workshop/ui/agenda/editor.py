"""The editor beside the agenda: the selected block's or day's fields, saved as you go.

Every change is one undoable operation, made when a field is committed (Enter, leaving
the field, a pause in typing a longer text, a click on a box), as in the overview's forms.
No save button. The editors ask the bridge and then show what the store holds; a refresh
caused by their own save (or by anything else) never overwrites what is being typed: a
field is set again only when the stored value differs from the one it last showed.

While the duration is being changed, the editor asks the page for a preview of the new
times (:attr:`BlockEditor.previewed`); re-timing is a pure function, so the table follows
each click of the spin box before anything is saved.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.agenda import operations as ops
from myk10_workshop.agenda.queries import BlockView, DayView, MaterialView, TrackView
from myk10_workshop.store.operations import Operation
from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.ui.details import TEXT_SAVE_DELAY_MS, OptionalDateEdit

# (id, title) of a board or ballot a block can open.
Choice = tuple[uuid.UUID, str]
_UNSET = object()
MAX_DURATION = 24 * 60
MAX_GROUPS = 30


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def _heading(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _set_text(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    blocked = edit.blockSignals(True)
    if isinstance(edit, QLineEdit):
        edit.setText(text)
        edit.setCursorPosition(0)
    else:
        edit.setPlainText(text)
    edit.blockSignals(blocked)


def _fill_choices(combo: QComboBox, none_text: str, choices: Sequence[Choice],
                  current: uuid.UUID | None) -> None:
    blocked = combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, "")
    for choice_id, title in choices:
        combo.addItem(title, str(choice_id))
    found = combo.findData(str(current)) if current is not None else 0
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(blocked)


def _narrow(combo: QComboBox) -> QComboBox:
    """A combo box as wide as its field, not as its longest entry (the editor is narrow)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def _chosen(combo: QComboBox) -> uuid.UUID | None:
    data = combo.currentData()
    return uuid.UUID(data) if data else None


class _TextSaver(QObject):
    """Saves a multi-line text after a pause in typing or when the field is left."""

    def __init__(self, editor: QPlainTextEdit, save: Callable[[], None]) -> None:
        super().__init__(editor)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        editor.textChanged.connect(self._timer.start)
        editor.installEventFilter(self)

    def flush(self) -> None:
        self._timer.stop()
        self._save()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._timer.isActive():
            self.flush()
        return False


# --------------------------------------------------------------------------- materials


class _QuantityDelegate(QStyledItemDelegate):
    """Quantities are whole numbers from 1, as the store keeps them."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Any) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(1, 100_000)
        editor.setFrame(False)
        return editor


class MaterialsEditor(QWidget):
    """A block's materials: name and quantity per line; each change saves the list."""

    # The whole new list, as tuple[MaterialSpec, ...].
    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("materialsTable")
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(1, _QuantityDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(110)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addMaterial")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeMaterial")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._shown: tuple[tuple[str, int], ...] | None = None
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Material"), self.tr("Quantity")])
        self.table.setAccessibleName(self.tr("Materials"))
        self.add_button.setText(self.tr("Add material"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected material"))

    def forget(self) -> None:
        """The next :meth:`show_materials` fills the table anew (another block)."""
        self._shown = None

    def show_materials(self, materials: Sequence[MaterialView], force: bool = False) -> None:
        values = tuple((m.name, m.quantity) for m in materials)
        if values == self._shown and not force:
            return
        self._shown = values
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(0)
        for name, quantity in values:
            self._append(name, quantity)
        self.table.blockSignals(blocked)

    def _append(self, name: str, quantity: int) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        amount = QTableWidgetItem()
        amount.setData(Qt.ItemDataRole.EditRole, quantity)
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 1, amount)
        return row

    def specs(self) -> tuple[ops.MaterialSpec, ...]:
        found: list[ops.MaterialSpec] = []
        for row in range(self.table.rowCount()):
            name_item, amount_item = self.table.item(row, 0), self.table.item(row, 1)
            name = " ".join((name_item.text() if name_item else "").split())
            if not name:
                continue
            amount = amount_item.data(Qt.ItemDataRole.EditRole) if amount_item else 1
            found.append(ops.MaterialSpec(name, int(amount or 1)))
        return tuple(found)

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        self._save()

    def _save(self) -> None:
        specs = self.specs()
        values = tuple((spec.name, spec.quantity) for spec in specs)
        if values != self._shown:
            self._shown = values
            self.edited.emit(specs)

    def add_row(self) -> None:
        blocked = self.table.blockSignals(True)
        row = self._append("", 1)
        self.table.blockSignals(blocked)
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._save()


# --------------------------------------------------------------------------- working groups


class SplitDialog(QDialog):
    """How many working groups, and each one's title, room and facilitator."""

    def __init__(self, default_title: Callable[[int], str], parent: QWidget | None = None,
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("splitDialog")
        self._default_title = default_title
        self.count = QSpinBox(self)
        self.count.setObjectName("groupCount")
        self.count.setRange(2, MAX_GROUPS)
        self.count_label = QLabel(self)
        self.count_label.setBuddy(self.count)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("groupTable")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addWidget(self.count)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.count.valueChanged.connect(self._resize_table)
        self.retranslate()
        self.count.setValue(3)
        self._resize_table(3)
        self.resize(620, 420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Split into working groups"))
        self.count_label.setText(self.tr("&Number of groups"))
        self.hint.setText(self.tr(
            "The groups work at the same time, each in its own room. Titles, rooms and "
            "facilitators can be changed later in the editor."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Room"), self.tr("Facilitator")])
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("&Split"))

    def _resize_table(self, count: int) -> None:
        old = self.table.rowCount()
        self.table.setRowCount(count)
        for row in range(old, count):
            self.table.setItem(row, 0, QTableWidgetItem(self._default_title(row + 1)))
            for column in (1, 2):
                self.table.setItem(row, column, QTableWidgetItem(""))

    def specs(self) -> list[ops.TrackSpec]:
        found = []
        for row in range(self.table.rowCount()):
            texts = [(item.text() if (item := self.table.item(row, c)) else "").strip()
                     for c in range(3)]
            found.append(ops.TrackSpec(texts[0] or self._default_title(row + 1), texts[1],
                                       texts[2]))
        return found


class TracksEditor(QWidget):
    """A block's parallel working groups: split, edit in place, add, remove, join.

    Title and room are edited in the table; the selected group's facilitator and board
    under it (four columns would not fit beside the agenda)."""

    split_requested = Signal()
    add_requested = Signal()
    remove_requested = Signal(object)  # track id
    join_requested = Signal()
    edited = Signal(object, dict)  # track id, {field: value}

    _FIELDS = ("title", "room")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Two faces, one shown at a time (a stacked widget would be as tall as the taller).
        self._build_plenary()
        self._build_groups()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plenary)
        layout.addWidget(self.groups)
        self.groups.hide()
        self.tracks: tuple[TrackView, ...] = ()
        self._boards: tuple[Choice, ...] = ()
        self._shown: tuple[Any, ...] | None = None
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(lambda *_cells: self._show_details())
        self.facilitator.editingFinished.connect(self._save_facilitator)
        self.board.activated.connect(self._save_board)
        self.split_button.clicked.connect(self.split_requested)
        self.add_button.clicked.connect(self.add_requested)
        self.join_button.clicked.connect(self.join_requested)
        self.remove_button.clicked.connect(self._remove_current)
        self.retranslate()

    def _build_plenary(self) -> None:
        self.plenary = QWidget(self)
        self.plenary_text = QLabel(self.plenary)
        self.plenary_text.setWordWrap(True)
        self.split_button = QPushButton(self.plenary)
        self.split_button.setObjectName("splitBlock")
        plenary_layout = QVBoxLayout(self.plenary)
        plenary_layout.setContentsMargins(0, 0, 0, 0)
        plenary_layout.addWidget(self.plenary_text)
        plenary_layout.addWidget(self.split_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _build_groups(self) -> None:
        self.groups = QWidget(self)
        self.table = QTableWidget(0, 2, self.groups)
        self.table.setObjectName("tracksTable")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(150)
        self.facilitator = QLineEdit(self.groups)
        self.facilitator.setObjectName("trackFacilitator")
        self.board = _narrow(QComboBox(self.groups))
        self.board.setObjectName("trackBoard")
        self.facilitator_label, self.board_label = QLabel(self.groups), QLabel(self.groups)
        self.facilitator_label.setBuddy(self.facilitator)
        self.board_label.setBuddy(self.board)
        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        details.addRow(self.facilitator_label, self.facilitator)
        details.addRow(self.board_label, self.board)
        self.add_button = QPushButton(self.groups)
        self.add_button.setObjectName("addTrack")
        self.remove_button = QPushButton(self.groups)
        self.remove_button.setObjectName("removeTrack")
        self.join_button = QPushButton(self.groups)
        self.join_button.setObjectName("joinTracks")
        groups_layout = QVBoxLayout(self.groups)
        groups_layout.setContentsMargins(0, 0, 0, 0)
        groups_layout.addWidget(self.table)
        groups_layout.addLayout(details)
        # One under the other: side by side, German words made the editor wider than the
        # room beside the agenda, and its fields were cut off at the right.
        for button in (self.add_button, self.remove_button, self.join_button):
            groups_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    def retranslate(self) -> None:
        self.plenary_text.setText(self.tr("Everyone works together in this block (plenary)."))
        self.split_button.setText(self.tr("Split into &working groups…"))
        self.split_button.setToolTip(self.tr(
            "Parallel working groups, each with its own title, room and facilitator"))
        self.table.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Room")])
        self.table.setAccessibleName(self.tr("Working groups"))
        self.facilitator_label.setText(self.tr("Facilitator"))
        self.board_label.setText(self.tr("Board"))
        self.add_button.setText(self.tr("Add group"))
        self.remove_button.setText(self.tr("Remove group"))
        self.join_button.setText(self.tr("Join into plenary"))
        self.join_button.setToolTip(self.tr(
            "Everyone together again: the working groups of this block are removed (undo "
            "brings them back)"))
        if self.tracks:
            self._fill(force=True)

    def forget(self) -> None:
        """The next :meth:`show_tracks` fills the table anew (another block, a refusal)."""
        self._shown = None

    def show_tracks(self, tracks: tuple[TrackView, ...], boards: tuple[Choice, ...]) -> None:
        self.tracks = tracks
        self._boards = boards
        self.plenary.setVisible(not tracks)
        self.groups.setVisible(bool(tracks))
        self._fill()

    def _fill(self, force: bool = False) -> None:
        values = (tuple((t.id, t.title, t.room, t.facilitator, t.board_id)
                        for t in self.tracks), self._boards)
        if values == self._shown and not force:
            return
        self._shown = values
        current = self.current_track()
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(len(self.tracks))
        for row, track in enumerate(self.tracks):
            for column, text in enumerate((track.title, track.room)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(track.id))
                if column == 1 and not text:
                    item.setBackground(QColor("#ffe0e0"))
                    item.setToolTip(self.tr("This group has no room yet."))
                self.table.setItem(row, column, item)
        self.table.blockSignals(blocked)
        self.select_track(current if current is not None else (
            self.tracks[0].id if self.tracks else None))
        self._show_details()

    def _track(self, track_id: uuid.UUID | None) -> TrackView | None:
        return next((t for t in self.tracks if t.id == track_id), None)

    def _show_details(self) -> None:
        track = self._track(self.current_track())
        for widget in (self.facilitator, self.board):
            widget.setEnabled(track is not None)
        if not self.facilitator.hasFocus():
            _set_text(self.facilitator, track.facilitator if track else "")
        _fill_choices(self.board, self.tr("(no board)"), self._boards,
                      track.board_id if track else None)

    def _save_facilitator(self) -> None:
        track = self._track(self.current_track())
        text = self.facilitator.text().strip()
        if track is not None and text != track.facilitator:
            self.edited.emit(track.id, {"facilitator": text})

    def _save_board(self, _index: int) -> None:
        track = self._track(self.current_track())
        chosen = _chosen(self.board)
        if track is not None and chosen != track.board_id:
            self.edited.emit(track.id, {"board_id": chosen})

    def current_track(self) -> uuid.UUID | None:
        item = self.table.item(self.table.currentRow(), 0)
        return uuid.UUID(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select_track(self, track_id: uuid.UUID | None) -> None:
        for row, track in enumerate(self.tracks):
            if track.id == track_id:
                self.table.setCurrentCell(row, 0)
                self.table.scrollTo(self.table.model().index(row, 0))
                return

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        track_id = uuid.UUID(item.data(Qt.ItemDataRole.UserRole))
        name = self._FIELDS[item.column()]
        self.edited.emit(track_id, {name: item.text().strip()})

    def _remove_current(self) -> None:
        track_id = self.current_track()
        if track_id is not None:
            self.remove_requested.emit(track_id)


# --------------------------------------------------------------------------- block


class BlockEditor(QWidget):
    """All fields of one block; each commit is one operation through the bridge."""

    # (block id, minutes): the duration being set, not saved yet; the page previews it.
    previewed = Signal(object, int)

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blockEditor")
        self.bridge = bridge
        self.block: BlockView | None = None
        self._shown: dict[str, Any] = {}
        self._start = dt.time(9, 0)
        self._boards: tuple[Choice, ...] = ()
        self._ballots: tuple[Choice, ...] = ()
        self.split_dialog: SplitDialog | None = None
        self._build_fields()
        self._lay_out()
        self._connect()
        self.retranslate()

    # ----------------------------------------------------------------- building

    def _build_fields(self) -> None:
        self.heading = _heading(self)
        self.timing = QLabel(self)
        self.timing.setObjectName("blockTiming")
        font = self.timing.font()
        font.setBold(True)
        self.timing.setFont(font)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("blockWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setStyleSheet("QLabel { color: #8a3b00; background: #fff4e0; "
                                    "border: 1px solid #f0b060; border-radius: 4px; "
                                    "padding: 4px; }")
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.duration = QSpinBox(self)
        self.duration.setObjectName("duration")
        # 0 can be typed (and is refused with a message, not silently).
        self.duration.setRange(0, MAX_DURATION)
        self.duration.setSingleStep(5)
        self.duration.setAccelerated(True)
        self.duration.installEventFilter(self)
        self._duration_blank = False
        self.duration_error = QLabel(self)
        self.duration_error.setObjectName("durationError")
        self.duration_error.setWordWrap(True)
        self.duration_error.setStyleSheet("QLabel { color: #b71c1c; }")
        self.duration_error.hide()
        self.pinned = QCheckBox(self)
        self.pinned.setObjectName("pinned")
        self.pinned_at = QTimeEdit(self)
        self.pinned_at.setObjectName("pinnedAt")
        self.pinned_at.setDisplayFormat("HH:mm")
        self.category = self._combo("category")
        self.method = self._combo("method")
        self.room = QLineEdit(self)
        self.room.setObjectName("room")
        self.responsible = QLineEdit(self)
        self.responsible.setObjectName("responsible")
        self.facilitator_only = QCheckBox(self)
        self.facilitator_only.setObjectName("facilitatorOnly")
        self.goal = self._text("goal")
        self.notes = self._text("notes")
        self.board = _narrow(QComboBox(self))
        self.board.setObjectName("board")
        self.ballot = _narrow(QComboBox(self))
        self.ballot.setObjectName("ballot")
        self.materials = MaterialsEditor(self)
        self.tracks = TracksEditor(self)

    def _combo(self, name: str) -> QComboBox:
        combo = _narrow(QComboBox(self))
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(16)
        return combo

    def _text(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(70)
        edit.setMaximumHeight(120)
        _TextSaver(edit, lambda: self._commit(name, edit.toPlainText()))
        return edit

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pinned_at)
        pin_row.addWidget(self.pinned)
        pin_row.addStretch(1)
        duration_row = QVBoxLayout()
        duration_row.setSpacing(2)
        duration_row.addWidget(self.duration)
        duration_row.addWidget(self.duration_error)
        self.labels: dict[str, QLabel] = {}
        self.materials_box = QGroupBox(self)
        QVBoxLayout(self.materials_box).addWidget(self.materials)
        self.tracks_box = QGroupBox(self)
        QVBoxLayout(self.tracks_box).addWidget(self.tracks)
        rows: list[tuple[str, QWidget | QHBoxLayout | QVBoxLayout]] = [
            ("title", self.title), ("duration", duration_row), ("pinned", pin_row),
            ("category", self.category), ("method", self.method), ("room", self.room),
            ("responsible", self.responsible), ("facilitator_only", self.facilitator_only),
            ("tracks", self.tracks_box), ("goal", self.goal), ("notes", self.notes),
            ("board", self.board), ("ballot", self.ballot), ("materials", self.materials_box)]
        for name, field in rows:
            if isinstance(field, QGroupBox):
                self.form.addRow(field)  # the whole width
                continue
            label = QLabel(self)
            self.labels[name] = label
            if isinstance(field, QWidget):
                label.setBuddy(field)
                self.form.addRow(label, field)
            else:
                label.setBuddy(self.duration if field is duration_row else self.pinned_at)
                self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.timing)
        layout.addWidget(self.warnings)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes through the fields as they are shown, top to bottom (the start time
        before its "fixed" box, the working groups before the goal)."""
        tracks, materials = self.tracks, self.materials
        chain: list[QWidget] = [
            self.title, self.duration, self.pinned_at, self.pinned, self.category,
            self.method, self.room, self.responsible, self.facilitator_only,
            tracks.split_button, tracks.table, tracks.facilitator, tracks.board,
            tracks.add_button, tracks.remove_button, tracks.join_button,
            self.goal, self.notes, self.board, self.ballot,
            materials.table, materials.add_button, materials.remove_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.title.editingFinished.connect(self._title_left)
        self.room.editingFinished.connect(lambda: self._commit("room", self.room.text()))
        self.responsible.editingFinished.connect(
            lambda: self._commit("responsible", self.responsible.text()))
        self.duration.editingFinished.connect(self._commit_duration)
        self.duration.valueChanged.connect(self._preview_duration)
        for name, combo in (("category", self.category), ("method", self.method)):
            combo.activated.connect(lambda _i, n=name, c=combo: self._commit(n, c.currentText()))
            line = combo.lineEdit()
            if line is not None:
                line.editingFinished.connect(
                    lambda n=name, c=combo: self._commit(n, c.currentText()))
        self.facilitator_only.toggled.connect(
            lambda on: self._commit("facilitator_only", bool(on)))
        self.pinned.toggled.connect(self._on_pin_toggled)
        self.pinned_at.editingFinished.connect(self._on_pin_time)
        self.board.activated.connect(lambda _i: self._commit("board_id", _chosen(self.board)))
        self.ballot.activated.connect(lambda _i: self._commit("ballot_id", _chosen(self.ballot)))
        self.materials.edited.connect(self._save_materials)
        self.tracks.split_requested.connect(self.open_split_dialog)
        self.tracks.add_requested.connect(self._add_track)
        self.tracks.remove_requested.connect(
            lambda track_id: self.bridge.run(ops.delete_track(track_id)))
        self.tracks.join_requested.connect(self._join_tracks)
        self.tracks.edited.connect(self._edit_track)

    # ----------------------------------------------------------------- showing

    def set_choices(self, boards: tuple[Choice, ...], ballots: tuple[Choice, ...],
                    categories: Sequence[str], methods: Sequence[str]) -> None:
        """What the combo boxes offer: the workshop's boards and ballots, the categories
        in use (and the usual ones), and the methods of the library."""
        self._boards, self._ballots = boards, ballots
        for combo, items in ((self.category, categories), (self.method, methods)):
            if [combo.itemText(i) for i in range(combo.count())] == list(items):
                continue
            text = combo.currentText()
            blocked = combo.blockSignals(True)
            combo.clear()
            combo.addItems(list(items))
            combo.setCurrentIndex(-1)
            combo.setEditText(text)
            combo.blockSignals(blocked)
        self._shown.pop("board_id", None)
        self._shown.pop("ballot_id", None)
        if self.block is not None:
            self._show_values(self.block)

    def show_block(self, block: BlockView, start: int, timing: str,
                   warnings: Sequence[str]) -> None:
        """Show a block as stored, its computed times and its warnings."""
        if self.block is None or block.id != self.block.id:
            self.flush()
            self._shown = {}
            self.tracks.forget()
            self.materials.forget()
            self.duration_error.hide()
        self.block = block
        self._start = dt.time(start // 60 % 24, start % 60)
        self.heading.setText(block.title)
        self.timing.setText(timing)
        self.warnings.setText("\n".join(f"⚠ {text}" for text in warnings))
        self.warnings.setVisible(bool(warnings))
        self._show_values(block)

    def _show_values(self, block: BlockView) -> None:
        fields: tuple[tuple[str, Any, Callable[[Any], None]], ...] = (
                ("title", block.title, lambda v: _set_text(self.title, v)),
                ("duration_min", block.duration_min, self._show_duration),
                ("category", block.category, lambda v: self._show_combo(self.category, v)),
                ("method", block.method, lambda v: self._show_combo(self.method, v)),
                ("room", block.room, lambda v: _set_text(self.room, v)),
                ("responsible", block.responsible, lambda v: _set_text(self.responsible, v)),
                ("facilitator_only", block.facilitator_only, self._show_check),
                ("goal", block.goal, lambda v: _set_text(self.goal, v)),
                ("notes", block.notes, lambda v: _set_text(self.notes, v)),
                ("pinned_at", block.pinned_at, self._show_pin),
                ("board_id", block.board_id,
                 lambda v: _fill_choices(self.board, self.tr("(none)"), self._boards, v)),
                ("ballot_id", block.ballot_id,
                 lambda v: _fill_choices(self.ballot, self.tr("(none)"), self._ballots, v)))
        for name, value, show in fields:
            if self._shown.get(name, _UNSET) != value:
                self._shown[name] = value
                show(value)
        if block.pinned_at is None and not self.pinned_at.hasFocus():
            self._set_time(self._start)
        self.room.setEnabled(not block.is_split)
        self.room.setPlaceholderText(self.tr("each working group has its own room")
                                     if block.is_split else "")
        self.materials.show_materials(block.materials)
        self.tracks.show_tracks(block.tracks, self._boards)

    def _show_duration(self, minutes: int) -> None:
        blocked = self.duration.blockSignals(True)
        self.duration.setValue(minutes)
        self.duration.blockSignals(blocked)

    def _show_combo(self, combo: QComboBox, text: str) -> None:
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(combo.findText(text))
        combo.setEditText(text)
        combo.blockSignals(blocked)

    def _show_check(self, on: bool) -> None:
        blocked = self.facilitator_only.blockSignals(True)
        self.facilitator_only.setChecked(on)
        self.facilitator_only.blockSignals(blocked)

    def _show_pin(self, pinned_at: dt.time | None) -> None:
        blocked = self.pinned.blockSignals(True)
        self.pinned.setChecked(pinned_at is not None)
        self.pinned.blockSignals(blocked)
        self._set_time(pinned_at or self._start)

    def _set_time(self, value: dt.time) -> None:
        blocked = self.pinned_at.blockSignals(True)
        self.pinned_at.setTime(_qtime(value))
        self.pinned_at.blockSignals(blocked)

    def focus_title(self) -> None:
        """The title to type over, selected from its end back to its start: a long title
        shows its beginning, not its end."""
        self.title.setFocus(Qt.FocusReason.ShortcutFocusReason)
        length = len(self.title.text())
        self.title.setSelection(length, -length)

    def _title_left(self) -> None:
        """A title typed in is saved; left, the field shows its beginning again."""
        self._commit("title", self.title.text())
        if not self.title.hasFocus():
            self.title.setCursorPosition(0)

    # ----------------------------------------------------------------- saving

    def _commit(self, name: str, value: Any,
                operation: Callable[[uuid.UUID], Operation] | None = None) -> None:
        """Save one field as one operation, unless the store holds that value already."""
        block = self.block
        if isinstance(value, str) and name not in ("goal", "notes"):
            value = value.strip()
        if block is None or self._shown.get(name, _UNSET) == value:
            return
        self._shown[name] = value
        made = operation(block.id) if operation else ops.update_block(block.id, **{name: value})
        if not self.bridge.run(made):
            # Refused (an empty title ...): the message is shown; show what is stored.
            self._shown.pop(name, None)
            self._show_values(block)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """An emptied duration field: noted before the spin box quietly puts the old value
        back (on leaving it or on Enter), so the facilitator is told why."""
        if watched is self.duration and event.type() in (QEvent.Type.FocusOut,
                                                          QEvent.Type.KeyPress):
            keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if (event.type() == QEvent.Type.FocusOut
                    or (isinstance(event, QKeyEvent) and event.key() in keys)):
                self._duration_blank = not self.duration.cleanText().strip()
        return super().eventFilter(watched, event)

    def _commit_duration(self) -> None:
        minutes = self.duration.value()
        blank, self._duration_blank = self._duration_blank, False
        if blank or minutes < 1:
            self._refuse_duration()
            return
        self.duration_error.hide()
        self._commit("duration_min", minutes)

    def _refuse_duration(self) -> None:
        """No block without time: say so beside the field and keep the stored duration."""
        block = self.block
        if block is None:
            return
        self.duration_error.setText(self.tr(
            "A block needs a duration of at least 1 minute; it keeps its {minutes} min.")
            .format(minutes=block.duration_min))
        self.duration_error.show()
        self._show_duration(block.duration_min)
        self.previewed.emit(block.id, block.duration_min)  # the preview ends

    def _preview_duration(self, minutes: int) -> None:
        if self.block is not None and minutes >= 1:
            self.duration_error.hide()
            self.previewed.emit(self.block.id, minutes)

    def _on_pin_toggled(self, on: bool) -> None:
        if on:
            at = _time(self.pinned_at.time())
            self._commit("pinned_at", at, lambda block_id: ops.pin_block(block_id, at))
        else:
            self._commit("pinned_at", None, ops.unpin_block)

    def _on_pin_time(self) -> None:
        """A start typed in fixes the block there; the computed start left as it is
        changes nothing."""
        at = _time(self.pinned_at.time())
        if self.pinned.isChecked() or at != self._start:
            self._commit("pinned_at", at, lambda block_id: ops.pin_block(block_id, at))

    def _save_materials(self, specs: tuple[ops.MaterialSpec, ...]) -> None:
        block = self.block
        if block is not None and not self.bridge.run(ops.set_materials(block.id, specs)):
            self.materials.show_materials(block.materials, force=True)

    def flush(self) -> None:
        """Save what is typed but not saved yet: before another block is shown and before
        any other change (undo, delete, a new block)."""
        if self.block is None:
            return
        for saver in self.findChildren(_TextSaver):
            saver.flush()
        self._commit("title", self.title.text())
        self._commit("room", self.room.text())
        self._commit("responsible", self.responsible.text())
        self._commit("category", self.category.currentText())
        self._commit("method", self.method.currentText())
        self.duration.interpretText()
        if self.duration.value() >= 1:
            self._commit_duration()
        self.pinned_at.interpretText()
        self._on_pin_time()

    # ----------------------------------------------------------------- working groups

    def group_title(self, number: int) -> str:
        return self.tr("Working group {number}").format(number=number)

    def open_split_dialog(self) -> SplitDialog | None:
        """Ask for the groups (without blocking: tests and screen readers can reach it)."""
        if self.block is None:
            return None
        block_id = self.block.id
        dialog = SplitDialog(self.group_title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.bridge.run(ops.split_block(block_id, dialog.specs())))
        dialog.finished.connect(lambda _result: setattr(self, "split_dialog", None))
        self.split_dialog = dialog
        dialog.open()
        return dialog

    def _add_track(self) -> None:
        if self.block is not None:
            spec = ops.TrackSpec(self.group_title(len(self.block.tracks) + 1))
            self.bridge.run(ops.add_track(self.block.id, spec))

    def _join_tracks(self) -> None:
        if self.block is not None:
            self.bridge.run(ops.join_tracks(self.block.id))

    def _edit_track(self, track_id: uuid.UUID, changes: dict[str, Any]) -> None:
        if not self.bridge.run(ops.update_track(track_id, **changes)) and self.block:
            # Refused (an empty title ...): show what is stored again.
            self.tracks.forget()
            self.tracks.show_tracks(self.block.tracks, self._boards)

    # ----------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = {
            "title": self.tr("&Title"), "duration": self.tr("&Duration"),
            "pinned": self.tr("&Start"), "category": self.tr("&Category"),
            "method": self.tr("&Method"), "room": self.tr("&Room"),
            "responsible": self.tr("Res&ponsible"), "facilitator_only": self.tr("Internal"),
            "goal": self.tr("&Goal"), "notes": self.tr("&Notes"),
            "board": self.tr("&Board"), "ballot": self.tr("B&allot")}
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setToolTip(self.tr("Minutes; the times of the blocks after it follow"))
        self.pinned.setText(self.tr("fi&xed"))
        self.pinned.setToolTip(self.tr(
            "The block starts at this clock time whatever comes before it (lunch at 12:30); "
            "gaps and overlaps are shown as warnings"))
        self.pinned_at.setToolTip(self.tr(
            "When the block starts; a time typed in here fixes it (like lunch at 12:30)"))
        self.facilitator_only.setText(self.tr("for facilitators only"))
        self.facilitator_only.setToolTip(self.tr(
            "Left out of the participants' handout; kept in the facilitators' run sheet"))
        self.category.setToolTip(self.tr("Blocks of one category share a colour"))
        self.board.setToolTip(self.tr("The board shown when this block starts"))
        self.ballot.setToolTip(self.tr("The ballot opened when this block starts"))
        self.materials_box.setTitle(self.tr("Materials"))
        self.tracks_box.setTitle(self.tr("Working groups"))
        if self.block is not None:
            self._shown.pop("board_id", None)
            self._shown.pop("ballot_id", None)
            self._show_values(self.block)


# --------------------------------------------------------------------------- day


class DayEditor(QWidget):
    """A day's date and start time, its totals, and what can be done with the day."""

    def __init__(self, bridge: StoreBridge, actions: Sequence[QAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayEditor")
        self.bridge = bridge
        self.day: DayView | None = None
        self._shown: dict[str, Any] = {}
        self.heading = _heading(self)
        self.date = OptionalDateEdit(self)
        self.date.setObjectName("dayDate")
        self.starts_at = QTimeEdit(self)
        self.starts_at.setObjectName("dayStart")
        self.starts_at.setDisplayFormat("HH:mm")
        self.summary = QLabel(self)
        self.summary.setObjectName("daySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.date_label, self.start_label = QLabel(self), QLabel(self)
        self.date_label.setBuddy(self.date.edit)
        self.start_label.setBuddy(self.starts_at)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.date_label, self.date)
        form.addRow(self.start_label, self.starts_at)
        buttons = QVBoxLayout()
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.date.edited.connect(lambda value: self._commit("day", value))
        self.starts_at.editingFinished.connect(
            lambda: self._commit("starts_at", _time(self.starts_at.time())))
        self.retranslate()

    def show_day(self, day: DayView, title: str, summary: str) -> None:
        if self.day is None or day.id != self.day.id:
            self.flush()
            self._shown = {}
        self.day = day
        self.heading.setText(title)
        self.summary.setText(summary)
        if self._shown.get("day", _UNSET) != day.day:
            self._shown["day"] = day.day
            self.date.set_value(day.day)
        if self._shown.get("starts_at", _UNSET) != day.starts_at:
            self._shown["starts_at"] = day.starts_at
            blocked = self.starts_at.blockSignals(True)
            self.starts_at.setTime(_qtime(day.starts_at))
            self.starts_at.blockSignals(blocked)

    def _commit(self, name: str, value: Any) -> None:
        day = self.day
        if day is None or self._shown.get(name, _UNSET) == value:
            return
        self._shown[name] = value
        if not self.bridge.run(ops.update_day(day.id, **{name: value})):
            self._shown.pop(name, None)
            self.show_day(day, self.heading.text(), self.summary.text())

    def flush(self) -> None:
        if self.day is not None:
            self.starts_at.interpretText()
            self._commit("starts_at", _time(self.starts_at.time()))
            self.date.commit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.date_label.setText(self.tr("&Date"))
        self.start_label.setText(self.tr("&Starts at"))
        self.starts_at.setToolTip(self.tr("The first block starts at this time; the others "
                                          "follow"))
