"""Forms for the selected project, workshop or field of action; every edit saves at once.

A form shows a snapshot node and asks for changes through :attr:`DetailsForm.edited`; it
never writes to the store itself. Text is committed when the field loses focus, when Enter
is pressed, or after a short pause in typing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QColorDialog,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.projects.operations import FIELD_COLOURS
from myk10_workshop.projects.queries import FieldNode, ProjectCounts, ProjectNode, WorkshopNode
from myk10_workshop.ui.colours import swatch

# How long typing may pause before a multi-line text is saved.
TEXT_SAVE_DELAY_MS = 800
_NO_DATE = QDate(1900, 1, 1)


class _DateField(QDateEdit):
    """Tells when the user starts to set a date (click, arrow keys, typing a digit)."""

    began = Signal()
    _STEP_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.began.emit()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in self._STEP_KEYS or event.text().isdigit():
            self.began.emit()
        super().keyPressEvent(event)


class OptionalDateEdit(QWidget):
    """A date that may be left open; shows a dash when there is none.

    Setting an open date starts from today (not from the year 1900 that stands for "no
    date"); if the user then leaves without changing anything, the date stays open.
    """

    edited = Signal(object)  # dt.date | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _DateField(self)
        self.edit.setCalendarPopup(True)
        # Without this, a click into the text steps the date (the spin box's hidden buttons
        # cover it); the keyboard arrows still step.
        self.edit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText("–")
        self.edit.setDisplayFormat("dd.MM.yyyy")
        self.edit.setDate(_NO_DATE)
        self.edit.setMinimumWidth(170)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.clicked.connect(self._clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.edit.began.connect(self._begin)
        self.edit.dateChanged.connect(self._on_date_changed)
        self.edit.editingFinished.connect(self.commit)
        self.edit.calendarWidget().clicked.connect(self._on_calendar_clicked)
        self._value: dt.date | None = None
        self._provisional = False
        self.retranslate()

    def retranslate(self) -> None:
        self.clear_button.setToolTip(self.tr("Remove the date"))
        self.clear_button.setAccessibleName(self.tr("Remove the date"))

    def value(self) -> dt.date | None:
        date = self.edit.date()
        if date == _NO_DATE or self._provisional:
            return None
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        self._value = value
        self._provisional = False
        self._show(QDate(value.year, value.month, value.day) if value else _NO_DATE)

    def commit(self) -> None:
        """Report the date if the user changed it."""
        if self._provisional:
            # Opened at today's date but left unchanged: the date stays open.
            self._provisional = False
            self._show(_NO_DATE)
        value = self.value()
        if value != self._value:
            self._value = value
            self.edited.emit(value)

    def _show(self, date: QDate) -> None:
        blocked = self.edit.blockSignals(True)
        self.edit.setDate(date)
        self.edit.blockSignals(blocked)

    def _begin(self) -> None:
        if self.edit.date() == _NO_DATE:
            self._provisional = True
            self._show(QDate.currentDate())

    def _on_date_changed(self, _date: QDate) -> None:
        self._provisional = False

    def _on_calendar_clicked(self, _date: QDate) -> None:
        self._provisional = False
        self.commit()

    def _clear(self) -> None:
        self._provisional = False
        self._show(_NO_DATE)
        self.commit()


class _TextCommitter(QObject):
    """Saves a QPlainTextEdit after a pause in typing or when it loses focus."""

    def __init__(self, editor: QPlainTextEdit, commit: Any) -> None:
        super().__init__(editor)
        self._editor = editor
        self._commit = commit
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        editor.textChanged.connect(self._on_changed)
        editor.installEventFilter(self)
        self.suspended = False

    def _on_changed(self) -> None:
        if not self.suspended:
            self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        self._commit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._timer.isActive():
            self.flush()
        return False


class DetailsForm(QWidget):
    """Base of the three forms: a heading, a form layout, edits reported as changes."""

    # kind, id, {field: value}
    edited = Signal(str, object, dict)

    kind = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entity_id: uuid.UUID | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("formHeading")
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.heading.setFont(font)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addLayout(self.form)
        outer.addStretch(1)
        self._committers: list[_TextCommitter] = []
        self._lines: dict[str, QLineEdit] = {}
        self._dates: dict[str, OptionalDateEdit] = {}
        self._shown: dict[str, Any] = {}

    def _line(self, name: str) -> QLineEdit:
        # No maxLength: Qt would cut pasted text silently (and counts emoji twice); the
        # store's rules refuse text that is too long with a message instead.
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.editingFinished.connect(lambda: self._changed(name, edit.text().strip()))
        self._lines[name] = edit
        return edit

    def _text(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(90)
        committer = _TextCommitter(edit, lambda: self._changed(name, edit.toPlainText()))
        self._committers.append(committer)
        return edit

    def _date(self, name: str) -> OptionalDateEdit:
        edit = OptionalDateEdit(self)
        edit.setObjectName(name)
        edit.edited.connect(lambda value: self._changed(name, value))
        self._dates[name] = edit
        return edit

    def _changed(self, name: str, value: Any) -> None:
        if self.entity_id is None or self._shown.get(name) == value:
            return
        # What the store will hold once this is saved; its echo must not disturb typing.
        self._shown[name] = value
        self.edited.emit(self.kind, self.entity_id, {name: value})

    def flush(self) -> None:
        """Save whatever is typed but not yet saved: before the form shows another entity,
        and before any other change (undo, delete, new entry) is made."""
        for committer in self._committers:
            committer.flush()
        for name, line in self._lines.items():
            self._changed(name, line.text().strip())
        for date in self._dates.values():
            date.commit()

    def _show_values(self, entity_id: uuid.UUID, values: dict[str, Any]) -> None:
        """Show the stored values; a field changes only when the store's value changed.

        A refresh caused by another edit (or the echo of this field's own save) must not
        overwrite what the user is typing; an undo or a refused edit must show through.
        """
        if entity_id != self.entity_id:
            self.flush()
            self._shown = {}
        self.entity_id = entity_id
        for name, value in values.items():
            if name in self._shown and self._shown[name] == value:
                continue
            self._shown[name] = value
            widget = self.findChild(QWidget, name)
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QPlainTextEdit):
                committer = next(c for c in self._committers if c.parent() is widget)
                committer.suspended = True
                widget.setPlainText(value)
                committer.suspended = False
            elif isinstance(widget, OptionalDateEdit):
                widget.set_value(value)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class ProjectForm(DetailsForm):
    kind = "project"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = self._line("name")
        self.starts_on = self._date("starts_on")
        self.ends_on = self._date("ends_on")
        self.description = self._text("description")
        self._labels = [QLabel(self) for _ in range(4)]
        for label, widget in zip(self._labels, (self.name, self.starts_on, self.ends_on,
                                                self.description), strict=True):
            label.setBuddy(widget.edit if isinstance(widget, OptionalDateEdit) else widget)
            self.form.addRow(label, widget)
        self.contents_heading = QLabel(self)
        font = self.contents_heading.font()
        font.setBold(True)
        self.contents_heading.setFont(font)
        self.form.addRow(self.contents_heading)
        self.count_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for name in ProjectCounts.__dataclass_fields__:
            caption, value = QLabel(self), QLabel(self)
            value.setObjectName(f"count_{name}")
            self.count_labels[name] = (caption, value)
            self.form.addRow(caption, value)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Project"))
        for label, text in zip(self._labels, (self.tr("&Name"), self.tr("&Start"),
                                              self.tr("&End"), self.tr("&Description")),
                               strict=True):
            label.setText(text)
        self.contents_heading.setText(self.tr("In this project"))
        captions = self._count_captions()
        for name, (caption, _value) in self.count_labels.items():
            caption.setText(captions[name])

    def show_node(self, node: ProjectNode) -> None:
        self._show_values(node.id, {"name": node.name, "starts_on": node.starts_on,
                                    "ends_on": node.ends_on, "description": node.description})

    def show_counts(self, counts: ProjectCounts | None) -> None:
        for name, (_caption, value) in self.count_labels.items():
            value.setText("–" if counts is None else str(getattr(counts, name)))

    def _count_captions(self) -> dict[str, str]:
        return {
            "workshops": self.tr("Workshops"), "fields": self.tr("Fields of action"),
            "boards": self.tr("Boards"), "ideas": self.tr("Ideas"),
            "ballots": self.tr("Ballots"), "measures": self.tr("Measures"),
            "milestones": self.tr("Milestones"),
        }


class WorkshopForm(DetailsForm):
    kind = "workshop"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self._line("title")
        self.venue = self._line("venue")
        self.starts_on = self._date("starts_on")
        self.ends_on = self._date("ends_on")
        self.description = self._text("description")
        self._labels = [QLabel(self) for _ in range(5)]
        for label, widget in zip(self._labels, (self.title, self.venue, self.starts_on,
                                                self.ends_on, self.description), strict=True):
            label.setBuddy(widget.edit if isinstance(widget, OptionalDateEdit) else widget)
            self.form.addRow(label, widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Workshop"))
        for label, text in zip(self._labels, (
                self.tr("&Title"), self.tr("&Venue"), self.tr("&First day"),
                self.tr("&Last day"), self.tr("&Description")), strict=True):
            label.setText(text)

    def show_node(self, node: WorkshopNode) -> None:
        self._show_values(node.id, {"title": node.title, "venue": node.venue,
                                    "starts_on": node.starts_on, "ends_on": node.ends_on,
                                    "description": node.description})


class FieldForm(DetailsForm):
    kind = "field_of_action"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = self._line("name")
        self.colour = QToolButton(self)
        self.colour.setObjectName("colour")
        self.colour.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # A wide swatch says more to a facilitator than a colour code.
        self.colour.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.colour.setIconSize(QSize(56, 20))
        self._colour_menu = QMenu(self)
        self.colour.setMenu(self._colour_menu)
        self.description = self._text("description")
        self._labels = [QLabel(self) for _ in range(3)]
        for label, widget in zip(self._labels, (self.name, self.colour, self.description),
                                 strict=True):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self._current_colour = FIELD_COLOURS[0]
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Field of action"))
        for label, text in zip(self._labels, (self.tr("&Name"), self.tr("&Colour"),
                                              self.tr("&Description")), strict=True):
            label.setText(text)
        self._colour_menu.clear()
        for colour in FIELD_COLOURS:
            action = self._colour_menu.addAction(swatch(colour), colour)
            action.triggered.connect(lambda _checked=False, c=colour: self._pick(c))
        self._colour_menu.addSeparator()
        self._colour_menu.addAction(self.tr("Other colour…"), self._pick_other)

    def show_node(self, node: FieldNode) -> None:
        self._show_values(node.id, {"name": node.name, "description": node.description,
                                    "colour": node.colour})
        self._show_colour(self._shown["colour"])

    def _show_colour(self, colour: str) -> None:
        self._current_colour = colour
        self.colour.setIcon(swatch(colour, 56, 20))
        self.colour.setToolTip(colour)

    def _pick(self, colour: str) -> None:
        self._show_colour(colour)
        self._changed("colour", colour)

    def _pick_other(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._current_colour), self,
                                       self.tr("Colour of the field of action"))
        if chosen.isValid():
            self._pick(chosen.name())

