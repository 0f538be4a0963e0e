"""The digital agenda table driven as a facilitator drives it: real clicks and keys on the
table, its header and its dialogs, over a real store with the demo project."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from myk10_workshop.board import operations as board_ops
from myk10_workshop.board.queries import list_boards
from myk10_workshop.projects.queries import ProjectNode, load_tree
from myk10_workshop.store.database import Store
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.schema import Measure
from myk10_workshop.timeline import operations as timeline_ops
from myk10_workshop.timeline.queries import AgendaRow, ballot_priorities, load_agenda
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.bridge import StoreBridge
from myk10_workshop.ui.timeline.agenda_table import (
    ENDS,
    FIELD,
    IDEAS,
    OWNER,
    PRIORITY,
    STARTS,
    STATUS,
    TITLE,
    VOTES,
    BallotPrioritiesDialog,
    MeasuresTable,
)
from myk10_workshop.ui.timeline.trace_dialog import TraceDialog
from myk10_workshop.voting import operations as voting_ops
from myk10_workshop.voting import queries as voting_queries

WAIT = 10_000
LORA = "Kreisweites LoRaWAN-Sensornetz"
PORTAL = "Digitales Bürgerportal MYK10 mit gemeinsamem Servicekonto"


@pytest.fixture
def project(demo_store: Store) -> ProjectNode:
    (found,) = demo_store.read(load_tree)
    return found


@pytest.fixture
def table(qtbot: QtBot, bridge: StoreBridge, english: Translations,
          project: ProjectNode) -> Iterator[MeasuresTable]:
    widget = MeasuresTable(bridge)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT):
        widget.show_project(project.id)
    yield widget
    for dialog in (widget.trace_dialog, widget.priorities_dialog):
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.close()
    bridge.wait_idle()
    widget.close()
    shiboken6.delete(widget)


def stored(store: Store, project: ProjectNode) -> dict[str, AgendaRow]:
    return {row.title: row for row in store.read(lambda s: load_agenda(s, project.id))}


def measure(store: Store, measure_id: uuid.UUID) -> Measure:
    found = store.read(lambda s: s.get(Measure, measure_id))
    assert found is not None
    return found


def shown(table: MeasuresTable, column: int = TITLE) -> list[str]:
    proxy = table.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def cell(table: MeasuresTable, title: str, column: int) -> QModelIndex:
    for row in range(table.proxy.rowCount()):
        if table.proxy.index(row, TITLE).data() == title:
            return table.proxy.index(row, column)
    raise AssertionError(f"{title!r} is not shown")


def click_header(qtbot: QtBot, table: MeasuresTable, column: int) -> None:
    header = table.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def focus_cell(qtbot: QtBot, table: MeasuresTable, index: QModelIndex) -> None:
    """Click the cell, as the facilitator does before typing."""
    table.view.scrollTo(index)
    rect = table.view.visualRect(index)
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.view.currentIndex() == index


def editor() -> Any:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


# --------------------------------------------------------------------------- showing


def test_the_demo_measures_show_with_their_counts(table: MeasuresTable, demo_store: Store,
                                                  project: ProjectNode,
                                                  qtmodeltester: Any) -> None:
    qtmodeltester.check(table.model)
    rows = stored(demo_store, project)
    assert len(rows) == 12
    assert sorted(shown(table)) == sorted(rows)
    assert table.count.text() == "12 measures"
    lora = rows[LORA]
    assert (lora.ideas, lora.votes) == (10, 15)
    assert [cell(table, LORA, column).data() for column in range(9)] == [
        LORA, "Infrastruktur & Konnektivität", "Kreisverwaltung, Referat Digitalisierung",
        "2", "Planned", "01.05.2023", "31.12.2025", "10", "15"]
    # Every row's counts are the store's.
    for title, row in rows.items():
        assert (cell(table, title, IDEAS).data(), cell(table, title, VOTES).data()) == (
            str(row.ideas), str(row.votes))
    assert cell(table, PORTAL, STATUS).data() == "In progress"


def test_sorting_by_priority_keeps_empty_ones_last(qtbot: QtBot, table: MeasuresTable,
                                                   bridge: StoreBridge,
                                                   demo_store: Store,
                                                   project: ProjectNode) -> None:
    lora_id = stored(demo_store, project)[LORA].measure_id
    with qtbot.waitSignal(table.loaded, timeout=WAIT):
        bridge.run(timeline_ops.set_priority(lora_id, None))
    qtbot.waitUntil(lambda: cell(table, LORA, PRIORITY).data() == "")

    # The counts sort the best-supported first on the first click.
    click_header(qtbot, table, VOTES)
    votes = [int(text) for text in shown(table, VOTES)]
    assert votes == sorted(votes, reverse=True) and votes[0] == 15

    click_header(qtbot, table, PRIORITY)
    priorities = shown(table, PRIORITY)
    assert priorities[-1] == "" and shown(table)[-1] == LORA
    numbers = [int(p) for p in priorities[:-1]]
    assert numbers == sorted(numbers) and numbers[0] == 1

    click_header(qtbot, table, PRIORITY)
    priorities = shown(table, PRIORITY)
    assert priorities[-1] == ""  # still last the other way round
    numbers = [int(p) for p in priorities[:-1]]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] == 4


def test_filtering_by_field_of_action_text_and_status(qtbot: QtBot, table: MeasuresTable,
                                                      demo_store: Store,
                                                      project: ProjectNode) -> None:
    table.field_filter.setFocus()
    qtbot.keyClicks(table.field_filter, "Mobil")
    assert table.field_filter.currentText() == "Mobilität"
    assert sorted(shown(table)) == [
        "Digital vernetzte Mitfahrbänke und Bürgerbus-Buchung",
        "Mobilitätsplattform mit Echtzeit-Fahrgastinformation"]
    assert set(shown(table, FIELD)) == {"Mobilität"}
    assert table.count.text() == "2 of 12 measures shown"

    # Words match without umlauts and case, in any column.
    qtbot.keyClicks(table.search, "burger")
    assert shown(table) == ["Digital vernetzte Mitfahrbänke und Bürgerbus-Buchung"]
    table.search.clear()

    table.status_filter.setFocus()
    qtbot.keyClicks(table.status_filter, "Plan")
    assert table.status_filter.currentData() == "planned"
    assert shown(table) == ["Mobilitätsplattform mit Echtzeit-Fahrgastinformation"]

    table.field_filter.setCurrentIndex(0)
    planned = [t for t, row in stored(demo_store, project).items() if row.status == "planned"]
    assert sorted(shown(table)) == sorted(planned) and len(planned) == 6


# --------------------------------------------------------------------------- editing


def test_editing_a_status_saves_and_undo_restores(qtbot: QtBot, table: MeasuresTable,
                                                  bridge: StoreBridge, demo_store: Store,
                                                  project: ProjectNode) -> None:
    lora_id = stored(demo_store, project)[LORA].measure_id
    focus_cell(qtbot, table, cell(table, LORA, STATUS))
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    combo = editor()
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Planned"
    qtbot.keyClicks(combo, "Done")
    qtbot.keyClick(combo, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: measure(demo_store, lora_id).status == "done", timeout=WAIT)
    qtbot.waitUntil(lambda: cell(table, LORA, STATUS).data() == "Done", timeout=WAIT)
    assert bridge.undo_stack.count() == 1

    bridge.undo_stack.undo()
    qtbot.waitUntil(lambda: measure(demo_store, lora_id).status == "planned", timeout=WAIT)
    qtbot.waitUntil(lambda: cell(table, LORA, STATUS).data() == "Planned", timeout=WAIT)


def test_priority_owner_and_dates_are_edited_in_place(qtbot: QtBot, table: MeasuresTable,
                                                      bridge: StoreBridge,
                                                      demo_store: Store,
                                                      project: ProjectNode) -> None:
    lora_id = stored(demo_store, project)[LORA].measure_id
    focus_cell(qtbot, table, cell(table, LORA, PRIORITY))
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    spin = editor()
    assert isinstance(spin, QSpinBox)
    spin.selectAll()
    qtbot.keyClicks(spin, "7")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: measure(demo_store, lora_id).priority == 7, timeout=WAIT)

    # Typing on an owner cell starts editing it.
    focus_cell(qtbot, table, cell(table, LORA, OWNER))
    qtbot.keyClick(table.view, "A")
    line = editor()
    assert line is not table.view and line.text() == "A"
    qtbot.keyClicks(line, "mt 10")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: measure(demo_store, lora_id).owner == "Amt 10", timeout=WAIT)

    # Del empties a date.
    focus_cell(qtbot, table, cell(table, LORA, STARTS))
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: measure(demo_store, lora_id).starts_on is None, timeout=WAIT)
    qtbot.waitUntil(lambda: cell(table, LORA, STARTS).data() == "", timeout=WAIT)

    focus_cell(qtbot, table, cell(table, LORA, ENDS))
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    date_edit = editor()
    assert isinstance(date_edit.parent(), QDateEdit) or isinstance(date_edit, QDateEdit)
    edit = date_edit if isinstance(date_edit, QDateEdit) else date_edit.parent()
    edit.setDate(QDate(2026, 6, 30))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: measure(demo_store, lora_id).ends_on == dt.date(2026, 6, 30),
                    timeout=WAIT)
    assert bridge.undo_stack.count() == 4


def test_a_refresh_while_typing_keeps_the_editor_and_its_text(
        qtbot: QtBot, table: MeasuresTable, demo_store: Store, project: ProjectNode) -> None:
    rows = stored(demo_store, project)
    focus_cell(qtbot, table, cell(table, LORA, OWNER))
    qtbot.keyClick(table.view, "A")
    line = editor()
    qtbot.keyClicks(line, "mt")
    # Meanwhile another measure changes (a phone's vote, another laptop's edit): the rows
    # are read again and the table re-sorts.
    demo_store.apply(timeline_ops.set_priority(rows[PORTAL].measure_id, 9))
    demo_store.apply(timeline_ops.edit_measure(rows[LORA].measure_id, status="done"))
    with qtbot.waitSignal(table.loaded, timeout=WAIT):
        table.reload()
    assert cell(table, PORTAL, PRIORITY).data() == "9"
    assert cell(table, LORA, STATUS).data() == "Done"
    assert QApplication.focusWidget() is line and line.text() == "Amt"
    qtbot.keyClicks(line, " 10")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: measure(demo_store, rows[LORA].measure_id).owner == "Amt 10",
                    timeout=WAIT)


def test_an_end_before_the_start_is_refused_and_nothing_changes(
        qtbot: QtBot, table: MeasuresTable, bridge: StoreBridge, demo_store: Store,
        project: ProjectNode) -> None:
    lora = stored(demo_store, project)[LORA]
    focus_cell(qtbot, table, cell(table, LORA, ENDS))
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    focused = editor()
    edit = focused if isinstance(focused, QDateEdit) else focused.parent()
    assert isinstance(edit, QDateEdit)
    edit.setDate(QDate(2023, 1, 1))
    with qtbot.waitSignal(bridge.failed, timeout=WAIT) as refused:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "end" in refused.args[0].lower()
    qtbot.waitUntil(lambda: cell(table, LORA, ENDS).data() == "31.12.2025", timeout=WAIT)
    assert measure(demo_store, lora.measure_id).ends_on == lora.ends_on


# --------------------------------------------------------------------------- origin


def promoted_measure(store: Store, project: ProjectNode) -> tuple[uuid.UUID, list[str]]:
    """Notes on the demo board, a cluster around them, promoted to a measure."""
    workshop = project.workshops[0]
    wall = store.read(lambda s: list_boards(s, workshop.id))[0]
    texts = ["Bürgerbus am Wochenende", "<b>Fett</b> & <i>kursiv</i> bleiben Zeichen",
             "Rufbus per App buchen"]
    ids = []
    for n, text in enumerate(texts):
        note = board_ops.create_idea(wall.id, text, 5000.0 + 200 * n, 5000.0)
        store.apply(note)
        ids.append(note.id)
    cluster = board_ops.create_cluster(wall.id, "Mobil am Wochenende", {
        idea: (5000.0 + 200 * n, 5100.0) for n, idea in enumerate(ids)})
    store.apply(cluster)
    cluster_id = cluster.operations[0].id  # type: ignore[attr-defined]
    batch = board_ops.promote_to_measure(project.id, "Wochenendmobilität",
                                         cluster_id=cluster_id)
    store.apply(batch)
    return batch.operations[0].id, texts  # type: ignore[attr-defined]


def wait_trace(qtbot: QtBot, table: MeasuresTable) -> TraceDialog:
    qtbot.waitUntil(lambda: isinstance(table.trace_dialog, TraceDialog), timeout=WAIT)
    dialog = table.trace_dialog
    assert isinstance(dialog, TraceDialog)
    qtbot.waitUntil(lambda: dialog.trace is not None, timeout=WAIT)
    return dialog


def test_enter_shows_where_a_promoted_measure_came_from(qtbot: QtBot, table: MeasuresTable,
                                                        bridge: StoreBridge,
                                                        demo_store: Store,
                                                        project: ProjectNode) -> None:
    measure_id, texts = promoted_measure(demo_store, project)
    with qtbot.waitSignal(table.loaded, timeout=WAIT):
        table.reload()
    assert cell(table, "Wochenendmobilität", IDEAS).data() == "3"

    focus_cell(qtbot, table, cell(table, "Wochenendmobilität", TITLE))
    qtbot.keyClick(table.view, Qt.Key.Key_Return)
    dialog = wait_trace(qtbot, table)
    assert dialog.measure_id == measure_id
    assert dialog.heading.text() == "Wochenendmobilität"
    assert [label.text() for label in dialog.idea_labels] == texts
    # Typed text stays characters: markup from a phone is never rendered.
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in dialog.idea_labels)
    assert all(label.textFormat() == Qt.TextFormat.PlainText
               for label in dialog.findChildren(QLabel))
    cluster_line = next(label.text() for label in dialog.findChildren(QLabel)
                        if label.objectName() == "traceCluster")
    assert cluster_line == "Cluster “Mobil am Wochenende” (3 ideas)"
    workshop = project.workshops[0]
    assert any(label.text().startswith(workshop.title) for label in dialog.findChildren(QLabel))

    # The dialog follows the board: an idea edited there is edited here.
    bridge.run(board_ops.edit_idea(
        next(i.id for i in dialog.trace.ideas if i.text == texts[0]),  # type: ignore[union-attr]
        text="Bürgerbus auch sonntags"))
    qtbot.waitUntil(lambda: bool(dialog.idea_labels)
                    and dialog.idea_labels[0].text() == "Bürgerbus auch sonntags", timeout=WAIT)


def test_a_double_click_on_the_title_opens_the_trace_with_votes(
        qtbot: QtBot, table: MeasuresTable, demo_store: Store, project: ProjectNode) -> None:
    index = cell(table, LORA, TITLE)
    table.view.scrollTo(index)
    # A real double-click: press and release, then the second press.
    centre = table.view.visualRect(index).center()
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    dialog = wait_trace(qtbot, table)
    assert dialog.heading.text() == LORA
    assert len(dialog.idea_labels) == 10
    results = dialog.results_table
    assert results is not None
    rows = [[results.item(row, column).text() for column in range(5)]
            for row in range(results.rowCount())]
    assert rows == [
        ["Prioritäten der Ziele (Dot voting)", "Gemeinsame Daten und vernetzte Kommunen",
         "3 of 6", "8", "18 %"],
        ["Prioritäten der Ziele (Dot voting)", "Klimaschutz und Energie mit Daten steuern",
         "4 of 6", "7", "16 %"]]

    # Reading far down the ideas, a refresh (a vote from a phone) keeps the place.
    dialog.resize(700, 400)
    bar = dialog.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100, timeout=WAIT)
    bar.setValue(bar.maximum())
    place = bar.value()
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        dialog.reload()
    qtbot.waitUntil(lambda: bar.value() == place, timeout=WAIT)


# --------------------------------------------------------------------------- priorities


def open_priorities(qtbot: QtBot, table: MeasuresTable) -> BallotPrioritiesDialog:
    table.priorities_action.trigger()
    dialog = table.priorities_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.ballot_list.count() > 0, timeout=WAIT)
    return dialog


def click_ballot(qtbot: QtBot, dialog: BallotPrioritiesDialog, title: str) -> None:
    for row in range(dialog.ballot_list.count()):
        item = dialog.ballot_list.item(row)
        if item.text().splitlines()[0] == title:
            rect = dialog.ballot_list.visualItemRect(item)
            with qtbot.waitSignal(dialog.previewed, timeout=WAIT):
                qtbot.mouseClick(dialog.ballot_list.viewport(), Qt.MouseButton.LeftButton,
                                 pos=rect.center())
            return
    raise AssertionError(f"no ballot {title!r}")


def test_priorities_are_taken_from_a_ballot_after_a_preview(
        qtbot: QtBot, table: MeasuresTable, bridge: StoreBridge, demo_store: Store,
        project: ProjectNode) -> None:
    dialog = open_priorities(qtbot, table)
    assert [dialog.ballot_list.item(row).text().splitlines()[0]
            for row in range(dialog.ballot_list.count())] == [
        "Prioritäten der Ziele", "Beteiligungsformate 2022"]
    click_ballot(qtbot, dialog, "Prioritäten der Ziele")
    expected = demo_store.read(lambda s: ballot_priorities(
        s, dialog.preview.ballot_id, voting_queries.results))  # type: ignore[union-attr]
    assert expected is not None
    preview = {dialog.table.item(row, 0).text(): dialog.table.item(row, 2).text()
               for row in range(dialog.table.rowCount())}
    assert preview == {p.measure_title: str(p.rank) for p in expected.proposals}
    assert preview[LORA] == "3"
    assert dialog.apply_button.isEnabled()

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    wanted = {p.measure_id: p.rank for p in expected.proposals}
    qtbot.waitUntil(lambda: all(measure(demo_store, m).priority == rank
                                for m, rank in wanted.items()), timeout=WAIT)
    qtbot.waitUntil(lambda: cell(table, LORA, PRIORITY).data() == "3", timeout=WAIT)
    assert table.priorities_dialog is None  # closed after taking them

    bridge.undo_stack.undo()
    before = {p.measure_id: p.current for p in expected.proposals}
    qtbot.waitUntil(lambda: all(measure(demo_store, m).priority == current
                                for m, current in before.items()), timeout=WAIT)
    qtbot.waitUntil(lambda: cell(table, LORA, PRIORITY).data() == "2", timeout=WAIT)


def test_a_matrix_ballot_is_refused_with_the_reason(qtbot: QtBot, table: MeasuresTable,
                                                     demo_store: Store,
                                                     project: ProjectNode) -> None:
    workshop = project.workshops[0]
    wall = demo_store.read(lambda s: list_boards(s, workshop.id))[0]
    snapshot = demo_store.read(lambda s: load_agenda(s, project.id))
    batch = voting_ops.create_ballot(workshop.id, "matrix", "Aufwand und Nutzen",
                                     board_id=wall.id, options=[("LoRaWAN", None, None)])
    demo_store.apply(batch)
    matrix = batch.operations[0].id  # type: ignore[attr-defined]
    demo_store.apply(voting_ops.open_ballot(matrix))
    option = demo_store.read(lambda s: voting_queries.load_ballot(s, matrix)).options[0]
    demo_store.apply(voting_ops.CastVote(matrix, "a" * 64, "m1", {option.id: (3.0, 7.0)}))
    # What the store says when the operation itself is refused.
    with pytest.raises(ValidationError) as refusal:
        demo_store.apply(timeline_ops.priorities_from_ballot(matrix, voting_queries.results))

    dialog = open_priorities(qtbot, table)
    click_ballot(qtbot, dialog, "Aufwand und Nutzen")
    assert dialog.message.text() == str(refusal.value.message) == (
        "A 2x2 matrix does not rank its options, so it cannot set priorities.")
    assert dialog.table.rowCount() == 0
    assert not dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)  # disabled: nothing
    assert demo_store.read(lambda s: load_agenda(s, project.id)) == snapshot

    # Another ballot of the same dialog still works.
    click_ballot(qtbot, dialog, "Beteiligungsformate 2022")
    assert dialog.apply_button.isEnabled() and dialog.message.text().startswith(
        "“Beteiligungsformate 2022” gives 2 measures a priority")


# --------------------------------------------------------------------------- export


def save_to(table: MeasuresTable, monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the file dialog with ``path``; returns the captions it was asked with."""
    asked: list[str] = []

    def answer(caption: str, suggested: str, file_filter: str) -> Path:
        asked.append(f"{caption}|{suggested}|{file_filter}")
        return path

    monkeypatch.setattr(table, "ask_save_path", answer)
    return asked


def test_the_shown_measures_are_exported_as_csv_and_xlsx(
        qtbot: QtBot, table: MeasuresTable, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.keyClicks(table.search, "Kreisverwaltung")
    titles = shown(table)
    assert 0 < len(titles) < 12

    asked = save_to(table, monkeypatch, tmp_path / "agenda")  # the suffix is added
    with qtbot.waitSignal(table.notice, timeout=WAIT) as saved:
        table.csv_action.trigger()
    assert asked == ["Save the measures as CSV|Digital agenda Smarte Region MYK10.csv|"
                     "CSV for Excel (*.csv)"]
    path = tmp_path / "agenda.csv"
    assert saved.args[0] == f"{len(titles)} measures saved: {path}"
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))
    assert rows[0] == ["Measure", "Field of action", "Owner", "Priority", "Status", "Start",
                       "End", "Ideas", "Votes"]
    assert [row[0] for row in rows[1:]] == titles
    assert rows[1][5].count(".") == 2  # German dates

    save_to(table, monkeypatch, tmp_path / "agenda.xlsx")
    with qtbot.waitSignal(table.notice, timeout=WAIT):
        table.xlsx_action.trigger()
    sheet = openpyxl.load_workbook(tmp_path / "agenda.xlsx").active
    written = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in written] == titles
    assert all(isinstance(row[5], dt.datetime) and isinstance(row[8], int) for row in written)


def test_the_calendar_export_holds_milestones_and_measures(
        qtbot: QtBot, table: MeasuresTable, tmp_path: Path, demo_store: Store,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (project,) = demo_store.read(load_tree)
    save_to(table, monkeypatch, tmp_path / "plan.ics")
    with qtbot.waitSignal(table.notice, timeout=WAIT) as saved:
        table.ics_action.trigger()
    assert saved.args[0].startswith(f"The calendar was saved: {tmp_path / 'plan.ics'}")
    calendar = icalendar.Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    measures = stored(demo_store, project)
    assert {f"measure-{row.measure_id}@myk10-workshop" for row in measures.values()} <= uids
    assert len([uid for uid in uids if uid.startswith("milestone-")]) == 12


def test_a_failed_export_says_why(qtbot: QtBot, table: MeasuresTable, bridge: StoreBridge,
                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "missing folder" / "agenda.csv"
    save_to(table, monkeypatch, target)
    with qtbot.waitSignal(bridge.failed, timeout=WAIT) as failed:
        table.csv_action.trigger()
    assert failed.args[0].startswith(f"The file could not be saved to {target}: ")
    assert not target.exists()


def test_no_project_shows_an_empty_table(qtbot: QtBot, table: MeasuresTable) -> None:
    table.show_project(None)
    assert table.model.rowCount() == 0
    assert not table.priorities_action.isEnabled()
    assert not table.export_button.isEnabled()



# --------------------------------------------------------------------------- review fixes


def test_the_trace_counts_one_vote_result_in_the_singular(
        qtbot: QtBot, table: MeasuresTable, demo_store: Store, project: ProjectNode) -> None:
    table.select_measure(stored(demo_store, project)[PORTAL].measure_id)
    table.open_current_trace()
    dialog = wait_trace(qtbot, table)
    assert dialog.trace is not None and len(dialog.trace.results) == 1
    assert "5 ideas and 1 vote result lie behind it." in dialog.facts.text()


def test_at_1366_pixels_every_column_fits_without_sideways_scrolling(
        qtbot: QtBot, demo_window: Any, english: Translations, project: ProjectNode) -> None:
    english.install("de")
    demo_window.showNormal()
    demo_window.resize(1366, 768)
    qtbot.waitUntil(lambda: demo_window.width() == 1366)
    demo_window.navigator.select("project", project.id)
    table = demo_window.show_timeline().show_measures()
    qtbot.waitUntil(lambda: table.proxy.rowCount() == 12, timeout=WAIT)
    view = table.view
    qtbot.waitUntil(lambda: 0 < view.viewport().width() < 1000)
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)
    assert sum(view.columnWidth(column) for column in range(9)) <= view.viewport().width()
    # Dates are not cut: each column is as wide as its widest date.
    metrics = view.fontMetrics()
    for column in (STARTS, ENDS):
        widest = max(metrics.horizontalAdvance(table.proxy.index(row, column).data() or "")
                     for row in range(table.proxy.rowCount()))
        assert widest < view.columnWidth(column) < widest + 60
    for column in (IDEAS, VOTES):
        assert view.columnWidth(column) < 100
    assert view.columnWidth(TITLE) >= view.MIN_TITLE_WIDTH
