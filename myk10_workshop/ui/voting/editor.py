"""The ballot editor: question, kind, rules and options of the selected ballot.

Every edit is saved as it happens (one undoable operation each): text when the field is
left or Enter is pressed, numbers after a short pause. The editor never writes itself; it
asks the bridge, and shows what the store then holds.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.board.queries import BoardInfo
from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store.schema import BallotKind, BallotStatus
from myk10_workshop.ui.bridge import StoreBridge, render
from myk10_workshop.voting import operations as voting
from myk10_workshop.voting import rules
from myk10_workshop.voting.present import KIND_NAMES
from myk10_workshop.voting.queries import BallotView

# How long number fields wait after the last click or key before saving.
NUMBER_SAVE_DELAY_MS = 600

# (setting, kind of field, minimum, maximum, label); 0 in an optional number means "no limit".
_SETTINGS: dict[str, tuple[tuple[str, str, int, int, Message], ...]] = {
    BallotKind.DOTS.value: (
        ("dots_per_person", "int", 1, rules.MAX_DOTS,
         QT_TRANSLATE_NOOP("BallotEditor", "Dots per person")),
        ("max_per_option", "int", 1, rules.MAX_DOTS,
         QT_TRANSLATE_NOOP("BallotEditor", "At most per option")),
    ),
    BallotKind.MULTIPLE.value: (
        ("max_choices", "optional", 0, rules.MAX_OPTIONS_SETTING,
         QT_TRANSLATE_NOOP("BallotEditor", "At most choices (0: any number)")),
    ),
    BallotKind.RATING.value: (
        ("scale_min", "int", -rules.SCALE_LIMIT, rules.SCALE_LIMIT,
         QT_TRANSLATE_NOOP("BallotEditor", "Lowest rating")),
        ("scale_max", "int", -rules.SCALE_LIMIT, rules.SCALE_LIMIT,
         QT_TRANSLATE_NOOP("BallotEditor", "Highest rating")),
        ("label_low", "label", 0, 0, QT_TRANSLATE_NOOP("BallotEditor", "Word for the lowest")),
        ("label_high", "label", 0, 0,
         QT_TRANSLATE_NOOP("BallotEditor", "Word for the highest")),
    ),
    BallotKind.RANKING.value: (
        ("max_ranked", "optional", 0, rules.MAX_OPTIONS_SETTING,
         QT_TRANSLATE_NOOP("BallotEditor", "Places to give (0: all options)")),
    ),
    BallotKind.POINTS.value: (
        ("total", "int", 1, rules.MAX_POINTS,
         QT_TRANSLATE_NOOP("BallotEditor", "Points per person")),
    ),
    BallotKind.MATRIX.value: (
        ("x_label", "text", 0, 0, QT_TRANSLATE_NOOP("BallotEditor", "Across (x axis)")),
        ("x_low", "text", 0, 0, QT_TRANSLATE_NOOP("BallotEditor", "Left end")),
        ("x_high", "text", 0, 0, QT_TRANSLATE_NOOP("BallotEditor", "Right end")),
        ("y_label", "text", 0, 0, QT_TRANSLATE_NOOP("BallotEditor", "Up (y axis)")),
        ("y_low", "text", 0, 0, QT_TRANSLATE_NOOP("BallotEditor", "Bottom end")),
        ("y_high", "text", 0, 0, QT_TRANSLATE_NOOP("BallotEditor", "Top end")),
    ),
    BallotKind.OPEN_TEXT.value: (
        ("max_length", "int", 1, rules.MAX_IDEA_LENGTH,
         QT_TRANSLATE_NOOP("BallotEditor", "Longest idea (characters)")),
    ),
}


class BallotEditor(QWidget):
    # The facilitator wants options made from the board ("clusters" or "ideas").
    options_from_board = Signal(str)

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ballotEditor")
        self.bridge = bridge
        self.view: BallotView | None = None
        self.boards: tuple[BoardInfo, ...] = ()
        self._setting_widgets: dict[str, QWidget] = {}
        self._showing = False
        self._build_fields()
        self._build_options()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.settings_form)
        layout.addWidget(self.options_label)
        layout.addWidget(self.options, 1)
        layout.addLayout(self.adding_row)
        layout.addLayout(self.board_row)
        self._pending_numbers: dict[str, int] = {}
        self._number_timer = QTimer(self)
        self._number_timer.setSingleShot(True)
        self._number_timer.setInterval(NUMBER_SAVE_DELAY_MS)
        self._number_timer.timeout.connect(self.flush)
        self.retranslate()
        self.show_ballot(None, ())

    def _build_fields(self) -> None:
        self.title = QLineEdit(self)
        self.title.setObjectName("ballotTitle")
        self.title.editingFinished.connect(lambda: self._save_text("title", self.title))
        self.question = QLineEdit(self)
        self.question.setObjectName("ballotQuestion")
        self.question.editingFinished.connect(lambda: self._save_text("question",
                                                                      self.question))
        self.kind = QComboBox(self)
        self.kind.setObjectName("ballotKind")
        for kind in KIND_NAMES:
            self.kind.addItem("", kind)
        self.kind.activated.connect(self._save_kind)
        self.board = QComboBox(self)
        self.board.setObjectName("ballotBoard")
        self.board.activated.connect(self._save_board)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title_label = QLabel(self)
        self.question_label = QLabel(self)
        self.kind_label = QLabel(self)
        self.board_label = QLabel(self)
        for label, field in ((self.title_label, self.title),
                             (self.question_label, self.question),
                             (self.kind_label, self.kind), (self.board_label, self.board)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.settings_form = QFormLayout()
        self.settings_form.setFieldGrowthPolicy(
            QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.settings_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

    def _build_options(self) -> None:
        self.options_label = QLabel(self)
        self.options_label.setObjectName("optionsLabel")
        self.options = QListWidget(self)
        self.options.setObjectName("ballotOptions")
        self.options.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                     | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.options.itemChanged.connect(self._rename_option)
        self.options.installEventFilter(self)
        self.new_option = QLineEdit(self)
        self.new_option.setObjectName("newOption")
        self.new_option.returnPressed.connect(self.add_option)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_option)
        self.delete_option_button = QPushButton(self)
        self.delete_option_button.clicked.connect(self.delete_option)
        self.from_clusters = QPushButton(self)
        self.from_clusters.clicked.connect(lambda: self.options_from_board.emit("clusters"))
        self.from_ideas = QPushButton(self)
        self.from_ideas.clicked.connect(lambda: self.options_from_board.emit("ideas"))
        self.adding_row = QHBoxLayout()
        self.adding_row.addWidget(self.new_option, 1)
        self.adding_row.addWidget(self.add_button)
        self.board_row = QHBoxLayout()
        self.board_row.addWidget(self.from_clusters)
        self.board_row.addWidget(self.from_ideas)
        self.board_row.addStretch(1)
        self.board_row.addWidget(self.delete_option_button)

    # ----------------------------------------------------------------- showing

    def show_ballot(self, view: BallotView | None, boards: Sequence[BoardInfo]) -> None:
        self.flush()
        changed_ballot = (view is None or self.view is None
                          or self.view.ballot.id != view.ballot.id)
        self.view = view
        self.boards = tuple(boards)
        self._showing = True
        try:
            self._show(view, changed_ballot)
        finally:
            self._showing = False

    def _show(self, view: BallotView | None, changed_ballot: bool) -> None:
        self.setEnabled(view is not None)
        if view is None:
            for line in (self.title, self.question, self.new_option):
                line.clear()
            self.options.clear()
            self._build_settings(None)
            return
        ballot = view.ballot
        _set_text(self.title, ballot.title, force=changed_ballot)
        _set_text(self.question, ballot.question, force=changed_ballot)
        self.kind.setCurrentIndex(max(0, self.kind.findData(ballot.kind)))
        self.kind.setEnabled(ballot.status == BallotStatus.DRAFT)
        self.board.clear()
        self.board.addItem(self.tr("No board"), None)
        for board in self.boards:
            self.board.addItem(board.title, str(board.id))
        self.board.setCurrentIndex(max(0, self.board.findData(
            str(ballot.board_id) if ballot.board_id else None)))
        self._build_settings(ballot.kind)
        self._show_settings(ballot.settings)
        self.options.blockSignals(True)
        self.options.clear()
        for option in view.options:
            item = QListWidgetItem(option.label)
            item.setData(Qt.ItemDataRole.UserRole, str(option.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.options.addItem(item)
        self.options.blockSignals(False)
        has_options = ballot.kind != BallotKind.OPEN_TEXT
        for widget in (self.options_label, self.options, self.new_option, self.add_button,
                       self.delete_option_button, self.from_clusters, self.from_ideas):
            widget.setVisible(has_options)
        self.from_clusters.setEnabled(ballot.board_id is not None)
        self.from_ideas.setEnabled(ballot.board_id is not None)

    def _build_settings(self, kind: str | None) -> None:
        if kind is not None and list(self._setting_widgets) == [
                spec[0] for spec in _SETTINGS.get(kind, ())]:
            return
        while self.settings_form.rowCount():
            self.settings_form.removeRow(0)
        self._setting_widgets = {}
        for name, field, low, high, label in _SETTINGS.get(kind or "", ()):
            widget: QWidget
            if field in ("int", "optional"):
                spin = QSpinBox(self)
                spin.setRange(low, high)
                if field == "optional":
                    spin.setSpecialValueText(self.tr("no limit"))
                spin.valueChanged.connect(lambda value, n=name: self._number_changed(n, value))
                widget = spin
            else:
                line = QLineEdit(self)
                line.setMaxLength(rules.SETTING_TEXT_LENGTH)
                line.editingFinished.connect(lambda n=name, w=line: self._text_setting(n, w))
                widget = line
            widget.setObjectName(f"setting_{name}")
            caption = QLabel(render(label), self)
            caption.setBuddy(widget)
            self.settings_form.addRow(caption, widget)
            self._setting_widgets[name] = widget

    def _show_settings(self, settings: Any) -> None:
        for name, widget in self._setting_widgets.items():
            value = _setting_value(settings, name)
            if isinstance(widget, QSpinBox):
                if name not in self._pending_numbers:
                    widget.blockSignals(True)
                    widget.setValue(int(value or 0))
                    widget.blockSignals(False)
            elif isinstance(widget, QLineEdit):
                _set_text(widget, str(value or ""), force=False)

    # ----------------------------------------------------------------- saving

    def _run(self, make: Callable[[uuid.UUID], Any]) -> None:
        if self.view is not None and not self._showing:
            self.bridge.run(make(self.view.ballot.id))

    def _save_text(self, name: str, line: QLineEdit) -> None:
        if self.view is None or self._showing:
            return
        text = line.text().strip()
        if text != getattr(self.view.ballot, name):
            self._run(lambda ballot_id: voting.edit_ballot(ballot_id, **{name: text}))

    def _save_kind(self, _index: int) -> None:
        kind = self.kind.currentData()
        if self.view is not None and kind != self.view.ballot.kind:
            self._run(lambda ballot_id: voting.edit_ballot(ballot_id, kind=kind))

    def _save_board(self, _index: int) -> None:
        value = self.board.currentData()
        board_id = uuid.UUID(value) if value else None
        if self.view is not None and board_id != self.view.ballot.board_id:
            self._run(lambda ballot_id: voting.edit_ballot(ballot_id, board_id=board_id))

    def _number_changed(self, name: str, value: int) -> None:
        if self._showing:
            return
        self._pending_numbers[name] = value
        self._number_timer.start()

    def _text_setting(self, name: str, line: QLineEdit) -> None:
        if self.view is None or self._showing:
            return
        text = line.text().strip()
        if text != str(_setting_value(self.view.ballot.settings, name) or ""):
            self._save_settings({name: text})

    def flush(self) -> None:
        """Save number fields now (they otherwise wait a moment for more clicks)."""
        self._number_timer.stop()
        pending, self._pending_numbers = self._pending_numbers, {}
        if pending and self.view is not None:
            values: dict[str, Any] = {name: (value or None) if _optional(name) else value
                                      for name, value in pending.items()}
            self._save_settings(values)

    def _save_settings(self, values: dict[str, Any]) -> None:
        assert self.view is not None
        settings = dict(self.view.ballot.settings)
        labels = dict(settings.get("labels") or {})
        for name, value in values.items():
            if name == "label_low":
                _set_label(labels, str(settings.get("scale_min", 1)), value)
            elif name == "label_high":
                _set_label(labels, str(settings.get("scale_max", 5)), value)
            else:
                settings[name] = value
        if self.view.ballot.kind == BallotKind.RATING:
            # Labels belong to the ends of the scale: keep them there when the ends move.
            low, high = str(settings["scale_min"]), str(settings["scale_max"])
            old = self.view.ballot.settings
            old_low = labels.pop(str(old.get("scale_min")), "")
            old_high = labels.pop(str(old.get("scale_max")), "")
            labels = {key: text for key, text in labels.items() if key in (low, high)}
            _set_label(labels, low, str(values.get("label_low", old_low)))
            _set_label(labels, high, str(values.get("label_high", old_high)))
            settings["labels"] = labels
        self._run(lambda ballot_id: voting.edit_ballot(ballot_id, settings=settings))

    def add_option(self) -> None:
        text = self.new_option.text().strip()
        if not text or self.view is None:
            return
        self.new_option.clear()
        self._run(lambda ballot_id: voting.add_option(ballot_id, text))

    def delete_option(self) -> None:
        item = self.options.currentItem()
        if item is not None:
            option_id = uuid.UUID(item.data(Qt.ItemDataRole.UserRole))
            self.bridge.run(voting.delete_option(option_id))

    def _rename_option(self, item: QListWidgetItem) -> None:
        if self._showing or self.view is None:
            return
        option_id = uuid.UUID(item.data(Qt.ItemDataRole.UserRole))
        old = next((o.label for o in self.view.options if o.id == option_id), None)
        if old is not None and item.text().strip() != old:
            self.bridge.run(voting.rename_option(option_id, item.text()))

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if (watched is self.options and event.type() == QEvent.Type.KeyPress
                and getattr(event, "key", lambda: None)() == Qt.Key.Key_Delete
                and self.options.state() != QAbstractItemView.State.EditingState):
            self.delete_option()
            return True
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("&Title"))
        self.question_label.setText(self.tr("&Question"))
        self.question.setPlaceholderText(self.tr("What participants see above the options"))
        self.kind_label.setText(self.tr("&Kind"))
        self.board_label.setText(self.tr("&Board"))
        for index in range(self.kind.count()):
            self.kind.setItemText(index, render(KIND_NAMES[self.kind.itemData(index)]))
        self.options_label.setText(self.tr("Options (double-click to rename)"))
        self.new_option.setPlaceholderText(self.tr("New option, Enter adds it"))
        self.add_button.setText(self.tr("&Add option"))
        self.delete_option_button.setText(self.tr("Delete option"))
        self.from_clusters.setText(self.tr("+ &Clusters"))
        self.from_clusters.setToolTip(self.tr("Add the board's clusters as options"))
        self.from_ideas.setText(self.tr("+ &Notes"))
        self.from_ideas.setToolTip(self.tr("Add the board's notes as options"))
        kind = self.view.ballot.kind if self.view is not None else None
        self._setting_widgets = {}
        self._build_settings(kind)
        if self.view is not None:
            self._showing = True
            try:
                self._show_settings(self.view.ballot.settings)
            finally:
                self._showing = False


def _set_text(line: QLineEdit, text: str, *, force: bool) -> None:
    """Show the stored text, unless the user is typing in the field."""
    if (force or not line.hasFocus()) and line.text() != text:
        line.setText(text)


def _optional(name: str) -> bool:
    return any(spec[0] == name and spec[1] == "optional"
               for specs in _SETTINGS.values() for spec in specs)


def _setting_value(settings: Any, name: str) -> Any:
    if name == "label_low":
        return (settings.get("labels") or {}).get(str(settings.get("scale_min")), "")
    if name == "label_high":
        return (settings.get("labels") or {}).get(str(settings.get("scale_max")), "")
    return settings.get(name)


def _set_label(labels: dict[str, str], key: str, text: str) -> None:
    if text:
        labels[key] = text
    else:
        labels.pop(key, None)
