"""The agenda table: an item model over an agenda snapshot, its delegate and its view.

One tree holds the whole workshop: a row per day (spanning the table, with the day's
times and totals), under it a row per block, and under a block split into working groups
one row that the delegate draws as tiles side by side, one per group. A single tree keeps
the days easy to compare one below the other, lets the arrow keys walk from the end of one
day into the next, and makes dragging a block into another day an ordinary drop.

Times are never stored: the model shows what :func:`myk10_workshop.agenda.timing.schedule`
computed from the snapshot, and is given a new schedule on every change (or preview).
The model never writes: drops are reported as :class:`Drop` requests, which the page turns
into operations.
"""

from __future__ import annotations

import enum
import uuid
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QIcon,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from myk10_workshop.agenda.queries import AgendaView, BlockView, DayView, TrackView
from myk10_workshop.agenda.timing import (
    MINUTES_PER_DAY,
    Schedule,
    Slot,
    TimingWarning,
    clock_time,
    describe,
    duration_text,
)
from myk10_workshop.ui.bridge import render

AnyIndex = QModelIndex | QPersistentModelIndex
# The root of the tree, as the default parent of the model's methods.
ROOT = QModelIndex()

# What a drag carries: block ids (one per line), the key of a library method, or the id
# of one of the facilitator's templates ("My templates" in the library).
BLOCKS_MIME = "application/x-myk10-agenda-blocks"
METHOD_MIME = "application/x-myk10-agenda-method"
TEMPLATE_MIME = "application/x-myk10-agenda-template"


class Column(enum.IntEnum):
    TIME = 0
    TITLE = 1
    DURATION = 2
    METHOD = 3
    ROOM = 4
    RESPONSIBLE = 5


class RowKind(enum.StrEnum):
    DAY = "day"
    BLOCK = "block"
    TRACKS = "tracks"  # the working groups of the block above, drawn side by side


class Role(enum.IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1  # the day's or block's id (a tracks row: its block's)
    KIND = Qt.ItemDataRole.UserRole + 2  # a RowKind
    TRACKS = Qt.ItemDataRole.UserRole + 3  # tuple[TrackView, ...] of a tracks row
    COLOUR = Qt.ItemDataRole.UserRole + 4  # QColor of the block's category
    BADGE = Qt.ItemDataRole.UserRole + 5  # the "internal" mark of a facilitator-only block
    WARNINGS = Qt.ItemDataRole.UserRole + 6  # list[str] in plain language


# --------------------------------------------------------------------------- colours

# Categories a facilitator uses most, in both languages, with colours that stay apart on a
# projector; any other category gets one of the spare colours, always the same for a name.
_KNOWN_COLOURS = {
    "plenum": "#3b7dd8", "plenary": "#3b7dd8",
    "arbeitsphase": "#ef8a17", "work phase": "#ef8a17", "arbeitsgruppen": "#ef8a17",
    "pause": "#4f9d5d", "break": "#4f9d5d",
    "organisation": "#8e6bbf", "organization": "#8e6bbf",
}
_SPARE_COLOURS = ("#d1495b", "#00a6a6", "#b8860b", "#6d8a96", "#c2549d", "#7a9e2f")
_NO_CATEGORY = "#9e9e9e"


def category_colour(category: str) -> QColor:
    """The colour of a block category: fixed for the common ones, stable for the rest."""
    name = " ".join(category.split()).casefold()
    if not name:
        return QColor(_NO_CATEGORY)
    known = _KNOWN_COLOURS.get(name)
    if known is not None:
        return QColor(known)
    return QColor(_SPARE_COLOURS[zlib.crc32(name.encode()) % len(_SPARE_COLOURS)])


def tint(colour: QColor, strength: float = 0.16) -> QColor:
    """A light version of ``colour`` for a row's background: dark text stays readable."""
    return QColor(round(255 + (colour.red() - 255) * strength),
                  round(255 + (colour.green() - 255) * strength),
                  round(255 + (colour.blue() - 255) * strength))


def _bold(scale: float = 1.0) -> QFont:
    font = QFont()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * scale)
    return font


class _Look:
    """Fonts and colours of rows, made once (they need a running QGuiApplication)."""

    def __init__(self) -> None:
        self._day: dict[int, Any] | None = None
        self._block: dict[tuple[int, int], Any] | None = None

    def day(self) -> dict[int, Any]:
        if self._day is None:
            self._day = {Qt.ItemDataRole.FontRole: _bold(1.1),
                         Qt.ItemDataRole.BackgroundRole: QBrush(QColor("#dfe5ee")),
                         Qt.ItemDataRole.ForegroundRole: QBrush(QColor("#17202a"))}
        return self._day

    def block(self) -> dict[tuple[int, int], Any]:
        if self._block is None:
            self._block = {
                (Column.DURATION, Qt.ItemDataRole.TextAlignmentRole):
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                (Column.TIME, Qt.ItemDataRole.FontRole): _bold()}
        return self._block


def clock(minutes: int) -> str:
    """A minute of a day as a wall clock shows it (24 h, as both UI languages write it)."""
    time = clock_time(minutes)
    return f"{time.hour:02d}:{time.minute:02d}"


def later_day(minutes: int) -> str:
    """" (+1)" after a time that ends on the next day (a day past midnight), " (+2)" on the
    day after; nothing on the day itself (an end at midnight sharp is still the day's)."""
    days = (minutes - 1) // MINUTES_PER_DAY if minutes > 0 else 0
    return f" (+{days})" if days > 0 else ""


def span(start: int, end: int) -> str:
    """"09:00–10:30", or "23:00–00:15 (+1)" when the end falls on the next day."""
    return f"{clock(start)}–{clock(end)}{later_day(end)}"


# --------------------------------------------------------------------------- icons

_ICONS: dict[str, QIcon] = {}


def _round_pen(colour: str, width: int) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def pin_icon() -> QIcon:
    """A drawing pin: the block is fixed to a clock time."""
    if "pin" not in _ICONS:
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_round_pen("#455a64", 3))
        painter.drawLine(16, 16, 9, 29)
        painter.setPen(QPen(QColor("#8e0000"), 2))
        painter.setBrush(QColor("#d32f2f"))
        painter.drawEllipse(10, 2, 16, 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffcdd2"))
        painter.drawEllipse(14, 6, 5, 5)
        painter.end()
        _ICONS["pin"] = QIcon(pixmap)
    return _ICONS["pin"]


def warning_icon() -> QIcon:
    """A warning triangle, drawn here: the style's own is too big and too grey."""
    if "warning" not in _ICONS:
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#8a5a00"), 2))
        painter.setBrush(QColor("#ffb300"))
        painter.drawPolygon([QPoint(16, 2), QPoint(30, 29), QPoint(2, 29)])
        painter.setPen(_round_pen("#1a1a1a", 3))
        painter.drawLine(16, 11, 16, 20)
        painter.drawPoint(16, 25)
        painter.end()
        _ICONS["warning"] = QIcon(pixmap)
    return _ICONS["warning"]


_LOOK = _Look()

# --------------------------------------------------------------------------- model


@dataclass(frozen=True, slots=True)
class _Node:
    kind: RowKind
    row: int
    parent: int  # key of the parent node; -1: the (invisible) root
    day: int  # index of the day in the agenda
    block: int = -1  # index of the block in its day


@dataclass(frozen=True)
class Drop:
    """Something dropped into the table: blocks to move or copy, a library method or one of
    the facilitator's templates, to go into ``day_id`` right after ``after`` or right
    before ``before`` (neither: at the end). An agenda template ignores the place: its
    days go after the workshop's last day."""

    day_id: uuid.UUID
    after: uuid.UUID | None
    before: uuid.UUID | None
    block_ids: tuple[uuid.UUID, ...] = ()
    method_key: str = ""
    template_id: uuid.UUID | None = None
    copy: bool = False


def _structure(agenda: AgendaView | None) -> tuple[Any, ...]:
    """What decides the rows of the tree; when it stays, a refresh only repaints."""
    if agenda is None:
        return ()
    return tuple((day.id, tuple((block.id, block.is_split) for block in day.blocks))
                 for day in agenda.days)


class AgendaModel(QAbstractItemModel):
    """Days, their blocks and the blocks' working groups, with computed times."""

    # New times are shown (the view sizes its time column to them).
    retimed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.agenda: AgendaView | None = None
        self.schedule: Schedule | None = None
        self._nodes: list[_Node] = []
        self._children: dict[int, list[int]] = {-1: []}
        self._warnings: dict[uuid.UUID, list[str]] = {}
        self._structure: tuple[Any, ...] = ()

    # ----------------------------------------------------------------- filling

    def set_agenda(self, agenda: AgendaView | None, schedule: Schedule | None) -> None:
        """Show a new snapshot; rows are rebuilt only when days or blocks came, went or
        moved, so a re-timing keeps the selection, the scroll position and the focus."""
        structure = _structure(agenda)
        self.agenda, self.schedule = agenda, schedule
        self._warnings = self._word_warnings()
        if structure == self._structure and self._nodes:
            self._repaint_all()
        else:
            self.beginResetModel()
            self._structure = structure
            self._build()
            self.endResetModel()
        self.retimed.emit()

    def retranslate(self) -> None:
        self._warnings = self._word_warnings()
        self._repaint_all()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def _build(self) -> None:
        self._nodes = []
        self._children = {-1: []}
        days = self.agenda.days if self.agenda is not None else ()
        for day_row, day in enumerate(days):
            day_key = self._add(_Node(RowKind.DAY, day_row, -1, day_row))
            for block_row, block in enumerate(day.blocks):
                key = self._add(_Node(RowKind.BLOCK, block_row, day_key, day_row, block_row))
                if block.is_split:
                    self._add(_Node(RowKind.TRACKS, 0, key, day_row, block_row))

    def _add(self, node: _Node) -> int:
        key = len(self._nodes)
        self._nodes.append(node)
        self._children.setdefault(node.parent, []).append(key)
        self._children[key] = []
        return key

    def _repaint_all(self) -> None:
        last = len(Column) - 1
        for parent, keys in self._children.items():
            if not keys:
                continue
            parent_index = QModelIndex() if parent < 0 else self.createIndex(
                self._nodes[parent].row, 0, parent)
            self.dataChanged.emit(self.index(0, 0, parent_index),
                                  self.index(len(keys) - 1, last, parent_index))

    def _word_warnings(self) -> dict[uuid.UUID, list[str]]:
        """Every warning in the user's language, under each block it names."""
        found: dict[uuid.UUID, list[str]] = {}
        if self.agenda is None or self.schedule is None:
            return found
        titles = self.agenda.titles()
        for warning in self.schedule.warnings:
            found.setdefault(warning.block_id, []).append(self.warning_text(warning, titles))
        return found

    def warning_text(self, warning: TimingWarning, titles: dict[uuid.UUID, str]) -> str:
        return render(describe(warning, titles))

    # ----------------------------------------------------------------- lookups

    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        key = index.internalId()
        return self._nodes[key] if 0 <= key < len(self._nodes) else None

    def kind(self, index: AnyIndex) -> RowKind | None:
        node = self._node(index)
        return node.kind if node is not None else None

    def day_at(self, index: AnyIndex) -> DayView | None:
        node = self._node(index)
        if node is None or self.agenda is None:
            return None
        return self.agenda.days[node.day]

    def block_at(self, index: AnyIndex) -> BlockView | None:
        """The block of a block row or of its working groups' row."""
        node = self._node(index)
        if node is None or node.block < 0 or self.agenda is None:
            return None
        return self.agenda.days[node.day].blocks[node.block]

    def slot(self, block_id: uuid.UUID) -> Slot | None:
        if self.schedule is None:
            return None
        return self.schedule.index.get(block_id)

    def warnings(self, block_id: uuid.UUID) -> list[str]:
        return self._warnings.get(block_id, [])

    def all_warnings(self) -> list[tuple[uuid.UUID, str]]:
        """(block id, text) of every warning, in agenda order."""
        if self.agenda is None:
            return []
        return [(block.id, text) for block in self.agenda.blocks
                for text in self._warnings.get(block.id, [])]

    def day_index(self, day_id: uuid.UUID) -> QModelIndex:
        for key in self._children[-1]:
            node = self._nodes[key]
            if self.agenda is not None and self.agenda.days[node.day].id == day_id:
                return self.createIndex(node.row, 0, key)
        return QModelIndex()

    def block_index(self, block_id: uuid.UUID, column: int = 0) -> QModelIndex:
        if self.agenda is None:
            return QModelIndex()
        for key, node in enumerate(self._nodes):
            if (node.kind is RowKind.BLOCK
                    and self.agenda.days[node.day].blocks[node.block].id == block_id):
                return self.createIndex(node.row, column, key)
        return QModelIndex()

    def tracks_index(self, block_id: uuid.UUID) -> QModelIndex:
        block = self.block_index(block_id)
        return self.index(0, 0, block) if block.isValid() and self.rowCount(block) else (
            QModelIndex())

    # ----------------------------------------------------------------- structure

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        if column < 0 or column >= len(Column) or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        keys = self._children.get(parent.internalId() if parent.isValid() else -1, [])
        if not 0 <= row < len(keys):
            return QModelIndex()
        return self.createIndex(row, column, keys[row])

    def parent(self, index: AnyIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is None or node.parent < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].row, 0, node.parent)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else -1, []))

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.kind(index)
        if kind is RowKind.BLOCK:
            return base | Qt.ItemFlag.ItemIsDragEnabled
        if kind is RowKind.DAY:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base if kind is not None else Qt.ItemFlag.ItemIsDropEnabled

    # ----------------------------------------------------------------- texts

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = {Column.TIME: self.tr("Time"), Column.TITLE: self.tr("Block"),
                 Column.DURATION: self.tr("Duration"), Column.METHOD: self.tr("Method"),
                 Column.ROOM: self.tr("Room"), Column.RESPONSIBLE: self.tr("Responsible")}
        return names.get(Column(section)) if 0 <= section < len(Column) else None

    def duration_text(self, minutes: int) -> str:
        """"45 min", "2 h", "7 h 30 min" (German: "7 Std. 30 Min.")."""
        return render(duration_text(minutes))

    def blocks_text(self, count: int) -> str:
        if count == 1:
            return self.tr("1 block")
        return self.tr("{count} blocks").format(count=count)

    def day_title(self, day_row: int) -> str:
        """"Day 1: Thursday, 20 January 2022" in the user's language."""
        if self.agenda is None:
            return ""
        from PySide6.QtCore import QDate, QLocale

        date = self.agenda.days[day_row].day
        if date is None:
            return self.tr("Day {number}").format(number=day_row + 1)
        text = QLocale().toString(QDate(date.year, date.month, date.day),
                                  QLocale.FormatType.LongFormat)
        return self.tr("Day {number}: {date}").format(number=day_row + 1, date=text)

    def _day_text(self, day: DayView, day_row: int, separator: str = "\n") -> str:
        """The heading of a day: its title on one line, its times and totals on the next
        (one line would be cut in a narrow table)."""
        return separator.join((self.day_title(day_row), self.day_facts(day, day_row)))

    def day_facts(self, day: DayView, day_row: int) -> str:
        """"09:00–17:00 · 8 h · ⚠ 2 warnings · 12 blocks" ("(+1)": ends after midnight)."""
        timed = self.schedule.days[day_row] if self.schedule is not None else None
        parts: list[str] = []
        if timed is not None and day.blocks:
            parts.append(span(timed.starts_at, timed.ends_at))
            parts.append(self.duration_text(timed.total_min))
        elif timed is not None:
            parts.append(self.tr("starts at {time}, no blocks yet").format(
                time=clock(timed.starts_at)))
        if timed is not None and timed.warnings:
            count = len(timed.warnings)
            parts.append("⚠ " + (self.tr("1 warning") if count == 1
                                 else self.tr("{count} warnings").format(count=count)))
        if day.blocks:
            parts.append(self.blocks_text(len(day.blocks)))
        return "  ·  ".join(parts)

    def category_totals_text(self, totals: dict[str, int]) -> str:
        unnamed = self.tr("no category")
        return ", ".join(f"{name or unnamed}: {self.duration_text(minutes)}"
                         for name, minutes in sorted(totals.items(), key=lambda i: -i[1]))

    # ----------------------------------------------------------------- data

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None or self.agenda is None:
            return None
        day = self.agenda.days[node.day]
        if role == Role.KIND:
            return node.kind.value
        if node.kind is RowKind.DAY:
            return self._day_data(day, node, index.column(), role)
        block = day.blocks[node.block]
        if role == Role.ID:
            return block.id
        if node.kind is RowKind.TRACKS:
            return self._tracks_data(block, index.column(), role)
        return self._block_data(block, Column(index.column()), role)

    def _day_data(self, day: DayView, node: _Node, column: int, role: int) -> Any:
        if role == Role.ID:
            return day.id
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._day_text(day, node.day)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._day_text(day, node.day, "  ·  ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._day_tooltip(node.day)
        return _LOOK.day().get(role)

    def _day_tooltip(self, day_row: int) -> str | None:
        if self.schedule is None:
            return None
        totals = dict(self.schedule.days[day_row].category_totals)
        if not totals:
            return None
        return self.tr("Per category: {totals}").format(
            totals=self.category_totals_text(totals))

    def _tracks_data(self, block: BlockView, column: int, role: int) -> Any:
        if column != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            no_room = self.tr("no room")
            return "  |  ".join(
                f"{track.title} ({track.room or no_room})" for track in block.tracks)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{count} working groups in parallel, each in its own room").format(
                count=len(block.tracks))
        if role == Role.TRACKS:
            return block.tracks
        return category_colour(block.category) if role == Role.COLOUR else None

    def _block_data(self, block: BlockView, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._block_text(block, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._block_icon(block, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._block_tooltip(block, column)
        return self._block_look(block, column, role)

    def _block_look(self, block: BlockView, column: Column, role: int) -> Any:
        if role == Role.BADGE:
            return (self.tr("internal")
                    if column == Column.TITLE and block.facilitator_only else None)
        if role == Role.WARNINGS:
            return self.warnings(block.id)
        if role in (Qt.ItemDataRole.BackgroundRole, Role.COLOUR):
            colour = category_colour(block.category)
            return colour if role == Role.COLOUR else QBrush(tint(colour))
        return _LOOK.block().get((column, role))

    def _block_icon(self, block: BlockView, column: Column) -> QIcon | None:
        if column == Column.TIME and block.pinned_at is not None:
            return pin_icon()
        if column == Column.TITLE and self.warnings(block.id):
            return warning_icon()
        return None

    def _block_text(self, block: BlockView, column: Column) -> str:
        if column == Column.TIME:
            return self.time_text(block)
        if column == Column.DURATION:
            return self.duration_text(block.duration_min)
        if column == Column.ROOM and block.is_split:
            return self.tr("{count} rooms").format(count=len(block.tracks))
        texts: dict[Column, str] = {Column.TITLE: block.title, Column.METHOD: block.method,
                                    Column.ROOM: block.room,
                                    Column.RESPONSIBLE: block.responsible}
        return texts.get(column, "")

    def time_text(self, block: BlockView) -> str:
        """"10:30–11:45"; "23:00–00:15 (+1)" past midnight; a block fixed to a time
        before its day begins says so (a day from 22:00 with lunch fixed at 12:30)."""
        slot = self.slot(block.id)
        if slot is None:
            return ""
        text = span(slot.start, slot.end)
        if slot.start < self._day_start(block):
            text += " " + self.tr("(before)")
        return text

    def _day_start(self, block: BlockView) -> int:
        if self.schedule is None or self.agenda is None:
            return 0
        for day, timed in zip(self.agenda.days, self.schedule.days, strict=False):
            if day.id == block.day_id:
                return timed.starts_at
        return 0

    def time_texts(self) -> list[str]:
        """The time of every block (the view makes its column as wide as the widest)."""
        return [self.time_text(block) for block in self.agenda.blocks] if (
            self.agenda is not None) else []

    def _block_tooltip(self, block: BlockView, column: Column) -> str | None:
        lines: list[str] = []
        if column == Column.TIME and block.pinned_at is not None:
            lines.append(self.tr("Fixed start time: {time}").format(
                time=f"{block.pinned_at.hour:02d}:{block.pinned_at.minute:02d}"))
        slot = self.slot(block.id)
        if column == Column.TIME and slot is not None and slot.end > MINUTES_PER_DAY:
            lines.append(self.tr("(+1): after midnight, on the next day"))
        if column == Column.TIME and slot is not None and slot.start < self._day_start(block):
            lines.append(self.tr("(before): fixed to start before its day begins at "
                                 "{time}").format(time=clock(self._day_start(block))))
        if block.facilitator_only:
            lines.append(self.tr("For facilitators only: left out of the participants' "
                                 "handout."))
        if block.category:
            lines.append(self.tr("Category: {name}").format(name=block.category))
        if block.goal and column == Column.TITLE:
            lines.append(self.tr("Goal: {goal}").format(goal=block.goal))
        lines.extend(f"⚠ {text}" for text in self.warnings(block.id))
        lines.append(self.tr("Drag to move (Ctrl: copy), or Alt+↑/↓; Alt+Page ↑/↓ moves "
                             "to another day."))
        return "\n".join(lines)

    # ----------------------------------------------------------------- drag and drop

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [BLOCKS_MIME, METHOD_MIME, TEMPLATE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[str] = []
        for index in indexes:
            block = self.block_at(index) if self.kind(index) is RowKind.BLOCK else None
            if block is not None and str(block.id) not in ids:
                ids.append(str(block.id))
        data = QMimeData()
        data.setData(BLOCKS_MIME, "\n".join(ids).encode())
        return data

    def drop_for(self, data: QMimeData, day_row: int, position: int, copy: bool,
                 ) -> Drop | None:
        """What a drop of ``data`` at ``position`` among the blocks of day ``day_row``
        asks for; None when there is nothing to do (a block dropped where it is)."""
        if self.agenda is None or not 0 <= day_row < len(self.agenda.days):
            return None
        day = self.agenda.days[day_row]
        blocks = day.blocks
        position = max(0, min(position, len(blocks)))
        before = blocks[position].id if position < len(blocks) else None
        after = blocks[-1].id if before is None and blocks else None
        if data.hasFormat(METHOD_MIME) or data.hasFormat(TEMPLATE_MIME):
            return _new_block_drop(data, day.id, after, before)
        if not data.hasFormat(BLOCKS_MIME):
            return None
        ids = tuple(uuid.UUID(text) for text in
                    bytes(data.data(BLOCKS_MIME).data()).decode().split() if text)
        if not ids:
            return None
        ids_here = [block.id for block in blocks]
        if not copy and len(ids) == 1 and ids[0] in ids_here:
            at = ids_here.index(ids[0])
            if position in (at, at + 1):
                return None  # dropped where it already is
        return Drop(day.id, after, before, block_ids=ids, copy=copy)


def _new_block_drop(data: QMimeData, day_id: uuid.UUID, after: uuid.UUID | None,
                    before: uuid.UUID | None) -> Drop | None:
    """A library method or a template dropped: something new, so always a copy (None
    when the drag carries no key or no id)."""
    if data.hasFormat(METHOD_MIME):
        key = bytes(data.data(METHOD_MIME).data()).decode()
        return Drop(day_id, after, before, method_key=key, copy=True) if key else None
    try:
        template_id = uuid.UUID(bytes(data.data(TEMPLATE_MIME).data()).decode().strip())
    except ValueError:
        return None
    return Drop(day_id, after, before, template_id=template_id, copy=True)


# --------------------------------------------------------------------------- delegate

TILE_MIN_WIDTH = 190
TILE_GAP = 6
TILE_PADDING = 6


class AgendaDelegate(QStyledItemDelegate):
    """Draws what a plain cell cannot: the "internal" badge after a facilitator-only
    block's title, and a block's working groups as tiles side by side."""

    # The id of the working group whose tile was clicked.
    track_clicked = Signal(object)

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    # ----------------------------------------------------------------- tiles

    def tile_rects(self, area: QRect, count: int) -> list[QRect]:
        """Where each working group's tile lies in ``area``: side by side, wrapping to a
        new line when the table is too narrow for all of them."""
        if count <= 0:
            return []
        inner = area.adjusted(TILE_PADDING, TILE_PADDING // 2, -TILE_PADDING, 0)
        per_line = max(1, min(count, (inner.width() + TILE_GAP) // (TILE_MIN_WIDTH + TILE_GAP)))
        width = (inner.width() - TILE_GAP * (per_line - 1)) // per_line
        height = self._tile_height()
        return [QRect(inner.left() + (i % per_line) * (width + TILE_GAP),
                      inner.top() + (i // per_line) * (height + TILE_GAP), width, height)
                for i in range(count)]

    def tiles_area(self, option: QStyleOptionViewItem) -> QRect:
        """The row's rectangle, cut to what the view shows (the tiles never hide beyond
        its right edge)."""
        rect = QRect(option.rect)
        right = self._view.viewport().width() - 1
        if rect.right() > right:
            rect.setRight(right)
        return rect

    def _tile_height(self) -> int:
        metrics = QFontMetrics(self._view.font())
        return metrics.height() * 3 + 10

    def _tracks_width(self, index: AnyIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return max(TILE_MIN_WIDTH, self._view.viewport().width()
                   - depth * self._view.indentation())

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        kind = index.data(Role.KIND)
        base = super().sizeHint(option, index)
        if kind == RowKind.TRACKS:
            width = self._tracks_width(index)
            tiles = self.tile_rects(QRect(0, 0, width, 0), len(index.data(Role.TRACKS) or ()))
            bottom = tiles[-1].bottom() if tiles else self._tile_height()
            return QSize(width, bottom + TILE_PADDING + TILE_GAP)
        # Rows with air: easier to read from a distance and to hit with a finger.
        return QSize(base.width(), base.height() + (14 if kind == RowKind.DAY else 10))

    # ----------------------------------------------------------------- painting

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        kind = index.data(Role.KIND)
        if kind == RowKind.TRACKS:
            self._paint_tracks(painter, option, index)
            return
        badge = index.data(Role.BADGE)
        if not badge:
            super().paint(painter, option, index)
            return
        # The text gets the cell but the badge's place; the cell's colour goes under both.
        rect = QRect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Highlight) if selected
                         else index.data(Qt.ItemDataRole.BackgroundRole))
        font = self._badge_font(option)
        width = QFontMetrics(font).horizontalAdvance(str(badge)) + 12
        text_option = QStyleOptionViewItem(option)
        text_option.rect = rect.adjusted(0, 0, -(width + 8), 0)
        super().paint(painter, text_option, index)
        height = QFontMetrics(font).height() + 4
        place = QRect(rect.right() - width - 4, rect.center().y() - height // 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#5d4037"))
        painter.drawRoundedRect(place, 6, 6)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(font)
        painter.drawText(place, Qt.AlignmentFlag.AlignCenter, str(badge))
        painter.restore()

    @staticmethod
    def _badge_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setBold(True)
        return font

    def _paint_tracks(self, painter: QPainter, option: QStyleOptionViewItem,
                      index: AnyIndex) -> None:
        tracks: tuple[TrackView, ...] = index.data(Role.TRACKS) or ()
        colour: QColor = index.data(Role.COLOUR) or QColor(_NO_CATEGORY)
        rect = self.tiles_area(option)
        state = option.state
        painter.save()
        painter.fillRect(rect, tint(colour, 0.08))
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(option.palette.color(
                QPalette.ColorRole.Highlight).lighter(185)))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        line = QFontMetrics(base).height()
        for track, tile in zip(tracks, self.tile_rects(rect, len(tracks)), strict=True):
            painter.setPen(QPen(colour, 2))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(tile.adjusted(1, 1, -1, -1), 5, 5)
            text = tile.adjusted(8, 4, -6, -4)
            painter.setFont(bold)
            painter.setPen(QColor("#17202a"))
            painter.drawText(QRect(text.left(), text.top(), text.width(), line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(bold).elidedText(track.title, Qt.TextElideMode.ElideRight,
                                                           text.width()))
            painter.setFont(small)
            room = track.room or self.tr("no room")
            painter.setPen(QColor("#37474f") if track.room else QColor("#b71c1c"))
            painter.drawText(QRect(text.left(), text.top() + line, text.width(), line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(small).elidedText(
                                 "⌂ " + room, Qt.TextElideMode.ElideRight, text.width()))
            if track.facilitator:
                painter.setPen(QColor("#546e7a"))
                painter.drawText(QRect(text.left(), text.top() + 2 * line, text.width(), line),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 QFontMetrics(small).elidedText(
                                     "☺ " + track.facilitator, Qt.TextElideMode.ElideRight,
                                     text.width()))
        painter.restore()

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem, index: AnyIndex) -> bool:
        if (event.type() == QEvent.Type.MouseButtonRelease
                and index.data(Role.KIND) == RowKind.TRACKS and isinstance(event, QMouseEvent)):
            tracks: tuple[TrackView, ...] = index.data(Role.TRACKS) or ()
            rect = self.tiles_area(option)
            for track, tile in zip(tracks, self.tile_rects(rect, len(tracks)), strict=True):
                if tile.contains(event.position().toPoint()):
                    self.track_clicked.emit(track.id)
                    break
        return super().editorEvent(event, model, option, index)


# --------------------------------------------------------------------------- view


class AgendaTreeView(QTreeView):
    """The agenda table. Drops are placed by the pointer's height on a row: upper half
    before, lower half after; a day's heading takes blocks at the start of that day."""

    # A :class:`Drop` for the page to carry out.
    dropped = Signal(object)

    def __init__(self, model: AgendaModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaTable")
        self.agenda_model = model
        self.setModel(model)
        self.delegate = AgendaDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)  # drawn here, where the drop really goes
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAlternatingRowColors(False)
        self.setUniformRowHeights(False)
        self.setAllColumnsShowFocus(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setIndentation(15)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self._drop_line: int | None = None
        self._last_width = 0
        model.modelReset.connect(self._after_reset)
        model.retimed.connect(self.fit_columns)
        self.fit_columns()

    def _after_reset(self) -> None:
        """Days and working groups span the table; everything stays unfolded."""
        model = self.agenda_model
        for day_row in range(model.rowCount()):
            day = model.index(day_row, 0)
            self.setFirstColumnSpanned(day_row, QModelIndex(), True)
            for block_row in range(model.rowCount(day)):
                block = model.index(block_row, 0, day)
                if model.rowCount(block):
                    self.setFirstColumnSpanned(0, block, True)
        self.expandAll()

    def drawBranches(self, painter: QPainter, rect: QRect, index: AnyIndex) -> None:
        """No fold arrows (everything stays open): the indentation shows the block's
        category colour instead, a bar along the block and its working groups."""
        colour = index.data(Role.COLOUR)
        if not isinstance(colour, QColor):
            return
        kind = index.data(Role.KIND)
        painter.fillRect(rect, tint(colour, 0.08) if kind == RowKind.TRACKS else QColor("#ffffff"))
        left = rect.left() + (0 if kind == RowKind.BLOCK else self.indentation())
        painter.fillRect(QRect(left + 4, rect.top(), 7, rect.height()), colour)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        if width != self._last_width:
            self._last_width = width
            self.fit_columns()
            # The working groups' tiles wrap by width: their rows change height.
            self.scheduleDelayedItemsLayout()

    def fit_columns(self) -> None:
        """Share the width out so nothing needs scrolling sideways: time and duration
        always, then the title, then method, room and responsible as room allows (the
        editor shows them all)."""
        metrics = self.fontMetrics()
        time_width = self.time_width()
        duration_width = max(metrics.horizontalAdvance(text) for text in (
            "10 h 30 min", self.agenda_model.duration_text(10 * 60 + 30))) + 20
        header = self.header()
        header.resizeSection(Column.TIME, time_width)
        header.resizeSection(Column.DURATION, duration_width)
        rest = self.viewport().width() - time_width - duration_width
        optional = (Column.METHOD, Column.ROOM, Column.RESPONSIBLE)
        # A column for every 150 px beyond the title's first 220.
        shown = max(0, min(len(optional), (rest - 220) // 150))
        for position, column in enumerate(optional):
            header.setSectionHidden(column, position >= shown)
            if position < shown:
                header.resizeSection(column, max(130, min(200, rest // (shown + 2))))

    def time_width(self) -> int:
        """The time column: as wide as its widest text (in the bold font of the times),
        with the indentation, the pin of a fixed block and the cell's margins."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(text)
                      for text in ["00:00–00:00", *self.agenda_model.time_texts()]), default=0)
        style = self.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        icon = self.iconSize().width() if self.iconSize().width() > 0 else (
            style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self))
        return widest + self.indentation() + icon + 4 * margin + 8

    # ----------------------------------------------------------------- dragging

    def startDrag(self, supported: Qt.DropAction) -> None:
        index = self.currentIndex()
        if self.agenda_model.kind(index) is not RowKind.BLOCK:
            return
        drag = QDrag(self)
        drag.setMimeData(self.agenda_model.mimeData([index.siblingAtColumn(0)]))
        row = self.visualRect(index.siblingAtColumn(Column.TITLE))
        pixmap = self.viewport().grab(QRect(0, row.top(), self.viewport().width(),
                                            row.height()))
        drag.setPixmap(pixmap.scaledToWidth(min(pixmap.width(), 420)))
        drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
                  Qt.DropAction.MoveAction)

    def _accepts(self, data: QMimeData) -> bool:
        return any(data.hasFormat(kind) for kind in (BLOCKS_MIME, METHOD_MIME, TEMPLATE_MIME))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            self.setState(QAbstractItemView.State.DraggingState)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # scrolls near the edges
        target = self.drop_target(event.position().toPoint())
        if target is None or not self._accepts(event.mimeData()):
            self._drop_line = None
            event.ignore()
        else:
            self._drop_line = target[2]
            event.acceptProposedAction()
        self.viewport().update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._drop_line = None
        self.viewport().update()

    def dropEvent(self, event: QDropEvent) -> None:
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self._drop_line = None
        self.viewport().update()
        target = self.drop_target(event.position().toPoint())
        if target is None:
            event.ignore()
            return
        day_row, position, _line = target
        copy = (event.dropAction() == Qt.DropAction.CopyAction
                or bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
        drop = self.agenda_model.drop_for(event.mimeData(), day_row, position, copy)
        event.setDropAction(Qt.DropAction.CopyAction if copy or drop is None or drop.copy
                            else Qt.DropAction.MoveAction)
        event.accept()
        if drop is not None:
            self.dropped.emit(drop)

    def drop_target(self, point: QPoint) -> tuple[int, int, int] | None:
        """(day row, position among its blocks, y of the line to draw) for a drop at
        ``point`` of the viewport; None where nothing can go (no days)."""
        model = self.agenda_model
        days = model.rowCount()
        if days == 0:
            return None
        index = self.indexAt(point)
        if not index.isValid():
            last = model.index(days - 1, 0)
            return days - 1, model.rowCount(last), self._bottom_of(last)
        index = index.siblingAtColumn(0)
        rect = self.visualRect(index)
        upper = point.y() < rect.center().y()
        kind = model.kind(index)
        if kind is RowKind.DAY:
            if upper and index.row() > 0:
                previous = model.index(index.row() - 1, 0)
                return index.row() - 1, model.rowCount(previous), rect.top()
            return index.row(), 0, rect.bottom()
        if kind is RowKind.TRACKS:
            index, upper = index.parent(), False
        day = index.parent()
        if upper:
            return day.row(), index.row(), self.visualRect(index).top()
        return day.row(), index.row() + 1, self._bottom_of(index)

    def _bottom_of(self, index: QModelIndex) -> int:
        """The bottom of a row with everything under it (a block's working groups)."""
        model = self.agenda_model
        while model.rowCount(index):
            index = model.index(model.rowCount(index) - 1, 0, index)
        return self.visualRect(index).bottom()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._drop_line is None:
            return
        painter = QPainter(self.viewport())
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3)
        painter.setPen(pen)
        y = self._drop_line
        painter.drawLine(4, y, self.viewport().width() - 4, y)
        painter.drawEllipse(QPoint(6, y), 4, 4)
        painter.end()
