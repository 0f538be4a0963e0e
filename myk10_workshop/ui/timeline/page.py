"""The Timeline page: a project's phases, milestones and measures on a zoomable chart, with
a table of the same rows, the plan's warnings, exports and a projector window.

Everything the facilitator changes here becomes one timeline operation through the bridge
(so it is saved at once and undone with Ctrl+Z); the chart shows the next snapshot of the
store, read off the GUI thread after every change. One read at a time: changes that arrive
meanwhile ask for one more read when it is done, so a burst of edits costs two reads, not
one per edit.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QPoint,
    QPointF,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from myk10_workshop.files import safe_file_name
from myk10_workshop.i18n import QT_TRANSLATE_NOOP, collation_key
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.operations import Batch, ChangeSet, Operation
from myk10_workshop.store.schema import Workshop
from myk10_workshop.timeline import operations as ops
from myk10_workshop.timeline.queries import (
    FieldView,
    MeasureView,
    MilestoneView,
    PhaseView,
    Timeline,
    load_timeline,
)
from myk10_workshop.timeline.rules import (
    CycleError,
    ItemRef,
    TimelineWarning,
    check_new_link,
    phase_containing,
)
from myk10_workshop.ui.bridge import StoreBridge, render
from myk10_workshop.ui.colours import swatch
from myk10_workshop.ui.save_dialog import ask_save_path
from myk10_workshop.ui.timeline.items import (
    BAR_H,
    DIAMOND_R,
    Look,
    MilestoneItem,
    TimelineItem,
    paint_milestone_symbol,
)
from myk10_workshop.ui.timeline.scene import (
    GROUP_FIELD,
    GROUP_PHASE,
    MEASURE_STATUS,
    MILESTONE_STATUS,
    TimelineScene,
    format_date,
)
from myk10_workshop.ui.timeline.view import (
    END,
    GROUP,
    KIND,
    OWNER,
    SORT_ROLE,
    START,
    STATUS,
    TITLE,
    TimelineDelegate,
    TimelineTableModel,
    TimelineView,
    select_rows,
)

if TYPE_CHECKING:
    from myk10_workshop.ui.timeline.view import TimelineProjector

# What a change must touch for the timeline to read again.
TIMELINE_KINDS = ("project", "phase", "field_of_action", "milestone", "measure",
                  "dependency", "baseline", "baseline_entry")
# The date edit waits for typing to settle before the today line moves (one operation).
AS_OF_DELAY_MS = 600
PROJECTOR_KEYS = ("F5", "Ctrl+P")
_DELETE = QT_TRANSLATE_NOOP("TimelinePage", "Delete from the timeline")
# Which date edits mean "no date" (one day before the first a timeline can show).
NO_DATE = QDate(1999, 12, 31)


def _to_date(value: QDate) -> dt.date | None:
    if not value.isValid() or value <= NO_DATE:
        return None
    day = value.toPython()
    return day if isinstance(day, dt.date) else None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(parent: QWidget, *, optional: bool = False) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    pattern = edit.locale().dateFormat(edit.locale().FormatType.ShortFormat)
    edit.setDisplayFormat(pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy"))
    edit.setMinimumDate(NO_DATE if optional else QDate(2000, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    if optional:
        edit.setSpecialValueText("–")
    return edit


def _workshops(session: Session, project_id: uuid.UUID) -> tuple[tuple[uuid.UUID, str], ...]:
    """The project's workshops, oldest first: what a milestone can be linked to."""
    workshop = Workshop.__table__.c
    rows = list(session.execute(
        select(workshop.id, workshop.title, workshop.starts_on)
        .where(workshop.project_id == project_id, workshop.deleted.is_(False))).all())
    rows.sort(key=lambda row: (row.starts_on or dt.date.max, collation_key(row.title)))
    return tuple((row.id, row.title) for row in rows)


def _fill_choice(combo: QComboBox, none: str,
                 entries: list[tuple[uuid.UUID, str, QIcon | None]]) -> None:
    """"— none —" and then the entries (id as the data, as text)."""
    combo.addItem(none, "")
    for entry_id, text, icon in entries:
        if icon is not None:
            combo.addItem(icon, text, str(entry_id))
        else:
            combo.addItem(text, str(entry_id))


def _a_year_on(day: dt.date) -> dt.date:
    """The day before the same date a year later (a new bar's default length)."""
    try:
        return day.replace(year=day.year + 1) - dt.timedelta(days=1)
    except ValueError:  # the 29th of February
        return day + dt.timedelta(days=364)


def _tool_icon(kind: str) -> QIcon:
    """A small drawn icon for a tool button: "fit" (the whole plan in the frame) or "link"
    (one item leading to another)."""
    ratio = 2
    pixmap = QPixmap(16 * ratio, 16 * ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.scale(ratio, ratio)
    pen = QPen(QColor("#37474f"), 1.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    if kind == "fit":
        for x, y, dx, dy in ((2, 2, 1, 1), (14, 2, -1, 1), (2, 14, 1, -1), (14, 14, -1, -1)):
            painter.drawLine(QPointF(x, y), QPointF(x + 4 * dx, y))
            painter.drawLine(QPointF(x, y), QPointF(x, y + 4 * dy))
        painter.fillRect(QRectF(5.5, 6.5, 5, 3), QColor("#7fb3d5"))
    else:
        painter.setBrush(QColor("#7fb3d5"))
        painter.drawRect(QRectF(1.5, 2.5, 6, 4))
        painter.drawRect(QRectF(8.5, 9.5, 6, 4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline([QPointF(7.5, 4.5), QPointF(11.5, 4.5), QPointF(11.5, 8.5)])
        painter.drawPolyline([QPointF(9.8, 6.8), QPointF(11.5, 8.8), QPointF(13.2, 6.8)])
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return QIcon(pixmap)


# Colours a phase can take (its band on the chart): light enough for the titles on it.
PHASE_COLOURS = (
    (ops.PHASE_COLOUR, QT_TRANSLATE_NOOP("PlanItemDialog", "Light blue")),
    ("#a1d99b", QT_TRANSLATE_NOOP("PlanItemDialog", "Light green")),
    ("#fdd0a2", QT_TRANSLATE_NOOP("PlanItemDialog", "Light orange")),
    ("#cbc9e2", QT_TRANSLATE_NOOP("PlanItemDialog", "Lilac")),
    ("#fcbba1", QT_TRANSLATE_NOOP("PlanItemDialog", "Salmon")),
    ("#ffeda0", QT_TRANSLATE_NOOP("PlanItemDialog", "Light yellow")),
    ("#d9d9d9", QT_TRANSLATE_NOOP("PlanItemDialog", "Grey")),
)


class PlanItemDialog(QDialog):
    """Edit (or make) a milestone, a measure or a phase: title, dates, status, owner, and
    its phase, workshop and measure (milestone), field of action and priority (measure) or
    colour (phase). Returns only what changed."""

    def __init__(self, kind: str, timeline: Timeline,
                 row: MilestoneView | MeasureView | PhaseView | None = None, *,
                 due_on: dt.date | None = None, phase_id: uuid.UUID | None = None,
                 ends_on: dt.date | None = None, field_id: uuid.UUID | None = None,
                 workshops: tuple[tuple[uuid.UUID, str], ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineItemDialog")
        self.kind = kind
        self.row = row
        self._make_fields()
        form = self._lay_out(timeline, workshops)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.title_edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._fill(row, due_on, ends_on, phase_id or field_id)
        titles = {("milestone", True): self.tr("New milestone"),
                  ("milestone", False): self.tr("Edit milestone"),
                  ("measure", True): self.tr("New measure"),
                  ("measure", False): self.tr("Edit measure"),
                  ("phase", True): self.tr("New phase"),
                  ("phase", False): self.tr("Edit phase")}
        self.setWindowTitle(titles.get((kind, row is None), self.tr("Edit")))

    def _make_fields(self) -> None:
        kind = self.kind
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("timelineItemTitle")
        self.title_edit.setMinimumWidth(380)
        self.start_edit = _date_edit(self, optional=kind == "measure")
        self.end_edit = _date_edit(self, optional=kind == "measure")
        self.status_choice = QComboBox(self)
        self.owner_edit = QLineEdit(self)
        self.group_choice = QComboBox(self)
        self.workshop_choice = QComboBox(self)
        self.workshop_choice.setObjectName("timelineItemWorkshop")
        self.measure_choice = QComboBox(self)
        self.measure_choice.setObjectName("timelineItemMeasure")
        self.priority_edit = QSpinBox(self)
        self.priority_edit.setObjectName("timelineItemPriority")
        self.priority_edit.setRange(0, ops.MAX_PRIORITY)
        self.priority_edit.setSpecialValueText(self.tr("— none —"))
        self.colour_choice = QComboBox(self)
        self.colour_choice.setObjectName("timelineItemColour")
        for combo in (self.workshop_choice, self.measure_choice):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(30)

    def _lay_out(self, timeline: Timeline,
                 workshops: tuple[tuple[uuid.UUID, str], ...]) -> QFormLayout:
        """The fields of this kind in a form (the others are made, as values() reads them,
        but never shown)."""
        kind = self.kind
        none = self.tr("— none —")
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Name") if kind == "phase" else self.tr("Title"), self.title_edit)]
        if kind == "milestone":
            rows.append((self.tr("Due on"), self.end_edit))
        else:
            rows += [(self.tr("Start"), self.start_edit), (self.tr("End"), self.end_edit)]
        if kind != "phase":
            statuses = MILESTONE_STATUS if kind == "milestone" else MEASURE_STATUS
            for value, label in statuses.items():
                self.status_choice.addItem(render(label), value)
            groups: tuple[PhaseView | FieldView, ...] = (
                timeline.phases if kind == "milestone" else timeline.fields)
            _fill_choice(self.group_choice, none,
                         [(g.id, g.name, swatch(g.colour)) for g in groups])
            rows += [(self.tr("Status"), self.status_choice),
                     (self.tr("Owner"), self.owner_edit),
                     (self.tr("Phase") if kind == "milestone" else self.tr("Field of action"),
                      self.group_choice)]
        if kind == "measure":
            rows.append((self.tr("Priority"), self.priority_edit))
        elif kind == "milestone":
            _fill_choice(self.workshop_choice, none,
                         [(w_id, title, None) for w_id, title in workshops])
            measures = sorted(timeline.measures, key=lambda m: collation_key(m.title))
            _fill_choice(self.measure_choice, none, [(m.id, m.title, None) for m in measures])
            rows += [(self.tr("Workshop"), self.workshop_choice),
                     (self.tr("Measure"), self.measure_choice)]
        else:
            for colour, name in PHASE_COLOURS:
                self.colour_choice.addItem(swatch(colour), render(name), colour)
            rows.append((self.tr("Colour"), self.colour_choice))
        form = QFormLayout()
        for text, widget in rows:
            form.addRow(text, widget)
        shown = {widget for _label, widget in rows}
        for widget in (self.start_edit, self.status_choice, self.owner_edit,
                       self.group_choice, self.workshop_choice, self.measure_choice,
                       self.priority_edit, self.colour_choice):
            widget.setVisible(widget in shown)
        return form

    def _fill(self, row: MilestoneView | MeasureView | PhaseView | None,
              due_on: dt.date | None, ends_on: dt.date | None,
              group_id: uuid.UUID | None) -> None:
        today = due_on or dt.date.today()
        self.end_edit.setDate(_qdate(ends_on or today))
        self.start_edit.setDate(_qdate(today))
        group = str(group_id) if group_id else ""
        colour = ops.PHASE_COLOUR
        if isinstance(row, MilestoneView):
            self.title_edit.setText(row.title)
            self.end_edit.setDate(_qdate(row.due_on))
            self._choose(self.status_choice, row.status)
            self.owner_edit.setText(row.owner)
            group = str(row.phase_id) if row.phase_id else ""
            self._choose(self.workshop_choice, str(row.workshop_id or ""))
            self._choose(self.measure_choice, str(row.measure_id or ""))
        elif isinstance(row, MeasureView):
            self.title_edit.setText(row.title)
            self.start_edit.setDate(_qdate(row.starts_on) if row.starts_on else NO_DATE)
            self.end_edit.setDate(_qdate(row.ends_on) if row.ends_on else NO_DATE)
            self._choose(self.status_choice, row.status)
            self.owner_edit.setText(row.owner)
            self.priority_edit.setValue(row.priority or 0)
            group = str(row.field_of_action_id) if row.field_of_action_id else ""
        elif isinstance(row, PhaseView):
            self.title_edit.setText(row.name)
            if row.starts_on:
                self.start_edit.setDate(_qdate(row.starts_on))
            if row.ends_on:
                self.end_edit.setDate(_qdate(row.ends_on))
            colour = row.colour
        if self.colour_choice.findData(colour) < 0:
            # A colour chosen elsewhere (the demo's, an import's) stays choosable.
            self.colour_choice.addItem(swatch(colour), self.tr("This colour ({colour})")
                                       .format(colour=colour), colour)
        self._choose(self.colour_choice, colour)
        self._choose(self.group_choice, group)
        self.ok_button.setEnabled(bool(self.title_edit.text().strip()))
        self.title_edit.selectAll()

    @staticmethod
    def _choose(combo: QComboBox, value: str) -> None:
        found = combo.findData(value)
        combo.setCurrentIndex(max(0, found))

    @staticmethod
    def _chosen(combo: QComboBox) -> uuid.UUID | None:
        value = combo.currentData()
        return uuid.UUID(value) if value else None

    def values(self) -> dict[str, Any]:
        """Every field the form shows, as the operations name them."""
        title = self.title_edit.text().strip()
        if self.kind == "phase":
            return {"name": title, "starts_on": _to_date(self.start_edit.date()),
                    "ends_on": _to_date(self.end_edit.date()),
                    "colour": self.colour_choice.currentData() or ops.PHASE_COLOUR}
        values: dict[str, Any] = {"title": title, "status": self.status_choice.currentData(),
                                  "owner": self.owner_edit.text().strip()}
        if self.kind == "milestone":
            values["due_on"] = _to_date(self.end_edit.date())
            values["phase_id"] = self._chosen(self.group_choice)
            values["workshop_id"] = self._chosen(self.workshop_choice)
            values["measure_id"] = self._chosen(self.measure_choice)
        else:
            values["starts_on"] = _to_date(self.start_edit.date())
            values["ends_on"] = _to_date(self.end_edit.date())
            values["field_of_action_id"] = self._chosen(self.group_choice)
            values["priority"] = self.priority_edit.value() or None
        return values

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the row's (all of them for a new item)."""
        values = self.values()
        if self.row is None:
            return values
        old = {"name": getattr(self.row, "name", None)} if self.kind == "phase" else {}
        return {name: value for name, value in values.items()
                if old.get(name, getattr(self.row, name, None)) != value}


class LegendBar(QWidget):
    """What the symbols mean, under the chart: a facilitator explaining the plan to a room
    should not have to know that a filled diamond is a milestone that is done."""

    def __init__(self, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineLegend")
        self.look = look
        self.note = ""
        self.setMinimumHeight(28)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> Any:
        hint = super().sizeHint()
        hint.setHeight(28)
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.font())
        metrics = painter.fontMetrics()
        middle = self.height() / 2
        x = 10.0
        entries = (("planned", self.tr("planned")), ("done", self.tr("done")),
                   ("late", self.tr("late")))
        for status, text in entries:
            painter.save()
            painter.translate(QPointF(x + DIAMOND_R, middle))
            paint_milestone_symbol(painter, self.look, status)
            painter.restore()
            x += 2 * DIAMOND_R + 6
            painter.setPen(QColor("#37474f"))
            painter.drawText(QPointF(x, middle + metrics.ascent() / 2 - 1), text)
            x += metrics.horizontalAdvance(text) + 18
        painter.setPen(self.look.bar_outline)
        painter.setBrush(QColor("#7fb3d5"))
        painter.drawRect(QRectF(x, middle - BAR_H / 2 + 3, 34, BAR_H - 6))
        x += 40
        text = self.tr("measure (colour: field of action)")
        painter.setPen(QColor("#37474f"))
        painter.drawText(QPointF(x, middle + metrics.ascent() / 2 - 1), text)
        x += metrics.horizontalAdvance(text) + 18
        painter.fillRect(int(x), int(middle + 2), 34, 4, self.look.baseline_fill)
        x += 40
        text = self.tr("baseline")
        painter.drawText(QPointF(x, middle + metrics.ascent() / 2 - 1), text)
        x += metrics.horizontalAdvance(text) + 18
        painter.setPen(self.look.today)
        painter.drawLine(QPointF(x + 4, 5), QPointF(x + 4, self.height() - 5))
        x += 12
        text = self.tr("as of")
        painter.setPen(QColor("#37474f"))
        painter.drawText(QPointF(x, middle + metrics.ascent() / 2 - 1), text)
        x += metrics.horizontalAdvance(text) + 24
        if self.note:
            painter.setPen(QColor("#6d4c41"))
            painter.drawText(QPointF(x, middle + metrics.ascent() / 2 - 1), self.note)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)


class TimelinePage(QWidget):
    """A project's timeline: chart and table, warnings, as-of date, baseline, exports."""

    # The snapshot on screen is complete (tests and benchmarks wait for it).
    loaded = Signal()
    # Something the facilitator should know that is no error ("saved to ...").
    notice = Signal(str)
    # An export finished writing: its path and whether it succeeded.
    exported = Signal(Path, bool)

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePage")
        self.bridge = bridge
        self.project_id: uuid.UUID | None = None
        self.timeline: Timeline | None = None
        # The project's workshops (id, title), for the milestone form's link to one.
        self.workshops: tuple[tuple[uuid.UUID, str], ...] = ()
        # Where the last export went: the next one starts there.
        self._folder = Path.home()
        self.warnings: tuple[TimelineWarning, ...] = ()
        self._loading = False
        self._stale = False
        self._fit_on_load = True
        self._table_sized: uuid.UUID | None = None
        self.projector: TimelineProjector | None = None

        self.scene = TimelineScene()
        self.view = TimelineView(self.scene, self)
        self.legend = LegendBar(self.scene.look, self)
        self._build_table()
        self._build_bar()
        self._build_warnings()
        self._build_body()

        self._as_of_timer = QTimer(self)
        self._as_of_timer.setSingleShot(True)
        self._as_of_timer.setInterval(AS_OF_DELAY_MS)
        self._as_of_timer.timeout.connect(self._commit_as_of)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(2500)
        self._flash_timer.timeout.connect(self._end_flash)
        self._flashed: list[TimelineItem] = []
        self._build_actions()
        self._connect()
        self._retranslate()
        self.show_project(None)

    # ----------------------------------------------------------------- building

    def _build_table(self) -> None:
        self.table_model = TimelineTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.table_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("timelineTable")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(TimelineDelegate(self.table_model, self.proxy, self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # Sizing columns to their contents looks at this many rows, not at all of them.
        header.setResizeContentsPrecision(200)

    def _build_body(self) -> None:
        """Chart or table (a switch in the tool bar, not a third row of tabs inside the
        main window's) under the warnings; a hint in their place while no project is
        chosen."""
        chart = QWidget(self)
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(0)
        chart_layout.addWidget(self.view, 1)
        chart_layout.addWidget(self.legend)
        self.views = QStackedWidget(self)
        self.views.setObjectName("timelineViews")
        self.views.addWidget(chart)
        self.views.addWidget(self.table)
        self.empty = QLabel(self)
        self.empty.setObjectName("timelineEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(2)
        body_layout.addWidget(self.warning_box)
        body_layout.addWidget(self.views, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)

    def show_chart(self) -> None:
        self.chart_button.setChecked(True)

    def show_table(self) -> None:
        self.table_button.setChecked(True)

    def _show_view(self, *, focus: bool = False) -> None:
        """Chart or table; the chart's own tools rest while the table shows."""
        table = self.table_button.isChecked()
        self.views.setCurrentIndex(1 if table else 0)
        chart = not table and self.timeline is not None
        for widget in (self.link_button, self.group_choice, self.zoom_out_button,
                       self.zoom_in_button, self.fit_button):
            widget.setEnabled(chart)
        self.show_baseline_action.setEnabled(
            chart and self.timeline is not None and self.timeline.baseline is not None)
        if focus:
            (self.table if table else self.view).setFocus()

    def _build_bar(self) -> None:
        self.chart_button = QToolButton(self)
        self.chart_button.setCheckable(True)
        self.chart_button.setChecked(True)
        self.table_button = QToolButton(self)
        self.table_button.setCheckable(True)
        self.view_choice = QButtonGroup(self)
        self.view_choice.setExclusive(True)
        self.view_choice.addButton(self.chart_button)
        self.view_choice.addButton(self.table_button)
        self.group_choice = QComboBox(self)
        self.group_choice.setObjectName("timelineGroupBy")
        self.group_choice.addItem("", GROUP_PHASE)
        self.group_choice.addItem("", GROUP_FIELD)
        self.as_of_label = QLabel(self)
        self.as_of_edit = _date_edit(self)
        self.as_of_edit.setObjectName("timelineAsOf")
        self.today_button = QToolButton(self)
        self.zoom_out_button = QToolButton(self)
        self.zoom_in_button = QToolButton(self)
        # Secondary commands show an icon (and say what they do in their tooltip), so that
        # the bar fits a 1366 pixel laptop screen beside the navigator.
        self.fit_button = QToolButton(self)
        self.fit_button.setObjectName("timelineFit")
        self.fit_button.setIcon(_tool_icon("fit"))
        self.fit_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        # New milestone, measure or phase: one button with a menu (N, M, P on the chart).
        self.new_button = QToolButton(self)
        self.new_button.setObjectName("timelineNew")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_menu = QMenu(self)
        self.new_button.setMenu(self.new_menu)
        self.link_button = QToolButton(self)
        self.link_button.setObjectName("timelineLink")
        self.link_button.setIcon(_tool_icon("link"))
        self.link_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.projector_button = QToolButton(self)
        self.projector_button.setCheckable(True)
        self.more_button = QToolButton(self)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self)
        self.more_button.setMenu(self.more_menu)
        self.bar = QToolBar(self)
        self.bar.setObjectName("timelineBar")
        # Most used first: what does not fit on a small laptop goes behind » at the end
        # (at 1366 pixels nothing does; the baseline switch is in the More menu).
        self.group_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        groups: list[list[QWidget]] = [
            [self.chart_button, self.table_button],
            [self.new_button, self.link_button, self.projector_button],
            [self.as_of_label, self.as_of_edit, self.today_button],
            [self.zoom_out_button, self.zoom_in_button, self.fit_button],
            [self.group_choice, self.more_button]]
        for index, group in enumerate(groups):
            if index:
                self.bar.addSeparator()
            for widget in group:
                self.bar.addWidget(widget)

    def _build_warnings(self) -> None:
        self.warning_box = QFrame(self)
        self.warning_box.setObjectName("timelineWarnings")
        self.warning_box.setStyleSheet(
            "QFrame#timelineWarnings { background: #fff8e1; border: 1px solid #ffcc80;"
            " border-radius: 4px; }")
        self.warning_label = QLabel(self.warning_box)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setWordWrap(True)
        self.warning_toggle = QToolButton(self.warning_box)
        self.warning_toggle.setCheckable(True)
        self.warning_list = QListWidget(self.warning_box)
        self.warning_list.setObjectName("timelineWarningList")
        self.warning_list.setMaximumHeight(140)
        self.warning_list.hide()
        top = QHBoxLayout()
        top.addWidget(self.warning_label, 1)
        top.addWidget(self.warning_toggle)
        box = QVBoxLayout(self.warning_box)
        box.setContentsMargins(8, 4, 8, 4)
        box.addLayout(top)
        box.addWidget(self.warning_list)
        self.warning_box.hide()

    def _build_actions(self) -> None:
        self.delete_action = QAction(self)
        self.delete_action.triggered.connect(self.delete_selected)
        self.edit_action = QAction(self)
        self.edit_action.triggered.connect(self.edit_selected)
        self.fit_action = QAction(self)
        self.fit_action.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.fit_action.triggered.connect(self.view.fit_all)
        self.addAction(self.fit_action)
        self.projector_action = QAction(self)
        self.projector_action.setShortcuts([QKeySequence(key) for key in PROJECTOR_KEYS])
        self.projector_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.projector_action.triggered.connect(self.projector_button.toggle)
        self.addAction(self.projector_action)
        self.table_delete_action = QAction(self.table)
        self.table_delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.table_delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table_delete_action.triggered.connect(self.delete_table_rows)
        self.table.addAction(self.table_delete_action)
        self.new_milestone_action = self.new_menu.addAction("")
        self.new_milestone_action.setObjectName("newMilestone")
        self.new_milestone_action.triggered.connect(lambda: self.new_milestone(None, ""))
        self.new_measure_action = self.new_menu.addAction("")
        self.new_measure_action.setObjectName("newMeasure")
        self.new_measure_action.triggered.connect(lambda: self.new_measure(None, ""))
        self.new_phase_action = self.new_menu.addAction("")
        self.new_phase_action.setObjectName("newPhase")
        self.new_phase_action.triggered.connect(lambda: self.new_phase(None))
        self.show_baseline_action = QAction(self)
        self.show_baseline_action.setCheckable(True)
        self.show_baseline_action.setChecked(True)
        self.show_baseline_action.toggled.connect(self.scene.set_show_baseline)
        self.baseline_action = QAction(self)
        self.baseline_action.triggered.connect(self.take_baseline)
        self.export_png_action = QAction(self)
        self.export_png_action.triggered.connect(lambda: self.choose_export("png"))
        self.export_pdf_action = QAction(self)
        self.export_pdf_action.triggered.connect(lambda: self.choose_export("pdf"))
        self.export_svg_action = QAction(self)
        self.export_svg_action.triggered.connect(lambda: self.choose_export("svg"))
        self.more_menu.addAction(self.show_baseline_action)
        self.more_menu.addAction(self.baseline_action)
        self.more_menu.addSeparator()
        for action in (self.export_png_action, self.export_pdf_action, self.export_svg_action):
            self.more_menu.addAction(action)

    def _connect(self) -> None:
        self.bridge.changed.connect(self._on_changed)
        view = self.view
        view.items_moved.connect(self.move_items)
        view.bar_resized.connect(self.resize_bar)
        view.link_requested.connect(self.add_dependency)
        view.link_selected_requested.connect(self.link_selected)
        view.edit_requested.connect(self.edit_item)
        view.delete_requested.connect(self.delete_selected)
        view.new_milestone_requested.connect(self.new_milestone)
        view.new_measure_requested.connect(self.new_measure)
        view.new_phase_requested.connect(self.new_phase)
        view.context_requested.connect(self._context_menu)
        self.table_model.edit_requested.connect(self.edit_fields)
        self.group_choice.currentIndexChanged.connect(self._on_group_chosen)
        self.as_of_edit.dateChanged.connect(lambda _date: self._as_of_timer.start())
        self.as_of_edit.editingFinished.connect(self._commit_as_of)
        self.today_button.clicked.connect(self.reset_as_of)
        self.zoom_in_button.clicked.connect(lambda: view.zoom_by(1.25))
        self.zoom_out_button.clicked.connect(lambda: view.zoom_by(0.8))
        self.fit_button.clicked.connect(view.fit_all)
        self.link_button.clicked.connect(self.link_selected)
        self.projector_button.toggled.connect(self.show_projector)
        self.warning_toggle.toggled.connect(self._show_warning_list)
        self.view_choice.buttonToggled.connect(
            lambda _button, on: self._show_view(focus=True) if on else None)
        self.warning_list.itemClicked.connect(self._warning_chosen)

    def _retranslate(self) -> None:
        self.chart_button.setText(self.tr("Chart"))
        self.chart_button.setToolTip(self.tr("The plan on a time line"))
        self.table_button.setText(self.tr("Table"))
        self.table_button.setToolTip(self.tr(
            "The same phases, milestones and measures as a table, to edit by keyboard"))
        self.group_choice.setItemText(0, self.tr("By phase"))
        self.group_choice.setItemText(1, self.tr("By field of action"))
        self.group_choice.setToolTip(self.tr("Lanes of the chart: one per phase, or one "
                                             "per field of action"))
        self.as_of_label.setText(self.tr("As of:"))
        self.as_of_edit.setToolTip(self.tr(
            "Where the red line stands: today, or a day to plan towards, such as the "
            "council meeting"))
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Put the red line back on today"))
        self.show_baseline_action.setText(self.tr("Show the baseline"))
        self.show_baseline_action.setToolTip(self.tr(
            "Show the latest baseline as grey marks under the current plan"))
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (-)"))
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (+)"))
        self.fit_button.setText(self.tr("Show all"))
        self.fit_button.setToolTip(self.tr("Show the whole plan (Ctrl+0)"))
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr(
            "Add a milestone (N), a measure (M) or a phase (P) at the red line"))
        # The keys are the chart's own (it takes them while it has the focus); the menu
        # shows them in its column of shortcuts.
        self.new_milestone_action.setText(self.tr("New milestone") + "\tN")
        self.new_measure_action.setText(self.tr("New measure") + "\tM")
        self.new_phase_action.setText(self.tr("New phase") + "\tP")
        self.link_button.setText(self.tr("Link"))
        self.link_button.setToolTip(self.tr(
            "Link: make the later of two selected items depend on the earlier one (L). Or "
            "drag from the round handle at an item's right end onto another item."))
        self.projector_button.setText(self.tr("Projector"))
        self.projector_button.setToolTip(self.tr(
            "Show the timeline large in a second window, for the room (F5 or Ctrl+P)"))
        self.more_button.setText(self.tr("More"))
        self.more_button.setToolTip(self.tr("Baseline and exports"))
        self.baseline_action.setText(self.tr("Take a baseline…"))
        self.export_png_action.setText(self.tr("Export as picture (PNG)…"))
        self.export_pdf_action.setText(self.tr("Export as PDF…"))
        self.export_svg_action.setText(self.tr("Export as SVG…"))
        self.delete_action.setText(self.tr("Delete"))
        self.edit_action.setText(self.tr("Edit…"))
        self.fit_action.setText(self.tr("Show all"))
        self.table_delete_action.setText(self.tr("Delete"))
        self.empty.setText(self.tr("Choose a project on the left to see its timeline."))
        self.table_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self._show_warnings()
        self._show_undated()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.scene.retranslate()
            self.table_model.set_timeline(self.timeline, self._warning_texts())
            self.view.header.update()
            self.view.lane_column.update()
        super().changeEvent(event)

    # ----------------------------------------------------------------- loading

    def show_project(self, project_id: uuid.UUID | None) -> None:
        """Show this project's timeline (or none)."""
        if project_id == self.project_id and project_id is not None:
            return
        self.project_id = project_id
        self._fit_on_load = True
        self.scene.clearSelection()
        if project_id is None:
            self.timeline = None
            self.warnings = ()
            self.scene.set_timeline(None)
            self.table_model.set_timeline(None)
            self.stack.setCurrentWidget(self.empty)
            self._show_warnings()
            self._enable(False)
            return
        self._reload()

    def _reload(self) -> None:
        project_id = self.project_id
        if project_id is None:
            return
        if self._loading:
            self._stale = True
            return
        self._loading = True

        def query(session: Any) -> tuple[Timeline | None, tuple[TimelineWarning, ...],
                                         tuple[tuple[uuid.UUID, str], ...]]:
            found = load_timeline(session, project_id)
            return (found, found.warnings() if found is not None else (),
                    _workshops(session, project_id))

        self.bridge.load(query, lambda result: self._show(project_id, *result))

    def _show(self, project_id: uuid.UUID, timeline: Timeline | None,
              warnings: tuple[TimelineWarning, ...],
              workshops: tuple[tuple[uuid.UUID, str], ...] = ()) -> None:
        self._loading = False
        if self._stale:
            self._stale = False
            self._reload()
            if project_id != self.project_id:
                return
        if project_id != self.project_id:
            return
        if timeline is None:
            self.timeline = None
            self.scene.set_timeline(None)
            self.table_model.set_timeline(None)
            self.stack.setCurrentWidget(self.empty)
            self._enable(False)
            return
        self.timeline = timeline
        self.warnings = warnings
        self.workshops = workshops
        today = timeline.today(dt.date.today())
        self.stack.setCurrentIndex(1)
        self._enable(True)
        if self._fit_on_load:
            self.scene.set_timeline(timeline, warnings, today)
        else:
            self.view.keep_view(lambda: self.scene.set_timeline(timeline, warnings, today))
        self.table_model.set_timeline(timeline, self._warning_texts())
        self._size_table()
        self.as_of_edit.blockSignals(True)
        self.as_of_edit.setDate(_qdate(today))
        self.as_of_edit.blockSignals(False)
        self.today_button.setEnabled(timeline.project.as_of is not None)
        self._show_warnings()
        self._show_undated()
        if self._fit_on_load:
            self._fit_on_load = False
            self.view.fit_all()
        if self.projector is not None:
            self.projector.setWindowTitle(timeline.project.name)
        self.loaded.emit()

    def _size_table(self) -> None:
        """Columns as wide as their contents (the title takes the rest), once per
        project: later snapshots keep what the facilitator may have dragged."""
        if self._table_sized == self.project_id:
            return
        self._table_sized = self.project_id
        widest = {OWNER: 190, GROUP: 230}
        for column in (KIND, START, END, STATUS, OWNER, GROUP):
            self.table.resizeColumnToContents(column)
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, min(width + 12, widest.get(column, 200)))

    def _on_changed(self, changes: ChangeSet) -> None:
        if self.project_id is None:
            return
        if not changes or changes.touches(*TIMELINE_KINDS):
            self._reload()

    def _enable(self, on: bool) -> None:
        for widget in (self.as_of_edit, self.new_button, self.projector_button,
                       self.more_button, self.chart_button, self.table_button):
            widget.setEnabled(on)
        if not on:
            self.today_button.setEnabled(False)
        self._show_view()

    # ----------------------------------------------------------------- warnings

    def _warning_texts(self) -> dict[ItemRef, list[str]]:
        found: dict[ItemRef, list[str]] = {}
        for warning in self.warnings:
            for ref in warning.items:
                found.setdefault(ref, []).append(render(warning.message))
        return found

    def _show_warnings(self) -> None:
        warnings = self.warnings if self.timeline is not None else ()
        self.warning_box.setVisible(bool(warnings))
        self.warning_list.clear()
        if not warnings:
            return
        for warning in warnings:
            entry = QListWidgetItem("⚠ " + render(warning.message))
            entry.setData(Qt.ItemDataRole.UserRole, warning.items)
            self.warning_list.addItem(entry)
        first = render(warnings[0].message)
        self.warning_label.setText(
            self.tr("⚠ {text}").format(text=first) if len(warnings) == 1 else
            self.tr("⚠ {count} things in this plan deserve a second look, such as: {text}")
            .format(count=len(warnings), text=first))
        self.warning_toggle.setText(self.tr("Hide the list") if self.warning_toggle.isChecked()
                                    else self.tr("Show the list ({count})").format(
                                        count=len(warnings)))

    def _show_warning_list(self, on: bool) -> None:
        self.warning_list.setVisible(on)
        self._show_warnings()

    def _warning_chosen(self, entry: QListWidgetItem) -> None:
        refs = entry.data(Qt.ItemDataRole.UserRole) or ()
        items = [item for ref in refs if (item := self.scene.item_for(ref)) is not None]
        self.select_items(items)

    def _show_undated(self) -> None:
        """A word under the chart about what it cannot show: measures without dates, or
        a plan with nothing in it yet (and how to start one)."""
        count = len(self.scene.undated)
        timeline = self.timeline
        if timeline is not None and not timeline.milestones and not timeline.measures:
            note = self.tr("Nothing planned yet: N adds a milestone at the red line.")
        elif count:
            note = (self.tr("1 measure without dates is only in the table.") if count == 1
                    else self.tr("{count} measures without dates are only in the table.")
                    .format(count=count))
        else:
            note = ""
        self.legend.note = note
        self.legend.update()

    # ----------------------------------------------------------------- selection

    def select_items(self, items: list[TimelineItem]) -> None:
        """Select these items on the chart (and their rows in the table) and show them."""
        self.scene.clearSelection()
        for item in items:
            item.setSelected(True)
        if items:
            if self.views.currentIndex() == 0:
                self.view.show_item(items[0])
            select_rows(self.table, self.proxy, [row for item in items if (
                row := self.table_model.row_of(item.kind, item.id)) >= 0])

    def _flash(self, refs: tuple[ItemRef, ...]) -> None:
        """Mark these items for a moment (the circle a refused dependency would close)."""
        self._end_flash()
        self._flashed = [item for ref in refs if (item := self.scene.item_for(ref)) is not None]
        for item in self._flashed:
            item.set_target(True)
        self._flash_timer.start()

    def _end_flash(self) -> None:
        for item in self._flashed:
            item.set_target(False)
        self._flashed = []

    # ----------------------------------------------------------------- operations

    def run(self, operation: Operation) -> bool:
        return self.bridge.run(operation)

    def move_items(self, items: list[tuple[str, uuid.UUID]], days: int) -> None:
        if items and days:
            self.run(ops.move_items(items, days))

    def resize_bar(self, kind: str, item_id: uuid.UUID, edge: str, on: dt.date) -> None:
        if edge in ("start", "end"):
            self.run(ops.resize_bar(kind, item_id, "start" if edge == "start" else "end", on))

    def add_dependency(self, predecessor: ItemRef, successor: ItemRef) -> bool:
        """Finish to start, checked against the plan on screen first: a circle is refused
        at once, with its items marked (the store checks again when it saves)."""
        timeline, project_id = self.timeline, self.project_id
        if timeline is None or project_id is None:
            return False
        titles = {m.ref: m.title for m in timeline.milestones}
        titles.update({m.ref: m.title for m in timeline.measures})
        try:
            check_new_link(timeline.links(), predecessor, successor,
                           lambda ref: titles.get(ref, "?"))
        except CycleError as refused:
            self._flash(refused.cycle)
            self.bridge.failed.emit(render(refused.message))
            return False
        except ValidationError as refused:
            self.bridge.failed.emit(render(refused.message))
            return False
        return self.run(ops.add_dependency(project_id, predecessor, successor))

    def link_selected(self) -> None:
        """Two selected items: the one that ends first becomes the predecessor."""
        items = [i for i in self.scene.selected_plan_items() if i.can_link()]
        if len(items) != 2:
            self.notice.emit(self.tr(
                "Select two items (milestones or measures) to link, with Ctrl+click."))
            return
        first, second = sorted(items, key=lambda i: (i.last or dt.date.max,
                                                      i.first or dt.date.max))
        self.add_dependency(first.ref, second.ref)

    def edit_fields(self, kind: str, item_id: uuid.UUID, changes: dict[str, Any]) -> bool:
        if not changes:
            return False
        if kind == "phase":
            operation: Operation = ops.edit_phase(item_id, **changes)
        elif kind == "milestone":
            operation = ops.edit_milestone(item_id, **changes)
        else:
            operation = ops.edit_measure(item_id, **changes)
        return self.run(operation)

    def _row_of(self, item: TimelineItem) -> MilestoneView | MeasureView | PhaseView | None:
        if isinstance(item, MilestoneItem):
            return item.milestone
        return getattr(item, "measure", None) or getattr(item, "phase", None)

    def edit_item(self, item: object) -> PlanItemDialog | None:
        """Open the form of a milestone, measure or phase; saving is one operation."""
        if not isinstance(item, TimelineItem) or self.timeline is None:
            return None
        row = self._row_of(item)
        if row is None:
            return None
        dialog = PlanItemDialog(item.kind, self.timeline, row, workshops=self.workshops,
                                parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        kind, item_id = item.kind, item.id
        dialog.accepted.connect(lambda: self.edit_fields(kind, item_id, dialog.changes()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_selected(self) -> None:
        items = self.scene.selected_plan_items()
        if len(items) == 1:
            self.edit_item(items[0])

    def new_milestone(self, on: dt.date | None, lane_key: str) -> PlanItemDialog | None:
        """The form for a new milestone, on ``on`` (default: the red line) and in the phase
        of the lane it was asked for in (or the phase that contains its date)."""
        timeline = self.timeline
        if timeline is None:
            return None
        day = on or timeline.today(dt.date.today())
        phase_id: uuid.UUID | None = None
        if lane_key.startswith("phase:"):
            phase_id = uuid.UUID(lane_key.split(":", 1)[1])
        else:
            found = phase_containing(day, [p.span for p in timeline.phases])
            phase_id = found.id if found is not None else None
        dialog = PlanItemDialog("milestone", timeline, None, due_on=day, phase_id=phase_id,
                                workshops=self.workshops, parent=self)
        return self._open_new(dialog, self._create_milestone)

    def new_measure(self, on: dt.date | None, lane_key: str) -> PlanItemDialog | None:
        """The form for a new measure of the digital agenda, from ``on`` (default: the red
        line) for a year, in the field of action of the lane it was asked for in."""
        timeline = self.timeline
        if timeline is None:
            return None
        day = on or timeline.today(dt.date.today())
        field_id = (uuid.UUID(lane_key.split(":", 1)[1]) if lane_key.startswith("field:")
                    else None)
        dialog = PlanItemDialog("measure", timeline, None, due_on=day,
                                ends_on=_a_year_on(day), field_id=field_id, parent=self)
        return self._open_new(dialog, self._create_measure)

    def new_phase(self, on: dt.date | None) -> PlanItemDialog | None:
        """The form for a new phase: from ``on``, or the day after the last phase ends (else
        the red line), for a year."""
        timeline = self.timeline
        if timeline is None:
            return None
        ends = [p.ends_on for p in timeline.phases if p.ends_on is not None]
        day = on or (max(ends) + dt.timedelta(days=1) if ends
                     else timeline.today(dt.date.today()))
        dialog = PlanItemDialog("phase", timeline, None, due_on=day, ends_on=_a_year_on(day),
                                parent=self)
        return self._open_new(dialog, self._create_phase)

    def _open_new(self, dialog: PlanItemDialog,
                  create: Callable[[dict[str, Any]], bool]) -> PlanItemDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: create(dialog.values()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _create_milestone(self, values: dict[str, Any]) -> bool:
        project_id = self.project_id
        if project_id is None or values.get("due_on") is None:
            return False
        return self.run(ops.create_milestone(
            project_id, values["title"], values["due_on"], phase_id=values["phase_id"],
            status=values["status"], owner=values["owner"],
            workshop_id=values["workshop_id"], measure_id=values["measure_id"]))

    def _create_measure(self, values: dict[str, Any]) -> bool:
        project_id = self.project_id
        if project_id is None:
            return False
        return self.run(ops.create_measure(
            project_id, values["title"], field_of_action_id=values["field_of_action_id"],
            owner=values["owner"], status=values["status"], priority=values["priority"],
            starts_on=values["starts_on"], ends_on=values["ends_on"]))

    def _create_phase(self, values: dict[str, Any]) -> bool:
        project_id = self.project_id
        if project_id is None:
            return False
        return self.run(ops.create_phase(
            project_id, values["name"], starts_on=values["starts_on"],
            ends_on=values["ends_on"], colour=values["colour"]))

    def delete_selected(self) -> None:
        """Delete the selected arrows and items, as one step."""
        doomed: list[Operation] = [ops.remove_dependency(d.id)
                                   for d in self.scene.selected_dependencies()]
        for item in self.scene.selected_plan_items():
            doomed.append(self._deletion(item.kind, item.id))
        self._delete(doomed)

    def delete_table_rows(self) -> None:
        doomed = []
        for index in self.table.selectionModel().selectedRows():
            row = self.table_model.rows[self.proxy.mapToSource(index).row()]
            doomed.append(self._deletion(row.kind, row.id))
        self._delete(doomed)

    @staticmethod
    def _deletion(kind: str, item_id: uuid.UUID) -> Operation:
        if kind == "phase":
            return ops.delete_phase(item_id)
        if kind == "milestone":
            return ops.delete_milestone(item_id)
        return ops.delete_measure(item_id)

    def _delete(self, doomed: list[Operation]) -> None:
        if len(doomed) == 1:
            self.run(doomed[0])
        elif doomed:
            self.run(Batch(tuple(doomed), _DELETE))

    def _on_group_chosen(self, _index: int) -> None:
        group = self.group_choice.currentData()
        self.view.keep_view(lambda: self.scene.set_group_by(str(group)))

    def set_group_by(self, group: str) -> None:
        """Swimlanes by phase (GROUP_PHASE) or field of action (GROUP_FIELD)."""
        self.group_choice.setCurrentIndex(max(0, self.group_choice.findData(group)))

    # ----------------------------------------------------------------- as of, baseline

    def _commit_as_of(self) -> None:
        self._as_of_timer.stop()
        timeline, project_id = self.timeline, self.project_id
        if timeline is None or project_id is None:
            return
        chosen = _to_date(self.as_of_edit.date())
        if chosen is None or chosen == timeline.today(dt.date.today()):
            return
        self.run(ops.set_as_of(project_id, chosen))

    def reset_as_of(self) -> None:
        if self.project_id is not None and self.timeline is not None and (
                self.timeline.project.as_of is not None):
            self.run(ops.set_as_of(self.project_id, None))

    def take_baseline(self) -> None:
        if self.project_id is None:
            return
        default = self.tr("As planned on {date}").format(date=format_date(dt.date.today()))
        name, ok = QInputDialog.getText(self, self.tr("Take a baseline"), self.tr(
            "Keep the dates of the plan as they are now, to compare later. Name:"),
            text=default)
        if ok and name.strip():
            self.run(ops.take_baseline(self.project_id, name))
            self.show_baseline_action.setChecked(True)

    # ----------------------------------------------------------------- projector

    def show_projector(self, on: bool) -> None:
        if on and self.projector is None:
            from myk10_workshop.ui.timeline.view import TimelineProjector

            self.projector = TimelineProjector(self.scene, self.view, self)
            self.projector.closed.connect(self._projector_closed)
            if self.timeline is not None:
                self.projector.setWindowTitle(self.timeline.project.name)
            self.projector.show_on_best_screen()
        elif not on and self.projector is not None:
            self.projector.close()

    def _projector_closed(self) -> None:
        projector, self.projector = self.projector, None
        if projector is not None:
            projector.deleteLater()
        self.projector_button.blockSignals(True)
        self.projector_button.setChecked(False)
        self.projector_button.blockSignals(False)

    # ----------------------------------------------------------------- exports

    def choose_export(self, kind: str) -> None:
        if self.timeline is None:
            return
        filters = {"png": self.tr("Picture (*.png)"), "pdf": self.tr("PDF (*.pdf)"),
                   "svg": self.tr("SVG (*.svg)")}
        name = self.tr("Timeline {project}").format(project=self.timeline.project.name)
        path = self.ask_save_path(self.tr("Export the timeline"),
                                  f"{safe_file_name(name)}.{kind}", filters[kind])
        if path is not None:
            self._folder = path.parent
            self.export(kind, path)

    def ask_save_path(self, caption: str, suggested: str, file_filter: str) -> Path | None:
        """Where to save (None: the user cancelled), starting in the folder of the last
        export. Tests replace this method."""
        return ask_save_path(self, self._folder, caption, suggested, file_filter)

    def export_title(self) -> str:
        if self.timeline is None:
            return ""
        return self.tr("{project} – as of {date}").format(
            project=self.timeline.project.name,
            date=format_date(self.timeline.today(dt.date.today())))

    def export(self, kind: str, path: Path) -> bool:
        """Write the whole timeline to a file: drawn here (the scene lives on the GUI
        thread), encoded and written in the background; success and failure are said."""
        from myk10_workshop.ui.timeline.export import render as render_export

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rendered = render_export(self.scene, kind, self.export_title())
        except OSError as error:
            self._export_failed(path, error)
            return False
        finally:
            QApplication.restoreOverrideCursor()
            self.view.stick_labels()

        def write() -> OSError | None:
            try:
                rendered.write(path)
            except OSError as error:
                return error
            return None

        def written(error: OSError | None) -> None:
            if error is not None:
                self._export_failed(path, error)
            else:
                self.notice.emit(self.tr("The timeline was saved to {path}.").format(
                    path=path))
            self.exported.emit(path, error is None)

        self.bridge.compute(write, written)
        return True

    def _export_failed(self, path: Path, error: OSError) -> None:
        self.bridge.failed.emit(self.tr("The timeline could not be saved to {path}: {reason}")
                                .format(path=path, reason=error.strerror or error))

    # ----------------------------------------------------------------- menu

    def _context_menu(self, item: object, where: QPoint) -> None:
        menu = QMenu(self)
        if isinstance(item, TimelineItem):
            menu.addAction(self.edit_action)
            if len([i for i in self.scene.selected_plan_items() if i.can_link()]) == 2:
                menu.addAction(self.tr("Link (L)"), self.link_selected)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        elif item is not None:
            menu.addAction(self.delete_action)
        else:
            menu.addAction(self.tr("New milestone here"),
                           lambda: self._new_here(where, "milestone"))
            menu.addAction(self.tr("New measure here"), lambda: self._new_here(where, "measure"))
            menu.addAction(self.tr("New phase here"), lambda: self._new_here(where, "phase"))
            menu.addSeparator()
            menu.addAction(self.fit_action)
        self.menu = menu
        menu.popup(where)

    def _new_here(self, where: QPoint, kind: str = "milestone") -> None:
        point = self.view.mapToScene(self.view.viewport().mapFromGlobal(where))
        lane = self.scene.lane_at(point.y())
        day = self.scene.day_at(point.x())
        if kind == "phase":
            self.new_phase(day)
        elif kind == "measure":
            self.new_measure(day, lane.key if lane else "")
        else:
            self.new_milestone(day, lane.key if lane else "")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.setFocus()
