"""The agenda printouts and calendar, made from the demo workshop and read back as a reader
would: the PDFs through poppler's pdftotext, the calendar through the icalendar parser."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from myk10_workshop.agenda import operations as ops
from myk10_workshop.agenda.queries import (
    AgendaView,
    BlockView,
    agenda_schedule,
    load_agenda,
    materials_checklist,
)
from myk10_workshop.demo import demo_operation
from myk10_workshop.i18n import Catalogue, load_catalogue
from myk10_workshop.projects.queries import load_tree
from myk10_workshop.reports.agenda import (
    agenda_calendar,
    write_agenda_ics,
    write_handout,
    write_run_sheet,
)
from myk10_workshop.store.database import Store

BERLIN = ZoneInfo("Europe/Berlin")
VENUE = "Kreisverwaltung Mayen-Koblenz, Großer Sitzungssaal, Koblenz"
ENGLISH = Catalogue.empty()
NOW = dt.datetime(2022, 1, 10, 12, 0, tzinfo=dt.UTC)
LOUD_TITLE = "World Café: GROẞE ZIELE für Straßen und Plätze"


@dataclass
class Demo:
    store: Store
    workshop: uuid.UUID

    def agenda(self) -> AgendaView:
        found = self.store.read(lambda session: load_agenda(session, self.workshop))
        assert found is not None
        return found

    def block(self, title: str) -> BlockView:
        return next(block for block in self.agenda().blocks if block.title == title)


@pytest.fixture
def demo(store: Store) -> Demo:
    store.apply(demo_operation())
    made = Demo(store, store.read(load_tree)[0].workshops[0].id)
    # A capital sharp s, which the PDF's built-in fonts would print as a box.
    store.apply(ops.update_block(made.block("World Café: Ziele der Smarten Region").id,
                                 title=LOUD_TITLE))
    return made


def pdf_text(path: Path, mode: str = "-raw") -> str:
    """The PDF's text: in the order it was drawn (``-raw``: cell by cell, so a cell's lines
    stay together), or as laid out on the page (``-layout``: a table row on one line)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDFs back")
    return subprocess.run([tool, mode, str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


def embedded_fonts(path: Path) -> list[str]:
    tool = shutil.which("pdffonts")
    if tool is None:
        pytest.fail("pdffonts (poppler-utils) is needed to read the PDFs back")
    lines = subprocess.run([tool, str(path)], capture_output=True, check=True,
                           text=True).stdout.splitlines()[2:]
    return [line.split()[0] for line in lines if " yes " in line]


def flat(text: str) -> str:
    """The text with every run of white space as one space (table cells wrap lines)."""
    return " ".join(text.split())


def files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for the reports alone (the database lives beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


# --------------------------------------------------------------------------- handout


def test_the_handout_shows_the_plan_and_nothing_internal(demo: Demo, out: Path) -> None:
    agenda = demo.agenda()
    target = out / "Ablaufplan.pdf"
    assert write_handout(agenda, agenda_schedule(agenda), target, ENGLISH,
                         venue=VENUE) == target
    assert files(out) == ["Ablaufplan.pdf"], "no temporary file is left behind"
    words = flat(pdf_text(target))
    rows = pdf_text(target, "-layout")
    assert agenda.title in words
    assert VENUE in words
    assert "Thursday, 20/01/2022 to Friday, 21/01/2022" in words
    assert "Day 1 · Thursday, 20/01/2022" in words
    assert "Day 2 · Friday, 21/01/2022" in words
    assert "Page 1 of 2" in words and "Page 2 of 2" in words
    assert re.search(r"09:00–09:45\s+Ankommen, Begrüßung und Check-in\s+Großer Sitzungssaal",
                     rows)
    assert re.search(r"12:30–13:30\s+Mittagspause\s+Kantine", rows)
    assert LOUD_TITLE in words
    assert "In 10 working groups:" in words
    assert "AG Mobilität – Großer Sitzungssaal" in words
    assert "AG Daten & Plattform – Raum 2.04" in words

    for block in agenda.blocks:
        if block.facilitator_only:
            assert block.title not in words, block.title
        else:
            assert block.title in words, block.title
        for field in (block.notes, block.goal):
            if field.strip():
                assert flat(field)[:25] not in words, field
        for material in block.materials:
            assert f"× {material.name}" not in words
    for hidden in ("Technik-Check", "Hygienekonzept", "Responsible", "Namensschilder",
                   "AG-Leitung Mobilität", "Umbau", "Facilitator", "Abbau"):
        assert hidden not in words, hidden
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= {name.split("+")[-1]
                                                 for name in embedded_fonts(target)}


def test_the_handout_speaks_german(demo: Demo, out: Path) -> None:
    agenda = demo.agenda()
    target = out / "Ablaufplan.pdf"
    write_handout(agenda, agenda_schedule(agenda), target, load_catalogue("de"))
    words = flat(pdf_text(target))
    assert "Tag 1 · Donnerstag, 20.01.2022" in words
    assert "Donnerstag, 20.01.2022 bis Freitag, 21.01.2022" in words
    assert "Seite 1 von 2" in words
    assert "In 10 Arbeitsgruppen:" in words


# --------------------------------------------------------------------------- run sheet


def _run_the_first_morning(demo: Demo) -> None:
    """Blocks as recorded live: 09:02–09:54 (with "+5 min") and 09:54–10:22 Berlin time,
    the coffee break skipped (stored as naive UTC, one hour behind in January)."""
    first = demo.block("Ankommen, Begrüßung und Check-in").id
    second = demo.block("Impulsvortrag: Wo steht die Smarte Region MYK10?").id
    coffee = demo.agenda().days[0].blocks[2].id
    utc = dt.datetime(2022, 1, 20, 8, 2)
    for operation in (ops.start_block(first, utc), ops.extend_block(first, 5),
                      ops.next_block(first, second, utc + dt.timedelta(minutes=52)),
                      ops.end_block(second, utc + dt.timedelta(minutes=80)),
                      ops.skip_block(coffee, utc + dt.timedelta(minutes=80))):
        demo.store.apply(operation)


def test_the_run_sheet_has_everything_and_sets_reality_beside_the_plan(
        demo: Demo, out: Path) -> None:
    _run_the_first_morning(demo)
    agenda = demo.agenda()
    target = out / "Regieplan.pdf"
    write_run_sheet(agenda, agenda_schedule(agenda, zone=BERLIN), target, ENGLISH,
                    venue=VENUE, zone=BERLIN)
    assert files(out) == ["Regieplan.pdf"]
    words = flat(pdf_text(target))
    assert "Run sheet for the facilitation team" in words
    assert re.search(r"Page 1 of \d", words)

    rebuild = demo.block("Umbau für die Arbeitsgruppen")
    assert rebuild.facilitator_only
    assert "FACILITATOR ONLY Umbau für die Arbeitsgruppen" in words
    assert "Abbau und Sicherung der Ergebnisse" in words
    assert "Technik-Check Beamer und WLAN ab 08:15." in words
    assert "Responsible: Projektleitung" in words
    assert "Method: World Café" in words
    assert "Goal: Alle sind angekommen" in words
    assert "25 × Namensschilder" in words
    assert "• AG Mobilität: Großer Sitzungssaal · AG-Leitung Mobilität" in words
    assert "fixed start" in words
    assert LOUD_TITLE in words

    # Plan against reality.
    assert "Actually run 09:02–10:22 (planned 09:00–17:00)" in words
    assert ("09:00–09:45 45 min actual 09:02–09:54 52 min extended live by 5 min Ankommen"
            in words)
    assert "09:45–10:15 30 min actual 09:54–10:22 28 min Impulsvortrag" in words
    assert words.count("extended live") == 1
    assert "10:15–10:30 15 min skipped Kaffeepause" in words
    assert words.count("actual ") == 2

    # The packing list for the whole workshop, summed over the blocks.
    assert "Materials checklist for the whole workshop" in words
    needs = materials_checklist(agenda)
    assert needs
    for need in needs:
        assert f"☐ {need.name} {need.quantity} " in words, need
    boards = next(need for need in needs if need.name == "Pinnwände")
    assert boards.quantity == 33


def test_a_rehearsal_on_another_date_gives_the_run_sheet_no_absurd_times(
        demo: Demo, out: Path) -> None:
    """The demo day (20.01.2022) rehearsed on 02.03.2026: the recorded times are set beside
    the plan, and no warning counts minutes from 2022 ("2559749 min past midnight")."""
    first = demo.block("Ankommen, Begrüßung und Check-in").id
    second = demo.block("Impulsvortrag: Wo steht die Smarte Region MYK10?").id
    utc = dt.datetime(2026, 3, 2, 8, 2)
    demo.store.apply(ops.start_block(first, utc))
    demo.store.apply(ops.next_block(first, second, utc + dt.timedelta(minutes=52)))
    agenda = demo.agenda()
    target = out / "Regieplan.pdf"
    write_run_sheet(agenda, agenda_schedule(agenda, zone=BERLIN), target, ENGLISH,
                    zone=BERLIN)
    words = flat(pdf_text(target))
    assert "09:00–09:45 45 min actual 09:02–09:54 52 min Ankommen" in words
    assert "past midnight" not in words
    assert not re.search(r"\d{5,} min", words), words
    ics = agenda_calendar(agenda, agenda_schedule(agenda, zone=BERLIN))
    assert {event.start.date() for event in ics.events} <= {dt.date(2022, 1, 20),
                                                          dt.date(2022, 1, 21)}


def test_the_run_sheet_before_the_day_shows_no_recorded_times(demo: Demo,
                                                              out: Path) -> None:
    agenda = demo.agenda()
    target = out / "Regieplan.pdf"
    write_run_sheet(agenda, agenda_schedule(agenda), target, ENGLISH)
    words = flat(pdf_text(target))
    assert "Planned 09:00–17:00 · 8 h of blocks" in words
    for absent in ("actual", "Actually run", "skipped", VENUE):
        assert absent not in words


# --------------------------------------------------------------------------- calendar


def _events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_has_one_event_per_public_block_at_local_times(
        demo: Demo, out: Path) -> None:
    agenda = demo.agenda()
    schedule = agenda_schedule(agenda)
    target = write_agenda_ics(agenda, schedule, out / "agenda.ics", now=NOW)
    assert files(out) == ["agenda.ics"]
    events = _events(target.read_bytes())
    public = [block for block in agenda.blocks if not block.facilitator_only]
    assert list(events) == [f"{block.id}@myk10-workshop" for block in public]

    first = events[f"{public[0].id}@myk10-workshop"]
    assert str(first["SUMMARY"]) == "Ankommen, Begrüßung und Check-in"
    assert str(first["LOCATION"]) == "Großer Sitzungssaal"
    start, end = first.decoded("DTSTART"), first.decoded("DTEND")
    assert start == dt.datetime(2022, 1, 20, 9, 0, tzinfo=BERLIN)
    assert end == dt.datetime(2022, 1, 20, 9, 45, tzinfo=BERLIN)
    assert start.utcoffset() == dt.timedelta(hours=1)
    assert first["DTSTART"].params["TZID"] == "Europe/Berlin"

    lunch = events[f"{demo.block('Mittagspause').id}@myk10-workshop"]
    assert lunch.decoded("DTSTART") == dt.datetime(2022, 1, 20, 12, 30, tzinfo=BERLIN)
    split = events[f"{demo.block('Arbeitsgruppen: Ziele je Handlungsfeld').id}@myk10-workshop"]
    assert "AG Mobilität – Großer Sitzungssaal" in str(split["DESCRIPTION"]).splitlines()
    assert "Zebralog" not in str(split["DESCRIPTION"])
    assert [str(c) for c in split["CATEGORIES"].cats] == ["Arbeitsphase"]
    for event in events.values():
        assert "DESCRIPTION" not in event or "Notes" not in str(event["DESCRIPTION"])

    again = agenda_calendar(agenda, schedule)
    assert [event.uid for event in again.events] == list(events), "UIDs are stable"


def test_the_calendar_takes_facilitator_only_blocks_when_asked_and_summer_time(
        demo: Demo) -> None:
    agenda = demo.agenda()
    second_day = agenda.days[1]
    demo.store.apply(ops.update_day(second_day.id, day=dt.date(2022, 7, 14)))
    agenda = demo.agenda()
    calendar = agenda_calendar(agenda, agenda_schedule(agenda),
                               include_facilitator_only=True)
    events = _events(calendar.to_bytes(NOW))
    assert len(events) == len(agenda.blocks)
    rebuild = events[f"{demo.block('Umbau für die Arbeitsgruppen').id}@myk10-workshop"]
    assert rebuild.decoded("DTSTART") == dt.datetime(2022, 1, 20, 12, 15, tzinfo=BERLIN)
    july = events[f"{agenda.days[1].blocks[0].id}@myk10-workshop"]
    assert july.decoded("DTSTART") == dt.datetime(2022, 7, 14, 9, 0, tzinfo=BERLIN)
    assert july.decoded("DTSTART").utcoffset() == dt.timedelta(hours=2)


def test_days_without_a_date_stay_out_of_the_calendar(demo: Demo) -> None:
    agenda = demo.agenda()
    demo.store.apply(ops.update_day(agenda.days[1].id, day=None))
    agenda = demo.agenda()
    calendar = agenda_calendar(agenda, agenda_schedule(agenda))
    day_one = {block.id for block in agenda.days[0].blocks if not block.facilitator_only}
    assert {uuid.UUID(event.uid.split("@")[0]) for event in calendar.events} == day_one
