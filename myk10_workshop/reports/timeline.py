"""The digital agenda and the timeline as files people take away: the measures as a
spreadsheet (CSV for German Excel, XLSX) and milestones with measure dates as an iCalendar
file that Outlook, Thunderbird or Google Calendar import.

Qt-free, so the same files come out of the app and of the command line. Every text a reader
sees (headers, status names, event titles) is a translatable message rendered through the
``translate`` the caller passes; the widget layer snapshots its translations on the GUI
thread with :func:`fixed_translator` and writes the file on a worker.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message, Translator
from myk10_workshop.reports.ics import Calendar, Event, Status, make_uid, write_ics
from myk10_workshop.reports.tables import Column, ColumnKind, Table, write_table
from myk10_workshop.store.schema import MeasureStatus, MilestoneStatus
from myk10_workshop.timeline.queries import AgendaRow, MeasureView, MilestoneView, Timeline

CONTEXT = "TimelineReport"

TABLE_TITLE = QT_TRANSLATE_NOOP("TimelineReport", "Digital agenda")
MEASURE = QT_TRANSLATE_NOOP("TimelineReport", "Measure")
MILESTONE = QT_TRANSLATE_NOOP("TimelineReport", "Milestone")
FIELD = QT_TRANSLATE_NOOP("TimelineReport", "Field of action")
OWNER = QT_TRANSLATE_NOOP("TimelineReport", "Owner")
PRIORITY = QT_TRANSLATE_NOOP("TimelineReport", "Priority")
STATUS = QT_TRANSLATE_NOOP("TimelineReport", "Status")
STARTS = QT_TRANSLATE_NOOP("TimelineReport", "Start")
ENDS = QT_TRANSLATE_NOOP("TimelineReport", "End")
IDEAS = QT_TRANSLATE_NOOP("TimelineReport", "Ideas")
VOTES = QT_TRANSLATE_NOOP("TimelineReport", "Votes")

# Measure and milestone statuses as people read them (the table, the calendar, the view).
MEASURE_STATUS_NAMES: Mapping[str, Message] = {
    MeasureStatus.PROPOSED.value: QT_TRANSLATE_NOOP("TimelineReport", "Proposed"),
    MeasureStatus.PLANNED.value: QT_TRANSLATE_NOOP("TimelineReport", "Planned"),
    MeasureStatus.IN_PROGRESS.value: QT_TRANSLATE_NOOP("TimelineReport", "In progress"),
    MeasureStatus.DONE.value: QT_TRANSLATE_NOOP("TimelineReport", "Done"),
    MeasureStatus.DROPPED.value: QT_TRANSLATE_NOOP("TimelineReport", "Dropped"),
}
MILESTONE_STATUS_NAMES: Mapping[str, Message] = {
    MilestoneStatus.PLANNED.value: QT_TRANSLATE_NOOP("TimelineReport", "Planned"),
    MilestoneStatus.DONE.value: QT_TRANSLATE_NOOP("TimelineReport", "Reached"),
    MilestoneStatus.LATE.value: QT_TRANSLATE_NOOP("TimelineReport", "Late"),
}

CALENDAR_NAME = QT_TRANSLATE_NOOP("TimelineReport", "{project}: milestones and measures")
MILESTONE_SUMMARY = QT_TRANSLATE_NOOP("TimelineReport", "Milestone: {title}")
MEASURE_SUMMARY = QT_TRANSLATE_NOOP("TimelineReport", "Measure: {title}")
STATUS_LINE = QT_TRANSLATE_NOOP("TimelineReport", "Status: {status}")
OWNER_LINE = QT_TRANSLATE_NOOP("TimelineReport", "Owner: {owner}")
FIELD_LINE = QT_TRANSLATE_NOOP("TimelineReport", "Field of action: {field}")
PRIORITY_LINE = QT_TRANSLATE_NOOP("TimelineReport", "Priority: {priority}")
PHASE_LINE = QT_TRANSLATE_NOOP("TimelineReport", "Phase: {phase}")
MEASURE_LINE = QT_TRANSLATE_NOOP("TimelineReport", "Linked measure: {title}")
ONLY_START = QT_TRANSLATE_NOOP("TimelineReport", "Only the start is set so far.")
ONLY_END = QT_TRANSLATE_NOOP("TimelineReport", "Only the end is set so far.")

MESSAGES: tuple[Message, ...] = (
    TABLE_TITLE, MEASURE, MILESTONE, FIELD, OWNER, PRIORITY, STATUS, STARTS, ENDS, IDEAS,
    VOTES, *MEASURE_STATUS_NAMES.values(), *MILESTONE_STATUS_NAMES.values(), CALENDAR_NAME,
    MILESTONE_SUMMARY, MEASURE_SUMMARY, STATUS_LINE, OWNER_LINE, FIELD_LINE, PRIORITY_LINE,
    PHASE_LINE, MEASURE_LINE, ONLY_START, ONLY_END,
)
"""Every text this module may put into a file (see :func:`fixed_translator`)."""

# Measures still to be decided are tentative in a calendar; dropped ones cancelled, so a
# calendar that imported them earlier strikes them out instead of keeping a stale entry.
_MEASURE_EVENT_STATUS = {
    MeasureStatus.PROPOSED.value: Status.TENTATIVE,
    MeasureStatus.DROPPED.value: Status.CANCELLED,
}


def fixed_translator(translate: Translator,
                     messages: Iterable[Message] = MESSAGES) -> Translator:
    """The translations of ``messages`` looked up now, as a translator that needs nothing
    else later: Qt's translators belong to the GUI thread, the file is written on a worker.
    Texts not looked up come back as their source."""
    texts = {(m.context, m.source): translate(m.context, m.source) for m in messages}
    return lambda context, source: texts.get((context, source), source)


def status_name(status: str, translate: Translator | None = None) -> str:
    """A measure's status in the reader's language (an unknown value as it is, so a newer
    laptop's status never hides a row)."""
    message = MEASURE_STATUS_NAMES.get(status)
    return message.render(translate) if message is not None else status


def milestone_status_name(status: str, translate: Translator | None = None) -> str:
    message = MILESTONE_STATUS_NAMES.get(status)
    return message.render(translate) if message is not None else status


# --------------------------------------------------------------------------- measures


def measures_table(rows: Sequence[AgendaRow], translate: Translator) -> Table:
    """The measures in the order given (the UI passes what its table shows), with the
    columns of the digital agenda: dates as dates and counts as numbers, so a spreadsheet
    sorts and sums them."""
    def text(message: Message) -> str:
        return message.render(translate)

    columns = (
        Column(text(MEASURE), width=48.0),
        Column(text(FIELD)),
        Column(text(OWNER)),
        Column(text(PRIORITY), ColumnKind.INTEGER),
        Column(text(STATUS)),
        Column(text(STARTS), ColumnKind.DATE),
        Column(text(ENDS), ColumnKind.DATE),
        Column(text(IDEAS), ColumnKind.INTEGER),
        Column(text(VOTES), ColumnKind.INTEGER),
    )
    cells = [(row.title, row.field_name, row.owner, row.priority,
              status_name(row.status, translate), row.starts_on, row.ends_on, row.ideas,
              row.votes) for row in rows]
    return Table(text(TABLE_TITLE), columns, cells)


def write_measures(path: Path, rows: Sequence[AgendaRow], translate: Translator) -> Path:
    """The measures as ``.csv`` or ``.xlsx`` (by the suffix of ``path``), written atomically.

    :class:`ValueError` for another suffix, :class:`OSError` if the file cannot be written
    (``path`` is then as it was)."""
    return write_table(Path(path), measures_table(rows, translate))


# --------------------------------------------------------------------------- calendar


def milestone_uid(milestone_id: uuid.UUID) -> str:
    """The same UID at every export, so a calendar updates the entry instead of adding a
    second one."""
    return make_uid(f"milestone-{milestone_id}")


def measure_uid(measure_id: uuid.UUID) -> str:
    return make_uid(f"measure-{measure_id}")


def timeline_calendar(timeline: Timeline, translate: Translator) -> Calendar:
    """Milestones as all-day events on their date and measures as all-day events from their
    start to their end (a measure with one date only: on that day, saying which one is
    missing; undated measures are left out: a calendar cannot show them)."""
    phases = {phase.id: phase.name for phase in timeline.phases}
    measures = {measure.id: measure.title for measure in timeline.measures}
    events = [_milestone_event(milestone, phases, measures, translate)
              for milestone in timeline.milestones]
    events += [event for event in (_measure_event(measure, translate)
                                   for measure in timeline.measures) if event is not None]
    name = CALENDAR_NAME.with_params(project=timeline.project.name).render(translate)
    # Only whole days here: no time zone component is needed.
    return Calendar(name, tuple(events), tzid=None)


def write_timeline_ics(path: Path, timeline: Timeline, translate: Translator,
                       now: dt.datetime | None = None) -> Path:
    """The project's milestones and measure dates as an ``.ics`` file, written atomically
    (``now``, aware: the stamp of the entries, default the time of writing)."""
    return write_ics(Path(path), timeline_calendar(timeline, translate), now)


def _lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _milestone_event(milestone: MilestoneView, phases: Mapping[uuid.UUID, str],
                     measures: Mapping[uuid.UUID, str], translate: Translator) -> Event:
    phase = phases.get(milestone.phase_id) if milestone.phase_id is not None else None
    measure = measures.get(milestone.measure_id) if milestone.measure_id is not None else None
    facts = _lines(
        STATUS_LINE.with_params(
            status=milestone_status_name(milestone.status, translate)).render(translate),
        OWNER_LINE.with_params(owner=milestone.owner).render(translate)
        if milestone.owner else "",
        PHASE_LINE.with_params(phase=phase).render(translate) if phase else "",
        MEASURE_LINE.with_params(title=measure).render(translate) if measure else "",
    )
    return Event(
        milestone_uid(milestone.id),
        MILESTONE_SUMMARY.with_params(title=milestone.title).render(translate),
        milestone.due_on, milestone.due_on,
        description=_lines(facts, "\n" + milestone.description.strip()
                           if milestone.description.strip() else ""),
        categories=tuple(c for c in (MILESTONE.render(translate), phase) if c),
        status=Status.CONFIRMED)


def _measure_event(measure: MeasureView, translate: Translator) -> Event | None:
    dates = [day for day in (measure.starts_on, measure.ends_on) if day is not None]
    if not dates:
        return None
    # min/max, not start/end: a merge of two laptops' edits can leave the end before the
    # start, and the calendar file must still be written.
    first, last = min(dates), max(dates)
    missing = ""
    if measure.ends_on is None:
        missing = ONLY_START.render(translate)
    elif measure.starts_on is None:
        missing = ONLY_END.render(translate)
    facts = _lines(
        STATUS_LINE.with_params(status=status_name(measure.status, translate)).render(translate),
        OWNER_LINE.with_params(owner=measure.owner).render(translate) if measure.owner else "",
        FIELD_LINE.with_params(field=measure.field_name).render(translate)
        if measure.field_name else "",
        PRIORITY_LINE.with_params(priority=measure.priority).render(translate)
        if measure.priority is not None else "",
        missing,
    )
    return Event(
        measure_uid(measure.id),
        MEASURE_SUMMARY.with_params(title=measure.title).render(translate),
        first, last,
        description=_lines(facts, "\n" + measure.description.strip()
                           if measure.description.strip() else ""),
        categories=tuple(c for c in (MEASURE.render(translate), measure.field_name) if c),
        status=_MEASURE_EVENT_STATUS.get(measure.status, Status.CONFIRMED))
