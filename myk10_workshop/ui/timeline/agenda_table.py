"""The digital agenda as a table: every measure with its field of action, owner, priority,
status and dates, and the ideas and votes behind it.

Sort by any column, filter by text, field of action and status; owner, priority, status and
dates are edited in place (each edit one undoable operation, saved at once); Enter or a
double-click on a column that is not edited in place opens the measure's origin. Priorities
can be taken from a ballot's result after a preview. The measures go out as CSV or XLSX,
milestones and measure dates as an iCalendar file; files are written off the GUI thread.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QIcon, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from myk10_workshop.files import safe_file_name
from myk10_workshop.i18n import QT_TRANSLATE_NOOP, collation_key
from myk10_workshop.projects.queries import load_tree
from myk10_workshop.reports import timeline as timeline_report
from myk10_workshop.reports.timeline import MEASURE_STATUS_NAMES
from myk10_workshop.store.operations import ChangeSet
from myk10_workshop.store.schema import MeasureStatus
from myk10_workshop.timeline import operations as timeline_ops
from myk10_workshop.timeline import rules as timeline_rules
from myk10_workshop.timeline.queries import (
    AgendaRow,
    BallotPriorities,
    FieldView,
    Timeline,
    ballot_priorities,
    load_agenda,
    load_timeline,
)
from myk10_workshop.ui.bridge import StoreBridge, render
from myk10_workshop.ui.colours import swatch
from myk10_workshop.ui.save_dialog import ask_save_path
from myk10_workshop.ui.timeline.trace_dialog import TraceDialog, format_day, plain_label
from myk10_workshop.voting import present
from myk10_workshop.voting import queries as voting_queries
from myk10_workshop.voting.queries import BallotSummary

# Columns of the table, in order.
TITLE, FIELD, OWNER, PRIORITY, STATUS, STARTS, ENDS, IDEAS, VOTES = range(9)
COLUMN_COUNT = 9
# Columns edited in place, and the measure's field each one edits.
EDITED_FIELDS = {OWNER: "owner", PRIORITY: "priority", STATUS: "status", STARTS: "starts_on",
                 ENDS: "ends_on"}
NUMBER_COLUMNS = frozenset({PRIORITY, IDEAS, VOTES})
DATE_COLUMNS = frozenset({STARTS, ENDS})
# The order of statuses when sorting: from idea to result.
STATUS_ORDER = {status.value: index for index, status in enumerate(MeasureStatus)}

# What the agenda is read from: a change to any of these may change a row or a count.
AGENDA_KINDS = ("project", "field_of_action", "workshop", "board", "measure", "measure_source",
                "idea", "cluster", "ballot", "ballot_option", "vote", "paper_tally")

# Filter choices besides a field id or a status value.
ANY = "*"
NO_FIELD = "-"

# The same words as the refusals of priorities_from_ballot (one translation serves both);
# the preview says them before the facilitator clicks.
NOT_RANKED = QT_TRANSLATE_NOOP(
    "Timeline", "A 2x2 matrix does not rank its options, so it cannot set priorities.")
NO_VOTES = QT_TRANSLATE_NOOP(
    "Timeline", "Nobody has voted in this ballot yet, so it cannot set priorities.")
NO_MEASURES = QT_TRANSLATE_NOOP(
    "Timeline",
    "None of the options of this ballot stands for a measure. Make measures from the "
    "clusters or ideas the ballot is about first.")
GONE_BALLOT = QT_TRANSLATE_NOOP("Voting", "This ballot no longer exists.")

# The spin box value that stands for "no priority".
NO_PRIORITY = 0
def _qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day is not None else QDate()


# --------------------------------------------------------------------------- model


class MeasuresTableModel(QAbstractTableModel):
    """The agenda rows as a table. Never writes: an edit is announced through
    :attr:`edited` and shown at once (the store's answer replaces it on the next read)."""

    # measure id, field name ("owner", "priority", ...), new value
    edited = Signal(object, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[AgendaRow, ...] = ()
        self.field_order: dict[uuid.UUID, int] = {}
        self._icons: dict[str, QIcon] = {}

    # ----------------------------------------------------------------- contents

    def set_rows(self, rows: Sequence[AgendaRow],
                 fields: Sequence[FieldView] = ()) -> None:
        """Show ``rows``, changing only what changed: measures that stay keep their place
        in the model (the proxy sorts), gone ones are removed and new ones appended. So a
        refresh while the facilitator edits a cell (a vote from a phone, the answer to the
        previous edit) neither closes the editor nor loses the selection."""
        order = {field.id: index for index, field in enumerate(fields)}
        reordered = order != self.field_order
        self.field_order = order
        fresh = {row.measure_id: row for row in rows}
        if not self.rows or not fresh:
            self.beginResetModel()
            self.rows = tuple(rows)
            self.endResetModel()
            return
        for number in reversed(range(len(self.rows))):
            if self.rows[number].measure_id not in fresh:
                self.beginRemoveRows(QModelIndex(), number, number)
                self.rows = self.rows[:number] + self.rows[number + 1:]
                self.endRemoveRows()
        kept = {row.measure_id for row in self.rows}
        old, self.rows = self.rows, tuple(fresh[row.measure_id] for row in self.rows)
        # Only the cells that changed: Qt hands a changed cell's value to its open editor,
        # which would overwrite what the facilitator is typing.
        for number, (before, after) in enumerate(zip(old, self.rows, strict=True)):
            if before == after:
                continue
            for column in range(COLUMN_COUNT):
                if _differs(before, after, column):
                    cell = self.index(number, column)
                    self.dataChanged.emit(cell, cell)
        if reordered and self.rows:
            # Fields sort in their order on the board; a new order sorts the rows anew.
            self.dataChanged.emit(self.index(0, FIELD), self.index(len(self.rows) - 1, FIELD))
        added = tuple(row for row in rows if row.measure_id not in kept)
        if added:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self.rows += added
            self.endInsertRows()

    def row_of(self, measure_id: uuid.UUID) -> int | None:
        for number, row in enumerate(self.rows):
            if row.measure_id == measure_id:
                return number
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, COLUMN_COUNT - 1))

    # ----------------------------------------------------------------- Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headers(self) -> list[str]:
        return [self.tr("Measure"), self.tr("Field of action"), self.tr("Owner"),
                self.tr("Priority"), self.tr("Status"), self.tr("Start"), self.tr("End"),
                self.tr("Ideas"), self.tr("Votes")]

    def header_tips(self) -> list[str]:
        editable = self.tr("Double-click or F2 to change; Del empties it.")
        return [
            self.tr("Enter or double-click shows where the measure came from."),
            self.tr("The field of action (working group) of the measure."),
            editable, self.tr("1 is the most important. Double-click or F2 to change."),
            self.tr("Double-click or F2 to change."), editable, editable,
            self.tr("How many ideas of the board lie behind the measure."),
            self.tr("Votes cast in ballots on those ideas or clusters."),
        ]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.InitialSortOrderRole and section in (IDEAS, VOTES):
            # A first click on the counts puts the best-supported measures on top.
            return Qt.SortOrder.DescendingOrder
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if index.column() in EDITED_FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(row, column)
        return self._extra(row, column, role)

    def _extra(self, row: AgendaRow, column: int, role: int) -> Any:
        """What the other roles show: tooltips, the field's colour, alignment, and a word
        for screen readers where a cell is empty."""
        found: Any = None
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self._tooltip(row, column)
        elif role == Qt.ItemDataRole.AccessibleTextRole:
            found = self.display(row, column) or self.tr("empty")
        elif role == Qt.ItemDataRole.DecorationRole and column == FIELD and row.field_name:
            found = self._icon(row.field_colour)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            found = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return found

    def display(self, row: AgendaRow, column: int) -> str:
        """The text of a cell as the table shows it."""
        if column == STATUS:
            message = MEASURE_STATUS_NAMES.get(row.status)
            return render(message) if message is not None else row.status
        value = _CELL[column](row)
        if value is None:
            return ""
        return format_day(value) if isinstance(value, dt.date) else str(value)

    def _edit_value(self, row: AgendaRow, column: int) -> Any:
        if column == PRIORITY:
            return NO_PRIORITY if row.priority is None else row.priority
        if column in DATE_COLUMNS:
            return _qdate(_CELL[column](row))
        if column in EDITED_FIELDS:
            return _CELL[column](row)
        return self.display(row, column)

    def _tooltip(self, row: AgendaRow, column: int) -> str | None:
        if column == TITLE:
            return row.title
        if column == IDEAS:
            return self.tr("{count} ideas behind this measure").format(count=row.ideas)
        if column == VOTES:
            return self.tr("{count} votes on those ideas or clusters").format(count=row.votes)
        return self.display(row, column) or None

    def _icon(self, colour: str) -> QIcon:
        icon = self._icons.get(colour)
        if icon is None:
            icon = self._icons[colour] = swatch(colour)
            # The same colour on a selected row (the style would tint it into the highlight).
            icon.addPixmap(icon.pixmap(14, 14), QIcon.Mode.Selected)
        return icon

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Announce the edit and show it at once; the value is checked by the store."""
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or index.column() not in EDITED_FIELDS):
            return False
        row = self.rows[index.row()]
        name = EDITED_FIELDS[index.column()]
        new = self._stored_value(index.column(), value)
        if new is _INVALID:
            return False
        if getattr(row, name) == new:
            return True
        rows = list(self.rows)
        rows[index.row()] = dataclasses.replace(row, **{name: new})
        self.rows = tuple(rows)
        self.dataChanged.emit(index, index)
        self.edited.emit(row.measure_id, name, new)
        return True

    @staticmethod
    def _stored_value(column: int, value: Any) -> Any:
        """The value an editor gave, as the measure stores it (``_INVALID``: not one)."""
        if column == OWNER:
            return " ".join(str(value or "").split())
        if column == STATUS:
            return value if value in STATUS_ORDER else _INVALID
        if column == PRIORITY:
            try:
                number = NO_PRIORITY if value in (None, "") else int(value)
            except (TypeError, ValueError):
                return _INVALID
            return None if number == NO_PRIORITY else number
        if isinstance(value, QDate):
            value = value.toPython() if value.isValid() else None
        return value if value is None or isinstance(value, dt.date) else _INVALID

    def sort_key(self, row_number: int, column: int) -> Any:
        """What the column sorts by; None sorts last whichever the direction."""
        row = self.rows[row_number]
        if column == FIELD:
            if row.field_of_action_id is None:
                return None
            return (self.field_order.get(row.field_of_action_id, len(self.field_order)),
                    collation_key(row.field_name))
        if column == STATUS:
            return STATUS_ORDER.get(row.status, len(STATUS_ORDER))
        value = _CELL[column](row)
        if isinstance(value, str):
            return collation_key(value) if value.strip() else None
        return value


_INVALID = object()

# The stored value behind each column.
_CELL: dict[int, Callable[[AgendaRow], Any]] = {
    TITLE: lambda row: row.title, FIELD: lambda row: row.field_name,
    OWNER: lambda row: row.owner, PRIORITY: lambda row: row.priority,
    STATUS: lambda row: row.status, STARTS: lambda row: row.starts_on,
    ENDS: lambda row: row.ends_on, IDEAS: lambda row: row.ideas, VOTES: lambda row: row.votes,
}


def _differs(before: AgendaRow, after: AgendaRow, column: int) -> bool:
    if column == FIELD and before.field_colour != after.field_colour:
        return True
    return bool(_CELL[column](before) != _CELL[column](after))


class MeasuresFilterProxy(QSortFilterProxyModel):
    """Sorting that keeps empty cells at the bottom in both directions, and the three
    filters: words (in title, owner, field and status, umlauts and case ignored), field of
    action and status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._field: str = ANY
        self._status: str = ANY

    def measures(self) -> MeasuresTableModel:
        model = self.sourceModel()
        assert isinstance(model, MeasuresTableModel)
        return model

    def set_text(self, text: str) -> None:
        words = tuple(collation_key(text).split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_field(self, choice: str) -> None:
        """``ANY``, ``NO_FIELD`` or a field of action's id (as text)."""
        if choice != self._field:
            self.beginFilterChange()
            self._field = choice
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, choice: str) -> None:
        """``ANY`` or a status value."""
        if choice != self._status:
            self.beginFilterChange()
            self._status = choice
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.measures()
        if source_parent.isValid() or not 0 <= source_row < len(model.rows):
            return False
        row = model.rows[source_row]
        if self._field == NO_FIELD and row.field_of_action_id is not None:
            return False
        if self._field not in (ANY, NO_FIELD) and str(row.field_of_action_id) != self._field:
            return False
        if self._status not in (ANY, row.status):
            return False
        if self._words:
            haystack = collation_key(" ".join((row.title, row.owner, row.field_name,
                                               model.display(row, STATUS))))
            return all(word in haystack for word in self._words)
        return True

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.measures()
        column = left.column()
        first, second = model.sort_key(left.row(), column), model.sort_key(right.row(), column)
        if first is None or second is None:
            if first is None and second is None:
                return self._tie(left.row(), right.row())
            # Qt turns the comparison round for descending order; turn "empty" round too.
            if self.sortOrder() == Qt.SortOrder.DescendingOrder:
                return first is None
            return second is None
        if first == second:
            return self._tie(left.row(), right.row())
        return bool(first < second)

    def _tie(self, left: int, right: int) -> bool:
        model = self.measures()
        a, b = model.rows[left], model.rows[right]
        return (collation_key(a.title), str(a.measure_id)) < (collation_key(b.title),
                                                               str(b.measure_id))


# --------------------------------------------------------------------------- editing


class MeasuresDelegate(QStyledItemDelegate):
    """Editors fit for each column: a number for the priority (empty = none), the list of
    statuses, a calendar for dates, a line for the owner."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        column = index.column()
        if column == PRIORITY:
            spin = QSpinBox(parent)
            spin.setRange(NO_PRIORITY, timeline_ops.MAX_PRIORITY)
            spin.setSpecialValueText("–")
            spin.setAccessibleName(self.tr("Priority"))
            return spin
        if column == STATUS:
            combo = QComboBox(parent)
            for status, name in MEASURE_STATUS_NAMES.items():
                combo.addItem(render(name), status)
            combo.setAccessibleName(self.tr("Status"))
            # A choice in the list is the edit: no extra Enter needed.
            combo.activated.connect(lambda _index, c=combo: self._commit(c))
            return combo
        if column in DATE_COLUMNS:
            edit = QDateEdit(parent)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setDateRange(_qdate(timeline_rules.EARLIEST), _qdate(timeline_rules.LATEST))
            edit.setAccessibleName(self.tr("Start") if column == STARTS else self.tr("End"))
            return edit
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(200)
            editor.setAccessibleName(self.tr("Owner"))
        return editor

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value or NO_PRIORITY))
        elif isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QDateEdit):
            day = value if isinstance(value, QDate) and value.isValid() else None
            if day is None:
                # An open end starts from the start, an open start from the end, else today.
                other = index.model().index(
                    index.row(), ENDS if index.column() == STARTS else STARTS, index.parent())
                sibling = other.data(Qt.ItemDataRole.EditRole)
                day = sibling if isinstance(sibling, QDate) and sibling.isValid() else (
                    QDate.currentDate())
            editor.setDate(day)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class MeasuresTableView(QTableView):
    """Enter opens the measure's origin on every platform (macOS would start editing), and
    Del empties the cell under the cursor.

    Every column fits the width of the view, so nothing hides behind sideways scrolling on
    a 1366 pixel laptop: dates, statuses and counts as wide as their contents (the sort
    arrow only where it is), field of action and owner as wide as they want within their
    share (they wrap), and the title takes the rest, never less than
    :attr:`MIN_TITLE_WIDTH`."""

    MIN_TITLE_WIDTH = 170
    MIN_TEXT_WIDTH = 100
    # Columns sized to their contents.
    SHORT_COLUMNS = (PRIORITY, STATUS, STARTS, ENDS, IDEAS, VOTES)

    open_requested = Signal(QModelIndex)
    clear_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # How wide field of action and owner would like to be (their text, or the user's
        # drag); they get less when the view is narrow.
        self.wanted = {FIELD: 200, OWNER: 180}
        self._fitting = False
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.horizontalHeader().sortIndicatorChanged.connect(
            lambda _section, _order: self.fit_title())

    def short_width(self, column: int) -> int:
        """What a date, status or count column needs: its widest value or its header."""
        header = self.horizontalHeader()
        model = self.model()
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model else ""
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        font = header.font()
        font.setBold(True)
        wanted = QFontMetrics(font).horizontalAdvance(text) + 2 * margin + 8
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            wanted += header.height() // 2 + margin + 4
        return max(self.sizeHintForColumn(column), wanted)

    def fit_title(self) -> None:
        """Share the width of the view among the columns (see the class)."""
        if self._fitting or self.model() is None:
            return
        self._fitting = True
        try:
            for column in self.SHORT_COLUMNS:
                width = self.short_width(column)
                if width != self.columnWidth(column):
                    self.setColumnWidth(column, width)
            short = sum(self.columnWidth(column) for column in self.SHORT_COLUMNS)
            room = self.viewport().width() - short
            text_room = max(room - self.MIN_TITLE_WIDTH, 2 * self.MIN_TEXT_WIDTH)
            total = sum(self.wanted.values())
            scale = min(1.0, text_room / total) if total else 1.0
            for column, wanted in self.wanted.items():
                width = max(self.MIN_TEXT_WIDTH, int(wanted * scale))
                if width != self.columnWidth(column):
                    self.setColumnWidth(column, width)
            title = max(self.MIN_TITLE_WIDTH,
                        room - self.columnWidth(FIELD) - self.columnWidth(OWNER))
            if title != self.columnWidth(TITLE):
                self.setColumnWidth(TITLE, title)
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting:
            return
        if column in self.wanted:
            self.wanted[column] = new
        if column != TITLE:
            self.fit_title()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_title()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        index = self.currentIndex()
        if not editing and index.isValid():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_requested.emit(index)
                event.accept()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_requested.emit(index)
                event.accept()
                return
        super().keyPressEvent(event)


# --------------------------------------------------------------------------- the widget


class MeasuresTable(QWidget):
    """The digital agenda of one project: filters and commands above, the table below."""

    # The rows of the project are on screen (tests and benchmarks wait for it).
    loaded = Signal()
    # A plain message for the window's message bar (the file was saved, ...).
    notice = Signal(str)

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measuresTable")
        self.bridge = bridge
        self.project_id: uuid.UUID | None = None
        self.project_name = ""
        self.fields: tuple[FieldView, ...] = ()
        self.trace_dialog: TraceDialog | None = None
        self.priorities_dialog: BallotPrioritiesDialog | None = None
        self._loading = False
        self._stale = False
        self._folder = Path.home()
        # The long text columns are fitted to the first rows of a project, then left to
        # the user's hand.
        self._fitted = False

        self.model = MeasuresTableModel(self)
        self.model.edited.connect(self._on_edited)
        self.proxy = MeasuresFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.rowsInserted.connect(self._show_count)
        self.proxy.rowsRemoved.connect(self._show_count)
        self.proxy.modelReset.connect(self._show_count)
        self.proxy.layoutChanged.connect(self._show_count)
        self._build_filters()
        self._build_view()
        self._build_toolbar()
        self._lay_out()
        bridge.changed.connect(self._on_changed)
        self.retranslate()

    # ----------------------------------------------------------------- building

    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("measureSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        self.field_filter = QComboBox(self)
        self.field_filter.setObjectName("fieldFilter")
        self.field_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.field_filter.setMinimumContentsLength(18)
        self.field_filter.currentIndexChanged.connect(
            lambda _index: self.proxy.set_field(self.field_filter.currentData() or ANY))
        self.field_label = QLabel(self)
        self.field_label.setBuddy(self.field_filter)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.currentIndexChanged.connect(
            lambda _index: self.proxy.set_status(self.status_filter.currentData() or ANY))
        self.status_label = QLabel(self)
        self.status_label.setBuddy(self.status_filter)
        self.count = QLabel(self)
        self.count.setObjectName("measureCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setContentsMargins(0, 0, 8, 0)

    def _build_view(self) -> None:
        self.view = MeasuresTableView(self)
        self.view.setObjectName("measuresView")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(MeasuresDelegate(self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(PRIORITY, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setAlternatingRowColors(True)
        # Long titles wrap onto a second line instead of ending in "…".
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Short values are never cut: dates, numbers and statuses take the room they need
        # (the view sizes them, see MeasuresTableView.fit_title).
        for column in MeasuresTableView.SHORT_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        header.setResizeContentsPrecision(200)
        self.view.setColumnWidth(FIELD, 200)
        self.view.setColumnWidth(OWNER, 180)
        # Enter, or a double-click on a cell not edited in place: the measure's origin.
        self.view.activated.connect(self._on_activated)
        self.view.open_requested.connect(self._on_activated)
        self.view.clear_requested.connect(self._clear_cell)
        self.view.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_actions())

    def _build_toolbar(self) -> None:
        self.bar = QToolBar(self)
        self.bar.setObjectName("measuresBar")
        self.bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.trace_action = self._action("showOrigin", self.open_current_trace)
        self.priorities_action = self._action("prioritiesFromBallot", self.take_priorities)
        self.bar.addSeparator()
        self.export_menu = QMenu(self)
        self.csv_action = self.export_menu.addAction("")
        self.csv_action.setObjectName("exportCsv")
        self.csv_action.triggered.connect(lambda: self.choose_export("csv"))
        self.xlsx_action = self.export_menu.addAction("")
        self.xlsx_action.setObjectName("exportXlsx")
        self.xlsx_action.triggered.connect(lambda: self.choose_export("xlsx"))
        self.export_menu.addSeparator()
        self.ics_action = self.export_menu.addAction("")
        self.ics_action.setObjectName("exportIcs")
        self.ics_action.triggered.connect(lambda: self.choose_export("ics"))
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("exportMeasures")
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bar.addWidget(self.export_button)
        # The count sits at the right end of the bar, so the filters below keep their place
        # while it changes.
        spacer = QWidget(self.bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.bar.addWidget(spacer)
        self.bar.addWidget(self.count)

    def _action(self, name: str, slot: Any) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.bar.addAction(action)
        self.addAction(action)
        return action

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.setContentsMargins(6, 0, 6, 0)
        filters.addWidget(self.search_label)
        filters.addWidget(self.search, 2)
        filters.addSpacing(12)
        filters.addWidget(self.field_label)
        filters.addWidget(self.field_filter, 1)
        filters.addSpacing(12)
        filters.addWidget(self.status_label)
        filters.addWidget(self.status_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

    # ----------------------------------------------------------------- loading

    def show_project(self, project_id: uuid.UUID | None) -> None:
        """Show the digital agenda of ``project_id`` (None: an empty table)."""
        if project_id != self.project_id:
            self.project_id = project_id
            self._fitted = False
            self.model.set_rows(())
        self.reload()

    def reload(self) -> None:
        """Read the agenda again (one read at a time; a change meanwhile reads once more)."""
        if self._loading:
            self._stale = True
            return
        project_id = self.project_id
        if project_id is None:
            self.project_name = ""
            self._show((), None)
            self._update_actions()
            return
        self._loading = True
        self._stale = False

        def read(session: Session) -> tuple[tuple[AgendaRow, ...], Timeline | None]:
            return load_agenda(session, project_id), load_timeline(session, project_id)

        self.bridge.load(read, lambda found: self._loaded(project_id, *found))

    def _loaded(self, project_id: uuid.UUID, rows: tuple[AgendaRow, ...],
                timeline: Timeline | None) -> None:
        self._loading = False
        if project_id == self.project_id:
            self._show(rows, timeline)
            self.loaded.emit()
        if self._stale:
            self.reload()

    def _show(self, rows: tuple[AgendaRow, ...], timeline: Timeline | None) -> None:
        current = self.current_measure()
        self.project_name = timeline.project.name if timeline is not None else ""
        self.fields = timeline.fields if timeline is not None else ()
        self._fill_field_filter(rows)
        self.model.set_rows(rows, self.fields)
        if rows and not self._fitted:
            self._fit_columns()
        else:
            # New values (a longer status, a date set) may need wider short columns.
            self.view.fit_title()
        # The current cell survives a refresh on its own (the model changes in place);
        # moving it would close an open editor. Only a measure lost by a reset is sought.
        if current is not None and self.current_measure() != current:
            self.select_measure(current)
        elif not self.view.currentIndex().isValid() and self.proxy.rowCount():
            # Keyboard users start on the first row: Enter shows its origin at once.
            self.view.setCurrentIndex(self.proxy.index(0, TITLE))
        self._show_count()
        self._update_actions()

    def _fit_columns(self) -> None:
        """Field of action and owner as wide as their text, within reason: the title keeps
        the rest (long names are elided; the tooltip shows them whole)."""
        self._fitted = True
        for column, most in ((FIELD, 220), (OWNER, 190)):
            self.view.wanted[column] = min(self.view.sizeHintForColumn(column), most)
        self.view.fit_title()

    def _fill_field_filter(self, rows: Sequence[AgendaRow]) -> None:
        chosen = self.field_filter.currentData() or ANY
        self.field_filter.blockSignals(True)
        self.field_filter.clear()
        self.field_filter.addItem(self.tr("All fields of action"), ANY)
        for field in self.fields:
            self.field_filter.addItem(swatch(field.colour), field.name, str(field.id))
        if any(row.field_of_action_id is None for row in rows):
            self.field_filter.addItem(self.tr("Without field of action"), NO_FIELD)
        found = self.field_filter.findData(chosen)
        self.field_filter.setCurrentIndex(max(found, 0))
        self.field_filter.blockSignals(False)
        self.proxy.set_field(self.field_filter.currentData() or ANY)

    def _fill_status_filter(self) -> None:
        chosen = self.status_filter.currentData() or ANY
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All statuses"), ANY)
        for status, name in MEASURE_STATUS_NAMES.items():
            self.status_filter.addItem(render(name), status)
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(chosen), 0))
        self.status_filter.blockSignals(False)

    def _on_changed(self, changes: ChangeSet) -> None:
        if self.project_id is not None and (not changes or changes.touches(*AGENDA_KINDS)):
            self.reload()

    def _show_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            text = (self.tr("No measures yet: make them on the board from a cluster or from "
                            "ideas.") if self.project_id is not None else "")
        elif shown == total:
            text = (self.tr("1 measure") if total == 1
                    else self.tr("{count} measures").format(count=total))
        else:
            text = self.tr("{shown} of {total} measures shown").format(shown=shown,
                                                                        total=total)
        self.count.setText(text)

    # ----------------------------------------------------------------- rows

    def current_measure(self) -> uuid.UUID | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return self.model.rows[source.row()].measure_id

    def select_measure(self, measure_id: uuid.UUID, column: int = TITLE) -> bool:
        row = self.model.row_of(measure_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def visible_rows(self) -> tuple[AgendaRow, ...]:
        """The rows the table shows, in the order it shows them."""
        return tuple(self.model.rows[self.proxy.mapToSource(self.proxy.index(row, 0)).row()]
                     for row in range(self.proxy.rowCount()))

    def _update_actions(self) -> None:
        has_project = self.project_id is not None
        self.trace_action.setEnabled(self.current_measure() is not None)
        self.priorities_action.setEnabled(has_project)
        self.export_button.setEnabled(has_project)

    # ----------------------------------------------------------------- editing

    def _on_edited(self, measure_id: uuid.UUID, name: str, value: object) -> None:
        if name == "priority":
            operation = timeline_ops.set_priority(
                measure_id, value if isinstance(value, int) else None)
        else:
            operation = timeline_ops.edit_measure(measure_id, **{name: value})
        if not self.bridge.run(operation):
            self.reload()  # refused before saving: show what is stored

    def _clear_cell(self, index: QModelIndex) -> None:
        column = index.column()
        if column not in EDITED_FIELDS or column == STATUS:
            return
        self.proxy.setData(index, "" if column == OWNER else None, Qt.ItemDataRole.EditRole)

    # ----------------------------------------------------------------- origin

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.proxy.mapToSource(index).row()
            self.open_trace(self.model.rows[row].measure_id)

    def open_current_trace(self) -> None:
        measure_id = self.current_measure()
        if measure_id is not None:
            self.open_trace(measure_id)

    def open_trace(self, measure_id: uuid.UUID) -> TraceDialog:
        """Show where the measure came from, in a window of its own (the table stays
        usable: the facilitator may look at several origins side by side)."""
        dialog = TraceDialog(self.bridge, measure_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget_trace(d))
        self.trace_dialog = dialog
        dialog.show()
        return dialog

    def _forget_trace(self, dialog: TraceDialog) -> None:
        if self.trace_dialog is dialog:
            self.trace_dialog = None

    # ----------------------------------------------------------------- priorities

    def take_priorities(self) -> BallotPrioritiesDialog | None:
        """Choose a ballot of the project's workshops, see what it would set, then set it."""
        if self.project_id is None:
            return None
        if self.priorities_dialog is not None:
            self.priorities_dialog.raise_()
            self.priorities_dialog.activateWindow()
            return self.priorities_dialog
        dialog = BallotPrioritiesDialog(self.bridge, self.project_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget_priorities())
        self.priorities_dialog = dialog
        dialog.open()
        return dialog

    def _forget_priorities(self) -> None:
        self.priorities_dialog = None

    # ----------------------------------------------------------------- export

    def ask_save_path(self, caption: str, suggested: str, file_filter: str) -> Path | None:
        """Where to save (None: the user cancelled). Tests replace this method."""
        return ask_save_path(self, self._folder, caption, suggested, file_filter)

    def choose_export(self, kind: str) -> None:
        """Ask for a file name, then write ``kind``: ``csv``, ``xlsx`` or ``ics``."""
        if self.project_id is None:
            return
        project = safe_file_name(self.project_name or self.tr("Project"))
        if kind == "ics":
            caption = self.tr("Save milestones and measures as a calendar")
            suggested = self.tr("Timeline {project}.ics").format(project=project)
            file_filter = self.tr("iCalendar (*.ics)")
        elif kind == "xlsx":
            caption = self.tr("Save the measures as an Excel workbook")
            suggested = self.tr("Digital agenda {project}.xlsx").format(project=project)
            file_filter = self.tr("Excel workbook (*.xlsx)")
        else:
            caption = self.tr("Save the measures as CSV")
            suggested = self.tr("Digital agenda {project}.csv").format(project=project)
            file_filter = self.tr("CSV for Excel (*.csv)")
        path = self.ask_save_path(caption, safe_file_name(suggested), file_filter)
        if path is None:
            return
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        self._folder = path.parent
        if kind == "ics":
            self.export_calendar(path)
        else:
            self.export_measures(path)

    def export_measures(self, path: Path) -> None:
        """Write the measures the table shows, in its order, as ``.csv`` or ``.xlsx`` (by
        the suffix), in the background; say where they are, or why not."""
        rows = self.visible_rows()
        translate = timeline_report.fixed_translator(QCoreApplication.translate)

        def work() -> Path | str:
            try:
                return timeline_report.write_measures(path, rows, translate)
            except (OSError, ValueError) as error:
                return _reason(error)

        def done(result: Path | str) -> None:
            if isinstance(result, Path):
                text = (self.tr("1 measure saved: {path}") if len(rows) == 1
                        else self.tr("{count} measures saved: {path}"))
                self.notice.emit(text.format(count=len(rows), path=result))
            else:
                self._export_failed(path, result)

        self.bridge.compute(work, done)

    def export_calendar(self, path: Path) -> None:
        """Write the project's milestones and measure dates as an ``.ics`` file (read fresh,
        then written in the background); say where it is, or why not."""
        project_id = self.project_id
        if project_id is None:
            return
        translate = timeline_report.fixed_translator(QCoreApplication.translate)

        def write(timeline: Timeline | None) -> None:
            if timeline is None:
                self._export_failed(path, self.tr("the project no longer exists"))
                return

            def work() -> Path | str:
                try:
                    return timeline_report.write_timeline_ics(path, timeline, translate)
                except (OSError, ValueError) as error:
                    return _reason(error)

            def done(result: Path | str) -> None:
                if isinstance(result, Path):
                    self.notice.emit(self.tr(
                        "The calendar was saved: {path}. Calendar programs such as Outlook "
                        "or Thunderbird can import it.").format(path=result))
                else:
                    self._export_failed(path, result)

            self.bridge.compute(work, done)

        self.bridge.load(lambda session: load_timeline(session, project_id), write)

    def _export_failed(self, path: Path, reason: str) -> None:
        self.bridge.failed.emit(self.tr("The file could not be saved to {path}: {reason}")
                                .format(path=path, reason=reason))

    # ----------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.trace_action.setText(self.tr("Show &origin"))
        self.trace_action.setToolTip(self.tr(
            "Which workshop, cluster, ideas and votes the measure came from (Enter)"))
        self.priorities_action.setText(self.tr("&Take priorities from a ballot…"))
        self.priorities_action.setToolTip(self.tr(
            "Give the measures the ranks their ideas or clusters reached in a vote"))
        self.export_button.setText(self.tr("&Export"))
        self.csv_action.setText(self.tr("Measures as CSV (Excel, German)…"))
        self.xlsx_action.setText(self.tr("Measures as Excel workbook (.xlsx)…"))
        self.ics_action.setText(self.tr("Milestones and measures as calendar (.ics)…"))
        self.export_button.setToolTip(self.tr(
            "The measures as the table shows them (filter and order), or the dates for a "
            "calendar program"))
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Title, owner, field of action…"))
        self.field_label.setText(self.tr("&Field of action:"))
        self.status_label.setText(self.tr("S&tatus:"))
        self.view.setAccessibleName(self.tr("Digital agenda"))
        self._fill_status_filter()
        if self.project_id is not None:
            self._fill_field_filter(self.model.rows)
        self.model.retranslate()
        self.view.fit_title()
        self._show_count()


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return str(error.strerror or error)
    return str(error)


# --------------------------------------------------------------------------- priorities


def project_ballots(session: Session,
                    project_id: uuid.UUID) -> tuple[tuple[str, BallotSummary], ...]:
    """The ballots of the project's workshops (earliest workshop first, then in the
    workshop's order), each with its workshop's title."""
    found: list[tuple[str, BallotSummary]] = []
    for project in load_tree(session):
        if project.id != project_id:
            continue
        for workshop in project.workshops:
            found.extend((workshop.title, summary)
                         for summary in voting_queries.list_ballots(session, workshop.id))
    return tuple(found)


class BallotPrioritiesDialog(QDialog):
    """Choose a ballot, see which priority each measure would get, then take them (one
    undoable step). A ballot that cannot set priorities says why instead."""

    # The ballot list is on screen.
    ballots_loaded = Signal()
    # A ballot's preview (or its refusal) is on screen.
    previewed = Signal()

    def __init__(self, bridge: StoreBridge, project_id: uuid.UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ballotPrioritiesDialog")
        self.bridge = bridge
        self.project_id = project_id
        self.ballots: tuple[tuple[str, BallotSummary], ...] = ()
        self.preview: BallotPriorities | None = None
        self.refusal = ""
        self._wanted: uuid.UUID | None = None
        self._build_widgets()
        self._lay_out()
        self.resize(980, 640)
        self.retranslate()
        self.load_ballots()

    def _build_widgets(self) -> None:
        self.intro = plain_label("", self)
        self.ballot_list = QListWidget(self)
        self.ballot_list.setObjectName("priorityBallots")
        self.ballot_list.currentItemChanged.connect(self._on_ballot_chosen)
        self.ballot_label = QLabel(self)
        self.ballot_label.setBuddy(self.ballot_list)
        self.message = plain_label("", self)
        self.message.setObjectName("priorityMessage")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("priorityPreview")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyPriorities")
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        # One column: the ballots on top, the preview below at full width, so the titles of
        # measures and options can be read.
        self.ballot_list.setMaximumHeight(150)
        self.ballot_list.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.ballot_label)
        layout.addWidget(self.ballot_list)
        layout.addSpacing(6)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    # ----------------------------------------------------------------- ballots

    def load_ballots(self) -> None:
        project_id = self.project_id
        self.bridge.load(lambda session: project_ballots(session, project_id),
                         self._show_ballots)

    def _show_ballots(self, ballots: tuple[tuple[str, BallotSummary], ...]) -> None:
        self.ballots = ballots
        self.ballot_list.blockSignals(True)
        self.ballot_list.clear()
        for workshop, summary in ballots:
            item = QListWidgetItem(self._ballot_text(workshop, summary))
            item.setData(Qt.ItemDataRole.UserRole, str(summary.ballot.id))
            item.setToolTip(item.text())
            self.ballot_list.addItem(item)
        self.ballot_list.blockSignals(False)
        if not ballots:
            self._refuse(self.tr("The workshops of this project have no ballots yet. Make "
                                 "one on the Voting page."))
        elif self._wanted is None:
            self.message.setText(self.tr("Choose a ballot to see which priorities it gives."))
        self.ballots_loaded.emit()

    def _ballot_text(self, workshop: str, summary: BallotSummary) -> str:
        kind = present.KIND_NAMES.get(summary.ballot.kind)
        return self.tr("{title}\n{workshop} · {kind} · {count} voted").format(
            title=summary.ballot.title, workshop=workshop,
            kind=render(kind) if kind else summary.ballot.kind, count=summary.participants)

    def choose_ballot(self, ballot_id: uuid.UUID) -> bool:
        """Select the ballot and show its preview (as a click in the list does)."""
        for row in range(self.ballot_list.count()):
            if self.ballot_list.item(row).data(Qt.ItemDataRole.UserRole) == str(ballot_id):
                self.ballot_list.setCurrentRow(row)
                return True
        return False

    def _on_ballot_chosen(self, current: QListWidgetItem | None,
                          _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        ballot_id = uuid.UUID(current.data(Qt.ItemDataRole.UserRole))
        self._wanted = ballot_id
        self.apply_button.setEnabled(False)

        def read(session: Session) -> BallotPriorities | None:
            return ballot_priorities(session, ballot_id, voting_queries.results)

        self.bridge.load(read, lambda found: self._show_preview(ballot_id, found))

    # ----------------------------------------------------------------- preview

    def _show_preview(self, ballot_id: uuid.UUID, found: BallotPriorities | None) -> None:
        if ballot_id != self._wanted:
            return  # the facilitator has chosen another ballot meanwhile
        self.preview = found
        if found is None:
            self._refuse(render(GONE_BALLOT))
        elif not found.ranked:
            self._refuse(render(NOT_RANKED))
        elif not found.has_votes:
            self._refuse(render(NO_VOTES))
        elif not found.proposals:
            self._refuse(render(NO_MEASURES))
        else:
            self.refusal = ""
            changing = sum(1 for p in found.proposals if p.current != p.rank)
            self.message.setText(self.tr(
                "“{ballot}” gives {count} measures a priority; {changing} of them change. "
                "Measures the ballot is not about keep theirs. Undo takes it back.").format(
                    ballot=found.ballot_title, count=len(found.proposals), changing=changing))
            self.message.setStyleSheet("")
            self._fill_table(found)
            self.apply_button.setEnabled(True)
        self.previewed.emit()

    def _refuse(self, text: str) -> None:
        self.refusal = text
        self.message.setText(text)
        self.message.setStyleSheet("color: #8a1c12;")
        self.table.setRowCount(0)
        self.apply_button.setEnabled(False)

    def _fill_table(self, found: BallotPriorities) -> None:
        self.table.setRowCount(len(found.proposals))
        for row, proposal in enumerate(found.proposals):
            new = min(proposal.rank, timeline_ops.MAX_PRIORITY)
            cells = (proposal.measure_title,
                     "–" if proposal.current is None else str(proposal.current),
                     str(new), proposal.option_label)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if column == 2 and proposal.current != new:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def apply(self) -> None:
        """Take the priorities (the result as it is now: votes may have come in since the
        preview). One undo step."""
        found = self.preview
        if found is None or self.refusal or not found.proposals:
            return
        if self.bridge.run(timeline_ops.priorities_from_ballot(found.ballot_id,
                                                               voting_queries.results)):
            self.accept()

    # ----------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Take priorities from a ballot"))
        self.intro.setText(self.tr(
            "Each measure gets the rank that its cluster or idea reached in the ballot as its "
            "priority: 1 for the most votes."))
        self.ballot_label.setText(self.tr("&Ballots of this project's workshops:"))
        self.table.setHorizontalHeaderLabels([self.tr("Measure"), self.tr("Now"),
                                              self.tr("New"), self.tr("Through option")])
        self.apply_button.setText(self.tr("&Take priorities"))
        if self.ballots:
            self._show_ballots(self.ballots)
            if self._wanted is not None:
                self.ballot_list.blockSignals(True)
                self.choose_ballot(self._wanted)
                self.ballot_list.blockSignals(False)
        if self._wanted is not None and (self.preview is not None or self.refusal):
            self._show_preview(self._wanted, self.preview)
