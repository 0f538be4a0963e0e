"""The digital agenda and the timeline as files, read back the way the programs that open
them read them: the .ics by the icalendar parser, the XLSX by openpyxl, the CSV by csv."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import icalendar
import openpyxl
import pytest

from myk10_workshop.demo import demo_operation
from myk10_workshop.i18n import Translator
from myk10_workshop.projects.queries import load_tree
from myk10_workshop.reports import timeline as report
from myk10_workshop.store.database import Store
from myk10_workshop.store.operations import Create
from myk10_workshop.timeline import operations as ops
from myk10_workshop.timeline.queries import AgendaRow, Timeline, load_agenda, load_timeline

D = dt.date
NOW = dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.UTC)
BOM = b"\xef\xbb\xbf"

# A few German texts, as the catalogue gives them; the rest stays in the source language.
GERMAN = {
    "Digital agenda": "Digitale Agenda", "Measure": "Maßnahme",
    "Field of action": "Handlungsfeld", "Owner": "Verantwortlich", "Priority": "Priorität",
    "Status": "Status", "Start": "Beginn", "End": "Ende", "Ideas": "Ideen",
    "Votes": "Stimmen", "Planned": "Geplant", "In progress": "In Umsetzung",
    "Proposed": "Vorgeschlagen", "Dropped": "Verworfen", "Reached": "Erreicht",
    "Milestone": "Meilenstein", "Milestone: {title}": "Meilenstein: {title}",
    "Measure: {title}": "Maßnahme: {title}", "Status: {status}": "Status: {status}",
    "Owner: {owner}": "Verantwortlich: {owner}",
    "Field of action: {field}": "Handlungsfeld: {field}",
    "Priority: {priority}": "Priorität: {priority}", "Phase: {phase}": "Phase: {phase}",
    "Only the start is set so far.": "Bisher steht nur der Beginn fest.",
    "Linked measure: {title}": "Zugehörige Maßnahme: {title}",
    "{project}: milestones and measures": "{project}: Meilensteine und Maßnahmen",
}


def german(context: str, source: str) -> str:
    assert context == report.CONTEXT
    return GERMAN.get(source, source)


HEADER = ["Maßnahme", "Handlungsfeld", "Verantwortlich", "Priorität", "Status", "Beginn",
          "Ende", "Ideen", "Stimmen"]


@dataclass(frozen=True)
class Plan:
    project: uuid.UUID
    council: uuid.UUID  # milestone "Strategie im Kreistag", reached
    launch: uuid.UUID  # milestone "Portal online", linked to the portal
    portal: uuid.UUID  # measure "Bürgerportal für alle Ämter", 01.02.2023-30.06.2024
    wifi: uuid.UUID  # measure "WLAN an Schulen", start only, proposed
    open_idea: uuid.UUID  # measure without dates
    dropped: uuid.UUID  # measure "Straßenzustand per App", dropped


def created(store: Store, operation: Create) -> uuid.UUID:
    store.apply(operation)
    return operation.id


@pytest.fixture
def plan(store: Store) -> Plan:
    project = created(store, Create("project", {
        "name": "Smarte Region MYK10", "starts_on": D(2022, 1, 1), "ends_on": D(2027, 12, 31)}))
    field = created(store, Create("field_of_action", {"project_id": project,
                                                      "name": "Verwaltung & Bürgerservice"}))
    phase = created(store, ops.create_phase(project, "Phase A: Strategie",
                                            starts_on=D(2022, 1, 1), ends_on=D(2022, 12, 31)))
    portal = created(store, ops.create_measure(
        project, "Bürgerportal für alle Ämter", field_of_action_id=field,
        owner="Amt für Digitales; Referat 10", status="in_progress", priority=1,
        starts_on=D(2023, 2, 1), ends_on=D(2024, 6, 30),
        description="Anträge rund um die Uhr, ohne Termin."))
    wifi = created(store, ops.create_measure(project, "WLAN an Schulen", starts_on=D(2024, 8, 1),
                                             priority=12))
    open_idea = created(store, ops.create_measure(project, "=Offene Idee"))
    dropped = created(store, ops.create_measure(project, "Straßenzustand per App",
                                                status="dropped", starts_on=D(2023, 3, 1),
                                                ends_on=D(2023, 3, 31)))
    council = created(store, ops.create_milestone(
        project, "Strategie im Kreistag", D(2022, 12, 12), phase_id=phase, status="done",
        owner="Landrat", description="Beschluss über Strategie und Digitale Agenda."))
    launch = created(store, ops.create_milestone(project, "Portal online", D(2024, 7, 1),
                                                 measure_id=portal))
    return Plan(project, council, launch, portal, wifi, open_idea, dropped)


@pytest.fixture
def demo_store(store: Store) -> Store:
    store.apply(demo_operation())
    return store


def agenda(store: Store, project: uuid.UUID) -> tuple[AgendaRow, ...]:
    return store.read(lambda s: load_agenda(s, project))


def timeline(store: Store, project: uuid.UUID) -> Timeline:
    found = store.read(lambda s: load_timeline(s, project))
    assert found is not None
    return found


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM):].decode("utf-8"), newline=""),
                           delimiter=";"))


def events(path: Path) -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


# --------------------------------------------------------------------------- spreadsheets


def test_the_measures_as_csv_for_german_excel(store: Store, plan: Plan, tmp_path: Path) -> None:
    path = report.write_measures(tmp_path / "agenda.csv", agenda(store, plan.project), german)

    rows = read_csv(path)
    assert rows[0] == HEADER
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["Bürgerportal für alle Ämter"] == [
        "Bürgerportal für alle Ämter", "Verwaltung & Bürgerservice",
        "Amt für Digitales; Referat 10", "1", "In Umsetzung", "01.02.2023", "30.06.2024",
        "0", "0"]
    assert by_title["WLAN an Schulen"][3:7] == ["12", "Vorgeschlagen", "01.08.2024", ""]
    # A title that Excel would run as a formula is neutralised.
    assert "'=Offene Idee" in by_title
    assert by_title["Straßenzustand per App"][4] == "Verworfen"
    # Semicolons inside a field are quoted, not taken for a column break.
    assert b'"Amt f\xc3\xbcr Digitales; Referat 10"' in path.read_bytes()
    assert len(rows) == 5


def test_the_measures_as_xlsx_with_dates_and_numbers(store: Store, plan: Plan,
                                                     tmp_path: Path) -> None:
    path = report.write_measures(tmp_path / "agenda.xlsx", agenda(store, plan.project),
                                 german)

    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Digitale Agenda"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    portal = next(row for row in rows[1:] if row[0] == "Bürgerportal für alle Ämter")
    assert portal[3] == 1 and isinstance(portal[3], int)
    assert portal[5] == dt.datetime(2023, 2, 1) and portal[6] == dt.datetime(2024, 6, 30)
    assert sheet.cell(row=rows.index(portal) + 1, column=6).is_date
    assert (portal[7], portal[8]) == (0, 0)
    undated = next(row for row in rows[1:] if row[0] == "=Offene Idee")
    # Text stays text (never a formula); empty dates and priorities are empty cells.
    assert sheet.cell(row=rows.index(undated) + 1, column=1).data_type == "s"
    assert undated[3] is None and undated[5] is None and undated[6] is None


def test_the_demo_agenda_keeps_its_counts_in_the_given_order(demo_store: Store,
                                                             tmp_path: Path) -> None:
    (project,) = demo_store.read(load_tree)
    rows = agenda(demo_store, project.id)
    chosen = sorted(rows, key=lambda row: -row.votes)[:3]
    path = report.write_measures(tmp_path / "top.xlsx", chosen, german)
    sheet = openpyxl.load_workbook(path).active
    written = [(row[0], row[7], row[8]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert written == [(row.title, row.ideas, row.votes) for row in chosen]
    assert all(isinstance(votes, int) and votes > 0 for _, _, votes in written)


def test_an_unknown_suffix_writes_nothing(store: Store, plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.ods"):
        report.write_measures(tmp_path / "agenda.ods", agenda(store, plan.project), german)
    assert list(tmp_path.glob("*agenda*")) == []


# --------------------------------------------------------------------------- calendar


def test_milestones_and_measures_read_back_by_a_calendar_parser(store: Store, plan: Plan,
                                                                tmp_path: Path) -> None:
    path = report.write_timeline_ics(tmp_path / "plan.ics", timeline(store, plan.project),
                                     german, NOW)

    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Smarte Region MYK10: Meilensteine und Maßnahmen"
    found = events(path)
    # Two milestones, three dated measures; the undated one has no place in a calendar.
    assert set(found) == {
        f"milestone-{plan.council}@myk10-workshop", f"milestone-{plan.launch}@myk10-workshop",
        f"measure-{plan.portal}@myk10-workshop", f"measure-{plan.wifi}@myk10-workshop",
        f"measure-{plan.dropped}@myk10-workshop"}

    council = found[report.milestone_uid(plan.council)]
    assert str(council["SUMMARY"]) == "Meilenstein: Strategie im Kreistag"
    assert council.decoded("DTSTART") == D(2022, 12, 12)
    assert council.decoded("DTEND") == D(2022, 12, 13)  # exclusive: the day after
    assert str(council["DESCRIPTION"]) == (
        "Status: Erreicht\nVerantwortlich: Landrat\nPhase: Phase A: Strategie\n\n"
        "Beschluss über Strategie und Digitale Agenda.")
    assert list(council["CATEGORIES"].cats) == ["Meilenstein", "Phase A: Strategie"]

    portal = found[report.measure_uid(plan.portal)]
    assert str(portal["SUMMARY"]) == "Maßnahme: Bürgerportal für alle Ämter"
    assert portal.decoded("DTSTART") == D(2023, 2, 1)
    assert portal.decoded("DTEND") == D(2024, 7, 1)  # through 30.06.2024
    assert list(portal["CATEGORIES"].cats) == ["Maßnahme", "Verwaltung & Bürgerservice"]
    description = str(portal["DESCRIPTION"])
    assert description.startswith("Status: In Umsetzung\nVerantwortlich: Amt für Digitales; "
                                  "Referat 10\nHandlungsfeld: Verwaltung & Bürgerservice\n"
                                  "Priorität: 1")
    assert str(portal["STATUS"]) == "CONFIRMED"
    assert str(found[report.milestone_uid(plan.launch)]["DESCRIPTION"]) == (
        "Status: Geplant\nZugehörige Maßnahme: Bürgerportal für alle Ämter")

    wifi = found[report.measure_uid(plan.wifi)]
    assert (wifi.decoded("DTSTART"), wifi.decoded("DTEND")) == (D(2024, 8, 1), D(2024, 8, 2))
    assert "Bisher steht nur der Beginn fest." in str(wifi["DESCRIPTION"])
    assert str(wifi["STATUS"]) == "TENTATIVE"
    assert str(found[report.measure_uid(plan.dropped)]["STATUS"]) == "CANCELLED"


def test_uids_stay_and_dates_follow_an_edit(store: Store, plan: Plan, tmp_path: Path) -> None:
    first = report.write_timeline_ics(tmp_path / "a.ics", timeline(store, plan.project),
                                      german, NOW)
    again = report.write_timeline_ics(tmp_path / "b.ics", timeline(store, plan.project),
                                      german, NOW)
    assert first.read_bytes() == again.read_bytes()

    store.apply(ops.move_item("measure", plan.portal, 31))
    store.apply(ops.edit_milestone(plan.council, due_on=D(2022, 12, 19)))
    moved = events(report.write_timeline_ics(tmp_path / "c.ics", timeline(store, plan.project),
                                             german, NOW))
    assert set(moved) == set(events(first))
    portal = moved[report.measure_uid(plan.portal)]
    assert portal.decoded("DTSTART") == D(2023, 3, 4)
    assert moved[report.milestone_uid(plan.council)].decoded("DTSTART") == D(2022, 12, 19)


def test_the_demo_plan_as_a_calendar(demo_store: Store, tmp_path: Path) -> None:
    (project,) = demo_store.read(load_tree)
    plan = timeline(demo_store, project.id)
    found = events(report.write_timeline_ics(tmp_path / "demo.ics", plan, german, NOW))
    assert len(found) == len(plan.milestones) + len(
        [m for m in plan.measures if m.starts_on or m.ends_on])
    for measure in plan.measures:
        event = found[report.measure_uid(measure.id)]
        assert event.decoded("DTSTART") == measure.starts_on
        assert event.decoded("DTEND") == measure.ends_on + dt.timedelta(days=1)
        assert measure.field_name in list(event["CATEGORIES"].cats)


def test_the_source_language_without_a_catalogue(store: Store, plan: Plan) -> None:
    def source(_context: str, text: str) -> str:
        return text

    table = report.measures_table(agenda(store, plan.project), source)
    assert [column.title for column in table.columns] == [
        "Measure", "Field of action", "Owner", "Priority", "Status", "Start", "End", "Ideas",
        "Votes"]
    calendar = report.timeline_calendar(timeline(store, plan.project), source)
    assert calendar.name == "Smarte Region MYK10: milestones and measures"


def test_a_fixed_translator_answers_without_asking_again(store: Store, plan: Plan) -> None:
    asked: list[str] = []

    def counting(context: str, source: str) -> str:
        asked.append(source)
        return german(context, source)

    fixed: Translator = report.fixed_translator(counting)
    looked_up = len(asked)
    assert looked_up == len(report.MESSAGES)
    table = report.measures_table(agenda(store, plan.project), fixed)
    assert [column.title for column in table.columns] == HEADER
    assert len(asked) == looked_up
    assert fixed("Other", "Unknown") == "Unknown"


def test_an_end_before_the_start_after_a_merge_still_gives_a_calendar(store: Store,
                                                                      plan: Plan) -> None:
    # Two laptops moved either end; the merged row has the end before the start.
    found = timeline(store, plan.project)
    crossed = tuple(m if m.id != plan.portal else
                    type(m)(**{**m.__dict__, "starts_on": D(2024, 6, 30),
                               "ends_on": D(2023, 2, 1)})
                    for m in found.measures)
    calendar = report.timeline_calendar(
        Timeline(found.project, found.phases, found.fields, found.milestones, crossed,
                 found.dependencies, found.baseline), german)
    event = next(e for e in calendar.events if e.uid == report.measure_uid(plan.portal))
    assert (event.start, event.end) == (D(2023, 2, 1), D(2024, 6, 30))
