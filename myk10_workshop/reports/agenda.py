"""The agenda on paper and in calendars: a participants' handout, a facilitator's run sheet
(both A4 PDF) and an iCalendar file.

The two PDFs are built from the same snapshot (:class:`AgendaView`) and the same computed
times (:class:`Schedule`), so they never disagree about when a block starts. What the room
may see and what only the facilitation team may see is decided here, once:

* the **handout** shows times, titles, rooms and working groups; it leaves out blocks marked
  facilitator-only and every internal field (notes, goal, responsible person, materials);
* the **run sheet** shows everything, marks facilitator-only blocks, ends with the packing
  list for the whole workshop and, once blocks were run live, sets the recorded times
  beside the plan;
* the **calendar** has one event per block at its planned time, in the participants' view
  unless asked for the facilitator-only blocks too.

Printed times are the plan (``planned_start``/``planned_end``): a handout handed out after
a morning that ran late still says what was agreed. Recorded times come from the blocks
themselves (naive UTC in the store), shown on the local wall clock.

Texts are marked with :func:`QT_TRANSLATE_NOOP` and rendered with the ``translate`` given
(a :class:`myk10_workshop.i18n.Catalogue` works without Qt, so reports can be made off the
GUI thread). ReportLab is imported only when a PDF is made (start-up time).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from myk10_workshop.agenda.queries import AgendaView, BlockView, DayView, materials_checklist
from myk10_workshop.agenda.timing import DaySchedule, Schedule, Slot, clock_time, describe
from myk10_workshop.files import write_atomically
from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message, Translator
from myk10_workshop.reports import fonts
from myk10_workshop.reports.ics import Calendar, Event, make_uid, write_ics

# --------------------------------------------------------------------------- texts

HANDOUT = QT_TRANSLATE_NOOP("AgendaReport", "Agenda")
RUN_SHEET = QT_TRANSLATE_NOOP("AgendaReport", "Run sheet for the facilitation team")
PAGE = QT_TRANSLATE_NOOP("AgendaReport", "Page {page} of {pages}")
DATE = QT_TRANSLATE_NOOP("AgendaReport", "{weekday}, {day:02d}/{month:02d}/{year}")
DATE_RANGE = QT_TRANSLATE_NOOP("AgendaReport", "{first} to {last}")
DAY_HEADING = QT_TRANSLATE_NOOP("AgendaReport", "Day {number} · {date}")
DAY_WITHOUT_DATE = QT_TRANSLATE_NOOP("AgendaReport", "Day {number}")
WEEKDAYS = (
    QT_TRANSLATE_NOOP("AgendaReport", "Monday"),
    QT_TRANSLATE_NOOP("AgendaReport", "Tuesday"),
    QT_TRANSLATE_NOOP("AgendaReport", "Wednesday"),
    QT_TRANSLATE_NOOP("AgendaReport", "Thursday"),
    QT_TRANSLATE_NOOP("AgendaReport", "Friday"),
    QT_TRANSLATE_NOOP("AgendaReport", "Saturday"),
    QT_TRANSLATE_NOOP("AgendaReport", "Sunday"),
)
COLUMN_TIME = QT_TRANSLATE_NOOP("AgendaReport", "Time")
COLUMN_BLOCK = QT_TRANSLATE_NOOP("AgendaReport", "Block")
COLUMN_ROOM = QT_TRANSLATE_NOOP("AgendaReport", "Room")
COLUMN_ROOM_RESPONSIBLE = QT_TRANSLATE_NOOP("AgendaReport", "Room and responsible")
COLUMN_MATERIALS = QT_TRANSLATE_NOOP("AgendaReport", "Materials")
COLUMN_MATERIAL = QT_TRANSLATE_NOOP("AgendaReport", "Material")
COLUMN_QUANTITY = QT_TRANSLATE_NOOP("AgendaReport", "Quantity")
COLUMN_USED_IN = QT_TRANSLATE_NOOP("AgendaReport", "Needed for")
MINUTES = QT_TRANSLATE_NOOP("AgendaReport", "{minutes} min")
HOURS = QT_TRANSLATE_NOOP("AgendaReport", "{hours} h")
HOURS_MINUTES = QT_TRANSLATE_NOOP("AgendaReport", "{hours} h {minutes} min")
WORKING_GROUPS = QT_TRANSLATE_NOOP("AgendaReport", "In {count} working groups:")
FACILITATOR_ONLY = QT_TRANSLATE_NOOP("AgendaReport", "Facilitator only")
METHOD = QT_TRANSLATE_NOOP("AgendaReport", "Method: {method}")
GOAL = QT_TRANSLATE_NOOP("AgendaReport", "Goal: {goal}")
NOTES = QT_TRANSLATE_NOOP("AgendaReport", "Notes: {notes}")
RESPONSIBLE = QT_TRANSLATE_NOOP("AgendaReport", "Responsible: {name}")
FIXED_START = QT_TRANSLATE_NOOP("AgendaReport", "fixed start")
ACTUAL = QT_TRANSLATE_NOOP("AgendaReport", "actual {start}–{end}")
ACTUAL_STARTED = QT_TRANSLATE_NOOP("AgendaReport", "started {start}, no end recorded")
SKIPPED = QT_TRANSLATE_NOOP("AgendaReport", "skipped")
EXTENDED = QT_TRANSLATE_NOOP("AgendaReport", "extended live by {minutes} min")
DAY_PLANNED = QT_TRANSLATE_NOOP("AgendaReport", "Planned {start}–{end} · {total} of blocks")
DAY_ACTUAL = QT_TRANSLATE_NOOP(
    "AgendaReport", "Actually run {start}–{end} (planned {planned_start}–{planned_end})")
NO_CATEGORY = QT_TRANSLATE_NOOP("AgendaReport", "no category")
CHECK_TIMING = QT_TRANSLATE_NOOP("AgendaReport", "Check the timing:")
CHECKLIST = QT_TRANSLATE_NOOP("AgendaReport", "Materials checklist for the whole workshop")
NO_MATERIALS = QT_TRANSLATE_NOOP("AgendaReport", "No materials are listed for this workshop.")
NO_BLOCKS = QT_TRANSLATE_NOOP("AgendaReport", "No blocks planned for this day.")

MESSAGES: tuple[Message, ...] = (
    HANDOUT, RUN_SHEET, PAGE, DATE, DATE_RANGE, DAY_HEADING, DAY_WITHOUT_DATE, *WEEKDAYS,
    COLUMN_TIME, COLUMN_BLOCK, COLUMN_ROOM, COLUMN_ROOM_RESPONSIBLE, COLUMN_MATERIALS,
    COLUMN_MATERIAL, COLUMN_QUANTITY, COLUMN_USED_IN, MINUTES, HOURS, HOURS_MINUTES,
    WORKING_GROUPS,
    FACILITATOR_ONLY, METHOD, GOAL, NOTES, RESPONSIBLE, FIXED_START, ACTUAL, ACTUAL_STARTED,
    SKIPPED, DAY_PLANNED, DAY_ACTUAL, NO_CATEGORY, CHECK_TIMING, CHECKLIST, NO_MATERIALS,
    NO_BLOCKS)
"""Every text of these reports, for a caller that looks translations up beforehand."""

# --------------------------------------------------------------------------- page

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
MARGIN = 15 * MM
BOTTOM_MARGIN = 16 * MM
# ReportLab's frames keep 6 pt of padding on every side inside the margins.
WIDTH = A4[0] - 2 * MARGIN - 12
HEIGHT = A4[1] - MARGIN - BOTTOM_MARGIN - 12
INK = "#1a1a1a"
MUTED = "#555555"
ACCENT = "#0b5394"
RULE = "#b7b7b7"
HEADER_FILL = "#e6eef7"
FACILITATOR_FILL = "#fbefd5"
FACILITATOR_INK = "#7a4a00"
ZEBRA_FILL = "#f6f6f6"
AUTHOR = "MYK10 Workshop"


def _text(message: Message, translate: Translator) -> str:
    return message.render(translate)


def format_date(day: dt.date, translate: Translator) -> str:
    """A date as the reader's language writes it, with the weekday (a handout is read on
    the day: "Thursday" is what people look for)."""
    return DATE.with_params(weekday=WEEKDAYS[day.weekday()], day=day.day, month=day.month,
                            year=day.year).render(translate)


def format_minutes(minutes: int, translate: Translator) -> str:
    """A length: "45 min", "2 h", "7 h 30 min"."""
    if abs(minutes) < 60:
        return MINUTES.with_params(minutes=minutes).render(translate)
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return HOURS.with_params(hours=hours).render(translate)
    return HOURS_MINUTES.with_params(hours=hours, minutes=rest).render(translate)


def _hhmm(minutes: int) -> str:
    return f"{clock_time(minutes):%H:%M}"


def _span(start: int, end: int) -> str:
    return f"{_hhmm(start)}–{_hhmm(end)}"


def _local(value: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """A stored time (naive UTC) on the wall clock of ``zone`` (None: this computer's)."""
    return value.replace(tzinfo=dt.UTC).astimezone(zone).replace(tzinfo=None)


def _minute_of_day(value: dt.datetime, day: dt.date | None) -> int:
    """Minutes after midnight of ``day`` (a time on the next morning counts on)."""
    base = day or value.date()
    return (value - dt.datetime.combine(base, dt.time())) // dt.timedelta(minutes=1)


def _dates(agenda: AgendaView) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day: from the days themselves, else from the workshop."""
    dated = [day.day for day in agenda.days if day.day is not None]
    if dated:
        return min(dated), max(dated)
    return agenda.starts_on, agenda.ends_on


def _day_schedule(schedule: Schedule, day: DayView) -> DaySchedule | None:
    return next((found for found in schedule.days if found.day_id == day.id), None)


# --------------------------------------------------------------------------- PDF frame


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9.5, leading=12.5,
                          textColor=colors.HexColor(INK))
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontName=fonts.BOLD, fontSize=20, leading=25,
                                textColor=colors.HexColor(ACCENT), spaceAfter=2 * MM),
        "subtitle": ParagraphStyle("subtitle", base, fontName=fonts.BOLD, fontSize=13,
                                   leading=17, spaceAfter=1.5 * MM),
        "meta": ParagraphStyle("meta", base, fontSize=10.5, leading=14,
                               textColor=colors.HexColor(MUTED)),
        "day": ParagraphStyle("day", base, fontName=fonts.BOLD, fontSize=14, leading=18,
                              textColor=colors.HexColor(ACCENT), spaceBefore=7 * MM,
                              spaceAfter=1.5 * MM),
        "day_meta": ParagraphStyle("day_meta", base, fontSize=9, leading=12,
                                   textColor=colors.HexColor(MUTED), spaceAfter=2 * MM),
        "head": ParagraphStyle("head", base, fontName=fonts.BOLD, fontSize=9, leading=11.5),
        "cell": base,
        "time": ParagraphStyle("time", base, fontName=fonts.BOLD),
        "number": ParagraphStyle("number", base, fontName=fonts.BOLD, alignment=TA_RIGHT),
        "block": ParagraphStyle("block", base, fontName=fonts.BOLD, fontSize=10.5,
                                leading=13.5),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=11),
        "muted": ParagraphStyle("muted", base, fontSize=8.5, leading=11,
                                textColor=colors.HexColor(MUTED)),
        "tag": ParagraphStyle("tag", base, fontName=fonts.BOLD, fontSize=8, leading=10.5,
                              textColor=colors.HexColor(FACILITATOR_INK)),
        "warning_head": ParagraphStyle("warning_head", base, fontName=fonts.BOLD,
                                       fontSize=9, leading=12, spaceBefore=2 * MM),
        "warning": ParagraphStyle("warning", base, fontSize=8.5, leading=11,
                                  leftIndent=3 * MM, textColor=colors.HexColor("#7a1f00")),
        "section": ParagraphStyle("section", base, fontName=fonts.BOLD, fontSize=14,
                                  leading=18, textColor=colors.HexColor(ACCENT),
                                  spaceBefore=8 * MM, spaceAfter=2 * MM),
    }


def _para(text: str, style: Any) -> Any:
    """A paragraph of plain text: user text is never markup; line breaks are kept."""
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _markup(markup: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(markup, style)


def _numbered_canvas(footer: str, page_text: Callable[[int, int], str]) -> type:
    """A canvas that knows the page count when it closes, for "page 2 of 5" footers."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(fonts.REGULAR, 8)
                self.setFillColor(colors.HexColor(MUTED))
                self.setStrokeColor(colors.HexColor(RULE))
                self.setLineWidth(0.5)
                self.line(MARGIN, 11 * MM, A4[0] - MARGIN, 11 * MM)
                self.drawString(MARGIN, 7 * MM, footer)
                self.drawRightString(A4[0] - MARGIN, 7 * MM, page_text(number, total))
                super().showPage()
            super().save()

    return NumberedCanvas


def _write_pdf(path: Path, story: list[Any], *, title: str, kind: str,
               translate: Translator) -> Path:
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=BOTTOM_MARGIN, title=f"{title}: {kind}", author=AUTHOR, subject=kind,
        pageCompression=1)

    def page_text(page: int, pages: int) -> str:
        return PAGE.with_params(page=page, pages=pages).render(translate)

    document.build(story, canvasmaker=_numbered_canvas(f"{title} · {kind}", page_text))
    write_atomically(path, buffer.getvalue())
    return path


def _header(agenda: AgendaView, kind: str, venue: str, translate: Translator,
            styles: dict[str, Any]) -> list[Any]:
    story = [_para(agenda.title, styles["title"]), _para(kind, styles["subtitle"])]
    if venue.strip():
        story.append(_para(venue.strip(), styles["meta"]))
    first, last = _dates(agenda)
    if first is not None and last is not None and first != last:
        story.append(_para(DATE_RANGE.with_params(
            first=format_date(first, translate), last=format_date(last, translate))
            .render(translate), styles["meta"]))
    elif first is not None:
        story.append(_para(format_date(first, translate), styles["meta"]))
    return story


def _day_heading(number: int, day: DayView, translate: Translator) -> str:
    if day.day is None:
        return DAY_WITHOUT_DATE.with_params(number=number).render(translate)
    return DAY_HEADING.with_params(number=number, date=format_date(day.day, translate)
                                   ).render(translate)


def _section(parts: list[Any]) -> list[Any]:
    """A day (or the checklist) on one page when it fits on one, else starting where the
    page has room for its heading and first rows: a heading alone at the foot of a page,
    or one row alone at the top of the next, helps nobody."""
    from reportlab.platypus import CondPageBreak, KeepTogether

    height = sum(part.wrap(WIDTH, HEIGHT)[1] + part.getSpaceBefore() + part.getSpaceAfter()
                 for part in parts)
    if height <= HEIGHT:
        return [KeepTogether(parts)]
    return [CondPageBreak(45 * MM), *parts]


def _table(rows: list[list[Any]], widths: Sequence[float],
           extra: Sequence[tuple[Any, ...]] = ()) -> Any:
    """A table with a repeated header row, light rules and zebra rows."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_FILL)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(ACCENT)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.HexColor(RULE)),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for row in range(2, len(rows), 2):
        commands.append(("BACKGROUND", (0, row), (-1, row), colors.HexColor(ZEBRA_FILL)))
    commands.extend(extra)
    table.setStyle(TableStyle(commands))
    return table


# --------------------------------------------------------------------------- handout


def write_handout(agenda: AgendaView, schedule: Schedule, path: Path,
                  translate: Translator, *, venue: str = "") -> Path:
    """The participants' agenda as an A4 PDF at ``path`` (written atomically).

    Only what the room may see: per day the planned times, block titles, rooms and working
    groups with their rooms; no facilitator-only block and no internal field.
    """
    fonts.register()
    styles = _styles()
    kind = _text(HANDOUT, translate)
    story = _header(agenda, kind, venue, translate, styles)
    widths = (27 * MM, WIDTH - 27 * MM - 45 * MM, 45 * MM)
    for number, day in enumerate(agenda.days, start=1):
        heading = _para(_day_heading(number, day, translate), styles["day"])
        timed = _day_schedule(schedule, day)
        blocks = [block for block in day.blocks if not block.facilitator_only]
        if timed is None or not blocks:
            story.extend(_section([heading, _para(_text(NO_BLOCKS, translate),
                                                  styles["muted"])]))
            continue
        rows: list[list[Any]] = [[_para(_text(COLUMN_TIME, translate), styles["head"]),
                                  _para(_text(COLUMN_BLOCK, translate), styles["head"]),
                                  _para(_text(COLUMN_ROOM, translate), styles["head"])]]
        for block in blocks:
            slot = schedule.slot(block.id)
            rows.append([
                _para(_span(slot.planned_start, slot.planned_end), styles["time"]),
                _handout_block(block, translate, styles),
                _para(block.room, styles["cell"]),
            ])
        story.extend(_section([heading, _table(rows, widths)]))
    return _write_pdf(path, story, title=agenda.title, kind=kind, translate=translate)


def _handout_block(block: BlockView, translate: Translator, styles: dict[str, Any]) -> Any:
    parts = [f'<font name="{fonts.BOLD}" size="10.5">{escape(block.title)}</font>']
    if block.tracks:
        groups = WORKING_GROUPS.with_params(count=len(block.tracks)).render(translate)
        parts.append(f'<font size="8.5" color="{MUTED}">{escape(groups)}</font>')
        for track in block.tracks:
            room = f" – {escape(track.room)}" if track.room else ""
            parts.append(f'<font size="8.5">• {escape(track.title)}{room}</font>')
    return _markup("<br/>".join(parts), styles["cell"])


# --------------------------------------------------------------------------- run sheet


def write_run_sheet(agenda: AgendaView, schedule: Schedule, path: Path,
                    translate: Translator, *, venue: str = "",
                    zone: dt.tzinfo | None = None) -> Path:
    """The facilitation team's run sheet as an A4 PDF at ``path`` (written atomically).

    Everything the agenda holds: per block its times, method, goal, notes, working groups
    with rooms and facilitators, room, responsible person and materials; facilitator-only
    blocks shaded and marked; the timing warnings of each day; recorded times beside the
    plan once blocks were run live (``zone``: the wall clock they are shown on, None for
    this computer's); at the end the materials checklist of the whole workshop.
    """
    fonts.register()
    styles = _styles()
    kind = _text(RUN_SHEET, translate)
    story = _header(agenda, kind, venue, translate, styles)
    titles = agenda.titles()
    widths = (31 * MM, WIDTH - 31 * MM - 34 * MM - 38 * MM, 34 * MM, 38 * MM)
    for number, day in enumerate(agenda.days, start=1):
        heading = _para(_day_heading(number, day, translate), styles["day"])
        timed = _day_schedule(schedule, day)
        if timed is None or not day.blocks:
            story.extend(_section([heading, _para(_text(NO_BLOCKS, translate),
                                                  styles["muted"])]))
            continue
        section = [heading, _para(_day_summary(day, timed, translate, zone),
                                  styles["day_meta"])]
        rows: list[list[Any]] = [[_para(_text(message, translate), styles["head"])
                                  for message in (COLUMN_TIME, COLUMN_BLOCK,
                                                  COLUMN_ROOM_RESPONSIBLE, COLUMN_MATERIALS)]]
        shaded: list[tuple[Any, ...]] = []
        for block in day.blocks:
            slot = schedule.slot(block.id)
            if block.facilitator_only:
                from reportlab.lib import colors

                row = len(rows)
                shaded.append(("BACKGROUND", (0, row), (-1, row),
                               colors.HexColor(FACILITATOR_FILL)))
            rows.append([
                _run_sheet_time(block, slot, day, translate, styles=styles, zone=zone),
                _run_sheet_block(block, translate, styles),
                _run_sheet_room(block, translate, styles),
                _para("\n".join(f"{material.quantity} × {material.name}"
                                for material in block.materials), styles["small"]),
            ])
        section.append(_table(rows, widths, shaded))
        if timed.warnings:
            section.append(_para(_text(CHECK_TIMING, translate), styles["warning_head"]))
            section.extend(_para(f"• {describe(warning, titles).render(translate)}",
                                 styles["warning"]) for warning in timed.warnings)
        story.extend(_section(section))
    story.extend(_checklist(agenda, translate, styles))
    return _write_pdf(path, story, title=agenda.title, kind=kind, translate=translate)


def _day_summary(day: DayView, timed: DaySchedule, translate: Translator,
                 zone: dt.tzinfo | None) -> str:
    lines = [DAY_PLANNED.with_params(
        start=_hhmm(timed.starts_at), end=_hhmm(timed.planned_end),
        total=format_minutes(timed.total_min, translate)).render(translate)]
    categories = sorted(timed.category_totals.items(), key=lambda item: (-item[1], item[0]))
    if len(categories) > 1 or (categories and categories[0][0]):
        lines.append(" · ".join(
            f"{name or _text(NO_CATEGORY, translate)}: {format_minutes(minutes, translate)}"
            for name, minutes in categories))
    starts = [_local(b.actual_start, zone) for b in day.blocks if b.actual_start is not None]
    ends = [_local(b.actual_end, zone) for b in day.blocks if b.actual_end is not None]
    if starts and ends:
        lines.append(DAY_ACTUAL.with_params(
            start=f"{min(starts):%H:%M}", end=f"{max(ends):%H:%M}",
            planned_start=_hhmm(timed.starts_at), planned_end=_hhmm(timed.planned_end),
        ).render(translate))
    return "\n".join(lines)


def _run_sheet_time(block: BlockView, slot: Slot, day: DayView, translate: Translator, *,
                    styles: dict[str, Any], zone: dt.tzinfo | None) -> list[Any]:
    length = slot.planned_end - slot.planned_start
    cell = [_para(_span(slot.planned_start, slot.planned_end), styles["time"]),
            _para(format_minutes(length, translate), styles["muted"])]
    if block.pinned_at is not None:
        cell.append(_para(_text(FIXED_START, translate), styles["muted"]))
    cell.extend(_markup(f'<font color="{ACCENT}">{escape(line)}</font>', styles["small"])
                for line in _actual(block, day, translate, zone))
    return cell


def _actual(block: BlockView, day: DayView, translate: Translator,
            zone: dt.tzinfo | None) -> list[str]:
    """What was recorded live for a block, in lines of words; none when nothing was."""
    if block.actual_start is None:
        return []
    start = _local(block.actual_start, zone)
    # The time added live ("+5 min"), beside the plan's length it was added to.
    extended = ([EXTENDED.with_params(minutes=block.extra_min).render(translate)]
                if block.extra_min > 0 else [])
    if block.actual_end is None:
        return [ACTUAL_STARTED.with_params(start=f"{start:%H:%M}").render(translate),
                *extended]
    if block.actual_end <= block.actual_start:
        return [_text(SKIPPED, translate)]
    end = _local(block.actual_end, zone)
    minutes = _minute_of_day(end, day.day) - _minute_of_day(start, day.day)
    return [ACTUAL.with_params(start=f"{start:%H:%M}", end=f"{end:%H:%M}").render(translate),
            format_minutes(minutes, translate), *extended]


def _run_sheet_block(block: BlockView, translate: Translator,
                     styles: dict[str, Any]) -> list[Any]:
    cell: list[Any] = []
    if block.facilitator_only:
        cell.append(_para(_text(FACILITATOR_ONLY, translate).upper(), styles["tag"]))
    cell.append(_para(block.title, styles["block"]))
    details = [block.category] if block.category else []
    if block.method:
        details.append(_text(METHOD.with_params(method=block.method), translate))
    if details:
        cell.append(_para(" · ".join(details), styles["muted"]))
    if block.goal.strip():
        cell.append(_para(_text(GOAL.with_params(goal=block.goal.strip()), translate),
                          styles["small"]))
    if block.notes.strip():
        cell.append(_para(_text(NOTES.with_params(notes=block.notes.strip()), translate),
                          styles["small"]))
    if block.tracks:
        cell.append(_para(_text(WORKING_GROUPS.with_params(count=len(block.tracks)),
                                translate), styles["muted"]))
        for track in block.tracks:
            extra = " · ".join(part for part in (track.room, track.facilitator) if part)
            cell.append(_para(f"• {track.title}" + (f": {extra}" if extra else ""),
                              styles["small"]))
    return cell


def _run_sheet_room(block: BlockView, translate: Translator,
                    styles: dict[str, Any]) -> list[Any]:
    cell = [_para(block.room, styles["cell"])] if block.room else []
    if block.responsible:
        cell.append(_para(_text(RESPONSIBLE.with_params(name=block.responsible), translate),
                          styles["muted"]))
    return cell


def _checklist(agenda: AgendaView, translate: Translator,
               styles: dict[str, Any]) -> list[Any]:
    needs = materials_checklist(agenda)
    heading = _para(_text(CHECKLIST, translate), styles["section"])
    if not needs:
        return _section([heading, _para(_text(NO_MATERIALS, translate), styles["muted"])])
    titles = {block.id: block.title for block in agenda.blocks}
    rows: list[list[Any]] = [[
        _para("", styles["head"]),
        _para(_text(COLUMN_MATERIAL, translate), styles["head"]),
        _para(_text(COLUMN_QUANTITY, translate), styles["head"]),
        _para(_text(COLUMN_USED_IN, translate), styles["head"])]]
    for need in needs:
        rows.append([
            _para("☐", styles["block"]),
            _para(need.name, styles["cell"]),
            _para(str(need.quantity), styles["number"]),
            _para(", ".join(_unique(titles[block_id] for block_id in need.block_ids
                                    if block_id in titles)), styles["small"]),
        ])
    widths = (8 * MM, 62 * MM, 20 * MM, WIDTH - 90 * MM)
    return _section([heading, _table(rows, widths)])


def _unique(items: Any) -> list[str]:
    """In order, each once (two coffee breaks need one line, not two)."""
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


# --------------------------------------------------------------------------- calendar


def agenda_calendar(agenda: AgendaView, schedule: Schedule, *,
                    include_facilitator_only: bool = False, tzid: str = "Europe/Berlin",
                    ) -> Calendar:
    """One event per block at its planned local time, UID from the block's id (a second
    export updates the events instead of copying them), location its room. Days without a
    date cannot be placed in a calendar and are left out; so are facilitator-only blocks
    unless ``include_facilitator_only``."""
    events: list[Event] = []
    for day in agenda.days:
        timed = _day_schedule(schedule, day)
        if day.day is None or timed is None:
            continue
        for block in day.blocks:
            if block.facilitator_only and not include_facilitator_only:
                continue
            slot = schedule.slot(block.id)
            start = timed.at(slot.planned_start)
            end = timed.at(slot.planned_end)
            assert start is not None and end is not None  # the day has a date
            events.append(Event(
                make_uid(block.id), block.title, start, end,
                description=_event_description(block), location=_location(block),
                categories=(block.category,) if block.category else ()))
    return Calendar(agenda.title, tuple(events), tzid)


def _location(block: BlockView) -> str:
    if block.room or not block.tracks:
        return block.room
    return ", ".join(_unique(track.room for track in block.tracks if track.room))


def _event_description(block: BlockView) -> str:
    """Only what participants may read: the working groups and their rooms."""
    return "\n".join(f"{track.title} – {track.room}" if track.room else track.title
                     for track in block.tracks)


def write_agenda_ics(agenda: AgendaView, schedule: Schedule, path: Path, *,
                     include_facilitator_only: bool = False,
                     now: dt.datetime | None = None) -> Path:
    """The agenda as an ``.ics`` file at ``path`` (written atomically); ``now`` (aware) is
    the events' time stamp, default the present."""
    calendar = agenda_calendar(agenda, schedule,
                               include_facilitator_only=include_facilitator_only)
    return write_ics(path, calendar, now)

