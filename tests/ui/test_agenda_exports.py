""""Print & export" on the Agenda page, driven as a facilitator drives it: the menu's
entries on the demo workshop, the files they write (read back as a reader would: the PDFs
through poppler's pdftotext, the calendar through the icalendar parser), a write that
fails, and the same in German. The file dialog is replaced by a stand-in that answers with
a path."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import icalendar
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from myk10_workshop.agenda import operations as ops
from myk10_workshop.agenda.queries import AgendaView, load_agenda
from myk10_workshop.projects.operations import create_workshop
from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.store.database import Store
from myk10_workshop.ui.agenda.model import RowKind
from myk10_workshop.ui.agenda.page import AgendaExport, AgendaPage, safe_file_name
from myk10_workshop.ui.application import Translations
from myk10_workshop.ui.bridge import StoreBridge

Tree = Callable[[], tuple[ProjectNode, ...]]
# What the save dialog was asked: caption, suggested file name, file filter.
Asked = list[tuple[str, str, str]]

TITLE = "Strategie-Workshop Smarte Region MYK10"
VENUE = "Kreisverwaltung Mayen-Koblenz"
BACKSTAGE = "Umbau für die Arbeitsgruppen"  # the demo's facilitator-only block
BACKSTAGE_NOTE = "Raumschilder an 1.01"  # a line of its notes
WAIT = 20_000


@pytest.fixture
def workshop_id(demo_store: Store, tree: Tree) -> uuid.UUID:
    return tree()[0].workshops[0].id


@pytest.fixture
def host(qtbot: QtBot, bridge: StoreBridge, english: Translations) -> Iterator[QWidget]:
    """A plain window holding the page."""
    window = QWidget()
    window.resize(1100, 760)
    yield window
    window.close()
    bridge.wait_idle()
    shiboken6.delete(window)


def _open(qtbot: QtBot, host: QWidget, bridge: StoreBridge,
          workshop: uuid.UUID | None) -> AgendaPage:
    page = AgendaPage(bridge, host)
    QVBoxLayout(host).addWidget(page)
    host.show()
    qtbot.waitExposed(host)
    if workshop is not None:
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.show_workshop(workshop)
    return page


@pytest.fixture
def page(qtbot: QtBot, host: QWidget, bridge: StoreBridge, workshop_id: uuid.UUID,
         ) -> AgendaPage:
    return _open(qtbot, host, bridge, workshop_id)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for the exports alone (the database lives beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _stored(store: Store, workshop: uuid.UUID) -> AgendaView:
    agenda = store.read(lambda s: load_agenda(s, workshop))
    assert agenda is not None
    return agenda


def _answer(monkeypatch: pytest.MonkeyPatch, page: AgendaPage, path: Path | None) -> Asked:
    """The save dialog answers ``path`` (None: cancelled); what it was asked is kept."""
    asked: Asked = []

    def ask(caption: str, suggested: str, file_filter: str) -> Path | None:
        asked.append((caption, suggested, file_filter))
        return path

    monkeypatch.setattr(page, "ask_save_path", ask)
    return asked


def _said(page: AgendaPage, bridge: StoreBridge) -> tuple[list[str], list[str]]:
    """What the page says from now on: (notices, failures)."""
    notices: list[str] = []
    failures: list[str] = []
    page.notice.connect(notices.append)
    bridge.failed.connect(failures.append)
    return notices, failures


def _export(qtbot: QtBot, page: AgendaPage, action: QAction) -> tuple[Path, bool]:
    """Choose a menu entry and wait until its file is written (or not)."""
    assert action.isEnabled()
    with qtbot.waitSignal(page.exported, timeout=WAIT) as done:
        action.trigger()
    path, ok = done.args
    return path, ok


def pdf_text(path: Path) -> str:
    """The PDF's text with every run of white space as one space (cells wrap lines)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDFs back")
    text = subprocess.run([tool, "-raw", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout
    return " ".join(text.split())


def _events(path: Path) -> list[icalendar.Component]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


# --------------------------------------------------------------------------- the menu


def test_the_menu_holds_the_exports_and_the_templates(qtbot: QtBot, page: AgendaPage,
                                                      workshop_id: uuid.UUID,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    button = page.export_button
    assert isinstance(button, QToolButton) and button.isVisible()
    # Beside the tool bar, as "Start the workshop" is: never behind its "»".
    assert button.defaultAction() is page.export_action
    assert page.bar.widgetForAction(page.export_action) is None
    # The library panel asks for the template's name: here, the facilitator cancels.
    asked: list[str] = []
    monkeypatch.setattr(page.library_panel, "ask_name",
                        lambda title, label, text: asked.append(text))
    # One click opens the menu; the text shows a plain "&".
    assert button.popupMode() is QToolButton.ToolButtonPopupMode.InstantPopup
    assert page.export_action.menu() is page.export_menu
    assert page.export_action.text() == "Print && e&xport"
    entries = [action for action in page.export_menu.actions() if not action.isSeparator()]
    assert entries == [page.handout_action, page.run_sheet_action, page.calendar_action,
                       page.save_block_template_action, page.save_agenda_template_action]
    assert [action.text() for action in entries] == [
        "&Handout for the participants (PDF)…", "&Run sheet for the facilitation team (PDF)…",
        "Agenda as &calendar file (.ics)…", "Save &block as template…",
        "Save &agenda as template…"]
    assert "without the blocks for the facilitation team" in page.handout_action.toolTip()
    # The page opens on the first block: everything fits.
    qtbot.waitUntil(lambda: page.current_block() is not None)
    first = page.current_block()
    assert first is not None
    assert all(action.isEnabled() for action in entries)
    with qtbot.waitSignal(page.save_block_template_requested) as block_asked:
        page.save_block_template_action.trigger()
    assert block_asked.args == [first.id]
    with qtbot.waitSignal(page.save_agenda_template_requested) as agenda_asked:
        page.save_agenda_template_action.trigger()
    assert agenda_asked.args == [workshop_id]
    # Both went to the library panel, which offered the block's and the workshop's title.
    assert page.agenda is not None
    assert asked == [first.title, page.agenda.title]
    # A day is no block: it cannot be kept as a block template.
    assert page.agenda is not None
    page.select_day(page.agenda.days[1].id)
    qtbot.waitUntil(lambda: page.model.kind(page.tree.currentIndex()) is RowKind.DAY)
    assert not page.save_block_template_action.isEnabled()
    assert page.save_agenda_template_action.isEnabled()
    assert page.handout_action.isEnabled() and page.calendar_action.isEnabled()


def test_nothing_to_export_without_an_agenda(qtbot: QtBot, host: QWidget, *,
                                             bridge: StoreBridge, demo_store: Store,
                                             tree: Tree, out: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    made = create_workshop(tree()[0].id, "Noch ohne Ablauf")
    demo_store.apply(made)
    page = _open(qtbot, host, bridge, made.id)
    assert page.agenda is not None and not page.agenda.days
    for action in (page.handout_action, page.run_sheet_action, page.calendar_action,
                   page.save_block_template_action, page.save_agenda_template_action):
        assert not action.isEnabled(), action.objectName()
    # Choosing them anyway (a stale menu) asks for nothing and writes nothing.
    with (qtbot.assertNotEmitted(page.save_block_template_requested),
          qtbot.assertNotEmitted(page.save_agenda_template_requested)):
        page.request_block_template()
        page.request_agenda_template()
    asked = _answer(monkeypatch, page, out / "Ablaufplan.pdf")
    with qtbot.assertNotEmitted(page.exported, wait=200):
        page.choose_export(AgendaExport.HANDOUT)
    assert asked == [] and list(out.iterdir()) == []
    page.show_workshop(None)
    qtbot.waitUntil(lambda: not page.bar.isVisibleTo(page))
    assert not page.handout_action.isEnabled()
    assert page.export(AgendaExport.HANDOUT, Path("nowhere.pdf")) is False


def test_a_calendar_needs_days_with_a_date(qtbot: QtBot, host: QWidget, bridge: StoreBridge,
                                           demo_store: Store, workshop_id: uuid.UUID) -> None:
    for day in _stored(demo_store, workshop_id).days:
        demo_store.apply(ops.update_day(day.id, day=None))
    page = _open(qtbot, host, bridge, workshop_id)
    assert page.handout_action.isEnabled() and page.run_sheet_action.isEnabled()
    assert not page.calendar_action.isEnabled()
    assert page.calendar_action.toolTip() == ("Give the days a date first: a calendar needs "
                                              "dates")
    assert page.export_menu.toolTipsVisible()


# --------------------------------------------------------------------------- the files


def test_the_handout_is_for_the_room(qtbot: QtBot, page: AgendaPage, bridge: StoreBridge,
                                     out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, page, out / "Handout")  # no suffix typed
    notices, failures = _said(page, bridge)
    path, ok = _export(qtbot, page, page.handout_action)
    target = out / "Handout.pdf"
    assert (path, ok) == (target, True)
    assert asked == [("Save the handout for the participants", f"Agenda – {TITLE}.pdf",
                      "PDF (*.pdf)")]
    assert target.read_bytes().startswith(b"%PDF")
    text = pdf_text(target)
    assert text.startswith(f"{TITLE} Agenda {VENUE}")  # the heading
    assert "World Café" in text and "Check-in" in text
    assert BACKSTAGE not in text and BACKSTAGE_NOTE not in text
    assert notices == [f"The handout for the participants was saved: {target}"]
    assert failures == []
    assert QApplication.overrideCursor() is None
    # The next export is offered in the same folder.
    assert page._folder == out


def test_the_run_sheet_is_for_the_team(qtbot: QtBot, page: AgendaPage, bridge: StoreBridge,
                                       out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, page, out / "Regie.PDF")
    notices, failures = _said(page, bridge)
    path, ok = _export(qtbot, page, page.run_sheet_action)
    target = out / "Regie.PDF"  # a suffix in capitals is still a PDF's
    assert (path, ok) == (target, True)
    assert asked == [("Save the run sheet for the facilitation team",
                      f"Run sheet – {TITLE}.pdf", "PDF (*.pdf)")]
    assert target.read_bytes().startswith(b"%PDF")
    text = pdf_text(target)
    assert text.startswith(f"{TITLE} Run sheet for the facilitation team {VENUE}")
    assert BACKSTAGE in text and BACKSTAGE_NOTE in text
    assert "FACILITATOR ONLY" in text  # the mark of the blocks the room does not see
    assert "World Café" in text
    assert notices == [f"The run sheet for the facilitation team was saved: {target}"]
    assert failures == []


def test_the_calendar_has_an_event_per_block(qtbot: QtBot, page: AgendaPage, *,
                                             bridge: StoreBridge, demo_store: Store,
                                             workshop_id: uuid.UUID, out: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, page, out / "Kalender.ics")
    notices, failures = _said(page, bridge)
    path, ok = _export(qtbot, page, page.calendar_action)
    assert (path, ok) == (out / "Kalender.ics", True)
    assert asked == [("Save the agenda as a calendar file", f"Agenda – {TITLE}.ics",
                      "iCalendar (*.ics)")]
    events = _events(path)
    agenda = _stored(demo_store, workshop_id)
    shown = [block for block in agenda.blocks if not block.facilitator_only]
    assert len(shown) < len(agenda.blocks)
    assert [str(event["SUMMARY"]) for event in events] == [block.title for block in shown]
    assert BACKSTAGE not in {str(event["SUMMARY"]) for event in events}
    first = events[0].decoded("DTSTART")
    assert (first.date(), first.time()) == (dt.date(2022, 1, 20), dt.time(9, 0))
    assert notices == [f"The calendar file was saved: {path}. Calendar programs such as "
                       "Outlook or Thunderbird can import it."]
    assert failures == []


def test_the_calendar_leaves_out_days_without_a_date(qtbot: QtBot, host: QWidget, *,
                                                     bridge: StoreBridge,
                                                     demo_store: Store,
                                                     workshop_id: uuid.UUID, out: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    second = _stored(demo_store, workshop_id).days[1]
    demo_store.apply(ops.update_day(second.id, day=None))
    page = _open(qtbot, host, bridge, workshop_id)
    _answer(monkeypatch, page, out / "Kalender.ics")
    notices, _failures = _said(page, bridge)
    path, ok = _export(qtbot, page, page.calendar_action)
    assert ok
    titles = [str(event["SUMMARY"]) for event in _events(path)]
    first = _stored(demo_store, workshop_id).days[0]
    assert titles == [block.title for block in first.blocks if not block.facilitator_only]
    assert notices[0].endswith("can import it. Days without a date are not in it.")


def test_an_export_has_what_was_just_typed(qtbot: QtBot, page: AgendaPage, *,
                                           demo_store: Store, workshop_id: uuid.UUID,
                                           out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.waitUntil(lambda: page.editor.block is not None)
    # Typed, not saved yet (the field was not left): the handout has it all the same.
    page.editor.title.setText("Ankommen mit Kaffee")
    _answer(monkeypatch, page, out / "Ablaufplan.pdf")
    path, ok = _export(qtbot, page, page.handout_action)
    assert ok
    assert "Ankommen mit Kaffee" in pdf_text(path)
    assert _stored(demo_store, workshop_id).blocks[0].title == "Ankommen mit Kaffee"


def test_a_cancelled_dialog_writes_nothing(qtbot: QtBot, page: AgendaPage, out: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, page, None)
    with qtbot.assertNotEmitted(page.exported, wait=300):
        page.handout_action.trigger()
    assert len(asked) == 1
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("kind", list(AgendaExport))
def test_a_failed_write_is_said_and_leaves_no_file(qtbot: QtBot, page: AgendaPage, *,
                                                   bridge: StoreBridge, out: Path,
                                                   kind: AgendaExport,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = out / "gone" / f"Ablaufplan{kind.suffix}"
    _answer(monkeypatch, page, target)
    notices, failures = _said(page, bridge)
    action = {AgendaExport.HANDOUT: page.handout_action,
              AgendaExport.RUN_SHEET: page.run_sheet_action,
              AgendaExport.CALENDAR: page.calendar_action}[kind]
    path, ok = _export(qtbot, page, action)
    assert (path, ok) == (target, False)
    assert failures == [f"The file could not be saved to {target}: No such file or directory"]
    assert notices == []
    assert list(out.iterdir()) == []  # no folder made, no temporary file left
    assert QApplication.overrideCursor() is None


def test_the_wait_cursor_is_shown_only_while_preparing(qtbot: QtBot, page: AgendaPage,
                                                       bridge: StoreBridge, out: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       ) -> None:
    # The write is held back, to look at the cursor while it waits.
    held: list[tuple[Callable[[], object], Callable[[object], object]]] = []
    monkeypatch.setattr(bridge, "compute", lambda work, done: held.append((work, done)))
    target = out / "Ablaufplan.pdf"
    assert page.export(AgendaExport.RUN_SHEET, target) is True
    cursor = QApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
    qtbot.waitUntil(lambda: bool(held), timeout=WAIT)
    # Read and ready to write: the facilitator may go on working meanwhile.
    assert QApplication.overrideCursor() is None
    assert not target.exists()
    work, done = held[0]
    with qtbot.waitSignal(page.exported, timeout=WAIT) as finished:
        done(work())
    assert finished.args == [target, True] and target.read_bytes().startswith(b"%PDF")


def test_safe_file_names() -> None:
    assert safe_file_name("Agenda – A/B: 2024?") == "Agenda – A-B- 2024-"
    assert safe_file_name("  Workshop.  ") == "Workshop"
    assert safe_file_name("...") == "export"


# --------------------------------------------------------------------------- German


def test_german_ui_and_files(qtbot: QtBot, page: AgendaPage, *, bridge: StoreBridge,
                             out: Path, english: Translations,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    english.install("de")
    # The page hears of the new language through the LanguageChange event.
    qtbot.waitUntil(lambda: page.export_action.text() == "&Drucken && Exportieren")
    assert [page.handout_action.text(), page.run_sheet_action.text(),
            page.calendar_action.text(), page.save_block_template_action.text(),
            page.save_agenda_template_action.text()] == [
        "&Handout für die Teilnehmenden (PDF)…",
        "&Regieplan für das Moderationsteam (PDF)…",
        "Ablaufplan als &Kalenderdatei (.ics)…",
        "&Block als Vorlage speichern…",
        "&Ablaufplan als Vorlage speichern…"]
    notices, failures = _said(page, bridge)

    asked = _answer(monkeypatch, page, out / "Handout.pdf")
    path, ok = _export(qtbot, page, page.handout_action)
    assert ok and asked == [("Handout für die Teilnehmenden speichern",
                             f"Ablaufplan – {TITLE}.pdf", "PDF (*.pdf)")]
    text = pdf_text(path)
    assert text.startswith(f"{TITLE} Ablaufplan {VENUE}")
    assert "Donnerstag" in text and "Seite 1 von" in text
    assert BACKSTAGE not in text
    assert notices[-1] == f"Das Handout für die Teilnehmenden wurde gespeichert: {path}"

    asked = _answer(monkeypatch, page, out / "Regieplan.pdf")
    path, ok = _export(qtbot, page, page.run_sheet_action)
    assert ok and asked[0][:2] == ("Regieplan für das Moderationsteam speichern",
                                   f"Regieplan – {TITLE}.pdf")
    text = pdf_text(path)
    assert "Regieplan für das Moderationsteam" in text and BACKSTAGE in text
    assert "NUR FÜR DIE MODERATION" in text
    assert notices[-1] == f"Der Regieplan für das Moderationsteam wurde gespeichert: {path}"

    asked = _answer(monkeypatch, page, out / "Kalender.ics")
    path, ok = _export(qtbot, page, page.calendar_action)
    assert ok and asked[0] == ("Ablaufplan als Kalenderdatei speichern",
                               f"Ablaufplan – {TITLE}.ics", "iCalendar (*.ics)")
    assert notices[-1] == (f"Die Kalenderdatei wurde gespeichert: {path}. Kalenderprogramme "
                           "wie Outlook oder Thunderbird können sie importieren.")

    target = out / "fehlt" / "Ablaufplan.pdf"
    _answer(monkeypatch, page, target)
    _path, ok = _export(qtbot, page, page.handout_action)
    assert not ok
    assert failures[-1].startswith(f"Die Datei konnte nicht unter {target} gespeichert "
                                   "werden: ")
    english.install("en")
    qtbot.waitUntil(lambda: page.export_action.text() == "Print && e&xport")
