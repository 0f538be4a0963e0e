"""The Voting page driven as a facilitator drives it, and fed by real phones over HTTP."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from myk10_workshop.projects.queries import ProjectNode
from myk10_workshop.store.database import Store
from myk10_workshop.store.schema import Ballot, BallotOption, PaperTally
from myk10_workshop.ui.main_window import MainWindow
from myk10_workshop.ui.voting.page import VotingPage
from myk10_workshop.voting import queries

Tree = Callable[[], tuple[ProjectNode, ...]]


@pytest.fixture
def page(qtbot: QtBot, demo_window: MainWindow, tree: Tree) -> Iterator[VotingPage]:
    voting = demo_window.voting_page
    with qtbot.waitSignal(voting.loaded, timeout=10_000):
        demo_window.navigator.select("workshop", tree()[0].workshops[0].id)
        demo_window.show_voting()
    yield voting
    voting.stop_session_now()


def _ballots(store: Store) -> dict[str, Ballot]:
    return {b.title: b for b in store.read(lambda s: list(s.scalars(
        select(Ballot).where(Ballot.deleted.is_(False)))))}


def _current(page: VotingPage) -> uuid.UUID:
    assert page.view is not None
    return page.view.ballot.id


def test_the_demo_ballots_and_their_ranked_results(page: VotingPage) -> None:
    titles = [page.ballots.item(row).text().splitlines()[0]
              for row in range(page.ballots.count())]
    assert titles == ["Prioritäten der Ziele", "Beteiligungsformate 2022"]
    assert page.voted.text() == "13 participants have voted"
    lines = page.chart.lines()
    assert [line.rank for line, _figure in lines][:3] == [1, 2, 3]
    first, figure = lines[0]
    assert first.label == "Digitale Verwaltung – einfach und bürgernah"
    assert figure == "13 (2 on paper)"
    # The paper column holds the typed-in tallies of the demo.
    spin = page.paper.cellWidget(0, 2)
    assert isinstance(spin, QSpinBox)
    assert spin.value() == 2


def test_a_new_ballot_is_edited_saved_and_undone(qtbot: QtBot, page: VotingPage,
                                                 demo_window: MainWindow,
                                                 demo_store: Store) -> None:
    page.create_ballot("single")
    qtbot.waitUntil(lambda: page.view is not None and page.view.ballot.kind == "single")
    assert page.view is not None
    assert page.view.ballot.title == "Ballot 3"
    assert page.editor.title.hasFocus() or not page.isActiveWindow()
    page.editor.title.setText("Wo treffen wir uns?")
    page.editor.title.editingFinished.emit()
    qtbot.waitUntil(lambda: "Wo treffen wir uns?" in _ballots(demo_store))
    for text in ("Rathaus", "Bürgerhaus"):
        page.editor.new_option.setText(text)
        qtbot.keyClick(page.editor.new_option, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda t=text: page.view is not None and t in [
            o.label for o in page.view.options])
    assert [page.editor.options.item(i).text() for i in range(2)] == ["Rathaus", "Bürgerhaus"]
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: page.view is not None and len(page.view.options) == 1)
    demo_window.undo_action.trigger()
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: "Wo treffen wir uns?" not in _ballots(demo_store))


def test_rules_of_a_kind_are_saved_after_a_pause(qtbot: QtBot, page: VotingPage,
                                                 demo_store: Store) -> None:
    spin = page.editor.findChild(QSpinBox, "setting_dots_per_person")
    assert isinstance(spin, QSpinBox)
    ballot_id = _current(page)
    spin.setValue(5)
    qtbot.waitUntil(lambda: demo_store.read(
        lambda s: s.get(Ballot, ballot_id)).settings["dots_per_person"] == 5, timeout=3000)


def test_open_with_countdown_close_and_hide_results(qtbot: QtBot, page: VotingPage,
                                                    demo_store: Store) -> None:
    ballot_id = _current(page)
    page.countdown.setValue(5)
    page.open_action.trigger()
    qtbot.waitUntil(lambda: page.view is not None and page.view.ballot.status == "open")
    stored = demo_store.read(lambda s: s.get(Ballot, ballot_id))
    assert stored.status == "open" and stored.closes_at is not None
    assert re.match(r"Open: closes in [45]:\d\d", page.state.text()), page.state.text()
    page.hide_action.trigger()
    qtbot.waitUntil(lambda: demo_store.read(lambda s: s.get(Ballot, ballot_id)).results_hidden)
    page.close_action.trigger()
    qtbot.waitUntil(lambda: demo_store.read(lambda s: s.get(Ballot, ballot_id)).status
                    == "closed")
    qtbot.waitUntil(lambda: not page.close_action.isEnabled())
    assert page.state.text().startswith("Closed")


def test_paper_tallies_are_typed_in(qtbot: QtBot, page: VotingPage, demo_store: Store) -> None:
    spin = page.paper.cellWidget(3, 2)
    assert isinstance(spin, QSpinBox)
    option_id = uuid.UUID(str(spin.property("option")))
    spin.setValue(7)
    spin.editingFinished.emit()

    def paper() -> int:
        return sum(t.count for t in demo_store.read(lambda s: list(s.scalars(
            select(PaperTally).where(PaperTally.option_id == option_id,
                                     PaperTally.deleted.is_(False))))))

    qtbot.waitUntil(lambda: paper() == 7)
    qtbot.waitUntil(lambda: any(figure.endswith("(7 on paper)")
                                for _line, figure in page.chart.lines()))


def test_options_come_from_the_board(qtbot: QtBot, page: VotingPage,
                                     demo_store: Store) -> None:
    page.create_ballot("multiple")
    qtbot.waitUntil(lambda: page.view is not None and page.view.ballot.kind == "multiple")
    assert page.view is not None and page.view.ballot.board_id is not None
    page.editor.from_clusters.click()
    qtbot.waitUntil(lambda: page.view is not None and len(page.view.options) >= 3)
    ballot_id = _current(page)
    stored = demo_store.read(lambda s: list(s.scalars(select(BallotOption).where(
        BallotOption.ballot_id == ballot_id, BallotOption.deleted.is_(False)))))
    assert all(option.cluster_id is not None for option in stored)
    count = len(stored)
    page.editor.from_clusters.click()  # nothing new: no duplicates
    qtbot.wait(300)
    assert page.view is not None and len(page.view.options) == count


@pytest.mark.slow
def test_live_session_phones_vote_and_the_screen_follows(
        qtbot: QtBot, page: VotingPage, demo_store: Store, demo_window: MainWindow) -> None:
    # A dot vote on the demo board's clusters, opened; then a real phone votes over HTTP.
    page.create_ballot("dots")
    qtbot.waitUntil(lambda: page.view is not None and page.view.ballot.title == "Ballot 3")
    page.editor.from_clusters.click()
    qtbot.waitUntil(lambda: page.view is not None and len(page.view.options) >= 2)
    page.open_action.trigger()
    qtbot.waitUntil(lambda: page.view is not None and page.view.ballot.status == "open")
    assert page.view is not None
    ballot_id = _current(page)
    option = page.view.options[0]
    cluster = option.cluster_id
    assert cluster is not None
    board = demo_window.board_page
    qtbot.waitUntil(lambda: cluster in board.scene.clusters)
    frame = board.scene.clusters[cluster]
    before = frame.votes

    with qtbot.waitSignal(page.live.started, timeout=10_000):
        page.start_session("127.0.0.1")
    info = page.live.info
    assert info is not None and info.host == "127.0.0.1"
    qtbot.waitUntil(lambda: bool(page.session.qr.matrix()))
    assert page.session.code.text() == info.join_code
    # The QR code on screen reads back as the join address.
    image = page.session.qr.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [info.join_url]

    with httpx.Client(base_url=info.join_url.rstrip("/"), timeout=10) as phone:
        form = phone.get(f"/b/{ballot_id}")
        assert form.status_code == 200
        submission = re.search(r'name="submission" value="(\w+)"', form.text)
        assert submission is not None
        answer = phone.post(f"/b/{ballot_id}", data={
            "submission": submission.group(1), f"dots-{option.id}": "1"},
            headers={"Accept": "application/json"})
        assert answer.json() == {"ok": True}
    qtbot.waitUntil(lambda: page.voted.text() == "1 participant has voted", timeout=5000)
    assert demo_store.read(lambda s: queries.results(s, ballot_id)).participants == 1
    # The board shows the dot on the cluster at once, without being built anew.
    qtbot.waitUntil(lambda: frame.votes == before + 1, timeout=5000)
    assert board.scene.clusters[cluster] is frame

    with qtbot.waitSignal(page.live.stopped, timeout=10_000):
        page.session.start_button.click()
    with pytest.raises(httpx.ConnectError):
        httpx.get(info.join_url, timeout=2)
    assert page.session.start_button.text() == "&Start live session"


@pytest.mark.slow
def test_the_join_poster_carries_a_readable_code(qtbot: QtBot, page: VotingPage,
                                                 tmp_path: Path) -> None:
    with qtbot.waitSignal(page.live.started, timeout=10_000):
        page.start_session("127.0.0.1")
    info = page.live.info
    assert info is not None
    page.session.ssid.setText("Dorfgemeinschaftshaus")
    page.session.password.setText("geheim;123")
    target = tmp_path / "poster.pdf"
    with qtbot.waitSignal(page.notice, timeout=10_000) as said:
        page.write_poster(target)
    assert str(target) in said.args[0]
    assert target.read_bytes().startswith(b"%PDF")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        if os.environ.get("MYK10_REQUIRE_BROWSER"):
            pytest.fail("pdftoppm (poppler-utils) is missing; .ci/run installs it")
        pytest.skip("pdftoppm (poppler-utils) is needed to read the printed codes")
    subprocess.run([pdftoppm, "-r", "100", "-png", str(target), str(tmp_path / "page")],
                   check=True)
    (png,) = tmp_path.glob("page*.png")
    texts = sorted(code.text for code in zxingcpp.read_barcodes(QImage(str(png))))
    assert texts == sorted([info.join_url,
                            "WIFI:T:WPA;S:Dorfgemeinschaftshaus;P:geheim\\;123;;"])
